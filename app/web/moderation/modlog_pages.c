/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The moderation log, published so that anyone can check it without
 * trusting Agora's database: the latest signed head
 * (/export/journal-moderation/tete.json), the public key that signs the
 * heads (/export/journal-moderation/cle-publique.pem), the whole log in the
 * open data (/export/journal-moderation.json), and the head on
 * /moderation/transparence. Heads are signed by `agora sign-log`, never by
 * kore (app/web/module.c keeps the public key only).
 */

#include <stdio.h>
#include <string.h>

#include "../../core/addresses.h"
#include "../../core/modlog.h"
#include "../../core/settings.h"
#include "../../core/vocab.h"
#include "../../db/moderation.h"
#include "../../db/modlog_export.h"
#include "../kernel/app.h"
#include "../opendata/export_sink.h"
#include "../shared/ui.h"
#include "modlog_pages.h"

int	modlog_head_show(struct web_req *);
int	modlog_key_show(struct web_req *);
int	modlog_export(struct web_req *);

#define HEAD_URL	UI_EXPORT_LOG_HEAD
#define LOG_URL		UI_EXPORT_LOG
#define KEY_URL		UI_EXPORT_LOG_KEY

enum { Q_HEAD };

static int
send_json(struct web_req *w, int status)
{
	http_response_header(w->req, "access-control-allow-origin", "*");
	return (web_send_type(w, status, "application/json; charset=utf-8"));
}

/*
 * GET /export/journal-moderation/tete.json: the latest signed head, with
 * its signed text and signature (modlog_head_json()). Raises 404 (JSON)
 * before the first head, 500 when the stored head is not one.
 */
int
modlog_head_show(struct web_req *w)
{
	struct modlog_head	h;

	if (w->step == 0)
		return (web_query(w, Q_HEAD, &sql_log_head_latest));
	if (web_rows(w, Q_HEAD) == 0) {
		html_raw(H, "{\"erreur\": ");
		html_json_string(H, "Aucune tête signée pour l'instant : la "
		    "première est signée dans l'heure qui suit la mise en "
		    "service.");
		html_raw(H, "}\n");
		return (send_json(w, 404));
	}
	if (modlog_head_parse(web_text(w, Q_HEAD, 0, LATEST_TEXT), &h) == -1) {
		kore_log(LOG_ERR, "moderation_log_heads: the latest head is "
		    "not a head");
		return (web_error(w, 500, NULL));
	}
	modlog_head_json(H, &h, web_text(w, Q_HEAD, 0, LATEST_TEXT),
	    web_text(w, Q_HEAD, 0, LATEST_SIGNATURE));
	return (send_json(w, 200));
}

/* GET /export/journal-moderation/cle-publique.pem: the public key. */
int
modlog_key_show(struct web_req *w)
{
	/* OpenSSL's PEM of our own key: not text from anyone. */
	kore_buf_append(w->body, app.log_key_pem, strlen(app.log_key_pem));
	http_response_header(w->req, "access-control-allow-origin", "*");
	return (web_send_type(w, 200, "text/plain; charset=utf-8"));
}

/*
 * Kore task: the whole log as JSON (modlog_export_run(), one snapshot, its
 * own connection), into an export sink like the other open-data files.
 */
static int
modlog_export_task(struct kore_task *t)
{
	struct export_sink	 s;
	struct html_out		 o = { export_sink_write, &s };
	PGconn			*db;
	const char		*dsn;
	char			 in[8], msg[64], err[512];
	long			 n = -1;

	kore_task_channel_read(t, in, sizeof(in));
	export_sink_open(&s);
	dsn = settings_text(SET_DATABASE);	/* kore refuses to start without */
	db = PQconnectdb(dsn != NULL ? dsn : "");
	if (PQstatus(db) == CONNECTION_OK)
		n = modlog_export_run(db, app.secret, app.secret_len, &o, err,
		    sizeof(err));
	else
		snprintf(err, sizeof(err), "%s", PQerrorMessage(db));
	PQfinish(db);
	if (n < 0)
		kore_log(LOG_ERR, "export of the moderation log: %s", err);
	export_sink_close(&s, n >= 0, msg, sizeof(msg));
	kore_task_channel_write(t, msg, strlen(msg) + 1);
	return (KORE_RESULT_OK);
}

/* GET /export/journal-moderation.json. Raises 503 when the export fails. */
int
modlog_export(struct web_req *w)
{
	if (w->step == 0)
		return (web_task_start(w, modlog_export_task, "log", 4));
	if (strcmp(w->task_out, "err") == 0)
		return (web_error(w, 503, NULL));
	web_headers(w->req, "application/json; charset=utf-8");
	http_response_header(w->req, "content-disposition",
	    "inline; filename=\"journal-moderation.json\"");
	http_response_header(w->req, "access-control-allow-origin", "*");
	if (export_sink_send(w->req, w->task_out) == -1)
		return (web_error(w, 503, NULL));
	return (WEB_DONE);
}

static void
fact(struct web_req *w, const char *term, const char *value, int code)
{
	html_raw(H, "<dt>");
	html_text(H, term);
	html_raw(H, code ? "</dt><dd><code class=\"hash\">" : "</dt><dd>");
	html_text(H, value);
	html_raw(H, code ? "</code></dd>\n" : "</dd>\n");
}

void
modlog_transparency(struct web_req *w, int q)
{
	struct modlog_head	h;

	html_raw(H, "<h2 id=\"journal\">Journal de modération vérifiable</h2>\n"
	    "<p>Chaque décision de modération est inscrite dans un journal où "
	    "chaque ligne porte l'empreinte (SHA-256) de la précédente, comme "
	    "chaque acte public des synthèses et du conseil numérique "
	    "(publication d'une synthèse, d'un avis, de la réponse de la "
	    "Région, avec l'empreinte du texte publié). Toutes les heures, "
	    "le serveur signe la « tête » du journal (nombre de lignes, "
	    "dernière ligne, son empreinte, l'heure) avec une clé Ed25519 "
	    "conservée hors de la base de données. Gardez une copie de la "
	    "tête signée : si une ligne qu'elle couvre était ensuite "
	    "supprimée, modifiée, déplacée ou précédée d'une ligne inventée, "
	    "la vérification le montrerait.</p>\n");
	if (web_rows(w, q) == 0 || modlog_head_parse(web_text(w, q, 0,
	    LATEST_TEXT), &h) == -1)
		html_raw(H, "<p>Aucune tête signée pour l'instant : la première "
		    "l'est dans l'heure qui suit la mise en service.</p>\n");
	else {
		html_raw(H, "<dl class=\"meta\">\n");
		fact(w, "Dernière tête signée", web_text(w, q, 0, LATEST_WHEN),
		    0);
		fact(w, "Lignes couvertes", web_printf(w, "%s %s, jusqu'à la "
		    "ligne n°" NBSP "%lld", ui_number_text(w, h.rows),
		    vocab_plural(h.rows, "ligne inscrite",
		    "lignes inscrites"), h.last_id),
		    0);
		fact(w, "Empreinte de la dernière ligne", h.last_hash, 1);
		fact(w, "Empreinte de la clé publique (SHA-256)", h.key, 1);
		html_raw(H, "</dl>\n");
	}
	html_raw(H, "<ul>\n<li><a href=\"" HEAD_URL "\">La dernière tête signée"
	    "</a> (JSON)</li>\n<li><a href=\"" LOG_URL "\">Le journal complet"
	    "</a> (JSON, données ouvertes : les modérateurs y figurent sous un "
	    "pseudonyme, les notes par leur seule empreinte)</li>\n"
	    "<li><a href=\"" KEY_URL "\">La clé publique</a> (PEM)</li>\n"
	    "</ul>\n<p>Pour vérifier, avec le programme d'Agora et l'accès à "
	    "la base : <code>agora verify-log --head tete.json --key "
	    "cle-publique.pem</code>. Sans lui : la signature se vérifie avec "
	    "OpenSSL, et chaque empreinte se recalcule à partir des champs du "
	    "journal publié, comme l'explique la page des <a href=\"" UI_EXPORT
	    "#journal\">données ouvertes</a>.</p>\n");
}
