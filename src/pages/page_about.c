/* page_about.c - the association: summary, history timeline, leaders, functions, committees, source. */
#include "store/db.h"
#include "pages/pages.h"
#include "view/render.h"
#include "pages/page_rows.h"

static const char sql_assoc[] =
	"SELECT a.name_ko, a.name_en, a.name_en_derived, a.legal_form, a.summary, a.address, a.phone, a.email, "
	"a.legal_form_en, a.summary_en, a.address_en, a.texts_en_derived, "
	"a.website, YEAR(s.published_on) AS src_year "
	"FROM association a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = 1";
static const char sql_history[] =
	"SELECT year, year_note, title, description FROM association_history ORDER BY year, sort, id";
static const char sql_leaders[] =
	"SELECT l.name, l.role, l.ordinal_note, l.affiliation, l.is_current, YEAR(s.published_on) AS src_year "
	"FROM association_leaders l LEFT JOIN sources s ON s.id = l.source_id ORDER BY l.sort, l.id";
static const char sql_functions[] =
	"SELECT title, description FROM association_functions WHERE kind = 'function' ORDER BY sort, id";
static const char sql_programmes[] =
	"SELECT title, description FROM association_functions WHERE kind = 'programme' ORDER BY sort, id";
static const char sql_publications[] =
	"SELECT title, description FROM association_functions WHERE kind = 'publication' ORDER BY sort, id";
/* What the source says of the technoparks as a whole, dated by it (src_year: "2020년 기사 기준"). */
static const char sql_network[] =
	"SELECT f.title, f.description, YEAR(s.published_on) AS src_year FROM association_functions f "
	"LEFT JOIN sources s ON s.id = f.source_id WHERE f.kind = 'network' ORDER BY f.sort, f.id";
static const char sql_committees[] =
	"SELECT slug, name_ko, name_en, name_en_derived, purpose, purpose_en, texts_en_derived FROM committees ORDER BY sort, id";
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
		{ sql_network, "Network" },
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
