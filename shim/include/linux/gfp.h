/* SPDX-License-Identifier: GPL-2.0 */
#ifndef VCONFIG_SHIM_LINUX_GFP_H
#define VCONFIG_SHIM_LINUX_GFP_H

/* Allocation context does not matter in userspace; __GFP_ZERO does. */
#define __GFP_ZERO	0x100u
#define GFP_KERNEL	0x1u
#define GFP_ATOMIC	0x2u
#define GFP_NOWAIT	0x4u
#define GFP_DMA		0x8u
#define GFP_DMA32	0x10u

#endif /* VCONFIG_SHIM_LINUX_GFP_H */
