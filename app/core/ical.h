/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * An iCalendar writer (RFC 5545), enough for a feed of dated events in
 * the region's time zone: the VCALENDAR with its PRODID and VERSION, the
 * VTIMEZONE of Europe/Paris, and one VEVENT per event. Every line ends in
 * CRLF and is folded at 75 octets (a continuation line starts with a
 * space), never inside a UTF-8 character; TEXT values are escaped
 * (backslash, semicolon, comma, newline). Writes through struct html_out
 * (app/core/html.h). Pure C, unit-tested alone (test/unit/test_ical.c).
 */

#ifndef AGORA_CORE_ICAL_H
#define AGORA_CORE_ICAL_H

#include "html.h"

#define ICAL_LINE_MAX	75	/* octets of a line, CRLF excluded */
#define ICAL_TZID	"Europe/Paris"

struct ical_event {
	const char	*uid;		/* unique and stable: "etape-4@host" */
	const char	*stamp;		/* UTC, "20261201T101500Z" */
	const char	*day;		/* local date, "2026-12-08" */
	const char	*starts;	/* local time, "09:30" */
	const char	*ends;		/* local time, "12:00" */
	const char	*summary;	/* TEXT */
	const char	*location;	/* TEXT */
	const char	*description;	/* TEXT, NULL: none */
};

/* BEGIN:VCALENDAR, VERSION, PRODID, the calendar's name, the VTIMEZONE. */
void	ical_begin(struct html_out *, const char *prodid, const char *name);
/*
 * One VEVENT. -1, writing nothing, when day, starts, ends or stamp are
 * not in the forms above; else 0.
 */
int	ical_event(struct html_out *, const struct ical_event *);
void	ical_end(struct html_out *);

/*
 * One content line, folded: "NAME:value", the value written as it is
 * (ical_line) or escaped as TEXT (ical_text_line).
 */
void	ical_line(struct html_out *, const char *name, const char *value);
void	ical_text_line(struct html_out *, const char *name, const char *text);

#endif
