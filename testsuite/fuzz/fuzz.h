/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the libFuzzer targets (testsuite/fuzz/fuzz_*.c): the parsers
 * under test read files by path, so each input is written to a file of a
 * private directory first (removed at exit).  Two slots per name alternate
 * so that a reader caching the last path (suppress.c) reads every input.
 */
#ifndef FAULTLINE_FUZZ_H
#define FAULTLINE_FUZZ_H

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fuzz_dir[256];

static void fuzz_cleanup(void)
{
	char cmd[300];

	if (!fuzz_dir[0])
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fuzz_dir);
	if (system(cmd))
		return;
}

/* The path of a file holding data (name and slot choose which file). */
static __attribute__((unused)) const char *fuzz_file(const char *name, const uint8_t *data,
			     size_t size, int slot)
{
	static char path[400];
	const char *tmp = getenv("TMPDIR");
	size_t done = 0;
	int fd;

	if (!fuzz_dir[0]) {
		snprintf(fuzz_dir, sizeof(fuzz_dir), "%s/faultline-fuzz.XXXXXX",
			 tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(fuzz_dir))
			abort();
		atexit(fuzz_cleanup);
	}
	snprintf(path, sizeof(path), "%s/%d-%s", fuzz_dir, slot & 1, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		abort();
	while (done < size) {
		ssize_t n = write(fd, data + done, size - done);

		if (n <= 0)
			abort();
		done += n;
	}
	close(fd);
	return path;
}

/* Errors are expected: parsers report them, the target ignores them. */
static __attribute__((unused)) void fuzz_error(void *ctx, const char *msg)
{
	(void)ctx;
	(void)msg;
}

#endif
