/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * libFuzzer harness of the paper sheets' reference reader
 * (app/core/sheet.c), which reads what a mediator types: any input is
 * read or refused without a crash or a read outside the buffer; a
 * reference read is 8 symbols of the alphabet whose check holds, reads
 * back to itself, and reads back from its printed form. Run with
 * `make fuzz` (clang, ASan, UBSan).
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../app/core/sheet.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*in, code[SHEET_CODE_LEN + 1], again[SHEET_CODE_LEN + 1];
	char	 shown[SHEET_SHOWN_LEN + 1];

	if ((in = malloc(size + 1)) == NULL)
		return (0);
	memcpy(in, data, size);
	in[size] = '\0';
	if (sheet_code_read(in, code) == SHEET_OK) {
		if (strlen(code) != SHEET_CODE_LEN ||
		    strspn(code, "0123456789ABCDEFGHJKMNPQRSTVWXYZ") !=
		    SHEET_CODE_LEN)
			abort();
		if (sheet_code_read(code, again) != SHEET_OK ||
		    strcmp(code, again) != 0)
			abort();
		sheet_code_show(code, shown);
		if (sheet_code_read(shown, again) != SHEET_OK ||
		    strcmp(code, again) != 0)
			abort();
	} else if (code[0] != '\0')
		abort();
	free(in);
	return (0);
}
