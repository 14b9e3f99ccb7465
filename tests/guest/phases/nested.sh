# Nested guest phase, sourced by /init: the guest's own QEMU (unmodified, TCG)
# assigns the second NVMe and e1000e (vfio-vconfig's, or vfio-pci's in a
# "-2 vfio-pci" control run) to a nested Linux with -device vfio-pci. The
# nested nvme driver must probe with MSI-X and read the pattern that
# nested.initramfs wrote into the NVMe's backing file; the nested e1000e
# driver must probe and report the MAC that run.sh gave the function.
# Files come from nested.initramfs, the nested /init from tests/guest/nested/.
# QEMU reaches the devices through their group; where the kernel has iommufd
# (/dev/iommu) a second nested guest reaches them through the VFIO character
# device and "-object iommufd" (checks named nested-iommufd:...).

NESTED_NVME=0000:02:00.0
NESTED_E1000E=0000:00:06.0
NESTED_MAC=52:54:00:12:34:52
NESTED_TIMEOUT=420

nested_driver() { # bdf: the driver /tmp/bound has for it, if any
	awk -v bdf="$1" '$2 == bdf { print $1 }' /tmp/bound
}

# nested_value KEY: value of the nested guest's last "NESTED KEY value" line;
# lines may carry terminal escape codes and a CR.
nested_value() {
	tr -d '\r' </tmp/nested.log | grep -ao "NESTED $1 .*" | tail -n 1 |
		sed "s/^NESTED $1 //"
}

# nested_quote: print nested log lines so that run.sh does not take their
# kernel messages for the outer guest's.
nested_quote() {
	tr -d '\r' | sed 's/^/nested| /; s/BUG:/BUG-/g; s/WARNING:/WARNING-/g;
		s/Oops/OOPS/g; s/Call Trace/Call-Trace/g; s/Kernel panic/Kernel-panic/g;
		s/FAIL /FAIL-/g'
}

nested_run() { # group | iommufd
	mode=$1
	name=nested
	backend=
	if [ "$mode" = iommufd ]; then
		name=nested-iommufd
		backend=,iommufd=iommufd0
	fi
	nvme_drv=$(nested_driver $NESTED_NVME)
	e1000e_drv=$(nested_driver $NESTED_E1000E)
	if [ ! -x /nested/bin/qemu-system-x86_64 ]; then
		echo "SKIP nested: no QEMU in the initramfs"
		return 0
	fi
	if [ -z "$nvme_drv" ] || [ -z "$e1000e_drv" ]; then
		echo "SKIP nested: $NESTED_NVME or $NESTED_E1000E not bound to VFIO"
		return 0
	fi
	if [ ! -c /dev/vfio/vfio ]; then
		fail "$name:setup: /dev/vfio/vfio missing"
		return 1
	fi
	set --
	[ "$mode" = iommufd ] && set -- -object iommufd,id=iommufd0

	# QEMU pins all nested guest RAM for VFIO DMA.
	ulimit -l unlimited 2>/dev/null
	start=$(cut -d. -f1 /proc/uptime)
	LD_LIBRARY_PATH=/nested/lib QEMU_MODULE_DIR=/nested/lib/qemu \
		timeout -s KILL $NESTED_TIMEOUT /nested/bin/qemu-system-x86_64 \
		-L /nested/firmware -M pc -accel tcg -m 256 \
		-nographic -nodefaults -serial stdio -no-reboot -net none \
		"$@" \
		-device vfio-pci,host=$NESTED_NVME$backend \
		-device vfio-pci,host=$NESTED_E1000E$backend \
		-kernel /nested/vmlinuz -initrd /nested/initramfs.cpio \
		-append "console=ttyS0 panic=-1 loglevel=4" \
		</dev/null >/tmp/nested.log 2>&1
	rc=$?
	elapsed=$(($(cut -d. -f1 /proc/uptime) - start))
	echo "$name: QEMU exited with status $rc after ${elapsed}s (nvme on $nvme_drv, e1000e on $e1000e_drv);" \
		"nested /init at $(nested_value init)s, done at $(nested_value done)s"
	# QEMU's own warnings (unsupported ioctls, regions) are worth seeing.
	grep -a '^qemu-system-x86_64:' /tmp/nested.log | nested_quote
	if [ "$rc" -ne 0 ] || [ -z "$(nested_value done)" ]; then
		fail "$name:run: QEMU status $rc$([ "$rc" -eq 137 ] && echo " (timed out after ${NESTED_TIMEOUT}s)")"
		tail -n 40 /tmp/nested.log | nested_quote
	fi
	trouble=$(grep -aE 'Oops|BUG:|WARNING:|Call Trace|Kernel panic' /tmp/nested.log)
	if [ -n "$trouble" ]; then
		fail "$name:kernel: trouble in the nested guest's log"
		printf '%s\n' "$trouble" | head -n 10 | nested_quote
	fi

	probe=$(nested_value nvme:probe)
	case $probe in
	*" VCONFIGNVME1") pass "$name:nvme:probe: $probe ($nvme_drv)" ;;
	"" | none) fail "$name:nvme:probe: the nested nvme driver found no namespace" ;;
	*) fail "$name:nvme:probe: '$probe', expected serial VCONFIGNVME1" ;;
	esac
	irqs=$(nested_value nvme:irqs)
	case $irqs in
	*msix=*delivered=[1-9]*) pass "$name:nvme:msix: $irqs" ;;
	*) fail "$name:nvme:msix: '$irqs'" ;;
	esac
	want=$(cat /nested/pattern)
	got=$(nested_value nvme:pattern)
	if [ "$got" = "$want" ]; then
		pass "$name:nvme:pattern: $got"
	else
		fail "$name:nvme:pattern: read '$got', expected '$want'"
	fi

	probe=$(nested_value e1000e:probe)
	case $probe in
	*" e1000e") pass "$name:e1000e:probe: $probe ($e1000e_drv, $(nested_value e1000e:irqs))" ;;
	*) fail "$name:e1000e:probe: '$probe'" ;;
	esac
	mac=$(nested_value e1000e:mac)
	if [ "$mac" = "$NESTED_MAC" ]; then
		pass "$name:e1000e:mac: $mac"
	else
		fail "$name:e1000e:mac: '$mac', expected $NESTED_MAC"
	fi
}

nested_run group
[ -c /dev/iommu ] && nested_run iommufd
