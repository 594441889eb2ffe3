/*
 * page_committees_ics.c - the calendar feeds of upcoming meetings and those of the last 12 months (/committees.ics for every committee,
 * /committees/{slug}/calendar.ics for one): iCalendar (RFC 5545) that calendar programs subscribe to.
 * Times are Korean local time with TZID=Asia/Seoul and its VTIMEZONE; a meeting's UID never changes,
 * its SEQUENCE follows its version, and a cancelled meeting stays in the feed with STATUS:CANCELLED so
 * that subscribers see the cancellation.
 */
#include <stdio.h>
#include <string.h>

#include "pages/committees_page.h"
#include "core/conf.h"
#include "store/db.h"
#include "view/ical.h"
#include "pages/pages.h"
#include "view/render.h"

/* Meetings that ended in the last 12 months or have not ended yet (at most 500), of one committee
 * (? = its id) or of all (? = 0): a meeting held stays in subscribers' calendars for a year. */
static const char sql_feed[] =
	"SELECT g.id, g.title, DATE_FORMAT(g.starts_at, '%Y-%m-%d %H:%i:%s') AS starts_at, "
	"DATE_FORMAT(g.ends_at, '%Y-%m-%d %H:%i:%s') AS ends_at, g.place, g.online_url, g.status, g.note, "
	"g.version, UNIX_TIMESTAMP(g.updated_at) AS stamp, c.slug, c.name_ko "
	"FROM committee_meetings g JOIN committees c ON c.id = g.committee_id "
	"WHERE g.ends_at >= NOW() - INTERVAL 12 MONTH AND (? = 0 OR g.committee_id = ?) ORDER BY g.starts_at, g.id LIMIT 500";
static const char sql_items[] =
	"SELECT position, title FROM committee_agenda_items WHERE meeting_id = ? ORDER BY position, id";


/* The host of base_url ("portal.example" of "https://portal.example:8443/"), for UIDs. */
static void
uid_host(const char *base_url, char *out, size_t size)
{
	const char *h = strstr(base_url, "://");
	size_t n;

	h = h != NULL ? h + 3 : base_url;
	n = strcspn(h, ":/");
	if (n == 0 || n >= size) {
		snprintf(out, size, "tpportal.invalid");
		return;
	}
	memcpy(out, h, n);
	out[n] = '\0';
}

/* The DESCRIPTION: committee, agenda in order, the online link and the note. */
static int
description(struct request *rq, HDF *hdf, long long id, const char *committee, const char *online,
    const char *note, struct buf *d)
{
	struct db_stmt *st = db_prepare(rq->db, sql_items);
	const char *label = hdf_get_value(hdf, "L.committee.ics_agenda", "agenda");
	int rc, first = 1;

	if (st == NULL)
		return -1;
	buf_puts(d, committee);
	db_bind_int(st, 0, id);
	while ((rc = db_step(st)) == DB_ROW) {
		if (first)
			buf_printf(d, "\n\n%s:", label);
		first = 0;
		buf_printf(d, "\n%s. %s", db_col_text(st, 0), db_col_text(st, 1));
	}
	db_reset(st);
	if (online != NULL)
		buf_printf(d, "\n\n%s: %s", hdf_get_value(hdf, "L.committee.ics_online", "online"), online);
	if (note != NULL)
		buf_printf(d, "\n\n%s", note);
	return rc == DB_DONE ? 0 : -1;
}

/* One VEVENT from the feed's current row. 0 or -1. */
static int
vevent(struct request *rq, HDF *hdf, struct db_stmt *st, const char *host, struct buf *out)
{
	long long id = db_col_int(st, 0), version = db_col_int(st, 8);
	const char *place = db_col_text(st, 4), *online = db_col_text(st, 5), *status = db_col_text(st, 6);
	char start[16], end[16], stamp[17], line[512];
	struct buf d = { 0 };
	int rc = 0;

	if (ical_local_datetime(db_col_text(st, 2), start) != 0 ||
	    ical_local_datetime(db_col_text(st, 3), end) != 0 ||
	    ical_utc_datetime(db_col_int(st, 9), stamp) != 0 ||
	    description(rq, hdf, id, db_col_text(st, 11), online, db_col_text(st, 7), &d) != 0) {
		buf_free(&d);
		return -1;
	}
	rc |= buf_puts(out, "BEGIN:VEVENT\r\n");
	snprintf(line, sizeof(line), "committee-meeting-%lld@%s", id, host);
	rc |= ical_text_prop(out, "UID", line);
	rc |= ical_raw_prop(out, "DTSTAMP", stamp);
	rc |= ical_raw_prop(out, "LAST-MODIFIED", stamp);
	rc |= ical_raw_prop(out, "DTSTART;TZID=Asia/Seoul", start);
	rc |= ical_raw_prop(out, "DTEND;TZID=Asia/Seoul", end);
	rc |= ical_text_prop(out, "SUMMARY", db_col_text(st, 1));
	if (place != NULL || online != NULL)
		rc |= ical_text_prop(out, "LOCATION", place != NULL ? place : online);
	rc |= ical_text_prop(out, "DESCRIPTION", d.data != NULL ? d.data : "");
	rc |= ical_text_prop(out, "CATEGORIES", db_col_text(st, 11));
	snprintf(line, sizeof(line), "%s/committees/%s/meetings/%lld", rq->conf->base_url, db_col_text(st, 10), id);
	rc |= ical_raw_prop(out, "URL", line);
	rc |= ical_raw_prop(out, "STATUS", strcmp(status, "cancelled") == 0 ? "CANCELLED" : "CONFIRMED");
	snprintf(line, sizeof(line), "%lld", version > 0 ? version - 1 : 0);
	rc |= ical_raw_prop(out, "SEQUENCE", line);
	rc |= buf_puts(out, "END:VEVENT\r\n");
	buf_free(&d);
	return rc ? -1 : 0;
}

/* The whole calendar of committee_id (0: all) named name, into rq->raw. */
static int
feed(struct request *rq, HDF *hdf, long long committee_id, const char *name)
{
	struct db_stmt *st = db_prepare(rq->db, sql_feed);
	struct buf *out = &rq->raw;
	char host[256];
	int rc = DB_DONE, bad = 0;

	if (st == NULL)
		return db_err(rq->db);
	uid_host(rq->conf->base_url, host, sizeof(host));
	bad |= buf_puts(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//Korea Technopark Association//tpportal//KO\r\nCALSCALE:GREGORIAN\r\n");
	bad |= ical_text_prop(out, "X-WR-CALNAME", name);
	bad |= buf_puts(out, "X-WR-TIMEZONE:Asia/Seoul\r\n");
	bad |= buf_puts(out, ical_vtimezone_seoul);
	db_bind_int(st, 0, committee_id);
	db_bind_int(st, 1, committee_id);
	while (!bad && (rc = db_step(st)) == DB_ROW)
		bad |= vevent(rq, hdf, st, host, out);
	db_reset(st);
	bad |= buf_puts(out, "END:VCALENDAR\r\n");
	if (bad || rc == DB_ERR) {
		buf_free(out);
		return db_err(rq->db);
	}
	rq->content_type_out = "text/calendar; charset=utf-8";
	return 0;
}

int
page_committees_ics(struct request *rq, HDF *hdf)
{
	return feed(rq, hdf, 0, hdf_get_value(hdf, "L.committee.ics_name_all", "committees"));
}

int
page_committee_ics(struct request *rq, HDF *hdf)
{
	struct committee c;
	char name[400];
	int rc;

	if ((rc = committees_load(rq, NULL, rq->args[0], &c)) != 0)
		return rc;
	snprintf(name, sizeof(name), "%s %s", c.name, hdf_get_value(hdf, "L.committee.ics_name", ""));
	return feed(rq, hdf, c.id, name);
}
