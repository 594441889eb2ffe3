/*
 * page_admin_mail.c - mail for the secretariat: failed deliveries on /admin (admin_mail_failures), and
 * /admin/mail, the messages the local development sink received (only when mail_sink_dir is set:
 * tools/stack instances; a real installation has no such page, it answers 404).
 */
#include "admin/admin.h"
#include "core/conf.h"
#include "http/auth.h"
#include "store/db.h"
#include "store/outbox.h"
#include "view/mail.h"
#include "view/render.h"

#define SHOWN_FAILED	20
#define SHOWN_RECEIVED	50

struct fill {
	HDF	*hdf;
	int	 i;
};

static int
add_failed(const struct outbox_msg *m, void *arg)
{
	struct fill *f = arg;

	render_set_int(f->hdf, m->id, "MailFailed.%d.id", f->i);
	render_set(f->hdf, m->kind, "MailFailed.%d.kind", f->i);
	render_set(f->hdf, m->to_addr, "MailFailed.%d.to", f->i);
	render_set_int(f->hdf, m->attempts, "MailFailed.%d.attempts", f->i);
	render_set(f->hdf, m->created_at, "MailFailed.%d.created_at", f->i);
	render_set(f->hdf, m->answer != NULL ? m->answer : "", "MailFailed.%d.answer", f->i);
	f->i++;
	return 0;
}

int
admin_mail_failures(struct request *rq, HDF *hdf)
{
	struct fill f = { hdf, 0 };
	long long n;

	if ((n = outbox_count(rq->db, "failed")) < 0 || outbox_list(rq->db, "failed", SHOWN_FAILED, add_failed, &f) < 0)
		return db_err(rq->db);
	render_set_int(hdf, n, "MailFailedCount");
	if (rq->conf->mail_sink_dir != NULL)
		render_set(hdf, "1", "Page.MailSink");
	return 0;
}

int
page_admin_mail(struct request *rq, HDF *hdf)
{
	struct mail_summary *s;
	size_t n, i;

	if (rq->conf->mail_sink_dir == NULL)
		return 404;
	if (mail_read_maildir(rq->conf->mail_sink_dir, SHOWN_RECEIVED, &s, &n) != 0)
		return 500;
	for (i = 0; i < n; i++) {
		int k = (int)i;

		render_set(hdf, s[i].file, "Mails.%d.file", k);
		render_set(hdf, s[i].subject, "Mails.%d.subject", k);
		render_set(hdf, s[i].from, "Mails.%d.from", k);
		render_set(hdf, s[i].to, "Mails.%d.to", k);
		render_set(hdf, s[i].date, "Mails.%d.date", k);
		render_set(hdf, s[i].message_id, "Mails.%d.message_id", k);
		render_set(hdf, s[i].text, "Mails.%d.text", k);
		if (s[i].calendar != NULL)
			render_set(hdf, s[i].calendar, "Mails.%d.calendar", k);
	}
	render_set(hdf, rq->conf->mail_sink_dir, "Page.Maildir");
	mail_summaries_free(s, n);
	rq->tmpl = "admin_mail.cs";
	return 0;
}
