// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The reference model of vfio-pci's configuration space (see
 * vfio-model.h). Structure follows what vfio-pci does: a map from byte to
 * capability, permission bits (virtual, writable) per capability kind, a
 * virtual copy filled from hardware at init, and accesses chopped into
 * aligned pieces that stay inside one dword and one capability.
 */
#include <vconfig/access.h>
#include <string.h>
#include "vfio-model.h"

#define ALL	0xffffffffu

static u32 hw_rd(struct vfio_model *vm, unsigned int pos, unsigned int n)
{
	u32 v = 0;

	if (vm->ops->read(vm->priv, pos, n, &v))
		return ~0u >> (32 - 8 * n);
	return v;
}

static void hw_wr(struct vfio_model *vm, unsigned int pos, unsigned int n, u32 v)
{
	vm->ops->write(vm->priv, pos, n, v);
}

static void act_at(struct vfio_model *vm, enum vfio_model_action_type t, u32 arg,
		   u32 data, unsigned int where)
{
	if (vm->nr_actions < VM_MAX_ACTIONS)
		vm->action[vm->nr_actions++] = (struct vfio_model_action){
			.type = t, .arg = arg, .data = data, .where = where };
}

static void act(struct vfio_model *vm, enum vfio_model_action_type t, u32 arg,
		u32 data)
{
	act_at(vm, t, arg, data, 0);
}

/* p_setb/p_setw/p_setd of vfio-pci: perm bits of a register of a structure. */
static void perm(struct vfio_model *vm, unsigned int start, unsigned int len,
		 unsigned int off, unsigned int n, u32 virt, u32 write)
{
	unsigned int i;

	for (i = 0; i < n && off + i < len; i++) {
		if (start + off + i >= vm->cfg_size)
			return;
		vm->virt[start + off + i] = virt >> (8 * i);
		vm->write[start + off + i] = write >> (8 * i);
	}
}

/* vfio_fill_vconfig_bytes(): dwords where aligned, else words or bytes. */
static void fill(struct vfio_model *vm, unsigned int pos, unsigned int len)
{
	while (len) {
		unsigned int n = (len >= 4 && !(pos % 4)) ? 4 :
				 (len >= 2 && !(pos % 2)) ? 2 : 1;

		vconfig_put_le(vm->vconfig + pos, n, hw_rd(vm, pos, n));
		pos += n;
		len -= n;
	}
}

/* ---- lengths, as pci_cap_length[] and vfio_cap_len() give them ---- */

static unsigned int exp_flags_type(struct vfio_model *vm, unsigned int pos)
{
	return (hw_rd(vm, pos + PCI_EXP_FLAGS, 2) & PCI_EXP_FLAGS_TYPE) >> 4;
}

static unsigned int std_len(struct vfio_model *vm, u8 id, unsigned int pos)
{
	u32 v;

	switch (id) {
	case PCI_CAP_ID_PM:
		return PCI_PM_SIZEOF;
	case PCI_CAP_ID_AGP:
		return PCI_AGP_SIZEOF;
	case PCI_CAP_ID_VPD:
		return PCI_CAP_VPD_SIZEOF;
	case PCI_CAP_ID_MSIX:
		return PCI_CAP_MSIX_SIZEOF;
	case PCI_CAP_ID_AF:
		return PCI_CAP_AF_SIZEOF;
	case PCI_CAP_ID_MSI:
		v = hw_rd(vm, pos + PCI_MSI_FLAGS, 2);
		return 10 + ((v & PCI_MSI_FLAGS_64BIT) ? 4 : 0) +
		       ((v & PCI_MSI_FLAGS_MASKBIT) ? 10 : 0);
	case PCI_CAP_ID_PCIX:
		v = hw_rd(vm, pos + PCI_X_CMD, 2);
		if (PCI_X_CMD_VERSION(v)) {
			if (vm->cfg_size > VCONFIG_CFG_SIZE_PCI)
				vm->extended_caps = hw_rd(vm, 0x100, 4) != 0;
			return PCI_CAP_PCIX_SIZEOF_V2;
		}
		return PCI_CAP_PCIX_SIZEOF_V0;
	case PCI_CAP_ID_VNDR:
		return hw_rd(vm, pos + PCI_CAP_FLAGS, 1);
	case PCI_CAP_ID_EXP:
		if (vm->cfg_size > VCONFIG_CFG_SIZE_PCI)
			vm->extended_caps = hw_rd(vm, 0x100, 4) != 0;
		v = hw_rd(vm, pos + PCI_EXP_FLAGS, 2) & PCI_EXP_FLAGS_VERS;
		if (v == 1)
			return exp_flags_type(vm, pos) == PCI_EXP_TYPE_RC_END ?
			       0xc : PCI_CAP_EXP_ENDPOINT_SIZEOF_V1;
		return exp_flags_type(vm, pos) == PCI_EXP_TYPE_RC_END ?
		       0x2c : PCI_CAP_EXP_ENDPOINT_SIZEOF_V2;
	case PCI_CAP_ID_HT:
		return (hw_rd(vm, pos + 3, 1) & HT_3BIT_CAP_MASK) ?
		       HT_CAP_SIZEOF_SHORT : HT_CAP_SIZEOF_LONG;
	case PCI_CAP_ID_SATA:
		return (hw_rd(vm, pos + PCI_SATA_REGS, 1) & PCI_SATA_REGS_MASK) ==
		       PCI_SATA_REGS_INLINE ? PCI_SATA_SIZEOF_LONG : PCI_SATA_SIZEOF_SHORT;
	default:
		return 0;	/* hidden */
	}
}

static unsigned int round_up_to(unsigned int v, unsigned int a)
{
	return (v + a - 1) / a * a;
}

static unsigned int vc_len(struct vfio_model *vm, unsigned int pos)
{
	u32 cap1 = hw_rd(vm, pos + PCI_VC_PORT_CAP1, 4);
	u32 cap2 = hw_rd(vm, pos + PCI_VC_PORT_CAP2, 4);
	unsigned int len = PCI_CAP_VC_BASE_SIZEOF, phases = 0;

	if (cap2 & PCI_VC_CAP2_128_PHASE)
		phases = 128;
	else if (cap2 & PCI_VC_CAP2_64_PHASE)
		phases = 64;
	else if (cap2 & PCI_VC_CAP2_32_PHASE)
		phases = 32;
	len += (1 + (cap1 & PCI_VC_CAP1_EVCC)) * PCI_CAP_VC_PER_VC_SIZEOF;
	if (phases)
		len = round_up_to(len, 16) + phases * 4 / 8;
	return len;
}

static unsigned int ext_len(struct vfio_model *vm, u16 id, unsigned int pos)
{
	u32 v;

	switch (id) {
	case PCI_EXT_CAP_ID_ERR:
		return PCI_ERR_ROOT_COMMAND;
	case PCI_EXT_CAP_ID_DSN:
		return PCI_EXT_CAP_DSN_SIZEOF;
	case PCI_EXT_CAP_ID_PWR:
		return PCI_EXT_CAP_PWR_SIZEOF;
	case PCI_EXT_CAP_ID_ARI:
		return PCI_EXT_CAP_ARI_SIZEOF;
	case PCI_EXT_CAP_ID_ATS:
		return PCI_EXT_CAP_ATS_SIZEOF;
	case PCI_EXT_CAP_ID_SRIOV:
		return PCI_EXT_CAP_SRIOV_SIZEOF;
	case PCI_EXT_CAP_ID_MCAST:
		return PCI_EXT_CAP_MCAST_ENDPOINT_SIZEOF;
	case PCI_EXT_CAP_ID_PRI:
		return PCI_EXT_CAP_PRI_SIZEOF;
	case PCI_EXT_CAP_ID_LTR:
		return PCI_EXT_CAP_LTR_SIZEOF;
	case PCI_EXT_CAP_ID_VNDR:
		return hw_rd(vm, pos + PCI_VSEC_HDR, 4) >> PCI_VSEC_HDR_LEN_SHIFT;
	case PCI_EXT_CAP_ID_VC:
	case PCI_EXT_CAP_ID_VC9:
	case PCI_EXT_CAP_ID_MFVC:
		return vc_len(vm, pos);
	case PCI_EXT_CAP_ID_ACS:
		v = hw_rd(vm, pos + PCI_ACS_CAP, 1);
		if (v & PCI_ACS_EC) {
			v = hw_rd(vm, pos + PCI_ACS_EGRESS_BITS, 1);
			return 8 + (v ? round_up_to(v, 32) : 256) / 8;
		}
		return 8;
	case PCI_EXT_CAP_ID_REBAR:
		v = hw_rd(vm, pos + PCI_REBAR_CTRL, 1);
		return 4 + 8 * ((v & PCI_REBAR_CTRL_NBAR_MASK) >> PCI_REBAR_CTRL_NBAR_SHIFT);
	case PCI_EXT_CAP_ID_DPA:
		v = hw_rd(vm, pos + PCI_DPA_CAP, 1) & PCI_DPA_CAP_SUBSTATE_MASK;
		return PCI_DPA_BASE_SIZEOF + v + 1;
	case PCI_EXT_CAP_ID_TPH:
		v = hw_rd(vm, pos + PCI_TPH_CAP, 4);
		if ((v & PCI_TPH_CAP_LOC_MASK) == PCI_TPH_LOC_CAP)
			return PCI_TPH_BASE_SIZEOF + 2 *
			       ((v & PCI_TPH_CAP_ST_MASK) >> PCI_TPH_CAP_ST_SHIFT) + 2;
		return PCI_TPH_BASE_SIZEOF;
	default:
		return 0;	/* hidden */
	}
}

/* ---- permissions per capability kind ---- */

static void perms_basic(struct vfio_model *vm)
{
	unsigned int i;

	perm(vm, 0, 64, PCI_VENDOR_ID, 2, 0xffff, 0);
	perm(vm, 0, 64, PCI_DEVICE_ID, 2, 0xffff, 0);
	perm(vm, 0, 64, PCI_COMMAND, 2, PCI_COMMAND_INTX_DISABLE, 0xffff);
	perm(vm, 0, 64, PCI_STATUS, 2, PCI_STATUS_CAP_LIST, 0);
	perm(vm, 0, 64, PCI_CACHE_LINE_SIZE, 1, 0, 0xff);
	perm(vm, 0, 64, PCI_LATENCY_TIMER, 1, 0, 0xff);
	perm(vm, 0, 64, PCI_BIST, 1, 0, 0xff);
	for (i = 0; i < 6; i++)
		perm(vm, 0, 64, PCI_BASE_ADDRESS_0 + 4 * i, 4, ALL, ALL);
	perm(vm, 0, 64, PCI_ROM_ADDRESS, 4, ALL, ALL);
	perm(vm, 0, 64, PCI_CAPABILITY_LIST, 1, 0xff, 0);
	perm(vm, 0, 64, PCI_INTERRUPT_LINE, 1, 0xff, 0xff);
	perm(vm, 0, 64, PCI_INTERRUPT_PIN, 1, 0xff, 0);
	memset(vm->kind, VM_DEFAULT, 64);
}

static void perms_std(struct vfio_model *vm, u8 id, unsigned int pos,
		      unsigned int len)
{
	u32 flags;

	memset(vm->kind + pos, VM_DIRECT, len);
	switch (id) {
	case PCI_CAP_ID_VNDR:
		memset(vm->kind + pos, VM_VNDR, len);
		return;
	case PCI_CAP_ID_PM:
	case PCI_CAP_ID_VPD:
	case PCI_CAP_ID_PCIX:
	case PCI_CAP_ID_EXP:
	case PCI_CAP_ID_AF:
	case PCI_CAP_ID_MSI:
		break;
	default:
		return;
	}
	memset(vm->kind + pos, VM_DEFAULT, len);
	perm(vm, pos, len, PCI_CAP_LIST_NEXT, 1, 0xff, 0);
	switch (id) {
	case PCI_CAP_ID_PM:
		perm(vm, pos, len, PCI_PM_PMC, 2, PCI_PM_CAP_PME_MASK, 0);
		perm(vm, pos, len, PCI_PM_CTRL, 4,
		     PCI_PM_CTRL_PME_ENABLE | PCI_PM_CTRL_PME_STATUS,
		     ~(PCI_PM_CTRL_PME_ENABLE | PCI_PM_CTRL_PME_STATUS |
		       PCI_PM_CTRL_STATE_MASK));
		break;
	case PCI_CAP_ID_VPD:
		perm(vm, pos, len, PCI_VPD_ADDR, 2, 0xffff, 0xffff);
		perm(vm, pos, len, PCI_VPD_DATA, 4, ALL, ALL);
		break;
	case PCI_CAP_ID_PCIX:
		perm(vm, pos, len, PCI_X_CMD, 2, 0, 0xffff);
		perm(vm, pos, len, PCI_X_ECC_CSR, 4, 0, ALL);
		break;
	case PCI_CAP_ID_EXP:
		perm(vm, pos, len, PCI_EXP_DEVCTL, 2,
		     PCI_EXP_DEVCTL_BCR_FLR | PCI_EXP_DEVCTL_PAYLOAD |
		     PCI_EXP_DEVCTL_READRQ, (u16)~PCI_EXP_DEVCTL_PHANTOM);
		perm(vm, pos, len, PCI_EXP_DEVCTL2, 2, 0, (u16)~PCI_EXP_DEVCTL2_ARI);
		break;
	case PCI_CAP_ID_AF:
		perm(vm, pos, len, PCI_AF_CTRL, 1, PCI_AF_CTRL_FLR, PCI_AF_CTRL_FLR);
		break;
	case PCI_CAP_ID_MSI:
		flags = hw_rd(vm, pos + PCI_MSI_FLAGS, 2);
		perm(vm, pos, len, PCI_MSI_FLAGS, 1, 0xff, 0xff);
		perm(vm, pos, len, PCI_MSI_ADDRESS_LO, 4, ALL, ALL);
		if (flags & PCI_MSI_FLAGS_64BIT) {
			perm(vm, pos, len, PCI_MSI_ADDRESS_HI, 4, ALL, ALL);
			perm(vm, pos, len, PCI_MSI_DATA_64, 2, 0xffff, 0xffff);
			if (flags & PCI_MSI_FLAGS_MASKBIT) {
				perm(vm, pos, len, PCI_MSI_MASK_64, 4, 0, ALL);
				perm(vm, pos, len, PCI_MSI_PENDING_64, 4, 0, ALL);
			}
		} else {
			perm(vm, pos, len, PCI_MSI_DATA_32, 2, 0xffff, 0xffff);
			if (flags & PCI_MSI_FLAGS_MASKBIT) {
				perm(vm, pos, len, PCI_MSI_MASK_32, 4, 0, ALL);
				perm(vm, pos, len, PCI_MSI_PENDING_32, 4, 0, ALL);
			}
		}
		break;
	}
}

static void perms_ext(struct vfio_model *vm, u16 id, unsigned int pos,
		      unsigned int len)
{
	u32 m;

	memset(vm->kind + pos, id == PCI_EXT_CAP_ID_VNDR ? VM_VNDR : VM_DIRECT, len);
	if (id == PCI_EXT_CAP_ID_ERR) {
		memset(vm->kind + pos, VM_DEFAULT, len);
		perm(vm, pos, len, 0, 4, ALL, 0);
		m = PCI_ERR_UNC_UND | PCI_ERR_UNC_DLP | PCI_ERR_UNC_SURPDN |
		    PCI_ERR_UNC_POISON_TLP | PCI_ERR_UNC_FCP | PCI_ERR_UNC_COMP_TIME |
		    PCI_ERR_UNC_COMP_ABORT | PCI_ERR_UNC_UNX_COMP | PCI_ERR_UNC_RX_OVER |
		    PCI_ERR_UNC_MALF_TLP | PCI_ERR_UNC_ECRC | PCI_ERR_UNC_UNSUP |
		    PCI_ERR_UNC_ACSV | PCI_ERR_UNC_INTN | PCI_ERR_UNC_MCBTLP |
		    PCI_ERR_UNC_ATOMEG | PCI_ERR_UNC_TLPPRE;
		perm(vm, pos, len, PCI_ERR_UNCOR_STATUS, 4, 0, m);
		perm(vm, pos, len, PCI_ERR_UNCOR_MASK, 4, 0, m);
		perm(vm, pos, len, PCI_ERR_UNCOR_SEVER, 4, 0, m);
		m = PCI_ERR_COR_RCVR | PCI_ERR_COR_BAD_TLP | PCI_ERR_COR_BAD_DLLP |
		    PCI_ERR_COR_REP_ROLL | PCI_ERR_COR_REP_TIMER | PCI_ERR_COR_ADV_NFAT |
		    PCI_ERR_COR_INTERNAL | PCI_ERR_COR_LOG_OVER;
		perm(vm, pos, len, PCI_ERR_COR_STATUS, 4, 0, m);
		perm(vm, pos, len, PCI_ERR_COR_MASK, 4, 0, m);
		perm(vm, pos, len, PCI_ERR_CAP, 4, 0,
		     PCI_ERR_CAP_ECRC_GENE | PCI_ERR_CAP_ECRC_CHKE);
	} else if (id == PCI_EXT_CAP_ID_PWR) {
		memset(vm->kind + pos, VM_DEFAULT, len);
		perm(vm, pos, len, 0, 4, ALL, 0);
		perm(vm, pos, len, PCI_PWR_DATA, 1, 0, 0xff);
	}
}

/* ---- init ---- */

static void claim(struct vfio_model *vm, u16 owner, unsigned int pos,
		  unsigned int len, unsigned int end)
{
	unsigned int i;

	if (pos + len > end) {
		vm->sane = false;
		len = end - pos;
	}
	for (i = 0; i < len; i++) {
		if (vm->owner[pos + i] != VM_OWNER_NONE)
			vm->sane = false;
		vm->owner[pos + i] = owner;
	}
}

/*
 * Every capability the walks found, hidden ones included: a structure
 * that holds the start of another is an overlap.
 */
static void found_at(struct vfio_model *vm, unsigned int pos)
{
	if (pos < VCONFIG_CFG_SIZE_PCIE)
		vm->found[pos] = true;
}

static void check_overlaps(struct vfio_model *vm)
{
	unsigned int b;

	for (b = 0x41; b < vm->cfg_size; b++)
		if (vm->found[b] && vm->owner[b] != VM_OWNER_NONE &&
		    vm->owner[b] == vm->owner[b - 1] && vfio_model_start(vm, b) != b)
			vm->sane = false;
}

static void cap_init(struct vfio_model *vm)
{
	u8 visited[64] = { 0 };
	unsigned int pos, loops = (256 - 64) / 4, caps = 0;
	u8 *prev = &vm->vconfig[PCI_CAPABILITY_LIST];

	if (!(hw_rd(vm, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST))
		return;
	pos = hw_rd(vm, PCI_CAPABILITY_LIST, 1);
	while (pos && loops--) {
		u8 id, next;
		unsigned int len;

		if (pos < 0x40 || pos % 4 || visited[pos / 4]++)
			vm->sane = false;
		if (pos > 0xfe) {	/* next pointer beyond the space */
			vm->sane = false;
			return;
		}
		found_at(vm, pos);
		id = hw_rd(vm, pos, 1);
		next = hw_rd(vm, pos + PCI_CAP_LIST_NEXT, 1);
		len = id ? std_len(vm, id, pos) : 0;
		if (!len) {
			*prev = next;
			pos = next;
			continue;
		}
		claim(vm, id, pos, len, VCONFIG_CFG_SIZE_PCI);
		len = min(len, VCONFIG_CFG_SIZE_PCI - pos);
		fill(vm, pos, len);
		perms_std(vm, id, pos, len);
		if (id == PCI_CAP_ID_PM) {
			u16 pmc = vconfig_get_le(vm->vconfig + pos + PCI_PM_PMC, 2);
			u16 ctrl = vconfig_get_le(vm->vconfig + pos + PCI_PM_CTRL, 2);

			vconfig_put_le(vm->vconfig + pos + PCI_PM_PMC, 2, pmc & ~PCI_PM_CAP_PME_MASK);
			vconfig_put_le(vm->vconfig + pos + PCI_PM_CTRL, 2,
			       ctrl & ~(PCI_PM_CTRL_PME_ENABLE | PCI_PM_CTRL_PME_STATUS));
		}
		prev = &vm->vconfig[pos + PCI_CAP_LIST_NEXT];
		pos = next;
		caps++;
	}
	if (pos)
		vm->sane = false;
	if (!caps) {
		u16 st = vconfig_get_le(vm->vconfig + PCI_STATUS, 2);

		vconfig_put_le(vm->vconfig + PCI_STATUS, 2, st & ~PCI_STATUS_CAP_LIST);
	}
}

static void ecap_init(struct vfio_model *vm)
{
	u8 visited[1024] = { 0 };
	unsigned int epos = 0x100, loops = (vm->cfg_size - 0x100) / 4, ecaps = 0;
	u8 *prev = NULL;

	if (!vm->extended_caps)
		return;
	while (loops-- && epos >= 0x100) {
		u32 header, next;
		u16 id;
		unsigned int len;
		bool hidden = false;

		if (epos % 4 || epos > vm->cfg_size - 4 || visited[epos / 4]++) {
			vm->sane = false;
			return;
		}
		found_at(vm, epos);
		header = hw_rd(vm, epos, 4);
		if (header & (3u << 20))	/* reserved low bits of the next pointer */
			vm->sane = false;
		id = PCI_EXT_CAP_ID(header);
		next = PCI_EXT_CAP_NEXT(header);
		len = id <= PCI_EXT_CAP_ID_MAX ? ext_len(vm, id, epos) : 0;
		if (!len) {
			if (prev) {
				u32 p = vconfig_get_le(prev, 4) & ~(0xffcu << 20);

				vconfig_put_le(prev, 4, p | next << 20);
				epos = next;
				continue;
			}
			len = PCI_CAP_SIZEOF;
			hidden = true;
		}
		claim(vm, id | VM_OWNER_EXT, epos, len, vm->cfg_size);
		len = min(len, vm->cfg_size - epos);
		fill(vm, epos, len);
		perms_ext(vm, id, epos, len);
		if (hidden)
			vconfig_put_le(vm->vconfig + epos, 4, vconfig_get_le(vm->vconfig + epos, 4) &
			       (0xffcu << 20));
		else
			ecaps++;
		prev = &vm->vconfig[epos];
		epos = next;
	}
	if (epos && epos < 0x100)	/* a pointer out of range ends the walk */
		vm->sane = false;
	if (!ecaps)
		vconfig_put_le(vm->vconfig + 0x100, 4, 0);
}

int vfio_model_init(struct vfio_model *vm, const struct vconfig_backend_ops *ops,
		    void *priv, unsigned int cfg_size,
		    const struct vconfig_region_desc region[VCONFIG_NR_REGIONS],
		    bool no_intx, u32 (*vpd_read)(u16 addr))
{
	unsigned int i;

	memset(vm, 0, sizeof(*vm));
	vm->ops = ops;
	vm->priv = priv;
	vm->cfg_size = cfg_size;
	vm->no_intx = no_intx;
	vm->vpd_read = vpd_read;
	vm->sane = true;
	memcpy(vm->region, region, sizeof(vm->region));
	for (i = 0; i < cfg_size; i++) {
		vm->owner[i] = i < 64 ? VM_OWNER_BASIC : VM_OWNER_NONE;
		vm->kind[i] = VM_RAW;
	}
	fill(vm, 0, 64);
	perms_basic(vm);
	vm->bardirty = true;
	/* vfio-pci enables the function with INTx unmasked: the state in force */
	vm->virq_disabled = vconfig_get_le(vm->vconfig + PCI_COMMAND, 2) & PCI_COMMAND_INTX_DISABLE;
	if (no_intx)
		vm->vconfig[PCI_INTERRUPT_PIN] = 0;
	cap_init(vm);
	ecap_init(vm);
	check_overlaps(vm);
	return 0;
}

/* ---- accesses ---- */

unsigned int vfio_model_start(const struct vfio_model *vm, unsigned int pos)
{
	unsigned int base = pos >= 0x100 ? 0x100 : 0x40;
	u16 owner = vm->owner[pos];

	if (owner == VM_OWNER_BASIC)
		return 0;
	if (owner == VM_OWNER_NONE)
		return pos;
	while (pos - 1 >= base && vm->owner[pos - 1] == owner)
		pos--;
	return pos;
}

/* vfio_bar_fixup(): BARs as a sizing-aware device would show them. */
static void bar_fixup(struct vfio_model *vm)
{
	unsigned int i;

	if (!vm->bardirty)
		return;
	for (i = 0; i < VCONFIG_NR_BARS; i++) {
		u8 *p = vm->vconfig + PCI_BASE_ADDRESS_0 + 4 * i;
		const struct vconfig_region_desc *r = &vm->region[i];
		u64 mask = ~(r->size - 1);
		u32 v = vconfig_get_le(p, 4), flags;

		if (!r->size) {
			vconfig_put_le(p, 4, 0);
			continue;
		}
		if (r->flags & VCONFIG_REGION_IO)
			flags = PCI_BASE_ADDRESS_SPACE_IO;
		else
			flags = ((r->flags & VCONFIG_REGION_PREFETCH) ?
				 PCI_BASE_ADDRESS_MEM_PREFETCH : 0) |
				((r->flags & VCONFIG_REGION_MEM64) ?
				 PCI_BASE_ADDRESS_MEM_TYPE_64 : 0);
		v = (v & (u32)mask) | flags;
		vconfig_put_le(p, 4, v);
		if ((v & PCI_BASE_ADDRESS_MEM_TYPE_64) && !(v & PCI_BASE_ADDRESS_SPACE_IO) &&
		    i < VCONFIG_NR_BARS - 1) {
			p += 4;
			vconfig_put_le(p, 4, vconfig_get_le(p, 4) & (u32)(mask >> 32));
			i++;
		}
	}
	if (vm->region[VCONFIG_ROM_BAR].size) {
		u32 mask = (u32)~(vm->region[VCONFIG_ROM_BAR].size - 1) |
			   PCI_ROM_ADDRESS_ENABLE;

		vconfig_put_le(vm->vconfig + PCI_ROM_ADDRESS, 4,
		       vconfig_get_le(vm->vconfig + PCI_ROM_ADDRESS, 4) & mask);
	} else {
		vconfig_put_le(vm->vconfig + PCI_ROM_ADDRESS, 4, 0);
	}
	vm->bardirty = false;
}

static bool is_bar(unsigned int off)
{
	return (off >= PCI_BASE_ADDRESS_0 && off < PCI_BASE_ADDRESS_5 + 4) ||
	       (off >= PCI_ROM_ADDRESS && off < PCI_ROM_ADDRESS + 4);
}

static u32 default_read(struct vfio_model *vm, unsigned int pos, unsigned int n)
{
	u32 val = vconfig_get_le(vm->vconfig + pos, n);
	u32 virt = vconfig_get_le(vm->virt + pos, n);

	if (virt != (~0u >> (32 - 8 * n)))
		val = (hw_rd(vm, pos, n) & ~virt) | (val & virt);
	return val;
}

static void default_write(struct vfio_model *vm, unsigned int pos, unsigned int n,
			  u32 val)
{
	u32 write = vconfig_get_le(vm->write + pos, n), virt = vconfig_get_le(vm->virt + pos, n);

	if (!write)
		return;
	if (write & virt) {
		u32 v = vconfig_get_le(vm->vconfig + pos, n);

		vconfig_put_le(vm->vconfig + pos, n, (v & ~(write & virt)) | (val & write & virt));
	}
	if (write & ~virt) {
		u32 phys = hw_rd(vm, pos, n);

		hw_wr(vm, pos, n, (phys & ~(write & ~virt)) | (val & write & ~virt));
	}
}

static u32 direct_read(struct vfio_model *vm, unsigned int pos, unsigned int n,
		       unsigned int off)
{
	u8 b[4];

	vconfig_put_le(b, 4, hw_rd(vm, pos, n));
	if (pos >= VCONFIG_CFG_SIZE_PCI) {
		if (off < 4)
			memcpy(b, vm->vconfig + pos, n);
	} else if (pos >= PCI_STD_HEADER_SIZEOF) {
		if (off == PCI_CAP_LIST_ID && n > 1)
			memcpy(b, vm->vconfig + pos, min(n, 2u));
		else if (off == PCI_CAP_LIST_NEXT)
			memcpy(b, vm->vconfig + pos, 1);
	}
	return vconfig_get_le(b, n);
}

static u32 piece_read(struct vfio_model *vm, unsigned int pos, unsigned int n)
{
	unsigned int start = vfio_model_start(vm, pos), off = pos - start;
	u16 owner = vm->owner[pos];

	switch (vm->kind[pos]) {
	case VM_RAW:
		return hw_rd(vm, pos, n);
	case VM_DIRECT:
	case VM_VNDR:
		return direct_read(vm, pos, n, off);
	}
	if (owner == VM_OWNER_BASIC && is_bar(off))
		bar_fixup(vm);
	if (owner == PCI_CAP_ID_MSI && off <= PCI_MSI_FLAGS && off + n >= PCI_MSI_FLAGS) {
		u16 f = vconfig_get_le(vm->vconfig + start + PCI_MSI_FLAGS, 2);

		f = (f & ~PCI_MSI_FLAGS_QMASK) | (vm->msi_qmax << 1);
		vconfig_put_le(vm->vconfig + start + PCI_MSI_FLAGS, 2, f);
	}
	return default_read(vm, pos, n);
}

static void basic_write(struct vfio_model *vm, unsigned int pos, unsigned int n,
			u32 val)
{
	u16 vcmd;
	bool intx;

	default_write(vm, pos, n, val);
	if (pos == PCI_COMMAND) {
		u16 m = PCI_COMMAND_MEMORY | PCI_COMMAND_IO;

		vcmd = vconfig_get_le(vm->vconfig + PCI_COMMAND, 2);
		vconfig_put_le(vm->vconfig + PCI_COMMAND, 2, (vcmd & ~m) | (val & m));
	}
	if (pos >= PCI_COMMAND && pos <= PCI_COMMAND + 1) {
		intx = vconfig_get_le(vm->vconfig + PCI_COMMAND, 2) & PCI_COMMAND_INTX_DISABLE;
		if (intx != vm->virq_disabled) {
			vm->virq_disabled = intx;
			act(vm, VM_ACT_INTX_MASK, intx, 0);
		}
	}
	if (is_bar(pos))
		vm->bardirty = true;
}

static void cap_write(struct vfio_model *vm, unsigned int pos, unsigned int n,
		      u32 val, unsigned int start, u16 id)
{
	unsigned int off = pos - start;
	u8 *p;
	u32 v;

	switch (id) {
	case PCI_CAP_ID_PM:
		default_write(vm, pos, n, val);
		if (off == PCI_PM_CTRL)
			act_at(vm, VM_ACT_POWER, val & PCI_PM_CTRL_STATE_MASK, 0, start);
		return;
	case PCI_CAP_ID_VPD:
		default_write(vm, pos, n, val);
		if (off > PCI_VPD_ADDR + 1 || off + n <= PCI_VPD_ADDR + 1)
			return;
		p = vm->vconfig + start;
		v = vconfig_get_le(p + PCI_VPD_ADDR, 2);
		if (v & PCI_VPD_ADDR_F) {
			act_at(vm, VM_ACT_VPD_WRITE, v & ~PCI_VPD_ADDR_F,
			       vconfig_get_le(p + PCI_VPD_DATA, 4), start);
		} else {
			act_at(vm, VM_ACT_VPD_READ, v, 0, start);
			vconfig_put_le(p + PCI_VPD_DATA, 4, vm->vpd_read(v));
		}
		vconfig_put_le(p + PCI_VPD_ADDR, 2, v ^ PCI_VPD_ADDR_F);
		return;
	case PCI_CAP_ID_EXP: {
		u32 readrq = vconfig_get_le(vm->vconfig + start + PCI_EXP_DEVCTL, 2) &
			     PCI_EXP_DEVCTL_READRQ;

		default_write(vm, pos, n, val);
		p = vm->vconfig + start + PCI_EXP_DEVCTL;
		v = vconfig_get_le(p, 2);
		if (v & PCI_EXP_DEVCTL_BCR_FLR) {
			vconfig_put_le(p, 2, v & ~PCI_EXP_DEVCTL_BCR_FLR);
			if (hw_rd(vm, start + PCI_EXP_DEVCAP, 4) & PCI_EXP_DEVCAP_FLR)
				act(vm, VM_ACT_FLR, 0, 0);
		}
		v = vconfig_get_le(p, 2) & PCI_EXP_DEVCTL_READRQ;
		if (v != readrq)
			act(vm, VM_ACT_READRQ, 128u << (v >> 12), 0);
		return;
	}
	case PCI_CAP_ID_AF:
		default_write(vm, pos, n, val);
		p = vm->vconfig + start + PCI_AF_CTRL;
		if (*p & PCI_AF_CTRL_FLR) {
			u8 cap = hw_rd(vm, start + PCI_AF_CAP, 1);

			*p &= ~PCI_AF_CTRL_FLR;
			if ((cap & PCI_AF_CAP_FLR) && (cap & PCI_AF_CAP_TP))
				act(vm, VM_ACT_FLR, 0, 0);
		}
		return;
	case PCI_CAP_ID_MSI:
		default_write(vm, pos, n, val);
		if (off <= PCI_MSI_FLAGS && off + n >= PCI_MSI_FLAGS) {
			p = vm->vconfig + start + PCI_MSI_FLAGS;
			v = vconfig_get_le(p, 2) & ~PCI_MSI_FLAGS_ENABLE;	/* enabled by ioctl only */
			if (((v & PCI_MSI_FLAGS_QSIZE) >> 4) > vm->msi_qmax)
				v = (v & ~PCI_MSI_FLAGS_QSIZE) | (vm->msi_qmax << 4);
			vconfig_put_le(p, 2, v);
			hw_wr(vm, start + PCI_MSI_FLAGS, 2, v);
		}
		return;
	default:
		default_write(vm, pos, n, val);
	}
}

static void piece_write(struct vfio_model *vm, unsigned int pos, unsigned int n,
			u32 val)
{
	unsigned int start = vfio_model_start(vm, pos);
	u16 owner = vm->owner[pos];

	switch (vm->kind[pos]) {
	case VM_RAW:
	case VM_VNDR:
		hw_wr(vm, pos, n, val);
		return;
	case VM_DIRECT:
		return;
	}
	if (owner == VM_OWNER_BASIC)
		basic_write(vm, pos, n, val);
	else if (owner & VM_OWNER_EXT)
		default_write(vm, pos, n, val);
	else
		cap_write(vm, pos, n, val, start, owner);
}

int vfio_model_rw(struct vfio_model *vm, unsigned int offset, unsigned int size,
		  u8 *buf, bool write)
{
	unsigned int done = 0;

	vm->nr_actions = 0;
	if (offset >= vm->cfg_size || size > vm->cfg_size - offset)
		return -EINVAL;
	while (done < size) {
		unsigned int pos = offset + done, left = size - done, n, i;

		/* vfio_pci_cap_remaining_dword(), then the aligned chunk */
		for (i = 1; (pos + i) % 4 && vm->owner[pos + i] == vm->owner[pos]; i++)
			;
		left = min(left, i);
		n = (left >= 4 && !(pos % 4)) ? 4 : (left >= 2 && !(pos % 2)) ? 2 : 1;
		if (write)
			piece_write(vm, pos, n, vconfig_get_le(buf + done, n));
		else
			vconfig_put_le(buf + done, n, piece_read(vm, pos, n));
		done += n;
	}
	return 0;
}
