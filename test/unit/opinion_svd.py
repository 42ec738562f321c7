# Copyright (c) 2026 The Agora developers.
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reference for test_opinion_pca.c: the opinion map's components computed
another way, by a dense SVD (numpy) of the imputed, centred matrix.

    opinion_svd.py VOTES OUT

VOTES: a line "n m min_votes", then "participant statement value" lines.
OUT: the two leading right singular vectors (m values each), their squared
singular values, then the Pol.is-scaled projection x, y of every
participant (0, 0 without votes), one number a line."""

import sys

import numpy as np


def main():
    with open(sys.argv[1]) as f:
        n, m, min_votes = (int(t) for t in f.readline().split())
        a = np.full((n, m), np.nan)
        for line in f:
            i, j, v = (int(t) for t in line.split())
            a[i, j] = v
    voted = ~np.isnan(a)
    nvoted_statements = int(voted.any(axis=0).sum())
    per_row = voted.sum(axis=1)
    steer = per_row >= min(min_votes, nvoted_statements)
    s = a[steer]
    mean = np.where(voted[steer].any(axis=0), np.nanmean(
        np.where(voted[steer], s, np.nan), axis=0), 0.0)
    mean = np.nan_to_num(mean)
    dense = np.where(np.isnan(s), mean, s) - mean   # impute, then centre
    _, sv, vt = np.linalg.svd(dense, full_matrices=False)
    full = np.where(voted, np.nan_to_num(a) - mean, 0.0)
    proj = full @ vt[:2].T
    scale = np.sqrt(nvoted_statements / np.maximum(per_row, 1))
    proj = proj * scale[:, None]
    with open(sys.argv[2], "w") as out:
        for c in range(2):
            for x in vt[c]:
                out.write("%.17g\n" % x)
        for c in range(2):
            out.write("%.17g\n" % (sv[c] ** 2))
        for i in range(n):
            out.write("%.17g\n%.17g\n" % (proj[i, 0], proj[i, 1]))


main()
