/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include "epn.h"

/* Today in the region, whatever the server's time zone. */
#define TODAY	"(now() AT TIME ZONE 'Europe/Paris')::date"

#define EPN_SELECT							\
    "SELECT e.id, e.name, e.commune, e.territory_code,"			\
    " t.name AS territory_name, e.address, e.hours, e.kind, e.active,"	\
    " (SELECT count(*) FROM epn_stops s WHERE s.epn_id = e.id"		\
    "  AND s.day >= " TODAY ") AS next_stops"				\
    " FROM epns e JOIN territories t ON t.code = e.territory_code"

DB_STMT(sql_epn_list, 1, EPN_LIST_COLS,
    EPN_SELECT
    " WHERE e.active OR NOT $1::boolean"
    " ORDER BY t.position, lower(e.commune), lower(e.name), e.id");

DB_STMT(sql_epn_get, 1, EPN_LIST_COLS,
    EPN_SELECT " WHERE e.id = $1::bigint");

/* The département, one of the region's (never 'HR'). */
#define EPN_TERRITORY(p)						\
    "t AS (SELECT code FROM territories WHERE code = " p "::text"	\
    " AND code <> 'HR')"

/* The unique index on lower(name), lower(commune) makes a twin a no-op. */
DB_STMT(sql_epn_add, 6, EPN_ADD_COLS,
    "WITH " EPN_TERRITORY("$3") ","
    " ins AS (INSERT INTO epns (name, commune, territory_code, address,"
    "  hours, kind)"
    "  SELECT $1::text, $2::text, t.code, $4::text, $5::text, $6::text"
    "  FROM t ON CONFLICT DO NOTHING RETURNING id)"
    " SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM t) THEN 'no_territory'"
    "  WHEN EXISTS (SELECT 1 FROM ins) THEN 'ok' ELSE 'duplicate' END"
    "  AS status, (SELECT id FROM ins) AS id");

DB_STMT(sql_epn_edit, 8, EPN_STATUS_COLS,
    "WITH e AS (SELECT id FROM epns WHERE id = $1::bigint),"
    " " EPN_TERRITORY("$4") ","
    " twin AS (SELECT 1 FROM epns WHERE id <> $1::bigint"
    "  AND lower(name) = lower($2::text)"
    "  AND lower(commune) = lower($3::text)),"
    " stops AS (SELECT 1 FROM epn_stops WHERE epn_id = $1::bigint),"
    " upd AS (UPDATE epns SET name = $2::text, commune = $3::text,"
    "  territory_code = $4::text, address = $5::text, hours = $6::text,"
    "  kind = $7::text, active = $8::boolean, updated_at = now()"
    "  WHERE id = $1::bigint AND EXISTS (SELECT 1 FROM t)"
    "  AND NOT EXISTS (SELECT 1 FROM twin)"
    "  AND ($7::text = 'mobile' OR NOT EXISTS (SELECT 1 FROM stops))"
    "  RETURNING id)"
    " SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM e) THEN 'not_found'"
    "  WHEN NOT EXISTS (SELECT 1 FROM t) THEN 'no_territory'"
    "  WHEN EXISTS (SELECT 1 FROM twin) THEN 'duplicate'"
    "  WHEN EXISTS (SELECT 1 FROM upd) THEN 'ok' ELSE 'has_stops' END"
    "  AS status");

DB_STMT(sql_epn_stop_add, 6, EPN_ADD_COLS,
    "WITH e AS (SELECT id, kind FROM epns WHERE id = $1::bigint),"
    " overlap AS (SELECT 1 FROM epn_stops WHERE epn_id = $1::bigint"
    "  AND day = $4::date AND starts < $6::time AND ends > $5::time),"
    " ins AS (INSERT INTO epn_stops (epn_id, commune, place, day, starts,"
    "  ends)"
    "  SELECT e.id, $2::text, $3::text, $4::date, $5::time, $6::time"
    "  FROM e WHERE e.kind = 'mobile' AND $4::date >= " TODAY
    "  AND NOT EXISTS (SELECT 1 FROM overlap) RETURNING id)"
    " SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM e) THEN 'not_found'"
    "  WHEN (SELECT kind FROM e) <> 'mobile' THEN 'not_mobile'"
    "  WHEN $4::date < " TODAY " THEN 'past'"
    "  WHEN EXISTS (SELECT 1 FROM ins) THEN 'ok' ELSE 'overlap' END"
    "  AS status, (SELECT id FROM ins) AS id");

DB_STMT(sql_epn_stop_remove, 2, EPN_STOP_REMOVE_COLS,
    "DELETE FROM epn_stops WHERE epn_id = $1::bigint AND id = $2::bigint"
    " RETURNING id");

/*
 * The stamp is the stop's last revision (RFC 5545 DTSTAMP without
 * METHOD): its creation, or a later change of its EPN's name.
 */
#define EPN_STOP_SELECT							\
    "SELECT s.id, s.epn_id, e.name AS epn_name, s.commune, s.place,"	\
    " to_char(s.day, 'YYYY-MM-DD') AS day, fr_day(s.day) AS day_fr,"	\
    " to_char(s.starts, 'HH24:MI') AS starts,"				\
    " to_char(s.ends, 'HH24:MI') AS ends,"				\
    " to_char(greatest(s.created_at, e.updated_at) AT TIME ZONE 'UTC',"	\
    "  'YYYYMMDD\"T\"HH24MISS\"Z\"') AS stamp"				\
    " FROM epn_stops s JOIN epns e ON e.id = s.epn_id"

DB_STMT(sql_epn_next_stops, 1, EPN_STOP_COLS,
    EPN_STOP_SELECT
    " WHERE s.day >= " TODAY " AND e.active"
    " ORDER BY s.day, s.starts, s.id LIMIT $1::int");

DB_STMT(sql_epn_stops_of, 1, EPN_STOP_COLS,
    EPN_STOP_SELECT
    " WHERE s.epn_id = $1::bigint AND s.day >= " TODAY
    " ORDER BY s.day, s.starts, s.id");
