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
 *
 * The spaces come from tests/hostile/spaces.c, which the unit test
 * (tests/unit/test_hostile.c) shares.
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
#include "tests/hostile/spaces.h"

static unsigned int seed = 0x5eed;
module_param(seed, uint, 0444);
MODULE_PARM_DESC(seed, "seed of the random configuration spaces");

static unsigned int random_cases = 128;
module_param(random_cases, uint, 0444);
MODULE_PARM_DESC(random_cases, "configuration spaces per random case");

/* The function behind the engine: bytes, writable and RW1C masks. */
/* The function behind the engine: a hostile space and how it behaves. */
struct hostile_hw {
	struct hostile_space sp;
	/* backend accesses outside the space or the size/alignment contract */
	unsigned int bad;
	unsigned int first_bad;
	/* reads return changing bytes; accesses fail at random */
	bool flaky;
	bool failing;
};

/* The state of the case being run. */
struct hostile_run {
	const char *name;
	unsigned int iteration;
	bool failed;
	char why[160];
};

static unsigned int hostile_passed, hostile_failed;

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
	    off >= hw->sp.size || size > hw->sp.size - off) {
		if (!hw->bad++)
			hw->first_bad = off | size << 16;
		return false;
	}
	return true;
}

static int hw_read(void *priv, unsigned int off, unsigned int size, u32 *val)
{
	struct hostile_hw *hw = priv;

	if (!hw_access_ok(hw, off, size))
		return -EINVAL;
	if (hw->failing && !(hostile_rnd() % 8))
		return -EIO;
	*val = image_get(&hw->sp.img, off, size);
	if (hw->flaky && off >= 0x40)
		*val ^= hostile_rnd();
	return 0;
}

static int hw_write(void *priv, unsigned int off, unsigned int size, u32 val)
{
	struct hostile_hw *hw = priv;

	if (!hw_access_ok(hw, off, size))
		return -EINVAL;
	if (hw->failing && !(hostile_rnd() % 8))
		return -EIO;
	image_write(&hw->sp.img, off, size, val);
	return 0;
}

static const struct vconfig_backend_ops hw_ops = {
	.read = hw_read,
	.write = hw_write,
};

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
		unsigned int off = hostile_rnd() % size;
		unsigned int len = 1 + hostile_rnd() % sizeof(buf);

		if (len > size - off)
			len = size - off;
		for (b = 0; b < len; b++)
			buf[b] = hostile_rnd();
		if (hostile_rnd() % 2) {
			ret = vconfig_write(vc, off, len, buf, &fx);
			hcheck(run, !ret || (hw->failing && ret == -EIO),
			       "write %#x+%u: %d", off, len, ret);
			hcheck(run, ret || fx.count <= VCONFIG_MAX_EFFECTS,
			       "%u effects", fx.count);
			if (!(hostile_rnd() % 16))
				vconfig_vpd_complete(vc, hostile_rnd(), hostile_rnd() % 2);
		} else {
			ret = vconfig_read(vc, off, len, buf);
			hcheck(run, !ret || (hw->failing && ret == -EIO),
			       "read %#x+%u: %d", off, len, ret);
		}
	}
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

static void run_one(struct hostile_run *run, struct hostile_hw *hw,
		    enum hostile_case_id id, unsigned int i)
{
	const struct hostile_expect *ex = &hw->sp.expect;
	struct vconfig_config cfg;
	struct vconfig *vc = NULL;
	bool create_may_fail;
	int ret;

	run->iteration = i;
	hostile_build(&hw->sp, id, i, seed);
	hw->bad = 0;
	hw->flaky = hw->sp.backend == HOSTILE_FLAKY;
	hw->failing = hw->sp.backend == HOSTILE_FAILING;
	create_may_fail = hw->failing;
	cfg = hw->sp.config;
	cfg.ops = &hw_ops;
	cfg.priv = hw;
	ret = vconfig_create(&cfg, &vc);
	if (ret) {
		hcheck(run, create_may_fail && ret == -EIO && !vc,
		       "create: %d", ret);
		hcheck(run, !hw->bad, "%u backend accesses out of contract",
		       hw->bad);
		/* a failing backend must still allow a create eventually */
		if (!create_may_fail)
			return;
		hw->failing = false;
		ret = vconfig_create(&cfg, &vc);
		hw->failing = true;
		if (!hcheck(run, !ret, "create with a working backend: %d", ret))
			return;
	}
	if (!hw->failing) {
		if (ex->std >= 0)
			hcheck(run, (int)check_std_chain(run, vc) == ex->std,
			       "standard chain is not %d long", ex->std);
		if (ex->ext >= 0)
			hcheck(run, (int)check_ext_chain(run, vc) == ex->ext,
			       "extended chain is not %d long", ex->ext);
		if (ex->caps >= 0)
			hcheck(run, (int)vconfig_nr_caps(vc) == ex->caps,
			       "%u capabilities, expected %d",
			       vconfig_nr_caps(vc), ex->caps);
		if (ex->msix_invalid) {
			struct vconfig_msix_info msix;

			vconfig_msix(vc, &msix);
			hcheck(run, msix.present && !msix.valid,
			       "MSI-X present %d valid %d", msix.present,
			       msix.valid);
		}
		check_all(run, hw, vc);
	}
	if (id == HOSTILE_BARS)
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
			run_one(&run, hw, c, i);
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
