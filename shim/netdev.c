// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: network devices bridged to a TAP interface.
 *
 * register_netdev() creates a TAP interface of the host named as the kernel
 * names the device ("eth%d" gives the first free ethN), with the device's
 * address and MTU; unregister_netdev() removes it. The interface stands
 * for the network stack above the driver:
 *
 * - a frame the host sends out of the interface is read by the device's
 *   transmit thread and handed to ndo_start_xmit() under the queue's tx
 *   lock; a stopped queue holds the next frame until the driver wakes it,
 *   and one stopped for longer than watchdog_timeo calls ndo_tx_timeout()
 *   as the kernel's dev_watchdog does;
 * - a frame the driver passes up (netif_rx(), netif_receive_skb(),
 *   napi_gro_receive(), napi_gro_frags()) is written to the interface;
 * - bringing the interface up or down (ip link set ... up/down) calls
 *   ndo_open()/ndo_stop() as dev_open()/dev_close() do (the transmit
 *   thread polls the flags every 100 ms), under the RTNL lock;
 * - netif_carrier_on/off() set the interface's carrier (TUNSETCARRIER).
 *
 * NAPI instances are polled on one thread, the shim's softirq: the IRQ
 * handler's napi_schedule() queues the instance, the thread calls its
 * poll() with its weight until it completes, with the kernel's state
 * bits (SCHED, MISSED, DISABLE) deciding as in net/core/dev.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include <linux/if_tun.h>

#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>

#include "shim.h"

#define FLAGS_POLL_MS	100
#define MAX_FRAME	65536

struct vcshim_netdev {
	struct net_device *dev;
	int tap_fd;
	pthread_t tx_thread;
	bool tx_started;
	bool stop;
	pthread_mutex_t lock;		/* protects the wait for a stopped queue */
	pthread_cond_t wake;		/* a queue was woken */
	/* What crossed the bridge: frames to the interface and from it. */
	unsigned long to_tap, to_tap_bytes, from_tap, from_tap_bytes;
	unsigned long tx_busy, tx_timeouts, rx_dropped;
};

/* ---- RTNL ---- */

static pthread_mutex_t rtnl_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_t rtnl_owner;
static bool rtnl_held;

void rtnl_lock(void)
{
	pthread_mutex_lock(&rtnl_mutex);
	rtnl_owner = pthread_self();
	rtnl_held = true;
}

void rtnl_unlock(void)
{
	rtnl_held = false;
	pthread_mutex_unlock(&rtnl_mutex);
}

int rtnl_trylock(void)
{
	if (pthread_mutex_trylock(&rtnl_mutex))
		return 0;
	rtnl_owner = pthread_self();
	rtnl_held = true;
	return 1;
}

int rtnl_is_locked(void)
{
	return rtnl_held;
}

/* ---- NAPI: one poll thread ---- */

static LIST_HEAD(poll_list);
static pthread_mutex_t napi_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t napi_cond = PTHREAD_COND_INITIALIZER;
static pthread_t napi_thread;
static bool napi_thread_started;

static void *napi_main(void *arg)
{
	for (;;) {
		struct napi_struct *n;
		int work;

		pthread_mutex_lock(&napi_lock);
		while (list_empty(&poll_list))
			pthread_cond_wait(&napi_cond, &napi_lock);
		n = list_first_entry(&poll_list, struct napi_struct, poll_list);
		list_del_init(&n->poll_list);
		pthread_mutex_unlock(&napi_lock);

		work = n->poll(n, n->weight);
		WARN_ONCE(work > n->weight, "%s: NAPI poll returned %d > weight %d\n",
			  netdev_name(n->dev), work, n->weight);
		/* The budget used up: the driver left it scheduled, poll again
		 * (after the others) unless it is being disabled. */
		if (work >= n->weight && test_bit(NAPI_STATE_SCHED, &n->state)) {
			if (napi_disable_pending(n))
				napi_complete(n);
			else
				__napi_schedule(n);
		}
	}
	return NULL;
}

void __napi_schedule(struct napi_struct *n)
{
	pthread_mutex_lock(&napi_lock);
	if (!napi_thread_started &&
	    !vcshim_start_thread(&napi_thread, napi_main, NULL, false))
		napi_thread_started = true;
	if (list_empty(&n->poll_list))
		list_add_tail(&n->poll_list, &poll_list);
	pthread_cond_signal(&napi_cond);
	pthread_mutex_unlock(&napi_lock);
}

bool napi_schedule_prep(struct napi_struct *n)
{
	unsigned long val, new;

	do {
		val = READ_ONCE(n->state);
		if (val & NAPIF_STATE_DISABLE)
			return false;
		new = val | NAPIF_STATE_SCHED;
		/* Already scheduled: the poll must run once more. */
		if (val & NAPIF_STATE_SCHED)
			new |= NAPIF_STATE_MISSED;
	} while (cmpxchg(&n->state, val, new) != val);
	return !(val & NAPIF_STATE_SCHED);
}

bool napi_complete_done(struct napi_struct *n, int work_done)
{
	unsigned long val, new;

	do {
		val = READ_ONCE(n->state);
		new = val & ~(NAPIF_STATE_MISSED | NAPIF_STATE_SCHED);
		/* Missed a schedule while polling: stay scheduled. */
		if (val & NAPIF_STATE_MISSED)
			new |= NAPIF_STATE_SCHED;
	} while (cmpxchg(&n->state, val, new) != val);
	if (val & NAPIF_STATE_MISSED) {
		__napi_schedule(n);
		return false;
	}
	return true;
}

void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight)
{
	INIT_LIST_HEAD(&napi->poll_list);
	napi->poll = poll;
	napi->weight = weight;
	napi->dev = dev;
	napi->skb = NULL;
	/* Disabled until napi_enable(), as in the kernel. */
	napi->state = NAPIF_STATE_SCHED | BIT(NAPI_STATE_NPSVC);
	list_add(&napi->dev_list, &dev->napi_list);
}

void netif_napi_del(struct napi_struct *napi)
{
	list_del_init(&napi->dev_list);
	napi_free_frags(napi);
}

void napi_enable(struct napi_struct *n)
{
	unsigned long val, new;

	do {
		val = READ_ONCE(n->state);
		BUG_ON(!(val & NAPIF_STATE_SCHED));
		new = val & ~(NAPIF_STATE_SCHED | BIT(NAPI_STATE_NPSVC));
	} while (cmpxchg(&n->state, val, new) != val);
}

void napi_disable(struct napi_struct *n)
{
	unsigned long val, new;

	set_bit(NAPI_STATE_DISABLE, &n->state);
	for (;;) {
		val = READ_ONCE(n->state);
		if (val & (NAPIF_STATE_SCHED | BIT(NAPI_STATE_NPSVC))) {
			usleep(100);
			continue;
		}
		new = val | NAPIF_STATE_SCHED | BIT(NAPI_STATE_NPSVC);
		if (cmpxchg(&n->state, val, new) == val)
			break;
	}
	clear_bit(NAPI_STATE_DISABLE, &n->state);
}

/* ---- frames to the interface ---- */

static int deliver(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct vcshim_netdev *nd = dev ? dev->vcshim : NULL;
	struct skb_shared_info *shinfo = skb_shinfo(skb);
	struct iovec iov[MAX_SKB_FRAGS + 3];
	unsigned char *start;
	unsigned int n = 0, len = 0, head;
	__be16 tag[2];
	ssize_t ret;
	int i;

	if (!nd || nd->tap_fd < 0 || !netif_running(dev)) {
		if (nd)
			nd->rx_dropped++;
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	/* The frame starts at its MAC header (eth_type_trans() pulled it). */
	start = skb_mac_header_was_set(skb) ? skb_mac_header(skb) : skb->data;
	head = skb_tail_pointer(skb) - start;
	if (skb->vlan_proto && head >= 2 * ETH_ALEN) {
		/* A tag stripped by the hardware goes back into the frame. */
		tag[0] = skb->vlan_proto;
		tag[1] = htons(skb->vlan_tci);
		iov[n++] = (struct iovec){ start, 2 * ETH_ALEN };
		iov[n++] = (struct iovec){ tag, sizeof(tag) };
		iov[n++] = (struct iovec){ start + 2 * ETH_ALEN, head - 2 * ETH_ALEN };
	} else {
		iov[n++] = (struct iovec){ start, head };
	}
	for (i = 0; i < shinfo->nr_frags; i++)
		iov[n++] = (struct iovec){ skb_frag_address(&shinfo->frags[i]),
					   skb_frag_size(&shinfo->frags[i]) };
	for (i = 0; i < (int)n; i++)
		len += iov[i].iov_len;
	ret = writev(nd->tap_fd, iov, n);
	if (ret == (ssize_t)len) {
		__atomic_add_fetch(&nd->to_tap, 1, __ATOMIC_RELAXED);
		__atomic_add_fetch(&nd->to_tap_bytes, len, __ATOMIC_RELAXED);
	} else {
		__atomic_add_fetch(&nd->rx_dropped, 1, __ATOMIC_RELAXED);
	}
	consume_skb(skb);
	return ret == (ssize_t)len ? NET_RX_SUCCESS : NET_RX_DROP;
}

int netif_rx(struct sk_buff *skb)
{
	return deliver(skb);
}

int netif_receive_skb(struct sk_buff *skb)
{
	return deliver(skb);
}

gro_result_t napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb)
{
	if (!skb->dev)
		skb->dev = napi->dev;
	return deliver(skb) == NET_RX_SUCCESS ? GRO_NORMAL : GRO_MERGED_FREE;
}

struct sk_buff *napi_get_frags(struct napi_struct *napi)
{
	if (!napi->skb)
		napi->skb = napi_alloc_skb(napi, 128);
	return napi->skb;
}

gro_result_t napi_gro_frags(struct napi_struct *napi)
{
	struct sk_buff *skb = napi->skb;

	napi->skb = NULL;
	if (!skb)
		return GRO_CONSUMED;
	skb->dev = napi->dev;
	return deliver(skb) == NET_RX_SUCCESS ? GRO_NORMAL : GRO_MERGED_FREE;
}

void napi_free_frags(struct napi_struct *napi)
{
	kfree_skb(napi->skb);
	napi->skb = NULL;
}

__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	const struct ethhdr *eth;

	skb->dev = dev;
	skb_reset_mac_header(skb);
	eth = (const struct ethhdr *)skb->data;
	skb_pull(skb, ETH_HLEN);
	skb_reset_network_header(skb);
	if (unlikely(is_multicast_ether_addr(eth->h_dest)))
		skb->pkt_type = ether_addr_equal(eth->h_dest, dev->broadcast) ?
				PACKET_BROADCAST : PACKET_MULTICAST;
	else if (unlikely(!ether_addr_equal(eth->h_dest, dev->dev_addr)))
		skb->pkt_type = PACKET_OTHERHOST;
	if (likely(eth_proto_is_802_3(eth->h_proto)))
		return eth->h_proto;
	if (skb->len >= 2 && *(unsigned short *)skb->data == 0xFFFF)
		return htons(ETH_P_802_3);
	return htons(ETH_P_802_2);
}

int eth_validate_addr(struct net_device *dev)
{
	return is_valid_ether_addr(dev->dev_addr) ? 0 : -EADDRNOTAVAIL;
}

int eth_mac_addr(struct net_device *dev, void *p)
{
	struct sockaddr *addr = p;

	if (!is_valid_ether_addr((u8 *)addr->sa_data))
		return -EADDRNOTAVAIL;
	eth_hw_addr_set(dev, (u8 *)addr->sa_data);
	return 0;
}

/* ---- the interface ---- */

static int if_ioctl(const char *name, unsigned long req, struct ifreq *ifr)
{
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), ret;

	if (s < 0)
		return -errno;
	snprintf(ifr->ifr_name, IFNAMSIZ, "%s", name);
	ret = ioctl(s, req, ifr) ? -errno : 0;
	close(s);
	return ret;
}

static void tap_set_addr(struct net_device *dev)
{
	struct ifreq ifr = {};

	ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(ifr.ifr_hwaddr.sa_data, dev->dev_addr, ETH_ALEN);
	if (if_ioctl(dev->name, SIOCSIFHWADDR, &ifr))
		netdev_warn(dev, "could not set the TAP interface's address\n");
}

static void tap_set_mtu(struct net_device *dev)
{
	struct ifreq ifr = {};

	ifr.ifr_mtu = dev->mtu;
	if (if_ioctl(dev->name, SIOCSIFMTU, &ifr))
		netdev_warn(dev, "could not set the TAP interface's MTU to %u\n", dev->mtu);
}

static void tap_set_carrier(struct net_device *dev)
{
	struct vcshim_netdev *nd = dev->vcshim;
	int on = netif_carrier_ok(dev);

	if (nd && nd->tap_fd >= 0)
		ioctl(nd->tap_fd, TUNSETCARRIER, &on);
}

static int tap_flags(struct net_device *dev)
{
	struct ifreq ifr = {};

	return if_ioctl(dev->name, SIOCGIFFLAGS, &ifr) ? 0 : ifr.ifr_flags;
}

int dev_open(struct net_device *dev, struct netlink_ext_ack *extack)
{
	const struct net_device_ops *ops = dev->netdev_ops;
	int ret = 0;

	if (netif_running(dev))
		return 0;
	if (!netif_device_present(dev))
		return -ENODEV;
	set_bit(__LINK_STATE_START, &dev->state);
	if (ops->ndo_validate_addr)
		ret = ops->ndo_validate_addr(dev);
	if (!ret && ops->ndo_open)
		ret = ops->ndo_open(dev);
	if (ret) {
		clear_bit(__LINK_STATE_START, &dev->state);
		netdev_err(dev, "ndo_open: %d\n", ret);
		return ret;
	}
	/* Multicast memberships of the interface are not mirrored: all of
	 * it is let through. */
	dev->flags |= IFF_UP | IFF_ALLMULTI;
	if (ops->ndo_set_rx_mode)
		ops->ndo_set_rx_mode(dev);
	vcshim_log("6", "%s: up: ndo_open done\n", dev->name);
	return 0;
}

void dev_close(struct net_device *dev)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	if (!netif_running(dev))
		return;
	clear_bit(__LINK_STATE_START, &dev->state);
	if (ops->ndo_stop)
		ops->ndo_stop(dev);
	dev->flags &= ~IFF_UP;
	vcshim_log("6", "%s: down: ndo_stop done\n", dev->name);
}

/* The interface's IFF_UP decides whether the device is open. */
static void follow_flags(struct vcshim_netdev *nd)
{
	struct net_device *dev = nd->dev;
	bool up = tap_flags(dev) & IFF_UP;

	if (up == netif_running(dev))
		return;
	rtnl_lock();
	if (up)
		dev_open(dev, NULL);
	else
		dev_close(dev);
	rtnl_unlock();
	tap_set_carrier(dev);
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits until the queue runs, calling ndo_tx_timeout() as dev_watchdog
 * does when it stays stopped. False when the device stops meanwhile. */
static bool wait_queue(struct vcshim_netdev *nd, struct netdev_queue *txq)
{
	struct net_device *dev = nd->dev;
	long since = now_ms(), timeo = dev->watchdog_timeo > 0 ?
				      jiffies_to_msecs(dev->watchdog_timeo) : 5000;

	pthread_mutex_lock(&nd->lock);
	while (netif_xmit_stopped(txq) && !nd->stop && netif_running(dev)) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += FLAGS_POLL_MS * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&nd->wake, &nd->lock, &ts);
		if (netif_xmit_stopped(txq) && netif_carrier_ok(dev) &&
		    now_ms() - since > timeo && dev->netdev_ops->ndo_tx_timeout) {
			pthread_mutex_unlock(&nd->lock);
			netdev_err(dev, "NETDEV WATCHDOG: transmit queue 0 timed out\n");
			nd->tx_timeouts++;
			dev->netdev_ops->ndo_tx_timeout(dev, 0);
			since = now_ms();
			pthread_mutex_lock(&nd->lock);
		}
	}
	pthread_mutex_unlock(&nd->lock);
	return !nd->stop && netif_running(dev);
}

static void xmit(struct vcshim_netdev *nd, struct sk_buff *skb)
{
	struct net_device *dev = nd->dev;
	const struct net_device_ops *ops = dev->netdev_ops;
	struct netdev_queue *txq = netdev_get_tx_queue(dev, 0);
	unsigned int len = skb->len;
	netdev_tx_t ret;

	for (;;) {
		if (!wait_queue(nd, txq)) {
			kfree_skb(skb);
			return;
		}
		if (!dev->lltx)
			__netif_tx_lock(txq, 0);
		if (netif_xmit_stopped(txq)) {
			ret = NETDEV_TX_BUSY;
		} else {
			ret = ops->ndo_start_xmit(skb, dev);
			if (ret == NETDEV_TX_OK)
				txq_trans_cond_update(txq);
		}
		if (!dev->lltx)
			__netif_tx_unlock(txq);
		if (ret != NETDEV_TX_BUSY)
			break;
		nd->tx_busy++;
	}
	nd->from_tap++;
	nd->from_tap_bytes += len;
}

static void *tx_main(void *arg)
{
	struct vcshim_netdev *nd = arg;
	struct net_device *dev = nd->dev;
	unsigned char *frame = malloc(MAX_FRAME);
	struct pollfd pfd = { .fd = nd->tap_fd, .events = POLLIN };
	long checked = 0;

	while (frame && !nd->stop) {
		struct sk_buff *skb;
		ssize_t n;

		if (now_ms() - checked >= FLAGS_POLL_MS) {
			follow_flags(nd);
			checked = now_ms();
		}
		if (poll(&pfd, 1, FLAGS_POLL_MS) <= 0)
			continue;
		n = read(nd->tap_fd, frame, MAX_FRAME);
		if (n < ETH_HLEN || !netif_running(dev))
			continue;
		skb = netdev_alloc_skb(dev, n + NET_IP_ALIGN);
		if (!skb)
			continue;
		skb_reserve(skb, NET_IP_ALIGN);
		skb_put_data(skb, frame, n);
		skb_reset_mac_header(skb);
		skb_set_network_header(skb, ETH_HLEN);
		skb->protocol = ((struct ethhdr *)frame)->h_proto;
		skb->ip_summed = CHECKSUM_NONE;
		xmit(nd, skb);
	}
	free(frame);
	return NULL;
}

void netif_tx_wake_queue(struct netdev_queue *txq)
{
	struct vcshim_netdev *nd = txq->dev->vcshim;

	if (!test_and_clear_bit(__QUEUE_STATE_DRV_XOFF, &txq->state) || !nd)
		return;
	pthread_mutex_lock(&nd->lock);
	pthread_cond_broadcast(&nd->wake);
	pthread_mutex_unlock(&nd->lock);
}

void netif_carrier_on(struct net_device *dev)
{
	if (test_and_clear_bit(__LINK_STATE_NOCARRIER, &dev->state))
		tap_set_carrier(dev);
}

void netif_carrier_off(struct net_device *dev)
{
	if (!test_and_set_bit(__LINK_STATE_NOCARRIER, &dev->state))
		tap_set_carrier(dev);
}

void netif_device_detach(struct net_device *dev)
{
	if (test_and_clear_bit(__LINK_STATE_PRESENT, &dev->state) && netif_running(dev))
		netif_tx_stop_all_queues(dev);
}

void netif_device_attach(struct net_device *dev)
{
	if (!test_and_set_bit(__LINK_STATE_PRESENT, &dev->state) && netif_running(dev))
		netif_tx_wake_all_queues(dev);
}

/* ---- allocation and registration ---- */

void ether_setup(struct net_device *dev)
{
	dev->type = ARPHRD_ETHER;
	dev->hard_header_len = ETH_HLEN;
	dev->min_header_len = ETH_HLEN;
	dev->mtu = ETH_DATA_LEN;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_DATA_LEN;
	dev->addr_len = ETH_ALEN;
	dev->tx_queue_len = 1000;
	dev->flags = IFF_BROADCAST | IFF_MULTICAST;
	dev->priv_flags |= IFF_TX_SKB_SHARING;
	eth_broadcast_addr(dev->broadcast);
}

static const struct net_device_ops no_netdev_ops;
static const struct ethtool_ops no_ethtool_ops;

struct net_device *alloc_netdev_mqs(int sizeof_priv, const char *name,
				    unsigned char name_assign_type,
				    void (*setup)(struct net_device *),
				    unsigned int txqs, unsigned int rxqs)
{
	size_t size = ALIGN(sizeof(struct net_device), NETDEV_ALIGN) + sizeof_priv;
	struct net_device *dev;
	unsigned int i;

	if (!txqs || !rxqs)
		return NULL;
	dev = kzalloc(size, GFP_KERNEL);
	if (!dev)
		return NULL;
	dev->_tx = kcalloc(txqs, sizeof(*dev->_tx), GFP_KERNEL);
	if (!dev->_tx) {
		kfree(dev);
		return NULL;
	}
	for (i = 0; i < txqs; i++) {
		dev->_tx[i].dev = dev;
		dev->_tx[i].queue_index = i;
		spin_lock_init(&dev->_tx[i]._xmit_lock);
	}
	dev->num_tx_queues = dev->real_num_tx_queues = txqs;
	dev->num_rx_queues = dev->real_num_rx_queues = rxqs;
	dev->dev_addr = dev->addr_storage;
	dev->gso_max_size = dev->tso_max_size = 65536;
	dev->gso_max_segs = dev->tso_max_segs = 65535;
	dev->name_assign_type = name_assign_type;
	INIT_LIST_HEAD(&dev->napi_list);
	INIT_LIST_HEAD(&dev->uc.list);
	INIT_LIST_HEAD(&dev->mc.list);
	INIT_LIST_HEAD(&dev->dev_addrs.list);
	set_bit(__LINK_STATE_PRESENT, &dev->state);
	strscpy(dev->name, name, IFNAMSIZ);
	/* Operations the driver has not set yet are none, never NULL. */
	dev->netdev_ops = &no_netdev_ops;
	dev->ethtool_ops = &no_ethtool_ops;
	setup(dev);
	return dev;
}

struct net_device *alloc_etherdev_mqs(int sizeof_priv, unsigned int txqs, unsigned int rxqs)
{
	return alloc_netdev_mqs(sizeof_priv, "eth%d", NET_NAME_ENUM, ether_setup, txqs, rxqs);
}

void free_netdev(struct net_device *dev)
{
	struct napi_struct *n, *tmp;

	if (!dev)
		return;
	list_for_each_entry_safe(n, tmp, &dev->napi_list, dev_list)
		netif_napi_del(n);
	kfree(dev->_tx);
	kfree(dev);
}

const char *netdev_name(const struct net_device *dev)
{
	return strchr(dev->name, '%') ? "(unnamed net_device)" : dev->name;
}

void dev_addr_mod(struct net_device *dev, unsigned int offset, const void *addr, size_t len)
{
	memcpy(dev->addr_storage + offset, addr, len);
	if (dev->vcshim)
		tap_set_addr(dev);
}

void dev_addr_set(struct net_device *dev, const u8 *addr)
{
	dev_addr_mod(dev, 0, addr, dev->addr_len);
}

static int tap_create(struct net_device *dev, struct vcshim_netdev *nd)
{
	struct ifreq ifr = {};

	nd->tap_fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
	if (nd->tap_fd < 0) {
		netdev_err(dev, "/dev/net/tun: %s\n", strerror(errno));
		return -ENODEV;
	}
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", dev->name);
	if (ioctl(nd->tap_fd, TUNSETIFF, &ifr)) {
		int err = -errno;

		netdev_err(dev, "TUNSETIFF %s: %s\n", dev->name, strerror(errno));
		close(nd->tap_fd);
		nd->tap_fd = -1;
		return err;
	}
	strscpy(dev->name, ifr.ifr_name, IFNAMSIZ);
	return 0;
}

int register_netdevice(struct net_device *dev)
{
	struct vcshim_netdev *nd;
	struct ifreq ifr = {};
	int ret;

	if (dev->netdev_ops->ndo_init) {
		ret = dev->netdev_ops->ndo_init(dev);
		if (ret)
			return ret;
	}
	nd = calloc(1, sizeof(*nd));
	if (!nd)
		return -ENOMEM;
	nd->dev = dev;
	pthread_mutex_init(&nd->lock, NULL);
	pthread_cond_init(&nd->wake, NULL);
	ret = tap_create(dev, nd);
	if (ret) {
		free(nd);
		return ret;
	}
	dev->vcshim = nd;
	if (!if_ioctl(dev->name, SIOCGIFINDEX, &ifr))
		dev->ifindex = ifr.ifr_ifindex;
	if (is_valid_ether_addr(dev->dev_addr))
		tap_set_addr(dev);
	tap_set_mtu(dev);
	tap_set_carrier(dev);
	ret = vcshim_start_thread(&nd->tx_thread, tx_main, nd, true);
	if (ret) {
		close(nd->tap_fd);
		dev->vcshim = NULL;
		free(nd);
		return ret;
	}
	nd->tx_started = true;
	dev_info(dev->dev.parent, "%s: TAP interface %s, address %pM\n",
		 dev->name, dev->name, dev->dev_addr);
	return 0;
}

int register_netdev(struct net_device *dev)
{
	int ret;

	rtnl_lock();
	ret = register_netdevice(dev);
	rtnl_unlock();
	return ret;
}

static void print_counters(struct net_device *dev, struct vcshim_netdev *nd)
{
	struct pci_dev *pdev = dev->dev.parent && dev->dev.parent->vcshim ?
			       &dev->dev.parent->vcshim->pdev : NULL;
	struct rtnl_link_stats64 stats;

	dev_get_stats(dev, &stats);
	dev_info(dev->dev.parent,
		 "%s: bridge: %lu frames (%lu bytes) to the TAP interface, %lu (%lu bytes) from it; "
		 "%lu dropped, %lu busy, %lu timeouts; interrupts %lu\n",
		 dev->name, nd->to_tap, nd->to_tap_bytes, nd->from_tap, nd->from_tap_bytes,
		 nd->rx_dropped, nd->tx_busy, nd->tx_timeouts,
		 pdev ? vcshim_irq_count(vcshim_of(pdev)) : 0UL);
	dev_info(dev->dev.parent,
		 "%s: driver stats: rx %llu packets %llu bytes, tx %llu packets %llu bytes, "
		 "rx errors %llu, tx errors %llu\n", dev->name,
		 stats.rx_packets, stats.rx_bytes, stats.tx_packets, stats.tx_bytes,
		 stats.rx_errors, stats.tx_errors);
}

void unregister_netdevice(struct net_device *dev)
{
	struct vcshim_netdev *nd = dev->vcshim;

	if (!nd)
		return;
	dev_close(dev);
	print_counters(dev, nd);
	if (dev->netdev_ops->ndo_uninit)
		dev->netdev_ops->ndo_uninit(dev);
	close(nd->tap_fd);
	dev->vcshim = NULL;
	pthread_mutex_destroy(&nd->lock);
	pthread_cond_destroy(&nd->wake);
	free(nd);
}

void unregister_netdev(struct net_device *dev)
{
	struct vcshim_netdev *nd = dev->vcshim;

	/* The transmit thread takes the RTNL lock to open and close. */
	if (nd && nd->tx_started) {
		nd->stop = true;
		pthread_mutex_lock(&nd->lock);
		pthread_cond_broadcast(&nd->wake);
		pthread_mutex_unlock(&nd->lock);
		pthread_join(nd->tx_thread, NULL);
		nd->tx_started = false;
	}
	rtnl_lock();
	unregister_netdevice(dev);
	rtnl_unlock();
}

static void devm_unregister(void *dev)
{
	unregister_netdev(dev);
}

int devm_register_netdev(struct device *dev, struct net_device *ndev)
{
	int ret = register_netdev(ndev);

	return ret ? ret : devm_add_action_or_reset(dev, devm_unregister, ndev);
}

int netif_set_real_num_tx_queues(struct net_device *dev, unsigned int txq)
{
	if (txq < 1 || txq > dev->num_tx_queues)
		return -EINVAL;
	dev->real_num_tx_queues = txq;
	return 0;
}

int netif_set_real_num_rx_queues(struct net_device *dev, unsigned int rxq)
{
	if (rxq < 1 || rxq > dev->num_rx_queues)
		return -EINVAL;
	dev->real_num_rx_queues = rxq;
	return 0;
}

void netdev_update_features(struct net_device *dev)
{
	const struct net_device_ops *ops = dev->netdev_ops;
	netdev_features_t features = dev->wanted_features | (dev->features & ~dev->hw_features);

	features &= dev->hw_features | ~dev->hw_features;
	if (ops->ndo_fix_features)
		features = ops->ndo_fix_features(dev, features);
	if (features == dev->features)
		return;
	if (!ops->ndo_set_features || !ops->ndo_set_features(dev, features))
		dev->features = features;
}

int dev_set_mtu(struct net_device *dev, int mtu)
{
	int ret = 0;

	if (mtu < (int)dev->min_mtu || mtu > (int)dev->max_mtu)
		return -EINVAL;
	if (dev->netdev_ops->ndo_change_mtu)
		ret = dev->netdev_ops->ndo_change_mtu(dev, mtu);
	else
		dev->mtu = mtu;
	if (!ret && dev->vcshim)
		tap_set_mtu(dev);
	return ret;
}

void netdev_stats_to_stats64(struct rtnl_link_stats64 *stats64,
			     const struct net_device_stats *netdev_stats)
{
	const unsigned long *src = (const unsigned long *)netdev_stats;
	u64 *dst = (u64 *)stats64;
	size_t i, n = sizeof(*netdev_stats) / sizeof(*src);

	/* The same fields in the same order, as the kernel relies on too. */
	BUILD_BUG_ON(n > sizeof(*stats64) / sizeof(*dst));
	for (i = 0; i < n; i++)
		dst[i] = src[i];
	memset(dst + n, 0, sizeof(*stats64) - n * sizeof(*dst));
}

struct rtnl_link_stats64 *dev_get_stats(struct net_device *dev,
					struct rtnl_link_stats64 *storage)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	memset(storage, 0, sizeof(*storage));
	if (ops->ndo_get_stats64) {
		ops->ndo_get_stats64(dev, storage);
	} else {
		netdev_stats_to_stats64(storage, ops->ndo_get_stats ?
					ops->ndo_get_stats(dev) : &dev->stats);
	}
	storage->rx_dropped += atomic_long_read(&dev->rx_dropped);
	storage->tx_dropped += atomic_long_read(&dev->tx_dropped);
	return storage;
}

/* ---- ethtool helpers ---- */

u32 ethtool_op_get_link(struct net_device *dev)
{
	return netif_carrier_ok(dev) ? 1 : 0;
}

int ethtool_op_get_ts_info(struct net_device *dev, struct ethtool_ts_info *info)
{
	/* Software timestamps (SOF_TIMESTAMPING_{TX,RX}_SOFTWARE, SOFTWARE). */
	info->so_timestamping = BIT(1) | BIT(3) | BIT(4);
	info->phc_index = -1;
	return 0;
}

void ethtool_convert_legacy_u32_to_link_mode(unsigned long *dst, u32 legacy_u32)
{
	bitmap_zero(dst, __ETHTOOL_LINK_MODE_MASK_NBITS);
	dst[0] = legacy_u32;
}

bool ethtool_convert_link_mode_to_legacy_u32(u32 *legacy_u32, const unsigned long *src)
{
	unsigned int i;

	*legacy_u32 = src[0] & 0xffffffffUL;
	for (i = 32; i < __ETHTOOL_LINK_MODE_MASK_NBITS; i++)
		if (test_bit(i, src))
			return false;
	return true;
}
