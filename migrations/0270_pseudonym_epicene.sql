-- The pseudonym of deleted and erased accounts was "Participant·e n°<id>":
-- screen readers spell the point médian out ("participant point e"), so
-- interface text uses epicene words (issue 13, item 14). It becomes
-- "Membre n°<id>" (user_erase, migrations/functions/people.sql), here for
-- the accounts already deleted. The old form stays reserved for new names
-- (account_name_check).
UPDATE users SET display_name = 'Membre n°' || id
WHERE deleted_at IS NOT NULL AND display_name = 'Participant·e n°' || id;
