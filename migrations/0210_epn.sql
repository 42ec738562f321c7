-- The directory of public digital spaces (espaces publics numériques,
-- EPN) and the tour of the mobile EPN (issue 12, item 1). The mediators
-- (items 2 to 5) will hang from epns.id.
--
-- A stop belongs to a mobile EPN by construction: epn_stops carries the
-- kind of its EPN, fixed to 'mobile', and the foreign key names both the
-- id and the kind, so neither a stop of a fixed EPN nor an EPN turned
-- fixed while it has stops can exist (no trigger needed).

CREATE TABLE epns (
	id		bigserial PRIMARY KEY,	-- the EPN's number, in URLs and on the command line
	name		text NOT NULL		-- "Médiathèque Jean-Zay", as the public knows it
	    CHECK (btrim(name) <> '' AND length(name) <= 120),
	commune		text NOT NULL		-- the commune it stands in (a mobile EPN: its base)
	    CHECK (btrim(commune) <> '' AND length(commune) <= 80),
	territory_code	text NOT NULL		-- its département: one of the region's six, never 'HR'
	    REFERENCES territories (code) CHECK (territory_code <> 'HR'),
	address		text NOT NULL DEFAULT ''	-- street address, '' when not given
	    CHECK (length(address) <= 200),
	hours		text NOT NULL DEFAULT ''	-- opening hours as the EPN words them, '' when not given
	    CHECK (length(hours) <= 500),
	kind		text NOT NULL DEFAULT 'fixed'	-- 'fixed' (a place) or 'mobile' (a vehicle on tour)
	    CHECK (kind IN ('fixed', 'mobile')),
	active		boolean NOT NULL DEFAULT true,	-- false: kept for history, no longer listed publicly
	created_at	timestamptz NOT NULL DEFAULT now(),	-- when it was registered
	updated_at	timestamptz NOT NULL DEFAULT now(),	-- last change of any column (the feed's DTSTAMP)
	UNIQUE (id, kind)			-- the target of epn_stops' foreign key
);
COMMENT ON TABLE epns IS 'Public digital spaces (EPN), fixed or mobile (issue 12).';

-- One EPN per name in a commune, whatever the case: `agora epn add` run
-- twice does not register it twice.
CREATE UNIQUE INDEX epns_name_commune ON epns (lower(name), lower(commune));
CREATE INDEX epns_territory ON epns (territory_code);

CREATE TABLE epn_stops (
	id		bigserial PRIMARY KEY,	-- the stop's number (the feed's UID is made of it)
	epn_id		bigint NOT NULL,	-- the mobile EPN that stops there
	epn_kind	text NOT NULL DEFAULT 'mobile'	-- always 'mobile': with epn_id, the foreign key
	    CHECK (epn_kind = 'mobile'),
	commune		text NOT NULL		-- the commune visited
	    CHECK (btrim(commune) <> '' AND length(commune) <= 80),
	place		text NOT NULL		-- where in it: "place de la mairie"
	    CHECK (btrim(place) <> '' AND length(place) <= 200),
	day		date NOT NULL,		-- the day of the stop (Europe/Paris)
	starts		time NOT NULL,		-- arrival, local time
	ends		time NOT NULL,		-- departure, local time, after arrival
	created_at	timestamptz NOT NULL DEFAULT now(),	-- when it was scheduled
	CHECK (ends > starts),
	UNIQUE (epn_id, day, starts),
	FOREIGN KEY (epn_id, epn_kind) REFERENCES epns (id, kind) ON DELETE CASCADE
);
COMMENT ON TABLE epn_stops IS 'The tour of the mobile EPNs: one row per stop (issue 12).';

-- The next stops of every mobile EPN, from today: the public page and the feed.
CREATE INDEX epn_stops_day ON epn_stops (day, starts);
