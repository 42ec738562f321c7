-- The citations of each version of a council opinion (issue 16, item 3),
-- as the syntheses keep theirs (synthesis_citations, 0300): checked and
-- written by council_draft_add() in the save's statement, from the
-- citations the C parser found (citations_parse(), app/core/synthesis.c).
-- A published opinion's citations are those of its adopted version
-- (council_opinions.draft_id), so "cited in the council's opinion" on a
-- contribution's page is an indexed lookup, not a pattern over every
-- published text.

CREATE TABLE council_draft_citations (
	draft_id	bigint NOT NULL REFERENCES council_drafts(id),
	contribution_id	bigint NOT NULL REFERENCES contributions(id),
	first_line	integer NOT NULL CHECK (first_line >= 1),
	rank		integer NOT NULL CHECK (rank >= 1),
	PRIMARY KEY (draft_id, contribution_id),
	UNIQUE (draft_id, rank)
);
COMMENT ON TABLE council_draft_citations IS 'the contributions a version of a council opinion cites ([#N]), as checked when it was saved';
COMMENT ON COLUMN council_draft_citations.draft_id IS 'the version';
COMMENT ON COLUMN council_draft_citations.contribution_id IS 'the contribution cited (public, of one of the referral''s themes, when saved)';
COMMENT ON COLUMN council_draft_citations.first_line IS 'line of its first citation in the text';
COMMENT ON COLUMN council_draft_citations.rank IS '1, 2, ... in the order of the first citations in the text';
CREATE INDEX council_draft_citations_contribution
	ON council_draft_citations (contribution_id);

-- The versions written before: their citations read from the text as
-- council_cited() reads them (the same pattern as the C parser's), for
-- the contributions that exist.
INSERT INTO council_draft_citations (draft_id, contribution_id, first_line,
    rank)
SELECT f.draft_id, f.id, f.line,
    row_number() OVER (PARTITION BY f.draft_id ORDER BY f.line, f.o)
FROM (SELECT d.id AS draft_id, m[1]::bigint AS id, min(x.n) AS line,
	min(x.n * 100000 + o.o) AS o
    FROM council_drafts d,
	regexp_split_to_table(d.body, E'\n') WITH ORDINALITY AS x(t, n),
	regexp_matches(x.t, '\[#([1-9][0-9]{0,11})\]', 'g')
	WITH ORDINALITY AS o(m, o)
    GROUP BY d.id, m[1]::bigint) f
WHERE EXISTS (SELECT 1 FROM contributions c WHERE c.id = f.id);
-- From a citation to the opinion that adopted its version.
CREATE INDEX council_opinions_draft ON council_opinions (draft_id);
