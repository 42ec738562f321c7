/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * agora import polis DIR: a Pol.is conversation export
 * (../shared/data/polis_opendata/<folder>: summary.csv, comments.csv,
 * votes.csv, participants-votes.csv; CC BY 4.0) into an archived
 * consultation of its own, "polis-<folder>", with one theme (the
 * conversation's topic). Comments become proposals (moderated-out ones
 * hidden, so not public); every participant becomes a pseudonymous
 * participant of that consultation (imported_participants, the Pol.is
 * voter-id as source id) and keeps their own votes (imported_votes): agree,
 * pass, disagree as d'accord, mitigé, pas d'accord, only the latest vote
 * on each comment (app/core/polis.h). The proposals' tallies are those
 * votes counted, so that every figure of the archive recounts from them.
 *
 * Cross-checks: every vote's comment is in comments.csv; every voter has
 * a line in participants-votes.csv whose n-votes equals the latest votes
 * read (a votes.csv cut at a record boundary shows there); summary.csv's
 * voters equals the distinct voters.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/plaintext.h"
#include "../core/polis.h"
#include "../core/text.h"
#include "cli.h"
#include "import.h"

enum { C_TIMESTAMP, C_ID, C_MODERATED, C_BODY };
static const char *const comment_cols[] = { "timestamp", "comment-id",
    "moderated", "comment-body", NULL };
static const char *const vote_cols[] = { "timestamp", "comment-id",
    "voter-id", "vote", NULL };
enum { P_PARTICIPANT, P_NVOTES };
static const char *const member_cols[] = { "participant", "n-votes", NULL };
static const char *const no_cols[] = { NULL };

#define POLIS_TITLE_MAX	120	/* bytes of a comment kept as its title */

/* What the folder says of itself; strings point into summary.csv's rows. */
struct polis_conv {
	char		 slug[72], source[72], title[256];
	char		 body[2048], licence[1024];
	const char	*topic, *description, *url, *voters;
	struct csv_record rec[32];
	size_t		 nrec;
};

static const char polis_attribution[] =
    "Data was gathered using the Polis software (compdemocracy.org/polis) "
    "and is sub-licensed under CC BY 4.0 with Attribution to The "
    "Computational Democracy Project.";

/* The folder's own name, whatever slashes end the path. */
static void
folder_name(const char *dir, char *out, size_t outsz)
{
	const char	*end = dir + strlen(dir), *start;

	while (end > dir + 1 && end[-1] == '/')
		end--;
	for (start = end; start > dir && start[-1] != '/'; start--)
		;
	snprintf(out, outsz, "%.*s", (int)(end - start), start);
}

/* summary.csv: key,value lines, no header. */
static void
read_summary(const char *dir, struct polis_conv *cv, struct import_file *f)
{
	struct csv_reader	r;
	char			err[256];
	size_t			i;
	int			rc;

	import_load(f, dir, "summary.csv", ',', no_cols);
	csv_reader_init(&r, f->data, f->len, ',');
	while (cv->nrec < 32 && (rc = csv_read(&r, &cv->rec[cv->nrec], err,
	    sizeof(err))) == 1)
		cv->nrec++;
	for (i = 0; i < cv->nrec; i++) {
		if (cv->rec[i].nfields < 2)
			continue;
		if (strcmp(cv->rec[i].fields[0], "topic") == 0)
			cv->topic = cv->rec[i].fields[1];
		else if (strcmp(cv->rec[i].fields[0],
		    "conversation-description") == 0)
			cv->description = cv->rec[i].fields[1];
		else if (strcmp(cv->rec[i].fields[0], "url") == 0)
			cv->url = cv->rec[i].fields[1];
		else if (strcmp(cv->rec[i].fields[0], "voters") == 0)
			cv->voters = cv->rec[i].fields[1];
	}
	if (cv->topic == NULL || *cv->topic == '\0')
		import_fail(NULL, "summary.csv", 0, "la ligne « topic » (le "
		    "sujet de la conversation) manque");
	if (cv->url != NULL && !text_link_valid(cv->url))
		import_fail(NULL, "summary.csv", 0, "url « %s » invalide",
		    cv->url);
}

/* The consultation's slug, texts and provenance. */
static void
describe(const char *dir, struct polis_conv *cv, struct import_source *src)
{
	char	folder[256], base[65];

	folder_name(dir, folder, sizeof(folder));
	if (plain_slugify(folder, base, sizeof(base), 58) == 0)
		import_fail(NULL, NULL, 0, "dossier « %s » : nom inutilisable",
		    folder);
	snprintf(cv->slug, sizeof(cv->slug), "polis-%s", base);
	snprintf(cv->source, sizeof(cv->source), "polis-%s", base);
	if (!text_slug_valid(cv->slug))
		import_fail(NULL, NULL, 0, "identifiant « %s » invalide",
		    cv->slug);
	snprintf(cv->title, sizeof(cv->title), "Pol.is : %s", cv->topic);
	snprintf(cv->body, sizeof(cv->body), "Conversation menée sur Pol.is "
	    "(en anglais) et importée de ses données ouvertes : chaque "
	    "commentaire est une proposition, chaque participant un "
	    "participant pseudonyme dont les votes (d'accord, mitigé, pas "
	    "d'accord) sont ceux qu'il a donnés sur Pol.is, le dernier sur "
	    "chaque commentaire. Ce ne sont pas des avis déposés ici.\n\n%s",
	    polis_attribution);
	snprintf(cv->licence, sizeof(cv->licence), "CC BY 4.0. %s Fichiers "
	    "exportés par Pol.is, copiés sans changement de "
	    "github.com/compdemocracy/openData (dossier %s).",
	    polis_attribution, folder);
	src->slug = cv->slug;
	src->source = cv->source;
	src->title = cv->title;
	src->summary = cv->description != NULL && *cv->description != '\0' ?
	    cv->description : cv->topic;
	src->body = cv->body;
	src->name = "pol.is";
	src->url = cv->url != NULL && *cv->url != '\0' ? cv->url :
	    "https://pol.is/";
	src->licence = cv->licence;
}

/* "2017-07-17T02:17:32.930Z" from milliseconds since 1970. */
static void
iso_ms(long long ms, char *out, size_t outsz)
{
	time_t		t = (time_t)(ms / 1000);
	struct tm	tm;

	gmtime_r(&t, &tm);
	snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, (int)(ms % 1000));
}

/* A title from the comment: its start, cut at a word, with an ellipsis. */
static char *
comment_title(const char *body, const char *id)
{
	char	*t;
	size_t	 n = 0, cut = 0, i;

	while (*body == ' ' || *body == '\n' || *body == '\r' || *body == '\t')
		body++;
	if (*body == '\0') {
		if ((t = malloc(64)) == NULL)
			import_fail(NULL, NULL, 0, "mémoire insuffisante");
		snprintf(t, 64, "Commentaire %s", id);
		return (t);
	}
	for (i = 0; body[i] != '\0' && body[i] != '\n' && body[i] != '\r' &&
	    i < POLIS_TITLE_MAX; i++)
		if (body[i] == ' ')
			cut = i;
	n = i;
	if (body[i] != '\0' && body[i] != '\n' && body[i] != '\r') {
		if (cut > POLIS_TITLE_MAX / 2)
			n = cut;
		while (n > 0 && ((unsigned char)body[n] & 0xc0) == 0x80)
			n--;	/* never inside a UTF-8 character */
	}
	if ((t = malloc(n + 4)) == NULL)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	memcpy(t, body, n);
	if (body[n] != '\0')
		memcpy(t + n, "\xe2\x80\xa6", 4);	/* … */
	else
		t[n] = '\0';
	return (t);
}

/* Comments into proposals of theme 0; their titles go to titles[]. */
static void
plan_comments(struct import_plan *pl, const struct import_file *cm,
    char **titles, char (*created)[80])
{
	struct import_item	*it;
	const char		*v;
	char			 sid[48];
	size_t			 i;

	for (i = 0; i < cm->nrows; i++) {
		v = import_get(cm, i, C_ID);
		if (!import_is_count(v))
			import_fail(NULL, cm->name, import_line(cm, i),
			    "comment-id « %s » n'est pas un nombre", v);
		v = import_get(cm, i, C_TIMESTAMP);
		if (*v == '\0' || strlen(v) > 15 ||
		    strspn(v, "0123456789") != strlen(v))
			import_fail(NULL, cm->name, import_line(cm, i),
			    "timestamp « %s » n'est pas un nombre de "
			    "millisecondes", v);
		v = import_get(cm, i, C_MODERATED);
		if (strcmp(v, "1") != 0 && strcmp(v, "0") != 0 &&
		    strcmp(v, "-1") != 0)
			import_fail(NULL, cm->name, import_line(cm, i),
			    "moderated « %s » inconnu (1, 0 ou -1)", v);
		snprintf(sid, sizeof(sid), "comment/%s",
		    import_get(cm, i, C_ID));
		it = import_plan_item(pl, IMPORT_PROPOSAL, 0, sid,
		    import_get(cm, i, C_BODY), cm->name, import_line(cm, i));
		titles[i] = comment_title(import_get(cm, i, C_BODY),
		    import_get(cm, i, C_ID));
		iso_ms(atoll(import_get(cm, i, C_TIMESTAMP)), created[i], 80);
		it->theme = 0;
		it->title = titles[i];
		it->hidden = strcmp(v, "-1") == 0;
		it->created = created[i];
	}
}

/* The item of comment id c, or refuses the vote's line. */
static size_t
comment_item(const struct import_plan *pl, const struct polis_vote *v)
{
	char	sid[48];
	size_t	k;

	snprintf(sid, sizeof(sid), "comment/%u", v->comment);
	if ((k = import_plan_find(pl, sid)) == 0)
		import_fail(NULL, "votes.csv", v->line, "le commentaire %u de "
		    "ce vote n'est pas dans comments.csv", v->comment);
	return (k - 1);
}

static int
cmp_member(const void *a, const void *b)
{
	const long long	*x = a, *y = b;

	return (x[0] < y[0] ? -1 : x[0] > y[0]);
}

/*
 * participants-votes.csv: (participant, n-votes, line) sorted by
 * participant, into *out (3 long longs per row).
 */
static long long *
read_members(const struct import_file *pv)
{
	long long	*m;
	size_t		 i;

	if ((m = calloc(3 * pv->nrows + 3, sizeof(*m))) == NULL)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	for (i = 0; i < pv->nrows; i++) {
		if (!import_is_count(import_get(pv, i, P_PARTICIPANT)) ||
		    !import_is_count(import_get(pv, i, P_NVOTES)))
			import_fail(NULL, pv->name, import_line(pv, i),
			    "participant « %s » ou n-votes « %s » n'est pas "
			    "un nombre", import_get(pv, i, P_PARTICIPANT),
			    import_get(pv, i, P_NVOTES));
		m[3 * i] = atoll(import_get(pv, i, P_PARTICIPANT));
		m[3 * i + 1] = atoll(import_get(pv, i, P_NVOTES));
		m[3 * i + 2] = (long long)import_line(pv, i);
	}
	qsort(m, pv->nrows, 3 * sizeof(*m), cmp_member);
	for (i = 1; i < pv->nrows; i++)
		if (m[3 * i] == m[3 * (i - 1)])
			import_fail(NULL, pv->name, (size_t)m[3 * i + 2],
			    "le participant %lld figure deux fois", m[3 * i]);
	return (m);
}

/* The row of participant id in the sorted members, or NULL. */
static long long *
member_of(long long *m, size_t n, long long id)
{
	long long	key[3] = { id, 0, 0 };

	return (bsearch(key, m, n, 3 * sizeof(*m), cmp_member));
}

/*
 * Each participant's latest votes (v: sorted by voter), checked against
 * participants-votes.csv's n-votes; participants and votes into the plan.
 */
static size_t
plan_votes(struct import_plan *pl, const struct polis_vote *v, size_t nv,
    const struct import_file *pv, size_t *tally)
{
	static const char *const choice[3] = { "disagree", "mixed", "agree" };
	long long	*m, *row, *first = NULL;
	size_t		 i, j, who, item, voters = 0, others = 0, got = 0;
	char		 sid[24];

	m = read_members(pv);
	for (i = 0; i < nv; i = j) {
		for (j = i; j < nv && v[j].voter == v[i].voter; j++)
			;
		if ((row = member_of(m, pv->nrows, v[i].voter)) == NULL)
			import_fail(NULL, "votes.csv", v[i].line, "le votant %u "
			    "n'a pas de ligne dans participants-votes.csv",
			    v[i].voter);
		if ((size_t)row[1] != j - i && others++ == 0) {
			first = row;
			got = j - i;
		}
		row[1] = -1;	/* seen */
		snprintf(sid, sizeof(sid), "%u", v[i].voter);
		who = import_plan_participant(pl, sid);
		voters++;
		for (; i < j; i++) {
			item = comment_item(pl, &v[i]);
			import_plan_vote(pl, who, item, choice[v[i].value + 1],
			    v[i].timestamp);
			tally[3 * item + (size_t)(v[i].value + 1)]++;
		}
	}
	for (i = 0; i < pv->nrows; i++)	/* declared votes, none read */
		if (m[3 * i + 1] > 0 && others++ == 0) {
			first = &m[3 * i];
			got = 0;
		}
	if (others > 0)
		import_fail(NULL, pv->name, (size_t)first[2], "le participant "
		    "%lld déclare %lld votes (n-votes), votes.csv en contient "
		    "%zu%s ; fichier votes.csv tronqué ou incomplet ?",
		    first[0], first[1], got, others > 1 ? ", et d'autres "
		    "participants ne correspondent pas non plus" : "");
	free(m);
	return (voters);
}

typedef char	tally_text[4][12];

/* The tallies of each proposal: its votes counted (decimal texts). */
static tally_text *
set_tallies(struct import_plan *pl, const size_t *tally)
{
	tally_text	*t;
	size_t	 i;

	if ((t = calloc(pl->nitems + 1, sizeof(*t))) == NULL)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	for (i = 0; i < pl->nitems; i++) {
		snprintf(t[i][0], 12, "%zu", tally[3 * i + 2]);
		snprintf(t[i][1], 12, "%zu", tally[3 * i + 1]);
		snprintf(t[i][2], 12, "%zu", tally[3 * i]);
		snprintf(t[i][3], 12, "%zu", tally[3 * i] + tally[3 * i + 1] +
		    tally[3 * i + 2]);
		pl->items[i].tally[IT_AGREE] = t[i][0];
		pl->items[i].tally[IT_MIXED] = t[i][1];
		pl->items[i].tally[IT_DISAGREE] = t[i][2];
		pl->items[i].tally[IT_VOTES] = t[i][3];
	}
	return (t);
}

/* The latest vote of each voter on each comment (app/core/polis.c). */
static struct polis_vote *
read_votes(const char *dir, struct import_file *vf, size_t *nv)
{
	struct polis_vote	*v;
	char			 err[512];

	import_load(vf, dir, "votes.csv", ',', vote_cols);
	if (polis_votes_read(vf->data, vf->len, &v, nv, err,
	    sizeof(err)) == -1)
		import_fail(NULL, "votes.csv", 0, "%s", err);
	return (v);
}

int
import_polis(const char *dir)
{
	struct import_file	 sm, cm, vf, pv;
	struct import_source	 src;
	struct import_plan	 pl;
	struct polis_conv	*cv;
	struct polis_vote	*v;
	char			**titles, (*created)[80];
	tally_text		*tallies;
	size_t			 nv, i, voters, *tally, hidden = 0;

	if ((cv = calloc(1, sizeof(*cv))) == NULL)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	read_summary(dir, cv, &sm);
	describe(dir, cv, &src);
	import_load(&cm, dir, "comments.csv", ',', comment_cols);
	import_load(&pv, dir, "participants-votes.csv", ',', member_cols);
	v = read_votes(dir, &vf, &nv);

	import_plan_init(&pl, &src);
	import_plan_theme(&pl, cv->topic, src.summary, "summary.csv", 1);
	titles = calloc(cm.nrows + 1, sizeof(*titles));
	created = calloc(cm.nrows + 1, sizeof(*created));
	tally = calloc(3 * cm.nrows + 3, sizeof(*tally));
	if (titles == NULL || created == NULL || tally == NULL)
		import_fail(NULL, NULL, 0, "mémoire insuffisante");
	plan_comments(&pl, &cm, titles, created);
	voters = plan_votes(&pl, v, nv, &pv, tally);
	if (cv->voters != NULL && (!import_is_count(cv->voters) ||
	    (size_t)atol(cv->voters) != voters))
		import_fail(NULL, "summary.csv", 0, "voters vaut « %s » mais "
		    "votes.csv compte %zu votants ; fichier votes.csv tronqué "
		    "ou incomplet ?", cv->voters, voters);
	tallies = set_tallies(&pl, tally);
	for (i = 0; i < pl.nitems; i++)
		hidden += pl.items[i].hidden;

	import_plan_write(&pl);
	printf("Conversation Pol.is importée (consultation « %s ») : %zu "
	    "propositions (%zu écartées par la modération de Pol.is, non "
	    "publiques), %zu participants, %zu votes.\n", src.slug, pl.nitems,
	    hidden, pl.npeople, pl.nvotes);
	for (i = 0; i < cm.nrows; i++)
		free(titles[i]);
	free(titles);
	free(created);
	free(tally);
	free(tallies);
	free(v);
	for (i = 0; i < cv->nrec; i++)
		csv_record_free(&cv->rec[i]);
	free(cv);
	import_plan_free(&pl);
	import_free(&sm);
	import_free(&cm);
	import_free(&vf);
	import_free(&pv);
	return (0);
}
