# vconfig: top-level build.
#
#   make                 library, CLI (build/bin/vconfig)
#   make check           every test; ends with "N passed, N failed"
#   make check SANITIZE=1  the same under ASan and UBSan
#   make kcheck          the engine built as a throw-away kernel module
#   make demo            the main demonstration

CC       ?= gcc
SANITIZE ?=
KVER     ?= $(shell ls /lib/modules 2>/dev/null | sort -V | tail -n 1)
KDIR     ?= /lib/modules/$(KVER)/build

ifeq ($(SANITIZE),1)
BUILD    ?= build-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
BUILD    ?= build
SANFLAGS :=
endif

CPPFLAGS += -Iinclude
CFLAGS   ?= -O2 -g
CFLAGS   += -std=gnu11 -Wall -Wextra -Werror -fPIC $(SANFLAGS)
LDFLAGS  += $(SANFLAGS)

ENGINE_SRCS := $(sort $(wildcard vconfig/*.c virtual-caps/*.c))
LIB_SRCS    := $(sort $(wildcard lib/*.c))
TOOL_SRCS   := $(sort $(wildcard tools/*.c))
TEST_SRCS   := $(sort $(wildcard tests/unit/test_*.c))

ENGINE_OBJS := $(ENGINE_SRCS:%.c=$(BUILD)/%.o)
LIB_OBJS    := $(LIB_SRCS:%.c=$(BUILD)/%.o)
TOOL_OBJS   := $(TOOL_SRCS:%.c=$(BUILD)/%.o)
TESTS       := $(TEST_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

LIBVCONFIG  := $(BUILD)/lib/libvconfig.a
VCONFIG_BIN := $(BUILD)/bin/vconfig

PCIACCESS_CFLAGS := $(shell pkg-config --cflags pciaccess 2>/dev/null)
PCIACCESS_LIBS   := $(shell pkg-config --libs pciaccess 2>/dev/null || echo -lpciaccess)
CHECK_CFLAGS     := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS       := $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lm -lrt -lpthread)

.PHONY: all deps check module kcheck demo clean

all: $(VCONFIG_BIN)

deps:
	@sh scripts/install-deps.sh

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PCIACCESS_CFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(LIBVCONFIG): $(ENGINE_OBJS) $(LIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(VCONFIG_BIN): $(TOOL_OBJS) $(LIBVCONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) -o $@ $(TOOL_OBJS) $(LIBVCONFIG) $(PCIACCESS_LIBS)

$(BUILD)/tests/%: tests/unit/%.c $(LIBVCONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CHECK_CFLAGS) $(CFLAGS) -Itests/unit -o $@ $< \
		$(LIBVCONFIG) $(CHECK_LIBS) $(PCIACCESS_LIBS) $(LDFLAGS)

check: deps
	@$(MAKE) --no-print-directory all $(TESTS) module
	@BUILD=$(BUILD) SANITIZE=$(SANITIZE) sh scripts/run-tests.sh

# vfio/vfio-vconfig.ko, the VFIO device driver on the engine
module:
	@sh scripts/build-module.sh "$(KDIR)"

kcheck: deps
	@sh scripts/kcheck.sh "$(KDIR)"

demo: deps all
	@sh scripts/demo.sh $(VCONFIG_BIN)

clean:
	rm -rf build build-san
	-$(MAKE) -C vfio clean >/dev/null 2>&1

# Feature makefiles (fuzzing, install, ...): each adds its own targets.
include $(sort $(wildcard mk/*.mk))

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
