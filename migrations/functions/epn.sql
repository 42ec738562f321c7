-- The EPN directory and the mobile EPN's tour (issue 12).
--
-- The current text of each function of the area, in one place: `agora
-- migrate` applies every file of migrations/functions/ after the numbered
-- migrations, each time. To change a function, edit it here.

-- A day in French with its weekday, "mardi 8 décembre 2026" ("mardi 1er
-- décembre": the first of the month is an ordinal): the database locale
-- may not know French names.
CREATE OR REPLACE FUNCTION fr_day(d date) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT (ARRAY['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi',
	    'samedi', 'dimanche'])[extract(isodow FROM d)::int] || ' ' ||
	    CASE extract(day FROM d)::int WHEN 1 THEN '1er'
	    ELSE extract(day FROM d)::int::text END || ' ' ||
	    (ARRAY['janvier', 'février', 'mars', 'avril', 'mai', 'juin',
	    'juillet', 'août', 'septembre', 'octobre', 'novembre',
	    'décembre'])[extract(month FROM d)::int] || ' ' ||
	    extract(year FROM d)::int::text
$$;
