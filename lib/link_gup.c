// SPDX-License-Identifier: GPL-2.0
/*
 * gup-unpinned and pin-mismatch across units: the checks of
 * check_gup_unpinned.c and check_pin_mismatch.c for pages one unit takes
 * and another uses or releases (NFS direct I/O takes pages in direct.c and
 * hands each to nfs_page_create_from_page() in pagelist.c).  The facts say
 * where each parameter's pages end inside its unit (psink, prel) and which
 * external calls they go on to (ppass); a fixpoint over the resolved calls
 * gives where they end in the whole program.  Reports are made where the
 * pages are taken (gup-unpinned) or released (pin-mismatch), as the
 * plugin's, and not repeated where the plugin already made them.
 */
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "link.h"

static int end_kind(const struct ln_page_use *u)
{
	if (!u->release)
		return LN_END_SINK;
	return u->kind == LN_REL_GET ? LN_END_PUT : LN_END_UNPIN;
}

static void resolve_pages(struct ln_program *prog, struct ln_function *fn)
{
	int i, n = 0;

	for (i = 0; i < fn->npage_uses; i++)
		if (fn->page_uses[i].param > n)
			n = fn->page_uses[i].param;
	for (i = 0; i < fn->npage_passes; i++) {
		struct ln_page_pass *p = &fn->page_passes[i];

		p->target = ln_resolve(prog, fn->unit, p->callee);
		if (p->param > n)
			n = p->param;
	}
	for (i = 0; i < fn->npage_calls; i++)
		fn->page_calls[i].target =
			ln_resolve(prog, fn->unit, fn->page_calls[i].callee);
	fn->npage_params = n;
	fn->page_ends = n ? fl_xcalloc(n, sizeof(*fn->page_ends)) : NULL;
}

/* The end of kind k of target's parameter arg, if known. */
static const struct ln_page_end *param_end(const struct ln_function *t,
					   int arg, int k)
{
	if (!t || arg > t->npage_params || !t->page_ends[arg - 1][k].use)
		return NULL;
	return &t->page_ends[arg - 1][k];
}

/* Ends are set once, the first found: the fixpoint only grows. */
static bool pages_step(struct ln_function *fn)
{
	bool changed = false;
	int i, k;

	for (i = 0; i < fn->npage_uses; i++) {
		const struct ln_page_use *u = &fn->page_uses[i];
		struct ln_page_end *e = &fn->page_ends[u->param - 1][end_kind(u)];

		if (!e->use) {
			e->use = u;
			e->owner = fn;
			changed = true;
		}
	}
	for (i = 0; i < fn->npage_passes; i++) {
		const struct ln_page_pass *p = &fn->page_passes[i];

		for (k = 0; k < LN_NENDS; k++) {
			const struct ln_page_end *t =
				param_end(p->target, p->arg, k);
			struct ln_page_end *e = &fn->page_ends[p->param - 1][k];

			if (!t || e->use || p->target == fn)
				continue;
			e->use = t->use;
			e->owner = t->owner;
			e->via = p;
			changed = true;
		}
	}
	return changed;
}


/* A function of unit by name (the record's), else fallback. */
static const struct ln_function *unit_function(const struct ln_unit *unit,
					       const char *name,
					       const struct ln_function *fallback)
{
	int i;

	for (i = 0; i < unit->nfuncs; i++)
		if (unit->funcs[i]->name == name)
			return unit->funcs[i];
	return fallback;
}

static void pass_note(struct ln_finding *f, const struct fl_loc *loc,
		      const char *callee, const struct ln_function *target)
{
	char msg[1024];

	snprintf(msg, sizeof(msg), "the pages are passed to '%s' here, in %s",
		 callee, target->unit->source);
	ln_add_note(f, loc, msg);
}

/* From the call c into t's parameter arg, one note per hand-off. */
static void chain_notes(struct ln_finding *f, const struct ln_page_call *c,
			int arg, int k)
{
	const struct ln_function *t = c->target;
	const struct ln_page_end *e = param_end(t, arg, k);
	int hops = 0;

	pass_note(f, &c->loc, c->callee, t);
	while (e && e->via && hops++ < 32) {
		pass_note(f, &e->via->loc, e->via->callee, e->via->target);
		e = param_end(e->via->target, e->via->arg, k);
	}
}

static enum fl_rule_kind sink_rule_kind(char kind)
{
	if (kind == LN_SINK_WRITE)
		return FL_RULE_PAGES_MAP;
	if (kind == LN_SINK_FIELD)
		return FL_RULE_PAGES_SINK_FIELD;
	return FL_RULE_PAGES_SINK;
}

static void report_unpinned(struct ln_program *prog,
			    const struct ln_function *fn,
			    const struct ln_page_source *src,
			    const struct ln_page_call *c, int arg)
{
	const struct ln_page_end *e = param_end(c->target, arg, LN_END_SINK);
	const struct fl_rule *r = fl_rules_find(
		prog->rules, src->callee, FL_KIND_BIT(FL_RULE_PAGES_GET));
	struct ln_finding *f;
	char msg[1024];

	if (ln_plugin_reported(fn->unit, "gup-unpinned", &src->loc))
		return;
	fl_gup_unpinned_text(msg, sizeof(msg), src->callee,
			     r && r->instead ? r->instead :
						  "its FOLL_PIN twin");
	f = ln_add_finding(prog, "gup-unpinned",
			   unit_function(fn->unit, src->function, fn),
			   &src->loc, msg);
	if (!f)
		return;
	chain_notes(f, c, arg, LN_END_SINK);
	fl_gup_sink_text(msg, sizeof(msg), sink_rule_kind(e->use->kind),
			 e->use->callee, e->use->function);
	ln_add_note(f, &e->use->loc, msg);
}

static void report_mismatch(struct ln_program *prog,
			    const struct ln_function *fn,
			    const struct ln_page_source *src,
			    const struct ln_page_call *c, int arg, int k)
{
	const struct ln_page_end *e = param_end(c->target, arg, k);
	const struct ln_page_use *rel = e->use;
	const struct fl_rule *r = fl_rules_find(
		prog->rules, rel->callee,
		FL_KIND_BIT(FL_RULE_PAGES_PUT) | FL_KIND_BIT(FL_RULE_PAGES_UNPIN));
	struct ln_finding *f;
	char msg[1024];

	if (ln_plugin_reported(e->owner->unit, "pin-mismatch", &rel->loc))
		return;
	fl_pin_mismatch_text(msg, sizeof(msg), rel->callee, src->pinned,
			     src->callee,
			     /* instead= is required: rules read by the link differ
			      * from the plugin's only if changed since */
			     r && r->instead ? r->instead : "the matching release");
	f = ln_add_finding(prog, "pin-mismatch",
			   unit_function(e->owner->unit, rel->function,
					 e->owner),
			   &rel->loc, msg);
	if (!f)
		return;
	fl_pin_taken_text(msg, sizeof(msg), src->function);
	ln_add_note(f, &src->loc, msg);
	chain_notes(f, c, arg, k);
}

static void check_calls(struct ln_program *prog, const struct ln_function *fn)
{
	int i, j;

	for (i = 0; i < fn->npage_calls; i++) {
		const struct ln_page_call *c = &fn->page_calls[i];

		if (!c->target || c->target->unit == fn->unit)
			continue;
		for (j = 0; j < c->nargs; j++) {
			const struct ln_page_arg *a = &c->args[j];
			const struct ln_page_source *src;

			if (!a->source)
				continue;
			src = &fn->unit->page_sources[a->source - 1];
			if (!src->pinned &&
			    param_end(c->target, a->arg, LN_END_SINK))
				report_unpinned(prog, fn, src, c, a->arg);
			if (src->pinned &&
			    param_end(c->target, a->arg, LN_END_PUT))
				report_mismatch(prog, fn, src, c, a->arg,
						LN_END_PUT);
			if (!src->pinned &&
			    param_end(c->target, a->arg, LN_END_UNPIN))
				report_mismatch(prog, fn, src, c, a->arg,
						LN_END_UNPIN);
		}
	}
}

void ln_check_gup(struct ln_program *prog)
{
	int u, i;

	for (u = 0; u < prog->nunits; u++)
		for (i = 0; i < prog->units[u]->nfuncs; i++)
			resolve_pages(prog, prog->units[u]->funcs[i]);
	ln_fixpoint(prog, pages_step);
	for (u = 0; u < prog->nunits; u++)
		for (i = 0; i < prog->units[u]->nfuncs; i++)
			check_calls(prog, prog->units[u]->funcs[i]);
}
