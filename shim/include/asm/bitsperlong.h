/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_ASM_BITSPERLONG_H
#define _VCSHIM_ASM_BITSPERLONG_H

#include_next <asm/bitsperlong.h>

#define BITS_PER_LONG		__BITS_PER_LONG
#define BITS_PER_LONG_LONG	64

#endif /* _VCSHIM_ASM_BITSPERLONG_H */
