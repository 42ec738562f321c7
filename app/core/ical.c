/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include "epn.h"
#include "ical.h"

/* A content line being written: where its current physical line stands. */
struct fold {
	struct html_out	*o;
	size_t		 col;		/* octets on the current physical line */
};

/*
 * Writes len octets that must stay together (one UTF-8 character, or one
 * escape), first folding the line when they would pass 75 octets.
 */
static void
fold_put(struct fold *f, const char *p, size_t len)
{
	if (f->col + len > ICAL_LINE_MAX) {
		f->o->write(f->o->arg, "\r\n ", 3);
		f->col = 1;
	}
	f->o->write(f->o->arg, p, len);
	f->col += len;
}

/* Octets of the UTF-8 character whose first octet is c (1 if invalid). */
static size_t
utf8_len(unsigned char c)
{
	if (c >= 0xf0 && c <= 0xf4)
		return (4);
	if (c >= 0xe0)
		return (c <= 0xef ? 3 : 1);
	if (c >= 0xc2)
		return (2);
	return (1);
}

/* s, character by character; escaped as TEXT when text is set. */
static void
fold_value(struct fold *f, const char *s, int text)
{
	size_t	n, i;

	while (*s != '\0') {
		unsigned char	c = (unsigned char)*s;

		if (text && (c == '\\' || c == ';' || c == ',')) {
			char	esc[2] = { '\\', (char)c };

			fold_put(f, esc, 2);
			s++;
			continue;
		}
		if (text && (c == '\r' || c == '\n')) {
			fold_put(f, "\\n", 2);
			/* CRLF is one line end. */
			s += (c == '\r' && s[1] == '\n') ? 2 : 1;
			continue;
		}
		if (c < 0x20 && c != '\t') {	/* not allowed in a value */
			s++;
			continue;
		}
		n = utf8_len(c);
		for (i = 1; i < n; i++)		/* a truncated sequence */
			if (((unsigned char)s[i] & 0xc0) != 0x80)
				n = i;
		fold_put(f, s, n);
		s += n;
	}
}

static void
line(struct html_out *o, const char *name, const char *value, int text)
{
	struct fold	f = { o, 0 };

	fold_value(&f, name, 0);
	fold_put(&f, ":", 1);
	fold_value(&f, value, text);
	o->write(o->arg, "\r\n", 2);
}

void
ical_line(struct html_out *o, const char *name, const char *value)
{
	line(o, name, value, 0);
}

void
ical_text_line(struct html_out *o, const char *name, const char *text)
{
	line(o, name, text, 1);
}

/*
 * Europe/Paris since 1996 (EU rule): summer time from the last Sunday of
 * March, 02:00, to the last Sunday of October, 03:00.
 */
static void
write_timezone(struct html_out *o)
{
	static const char *const tz[] = {
		"BEGIN:VTIMEZONE", "TZID:" ICAL_TZID,
		"BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
		"TZNAME:CEST", "DTSTART:19700329T020000",
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
		"BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
		"TZNAME:CET", "DTSTART:19701025T030000",
		"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
		"END:VTIMEZONE",
	};
	size_t	i;

	for (i = 0; i < sizeof(tz) / sizeof(tz[0]); i++) {
		o->write(o->arg, tz[i], strlen(tz[i]));
		o->write(o->arg, "\r\n", 2);
	}
}

void
ical_begin(struct html_out *o, const char *prodid, const char *name)
{
	ical_line(o, "BEGIN", "VCALENDAR");
	ical_line(o, "VERSION", "2.0");
	ical_line(o, "PRODID", prodid);
	ical_line(o, "CALSCALE", "GREGORIAN");
	if (name != NULL)
		ical_text_line(o, "X-WR-CALNAME", name);
	ical_line(o, "X-WR-TIMEZONE", ICAL_TZID);
	write_timezone(o);
}

void
ical_end(struct html_out *o)
{
	ical_line(o, "END", "VCALENDAR");
}

/* A UTC stamp "YYYYMMDDTHHMMSSZ": 16 octets, digits where digits go. */
static int
stamp_valid(const char *s)
{
	int	i;

	if (s == NULL || strlen(s) != 16 || s[8] != 'T' || s[15] != 'Z')
		return (0);
	for (i = 0; i < 15; i++)
		if (i != 8 && (s[i] < '0' || s[i] > '9'))
			return (0);
	return (1);
}

int
ical_event(struct html_out *o, const struct ical_event *e)
{
	char	start[64], end[64];	/* 16 used: room for the compiler's worst case */
	int	y, m, d, from, to;

	if (epn_date_parse(e->day, &y, &m, &d) == -1 ||
	    epn_time_parse(e->starts, &from) == -1 ||
	    epn_time_parse(e->ends, &to) == -1 || !stamp_valid(e->stamp))
		return (-1);
	snprintf(start, sizeof(start), "%04d%02d%02dT%02d%02d00", y, m, d,
	    from / 60, from % 60);
	snprintf(end, sizeof(end), "%04d%02d%02dT%02d%02d00", y, m, d,
	    to / 60, to % 60);
	ical_line(o, "BEGIN", "VEVENT");
	ical_line(o, "UID", e->uid);
	ical_line(o, "DTSTAMP", e->stamp);
	ical_line(o, "DTSTART;TZID=" ICAL_TZID, start);
	ical_line(o, "DTEND;TZID=" ICAL_TZID, end);
	ical_text_line(o, "SUMMARY", e->summary);
	ical_text_line(o, "LOCATION", e->location);
	if (e->description != NULL)
		ical_text_line(o, "DESCRIPTION", e->description);
	ical_line(o, "END", "VEVENT");
	return (0);
}
