/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Engine internals shared by vconfig/ and virtual-caps/.
 */
#ifndef VCONFIG_INTERNAL_H
#define VCONFIG_INTERNAL_H

#include "../include/vconfig/vconfig.h"

/*
 * A set of fields that applies to an instance under one condition (for
 * example "64-bit address" for MSI). @when documents the condition.
 */
struct vconfig_layout {
	const char *when;		/* NULL: always */
	const struct vconfig_field *fields;
	unsigned int nr_fields;
};

#define VCONFIG_LAYOUT(_when, _fields) \
	{ .when = (_when), .fields = (_fields), .nr_fields = ARRAY_SIZE(_fields) }

struct vconfig;
struct vconfig_cap;

/* Context of one write piece, handed to a capability's write hook. */
struct vconfig_write_ctx {
	unsigned int offset;	/* relative to the capability start */
	unsigned int size;
	u32 val;		/* value the user wrote */
	u32 old;		/* value the user saw before the write */
	u32 new;		/* value the user sees after it (hardware RW1C bits aside) */
	u32 written;		/* bits of the piece the map let through */
};

/*
 * Old and new value of the register at @reg (@size bytes, relative to the
 * same base as @ctx->offset) if the write piece touched it; bytes of the
 * register outside the piece are read as the user sees them.
 */
bool vc_ctx_reg(struct vconfig *vc, unsigned int base,
		const struct vconfig_write_ctx *ctx, unsigned int reg,
		unsigned int size, u32 *old, u32 *new);

/*
 * A capability family. @fixed_length is the byte length of every instance;
 * for variable ones, @length returns the length of the instance at @pos as
 * the specification defines it (before clamping), or 0 when the instance is
 * malformed and must be hidden. @select returns a bitmask of @layouts that
 * apply to the instance (NULL: all).
 */
struct vconfig_cap_desc {
	u16 id;
	bool extended;
	const char *name;
	u16 fixed_length;
	unsigned int (*length)(struct vconfig *vc, unsigned int pos);
	const struct vconfig_layout *layouts;
	unsigned int nr_layouts;
	u32 (*select)(struct vconfig *vc, const struct vconfig_cap *cap);
	/* sets reset values of virtual bits after the permission tables apply */
	void (*init)(struct vconfig *vc, struct vconfig_cap *cap);
	/* called after a write piece landed; emits effects */
	void (*write)(struct vconfig *vc, struct vconfig_cap *cap,
		      const struct vconfig_write_ctx *ctx);
	/* the dwords of the instance @write looks at (VCONFIG_WATCH) */
	u64 watch;
	/* called from vconfig_reset() after the virtual copy was restored */
	void (*reset)(struct vconfig *vc, struct vconfig_cap *cap);
	const char *doc;	/* one line for the generated documentation */
};

/* The dwords a register at @off of @size bytes lies in, for .watch. */
#define VCONFIG_WATCH(off, size) \
	((1ULL << ((off) / 4)) | (1ULL << (((off) + (size) - 1) / 4)))

struct vconfig_cap {
	const struct vconfig_cap_desc *desc;	/* NULL for an unknown ID */
	u16 id;
	bool extended;
	bool hidden;
	u16 pos;
	u16 len;
	u32 layouts;		/* selected layouts */
};

/* How a read of a whole dword is served (struct vconfig_dword.kind). */
enum vconfig_dword_kind {
	VCONFIG_DWORD_SPLIT,	/* more than one owner: accessed in pieces */
	VCONFIG_DWORD_VIRT,	/* every bit virtual: the virtual copy as it is */
	VCONFIG_DWORD_COPY,	/* no live bit: from the copies alone */
	VCONFIG_DWORD_MIXED,	/* live bits and bits from the copies */
	VCONFIG_DWORD_RAW,	/* every bit live: the hardware value as it is */
};

/*
 * The map of one dword, precomputed at create from the per-byte masks so
 * that an access costs a few loads: the classes as 32-bit masks, the
 * invariant bits as cached, how a whole-dword read is served, and the
 * runs that let a long read take consecutive dwords together.
 */
struct vconfig_dword {
	u32 virt;		/* served from the virtual copy */
	u32 live;		/* read from hardware: neither virtual nor invariant */
	u32 fixed;		/* invariant bits, as read at create */
	u32 write;		/* writable */
	u32 rw1c;		/* write-1-to-clear */
	u8 kind;		/* enum vconfig_dword_kind */
	bool hooked;		/* the owner's write hook looks at this dword */
	u16 run;		/* dwords from this one on of the same kind */
	u16 hw_run;		/* dwords from this one on of kind MIXED or RAW */
};

#define VCONFIG_MAX_CAPS	250
#define VCONFIG_OWNER_IDX_HEADER	0xff
#define VCONFIG_OWNER_IDX_NONE		0xfe

struct vconfig {
	const struct vconfig_backend_ops *ops;
	void *priv;
	unsigned int cfg_size;
	u32 flags;
	unsigned int max_msi_vectors;
	struct vconfig_region_desc region[VCONFIG_NR_REGIONS];
	bool region_upper[VCONFIG_NR_BARS];	/* slot is a 64-bit upper half */
	u64 region_addr[VCONFIG_NR_REGIONS];	/* last address reported moved to */

	u8 vcopy[VCONFIG_CFG_SIZE_PCIE];	/* virtual values */
	u8 reset_copy[VCONFIG_CFG_SIZE_PCIE];	/* virtual values after reset */
	u8 hwcache[VCONFIG_CFG_SIZE_PCIE];	/* hardware as read at create */
	u8 mask[VCONFIG_NR_CLASSES][VCONFIG_CFG_SIZE_PCIE];
	u8 owner[VCONFIG_CFG_SIZE_PCIE];	/* cap index or OWNER_IDX_* */
	struct vconfig_dword dword[VCONFIG_CFG_SIZE_PCIE / 4];

	struct vconfig_cap cap[VCONFIG_MAX_CAPS];
	unsigned int nr_caps;

	struct vconfig_effects *fx;		/* sink of the current write */
	bool vpd_pending;
	u16 vpd_cap;				/* offset of the VPD capability */

	u64 hw_reads;
	u64 hw_writes;
};

/* True under the strict profile (VCONFIG_F_STRICT). */
static inline bool vc_strict(const struct vconfig *vc)
{
	return vc->flags & VCONFIG_F_STRICT;
}

/* Little-endian accessors of a byte array. */
static inline u32 vc_get32(const u8 *p)
{
	return vc_le32_load(p);
}

static inline void vc_put32(u8 *p, u32 v)
{
	vc_le32_store(p, v);
}

/* 1, 2 or 4 bytes; constant sizes fold into one load or store. */
static inline u32 vc_load(const u8 *p, unsigned int size)
{
	if (size == 4)
		return vc_get32(p);
	if (size == 2)
		return p[0] | p[1] << 8;
	return p[0];
}

static inline void vc_store(u8 *p, unsigned int size, u32 v)
{
	if (size == 4) {
		vc_put32(p, v);
		return;
	}
	p[0] = v;
	if (size == 2)
		p[1] = v >> 8;
}

static inline u32 vc_get(const u8 *p, unsigned int size)
{
	u32 v = 0;
	unsigned int i;

	for (i = 0; i < size; i++)
		v |= (u32)p[i] << (8 * i);
	return v;
}

static inline void vc_put(u8 *p, unsigned int size, u32 v)
{
	unsigned int i;

	for (i = 0; i < size; i++)
		p[i] = v >> (8 * i);
}

/* Hardware value as cached at create time (capability structure, IDs). */
static inline u32 vc_hw_cached(const struct vconfig *vc, unsigned int pos,
			       unsigned int size)
{
	if (pos + size > vc->cfg_size)
		return 0;
	return vc_get(&vc->hwcache[pos], size);
}

/* Virtual copy of a register. */
static inline u32 vc_virt(const struct vconfig *vc, unsigned int pos,
			  unsigned int size)
{
	if (pos + size > vc->cfg_size)
		return 0;
	return vc_get(&vc->vcopy[pos], size);
}

/* Set a register of the virtual copy and its reset value. */
void vc_set_reset(struct vconfig *vc, unsigned int pos, unsigned int size,
		  u32 val);
/* Set bits of the virtual copy (run time, not the reset value). */
void vc_set_virt(struct vconfig *vc, unsigned int pos, unsigned int size,
		 u32 val);
/* Read a register through the map as the user sees it. */
u32 vc_read_user(struct vconfig *vc, unsigned int pos, unsigned int size);

/*
 * Read @count dwords of hardware from the dword-aligned @pos into @buf
 * (little-endian): one call of the backend's read_bulk, or one read per
 * dword without it. Each dword counts as one backend read.
 */
int vc_hw_read_dwords(struct vconfig *vc, unsigned int pos, unsigned int count,
		      u8 *buf);

/* Build vc->dword from the per-byte map; the map is final afterwards. */
void vc_precompute(struct vconfig *vc);

/* Append an effect to the current write's sink. */
void vc_emit(struct vconfig *vc, const struct vconfig_effect *effect);

/* Apply a permission table to the bytes at @base. */
void vc_apply_fields(struct vconfig *vc, unsigned int base,
		     const struct vconfig_field *fields, unsigned int nr,
		     unsigned int limit);

/* True when offset @off of the instance lies inside it for @size bytes. */
static inline bool vc_cap_has(const struct vconfig_cap *cap, unsigned int off,
			      unsigned int size)
{
	return off + size <= cap->len;
}

/* The registry of capability families (virtual-caps/registry.c). */
const struct vconfig_cap_desc *vconfig_find_cap_desc(u16 id, bool extended);
extern const struct vconfig_cap_desc *const vconfig_std_caps[];
extern const unsigned int vconfig_nr_std_caps;
extern const struct vconfig_cap_desc *const vconfig_ext_caps[];
extern const unsigned int vconfig_nr_ext_caps;
/* Length of a hidden (unlisted) capability, 0 when unknown. */
unsigned int vconfig_hidden_cap_length(struct vconfig *vc, u16 id,
				       bool extended, unsigned int pos);

/* The type-0 header (vconfig/header.c). */
extern const struct vconfig_layout vconfig_header_layout;
/* The header dwords vconfig_header_write() looks at: Command, BARs, ROM. */
#define VCONFIG_HEADER_WATCH	(VCONFIG_WATCH(PCI_COMMAND, 2) | \
				 (0x3fULL << (PCI_BASE_ADDRESS_0 / 4)) | \
				 VCONFIG_WATCH(PCI_ROM_ADDRESS, 4))
void vconfig_header_init(struct vconfig *vc);
/* Fill in what an SR-IOV VF's hardware does not report (VCONFIG_F_VIRTFN). */
void vconfig_header_virtfn(struct vconfig *vc, u16 vendor, u16 device);
void vconfig_header_write(struct vconfig *vc, const struct vconfig_write_ctx *ctx);
void vconfig_header_reset(struct vconfig *vc);

#endif /* VCONFIG_INTERNAL_H */
