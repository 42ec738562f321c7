/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "text.h"

#define SETTINGS_MAX	64
#define KEY_MAX		64
#define VALUE_MAX	1024

struct setting {
	char	key[KEY_MAX];		/* lower-case key */
	char	value[VALUE_MAX];	/* value, trimmed */
};

static struct setting	settings[SETTINGS_MAX];
static size_t		nsettings;
static char		loaded_path[1024];

int
settings_load(const char *path, char *errbuf, size_t errlen)
{
	FILE	*f;
	char	 line[VALUE_MAX + KEY_MAX + 8], *k, *v, *eq;
	int	 lineno = 0;

	if (path == NULL)
		path = getenv("AGORA_CONFIG");
	if (path == NULL || *path == '\0')
		path = SETTINGS_DEFAULT_PATH;
	snprintf(loaded_path, sizeof(loaded_path), "%s", path);
	nsettings = 0;

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
		return (-1);
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		k = text_trim(line);
		if (*k == '\0' || *k == '#')
			continue;
		if ((eq = strchr(k, '=')) == NULL) {
			snprintf(errbuf, errlen, "%s:%d: expected key = value",
			    path, lineno);
			fclose(f);
			return (-1);
		}
		*eq = '\0';
		k = text_trim(k);
		v = text_trim(eq + 1);
		if (*k == '\0' || strlen(k) >= KEY_MAX ||
		    strlen(v) >= VALUE_MAX || nsettings == SETTINGS_MAX) {
			snprintf(errbuf, errlen, "%s:%d: key or value too long",
			    path, lineno);
			fclose(f);
			return (-1);
		}
		snprintf(settings[nsettings].key, KEY_MAX, "%s", k);
		snprintf(settings[nsettings].value, VALUE_MAX, "%s", v);
		nsettings++;
	}
	fclose(f);
	return (0);
}

const char *
settings_get(const char *key, const char *def)
{
	char	 env[KEY_MAX + 8], *e;
	size_t	 i;

	snprintf(env, sizeof(env), "AGORA_%s", key);
	for (i = 6; env[i] != '\0'; i++)
		env[i] = (char)toupper((unsigned char)env[i]);
	if ((e = getenv(env)) != NULL)
		return (e);
	for (i = 0; i < nsettings; i++)
		if (strcmp(settings[i].key, key) == 0)
			return (settings[i].value);
	return (def);
}

long long
settings_get_int(const char *key, long long def, long long min, long long max)
{
	const char	*v;
	char		*end;
	long long	 n;

	if ((v = settings_get(key, NULL)) == NULL || *v == '\0')
		return (def);
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < min || n > max)
		return (def);
	return (n);
}

const char *
settings_path(void)
{
	return (loaded_path);
}
