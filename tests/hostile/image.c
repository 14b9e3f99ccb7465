// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Configuration-space images and their builders, shared by the unit tests,
 * the in-kernel hostile test and the fuzz seeds.
 */
#include "tests/hostile/image.h"

u32 image_get(const struct cfg_image *img, unsigned int off,
	      unsigned int size)
{
	unsigned int i;
	u32 v = 0;

	for (i = 0; i < size && off + i < VCONFIG_CFG_SIZE_PCIE; i++)
		v |= (u32)img->cfg[off + i] << (8 * i);
	return v;
}

void image_set(struct cfg_image *img, unsigned int off, unsigned int size,
	       u32 val)
{
	unsigned int i;

	for (i = 0; i < size && off + i < VCONFIG_CFG_SIZE_PCIE; i++)
		img->cfg[off + i] = val >> (8 * i);
}

void image_set_wmask(struct cfg_image *img, unsigned int off,
		     unsigned int size, u32 mask)
{
	unsigned int i;

	for (i = 0; i < size && off + i < VCONFIG_CFG_SIZE_PCIE; i++)
		img->wmask[off + i] = mask >> (8 * i);
}

void image_set_w1c(struct cfg_image *img, unsigned int off,
		   unsigned int size, u32 mask)
{
	unsigned int i;

	for (i = 0; i < size && off + i < VCONFIG_CFG_SIZE_PCIE; i++)
		img->w1c[off + i] = mask >> (8 * i);
}

/* A write as hardware takes it: writable bits set, RW1C bits cleared by 1s. */
void image_write(struct cfg_image *img, unsigned int off, unsigned int size,
		 u32 val)
{
	unsigned int i;

	for (i = 0; i < size && off + i < VCONFIG_CFG_SIZE_PCIE; i++) {
		u8 b = val >> (8 * i), old = img->cfg[off + i];
		u8 wm = img->wmask[off + i], c = img->w1c[off + i];

		img->cfg[off + i] = (old & ~wm & ~c) | (b & wm) |
				    (old & c & ~b);
	}
}

/*
 * A type-0 endpoint of @size bytes with no capabilities, on a zeroed
 * image: IDs, class, a Command register whose defined bits are writable,
 * Status error bits RW1C, cache line and latency writable, INTA.
 */
void image_init(struct cfg_image *img, unsigned int size)
{
	img->size = size;
	image_set(img, PCI_VENDOR_ID, 2, 0x1af4);
	image_set(img, PCI_DEVICE_ID, 2, 0x1041);
	image_set(img, PCI_CLASS_REVISION, 4, 0x01080002);
	image_set(img, PCI_SUBSYSTEM_VENDOR_ID, 2, 0x1af4);
	image_set(img, PCI_SUBSYSTEM_ID, 2, 0x1100);
	/* 66 MHz capable, DEVSEL medium */
	image_set(img, PCI_STATUS, 2, PCI_STATUS_66MHZ | 0x0200);
	image_set_wmask(img, PCI_COMMAND, 2, 0x057f);
	image_set_w1c(img, PCI_STATUS, 2, 0xf900);
	image_set_wmask(img, PCI_CACHE_LINE_SIZE, 1, 0xff);
	image_set_wmask(img, PCI_LATENCY_TIMER, 1, 0xff);
	image_set(img, PCI_INTERRUPT_PIN, 1, 1);
	image_set(img, PCI_INTERRUPT_LINE, 1, 0x0b);
	image_set_wmask(img, PCI_INTERRUPT_LINE, 1, 0xff);
	image_set(img, PCI_MIN_GNT, 1, 0x03);
	image_set(img, PCI_MAX_LAT, 1, 0x07);
}

/* BAR dword value as hardware has it; the sizes live in the vconfig_config. */
void image_bar(struct cfg_image *img, unsigned int bar, u32 val)
{
	image_set(img, PCI_BASE_ADDRESS_0 + 4 * bar, 4, val);
}

/* Link a standard capability at the end of the chain. */
void image_cap(struct cfg_image *img, unsigned int pos, u8 id)
{
	img->cfg[pos] = id;
	img->cfg[pos + 1] = 0;
	if (img->last_std)
		img->cfg[img->last_std + 1] = pos;
	else
		img->cfg[PCI_CAPABILITY_LIST] = pos;
	img->cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
	img->last_std = pos;
}

/* Point the next field of the extended capability at @pos to @next. */
void image_ecap_next(struct cfg_image *img, unsigned int pos, u32 next)
{
	u32 hdr = image_get(img, pos, 4) & 0x000fffff;

	image_set(img, pos, 4, hdr | next << 20);
}

/*
 * Link an extended capability of version @ver at the end of the chain;
 * linking the tail to itself makes a self loop.
 */
void image_ecap(struct cfg_image *img, unsigned int pos, u16 id, u8 ver)
{
	image_set(img, pos, 4, id | (u32)ver << 16);
	if (img->last_ext)
		image_ecap_next(img, img->last_ext, pos);
	img->last_ext = pos;
}

void image_pm(struct cfg_image *img, unsigned int pos, u16 pmc, u16 pmcsr)
{
	image_cap(img, pos, PCI_CAP_ID_PM);
	image_set(img, pos + PCI_PM_PMC, 2, pmc);
	image_set(img, pos + PCI_PM_CTRL, 2, pmcsr);
	image_set_wmask(img, pos + PCI_PM_CTRL, 2,
			PCI_PM_CTRL_STATE_MASK | PCI_PM_CTRL_PME_ENABLE |
			PCI_PM_CTRL_DATA_SEL_MASK);
	image_set_w1c(img, pos + PCI_PM_CTRL, 2, PCI_PM_CTRL_PME_STATUS);
}

void image_msi(struct cfg_image *img, unsigned int pos, u16 flags)
{
	image_cap(img, pos, PCI_CAP_ID_MSI);
	image_set(img, pos + PCI_MSI_FLAGS, 2, flags);
	image_set_wmask(img, pos + PCI_MSI_FLAGS, 2,
			PCI_MSI_FLAGS_ENABLE | PCI_MSI_FLAGS_QSIZE);
}

void image_msix(struct cfg_image *img, unsigned int pos, u16 qsize,
		u32 table, u32 pba)
{
	image_cap(img, pos, PCI_CAP_ID_MSIX);
	image_set(img, pos + PCI_MSIX_FLAGS, 2, qsize);
	image_set(img, pos + PCI_MSIX_TABLE, 4, table);
	image_set(img, pos + PCI_MSIX_PBA, 4, pba);
	image_set_wmask(img, pos + PCI_MSIX_FLAGS, 2,
			PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
}

/* A PCI Express endpoint capability of version @ver. */
void image_exp(struct cfg_image *img, unsigned int pos, u8 ver, u32 devcap)
{
	image_cap(img, pos, PCI_CAP_ID_EXP);
	image_set(img, pos + PCI_EXP_FLAGS, 2,
		  ver | (PCI_EXP_TYPE_ENDPOINT << 4));
	image_set(img, pos + PCI_EXP_DEVCAP, 4, devcap);
	/* MRRS 512, relaxed ordering, extended tags */
	image_set(img, pos + PCI_EXP_DEVCTL, 2, 0x2810);
	image_set_wmask(img, pos + PCI_EXP_DEVCTL, 2, 0x7fff);
	image_set_w1c(img, pos + PCI_EXP_DEVSTA, 2, 0x000f);
	image_set(img, pos + PCI_EXP_LNKCAP, 4, 0x00400c41);
	image_set(img, pos + PCI_EXP_LNKSTA, 2, 0x1041);
	image_set_wmask(img, pos + PCI_EXP_LNKCTL, 2, 0x0fff);
	image_set_w1c(img, pos + PCI_EXP_LNKSTA, 2, 0xc000);
	if (ver >= 2) {
		image_set(img, pos + PCI_EXP_DEVCAP2, 4, 0x0070081f);
		image_set_wmask(img, pos + PCI_EXP_DEVCTL2, 2, 0xffff);
		image_set(img, pos + PCI_EXP_LNKCAP2, 4, 0x0000000e);
	}
}

void image_af(struct cfg_image *img, unsigned int pos, u8 afcap)
{
	image_cap(img, pos, PCI_CAP_ID_AF);
	img->cfg[pos + PCI_AF_LENGTH] = PCI_CAP_AF_SIZEOF;
	img->cfg[pos + PCI_AF_CAP] = afcap;
	img->wmask[pos + PCI_AF_CTRL] = PCI_AF_CTRL_FLR;
}

void image_vpd(struct cfg_image *img, unsigned int pos)
{
	image_cap(img, pos, PCI_CAP_ID_VPD);
	image_set_wmask(img, pos + PCI_VPD_ADDR, 2, 0xffff);
	image_set_wmask(img, pos + PCI_VPD_DATA, 4, 0xffffffff);
}

/* A vendor capability claiming @len bytes, all writable after its header. */
void image_vndr(struct cfg_image *img, unsigned int pos, u8 len)
{
	unsigned int i;

	image_cap(img, pos, PCI_CAP_ID_VNDR);
	img->cfg[pos + PCI_CAP_FLAGS] = len;
	for (i = 3; i < len && pos + i < VCONFIG_CFG_SIZE_PCI; i++) {
		img->cfg[pos + i] = 0xa0 + i;
		img->wmask[pos + i] = 0xff;
	}
}

void image_pcix(struct cfg_image *img, unsigned int pos, u32 status)
{
	image_cap(img, pos, PCI_CAP_ID_PCIX);
	image_set(img, pos + PCI_X_STATUS, 4, status);
	image_set_wmask(img, pos + PCI_X_CMD, 2, 0x007f);
	image_set_w1c(img, pos + PCI_X_STATUS, 4,
		      PCI_X_STATUS_SPL_DISC | PCI_X_STATUS_UNX_SPL |
		      PCI_X_STATUS_SPL_ERR);
	image_set_wmask(img, pos + PCI_X_ECC_CSR, 4, 0xffffffff);
}

void image_aer(struct cfg_image *img, unsigned int pos)
{
	image_ecap(img, pos, PCI_EXT_CAP_ID_ERR, 2);
	image_set_w1c(img, pos + PCI_ERR_UNCOR_STATUS, 4, 0xffffffff);
	image_set_wmask(img, pos + PCI_ERR_UNCOR_MASK, 4, 0xffffffff);
	image_set_wmask(img, pos + PCI_ERR_UNCOR_SEVER, 4, 0xffffffff);
	image_set_w1c(img, pos + PCI_ERR_COR_STATUS, 4, 0xffffffff);
	image_set_wmask(img, pos + PCI_ERR_COR_MASK, 4, 0xffffffff);
	image_set(img, pos + PCI_ERR_CAP, 4,
		  PCI_ERR_CAP_ECRC_GENC | PCI_ERR_CAP_ECRC_CHKC);
	image_set_wmask(img, pos + PCI_ERR_CAP, 4,
			PCI_ERR_CAP_ECRC_GENE | PCI_ERR_CAP_ECRC_CHKE);
	image_set(img, pos + PCI_ERR_HEADER_LOG, 4, 0x4a000001);
}

/* An extended capability whose every byte after the header is writable. */
void image_ecap_body(struct cfg_image *img, unsigned int pos, u16 id,
		     unsigned int len)
{
	unsigned int i;

	image_ecap(img, pos, id, 1);
	for (i = 4; i < len && pos + i < VCONFIG_CFG_SIZE_PCIE; i++) {
		img->cfg[pos + i] = 0x10 + i;
		img->wmask[pos + i] = 0xff;
	}
}

/* The rich function's bytes (see image.h), on a zeroed image. */
void image_rich(struct cfg_image *img)
{
	image_init(img, VCONFIG_CFG_SIZE_PCIE);
	image_bar(img, 0, 0xfe000000 | PCI_BASE_ADDRESS_MEM_TYPE_64);
	image_bar(img, 1, 0x00000001);
	image_bar(img, 2, 0xfd000000 | PCI_BASE_ADDRESS_MEM_PREFETCH);
	image_bar(img, 4, 0x0000c001);
	image_set(img, PCI_ROM_ADDRESS, 4, 0xfc000000);
	image_pm(img, RICH_PM, PCI_PM_CAP_D1 | PCI_PM_CAP_PME_D0 |
		 PCI_PM_CAP_PME_D3hot | 3, PCI_PM_CTRL_NO_SOFT_RESET);
	image_msi(img, RICH_MSI, PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT |
		  3 << 1);
	image_vndr(img, RICH_VNDR, 6);
	image_exp(img, RICH_EXP, 2, PCI_EXP_DEVCAP_FLR | 0x2);
	image_msix(img, RICH_MSIX, 15, 0x2000 | 0, 0x3000 | 0);
	image_aer(img, RICH_AER);
	image_ecap(img, RICH_DSN, PCI_EXT_CAP_ID_DSN, 1);
	image_set(img, RICH_DSN + 4, 4, 0x12345678);
	image_set(img, RICH_DSN + 8, 4, 0x9abcdef0);
}

/* The rich function's regions as the engine configuration describes them. */
void image_rich_regions(struct vconfig_region_desc *region)
{
	region[0].size = 0x4000;
	region[0].flags = VCONFIG_REGION_MEM64;
	region[2].size = 0x1000;
	region[2].flags = VCONFIG_REGION_PREFETCH;
	region[4].size = 32;
	region[4].flags = VCONFIG_REGION_IO;
	region[VCONFIG_ROM_BAR].size = 0x10000;
}
