# make bench: vfio-vconfig against vfio-pci in one guest boot (bench/README.md)
.PHONY: bench

bench: module
	@sh bench/run.sh
