/*
 * library_text.h - the text of the library's PDFs for the search, extracted by the indexer thread
 * (store/indexer.c) before it applies the queue: never by the request that uploaded the file. With
 * several database nodes (docs/ha.md) only the first node's indexer extracts: the text is stored in
 * replicated InnoDB rows and queues the document, which every node's indexer then applies.
 */
#ifndef TP_LIBRARY_TEXT_H
#define TP_LIBRARY_TEXT_H

struct db;

#define LIBRARY_TEXT_TURN	4	/* files extracted per indexer turn: the queue waits no longer than that */

/*
 * Extract the text of up to LIBRARY_TEXT_TURN library files still waiting for it (library_files.text_state
 * 'pending'), each file under upload_dir by pdftotext (core/pdftext.h, bounded), store it and queue its
 * document for the index, one short transaction per file. Returns how many were done, or DB_ERR.
 */
int	library_text_extract(struct db *db, const char *upload_dir);

#endif
