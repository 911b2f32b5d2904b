// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: a baseline file (lib/suppress.c, fl_baseline_read),
 * and the finding keys and baseline lines made from its fields
 * (fl_finding_key, fl_baseline_write), as faultline-link uses them.
 */
#include "../../lib/suppress.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct fl_baseline bl = {0};
	const char *path = fuzz_file("baseline", data, size, 0);
	char *text, *f[3], key[8192], small[16];
	int i;

	if (!null)
		null = fopen("/dev/null", "w");
	fl_baseline_read(&bl, path, fuzz_error, NULL);
	for (i = 0; i < bl.nkeys; i++)
		if (!fl_baseline_has(&bl, bl.keys[i]))
			abort();
	for (i = 0; i < bl.nkeys; i++)
		free(bl.keys[i]);
	free(bl.keys);

	/* The input as CHECK NUL FUNCTION NUL MESSAGE. */
	text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	f[0] = text;
	f[1] = f[0] + strlen(f[0]) + (f[0] + strlen(f[0]) < text + size);
	f[2] = f[1] + strlen(f[1]) + (f[1] + strlen(f[1]) < text + size);
	fl_finding_key(key, sizeof(key), f[0], f[1], f[2]);
	if (strlen(key) >= sizeof(key))
		abort();
	fl_finding_key(small, sizeof(small), f[0], f[1], f[2]);
	fl_baseline_write(null, f[0], f[1], "fs/x.c", f[2]);
	free(text);
	return 0;
}
