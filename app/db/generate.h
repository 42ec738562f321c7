/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora generate: load-test data made by the server (generate_series), in
 * batches, inside one transaction. Work tables gen_users and gen_proposals
 * (temporary) map a dense index to the new rows' ids.
 */

#ifndef AGORA_DB_GENERATE_H
#define AGORA_DB_GENERATE_H

/*
 * Plain text, not db_stmts: they return no rows, and all but the first
 * name the temporary tables sql_gen_begin creates, which do not exist
 * when `agora sql --check` prepares the declared statements.
 */

/* No parameters. Creates the temporary index tables, disables the
 * counter triggers (re-enabled by sql_gen_finish, same transaction). */
extern const char	sql_gen_begin[];
/* $1 first index, $2 count, $3 run tag. Users (citizens, verified). */
extern const char	sql_gen_users[];
/* $1 first index, $2 count, $3 run tag. Proposals over the seven themes. */
extern const char	sql_gen_proposals[];
/* $1 first index, $2 count. Arguments (60 %) and comments, skewed. */
extern const char	sql_gen_replies[];
/*
 * $1 first index, $2 count, $3 users U, $4 proposals P, $5 votes per user
 * K (ceil(V / U), at most P). Vote i: user u = i mod U casts its k-th vote
 * (k = i div U) on proposal (offset(u) + k) mod P_u, where P_u is P, P/2,
 * P/4 or P/8 by u mod 4 (at least K): the first proposals draw more votes,
 * and no pair (user, proposal) ever comes twice.
 */
extern const char	sql_gen_votes[];
/* No parameters. Recomputes counters of the new proposals in one UPDATE
 * each, re-enables the triggers. */
extern const char	sql_gen_finish[];

#endif
