/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: network devices, bridged to a TAP interface of the host
 * (shim/netdev.c). register_netdev() creates the TAP interface, named as
 * the kernel would name the device ("eth%d"), with the device's address
 * and MTU. Bringing the interface up or down calls ndo_open/ndo_stop, as
 * dev_open()/dev_close() do. Frames written to the interface are handed
 * to ndo_start_xmit() on the transmit thread (which honours stopped
 * queues and the tx lock); frames the driver receives (netif_rx(),
 * netif_receive_skb(), napi_gro_receive(), ...) are written back to it.
 * NAPI instances are polled on one softirq-like thread, scheduled by
 * napi_schedule() from the driver's interrupt handler. The carrier
 * follows netif_carrier_on/off().
 */
#ifndef _VCSHIM_LINUX_NETDEVICE_H
#define _VCSHIM_LINUX_NETDEVICE_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/ethtool.h>
#include <linux/if_ether.h>
#include <linux/interrupt.h>
#include <linux/list.h>
#include <linux/netdev_features.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/u64_stats_sync.h>
#include <uapi/linux/if.h>
#include <uapi/linux/sockios.h>
#include <uapi/linux/if_arp.h>

struct netlink_ext_ack;
struct neighbour;
struct hh_cache;
struct ifmap;
struct vcshim_netdev;

#define MAX_ADDR_LEN		32
enum {
	IF_PORT_UNKNOWN = 0,
	IF_PORT_10BASE2,
	IF_PORT_10BASET,
	IF_PORT_AUI,
	IF_PORT_100BASET,
	IF_PORT_100BASETX,
	IF_PORT_100BASEFX
};
#define NETDEV_ALIGN		32
#define NAPI_POLL_WEIGHT	64
#define LL_MAX_HEADER		128

enum netdev_tx {
	__NETDEV_TX_MIN	= INT_MIN,
	NETDEV_TX_OK	= 0x00,
	NETDEV_TX_BUSY	= 0x10,
};
typedef enum netdev_tx netdev_tx_t;

#define NET_RX_SUCCESS	0
#define NET_RX_DROP	1

typedef enum gro_result {
	GRO_MERGED,
	GRO_MERGED_FREE,
	GRO_HELD,
	GRO_NORMAL,
	GRO_CONSUMED,
} gro_result_t;

/* Message levels (netif_msg_*()). */
enum {
	NETIF_MSG_DRV_BIT,
	NETIF_MSG_PROBE_BIT,
	NETIF_MSG_LINK_BIT,
	NETIF_MSG_TIMER_BIT,
	NETIF_MSG_IFDOWN_BIT,
	NETIF_MSG_IFUP_BIT,
	NETIF_MSG_RX_ERR_BIT,
	NETIF_MSG_TX_ERR_BIT,
	NETIF_MSG_TX_QUEUED_BIT,
	NETIF_MSG_INTR_BIT,
	NETIF_MSG_TX_DONE_BIT,
	NETIF_MSG_RX_STATUS_BIT,
	NETIF_MSG_PKTDATA_BIT,
	NETIF_MSG_HW_BIT,
	NETIF_MSG_WOL_BIT,
	NETIF_MSG_CLASS_COUNT,
};
#define __NETIF_MSG(name)	BIT(NETIF_MSG_ ## name ## _BIT)
#define NETIF_MSG_DRV		__NETIF_MSG(DRV)
#define NETIF_MSG_PROBE		__NETIF_MSG(PROBE)
#define NETIF_MSG_LINK		__NETIF_MSG(LINK)
#define NETIF_MSG_TIMER		__NETIF_MSG(TIMER)
#define NETIF_MSG_IFDOWN	__NETIF_MSG(IFDOWN)
#define NETIF_MSG_IFUP		__NETIF_MSG(IFUP)
#define NETIF_MSG_RX_ERR	__NETIF_MSG(RX_ERR)
#define NETIF_MSG_TX_ERR	__NETIF_MSG(TX_ERR)
#define NETIF_MSG_TX_QUEUED	__NETIF_MSG(TX_QUEUED)
#define NETIF_MSG_INTR		__NETIF_MSG(INTR)
#define NETIF_MSG_TX_DONE	__NETIF_MSG(TX_DONE)
#define NETIF_MSG_RX_STATUS	__NETIF_MSG(RX_STATUS)
#define NETIF_MSG_PKTDATA	__NETIF_MSG(PKTDATA)
#define NETIF_MSG_HW		__NETIF_MSG(HW)
#define NETIF_MSG_WOL		__NETIF_MSG(WOL)

#define netif_msg_drv(p)	((p)->msg_enable & NETIF_MSG_DRV)
#define netif_msg_probe(p)	((p)->msg_enable & NETIF_MSG_PROBE)
#define netif_msg_link(p)	((p)->msg_enable & NETIF_MSG_LINK)
#define netif_msg_timer(p)	((p)->msg_enable & NETIF_MSG_TIMER)
#define netif_msg_ifdown(p)	((p)->msg_enable & NETIF_MSG_IFDOWN)
#define netif_msg_ifup(p)	((p)->msg_enable & NETIF_MSG_IFUP)
#define netif_msg_rx_err(p)	((p)->msg_enable & NETIF_MSG_RX_ERR)
#define netif_msg_tx_err(p)	((p)->msg_enable & NETIF_MSG_TX_ERR)
#define netif_msg_tx_queued(p)	((p)->msg_enable & NETIF_MSG_TX_QUEUED)
#define netif_msg_intr(p)	((p)->msg_enable & NETIF_MSG_INTR)
#define netif_msg_tx_done(p)	((p)->msg_enable & NETIF_MSG_TX_DONE)
#define netif_msg_rx_status(p)	((p)->msg_enable & NETIF_MSG_RX_STATUS)
#define netif_msg_pktdata(p)	((p)->msg_enable & NETIF_MSG_PKTDATA)
#define netif_msg_hw(p)		((p)->msg_enable & NETIF_MSG_HW)
#define netif_msg_wol(p)	((p)->msg_enable & NETIF_MSG_WOL)

static inline u32 netif_msg_init(int debug_value, int default_msg_enable_bits)
{
	if (debug_value < 0 || debug_value >= (int)(sizeof(u32) * 8))
		return default_msg_enable_bits;
	if (debug_value == 0)
		return 0;
	return (1U << debug_value) - 1;
}

struct net_device_stats {
	unsigned long rx_packets, tx_packets, rx_bytes, tx_bytes;
	unsigned long rx_errors, tx_errors, rx_dropped, tx_dropped;
	unsigned long multicast, collisions;
	unsigned long rx_length_errors, rx_over_errors, rx_crc_errors;
	unsigned long rx_frame_errors, rx_fifo_errors, rx_missed_errors;
	unsigned long tx_aborted_errors, tx_carrier_errors, tx_fifo_errors;
	unsigned long tx_heartbeat_errors, tx_window_errors;
	unsigned long rx_compressed, tx_compressed;
};

/* <uapi/linux/if_link.h>'s, which needs netlink. */
struct rtnl_link_stats64 {
	__u64 rx_packets, tx_packets, rx_bytes, tx_bytes;
	__u64 rx_errors, tx_errors, rx_dropped, tx_dropped;
	__u64 multicast, collisions;
	__u64 rx_length_errors, rx_over_errors, rx_crc_errors;
	__u64 rx_frame_errors, rx_fifo_errors, rx_missed_errors;
	__u64 tx_aborted_errors, tx_carrier_errors, tx_fifo_errors;
	__u64 tx_heartbeat_errors, tx_window_errors;
	__u64 rx_compressed, tx_compressed, rx_nohandler;
};

/* Hardware address lists: empty (the TAP's memberships are not mirrored). */
struct netdev_hw_addr {
	struct list_head list;
	unsigned char addr[MAX_ADDR_LEN];
	unsigned char type;
	bool global_use;
	int sync_cnt;
	int refcount;
	int synced;
};

struct netdev_hw_addr_list {
	struct list_head list;
	int count;
};

#define netdev_hw_addr_list_count(l)	((l)->count)
#define netdev_hw_addr_list_empty(l)	(netdev_hw_addr_list_count(l) == 0)
#define netdev_hw_addr_list_for_each(ha, l) \
	list_for_each_entry(ha, &(l)->list, list)
#define netdev_uc_count(dev)	netdev_hw_addr_list_count(&(dev)->uc)
#define netdev_uc_empty(dev)	netdev_hw_addr_list_empty(&(dev)->uc)
#define netdev_for_each_uc_addr(ha, dev) netdev_hw_addr_list_for_each(ha, &(dev)->uc)
#define netdev_mc_count(dev)	netdev_hw_addr_list_count(&(dev)->mc)
#define netdev_mc_empty(dev)	netdev_hw_addr_list_empty(&(dev)->mc)
#define netdev_for_each_mc_addr(ha, dev) netdev_hw_addr_list_for_each(ha, &(dev)->mc)

enum netdev_queue_state_t {
	__QUEUE_STATE_DRV_XOFF,
	__QUEUE_STATE_STACK_XOFF,
	__QUEUE_STATE_FROZEN,
};

struct netdev_queue {
	struct net_device *dev;
	unsigned long state;
	spinlock_t _xmit_lock;
	unsigned long trans_start;
	unsigned int queue_index;
};

/* NAPI */
enum {
	NAPI_STATE_SCHED,
	NAPI_STATE_MISSED,
	NAPI_STATE_DISABLE,
	NAPI_STATE_NPSVC,
	NAPI_STATE_LISTED,
};

#define NAPIF_STATE_SCHED	BIT(NAPI_STATE_SCHED)
#define NAPIF_STATE_MISSED	BIT(NAPI_STATE_MISSED)
#define NAPIF_STATE_DISABLE	BIT(NAPI_STATE_DISABLE)

struct napi_struct {
	struct list_head poll_list;	/* on the poll thread's list while scheduled */
	unsigned long state;
	int weight;
	int (*poll)(struct napi_struct *, int);
	struct net_device *dev;
	struct sk_buff *skb;		/* napi_get_frags() */
	struct list_head dev_list;
	unsigned int napi_id;
};

void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight);
#define netif_napi_add(dev, napi, poll)	netif_napi_add_weight(dev, napi, poll, NAPI_POLL_WEIGHT)
#define netif_napi_add_tx(dev, napi, poll) netif_napi_add(dev, napi, poll)
#define netif_napi_add_tx_weight(dev, napi, poll, w) netif_napi_add_weight(dev, napi, poll, w)
void netif_napi_del(struct napi_struct *napi);
#define __netif_napi_del(napi)	netif_napi_del(napi)
void napi_enable(struct napi_struct *n);
void napi_disable(struct napi_struct *n);
bool napi_schedule_prep(struct napi_struct *n);
void __napi_schedule(struct napi_struct *n);
#define __napi_schedule_irqoff(n)	__napi_schedule(n)
bool napi_complete_done(struct napi_struct *n, int work_done);
gro_result_t napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);
struct sk_buff *napi_get_frags(struct napi_struct *napi);
gro_result_t napi_gro_frags(struct napi_struct *napi);
void napi_free_frags(struct napi_struct *napi);
struct sk_buff *__napi_alloc_skb(struct napi_struct *napi, unsigned int len, gfp_t gfp);
#define napi_alloc_skb(napi, len)	__napi_alloc_skb(napi, len, GFP_ATOMIC)

static inline bool napi_schedule(struct napi_struct *n)
{
	if (napi_schedule_prep(n)) {
		__napi_schedule(n);
		return true;
	}
	return false;
}

#define napi_schedule_irqoff(n)	napi_schedule(n)

static inline bool napi_complete(struct napi_struct *n)
{
	return napi_complete_done(n, 0);
}

static inline bool napi_disable_pending(struct napi_struct *n)
{
	return test_bit(NAPI_STATE_DISABLE, &n->state);
}

static inline void napi_synchronize(const struct napi_struct *n)
{
	while (test_bit(NAPI_STATE_SCHED, &n->state))
		msleep(1);
}

static inline bool napi_if_scheduled_mark_missed(struct napi_struct *n)
{
	unsigned long val, new;

	do {
		val = READ_ONCE(n->state);
		if (val & NAPIF_STATE_DISABLE)
			return true;
		if (!(val & NAPIF_STATE_SCHED))
			return false;
		new = val | NAPIF_STATE_MISSED;
	} while (cmpxchg(&n->state, val, new) != val);
	return true;
}

struct net_device_ops {
	int (*ndo_init)(struct net_device *dev);
	void (*ndo_uninit)(struct net_device *dev);
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	netdev_features_t (*ndo_features_check)(struct sk_buff *skb, struct net_device *dev,
						netdev_features_t features);
	u16 (*ndo_select_queue)(struct net_device *dev, struct sk_buff *skb,
				struct net_device *sb_dev);
	void (*ndo_change_rx_flags)(struct net_device *dev, int flags);
	void (*ndo_set_rx_mode)(struct net_device *dev);
	int (*ndo_set_mac_address)(struct net_device *dev, void *addr);
	int (*ndo_validate_addr)(struct net_device *dev);
	int (*ndo_do_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_eth_ioctl)(struct net_device *dev, struct ifreq *ifr, int cmd);
	int (*ndo_siocdevprivate)(struct net_device *dev, struct ifreq *ifr,
				  void __user *data, int cmd);
	int (*ndo_set_config)(struct net_device *dev, struct ifmap *map);
	int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
	void (*ndo_tx_timeout)(struct net_device *dev, unsigned int txqueue);
	void (*ndo_get_stats64)(struct net_device *dev, struct rtnl_link_stats64 *storage);
	struct net_device_stats *(*ndo_get_stats)(struct net_device *dev);
	int (*ndo_vlan_rx_add_vid)(struct net_device *dev, __be16 proto, u16 vid);
	int (*ndo_vlan_rx_kill_vid)(struct net_device *dev, __be16 proto, u16 vid);
	void (*ndo_poll_controller)(struct net_device *dev);
	netdev_features_t (*ndo_fix_features)(struct net_device *dev, netdev_features_t features);
	int (*ndo_set_features)(struct net_device *dev, netdev_features_t features);
	int (*ndo_set_tx_maxrate)(struct net_device *dev, int queue_index, u32 maxrate);
	int (*ndo_get_phys_port_name)(struct net_device *dev, char *name, size_t len);
};

enum netdev_priv_flags {
	IFF_802_1Q_VLAN = 1 << 0,
	IFF_EBRIDGE = 1 << 1,
	IFF_BONDING = 1 << 2,
	IFF_ISATAP = 1 << 3,
	IFF_WAN_HDLC = 1 << 4,
	IFF_XMIT_DST_RELEASE = 1 << 5,
	IFF_DONT_BRIDGE = 1 << 6,
	IFF_DISABLE_NETPOLL = 1 << 7,
	IFF_MACVLAN_PORT = 1 << 8,
	IFF_BRIDGE_PORT = 1 << 9,
	IFF_OVS_DATAPATH = 1 << 10,
	IFF_TX_SKB_SHARING = 1 << 11,
	IFF_UNICAST_FLT = 1 << 12,
	IFF_SUPP_NOFCS = 1 << 19,
	IFF_LIVE_ADDR_CHANGE = 1 << 20,
};

/* __LINK_STATE_* of net_device.state */
enum netdev_state_t {
	__LINK_STATE_START,
	__LINK_STATE_PRESENT,
	__LINK_STATE_NOCARRIER,
	__LINK_STATE_LINKWATCH_PENDING,
	__LINK_STATE_DORMANT,
	__LINK_STATE_TESTING,
};

#define NET_ADDR_PERM		0
#define NET_ADDR_RANDOM		1
#define NET_ADDR_STOLEN		2
#define NET_ADDR_SET		3

#define NET_NAME_UNKNOWN	0
#define NET_NAME_ENUM		1

struct net_device {
	char name[IFNAMSIZ];
	unsigned long mem_end;
	unsigned long mem_start;
	unsigned long base_addr;
	unsigned long state;
	struct list_head napi_list;
	netdev_features_t features;
	netdev_features_t hw_features;
	netdev_features_t wanted_features;
	netdev_features_t vlan_features;
	netdev_features_t hw_enc_features;
	netdev_features_t mpls_features;
	netdev_features_t gso_partial_features;
	unsigned int min_mtu;
	unsigned int max_mtu;
	unsigned short type;
	unsigned char min_header_len;
	unsigned char name_assign_type;
	int ifindex;
	struct net_device_stats stats;
	atomic_long_t rx_dropped;
	atomic_long_t tx_dropped;
	const struct net_device_ops *netdev_ops;
	const struct ethtool_ops *ethtool_ops;
	const void *header_ops;
	unsigned int flags;
	unsigned long long priv_flags;
	unsigned short gflags;
	unsigned short needed_headroom;
	unsigned short needed_tailroom;
	unsigned int mtu;
	unsigned short hard_header_len;
	unsigned char operstate;
	unsigned char link_mode;
	unsigned char if_port;
	unsigned char dma;
	unsigned char perm_addr[MAX_ADDR_LEN];
	unsigned char addr_assign_type;
	unsigned char addr_len;
	unsigned short neigh_priv_len;
	unsigned short dev_id;
	unsigned short dev_port;
	int irq;
	struct netdev_hw_addr_list uc;
	struct netdev_hw_addr_list mc;
	struct netdev_hw_addr_list dev_addrs;
	unsigned int promiscuity;
	unsigned int allmulti;
	bool uc_promisc;
	const unsigned char *dev_addr;
	unsigned char broadcast[MAX_ADDR_LEN];
	struct netdev_queue *_tx;
	unsigned int num_tx_queues;
	unsigned int real_num_tx_queues;
	unsigned int num_rx_queues;
	unsigned int real_num_rx_queues;
	unsigned int tx_queue_len;
	int watchdog_timeo;
	unsigned int gso_max_size;
	unsigned int tso_max_size;
	u16 gso_max_segs;
	u16 tso_max_segs;
	void *ml_priv;
	struct device dev;
	bool lltx;
	struct vcshim_netdev *vcshim;	/* the TAP bridge */
	unsigned char addr_storage[MAX_ADDR_LEN];
};

#define __dev_addr_set(ndev, addr, len)	dev_addr_mod(ndev, 0, addr, len)
#define for_each_dev_addr(ndev, ha) \
	list_for_each_entry(ha, &(ndev)->dev_addrs.list, list)

#define to_net_dev(d)	container_of(d, struct net_device, dev)
#define SET_NETDEV_DEV(net, pdev)	((net)->dev.parent = (pdev))
#define SET_NETDEV_DEVTYPE(net, devtype)	((net)->dev.type = (devtype))
#define NETIF_F_LLTX_SET(dev)	((dev)->lltx = true)

static inline void *netdev_priv(const struct net_device *dev)
{
	return (char *)dev + ALIGN(sizeof(struct net_device), NETDEV_ALIGN);
}

struct net_device *alloc_netdev_mqs(int sizeof_priv, const char *name,
				    unsigned char name_assign_type,
				    void (*setup)(struct net_device *),
				    unsigned int txqs, unsigned int rxqs);
#define alloc_netdev(sizeof_priv, name, name_assign_type, setup) \
	alloc_netdev_mqs(sizeof_priv, name, name_assign_type, setup, 1, 1)
void ether_setup(struct net_device *dev);
void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);
int register_netdevice(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
void unregister_netdevice(struct net_device *dev);
int devm_register_netdev(struct device *dev, struct net_device *ndev);
int dev_open(struct net_device *dev, struct netlink_ext_ack *extack);
void dev_close(struct net_device *dev);
int netif_set_real_num_tx_queues(struct net_device *dev, unsigned int txq);
int netif_set_real_num_rx_queues(struct net_device *dev, unsigned int rxq);
void netdev_update_features(struct net_device *dev);
void dev_addr_mod(struct net_device *dev, unsigned int offset, const void *addr, size_t len);
void dev_addr_set(struct net_device *dev, const u8 *addr);
void netdev_stats_to_stats64(struct rtnl_link_stats64 *stats64,
			     const struct net_device_stats *netdev_stats);
struct rtnl_link_stats64 *dev_get_stats(struct net_device *dev,
					struct rtnl_link_stats64 *storage);
#define net_ratelimit()	printk_ratelimit()
int dev_set_mtu(struct net_device *dev, int mtu);

/* Delivery to the stack: the TAP interface. */
int netif_rx(struct sk_buff *skb);
#define netif_rx_ni(skb)	netif_rx(skb)
#define __netif_rx(skb)		netif_rx(skb)
int netif_receive_skb(struct sk_buff *skb);
#define netif_receive_skb_core(skb)	netif_receive_skb(skb)
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);

/* Carrier and device presence. */
void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);
void netif_device_detach(struct net_device *dev);
void netif_device_attach(struct net_device *dev);

static inline bool netif_carrier_ok(const struct net_device *dev)
{
	return !test_bit(__LINK_STATE_NOCARRIER, &dev->state);
}

static inline bool netif_running(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_START, &dev->state);
}

static inline bool netif_device_present(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_PRESENT, &dev->state);
}

static inline bool netif_oper_up(const struct net_device *dev)
{
	return netif_running(dev) && netif_carrier_ok(dev);
}

static inline void netif_dormant_off(struct net_device *dev)
{
	clear_bit(__LINK_STATE_DORMANT, &dev->state);
}

/* Transmit queues. */
void netif_tx_wake_queue(struct netdev_queue *dev_queue);

static inline struct netdev_queue *netdev_get_tx_queue(const struct net_device *dev,
							unsigned int index)
{
	return &dev->_tx[index];
}

static inline void netif_tx_start_queue(struct netdev_queue *q)
{
	clear_bit(__QUEUE_STATE_DRV_XOFF, &q->state);
}

static inline void netif_tx_stop_queue(struct netdev_queue *q)
{
	set_bit(__QUEUE_STATE_DRV_XOFF, &q->state);
}

static inline bool netif_tx_queue_stopped(const struct netdev_queue *q)
{
	return test_bit(__QUEUE_STATE_DRV_XOFF, &q->state);
}

static inline bool netif_xmit_stopped(const struct netdev_queue *q)
{
	return netif_tx_queue_stopped(q);
}

static inline void netif_start_queue(struct net_device *dev)
{
	netif_tx_start_queue(netdev_get_tx_queue(dev, 0));
}

static inline void netif_stop_queue(struct net_device *dev)
{
	netif_tx_stop_queue(netdev_get_tx_queue(dev, 0));
}

static inline void netif_wake_queue(struct net_device *dev)
{
	netif_tx_wake_queue(netdev_get_tx_queue(dev, 0));
}

static inline bool netif_queue_stopped(const struct net_device *dev)
{
	return netif_tx_queue_stopped(netdev_get_tx_queue(dev, 0));
}

static inline void netif_tx_start_all_queues(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++)
		netif_tx_start_queue(netdev_get_tx_queue(dev, i));
}

static inline void netif_tx_wake_all_queues(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++)
		netif_tx_wake_queue(netdev_get_tx_queue(dev, i));
}

static inline void netif_tx_stop_all_queues(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++)
		netif_tx_stop_queue(netdev_get_tx_queue(dev, i));
}

static inline void netif_stop_subqueue(struct net_device *dev, u16 queue_index)
{
	netif_tx_stop_queue(netdev_get_tx_queue(dev, queue_index));
}

static inline void netif_wake_subqueue(struct net_device *dev, u16 queue_index)
{
	netif_tx_wake_queue(netdev_get_tx_queue(dev, queue_index));
}

static inline bool __netif_subqueue_stopped(const struct net_device *dev, u16 queue_index)
{
	return netif_tx_queue_stopped(netdev_get_tx_queue(dev, queue_index));
}

static inline void __netif_tx_lock(struct netdev_queue *txq, int cpu)
{
	spin_lock(&txq->_xmit_lock);
}

static inline void __netif_tx_unlock(struct netdev_queue *txq)
{
	spin_unlock(&txq->_xmit_lock);
}

#define __netif_tx_lock_bh(txq)		__netif_tx_lock(txq, 0)
#define __netif_tx_unlock_bh(txq)	__netif_tx_unlock(txq)

static inline void netif_tx_lock(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++) {
		struct netdev_queue *txq = netdev_get_tx_queue(dev, i);

		__netif_tx_lock(txq, 0);
		set_bit(__QUEUE_STATE_FROZEN, &txq->state);
		__netif_tx_unlock(txq);
	}
}

static inline void netif_tx_unlock(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++) {
		struct netdev_queue *txq = netdev_get_tx_queue(dev, i);

		clear_bit(__QUEUE_STATE_FROZEN, &txq->state);
		netif_tx_wake_queue(txq);
		if (!netif_tx_queue_stopped(txq))
			clear_bit(__QUEUE_STATE_DRV_XOFF, &txq->state);
	}
}

#define netif_tx_lock_bh(dev)	netif_tx_lock(dev)
#define netif_tx_unlock_bh(dev)	netif_tx_unlock(dev)

static inline void netif_tx_disable(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++) {
		struct netdev_queue *txq = netdev_get_tx_queue(dev, i);

		__netif_tx_lock(txq, 0);
		netif_tx_stop_queue(txq);
		__netif_tx_unlock(txq);
	}
}

static inline void txq_trans_cond_update(struct netdev_queue *txq)
{
	WRITE_ONCE(txq->trans_start, jiffies);
}

static inline unsigned long dev_trans_start(struct net_device *dev)
{
	unsigned long res = 0;
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++) {
		unsigned long val = READ_ONCE(netdev_get_tx_queue(dev, i)->trans_start);

		if (val && time_after(val, res))
			res = val;
	}
	return res;
}

static inline void netif_trans_update(struct net_device *dev)
{
	txq_trans_cond_update(netdev_get_tx_queue(dev, 0));
}

/* Byte queue limits: no queueing discipline above the driver to limit. */
static inline void netdev_tx_sent_queue(struct netdev_queue *q, unsigned int bytes)
{
}

static inline void netdev_tx_completed_queue(struct netdev_queue *q, unsigned int pkts,
					     unsigned int bytes)
{
}

static inline void netdev_tx_reset_queue(struct netdev_queue *q)
{
}

static inline void netdev_sent_queue(struct net_device *dev, unsigned int bytes)
{
}

static inline void netdev_completed_queue(struct net_device *dev, unsigned int pkts,
					  unsigned int bytes)
{
}

static inline void netdev_reset_queue(struct net_device *dev)
{
}

static inline bool netdev_xmit_more(void)
{
	return false;
}

/* Messages: "<driver> <device> <ifname>: ..." as the kernel prints them. */
const char *netdev_name(const struct net_device *dev);
#define netdev_printk(lvl, ndev, fmt, ...)					\
	do {									\
		if ((ndev)->dev.parent)						\
			dev_printk(lvl, (ndev)->dev.parent, "%s: " fmt,		\
				   netdev_name(ndev), ##__VA_ARGS__);		\
		else								\
			printk(lvl "%s: " fmt, netdev_name(ndev), ##__VA_ARGS__); \
	} while (0)
#define netdev_emerg(dev, fmt, ...)	netdev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define netdev_alert(dev, fmt, ...)	netdev_printk(KERN_ALERT, dev, fmt, ##__VA_ARGS__)
#define netdev_crit(dev, fmt, ...)	netdev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define netdev_err(dev, fmt, ...)	netdev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define netdev_warn(dev, fmt, ...)	netdev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define netdev_notice(dev, fmt, ...)	netdev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define netdev_info(dev, fmt, ...)	netdev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define netdev_dbg(dev, fmt, ...)	netdev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)
#define netdev_err_once(dev, fmt, ...)	netdev_err(dev, fmt, ##__VA_ARGS__)
#define netdev_warn_once(dev, fmt, ...)	netdev_warn(dev, fmt, ##__VA_ARGS__)
#define netdev_WARN(dev, fmt, ...)	WARN(1, "netdevice: %s: " fmt, netdev_name(dev), ##__VA_ARGS__)
#define netdev_WARN_ONCE(dev, fmt, ...)	WARN_ONCE(1, "netdevice: %s: " fmt, netdev_name(dev), ##__VA_ARGS__)
#define netif_printk(priv, type, level, dev, fmt, ...) \
	do { if (netif_msg_##type(priv)) netdev_printk(level, dev, fmt, ##__VA_ARGS__); } while (0)
#define netif_level(level, priv, type, dev, fmt, ...) \
	do { if (netif_msg_##type(priv)) netdev_##level(dev, fmt, ##__VA_ARGS__); } while (0)
#define netif_emerg(priv, type, dev, fmt, ...)	netif_level(emerg, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_alert(priv, type, dev, fmt, ...)	netif_level(alert, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_crit(priv, type, dev, fmt, ...)	netif_level(crit, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_err(priv, type, dev, fmt, ...)	netif_level(err, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_warn(priv, type, dev, fmt, ...)	netif_level(warn, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_notice(priv, type, dev, fmt, ...)	netif_level(notice, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_info(priv, type, dev, fmt, ...)	netif_level(info, priv, type, dev, fmt, ##__VA_ARGS__)
#define netif_dbg(priv, type, dev, fmt, ...)	netif_level(dbg, priv, type, dev, fmt, ##__VA_ARGS__)

#endif /* _VCSHIM_LINUX_NETDEVICE_H */
