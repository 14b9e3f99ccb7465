# nointxmask (vfio-pci's parameter): vfio-vconfig masks INTx at the
# interrupt controller instead of with DisINTx; what the user sees of INTx
# (delivery, masking, unmask eventfd) must still equal vfio-pci's with PCI
# 2.3 masking (vfio-irq-test on the edu pair, opened after the switch).
nointx_param=/sys/module/vfio_vconfig/parameters/nointxmask
nointx_pci=$(awk '$1 == "vfio-pci" && $3 == "edu" { print $2; exit }' /tmp/bound)
nointx_vc=$(awk '$1 == "vfio-vconfig" && $3 == "edu" { print $2; exit }' /tmp/bound)
if [ -z "$nointx_pci" ] || [ -z "$nointx_vc" ] || [ ! -w "$nointx_param" ]; then
	echo "SKIP nointx: no edu pair on vfio-pci and vfio-vconfig"
else
	echo 1 >"$nointx_param"
	run_test "nointx:edu" vfio-irq-test -d /doc/vfio.md \
		edu "$nointx_pci" vfio-pci "$nointx_vc" vfio-vconfig </dev/null
	echo 0 >"$nointx_param"
fi
