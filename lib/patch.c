// SPDX-License-Identifier: GPL-2.0
/* The paths a unified diff touches (patch.h). */
#include <limits.h>
#include <stdbool.h>
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
	char line[PATH_MAX + 16];
	int nbad = 0;

	while (fgets(line, sizeof(line), in)) {
		char *p, *end;

		/* A line longer than any path: skip it, its rest too. */
		if (!strchr(line, '\n') && !feof(in)) {
			int c;

			while ((c = fgetc(in)) != EOF && c != '\n')
				;
			continue;
		}
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
	return nbad;
}
