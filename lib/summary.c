// SPDX-License-Identifier: GPL-2.0
/*
 * Function summaries, computed bottom-up over the calls inside a unit: the
 * locks a function leaves held or releases for its caller (inode_lock and
 * other wrappers), whether it may fault on user memory, and every lock it
 * takes anywhere inside (the raw material of fault-path lock sets).
 */
#include <string.h>

#include "lockset.h"

struct summary_ctx {
	const struct fl_unit *unit;
	struct fl_summary *s;
};

static void add_effect(struct fl_effect **set, int *n, const struct fl_held *h,
		       enum fl_success success)
{
	int i;

	for (i = 0; i < *n; i++) {
		const struct fl_effect *e = &(*set)[i];

		if (e->param == h->param && e->mode == h->mode &&
		    e->success == success &&
		    (e->lock_class == h->lock_class ||
		     (e->lock_class && h->lock_class &&
		      !strcmp(e->lock_class, h->lock_class))))
			return;
	}
	*set = fl_xrealloc(*set, (*n + 1) * sizeof(**set));
	(*set)[*n].lock_class = h->lock_class;
	(*set)[*n].display = h->display;
	(*set)[*n].mode = h->mode;
	(*set)[*n].param = h->param;
	(*set)[*n].success = success;
	(*set)[*n].loc = h->loc;
	(*n)++;
}

static void add_name(struct fl_summary *s, const char *lock_class)
{
	int i;

	for (i = 0; i < s->nfault_released; i++)
		if (!strcmp(s->fault_released[i], lock_class))
			return;
	s->fault_released = fl_xrealloc(
		s->fault_released, (s->nfault_released + 1) * sizeof(char *));
	s->fault_released[s->nfault_released++] = lock_class;
}

static void add_take(struct fl_summary *s, const struct fl_take *t)
{
	int i;

	if (!t->lock_class)
		return;
	for (i = 0; i < s->ntakes; i++)
		if (s->takes[i].mode == t->mode &&
		    !strcmp(s->takes[i].lock_class, t->lock_class))
			return;
	s->takes = fl_xrealloc(s->takes, (s->ntakes + 1) * sizeof(*s->takes));
	s->takes[s->ntakes++] = *t;
}

/* Whether this fault happens with lock_class released. */
static bool released_at(const struct fl_state *before,
			const struct fl_fault_call *fc, const char *lock_class)
{
	int i;

	for (i = 0; i < before->nreleased; i++)
		if (before->released[i].lock_class &&
		    !strcmp(before->released[i].lock_class, lock_class))
			return true;
	return fl_fault_spares(fc, lock_class);
}

/* fault_released: what is released before every faulting call. */
static void note_fault_released(struct fl_summary *s,
				const struct fl_state *before,
				const struct fl_fault_call *fc)
{
	const struct fl_summary *via = fc->via ? fc->via->summary : NULL;
	int i;

	if (!s->may_fault) {
		for (i = 0; i < before->nreleased; i++)
			if (before->released[i].lock_class)
				add_name(s, before->released[i].lock_class);
		for (i = 0; via && i < via->nfault_released; i++)
			add_name(s, via->fault_released[i]);
		if (fc->except)
			add_name(s, fc->except);
		return;
	}
	for (i = 0; i < s->nfault_released; i++)
		if (!released_at(before, fc, s->fault_released[i]))
			s->fault_released[i--] =
				s->fault_released[--s->nfault_released];
}

/* Source order: file, line, column, then the callee's name. */
static int site_cmp(const struct fl_fault_site *a,
		    const struct fl_fault_site *b)
{
	int d = strcmp(a->loc.file ? a->loc.file : "",
		       b->loc.file ? b->loc.file : "");

	if (!d)
		d = a->loc.line - b->loc.line;
	if (!d)
		d = a->loc.column - b->loc.column;
	if (!d)
		d = strcmp(a->callee ? a->callee : "",
			   b->callee ? b->callee : "");
	return d;
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool same_condition(const struct fl_fault_site *a,
			   const struct fl_fault_site *b)
{
	return a->iter_param == b->iter_param &&
	       same_str(a->iter_type, b->iter_type) &&
	       a->fnptr_param == b->fnptr_param && same_str(a->fnptr, b->fnptr);
}

/*
 * Add a way of faulting.  An unconditional one replaces every condition;
 * a condition keeps its first site in the source; beyond
 * FL_MAX_FAULT_SITES the conditions last in the source go.  The result
 * does not depend on the order the front end's blocks come in, so every
 * front end names the same calls.
 */
static void add_site(struct fl_summary *s, const struct fl_fault_site *site)
{
	bool always = !site->iter_param && !site->fnptr_param;
	int i;

	if (s->nfaults && !s->faults[0].iter_param &&
	    !s->faults[0].fnptr_param) {
		if (always && site_cmp(site, &s->faults[0]) < 0)
			s->faults[0] = *site;
		return;
	}
	if (always) {
		s->faults[0] = *site;
		s->nfaults = 1;
		return;
	}
	for (i = 0; i < s->nfaults; i++)
		if (same_condition(&s->faults[i], site))
			break;
	if (i < s->nfaults) {
		if (site_cmp(site, &s->faults[i]) >= 0)
			return;
		/* The same condition, earlier: take it out and re-insert. */
		memmove(&s->faults[i], &s->faults[i + 1],
			(--s->nfaults - i) * sizeof(*s->faults));
	}
	for (i = s->nfaults; i > 0 && site_cmp(site, &s->faults[i - 1]) < 0;
	     i--)
		if (i < FL_MAX_FAULT_SITES)
			s->faults[i] = s->faults[i - 1];
	if (i < FL_MAX_FAULT_SITES) {
		s->faults[i] = *site;
		if (s->nfaults < FL_MAX_FAULT_SITES)
			s->nfaults++;
	}
}

static void note_fault(struct summary_ctx *c, const struct fl_function *fn,
		       const struct fl_event *ev, const struct fl_state *before)
{
	struct fl_fault_call all[FL_MAX_FAULT_SITES];
	int i, n = fl_call_faults(c->unit, ev, before, all);

	for (i = 0; i < n; i++) {
		const struct fl_fault_call *fc = &all[i];
		struct fl_fault_site site = {.callee = ev->callee,
					     .loc = ev->loc};

		note_fault_released(c->s, before, fc);
		/*
		 * Faulting only through the caller's iterator (or the struct
		 * that holds it), and/or only when the caller's function
		 * pointer is the callee (if (p == f) f(...)): the caller
		 * decides.
		 */
		if (ev->fnptr_param) {
			site.fnptr_param = ev->fnptr_param;
			site.fnptr = ev->callee;
		} else if (fc->fnptr_arg && fc->fnptr_arg <= ev->nargs) {
			site.fnptr_param = ev->args[fc->fnptr_arg - 1].param;
			site.fnptr = fc->fnptr;
		}
		if (fc->iter_arg && fc->iter_arg <= ev->nargs) {
			const struct fl_operand *op =
				&ev->args[fc->iter_arg - 1];

			site.iter_param =
				op->param ? op->param : op->base_param;
			if (site.iter_param)
				site.iter_type = fl_fault_object_type(
					!fc->via, fc->iter_type, !op->param,
					fl_param_type(fn, site.iter_param));
		}
		add_site(c->s, &site);
		c->s->may_fault = true;
	}
}

static void note_takes(struct summary_ctx *c, const struct fl_function *fn,
		       const struct fl_event *ev)
{
	const struct fl_rule *r;
	const struct fl_function *callee;
	struct fl_held h;
	int i;

	r = fl_rules_find(c->unit->rules, ev->callee,
			  FL_KIND_BIT(FL_RULE_LOCK) |
				  FL_KIND_BIT(FL_RULE_TRYLOCK));
	/*
	 * The locks a fault path waits for: a trylock that never waits (and
	 * backs off when it fails) cannot deadlock against the faulting task.
	 */
	if (r && r->kind == FL_RULE_TRYLOCK && r->nowait)
		return;
	if (r) {
		if (fl_rule_lock_operand(c->unit, fn, r, ev, &h) &&
		    h.lock_class) {
			struct fl_take t = {h.lock_class, h.display, h.mode,
					    fn->name, ev->loc};

			add_take(c->s, &t);
		}
		return;
	}
	callee = fl_unit_find(c->unit, ev->callee);
	if (!callee || callee == fn || !callee->summary ||
	    callee->summary->status != 2)
		return;
	/*
	 * A guard takes what its constructor takes, on its argument: the
	 * locks of its body, and the parameter it locks (DEFINE_GUARD).
	 */
	if (fl_guard_lock(c->unit, fn, ev, &h)) {
		const struct fl_summary *s = callee->summary;

		for (i = 0; h.lock_class && i < s->ntakes + s->nacquires; i++) {
			struct fl_take t = {
				h.lock_class, h.display,
				i < s->ntakes ? s->takes[i].mode
					      : s->acquires[i - s->ntakes].mode,
				fn->name, ev->loc};

			add_take(c->s, &t);
		}
		return;
	}
	for (i = 0; i < callee->summary->ntakes; i++)
		add_take(c->s, &callee->summary->takes[i]);
}

/*
 * DAX layouts: a function breaks them if some call in it does; it removes
 * blocks "unbroken" if a removal is reached with no break before it on any
 * path and the inode not proven non-DAX: its callers must break first.
 */
static void note_layouts(struct summary_ctx *c, const struct fl_event *ev,
			 const struct fl_state *before)
{
	if (fl_call_breaks_layouts(c->unit, ev))
		c->s->breaks_layouts = true;
	if (!c->s->removes_unbroken && !before->layout_broken &&
	    !before->not_dax && fl_call_removes_blocks(c->unit, ev)) {
		c->s->removes_unbroken = true;
		c->s->remove_callee = ev->callee;
		c->s->remove_loc = ev->loc;
	}
}

/* A parameter set up over kernel memory, here or by a helper. */
static void note_kernel_iters(struct summary_ctx *c,
			      const struct fl_function *fn,
			      const struct fl_event *ev)
{
	const struct fl_rule *r = fl_rules_find(
		c->unit->rules, ev->callee, FL_KIND_BIT(FL_RULE_KERNEL_ITER));
	const struct fl_function *callee = fl_unit_find(c->unit, ev->callee);
	int k;

	for (k = 0; k < ev->nargs && k < 64; k++) {
		int p = ev->args[k].param ? ev->args[k].param
					  : ev->args[k].base_param;

		if (p < 1 || p > 64)
			continue;
		if ((r && r->arg == k + 1) ||
		    (!r && callee && callee != fn && callee->summary &&
		     (callee->summary->kernel_iter_params & (1ULL << k))))
			c->s->kernel_iter_params |= 1ULL << (p - 1);
	}
}

static void summary_call(void *ctx, const struct fl_function *fn,
			 const struct fl_event *ev,
			 const struct fl_state *before)
{
	struct summary_ctx *c = ctx;

	note_kernel_iters(c, fn, ev);
	note_fault(c, fn, ev, before);
	note_takes(c, fn, ev);
	note_layouts(c, ev, before);
	if (c->unit->observe_call)
		c->unit->observe_call(c->unit, fn, ev, before);
}

static void summary_return(void *ctx, const struct fl_function *fn,
			   const struct fl_event *ev,
			   const struct fl_state *before)
{
	struct summary_ctx *c = ctx;
	int i;

	(void)fn;
	for (i = 0; i < before->nheld; i++) {
		const struct fl_held *h = &before->held[i];

		if (h->may_only ||
		    (h->cond_var && h->cond_var != ev->value.var)) {
			if (!h->is_pin)
				add_effect(&c->s->cond_acquires,
					   &c->s->ncond_acquires, h,
					   FL_SUCCESS_NONE);
			continue; /* a wrapper must leave it held on every path
				   */
		}
		if (!h->cond_var)
			add_effect(&c->s->acquires, &c->s->nacquires, h,
				   FL_SUCCESS_NONE);
		else if (h->cond_var == ev->value.var)
			add_effect(&c->s->acquires, &c->s->nacquires, h,
				   h->success);
	}
	for (i = 0; i < before->nreleased; i++)
		add_effect(&c->s->releases, &c->s->nreleases,
			   &before->released[i], FL_SUCCESS_NONE);
}

static void summarize(const struct fl_unit *unit, struct fl_function *fn)
{
	struct summary_ctx c = {unit, fn->summary};
	struct fl_hooks hooks = {
		.call = summary_call, .ret = summary_return, .ctx = &c};
	int b, e;

	if (fn->summary->status)
		return; /* done, or recursion: use what is known */
	fn->summary->status = 1;
	for (b = 0; b < fn->nblocks; b++) {
		for (e = 0; e < fn->blocks[b].nevents; e++) {
			const struct fl_event *ev = &fn->blocks[b].events[e];
			struct fl_function *callee;

			if (ev->kind != FL_EV_CALL)
				continue;
			callee = fl_unit_find(unit, ev->callee);
			if (callee)
				summarize(unit, callee);
		}
	}
	fl_lockset_run(unit, fn, &hooks);
	fn->summary->status = 2;
}

void fl_summarize_unit(struct fl_unit *unit)
{
	int i;

	for (i = 0; i < unit->nfuncs; i++)
		if (!unit->funcs[i]->summary)
			unit->funcs[i]->summary =
				fl_xcalloc(1, sizeof(struct fl_summary));
	for (i = 0; i < unit->nfuncs; i++)
		summarize(unit, unit->funcs[i]);
}
