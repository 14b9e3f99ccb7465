/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_IP_H
#define _VCSHIM_LINUX_IP_H

#include <linux/skbuff.h>
#include <uapi/linux/ip.h>

static inline struct iphdr *ip_hdr(const struct sk_buff *skb)
{
	return (struct iphdr *)skb_network_header(skb);
}

static inline unsigned int ip_hdrlen(const struct sk_buff *skb)
{
	return ip_hdr(skb)->ihl * 4;
}

#endif /* _VCSHIM_LINUX_IP_H */
