/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Official answers of the Region to proposals. */

#ifndef AGORA_DB_ANSWERS_H
#define AGORA_DB_ANSWERS_H

/*
 * For the proposal page: $1 proposal id. Zero or one row: status code
 * (retenue, a_l_etude, non_retenue, deja_en_cours), status label in French,
 * body_html (safe cmark output), date of the last version (French), the
 * official's display name.
 */
extern const char	sql_answer_for_proposal[];
/*
 * $1 proposal id. Zero or one row (published proposals only): title,
 * body_html, theme slug, theme title, answer status or NULL, answer body
 * (Markdown) or NULL, answer date (French) or NULL, 7 archived (t/f: an
 * imported consultation, which the Region does not answer).
 */
extern const char	sql_answer_proposal[];
enum { ANSWER_PROPOSAL_ARCHIVED = 7 };
/*
 * $1 proposal id, $2 status, $3 body (Markdown), $4 body_html, $5 official
 * user id, $6 base URL. Creates or replaces the answer and queues one
 * 'answer' e-mail in outbox for the proposal's author and each voter (with
 * an address). One row: answers written (0 when the proposal is not a
 * published proposal of a consultation that is not archived), e-mails
 * queued.
 */
extern const char	sql_answer_save[];

#endif
