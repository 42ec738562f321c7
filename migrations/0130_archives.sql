-- Archived consultations (issue 10): a consultation imported from another
-- platform (consultations.source set) is an archive. It is read-only (no
-- vote, argument, comment or official answer: participation_refusal says
-- 'archived'), it says where it comes from (platform, original page,
-- licence), and its listings and reports can rank by the source platform's
-- tallies (imported_tallies) through indexes and a rollup, never by reading
-- every contribution of a theme at each request.

ALTER TABLE consultations
	-- archives: the platform as a visitor knows it ("republique-numerique.fr")
	ADD COLUMN source_name text,
	-- archives: the original consultation's page (http or https)
	ADD COLUMN source_url text,
	-- archives: licence and provenance of the imported files, plain text
	ADD COLUMN source_licence text;

-- The two formats imported before this migration (agora import writes the
-- same for new imports: app/cli/import_rn.c, app/cli/import_decidim.c).
UPDATE consultations SET
	source_name = 'republique-numerique.fr',
	source_url = 'https://www.republique-numerique.fr/consultations/projet-de-loi-numerique',
	source_licence = 'Les mêmes contributions sont publiées en données '
	    'ouvertes par l''État sur data.gouv.fr sous Licence Ouverte '
	    '(fichier projet-de-loi-numerique-consultation-anonyme.csv, '
	    'contributeurs anonymisés). Les fichiers importés ici viennent '
	    'd''un relevé de l''API publique de la plateforme fait le '
	    '18 octobre 2015, jour de la clôture (dépôt '
	    'github.com/Lucas-C/republique-numerique-stats, sans licence '
	    'déclarée) ; les noms des contributeurs n''y sont pas repris.'
	WHERE source = 'republique-numerique-2015' AND source_name IS NULL;
UPDATE consultations SET
	source_name = 'Decidim de la Métropole Européenne de Lille '
	    '(participation.lillemetropole.fr)',
	source_url = 'http://participation.lillemetropole.fr/processes/granddebatmel',
	source_licence = 'Exports ouverts standard de Decidim, publiés pour '
	    'le datathon du Grand Débat de mars 2019 (dépôt '
	    'github.com/OpenSourcePolitics/datathon-grand-debat, sous '
	    'licence GPL-3.0 ; aucune licence propre aux données n''y est '
	    'indiquée). Les noms des contributeurs ne sont pas repris.'
	WHERE source = 'decidim-grand-debat-2019' AND source_name IS NULL;

-- Whether a consultation is an archive: imported from another platform.
CREATE FUNCTION consultation_archived(c consultations) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT c.source IS NOT NULL
$$;

-- The tallies' theme and kind, copied from their contribution when it is
-- imported (an imported contribution never changes theme or kind), so that
-- an index can rank one theme's proposals by the source's counts.
ALTER TABLE imported_tallies
	-- the contribution's theme (contributions.theme_id)
	ADD COLUMN theme_id integer REFERENCES themes(id),
	-- the contribution's kind (contributions.kind)
	ADD COLUMN kind text CHECK (kind IN ('proposal', 'argument', 'comment'));
UPDATE imported_tallies t SET theme_id = c.theme_id, kind = c.kind
	FROM contributions c WHERE c.id = t.contribution_id;
ALTER TABLE imported_tallies ALTER COLUMN theme_id SET NOT NULL,
	ALTER COLUMN kind SET NOT NULL;

-- Listing sorts and report tops of an archive's theme (NULLS LAST: a
-- Decidim debate has no supports, a Decidim proposal no agree split).
CREATE INDEX imported_proposals_votes ON imported_tallies
	(theme_id, votes_total DESC NULLS LAST, contribution_id DESC)
	WHERE kind = 'proposal';
CREATE INDEX imported_proposals_agree ON imported_tallies
	(theme_id, wilson_lower_bound(agree, agree + mixed + disagree)
	DESC NULLS LAST, contribution_id DESC)
	WHERE kind = 'proposal';
CREATE INDEX imported_proposals_divided ON imported_tallies
	(theme_id, wilson_lower_bound(least(agree, disagree), agree + disagree)
	DESC, contribution_id)
	WHERE kind = 'proposal' AND agree > 0 AND disagree > 0;

-- Per theme: the source platform's tallies of its published imported
-- proposals, summed (the report of an archived theme reads one row).
CREATE TABLE report_source_tallies (
	theme_id	integer PRIMARY KEY REFERENCES themes(id) ON DELETE CASCADE, -- the theme
	proposals	bigint NOT NULL DEFAULT 0, -- published imported proposals with tallies
	split		bigint NOT NULL DEFAULT 0, -- ... of which with a d'accord / mitigé / pas d'accord split
	agree		bigint NOT NULL DEFAULT 0, -- sum of imported_tallies.agree
	mixed		bigint NOT NULL DEFAULT 0, -- sum of imported_tallies.mixed
	disagree	bigint NOT NULL DEFAULT 0, -- sum of imported_tallies.disagree
	votes		bigint NOT NULL DEFAULT 0, -- sum of imported_tallies.votes_total (votes or supports)
	comments	bigint NOT NULL DEFAULT 0  -- sum of imported_tallies.comments declared by the source
);

-- Adds sign times the tallies of the proposals ids (published ones when
-- sign > 0 was computed by the caller) to report_source_tallies.
CREATE FUNCTION report_source_tallies_add(p_ids bigint[], p_sign integer)
RETURNS void LANGUAGE sql AS $$
	INSERT INTO report_source_tallies AS r (theme_id, proposals, split,
	    agree, mixed, disagree, votes, comments)
	SELECT t.theme_id, p_sign * count(*),
	    p_sign * count(*) FILTER (WHERE t.agree IS NOT NULL),
	    p_sign * coalesce(sum(t.agree), 0), p_sign * coalesce(sum(t.mixed), 0),
	    p_sign * coalesce(sum(t.disagree), 0),
	    p_sign * coalesce(sum(t.votes_total), 0),
	    p_sign * coalesce(sum(t.comments), 0)
	FROM imported_tallies t WHERE t.contribution_id = ANY (p_ids)
	AND t.kind = 'proposal' GROUP BY t.theme_id ORDER BY t.theme_id
	ON CONFLICT (theme_id) DO UPDATE SET
	    proposals = r.proposals + excluded.proposals,
	    split = r.split + excluded.split, agree = r.agree + excluded.agree,
	    mixed = r.mixed + excluded.mixed,
	    disagree = r.disagree + excluded.disagree,
	    votes = r.votes + excluded.votes,
	    comments = r.comments + excluded.comments
$$;

-- New tallies (an import): those of published proposals count.
CREATE FUNCTION report_source_tallies_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM report_source_tallies_add(array_agg(n.contribution_id), 1)
	FROM new_rows n JOIN contributions c ON c.id = n.contribution_id
	WHERE n.kind = 'proposal' AND c.status = 'published'
	HAVING count(*) > 0;
	RETURN NULL;
END $$;
CREATE TRIGGER report_source_tallies_ins AFTER INSERT ON imported_tallies
	REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION report_source_tallies_insert();

-- A moderation decision on an imported proposal: its tallies enter or
-- leave the sums. Only imported rows whose status changes fire it.
CREATE FUNCTION report_source_tallies_status() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.status = 'published' THEN
		PERFORM report_source_tallies_add(ARRAY[NEW.id], 1);
	ELSIF OLD.status = 'published' THEN
		PERFORM report_source_tallies_add(ARRAY[NEW.id], -1);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER report_source_tallies_status AFTER UPDATE OF status
	ON contributions FOR EACH ROW
	WHEN (OLD.status IS DISTINCT FROM NEW.status AND NEW.source IS NOT NULL
	    AND NEW.kind = 'proposal')
	EXECUTE FUNCTION report_source_tallies_status();

-- Recomputes report_source_tallies from imported_tallies and contributions
-- (agora refresh-reports --rebuild).
CREATE FUNCTION report_source_tallies_rebuild() RETURNS void
LANGUAGE sql AS $$
	DELETE FROM report_source_tallies;
	SELECT report_source_tallies_add(array_agg(c.id), 1)
	FROM contributions c JOIN imported_tallies t ON t.contribution_id = c.id
	WHERE c.kind = 'proposal' AND c.status = 'published'
	HAVING count(*) > 0;
$$;
SELECT report_source_tallies_rebuild();

-- Why a contribution, vote or mark is refused on a proposal, or NULL when
-- it may be written: 'archived' (an imported consultation: read-only),
-- 'upcoming' / 'closed' (consultation dates), 'unpublished' (pending,
-- hidden or rejected), 'missing'. Redefines the function of
-- 0030_participation.sql, adding 'archived' first.
CREATE OR REPLACE FUNCTION participation_refusal(p_proposal bigint)
RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
	v_status text;
	v_phase text;
	v_archived boolean;
BEGIN
	SELECT p.status, consultation_phase(c), consultation_archived(c)
	    INTO v_status, v_phase, v_archived
	    FROM contributions p JOIN consultations c ON c.id = p.consultation_id
	    WHERE p.id = p_proposal AND p.kind = 'proposal';
	IF NOT FOUND THEN
		RETURN 'missing';
	ELSIF v_archived THEN
		RETURN 'archived';
	ELSIF v_phase <> 'open' THEN
		RETURN v_phase;
	ELSIF v_status <> 'published' THEN
		RETURN 'unpublished';
	END IF;
	RETURN NULL;
END $$;
