# make bench-e1000: the e1000 driver as a program over the Linux-PCI shim
# against the kernel's e1000, one guest boot (bench/README.md)
.PHONY: bench-e1000

bench-e1000: module
	@sh bench/e1000/run.sh
