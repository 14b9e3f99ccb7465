/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* Config space of a VFIO PCI device (vfio-pci or vfio-vconfig), for vconfig fuzz. */
#ifndef VCONFIG_FUZZ_VFIO_H
#define VCONFIG_FUZZ_VFIO_H

#include <stdbool.h>
#include <stddef.h>

struct vcdev;

struct fuzz_vfio {
	struct vcdev *dev;
	unsigned int cfg_size;		/* 256 or 4096 */
	bool can_reset;
};

/* Open @bdf the VFIO way; on error writes a line to @err and returns -errno. */
int fuzz_vfio_open(const char *bdf, struct fuzz_vfio *dev, char *err, size_t len);
void fuzz_vfio_close(struct fuzz_vfio *dev);
int fuzz_vfio_read(struct fuzz_vfio *dev, unsigned int off, unsigned int size, void *buf);
int fuzz_vfio_write(struct fuzz_vfio *dev, unsigned int off, unsigned int size,
		    const void *buf);
int fuzz_vfio_reset(struct fuzz_vfio *dev);

#endif /* VCONFIG_FUZZ_VFIO_H */
