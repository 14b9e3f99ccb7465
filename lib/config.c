// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libvconfig configuration space: reads and writes through the device's
 * config region, and the capability walks.
 */
#include <vconfig/access.h>

#include "vcdev.h"

int vcdev_cfg_read(struct vcdev *dev, unsigned int offset,
		   void *buf, size_t len)
{
	return vcd_transfer(dev, "config", false, dev->cfg_offset + offset, buf, len,
			offset);
}

int vcdev_cfg_write(struct vcdev *dev, unsigned int offset,
		    const void *buf, size_t len)
{
	return vcd_transfer(dev, "config", true, dev->cfg_offset + offset, (void *)buf,
			len, offset);
}

int vcdev_cfg_read8(struct vcdev *dev, unsigned int offset, uint8_t *val)
{
	return vcdev_cfg_read(dev, offset, val, 1);
}

/* VFIO config data is little-endian, like PCI. */
int vcdev_cfg_read16(struct vcdev *dev, unsigned int offset,
		     uint16_t *val)
{
	uint8_t b[2];
	int err = vcdev_cfg_read(dev, offset, b, 2);

	if (!err)
		*val = vconfig_get16(b, 0);
	return err;
}

int vcdev_cfg_read32(struct vcdev *dev, unsigned int offset,
		     uint32_t *val)
{
	uint8_t b[4];
	int err = vcdev_cfg_read(dev, offset, b, 4);

	if (!err)
		*val = vconfig_get32(b, 0);
	return err;
}

int vcdev_cfg_write8(struct vcdev *dev, unsigned int offset, uint8_t val)
{
	return vcdev_cfg_write(dev, offset, &val, 1);
}

int vcdev_cfg_write16(struct vcdev *dev, unsigned int offset,
		      uint16_t val)
{
	uint8_t b[2];

	vconfig_put16(b, 0, val);
	return vcdev_cfg_write(dev, offset, b, 2);
}

int vcdev_cfg_write32(struct vcdev *dev, unsigned int offset,
		      uint32_t val)
{
	uint8_t b[4];

	vconfig_put32(b, 0, val);
	return vcdev_cfg_write(dev, offset, b, 4);
}

int vcdev_cfg_size(struct vcdev *dev, unsigned int *size)
{
	*size = (unsigned int)dev->cfg_size;
	return 0;
}

int vcdev_find_cap(struct vcdev *dev, uint8_t id)
{
	uint16_t status;
	uint8_t pos, hdr[2];
	int err, i;

	err = vcdev_cfg_read16(dev, PCI_STATUS, &status);
	if (err)
		return err;
	if (!(status & PCI_STATUS_CAP_LIST))
		return vcd_fail_msg(-ENOENT, "%s: no capability list", dev->bdf);
	err = vcdev_cfg_read8(dev, PCI_CAPABILITY_LIST, &pos);
	for (i = 0; !err && i < VCONFIG_MAX_STD_CAPS; i++) {
		pos &= ~3;
		if (pos < PCI_STD_HEADER_SIZEOF)
			break;
		err = vcdev_cfg_read(dev, pos, hdr, 2);
		if (err)
			return err;
		if (hdr[PCI_CAP_LIST_ID] == id)
			return pos;
		pos = hdr[PCI_CAP_LIST_NEXT];
	}
	return err ? err : vcd_fail_msg(-ENOENT, "%s: no capability 0x%02x", dev->bdf, id);
}

int vcdev_find_ext_cap(struct vcdev *dev, uint16_t id)
{
	unsigned int pos = 0x100;
	uint32_t hdr;
	int err, i;

	if (dev->cfg_size <= 0x100)
		return vcd_fail_msg(-ENOENT, "%s: no extended configuration space", dev->bdf);
	for (i = 0; i < VCONFIG_MAX_EXT_CAPS; i++) {
		err = vcdev_cfg_read32(dev, pos, &hdr);
		if (err)
			return err;
		if (hdr == 0 || hdr == 0xffffffff)
			break;
		if (PCI_EXT_CAP_ID(hdr) == id)
			return (int)pos;
		/* Masked and range-checked: a device cannot steer the walk. */
		pos = vconfig_ext_cap_next_offset(hdr, dev->cfg_size);
		if (!pos)
			break;
	}
	return vcd_fail_msg(-ENOENT, "%s: no extended capability 0x%04x", dev->bdf, id);
}
