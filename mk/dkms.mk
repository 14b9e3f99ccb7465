# DKMS: vfio-vconfig.ko rebuilt by DKMS for every kernel installed later.
#
#   make dkms            register and build it for the newest installed kernel (root)
#   make dkms KVER=...   ... for another one
#   make dkms-remove     unregister it
#   make dkms-build KVER=... KDIR=...   a private DKMS build (build/dkms)

.PHONY: dkms dkms-remove dkms-build

dkms:
	@sh scripts/dkms.sh install $(KVER)

dkms-remove:
	@sh scripts/dkms.sh remove

dkms-build:
	@sh scripts/dkms.sh build "$(KVER)" "$(KDIR)"
