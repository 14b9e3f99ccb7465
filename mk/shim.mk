# The Linux-PCI shim (shim/) and the edu driver built on it.
#
#   make shim         build/shim/libvconfig-shim.a (the kernel API in
#                     userspace) and build/shim/main.o (the program's main())
#   make edu          build/bin/edu: drivers/edu/edu.c as a program (and a
#                     static build/bin/edu-static for the guest)
#   make edu-module   build/kmod/edu/edu.ko: the same source as a kernel module
#
# A kernel driver builds for userspace with the shim's include root first:
# <linux/pci.h> and friends then resolve to shim/include/linux/. A driver
# program is its objects + main.o + libvconfig-shim.a + libvconfig.a.

SHIM_SRCS     := $(filter-out shim/main.c,$(sort $(wildcard shim/*.c)))
SHIM_OBJS     := $(SHIM_SRCS:%.c=$(BUILD)/%.o)
SHIM_LIB      := $(BUILD)/shim/libvconfig-shim.a
SHIM_MAIN     := $(BUILD)/shim/main.o
SHIM_CPPFLAGS := -Ishim/include -Iinclude
SHIM_LIBS     := -lpthread
EDU_BIN       := $(BUILD)/bin/edu
EDU_STATIC    := $(BUILD)/bin/edu-static

.PHONY: shim edu edu-module

# The shim's own sources include the shim headers as a driver does.
$(BUILD)/shim/%.o: CPPFLAGS += -Ishim/include

shim: $(SHIM_LIB) $(SHIM_MAIN)

$(SHIM_LIB): $(SHIM_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

# What a driver program links, in link order.
SHIM_LINK := $(SHIM_MAIN) $(SHIM_LIB) $(LIBVCONFIG)

edu: $(EDU_BIN) $(EDU_STATIC)

$(EDU_BIN): drivers/edu/edu.c $(SHIM_LINK)
	@mkdir -p $(dir $@)
	$(CC) $(SHIM_CPPFLAGS) $(CFLAGS) -MMD -MP -o $@ $< $(SHIM_LINK) \
		$(SHIM_LIBS) $(PCIACCESS_LIBS) $(LDFLAGS)

# The guest has no libc of its own: link everything in.
$(EDU_STATIC): drivers/edu/edu.c $(SHIM_LINK)
	@mkdir -p $(dir $@)
	$(CC) $(SHIM_CPPFLAGS) $(CFLAGS) -static -o $@ $< $(SHIM_LINK) \
		$(SHIM_LIBS) $(LDFLAGS)

edu-module:
	@sh scripts/kmod.sh build $(BUILD)/kmod/edu edu drivers/edu/edu.c

# The shim's unit test includes the shim's headers as a driver does and
# links the shim's library (not its main(): the test has its own).
$(BUILD)/tests/test_shim: tests/unit/test_shim.c $(SHIM_LIB) $(LIBVCONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(SHIM_CPPFLAGS) $(CHECK_CFLAGS) $(CFLAGS) -Itests/unit -MMD -MP -o $@ $< \
		$(SHIM_LIB) $(LIBVCONFIG) $(CHECK_LIBS) $(PCIACCESS_LIBS) $(LDFLAGS)
