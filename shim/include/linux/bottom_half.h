/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_BOTTOM_HALF_H
#define _VCSHIM_LINUX_BOTTOM_HALF_H

#define local_bh_disable()	do { } while (0)
#define local_bh_enable()	do { } while (0)

#endif /* _VCSHIM_LINUX_BOTTOM_HALF_H */
