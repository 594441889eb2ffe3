/*
 * news.h - news articles (news_articles): the keyset queries the list, feed and article pages use, one
 * article's record, and writing it (create, update, delete, restore) with its audit entry.
 */
#ifndef TP_NEWS_H
#define TP_NEWS_H

#include "model/record.h"

struct db;
struct db_stmt;
struct session;

#define NEWS_PAGE_SIZE		20
#define NEWS_FEED_SIZE		20
#define NEWS_NUMBERED_PAGES	10	/* /news?page=1..10 by number; beyond, keyset pages (before=, after=) */
#define NEWS_PINNED_MAX		5	/* pinned articles on top of the first page */
#define NEWS_HOME_SIZE		5	/* each news list of the home page */
#define NEWS_PROFILE_SIZE	5	/* latest articles on a technopark's profile */
#define NEWS_ASSOCIATION	"association"	/* the publisher slug that means the association */

/* Which articles a list, feed or prev/next walk covers. */
struct news_filter {
	long long	category_id;	/* 0: any */
	long long	tp_id;		/* 0: any publisher */
	int		association;	/* 1: the association's own articles (tp_id is then 0) */
};

/* Where a keyset walk starts: after (older) or before (newer) the article at (published_at, id). */
enum news_dir { NEWS_FIRST, NEWS_OLDER, NEWS_NEWER };

/* A bound list query: the statement, and the cursor's time it is bound to (keep q alive until reset). */
struct news_query {
	struct db_stmt	*st;
	char		 at[32];
};

/*
 * The list query for f, starting after the article cursor_id in direction dir (ignored for
 * NEWS_FIRST), bound for up to limit rows, into q: the caller steps q->st (pages/page_rows.h) and
 * resets it while q is alive. Rows come in display order (newest first), each: id, title, category, category_name,
 * tp_slug, tp_name, date (YYYY-MM-DD), is_demo, pinned (1/0), files (attachments). Returns 0, TP_ENOTFOUND when cursor_id
 * names no published article, or a TP_E* code.
 */
int	news_list_stmt(struct db *db, const struct news_filter *f, enum news_dir dir, long long cursor_id, int limit,
	    struct news_query *q);
/*
 * The article id's neighbours in f's list (keyset: at is its published_at as "YYYY-MM-DD HH:MM:SS",
 * referenced until the statement is reset), bound: a row with list 0 for the older one, 1 for the
 * newer one, then LIST columns. One round trip for both (the article page, issue 16).
 */
int	news_neighbours_stmt(struct db *db, const struct news_filter *f, long long id, const char *at,
	    struct db_stmt **out);
/* Numbered page page (1..NEWS_NUMBERED_PAGES) of f, NEWS_PAGE_SIZE rows, same columns, into q. 0 or a TP_E* code. */
int	news_page_stmt(struct db *db, const struct news_filter *f, int page, struct news_query *q);
/* How many articles f lists, all of them (the board's 번호 counts down from it), into *total: a sum over
 * the per-publisher and per-category counts (news_counts, sql/021), not a count of rows. 0 or a TP_E* code. */
int	news_total(struct db *db, const struct news_filter *f, long long *total);
/* How many articles f lists that are newer than article cursor_id, into *count: 0 or a TP_E* code,
 * TP_ENOTFOUND when cursor_id is no published article. Reads as many index entries as it counts. */
int	news_count_newer(struct db *db, const struct news_filter *f, long long cursor_id, long long *count);
/*
 * The home page's two news lists in one statement, bound, into *out: rows of list 0, the notices (today's
 * pinned articles first, then the latest notices), then of list 1, the latest member news, NEWS_HOME_SIZE
 * each; after the list, three key columns (its order), then news_list_stmt's columns. 0 or a TP_E* code.
 */
#define NEWS_HOME_KEYS	3
int	news_home_stmt(struct db *db, struct db_stmt **out);
/* The listed articles pinned today for f, newest first (same columns), into *out. 0 or a TP_E* code. */
int	news_pinned_stmt(struct db *db, const struct news_filter *f, struct db_stmt **out);
/* Like news_list_stmt from the top, with the feed's columns (body_html, published and updated in RFC 3339, author). */
int	news_feed_stmt(struct db *db, const struct news_filter *f, struct db_stmt **out);

#define NEWS_NFIELDS	6

/* The article's record description (for the save pipeline, admin/save.c). */
extern const struct record_desc news_record;

/* The editable fields, in form order: title, category, publisher, state, pinned_until, body. */
extern const char *const news_fields[NEWS_NFIELDS];
enum { NF_TITLE, NF_CATEGORY, NF_PUBLISHER, NF_STATE, NF_PINNED, NF_BODY };

struct news_article {
	long long	id;
	long long	technopark_id;	/* 0: the association */
	long long	category_id;
	long long	version;
	int		listed;
	int		deleted;
	int		is_demo;
	char		*v[NEWS_NFIELDS];	/* current values (category and publisher as slugs), malloc'd; NULL when empty */
};

/* Load article id (lock = 1: FOR UPDATE, inside a transaction). 1 found, 0 not, -1 error. Free with news_free. */
int	news_load(struct db *db, long long id, int lock, struct news_article *a);
void	news_free(struct news_article *a);

/* What a save writes: the checked form values (news_fields order) and what they resolve to. */
struct news_values {
	const char	*v[NEWS_NFIELDS];	/* pinned_until NULL for none; body is Markdown */
	long long	 category_id;
	long long	 tp_id;			/* 0: the association */
	const char	*html;			/* body rendered by markdown_render */
};

/*
 * Write inside the caller's transaction and record it in the audit log. action "create" (nv; *new_id
 * set), "update" (cur, nv), "delete" or "restore" (cur). cur->version is the version the user saw.
 * Returns 0, TP_ESTALE when that version is stale, or another TP_E* code.
 */
int	news_apply(struct db *db, long long user_id, const char *action, const struct news_article *cur,
	    const struct news_values *nv, long long *new_id);

/*
 * May the reader with session s (NULL: anonymous) see article id (for its page and its attachments)?
 * Listed articles: yes; drafts and deleted ones: only their editors (account_may_edit_tp). Returns 0,
 * TP_ENOTFOUND (no such article, or not for this reader) or a TP_E* code. pages/files.c calls it for
 * the owner type "news".
 */
int	news_may_read(struct db *db, const struct session *s, long long id);

#endif
