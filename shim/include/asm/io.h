/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_ASM_IO_H
#define _VCSHIM_ASM_IO_H

#include <linux/io.h>

#endif /* _VCSHIM_ASM_IO_H */
