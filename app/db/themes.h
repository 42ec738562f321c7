/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#ifndef AGORA_DB_THEMES_H
#define AGORA_DB_THEMES_H

/*
 * No parameters. One row for the primary consultation: id, title, summary,
 * body, opens (French date), closes (French date, last open day), phase,
 * contributors, published contributions.
 */
extern const char	sql_home_consultation[];
/*
 * $1 consultation id. One row per theme, in order: slug, title, summary,
 * published proposals, published arguments and comments.
 */
extern const char	sql_home_themes[];
/*
 * $1 slug. Zero or one row: id, slug, title, summary, body, position,
 * consultation phase, consultation id.
 */
extern const char	sql_theme_by_slug[];

#endif
