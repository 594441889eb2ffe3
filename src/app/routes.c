/*
 * routes.c - the one route table: every URL the portal answers, who may use it, what it takes.
 *
 * http/route.c matches requests against it and enforces it before a handler runs (404, 405, 400, 403,
 * CSRF); reading this file tells every URL the portal has and who may use it.
 */
#include <stddef.h>

#include "admin/access.h"
#include "admin/admin.h"
#include "core/search_query.h"
#include "http/admission.h"
#include "http/route.h"
#include "model/record.h"
#include "model/library.h"
#include "model/news.h"
#include "pages/pages.h"

/* Parameter specs, one per set of routes that share them. A GET route drops keys its spec does not
 * name; PF_TYPED marks values readers type or edit (dates, page numbers): one that does not fit shows
 * the page with a message beside the field (422) rather than the 400 page. */
static const char *const member_sorts[] = { "name", "joined", NULL };

static const struct param_spec members_params[] = {
	{ "region",	PT_SLUG, 0, 40, NULL, 0 },
	{ "industry",	PT_SLUG, 0, 40, NULL, 0 },
	{ "sort",	PT_ENUM, 0, 0, member_sorts, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};

static const struct param_spec people_params[] = {
	{ "q",		PT_TEXT, 0, 50, NULL, 0 },
	{ "tp",		PT_SLUG, 0, 40, NULL, 0 },
	{ "page",	PT_INT, 1, 10000, NULL, PF_TYPED },
	{ NULL, 0, 0, 0, NULL, 0 }
};

/* Admin forms: every key a form may send (form.c gives the friendly per-field messages; these
 * generous limits only stop abuse before a handler runs). */
static const char *const decisions[] = { "approve", "reject", NULL };
static const char *const roles[] = { "secretariat", "member_admin", "staff", NULL };
static const char *const request_states[] = { "pending", "approved", "rejected", "withdrawn", "all", NULL };
static const char *const entities[] = { "technopark", "person", "user", "change_request",
	"committee_member", "committee_secretary", "meeting", "agenda_item", "attendance", "minutes", "resolution",
	"news", "network_figures", "committee", "association", "library", "library_kind", NULL };

static const struct param_spec login_params[] = {
	{ "login",	PT_TEXT, 0, 200, NULL, 0 },
	{ "password",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "next",	PT_TEXT, 0, 500, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const char *const dones[] = { "saved", NULL };
static const char *const request_dones[] = { "submitted", "withdrawn", NULL };
static const char *const request_mine[] = { "1", NULL };
static const struct param_spec request_done_params[] = {
	{ "done",	PT_ENUM, 0, 0, request_dones, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const char *const created_dones[] = { "created", NULL };
static const struct param_spec created_params[] = {	/* the page a create lands on says it was made */
	{ "done",	PT_ENUM, 0, 0, created_dones, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec done_params[] = {
	{ "done",	PT_ENUM, 0, 0, dones, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec next_params[] = {
	{ "next",	PT_TEXT, 0, 500, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec password_params[] = {
	{ "current",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "new",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "confirm",	PT_TEXT, 0, 1000, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
/* What every form of the save pipeline (admin/save.c) carries besides its fields: the one-time key, the
 * digests of the values it was rendered with, and on a conflict page a choice and both values per field. */
static const char *const picks[] = { "stored", "yours", NULL };
#define SAVE_PARAMS \
	{ "key",	PT_TEXT, 0, 64, NULL, 0 }, \
	{ "digests",	PT_TEXT, 0, RECORD_DIGESTS_SIZE, NULL, 0 }
#define SAVE_PICK(f) \
	{ "pick." f,	PT_ENUM, 0, 0, picks, 0 }, \
	{ "stored." f,	PT_TEXT, 0, 20000, NULL, PF_REPEAT }, \
	{ "yours." f,	PT_TEXT, 0, 20000, NULL, PF_REPEAT }
/* Mail (issue 15): addresses, links mailed to users, the password reset. */
static const char *const sent_dones[] = { "sent", NULL };
static const struct param_spec sent_params[] = {
	{ "done",	PT_ENUM, 0, 0, sent_dones, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec email_params[] = {
	{ "email",	PT_TEXT, 0, 300, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec token_params[] = {
	{ "token",	PT_TEXT, 0, 100, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const char *const ones[] = { "1", NULL };
static const char *const one_click[] = { "One-Click", NULL };
static const struct param_spec notify_params[] = {
	{ "requests",	PT_ENUM, 0, 0, ones, 0 },
	{ "decisions",	PT_ENUM, 0, 0, ones, 0 },
	{ "meetings",	PT_ENUM, 0, 0, ones, 0 },
	{ "news_pinned", PT_ENUM, 0, 0, ones, 0 },
	{ "category",	PT_TEXT, 0, 3, NULL, PF_REPEAT },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec unsubscribe_params[] = {
	{ "List-Unsubscribe", PT_ENUM, 0, 0, one_click, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec reset_params[] = {
	{ "token",	PT_TEXT, 0, 100, NULL, 0 },
	{ "new",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "confirm",	PT_TEXT, 0, 1000, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec member_form_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("summary"), SAVE_PICK("director"), SAVE_PICK("address"), SAVE_PICK("phone"),
	SAVE_PICK("email"), SAVE_PICK("website"), SAVE_PICK("name_en"), SAVE_PICK("summary_en"),
	SAVE_PICK("address_en"), SAVE_PICK("industry"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "summary",	PT_TEXT, 0, 20000, NULL, 0 },
	{ "name_en",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "summary_en",	PT_TEXT, 0, 20000, NULL, 0 },
	{ "address_en",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "director",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "address",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "phone",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "email",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "website",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "industry",	PT_TEXT, 0, 100, NULL, PF_REPEAT },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec person_form_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("name"), SAVE_PICK("title"), SAVE_PICK("department"), SAVE_PICK("phone"),
	SAVE_PICK("email"), SAVE_PICK("sort"), SAVE_PICK("visible"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "name",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "title",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "department",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "phone",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "email",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "sort",	PT_TEXT, 0, 20, NULL, 0 },
	{ "visible",	PT_TEXT, 0, 20, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec version_params[] = {
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec user_form_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("display_name"), SAVE_PICK("role"), SAVE_PICK("technopark"), SAVE_PICK("active"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "login",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "display_name", PT_TEXT, 0, 1000, NULL, 0 },
	{ "role",	PT_TEXT, 0, 100, NULL, 0 },
	{ "technopark",	PT_TEXT, 0, 100, NULL, 0 },
	{ "active",	PT_TEXT, 0, 20, NULL, 0 },
	{ "password",	PT_TEXT, 0, 1000, NULL, 0 },
	SAVE_PICK("person"), { "person", PT_TEXT, 0, 20, NULL, 0 },	/* the account's person (issue 15) */
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec decide_params[] = {
	/* a choice per conflicting field of the request (page_admin_review.c picks) */
	{ "pick.summary", PT_ENUM, 0, 0, picks, 0 }, { "pick.director", PT_ENUM, 0, 0, picks, 0 },
	{ "pick.address", PT_ENUM, 0, 0, picks, 0 }, { "pick.phone", PT_ENUM, 0, 0, picks, 0 },
	{ "pick.email", PT_ENUM, 0, 0, picks, 0 }, { "pick.website", PT_ENUM, 0, 0, picks, 0 },
	{ "pick.industry", PT_ENUM, 0, 0, picks, 0 }, { "pick.name", PT_ENUM, 0, 0, picks, 0 },
	{ "pick.title", PT_ENUM, 0, 0, picks, 0 }, { "pick.department", PT_ENUM, 0, 0, picks, 0 },
	{ "pick.sort", PT_ENUM, 0, 0, picks, 0 }, { "pick.visible", PT_ENUM, 0, 0, picks, 0 },
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "decision",	PT_ENUM, 0, 0, decisions, 0 },
	{ "comment",	PT_TEXT, 0, 5000, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec requests_params[] = {
	{ "state",	PT_ENUM, 0, 0, request_states, 0 },
	{ "tp",		PT_SLUG, 0, 40, NULL, 0 },
	{ "mine",	PT_ENUM, 0, 0, request_mine, 0 },	/* 1: "내 요청", the user's own requests */
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec users_params[] = {
	{ "role",	PT_ENUM, 0, 0, roles, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec history_params[] = {
	{ "entity",	PT_ENUM, 0, 0, entities, 0 },
	{ "id",		PT_INT, 1, 4294967295LL, NULL, 0 },
	{ "user",	PT_INT, 1, 4294967295LL, NULL, 0 },
	{ "tp",		PT_SLUG, 0, 40, NULL, 0 },
	{ "before",	PT_INT, 1, 9223372036854775807LL, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};

/* Committees (page_committees*.c, page_admin_committees.c, _meetings.c, _agenda.c, _records.c,
 * _resolutions.c, _documents.c). */
static const char *const outcomes[] = { "adopted", "rejected", "deferred", NULL };
static const char *const directions[] = { "up", "down", NULL };
static const char *const committee_dones[] = { "saved", "seat", "seat_deleted", "secretary", "secretary_removed",
	"created", "item", "moved", "item_deleted", "resolution", "resolution_deleted", "published", "document",
	"document_deleted", NULL };
static const struct param_spec committee_params[] = {
	{ "at",		PT_TEXT, 0, 10, NULL, PF_TYPED },	/* a day (YYYY-MM-DD, . or /): the composition then */
	{ "history",	PT_ENUM, 0, 0, ones, 0 },	/* 1: every term, past ones included */
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec resolutions_params[] = {
	{ "year",	PT_INT, 1900, 2999, NULL, 0 },
	{ "outcome",	PT_ENUM, 0, 0, outcomes, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec committee_done_params[] = {
	{ "done",	PT_ENUM, 0, 0, committee_dones, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
/* The association's profile in both languages (issue 17: admin/page_admin_about.c). */
static const struct param_spec about_form_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("name_ko"), SAVE_PICK("name_en"), SAVE_PICK("legal_form"), SAVE_PICK("legal_form_en"),
	SAVE_PICK("summary"), SAVE_PICK("summary_en"), SAVE_PICK("address"), SAVE_PICK("address_en"),
	SAVE_PICK("phone"), SAVE_PICK("email"), SAVE_PICK("website"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "name_ko",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "name_en",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "legal_form",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "legal_form_en", PT_TEXT, 0, 1000, NULL, 0 },
	{ "summary",	PT_TEXT, 0, 20000, NULL, 0 },
	{ "summary_en",	PT_TEXT, 0, 20000, NULL, 0 },
	{ "address",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "address_en",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "phone",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "email",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "website",	PT_TEXT, 0, 1000, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
/* A committee's texts in both languages (issue 17: admin/page_admin_committee_texts.c). */
static const struct param_spec committee_texts_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("name_ko"), SAVE_PICK("name_en"), SAVE_PICK("purpose"), SAVE_PICK("purpose_en"),
	SAVE_PICK("composition"), SAVE_PICK("composition_en"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "name_ko",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "name_en",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "purpose",	PT_TEXT, 0, 20000, NULL, 0 },
	{ "purpose_en",	PT_TEXT, 0, 20000, NULL, 0 },
	{ "composition", PT_TEXT, 0, 20000, NULL, 0 },
	{ "composition_en", PT_TEXT, 0, 20000, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec seat_form_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("member"), SAVE_PICK("role"), SAVE_PICK("term_start"), SAVE_PICK("term_end"), SAVE_PICK("note"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "member",	PT_TEXT, 0, 100, NULL, 0 },
	{ "role",	PT_TEXT, 0, 100, NULL, 0 },
	{ "term_start",	PT_TEXT, 0, 100, NULL, 0 },
	{ "term_end",	PT_TEXT, 0, 100, NULL, 0 },
	{ "note",	PT_TEXT, 0, 1000, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec secretary_params[] = {
	SAVE_PARAMS,
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "user",	PT_TEXT, 0, 20, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
/* Removing a secretary: the appointment the page showed, at its version (a stale one is refused). */
static const struct param_spec secretary_delete_params[] = {
	{ "appointment", PT_TEXT, 0, 20, NULL, 0 },
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec meeting_form_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("title"), SAVE_PICK("date"), SAVE_PICK("starts"), SAVE_PICK("end_date"), SAVE_PICK("ends"),
	SAVE_PICK("place"), SAVE_PICK("online_url"), SAVE_PICK("status"), SAVE_PICK("note"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "title",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "date",	PT_TEXT, 0, 100, NULL, 0 },
	{ "starts",	PT_TEXT, 0, 100, NULL, 0 },
	{ "end_date",	PT_TEXT, 0, 100, NULL, 0 },
	{ "ends",	PT_TEXT, 0, 100, NULL, 0 },
	{ "place",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "online_url",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "status",	PT_TEXT, 0, 100, NULL, 0 },
	{ "note",	PT_TEXT, 0, 10000, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec item_form_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("item_title"), SAVE_PICK("item_description"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "item_title",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "item_description", PT_TEXT, 0, 20000, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec move_params[] = {
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "direction",	PT_ENUM, 0, 0, directions, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
/* One "seat" ("<seat id>:<state>"), one "was" and one "proxy" per line of the form: 3 keys a seat. */
static const struct param_spec attendance_params[] = {
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "key",	PT_TEXT, 0, 64, NULL, 0 },	/* the one-time submission key */
	{ "seat",	PT_TEXT, 0, 40, NULL, PF_REPEAT },
	{ "was",	PT_TEXT, 0, 8, NULL, PF_REPEAT },	/* the line's digest as shown: its three-way merge */
	{ "proxy",	PT_TEXT, 0, 200, NULL, PF_REPEAT },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec minutes_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("body"), SAVE_PICK("published"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "body",	PT_TEXT, 0, 100000, NULL, 0 },
	{ "published",	PT_TEXT, 0, 20, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
/* A meeting's documents: multipart/form-data, up to 5 files (attach.h ATTACH_MAX_FILES) a request. */
static const struct param_spec document_params[] = {
	{ "key",	PT_TEXT, 0, 64, NULL, 0 },	/* the one-time submission key */
	{ "attachment",	PT_FILE, 0, 5, NULL, PF_REPEAT },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec resolution_new_params[] = {
	{ "item",	PT_INT, 1, 4294967295LL, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec resolution_form_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("agenda_item_id"), SAVE_PICK("body"), SAVE_PICK("outcome"), SAVE_PICK("votes_for"),
	SAVE_PICK("votes_against"), SAVE_PICK("votes_abstain"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "agenda_item_id", PT_TEXT, 0, 20, NULL, 0 },
	{ "body",	PT_TEXT, 0, 20000, NULL, 0 },
	{ "outcome",	PT_TEXT, 0, 100, NULL, 0 },
	{ "votes_for",	PT_TEXT, 0, 20, NULL, 0 },
	{ "votes_against", PT_TEXT, 0, 20, NULL, 0 },
	{ "votes_abstain", PT_TEXT, 0, 20, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};

/* News (page_news.c, page_admin_news*.c) and attachments (attach.c). */
static const struct param_spec news_list_params[] = {
	{ "category",	PT_SLUG, 0, 40, NULL, 0 },
	{ "tp",		PT_SLUG, 0, 40, NULL, 0 },
	{ "before",	PT_INT, 1, 4294967295LL, NULL, 0 },
	{ "after",	PT_INT, 1, 4294967295LL, NULL, 0 },
	{ "page",	PT_INT, 1, NEWS_NUMBERED_PAGES, NULL, PF_TYPED },	/* day: the board's numbered pages */
	{ "n",		PT_INT, 1, 4294967295LL, NULL, 0 },	/* serve: the 번호 a keyset link carries on (page_news.c) */
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec news_filter_params[] = {
	{ "category",	PT_SLUG, 0, 40, NULL, 0 },
	{ "tp",		PT_SLUG, 0, 40, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const char *const news_states[] = { "all", "draft", "published", "deleted", NULL };
static const char *const news_dones[] = { "saved", "deleted", "restored", NULL };
static const struct param_spec admin_news_params[] = {
	{ "state",	PT_ENUM, 0, 0, news_states, 0 },
	{ "tp",		PT_SLUG, 0, 40, NULL, 0 },
	{ "before",	PT_INT, 1, 4294967295LL, NULL, 0 },
	{ "done",	PT_ENUM, 0, 0, news_dones, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec news_done_params[] = {
	{ "done",	PT_ENUM, 0, 0, news_dones, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
/* The article form is multipart/form-data: "attachment" (PT_FILE) makes these routes take uploads,
 * up to 5 files (attach.h ATTACH_MAX_FILES) of ROUTE_MAX_FILE each, ROUTE_MAX_UPLOAD in all. */
static const struct param_spec news_form_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("title"), SAVE_PICK("category"), SAVE_PICK("publisher"), SAVE_PICK("state"),
	SAVE_PICK("pinned_until"), SAVE_PICK("body"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "title",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "category",	PT_TEXT, 0, 100, NULL, 0 },
	{ "publisher",	PT_TEXT, 0, 100, NULL, 0 },
	{ "state",	PT_TEXT, 0, 20, NULL, 0 },
	{ "pinned_until", PT_TEXT, 0, 40, NULL, 0 },
	{ "body",	PT_TEXT, 0, 200000, NULL, 0 },
	{ "remove",	PT_INT, 1, 4294967295LL, NULL, PF_REPEAT },
	{ "attachment",	PT_FILE, 0, 5, NULL, PF_REPEAT },
	{ NULL, 0, 0, 0, NULL, 0 }
};

/* The library (page_library.c, page_admin_library.c): readers filter by kind, publisher and year. */
static const struct param_spec library_list_params[] = {
	{ "kind",	PT_SLUG, 0, 40, NULL, 0 },
	{ "tp",		PT_SLUG, 0, 40, NULL, 0 },
	{ "year",	PT_INT, 1900, 2999, NULL, 0 },
	{ "before",	PT_INT, 1, 4294967295LL, NULL, 0 },
	{ "after",	PT_INT, 1, 4294967295LL, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec library_feed_params[] = {
	{ "kind",	PT_SLUG, 0, 40, NULL, 0 },
	{ "tp",		PT_SLUG, 0, 40, NULL, 0 },
	{ "year",	PT_INT, 1900, 2999, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const char *const library_dones[] = { "saved", "created", "deleted", "restored", NULL };
static const struct param_spec admin_library_params[] = {
	{ "before",	PT_INT, 1, 4294967295LL, NULL, 0 },
	{ "done",	PT_ENUM, 0, 0, library_dones, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec library_done_params[] = {
	{ "done",	PT_ENUM, 0, 0, library_dones, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};
/* The document form is multipart/form-data: "attachment" (PT_FILE) makes these routes take uploads. */
static const struct param_spec library_form_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("title"), SAVE_PICK("kind"), SAVE_PICK("publisher"), SAVE_PICK("year"), SAVE_PICK("language"),
	SAVE_PICK("audience"), SAVE_PICK("description"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "title",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "kind",	PT_TEXT, 0, 100, NULL, 0 },
	{ "publisher",	PT_TEXT, 0, 100, NULL, 0 },
	{ "year",	PT_TEXT, 0, 20, NULL, 0 },
	{ "language",	PT_TEXT, 0, 20, NULL, 0 },
	{ "audience",	PT_TEXT, 0, 20, NULL, 0 },
	{ "description", PT_TEXT, 0, 20000, NULL, 0 },
	{ "attachment",	PT_FILE, 0, 5, NULL, PF_REPEAT },
	{ NULL, 0, 0, 0, NULL, 0 }
};
static const struct param_spec library_kind_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("slug"), SAVE_PICK("name_ko"), SAVE_PICK("name_en"), SAVE_PICK("sort"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "slug",	PT_TEXT, 0, 100, NULL, 0 },
	{ "name_ko",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "name_en",	PT_TEXT, 0, 1000, NULL, 0 },
	{ "sort",	PT_TEXT, 0, 20, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};

/* Search: q up to 1,000 characters gets the page (which says when a query is too long for a search,
 * keeping it in the box); beyond that it is no reader's query (400). */
static const char *const search_types[] = { "members", "people", "news", "committees", "about", "bodies", "library", NULL };
static const struct param_spec search_params[] = {
	{ "q",		PT_TEXT, 0, 1000, NULL, 0 },
	{ "type",	PT_ENUM, 0, 0, search_types, 0 },
	{ "page",	PT_INT, 1, SEARCH_MAX_PAGE, NULL, PF_TYPED },
	{ NULL, 0, 0, 0, NULL, 0 }
};
/* The figures form: numbers as text (form.c checks them and names the field on a mistake). */
static const struct param_spec stats_form_params[] = {
	SAVE_PARAMS,
	SAVE_PICK("companies"), SAVE_PICK("employees"), SAVE_PICK("revenue"), SAVE_PICK("members"),
	{ "version",	PT_TEXT, 0, 20, NULL, 0 },
	{ "year",	PT_TEXT, 0, 100, NULL, 0 },
	{ "companies",	PT_TEXT, 0, 100, NULL, 0 },
	{ "employees",	PT_TEXT, 0, 100, NULL, 0 },
	{ "revenue",	PT_TEXT, 0, 100, NULL, 0 },
	{ "members",	PT_TEXT, 0, 100, NULL, 0 },
	{ NULL, 0, 0, 0, NULL, 0 }
};

#define GET	(M_GET | M_HEAD)
#define POST	M_POST
#define PUB	ACC_PUBLIC
#define MEM	ACC_MEMBER_ADMIN
#define SEC	ACC_SECRETARIAT
#define COM	ACC_COMMITTEE

const struct route route_table[] = {
	/* methods pattern                           handler                  access     csrf         params               sample, row-level hook (admin/access.h) */
	{ GET,  "/",                                 page_home,               PUB,       CSRF_NONE,   NULL,                "/", NULL },
	{ GET,  "/members",                          page_members_list,       PUB,       CSRF_NONE,   members_params,      "/members?region=chungnam&sort=joined", NULL },
	{ GET,  "/members/{slug}",                   page_members_show,       PUB,       CSRF_NONE,   NULL,                "/members/gyeonggi", NULL },
	{ GET,  "/people",                           page_people_list,        PUB,       CSRF_NONE,   people_params,       "/people?q=%ED%8C%80%EC%9E%A5", NULL },
	{ GET,  "/people.csv",                       page_people_csv,         ACC_LOGIN, CSRF_NONE,   people_params,       "/people.csv?tp=chungnam", NULL },
	{ GET,  "/people.vcf",                       page_people_vcf,         ACC_LOGIN, CSRF_NONE,   people_params,       "/people.vcf?q=%ED%8C%80%EC%9E%A5", NULL },
	{ GET,  "/members.csv",                      page_members_csv,        ACC_LOGIN, CSRF_NONE,   members_params,      "/members.csv?region=chungnam", NULL },
	{ GET,  "/members/{slug}/people.vcf",        page_member_people_vcf,  ACC_LOGIN, CSRF_NONE,   NULL,                "/members/chungnam/people.vcf", NULL },
	{ GET,  "/about",                            page_about,              PUB,       CSRF_NONE,   NULL,                "/about", NULL },
	{ GET,  "/healthz",                          page_healthz,            ACC_OPEN,  CSRF_NONE,   NULL,                "/healthz", NULL },

	{ GET,  "/login",                            page_login_form,         ACC_OPEN,  CSRF_NONE,   next_params,         "/login", NULL },
	{ POST, "/login",                            page_login,              ACC_OPEN,  CSRF_ORIGIN, login_params,        "/login", NULL },
	{ POST, "/logout",                           page_logout,             ACC_LOGIN, CSRF_TOKEN,  NULL,                "/logout", NULL },
	{ GET,  "/account/password",                 page_password_form,      ACC_LOGIN, CSRF_NONE,   NULL,                "/account/password", NULL },
	{ POST, "/account/password",                 page_password,           ACC_LOGIN, CSRF_TOKEN,  password_params,     "/account/password", NULL },
	{ GET,  "/account/email",                    page_account_email_form, ACC_LOGIN, CSRF_NONE,   sent_params,         "/account/email", NULL },
	{ POST, "/account/email",                    page_account_email,      ACC_LOGIN, CSRF_TOKEN,  email_params,        "/account/email", NULL },
	{ GET,  "/account/email/confirm",            page_email_confirm_form, ACC_OPEN,  CSRF_NONE,   token_params,        "/account/email/confirm", NULL },
	{ POST, "/account/email/confirm",            page_email_confirm,      ACC_OPEN,  CSRF_ORIGIN, token_params,        "/account/email/confirm", NULL },
	{ GET,  "/account/notifications",            page_account_notify_form, ACC_LOGIN, CSRF_NONE,  done_params,         "/account/notifications", NULL },
	{ POST, "/account/notifications",            page_account_notify,     ACC_LOGIN, CSRF_TOKEN,  notify_params,       "/account/notifications", NULL },
	/* RFC 8058: a mail client POSTs here itself, with no Origin and no session; the unguessable token in
	 * the path is the only credential, and all it can do is end that one subscription. */
	{ GET,  "/unsubscribe/{slug}",               page_unsubscribe_form,   ACC_OPEN,  CSRF_NONE,   NULL,                "/unsubscribe/0123456789abcdef0123456789abcdef", NULL },
	{ POST, "/unsubscribe/{slug}",               page_unsubscribe,        ACC_OPEN,  CSRF_NONE,   unsubscribe_params,  "/unsubscribe/0123456789abcdef0123456789abcdef", NULL },
	{ GET,  "/password/forgot",                  page_password_forgot_form, ACC_OPEN, CSRF_NONE,  NULL,                "/password/forgot", NULL },
	{ POST, "/password/forgot",                  page_password_forgot,    ACC_OPEN,  CSRF_ORIGIN, email_params,        "/password/forgot", NULL },
	{ GET,  "/password/reset",                   page_password_reset_form, ACC_OPEN, CSRF_NONE,   token_params,        "/password/reset", NULL },
	{ POST, "/password/reset",                   page_password_reset,     ACC_OPEN,  CSRF_ORIGIN, reset_params,        "/password/reset", NULL },

	{ GET,  "/admin",                            page_admin_home,         MEM,       CSRF_NONE,   NULL,                "/admin", NULL },
	{ GET,  "/admin/members/{slug}",             page_admin_member_form,  MEM,       CSRF_NONE,   done_params,         "/admin/members/chungnam", access_tp_slug },
	{ POST, "/admin/members/{slug}",             page_admin_member_save,  MEM,       CSRF_TOKEN,  member_form_params,  "/admin/members/chungnam", access_tp_slug },
	{ GET,  "/admin/members/{slug}/people",      page_admin_people_list,  MEM,       CSRF_NONE,   created_params,      "/admin/members/chungnam/people", access_tp_slug },
	{ GET,  "/admin/members/{slug}/people/new",  page_admin_person_new,   MEM,       CSRF_NONE,   NULL,                "/admin/members/chungnam/people/new", access_tp_slug },
	{ POST, "/admin/members/{slug}/people",      page_admin_person_create, MEM,      CSRF_TOKEN,  person_form_params,  "/admin/members/chungnam/people", access_tp_slug },
	{ GET,  "/admin/people/{id}",                page_admin_person_form,  MEM,       CSRF_NONE,   NULL,                "/admin/people/{person}", access_person },
	{ POST, "/admin/people/{id}",                page_admin_person_save,  MEM,       CSRF_TOKEN,  person_form_params,  "/admin/people/{person}", access_person },
	{ POST, "/admin/people/{id}/delete",         page_admin_person_delete, MEM,      CSRF_TOKEN,  version_params,      "/admin/people/{person}/delete", access_person },
	{ GET,  "/admin/requests",                   page_admin_requests,     MEM,       CSRF_NONE,   requests_params,     "/admin/requests", NULL },
	{ GET,  "/admin/requests/{id}",              page_admin_request_show, MEM,       CSRF_NONE,   request_done_params, "/admin/requests/{request}", access_request },
	{ POST, "/admin/requests/{id}",              page_admin_request_decide, SEC,     CSRF_TOKEN,  decide_params,       "/admin/requests/{request}", access_request },
	{ POST, "/admin/requests/{id}/withdraw",     page_admin_request_withdraw, MEM,   CSRF_TOKEN,  version_params,      "/admin/requests/{request}/withdraw", access_request_own },
	{ GET,  "/admin/history",                    page_admin_history,      MEM,       CSRF_NONE,   history_params,      "/admin/history", NULL },
	{ GET,  "/admin/mail",                       page_admin_mail,         SEC,       CSRF_NONE,   NULL,                "/admin/mail", NULL },
	{ GET,  "/admin/users",                      page_admin_users,        SEC,       CSRF_NONE,   users_params,        "/admin/users", NULL },
	{ GET,  "/admin/users/new",                  page_admin_user_new,     SEC,       CSRF_NONE,   NULL,                "/admin/users/new", NULL },
	{ POST, "/admin/users",                      page_admin_user_create,  SEC,       CSRF_TOKEN,  user_form_params,    "/admin/users", NULL },
	{ GET,  "/admin/users/{id}",                 page_admin_user_form,    SEC,       CSRF_NONE,   created_params,      "/admin/users/{user}", NULL },
	{ POST, "/admin/users/{id}",                 page_admin_user_save,    SEC,       CSRF_TOKEN,  user_form_params,    "/admin/users/{user}", NULL },
	{ GET,  "/admin/users/{id}/email",           page_admin_user_email_form, SEC,    CSRF_NONE,   sent_params,         "/admin/users/{user}/email", NULL },
	{ POST, "/admin/users/{id}/email",           page_admin_user_email,   SEC,       CSRF_TOKEN,  email_params,        "/admin/users/{user}/email", NULL },

	{ GET,  "/search",                           page_search,             PUB,       CSRF_NONE,   search_params,       "/search?q=%EC%82%B0%EC%97%85", NULL },
	{ GET,  "/stats",                            page_stats,              PUB,       CSRF_NONE,   NULL,                "/stats", NULL },
	{ GET,  "/stats.csv",                        page_stats_csv,          PUB,       CSRF_NONE,   NULL,                "/stats.csv", NULL },
	{ GET,  "/admin/about",                      page_admin_about_form,   SEC,       CSRF_NONE,   done_params,         "/admin/about", NULL },
	{ POST, "/admin/about",                      page_admin_about_save,   SEC,       CSRF_TOKEN,  about_form_params,   "/admin/about", NULL },
	{ GET,  "/admin/stats",                      page_admin_stats,        SEC,       CSRF_NONE,   done_params,         "/admin/stats", NULL },
	{ POST, "/admin/stats",                      page_admin_stats_create, SEC,       CSRF_TOKEN,  stats_form_params,   "/admin/stats", NULL },
	{ GET,  "/admin/stats/{id}",                 page_admin_stats_form,   SEC,       CSRF_NONE,   NULL,                "/admin/stats/2018", NULL },
	{ POST, "/admin/stats/{id}",                 page_admin_stats_save,   SEC,       CSRF_TOKEN,  stats_form_params,   "/admin/stats/2018", NULL },

	{ GET,  "/news",                             page_news_list,          PUB,       CSRF_NONE,   news_list_params,    "/news?category=notice", NULL },
	{ GET,  "/news.atom",                        page_news_feed,          PUB,       CSRF_NONE,   news_filter_params,  "/news.atom?category=notice", NULL },
	{ GET,  "/news/{id}",                        page_news_show,          PUB,       CSRF_NONE,   news_filter_params,  "/news/1", NULL },
	{ GET,  "/files/{id}",                       page_files_get,          PUB,       CSRF_NONE,   NULL,                "/files/{file}", NULL },
	{ GET,  "/admin/news",                       page_admin_news_list,    MEM,       CSRF_NONE,   admin_news_params,   "/admin/news?state=published", NULL },
	{ GET,  "/admin/news/new",                   page_admin_news_new,     MEM,       CSRF_NONE,   NULL,                "/admin/news/new", NULL },
	{ POST, "/admin/news",                       page_admin_news_create,  MEM,       CSRF_TOKEN,  news_form_params,    "/admin/news", NULL },
	{ GET,  "/admin/news/{id}",                  page_admin_news_form,    MEM,       CSRF_NONE,   news_done_params,    "/admin/news/{article}", access_article },
	{ POST, "/admin/news/{id}",                  page_admin_news_save,    MEM,       CSRF_TOKEN,  news_form_params,    "/admin/news/{article}", access_article },
	{ POST, "/admin/news/{id}/delete",           page_admin_news_delete,  MEM,       CSRF_TOKEN,  version_params,      "/admin/news/{article}/delete", access_article },
	{ POST, "/admin/news/{id}/restore",          page_admin_news_restore, SEC,       CSRF_TOKEN,  version_params,      "/admin/news/{article}/restore", access_article },

	{ GET,  "/library",                          page_library_list,       PUB,       CSRF_NONE,   library_list_params, "/library?kind=brochure&year=2025", NULL },
	{ GET,  "/library.atom",                     page_library_feed,       PUB,       CSRF_NONE,   library_feed_params, "/library.atom", NULL },
	{ GET,  "/library/{id}",                     page_library_show,       PUB,       CSRF_NONE,   NULL,                "/library/1", NULL },
	{ GET,  "/admin/library",                    page_admin_library_list, MEM,       CSRF_NONE,   admin_library_params, "/admin/library", NULL },
	{ GET,  "/admin/library/new",                page_admin_library_new,  MEM,       CSRF_NONE,   NULL,                "/admin/library/new", NULL },
	{ POST, "/admin/library",                    page_admin_library_create, MEM,     CSRF_TOKEN,  library_form_params, "/admin/library", NULL },
	{ GET,  "/admin/library/kinds",              page_admin_library_kinds, SEC,      CSRF_NONE,   library_done_params, "/admin/library/kinds", NULL },
	{ POST, "/admin/library/kinds",              page_admin_library_kind_create, SEC, CSRF_TOKEN, library_kind_params, "/admin/library/kinds", NULL },
	{ GET,  "/admin/library/kinds/{id}",         page_admin_library_kind_form, SEC,  CSRF_NONE,   NULL,                "/admin/library/kinds/5", NULL },
	{ POST, "/admin/library/kinds/{id}",         page_admin_library_kind_save, SEC,  CSRF_TOKEN,  library_kind_params, "/admin/library/kinds/5", NULL },
	{ GET,  "/admin/library/{id}",               page_admin_library_form, MEM,       CSRF_NONE,   library_done_params, "/admin/library/{library}", access_library },
	{ POST, "/admin/library/{id}",               page_admin_library_save, MEM,       CSRF_TOKEN,  library_form_params, "/admin/library/{library}", access_library },
	{ POST, "/admin/library/{id}/delete",        page_admin_library_delete, MEM,     CSRF_TOKEN,  version_params,      "/admin/library/{library}/delete", access_library },
	{ POST, "/admin/library/{id}/restore",       page_admin_library_restore, SEC,    CSRF_TOKEN,  version_params,      "/admin/library/{library}/restore", access_library },

	{ GET,  "/committees",                       page_committees_list,    PUB,       CSRF_NONE,   NULL,                "/committees", NULL },
	{ GET,  "/committees.ics",                   page_committees_ics,     PUB,       CSRF_NONE,   NULL,                "/committees.ics", NULL },
	{ GET,  "/committees/{slug}",                page_committees_show,    PUB,       CSRF_NONE,   committee_params,    "/committees/board?at=2025-06-01", NULL },
	{ GET,  "/committees/{slug}/calendar.ics",   page_committee_ics,      PUB,       CSRF_NONE,   NULL,                "/committees/board/calendar.ics", NULL },
	{ GET,  "/committees/{slug}/resolutions",    page_committees_resolutions, PUB,   CSRF_NONE,   resolutions_params,  "/committees/board/resolutions?outcome=adopted", NULL },
	{ GET,  "/committees/{slug}/meetings/{id}",  page_committees_meeting, PUB,       CSRF_NONE,   NULL,                "/committees/board/meetings/101", NULL },
	{ GET,  "/admin/committees",                 page_admin_committees,   COM,       CSRF_NONE,   NULL,                "/admin/committees", NULL },
	{ GET,  "/admin/committees/{slug}",          page_admin_committee,    COM,       CSRF_NONE,   committee_done_params, "/admin/committees/board", access_committee_slug },
	{ GET,  "/admin/committees/{slug}/texts",    page_admin_committee_texts_form, SEC, CSRF_NONE,  NULL,                "/admin/committees/board/texts", access_committee_slug },
	{ POST, "/admin/committees/{slug}/texts",    page_admin_committee_texts_save, SEC, CSRF_TOKEN, committee_texts_params, "/admin/committees/board/texts", access_committee_slug },
	{ GET,  "/admin/committees/{slug}/seats/new", page_admin_seat_new,    COM,       CSRF_NONE,   NULL,                "/admin/committees/board/seats/new", access_committee_slug },
	{ POST, "/admin/committees/{slug}/seats",    page_admin_seat_create,  COM,       CSRF_TOKEN,  seat_form_params,    "/admin/committees/board/seats", access_committee_slug },
	{ GET,  "/admin/seats/{id}",                 page_admin_seat_form,    COM,       CSRF_NONE,   NULL,                "/admin/seats/101", access_seat },
	{ POST, "/admin/seats/{id}",                 page_admin_seat_save,    COM,       CSRF_TOKEN,  seat_form_params,    "/admin/seats/101", access_seat },
	{ POST, "/admin/seats/{id}/delete",          page_admin_seat_delete,  COM,       CSRF_TOKEN,  version_params,      "/admin/seats/101/delete", access_seat },
	{ POST, "/admin/committees/{slug}/secretaries", page_admin_secretary_add, SEC,   CSRF_TOKEN,  secretary_params,    "/admin/committees/board/secretaries", access_committee_slug },
	{ POST, "/admin/committees/{slug}/secretaries/{id}/delete", page_admin_secretary_delete, SEC, CSRF_TOKEN, secretary_delete_params, "/admin/committees/board/secretaries/{user}/delete", access_committee_slug },
	{ GET,  "/admin/committees/{slug}/meetings/new", page_admin_meeting_new, COM,    CSRF_NONE,   NULL,                "/admin/committees/board/meetings/new", access_committee_slug },
	{ POST, "/admin/committees/{slug}/meetings", page_admin_meeting_create, COM,     CSRF_TOKEN,  meeting_form_params, "/admin/committees/board/meetings", access_committee_slug },
	{ GET,  "/admin/meetings/{id}",              page_admin_meeting_form, COM,       CSRF_NONE,   committee_done_params, "/admin/meetings/101", access_meeting },
	{ POST, "/admin/meetings/{id}",              page_admin_meeting_save, COM,       CSRF_TOKEN,  meeting_form_params, "/admin/meetings/101", access_meeting },
	{ POST, "/admin/meetings/{id}/agenda",       page_admin_item_create,  COM,       CSRF_TOKEN,  item_form_params,    "/admin/meetings/101/agenda", access_meeting },
	{ GET,  "/admin/agenda/{id}",                page_admin_item_form,    COM,       CSRF_NONE,   NULL,                "/admin/agenda/101", access_item },
	{ POST, "/admin/agenda/{id}",                page_admin_item_save,    COM,       CSRF_TOKEN,  item_form_params,    "/admin/agenda/101", access_item },
	{ POST, "/admin/agenda/{id}/move",           page_admin_item_move,    COM,       CSRF_TOKEN,  move_params,         "/admin/agenda/101/move", access_item },
	{ POST, "/admin/agenda/{id}/delete",         page_admin_item_delete,  COM,       CSRF_TOKEN,  version_params,      "/admin/agenda/101/delete", access_item },
	{ GET,  "/admin/meetings/{id}/attendance",   page_admin_attendance_form, COM,    CSRF_NONE,   committee_done_params, "/admin/meetings/101/attendance", access_meeting },
	{ POST, "/admin/meetings/{id}/attendance",   page_admin_attendance_save, COM,    CSRF_TOKEN,  attendance_params,   "/admin/meetings/101/attendance", access_meeting },
	{ GET,  "/admin/meetings/{id}/minutes",      page_admin_minutes_form, COM,       CSRF_NONE,   committee_done_params, "/admin/meetings/101/minutes", access_meeting },
	{ POST, "/admin/meetings/{id}/minutes",      page_admin_minutes_save, COM,       CSRF_TOKEN,  minutes_params,      "/admin/meetings/101/minutes", access_meeting },
	{ GET,  "/admin/meetings/{id}/resolutions/new", page_admin_resolution_new, COM,  CSRF_NONE,   resolution_new_params, "/admin/meetings/101/resolutions/new", access_meeting },
	{ POST, "/admin/meetings/{id}/resolutions",  page_admin_resolution_create, COM,  CSRF_TOKEN,  resolution_form_params, "/admin/meetings/101/resolutions", access_meeting },
	{ GET,  "/admin/resolutions/{id}",           page_admin_resolution_form, COM,    CSRF_NONE,   NULL,                "/admin/resolutions/101", access_resolution },
	{ POST, "/admin/resolutions/{id}",           page_admin_resolution_save, COM,    CSRF_TOKEN,  resolution_form_params, "/admin/resolutions/101", access_resolution },
	{ POST, "/admin/resolutions/{id}/delete",    page_admin_resolution_delete, COM,  CSRF_TOKEN,  version_params,      "/admin/resolutions/101/delete", access_resolution },
	{ POST, "/admin/meetings/{id}/documents",    page_admin_documents_add, COM,      CSRF_TOKEN,  document_params,     "/admin/meetings/101/documents", access_meeting },
	{ POST, "/admin/meetings/{id}/documents/{id}/delete", page_admin_documents_delete, COM, CSRF_TOKEN, NULL,     "/admin/meetings/101/documents/{file}/delete", access_meeting },
};

const size_t route_count = sizeof(route_table) / sizeof(route_table[0]);

/* Expensive routes (admission control, issue 13): at most max_search run at once. Sign-in slots
 * (max_login) are taken around the Argon2id hashing only (http/auth.c), so a throttled or mistyped
 * sign-in holds none; uploads over 1 MB are counted by their size (max_upload, app/main.c). */
const struct route_cost route_costs[] = {
	{ GET | M_HEAD, "/search",         ADMIT_SEARCH },
	{ 0, NULL, 0 }
};

/* serve: the forms of the upload routes, where an upload refused busy is shown again (http/route.c). */
const struct route_form route_forms[] = {
	{ "/admin/news",                    "/admin/news/new" },
	{ "/admin/news/{id}",               "/admin/news/{id}" },
	{ "/admin/meetings/{id}/documents", "/admin/meetings/{id}" },
	{ "/admin/library",                 "/admin/library/new" },
	{ "/admin/library/{id}",            "/admin/library/{id}" },
	{ NULL, NULL }
};
