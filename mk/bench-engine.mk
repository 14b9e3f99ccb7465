# make bench-engine: the engine in-process over a zero-cost backend, next to
# the memcpy limit (bench/README.md).
.PHONY: bench-engine
BENCH_ENGINE := $(BUILD)/bench/bench-engine

$(BENCH_ENGINE): bench/engine/bench-engine.c $(LIBVCONFIG)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIBVCONFIG) $(PCIACCESS_LIBS) $(LDFLAGS)

bench-engine: $(BENCH_ENGINE)
	@$(BENCH_ENGINE) samples/intel-82576.lspci
