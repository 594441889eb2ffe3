/*
 * page_admin_users.c - accounts, for the secretariat: the list, a new account, and editing one
 * (name, role, technopark, active, a new password). An edit saves through the save pipeline
 * (save.c: three-way merge, one-time key); a change of rights ends the account's sessions in the same transaction. Passwords and
 * their hashes never reach the audit log.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "store/audit.h"
#include "http/auth.h"
#include "store/db.h"
#include "http/form.h"
#include "admin/admin.h"
#include "admin/save.h"
#include "model/account.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"

static const char *const role_words[] = { "secretariat", "member_admin", "staff", NULL };

static const struct form_field user_new_fields[] = {
	{ "login",		FT_LINE,	1, 3, 60, NULL },
	{ "display_name",	FT_LINE,	1, 1, 60, NULL },
	{ "role",		FT_ENUM,	1, 0, 0, role_words },
	{ "technopark",		FT_LINE,	0, 0, 40, NULL },
	{ "active",		FT_BOOL,	0, 0, 0, NULL },
	{ "person",		FT_INT,		0, 1, 4294967295LL, NULL },
	{ "password",		FT_SECRET,	1, ACCOUNT_MIN_PASSWORD, ACCOUNT_MAX_PASSWORD, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* Editing: the login stays; an empty password keeps the current one. */
static const struct form_field user_edit_fields[] = {
	{ "display_name",	FT_LINE,	1, 1, 60, NULL },
	{ "role",		FT_ENUM,	1, 0, 0, role_words },
	{ "technopark",		FT_LINE,	0, 0, 40, NULL },
	{ "active",		FT_BOOL,	0, 0, 0, NULL },
	{ "person",		FT_INT,		0, 1, 4294967295LL, NULL },
	{ "password",		FT_SECRET,	0, ACCOUNT_MIN_PASSWORD, ACCOUNT_MAX_PASSWORD, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* The fields an edit compares, audits and shows in a conflict (the password is apart). */
#define USER_NFIELDS	5
static const char *const user_fields[USER_NFIELDS] = { "display_name", "role", "technopark", "active", "person" };
enum { U_NAME, U_ROLE, U_TP, U_ACTIVE, U_PERSON };

struct user_rec {
	long long	id;
	long long	version;
	long long	tp_id;			/* 0: none */
	int		is_demo;
	char		login[241];
	char		v[USER_NFIELDS][241];	/* in user_fields order; "" when none */
};

static const char sql_users[] =
	"SELECT u.id, u.login, u.display_name, u.role, u.active, u.is_demo, "
	"t.slug AS tp_slug, t.name_ko AS tp_name FROM users u "
	"LEFT JOIN technoparks t ON t.id = u.technopark_id "
	"WHERE (? IS NULL OR u.role = ?) ORDER BY u.role, u.login";
static const char sql_user[] =
	"SELECT u.id, u.version, u.login, u.display_name, u.role, t.slug, u.active, u.is_demo, "
	"COALESCE(u.technopark_id, 0), u.person_id FROM users u "
	"LEFT JOIN technoparks t ON t.id = u.technopark_id WHERE u.id = ?";
static const char sql_tp_options[] = "SELECT slug, name_ko FROM technoparks ORDER BY name_ko";
static const char sql_tp_id[] = "SELECT id FROM technoparks WHERE slug = ?";
/* The person choices (by organisation, as the committee seat form has them) with the account each is linked to. */
static const char sql_person_options[] =
	"SELECT p.id, p.name, p.title, p.is_demo, COALESCE(t.name_ko, a.name_ko) AS org, u.login AS linked, "
	"u.id AS linked_id FROM people p LEFT JOIN technoparks t ON t.id = p.technopark_id JOIN association a ON a.id = 1 "
	"LEFT JOIN users u ON u.person_id = p.id ORDER BY p.technopark_id IS NOT NULL, t.name_ko, p.sort, p.name, p.id";
/* The person of the form: 1 when it exists; the login of another account linked to it, if any. */
static const char sql_person_link[] =
	"SELECT p.id, (SELECT u.login FROM users u WHERE u.person_id = p.id AND u.id <> ?) FROM people p WHERE p.id = ?";
static const char sql_login_taken[] = "SELECT 1 FROM users WHERE login = ?";
/* A login taken between the check and the insert changes no row instead of failing: 0 affected. */
static const char sql_insert[] =
	"INSERT INTO users (login, display_name, role, technopark_id, password_hash, active, person_id) "
	"VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id";
static const char sql_update[] =
	"UPDATE users SET display_name = ?, role = ?, technopark_id = ?, active = ?, person_id = ?, "
	"version = version + 1 WHERE id = ? AND version = ?";
static const char sql_set_hash[] = "UPDATE users SET password_hash = ? WHERE id = ?";
/* The current session is kept when the secretariat changes their own password. */
static const char sql_end_sessions[] = "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?";

static int
has_error(HDF *hdf, const char *field)
{
	char key[64];

	snprintf(key, sizeof(key), "Form.%s.error", field);
	return hdf_get_value(hdf, key, NULL) != NULL;
}

/* A message on a field after form_check; order_errors then lists it in the summary. */
static void
add_error(HDF *hdf, const char *field, const char *msgkey)
{
	render_set(hdf, hdf_get_value(hdf, msgkey, "?"), "Form.%s.error", field);
}

/* List the messages in the summary in the form's order, whichever check found them. */
static void
order_errors(HDF *hdf, const struct form_field *fields)
{
	int n = 0;

	hdf_remove_tree(hdf, "Form.Errors");
	for (; fields->name != NULL; fields++)
		if (has_error(hdf, fields->name))
			render_set(hdf, fields->name, "Form.Errors.%d", n++);
	render_set_int(hdf, n, "Form.errors");
}

/* Run sql bound to key; its first row's first column goes to *out. 1 found, 0 none, -1 error. */
static int
lookup(struct request *rq, const char *sql, const char *key, long long *out)
{
	struct db_stmt *st = db_prepare(rq->db, sql);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 0, key);
	if ((rc = db_step(st)) == DB_ROW)
		*out = db_col_int(st, 0);
	db_reset(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/* The technopark select, with sel marked. 0 or a status. */
static int
tp_options(struct request *rq, HDF *hdf, const char *sel)
{
	struct db_stmt *st = db_prepare(rq->db, sql_tp_options);
	int found;

	if (st == NULL || page_options(hdf, "TPs", st, sel, &found) < 0 ||
	    (st = db_prepare(rq->db, sql_person_options)) == NULL || page_rows(hdf, "Options.People", st) < 0)
		return db_err(rq->db);
	return 0;
}

/*
 * The person field: a person of the directory that no other account (other than self) is linked to.
 * Sets *person_id (0: none). Returns the number of messages added, or -1 on a database error.
 */
static int
check_person(struct request *rq, HDF *hdf, long long self, long long *person_id)
{
	const char *v = form_value(hdf, "person");
	struct db_stmt *st;
	char other[241] = "";
	long long id;
	int rc;

	*person_id = 0;
	if (v == NULL || has_error(hdf, "person") || parse_ll(v, 1, 4294967295LL, &id) != 0)
		return 0;
	if ((st = db_prepare(rq->db, sql_person_link)) == NULL)
		return -1;
	db_bind_int(st, 0, self);
	db_bind_int(st, 1, id);
	if ((rc = db_step(st)) == DB_ROW && !db_col_isnull(st, 1))
		snprintf(other, sizeof(other), "%s", db_col_text(st, 1));
	db_reset(st);
	if (rc == DB_ERR)
		return -1;
	if (rc != DB_ROW) {
		add_error(hdf, "person", "L.form.err_choice");
		return 1;
	}
	if (*other != '\0') {
		render_set(hdf, other, "Form.person.linked");
		add_error(hdf, "person", "L.users.err_person_linked");
		return 1;
	}
	*person_id = id;
	return 0;
}

/*
 * The technopark field: a known slug, required for a member admin and refused for other roles.
 * Sets *tp_id (0: none). Returns the number of messages added, or -1 on a database error.
 */
static int
check_tp(struct request *rq, HDF *hdf, long long *tp_id)
{
	const char *role = form_value(hdf, "role"), *slug = form_value(hdf, "technopark");
	int rc;

	*tp_id = 0;
	if (has_error(hdf, "technopark"))
		return 0;
	if (slug != NULL) {
		if ((rc = lookup(rq, sql_tp_id, slug, tp_id)) < 0)
			return -1;
		if (rc == 0) {
			add_error(hdf, "technopark", "L.form.err_choice");
			return 1;
		}
	}
	if (role == NULL || has_error(hdf, "role"))
		return 0;
	if (strcmp(role, "member_admin") == 0 && slug == NULL) {
		add_error(hdf, "technopark", "L.users.err_tp_required");
		return 1;
	}
	if (strcmp(role, "member_admin") != 0 && slug != NULL) {
		add_error(hdf, "technopark", "L.users.err_tp_not_allowed");
		return 1;
	}
	return 0;
}

/* 1 when s is only [a-z0-9._-]. */
static int
login_chars_ok(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

/* Load account id into u (sql_user's columns 3..5 are display_name, role, technopark). 1, 0 or -1. */
static int
user_load(struct db *db, long long id, struct user_rec *u)
{
	struct db_stmt *st = db_prepare(db, sql_user);
	int rc, i;

	memset(u, 0, sizeof(*u));
	if (st == NULL)
		return -1;
	db_bind_int(st, 0, id);
	if ((rc = db_step(st)) == DB_ROW) {
		u->id = db_col_int(st, 0);
		u->version = db_col_int(st, 1);
		snprintf(u->login, sizeof(u->login), "%s", db_col_text(st, 2));
		for (i = U_NAME; i <= U_TP; i++)
			snprintf(u->v[i], sizeof(u->v[i]), "%s",
			    db_col_isnull(st, 3 + i) ? "" : db_col_text(st, 3 + i));
		snprintf(u->v[U_ACTIVE], sizeof(u->v[0]), "%s", db_col_int(st, 6) ? "1" : "0");
		u->is_demo = db_col_int(st, 7) != 0;
		u->tp_id = db_col_int(st, 8);
		if (!db_col_isnull(st, 9))
			snprintf(u->v[U_PERSON], sizeof(u->v[0]), "%s", db_col_text(st, 9));
	}
	db_reset(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/*
 * Audit one account change: the fields whose values differ, and "password" when one was set
 * (never the password or its hash). tp_id: the account's technopark, as tpportal-admin records it.
 */
static int
audit_user(struct request *rq, HDF *hdf, const char *action, long long id, long long tp_id,
    const char *const *olds, const char *const *news, int password_set)
{
	const char *set = hdf_get_value(hdf, "L.users.password_set", "*");
	long long cid;
	int i;

	if (audit_change(rq->db, rq->session->user_id, action, "user", id, tp_id, NULL, &cid) != 0)
		return DB_ERR;
	if (olds == NULL && audit_differs(NULL, news[USER_NFIELDS]) &&
	    audit_field(rq->db, cid, "login", NULL, news[USER_NFIELDS]) != 0)
		return DB_ERR;
	for (i = 0; i < USER_NFIELDS; i++) {
		const char *o = olds != NULL ? olds[i] : NULL;

		if (audit_differs(o, news[i]) && audit_field(rq->db, cid, user_fields[i], o, news[i]) != 0)
			return DB_ERR;
	}
	if (password_set && audit_field(rq->db, cid, "password", NULL, set) != 0)
		return DB_ERR;
	return 0;
}

int
page_admin_users(struct request *rq, HDF *hdf)
{
	const char *role = request_param(rq, "role");
	struct db_stmt *st = db_prepare(rq->db, sql_users);

	if (st == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, role);
	db_bind_text(st, 1, role);
	if (page_rows(hdf, "Users", st) < 0)
		return db_err(rq->db);
	render_set(hdf, role, "Filter.role");
	rq->tmpl = "admin_users.cs";
	return 0;
}

int
page_admin_user_new(struct request *rq, HDF *hdf)
{
	save_form(hdf, &user_record, NULL);
	render_set(hdf, "1", "Form.active.value");
	rq->tmpl = "admin_user.cs";
	return tp_options(rq, hdf, NULL);
}

/* The new account's values, in user_fields order, then the login. */
static void
new_values(HDF *hdf, const char **v)
{
	v[U_NAME] = form_value(hdf, "display_name");
	v[U_ROLE] = form_value(hdf, "role");
	v[U_TP] = form_value(hdf, "technopark");
	v[U_ACTIVE] = form_value(hdf, "active") != NULL ? "1" : "0";
	v[U_PERSON] = form_value(hdf, "person");
	v[USER_NFIELDS] = form_value(hdf, "login");
}

/* The new account's fields besides the description's (user_record): its login and first password. */
static const struct form_field user_new_only[] = {
	{ "login",		FT_LINE,	1, 3, 60, NULL },
	{ "password",		FT_SECRET,	1, ACCOUNT_MIN_PASSWORD, ACCOUNT_MAX_PASSWORD, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* After the description's checks (save.check): the login (characters, not taken), the password, the
 * technopark, the person (no other account's). How many messages it added, or a TP_E* code. */
static int
check_new(struct request *rq, HDF *hdf, const struct save *sv)
{
	int before = hdf_get_int_value(hdf, "Form.errors", 0), n;
	const char *login;
	long long one, tp_id, person_id;

	(void)sv;
	if (form_check(rq, hdf, user_new_only) < 0)
		return TP_ENOMEM;
	login = form_value(hdf, "login");
	if (login != NULL && !has_error(hdf, "login")) {
		if (!login_chars_ok(login))
			add_error(hdf, "login", "L.users.err_login_chars");
		else if ((n = lookup(rq, sql_login_taken, login, &one)) != 0) {
			if (n < 0)
				return db_err(rq->db);
			add_error(hdf, "login", "L.users.err_login_taken");
		}
	}
	if (check_tp(rq, hdf, &tp_id) < 0 || check_person(rq, hdf, 0, &person_id) < 0)
		return db_err(rq->db);
	order_errors(hdf, user_new_fields);
	return hdf_get_int_value(hdf, "Form.errors", 0) - before;
}

/* Insert the account and its audit record. 0, 422 when the login was taken meanwhile, or a status. */
static int
insert_user(struct request *rq, HDF *hdf, long long tp_id, long long person_id, const char *hash, long long *id)
{
	const char *v[USER_NFIELDS + 1];
	unsigned long long n = 0;
	struct db_stmt *st;

	new_values(hdf, v);
	if ((st = db_prepare(rq->db, sql_insert)) == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, v[USER_NFIELDS]);
	db_bind_text(st, 1, v[U_NAME]);
	db_bind_text(st, 2, v[U_ROLE]);
	if (tp_id > 0)
		db_bind_int(st, 3, tp_id);
	else
		db_bind_null(st, 3);
	db_bind_text(st, 4, hash);
	db_bind_int(st, 5, strcmp(v[U_ACTIVE], "1") == 0);
	if (person_id > 0)
		db_bind_int(st, 6, person_id);
	else
		db_bind_null(st, 6);
	if (db_write(st, &n, id) != 0)
		return db_err(rq->db);
	if (n != 1) {
		add_error(hdf, "login", "L.users.err_login_taken");
		return 422;
	}
	return audit_user(rq, hdf, "create", *id, tp_id, NULL, v, 1) == 0 ? 0 : db_err(rq->db);
}

/* The write of a new account (save.write): its password hashed, the row and its audit record. */
static int
write_new(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *cur,
    const char *const *v, long long *new_id)
{
	char hash[ACCOUNT_PWHASH_LEN];
	long long tp_id = 0, person_id = 0;
	int rc;

	(void)sv;
	(void)v;
	if (cur != NULL)
		return TP_EFAIL;
	if (form_value(hdf, "technopark") != NULL && (rc = lookup(rq, sql_tp_id, form_value(hdf, "technopark"), &tp_id)) != 1)
		return rc < 0 ? db_err(rq->db) : TP_EINVALID;
	/* checked by check_new; read again here, inside the save's transaction */
	if ((rc = check_person(rq, hdf, 0, &person_id)) != 0)
		return rc < 0 ? db_err(rq->db) : TP_EINVALID;
	if (account_hash_password(request_param(rq, "password"), hash) != 0)
		return TP_ENOMEM;
	rc = insert_user(rq, hdf, tp_id, person_id, hash, new_id);
	sodium_memzero(hash, sizeof(hash));
	return rc == 422 ? TP_EINVALID : rc;
}

/* A new account answers with its page, which says it was made. */
static int
created_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done,
    char **location)
{
	(void)rq;
	(void)hdf;
	(void)sv;
	(void)done;
	if (asprintf(location, "/admin/users/%lld?done=created", id) < 0) {
		*location = NULL;
		return -1;
	}
	return 0;
}

/* A new account through the save pipeline (admin/save.c): its one-time key makes a double click one account. */
int
page_admin_user_create(struct request *rq, HDF *hdf)
{
	struct save sv;
	int rc;

	memset(&sv, 0, sizeof(sv));
	sv.desc = &user_record;
	sv.tmpl = "admin_user.cs";
	sv.check = check_new;
	sv.location = created_location;
	sv.write = write_new;
	rc = save_record(rq, hdf, &sv);
	if (rc == 303 || rc < 0 || rc >= 500 || rq->tmpl == NULL)
		return rc;
	return tp_options(rq, hdf, form_value(hdf, "technopark")) != 0 ? db_err(rq->db) : rc;
}

/* The account being edited, for the page (not "User": that is the signed-in user). */
static void
account_to_hdf(HDF *hdf, const struct user_rec *u)
{
	render_set_int(hdf, u->id, "Account.id");
	render_set(hdf, u->login, "Account.login");
	render_set_int(hdf, u->is_demo, "Account.is_demo");
}

/* Load the account named in the path into u and the page: 0, 404, or a status. */
static int
load_account(struct request *rq, HDF *hdf, struct user_rec *u)
{
	long long id;
	int rc;

	if (parse_ll(rq->args[0], 1, 4294967295LL, &id) != 0)
		return 404;
	if ((rc = user_load(rq->db, id, u)) < 0)
		return db_err(rq->db);
	if (rc == 0)
		return 404;
	account_to_hdf(hdf, u);
	return 0;
}

int
page_admin_user_form(struct request *rq, HDF *hdf)
{
	struct record_row r;
	struct user_rec u;
	int rc, i;

	if ((rc = load_account(rq, hdf, &u)) != 0)
		return rc;
	memset(&r, 0, sizeof(r));
	r.version = u.version;
	for (i = 0; i < USER_NFIELDS; i++)
		r.v[i] = u.v[i][0] ? u.v[i] : NULL;
	save_form(hdf, &user_record, &r);
	render_set(hdf, request_param(rq, "done"), "Page.Done");
	rq->tmpl = "admin_user.cs";
	return tp_options(rq, hdf, u.v[U_TP]);
}

/* The password, checked apart from the description: it is never merged, compared or shown back. */
static const struct form_field password_field[] = {
	{ "password",		FT_SECRET,	0, ACCOUNT_MIN_PASSWORD, ACCOUNT_MAX_PASSWORD, NULL },
	{ NULL, 0, 0, 0, 0, NULL }
};

/* How many fields of the edit form have a message now. */
static int
count_errors(HDF *hdf)
{
	const struct form_field *f;
	int n = 0;

	for (f = user_edit_fields; f->name != NULL; f++)
		n += has_error(hdf, f->name);
	return n;
}

/*
 * The pipeline's extra checks of an edit (save.check): the password, the technopark for the role, and the
 * secretariat may not lock themselves out. How many messages it added, or a TP_E* code.
 */
static int
check_edit(struct request *rq, HDF *hdf, const struct save *sv)
{
	const char *role, *active;
	int before = count_errors(hdf);
	long long tp_id, person_id;

	if (form_check(rq, hdf, password_field) < 0)
		return TP_ENOMEM;
	if (check_tp(rq, hdf, &tp_id) < 0 || check_person(rq, hdf, sv->id, &person_id) < 0)
		return db_err(rq->db);
	role = form_value(hdf, "role");
	active = form_value(hdf, "active");
	if (sv->id == rq->session->user_id && role != NULL && !has_error(hdf, "role") &&
	    strcmp(role, "secretariat") != 0)
		add_error(hdf, "role", "L.users.err_self_demote");
	if (sv->id == rq->session->user_id && active == NULL && !has_error(hdf, "active"))
		add_error(hdf, "active", "L.users.err_self_deactivate");
	order_errors(hdf, user_edit_fields);
	return count_errors(hdf) - before;
}

/* Run a write that takes an id and one text, the text first or second. 0 or DB_ERR. */
static int
write_id_text(struct request *rq, const char *sql, const char *text, long long id, int text_first)
{
	struct db_stmt *st = db_prepare(rq->db, sql);
	unsigned long long n;

	if (st == NULL)
		return DB_ERR;
	db_bind_text(st, text_first ? 0 : 1, text);
	db_bind_int(st, text_first ? 1 : 0, id);
	return db_write(st, &n, NULL);
}

/*
 * Write the edit inside the caller's transaction: the row (409 when the version is stale), a new
 * password hash, the end of the account's sessions when its rights changed, and the audit record.
 */
static int
update_user(struct request *rq, HDF *hdf, const struct user_rec *u, long long version,
    const char *const *v, long long tp_id, const char *hash)
{
	const char *olds[USER_NFIELDS];
	struct db_stmt *st = db_prepare(rq->db, sql_update);
	unsigned long long n = 0;
	int i, rights;

	if (st == NULL)
		return db_err(rq->db);
	db_bind_text(st, 0, v[U_NAME]);
	db_bind_text(st, 1, v[U_ROLE]);
	if (tp_id > 0)
		db_bind_int(st, 2, tp_id);
	else
		db_bind_null(st, 2);
	db_bind_int(st, 3, strcmp(v[U_ACTIVE], "1") == 0);
	db_bind_text(st, 4, v[U_PERSON]);	/* NULL: none (checked by check_person) */
	db_bind_int(st, 5, u->id);
	db_bind_int(st, 6, version);
	if (db_write(st, &n, NULL) != 0)
		return db_err(rq->db);
	if (n == 0)
		return 409;
	if (hash != NULL && write_id_text(rq, sql_set_hash, hash, u->id, 1) != 0)
		return db_err(rq->db);
	rights = audit_differs(u->v[U_ROLE], v[U_ROLE]) || audit_differs(u->v[U_TP], v[U_TP]) ||
	    strcmp(v[U_ACTIVE], "1") != 0 || hash != NULL;
	if (rights && write_id_text(rq, sql_end_sessions, rq->session->token_hash, u->id, 0) != 0)
		return db_err(rq->db);
	for (i = 0; i < USER_NFIELDS; i++)
		olds[i] = u->v[i];
	return audit_user(rq, hdf, "update", u->id, tp_id > 0 ? tp_id : u->tp_id, olds, v,
	    hash != NULL) == 0 ? 0 : db_err(rq->db);
}

/*
 * The pipeline's write (save.write), inside its transaction: the merged values over cur at its version, a
 * new password's hash, the end of the account's sessions when its rights changed, the audit record.
 * 0, TP_ESTALE (run again), TP_EINVALID, or a TP_E* code.
 */
static int
write_account(struct request *rq, HDF *hdf, const struct save *sv, const struct record_row *cur,
    const char *const *v, long long *new_id)
{
	const char *password = request_param(rq, "password");
	int set = password != NULL && *password != '\0', rc, i;
	char hash[ACCOUNT_PWHASH_LEN];
	struct user_rec u;
	long long tp_id = 0;

	(void)sv;
	(void)new_id;
	if (cur == NULL)
		return TP_EFAIL;	/* accounts are made by page_admin_user_create */
	if (v[U_TP] != NULL && (rc = lookup(rq, sql_tp_id, v[U_TP], &tp_id)) != 1)
		return rc < 0 ? db_err(rq->db) : TP_EINVALID;
	memset(&u, 0, sizeof(u));
	u.id = cur->id;
	u.tp_id = cur->owner;
	for (i = 0; i < USER_NFIELDS; i++)
		snprintf(u.v[i], sizeof(u.v[i]), "%s", cur->v[i] != NULL ? cur->v[i] : "");
	if (set && account_hash_password(password, hash) != 0)
		return TP_ENOMEM;
	rc = update_user(rq, hdf, &u, cur->version, v, tp_id, set ? hash : NULL);
	sodium_memzero(hash, sizeof(hash));
	return rc == 409 ? TP_ESTALE : rc;
}

/* Nothing to write: no field changed and no new password. */
static int
nothing_to_do(const struct save *sv, const struct record_row *cur, const char *const *out)
{
	const char *password = request_param(sv->arg, "password");

	return !record_changes(sv->desc, cur, out) && (password == NULL || *password == '\0');
}

/* A saved edit answers with the list. */
static int
users_location(struct request *rq, HDF *hdf, const struct save *sv, long long id, const char *done,
    char **location)
{
	(void)rq;
	(void)hdf;
	(void)sv;
	(void)id;
	(void)done;
	if ((*location = strdup("/admin/users")) == NULL)
		return -1;
	return 0;
}

int
page_admin_user_save(struct request *rq, HDF *hdf)
{
	struct user_rec u;
	struct save sv;
	int rc;

	if ((rc = load_account(rq, hdf, &u)) != 0)
		return rc;
	memset(&sv, 0, sizeof(sv));
	sv.desc = &user_record;
	sv.id = u.id;
	sv.owner = u.tp_id;
	sv.tmpl = "admin_user.cs";
	sv.check = check_edit;
	sv.location = users_location;
	sv.write = write_account;
	sv.nothing_to_do = nothing_to_do;
	sv.arg = rq;
	rc = save_record(rq, hdf, &sv);
	if (rc == 303 || rc < 0 || rc >= 500 || rq->tmpl == NULL)
		return rc;
	return tp_options(rq, hdf, form_value(hdf, "technopark")) != 0 ? db_err(rq->db) : rc;
}
