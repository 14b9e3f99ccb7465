/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A configuration-space image for tests: the bytes of a function with
 * per-byte writable and write-1-to-clear masks, and builders that lay out
 * a type-0 header, BARs and each capability kind. The unit tests' fake
 * function, the hostile spaces (unit and in-kernel tests alike) and the
 * crafted fuzz seeds build on it; portable C over the engine's
 * environment header only.
 */
#ifndef VCONFIG_TESTS_HOSTILE_IMAGE_H
#define VCONFIG_TESTS_HOSTILE_IMAGE_H

#include <vconfig/vconfig.h>

/*
 * The fields of an image: the bytes, the bits software can set, the bits a
 * written 1 clears, the size (256 or 4096) and the chain tails the
 * builders link to. A macro, for holders that want them by name as well
 * (CFG_IMAGE_GROUP).
 */
#define CFG_IMAGE_FIELDS				\
	u8 cfg[VCONFIG_CFG_SIZE_PCIE];			\
	u8 wmask[VCONFIG_CFG_SIZE_PCIE];		\
	u8 w1c[VCONFIG_CFG_SIZE_PCIE];			\
	unsigned int size;				\
	u16 last_std, last_ext

struct cfg_image {
	CFG_IMAGE_FIELDS;
};

/*
 * A member @name that is a struct cfg_image whose fields are also members
 * of the enclosing struct (as the kernel's struct_group_tagged() does).
 */
#define CFG_IMAGE_GROUP(name)						\
	union {								\
		struct cfg_image name;					\
		struct { CFG_IMAGE_FIELDS; };				\
	}

/* Little-endian registers; bytes past the extended space are dropped. */
u32 image_get(const struct cfg_image *img, unsigned int off,
	      unsigned int size);
void image_set(struct cfg_image *img, unsigned int off, unsigned int size,
	       u32 val);
void image_set_wmask(struct cfg_image *img, unsigned int off,
		     unsigned int size, u32 mask);
void image_set_w1c(struct cfg_image *img, unsigned int off,
		   unsigned int size, u32 mask);
void image_write(struct cfg_image *img, unsigned int off, unsigned int size,
		 u32 val);

void image_init(struct cfg_image *img, unsigned int size);
void image_bar(struct cfg_image *img, unsigned int bar, u32 val);
void image_cap(struct cfg_image *img, unsigned int pos, u8 id);
void image_ecap(struct cfg_image *img, unsigned int pos, u16 id, u8 ver);
void image_ecap_next(struct cfg_image *img, unsigned int pos, u32 next);

void image_pm(struct cfg_image *img, unsigned int pos, u16 pmc, u16 pmcsr);
void image_msi(struct cfg_image *img, unsigned int pos, u16 flags);
void image_msix(struct cfg_image *img, unsigned int pos, u16 qsize,
		u32 table, u32 pba);
void image_exp(struct cfg_image *img, unsigned int pos, u8 ver, u32 devcap);
void image_af(struct cfg_image *img, unsigned int pos, u8 afcap);
void image_vpd(struct cfg_image *img, unsigned int pos);
void image_vndr(struct cfg_image *img, unsigned int pos, u8 len);
void image_pcix(struct cfg_image *img, unsigned int pos, u32 status);
void image_aer(struct cfg_image *img, unsigned int pos);
void image_ecap_body(struct cfg_image *img, unsigned int pos, u16 id,
		     unsigned int len);

/*
 * A PCI Express function with most kinds of registers: 64-bit BAR0 (16K),
 * 32-bit BAR2 (4K, prefetchable), I/O BAR4 (32 bytes), a 64K ROM; PM at
 * 0x40, 64-bit maskable MSI at 0x50, a 6-byte vendor capability at 0x68,
 * PCIe v2 at 0x70, MSI-X at 0xb0 (table and PBA in BAR0); AER at 0x100
 * and DSN at 0x148. The bytes come from image_rich(), the region sizes
 * the engine needs from image_rich_regions().
 */
#define RICH_PM		0x40
#define RICH_MSI	0x50
#define RICH_VNDR	0x68
#define RICH_EXP	0x70
#define RICH_MSIX	0xb0
#define RICH_AER	0x100
#define RICH_DSN	0x148

void image_rich(struct cfg_image *img);
void image_rich_regions(struct vconfig_region_desc *region);

#endif /* VCONFIG_TESTS_HOSTILE_IMAGE_H */
