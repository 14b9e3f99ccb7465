# Nested guest phase, sourced by /init: the guest's own QEMU (unmodified, TCG)
# assigns both functions of each pair below with -device vfio-pci to one
# nested Linux: the first of each pair is bound to vfio-pci, the second to
# vfio-vconfig (to vfio-pci as well in a "-2 vfio-pci" control run). The
# nested Linux's stock drivers must work on every function, and the checks
# are the same for both drivers:
#   nvme        probe (serial), MSI-X interrupts delivered, read the pattern
#               nested.initramfs wrote into the backing file at LBA 0
#   e1000e      probe, the MAC run.sh gave the function
#   i6300esb    the watchdog armed and pinged, then left unpinged: the outer
#               QEMU must fire it (-watchdog-action debug), and only then;
#               QEMU reports that on its side, judged by tests/suites/50-guest.sh
#               between the MARK lines this phase passes through
#   virtio-net  probe, MAC, ping QEMU's user network (MSI-X)
#   ne2k_pci    conventional PCI, one I/O BAR, INTx only: probe, MAC, ping
#   virtio-blk  probe (serial), read the pattern
#   qemu-xhci   the USB tablet behind it enumerates
# Files come from nested.initramfs, the nested /init from tests/guest/nested/.
# Where the kernel has iommufd (/dev/iommu, the 6.12-iommufd guest) the
# subject is the kernel's two ways in: one nested guest reaches the
# vfio-vconfig nvme and e1000e through the group, a second one through the
# VFIO character device and "-object iommufd" (checks named
# nested-iommufd:...); the device matrix above runs on the other kernels.

# kind, the vfio-pci function, the second driver's function (addresses in
# scripts/guest/run.sh); the nested guest sees pair i at slots 4+2i, 5+2i.
NESTED_DEVICES="nvme 0000:01:00.0 0000:02:00.0
e1000e 0000:00:05.0 0000:00:06.0
i6300esb 0000:00:07.0 0000:00:08.0
virtio-net 0000:00:09.0 0000:00:0a.0
ne2k_pci 0000:00:0b.0 0000:00:0c.0
virtio-blk 0000:00:0d.0 0000:00:0e.0
xhci 0000:00:13.0 0000:00:14.0"
# MAC of each NIC function and the user network QEMU gives it (run.sh)
NESTED_NICS="0000:00:05.0 52:54:00:12:34:51 -
0000:00:06.0 52:54:00:12:34:52 -
0000:00:09.0 52:54:00:12:34:61 10.0.11
0000:00:0a.0 52:54:00:12:34:62 10.0.12
0000:00:0b.0 52:54:00:12:34:71 10.0.13
0000:00:0c.0 52:54:00:12:34:72 10.0.14"
NESTED_TIMEOUT=600

nested_driver() { # bdf: the driver it is bound to, if any
	[ -e "/sys/bus/pci/devices/$1/driver" ] &&
		basename "$(readlink "/sys/bus/pci/devices/$1/driver")"
}

# nested_value BDF KEY: value of the nested guest's last "NESTED BDF KEY value"
# line (BDF "-" for the guest as a whole); lines may carry terminal escape
# codes and a CR.
nested_value() {
	tr -d '\r' </tmp/nested.log | grep -ao "NESTED $1 $2 .*" | tail -n 1 |
		sed "s/^NESTED $1 $2 //"
}

# nested_quote: print nested log lines so that run.sh does not take their
# kernel messages for the outer guest's.
nested_quote() {
	tr -d '\r' | sed 's/^/nested| /; s/BUG:/BUG-/g; s/WARNING:/WARNING-/g;
		s/Oops/OOPS/g; s/Call Trace/Call-Trace/g; s/Kernel panic/Kernel-panic/g;
		s/FAIL /FAIL-/g; s/MARK /MARK-/g'
}

# nested_slot N: the nested guest's address of the function at index N.
nested_slot() {
	printf '0000:00:%02x.0' $((4 + $1))
}

nested_mac() { # bdf
	echo "$NESTED_NICS" | awk -v bdf="$1" '$1 == bdf { print $2 }'
}

# nested_forward: copy the nested console to /tmp/nested.log and pass its
# MARK lines on to this guest's console as they come, the function named by
# its driver and address here ("watchdog-pinged-start vfio-pci/00:07.0").
nested_forward() {
	: >/tmp/nested.log
	while IFS= read -r nested_line; do
		printf '%s\n' "$nested_line" >>/tmp/nested.log
		case $nested_line in
		*"NESTED MARK "*) ;;
		*) continue ;;
		esac
		set -- $(printf '%s\n' "$nested_line" | tr -d '\r' | sed 's/.*NESTED MARK //')
		nested_label=$(awk -v n="$2" '$4 == n { print $2 "/" substr($3, 6) }' /tmp/nested.map)
		echo "MARK nested-$1 ${nested_label:-$2}"
	done
}

# nested_check NAME KIND DRIVER BDF NBDF COPY: judge one function (BDF here,
# NBDF in the nested guest; COPY 0 for the first of its pair, 1 the second).
nested_check() {
	nc_name=$1:$2:$3
	nc_probe=$(nested_value "$5" probe)
	# what the nested kernel said about a function no driver took
	[ "$nc_probe" = none ] && tr -d '\r' </tmp/nested.log |
		sed -n "s/.*NESTED $5 dmesg /$1:$2:$3: /p" | nested_quote
	case $2 in
	nvme)
		nc_want="nvme VCONFIGNVME$6"
		[ "$nc_probe" = "$nc_want" ] && pass "$nc_name:probe: $nc_probe" ||
			fail "$nc_name:probe: '$nc_probe', expected '$nc_want'"
		nc_irqs=$(nested_value "$5" irqs)
		case $nc_irqs in
		*msix=*delivered=[1-9]*) pass "$nc_name:msix: $nc_irqs" ;;
		*) fail "$nc_name:msix: '$nc_irqs'" ;;
		esac
		nested_pattern "$nc_name" "$5"
		;;
	virtio-blk)
		nc_want="virtio_blk VCONFIGVBLK$6"
		[ "$nc_probe" = "$nc_want" ] && pass "$nc_name:probe: $nc_probe" ||
			fail "$nc_name:probe: '$nc_probe', expected '$nc_want'"
		nested_pattern "$nc_name" "$5"
		;;
	e1000e | virtio-net | ne2k_pci)
		nc_mac=$(nested_mac "$4")
		case $2 in
		e1000e) nc_want="e1000e $nc_mac" ;;
		virtio-net) nc_want="virtio-pci $nc_mac" ;;
		ne2k_pci) nc_want="ne2k-pci $nc_mac" ;;
		esac
		[ "$nc_probe" = "$nc_want" ] &&
			pass "$nc_name:probe: $nc_probe ($(nested_value "$5" irqs))" ||
			fail "$nc_name:probe: '$nc_probe', expected '$nc_want'"
		[ "$2" = e1000e ] && return
		nc_ping=$(nested_value "$5" ping)
		case $nc_ping in
		[1-9]" packets received"*) pass "$nc_name:ping: $nc_ping" ;;
		*) fail "$nc_name:ping: '$nc_ping'" ;;
		esac
		;;
	xhci)
		[ "$nc_probe" = xhci_hcd ] && pass "$nc_name:probe: $nc_probe" ||
			fail "$nc_name:probe: '$nc_probe', expected xhci_hcd"
		nc_usb=$(nested_value "$5" usb)
		case $nc_usb in
		*"0627:0001 QEMU USB Tablet"*) pass "$nc_name:usb: $nc_usb" ;;
		*) fail "$nc_name:usb: '$nc_usb', expected the QEMU USB Tablet (0627:0001)" ;;
		esac
		;;
	i6300esb)
		case $nc_probe in
		"i6300ESB timer: watchdog"[0-9]*) pass "$nc_name:probe: $nc_probe" ;;
		*) fail "$nc_name:probe: '$nc_probe'" ;;
		esac
		nc_wd=$(nested_value "$5" watchdog)
		[ "$nc_wd" = "armed, pinged" ] && pass "$nc_name:armed: $nc_wd" ||
			fail "$nc_name:armed: '$nc_wd'"
		;;
	esac
}

nested_pattern() { # name nbdf
	np_got=$(nested_value "$2" pattern)
	if [ "$np_got" = "$(cat /nested/pattern)" ]; then
		pass "$1:pattern: $np_got"
	else
		fail "$1:pattern: read '$np_got', expected '$(cat /nested/pattern)'"
	fi
}

# nested_bind: bind the functions init did not (all but nvme and e1000e):
# the first of each pair to vfio-pci, the second to the second driver.
# Writes /tmp/nested.map: "kind driver bdf nested-bdf copy" per function.
nested_bind() {
	: >/tmp/nested.map
	: >/tmp/nested.ours
	nb_i=0
	while read -r nb_kind nb_first nb_other; do
		nb_copy=0
		for nb_pair in "$nb_first vfio-pci" "$nb_other ${second:-}"; do
			set -- $nb_pair
			nb_slot=$(nested_slot $nb_i)
			nb_i=$((nb_i + 1))
			nb_copy=$((nb_copy + 1))
			[ -n "${2:-}" ] || continue
			# a function no run assigns stays with its kernel driver
			nested_in_run - $((nb_copy - 1)) "$nb_kind" || continue
			nb_drv=$(nested_driver "$1")
			if [ -z "$nb_drv" ] && [ -d "/sys/bus/pci/devices/$1" ]; then
				echo "$2" >"/sys/bus/pci/devices/$1/driver_override"
				echo "$1" >/sys/bus/pci/drivers_probe 2>/dev/null
				nb_drv=$(nested_driver "$1")
				[ -n "$nb_drv" ] && echo "$1" >>/tmp/nested.ours
			fi
			if [ "$nb_drv" != "$2" ]; then
				fail "nested:$nb_kind:$2:bind: $1 bound to '$nb_drv'"
				continue
			fi
			echo "$nb_kind $nb_drv $1 $nb_slot $((nb_copy - 1))" >>/tmp/nested.map
		done
	done <<NESTED_END
$NESTED_DEVICES
NESTED_END
}

# nested_in_run MODE COPY KIND: whether the function takes part in the run;
# on a kernel with iommufd only the vfio-vconfig nvme and e1000e do.
nested_in_run() {
	[ -c /dev/iommu ] || return 0
	case $2:$3 in
	1:nvme | 1:e1000e) return 0 ;;
	esac
	return 1
}

nested_unbind() {
	while read -r nu_bdf; do
		echo "$nu_bdf" >"/sys/bus/pci/devices/$nu_bdf/driver/unbind"
		echo none >"/sys/bus/pci/devices/$nu_bdf/driver_override"
	done </tmp/nested.ours
}

nested_run() { # group | iommufd
	mode=$1
	name=nested
	backend=
	set --
	if [ "$mode" = iommufd ]; then
		name=nested-iommufd
		backend=,iommufd=iommufd0
		set -- -object iommufd,id=iommufd0
	fi
	if [ ! -c /dev/vfio/vfio ]; then
		fail "$name:setup: /dev/vfio/vfio missing"
		return 1
	fi
	nested_ping=
	while read -r kind drv bdf nbdf copy; do
		# through iommufd: the vfio-vconfig nvme and e1000e only
		nested_in_run "$mode" "$copy" "$kind" || continue
		nr_rom=
		case $kind in
		virtio-net | ne2k_pci) nr_rom=,rombar=0 ;;	# no iPXE in the nested firmware
		esac
		set -- "$@" -device "vfio-pci,host=$bdf,addr=${nbdf#0000:00:}$nr_rom$backend"
		nr_net=$(echo "$NESTED_NICS" | awk -v bdf="$bdf" '$1 == bdf && $3 != "-" { print $2 "/" $3 }')
		[ -n "$nr_net" ] && nested_ping=$nested_ping${nested_ping:+,}$nr_net
	done </tmp/nested.map

	# QEMU pins all nested guest RAM for VFIO DMA.
	ulimit -l unlimited 2>/dev/null
	start=$(cut -d. -f1 /proc/uptime)
	{
		LD_LIBRARY_PATH=/nested/lib QEMU_MODULE_DIR=/nested/lib/qemu \
			timeout -s KILL $NESTED_TIMEOUT /nested/bin/qemu-system-x86_64 \
			-L /nested/firmware -M pc -accel tcg -m 384 \
			-nographic -nodefaults -serial stdio -no-reboot -net none \
			"$@" \
			-kernel /nested/vmlinuz -initrd /nested/initramfs.cpio \
			-append "console=ttyS0 panic=-1 loglevel=4 nested_ping=$nested_ping" \
			</dev/null 2>&1
		echo $? >/tmp/nested.rc
	} | nested_forward
	rc=$(cat /tmp/nested.rc)
	elapsed=$(($(cut -d. -f1 /proc/uptime) - start))
	echo "$name: QEMU exited with status $rc after ${elapsed}s ($(grep -c . /tmp/nested.map) functions);" \
		"nested /init at $(nested_value - init)s, done at $(nested_value - done)s"
	# QEMU's own warnings (unsupported ioctls, regions) are worth seeing.
	grep -a '^qemu-system-x86_64:' /tmp/nested.log | nested_quote
	grep -a 'NESTED - error' /tmp/nested.log | nested_quote
	if [ "$rc" -ne 0 ] || [ -z "$(nested_value - done)" ]; then
		fail "$name:run: QEMU status $rc$([ "$rc" -eq 137 ] && echo " (timed out after ${NESTED_TIMEOUT}s)")"
		tail -n 40 /tmp/nested.log | nested_quote
	fi
	trouble=$(grep -aE 'Oops|BUG:|WARNING:|Call Trace|Kernel panic' /tmp/nested.log)
	if [ -n "$trouble" ]; then
		fail "$name:kernel: trouble in the nested guest's log"
		printf '%s\n' "$trouble" | head -n 10 | nested_quote
	fi
	while read -r kind drv bdf nbdf copy; do
		nested_in_run "$mode" "$copy" "$kind" || continue
		nested_check "$name" "$kind" "$drv" "$bdf" "$nbdf" "$copy"
	done </tmp/nested.map
}

if [ ! -x /nested/bin/qemu-system-x86_64 ]; then
	echo "SKIP nested: no QEMU in the initramfs"
else
	nested_bind
	nested_run group
	[ -c /dev/iommu ] && nested_run iommufd
	nested_unbind
fi
