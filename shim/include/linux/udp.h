/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_UDP_H
#define _VCSHIM_LINUX_UDP_H

#include <linux/skbuff.h>
#include <uapi/linux/udp.h>

static inline struct udphdr *udp_hdr(const struct sk_buff *skb)
{
	return (struct udphdr *)skb_transport_header(skb);
}

#endif /* _VCSHIM_LINUX_UDP_H */
