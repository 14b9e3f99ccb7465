/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A tiny hardware function for the engine's unit tests: a configuration
 * image (tests/hostile/image.h: bytes with per-byte writable and
 * write-1-to-clear masks, and the builders that lay out a header, BARs and
 * each capability kind) behind a backend. Every backend access is counted
 * and the last ones are logged, so tests can assert exactly what reached
 * hardware.
 */
#ifndef VCONFIG_FAKE_HW_H
#define VCONFIG_FAKE_HW_H

#include <check.h>
#include <string.h>
#include <vconfig/access.h>
#include <vconfig/vconfig.h>
#include "tests/hostile/image.h"

#define FAKE_LOG_MAX	64

struct fake_access {
	bool write;
	unsigned int offset;
	unsigned int size;
	u32 val;
};

struct fake_hw {
	/* bytes, masks, chain tails: hw.img, or hw.cfg, hw.wmask ... */
	CFG_IMAGE_GROUP(img);
	unsigned int reads, writes;
	/* read_bulk calls (fake_bulk_ops); every read counts in reads */
	unsigned int bulk_calls;
	/* reads of each dword since the last fake_clear_log() */
	unsigned int dword_reads[VCONFIG_CFG_SIZE_PCIE / 4];
	/* accesses the backend contract forbids: misaligned, odd size, out of range */
	unsigned int bad;
	/* the last FAKE_LOG_MAX accesses, oldest first once it wraps */
	struct fake_access log[FAKE_LOG_MAX];
	unsigned int nlog;
	/* fail reads (or writes) of this offset with -EIO; -1: never */
	int fail_read_at, fail_write_at;
};

static inline void fake_log(struct fake_hw *hw, bool write, unsigned int off,
			    unsigned int size, u32 val)
{
	struct fake_access *a = &hw->log[hw->nlog++ % FAKE_LOG_MAX];

	a->write = write;
	a->offset = off;
	a->size = size;
	a->val = val;
}

static inline bool fake_access_ok(struct fake_hw *hw, unsigned int off,
				  unsigned int size)
{
	if ((size != 1 && size != 2 && size != 4) || off % size ||
	    off + size > hw->size) {
		hw->bad++;
		return false;
	}
	return true;
}

static inline int fake_read(void *priv, unsigned int off, unsigned int size,
			    u32 *val)
{
	struct fake_hw *hw = priv;

	hw->reads++;
	if (!fake_access_ok(hw, off, size))
		return -EINVAL;
	if ((int)off == hw->fail_read_at)
		return -EIO;
	hw->dword_reads[off / 4]++;
	*val = image_get(&hw->img, off, size);
	fake_log(hw, false, off, size, *val);
	return 0;
}

static inline int fake_write(void *priv, unsigned int off, unsigned int size,
			     u32 val)
{
	struct fake_hw *hw = priv;

	hw->writes++;
	if (!fake_access_ok(hw, off, size))
		return -EINVAL;
	if ((int)off == hw->fail_write_at)
		return -EIO;
	fake_log(hw, true, off, size, val);
	image_write(&hw->img, off, size, val);
	return 0;
}

/* Whole dwords in one call; a failing dword fails the call. */
static inline int fake_read_bulk(void *priv, unsigned int off,
				 unsigned int size, void *buf)
{
	struct fake_hw *hw = priv;
	unsigned int pos;

	hw->bulk_calls++;
	if (off % 4 || size % 4 || !size || off + size > hw->size) {
		hw->bad++;
		return -EINVAL;
	}
	for (pos = off; pos < off + size; pos += 4) {
		u32 val = image_get(&hw->img, pos, 4);

		hw->reads++;
		if ((int)pos == hw->fail_read_at)
			return -EIO;
		hw->dword_reads[pos / 4]++;
		vconfig_put_le((u8 *)buf + pos - off, 4, val);
	}
	return 0;
}

static const struct vconfig_backend_ops fake_ops = {
	.read = fake_read,
	.write = fake_write,
};

/* The same function with read_bulk. */
static const struct vconfig_backend_ops fake_bulk_ops = {
	.read = fake_read,
	.write = fake_write,
	.read_bulk = fake_read_bulk,
};

/* Find the last access to @off in the log; NULL if none. */
static inline const struct fake_access *
fake_last(const struct fake_hw *hw, bool write, unsigned int off)
{
	unsigned int n = hw->nlog < FAKE_LOG_MAX ? hw->nlog : FAKE_LOG_MAX;
	unsigned int i;

	for (i = 0; i < n; i++) {
		const struct fake_access *a =
			&hw->log[(hw->nlog - 1 - i) % FAKE_LOG_MAX];

		if (a->write == write && a->offset == off)
			return a;
	}
	return NULL;
}

static inline void fake_clear_log(struct fake_hw *hw)
{
	hw->reads = hw->writes = hw->nlog = hw->bulk_calls = 0;
	memset(hw->dword_reads, 0, sizeof(hw->dword_reads));
}

/* A type-0 endpoint of @size bytes (image_init()), no access failing. */
static inline void fake_init(struct fake_hw *hw, unsigned int size)
{
	memset(hw, 0, sizeof(*hw));
	hw->fail_read_at = hw->fail_write_at = -1;
	image_init(&hw->img, size);
}

/* The image builders (tests/hostile/image.h) on the fake's image. */
#define fake_get(hw, ...)	image_get(&(hw)->img, __VA_ARGS__)
#define fake_set(hw, ...)	image_set(&(hw)->img, __VA_ARGS__)
#define fake_set_wmask(hw, ...)	image_set_wmask(&(hw)->img, __VA_ARGS__)
#define fake_set_w1c(hw, ...)	image_set_w1c(&(hw)->img, __VA_ARGS__)
#define fake_bar(hw, ...)	image_bar(&(hw)->img, __VA_ARGS__)
#define fake_cap(hw, ...)	image_cap(&(hw)->img, __VA_ARGS__)
#define fake_ecap(hw, ...)	image_ecap(&(hw)->img, __VA_ARGS__)
#define fake_pm(hw, ...)	image_pm(&(hw)->img, __VA_ARGS__)
#define fake_msi(hw, ...)	image_msi(&(hw)->img, __VA_ARGS__)
#define fake_msix(hw, ...)	image_msix(&(hw)->img, __VA_ARGS__)
#define fake_exp(hw, ...)	image_exp(&(hw)->img, __VA_ARGS__)
#define fake_af(hw, ...)	image_af(&(hw)->img, __VA_ARGS__)
#define fake_vpd(hw, ...)	image_vpd(&(hw)->img, __VA_ARGS__)
#define fake_vndr(hw, ...)	image_vndr(&(hw)->img, __VA_ARGS__)
#define fake_pcix(hw, ...)	image_pcix(&(hw)->img, __VA_ARGS__)
#define fake_aer(hw, ...)	image_aer(&(hw)->img, __VA_ARGS__)
#define fake_ecap_body(hw, ...)	image_ecap_body(&(hw)->img, __VA_ARGS__)

/* A configuration for the engine over @hw with no BARs. */
static inline void fake_config(struct fake_hw *hw, struct vconfig_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->ops = &fake_ops;
	cfg->priv = hw;
	cfg->cfg_size = hw->size;
}

static inline struct vconfig *fake_create_cfg(const struct vconfig_config *cfg)
{
	struct vconfig *vc = NULL;
	int ret = vconfig_create(cfg, &vc);

	ck_assert_int_eq(ret, 0);
	ck_assert_ptr_nonnull(vc);
	return vc;
}

static inline struct vconfig *fake_create(struct fake_hw *hw)
{
	struct vconfig_config cfg;

	fake_config(hw, &cfg);
	return fake_create_cfg(&cfg);
}

/* The same under the strict profile (VCONFIG_F_STRICT). */
static inline struct vconfig *fake_create_strict(struct fake_hw *hw)
{
	struct vconfig_config cfg;

	fake_config(hw, &cfg);
	cfg.flags = VCONFIG_F_STRICT;
	return fake_create_cfg(&cfg);
}

/* Register read/write through the engine that must succeed. */
static inline u32 vrd(struct vconfig *vc, unsigned int off, unsigned int size)
{
	u32 val = 0xdeadbeef;

	ck_assert_int_eq(vconfig_read_reg(vc, off, size, &val), 0);
	return val;
}

static inline void vwr(struct vconfig *vc, unsigned int off, unsigned int size,
		       u32 val, struct vconfig_effects *fx)
{
	ck_assert_int_eq(vconfig_write_reg(vc, off, size, val, fx), 0);
}

/* Index of the first effect of @type, -1 if none. */
static inline int fx_find(const struct vconfig_effects *fx,
			  enum vconfig_effect_type type)
{
	unsigned int i;

	for (i = 0; i < fx->count; i++)
		if (fx->effect[i].type == type)
			return i;
	return -1;
}

static inline unsigned int fx_count(const struct vconfig_effects *fx,
				    enum vconfig_effect_type type)
{
	unsigned int i, n = 0;

	for (i = 0; i < fx->count; i++)
		n += fx->effect[i].type == type;
	return n;
}

/* Find a capability instance by ID; -1 if the engine has none. */
static inline int find_cap(struct vconfig *vc, u16 id, bool extended,
			   struct vconfig_cap_info *info)
{
	unsigned int i;

	for (i = 0; i < vconfig_nr_caps(vc); i++) {
		ck_assert_int_eq(vconfig_cap(vc, i, info), 0);
		if (info->id == id && info->extended == extended)
			return i;
	}
	return -1;
}

/* The rich function of image.h, as the engine's unit tests use it. */
static inline void fake_rich(struct fake_hw *hw)
{
	fake_init(hw, VCONFIG_CFG_SIZE_PCIE);
	image_rich(&hw->img);
}

static inline void fake_rich_config(struct fake_hw *hw,
				    struct vconfig_config *cfg)
{
	fake_config(hw, cfg);
	image_rich_regions(cfg->region);
}

static inline struct vconfig *fake_rich_create(struct fake_hw *hw)
{
	struct vconfig_config cfg;

	fake_rich(hw);
	fake_rich_config(hw, &cfg);
	return fake_create_cfg(&cfg);
}

static inline struct vconfig *fake_rich_create_strict(struct fake_hw *hw)
{
	struct vconfig_config cfg;

	fake_rich(hw);
	fake_rich_config(hw, &cfg);
	cfg.flags = VCONFIG_F_STRICT;
	return fake_create_cfg(&cfg);
}

#endif /* VCONFIG_FAKE_HW_H */
