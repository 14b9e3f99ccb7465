// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace PCI shim: PCI devices over libvconfig, drivers and their
 * matching, configuration space, enabling, reset and BAR mappings.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/delay.h>
#include <linux/pci.h>

#include "shim.h"

static struct pci_driver *drivers;
static struct vcshim_pci *devices;
static pthread_mutex_t devices_lock = PTHREAD_MUTEX_INITIALIZER;


static size_t page_size(void)
{
	return sysconf(_SC_PAGESIZE);
}

/* ---- configuration space ---- */

/*
 * The kernel's accessors refuse a misaligned or out-of-range register with
 * PCIBIOS_BAD_REGISTER_NUMBER (reads then return all ones) and report a
 * failed access as PCIBIOS_DEVICE_NOT_FOUND; a write that did not reach
 * the device is never reported as done.
 */
static int check_where(const struct pci_dev *dev, int where, unsigned int size)
{
	if (where < 0 || (where & (size - 1)) ||
	    (unsigned int)where + size > (dev->cfg_size ? dev->cfg_size : 256))
		return PCIBIOS_BAD_REGISTER_NUMBER;
	return PCIBIOS_SUCCESSFUL;
}

#define PCI_READ_CONFIG(sfx, type, bits)					\
int pci_read_config_##sfx(const struct pci_dev *dev, int where, type *val)	\
{									\
	int ret = check_where(dev, where, sizeof(type));		\
									\
	if (!ret && vcdev_cfg_read##bits(vcshim_of(dev)->vdev, where, val)) \
		ret = PCIBIOS_DEVICE_NOT_FOUND;				\
	if (ret)							\
		*val = (type)~0;					\
	return ret;							\
}									\
int pci_write_config_##sfx(const struct pci_dev *dev, int where, type val) \
{									\
	int ret = check_where(dev, where, sizeof(type));		\
									\
	if (!ret && vcdev_cfg_write##bits(vcshim_of(dev)->vdev, where, val)) { \
		dev_dbg(&dev->dev, "config write of %#x at %#x failed: %s\n", \
			(unsigned int)val, where, vcdev_last_error());	\
		ret = PCIBIOS_DEVICE_NOT_FOUND;				\
	}								\
	return ret;							\
}

PCI_READ_CONFIG(byte, u8, 8)
PCI_READ_CONFIG(word, u16, 16)
PCI_READ_CONFIG(dword, u32, 32)

/* One bus, one device: the device's own functions only. */
#define PCI_BUS_CONFIG(sfx, type)						\
int pci_bus_read_config_##sfx(struct pci_bus *bus, unsigned int devfn,	\
			      int where, type *val)			\
{									\
	struct pci_dev *dev = pci_get_slot(bus, devfn);			\
									\
	if (!dev) {							\
		*val = (type)~0;					\
		return PCIBIOS_DEVICE_NOT_FOUND;			\
	}								\
	return pci_read_config_##sfx(dev, where, val);			\
}									\
int pci_bus_write_config_##sfx(struct pci_bus *bus, unsigned int devfn,	\
			       int where, type val)			\
{									\
	struct pci_dev *dev = pci_get_slot(bus, devfn);			\
									\
	if (!dev)							\
		return PCIBIOS_DEVICE_NOT_FOUND;			\
	return pci_write_config_##sfx(dev, where, val);			\
}

PCI_BUS_CONFIG(byte, u8)
PCI_BUS_CONFIG(word, u16)
PCI_BUS_CONFIG(dword, u32)

u8 pci_find_capability(struct pci_dev *dev, int cap)
{
	int pos = vcdev_find_cap(vcshim_of(dev)->vdev, cap);

	return pos > 0 ? pos : 0;
}

u16 pci_find_ext_capability(struct pci_dev *dev, int cap)
{
	int pos = vcdev_find_ext_cap(vcshim_of(dev)->vdev, cap);

	return pos > 0 ? pos : 0;
}

int pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap)
{
	unsigned int ttl = 48;
	u8 id;

	pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos);
	while (ttl-- && pos >= PCI_STD_HEADER_SIZEOF) {
		pos &= ~3;
		if (pci_read_config_byte(dev, pos + PCI_CAP_LIST_ID, &id) || id == 0xff)
			break;
		if (id == cap)
			return pos;
		pci_read_config_byte(dev, pos + PCI_CAP_LIST_NEXT, &pos);
	}
	return 0;
}

/* drivers/pci/access.c: which PCI Express registers a function has. */
static bool pcie_cap_has_lnkctl(const struct pci_dev *dev)
{
	int type = pci_pcie_type(dev);

	return type == PCI_EXP_TYPE_ENDPOINT || type == PCI_EXP_TYPE_LEG_END ||
	       type == PCI_EXP_TYPE_ROOT_PORT || type == PCI_EXP_TYPE_UPSTREAM ||
	       type == PCI_EXP_TYPE_DOWNSTREAM || type == PCI_EXP_TYPE_PCI_BRIDGE ||
	       type == PCI_EXP_TYPE_PCIE_BRIDGE;
}

static bool pcie_cap_has_sltctl(const struct pci_dev *dev)
{
	int type = pci_pcie_type(dev);

	return (type == PCI_EXP_TYPE_ROOT_PORT || type == PCI_EXP_TYPE_DOWNSTREAM) &&
	       (dev->pcie_flags_reg & PCI_EXP_FLAGS_SLOT);
}

static bool pcie_cap_has_rtctl(const struct pci_dev *dev)
{
	int type = pci_pcie_type(dev);

	return type == PCI_EXP_TYPE_ROOT_PORT || type == PCI_EXP_TYPE_RC_EC;
}

static bool pcie_capability_reg_implemented(struct pci_dev *dev, int pos)
{
	if (!pci_is_pcie(dev))
		return false;
	switch (pos) {
	case PCI_EXP_FLAGS:
	case PCI_EXP_DEVCAP:
	case PCI_EXP_DEVCTL:
	case PCI_EXP_DEVSTA:
		return true;
	case PCI_EXP_LNKCAP:
	case PCI_EXP_LNKCTL:
	case PCI_EXP_LNKSTA:
		return pcie_cap_has_lnkctl(dev);
	case PCI_EXP_SLTCAP:
	case PCI_EXP_SLTCTL:
	case PCI_EXP_SLTSTA:
		return pcie_cap_has_sltctl(dev);
	case PCI_EXP_RTCTL:
	case PCI_EXP_RTCAP:
	case PCI_EXP_RTSTA:
		return pcie_cap_has_rtctl(dev);
	case PCI_EXP_DEVCAP2:
	case PCI_EXP_DEVCTL2:
	case PCI_EXP_LNKCAP2:
	case PCI_EXP_LNKCTL2:
	case PCI_EXP_LNKSTA2:
		return pcie_cap_version(dev) > 1;
	default:
		return false;
	}
}

/*
 * As the kernel: a register the function does not implement (every one on
 * a function without a PCI Express capability) reads as 0 and ignores
 * writes, and that is success; the return values are PCIBIOS_* codes.
 */
int pcie_capability_read_word(struct pci_dev *dev, int pos, u16 *val)
{
	int ret;

	*val = 0;
	if (pos & 1)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (!pcie_capability_reg_implemented(dev, pos))
		return 0;
	ret = pci_read_config_word(dev, dev->pcie_cap + pos, val);
	if (ret)
		*val = 0;
	return ret;
}

int pcie_capability_read_dword(struct pci_dev *dev, int pos, u32 *val)
{
	int ret;

	*val = 0;
	if (pos & 3)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (!pcie_capability_reg_implemented(dev, pos))
		return 0;
	ret = pci_read_config_dword(dev, dev->pcie_cap + pos, val);
	if (ret)
		*val = 0;
	return ret;
}

int pcie_capability_write_word(struct pci_dev *dev, int pos, u16 val)
{
	if (pos & 1)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (!pcie_capability_reg_implemented(dev, pos))
		return 0;
	return pci_write_config_word(dev, dev->pcie_cap + pos, val);
}

int pcie_capability_write_dword(struct pci_dev *dev, int pos, u32 val)
{
	if (pos & 3)
		return PCIBIOS_BAD_REGISTER_NUMBER;
	if (!pcie_capability_reg_implemented(dev, pos))
		return 0;
	return pci_write_config_dword(dev, dev->pcie_cap + pos, val);
}

int pcie_capability_clear_and_set_word(struct pci_dev *dev, int pos,
				       u16 clear, u16 set)
{
	u16 val;
	int ret = pcie_capability_read_word(dev, pos, &val);

	if (ret)
		return ret;
	return pcie_capability_write_word(dev, pos, (val & ~clear) | set);
}

int pcie_capability_clear_and_set_dword(struct pci_dev *dev, int pos,
					u32 clear, u32 set)
{
	u32 val;
	int ret = pcie_capability_read_dword(dev, pos, &val);

	if (ret)
		return ret;
	return pcie_capability_write_dword(dev, pos, (val & ~clear) | set);
}

/* ---- enabling, bus mastering, reset ---- */

static int update_command(struct pci_dev *dev, u16 clear, u16 set)
{
	u16 cmd, new;

	if (pci_read_config_word(dev, PCI_COMMAND, &cmd))
		return -ENODEV;
	new = (cmd & ~clear) | set;
	if (new != cmd && pci_write_config_word(dev, PCI_COMMAND, new))
		return -EIO;
	return 0;
}

/* Turn on decoding for the kinds of BAR the device has, as the kernel does. */
static int enable_resources(struct pci_dev *dev, unsigned long kinds)
{
	u16 set = 0;
	int i;

	for (i = 0; i < PCI_NUM_RESOURCES; i++) {
		unsigned long flags = dev->resource[i].flags & kinds;

		if (i == PCI_ROM_RESOURCE)
			continue;
		if (flags & IORESOURCE_IO)
			set |= PCI_COMMAND_IO;
		if (flags & IORESOURCE_MEM)
			set |= PCI_COMMAND_MEMORY;
	}
	return update_command(dev, 0, set);
}

static int enable_device(struct pci_dev *dev, unsigned long kinds)
{
	int ret;

	if (atomic_inc_return(&dev->enable_cnt) > 1)
		return 0;	/* already enabled */
	ret = enable_resources(dev, kinds);
	if (ret)
		atomic_dec(&dev->enable_cnt);
	return ret;
}

int pci_enable_device(struct pci_dev *dev)
{
	return enable_device(dev, IORESOURCE_IO | IORESOURCE_MEM);
}

int pci_enable_device_mem(struct pci_dev *dev)
{
	return enable_device(dev, IORESOURCE_MEM);
}

int pci_enable_device_io(struct pci_dev *dev)
{
	return enable_device(dev, IORESOURCE_IO);
}

/* As drivers/pci/pci.c: the last disable turns bus mastering off. */
void pci_disable_device(struct pci_dev *dev)
{
	if (atomic_dec_return(&dev->enable_cnt) != 0)
		return;
	pci_clear_master(dev);
}

static void pcim_disable(void *data)
{
	struct pci_dev *dev = data;

	if (dev->is_managed && pci_is_enabled(dev))
		pci_disable_device(dev);
}

/* A managed enable: the device is disabled when the driver goes. */
int pcim_enable_device(struct pci_dev *dev)
{
	int ret;

	if (dev->is_managed)
		return 0;
	ret = pci_enable_device(dev);
	if (ret)
		return ret;
	dev->is_managed = 1;
	return devm_add_action_or_reset(&dev->dev, pcim_disable, dev);
}

void pcim_pin_device(struct pci_dev *dev)
{
	dev->is_managed = 0;
}

int pci_set_mwi(struct pci_dev *dev)
{
	return pcibios_err_to_errno(update_command(dev, 0, PCI_COMMAND_INVALIDATE) ?
				    PCIBIOS_DEVICE_NOT_FOUND : 0);
}

int pci_try_set_mwi(struct pci_dev *dev)
{
	return pci_set_mwi(dev);
}

int pcim_set_mwi(struct pci_dev *dev)
{
	return pci_set_mwi(dev);
}

void pci_clear_mwi(struct pci_dev *dev)
{
	update_command(dev, PCI_COMMAND_INVALIDATE, 0);
}

void pci_intx(struct pci_dev *dev, int enable)
{
	update_command(dev, enable ? PCI_COMMAND_INTX_DISABLE : 0,
		       enable ? 0 : PCI_COMMAND_INTX_DISABLE);
}

/*
 * As drivers/pci/pci.c: if the function asserts INTx (Status bit 3), set
 * (or clear) Interrupt Disable and report true; else leave it.
 */
static bool check_and_set_intx_mask(struct pci_dev *dev, bool mask)
{
	u32 cmd_status_dword;
	u16 origcmd, newcmd;
	bool irq_pending;

	if (pci_read_config_dword(dev, PCI_COMMAND, &cmd_status_dword))
		return false;
	irq_pending = (cmd_status_dword >> 16) & PCI_STATUS_INTERRUPT;
	if (mask != irq_pending)
		return false;
	origcmd = cmd_status_dword;
	newcmd = origcmd & ~PCI_COMMAND_INTX_DISABLE;
	if (mask)
		newcmd |= PCI_COMMAND_INTX_DISABLE;
	if (newcmd != origcmd)
		pci_write_config_word(dev, PCI_COMMAND, newcmd);
	return true;
}

bool pci_check_and_mask_intx(struct pci_dev *dev)
{
	return check_and_set_intx_mask(dev, true);
}

bool pci_check_and_unmask_intx(struct pci_dev *dev)
{
	return check_and_set_intx_mask(dev, false);
}

bool pci_device_is_present(struct pci_dev *dev)
{
	u32 v;

	return !pci_read_config_dword(dev, PCI_VENDOR_ID, &v) && v != 0xffffffff &&
	       (v & 0xffff) != 0xffff;
}

u16 pci_status_get_and_clear_errors(struct pci_dev *dev)
{
	u16 status;

	if (pci_read_config_word(dev, PCI_STATUS, &status))
		return 0;
	status &= PCI_STATUS_ERROR_BITS;
	if (status)
		pci_write_config_word(dev, PCI_STATUS, status);
	return status;
}

int pci_wait_for_pending_transaction(struct pci_dev *dev)
{
	u16 sta;
	int i;

	for (i = 0; i < 4; i++) {
		pcie_capability_read_word(dev, PCI_EXP_DEVSTA, &sta);
		if (!(sta & PCI_EXP_DEVSTA_TRPND))
			return 1;
		msleep(100 << i);
	}
	return 0;
}

u64 pci_get_dsn(struct pci_dev *dev)
{
	u32 lo, hi;
	int pos = pci_find_ext_capability(dev, PCI_EXT_CAP_ID_DSN);

	if (!pos)
		return 0;
	pci_read_config_dword(dev, pos + 4, &lo);
	pci_read_config_dword(dev, pos + 8, &hi);
	return (u64)hi << 32 | lo;
}

/* ---- PCI-X and PCI Express tuning ---- */

int pcix_get_max_mmrbc(struct pci_dev *dev)
{
	u32 stat;

	if (!dev->pcix_cap || pci_read_config_dword(dev, dev->pcix_cap + PCI_X_STATUS, &stat))
		return -EINVAL;
	return 512 << ((stat & PCI_X_STATUS_MAX_READ) >> 21);
}

int pcix_get_mmrbc(struct pci_dev *dev)
{
	u16 cmd;

	if (!dev->pcix_cap || pci_read_config_word(dev, dev->pcix_cap + PCI_X_CMD, &cmd))
		return -EINVAL;
	return 512 << ((cmd & PCI_X_CMD_MAX_READ) >> 2);
}

int pcix_set_mmrbc(struct pci_dev *dev, int mmrbc)
{
	int o = ffs(mmrbc) - 10;
	u16 cmd;

	if (mmrbc < 512 || mmrbc > 4096 || (mmrbc & (mmrbc - 1)) || !dev->pcix_cap)
		return -EINVAL;
	if (mmrbc > pcix_get_max_mmrbc(dev))
		return -E2BIG;
	if (pci_read_config_word(dev, dev->pcix_cap + PCI_X_CMD, &cmd))
		return -EINVAL;
	cmd = (cmd & ~PCI_X_CMD_MAX_READ) | (o << 2);
	return pci_write_config_word(dev, dev->pcix_cap + PCI_X_CMD, cmd) ? -EIO : 0;
}

int pcie_get_readrq(struct pci_dev *dev)
{
	u16 ctl;

	pcie_capability_read_word(dev, PCI_EXP_DEVCTL, &ctl);
	return 128 << ((ctl & PCI_EXP_DEVCTL_READRQ) >> 12);
}

int pcie_set_readrq(struct pci_dev *dev, int rq)
{
	if (rq < 128 || rq > 4096 || (rq & (rq - 1)))
		return -EINVAL;
	return pcibios_err_to_errno(pcie_capability_clear_and_set_word(dev,
			PCI_EXP_DEVCTL, PCI_EXP_DEVCTL_READRQ, (ffs(rq) - 8) << 12));
}

int pcie_get_mps(struct pci_dev *dev)
{
	u16 ctl;

	pcie_capability_read_word(dev, PCI_EXP_DEVCTL, &ctl);
	return 128 << ((ctl & PCI_EXP_DEVCTL_PAYLOAD) >> 5);
}

/* ---- power management: the PM capability, as drivers/pci/pci.c ---- */

int pci_set_power_state(struct pci_dev *dev, pci_power_t state)
{
	u16 pmcsr;

	if (state < PCI_D0 || state > PCI_D3cold)
		return -EINVAL;
	if (state == PCI_D3cold)
		state = PCI_D3hot;	/* no platform power control here */
	if (dev->current_state == state)
		return 0;
	if (!dev->pm_cap) {
		dev->current_state = PCI_D0;
		return state == PCI_D0 ? 0 : -EIO;
	}
	if (pci_read_config_word(dev, dev->pm_cap + PCI_PM_CTRL, &pmcsr))
		return -EIO;
	pmcsr = (pmcsr & ~PCI_PM_CTRL_STATE_MASK) | state;
	if (pci_write_config_word(dev, dev->pm_cap + PCI_PM_CTRL, pmcsr))
		return -EIO;
	/* PCI PM 1.2, table 5-4: recovery times out of D3hot and into it. */
	if (state == PCI_D3hot || dev->current_state == PCI_D3hot)
		msleep(dev->d3hot_delay);
	else if (state == PCI_D2 || dev->current_state == PCI_D2)
		udelay(200);
	pci_read_config_word(dev, dev->pm_cap + PCI_PM_CTRL, &pmcsr);
	dev->current_state = pmcsr & PCI_PM_CTRL_STATE_MASK;
	if (dev->current_state != state)
		dev_info(&dev->dev, "refused to change power state from D%d to D%d\n",
			 dev->current_state, state);
	return 0;
}

pci_power_t pci_choose_state(struct pci_dev *dev, pm_message_t state)
{
	(void)dev;
	return state.event == PM_EVENT_ON ? PCI_D0 : PCI_D3hot;
}

/* The standard header's 16 dwords, as pci_save_state() keeps them. */
int pci_save_state(struct pci_dev *dev)
{
	int i;

	for (i = 0; i < 16; i++)
		if (pci_read_config_dword(dev, i * 4, &dev->saved_config_space[i]))
			return -EIO;
	dev->state_saved = 1;
	return 0;
}

void pci_restore_state(struct pci_dev *dev)
{
	int i;
	u32 val;

	if (!dev->state_saved)
		return;
	/* From the top down, Command last, as pci_restore_config_space(). */
	for (i = 15; i >= 0; i--) {
		if (pci_read_config_dword(dev, i * 4, &val) ||
		    val == dev->saved_config_space[i])
			continue;
		pci_write_config_dword(dev, i * 4, dev->saved_config_space[i]);
	}
	dev->state_saved = 0;
}

bool pci_pme_capable(struct pci_dev *dev, pci_power_t state)
{
	u16 pmc;

	if (!dev->pm_cap || pci_read_config_word(dev, dev->pm_cap + PCI_PM_PMC, &pmc))
		return false;
	return pmc & (1 << (11 + (state > PCI_D3hot ? 4 : state)));
}

void pci_pme_active(struct pci_dev *dev, bool enable)
{
	u16 pmcsr;

	if (!dev->pm_cap || pci_read_config_word(dev, dev->pm_cap + PCI_PM_CTRL, &pmcsr))
		return;
	pmcsr |= PCI_PM_CTRL_PME_STATUS;	/* write 1 to clear */
	if (enable)
		pmcsr |= PCI_PM_CTRL_PME_ENABLE;
	else
		pmcsr &= ~PCI_PM_CTRL_PME_ENABLE;
	pci_write_config_word(dev, dev->pm_cap + PCI_PM_CTRL, pmcsr);
}

int pci_enable_wake(struct pci_dev *dev, pci_power_t state, bool enable)
{
	if (enable && !pci_pme_capable(dev, state))
		return -EINVAL;
	pci_pme_active(dev, enable);
	return 0;
}

int pci_wake_from_d3(struct pci_dev *dev, bool enable)
{
	return pci_pme_capable(dev, PCI_D3cold) ?
	       pci_enable_wake(dev, PCI_D3cold, enable) :
	       pci_enable_wake(dev, PCI_D3hot, enable);
}

int pci_prepare_to_sleep(struct pci_dev *dev)
{
	pci_enable_wake(dev, PCI_D3hot, device_may_wakeup(&dev->dev));
	return pci_set_power_state(dev, PCI_D3hot);
}

int pci_back_from_sleep(struct pci_dev *dev)
{
	int ret = pci_set_power_state(dev, PCI_D0);

	pci_enable_wake(dev, PCI_D0, false);
	return ret;
}

/* ---- regions: the VFIO device is this process's alone; requests are
 * recorded so that a second request of one BAR fails as in the kernel ---- */

int pci_request_region(struct pci_dev *dev, int bar, const char *name)
{
	struct vcshim_pci *sp = vcshim_of(dev);

	(void)name;
	if (bar < 0 || bar >= PCI_STD_NUM_BARS)
		return -EINVAL;
	if (!pci_resource_len(dev, bar))
		return 0;
	if (sp->requested_bars & (1U << bar)) {
		dev_warn(&dev->dev, "BAR %d: can't reserve %pR\n", bar, &dev->resource[bar]);
		return -EBUSY;
	}
	sp->requested_bars |= 1U << bar;
	return 0;
}

void pci_release_region(struct pci_dev *dev, int bar)
{
	if (bar >= 0 && bar < PCI_STD_NUM_BARS)
		vcshim_of(dev)->requested_bars &= ~(1U << bar);
}

int pci_request_selected_regions(struct pci_dev *dev, int bars, const char *name)
{
	int i, ret;

	for (i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (!(bars & (1 << i)))
			continue;
		ret = pci_request_region(dev, i, name);
		if (ret) {
			while (--i >= 0)
				if (bars & (1 << i))
					pci_release_region(dev, i);
			return ret;
		}
	}
	return 0;
}

void pci_release_selected_regions(struct pci_dev *dev, int bars)
{
	int i;

	for (i = 0; i < PCI_STD_NUM_BARS; i++)
		if (bars & (1 << i))
			pci_release_region(dev, i);
}

int pci_select_bars(struct pci_dev *dev, unsigned long flags)
{
	int i, bars = 0;

	for (i = 0; i < PCI_NUM_RESOURCES; i++)
		if (pci_resource_flags(dev, i) & flags)
			bars |= 1 << i;
	return bars;
}

void pci_set_master(struct pci_dev *dev)
{
	if (!update_command(dev, 0, PCI_COMMAND_MASTER))
		dev->is_busmaster = 1;
}

void pci_clear_master(struct pci_dev *dev)
{
	if (!update_command(dev, PCI_COMMAND_MASTER, 0))
		dev->is_busmaster = 0;
}

/*
 * FLR by the config write a kernel driver would make (vfio-vconfig and
 * vfio-pci both act on it), else VFIO_DEVICE_RESET. Command and the enabled
 * MSI/MSI-X control are written back afterwards, as the kernel restores the
 * saved state; the enable write allocates the vectors again.
 */
int pci_reset_function(struct pci_dev *dev)
{
	struct vcshim_pci *sp = vcshim_of(dev);
	u16 cmd, ctrl = 0, ctrl_pos = 0;
	u32 devcap = 0;
	int ret = 0;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	if (dev->msi_enabled)
		ctrl_pos = dev->msi_cap + PCI_MSI_FLAGS;
	else if (dev->msix_enabled)
		ctrl_pos = dev->msix_cap + PCI_MSIX_FLAGS;
	if (ctrl_pos)
		pci_read_config_word(dev, ctrl_pos, &ctrl);

	pcie_capability_read_dword(dev, PCI_EXP_DEVCAP, &devcap);
	if (devcap & PCI_EXP_DEVCAP_FLR) {
		dev_dbg(&dev->dev, "reset: FLR through Device Control\n");
		ret = pcibios_err_to_errno(pcie_capability_clear_and_set_word(dev,
				PCI_EXP_DEVCTL, 0, PCI_EXP_DEVCTL_BCR_FLR));
		msleep(100);
	} else {
		dev_dbg(&dev->dev, "reset: VFIO_DEVICE_RESET\n");
		ret = vcdev_reset(sp->vdev);
	}
	if (ret)
		return ret;

	pci_write_config_word(dev, PCI_COMMAND, cmd);
	if (ctrl_pos) {
		pci_write_config_word(dev, ctrl_pos, ctrl & ~(dev->msi_enabled ?
			PCI_MSI_FLAGS_ENABLE : PCI_MSIX_FLAGS_ENABLE));
		pci_write_config_word(dev, ctrl_pos, ctrl);
	}
	return 0;
}

/* ---- BAR mappings ---- */

/*
 * The arena: one reserved, inaccessible address range. A mapping that
 * cannot be a real mmap of the BAR gets addresses inside it, so that an
 * accessor tells it apart from a real mapping by one range check, and
 * nothing else is ever mapped there.
 */
#define ARENA_SIZE	(1ULL << 36)

unsigned long vcshim_slow_base, vcshim_slow_size;
static unsigned long arena_next;

static void *arena_alloc(size_t len)
{
	void *base;
	unsigned long addr;

	len = (len + page_size() - 1) & ~(page_size() - 1);
	pthread_mutex_lock(&devices_lock);
	if (!vcshim_slow_size) {
		base = mmap(NULL, ARENA_SIZE, PROT_NONE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
		if (base == MAP_FAILED) {
			pthread_mutex_unlock(&devices_lock);
			return NULL;
		}
		vcshim_slow_base = arena_next = (unsigned long)base;
		__atomic_store_n(&vcshim_slow_size, ARENA_SIZE, __ATOMIC_RELEASE);
	}
	addr = arena_next;
	if (addr + len > vcshim_slow_base + vcshim_slow_size) {
		pthread_mutex_unlock(&devices_lock);
		return NULL;
	}
	arena_next += len;
	pthread_mutex_unlock(&devices_lock);
	return (void *)addr;
}

static struct vcshim_map *free_map(struct vcshim_pci *sp)
{
	int i;

	for (i = 0; i < VCSHIM_MAX_MAPS; i++)
		if (!sp->maps[i].addr)
			return &sp->maps[i];
	return NULL;
}

/*
 * Whether [off, off + len) lies in one of the region's mmap areas. An area
 * that ends where the region ends extends to the page boundary: vfio-pci
 * maps the whole page of a BAR smaller than a page (it reserves the rest).
 */
static bool mappable(const struct vcdev_region_info *info, u64 off, u64 len)
{
	u64 page = page_size();
	unsigned int i;

	if (!(info->flags & VFIO_REGION_INFO_FLAG_MMAP))
		return false;
	for (i = 0; i < info->nr_mmap_areas; i++) {
		const struct vcdev_mmap_area *a = &info->mmap_areas[i];
		u64 end = a->offset + a->size;

		if (end == info->size)
			end = (end + page - 1) & ~(page - 1);
		if (off >= a->offset && off + len <= end)
			return true;
	}
	return false;
}

static void __iomem *map_bar(struct pci_dev *dev, int bar, unsigned long offset,
			     unsigned long maxlen, bool managed)
{
	struct vcshim_pci *sp = vcshim_of(dev);
	struct vcdev_region_info info;
	struct vcshim_map *map;
	u64 start, end, len;
	size_t page = page_size();
	void *addr = NULL;
	int ret;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS ||
	    vcdev_get_region_info(sp->vdev, bar, &info) || offset >= info.size)
		return NULL;
	len = info.size - offset;
	if (maxlen && maxlen < len)
		len = maxlen;
	map = free_map(sp);
	if (!map)
		return NULL;

	start = offset & ~(u64)(page - 1);
	end = (offset + len + page - 1) & ~(u64)(page - 1);
	if (!(pci_resource_flags(dev, bar) & IORESOURCE_IO) &&
	    mappable(&info, start, end - start)) {
		ret = vcdev_region_mmap(sp->vdev, bar, start, end - start,
					PROT_READ | PROT_WRITE, &addr);
		if (!ret) {
			*map = (struct vcshim_map){ addr, end - start, bar, start, false,
						    managed };
			dev_dbg(&dev->dev, "BAR%d: %#llx bytes mapped at %p\n",
				bar, end - start, addr);
			return (char *)addr + (offset - start);
		}
		dev_dbg(&dev->dev, "BAR%d: no mmap (%s): read/write instead\n", bar,
			vcdev_last_error());
	}

	addr = arena_alloc(len);
	if (!addr)
		return NULL;
	*map = (struct vcshim_map){ addr, len, bar, offset, true, managed };
	dev_dbg(&dev->dev, "BAR%d: %#llx bytes through read/write at %p\n",
		bar, len, addr);
	return addr;
}

void __iomem *pci_iomap_range(struct pci_dev *dev, int bar,
			      unsigned long offset, unsigned long maxlen)
{
	return map_bar(dev, bar, offset, maxlen, false);
}

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	return pci_iomap_range(dev, bar, 0, maxlen);
}

void __iomem *pci_ioremap_bar(struct pci_dev *dev, int bar)
{
	if (!(pci_resource_flags(dev, bar) & IORESOURCE_MEM)) {
		dev_warn(&dev->dev, "can't ioremap BAR %d: %pR\n", bar, &dev->resource[bar]);
		return NULL;
	}
	return pci_iomap(dev, bar, 0);
}

static struct vcshim_map *find_map(struct vcshim_pci *sp, const volatile void *addr)
{
	uintptr_t a = (uintptr_t)addr;
	int i;

	for (i = 0; i < VCSHIM_MAX_MAPS; i++) {
		struct vcshim_map *m = &sp->maps[i];

		if (m->addr && a >= (uintptr_t)m->addr && a < (uintptr_t)m->addr + m->len)
			return m;
	}
	return NULL;
}

/* Arena addresses are not reused: a stale pointer keeps faulting. */
static void unmap(struct vcshim_pci *sp, struct vcshim_map *m)
{
	if (!m->slow)
		vcdev_region_unmap(sp->vdev, m->addr);
	m->addr = NULL;
}

void pci_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	struct vcshim_pci *sp = vcshim_of(dev);
	struct vcshim_map *m = find_map(sp, addr);

	if (m)
		unmap(sp, m);
}

void vcshim_pci_unmap_all(struct vcshim_pci *sp)
{
	int i;

	for (i = 0; i < VCSHIM_MAX_MAPS; i++)
		if (sp->maps[i].addr)
			unmap(sp, &sp->maps[i]);
	memset(sp->iomap_table, 0, sizeof(sp->iomap_table));
}

/* ---- managed mappings ---- */

static void pcim_iomap_release(struct device *gendev, void *res)
{
	struct pci_dev *dev = to_pci_dev(gendev);
	void __iomem **table = res;
	int i;

	for (i = 0; i < PCI_STD_NUM_BARS; i++)
		if (table[i])
			pci_iounmap(dev, table[i]);
}

void __iomem * const *pcim_iomap_table(struct pci_dev *dev)
{
	void __iomem **table;

	table = devres_find(&dev->dev, pcim_iomap_release, NULL, NULL);
	if (table)
		return table;
	table = devres_alloc(pcim_iomap_release, sizeof(void __iomem *) * PCI_STD_NUM_BARS,
			     GFP_KERNEL);
	if (!table)
		return NULL;
	devres_add(&dev->dev, table);
	return table;
}

void __iomem *pcim_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	void __iomem **tbl = (void __iomem **)pcim_iomap_table(dev);

	if (!tbl || bar < 0 || bar >= PCI_STD_NUM_BARS || tbl[bar])
		return NULL;
	tbl[bar] = pci_iomap(dev, bar, maxlen);
	return tbl[bar];
}

void pcim_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	void __iomem **tbl = (void __iomem **)pcim_iomap_table(dev);
	int i;

	pci_iounmap(dev, addr);
	for (i = 0; tbl && i < PCI_STD_NUM_BARS; i++)
		if (tbl[i] == addr)
			tbl[i] = NULL;
}

int pcim_iomap_regions(struct pci_dev *dev, int mask, const char *name)
{
	int i, ret;

	for (i = 0; i < PCI_STD_NUM_BARS; i++) {
		if (!(mask & (1 << i)) || !pci_resource_len(dev, i))
			continue;
		ret = pci_request_region(dev, i, name);
		if (ret)
			goto err;
		if (!pcim_iomap(dev, i, 0)) {
			pci_release_region(dev, i);
			ret = -ENOMEM;
			goto err;
		}
	}
	return 0;
err:
	while (--i >= 0) {
		if (!(mask & (1 << i)))
			continue;
		pcim_iounmap(dev, pcim_iomap_table(dev)[i]);
		pci_release_region(dev, i);
	}
	return ret;
}

int pcim_iomap_regions_request_all(struct pci_dev *dev, int mask, const char *name)
{
	return pcim_iomap_regions(dev, mask, name);
}

void pcim_iounmap_regions(struct pci_dev *dev, int mask)
{
	void __iomem * const *tbl = pcim_iomap_table(dev);
	int i;

	for (i = 0; tbl && i < PCI_STD_NUM_BARS; i++) {
		if (!(mask & (1 << i)) || !tbl[i])
			continue;
		pcim_iounmap(dev, tbl[i]);
		pci_release_region(dev, i);
	}
}

/* ---- the slow path: arena addresses and port numbers ---- */

/* The device and offset in its BAR behind an arena address. */
static struct vcshim_pci *slow_target(const volatile void *addr,
				      unsigned int *bar, u64 *offset)
{
	struct vcshim_pci *sp;
	struct vcshim_map *m = NULL;

	pthread_mutex_lock(&devices_lock);
	for (sp = devices; sp; sp = sp->next) {
		m = find_map(sp, addr);
		if (m && m->slow)
			break;
	}
	pthread_mutex_unlock(&devices_lock);
	if (!sp)
		return NULL;
	*bar = m->bar;
	*offset = m->offset + ((uintptr_t)addr - (uintptr_t)m->addr);
	return sp;
}

u64 vcshim_slow_read(const volatile void __iomem *addr, unsigned int size)
{
	unsigned int bar;
	u64 offset, val = 0;
	struct vcshim_pci *sp = slow_target(addr, &bar, &offset);

	if (!sp || vcdev_region_read(sp->vdev, bar, offset, &val, size))
		return ~0ULL >> (64 - 8 * size);
	return val;
}

void vcshim_slow_write(u64 val, volatile void __iomem *addr, unsigned int size)
{
	unsigned int bar;
	u64 offset;
	struct vcshim_pci *sp = slow_target(addr, &bar, &offset);

	if (sp)
		vcdev_region_write(sp->vdev, bar, offset, &val, size);
}

/* A block in one VFIO read or write (as far as it stays in one mapping). */
void vcshim_slow_copy(void *buf, const volatile void __iomem *io, size_t len,
		      bool to_device)
{
	unsigned int bar;
	u64 offset;
	struct vcshim_pci *sp = slow_target(io, &bar, &offset);
	int ret = -ENODEV;

	if (sp)
		ret = to_device ? vcdev_region_write(sp->vdev, bar, offset, buf, len) :
				  vcdev_region_read(sp->vdev, bar, offset, buf, len);
	if (ret && !to_device)
		memset(buf, 0xff, len);
}

/* Copies on a real mapping: aligned 32-bit accesses, bytes at the edges. */
void vcshim_memcpy_mmio(void *buf, const volatile void __iomem *io, size_t len,
			bool to_device)
{
	volatile u8 *p = (volatile u8 *)io;
	u8 *b = buf;

	while (len && ((uintptr_t)p & 3)) {
		if (to_device)
			*p = *b;
		else
			*b = *p;
		p++, b++, len--;
	}
	for (; len >= 4; p += 4, b += 4, len -= 4) {
		u32 v;

		if (to_device) {
			memcpy(&v, b, 4);
			*(volatile u32 *)p = v;
		} else {
			v = *(volatile u32 *)p;
			memcpy(b, &v, 4);
		}
	}
	for (; len; p++, b++, len--) {
		if (to_device)
			*p = *b;
		else
			*b = *p;
	}
}

/* The device and I/O BAR whose port range holds @port. */
static struct vcshim_pci *port_target(unsigned long port, unsigned int size,
				      unsigned int *bar, u64 *offset)
{
	struct vcshim_pci *sp;
	int i;

	pthread_mutex_lock(&devices_lock);
	for (sp = devices; sp; sp = sp->next) {
		for (i = 0; i < PCI_STD_NUM_BARS; i++) {
			struct resource *r = &sp->pdev.resource[i];

			if ((r->flags & IORESOURCE_IO) && port >= r->start &&
			    port + size - 1 <= r->end) {
				*bar = i;
				*offset = port - r->start;
				pthread_mutex_unlock(&devices_lock);
				return sp;
			}
		}
	}
	pthread_mutex_unlock(&devices_lock);
	return NULL;
}

u32 vcshim_port_read(unsigned long port, unsigned int size)
{
	unsigned int bar;
	u64 offset;
	u32 val = 0;
	struct vcshim_pci *sp = port_target(port, size, &bar, &offset);

	if (!sp || vcdev_region_read(sp->vdev, bar, offset, &val, size))
		return ~0U >> (32 - 8 * size);
	return val;
}

void vcshim_port_write(u32 val, unsigned long port, unsigned int size)
{
	unsigned int bar;
	u64 offset;
	struct vcshim_pci *sp = port_target(port, size, &bar, &offset);

	if (sp)
		vcdev_region_write(sp->vdev, bar, offset, &val, size);
	else
		pr_debug("out%c %#x to port %#lx: no device\n", "bwxl"[size / 2], val, port);
}

void __iomem *ioport_map(unsigned long port, unsigned int nr)
{
	unsigned int bar;
	u64 offset;
	struct vcshim_pci *sp = port_target(port, 1, &bar, &offset);

	if (!sp)
		return NULL;
	return map_bar(&sp->pdev, bar, offset, nr, false);
}

void ioport_unmap(void __iomem *addr)
{
	struct vcshim_pci *sp;

	for (sp = devices; sp; sp = sp->next)
		if (find_map(sp, addr))
			pci_iounmap(&sp->pdev, addr);
}

/* ioremap() of a bus address: the BAR whose resource holds it. */
void __iomem *ioremap(resource_size_t offset, unsigned long size)
{
	struct vcshim_pci *sp;
	int i;

	pthread_mutex_lock(&devices_lock);
	for (sp = devices; sp; sp = sp->next) {
		for (i = 0; i < PCI_STD_NUM_BARS; i++) {
			struct resource *r = &sp->pdev.resource[i];

			if ((r->flags & IORESOURCE_MEM) && offset >= r->start &&
			    offset + size - 1 <= r->end) {
				pthread_mutex_unlock(&devices_lock);
				return map_bar(&sp->pdev, i, offset - r->start, size, false);
			}
		}
	}
	pthread_mutex_unlock(&devices_lock);
	pr_err("ioremap(%#llx, %#lx): no BAR of an opened device holds it\n",
	       (unsigned long long)offset, size);
	return NULL;
}

void iounmap(volatile void __iomem *addr)
{
	struct vcshim_pci *sp;

	for (sp = devices; sp; sp = sp->next) {
		struct vcshim_map *m = find_map(sp, addr);

		if (m) {
			unmap(sp, m);
			return;
		}
	}
}

/* ---- devices ---- */

/* Host address of a BAR from sysfs; 0 when sysfs does not say. */
static u64 sysfs_bar_start(const char *bdf, int bar)
{
	char path[128], line[128];
	unsigned long long start = 0, end, flags;
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource", bdf);
	f = fopen(path, "r");
	if (!f)
		return 0;
	for (i = 0; i <= bar && fgets(line, sizeof(line), f); i++)
		if (i == bar && sscanf(line, "%llx %llx %llx", &start, &end, &flags) != 3)
			start = 0;
	fclose(f);
	return start;
}

static void read_resources(struct vcshim_pci *sp)
{
	struct pci_dev *dev = &sp->pdev;
	struct vcdev_region_info info;
	int i;

	for (i = 0; i < PCI_NUM_RESOURCES; i++) {
		struct resource *res = &dev->resource[i];
		u32 bar = 0;
		u64 start;

		if (vcdev_get_region_info(sp->vdev, i, &info) || !info.size)
			continue;
		res->name = dev->dev.name;
		if (i == PCI_ROM_RESOURCE) {
			res->flags = IORESOURCE_MEM | IORESOURCE_READONLY;
		} else {
			pci_read_config_dword(dev, PCI_BASE_ADDRESS_0 + 4 * i, &bar);
			if (bar & PCI_BASE_ADDRESS_SPACE_IO) {
				res->flags = IORESOURCE_IO;
			} else {
				res->flags = IORESOURCE_MEM;
				if ((bar & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
				    PCI_BASE_ADDRESS_MEM_TYPE_64)
					res->flags |= IORESOURCE_MEM_64;
				if (bar & PCI_BASE_ADDRESS_MEM_PREFETCH)
					res->flags |= IORESOURCE_PREFETCH;
			}
		}
		start = sysfs_bar_start(dev->dev.name, i);
		if (!start)
			start = bar & (res->flags & IORESOURCE_IO ?
				       PCI_BASE_ADDRESS_IO_MASK : PCI_BASE_ADDRESS_MEM_MASK);
		res->start = start;
		res->end = start + info.size - 1;
	}
}

struct vcshim_pci *vcshim_pci_open(const char *bdf)
{
	struct vcdev_info info;
	struct vcdev_region_info cfg_info;
	struct vcdev_irq_info irq;
	struct vcshim_pci *sp;
	struct pci_dev *dev;
	unsigned int dom, bus, slot, fn;
	u32 class_rev = 0;
	u16 ss = 0;
	int ret;

	sp = calloc(1, sizeof(*sp));
	if (!sp)
		return NULL;
	ret = vcdev_open(bdf, &sp->vdev);
	if (!ret)
		ret = vcdev_get_info(sp->vdev, &info);
	if (ret) {
		pr_err("%s\n", vcdev_last_error()[0] ? vcdev_last_error() : strerror(-ret));
		if (sp->vdev)
			vcdev_close(sp->vdev);
		free(sp);
		return NULL;
	}
	dev = &sp->pdev;
	dev->dev.vcshim = sp;
	dev->dev.numa_node = NUMA_NO_NODE;
	INIT_LIST_HEAD(&dev->dev.devres_head);
	INIT_LIST_HEAD(&dev->bus_list);
	dev->cfg_size = 256;
	if (!vcdev_get_region_info(sp->vdev, VFIO_PCI_CONFIG_REGION_INDEX, &cfg_info) &&
	    cfg_info.size >= 4096)
		dev->cfg_size = 4096;
	sp->irq_index = -1;
	pthread_mutex_init(&sp->dma_lock, NULL);
	snprintf(dev->dev.name, sizeof(dev->dev.name), "%s", info.bdf);
	if (sscanf(info.bdf, "%x:%x:%x.%x", &dom, &bus, &slot, &fn) == 4) {
		sp->bus.number = bus;
		sp->bus.domain_nr = dom;
		dev->devfn = PCI_DEVFN(slot, fn);
	}
	dev->bus = &sp->bus;

	pci_read_config_word(dev, PCI_VENDOR_ID, &dev->vendor);
	pci_read_config_word(dev, PCI_DEVICE_ID, &dev->device);
	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class_rev);
	dev->class = class_rev >> 8;
	dev->revision = class_rev & 0xff;
	dev->error_state = pci_channel_io_normal;
	pci_read_config_byte(dev, PCI_HEADER_TYPE, &dev->hdr_type);
	pci_read_config_word(dev, PCI_SUBSYSTEM_VENDOR_ID, &ss);
	dev->subsystem_vendor = ss;
	pci_read_config_word(dev, PCI_SUBSYSTEM_ID, &ss);
	dev->subsystem_device = ss;
	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &dev->pin);
	dev->msi_cap = pci_find_capability(dev, PCI_CAP_ID_MSI);
	dev->msix_cap = pci_find_capability(dev, PCI_CAP_ID_MSIX);
	dev->pcie_cap = pci_find_capability(dev, PCI_CAP_ID_EXP);
	dev->pcix_cap = pci_find_capability(dev, PCI_CAP_ID_PCIX);
	dev->pm_cap = pci_find_capability(dev, PCI_CAP_ID_PM);
	if (dev->pcie_cap)
		pci_read_config_word(dev, dev->pcie_cap + PCI_EXP_FLAGS, &dev->pcie_flags_reg);
	dev->current_state = PCI_D0;
	if (dev->pm_cap) {
		u16 pmcsr;

		if (!pci_read_config_word(dev, dev->pm_cap + PCI_PM_CTRL, &pmcsr))
			dev->current_state = pmcsr & PCI_PM_CTRL_STATE_MASK;
	}
	dev->d3hot_delay = 10;		/* PCI_PM_D3HOT_WAIT */
	dev->d3cold_delay = 100;
	dev->multifunction = !!(dev->hdr_type & 0x80);
	read_resources(sp);

	/* The kernel's default for a PCI device: 32-bit DMA. */
	dev->dma_mask = DMA_BIT_MASK(32);
	dev->dev.dma_mask = &dev->dma_mask;
	dev->dev.coherent_dma_mask = DMA_BIT_MASK(32);
	dma_set_mask(&dev->dev, DMA_BIT_MASK(32));

	/* Tom Lyon's model: MSI/MSI-X enable writes allocate host vectors. */
	if (vcdev_action_supported(sp->vdev) == 1 &&
	    !vcdev_set_irq_mode(sp->vdev, VCDEV_IRQ_MODE_ACTION))
		sp->action_mode = true;

	if (dev->pin && !vcdev_get_irq_info(sp->vdev, VFIO_PCI_INTX_IRQ_INDEX, &irq) &&
	    irq.count) {
		ret = vcshim_irq_create(sp, VFIO_PCI_INTX_IRQ_INDEX, 0, false);
		if (ret > 0)
			sp->intx_irq = dev->irq = ret;
	}

	pr_debug("%s: %04x:%04x class %06x on %s%s\n", dev->dev.name, dev->vendor,
		 dev->device, dev->class, info.driver,
		 sp->action_mode ? ", config-action mode" : "");
	pthread_mutex_lock(&devices_lock);
	sp->next = devices;
	devices = sp;
	pthread_mutex_unlock(&devices_lock);
	return sp;
}

/* After the driver is gone: what it left behind, then the device. */
void vcshim_pci_close(struct vcshim_pci *sp)
{
	struct vcshim_pci **p;

	vcshim_irq_release_device(sp);
	vcshim_pci_unmap_all(sp);
	vcshim_dma_release_device(sp);
	pthread_mutex_lock(&devices_lock);
	for (p = &devices; *p; p = &(*p)->next) {
		if (*p == sp) {
			*p = sp->next;
			break;
		}
	}
	pthread_mutex_unlock(&devices_lock);
	if (sp->intx_irq)
		vcshim_irq_destroy(sp->intx_irq);
	vcdev_close(sp->vdev);
	free(sp);
}

/* ---- drivers ---- */

static bool id_matches(const struct pci_device_id *id, const struct pci_dev *dev)
{
	return (id->vendor == (u32)PCI_ANY_ID || id->vendor == dev->vendor) &&
	       (id->device == (u32)PCI_ANY_ID || id->device == dev->device) &&
	       (id->subvendor == (u32)PCI_ANY_ID || id->subvendor == dev->subsystem_vendor) &&
	       (id->subdevice == (u32)PCI_ANY_ID || id->subdevice == dev->subsystem_device) &&
	       !((id->class ^ dev->class) & id->class_mask);
}

const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev)
{
	for (; ids && (ids->vendor || ids->subvendor || ids->class_mask); ids++)
		if (id_matches(ids, dev))
			return ids;
	return NULL;
}

static const struct pci_device_id *match_id(const struct pci_driver *drv,
					    const struct pci_dev *dev)
{
	return pci_match_id(drv->id_table, (struct pci_dev *)dev);
}

/* What the driver core undoes after remove() or a failed probe(). */
static void release_driver(struct vcshim_pci *sp)
{
	struct pci_dev *dev = &sp->pdev;

	devres_release_all(&dev->dev);
	vcshim_irq_release_device(sp);
	vcshim_pci_unmap_all(sp);
	vcshim_dma_release_device(sp);
	sp->requested_bars = 0;
	dev->is_managed = 0;
	dev->driver = NULL;
	dev->dev.driver = NULL;
	dev_set_drvdata(&dev->dev, NULL);
}

static int probe(struct pci_driver *drv, struct vcshim_pci *sp)
{
	struct pci_dev *dev = &sp->pdev;
	const struct pci_device_id *id = match_id(drv, dev);
	int ret;

	if (!id)
		return -ENODEV;
	dev->driver = drv;
	dev->dev.driver = &drv->driver;
	ret = drv->probe(dev, id);
	if (!ret)
		ret = devm_device_add_groups(&dev->dev, drv->dev_groups);
	if (ret) {
		pr_warn("%s: probe of %s failed with error %d\n", drv->name,
			dev->dev.name, ret);
		release_driver(sp);
	}
	return ret;
}

/* Probe @sp with the first registered driver that matches it. */
int vcshim_pci_attach(struct vcshim_pci *sp)
{
	struct pci_driver *drv;

	for (drv = drivers; drv; drv = drv->vcshim_next)
		if (match_id(drv, &sp->pdev))
			return probe(drv, sp);
	return -ENODEV;
}

struct pci_dev *pci_get_slot(struct pci_bus *bus, unsigned int devfn)
{
	struct vcshim_pci *sp;

	for (sp = devices; sp; sp = sp->next)
		if (sp->pdev.bus->number == bus->number &&
		    sp->pdev.bus->domain_nr == bus->domain_nr && sp->pdev.devfn == devfn)
			return &sp->pdev;
	return NULL;
}

struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus,
					    unsigned int devfn)
{
	struct pci_bus b = { .number = bus, .domain_nr = domain };

	return pci_get_slot(&b, devfn);
}

/* Only the functions this program opened are visible. */
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from)
{
	struct vcshim_pci *sp = from ? vcshim_of(from)->next : devices;

	for (; sp; sp = sp->next)
		if ((vendor == (unsigned int)PCI_ANY_ID || sp->pdev.vendor == vendor) &&
		    (device == (unsigned int)PCI_ANY_ID || sp->pdev.device == device))
			return &sp->pdev;
	return NULL;
}

int pci_register_driver(struct pci_driver *drv)
{
	struct vcshim_pci *sp;

	drv->driver.name = drv->name;
	drv->vcshim_next = drivers;
	drivers = drv;
	/* As in the kernel, a new driver is offered the devices nobody has. */
	for (sp = devices; sp; sp = sp->next)
		if (!sp->pdev.driver && match_id(drv, &sp->pdev))
			probe(drv, sp);
	return 0;
}

void pci_unregister_driver(struct pci_driver *drv)
{
	struct pci_driver **p;
	struct vcshim_pci *sp;

	for (sp = devices; sp; sp = sp->next) {
		if (sp->pdev.driver != drv)
			continue;
		if (drv->remove)
			drv->remove(&sp->pdev);
		release_driver(sp);
	}
	for (p = &drivers; *p; p = &(*p)->vcshim_next) {
		if (*p == drv) {
			*p = drv->vcshim_next;
			break;
		}
	}
}
