#!/bin/sh
# Build the engine (vconfig/ + virtual-caps/) unchanged as a throw-away
# kernel module against the installed headers, so that a construct the
# kernel does not accept is caught at once.
set -eu

KDIR=${1:-/lib/modules/$(ls /lib/modules | sort -V | tail -n 1)/build}
top=$(cd "$(dirname "$0")/.." && pwd)
out="$top/build/kcheck"

if [ ! -d "$KDIR" ]; then
	echo "kcheck: no kernel build tree at $KDIR" >&2
	exit 2
fi

rm -rf "$out"
mkdir -p "$out/vconfig" "$out/virtual-caps" "$out/include/vconfig"
cp "$top"/vconfig/*.c "$top"/vconfig/*.h "$out/vconfig/"
cp "$top"/virtual-caps/*.c "$top"/virtual-caps/*.h "$out/virtual-caps/"
cp "$top"/include/vconfig/vconfig.h "$out/include/vconfig/"

objs=$(cd "$out" && ls vconfig/*.c virtual-caps/*.c | sed 's/\.c$/.o/' | tr '\n' ' ')
cat >"$out/kcheck_main.c" <<'EOC'
// SPDX-License-Identifier: GPL-2.0-only
#include <linux/module.h>
#include "include/vconfig/vconfig.h"

/* Reference the API so every object is linked in. */
static void *const vconfig_kcheck_refs[] __used = {
	vconfig_create, vconfig_destroy, vconfig_read, vconfig_write,
	vconfig_reset, vconfig_vpd_complete, vconfig_msix,
};

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("vconfig engine build check");
EOC
cat >"$out/Kbuild" <<EOK
obj-m := vconfig_kcheck.o
vconfig_kcheck-y := kcheck_main.o $objs
ccflags-y := -Werror -I\$(src)/include
EOK

make -s -C "$KDIR" M="$out" modules
modinfo "$out/vconfig_kcheck.ko" >/dev/null
echo "kcheck: engine builds as a kernel module ($(ls "$top"/vconfig/*.c "$top"/virtual-caps/*.c | wc -l) sources)"
