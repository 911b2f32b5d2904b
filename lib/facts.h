/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-unit facts: what the link step (tools/faultline-link) needs to know
 * about a translation unit to find bugs that cross units.  The plugin
 * writes them as text into the object file, in a section the kernel's
 * linker scripts discard (.discard.faultline), so they come back through
 * ccache and distcc with the object.  The format is documented in
 * lib/FACTS.md; FL_FACTS_VERSION changes whenever a record changes.
 */
#ifndef FAULTLINE_FACTS_H
#define FAULTLINE_FACTS_H

#include "model.h"

#ifdef __cplusplus
extern "C" {
#endif

#define FL_FACTS_VERSION 7
/* Versions 3 to 6 only added records and argument kinds: version 2 facts
 * still read. */
#define FL_FACTS_OLDEST 2
#define FL_FACTS_SECTION ".discard.faultline"
#define FL_FACTS_MAGIC "faultline-facts"

/* One diagnostic the front end reported, kept for the facts. */
struct fl_logged_diag {
	bool is_note;
	const char *check;    /* "fault-under-lock"; NULL for notes */
	const char *function; /* NULL for notes */
	struct fl_loc loc;
	const char *msg;
	const char *suppressed; /* the marker's reason, or NULL */
};

struct fl_diag_log {
	struct fl_logged_diag *items;
	int n;
};

void fl_diag_log_add(struct fl_diag_log *log, bool is_note,
		     const struct fl_function *fn, const struct fl_loc *loc,
		     const char *msg, const char *suppressed);

/* The check tag of a message: "...[faultline:CHECK]" gives CHECK. */
const char *fl_check_of_message(const char *msg, char *buf, int len);

/* Record call facts while summaries are computed: before fl_check_unit. */
void fl_facts_observe(struct fl_unit *unit);

/*
 * The facts of an analysed unit (summaries computed, checks run) as one
 * NUL-free text; *len is its length.  source names the unit's .c file.
 */
char *fl_facts_write(const struct fl_unit *unit, const char *source,
		     const struct fl_diag_log *log, unsigned long *len);

#ifdef __cplusplus
}
#endif

#endif
