// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Capability handlers and their effects, hidden-capability splicing in
 * both chains, and vconfig_msix() validity.
 */
#include "check_main.h"
#include "fake_hw.h"

static struct fake_hw hw;

/* Positions of the virtual standard chain, as a guest would walk it. */
static unsigned int std_chain(struct vconfig *vc, unsigned int *pos,
			      unsigned int max)
{
	unsigned int n = 0, p;

	if (!(vrd(vc, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST))
		return 0;
	for (p = vrd(vc, PCI_CAPABILITY_LIST, 1); p && n < max;
	     p = vrd(vc, p + PCI_CAP_LIST_NEXT, 1))
		pos[n++] = p;
	return n;
}

/* Positions of the virtual extended chain; a null header at 0x100 is skipped. */
static unsigned int ext_chain(struct vconfig *vc, unsigned int *pos,
			      unsigned int max)
{
	unsigned int n = 0, p = 0x100;
	u32 header;

	while (p && n < max) {
		header = vrd(vc, p, 4);
		if (!header)
			break;
		if (PCI_EXT_CAP_ID(header) || p != 0x100)
			pos[n++] = p;
		p = PCI_EXT_CAP_NEXT(header);
	}
	return n;
}

static struct vconfig *create_with_msi_limit(unsigned int max)
{
	struct vconfig_config cfg;

	fake_config(&hw, &cfg);
	cfg.max_msi_vectors = max;
	return fake_create_cfg(&cfg);
}

/* ---- Power Management ---- */

START_TEST(test_pm_reset_values)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_pm(&hw, 0x40, PCI_PM_CAP_D1 | PCI_PM_CAP_PME_D0 |
		PCI_PM_CAP_PME_D3hot | 3,
		PCI_PM_CTRL_NO_SOFT_RESET | PCI_PM_CTRL_PME_ENABLE | 2);
	vc = fake_create(&hw);
	/* PME support hidden, the rest of PMC as hardware has it */
	ck_assert_uint_eq(vrd(vc, 0x40 + PCI_PM_PMC, 2), PCI_PM_CAP_D1 | 3);
	ck_assert_uint_eq(vrd(vc, 0x40 + PCI_PM_CTRL, 2),
			  PCI_PM_CTRL_NO_SOFT_RESET | 2);
	ck_assert_uint_eq(vrd(vc, 0x40, 1), PCI_CAP_ID_PM);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_pm_state_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int pmcsr = RICH_PM + PCI_PM_CTRL;
	int i;

	vwr(vc, pmcsr, 2, 3, &fx);
	ck_assert_uint_eq(fx.count, 1);
	i = fx_find(&fx, VCONFIG_EFFECT_POWER_STATE);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].power.from, 0);
	ck_assert_uint_eq(fx.effect[i].power.to, 3);
	ck_assert_uint_eq(vrd(vc, pmcsr, 2) & PCI_PM_CTRL_STATE_MASK, 3);
	/* The front-end moves the function; the engine does not. */
	ck_assert_uint_eq(fake_get(&hw, pmcsr, 2) & PCI_PM_CTRL_STATE_MASK, 0);
	vwr(vc, pmcsr, 2, 3, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vwr(vc, pmcsr, 2, 0, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_POWER_STATE);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].power.from, 3);
	ck_assert_uint_eq(fx.effect[i].power.to, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_pm_unsupported_states_ignored)
{
	struct vconfig_effects fx;
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int pmcsr = RICH_PM + PCI_PM_CTRL;

	/* The rich device has D1 but not D2. */
	vwr(vc, pmcsr, 2, 2, &fx);
	ck_assert_uint_eq(fx.count, 0);
	ck_assert_uint_eq(vrd(vc, pmcsr, 2) & PCI_PM_CTRL_STATE_MASK, 0);
	vwr(vc, pmcsr, 2, 1, &fx);
	ck_assert_int_ge(fx_find(&fx, VCONFIG_EFFECT_POWER_STATE), 0);
	ck_assert_uint_eq(vrd(vc, pmcsr, 2) & PCI_PM_CTRL_STATE_MASK, 1);
	vwr(vc, pmcsr, 2, 2, &fx);
	ck_assert_uint_eq(fx.count, 0);
	ck_assert_uint_eq(vrd(vc, pmcsr, 2) & PCI_PM_CTRL_STATE_MASK, 1);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_pm_pme_virtual)
{
	struct vconfig_effects fx;
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int pmcsr = RICH_PM + PCI_PM_CTRL;

	/* PME_En is read-only 0, as in vfio-pci: no PME can reach the user. */
	vwr(vc, pmcsr, 2, PCI_PM_CTRL_PME_ENABLE, &fx);
	ck_assert_uint_eq(fx.count, 0);
	ck_assert(!(vrd(vc, pmcsr, 2) & PCI_PM_CTRL_PME_ENABLE));
	ck_assert(!(fake_get(&hw, pmcsr, 2) & PCI_PM_CTRL_PME_ENABLE));
	/* Hardware PME_Status does not show through. */
	fake_set(&hw, pmcsr, 2, PCI_PM_CTRL_PME_STATUS);
	ck_assert(!(vrd(vc, pmcsr, 2) & PCI_PM_CTRL_PME_STATUS));
	/* and a written 1 is not echoed to hardware either */
	vwr(vc, pmcsr, 2, PCI_PM_CTRL_PME_STATUS, NULL);
	ck_assert(fake_get(&hw, pmcsr, 2) & PCI_PM_CTRL_PME_STATUS);
	/* PMC PME support reads zero even though hardware has it */
	ck_assert_uint_eq(vrd(vc, RICH_PM + PCI_PM_PMC, 2) & PCI_PM_CAP_PME_MASK, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_pm_data_select_to_hw)
{
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int pmcsr = RICH_PM + PCI_PM_CTRL;

	vwr(vc, pmcsr, 2, 0x0600, NULL);
	ck_assert_uint_eq(fake_get(&hw, pmcsr, 2) & PCI_PM_CTRL_DATA_SEL_MASK, 0x0600);
	ck_assert_uint_eq(vrd(vc, pmcsr, 2) & PCI_PM_CTRL_DATA_SEL_MASK, 0x0600);
	vconfig_destroy(vc);
}
END_TEST

/* ---- MSI ---- */

START_TEST(test_msi_layouts)
{
	static const struct { u16 flags; unsigned int len; } kinds[] = {
		{ 0, 10 },
		{ PCI_MSI_FLAGS_64BIT, 14 },
		{ PCI_MSI_FLAGS_MASKBIT, 20 },
		{ PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT, 24 },
	};
	struct vconfig_cap_info info;
	struct vconfig *vc;
	unsigned int k = _i;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_msi(&hw, 0x60, kinds[k].flags);
	vc = fake_create(&hw);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_MSI, false, &info), 0);
	ck_assert_uint_eq(info.length, kinds[k].len);
	ck_assert_int_eq(vconfig_owner(vc, 0x60 + kinds[k].len - 1, NULL),
			 VCONFIG_OWNER_CAP);
	ck_assert_int_eq(vconfig_owner(vc, 0x60 + kinds[k].len, NULL),
			 VCONFIG_OWNER_UNASSIGNED);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_MSI_FLAGS, 2), kinds[k].flags);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_msi_address_data_virtual)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_msi(&hw, 0x60, PCI_MSI_FLAGS_64BIT);
	memset(hw.wmask + 0x64, 0xff, 10);
	vc = fake_create(&hw);
	vwr(vc, 0x60 + PCI_MSI_ADDRESS_LO, 4, 0xfee01237, NULL);
	vwr(vc, 0x60 + PCI_MSI_ADDRESS_HI, 4, 0x00000001, NULL);
	vwr(vc, 0x60 + PCI_MSI_DATA_64, 2, 0x4041, NULL);
	/* The low two address bits are reserved. */
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_MSI_ADDRESS_LO, 4), 0xfee01234);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_MSI_ADDRESS_HI, 4), 1);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_MSI_DATA_64, 2), 0x4041);
	ck_assert_uint_eq(fake_get(&hw, 0x64, 4), 0);
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_msi_data_32bit)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_msi(&hw, 0x60, 0);
	vc = fake_create(&hw);
	vwr(vc, 0x60 + PCI_MSI_DATA_32, 2, 0x0031, NULL);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_MSI_DATA_32, 2), 0x0031);
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_msi_enable_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int flags = RICH_MSI + PCI_MSI_FLAGS;
	int i;

	vwr(vc, flags, 2, PCI_MSI_FLAGS_ENABLE, &fx);
	ck_assert_uint_eq(fx.count, 1);
	i = fx_find(&fx, VCONFIG_EFFECT_MSI);
	ck_assert_int_ge(i, 0);
	ck_assert(fx.effect[i].msi.enable);
	ck_assert_uint_eq(fx.effect[i].msi.nvec, 1);
	ck_assert(vrd(vc, flags, 2) & PCI_MSI_FLAGS_ENABLE);
	ck_assert(!(fake_get(&hw, flags, 2) & PCI_MSI_FLAGS_ENABLE));
	vwr(vc, flags, 2, 0, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_MSI);
	ck_assert_int_ge(i, 0);
	ck_assert(!fx.effect[i].msi.enable);
	ck_assert_uint_eq(fx.effect[i].msi.nvec, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_msi_multiple_vectors)
{
	struct vconfig_effects fx;
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int flags = RICH_MSI + PCI_MSI_FLAGS;
	int i;

	/* MMC 3 (8 vectors): enabling 4 */
	vwr(vc, flags, 2, PCI_MSI_FLAGS_ENABLE | (2 << 4), &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_MSI);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].msi.nvec, 4);
	/* Changing MME while enabled is an effect too. */
	vwr(vc, flags, 2, PCI_MSI_FLAGS_ENABLE | (3 << 4), &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_MSI);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].msi.nvec, 8);
	/* While disabled it is not. */
	vwr(vc, flags, 2, 0, NULL);
	vwr(vc, flags, 2, 1 << 4, &fx);
	ck_assert_uint_eq(fx.count, 0);
	ck_assert_uint_eq(vrd(vc, flags, 2) & PCI_MSI_FLAGS_QSIZE, 1 << 4);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_msi_mme_clamped_to_mmc)
{
	struct vconfig_effects fx;
	struct vconfig *vc;
	int i;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_msi(&hw, 0x60, 1 << 1);
	vc = fake_create(&hw);
	vwr(vc, 0x60 + PCI_MSI_FLAGS, 2, PCI_MSI_FLAGS_ENABLE | (5 << 4), &fx);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_MSI_FLAGS, 2) & PCI_MSI_FLAGS_QSIZE,
			  1 << 4);
	i = fx_find(&fx, VCONFIG_EFFECT_MSI);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].msi.nvec, 2);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_msi_mmc_clamped_to_limit)
{
	static const struct { u16 mmc; unsigned int max; u16 seen; } cases[] = {
		{ 5, 4, 2 }, { 5, 1, 0 }, { 5, 0, 5 }, { 5, 32, 5 },
		{ 3, 16, 3 }, { 4, 3, 1 }, { 7, 0, 5 }, { 0, 32, 0 },
	};
	unsigned int c = _i;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_msi(&hw, 0x60, cases[c].mmc << 1);
	vc = create_with_msi_limit(cases[c].max);
	ck_assert_uint_eq((vrd(vc, 0x60 + PCI_MSI_FLAGS, 2) &
			   PCI_MSI_FLAGS_QMASK) >> 1, cases[c].seen);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_msi_mask_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = fake_rich_create_strict(&hw);
	unsigned int mask = RICH_MSI + PCI_MSI_MASK_64;
	int i;

	ck_assert_uint_eq(vrd(vc, mask, 4), 0);
	vwr(vc, mask, 4, 0x5, &fx);
	ck_assert_uint_eq(fx.count, 1);
	i = fx_find(&fx, VCONFIG_EFFECT_MSI_MASK);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].msi_mask.mask, 0x5);
	vwr(vc, mask, 4, 0x5, &fx);
	ck_assert_uint_eq(fx.count, 0);
	/* Only the 8 vectors MMC allows can be masked. */
	vwr(vc, mask, 4, 0xffffffff, &fx);
	ck_assert_uint_eq(vrd(vc, mask, 4), 0xff);
	i = fx_find(&fx, VCONFIG_EFFECT_MSI_MASK);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].msi_mask.mask, 0xff);
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

/* Default profile: mask and pending bits reach hardware as with vfio-pci. */
START_TEST(test_msi_mask_hardware)
{
	struct vconfig_effects fx;
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int mask = RICH_MSI + PCI_MSI_MASK_64;
	int i;

	memset(hw.wmask + mask, 0xff, 4);
	fake_set(&hw, mask, 4, 0x3);
	ck_assert_uint_eq(vrd(vc, mask, 4), 0x3);
	vwr(vc, mask, 4, 0xffff0005, &fx);
	ck_assert_uint_eq(fake_get(&hw, mask, 4), 0xffff0005);
	ck_assert_uint_eq(vrd(vc, mask, 4), 0xffff0005);
	i = fx_find(&fx, VCONFIG_EFFECT_MSI_MASK);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].msi_mask.mask, 0xffff0005);
	vwr(vc, mask, 4, 0xffff0005, &fx);
	ck_assert_uint_eq(fx.count, 0);
	fake_clear_log(&hw);
	vwr(vc, RICH_MSI + PCI_MSI_PENDING_64, 4, 0, NULL);
	ck_assert_uint_eq(hw.writes, 1);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_msi_mask_32bit_layout)
{
	struct vconfig_effects fx;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_msi(&hw, 0x60, PCI_MSI_FLAGS_MASKBIT | (5 << 1));
	fake_set(&hw, 0x60 + PCI_MSI_PENDING_32, 4, 0x80000001);
	vc = fake_create_strict(&hw);
	vwr(vc, 0x60 + PCI_MSI_MASK_32, 4, 0xffffffff, &fx);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_MSI_MASK_32, 4), 0xffffffff);
	ck_assert_int_ge(fx_find(&fx, VCONFIG_EFFECT_MSI_MASK), 0);
	/* Pending bits are the device's, read-only */
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_MSI_PENDING_32, 4), 0x80000001);
	vwr(vc, 0x60 + PCI_MSI_PENDING_32, 4, 0, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x60 + PCI_MSI_PENDING_32, 4), 0x80000001);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_msi_flags_invariant)
{
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int flags = RICH_MSI + PCI_MSI_FLAGS;

	fake_set(&hw, flags, 2, 0);
	ck_assert(vrd(vc, flags, 2) & PCI_MSI_FLAGS_64BIT);
	ck_assert(vrd(vc, flags, 2) & PCI_MSI_FLAGS_MASKBIT);
	vwr(vc, flags, 2, 0, NULL);
	ck_assert(vrd(vc, flags, 2) & PCI_MSI_FLAGS_64BIT);
	ck_assert_uint_eq(vrd(vc, flags, 2) & PCI_MSI_FLAGS_QMASK, 3 << 1);
	vconfig_destroy(vc);
}
END_TEST

/* ---- MSI-X ---- */

START_TEST(test_msix_effects)
{
	struct vconfig_effects fx;
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int flags = RICH_MSIX + PCI_MSIX_FLAGS;
	int i;

	ck_assert_uint_eq(vrd(vc, flags, 2), 15);
	vwr(vc, flags, 2, PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL, &fx);
	ck_assert_uint_eq(fx.count, 1);
	i = fx_find(&fx, VCONFIG_EFFECT_MSIX);
	ck_assert_int_ge(i, 0);
	ck_assert(fx.effect[i].msix.enable);
	ck_assert(fx.effect[i].msix.masked);
	vwr(vc, flags, 2, PCI_MSIX_FLAGS_ENABLE, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_MSIX);
	ck_assert_int_ge(i, 0);
	ck_assert(fx.effect[i].msix.enable);
	ck_assert(!fx.effect[i].msix.masked);
	vwr(vc, flags, 2, PCI_MSIX_FLAGS_ENABLE | 0x7ff, &fx);
	ck_assert_uint_eq(fx.count, 0);
	ck_assert_uint_eq(vrd(vc, flags, 2), PCI_MSIX_FLAGS_ENABLE | 15);
	ck_assert_uint_eq(hw.writes, 0);
	ck_assert_uint_eq(fake_get(&hw, flags, 2), 15);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_msix_table_readonly)
{
	struct vconfig *vc = fake_rich_create(&hw);

	vwr(vc, RICH_MSIX + PCI_MSIX_TABLE, 4, 0x1235, NULL);
	vwr(vc, RICH_MSIX + PCI_MSIX_PBA, 4, 0x4443, NULL);
	ck_assert_uint_eq(vrd(vc, RICH_MSIX + PCI_MSIX_TABLE, 4), 0x2000);
	ck_assert_uint_eq(vrd(vc, RICH_MSIX + PCI_MSIX_PBA, 4), 0x3000);
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_msix_info_valid)
{
	struct vconfig_msix_info info;
	struct vconfig *vc = fake_rich_create(&hw);

	vconfig_msix(vc, &info);
	ck_assert(info.present);
	ck_assert(info.valid);
	ck_assert_uint_eq(info.table_size, 16);
	ck_assert_uint_eq(info.table_bar, 0);
	ck_assert_uint_eq(info.table_offset, 0x2000);
	ck_assert_uint_eq(info.table_bytes, 16 * PCI_MSIX_ENTRY_SIZE);
	ck_assert_uint_eq(info.pba_bar, 0);
	ck_assert_uint_eq(info.pba_offset, 0x3000);
	ck_assert_uint_eq(info.pba_bytes, 8);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_msix_info_absent)
{
	struct vconfig_msix_info info;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	vc = fake_create(&hw);
	memset(&info, 0xff, sizeof(info));
	vconfig_msix(vc, &info);
	ck_assert(!info.present);
	ck_assert(!info.valid);
	vconfig_destroy(vc);
}
END_TEST

/*
 * MSI-X placements against BAR0 (64-bit, 16K), BAR2 (32-bit, 4K), BAR4
 * (I/O) and unimplemented BAR3/BAR5.
 */
START_TEST(test_msix_info_validity)
{
	static const struct {
		u16 qsize;
		u32 table, pba;
		bool valid;
		u32 pba_bytes;
	} cases[] = {
		{ 15, 0x2000 | 0, 0x0000 | 2, true, 8 },	/* separate BARs */
		{ 64, 0x0000 | 0, 0x1000 | 0, true, 16 },	/* 65 vectors */
		{ 15, 0x2000 | 6, 0x3000 | 0, false, 8 },	/* BIR 6 */
		{ 15, 0x2000 | 0, 0x3000 | 7, false, 8 },	/* BIR 7 */
		{ 15, 0x0000 | 3, 0x3000 | 0, false, 8 },	/* unimplemented */
		{ 15, 0x0000 | 1, 0x3000 | 0, false, 8 },	/* upper half */
		{ 15, 0x0000 | 4, 0x3000 | 0, false, 8 },	/* I/O BAR */
		{ 15, 0x3f08 | 0, 0x3000 | 2, false, 8 },	/* table past end */
		{ 15, 0x0000 | 2, 0x0ff8 | 2, true, 8 },	/* PBA at the end */
		{ 15, 0x0000 | 2, 0x1000 | 2, false, 8 },	/* PBA past end */
		{ 15, 0x2000 | 0, 0x20f8 | 0, false, 8 },	/* overlap */
		{ 15, 0x2100 | 0, 0x20f8 | 0, true, 8 },	/* PBA just before */
		{ 15, 0x2000 | 0, 0x2100 | 0, true, 8 },	/* PBA just after */
		{ 2047, 0x0000 | 0, 0x2000 | 0, false, 256 },	/* 32K table */
	};
	struct vconfig_msix_info info;
	struct vconfig_config cfg;
	struct vconfig *vc;
	unsigned int c = _i;

	fake_rich(&hw);
	fake_set(&hw, RICH_MSIX + PCI_MSIX_FLAGS, 2, cases[c].qsize);
	fake_set(&hw, RICH_MSIX + PCI_MSIX_TABLE, 4, cases[c].table);
	fake_set(&hw, RICH_MSIX + PCI_MSIX_PBA, 4, cases[c].pba);
	fake_rich_config(&hw, &cfg);
	vc = fake_create_cfg(&cfg);
	vconfig_msix(vc, &info);
	ck_assert(info.present);
	ck_assert_msg(info.valid == cases[c].valid, "case %u: valid %d", c,
		      info.valid);
	ck_assert_uint_eq(info.pba_bytes, cases[c].pba_bytes);
	ck_assert_uint_eq(info.table_bar, cases[c].table & 7);
	vconfig_destroy(vc);
}
END_TEST

/* A table near 4G in a large 64-bit BAR must not wrap past the PBA. */
START_TEST(test_msix_info_overlap_near_4g)
{
	struct vconfig_msix_info info;
	struct vconfig_config cfg;
	struct vconfig *vc;

	fake_rich(&hw);
	fake_set(&hw, RICH_MSIX + PCI_MSIX_FLAGS, 2, 2047);
	fake_set(&hw, RICH_MSIX + PCI_MSIX_TABLE, 4, 0xffff8000);
	fake_set(&hw, RICH_MSIX + PCI_MSIX_PBA, 4, 0xffffc000);
	fake_rich_config(&hw, &cfg);
	cfg.region[0].size = 0x200000000ull;
	vc = fake_create_cfg(&cfg);
	vconfig_msix(vc, &info);
	ck_assert(info.present);
	ck_assert_uint_eq(info.table_bytes, 0x8000);
	/* the PBA lies inside the table */
	ck_assert(!info.valid);
	vconfig_destroy(vc);
}
END_TEST

/* ---- PCI Express ---- */

START_TEST(test_exp_flr_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int devctl = RICH_EXP + PCI_EXP_DEVCTL;
	u16 before = vrd(vc, devctl, 2);

	vwr(vc, devctl, 2, before | PCI_EXP_DEVCTL_BCR_FLR, &fx);
	ck_assert_uint_eq(fx.count, 1);
	ck_assert_int_ge(fx_find(&fx, VCONFIG_EFFECT_FLR), 0);
	ck_assert_uint_eq(vrd(vc, devctl, 2), before);
	ck_assert(!(fake_get(&hw, devctl, 2) & PCI_EXP_DEVCTL_BCR_FLR));
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_exp_flr_needs_devcap)
{
	struct vconfig_effects fx;
	struct vconfig *vc;
	unsigned int devctl = 0x60 + PCI_EXP_DEVCTL;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_exp(&hw, 0x60, 2, 0);
	vc = fake_create(&hw);
	vwr(vc, devctl, 2, PCI_EXP_DEVCTL_BCR_FLR, &fx);
	ck_assert_int_eq(fx_find(&fx, VCONFIG_EFFECT_FLR), -1);
	ck_assert_uint_eq(vrd(vc, devctl, 2) & PCI_EXP_DEVCTL_BCR_FLR, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_exp_readrq_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int devctl = RICH_EXP + PCI_EXP_DEVCTL;
	u16 val = vrd(vc, devctl, 2);
	int i;

	ck_assert_uint_eq(val & PCI_EXP_DEVCTL_READRQ, PCI_EXP_DEVCTL_READRQ_512B);
	val = (val & ~PCI_EXP_DEVCTL_READRQ) | PCI_EXP_DEVCTL_READRQ_4096B;
	vwr(vc, devctl, 2, val, &fx);
	ck_assert_uint_eq(fx.count, 1);
	i = fx_find(&fx, VCONFIG_EFFECT_READRQ);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].readrq.bytes, 4096);
	ck_assert_uint_eq(vrd(vc, devctl, 2) & PCI_EXP_DEVCTL_READRQ,
			  PCI_EXP_DEVCTL_READRQ_4096B);
	/* virtual: hardware keeps its own */
	ck_assert_uint_eq(fake_get(&hw, devctl, 2) & PCI_EXP_DEVCTL_READRQ,
			  PCI_EXP_DEVCTL_READRQ_512B);
	vwr(vc, devctl, 2, val, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vwr(vc, devctl, 2, val & ~PCI_EXP_DEVCTL_READRQ, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_READRQ);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].readrq.bytes, 128);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_exp_devctl_bits)
{
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int devctl = RICH_EXP + PCI_EXP_DEVCTL;
	u16 readrq = PCI_EXP_DEVCTL_READRQ_512B;
	u16 to_hw = PCI_EXP_DEVCTL_CERE | PCI_EXP_DEVCTL_URRE |
		    PCI_EXP_DEVCTL_RELAX_EN | PCI_EXP_DEVCTL_NOSNOOP_EN;

	vwr(vc, devctl, 2, readrq | to_hw | PCI_EXP_DEVCTL_PAYLOAD_256B |
	    PCI_EXP_DEVCTL_PHANTOM, NULL);
	/* MPS virtual, phantom read-only, the rest to hardware */
	ck_assert_uint_eq(vrd(vc, devctl, 2),
			  readrq | to_hw | PCI_EXP_DEVCTL_PAYLOAD_256B);
	ck_assert_uint_eq(fake_get(&hw, devctl, 2), readrq | to_hw);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_exp_devsta_never_echoed)
{
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int devctl = RICH_EXP + PCI_EXP_DEVCTL;
	u16 errs = PCI_EXP_DEVSTA_CED | PCI_EXP_DEVSTA_URD;

	fake_set(&hw, RICH_EXP + PCI_EXP_DEVSTA, 2, errs);
	vwr(vc, devctl, 4, PCI_EXP_DEVCTL_READRQ_512B, NULL);
	ck_assert_uint_eq(fake_get(&hw, RICH_EXP + PCI_EXP_DEVSTA, 2), errs);
	/* and writing ones does not clear them: Device Status is read-only */
	vwr(vc, RICH_EXP + PCI_EXP_DEVSTA, 2, 0xffff, NULL);
	ck_assert_uint_eq(fake_get(&hw, RICH_EXP + PCI_EXP_DEVSTA, 2), errs);
	ck_assert_uint_eq(vrd(vc, RICH_EXP + PCI_EXP_DEVSTA, 2), errs);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_exp_devctl2_no_ari)
{
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int devctl2 = RICH_EXP + PCI_EXP_DEVCTL2;

	vwr(vc, devctl2, 2, 0xffff, NULL);
	ck_assert_uint_eq(fake_get(&hw, devctl2, 2), 0xffff & ~PCI_EXP_DEVCTL2_ARI);
	vwr(vc, devctl2, 2, 0, NULL);
	fake_set(&hw, devctl2, 2, PCI_EXP_DEVCTL2_ARI);
	vwr(vc, devctl2, 2, 0x0005, NULL);
	ck_assert_uint_eq(fake_get(&hw, devctl2, 2), PCI_EXP_DEVCTL2_ARI | 0x0005);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_exp_caps_invariant)
{
	static const unsigned int regs[] = {
		PCI_EXP_DEVCAP, PCI_EXP_LNKCAP, PCI_EXP_DEVCAP2, PCI_EXP_LNKCAP2,
	};
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int i;
	u32 before;

	for (i = 0; i < ARRAY_SIZE(regs); i++) {
		before = vrd(vc, RICH_EXP + regs[i], 4);
		fake_set(&hw, RICH_EXP + regs[i], 4, ~before);
		vwr(vc, RICH_EXP + regs[i], 4, ~before, NULL);
		ck_assert_uint_eq(vrd(vc, RICH_EXP + regs[i], 4), before);
	}
	before = vrd(vc, RICH_EXP + PCI_EXP_FLAGS, 2);
	fake_set(&hw, RICH_EXP + PCI_EXP_FLAGS, 2, 0);
	ck_assert_uint_eq(vrd(vc, RICH_EXP + PCI_EXP_FLAGS, 2), before);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_exp_link_readonly)
{
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int lnkctl = RICH_EXP + PCI_EXP_LNKCTL;

	fake_set(&hw, RICH_EXP + PCI_EXP_LNKSTA, 2, 0x1041 | PCI_EXP_LNKSTA_LBMS);
	vwr(vc, lnkctl, 4, 0xffffffff, NULL);
	ck_assert_uint_eq(fake_get(&hw, lnkctl, 2), 0);
	ck_assert(fake_get(&hw, RICH_EXP + PCI_EXP_LNKSTA, 2) & PCI_EXP_LNKSTA_LBMS);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_exp_v1_length)
{
	struct vconfig_cap_info info;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_exp(&hw, 0x60, 1, PCI_EXP_DEVCAP_FLR);
	vc = fake_create(&hw);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_EXP, false, &info), 0);
	ck_assert_uint_eq(info.length, PCI_CAP_EXP_ENDPOINT_SIZEOF_V1);
	ck_assert_int_eq(vconfig_owner(vc, 0x60 + PCI_EXP_DEVCTL2, NULL),
			 VCONFIG_OWNER_UNASSIGNED);
	vconfig_destroy(vc);

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_exp(&hw, 0x60, 2, 0);
	vc = fake_create(&hw);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_EXP, false, &info), 0);
	ck_assert_uint_eq(info.length, PCI_CAP_EXP_ENDPOINT_SIZEOF_V2);
	vconfig_destroy(vc);

	/* version 0 does not exist: sized as vfio-pci sizes it, as version 2 */
	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_exp(&hw, 0x60, 0, 0);
	vc = fake_create(&hw);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_EXP, false, &info), 0);
	ck_assert_uint_eq(info.length, PCI_CAP_EXP_ENDPOINT_SIZEOF_V2);
	vconfig_destroy(vc);
}
END_TEST

/* Integrated endpoints have no link registers: they follow the unassigned rule. */
START_TEST(test_exp_rc_end_length)
{
	static const struct { u8 ver; unsigned int len; } cases[] = {
		{ 1, PCI_CAP_EXP_RC_ENDPOINT_SIZEOF_V1 },
		{ 2, PCI_CAP_EXP_RC_ENDPOINT_SIZEOF_V2 },
	};
	struct vconfig_cap_info info;
	struct vconfig *vc;
	unsigned int c;

	for (c = 0; c < ARRAY_SIZE(cases); c++) {
		fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
		fake_exp(&hw, 0x60, cases[c].ver, 0);
		fake_set(&hw, 0x60 + PCI_EXP_FLAGS, 2,
			 cases[c].ver | (PCI_EXP_TYPE_RC_END << 4));
		vc = fake_create(&hw);
		ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_EXP, false, &info), 0);
		ck_assert_uint_eq(info.length, cases[c].len);
		ck_assert_int_eq(vconfig_owner(vc, 0x60 + cases[c].len, NULL),
				 VCONFIG_OWNER_UNASSIGNED);
		vconfig_destroy(vc);
	}
	/* Version 1: Link Control is a byte no table claims, raw as with vfio-pci */
	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_exp(&hw, 0x60, 1, 0);
	fake_set(&hw, 0x60 + PCI_EXP_FLAGS, 2, 1 | (PCI_EXP_TYPE_RC_END << 4));
	vc = fake_create(&hw);
	vwr(vc, 0x60 + PCI_EXP_LNKCTL, 2, 0x0003, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x60 + PCI_EXP_LNKCTL, 2), 0x0003);
	vconfig_destroy(vc);
	vc = fake_create_strict(&hw);
	vwr(vc, 0x60 + PCI_EXP_LNKCTL, 2, 0, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x60 + PCI_EXP_LNKCTL, 2), 0x0003);
	vconfig_destroy(vc);
}
END_TEST

/* ---- Advanced Features ---- */

START_TEST(test_af_flr)
{
	static const struct { u8 cap; bool flr; } cases[] = {
		{ PCI_AF_CAP_TP | PCI_AF_CAP_FLR, true },
		{ PCI_AF_CAP_FLR, false },
		{ PCI_AF_CAP_TP, false },
	};
	struct vconfig_effects fx;
	struct vconfig *vc;
	unsigned int c = _i;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_af(&hw, 0x50, cases[c].cap);
	vc = fake_create(&hw);
	vwr(vc, 0x50 + PCI_AF_CTRL, 1, PCI_AF_CTRL_FLR, &fx);
	ck_assert_int_eq(fx_find(&fx, VCONFIG_EFFECT_FLR) >= 0, cases[c].flr);
	ck_assert_uint_eq(vrd(vc, 0x50 + PCI_AF_CTRL, 1), 0);
	ck_assert_uint_eq(hw.cfg[0x50 + PCI_AF_CTRL], 0);
	ck_assert_uint_eq(vrd(vc, 0x50 + PCI_AF_CAP, 1), cases[c].cap);
	vconfig_destroy(vc);
}
END_TEST

/* ---- VPD ---- */

START_TEST(test_vpd_read)
{
	struct vconfig_effects fx;
	struct vconfig *vc;
	int i;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_vpd(&hw, 0x60);
	vc = fake_create(&hw);
	vwr(vc, 0x60 + PCI_VPD_ADDR, 2, 0x0010, &fx);
	ck_assert_uint_eq(fx.count, 1);
	i = fx_find(&fx, VCONFIG_EFFECT_VPD);
	ck_assert_int_ge(i, 0);
	ck_assert(!fx.effect[i].vpd.write);
	ck_assert_uint_eq(fx.effect[i].vpd.addr, 0x10);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_VPD_ADDR, 2), 0x0010);
	vconfig_vpd_complete(vc, 0x44332211, true);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_VPD_ADDR, 2), 0x8010);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_VPD_DATA, 4), 0x44332211);
	/* A second completion without a request changes nothing. */
	vconfig_vpd_complete(vc, 0x55, true);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_VPD_DATA, 4), 0x44332211);
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

/*
 * A byte write of the address low byte changes the address only: like
 * vfio-pci, the engine acts when the byte holding the flag is written.
 */
START_TEST(test_vpd_low_byte_no_op)
{
	struct vconfig_effects fx;
	struct vconfig *vc;
	int i;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_vpd(&hw, 0x60);
	vc = fake_create(&hw);
	vwr(vc, 0x60 + PCI_VPD_ADDR, 2, 0x0010, &fx);
	vconfig_vpd_complete(vc, 0x44332211, true);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_VPD_ADDR, 2), 0x8010);
	vwr(vc, 0x60 + PCI_VPD_ADDR, 1, 0x20, &fx);
	ck_assert_uint_eq(fx.count, 0);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_VPD_ADDR, 2), 0x8020);
	/* The high byte then starts a read of the whole address. */
	vwr(vc, 0x60 + PCI_VPD_ADDR + 1, 1, 0x00, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_VPD);
	ck_assert_int_ge(i, 0);
	ck_assert(!fx.effect[i].vpd.write);
	ck_assert_uint_eq(fx.effect[i].vpd.addr, 0x20);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_vpd_write)
{
	struct vconfig_effects fx;
	struct vconfig *vc;
	int i;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_vpd(&hw, 0x60);
	vc = fake_create(&hw);
	vwr(vc, 0x60 + PCI_VPD_DATA, 4, 0xa5a5a5a5, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vwr(vc, 0x60 + PCI_VPD_ADDR, 2, 0x8020, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_VPD);
	ck_assert_int_ge(i, 0);
	ck_assert(fx.effect[i].vpd.write);
	ck_assert_uint_eq(fx.effect[i].vpd.addr, 0x20);
	ck_assert_uint_eq(fx.effect[i].vpd.data, 0xa5a5a5a5);
	vconfig_vpd_complete(vc, 0, true);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_VPD_ADDR, 2), 0x0020);
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_vpd_failed_completion)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_vpd(&hw, 0x60);
	vc = fake_create(&hw);
	vwr(vc, 0x60 + PCI_VPD_ADDR, 2, 0x0004, NULL);
	vconfig_vpd_complete(vc, 0x1234, false);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_VPD_ADDR, 2), 0x0004);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_VPD_DATA, 4), 0);
	/* the failed request is over: a late completion is ignored */
	vconfig_vpd_complete(vc, 0x1234, true);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_VPD_ADDR, 2), 0x0004);
	vconfig_destroy(vc);
}
END_TEST

/* Without VPD, a completion is harmless. */
START_TEST(test_vpd_complete_without_vpd)
{
	u8 before[VCONFIG_CFG_SIZE_PCIE], after[VCONFIG_CFG_SIZE_PCIE];
	struct vconfig *vc = fake_rich_create(&hw);

	ck_assert_int_eq(vconfig_read(vc, 0, sizeof(before), before), 0);
	vconfig_vpd_complete(vc, 0xffffffff, true);
	ck_assert_int_eq(vconfig_read(vc, 0, sizeof(after), after), 0);
	ck_assert_mem_eq(before, after, sizeof(before));
	vconfig_destroy(vc);
}
END_TEST

/* ---- PCI-X, vendor-specific ---- */

START_TEST(test_pcix)
{
	struct vconfig_cap_info info;
	struct vconfig *vc;
	u32 errs = PCI_X_STATUS_SPL_DISC | PCI_X_STATUS_SPL_ERR;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_pcix(&hw, 0x60, 0x0001 | errs);
	vc = fake_create(&hw);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_PCIX, false, &info), 0);
	ck_assert_uint_eq(info.length, PCI_CAP_PCIX_SIZEOF_V0);
	vwr(vc, 0x60 + PCI_X_CMD, 2, 0x0023, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x60 + PCI_X_CMD, 2), 0x0023);
	ck_assert_uint_eq(vrd(vc, 0x60 + PCI_X_CMD, 2), 0x0023);
	/* Command+ID dword write does not clear status errors */
	vwr(vc, 0x60, 4, 0x00230000, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x60 + PCI_X_STATUS, 4), 0x0001 | errs);
	vwr(vc, 0x60 + PCI_X_STATUS, 4, 0xffffffff, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x60 + PCI_X_STATUS, 4), 0x0001 | errs);
	vconfig_destroy(vc);

	/* version 1/2 (Command bits 13:12): ECC control is there and writable */
	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_pcix(&hw, 0x60, 0);
	fake_set(&hw, 0x60 + PCI_X_CMD, 2, 1 << 12);
	vc = fake_create(&hw);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_PCIX, false, &info), 0);
	ck_assert_uint_eq(info.length, PCI_CAP_PCIX_SIZEOF_V1);
	vwr(vc, 0x60 + PCI_X_ECC_CSR, 4, 0x5, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x60 + PCI_X_ECC_CSR, 4), 0x5);
	vconfig_destroy(vc);

	/* 266/533 MHz capable in Status says nothing about the layout */
	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_pcix(&hw, 0x60, PCI_X_STATUS_266MHZ | PCI_X_STATUS_533MHZ);
	vc = fake_create(&hw);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_PCIX, false, &info), 0);
	ck_assert_uint_eq(info.length, PCI_CAP_PCIX_SIZEOF_V0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_vendor_readonly)
{
	struct vconfig_cap_info info;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_vndr(&hw, 0x60, 12);
	vc = fake_create_strict(&hw);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_VNDR, false, &info), 0);
	ck_assert_uint_eq(info.length, 12);
	ck_assert(!info.hidden);
	ck_assert_uint_eq(vrd(vc, 0x68, 4), 0xabaaa9a8);
	vwr(vc, 0x68, 4, 0, NULL);
	vwr(vc, 0x62, 1, 0xff, NULL);
	ck_assert_uint_eq(hw.writes, 0);
	ck_assert_uint_eq(vrd(vc, 0x62, 1), 12);
	/* body is live hardware */
	hw.cfg[0x6b] = 0x01;
	ck_assert_uint_eq(vrd(vc, 0x6b, 1), 0x01);
	vconfig_destroy(vc);
}
END_TEST

/* Default profile: the body reaches hardware as with vfio-pci; the header does not. */
START_TEST(test_vendor_passthrough)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_vndr(&hw, 0x60, 12);
	memset(hw.wmask + 0x63, 0xff, 9);
	hw.wmask[0x62] = 0xff;
	vc = fake_create(&hw);
	vwr(vc, 0x68, 4, 0x01020304, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x68, 4), 0x01020304);
	ck_assert_uint_eq(vrd(vc, 0x68, 4), 0x01020304);
	vwr(vc, 0x63, 1, 0x5a, NULL);
	ck_assert_uint_eq(hw.cfg[0x63], 0x5a);
	fake_clear_log(&hw);
	vwr(vc, 0x60, 2, 0xffff, NULL);
	vwr(vc, 0x62, 1, 0xff, NULL);
	ck_assert_uint_eq(hw.writes, 0);
	ck_assert_uint_eq(vrd(vc, 0x62, 1), 12);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_ext_vendor_passthrough)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_ecap_body(&hw, 0x100, PCI_EXT_CAP_ID_VNDR, 0x20);
	fake_set(&hw, 0x104, 4, 0x02000001);	/* VSEC ID 1, rev 0, 0x20 bytes */
	vc = fake_create(&hw);
	vwr(vc, 0x110, 4, 0xa1b2c3d4, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x110, 4), 0xa1b2c3d4);
	ck_assert_uint_eq(vrd(vc, 0x110, 4), 0xa1b2c3d4);
	fake_clear_log(&hw);
	vwr(vc, 0x104, 4, 0, NULL);
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
	/* strict: read-only */
	vc = fake_create_strict(&hw);
	fake_clear_log(&hw);
	vwr(vc, 0x110, 4, 0, NULL);
	ck_assert_uint_eq(hw.writes, 0);
	ck_assert_uint_eq(vrd(vc, 0x110, 4), 0xa1b2c3d4);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_vendor_too_short_hidden)
{
	struct vconfig_cap_info info;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_vndr(&hw, 0x60, 2);
	hw.cfg[0x63] = 0x77;
	vc = fake_create_strict(&hw);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_VNDR, false, &info), 0);
	ck_assert(info.hidden);
	ck_assert_uint_eq(vrd(vc, 0x60, 4), 0);
	ck_assert_uint_eq(vrd(vc, PCI_CAPABILITY_LIST, 1), 0);
	vconfig_destroy(vc);
}
END_TEST

/* ---- AER ---- */

START_TEST(test_aer)
{
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int st = RICH_AER + PCI_ERR_UNCOR_STATUS;

	fake_set(&hw, st, 4, PCI_ERR_UNC_UNSUP | PCI_ERR_UNC_COMP_TIME);
	ck_assert_uint_eq(vrd(vc, st, 4), PCI_ERR_UNC_UNSUP | PCI_ERR_UNC_COMP_TIME);
	vwr(vc, st, 4, PCI_ERR_UNC_UNSUP, NULL);
	ck_assert_uint_eq(fake_get(&hw, st, 4), PCI_ERR_UNC_COMP_TIME);
	/* writing the mask next to it does not echo status ones */
	vwr(vc, RICH_AER + PCI_ERR_UNCOR_MASK, 4, PCI_ERR_UNC_ECRC, NULL);
	ck_assert_uint_eq(fake_get(&hw, st, 4), PCI_ERR_UNC_COMP_TIME);
	ck_assert_uint_eq(fake_get(&hw, RICH_AER + PCI_ERR_UNCOR_MASK, 4),
			  PCI_ERR_UNC_ECRC);
	vwr(vc, RICH_AER + PCI_ERR_UNCOR_SEVER, 4, PCI_ERR_UNC_DLP, NULL);
	ck_assert_uint_eq(fake_get(&hw, RICH_AER + PCI_ERR_UNCOR_SEVER, 4),
			  PCI_ERR_UNC_DLP);
	fake_set(&hw, RICH_AER + PCI_ERR_COR_STATUS, 4, PCI_ERR_COR_BAD_TLP);
	vwr(vc, RICH_AER + PCI_ERR_COR_STATUS, 4, PCI_ERR_COR_BAD_TLP, NULL);
	ck_assert_uint_eq(fake_get(&hw, RICH_AER + PCI_ERR_COR_STATUS, 4), 0);
	vwr(vc, RICH_AER + PCI_ERR_COR_MASK, 4, 0xffffffff, NULL);
	ck_assert_uint_eq(fake_get(&hw, RICH_AER + PCI_ERR_COR_MASK, 4),
			  vconfig_class_mask(vc, VCONFIG_CLASS_WRITE,
					     RICH_AER + PCI_ERR_COR_MASK) |
			  (u32)vconfig_class_mask(vc, VCONFIG_CLASS_WRITE,
						  RICH_AER + PCI_ERR_COR_MASK + 1) << 8);
	ck_assert(fake_get(&hw, RICH_AER + PCI_ERR_COR_MASK, 4) & PCI_ERR_COR_REP_ROLL);
	/* ECRC generation enable writable, capability bits invariant */
	vwr(vc, RICH_AER + PCI_ERR_CAP, 4, PCI_ERR_CAP_ECRC_GENE, NULL);
	ck_assert(fake_get(&hw, RICH_AER + PCI_ERR_CAP, 4) & PCI_ERR_CAP_ECRC_GENE);
	fake_set(&hw, RICH_AER + PCI_ERR_CAP, 4, 0);
	ck_assert(vrd(vc, RICH_AER + PCI_ERR_CAP, 4) & PCI_ERR_CAP_ECRC_GENC);
	/* the header log is read-only */
	vwr(vc, RICH_AER + PCI_ERR_HEADER_LOG, 4, 0, NULL);
	ck_assert_uint_eq(vrd(vc, RICH_AER + PCI_ERR_HEADER_LOG, 4), 0x4a000001);
	vconfig_destroy(vc);
}
END_TEST

/* ---- read-only extended capabilities ---- */

static const struct {
	u16 id;
	unsigned int len;
} ro_ecaps[] = {
	{ PCI_EXT_CAP_ID_DSN, 12 },
	{ PCI_EXT_CAP_ID_ACS, 8 },
	{ PCI_EXT_CAP_ID_ARI, 8 },
	{ PCI_EXT_CAP_ID_ATS, 8 },
	{ PCI_EXT_CAP_ID_SRIOV, 0x40 },
	{ PCI_EXT_CAP_ID_LTR, 8 },
	{ PCI_EXT_CAP_ID_L1SS, 0x10 },
	{ PCI_EXT_CAP_ID_PASID, 8 },
	{ PCI_EXT_CAP_ID_PRI, 0x10 },
	{ PCI_EXT_CAP_ID_PTM, 0x0c },
	{ PCI_EXT_CAP_ID_TPH, 0x0c },
	{ PCI_EXT_CAP_ID_VC, 0x1c },
	{ PCI_EXT_CAP_ID_VC9, 0x1c },
};

START_TEST(test_ext_readonly_passthrough)
{
	struct vconfig_cap_info info;
	unsigned int c = _i, pos = 0x200, b;
	struct vconfig *vc;
	u8 before[0x40], after[0x40];

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_aer(&hw, 0x100);
	fake_ecap_body(&hw, pos, ro_ecaps[c].id, 0x40);
	if (ro_ecaps[c].id == PCI_EXT_CAP_ID_ACS)
		fake_set(&hw, pos + PCI_ACS_CAP, 2, 0x001f);
	if (ro_ecaps[c].id == PCI_EXT_CAP_ID_TPH)
		fake_set(&hw, pos + PCI_TPH_CAP, 4, 0);
	if (ro_ecaps[c].id == PCI_EXT_CAP_ID_VC ||
	    ro_ecaps[c].id == PCI_EXT_CAP_ID_VC9) {
		fake_set(&hw, pos + PCI_VC_PORT_CAP1, 4, 0);
		fake_set(&hw, pos + PCI_VC_PORT_CAP2, 4, 0);
		fake_set(&hw, pos + PCI_VC_RES_CAP, 4, 0);
	}
	vc = fake_create(&hw);
	ck_assert_int_ge(find_cap(vc, ro_ecaps[c].id, true, &info), 0);
	ck_assert(!info.hidden);
	ck_assert_uint_eq(info.offset, pos);
	ck_assert_uint_eq(info.length, ro_ecaps[c].len);
	ck_assert_ptr_nonnull(info.name);
	ck_assert_int_eq(vconfig_read(vc, pos, sizeof(before), before), 0);
	ck_assert_mem_eq(before + 4, hw.cfg + pos + 4, ro_ecaps[c].len - 4);
	fake_clear_log(&hw);
	for (b = 0; b < ro_ecaps[c].len; b += 4)
		vwr(vc, pos + b, 4, 0, NULL);
	ck_assert_uint_eq(hw.writes, 0);
	ck_assert_int_eq(vconfig_read(vc, pos, sizeof(after), after), 0);
	ck_assert_mem_eq(before, after, sizeof(after));
	/* AER links to it */
	ck_assert_uint_eq(PCI_EXT_CAP_NEXT(vrd(vc, 0x100, 4)), pos);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_ext_variable_lengths)
{
	struct vconfig_cap_info info;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	/* ACS with a 40-bit egress control vector */
	fake_ecap_body(&hw, 0x100, PCI_EXT_CAP_ID_ACS, 0x40);
	fake_set(&hw, 0x100 + PCI_ACS_CAP, 2, PCI_ACS_EC | (40 << 8));
	/* Resizable BAR with 2 BARs */
	fake_ecap_body(&hw, 0x200, PCI_EXT_CAP_ID_REBAR, 0x40);
	fake_set(&hw, 0x200 + PCI_REBAR_CTRL, 4, 2 << PCI_REBAR_CTRL_NBAR_SHIFT);
	/* TPH with a 4-entry ST table in the capability */
	fake_ecap_body(&hw, 0x300, PCI_EXT_CAP_ID_TPH, 0x40);
	fake_set(&hw, 0x300 + PCI_TPH_CAP, 4, PCI_TPH_LOC_CAP | (3 << 16));
	/* Vendor-specific and DVSEC lengths come from the header */
	fake_ecap_body(&hw, 0x400, PCI_EXT_CAP_ID_VNDR, 0x40);
	fake_set(&hw, 0x404, 4, 0x01800001);
	fake_ecap_body(&hw, 0x500, PCI_EXT_CAP_ID_DVSEC, 0x40);
	fake_set(&hw, 0x504, 4, 0x02000001);
	vc = fake_create(&hw);
	ck_assert_int_ge(find_cap(vc, PCI_EXT_CAP_ID_ACS, true, &info), 0);
	ck_assert_uint_eq(info.length, 16);
	ck_assert_int_ge(find_cap(vc, PCI_EXT_CAP_ID_REBAR, true, &info), 0);
	ck_assert_uint_eq(info.length, 4 + 16);
	ck_assert_int_ge(find_cap(vc, PCI_EXT_CAP_ID_TPH, true, &info), 0);
	ck_assert_uint_eq(info.length, 12 + 8);
	ck_assert_int_ge(find_cap(vc, PCI_EXT_CAP_ID_VNDR, true, &info), 0);
	ck_assert_uint_eq(info.length, 0x18);
	ck_assert(!info.hidden);
	ck_assert_int_ge(find_cap(vc, PCI_EXT_CAP_ID_DVSEC, true, &info), 0);
	ck_assert_uint_eq(info.length, 0x20);
	ck_assert(!info.hidden);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_power_budget_select)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_ecap_body(&hw, 0x100, PCI_EXT_CAP_ID_PWR, 0x10);
	vc = fake_create(&hw);
	vwr(vc, 0x100 + PCI_PWR_DSR, 1, 0x03, NULL);
	ck_assert_uint_eq(hw.cfg[0x100 + PCI_PWR_DSR], 0x03);
	vwr(vc, 0x100 + PCI_PWR_DATA, 4, 0, NULL);
	vwr(vc, 0x100 + PCI_PWR_CAP, 4, 0, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x100 + PCI_PWR_DATA, 4), 0x1b1a1918);
	ck_assert_uint_eq(vrd(vc, 0x100 + PCI_PWR_CAP, 4), 0x1f1e1d1c);
	vconfig_destroy(vc);
}
END_TEST

/* ---- hidden capabilities: standard chain ---- */

/* Three capabilities, one of them hidden at position @_i of the chain. */
START_TEST(test_hidden_std_positions)
{
	static const unsigned int pos[3] = { 0x40, 0x60, 0x80 };
	unsigned int hidden = _i, i, n, seen[4];
	struct vconfig *vc;
	u8 zero[8] = { 0 }, buf[8];

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	for (i = 0; i < 3; i++) {
		if (i == hidden) {
			fake_cap(&hw, pos[i], PCI_CAP_ID_SSVID);
			fake_set(&hw, pos[i] + 4, 4, 0x12345678);
		} else {
			fake_pm(&hw, pos[i], 3, 0);
		}
	}
	vc = fake_create(&hw);
	n = std_chain(vc, seen, ARRAY_SIZE(seen));
	ck_assert_uint_eq(n, 2);
	for (i = 0; i < n; i++) {
		ck_assert_uint_ne(seen[i], pos[hidden]);
		ck_assert_uint_eq(vrd(vc, seen[i], 1), PCI_CAP_ID_PM);
	}
	ck_assert_uint_lt(seen[0], seen[1]);
	ck_assert_int_eq(vconfig_owner(vc, pos[hidden], NULL), VCONFIG_OWNER_HIDDEN);
	ck_assert_int_eq(vconfig_read(vc, pos[hidden], 8, buf), 0);
	ck_assert_mem_eq(buf, zero, 8);
	memset(hw.wmask + pos[hidden], 0xff, 8);
	fake_clear_log(&hw);
	vwr(vc, pos[hidden] + 4, 4, 0xffffffff, NULL);
	ck_assert_uint_eq(hw.reads + hw.writes, 0);
	ck_assert_uint_eq(fake_get(&hw, pos[hidden] + 4, 4), 0x12345678);
	ck_assert_uint_eq(vrd(vc, pos[hidden] + 4, 4), 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_hidden_std_all)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_cap(&hw, 0x40, PCI_CAP_ID_AGP);
	fake_cap(&hw, 0x50, PCI_CAP_ID_HT);
	vc = fake_create(&hw);
	ck_assert_uint_eq(vrd(vc, PCI_CAPABILITY_LIST, 1), 0);
	ck_assert_uint_eq(vrd(vc, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST, 0);
	ck_assert_uint_eq(vrd(vc, 0x40, 4), 0);
	ck_assert_uint_eq(vrd(vc, 0x50, 4), 0);
	ck_assert_uint_eq(vconfig_nr_caps(vc), 2);
	vconfig_destroy(vc);
}
END_TEST

/* Known hidden lengths hide exactly their bytes; unknown ones up to the next. */
START_TEST(test_hidden_std_lengths)
{
	struct vconfig_cap_info info;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_cap(&hw, 0x40, PCI_CAP_ID_AGP);
	fake_cap(&hw, 0x60, 0x42);
	fake_pm(&hw, 0x80, 3, 0);
	vc = fake_create_strict(&hw);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_AGP, false, &info), 0);
	ck_assert(info.hidden);
	ck_assert_uint_eq(info.length, PCI_AGP_SIZEOF);
	ck_assert_ptr_null(info.name);
	ck_assert_int_eq(vconfig_owner(vc, 0x40 + PCI_AGP_SIZEOF, NULL),
			 VCONFIG_OWNER_UNASSIGNED);
	ck_assert_int_ge(find_cap(vc, 0x42, false, &info), 0);
	ck_assert(info.hidden);
	ck_assert_uint_eq(info.length, 0x20);
	ck_assert_uint_eq(vrd(vc, PCI_CAPABILITY_LIST, 1), 0x80);
	vconfig_destroy(vc);
}
END_TEST

/*
 * Default profile: a hidden capability of unknown length claims its header
 * only; the bytes after it follow the unassigned rule (raw, as vfio-pci).
 */
START_TEST(test_hidden_unknown_claims_header)
{
	struct vconfig_cap_info info;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_cap(&hw, 0x60, 0x42);
	fake_pm(&hw, 0x80, 3, 0);
	fake_set(&hw, 0x64, 4, 0x11223344);
	memset(hw.wmask + 0x64, 0xff, 4);
	fake_ecap_body(&hw, 0x100, PCI_EXT_CAP_ID_DSN, 12);
	fake_ecap_body(&hw, 0x200, PCI_EXT_CAP_ID_SECPCI, 0x20);
	fake_set(&hw, 0x100, 4, PCI_EXT_CAP_ID_DSN | (1 << 16) | (0x200 << 20));
	vc = fake_create(&hw);
	ck_assert_int_ge(find_cap(vc, 0x42, false, &info), 0);
	ck_assert(info.hidden);
	ck_assert_uint_eq(info.length, 2);
	ck_assert_uint_eq(vrd(vc, PCI_CAPABILITY_LIST, 1), 0x80);
	ck_assert_uint_eq(vrd(vc, 0x60, 2), 0);
	ck_assert_uint_eq(vrd(vc, 0x64, 4), 0x11223344);
	vwr(vc, 0x64, 4, 0x55667788, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x64, 4), 0x55667788);
	ck_assert_int_ge(find_cap(vc, PCI_EXT_CAP_ID_SECPCI, true, &info), 0);
	ck_assert(info.hidden);
	ck_assert_uint_eq(info.length, PCI_CAP_SIZEOF);
	ck_assert_uint_eq(vrd(vc, 0x200, 4), 0);
	ck_assert_int_eq(vconfig_owner(vc, 0x204, NULL), VCONFIG_OWNER_UNASSIGNED);
	ck_assert_uint_eq(vrd(vc, 0x204, 4), fake_get(&hw, 0x204, 4));
	/* the DSN's next pointer skips the hidden one */
	ck_assert_uint_eq(PCI_EXT_CAP_NEXT(vrd(vc, 0x100, 4)), 0);
	vconfig_destroy(vc);
}
END_TEST

/* ---- hidden capabilities: extended chain ---- */

START_TEST(test_hidden_ext_positions)
{
	static const unsigned int pos[3] = { 0x100, 0x180, 0x200 };
	unsigned int hidden = _i, i, n, seen[4];
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	for (i = 0; i < 3; i++) {
		if (i == hidden)
			fake_ecap_body(&hw, pos[i], PCI_EXT_CAP_ID_MCAST, 0x28);
		else
			fake_ecap_body(&hw, pos[i], PCI_EXT_CAP_ID_DSN, 12);
	}
	vc = fake_create(&hw);
	n = ext_chain(vc, seen, ARRAY_SIZE(seen));
	ck_assert_uint_eq(n, 2);
	for (i = 0; i < n; i++) {
		ck_assert_uint_ne(seen[i], pos[hidden]);
		ck_assert_uint_eq(PCI_EXT_CAP_ID(vrd(vc, seen[i], 4)),
				  PCI_EXT_CAP_ID_DSN);
	}
	if (hidden == 0) {
		/* a null header at 0x100 links to the first visible one */
		ck_assert_uint_eq(vrd(vc, 0x100, 4), (u32)pos[1] << 20);
		ck_assert_uint_eq(vrd(vc, 0x104, 4), 0);
	} else {
		ck_assert_uint_eq(vrd(vc, pos[hidden], 4), 0);
	}
	ck_assert_uint_eq(vrd(vc, pos[hidden] + 0x24, 4), 0);
	ck_assert_int_eq(vconfig_owner(vc, pos[hidden] + 0x27, NULL),
			 VCONFIG_OWNER_HIDDEN);
	ck_assert_int_eq(vconfig_owner(vc, pos[hidden] + 0x28, NULL),
			 VCONFIG_OWNER_UNASSIGNED);
	fake_clear_log(&hw);
	vwr(vc, pos[hidden] + 4, 4, 0xffffffff, NULL);
	vwr(vc, pos[hidden], 4, 0xffffffff, NULL);
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_hidden_ext_all)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_ecap_body(&hw, 0x100, PCI_EXT_CAP_ID_DPC, 0x20);
	fake_ecap_body(&hw, 0x200, PCI_EXT_CAP_ID_SECPCI, 0x20);
	vc = fake_create_strict(&hw);
	ck_assert_uint_eq(vrd(vc, 0x100, 4), 0);
	ck_assert_uint_eq(vrd(vc, 0x200, 4), 0);
	ck_assert_uint_eq(vrd(vc, 0x1fc, 4), 0);
	/* unknown length: hidden up to the next capability */
	ck_assert_int_eq(vconfig_owner(vc, 0x1ff, NULL), VCONFIG_OWNER_HIDDEN);
	ck_assert_int_eq(vconfig_owner(vc, 0xfff, NULL), VCONFIG_OWNER_HIDDEN);
	vconfig_destroy(vc);
}
END_TEST

/* The extended chain head without capabilities reads zero. */
START_TEST(test_ext_empty_head)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_set(&hw, 0x104, 4, 0x11111111);
	vc = fake_create_strict(&hw);
	ck_assert_uint_eq(vrd(vc, 0x100, 4), 0);
	ck_assert_uint_eq(vrd(vc, 0x104, 4), 0);
	vconfig_destroy(vc);
}
END_TEST

/* ---- capability headers ---- */

START_TEST(test_cap_header_readonly)
{
	struct vconfig *vc = fake_rich_create(&hw);

	vwr(vc, RICH_PM, 2, 0x0000, NULL);
	ck_assert_uint_eq(vrd(vc, RICH_PM, 2), PCI_CAP_ID_PM | (RICH_MSI << 8));
	vwr(vc, RICH_AER, 4, 0, NULL);
	ck_assert_uint_eq(vrd(vc, RICH_AER, 4),
			  PCI_EXT_CAP_ID_ERR | (2 << 16) | ((u32)RICH_DSN << 20));
	ck_assert_uint_eq(vrd(vc, RICH_DSN, 4), PCI_EXT_CAP_ID_DSN | (1 << 16));
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

/* ---- reset of capability state ---- */

START_TEST(test_caps_reset)
{
	struct vconfig *vc = fake_rich_create(&hw);

	vwr(vc, RICH_MSI + PCI_MSI_FLAGS, 2, PCI_MSI_FLAGS_ENABLE | 0x30, NULL);
	vwr(vc, RICH_MSIX + PCI_MSIX_FLAGS, 2, PCI_MSIX_FLAGS_MASKALL, NULL);
	vwr(vc, RICH_PM + PCI_PM_CTRL, 2, 3, NULL);
	vwr(vc, RICH_EXP + PCI_EXP_DEVCTL, 2, PCI_EXP_DEVCTL_PAYLOAD_512B, NULL);
	vconfig_reset(vc);
	ck_assert_uint_eq(vrd(vc, RICH_MSI + PCI_MSI_FLAGS, 2),
			  PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT | (3 << 1));
	ck_assert_uint_eq(vrd(vc, RICH_MSIX + PCI_MSIX_FLAGS, 2), 15);
	ck_assert_uint_eq(vrd(vc, RICH_PM + PCI_PM_CTRL, 2),
			  PCI_PM_CTRL_NO_SOFT_RESET);
	ck_assert_uint_eq(vrd(vc, RICH_EXP + PCI_EXP_DEVCTL, 2) &
			  PCI_EXP_DEVCTL_PAYLOAD, 0);
	vconfig_destroy(vc);
}
END_TEST

static Suite *caps_suite(void)
{
	Suite *s = suite_create("caps");
	TCase *tc;

	tc = tcase_create("pm");
	tcase_add_test(tc, test_pm_reset_values);
	tcase_add_test(tc, test_pm_state_effect);
	tcase_add_test(tc, test_pm_unsupported_states_ignored);
	tcase_add_test(tc, test_pm_pme_virtual);
	tcase_add_test(tc, test_pm_data_select_to_hw);
	suite_add_tcase(s, tc);

	tc = tcase_create("msi");
	tcase_add_loop_test(tc, test_msi_layouts, 0, 4);
	tcase_add_test(tc, test_msi_address_data_virtual);
	tcase_add_test(tc, test_msi_data_32bit);
	tcase_add_test(tc, test_msi_enable_effect);
	tcase_add_test(tc, test_msi_multiple_vectors);
	tcase_add_test(tc, test_msi_mme_clamped_to_mmc);
	tcase_add_loop_test(tc, test_msi_mmc_clamped_to_limit, 0, 8);
	tcase_add_test(tc, test_msi_mask_effect);
	tcase_add_test(tc, test_msi_mask_hardware);
	tcase_add_test(tc, test_msi_mask_32bit_layout);
	tcase_add_test(tc, test_msi_flags_invariant);
	suite_add_tcase(s, tc);

	tc = tcase_create("msix");
	tcase_add_test(tc, test_msix_effects);
	tcase_add_test(tc, test_msix_table_readonly);
	tcase_add_test(tc, test_msix_info_valid);
	tcase_add_test(tc, test_msix_info_absent);
	tcase_add_loop_test(tc, test_msix_info_validity, 0, 14);
	tcase_add_test(tc, test_msix_info_overlap_near_4g);
	suite_add_tcase(s, tc);

	tc = tcase_create("pcie");
	tcase_add_test(tc, test_exp_flr_effect);
	tcase_add_test(tc, test_exp_flr_needs_devcap);
	tcase_add_test(tc, test_exp_readrq_effect);
	tcase_add_test(tc, test_exp_devctl_bits);
	tcase_add_test(tc, test_exp_devsta_never_echoed);
	tcase_add_test(tc, test_exp_devctl2_no_ari);
	tcase_add_test(tc, test_exp_caps_invariant);
	tcase_add_test(tc, test_exp_link_readonly);
	tcase_add_test(tc, test_exp_v1_length);
	tcase_add_test(tc, test_exp_rc_end_length);
	suite_add_tcase(s, tc);

	tc = tcase_create("other standard");
	tcase_add_loop_test(tc, test_af_flr, 0, 3);
	tcase_add_test(tc, test_vpd_read);
	tcase_add_test(tc, test_vpd_low_byte_no_op);
	tcase_add_test(tc, test_vpd_write);
	tcase_add_test(tc, test_vpd_failed_completion);
	tcase_add_test(tc, test_vpd_complete_without_vpd);
	tcase_add_test(tc, test_pcix);
	tcase_add_test(tc, test_vendor_readonly);
	tcase_add_test(tc, test_vendor_passthrough);
	tcase_add_test(tc, test_ext_vendor_passthrough);
	tcase_add_test(tc, test_vendor_too_short_hidden);
	tcase_add_test(tc, test_cap_header_readonly);
	tcase_add_test(tc, test_caps_reset);
	suite_add_tcase(s, tc);

	tc = tcase_create("extended");
	tcase_add_test(tc, test_aer);
	tcase_add_loop_test(tc, test_ext_readonly_passthrough, 0,
			    ARRAY_SIZE(ro_ecaps));
	tcase_add_test(tc, test_ext_variable_lengths);
	tcase_add_test(tc, test_power_budget_select);
	suite_add_tcase(s, tc);

	tc = tcase_create("hidden");
	tcase_add_loop_test(tc, test_hidden_std_positions, 0, 3);
	tcase_add_test(tc, test_hidden_std_all);
	tcase_add_test(tc, test_hidden_std_lengths);
	tcase_add_test(tc, test_hidden_unknown_claims_header);
	tcase_add_loop_test(tc, test_hidden_ext_positions, 0, 3);
	tcase_add_test(tc, test_hidden_ext_all);
	tcase_add_test(tc, test_ext_empty_head);
	suite_add_tcase(s, tc);
	return s;
}

VCONFIG_CHECK_MAIN(caps_suite)
