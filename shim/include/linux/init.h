/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_INIT_H
#define _VCSHIM_LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/types.h>

/* Nothing is discarded after init in a process. */
#define __init
#define __exit
#define __initdata
#define __exitdata
#define __initconst
#define __exit_p(x)	x
#define __init_or_module
#define __devinit
#define __devexit

#endif /* _VCSHIM_LINUX_INIT_H */
