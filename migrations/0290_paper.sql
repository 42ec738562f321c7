-- Paper forms (issue 12, item 5): each load of a theme's printable form
-- (/themes/<slug>/formulaire) issues a sheet reference, a short code with
-- a check symbol (app/core/sheet.h), recorded here with its theme and the
-- time it was printed. A mediator later types the sheet into
-- /mediation/saisie-papier: the code must be one the server issued, for
-- that theme, and is taken once (contributions.sheet_code is UNIQUE).
--
-- Why a table rather than a code that proves itself with an HMAC: eight
-- symbols leave too few bits for both a tag and enough randomness, and
-- random codes alone may repeat; here the primary key makes every
-- printed code unique, and the row says for which theme and when it was
-- printed, so that a sheet cannot be entered under another theme or as
-- collected before it was printed. The cost is one small row per print.

CREATE TABLE paper_sheets (
	code		text PRIMARY KEY	-- 7 symbols + check, no dash
	    CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{8}$'),
	theme_id	integer NOT NULL REFERENCES themes(id), -- the theme printed on it
	issued_at	timestamptz NOT NULL DEFAULT now(), -- when the form was printed
	consent_version	text NOT NULL REFERENCES consent_wordings(version) -- the wording printed on it
);
COMMENT ON TABLE paper_sheets IS 'Sheet references issued by the printable forms (issue 12, item 5).';
CREATE INDEX paper_sheets_theme ON paper_sheets (theme_id);

ALTER TABLE contributions
	ADD COLUMN sheet_code text UNIQUE REFERENCES paper_sheets(code),
	ADD COLUMN collected_on date;
COMMENT ON COLUMN contributions.sheet_code IS 'Paper: the reference of the sheet it was written on (entered once)';
COMMENT ON COLUMN contributions.collected_on IS 'Paper: the day the sheet was collected (created_at: the day it was entered)';
-- A paper contribution has its sheet and its collection day; nothing else has.
ALTER TABLE contributions ADD CONSTRAINT contributions_paper_whole
	CHECK ((channel = 'paper') = (sheet_code IS NOT NULL)
	    AND (sheet_code IS NULL) = (collected_on IS NULL));
