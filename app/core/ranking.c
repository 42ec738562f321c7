/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <math.h>

#include "ranking.h"

/*
 * (p + z²/2n - z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), with p = agree/n.
 */
double
ranking_wilson_lower(long long agree, long long total)
{
	double	n, p, z = RANKING_Z95, lb;

	if (total <= 0)
		return (0.0);
	if (agree < 0)
		agree = 0;
	if (agree > total)
		agree = total;
	n = (double)total;
	p = (double)agree / n;
	lb = (p + z * z / (2 * n) -
	    z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))) /
	    (1 + z * z / n);
	if (lb < 0)
		lb = 0;
	return (lb);
}
