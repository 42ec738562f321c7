-- One person, one account (issue 10, item 5). "Camille@Example.org",
-- "camille@example.org" and "camille+agora@example.org" reach the same
-- mailbox: they may now hold one account, not three. The address typed is
-- what is stored, shown and used for mail; only uniqueness (and the keyed
-- hash of deleted accounts, migration 0151) uses the normalised form.
--
-- The rule: ASCII lower case (account_rules.c accepts ASCII addresses only),
-- and the local part cut at its first '+' when a character precedes it
-- (sub-addressing, offered by Gmail, Outlook, iCloud, Proton, Fastmail and
-- most servers). Dots are kept: Gmail ignores them, most other providers do
-- not ("jean.dupont@" and "jeandupont@" are two people at Orange). Other
-- separators ('-' at Yahoo) are kept: '-' is common in real names.
-- The same rule is written in C (account_email_canonical, app/core/account.c);
-- test/data/email_canonical.tsv holds the cases both are checked against.

CREATE FUNCTION email_canonical(e text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT regexp_replace(translate(e, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
	    'abcdefghijklmnopqrstuvwxyz'), '^([^@+]+)\+[^@]*@', '\1@')
$$;

-- Accounts that would collide stop the migration with a message saying how
-- to find them (no address is printed).
DO $$
DECLARE
	n bigint;
BEGIN
	SELECT count(*) INTO n FROM (SELECT 1 FROM users WHERE email IS NOT NULL
	    GROUP BY email_canonical(email) HAVING count(*) > 1) d;
	IF n > 0 THEN
		RAISE EXCEPTION '% address(es) are held by several accounts once case and +tags are ignored', n
		    USING HINT = 'Find them with: SELECT email_canonical(email), array_agg(id) FROM users WHERE email IS NOT NULL GROUP BY 1 HAVING count(*) > 1; then merge or delete the extra accounts.';
	END IF;
END $$;

-- The old users_email_lower stays: sign-in and password reset still look an
-- address up as typed, ignoring case.
CREATE UNIQUE INDEX users_email_canonical ON users (email_canonical(email))
	WHERE email IS NOT NULL;
