/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

#include <arpa/inet.h>
#include <sys/socket.h>

#include <stdio.h>
#include <string.h>

#include "netaddr.h"

int
netaddr_bucket(const char *s, char out[NETADDR_LEN])
{
	static const unsigned char	mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0,
					    0, 0, 0xff, 0xff };
	unsigned char			b[sizeof(struct in6_addr)];
	char				tmp[INET6_ADDRSTRLEN];

	if (inet_pton(AF_INET, s, b) == 1)
		return (inet_ntop(AF_INET, b, out, NETADDR_LEN) ? 0 : -1);
	if (inet_pton(AF_INET6, s, b) != 1)
		return (-1);
	if (memcmp(b, mapped, sizeof(mapped)) == 0)
		return (inet_ntop(AF_INET, b + 12, out, NETADDR_LEN) ? 0 : -1);
	memset(b + 8, 0, 8);
	if (inet_ntop(AF_INET6, b, tmp, sizeof(tmp)) == NULL)
		return (-1);
	snprintf(out, NETADDR_LEN, "%s/64", tmp);
	return (0);
}
