-- agora import checks every value before it takes the first id (issue 10):
-- the dates of the files are read by PostgreSQL itself here, so a date the
-- inserts would refuse is refused first, and a refused import leaves the
-- sequences where they were.

-- The 1-based index of the first value that is not a date and time
-- PostgreSQL reads as a finite timestamptz starting with an ISO 8601 date
-- (YYYY-MM-DD: no 'now', 'epoch' or 'infinity'), or 0 when all are.
-- Reads only; takes no id.
CREATE FUNCTION import_bad_timestamp(p_values text[]) RETURNS integer
LANGUAGE plpgsql STABLE AS $$
DECLARE
	bad	integer;
	i	integer;
	t	timestamptz;
BEGIN
	SELECT min(u.i) INTO bad FROM unnest(p_values) WITH ORDINALITY u(v, i)
	    WHERE u.v IS NULL OR u.v !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}';
	IF bad IS NOT NULL THEN
		RETURN bad;
	END IF;
	BEGIN
		SELECT min(u.i) INTO bad
		    FROM unnest(p_values::timestamptz[]) WITH ORDINALITY u(v, i)
		    WHERE NOT isfinite(u.v);
		RETURN coalesce(bad, 0);
	EXCEPTION WHEN data_exception THEN
		NULL;	-- one of them does not parse: find which, one by one
	END;
	FOR i IN 1 .. array_length(p_values, 1) LOOP
		BEGIN
			t := p_values[i]::timestamptz;
		EXCEPTION WHEN data_exception THEN
			RETURN i;
		END;
	END LOOP;
	RETURN 0;
END $$;
