// SPDX-License-Identifier: GPL-2.0
/*
 * gup-unpinned: user pages taken with FOLL_GET (get_user_pages*,
 * iov_iter_get_pages*) whose data then goes to I/O or DMA.  A plain page
 * reference does not stop writeback or COW from racing with the I/O; such
 * pages must be pinned (pin_user_pages.rst, cases 1-2).  Pages used only
 * as struct pages (flags, mapping) reach no sink and are not reported.
 */
#include <stdio.h>
#include <stdlib.h>

#include "checks.h"
#include "pageflow.h"

void fl_gup_unpinned_text(char *msg, size_t len, const char *source,
			  const char *instead)
{
	snprintf(msg, len,
		 "pages from '%s' are only referenced (FOLL_GET) but "
		 "their data is read or written (I/O, DMA or the CPU); "
		 "pin "
		 "them with '%s' and "
		 "release them with the matching unpin "
		 "[faultline:gup-unpinned]",
		 source, instead);
}

void fl_gup_sink_text(char *msg, size_t len, enum fl_rule_kind kind,
		      const char *what, const char *fn)
{
	if (kind == FL_RULE_PAGES_MAP)
		snprintf(msg, len,
			 "the page data is written through '%s' here, in '%s'",
			 what, fn);
	else if (kind == FL_RULE_PAGES_SINK_FIELD)
		snprintf(msg, len, "the pages are stored in '%s' here, in '%s'",
			 what, fn);
	else
		snprintf(msg, len, "the pages reach '%s' here, in '%s'", what,
			 fn);
}

void fl_check_gup_unpinned(const struct fl_pageflow *pf,
			   const struct fl_diag_sink *sink)
{
	int i, j;

	for (i = 0; i < pf->nsites; i++) {
		const struct fl_page_site *src = &pf->sites[i];
		const struct fl_page_site *best = NULL;
		int *reached, best_dist = 0;
		char msg[1024];

		if (src->rule->kind != FL_RULE_PAGES_GET)
			continue;
		/*
		 * Through fields that also hold other pages too (a request's
		 * page array serves direct and buffered I/O): the user pages
		 * do reach its sinks.
		 */
		reached = fl_pageflow_reach(pf, src->node);
		/* The nearest sink makes the clearest note. */
		for (j = 0; j < pf->nsites; j++) {
			const struct fl_page_site *s = &pf->sites[j];

			if ((s->rule->kind == FL_RULE_PAGES_SINK ||
			     s->rule->kind == FL_RULE_PAGES_SINK_FIELD ||
			     s->rule->kind == FL_RULE_PAGES_MAP) &&
			    reached[s->node] &&
			    (!best || reached[s->node] < best_dist)) {
				best = s;
				best_dist = reached[s->node];
			}
		}
		free(reached);
		if (!best)
			continue;
		fl_gup_unpinned_text(msg, sizeof(msg), src->ev->callee,
				     src->rule->instead);
		sink->warning(sink->ctx, src->fn, &src->ev->loc, msg);
		fl_gup_sink_text(msg, sizeof(msg), best->rule->kind,
				 best->rule->kind == FL_RULE_PAGES_SINK_FIELD ?
					 best->rule->name :
					 best->ev->callee,
				 best->fn->name);
		sink->note(sink->ctx, &best->ev->loc, msg);
	}
}
