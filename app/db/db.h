/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Statements and their rows, shared by the web module and the CLI.
 *
 * Every statement of app/db/ is a struct db_stmt: its SQL, how many
 * parameters it takes and the columns it returns, each with the name the
 * SQL gives it and the type C reads it as. The columns are declared once,
 * as a list beside the statement's extern in the area's header:
 *
 *	#define PROPOSAL_COLS(C)		\
 *		C(PP_ID,	"id",	INT)	\
 *		C(PP_TITLE,	"title", TEXT)
 *	DB_COLUMNS(PROPOSAL_COLS, PP__MAX);
 *	extern const struct db_stmt	sql_part_proposal;
 *
 * and the statement itself in the area's .c file:
 *
 *	DB_STMT(sql_part_proposal, 3, PROPOSAL_COLS,
 *	    "SELECT p.id, p.title FROM ...");
 *
 * Code reads a row through the names (db_text(r, row, PP_TITLE)), never
 * through numbers. `agora sql --check` prepares every statement and
 * compares its parameters, column names and types with these declarations,
 * so a statement that drifts from its declaration fails the tests, and a
 * read of a column the statement does not declare is refused at run time.
 */

#ifndef AGORA_DB_DB_H
#define AGORA_DB_DB_H

#include <stddef.h>

#include <libpq-fe.h>

/* How C reads a column (agora sql --check compares with PostgreSQL). */
enum db_coltype {
	DB_COL_TEXT,		/* any type, read as its text form */
	DB_COL_INT,		/* smallint, integer, bigint */
	DB_COL_BOOL		/* boolean */
};

struct db_col {
	const char	*name;		/* as the SQL names it (alias) */
	enum db_coltype	 type;
};

struct db_stmt {
	const char		*name;	/* C name: logs, agora sql NAME */
	const char		*sql;
	int			 nparams;
	const struct db_col	*cols;	/* NULL when it returns no rows */
	int			 ncols;
};

/* The list macros' expansions. */
#define DB_COL_ENUM_(e, n, t)	e,
#define DB_COL_DEF_(e, n, t)	{ n, DB_COL_##t },

/* enum { A, B, ..., MAX } from a column list. */
#define DB_COLUMNS(LIST, MAX)	enum { LIST(DB_COL_ENUM_) MAX }

/*
 * Defines the statement var. Each one is also placed in the linker section
 * db_stmts, so that `agora sql` and its --check find every statement
 * without a second list to keep up to date.
 */
#define DB_STMT(var, np, LIST, text)					\
	static const struct db_col var##_cols_[] = { LIST(DB_COL_DEF_) };\
	const struct db_stmt var = { #var, text, np, var##_cols_,	\
	    (int)(sizeof(var##_cols_) / sizeof(var##_cols_[0])) };	\
	DB_REGISTER_(var)
/* A statement that returns no rows (or whose rows nobody reads). */
#define DB_STMT_NOROWS(var, np, text)					\
	const struct db_stmt var = { #var, text, np, NULL, 0 };		\
	DB_REGISTER_(var)

#define DB_REGISTER_(var)						\
	static const struct db_stmt *const var##_reg_			\
	    __attribute__((used, section("db_stmts"))) = &var

/* Every statement linked into this program, in no particular order. */
size_t			 db_stmt_count(void);
const struct db_stmt	*db_stmt_at(size_t);
const struct db_stmt	*db_stmt_find(const char *);

/*
 * Parameters, typed at the call site and turned into text once:
 *	DB_TEXT(s)	text; NULL is SQL NULL
 *	DB_INT(n)	an integer
 *	DB_ID(n)	an id, or SQL NULL when n is 0 (nobody signed in...)
 *	DB_BOOL(b)	true or false
 *	DB_NULL		SQL NULL
 */
enum db_argtype { DB_ARG_MARK_, DB_ARG_TEXT, DB_ARG_INT, DB_ARG_ID,
    DB_ARG_BOOL, DB_ARG_NULL };

struct db_arg {
	enum db_argtype	 type;
	const char	*s;
	long long	 n;
};

#define DB_TEXT(v)	((struct db_arg){ DB_ARG_TEXT, (v), 0 })
#define DB_INT(v)	((struct db_arg){ DB_ARG_INT, NULL, (long long)(v) })
#define DB_ID(v)	((struct db_arg){ DB_ARG_ID, NULL, (long long)(v) })
#define DB_BOOL(v)	((struct db_arg){ DB_ARG_BOOL, NULL, (v) ? 1 : 0 })
#define DB_NULL		((struct db_arg){ DB_ARG_NULL, NULL, 0 })

/*
 * DB_ARGS(a, b, c) is an array of the arguments behind a mark, so that an
 * empty list is still valid C; DB_NARGS counts them (sizeof does not
 * evaluate its operand). Used by the web_query() and cli_query() macros.
 */
#define DB_ARGS_(...)							\
	((const struct db_arg[]){ { DB_ARG_MARK_, NULL, 0 }, __VA_ARGS__ })
#define DB_ARGV(...)	(DB_ARGS_(__VA_ARGS__) + 1)
#define DB_NARGS(...)							\
	((int)(sizeof(DB_ARGS_(__VA_ARGS__)) / sizeof(struct db_arg)) - 1)

/* Text of one argument: NULL for SQL NULL, else s or buf (>= 24 bytes). */
const char	*db_arg_text(const struct db_arg *, char *);

/*
 * A result and the statement it came from. A read that does not fit the
 * declaration (unknown column, wrong type, row out of range, no result)
 * returns "" / 0 / false, sets fault and reports through db_fault_hook,
 * so that the caller answers an error instead of showing an empty cell.
 */
struct db_rows {
	const struct db_stmt	*stmt;
	PGresult		*res;
	int			 fault;
};

/* Set by the program (web: kore_log; CLI: stderr). */
extern void	(*db_fault_hook)(const char *);

int		 db_nrows(struct db_rows *);
const char	*db_text(struct db_rows *, int, int);
long long	 db_int(struct db_rows *, int, int);
int		 db_bool(struct db_rows *, int, int);
int		 db_null(struct db_rows *, int, int);

/*
 * Compares stmt with what PostgreSQL says of it once prepared (a result of
 * PQdescribePrepared). Writes a sentence into err and returns -1 on the
 * first difference, 0 when parameters, names and types all match.
 */
int		 db_stmt_check(const struct db_stmt *, const PGresult *,
		    char *, size_t);

#endif
