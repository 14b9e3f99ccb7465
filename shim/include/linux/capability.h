/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: capabilities. The program holds the device already;
 * what a driver would check, its owner was granted by opening it.
 */
#ifndef _VCSHIM_LINUX_CAPABILITY_H
#define _VCSHIM_LINUX_CAPABILITY_H

#include <uapi/linux/capability.h>

static inline bool capable(int cap)
{
	return true;
}

#endif /* _VCSHIM_LINUX_CAPABILITY_H */
