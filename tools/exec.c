// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The access script of `vconfig emu --exec`:
 *   r OFF SIZE          read SIZE (1-8) bytes, print 0x-prefixed hex
 *   w OFF SIZE VAL      write, print each effect as "effect: ..."
 *   reset               restore the virtual registers (after an FLR)
 *   vpd-complete DATA   finish a pending VPD operation with DATA
 * Commands are separated by ';' or newlines. Fuzzing reproducers use the
 * same syntax.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#define MAX_WORDS	5

struct exec_cmd {
	unsigned int number;
	const char *text;
	char *word[MAX_WORDS];
	unsigned int nr_words;
};

static int bad(const struct exec_cmd *c, const char *why)
{
	cli_error("--exec: command %u '%s': %s", c->number, c->text, why);
	return CLI_EXIT_USAGE;
}

static int parse_u64(const char *s, unsigned long long *out)
{
	char *end;

	if (!s || !*s || *s == '-')
		return -EINVAL;
	errno = 0;
	*out = strtoull(s, &end, 0);
	return (errno || *end) ? -EINVAL : 0;
}

static int access_args(const struct exec_cmd *c, struct cli_device *dev,
		       unsigned int *off, unsigned int *size)
{
	unsigned long long o, s;

	if (parse_u64(c->word[1], &o) || parse_u64(c->word[2], &s))
		return bad(c, "OFF and SIZE must be numbers (decimal or 0x hex)");
	if (s < 1 || s > 8)
		return bad(c, "SIZE must be 1 to 8 bytes");
	if (o >= vconfig_cfg_size(dev->vc) || s > vconfig_cfg_size(dev->vc) - o)
		return bad(c, "the access lies outside the config space");
	*off = o;
	*size = s;
	return 0;
}

static int run_read(const struct exec_cmd *c, struct cli_device *dev)
{
	unsigned int off, size, i;
	unsigned long long val = 0;
	u8 buf[8];
	int ret;

	if (c->nr_words != 3)
		return bad(c, "usage: r OFF SIZE");
	ret = access_args(c, dev, &off, &size);
	if (ret)
		return ret;
	ret = vconfig_read(dev->vc, off, size, buf);
	if (ret)
		return bad(c, strerror(-ret));
	for (i = 0; i < size; i++)
		val |= (unsigned long long)buf[i] << (8 * i);
	printf("0x%0*llx\n", (int)(2 * size), val);
	return 0;
}

static int run_write(const struct exec_cmd *c, struct cli_device *dev)
{
	struct vconfig_effects fx;
	unsigned long long val;
	unsigned int off, size, i;
	u8 buf[8];
	int ret;

	if (c->nr_words != 4)
		return bad(c, "usage: w OFF SIZE VAL");
	ret = access_args(c, dev, &off, &size);
	if (ret)
		return ret;
	if (parse_u64(c->word[3], &val) ||
	    (size < 8 && val >> (8 * size)))
		return bad(c, "VAL must be a number that fits in SIZE bytes");
	for (i = 0; i < size; i++)
		buf[i] = val >> (8 * i);
	ret = vconfig_write(dev->vc, off, size, buf, &fx);
	if (ret)
		return bad(c, strerror(-ret));
	for (i = 0; i < fx.count; i++)
		cli_print_effect(&fx.effect[i]);
	if (fx.overflow)
		printf("effect: overflow (more effects than one write reports)\n");
	return 0;
}

static int run_one(struct exec_cmd *c, struct cli_device *dev)
{
	unsigned long long data;

	if (!strcmp(c->word[0], "r"))
		return run_read(c, dev);
	if (!strcmp(c->word[0], "w"))
		return run_write(c, dev);
	if (!strcmp(c->word[0], "reset")) {
		if (c->nr_words != 1)
			return bad(c, "usage: reset");
		vconfig_reset(dev->vc);
		return 0;
	}
	if (!strcmp(c->word[0], "vpd-complete")) {
		if (c->nr_words != 2 || parse_u64(c->word[1], &data) ||
		    data > 0xffffffffull)
			return bad(c, "usage: vpd-complete DATA (a 32-bit value)");
		vconfig_vpd_complete(dev->vc, data, true);
		return 0;
	}
	return bad(c, "unknown command (r, w, reset, vpd-complete)");
}

static void split_words(struct exec_cmd *c, char *line)
{
	char *save = NULL, *w;

	c->nr_words = 0;
	for (w = strtok_r(line, " \t\r", &save); w;
	     w = strtok_r(NULL, " \t\r", &save)) {
		if (c->nr_words == MAX_WORDS) {
			c->nr_words++;
			return;
		}
		c->word[c->nr_words++] = w;
	}
}

int cli_exec(struct cli_device *dev, const char *script)
{
	char *copy = strdup(script), *save = NULL, *cmd;
	struct exec_cmd c = { 0 };
	int ret = 0;

	if (!copy)
		return CLI_EXIT_USAGE;
	for (cmd = strtok_r(copy, ";\n", &save); cmd && !ret;
	     cmd = strtok_r(NULL, ";\n", &save)) {
		char text[128];

		while (*cmd == ' ' || *cmd == '\t')
			cmd++;
		if (!*cmd)
			continue;
		c.number++;
		snprintf(text, sizeof(text), "%s", cmd);
		c.text = text;
		split_words(&c, cmd);
		if (!c.nr_words)
			continue;
		if (c.nr_words > MAX_WORDS)
			ret = bad(&c, "too many words");
		else
			ret = run_one(&c, dev);
		fflush(stdout);
	}
	free(copy);
	return ret;
}

void cli_print_effect(const struct vconfig_effect *e)
{
	printf("effect: %s", vconfig_effect_name(e->type));
	switch (e->type) {
	case VCONFIG_EFFECT_INTX_MASK:
		printf(" masked=%d", e->intx.masked);
		break;
	case VCONFIG_EFFECT_DECODE:
		printf(" memory=%d io=%d", e->decode.memory, e->decode.io);
		break;
	case VCONFIG_EFFECT_BUS_MASTER:
		printf(" enable=%d", e->master.enable);
		break;
	case VCONFIG_EFFECT_MSI:
		printf(" enable=%d nvec=%u", e->msi.enable, e->msi.nvec);
		break;
	case VCONFIG_EFFECT_MSIX:
		printf(" enable=%d masked=%d", e->msix.enable, e->msix.masked);
		break;
	case VCONFIG_EFFECT_POWER_STATE:
		printf(" from=D%u to=D%u", e->power.from, e->power.to);
		break;
	case VCONFIG_EFFECT_VPD:
		printf(" %s addr=0x%x", e->vpd.write ? "write" : "read", e->vpd.addr);
		if (e->vpd.write)
			printf(" data=0x%08x", e->vpd.data);
		break;
	case VCONFIG_EFFECT_BAR:
		printf(" region=%u enabled=%d addr=0x%llx", e->bar.region,
		       e->bar.enabled, (unsigned long long)e->bar.addr);
		break;
	case VCONFIG_EFFECT_READRQ:
		printf(" bytes=%u", e->readrq.bytes);
		break;
	case VCONFIG_EFFECT_MSI_MASK:
		printf(" mask=0x%08x", e->msi_mask.mask);
		break;
	default:
		break;
	}
	putchar('\n');
}
