/* SPDX-License-Identifier: GPL-2.0 */
/* The paths a unified diff touches (faultline-gate's patches and ranges). */
#ifndef FAULTLINE_PATCH_H
#define FAULTLINE_PATCH_H

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Call add(ctx, PATH) for every path of a "--- " or "+++ " line of the
 * patch read from in, with its first component taken off (-p1, as patch
 * -p1 applies it); /dev/null is not a path. A line longer than any path
 * or holding a NUL byte names none.  A path that would leave the
 * tree (absolute after -p1, or with a ".." component) is not passed to
 * add but to bad(ctx, PATH) (bad may be NULL).  Returns the number of
 * such paths.
 */
int fl_patch_paths(FILE *in, void (*add)(void *ctx, const char *path),
		   void (*bad)(void *ctx, const char *path), void *ctx);

#ifdef __cplusplus
}
#endif

#endif
