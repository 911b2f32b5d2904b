/* SPDX-License-Identifier: GPL-2.0 */
/* The checks, one file each: check_<name>.c. */
#ifndef FAULTLINE_CHECKS_H
#define FAULTLINE_CHECKS_H

#include "model.h"
#include "pageflow.h"
#include "rules.h"

#include <stddef.h>

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

/* Whether a unit uses the DAX API (the class-C check applies). */
bool fl_unit_uses_dax(const struct fl_unit *unit);
bool fl_unit_maps_pagecache(const struct fl_unit *unit);
/* Why fn roots a block-removing path without an ops table, or NULL. */
const char *fl_layout_root_reason(const struct fl_unit *unit,
				  const struct fl_function *fn);

/* The texts of dax-no-layout-break reports, shared with the link step. */
void fl_dax_warning_text(char *msg, size_t len, const char *callee);
void fl_dax_context_text(char *msg, size_t len, const char *fn,
			 const char *entry, const char *why, bool called);
void fl_dax_fix_text(char *msg, size_t len, const struct fl_rules *rules);

/* The texts of fault-under-lock reports, shared with the link step. */
void fl_ful_warning_text(char *msg, size_t len, const char *callee,
			 const char *macro, const char *held_display,
			 enum fl_mode held_mode, const char *entry,
			 const struct fl_rule *rule);
void fl_ful_taken_text(char *msg, size_t len, const char *display,
		       const char *lock_class, const char *via);
void fl_ful_path_text(char *msg, size_t len, const char *entry,
		      const char *entry_field, const char *taker,
		      const char *take_display, enum fl_mode held_mode);

/* The texts of gup-unpinned and pin-mismatch reports, shared with the link
 * step (kind: the sink's rule kind; what: its callee, or the field). */
void fl_gup_unpinned_text(char *msg, size_t len, const char *source,
			  const char *instead);
void fl_gup_sink_text(char *msg, size_t len, enum fl_rule_kind kind,
		      const char *what, const char *fn);
void fl_pin_mismatch_text(char *msg, size_t len, const char *release,
			  bool pinned, const char *source, const char *instead);
void fl_pin_taken_text(char *msg, size_t len, const char *fn);
/* The text of a pin-leak report (pins by pin_callee, fn returning). */
void fl_pin_leak_text(char *msg, size_t len, const char *pin_callee,
		      const char *fn);

#endif
