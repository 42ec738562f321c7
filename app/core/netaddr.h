/*
 * Copyright (c) 2026 The Agora developers.
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/*
 * The network an abuse limit counts a client in. An IPv4 address is one
 * customer; an IPv6 customer gets a whole /64 (2^64 addresses), so
 * keying the exact address let one person use a new bucket per request
 * (issue 14, item 5): IPv6 addresses are counted by their /64.
 */

#ifndef AGORA_CORE_NETADDR_H
#define AGORA_CORE_NETADDR_H

#include <stddef.h>

#define NETADDR_LEN	64	/* "xxxx:xxxx:xxxx:xxxx::/64" and room */

/*
 * The bucket of the address in text s, written to out: an IPv4 address
 * (also when written as ::ffff:a.b.c.d) as itself, an IPv6 address as its
 * /64 ("2001:db8:1:2::/64"). 0, or -1 when s is not an address.
 */
int	netaddr_bucket(const char *s, char out[NETADDR_LEN]);

#endif
