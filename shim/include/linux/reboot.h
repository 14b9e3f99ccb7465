/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: the reboot notifier chain runs when the program ends
 * normally (SIGINT/SIGTERM), before the modules' exits, as a reboot of the
 * machine would for a loaded module.
 */
#ifndef _VCSHIM_LINUX_REBOOT_H
#define _VCSHIM_LINUX_REBOOT_H

#include <linux/notifier.h>

#define SYS_DOWN	0x0001
#define SYS_RESTART	SYS_DOWN
#define SYS_HALT	0x0002
#define SYS_POWER_OFF	0x0003

int register_reboot_notifier(struct notifier_block *nb);
int unregister_reboot_notifier(struct notifier_block *nb);
int register_restart_handler(struct notifier_block *nb);
int unregister_restart_handler(struct notifier_block *nb);
int devm_register_reboot_notifier(struct device *dev, struct notifier_block *nb);

#endif /* _VCSHIM_LINUX_REBOOT_H */
