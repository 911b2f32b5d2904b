// SPDX-License-Identifier: GPL-2.0
/* Whether a warning is shown, and the note a reasonless marker earns. */
#include <stdio.h>

#include "facts.h"
#include "report.h"
#include "suppress.h"

void fl_report_classify(const struct fl_function *fn, const struct fl_loc *loc,
			const char *msg, struct fl_report *r)
{
	struct fl_suppression sup;
	char check[64];

	r->suppressed = NULL;
	r->note[0] = '\0';
	fl_find_suppression(NULL, loc->file, loc->line, fn->loc.line,
			    fl_check_of_message(msg, check, sizeof(check)),
			    &sup);
	if (!sup.found)
		return;
	if (sup.reason)
		r->suppressed = sup.reason;
	else
		snprintf(r->note, sizeof(r->note),
			 "the 'faultline: ignore' marker on line %d gives no "
			 "reason ('-- why'), so it suppresses nothing",
			 sup.line);
}
