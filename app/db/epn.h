/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The EPN directory and the mobile EPN's tour (issue 12, migration 0210):
 * read by the public page, its iCalendar feed, the admin pages and
 * `agora epn`. Changes answer a status code (vocab_epn_result), never an
 * error, for what a person may get wrong.
 */

#ifndef AGORA_DB_EPN_H
#define AGORA_DB_EPN_H

#include "db.h"

/*
 * $1 true: the active EPNs only (the public page); false: all of them.
 * By département (display order), commune, name.
 */
#define EPN_LIST_COLS(C)						\
	C(EL_ID,		"id",		INT)			\
	C(EL_NAME,		"name",		TEXT)			\
	C(EL_COMMUNE,		"commune",	TEXT)			\
	C(EL_TERRITORY,		"territory_code", TEXT)			\
	C(EL_TERRITORY_NAME,	"territory_name", TEXT)			\
	C(EL_ADDRESS,		"address",	TEXT)	/* '' if none */\
	C(EL_HOURS,		"hours",	TEXT)	/* '' if none */\
	C(EL_KIND,		"kind",		TEXT)	/* vocab_epn_kind */\
	C(EL_ACTIVE,		"active",	BOOL)			\
	C(EL_NEXT_STOPS,	"next_stops",	INT)	/* from today */
DB_COLUMNS(EPN_LIST_COLS, EL__MAX);
extern const struct db_stmt	sql_epn_list;

/* $1 EPN id. Zero or one row, the columns of sql_epn_list. */
extern const struct db_stmt	sql_epn_get;

/*
 * $1 name, $2 commune, $3 département code, $4 address, $5 hours, $6 kind
 * (all trimmed, '' when not given). One row: status ok (id set),
 * no_territory or duplicate (id NULL).
 */
#define EPN_ADD_COLS(C)							\
	C(EA_STATUS,		"status",	TEXT)	/* vocab_epn_result */\
	C(EA_ID,		"id",		INT)	/* NULL unless ok */
DB_COLUMNS(EPN_ADD_COLS, EA__MAX);
extern const struct db_stmt	sql_epn_add;

/*
 * $1 EPN id, $2..$7 as sql_epn_add's $1..$6, $8 active. One row: status
 * ok, not_found, no_territory, duplicate or has_stops (made fixed while
 * it has stops). Nothing changes unless ok.
 */
#define EPN_STATUS_COLS(C)						\
	C(EST_STATUS,		"status",	TEXT)	/* vocab_epn_result */
DB_COLUMNS(EPN_STATUS_COLS, EST__MAX);
extern const struct db_stmt	sql_epn_edit;

/*
 * $1 EPN id, $2 commune, $3 place, $4 day (AAAA-MM-JJ), $5 start, $6 end
 * (HH:MM, end after start: checked before). One row: status ok (id set),
 * not_found, not_mobile, past (before today) or overlap (another stop of
 * that EPN that day shares some of those hours).
 */
extern const struct db_stmt	sql_epn_stop_add;	/* EPN_ADD_COLS */

/* $1 EPN id, $2 stop id. One row when the stop was that EPN's. */
#define EPN_STOP_REMOVE_COLS(C)						\
	C(ESR_ID,		"id",		INT)
DB_COLUMNS(EPN_STOP_REMOVE_COLS, ESR__MAX);
extern const struct db_stmt	sql_epn_stop_remove;

/*
 * The tour from today (Europe/Paris), by day and hour. sql_epn_next_stops:
 * $1 at most this many stops, of the active mobile EPNs (the public page,
 * the feed). sql_epn_stops_of: $1 EPN id, every stop from today (admin).
 */
#define EPN_STOP_COLS(C)						\
	C(ES_ID,		"id",		INT)			\
	C(ES_EPN_ID,		"epn_id",	INT)			\
	C(ES_EPN_NAME,		"epn_name",	TEXT)			\
	C(ES_COMMUNE,		"commune",	TEXT)			\
	C(ES_PLACE,		"place",	TEXT)			\
	C(ES_DAY,		"day",		TEXT)	/* 2026-12-08 */\
	C(ES_DAY_FR,		"day_fr",	TEXT)	/* mardi 8 décembre 2026 */\
	C(ES_STARTS,		"starts",	TEXT)	/* 09:30 */	\
	C(ES_ENDS,		"ends",		TEXT)			\
	C(ES_STAMP,		"stamp",	TEXT)	/* last change, UTC, iCalendar form */
DB_COLUMNS(EPN_STOP_COLS, ES__MAX);
extern const struct db_stmt	sql_epn_next_stops;
extern const struct db_stmt	sql_epn_stops_of;

#endif
