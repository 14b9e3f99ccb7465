// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-sysfuzz: seeded, time-bounded syscall-sequence fuzzer for a VFIO PCI
 * device, run the same way against vfio-pci and vfio-vconfig.
 *
 *   vfio-sysfuzz [-s SEED] [-t SECONDS] [-n SEQUENCES] [-l OPS] [-x]
 *                [-r SEQ [-m I,J,...]] [-v] BDF KIND DRIVER
 *
 * Each sequence runs in a fresh child process that opens the device (the
 * group and container are opened once and inherited) and then performs up
 * to OPS (default 48) random operations:
 * more device fds and closes, mmap/munmap/mremap of BAR windows, fork() of
 * a process that keeps the mappings, reads and writes through mappings,
 * pread/pwrite at region offsets and counts near the 64-bit limits, every
 * device ioctl with random and boundary arguments, SET_IRQS arm/disarm/
 * trigger, VFIO_DEVICE_RESET, Command decode toggles, PM state writes, FLR,
 * MSI/MSI-X enable, config-action mode, the low-power features (entry,
 * entry with wakeup, exit), and as a rare last step an unbind
 * while the device is open (the device is bound again afterwards).
 *
 * Oracles, checked after every operation that may revoke decode and after
 * every sequence:
 *  - while memory decode is off (Command.Memory clear or D3hot) every
 *    mapping, in the child and in its fork()ed holder, raises SIGBUS and
 *    region reads fail with EIO; in the low-power state (LOW_POWER_ENTRY)
 *    every mapping raises SIGBUS;
 *  - the first access after a reset (ioctl or FLR) takes a fresh fault or
 *    SIGBUS, never completes through an old page table entry;
 *  - the kernel log stays free of oopses, BUGs, WARNs, lockdep reports and
 *    hung tasks; no child hangs or dies of an unexpected signal.
 * A finding prints the seed, the sequence number, a replay command line and
 * a minimal sequence found by dropping operations while the finding still
 * reproduces. -x leaves out mremap, fork and partial munmap (vfio-pci 6.1
 * warns in the kernel on those) and VFIO_DEVICE_IOEVENTFD (vfio-pci 6.1
 * oopses on some offsets): see Documentation/vfio.md.
 *
 * The last line reads "vfio-sysfuzz: N sequences, M syscalls in T s (R
 * syscalls/s), F findings"; exit status 1 when there was a finding.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/pci_regs.h>
#include <linux/vfio.h>

#include "../../include/uapi/linux/vfio_vconfig.h"
#include "vfio-dev.h"

#define MAX_OPS		64
#define MAX_FDS		4
#define MAX_MAPS	8
#define SEQ_TIMEOUT_S	20
#define PAGE		4096UL

enum op_type {
	OP_OPEN_FD, OP_CLOSE_FD, OP_MMAP, OP_MUNMAP, OP_MREMAP, OP_FORK,
	OP_TOUCH, OP_PREAD, OP_PWRITE_CFG, OP_PWRITE_BAR, OP_IOCTL, OP_SET_IRQS,
	OP_IRQ_ARM, OP_IRQ_TRIGGER, OP_IRQ_DISARM, OP_RESET, OP_DECODE, OP_PM,
	OP_FLR, OP_MSI_ENABLE, OP_ACTION_MODE, OP_LOW_POWER, OP_UNBIND, NR_OPS
};

static const char *const op_name[NR_OPS] = {
	"open-fd", "close-fd", "mmap", "munmap", "mremap", "fork", "touch",
	"pread", "pwrite-config", "pwrite-bar", "ioctl", "set-irqs",
	"irq-arm", "irq-trigger", "irq-disarm", "reset", "decode", "pm-state",
	"flr", "msi-enable", "action-mode", "low-power", "unbind",
};

/* Relative weights; unbind is only ever placed last. */
static const unsigned int op_weight[NR_OPS] = {
	[OP_OPEN_FD] = 3, [OP_CLOSE_FD] = 2, [OP_MMAP] = 8, [OP_MUNMAP] = 3,
	[OP_MREMAP] = 4, [OP_FORK] = 2, [OP_TOUCH] = 8, [OP_PREAD] = 6,
	[OP_PWRITE_CFG] = 5, [OP_PWRITE_BAR] = 3, [OP_IOCTL] = 6,
	[OP_SET_IRQS] = 4, [OP_IRQ_ARM] = 3, [OP_IRQ_TRIGGER] = 2,
	[OP_IRQ_DISARM] = 2, [OP_RESET] = 3, [OP_DECODE] = 6, [OP_PM] = 4,
	[OP_FLR] = 2, [OP_MSI_ENABLE] = 3, [OP_ACTION_MODE] = 2,
	[OP_LOW_POWER] = 2,
};

struct op {
	uint8_t type;
	uint64_t a, b, c, d;
};

struct seq {
	unsigned int n;
	struct op op[MAX_OPS];
};

/* Shared between the parent and a sequence's child. */
struct shared {
	unsigned long syscalls;
	unsigned int ops_run;
	char finding[512];
};

static const char *bdf, *kind, *drv;
static struct vfio_dev parent_dev;	/* group and container, shared by every sequence */
static bool no_copies, verbose;
static struct shared *sh;

/* ---- randomness ------------------------------------------------------ */

static uint64_t next_rand(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* A value that is often on a boundary. */
static uint64_t boundary(uint64_t *s)
{
	static const uint64_t edges[] = {
		0, 1, 2, 3, 4, 7, 8, 0xff, 0x100, 0xfff, 0x1000, 0xffff,
		0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
		0xffffffffffull, 0x10000000000ull, 0x7ffffffffffffffcull,
		0x7fffffffffffffffull, 0x8000000000000000ull,
		0xfffffffffffffffcull, 0xffffffffffffffffull,
	};
	uint64_t r = next_rand(s);

	if (r % 3)
		return edges[(r >> 8) % (sizeof(edges) / sizeof(edges[0]))] +
		       (((r >> 16) & 1) ? 0 : -((r >> 17) & 3));
	return next_rand(s);
}

static void gen_seq(uint64_t seed, unsigned int index, unsigned int len, struct seq *q)
{
	uint64_t s = seed * 0x2545f4914f6cdd1dull + index;
	unsigned int total = 0, i, t;

	for (t = 0; t < NR_OPS; t++)
		total += op_weight[t];
	q->n = 1 + next_rand(&s) % len;
	for (i = 0; i < q->n; i++) {
		struct op *op = &q->op[i];
		unsigned int pick = next_rand(&s) % total;

		for (t = 0; pick >= op_weight[t]; t++)
			pick -= op_weight[t];
		op->type = t;
		op->a = next_rand(&s);
		op->b = boundary(&s);
		op->c = boundary(&s);
		op->d = next_rand(&s);
	}
	/* one sequence in 40 ends with an unbind while the device is open */
	if (next_rand(&s) % 40 == 0)
		q->op[q->n - 1].type = OP_UNBIND;
}

/* ---- the child: one sequence ------------------------------------------ */

struct mapping {
	uint8_t *addr;
	size_t len;
};

struct state {
	struct vfio_dev dev;
	int fds[MAX_FDS];
	unsigned int nfds;
	struct mapping map[MAX_MAPS];
	unsigned int nmaps;
	pid_t holder;
	int holder_go, holder_res;
	int efd;
	unsigned int pm, exp, msi, msix;
	bool low_power;		/* LOW_POWER_ENTRY without wakeup is in effect */
	uint8_t buf[8192];	/* arguments whose size the kernel checks */
	uint8_t *guarded;	/* IOBUF bytes, then a PROT_NONE page */
};

/* Room for what the kernel may write back: a larger count or argsz runs
 * into the guard page and fails with EFAULT instead of overwriting the
 * fuzzer's own state. */
#define IOBUF		(4 * PAGE)

static void finding(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sh->finding, sizeof(sh->finding), fmt, ap);
	va_end(ap);
	_exit(3);
}

#define SYS(x) (sh->syscalls++, (x))

/* A probe: two getrusage() and four sigaction() calls besides the read. */
static enum vfio_dev_probe probe(volatile uint8_t *p)
{
	sh->syscalls += 6;
	return vfio_dev_probe_outcome((volatile uint32_t *)p);
}

/* Wait (up to 2 s) until the PCI core reports the function suspended. */
static void wait_runtime_suspended(void)
{
	char path[128], status[16];
	int i, fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/power/runtime_status", bdf);
	for (i = 0; i < 200; i++) {
		fd = SYS(open(path, O_RDONLY));
		n = fd < 0 ? -1 : SYS(read(fd, status, sizeof(status) - 1));
		if (fd >= 0)
			close(fd);
		if (n > 0 && !strncmp(status, "suspended", 9))
			return;
		usleep(10000);
	}
}

static int any_fd(struct state *st, uint64_t r)
{
	return st->fds[r % st->nfds];
}

static uint16_t cfg16(struct state *st, unsigned int off)
{
	uint16_t v = 0xffff;

	SYS(pread(st->dev.fd, &v, 2, vfio_dev_cfg_off(&st->dev) + off));
	return v;
}

static void cfg_put16(struct state *st, unsigned int off, uint16_t v)
{
	SYS(pwrite(st->dev.fd, &v, 2, vfio_dev_cfg_off(&st->dev) + off));
}

/* Is memory decode off right now, as the user sees it? */
static bool decode_off(struct state *st)
{
	if (!(cfg16(st, PCI_COMMAND) & PCI_COMMAND_MEMORY))
		return true;
	return st->pm && (cfg16(st, st->pm + PCI_PM_CTRL) & PCI_PM_CTRL_STATE_MASK) == 3;
}

/* Holder: a fork()ed process keeping copies of the mappings. On a byte
 * 'b' (decode off) or 'f' (after a reset) it probes each of them and
 * answers with the number of violations. */
static void holder_loop(struct state *st, int go, int res)
{
	unsigned int i;
	uint8_t c, bad;

	while (read(go, &c, 1) == 1) {
		bad = 0;
		for (i = 0; i < st->nmaps; i++) {
			enum vfio_dev_probe o = probe(st->map[i].addr);

			if (o == VFIO_PROBE_OTHER_SIGNAL || o == VFIO_PROBE_STALE || (c == 'b' && o != VFIO_PROBE_SIGBUS))
				bad++;
		}
		if (write(res, &bad, 1) != 1)
			break;
	}
	_exit(0);
}

/* The revocation oracle; @after_reset: the last operation reset the function. */
static void check_revocation(struct state *st, bool after_reset, unsigned int at)
{
	bool decode = decode_off(st), off = decode || st->low_power;
	unsigned int i;
	uint8_t c = off ? 'b' : 'f', bad = 0;
	uint32_t v;

	if (!off && !after_reset)
		return;
	for (i = 0; i < st->nmaps; i++) {
		enum vfio_dev_probe o = probe(st->map[i].addr);

		if (o == VFIO_PROBE_OTHER_SIGNAL)
			finding("op %u: mapping %u faulted with a signal other than SIGBUS", at, i);
		if (off && o != VFIO_PROBE_SIGBUS)
			finding("op %u: mapping %u (%p) reaches the device with %s",
				at, i, (void *)st->map[i].addr,
				decode ? "memory decode off" : "the function in low power");
		if (o == VFIO_PROBE_STALE)
			finding("op %u: mapping %u (%p) kept its page table entry across a reset",
				at, i, (void *)st->map[i].addr);
	}
	if (st->holder > 0) {
		if (SYS(write(st->holder_go, &c, 1)) != 1 ||
		    SYS(read(st->holder_res, &bad, 1)) != 1)
			finding("op %u: the fork()ed holder did not answer", at);
		if (bad)
			finding("op %u: %u mapping(s) of the fork()ed holder reach the device after %s",
				at, bad, off ? "decode went off" : "a reset");
	}
	/* in low power (decode on) a region access wakes the function */
	if (decode && st->dev.region[0].size &&
	    (st->dev.region[0].flags & VFIO_REGION_INFO_FLAG_MMAP)) {
		errno = 0;
		if (SYS(pread(st->dev.fd, &v, 4, st->dev.region[0].offset)) == 4)
			finding("op %u: BAR0 region read succeeded with memory decode off", at);
	}
}

/* The first mmap()able BAR, or -1. */
static int mappable_bar(struct state *st, uint64_t r)
{
	unsigned int i;

	for (i = 0; i < VFIO_PCI_ROM_REGION_INDEX; i++) {
		unsigned int bar = (r + i) % VFIO_PCI_ROM_REGION_INDEX;

		if (st->dev.region[bar].flags & VFIO_REGION_INFO_FLAG_MMAP)
			return bar;
	}
	return -1;
}

static void drop_map(struct state *st, unsigned int i)
{
	st->map[i] = st->map[--st->nmaps];
}

/* Scratch register a write may change without side effects. */
static uint64_t scratch_offset(void)
{
	if (!strcmp(kind, "edu"))
		return 0x04;
	if (!strcmp(kind, "e1000e"))
		return 0x2800;
	return 0x28;
}

static void set_irqs(struct state *st, uint32_t flags, uint32_t index,
		     uint32_t start, uint32_t count, uint32_t argsz_adj, uint64_t r)
{
	struct vfio_irq_set *set = (void *)st->buf;
	unsigned int room = (sizeof(st->buf) - sizeof(*set)) / 4, i;
	int32_t *fds = (int32_t *)set->data;

	memset(st->buf, 0, sizeof(st->buf));
	set->flags = flags;
	set->index = index;
	set->start = start;
	set->count = count;
	set->argsz = sizeof(*set) + (count < room ? count : room) * 4 + argsz_adj;
	for (i = 0; i < room && i < count; i++)
		fds[i] = (r >> (i % 60)) & 1 ? st->efd : (int32_t)((r >> 3) % 8) - 1;
	SYS(ioctl(any_fd(st, r), VFIO_DEVICE_SET_IRQS, set));
}

static void run_op(struct state *st, const struct op *op, unsigned int at)
{
	uint64_t a = op->a, b = op->b, c = op->c;
	bool reset = false;
	uint32_t v;
	int bar, fd;

	if (verbose)
		printf("  op %u: %s a=%#" PRIx64 " b=%#" PRIx64 " c=%#" PRIx64 "\n",
		       at, op_name[op->type], a, b, c);

	switch (op->type) {
	case OP_OPEN_FD:
		if (st->nfds < MAX_FDS && (fd = SYS(vfio_dev_get_fd(&st->dev))) >= 0)
			st->fds[st->nfds++] = fd;
		break;
	case OP_CLOSE_FD:
		if (st->nfds > 1) {
			unsigned int i = 1 + a % (st->nfds - 1);

			SYS(close(st->fds[i]));
			st->fds[i] = st->fds[--st->nfds];
		}
		break;
	case OP_MMAP: {
		struct vfio_region_info *ri;
		uint64_t off, len;
		void *p;

		bar = mappable_bar(st, a);
		if (bar < 0 || st->nmaps == MAX_MAPS)
			break;
		ri = &st->dev.region[bar];
		/* mostly a valid window, now and then a boundary one */
		if (b & 8) {
			off = (b % (ri->size / PAGE)) * PAGE;
			len = PAGE * (1 + c % 4);
			if (off + len > ri->size)
				len = ri->size - off;
		} else {
			off = b & ~(PAGE - 1);
			len = c ? (c + PAGE - 1) & ~(PAGE - 1) : PAGE;
		}
		p = SYS(mmap(NULL, len, PROT_READ | PROT_WRITE,
			     (a & 0x100) ? MAP_PRIVATE : MAP_SHARED, any_fd(st, a >> 9),
			     ri->offset + off));
		if (p != MAP_FAILED) {
			if (a & 0x100)
				finding("op %u: a MAP_PRIVATE mapping of BAR%d was accepted", at, bar);
			st->map[st->nmaps++] = (struct mapping){ p, len };
		}
		break;
	}
	case OP_MUNMAP:
		if (st->nmaps) {
			unsigned int i = a % st->nmaps;
			struct mapping *m = &st->map[i];

			if (!no_copies && (b & 1) && m->len > PAGE) {
				/* partial: keep the first page */
				SYS(munmap(m->addr + PAGE, m->len - PAGE));
				m->len = PAGE;
			} else {
				SYS(munmap(m->addr, m->len));
				drop_map(st, i);
			}
		}
		break;
	case OP_MREMAP:
		if (st->nmaps && !no_copies) {
			struct mapping *m = &st->map[a % st->nmaps];
			size_t new_len = (b & 1) ? m->len + PAGE : m->len;
			/* the whole new range is reserved: MREMAP_FIXED unmaps it */
			void *target = SYS(mmap(NULL, new_len, PROT_NONE,
						MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
			void *p;

			if (target == MAP_FAILED)
				break;
			p = SYS(mremap(m->addr, m->len, new_len,
				       MREMAP_MAYMOVE | MREMAP_FIXED, target));
			if (p == MAP_FAILED) {
				SYS(munmap(target, new_len));
			} else {
				if (b & 1)
					finding("op %u: a BAR mapping grew by mremap()", at);
				m->addr = p;
			}
		}
		break;
	case OP_FORK: {
		int go[2], res[2];
		pid_t pid;

		if (st->holder > 0 || no_copies || pipe(go) || pipe(res))
			break;
		pid = SYS(fork());
		if (pid == 0) {
			unsigned int i;

			/* the mappings alone keep the device open */
			for (i = 0; i < st->nfds; i++)
				close(st->fds[i]);
			close(go[1]);
			close(res[0]);
			holder_loop(st, go[0], res[1]);
		}
		close(go[0]);
		close(res[1]);
		st->holder = pid;
		st->holder_go = go[1];
		st->holder_res = res[0];
		break;
	}
	case OP_TOUCH:
		if (st->nmaps) {
			struct mapping *m = &st->map[a % st->nmaps];
			uint64_t off = (b % m->len) & ~3ull;
			enum vfio_dev_probe o = probe(m->addr + off);

			if (o == VFIO_PROBE_OTHER_SIGNAL)
				finding("op %u: a mapping access died of a signal other than SIGBUS", at);
		}
		break;
	case OP_PREAD: {
		unsigned int index = a % 12;
		uint64_t pos = ((uint64_t)index << 40) + (b & 0xffffffffffull);
		size_t count = (c & 7) ? (c % 64) + 1 : (size_t)(c & 0x7fffffff);

		if ((a >> 8) & 1)
			pos = b;	/* anywhere, up to the 64-bit limit */
		if (count > IOBUF)
			count = IOBUF;
		SYS(pread(any_fd(st, a >> 12), st->guarded, (a >> 20) & 1 ? c : count,
			  (off_t)pos));
		break;
	}
	case OP_PWRITE_CFG: {
		unsigned int off = b % (st->dev.region[VFIO_PCI_CONFIG_REGION_INDEX].size + 8);
		size_t len = 1u << (a % 3);

		memcpy(st->buf, &c, sizeof(c));
		SYS(pwrite(any_fd(st, a >> 8), st->buf, len, vfio_dev_cfg_off(&st->dev) + off));
		break;
	}
	case OP_PWRITE_BAR:
		/* only the scratch register: other registers start DMA */
		v = (uint32_t)c;
		SYS(pwrite(any_fd(st, a), &v, 4, st->dev.region[0].offset + scratch_offset()));
		break;
	case OP_IOCTL: {
		static const unsigned long cmds[] = {
			VFIO_DEVICE_GET_INFO, VFIO_DEVICE_GET_REGION_INFO,
			VFIO_DEVICE_GET_IRQ_INFO, VFIO_DEVICE_SET_IRQS,
			VFIO_DEVICE_RESET, VFIO_DEVICE_FEATURE,
			VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, VFIO_DEVICE_IOEVENTFD,
			VFIO_DEVICE_PCI_HOT_RESET,
		};
		/* the last page before the guard */
		uint32_t *w = (uint32_t *)(st->guarded + IOBUF - PAGE);
		unsigned long cmd = (a & 0xf) < sizeof(cmds) / sizeof(cmds[0]) ? cmds[a & 0xf] :
				    _IO(VFIO_TYPE, VFIO_BASE + (a >> 8) % 40);
		uint64_t r = op->d;
		unsigned int i;

		for (i = 0; i < 16; i++)
			w[i] = (uint32_t)next_rand(&r);
		w[0] = (uint32_t)b;		/* argsz */
		w[1] = (uint32_t)c;		/* flags */
		w[2] = (uint32_t)(b >> 32);	/* index */
		/* vfio-pci 6.1 oopses on an IOEVENTFD offset whose index is
		 * negative as an int (found by this fuzzer) */
		if (no_copies && cmd == VFIO_DEVICE_IOEVENTFD)
			break;
		/* OP_LOW_POWER keeps track of the low-power state */
		if (cmd == VFIO_DEVICE_FEATURE &&
		    (w[1] & VFIO_DEVICE_FEATURE_MASK) >= VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY &&
		    (w[1] & VFIO_DEVICE_FEATURE_MASK) <= VFIO_DEVICE_FEATURE_LOW_POWER_EXIT)
			break;
		reset = cmd == VFIO_DEVICE_RESET || cmd == VFIO_DEVICE_PCI_HOT_RESET;
		if (SYS(ioctl(any_fd(st, a >> 16), cmd, w)) != 0)
			reset = false;
		break;
	}
	case OP_SET_IRQS:
		set_irqs(st, (uint32_t)b, (a >> 4) % 6, (uint32_t)c, (uint32_t)(b >> 32) % 80,
			 (a >> 8) & 1 ? (uint32_t)(c >> 32) % 16 : 0, op->d);
		break;
	case OP_IRQ_ARM:
		set_irqs(st, VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER,
			 a % 5, b % 4, 1 + c % 70, 0, op->d);
		break;
	case OP_IRQ_TRIGGER:
		set_irqs(st, ((a & 1) ? VFIO_IRQ_SET_DATA_NONE : VFIO_IRQ_SET_DATA_BOOL) |
			 ((a & 2) ? VFIO_IRQ_SET_ACTION_TRIGGER :
			  (a & 4) ? VFIO_IRQ_SET_ACTION_MASK : VFIO_IRQ_SET_ACTION_UNMASK),
			 (a >> 4) % 5, b % 4, c % 8, 0, ~0ull);
		break;
	case OP_IRQ_DISARM:
		set_irqs(st, VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER,
			 a % 5, 0, 0, 0, 0);
		break;
	case OP_RESET:
		reset = SYS(ioctl(any_fd(st, a), VFIO_DEVICE_RESET)) == 0;
		break;
	case OP_DECODE:
		cfg_put16(st, PCI_COMMAND, (cfg16(st, PCI_COMMAND) & ~(PCI_COMMAND_MEMORY |
			  PCI_COMMAND_IO | PCI_COMMAND_INTX_DISABLE)) | (a & (PCI_COMMAND_MEMORY |
			  PCI_COMMAND_IO | PCI_COMMAND_INTX_DISABLE)) | ((a >> 8) & 1 ? PCI_COMMAND_MEMORY : 0));
		break;
	case OP_PM:
		if (st->pm) {
			uint16_t ctrl = cfg16(st, st->pm + PCI_PM_CTRL);

			cfg_put16(st, st->pm + PCI_PM_CTRL, (ctrl & ~PCI_PM_CTRL_STATE_MASK) |
				  ((a & 1) ? 3 : a % 4));
		}
		break;
	case OP_FLR:
		if (st->exp) {
			cfg_put16(st, st->exp + PCI_EXP_DEVCTL,
				  cfg16(st, st->exp + PCI_EXP_DEVCTL) | PCI_EXP_DEVCTL_BCR_FLR);
			reset = true;
		}
		break;
	case OP_MSI_ENABLE: {
		unsigned int cap = (a & 1) ? st->msix : st->msi;
		uint16_t flags;

		if (!cap)
			break;
		flags = cfg16(st, cap + PCI_MSI_FLAGS);
		if (cap == st->msi)
			flags = (flags & ~(PCI_MSI_FLAGS_ENABLE | PCI_MSI_FLAGS_QSIZE)) |
				((b & 1) ? PCI_MSI_FLAGS_ENABLE : 0) | ((c % 6) << 4);
		else
			flags = (flags & ~(PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL)) |
				((b & 1) ? PCI_MSIX_FLAGS_ENABLE : 0) |
				((b & 2) ? PCI_MSIX_FLAGS_MASKALL : 0);
		cfg_put16(st, cap + PCI_MSI_FLAGS, flags);
		break;
	}
	case OP_ACTION_MODE: {
		struct {
			struct vfio_device_feature hdr;
			struct vfio_device_feature_vconfig_action act;
		} f = {
			.hdr = { .argsz = sizeof(f), .flags = VFIO_DEVICE_FEATURE_VCONFIG_ACTION |
				 ((a & 1) ? VFIO_DEVICE_FEATURE_SET : VFIO_DEVICE_FEATURE_GET) },
			.act = { .mode = b % 3 },
		};

		SYS(ioctl(any_fd(st, a), VFIO_DEVICE_FEATURE, &f));
		break;
	}
	case OP_LOW_POWER: {
		/* entry, entry with wakeup (ended by the next access), exit */
		static const uint32_t features[] = {
			VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY,
			VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY_WITH_WAKEUP,
			VFIO_DEVICE_FEATURE_LOW_POWER_EXIT,
		};
		struct {
			struct vfio_device_feature hdr;
			struct vfio_device_low_power_entry_with_wakeup wake;
		} f = {
			.hdr = { .argsz = sizeof(f), .flags = VFIO_DEVICE_FEATURE_SET |
				 features[b % 3] },
			.wake = { .wakeup_eventfd = st->efd },
		};

		if (SYS(ioctl(any_fd(st, a), VFIO_DEVICE_FEATURE, &f)))
			break;
		st->low_power = b % 3 == 0 ? true : b % 3 == 2 ? false : st->low_power;
		/*
		 * The suspend runs on its own and takes a function the user
		 * put in D3hot back to D0 first: let it happen before the
		 * oracle reads the power state.
		 */
		if (b % 3 != 2)
			wait_runtime_suspended();
		break;
	}
	default:
		break;
	}

	if (op->type == OP_PWRITE_CFG || op->type == OP_DECODE || op->type == OP_PM ||
	    op->type == OP_FLR || op->type == OP_IOCTL || op->type == OP_LOW_POWER ||
	    reset)
		check_revocation(st, reset, at);
}

/* Unbind while open: another process writes unbind, which waits for the
 * device to be released; the sequence keeps using it for a moment, then
 * lets go of everything. */
static void unbind_while_open(struct state *st)
{
	char path[128];
	pid_t pid;
	unsigned int i;
	uint32_t v;

	snprintf(path, sizeof(path), "/sys/bus/pci/drivers/%s/unbind", drv);
	pid = SYS(fork());
	if (pid == 0) {
		int fd;

		/* what this process inherited would keep the device open */
		for (i = 0; i < st->nmaps; i++)
			munmap(st->map[i].addr, st->map[i].len);
		for (i = 0; i < st->nfds; i++)
			close(st->fds[i]);
		fd = open(path, O_WRONLY);

		if (fd >= 0 && write(fd, bdf, strlen(bdf)) < 0)
			_exit(1);
		_exit(0);
	}
	usleep(100000);
	for (i = 0; i < 8; i++) {
		SYS(pread(st->dev.fd, &v, 4, vfio_dev_cfg_off(&st->dev)));
		SYS(ioctl(st->dev.fd, VFIO_DEVICE_GET_INFO, &st->dev.info));
	}
	if (st->holder > 0) {
		kill(st->holder, SIGKILL);
		waitpid(st->holder, NULL, 0);
		st->holder = 0;
	}
	for (i = 0; i < st->nmaps; i++)
		munmap(st->map[i].addr, st->map[i].len);
	st->nmaps = 0;
	for (i = 0; i < st->nfds; i++)
		close(st->fds[i]);
	st->nfds = 0;
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

static unsigned int find_cap(struct state *st, uint8_t id)
{
	unsigned int pos, guard;

	pos = vfio_dev_cfg8(&st->dev, PCI_CAPABILITY_LIST) & ~3u;
	for (guard = 0; pos >= 0x40 && guard < 48; guard++) {
		if (vfio_dev_cfg8(&st->dev, pos) == id)
			return pos;
		pos = vfio_dev_cfg8(&st->dev, pos + 1) & ~3u;
	}
	return 0;
}

static void run_child(const struct seq *q, uint64_t keep_mask)
{
	static struct state st;
	char why[256];
	unsigned int i;

	st.guarded = mmap(NULL, IOBUF + PAGE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (st.guarded == MAP_FAILED || mprotect(st.guarded + IOBUF, PAGE, PROT_NONE))
		finding("guarded buffer: %s", strerror(errno));
	/* the group and the container are the parent's, inherited */
	st.dev = parent_dev;
	st.dev.fd = SYS(vfio_dev_get_fd(&st.dev));
	if (st.dev.fd < 0)
		finding("GET_DEVICE_FD: %s", strerror(errno));
	if (vfio_dev_load_info(&st.dev, why, sizeof(why)))
		finding("%s", why);
	st.fds[0] = st.dev.fd;
	st.nfds = 1;
	st.efd = eventfd(0, EFD_CLOEXEC);
	st.pm = find_cap(&st, PCI_CAP_ID_PM);
	st.exp = find_cap(&st, PCI_CAP_ID_EXP);
	st.msi = find_cap(&st, PCI_CAP_ID_MSI);
	st.msix = find_cap(&st, PCI_CAP_ID_MSIX);
	if (st.exp && !(vfio_dev_cfg32(&st.dev, st.exp + PCI_EXP_DEVCAP) & PCI_EXP_DEVCAP_FLR))
		st.exp = 0;
	/* start from a usable function: D0, memory decode on */
	if (st.pm)
		cfg_put16(&st, st.pm + PCI_PM_CTRL,
			  cfg16(&st, st.pm + PCI_PM_CTRL) & ~PCI_PM_CTRL_STATE_MASK);
	cfg_put16(&st, PCI_COMMAND, cfg16(&st, PCI_COMMAND) | PCI_COMMAND_MEMORY);

	for (i = 0; i < q->n; i++) {
		if (!(keep_mask & (1ull << i)))
			continue;
		sh->ops_run++;
		if (q->op[i].type == OP_UNBIND) {
			unbind_while_open(&st);
			_exit(0);
		}
		run_op(&st, &q->op[i], i);
	}
	if (st.holder > 0) {
		close(st.holder_go);
		waitpid(st.holder, NULL, 0);
	}
	_exit(0);
}

/* ---- the parent ------------------------------------------------------- */

static int kmsg = -1;

/* New kernel log lines that name trouble; their first one in @out. */
static bool kernel_trouble(char *out, size_t len)
{
	static const char *const bad[] = {
		"WARNING:", "BUG:", "Oops", "Call Trace", "INFO: task",
		"possible circular locking", "possible recursive locking",
		"KASAN", "UBSAN", "general protection fault",
	};
	char rec[1024];
	bool found = false;
	ssize_t n;

	if (kmsg < 0)
		return false;
	while ((n = read(kmsg, rec, sizeof(rec) - 1)) > 0 || (n < 0 && errno == EPIPE)) {
		unsigned int i;

		if (n <= 0)
			continue;
		rec[n] = '\0';
		for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
			if (!found && strstr(rec, bad[i])) {
				char *msg = strchr(rec, ';');

				snprintf(out, len, "kernel: %.400s", msg ? msg + 1 : rec);
				out[strcspn(out, "\n")] = '\0';
				found = true;
			}
		}
	}
	return found;
}

/* After an unbind: bind again, and open group and container again (the
 * device registered anew is not found through the old group file). */
static void rebind_if_needed(void)
{
	char path[160], why[256];
	int fd;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/driver", bdf);
	if (access(path, F_OK) == 0)
		return;
	fd = open("/sys/bus/pci/drivers_probe", O_WRONLY);
	if (fd >= 0) {
		if (write(fd, bdf, strlen(bdf)) < 0)
			perror("drivers_probe");
		close(fd);
	}
	vfio_dev_close(&parent_dev);
	if (vfio_dev_attach(&parent_dev, bdf, why, sizeof(why)))
		printf("vfio-sysfuzz: after rebind: %s\n", why);
}

/* Run one sequence; 0, or 1 with the finding in sh->finding. */
static int run_seq(const struct seq *q, uint64_t keep_mask)
{
	char kmsg_why[512];
	int status = 0;
	unsigned int waited;
	pid_t pid;

	sh->finding[0] = '\0';
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		run_child(q, keep_mask);
	for (waited = 0; waited < SEQ_TIMEOUT_S * 100; waited++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			break;
		usleep(10000);
	}
	if (waited == SEQ_TIMEOUT_S * 100) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		snprintf(sh->finding, sizeof(sh->finding), "the sequence hung for %d s", SEQ_TIMEOUT_S);
	} else if (WIFSIGNALED(status)) {
		snprintf(sh->finding, sizeof(sh->finding), "the child died of signal %d",
			 WTERMSIG(status));
	} else if (WEXITSTATUS(status) && !sh->finding[0]) {
		snprintf(sh->finding, sizeof(sh->finding), "the child exited with %d",
			 WEXITSTATUS(status));
	}
	rebind_if_needed();
	if (kernel_trouble(kmsg_why, sizeof(kmsg_why)) && !sh->finding[0])
		snprintf(sh->finding, sizeof(sh->finding), "%s", kmsg_why);
	return sh->finding[0] ? 1 : 0;
}

static uint64_t parse_mask(const char *list)
{
	uint64_t mask = 0;
	char *end;

	while (*list) {
		unsigned long i = strtoul(list, &end, 10);

		if (end == list)
			break;
		if (i < MAX_OPS)
			mask |= 1ull << i;
		list = *end ? end + 1 : end;
	}
	return mask;
}

static void print_seq(const struct seq *q, uint64_t mask)
{
	unsigned int i;

	for (i = 0; i < q->n; i++)
		if (mask & (1ull << i))
			printf("    %2u %-13s a=%#" PRIx64 " b=%#" PRIx64 " c=%#" PRIx64 "\n", i,
			       op_name[q->op[i].type], q->op[i].a, q->op[i].b, q->op[i].c);
}

/* Drop operations, last first, while the finding still reproduces. */
static uint64_t minimize(const struct seq *q, uint64_t mask)
{
	uint64_t deadline = vfio_dev_now_ns() + 30 * 1000000000ull;
	unsigned int i, tries = 0;

	for (i = q->n; i-- > 0 && tries < 64 && vfio_dev_now_ns() < deadline;) {
		uint64_t fewer = mask & ~(1ull << i);

		if (fewer == mask || !fewer)
			continue;
		tries++;
		if (run_seq(q, fewer))
			mask = fewer;
	}
	return mask;
}

static void report_finding(uint64_t seed, unsigned int index, const struct seq *q,
			   uint64_t mask, const char *first)
{
	unsigned int i;
	char sep = ' ';

	printf("FINDING seed=%" PRIu64 " seq=%u: %s\n", seed, index, first);
	mask = minimize(q, mask);
	printf("  replay: vfio-sysfuzz -s %" PRIu64 " -r %u%s -m", seed, index, no_copies ? " -x" : "");
	for (i = 0; i < q->n; i++)
		if (mask & (1ull << i)) {
			printf("%c%u", sep, i);
			sep = ',';
		}
	printf(" %s %s %s\n  minimal sequence (%s):\n", bdf, kind, drv,
	       sh->finding[0] ? sh->finding : "did not reproduce: the full sequence");
	print_seq(q, mask);
}

int main(int argc, char **argv)
{
	uint64_t seed = 1, mask = ~0ull;
	unsigned int seconds = 20, max_seqs = ~0u, len = 48, findings = 0, i;
	long replay = -1;
	uint64_t start, elapsed;
	unsigned long syscalls = 0;
	int opt;

	while ((opt = getopt(argc, argv, "s:t:n:l:xr:m:v")) != -1) {
		switch (opt) {
		case 's': seed = strtoull(optarg, NULL, 0); break;
		case 't': seconds = strtoul(optarg, NULL, 0); break;
		case 'n': max_seqs = strtoul(optarg, NULL, 0); break;
		case 'l': len = strtoul(optarg, NULL, 0); break;
		case 'x': no_copies = true; break;
		case 'r': replay = strtol(optarg, NULL, 0); break;
		case 'm': mask = parse_mask(optarg); break;
		case 'v': verbose = true; break;
		default: goto usage;
		}
	}
	if (argc - optind != 3 || !len || len > MAX_OPS)
		goto usage;
	bdf = argv[optind];
	kind = argv[optind + 1];
	drv = argv[optind + 2];

	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		return 2;
	{
		char why[256];

		if (vfio_dev_attach(&parent_dev, bdf, why, sizeof(why))) {
			printf("vfio-sysfuzz: %s\n", why);
			return 2;
		}
	}
	kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (kmsg >= 0)
		lseek(kmsg, 0, SEEK_END);

	start = vfio_dev_now_ns();
	for (i = 0; i < max_seqs; i++) {
		unsigned int index = replay >= 0 ? (unsigned int)replay : i;
		struct seq q;

		if (replay < 0 && vfio_dev_now_ns() - start > seconds * 1000000000ull)
			break;
		gen_seq(seed, index, len, &q);
		if (replay >= 0)
			print_seq(&q, mask);
		sh->syscalls = 0;
		if (run_seq(&q, mask)) {
			char first[512];

			syscalls += sh->syscalls;
			snprintf(first, sizeof(first), "%s", sh->finding);
			findings++;
			report_finding(seed, index, &q, mask, first);
			if (replay >= 0 || findings >= 3)
				break;
			continue;
		}
		syscalls += sh->syscalls;
		if (replay >= 0) {
			i++;
			break;
		}
	}
	elapsed = vfio_dev_now_ns() - start;
	printf("vfio-sysfuzz: %s %s seed %" PRIu64 ": %u sequences, %lu syscalls in %.1f s (%.0f syscalls/s), %u findings\n",
	       drv, kind, seed, i, syscalls, elapsed / 1e9,
	       elapsed ? syscalls / (elapsed / 1e9) : 0.0, findings);
	return findings ? 1 : 0;
usage:
	fprintf(stderr, "usage: %s [-s SEED] [-t SECONDS] [-n SEQUENCES] [-l OPS] [-x] [-r SEQ [-m I,J,...]] [-v] BDF KIND DRIVER\n",
		argv[0]);
	return 2;
}
