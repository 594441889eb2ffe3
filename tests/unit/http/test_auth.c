/* test_auth.c - token, password and comparison helpers of src/http/auth.c; redirect-target safety. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "http/auth.h"

static int
setup(void **state)
{
	(void)state;
	return account_init();
}

static void
test_token_shape_and_uniqueness(void **state)
{
	char a[ACCOUNT_TOKEN_LEN + 1], b[ACCOUNT_TOKEN_LEN + 1];
	size_t i;

	(void)state;
	account_new_token(a);
	account_new_token(b);
	assert_int_equal(strlen(a), ACCOUNT_TOKEN_LEN);
	for (i = 0; i < ACCOUNT_TOKEN_LEN; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", a[i]));
	assert_string_not_equal(a, b);
}

static void
test_token_hash(void **state)
{
	char h1[ACCOUNT_HASH_LEN + 1], h2[ACCOUNT_HASH_LEN + 1], h3[ACCOUNT_HASH_LEN + 1];

	(void)state;
	account_hash_token("abc", h1);
	account_hash_token("abc", h2);
	account_hash_token("abd", h3);
	assert_int_equal(strlen(h1), ACCOUNT_HASH_LEN);
	assert_string_equal(h1, h2);
	assert_string_not_equal(h1, h3);
	/* BLAKE2b-256("abc"), the published test vector */
	assert_string_equal(h1, "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
}

static void
test_equal(void **state)
{
	(void)state;
	assert_true(account_equal("same-token", "same-token"));
	assert_false(account_equal("same-token", "same-tokeN"));
	assert_false(account_equal("short", "shorter"));
	assert_false(account_equal(NULL, "x"));
	assert_false(account_equal("x", NULL));
	assert_true(account_equal("", ""));
}

static void
test_password_roundtrip(void **state)
{
	char hash[ACCOUNT_PWHASH_LEN];

	(void)state;
	assert_int_equal(account_hash_password("correct horse 한글", hash), 0);
	assert_non_null(strstr(hash, "$argon2id$"));
	assert_true(account_check_password(hash, "correct horse 한글"));
	assert_false(account_check_password(hash, "correct horse 한글 "));
	assert_false(account_check_password(hash, ""));
	/* an unknown user (no hash) never matches, even the filler's own text */
	assert_false(account_check_password(NULL, "not a password: timing filler"));
	assert_false(account_check_password(NULL, "anything"));
}

static void
test_roles(void **state)
{
	enum role r;

	(void)state;
	assert_true(account_role_parse("secretariat", &r));
	assert_int_equal(r, ROLE_SECRETARIAT);
	assert_true(account_role_parse("member_admin", &r));
	assert_int_equal(r, ROLE_MEMBER_ADMIN);
	assert_true(account_role_parse("staff", &r));
	assert_int_equal(r, ROLE_STAFF);
	assert_false(account_role_parse("admin", &r));
	assert_false(account_role_parse("", &r));
	assert_false(account_role_parse(NULL, &r));
	assert_string_equal(account_role_name(ROLE_MEMBER_ADMIN), "member_admin");
}

static void
test_safe_next(void **state)
{
	static const char *const good[] = { "/", "/admin", "/members/chungnam", "/people?q=x" };
	static const char *const bad[] = { "", "admin", "//evil.example/", "/\\evil.example",
		"https://evil.example/", "/a\r\nSet-Cookie: x=1", "javascript:alert(1)" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_true(auth_safe_next(good[i]));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(auth_safe_next(bad[i]));
	assert_false(auth_safe_next(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_token_shape_and_uniqueness),
		cmocka_unit_test(test_token_hash),
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_password_roundtrip),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_safe_next),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
