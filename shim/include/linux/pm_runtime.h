/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: runtime PM. A program's device stays active. */
#ifndef _VCSHIM_LINUX_PM_RUNTIME_H
#define _VCSHIM_LINUX_PM_RUNTIME_H

#include <linux/device.h>

#define pm_runtime_get_sync(d)		((void)(d), 1)
#define pm_runtime_get(d)		((void)(d), 1)
#define pm_runtime_get_noresume(d)	do { (void)(d); } while (0)
#define pm_runtime_resume_and_get(d)	((void)(d), 0)
#define pm_runtime_put(d)		((void)(d), 0)
#define pm_runtime_put_sync(d)		((void)(d), 0)
#define pm_runtime_put_noidle(d)	do { (void)(d); } while (0)
#define pm_runtime_put_autosuspend(d)	((void)(d), 0)
#define pm_runtime_allow(d)		do { (void)(d); } while (0)
#define pm_runtime_forbid(d)		do { (void)(d); } while (0)
#define pm_runtime_enable(d)		do { (void)(d); } while (0)
#define pm_runtime_disable(d)		do { (void)(d); } while (0)
#define pm_runtime_set_active(d)	((void)(d), 0)
#define pm_runtime_suspended(d)		((void)(d), 0)
#define pm_runtime_active(d)		((void)(d), 1)
#define pm_runtime_idle(d)		((void)(d), 0)
#define pm_runtime_mark_last_busy(d)	do { (void)(d); } while (0)
#define pm_runtime_use_autosuspend(d)	do { (void)(d); } while (0)
#define pm_runtime_set_autosuspend_delay(d, ms)	do { (void)(d); } while (0)
#define pm_runtime_dont_use_autosuspend(d)	do { (void)(d); } while (0)
#define pm_schedule_suspend(d, ms)	((void)(d), 0)
#define pm_request_resume(d)		((void)(d), 0)
#define pm_runtime_get_if_in_use(d)	((void)(d), 1)

#endif /* _VCSHIM_LINUX_PM_RUNTIME_H */
