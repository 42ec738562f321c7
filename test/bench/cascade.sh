#!/bin/sh
# What a moderator's decision costs when the proposal carries a busy thread:
# moderation_decide() (the statement behind the moderation form, with every
# trigger: is_public pushed down the thread, the report rollups, the replies
# counter, the log) hiding then restoring a proposal with REPLIES (600)
# arguments and comments, against the same on a proposal with none. Each
# decision runs 5 times in one session, after a warm-up; the median is
# printed. The threads are created in
# the database named by CASCADE_DB (agora_scale) and left there, marked
# source 'bench-cascade'. Not a pass/fail test (README, "Performance").
#
# Environment: PG_PORT (25432), CASCADE_DB (agora_scale), REPLIES (600).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PG_PORT=${PG_PORT:-25432}
DB=${CASCADE_DB:-agora_scale}
N=${REPLIES:-600}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
psql_db() { psql -X -q -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" -c "$1"; }

mod=$(psql_db "WITH u AS (INSERT INTO users (email, display_name, verified_at)
    VALUES ('bench-cascade-' || md5(random()::text) || '@example.invalid',
    'Modération (banc)', now()) RETURNING id),
    r AS (INSERT INTO user_roles (user_id, role) SELECT id, 'moderator' FROM u)
    SELECT id FROM u")
# An account a month old: the spam brake holds nothing it writes.
author=$(psql_db "INSERT INTO users (email, display_name, verified_at, created_at)
    VALUES ('bench-cascade-' || md5(random()::text) || '@example.invalid',
    'Autrice (banc)', now(), now() - interval '30 days') RETURNING id")
# thread N: a published proposal of the first theme with N published
# replies (3 in 5 arguments, the rest comments, a fifth of them answering
# another comment); prints its id.
thread() {
	pid=$(psql_db "WITH th AS (SELECT t.id, t.consultation_id FROM themes t
	    JOIN consultations k ON k.id = t.consultation_id
	    WHERE k.is_primary ORDER BY t.position LIMIT 1)
	INSERT INTO contributions (consultation_id, theme_id, kind, author_id,
	    title, body, body_html, source, source_id)
	SELECT consultation_id, id, 'proposal', $author, 'Fil du banc ($1 réponses)',
	    'Texte du banc.', '<p>Texte du banc.</p>', 'bench-cascade',
	    md5(random()::text) FROM th RETURNING id")
	psql_db "UPDATE contributions SET proposal_id = id WHERE id = $pid"
	if [ "$1" -gt 0 ]; then
		psql_db "INSERT INTO contributions (consultation_id, theme_id, kind,
		    parent_id, proposal_id, position, depth, author_id, territory_code,
		    body, body_html)
		SELECT p.consultation_id, p.theme_id,
		    CASE WHEN g % 5 < 3 THEN 'argument' ELSE 'comment' END, p.id, p.id,
		    CASE WHEN g % 5 < 2 THEN 'pour' WHEN g % 5 = 2 THEN 'contre' END,
		    CASE WHEN g % 5 < 3 THEN 0 ELSE 1 END,
		    $author, '37', 'Réponse ' || g || ' du banc.',
		    '<p>Réponse du banc.</p>'
		FROM contributions p, generate_series(1, $1) g WHERE p.id = $pid" >/dev/null
		# A fifth of the comments answer the comment before them.
		psql_db "UPDATE contributions c SET parent_id = x.prev, depth = 2
		FROM (SELECT id, lag(id) OVER (ORDER BY id) AS prev, row_number()
		    OVER (ORDER BY id) AS rn FROM contributions
		    WHERE proposal_id = $pid AND kind = 'comment') x
		WHERE c.id = x.id AND x.rn % 5 = 0" >/dev/null
	fi
	echo "$pid"
}
# decisions BUSY BARE: "hide restore hide restore", the median ms over 5
# rounds of moderation_decide hiding then restoring BUSY, then BARE, in one
# session (as kore's pooled connections are) after a round of warm-up.
decisions() {
	{
		printf '%s\n' '\timing on'
		for i in 0 1 2 3 4 5; do
			for id in "$1" "$2"; do
				# The moderator's reference in the log, no note, and
				# the notification's texts (app/core/mail_texts.def).
				echo "SELECT moderation_decide($id, $mod, 'bench0000000',
				    'hide', 'published',
				    (SELECT decision_version FROM contributions WHERE id = $id),
				    'R1', NULL, NULL, 'Sujet', 'Corps', '{rule}', '{note}');"
				echo "SELECT moderation_decide($id, $mod, 'bench0000000',
				    'restore', 'hidden',
				    (SELECT decision_version FROM contributions WHERE id = $id),
				    NULL, NULL, NULL, 'Sujet', 'Corps', '{rule}', '{note}');"
			done
		done
	} | psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB" |
	    awk '/^Time:/ { print $2 }' > "$OUT"
	for k in 1 2 3 4; do
		awk -v k="$k" 'NR > 4 && (NR - 1) % 4 == k - 1' "$OUT" | sort -n | sed -n 3p
	done | tr '\n' ' '
}
busy=$(thread "$N")
bare=$(thread 0)
echo "moderation_decide(), median of 5 ($(psql_db "SELECT count(*) FROM contributions") contributions in $DB)"
set -- $(decisions "$busy" "$bare")
printf '  hide,    proposal with %4d replies  %8s ms\n' "$N" "$1"
printf '  restore, proposal with %4d replies  %8s ms\n' "$N" "$2"
printf '  hide,    proposal with    0 replies  %8s ms\n' "$3"
printf '  restore, proposal with    0 replies  %8s ms\n' "$4"
echo "  public rows of the busy thread after the runs: $(psql_db "SELECT count(*)
    FROM contributions WHERE proposal_id = $busy AND is_public") (expected $((N + 1)))"
