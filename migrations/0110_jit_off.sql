-- PostgreSQL's JIT compiler pays off for long analytical scans, not for a
-- web application's millisecond queries: its compile time (40 to 170 ms)
-- was most of several pages' time at Grand Débat scale, whenever a large
-- table's estimates crossed jit_above_cost (the report index, the API's
-- totals). Off for every session of this database; the database's owner
-- (who runs the migrations) may set it.
DO $$
BEGIN
	EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
END $$;
