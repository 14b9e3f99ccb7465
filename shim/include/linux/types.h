/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: the kernel's fixed-size and bus-address types on top
 * of the uapi <linux/types.h> (which libc's own headers need unchanged).
 */
#ifndef VCONFIG_SHIM_LINUX_TYPES_H
#define VCONFIG_SHIM_LINUX_TYPES_H

#include_next <linux/types.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64;	/* as the kernel's int-ll64.h: %llx works */
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef long long s64;

typedef u64 dma_addr_t;
typedef u64 phys_addr_t;
typedef u64 resource_size_t;
typedef unsigned int gfp_t;
typedef unsigned long kernel_ulong_t;

#endif /* VCONFIG_SHIM_LINUX_TYPES_H */
