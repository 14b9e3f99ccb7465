/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: the kernel's own choice of the x86-64 posix types. */
#ifndef _VCSHIM_ASM_POSIX_TYPES_H
#define _VCSHIM_ASM_POSIX_TYPES_H

#ifndef VCSHIM_RUNTIME
#include <asm/posix_types_64.h>
#else
#include_next <asm/posix_types.h>
#endif

#endif /* _VCSHIM_ASM_POSIX_TYPES_H */
