/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The reference of a printed paper form (issue 12, item 5): 7 random
 * symbols of Crockford's base 32 (0-9 and A-Z without I, L, O, U: none
 * that reads as another) and a check symbol (Luhn mod 32), printed as
 * "ABCD-EFGH". The check symbol catches every single mistyped symbol and
 * every swap of two neighbours, so a typo is answered "mistyped" at the
 * field before any lookup. Which codes were really printed is the
 * database's business (paper_sheets, migration 0290): a code only counts
 * once the server issued it, so a made-up code with a right check symbol
 * is still refused, as unknown.
 */

#ifndef AGORA_CORE_SHEET_H
#define AGORA_CORE_SHEET_H

#include <stddef.h>

#define SHEET_CODE_LEN		8	/* symbols, check symbol included */
#define SHEET_SHOWN_LEN		9	/* "ABCD-EFGH" */

enum sheet_err {
	SHEET_OK,
	SHEET_EMPTY,		/* nothing typed */
	SHEET_SHAPE,		/* not 8 symbols of the alphabet */
	SHEET_CHECK		/* a symbol mistyped: the check fails */
};

/*
 * A fresh code from RAND_bytes, as the database stores it (8 symbols, no
 * dash). 0, or -1 when the random source failed.
 */
int		 sheet_code_new(char out[SHEET_CODE_LEN + 1]);
/*
 * The code a person typed, read leniently (lower case, dashes and spaces,
 * I and L for 1, O for 0), into its stored form.
 */
enum sheet_err	 sheet_code_read(const char *, char out[SHEET_CODE_LEN + 1]);
/* A stored code as printed: "ABCD-EFGH". */
void		 sheet_code_show(const char *, char out[SHEET_SHOWN_LEN + 1]);
/* The check symbol of n symbols of the alphabet (their values 0..31). */
int		 sheet_check(const unsigned char *, size_t);

#endif
