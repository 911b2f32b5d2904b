// SPDX-License-Identifier: GPL-2.0
/* The paths a unified diff touches (patch.h). */
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "patch.h"

/* Whether a path relative to the tree stays inside it. */
static bool inside_tree(const char *p)
{
	if (p[0] == '/')
		return false;
	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return false;
		p += n;
		if (*p)
			p++;
	}
	return true;
}

int fl_patch_paths(FILE *in, void (*add)(void *ctx, const char *path),
		   void (*bad)(void *ctx, const char *path), void *ctx)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int nbad = 0;

	/* Whole lines by length: neither a long line nor a NUL splits one. */
	while ((len = getline(&line, &cap, in)) >= 0) {
		char *p, *end;

		if (len > PATH_MAX + 16 || memchr(line, '\0', len))
			continue; /* no path of the tree */
		if (strncmp(line, "+++ ", 4) && strncmp(line, "--- ", 4))
			continue;
		p = line + 4;
		end = p + strcspn(p, "\t\n");
		*end = '\0';
		if (!strcmp(p, "/dev/null"))
			continue;
		p = strchr(p, '/'); /* -p1 */
		if (!p || !p[1])
			continue;
		if (!inside_tree(p + 1)) {
			nbad++;
			if (bad)
				bad(ctx, p + 1);
			continue;
		}
		add(ctx, p + 1);
	}
	free(line);
	return nbad;
}
