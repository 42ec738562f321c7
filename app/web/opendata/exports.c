/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Open data: /export/ documents the files, their columns, how every
 * figure of the reports is recounted from them, the moderation log's file,
 * and their licence. The files themselves are export_files.c's.
 */

#include "../../core/opendata.h"
#include "../../db/exports.h"
#include "../kernel/web.h"
#include "../shared/ui.h"
#include "topics.h"
#include "../council/council.h"

int	exports_index(struct web_req *);

/* What each column holds, in the order of opendata_names. */
static const char *const column_docs[OD__MAX] = {
	/* id */ "Identifiant de la contribution sur Agora (nombre entier). "
	    "L'adresse d'une proposition est /propositions/<id>.",
	/* consultation */ "Identifiant court (slug) de la consultation : "
	    "strategie-numerique pour la consultation régionale, ou celui "
	    "d'une consultation importée.",
	/* theme */ "Identifiant court (slug) du thème ou de l'enjeu.",
	/* type */ "proposition, argument (pour ou contre une proposition) ou "
	    "commentaire.",
	/* parent_id */ "Pour un argument ou un commentaire : l'identifiant de "
	    "la contribution à laquelle il répond. Vide pour une proposition.",
	/* position */ "Pour un argument : pour ou contre. Vide sinon.",
	/* departement */ "Code INSEE du département déclaré par l'auteur "
	    "(18, 28, 36, 37, 41, 45), HR hors région, vide si inconnu.",
	/* statut */ "Statut de modération : toujours publiee, car seules les "
	    "contributions publiques figurent dans les fichiers (publiées, "
	    "et tout ce à quoi elles répondent aussi).",
	/* cree_le */ "Date et heure de dépôt, ISO 8601 en temps universel "
	    "(2026-11-20T14:03:00Z).",
	/* modifie_le */ "Date et heure de la dernière modification, ISO 8601 "
	    "en temps universel.",
	/* titre */ "Titre d'une proposition ; vide pour les arguments et "
	    "commentaires.",
	/* texte */ "Texte de la contribution tel que saisi, au format "
	    "Markdown.",
	/* votes_d_accord */ "Nombre d'avis « d'accord » (une personne, une "
	    "voix ; pour une contribution importée, le décompte de la "
	    "plateforme d'origine).",
	/* votes_mitige */ "Nombre d'avis « mitigé », même règle.",
	/* votes_pas_d_accord */ "Nombre d'avis « pas d'accord », même règle.",
	/* origine */ "agora pour une contribution déposée ici ; sinon la "
	    "plateforme dont elle a été importée (republique-numerique-2015, "
	    "decidim-grand-debat-2019).",
	/* id_origine */ "Identifiant sur la plateforme d'origine (importées "
	    "seulement).",
	/* reponse_statut */ "Réponse officielle de la Région à une proposition "
	    ": retenue, a_l_etude, non_retenue ou deja_en_cours ; vide sans "
	    "réponse.",
	/* reponse_date */ "Date de la dernière version de la réponse "
	    "officielle, ISO 8601 en temps universel.",
	/* auteur */ "Pseudonyme stable de l'auteur : 12 caractères "
	    "hexadécimaux, les mêmes pour toutes ses contributions et dans "
	    "tous les fichiers, calculés par HMAC-SHA-256 avec une clé secrète "
	    "du serveur. Ni nom, ni adresse électronique, ni identifiant de "
	    "compte ne sont publiés. Vide pour les contributions importées.",
	/* votes_origine */ "Contributions importées seulement : les votes ou "
	    "soutiens comptés par la plateforme d'origine, pas des avis "
	    "exprimés ici (nombre entier). République numérique : total des "
	    "votes d'une opinion (d'accord + mitigé + pas d'accord), votes "
	    "sur un argument ; Decidim : soutiens d'une proposition. Vide "
	    "quand la plateforme n'en comptait pas (débats et commentaires "
	    "Decidim) et pour les contributions déposées ici.",
	/* alignement_origine */ "Commentaires importés de Decidim : la "
	    "position que leur auteur avait indiquée sur la plateforme "
	    "d'origine, pour, neutre ou contre. Vide sinon.",
	/* canal */ "Comment la contribution a été recueillie : web (saisie "
	    "en ligne par son auteur), epn (saisie assistée par une "
	    "personne chargée de la médiation dans un espace public numérique, pour une "
	    "personne présente) ou papier (formulaire papier saisi ensuite "
	    "dans un EPN). Jamais qui est la personne.",
	/* epn */ "Numéro de l'espace public numérique au nom duquel la "
	    "contribution a été saisie (canal epn ou papier) ; vide pour le "
	    "web.",
	/* recueilli_le */ "Canal papier : le jour où la feuille a été "
	    "remplie (AAAA-MM-JJ), écrit sur la feuille et recopié à la "
	    "saisie ; cree_le est alors le moment de la saisie, qui peut venir "
	    "des jours plus tard (l'EPN mobile passe là où il n'y a pas de "
	    "connexion). Vide pour le web et la saisie en EPN, recueillies au "
	    "moment de cree_le.",
};

/* The fields of /export/journal-moderation.json, in order. */
static const char *const log_docs[][2] = {
	{ "id", "Numéro de la ligne (nombre entier croissant)." },
	{ "forme", "Forme du texte que couvre l'empreinte : 3 pour un acte "
	    "public (publication d'une synthèse, d'un avis du conseil "
	    "numérique ou de la réponse de la Région), 2 pour les décisions "
	    "écrites depuis la mise en place du journal signé, 1 pour les "
	    "précédentes (voir plus bas)." },
	{ "date", "Date et heure de la décision, ISO 8601 en temps universel, "
	    "à la microseconde (2026-11-20T14:03:00.123456Z)." },
	{ "moderateur", "Pseudonyme du modérateur : 12 caractères "
	    "hexadécimaux, calculés par HMAC-SHA-256 avec une clé secrète du "
	    "serveur, différents du pseudonyme d'auteur de la même personne ; "
	    "null pour une décision automatique (seuil de signalements) et "
	    "pour une demande de réexamen (faite par l'auteur). Pour un acte "
	    "public, le pseudonyme, calculé de la même façon, de qui l'a "
	    "publié (secrétariat, rapporteur du conseil, élu de la "
	    "Région)." },
	{ "contribution", "Identifiant de la contribution concernée (colonne "
	    "id des fichiers de contributions), ou null." },
	{ "consultation", "Identifiant de la consultation, pour un changement "
	    "de mode de modération ou des conditions du vote, ou la "
	    "publication d'une synthèse, ou null." },
	{ "action", "publish (publier), hide (masquer), reject (refuser), "
	    "restore (rétablir), threshold (seuil de signalements atteint), "
	    "mode (changement de mode de modération), vote_fc (changement "
	    "des conditions du vote de la consultation, par un "
	    "administrateur), appeal (demande de réexamen par l'auteur, "
	    "tranchée par la décision suivante d'un autre modérateur), "
	    "synthesis_publish (publication d'une version d'une synthèse), "
	    "opinion_publish (publication de l'avis adopté par le conseil "
	    "numérique) ou opinion_response (publication de la réponse de la "
	    "Région à un avis)." },
	{ "statut_avant", "Statut (pending, published, hidden, rejected), "
	    "mode (a_priori, a_posteriori) ou conditions du vote (platform : "
	    "le réglage de la plateforme ; required : réservé aux comptes "
	    "vérifiés par FranceConnect ; open : ouvert à tous les comptes) "
	    "avant la décision." },
	{ "statut_apres", "Statut, mode ou conditions du vote après la "
	    "décision ; pour un acte public : publiee (synthèse), avis_rendu "
	    "ou reponse (saisine du conseil)." },
	{ "regle", "Code de la règle de la charte citée (R1 à R8), ou null." },
	{ "note_empreinte", "Empreinte de la note du modérateur "
	    "(HMAC-SHA-256 avec une clé secrète du serveur, 64 caractères "
	    "hexadécimaux), ou null sans note. La note elle-même n'est jamais "
	    "publiée : elle peut nommer des personnes, et elle est effacée "
	    "quand l'auteur supprime son compte ; son empreinte reste." },
	{ "entree_file", "Date et heure d'entrée dans la file de modération, "
	    "ou null." },
	{ "objet", "Forme 3 : ce que l'acte rend public, "
	    "synthese:THEME:VERSION (le thème de /syntheses/THEME), "
	    "avis:SAISINE:DATE:POUR:CONTRE:ABSTENTIONS (l'avis de "
	    "/conseil/avis/SAISINE, adopté ce jour-là par ce vote) ou "
	    "reponse:SAISINE ; null pour les autres formes." },
	{ "texte_empreinte", "Forme 3 : SHA-256, en hexadécimal, du texte "
	    "Markdown rendu public (le champ text de /export/syntheses.json, "
	    "texte de l'avis ou de la réponse dans /export/conseil.json, "
	    "encodé en UTF-8) ; null pour les autres formes." },
	{ "empreinte_precedente", "Empreinte de la ligne précédente (64 zéros "
	    "pour la première)." },
	{ "empreinte", "SHA-256, en hexadécimal, du texte de la ligne décrit "
	    "ci-dessous." },
};

/* The moderation log's files and how to check them (/export/#journal). */
static void
log_section(struct web_req *w)
{
	size_t	i;

	html_raw(H, "<h2 id=\"journal\">Journal de modération</h2>\n"
	    "<p>Toutes les décisions de modération, dans l'ordre, chacune "
	    "chaînée à la précédente par son empreinte ; toutes les heures, "
	    "le serveur signe la tête du journal avec une clé Ed25519 "
	    "conservée hors de la base de données (voir la <a href=\""
	    UI_TRANSPARENCY "#journal\">page de transparence</a>).</p>"
	    "\n<ul>\n<li><a href=\"" UI_EXPORT_LOG "\">Le journal "
	    "complet, JSON</a> : un tableau d'objets, une ligne du journal par "
	    "objet, par numéro croissant.</li>\n"
	    "<li><a href=\"" UI_EXPORT_LOG_HEAD "\">La dernière "
	    "tête signée, JSON</a> : <code>lignes</code>, "
	    "<code>dernier_id</code>, <code>derniere_empreinte</code>, "
	    "<code>signe_le</code>, <code>cle_empreinte_sha256</code>, le "
	    "texte signé (<code>texte_signe</code>) et sa signature "
	    "(<code>signature_ed25519</code>, en base64).</li>\n"
	    "<li><a href=\"" UI_EXPORT_LOG_KEY "\">La clé "
	    "publique Ed25519, PEM</a> ; son empreinte est le SHA-256 de sa "
	    "forme DER : <code>openssl pkey -pubin -in cle-publique.pem "
	    "-outform DER | sha256sum</code>.</li>\n</ul>\n"
	    "<table tabindex=\"0\">\n"
	    "<caption>Champs du journal</caption>\n<thead><tr>"
	    "<th scope=\"col\">Champ</th><th scope=\"col\">Contenu</th></tr>"
	    "</thead>\n<tbody>\n");
	for (i = 0; i < sizeof(log_docs) / sizeof(log_docs[0]); i++) {
		html_raw(H, "<tr><th scope=\"row\"><code>");
		html_text(H, log_docs[i][0]);
		html_raw(H, "</code></th><td>");
		html_text(H, log_docs[i][1]);
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n"
	    "<h3>Vérifier le journal</h3>\n<ul>\n"
	    "<li>Empreinte d'une ligne de forme 2 : le SHA-256 (en "
	    "hexadécimal) du texte <code>2|id|date|moderateur|contribution|"
	    "consultation|action|statut_avant|statut_apres|regle|"
	    "note_empreinte|entree_file|empreinte_precedente</code>, les "
	    "valeurs telles qu'elles figurent dans le fichier, une valeur "
	    "null remplacée par un texte vide.</li>\n"
	    "<li>Empreinte d'une ligne de forme 3 : de même, sur "
	    "<code>3|id|date|moderateur|contribution|consultation|action|"
	    "statut_avant|statut_apres|regle|note_empreinte|entree_file|"
	    "objet|texte_empreinte|empreinte_precedente</code> ; le "
	    "SHA-256 du texte publié doit être <code>texte_empreinte</code>."
	    "</li>\n"
	    "<li>Lignes de forme 1 (antérieures au journal signé) : leur "
	    "empreinte couvre aussi l'identifiant du modérateur et la note, "
	    "qui ne sont pas publiés ; vérifiez leur chaînage "
	    "(<code>empreinte_precedente</code>), le programme "
	    "<code>agora verify-log</code> les recalcule sur le serveur.</li>\n"
	    "<li>Tête signée : le texte signé est exactement "
	    "<code>texte_signe</code> ; vérifiez la signature avec "
	    "<code>openssl pkeyutl -verify -pubin -inkey cle-publique.pem "
	    "-rawin -in texte.txt -sigfile signature.bin</code> (la signature "
	    "décodée du base64), puis que la ligne <code>dernier_id</code> du "
	    "journal a bien l'empreinte <code>derniere_empreinte</code> et "
	    "qu'il y a <code>lignes</code> lignes jusqu'à elle.</li>\n"
	    "<li>Une tête gardée aujourd'hui permet de vérifier demain que "
	    "rien de ce qu'elle couvre n'a été supprimé, modifié, réordonné "
	    "ou précédé d'une ligne inventée.</li>\n</ul>\n");
}

/* The results of exports_index, gathered in one round trip. */
enum { X_THEMES, X_CONSULTATIONS, X_TERRITORIES, X_STOPWORDS, X__MAX };

/*
 * How every figure of the public pages is recomputed from the files, what
 * cannot be and why (test_reports_opendata.py follows these rules, with
 * Python's csv and json modules, and finds the same figures).
 */
static void
recount_doc(struct web_req *w)
{
	html_raw(H, "<h2 id=\"recalcul\">Recalculer les rapports</h2>\n"
	    "<p>Les chiffres de l'accueil, des rapports, de l'API et de cette "
	    "page se recalculent à partir de ces fichiers seuls, ainsi :</p>\n"
	    "<ul>\n"
	    "<li><strong>Ce que contiennent les fichiers.</strong> Une "
	    "contribution y figure quand elle est publiée et que tout ce à "
	    "quoi elle répond l'est aussi : une réponse sous une proposition, "
	    "un argument ou un commentaire masqué, refusé ou en attente n'est "
	    "ni dans les fichiers ni dans aucun chiffre. Chaque "
	    "<code>parent_id</code> désigne donc une ligne du même fichier ; "
	    "le fil d'une réponse est la proposition atteinte en remontant "
	    "les <code>parent_id</code>.</li>\n"
	    "<li><strong>Participation</strong> : contributions = lignes ; "
	    "propositions, arguments, commentaires = lignes de chaque "
	    "<code>type</code> ; contributeurs (les participants de "
	    "l'accueil) = valeurs distinctes non vides de <code>auteur</code> ;"
	    " votes = somme de <code>votes_d_accord</code>, "
	    "<code>votes_mitige</code> et <code>votes_pas_d_accord</code> ; "
	    "réponses officielles = lignes dont <code>reponse_statut</code> "
	    "n'est pas vide. Les nombres de contributions publiées de cette "
	    "page et le <code>total</code> de l'API sont des nombres de lignes "
	    "des fichiers.</li>\n"
	    "<li><strong>Par semaine</strong> : le lundi de la semaine de "
	    "<code>cree_le</code> en heure de Paris, de la première à la "
	    "dernière semaine, y compris les semaines sans contribution.</li>\n"
	    "<li><strong>Par département</strong> : la colonne "
	    "<code>departement</code> (vide : « Non renseigné ») ; le taux "
	    "pour 10 000 habitants est ce nombre × 10 000 ÷ la population "
	    "ci-dessous, arrondi au centième le plus proche (0,005 vers le "
	    "haut).</li>\n"
	    "<li><strong>Propositions qui rassemblent</strong> : les 10 "
	    "premières par la borne basse de l'intervalle de Wilson à 95 % de "
	    "la part p = a ÷ n, avec a = <code>votes_d_accord</code> et n = la "
	    "somme des trois colonnes de votes (n &gt; 0), soit (p + 1,9208 ÷ n "
	    "− 1,96 × √(p × (1 − p) ÷ n + 0,9604 ÷ n²)) ÷ (1 + 3,8416 ÷ n), "
	    "puis par identifiant croissant ; l'indice est cette borne en "
	    "pour cent, à un chiffre après la virgule.</li>\n"
	    "<li><strong>Propositions qui divisent</strong> : la même borne "
	    "pour a = le plus petit de <code>votes_d_accord</code> et "
	    "<code>votes_pas_d_accord</code> et n = leur somme, quand les deux "
	    "sont non nuls.</li>\n"
	    "<li><strong>Les plus débattues</strong> : les 10 propositions "
	    "dont le fil compte le plus d'arguments et de commentaires, puis "
	    "par identifiant croissant. Sur la page d'une proposition, "
	    "« Pour » et « Contre » comptent ses arguments, « Commentaires » "
	    "les commentaires qui lui répondent directement ou à travers "
	    "d'autres commentaires ; la liste d'un enjeu donne pour chaque "
	    "proposition ses arguments et tout son fil (« contributions au "
	    "débat »).</li>\n"
	    "<li><strong>Termes récurrents</strong> : dans le titre et le "
	    "texte de chaque contribution, les mots (suites de lettres et de "
	    "chiffres ; un mot composé avec trait d'union compte entier et "
	    "pour chacune de ses parties), en minuscules, de 4 caractères ou "
	    "plus, qui ne sont ni des nombres ni des mots vides (la liste "
	    "française de PostgreSQL, <code>french.stop</code>, issue du "
	    "projet Snowball, et la liste ci-dessous) ; les 30 plus fréquents par nombre d'occurrences, "
	    "puis par nombre de contributions qui les emploient, puis dans "
	    "l'ordre des caractères. Le découpage est celui de l'analyseur "
	    "de texte de PostgreSQL : une adresse web ou électronique y compte "
	    "pour un seul mot.</li>\n"
	    "<li><strong>Propositions proches</strong> : deux propositions dont "
	    "les titres ont une similarité d'au moins 0,5 selon les "
	    "trigrammes de pg_trgm : chaque mot (lettres et chiffres), en "
	    "minuscules, précédé de deux espaces et suivi d'un, donne ses "
	    "suites de trois caractères ; la similarité est le nombre de "
	    "trigrammes communs aux deux titres divisé par le nombre de leurs "
	    "trigrammes distincts. Les 300 premières paires, par identifiants "
	    "croissants, forment les groupes.</li>\n"
	    "<li><strong>Enjeux de plus de 2 000 contributions</strong> : "
	    "leurs termes récurrents et leurs propositions proches sont "
	    "calculés périodiquement ; le rapport donne la date du calcul et "
	    "dit quand des contributions ont changé depuis.</li>\n</ul>\n");
}

/* What cannot be recomputed from the files, and why. */
static void
unrecountable_doc(struct web_req *w)
{
	html_raw(H, "<h3 id=\"non-recalculables\">Ce qui ne se recalcule pas</h3>\n"
	    "<ul>\n<li>Le nombre de <strong>votants</strong> : les fichiers "
	    "donnent les votes de chaque contribution, pas qui a voté ; "
	    "publier les votes de chaque personne, même sous pseudonyme, les "
	    "relierait à ses contributions.</li>\n"
	    "<li>Les contributions <strong>masquées, refusées ou en "
	    "attente</strong> : elles ne sont pas publiques ; la <a "
	    "href=\"" UI_TRANSPARENCY "\">page de transparence</a> "
	    "publie les décisions de modération.</li>\n</ul>\n");
}

/* The populations of the rates, and the extra stop words of the terms. */
static void
reference_doc(struct web_req *w)
{
	int	i;

	html_raw(H, "<h3 id=\"populations\">Populations de référence</h3>\n"
	    "<table tabindex=\"0\">\n"
	    "<caption>Populations municipales (INSEE) des taux pour "
	    "10 000 habitants</caption>\n<thead><tr><th scope=\"col\">Code"
	    "</th><th scope=\"col\">Département</th><th scope=\"col\" "
	    "class=\"num\">Population</th><th scope=\"col\" class=\"num\">"
	    "Millésime</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < web_rows(w, X_TERRITORIES); i++) {
		html_raw(H, "<tr><th scope=\"row\">");
		html_text(H, web_text(w, X_TERRITORIES, i, EXT_CODE));
		html_raw(H, "</th><td>");
		html_text(H, web_text(w, X_TERRITORIES, i, EXT_NAME));
		html_raw(H, "</td><td class=\"num\">");
		html_text(H, web_text(w, X_TERRITORIES, i, EXT_POPULATION));
		html_raw(H, "</td><td class=\"num\">");
		html_text(H, web_text(w, X_TERRITORIES, i, EXT_YEAR));
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n<h3>Mots vides ajoutés à la liste "
	    "de PostgreSQL</h3>\n<p id=\"mots-vides\">");
	for (i = 0; i < web_rows(w, X_STOPWORDS); i++) {
		if (i > 0)
			html_raw(H, ", ");
		html_text(H, web_text(w, X_STOPWORDS, i, EXS_WORD));
	}
	html_raw(H, ".</p>\n");
}

/* The licence, and the files: all contributions, per consultation, per theme. */
static void
files_doc(struct web_req *w)
{
	int	i;

	html_raw(H, "<h2 id=\"licence\">Licence</h2>\n"
	    "<p>Les fichiers sont publiés sous la <a href=\"https://www.etalab."
	    "gouv.fr/licence-ouverte-open-licence/\">Licence Ouverte / Open "
	    "Licence version 2.0</a> (Etalab) : vous pouvez les copier, les "
	    "modifier et les diffuser, y compris à des fins commerciales, à "
	    "condition de mentionner la source (« Région Centre-Val de Loire, "
	    "consultation Agora ») et la date de téléchargement.</p>\n"
	    "<h2 id=\"fichiers\">Fichiers</h2>\n<ul>\n"
	    "<li><a href=\"" UI_EXPORT_CSV "\">Toutes les "
	    "contributions, CSV</a></li>\n"
	    "<li><a href=\"" UI_EXPORT_JSON "\">Toutes les "
	    "contributions, JSON</a></li>\n"
	    "<li><a href=\"" UI_EXPORT_SYNTHESES "\">Les synthèses publiées "
	    "par le secrétariat, avec leurs citations, JSON</a></li>\n</ul>\n"
	    "<p>Ces deux fichiers couvrent toutes les consultations "
	    "(colonne <code>consultation</code>) :</p>\n<ul>\n");
	for (i = 0; i < web_rows(w, X_CONSULTATIONS); i++) {
		html_raw(H, "<li><code>");
		html_text(H, web_text(w, X_CONSULTATIONS, i, EXC_SLUG));
		html_raw(H, "</code> : ");
		html_text(H, web_text(w, X_CONSULTATIONS, i, EXC_TITLE));
		html_raw(H, " (");
		ui_number(w, web_int(w, X_CONSULTATIONS, i, EXC_PUBLIC));
		html_raw(H, " contributions publiées");
		if (!web_null(w, X_CONSULTATIONS, i, EXC_SOURCE))
			html_raw(H, ", importées");
		html_raw(H, ")</li>\n");
	}
	html_raw(H, "</ul>\n<h3>Par enjeu de la consultation régionale</h3>\n"
	    "<table tabindex=\"0\">\n"
	    "<caption>Fichiers par enjeu</caption>\n<thead><tr>"
	    "<th scope=\"col\">Enjeu</th><th scope=\"col\">Contributions "
	    "publiées</th><th scope=\"col\">Fichiers</th></tr></thead>\n"
	    "<tbody>\n");
	for (i = 0; i < web_rows(w, X_THEMES); i++) {
		const char	*slug = web_text(w, X_THEMES, i, ETS_SLUG);

		html_raw(H, "<tr><th scope=\"row\">");
		html_text(H, web_text(w, X_THEMES, i, ETS_TITLE));
		html_raw(H, "</th><td>");
		ui_number(w, web_int(w, X_THEMES, i, ETS_PUBLIC));
		html_raw(H, "</td><td>");
		ui_link(w, ui_export_theme(w, slug, "csv"), "CSV");
		html_raw(H, " · ");
		ui_link(w, ui_export_theme(w, slug, "json"), "JSON");
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

/* The files' format, and what each column holds. */
static void
format_doc(struct web_req *w)
{
	int	i;

	html_raw(H, "<h2 id=\"format\">Format</h2>\n<ul>\n"
	    "<li>CSV selon la RFC 4180 : séparateur virgule, champs entre "
	    "guillemets doubles quand il le faut (un guillemet y est doublé), "
	    "fin de ligne CRLF, encodage UTF-8 sans BOM, une ligne d'en-tête."
	    "</li>\n"
	    "<li id=\"formules\">Protection des tableurs : une cellule dont le "
	    "texte commence, après d'éventuelles apostrophes "
	    "(<code>'</code>), par <code>=</code>, <code>+</code>, "
	    "<code>-</code>, <code>@</code>, une tabulation, un retour "
	    "chariot, leurs formes pleine chasse (<code>＝</code> "
	    "<code>＋</code> <code>－</code> <code>＠</code>) ou petites "
	    "(<code>﹦</code> <code>﹢</code> <code>﹣</code> <code>﹫</code>) "
	    "ou le signe moins <code>−</code> (U+2212) reçoit une apostrophe "
	    "de plus au début, pour qu'aucun tableur ne l'exécute comme une "
	    "formule. Pour retrouver le texte exact avec un programme, retirez "
	    "une apostrophe, une seule, de chaque cellule qui commence par une "
	    "apostrophe, d'éventuelles autres apostrophes puis l'un de ces "
	    "caractères ; toute autre cellule est le texte tel quel (un texte "
	    "qui commençait par <code>'=</code> est écrit <code>''=</code>). "
	    "Le JSON n'a pas cette protection.</li>\n"
	    "<li>JSON : un tableau d'objets, une contribution par ligne, avec "
	    "les mêmes noms de champs ; nombres pour les identifiants et les "
	    "votes, <code>null</code> pour une valeur absente.</li>\n"
	    "<li>Une ligne par contribution publiée, par identifiant "
	    "croissant.</li>\n</ul>\n"
	    "<h2 id=\"colonnes\">Colonnes</h2>\n"
	    "<table tabindex=\"0\">\n<caption>Colonnes des "
	    "fichiers CSV et JSON</caption>\n<thead><tr><th scope=\"col\">"
	    "Colonne</th><th scope=\"col\">Contenu</th></tr></thead>\n"
	    "<tbody>\n");
	for (i = 0; i < OD__MAX; i++) {
		html_raw(H, "<tr><th scope=\"row\"><code>");
		html_text(H, opendata_names[i]);
		html_raw(H, "</code></th><td>");
		html_text(H, column_docs[i]);
		html_raw(H, "</td></tr>\n");
	}
	html_raw(H, "</tbody>\n</table>\n");
}

/* GET /export/: the files, their columns and their licence. */
int
exports_index(struct web_req *w)
{
	if (w->step == 0) {
		web_query(w, X_THEMES, &sql_export_themes);
		web_query(w, X_CONSULTATIONS, &sql_export_consultations);
		web_query(w, X_TERRITORIES, &sql_export_territories);
		return (web_query(w, X_STOPWORDS, &sql_export_stopwords));
	}
	page_begin(w, "Données ouvertes");
	html_raw(H, "<h1>Données ouvertes</h1>\n"
	    "<p class=\"lead\">Toutes les contributions publiées sont "
	    "téléchargeables librement, pour être relues, recomptées et "
	    "réutilisées. Les rapports remis aux élus se recalculent à "
	    "partir de ces fichiers : voir <a href=\"#recalcul\">comment</a>."
	    "</p>\n");
	files_doc(w);
	format_doc(w);
	topics_export_doc(w);
	council_export_doc(w);
	recount_doc(w);
	unrecountable_doc(w);
	reference_doc(w);
	log_section(w);
	html_raw(H, "<p>Les mêmes fichiers s'obtiennent en ligne de commande "
	    "sur le serveur : <code>agora export --format csv --theme ethique "
	    "--output ethique.csv</code>. Une <a href=\"" UI_API_THEMES "\">API "
	    "JSON</a> en lecture seule est aussi disponible.</p>\n");
	page_end(w);
	return (web_send(w, 200));
}
