# Lifecycle (vfio-lifecycle-test) on every bound function, both drivers:
# second open, close with interrupts on, unbind while open with and without
# a REQ eventfd; then the function must open and answer again.
while read -r life_drv life_bdf life_kind; do
	run_test "$life_drv:$life_kind:lifecycle" vfio-lifecycle-test \
		"$life_bdf" "$life_kind" "$life_drv" </dev/null
	run_test "$life_drv:$life_kind:reopen-after-lifecycle" vfio-abi-test -r \
		"$life_bdf" "$life_kind" "$life_drv" </dev/null
done </tmp/bound
