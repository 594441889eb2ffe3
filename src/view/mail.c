/*
 * mail.c - compose a message with GMime from the templates of its kind (view/mail.h). The HTML part is
 * rendered with the pages' escaping; the subject and the text part are rendered with escaping off, as
 * they are plain text, and GMime encodes what needs encoding (RFC 2047 headers, quoted-printable).
 */
#include "view/cs.h"

#include <gmime/gmime.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/log.h"
#include "view/ical_itip.h"
#include "view/mail.h"
#include "view/render.h"

void
mail_init(void)
{
	g_mime_init();
}

void
mail_shutdown(void)
{
	g_mime_shutdown();
}

static const char *
param(const struct mail_input *in, const char *name)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		if (strcmp(in->names[i], name) == 0)
			return in->values[i];
	return NULL;
}

/* Render mail/<kind>.<part>.cs into out. 0 or -1 (logged by render_template). */
static int
render_part(HDF *hdf, const char *kind, const char *part, struct buf *out)
{
	char name[128];

	if ((size_t)snprintf(name, sizeof(name), "mail/%s.%s.cs", kind, part) >= sizeof(name))
		return -1;
	return render_template(hdf, name, out);
}

/* The subject on one line, without the spaces a template's layout leaves around it. */
static void
one_line(char *s)
{
	char *r = s, *w = s;
	int space = 0;

	while (*r == ' ' || *r == '\t' || *r == '\r' || *r == '\n')
		r++;
	for (; *r != '\0'; r++) {
		if (*r == '\r' || *r == '\n' || *r == '\t' || *r == ' ') {
			space = 1;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
}

/* Subject, text and HTML of in, rendered. 0 or -1. */
static int
render_all(const struct mail_input *in, struct buf *subject, struct buf *text, struct buf *html)
{
	HDF *hdf = render_hdf_new();
	size_t i;
	int rc = -1;

	if (hdf == NULL)
		return -1;
	for (i = 0; i < in->n; i++)
		if (render_set(hdf, in->values[i], "Mail.%s", in->names[i]) != 0)
			goto out;
	if (render_set(hdf, in->base_url, "Mail.base_url") != 0 ||
	    render_set(hdf, in->to_name != NULL ? in->to_name : in->to_addr, "Mail.to_name") != 0 ||
	    render_set(hdf, in->to_addr, "Mail.to_addr") != 0)
		goto out;
	if (render_part(hdf, in->kind, "html", html) != 0)
		goto out;
	/* Plain text from here: no HTML escaping (cs_init reads the mode each time). */
	if (render_set(hdf, "none", "Config.VarEscapeMode") != 0 ||
	    render_part(hdf, in->kind, "subject", subject) != 0 || render_part(hdf, in->kind, "txt", text) != 0)
		goto out;
	rc = 0;
out:
	hdf_destroy(&hdf);
	return rc;
}

static GMimeObject *
text_part(const char *subtype, const char *body)
{
	GMimeTextPart *tp = g_mime_text_part_new_with_subtype(subtype);

	g_mime_text_part_set_charset(tp, "utf-8");
	g_mime_text_part_set_text(tp, body);
	/* Mostly Hangul: base64 is the shorter; mostly ASCII: quoted-printable. GMime decides. */
	g_mime_part_set_content_encoding(GMIME_PART(tp),
	    g_mime_part_get_best_content_encoding(GMIME_PART(tp), GMIME_ENCODING_CONSTRAINT_7BIT));
	return GMIME_OBJECT(tp);
}

/* The iTIP object of a meeting message (its ical_* parameters) into out. 0, 1 when the message has none, -1. */
static int
itip_of(const struct mail_input *in, const char *text, struct buf *out)
{
	struct itip t = { 0 };
	char url[700];

	if (param(in, "ical_uid") == NULL || param(in, "ical_method") == NULL)
		return 1;
	t.method = param(in, "ical_method");
	t.uid = param(in, "ical_uid");
	t.sequence = param(in, "ical_sequence") != NULL ? param(in, "ical_sequence") : "0";
	t.start = param(in, "ical_start");
	t.end = param(in, "ical_end");
	t.summary = param(in, "title") != NULL ? param(in, "title") : "";
	t.location = param(in, "place");
	snprintf(url, sizeof(url), "%s", param(in, "meeting_url") != NULL ? param(in, "meeting_url") : in->base_url);
	t.url = url;
	t.description = text;
	t.organizer_addr = in->from_addr;
	t.organizer_name = in->from_name;
	t.attendee_addr = in->to_addr;
	t.attendee_name = in->to_name;
	t.stamp = in->date > 0 ? in->date : (long long)time(NULL);
	if (t.start == NULL || t.end == NULL)
		return -1;
	return ical_itip(out, &t);
}

static GMimeObject *
body_of(const struct mail_input *in, const char *text, const char *html, const char *itip)
{
	GMimeMultipart *alt = g_mime_multipart_new_with_subtype("alternative");
	const char *ical = itip != NULL ? itip : param(in, "ical"), *method = param(in, "ical_method");
	GMimeObject *part;

	part = text_part("plain", text);
	g_mime_multipart_add(alt, part);
	g_object_unref(part);
	part = text_part("html", html);
	g_mime_multipart_add(alt, part);
	g_object_unref(part);
	if (ical != NULL && method != NULL) {
		/* RFC 6047: the iTIP object as text/calendar with its METHOD as a parameter, so mail
		 * clients offer to put it into the calendar. */
		part = text_part("calendar", ical);
		g_mime_object_set_content_type_parameter(part, "method", method);
		g_mime_part_set_content_encoding(GMIME_PART(part), GMIME_CONTENT_ENCODING_BASE64);
		g_mime_multipart_add(alt, part);
		g_object_unref(part);
	}
	return GMIME_OBJECT(alt);
}

static void
set_headers(GMimeMessage *msg, const struct mail_input *in, const char *subject)
{
	const char *unsub = param(in, "unsubscribe_url");
	char id[256];
	GDateTime *date;

	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM, in->from_name, in->from_addr);
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_TO, in->to_name, in->to_addr);
	g_mime_message_set_subject(msg, subject, "utf-8");
	snprintf(id, sizeof(id), "%s@%s", in->token, in->domain);
	g_mime_message_set_message_id(msg, id);
	date = in->date > 0 ? g_date_time_new_from_unix_local(in->date) : g_date_time_new_now_local();
	g_mime_message_set_date(msg, date);
	g_date_time_unref(date);
	/* RFC 3834: an automatic message; vacation responders do not answer it. */
	g_mime_object_set_header(GMIME_OBJECT(msg), "Auto-Submitted", "auto-generated", NULL);
	if (unsub != NULL) {
		char value[1200];

		/* RFC 2369 and RFC 8058: one click, no sign-in; the POST form lets mail clients do it. */
		snprintf(value, sizeof(value), "<%s>", unsub);
		g_mime_object_set_header(GMIME_OBJECT(msg), "List-Unsubscribe", value, NULL);
		g_mime_object_set_header(GMIME_OBJECT(msg), "List-Unsubscribe-Post", "List-Unsubscribe=One-Click", NULL);
	}
}

int
mail_compose(const struct mail_input *in, struct buf *out)
{
	struct buf subject = { 0 }, text = { 0 }, html = { 0 }, itip = { 0 };
	GMimeFormatOptions *opts = NULL;
	int irc;
	GMimeMessage *msg = NULL;
	GMimeObject *body;
	GMimeStream *mem = NULL;
	GByteArray *bytes;
	int rc = -1;

	if (render_all(in, &subject, &text, &html) != 0 || subject.data == NULL || text.data == NULL ||
	    html.data == NULL) {
		log_err("mail: cannot render the message of kind %s", in->kind);
		goto out;
	}
	one_line(subject.data);
	if ((irc = itip_of(in, text.data, &itip)) < 0) {
		log_err("mail: the calendar part of a message of kind %s cannot be made", in->kind);
		goto out;
	}
	msg = g_mime_message_new(TRUE);
	set_headers(msg, in, subject.data);
	body = body_of(in, text.data, html.data, irc == 0 ? itip.data : NULL);
	g_mime_message_set_mime_part(msg, body);
	g_object_unref(body);
	opts = g_mime_format_options_new();
	g_mime_format_options_set_newline_format(opts, GMIME_NEWLINE_FORMAT_DOS);	/* SMTP wants CRLF */
	mem = g_mime_stream_mem_new();
	if (g_mime_object_write_to_stream(GMIME_OBJECT(msg), opts, mem) < 0) {
		log_err("mail: GMime could not write the message of kind %s", in->kind);
		goto out;
	}
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	rc = buf_append(out, (const char *)bytes->data, bytes->len) == 0 ? 0 : -1;
out:
	if (mem != NULL)
		g_object_unref(mem);
	if (opts != NULL)
		g_mime_format_options_free(opts);
	if (msg != NULL)
		g_object_unref(msg);
	buf_free(&subject);
	buf_free(&text);
	buf_free(&html);
	buf_free(&itip);
	return rc;
}
