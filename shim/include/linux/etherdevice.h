/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: the kernel's own <linux/etherdevice.h> (listed in
 * shim/kernel-headers). It tells the byte order by whether __BIG_ENDIAN
 * is defined, as the kernel's byteorder headers leave it; libc's
 * <endian.h> defines it on every machine, so the shim's own sources,
 * which see libc, drop it first.
 */
#ifndef _VCSHIM_LINUX_ETHERDEVICE_H
#define _VCSHIM_LINUX_ETHERDEVICE_H

#ifdef VCSHIM_RUNTIME
#include <endian.h>
#if __BYTE_ORDER == __LITTLE_ENDIAN
#undef __BIG_ENDIAN
#endif
#endif

#include_next <linux/etherdevice.h>

#endif /* _VCSHIM_LINUX_ETHERDEVICE_H */
