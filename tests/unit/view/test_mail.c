/* test_mail.c - messages composed by view/mail.c, read back with GMime's parser the way a mail client reads them. */
#include "view/cs.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <gmime/gmime.h>

#include "core/buf.h"
#include "view/mail.h"
#include "view/render.h"

static const char attack[] = "</title><script>alert(1)</script>&amp;";

static GMimeMessage *
parse(const struct buf *b)
{
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(b->data, b->len);
	GMimeParser *p = g_mime_parser_new_with_stream(s);
	GMimeMessage *m = g_mime_parser_construct_message(p, NULL);

	g_object_unref(p);
	g_object_unref(s);
	return m;
}

struct parts {
	char	*plain, *html, *calendar, *method;
};

static void
each(GMimeObject *parent, GMimeObject *part, gpointer data)
{
	struct parts *p = data;
	GMimeContentType *ct = g_mime_object_get_content_type(part);

	(void)parent;
	if (!GMIME_IS_TEXT_PART(part))
		return;
	if (g_mime_content_type_is_type(ct, "text", "plain"))
		p->plain = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
	else if (g_mime_content_type_is_type(ct, "text", "html"))
		p->html = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
	else if (g_mime_content_type_is_type(ct, "text", "calendar")) {
		p->calendar = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
		p->method = g_strdup(g_mime_content_type_get_parameter(ct, "method"));
	}
}

static void
compose(const char *to_name, const char *const *names, const char *const *values, size_t n, struct buf *out)
{
	struct mail_input in = {
		.kind = "test", .token = "0123456789abcdef0123456789abcdef", .domain = "portal.example",
		.from_addr = "noreply@portal.example", .from_name = "한국테크노파크진흥회 포털",
		.to_addr = "kim@example.org", .to_name = to_name, .base_url = "https://portal.example",
		.names = names, .values = values, .n = n, .date = 1790000000,
	};

	assert_int_equal(mail_compose(&in, out), 0);
}

/* Korean in the subject and the names is RFC 2047-encoded on the wire and decodes back to itself. */
static void
test_headers_korean(void **state)
{
	struct buf b = { 0 };
	GMimeMessage *m;
	char *from, *to;

	(void)state;
	compose("김철수", NULL, NULL, 0, &b);
	assert_non_null(strstr(b.data, "Subject: =?UTF-8?"));
	assert_null(strstr(b.data, "시험"));	/* no raw 8-bit text in the header block or the bodies */
	assert_non_null(strstr(b.data, "\r\n\r\n"));	/* CRLF lines for SMTP */
	m = parse(&b);
	assert_non_null(m);
	assert_string_equal(g_mime_message_get_subject(m), "[진흥회] 시험 메일: 메일 발송이 됩니다");
	from = internet_address_list_to_string(g_mime_message_get_from(m), NULL, FALSE);
	to = internet_address_list_to_string(g_mime_message_get_to(m), NULL, FALSE);
	assert_string_equal(from, "한국테크노파크진흥회 포털 <noreply@portal.example>");
	assert_string_equal(to, "김철수 <kim@example.org>");
	assert_string_equal(g_mime_message_get_message_id(m), "0123456789abcdef0123456789abcdef@portal.example");
	assert_string_equal(g_mime_object_get_header(GMIME_OBJECT(m), "Auto-Submitted"), "auto-generated");
	assert_null(g_mime_object_get_header(GMIME_OBJECT(m), "List-Unsubscribe"));
	g_free(from);
	g_free(to);
	g_object_unref(m);
	buf_free(&b);
}

/* The HTML part escapes like the pages do; the text part shows the same value as typed. */
static void
test_escaping(void **state)
{
	struct buf b = { 0 };
	struct parts p = { 0 };
	GMimeMessage *m;

	(void)state;
	compose(attack, NULL, NULL, 0, &b);
	m = parse(&b);
	g_mime_message_foreach(m, each, &p);
	assert_non_null(p.plain);
	assert_non_null(p.html);
	assert_non_null(strstr(p.plain, attack));
	assert_null(strstr(p.html, "<script>"));
	assert_non_null(strstr(p.html, "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;"));
	assert_null(p.calendar);
	g_free(p.plain);
	g_free(p.html);
	g_object_unref(m);
	buf_free(&b);
}

/* unsubscribe_url gives both one-click headers (RFC 8058); ical gives a text/calendar part with its method. */
static void
test_unsubscribe_and_calendar(void **state)
{
	static const char *const names[] = { "unsubscribe_url", "ical", "ical_method" };
	static const char *const values[] = { "https://portal.example/unsubscribe/abc",
		"BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n", "REQUEST" };
	struct buf b = { 0 };
	struct parts p = { 0 };
	GMimeMessage *m;

	(void)state;
	compose("김철수", names, values, 3, &b);
	m = parse(&b);
	assert_string_equal(g_mime_object_get_header(GMIME_OBJECT(m), "List-Unsubscribe"),
	    "<https://portal.example/unsubscribe/abc>");
	assert_string_equal(g_mime_object_get_header(GMIME_OBJECT(m), "List-Unsubscribe-Post"),
	    "List-Unsubscribe=One-Click");
	g_mime_message_foreach(m, each, &p);
	assert_non_null(p.calendar);
	assert_string_equal(p.method, "REQUEST");
	assert_non_null(strstr(p.calendar, "METHOD:REQUEST"));
	assert_non_null(strstr(p.plain, "https://portal.example/unsubscribe/abc"));
	assert_non_null(strstr(p.html, "href=\"https://portal.example/unsubscribe/abc\""));
	g_free(p.plain);
	g_free(p.html);
	g_free(p.calendar);
	g_free(p.method);
	g_object_unref(m);
	buf_free(&b);
}

/* The sink's Maildir as /admin/mail reads it: empty (no files at all: nothing to sort), then one message,
 * decoded. The empty case once passed NULL to qsort (undefined behaviour, caught by the sanitizers). */
static void
test_read_maildir(void **state)
{
	char dir[] = "/tmp/tp-test-maildir-XXXXXX", path[512];
	struct mail_summary *s = NULL;
	struct buf b = { 0 };
	size_t n = 99;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/new", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(mail_read_maildir(dir, 50, &s, &n), 0);
	assert_int_equal(n, 0);
	mail_summaries_free(s, n);
	compose("김철수", NULL, NULL, 0, &b);
	snprintf(path, sizeof(path), "%s/new/1.test", dir);
	assert_non_null(fp = fopen(path, "w"));
	fwrite(b.data, 1, b.len, fp);
	fclose(fp);
	assert_int_equal(mail_read_maildir(dir, 50, &s, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(s[0].subject, "[진흥회] 시험 메일: 메일 발송이 됩니다");
	assert_string_equal(s[0].to, "김철수 <kim@example.org>");
	assert_non_null(strstr(s[0].text, "김철수님"));
	mail_summaries_free(s, n);
	unlink(path);
	snprintf(path, sizeof(path), "%s/new", dir);
	rmdir(path);
	rmdir(dir);
	buf_free(&b);
}

/* A kind without templates is refused, not sent empty. */
static void
test_unknown_kind(void **state)
{
	struct mail_input in = { .kind = "nosuchkind", .token = "t", .domain = "d", .from_addr = "a@b",
		.to_addr = "c@d", .base_url = "http://x" };
	struct buf b = { 0 };

	(void)state;
	assert_int_equal(mail_compose(&in, &b), -1);
	buf_free(&b);
}

static int
setup(void **state)
{
	const char *dir = getenv("TP_TEMPLATE_DIR");

	(void)state;
	nerr_init();
	mail_init();
	return render_init(dir != NULL ? dir : "templates", "ko");
}

static int
teardown(void **state)
{
	(void)state;
	render_shutdown();
	mail_shutdown();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headers_korean),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_unsubscribe_and_calendar),
		cmocka_unit_test(test_unknown_kind),
		cmocka_unit_test(test_read_maildir),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
