/* SPDX-License-Identifier: GPL-2.0 */
/* The checks, one file each: check_<name>.c. */
#ifndef FAULTLINE_CHECKS_H
#define FAULTLINE_CHECKS_H

#include "model.h"
#include "pageflow.h"

void fl_check_dax_no_layout_break(const struct fl_unit *unit,
				  const struct fl_diag_sink *sink);
void fl_check_fault_under_lock(const struct fl_unit *unit,
			       const struct fl_diag_sink *sink);
void fl_check_gup_unpinned(const struct fl_pageflow *pf,
			   const struct fl_diag_sink *sink);
void fl_check_pin_mismatch(const struct fl_pageflow *pf,
			   const struct fl_diag_sink *sink);
void fl_check_pin_leak(const struct fl_unit *unit,
		       const struct fl_diag_sink *sink);

#endif
