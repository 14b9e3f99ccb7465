/* SPDX-License-Identifier: GPL-2.0 */
#ifndef VCONFIG_SHIM_LINUX_INIT_H
#define VCONFIG_SHIM_LINUX_INIT_H

/* Nothing is discarded after init in a process. */
#define __init
#define __exit
#define __initdata
#define __exitdata
#define __initconst

#endif /* VCONFIG_SHIM_LINUX_INIT_H */
