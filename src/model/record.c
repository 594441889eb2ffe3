/* record.c - what every record description shares: digests of field values, the three-way merge, the listing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/record.h"
#include "store/audit.h"

void
record_row_free(struct record_row *r)
{
	int i;

	for (i = 0; i < RECORD_MAX_FIELDS; i++) {
		free(r->v[i]);
		r->v[i] = NULL;
	}
}

void
record_row_take(struct record_row *r, long long id, long long version, long long owner, char **v, int n)
{
	int i;

	memset(r, 0, sizeof(*r));
	r->id = id;
	r->version = version;
	r->owner = owner;
	r->n = n;
	for (i = 0; i < n && i < RECORD_MAX_FIELDS; i++) {
		r->v[i] = v[i];
		v[i] = NULL;
	}
}

/* FNV-1a, 32 bits: enough to tell whether a value changed since a form was rendered (not a secret). */
void
record_digest(const char *value, char out[RECORD_DIGEST_LEN + 1])
{
	unsigned long h = 2166136261UL;
	const unsigned char *p;

	for (p = (const unsigned char *)(value != NULL ? value : ""); *p != '\0'; p++)
		h = ((h ^ *p) * 16777619UL) & 0xffffffffUL;
	snprintf(out, RECORD_DIGEST_LEN + 1, "%08lx", h);
}

void
record_digests(const struct record_desc *d, const char *const *values, char *out)
{
	char one[RECORD_DIGEST_LEN + 1];
	size_t len = 0;
	int i;

	*out = '\0';
	for (i = 0; i < d->n && i < RECORD_MAX_FIELDS; i++) {
		record_digest(values[i], one);
		/* at most RECORD_MAX_FIELDS pieces of RECORD_DIGEST_LEN + 1 bytes: RECORD_DIGESTS_SIZE holds them */
		len += (size_t)snprintf(out + len, RECORD_DIGESTS_SIZE - len, "%s%s", i > 0 ? "." : "", one);
	}
}

/* base's digest of field i into out: 0, or -1 when base does not hold one digest per field. */
static int
base_digest(const char *base, int n, int i, char out[RECORD_DIGEST_LEN + 1])
{
	size_t k;

	if (strlen(base) != (size_t)n * (RECORD_DIGEST_LEN + 1) - 1)
		return -1;
	base += (size_t)i * (RECORD_DIGEST_LEN + 1);
	for (k = 0; k < RECORD_DIGEST_LEN; k++)
		if (strchr("0123456789abcdef", base[k]) == NULL || base[k] == '\0')
			return -1;
	if (base[RECORD_DIGEST_LEN] != '\0' && base[RECORD_DIGEST_LEN] != '.')
		return -1;
	memcpy(out, base, RECORD_DIGEST_LEN);
	out[RECORD_DIGEST_LEN] = '\0';
	return 0;
}

int
record_merge(const struct record_desc *d, const char *base, long long version,
    const struct record_row *stored, const char *const *mine, const char **out, enum merge_state *state)
{
	char was[RECORD_DIGEST_LEN + 1], now[RECORD_DIGEST_LEN + 1], typed[RECORD_DIGEST_LEN + 1];
	int i, conflicts = 0;

	for (i = 0; i < d->n; i++) {
		const char *s = stored->v[i];
		int user_changed, other_changed;

		if (base != NULL) {
			if (base_digest(base, d->n, i, was) != 0)
				return -1;
			record_digest(s, now);
			record_digest(mine[i], typed);
			user_changed = strcmp(typed, was) != 0;
			other_changed = strcmp(now, was) != 0;
		} else {
			user_changed = audit_differs(s, mine[i]);
			other_changed = version != stored->version;
		}
		if (!user_changed || !audit_differs(s, mine[i])) {
			out[i] = s;
			state[i] = MERGE_STORED;
		} else if (!other_changed) {
			out[i] = mine[i];
			state[i] = MERGE_MINE;
		} else {
			out[i] = s;
			state[i] = MERGE_CONFLICT;
			conflicts++;
		}
	}
	return conflicts;
}

int
record_changes(const struct record_desc *d, const struct record_row *stored, const char *const *out)
{
	int i;

	for (i = 0; i < d->n; i++)
		if (audit_differs(stored->v[i], out[i]))
			return 1;
	return 0;
}

const struct record_field *
record_field_named(const struct record_desc *d, const char *name, int *index)
{
	int i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->fields[i].name, name) == 0) {
			if (index != NULL)
				*index = i;
			return &d->fields[i];
		}
	return NULL;
}

static const char *const type_names[] = {
	"line", "text", "phone", "email", "url", "int", "bool", "enum", "slugs", "secret"
};
static const char *const show_names[] = { "text", "yesno", "names" };

void
record_list(FILE *fp)
{
	const struct record_desc *const *dp;
	int i;

	for (dp = record_descs; *dp != NULL; dp++) {
		const struct record_desc *d = *dp;

		fprintf(fp, "record %s table=%s key=%s version=%s form=%s access=%s\n", d->entity, d->table,
		    d->key, d->version_col, d->form_path, d->access);
		for (i = 0; i < d->n; i++) {
			const struct record_field *f = &d->fields[i];

			fprintf(fp, "field %s %s type=%s required=%d min=%lld max=%lld label=%s show=%s\n", d->entity,
			    f->name, type_names[f->type], f->required, f->min, f->max, f->label, show_names[f->show]);
		}
	}
}
