/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: kmalloc and friends on libc. Blocks of a page or more
 * are page aligned, as the kernel's are, so they can be DMA-mapped whole.
 */
#ifndef VCONFIG_SHIM_LINUX_SLAB_H
#define VCONFIG_SHIM_LINUX_SLAB_H

#include <linux/gfp.h>
#include <linux/types.h>

void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void kfree(const void *ptr);

#define kmalloc_array(n, size, flags)	kmalloc((n) * (size), flags)
#define kvmalloc(size, flags)		kmalloc(size, flags)
#define kvzalloc(size, flags)		kzalloc(size, flags)
#define kvfree(ptr)			kfree(ptr)

#endif /* VCONFIG_SHIM_LINUX_SLAB_H */
