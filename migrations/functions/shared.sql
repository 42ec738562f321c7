-- Helpers every area uses: French dates and durations, a consultation's
-- phase and whether it is an archive, the Wilson bound, answer labels,
-- the filling of an e-mail's text.
--
-- The current text of each function and trigger of the area, in one
-- place: `agora migrate` applies every file of migrations/functions/
-- after the numbered migrations, each time. To change a function, edit
-- it here (a new migration only for what CREATE OR REPLACE cannot do:
-- a changed signature or return type is a DROP there first).

-- An e-mail's text (app/core/mail_texts.def, passed in as a parameter)
-- with each {name} of p_names replaced by the value of the same rank, in
-- one pass like mail_fill() in C: a value (a display name, a title) is
-- copied, never searched for placeholders; a NULL value becomes ''.
CREATE OR REPLACE FUNCTION mail_fill(p_text text, p_names text[],
    p_values text[]) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	out	text := '';
	rest	text := p_text;
	at	integer;
	best	integer;
	pos	integer;
	i	integer;
BEGIN
	LOOP
		best := 0;
		at := 0;
		FOR i IN 1 .. coalesce(array_length(p_names, 1), 0) LOOP
			pos := strpos(rest, '{' || p_names[i] || '}');
			IF pos > 0 AND (at = 0 OR pos < at) THEN
				at := pos;
				best := i;
			END IF;
		END LOOP;
		EXIT WHEN best = 0;
		out := out || left(rest, at - 1) || coalesce(p_values[best], '');
		rest := substr(rest, at + length(p_names[best]) + 2);
	END LOOP;
	RETURN out || rest;
END $$;

-- A date in French, "16 novembre 2026" ("1er décembre 2026": the first of
-- the month is an ordinal), in the region's time zone: the database locale
-- may not know French month names.
CREATE OR REPLACE FUNCTION fr_date(ts timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE extract(day FROM ts AT TIME ZONE 'Europe/Paris')::int
	    WHEN 1 THEN '1er'
	    ELSE extract(day FROM ts AT TIME ZONE 'Europe/Paris')::int::text END
	    || ' ' ||
	    (ARRAY['janvier', 'février', 'mars', 'avril', 'mai', 'juin',
	    'juillet', 'août', 'septembre', 'octobre', 'novembre',
	    'décembre'])[extract(month FROM ts AT TIME ZONE 'Europe/Paris')::int] ||
	    ' ' || extract(year FROM ts AT TIME ZONE 'Europe/Paris')::int::text
$$;

-- Where a consultation stands: 'upcoming', 'open' or 'closed'.
CREATE OR REPLACE FUNCTION consultation_phase(c consultations) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN now() < c.opens_at THEN 'upcoming'
	    WHEN now() >= c.closes_at THEN 'closed' ELSE 'open' END
$$;

-- Lower bound of the Wilson score interval at 95 % (z = 1.96) for a
-- proportion of `agree` successes out of `total` trials. 0 when total = 0.
-- Same maths as app/core/ranking.c (unit-tested there). Not STRICT, so
-- that it is inlined (a STRICT SQL function whose body is a CASE never
-- is): proposal_votes' agree_score, a generated column until 0460, called
-- it through the SQL-function executor at every vote, parsing its body
-- each time (0.15 ms of CPU; issue 18). A NULL argument still gives NULL.
CREATE OR REPLACE FUNCTION wilson_lower_bound(agree bigint, total bigint)
RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN total <= 0 THEN 0::double precision ELSE
	    ((agree::double precision / total) + 1.9208 / total
	    - 1.96 * sqrt((agree::double precision / total)
	    * (1 - agree::double precision / total) / total
	    + 0.9604 / (total::double precision * total)))
	    / (1 + 3.8416 / total) END
$$;

-- A number of seconds in French: "3 h 05 min", "12 min", "moins d'une minute".
CREATE OR REPLACE FUNCTION fr_duration(s double precision) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
	SELECT CASE
	    WHEN s < 60 THEN 'moins d''une minute'
	    WHEN s < 3600 THEN floor(s / 60)::int::text || ' min'
	    WHEN s < 172800 THEN floor(s / 3600)::int::text || ' h '
		|| lpad((floor(s / 60)::int % 60)::text, 2, '0') || ' min'
	    ELSE floor(s / 86400)::int::text || ' jours' END
$$;

-- The French label of an official answer status, for pages and e-mails.
CREATE OR REPLACE FUNCTION official_answer_label(status text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE status WHEN 'retenue' THEN 'Retenue'
	    WHEN 'a_l_etude' THEN 'À l''étude'
	    WHEN 'non_retenue' THEN 'Non retenue'
	    WHEN 'deja_en_cours' THEN 'Déjà en cours' END
$$;

-- Whether a consultation is an archive: imported from another platform.
CREATE OR REPLACE FUNCTION consultation_archived(c consultations) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT c.source IS NOT NULL
$$;
