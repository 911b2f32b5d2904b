// SPDX-License-Identifier: GPL-2.0
/*
 * pin-leak: pages pinned in a function and still pinned on some path out
 * of it, while the pages never leave the function (not stored in a field
 * or a global, not returned, not the caller's array).  Error paths after a
 * partial pin are the usual culprit: each leaked pin keeps a page from
 * ever being freed or migrated.
 */
#include <stdio.h>

#include "checks.h"
#include "lockset.h"
#include "pageflow.h"

struct leak_ctx {
	const struct fl_unit *unit;
	const struct fl_diag_sink *sink;
	const struct fl_function *ret_fn; /* whose return_var is ret_var */
	unsigned ret_var;
};

/* The pages belong to someone else: the caller, a struct, a global. */
static bool pages_outlive(const struct fl_unit *unit,
			  const struct fl_function *fn, const char *object)
{
	int p;

	if (fl_pageflow_escapes(unit->pageflow, object))
		return true;
	for (p = 0; p < fn->nparams; p++)
		if (fn->param_objects && fn->param_objects[p] &&
		    fl_pageflow_reaches(unit->pageflow, fn->param_objects[p],
					object))
			return true;
	return false;
}

void fl_pin_leak_text(char *msg, size_t len, const char *pin_callee,
		      const char *fn)
{
	snprintf(msg, len,
		 "pages pinned by '%s' may still be pinned when '%s' "
		 "returns here; unpin them on this path [faultline:pin-leak]",
		 pin_callee, fn);
}

/* Left to the link: h went to a function of another unit (once each). */
static void defer_leak(const struct fl_function *cfn, const struct fl_loc *loc,
		       const struct fl_held *h)
{
	struct fl_function *fn = (struct fl_function *)cfn;
	struct fl_pin_leak *l;
	int i;

	for (i = 0; i < fn->npin_leaks; i++)
		if (fn->pin_leaks[i].ret.line == loc->line &&
		    fn->pin_leaks[i].ret.column == loc->column &&
		    fn->pin_leaks[i].pin.line == h->loc.line &&
		    fn->pin_leaks[i].pin.column == h->loc.column)
			return;
	fn->pin_leaks = fl_xrealloc(
		fn->pin_leaks, (fn->npin_leaks + 1) * sizeof(*fn->pin_leaks));
	l = &fn->pin_leaks[fn->npin_leaks++];
	l->ret = *loc;
	l->pin_callee = h->display;
	l->pin = h->loc;
	l->callee = h->handed_to;
	l->arg = h->handed_arg;
	l->call = h->handed_loc;
}

static void report_leaks(struct leak_ctx *c, const struct fl_function *fn,
			 const struct fl_loc *loc,
			 const struct fl_state *before)
{
	char msg[1024];
	int i;

	for (i = 0; i < before->nheld; i++) {
		const struct fl_held *h = &before->held[i];

		/* Held on every path that pinned anything, and kept here. */
		if (!h->is_pin || h->cond_var || h->voided || h->may_only ||
		    pages_outlive(c->unit, fn, h->object))
			continue;
		if (h->handed_to) {
			defer_leak(fn, loc, h);
			continue;
		}
		fl_pin_leak_text(msg, sizeof(msg), h->display, fn->name);
		c->sink->warning(c->sink->ctx, fn, loc, msg);
		c->sink->note(c->sink->ctx, &h->loc,
			      "the pages are pinned here");
		return; /* one report per return */
	}
}

/* The variable a function returns, or 0 (void, or several). */
static unsigned return_var(const struct fl_function *fn)
{
	unsigned var = 0;
	int b, e;

	for (b = 0; b < fn->nblocks; b++)
		for (e = 0; e < fn->blocks[b].nevents; e++)
			if (fn->blocks[b].events[e].kind == FL_EV_RETURN)
				var = fn->blocks[b].events[e].value.var;
	return var;
}

/*
 * GCC merges the returns of a function into one statement; each source
 * "return X;" is an assignment to its value, with the right line.
 */
static void check_assign(void *ctx, const struct fl_function *fn,
			 const struct fl_event *ev,
			 const struct fl_state *before)
{
	struct leak_ctx *c = ctx;

	/* Once per function, not per assignment: quadratic in big ones. */
	if (c->ret_fn != fn) {
		c->ret_fn = fn;
		c->ret_var = return_var(fn);
	}
	if (c->ret_var && ev->var == c->ret_var)
		report_leaks(ctx, fn, &ev->loc, before);
}

static void check_return(void *ctx, const struct fl_function *fn,
			 const struct fl_event *ev,
			 const struct fl_state *before)
{
	if (ev->loc.line && !ev->value.var)
		report_leaks(ctx, fn, &ev->loc, before);
	else if (!ev->value.var)
		report_leaks(ctx, fn, &fn->loc, before);
}

void fl_check_pin_leak(const struct fl_unit *unit,
		       const struct fl_diag_sink *sink)
{
	struct leak_ctx c = {unit, sink, NULL, 0};
	struct fl_hooks hooks = {
		.ret = check_return, .assign = check_assign, .ctx = &c};
	int i;

	if (!unit->pageflow)
		return;
	for (i = 0; i < unit->nfuncs; i++)
		fl_lockset_run(unit, unit->funcs[i], &hooks);
}
