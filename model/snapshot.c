// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Host snapshots: the configuration space and region sizes of a real
 * device, read through libpciaccess. Nothing is ever written to the
 * device; region sizes come from what the OS recorded at enumeration.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <pciaccess.h>
#include <vconfig/emu.h>

struct snapshot_bdf {
	unsigned int domain, bus, dev, func;
};

static int snapshot_error(char *err, size_t errlen, int ret, const char *fmt,
			  const char *bdf)
{
	if (err && errlen)
		snprintf(err, errlen, fmt, bdf, strerror(-ret));
	return ret;
}

/* Parse "[DDDD:]BB:DD.F" strictly: hex fields, function 0-7. */
static bool parse_bdf(const char *s, struct snapshot_bdf *bdf)
{
	unsigned int v[4], n = 0, i;
	const char *p = s;
	char seps[4] = "";

	while (n < 4) {
		unsigned int digits = 0, value = 0;

		while (isxdigit((unsigned char)*p) && digits < 8) {
			value = value * 16 + (isdigit((unsigned char)*p) ?
				*p - '0' : (tolower((unsigned char)*p) - 'a') + 10);
			p++;
			digits++;
		}
		if (!digits)
			return false;
		v[n] = value;
		seps[n++] = *p;
		if (*p != ':' && *p != '.')
			break;
		p++;
	}
	if (*p || (n != 3 && n != 4))
		return false;
	i = n - 3;
	if ((n == 4 && seps[0] != ':') || seps[i] != ':' || seps[i + 1] != '.')
		return false;
	bdf->domain = n == 4 ? v[0] : 0;
	bdf->bus = v[i];
	bdf->dev = v[i + 1];
	bdf->func = v[i + 2];
	return bdf->domain <= 0xffff && bdf->bus <= 0xff && bdf->dev <= 0x1f &&
	       bdf->func <= 7;
}

/* Read as much configuration space as we may: 4096, 256 or 64 bytes. */
static int read_config(struct pci_device *pdev, u8 *config,
		       unsigned int *cfg_size)
{
	static const unsigned int sizes[] = {
		VCONFIG_CFG_SIZE_PCIE, VCONFIG_CFG_SIZE_PCI, 64,
	};
	pciaddr_t got = 0;
	unsigned int i;
	int ret;

	ret = pci_device_cfg_read(pdev, config, 0, VCONFIG_CFG_SIZE_PCIE, &got);
	if (ret)
		return -ret;
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		if (got >= sizes[i]) {
			*cfg_size = sizes[i];
			memset(config + sizes[i], 0,
			       VCONFIG_CFG_SIZE_PCIE - sizes[i]);
			return 0;
		}
	}
	return -EACCES;
}

static void fill_regions(const struct pci_device *pdev,
			 struct vconfig_dump_device *out)
{
	unsigned int i;

	for (i = 0; i < VCONFIG_NR_BARS; i++) {
		const struct pci_mem_region *r = &pdev->regions[i];
		struct vconfig_region_desc *d = &out->region[i];

		d->size = r->size;
		d->flags = 0;
		if (r->is_IO)
			d->flags |= VCONFIG_REGION_IO;
		if (r->is_64)
			d->flags |= VCONFIG_REGION_MEM64;
		if (r->is_prefetchable)
			d->flags |= VCONFIG_REGION_PREFETCH;
		out->region_known[i] = true;
	}
	out->region[VCONFIG_ROM_BAR].size = pdev->rom_size;
	out->region[VCONFIG_ROM_BAR].flags = 0;
	out->region_known[VCONFIG_ROM_BAR] = true;
}

static int snapshot_device(struct pci_device *pdev, const char *bdf,
			   struct vconfig_dump_device *out, char *err,
			   size_t errlen)
{
	int ret;

	ret = read_config(pdev, out->config, &out->cfg_size);
	if (ret)
		return snapshot_error(err, errlen, ret,
				      "cannot read the configuration space of %s: %s",
				      bdf);
	ret = pci_device_probe(pdev);
	if (ret)
		return snapshot_error(err, errlen, -ret,
				      "cannot read the regions of %s: %s", bdf);
	fill_regions(pdev, out);
	snprintf(out->address, sizeof(out->address), "%04x:%02x:%02x.%x",
		 pdev->domain, pdev->bus, pdev->dev, pdev->func);
	snprintf(out->description, sizeof(out->description),
		 "Class %04x: Device %04x:%04x (rev %02x)",
		 (pdev->device_class >> 8) & 0xffff, pdev->vendor_id,
		 pdev->device_id, pdev->revision);
	return 0;
}

/**
 * vconfig_snapshot_read() - capture a host device, read-only
 * @bdf: "[DDDD:]BB:DD.F"
 * @out: receives configuration space (4096 bytes, or 256 or 64 when the
 *	caller may not read more), region sizes and kinds, and the ROM size
 * @err: receives one line describing an error
 * @errlen: size of @err
 *
 * Uses libpciaccess's global state (pci_system_init() and cleanup), so
 * it must not run concurrently with other users of libpciaccess.
 *
 * Return: 0, -EINVAL for a malformed @bdf, -ENODEV when there is no such
 * device, -EACCES when its configuration space cannot be read, or another
 * negative errno.
 */
int vconfig_snapshot_read(const char *bdf, struct vconfig_dump_device *out,
			  char *err, size_t errlen)
{
	struct snapshot_bdf addr;
	struct pci_device *pdev;
	int ret;

	if (err && errlen)
		err[0] = '\0';
	if (!bdf || !out)
		return -EINVAL;
	memset(out, 0, sizeof(*out));
	if (!parse_bdf(bdf, &addr)) {
		if (err && errlen)
			snprintf(err, errlen,
				 "%s: not a device address ([DDDD:]BB:DD.F)", bdf);
		return -EINVAL;
	}
	ret = pci_system_init();
	if (ret)
		return snapshot_error(err, errlen, -ret,
				      "cannot access PCI devices for %s: %s", bdf);
	pdev = pci_device_find_by_slot(addr.domain, addr.bus, addr.dev,
				       addr.func);
	if (pdev)
		ret = snapshot_device(pdev, bdf, out, err, errlen);
	else
		ret = snapshot_error(err, errlen, -ENODEV, "%s: %s", bdf);
	pci_system_cleanup();
	return ret;
}

static int readonly_read(void *priv, unsigned int offset, unsigned int size,
			 u32 *val)
{
	const struct vconfig_readonly *ro = priv;
	unsigned int i;

	if (!ro || !ro->config || !val || (size != 1 && size != 2 && size != 4) ||
	    (offset & (size - 1)) || offset >= ro->cfg_size ||
	    size > ro->cfg_size - offset)
		return -EINVAL;
	*val = 0;
	for (i = 0; i < size; i++)
		*val |= (u32)ro->config[offset + i] << (8 * i);
	return 0;
}

static int readonly_write(void *priv, unsigned int offset, unsigned int size,
			  u32 val)
{
	(void)priv;
	(void)offset;
	(void)size;
	(void)val;
	return -EPERM;
}

const struct vconfig_backend_ops vconfig_readonly_ops = {
	.read = readonly_read,
	.write = readonly_write,
};
