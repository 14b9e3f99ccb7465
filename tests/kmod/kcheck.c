// SPDX-License-Identifier: GPL-2.0-only
/*
 * vconfig-kcheck.ko: the engine built as a throw-away kernel module against
 * the chosen kernel's headers (make kcheck), so that a construct the kernel
 * does not accept is caught without booting anything. The engine comes in
 * through vfio/engine.c, exactly as vfio-vconfig.ko gets it.
 */
#include <linux/module.h>
#include <vconfig/vconfig.h>

/* Reference the API so that nothing is discarded before it is checked. */
static void *const vconfig_kcheck_refs[] __used = {
	vconfig_create, vconfig_destroy, vconfig_read, vconfig_write,
	vconfig_reset, vconfig_vpd_complete, vconfig_msix,
};

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("vconfig engine build check");
