// SPDX-License-Identifier: GPL-2.0
/*
 * dax-no-layout-break across units: an entry point named by an ops table
 * in one unit (ext4's file_operations in file.c) whose path, through
 * functions of other units, reaches a block removal with no layout break
 * before it on any path.  Only for directories that use the DAX API, as
 * check_dax_no_layout_break.c; what the plugin reported is not repeated.
 */
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "link.h"

static bool dir_uses_dax(const struct ln_program *prog, const char *dir)
{
	int u;

	for (u = 0; u < prog->nunits; u++)
		if (prog->units[u]->dir == dir && prog->units[u]->dax)
			return true;
	return false;
}

static void report(struct ln_program *prog, const struct ln_function *entry,
		   const char *why)
{
	const struct ln_function *fn = entry, *caller = NULL;
	const struct ln_call *last = NULL;
	const struct ln_remove *rm;
	struct ln_finding *f;
	char msg[1024];
	int hops = 0;

	while (fn->remove_via && hops++ < 1000) {
		caller = fn;
		last = fn->remove_via;
		fn = last->target;
	}
	if (!fn->nremoves)
		return;
	rm = &fn->removes[0];
	if (ln_plugin_reported(fn->unit, "dax-no-layout-break", &rm->loc))
		return;
	fl_dax_warning_text(msg, sizeof(msg), rm->callee);
	f = ln_add_finding(prog, "dax-no-layout-break", fn, &rm->loc, msg);
	if (!f)
		return;
	fl_dax_context_text(msg, sizeof(msg), fn->name, entry->name, why,
			    caller != NULL);
	ln_add_note(f, last ? &last->loc : &fn->loc, msg);
	fl_dax_fix_text(msg, sizeof(msg), prog->rules);
	ln_add_note(f, &rm->loc, msg);
}

void ln_check_dax_no_layout_break(struct ln_program *prog)
{
	int u, i;

	for (u = 0; u < prog->nunits; u++) {
		const struct ln_unit *unit = prog->units[u];

		if (!dir_uses_dax(prog, unit->dir))
			continue;
		for (i = 0; i < unit->nops; i++) {
			const char *field;
			const struct ln_function *fn = ln_op_function(
				prog, unit, &unit->ops[i], FL_RULE_LAYOUT_ENTRY,
				&field);

			if (fn && fn->removes_unbroken)
				report(prog, fn, field);
		}
		for (i = 0; i < unit->nfuncs; i++)
			if (unit->funcs[i]->root_reason &&
			    unit->funcs[i]->removes_unbroken)
				report(prog, unit->funcs[i],
				       unit->funcs[i]->root_reason);
	}
}
