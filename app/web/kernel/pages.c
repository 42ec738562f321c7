/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* Fixed pages whose text lives in assets/pages/, one Markdown file each. */

#include <string.h>

#include "../../core/addresses.h"
#include "../../core/settings.h"
#include "assets.h"
#include "web.h"

int	pages_show(struct web_req *);

static const struct {
	const char	*path;	/* URL */
	const char	*page;	/* assets/pages/<page>.md */
	const char	*title;	/* <title> */
} pages[] = {
	{ UI_PRIVACY,	"confidentialite", "Données personnelles" },
	{ UI_ACCESSIBILITY,	"accessibilite", "Déclaration d'accessibilité" },
};

/*
 * The page's HTML with each "{contact_message_days}" (the retention period
 * of the messages to the moderation team, a setting) replaced by its
 * value, so that the privacy notice says what `agora purge` does.
 */
static void
write_page(struct web_req *w, const char *html)
{
	static const char	 mark[] = "{contact_message_days}";
	const char		*at;

	while ((at = strstr(html, mark)) != NULL) {
		H->write(H->arg, html, (size_t)(at - html));	/* raw */
		html_rawf(H, "%lld", settings_int(SET_CONTACT_MESSAGE_DAYS));
		html = at + sizeof(mark) - 1;
	}
	html_raw(H, html);
}

/* GET /confidentialite, /accessibilite (/charte: moderation_pages.c). */
int
pages_show(struct web_req *w)
{
	const char	*html;
	size_t		 i;

	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++) {
		if (strcmp(w->req->path, pages[i].path) != 0)
			continue;
		if ((html = assets_page(pages[i].page)) == NULL)
			break;
		page_begin(w, pages[i].title);
		html_raw(H, "<div class=\"prose\">\n");
		write_page(w, html);
		html_raw(H, "</div>\n");
		page_end(w);
		return (web_send(w, 200));
	}
	return (web_error(w, 404, NULL));
}
