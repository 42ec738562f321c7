/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Unit tests of app/core/modlog.c (the moderation log's canonical texts,
 * pseudonyms, commitments, heads, the JSON reader) and app/core/signkey.c
 * (Ed25519). The expected canonical texts were printed by PostgreSQL's
 * moderation_log_canonical() (migration 0140) for the same rows.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/modlog.h"
#include "../../app/core/signkey.h"

#define A64 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define B64 "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
#define C64 "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
#define D64 "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"

static void
assert_canonical(const struct modlog_row *r, const char *expected)
{
	char	*text = modlog_canonical(r);

	assert_non_null(text);
	assert_string_equal(text, expected);
	free(text);
}

static void
modlog_time_formats_microseconds_in_utc(void **state)
{
	char		t[MODLOG_TIME_MAX];
	long long	us;

	modlog_time(849261784123456LL, t);
	assert_string_equal(t, "2026-11-29T10:03:04.123456Z");
	modlog_time(-500000LL, t);
	assert_string_equal(t, "1999-12-31T23:59:59.500000Z");
	modlog_time(0, t);
	assert_string_equal(t, "2000-01-01T00:00:00.000000Z");
	assert_int_equal(modlog_time_parse("2026-11-29T10:03:04Z", &us), 0);
	assert_true(us == 849261784000000LL);
	assert_int_equal(modlog_time_parse("2026-11-29T10:03:04", &us), -1);
	assert_int_equal(modlog_time_parse("2026-11-29T25:03:04Z", &us), -1);
	assert_int_equal(modlog_time_parse("2026-1-29T10:03:04Z ", &us), -1);
}

/* Quotes, a backslash (E'' and doubled), '|', accents: as quote_nullable. */
static void
modlog_canonical_form1_is_postgresqls(void **state)
{
	struct modlog_row	r;

	memset(&r, 0, sizeof(r));
	r.id = 42;
	r.form = 1;
	r.at = 849261784123456LL;
	r.moderator_id = 7;
	r.contribution_id = 1234;
	r.action = "hide";
	r.from_status = "published";
	r.to_status = "hidden";
	r.rule_code = "R1";
	r.note = "L'auteur a écrit « c'est \\faux » | et insiste";
	r.queued = 1;
	r.queued_at = 849254400000000LL;
	r.prev_hash = A64;
	assert_canonical(&r, "42|2026-11-29T10:03:04.123456Z|'7'|'1234'|NULL|"
	    "'hide'|'published'|'hidden'|'R1'|E'L''auteur a écrit « c''est "
	    "\\\\faux » | et insiste'|'2026-11-29T08:00:00.000000Z'|" A64);

	memset(&r, 0, sizeof(r));
	r.id = 43;
	r.form = 1;
	r.at = 849261784000001LL;
	r.consultation_id = 1;
	r.action = "mode";
	r.from_status = "a_posteriori";
	r.to_status = "a_priori";
	r.prev_hash = B64;
	assert_canonical(&r, "43|2026-11-29T10:03:04.000001Z|NULL|NULL|'1'|"
	    "'mode'|'a_posteriori'|'a_priori'|NULL|NULL|NULL|" B64);
}

static void
modlog_canonical_form2_is_the_published_fields(void **state)
{
	struct modlog_row	r;

	memset(&r, 0, sizeof(r));
	r.id = 44;
	r.form = 2;
	r.at = -500000LL;
	r.moderator_id = 9;		/* not in the text: its pseudonym is */
	r.moderator_ref = "0123456789ab";
	r.contribution_id = 1235;
	r.action = "reject";
	r.from_status = "pending";
	r.to_status = "rejected";
	r.rule_code = "R2";
	r.note_mac = D64;
	r.queued = 1;
	r.queued_at = 820638245060000LL;
	r.prev_hash = C64;
	assert_canonical(&r, "2|44|1999-12-31T23:59:59.500000Z|0123456789ab|"
	    "1235||reject|pending|rejected|R2|" D64
	    "|2026-01-02T03:04:05.060000Z|" C64);
}

/*
 * A public act (migration 0430): form 2's fields, then the subject and the
 * text's hash. The text PostgreSQL's moderation_log_canonical() printed
 * for the same row.
 */
static void
modlog_canonical_form3_adds_the_subject_and_the_text(void **state)
{
	struct modlog_row	r;

	memset(&r, 0, sizeof(r));
	r.id = 45;
	r.form = 3;
	r.at = 849600000250000LL;	/* 2026-12-03 08:00:00.25 UTC */
	r.moderator_id = 9;
	r.moderator_ref = "0123456789ab";
	r.consultation_id = 3;
	r.action = "synthesis_publish";
	r.to_status = "publiee";
	r.subject = "synthese:ethique:2";
	r.text_hash = D64;
	r.prev_hash = C64;
	assert_canonical(&r, "3|45|2026-12-03T08:00:00.250000Z|0123456789ab|"
	    "|3|synthesis_publish||publiee||||synthese:ethique:2|" D64 "|"
	    C64);
	/* The same fields in a form-2 row leave the two out. */
	r.form = 2;
	assert_canonical(&r, "2|45|2026-12-03T08:00:00.250000Z|0123456789ab|"
	    "|3|synthesis_publish||publiee||||" C64);
}

static void
modlog_pseudonyms_and_commitments_are_keyed(void **state)
{
	const unsigned char	k1[] = "0123456789abcdef0123456789abcdef";
	const unsigned char	k2[] = "fedcba9876543210fedcba9876543210";
	char			a[13], b[13], m1[65], m2[65];

	modlog_pseudonym(k1, 32, 5, a);
	modlog_pseudonym(k1, 32, 5, b);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 12);
	modlog_pseudonym(k2, 32, 5, b);
	assert_string_not_equal(a, b);
	modlog_pseudonym(k1, 32, 6, b);
	assert_string_not_equal(a, b);
	modlog_note_mac(k1, 32, "Jean", m1);
	assert_int_equal(strlen(m1), 64);
	modlog_note_mac(k2, 32, "Jean", m2);
	assert_string_not_equal(m1, m2);
	/* Not the plain SHA-256 of the note: guessing needs the key. */
	modlog_sha256_hex("moderation-note:Jean", 20, m2);
	assert_string_not_equal(m1, m2);
}

static void
modlog_head_text_round_trips_and_nothing_else_parses(void **state)
{
	struct modlog_head	h, back;
	char			text[512];
	const char		*bad[] = {
	    "agora-journal-moderation-tete/1\nlignes=+3\ndernier_id=9\n",
	    "agora-journal-moderation-tete/2\nlignes=3\n",
	    "",
	};
	size_t			i;

	memset(&h, 0, sizeof(h));
	h.rows = 3;
	h.last_id = 9;
	memcpy(h.last_hash, A64, 65);
	memcpy(h.signed_at, "2026-11-29T10:00:00Z", 21);
	memcpy(h.key, B64, 65);
	assert_true(modlog_head_text(&h, text, sizeof(text)) > 0);
	assert_string_equal(text, "agora-journal-moderation-tete/1\nlignes=3\n"
	    "dernier_id=9\nderniere_empreinte=" A64 "\nsigne_le="
	    "2026-11-29T10:00:00Z\ncle=" B64 "\n");
	assert_int_equal(modlog_head_parse(text, &back), 0);
	assert_true(back.rows == 3 && back.last_id == 9);
	assert_string_equal(back.last_hash, A64);
	/* Any change of spelling is refused: the signed text is the head. */
	text[strlen(text) - 1] = '\0';
	assert_int_equal(modlog_head_parse(text, &back), -1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(modlog_head_parse(bad[i], &back), -1);
	assert_int_equal(modlog_head_text(&h, text, 20), -1);
}

static void
modlog_json_reads_a_top_level_string(void **state)
{
	char	*v;

	v = modlog_json_string("{\"a\": 1, \"texte_signe\": \"l1\\nl2 \\u00e9"
	    "\\ud83d\\ude00 \\\"q\\\"\", \"b\": [1, {\"texte_signe\": \"x\"}]}",
	    "texte_signe");
	assert_non_null(v);
	assert_string_equal(v, "l1\nl2 é\xf0\x9f\x98\x80 \"q\"");
	free(v);
	assert_null(modlog_json_string("{\"texte_signe\": 3}", "texte_signe"));
	assert_null(modlog_json_string("{\"a\": \"b\"}", "texte_signe"));
	assert_null(modlog_json_string("{\"texte_signe\": \"x\"", "texte_signe"));
	assert_null(modlog_json_string("{\"texte_signe\": \"x\"} z", "texte_signe"));
	assert_null(modlog_json_string("[\"texte_signe\"]", "texte_signe"));
	assert_null(modlog_json_string("{\"t\": \"\\ud83d\"}", "t"));
	assert_null(modlog_json_string("", "t"));
}

static void
signkey_signs_and_verifies_ed25519(void **state)
{
	EVP_PKEY	*k, *pub;
	char		 sig[SIGNKEY_SIG_B64_LEN + 1], fpr[65], pem[512];
	const char	 msg[] = "agora-journal-moderation-tete/1\n";

	k = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
	assert_non_null(k);
	pub = signkey_public(k);
	assert_non_null(pub);
	assert_int_equal(signkey_sign(k, msg, strlen(msg), sig), 0);
	assert_int_equal(strlen(sig), SIGNKEY_SIG_B64_LEN);
	assert_int_equal(signkey_verify(pub, msg, strlen(msg), sig), 1);
	assert_int_equal(signkey_verify(pub, msg, strlen(msg) - 1, sig), 0);
	sig[10] = sig[10] == 'A' ? 'B' : 'A';
	assert_int_equal(signkey_verify(pub, msg, strlen(msg), sig), 0);
	assert_int_equal(signkey_verify(pub, msg, strlen(msg), "short"), 0);
	assert_int_equal(signkey_fingerprint(pub, fpr), 0);
	assert_int_equal(strlen(fpr), 64);
	assert_true(signkey_public_pem(pub, pem, sizeof(pem)) > 0);
	assert_non_null(strstr(pem, "-----BEGIN PUBLIC KEY-----\n"));
	assert_int_equal(signkey_public_pem(pub, pem, 10), -1);
	EVP_PKEY_free(pub);
	EVP_PKEY_free(k);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(modlog_time_formats_microseconds_in_utc),
		cmocka_unit_test(modlog_canonical_form1_is_postgresqls),
		cmocka_unit_test(modlog_canonical_form2_is_the_published_fields),
		cmocka_unit_test(modlog_canonical_form3_adds_the_subject_and_the_text),
		cmocka_unit_test(modlog_pseudonyms_and_commitments_are_keyed),
		cmocka_unit_test(modlog_head_text_round_trips_and_nothing_else_parses),
		cmocka_unit_test(modlog_json_reads_a_top_level_string),
		cmocka_unit_test(signkey_signs_and_verifies_ed25519),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
