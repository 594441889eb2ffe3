/* page_about.c - the association: summary, history timeline, leaders, functions, committees, source. */
#include "store/db.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"

static const char sql_assoc[] =
	"SELECT name_ko, name_en, legal_form, summary, address, phone, email, website "
	"FROM association WHERE id = 1";
static const char sql_history[] =
	"SELECT year, year_note, title, description FROM association_history ORDER BY year, sort, id";
static const char sql_leaders[] =
	"SELECT name, role, ordinal_note, affiliation, is_current FROM association_leaders ORDER BY sort, id";
static const char sql_functions[] =
	"SELECT title, description FROM association_functions WHERE kind = 'function' ORDER BY sort, id";
static const char sql_programmes[] =
	"SELECT title, description FROM association_functions WHERE kind = 'programme' ORDER BY sort, id";
static const char sql_publications[] =
	"SELECT title, description FROM association_functions WHERE kind = 'publication' ORDER BY sort, id";
static const char sql_committees[] =
	"SELECT slug, name_ko, name_en, purpose FROM committees ORDER BY sort, id";
static const char sql_sources[] =
	"SELECT outlet, title, author, DATE_FORMAT(published_on, '%Y-%m-%d') AS published_on, url "
	"FROM sources ORDER BY id";

int
page_about(struct request *rq, HDF *hdf)
{
	static const struct { const char *sql, *prefix; } lists[] = {
		{ sql_history, "History" },
		{ sql_leaders, "Leaders" },
		{ sql_functions, "Functions" },
		{ sql_programmes, "Programmes" },
		{ sql_publications, "Publications" },
		{ sql_committees, "Committees" },
		{ sql_sources, "Sources" },
	};
	struct db_stmt *st;
	size_t i;

	if ((st = db_prepare(rq->db, sql_assoc)) == NULL || page_row_one(hdf, "Assoc", st) < 0)
		return db_err(rq->db);
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if ((st = db_prepare(rq->db, lists[i].sql)) == NULL ||
		    page_rows(hdf, lists[i].prefix, st) < 0)
			return db_err(rq->db);
	rq->tmpl = "about.cs";
	return 0;
}
