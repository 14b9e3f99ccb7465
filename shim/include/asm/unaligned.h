/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_ASM_UNALIGNED_H
#define _VCSHIM_ASM_UNALIGNED_H

#include <asm-generic/unaligned.h>

#endif /* _VCSHIM_ASM_UNALIGNED_H */
