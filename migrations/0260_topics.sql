-- Topics (issue 16, item 1): what `agora topics` found in the text of each
-- theme's public proposals (app/core/topics.h: TF-IDF of PostgreSQL's
-- French stems, spherical k-means, k by the best silhouette). One stored
-- run per theme, replaced by the next; the report page reads only these
-- tables, never the proposals themselves.

CREATE TABLE topic_runs (
	id		bigserial PRIMARY KEY, -- the computation
	theme_id	integer NOT NULL UNIQUE REFERENCES themes(id), -- the theme (of any consultation)
	computed_at	timestamptz NOT NULL DEFAULT now(), -- when it was computed
	proposals	integer NOT NULL, -- public proposals read
	classified	integer NOT NULL, -- of those, with at least one shared term
	terms		integer NOT NULL, -- stems kept (in 2 proposals or more)
	reason		text NOT NULL CHECK (reason IN ('found', 'no_proposals',
			'too_few')), -- found, or why there are no topics
	k		smallint NOT NULL DEFAULT 0, -- topics found (0 when none)
	silhouette	double precision, -- mean silhouette of the k kept; NULL without topics
	seed		bigint NOT NULL, -- the random seed of k-means++ (fixed)
	seconds		double precision NOT NULL DEFAULT 0 -- computing time (the maths only)
);

-- Each topic: its size and its vote balance (the members' counters summed
-- when it was computed: for an imported proposal, the source's tallies).
CREATE TABLE topics (
	run_id		bigint NOT NULL REFERENCES topic_runs(id) ON DELETE CASCADE, -- the run
	topic		smallint NOT NULL, -- 0-based, by decreasing size
	size		integer NOT NULL, -- proposals in it
	votes_agree	bigint NOT NULL, -- sum of its proposals' "d'accord"
	votes_mixed	bigint NOT NULL, -- sum of their "mitigé"
	votes_disagree	bigint NOT NULL, -- sum of their "pas d'accord"
	PRIMARY KEY (run_id, topic)
);

-- A topic's label: its most distinctive stems, each shown by the word
-- people wrote most often for it.
CREATE TABLE topic_terms (
	run_id		bigint NOT NULL REFERENCES topic_runs(id) ON DELETE CASCADE, -- the run
	topic		smallint NOT NULL, -- the topic
	rank		smallint NOT NULL, -- 1 = most distinctive
	stem		text NOT NULL, -- the fr_unaccent lexeme
	word		text NOT NULL, -- its most frequent surface form in the theme
	score		double precision NOT NULL, -- centre weight minus the other centres' mean
	PRIMARY KEY (run_id, topic, rank)
);

-- Every proposal the run read: its topic (NULL: no shared term, not
-- classified), its closeness to the topic's centre and the terms it was
-- computed from, so the open data can recompute the assignment.
CREATE TABLE topic_members (
	run_id		bigint NOT NULL REFERENCES topic_runs(id) ON DELETE CASCADE, -- the run
	contribution_id	bigint NOT NULL REFERENCES contributions(id), -- the proposal
	topic		smallint, -- its topic; NULL when not classified
	similarity	double precision, -- cosine to the topic's centre; NULL when not classified
	rank		integer, -- 1 = closest to the centre in its topic; NULL when not classified
	terms		text NOT NULL, -- "stem:count" separated by spaces, stems in byte order
	PRIMARY KEY (run_id, contribution_id)
);
CREATE INDEX topic_members_rank ON topic_members (run_id, topic, rank);
