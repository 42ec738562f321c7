-- Notifications beyond moderation decisions, following, e-mail preferences
-- and the daily digest (issue 13, item 8).
--
-- What happens is recorded as an event in the transaction of the change
-- (triggers of migrations/functions/notifications.sql: a contribution
-- entering the public set, a first official answer), never fanned out
-- there: a proposal with 10,000 followers costs a vote or a comment one
-- row. The mail sender's task (app/web/mail/mail.c) then fans each event
-- out in batches (notify_fanout: recipients by ascending account id, a
-- keyset cursor kept on the event), writes the notifications and the
-- immediate mails, and once a day a digest per person (notify_digest).

-- Who follows what: a proposal (its new arguments and comments, its
-- official answer) or a theme (its new proposals).
CREATE TABLE follows (
	user_id		bigint NOT NULL REFERENCES users(id),	-- the follower
	proposal_id	bigint REFERENCES contributions(id),	-- a followed proposal, or NULL
	theme_id	integer REFERENCES themes(id),		-- a followed theme, or NULL
	created_at	timestamptz NOT NULL DEFAULT now(),	-- when the person started following
	CHECK ((proposal_id IS NULL) <> (theme_id IS NULL))
);
COMMENT ON TABLE follows IS 'what a person follows: one proposal or one theme per row';
COMMENT ON COLUMN follows.user_id IS 'the follower';
COMMENT ON COLUMN follows.proposal_id IS 'the followed proposal (NULL when a theme is followed)';
COMMENT ON COLUMN follows.theme_id IS 'the followed theme (NULL when a proposal is followed)';
COMMENT ON COLUMN follows.created_at IS 'when the person started following';
-- The fan-out reads the followers of one proposal or theme in account id
-- order (its keyset cursor); the account page and erasure read by person.
CREATE UNIQUE INDEX follows_proposal ON follows (proposal_id, user_id)
	WHERE proposal_id IS NOT NULL;
CREATE UNIQUE INDEX follows_theme ON follows (theme_id, user_id)
	WHERE theme_id IS NOT NULL;
CREATE INDEX follows_user ON follows (user_id);

-- Something that may concern people other than its author.
CREATE TABLE notification_events (
	id		bigserial PRIMARY KEY,
	kind		text NOT NULL CHECK (kind IN ('contribution', 'answer')),
	contribution_id	bigint NOT NULL REFERENCES contributions(id),
	actor_id	bigint REFERENCES users(id),
	created_at	timestamptz NOT NULL DEFAULT now(),
	fanout_after	bigint NOT NULL DEFAULT 0,
	fanned_out_at	timestamptz,
	UNIQUE (kind, contribution_id)
);
COMMENT ON TABLE notification_events IS 'what may be notified, written by triggers in the transaction of the change, fanned out later by the mail sender';
COMMENT ON COLUMN notification_events.id IS 'event number, in order of creation';
COMMENT ON COLUMN notification_events.kind IS 'contribution: a contribution became public for the first time; answer: a proposal got its first official answer';
COMMENT ON COLUMN notification_events.contribution_id IS 'the new public contribution, or the answered proposal';
COMMENT ON COLUMN notification_events.actor_id IS 'who did it (its author, the official): never notified of it';
COMMENT ON COLUMN notification_events.created_at IS 'when it happened';
COMMENT ON COLUMN notification_events.fanout_after IS 'keyset cursor of the fan-out: recipients with an account id up to this one are done';
COMMENT ON COLUMN notification_events.fanned_out_at IS 'when the last batch of recipients was written; NULL while the fan-out goes on';
CREATE INDEX notification_events_pending ON notification_events (id)
	WHERE fanned_out_at IS NULL;

-- A notification is now of a kind; decisions keep their columns.
ALTER TABLE notifications
	ADD COLUMN kind text NOT NULL DEFAULT 'moderation' CHECK (kind IN
	    ('moderation', 'reply', 'argument', 'answer', 'activity', 'theme')),
	ADD COLUMN event_id bigint REFERENCES notification_events(id),
	ADD COLUMN digest_pending boolean NOT NULL DEFAULT false,
	ALTER COLUMN decision DROP NOT NULL,
	ADD CHECK ((kind = 'moderation') = (decision IS NOT NULL));
COMMENT ON COLUMN notifications.kind IS 'moderation (a decision on my contribution), reply (to my contribution), argument (on my proposal), answer (official, on a proposal I wrote, voted on or follow), activity (on a proposal I follow), theme (a new proposal in a theme I follow)';
COMMENT ON COLUMN notifications.event_id IS 'the event it came from (NULL for a moderation decision)';
COMMENT ON COLUMN notifications.digest_pending IS 'true until the daily digest that lists it is written';
COMMENT ON COLUMN notifications.contribution_id IS 'moderation: my contribution; reply, argument, activity, theme: the new contribution; answer: the answered proposal';
-- One notification per person per event, whatever the fan-out retries.
CREATE UNIQUE INDEX notifications_event_user ON notifications (event_id, user_id)
	WHERE event_id IS NOT NULL;
-- The header's unread count, on every page of a signed-in person.
CREATE INDEX notifications_unread ON notifications (user_id)
	WHERE read_at IS NULL;
CREATE INDEX notifications_digest ON notifications (user_id)
	WHERE digest_pending;

-- E-mail per kind of notification; no row: the kind's default
-- (notify_default_mode).
CREATE TABLE notification_prefs (
	user_id		bigint NOT NULL REFERENCES users(id),
	kind		text NOT NULL CHECK (kind IN
			    ('reply', 'argument', 'answer', 'activity', 'theme')),
	mode		text NOT NULL CHECK (mode IN ('immediate', 'digest', 'none')),
	updated_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (user_id, kind)
);
COMMENT ON TABLE notification_prefs IS 'a person''s choice of e-mail per kind of notification';
COMMENT ON COLUMN notification_prefs.user_id IS 'the person';
COMMENT ON COLUMN notification_prefs.kind IS 'the kind of notification (notifications.kind but moderation)';
COMMENT ON COLUMN notification_prefs.mode IS 'immediate: one mail each; digest: in the daily digest; none: on the site only';
COMMENT ON COLUMN notification_prefs.updated_at IS 'when it was last chosen (account page or one-click unsubscribe)';

-- The last daily digest of each person: one a day at most.
CREATE TABLE notification_digests (
	user_id		bigint PRIMARY KEY REFERENCES users(id),
	sent_on		date NOT NULL
);
COMMENT ON TABLE notification_digests IS 'the day of each person''s last digest (Europe/Paris)';
COMMENT ON COLUMN notification_digests.user_id IS 'the person';
COMMENT ON COLUMN notification_digests.sent_on IS 'the day (Europe/Paris) of the last digest written for them';
