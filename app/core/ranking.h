/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Ranking maths for the listings. "Broadest agreement" is not the raw share
 * of "d'accord" votes (1 vote out of 1 would beat 95 out of 100) but the
 * lower bound of the Wilson score interval at 95 %: the share of agreement
 * we can be 95 % sure of, given how many people voted. The SQL function
 * wilson_lower_bound() (migrations/0030) computes the same value.
 */

#ifndef AGORA_CORE_RANKING_H
#define AGORA_CORE_RANKING_H

#define RANKING_Z95	1.96	/* normal quantile, two-sided 95 % */

/*
 * Wilson lower bound of agree / total at 95 %, in [0, 1]. 0 when total is
 * 0 or less; agree is clamped to [0, total].
 */
double	ranking_wilson_lower(long long agree, long long total);

#endif
