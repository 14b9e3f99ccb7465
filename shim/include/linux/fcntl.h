/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_FCNTL_H
#define _VCSHIM_LINUX_FCNTL_H

#include <uapi/linux/fcntl.h>

#endif /* _VCSHIM_LINUX_FCNTL_H */
