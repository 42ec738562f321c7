/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/* The agora command-line tool: one file per command, sync libpq. */

#ifndef AGORA_CLI_H
#define AGORA_CLI_H

#include <libpq-fe.h>

/* Connects with the "database" setting; exits with a message on failure. */
PGconn	*cli_connect(void);
/* Runs sql with text parameters; exits with a message unless it succeeds. */
PGresult *cli_exec(PGconn *, const char *, int, const char *const *);

int	cmd_migrate(int, char **);
int	cmd_status(int, char **);
int	cmd_generate(int, char **);

#endif
