-- Each consultation may require an account verified by FranceConnect to
-- vote (issue 17, follow-up): NULL follows the platform setting
-- vote_requires_franceconnect, true requires it, false leaves the vote
-- open to every account. Set by administrators on /admin/consultation;
-- read by oidc_vote_refusal() (functions/franceconnect.sql).
ALTER TABLE consultations ADD COLUMN vote_requires_franceconnect boolean;
COMMENT ON COLUMN consultations.vote_requires_franceconnect IS
    'Vote reserved to FranceConnect-verified accounts: NULL platform setting, true, false.';
