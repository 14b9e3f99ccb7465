// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * vconfig ls (lsvfio): the VFIO devices of the system and the virtual
 * configuration space their users see, decoded in the manner of lspci -vvv.
 *
 * Each device is opened through libvconfig, so what is shown is what a
 * VFIO user reads (for vfio-vconfig, the engine's virtual view). With -x,
 * -xxx or -xxxx the configuration space follows in lspci dump format; the
 * whole output can be given to `lspci -F FILE -vvv`, which skips the lines
 * it does not know.
 */
#include <errno.h>
#include <getopt.h>
#include <pciaccess.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/pci_regs.h>
#include <vconfig/libvconfig.h>
#include "cli.h"

#define CFG_MAX		4096

static const char *progname = "vconfig ls";

struct ls_options {
	const char *select;		/* -s BDF */
	int dump_level;			/* number of x: 1, 3 or 4 */
	bool numeric;			/* -n */
};

/* A listed device: its configuration space, and the VFIO view when open. */
struct ls_entry {
	struct vcdev_function fn;
	struct vcdev *dev;
	const char *unavailable;	/* why dev is NULL */
	uint8_t cfg[CFG_MAX];
	unsigned int cfg_size;
};

static void __attribute__((format(printf, 1, 2))) ls_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* lspci's flag notation: "Name+" or "Name-". */
static char flag(uint32_t value, uint32_t mask)
{
	return (value & mask) ? '+' : '-';
}

/* ---- Names ---- */

static const char *class_name(unsigned int cls)
{
	static const struct { unsigned int cls; const char *name; } names[] = {
		{ 0x0000, "Non-VGA unclassified device" },
		{ 0x0100, "SCSI storage controller" },
		{ 0x0101, "IDE interface" },
		{ 0x0106, "SATA controller" },
		{ 0x0107, "Serial Attached SCSI controller" },
		{ 0x0108, "Non-Volatile memory controller" },
		{ 0x0180, "Mass storage controller" },
		{ 0x0200, "Ethernet controller" },
		{ 0x0280, "Network controller" },
		{ 0x0300, "VGA compatible controller" },
		{ 0x0302, "3D controller" },
		{ 0x0380, "Display controller" },
		{ 0x0401, "Multimedia audio controller" },
		{ 0x0403, "Audio device" },
		{ 0x0500, "RAM memory" },
		{ 0x0600, "Host bridge" },
		{ 0x0601, "ISA bridge" },
		{ 0x0604, "PCI bridge" },
		{ 0x0700, "Serial controller" },
		{ 0x0880, "System peripheral" },
		{ 0x0c03, "USB controller" },
		{ 0x0c05, "SMBus" },
		{ 0x0d80, "Wireless controller" },
		{ 0x1080, "Encryption controller" },
		{ 0x1200, "Processing accelerators" },
		{ 0xff00, "Unassigned class" },
	};
	static const char *const base[] = {
		"Unclassified device", "Mass storage controller", "Network controller",
		"Display controller", "Multimedia controller", "Memory controller",
		"Bridge", "Communication controller", "Generic system peripheral",
		"Input device controller", "Docking station", "Processor",
		"Serial bus controller", "Wireless controller",
		"Intelligent controller", "Satellite communications controller",
		"Encryption controller", "Signal processing controller",
		"Processing accelerators", "Non-Essential Instrumentation",
	};
	unsigned int i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].cls == cls)
			return names[i].name;
	if ((cls >> 8) < sizeof(base) / sizeof(base[0]))
		return base[cls >> 8];
	return "Class";
}

/* "Vendor Device" from the ID database, or the numbers. */
static void id_names(const struct ls_options *opt, unsigned int vendor,
		     unsigned int device, unsigned int subvendor,
		     unsigned int subdevice, char *main_out, size_t main_len,
		     char *sub_out, size_t sub_len)
{
	struct pci_id_match m = {
		.vendor_id = vendor, .device_id = device,
		.subvendor_id = subvendor, .subdevice_id = subdevice,
	};
	const char *dev_name = NULL, *ven_name = NULL, *sub_name = NULL,
		   *subven_name = NULL;

	if (!opt->numeric)
		pci_get_strings(&m, &dev_name, &ven_name, &sub_name, &subven_name);
	if (ven_name && dev_name)
		snprintf(main_out, main_len, "%s %s [%04x:%04x]", ven_name, dev_name,
			 vendor, device);
	else if (ven_name)
		snprintf(main_out, main_len, "%s Device [%04x:%04x]", ven_name, vendor,
			 device);
	else
		snprintf(main_out, main_len, "Device [%04x:%04x]", vendor, device);

	m.device_id = subdevice;
	m.vendor_id = subvendor;
	m.subvendor_id = PCI_MATCH_ANY;
	m.subdevice_id = PCI_MATCH_ANY;
	subven_name = NULL;
	if (!opt->numeric)
		pci_get_strings(&m, &sub_name, &subven_name, NULL, NULL);
	if (subven_name)
		snprintf(sub_out, sub_len, "%s Device [%04x:%04x]", subven_name,
			 subvendor, subdevice);
	else
		snprintf(sub_out, sub_len, "Device [%04x:%04x]", subvendor, subdevice);
}

/* ---- Header ---- */

static const char *size_text(uint64_t size, char *buf, size_t len)
{
	static const char units[] = "KMGTPE";
	unsigned int u = 0;

	if (size < 1024 || size % 1024) {
		snprintf(buf, len, "%llu", (unsigned long long)size);
		return buf;
	}
	size /= 1024;
	while (size >= 1024 && !(size % 1024) && u < sizeof(units) - 2) {
		size /= 1024;
		u++;
	}
	snprintf(buf, len, "%llu%c", (unsigned long long)size, units[u]);
	return buf;
}

static void print_header(const uint8_t *c)
{
	unsigned int cmd = vconfig_get16(c, PCI_COMMAND), sta = vconfig_get16(c, PCI_STATUS);
	static const char *const devsel[] = { "fast", "medium", "slow", "??" };
	unsigned int pin = c[PCI_INTERRUPT_PIN];

	printf("\tControl: I/O%c Mem%c BusMaster%c SpecCycle%c MemWINV%c VGASnoop%c "
	       "ParErr%c Stepping%c SERR%c FastB2B%c DisINTx%c\n",
	       flag(cmd, PCI_COMMAND_IO), flag(cmd, PCI_COMMAND_MEMORY),
	       flag(cmd, PCI_COMMAND_MASTER), flag(cmd, PCI_COMMAND_SPECIAL),
	       flag(cmd, PCI_COMMAND_INVALIDATE), flag(cmd, PCI_COMMAND_VGA_PALETTE),
	       flag(cmd, PCI_COMMAND_PARITY), flag(cmd, PCI_COMMAND_WAIT),
	       flag(cmd, PCI_COMMAND_SERR), flag(cmd, PCI_COMMAND_FAST_BACK),
	       flag(cmd, PCI_COMMAND_INTX_DISABLE));
	printf("\tStatus: Cap%c 66MHz%c UDF%c FastB2B%c ParErr%c DEVSEL=%s >TAbort%c "
	       "<TAbort%c <MAbort%c >SERR%c <PERR%c INTx%c\n",
	       flag(sta, PCI_STATUS_CAP_LIST), flag(sta, PCI_STATUS_66MHZ),
	       flag(sta, PCI_STATUS_UDF), flag(sta, PCI_STATUS_FAST_BACK),
	       flag(sta, PCI_STATUS_PARITY), devsel[(sta & PCI_STATUS_DEVSEL_MASK) >> 9],
	       flag(sta, PCI_STATUS_SIG_TARGET_ABORT), flag(sta, PCI_STATUS_REC_TARGET_ABORT),
	       flag(sta, PCI_STATUS_REC_MASTER_ABORT), flag(sta, PCI_STATUS_SIG_SYSTEM_ERROR),
	       flag(sta, PCI_STATUS_DETECTED_PARITY), flag(sta, PCI_STATUS_INTERRUPT));
	if (pin)
		printf("\tInterrupt: pin %c\n", pin <= 4 ? 'A' + pin - 1 : '?');
}

/* The BAR registers as the virtual space holds them, with the VFIO region. */
static void print_bars(struct ls_entry *e)
{
	const uint8_t *c = e->cfg;
	unsigned int bar;
	uint32_t rom;
	char sz[32];

	for (bar = 0; bar < 6; bar++) {
		struct vcdev_region_info ri;
		uint32_t lo = vconfig_get32(c, PCI_BASE_ADDRESS_0 + 4 * bar);
		uint64_t addr;
		bool is64 = false;

		if (!e->dev || vcdev_get_region_info(e->dev, bar, &ri) || !ri.size) {
			if (!lo)
				continue;
			ri.size = 0;
		}
		if (lo & PCI_BASE_ADDRESS_SPACE_IO) {
			printf("\tRegion %u: I/O ports at %04x", bar, lo & ~3u);
		} else {
			addr = lo & ~0xfu;
			is64 = (lo & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
			       PCI_BASE_ADDRESS_MEM_TYPE_64;
			if (is64 && bar < 5)
				addr |= (uint64_t)vconfig_get32(c, PCI_BASE_ADDRESS_0 + 4 * bar + 4) << 32;
			printf("\tRegion %u: Memory at %llx (%s, %sprefetchable)", bar,
			       (unsigned long long)addr, is64 ? "64-bit" : "32-bit",
			       (lo & PCI_BASE_ADDRESS_MEM_PREFETCH) ? "" : "non-");
		}
		if (ri.size)
			printf(" [size=%s]", size_text(ri.size, sz, sizeof(sz)));
		putchar('\n');
		if (is64)
			bar++;
	}
	rom = vconfig_get32(c, PCI_ROM_ADDRESS);
	if (rom) {
		struct vcdev_region_info ri = { .size = 0 };

		if (e->dev)
			vcdev_get_region_info(e->dev, VFIO_PCI_ROM_REGION_INDEX, &ri);
		printf("\tExpansion ROM at %08x%s", rom & PCI_ROM_ADDRESS_MASK,
		       (rom & PCI_ROM_ADDRESS_ENABLE) ? "" : " [disabled]");
		if (ri.size)
			printf(" [size=%s]", size_text(ri.size, sz, sizeof(sz)));
		putchar('\n');
	}
}

/* ---- VFIO regions and interrupts ---- */

static const char *region_name(unsigned int index, char *buf, size_t len)
{
	if (index <= VFIO_PCI_BAR5_REGION_INDEX)
		snprintf(buf, len, "BAR%u", index);
	else if (index == VFIO_PCI_ROM_REGION_INDEX)
		snprintf(buf, len, "ROM");
	else if (index == VFIO_PCI_CONFIG_REGION_INDEX)
		snprintf(buf, len, "config");
	else if (index == VFIO_PCI_VGA_REGION_INDEX)
		snprintf(buf, len, "VGA");
	else
		snprintf(buf, len, "region %u", index);
	return buf;
}

static void print_regions(struct ls_entry *e, const struct vcdev_info *info)
{
	unsigned int i, a;
	char name[24], sz[32];

	for (i = 0; i < info->num_regions; i++) {
		struct vcdev_region_info ri;

		if (vcdev_get_region_info(e->dev, i, &ri) || !ri.size)
			continue;
		printf("\tVFIO region %u (%s): size %s, %s%s%s%s%s\n", i,
		       region_name(i, name, sizeof(name)), size_text(ri.size, sz, sizeof(sz)),
		       (ri.flags & VFIO_REGION_INFO_FLAG_READ) ? "read" : "",
		       (ri.flags & VFIO_REGION_INFO_FLAG_WRITE) ? " write" : "",
		       (ri.flags & VFIO_REGION_INFO_FLAG_MMAP) ? " mmap" : "",
		       ri.msix_mappable ? " msix-mappable" : "",
		       ri.sparse ? " sparse" : "");
		for (a = 0; a < ri.nr_mmap_areas && ri.sparse; a++)
			printf("\t\tmmap area %u: [%llx-%llx]\n", a,
			       (unsigned long long)ri.mmap_areas[a].offset,
			       (unsigned long long)(ri.mmap_areas[a].offset +
						    ri.mmap_areas[a].size - 1));
	}
}

static void print_irqs(struct ls_entry *e, const struct vcdev_info *info)
{
	static const char *const names[] = { "INTx", "MSI", "MSI-X", "ERR", "REQ" };
	unsigned int i;

	for (i = 0; i < info->num_irqs; i++) {
		struct vcdev_irq_info ii;

		if (vcdev_get_irq_info(e->dev, i, &ii) || !ii.count)
			continue;
		printf("\tVFIO irq %u (%s): count %u,%s%s%s%s\n", i,
		       i < 5 ? names[i] : "?", ii.count,
		       (ii.flags & VFIO_IRQ_INFO_EVENTFD) ? " eventfd" : "",
		       (ii.flags & VFIO_IRQ_INFO_MASKABLE) ? " maskable" : "",
		       (ii.flags & VFIO_IRQ_INFO_AUTOMASKED) ? " automasked" : "",
		       (ii.flags & VFIO_IRQ_INFO_NORESIZE) ? " noresize" : "");
	}
	if (!strcmp(e->fn.driver, "vfio-vconfig")) {
		struct vcdev_action_state st;

		if (!vcdev_get_action_state(e->dev, &st))
			printf("\tInterrupt mode: %s (config-action mode available)\n",
			       st.mode == VCDEV_IRQ_MODE_ACTION ? "config-action" : "vfio");
	}
}

/* ---- Capabilities ---- */

static void cap_pm(const uint8_t *c, unsigned int p)
{
	static const unsigned int aux[] = { 0, 55, 100, 160, 220, 270, 320, 375 };
	unsigned int pmc = vconfig_get16(c, p + PCI_PM_PMC);
	unsigned int csr = vconfig_get16(c, p + PCI_PM_CTRL);

	printf("Power Management version %u\n", pmc & PCI_PM_CAP_VER_MASK);
	printf("\t\tFlags: PMEClk%c DSI%c D1%c D2%c AuxCurrent=%umA "
	       "PME(D0%c,D1%c,D2%c,D3hot%c,D3cold%c)\n",
	       flag(pmc, PCI_PM_CAP_PME_CLOCK), flag(pmc, PCI_PM_CAP_DSI),
	       flag(pmc, PCI_PM_CAP_D1), flag(pmc, PCI_PM_CAP_D2),
	       aux[(pmc & PCI_PM_CAP_AUX_POWER) >> 6],
	       flag(pmc, PCI_PM_CAP_PME_D0), flag(pmc, PCI_PM_CAP_PME_D1),
	       flag(pmc, PCI_PM_CAP_PME_D2), flag(pmc, PCI_PM_CAP_PME_D3hot),
	       flag(pmc, PCI_PM_CAP_PME_D3cold));
	printf("\t\tStatus: D%u NoSoftRst%c PME-Enable%c DSel=%u DScale=%u PME%c\n",
	       csr & PCI_PM_CTRL_STATE_MASK, flag(csr, PCI_PM_CTRL_NO_SOFT_RESET),
	       flag(csr, PCI_PM_CTRL_PME_ENABLE), (csr & PCI_PM_CTRL_DATA_SEL_MASK) >> 9,
	       (csr & PCI_PM_CTRL_DATA_SCALE_MASK) >> 13, flag(csr, PCI_PM_CTRL_PME_STATUS));
}

static void cap_msi(const uint8_t *c, unsigned int p)
{
	unsigned int ctrl = vconfig_get16(c, p + PCI_MSI_FLAGS);
	bool is64 = ctrl & PCI_MSI_FLAGS_64BIT;
	bool maskable = ctrl & PCI_MSI_FLAGS_MASKBIT;
	unsigned int data_off = is64 ? PCI_MSI_DATA_64 : PCI_MSI_DATA_32;
	uint64_t addr = vconfig_get32(c, p + PCI_MSI_ADDRESS_LO);

	printf("MSI: Enable%c Count=%u/%u Maskable%c 64bit%c\n",
	       flag(ctrl, PCI_MSI_FLAGS_ENABLE), 1u << ((ctrl & PCI_MSI_FLAGS_QSIZE) >> 4),
	       1u << ((ctrl & PCI_MSI_FLAGS_QMASK) >> 1), maskable ? '+' : '-',
	       is64 ? '+' : '-');
	if (is64) {
		addr |= (uint64_t)vconfig_get32(c, p + PCI_MSI_ADDRESS_HI) << 32;
		printf("\t\tAddress: %016llx  Data: %04x\n", (unsigned long long)addr,
		       vconfig_get16(c, p + data_off));
	} else {
		printf("\t\tAddress: %08llx  Data: %04x\n", (unsigned long long)addr,
		       vconfig_get16(c, p + data_off));
	}
	if (maskable)
		printf("\t\tMasking: %08x  Pending: %08x\n",
		       vconfig_get32(c, p + (is64 ? PCI_MSI_MASK_64 : PCI_MSI_MASK_32)),
		       vconfig_get32(c, p + (is64 ? PCI_MSI_MASK_64 : PCI_MSI_MASK_32) + 4));
}

static void cap_msix(const uint8_t *c, unsigned int p)
{
	unsigned int ctrl = vconfig_get16(c, p + PCI_MSIX_FLAGS);
	uint32_t table = vconfig_get32(c, p + PCI_MSIX_TABLE), pba = vconfig_get32(c, p + PCI_MSIX_PBA);

	printf("MSI-X: Enable%c Count=%u Masked%c\n", flag(ctrl, PCI_MSIX_FLAGS_ENABLE),
	       (ctrl & PCI_MSIX_FLAGS_QSIZE) + 1, flag(ctrl, PCI_MSIX_FLAGS_MASKALL));
	printf("\t\tVector table: BAR=%u offset=%08x\n", table & PCI_MSIX_TABLE_BIR,
	       table & PCI_MSIX_TABLE_OFFSET);
	printf("\t\tPBA: BAR=%u offset=%08x\n", pba & PCI_MSIX_PBA_BIR,
	       pba & PCI_MSIX_PBA_OFFSET);
}

static const char *latency_l0s(unsigned int v)
{
	static const char *const t[] = { "<64ns", "<128ns", "<256ns", "<512ns",
					 "<1us", "<2us", "<4us", "unlimited" };
	return t[v & 7];
}

static const char *latency_l1(unsigned int v)
{
	static const char *const t[] = { "<1us", "<2us", "<4us", "<8us",
					 "<16us", "<32us", "<64us", "unlimited" };
	return t[v & 7];
}

static const char *link_speed(unsigned int v)
{
	static const char *const t[] = { "unknown", "2.5GT/s", "5GT/s", "8GT/s",
					 "16GT/s", "32GT/s", "64GT/s" };
	return v < sizeof(t) / sizeof(t[0]) ? t[v] : "unknown";
}

static void cap_express(const uint8_t *c, unsigned int p)
{
	static const char *const types[] = {
		"Endpoint", "Legacy Endpoint", "?", "?", "Root Port",
		"Upstream Port", "Downstream Port", "PCI-Express to PCI/PCI-X Bridge",
		"PCI/PCI-X to PCI-Express Bridge", "Root Complex Integrated Endpoint",
		"Root Complex Event Collector",
	};
	static const char *const aspm[] = { "not supported", "L0s", "L1", "L0s L1" };
	static const char *const aspm_ctl[] = { "Disabled", "L0s Enabled", "L1 Enabled",
						"L0s L1 Enabled" };
	unsigned int flags = vconfig_get16(c, p + PCI_EXP_FLAGS);
	unsigned int type = (flags & PCI_EXP_FLAGS_TYPE) >> 4;
	uint32_t devcap = vconfig_get32(c, p + PCI_EXP_DEVCAP);
	unsigned int devctl = vconfig_get16(c, p + PCI_EXP_DEVCTL);
	unsigned int devsta = vconfig_get16(c, p + PCI_EXP_DEVSTA);
	uint32_t lnkcap = vconfig_get32(c, p + PCI_EXP_LNKCAP);
	unsigned int lnkctl = vconfig_get16(c, p + PCI_EXP_LNKCTL);
	unsigned int lnksta = vconfig_get16(c, p + PCI_EXP_LNKSTA);
	unsigned int splv = (devcap & PCI_EXP_DEVCAP_PWR_VAL) >> 18;
	unsigned int spls = (devcap & PCI_EXP_DEVCAP_PWR_SCL) >> 26;
	static const double scale[] = { 1.0, 0.1, 0.01, 0.001 };

	printf("Express (v%u) %s, MSI %02x\n", flags & PCI_EXP_FLAGS_VERS,
	       type < sizeof(types) / sizeof(types[0]) ? types[type] : "Unknown type",
	       (flags & PCI_EXP_FLAGS_IRQ) >> 9);
	printf("\t\tDevCap:\tMaxPayload %u bytes, PhantFunc %u, Latency L0s %s, L1 %s\n",
	       128u << (devcap & PCI_EXP_DEVCAP_PAYLOAD), (devcap & PCI_EXP_DEVCAP_PHANTOM) >> 3,
	       latency_l0s((devcap & PCI_EXP_DEVCAP_L0S) >> 6),
	       latency_l1((devcap & PCI_EXP_DEVCAP_L1) >> 9));
	printf("\t\t\tExtTag%c AttnBtn%c AttnInd%c PwrInd%c RBE%c FLReset%c SlotPowerLimit %gW\n",
	       flag(devcap, PCI_EXP_DEVCAP_EXT_TAG), flag(devcap, 0x1000),
	       flag(devcap, 0x2000), flag(devcap, 0x4000), flag(devcap, PCI_EXP_DEVCAP_RBER),
	       flag(devcap, PCI_EXP_DEVCAP_FLR), splv * scale[spls]);
	printf("\t\tDevCtl:\tCorrErr%c NonFatalErr%c FatalErr%c UnsupReq%c\n",
	       flag(devctl, PCI_EXP_DEVCTL_CERE), flag(devctl, PCI_EXP_DEVCTL_NFERE),
	       flag(devctl, PCI_EXP_DEVCTL_FERE), flag(devctl, PCI_EXP_DEVCTL_URRE));
	printf("\t\t\tRlxdOrd%c ExtTag%c PhantFunc%c AuxPwr%c NoSnoop%c FLReset%c\n",
	       flag(devctl, PCI_EXP_DEVCTL_RELAX_EN), flag(devctl, PCI_EXP_DEVCTL_EXT_TAG),
	       flag(devctl, PCI_EXP_DEVCTL_PHANTOM), flag(devctl, PCI_EXP_DEVCTL_AUX_PME),
	       flag(devctl, PCI_EXP_DEVCTL_NOSNOOP_EN), flag(devctl, PCI_EXP_DEVCTL_BCR_FLR));
	printf("\t\t\tMaxPayload %u bytes, MaxReadReq %u bytes\n",
	       128u << ((devctl & PCI_EXP_DEVCTL_PAYLOAD) >> 5),
	       128u << ((devctl & PCI_EXP_DEVCTL_READRQ) >> 12));
	printf("\t\tDevSta:\tCorrErr%c NonFatalErr%c FatalErr%c UnsupReq%c AuxPwr%c TransPend%c\n",
	       flag(devsta, PCI_EXP_DEVSTA_CED), flag(devsta, PCI_EXP_DEVSTA_NFED),
	       flag(devsta, PCI_EXP_DEVSTA_FED), flag(devsta, PCI_EXP_DEVSTA_URD),
	       flag(devsta, PCI_EXP_DEVSTA_AUXPD), flag(devsta, PCI_EXP_DEVSTA_TRPND));
	/* Integrated endpoints and event collectors have no link (lspci too). */
	if (type == PCI_EXP_TYPE_RC_END || type == PCI_EXP_TYPE_RC_EC)
		return;
	printf("\t\tLnkCap:\tPort #%u, Speed %s, Width x%u, ASPM %s\n", lnkcap >> 24,
	       link_speed(lnkcap & PCI_EXP_LNKCAP_SLS), (lnkcap & PCI_EXP_LNKCAP_MLW) >> 4,
	       aspm[(lnkcap & PCI_EXP_LNKCAP_ASPMS) >> 10]);
	printf("\t\t\tExit Latency L0s %s, L1 %s\n",
	       latency_l0s((lnkcap & PCI_EXP_LNKCAP_L0SEL) >> 12),
	       latency_l1((lnkcap & PCI_EXP_LNKCAP_L1EL) >> 15));
	printf("\t\t\tClockPM%c Surprise%c LLActRep%c BwNot%c ASPMOptComp%c\n",
	       flag(lnkcap, PCI_EXP_LNKCAP_CLKPM), flag(lnkcap, PCI_EXP_LNKCAP_SDERC),
	       flag(lnkcap, PCI_EXP_LNKCAP_DLLLARC), flag(lnkcap, PCI_EXP_LNKCAP_LBNC),
	       flag(lnkcap, 0x400000));
	printf("\t\tLnkCtl:\tASPM %s; RCB %u bytes, Disabled%c CommClk%c\n",
	       aspm_ctl[lnkctl & PCI_EXP_LNKCTL_ASPMC], (lnkctl & PCI_EXP_LNKCTL_RCB) ? 128 : 64,
	       flag(lnkctl, PCI_EXP_LNKCTL_LD), flag(lnkctl, PCI_EXP_LNKCTL_CCC));
	printf("\t\t\tExtSynch%c ClockPM%c AutWidDis%c BWInt%c AutBWInt%c\n",
	       flag(lnkctl, PCI_EXP_LNKCTL_ES), flag(lnkctl, PCI_EXP_LNKCTL_CLKREQ_EN),
	       flag(lnkctl, PCI_EXP_LNKCTL_HAWD), flag(lnkctl, PCI_EXP_LNKCTL_LBMIE),
	       flag(lnkctl, PCI_EXP_LNKCTL_LABIE));
	printf("\t\tLnkSta:\tSpeed %s, Width x%u\n", link_speed(lnksta & PCI_EXP_LNKSTA_CLS),
	       (lnksta & PCI_EXP_LNKSTA_NLW) >> 4);
	printf("\t\t\tTrErr%c Train%c SlotClk%c DLActive%c BWMgmt%c ABWMgmt%c\n",
	       flag(lnksta, 0x0400), flag(lnksta, PCI_EXP_LNKSTA_LT),
	       flag(lnksta, PCI_EXP_LNKSTA_SLC), flag(lnksta, PCI_EXP_LNKSTA_DLLLA),
	       flag(lnksta, PCI_EXP_LNKSTA_LBMS), flag(lnksta, PCI_EXP_LNKSTA_LABS));
}

static void cap_vendor(const uint8_t *c, unsigned int p)
{
	printf("Vendor Specific Information: Len=%02x <?>\n", c[p + 2]);
}

static void aer_errors(const char *name, uint32_t v, bool uncorrectable)
{
	if (uncorrectable)
		printf("\t\t%s:\tDLP%c SDES%c TLP%c FCP%c CmpltTO%c CmpltAbrt%c UnxCmplt%c "
		       "RxOF%c MalfTLP%c ECRC%c UnsupReq%c ACSViol%c\n", name,
		       flag(v, PCI_ERR_UNC_DLP), flag(v, PCI_ERR_UNC_SURPDN),
		       flag(v, PCI_ERR_UNC_POISON_TLP), flag(v, PCI_ERR_UNC_FCP),
		       flag(v, PCI_ERR_UNC_COMP_TIME), flag(v, PCI_ERR_UNC_COMP_ABORT),
		       flag(v, PCI_ERR_UNC_UNX_COMP), flag(v, PCI_ERR_UNC_RX_OVER),
		       flag(v, PCI_ERR_UNC_MALF_TLP), flag(v, PCI_ERR_UNC_ECRC),
		       flag(v, PCI_ERR_UNC_UNSUP), flag(v, PCI_ERR_UNC_ACSV));
	else
		printf("\t\t%s:\tRxErr%c BadTLP%c BadDLLP%c Rollover%c Timeout%c "
		       "AdvNonFatalErr%c\n", name,
		       flag(v, PCI_ERR_COR_RCVR), flag(v, PCI_ERR_COR_BAD_TLP),
		       flag(v, PCI_ERR_COR_BAD_DLLP), flag(v, PCI_ERR_COR_REP_ROLL),
		       flag(v, PCI_ERR_COR_REP_TIMER), flag(v, PCI_ERR_COR_ADV_NFAT));
}

static void ext_aer(const uint8_t *c, unsigned int p)
{
	uint32_t cap = vconfig_get32(c, p + PCI_ERR_CAP);

	printf("Advanced Error Reporting\n");
	aer_errors("UESta", vconfig_get32(c, p + PCI_ERR_UNCOR_STATUS), true);
	aer_errors("UEMsk", vconfig_get32(c, p + PCI_ERR_UNCOR_MASK), true);
	aer_errors("UESvrt", vconfig_get32(c, p + PCI_ERR_UNCOR_SEVER), true);
	aer_errors("CESta", vconfig_get32(c, p + PCI_ERR_COR_STATUS), false);
	aer_errors("CEMsk", vconfig_get32(c, p + PCI_ERR_COR_MASK), false);
	printf("\t\tAERCap:\tFirst Error Pointer: %02x, ECRCGenCap%c ECRCGenEn%c "
	       "ECRCChkCap%c ECRCChkEn%c\n", cap & 0x1f,
	       flag(cap, PCI_ERR_CAP_ECRC_GENC), flag(cap, PCI_ERR_CAP_ECRC_GENE),
	       flag(cap, PCI_ERR_CAP_ECRC_CHKC), flag(cap, PCI_ERR_CAP_ECRC_CHKE));
	printf("\t\t\tMultHdrRecCap%c MultHdrRecEn%c TLPPfxPres%c HdrLogCap%c\n",
	       flag(cap, 0x200), flag(cap, 0x400), flag(cap, 0x800), flag(cap, 0x1000));
	printf("\t\tHeaderLog: %08x %08x %08x %08x\n", vconfig_get32(c, p + PCI_ERR_HEADER_LOG),
	       vconfig_get32(c, p + PCI_ERR_HEADER_LOG + 4), vconfig_get32(c, p + PCI_ERR_HEADER_LOG + 8),
	       vconfig_get32(c, p + PCI_ERR_HEADER_LOG + 12));
}

static void ext_dsn(const uint8_t *c, unsigned int p)
{
	uint32_t lo = vconfig_get32(c, p + 4), hi = vconfig_get32(c, p + 8);

	printf("Device Serial Number %02x-%02x-%02x-%02x-%02x-%02x-%02x-%02x\n",
	       hi >> 24, (hi >> 16) & 0xff, (hi >> 8) & 0xff, hi & 0xff,
	       lo >> 24, (lo >> 16) & 0xff, (lo >> 8) & 0xff, lo & 0xff);
}

static void ext_vendor(const uint8_t *c, unsigned int p)
{
	uint32_t hdr = vconfig_get32(c, p + 4);

	printf("Vendor Specific Information: ID=%04x Rev=%u Len=%03x <?>\n",
	       hdr & 0xffff, (hdr >> 16) & 0xf, hdr >> 20);
}

static const char *std_cap_name(unsigned int id)
{
	static const char *const names[] = {
		[0x02] = "AGP", [0x03] = "Vital Product Data", [0x04] = "Slot ID",
		[0x06] = "CompactPCI hot-swap", [0x07] = "PCI-X",
		[0x08] = "HyperTransport", [0x0a] = "Debug port",
		[0x0b] = "CompactPCI central resource control", [0x0c] = "Hot-plug capable",
		[0x0d] = "Subsystem", [0x0e] = "AGP3", [0x0f] = "Secure device",
		[0x12] = "SATA HBA", [0x13] = "PCI Advanced Features",
		[0x14] = "Enhanced Allocation", [0x15] = "Flattening Portal Bridge",
	};

	return id < sizeof(names) / sizeof(names[0]) && names[id] ? names[id] : NULL;
}

static const char *ext_cap_name(unsigned int id)
{
	static const char *const names[] = {
		[0x02] = "Virtual Channel", [0x04] = "Power Budgeting",
		[0x05] = "Root Complex Link", [0x0d] = "Access Control Services",
		[0x0e] = "Alternative Routing-ID Interpretation (ARI)",
		[0x0f] = "Address Translation Service (ATS)",
		[0x10] = "Single Root I/O Virtualization (SR-IOV)",
		[0x13] = "Page Request Interface (PRI)", [0x15] = "Physical Resizable BAR",
		[0x17] = "Transaction Processing Hints", [0x18] = "Latency Tolerance Reporting",
		[0x19] = "Secondary PCI Express", [0x1b] = "Process Address Space ID (PASID)",
		[0x1e] = "L1 PM Substates", [0x25] = "Data Link Feature",
		[0x26] = "Physical Layer 16.0 GT/s",
	};

	return id < sizeof(names) / sizeof(names[0]) && names[id] ? names[id] : NULL;
}

/* Bounded walks, as lspci: a malformed list ends the listing, never hangs it. */
static void print_caps(const uint8_t *c, unsigned int cfg_size)
{
	unsigned int pos, i;
	bool seen[256] = { false };

	for_each_vconfig_cap(pos, i, c) {
		unsigned int id = c[pos];
		const char *name;

		if (seen[pos])
			break;
		seen[pos] = true;
		printf("\tCapabilities: [%02x] ", pos);
		switch (id) {
		case PCI_CAP_ID_PM: cap_pm(c, pos); break;
		case PCI_CAP_ID_MSI: cap_msi(c, pos); break;
		case PCI_CAP_ID_MSIX: cap_msix(c, pos); break;
		case PCI_CAP_ID_EXP: cap_express(c, pos); break;
		case PCI_CAP_ID_VNDR: cap_vendor(c, pos); break;
		default:
			name = std_cap_name(id);
			if (name)
				printf("%s <?>\n", name);
			else
				printf("#%02x [%04x]\n", id, vconfig_get16(c, pos + 2));
		}
	}
	for_each_vconfig_ext_cap(pos, i, c, cfg_size) {
		uint32_t hdr = vconfig_get32(c, pos);
		unsigned int id = PCI_EXT_CAP_ID(hdr);
		const char *name;

		printf("\tCapabilities: [%03x v%u] ", pos, PCI_EXT_CAP_VER(hdr));
		switch (id) {
		case PCI_EXT_CAP_ID_ERR: ext_aer(c, pos); break;
		case PCI_EXT_CAP_ID_DSN: ext_dsn(c, pos); break;
		case PCI_EXT_CAP_ID_VNDR: ext_vendor(c, pos); break;
		default:
			name = ext_cap_name(id);
			if (name)
				printf("%s <?>\n", name);
			else
				printf("Extended Capability ID %#02x\n", id);
		}
	}
}

/* ---- Devices ---- */

static void print_dump(const struct ls_entry *e, int level)
{
	unsigned int size = level >= 4 ? e->cfg_size : level >= 2 ? 256 : 64;
	unsigned int i;

	if (size > e->cfg_size)
		size = e->cfg_size;
	for (i = 0; i < size; i++) {
		if (!(i % 16))
			printf("%02x:", i);
		printf(" %02x", e->cfg[i]);
		if (i % 16 == 15)
			putchar('\n');
	}
}

/* Without the VFIO view (device in use): the first 64 bytes sysfs shows all users. */
static void read_sysfs_config(struct ls_entry *e)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", e->fn.bdf);
	f = fopen(path, "rb");
	e->cfg_size = f ? (unsigned int)fread(e->cfg, 1, 64, f) : 0;
	if (f)
		fclose(f);
}

static void print_entry(struct ls_entry *e, const struct ls_options *opt)
{
	const uint8_t *c = e->cfg;
	struct vcdev_info info;
	char ids[512], sub[512];

	if (e->cfg_size < 64) {
		printf("%s (configuration space unreadable)\n\tDriver: %s\n\tIOMMU group: %d\n\n",
		       e->fn.bdf, e->fn.driver, e->fn.iommu_group);
		return;
	}
	id_names(opt, vconfig_get16(c, PCI_VENDOR_ID), vconfig_get16(c, PCI_DEVICE_ID),
		 vconfig_get16(c, PCI_SUBSYSTEM_VENDOR_ID), vconfig_get16(c, PCI_SUBSYSTEM_ID),
		 ids, sizeof(ids), sub, sizeof(sub));
	printf("%s %s [%04x]: %s", e->fn.bdf, class_name(vconfig_get16(c, PCI_CLASS_DEVICE)),
	       vconfig_get16(c, PCI_CLASS_DEVICE), ids);
	if (c[PCI_REVISION_ID])
		printf(" (rev %02x)", c[PCI_REVISION_ID]);
	if (c[PCI_CLASS_PROG])
		printf(" (prog-if %02x)", c[PCI_CLASS_PROG]);
	putchar('\n');
	printf("\tDriver: %s\n\tIOMMU group: %d\n", e->fn.driver, e->fn.iommu_group);
	if (vconfig_get16(c, PCI_SUBSYSTEM_VENDOR_ID))
		printf("\tSubsystem: %s\n", sub);
	if (!e->dev)
		printf("\tVFIO: %s\n", e->unavailable);
	print_header(c);
	print_bars(e);
	if (e->dev) {
		vcdev_get_info(e->dev, &info);
		printf("\tVFIO device: %u regions, %u irqs%s\n", info.num_regions,
		       info.num_irqs, (info.flags & VFIO_DEVICE_FLAGS_RESET) ? ", reset" : "");
		print_regions(e, &info);
		print_irqs(e, &info);
		print_caps(c, e->cfg_size);
	}
	if (opt->dump_level)
		print_dump(e, opt->dump_level);
	putchar('\n');
}

/*
 * Open @e and read its configuration space. Returns 0, or a negative errno
 * that stops the listing (privileges); a device another process holds is
 * listed from sysfs.
 */
static int load_entry(struct ls_entry *e)
{
	int err = vcdev_open(e->fn.bdf, &e->dev);

	if (err == -EACCES || err == -EPERM)
		return err;
	if (err) {
		e->dev = NULL;
		e->unavailable = err == -EBUSY ? "in use by another process" :
						 "cannot be opened";
		read_sysfs_config(e);
		return 0;
	}
	vcdev_cfg_size(e->dev, &e->cfg_size);
	if (e->cfg_size > CFG_MAX)
		e->cfg_size = CFG_MAX;
	err = vcdev_cfg_read(e->dev, 0, e->cfg, e->cfg_size);
	if (err && e->cfg_size > 256) {
		/* a device with a short extended space: keep the standard one */
		e->cfg_size = 256;
		err = vcdev_cfg_read(e->dev, 0, e->cfg, e->cfg_size);
	}
	if (err)
		e->cfg_size = 0;
	return 0;
}

static void ls_usage(FILE *out)
{
	fprintf(out,
		"usage: %s [-s BDF] [-x|-xxx|-xxxx] [-n]\n"
		"List the VFIO devices (vfio-pci and vfio-vconfig) with their regions,\n"
		"interrupts and virtual capabilities.\n"
		"  -s BDF   only this device ([DDDD:]BB:DD.F)\n"
		"  -x       also dump the first 64 bytes of configuration space,\n"
		"           -xxx 256 bytes, -xxxx 4096 bytes (lspci -F reads the output)\n"
		"  -n       numeric IDs, no names\n", progname);
}

/* "00:03.0" and "0000:00:03.0" name the same function. */
static bool same_function(const char *bdf, const char *select)
{
	size_t n = strlen(select);

	return !strcmp(bdf, select) ||
	       (n == 7 && !strncmp(bdf, "0000:", 5) && !strcmp(bdf + 5, select));
}

int cmd_ls(int argc, char **argv)
{
	struct vcdev_function *fns = NULL;
	struct ls_options opt = { 0 };
	struct ls_entry *entries;
	int count, i, c, shown = 0, err, rc = 0;

	if (strstr(argv[0], "lsvfio"))
		progname = "lsvfio";
	optind = 1;
	while ((c = getopt(argc, argv, "s:xnvh")) != -1) {
		switch (c) {
		case 's': opt.select = optarg; break;
		case 'x': opt.dump_level++; break;
		case 'n': opt.numeric = true; break;
		case 'v': break;	/* lspci habit: the listing is always verbose */
		case 'h': ls_usage(stdout); return 0;
		default: ls_usage(stderr); return CLI_EXIT_USAGE;
		}
	}
	if (optind != argc || opt.dump_level > 4) {
		ls_usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (access("/dev/vfio/vfio", F_OK)) {
		ls_error("/dev/vfio/vfio not found: VFIO is not loaded (modprobe vfio-pci)");
		return CLI_EXIT_USAGE;
	}
	count = vcdev_list_functions(&fns);
	if (count < 0) {
		ls_error("%s", vcdev_last_error());
		return CLI_EXIT_USAGE;
	}
	entries = calloc(count ? count : 1, sizeof(*entries));
	if (!entries) {
		free(fns);
		ls_error("out of memory");
		return CLI_EXIT_USAGE;
	}
	/* Open everything first: a privilege error is one line, nothing else. */
	for (i = 0; i < count; i++) {
		if (opt.select && !same_function(fns[i].bdf, opt.select))
			continue;
		entries[i].fn = fns[i];
		err = load_entry(&entries[i]);
		if (err) {
			ls_error("no permission to open VFIO devices (/dev/vfio/%d): run as root or get access to the group",
				 fns[i].iommu_group);
			rc = CLI_EXIT_USAGE;
			goto out;
		}
		shown++;
	}
	if (opt.select && !shown) {
		ls_error("%s is not a PCI function bound to vfio-pci or vfio-vconfig",
			 opt.select);
		rc = CLI_EXIT_USAGE;
		goto out;
	}
	for (i = 0; i < count; i++)
		if (entries[i].fn.bdf[0])
			print_entry(&entries[i], &opt);
out:
	for (i = 0; i < count; i++)
		vcdev_close(entries[i].dev);
	free(entries);
	free(fns);
	return rc;
}
