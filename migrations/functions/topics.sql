-- Topics (issue 16): the terms `agora topics` reads, and the words that
-- show its stems.
--
-- The current text of each function of the area, applied by `agora
-- migrate` after the numbered migrations, each time (see imports.sql).

-- Every stem of every public proposal of theme p_theme with its number of
-- occurrences, from the stored search vector (title and text through the
-- fr_unaccent configuration: French Snowball stems, accents removed, stop
-- words dropped). Stems of fewer than 3 characters and numbers are left
-- out. A proposal without any stem still has one row, stem NULL, so that
-- it is counted. Ordered by proposal, then stem in byte order.
CREATE OR REPLACE FUNCTION topic_terms(p_theme integer)
RETURNS TABLE (contribution_id bigint, stem text, n integer)
LANGUAGE sql STABLE AS $$
	SELECT c.id, t.lexeme, t.n
	FROM contributions c
	LEFT JOIN LATERAL (
		SELECT s.lexeme, cardinality(s.positions) AS n
		FROM unnest(c.search) s
		WHERE length(s.lexeme) >= 3 AND s.lexeme !~ '^[0-9]+$'
	) t ON true
	WHERE c.theme_id = p_theme AND c.kind = 'proposal' AND c.is_public
	ORDER BY c.id, t.lexeme COLLATE "C"
$$;

-- For each stem of p_stems, the word the theme's public proposals use
-- most often for it (in lower case, accents kept; the first in
-- alphabetical order on ties): each word of their title and text, as the
-- default parser cuts it (ts_parse), stemmed alone through the same
-- configuration (a hyphenated compound: its own, hyphenated, lexeme). What a label shows instead of a bare stem. (ts_debug
-- would report unaccent's output, not the stem, for accented words.)
CREATE OR REPLACE FUNCTION topic_words(p_theme integer, p_stems text[])
RETURNS TABLE (stem text, word text)
LANGUAGE sql STABLE AS $$
	SELECT DISTINCT ON (d.stem) d.stem, d.word
	FROM (
		SELECT v.stem, lower(x.token) AS word
		FROM contributions c,
		    ts_parse('default', coalesce(c.title, '') || ' ' || c.body) x,
		    LATERAL (SELECT CASE WHEN x.tokid IN (15, 16, 17)
		        THEN (SELECT l FROM unnest(a.lexemes) l
		              WHERE l LIKE '%-%' LIMIT 1)
		        WHEN cardinality(a.lexemes) = 1 THEN a.lexemes[1] END AS stem
		        FROM (SELECT tsvector_to_array(to_tsvector('fr_unaccent',
		        x.token)) AS lexemes) a) v
		WHERE c.theme_id = p_theme AND c.kind = 'proposal' AND c.is_public
		  -- words: ascii, any letters, with digits, their hyphenated
		  -- parts and the hyphenated compounds (ts_token_type)
		  AND x.tokid IN (1, 2, 3, 9, 10, 11, 15, 16, 17)
		  AND v.stem = ANY (p_stems)
	) d
	GROUP BY d.stem, d.word
	ORDER BY d.stem, count(*) DESC, d.word
$$;
