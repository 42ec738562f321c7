/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * E-mail messages as RFC 5322 text: headers (the subject RFC 2047-encoded
 * when it is not plain ASCII), then a UTF-8 plain-text body, every line
 * ending in CRLF. Pure C; the web layer writes or sends the result.
 */

#ifndef AGORA_CORE_MAIL_H
#define AGORA_CORE_MAIL_H

#include <stddef.h>
#include <time.h>

/*
 * Builds the whole message. from is "Name <addr>" or "addr"; msgid is
 * written inside angle brackets. Returns a NUL-terminated string the caller
 * free()s, or NULL when a header value holds CR, LF or is empty.
 */
char	*mail_message(const char *from, const char *to, const char *subject,
	    const char *body, time_t date, const char *msgid);
/*
 * The same, with a one-click unsubscribe (RFC 8058) when unsub is not NULL:
 * List-Unsubscribe: <unsub> and List-Unsubscribe-Post. NULL also when unsub
 * holds CR, LF or '>'.
 */
char	*mail_message_unsub(const char *from, const char *to,
	    const char *subject, const char *body, time_t date,
	    const char *msgid, const char *unsub);
/*
 * Writes "=?UTF-8?B?...?=" words (folded with CRLF SP) for a non-ASCII
 * value, or the value itself when it is printable ASCII. free()d by caller.
 */
char	*mail_encode_header(const char *value);
/* The bare address of "Name <addr>" (or of "addr"). free()d by caller. */
char	*mail_address(const char *from);
/* RFC 5322 date, "Sun, 29 Nov 2026 04:05:06 +0000", into out (>= 32). */
void	mail_date(time_t, char *out, size_t outlen);

#endif
