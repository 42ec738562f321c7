/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Unit tests of app/db/db.c: statements declared with their columns, typed
 * parameters, reads by column name that refuse what the declaration does
 * not allow, and the comparison `agora sql --check` makes with what
 * PostgreSQL describes (results built with libpq's own constructors).
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/db/db.h"

#define OID_BOOL	16
#define OID_INT8	20
#define OID_TEXT	25

#define TEST_COLS(C)							\
	C(T_ID,		"id",		INT)				\
	C(T_TITLE,	"title",	TEXT)				\
	C(T_OPEN,	"open",		BOOL)
DB_COLUMNS(TEST_COLS, T__MAX);
DB_STMT(sql_test_item, 2, TEST_COLS,
    "SELECT id, title, open FROM items WHERE id = $1 AND $2::text IS NULL");
DB_STMT_NOROWS(sql_test_touch, 1, "UPDATE items SET n = n + 1 WHERE id = $1");

static int	faults;
static char	last_fault[256];

static void
count_fault(const char *msg)
{
	faults++;
	snprintf(last_fault, sizeof(last_fault), "%s", msg);
}

/* A result shaped like the given columns, with one row of values. */
static PGresult *
make_result(int n, const char *const *names, const Oid *types,
    const char *const *row)
{
	PGresAttDesc	 att[8];
	PGresult	*res = PQmakeEmptyPGresult(NULL, PGRES_TUPLES_OK);
	int		 i;

	memset(att, 0, sizeof(att));
	for (i = 0; i < n; i++) {
		att[i].name = (char *)names[i];
		att[i].typid = types[i];
		att[i].typlen = -1;
		att[i].atttypmod = -1;
	}
	assert_int_equal(PQsetResultAttrs(res, n, att), 1);
	for (i = 0; row != NULL && i < n; i++)
		assert_int_equal(PQsetvalue(res, 0, i, (char *)row[i],
		    row[i] ? (int)strlen(row[i]) : -1), 1);
	return (res);
}

static const char *const names_ok[] = { "id", "title", "open" };
static const Oid types_ok[] = { OID_INT8, OID_TEXT, OID_BOOL };
static const char *const row_ok[] = { "42", "Des bancs", "t" };

static void
db_stmt_registers_every_statement(void **state)
{
	assert_int_equal(db_stmt_count(), 2);
	assert_ptr_equal(db_stmt_find("sql_test_item"), &sql_test_item);
	assert_ptr_equal(db_stmt_find("test_touch"), &sql_test_touch);
	assert_null(db_stmt_find("test_missing"));
	assert_int_equal(sql_test_item.ncols, T__MAX);
	assert_string_equal(sql_test_item.cols[T_OPEN].name, "open");
}

static void
db_reads_by_name_and_type(void **state)
{
	struct db_rows	r = { &sql_test_item, NULL, 0 };

	r.res = make_result(3, names_ok, types_ok, row_ok);
	faults = 0;
	assert_int_equal(db_nrows(&r), 1);
	assert_int_equal(db_int(&r, 0, T_ID), 42);
	assert_string_equal(db_text(&r, 0, T_TITLE), "Des bancs");
	assert_true(db_bool(&r, 0, T_OPEN));
	assert_false(db_null(&r, 0, T_TITLE));
	assert_int_equal(faults, 0);
	assert_false(r.fault);
	PQclear(r.res);
}

static void
db_read_of_undeclared_column_is_a_fault(void **state)
{
	struct db_rows	r = { &sql_test_item, NULL, 0 };

	r.res = make_result(3, names_ok, types_ok, row_ok);
	faults = 0;
	assert_string_equal(db_text(&r, 0, T__MAX), "");
	assert_int_equal(faults, 1);
	assert_true(r.fault);
	assert_non_null(strstr(last_fault, "sql_test_item"));
	PQclear(r.res);
}

static void
db_read_with_another_type_is_a_fault(void **state)
{
	struct db_rows	r = { &sql_test_item, NULL, 0 };

	r.res = make_result(3, names_ok, types_ok, row_ok);
	faults = 0;
	assert_int_equal(db_int(&r, 0, T_TITLE), 0);
	assert_false(db_bool(&r, 0, T_ID));
	assert_int_equal(faults, 2);
	assert_non_null(strstr(last_fault, "id"));
	PQclear(r.res);
}

static void
db_read_past_the_rows_or_without_result_is_a_fault(void **state)
{
	struct db_rows	r = { &sql_test_item, NULL, 0 };

	faults = 0;
	assert_string_equal(db_text(&r, 0, T_TITLE), "");
	r.res = make_result(3, names_ok, types_ok, row_ok);
	assert_int_equal(db_int(&r, 1, T_ID), 0);
	assert_true(db_null(&r, 5, T_TITLE));
	assert_int_equal(faults, 3);
	PQclear(r.res);
}

static void
db_check_accepts_the_declared_shape(void **state)
{
	PGresult	*res = make_result(3, names_ok, types_ok, NULL);
	char		 err[256] = "";

	/* A made result has no parameters: compare with a 0-param twin. */
	struct db_stmt	 st = sql_test_item;

	st.nparams = 0;
	assert_int_equal(db_stmt_check(&st, res, err, sizeof(err)), 0);
	PQclear(res);
}

static void
db_check_names_the_first_difference(void **state)
{
	static const char *const renamed[] = { "id", "name", "open" };
	static const Oid int_title[] = { OID_INT8, OID_TEXT, OID_TEXT };
	struct db_stmt	 st = sql_test_item;
	PGresult	*res;
	char		 err[256];

	st.nparams = 0;
	res = make_result(3, renamed, types_ok, NULL);
	assert_int_equal(db_stmt_check(&st, res, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "\"title\""));
	assert_non_null(strstr(err, "\"name\""));
	PQclear(res);
	res = make_result(2, names_ok, types_ok, NULL);
	assert_int_equal(db_stmt_check(&st, res, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "3 columns declared"));
	PQclear(res);
	res = make_result(3, names_ok, int_title, NULL);
	assert_int_equal(db_stmt_check(&st, res, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "BOOL"));
	PQclear(res);
	st.nparams = 2;
	res = make_result(3, names_ok, types_ok, NULL);
	assert_int_equal(db_stmt_check(&st, res, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "2 parameters declared"));
	PQclear(res);
}

static void
db_args_become_text_or_null(void **state)
{
	const struct db_arg	*a = DB_ARGV(DB_TEXT("x"), DB_INT(-7),
				    DB_ID(0), DB_ID(12), DB_BOOL(3), DB_NULL,
				    DB_TEXT(NULL));
	char			 buf[24];

	assert_int_equal(DB_NARGS(DB_TEXT("x"), DB_INT(-7), DB_ID(0),
	    DB_ID(12), DB_BOOL(3), DB_NULL, DB_TEXT(NULL)), 7);
	assert_int_equal(DB_NARGS(), 0);
	assert_string_equal(db_arg_text(&a[0], buf), "x");
	assert_string_equal(db_arg_text(&a[1], buf), "-7");
	assert_null(db_arg_text(&a[2], buf));
	assert_string_equal(db_arg_text(&a[3], buf), "12");
	assert_string_equal(db_arg_text(&a[4], buf), "true");
	assert_null(db_arg_text(&a[5], buf));
	assert_null(db_arg_text(&a[6], buf));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(db_stmt_registers_every_statement),
		cmocka_unit_test(db_reads_by_name_and_type),
		cmocka_unit_test(db_read_of_undeclared_column_is_a_fault),
		cmocka_unit_test(db_read_with_another_type_is_a_fault),
		cmocka_unit_test(db_read_past_the_rows_or_without_result_is_a_fault),
		cmocka_unit_test(db_check_accepts_the_declared_shape),
		cmocka_unit_test(db_check_names_the_first_difference),
		cmocka_unit_test(db_args_become_text_or_null),
	};

	db_fault_hook = count_fault;
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
