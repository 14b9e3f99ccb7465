// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Vendor-specific capabilities, standard and extended: read-only
 * passthrough. Their length comes from the capability itself.
 */
#include "caps.h"

static const struct vconfig_field vndr_fields[] = {
	VCONFIG_INVARIANT(PCI_CAP_FLAGS, 1, "Length"),
};

static const struct vconfig_layout vndr_layouts[] = {
	VCONFIG_LAYOUT(NULL, vndr_fields),
};

static unsigned int vndr_length(struct vconfig *vc, unsigned int pos)
{
	unsigned int len = vc_hw_cached(vc, pos + PCI_CAP_FLAGS, 1);

	return len < 3 ? 0 : len;
}

const struct vconfig_cap_desc vconfig_cap_vendor = {
	.id = PCI_CAP_ID_VNDR,
	.name = "Vendor Specific",
	.length = vndr_length,
	.layouts = vndr_layouts,
	.nr_layouts = ARRAY_SIZE(vndr_layouts),
	.doc = "Read-only passthrough; length from the capability.",
};

static const struct vconfig_field ext_vndr_fields[] = {
	VCONFIG_INVARIANT(PCI_VNDR_HEADER, 4, "Vendor-Specific Header"),
};

static const struct vconfig_layout ext_vndr_layouts[] = {
	VCONFIG_LAYOUT(NULL, ext_vndr_fields),
};

/* Extended vendor-specific and DVSEC both keep their length in bits 31:20 at +4. */
static unsigned int ext_vndr_length(struct vconfig *vc, unsigned int pos)
{
	unsigned int len = vc_hw_cached(vc, pos + PCI_VNDR_HEADER, 4) >> 20;

	return len < 8 ? 0 : len;
}

const struct vconfig_cap_desc vconfig_ecap_vndr = {
	.id = PCI_EXT_CAP_ID_VNDR,
	.extended = true,
	.name = "Vendor-Specific Extended",
	.length = ext_vndr_length,
	.layouts = ext_vndr_layouts,
	.nr_layouts = ARRAY_SIZE(ext_vndr_layouts),
	.doc = "Read-only passthrough; length from the header.",
};

static const struct vconfig_field dvsec_fields[] = {
	VCONFIG_INVARIANT(PCI_DVSEC_HEADER1, 4, "DVSEC Header 1"),
	VCONFIG_INVARIANT(PCI_DVSEC_HEADER2, 2, "DVSEC Header 2"),
};

static const struct vconfig_layout dvsec_layouts[] = {
	VCONFIG_LAYOUT(NULL, dvsec_fields),
};

const struct vconfig_cap_desc vconfig_ecap_dvsec = {
	.id = PCI_EXT_CAP_ID_DVSEC,
	.extended = true,
	.name = "Designated Vendor-Specific",
	.length = ext_vndr_length,
	.layouts = dvsec_layouts,
	.nr_layouts = ARRAY_SIZE(dvsec_layouts),
	.doc = "Read-only passthrough; length from DVSEC Header 1.",
};
