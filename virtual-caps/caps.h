/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Capability families of the vconfig engine, one file each; registry.c
 * lists them in one table.
 */
#ifndef VCONFIG_CAPS_H
#define VCONFIG_CAPS_H

#include "../vconfig/internal.h"

/* Standard capabilities. */
extern const struct vconfig_cap_desc vconfig_cap_pm;
extern const struct vconfig_cap_desc vconfig_cap_vpd;
extern const struct vconfig_cap_desc vconfig_cap_msi;
extern const struct vconfig_cap_desc vconfig_cap_pcix;
extern const struct vconfig_cap_desc vconfig_cap_vendor;
extern const struct vconfig_cap_desc vconfig_cap_exp;
extern const struct vconfig_cap_desc vconfig_cap_msix;
extern const struct vconfig_cap_desc vconfig_cap_af;

/* Extended capabilities. */
extern const struct vconfig_cap_desc vconfig_ecap_aer;
extern const struct vconfig_cap_desc vconfig_ecap_vc;
extern const struct vconfig_cap_desc vconfig_ecap_vc9;
extern const struct vconfig_cap_desc vconfig_ecap_dsn;
extern const struct vconfig_cap_desc vconfig_ecap_pwr;
extern const struct vconfig_cap_desc vconfig_ecap_vndr;
extern const struct vconfig_cap_desc vconfig_ecap_acs;
extern const struct vconfig_cap_desc vconfig_ecap_ari;
extern const struct vconfig_cap_desc vconfig_ecap_ats;
extern const struct vconfig_cap_desc vconfig_ecap_sriov;
extern const struct vconfig_cap_desc vconfig_ecap_rebar;
extern const struct vconfig_cap_desc vconfig_ecap_tph;
extern const struct vconfig_cap_desc vconfig_ecap_ltr;
extern const struct vconfig_cap_desc vconfig_ecap_pasid;
extern const struct vconfig_cap_desc vconfig_ecap_pri;
extern const struct vconfig_cap_desc vconfig_ecap_l1ss;
extern const struct vconfig_cap_desc vconfig_ecap_ptm;
extern const struct vconfig_cap_desc vconfig_ecap_dvsec;

/* A field of the same register in every descriptor: the whole cap is RO. */
#define VCONFIG_INVARIANT(off, size, name) \
	{ off, size, 0, 0, 0, (u32)((1ull << (8 * (size))) - 1), name }

#endif /* VCONFIG_CAPS_H */
