/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Accessors for a configuration space held in a byte buffer: little-endian
 * get/put, the offset of a BAR, and bounded capability walks that a hostile
 * device cannot steer (every pointer is masked to dword alignment and
 * range-checked, and a walk stops after as many steps as the space can hold
 * capabilities, so a loop ends too).
 *
 * Everything outside the engine uses these (the engine has its own
 * equivalents next to its map); they are static inline and no part of the
 * library's ABI.
 */
#ifndef VCONFIG_ACCESS_H
#define VCONFIG_ACCESS_H

#include "env.h"

/* Little-endian value of @size (1, 2 or 4) bytes at @p. */
static inline u32 vconfig_get_le(const void *p, unsigned int size)
{
	const u8 *b = p;
	u32 v = 0;

	while (size--)
		v = (v << 8) | b[size];
	return v;
}

/* Store the low @size (1, 2 or 4) bytes of @v at @p, little-endian. */
static inline void vconfig_put_le(void *p, unsigned int size, u32 v)
{
	u8 *b = p;
	unsigned int i;

	for (i = 0; i < size; i++, v >>= 8)
		b[i] = v & 0xff;
}

static inline u16 vconfig_get16(const void *cfg, unsigned int off)
{
	return vconfig_get_le((const u8 *)cfg + off, 2);
}

static inline u32 vconfig_get32(const void *cfg, unsigned int off)
{
	return vconfig_get_le((const u8 *)cfg + off, 4);
}

static inline void vconfig_put16(void *cfg, unsigned int off, u16 v)
{
	vconfig_put_le((u8 *)cfg + off, 2, v);
}

static inline void vconfig_put32(void *cfg, unsigned int off, u32 v)
{
	vconfig_put_le((u8 *)cfg + off, 4, v);
}

/* Config offset of region @region of a type-0 header: BAR0-5, 6 the ROM. */
static inline unsigned int vconfig_bar_offset(unsigned int region)
{
	return region == 6 ? PCI_ROM_ADDRESS : PCI_BASE_ADDRESS_0 + 4 * region;
}

/* Bounds of the walks: a capability is at least 4 (standard, after the
 * 0x40-byte header) or 4 (extended, after 0x100) bytes long. */
#define VCONFIG_MAX_STD_CAPS	((256 - PCI_STD_HEADER_SIZEOF) / 4)
#define VCONFIG_MAX_EXT_CAPS	((4096 - 256) / 4)

/* Next standard capability after the one at @pos (0: the first), or 0. */
static inline unsigned int vconfig_cap_next(const void *cfg, unsigned int pos)
{
	const u8 *c = cfg;
	unsigned int next;

	if (!pos) {
		if (!(vconfig_get16(c, PCI_STATUS) & PCI_STATUS_CAP_LIST))
			return 0;
		next = c[PCI_CAPABILITY_LIST];
	} else {
		next = c[pos + PCI_CAP_LIST_NEXT];
	}
	next &= ~3u;
	return next >= PCI_STD_HEADER_SIZEOF ? next : 0;
}

/* Offset of the next extended capability named by header @hdr, or 0. */
static inline unsigned int vconfig_ext_cap_next_offset(u32 hdr,
							 unsigned int cfg_size)
{
	unsigned int next = PCI_EXT_CAP_NEXT(hdr);	/* masked: & 0xffc */

	return next >= 0x100 && next + 4 <= cfg_size ? next : 0;
}

/* Next extended capability after @pos (0: the first at 0x100), or 0. */
static inline unsigned int vconfig_ext_cap_next(const void *cfg,
						unsigned int cfg_size,
						unsigned int pos)
{
	u32 hdr;

	if (cfg_size <= 0x100)
		return 0;
	if (!pos) {
		hdr = vconfig_get32(cfg, 0x100);
		return hdr && hdr != 0xffffffff ? 0x100 : 0;
	}
	pos = vconfig_ext_cap_next_offset(vconfig_get32(cfg, pos), cfg_size);
	if (!pos)
		return 0;
	hdr = vconfig_get32(cfg, pos);
	return hdr && hdr != 0xffffffff ? pos : 0;
}

/*
 * for_each_vconfig_cap(pos, n, cfg): every standard capability of the
 * 256-byte (or larger) buffer @cfg; @n counts the steps.
 */
#define for_each_vconfig_cap(pos, n, cfg)				\
	for ((n) = 0, (pos) = vconfig_cap_next(cfg, 0);			\
	     (pos) && (n) < VCONFIG_MAX_STD_CAPS;			\
	     (n)++, (pos) = vconfig_cap_next(cfg, pos))

/* The same for the extended capabilities of a @size-byte buffer. */
#define for_each_vconfig_ext_cap(pos, n, cfg, size)			\
	for ((n) = 0, (pos) = vconfig_ext_cap_next(cfg, size, 0);	\
	     (pos) && (n) < VCONFIG_MAX_EXT_CAPS;			\
	     (n)++, (pos) = vconfig_ext_cap_next(cfg, size, pos))

/* Offset of the first standard capability @id in @cfg, or 0. */
static inline unsigned int vconfig_find_cap_in(const void *cfg, u8 id)
{
	unsigned int pos, n;

	for_each_vconfig_cap(pos, n, cfg)
		if (((const u8 *)cfg)[pos + PCI_CAP_LIST_ID] == id)
			return pos;
	return 0;
}

/* Offset of the first extended capability @id in @cfg of @size bytes, or 0. */
static inline unsigned int vconfig_find_ext_cap_in(const void *cfg,
						   unsigned int size, u16 id)
{
	unsigned int pos, n;

	for_each_vconfig_ext_cap(pos, n, cfg, size)
		if (PCI_EXT_CAP_ID(vconfig_get32(cfg, pos)) == id)
			return pos;
	return 0;
}

#endif /* VCONFIG_ACCESS_H */
