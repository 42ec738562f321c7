-- Idempotency keys of forms (issue 14, item 1). Every form carries a
-- random key (the field "envoi"); a POST that carries one runs in one
-- transaction, and when it succeeds (a 303 redirect) its outcome is
-- recorded here in that same transaction. A resubmission of the same form
-- with the same fields (a reload, a second click, a retry after a failure
-- whose outcome the person could not see) finds the row and is sent to the
-- same place instead of posting twice; two at once are serialised by the
-- primary key, and the second one's changes are rolled back.
CREATE TABLE form_submissions (
	-- SHA-256 (hex) of the key, the path and every field but the CSRF
	-- token: the same form sent with other values is another submission.
	key_hash	text PRIMARY KEY CHECK (key_hash ~ '^[0-9a-f]{64}$'),
	-- The path the form was posted to (for the logs and the purge).
	path		text NOT NULL,
	-- The HTTP status answered (303: only redirects are replayed).
	status		smallint NOT NULL,
	-- Where the 303 sent the person: a local path.
	location	text NOT NULL,
	-- When it was recorded; rows older than a day are purged as new ones
	-- are written.
	created_at	timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE form_submissions IS
	'Outcome of each successful keyed form POST, recorded in its transaction';
COMMENT ON COLUMN form_submissions.key_hash IS
	'SHA-256 hex of the form key, the path and the fields (not the CSRF token)';
COMMENT ON COLUMN form_submissions.path IS 'Path the form was posted to';
COMMENT ON COLUMN form_submissions.status IS 'HTTP status answered (303)';
COMMENT ON COLUMN form_submissions.location IS 'Local path the 303 redirected to';
COMMENT ON COLUMN form_submissions.created_at IS 'When recorded; purged after a day';
CREATE INDEX form_submissions_created ON form_submissions (created_at);
