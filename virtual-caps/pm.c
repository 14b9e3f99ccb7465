// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Power Management. State changes become effects; the front-end moves the
 * function through the PCI core and resets the engine after a D3hot->D0
 * transition that resets it. PME cannot reach the user, so PME support,
 * PME_En and PME_Status are virtual and read as 0.
 */
#include "caps.h"

static const struct vconfig_field pm_fields[] = {
	{ PCI_PM_PMC, 2, PCI_PM_CAP_PME_MASK, 0, 0,
	  (u16)~PCI_PM_CAP_PME_MASK, "PMC" },
	/* PME cannot reach the user: PME_En and PME_Status read as 0, as in vfio-pci. */
	{ PCI_PM_CTRL, 2,
	  PCI_PM_CTRL_STATE_MASK | PCI_PM_CTRL_PME_ENABLE | PCI_PM_CTRL_PME_STATUS,
	  PCI_PM_CTRL_STATE_MASK | PCI_PM_CTRL_DATA_SEL_MASK,
	  PCI_PM_CTRL_PME_STATUS,
	  PCI_PM_CTRL_NO_SOFT_RESET | PCI_PM_CTRL_DATA_SCALE_MASK, "PMCSR" },
	{ PCI_PM_PPB_EXTENSIONS, 1, 0, 0, 0, 0xff, "PMCSR_BSE" },
	{ PCI_PM_DATA_REGISTER, 1, 0, 0, 0, 0, "Data" },
};

static const struct vconfig_layout pm_layouts[] = {
	VCONFIG_LAYOUT(NULL, pm_fields),
};

static void pm_init(struct vconfig *vc, struct vconfig_cap *cap)
{
	u32 ctrl = vc_hw_cached(vc, cap->pos + PCI_PM_CTRL, 2);

	/* The user starts in the state the function is in, PME off. */
	if (vc_cap_has(cap, PCI_PM_CTRL, 2))
		vc_set_reset(vc, cap->pos + PCI_PM_CTRL, 2,
			     ctrl & PCI_PM_CTRL_STATE_MASK);
	vc_set_reset(vc, cap->pos + PCI_PM_PMC, 2, 0);
}

static bool pm_state_supported(struct vconfig *vc, struct vconfig_cap *cap,
			       u8 state)
{
	u32 pmc = vc_hw_cached(vc, cap->pos + PCI_PM_PMC, 2);

	switch (state) {
	case 1:
		return pmc & PCI_PM_CAP_D1;
	case 2:
		return pmc & PCI_PM_CAP_D2;
	default:
		return true;
	}
}

static void pm_write(struct vconfig *vc, struct vconfig_cap *cap,
		     const struct vconfig_write_ctx *ctx)
{
	struct vconfig_effect e = { .type = VCONFIG_EFFECT_POWER_STATE };
	unsigned int reg = cap->pos + PCI_PM_CTRL;
	u32 old, new;
	u8 from, to;

	if (!vc_ctx_reg(vc, cap->pos, ctx, PCI_PM_CTRL, 2, &old, &new))
		return;
	from = old & PCI_PM_CTRL_STATE_MASK;
	to = new & PCI_PM_CTRL_STATE_MASK;
	if (from == to)
		return;
	if (!pm_state_supported(vc, cap, to)) {
		/* Hardware ignores a request for an unsupported state. */
		vc_set_virt(vc, reg, 2, (vc_virt(vc, reg, 2) &
					 ~PCI_PM_CTRL_STATE_MASK) | from);
		return;
	}
	e.power.from = from;
	e.power.to = to;
	vc_emit(vc, &e);
}

const struct vconfig_cap_desc vconfig_cap_pm = {
	.id = PCI_CAP_ID_PM,
	.name = "Power Management",
	.fixed_length = PCI_PM_SIZEOF,
	.layouts = pm_layouts,
	.nr_layouts = ARRAY_SIZE(pm_layouts),
	.init = pm_init,
	.write = pm_write,
	.watch = VCONFIG_WATCH(PCI_PM_CTRL, 2),
	.doc = "Power state changes become effects; PME is virtual and off.",
};
