/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The topics' section of a report: see topics.h. */

#include "../../core/vocab.h"
#include "../../db/topics.h"
#include "../kernel/web.h"
#include "../shared/ui.h"
#include "topics.h"

/* The section's slots, from the host's first one. */
enum { TP_Q_RUN, TP_Q_TOPICS, TP_Q_REPS, TP_Q_GROUPS };

int
topics_queue(struct web_req *w, int first, long long theme)
{
	web_query(w, first + TP_Q_RUN, &sql_topic_run_of, DB_INT(theme));
	web_query(w, first + TP_Q_TOPICS, &sql_topics_of, DB_INT(theme));
	web_query(w, first + TP_Q_GROUPS, &sql_topic_groups_of,
	    DB_INT(theme));
	return (web_query(w, first + TP_Q_REPS, &sql_topic_reps_of,
	    DB_INT(theme)));
}

/* When it was computed. */
static void
write_computed(struct web_req *w, int q)
{
	html_raw(H, "<p class=\"hint\">Calculés le ");
	html_text(H, web_text(w, q, 0, TPR_DATE));
	html_raw(H, " à ");
	html_text(H, web_text(w, q, 0, TPR_TIME));
	html_raw(H, " sur ");
	ui_count(w, web_int(w, q, 0, TPR_PROPOSALS), "proposition publiée",
	    "propositions publiées");
	html_raw(H, ".</p>\n");
}

/* "n d'accord, n mitigé(s), n pas d'accord" of a topic's proposals. */
static void
write_votes(struct web_req *w, int q, int i)
{
	long long	a = web_int(w, q, i, TPC_AGREE);
	long long	m = web_int(w, q, i, TPC_MIXED);
	long long	d = web_int(w, q, i, TPC_DISAGREE);

	if (a + m + d == 0) {
		html_raw(H, "aucun vote");
		return;
	}
	html_raw(H, "votes sur ces propositions : ");
	ui_number(w, a);
	html_raw(H, " d'accord, ");
	ui_count(w, m, "mitigé", "mitigés");
	html_raw(H, ", ");
	ui_number(w, d);
	html_raw(H, " pas d'accord (");
	html_rawf(H, "%lld %%", (a * 100 + (a + m + d) / 2) / (a + m + d));
	html_raw(H, " d'accord)");
}

/*
 * How each opinion group voted on the topic's proposals: "Groupe 1 :
 * 80 % d'accord (120 votes)". Nothing when the theme has no map.
 */
static void
write_groups(struct web_req *w, int q, long long topic)
{
	long long	 a, m, d;
	int		 i, listed = 0;

	for (i = 0; i < web_rows(w, q); i++) {
		if (web_int(w, q, i, TPG_TOPIC) != topic)
			continue;
		a = web_int(w, q, i, TPG_AGREE);
		m = web_int(w, q, i, TPG_MIXED);
		d = web_int(w, q, i, TPG_DISAGREE);
		if (a + m + d == 0)
			continue;
		if (!listed++)
			html_raw(H, "<p>Par groupe de la <a href=\"#carte-"
			    "opinions\">carte des opinions</a>" NBSP ":</p>\n"
			    "<ul>\n");
		html_rawf(H, "<li>Groupe %lld" NBSP ": %lld" NBSP "%% d'accord, "
		    "%lld" NBSP "%% pas d'accord (", web_int(w, q, i, TPG_GRP) + 1,
		    (a * 100 + (a + m + d) / 2) / (a + m + d),
		    (d * 100 + (a + m + d) / 2) / (a + m + d));
		ui_count(w, a + m + d, "vote", "votes");
		html_raw(H, ")</li>\n");
	}
	if (listed)
		html_raw(H, "</ul>\n");
}

/* One topic: its words, size, votes and representative proposals. */
static void
write_topic(struct web_req *w, int first, int i, long long classified)
{
	int		 qt = first + TP_Q_TOPICS, qp = first + TP_Q_REPS, j;
	long long	 topic = web_int(w, qt, i, TPC_TOPIC);
	long long	 size = web_int(w, qt, i, TPC_SIZE);
	int		 listed = 0;

	html_rawf(H, "<h3 id=\"sujet-%lld\">Sujet %lld : ", topic + 1,
	    topic + 1);
	html_text(H, web_text(w, qt, i, TPC_LABEL));
	html_raw(H, "</h3>\n<p>");
	ui_count(w, size, "proposition", "propositions");
	if (classified > 0)
		html_rawf(H, " (%lld %%)", (size * 100 + classified / 2) /
		    classified);
	html_raw(H, " ; ");
	write_votes(w, qt, i);
	html_raw(H, ".</p>\n");
	write_groups(w, first + TP_Q_GROUPS, topic);
	for (j = 0; j < web_rows(w, qp); j++) {
		if (web_int(w, qp, j, TPP_TOPIC) != topic)
			continue;
		if (!listed++)
			html_raw(H, "<p>Les plus représentatives :</p>\n<ul>\n");
		html_raw(H, "<li>");
		ui_link(w, ui_proposal(w, web_int(w, qp, j, TPP_PROPOSAL)),
		    web_text(w, qp, j, TPP_TITLE));
		html_raw(H, "</li>\n");
	}
	if (listed)
		html_raw(H, "</ul>\n");
}

/* How the topics are found, with the stored run's own figures. */
static void
write_method(struct web_req *w, int q)
{
	html_raw(H, "<h3 id=\"sujets-methode\">Méthode</h3>\n<p>Les mots du "
	    "titre et du texte de chaque proposition sont ramenés à leur "
	    "racine par l'analyseur français de PostgreSQL (sans accents ni "
	    "mots vides) ; seules comptent les racines d'au moins 3 lettres "
	    "employées par au moins 2 propositions (");
	ui_number(w, web_int(w, q, 0, TPR_TERMS));
	html_raw(H, " ici). Chaque proposition devient un vecteur de poids "
	    "TF-IDF, (1 + ln n) × ln(N ÷ d), de longueur 1 ; les propositions "
	    "sont regroupées par k-moyennes sphériques (similarité cosinus, "
	    "départ k-means++ tiré avec la graine fixe ");
	html_rawf(H, "%lld", web_int(w, q, 0, TPR_SEED));
	html_raw(H, ", 4 essais par valeur de k), pour k de 2 à 8, et le "
	    "nombre de sujets retenu est celui dont la silhouette moyenne est "
	    "la meilleure");
	if (!web_null(w, q, 0, TPR_SILHOUETTE)) {
		html_raw(H, " (");
		html_text(H, web_text(w, q, 0, TPR_SILHOUETTE));
		html_raw(H, " ici)");
	}
	html_raw(H, ". Un sujet est nommé par les mots dont le poids dans son "
	    "centre dépasse le plus celui des autres sujets, chacun sous la "
	    "forme la plus employée ; ses propositions représentatives sont "
	    "les plus proches de son centre. Le même calcul donne toujours le "
	    "même résultat ; le sujet de chaque proposition et les racines "
	    "dont il a été calculé sont dans les ");
	ui_link(w, ui_export_topics(w, web_text(w, q, 0, TPR_CONSULTATION),
	    web_text(w, q, 0, TPR_THEME)), "données ouvertes (CSV)");
	html_raw(H, ".</p>\n");
}

void
topics_write(struct web_req *w, int first)
{
	int		 q = first + TP_Q_RUN, qt = first + TP_Q_TOPICS, i;
	int		 reason;
	long long	 classified, unclassified;

	html_raw(H, "<section aria-labelledby=\"sujets\">\n<h2 id=\"sujets\">"
	    "Sujets abordés</h2>\n");
	if (web_rows(w, q) != 1) {
		html_raw(H, "<p>Les sujets de cet enjeu n'ont pas encore été "
		    "calculés.</p>\n</section>\n");
		return;
	}
	reason = vocab_find(vocab_topic_reason, TOPR__MAX,
	    web_text(w, q, 0, TPR_REASON));
	if (reason != TOPR_FOUND || web_rows(w, qt) == 0) {
		html_raw(H, "<p>");
		html_text(H, reason > TOPR_FOUND ? vocab_topic_reason[reason].label
		    : vocab_topic_reason[TOPR_TOO_FEW].label);
		html_raw(H, "</p>\n");
		write_computed(w, q);
		html_raw(H, "</section>\n");
		return;
	}
	classified = web_int(w, q, 0, TPR_CLASSIFIED);
	unclassified = web_int(w, q, 0, TPR_PROPOSALS) - classified;
	html_raw(H, "<p>Les propositions de cet enjeu, regroupées en ");
	ui_count(w, web_rows(w, qt), "sujet", "sujets");
	html_raw(H, " d'après les mots qu'elles emploient");
	if (unclassified > 0) {
		html_raw(H, " (");
		ui_count(w, unclassified, "proposition sans mot en commun avec "
		    "les autres n'est classée", "propositions sans mot en "
		    "commun avec les autres ne sont classées");
		html_raw(H, " dans aucun)");
	}
	html_raw(H, ". Un calcul automatique et reproductible, qui ne "
	    "remplace pas la lecture des propositions.</p>\n");
	write_computed(w, q);
	for (i = 0; i < web_rows(w, qt); i++)
		write_topic(w, first, i, classified);
	write_method(w, q);
	html_raw(H, "</section>\n");
}
