/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * polis_check: Agora's opinion map (app/core/opinion.c) against Pol.is's
 * own groups on Pol.is's published conversations.
 *
 *   build/opinion/polis_check [--min-ari X] [--scaling polis|none]
 *       [--moderated polis|agora|keep] [--min-votes N] [--min-group N]
 *       [--k-margin X] [--polis-k] [--markdown] DIR...
 *
 * For each conversation folder: the latest vote of each participant on each
 * comment (votes.csv); Pol.is's group-id of each participant
 * (participants-votes.csv). Moderated-out comments (comments.csv,
 * moderated -1) are treated as Pol.is treats them (--moderated polis):
 * Pol.is sets their column to 0 for everyone, so they steer nothing but
 * count as a vote of every participant in its projection's sparsity
 * scaling (opinion_params.scale_extra); "agora" drops them as Agora drops
 * hidden proposals, "keep" keeps their votes. --min-votes, --min-group,
 * --k-margin and --polis-k (k forced to Pol.is's) measure where the two
 * differ.
 * Prints the participants each
 * side clusters and both do, the groups each found, the adjusted Rand index
 * between the two partitions over the participants both cluster, and the
 * silhouette of each partition measured on Agora's projection of those
 * same participants. With --min-ari, a conversation below it fails (exit 1)
 * and the last line is "opinion: N passed, N failed".
 */

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/opinion.h"
#include "../../app/core/polis.h"

struct check_opts {
	double			 min_ari;	/* NAN: report only */
	enum opinion_scaling	 scaling;
	enum { MOD_POLIS, MOD_AGORA, MOD_KEEP } moderated;
	int			 markdown;
	int			 polis_k;	/* force Pol.is's number of groups */
	unsigned		 min_votes;
	int			 min_group;	/* -1: the default */
	double			 k_margin;	/* NAN: the default */
};

struct check_row {
	char		 namebuf[512];
	const char	*name;
	uint32_t	 voters, ours, theirs, both;
	unsigned	 k_ours, k_theirs;
	double		 ari, sil_ours, sil_theirs, sil_reported;
};

/* The whole file dir/name, NUL-terminated (caller frees); NULL on error. */
static char *
slurp(const char *dir, const char *name, size_t *len)
{
	char	 path[4096], *buf = NULL;
	FILE	*f;
	long	 n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return (NULL);
	}
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL &&
	    fread(buf, 1, (size_t)n, f) == (size_t)n) {
		buf[n] = '\0';
		*len = (size_t)n;
	} else {
		fprintf(stderr, "%s: cannot read\n", path);
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return (buf);
}

/* Index of voter id v among the sorted distinct ids, or -1. */
static long
voter_index(const uint32_t *ids, size_t n, uint32_t v)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (ids[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo < n && ids[lo] == v ? (long)lo : -1);
}

/* Whether comment id c is moderated out. */
static int
moderated_out(const struct polis_comment *c, size_t n, uint32_t id)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (c[i].id == id)
			return (c[i].moderated == -1);
	return (0);
}

/* Silhouettes of both partitions over the participants both cluster. */
static void
check_compare(const struct opinion_map *map, const int *theirs,
    struct check_row *row)
{
	double		*xs, *ys;
	int		*a, *b, seen[1001] = { 0 }, relabel[1001];
	uint32_t	 i, n = 0;
	unsigned	 kt = 0;

	xs = calloc(map->nparticipants + 1, sizeof(*xs));
	ys = calloc(map->nparticipants + 1, sizeof(*ys));
	a = calloc(map->nparticipants + 1, sizeof(*a));
	b = calloc(map->nparticipants + 1, sizeof(*b));
	if (xs == NULL || ys == NULL || a == NULL || b == NULL)
		abort();
	for (i = 0; i < map->nparticipants; i++) {
		if (theirs[i] >= 0 && !seen[theirs[i]]) {
			seen[theirs[i]] = 1;
			relabel[theirs[i]] = (int)kt++;
		}
		row->theirs += theirs[i] >= 0;
		if (map->group[i] < 0 || theirs[i] < 0)
			continue;
		xs[n] = map->x[i];
		ys[n] = map->y[i];
		a[n] = map->group[i];
		b[n++] = relabel[theirs[i]];
	}
	row->k_theirs = kt;
	row->both = n;
	row->ari = opinion_adjusted_rand(a, b, n);
	row->sil_ours = opinion_silhouette(xs, ys, a, n, map->k, 0, 1);
	row->sil_theirs = kt <= OPINION_K_MAX ?
	    opinion_silhouette(xs, ys, b, n, kt, 0, 1) : NAN;
	free(xs);
	free(ys);
	free(a);
	free(b);
}

/* Votes of one conversation into Agora's input, and Pol.is's groups. */
static int
check_load(const char *dir, const struct check_opts *o,
    struct opinion_vote **ov, size_t *nov, uint32_t **ids, size_t *nids,
    int **theirs, uint32_t *nstatements, unsigned *nmoderated)
{
	struct polis_vote	*v = NULL;
	struct polis_comment	*c = NULL;
	struct polis_member	*m = NULL;
	char			*buf[3], err[512];
	size_t			 len[3], nv = 0, nc = 0, nm = 0, i;
	long			 p;
	int			 rc = -1;

	buf[0] = slurp(dir, "votes.csv", &len[0]);
	buf[1] = slurp(dir, "comments.csv", &len[1]);
	buf[2] = slurp(dir, "participants-votes.csv", &len[2]);
	if (buf[0] == NULL || buf[1] == NULL || buf[2] == NULL)
		goto out;
	if (polis_votes_read(buf[0], len[0], &v, &nv, err, sizeof(err)) == -1 ||
	    polis_comments_read(buf[1], len[1], &c, &nc, err, sizeof(err)) == -1 ||
	    polis_members_read(buf[2], len[2], &m, &nm, err, sizeof(err)) == -1) {
		fprintf(stderr, "%s: %s\n", dir, err);
		goto out;
	}
	*nmoderated = 0;
	for (i = 0; i < nc; i++)
		*nmoderated += c[i].moderated == -1;
	*ids = calloc(nv + 1, sizeof(**ids));
	*ov = calloc(nv + 1, sizeof(**ov));
	if (*ids == NULL || *ov == NULL)
		abort();
	*nids = 0;
	*nov = 0;
	*nstatements = 0;
	for (i = 0; i < nv; i++) {	/* sorted by voter */
		if (*nids == 0 || (*ids)[*nids - 1] != v[i].voter)
			(*ids)[(*nids)++] = v[i].voter;
		if (o->moderated != MOD_KEEP &&
		    moderated_out(c, nc, v[i].comment))
			continue;
		(*ov)[*nov].participant = (uint32_t)(*nids - 1);
		(*ov)[*nov].statement = v[i].comment;
		(*ov)[(*nov)++].value = v[i].value;
		if (v[i].comment >= *nstatements)
			*nstatements = v[i].comment + 1;
	}
	if ((*theirs = calloc(*nids + 1, sizeof(int))) == NULL)
		abort();
	for (i = 0; i < *nids; i++)
		(*theirs)[i] = -1;
	for (i = 0; i < nm; i++)
		if ((p = voter_index(*ids, *nids, m[i].participant)) >= 0)
			(*theirs)[p] = m[i].group;
	rc = 0;
out:
	for (i = 0; i < 3; i++)
		free(buf[i]);
	free(v);
	free(c);
	free(m);
	return (rc);
}

/* Pol.is's number of groups. */
static unsigned
polis_groups(const int *theirs, size_t n)
{
	int	seen[1001] = { 0 };
	size_t	i;
	unsigned k = 0;

	for (i = 0; i < n; i++)
		if (theirs[i] >= 0 && !seen[theirs[i]]++)
			k++;
	return (k);
}

static int
check_one(const char *dir, const struct check_opts *o, struct check_row *row)
{
	struct opinion_input	 in;
	struct opinion_params	 p;
	struct opinion_map	 map;
	struct opinion_vote	*ov = NULL;
	uint32_t		*ids = NULL;
	int			*theirs = NULL, rc = -1;
	size_t			 nov, nids;
	unsigned		 nmoderated;
	char			 err[256];
	char			*slash;

	memset(row, 0, sizeof(*row));
	/* The folder's own name, whatever slashes end the path. */
	snprintf(row->namebuf, sizeof(row->namebuf), "%s", dir);
	while ((slash = strrchr(row->namebuf, '/')) != NULL && slash[1] == '\0'
	    && slash != row->namebuf)
		*slash = '\0';
	row->name = (slash = strrchr(row->namebuf, '/')) != NULL ? slash + 1 :
	    row->namebuf;
	if (check_load(dir, o, &ov, &nov, &ids, &nids, &theirs,
	    &in.nstatements, &nmoderated) == -1)
		goto out;
	in.votes = ov;
	in.nvotes = nov;
	in.nparticipants = (uint32_t)nids;
	opinion_params_default(&p);
	p.scaling = o->scaling;
	if (o->moderated == MOD_POLIS)
		p.scale_extra = nmoderated;
	if (!isnan(o->k_margin))
		p.k_margin = o->k_margin;
	if (o->min_group >= 0)
		p.min_group = (unsigned)o->min_group;
	if (o->min_votes)
		p.min_votes = o->min_votes;
	if (o->polis_k) {
		p.k_min = p.k_max = polis_groups(theirs, nids);
	}
	if (opinion_map_compute(&in, &p, &map, err, sizeof(err)) == -1) {
		fprintf(stderr, "%s: %s\n", dir, err);
		goto out;
	}
	if (map.reason != OPINION_MAPPED) {
		fprintf(stderr, "%s: %s\n", dir, map.reason_text);
		opinion_map_free(&map);
		goto out;
	}
	row->voters = map.nvoters;
	row->ours = map.nsteering;
	row->k_ours = map.k;
	row->sil_reported = map.silhouette;
	if (getenv("POLIS_CHECK_DUMP") != NULL) {	/* x y ours theirs votes */
		FILE *f = fopen(getenv("POLIS_CHECK_DUMP"), "w");
		for (uint32_t q = 0; f != NULL && q < map.nparticipants; q++)
			fprintf(f, "%.9g %.9g %d %d %u\n", map.x[q], map.y[q],
			    map.group[q], theirs[q], map.votes_of[q]);
		if (f != NULL)
			fclose(f);
	}
	check_compare(&map, theirs, row);
	opinion_map_free(&map);
	rc = 0;
out:
	free(ov);
	free(ids);
	free(theirs);
	return (rc);
}

static void
print_row(const struct check_row *r, const struct check_opts *o)
{
	if (o->markdown)
		printf("| %s | %u | %u | %u | %u | %u | %u | %.3f | %.3f | "
		    "%.3f |\n", r->name, r->voters, r->ours, r->theirs,
		    r->both, r->k_ours, r->k_theirs, r->ari, r->sil_ours,
		    r->sil_theirs);
	else
		printf("%-24s %7u %7u %7u %7u %4u %4u %7.3f %8.3f %8.3f\n",
		    r->name, r->voters, r->ours, r->theirs, r->both, r->k_ours,
		    r->k_theirs, r->ari, r->sil_ours, r->sil_theirs);
}

static int
usage(void)
{
	fprintf(stderr, "usage: polis_check [--min-ari X] [--scaling "
	    "polis|none]\n    [--moderated polis|agora|keep] [--min-votes N] "
	    "[--min-group N] [--k-margin X] [--polis-k] [--markdown] DIR...\n");
	return (2);
}

int
main(int argc, char *argv[])
{
	struct check_opts	o = { NAN, OPINION_SCALE_POLIS, MOD_POLIS, 0, 0, 0, -1,
	    NAN };
	struct check_row	r;
	int			i, passed = 0, failed = 0;

	for (i = 1; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if (strcmp(argv[i], "--min-ari") == 0 && i + 1 < argc)
			o.min_ari = strtod(argv[++i], NULL);
		else if (strcmp(argv[i], "--scaling") == 0 && i + 1 < argc)
			o.scaling = strcmp(argv[++i], "none") == 0 ?
			    OPINION_SCALE_NONE : OPINION_SCALE_POLIS;
		else if (strcmp(argv[i], "--moderated") == 0 && i + 1 < argc) {
			i++;
			o.moderated = strcmp(argv[i], "keep") == 0 ? MOD_KEEP :
			    strcmp(argv[i], "agora") == 0 ? MOD_AGORA : MOD_POLIS;
		}
		else if (strcmp(argv[i], "--k-margin") == 0 && i + 1 < argc)
			o.k_margin = strtod(argv[++i], NULL);
		else if (strcmp(argv[i], "--min-group") == 0 && i + 1 < argc)
			o.min_group = atoi(argv[++i]);
		else if (strcmp(argv[i], "--polis-k") == 0)
			o.polis_k = 1;
		else if (strcmp(argv[i], "--min-votes") == 0 && i + 1 < argc)
			o.min_votes = (unsigned)atoi(argv[++i]);
		else if (strcmp(argv[i], "--markdown") == 0)
			o.markdown = 1;
		else
			return (usage());
	}
	if (i == argc)
		return (usage());
	if (o.markdown)
		printf("| conversation | voters | clustered by Agora | by Pol.is "
		    "| by both | groups Agora | groups Pol.is | ARI | silhouette "
		    "Agora | silhouette Pol.is |\n|---|---|---|---|---|---|---|"
		    "---|---|---|\n");
	else
		printf("%-24s %7s %7s %7s %7s %4s %4s %7s %8s %8s\n",
		    "conversation", "voters", "agora", "polis", "both", "k_a",
		    "k_p", "ari", "sil_a", "sil_p");
	for (; i < argc; i++) {
		if (check_one(argv[i], &o, &r) == -1) {
			printf("%s: not checked (see above)\n", argv[i]);
			failed++;
			continue;
		}
		print_row(&r, &o);
		if (isnan(o.min_ari))
			continue;
		if (r.ari >= o.min_ari)
			passed++;
		else {
			printf("%s: adjusted Rand index %.3f below %.2f\n",
			    r.name, r.ari, o.min_ari);
			failed++;
		}
	}
	if (!isnan(o.min_ari))
		printf("opinion: %d passed, %d failed\n", passed, failed);
	return (failed ? 1 : 0);
}
