-- The opinion map (issue 15): the votes of imported Pol.is participants,
-- and the stored result of `agora opinion-map`.
--
-- Imported participants are not accounts. Their votes live apart from
-- `votes` (which needs a users row and moves the counters, the report
-- rollups and the open data's "votes cast here" columns): a Pol.is
-- participant cannot sign in, be purged, vote here, or pass for someone
-- registered here, and the open data keeps saying which votes were cast on
-- Agora. One person, one vote holds in each source as it does in `votes`:
-- one row per participant and proposal (the primary key), the latest vote
-- the source recorded.

CREATE TABLE imported_participants (
	id		bigserial PRIMARY KEY, -- the pseudonymous participant
	consultation_id	bigint NOT NULL REFERENCES consultations(id), -- the archive they took part in
	source		text NOT NULL,	-- consultations.source of the import
	source_id	text NOT NULL,	-- their id on the source (Pol.is voter-id)
	UNIQUE (consultation_id, source_id)
);

CREATE TABLE imported_votes (
	participant_id	bigint NOT NULL REFERENCES imported_participants(id), -- who
	contribution_id	bigint NOT NULL REFERENCES contributions(id), -- on which proposal
	choice		text NOT NULL CHECK (choice IN ('agree', 'mixed', 'disagree')), -- agree / pass / disagree on the source
	voted_at	timestamptz NOT NULL, -- when the source recorded that (latest) vote
	PRIMARY KEY (participant_id, contribution_id) -- one voice per participant and proposal
);
CREATE INDEX imported_votes_contribution ON imported_votes (contribution_id);

-- One computed map per scope (a theme, or a whole consultation when
-- theme_id is NULL); `agora opinion-map` replaces it.
CREATE TABLE opinion_maps (
	id		bigserial PRIMARY KEY, -- the computation
	consultation_id	bigint NOT NULL REFERENCES consultations(id), -- scope: the consultation
	theme_id	integer REFERENCES themes(id), -- scope: the theme; NULL for the whole consultation
	computed_at	timestamptz NOT NULL DEFAULT now(), -- when it was computed
	votes_seen	bigint NOT NULL, -- votes read (the refresh compares with today's count)
	voters		integer NOT NULL, -- people with a vote
	steering	integer NOT NULL, -- people with enough votes to steer the map
	statements	integer NOT NULL, -- proposals with a vote (the sparsity scaling's numerator)
	reason		text NOT NULL CHECK (reason IN ('mapped', 'no_votes',
			'one_voter', 'one_statement', 'too_few_votes',
			'too_few_voters', 'identical')), -- mapped, or why no map was drawn
	k		smallint NOT NULL DEFAULT 0, -- groups found (0 when not mapped)
	silhouette	double precision, -- of the groups kept; NULL when not mapped
	x_min		double precision, -- the chart's frame: positions' extent
	x_max		double precision, -- idem
	y_min		double precision, -- idem
	y_max		double precision, -- idem
	seconds		double precision NOT NULL DEFAULT 0 -- computing time (the maths only)
);
CREATE UNIQUE INDEX opinion_maps_theme ON opinion_maps (theme_id)
	WHERE theme_id IS NOT NULL;
CREATE UNIQUE INDEX opinion_maps_consultation ON opinion_maps (consultation_id)
	WHERE theme_id IS NULL;

-- Each group: its size (10 people or more: the core refuses smaller ones)
-- and its centre. Never who is in it.
CREATE TABLE opinion_groups (
	map_id		bigint NOT NULL REFERENCES opinion_maps(id) ON DELETE CASCADE, -- the map
	grp		smallint NOT NULL, -- 0-based, by decreasing size
	size		integer NOT NULL, -- steering people in it
	center_x	double precision NOT NULL, -- mean position
	center_y	double precision NOT NULL, -- idem
	PRIMARY KEY (map_id, grp)
);

-- Every proposal with a vote: its imputed mean and its coordinates on the
-- two components, so that a signed-in person's own votes can be placed on
-- the map when they look at their account (nothing per person is stored).
CREATE TABLE opinion_statements (
	map_id		bigint NOT NULL REFERENCES opinion_maps(id) ON DELETE CASCADE, -- the map
	contribution_id	bigint NOT NULL REFERENCES contributions(id), -- the proposal
	mean		double precision NOT NULL, -- mean vote of the steering people (-1..1)
	c1		double precision NOT NULL, -- first component
	c2		double precision NOT NULL, -- second component
	consensus	double precision NOT NULL, -- group-aware consensus score
	PRIMARY KEY (map_id, contribution_id)
);

-- What the page lists: per group, the proposals that set it apart
-- (grp >= 0), and the proposals every group supports (grp = -1).
CREATE TABLE opinion_highlights (
	map_id		bigint NOT NULL REFERENCES opinion_maps(id) ON DELETE CASCADE, -- the map
	grp		smallint NOT NULL, -- the group; -1: consensus
	rank		smallint NOT NULL, -- 1 = first shown
	contribution_id	bigint NOT NULL REFERENCES contributions(id), -- the proposal
	side		text NOT NULL CHECK (side IN ('agree', 'disagree')), -- which way (consensus: agree)
	n_success	integer NOT NULL, -- the group's votes on that side (consensus: all groups)
	n_trials	integer NOT NULL, -- the group's votes on it (consensus: all groups)
	rest_success	integer NOT NULL, -- the other groups' votes on that side (consensus: 0)
	rest_trials	integer NOT NULL, -- the other groups' votes on it (consensus: 0)
	score		double precision NOT NULL, -- repness, or the consensus score
	significant	boolean NOT NULL, -- passed the 90 % tests (README)
	PRIMARY KEY (map_id, grp, rank)
);

-- The chart: positions rounded to a grid of cells, with how many people
-- of each group fall in each cell. Aggregates only, no participant.
CREATE TABLE opinion_cells (
	map_id		bigint NOT NULL REFERENCES opinion_maps(id) ON DELETE CASCADE, -- the map
	cx		smallint NOT NULL, -- column, 0 .. 39 from x_min to x_max
	cy		smallint NOT NULL, -- row, 0 .. 39 from y_min to y_max
	grp		smallint NOT NULL, -- the group; -1: placed, but too few votes to steer
	people		integer NOT NULL, -- how many
	PRIMARY KEY (map_id, cx, cy, grp)
);
