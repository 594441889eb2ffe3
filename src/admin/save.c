/*
 * save.c - the HTTP side of the one save pipeline (save.h): the form parsed by its record description,
 * the per-field choices of a conflict page, the three-way merge, the transaction with its one-time key
 * and bounded retry, and the answer. The write itself and its audit rows are the description's
 * (model/); nothing here knows a table.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin/save.h"
#include "core/conf.h"
#include "core/text.h"
#include "http/auth.h"
#include "http/form.h"
#include "http/multipart.h"
#include "model/account.h"
#include "model/notify.h"
#include "model/staging.h"
#include "store/audit.h"
#include "store/changes.h"
#include "store/db.h"
#include "store/submissions.h"
#include "view/render.h"

/* The description's fields as form_check wants them (ends with name == NULL). */
static void
form_fields(const struct record_desc *d, struct form_field *ff)
{
	int i;

	for (i = 0; i < d->n; i++) {
		ff[i].name = d->fields[i].name;
		ff[i].type = d->fields[i].type;
		ff[i].required = d->fields[i].required;
		ff[i].min = d->fields[i].min;
		ff[i].max = d->fields[i].max;
		ff[i].words = d->fields[i].words;
	}
	memset(&ff[d->n], 0, sizeof(ff[d->n]));
}

/* Value v of field i into Form.<name>: its value and, for a checkbox group, each slug checked. */
static int
field_to_form(HDF *hdf, const struct record_field *f, const char *v)
{
	char slug[64];
	const char *p = v;
	size_t k;
	int rc = render_set(hdf, v, "Form.%s.value", f->name);

	while (f->type == FT_SLUGS && p != NULL && *p != '\0') {
		k = strcspn(p, ",");
		if (k > 0 && k < sizeof(slug)) {
			memcpy(slug, p, k);
			slug[k] = '\0';
			rc |= render_set(hdf, "1", "Form.%s.checked.%s", f->name, slug);
		}
		p += k + (p[k] == ',');
	}
	return rc;
}

const char *
save_form_key(const struct request *rq)
{
	const char *key = request_param(rq, "key");

	return key != NULL && account_token_well_formed(key) ? key : NULL;
}

int
save_new_key(HDF *hdf)
{
	char fresh[ACCOUNT_TOKEN_LEN + 1];

	account_new_token(fresh);
	return render_set(hdf, fresh, "Form.key.value");
}

/* Version, digests of values and the one-time key, for the form's hidden fields. */
static int
hidden_fields(HDF *hdf, const struct record_desc *d, long long version, const char *const *values, const char *key)
{
	char digests[RECORD_DIGESTS_SIZE], fresh[ACCOUNT_TOKEN_LEN + 1];

	record_digests(d, values, digests);
	if (key == NULL) {
		account_new_token(fresh);
		key = fresh;
	}
	return render_set_int(hdf, version, "Form.version.value") | render_set(hdf, digests, "Form.digests.value") |
	    render_set(hdf, key, "Form.key.value");
}

int
save_form(HDF *hdf, const struct record_desc *d, const struct record_row *row)
{
	const char *none[RECORD_MAX_FIELDS] = { NULL };
	const char *const *v = row != NULL ? (const char *const *)row->v : none;
	int i, rc = 0;

	for (i = 0; i < d->n; i++)
		rc |= field_to_form(hdf, &d->fields[i], v[i] != NULL ? v[i] : d->fields[i].empty);
	return rc | hidden_fields(hdf, d, row != NULL ? row->version : 0, v, NULL);
}

int
save_field_error(HDF *hdf, const struct record_desc *d, const char *name, const char *msgkey)
{
	char key[96], extra[8][64];
	HDF *node = hdf_get_obj(hdf, "Form.Errors");
	int i, n = 0, k = 0;

	snprintf(key, sizeof(key), "Form.%s.error", name);
	if (hdf_get_value(hdf, key, NULL) == NULL)
		render_set(hdf, hdf_get_value(hdf, msgkey, "?"), "Form.%s.error", name);
	/* errors of fields the description does not have (an attachment, a rule of several fields) stay,
	 * after the description's fields */
	for (node = node != NULL ? hdf_obj_child(node) : NULL; node != NULL && k < 8; node = hdf_obj_next(node))
		if (record_field_named(d, hdf_obj_value(node), NULL) == NULL && strcmp(hdf_obj_value(node), name) != 0)
			snprintf(extra[k++], sizeof(extra[0]), "%s", hdf_obj_value(node));
	if (record_field_named(d, name, NULL) == NULL && k < 8)
		snprintf(extra[k++], sizeof(extra[0]), "%s", name);
	hdf_remove_tree(hdf, "Form.Errors");
	for (i = 0; i < d->n; i++) {
		snprintf(key, sizeof(key), "Form.%s.error", d->fields[i].name);
		if (hdf_get_value(hdf, key, NULL) != NULL)
			render_set(hdf, d->fields[i].name, "Form.Errors.%d", n++);
	}
	for (i = 0; i < k; i++)
		render_set(hdf, extra[i], "Form.Errors.%d", n++);
	render_set_int(hdf, n, "Form.errors");
	return n;
}

/* Drop every parameter named name. */
static void
params_drop(struct params *p, const char *name)
{
	size_t i, j = 0;

	for (i = 0; i < p->n; i++) {
		if (strcmp(p->v[i].name, name) == 0) {
			free(p->v[i].name);
			free(p->v[i].value);
			continue;
		}
		p->v[j++] = p->v[i];
	}
	p->n = j;
}

/*
 * A conflict page's choices: for each field with pick.<name> = stored or yours, the field's value becomes
 * the hidden stored.<name> or yours.<name> values (renamed in place), so that form_check checks the chosen
 * value as if it had been typed. 0, or -1 when memory runs out.
 */
static int
apply_picks(struct request *rq, const struct record_desc *d)
{
	char key[80], from[80];
	const char *pick;
	size_t i;
	int k;

	for (k = 0; k < d->n; k++) {
		const char *name = d->fields[k].name;

		snprintf(key, sizeof(key), "pick.%s", name);
		if ((pick = request_param(rq, key)) == NULL)
			continue;
		snprintf(from, sizeof(from), "%s.%s", strcmp(pick, "yours") == 0 ? "yours" : "stored", name);
		params_drop(&rq->params, name);
		for (i = 0; i < rq->params.n; i++)
			if (strcmp(rq->params.v[i].name, from) == 0) {
				char *n = strdup(name);

				if (n == NULL)
					return -1;
				free(rq->params.v[i].name);
				rq->params.v[i].name = n;
			}
	}
	return 0;
}

/* The checked form as it would be stored: empty as the field's default, numbers plain, checkboxes 1/0. */
static void
form_values(struct request *rq, HDF *hdf, const struct record_desc *d, const char **v, char bufs[][24], int *absent)
{
	long long n;
	int i;

	for (i = 0; i < d->n; i++) {
		const struct record_field *f = &d->fields[i];

		/* a field the request does not carry at all keeps its value (an unchecked checkbox is absent
		 * by nature: it means "no") */
		absent[i] = f->type != FT_BOOL && params_get(&rq->params, f->name) == NULL;
		v[i] = form_value(hdf, f->name);
		if (f->type == FT_BOOL)
			v[i] = v[i] != NULL ? "1" : "0";
		else if (f->type == FT_INT && v[i] != NULL && parse_ll(v[i], f->min, f->max, &n) == 0) {
			snprintf(bufs[i], sizeof(bufs[i]), "%lld", n);
			v[i] = bufs[i];
		}
		if (v[i] == NULL)
			v[i] = f->empty;
	}
}

/* A stored value as a person reads it: yes/no, names for slugs. Into out (size bytes). */
static void
human(struct request *rq, HDF *hdf, const struct record_desc *d, const struct record_field *f, const char *v,
    char *out, size_t size)
{
	char slug[64], name[200];
	size_t k, len = 0;
	const char *p = v;

	*out = '\0';
	if (f->show == SHOW_YESNO) {
		snprintf(out, size, "%s", hdf_get_value(hdf, v != NULL && strcmp(v, "1") == 0 ? "L.save.yes" : "L.save.no", ""));
		return;
	}
	if (f->show != SHOW_NAMES || v == NULL) {
		snprintf(out, size, "%s", v != NULL ? v : "");
		return;
	}
	while (*p != '\0' && len + 1 < size) {
		k = strcspn(p, ",");
		snprintf(slug, sizeof(slug), "%.*s", (int)(k < sizeof(slug) ? k : sizeof(slug) - 1), p);
		if (d->names == NULL || d->names(rq->db, f->name, slug, name, sizeof(name)) != 0) {
			char key[160];
			const char *words;

			/* L.save.words.<entity>.<field> may name the form's own words instead ("committee.status") */
			snprintf(key, sizeof(key), "L.save.words.%s.%s", d->entity, f->name);
			if ((words = hdf_get_value(hdf, key, NULL)) != NULL && *words != '\0')
				snprintf(key, sizeof(key), "L.%s.%s", words, slug);
			else
				snprintf(key, sizeof(key), "L.save.words.%s.%s.%s", d->entity, f->name, slug);
			snprintf(name, sizeof(name), "%s", hdf_get_value(hdf, key, slug));
		}
		len += (size_t)snprintf(out + len, size - len, "%s%s", len > 0 ? ", " : "", name);
		p += k + (p[k] == ',');
	}
}

/* The raw value v as hidden inputs under Conflict.Rows.<row>.<side>.<k>: one per slug, none when empty. */
static int
hidden_values(HDF *hdf, const struct record_field *f, const char *v, int row, const char *side)
{
	char one[20001];
	const char *p = v;
	size_t k;
	int n = 0, rc = 0;

	if (v == NULL || *v == '\0' || (f->type == FT_BOOL && strcmp(v, "1") != 0))
		return 0;
	if (f->type != FT_SLUGS)
		return render_set(hdf, v, "Conflict.Rows.%d.%s.0", row, side);
	while (*p != '\0') {
		k = strcspn(p, ",");
		snprintf(one, sizeof(one), "%.*s", (int)k, p);
		rc |= render_set(hdf, one, "Conflict.Rows.%d.%s.%d", row, side, n++);
		p += k + (p[k] == ',');
	}
	return rc;
}

/*
 * The conflict page: the fields both people changed, with labels, both values as a person reads them and a
 * choice each (the stored value chosen unless the user picks theirs); every other field re-rendered from the
 * stored row with the user's own changes to it; version and digests of the stored row, so that saving this
 * page applies the choices and what the user sees, nothing else. Returns 409.
 */
static int
conflict(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *stored,
    const char *const *mine, const char *const *out, const enum merge_state *state, const char *key)
{
	const struct record_desc *d = sv->desc;
	char buf[4096], *keep[RECORD_MAX_FIELDS];
	int i, row = 0;

	/* mine and out may point into Form.*: copy them before Form.* is written */
	for (i = 0; i < d->n; i++)
		if ((keep[i] = out[i] != NULL ? strdup(out[i]) : NULL) == NULL && out[i] != NULL) {
			while (i-- > 0)
				free(keep[i]);
			return 500;
		}
	for (i = 0; i < d->n; i++) {
		const struct record_field *f = &d->fields[i];

		if (state[i] != MERGE_CONFLICT)
			continue;
		render_set(hdf, "1", "Conflict.fields.%s", f->name);
		render_set(hdf, f->name, "Conflict.Rows.%d.field", row);
		snprintf(buf, sizeof(buf), "L.%s", f->label);
		render_set(hdf, hdf_get_value(hdf, buf, f->name), "Conflict.Rows.%d.label", row);
		human(rq, hdf, d, f, stored->v[i], buf, sizeof(buf));
		render_set(hdf, buf, "Conflict.Rows.%d.stored", row);
		human(rq, hdf, d, f, mine[i], buf, sizeof(buf));
		render_set(hdf, buf, "Conflict.Rows.%d.yours", row);
		hidden_values(hdf, f, stored->v[i], row, "stored_raw");
		hidden_values(hdf, f, mine[i], row, "yours_raw");
		row++;
	}
	for (i = 0; i < d->n; i++) {
		field_to_form(hdf, &d->fields[i], keep[i]);
		free(keep[i]);
	}
	hidden_fields(hdf, d, stored->version, (const char *const *)stored->v, key);
	render_set(hdf, "1", "Conflict.shown");
	rq->tmpl = sv->tmpl;
	return 409;
}

/* The fields whose value out changes from stored, with both values; returns how many. */
static int
changed(const struct record_desc *d, const struct record_row *stored, const char *const *out,
    const char **f, const char **o, const char **n)
{
	int i, k = 0;

	for (i = 0; i < d->n; i++)
		if (stored == NULL || audit_differs(stored->v[i], out[i])) {
			f[k] = d->fields[i].name;
			o[k] = stored != NULL ? stored->v[i] : NULL;
			n[k++] = out[i];
		}
	return k;
}

/* What one attempt of the transaction came to. */
enum attempt { DONE, DUPLICATE, CONFLICT, UNCHANGED, RETRY, FAILED };

struct attempt_state {
	const char		*key;		/* the form's one-time key, or NULL */
	char			 body[SUBMISSION_HASH_LEN + 1];	/* the hash of the fields sent */
	const char		*base;		/* the form's digests, or NULL */
	long long		 version;	/* the form's version */
	const char		**mine;
	int			 absent[RECORD_MAX_FIELDS];
	const char		*out[RECORD_MAX_FIELDS];
	enum merge_state	 state[RECORD_MAX_FIELDS];
	struct record_row	 stored;
	int			 status;	/* FAILED: the HTTP status */
	long long		 new_id;	/* DONE: the row written */
};

/* Write the merged values (or a change request) and set rq->location; TP_E* code or 0. */
static int
write_merged(struct request *rq, HDF *hdf, const struct save *sv, struct attempt_state *a)
{
	const char *f[RECORD_MAX_FIELDS], *o[RECORD_MAX_FIELDS], *n[RECORD_MAX_FIELDS];
	const struct record_row *cur = sv->id != 0 ? &a->stored : NULL;
	long long new_id = 0, req = 0;
	int k = changed(sv->desc, cur, a->out, f, o, n), rc;

	if (sv->before_write != NULL && (rc = sv->before_write(rq, sv, cur)) != 0)
		return rc;
	if (sv->review && k == 0)	/* only the user's waiting request withdrawn: back to the live values */
		return sv->location(rq, hdf, sv, sv->id, "withdrawn", &rq->location) != 0 ? TP_EFAIL : 0;
	if (sv->review) {
		rc = changes_submit(rq->db, rq->session->user_id, cur != NULL ? cur->owner : sv->owner,
		    sv->desc->entity, sv->id, cur != NULL ? "update" : "create", cur != NULL ? cur->version : 0,
		    f, o, n, k, &req);
		if (rc != 0)
			return db_err(rq->db);
		if ((rc = notify_request_submitted(rq->db, rq->conf, req)) != 0)	/* mail, in this transaction */
			return rc;
		return asprintf(&rq->location, "/admin/requests/%lld?done=submitted", req) < 0 ? TP_EFAIL : 0;
	}
	if (sv->write != NULL)
		rc = sv->write(rq, hdf, sv, cur, a->out, &new_id);
	else
		rc = sv->desc->write(rq->db, rq->session->user_id, cur != NULL ? "update" : "create", sv->id,
		    cur != NULL ? cur->owner : sv->owner, cur != NULL ? cur->version : 0, a->out, &new_id);
	if (rc != 0)
		return rc;
	a->new_id = cur != NULL ? sv->id : new_id;
	return sv->location(rq, hdf, sv, cur != NULL ? sv->id : new_id, cur != NULL ? NULL : "created",
	    &rq->location) != 0 ? TP_EFAIL : 0;
}

static enum attempt
failed(struct attempt_state *a, struct request *rq, int status)
{
	db_rollback(rq->db);
	if (status == 0 && db_last_errno(rq->db) == DB_E_RETRY)
		return RETRY;
	a->status = status != 0 ? status : db_err(rq->db);
	return FAILED;
}

/*
 * record_merge, then what the description cannot know: an absent field keeps the stored value, and a field
 * of the user's waiting request the user left as it was keeps asking for it. Conflicts, or -1.
 */
static int
merge(const struct save *sv, struct attempt_state *a)
{
	/*
	 * What the form was rendered from: the stored row, and for a review form the user's own waiting
	 * request over it (a shallow copy: the values stay the row's and the request's). A field the request
	 * asks for is merged against that value, so changing it again is the user's change, not a conflict
	 * with a colleague; the live value it replaces is merged when the secretariat decides.
	 */
	struct record_row ref = a->stored;
	int i, n;

	for (i = 0; sv->prior != NULL && i < sv->desc->n; i++)
		if (sv->prior_set[i])
			ref.v[i] = (char *)(uintptr_t)sv->prior[i];	/* only read: ref is const to record_merge */
	n = record_merge(sv->desc, a->base, a->version, &ref, a->mine, a->out, a->state);
	for (i = 0; n >= 0 && i < sv->desc->n; i++)
		if (a->absent[i]) {
			n -= a->state[i] == MERGE_CONFLICT;
			a->state[i] = MERGE_STORED;
			a->out[i] = ref.v[i];
		}
	return n;
}

/* One run of the transaction: key, load, merge, write, key's answer, commit. */
static enum attempt
attempt(struct request *rq, HDF *hdf, const struct save *sv, struct attempt_state *a)
{
	int rc, i;

	record_row_free(&a->stored);
	free(rq->location);
	rq->location = NULL;
	if (db_begin(rq->db) != 0)
		return failed(a, rq, 0);
	if (a->key != NULL && (rc = submissions_claim(rq->db, a->key, a->body, rq->session->user_id)) != 0) {
		if (rc == 1) {
			db_rollback(rq->db);
			return DUPLICATE;
		}
		return failed(a, rq, 0);
	}
	if (sv->id != 0) {
		if ((rc = sv->desc->load(rq->db, sv->id, &a->stored)) <= 0)
			return failed(a, rq, rc == 0 ? 404 : 0);
		if ((rc = merge(sv, a)) != 0)
			return rc < 0 ? failed(a, rq, 400) : (db_rollback(rq->db), CONFLICT);
		if (sv->nothing_to_do != NULL ? sv->nothing_to_do(sv, &a->stored, a->out) :
		    !record_changes(sv->desc, &a->stored, a->out)) {
			db_rollback(rq->db);
			return UNCHANGED;
		}
	} else
		for (i = 0; i < sv->desc->n; i++)
			a->out[i] = a->mine[i];
	if ((rc = write_merged(rq, hdf, sv, a)) != 0)
		return rc == TP_ESTALE ? (db_rollback(rq->db), RETRY) :
		    failed(a, rq, rc == TP_EINVALID ? 422 : rc > 0 ? rc : 0);
	if (a->key != NULL && submissions_done(rq->db, a->key, a->body, rq->location) != 0)
		return failed(a, rq, 0);
	if (db_commit(rq->db) != 0)
		return failed(a, rq, 0);
	return DONE;
}

int
save_duplicate(struct request *rq, HDF *hdf, const char *key, const char *body, const char *tmpl)
{
	char loc[600];
	int rc = submissions_result(rq->db, key, body, rq->session->user_id, loc, sizeof(loc));

	if (rc < 0)
		return db_err(rq->db);
	if (rc == 0 || *loc == '\0' || (rq->location = strdup(loc)) == NULL) {
		/* another user's key, or the first save left no address: say so on the form */
		render_set(hdf, hdf_get_value(hdf, "L.save.duplicate", "?"), "Form.message");
		rq->tmpl = tmpl;
		return 409;
	}
	rq->tmpl = NULL;
	return 303;
}

/* 1 when a's key and fields were saved before (rq->location set to that save's answer), else 0. */
static int
already_saved(struct request *rq, const struct attempt_state *a)
{
	char loc[600];

	if (submissions_result(rq->db, a->key, a->body, rq->session->user_id, loc, sizeof(loc)) != 1 || *loc == '\0' ||
	    (rq->location = strdup(loc)) == NULL)
		return 0;
	rq->tmpl = NULL;
	return 1;
}

/* FNV-1a, 64 bits, over the fields sent in their order (the CSRF token is not among them) and the files:
 * what makes a second POST of one form the same submission. */
void
save_body_hash(const struct request *rq, char out[SUBMISSION_HASH_LEN + 1])
{
	unsigned long long h = 14695981039346656037ULL;
	const unsigned char *p;
	size_t i;

	for (i = 0; i < rq->params.n; i++) {
		for (p = (const unsigned char *)rq->params.v[i].name; *p != '\0'; p++)
			h = (h ^ *p) * 1099511628211ULL;
		h = (h ^ '=') * 1099511628211ULL;
		for (p = (const unsigned char *)rq->params.v[i].value; *p != '\0'; p++)
			h = (h ^ *p) * 1099511628211ULL;
		h = (h ^ '&') * 1099511628211ULL;
	}
	/* and the files sent, name and bytes: a page sent again with other files is another submission */
	for (i = 0; rq->files != NULL && i < rq->files->n; i++) {
		const struct mp_part *f = &rq->files->parts[i];
		size_t k;

		for (p = (const unsigned char *)(f->filename != NULL ? f->filename : ""); *p != '\0'; p++)
			h = (h ^ *p) * 1099511628211ULL;
		h = (h ^ '=') * 1099511628211ULL;
		for (k = 0; f->data != NULL && !f->oversize && k < f->len; k++)
			h = (h ^ (unsigned char)f->data[k]) * 1099511628211ULL;
		h = (h ^ (f->len & 0xff) ^ '&') * 1099511628211ULL;
	}
	snprintf(out, SUBMISSION_HASH_LEN + 1, "%016llx", h);
}

/* The posted form's version (0 on a create) and its fields checked: 0, 400, 422 or 500. */
static int
read_form(struct request *rq, HDF *hdf, const struct save *sv, struct attempt_state *a, const char **mine,
    char bufs[][24])
{
	struct form_field ff[RECORD_MAX_FIELDS + 1];
	const char *v = request_param(rq, "version");
	int errors;

	a->version = 0;
	if (sv->id != 0 && (v == NULL || parse_ll(v, 0, 4294967295LL, &a->version) != 0)) {
		rq->error_detail = "version";
		return 400;
	}
	a->key = save_form_key(rq);
	save_body_hash(rq, a->body);
	a->base = request_param(rq, "digests");
	if (apply_picks(rq, sv->desc) != 0)
		return 500;
	form_fields(sv->desc, ff);
	rq->tmpl = sv->tmpl;
	if ((errors = form_check(rq, hdf, ff)) >= 0 && sv->check != NULL) {
		int more = sv->check(rq, hdf, sv);

		if (more < 0)
			return more;	/* a TP_E* code: the dispatcher answers it */
		errors += more;
	}
	render_set_int(hdf, a->version, "Form.version.value");
	render_set(hdf, a->base, "Form.digests.value");
	render_set(hdf, a->key, "Form.key.value");
	if (errors != 0)
		return errors < 0 ? 500 : 422;
	form_values(rq, hdf, sv->desc, mine, bufs, a->absent);
	a->mine = mine;
	return 0;
}

/*
 * Upkeep that rides on saves, at most every STAGING_SWEEP_EVERY seconds per process (and at start, in
 * main.c): staging files a killed process left, and submission keys older than a day.
 */
void
save_upkeep(struct request *rq)
{
	time_t now = time(NULL);

	if (!staging_sweep_due(now))
		return;
	if (rq->conf->upload_dir != NULL)
		staging_sweep(rq->conf->upload_dir, STAGING_MAX_AGE, now);
	submissions_expire(rq->db);
}

int
save_record(struct request *rq, HDF *hdf, const struct save *sv)
{
	const char *mine[RECORD_MAX_FIELDS];
	char bufs[RECORD_MAX_FIELDS][24];
	struct attempt_state a;
	int rc, tries;

	memset(&a, 0, sizeof(a));
	if (sv->desc->n > RECORD_MAX_FIELDS)
		return 500;
	if ((rc = read_form(rq, hdf, sv, &a, mine, bufs)) != 0) {
		/* a form whose checks read the database (a login taken) fails them once it was saved: the same
		 * key and fields sent again still answer the first save's result */
		if (rc == 422 && a.key != NULL && already_saved(rq, &a))
			return 303;
		if (rc == TP_EBUSY)	/* a check's statement ran past statement_time_write */
			goto busy;
		return rc;
	}
	for (tries = 0; tries < SAVE_ATTEMPTS; tries++) {
		switch (attempt(rq, hdf, sv, &a)) {
		case DONE:
			if (sv->after_commit != NULL)
				sv->after_commit(rq, sv, a.new_id);
			rq->tmpl = NULL;
			rc = 303;
			goto out;
		case DUPLICATE:
			rc = save_duplicate(rq, hdf, a.key, a.body, sv->tmpl);
			goto out;
		case CONFLICT:
			rc = conflict(rq, hdf, sv, &a.stored, mine, a.out, a.state, a.key);
			goto out;
		case UNCHANGED:
			save_form(hdf, sv->desc, &a.stored);
			render_set(hdf, a.key, "Form.key.value");
			render_set(hdf, hdf_get_value(hdf, "L.form.nothing_changed", ""), "Page.Notice");
			rc = 0;
			goto out;
		case FAILED:
			rc = a.status;
			if (rc == TP_EBUSY)	/* a statement ran past statement_time_write: rolled back, busy */
				goto busy;
			if (rc == 404 || rc == 400)
				rq->tmpl = NULL;
			goto out;
		case RETRY:
			break;
		}
	}
	/* busy every time (or a statement stopped by its time limit): the form again with everything the user
	 * typed, to send once more (429: a 5xx would be the error page, and the input would be gone) */
busy:
	render_set(hdf, hdf_get_value(hdf, "L.save.busy", "?"), "Form.message");
	rq->tmpl = sv->tmpl;
	rc = 429;
out:
	record_row_free(&a.stored);
	if (rc == 303)
		save_upkeep(rq);
	return rc;
}
