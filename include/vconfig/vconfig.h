/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * vconfig: a virtual PCI configuration space.
 *
 * The engine turns a physical type-0 PCI function's configuration space
 * into a virtual one. Every byte has an owner (the header, one capability
 * instance, a hidden capability or unassigned space) and every bit a class
 * (served from hardware or from the virtual copy, writable or not,
 * write-1-to-clear, invariant). Reads and writes go through that map.
 *
 * The engine performs no OS action. A write that asks for one (enable MSI,
 * start an FLR, change the power state, turn decoding off ...) returns an
 * effect record; the front-end executes it.
 *
 * This header is shared by the kernel module and userspace.
 */
#ifndef VCONFIG_VCONFIG_H
#define VCONFIG_VCONFIG_H

#include "env.h"

/* The declarations below are the library's ABI (lib/libvconfig.map). */
#if !defined(__KERNEL__) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

#define VCONFIG_CFG_SIZE_PCI	256
#define VCONFIG_CFG_SIZE_PCIE	4096

#define VCONFIG_NR_BARS		6
#define VCONFIG_ROM_BAR		6	/* index of the expansion ROM */
#define VCONFIG_NR_REGIONS	7	/* BAR0-5 and the ROM */

/* Owner of a configuration byte (struct vconfig_owner.kind). */
enum vconfig_owner_kind {
	VCONFIG_OWNER_HEADER,		/* type-0 header, 0x00-0x3f */
	VCONFIG_OWNER_CAP,		/* a visible capability instance */
	VCONFIG_OWNER_HIDDEN,		/* a capability spliced out of the chain */
	VCONFIG_OWNER_UNASSIGNED,	/* no capability claims the byte */
};

/* Bit classes of the map, one mask of each per byte. */
enum vconfig_class {
	VCONFIG_CLASS_VIRT,		/* served from the virtual copy */
	VCONFIG_CLASS_WRITE,		/* writable by the user */
	VCONFIG_CLASS_RW1C,		/* write-1-to-clear */
	VCONFIG_CLASS_INVARIANT,	/* hardware bit that never changes */
	VCONFIG_NR_CLASSES,
};

/* Effects: actions a write asks the front-end to perform. */
enum vconfig_effect_type {
	VCONFIG_EFFECT_NONE,
	VCONFIG_EFFECT_INTX_MASK,	/* Command.INTx-disable changed */
	VCONFIG_EFFECT_DECODE,		/* Command memory/IO decode changed */
	VCONFIG_EFFECT_BUS_MASTER,	/* Command.bus-master changed */
	VCONFIG_EFFECT_MSI,		/* MSI enable or vector count changed */
	VCONFIG_EFFECT_MSIX,		/* MSI-X enable or function mask changed */
	VCONFIG_EFFECT_FLR,		/* function level reset requested */
	VCONFIG_EFFECT_POWER_STATE,	/* PM power state change requested */
	VCONFIG_EFFECT_VPD,		/* VPD read or write requested */
	VCONFIG_EFFECT_BAR,		/* a BAR or the ROM moved or was toggled */
	VCONFIG_EFFECT_READRQ,		/* PCIe max read request size changed */
	VCONFIG_EFFECT_MSI_MASK,	/* MSI per-vector mask bits changed */
	VCONFIG_NR_EFFECT_TYPES,
};

struct vconfig_effect {
	enum vconfig_effect_type type;
	union {
		struct { bool masked; } intx;
		struct { bool memory; bool io; } decode;
		struct { bool enable; } master;
		/* nvec: vectors the user enabled (1 << Multiple Message Enable) */
		struct { bool enable; u16 nvec; } msi;
		struct { bool enable; bool masked; } msix;
		/* state: 0-3 for D0-D3hot, as written to PMCSR */
		struct { u8 from; u8 to; } power;
		/* write: false asks for a read of addr, completed with
		 * vconfig_vpd_complete(); true asks for data to be written */
		struct { bool write; u16 addr; u32 data; } vpd;
		/* region: 0-5 or VCONFIG_ROM_BAR; addr: the new address */
		struct { u8 region; bool enabled; u64 addr; } bar;
		struct { u32 bytes; } readrq;
		struct { u32 mask; } msi_mask;
	};
};

#define VCONFIG_MAX_EFFECTS	8

struct vconfig_effects {
	unsigned int count;
	bool overflow;		/* more effects than fit were dropped */
	struct vconfig_effect effect[VCONFIG_MAX_EFFECTS];
};

/*
 * The physical function behind the engine. read and write access one
 * naturally aligned piece of 1, 2 or 4 bytes; values are CPU-endian.
 * read_bulk (optional) reads @size bytes, a multiple of 4, from the
 * dword-aligned @offset into @buf in configuration-space (little-endian)
 * byte order, as many dword reads in ascending order would; the engine
 * uses it for runs of consecutive dwords it reads from hardware, and reads
 * dword by dword without it. They return 0 or a negative errno.
 */
struct vconfig_backend_ops {
	int (*read)(void *priv, unsigned int offset, unsigned int size, u32 *val);
	int (*write)(void *priv, unsigned int offset, unsigned int size, u32 val);
	int (*read_bulk)(void *priv, unsigned int offset, unsigned int size,
			 void *buf);
};

/* Region kinds of struct vconfig_region_desc.flags. */
#define VCONFIG_REGION_IO		BIT(0)	/* I/O space BAR */
#define VCONFIG_REGION_MEM64		BIT(1)	/* 64-bit memory BAR */
#define VCONFIG_REGION_PREFETCH		BIT(2)	/* prefetchable memory */

/*
 * What the front-end knows of a BAR or the ROM: its decoded size (0 when
 * the BAR is not implemented) and kind. A size that is not a power of two
 * is rounded up; a 64-bit BAR claims the next slot as its upper half.
 */
struct vconfig_region_desc {
	u64 size;
	u32 flags;
};

/*
 * Engine options, struct vconfig_config.flags.
 *
 * Without VCONFIG_F_STRICT the engine follows vfio-pci wherever a VFIO
 * user can observe it: bytes no capability claims and vendor-specific
 * capabilities pass through to hardware for reads and writes, MSI
 * per-vector mask bits reach hardware, and a hidden capability of unknown
 * length claims only its header. The departures that remain are listed in
 * Documentation/engine.md.
 */
/*
 * The strict profile: unassigned bytes read from hardware and read-only in
 * the standard space and read as zero in the extended space, vendor-specific
 * capabilities read-only, MSI mask bits virtual (an msi-mask effect), and a
 * hidden capability of unknown length hidden up to the next capability.
 */
#define VCONFIG_F_STRICT			BIT(2)
/* Under VCONFIG_F_STRICT: pass unassigned bytes through all the same. */
#define VCONFIG_F_UNASSIGNED_PASSTHROUGH	BIT(0)
/* Report INTx as absent: Interrupt Pin reads 0. */
#define VCONFIG_F_NO_INTX		BIT(1)
/*
 * The function is an SR-IOV virtual function. Its Vendor and Device ID
 * read as 0xffff and its BARs as 0 in hardware (PCIe r6.0, 9.3.4.1); the
 * engine presents @vf_vendor, @vf_device and BAR types taken from the
 * region descriptions (the PF's SR-IOV capability) instead.
 */
#define VCONFIG_F_VIRTFN		BIT(3)

struct vconfig_config {
	const struct vconfig_backend_ops *ops;
	void *priv;
	/* VCONFIG_CFG_SIZE_PCI or VCONFIG_CFG_SIZE_PCIE */
	unsigned int cfg_size;
	/* BAR0-5 and the ROM; a BAR whose hardware kind disagrees is unimplemented */
	struct vconfig_region_desc region[VCONFIG_NR_REGIONS];
	/* MSI vectors the front-end can provide (MMC is clamped to it); 0 = 32 */
	unsigned int max_msi_vectors;
	u32 flags;
	/* with VCONFIG_F_VIRTFN: the IDs a VF presents */
	u16 vf_vendor;
	u16 vf_device;
};

/* A capability instance as placed in this function's space. */
struct vconfig_cap_info {
	u16 id;
	bool extended;
	bool hidden;
	u16 offset;
	u16 length;
	const char *name;
};

/* MSI-X table and PBA placement, validated against the BARs. */
struct vconfig_msix_info {
	bool present;
	bool valid;		/* table and PBA lie inside implemented BARs */
	u16 table_size;		/* entries */
	u8 table_bar;
	u32 table_offset;
	u32 table_bytes;
	u8 pba_bar;
	u32 pba_offset;
	u32 pba_bytes;
};

struct vconfig;

/**
 * vconfig_create() - build a virtual configuration space
 * @cfg: the physical function and its BAR layout
 * @out: the new engine on success
 *
 * Reads the function's configuration space once, walks its capability
 * chains (bounded, loop-proof), builds the per-byte map and sets every
 * virtual register to its reset value. Only type-0 headers are accepted.
 *
 * Return: 0, -EINVAL for a bad @cfg, -ENODEV when the function reads as
 * all ones, -EOPNOTSUPP for a header type other than 0, -ENOMEM, or an
 * error from the backend.
 */
int vconfig_create(const struct vconfig_config *cfg, struct vconfig **out);
void vconfig_destroy(struct vconfig *vc);

/**
 * vconfig_read() - read the virtual configuration space
 * @vc: the engine
 * @offset: first byte
 * @size: number of bytes, any length inside the space
 * @buf: receives @size bytes, little-endian as in configuration space
 *
 * The access is split into naturally aligned pieces that never cross a
 * dword or an owner boundary.
 *
 * Return: 0, -EINVAL when the range does not lie inside the space (nothing
 * is read), or a backend error.
 */
int vconfig_read(struct vconfig *vc, unsigned int offset, unsigned int size,
		 void *buf);

/**
 * vconfig_write() - write the virtual configuration space
 * @vc: the engine
 * @offset: first byte
 * @size: number of bytes
 * @buf: @size bytes, little-endian
 * @fx: receives the effects of the write; may be NULL to discard them
 *
 * Writable virtual bits go to the virtual copy, writable hardware bits to
 * hardware (read-modify-write of those bits only), everything else is
 * dropped.
 *
 * Return: 0, -EINVAL when the range does not lie inside the space (nothing
 * is written), or a backend error.
 */
int vconfig_write(struct vconfig *vc, unsigned int offset, unsigned int size,
		  const void *buf, struct vconfig_effects *fx);

/**
 * vconfig_write_may_act() - can a write of this range raise an effect
 * @vc: the engine
 * @offset: first byte
 * @size: number of bytes
 *
 * A front-end may skip the locking its effects need for a write that
 * cannot raise any: one that touches no dword a write hook looks at.
 *
 * Return: false only when no write of the range raises an effect.
 */
bool vconfig_write_may_act(const struct vconfig *vc, unsigned int offset,
			   unsigned int size);

/* Convenience accessors for one naturally aligned register of 1, 2 or 4 bytes. */
int vconfig_read_reg(struct vconfig *vc, unsigned int offset,
		     unsigned int size, u32 *val);
int vconfig_write_reg(struct vconfig *vc, unsigned int offset,
		      unsigned int size, u32 val, struct vconfig_effects *fx);

/**
 * vconfig_reset() - restore every virtual register to its reset value
 * @vc: the engine
 *
 * Called by the front-end after it executed an FLR, a device reset, or a
 * D3hot->D0 transition that resets the function.
 */
void vconfig_reset(struct vconfig *vc);

/**
 * vconfig_vpd_complete() - finish a VPD operation requested by an effect
 * @vc: the engine
 * @data: for a read, the dword read from VPD; ignored for a write
 * @ok: false when the operation failed; the flag is then left unchanged
 */
void vconfig_vpd_complete(struct vconfig *vc, u32 data, bool ok);

/* Introspection of the map. */
unsigned int vconfig_cfg_size(const struct vconfig *vc);
enum vconfig_owner_kind vconfig_owner(const struct vconfig *vc,
				      unsigned int offset, int *cap_index);
u8 vconfig_class_mask(const struct vconfig *vc, enum vconfig_class cls,
		      unsigned int offset);
/*
 * The whole map at once, for checkers and tools: vconfig_cfg_size() bytes,
 * valid while @vc lives. vconfig_class_map() returns the masks of one
 * class (NULL for a bad class); vconfig_owner_kinds() fills @kinds with
 * the enum vconfig_owner_kind of every byte; vconfig_virtual_copy() is
 * the copy virtual bits are served from.
 */
const u8 *vconfig_class_map(const struct vconfig *vc, enum vconfig_class cls);
void vconfig_owner_kinds(const struct vconfig *vc, u8 *kinds);
const u8 *vconfig_virtual_copy(const struct vconfig *vc);
unsigned int vconfig_nr_caps(const struct vconfig *vc);
int vconfig_cap(const struct vconfig *vc, unsigned int index,
		struct vconfig_cap_info *info);
void vconfig_msix(const struct vconfig *vc, struct vconfig_msix_info *info);
/* Virtual BAR state: the size the user sees for a region, 0 if unimplemented. */
u64 vconfig_region_size(const struct vconfig *vc, unsigned int region);
/* Virtual Command register decode bits, for front-ends guarding BAR access. */
bool vconfig_memory_enabled(const struct vconfig *vc);
bool vconfig_io_enabled(const struct vconfig *vc);
/*
 * Number of backend accesses made so far (reads, writes), for tests and
 * benchmarks; each dword of a read_bulk call counts as one read.
 */
void vconfig_backend_counts(const struct vconfig *vc, u64 *reads, u64 *writes);

/* A named register or field of the map, for tools that print it. */
struct vconfig_reg {
	u16 offset;
	u8 size;
	const char *name;	/* NULL for bytes no permission table names */
	enum vconfig_owner_kind owner;
	int cap_index;		/* capability owners: index for vconfig_cap() */
};

/*
 * Describe the register holding @offset. Bytes no table names come back
 * one at a time with a NULL name. Return: 0 or -EINVAL.
 */
int vconfig_describe(const struct vconfig *vc, unsigned int offset,
		     struct vconfig_reg *reg);

/*
 * One register or field of a permission table, relative to the start of
 * the structure it describes (the header or a capability). Bits not named
 * by any field are read from hardware and read-only.
 */
struct vconfig_field {
	u16 offset;
	u8 size;		/* 1, 2 or 4 */
	u32 virt;		/* served from the virtual copy */
	u32 write;		/* writable by the user */
	u32 rw1c;		/* write-1-to-clear (subset of write) */
	u32 invariant;		/* hardware bits that never change */
	const char *name;
};

/* A permission table: the type-0 header or a capability family. */
struct vconfig_table {
	const char *name;
	bool header;		/* the type-0 header; id and extended unused */
	u16 id;
	bool extended;
	u16 fixed_length;	/* 0: the capability says */
	const char *doc;	/* one line, or NULL */
	unsigned int nr_layouts;
};

/**
 * vconfig_table() - the engine's permission tables, for documentation
 * @index: 0 for the header, then the standard and the extended families
 * @table: filled in
 *
 * Return: 0, or -EINVAL past the last table.
 */
int vconfig_table(unsigned int index, struct vconfig_table *table);

/**
 * vconfig_table_layout() - one field table of a permission table
 * @index: as for vconfig_table()
 * @layout: below vconfig_table.nr_layouts
 * @when: the condition under which it applies, NULL for always
 * @nr_fields: number of fields
 *
 * Return: the fields, or NULL for a bad @index or @layout.
 */
const struct vconfig_field *vconfig_table_layout(unsigned int index,
						 unsigned int layout,
						 const char **when,
						 unsigned int *nr_fields);

const char *vconfig_effect_name(enum vconfig_effect_type type);
const char *vconfig_owner_name(enum vconfig_owner_kind kind);

#if !defined(__KERNEL__) && defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* VCONFIG_VCONFIG_H */
