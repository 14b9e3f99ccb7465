# The Linux-PCI shim (shim/) and the drivers built on it.
#
#   make shim         build/shim/libvconfig-shim.a (the kernel API in
#                     userspace) and build/shim/main.o (the program's main())
#   make edu          build/bin/edu: drivers/edu/edu.c as a program (and a
#                     static build/bin/edu-static for the guest)
#   make edu-module   build/kmod/edu/edu.ko: the same source as a kernel module
#
# Driver code compiles in a kernel-like environment made from the installed
# kernel headers by scripts/shim/kenv.sh ($(BUILD)/kenv): -nostdinc, the
# shim's headers first (shim/include/), then the kernel's own pure-data and
# inline headers listed in shim/kernel-headers, then a stub for every other
# kernel header, then the kernel's uapi headers; the kernel's own warning
# set. A driver program is its objects + main.o + libvconfig-shim.a +
# libvconfig.a; scripts/shim/build-driver.sh builds one from sources in
# the Linux tree. The shim's own sources see libc and the same headers.

SHIM_SRCS     := $(filter-out shim/main.c,$(sort $(wildcard shim/*.c)))
SHIM_OBJS     := $(SHIM_SRCS:%.c=$(BUILD)/%.o)
SHIM_LIB      := $(BUILD)/shim/libvconfig-shim.a
SHIM_MAIN     := $(BUILD)/shim/main.o
SHIM_KENV     := $(BUILD)/kenv/.kenv
SHIM_RT_FLAGS := -DVCSHIM_RUNTIME -D__KERNEL__ -Ishim/include -I$(BUILD)/kenv/data -Iinclude \
		 -include linux/kconfig.h \
		 $(shell pkg-config --cflags fuse3 2>/dev/null)
SHIM_LIBS     := $(shell pkg-config --libs fuse3 2>/dev/null || echo -lfuse3) -lpthread -ldl
EDU_BIN       := $(BUILD)/bin/edu
EDU_STATIC    := $(BUILD)/bin/edu-static
# Kernel code: the kernel's warnings (and edu, like its Kbuild, -Werror).
SHIM_KFLAGS    = $(shell cat $(BUILD)/kenv/cflags) -O2 -g
EDU_KFLAGS     = $(SHIM_KFLAGS) -Werror -DKBUILD_MODNAME='"edu"' -DKBUILD_BASENAME='"edu"'

.PHONY: shim edu edu-module shim-kenv

shim-kenv: $(SHIM_KENV)

# Redone only when the kernel headers or the shim's headers changed.
$(SHIM_KENV): scripts/shim/kenv.sh shim/kernel-headers $(wildcard shim/include/*/*.h)
	@sh scripts/shim/kenv.sh $(BUILD)/kenv
	@touch $@

# The shim's own sources include the shim headers as a driver does.
$(BUILD)/shim/%.o: CPPFLAGS += $(SHIM_RT_FLAGS)
$(BUILD)/shim/%.o: CFLAGS += -Wno-missing-field-initializers -Wno-unused-parameter
$(SHIM_OBJS) $(SHIM_MAIN): | $(SHIM_KENV)

shim: $(SHIM_LIB) $(SHIM_MAIN)

$(SHIM_LIB): $(SHIM_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

# What a driver program links, in link order.
SHIM_LINK := $(SHIM_MAIN) $(SHIM_LIB) $(LIBVCONFIG)

edu: $(EDU_BIN) $(EDU_STATIC)

$(BUILD)/drivers/edu/edu.o: drivers/edu/edu.c $(SHIM_KENV)
	@mkdir -p $(dir $@)
	$(CC) $(EDU_KFLAGS) -MMD -MP -c -o $@ $<

$(EDU_BIN): $(BUILD)/drivers/edu/edu.o $(SHIM_LINK)
	@mkdir -p $(dir $@)
	$(CC) -o $@ $< $(SHIM_LINK) $(SHIM_LIBS) $(PCIACCESS_LIBS) $(LDFLAGS)

# The guest has no libc of its own: link everything in.
$(EDU_STATIC): $(BUILD)/drivers/edu/edu.o $(SHIM_LINK)
	@mkdir -p $(dir $@)
	$(CC) -static -o $@ $< $(SHIM_LINK) $(SHIM_LIBS) $(LDFLAGS)

edu-module:
	@sh scripts/kmod.sh build $(BUILD)/kmod/edu edu drivers/edu/edu.c

# The shim's unit test includes the shim's headers as the shim does and
# links the shim's library (not its main(): the test has its own).
$(BUILD)/tests/test_shim: tests/unit/test_shim.c $(SHIM_LIB) $(LIBVCONFIG) | $(SHIM_KENV)
	@mkdir -p $(dir $@)
	$(CC) $(SHIM_RT_FLAGS) $(CHECK_CFLAGS) $(CFLAGS) -Wno-missing-field-initializers \
		-Wno-unused-parameter -Itests/unit -Ishim -MMD -MP -o $@ $< \
		$(SHIM_LIB) $(LIBVCONFIG) $(CHECK_LIBS) $(SHIM_LIBS) $(PCIACCESS_LIBS) $(LDFLAGS)
