// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-diff-test: compare vfio-vconfig with vfio-pci on two functions of the
 * same device model, in the same boot.
 *
 *   vfio-diff-test [-d DIFFERENCES.md] [-v] [-s] KIND BDF-VFIO-PCI BDF-VFIO-VCONFIG
 *   vfio-diff-test -R [-v] esb BDF-VFIO-PCI BDF-VFIO-VCONFIG
 *   vfio-diff-test [-v] vga BDF-VFIO-PCI BDF-VFIO-VCONFIG
 *
 * -R: the region info, sub-page mmap and slot-reset checks, on function 0
 * of two i6300esb pairs,
 * each pair alone behind a root port (neither function has a reset of its
 * own, so the slot or bus reset is the only one).
 *
 * -s: the vfio-vconfig function runs the engine's strict profile; its
 * departures are allowed as well, and the "strict" check requires that at
 * least one of them was seen (the profile took effect).
 *
 * Checks, each reported as "PASS diff:KIND:check" or "FAIL ...":
 *   info        VFIO_DEVICE_GET_INFO answers are equal
 *   region:N    VFIO_DEVICE_GET_REGION_INFO of every region (capabilities
 *               included) is equal
 *   irq:N       VFIO_DEVICE_GET_IRQ_INFO of every index is equal
 *   config      the whole config space, read through each driver, is equal
 *               except for the bits of the allowed_config table
 *   perms       an effective-permission probe of every config bit outside
 *               action bits (read, write the inverse, read, restore): both
 *               drivers let the same bits change, except for the bits of the
 *               allowed_perm table
 *   bar-sizing  sizing every BAR and the ROM reads the same
 *   ioeventfd   VFIO_DEVICE_IOEVENTFD: every argument check, arm, re-arm,
 *               disarm and the MSI-X table refusal give the same result;
 *               on edu the eventfd's write reaches the device, and not
 *               while memory decode is off
 *   hot-reset-info  VFIO_DEVICE_GET_PCI_HOT_RESET_INFO gives the same
 *               result, flags and count, and lists every function on the
 *               bus with its group (-ENODEV on the root bus)
 *   hot-reset   VFIO_DEVICE_PCI_HOT_RESET: every argument check gives the
 *               same result; with its own group the function is reset
 *               (nvme's AQA register, i6300esb's config 0x60 cleared)
 *   subpage-mmap (-R) i6300esb's 16-byte BAR0 is mappable on both drivers:
 *               the rest of its page is reserved while open and given back
 *               at close; the mapping reads what the region reads, honours
 *               decode and cannot grow past the page
 *   close-reset (-R) closing the last open function of a slot without a
 *               reset of its own resets the slot, not before
 *   low-power-args  VFIO_DEVICE_FEATURE LOW_POWER_ENTRY, _WITH_WAKEUP and
 *               _EXIT: probe, GET, payload and state checks give the same
 *               result
 *   low-power   on each driver: the function runtime suspends after the
 *               entry, its BAR mapping raises SIGBUS until the exit, a
 *               config read wakes it for itself only; with wakeup the read
 *               signals the eventfd once and ends the state; from a D3hot
 *               the user wrote, the function comes back in D0 and PMCSR
 *               says so; a close in low power leaves a function that
 *               opens again
 *   vga-region, vga-offsets, vga-routing (kind vga) the VGA region of two
 *               VGA functions: offered alike, the same offsets refused and
 *               accesses clipped, each access reaching its own function
 *   doc         every reason of both tables is documented in DIFFERENCES.md
 *
 * Every allowed difference names a reason; Documentation/differences.md
 * explains each one. "INFO" lines show the differences that were seen.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/mman.h>

#include <linux/pci_regs.h>

#include "report.h"
#include "vfio-dev.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define CFG_MAX 4096

/* Append a formatted reason to a fixed buffer. */
#define NOTE_APPEND(buf, ...) \
	snprintf((buf) + strlen(buf), sizeof(buf) - strlen(buf), __VA_ARGS__)

static const char *kind;
static bool verbose;
static bool strict;
static bool resets_only;
/* One of the pair is the boot VGA device: its ROM is Linux's shadow copy. */
static const char *boot_vga;
static unsigned int strict_seen;

/* ---- who owns a config byte ----------------------------------------- */

enum owner_kind { OWN_NONE, OWN_HDR, OWN_CAP, OWN_ECAP };

struct owner {
	enum owner_kind kind;
	uint16_t id;		/* capability ID */
	uint16_t start;		/* where the owner begins */
};

static const char *owner_name(const struct owner *o, char *buf, size_t len)
{
	switch (o->kind) {
	case OWN_HDR:
		snprintf(buf, len, "header");
		break;
	case OWN_CAP:
		snprintf(buf, len, "cap 0x%02x@0x%02x", o->id, o->start);
		break;
	case OWN_ECAP:
		snprintf(buf, len, "ecap 0x%04x@0x%03x", o->id, o->start);
		break;
	default:
		snprintf(buf, len, "unassigned");
	}
	return buf;
}

/*
 * Length of a capability the test devices carry, by the specification; 0
 * when unknown (the capability then runs to the next one).
 */
static unsigned int spec_length(const uint8_t *cfg, const struct owner *o)
{
	uint16_t flags;

	if (o->kind == OWN_ECAP) {
		switch (o->id) {
		case PCI_EXT_CAP_ID_ERR:
			return 0x48;
		case PCI_EXT_CAP_ID_DSN:
			return PCI_EXT_CAP_DSN_SIZEOF;
		default:
			return 0;
		}
	}
	memcpy(&flags, cfg + o->start + 2, 2);
	switch (o->id) {
	case PCI_CAP_ID_PM:
		return PCI_PM_SIZEOF;
	case PCI_CAP_ID_MSIX:
		return PCI_CAP_MSIX_SIZEOF;
	case PCI_CAP_ID_MSI:
		return ((flags & PCI_MSI_FLAGS_64BIT) ? 14 : 10) +
		       ((flags & PCI_MSI_FLAGS_MASKBIT) ? 10 : 0);
	case PCI_CAP_ID_EXP:
		return (flags & PCI_EXP_FLAGS_VERS) >= 2 ? 0x3c : 0x14;
	default:
		return 0;
	}
}

/*
 * Assign each byte of the hardware config space to its owner. A capability
 * ends where its specification says, where the next one (in address order)
 * begins, or at the end of its space; bytes after it belong to nobody
 * (owner start 0, so unassigned offsets are absolute).
 */
static void build_owners(const uint8_t *cfg, size_t size, struct owner *map)
{
	unsigned int pos, i, n = 0, guard;
	struct owner starts[96];

	memset(map, 0, sizeof(*map) * size);
	for (i = 0; i < 0x40; i++)
		map[i] = (struct owner){ OWN_HDR, 0, 0 };

	if (cfg[PCI_STATUS] & PCI_STATUS_CAP_LIST) {
		pos = cfg[PCI_CAPABILITY_LIST] & ~3u;
		for (guard = 0; pos >= 0x40 && pos < 0x100 && guard < 48; guard++) {
			starts[n++] = (struct owner){ OWN_CAP, cfg[pos], pos };
			pos = cfg[pos + 1] & ~3u;
		}
	}
	if (size > 0x100) {
		pos = 0x100;
		for (guard = 0; pos >= 0x100 && pos < size && n < ARRAY_SIZE(starts) &&
		     guard < 48; guard++) {
			uint32_t hdr;

			memcpy(&hdr, cfg + pos, 4);
			if (!hdr || hdr == 0xffffffff)
				break;
			starts[n++] = (struct owner){ OWN_ECAP, PCI_EXT_CAP_ID(hdr), pos };
			pos = PCI_EXT_CAP_NEXT(hdr);
		}
	}
	for (i = 0; i < n; i++) {
		unsigned int end = starts[i].start < 0x100 ? 0x100 : size, j;
		unsigned int len = spec_length(cfg, &starts[i]);

		for (j = 0; j < n; j++)
			if (starts[j].start > starts[i].start && starts[j].start < end)
				end = starts[j].start;
		if (len && starts[i].start + len < end)
			end = starts[i].start + len;
		for (pos = starts[i].start; pos < end; pos++)
			map[pos] = starts[i];
	}
}

/* ---- the tables ----------------------------------------------------- */

/*
 * A byte range of one owner (offsets relative to the owner's start) and the
 * bits of each byte that may differ. kinds: the device kinds it applies to,
 * NULL for all.
 */
struct allowed {
	enum owner_kind owner;
	uint16_t id;
	uint16_t off;
	uint16_t len;
	uint8_t mask;
	const char *reason;
	const char *kinds;
	bool looser;		/* allowed_perm: vfio-vconfig lets more through */
};

/* Bits of the config space read through the two drivers that may differ. */
static const struct allowed allowed_config[] = {
	/* BAR and ROM addresses: each function has its own window */
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_0, 1, 0xf0, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_0 + 1, 3, 0xff, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_1, 1, 0xf0, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_1 + 1, 3, 0xff, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_2, 1, 0xf0, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_2 + 1, 3, 0xff, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_3, 1, 0xf0, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_3 + 1, 3, 0xff, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_4, 1, 0xf0, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_4 + 1, 3, 0xff, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_5, 1, 0xf0, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_5 + 1, 3, 0xff, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_ROM_ADDRESS + 1, 1, 0xf8, "bus-address", NULL, false },
	{ OWN_HDR, 0, PCI_ROM_ADDRESS + 2, 2, 0xff, "bus-address", NULL, false },
	/* the line the platform routed each slot's pin to */
	{ OWN_HDR, 0, PCI_INTERRUPT_LINE, 1, 0xff, "interrupt-line", NULL, false },
	/* QEMU derives the e1000e serial number from its MAC address */
	{ OWN_ECAP, PCI_EXT_CAP_ID_DSN, 4, 8, 0xff, "device-serial", "e1000e", false },
};

/* The strict profile's departures (-s), on top of the tables above. */
static const struct allowed strict_config[] = {
	/* extended space no capability claims reads as zero */
	{ OWN_NONE, 0, 0x100, 0xf00, 0xff, "strict-unassigned-extended-zero", NULL, false },
};

static const struct allowed strict_perm[] = {
	{ OWN_NONE, 0, 0x40, 0xc0, 0xff, "strict-unassigned-read-only", NULL, false },
	{ OWN_NONE, 0, 0x100, 0xf00, 0xff, "strict-unassigned-extended-zero", NULL, false },
	{ OWN_CAP, PCI_CAP_ID_VNDR, 3, 0xfd, 0xff, "strict-vendor-read-only", NULL, false },
	{ OWN_ECAP, PCI_EXT_CAP_ID_VNDR, 8, 0xff8, 0xff, "strict-vendor-read-only", NULL, false },
	{ OWN_CAP, PCI_CAP_ID_MSI, PCI_MSI_MASK_32, 12, 0xff, "strict-msi-mask-virtual", NULL, false },
};

/* Bits one driver lets a user change and the other does not. */
static const struct allowed allowed_perm[] = {
	/* vfio-pci lets Multiple Message Capable and 64-bit stick */
	{ OWN_CAP, PCI_CAP_ID_MSI, PCI_MSI_FLAGS, 1,
	  PCI_MSI_FLAGS_QMASK | PCI_MSI_FLAGS_64BIT, "msi-control-read-only", NULL, false },
	{ OWN_CAP, PCI_CAP_ID_MSI, PCI_MSI_ADDRESS_LO, 1, 0x03, "msi-address-aligned",
	  NULL, false },
};

/*
 * Action bits: writing them resets the function, moves it out of D0,
 * enables interrupts or decode. The permission probe keeps them as they
 * are; BARs and the ROM are sized by their own check.
 */
static const struct allowed action_bits[] = {
	{ OWN_HDR, 0, PCI_COMMAND, 1, PCI_COMMAND_IO | PCI_COMMAND_MEMORY |
	  PCI_COMMAND_MASTER, "command", NULL, false },
	{ OWN_HDR, 0, PCI_COMMAND + 1, 1, PCI_COMMAND_INTX_DISABLE >> 8, "command", NULL, false },
	{ OWN_HDR, 0, PCI_BASE_ADDRESS_0, 24, 0xff, "bar", NULL, false },
	{ OWN_HDR, 0, PCI_ROM_ADDRESS, 4, 0xff, "rom", NULL, false },
	{ OWN_CAP, PCI_CAP_ID_PM, PCI_PM_CTRL, 1, PCI_PM_CTRL_STATE_MASK, "pm", NULL, false },
	{ OWN_CAP, PCI_CAP_ID_MSI, PCI_MSI_FLAGS, 1, PCI_MSI_FLAGS_ENABLE, "msi", NULL, false },
	{ OWN_CAP, PCI_CAP_ID_MSIX, PCI_MSIX_FLAGS + 1, 1,
	  (PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL) >> 8, "msix", NULL, false },
	{ OWN_CAP, PCI_CAP_ID_EXP, PCI_EXP_DEVCTL + 1, 1, PCI_EXP_DEVCTL_BCR_FLR >> 8,
	  "flr", NULL, false },
	{ OWN_CAP, PCI_CAP_ID_AF, PCI_AF_CTRL, 1, PCI_AF_CTRL_FLR, "flr", NULL, false },
	{ OWN_CAP, PCI_CAP_ID_VPD, PCI_VPD_ADDR, 2, 0xff, "vpd", NULL, false },
};

static bool kind_matches(const char *kinds)
{
	const char *p;
	size_t len = strlen(kind);

	if (!kinds)
		return true;
	for (p = strstr(kinds, kind); p; p = strstr(p + 1, kind))
		if ((p == kinds || p[-1] == ',') && (p[len] == ',' || !p[len]))
			return true;
	return false;
}

/* The bits of byte @pos that @table allows, and the first reason. */
static uint8_t table_mask_dir(const struct allowed *table, size_t n,
			      const struct owner *o, unsigned int pos,
			      const char **reason, int looser)
{
	unsigned int rel = pos - o->start;
	uint8_t mask = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct allowed *a = &table[i];

		if (!a->reason || a->owner != o->kind || !kind_matches(a->kinds))
			continue;
		if (looser >= 0 && a->looser != looser)
			continue;
		if (o->kind != OWN_HDR && a->id != o->id)
			continue;
		if (rel < a->off || rel >= a->off + a->len)
			continue;
		if (!mask && reason)
			*reason = a->reason;
		mask |= a->mask;
	}
	return mask;
}

static uint8_t table_mask(const struct allowed *table, size_t n,
			  const struct owner *o, unsigned int pos,
			  const char **reason)
{
	return table_mask_dir(table, n, o, pos, reason, -1);
}

/*
 * A table and, with -s, the strict profile's table: the bits both allow;
 * strict_seen counts the bytes only the strict table explains.
 */
static uint8_t allowed_mask(const struct allowed *table, size_t n,
			    const struct allowed *stable, size_t sn,
			    const struct owner *o, unsigned int pos,
			    uint8_t diff, const char **reason, int looser)
{
	uint8_t mask = table_mask_dir(table, n, o, pos, reason, looser);
	const char *sreason = NULL;
	uint8_t smask;

	if (!strict || (diff & ~mask) == 0)
		return mask;
	smask = table_mask_dir(stable, sn, o, pos, &sreason, looser);
	if (smask & diff & ~mask) {
		strict_seen++;
		if (reason)
			*reason = sreason;
	}
	return mask | smask;
}

/* ---- checks --------------------------------------------------------- */

struct pair {
	struct vfio_dev pci;	/* bound to vfio-pci */
	struct vfio_dev vc;	/* bound to vfio-vconfig */
	uint8_t hw[CFG_MAX];	/* vfio-pci function's config space in sysfs */
	size_t size;
	struct owner owner[CFG_MAX];
};

static void check_info(struct pair *p)
{
	struct vfio_device_info a = { .argsz = sizeof(a) }, b = { .argsz = sizeof(b) };
	int ra = ioctl(p->pci.fd, VFIO_DEVICE_GET_INFO, &a);
	int rb = ioctl(p->vc.fd, VFIO_DEVICE_GET_INFO, &b);

	if (ra != rb || memcmp(&a, &b, sizeof(a)))
		fail("info", "vfio-pci flags 0x%x regions %u irqs %u cap_offset %u (%d), vfio-vconfig flags 0x%x regions %u irqs %u cap_offset %u (%d)",
		     a.flags, a.num_regions, a.num_irqs, a.cap_offset, ra,
		     b.flags, b.num_regions, b.num_irqs, b.cap_offset, rb);
	else
		pass("info");
}

static void check_region_info(struct pair *p)
{
	unsigned int i;

	for (i = 0; i < VFIO_PCI_NUM_REGIONS + 1; i++) {
		union {
			struct vfio_region_info info;
			uint8_t bytes[4096];
		} a, b;
		int ra, rb, ea, eb;
		char name[32];

		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		a.info.argsz = b.info.argsz = sizeof(a);
		a.info.index = b.info.index = i;
		errno = 0;
		ra = ioctl(p->pci.fd, VFIO_DEVICE_GET_REGION_INFO, &a);
		ea = ra ? errno : 0;
		errno = 0;
		rb = ioctl(p->vc.fd, VFIO_DEVICE_GET_REGION_INFO, &b);
		eb = rb ? errno : 0;
		snprintf(name, sizeof(name), "region:%u", i);
		if (i == VFIO_PCI_ROM_REGION_INDEX && boot_vga) {
			skip(name, "%s is the boot VGA device: its ROM region is the shadow copy at 0xc0000",
			     boot_vga);
			continue;
		}
		if (ra != rb || ea != eb) {
			fail(name, "vfio-pci %s, vfio-vconfig %s",
			     ra ? strerror(ea) : "success", rb ? strerror(eb) : "success");
			continue;
		}
		if (ra) {
			pass(name);
			continue;
		}
		if (a.info.argsz != b.info.argsz || a.info.flags != b.info.flags ||
		    a.info.cap_offset != b.info.cap_offset || a.info.size != b.info.size ||
		    a.info.offset != b.info.offset ||
		    (a.info.argsz <= sizeof(a) &&
		     memcmp(a.bytes, b.bytes, a.info.argsz))) {
			fail(name, "vfio-pci argsz %u flags 0x%x cap %u size 0x%llx offset 0x%llx; vfio-vconfig argsz %u flags 0x%x cap %u size 0x%llx offset 0x%llx%s",
			     a.info.argsz, a.info.flags, a.info.cap_offset,
			     (unsigned long long)a.info.size, (unsigned long long)a.info.offset,
			     b.info.argsz, b.info.flags, b.info.cap_offset,
			     (unsigned long long)b.info.size, (unsigned long long)b.info.offset,
			     a.info.argsz == b.info.argsz ? " (capability chains differ)" : "");
			continue;
		}
		pass(name);
	}
}

static void check_irq_info(struct pair *p)
{
	unsigned int i;

	for (i = 0; i < VFIO_PCI_NUM_IRQS + 1; i++) {
		struct vfio_irq_info a = { .argsz = sizeof(a), .index = i };
		struct vfio_irq_info b = { .argsz = sizeof(b), .index = i };
		int ra, rb, ea, eb;
		char name[32];

		errno = 0;
		ra = ioctl(p->pci.fd, VFIO_DEVICE_GET_IRQ_INFO, &a);
		ea = ra ? errno : 0;
		errno = 0;
		rb = ioctl(p->vc.fd, VFIO_DEVICE_GET_IRQ_INFO, &b);
		eb = rb ? errno : 0;
		snprintf(name, sizeof(name), "irq:%u", i);
		if (ra != rb || ea != eb || memcmp(&a, &b, sizeof(a)))
			fail(name, "vfio-pci %s flags 0x%x count %u, vfio-vconfig %s flags 0x%x count %u",
			     ra ? strerror(ea) : "success", a.flags, a.count,
			     rb ? strerror(eb) : "success", b.flags, b.count);
		else
			pass(name);
	}
}

static void check_config(struct pair *p, const char *check)
{
	uint8_t a[CFG_MAX], b[CFG_MAX];
	size_t sa = p->pci.region[VFIO_PCI_CONFIG_REGION_INDEX].size;
	size_t sb = p->vc.region[VFIO_PCI_CONFIG_REGION_INDEX].size;
	unsigned int pos, bad = 0, allowed = 0;
	char where[48];

	if (sa != sb || sa > CFG_MAX || sa < 64) {
		fail(check, "region sizes %zu and %zu", sa, sb);
		return;
	}
	if (vfio_dev_cfg_read(&p->pci, 0, a, sa) || vfio_dev_cfg_read(&p->vc, 0, b, sb)) {
		fail(check, "reading %zu bytes: %s", sa, strerror(errno));
		return;
	}
	for (pos = 0; pos < sa; pos++) {
		uint8_t diff = a[pos] ^ b[pos], ok;
		const char *reason = NULL;

		if (!diff)
			continue;
		ok = allowed_mask(allowed_config, ARRAY_SIZE(allowed_config),
				  strict_config, ARRAY_SIZE(strict_config),
				  &p->owner[pos], pos, diff, &reason, -1);
		owner_name(&p->owner[pos], where, sizeof(where));
		if (diff & ~ok) {
			printf("INFO diff:%s:%s: 0x%03x (%s +0x%x) vfio-pci 0x%02x vfio-vconfig 0x%02x: not allowed\n",
			       kind, check, pos, where, pos - p->owner[pos].start, a[pos], b[pos]);
			bad++;
		} else {
			if (verbose)
				printf("INFO diff:%s:%s: 0x%03x (%s +0x%x) vfio-pci 0x%02x vfio-vconfig 0x%02x: %s\n",
				       kind, check, pos, where, pos - p->owner[pos].start, a[pos], b[pos],
				       reason);
			allowed++;
		}
	}
	printf("INFO diff:%s:%s: %zu bytes, %u differ as allowed, %u not allowed\n",
	       kind, check, sa, allowed, bad);
	if (bad)
		fail(check, "%u bytes differ outside the allowed set", bad);
	else
		pass(check);
}

/* Bits of byte @pos that stick when written inverted; -1 on an I/O error. */
static int probe_byte(const struct vfio_dev *dev, unsigned int pos, uint8_t keep)
{
	uint8_t orig, inv, got;

	if (vfio_dev_cfg_read(dev, pos, &orig, 1))
		return -1;
	inv = (uint8_t)((~orig & ~keep) | (orig & keep));
	if (vfio_dev_cfg_write(dev, pos, &inv, 1) ||
	    vfio_dev_cfg_read(dev, pos, &got, 1))
		return -1;
	if (got != orig && vfio_dev_cfg_write(dev, pos, &orig, 1))
		return -1;
	return (got ^ orig) & (uint8_t)~keep;
}

static void check_perms(struct pair *p)
{
	size_t size = p->pci.region[VFIO_PCI_CONFIG_REGION_INDEX].size;
	unsigned int pos, bad = 0, allowed = 0, writable = 0;
	char where[48];

	for (pos = 0; pos < size; pos++) {
		const struct owner *o = &p->owner[pos];
		uint8_t keep = table_mask(action_bits, ARRAY_SIZE(action_bits), o, pos, NULL);
		const char *reason = NULL;
		uint8_t diff, looser, stricter, ok_looser, ok_stricter;
		int wa, wb;

		if (keep == 0xff)
			continue;
		wa = probe_byte(&p->pci, pos, keep);
		wb = probe_byte(&p->vc, pos, keep);
		if (wa < 0 || wb < 0) {
			fail("perms", "config byte 0x%x: %s", pos, strerror(errno));
			return;
		}
		writable += __builtin_popcount(wb);
		diff = (uint8_t)(wa ^ wb);
		if (!diff)
			continue;
		looser = wb & ~wa;
		stricter = wa & ~wb;
		ok_looser = allowed_mask(allowed_perm, ARRAY_SIZE(allowed_perm),
					 strict_perm, ARRAY_SIZE(strict_perm), o, pos,
					 looser, &reason, 1);
		ok_stricter = allowed_mask(allowed_perm, ARRAY_SIZE(allowed_perm),
					   strict_perm, ARRAY_SIZE(strict_perm), o, pos,
					   stricter, stricter ? &reason : NULL, 0);
		owner_name(o, where, sizeof(where));
		if ((looser & ~ok_looser) || (stricter & ~ok_stricter)) {
			printf("INFO diff:%s:perms: 0x%03x (%s +0x%x) writable bits vfio-pci 0x%02x vfio-vconfig 0x%02x: %s, not allowed\n",
			       kind, pos, where, pos - o->start, wa, wb,
			       looser ? "vfio-vconfig more permissive" : "vfio-vconfig stricter");
			bad++;
		} else {
			printf("INFO diff:%s:perms: 0x%03x (%s +0x%x) writable bits vfio-pci 0x%02x vfio-vconfig 0x%02x: %s\n",
			       kind, pos, where, pos - o->start, wa, wb, reason);
			allowed++;
		}
	}
	printf("INFO diff:%s:perms: %u bits writable through vfio-vconfig, %u bytes differ as allowed, %u not allowed\n",
	       kind, writable, allowed, bad);
	if (bad)
		fail("perms", "%u bytes with undocumented permission differences", bad);
	else
		pass("perms");
}

/* Size one BAR register: write all ones, read, restore. */
static int size_bar(const struct vfio_dev *dev, unsigned int reg, uint32_t *sized)
{
	uint32_t orig, ones = 0xffffffff, back;

	if (vfio_dev_cfg_read(dev, reg, &orig, 4) || vfio_dev_cfg_write(dev, reg, &ones, 4) ||
	    vfio_dev_cfg_read(dev, reg, sized, 4) || vfio_dev_cfg_write(dev, reg, &orig, 4) ||
	    vfio_dev_cfg_read(dev, reg, &back, 4))
		return -1;
	return back == orig ? 0 : -1;
}

static void check_bar_sizing(struct pair *p)
{
	static const unsigned int regs[] = {
		PCI_BASE_ADDRESS_0, PCI_BASE_ADDRESS_1, PCI_BASE_ADDRESS_2,
		PCI_BASE_ADDRESS_3, PCI_BASE_ADDRESS_4, PCI_BASE_ADDRESS_5,
		PCI_ROM_ADDRESS,
	};
	char reason[512] = "";
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(regs); i++) {
		uint32_t a = 0, b = 0;
		size_t used = strlen(reason);

		if (size_bar(&p->pci, regs[i], &a) || size_bar(&p->vc, regs[i], &b))
			snprintf(reason + used, sizeof(reason) - used,
				 "%s0x%x: sizing or restore failed", used ? "; " : "", regs[i]);
		else if (a != b)
			snprintf(reason + used, sizeof(reason) - used,
				 "%s0x%x: vfio-pci 0x%08x, vfio-vconfig 0x%08x",
				 used ? "; " : "", regs[i], a, b);
		else if (verbose)
			printf("INFO diff:%s:bar-sizing: 0x%x sizes to 0x%08x\n", kind, regs[i], a);
	}
	if (reason[0])
		fail("bar-sizing", "%s", reason);
	else
		pass("bar-sizing");
}

/* Every reason of both tables is a backquoted term in the document. */
static void check_doc(const char *path)
{
	const struct allowed *tables[] = { allowed_config, allowed_perm,
					   strict_config, strict_perm };
	const size_t sizes[] = { ARRAY_SIZE(allowed_config), ARRAY_SIZE(allowed_perm),
				 ARRAY_SIZE(strict_config), ARRAY_SIZE(strict_perm) };
	char *doc, missing[512] = "";
	long len;
	size_t t, i;
	FILE *f = fopen(path, "r");

	if (!f) {
		fail("doc", "%s: %s", path, strerror(errno));
		return;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	doc = calloc(1, len + 1);
	if (!doc || fread(doc, 1, len, f) != (size_t)len) {
		fail("doc", "reading %s", path);
		fclose(f);
		free(doc);
		return;
	}
	fclose(f);
	for (t = 0; t < ARRAY_SIZE(tables); t++) {
		for (i = 0; i < sizes[t]; i++) {
			char term[64];

			if (!tables[t][i].reason)
				continue;
			snprintf(term, sizeof(term), "`%s`", tables[t][i].reason);
			if (!strstr(doc, term) && !strstr(missing, term)) {
				size_t used = strlen(missing);

				snprintf(missing + used, sizeof(missing) - used, " %s", term);
			}
		}
	}
	free(doc);
	if (missing[0])
		fail("doc", "reasons not in %s:%s", path, missing);
	else
		pass("doc");
}

/* ---- VFIO_DEVICE_IOEVENTFD ------------------------------------------ */

/* One VFIO_DEVICE_IOEVENTFD call: 0 or -errno. */
static int ioeventfd(const struct vfio_dev *dev, uint32_t argsz, uint32_t flags,
		     uint64_t offset, uint64_t data, int32_t fd)
{
	struct vfio_device_ioeventfd req = {
		.argsz = argsz, .flags = flags, .offset = offset,
		.data = data, .fd = fd,
	};

	return ioctl(dev->fd, VFIO_DEVICE_IOEVENTFD, &req) ? -errno : 0;
}

static unsigned int find_cap(const uint8_t *cfg, uint8_t id)
{
	unsigned int pos = cfg[PCI_CAPABILITY_LIST] & ~3u, guard;

	for (guard = 0; pos >= 0x40 && pos < 0x100 && guard < 48; guard++) {
		if (cfg[pos] == id)
			return pos;
		pos = cfg[pos + 1] & ~3u;
	}
	return 0;
}

struct ioevent_case {
	const char *name;
	uint32_t argsz;
	uint32_t flags;
	int region;		/* region index of the offset */
	uint64_t pos;
	uint64_t data;
	int fd;			/* -3: a fresh eventfd */
	int expect;
};

/*
 * The argument checks, arm/re-arm/disarm, the MSI-X table refusal, and on
 * edu the write itself: liveness (0x04) reads back the inverse of what the
 * eventfd wrote, and nothing is written while memory decode is off.
 */
static void check_ioeventfd(struct pair *p)
{
	const uint32_t full = sizeof(struct vfio_device_ioeventfd);
	unsigned int msix = find_cap(p->hw, PCI_CAP_ID_MSIX);
	uint64_t bar0 = p->pci.region[0].size;
	struct ioevent_case cases[] = {
		{ "argsz", 8, 4, 0, 0, 0, -1, -EINVAL },
		{ "flags", full, 4 | 0x10000, 0, 0, 0, -1, -EINVAL },
		{ "size-3", full, 3, 0, 0, 0, -1, -EINVAL },
		{ "size-0", full, 0, 0, 0, 0, -1, -EINVAL },
		{ "fd-2", full, 4, 0, 0, 0, -2, -EINVAL },
		{ "config-region", full, 4, VFIO_PCI_CONFIG_REGION_INDEX, 0, 0, -3, -EINVAL },
		{ "rom-region", full, 4, VFIO_PCI_ROM_REGION_INDEX, 0, 0, -3, -EINVAL },
		{ "past-bar", full, 4, 0, bar0 - 2, 0, -3, -EINVAL },
		{ "empty-bar", full, 4, 5, 0, 0, -3, -EINVAL },
		{ "disarm-unarmed", full, 4, 0, 0x04, 0x1234, -1, -ENODEV },
		{ "arm", full, 4, 0, 0x04, 0x12345678, -3, 0 },
		{ "arm-again", full, 4, 0, 0x04, 0x12345678, -3, -EEXIST },
		{ "arm-other-data", full, 4, 0, 0x04, 0x87654321, -3, 0 },
		{ "disarm", full, 4, 0, 0x04, 0x87654321, -1, 0 },
		{ "disarm-again", full, 4, 0, 0x04, 0x87654321, -1, -ENODEV },
		{ "arm-8", full, 8, 0, 0x08, 0, -3, 0 },
		{ "disarm-8", full, 8, 0, 0x08, 0, -1, 0 },
		{ "disarm-size-differs", full, 2, 0, 0x04, 0x12345678, -1, -ENODEV },
	};
	char reason[512] = "";
	unsigned int i;
	int efd[2];

	if (!bar0 || p->pci.region[5].size) {
		fail("ioeventfd", "layout unexpected: BAR0 0x%llx BAR5 0x%llx",
		     (unsigned long long)bar0, (unsigned long long)p->pci.region[5].size);
		return;
	}
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct ioevent_case *c = &cases[i];
		uint64_t off = ((uint64_t)c->region << 40) + c->pos;
		int fa = c->fd == -3 ? eventfd(0, EFD_CLOEXEC) : c->fd;
		int fb = c->fd == -3 ? eventfd(0, EFD_CLOEXEC) : c->fd;
		int ra = ioeventfd(&p->pci, c->argsz, c->flags, off, c->data, fa);
		int rb = ioeventfd(&p->vc, c->argsz, c->flags, off, c->data, fb);
		size_t used = strlen(reason);

		if (ra != rb || ra != c->expect)
			snprintf(reason + used, sizeof(reason) - used,
				 " %s: vfio-pci %d vfio-vconfig %d (expected %d);",
				 c->name, ra, rb, c->expect);
		if (c->fd == -3) {
			close(fa);
			close(fb);
		}
	}
	/* the rest of the arm: with the fd closed, the tuple stays armed */
	if (ioeventfd(&p->pci, full, 4, 0x04, 0x12345678, -1) ||
	    ioeventfd(&p->vc, full, 4, 0x04, 0x12345678, -1))
		snprintf(reason + strlen(reason), sizeof(reason) - strlen(reason),
			 " disarm after close failed;");
	if (msix) {
		uint32_t table;
		int ra, rb, fa = eventfd(0, EFD_CLOEXEC), fb = eventfd(0, EFD_CLOEXEC);

		memcpy(&table, p->hw + msix + PCI_MSIX_TABLE, 4);
		ra = ioeventfd(&p->pci, full, 4, ((uint64_t)(table & 7) << 40) +
			       (table & ~7u), 0, fa);
		rb = ioeventfd(&p->vc, full, 4, ((uint64_t)(table & 7) << 40) +
			       (table & ~7u), 0, fb);
		if (ra != rb || ra != -EINVAL)
			snprintf(reason + strlen(reason), sizeof(reason) - strlen(reason),
				 " msix-table: vfio-pci %d vfio-vconfig %d (expected %d);",
				 ra, rb, -EINVAL);
		close(fa);
		close(fb);
	}
	if (reason[0])
		fail("ioeventfd", "%s", reason);
	else
		pass("ioeventfd");

	if (strcmp(kind, "edu"))
		return;
	reason[0] = '\0';
	for (i = 0; i < 2; i++) {
		struct vfio_dev *d = i ? &p->vc : &p->pci;
		uint16_t cmd = vfio_dev_cfg16(d, PCI_COMMAND) | PCI_COMMAND_MEMORY;
		uint16_t off = cmd & ~PCI_COMMAND_MEMORY;
		uint64_t one = 1;
		uint32_t v = 0;

		efd[i] = eventfd(0, EFD_CLOEXEC);
		vfio_dev_cfg_write(d, PCI_COMMAND, &cmd, 2);
		if (ioeventfd(d, full, 4, 0x04, 0x12345678, efd[i])) {
			NOTE_APPEND(reason, " %s: arm failed;", i ? "vfio-vconfig" : "vfio-pci");
			continue;
		}
		vfio_dev_bar_write32(d, 0, 0x04, 0);
		if (write(efd[i], &one, sizeof(one)) != sizeof(one))
			NOTE_APPEND(reason, " %s: eventfd write;", i ? "vfio-vconfig" : "vfio-pci");
		usleep(20000);
		vfio_dev_bar_read32(d, 0, 0x04, &v);
		if (v != ~0x12345678u)
			NOTE_APPEND(reason, " %s: liveness 0x%08x after the eventfd, expected 0x%08x;",
				    i ? "vfio-vconfig" : "vfio-pci", v, ~0x12345678u);
		/* decode off: the signal writes nothing */
		vfio_dev_bar_write32(d, 0, 0x04, 0);
		vfio_dev_cfg_write(d, PCI_COMMAND, &off, 2);
		if (write(efd[i], &one, sizeof(one)) != sizeof(one))
			NOTE_APPEND(reason, " %s: eventfd write;", i ? "vfio-vconfig" : "vfio-pci");
		usleep(20000);
		vfio_dev_cfg_write(d, PCI_COMMAND, &cmd, 2);
		vfio_dev_bar_read32(d, 0, 0x04, &v);
		if (v != ~0u)
			NOTE_APPEND(reason, " %s: liveness 0x%08x after a signal with decode off, expected 0xffffffff;",
				    i ? "vfio-vconfig" : "vfio-pci", v);
		ioeventfd(d, full, 4, 0x04, 0x12345678, -1);
		close(efd[i]);
	}
	if (reason[0])
		fail("ioeventfd-write", "%s", reason);
	else
		pass("ioeventfd-write");
}

/* ---- slot and bus resets -------------------------------------------- */

/*
 * What a reset wipes, per device kind: dirty() changes device state that
 * only a reset (not a state restore) brings back, clean() tells whether it
 * is back. nvme: the Admin Queue Attributes register (BAR0 0x24);
 * i6300esb: its watchdog configuration register (config 0x60, a 1 MHz
 * clock after the write, 0 after a reset).
 */
#define NVME_AQA	0x24
#define ESB_CONFIG	0x60
#define ESB_WDT_FREQ	0x0004

static const char *drv_name(unsigned int i)
{
	return i ? "vfio-vconfig" : "vfio-pci";
}

static void memory_on(const struct vfio_dev *d)
{
	uint16_t cmd = vfio_dev_cfg16(d, PCI_COMMAND) | PCI_COMMAND_MEMORY;

	vfio_dev_cfg_write(d, PCI_COMMAND, &cmd, 2);
}

static int dirty(const struct vfio_dev *d)
{
	uint16_t freq = ESB_WDT_FREQ;
	uint32_t v = 0;

	if (!strcmp(kind, "esb"))
		return vfio_dev_cfg_write(d, ESB_CONFIG, &freq, 2) ||
		       vfio_dev_cfg16(d, ESB_CONFIG) != ESB_WDT_FREQ ? -1 : 0;
	memory_on(d);
	if (vfio_dev_bar_write32(d, 0, NVME_AQA, 0x001f001f) ||
	    vfio_dev_bar_read32(d, 0, NVME_AQA, &v))
		return -1;
	return v == 0x001f001f ? 0 : -1;
}

static bool clean(const struct vfio_dev *d)
{
	uint32_t v = ~0u;

	if (!strcmp(kind, "esb"))
		return vfio_dev_cfg16(d, ESB_CONFIG) == 0;
	memory_on(d);
	vfio_dev_bar_read32(d, 0, NVME_AQA, &v);
	return v == 0;
}

/* The same through sysfs, for a function no VFIO user has open. */
static int sysfs_cfg16(const char *bdf, unsigned int pos)
{
	char path[PATH_MAX];
	uint16_t v;
	int fd, n;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", bdf);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = pread(fd, &v, 2, pos);
	close(fd);
	return n == 2 ? v : -1;
}

/* Is there a function at @bdf? */
static bool pci_exists(const char *bdf)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s", bdf);
	return access(path, F_OK) == 0;
}

#define MAX_DEPS 8

struct reset_info {
	int ret;		/* 0 or -errno */
	struct vfio_pci_hot_reset_info hdr;
	struct vfio_pci_dependent_device dev[MAX_DEPS];
};

static void hot_reset_info(const struct vfio_dev *d, uint32_t argsz,
			   struct reset_info *out)
{
	memset(out, 0, sizeof(*out));
	out->hdr.argsz = argsz;
	out->ret = ioctl(d->fd, VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, &out->hdr) ?
		   -errno : 0;
}

/* One VFIO_DEVICE_PCI_HOT_RESET: 0 or -errno. */
static int hot_reset(const struct vfio_dev *d, uint32_t argsz, uint32_t flags,
		     uint32_t count, const int32_t *fds, unsigned int nfds)
{
	char buf[sizeof(struct vfio_pci_hot_reset) + 4 * sizeof(int32_t)];
	struct vfio_pci_hot_reset *r = (struct vfio_pci_hot_reset *)buf;

	memset(buf, 0, sizeof(buf));
	r->argsz = argsz;
	r->flags = flags;
	r->count = count;
	memcpy(r->group_fds, fds, nfds * sizeof(*fds));
	return ioctl(d->fd, VFIO_DEVICE_PCI_HOT_RESET, r) ? -errno : 0;
}

/*
 * The dependent devices must be every function on @d's bus (the test bed
 * puts one slot per bus), each with its IOMMU group.
 */
static void check_deps(const struct vfio_dev *d, const struct reset_info *ri,
		       char *reason, size_t len)
{
	unsigned int seg, bus, dev, fn, i, seen = 0;
	char bdf[16];

	if (sscanf(d->bdf, "%x:%x:%x.%x", &seg, &bus, &dev, &fn) != 4)
		return;
	for (dev = 0; dev < 32; dev++) {
		for (fn = 0; fn < 8; fn++) {
			snprintf(bdf, sizeof(bdf), "%04x:%02x:%02x.%x", seg, bus, dev, fn);
			if (!pci_exists(bdf))
				continue;
			seen++;
			for (i = 0; i < ri->hdr.count && i < MAX_DEPS; i++)
				if (ri->dev[i].segment == seg && ri->dev[i].bus == bus &&
				    ri->dev[i].devfn == ((dev << 3) | fn))
					break;
			if (i == ri->hdr.count || i == MAX_DEPS)
				snprintf(reason + strlen(reason), len - strlen(reason),
					 " %s: %s not listed;", d->bdf, bdf);
			else if ((int)ri->dev[i].group_id != vfio_dev_group_id(bdf))
				snprintf(reason + strlen(reason), len - strlen(reason),
					 " %s: %s in group %u, sysfs says %d;", d->bdf, bdf,
					 ri->dev[i].group_id, vfio_dev_group_id(bdf));
		}
	}
	if (seen != ri->hdr.count)
		snprintf(reason + strlen(reason), len - strlen(reason),
			 " %s: %u dependent devices, %u functions on the bus;",
			 d->bdf, ri->hdr.count, seen);
}

/*
 * VFIO_DEVICE_GET_PCI_HOT_RESET_INFO: the same answer from both drivers
 * (result, flags, count), and the list right for each function. On the
 * root bus there is no slot or bus reset: -ENODEV. @resettable says which
 * the test bed gives.
 */
static void check_hot_reset_info(struct pair *p, bool resettable)
{
	const uint32_t hdrsz = sizeof(struct vfio_pci_hot_reset_info);
	struct reset_info a, b;
	char reason[1024] = "";

	hot_reset_info(&p->pci, 4, &a);
	hot_reset_info(&p->vc, 4, &b);
	if (a.ret != b.ret || a.ret != -EINVAL)
		NOTE_APPEND(reason, " argsz 4: vfio-pci %d vfio-vconfig %d (expected %d);",
			    a.ret, b.ret, -EINVAL);

	hot_reset_info(&p->pci, hdrsz, &a);
	hot_reset_info(&p->vc, hdrsz, &b);
	if (a.ret != b.ret || a.ret != (resettable ? -ENOSPC : -ENODEV) ||
	    (a.ret == -ENOSPC && a.hdr.count != b.hdr.count))
		NOTE_APPEND(reason, " no room: vfio-pci %d count %u, vfio-vconfig %d count %u (expected %d);",
			    a.ret, a.hdr.count, b.ret, b.hdr.count,
			    resettable ? -ENOSPC : -ENODEV);

	hot_reset_info(&p->pci, sizeof(a) - sizeof(a.ret), &a);
	hot_reset_info(&p->vc, sizeof(b) - sizeof(b.ret), &b);
	if (a.ret != b.ret || a.ret != (resettable ? 0 : -ENODEV) ||
	    a.hdr.flags != b.hdr.flags || a.hdr.count != b.hdr.count) {
		NOTE_APPEND(reason, " full: vfio-pci %d flags 0x%x count %u, vfio-vconfig %d flags 0x%x count %u;",
			    a.ret, a.hdr.flags, a.hdr.count, b.ret, b.hdr.flags, b.hdr.count);
	} else if (!a.ret) {
		check_deps(&p->pci, &a, reason, sizeof(reason));
		check_deps(&p->vc, &b, reason, sizeof(reason));
	}
	if (reason[0])
		fail("hot-reset-info", "%s", reason);
	else
		pass("hot-reset-info");
}

struct hot_reset_case {
	const char *name;
	uint32_t argsz;		/* 0: the full size */
	uint32_t flags;
	uint32_t count;
	int fd0, fd1;		/* FD_* below, or a plain number */
	int expect;		/* when resettable; 1: as the kernel decides */
	int expect_root;	/* on the root bus */
};

#define FD_OWN		-100	/* the function's own group */
#define FD_OTHER	-101	/* the other driver's group */
#define FD_EVENT	-102	/* an eventfd */
#define AS_KERNEL	1

static int case_fd(const struct pair *p, const struct vfio_dev *d, int which,
		   int efd)
{
	switch (which) {
	case FD_OWN:
		return d->group;
	case FD_OTHER:
		return d == &p->pci ? p->vc.group : p->pci.group;
	case FD_EVENT:
		return efd;
	default:
		return which;
	}
}

/*
 * VFIO_DEVICE_PCI_HOT_RESET: every argument check gives the same result
 * on both drivers (an empty array is refused before or after the reset
 * probe, as the kernel's vfio-pci decides: both must agree), a group
 * that does not hold the function is refused, the function's own group
 * resets it. Then the reset itself: state that only a reset clears is
 * gone on both.
 */
static void check_hot_reset(struct pair *p, bool resettable)
{
	const uint32_t full = sizeof(struct vfio_pci_hot_reset) + 2 * sizeof(int32_t);
	const struct hot_reset_case cases[] = {
		{ "argsz", 8, 0, 1, FD_OWN, 0, -EINVAL, -EINVAL },
		{ "flags", 0, 1, 1, FD_OWN, 0, -EINVAL, -EINVAL },
		{ "count-0", 0, 0, 0, 0, 0, -EINVAL, AS_KERNEL },
		{ "count-9", 0, 0, 9, FD_OWN, FD_OWN, -EINVAL, -ENODEV },
		{ "fd-bad", 0, 0, 1, -1, 0, -EBADF, -ENODEV },
		{ "fd-eventfd", 0, 0, 1, FD_EVENT, 0, -EINVAL, -ENODEV },
		{ "fd-other-group", 0, 0, 1, FD_OTHER, 0, -EINVAL, -ENODEV },
	};
	char reason[1024] = "";
	unsigned int i;
	int efd = eventfd(0, EFD_CLOEXEC), ret[2] = { 1, 1 };

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct hot_reset_case *c = &cases[i];
		int ra, rb, expect = resettable ? c->expect : c->expect_root;
		int32_t fa[2] = { case_fd(p, &p->pci, c->fd0, efd),
				  case_fd(p, &p->pci, c->fd1, efd) };
		int32_t fb[2] = { case_fd(p, &p->vc, c->fd0, efd),
				  case_fd(p, &p->vc, c->fd1, efd) };

		ra = hot_reset(&p->pci, c->argsz ? c->argsz : full, c->flags,
			       c->count, fa, 2);
		rb = hot_reset(&p->vc, c->argsz ? c->argsz : full, c->flags,
			       c->count, fb, 2);
		if (ra != rb || (expect != AS_KERNEL && ra != expect))
			NOTE_APPEND(reason, " %s: vfio-pci %d vfio-vconfig %d (expected %d);",
				    c->name, ra, rb, expect);
		else if (verbose)
			printf("INFO diff:%s:hot-reset %s: %d on both\n", kind, c->name, ra);
	}
	close(efd);

	for (i = 0; i < 2; i++) {
		const struct vfio_dev *d = i ? &p->vc : &p->pci;
		int32_t own = d->group;

		if (resettable && dirty(d)) {
			NOTE_APPEND(reason, " %s: could not change the device state;", drv_name(i));
			continue;
		}
		ret[i] = hot_reset(d, full, 0, 1, &own, 1);
		if (!ret[i] && !clean(d))
			NOTE_APPEND(reason, " %s: the device state survived the hot reset;",
				    drv_name(i));
	}
	/*
	 * QEMU's nvme behind its pcie-root-port never brings the link back
	 * up after a secondary bus reset (the kernel gives up: "Data Link
	 * Layer Link Active not set"), so there both drivers pass the
	 * kernel's -ENOTTY on; i6300esb has no link to wait for.
	 */
	if (ret[0] != ret[1] ||
	    (!resettable && ret[0] != -ENODEV) ||
	    (resettable && ret[0] && !(ret[0] == -ENOTTY && !strcmp(kind, "nvme"))))
		NOTE_APPEND(reason, " own group: vfio-pci %d vfio-vconfig %d;", ret[0], ret[1]);
	else
		printf("INFO diff:%s:hot-reset own group: %d on both\n", kind, ret[0]);
	if (reason[0])
		fail("hot-reset", "%s", reason);
	else
		pass("hot-reset");
}

/*
 * The reset at last close (functions without a reset of their own, two
 * in one slot): closing one function while its sibling is open leaves the
 * state alone; closing the last one resets the slot. Both drivers alike.
 */
static void check_close_reset(struct pair *p)
{
	char reason[1024] = "";
	unsigned int i;

	for (i = 0; i < 2; i++) {
		struct vfio_dev *d = i ? &p->vc : &p->pci;
		const char *drv = i ? "vfio-vconfig" : "vfio-pci";
		char sibling[16];
		int fd1, v;

		snprintf(sibling, sizeof(sibling), "%.*s1", (int)strlen(d->bdf) - 1, d->bdf);
		fd1 = ioctl(d->group, VFIO_GROUP_GET_DEVICE_FD, sibling);
		if (fd1 < 0) {
			NOTE_APPEND(reason, " %s: open %s: %s;", drv, sibling, strerror(errno));
			continue;
		}
		if (dirty(d)) {
			NOTE_APPEND(reason, " %s: could not change the device state;", drv);
			close(fd1);
			continue;
		}
		close(d->fd);
		d->fd = -1;
		v = sysfs_cfg16(d->bdf, ESB_CONFIG);
		if (v != ESB_WDT_FREQ)
			NOTE_APPEND(reason, " %s: reset while %s was open (0x%x);", drv,
				    sibling, v);
		close(fd1);
		v = sysfs_cfg16(d->bdf, ESB_CONFIG);
		if (v != 0)
			NOTE_APPEND(reason, " %s: no reset at the last close (0x%x);", drv, v);
	}
	if (reason[0])
		fail("close-reset", "%s", reason);
	else
		pass("close-reset");
}

/* ---- runtime PM: the low-power features ----------------------------- */

/*
 * One VFIO_DEVICE_FEATURE, with the wakeup eventfd payload when @wakeup_fd
 * is given: 0 or -errno.
 */
static int feature(const struct vfio_dev *d, uint32_t flags, const int32_t *wakeup_fd)
{
	struct {
		struct vfio_device_feature hdr;
		struct vfio_device_low_power_entry_with_wakeup wake;
	} f = {
		.hdr = { .argsz = sizeof(f.hdr) + (wakeup_fd ? sizeof(f.wake) : 0),
			 .flags = flags },
	};

	if (wakeup_fd)
		f.wake.wakeup_eventfd = *wakeup_fd;
	return ioctl(d->fd, VFIO_DEVICE_FEATURE, &f) ? -errno : 0;
}

/* The runtime PM status the PCI core reports for @bdf. */
static void runtime_status(const char *bdf, char *buf, size_t len)
{
	char path[PATH_MAX];
	ssize_t n = -1;
	int fd;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/power/runtime_status", bdf);
	fd = open(path, O_RDONLY);
	if (fd >= 0) {
		n = read(fd, buf, len - 1);
		close(fd);
	}
	buf[n > 0 ? n : 0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
}

/* Wait up to 2 s for @bdf to reach runtime status @want. */
static bool wait_status(const char *bdf, const char *want)
{
	char now[32];
	int i;

	for (i = 0; i < 200; i++) {
		runtime_status(bdf, now, sizeof(now));
		if (!strcmp(now, want))
			return true;
		usleep(10000);
	}
	return false;
}

/* Does a read through @map complete (true) or raise SIGBUS (false)? */
static bool map_reads(volatile uint32_t *map)
{
	uint32_t v;

	return vfio_dev_probe_read(map, &v) == 0;
}

#define PMCSR_D3HOT	3	/* PowerState field of PMCSR */
#define LP_ENTRY	VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY
#define LP_WAKEUP	VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY_WITH_WAKEUP
#define LP_EXIT		VFIO_DEVICE_FEATURE_LOW_POWER_EXIT
#define F_SET		VFIO_DEVICE_FEATURE_SET
#define F_GET		VFIO_DEVICE_FEATURE_GET
#define F_PROBE		VFIO_DEVICE_FEATURE_PROBE

struct lp_case {
	const char *name;
	uint32_t flags;
	int32_t payload;	/* LP_NONE: none; LP_EFD: a fresh eventfd */
	int expect;
};

#define LP_NONE		-1000
#define LP_EFD		-1001

/* Has @efd been signalled? Its count, 0 when not (nonblocking). */
static uint64_t eventfd_count(int efd)
{
	uint64_t n = 0;

	if (read(efd, &n, sizeof(n)) != sizeof(n))
		return 0;
	return n;
}

/* The low-power cycle on one function; failures appended to @reason. */
static void low_power_cycle(struct vfio_dev *d, unsigned int pmcsr,
			    const char *drv, char *reason, size_t len)
{
	volatile uint32_t *map;
	int32_t efd;

#define LP_NOTE(...) snprintf(reason + strlen(reason), len - strlen(reason), __VA_ARGS__)
	memory_on(d);
	map = mmap(NULL, 4096, PROT_READ, MAP_SHARED, d->fd, d->region[0].offset);
	if (map == MAP_FAILED) {
		LP_NOTE(" %s: mmap of BAR0: %s;", drv, strerror(errno));
		return;
	}
	if (!map_reads(map))
		LP_NOTE(" %s: the mapping faults before the entry;", drv);

	if (feature(d, F_SET | LP_ENTRY, NULL))
		LP_NOTE(" %s: entry failed;", drv);
	if (!wait_status(d->bdf, "suspended"))
		LP_NOTE(" %s: not runtime suspended after the entry;", drv);
	if (map_reads(map))
		LP_NOTE(" %s: the mapping reads in low power;", drv);
	/* a region access wakes the function for itself only */
	if (vfio_dev_cfg16(d, PCI_VENDOR_ID) == 0xffff)
		LP_NOTE(" %s: config read in low power failed;", drv);
	if (!wait_status(d->bdf, "suspended"))
		LP_NOTE(" %s: not suspended again after a config read;", drv);
	if (map_reads(map))
		LP_NOTE(" %s: the mapping reads after a config read in low power;", drv);
	if (feature(d, F_SET | LP_EXIT, NULL))
		LP_NOTE(" %s: exit failed;", drv);
	if (!wait_status(d->bdf, "active"))
		LP_NOTE(" %s: not active after the exit;", drv);
	if (!map_reads(map))
		LP_NOTE(" %s: the mapping faults after the exit;", drv);

	/* with wakeup: the next access signals once and ends the state */
	efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (feature(d, F_SET | LP_WAKEUP, &efd))
		LP_NOTE(" %s: entry with wakeup failed;", drv);
	if (!wait_status(d->bdf, "suspended"))
		LP_NOTE(" %s: not runtime suspended after the entry with wakeup;", drv);
	if (eventfd_count(efd))
		LP_NOTE(" %s: wakeup signalled before any access;", drv);
	if (map_reads(map))
		LP_NOTE(" %s: the mapping reads in low power (wakeup);", drv);
	vfio_dev_cfg16(d, PCI_VENDOR_ID);
	if (eventfd_count(efd) != 1)
		LP_NOTE(" %s: no wakeup signal after a config read;", drv);
	if (!map_reads(map))
		LP_NOTE(" %s: the mapping faults after the wakeup;", drv);
	if (feature(d, F_SET | LP_ENTRY, NULL))
		LP_NOTE(" %s: entry after the wakeup failed (state not left);", drv);
	close(efd);

	/*
	 * A function its user put in D3hot: the suspend takes it to D0
	 * first and the resume leaves it there, so PMCSR reads D0 and the
	 * BARs answer again after the exit.
	 */
	if (pmcsr) {
		uint16_t ctrl = vfio_dev_cfg16(d, pmcsr), d3 = ctrl | PMCSR_D3HOT;
		uint32_t v;

		feature(d, F_SET | LP_EXIT, NULL);
		vfio_dev_cfg_write(d, pmcsr, &d3, 2);
		if ((vfio_dev_cfg16(d, pmcsr) & PCI_PM_CTRL_STATE_MASK) != PMCSR_D3HOT)
			LP_NOTE(" %s: PMCSR write of D3hot not seen;", drv);
		if (feature(d, F_SET | LP_ENTRY, NULL) || !wait_status(d->bdf, "suspended"))
			LP_NOTE(" %s: no runtime suspend from D3hot;", drv);
		feature(d, F_SET | LP_EXIT, NULL);
		if (vfio_dev_cfg16(d, pmcsr) & PCI_PM_CTRL_STATE_MASK)
			LP_NOTE(" %s: PMCSR says D%u after the low-power cycle (the function is in D0);",
				drv, vfio_dev_cfg16(d, pmcsr) & PCI_PM_CTRL_STATE_MASK);
		if (vfio_dev_bar_read32(d, 0, 0, &v))
			LP_NOTE(" %s: BAR0 read fails after a low-power cycle from D3hot;", drv);
		feature(d, F_SET | LP_ENTRY, NULL);
	}

	/* closed in low power: the next open finds it working */
	munmap((void *)map, 4096);
	if (!wait_status(d->bdf, "suspended"))
		LP_NOTE(" %s: not runtime suspended before the close;", drv);
	close(d->fd);
	d->fd = vfio_dev_get_fd(d);
	if (d->fd < 0)
		LP_NOTE(" %s: reopen after a close in low power: %s;", drv, strerror(errno));
	else if (!wait_status(d->bdf, "active") ||
		 vfio_dev_cfg16(d, PCI_VENDOR_ID) == 0xffff)
		LP_NOTE(" %s: not active and readable after the reopen;", drv);
#undef LP_NOTE
}

/*
 * Probe, GET and argument checks of the three features; then on each
 * driver: entry lets the function suspend and its mapping faults, a
 * region access wakes it without ending the state, exit brings the
 * mapping back; entry with wakeup ends the state by itself at the next
 * access and signals the eventfd once; a close in low power leaves a
 * function that opens again.
 */
static void check_low_power(struct pair *p)
{
	const struct lp_case cases[] = {
		{ "probe-entry", F_PROBE | F_SET | LP_ENTRY, LP_NONE, 0 },
		{ "probe-entry-get", F_PROBE | F_GET | LP_ENTRY, LP_NONE, -EINVAL },
		{ "probe-wakeup", F_PROBE | F_SET | LP_WAKEUP, LP_NONE, 0 },
		{ "probe-exit", F_PROBE | F_SET | LP_EXIT, LP_NONE, 0 },
		{ "get-entry", F_GET | LP_ENTRY, LP_NONE, -EINVAL },
		{ "get-exit", F_GET | LP_EXIT, LP_NONE, -EINVAL },
		{ "exit-not-entered", F_SET | LP_EXIT, LP_NONE, 0 },
		{ "wakeup-no-payload", F_SET | LP_WAKEUP, LP_NONE, -EINVAL },
		{ "wakeup-fd-minus-1", F_SET | LP_WAKEUP, -1, -EINVAL },
		{ "wakeup-fd-bad", F_SET | LP_WAKEUP, 999, -EBADF },
		{ "wakeup-fd-not-eventfd", F_SET | LP_WAKEUP, 0, -EINVAL },
		{ "entry", F_SET | LP_ENTRY, LP_NONE, 0 },
		{ "entry-again", F_SET | LP_ENTRY, LP_NONE, -EINVAL },
		{ "wakeup-while-entered", F_SET | LP_WAKEUP, LP_EFD, -EINVAL },
		{ "exit", F_SET | LP_EXIT, LP_NONE, 0 },
		{ "exit-again", F_SET | LP_EXIT, LP_NONE, 0 },
	};
	char reason[1024] = "";
	unsigned int i, pm;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct lp_case *c = &cases[i];
		int32_t fa = c->payload, fb = c->payload;
		int ra, rb;

		if (c->payload == LP_EFD) {
			fa = eventfd(0, EFD_CLOEXEC);
			fb = eventfd(0, EFD_CLOEXEC);
		}
		ra = feature(&p->pci, c->flags, c->payload == LP_NONE ? NULL : &fa);
		rb = feature(&p->vc, c->flags, c->payload == LP_NONE ? NULL : &fb);
		if (ra != rb || ra != c->expect)
			NOTE_APPEND(reason, " %s: vfio-pci %d vfio-vconfig %d (expected %d);",
				    c->name, ra, rb, c->expect);
		if (c->payload == LP_EFD) {
			close(fa);
			close(fb);
		}
	}
	if (reason[0])
		fail("low-power-args", "%s", reason);
	else
		pass("low-power-args");

	reason[0] = '\0';
	pm = find_cap(p->hw, PCI_CAP_ID_PM);
	for (i = 0; i < 2; i++)
		low_power_cycle(i ? &p->vc : &p->pci, pm ? pm + PCI_PM_CTRL : 0,
				drv_name(i), reason, sizeof(reason));
	if (reason[0])
		fail("low-power", "%s", reason);
	else
		pass("low-power");
}

/* ---- sub-page BARs --------------------------------------------------- */

/* BAR0's physical start and end from sysfs, or -1. */
static int bar0_range(const char *bdf, uint64_t *start, uint64_t *end)
{
	char path[PATH_MAX];
	unsigned long long s, e, f;
	FILE *fp;
	int n;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource", bdf);
	fp = fopen(path, "r");
	if (!fp)
		return -1;
	n = fscanf(fp, "%llx %llx %llx", &s, &e, &f);
	fclose(fp);
	if (n != 3)
		return -1;
	*start = s;
	*end = e;
	return 0;
}

/* Is [@start, @end] reserved as the rest of a sub-page BAR's page? */
static bool page_reserved(uint64_t start, uint64_t end)
{
	unsigned long long s, e;
	char line[256];
	bool found = false;
	FILE *fp = fopen("/proc/iomem", "r");

	if (!fp)
		return false;
	while (!found && fgets(line, sizeof(line), fp))
		found = strstr(line, "vfio sub-page reserved") &&
			sscanf(line, " %llx-%llx", &s, &e) == 2 &&
			s == start && e == end;
	fclose(fp);
	return found;
}

/*
 * i6300esb's 16-byte BAR0: mappable on both drivers (the region info is
 * the same, MMAP included) because the rest of its page is reserved while
 * the function is open, and given back at close. The mapping reads what
 * the region reads, honours decode (SIGBUS while it is off) and cannot
 * grow past the page.
 */
static void check_subpage(struct pair *p)
{
	char reason[1024] = "";
	unsigned int i;

	for (i = 0; i < 2; i++) {
		struct vfio_dev *d = i ? &p->vc : &p->pci;
		const char *drv = drv_name(i);
		uint64_t start = 0, end = 0;
		volatile uint32_t *map;
		uint32_t v, r = ~0u;
		uint16_t cmd;
		void *big;

#define SP_NOTE(...) NOTE_APPEND(reason, __VA_ARGS__)
		if (bar0_range(d->bdf, &start, &end) || end - start + 1 >= 4096 ||
		    (start & 4095)) {
			SP_NOTE(" %s: BAR0 0x%llx-0x%llx is not a page-aligned sub-page BAR;", drv,
				(unsigned long long)start, (unsigned long long)end);
			continue;
		}
		if (!(d->region[0].flags & VFIO_REGION_INFO_FLAG_MMAP))
			SP_NOTE(" %s: BAR0 region flags 0x%x without MMAP;", drv, d->region[0].flags);
		if (!page_reserved(end + 1, start + 4095))
			SP_NOTE(" %s: 0x%llx-0x%llx not reserved while open;", drv,
				(unsigned long long)end + 1, (unsigned long long)start + 4095);
		big = mmap(NULL, 8192, PROT_READ, MAP_SHARED, d->fd, d->region[0].offset);
		if (big != MAP_FAILED) {
			SP_NOTE(" %s: a mapping of two pages was allowed;", drv);
			munmap(big, 8192);
		}
		memory_on(d);
		map = mmap(NULL, 4096, PROT_READ, MAP_SHARED, d->fd, d->region[0].offset);
		if (map == MAP_FAILED) {
			SP_NOTE(" %s: mmap: %s;", drv, strerror(errno));
			continue;
		}
		vfio_dev_bar_read32(d, 0, 0, &r);
		if (vfio_dev_probe_read(map, &v) || v != r)
			SP_NOTE(" %s: mapping read 0x%x, region read 0x%x;", drv, v, r);
		cmd = vfio_dev_cfg16(d, PCI_COMMAND) & ~PCI_COMMAND_MEMORY;
		vfio_dev_cfg_write(d, PCI_COMMAND, &cmd, 2);
		if (vfio_dev_probe_read(map, &v) != SIGBUS)
			SP_NOTE(" %s: the mapping reads with decode off;", drv);
		memory_on(d);
		if (vfio_dev_probe_read(map, &v))
			SP_NOTE(" %s: the mapping faults with decode back on;", drv);
		munmap((void *)map, 4096);

		close(d->fd);
		if (page_reserved(end + 1, start + 4095))
			SP_NOTE(" %s: the page stays reserved after the close;", drv);
		d->fd = vfio_dev_get_fd(d);
		if (d->fd < 0)
			SP_NOTE(" %s: reopen: %s;", drv, strerror(errno));
		else if (!page_reserved(end + 1, start + 4095))
			SP_NOTE(" %s: not reserved again after the reopen;", drv);
#undef SP_NOTE
	}
	if (reason[0])
		fail("subpage-mmap", "%s", reason);
	else
		pass("subpage-mmap");
}

static int load_hw_config(struct pair *p)
{
	char path[PATH_MAX];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", p->pci.bdf);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = pread(fd, p->hw, sizeof(p->hw), 0);
	close(fd);
	if (n < 64)
		return -1;
	p->size = n;
	build_owners(p->hw, p->size, p->owner);
	return 0;
}

/*
 * The VGA region (index 8) of two VGA-class functions, each behind a bridge
 * of its own: the legacy ranges at their ISA addresses, routed by the VGA
 * arbiter to the function accessed. Both drivers must offer it alike, refuse the same
 * offsets, clip the same accesses at a range's end, and reach their own
 * function: a sequencer index written through one is read back through it
 * after the other wrote another (with the routing wrong, both read the
 * same device).
 */
static int vga_region(struct vfio_dev *d, struct vfio_region_info *info)
{
	memset(info, 0, sizeof(*info));
	info->argsz = sizeof(*info);
	info->index = VFIO_PCI_VGA_REGION_INDEX;
	return ioctl(d->fd, VFIO_DEVICE_GET_REGION_INFO, info) ? -errno : 0;
}

static ssize_t vga_rw(struct vfio_dev *d, const struct vfio_region_info *info,
		      uint64_t off, void *buf, size_t len, bool write)
{
	ssize_t n = write ? pwrite(d->fd, buf, len, info->offset + off) :
			    pread(d->fd, buf, len, info->offset + off);

	return n < 0 ? -errno : n;
}

#define VGA_SEQ_INDEX	0x3c4

static bool is_boot_vga(const char *bdf)
{
	char path[128];
	FILE *f;
	int c;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/boot_vga", bdf);
	f = fopen(path, "r");
	if (!f)
		return false;
	c = fgetc(f);
	fclose(f);
	return c == '1';
}

static void check_vga(struct pair *p)
{
	static const struct {
		uint64_t off;
		size_t len;
	} probes[] = {
		{ 0x0, 1 }, { 0x3af, 1 }, { 0x3b0, 1 }, { 0x3bb, 4 },
		{ 0x3bc, 1 }, { 0x3bf, 1 }, { 0x3c0, 2 }, { 0x3de, 4 },
		{ 0x3e0, 1 }, { 0x9ffff, 1 }, { 0xa0000, 4 }, { 0xbfffe, 4 },
		{ 0xc0000, 1 },
	};
	struct vfio_region_info ia, ib;
	char why[512] = "";
	uint8_t a = 0x01, b = 0x03, back_a = 0, back_b = 0;
	unsigned int i;
	int ra, rb;

	ra = vga_region(&p->pci, &ia);
	rb = vga_region(&p->vc, &ib);
	if (ra || rb || ia.size != 0xc0000 || ib.size != 0xc0000 ||
	    ia.flags != (VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE) ||
	    ib.flags != ia.flags) {
		fail("vga-region", "vfio-pci %d size 0x%llx flags 0x%x; vfio-vconfig %d size 0x%llx flags 0x%x",
		     ra, (unsigned long long)ia.size, ia.flags,
		     rb, (unsigned long long)ib.size, ib.flags);
		return;
	}
	pass("vga-region");

	for (i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
		uint32_t va = 0, vb = 0;
		ssize_t na = vga_rw(&p->pci, &ia, probes[i].off, &va, probes[i].len, false);
		ssize_t nb = vga_rw(&p->vc, &ib, probes[i].off, &vb, probes[i].len, false);

		if (na != nb)
			snprintf(why + strlen(why), sizeof(why) - strlen(why),
				 " read of %zu at 0x%llx: vfio-pci %zd, vfio-vconfig %zd;",
				 probes[i].len, (unsigned long long)probes[i].off, na, nb);
	}
	verdict("vga-offsets", why);

	/* each writes its own index, then each reads it back */
	if (vga_rw(&p->pci, &ia, VGA_SEQ_INDEX, &a, 1, true) != 1 ||
	    vga_rw(&p->vc, &ib, VGA_SEQ_INDEX, &b, 1, true) != 1 ||
	    vga_rw(&p->pci, &ia, VGA_SEQ_INDEX, &back_a, 1, false) != 1 ||
	    vga_rw(&p->vc, &ib, VGA_SEQ_INDEX, &back_b, 1, false) != 1)
		fail("vga-routing", "a sequencer index access failed");
	else
		pass_if(back_a == a && back_b == b, "vga-routing",
			"sequencer index: vfio-pci wrote 0x%x read 0x%x, vfio-vconfig wrote 0x%x read 0x%x",
			a, back_a, b, back_b);
}

int main(int argc, char **argv)
{
	static struct pair pair;
	const char *doc = NULL;
	char why[256];
	int opt;

	while ((opt = getopt(argc, argv, "d:vsR")) != -1) {
		switch (opt) {
		case 'R':
			resets_only = true;
			break;
		case 's':
			strict = true;
			break;
		case 'd':
			doc = optarg;
			break;
		case 'v':
			verbose = true;
			break;
		default:
			goto usage;
		}
	}
	if (argc - optind != 3)
		goto usage;
	kind = argv[optind];
	report_prefix("diff:%s", kind);
	setvbuf(stdout, NULL, _IOLBF, 0);

	if (doc)
		check_doc(doc);
	if (vfio_dev_open(&pair.pci, argv[optind + 1], why, sizeof(why)) ||
	    vfio_dev_open(&pair.vc, argv[optind + 2], why, sizeof(why))) {
		fail("open", "%s", why);
		return 1;
	}
	if (load_hw_config(&pair)) {
		fail("open", "sysfs config of %s unreadable", pair.pci.bdf);
		return 1;
	}
	if (!strcmp(kind, "vga")) {
		/* firmware routes VGA to one function, whose ROM Linux shadows */
		if (is_boot_vga(pair.pci.bdf))
			boot_vga = pair.pci.bdf;
		else if (is_boot_vga(pair.vc.bdf))
			boot_vga = pair.vc.bdf;
		check_info(&pair);
		check_region_info(&pair);
		check_vga(&pair);
		goto out;
	}
	if (resets_only) {
		check_region_info(&pair);
		check_subpage(&pair);
		check_hot_reset_info(&pair, true);
		check_hot_reset(&pair, true);
		check_close_reset(&pair);
		goto out;
	}
	check_info(&pair);
	check_region_info(&pair);
	check_irq_info(&pair);
	check_config(&pair, "config");
	check_perms(&pair);
	check_bar_sizing(&pair);
	check_ioeventfd(&pair);
	/* the probe must have left both spaces as it found them */
	check_config(&pair, "config-after-probe");
	/* last: a reset returns vfio-vconfig's virtual space to reset values */
	check_hot_reset_info(&pair, !strcmp(kind, "nvme"));
	check_hot_reset(&pair, !strcmp(kind, "nvme"));
	check_low_power(&pair);
	if (strict && !strict_seen)
		fail("strict", "no departure of the strict profile seen: is it in effect?");
	else if (strict)
		pass("strict");
out:
	vfio_dev_close(&pair.pci);
	vfio_dev_close(&pair.vc);
	return failed ? 1 : 0;

usage:
	fprintf(stderr, "usage: %s [-d DIFFERENCES.md] [-v] [-s] [-R] KIND BDF-VFIO-PCI BDF-VFIO-VCONFIG\n",
		argv[0]);
	return 2;
}
