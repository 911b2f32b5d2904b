// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the patch faultline-gate reads (lib/patch.c,
 * fl_patch_paths; the gate writes into SCRATCH/tree/PATH, so no path may
 * leave the tree).
 */
#include "../../lib/patch.h"
#include "fuzz.h"

static void add(void *ctx, const char *path)
{
	const char *p = path;

	(*(int *)ctx)++;
	if (!*path || *path == '/')
		abort();
	for (; (p = strstr(p, "..")); p++)
		if ((p == path || p[-1] == '/') && (!p[2] || p[2] == '/'))
			abort(); /* a ".." component */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *in = fmemopen((void *)data, size, "r");
	int n = 0;

	if (!in)
		return 0;
	fl_patch_paths(in, add, NULL, &n);
	fclose(in);
	return 0;
}
