/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <string.h>

#include "vocab.h"

#define VOCAB_ROW_(e, code, label)	[e] = { code, label },

const struct vocab vocab_status[ST__MAX] = { VOCAB_STATUS(VOCAB_ROW_) };
const struct vocab vocab_kind[KIND__MAX] = { VOCAB_KIND(VOCAB_ROW_) };
const struct vocab vocab_position[POS__MAX] = { VOCAB_POSITION(VOCAB_ROW_) };
const struct vocab vocab_choice[CHOICE__MAX] = { VOCAB_CHOICE(VOCAB_ROW_) };
const struct vocab vocab_answer[ANS__MAX] = { VOCAB_ANSWER(VOCAB_ROW_) };
const struct vocab vocab_phase[PHASE__MAX] = { VOCAB_PHASE(VOCAB_ROW_) };
const struct vocab vocab_decision[DEC__MAX] = { VOCAB_DECISION(VOCAB_ROW_) };
const struct vocab vocab_log_action[LOG__MAX] =
    { VOCAB_LOG_ACTION(VOCAB_ROW_) };
const struct vocab vocab_reason[REASON__MAX] = { VOCAB_REASON(VOCAB_ROW_) };
const struct vocab vocab_mode[MODE__MAX] = { VOCAB_MODE(VOCAB_ROW_) };
const struct vocab vocab_alignment[ALIGN__MAX] =
    { VOCAB_ALIGNMENT(VOCAB_ROW_) };
const struct vocab vocab_opinion_reason[OMR__MAX] =
    { VOCAB_OPINION_REASON(VOCAB_ROW_) };
const struct vocab vocab_topic_reason[TOPR__MAX] =
    { VOCAB_TOPIC_REASON(VOCAB_ROW_) };
const struct vocab vocab_opinion_side[OMSIDE__MAX] =
    { VOCAB_OPINION_SIDE(VOCAB_ROW_) };
const struct vocab vocab_status_own[ST__MAX] =
    { VOCAB_STATUS_OWN(VOCAB_ROW_) };
const struct vocab vocab_notify_kind[NK__MAX] =
    { VOCAB_NOTIFY_KIND(VOCAB_ROW_) };
const struct vocab vocab_notify_mode[NM__MAX] =
    { VOCAB_NOTIFY_MODE(VOCAB_ROW_) };
const struct vocab vocab_link[LINK__MAX] = { VOCAB_LINK(VOCAB_ROW_) };
const struct vocab vocab_erasure[ERASE__MAX] = { VOCAB_ERASURE(VOCAB_ROW_) };
const struct vocab vocab_role_change[RC__MAX] =
    { VOCAB_ROLE_CHANGE(VOCAB_ROW_) };
const struct vocab vocab_kind_public[KIND__MAX] =
    { VOCAB_KIND_PUBLIC(VOCAB_ROW_) };
const struct vocab vocab_analysis[AN__MAX] = { VOCAB_ANALYSIS(VOCAB_ROW_) };
const struct vocab vocab_epn_kind[EPN__MAX] = { VOCAB_EPN_KIND(VOCAB_ROW_) };
const struct vocab vocab_epn_result[EPR__MAX] =
    { VOCAB_EPN_RESULT(VOCAB_ROW_) };
const struct vocab vocab_mediator_set[MS__MAX] =
    { VOCAB_MEDIATOR_SET(VOCAB_ROW_) };
const struct vocab vocab_channel[CH__MAX] = { VOCAB_CHANNEL(VOCAB_ROW_) };

int
vocab_find(const struct vocab *t, int n, const char *code)
{
	int	i;

	if (code == NULL)
		return (-1);
	for (i = 0; i < n; i++)
		if (strcmp(t[i].code, code) == 0)
			return (i);
	return (-1);
}

const char *
vocab_label(const struct vocab *t, int n, const char *code)
{
	int	i = vocab_find(t, n, code);

	return (i == -1 ? "" : t[i].label);
}

const char *
vocab_plural(long long n, const char *one, const char *many)
{
	return (n > 1 || n < -1 ? many : one);
}
