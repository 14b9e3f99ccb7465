// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Standalone driver of a fuzz target: runs each file given (or stdin)
 * through LLVMFuzzerTestOneInput once. Used to replay regression inputs in
 * `make check` and as the entry point of AFL++ builds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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

int main(int argc, char **argv)
{
	int i;

	if (argc < 2)
		return run_file(stdin) ? 1 : 0;
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
