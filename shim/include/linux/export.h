/* SPDX-License-Identifier: GPL-2.0 */
#ifndef VCONFIG_SHIM_LINUX_EXPORT_H
#define VCONFIG_SHIM_LINUX_EXPORT_H

/* One program, one namespace: exports declare nothing. */
#define EXPORT_SYMBOL(sym)	extern int vcshim_export_##sym __attribute__((unused))
#define EXPORT_SYMBOL_GPL(sym)	EXPORT_SYMBOL(sym)

#endif /* VCONFIG_SHIM_LINUX_EXPORT_H */
