#!/bin/sh
# make install into a temporary DESTDIR: the files, the shared library's
# soname, programs built against the installed library through pkg-config
# (shared and static), the CLI under both names, the manual pages, and
# make uninstall. Prints PASS/FAIL lines and "N passed, N failed".
set -u

cd "$(dirname "$0")/../.."
BUILD=${BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
prefix=/usr/local
passed=0
failed=0

pass() { echo "PASS install:$1"; passed=$((passed + 1)); }
fail() { echo "FAIL install:$1"; failed=$((failed + 1)); }
check() { # name command...: PASS when the command succeeds
	name=$1
	shift
	if "$@" >"$tmp/out" 2>&1; then
		pass "$name"
	else
		fail "$name: $(head -n 3 "$tmp/out" | tr '\n' ' ')"
	fi
}

# Sanitized objects cannot go into an ordinary shared library: build those apart.
build=$BUILD
[ "${SANITIZE:-}" = 1 ] && build=$tmp/build
if ! make --no-print-directory -s SANITIZE= BUILD="$build" PREFIX=$prefix \
	DESTDIR="$root" install >"$tmp/make.log" 2>&1; then
	fail "make-install: $(grep -m 3 -iE 'error|No rule' "$tmp/make.log" | tr '\n' ' ')"
	echo "$passed passed, $failed failed"
	exit 1
fi
pass make-install

missing=""
for f in include/vconfig/libvconfig.h include/vconfig/vconfig.h include/vconfig/emu.h \
	include/vconfig/env.h include/linux/vfio_vconfig.h lib/libvconfig.a \
	lib/libvconfig.so.2.0.0 lib/libvconfig.so.2 lib/libvconfig.so lib/pkgconfig/vconfig.pc \
	bin/vconfig bin/lsvfio share/man/man1/vconfig.1 share/man/man1/lsvfio.1 \
	share/man/man3/libvconfig.3; do
	[ -e "$root$prefix/$f" ] || missing="$missing $f"
done
if [ -z "$missing" ]; then pass files; else fail "files: missing$missing"; fi

soname=$(readelf -d "$root$prefix/lib/libvconfig.so.2.0.0" 2>/dev/null |
	sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
if [ "$soname" = libvconfig.so.2 ]; then pass soname; else fail "soname: '$soname'"; fi
if grep -q '\.\./' "$root$prefix/include/vconfig/"*.h; then
	fail "headers: an installed header still reaches into the source tree"
else
	pass headers
fi

# The shared library exports exactly the functions its installed headers
# declare: nothing of the shim, the oracle, the tools or the engine's insides.
nm -D --defined-only "$root$prefix/lib/libvconfig.so.2.0.0" |
	awk '$2 ~ /^[TDBR]$/ { sub(/@.*/, "", $3); print $3 }' | sort -u >"$tmp/exported"
# Declared: the compiler's list of the headers' prototypes (-aux-info), less
# the static inline helpers, plus the extern objects.
for h in "$root$prefix/include/vconfig/"*.h; do
	echo "#include <vconfig/$(basename "$h")>"
done >"$tmp/headers.c"
${CC:-gcc} -std=gnu11 -I"$root$prefix/include" -aux-info "$tmp/aux" -fsyntax-only "$tmp/headers.c"
{
	grep -F "$root$prefix/include/vconfig/" "$tmp/aux" | grep -v ' static ' |
		grep -oE '\b(vconfig|vcdev)_[a-z0-9_]+ \(' | tr -d ' ('
	cat "$root$prefix/include/vconfig/"*.h | grep -E '^extern .*\b(vconfig|vcdev)_[a-z0-9_]+;' |
		grep -oE '\b(vconfig|vcdev)_[a-z0-9_]+;' | tr -d ';'
} | sort -u >"$tmp/declared"
if [ -s "$tmp/exported" ] && cmp -s "$tmp/exported" "$tmp/declared"; then
	pass "exports ($(wc -l <"$tmp/exported") symbols)"
else
	fail "exports: $(diff "$tmp/declared" "$tmp/exported" | grep '^[<>]' | head -n 6 | tr '\n' ' ')"
fi

# A program of a library user: the engine and the VFIO layer, errors without printing.
cat >"$tmp/prog.c" <<'PROG'
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vconfig/emu.h>
#include <vconfig/libvconfig.h>
#include <linux/vfio_vconfig.h>

int main(void)
{
	struct vcdev_function *list;
	struct vcdev *dev;
	int err, n;

	err = vcdev_open("0000:ff:1f.7", &dev);
	if (err != -ENODEV || dev || !strstr(vcdev_last_error(), "0000:ff:1f.7"))
		return printf("open absent: %d '%s'\n", err, vcdev_last_error()), 1;
	err = vcdev_open("not-an-address", &dev);
	if (err != -EINVAL || strcmp(vcdev_strerror(err), strerror(EINVAL)))
		return printf("open malformed: %d\n", err), 1;
	n = vcdev_list_functions(&list);
	if (n < 0)
		return printf("list: %s\n", vcdev_last_error()), 1;
	free(list);
	if (!vconfig_effect_name(VCONFIG_EFFECT_FLR) || VFIO_VCONFIG_MODE_ACTION != 1)
		return printf("engine symbols\n"), 1;
	printf("ok %d\n", n);
	return 0;
}
PROG
export PKG_CONFIG_PATH="$root$prefix/lib/pkgconfig"
export PKG_CONFIG_SYSROOT_DIR="$root"
cc=${CC:-gcc}
# shellcheck disable=SC2046
check pkg-config-shared $cc -std=gnu11 -Wall -Wextra -Werror -o "$tmp/prog" "$tmp/prog.c" \
	$(pkg-config --cflags --libs vconfig)
if [ -x "$tmp/prog" ] && LD_LIBRARY_PATH="$root$prefix/lib" "$tmp/prog" >"$tmp/out" 2>&1 &&
	grep -q '^ok' "$tmp/out" &&
	LD_LIBRARY_PATH="$root$prefix/lib" ldd "$tmp/prog" | grep -q "$root$prefix/lib/libvconfig.so.2"; then
	pass run-shared
else
	fail "run-shared: $(head -n 2 "$tmp/out" | tr '\n' ' ')"
fi
# shellcheck disable=SC2046
check pkg-config-static $cc -std=gnu11 -Wall -Wextra -Werror -o "$tmp/prog-static" "$tmp/prog.c" \
	$(pkg-config --cflags vconfig) -Wl,-Bstatic -lvconfig -Wl,-Bdynamic \
	-L"$root$prefix/lib" $(pkg-config --static --libs-only-l pciaccess 2>/dev/null || echo -lpciaccess)
if [ -x "$tmp/prog-static" ] && "$tmp/prog-static" >"$tmp/out" 2>&1 && grep -q '^ok' "$tmp/out" &&
	! ldd "$tmp/prog-static" | grep -q libvconfig; then
	pass run-static
else
	fail "run-static: $(head -n 2 "$tmp/out" | tr '\n' ' ')"
fi

# The CLI under both names.
check lsvfio-help sh -c "'$root$prefix/bin/lsvfio' -h | grep -q '^usage: lsvfio'"
check vconfig-ls-help sh -c "'$root$prefix/bin/vconfig' ls -h | grep -q 'usage: vconfig ls'"
if [ ! -e /dev/vfio/vfio ]; then
	"$root$prefix/bin/lsvfio" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
		grep -q 'VFIO is not loaded' "$tmp/err"; then
		pass lsvfio-no-vfio
	else
		fail "lsvfio-no-vfio: status $rc, $(head -n 2 "$tmp/err" | tr '\n' ' ')"
	fi
fi

# Manual pages: valid troff, rendered by man when it is there.
for page in share/man/man1/vconfig.1 share/man/man1/lsvfio.1 share/man/man3/libvconfig.3; do
	name=$(basename "$page")
	if command -v groff >/dev/null 2>&1; then
		if groff -man -Tutf8 -z -ww "$root$prefix/$page" >"$tmp/out" 2>&1 && [ ! -s "$tmp/out" ]; then
			pass "man:$name:groff"
		else
			fail "man:$name:groff: $(head -n 2 "$tmp/out" | tr '\n' ' ')"
		fi
	fi
	if command -v man >/dev/null 2>&1; then
		title=$(echo "$name" | sed 's/\..*//' | tr 'a-z' 'A-Z')
		if MANWIDTH=80 man -l "$root$prefix/$page" 2>/dev/null | grep -q "^$title("; then
			pass "man:$name:render"
		else
			fail "man:$name:render: no $title( header"
		fi
	fi
done

check make-uninstall make --no-print-directory -s SANITIZE= BUILD="$build" PREFIX=$prefix \
	DESTDIR="$root" uninstall
left=$(find "$root" -type f -o -type l | head -n 3)
if [ -z "$left" ]; then pass uninstall-clean; else fail "uninstall-clean: left $left"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
