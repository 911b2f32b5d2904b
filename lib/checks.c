// SPDX-License-Identifier: GPL-2.0
/* Runs every check over a lowered unit. */
#include "checks.h"
#include "lockset.h"

void fl_check_unit(struct fl_unit *unit, const struct fl_diag_sink *sink)
{
	struct fl_pageflow *pf;
	int i;

	for (i = 0; i < unit->nfuncs; i++)
		fl_mark_guarded_calls(unit->funcs[i]);
	pf = fl_pageflow_build(unit);
	/* Pins ride the lockset dataflow, which asks the page graph. */
	unit->pageflow = pf;
	fl_summarize_unit(unit);
	fl_check_fault_under_lock(unit, sink);
	fl_check_dax_no_layout_break(unit, sink);
	fl_check_gup_unpinned(pf, sink);
	fl_check_pin_mismatch(pf, sink);
	fl_check_pin_leak(unit, sink);
}
