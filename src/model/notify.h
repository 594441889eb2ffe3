/*
 * notify.h - the notifications users choose (sql/016 notify_subscriptions; docs/email.md), and the
 * functions the saves that cause them call at their commit point: each queues one message per
 * subscriber in the save's own transaction (store/outbox.h), so a save that rolls back mails nothing.
 * Every message carries its subscription's one-click unsubscribe link (no sign-in needed).
 */
#ifndef TP_NOTIFY_H
#define TP_NOTIFY_H

struct conf;
struct db;

#define NOTIFY_TOKEN_LEN	32	/* hex digits of the unsubscribe token */

/* One subscription as the account page and the unsubscribe page show it. */
struct notify_sub {
	char	topic[20];		/* requests | decisions | meetings | news_pinned | news_category */
	int	category_id;		/* news_category: which */
	char	category[61];		/* its name */
};

/* uid's subscriptions, fn called for each. Returns the count or a TP_E* code. */
int	notify_list(struct db *db, long long uid, int (*fn)(const struct notify_sub *s, void *arg), void *arg);
/* Make uid's subscriptions exactly topics (n of them; category_ids[i] for news_category, else 0): new
 * ones get a fresh token, kept ones keep theirs. Audited. 0, TP_EINVALID for an unknown topic or
 * category, or TP_E*. */
int	notify_set(struct db *db, long long uid, const char *const *topics, const int *category_ids, int n);
/* The subscription of an unsubscribe token into *s: 1 found, 0 none, or TP_E*. */
int	notify_by_token(struct db *db, const char *token, struct notify_sub *s);
/* End the subscription of token: 1 ended, 0 there is none (already ended), or TP_E*. */
int	notify_unsubscribe(struct db *db, const char *token);

/*
 * Call inside the transaction of the save, after its writes (0 or a TP_E* code; the caller rolls back
 * on failure): a change request submitted (the secretariat's 'requests' subscribers), decided (its
 * submitter, 'decisions'), a news article published (subscribers of its category, and of pinned
 * notices when it is pinned; one message each; once per article, however often it is unpublished,
 * published again or corrected: news_articles.notified_at), a meeting scheduled, moved or cancelled (the
 * committee's members with an account, 'meetings', as an iTIP REQUEST or CANCEL with the UID and
 * SEQUENCE of the .ics feeds).
 */
int	notify_request_submitted(struct db *db, const struct conf *c, long long request_id);
int	notify_request_decided(struct db *db, const struct conf *c, long long request_id);
int	notify_news_published(struct db *db, const struct conf *c, long long article_id);
int	notify_meeting_changed(struct db *db, const struct conf *c, long long meeting_id);

#endif
