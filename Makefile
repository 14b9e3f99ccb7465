# vconfig: top-level build (Documentation/layout.md says what lives where).
#
#   make                 libraries and the CLI (build/bin/vconfig)
#   make check-unit      the unit tests only (Check programs), well under a minute
#   make check-fast      everything but the QEMU guest suites
#   make check           every test; ends with "N passed, N failed"
#   make check SANITIZE=1  the same under ASan and UBSan
#   make module          vfio/vfio-vconfig.ko
#   make kcheck          the engine built as a throw-away kernel module
#   make demo            the main demonstration
#
# The kernel for every module build and for the guest is picked in one place,
# scripts/kmod.sh: KDIR=<build tree> or KVER=<release> on the command line,
# else the newest release under /lib/modules.

CC       ?= gcc
SANITIZE ?=
export KDIR KVER

ifeq ($(SANITIZE),1)
BUILD    ?= build-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
BUILD    ?= build
SANFLAGS :=
endif

# The pciutils dump corpus the tests and fuzzers read; it sits beside the
# checkout (../shared). One variable, passed to every test.
VCONFIG_CORPUS ?= $(abspath $(firstword $(wildcard ../shared/corpus/pciutils \
					/work/shared/corpus/pciutils)))
export VCONFIG_CORPUS

CPPFLAGS += -Iinclude
CFLAGS   ?= -O2 -g
CFLAGS   += -std=gnu11 -Wall -Wextra -Werror -fPIC $(SANFLAGS)
LDFLAGS  += $(SANFLAGS)

# The parts, one folder each:
ENGINE_SRCS := $(sort $(wildcard vconfig/*.c virtual-caps/*.c)) # the engine
MODEL_SRCS  := $(sort $(wildcard model/*.c))     # lspci dumps, emu, host snapshots
LIB_SRCS    := $(sort $(wildcard lib/*.c))       # the VFIO user library
INVARIANT_SRCS := $(sort $(wildcard invariants/*.c))    # the fuzz invariant checker
TOOL_SRCS   := $(sort $(wildcard tools/*.c))     # the vconfig CLI
TEST_SRCS   := $(sort $(wildcard tests/unit/test_*.c))

ENGINE_OBJS := $(ENGINE_SRCS:%.c=$(BUILD)/%.o)
MODEL_OBJS  := $(MODEL_SRCS:%.c=$(BUILD)/%.o)
LIB_OBJS    := $(LIB_SRCS:%.c=$(BUILD)/%.o)
INVARIANT_OBJS := $(INVARIANT_SRCS:%.c=$(BUILD)/%.o)
TOOL_OBJS   := $(TOOL_SRCS:%.c=$(BUILD)/%.o)
TESTS       := $(TEST_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

# Library objects export only what the installed headers declare.
$(ENGINE_OBJS) $(MODEL_OBJS) $(LIB_OBJS): CFLAGS += -fvisibility=hidden

# libvconfig (installed): the engine, the device model and the VFIO library.
# libinvariants (not installed): what vconfig fuzz and the fuzz targets check.
LIBVCONFIG  := $(BUILD)/lib/libvconfig.a
LIBINVARIANTS   := $(BUILD)/invariants/libinvariants.a
VCONFIG_BIN := $(BUILD)/bin/vconfig

PCIACCESS_CFLAGS := $(shell pkg-config --cflags pciaccess 2>/dev/null)
PCIACCESS_LIBS   := $(shell pkg-config --libs pciaccess 2>/dev/null || echo -lpciaccess)
CHECK_CFLAGS     := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS       := $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lm -lrt -lpthread)

.PHONY: all deps check check-unit check-fast module kcheck demo clean

all: $(VCONFIG_BIN)

deps:
	@sh scripts/install-deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PCIACCESS_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(LIBVCONFIG): $(ENGINE_OBJS) $(MODEL_OBJS) $(LIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(LIBINVARIANTS): $(INVARIANT_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(VCONFIG_BIN): $(TOOL_OBJS) $(LIBINVARIANTS) $(LIBVCONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(TOOL_OBJS) $(LIBINVARIANTS) $(LIBVCONFIG) $(PCIACCESS_LIBS)

# The CLI linked statically, for the test guest (it has no shared
# libraries); libpciaccess needs zlib when linked statically.
VCONFIG_STATIC        := $(BUILD)/bin/vconfig-static
PCIACCESS_STATIC_LIBS := $(shell pkg-config --static --libs pciaccess 2>/dev/null || echo -lpciaccess -lz)

$(VCONFIG_STATIC): $(TOOL_OBJS) $(LIBINVARIANTS) $(LIBVCONFIG)
	@mkdir -p $(dir $@)
	$(CC) -static -o $@ $(TOOL_OBJS) $(LIBINVARIANTS) $(LIBVCONFIG) $(PCIACCESS_STATIC_LIBS) -lpthread

# Unit tests track their headers (-MMD) and get the corpus path built in;
# their fake function lays out its bytes with the configuration images of
# tests/hostile/ (shared with the in-kernel test in tests/guest/kmod/).
$(BUILD)/tests/%: tests/unit/%.c tests/hostile/image.c $(LIBINVARIANTS) $(LIBVCONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CHECK_CFLAGS) $(CFLAGS) -I. -Itests/unit \
		-DVCONFIG_CORPUS_DEFAULT='"$(VCONFIG_CORPUS)"' -MMD -MP -MF $@.d -o $@ \
		$(filter %.c,$^) \
		$(LIBINVARIANTS) $(LIBVCONFIG) $(CHECK_LIBS) $(PCIACCESS_LIBS) $(LDFLAGS)

# So are the hostile spaces.
$(BUILD)/tests/test_hostile: tests/hostile/spaces.c

# Three tiers (scripts/run-tests.sh): unit tests; everything without a guest;
# everything. Each installs what is missing first, as the README promises.
check-unit: deps
	@$(MAKE) --no-print-directory $(TESTS)
	@BUILD=$(BUILD) SANITIZE=$(SANITIZE) sh scripts/run-tests.sh --unit

check-fast: deps
	@$(MAKE) --no-print-directory all $(TESTS) module
	@BUILD=$(BUILD) SANITIZE=$(SANITIZE) sh scripts/run-tests.sh --fast

check: deps
	@$(MAKE) --no-print-directory all $(TESTS) module
	@BUILD=$(BUILD) SANITIZE=$(SANITIZE) sh scripts/run-tests.sh

# vfio/vfio-vconfig.ko, the VFIO device driver on the engine
module:
	@sh scripts/kmod.sh vfio

kcheck: deps
	@BUILD=$(BUILD) sh scripts/kcheck.sh

demo: deps all
	@sh scripts/demo.sh $(VCONFIG_BIN)

clean:
	rm -rf build build-san
	-$(MAKE) -C vfio clean >/dev/null 2>&1

# Feature makefiles (fuzzing, install, ...): each adds its own targets.
include $(sort $(wildcard mk/*.mk))

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
