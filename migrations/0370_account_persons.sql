-- One verified person, one vote, beyond the link (issue 17, follow-up of
-- 0340_franceconnect.sql). An account once linked through FranceConnect
-- stays bound to the register's participant of that person (the
-- assisted_voters row of its keyed pivot identity) after it is unlinked:
-- vote_person() reads this binding, not the link, so a person who links,
-- votes, unlinks and votes again from the same account still has one
-- vote per proposal. The binding names the participant (a users row with
-- no address), not the identity hash: the hash stays in the register
-- only. It goes with the account's erasure (functions/franceconnect.sql).

CREATE TABLE account_persons (
	user_id		bigint PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, -- the account
	person_id	bigint NOT NULL REFERENCES users(id), -- the register's participant its votes are stored under
	bound_at	timestamptz NOT NULL DEFAULT now(), -- first linked
	CHECK (person_id <> user_id)
);
COMMENT ON TABLE account_persons IS 'Account -> verified person it votes as; kept after unlinking FranceConnect.';
CREATE INDEX account_persons_person ON account_persons (person_id);

-- The accounts linked before this migration.
INSERT INTO account_persons (user_id, person_id, bound_at)
SELECT l.user_id, a.user_id, l.linked_at FROM oidc_links l
    JOIN assisted_voters a ON a.identity_hash = l.identity_hash
ON CONFLICT DO NOTHING;
