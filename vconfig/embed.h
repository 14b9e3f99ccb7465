/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The whole engine as one translation unit, for a kernel module that embeds
 * it (vfio/engine.c, the engine's test modules), the way the kernel's
 * lib/fdt*.c embed libfdt: the sources compile unchanged, nothing is copied
 * or linked into the module's directory. Userspace compiles the same files
 * one by one; tests/suites/05-kcheck.sh checks that this list is complete.
 */
#include "describe.c"
#include "engine.c"
#include "header.c"
#include "map.c"
#include "../virtual-caps/aer.c"
#include "../virtual-caps/af.c"
#include "../virtual-caps/msi.c"
#include "../virtual-caps/msix.c"
#include "../virtual-caps/passthrough.c"
#include "../virtual-caps/pcie.c"
#include "../virtual-caps/pcix.c"
#include "../virtual-caps/pm.c"
#include "../virtual-caps/registry.c"
#include "../virtual-caps/vendor.c"
#include "../virtual-caps/vpd.c"
