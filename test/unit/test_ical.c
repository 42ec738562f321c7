/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Unit tests of app/core/ical.c and app/core/epn.c. */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../app/core/epn.h"
#include "../../app/core/ical.h"

struct sbuf {
	char	data[16384];
	size_t	len;
};

static void
sbuf_write(void *arg, const void *p, size_t len)
{
	struct sbuf	*b = arg;

	assert_true(b->len + len < sizeof(b->data));
	memcpy(b->data + b->len, p, len);
	b->len += len;
	b->data[b->len] = '\0';
}

/*
 * Checks what RFC 5545 asks of the physical lines (CRLF only, at most 75
 * octets, none cut inside a UTF-8 character) and unfolds them into out.
 */
static void
unfold(const char *s, char *out, size_t cap)
{
	const char	*p = s, *eol;
	size_t		 n = 0, len;

	while (*p != '\0') {
		eol = strstr(p, "\r\n");
		assert_non_null(eol);
		len = (size_t)(eol - p);
		assert_true(len <= ICAL_LINE_MAX);
		assert_null(memchr(p, '\n', len));
		assert_null(memchr(p, '\r', len));
		if (*p == ' ') {		/* a continuation */
			assert_true(n > 0);
			/* The first octet continued is never a UTF-8 tail. */
			assert_true(len < 2 || ((unsigned char)p[1] & 0xc0) != 0x80);
			n--;			/* the "\n" of the previous line */
			p++, len--;
		}
		assert_true(n + len + 1 < cap);
		memcpy(out + n, p, len);
		n += len;
		out[n++] = '\n';
		p = eol + 2;
	}
	out[n] = '\0';
}

static void
short_lines_are_not_folded(void **state)
{
	struct sbuf	b = { .len = 0 };
	struct html_out	o = { sbuf_write, &b };

	ical_line(&o, "VERSION", "2.0");
	assert_string_equal(b.data, "VERSION:2.0\r\n");
}

static void
text_is_escaped(void **state)
{
	struct sbuf	b = { .len = 0 };
	struct html_out	o = { sbuf_write, &b };

	ical_text_line(&o, "SUMMARY", "a\\b;c,d\ne\r\nf\rg\x01h");
	assert_string_equal(b.data, "SUMMARY:a\\\\b\\;c\\,d\\ne\\nf\\ngh\r\n");
}

static void
long_lines_fold_at_75_octets(void **state)
{
	struct sbuf	b = { .len = 0 };
	struct html_out	o = { sbuf_write, &b };
	char		value[201], out[1024];

	memset(value, 'x', 200);
	value[200] = '\0';
	ical_line(&o, "DESCRIPTION", value);
	/* 12 + 200 octets: 75, then 74 + 74 after each leading space. */
	assert_int_equal(strcspn(b.data, "\r"), 75);
	assert_memory_equal(b.data + 75, "\r\n x", 4);
	unfold(b.data, out, sizeof(out));
	assert_int_equal(strlen(out), 12 + 200 + 1);
	assert_memory_equal(out, "DESCRIPTION:", 12);
}

/* Every offset of a 2, 3 and 4-octet character against the fold. */
static void
folding_never_splits_a_character(void **state)
{
	static const char *const chars[] = { "é", "€", "😀" };
	char		 value[512], out[2048];
	size_t		 c, pad;

	for (c = 0; c < 3; c++) {
		for (pad = 0; pad < 8; pad++) {
			struct sbuf	b = { .len = 0 };
			struct html_out	o = { sbuf_write, &b };
			size_t		i;

			memset(value, 'a', pad);
			value[pad] = '\0';
			for (i = 0; i < 40; i++)
				strcat(value, chars[c]);
			ical_text_line(&o, "LOCATION", value);
			unfold(b.data, out, sizeof(out));
			assert_memory_equal(out, "LOCATION:", 9);
			assert_string_equal(out + 9, strcat(value, "\n"));
		}
	}
}

static void
event_has_its_fields_in_paris_time(void **state)
{
	struct sbuf		b = { .len = 0 };
	struct html_out		o = { sbuf_write, &b };
	struct ical_event	e = { "etape-7@exemple.fr", "20261201T101500Z",
	    "2026-12-08", "09:30", "12:00", "EPN mobile à Sancerre",
	    "Place de la Mairie, Sancerre", NULL };

	assert_int_equal(ical_event(&o, &e), 0);
	assert_non_null(strstr(b.data, "BEGIN:VEVENT\r\nUID:etape-7@exemple.fr"
	    "\r\nDTSTAMP:20261201T101500Z\r\n"
	    "DTSTART;TZID=Europe/Paris:20261208T093000\r\n"
	    "DTEND;TZID=Europe/Paris:20261208T120000\r\n"));
	assert_non_null(strstr(b.data,
	    "LOCATION:Place de la Mairie\\, Sancerre\r\nEND:VEVENT\r\n"));
	assert_null(strstr(b.data, "DESCRIPTION"));
}

static void
malformed_events_are_not_written(void **state)
{
	struct sbuf		b = { .len = 0 };
	struct html_out		o = { sbuf_write, &b };
	struct ical_event	e = { "u", "20261201T101500Z", "2026-02-30",
	    "09:30", "12:00", "s", "l", NULL };

	assert_int_equal(ical_event(&o, &e), -1);
	e.day = "2026-02-28";
	e.stamp = "2026-12-01 10:15";
	assert_int_equal(ical_event(&o, &e), -1);
	e.stamp = "20261201T101500Z";
	e.ends = "24:00";
	assert_int_equal(ical_event(&o, &e), -1);
	assert_int_equal(b.len, 0);
}

static void
calendar_has_version_prodid_and_timezone(void **state)
{
	struct sbuf	b = { .len = 0 };
	struct html_out	o = { sbuf_write, &b };

	ical_begin(&o, "-//Agora//Tournée EPN//FR", "Tournée, EPN mobile");
	ical_end(&o);
	assert_memory_equal(b.data, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
	    "PRODID:-//Agora//Tournée EPN//FR\r\n", 62);
	assert_non_null(strstr(b.data, "X-WR-CALNAME:Tournée\\, EPN mobile\r\n"));
	assert_non_null(strstr(b.data, "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"));
	assert_non_null(strstr(b.data, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
	assert_int_equal(strcmp(b.data + b.len - 15, "END:VCALENDAR\r\n"), 0);
}

static void
dates_and_hours_parse_strictly(void **state)
{
	int	y, m, d, min;

	assert_int_equal(epn_date_parse("2028-02-29", &y, &m, &d), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 20280229);
	assert_int_equal(epn_date_parse("2026-02-29", &y, &m, &d), -1);
	assert_int_equal(epn_date_parse("2026-13-01", &y, &m, &d), -1);
	assert_int_equal(epn_date_parse("2026-1-01", &y, &m, &d), -1);
	assert_int_equal(epn_date_parse("08/12/2026", &y, &m, &d), -1);
	assert_int_equal(epn_date_parse("2026-12-00", &y, &m, &d), -1);
	assert_int_equal(epn_date_parse(NULL, &y, &m, &d), -1);
	assert_int_equal(epn_time_parse("09:30", &min), 0);
	assert_int_equal(min, 570);
	assert_int_equal(epn_time_parse("23:59", &min), 0);
	assert_int_equal(epn_time_parse("24:00", &min), -1);
	assert_int_equal(epn_time_parse("9:30", &min), -1);
	assert_int_equal(epn_time_parse("09h30", &min), -1);
	assert_int_equal(epn_time_parse("09:60", &min), -1);
}

static void
texts_are_checked_in_french(void **state)
{
	char	buf[256];

	assert_null(epn_text_problem("Nom", "Médiathèque", EPN_NAME_MAX, 1, 0,
	    buf, sizeof(buf)));
	assert_null(epn_text_problem("Adresse", "", EPN_ADDRESS_MAX, 0, 0,
	    buf, sizeof(buf)));
	assert_string_equal(epn_text_problem("Nom", "", EPN_NAME_MAX, 1, 0,
	    buf, sizeof(buf)), "« Nom » est obligatoire.");
	assert_non_null(strstr(epn_text_problem("Commune", "a\tb",
	    EPN_COMMUNE_MAX, 1, 0, buf, sizeof(buf)), "contrôle"));
	assert_null(epn_text_problem("Horaires", "lundi\nmardi", EPN_HOURS_MAX,
	    0, 1, buf, sizeof(buf)));
	assert_non_null(strstr(epn_text_problem("Lieu", "ééé", 2, 1, 0, buf,
	    sizeof(buf)), "2 caractères (vous en avez saisi 3)"));
	assert_non_null(strstr(epn_text_problem("Lieu", "\xff", 2, 1, 0, buf,
	    sizeof(buf)), "UTF-8"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(short_lines_are_not_folded),
		cmocka_unit_test(text_is_escaped),
		cmocka_unit_test(long_lines_fold_at_75_octets),
		cmocka_unit_test(folding_never_splits_a_character),
		cmocka_unit_test(event_has_its_fields_in_paris_time),
		cmocka_unit_test(malformed_events_are_not_written),
		cmocka_unit_test(calendar_has_version_prodid_and_timezone),
		cmocka_unit_test(dates_and_hours_parse_strictly),
		cmocka_unit_test(texts_are_checked_in_french),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
