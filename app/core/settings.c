/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The settings file against its declarations (settings.def): every value is
 * read and checked once, at load, so that a typo is said when the program
 * starts, not discovered when a page happens to read the key.
 */

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "settings.h"
#include "text.h"

#define KEY_MAX		64
#define VALUE_MAX	1024

#define S_SECRET	0x01	/* never printed */
#define S_STRICT	0x02	/* a wrong value refuses to start */

enum setting_kind {
	S_KIND_INT,
	S_KIND_BOOL,
	S_KIND_CHOICE,
	S_KIND_TEXT
};

struct setting_def {
	const char		*key;
	enum setting_kind	 kind;
	long long		 min, max;	/* S_KIND_INT, S_KIND_BOOL */
	const char		*choices;	/* S_KIND_CHOICE: "a|b" */
	const char		*def;		/* NULL: none */
	int			 flags;		/* S_SECRET, S_STRICT */
	const char		*doc;		/* English, one line */
};

/* The kinds of settings.def, as the members above. */
#define INT(lo, hi)	S_KIND_INT, lo, hi, NULL
#define BOOL		S_KIND_BOOL, 0, 1, NULL
#define TEXT		S_KIND_TEXT, 0, 0, NULL
#define CHOICE(c)	S_KIND_CHOICE, 0, 0, c

static const struct setting_def defs[SET__MAX] = {
#define SETTING(id, key, kind, def, flags, doc)	\
	{ #key, kind, def, flags, doc },	/* SET_##id */
#include "settings.def"
#undef SETTING
};

struct setting_val {
	char		*raw;		/* as given (file or environment), or NULL */
	char		*from;		/* "path:line" or "AGORA_KEY" */
	int		 ok;		/* raw passed the declaration's check */
	long long	 num;		/* the effective integer (INT, BOOL) */
};

static struct setting_val	vals[SET__MAX];
static int			resolved;
static char			loaded_path[1024];

static void
warn_stderr(const char *msg)
{
	fprintf(stderr, "agora: settings: %s\n", msg);
}

void	(*settings_warn_hook)(const char *) = warn_stderr;

static void
warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
warn(const char *fmt, ...)
{
	char	msg[VALUE_MAX + 256];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	settings_warn_hook(msg);
}

static int
find(const char *key)
{
	int	i;

	for (i = 0; i < SET__MAX; i++)
		if (strcmp(defs[i].key, key) == 0)
			return (i);
	return (-1);
}

/* Parses v as a decimal integer in [min, max]; 0, or -1. */
static int
parse_int(const char *v, long long min, long long max, long long *out)
{
	char		*end;
	long long	 n;

	errno = 0;
	n = strtoll(v, &end, 10);
	if (*v == '\0' || errno != 0 || *end != '\0' || n < min || n > max)
		return (-1);
	*out = n;
	return (0);
}

/* Whether v is one of the words of choices ("a|b"). */
static int
choice_ok(const char *choices, const char *v)
{
	const char	*p = choices, *bar;
	size_t		 len = strlen(v);

	for (;;) {
		bar = strchr(p, '|');
		if ((bar ? (size_t)(bar - p) : strlen(p)) == len &&
		    strncmp(p, v, len) == 0 && len > 0)
			return (1);
		if (bar == NULL)
			return (0);
		p = bar + 1;
	}
}

/* NULL when v fits the declaration of i, else why not. */
static const char *
check(int i, const char *v, long long *num)
{
	const struct setting_def	*d = &defs[i];
	static char			 why[128];

	switch (d->kind) {
	case S_KIND_INT:
		if (parse_int(v, LLONG_MIN, LLONG_MAX, num) == -1)
			return ("not an integer");
		if (*num < d->min || *num > d->max) {
			snprintf(why, sizeof(why), "out of range %lld-%lld",
			    d->min, d->max);
			return (why);
		}
		return (NULL);
	case S_KIND_BOOL:
		if (parse_int(v, 0, 1, num) == -1)
			return ("expected 0 or 1");
		return (NULL);
	case S_KIND_CHOICE:
		if (!choice_ok(d->choices, v)) {
			snprintf(why, sizeof(why), "expected one of %s",
			    d->choices);
			return (why);
		}
		return (NULL);
	case S_KIND_TEXT:
		break;
	}
	return (NULL);
}

static void
val_reset(void)
{
	int	i;

	for (i = 0; i < SET__MAX; i++) {
		free(vals[i].raw);
		free(vals[i].from);
		memset(&vals[i], 0, sizeof(vals[i]));
		if (defs[i].kind == S_KIND_INT || defs[i].kind == S_KIND_BOOL)
			vals[i].num = strtoll(defs[i].def, NULL, 10);
	}
	resolved = 1;
}

static void
val_set(int i, const char *raw, const char *from)
{
	free(vals[i].raw);
	free(vals[i].from);
	vals[i].raw = strdup(raw);
	vals[i].from = strdup(from);
	if (vals[i].raw == NULL || vals[i].from == NULL)
		abort();
}

/* One "key = value" line of the file; -1 with errbuf when malformed. */
static int
read_line(char *line, const char *path, int lineno, char *errbuf,
    size_t errlen)
{
	char	*k, *v, *eq, from[1100];
	int	 i;

	k = text_trim(line);
	if (*k == '\0' || *k == '#')
		return (0);
	if ((eq = strchr(k, '=')) == NULL) {
		snprintf(errbuf, errlen, "%s:%d: expected key = value",
		    path, lineno);
		return (-1);
	}
	*eq = '\0';
	k = text_trim(k);
	v = text_trim(eq + 1);
	if (*k == '\0' || strlen(k) >= KEY_MAX || strlen(v) >= VALUE_MAX) {
		snprintf(errbuf, errlen, "%s:%d: key or value too long",
		    path, lineno);
		return (-1);
	}
	snprintf(from, sizeof(from), "%s:%d", path, lineno);
	if ((i = find(k)) == -1)
		warn("%s: unknown key %s, ignored (agora settings --markdown "
		    "lists them)", from, k);
	else if (vals[i].raw != NULL)
		warn("%s: %s given again, ignored (the first is used: %s)",
		    from, k, vals[i].from);
	else
		val_set(i, v, from);
	return (0);
}

/*
 * The environment over the file, then every value against its declaration.
 * -1 with errbuf for a wrong value of an S_STRICT key.
 */
static int
resolve(char *errbuf, size_t errlen)
{
	const struct setting_def	*d;
	const char			*why, *e;
	char				 env[KEY_MAX + 8];
	long long			 n;
	int				 i, j;

	for (i = 0; i < SET__MAX; i++) {
		d = &defs[i];
		snprintf(env, sizeof(env), "AGORA_%s", d->key);
		for (j = 6; env[j] != '\0'; j++)
			env[j] = (char)toupper((unsigned char)env[j]);
		if ((e = getenv(env)) != NULL)
			val_set(i, e, env);
		if (vals[i].raw == NULL ||
		    (*vals[i].raw == '\0' && d->kind != S_KIND_TEXT))
			continue;	/* the default, silently */
		if ((why = check(i, vals[i].raw, &n)) == NULL) {
			vals[i].ok = 1;
			if (d->kind == S_KIND_INT || d->kind == S_KIND_BOOL)
				vals[i].num = n;
			continue;
		}
		if (d->flags & S_STRICT) {
			snprintf(errbuf, errlen, "%s: %s = %s: %s; refusing to "
			    "start rather than use the default (%s): %s",
			    vals[i].from, d->key, vals[i].raw, why,
			    d->def ? d->def : "none", d->doc);
			return (-1);
		}
		warn("%s: %s = %s: %s; the default %s is used", vals[i].from,
		    d->key, vals[i].raw, why, d->def ? d->def : "(none)");
	}
	return (0);
}

int
settings_load(const char *path, char *errbuf, size_t errlen)
{
	FILE	*f;
	char	 line[VALUE_MAX + KEY_MAX + 8];
	int	 lineno = 0;

	if (path == NULL)
		path = getenv("AGORA_CONFIG");
	if (path == NULL || *path == '\0')
		path = SETTINGS_DEFAULT_PATH;
	snprintf(loaded_path, sizeof(loaded_path), "%s", path);
	val_reset();

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(errbuf, errlen, "%s: %s", path, strerror(errno));
		return (-1);
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		if (read_line(line, path, lineno, errbuf, errlen) == -1) {
			fclose(f);
			return (-1);
		}
	}
	fclose(f);
	return (resolve(errbuf, errlen));
}

long long
settings_int(enum setting_id id)
{
	if (id < 0 || id >= SET__MAX || (defs[id].kind != S_KIND_INT &&
	    defs[id].kind != S_KIND_BOOL)) {
		fprintf(stderr, "settings_int(%d): not an integer setting\n",
		    (int)id);
		abort();
	}
	if (!resolved)
		val_reset();
	return (vals[id].num);
}

const char *
settings_text(enum setting_id id)
{
	if (id < 0 || id >= SET__MAX || (defs[id].kind != S_KIND_TEXT &&
	    defs[id].kind != S_KIND_CHOICE)) {
		fprintf(stderr, "settings_text(%d): not a text setting\n",
		    (int)id);
		abort();
	}
	return (vals[id].ok ? vals[id].raw : defs[id].def);
}

const char *
settings_key(enum setting_id id)
{
	return (id >= 0 && id < SET__MAX ? defs[id].key : "?");
}

const char *
settings_default(enum setting_id id)
{
	return (id >= 0 && id < SET__MAX ? defs[id].def : NULL);
}

int
settings_strict(enum setting_id id)
{
	return (id >= 0 && id < SET__MAX && (defs[id].flags & S_STRICT));
}

const char *
settings_path(void)
{
	return (loaded_path);
}

void
settings_print(FILE *f)
{
	const struct setting_def	*d;
	const char			*v;
	int				 i;

	for (i = 0; i < SET__MAX; i++) {
		d = &defs[i];
		v = vals[i].ok ? vals[i].raw : d->def;
		if (d->kind == S_KIND_INT || d->kind == S_KIND_BOOL)
			fprintf(f, "%s = %lld", d->key, settings_int(i));
		else if (v == NULL)
			fprintf(f, "%s = (none)", d->key);
		else if (d->flags & S_SECRET)
			fprintf(f, "%s = (set, not shown)", d->key);
		else
			fprintf(f, "%s = %s", d->key, v);
		fprintf(f, "\t# %s\n", vals[i].ok ? vals[i].from : "default");
	}
}

static void
markdown_range(FILE *f, const struct setting_def *d)
{
	const char	*p;

	switch (d->kind) {
	case S_KIND_INT:
		fprintf(f, "%lld–%lld", d->min, d->max);
		break;
	case S_KIND_BOOL:
		fputs("0 or 1", f);
		break;
	case S_KIND_CHOICE:
		fputc('`', f);
		for (p = d->choices; *p != '\0'; p++)
			if (*p == '|')
				fputs("`, `", f);
			else
				fputc(*p, f);
		fputc('`', f);
		break;
	case S_KIND_TEXT:
		fputs("text", f);
		break;
	}
}

void
settings_markdown(FILE *f)
{
	const struct setting_def	*d;
	int				 i;

	fputs("| key | default | range | meaning |\n|---|---|---|---|\n", f);
	for (i = 0; i < SET__MAX; i++) {
		d = &defs[i];
		fprintf(f, "| `%s` | ", d->key);
		if (d->def == NULL)
			fputs("none", f);
		else if (d->kind == S_KIND_INT || d->kind == S_KIND_BOOL)
			fputs(d->def, f);
		else
			fprintf(f, "`%s`", d->def);
		fputs(" | ", f);
		markdown_range(f, d);
		fprintf(f, " | %s |\n", d->doc);
	}
}

const char *
settings_get(const char *key, const char *def)
{
	int	i;

	if ((i = find(key)) == -1 || vals[i].raw == NULL)
		return (def);
	return (vals[i].raw);
}

long long
settings_get_int(const char *key, long long def, long long min, long long max)
{
	const char	*v;
	long long	 n;

	if ((v = settings_get(key, NULL)) == NULL || *v == '\0' ||
	    parse_int(v, min, max, &n) == -1)
		return (def);
	return (n);
}
