-- A contact form for the moderation team (issue 13, item 11): what a
-- visitor writes at /contact-moderation, read by the moderators at
-- /moderation/messages and mailed to them (contact_send(),
-- functions/contact.sql). Never public. Erased by `agora purge` after
-- contact_message_days (the privacy notice states it), with the copies the
-- outbox keeps.
CREATE TABLE moderation_messages (
	id		bigserial PRIMARY KEY,
	created_at	timestamptz NOT NULL DEFAULT now(),
	subject		text NOT NULL CHECK (subject IN ('contenu', 'decision',
			    'charte', 'donnees', 'autre')),
	body		text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
	link		text CHECK (char_length(link) <= 500),
	sender_id	bigint REFERENCES users(id) ON DELETE SET NULL,
	reply_email	text CHECK (char_length(reply_email) <= 254),
	CHECK (sender_id IS NOT NULL OR reply_email IS NOT NULL)
);
COMMENT ON TABLE moderation_messages IS
	'Messages to the moderation team (/contact-moderation); never public; erased after contact_message_days by agora purge';
COMMENT ON COLUMN moderation_messages.subject IS
	'what it is about: contenu, decision, charte, donnees, autre (app/web/moderation/contact.c names them in French)';
COMMENT ON COLUMN moderation_messages.body IS 'the message, plain text as typed';
COMMENT ON COLUMN moderation_messages.link IS
	'the contribution it is about: a path of this site or a web address, as typed; NULL: none';
COMMENT ON COLUMN moderation_messages.sender_id IS
	'the signed-in account that wrote it (the reply goes to its address); NULL: an anonymous visitor';
COMMENT ON COLUMN moderation_messages.reply_email IS
	'the address an anonymous visitor gave for the reply; NULL for an account';
CREATE INDEX moderation_messages_created ON moderation_messages (created_at);
