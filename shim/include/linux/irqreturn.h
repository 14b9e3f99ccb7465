/* SPDX-License-Identifier: GPL-2.0 */
#ifndef VCONFIG_SHIM_LINUX_IRQRETURN_H
#define VCONFIG_SHIM_LINUX_IRQRETURN_H

enum irqreturn {
	IRQ_NONE		= 0,
	IRQ_HANDLED		= 1,
	IRQ_WAKE_THREAD		= 2,
};
typedef enum irqreturn irqreturn_t;

#define IRQ_RETVAL(x)	((x) ? IRQ_HANDLED : IRQ_NONE)

#endif /* VCONFIG_SHIM_LINUX_IRQRETURN_H */
