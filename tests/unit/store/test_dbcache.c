/*
 * test_dbcache.c - what store/dbcache.c makes of SQL text (which statements may be answered from the
 * reference snapshot, which writes move which generation), and the kept results themselves.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "store/dbcache.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct { const char *sql; enum sql_kind want; } cases[] = {
	/* reference reads, as the pages write them */
	{ "SELECT name_ko, address FROM association WHERE id = 1", SQL_READ_REF },
	{ "SELECT t.slug, t.name_ko, r.name_ko AS region FROM technoparks t "
	  "JOIN regions r ON r.id = t.region_id ORDER BY t.id", SQL_READ_REF },
	{ "SELECT r.slug, r.name_ko, COUNT(*) AS n FROM regions r "
	  "JOIN technoparks t ON t.region_id = r.id GROUP BY r.id, r.slug, r.name_ko, r.sort ORDER BY r.sort", SQL_READ_REF },
	{ "SELECT i.slug, i.name_ko FROM technopark_industries ti JOIN industries i ON i.id = ti.industry_id "
	  "JOIN technoparks t ON t.id = ti.technopark_id WHERE t.slug = ? ORDER BY i.name_ko", SQL_READ_REF },
	{ "SELECT year, tenant_companies FROM network_figures WHERE tenant_companies IS NOT NULL ORDER BY year", SQL_READ_REF },
	{ "SELECT x FROM (SELECT id AS x FROM regions) d", SQL_READ_REF },
	{ "SELECT a.x FROM `regions` a, industries b WHERE a.id = b.id", SQL_READ_REF },
	{ "select slug from committees order by sort", SQL_READ_REF },
	/* the library's kinds are reference data; its documents and files are not (issue 19) */
	{ "SELECT id, slug, name_ko, name_en FROM library_kinds ORDER BY sort, id", SQL_READ_REF },
	{ "SELECT d.id FROM library_documents d JOIN library_kinds k ON k.id = d.kind_id", SQL_READ },
	/* a union of lists in parentheses is a read too (it once moved both generations on: issue 16) */
	{ "(SELECT slug FROM regions) UNION ALL (SELECT slug FROM industries) ORDER BY 1", SQL_READ_REF },
	{ "((SELECT slug FROM regions)) UNION ALL (SELECT slug FROM industries)", SQL_READ_REF },
	/* anything else in the statement, and it is read from the server every time */
	{ "SELECT p.name FROM people p JOIN technoparks t ON t.id = p.technopark_id WHERE t.slug = ?", SQL_READ },
	{ "SELECT t.slug FROM technoparks t WHERE EXISTS (SELECT 1 FROM people p WHERE p.technopark_id = t.id)", SQL_READ },
	{ "SELECT a.x FROM regions a, people b WHERE a.id = b.id", SQL_READ },
	{ "SELECT a.x FROM regions a JOIN news_articles n ON 1", SQL_READ },
	{ "SELECT EXTRACT(YEAR FROM founded) FROM technoparks", SQL_READ },	/* "founded": not known as a table */
	{ "SELECT slug FROM technoparks WHERE joined_year < YEAR(NOW())", SQL_READ },
	{ "SELECT slug FROM committees WHERE d > CURDATE()", SQL_READ },
	{ "SELECT slug FROM technoparks FOR UPDATE", SQL_READ },
	{ "SELECT data_gen, ref_gen FROM data_generation WHERE id = 1", SQL_READ },
	{ "SELECT 1", SQL_READ },
	{ "SELECT 'FROM regions' FROM people", SQL_READ },
	{ "(SELECT 0 AS k, p.name FROM people p) UNION ALL (SELECT 1, c.slug FROM committees c) ORDER BY k", SQL_READ },
	{ "SELECT id FROM somethingnew", SQL_READ },
	/* writes */
	{ "INSERT INTO sessions (id, user_id) VALUES (?, ?)", SQL_WRITE_UNTRACKED },
	{ "UPDATE sessions SET seen = ? WHERE id = ?", SQL_WRITE_UNTRACKED },
	{ "DELETE FROM login_failures WHERE at < ?", SQL_WRITE_UNTRACKED },
	{ "INSERT INTO search_queue (entity, entity_id) SELECT 'person', id FROM people WHERE technopark_id = ?",
	  SQL_WRITE_UNTRACKED },
	{ "UPDATE data_generation SET data_gen = data_gen + 1, ref_gen = ref_gen + ? WHERE id = 1", SQL_WRITE_UNTRACKED },
	/* a Galera node's own marks of the queue (sql/045): a write that moved the (replicated) generation
	 * would join a non-transactional table's write to a replicated one */
	{ "INSERT INTO search_applied (queue_id, done) VALUES (?, 1) ON DUPLICATE KEY UPDATE done = 1", SQL_WRITE_UNTRACKED },
	{ "DELETE FROM search_applied WHERE queue_id < (SELECT COALESCE(MIN(id), 18446744073709551615) FROM search_queue)",
	  SQL_WRITE_UNTRACKED },
	{ "INSERT INTO people (name) VALUES (?)", SQL_WRITE_DATA },
	{ "UPDATE people SET name = ? WHERE id = ?", SQL_WRITE_DATA },
	{ "DELETE FROM news_articles WHERE id = ?", SQL_WRITE_DATA },
	{ "UPDATE library_documents SET title = ?, version = version + 1 WHERE id = ? AND version = ?", SQL_WRITE_DATA },
	{ "INSERT INTO library_files (attachment_id, document_id, file_no, version, text_state) VALUES (?, ?, ?, ?, ?)",
	  SQL_WRITE_DATA },
	{ "UPDATE library_kinds SET name_ko = ?, version = version + 1 WHERE id = ? AND version = ?", SQL_WRITE_REF },
	{ "INSERT INTO news_articles (title, technopark_id) SELECT ?, id FROM technoparks WHERE slug = ?", SQL_WRITE_DATA },
	{ "UPDATE people SET sort = ? WHERE technopark_id = (SELECT id FROM technoparks WHERE slug = ?)", SQL_WRITE_DATA },
	{ "INSERT IGNORE INTO audit_fields (change_id) VALUES (?)", SQL_WRITE_DATA },
	{ "UPDATE technoparks SET summary = ? WHERE id = ?", SQL_WRITE_REF },
	{ "INSERT INTO network_figures (year) VALUES (?)", SQL_WRITE_REF },
	{ "DELETE FROM technopark_industries WHERE technopark_id = ?", SQL_WRITE_REF },
	{ "UPDATE people p JOIN technoparks t ON t.id = p.technopark_id SET p.sort = 1", SQL_WRITE_REF },
	{ "REPLACE INTO association (id, name_ko) VALUES (1, ?)", SQL_WRITE_REF },
	{ "DELETE p FROM people p WHERE p.id = ?", SQL_WRITE_REF },	/* an alias: not known, so both */
	{ "INSERT INTO brand_new_table (a) VALUES (?)", SQL_WRITE_REF },	/* a table not listed: both */
	{ "  update  `people` set name = ?", SQL_WRITE_DATA },
	{ "CALL something()", SQL_WRITE_REF },
};

static void
test_classify(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		enum sql_kind got = dbcache_classify(cases[i].sql);

		if (got != cases[i].want)
			fail_msg("\"%s\": kind %d, want %d", cases[i].sql, (int)got, (int)cases[i].want);
	}
}

static void
add_row(struct dbcache_build *b, const char *x, const char *y)
{
	char *cells[2] = { (char *)(uintptr_t)(x ? x : ""), (char *)(uintptr_t)(y ? y : "") };
	unsigned long lens[2] = { x ? strlen(x) : 0, y ? strlen(y) : 0 };
	char isnull[2] = { x == NULL, y == NULL };

	assert_int_equal(dbcache_build_row(b, cells, lens, isnull), 0);
}

/* A kept result is found by statement, values and generation only; a newer one replaces it. */
static void
test_kept_results(void **state)
{
	static const char sql_a[] = "SELECT a, b FROM regions WHERE slug = ?";
	static const char sql_b[] = "SELECT a, b FROM regions WHERE id = ?";
	struct dbcache_result *r, *old;
	struct dbcache_build *b;
	unsigned long hits, misses;
	size_t n;

	(void)state;
	dbcache_clear();
	assert_null(dbcache_get(sql_a, "k1", 2, 5));
	assert_non_null(b = dbcache_build_new(sql_a, "k1", 2, 5, 2));
	add_row(b, "서울", NULL);
	add_row(b, "", "2");
	dbcache_publish(b);
	assert_non_null(r = dbcache_get(sql_a, "k1", 2, 5));
	assert_int_equal(dbcache_rows(r), 2);
	assert_string_equal(dbcache_cell(r, 0, 0), "서울");
	assert_null(dbcache_cell(r, 0, 1));
	assert_string_equal(dbcache_cell(r, 1, 0), "");
	assert_string_equal(dbcache_cell(r, 1, 1), "2");
	assert_null(dbcache_cell(r, 2, 0));
	assert_null(dbcache_get(sql_a, "k2", 2, 5));	/* other values */
	assert_null(dbcache_get(sql_a, "k1", 2, 6));	/* another generation */
	assert_null(dbcache_get(sql_b, "k1", 2, 5));	/* another statement */
	/* a result read at a newer generation replaces it; a holder keeps reading the old one */
	old = r;
	assert_non_null(b = dbcache_build_new(sql_a, "k1", 2, 6, 2));
	add_row(b, "부산", "3");
	dbcache_publish(b);
	assert_null(dbcache_get(sql_a, "k1", 2, 5));
	assert_string_equal(dbcache_cell(old, 0, 0), "서울");
	dbcache_release(old);
	assert_non_null(r = dbcache_get(sql_a, "k1", 2, 6));
	assert_string_equal(dbcache_cell(r, 0, 0), "부산");
	dbcache_release(r);
	/* a result whose rows were not all read is not kept */
	assert_non_null(b = dbcache_build_new(sql_b, "k1", 2, 6, 2));
	add_row(b, "x", "y");
	dbcache_build_free(b);
	assert_null(dbcache_get(sql_b, "k1", 2, 6));
	dbcache_stats(&n, &hits, &misses);
	assert_int_equal(n, 1);
	assert_int_equal(hits, 2);
	assert_int_equal(misses, 6);
	dbcache_clear();
	dbcache_stats(&n, &hits, &misses);
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_kept_results),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
