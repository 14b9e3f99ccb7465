// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-irq-test: VFIO_DEVICE_SET_IRQS through two drivers, compared.
 *
 *   vfio-irq-test [-d DOC] KIND BDF-A DRIVER-A BDF-B DRIVER-B
 *
 * Both functions are the same device model (edu, e1000e or nvme), one
 * bound to vfio-pci and one to vfio-vconfig. Part one is a matrix: every
 * irq index (and two invalid ones) x action x data type x start/count
 * shape, plus malformed headers, issued from the same interrupt state on
 * both functions. The return value, errno and whether the state's own
 * eventfd fired must be equal. Part two checks delivery on each function:
 * INTx with an unmask eventfd and with DATA_BOOL mask/unmask (edu), MSI and
 * MSI-X loopback, ERR and REQ loopback. Last, a vector added to an enabled
 * MSI-X block: dynamic MSI-X where the irq info lacks NORESIZE (6.5+),
 * refused where it has it; both drivers must agree.
 *
 * A difference listed in departures[] is reported as a PASS naming the
 * departure, and only when DOC (the installed Documentation/vfio.md)
 * explains it under that name.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <linux/pci_regs.h>
#include <linux/vfio.h>

#include "report.h"
#include "vfio-dev.h"

#define IRQ_TIMEOUT_MS	2000
#define NO_IRQ_WAIT_MS	100
/* MSI-X vectors given distinct eventfds in the loopback check */
#define LOOPBACK_VECTORS 8
/* the largest count a matrix call carries data for */
#define MAX_DATA	 2100

static const char *kind;

struct side {
	struct vfio_dev dev;
	const char *driver;
	uint32_t count[VFIO_PCI_NUM_IRQS];	/* GET_IRQ_INFO counts */
	uint16_t command;			/* Command at open */
	int base_efd;	/* the eventfd the interrupt state arms */
	int call_efd;	/* the eventfd matrix calls pass */
};

/* ---- small helpers ---- */

static const char *index_name(uint32_t index)
{
	static const char *const names[] = { "INTx", "MSI", "MSI-X", "ERR", "REQ" };
	static char buf[16];

	if (index < VFIO_PCI_NUM_IRQS)
		return names[index];
	snprintf(buf, sizeof(buf), "index%u", index);
	return buf;
}

static void flags_name(uint32_t flags, char *buf, size_t len)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} bits[] = {
		{ VFIO_IRQ_SET_DATA_NONE, "NONE" },
		{ VFIO_IRQ_SET_DATA_BOOL, "BOOL" },
		{ VFIO_IRQ_SET_DATA_EVENTFD, "EVENTFD" },
		{ VFIO_IRQ_SET_ACTION_MASK, "MASK" },
		{ VFIO_IRQ_SET_ACTION_UNMASK, "UNMASK" },
		{ VFIO_IRQ_SET_ACTION_TRIGGER, "TRIGGER" },
	};
	size_t n = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
		if (!(flags & bits[i].bit))
			continue;
		n += snprintf(buf + n, len - n, "%s%s", n ? "|" : "", bits[i].name);
		flags &= ~bits[i].bit;
	}
	if (flags)
		snprintf(buf + n, len - n, "%s0x%x", n ? "|" : "", flags);
	else if (!n)
		snprintf(buf, len, "0");
}

/* Drain an eventfd; returns the count it held. */
static uint64_t drain(int efd)
{
	uint64_t count = 0;

	if (read(efd, &count, sizeof(count)) != sizeof(count))
		return 0;
	return count;
}

/* Wait for an eventfd to fire; returns the count read, 0 on timeout. */
static uint64_t wait_event(int efd, int timeout_ms)
{
	struct pollfd pfd = { .fd = efd, .events = POLLIN };

	if (poll(&pfd, 1, timeout_ms) != 1)
		return 0;
	return drain(efd);
}

/* SET_IRQS with one int32 or u8 element, or none; -errno or 0. */
static int set_irqs(const struct side *s, uint32_t flags, uint32_t index,
		    uint32_t start, uint32_t count, const void *data, size_t len)
{
	char buf[sizeof(struct vfio_irq_set) + LOOPBACK_VECTORS * sizeof(int32_t)];
	struct vfio_irq_set *set = (struct vfio_irq_set *)buf;

	if (len > LOOPBACK_VECTORS * sizeof(int32_t))
		return -E2BIG;
	set->argsz = sizeof(*set) + len;
	set->flags = flags;
	set->index = index;
	set->start = start;
	set->count = count;
	if (len)
		memcpy(set->data, data, len);
	return ioctl(s->dev.fd, VFIO_DEVICE_SET_IRQS, set) ? -errno : 0;
}

static int set_fd(const struct side *s, uint32_t action, uint32_t index,
		  int32_t fd)
{
	return set_irqs(s, VFIO_IRQ_SET_DATA_EVENTFD | action, index, 0, 1,
			&fd, sizeof(fd));
}

static int set_bool(const struct side *s, uint32_t action, uint32_t index,
		    uint32_t start, uint32_t count, const uint8_t *bools)
{
	return set_irqs(s, VFIO_IRQ_SET_DATA_BOOL | action, index, start, count,
			bools, count);
}

static int set_none(const struct side *s, uint32_t action, uint32_t index,
		    uint32_t start, uint32_t count)
{
	return set_irqs(s, VFIO_IRQ_SET_DATA_NONE | action, index, start, count,
			NULL, 0);
}

static int cfg_write_command(const struct side *s, uint16_t cmd)
{
	return vfio_dev_cfg_write(&s->dev, PCI_COMMAND, &cmd, sizeof(cmd));
}

/* ---- interrupt states the matrix starts from ---- */

enum irq_state {
	STATE_NONE,		/* nothing set up */
	STATE_INTX,		/* INTx trigger armed */
	STATE_INTX_DISABLED,	/* ... and Command.INTx-disable set */
	STATE_MSI,		/* MSI vector 0 armed */
	STATE_MSIX,		/* MSI-X vector 0 armed */
	STATE_ERR_REQ,		/* ERR and REQ triggers armed */
	NR_STATES,
};

static const char *const state_names[NR_STATES] = {
	"none", "intx", "intx-disabled", "msi", "msix", "err-req",
};

/* Tear every interrupt down; errors are expected for what is not set. */
static void reset_irqs(const struct side *s)
{
	set_fd(s, VFIO_IRQ_SET_ACTION_UNMASK, VFIO_PCI_INTX_IRQ_INDEX, -1);
	set_none(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_INTX_IRQ_INDEX, 0, 0);
	set_none(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 0, 0);
	set_none(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSIX_IRQ_INDEX, 0, 0);
	set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_ERR_IRQ_INDEX, -1);
	set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_REQ_IRQ_INDEX, -1);
	cfg_write_command(s, s->command);
	drain(s->base_efd);
	drain(s->call_efd);
}

/* Enter @state; returns 0 or -errno of the step that failed. */
static int enter_state(const struct side *s, enum irq_state state)
{
	int ret = 0;

	switch (state) {
	case STATE_NONE:
		break;
	case STATE_INTX:
	case STATE_INTX_DISABLED:
		ret = set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER,
			     VFIO_PCI_INTX_IRQ_INDEX, s->base_efd);
		if (!ret && state == STATE_INTX_DISABLED &&
		    cfg_write_command(s, s->command | PCI_COMMAND_INTX_DISABLE))
			ret = -errno;
		break;
	case STATE_MSI:
		ret = set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER,
			     VFIO_PCI_MSI_IRQ_INDEX, s->base_efd);
		break;
	case STATE_MSIX:
		ret = set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER,
			     VFIO_PCI_MSIX_IRQ_INDEX, s->base_efd);
		break;
	case STATE_ERR_REQ:
		ret = set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER,
			     VFIO_PCI_REQ_IRQ_INDEX, s->base_efd);
		/* ERR exists on PCIe functions only */
		if (!ret && s->count[VFIO_PCI_ERR_IRQ_INDEX])
			ret = set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER,
				     VFIO_PCI_ERR_IRQ_INDEX, s->base_efd);
		break;
	case NR_STATES:
		break;
	}
	drain(s->base_efd);
	return ret;
}

/* ---- the matrix ---- */

/* What one call is: the header fields and what its data elements hold. */
struct irq_call {
	uint32_t flags;
	uint32_t index;
	uint32_t start;
	uint32_t count;
	int argsz_delta;	/* added to the exact argsz */
	const char *data;	/* data variant: see fill_data() */
	const char *shape;
};

/* What the call did: return value, errno and the state eventfd's count. */
struct irq_result {
	int ret;
	int err;
	uint64_t fired;
};

/* Data element size of a data type, as vfio_set_irqs_validate_and_prepare. */
static size_t data_size(uint32_t flags)
{
	switch (flags & VFIO_IRQ_SET_DATA_TYPE_MASK) {
	case VFIO_IRQ_SET_DATA_BOOL:
		return 1;
	case VFIO_IRQ_SET_DATA_EVENTFD:
		return 4;
	}
	return 0;
}

/*
 * Data variants: "efd" the side's call eventfd, "-1" and "-2" negative
 * fds, "badfd" a closed descriptor, "notefd" a descriptor that is not an
 * eventfd, "1"/"0" booleans.
 */
static void fill_data(const struct side *s, const struct irq_call *c,
		      uint8_t *data, size_t elems, int notefd)
{
	size_t i;

	for (i = 0; i < elems; i++) {
		int32_t fd = -1;

		if (data_size(c->flags) == 1 || !(c->flags & VFIO_IRQ_SET_DATA_EVENTFD)) {
			data[i] = !strcmp(c->data, "1");
			continue;
		}
		if (!strcmp(c->data, "efd"))
			fd = s->call_efd;
		else if (!strcmp(c->data, "-2"))
			fd = -2;
		else if (!strcmp(c->data, "badfd"))
			fd = 1000;
		else if (!strcmp(c->data, "notefd"))
			fd = notefd;
		memcpy(data + 4 * i, &fd, 4);
	}
}

static struct irq_result run_call(const struct side *s, enum irq_state state,
				  const struct irq_call *c, int notefd)
{
	static uint8_t buf[sizeof(struct vfio_irq_set) + 4 * MAX_DATA];
	struct vfio_irq_set *set = (struct vfio_irq_set *)buf;
	struct irq_result r = { 0, 0, 0 };
	size_t size = data_size(c->flags);
	size_t elems = c->count < MAX_DATA ? c->count : MAX_DATA;
	long argsz;

	/* BOOL|EVENTFD and friends: give room for the larger element */
	if ((c->flags & VFIO_IRQ_SET_DATA_TYPE_MASK) & VFIO_IRQ_SET_DATA_EVENTFD)
		size = 4;
	else if ((c->flags & VFIO_IRQ_SET_DATA_TYPE_MASK) & VFIO_IRQ_SET_DATA_BOOL)
		size = 1;

	r.ret = enter_state(s, state);
	if (r.ret) {
		/* the state itself failed: report it as the result */
		r.err = -r.ret;
		r.ret = -2;
		reset_irqs(s);
		return r;
	}
	memset(buf, 0, sizeof(buf));
	argsz = (long)sizeof(*set) + (long)(elems * size) + c->argsz_delta;
	set->argsz = argsz < 0 ? 0 : (uint32_t)argsz;
	set->flags = c->flags;
	set->index = c->index;
	set->start = c->start;
	set->count = c->count;
	fill_data(s, c, set->data, elems, notefd);
	r.ret = ioctl(s->dev.fd, VFIO_DEVICE_SET_IRQS, set);
	r.err = r.ret < 0 ? errno : 0;
	r.fired = drain(s->base_efd);
	reset_irqs(s);
	return r;
}

static void describe_call(const struct irq_call *c, enum irq_state state,
			  char *buf, size_t len)
{
	char flags[96];

	flags_name(c->flags, flags, sizeof(flags));
	snprintf(buf, len,
		 "state=%s index=%s flags=%s start=%u count=%u data=%s argsz%+d (%s)",
		 state_names[state], index_name(c->index), flags, c->start,
		 c->count, c->data, c->argsz_delta, c->shape);
}

static void format_result(const struct irq_result *r, char *buf, size_t len)
{
	if (r->ret == -2)
		snprintf(buf, len, "state setup failed: %s", strerror(r->err));
	else if (r->ret < 0)
		snprintf(buf, len, "-%s%s", strerrorname_np(r->err) ?: "?",
			 r->fired ? " +fired" : "");
	else
		snprintf(buf, len, "%d%s", r->ret, r->fired ? " +fired" : "");
}

/*
 * Deliberate departures of vfio-vconfig from vfio-pci in SET_IRQS, each
 * explained in Documentation/vfio.md under its name. Empty: in the default
 * mode SET_IRQS is meant to behave exactly as vfio-pci's.
 */
struct departure {
	const char *name;
	bool (*applies)(const struct irq_call *c, enum irq_state state);
};

static const struct departure departures[] = {
	{ NULL, NULL },
};

static const char *doc_path;

static bool doc_names(const char *name)
{
	char line[512];
	bool found = false;
	FILE *f;

	if (!doc_path)
		return false;
	f = fopen(doc_path, "r");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		found = strstr(line, name) != NULL;
	fclose(f);
	return found;
}

static const struct departure *find_departure(const struct irq_call *c,
					      enum irq_state state)
{
	const struct departure *d;

	for (d = departures; d->name; d++)
		if (d->applies(c, state))
			return d;
	return NULL;
}

struct matrix_stats {
	unsigned int calls;
	unsigned int mismatches;
	unsigned int departures;
};

static void compare_call(struct side *a, struct side *b, enum irq_state state,
			 const struct irq_call *c, int notefd,
			 struct matrix_stats *st)
{
	struct irq_result ra = run_call(a, state, c, notefd);
	struct irq_result rb = run_call(b, state, c, notefd);
	const struct departure *d;
	char call[256], sa[96], sb[96];

	st->calls++;
	if (ra.ret == rb.ret && ra.err == rb.err && !ra.fired == !rb.fired)
		return;
	describe_call(c, state, call, sizeof(call));
	format_result(&ra, sa, sizeof(sa));
	format_result(&rb, sb, sizeof(sb));
	d = find_departure(c, state);
	if (d && doc_names(d->name)) {
		st->departures++;
		pass_line("irq-matrix:%s:departure:%s: SET_IRQS %s: %s -> %s, %s -> %s",
			  kind, d->name, call, a->driver, sa, b->driver, sb);
		return;
	}
	st->mismatches++;
	fail_line("irq-matrix:%s: SET_IRQS %s: %s -> %s, %s -> %s%s%s", kind, call,
		  a->driver, sa, b->driver, sb, d ? "; departure undocumented: " : "",
		  d ? d->name : "");
}

static const uint32_t actions[] = {
	VFIO_IRQ_SET_ACTION_MASK, VFIO_IRQ_SET_ACTION_UNMASK,
	VFIO_IRQ_SET_ACTION_TRIGGER,
};

static const uint32_t data_types[] = {
	VFIO_IRQ_SET_DATA_NONE, VFIO_IRQ_SET_DATA_BOOL, VFIO_IRQ_SET_DATA_EVENTFD,
};

/* The start/count shapes of an index of @n interrupts. */
struct shape {
	const char *name;
	uint32_t start;
	uint32_t count;
	int argsz_delta;
};

static unsigned int make_shapes(uint32_t n, struct shape *sh)
{
	unsigned int i = 0;

	sh[i++] = (struct shape){ "first", 0, 1, 0 };
	sh[i++] = (struct shape){ "count-0", 0, 0, 0 };
	sh[i++] = (struct shape){ "all", 0, n, 0 };
	sh[i++] = (struct shape){ "count-past-end", 0, n + 1, 0 };
	sh[i++] = (struct shape){ "start-at-end", n, 1, 0 };
	sh[i++] = (struct shape){ "start-past-end", n + 1, 0, 0 };
	sh[i++] = (struct shape){ "second", 1, 1, 0 };
	sh[i++] = (struct shape){ "second-to-past-end", 1, n, 0 };
	sh[i++] = (struct shape){ "count-wraps", 1, UINT32_MAX, 0 };
	sh[i++] = (struct shape){ "argsz-short-by-1", 0, 1, -1 };
	sh[i++] = (struct shape){ "argsz-below-header", 0, 0, -13 };
	sh[i++] = (struct shape){ "argsz-long", 0, 1, 64 };
	return i;
}

static const char *const eventfd_variants[] = { "efd", "-1", "-2", "badfd", "notefd" };
static const char *const bool_variants[] = { "1", "0" };

static void run_matrix(struct side *a, struct side *b)
{
	static const uint32_t indexes[] = {
		VFIO_PCI_INTX_IRQ_INDEX, VFIO_PCI_MSI_IRQ_INDEX,
		VFIO_PCI_MSIX_IRQ_INDEX, VFIO_PCI_ERR_IRQ_INDEX,
		VFIO_PCI_REQ_IRQ_INDEX, VFIO_PCI_NUM_IRQS, UINT32_MAX,
	};
	/* malformed flag words, tried with the "first" shape */
	static const struct {
		uint32_t flags;
		const char *name;
	} odd_flags[] = {
		{ VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_DATA_BOOL |
		  VFIO_IRQ_SET_ACTION_TRIGGER, "two-data-types" },
		{ VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_DATA_EVENTFD |
		  VFIO_IRQ_SET_ACTION_TRIGGER, "two-data-types" },
		{ VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_DATA_EVENTFD |
		  VFIO_IRQ_SET_ACTION_UNMASK, "two-data-types" },
		{ VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_MASK |
		  VFIO_IRQ_SET_ACTION_UNMASK, "two-actions" },
		{ VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER |
		  VFIO_IRQ_SET_ACTION_MASK, "two-actions" },
		{ VFIO_IRQ_SET_DATA_NONE, "no-action" },
		{ VFIO_IRQ_SET_ACTION_TRIGGER, "no-data-type" },
		{ VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER | 0x40,
		  "unknown-flag" },
		{ VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER | 0x80000000u,
		  "unknown-flag" },
	};
	int notefd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	unsigned int st_i, ix, ac, dt, sh_i, v, o;

	for (st_i = 0; st_i < NR_STATES; st_i++) {
		enum irq_state state = st_i;

		for (ix = 0; ix < sizeof(indexes) / sizeof(indexes[0]); ix++) {
			uint32_t index = indexes[ix];
			uint32_t n = index < VFIO_PCI_NUM_IRQS ? a->count[index] : 1;
			struct matrix_stats st = { 0, 0, 0 };
			struct shape shapes[16];
			unsigned int nr_shapes = make_shapes(n, shapes);

			for (ac = 0; ac < 3; ac++) {
				for (dt = 0; dt < 3; dt++) {
					uint32_t flags = actions[ac] | data_types[dt];
					const char *const *vars = NULL;
					unsigned int nr_vars = 1;

					if (data_types[dt] == VFIO_IRQ_SET_DATA_BOOL) {
						vars = bool_variants;
						nr_vars = 2;
					} else if (data_types[dt] == VFIO_IRQ_SET_DATA_EVENTFD) {
						vars = eventfd_variants;
						nr_vars = 5;
					}
					for (sh_i = 0; sh_i < nr_shapes; sh_i++) {
						/* every data variant with the plain shapes */
						unsigned int nv = sh_i < 3 ? nr_vars : 1;

						for (v = 0; v < nv; v++) {
							struct irq_call c = {
								.flags = flags,
								.index = index,
								.start = shapes[sh_i].start,
								.count = shapes[sh_i].count,
								.argsz_delta = shapes[sh_i].argsz_delta,
								.data = vars ? vars[v] : "none",
								.shape = shapes[sh_i].name,
							};

							compare_call(a, b, state, &c, notefd, &st);
						}
					}
				}
			}
			for (o = 0; o < sizeof(odd_flags) / sizeof(odd_flags[0]); o++) {
				struct irq_call c = {
					.flags = odd_flags[o].flags,
					.index = index,
					.start = 0,
					.count = 1,
					.data = "efd",
					.shape = odd_flags[o].name,
				};

				compare_call(a, b, state, &c, notefd, &st);
			}
			if (!st.mismatches)
				pass_line("irq-matrix:%s:%s:%s: %u calls equal%s", kind,
					  state_names[state], index_name(index),
					  st.calls - st.departures,
					  st.departures ? " (plus documented departures)" : "");
		}
	}
	if (notefd >= 0)
		close(notefd);
}

/* GET_IRQ_INFO of every index, and the first invalid one, must be equal. */
static void compare_irq_info(struct side *a, struct side *b)
{
	uint32_t index;

	for (index = 0; index <= VFIO_PCI_NUM_IRQS; index++) {
		struct vfio_irq_info ia = { .argsz = sizeof(ia), .index = index };
		struct vfio_irq_info ib = { .argsz = sizeof(ib), .index = index };
		int ra = ioctl(a->dev.fd, VFIO_DEVICE_GET_IRQ_INFO, &ia) ? errno : 0;
		int rb = ioctl(b->dev.fd, VFIO_DEVICE_GET_IRQ_INFO, &ib) ? errno : 0;

		if (index < VFIO_PCI_NUM_IRQS) {
			a->count[index] = ra ? 0 : ia.count;
			b->count[index] = rb ? 0 : ib.count;
		}
		if (ra != rb || (!ra && (ia.flags != ib.flags || ia.count != ib.count)))
			fail_line("irq-info:%s:%s: %s -> %d flags 0x%x count %u, %s -> %d flags 0x%x count %u",
				  kind, index_name(index), a->driver, ra, ia.flags,
				  ia.count, b->driver, rb, ib.flags, ib.count);
		else
			pass_line("irq-info:%s:%s: equal (%s, count %u)", kind,
				  index_name(index), ra ? strerrorname_np(ra) : "ok",
				  ra ? 0 : ia.count);
	}
}

/* ---- functional checks, per function ---- */

static int edu_raise(const struct side *s, uint32_t bits)
{
	return vfio_dev_bar_write32(&s->dev, 0, 0x60, bits);
}

static void edu_ack(const struct side *s)
{
	uint32_t status = 0;

	vfio_dev_bar_read32(&s->dev, 0, 0x24, &status);
	vfio_dev_bar_write32(&s->dev, 0, 0x64, status);
}

#define NOTE(...)							\
	do {								\
		if (!reason[0])						\
			snprintf(reason, sizeof(reason), __VA_ARGS__);	\
	} while (0)

static void side_verdict(const struct side *s, const char *what, const char *reason)
{
	if (reason[0])
		fail_line("irq:%s:%s:%s: %s", s->driver, kind, what, reason);
	else
		pass_line("irq:%s:%s:%s", s->driver, kind, what);
}

/*
 * INTx with an unmask eventfd: the interrupt masks itself, a write to the
 * unmask eventfd unmasks it and the next interrupt arrives.
 */
static void check_intx_unmask_eventfd(const struct side *s)
{
	int trigger = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	int unmask = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	uint64_t one = 1;
	char reason[256] = "";
	int ret;

	cfg_write_command(s, s->command | PCI_COMMAND_MEMORY);
	ret = set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_INTX_IRQ_INDEX, trigger);
	if (!ret)
		ret = set_fd(s, VFIO_IRQ_SET_ACTION_UNMASK, VFIO_PCI_INTX_IRQ_INDEX, unmask);
	if (ret) {
		NOTE("SET_IRQS: %s", strerror(-ret));
		goto out;
	}
	edu_raise(s, 0x1);
	if (!wait_event(trigger, IRQ_TIMEOUT_MS))
		NOTE("first interrupt did not arrive");
	edu_ack(s);
	/* auto-masked: the next one is held back */
	edu_raise(s, 0x2);
	if (wait_event(trigger, NO_IRQ_WAIT_MS))
		NOTE("interrupt arrived while INTx was auto-masked");
	/* unmask by eventfd: the pending interrupt is delivered */
	if (write(unmask, &one, sizeof(one)) != sizeof(one))
		NOTE("write to the unmask eventfd: %s", strerror(errno));
	if (!wait_event(trigger, IRQ_TIMEOUT_MS))
		NOTE("pending interrupt not delivered after the unmask eventfd");
	edu_ack(s);
	/* and once more from an idle line: ack first, unmask, then raise */
	if (write(unmask, &one, sizeof(one)) != sizeof(one))
		NOTE("write to the unmask eventfd: %s", strerror(errno));
	usleep(20000);
	drain(trigger);
	edu_raise(s, 0x4);
	if (!wait_event(trigger, IRQ_TIMEOUT_MS))
		NOTE("interrupt after the second unmask did not arrive");
	edu_ack(s);
	/* removing the unmask eventfd: writes to it no longer unmask */
	ret = set_fd(s, VFIO_IRQ_SET_ACTION_UNMASK, VFIO_PCI_INTX_IRQ_INDEX, -1);
	if (ret)
		NOTE("clearing the unmask eventfd: %s", strerror(-ret));
	edu_raise(s, 0x8);
	if (write(unmask, &one, sizeof(one)) != sizeof(one))
		NOTE("write to the unmask eventfd: %s", strerror(errno));
	if (wait_event(trigger, NO_IRQ_WAIT_MS))
		NOTE("a cleared unmask eventfd still unmasked INTx");
	edu_ack(s);
out:
	reset_irqs(s);
	close(trigger);
	close(unmask);
	side_verdict(s, "intx-unmask-eventfd", reason);
}

/* INTx MASK/UNMASK with DATA_BOOL: 0 leaves the state, 1 acts. */
static void check_intx_mask_bool(const struct side *s)
{
	int trigger = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	const uint8_t zero = 0, one = 1;
	char reason[256] = "";
	int ret;

	cfg_write_command(s, s->command | PCI_COMMAND_MEMORY);
	ret = set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_INTX_IRQ_INDEX, trigger);
	if (ret) {
		NOTE("SET_IRQS trigger: %s", strerror(-ret));
		goto out;
	}
	/* MASK false: still delivered */
	if (set_bool(s, VFIO_IRQ_SET_ACTION_MASK, VFIO_PCI_INTX_IRQ_INDEX, 0, 1, &zero))
		NOTE("MASK BOOL 0 refused");
	edu_raise(s, 0x1);
	if (!wait_event(trigger, IRQ_TIMEOUT_MS))
		NOTE("MASK BOOL 0 masked INTx");
	edu_ack(s);
	if (set_bool(s, VFIO_IRQ_SET_ACTION_UNMASK, VFIO_PCI_INTX_IRQ_INDEX, 0, 1, &one))
		NOTE("UNMASK BOOL 1 refused");
	/* MASK true: held back until UNMASK true */
	if (set_bool(s, VFIO_IRQ_SET_ACTION_MASK, VFIO_PCI_INTX_IRQ_INDEX, 0, 1, &one))
		NOTE("MASK BOOL 1 refused");
	edu_raise(s, 0x2);
	if (wait_event(trigger, NO_IRQ_WAIT_MS))
		NOTE("interrupt delivered while masked by MASK BOOL 1");
	if (set_bool(s, VFIO_IRQ_SET_ACTION_UNMASK, VFIO_PCI_INTX_IRQ_INDEX, 0, 1, &zero))
		NOTE("UNMASK BOOL 0 refused");
	if (wait_event(trigger, NO_IRQ_WAIT_MS))
		NOTE("UNMASK BOOL 0 unmasked INTx");
	if (set_bool(s, VFIO_IRQ_SET_ACTION_UNMASK, VFIO_PCI_INTX_IRQ_INDEX, 0, 1, &one))
		NOTE("UNMASK BOOL 1 refused");
	if (!wait_event(trigger, IRQ_TIMEOUT_MS))
		NOTE("pending interrupt not delivered after UNMASK BOOL 1");
	edu_ack(s);
	/* loopback: TRIGGER BOOL fires the eventfd without the device */
	set_none(s, VFIO_IRQ_SET_ACTION_UNMASK, VFIO_PCI_INTX_IRQ_INDEX, 0, 1);
	usleep(20000);
	drain(trigger);
	if (set_bool(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_INTX_IRQ_INDEX, 0, 1, &one) ||
	    !wait_event(trigger, IRQ_TIMEOUT_MS))
		NOTE("TRIGGER BOOL 1 loopback did not fire");
	if (set_bool(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_INTX_IRQ_INDEX, 0, 1, &zero) ||
	    wait_event(trigger, NO_IRQ_WAIT_MS))
		NOTE("TRIGGER BOOL 0 fired or was refused");
	/* with the virtual INTx-disable bit set, loopback stays silent */
	cfg_write_command(s, s->command | PCI_COMMAND_MEMORY | PCI_COMMAND_INTX_DISABLE);
	if (set_none(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_INTX_IRQ_INDEX, 0, 1) ||
	    wait_event(trigger, NO_IRQ_WAIT_MS))
		NOTE("TRIGGER NONE fired (or was refused) with INTx-disable set");
out:
	reset_irqs(s);
	close(trigger);
	side_verdict(s, "intx-mask-bool", reason);
}

/* MSI: the device's own interrupt (edu), then DATA_NONE/BOOL loopback. */
static void check_msi(const struct side *s)
{
	int efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	const uint8_t zero = 0, one = 1;
	char reason[256] = "";
	int ret;

	ret = set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, efd);
	if (ret) {
		NOTE("SET_IRQS MSI: %s", strerror(-ret));
		goto out;
	}
	if (!strcmp(kind, "edu")) {
		cfg_write_command(s, s->command | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
		edu_raise(s, 0x1);
		if (!wait_event(efd, IRQ_TIMEOUT_MS))
			NOTE("edu MSI did not arrive");
		edu_ack(s);
		cfg_write_command(s, s->command);
	}
	if (set_none(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 0, 1) ||
	    wait_event(efd, IRQ_TIMEOUT_MS) != 1)
		NOTE("TRIGGER NONE loopback did not fire once");
	if (set_bool(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 0, 1, &one) ||
	    wait_event(efd, IRQ_TIMEOUT_MS) != 1)
		NOTE("TRIGGER BOOL 1 loopback did not fire once");
	if (set_bool(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 0, 1, &zero) ||
	    wait_event(efd, NO_IRQ_WAIT_MS))
		NOTE("TRIGGER BOOL 0 fired or was refused");
	/* disabled: loopback is refused and nothing fires */
	if (set_none(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 0, 0))
		NOTE("disabling MSI: %s", strerror(errno));
	if (set_none(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 0, 1) != -EINVAL ||
	    wait_event(efd, NO_IRQ_WAIT_MS))
		NOTE("loopback after disable was not refused with EINVAL");
out:
	reset_irqs(s);
	close(efd);
	side_verdict(s, "msi-loopback", reason);
}

/*
 * MSI-X: distinct eventfds on the first vectors; BOOL loopback fires
 * exactly the vectors set, NONE on one vector fires that one, a vector
 * cleared with -1 stays silent.
 */
static void check_msix(const struct side *s)
{
	uint32_t n = s->count[VFIO_PCI_MSIX_IRQ_INDEX];
	uint32_t nv = n < LOOPBACK_VECTORS ? n : LOOPBACK_VECTORS;
	int32_t fds[LOOPBACK_VECTORS] = { 0 };
	uint8_t bools[LOOPBACK_VECTORS];
	char reason[256] = "";
	int32_t off = -1;
	uint32_t i;
	int ret;

	for (i = 0; i < nv; i++)
		fds[i] = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	ret = set_irqs(s, VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
		       VFIO_PCI_MSIX_IRQ_INDEX, 0, nv, fds, nv * sizeof(fds[0]));
	if (ret) {
		NOTE("SET_IRQS MSI-X %u vectors: %s", nv, strerror(-ret));
		goto out;
	}
	for (i = 0; i < nv; i++)
		bools[i] = i % 2 == 0;
	if (set_bool(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSIX_IRQ_INDEX, 0, nv, bools))
		NOTE("TRIGGER BOOL on %u vectors refused", nv);
	usleep(20000);
	for (i = 0; i < nv; i++)
		if (!drain(fds[i]) != !bools[i])
			NOTE("BOOL loopback: vector %u %s", i,
			     bools[i] ? "did not fire" : "fired unasked");
	if (set_none(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSIX_IRQ_INDEX, 1, 1))
		NOTE("TRIGGER NONE on vector 1 refused");
	usleep(20000);
	for (i = 0; i < nv; i++)
		if (!drain(fds[i]) != (i != 1))
			NOTE("NONE loopback on vector 1: vector %u %s", i,
			     i == 1 ? "did not fire" : "fired unasked");
	if (set_irqs(s, VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
		     VFIO_PCI_MSIX_IRQ_INDEX, 0, 1, &off, sizeof(off)))
		NOTE("clearing vector 0 refused");
	if (set_none(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSIX_IRQ_INDEX, 0, nv))
		NOTE("TRIGGER NONE on all vectors refused");
	usleep(20000);
	for (i = 0; i < nv; i++)
		if (!drain(fds[i]) != (i == 0))
			NOTE("NONE loopback with vector 0 cleared: vector %u %s", i,
			     i == 0 ? "fired" : "did not fire");
out:
	reset_irqs(s);
	for (i = 0; i < nv; i++)
		close(fds[i]);
	side_verdict(s, "msix-loopback", reason);
}

/* ERR or REQ: arm, loopback by NONE and BOOL, clear, loopback refused. */
static void check_single(const struct side *s, uint32_t index, const char *what)
{
	int efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	const uint8_t zero = 0, one = 1;
	char reason[256] = "";
	int ret;

	ret = set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER, index, efd);
	if (ret) {
		NOTE("arming: %s", strerror(-ret));
		goto out;
	}
	if (set_none(s, VFIO_IRQ_SET_ACTION_TRIGGER, index, 0, 1) ||
	    wait_event(efd, IRQ_TIMEOUT_MS) != 1)
		NOTE("TRIGGER NONE loopback did not fire once");
	if (set_bool(s, VFIO_IRQ_SET_ACTION_TRIGGER, index, 0, 1, &one) ||
	    wait_event(efd, IRQ_TIMEOUT_MS) != 1)
		NOTE("TRIGGER BOOL 1 loopback did not fire once");
	if (set_bool(s, VFIO_IRQ_SET_ACTION_TRIGGER, index, 0, 1, &zero) ||
	    wait_event(efd, NO_IRQ_WAIT_MS))
		NOTE("TRIGGER BOOL 0 fired or was refused");
	/* DATA_NONE with count 0 releases the eventfd */
	if (set_none(s, VFIO_IRQ_SET_ACTION_TRIGGER, index, 0, 0))
		NOTE("TRIGGER NONE count 0 refused");
	ret = set_none(s, VFIO_IRQ_SET_ACTION_TRIGGER, index, 0, 1);
	if (ret != -EINVAL)
		NOTE("loopback with no eventfd returned %d, expected -EINVAL", ret);
	if (wait_event(efd, NO_IRQ_WAIT_MS))
		NOTE("released eventfd fired");
out:
	reset_irqs(s);
	close(efd);
	side_verdict(s, what, reason);
}

static void run_functional(const struct side *s)
{
	if (!strcmp(kind, "edu")) {
		check_intx_unmask_eventfd(s);
		check_intx_mask_bool(s);
	}
	if (s->count[VFIO_PCI_MSI_IRQ_INDEX])
		check_msi(s);
	if (s->count[VFIO_PCI_MSIX_IRQ_INDEX])
		check_msix(s);
	if (s->count[VFIO_PCI_ERR_IRQ_INDEX])
		check_single(s, VFIO_PCI_ERR_IRQ_INDEX, "err-loopback");
	check_single(s, VFIO_PCI_REQ_IRQ_INDEX, "req-loopback");
}

/* Lines of /proc/interrupts naming MSI-X vector @vec of @bdf ("...msix[N](BDF)"). */
static int host_msix_lines(const char *bdf, uint32_t vec)
{
	char line[512], name[64];
	int n = 0;
	FILE *f = fopen("/proc/interrupts", "r");

	if (!f)
		return -1;
	snprintf(name, sizeof(name), "msix[%u](%s)", vec, bdf);
	while (fgets(line, sizeof(line), f))
		n += strstr(line, name) != NULL;
	fclose(f);
	return n;
}

/*
 * Dynamic MSI-X: with vector 0 enabled, connect vector @grow. Where the
 * MSI-X irq info lacks NORESIZE this must succeed, give the function a new
 * host interrupt and fire by loopback; where NORESIZE is set it must fail
 * with EINVAL. Returns the SET_IRQS result for the comparison.
 */
static int check_msix_grow(const struct side *s, uint32_t grow)
{
	struct vfio_irq_info info = { .argsz = sizeof(info),
				      .index = VFIO_PCI_MSIX_IRQ_INDEX };
	int efd0 = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	int efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	const uint8_t one = 1;
	char reason[256] = "", what[32];
	bool resizable = false;
	int ret;

	if (ioctl(s->dev.fd, VFIO_DEVICE_GET_IRQ_INFO, &info)) {
		NOTE("GET_IRQ_INFO: %s", strerror(errno));
		ret = -errno;
		goto out;
	}
	resizable = !(info.flags & VFIO_IRQ_INFO_NORESIZE);
	ret = set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSIX_IRQ_INDEX, efd0);
	if (ret) {
		NOTE("enabling MSI-X with one vector: %s", strerror(-ret));
		goto out;
	}
	if (host_msix_lines(s->dev.bdf, grow) != 0)
		NOTE("vector %u has a host interrupt before it was connected", grow);
	ret = set_irqs(s, VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
		       VFIO_PCI_MSIX_IRQ_INDEX, grow, 1, &efd, sizeof(efd));
	if (!resizable) {
		if (ret != -EINVAL)
			NOTE("NORESIZE, yet connecting vector %u returned %d", grow, ret);
		goto out;
	}
	if (ret) {
		NOTE("no NORESIZE, yet connecting vector %u failed: %s", grow,
		     strerror(-ret));
		goto out;
	}
	if (host_msix_lines(s->dev.bdf, grow) != 1)
		NOTE("vector %u connected but no host interrupt in /proc/interrupts", grow);
	if (set_bool(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSIX_IRQ_INDEX, grow, 1, &one) ||
	    wait_event(efd, IRQ_TIMEOUT_MS) != 1)
		NOTE("loopback on the added vector %u did not fire once", grow);
	if (wait_event(efd0, NO_IRQ_WAIT_MS))
		NOTE("loopback on vector %u fired vector 0", grow);
	/* a disconnected vector keeps its host interrupt until MSI-X is off */
	if (set_fd(s, VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSIX_IRQ_INDEX, -1) ||
	    set_irqs(s, VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
		     VFIO_PCI_MSIX_IRQ_INDEX, grow, 1, &efd0, sizeof(efd0)))
		NOTE("reconnecting vector %u: %s", grow, strerror(errno));
	else if (host_msix_lines(s->dev.bdf, grow) != 1)
		NOTE("vector %u reconnected without a host interrupt", grow);
out:
	reset_irqs(s);
	if (host_msix_lines(s->dev.bdf, grow) > 0)
		NOTE("vector %u still has a host interrupt after MSI-X was disabled", grow);
	close(efd0);
	close(efd);
	snprintf(what, sizeof(what), "msix-grow-%u:%s", grow,
		 resizable ? "dynamic" : "noresize");
	side_verdict(s, what, reason);
	return ret;
}

/* Both drivers must agree on adding MSI-X vectors while enabled. */
static void compare_msix_grow(const struct side *a, const struct side *b)
{
	uint32_t n = a->count[VFIO_PCI_MSIX_IRQ_INDEX];
	uint32_t grow = n > 2 ? 2 : 1;
	int ra, rb;

	if (n < 2)
		return;
	ra = check_msix_grow(a, grow);
	rb = check_msix_grow(b, grow);
	if (ra != rb)
		fail_line("irq-msix-grow:%s: connecting vector %u while enabled: %s -> %d, %s -> %d",
			  kind, grow, a->driver, ra, b->driver, rb);
	else
		pass_line("irq-msix-grow:%s: connecting vector %u while enabled: both %d",
			  kind, grow, ra);
}

static int open_side(struct side *s, const char *bdf, const char *driver)
{
	char why[256];

	s->driver = driver;
	if (vfio_dev_open(&s->dev, bdf, why, sizeof(why))) {
		fail_line("irq:%s:%s:open: %s", driver, kind, why);
		return -1;
	}
	s->command = vfio_dev_cfg16(&s->dev, PCI_COMMAND) &
		     ~(PCI_COMMAND_INTX_DISABLE | PCI_COMMAND_MASTER);
	s->base_efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	s->call_efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (s->base_efd < 0 || s->call_efd < 0) {
		fail_line("irq:%s:%s:eventfd: %s", driver, kind, strerror(errno));
		return -1;
	}
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: vfio-irq-test [-d DOC] KIND BDF-A DRIVER-A BDF-B DRIVER-B\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct side a = { 0 }, b = { 0 };
	int opt;

	setvbuf(stdout, NULL, _IOLBF, 0);
	while ((opt = getopt(argc, argv, "d:")) != -1) {
		if (opt != 'd')
			usage();
		doc_path = optarg;
	}
	if (argc - optind != 5)
		usage();
	kind = argv[optind];
	if (open_side(&a, argv[optind + 1], argv[optind + 2]) ||
	    open_side(&b, argv[optind + 3], argv[optind + 4])) {
		printf("%d passed, %d failed\n", passed, failed);
		return 1;
	}
	compare_irq_info(&a, &b);
	reset_irqs(&a);
	reset_irqs(&b);
	run_matrix(&a, &b);
	run_functional(&a);
	run_functional(&b);
	compare_msix_grow(&a, &b);
	vfio_dev_close(&a.dev);
	vfio_dev_close(&b.dev);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
