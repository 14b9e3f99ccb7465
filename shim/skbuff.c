// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: socket buffers, pages and page fragments, the Internet
 * checksum, CRC-32 and random bytes: what net/core/skbuff.c, mm/ and lib/
 * give a NIC driver. An skb's head is one kmalloc() block (or a fragment
 * from netdev_alloc_frag(), for build_skb()) with the shared info at its
 * end, as in the kernel.
 */
#include <errno.h>
#include <pthread.h>
#include <search.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <linux/kernel.h>
#include <linux/crc32.h>
#include <linux/mm.h>
#include <linux/netdevice.h>
#include <linux/random.h>
#include <linux/skbuff.h>
#include <net/checksum.h>

#include "shim.h"

enum system_states system_state = SYSTEM_RUNNING;

/* ---- pages ---- */

struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = calloc(1, sizeof(*page));

	if (!page)
		return NULL;
	page->virtual = (void *)__get_free_pages(gfp, order);
	if (!page->virtual) {
		free(page);
		return NULL;
	}
	page->order = order;
	atomic_set(&page->refcount, 1);
	return page;
}

void put_page(struct page *page)
{
	if (atomic_dec_and_test(&page->refcount)) {
		free_pages((unsigned long)page->virtual, page->order);
		free(page);
	}
}

void __free_pages(struct page *page, unsigned int order)
{
	put_page(page);
}

/*
 * Fragments for build_skb(): page-aligned blocks of their own, so that a
 * DMA mapping of one never exposes another's page to the device. As in
 * the kernel, skb_free_frag() takes any address inside a fragment (drivers
 * hand out the fragment past their headroom): the blocks are kept in a
 * tree ordered by address.
 */
struct frag_block {
	uintptr_t start, end;
};

static void *frag_tree;
static pthread_mutex_t frag_lock = PTHREAD_MUTEX_INITIALIZER;

static int frag_cmp(const void *a, const void *b)
{
	const struct frag_block *x = a, *y = b;

	if (x->end <= y->start)
		return -1;
	if (y->end <= x->start)
		return 1;
	return 0;
}

void *netdev_alloc_frag(unsigned int fragsz)
{
	struct frag_block *blk = malloc(sizeof(*blk));
	void *p = NULL;

	if (!blk || posix_memalign(&p, PAGE_SIZE, PAGE_ALIGN(fragsz ? fragsz : 1))) {
		free(blk);
		return NULL;
	}
	blk->start = (uintptr_t)p;
	blk->end = blk->start + PAGE_ALIGN(fragsz ? fragsz : 1);
	pthread_mutex_lock(&frag_lock);
	if (!tsearch(blk, &frag_tree, frag_cmp)) {
		pthread_mutex_unlock(&frag_lock);
		free(blk);
		free(p);
		return NULL;
	}
	pthread_mutex_unlock(&frag_lock);
	return p;
}

void *napi_alloc_frag(unsigned int fragsz)
{
	return netdev_alloc_frag(fragsz);
}

void skb_free_frag(void *addr)
{
	struct frag_block key = { (uintptr_t)addr, (uintptr_t)addr + 1 }, *blk;
	void **node;

	pthread_mutex_lock(&frag_lock);
	node = tfind(&key, &frag_tree, frag_cmp);
	blk = node ? *node : NULL;
	if (blk)
		tdelete(blk, &frag_tree, frag_cmp);
	pthread_mutex_unlock(&frag_lock);
	if (!blk) {
		WARN(1, "skb_free_frag(%p): not a fragment\n", addr);
		return;
	}
	free((void *)blk->start);
	free(blk);
}

/* ---- allocation ---- */

static void skb_init(struct sk_buff *skb, u8 *data, unsigned int size)
{
	memset(skb, 0, sizeof(*skb));
	skb->head = data;
	skb->data = data;
	skb_reset_tail_pointer(skb);
	skb->end = size;
	skb->mac_header = (typeof(skb->mac_header))~0U;
	skb->transport_header = (typeof(skb->transport_header))~0U;
	skb->truesize = SKB_TRUESIZE(size);
	refcount_set(&skb->users, 1);
	memset(skb_shinfo(skb), 0, offsetof(struct skb_shared_info, dataref));
	atomic_set(&skb_shinfo(skb)->dataref, 1);
}

struct sk_buff *__alloc_skb(unsigned int size, gfp_t gfp, int flags, int node)
{
	struct sk_buff *skb = kmalloc(sizeof(*skb), gfp);
	u8 *data;

	if (!skb)
		return NULL;
	size = SKB_DATA_ALIGN(size);
	data = kmalloc(size + SKB_DATA_ALIGN(sizeof(struct skb_shared_info)), gfp);
	if (!data) {
		kfree(skb);
		return NULL;
	}
	skb_init(skb, data, size);
	return skb;
}

struct sk_buff *__netdev_alloc_skb(struct net_device *dev, unsigned int len, gfp_t gfp)
{
	struct sk_buff *skb = __alloc_skb(len + NET_SKB_PAD, gfp, 0, NUMA_NO_NODE);

	if (!skb)
		return NULL;
	skb_reserve(skb, NET_SKB_PAD);
	skb->dev = dev;
	return skb;
}

struct sk_buff *__napi_alloc_skb(struct napi_struct *napi, unsigned int len, gfp_t gfp)
{
	return __netdev_alloc_skb(napi->dev, len, gfp);
}

struct sk_buff *build_skb(void *data, unsigned int frag_size)
{
	struct sk_buff *skb = kmalloc(sizeof(*skb), GFP_ATOMIC);

	if (!skb)
		return NULL;
	skb_init(skb, data, SKB_WITH_OVERHEAD(frag_size));
	skb->head_frag = 1;
	return skb;
}

struct sk_buff *napi_build_skb(void *data, unsigned int frag_size)
{
	return build_skb(data, frag_size);
}

/* ---- release ---- */

static void skb_release_data(struct sk_buff *skb)
{
	struct skb_shared_info *shinfo = skb_shinfo(skb);
	int i;

	for (i = 0; i < shinfo->nr_frags; i++)
		put_page(skb_frag_page(&shinfo->frags[i]));
	if (skb->head_frag)
		skb_free_frag(skb->head);
	else
		kfree(skb->head);
}

void consume_skb(struct sk_buff *skb)
{
	if (!skb || !refcount_dec_and_test(&skb->users))
		return;
	if (skb->destructor)
		skb->destructor(skb);
	skb_release_data(skb);
	kfree(skb);
}

void kfree_skb(struct sk_buff *skb)
{
	consume_skb(skb);
}

void napi_consume_skb(struct sk_buff *skb, int budget)
{
	consume_skb(skb);
}

void dev_kfree_skb_any(struct sk_buff *skb)
{
	consume_skb(skb);
}

void dev_kfree_skb_irq(struct sk_buff *skb)
{
	consume_skb(skb);
}

void skb_over_panic(struct sk_buff *skb, unsigned int len, void *here)
{
	panic("skb_over_panic: text:%p len:%u put:%u head:%p data:%p tail:%#x end:%#x\n",
	      here, skb->len, len, skb->head, skb->data, skb->tail, skb->end);
}

void skb_under_panic(struct sk_buff *skb, unsigned int len, void *here)
{
	panic("skb_under_panic: text:%p len:%u push:%u head:%p data:%p\n",
	      here, skb->len, len, skb->head, skb->data);
}

/* ---- reshaping ---- */

int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail, gfp_t gfp)
{
	unsigned int size = SKB_DATA_ALIGN(skb->end + nhead + ntail);
	unsigned int shinfo_len = offsetof(struct skb_shared_info, frags) +
				  skb_shinfo(skb)->nr_frags * sizeof(skb_frag_t);
	long off;
	u8 *data;

	data = kmalloc(size + SKB_DATA_ALIGN(sizeof(struct skb_shared_info)), gfp);
	if (!data)
		return -ENOMEM;
	memcpy(data + nhead, skb->head, skb_tail_pointer(skb) - skb->head);
	memcpy(data + size, skb_shinfo(skb), shinfo_len);
	if (skb->head_frag)
		skb_free_frag(skb->head);
	else
		kfree(skb->head);
	off = (data + nhead) - skb->head;
	skb->head = data;
	skb->head_frag = 0;
	skb->data += off;
	skb->end = size;
	/* Header offsets are from head: they move by nhead. */
	if (skb_mac_header_was_set(skb))
		skb->mac_header += nhead;
	skb->network_header += nhead;
	if (skb->transport_header != (typeof(skb->transport_header))~0U)
		skb->transport_header += nhead;
	skb->tail += nhead;
	skb->csum_start += skb->ip_summed == CHECKSUM_PARTIAL ? nhead : 0;
	return 0;
}

int __skb_pad(struct sk_buff *skb, int pad, bool free_on_error)
{
	int ntail;

	if (!skb_is_nonlinear(skb) && skb_tailroom(skb) >= pad) {
		memset(skb->data + skb->len, 0, pad);
		return 0;
	}
	ntail = skb->data_len + pad - (skb->end - skb->tail);
	if (ntail > 0 && pskb_expand_head(skb, 0, ntail, GFP_ATOMIC))
		goto fail;
	if (skb_linearize(skb))
		goto fail;
	memset(skb->data + skb->len, 0, pad);
	return 0;
fail:
	if (free_on_error)
		kfree_skb(skb);
	return -ENOMEM;
}

int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len)
{
	int start = skb_headlen(skb), i, copy;
	struct skb_shared_info *shinfo = skb_shinfo(skb);

	if (offset < 0 || len < 0 || offset > (int)skb->len - len)
		return -EFAULT;
	copy = start - offset;
	if (copy > 0) {
		copy = min(copy, len);
		memcpy(to, skb->data + offset, copy);
		len -= copy;
		offset += copy;
		to = (u8 *)to + copy;
	}
	for (i = 0; len && i < shinfo->nr_frags; i++) {
		const skb_frag_t *f = &shinfo->frags[i];
		int end = start + skb_frag_size(f);

		copy = end - offset;
		if (copy > 0) {
			copy = min(copy, len);
			memcpy(to, (u8 *)skb_frag_address(f) + offset - start, copy);
			len -= copy;
			offset += copy;
			to = (u8 *)to + copy;
		}
		start = end;
	}
	return len ? -EFAULT : 0;
}

/* Pulls @delta bytes of the fragments into the head. */
void *__pskb_pull_tail(struct sk_buff *skb, int delta)
{
	struct skb_shared_info *shinfo;
	int eat = delta, i, k;

	if (delta > (int)(skb->end - skb->tail) &&
	    pskb_expand_head(skb, 0, delta, GFP_ATOMIC))
		return NULL;
	if (skb_copy_bits(skb, skb_headlen(skb), skb_tail_pointer(skb), delta))
		return NULL;
	shinfo = skb_shinfo(skb);
	for (i = 0, k = 0; i < shinfo->nr_frags; i++) {
		skb_frag_t *f = &shinfo->frags[i];
		int size = skb_frag_size(f);

		if (size <= eat) {
			put_page(skb_frag_page(f));
			eat -= size;
			continue;
		}
		shinfo->frags[k] = *f;
		if (eat) {
			shinfo->frags[k].bv_offset += eat;
			skb_frag_size_sub(&shinfo->frags[k], eat);
			eat = 0;
		}
		k++;
	}
	shinfo->nr_frags = k;
	skb->tail += delta;
	skb->data_len -= delta;
	return skb_tail_pointer(skb);
}

int ___pskb_trim(struct sk_buff *skb, unsigned int len)
{
	struct skb_shared_info *shinfo = skb_shinfo(skb);
	unsigned int offset = skb_headlen(skb);
	int i, k = 0;

	if (len < offset) {
		for (i = 0; i < shinfo->nr_frags; i++)
			put_page(skb_frag_page(&shinfo->frags[i]));
		shinfo->nr_frags = 0;
		skb->data_len = 0;
		__skb_trim(skb, len);
		return 0;
	}
	for (i = 0; i < shinfo->nr_frags; i++) {
		unsigned int end = offset + skb_frag_size(&shinfo->frags[i]);

		if (offset >= len) {
			put_page(skb_frag_page(&shinfo->frags[i]));
			continue;
		}
		if (end > len)
			skb_frag_size_set(&shinfo->frags[i], len - offset);
		shinfo->frags[k++] = shinfo->frags[i];
		offset = end;
	}
	shinfo->nr_frags = k;
	skb->data_len -= skb->len - len;
	skb->len = len;
	return 0;
}

void skb_add_rx_frag(struct sk_buff *skb, int i, struct page *page, int off,
		     int size, unsigned int truesize)
{
	skb_fill_page_desc(skb, i, page, off, size);
	skb->len += size;
	skb->data_len += size;
	skb->truesize += truesize;
}

struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t gfp)
{
	unsigned int headroom = skb_headroom(skb);
	struct sk_buff *n = __alloc_skb(headroom + skb->len, gfp, 0, NUMA_NO_NODE);

	if (!n)
		return NULL;
	skb_reserve(n, headroom);
	skb_put(n, skb->len);
	BUG_ON(skb_copy_bits(skb, 0, n->data, skb->len));
	n->dev = skb->dev;
	n->protocol = skb->protocol;
	n->ip_summed = skb->ip_summed;
	n->csum = skb->csum;
	n->priority = skb->priority;
	n->mac_header = skb->mac_header;
	n->network_header = skb->network_header;
	n->transport_header = skb->transport_header;
	return n;
}

void skb_tstamp_tx(struct sk_buff *skb, struct skb_shared_hwtstamps *hwtstamps)
{
}

/* ---- the Internet checksum (RFC 1071) ---- */

static u64 csum_add_bytes(u64 sum, const u8 *p, int len, bool *odd)
{
	int i;

	for (i = 0; i < len; i++, *odd = !*odd)
		sum += *odd ? p[i] << 8 : p[i];
	return sum;
}

static u32 csum_reduce(u64 sum)
{
	while (sum >> 32)
		sum = (sum & 0xffffffff) + (sum >> 32);
	return sum;
}

__wsum csum_partial(const void *buff, int len, __wsum sum)
{
	bool odd = false;

	/* Little-endian: the low byte of each 16-bit word comes first. */
	return (__force __wsum)csum_reduce(csum_add_bytes((__force u32)sum, buff, len, &odd));
}

__sum16 csum_fold(__wsum csum)
{
	u32 sum = (__force u32)csum;

	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__force __sum16)~sum;
}

__sum16 ip_fast_csum(const void *iph, unsigned int ihl)
{
	return csum_fold(csum_partial(iph, ihl * 4, 0));
}

__wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, __u32 len, __u8 proto, __wsum sum)
{
	u64 s = (__force u32)sum;

	s += (__force u32)saddr;
	s += (__force u32)daddr;
	s += (u32)htons(proto) + (u32)htons(len);
	return (__force __wsum)csum_reduce(s);
}

__sum16 csum_ipv6_magic(const struct in6_addr *saddr, const struct in6_addr *daddr,
			__u32 len, __u8 proto, __wsum csum)
{
	u64 s = (__force u32)csum;
	int i;

	for (i = 0; i < 4; i++)
		s += (__force u32)saddr->s6_addr32[i] + (__force u32)daddr->s6_addr32[i];
	s += (__force u32)htonl(len) + (__force u32)htonl(proto);
	return csum_fold((__force __wsum)csum_reduce(s));
}

__wsum skb_checksum(const struct sk_buff *skb, int offset, int len, __wsum csum)
{
	u8 *buf = kmalloc(len, GFP_ATOMIC);
	__wsum ret;

	if (!buf || skb_copy_bits(skb, offset, buf, len)) {
		kfree(buf);
		return csum;
	}
	ret = csum_partial(buf, len, csum);
	kfree(buf);
	return ret;
}

/* Completes a CHECKSUM_PARTIAL skb's checksum in software. */
int skb_checksum_help(struct sk_buff *skb)
{
	int start = skb_checksum_start_offset(skb);
	__sum16 *field;

	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return 0;
	if (skb_linearize(skb))
		return -ENOMEM;
	field = (__sum16 *)(skb->data + start + skb->csum_offset);
	*field = csum_fold(csum_partial(skb->data + start, skb->len - start, 0));
	if (!*field)
		*field = CSUM_MANGLED_0;
	skb->ip_summed = CHECKSUM_NONE;
	return 0;
}

/* Copies the frame to @to, completing a CHECKSUM_PARTIAL checksum. */
void skb_copy_and_csum_dev(const struct sk_buff *skb, u8 *to)
{
	BUG_ON(skb_copy_bits(skb, 0, to, skb->len));
	if (skb->ip_summed == CHECKSUM_PARTIAL) {
		int start = skb_checksum_start_offset(skb);
		__sum16 sum = csum_fold(csum_partial(to + start, skb->len - start, 0));

		memcpy(to + start + skb->csum_offset, &sum, sizeof(sum));
	}
}

/* ---- CRC-32 (lib/crc32.c's results, bit by bit) ---- */

u32 crc32_le(u32 crc, unsigned char const *p, size_t len)
{
	int i;

	while (len--) {
		crc ^= *p++;
		for (i = 0; i < 8; i++)
			crc = (crc >> 1) ^ (crc & 1 ? 0xedb88320 : 0);
	}
	return crc;
}

u32 crc32_be(u32 crc, unsigned char const *p, size_t len)
{
	int i;

	while (len--) {
		crc ^= *p++ << 24;
		for (i = 0; i < 8; i++)
			crc = (crc << 1) ^ (crc & 0x80000000 ? 0x04c11db7 : 0);
	}
	return crc;
}

const u8 byte_rev_table[256] = {
#define R2(n)	n, n + 2 * 64, n + 1 * 64, n + 3 * 64
#define R4(n)	R2(n), R2(n + 2 * 16), R2(n + 1 * 16), R2(n + 3 * 16)
#define R6(n)	R4(n), R4(n + 2 * 4), R4(n + 1 * 4), R4(n + 3 * 4)
	R6(0), R6(2), R6(1), R6(3)
};

/* ---- random ---- */

void get_random_bytes(void *buf, size_t len)
{
	u8 *p = buf;

	while (len) {
		ssize_t n = getrandom(p, len, 0);

		if (n <= 0)
			continue;
		p += n;
		len -= n;
	}
}

u32 get_random_u32(void)
{
	u32 v;

	get_random_bytes(&v, sizeof(v));
	return v;
}
