// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Vendor-specific capabilities, standard and extended. As with vfio-pci,
 * every byte after the headers passes through to hardware for reads and
 * writes: drivers keep mailboxes, semaphores and config windows there
 * (virtio's PCI configuration access capability, mlx5, Thunderbolt). The
 * strict profile makes them read-only. Their length comes from the
 * capability itself.
 */
#include "caps.h"

/* The length byte follows the next pointer; shorter than the header is malformed. */
#define VNDR_MIN_LENGTH		(PCI_CAP_FLAGS + 1)
/* ... and for the extended ones, the two header dwords. */
#define EXT_VNDR_MIN_LENGTH	(PCI_VNDR_HEADER + 4)

/*
 * Open the bytes from @from to the end of the instance to hardware reads
 * and writes. The headers (ID, next pointer, length) stay as the map has
 * them: the chain and the lengths are the engine's.
 */
static void vndr_open(struct vconfig *vc, struct vconfig_cap *cap,
		      unsigned int from)
{
	unsigned int b;

	if (vc_strict(vc))
		return;
	for (b = cap->pos + from; b < cap->pos + cap->len; b++) {
		vc->mask[VCONFIG_CLASS_WRITE][b] = 0xff;
		vc->mask[VCONFIG_CLASS_INVARIANT][b] = 0;
	}
}

static void vndr_init(struct vconfig *vc, struct vconfig_cap *cap)
{
	vndr_open(vc, cap, VNDR_MIN_LENGTH);
}

static void ext_vndr_init(struct vconfig *vc, struct vconfig_cap *cap)
{
	vndr_open(vc, cap, EXT_VNDR_MIN_LENGTH);
}

static const struct vconfig_field vndr_fields[] = {
	VCONFIG_INVARIANT(PCI_CAP_FLAGS, 1, "Length"),
};

static const struct vconfig_layout vndr_layouts[] = {
	VCONFIG_LAYOUT(NULL, vndr_fields),
};

static unsigned int vndr_length(struct vconfig *vc, unsigned int pos)
{
	unsigned int len = vc_hw_cached(vc, pos + PCI_CAP_FLAGS, 1);

	return len < VNDR_MIN_LENGTH ? 0 : len;
}

const struct vconfig_cap_desc vconfig_cap_vendor = {
	.id = PCI_CAP_ID_VNDR,
	.name = "Vendor Specific",
	.length = vndr_length,
	.layouts = vndr_layouts,
	.nr_layouts = ARRAY_SIZE(vndr_layouts),
	.init = vndr_init,
	.doc = "Passthrough after the header (strict: read-only); length from the capability.",
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
	unsigned int len = PCI_VNDR_HEADER_LEN(vc_hw_cached(vc, pos + PCI_VNDR_HEADER, 4));

	return len < EXT_VNDR_MIN_LENGTH ? 0 : len;
}

const struct vconfig_cap_desc vconfig_ecap_vndr = {
	.id = PCI_EXT_CAP_ID_VNDR,
	.extended = true,
	.name = "Vendor-Specific Extended",
	.length = ext_vndr_length,
	.layouts = ext_vndr_layouts,
	.nr_layouts = ARRAY_SIZE(ext_vndr_layouts),
	.init = ext_vndr_init,
	.doc = "Passthrough after the header (strict: read-only); length from the header.",
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
