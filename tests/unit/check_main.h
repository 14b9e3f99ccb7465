/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Each tests/unit/test_*.c is one Check program: it defines its suite and
 * ends with VCONFIG_CHECK_MAIN(suite_function).
 */
#ifndef VCONFIG_CHECK_MAIN_H
#define VCONFIG_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

/*
 * The pciutils dump corpus: $VCONFIG_CORPUS, else the path the Makefile
 * built in (its VCONFIG_CORPUS variable), so a test binary runs alone too.
 */
#ifdef VCONFIG_CORPUS_DEFAULT
static inline const char *corpus_dir(void)
{
	const char *dir = getenv("VCONFIG_CORPUS");

	return dir && *dir ? dir : VCONFIG_CORPUS_DEFAULT;
}
#endif

#define VCONFIG_CHECK_MAIN(suite_fn)					\
int main(void)								\
{									\
	SRunner *sr = srunner_create(suite_fn());			\
	int failed;							\
									\
	srunner_run_all(sr, CK_ENV);					\
	failed = srunner_ntests_failed(sr);				\
	srunner_free(sr);						\
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;			\
}

#endif /* VCONFIG_CHECK_MAIN_H */
