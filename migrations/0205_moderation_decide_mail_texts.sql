-- moderation_decide() takes the author's e-mail texts as parameters
-- (app/core/mail_texts.def) instead of its base URL and the French words it
-- wrote itself: a changed signature, so the old one goes first; the new one
-- is in migrations/functions/moderation.sql.
DROP FUNCTION IF EXISTS moderation_decide(bigint, bigint, text, text, text,
    integer, text, text, text, text);
