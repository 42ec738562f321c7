/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Proposals, arguments, comments, votes and "utile" marks. */

#ifndef AGORA_DB_PARTICIPATION_H
#define AGORA_DB_PARTICIPATION_H

/*
 * $1 slug. Zero or one row: theme id, slug, title, summary, body (Markdown),
 * position, consultation phase, opens (French date), closes (French date,
 * last open day), moderation mode.
 */
extern const char	sql_part_theme[];
/* No parameters. code, name of every territory, in display order. */
extern const char	sql_part_territories[];
/*
 * Listing of a theme's published proposals, one per sort. $1 theme id,
 * $2 territory code or NULL, $3 search text or NULL, $4 limit, $5 offset,
 * and for sql_part_list_random $6 the visitor's seed (0 .. 2^31 - 1: a
 * multiplicative hash of id XOR seed, modulo a prime, orders the rows). Columns: id, title,
 * excerpt (Markdown source), author, territory name, agree, mixed,
 * disagree, published arguments, published arguments and comments, date.
 */
extern const char	sql_part_list_recent[];
extern const char	sql_part_list_votes[];
extern const char	sql_part_list_agree[];
extern const char	sql_part_list_debate[];
extern const char	sql_part_list_random[];
/*
 * The sorts of an archived theme by the source platform's tallies, with the
 * parameters and columns of sql_part_list_recent: votes or supports, and
 * the Wilson lower bound of d'accord among the source's votes (indexes
 * imported_proposals_votes and imported_proposals_agree, migration 0130).
 */
extern const char	sql_part_list_source_votes[];
extern const char	sql_part_list_source_agree[];
/* $1 theme id, $2 territory or NULL, $3 search or NULL. One row: count. */
extern const char	sql_part_list_count[];
/*
 * $1 proposal id, $2 viewer's user id or NULL, $3 edit window (minutes).
 * Zero or one row: 0 id, 1 title, 2 body_html, 3 link, 4 status,
 * 5 author id, 6 author name, 7 territory name, 8 date, 9 agree, 10 mixed,
 * 11 disagree, 12 viewer's choice or NULL, 13 edited (t/f), 14 theme slug,
 * 15 theme title, 16 phase, 17 opens, 18 closes, 19 still editable by its
 * author (t/f), 20 territory code, 21 body (Markdown), 22 theme position,
 * 23 moderation mode, 24 under review after flags (t/f), 25 rule code of
 * the last moderation decision or "", 26 its note or "", 27 the rule's title,
 * 28 the consultation is an archive (t/f: imported, read-only).
 */
extern const char	sql_part_proposal[];
enum { PART_PROPOSAL_ARCHIVED = 28 };
/*
 * $1 proposal id, $2 viewer's user id or NULL, $3 at most this many rows.
 * Arguments and comments of the thread, oldest first, published or the
 * viewer's own: 0 id, 1 kind,
 * 2 position, 3 parent id, 4 depth, 5 body_html, 6 author, 7 date,
 * 8 useful, 9 marked useful by the viewer (t/f), 10 status, 11 written by
 * the viewer (t/f).
 */
extern const char	sql_part_thread[];
/* $1 user, $2 proposal, $3 agree|mixed|disagree|none. One row: code. */
extern const char	sql_part_vote[];
/* $1 user, $2 argument. One row: code, proposal id (or NULL). */
extern const char	sql_part_useful[];
/*
 * $1 author, $2 proposal, $3 parent or NULL, $4 position or NULL,
 * $5 territory, $6 body, $7 body_html, $8 max depth. One row: code, id.
 */
extern const char	sql_part_reply[];
/*
 * $1 author, $2 theme slug, $3 title, $4 body, $5 body_html, $6 link or
 * NULL, $7 territory. One row: code, id.
 */
extern const char	sql_part_propose[];
/*
 * $1 author, $2 id, $3 title, $4 body, $5 body_html, $6 link or NULL,
 * $7 territory, $8 window (minutes). One row: code.
 */
extern const char	sql_part_edit[];

#endif
