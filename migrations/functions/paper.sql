-- Paper forms (issue 12, item 5; migration 0290): the sheet references the
-- printable form issues, and the entry of one sheet by a mediator. One
-- call each, answering a code (refusal_assisted, app/core/refusal.c), so
-- a refused sheet leaves nothing behind.

-- Records the sheet references p_codes, just drawn for the printed forms
-- of theme p_slug of the primary consultation, with the consent wording
-- they print (the current one). Returns the references recorded: none
-- when there is no such theme, fewer when one was issued already.
CREATE OR REPLACE FUNCTION paper_sheets_issue(p_slug text, p_codes text[])
RETURNS SETOF text LANGUAGE sql AS $$
	INSERT INTO paper_sheets (code, theme_id, consent_version)
	SELECT x.code, t.id, (SELECT version FROM consent_wordings
	    ORDER BY introduced_at DESC, version DESC LIMIT 1)
	FROM unnest(p_codes) WITH ORDINALITY x(code, n)
	CROSS JOIN themes t JOIN consultations c ON c.id = t.consultation_id
	WHERE c.is_primary AND t.slug = p_slug
	ORDER BY x.n
	ON CONFLICT DO NOTHING
	RETURNING code
$$;

-- Why sheet p_code cannot be entered under theme p_theme with collection
-- day p_day, or NULL: 'sheet_unknown' (never issued), 'sheet_theme'
-- (printed for another theme), 'sheet_entered' (entered already),
-- 'date_future', 'date_before_sheet' (before it was printed),
-- 'date_early' (before the consultation opened), 'date_late' (after its
-- last day: collected once it was over).
CREATE OR REPLACE FUNCTION paper_sheet_refusal(p_code text, p_theme integer,
    p_day date)
RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
	s paper_sheets;
	v_today date := (now() AT TIME ZONE 'Europe/Paris')::date;
BEGIN
	SELECT * INTO s FROM paper_sheets WHERE code = p_code;
	IF NOT FOUND THEN
		RETURN 'sheet_unknown';
	END IF;
	IF s.theme_id <> p_theme THEN
		RETURN 'sheet_theme';
	END IF;
	IF EXISTS (SELECT 1 FROM contributions WHERE sheet_code = p_code) THEN
		RETURN 'sheet_entered';
	END IF;
	IF p_day > v_today THEN
		RETURN 'date_future';
	END IF;
	IF p_day < (s.issued_at AT TIME ZONE 'Europe/Paris')::date THEN
		RETURN 'date_before_sheet';
	END IF;
	IF p_day < (SELECT (opens_at AT TIME ZONE 'Europe/Paris')::date
	    FROM consultations c JOIN themes t ON t.consultation_id = c.id
	    WHERE t.id = p_theme) THEN
		RETURN 'date_early';
	END IF;
	-- closes_at is exclusive: its last day is that of the instant before.
	IF p_day > (SELECT ((closes_at - interval '1 microsecond')
	    AT TIME ZONE 'Europe/Paris')::date
	    FROM consultations c JOIN themes t ON t.consultation_id = c.id
	    WHERE t.id = p_theme) THEN
		RETURN 'date_late';
	END IF;
	RETURN NULL;
END $$;

-- A proposal written on paper sheet p_code, collected on p_day, entered
-- by mediator p_mediator in the name of EPN p_epn on theme p_slug of the
-- primary consultation; the person ticked the consent printed on the
-- sheet (the sheet's wording is the one recorded; p_consent is the one
-- the mediator's page showed, which must be current). Returns (code, id): 'ok', 'pending' (a priori
-- moderation), a refusal of assisted_refusal() or of
-- paper_sheet_refusal(), 'missing' (no such theme), 'upcoming' or
-- 'closed'. A sheet collected while the consultation was open may be
-- entered up to p_grace days after it closed (paper_entry_days): what
-- people wrote in a village hall is not lost because the mediator typed
-- it after the last day. Two mediators typing the same sheet at once:
-- the UNIQUE sheet_code lets one in and answers the other
-- 'sheet_entered'. (Its form without p_grace is dropped.)
DROP FUNCTION IF EXISTS paper_enter(bigint, bigint, text, text, text, text,
    text, text, text, text, date);
CREATE OR REPLACE FUNCTION paper_enter(p_mediator bigint, p_epn bigint,
    p_sheet text, p_slug text, p_title text, p_body text, p_body_html text,
    p_territory text, p_consent text, p_contact text, p_day date,
    p_grace integer DEFAULT 0, OUT code text, OUT new_id bigint)
LANGUAGE plpgsql AS $$
DECLARE
	t themes;
	c consultations;
BEGIN
	code := assisted_refusal(p_mediator, p_epn, p_consent);
	IF code IS NOT NULL THEN
		RETURN;
	END IF;
	SELECT th.* INTO t FROM themes th
	    JOIN consultations co ON co.id = th.consultation_id
	    WHERE co.is_primary AND th.slug = p_slug;
	IF NOT FOUND THEN
		code := 'missing';
		RETURN;
	END IF;
	SELECT * INTO c FROM consultations WHERE id = t.consultation_id;
	IF consultation_phase(c) = 'upcoming' OR (consultation_phase(c) =
	    'closed' AND now() >= c.closes_at + make_interval(days => p_grace))
	    THEN
		code := consultation_phase(c);
		RETURN;
	END IF;
	code := paper_sheet_refusal(p_sheet, t.id, p_day);
	IF code IS NOT NULL THEN
		RETURN;
	END IF;
	new_id := nextval('contributions_id_seq'::regclass);
	BEGIN
		INSERT INTO contributions (id, proposal_id, consultation_id,
		    theme_id, kind, territory_code, title, body, body_html,
		    assisted_by, consent_at, consent_version, epn_id, channel,
		    sheet_code, collected_on)
		VALUES (new_id, new_id, c.id, t.id, 'proposal', p_territory, p_title, p_body,
		    p_body_html, p_mediator, now(), (SELECT s.consent_version
		    FROM paper_sheets s WHERE s.code = p_sheet), p_epn, 'paper',
		    p_sheet, p_day)
		RETURNING CASE WHEN status = 'pending' THEN 'pending'
		    ELSE 'ok' END INTO code;
	EXCEPTION WHEN unique_violation THEN
		code := 'sheet_entered';
		new_id := NULL;
		RETURN;
	END;
	PERFORM assisted_contact_keep(new_id, p_contact);
END $$;

-- Forgets the references printed for a consultation now closed and never
-- typed in (`agora purge`): they can no longer be entered. Those entered
-- stay with their contribution. Returns how many.
CREATE OR REPLACE FUNCTION paper_sheets_purge()
RETURNS bigint LANGUAGE sql AS $$
	WITH d AS (DELETE FROM paper_sheets s USING themes t, consultations c
	    WHERE t.id = s.theme_id AND c.id = t.consultation_id
	    AND c.closes_at <= now()
	    AND NOT EXISTS (SELECT 1 FROM contributions x
		WHERE x.sheet_code = s.code)
	    RETURNING 1)
	SELECT count(*) FROM d
$$;
