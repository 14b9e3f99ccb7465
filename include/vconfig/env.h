/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Environment for the vconfig engine.
 *
 * The engine sources in vconfig/ and virtual-caps/ are compiled unchanged
 * into the Linux kernel module and into the userspace library. Everything
 * they need from their surroundings comes through this one header: fixed
 * width types, memory allocation, string helpers, error numbers and the
 * PCI register definitions.
 */
#ifndef VCONFIG_ENV_H
#define VCONFIG_ENV_H

#ifdef __KERNEL__

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/pci_regs.h>
#include <linux/bitfield.h>

#define vc_zalloc(size)		kvzalloc(size, GFP_KERNEL)
#define vc_free(ptr)		kvfree(ptr)

/* A little-endian dword at any byte address, as one load or store. */
static inline u32 vc_le32_load(const u8 *p)
{
	__le32 v;

	memcpy(&v, p, sizeof(v));
	return le32_to_cpu(v);
}

static inline void vc_le32_store(u8 *p, u32 v)
{
	__le32 le = cpu_to_le32(v);

	memcpy(p, &le, sizeof(le));
}

#else /* userspace */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <endian.h>
#include <linux/pci_regs.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#define vc_zalloc(size)		calloc(1, size)
#define vc_free(ptr)		free(ptr)

static inline u32 vc_le32_load(const u8 *p)
{
	u32 v;

	memcpy(&v, p, sizeof(v));
	return le32toh(v);
}

static inline void vc_le32_store(u8 *p, u32 v)
{
	v = htole32(v);
	memcpy(p, &v, sizeof(v));
}

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#endif
#ifndef min
#define min(a, b)		((a) < (b) ? (a) : (b))
#endif
#ifndef max
#define max(a, b)		((a) > (b) ? (a) : (b))
#endif
#ifndef min_t
#define min_t(type, a, b)	((type)(a) < (type)(b) ? (type)(a) : (type)(b))
#endif
#ifndef max_t
#define max_t(type, a, b)	((type)(a) > (type)(b) ? (type)(a) : (type)(b))
#endif
#ifndef BIT
#define BIT(n)			(1UL << (n))
#endif

/* Field helpers of <linux/bitfield.h>, for a constant contiguous mask. */
#ifndef DIV_ROUND_UP
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#endif
#ifndef ALIGN
#define ALIGN(x, a)		(((x) + (a) - 1) & ~((a) - 1))
#endif
#ifndef GENMASK
#define GENMASK(h, l)		((~0u >> (31 - (h))) & (~0u << (l)))
#endif
#ifndef FIELD_GET
#define VC_FIELD_SHIFT(mask)	__builtin_ctzll(mask)
#define FIELD_GET(mask, reg)	(((reg) & (mask)) >> VC_FIELD_SHIFT(mask))
#define FIELD_PREP(mask, val)	(((val) << VC_FIELD_SHIFT(mask)) & (mask))
#endif

#endif /* __KERNEL__ */

#ifndef __always_inline
#define __always_inline		inline __attribute__((__always_inline__))
#endif

/* Register definitions newer than some installed pci_regs.h copies. */
#ifndef PCI_EXT_CAP_ID_DVSEC
#define PCI_EXT_CAP_ID_DVSEC	0x23
#endif
#ifndef PCI_EXT_CAP_ID_PL_16GT
#define PCI_EXT_CAP_ID_PL_16GT	0x26
#endif

#endif /* VCONFIG_ENV_H */
