/*
 * page_stats.c - the network's figures by year (/stats): a table, a bar chart per measure drawn as
 * SVG on the server (no JavaScript; the table is the charts' text alternative), and the same data as
 * CSV (/stats.csv). A value the sources do not give is unknown everywhere: 알려지지 않음 in the table,
 * an empty slot marked unknown in a chart, an empty cell in the CSV; never 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "pages/pages.h"
#include "view/render.h"
#include "view/svgchart.h"

#define CHART_W		640
#define CHART_H		300
#define LABEL_MIN_SLOT	96	/* narrower slots get no value label above the bar (the table has it) */

/* The measures, in table and CSV column order after the year; fmt: 0 count, 1 amount in 억 원. */
static const struct measure {
	const char	*name;		/* HDF key and language key (stats.col.<name>) */
	int		 col;		/* column of sql_figures */
	int		 fmt;
	int		 chart;
} measures[] = {
	{ "companies",	1, 0, 1 },
	{ "employees",	2, 0, 1 },
	{ "revenue",	3, 1, 1 },
	{ "members",	4, 0, 0 },
};
#define NMEASURES	(sizeof(measures) / sizeof(measures[0]))

static const char sql_figures[] =
	"SELECT f.year, f.tenant_companies, f.employees, f.revenue_eok, f.member_count, s.outlet, f.is_demo "
	"FROM network_figures f LEFT JOIN sources s ON s.id = f.source_id ORDER BY f.year";

static void
fmt_value(const struct measure *m, long long v, const char *lang, char *out, size_t size)
{
	if (m->fmt == 1)
		text_fmt_eok(v, lang, out, size);
	else
		text_fmt_thousands(v, out, size);
}

/* Rows of network_figures, raw: value[k][i] with known[k][i]; every row, however many years (malloc'd). */
struct figures {
	size_t		 n, cap;
	long long	*year;
	int		*demo;		/* entered by a demo account (sql/046) */
	long long	*value[NMEASURES];
	int		*known[NMEASURES];
};

static void
figures_free(struct figures *f)
{
	size_t k;

	free(f->year);
	free(f->demo);
	for (k = 0; k < NMEASURES; k++) {
		free(f->value[k]);
		free(f->known[k]);
	}
	memset(f, 0, sizeof(*f));
}

/* Room for one more row. 0 or -1 (ENOMEM; f keeps what it had). */
static int
figures_grow(struct figures *f)
{
	size_t cap = f->cap ? f->cap * 2 : 32, k;
	void *p;

	if (f->n < f->cap)
		return 0;
	if ((p = realloc(f->year, cap * sizeof(*f->year))) == NULL)
		return -1;
	f->year = p;
	if ((p = realloc(f->demo, cap * sizeof(*f->demo))) == NULL)
		return -1;
	f->demo = p;
	for (k = 0; k < NMEASURES; k++) {
		if ((p = realloc(f->value[k], cap * sizeof(*f->value[k]))) == NULL)
			return -1;
		f->value[k] = p;
		if ((p = realloc(f->known[k], cap * sizeof(*f->known[k]))) == NULL)
			return -1;
		f->known[k] = p;
	}
	f->cap = cap;
	return 0;
}

/* Load the figures; the table's rows go under Figures.N as well. 0 or a status (f freed on error). */
static int
load(struct request *rq, HDF *hdf, struct figures *f)
{
	struct db_stmt *st = db_prepare(rq->db, sql_figures);
	char num[64];
	size_t k;
	int rc;

	memset(f, 0, sizeof(*f));
	if (st == NULL)
		return db_err(rq->db);
	while ((rc = db_step(st)) == DB_ROW) {
		if (figures_grow(f) != 0) {
			db_reset(st);
			figures_free(f);
			return TP_ENOMEM;
		}
		f->year[f->n] = db_col_int(st, 0);
		render_set_int(hdf, f->year[f->n], "Figures.%zu.year", f->n);
		render_set(hdf, db_col_text(st, 5), "Figures.%zu.source", f->n);
		f->demo[f->n] = db_col_int(st, 6) == 1;	/* entered by a demo account (sql/046) */
		if (f->demo[f->n])
			render_set(hdf, "1", "Figures.%zu.is_demo", f->n);
		for (k = 0; k < NMEASURES; k++) {
			f->known[k][f->n] = 0;
			f->value[k][f->n] = 0;
			if (db_col_isnull(st, measures[k].col))
				continue;
			f->known[k][f->n] = 1;
			f->value[k][f->n] = db_col_int(st, measures[k].col);
			fmt_value(&measures[k], f->value[k][f->n], hdf_get_value(hdf, "Page.Lang", NULL), num, sizeof(num));
			render_set(hdf, num, "Figures.%zu.%s", f->n, measures[k].name);
		}
		f->n++;
	}
	db_reset(st);
	if (rc == DB_ERR) {
		figures_free(f);
		return db_err(rq->db);
	}
	render_set_int(hdf, (long long)f->n, "FigureCount");
	return 0;
}

/* The first row a chart draws: a chart has room for SVGCHART_MAX_BARS years, the latest ones. */
static size_t
chart_first(const struct figures *f)
{
	return f->n > SVGCHART_MAX_BARS ? f->n - SVGCHART_MAX_BARS : 0;
}

/* Lay out measure k's chart under Charts.<name>. */
static int
chart(HDF *hdf, const struct figures *f, size_t k)
{
	const char *name = measures[k].name;
	size_t first = chart_first(f), i;
	struct svgchart c;
	char num[64];
	int rc = 0;

	if (svgchart_layout(f->value[k] + first, f->known[k] + first, f->n - first, CHART_W, CHART_H, &c) != 0)
		return 0;	/* nothing to draw: the table still says everything */
	rc |= render_set(hdf, name, "Charts.%s.name", name);
	rc |= render_set_int(hdf, c.width, "Charts.%s.width", name);
	rc |= render_set_int(hdf, c.height, "Charts.%s.height", name);
	rc |= render_set_int(hdf, c.left, "Charts.%s.left", name);
	rc |= render_set_int(hdf, c.right, "Charts.%s.right", name);
	rc |= render_set_int(hdf, c.top, "Charts.%s.top", name);
	rc |= render_set_int(hdf, c.base, "Charts.%s.base", name);
	rc |= render_set_int(hdf, (c.top + c.base) / 2, "Charts.%s.middle", name);
	rc |= render_set_int(hdf, c.base - c.top, "Charts.%s.plot_h", name);
	rc |= render_set_int(hdf, c.left - 6, "Charts.%s.tick_x", name);
	rc |= render_set_int(hdf, c.base + 20, "Charts.%s.year_y", name);
	for (i = 0; i < c.nticks; i++) {
		if (c.tick[i].value == 0)
			snprintf(num, sizeof(num), "0");	/* not "0억 원": the axis starts at nothing */
		else
			fmt_value(&measures[k], c.tick[i].value, hdf_get_value(hdf, "Page.Lang", NULL), num, sizeof(num));
		rc |= render_set(hdf, num, "Charts.%s.ticks.%zu.label", name, i);
		rc |= render_set_int(hdf, c.tick[i].y, "Charts.%s.ticks.%zu.y", name, i);
		rc |= render_set_int(hdf, c.tick[i].y + 4, "Charts.%s.ticks.%zu.label_y", name, i);
	}
	for (i = 0; i < c.nbars; i++) {
		const struct svgchart_bar *b = &c.bar[i];

		rc |= render_set_int(hdf, f->year[first + i], "Charts.%s.bars.%zu.year", name, i);
		rc |= render_set_int(hdf, b->cx, "Charts.%s.bars.%zu.cx", name, i);
		rc |= render_set_int(hdf, b->x, "Charts.%s.bars.%zu.x", name, i);
		rc |= render_set_int(hdf, b->w, "Charts.%s.bars.%zu.w", name, i);
		if (!b->known)
			continue;
		fmt_value(&measures[k], b->value, hdf_get_value(hdf, "Page.Lang", NULL), num, sizeof(num));
		rc |= render_set(hdf, num, "Charts.%s.bars.%zu.label", name, i);
		rc |= render_set_int(hdf, b->y, "Charts.%s.bars.%zu.y", name, i);
		rc |= render_set_int(hdf, b->h, "Charts.%s.bars.%zu.h", name, i);
		if (c.slot >= LABEL_MIN_SLOT)
			rc |= render_set_int(hdf, b->y - 8, "Charts.%s.bars.%zu.label_y", name, i);
	}
	return rc ? -1 : 0;
}

int
page_stats(struct request *rq, HDF *hdf)
{
	struct figures f;
	size_t k;
	int rc;

	if ((rc = load(rq, hdf, &f)) != 0)
		return rc;
	/* more years than a chart has room for: the charts draw the latest, and the page says so (the
	 * table and the CSV have every year) */
	if (chart_first(&f) > 0 && (render_set_int(hdf, SVGCHART_MAX_BARS, "ChartCut.count") != 0 ||
	    render_set_int(hdf, f.year[chart_first(&f)], "ChartCut.from") != 0))
		rc = 500;
	for (k = 0; rc == 0 && k < NMEASURES; k++)
		if (measures[k].chart && chart(hdf, &f, k) != 0)
			rc = 500;
	figures_free(&f);
	if (rc != 0)
		return rc;
	rq->tmpl = "stats.cs";
	return 0;
}

/* One CSV cell: a number, or nothing when unknown. */
static int
csv_cell(struct buf *out, int known, long long v)
{
	return known ? buf_printf(out, ",%lld", v) : buf_puts(out, ",");
}

int
page_stats_csv(struct request *rq, HDF *hdf)
{
	struct buf *out = &rq->raw;
	struct figures f;
	size_t i, k;
	int rc, bad = 0;

	if ((rc = load(rq, hdf, &f)) != 0)
		return rc;
	/* The byte-order mark makes Excel read the file as UTF-8, so the Korean headings show. */
	bad |= buf_puts(out, "\xEF\xBB\xBF");
	bad |= buf_puts(out, hdf_get_value(hdf, "L.stats.col.year", "year"));
	for (k = 0; k < NMEASURES; k++) {
		char key[64];

		snprintf(key, sizeof(key), "L.stats.csv.%s", measures[k].name);
		bad |= buf_printf(out, ",%s", hdf_get_value(hdf, key, measures[k].name));
	}
	/* the last column says which years are demo data (issue 20): a cell a spreadsheet keeps with its row */
	bad |= buf_printf(out, ",%s\r\n", hdf_get_value(hdf, "L.stats.csv.demo", "demo"));
	for (i = 0; i < f.n; i++) {
		bad |= buf_printf(out, "%lld", f.year[i]);
		for (k = 0; k < NMEASURES; k++)
			bad |= csv_cell(out, f.known[k][i], f.value[k][i]);
		bad |= buf_printf(out, ",%s\r\n", f.demo[i] ? hdf_get_value(hdf, "L.demo", "demo") : "");
	}
	figures_free(&f);
	if (bad || request_add_header(rq, "Content-Disposition",
	    "attachment; filename=\"tp-network-figures.csv\"; "
	    "filename*=UTF-8''%ED%85%8C%ED%81%AC%EB%85%B8%ED%8C%8C%ED%81%AC_%EC%A7%80%ED%91%9C.csv") != 0) {
		buf_free(out);
		return 500;
	}
	rq->content_type_out = "text/csv; charset=utf-8";
	return 0;
}
