/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A tiny hardware function for the engine's unit tests: a byte array with
 * per-byte writable and write-1-to-clear masks. Every backend access is
 * counted and the last ones are logged, so tests can assert exactly what
 * reached hardware. Builders lay out a type-0 header, BARs and each
 * capability kind.
 */
#ifndef VCONFIG_FAKE_HW_H
#define VCONFIG_FAKE_HW_H

#include <check.h>
#include <string.h>
#include <vconfig/vconfig.h>

#define FAKE_LOG_MAX	64

struct fake_access {
	bool write;
	unsigned int offset;
	unsigned int size;
	u32 val;
};

struct fake_hw {
	u8 cfg[VCONFIG_CFG_SIZE_PCIE];
	u8 wmask[VCONFIG_CFG_SIZE_PCIE];	/* bits software can set */
	u8 w1c[VCONFIG_CFG_SIZE_PCIE];		/* bits a written 1 clears */
	unsigned int size;
	unsigned int reads, writes;
	/* accesses the backend contract forbids: misaligned, odd size, out of range */
	unsigned int bad;
	/* the last FAKE_LOG_MAX accesses, oldest first once it wraps */
	struct fake_access log[FAKE_LOG_MAX];
	unsigned int nlog;
	/* fail reads (or writes) of this offset with -EIO; -1: never */
	int fail_read_at, fail_write_at;
	u16 last_std, last_ext;			/* chain tails for the builders */
};

static inline void fake_log(struct fake_hw *hw, bool write, unsigned int off,
			    unsigned int size, u32 val)
{
	struct fake_access *a = &hw->log[hw->nlog++ % FAKE_LOG_MAX];

	a->write = write;
	a->offset = off;
	a->size = size;
	a->val = val;
}

static inline bool fake_access_ok(struct fake_hw *hw, unsigned int off,
				  unsigned int size)
{
	if ((size != 1 && size != 2 && size != 4) || off % size ||
	    off + size > hw->size) {
		hw->bad++;
		return false;
	}
	return true;
}

static inline int fake_read(void *priv, unsigned int off, unsigned int size,
			    u32 *val)
{
	struct fake_hw *hw = priv;
	unsigned int i;

	hw->reads++;
	if (!fake_access_ok(hw, off, size))
		return -EINVAL;
	if ((int)off == hw->fail_read_at)
		return -EIO;
	*val = 0;
	for (i = 0; i < size; i++)
		*val |= (u32)hw->cfg[off + i] << (8 * i);
	fake_log(hw, false, off, size, *val);
	return 0;
}

static inline int fake_write(void *priv, unsigned int off, unsigned int size,
			     u32 val)
{
	struct fake_hw *hw = priv;
	unsigned int i;

	hw->writes++;
	if (!fake_access_ok(hw, off, size))
		return -EINVAL;
	if ((int)off == hw->fail_write_at)
		return -EIO;
	fake_log(hw, true, off, size, val);
	for (i = 0; i < size; i++) {
		u8 b = val >> (8 * i), old = hw->cfg[off + i];
		u8 wm = hw->wmask[off + i], c = hw->w1c[off + i];

		hw->cfg[off + i] = (old & ~wm & ~c) | (b & wm) | (old & c & ~b);
	}
	return 0;
}

static const struct vconfig_backend_ops fake_ops = {
	.read = fake_read,
	.write = fake_write,
};

/* Little-endian register accessors of the fake's bytes. */
static inline u32 fake_get(const struct fake_hw *hw, unsigned int off,
			   unsigned int size)
{
	u32 v = 0;
	unsigned int i;

	for (i = 0; i < size; i++)
		v |= (u32)hw->cfg[off + i] << (8 * i);
	return v;
}

static inline void fake_set(struct fake_hw *hw, unsigned int off,
			    unsigned int size, u32 val)
{
	unsigned int i;

	for (i = 0; i < size; i++)
		hw->cfg[off + i] = val >> (8 * i);
}

static inline void fake_set_wmask(struct fake_hw *hw, unsigned int off,
				  unsigned int size, u32 mask)
{
	unsigned int i;

	for (i = 0; i < size; i++)
		hw->wmask[off + i] = mask >> (8 * i);
}

static inline void fake_set_w1c(struct fake_hw *hw, unsigned int off,
				unsigned int size, u32 mask)
{
	unsigned int i;

	for (i = 0; i < size; i++)
		hw->w1c[off + i] = mask >> (8 * i);
}

/* Find the last access to @off in the log; NULL if none. */
static inline const struct fake_access *
fake_last(const struct fake_hw *hw, bool write, unsigned int off)
{
	unsigned int n = hw->nlog < FAKE_LOG_MAX ? hw->nlog : FAKE_LOG_MAX;
	unsigned int i;

	for (i = 0; i < n; i++) {
		const struct fake_access *a =
			&hw->log[(hw->nlog - 1 - i) % FAKE_LOG_MAX];

		if (a->write == write && a->offset == off)
			return a;
	}
	return NULL;
}

static inline void fake_clear_log(struct fake_hw *hw)
{
	hw->reads = hw->writes = hw->nlog = 0;
}

/*
 * A type-0 endpoint: IDs, class, a Command register whose defined bits are
 * writable, Status error bits RW1C, cache line and latency writable, INTA.
 */
static inline void fake_init(struct fake_hw *hw, unsigned int size)
{
	memset(hw, 0, sizeof(*hw));
	hw->size = size;
	hw->fail_read_at = hw->fail_write_at = -1;
	fake_set(hw, PCI_VENDOR_ID, 2, 0x1af4);
	fake_set(hw, PCI_DEVICE_ID, 2, 0x1041);
	fake_set(hw, PCI_CLASS_REVISION, 4, 0x01080002);
	fake_set(hw, PCI_SUBSYSTEM_VENDOR_ID, 2, 0x1af4);
	fake_set(hw, PCI_SUBSYSTEM_ID, 2, 0x1100);
	fake_set(hw, PCI_STATUS, 2, PCI_STATUS_66MHZ | 0x0200 /* DEVSEL medium */);
	fake_set_wmask(hw, PCI_COMMAND, 2, 0x057f);
	fake_set_w1c(hw, PCI_STATUS, 2, 0xf900);
	fake_set_wmask(hw, PCI_CACHE_LINE_SIZE, 1, 0xff);
	fake_set_wmask(hw, PCI_LATENCY_TIMER, 1, 0xff);
	fake_set(hw, PCI_INTERRUPT_PIN, 1, 1);
	fake_set(hw, PCI_INTERRUPT_LINE, 1, 0x0b);
	fake_set_wmask(hw, PCI_INTERRUPT_LINE, 1, 0xff);
	fake_set(hw, PCI_MIN_GNT, 1, 0x03);
	fake_set(hw, PCI_MAX_LAT, 1, 0x07);
}

/* BAR dword value as hardware has it; the sizes live in the vconfig_config. */
static inline void fake_bar(struct fake_hw *hw, unsigned int i, u32 val)
{
	fake_set(hw, PCI_BASE_ADDRESS_0 + 4 * i, 4, val);
}

/* Link a standard capability at the end of the chain; returns @pos. */
static inline unsigned int fake_cap(struct fake_hw *hw, unsigned int pos, u8 id)
{
	hw->cfg[pos] = id;
	hw->cfg[pos + 1] = 0;
	if (hw->last_std)
		hw->cfg[hw->last_std + 1] = pos;
	else
		hw->cfg[PCI_CAPABILITY_LIST] = pos;
	hw->cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
	hw->last_std = pos;
	return pos;
}

/* Link an extended capability (version @ver) at the end of the chain. */
static inline unsigned int fake_ecap(struct fake_hw *hw, unsigned int pos,
				     u16 id, u8 ver)
{
	u32 prev;

	fake_set(hw, pos, 4, id | ((u32)ver << 16));
	if (hw->last_ext) {
		unsigned int last = hw->last_ext;

		prev = fake_get(hw, last, 4) & 0x000fffff;
		fake_set(hw, last, 4, prev | ((u32)pos << 20));
	}
	hw->last_ext = pos;
	return pos;
}

static inline void fake_pm(struct fake_hw *hw, unsigned int pos, u16 pmc,
			   u16 pmcsr)
{
	fake_cap(hw, pos, PCI_CAP_ID_PM);
	fake_set(hw, pos + PCI_PM_PMC, 2, pmc);
	fake_set(hw, pos + PCI_PM_CTRL, 2, pmcsr);
	fake_set_wmask(hw, pos + PCI_PM_CTRL, 2,
		       PCI_PM_CTRL_STATE_MASK | PCI_PM_CTRL_PME_ENABLE |
		       PCI_PM_CTRL_DATA_SEL_MASK);
	fake_set_w1c(hw, pos + PCI_PM_CTRL, 2, PCI_PM_CTRL_PME_STATUS);
}

static inline void fake_msi(struct fake_hw *hw, unsigned int pos, u16 flags)
{
	fake_cap(hw, pos, PCI_CAP_ID_MSI);
	fake_set(hw, pos + PCI_MSI_FLAGS, 2, flags);
	fake_set_wmask(hw, pos + PCI_MSI_FLAGS, 2,
		       PCI_MSI_FLAGS_ENABLE | PCI_MSI_FLAGS_QSIZE);
}

static inline void fake_msix(struct fake_hw *hw, unsigned int pos, u16 qsize,
			     u32 table, u32 pba)
{
	fake_cap(hw, pos, PCI_CAP_ID_MSIX);
	fake_set(hw, pos + PCI_MSIX_FLAGS, 2, qsize);
	fake_set(hw, pos + PCI_MSIX_TABLE, 4, table);
	fake_set(hw, pos + PCI_MSIX_PBA, 4, pba);
	fake_set_wmask(hw, pos + PCI_MSIX_FLAGS, 2,
		       PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
}

/* PCI Express endpoint capability of version @ver. */
static inline void fake_exp(struct fake_hw *hw, unsigned int pos, u8 ver,
			    u32 devcap)
{
	fake_cap(hw, pos, PCI_CAP_ID_EXP);
	fake_set(hw, pos + PCI_EXP_FLAGS, 2, ver | (PCI_EXP_TYPE_ENDPOINT << 4));
	fake_set(hw, pos + PCI_EXP_DEVCAP, 4, devcap);
	fake_set(hw, pos + PCI_EXP_DEVCTL, 2, 0x2810); /* MRRS 512, RO, ext tag */
	fake_set_wmask(hw, pos + PCI_EXP_DEVCTL, 2, 0x7fff);
	fake_set_w1c(hw, pos + PCI_EXP_DEVSTA, 2, 0x000f);
	fake_set(hw, pos + PCI_EXP_LNKCAP, 4, 0x00400c41);
	fake_set(hw, pos + PCI_EXP_LNKSTA, 2, 0x1041);
	fake_set_wmask(hw, pos + PCI_EXP_LNKCTL, 2, 0x0fff);
	fake_set_w1c(hw, pos + PCI_EXP_LNKSTA, 2, 0xc000);
	if (ver >= 2) {
		fake_set(hw, pos + PCI_EXP_DEVCAP2, 4, 0x0070081f);
		fake_set_wmask(hw, pos + PCI_EXP_DEVCTL2, 2, 0xffff);
		fake_set(hw, pos + PCI_EXP_LNKCAP2, 4, 0x0000000e);
	}
}

static inline void fake_af(struct fake_hw *hw, unsigned int pos, u8 afcap)
{
	fake_cap(hw, pos, PCI_CAP_ID_AF);
	hw->cfg[pos + PCI_AF_LENGTH] = PCI_CAP_AF_SIZEOF;
	hw->cfg[pos + PCI_AF_CAP] = afcap;
	hw->wmask[pos + PCI_AF_CTRL] = PCI_AF_CTRL_FLR;
}

static inline void fake_vpd(struct fake_hw *hw, unsigned int pos)
{
	fake_cap(hw, pos, PCI_CAP_ID_VPD);
	fake_set_wmask(hw, pos + PCI_VPD_ADDR, 2, 0xffff);
	fake_set_wmask(hw, pos + PCI_VPD_DATA, 4, 0xffffffff);
}

static inline void fake_vndr(struct fake_hw *hw, unsigned int pos, u8 len)
{
	unsigned int i;

	fake_cap(hw, pos, PCI_CAP_ID_VNDR);
	hw->cfg[pos + PCI_CAP_FLAGS] = len;
	for (i = 3; i < len && pos + i < VCONFIG_CFG_SIZE_PCI; i++) {
		hw->cfg[pos + i] = 0xa0 + i;
		hw->wmask[pos + i] = 0xff;
	}
}

static inline void fake_pcix(struct fake_hw *hw, unsigned int pos, u32 status)
{
	fake_cap(hw, pos, PCI_CAP_ID_PCIX);
	fake_set(hw, pos + PCI_X_STATUS, 4, status);
	fake_set_wmask(hw, pos + PCI_X_CMD, 2, 0x007f);
	fake_set_w1c(hw, pos + PCI_X_STATUS, 4,
		     PCI_X_STATUS_SPL_DISC | PCI_X_STATUS_UNX_SPL |
		     PCI_X_STATUS_SPL_ERR);
	fake_set_wmask(hw, pos + PCI_X_ECC_CSR, 4, 0xffffffff);
}

static inline void fake_aer(struct fake_hw *hw, unsigned int pos)
{
	fake_ecap(hw, pos, PCI_EXT_CAP_ID_ERR, 2);
	fake_set_w1c(hw, pos + PCI_ERR_UNCOR_STATUS, 4, 0xffffffff);
	fake_set_wmask(hw, pos + PCI_ERR_UNCOR_MASK, 4, 0xffffffff);
	fake_set_wmask(hw, pos + PCI_ERR_UNCOR_SEVER, 4, 0xffffffff);
	fake_set_w1c(hw, pos + PCI_ERR_COR_STATUS, 4, 0xffffffff);
	fake_set_wmask(hw, pos + PCI_ERR_COR_MASK, 4, 0xffffffff);
	fake_set(hw, pos + PCI_ERR_CAP, 4,
		 PCI_ERR_CAP_ECRC_GENC | PCI_ERR_CAP_ECRC_CHKC);
	fake_set_wmask(hw, pos + PCI_ERR_CAP, 4,
		       PCI_ERR_CAP_ECRC_GENE | PCI_ERR_CAP_ECRC_CHKE);
	fake_set(hw, pos + PCI_ERR_HEADER_LOG, 4, 0x4a000001);
}

/* An extended capability whose every byte after the header is writable. */
static inline void fake_ecap_body(struct fake_hw *hw, unsigned int pos,
				  u16 id, unsigned int len)
{
	unsigned int i;

	fake_ecap(hw, pos, id, 1);
	for (i = 4; i < len && pos + i < VCONFIG_CFG_SIZE_PCIE; i++) {
		hw->cfg[pos + i] = 0x10 + i;
		hw->wmask[pos + i] = 0xff;
	}
}

/* A configuration for the engine over @hw with no BARs. */
static inline void fake_config(struct fake_hw *hw, struct vconfig_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->ops = &fake_ops;
	cfg->priv = hw;
	cfg->cfg_size = hw->size;
}

static inline struct vconfig *fake_create_cfg(const struct vconfig_config *cfg)
{
	struct vconfig *vc = NULL;
	int ret = vconfig_create(cfg, &vc);

	ck_assert_int_eq(ret, 0);
	ck_assert_ptr_nonnull(vc);
	return vc;
}

static inline struct vconfig *fake_create(struct fake_hw *hw)
{
	struct vconfig_config cfg;

	fake_config(hw, &cfg);
	return fake_create_cfg(&cfg);
}

/* The same under the strict profile (VCONFIG_F_STRICT). */
static inline struct vconfig *fake_create_strict(struct fake_hw *hw)
{
	struct vconfig_config cfg;

	fake_config(hw, &cfg);
	cfg.flags = VCONFIG_F_STRICT;
	return fake_create_cfg(&cfg);
}

/* Register read/write through the engine that must succeed. */
static inline u32 vrd(struct vconfig *vc, unsigned int off, unsigned int size)
{
	u32 val = 0xdeadbeef;

	ck_assert_int_eq(vconfig_read_reg(vc, off, size, &val), 0);
	return val;
}

static inline void vwr(struct vconfig *vc, unsigned int off, unsigned int size,
		       u32 val, struct vconfig_effects *fx)
{
	ck_assert_int_eq(vconfig_write_reg(vc, off, size, val, fx), 0);
}

/* Index of the first effect of @type, -1 if none. */
static inline int fx_find(const struct vconfig_effects *fx,
			  enum vconfig_effect_type type)
{
	unsigned int i;

	for (i = 0; i < fx->count; i++)
		if (fx->effect[i].type == type)
			return i;
	return -1;
}

static inline unsigned int fx_count(const struct vconfig_effects *fx,
				    enum vconfig_effect_type type)
{
	unsigned int i, n = 0;

	for (i = 0; i < fx->count; i++)
		n += fx->effect[i].type == type;
	return n;
}

/* Find a capability instance by ID; -1 if the engine has none. */
static inline int find_cap(struct vconfig *vc, u16 id, bool extended,
			   struct vconfig_cap_info *info)
{
	unsigned int i;

	for (i = 0; i < vconfig_nr_caps(vc); i++) {
		ck_assert_int_eq(vconfig_cap(vc, i, info), 0);
		if (info->id == id && info->extended == extended)
			return i;
	}
	return -1;
}

/*
 * A PCI Express function with most kinds of registers: 64-bit BAR0 (16K),
 * 32-bit BAR2 (4K, prefetchable), I/O BAR4 (32 bytes), a 64K ROM; PM at
 * 0x40, 64-bit maskable MSI at 0x50, a 6-byte vendor capability at 0x68,
 * PCIe v2 at 0x70, MSI-X at 0xb0; AER at 0x100 and DSN at 0x148.
 */
#define RICH_PM		0x40
#define RICH_MSI	0x50
#define RICH_VNDR	0x68
#define RICH_EXP	0x70
#define RICH_MSIX	0xb0
#define RICH_AER	0x100
#define RICH_DSN	0x148

static inline void fake_rich(struct fake_hw *hw)
{
	fake_init(hw, VCONFIG_CFG_SIZE_PCIE);
	fake_bar(hw, 0, 0xfe000000 | PCI_BASE_ADDRESS_MEM_TYPE_64);
	fake_bar(hw, 1, 0x00000001);
	fake_bar(hw, 2, 0xfd000000 | PCI_BASE_ADDRESS_MEM_PREFETCH);
	fake_bar(hw, 4, 0x0000c001);
	fake_set(hw, PCI_ROM_ADDRESS, 4, 0xfc000000);
	fake_pm(hw, RICH_PM, PCI_PM_CAP_D1 | PCI_PM_CAP_PME_D0 |
		PCI_PM_CAP_PME_D3hot | 3, PCI_PM_CTRL_NO_SOFT_RESET);
	fake_msi(hw, RICH_MSI, PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT |
		 (3 << 1));
	fake_vndr(hw, RICH_VNDR, 6);
	fake_exp(hw, RICH_EXP, 2, PCI_EXP_DEVCAP_FLR | 0x2);
	fake_msix(hw, RICH_MSIX, 15, 0x2000 | 0, 0x3000 | 0);
	fake_aer(hw, RICH_AER);
	fake_ecap(hw, RICH_DSN, PCI_EXT_CAP_ID_DSN, 1);
	fake_set(hw, RICH_DSN + 4, 4, 0x12345678);
	fake_set(hw, RICH_DSN + 8, 4, 0x9abcdef0);
}

static inline void fake_rich_config(struct fake_hw *hw,
				    struct vconfig_config *cfg)
{
	fake_config(hw, cfg);
	cfg->region[0].size = 0x4000;
	cfg->region[0].flags = VCONFIG_REGION_MEM64;
	cfg->region[2].size = 0x1000;
	cfg->region[2].flags = VCONFIG_REGION_PREFETCH;
	cfg->region[4].size = 32;
	cfg->region[4].flags = VCONFIG_REGION_IO;
	cfg->region[VCONFIG_ROM_BAR].size = 0x10000;
}

static inline struct vconfig *fake_rich_create(struct fake_hw *hw)
{
	struct vconfig_config cfg;

	fake_rich(hw);
	fake_rich_config(hw, &cfg);
	return fake_create_cfg(&cfg);
}

static inline struct vconfig *fake_rich_create_strict(struct fake_hw *hw)
{
	struct vconfig_config cfg;

	fake_rich(hw);
	fake_rich_config(hw, &cfg);
	cfg.flags = VCONFIG_F_STRICT;
	return fake_create_cfg(&cfg);
}

#endif /* VCONFIG_FAKE_HW_H */
