// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The config region of a VFIO PCI device, through libvconfig. Nothing but
 * the config region is ever accessed.
 */
#include <stdio.h>
#include <string.h>
#include <linux/vfio.h>
#include <vconfig/libvconfig.h>
#include "fuzz_vfio.h"

int fuzz_vfio_open(const char *bdf, struct fuzz_vfio *dev, char *err, size_t len)
{
	struct vcdev_info info;
	int ret;

	memset(dev, 0, sizeof(*dev));
	ret = vcdev_open(bdf, &dev->dev);
	if (!ret)
		ret = vcdev_cfg_size(dev->dev, &dev->cfg_size);
	if (!ret)
		ret = vcdev_get_info(dev->dev, &info);
	if (ret) {
		snprintf(err, len, "%s", vcdev_last_error());
		fuzz_vfio_close(dev);
		return ret;
	}
	dev->can_reset = info.flags & VFIO_DEVICE_FLAGS_RESET;
	return 0;
}

void fuzz_vfio_close(struct fuzz_vfio *dev)
{
	if (dev->dev)
		vcdev_close(dev->dev);
	dev->dev = NULL;
}

int fuzz_vfio_read(struct fuzz_vfio *dev, unsigned int off, unsigned int size, void *buf)
{
	return vcdev_cfg_read(dev->dev, off, buf, size);
}

int fuzz_vfio_write(struct fuzz_vfio *dev, unsigned int off, unsigned int size,
		    const void *buf)
{
	return vcdev_cfg_write(dev->dev, off, buf, size);
}

int fuzz_vfio_reset(struct fuzz_vfio *dev)
{
	return vcdev_reset(dev->dev);
}
