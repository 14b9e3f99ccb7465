// SPDX-License-Identifier: GPL-2.0-only
/*
 * vconfig-hostile: the vconfig engine as the kernel builds it, run over
 * hostile configuration spaces held in a kernel array.
 *
 * On insmod every case lays out a configuration space (looping and bad
 * capability pointers, capabilities running past their space, all-ones
 * extended headers, overlapping capabilities, broken MSI-X and BAR
 * layouts, random bytes from a fixed seed), then creates an engine over
 * it, checks the virtual view, hammers it with random reads and writes,
 * resets it and checks again. The checks: every backend access lies inside
 * the space and keeps the backend contract, out-of-range requests are
 * refused, the visible capability chains are loop-free and in bounds, and
 * capabilities own their bytes. Each case prints one
 * "vconfig-hostile: PASS name" or "vconfig-hostile: FAIL name: why" line;
 * the last line is "vconfig-hostile: N passed, M failed". The module stays
 * loaded so that its user can read the log and remove it.
 */
#include <linux/bitmap.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <vconfig/vconfig.h>

static unsigned int seed = 0x5eed;
module_param(seed, uint, 0444);
MODULE_PARM_DESC(seed, "seed of the random configuration spaces");

static unsigned int random_cases = 128;
module_param(random_cases, uint, 0444);
MODULE_PARM_DESC(random_cases, "configuration spaces per random case");

/* The function behind the engine: bytes, writable and RW1C masks. */
struct hostile_hw {
	u8 cfg[VCONFIG_CFG_SIZE_PCIE];
	u8 wmask[VCONFIG_CFG_SIZE_PCIE];
	u8 w1c[VCONFIG_CFG_SIZE_PCIE];
	unsigned int size;
	/* backend accesses outside the space or the size/alignment contract */
	unsigned int bad;
	unsigned int first_bad;
	/* reads return changing bytes; accesses fail at random */
	bool flaky;
	bool failing;
	u16 last_std;
	u16 last_ext;
};

/* The state of the case being run. */
struct hostile_run {
	const char *name;
	unsigned int iteration;
	bool failed;
	char why[160];
};

static unsigned int hostile_passed, hostile_failed;

/* xorshift32: the same spaces on every run for a given seed */
static u32 rnd_state;

static u32 rnd(void)
{
	u32 x = rnd_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	rnd_state = x;
	return x;
}

static void rnd_seed(u32 s)
{
	rnd_state = s * 2654435761u + 1;
	rnd();
}

static __printf(3, 4) bool hostile_fail(struct hostile_run *run, int line,
					const char *fmt, ...)
{
	va_list ap;
	int n;

	if (run->failed)
		return false;
	run->failed = true;
	n = scnprintf(run->why, sizeof(run->why), "#%u line %d: ",
		      run->iteration, line);
	va_start(ap, fmt);
	vscnprintf(run->why + n, sizeof(run->why) - n, fmt, ap);
	va_end(ap);
	return false;
}

/* Evaluates to @cond; records the first failed check of the case. */
#define hcheck(run, cond, fmt, ...)					\
	((cond) ? true : hostile_fail(run, __LINE__, fmt, ##__VA_ARGS__))

/* ---- the array backend ---- */

static bool hw_access_ok(struct hostile_hw *hw, unsigned int off,
			 unsigned int size)
{
	if ((size != 1 && size != 2 && size != 4) || off % size ||
	    off >= hw->size || size > hw->size - off) {
		if (!hw->bad++)
			hw->first_bad = off | size << 16;
		return false;
	}
	return true;
}

static int hw_read(void *priv, unsigned int off, unsigned int size, u32 *val)
{
	struct hostile_hw *hw = priv;
	unsigned int i;

	if (!hw_access_ok(hw, off, size))
		return -EINVAL;
	if (hw->failing && !(rnd() % 8))
		return -EIO;
	*val = 0;
	for (i = 0; i < size; i++)
		*val |= (u32)hw->cfg[off + i] << (8 * i);
	if (hw->flaky && off >= 0x40)
		*val ^= rnd();
	return 0;
}

static int hw_write(void *priv, unsigned int off, unsigned int size, u32 val)
{
	struct hostile_hw *hw = priv;
	unsigned int i;

	if (!hw_access_ok(hw, off, size))
		return -EINVAL;
	if (hw->failing && !(rnd() % 8))
		return -EIO;
	for (i = 0; i < size; i++) {
		u8 b = val >> (8 * i), old = hw->cfg[off + i];
		u8 wm = hw->wmask[off + i], c = hw->w1c[off + i];

		hw->cfg[off + i] = (old & ~wm & ~c) | (b & wm) | (old & c & ~b);
	}
	return 0;
}

static const struct vconfig_backend_ops hw_ops = {
	.read = hw_read,
	.write = hw_write,
};

/* ---- layout helpers ---- */

static void hw_set(struct hostile_hw *hw, unsigned int off, unsigned int size,
		   u32 val)
{
	unsigned int i;

	for (i = 0; i < size && off + i < VCONFIG_CFG_SIZE_PCIE; i++)
		hw->cfg[off + i] = val >> (8 * i);
}

static u32 hw_get(struct hostile_hw *hw, unsigned int off, unsigned int size)
{
	unsigned int i;
	u32 v = 0;

	for (i = 0; i < size; i++)
		v |= (u32)hw->cfg[off + i] << (8 * i);
	return v;
}

static void hw_set_wmask(struct hostile_hw *hw, unsigned int off,
			 unsigned int size, u32 mask)
{
	unsigned int i;

	for (i = 0; i < size && off + i < VCONFIG_CFG_SIZE_PCIE; i++)
		hw->wmask[off + i] = mask >> (8 * i);
}

/* A plain type-0 endpoint with INTA and no capabilities. */
static void hw_init(struct hostile_hw *hw, unsigned int size)
{
	memset(hw, 0, sizeof(*hw));
	hw->size = size;
	hw_set(hw, PCI_VENDOR_ID, 2, 0x1af4);
	hw_set(hw, PCI_DEVICE_ID, 2, 0x1041);
	hw_set(hw, PCI_CLASS_REVISION, 4, 0x01080002);
	hw_set(hw, PCI_STATUS, 2, PCI_STATUS_66MHZ | 0x0200);
	hw_set_wmask(hw, PCI_COMMAND, 2, 0x057f);
	hw->w1c[PCI_STATUS + 1] = 0xf9;
	hw->wmask[PCI_CACHE_LINE_SIZE] = 0xff;
	hw->wmask[PCI_LATENCY_TIMER] = 0xff;
	hw->wmask[PCI_INTERRUPT_LINE] = 0xff;
	hw->cfg[PCI_INTERRUPT_PIN] = 1;
}

/* Link a standard capability at the end of the chain. */
static void hw_cap(struct hostile_hw *hw, unsigned int pos, u8 id)
{
	hw->cfg[pos] = id;
	hw->cfg[pos + 1] = 0;
	if (hw->last_std)
		hw->cfg[hw->last_std + 1] = pos;
	else
		hw->cfg[PCI_CAPABILITY_LIST] = pos;
	hw->cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
	hw->last_std = pos;
}

/* Link an extended capability at the end of the chain. */
static void hw_ecap(struct hostile_hw *hw, unsigned int pos, u16 id, u8 ver)
{
	if (hw->last_ext)
		hw_set(hw, hw->last_ext, 4,
		       (hw_get(hw, hw->last_ext, 4) & 0x000fffff) |
		       (u32)pos << 20);
	hw_set(hw, pos, 4, id | (u32)ver << 16);
	hw->last_ext = pos;
}

/* Point the next field of the extended capability at @pos to @next. */
static void hw_ecap_next(struct hostile_hw *hw, unsigned int pos, u32 next)
{
	hw_set(hw, pos, 4, (hw_get(hw, pos, 4) & 0x000fffff) | next << 20);
}

static void hw_pm(struct hostile_hw *hw, unsigned int pos)
{
	hw_cap(hw, pos, PCI_CAP_ID_PM);
	hw_set(hw, pos + PCI_PM_PMC, 2, PCI_PM_CAP_PME_D3hot | 3);
	hw_set_wmask(hw, pos + PCI_PM_CTRL, 2,
		     PCI_PM_CTRL_STATE_MASK | PCI_PM_CTRL_PME_ENABLE);
}

static void hw_msi(struct hostile_hw *hw, unsigned int pos, u16 flags)
{
	hw_cap(hw, pos, PCI_CAP_ID_MSI);
	hw_set(hw, pos + PCI_MSI_FLAGS, 2, flags);
	hw_set_wmask(hw, pos + PCI_MSI_FLAGS, 2,
		     PCI_MSI_FLAGS_ENABLE | PCI_MSI_FLAGS_QSIZE);
}

static void hw_msix(struct hostile_hw *hw, unsigned int pos, u16 qsize,
		    u32 table, u32 pba)
{
	hw_cap(hw, pos, PCI_CAP_ID_MSIX);
	hw_set(hw, pos + PCI_MSIX_FLAGS, 2, qsize);
	hw_set(hw, pos + PCI_MSIX_TABLE, 4, table);
	hw_set(hw, pos + PCI_MSIX_PBA, 4, pba);
	hw_set_wmask(hw, pos + PCI_MSIX_FLAGS, 2,
		     PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
}

static void hw_exp(struct hostile_hw *hw, unsigned int pos)
{
	hw_cap(hw, pos, PCI_CAP_ID_EXP);
	hw_set(hw, pos + PCI_EXP_FLAGS, 2, 2 | PCI_EXP_TYPE_ENDPOINT << 4);
	hw_set(hw, pos + PCI_EXP_DEVCAP, 4, PCI_EXP_DEVCAP_FLR | 2);
	hw_set_wmask(hw, pos + PCI_EXP_DEVCTL, 2, 0x7fff);
	hw_set(hw, pos + PCI_EXP_LNKCAP, 4, 0x00400c41);
}

static void hw_vndr(struct hostile_hw *hw, unsigned int pos, u8 len)
{
	unsigned int i;

	hw_cap(hw, pos, PCI_CAP_ID_VNDR);
	hw->cfg[pos + PCI_CAP_FLAGS] = len;
	for (i = 3; i < len && pos + i < VCONFIG_CFG_SIZE_PCI; i++)
		hw->wmask[pos + i] = 0xff;
}

static void hw_aer(struct hostile_hw *hw, unsigned int pos)
{
	hw_ecap(hw, pos, PCI_EXT_CAP_ID_ERR, 2);
	hw_set_wmask(hw, pos + PCI_ERR_UNCOR_MASK, 4, 0xffffffff);
	hw_set_wmask(hw, pos + PCI_ERR_COR_MASK, 4, 0xffffffff);
}

/* An extended capability whose body is writable. */
static void hw_ecap_body(struct hostile_hw *hw, unsigned int pos, u16 id,
			 unsigned int len)
{
	unsigned int i;

	hw_ecap(hw, pos, id, 1);
	for (i = 4; i < len && pos + i < VCONFIG_CFG_SIZE_PCIE; i++) {
		hw->cfg[pos + i] = 0x10 + i;
		hw->wmask[pos + i] = 0xff;
	}
}

static void hw_config(struct hostile_hw *hw, struct vconfig_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->ops = &hw_ops;
	cfg->priv = hw;
	cfg->cfg_size = hw->size;
}

/*
 * A PCIe function with most register kinds: 64-bit BAR0 (16K), BAR2 (4K),
 * I/O BAR4, a ROM; PM, MSI, PCIe, MSI-X (table in BAR2), AER, DSN.
 */
#define RICH_MSIX	0xb0

static void hw_rich(struct hostile_hw *hw, struct vconfig_config *cfg)
{
	hw_init(hw, VCONFIG_CFG_SIZE_PCIE);
	hw_set(hw, PCI_BASE_ADDRESS_0, 4, 0xfe000000 | PCI_BASE_ADDRESS_MEM_TYPE_64);
	hw_set(hw, PCI_BASE_ADDRESS_2, 4, 0xfd000000);
	hw_set(hw, PCI_BASE_ADDRESS_4, 4, 0xc001);
	hw_set(hw, PCI_ROM_ADDRESS, 4, 0xfc000000);
	hw_pm(hw, 0x40);
	hw_msi(hw, 0x50, PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT | 3 << 1);
	hw_exp(hw, 0x70);
	hw_msix(hw, RICH_MSIX, 15, 0x000 | 2, 0x800 | 2);
	hw_aer(hw, 0x100);
	hw_ecap(hw, 0x148, PCI_EXT_CAP_ID_DSN, 1);
	hw_config(hw, cfg);
	cfg->region[0].size = 0x4000;
	cfg->region[0].flags = VCONFIG_REGION_MEM64;
	cfg->region[2].size = 0x1000;
	cfg->region[4].size = 32;
	cfg->region[4].flags = VCONFIG_REGION_IO;
	cfg->region[VCONFIG_ROM_BAR].size = 0x10000;
}

/* ---- checks of the virtual view ---- */

static u32 vrd(struct hostile_run *run, struct vconfig *vc, unsigned int off,
	       unsigned int size)
{
	u32 val = 0;
	int ret = vconfig_read_reg(vc, off, size, &val);

	hcheck(run, !ret, "read of %#x/%u: %d", off, size, ret);
	return val;
}

/*
 * The standard chain: pointers >= 0x40, aligned, in bounds, visited once,
 * each naming a visible capability at that offset; every visible standard
 * capability is on it. Returns its length.
 */
static unsigned int check_std_chain(struct hostile_run *run,
				    struct vconfig *vc)
{
	DECLARE_BITMAP(seen, VCONFIG_CFG_SIZE_PCI / 4);
	struct vconfig_cap_info info;
	unsigned int p, n = 0, visible = 0, i;
	bool cap_list;
	int idx;

	bitmap_zero(seen, VCONFIG_CFG_SIZE_PCI / 4);
	cap_list = vrd(run, vc, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST;
	p = vrd(run, vc, PCI_CAPABILITY_LIST, 1);
	hcheck(run, cap_list == (p != 0), "CapList %d, pointer %#x",
	       cap_list, p);
	while (p && !run->failed) {
		if (!hcheck(run, p >= 0x40 && p % 4 == 0 && p + 4 <= 0x100,
			    "std pointer %#x", p) ||
		    !hcheck(run, !test_and_set_bit(p / 4, seen),
			    "std loop at %#x", p))
			break;
		hcheck(run, vconfig_owner(vc, p, &idx) == VCONFIG_OWNER_CAP,
		       "std pointer %#x to a byte no visible capability owns", p);
		if (run->failed)
			break;
		hcheck(run, !vconfig_cap(vc, idx, &info) && info.offset == p &&
		       !info.extended && vrd(run, vc, p, 1) == info.id,
		       "std capability at %#x: index %d, offset %#x, id %#x",
		       p, idx, info.offset, info.id);
		n++;
		p = vrd(run, vc, p + PCI_CAP_LIST_NEXT, 1);
	}
	for (i = 0; i < vconfig_nr_caps(vc); i++)
		if (!vconfig_cap(vc, i, &info))
			visible += !info.extended && !info.hidden;
	hcheck(run, n == visible, "std chain of %u, %u visible", n, visible);
	return n;
}

/* The same for the extended chain, which may start with a null header. */
static unsigned int check_ext_chain(struct hostile_run *run,
				    struct vconfig *vc)
{
	DECLARE_BITMAP(seen, VCONFIG_CFG_SIZE_PCIE / 4);
	struct vconfig_cap_info info;
	unsigned int p = 0x100, n = 0, visible = 0, i;
	u32 header;
	int idx;

	for (i = 0; i < vconfig_nr_caps(vc); i++)
		if (!vconfig_cap(vc, i, &info))
			visible += info.extended && !info.hidden;
	if (vconfig_cfg_size(vc) < VCONFIG_CFG_SIZE_PCIE) {
		hcheck(run, !visible, "%u extended caps in a 256-byte space",
		       visible);
		return 0;
	}
	bitmap_zero(seen, VCONFIG_CFG_SIZE_PCIE / 4);
	header = vrd(run, vc, 0x100, 4);
	if (!PCI_EXT_CAP_ID(header)) {
		/* a null header: only its next pointer may be set */
		hcheck(run, !(header & 0x000fffff), "null header %#x", header);
		p = PCI_EXT_CAP_NEXT(header);
		hcheck(run, p != 0x100, "null header links to itself");
	}
	while (p && !run->failed) {
		if (!hcheck(run, p >= 0x100 && p % 4 == 0 && p + 4 <= 0x1000,
			    "ext pointer %#x", p) ||
		    !hcheck(run, !test_and_set_bit(p / 4, seen),
			    "ext loop at %#x", p))
			break;
		hcheck(run, vconfig_owner(vc, p, &idx) == VCONFIG_OWNER_CAP,
		       "ext pointer %#x to a byte no visible capability owns", p);
		if (run->failed)
			break;
		header = vrd(run, vc, p, 4);
		hcheck(run, !vconfig_cap(vc, idx, &info) && info.offset == p &&
		       info.extended && PCI_EXT_CAP_ID(header) == info.id,
		       "ext capability at %#x: index %d, offset %#x, id %#x",
		       p, idx, info.offset, info.id);
		n++;
		p = PCI_EXT_CAP_NEXT(header);
	}
	hcheck(run, n == visible, "ext chain of %u, %u visible", n, visible);
	return n;
}

/* Capabilities lie inside their space, do not overlap, own their bytes. */
static void check_caps_layout(struct hostile_run *run, struct vconfig *vc)
{
	unsigned int size = vconfig_cfg_size(vc), i, b;
	struct vconfig_cap_info info;
	int idx;

	for (i = 0; i < vconfig_nr_caps(vc) && !run->failed; i++) {
		unsigned int start, end;

		if (!hcheck(run, !vconfig_cap(vc, i, &info), "cap %u", i))
			return;
		start = info.extended ? 0x100 : 0x40;
		end = info.extended ? size : 0x100;
		if (!hcheck(run, info.offset >= start && info.offset % 4 == 0 &&
			    info.length && info.offset + info.length <= end,
			    "cap %u (%#x) at %#x+%u outside %#x-%#x", i,
			    info.id, info.offset, info.length, start, end))
			return;
		for (b = info.offset; b < info.offset + info.length; b++) {
			vconfig_owner(vc, b, &idx);
			if (!hcheck(run, idx == (int)i,
				    "byte %#x of cap %u owned by %d", b, i, idx))
				return;
		}
	}
	for (b = 0; b < size && !run->failed; b++) {
		enum vconfig_owner_kind k = vconfig_owner(vc, b, &idx);

		hcheck(run, (b < 0x40) == (k == VCONFIG_OWNER_HEADER),
		       "byte %#x owner kind %d", b, k);
		/* a hidden capability at 0x100 keeps a null header */
		if (k == VCONFIG_OWNER_HIDDEN && (b < 0x100 || b >= 0x104))
			hcheck(run, !vrd(run, vc, b, 1),
			       "hidden byte %#x reads non-zero", b);
	}
}

/* Requests outside the space are refused and reach nothing. */
static void check_range(struct hostile_run *run, struct vconfig *vc)
{
	unsigned int size = vconfig_cfg_size(vc);
	u8 buf[8] = { 0 };
	int ret;

	ret = vconfig_read(vc, size, 1, buf);
	hcheck(run, ret == -EINVAL, "read at the end: %d", ret);
	ret = vconfig_read(vc, size - 2, 4, buf);
	hcheck(run, ret == -EINVAL, "read across the end: %d", ret);
	ret = vconfig_read(vc, UINT_MAX - 1, 4, buf);
	hcheck(run, ret == -EINVAL, "read with a wrapping range: %d", ret);
	ret = vconfig_write(vc, size - 1, 2, buf, NULL);
	hcheck(run, ret == -EINVAL, "write across the end: %d", ret);
	ret = vconfig_write(vc, UINT_MAX, 2, buf, NULL);
	hcheck(run, ret == -EINVAL, "write with a wrapping range: %d", ret);
}

/* Region sizes the engine settled on are sane for their kind. */
static void check_regions(struct hostile_run *run, struct vconfig *vc)
{
	struct vconfig_msix_info msix;
	unsigned int i;

	for (i = 0; i < VCONFIG_NR_REGIONS; i++) {
		u64 size = vconfig_region_size(vc, i);

		hcheck(run, !size || is_power_of_2(size),
		       "region %u size %#llx", i, size);
	}
	vconfig_msix(vc, &msix);
	if (msix.valid)
		hcheck(run, msix.table_bar < VCONFIG_NR_BARS &&
		       msix.pba_bar < VCONFIG_NR_BARS &&
		       (u64)msix.table_offset + msix.table_bytes <=
		       vconfig_region_size(vc, msix.table_bar) &&
		       (u64)msix.pba_offset + msix.pba_bytes <=
		       vconfig_region_size(vc, msix.pba_bar),
		       "MSI-X table %u+%#x+%#x or PBA %u+%#x+%#x outside its BAR",
		       msix.table_bar, msix.table_offset, msix.table_bytes,
		       msix.pba_bar, msix.pba_offset, msix.pba_bytes);
}

static void check_all(struct hostile_run *run, struct hostile_hw *hw,
		      struct vconfig *vc)
{
	u8 *dump;
	int ret;

	check_std_chain(run, vc);
	check_ext_chain(run, vc);
	check_caps_layout(run, vc);
	check_range(run, vc);
	check_regions(run, vc);
	/* the whole space reads in one request */
	dump = kmalloc(VCONFIG_CFG_SIZE_PCIE, GFP_KERNEL);
	if (dump) {
		ret = vconfig_read(vc, 0, vconfig_cfg_size(vc), dump);
		hcheck(run, !ret || (hw->failing && ret == -EIO),
		       "full read: %d", ret);
		kfree(dump);
	}
	hcheck(run, !hw->bad, "%u backend accesses out of contract, first %#x/%u",
	       hw->bad, hw->first_bad & 0xffff, hw->first_bad >> 16);
}

/* Random reads and writes: they succeed, effects stay bounded. */
static void hammer(struct hostile_run *run, struct hostile_hw *hw,
		   struct vconfig *vc, unsigned int rounds)
{
	unsigned int size = vconfig_cfg_size(vc), i, b;
	struct vconfig_effects fx;
	u8 buf[16];
	int ret;

	for (i = 0; i < rounds && !run->failed; i++) {
		unsigned int off = rnd() % size;
		unsigned int len = 1 + rnd() % sizeof(buf);

		if (len > size - off)
			len = size - off;
		for (b = 0; b < len; b++)
			buf[b] = rnd();
		if (rnd() % 2) {
			ret = vconfig_write(vc, off, len, buf, &fx);
			hcheck(run, !ret || (hw->failing && ret == -EIO),
			       "write %#x+%u: %d", off, len, ret);
			hcheck(run, ret || fx.count <= VCONFIG_MAX_EFFECTS,
			       "%u effects", fx.count);
			if (!(rnd() % 16))
				vconfig_vpd_complete(vc, rnd(), rnd() % 2);
		} else {
			ret = vconfig_read(vc, off, len, buf);
			hcheck(run, !ret || (hw->failing && ret == -EIO),
			       "read %#x+%u: %d", off, len, ret);
		}
	}
}

/* ---- cases ---- */

/*
 * A case lays out the space for iteration @i and says what the engine must
 * see: visible standard/extended chain lengths and capability count (-1:
 * anything), and for MSI-X layouts whether the table must be refused.
 */
struct hostile_expect {
	int std;
	int ext;
	int caps;
	bool msix_invalid;
	bool create_may_fail;
};

struct hostile_case {
	const char *name;
	unsigned int iterations;	/* 0: random_cases */
	void (*build)(struct hostile_hw *hw, struct vconfig_config *cfg,
		      unsigned int i, struct hostile_expect *ex);
};

static void build_std_self_loop(struct hostile_hw *hw,
				struct vconfig_config *cfg, unsigned int i,
				struct hostile_expect *ex)
{
	hw_init(hw, VCONFIG_CFG_SIZE_PCI);
	hw_pm(hw, 0x40);
	hw->cfg[0x41] = 0x40;
	hw_config(hw, cfg);
	ex->std = 1;
}

static void build_std_long_loop(struct hostile_hw *hw,
				struct vconfig_config *cfg, unsigned int i,
				struct hostile_expect *ex)
{
	hw_init(hw, VCONFIG_CFG_SIZE_PCI);
	hw_pm(hw, 0x40);
	hw_msi(hw, 0x50, 0);
	hw_vndr(hw, 0x60, 8);
	hw_exp(hw, 0x80);
	hw->cfg[0x81] = 0x50;
	hw_config(hw, cfg);
	ex->std = 4;
	ex->caps = 4;
}

/* 0xff, unaligned and sub-0x40 pointers, as the head and after a cap. */
static const u8 bad_std_pointers[] = {
	0x3c, 0x20, 0x01, 0x3f, 0x41, 0x42, 0x43, 0xff, 0xfd, 0xfe,
};

static void build_std_bad_head(struct hostile_hw *hw,
			       struct vconfig_config *cfg, unsigned int i,
			       struct hostile_expect *ex)
{
	hw_init(hw, VCONFIG_CFG_SIZE_PCI);
	hw->cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
	hw->cfg[PCI_CAPABILITY_LIST] = bad_std_pointers[i];
	hw_config(hw, cfg);
	ex->std = 0;
	ex->caps = 0;
}

static void build_std_bad_next(struct hostile_hw *hw,
			       struct vconfig_config *cfg, unsigned int i,
			       struct hostile_expect *ex)
{
	hw_init(hw, VCONFIG_CFG_SIZE_PCI);
	hw_pm(hw, 0x80);
	hw->cfg[0x81] = bad_std_pointers[i];
	hw_config(hw, cfg);
	ex->std = 1;
}

/* Capabilities whose registers would run past 0xff. */
static void build_std_past_end(struct hostile_hw *hw,
			       struct vconfig_config *cfg, unsigned int i,
			       struct hostile_expect *ex)
{
	static const u8 ids[] = {
		PCI_CAP_ID_PM, PCI_CAP_ID_MSI, PCI_CAP_ID_EXP, PCI_CAP_ID_MSIX,
		PCI_CAP_ID_VPD, PCI_CAP_ID_PCIX, PCI_CAP_ID_AF, PCI_CAP_ID_VNDR,
	};

	hw_init(hw, VCONFIG_CFG_SIZE_PCIE);
	hw_cap(hw, 0xfc, ids[i]);
	/* the most a capability can claim: 64-bit maskable MSI, vendor 0xff */
	hw->cfg[0xfe] = 0xff;
	hw->cfg[0xff] = 0xff;
	hw_aer(hw, 0x100);
	hw_config(hw, cfg);
	ex->std = 1;
	ex->ext = 1;
}

/* Every dword of the standard space a capability. */
static void build_std_full_chain(struct hostile_hw *hw,
				 struct vconfig_config *cfg, unsigned int i,
				 struct hostile_expect *ex)
{
	unsigned int p;

	hw_init(hw, VCONFIG_CFG_SIZE_PCI);
	for (p = 0x40; p < 0x100; p += 4)
		hw_cap(hw, p, p % 8 ? PCI_CAP_ID_SLOTID : PCI_CAP_ID_VNDR);
	for (p = 0x40; p < 0x100; p += 8)
		hw->cfg[p + 2] = 4;
	hw->cfg[0xfd] = 0x40;
	hw_config(hw, cfg);
	ex->caps = 48;
}

/* The whole standard space after the header reads all ones. */
static void build_std_all_ones(struct hostile_hw *hw,
			       struct vconfig_config *cfg, unsigned int i,
			       struct hostile_expect *ex)
{
	hw_init(hw, i ? VCONFIG_CFG_SIZE_PCIE : VCONFIG_CFG_SIZE_PCI);
	memset(hw->cfg + 0x40, 0xff, 0xc0);
	hw->cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
	hw->cfg[PCI_CAPABILITY_LIST] = 0xff;
	hw_config(hw, cfg);
	ex->std = 0;
}

static void build_ext_self_loop(struct hostile_hw *hw,
				struct vconfig_config *cfg, unsigned int i,
				struct hostile_expect *ex)
{
	hw_init(hw, VCONFIG_CFG_SIZE_PCIE);
	hw_aer(hw, 0x100);
	hw_ecap_next(hw, 0x100, 0x100);
	hw_config(hw, cfg);
	ex->ext = 1;
}

static void build_ext_long_loop(struct hostile_hw *hw,
				struct vconfig_config *cfg, unsigned int i,
				struct hostile_expect *ex)
{
	hw_init(hw, VCONFIG_CFG_SIZE_PCIE);
	hw_aer(hw, 0x100);
	hw_ecap_body(hw, 0x200, PCI_EXT_CAP_ID_DSN, 12);
	hw_ecap_body(hw, 0x300, PCI_EXT_CAP_ID_ARI, 8);
	hw_ecap_body(hw, 0xe00, PCI_EXT_CAP_ID_LTR, 8);
	hw_ecap_next(hw, 0xe00, 0x200);
	hw_config(hw, cfg);
	ex->ext = 4;
}

static const u16 bad_ext_pointers[] = {
	0x0fc, 0x040, 0x004, 0x101, 0xffe, 0xfff, 0xffd,
};

static void build_ext_bad_next(struct hostile_hw *hw,
			       struct vconfig_config *cfg, unsigned int i,
			       struct hostile_expect *ex)
{
	hw_init(hw, VCONFIG_CFG_SIZE_PCIE);
	hw_aer(hw, 0x100);
	hw_ecap_next(hw, 0x100, bad_ext_pointers[i]);
	hw_config(hw, cfg);
	ex->ext = 1;
	ex->caps = 1;
}

/* All-ones extended headers: the whole space, or one in the chain. */
static void build_ext_all_ones(struct hostile_hw *hw,
			       struct vconfig_config *cfg, unsigned int i,
			       struct hostile_expect *ex)
{
	hw_init(hw, VCONFIG_CFG_SIZE_PCIE);
	if (i == 0) {
		memset(hw->cfg + 0x100, 0xff, 0xf00);
		ex->ext = 0;
		ex->caps = 0;
	} else {
		hw_aer(hw, 0x100);
		hw_ecap(hw, 0x200, PCI_EXT_CAP_ID_DSN, 1);
		memset(hw->cfg + 0x200, 0xff, 4);
		ex->ext = 1;
		ex->caps = 1;
	}
	hw_config(hw, cfg);
}

/* Extended capabilities running past 0xfff, and one in every dword. */
static void build_ext_past_end(struct hostile_hw *hw,
			       struct vconfig_config *cfg, unsigned int i,
			       struct hostile_expect *ex)
{
	unsigned int p;

	hw_init(hw, VCONFIG_CFG_SIZE_PCIE);
	if (i == 0) {
		hw_aer(hw, 0x100);
		/* VC with arbitration tables far beyond the space */
		hw_ecap(hw, 0xf00, PCI_EXT_CAP_ID_VC, 1);
		hw_set(hw, 0xf00 + PCI_VC_PORT_CAP1, 4, 7);
		hw_set(hw, 0xf00 + PCI_VC_PORT_CAP2, 4, 0xff000000);
		hw_aer(hw, 0xffc);
	} else {
		for (p = 0x100; p < 0x1000; p += 4)
			hw_ecap(hw, p, p % 8 ? PCI_EXT_CAP_ID_DPC :
			       PCI_EXT_CAP_ID_DSN, 1);
	}
	hw_config(hw, cfg);
}

/* Capabilities overlapping their neighbours. */
static void build_overlap(struct hostile_hw *hw, struct vconfig_config *cfg,
			  unsigned int i, struct hostile_expect *ex)
{
	hw_init(hw, VCONFIG_CFG_SIZE_PCIE);
	switch (i) {
	case 0:
		/* PM (8 bytes) with a 24-byte MSI at its second dword */
		hw_pm(hw, 0x40);
		hw_msi(hw, 0x44, PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT);
		ex->std = 2;
		break;
	case 1:
		/* a hidden capability in front of the PM it overlaps */
		hw_pm(hw, 0x40);
		hw_set(hw, 0x44, 4, 0xffff400b);
		hw->cfg[PCI_CAPABILITY_LIST] = 0x44;
		break;
	case 2:
		/* MSI-X inside a 64-bit maskable MSI */
		hw_msi(hw, 0x40, PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT);
		hw_msix(hw, 0x4c, 7, 0, 0x800);
		break;
	case 3:
		/* a DSN inside AER, an ARI inside the DSN */
		hw_aer(hw, 0x100);
		hw_ecap(hw, 0x110, PCI_EXT_CAP_ID_DSN, 1);
		hw_ecap(hw, 0x114, PCI_EXT_CAP_ID_ARI, 1);
		break;
	case 4:
		/* PCIe with its register block overlapped by VPD */
		hw_exp(hw, 0x40);
		hw_cap(hw, 0x48, PCI_CAP_ID_VPD);
		hw_vndr(hw, 0x50, 0x80);
		break;
	}
	hw_config(hw, cfg);
	if (i == 2)
		cfg->region[0].size = 0x1000;
}

/* MSI-X tables and PBAs in places the BARs do not back. */
static void build_msix_bad_bar(struct hostile_hw *hw,
			       struct vconfig_config *cfg, unsigned int i,
			       struct hostile_expect *ex)
{
	static const struct {
		u32 table;
		u32 pba;
	} layouts[] = {
		{ 0x000 | 3, 0x800 | 2 },	/* table in unimplemented BAR3 */
		{ 0x000 | 7, 0x800 | 2 },	/* BIR 7 does not exist */
		{ 0x000 | 2, 0x800 | 5 },	/* PBA in unimplemented BAR5 */
		{ 0xff8 | 2, 0x800 | 2 },	/* table runs past BAR2 */
		{ 0x000 | 2, 0x2000 | 2 },	/* PBA past BAR2 */
		{ 0x000 | 1, 0x800 | 2 },	/* table in BAR0's upper half */
		{ 0xfffffff8 | 2, 0x800 | 2 },	/* offset wraps */
	};

	hw_rich(hw, cfg);
	hw_set(hw, RICH_MSIX + PCI_MSIX_TABLE, 4, layouts[i].table);
	hw_set(hw, RICH_MSIX + PCI_MSIX_PBA, 4, layouts[i].pba);
	ex->msix_invalid = true;
}

/* 64-bit BAR in slot 5, BARs of absurd sizes and kinds. */
static void build_bars(struct hostile_hw *hw, struct vconfig_config *cfg,
		       unsigned int i, struct hostile_expect *ex)
{
	static const struct vconfig_region_desc absurd[][VCONFIG_NR_REGIONS] = {
		{ [5] = { 0x1000, VCONFIG_REGION_MEM64 } },
		{ [0] = { 1ull << 63, VCONFIG_REGION_MEM64 },
		  [2] = { ~0ull, 0 }, [3] = { 3, 0 }, [4] = { 1ull << 40, 0 },
		  [5] = { 1ull << 20, VCONFIG_REGION_IO },
		  [6] = { 1ull << 40, 0 } },
		{ [0] = { ~0ull, VCONFIG_REGION_MEM64 },
		  [2] = { 1, VCONFIG_REGION_IO }, [3] = { 0x80000001, 0 },
		  [4] = { ~0ull, VCONFIG_REGION_IO }, [5] = { 1, 0 },
		  [6] = { ~0ull, 0 } },
	};
	unsigned int b;

	hw_init(hw, VCONFIG_CFG_SIZE_PCI);
	/* every BAR dword writable, as hardware whose sizing is broken */
	for (b = 0; b < VCONFIG_NR_BARS; b++) {
		hw_set_wmask(hw, PCI_BASE_ADDRESS_0 + 4 * b, 4, 0xffffffff);
		if (absurd[i][b].flags & VCONFIG_REGION_IO)
			hw_set(hw, PCI_BASE_ADDRESS_0 + 4 * b, 4, 0xc001);
		else if (absurd[i][b].flags & VCONFIG_REGION_MEM64)
			hw_set(hw, PCI_BASE_ADDRESS_0 + 4 * b, 4,
			       0xe0000000 | PCI_BASE_ADDRESS_MEM_TYPE_64);
		else if (absurd[i][b].size)
			hw_set(hw, PCI_BASE_ADDRESS_0 + 4 * b, 4, 0xd0000000);
	}
	hw_set_wmask(hw, PCI_ROM_ADDRESS, 4, 0xffffffff);
	hw_config(hw, cfg);
	memcpy(cfg->region, absurd[i], sizeof(cfg->region));
}

/* Sizing writes to every BAR of an absurd layout: reads stay consistent. */
static void check_bar_sizing(struct hostile_run *run, struct vconfig *vc,
			     unsigned int layout)
{
	unsigned int b;

	/* the upper half of a 64-bit BAR in slot 5 would lie past the BARs */
	if (layout == 0)
		hcheck(run, !vconfig_region_size(vc, 5),
		       "64-bit BAR5 implemented, size %#llx",
		       vconfig_region_size(vc, 5));
	for (b = 0; b < VCONFIG_NR_BARS && !run->failed; b++) {
		unsigned int off = PCI_BASE_ADDRESS_0 + 4 * b;
		u64 size = vconfig_region_size(vc, b);
		u32 v;

		vconfig_write_reg(vc, off, 4, 0xffffffff, NULL);
		v = vrd(run, vc, off, 4);
		if (!size)
			continue;
		/* the low dword answers a sizing write with the size mask */
		if (v & PCI_BASE_ADDRESS_SPACE_IO)
			hcheck(run, (v & PCI_BASE_ADDRESS_IO_MASK) ==
			       (u32)~(size - 1), "I/O BAR%u sizes %#x for %#llx",
			       b, v, size);
		else
			hcheck(run, (v & PCI_BASE_ADDRESS_MEM_MASK) ==
			       ((u32)~(size - 1) & PCI_BASE_ADDRESS_MEM_MASK),
			       "BAR%u sizes %#x for %#llx", b, v, size);
	}
}

/* Random bytes behind a valid type-0 header. */
static void build_random_space(struct hostile_hw *hw,
			       struct vconfig_config *cfg, unsigned int i,
			       struct hostile_expect *ex)
{
	unsigned int b;

	rnd_seed(seed + i);
	hw_init(hw, i % 4 ? VCONFIG_CFG_SIZE_PCIE : VCONFIG_CFG_SIZE_PCI);
	for (b = 0; b < hw->size; b++) {
		hw->cfg[b] = rnd();
		hw->wmask[b] = rnd();
		hw->w1c[b] = rnd() & ~hw->wmask[b];
	}
	hw->cfg[PCI_HEADER_TYPE] &= 0x80;
	hw->cfg[PCI_VENDOR_ID] = 0x86;
	if (i % 2) {
		hw->cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
		hw->cfg[PCI_CAPABILITY_LIST] = 0x40 + 4 * (rnd() % 48);
	}
	hw_config(hw, cfg);
	for (b = 0; b < VCONFIG_NR_REGIONS; b++) {
		cfg->region[b].size = rnd() % 3 ? 1ull << (rnd() % 40) : rnd();
		cfg->region[b].flags = rnd() & 7;
	}
	cfg->max_msi_vectors = rnd() % 33;
	cfg->flags = rnd() & 3;
}

/* Plausible chains of random capabilities with random contents. */
static void build_random_chain(struct hostile_hw *hw,
			       struct vconfig_config *cfg, unsigned int i,
			       struct hostile_expect *ex)
{
	static const u8 std_ids[] = {
		PCI_CAP_ID_PM, PCI_CAP_ID_VPD, PCI_CAP_ID_MSI, PCI_CAP_ID_PCIX,
		PCI_CAP_ID_VNDR, PCI_CAP_ID_EXP, PCI_CAP_ID_MSIX, PCI_CAP_ID_AF,
		PCI_CAP_ID_AGP, PCI_CAP_ID_HT, 0x00, 0xff,
	};
	static const u16 ext_ids[] = {
		PCI_EXT_CAP_ID_ERR, PCI_EXT_CAP_ID_VC, PCI_EXT_CAP_ID_DSN,
		PCI_EXT_CAP_ID_PWR, PCI_EXT_CAP_ID_VNDR, PCI_EXT_CAP_ID_ACS,
		PCI_EXT_CAP_ID_ARI, PCI_EXT_CAP_ID_ATS, PCI_EXT_CAP_ID_SRIOV,
		PCI_EXT_CAP_ID_REBAR, PCI_EXT_CAP_ID_TPH, PCI_EXT_CAP_ID_LTR,
		PCI_EXT_CAP_ID_PASID, PCI_EXT_CAP_ID_L1SS, PCI_EXT_CAP_ID_DVSEC,
		0x0000, 0xffff,
	};
	unsigned int n, k, b;

	rnd_seed(seed + 1000 + i);
	hw_init(hw, VCONFIG_CFG_SIZE_PCIE);
	for (b = 0x40; b < hw->size; b++) {
		hw->cfg[b] = rnd();
		hw->wmask[b] = rnd();
	}
	for (b = 0; b < VCONFIG_NR_BARS; b++)
		hw_set(hw, PCI_BASE_ADDRESS_0 + 4 * b, 4, rnd());
	n = 1 + rnd() % 10;
	for (k = 0; k < n; k++)
		hw_cap(hw, 0x40 + 4 * (rnd() % 48),
		       std_ids[rnd() % ARRAY_SIZE(std_ids)]);
	hw->cfg[hw->last_std + 1] = rnd() % 4 ? 0 : rnd();
	n = 1 + rnd() % 20;
	for (k = 0; k < n; k++)
		hw_ecap(hw, 0x100 + 4 * (rnd() % 960),
			ext_ids[rnd() % ARRAY_SIZE(ext_ids)], rnd() % 16);
	hw_config(hw, cfg);
	for (b = 0; b < VCONFIG_NR_REGIONS; b++) {
		cfg->region[b].size = rnd() % 3 ? 1ull << (rnd() % 40) : rnd();
		cfg->region[b].flags = rnd() & 7;
	}
}

/* The rich function with random bytes of its capabilities corrupted. */
static void build_mutated(struct hostile_hw *hw, struct vconfig_config *cfg,
			  unsigned int i, struct hostile_expect *ex)
{
	unsigned int k, n;

	rnd_seed(seed + 5000 + i);
	hw_rich(hw, cfg);
	n = 1 + rnd() % 12;
	for (k = 0; k < n; k++)
		hw->cfg[PCI_CAPABILITY_LIST + rnd() % (0x160 - 0x34)] =
			rnd() % 4 ? rnd() : 0xff;
}

/* Registers that change on every read, and a backend failing at random. */
static void build_unreliable(struct hostile_hw *hw,
			     struct vconfig_config *cfg, unsigned int i,
			     struct hostile_expect *ex)
{
	rnd_seed(seed + 7 + i);
	hw_rich(hw, cfg);
	hw->flaky = !(i % 2);
	hw->failing = i % 2;
	ex->create_may_fail = hw->failing;
}

static const struct hostile_case hostile_cases[] = {
	{ "std-self-loop", 1, build_std_self_loop },
	{ "std-long-loop", 1, build_std_long_loop },
	{ "std-bad-head-pointer", ARRAY_SIZE(bad_std_pointers),
	  build_std_bad_head },
	{ "std-bad-next-pointer", ARRAY_SIZE(bad_std_pointers),
	  build_std_bad_next },
	{ "std-cap-past-0xff", 8, build_std_past_end },
	{ "std-full-chain", 1, build_std_full_chain },
	{ "std-all-ones", 2, build_std_all_ones },
	{ "ext-self-loop", 1, build_ext_self_loop },
	{ "ext-long-loop", 1, build_ext_long_loop },
	{ "ext-bad-next-pointer", ARRAY_SIZE(bad_ext_pointers),
	  build_ext_bad_next },
	{ "ext-all-ones-header", 2, build_ext_all_ones },
	{ "ext-cap-past-0xfff", 2, build_ext_past_end },
	{ "overlapping-caps", 5, build_overlap },
	{ "msix-table-outside-bars", 7, build_msix_bad_bar },
	{ "bar64-slot5-absurd-sizes", 3, build_bars },
	{ "random-bytes", 0, build_random_space },
	{ "random-chains", 0, build_random_chain },
	{ "mutated-function", 0, build_mutated },
	{ "unreliable-backend", 4, build_unreliable },
};

static void run_one(struct hostile_run *run, struct hostile_hw *hw,
		    const struct hostile_case *hc, unsigned int i)
{
	struct hostile_expect ex = { -1, -1, -1, false, false };
	struct vconfig_config cfg;
	struct vconfig *vc = NULL;
	int ret;

	run->iteration = i;
	hc->build(hw, &cfg, i, &ex);
	ret = vconfig_create(&cfg, &vc);
	if (ret) {
		hcheck(run, ex.create_may_fail && ret == -EIO && !vc,
		       "create: %d", ret);
		hcheck(run, !hw->bad, "%u backend accesses out of contract",
		       hw->bad);
		/* a failing backend must still allow a create eventually */
		if (!ex.create_may_fail)
			return;
		hw->failing = false;
		ret = vconfig_create(&cfg, &vc);
		hw->failing = true;
		if (!hcheck(run, !ret, "create with a working backend: %d", ret))
			return;
	}
	if (!hw->failing) {
		if (ex.std >= 0)
			hcheck(run, (int)check_std_chain(run, vc) == ex.std,
			       "standard chain is not %d long", ex.std);
		if (ex.ext >= 0)
			hcheck(run, (int)check_ext_chain(run, vc) == ex.ext,
			       "extended chain is not %d long", ex.ext);
		if (ex.caps >= 0)
			hcheck(run, (int)vconfig_nr_caps(vc) == ex.caps,
			       "%u capabilities, expected %d",
			       vconfig_nr_caps(vc), ex.caps);
		if (ex.msix_invalid) {
			struct vconfig_msix_info msix;

			vconfig_msix(vc, &msix);
			hcheck(run, msix.present && !msix.valid,
			       "MSI-X present %d valid %d", msix.present,
			       msix.valid);
		}
		check_all(run, hw, vc);
	}
	if (hc->build == build_bars)
		check_bar_sizing(run, vc, i);
	hammer(run, hw, vc, 2000);
	if (!hw->failing) {
		check_all(run, hw, vc);
		vconfig_reset(vc);
		check_all(run, hw, vc);
	}
	hcheck(run, !hw->bad, "%u backend accesses out of contract", hw->bad);
	vconfig_destroy(vc);
}

static int __init vconfig_hostile_init(void)
{
	struct hostile_hw *hw;
	ktime_t start = ktime_get();
	unsigned int c, i;

	hw = kzalloc(sizeof(*hw), GFP_KERNEL);
	if (!hw)
		return -ENOMEM;
	pr_info("vconfig-hostile: seed %#x, %u random spaces per random case\n",
		seed, random_cases);
	for (c = 0; c < ARRAY_SIZE(hostile_cases); c++) {
		const struct hostile_case *hc = &hostile_cases[c];
		unsigned int n = hc->iterations ?: random_cases;
		struct hostile_run run = { .name = hc->name };

		for (i = 0; i < n && !run.failed; i++) {
			run_one(&run, hw, hc, i);
			cond_resched();
		}
		if (run.failed) {
			hostile_failed++;
			pr_info("vconfig-hostile: FAIL %s: %s\n", hc->name,
				run.why);
		} else {
			hostile_passed++;
			pr_info("vconfig-hostile: PASS %s (%u spaces)\n",
				hc->name, n);
		}
	}
	kfree(hw);
	pr_info("vconfig-hostile: %u passed, %u failed in %lld ms\n",
		hostile_passed, hostile_failed,
		ktime_ms_delta(ktime_get(), start));
	return 0;
}

static void __exit vconfig_hostile_exit(void)
{
}

module_init(vconfig_hostile_init);
module_exit(vconfig_hostile_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("vconfig engine over hostile configuration spaces, in the kernel");
