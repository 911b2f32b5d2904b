/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Suppressions and baselines: how a maintainer says "known, and why".
 *
 * In the source, a comment
 *
 *	faultline: ignore CHECK[,CHECK...] -- REASON
 *
 * on the reported line or the line above it suppresses that finding; in
 * the comment block right above a function, every finding of CHECK in the
 * function.  The reason is required: a marker without one suppresses
 * nothing and is itself reported.
 *
 * A baseline file lists findings accepted as of a tree, one per line
 * (CHECK, FUNCTION, FILE, normalized message, tab-separated), matched
 * without line numbers so that edits elsewhere do not revive them.
 */
#ifndef FAULTLINE_SUPPRESS_H
#define FAULTLINE_SUPPRESS_H

#include <stdbool.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

struct fl_suppression {
	bool found;	    /* a marker for this check applies */
	const char *reason; /* NULL when the marker gives none */
	int line;	    /* where the marker is */
};

/*
 * Look for a marker suppressing CHECK reported at FILE:LINE in a function
 * whose name is at FN_LINE (0 if unknown).  FILE is opened relative to
 * srcroot unless absolute (srcroot NULL: the current directory).
 */
/*
 * GCC's display column of byte column COLUMN on LINE of FILE (relative to
 * srcroot unless absolute): tabs to the next multiple of 8, a UTF-8
 * character one column.  The facts and the model count bytes, as GCC's
 * locations do; what is printed counts as GCC prints.  COLUMN itself when
 * the source cannot be read.
 */
int fl_display_column(const char *srcroot, const char *file, int line,
		      int column);

void fl_find_suppression(const char *srcroot, const char *file, int line,
			 int fn_line, const char *check,
			 struct fl_suppression *out);

/*
 * The identity of a finding that survives line shifts and moves: check,
 * function and the message with numbers and directories taken out.
 */
void fl_finding_key(char *buf, unsigned long len, const char *check,
		    const char *function, const char *msg);

struct fl_baseline {
	char **keys;
	int nkeys;
};

/* Read a baseline; errors name FILE:LINE through error().  Returns the
 * number of errors (good lines are kept). */
int fl_baseline_read(struct fl_baseline *bl, const char *path,
		     void (*error)(void *ctx, const char *msg), void *ctx);
bool fl_baseline_has(const struct fl_baseline *bl, const char *key);
void fl_baseline_write_header(FILE *out);
void fl_baseline_write(FILE *out, const char *check, const char *function,
		       const char *file, const char *msg);

#ifdef __cplusplus
}
#endif

#endif
