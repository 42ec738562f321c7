-- Helpers used by the queries of the application.

-- A date in French, "16 novembre 2026", in the region's time zone: the
-- database locale may not know French month names.
CREATE FUNCTION fr_date(ts timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT extract(day FROM ts AT TIME ZONE 'Europe/Paris')::int::text || ' ' ||
	    (ARRAY['janvier', 'février', 'mars', 'avril', 'mai', 'juin',
	    'juillet', 'août', 'septembre', 'octobre', 'novembre',
	    'décembre'])[extract(month FROM ts AT TIME ZONE 'Europe/Paris')::int] ||
	    ' ' || extract(year FROM ts AT TIME ZONE 'Europe/Paris')::int::text
$$;

-- Where a consultation stands: 'upcoming', 'open' or 'closed'.
CREATE FUNCTION consultation_phase(c consultations) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN now() < c.opens_at THEN 'upcoming'
	    WHEN now() >= c.closes_at THEN 'closed' ELSE 'open' END
$$;
