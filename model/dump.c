// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * lspci dump files: the text of `lspci -vvv -xxx` or `-xxxx`, one or more
 * devices, each a device line, decoded text, hex lines and a blank line.
 *
 * The parser follows the rules of the pciutils dump back-end (a device
 * line starts at column 0 with "bb:dd.f " or "dddd:bb:dd.f ", a hex line
 * with "NN: " or "NNN: ", a blank line ends the device) but is strict
 * about the bytes: every hex line holds 16 bytes, offsets are contiguous
 * and a device ends with 64, 256 or 4096 bytes.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <vconfig/emu.h>

#define DUMP_BYTES_PER_LINE	16
#define DUMP_MAX_FILE_SIZE	(64u << 20)
/* Decoded header lines are indented one level: one tab or up to 8 spaces. */
#define DUMP_TOP_INDENT		8

/* A line of the input, not NUL-terminated. */
struct dump_line {
	const char *s;
	size_t len;
	unsigned int number;
};

struct dump_parser {
	struct vconfig_dump *out;
	struct vconfig_dump_device *dev;	/* device being read, or NULL */
	unsigned int dev_line;			/* line of its device line */
	unsigned int nr_alloc;
	char *err;
	size_t errlen;
};

static int dump_error(struct dump_parser *p, unsigned int line,
		      const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int dump_error(struct dump_parser *p, unsigned int line,
		      const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!p->err || !p->errlen)
		return -EINVAL;
	n = snprintf(p->err, p->errlen, "line %u: ", line);
	if (n < 0 || (size_t)n >= p->errlen)
		return -EINVAL;
	va_start(ap, fmt);
	vsnprintf(p->err + n, p->errlen - n, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static bool is_hex(char c)
{
	return isxdigit((unsigned char)c);
}

static unsigned int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	return (tolower((unsigned char)c) - 'a') + 10;
}

/* Number of leading hex digits of @l from @pos, at most @max. */
static size_t hex_run(const struct dump_line *l, size_t pos, size_t max)
{
	size_t n = 0;

	while (pos + n < l->len && n < max && is_hex(l->s[pos + n]))
		n++;
	return n;
}

static bool at_end_or_space(const struct dump_line *l, size_t pos)
{
	return pos >= l->len || l->s[pos] == ' ' || l->s[pos] == '\t';
}

/*
 * Length of the device address at the start of @l ("bb:dd.f" or
 * "dddd:bb:dd.f" with a domain of 4 to 8 digits), or 0 if there is none.
 */
static size_t device_address_len(const struct dump_line *l)
{
	size_t pos = 0, n;

	n = hex_run(l, 0, 9);
	if (n >= 4 && n <= 8 && n < l->len && l->s[n] == ':')
		pos = n + 1;
	if (hex_run(l, pos, 3) != 2 || pos + 2 >= l->len || l->s[pos + 2] != ':')
		return 0;
	pos += 3;
	if (hex_run(l, pos, 3) != 2 || pos + 2 >= l->len || l->s[pos + 2] != '.')
		return 0;
	pos += 3;
	if (pos >= l->len || l->s[pos] < '0' || l->s[pos] > '7')
		return 0;
	pos++;
	return at_end_or_space(l, pos) ? pos : 0;
}

/* Offset of a hex line ("NN: " or "NNN: "), or -1 if @l is not one. */
static long hex_line_offset(const struct dump_line *l)
{
	size_t n = hex_run(l, 0, 4);
	long offset = 0;
	size_t i;

	if (n < 2 || n > 3 || n + 1 >= l->len || l->s[n] != ':' ||
	    l->s[n + 1] != ' ')
		return -1;
	for (i = 0; i < n; i++)
		offset = offset * 16 + hex_value(l->s[i]);
	return offset;
}

static void copy_span(char *dst, size_t dstlen, const char *src, size_t len)
{
	if (len >= dstlen)
		len = dstlen - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* Index of @needle in @l from @pos, or -1. */
static long find_text(const struct dump_line *l, size_t pos, const char *needle)
{
	size_t nlen = strlen(needle);

	for (; pos + nlen <= l->len; pos++)
		if (!memcmp(l->s + pos, needle, nlen))
			return pos;
	return -1;
}

static bool starts_with(const struct dump_line *l, size_t pos, const char *text)
{
	size_t n = strlen(text);

	return pos + n <= l->len && !memcmp(l->s + pos, text, n);
}

/* Parse "[size=N<unit>]" from @pos on; 0 when absent or malformed. */
static u64 parse_size(const struct dump_line *l, size_t pos)
{
	static const char units[] = "KMGT";
	long at = find_text(l, pos, "[size=");
	unsigned int shift = 0, digits = 0;
	u64 value = 0;
	const char *unit;

	if (at < 0)
		return 0;
	pos = at + 6;
	while (pos < l->len && isdigit((unsigned char)l->s[pos])) {
		if (++digits > 12)
			return 0;
		value = value * 10 + (l->s[pos++] - '0');
	}
	if (!digits || pos >= l->len)
		return 0;
	if (l->s[pos] != ']') {
		unit = l->s[pos] ? strchr(units, l->s[pos]) : NULL;
		if (!unit)
			return 0;
		shift = 10 * (unit - units + 1);
		pos++;
	}
	if (pos >= l->len || l->s[pos] != ']')
		return 0;
	if (value > (~0ULL >> shift))
		return 0;
	return value << shift;
}

/* Visual column of the first non-blank character, tabs every 8 columns. */
static size_t indent_of(const struct dump_line *l, size_t *pos)
{
	size_t col = 0, i = 0;

	while (i < l->len && (l->s[i] == ' ' || l->s[i] == '\t')) {
		col = l->s[i] == '\t' ? (col + 8) & ~7UL : col + 1;
		i++;
	}
	*pos = i;
	return col;
}

static void skip_virtual(const struct dump_line *l, size_t *pos)
{
	if (starts_with(l, *pos, "[virtual] "))
		*pos += 10;
}

static void record_region(struct vconfig_dump_device *dev, unsigned int index,
			  const struct dump_line *l, size_t pos)
{
	struct vconfig_region_desc *r = &dev->region[index];
	long at;

	r->flags = 0;
	if (find_text(l, pos, "I/O ports") >= 0)
		r->flags |= VCONFIG_REGION_IO;
	if (find_text(l, pos, "64-bit") >= 0)
		r->flags |= VCONFIG_REGION_MEM64;
	at = find_text(l, pos, "prefetchable");
	if (at >= 0 && (at < 4 || memcmp(l->s + at - 4, "non-", 4)))
		r->flags |= VCONFIG_REGION_PREFETCH;
	r->size = parse_size(l, pos);
	dev->region_known[index] = r->size != 0;
}

/* Decoded text of the header: pick up "Region N:" and "Expansion ROM" lines. */
static void parse_decoded(struct vconfig_dump_device *dev,
			  const struct dump_line *l)
{
	size_t pos, col = indent_of(l, &pos);

	if (col == 0 || col > DUMP_TOP_INDENT)
		return;
	skip_virtual(l, &pos);
	if (starts_with(l, pos, "Expansion ROM at ")) {
		record_region(dev, VCONFIG_ROM_BAR, l, pos);
		return;
	}
	if (!starts_with(l, pos, "Region ") || pos + 9 > l->len ||
	    l->s[pos + 7] < '0' || l->s[pos + 7] > '5' || l->s[pos + 8] != ':')
		return;
	record_region(dev, l->s[pos + 7] - '0', l, pos + 9);
}

static int finish_device(struct dump_parser *p, unsigned int line)
{
	struct vconfig_dump_device *dev = p->dev;

	if (!dev)
		return 0;
	p->dev = NULL;
	if (!dev->cfg_size)
		return dump_error(p, line,
				  "device %s (line %u) has no hex lines",
				  dev->address, p->dev_line);
	if (dev->cfg_size != 64 && dev->cfg_size != VCONFIG_CFG_SIZE_PCI &&
	    dev->cfg_size != VCONFIG_CFG_SIZE_PCIE)
		return dump_error(p, line,
				  "device %s ends after 0x%x bytes, expected 64, 256 or 4096",
				  dev->address, dev->cfg_size);
	return 0;
}

static int start_device(struct dump_parser *p, const struct dump_line *l,
			size_t addr_len)
{
	struct vconfig_dump *out = p->out;
	struct vconfig_dump_device *dev;
	size_t pos = addr_len, end = l->len;
	int ret = finish_device(p, l->number);

	if (ret)
		return ret;
	if (out->nr_dev == p->nr_alloc) {
		unsigned int n = p->nr_alloc ? p->nr_alloc * 2 : 4;

		dev = realloc(out->dev, n * sizeof(*dev));
		if (!dev)
			return -ENOMEM;
		out->dev = dev;
		p->nr_alloc = n;
	}
	dev = &out->dev[out->nr_dev++];
	memset(dev, 0, sizeof(*dev));
	copy_span(dev->address, sizeof(dev->address), l->s, addr_len);
	while (pos < end && (l->s[pos] == ' ' || l->s[pos] == '\t'))
		pos++;
	while (end > pos && (l->s[end - 1] == ' ' || l->s[end - 1] == '\t'))
		end--;
	copy_span(dev->description, sizeof(dev->description), l->s + pos,
		  end - pos);
	p->dev = dev;
	p->dev_line = l->number;
	return 0;
}

static int parse_hex_line(struct dump_parser *p, const struct dump_line *l,
			  long offset)
{
	struct vconfig_dump_device *dev = p->dev;
	size_t pos = offset >= 0x100 ? 4 : 3;
	unsigned int count = 0;

	if (!dev)
		return dump_error(p, l->number, "hex bytes before any device line");
	if (offset >= VCONFIG_CFG_SIZE_PCIE)
		return dump_error(p, l->number, "offset 0x%lx out of range",
				  offset);
	if ((unsigned long)offset != dev->cfg_size)
		return dump_error(p, l->number,
				  "offset 0x%lx out of order, expected 0x%x",
				  offset, dev->cfg_size);
	while (pos < l->len && count < DUMP_BYTES_PER_LINE) {
		if (l->s[pos] != ' ')
			break;
		pos++;
		if (pos + 2 > l->len || !is_hex(l->s[pos]) ||
		    !is_hex(l->s[pos + 1]) || !at_end_or_space(l, pos + 2))
			return dump_error(p, l->number,
					  "invalid hex byte at column %zu",
					  pos + 1);
		dev->config[offset + count++] =
			hex_value(l->s[pos]) << 4 | hex_value(l->s[pos + 1]);
		pos += 2;
	}
	while (pos < l->len && (l->s[pos] == ' ' || l->s[pos] == '\t'))
		pos++;
	if (pos < l->len)
		return dump_error(p, l->number,
				  "unexpected text at column %zu of a hex line",
				  pos + 1);
	if (count != DUMP_BYTES_PER_LINE)
		return dump_error(p, l->number,
				  "%u bytes on a hex line, expected %u", count,
				  DUMP_BYTES_PER_LINE);
	dev->cfg_size += DUMP_BYTES_PER_LINE;
	return 0;
}

static int parse_line(struct dump_parser *p, const struct dump_line *l)
{
	size_t addr_len;
	long offset;

	if (!l->len)
		return finish_device(p, l->number);
	addr_len = device_address_len(l);
	if (addr_len)
		return start_device(p, l, addr_len);
	offset = hex_line_offset(l);
	if (offset >= 0)
		return parse_hex_line(p, l, offset);
	if (l->s[0] == ' ' || l->s[0] == '\t') {
		/* Decoded text after the hex lines is not lspci's layout. */
		if (p->dev && !p->dev->cfg_size)
			parse_decoded(p->dev, l);
		return 0;
	}
	return dump_error(p, l->number,
			  "not a device line, hex line or indented text");
}

/**
 * vconfig_dump_parse() - parse the text of an lspci dump
 * @text: the text, not necessarily NUL-terminated
 * @len: its length in bytes
 * @out: receives the devices; free with vconfig_dump_free()
 * @err: receives one line describing an error, with its line number
 * @errlen: size of @err
 *
 * Return: 0, -EINVAL for malformed text (@out is then empty) or -ENOMEM.
 */
int vconfig_dump_parse(const char *text, size_t len, struct vconfig_dump *out,
		       char *err, size_t errlen)
{
	struct dump_parser p = { .out = out, .err = err, .errlen = errlen };
	struct dump_line l = { .number = 0 };
	size_t pos = 0;
	int ret = 0;

	if (err && errlen)
		err[0] = '\0';
	if (!out)
		return -EINVAL;
	out->dev = NULL;
	out->nr_dev = 0;
	if (!text && len)
		return dump_error(&p, 0, "no text");
	while (pos < len && !ret) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;

		l.s = text + pos;
		l.len = end - pos;
		l.number++;
		if (l.len && l.s[l.len - 1] == '\r')
			l.len--;
		ret = parse_line(&p, &l);
		pos = end + 1;
	}
	if (!ret)
		ret = finish_device(&p, l.number);
	if (!ret && !out->nr_dev)
		ret = dump_error(&p, l.number,
				 "no device line found, not an lspci dump");
	if (ret)
		vconfig_dump_free(out);
	return ret;
}

/**
 * vconfig_dump_load() - read and parse an lspci dump file
 * @path: the file
 * @out: receives the devices; free with vconfig_dump_free()
 * @err: receives one line "PATH: ..." describing an error
 * @errlen: size of @err
 *
 * Return: 0 or a negative errno (-ENOENT, -EACCES, -EFBIG, -EINVAL ...).
 */
int vconfig_dump_load(const char *path, struct vconfig_dump *out, char *err,
		      size_t errlen)
{
	char *buf = NULL, *line_err = NULL;
	size_t len = 0, cap = 0, n;
	FILE *f;
	int ret;

	if (out) {
		out->dev = NULL;
		out->nr_dev = 0;
	}
	if (!path || !out)
		return -EINVAL;
	f = fopen(path, "rb");
	if (!f) {
		ret = -errno;
		if (err && errlen)
			snprintf(err, errlen, "%s: %s", path, strerror(-ret));
		return ret;
	}
	do {
		if (len == cap) {
			char *grown;

			cap = cap ? cap * 2 : 65536;
			grown = cap <= DUMP_MAX_FILE_SIZE ? realloc(buf, cap) : NULL;
			if (!grown) {
				ret = cap > DUMP_MAX_FILE_SIZE ? -EFBIG : -ENOMEM;
				if (err && errlen)
					snprintf(err, errlen, "%s: %s", path,
						 strerror(-ret));
				goto out;
			}
			buf = grown;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n);
	if (ferror(f)) {
		ret = -EIO;
		if (err && errlen)
			snprintf(err, errlen, "%s: read error", path);
		goto out;
	}
	line_err = err && errlen ? malloc(errlen) : NULL;
	ret = vconfig_dump_parse(buf, len, out, line_err, line_err ? errlen : 0);
	if (ret && line_err)
		snprintf(err, errlen, "%s: %s", path, line_err);
out:
	free(line_err);
	free(buf);
	fclose(f);
	return ret;
}

/**
 * vconfig_dump_free() - release the devices of a parsed dump
 * @dump: the dump; left empty
 */
void vconfig_dump_free(struct vconfig_dump *dump)
{
	if (!dump)
		return;
	free(dump->dev);
	dump->dev = NULL;
	dump->nr_dev = 0;
}

static bool address_equal(const char *dump_addr, const char *addr)
{
	static const char domain0[] = "0000:";
	size_t dlen = sizeof(domain0) - 1;

	if (!strcmp(dump_addr, addr))
		return true;
	if (!strncmp(addr, domain0, dlen) && !strcmp(dump_addr, addr + dlen))
		return true;
	return !strncmp(dump_addr, domain0, dlen) &&
	       !strcmp(dump_addr + dlen, addr);
}

/**
 * vconfig_dump_find() - look a device up by address
 * @dump: a parsed dump
 * @address: the address as the file writes it, with or without a "0000:"
 *	domain; NULL for the first device
 *
 * Return: the device, or NULL when there is none.
 */
const struct vconfig_dump_device *
vconfig_dump_find(const struct vconfig_dump *dump, const char *address)
{
	unsigned int i;

	if (!dump || !dump->nr_dev)
		return NULL;
	if (!address)
		return &dump->dev[0];
	for (i = 0; i < dump->nr_dev; i++)
		if (address_equal(dump->dev[i].address, address))
			return &dump->dev[i];
	return NULL;
}

/**
 * vconfig_dump_write() - write configuration space as an lspci dump
 * @out: the stream
 * @address: device address, "bb:dd.f" or "dddd:bb:dd.f"
 * @description: rest of the device line; may be NULL
 * @config: the bytes
 * @size: number of bytes, a multiple of 16 (64, 256 or 4096)
 *
 * `lspci -F FILE` expects a space after the address, so the device line
 * always has one.
 */
void vconfig_dump_write(FILE *out, const char *address, const char *description,
			const u8 *config, unsigned int size)
{
	unsigned int i;

	fprintf(out, "%s %s\n", address, description ? description : "");
	for (i = 0; i < size; i++) {
		if (i % DUMP_BYTES_PER_LINE == 0)
			fprintf(out, "%02x:", i);
		fprintf(out, " %02x", config[i]);
		if (i % DUMP_BYTES_PER_LINE == DUMP_BYTES_PER_LINE - 1 ||
		    i == size - 1)
			fputc('\n', out);
	}
	fputc('\n', out);
}
