// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * emu: a software model of a PCI function's configuration space.
 *
 * Every byte has a mask of bits software can set and clear (RW) and a mask
 * of write-1-to-clear bits (RW1C); all other bits are read-only. The masks
 * follow the PCI Local Bus and PCI Express specifications for the header
 * and the capabilities the engine virtualizes; BAR masks follow from the
 * region sizes, as they do in hardware. A few registers act on writes
 * (VPD operations, power states the function does not support). Every
 * write is logged so that tests can check what software did to the device.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <vconfig/access.h>
#include <vconfig/emu.h>

#define EMU_VPD_SIZE		0x8000
#define EMU_MAX_STD_CAPS	48
#define EMU_MAX_EXT_CAPS	((VCONFIG_CFG_SIZE_PCIE - VCONFIG_CFG_SIZE_PCI) / 4)

/* Command bits software may change; the rest are hardwired. */
#define EMU_COMMAND_RW	(PCI_COMMAND_IO | PCI_COMMAND_MEMORY |		\
			 PCI_COMMAND_MASTER | PCI_COMMAND_INVALIDATE |	\
			 PCI_COMMAND_PARITY | PCI_COMMAND_SERR |	\
			 PCI_COMMAND_INTX_DISABLE)
/* Status error bits: Master Data Parity Error and bits 11-15. */
#define EMU_STATUS_RW1C	(PCI_STATUS_PARITY | PCI_STATUS_SIG_TARGET_ABORT | \
			 PCI_STATUS_REC_TARGET_ABORT |			\
			 PCI_STATUS_REC_MASTER_ABORT |			\
			 PCI_STATUS_SIG_SYSTEM_ERROR |			\
			 PCI_STATUS_DETECTED_PARITY)
/* Link Control: all defined bits but Retrain Link, which reads 0. */
#define EMU_LNKCTL_RW	0xcfdb
#define EMU_DEVCTL_BCR_EN	0x8000	/* PCIe-to-PCI bridges only */

struct vconfig_emu {
	unsigned int cfg_size;
	u8 config[VCONFIG_CFG_SIZE_PCIE];
	u8 writable[VCONFIG_CFG_SIZE_PCIE];
	u8 rw1c[VCONFIG_CFG_SIZE_PCIE];
	/* capabilities with side effects, 0 when absent */
	u16 pm;
	u16 vpd;
	u8 vpd_data[EMU_VPD_SIZE];
	struct vconfig_emu_write *log;
	unsigned int nr_log;
	unsigned int log_alloc;
};

static u32 cfg_get(const struct vconfig_emu *emu, unsigned int offset,
		   unsigned int size)
{
	if (offset + size > emu->cfg_size)
		return 0;
	return vconfig_get_le(emu->config + offset, size);
}

static void cfg_put(struct vconfig_emu *emu, unsigned int offset,
		    unsigned int size, u32 val)
{
	if (offset + size <= emu->cfg_size)
		vconfig_put_le(emu->config + offset, size, val);
}

/* Declare a register's RW and RW1C bits; parts beyond the space are ignored. */
static void set_bits(struct vconfig_emu *emu, unsigned int offset,
		     unsigned int size, u32 rw, u32 rw1c)
{
	unsigned int i;

	for (i = 0; i < size && offset + i < emu->cfg_size; i++) {
		emu->writable[offset + i] |= (rw | rw1c) >> (8 * i);
		emu->rw1c[offset + i] |= rw1c >> (8 * i);
	}
}

/* Bits that read 0 whatever was captured, such as self-clearing triggers. */
static void clear_bits(struct vconfig_emu *emu, unsigned int offset,
		       unsigned int size, u32 bits)
{
	cfg_put(emu, offset, size, cfg_get(emu, offset, size) & ~bits);
}

static bool valid_access(const struct vconfig_emu *emu, unsigned int offset,
			 unsigned int size)
{
	if (size != 1 && size != 2 && size != 4)
		return false;
	return !(offset & (size - 1)) && offset < emu->cfg_size &&
	       size <= emu->cfg_size - offset;
}

static u8 header_type(const struct vconfig_emu *emu)
{
	return emu->config[PCI_HEADER_TYPE] & 0x7f;
}

static unsigned int nr_bars(const struct vconfig_emu *emu)
{
	switch (header_type(emu)) {
	case PCI_HEADER_TYPE_NORMAL:
		return VCONFIG_NR_BARS;
	case PCI_HEADER_TYPE_BRIDGE:
		return 2;
	case PCI_HEADER_TYPE_CARDBUS:
		return 1;
	default:
		return 0;
	}
}

static unsigned int rom_offset(const struct vconfig_emu *emu)
{
	switch (header_type(emu)) {
	case PCI_HEADER_TYPE_NORMAL:
		return PCI_ROM_ADDRESS;
	case PCI_HEADER_TYPE_BRIDGE:
		return PCI_ROM_ADDRESS1;
	default:
		return 0;
	}
}

/* Round a region size up to a power of two no smaller than @min. */
static u64 decoded_size(u64 size, u64 min)
{
	u64 p = min;

	while (p < size) {
		if (p >> 63)
			return 0;
		p <<= 1;
	}
	return p;
}

static void unimplement_bar(struct vconfig_emu *emu, unsigned int offset,
			    unsigned int dwords)
{
	unsigned int i;

	for (i = 0; i < dwords; i++)
		cfg_put(emu, offset + 4 * i, 4, 0);
}

/* Address bits above the size are RW; the flag bits are hardwired. */
static int setup_bar(struct vconfig_emu *emu, unsigned int index,
		     const struct vconfig_region_desc *r, unsigned int *used)
{
	unsigned int offset = vconfig_bar_offset(index);
	u32 bar = cfg_get(emu, offset, 4);
	u32 type = bar & PCI_BASE_ADDRESS_MEM_TYPE_MASK;
	u64 size, mask;

	*used = 1;
	if (bar & PCI_BASE_ADDRESS_SPACE_IO) {
		size = decoded_size(r->size, 4);
		if (!r->size) {
			unimplement_bar(emu, offset, 1);
			return 0;
		}
		if (!size || size > BIT(31))
			return -EINVAL;
		mask = ~(size - 1) & PCI_BASE_ADDRESS_IO_MASK;
		cfg_put(emu, offset, 4, (bar & (u32)mask) | PCI_BASE_ADDRESS_SPACE_IO);
		set_bits(emu, offset, 4, mask, 0);
		return 0;
	}
	if (type == PCI_BASE_ADDRESS_MEM_TYPE_64)
		*used = 2;
	if (!r->size || type == 0x6 ||
	    (*used == 2 && index + 1 >= nr_bars(emu))) {
		unimplement_bar(emu, offset, min(*used, nr_bars(emu) - index));
		return 0;
	}
	size = decoded_size(r->size, 16);
	if (!size || (*used == 1 && size > BIT(31)))
		return -EINVAL;
	mask = ~(size - 1) & ~(u64)~PCI_BASE_ADDRESS_MEM_MASK;
	cfg_put(emu, offset, 4, (bar & ~PCI_BASE_ADDRESS_MEM_MASK) | (bar & (u32)mask));
	set_bits(emu, offset, 4, (u32)mask, 0);
	if (*used == 2) {
		clear_bits(emu, offset + 4, 4, ~(u32)(mask >> 32));
		set_bits(emu, offset + 4, 4, mask >> 32, 0);
	}
	return 0;
}

static int setup_rom(struct vconfig_emu *emu, const struct vconfig_region_desc *r)
{
	unsigned int offset = rom_offset(emu);
	u64 size;
	u32 mask;

	if (!offset)
		return 0;
	if (!r->size) {
		unimplement_bar(emu, offset, 1);
		return 0;
	}
	size = decoded_size(r->size, 2048);
	if (!size || size > BIT(31))
		return -EINVAL;
	mask = (~(u32)(size - 1) & PCI_ROM_ADDRESS_MASK) | PCI_ROM_ADDRESS_ENABLE;
	clear_bits(emu, offset, 4, ~mask);
	set_bits(emu, offset, 4, mask, 0);
	return 0;
}

static int setup_regions(struct vconfig_emu *emu,
			 const struct vconfig_region_desc region[VCONFIG_NR_REGIONS])
{
	static const struct vconfig_region_desc none;
	unsigned int i, used;
	int ret;

	for (i = 0; i < nr_bars(emu); i += used) {
		ret = setup_bar(emu, i, region ? &region[i] : &none, &used);
		if (ret)
			return ret;
	}
	return setup_rom(emu, region ? &region[VCONFIG_ROM_BAR] : &none);
}

static void setup_header(struct vconfig_emu *emu)
{
	set_bits(emu, PCI_COMMAND, 2, EMU_COMMAND_RW, 0);
	set_bits(emu, PCI_STATUS, 2, 0, EMU_STATUS_RW1C);
	set_bits(emu, PCI_CACHE_LINE_SIZE, 1, 0xff, 0);
	set_bits(emu, PCI_LATENCY_TIMER, 1, 0xff, 0);
	if (header_type(emu) != PCI_HEADER_TYPE_CARDBUS)
		set_bits(emu, PCI_INTERRUPT_LINE, 1, 0xff, 0);
}

static void setup_pm(struct vconfig_emu *emu, unsigned int cap)
{
	emu->pm = cap;
	set_bits(emu, cap + PCI_PM_CTRL, 2,
		 PCI_PM_CTRL_STATE_MASK | PCI_PM_CTRL_PME_ENABLE,
		 PCI_PM_CTRL_PME_STATUS);
}

/* Mask bits exist for the vectors the function can request. */
static u32 msi_vector_bits(u16 flags)
{
	unsigned int mmc = (flags & PCI_MSI_FLAGS_QMASK) >> 1;

	return mmc >= 5 ? 0xffffffff : (u32)BIT(1u << mmc) - 1;
}

static void setup_msi(struct vconfig_emu *emu, unsigned int cap)
{
	u16 flags = cfg_get(emu, cap + PCI_MSI_FLAGS, 2);
	bool is64 = flags & PCI_MSI_FLAGS_64BIT;
	unsigned int data = cap + (is64 ? PCI_MSI_DATA_64 : PCI_MSI_DATA_32);

	set_bits(emu, cap + PCI_MSI_FLAGS, 2,
		 PCI_MSI_FLAGS_ENABLE | PCI_MSI_FLAGS_QSIZE, 0);
	clear_bits(emu, cap + PCI_MSI_ADDRESS_LO, 4, 0x3);
	set_bits(emu, cap + PCI_MSI_ADDRESS_LO, 4, 0xfffffffc, 0);
	if (is64)
		set_bits(emu, cap + PCI_MSI_ADDRESS_HI, 4, 0xffffffff, 0);
	set_bits(emu, data, 2, 0xffff, 0);
	if (flags & PCI_MSI_FLAGS_MASKBIT)
		set_bits(emu, data + 4, 4, msi_vector_bits(flags), 0);
}

static void setup_pcie(struct vconfig_emu *emu, unsigned int cap)
{
	u16 flags = cfg_get(emu, cap + PCI_EXP_FLAGS, 2);
	u32 devctl = 0x7fff;

	/* Bit 15 is Initiate FLR, which reads 0, except on PCIe-to-PCI bridges. */
	if (((flags & PCI_EXP_FLAGS_TYPE) >> 4) == PCI_EXP_TYPE_PCI_BRIDGE)
		devctl |= EMU_DEVCTL_BCR_EN;
	else
		clear_bits(emu, cap + PCI_EXP_DEVCTL, 2, PCI_EXP_DEVCTL_BCR_FLR);
	set_bits(emu, cap + PCI_EXP_DEVCTL, 2, devctl, 0);
	set_bits(emu, cap + PCI_EXP_DEVSTA, 2, 0,
		 PCI_EXP_DEVSTA_CED | PCI_EXP_DEVSTA_NFED |
		 PCI_EXP_DEVSTA_FED | PCI_EXP_DEVSTA_URD);
	clear_bits(emu, cap + PCI_EXP_LNKCTL, 2, PCI_EXP_LNKCTL_RL);
	set_bits(emu, cap + PCI_EXP_LNKCTL, 2, EMU_LNKCTL_RW, 0);
	if ((flags & PCI_EXP_FLAGS_VERS) < 2)
		return;
	set_bits(emu, cap + PCI_EXP_DEVCTL2, 2, 0xffff, 0);
	set_bits(emu, cap + PCI_EXP_LNKCTL2, 2, 0xffff, 0);
}

static void setup_std_cap(struct vconfig_emu *emu, unsigned int cap)
{
	switch (emu->config[cap]) {
	case PCI_CAP_ID_PM:
		setup_pm(emu, cap);
		break;
	case PCI_CAP_ID_VPD:
		emu->vpd = cap;
		set_bits(emu, cap + PCI_VPD_ADDR, 2, 0xffff, 0);
		set_bits(emu, cap + PCI_VPD_DATA, 4, 0xffffffff, 0);
		break;
	case PCI_CAP_ID_MSI:
		setup_msi(emu, cap);
		break;
	case PCI_CAP_ID_MSIX:
		set_bits(emu, cap + PCI_MSIX_FLAGS, 2,
			 PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL, 0);
		break;
	case PCI_CAP_ID_EXP:
		setup_pcie(emu, cap);
		break;
	case PCI_CAP_ID_AF:
		clear_bits(emu, cap + PCI_AF_CTRL, 1, PCI_AF_CTRL_FLR);
		break;
	}
}

static void setup_aer(struct vconfig_emu *emu, unsigned int cap)
{
	u32 capctl = cfg_get(emu, cap + PCI_ERR_CAP, 4);
	u32 ecrc = 0;

	set_bits(emu, cap + PCI_ERR_UNCOR_STATUS, 4, 0, 0xffffffff);
	set_bits(emu, cap + PCI_ERR_UNCOR_MASK, 4, 0xffffffff, 0);
	set_bits(emu, cap + PCI_ERR_UNCOR_SEVER, 4, 0xffffffff, 0);
	set_bits(emu, cap + PCI_ERR_COR_STATUS, 4, 0, 0xffffffff);
	set_bits(emu, cap + PCI_ERR_COR_MASK, 4, 0xffffffff, 0);
	/* An ECRC enable bit is writable only where the check is capable. */
	if (capctl & PCI_ERR_CAP_ECRC_GENC)
		ecrc |= PCI_ERR_CAP_ECRC_GENE;
	if (capctl & PCI_ERR_CAP_ECRC_CHKC)
		ecrc |= PCI_ERR_CAP_ECRC_CHKE;
	set_bits(emu, cap + PCI_ERR_CAP, 4, ecrc, 0);
}

/* The standard chain from 0x34: bounded, stops on a bad or repeated pointer. */
static void walk_std_caps(struct vconfig_emu *emu)
{
	bool seen[VCONFIG_CFG_SIZE_PCI] = { false };
	unsigned int ptr, n;

	if (!(cfg_get(emu, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST) ||
	    header_type(emu) > PCI_HEADER_TYPE_BRIDGE)
		return;
	ptr = cfg_get(emu, PCI_CAPABILITY_LIST, 1);
	for (n = 0; n < EMU_MAX_STD_CAPS; n++) {
		if (ptr < 0x40 || (ptr & 3) || ptr + 2 > emu->cfg_size ||
		    seen[ptr])
			return;
		seen[ptr] = true;
		setup_std_cap(emu, ptr);
		ptr = emu->config[ptr + PCI_CAP_LIST_NEXT];
	}
}

/* The extended chain from 0x100, with the same guards. */
static void walk_ext_caps(struct vconfig_emu *emu)
{
	bool seen[EMU_MAX_EXT_CAPS] = { false };
	unsigned int ptr = VCONFIG_CFG_SIZE_PCI, n;
	u32 header;

	for (n = 0; n < EMU_MAX_EXT_CAPS; n++) {
		if (ptr < VCONFIG_CFG_SIZE_PCI || (ptr & 3) ||
		    ptr + 4 > emu->cfg_size ||
		    seen[(ptr - VCONFIG_CFG_SIZE_PCI) / 4])
			return;
		seen[(ptr - VCONFIG_CFG_SIZE_PCI) / 4] = true;
		header = cfg_get(emu, ptr, 4);
		if (!header || header == 0xffffffff)
			return;
		if (PCI_EXT_CAP_ID(header) == PCI_EXT_CAP_ID_ERR)
			setup_aer(emu, ptr);
		ptr = header >> 20;
		if (!ptr)
			return;
	}
}

/* A small, valid VPD image: an identifier string and the end tag. */
static void setup_vpd_data(struct vconfig_emu *emu)
{
	static const char ident[] = "vconfig emu";
	size_t len = sizeof(ident) - 1;

	memset(emu->vpd_data, 0, sizeof(emu->vpd_data));
	emu->vpd_data[0] = 0x82;
	emu->vpd_data[1] = len;
	emu->vpd_data[2] = 0;
	memcpy(emu->vpd_data + 3, ident, len);
	emu->vpd_data[3 + len] = 0x78;
}

/**
 * vconfig_emu_create() - build a model of a physical function
 * @config: @cfg_size bytes of configuration space, the power-on contents
 * @cfg_size: 64, 256 or 4096
 * @region: BAR and ROM sizes; a size of 0 (or a NULL @region) leaves the
 *	BAR unimplemented, reading 0. Kinds come from the BAR bytes.
 * @out: the new model
 *
 * Return: 0, -EINVAL for a bad size or a region a BAR of its kind cannot
 * decode (over 2 GiB for 32-bit), or -ENOMEM.
 */
int vconfig_emu_create(const u8 *config, unsigned int cfg_size,
		       const struct vconfig_region_desc region[VCONFIG_NR_REGIONS],
		       struct vconfig_emu **out)
{
	struct vconfig_emu *emu;
	int ret;

	if (!out)
		return -EINVAL;
	*out = NULL;
	if (!config || (cfg_size != 64 && cfg_size != VCONFIG_CFG_SIZE_PCI &&
			cfg_size != VCONFIG_CFG_SIZE_PCIE))
		return -EINVAL;
	emu = calloc(1, sizeof(*emu));
	if (!emu)
		return -ENOMEM;
	emu->cfg_size = cfg_size;
	memcpy(emu->config, config, cfg_size);
	setup_header(emu);
	ret = setup_regions(emu, region);
	if (ret) {
		free(emu);
		return ret;
	}
	walk_std_caps(emu);
	if (cfg_size == VCONFIG_CFG_SIZE_PCIE)
		walk_ext_caps(emu);
	setup_vpd_data(emu);
	*out = emu;
	return 0;
}

/**
 * vconfig_emu_destroy() - free a model and its write log
 * @emu: the model, may be NULL
 */
void vconfig_emu_destroy(struct vconfig_emu *emu)
{
	if (!emu)
		return;
	free(emu->log);
	free(emu);
}

static bool covers(unsigned int offset, unsigned int size, unsigned int byte)
{
	return byte >= offset && byte < offset + size;
}

/* PMCSR: a write of a power state the PMC does not offer is discarded. */
static void pm_written(struct vconfig_emu *emu, unsigned int offset,
		       unsigned int size, const u8 *old)
{
	unsigned int ctrl = emu->pm + PCI_PM_CTRL;
	u16 pmc = cfg_get(emu, emu->pm + PCI_PM_PMC, 2);
	u8 state;

	if (!emu->pm || !covers(offset, size, ctrl))
		return;
	state = emu->config[ctrl] & PCI_PM_CTRL_STATE_MASK;
	if ((state == 1 && !(pmc & PCI_PM_CAP_D1)) ||
	    (state == 2 && !(pmc & PCI_PM_CAP_D2)))
		emu->config[ctrl] = (emu->config[ctrl] & ~PCI_PM_CTRL_STATE_MASK) |
				    (old[ctrl - offset] & PCI_PM_CTRL_STATE_MASK);
}

/*
 * VPD: writing the address starts an operation, which the model completes
 * at once. Flag 0 asks for a read: the data register gets the dword and the
 * flag reads 1. Flag 1 asks for the data register to be written: the flag
 * reads 0 when done.
 */
static void vpd_written(struct vconfig_emu *emu, unsigned int offset,
			unsigned int size)
{
	unsigned int reg = emu->vpd + PCI_VPD_ADDR;
	u16 addr;
	unsigned int at;

	if (!emu->vpd || !covers(offset, size, reg + 1) ||
	    reg + 6 > emu->cfg_size)
		return;
	addr = cfg_get(emu, reg, 2);
	at = addr & (EMU_VPD_SIZE - 4);
	if (addr & PCI_VPD_ADDR_F) {
		memcpy(emu->vpd_data + at, emu->config + emu->vpd + PCI_VPD_DATA, 4);
		cfg_put(emu, reg, 2, addr & ~PCI_VPD_ADDR_F);
	} else {
		memcpy(emu->config + emu->vpd + PCI_VPD_DATA, emu->vpd_data + at, 4);
		cfg_put(emu, reg, 2, addr | PCI_VPD_ADDR_F);
	}
}

/* Room for one more entry, taken before the write so a failure changes nothing. */
static int log_reserve(struct vconfig_emu *emu)
{
	if (emu->nr_log == emu->log_alloc) {
		unsigned int n = emu->log_alloc ? emu->log_alloc * 2 : 64;
		struct vconfig_emu_write *log;

		if (n < emu->log_alloc)
			return -ENOMEM;
		log = realloc(emu->log, n * sizeof(*log));
		if (!log)
			return -ENOMEM;
		emu->log = log;
		emu->log_alloc = n;
	}
	return 0;
}

static int emu_read(void *priv, unsigned int offset, unsigned int size,
		    u32 *val)
{
	struct vconfig_emu *emu = priv;

	if (!emu || !val || !valid_access(emu, offset, size))
		return -EINVAL;
	*val = vconfig_get_le(emu->config + offset, size);
	return 0;
}

static int emu_write(void *priv, unsigned int offset, unsigned int size,
		     u32 val)
{
	struct vconfig_emu *emu = priv;
	struct vconfig_emu_write w;
	u8 old[4];
	unsigned int i;
	int ret;

	if (!emu || !valid_access(emu, offset, size))
		return -EINVAL;
	ret = log_reserve(emu);
	if (ret)
		return ret;
	w.offset = offset;
	w.size = size;
	w.value = size == 4 ? val : val & (BIT(8 * size) - 1);
	w.before = vconfig_get_le(emu->config + offset, size);
	memcpy(old, emu->config + offset, size);
	for (i = 0; i < size; i++) {
		u8 byte = w.value >> (8 * i);
		u8 rw = emu->writable[offset + i] & ~emu->rw1c[offset + i];
		u8 rw1c = emu->rw1c[offset + i];
		u8 cur = old[i];

		emu->config[offset + i] = (cur & ~(rw | rw1c)) | (byte & rw) |
					  (cur & rw1c & ~byte);
	}
	pm_written(emu, offset, size, old);
	vpd_written(emu, offset, size);
	w.after = vconfig_get_le(emu->config + offset, size);
	emu->log[emu->nr_log++] = w;
	return 0;
}

/* Reads have no side effect on the model: dwords in a row are its bytes. */
static int emu_read_bulk(void *priv, unsigned int offset, unsigned int size,
			 void *buf)
{
	struct vconfig_emu *emu = priv;

	if (!emu || !buf || (offset | size) & 3 || offset >= emu->cfg_size ||
	    size > emu->cfg_size - offset)
		return -EINVAL;
	memcpy(buf, emu->config + offset, size);
	return 0;
}

const struct vconfig_backend_ops vconfig_emu_ops = {
	.read = emu_read,
	.write = emu_write,
	.read_bulk = emu_read_bulk,
};

/* Size one BAR as a PCI core does; returns the dwords it spans. */
static int probe_bar(struct vconfig_emu *emu, unsigned int index,
		     struct vconfig_region_desc *r, unsigned int *used)
{
	unsigned int offset = vconfig_bar_offset(index);
	u32 lo, lo_size, hi = 0, hi_size = 0;
	u64 bits;
	int ret;

	*used = 1;
	ret = emu_read(emu, offset, 4, &lo);
	ret = ret ?: emu_write(emu, offset, 4, 0xffffffff);
	ret = ret ?: emu_read(emu, offset, 4, &lo_size);
	ret = ret ?: emu_write(emu, offset, 4, lo);
	if (ret)
		return ret;
	if (lo & PCI_BASE_ADDRESS_SPACE_IO) {
		bits = lo_size & PCI_BASE_ADDRESS_IO_MASK;
		r->flags = VCONFIG_REGION_IO;
	} else {
		bits = lo_size & PCI_BASE_ADDRESS_MEM_MASK;
		if (lo & PCI_BASE_ADDRESS_MEM_PREFETCH)
			r->flags = VCONFIG_REGION_PREFETCH;
		if ((lo & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
		    PCI_BASE_ADDRESS_MEM_TYPE_64) {
			*used = 2;
			r->flags |= VCONFIG_REGION_MEM64;
		}
	}
	if (*used == 2 && index + 1 < nr_bars(emu)) {
		ret = emu_read(emu, offset + 4, 4, &hi);
		ret = ret ?: emu_write(emu, offset + 4, 4, 0xffffffff);
		ret = ret ?: emu_read(emu, offset + 4, 4, &hi_size);
		ret = ret ?: emu_write(emu, offset + 4, 4, hi);
		if (ret)
			return ret;
		bits |= (u64)hi_size << 32;
	} else if (*used == 2) {
		bits = 0;	/* a 64-bit BAR in the last slot has no upper half */
	}
	r->size = bits & -bits;
	if (!r->size)
		r->flags = 0;
	return 0;
}

static int probe_rom(struct vconfig_emu *emu, struct vconfig_region_desc *r)
{
	unsigned int offset = rom_offset(emu);
	u32 orig, sized;
	int ret;

	if (!offset)
		return 0;
	ret = emu_read(emu, offset, 4, &orig);
	ret = ret ?: emu_write(emu, offset, 4, orig | PCI_ROM_ADDRESS_MASK);
	ret = ret ?: emu_read(emu, offset, 4, &sized);
	ret = ret ?: emu_write(emu, offset, 4, orig);
	if (ret)
		return ret;
	sized &= PCI_ROM_ADDRESS_MASK;
	r->size = sized & -sized;
	return 0;
}

/**
 * vconfig_emu_probe_regions() - size the BARs and the ROM of the model
 * @emu: the model
 * @region: receives size and kind of BAR0-5 and the ROM; the upper half
 *	of a 64-bit BAR and unimplemented BARs get size 0
 *
 * Decoding is turned off in Command while the BARs hold all ones, as a PCI
 * core does, and every BAR and Command are restored afterwards. The writes
 * go through the model's write path and appear in its log.
 *
 * Return: 0 or -EINVAL.
 */
int vconfig_emu_probe_regions(struct vconfig_emu *emu,
			      struct vconfig_region_desc region[VCONFIG_NR_REGIONS])
{
	u32 cmd = 0, decode = PCI_COMMAND_IO | PCI_COMMAND_MEMORY;
	unsigned int i, used;
	int ret;

	if (!emu || !region)
		return -EINVAL;
	memset(region, 0, sizeof(*region) * VCONFIG_NR_REGIONS);
	ret = emu_read(emu, PCI_COMMAND, 2, &cmd);
	if (!ret && (cmd & decode))
		ret = emu_write(emu, PCI_COMMAND, 2, cmd & ~decode);
	for (i = 0; !ret && i < nr_bars(emu); i += used)
		ret = probe_bar(emu, i, &region[i], &used);
	if (!ret)
		ret = probe_rom(emu, &region[VCONFIG_ROM_BAR]);
	if (cmd & decode) {
		int restored = emu_write(emu, PCI_COMMAND, 2, cmd);

		ret = ret ?: restored;
	}
	return ret;
}

/**
 * vconfig_emu_bytes() - the model's configuration space
 * @emu: the model
 *
 * Return: vconfig_emu_cfg_size() bytes, read without side effects.
 */
const u8 *vconfig_emu_bytes(const struct vconfig_emu *emu)
{
	return emu->config;
}

/**
 * vconfig_emu_poke() - set a byte, bypassing the write rules
 * @emu: the model
 * @offset: the byte; ignored beyond the space
 * @val: its new value
 *
 * Stands in for hardware changing a register by itself (a status bit
 * set by an error, for example). Not logged.
 */
void vconfig_emu_poke(struct vconfig_emu *emu, unsigned int offset, u8 val)
{
	if (offset < emu->cfg_size)
		emu->config[offset] = val;
}

/**
 * vconfig_emu_cfg_size() - size of the model's configuration space
 * @emu: the model
 *
 * Return: 64, 256 or 4096.
 */
unsigned int vconfig_emu_cfg_size(const struct vconfig_emu *emu)
{
	return emu->cfg_size;
}

/**
 * vconfig_emu_writable() - bits of a byte software can change
 * @emu: the model
 * @offset: the byte
 *
 * Return: the RW and RW1C bits of the byte, 0 beyond the space.
 */
u8 vconfig_emu_writable(const struct vconfig_emu *emu, unsigned int offset)
{
	return offset < emu->cfg_size ? emu->writable[offset] : 0;
}

/**
 * vconfig_emu_rw1c() - write-1-to-clear bits of a byte
 * @emu: the model
 * @offset: the byte
 *
 * Return: the RW1C bits of the byte, 0 beyond the space.
 */
u8 vconfig_emu_rw1c(const struct vconfig_emu *emu, unsigned int offset)
{
	return offset < emu->cfg_size ? emu->rw1c[offset] : 0;
}

/**
 * vconfig_emu_nr_writes() - number of writes in the log
 * @emu: the model
 *
 * Return: writes received since creation or the last clear.
 */
unsigned int vconfig_emu_nr_writes(const struct vconfig_emu *emu)
{
	return emu->nr_log;
}

/**
 * vconfig_emu_write_at() - one entry of the write log
 * @emu: the model
 * @index: 0 for the oldest write
 *
 * Return: the entry, or NULL when @index is past the end.
 */
const struct vconfig_emu_write *vconfig_emu_write_at(const struct vconfig_emu *emu,
						     unsigned int index)
{
	return index < emu->nr_log ? &emu->log[index] : NULL;
}

/**
 * vconfig_emu_clear_log() - forget the logged writes
 * @emu: the model
 */
void vconfig_emu_clear_log(struct vconfig_emu *emu)
{
	emu->nr_log = 0;
}
