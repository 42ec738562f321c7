/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Application settings: "key = value" lines read from one file (the path in
 * $AGORA_CONFIG, else conf/agora.ini). An environment variable AGORA_<KEY>
 * (upper case) overrides the file, so a deployment can keep secrets out of it.
 * Every key is declared once in settings.def (kind, default, range, meaning);
 * settings_load() checks every value against it, once. Shared by the kore
 * module and the agora command-line tool.
 */

#ifndef AGORA_CORE_SETTINGS_H
#define AGORA_CORE_SETTINGS_H

#include <stdio.h>

#define SETTINGS_DEFAULT_PATH	"conf/agora.ini"

enum setting_id {
#define SETTING(id, key, kind, def, flags, doc)	SET_##id,
#include "settings.def"
#undef SETTING
	SET__MAX
};

/*
 * Loads path (NULL: $AGORA_CONFIG or the default) and checks every value.
 * A value of the wrong kind or out of range, or an unknown key, is reported
 * through settings_warn_hook and the default used; for an S_STRICT key it is
 * -1 instead, with errbuf naming the key. 0, or -1 with errbuf.
 */
int		 settings_load(const char *path, char *errbuf, size_t errlen);
/* Where warnings go (default: standard error), one sentence each. */
extern void	(*settings_warn_hook)(const char *);

/* An INT or BOOL setting: always within its declared range. */
long long	 settings_int(enum setting_id);
/*
 * A TEXT or CHOICE setting; NULL when it is absent and declared without a
 * default. Borrowed: valid until the next load.
 */
const char	*settings_text(enum setting_id);
/* The key as the file spells it. */
const char	*settings_key(enum setting_id);
/* The declared default, as text, or NULL. */
const char	*settings_default(enum setting_id);
/* Whether a wrong value refuses to start (S_STRICT). */
int		 settings_strict(enum setting_id);

/* The effective values, secrets hidden (agora settings). */
void		 settings_print(FILE *);
/* The README's settings table (agora settings --markdown). */
void		 settings_markdown(FILE *);
/* The path actually loaded. */
const char	*settings_path(void);

/*
 * The old calls, kept for app/web/opendata/ until it moves to the typed
 * accessors: the key is looked up in the table (def when it is unknown or
 * unset); settings_get_int checks [min, max] itself, as it always did.
 */
const char	*settings_get(const char *key, const char *def);
long long	 settings_get_int(const char *key, long long def,
		    long long min, long long max);

#endif
