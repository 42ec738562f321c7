-- Privileges: what the application's role may do, object by object.
--
-- `agora migrate` runs this file after the migrations, every time, in its
-- own transaction, as the owner role (agora_owner), which owns every
-- object. The application's role (agora: kore and the everyday commands)
-- owns nothing; it gets exactly what is listed here, so removing a line
-- removes the privilege. Every table, sequence and function of the schema
-- has a line, even when the answer is "nothing": `agora migrate` names the
-- ones that have none, and test_modlog_privileges.py fails on them. A new
-- migration's objects get their line here.
--
-- Tamper-evident data (the moderation log, its notes, its signed heads)
-- and the moderation state the log records (a contribution's status, a
-- consultation's moderation mode and who may vote in it) change only
-- through the SECURITY DEFINER functions listed at the end: owned by the
-- owner, a fixed search_path (pg_temp last, so a temporary object of the
-- caller is never picked up), EXECUTE granted only where the application
-- needs it.

-- The database and the schema: connect and use temporary tables; never
-- create anything.
DO $$
BEGIN
	EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
	EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO agora',
	    current_database());
END $$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO agora;

-- Tables: (name, privileges of agora; '' for none). Column lists are
-- PostgreSQL's: UPDATE (a, b) allows those columns only.
DO $$
DECLARE
	r	record;
BEGIN
	FOR r IN SELECT * FROM (VALUES
	    ('territories',		'SELECT'),
	    -- Who may vote (vote_requires_franceconnect) changes through
	    -- consultation_set_vote_fc() only, which writes the log (0410).
	    ('consultations',		'SELECT, INSERT, UPDATE (opens_at, closes_at)'),
	    ('themes',			'SELECT, INSERT'),
	    ('users',			'SELECT, INSERT, UPDATE'),
	    ('user_roles',		'SELECT, INSERT, DELETE'),
	    ('sessions',		'SELECT, INSERT, UPDATE, DELETE'),
	    -- Not status, nor the moderation columns: moderation_decide().
	    ('contributions',		'SELECT, INSERT, UPDATE (title, body, body_html,'
					' link, territory_code, edited_at, updated_at,'
					' proposal_id, replies, useful)'),
	    -- A proposal's vote counters (0380): kept by votes_count().
	    ('proposal_votes',		'SELECT, INSERT, UPDATE'),
	    ('votes',			'SELECT, INSERT, UPDATE, DELETE'),
	    ('outbox',			'SELECT, INSERT, UPDATE, DELETE'),
	    ('account_tokens',		'SELECT, INSERT, UPDATE, DELETE'),
	    ('rate_events',		'SELECT, INSERT, DELETE'),
	    ('role_changes',		'SELECT, INSERT'),
	    ('contribution_versions',	'SELECT, INSERT'),
	    ('argument_useful',		'SELECT, INSERT, DELETE'),
	    ('charter_rules',		'SELECT'),
	    ('flags',			'SELECT'),
	    ('notifications',		'SELECT, UPDATE (read_at)'),
	    ('moderation_log',		'SELECT'),
	    ('moderation_notes',	'SELECT'),
	    ('moderation_log_heads',	'SELECT'),
	    -- Appeals (0280): written by moderation_appeal_file() and
	    -- moderation_decide() only.
	    ('appeals',			'SELECT'),
	    ('imported_tallies',	'SELECT, INSERT'),
	    -- Pol.is participants and their own votes (0225): written by
	    -- agora import, read by agora opinion-map.
	    ('imported_participants',	'SELECT, INSERT'),
	    ('imported_votes',		'SELECT, INSERT'),
	    -- The opinion map (0225): replaced by agora opinion-map.
	    ('opinion_maps',		'SELECT, INSERT, DELETE'),
	    ('opinion_groups',		'SELECT, INSERT, DELETE'),
	    ('opinion_statements',	'SELECT, INSERT, DELETE'),
	    ('opinion_highlights',	'SELECT, INSERT, DELETE'),
	    ('opinion_cells',		'SELECT, INSERT, DELETE'),
	    ('opinion_group_votes',	'SELECT, INSERT, DELETE'),
	    -- Topics (0260): replaced by agora topics.
	    ('topic_runs',		'SELECT, INSERT, DELETE'),
	    ('topics',			'SELECT, INSERT, DELETE'),
	    ('topic_terms',		'SELECT, INSERT, DELETE'),
	    ('topic_members',		'SELECT, INSERT, DELETE'),
	    -- Syntheses (0300): versions and publications are never changed.
	    ('syntheses',		'SELECT, INSERT'),
	    ('synthesis_versions',	'SELECT, INSERT'),
	    ('synthesis_citations',	'SELECT, INSERT'),
	    ('synthesis_publications',	'SELECT, INSERT'),
	    -- One person, one vote (0151): written by user_erase(), forgotten
	    -- by agora purge.
	    ('departed_accounts',	'SELECT, DELETE'),
	    -- Mail files to remove (0152): the mail sender reads and clears.
	    ('outbox_erased',		'SELECT, DELETE'),
	    ('official_answers',	'SELECT, INSERT, UPDATE'),
	    -- Forms' idempotency keys (0160): recorded in the request's
	    -- transaction, old ones purged as new ones are written (the purge
	    -- locks its rows FOR UPDATE SKIP LOCKED, which needs UPDATE on a
	    -- column; nothing updates them).
	    ('form_submissions',	'SELECT, INSERT, DELETE, UPDATE (created_at)'),
	    -- Rollups: kept by triggers, rebuilt by refresh-reports --rebuild.
	    ('report_counts',		'SELECT, INSERT, UPDATE, DELETE'),
	    ('report_people',		'SELECT, INSERT, UPDATE, DELETE'),
	    ('report_themes',		'SELECT, INSERT, UPDATE, DELETE'),
	    -- A theme's votes over 64 slots (0350) and their sum per theme.
	    ('report_theme_votes',	'SELECT, INSERT, UPDATE, DELETE'),
	    ('report_theme_totals',	'SELECT'),
	    ('report_consultation_people', 'SELECT, INSERT, UPDATE, DELETE'),
	    ('report_consultations',	'SELECT, INSERT, UPDATE, DELETE'),
	    ('report_source_tallies',	'SELECT, INSERT, UPDATE, DELETE'),
	    ('report_terms_cache',	'SELECT, INSERT, UPDATE, DELETE'),
	    ('report_similar_cache',	'SELECT, INSERT, UPDATE, DELETE'),
	    ('report_cache_state',	'SELECT, INSERT, UPDATE, DELETE'),
	    ('report_config',		'SELECT'),
	    ('schema_migrations',	'SELECT'),
	    -- The EPN directory and the mobile EPN's tour (issue 12).
	    ('epns',			'SELECT, INSERT, UPDATE (name, commune,'
					' territory_code, address, hours, kind, active,'
					' updated_at)'),
	    ('epn_stops',		'SELECT, INSERT, DELETE'),
	    -- Notifications and following (0255): events written by the
	    -- triggers of the change, fanned out by notify_fanout().
	    ('follows',			'SELECT, INSERT, DELETE'),
	    ('notification_events',	'SELECT, INSERT'),
	    ('notification_prefs',	'SELECT, INSERT, UPDATE, DELETE'),
	    ('notification_digests',	''),
	    -- Assisted participation (issue 12, items 2 and 4).
	    ('epn_mediators',		'SELECT, INSERT, DELETE'),
	    ('consent_wordings',	'SELECT'),
	    ('assisted_voters',		'SELECT, INSERT'),
	    ('assisted_contacts',	'SELECT, INSERT, DELETE'),
	    -- The digital council (issue 16, item 3; 0330).
	    ('council_referrals',	'SELECT, INSERT, UPDATE (rapporteur_id)'),
	    ('council_referral_themes',	'SELECT, INSERT'),
	    ('council_drafts',		'SELECT, INSERT'),
	    -- Written by council_draft_add() with its version (0431).
	    ('council_draft_citations',	'SELECT, INSERT'),
	    ('council_comments',	'SELECT, INSERT'),
	    ('council_opinions',	'SELECT, INSERT'),
	    ('council_responses',	'SELECT, INSERT, UPDATE'),
	    -- Messages to the moderation team (0310): written by the contact
	    -- form, read by the moderators, erased by agora purge.
	    ('moderation_messages',	'SELECT, INSERT, DELETE'),
	    -- Paper forms (issue 12, item 5): references issued, never
	    -- changed; agora purge forgets those of a closed consultation.
	    ('paper_sheets',		'SELECT, INSERT, DELETE'),
	    -- FranceConnect (issue 17; 0340): links, requests in flight
	    -- (consumed once by DELETE), first-time sign-ups.
	    ('oidc_links',		'SELECT, INSERT, DELETE'),
	    ('oidc_requests',		'SELECT, INSERT, DELETE'),
	    ('oidc_signups',		'SELECT, INSERT, DELETE'),
	    -- An account's verified person, kept after unlinking (0370);
	    -- forgotten with the account (erasure, as the owner).
	    ('account_persons',		'SELECT, INSERT')
	) v(name, privs) LOOP
		EXECUTE format('REVOKE ALL ON TABLE %s FROM PUBLIC, agora',
		    r.name::regclass);
		-- The owner's own rights, which migration 0040 took away from
		-- the role that owned the log then (the triggers still guard).
		EXECUTE format('GRANT ALL ON TABLE %s TO %I', r.name::regclass,
		    current_user);
		IF r.privs <> '' THEN
			EXECUTE format('GRANT %s ON TABLE %s TO agora', r.privs,
			    r.name::regclass);
		END IF;
	END LOOP;
END $$;

-- Sequences of the tables the application inserts into (nextval); the
-- others are used by SECURITY DEFINER functions only.
DO $$
DECLARE
	r	record;
BEGIN
	FOR r IN SELECT * FROM (VALUES
	    ('account_tokens_id_seq',	'USAGE'),
	    ('consultations_id_seq',	'USAGE'),
	    ('contributions_id_seq',	'USAGE'),
	    ('outbox_id_seq',		'USAGE'),
	    ('moderation_messages_id_seq', 'USAGE'),
	    ('role_changes_id_seq',	'USAGE'),
	    ('sessions_id_seq',		'USAGE'),
	    ('themes_id_seq',		'USAGE'),
	    ('users_id_seq',		'USAGE'),
	    ('epns_id_seq',		'USAGE'),
	    ('epn_stops_id_seq',	'USAGE'),
	    ('imported_participants_id_seq', 'USAGE'),
	    ('opinion_maps_id_seq',	'USAGE'),
	    ('notification_events_id_seq', 'USAGE'),
	    ('topic_runs_id_seq',	'USAGE'),
	    ('syntheses_id_seq',	'USAGE'),
	    ('synthesis_versions_id_seq', 'USAGE'),
	    ('synthesis_publications_id_seq', 'USAGE'),
	    ('council_referrals_id_seq', 'USAGE'),
	    ('council_drafts_id_seq',	'USAGE'),
	    ('council_comments_id_seq',	'USAGE'),
	    ('flags_id_seq',		''),
	    ('notifications_id_seq',	''),
	    ('moderation_log_id_seq',	''),
	    ('moderation_log_heads_id_seq', ''),
	    ('appeals_id_seq',		'')
	) v(name, privs) LOOP
		EXECUTE format('REVOKE ALL ON SEQUENCE %s FROM PUBLIC, agora',
		    r.name::regclass);
		IF r.privs <> '' THEN
			EXECUTE format('GRANT %s ON SEQUENCE %s TO agora', r.privs,
			    r.name::regclass);
		END IF;
	END LOOP;
END $$;

-- Functions: (signature, 'EXECUTE' for agora or '' for none). A trigger
-- function needs no EXECUTE to fire; a function called by another one
-- running with the application's rights does.
DO $$
DECLARE
	r	record;
BEGIN
	FOR r IN SELECT * FROM (VALUES
	    ('fr_date(timestamptz)',				'EXECUTE'),
	    ('mail_fill(text, text[], text[])',			'EXECUTE'),
	    ('fr_day(date)',					'EXECUTE'),
	    ('fr_duration(double precision)',			'EXECUTE'),
	    ('consultation_phase(consultations)',		'EXECUTE'),
	    ('wilson_lower_bound(bigint, bigint)',		'EXECUTE'),
	    ('official_answer_label(text)',			'EXECUTE'),
	    ('rate_wait(text, text, integer, integer)',		'EXECUTE'),
	    ('rate_hit(text, text)',				'EXECUTE'),
	    -- Counted before the work they limit (issue 14, item 5).
	    ('rate_take(text, text, integer, integer, text, text, integer,'
	     ' integer)',					'EXECUTE'),
	    ('rate_give(text, text, text, text, timestamptz)',	'EXECUTE'),
	    ('account_link_use(text)',				'EXECUTE'),
	    ('user_role_set(bigint, text, boolean, bigint)',	'EXECUTE'),
	    -- Accounts and erasure (0150-0152, 0190): the erasure itself and the
	    -- takeover of a departed account's votes act on other people's
	    -- rows, so they run as the owner (SECURITY DEFINER, below) behind
	    -- the checks of user_delete() and user_purge().
	    ('email_canonical(text)',				'EXECUTE'),
	    ('departed_needed(bigint)',				'EXECUTE'),
	    ('account_takeover(bigint, text)',			'EXECUTE'),
	    ('user_last_admin(bigint)',				'EXECUTE'),
	    ('user_erase(bigint, text)',			''),
	    ('user_delete(bigint, text, text, text)',		'EXECUTE'),
	    ('user_purge(bigint, text, text, interval)',	'EXECUTE'),
	    -- Archives and imports (0130, 0131).
	    ('consultation_archived(consultations)',		'EXECUTE'),
	    ('report_source_tallies_add(bigint[], integer)',	'EXECUTE'),
	    ('report_source_tallies_rebuild()',			'EXECUTE'),
	    ('import_bad_timestamp(text[])',			'EXECUTE'),
	    ('participation_refusal(bigint)',			'EXECUTE'),
	    ('participation_vote(bigint, bigint, text)',	'EXECUTE'),
	    ('participation_useful(bigint, bigint)',		'EXECUTE'),
	    ('participation_withdraw(bigint, bigint)',		'EXECUTE'),
	    ('participation_reply(bigint, bigint, bigint, text, text, text, text,'
	     ' integer)',					'EXECUTE'),
	    ('participation_propose(bigint, text, text, text, text, text, text)',
								'EXECUTE'),
	    ('participation_edit(bigint, bigint, text, text, text, text, text,'
	     ' integer)',					'EXECUTE'),
	    -- Edits of arguments and comments (functions/edits.sql).
	    ('contribution_edit_hold(contributions, bigint, text)', 'EXECUTE'),
	    ('fr_date_time(timestamptz)',			'EXECUTE'),
	    ('contribution_thread_open(bigint)',		'EXECUTE'),
	    -- A proposal's thread, a page of it (functions/threads.sql).
	    ('thread_page(bigint, bigint, integer, text, bigint, text, bigint,'
	     ' text, bigint, integer, bigint, integer, integer, boolean)',
								'EXECUTE'),
	    -- The contact form for the moderation team (functions/contact.sql).
	    ('contact_send(bigint, text, text, text, text, text, text, text,'
	     ' text)',						'EXECUTE'),
	    ('contact_purge(integer)',				'EXECUTE'),
	    ('participation_edit_reply(bigint, bigint, text, text, integer)',
								'EXECUTE'),
	    ('contribution_check_duplicate(bigint, text, real)', 'EXECUTE'),
	    ('contribution_similar_recent(bigint, text, bigint, real)', 'EXECUTE'),
	    ('contribution_initial_status(bigint, bigint, text)', 'EXECUTE'),
	    ('contribution_rate_ok(bigint, integer, integer)',	'EXECUTE'),
	    ('report_extra_stopwords()',			'EXECUTE'),
	    ('report_people_add(integer[], bigint[], bigint[], bigint[])',
								'EXECUTE'),
	    ('report_rollups_rebuild()',			'EXECUTE'),
	    ('report_vote_slot()',				'EXECUTE'),
	    -- Recomputes contributions.is_public, which the application may
	    -- not write (SECURITY DEFINER, below).
	    ('contributions_public_rebuild()',			'EXECUTE'),
	    ('report_consultations_rebuild()',			'EXECUTE'),
	    ('report_terms_live(integer)',			'EXECUTE'),
	    ('report_similar_live(integer)',			'EXECUTE'),
	    ('report_similar_scan(integer)',			'EXECUTE'),
	    ('report_refresh(integer)',				'EXECUTE'),
	    ('report_live_limit()',				'EXECUTE'),
	    ('report_analysis_state(integer)',			'EXECUTE'),
	    ('report_terms(integer)',				'EXECUTE'),
	    ('report_similar(integer)',				'EXECUTE'),
	    -- The opinion map (functions/opinion.sql).
	    ('opinion_votes(bigint, integer)',			'EXECUTE'),
	    ('opinion_votes_count(bigint, integer)',		'EXECUTE'),
	    ('opinion_nearest_group(bigint, bigint)',		'EXECUTE'),
	    -- Search (functions/search.sql).
	    ('search_query(text)',				'EXECUTE'),
	    ('search_lexeme(text)',				'EXECUTE'),
	    -- Topics (functions/topics.sql).
	    ('topic_terms(integer)',				'EXECUTE'),
	    ('topic_words(integer, text[])',			'EXECUTE'),
	    -- Syntheses (functions/syntheses.sql).
	    ('synthesis_draft(integer)',			'EXECUTE'),
	    ('synthesis_save(integer, text, bigint, integer[], bigint[])',
								'EXECUTE'),
	    ('synthesis_publish(integer, integer, bigint, text, text, text,'
	     ' text, text, text)',				'EXECUTE'),
	    ('synthesis_published(integer)',			'EXECUTE'),
	    ('synthesis_notify(integer, bigint, bigint, bigint)',	'EXECUTE'),
	    ('synthesis_log(integer, bigint, bigint, text)',	'EXECUTE'),
	    -- Trigger functions.
	    ('votes_count()',					''),
	    ('proposal_votes_row()',				''),
	    ('proposal_votes_scores()',				''),
	    ('argument_useful_count()',				''),
	    ('contributions_replies()',				''),
	    ('contributions_moderation_insert()',		''),
	    ('report_contributions_rollup()',			''),
	    ('report_votes_rollup()',				''),
	    ('moderation_log_forbid()',				''),
	    ('report_source_tallies_insert()',			''),
	    -- Which contributions are public (0191).
	    ('contributions_public_set()',			''),
	    ('contributions_public_cascade()',			''),
	    ('report_source_tallies_status()',			''),
	    -- The moderation log (SECURITY DEFINER, below).
	    ('moderation_log_canonical(moderation_log)',	''),
	    ('moderation_log_append(bigint, text, bigint, bigint, text, text,'
	     ' text, text, text, text, timestamptz)',		''),
	    ('moderation_log_append_act(bigint, text, bigint, text, text,'
	     ' text, text)',					''),
	    ('flag_contribution(bigint, bigint, text, text, integer, text)',
								'EXECUTE'),
	    ('moderation_decide(bigint, bigint, text, text, text, integer, text,'
	     ' text, text, text, text, text, text)',		'EXECUTE'),
	    ('consultation_set_mode(bigint, bigint, text, text)', 'EXECUTE'),
	    ('consultation_set_vote_fc(bigint, bigint, text, text)', 'EXECUTE'),
	    ('moderation_log_head_add(timestamptz, bigint, bigint, text, text,'
	     ' text, text)',					'EXECUTE'),
	    ('moderation_notes_erase_about(bigint)',		'EXECUTE'),
	    -- Appeals (issue 13, item 5).
	    ('moderation_appeal_may_decide(bigint, bigint)',	'EXECUTE'),
	    ('moderation_appealable(bigint)',			'EXECUTE'),
	    ('moderation_appeal_file(bigint, bigint, text, integer)', 'EXECUTE'),
	    -- Notifications and following (functions/notifications.sql).
	    ('notify_default_mode(text)',			'EXECUTE'),
	    ('notify_mode(bigint, text)',			'EXECUTE'),
	    ('notify_recipients(bigint, bigint, integer)',	''),
	    ('notify_fanout(integer, text[], text[], text[], text)', 'EXECUTE'),
	    ('notify_digest(integer, integer, text[], text[], text, text, text)',
								'EXECUTE'),
	    ('notify_contribution_public()',			''),
	    ('notify_answer()',					''),
	    ('notify_user_erased()',				''),
	    -- Assisted participation (functions/assisted.sql).
	    ('epn_mediator_set(bigint, text, boolean, bigint)',	'EXECUTE'),
	    ('assisted_refusal(bigint, bigint, text)',		'EXECUTE'),
	    ('assisted_contact_keep(bigint, text)',		'EXECUTE'),
	    ('assisted_propose(bigint, bigint, text, text, text, text, text, text,'
	     ' text)',						'EXECUTE'),
	    ('assisted_reply(bigint, bigint, bigint, text, text, text, text, text)',
								'EXECUTE'),
	    ('assisted_voter(text, bigint)',			'EXECUTE'),
	    ('assisted_vote(bigint, bigint, bigint, text, text, boolean, text)',
								'EXECUTE'),
	    ('assisted_contacts_purge(integer)',		'EXECUTE'),
	    -- The digital council (functions/council.sql).
	    ('council_member(bigint)',				'EXECUTE'),
	    ('council_size()',					'EXECUTE'),
	    ('council_state(bigint)',				'EXECUTE'),
	    ('council_mail_members(bigint, text, text, text, text, text)',
								'EXECUTE'),
	    ('council_notify_members(bigint, text, bigint)',	'EXECUTE'),
	    ('council_notify_followers(bigint)',		'EXECUTE'),
	    ('council_referral_open(text, text, date, bigint, text[], text,'
	     ' text, text)',					'EXECUTE'),
	    ('council_draft_add(bigint, bigint, text, text, text, text, text,'
	     ' integer[], bigint[])',				'EXECUTE'),
	    ('council_cited_syntheses(text)',			'EXECUTE'),
	    ('council_publish(bigint, bigint, text, date, integer, integer,'
	     ' integer, text, text, text, text, text)',		'EXECUTE'),
	    ('council_notify_cited(bigint)',			'EXECUTE'),
	    ('council_respond(bigint, bigint, text, text, text)', 'EXECUTE'),
	    ('council_log(bigint, text, bigint, text)',		'EXECUTE'),
	    ('council_opinion_subject(council_opinions)',	'EXECUTE'),
	    ('council_export()',				'EXECUTE'),
	    -- Paper forms (functions/paper.sql).
	    ('paper_sheets_issue(text, text[])',			'EXECUTE'),
	    ('paper_sheet_refusal(text, integer, date)',		'EXECUTE'),
	    ('paper_enter(bigint, bigint, text, text, text, text, text, text,'
	     ' text, text, date, integer)',			'EXECUTE'),
	    ('paper_sheets_purge()',				'EXECUTE'),
	    -- FranceConnect (functions/franceconnect.sql).
	    ('vote_person(bigint)',				'EXECUTE'),
	    ('oidc_person_join(bigint, text)',			'EXECUTE'),
	    ('oidc_link(bigint, text, text, text, text)',	'EXECUTE'),
	    ('oidc_signup(text, text, text)',			'EXECUTE'),
	    ('oidc_links_erased()',				''),
	    ('oidc_purge()',					'EXECUTE'),
	    ('oidc_account_delete(bigint)',			'EXECUTE'),
	    ('oidc_vote_refusal(bigint, bigint, boolean)',	'EXECUTE')
	) v(sig, privs) LOOP
		EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC, agora',
		    r.sig::regprocedure);
		IF r.privs <> '' THEN
			EXECUTE format('GRANT %s ON FUNCTION %s TO agora', r.privs,
			    r.sig::regprocedure);
		END IF;
	END LOOP;
END $$;

-- SECURITY DEFINER, with their search_path, asserted again after every
-- migration (a later CREATE OR REPLACE would otherwise reset them).
-- report_contributions_rollup() is one because it keeps a temporary table
-- per session: created by whichever role first changes a contribution, it
-- must always be the same role, and moderation_decide() runs as the owner.
DO $$
DECLARE
	f	text;
BEGIN
	FOREACH f IN ARRAY ARRAY[
	    'moderation_log_append(bigint, text, bigint, bigint, text, text, text,'
	    ' text, text, text, timestamptz)',
	    'moderation_log_append_act(bigint, text, bigint, text, text, text,'
	    ' text)',
	    'flag_contribution(bigint, bigint, text, text, integer, text)',
	    'moderation_decide(bigint, bigint, text, text, text, integer, text,'
	    ' text, text, text, text, text, text)',
	    'consultation_set_mode(bigint, bigint, text, text)',
	    'consultation_set_vote_fc(bigint, bigint, text, text)',
	    'moderation_log_head_add(timestamptz, bigint, bigint, text, text, text,'
	    ' text)',
	    'moderation_notes_erase_about(bigint)',
	    'moderation_appeal_file(bigint, bigint, text, integer)',
	    'contributions_public_rebuild()',
	    -- An edit may send a proposal back to the queue: it sets the
	    -- status (issue 14, item 3), after checking author and window.
	    'participation_edit(bigint, bigint, text, text, text, text, text,'
	    ' integer)',
	    -- The same for an argument or a comment (functions/edits.sql).
	    'participation_edit_reply(bigint, bigint, text, text, integer)',
	    -- It records the erased mails in outbox_erased (their files go
	    -- too), which the application may not write.
	    'contact_purge(integer)',
	    -- A withdrawal sets withdrawn_at (issue 13, item 11), after
	    -- checking the author.
	    'participation_withdraw(bigint, bigint)',
	    'user_erase(bigint, text)',
	    'user_delete(bigint, text, text, text)',
	    'oidc_account_delete(bigint)',
	    'user_purge(bigint, text, text, interval)',
	    'account_takeover(bigint, text)',
	    'report_contributions_rollup()',
	    -- They write other people's notifications and digests.
	    'notify_fanout(integer, text[], text[], text[], text)',
	    'notify_digest(integer, integer, text[], text[], text, text, text)',
	    'notify_user_erased()',
	    -- The news of syntheses and of the council, on the site.
	    'synthesis_notify(integer, bigint, bigint, bigint)',
	    'council_notify_members(bigint, text, bigint)',
	    'council_notify_followers(bigint)',
	    'council_notify_cited(bigint)',
	    -- The public acts of syntheses and of the council, in the
	    -- moderation log (form 3, migration 0430).
	    'synthesis_log(integer, bigint, bigint, text)',
	    'council_log(bigint, text, bigint, text)'] LOOP
		EXECUTE format('ALTER FUNCTION %s SECURITY DEFINER'
		    ' SET search_path = pg_catalog, public, pg_temp',
		    f::regprocedure);
	END LOOP;
END $$;
