# Config-space fuzzing (Documentation/fuzzing.md).
#
#   make fuzz-smoke              build the libFuzzer targets, run each for 60 s
#   make fuzz FUZZ_SECONDS=N     a longer campaign; the corpus grows in build-fuzz/corpus
#   make fuzz-afl                the same targets for AFL++ (afl-clang-fast), with CMPLOG builds
#   make fuzz-afl-campaign AFL_SECONDS=N   afl-fuzz on each target
#   make fuzz-replay             gcc + ASan/UBSan replay drivers (make check uses them)

FUZZ_CC       ?= clang
FUZZ_BUILD    ?= build-fuzz
FUZZ_SECONDS  ?= 600
FUZZ_SMOKE_SECONDS ?= 60
FUZZ_JOBS     ?= 1
FUZZ_TARGETS  := engine dump oracle
FUZZ_CORPUS_SRC ?= $(VCONFIG_CORPUS)
AFL_CLANG     ?= afl-clang-fast
AFL_BUILD     ?= build-afl

# Campaign builds: UBSan, coverage counters without comparison tracing on the
# engine (it cost more than half of every execution while the seeds already
# carry the capability IDs and lengths). `make fuzz` replays the grown
# corpus under ASan and UBSan at the end; FUZZ_SAN="$(FUZZ_ASAN)" fuzzes
# under ASan directly, FUZZ_COV=-fsanitize=fuzzer-no-link brings
# comparison tracing back.
FUZZ_ASAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_SAN      ?= -fsanitize=undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_COV      ?= -fsanitize=fuzzer-no-link -fno-sanitize-coverage=trace-cmp
FUZZ_CFLAGS   := -std=gnu11 -g -O2 -Wall -Wextra -Werror -Iinclude -Itests/fuzz $(FUZZ_SAN)
FUZZ_LIB_SRCS := $(ENGINE_SRCS) model/dump.c model/emu.c invariants/invariants.c tests/fuzz/harness.c
# The checker and the model are not what is fuzzed: no coverage feedback
# (it would also dominate the run time), sanitizers only.
FUZZ_PLAIN_SRCS := model/emu.c invariants/invariants.c tests/fuzz/harness.c
FUZZ_LIB_OBJS := $(filter-out $(FUZZ_PLAIN_SRCS:%.c=$(FUZZ_BUILD)/obj/%.o),$(FUZZ_LIB_SRCS:%.c=$(FUZZ_BUILD)/obj/%.o)) \
		 $(FUZZ_PLAIN_SRCS:%.c=$(FUZZ_BUILD)/plain/%.o)
FUZZ_BINS     := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz-%)

# The differential oracle: the model of vfio-pci and the departures of
# Documentation/engine.md, one DEPARTURE(name) line each, generated.
ORACLE_SRCS   := tests/fuzz/oracle.c tests/fuzz/vfio-model.c
DEPARTURES_H   = $(1)/gen/departures.h
define departures_rule
$(1)/gen/departures.h: Documentation/engine.md
	@mkdir -p $$(dir $$@)
	awk '/^## Departures from vfio-pci/{t=1;next} /^## /{t=0} t && /^\| `[a-z0-9-]+` \|/ {n=$$$$2; gsub(/`/,"",n); gsub(/-/,"_",n); print "DEPARTURE(" n ")"}' $$< >$$@.tmp
	@mv $$@.tmp $$@
endef

REPLAY_DIR    := $(BUILD)/fuzz-replay
REPLAY_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror -Iinclude -Itests/fuzz $(FUZZ_ASAN)
REPLAY_BINS   := $(FUZZ_TARGETS:%=$(REPLAY_DIR)/replay-%)

.SECONDARY: $(FUZZ_LIB_OBJS)
.PHONY: fuzz-build fuzz-seeds fuzz-smoke fuzz fuzz-afl fuzz-replay

$(FUZZ_BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_COV) -MMD -MP -c -o $@ $<

$(FUZZ_BUILD)/plain/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -O2 -MMD -MP -c -o $@ $<

$(FUZZ_BUILD)/fuzz-%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJS)

$(eval $(call departures_rule,$(FUZZ_BUILD)))
$(FUZZ_BUILD)/plain/tests/fuzz/oracle.o: $(call DEPARTURES_H,$(FUZZ_BUILD))
$(FUZZ_BUILD)/plain/tests/fuzz/%.o: FUZZ_CFLAGS += -I$(FUZZ_BUILD)/gen
$(FUZZ_BUILD)/fuzz-oracle: tests/fuzz/fuzz_oracle.c $(FUZZ_LIB_OBJS) $(ORACLE_SRCS:%.c=$(FUZZ_BUILD)/plain/%.o)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJS) $(ORACLE_SRCS:%.c=$(FUZZ_BUILD)/plain/%.o)

fuzz-build: deps
	@$(MAKE) --no-print-directory $(FUZZ_BINS)

# Seeds: crafted hostile spaces and the shared corpus for the engine target,
# the corpus dumps themselves for the dump target.
$(FUZZ_BUILD)/mkseeds: tests/fuzz/mkseeds.c tests/hostile/image.c tests/hostile/image.h $(FUZZ_LIB_SRCS) include/vconfig/fuzz.h
	@mkdir -p $(dir $@)
	$(CC) -std=gnu11 -O1 -g -Wall -Wextra -Werror -Iinclude -I. -o $@ $< tests/hostile/image.c $(FUZZ_LIB_SRCS)

fuzz-seeds: $(FUZZ_BUILD)/mkseeds
	@rm -rf $(FUZZ_BUILD)/seeds && mkdir -p $(FUZZ_BUILD)/seeds/engine $(FUZZ_BUILD)/seeds/dump
	@$(FUZZ_BUILD)/mkseeds $(FUZZ_BUILD)/seeds/engine $(wildcard $(FUZZ_CORPUS_SRC)/*)
	@[ -z "$(FUZZ_CORPUS_SRC)" ] || cp $(FUZZ_CORPUS_SRC)/* $(FUZZ_BUILD)/seeds/dump/
	@cp tests/fuzz/regressions/engine/* $(FUZZ_BUILD)/seeds/engine/ 2>/dev/null || true
	@cp tests/fuzz/regressions/dump/* $(FUZZ_BUILD)/seeds/dump/ 2>/dev/null || true
	@# the oracle target reads the engine target's inputs
	@cp -r $(FUZZ_BUILD)/seeds/engine $(FUZZ_BUILD)/seeds/oracle
	@cp tests/fuzz/regressions/oracle/* $(FUZZ_BUILD)/seeds/oracle/ 2>/dev/null || true

fuzz-smoke: fuzz-build
	@$(MAKE) --no-print-directory fuzz-seeds
	@sh scripts/fuzz-campaign.sh $(FUZZ_BUILD) $(FUZZ_SMOKE_SECONDS) $(FUZZ_JOBS) $(FUZZ_TARGETS)

fuzz: fuzz-build fuzz-replay
	@$(MAKE) --no-print-directory fuzz-seeds
	@sh scripts/fuzz-campaign.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_JOBS) $(FUZZ_TARGETS)
	@for t in $(FUZZ_TARGETS); do find $(FUZZ_BUILD)/corpus/$$t -type f | \
		xargs -r $(REPLAY_DIR)/replay-$$t >/dev/null || exit 1; done
	@echo "fuzz: grown corpus replayed under ASan and UBSan"

# AFL++: the same targets with the standalone driver as main() in
# persistent mode, under ASan and UBSan; a CMPLOG build of each (no
# sanitizers) for afl-fuzz -c. The checker and the model are left
# uninstrumented, as for libFuzzer. AFL_CLANG=afl-clang-lto works too
# (the name is not AFL_CC: afl-cc takes that from the environment as the
# compiler it runs).
AFL_CFLAGS    := -std=gnu11 -g -O2 -Wall -Wextra -Werror -Iinclude -Itests/fuzz
AFL_SRCS      := tests/fuzz/replay.c $(FUZZ_LIB_SRCS)
AFL_DEPS      := $(AFL_SRCS) tests/fuzz/harness.h tests/fuzz/afl-denylist \
		 $(wildcard vconfig/*.h virtual-caps/*.h include/vconfig/*.h)
AFL_ENV       := AFL_QUIET=1 AFL_LLVM_DENYLIST=$(CURDIR)/tests/fuzz/afl-denylist
AFL_BINS      := $(FUZZ_TARGETS:%=$(AFL_BUILD)/fuzz-%)
AFL_CMPLOG    := $(FUZZ_TARGETS:%=$(AFL_BUILD)/fuzz-%.cmplog)
AFL_SECONDS   ?= 60

$(eval $(call departures_rule,$(AFL_BUILD)))
AFL_TARGET_SRCS = $(AFL_SRCS) $(if $(filter oracle,$(1)),$(ORACLE_SRCS))

$(AFL_BINS): $(AFL_BUILD)/fuzz-%: tests/fuzz/fuzz_%.c $(AFL_DEPS) $(ORACLE_SRCS) $(call DEPARTURES_H,$(AFL_BUILD))
	@mkdir -p $(dir $@)
	$(AFL_ENV) $(AFL_CLANG) $(AFL_CFLAGS) -I$(AFL_BUILD)/gen $(FUZZ_ASAN) -o $@ $< \
		$(call AFL_TARGET_SRCS,$*)

$(AFL_CMPLOG): $(AFL_BUILD)/fuzz-%.cmplog: tests/fuzz/fuzz_%.c $(AFL_DEPS) $(ORACLE_SRCS) $(call DEPARTURES_H,$(AFL_BUILD))
	@mkdir -p $(dir $@)
	$(AFL_ENV) AFL_LLVM_CMPLOG=1 $(AFL_CLANG) $(AFL_CFLAGS) -I$(AFL_BUILD)/gen -o $@ $< \
		$(call AFL_TARGET_SRCS,$*)

.PHONY: fuzz-afl-build fuzz-afl-campaign
fuzz-afl-build:
	@command -v $(AFL_CLANG) >/dev/null || { echo "fuzz-afl: $(AFL_CLANG) not found (apt-get install afl++)" >&2; exit 1; }
	@$(MAKE) --no-print-directory $(AFL_BINS) $(AFL_CMPLOG)

fuzz-afl: fuzz-afl-build
	@echo "AFL++ targets in $(AFL_BUILD)/; a campaign: make fuzz-afl-campaign AFL_SECONDS=N"

fuzz-afl-campaign: fuzz-afl-build
	@$(MAKE) --no-print-directory fuzz-seeds
	@sh scripts/fuzz-afl-campaign.sh $(AFL_BUILD) $(FUZZ_BUILD)/seeds $(AFL_SECONDS) $(FUZZ_TARGETS)

$(eval $(call departures_rule,$(REPLAY_DIR)))
$(REPLAY_DIR)/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_LIB_SRCS) $(ORACLE_SRCS) \
		tests/fuzz/harness.h tests/fuzz/oracle.h tests/fuzz/vfio-model.h \
		$(wildcard vconfig/*.h virtual-caps/*.h) $(call DEPARTURES_H,$(REPLAY_DIR)) \
		include/vconfig/fuzz.h include/vconfig/emu.h include/vconfig/vconfig.h
	@mkdir -p $(dir $@)
	$(CC) $(REPLAY_CFLAGS) -I$(REPLAY_DIR)/gen -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/replay.c \
		$(FUZZ_LIB_SRCS) $(if $(filter oracle,$*),$(ORACLE_SRCS))

fuzz-replay: $(REPLAY_BINS) $(FUZZ_BUILD)/mkseeds

-include $(shell find $(FUZZ_BUILD)/obj $(FUZZ_BUILD)/plain -name '*.d' 2>/dev/null)

# Source coverage of the engine over the grown corpus and the seeds:
# build-fuzz/coverage/report.txt (per file) and lines.txt (every line of
# vconfig/ and virtual-caps/ never reached).
COV_DIR       := $(FUZZ_BUILD)/coverage
COV_FLAGS     := -std=gnu11 -g -O0 -Iinclude -Itests/fuzz -fprofile-instr-generate -fcoverage-mapping
.PHONY: fuzz-coverage
fuzz-coverage: fuzz-seeds
	@mkdir -p $(COV_DIR)
	$(FUZZ_CC) $(COV_FLAGS) -o $(COV_DIR)/replay-engine tests/fuzz/fuzz_engine.c tests/fuzz/replay.c $(FUZZ_LIB_SRCS)
	$(FUZZ_CC) $(COV_FLAGS) -o $(COV_DIR)/replay-dump tests/fuzz/fuzz_dump.c tests/fuzz/replay.c $(FUZZ_LIB_SRCS)
	@sh scripts/fuzz-coverage.sh $(COV_DIR) $(FUZZ_BUILD) $(ENGINE_SRCS)
