// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Standalone driver of a fuzz target: runs each file given (or stdin)
 * through LLVMFuzzerTestOneInput once. Used to replay regression inputs in
 * `make check` and as the entry point of AFL++ builds, where without
 * arguments it runs in persistent mode: one process, inputs in shared
 * memory, no fork per input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(FILE *f)
{
	size_t len = 0, cap = 0, n;
	uint8_t *buf = NULL;

	do {
		if (len == cap) {
			uint8_t *more;

			cap = cap ? 2 * cap : 65536;
			more = realloc(buf, cap);
			if (!more) {
				free(buf);
				return -1;
			}
			buf = more;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

#ifdef __AFL_FUZZ_TESTCASE_LEN
__AFL_FUZZ_INIT();

/* Outside afl-fuzz the same loop runs once on stdin. */
static int run_afl(void)
{
	unsigned char *buf;

	__AFL_INIT();
	buf = __AFL_FUZZ_TESTCASE_BUF;
	while (__AFL_LOOP(10000))
		LLVMFuzzerTestOneInput(buf, __AFL_FUZZ_TESTCASE_LEN);
	return 0;
}
#else
static int run_afl(void)
{
	return run_file(stdin) ? 1 : 0;
}
#endif

int main(int argc, char **argv)
{
	int i;

	if (argc < 2)
		return run_afl();
	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");

		if (!f || run_file(f)) {
			perror(argv[i]);
			return 1;
		}
		fclose(f);
	}
	return 0;
}
