/*
 * mail_read.c - read the local SMTP sink's Maildir with GMime, for /admin/mail (development and demo
 * instances only: docs/email.md). Nothing here writes.
 */
#include <dirent.h>
#include <fcntl.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/log.h"
#include "view/mail.h"

struct found {
	char		path[4096];
	char		name[256];
	long long	mtime;
};

static char *
dup_or_empty(const char *s)
{
	return strdup(s != NULL ? s : "");
}

struct walk {
	struct mail_summary *s;
};

static void
each_part(GMimeObject *parent, GMimeObject *part, gpointer data)
{
	struct walk *w = data;
	GMimeContentType *ct = g_mime_object_get_content_type(part);

	(void)parent;
	if (!GMIME_IS_TEXT_PART(part))
		return;
	if (w->s->text == NULL && g_mime_content_type_is_type(ct, "text", "plain"))
		w->s->text = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
	else if (w->s->calendar == NULL && g_mime_content_type_is_type(ct, "text", "calendar")) {
		const char *m = g_mime_content_type_get_parameter(ct, "method");

		w->s->calendar = dup_or_empty(m);
	}
}

/* text from g_mime_text_part_get_text is g_malloc'd; keep everything malloc'd for one free(). */
static char *
to_malloc(char *g)
{
	char *s = dup_or_empty(g);

	g_free(g);
	return s;
}

static void
summary_free(struct mail_summary *s)
{
	free(s->file);
	free(s->subject);
	free(s->from);
	free(s->to);
	free(s->date);
	free(s->message_id);
	free(s->text);
	free(s->calendar);
	memset(s, 0, sizeof(*s));
}

static int
summarise(const struct found *f, struct mail_summary *s)
{
	GMimeStream *fs;
	GMimeParser *p;
	GMimeMessage *m;
	struct walk w = { s };
	char *text;

	memset(s, 0, sizeof(*s));
	if ((fs = g_mime_stream_fs_open(f->path, O_RDONLY, 0, NULL)) == NULL)
		return -1;
	p = g_mime_parser_new_with_stream(fs);
	g_object_unref(fs);
	m = g_mime_parser_construct_message(p, NULL);
	g_object_unref(p);
	if (m == NULL)
		return -1;
	s->file = strdup(f->name);
	s->mtime = f->mtime;
	s->subject = dup_or_empty(g_mime_message_get_subject(m));
	s->from = to_malloc(internet_address_list_to_string(g_mime_message_get_from(m), NULL, FALSE));
	s->to = to_malloc(internet_address_list_to_string(g_mime_message_get_to(m), NULL, FALSE));
	s->date = dup_or_empty(g_mime_object_get_header(GMIME_OBJECT(m), "Date"));
	s->message_id = dup_or_empty(g_mime_message_get_message_id(m));
	g_mime_message_foreach(m, each_part, &w);
	text = s->text;
	s->text = to_malloc(text);
	g_object_unref(m);
	return s->file && s->subject && s->from && s->to && s->date && s->message_id && s->text ? 0 : -1;
}

static int
by_mtime_desc(const void *a, const void *b)
{
	const struct found *x = a, *y = b;

	if (x->mtime != y->mtime)
		return x->mtime < y->mtime ? 1 : -1;
	return strcmp(y->name, x->name);
}

/* Add the files of dir/sub to *list. 0 or -1. */
static int
scan(const char *dir, const char *sub, struct found **list, size_t *n, size_t *cap)
{
	char path[4096];
	struct dirent *de;
	struct stat st;
	DIR *d;

	snprintf(path, sizeof(path), "%s/%s", dir, sub);
	if ((d = opendir(path)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		struct found *f;

		if (de->d_name[0] == '.')
			continue;
		if (*n == *cap) {
			size_t ncap = *cap ? *cap * 2 : 64;
			struct found *grown = realloc(*list, ncap * sizeof(**list));

			if (grown == NULL) {
				closedir(d);
				return -1;
			}
			*list = grown;
			*cap = ncap;
		}
		f = &(*list)[*n];
		if ((size_t)snprintf(f->path, sizeof(f->path), "%s/%s", path, de->d_name) >= sizeof(f->path) ||
		    stat(f->path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		snprintf(f->name, sizeof(f->name), "%s", de->d_name);
		f->mtime = (long long)st.st_mtime;
		(*n)++;
	}
	closedir(d);
	return 0;
}

int
mail_read_maildir(const char *dir, size_t max, struct mail_summary **out, size_t *n)
{
	struct found *list = NULL;
	size_t nfound = 0, cap = 0, i;
	struct mail_summary *s;

	*out = NULL;
	*n = 0;
	if (scan(dir, "new", &list, &nfound, &cap) != 0 || scan(dir, "cur", &list, &nfound, &cap) != 0) {
		free(list);
		log_err("mail: cannot read the Maildir %s", dir);
		return -1;
	}
	if (nfound > 1)
		qsort(list, nfound, sizeof(*list), by_mtime_desc);	/* list is NULL when the Maildir is empty */
	if (nfound > max)
		nfound = max;
	if ((s = calloc(nfound ? nfound : 1, sizeof(*s))) == NULL) {
		free(list);
		return -1;
	}
	for (i = 0; i < nfound; i++)
		if (summarise(&list[i], &s[*n]) == 0)
			(*n)++;
		else
			summary_free(&s[*n]);	/* not a message GMime can read: left out */
	free(list);
	*out = s;
	return 0;
}

void
mail_summaries_free(struct mail_summary *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		summary_free(&s[i]);
	free(s);
}
