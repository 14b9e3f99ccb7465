/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_NET_IP6_CHECKSUM_H
#define _VCSHIM_NET_IP6_CHECKSUM_H

#include <linux/in6.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <net/checksum.h>

static inline __sum16 tcp_v6_check(int len, const struct in6_addr *saddr,
				   const struct in6_addr *daddr, __wsum base)
{
	return csum_ipv6_magic(saddr, daddr, len, IPPROTO_TCP, base);
}

static inline void tcp_v6_gso_csum_prep(struct sk_buff *skb)
{
	struct ipv6hdr *ipv6h = ipv6_hdr(skb);
	struct tcphdr *th = tcp_hdr(skb);

	ipv6h->payload_len = 0;
	th->check = ~tcp_v6_check(0, &ipv6h->saddr, &ipv6h->daddr, 0);
}

#endif /* _VCSHIM_NET_IP6_CHECKSUM_H */
