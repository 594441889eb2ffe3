/*
 * library_text.c - pdftotext for the library's PDFs, run by the indexer thread: read a waiting file's
 * stored name, extract its text outside any transaction (it may take seconds), then store the text and
 * queue the document in one short transaction. A file that fails is marked 'failed' and found by its
 * name only; it is not tried again (a new upload is a new file).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/pdftext.h"
#include "store/db.h"
#include "store/library_text.h"
#include "store/search.h"

static const char sql_waiting[] =
	"SELECT lf.attachment_id, lf.document_id, a.stored_name FROM library_files lf "
	"JOIN attachments a ON a.id = lf.attachment_id WHERE lf.text_state = 'pending' "
	"ORDER BY lf.attachment_id LIMIT ?";
static const char sql_store[] =
	"UPDATE library_files SET text = ?, text_state = ? WHERE attachment_id = ? AND text_state = 'pending'";

struct waiting {
	long long	id, doc;
	char		stored[40];
};

/* Store one file's outcome and queue its document, in a transaction of its own. 0 or DB_ERR. */
static int
store(struct db *db, const struct waiting *w, const char *text, const char *state)
{
	struct db_stmt *st;
	unsigned long long n = 0;

	if (db_begin(db) != 0)
		return DB_ERR;
	if ((st = db_prepare(db, sql_store)) == NULL)
		goto fail;
	if (text != NULL)
		db_bind_text(st, 0, text);
	else
		db_bind_null(st, 0);
	db_bind_text(st, 1, state);
	db_bind_int(st, 2, w->id);
	if (db_write(st, &n, NULL) != 0 || (n == 1 && search_sync(db, SEARCH_LIBRARY, w->doc) != 0) ||
	    db_commit(db) != 0)
		goto fail;
	return 0;
fail:
	db_rollback(db);
	return DB_ERR;
}

int
library_text_extract(struct db *db, const char *upload_dir)
{
	struct waiting w[LIBRARY_TEXT_TURN];
	struct db_stmt *st = db_prepare(db, sql_waiting);
	char path[4096], *text;
	int n = 0, i, rc;
	enum pdftext_result r;

	if (st == NULL)
		return DB_ERR;
	db_bind_int(st, 0, LIBRARY_TEXT_TURN);
	while (n < LIBRARY_TEXT_TURN && (rc = db_step(st)) == DB_ROW) {
		w[n].id = db_col_int(st, 0);
		w[n].doc = db_col_int(st, 1);
		snprintf(w[n].stored, sizeof(w[n].stored), "%s", db_col_text(st, 2) != NULL ? db_col_text(st, 2) : "");
		n++;
	}
	db_reset(st);
	for (i = 0; i < n; i++) {
		text = NULL;
		if (w[i].stored[0] == '\0' || strchr(w[i].stored, '/') != NULL ||
		    snprintf(path, sizeof(path), "%s/%s", upload_dir, w[i].stored) >= (int)sizeof(path))
			r = PDFTEXT_FAILED;
		else
			r = pdftext_extract(NULL, path, 0, &text);
		if (r == PDFTEXT_NONE)
			log_warn("library: no %s on this machine: PDFs are found by their names only", PDFTEXT_PROGRAM);
		rc = store(db, &w[i], text, r == PDFTEXT_OK ? "done" : r == PDFTEXT_NONE ? "none" : "failed");
		free(text);
		if (rc != 0)
			return DB_ERR;
	}
	return n;
}
