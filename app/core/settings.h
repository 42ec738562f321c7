/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * Application settings: "key = value" lines read from one file (the path in
 * $AGORA_CONFIG, else conf/agora.ini). An environment variable AGORA_<KEY>
 * (upper case) overrides the file, so a deployment can keep secrets out of it.
 * Shared by the kore module and the agora command-line tool.
 */

#ifndef AGORA_CORE_SETTINGS_H
#define AGORA_CORE_SETTINGS_H

#define SETTINGS_DEFAULT_PATH	"conf/agora.ini"

/* Loads path (NULL: $AGORA_CONFIG or the default). 0, or -1 with errbuf. */
int		 settings_load(const char *path, char *errbuf, size_t errlen);
/* The value for key, or def. Borrowed: valid until the next load. */
const char	*settings_get(const char *key, const char *def);
/* The value as an integer in [min, max], or def when absent or invalid. */
long long	 settings_get_int(const char *key, long long def,
		    long long min, long long max);
/* The path actually loaded. */
const char	*settings_path(void);

#endif
