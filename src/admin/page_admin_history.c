/*
 * page_admin_history.c - the audit log (/admin/history): who changed what when, field by field,
 * newest first, 50 changes a page with keyset paging (before=<id>). A member admin sees only their
 * own technopark's records; the secretariat sees everything.
 *
 * Each field is shown with the label its own form uses (the language file's key for that form,
 * named per entity below, so every label is written once) and its values as a reader reads them:
 * names for slugs and ids (resolved in the fields' query), words for states and on/off values.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/buf.h"
#include "core/err.h"
#include "http/auth.h"
#include "store/db.h"
#include "admin/admin.h"
#include "pages/pages.h"
#include "view/render.h"
#include "model/record.h"
#include "pages/page_rows.h"

#define HISTORY_PAGE	50

/* The filters, each "? IS NULL OR ...": entity, entity id, user, technopark, before (keyset). */
#define HISTORY_WHERE \
	"WHERE (? IS NULL OR c.entity = ?) AND (? IS NULL OR c.entity_id = ?) " \
	"AND (? IS NULL OR c.user_id = ?) AND (? IS NULL OR c.technopark_id = ?) " \
	"AND (? IS NULL OR c.id < ?) "

/* One more row than a page, to know whether there is an older page. */
static const char sql_changes[] =
	"SELECT c.id, DATE_FORMAT(c.at, '%Y-%m-%d %H:%i:%s') AS at, c.user_id, u.display_name AS who, "
	"c.action, c.entity, c.entity_id, c.note, t.slug AS tp_slug, t.name_ko AS tp_name, "
	"te.slug AS entity_slug, p.id IS NOT NULL AS person_exists "
	"FROM audit_changes c LEFT JOIN users u ON u.id = c.user_id "
	"LEFT JOIN technoparks t ON t.id = c.technopark_id "
	"LEFT JOIN technoparks te ON c.entity = 'technopark' AND te.id = c.entity_id "
	"LEFT JOIN people p ON c.entity = 'person' AND p.id = c.entity_id "
	HISTORY_WHERE "ORDER BY c.id DESC LIMIT 51";
/* The name a logged value (V: f.old_value or f.new_value) stands for, when it is a slug or an id. */
#define HISTORY_NAME(v) \
	"CASE WHEN c.entity = 'technopark' AND f.field = 'industry' THEN (SELECT GROUP_CONCAT(i.name_ko " \
	"ORDER BY i.name_ko SEPARATOR ', ') FROM industries i WHERE FIND_IN_SET(i.slug, " v ")) " \
	"WHEN c.entity = 'news' AND f.field = 'category' THEN " \
	"(SELECT k.name_ko FROM news_categories k WHERE k.slug = " v ") " \
	"WHEN (c.entity = 'news' AND f.field = 'publisher') OR (c.entity = 'user' AND f.field = 'technopark') " \
	"THEN (SELECT n.name_ko FROM technoparks n WHERE n.slug = " v ") " \
	"WHEN c.entity = 'committee_member' AND f.field = 'technopark_id' THEN " \
	"(SELECT n.name_ko FROM technoparks n WHERE n.id = " v ") " \
	"WHEN (c.entity = 'committee_member' AND f.field = 'person_id') OR (c.entity = 'user' AND f.field = 'person') THEN " \
	"(SELECT h.name FROM people h WHERE h.id = " v ") " \
	"WHEN c.entity = 'resolution' AND f.field = 'agenda_item_id' THEN " \
	"(SELECT a.title FROM committee_agenda_items a WHERE a.id = " v ") " \
	"WHEN c.entity = 'committee_secretary' AND f.field = 'committee' THEN " \
	"(SELECT m.name_ko FROM committees m WHERE m.slug = " v ") " \
	"WHEN c.entity = 'committee_secretary' AND f.field = 'user_id' THEN " \
	"(SELECT CONCAT(u.display_name, ' (', u.login, ')') FROM users u WHERE u.id = " v ") END"
/* The fields of the changes on the page: the same filters, within the page's id range; with the
 * names the values stand for, and for an attendance line the seat's holder. */
static const char sql_fields[] =
	"SELECT f.change_id, f.field, f.old_value, f.new_value, c.entity, "
	HISTORY_NAME("f.old_value") " AS old_name, " HISTORY_NAME("f.new_value") " AS new_name, "
	"CASE WHEN c.entity = 'attendance' AND f.field LIKE 'seat %' THEN (SELECT COALESCE(h.name, n.name_ko) "
	"FROM committee_members s LEFT JOIN people h ON h.id = s.person_id "
	"LEFT JOIN technoparks n ON n.id = s.technopark_id WHERE s.id = SUBSTRING(f.field, 6)) END AS subject "
	"FROM audit_fields f JOIN audit_changes c ON c.id = f.change_id "
	HISTORY_WHERE "AND c.id BETWEEN ? AND ? ORDER BY f.change_id DESC, f.field";

/*
 * A field's label is its record description's (model/record.h: the form, the conflict page and the log
 * read the same key). For what no description names (records off the pipeline, fields logged under a
 * column's name, attachments), where the labels live: the keys its form uses in templates/lang/ko.hdf.
 */
static const struct {
	const char	*entity, *labels;
} label_sets[] = {
	{ "technopark", "L.field" }, { "person", "L.field" }, { "user", "L.field" },
	{ "news", "L.news_admin.field" }, { "network_figures", "L.stats.field" },
	{ "committee_member", "L.committee_admin.field" }, { "meeting", "L.committee_admin.field" },
	{ "agenda_item", "L.committee_admin.field" }, { "minutes", "L.committee_admin.field" },
	{ "resolution", "L.committee_admin.field" }, { "attendance", "L.committee_admin.field" },
	{ "committee_secretary", "L.committee_admin.field" }, { "committee", "L.committee_texts.field" },
	{ "association", "L.about_admin.field" },
};

/* Fields logged under another name than their form's label key (field: the name before '.' or ' '). */
static const struct {
	const char	*entity, *field, *key;
} label_keys[] = {
	{ "agenda_item", "title", "L.committee_admin.field.item_title" },
	{ "agenda_item", "description", "L.committee_admin.field.item_description" },
	{ "agenda_item", "direction", "L.committee_admin.position" },
	{ "committee_member", "person_id", "L.committee_admin.field.member" },
	{ "committee_member", "technopark_id", "L.field.technopark" },
	{ "meeting", "starts_at", "L.committee_admin.field.starts_at" },
	{ "meeting", "ends_at", "L.committee_admin.field.ends_at" },
	{ "attendance", "seat", "L.committee_admin.field.member" },
	{ "committee_secretary", "committee", "L.committee.committee" },	/* before sql/035 */
	{ "committee_secretary", "user_id", "L.committee_admin.field.user" },
	{ "news", "deleted", "L.news_admin.states.deleted" },
	{ "user", "email_pending", "L.history.email_pending" },	/* serve: an address waiting for its confirmation */
};

/* Values that are words in the language file: the key is prefix + value. */
static const struct {
	const char	*entity, *field, *prefix;
} value_words[] = {
	{ "news", "state", "L.news_admin.states." },
	{ "news", "deleted", "L.history.onoff." },
	{ "person", "visible", "L.history.onoff." },
	{ "user", "active", "L.history.onoff." },
	{ "user", "role", "L.role." },
	{ "minutes", "published", "L.history.onoff." },
	{ "committee_member", "role", "L.committee.role." },
	{ "meeting", "status", "L.committee.status." },
	{ "resolution", "outcome", "L.committee.outcome." },
	{ "attendance", "seat", "L.meeting.attendance." },
	{ "agenda_item", "direction", "L.committee_admin.move_" },
};

/* The label of entity's field (the base name: "attachment.3" -> "attachment"), or NULL. */
static const char *
field_label(HDF *hdf, const char *entity, const char *base)
{
	char key[160];
	const char *v;
	size_t i;

	const struct record_desc *const *dp;
	const struct record_field *f;

	for (dp = record_descs; *dp != NULL; dp++)
		if (strcmp((*dp)->entity, entity) == 0 && (f = record_field_named(*dp, base, NULL)) != NULL) {
			snprintf(key, sizeof(key), "L.%s", f->label);
			if ((v = hdf_get_value(hdf, key, NULL)) != NULL)
				return v;
		}
	for (i = 0; i < sizeof(label_keys) / sizeof(label_keys[0]); i++)
		if (strcmp(label_keys[i].entity, entity) == 0 && strcmp(label_keys[i].field, base) == 0)
			return hdf_get_value(hdf, label_keys[i].key, NULL);
	for (i = 0; i < sizeof(label_sets) / sizeof(label_sets[0]); i++)
		if (strcmp(label_sets[i].entity, entity) == 0) {
			snprintf(key, sizeof(key), "%s.%s", label_sets[i].labels, base);
			if ((v = hdf_get_value(hdf, key, NULL)) != NULL)
				return v;
		}
	return NULL;
}

/* A logged value for reading, under prefix (old or new) of the field's node: words, names, "none". */
static void
set_value(HDF *row, const char *entity, const char *base, const char *prefix, HDF *hdf)
{
	char key[200], name[16];
	const char *raw, *named, *word = NULL, *arg = NULL, *shown;
	size_t i;

	snprintf(name, sizeof(name), "%s_value", prefix);
	raw = hdf_get_value(row, name, NULL);
	snprintf(name, sizeof(name), "%s_name", prefix);
	named = hdf_get_value(row, name, NULL);
	if (raw == NULL || *raw == '\0') {
		render_set(row, "1", "%s_none", prefix);
		return;
	}
	for (i = 0; i < sizeof(value_words) / sizeof(value_words[0]) && word == NULL; i++)
		if (strcmp(value_words[i].entity, entity) == 0 && strcmp(value_words[i].field, base) == 0) {
			/* an attendance line: "present", "absent" or "proxy: <name>" */
			if (strcmp(base, "seat") == 0 && strncmp(raw, "proxy: ", 7) == 0) {
				snprintf(key, sizeof(key), "%sproxy", value_words[i].prefix);
				arg = raw + 7;
			} else
				snprintf(key, sizeof(key), "%s%s", value_words[i].prefix, raw);
			word = hdf_get_value(hdf, key, NULL);
		}
	if (word != NULL && arg != NULL) {
		snprintf(key, sizeof(key), "%s (%s)", word, arg);
		word = key;
	}
	shown = word != NULL ? word : named != NULL && *named != '\0' ? named : raw;
	render_set(row, shown, "%s_shown", prefix);
	/* a record's Korean text (the page's own words are in its language): lang="ko" on another page */
	if (text_has_hangul(shown))
		render_set(row, "1", "%s_ko", prefix);
}

/* Label and readable values of the field row just loaded at name (History.N.Fields.K). */
static void
describe_field(HDF *hdf, const char *name)
{
	HDF *row = hdf_get_obj(hdf, name);
	const char *entity, *field, *label, *subject;
	char base[48], text[200];

	if (row == NULL)
		return;
	entity = hdf_get_value(row, "entity", "");
	field = hdf_get_value(row, "field", "");
	snprintf(base, sizeof(base), "%.*s", (int)strcspn(field, ". "), field);
	label = field_label(hdf, entity, base);
	subject = hdf_get_value(row, "subject", NULL);
	if (label != NULL && subject != NULL && *subject != '\0') {
		/* the form's word and the record it names apart, for a page that marks a Korean name lang="ko" */
		if (text_has_hangul(subject))
			render_set(row, label, "label_word");
		snprintf(text, sizeof(text), "%s %s", label, subject);
		label = text;
	}
	render_set(row, label != NULL ? label : field, "label");
	if (label == NULL)
		render_set(row, "1", "unlabelled");
	set_value(row, entity, base, "old", hdf);
	set_value(row, entity, base, "new", hdf);
}
static const char sql_tp_id[] = "SELECT id FROM technoparks WHERE slug = ?";
static const char sql_tp_options[] = "SELECT slug, name_ko FROM technoparks ORDER BY name_ko";

struct filter {
	const char	*entity;
	long long	 id, user, tp, before;	/* 0: not filtered */
};

/* Bind the filters to HISTORY_WHERE's ten parameters. */
static void
bind_filter(struct db_stmt *st, const struct filter *f)
{
	const long long v[4] = { f->id, f->user, f->tp, f->before };
	int i;

	db_bind_text(st, 0, f->entity);
	db_bind_text(st, 1, f->entity);
	for (i = 0; i < 4; i++) {
		if (v[i] > 0) {
			db_bind_int(st, 2 + 2 * i, v[i]);
			db_bind_int(st, 3 + 2 * i, v[i]);
		} else {
			db_bind_null(st, 2 + 2 * i);
			db_bind_null(st, 3 + 2 * i);
		}
	}
}

/* The technopark filter: a member admin's own technopark, always; a slug for the secretariat. */
static int
tp_filter(struct request *rq, struct filter *f)
{
	const char *slug = request_param(rq, "tp");
	struct db_stmt *st;
	int rc;

	if (rq->session->role != ROLE_SECRETARIAT) {
		if (slug != NULL && strcmp(slug, rq->session->tp_slug) != 0)
			return 403;
		f->tp = rq->session->technopark_id;
		return f->tp > 0 ? 0 : 403;
	}
	if (slug == NULL)
		return 0;
	if ((st = db_prepare(rq->db, sql_tp_id)) == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, slug);
	if ((rc = db_step(st)) == DB_ROW)
		f->tp = db_col_int(st, 0);
	db_reset(st);
	if (rc == DB_ERR)
		return db_err(rq->db);
	if (rc != DB_ROW) {
		rq->error_detail = "tp";
		return 400;
	}
	return 0;
}

/* Read the query into f and echo it for the form and the paging link. */
static int
read_filter(struct request *rq, HDF *hdf, struct filter *f)
{
	memset(f, 0, sizeof(*f));
	f->entity = request_param(rq, "entity");
	f->id = request_param_int(rq, "id", 0);
	f->user = request_param_int(rq, "user", 0);
	f->before = request_param_int(rq, "before", 0);
	render_set(hdf, f->entity, "Filter.entity");
	if (f->id > 0)
		render_set_int(hdf, f->id, "Filter.id");
	if (f->user > 0)
		render_set_int(hdf, f->user, "Filter.user");
	if (f->before > 0)
		render_set_int(hdf, f->before, "Filter.before");
	return tp_filter(rq, f);
}

/* Attach each field row to its change (both newest first): History.N.Fields.K. */
static int
load_fields(struct request *rq, HDF *hdf, const struct filter *f, int n)
{
	struct db_stmt *st = db_prepare(rq->db, sql_fields);
	long long hi, lo;
	int rc, row = 0, k = 0;
	char name[64];

	if (n == 0)
		return 0;
	if (st == NULL)
		return db_err(rq->db);
	hi = hdf_get_int_value(hdf, "History.0.id", 0);
	snprintf(name, sizeof(name), "History.%d.id", n - 1);
	lo = hdf_get_int_value(hdf, name, 0);
	bind_filter(st, f);
	db_bind_int(st, 10, lo);
	db_bind_int(st, 11, hi);
	while ((rc = db_step(st)) == DB_ROW) {
		long long cid = db_col_int(st, 0), rid = 0;

		for (; row < n; row++, k = 0) {
			snprintf(name, sizeof(name), "History.%d.id", row);
			if ((rid = hdf_get_int_value(hdf, name, 0)) <= cid)
				break;
		}
		if (row == n)
			break;
		if (rid != cid)
			continue;
		snprintf(name, sizeof(name), "History.%d.Fields.%d", row, k++);
		if (page_row(hdf, name, st) != 0) {
			rc = DB_ERR;
			break;
		}
		describe_field(hdf, name);
	}
	db_reset(st);
	return rc == DB_ERR ? db_err(rq->db) : 0;
}

static const char sql_note_categories[] = "SELECT id, name_ko FROM news_categories";

/* The news categories under NoteCategories, once, when a change on the page is a notifications one. */
static int
categories_for_notes(struct request *rq, HDF *hdf)
{
	struct db_stmt *st;
	HDF *c;

	for (c = hdf_get_child(hdf, "History"); c != NULL; c = hdf_obj_next(c))
		if (strcmp(hdf_get_value(c, "action", ""), "notifications") == 0)
			break;
	if (c == NULL)
		return 0;
	if ((st = db_prepare(rq->db, sql_note_categories)) == NULL)
		return db_err(rq->db);
	return page_rows(hdf, "NoteCategories", st) < 0 ? db_err(rq->db) : 0;
}

/*
 * The note of a notifications change ("requests:0,news_category:2": the topics kept, model/notify.c) as a
 * reader reads it: the topics' names (L.notify.topics), a category's name after its topic. Into .note.
 */
static int
notify_note(HDF *hdf, HDF *row)
{
	const char *note = hdf_get_value(row, "note", NULL), *p, *name;
	struct buf out = { 0 };
	char topic[40], key[80];
	long long cat;
	HDF *c;
	int rc = 0;

	if (note == NULL || strcmp(hdf_get_value(row, "action", ""), "notifications") != 0)
		return 0;
	for (p = note; *p != '\0';) {
		size_t n = strcspn(p, ":,");

		snprintf(topic, sizeof(topic), "%.*s", (int)(n < sizeof(topic) ? n : sizeof(topic) - 1), p);
		p += n;
		cat = 0;
		if (*p == ':') {
			char *end;

			cat = strtoll(p + 1, &end, 10);
			p = end;
		}
		snprintf(key, sizeof(key), "L.notify.topics.%s", topic);
		rc |= buf_printf(&out, "%s%s", out.len ? ", " : "", hdf_get_value(hdf, key, topic));
		if (cat > 0)	/* the category's name (categories_for_notes) */
			for (c = hdf_get_child(hdf, "NoteCategories"); c != NULL; c = hdf_obj_next(c))
				if (hdf_get_int_value(c, "id", 0) == cat && (name = hdf_get_value(c, "name_ko", NULL)) != NULL)
					rc |= buf_printf(&out, " (%s)", name);
		while (*p != '\0' && *p != ',')
			p++;
		if (*p == ',')
			p++;
	}
	if (rc == 0)
		rc = render_set(row, out.len ? out.data : hdf_get_value(hdf, "L.none", "-"), "note");
	buf_free(&out);
	return rc != 0 ? TP_ENOMEM : 0;
}

/* The changes of this page under History.N; Pager.before when there are older ones. */
static int
load_changes(struct request *rq, HDF *hdf, const struct filter *f, int *count)
{
	struct db_stmt *st = db_prepare(rq->db, sql_changes);
	char name[64];
	HDF *c;
	int n, rc;

	if (st == NULL)
		return db_err(rq->db);
	bind_filter(st, f);
	if ((n = page_rows(hdf, "History", st)) < 0)
		return db_err(rq->db);
	if ((rc = categories_for_notes(rq, hdf)) != 0)
		return rc;
	for (c = hdf_get_child(hdf, "History"); c != NULL; c = hdf_obj_next(c))
		if (notify_note(hdf, c) != 0)
			return TP_ENOMEM;
	if (n > HISTORY_PAGE) {
		snprintf(name, sizeof(name), "History.%d", HISTORY_PAGE);
		hdf_remove_tree(hdf, name);
		n = HISTORY_PAGE;
		snprintf(name, sizeof(name), "History.%d.id", n - 1);
		render_set(hdf, hdf_get_value(hdf, name, NULL), "Pager.before");
	}
	*count = n;
	return 0;
}

int
page_admin_history(struct request *rq, HDF *hdf)
{
	struct filter f;
	struct db_stmt *st;
	int rc, n = 0, found;

	if ((rc = read_filter(rq, hdf, &f)) != 0)
		return rc;
	if ((rc = load_changes(rq, hdf, &f, &n)) != 0 || (rc = load_fields(rq, hdf, &f, n)) != 0)
		return rc;
	if (rq->session->role == ROLE_SECRETARIAT) {
		if ((st = db_prepare(rq->db, sql_tp_options)) == NULL ||
		    page_options(hdf, "TPs", st, request_param(rq, "tp"), &found) < 0)
			return db_err(rq->db);
		render_set(hdf, request_param(rq, "tp"), "Filter.tp");
		render_set(hdf, "1", "Page.AllTps");
	}
	render_set_int(hdf, n, "HistoryCount");
	rq->tmpl = "admin_history.cs";
	return 0;
}
