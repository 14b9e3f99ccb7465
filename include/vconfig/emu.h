/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Userspace backends of the vconfig engine:
 *  - lspci dump files (`lspci -vvv -xxx[x]` text) parsed into devices;
 *  - emu, a software model of a physical function that behaves like
 *    hardware (read-only, read-write and write-1-to-clear bits as the PCI
 *    specifications define them, BAR sizing) and logs every write it gets;
 *  - host snapshots read through libpciaccess, strictly read-only.
 */
#ifndef VCONFIG_EMU_H
#define VCONFIG_EMU_H

#include <stdio.h>
#include "vconfig.h"

/* The declarations below are the library's ABI (lib/libvconfig.map). */
#if !defined(__KERNEL__) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/* ---- lspci dump files ---- */

struct vconfig_dump_device {
	char address[64];	/* as the file writes it: "00:1f.3", "0000:00:1f.3" */
	char description[256];	/* rest of the device line */
	u8 config[VCONFIG_CFG_SIZE_PCIE];
	unsigned int cfg_size;	/* bytes present in the hex lines: 64, 256 or 4096 */
	/* sizes from "Region N: ... [size=...]" and "Expansion ROM ... [size=...]" */
	struct vconfig_region_desc region[VCONFIG_NR_REGIONS];
	bool region_known[VCONFIG_NR_REGIONS];
};

struct vconfig_dump {
	struct vconfig_dump_device *dev;
	unsigned int nr_dev;
};

/*
 * Parse lspci text. On error returns a negative errno and writes one line
 * (no newline) describing it, with the line number, to @err.
 */
int vconfig_dump_parse(const char *text, size_t len, struct vconfig_dump *out,
		       char *err, size_t errlen);
int vconfig_dump_load(const char *path, struct vconfig_dump *out, char *err,
		      size_t errlen);
void vconfig_dump_free(struct vconfig_dump *dump);
/* The device at @address, or the first device when @address is NULL. */
const struct vconfig_dump_device *
vconfig_dump_find(const struct vconfig_dump *dump, const char *address);

/*
 * Write @size bytes of configuration space in lspci dump format: the device
 * line "@address @description", then "NN: xx xx ..." lines, then a blank
 * line, so that `lspci -F FILE -vvv` decodes it.
 */
void vconfig_dump_write(FILE *out, const char *address, const char *description,
			const u8 *config, unsigned int size);

/* ---- emu: a model of the physical function ---- */

struct vconfig_emu;

/* One write the model received, as hardware would see it. */
struct vconfig_emu_write {
	u16 offset;
	u8 size;
	u32 value;	/* value written */
	u32 before;	/* register contents before */
	u32 after;	/* register contents after */
};

/*
 * Build a model from @cfg_size bytes of configuration space. Regions whose
 * size is 0 are unimplemented: their BARs read as 0 after reset of the model.
 * BAR kinds (I/O, 64-bit, prefetchable) come from the BAR bytes themselves.
 */
int vconfig_emu_create(const u8 *config, unsigned int cfg_size,
		       const struct vconfig_region_desc region[VCONFIG_NR_REGIONS],
		       struct vconfig_emu **out);
void vconfig_emu_destroy(struct vconfig_emu *emu);

/* Backend operations for struct vconfig_config; priv is the struct vconfig_emu. */
extern const struct vconfig_backend_ops vconfig_emu_ops;

/*
 * Size the BARs and ROM the way a PCI core does (save, write all ones, read
 * back, restore) on the model, filling @region for struct vconfig_config.
 */
int vconfig_emu_probe_regions(struct vconfig_emu *emu,
			      struct vconfig_region_desc region[VCONFIG_NR_REGIONS]);

/* Bytes of the model, bypassing its write rules (tests and fuzzing). */
const u8 *vconfig_emu_bytes(const struct vconfig_emu *emu);
void vconfig_emu_poke(struct vconfig_emu *emu, unsigned int offset, u8 val);
unsigned int vconfig_emu_cfg_size(const struct vconfig_emu *emu);

/* Bits of a byte that the model lets software change (RW or RW1C). */
u8 vconfig_emu_writable(const struct vconfig_emu *emu, unsigned int offset);
u8 vconfig_emu_rw1c(const struct vconfig_emu *emu, unsigned int offset);

/* The write log: every write the model received since the last clear. */
unsigned int vconfig_emu_nr_writes(const struct vconfig_emu *emu);
const struct vconfig_emu_write *vconfig_emu_write_at(const struct vconfig_emu *emu,
						     unsigned int index);
void vconfig_emu_clear_log(struct vconfig_emu *emu);

/* ---- host snapshots (libpciaccess, read-only) ---- */

/*
 * Read the configuration space and region sizes of host device @bdf
 * ("[DDDD:]BB:DD.F"). Nothing is ever written to the device.
 */
int vconfig_snapshot_read(const char *bdf, struct vconfig_dump_device *out,
			  char *err, size_t errlen);

/* Read-only backend over a byte array (a snapshot); writes fail with -EPERM. */
extern const struct vconfig_backend_ops vconfig_readonly_ops;
struct vconfig_readonly {
	const u8 *config;
	unsigned int cfg_size;
};

#if !defined(__KERNEL__) && defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* VCONFIG_EMU_H */
