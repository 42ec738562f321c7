-- Open data, imports and official answers (issue 6): tallies imported from
-- other platforms, the Region's official answers to proposals, and the
-- ranking function of the reports.

-- Vote and argument counts of imported contributions. They are tallies made
-- on another platform (République numérique, Decidim), not votes of people
-- registered here, so they never go into the votes table: reports and
-- exports show them beside the live counters, labelled as imported.
CREATE TABLE imported_tallies (
	contribution_id	bigint PRIMARY KEY REFERENCES contributions(id),
	agree		integer,		-- "d'accord" (République numérique votes_ok)
	mixed		integer,		-- "mitigé" (votes_mitige)
	disagree	integer,		-- "pas d'accord" (votes_nok)
	votes_total	integer,		-- all votes or supports on the source platform
	arguments_yes	integer,		-- arguments pour counted by the source
	arguments_no	integer,		-- arguments contre counted by the source
	comments	integer,		-- comments counted by the source (Decidim)
	alignment	smallint,		-- Decidim comment: 1 pour, 0 neutre, -1 contre
	source		text NOT NULL,		-- same as contributions.source
	url		text			-- the page on the source platform
);

-- The Region's answer to a proposal: one per proposal, written by an
-- official, changeable (updated_at).
CREATE TABLE IF NOT EXISTS official_answers (
	contribution_id	bigint PRIMARY KEY REFERENCES contributions(id), -- the proposal
	status		text NOT NULL CHECK (status IN
			('retenue', 'a_l_etude', 'non_retenue', 'deja_en_cours')),
	body		text NOT NULL,		-- Markdown source
	body_html	text NOT NULL,		-- cmark output
	official_id	bigint NOT NULL REFERENCES users(id), -- who answered
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);

-- wilson_lower_bound(agree, total) comes from 0030_participation.sql: the
-- reports rank "broadest agreement" exactly as the theme page does.


-- The French label of an official answer status, for pages and e-mails.
CREATE OR REPLACE FUNCTION official_answer_label(status text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE status WHEN 'retenue' THEN 'Retenue'
	    WHEN 'a_l_etude' THEN 'À l''étude'
	    WHEN 'non_retenue' THEN 'Non retenue'
	    WHEN 'deja_en_cours' THEN 'Déjà en cours' END
$$;

-- "Recurring terms" of a report: words kept whole (not stemmed, so that
-- they read as words and can be searched again), lower-cased, French stop
-- words removed.
CREATE TEXT SEARCH DICTIONARY agora_terms_dict (
	TEMPLATE = simple, STOPWORDS = french);
CREATE TEXT SEARCH CONFIGURATION agora_terms (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION agora_terms
	ALTER MAPPING FOR asciiword, word, numword, asciihword, hword,
	    numhword, hword_asciipart, hword_part, hword_numpart
	WITH agora_terms_dict;

-- Common French words that PostgreSQL's french stop list lacks (verbs,
-- adverbs): they would crowd the "recurring terms" of every report.
CREATE OR REPLACE FUNCTION report_extra_stopwords() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT ARRAY['être', 'avoir', 'plus', 'moins', 'peut', 'peuvent',
	    'pourrait', 'tout', 'tous', 'toute', 'toutes', 'cette', 'faire',
	    'fait', 'faut', 'comme', 'cela', 'ceci', 'doit', 'doivent',
	    'bien', 'sans', 'donc', 'déjà', 'aussi', 'très', 'leur',
	    'leurs', 'ainsi', 'dont', 'sont', 'mais', 'même', 'autre',
	    'autres', 'entre', 'celle', 'celui', 'ceux', 'celles',
	    'notamment', 'afin', 'chaque', 'encore', 'alors', 'lors',
	    'quand', 'rien', 'selon', 'sous', 'vers', 'avec', 'pour',
	    'dans', 'nous', 'vous', 'elle', 'elles', 'ils', 'faudrait',
	    'serait', 'seraient', 'était', 'étaient', 'avait', 'avaient',
	    'quelle', 'quel', 'quels', 'quelles', 'parce', 'pourquoi',
	    'comment', 'exemple', 'etc', 'cas', 'trop', 'beaucoup', 'peu',
	    'souvent', 'toujours', 'jamais', 'ici', 'là', 'car', 'puis',
	    'non', 'oui', 'lorsque', 'depuis', 'avant', 'après', 'plusieurs',
	    'certains', 'certaines', 'chose', 'choses', 'mettre', 'permet',
	    'permettre', 'semble', 'dire', 'aller', 'voir', 'veut', 'veulent',
	    'http', 'https', 'www']
$$;

-- Near-duplicate proposals in reports: trigram index on titles, used by
-- the % operator (pg_trgm) before the exact similarity test.
CREATE INDEX contributions_title_trgm ON contributions
	USING gin (title gin_trgm_ops) WHERE kind = 'proposal';
