// SPDX-License-Identifier: GPL-2.0
/*
 * pin-mismatch: pages pinned with FOLL_PIN released with put_page() or
 * release_pages(), or FOLL_GET pages released with unpin_user_page(s)().
 * The pin count and the reference count are different counters; mixing
 * them leaks one and underflows the other.
 */
#include <stdio.h>
#include <stdlib.h>

#include "checks.h"
#include "lockset.h"
#include "pageflow.h"

void fl_pin_mismatch_text(char *msg, size_t len, const char *release,
			  bool pinned, const char *source, const char *instead)
{
	snprintf(msg, len,
		 "'%s' releases pages taken with %s by '%s'; "
		 "use '%s' [faultline:pin-mismatch]",
		 release, pinned ? "FOLL_PIN" : "FOLL_GET", source, instead);
}

void fl_pin_taken_text(char *msg, size_t len, const char *fn)
{
	snprintf(msg, len, "the pages are taken here, in '%s'", fn);
}

void fl_check_pin_mismatch(const struct fl_pageflow *pf,
			   const struct fl_diag_sink *sink)
{
	int i, j;
	/*
	 * A release of what leaves a field that also holds other pages (a
	 * page-cache folio array shared with direct I/O) cannot be tied to
	 * the pin.
	 */
	bool *mixed = fl_pageflow_mixed_fields(pf);

	for (i = 0; i < pf->nsites; i++) {
		const struct fl_page_site *src = &pf->sites[i];
		enum fl_rule_kind wrong;
		int *reached;

		if (src->rule->kind == FL_RULE_PAGES_PIN)
			wrong = FL_RULE_PAGES_PUT;
		else if (src->rule->kind == FL_RULE_PAGES_GET)
			wrong = FL_RULE_PAGES_UNPIN;
		else
			continue;
		/*
		 * Pins from an iterator: none from one over kernel memory,
		 * and where the function tests which kind it has, a put may
		 * be the release of the kernel pages the other branch took.
		 */
		if (src->rule->iter && src->rule->iter <= src->ev->nargs) {
			unsigned var = src->ev->args[src->rule->iter - 1].var;

			if (fl_iter_is_kernel(pf->unit, src->fn, var) ||
			    fl_iter_kind_tested(pf->unit, src->fn, var))
				continue;
		}
		reached = fl_pageflow_reach_avoiding(pf, src->node, mixed);
		for (j = 0; j < pf->nsites; j++) {
			const struct fl_page_site *rel = &pf->sites[j];
			char msg[1024];

			if (rel->rule->kind != wrong || !reached[rel->node])
				continue;
			fl_pin_mismatch_text(msg, sizeof(msg), rel->ev->callee,
					     wrong == FL_RULE_PAGES_PUT,
					     src->ev->callee,
					     rel->rule->instead);
			sink->warning(sink->ctx, rel->fn, &rel->ev->loc, msg);
			fl_pin_taken_text(msg, sizeof(msg), src->fn->name);
			sink->note(sink->ctx, &src->ev->loc, msg);
		}
		free(reached);
	}
	free(mixed);
}
