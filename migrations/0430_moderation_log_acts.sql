-- The moderation log, form 3 (issue 16): the public acts of the syntheses
-- and of the council are dated and logged in the same hash chain as the
-- moderation decisions, so that anyone can check from the open data when
-- a synthesis or an opinion was made public, by whom (a pseudonym) and
-- which text: the publication of a synthesis's version, of the council's
-- adopted opinion (with its tally), of the Region's response to it.
--
-- A form-3 row has the fields of form 2 and two more, chained too:
-- subject, what the act is about ("synthese:SLUG:NUMBER",
-- "avis:ID:ADOPTED-ON:FOR:AGAINST:ABSTAINING", "reponse:ID"), and
-- text_hash, the hex SHA-256 of the Markdown text made public (the
-- "texte" of /export/syntheses.json and /export/conseil.json). Rows of
-- forms 1 and 2 keep their hash and have neither.

ALTER TABLE moderation_log
	ADD COLUMN subject text			-- form 3: what the act is about, chained
		CHECK (subject ~ '^[a-z0-9:_-]{1,200}$'),
	ADD COLUMN text_hash text		-- form 3: SHA-256 of the text made public, chained
		CHECK (text_hash ~ '^[0-9a-f]{64}$');
COMMENT ON COLUMN moderation_log.subject IS 'form 3: what a public act is about: synthese:SLUG:VERSION, avis:REFERRAL:ADOPTED_ON:FOR:AGAINST:ABSTAINING, reponse:REFERRAL';
COMMENT ON COLUMN moderation_log.text_hash IS 'form 3: hex SHA-256 of the Markdown text the act made public';

ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_form_check;
ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_form_check
	CHECK (form IN (1, 2, 3));

-- Form 3 is a public act: an actor (both ways), a subject and a text,
-- never a contribution, a note, a rule or a queue.
ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_form_fields;
ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_form_fields CHECK (
	CASE form WHEN 1 THEN moderator_ref IS NULL AND note_mac IS NULL
	    AND subject IS NULL AND text_hash IS NULL
	WHEN 2 THEN note IS NULL AND note_erased_at IS NULL
	    AND (moderator_id IS NULL) = (moderator_ref IS NULL)
	    AND coalesce(from_status, 'x') ~ '^[a-z_]{1,32}$'
	    AND coalesce(to_status, 'x') ~ '^[a-z_]{1,32}$'
	    AND subject IS NULL AND text_hash IS NULL
	ELSE note IS NULL AND note_erased_at IS NULL AND note_mac IS NULL
	    AND moderator_id IS NOT NULL AND moderator_ref IS NOT NULL
	    AND contribution_id IS NULL AND rule_code IS NULL
	    AND queued_at IS NULL
	    AND coalesce(from_status, 'x') ~ '^[a-z_]{1,32}$'
	    AND coalesce(to_status, 'x') ~ '^[a-z_]{1,32}$'
	    AND subject IS NOT NULL AND text_hash IS NOT NULL END);

ALTER TABLE moderation_log DROP CONSTRAINT moderation_log_action_check;
ALTER TABLE moderation_log ADD CONSTRAINT moderation_log_action_check
	CHECK (action IN ('publish', 'hide', 'reject', 'restore', 'threshold',
	    'mode', 'appeal', 'vote_fc', 'synthesis_publish',
	    'opinion_publish', 'opinion_response'));
CREATE INDEX moderation_log_subject ON moderation_log (subject)
	WHERE subject IS NOT NULL;
