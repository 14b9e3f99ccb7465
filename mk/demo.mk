# make demo-engine: the first part of make demo only (the engine on a sample
# device, no guest).

.PHONY: demo-engine

demo-engine: deps all
	@sh scripts/demo.sh --engine $(VCONFIG_BIN)
