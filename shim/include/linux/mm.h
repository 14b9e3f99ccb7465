/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_MM_H
#define _VCSHIM_LINUX_MM_H

#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mmzone.h>
#include <linux/slab.h>
#include <asm/page.h>

#endif /* _VCSHIM_LINUX_MM_H */
