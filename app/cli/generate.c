/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora generate [--proposals N] [--arguments N] [--votes N] [--users N]:
 * realistic French load-test data spread over the seven themes and the
 * départements, made by the server with generate_series in batches, with
 * a progress bar on stderr. Everything runs in one transaction: the
 * counter triggers are disabled for it and the counters recomputed at the
 * end in one UPDATE, so they equal the real counts; so are the report
 * rollups (report_rollups_rebuild()). The triggers' ALTER
 * TABLE locks votes and contributions until the end: load-test databases
 * only, never production. ALTER TABLE needs the owner role, so this command
 * connects with owner_database, unlike every other but migrate.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../db/generate.h"
#include "cli.h"

static void
run_plain(PGconn *db, const char *sql)
{
	PGresult	*res = PQexec(db, sql);

	if (PQresultStatus(res) != PGRES_COMMAND_OK &&
	    PQresultStatus(res) != PGRES_TUPLES_OK) {
		fprintf(stderr, "\nagora generate: %s", PQresultErrorMessage(res));
		PQclear(res);
		PQexec(db, "ROLLBACK");
		PQfinish(db);
		exit(1);
	}
	PQclear(res);
}

static void
progress(const char *what, long long done, long long total)
{
	int	i, width = 30, fill;

	fill = total > 0 ? (int)(done * width / total) : width;
	fprintf(stderr, "\r%-10s [", what);
	for (i = 0; i < width; i++)
		fputc(i < fill ? '#' : ' ', stderr);
	fprintf(stderr, "] %3lld%% %lld/%lld", total > 0 ?
	    done * 100 / total : 100, done, total);
	if (done >= total)
		fputc('\n', stderr);
	fflush(stderr);
}

/* Runs sql in batches over [0, total): $1 first, $2 count, then extra. */
static void
batches(PGconn *db, const char *what, const char *sql, long long total,
    long long size, int nextra, const char *const *extra)
{
	const char	*vals[8];
	char		 lo[24], n[24];
	long long	 done = 0, k;
	int		 i;

	progress(what, 0, total);
	while (done < total) {
		k = total - done < size ? total - done : size;
		snprintf(lo, sizeof(lo), "%lld", done);
		snprintf(n, sizeof(n), "%lld", k);
		vals[0] = lo;
		vals[1] = n;
		for (i = 0; i < nextra; i++)
			vals[2 + i] = extra[i];
		PQclear(cli_exec(db, sql, 2 + nextra, vals));
		done += k;
		progress(what, done, total);
	}
}

static int
parse_count(const char *s, long long *out)
{
	char	*end;

	*out = strtoll(s, &end, 10);
	return (*s != '\0' && *end == '\0' && *out >= 0 &&
	    *out <= 100000000LL);
}

int
cmd_generate(int argc, char **argv)
{
	PGconn		*db;
	long long	 proposals = 100000, replies = 300000, votes = 2000000;
	long long	 users = -1, per_user, *target;
	const char	*extra[3];
	char		 tag[32], su[24], sp[24], ss[24];
	int		 i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--proposals") == 0)
			target = &proposals;
		else if (strcmp(argv[i], "--arguments") == 0)
			target = &replies;
		else if (strcmp(argv[i], "--votes") == 0)
			target = &votes;
		else if (strcmp(argv[i], "--users") == 0)
			target = &users;
		else
			target = NULL;
		if (target == NULL || i + 1 == argc ||
		    !parse_count(argv[++i], target)) {
			fprintf(stderr, "usage: agora generate [--proposals N] "
			    "[--arguments N] [--votes N] [--users N]\n");
			return (2);
		}
	}
	if (users < 0)
		users = votes / 200 > 500 ? votes / 200 : 500;
	if (proposals == 0 && (replies > 0 || votes > 0)) {
		fprintf(stderr, "agora generate: arguments and votes need "
		    "proposals\n");
		return (2);
	}
	/* A person votes at most once per proposal: users >= votes / P. */
	if (proposals > 0 && users < (votes + proposals - 1) / proposals)
		users = (votes + proposals - 1) / proposals;
	if (users == 0)
		users = 1;
	per_user = (votes + users - 1) / users;
	snprintf(tag, sizeof(tag), "%lx%x", (unsigned long)time(NULL),
	    (unsigned int)getpid());
	snprintf(su, sizeof(su), "%lld", users);
	snprintf(sp, sizeof(sp), "%lld", proposals);
	snprintf(ss, sizeof(ss), "%lld", per_user);

	/* The owner: only a table's owner may disable its triggers. */
	db = cli_connect_owner();
	run_plain(db, "BEGIN");
	run_plain(db, sql_gen_begin);
	extra[0] = tag;
	batches(db, "users", sql_gen_users, users, 5000, 1, extra);
	batches(db, "proposals", sql_gen_proposals, proposals, 5000, 1, extra);
	batches(db, "arguments", sql_gen_replies, replies, 20000, 0, NULL);
	extra[0] = su;
	extra[1] = sp;
	extra[2] = ss;
	batches(db, "votes", sql_gen_votes, votes, 100000, 3, extra);
	fprintf(stderr, "counters  recomputing...\n");
	run_plain(db, sql_gen_finish);
	run_plain(db, "COMMIT");
	PQfinish(db);
	printf("generated %lld users, %lld proposals, %lld arguments and "
	    "comments, %lld votes\n", users, proposals, replies, votes);
	return (0);
}
