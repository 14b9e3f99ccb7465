# Protections against a hostile VFIO user (vfio-sec-test), on every bound
# function, vfio-pci as the reference: BAR mappings of every kind are
# revoked by decode off, D3hot, FLR and reset; no ROM read in D3hot;
# interrupt state follows every reset; config-action arming is
# all-or-nothing. Then the function must open and answer again.
while read -r sec_drv sec_bdf sec_kind; do
	run_test "$sec_drv:$sec_kind:sec" vfio-sec-test "$sec_bdf" "$sec_kind" \
		"$sec_drv" </dev/null
	run_test "$sec_drv:$sec_kind:reopen-after-sec" vfio-abi-test -r \
		"$sec_bdf" "$sec_kind" "$sec_drv" </dev/null
done </tmp/bound
