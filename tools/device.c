// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Opening a function for the CLI: an lspci dump modelled by emu, or a host
 * snapshot; both under the engine.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static const char *header_kind(u8 type)
{
	switch (type & 0x7f) {
	case PCI_HEADER_TYPE_BRIDGE:
		return "PCI-to-PCI bridge";
	case PCI_HEADER_TYPE_CARDBUS:
		return "CardBus bridge";
	default:
		return "unknown";
	}
}

static int report_create_error(const char *addr, const u8 *config, int err)
{
	switch (err) {
	case -EOPNOTSUPP:
		cli_error("%s: header type %u (%s) is not a type-0 endpoint; "
			  "vconfig serves endpoints only", addr,
			  config[PCI_HEADER_TYPE] & 0x7f,
			  header_kind(config[PCI_HEADER_TYPE]));
		break;
	case -ENODEV:
		cli_error("%s: the function reads as all ones (no device)", addr);
		break;
	default:
		cli_error("%s: cannot build the virtual config space: %s", addr,
			  strerror(-err));
	}
	return CLI_EXIT_USAGE;
}

/* Region sizes from options, then the dump; unknown sizes are unimplemented. */
static void choose_regions(const struct cli_options *opt,
			   const struct vconfig_dump_device *d,
			   struct vconfig_region_desc region[VCONFIG_NR_REGIONS])
{
	unsigned int i;
	bool upper = false;

	for (i = 0; i < VCONFIG_NR_REGIONS; i++) {
		unsigned int off = i == VCONFIG_ROM_BAR ? PCI_ROM_ADDRESS :
				   PCI_BASE_ADDRESS_0 + 4 * i;
		u32 bar = vconfig_get_le(&d->config[off], 4);

		memset(&region[i], 0, sizeof(region[i]));
		if (upper) {
			upper = false;
			continue;
		}
		if (i < VCONFIG_NR_BARS && !(bar & PCI_BASE_ADDRESS_SPACE_IO) &&
		    (bar & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
		    PCI_BASE_ADDRESS_MEM_TYPE_64)
			upper = true;
		if (opt->bar_set[i])
			region[i].size = opt->bar[i].size;
		else if (d->region_known[i])
			region[i].size = d->region[i].size;
		else if (bar && (i != VCONFIG_ROM_BAR || (bar & ~1u)))
			cli_warn("%s: %s has no known size; treated as "
				 "unimplemented (give --bar %c=SIZE)", d->address,
				 i == VCONFIG_ROM_BAR ? "expansion ROM" :
				 "BAR", i == VCONFIG_ROM_BAR ? '6' : '0' + i);
		if (i < VCONFIG_NR_BARS && region[i].size && upper)
			region[i].flags |= VCONFIG_REGION_MEM64;
		if (i < VCONFIG_NR_BARS && (bar & PCI_BASE_ADDRESS_SPACE_IO))
			region[i].flags |= VCONFIG_REGION_IO;
	}
}

int cli_open_emu(const struct cli_options *opt, struct cli_device *dev)
{
	struct vconfig_region_desc region[VCONFIG_NR_REGIONS];
	struct vconfig_config cfg = { 0 };
	const struct vconfig_dump_device *d;
	unsigned int cfg_size;
	char err[256];
	u8 config[VCONFIG_CFG_SIZE_PCIE] = { 0 };
	int ret;

	memset(dev, 0, sizeof(*dev));
	if (vconfig_dump_load(opt->file, &dev->dump, err, sizeof(err))) {
		cli_error("%s", err);
		return CLI_EXIT_USAGE;
	}
	d = vconfig_dump_find(&dev->dump, opt->device);
	if (!d) {
		if (opt->device)
			cli_error("%s: no device %s in the dump", opt->file,
				  opt->device);
		else
			cli_error("%s: the dump holds no device", opt->file);
		return CLI_EXIT_USAGE;
	}
	snprintf(dev->address, sizeof(dev->address), "%s", d->address);
	snprintf(dev->description, sizeof(dev->description), "%s",
		 d->description);
	if ((d->config[PCI_HEADER_TYPE] & 0x7f) != PCI_HEADER_TYPE_NORMAL)
		return report_create_error(d->address, d->config, -EOPNOTSUPP);

	cfg_size = d->cfg_size >= VCONFIG_CFG_SIZE_PCIE ? VCONFIG_CFG_SIZE_PCIE :
						       VCONFIG_CFG_SIZE_PCI;
	if (d->cfg_size < VCONFIG_CFG_SIZE_PCI)
		cli_warn("%s: the dump has only %u bytes; the rest reads as zero",
			 d->address, d->cfg_size);
	memcpy(config, d->config, min(d->cfg_size, cfg_size));

	choose_regions(opt, d, region);
	ret = vconfig_emu_create(config, cfg_size, region, &dev->emu);
	if (ret) {
		cli_error("%s: cannot model the function: %s", d->address,
			  strerror(-ret));
		return CLI_EXIT_USAGE;
	}
	/* Size the BARs on the model, as a PCI core sizes real ones. */
	ret = vconfig_emu_probe_regions(dev->emu, cfg.region);
	if (ret) {
		cli_error("%s: sizing the BARs failed: %s", d->address,
			  strerror(-ret));
		return CLI_EXIT_USAGE;
	}
	vconfig_emu_clear_log(dev->emu);
	cfg.ops = &vconfig_emu_ops;
	cfg.priv = dev->emu;
	cfg.cfg_size = cfg_size;
	cfg.flags = opt->engine_flags;
	ret = vconfig_create(&cfg, &dev->vc);
	if (ret)
		return report_create_error(d->address, config, ret);
	return 0;
}

int cli_open_snapshot(const char *bdf, const struct cli_options *opt,
		      struct cli_device *dev)
{
	struct vconfig_config cfg = { 0 };
	char err[256];
	int ret;

	memset(dev, 0, sizeof(*dev));
	ret = vconfig_snapshot_read(bdf, &dev->snap_dev, err, sizeof(err));
	if (ret) {
		cli_error("%s", err);
		return CLI_EXIT_USAGE;
	}
	snprintf(dev->address, sizeof(dev->address), "%s", dev->snap_dev.address);
	snprintf(dev->description, sizeof(dev->description), "%s",
		 dev->snap_dev.description);
	dev->snapshot.config = dev->snap_dev.config;
	dev->snapshot.cfg_size = dev->snap_dev.cfg_size;
	if (dev->snap_dev.cfg_size < VCONFIG_CFG_SIZE_PCI) {
		cli_error("%s: only %u bytes of config space are readable "
			  "(run as root for the whole space)", bdf,
			  dev->snap_dev.cfg_size);
		return CLI_EXIT_USAGE;
	}
	cfg.ops = &vconfig_readonly_ops;
	cfg.priv = &dev->snapshot;
	cfg.cfg_size = dev->snap_dev.cfg_size >= VCONFIG_CFG_SIZE_PCIE ?
		       VCONFIG_CFG_SIZE_PCIE : VCONFIG_CFG_SIZE_PCI;
	cfg.flags = opt->engine_flags;
	memcpy(cfg.region, dev->snap_dev.region, sizeof(cfg.region));
	ret = vconfig_create(&cfg, &dev->vc);
	if (ret)
		return report_create_error(bdf, dev->snap_dev.config, ret);
	return 0;
}

void cli_close(struct cli_device *dev)
{
	if (dev->vc)
		vconfig_destroy(dev->vc);
	if (dev->emu)
		vconfig_emu_destroy(dev->emu);
	vconfig_dump_free(&dev->dump);
	memset(dev, 0, sizeof(*dev));
}

int cli_print_dump(struct cli_device *dev, bool physical)
{
	u8 buf[VCONFIG_CFG_SIZE_PCIE];
	unsigned int size = vconfig_cfg_size(dev->vc);
	int ret;

	if (physical) {
		memcpy(buf, dev->emu ? vconfig_emu_bytes(dev->emu) :
		       dev->snapshot.config, size);
	} else {
		ret = vconfig_read(dev->vc, 0, size, buf);
		if (ret) {
			cli_error("%s: reading the virtual config space failed: %s",
				  dev->address, strerror(-ret));
			return CLI_EXIT_USAGE;
		}
	}
	vconfig_dump_write(stdout, dev->address, dev->description, buf, size);
	return 0;
}
