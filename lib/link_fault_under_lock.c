// SPDX-License-Identifier: GPL-2.0
/*
 * fault-under-lock across units: the check of check_fault_under_lock.c
 * with whole-program knowledge.  A filesystem's fault path is collected
 * from its ops tables in every unit of its directory (ocfs2_vm_ops lives
 * in mmap.c, ocfs2_fiemap in extent_map.c) and followed through calls
 * into other units of that directory; a call faults if any unit says so.
 * What the plugin already reported in a unit is not reported again.
 */
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "link.h"
#include "lockset.h"

struct path_lock {
	const char *lock_class;
	enum fl_mode mode;
	const struct ln_function *entry;
	const char *entry_field;
	const struct ln_take *take;
	const struct fl_rule *rule; /* a generic mm lock of the rules */
	int depth; /* 0 the entry takes it, 1 its unit, 2 another unit */
};

struct fault_path {
	const char *dir;
	struct path_lock *locks;
	int nlocks;
};

static void add_lock(struct fault_path *fp, const struct path_lock *l)
{
	int i;

	/* One per class and mode: the most direct evidence for the notes. */
	for (i = 0; i < fp->nlocks; i++)
		if (fp->locks[i].lock_class == l->lock_class &&
		    fp->locks[i].mode == l->mode) {
			if (l->depth < fp->locks[i].depth)
				fp->locks[i] = *l;
			return;
		}
	fp->locks = fl_xrealloc(fp->locks, (fp->nlocks + 1) * sizeof(*l));
	fp->locks[fp->nlocks++] = *l;
}

/*
 * Every lock fn takes, following calls into the same directory.  A class
 * with many instances (instance-lock rules: a quota file's i_rwsem, any
 * f2fs_rwsem) counts only where the fault handler itself takes it, on the
 * faulting file; deeper down it is usually another instance.
 */
static void collect_takes(const struct fl_rules *rules, struct fault_path *fp,
			  const struct ln_function *fn,
			  const struct ln_function *entry, const char *field,
			  int mark)
{
	int i;

	if (((struct ln_function *)fn)->mark == mark)
		return;
	((struct ln_function *)fn)->mark = mark;
	for (i = 0; i < fn->ntakes; i++) {
		struct path_lock l = {fn->takes[i].lock_class,
				      fn->takes[i].mode,
				      entry,
				      field,
				      &fn->takes[i],
				      NULL,
				      2};

		if (fn->takes[i].function == entry->name)
			l.depth = 0;
		else if (fn->unit == entry->unit)
			l.depth = 1;
		if (l.depth > 0 &&
		    fl_rules_find(rules, l.lock_class,
				  FL_KIND_BIT(FL_RULE_INSTANCE_LOCK)))
			continue;
		add_lock(fp, &l);
	}
	for (i = 0; i < fn->ncalls; i++) {
		const struct ln_function *t = fn->calls[i].target;

		if (t && t->unit->dir == fp->dir && t->unit != fn->unit)
			collect_takes(rules, fp, t, entry, field, mark);
		else if (t && t->unit == fn->unit && t != fn)
			collect_takes(rules, fp, t, entry, field, mark);
	}
}

/*
 * Whether a filesystem (a directory's units) maps files through the page
 * cache: an ops table names a pagecache-mmap function or a function calls
 * one.  As fl_unit_maps_pagecache for one unit.
 */
static bool dir_maps_pagecache(const struct ln_program *prog, const char *dir)
{
	fl_kind_mask k = FL_KIND_BIT(FL_RULE_PAGECACHE_MMAP);
	int u, i, f, c;

	for (u = 0; u < prog->nunits; u++) {
		const struct ln_unit *unit = prog->units[u];

		if (unit->dir != dir)
			continue;
		for (i = 0; i < unit->nops; i++)
			if (fl_rules_find(prog->rules, unit->ops[i].function, k))
				return true;
		for (f = 0; f < unit->nfuncs; f++)
			for (c = 0; c < unit->funcs[f]->ncalls; c++)
				if (fl_rules_find(prog->rules,
						  unit->funcs[f]->calls[c].callee,
						  k))
					return true;
	}
	return false;
}

/* A via=pagecache fault-op of a filesystem that never maps through it. */
static bool skips_pagecache_op(const struct ln_program *prog, const char *dir,
			       const char *field)
{
	const struct fl_rule *r = fl_rules_find(prog->rules, field,
						FL_KIND_BIT(FL_RULE_FAULT_OP));

	return r && r->via_pagecache && !dir_maps_pagecache(prog, dir);
}

static void collect_fault_path(struct ln_program *prog, struct fault_path *fp)
{
	static int mark;
	int u, i;

	for (u = 0; u < prog->nunits; u++) {
		const struct ln_unit *unit = prog->units[u];

		if (unit->dir != fp->dir)
			continue;
		for (i = 0; i < unit->nops; i++) {
			const char *field;
			const struct ln_function *fn = ln_op_function(
				prog, unit, &unit->ops[i], FL_RULE_FAULT_OP,
				&field);

			if (fn && !skips_pagecache_op(prog, fp->dir, field))
				collect_takes(prog->rules, fp, fn, fn, field,
					      ++mark);
		}
	}
	for (i = 0; i < prog->rules->nrules; i++) {
		const struct fl_rule *r = &prog->rules->rules[i];
		struct path_lock l = {0};

		if (r->kind != FL_RULE_FAULT_PATH_LOCK)
			continue;
		l.lock_class = ln_intern(r->name);
		l.mode = r->mode;
		l.rule = r;
		add_lock(fp, &l);
	}
}

static const struct path_lock *conflicting(const struct fault_path *fp,
					   const struct ln_held *h)
{
	const struct path_lock *best = NULL;
	int i;

	for (i = 0; i < fp->nlocks; i++)
		if (fp->locks[i].lock_class == h->lock_class &&
		    fl_modes_conflict(fp->locks[i].mode, h->mode) &&
		    (!best || fp->locks[i].depth < best->depth))
			best = &fp->locks[i];
	return best;
}

static bool call_may_fault(const struct ln_call *c)
{
	struct ln_fault_conds conds;

	return ln_call_faults(c, &conds) != LN_FAULT_NONE;
}

static bool in_list(const char **list, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (list[i] == name)
			return true;
	return false;
}

/* Whether the call's fault happens with lock_class released. */
static bool spares(const struct ln_call *c, const char *lock_class)
{
	const struct ln_function *t = c->target;
	const struct ln_fault_way *w;
	int hops = 0;

	if (in_list(c->spared, c->nspared, lock_class))
		return true;
	if (c->flags & LN_CALL_FAULTS)
		return false;
	/* A fault found across units: what each callee drops on the way. */
	for (w = ln_call_fault_way(c); w && hops++ < 32;
	     w = ln_call_fault_way(w->via)) {
		if (!w->via)
			return in_list(t->fault_spared, t->nfault_spared,
				       lock_class);
		if (in_list(w->via->spared, w->via->nspared, lock_class))
			return true;
		t = w->via->target;
	}
	return false;
}

static void report(struct ln_program *prog, const struct ln_function *fn,
		   const struct ln_call *c, const struct ln_held *h,
		   const struct path_lock *l)
{
	const struct ln_function *t;
	const struct ln_fault_way *w;
	struct ln_finding *f;
	char msg[1024];
	int hops = 0;

	fl_ful_warning_text(msg, sizeof(msg), c->callee, c->macro,
			    h->display ? h->display : h->lock_class, h->mode,
			    l->entry ? l->entry->name : NULL, l->rule);
	f = ln_add_finding(prog, "fault-under-lock", fn, &c->loc, msg);
	if (!f)
		return;
	/* How the call faults, one function at a time. */
	t = c->target;
	for (w = ln_call_fault_way(c); w && w->callee && hops++ < 32;
	     w = ln_call_fault_way(w->via)) {
		snprintf(msg, sizeof(msg),
			 "'%s' calls '%s' here, which may fault", t->name,
			 w->callee);
		ln_add_note(f, &w->loc, msg);
		if (w->via)
			t = w->via->target;
	}
	fl_ful_taken_text(msg, sizeof(msg), h->display, h->lock_class, h->via);
	ln_add_note(f, &h->loc, msg);
	if (l->take) {
		fl_ful_path_text(msg, sizeof(msg), l->entry->name,
				 l->entry_field, l->take->function,
				 l->take->display, h->mode);
		ln_add_note(f, &l->take->loc, msg);
	}
}

static void check_function(struct ln_program *prog,
			   const struct ln_function *fn,
			   const struct fault_path *fp)
{
	int c, i;

	for (c = 0; c < fn->ncalls; c++) {
		const struct ln_call *call = &fn->calls[c];

		if (!call->nheld || !call_may_fault(call))
			continue;
		/*
		 * Each conflicting lock, innermost first, as in the unit's
		 * check; a call the plugin reported in its unit is its own.
		 */
		if (ln_plugin_reported(fn->unit, "fault-under-lock",
				       &call->loc))
			continue;
		for (i = call->nheld - 1; i >= 0; i--) {
			const struct ln_held *h = &call->held[i];
			bool seen = false;
			int k;

			if (spares(call, h->lock_class))
				continue;
			for (k = call->nheld - 1; k > i && !seen; k--)
				seen = call->held[k].lock_class == h->lock_class;
			if (!seen && conflicting(fp, h))
				report(prog, fn, call, h, conflicting(fp, h));
		}
	}
}

void ln_check_fault_under_lock(struct ln_program *prog)
{
	struct fault_path *paths = NULL;
	int npaths = 0, u, i, p;

	for (u = 0; u < prog->nunits; u++) {
		const struct ln_unit *unit = prog->units[u];
		struct fault_path *fp = NULL;

		for (p = 0; p < npaths; p++)
			if (paths[p].dir == unit->dir)
				fp = &paths[p];
		if (!fp) {
			paths = fl_xrealloc(paths,
					    (npaths + 1) * sizeof(*paths));
			fp = &paths[npaths++];
			memset(fp, 0, sizeof(*fp));
			fp->dir = unit->dir;
			collect_fault_path(prog, fp);
		}
		for (i = 0; i < unit->nfuncs; i++)
			check_function(prog, unit->funcs[i], fp);
	}
}
