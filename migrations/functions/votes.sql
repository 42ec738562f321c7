-- Votes: the counters of each proposal (proposal_votes, migration 0380),
-- kept equal to count(*) of votes by the triggers of votes, and the row of
-- counters every proposal gets at its insert. participation_vote() and the
-- other writers of votes are in participation.sql, assisted.sql and
-- franceconnect.sql; the report rollups of votes in reports.sql.
--
-- Applied by `agora migrate` after the numbered migrations, each time: to
-- change a function, edit it here (a changed signature is a DROP first).

-- Keeps proposal_votes (one narrow row per proposal, migration 0380)
-- equal to count(*) of votes, in the same transaction as the vote itself.
-- A changed choice is one update of the row, not two.
CREATE OR REPLACE FUNCTION votes_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.contribution_id = NEW.contribution_id THEN
		UPDATE proposal_votes SET
		    votes_agree = votes_agree + (NEW.choice = 'agree')::int
			- (OLD.choice = 'agree')::int,
		    votes_mixed = votes_mixed + (NEW.choice = 'mixed')::int
			- (OLD.choice = 'mixed')::int,
		    votes_disagree = votes_disagree
			+ (NEW.choice = 'disagree')::int
			- (OLD.choice = 'disagree')::int
		WHERE contribution_id = NEW.contribution_id;
		RETURN NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		UPDATE proposal_votes SET
		    votes_agree = votes_agree - (OLD.choice = 'agree')::int,
		    votes_mixed = votes_mixed - (OLD.choice = 'mixed')::int,
		    votes_disagree = votes_disagree - (OLD.choice = 'disagree')::int
		WHERE contribution_id = OLD.contribution_id;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		UPDATE proposal_votes SET
		    votes_agree = votes_agree + (NEW.choice = 'agree')::int,
		    votes_mixed = votes_mixed + (NEW.choice = 'mixed')::int,
		    votes_disagree = votes_disagree + (NEW.choice = 'disagree')::int
		WHERE contribution_id = NEW.contribution_id;
	END IF;
	RETURN NULL;
END $$;

-- Every proposal has its row of counters from its insert on (whatever
-- inserts it: the pages, the imports, agora generate), and keeps its
-- theme there for the orders.
CREATE OR REPLACE FUNCTION proposal_votes_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO proposal_votes (contribution_id, theme_id)
		VALUES (NEW.id, NEW.theme_id);
	ELSE
		UPDATE proposal_votes SET theme_id = NEW.theme_id
		WHERE contribution_id = NEW.id;
	END IF;
	RETURN NULL;
END $$;

-- The scores of a row of counters, from the counters, whoever writes
-- them (votes_count(), a recount, agora generate): its total, the order
-- "accord" (Wilson lower bound of agree among all three) and the report's
-- divided order (of the smaller of agree and disagree among both; 0
-- unless both). Plain columns set here rather than generated ones
-- (migration 0460): a generated column's expression is prepared again
-- at every statement, this function's once per session.
CREATE OR REPLACE FUNCTION proposal_votes_scores() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	NEW.votes_total := NEW.votes_agree + NEW.votes_mixed + NEW.votes_disagree;
	NEW.agree_score := wilson_lower_bound(NEW.votes_agree, NEW.votes_total);
	NEW.divided_score := CASE WHEN NEW.votes_agree > 0 AND NEW.votes_disagree > 0
	    THEN wilson_lower_bound(least(NEW.votes_agree, NEW.votes_disagree),
	    NEW.votes_agree + NEW.votes_disagree) ELSE 0 END;
	RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER proposal_votes_scores BEFORE INSERT OR UPDATE
	ON proposal_votes
	FOR EACH ROW
	EXECUTE FUNCTION proposal_votes_scores();

CREATE OR REPLACE TRIGGER proposal_votes_row AFTER INSERT
	ON contributions
	FOR EACH ROW
	WHEN (NEW.kind = 'proposal')
	EXECUTE FUNCTION proposal_votes_row();

CREATE OR REPLACE TRIGGER proposal_votes_theme AFTER UPDATE OF theme_id
	ON contributions
	FOR EACH ROW
	WHEN (NEW.kind = 'proposal' AND OLD.theme_id IS DISTINCT FROM NEW.theme_id)
	EXECUTE FUNCTION proposal_votes_row();

CREATE OR REPLACE TRIGGER votes_count AFTER INSERT OR DELETE
	ON votes
	FOR EACH ROW
	EXECUTE FUNCTION votes_count();

CREATE OR REPLACE TRIGGER votes_count_change AFTER UPDATE
	ON votes
	FOR EACH ROW
	WHEN (((old.choice IS DISTINCT FROM new.choice) OR (old.contribution_id IS DISTINCT FROM new.contribution_id)))
	EXECUTE FUNCTION votes_count();
