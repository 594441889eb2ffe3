/* test_admission.c - http/admission.c: slots per class, the bound on all expensive work together, and the classes of routes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/conf.h"
#include "core/err.h"
#include "http/admission.h"
#include "http/route.h"

static struct conf conf;

static void
fresh(struct request *rq)
{
	memset(rq, 0, sizeof(*rq));
	rq->conf = &conf;
	rq->method = M_GET;
	rq->method_name = "GET";
	rq->path = (char *)"/search";
}

static int
setup(void **state)
{
	(void)state;
	conf_defaults(&conf);
	conf.threads = 4;	/* three expensive requests at most, so one worker is always left */
	conf.max_search = 2;
	conf.max_login = 2;
	conf.max_upload = 1;
	admission_init(&conf);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	conf_free(&conf);
	return 0;
}

/* A class takes max_<class> requests; the next is TP_EBUSY with rq->busy set; a slot given back is free again. */
static void
test_class_limit(void **state)
{
	struct request a, b, c;

	(void)state;
	fresh(&a);
	fresh(&b);
	fresh(&c);
	assert_int_equal(admission_enter(&a, ADMIT_SEARCH), 0);
	assert_int_equal(admission_enter(&b, ADMIT_SEARCH), 0);
	assert_int_equal(admission_in_use(ADMIT_SEARCH), 2);
	assert_int_equal(admission_enter(&c, ADMIT_SEARCH), TP_EBUSY);
	assert_int_equal(c.busy, 1);
	assert_int_equal(c.admitted, ADMIT_NONE);
	admission_leave(&c);	/* holds nothing: changes nothing */
	assert_int_equal(admission_in_use(ADMIT_SEARCH), 2);
	admission_leave(&a);
	assert_int_equal(admission_in_use(ADMIT_SEARCH), 1);
	fresh(&c);
	assert_int_equal(admission_enter(&c, ADMIT_SEARCH), 0);
	admission_leave(&b);
	admission_leave(&c);
	assert_int_equal(admission_in_use(ADMIT_SEARCH), 0);
}

/* All classes together stop at threads - 1, even when each class still has room; cheap pages are never refused. */
static void
test_all_together(void **state)
{
	struct request s1, s2, l1, l2, page;

	(void)state;
	fresh(&s1);
	fresh(&s2);
	fresh(&l1);
	fresh(&l2);
	fresh(&page);
	assert_int_equal(admission_enter(&s1, ADMIT_SEARCH), 0);
	assert_int_equal(admission_enter(&s2, ADMIT_SEARCH), 0);
	assert_int_equal(admission_enter(&l1, ADMIT_LOGIN), 0);
	assert_int_equal(admission_enter(&l2, ADMIT_LOGIN), TP_EBUSY);	/* max_login has room, the whole does not */
	assert_int_equal(admission_enter(&page, ADMIT_NONE), 0);
	assert_int_equal(page.busy, 0);
	/* a request admitted once (an upload before its body was read) is admitted again at no cost */
	assert_int_equal(admission_enter(&s1, ADMIT_SEARCH), 0);
	assert_int_equal(admission_in_use(ADMIT_SEARCH), 2);
	admission_leave(&s1);
	admission_leave(&s2);
	admission_leave(&l1);
	admission_leave(&l1);	/* twice: the second is a no-op */
	assert_int_equal(admission_in_use(ADMIT_LOGIN), 0);
}

/* The classes come from route_costs; routes that take files, and sign-ins, are not classed by their route. */
static void
test_classes_of_routes(void **state)
{
	size_t i;
	int search = 0, login = 0, upload = 0;

	(void)state;
	for (i = 0; i < route_count; i++) {
		const struct route *r = &route_table[i];

		if (strcmp(r->pattern, "/search") == 0 && (r->methods & M_GET)) {
			assert_int_equal(admission_class(r, M_GET), ADMIT_SEARCH);
			search++;
		}
		/* a sign-in takes its slot only around the hashing (http/auth.c), never for the whole request:
		 * a throttled attempt must hold none */
		if (strcmp(r->pattern, "/login") == 0 && (r->methods & M_POST)) {
			assert_int_equal(admission_class(r, M_POST), ADMIT_NONE);
			login++;
		}
		if (strcmp(r->pattern, "/login") == 0 && (r->methods & M_GET))
			assert_int_equal(admission_class(r, M_GET), ADMIT_NONE);	/* the form itself is cheap */
		if ((r->methods & M_POST) && route_spec_files(r) > 0) {
			/* a small multipart form is a form; a large upload is classed by its size (main.c) */
			assert_int_equal(admission_class(r, M_POST), ADMIT_NONE);
			upload++;
		}
		if (strcmp(r->pattern, "/members") == 0)
			assert_int_equal(admission_class(r, M_GET), ADMIT_NONE);
	}
	assert_int_equal(search, 1);
	assert_int_equal(login, 1);
	assert_true(upload >= 1);
	assert_int_equal(admission_class(NULL, M_GET), ADMIT_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_class_limit),
		cmocka_unit_test(test_all_together),
		cmocka_unit_test(test_classes_of_routes),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
