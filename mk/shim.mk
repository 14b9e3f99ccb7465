# The userspace PCI shim and the edu driver built on it.
#
#   make edu          build/bin/edu: drivers/edu/edu.c as a program (and a
#                     static build/bin/edu-static for the guest)
#   make edu-module   build/kmod/edu/edu.ko: the same source as a kernel module
#
# A kernel driver builds for userspace with the shim's include root first:
# <linux/pci.h> and friends then resolve to include/vconfig/linux/.

SHIM_CPPFLAGS := -Iinclude/vconfig -Iinclude
SHIM_LIBS     := -lpthread
EDU_BIN       := $(BUILD)/bin/edu
EDU_STATIC    := $(BUILD)/bin/edu-static

.PHONY: edu edu-module

# The shim's own sources include the shim headers as a driver does.
$(BUILD)/lib/shim.o $(BUILD)/lib/shim_%.o: CPPFLAGS += -Iinclude/vconfig

edu: $(EDU_BIN) $(EDU_STATIC)

$(EDU_BIN): drivers/edu/edu.c $(LIBVCONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(SHIM_CPPFLAGS) $(CFLAGS) -MMD -MP -o $@ $< $(LIBVCONFIG) \
		$(SHIM_LIBS) $(PCIACCESS_LIBS) $(LDFLAGS)

# The guest has no libc of its own: link everything in.
$(EDU_STATIC): drivers/edu/edu.c $(LIBVCONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(SHIM_CPPFLAGS) $(CFLAGS) -static -o $@ $< $(LIBVCONFIG) \
		$(SHIM_LIBS) $(LDFLAGS)

edu-module:
	@sh scripts/kmod.sh build $(BUILD)/kmod/edu edu drivers/edu/edu.c

# The shim's unit test includes the shim's headers as a driver does.
$(BUILD)/tests/test_shim: CPPFLAGS += -Iinclude/vconfig
