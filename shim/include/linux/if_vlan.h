/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: VLAN headers and the skb's VLAN tag. The TAP interface
 * carries tags in the frame (no VLAN acceleration is advertised), so a
 * transmitted skb never holds a tag out of band; one a driver received
 * out of band is put back into the frame before it goes to the TAP.
 */
#ifndef _VCSHIM_LINUX_IF_VLAN_H
#define _VCSHIM_LINUX_IF_VLAN_H

#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <uapi/linux/if_vlan.h>

#define VLAN_HLEN	4
#define VLAN_ETH_HLEN	18
#define VLAN_ETH_ZLEN	64
#define VLAN_ETH_DATA_LEN	1500
#define VLAN_ETH_FRAME_LEN	1518
#define VLAN_PRIO_MASK		0xe000
#define VLAN_PRIO_SHIFT		13
#define VLAN_CFI_MASK		0x1000
#define VLAN_VID_MASK		0x0fff
#define VLAN_N_VID		4096

struct vlan_hdr {
	__be16 h_vlan_TCI;
	__be16 h_vlan_encapsulated_proto;
};

struct vlan_ethhdr {
	unsigned char h_dest[ETH_ALEN];
	unsigned char h_source[ETH_ALEN];
	__be16 h_vlan_proto;
	__be16 h_vlan_TCI;
	__be16 h_vlan_encapsulated_proto;
};

static inline bool eth_type_vlan(__be16 ethertype)
{
	return ethertype == htons(ETH_P_8021Q) || ethertype == htons(ETH_P_8021AD);
}

static inline void __vlan_hwaccel_put_tag(struct sk_buff *skb, __be16 vlan_proto, u16 vlan_tci)
{
	skb->vlan_proto = vlan_proto;
	skb->vlan_tci = vlan_tci;
}

static inline void __vlan_hwaccel_clear_tag(struct sk_buff *skb)
{
	skb->vlan_proto = 0;
}

#define skb_vlan_tag_present(skb)	((skb)->vlan_proto != 0)
#define skb_vlan_tag_get(skb)		((skb)->vlan_tci)
#define skb_vlan_tag_get_id(skb)	((skb)->vlan_tci & VLAN_VID_MASK)
#define skb_vlan_tag_get_prio(skb)	(((skb)->vlan_tci & VLAN_PRIO_MASK) >> VLAN_PRIO_SHIFT)

static inline __be16 __vlan_get_protocol(const struct sk_buff *skb, __be16 type, int *depth)
{
	unsigned int vlan_depth = skb->mac_len, parse_depth = 8;

	if (eth_type_vlan(type)) {
		if (vlan_depth) {
			if (WARN_ON(vlan_depth < VLAN_HLEN))
				return 0;
			vlan_depth -= VLAN_HLEN;
		} else {
			vlan_depth = ETH_HLEN;
		}
		do {
			struct vlan_hdr vhdr, *vh;

			vh = skb_header_pointer(skb, vlan_depth, sizeof(vhdr), &vhdr);
			if (unlikely(!vh || !--parse_depth))
				return 0;
			type = vh->h_vlan_encapsulated_proto;
			vlan_depth += VLAN_HLEN;
		} while (eth_type_vlan(type));
	}
	if (depth)
		*depth = vlan_depth;
	return type;
}

/* A frame with two tags or more keeps only the offloads that need no
 * parsing of the headers behind them. */
static inline netdev_features_t vlan_features_check(struct sk_buff *skb,
						    netdev_features_t features)
{
	struct vlan_hdr vhdr, *vh;

	if (!eth_type_vlan(skb->protocol))
		return features;
	vh = skb_header_pointer(skb, ETH_HLEN, sizeof(vhdr), &vhdr);
	if (vh && eth_type_vlan(vh->h_vlan_encapsulated_proto))
		features &= NETIF_F_SG | NETIF_F_HIGHDMA | NETIF_F_HW_CSUM |
			    NETIF_F_FRAGLIST | NETIF_F_HW_VLAN_CTAG_TX |
			    NETIF_F_HW_VLAN_STAG_TX;
	return features;
}

static inline __be16 vlan_get_protocol(const struct sk_buff *skb)
{
	return __vlan_get_protocol(skb, skb->protocol, NULL);
}

#endif /* _VCSHIM_LINUX_IF_VLAN_H */
