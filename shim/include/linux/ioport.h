/* SPDX-License-Identifier: GPL-2.0 */
#ifndef VCONFIG_SHIM_LINUX_IOPORT_H
#define VCONFIG_SHIM_LINUX_IOPORT_H

#include <linux/types.h>

struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
};

#define IORESOURCE_IO		0x00000100
#define IORESOURCE_MEM		0x00000200
#define IORESOURCE_PREFETCH	0x00002000
#define IORESOURCE_READONLY	0x00004000
#define IORESOURCE_MEM_64	0x00100000
#define IORESOURCE_UNSET	0x20000000

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

static inline unsigned long resource_type(const struct resource *res)
{
	return res->flags & (IORESOURCE_IO | IORESOURCE_MEM);
}

#endif /* VCONFIG_SHIM_LINUX_IOPORT_H */
