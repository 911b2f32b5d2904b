/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How a warning of a check is reported, whatever prints it: a
 * 'faultline: ignore -- why' marker keeps it out of sight (the facts keep
 * it as suppressed); a marker without a reason suppresses nothing and says
 * so in a note.  Every front end decides through this one function.
 */
#ifndef FAULTLINE_REPORT_H
#define FAULTLINE_REPORT_H

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

struct fl_report {
	const char *suppressed; /* the marker's reason: do not show it */
	char note[200];		/* a note to show after it, or "" */
};

void fl_report_classify(const struct fl_function *fn, const struct fl_loc *loc,
			const char *msg, struct fl_report *r);

#ifdef __cplusplus
}
#endif

#endif
