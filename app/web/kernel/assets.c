/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <stdlib.h>
#include <string.h>

#include "../../core/markdown.h"
#include "assets.h"
#include "web.h"

#define ASSETS_MAX	64

struct asset_state {
	char	 etag[24];	/* "\"<16 hex>\"" */
	char	 url[160];
	char	*html;		/* rendered page, for .md files */
};

static struct asset_state	states[ASSETS_MAX];

int	assets_serve(struct web_req *);

static unsigned long long
fnv1a(const unsigned char *p, size_t len)
{
	unsigned long long	h = 1469598103934665603ULL;

	while (len-- > 0) {
		h ^= *p++;
		h *= 1099511628211ULL;
	}
	return (h);
}

void
assets_init(void)
{
	size_t	i, len;
	unsigned long long h;

	if (asset_nfiles > ASSETS_MAX)
		fatal("too many assets");
	for (i = 0; i < asset_nfiles; i++) {
		h = fnv1a(asset_files[i].data, asset_files[i].len);
		snprintf(states[i].etag, sizeof(states[i].etag), "\"%016llx\"",
		    h);
		snprintf(states[i].url, sizeof(states[i].url),
		    "/static/%s?v=%.8llx", asset_files[i].name, h >> 32);
		len = strlen(asset_files[i].name);
		if (len > 3 && strcmp(asset_files[i].name + len - 3, ".md") == 0)
			states[i].html = markdown_render(
			    (const char *)asset_files[i].data,
			    asset_files[i].len, 0);
	}
}

static ssize_t
asset_find(const char *name)
{
	size_t	i;

	for (i = 0; i < asset_nfiles; i++)
		if (strcmp(asset_files[i].name, name) == 0)
			return ((ssize_t)i);
	return (-1);
}

const char *
assets_url(const char *name)
{
	ssize_t	i;

	if ((i = asset_find(name)) == -1)
		return ("/static/missing");
	return (states[i].url);
}

const char *
assets_page(const char *name)
{
	char	path[128];
	ssize_t	i;

	snprintf(path, sizeof(path), "pages/%s.md", name);
	if ((i = asset_find(path)) == -1)
		return (NULL);
	return (states[i].html);
}

static const char *
asset_type(const char *name)
{
	static const struct {
		const char	*ext;
		const char	*type;
	} types[] = {
		{ ".css",	"text/css; charset=utf-8" },
		{ ".js",	"text/javascript; charset=utf-8" },
		{ ".svg",	"image/svg+xml" },
		{ ".png",	"image/png" },
		{ ".ico",	"image/x-icon" },
		{ ".txt",	"text/plain; charset=utf-8" },
	};
	const char	*dot;
	size_t		 i;

	if ((dot = strrchr(name, '.')) == NULL)
		return (NULL);
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(dot, types[i].ext) == 0)
			return (types[i].type);
	return (NULL);
}

/* GET /static/:name. Raises 404 for unknown files and for page sources. */
int
assets_serve(struct web_req *w)
{
	const char	*type, *inm;
	ssize_t		 i;

	if ((i = asset_find(w->args[0])) == -1 ||
	    (type = asset_type(w->args[0])) == NULL)
		return (web_error(w, 404, NULL));
	web_headers(w->req, type);
	http_response_header(w->req, "etag", states[i].etag);
	http_response_header(w->req, "cache-control",
	    "public, max-age=31536000, immutable");
	if (http_request_header(w->req, "if-none-match", &inm) &&
	    strcmp(inm, states[i].etag) == 0) {
		http_response(w->req, 304, NULL, 0);
		return (WEB_DONE);
	}
	http_response(w->req, 200, asset_files[i].data, asset_files[i].len);
	return (WEB_DONE);
}
