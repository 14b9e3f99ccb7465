/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vfio-vconfig: differences between the kernel versions the driver builds
 * against. Everything version-dependent lives here.
 */
#ifndef VFIO_VCONFIG_COMPAT_H
#define VFIO_VCONFIG_COMPAT_H

#include <linux/eventfd.h>
#include <linux/mm.h>
#include <linux/version.h>

/* eventfd_signal() lost its count argument in 6.8. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
#define vfio_vconfig_eventfd_signal(ctx)	eventfd_signal(ctx)
#else
#define vfio_vconfig_eventfd_signal(ctx)	eventfd_signal(ctx, 1)
#endif

/* vm_flags became read-only behind vm_flags_set() in 6.3. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#define vfio_vconfig_vm_flags_set(vma, flags)	vm_flags_set(vma, flags)
#else
#define vfio_vconfig_vm_flags_set(vma, flags)	((vma)->vm_flags |= (flags))
#endif

#endif /* VFIO_VCONFIG_COMPAT_H */
