// SPDX-License-Identifier: GPL-2.0
/*
 * pin-leak across units: check_pin_leak.c leaves to the link a pin still
 * held at a return after its pages went to a function of another unit
 * (pleak), since that function may release or keep them.  The link reports
 * it when the function is in the program and its unit only looks at the
 * pages of that parameter (plook): nothing releases them, stores them or
 * hands them on.  A function not in the program says nothing.
 */
#include <stdio.h>

#include "checks.h"
#include "link.h"

static void check_function(struct ln_program *prog,
			   const struct ln_function *fn)
{
	int i;

	for (i = 0; i < fn->npin_leaks; i++) {
		const struct ln_pin_leak *l = &fn->pin_leaks[i];
		const struct ln_function *t =
			ln_resolve(prog, fn->unit, l->callee);
		struct ln_finding *f;
		char msg[1024];

		if (!t || t->unit == fn->unit ||
		    !(t->page_looks & (1ULL << (l->arg - 1))))
			continue;
		fl_pin_leak_text(msg, sizeof(msg), l->pin_callee, fn->name);
		f = ln_add_finding(prog, "pin-leak", fn, &l->ret, msg);
		if (!f)
			continue;
		ln_add_note(f, &l->pin, "the pages are pinned here");
		snprintf(msg, sizeof(msg),
			 "the pages are passed to '%s' here, in %s, which only "
			 "looks at them: the pins are still the caller's",
			 l->callee, t->unit->source);
		ln_add_note(f, &l->call, msg);
	}
}

void ln_check_pin_leak(struct ln_program *prog)
{
	int u, i;

	for (u = 0; u < prog->nunits; u++)
		for (i = 0; i < prog->units[u]->nfuncs; i++)
			check_function(prog, prog->units[u]->funcs[i]);
}
