// SPDX-License-Identifier: GPL-2.0
/*
 * The link step: every unit's functions in one table, calls resolved to
 * their definitions (the caller's unit first, then the caller's directory,
 * then a global defined exactly once), and whole-program summaries as
 * fixpoints over the resolved calls:
 *
 *   faults:    the unit's own summary, or a call (faults not disabled)
 *              to a function that faults; through an iterator parameter
 *              only when the callee faults only through its iterator;
 *   removes:   a block removal with no layout break before it, or a call
 *              with no break before it to a function that removes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "link.h"
#include "suppress.h"

void ln_program_init(struct ln_program *prog, const struct fl_rules *rules,
		     void (*error)(void *ctx, const char *msg), void *ctx)
{
	memset(prog, 0, sizeof(*prog));
	prog->rules = rules;
	prog->error = error;
	prog->error_ctx = ctx;
}

void ln_error(struct ln_program *prog, const char *msg)
{
	prog->error_msgs = fl_xrealloc(prog->error_msgs,
				       (prog->nerrors + 1) * sizeof(char *));
	prog->error_msgs[prog->nerrors++] = fl_strdup(msg);
	if (prog->error)
		prog->error(prog->error_ctx, msg);
}

static unsigned long name_hash(const char *s)
{
	/* Names are interned: the pointer identifies the string. */
	return (unsigned long)s >> 3;
}

static void build_fn_hash(struct ln_program *prog)
{
	int u, i, total = 0;

	for (u = 0; u < prog->nunits; u++)
		total += prog->units[u]->nfuncs;
	prog->fn_hash_size = 1024;
	while (prog->fn_hash_size < (unsigned)total * 2)
		prog->fn_hash_size *= 2;
	prog->fn_hash = fl_xcalloc(prog->fn_hash_size, sizeof(*prog->fn_hash));
	for (u = 0; u < prog->nunits; u++) {
		for (i = 0; i < prog->units[u]->nfuncs; i++) {
			struct ln_function *fn = prog->units[u]->funcs[i];
			unsigned h =
				name_hash(fn->name) & (prog->fn_hash_size - 1);

			fn->hash_next = prog->fn_hash[h];
			prog->fn_hash[h] = fn;
		}
	}
}

/* The definition a call from unit means by name, or NULL. */
static struct ln_function *resolve(const struct ln_program *prog,
				   const struct ln_unit *unit, const char *name)
{
	unsigned h = name_hash(name) & (prog->fn_hash_size - 1);
	struct ln_function *fn, *same_dir = NULL, *global = NULL;
	int nglobal = 0;

	for (fn = prog->fn_hash[h]; fn; fn = fn->hash_next) {
		if (fn->name != name)
			continue;
		if (fn->unit == unit)
			return fn;
		if (fn->is_static)
			continue;
		if (fn->unit->dir == unit->dir && !same_dir)
			same_dir = fn;
		if (!global || global->unit->source != fn->unit->source)
			nglobal++;
		global = fn;
	}
	if (same_dir)
		return same_dir;
	return nglobal == 1 ? global : NULL;
}

struct ln_function *ln_resolve(const struct ln_program *prog,
			       const struct ln_unit *unit, const char *name)
{
	return resolve(prog, unit, name);
}

struct ln_function *ln_op_function(const struct ln_program *prog,
				   const struct ln_unit *unit,
				   const struct ln_op *op,
				   enum fl_rule_kind kind, const char **field)
{
	char buf[256];

	snprintf(buf, sizeof(buf), "%s::%s", op->table_type, op->field);
	if (!fl_rules_find(prog->rules, buf, FL_KIND_BIT(kind)))
		return NULL;
	*field = ln_intern(buf);
	return resolve(prog, unit, op->function);
}

static void resolve_calls(struct ln_program *prog)
{
	int u, i, c;

	for (u = 0; u < prog->nunits; u++) {
		struct ln_unit *unit = prog->units[u];

		for (i = 0; i < unit->nfuncs; i++) {
			struct ln_function *fn = unit->funcs[i];

			for (c = 0; c < fn->ncalls; c++)
				fn->calls[c].target = resolve(
					prog, unit, fn->calls[c].callee);
		}
	}
}

static bool same_cond(const struct ln_fault_cond *a,
		      const struct ln_fault_cond *b)
{
	return a->param == b->param && a->type == b->type &&
	       a->fnptr_param == b->fnptr_param && a->fnptr == b->fnptr;
}

/* The way of faulting through call via, or the unit's own record own. */
static struct ln_fault_way way_of(const struct ln_call *via,
				  const struct ln_fault_cond *own)
{
	struct ln_fault_way w = {0};

	if (via) {
		w.callee = via->callee;
		w.loc = via->loc;
		w.via = via;
	} else if (own) {
		w = own->way;
	}
	return w;
}

/*
 * Raise fn's fault state; true when it changed.  A conditional fault is
 * through the iterator of parameter cond->param, and/or when parameter
 * cond->fnptr_param points to function cond->fnptr; a function may fault
 * under any of a few such conditions, and more make it unconditional.
 * Conditions of the unit's own records (via NULL) carry their way.
 */
static bool raise_fault(struct ln_function *fn, enum ln_fault fault,
			const struct ln_fault_conds *conds,
			const struct ln_call *via)
{
	const struct ln_fault_cond *first = conds->n ? &conds->c[0] : NULL;
	bool changed = false;
	int i, j;

	if (fault == LN_FAULT_NONE || fn->fault == LN_FAULT_ALWAYS)
		return false;
	/* The unit's unconditional record, when it has one. */
	for (i = 0; !via && fault == LN_FAULT_ALWAYS && i < conds->n; i++)
		if (!conds->c[i].param && !conds->c[i].fnptr_param) {
			first = &conds->c[i];
			break;
		}
	for (i = 0; fault == LN_FAULT_PARAM && i < conds->n; i++) {
		for (j = 0; j < fn->fault_conds.n; j++)
			if (same_cond(&fn->fault_conds.c[j], &conds->c[i]))
				break;
		if (j < fn->fault_conds.n)
			continue;
		if (fn->fault_conds.n == LN_MAX_FAULT_CONDS) {
			fault = LN_FAULT_ALWAYS;
			first = &conds->c[i];
			break;
		}
		fn->fault_conds.c[fn->fault_conds.n] = conds->c[i];
		fn->fault_conds.c[fn->fault_conds.n++].way =
			way_of(via, &conds->c[i]);
		changed = true;
	}
	if (fault == LN_FAULT_ALWAYS) {
		fn->fault = LN_FAULT_ALWAYS;
		fn->fault_conds.n = 0;
		fn->fault_way = way_of(via, first);
		return true;
	}
	if (changed && fn->fault == LN_FAULT_NONE)
		fn->fault = LN_FAULT_PARAM;
	return changed;
}

/*
 * What a target's fault under condition tc is at call c: none (the
 * caller passed kernel memory or another function), always, or a
 * condition on the caller's own parameters in *out.
 */
static enum ln_fault map_cond(const struct ln_call *c,
			      const struct ln_fault_cond *tc,
			      struct ln_fault_cond *out)
{
	int k = tc->fnptr_param;

	memset(out, 0, sizeof(*out));
	if (k && k <= c->nargs && c->arg_fn[k - 1]) {
		/* Another function passed: the guarded call never runs. */
		if (c->arg_fn[k - 1] != tc->fnptr)
			return LN_FAULT_NONE;
	} else if (k && k <= c->nargs && c->arg_param[k - 1] > 0) {
		out->fnptr_param = c->arg_param[k - 1];
		out->fnptr = tc->fnptr;
	}
	k = tc->param;
	if (k && k <= c->nargs && c->arg_param[k - 1] == LN_ARG_NOFAULT)
		return LN_FAULT_NONE;
	/* An object of another type: not what the target reads. */
	if (k && k <= c->nargs && !c->arg_param[k - 1] &&
	    !c->arg_field[k - 1] &&
	    fl_fault_object_excluded(tc->type, c->arg_type[k - 1]))
		return LN_FAULT_NONE;
	if (k && k <= c->nargs && c->arg_param[k - 1] > 0) {
		out->param = c->arg_param[k - 1];
		out->type = fl_fault_object_type(false, tc->type, false, NULL);
	} else if (k && k <= c->nargs && c->arg_field[k - 1] > 0) {
		out->param = c->arg_field[k - 1]; /* &p->msg_iter: p's */
		out->type = fl_fault_object_type(false, tc->type, true,
						 c->arg_type[k - 1]);
	}
	return out->param || out->fnptr_param ? LN_FAULT_PARAM
					      : LN_FAULT_ALWAYS;
}

/* What a call contributes to its caller's fault state. */
enum ln_fault ln_call_faults(const struct ln_call *c,
			     struct ln_fault_conds *conds)
{
	const struct ln_function *t = c->target;
	enum ln_fault f = LN_FAULT_NONE;
	int i;

	memset(conds, 0, sizeof(*conds));
	if (c->flags & LN_CALL_NOFAULT)
		return LN_FAULT_NONE;
	if (c->flags & LN_CALL_FAULTS)
		return LN_FAULT_ALWAYS;
	if (!t || t->fault == LN_FAULT_NONE)
		return LN_FAULT_NONE;
	if (t->fault == LN_FAULT_ALWAYS)
		f = LN_FAULT_ALWAYS;
	for (i = 0; f != LN_FAULT_ALWAYS && i < t->fault_conds.n; i++) {
		struct ln_fault_cond m;
		enum ln_fault r = map_cond(c, &t->fault_conds.c[i], &m);

		if (r == LN_FAULT_ALWAYS)
			f = LN_FAULT_ALWAYS;
		else if (r == LN_FAULT_PARAM && conds->n < LN_MAX_FAULT_CONDS)
			conds->c[conds->n++] = m;
		else if (r == LN_FAULT_PARAM)
			f = LN_FAULT_ALWAYS;
	}
	if (f != LN_FAULT_ALWAYS && conds->n)
		f = LN_FAULT_PARAM;
	if (f == LN_FAULT_ALWAYS)
		conds->n = 0;
	/* if (p == f) f(...): only when the caller's p is f */
	if (f != LN_FAULT_NONE && c->guard_param) {
		if (f == LN_FAULT_ALWAYS)
			conds->n = 1;
		for (i = 0; i < conds->n; i++) {
			conds->c[i].fnptr_param = c->guard_param;
			conds->c[i].fnptr = c->callee;
		}
		f = LN_FAULT_PARAM;
	}
	return f;
}

/*
 * Where the call's target faults, given what the call passes: its first
 * way the arguments do not rule out (a helper faulting through either of
 * two iterators faults through the one the caller filled from the user).
 */
const struct ln_fault_way *ln_call_fault_way(const struct ln_call *c)
{
	const struct ln_function *t = c ? c->target : NULL;
	struct ln_fault_cond m;
	int i;

	if (!t || t->fault == LN_FAULT_NONE)
		return NULL;
	if (t->fault == LN_FAULT_ALWAYS)
		return &t->fault_way;
	for (i = 0; i < t->fault_conds.n; i++)
		if (map_cond(c, &t->fault_conds.c[i], &m) != LN_FAULT_NONE)
			return &t->fault_conds.c[i].way;
	return NULL;
}

/* Apply step to every function until none changes. */
void ln_fixpoint(struct ln_program *prog, bool (*step)(struct ln_function *fn))
{
	bool changed = true;
	int u, i;

	while (changed) {
		changed = false;
		for (u = 0; u < prog->nunits; u++)
			for (i = 0; i < prog->units[u]->nfuncs; i++)
				changed |= step(prog->units[u]->funcs[i]);
	}
}

static bool fault_step(struct ln_function *fn)
{
	bool changed = false;
	int c;

	if (fn->unit_faults) {
		const struct ln_fault_conds *own = &fn->unit_conds;
		enum ln_fault f = LN_FAULT_PARAM;

		for (c = 0; c < own->n; c++)
			if (!own->c[c].param && !own->c[c].fnptr_param)
				f = LN_FAULT_ALWAYS;
		changed |= raise_fault(fn, f, own, NULL);
	}
	for (c = 0; c < fn->ncalls; c++) {
		const struct ln_call *call = &fn->calls[c];
		struct ln_fault_conds cond;
		enum ln_fault f;

		/* The unit's own summary has these. */
		if (!call->target || call->target == fn ||
		    (call->flags & LN_CALL_FAULTS))
			continue;
		f = ln_call_faults(call, &cond);
		if (f != LN_FAULT_NONE)
			changed |= raise_fault(fn, f, &cond, call);
	}
	return changed;
}

/* Breaks layouts: itself, or through a call into any unit. */
static bool breaks_step(struct ln_function *fn)
{
	int c;

	for (c = 0; !fn->breaks_layouts && c < fn->ncalls; c++)
		if (fn->calls[c].target &&
		    fn->calls[c].target->breaks_layouts) {
			fn->breaks_layouts = true;
			return true;
		}
	return false;
}

/*
 * Whether a call may come after a layout break.  The unit knows about its
 * own breaks; a break in another unit counts if the caller makes that call
 * anywhere: the facts keep no order between calls, and a missed report is
 * better than a false one.
 */
static bool calls_breaker(const struct ln_function *fn)
{
	int i;

	for (i = 0; i < fn->ncalls; i++)
		if (fn->calls[i].target && fn->calls[i].target != fn &&
		    fn->calls[i].target->breaks_layouts)
			return true;
	return false;
}

/* Removes blocks unbroken: its own removal, or an unbroken call to one. */
static bool removes_step(struct ln_function *fn)
{
	int c;

	if (fn->removes_unbroken || calls_breaker(fn))
		return false;
	if (fn->nremoves) {
		fn->removes_unbroken = true;
		return true;
	}
	for (c = 0; c < fn->ncalls; c++) {
		const struct ln_call *call = &fn->calls[c];

		if (!call->target || call->target == fn ||
		    (call->flags & (LN_CALL_NOT_DAX | LN_CALL_BROKEN)) ||
		    !call->target->removes_unbroken)
			continue;
		fn->removes_unbroken = true;
		fn->remove_via = call;
		return true;
	}
	return false;
}

bool ln_plugin_reported(const struct ln_unit *unit, const char *check,
			const struct fl_loc *loc)
{
	int i;

	for (i = 0; i < unit->ndiags; i++) {
		const struct ln_finding *d = &unit->diags[i];

		if (d->loc.line == loc->line && d->loc.file == loc->file &&
		    !strcmp(d->check, check))
			return true;
	}
	return false;
}

struct ln_finding *ln_add_finding(struct ln_program *prog, const char *check,
				  const struct ln_function *fn,
				  const struct fl_loc *loc, const char *msg)
{
	struct ln_finding *f;
	int i;

	/*
	 * Two entry points may lead to one site: report it once.  Two locks
	 * held across one call are two findings (their messages differ).
	 */
	for (i = 0; i < prog->nfindings; i++)
		if (prog->findings[i].loc.line == loc->line &&
		    prog->findings[i].loc.file == loc->file &&
		    !strcmp(prog->findings[i].check, check) &&
		    !strcmp(prog->findings[i].msg, msg))
			return NULL;
	prog->findings =
		fl_xrealloc(prog->findings, (prog->nfindings + 1) * sizeof(*f));
	f = &prog->findings[prog->nfindings++];
	memset(f, 0, sizeof(*f));
	f->check = ln_intern(check);
	f->function = fn->name;
	f->fn_line = fn->loc.line;
	f->object = fn->unit->object;
	f->loc = *loc;
	f->msg = ln_intern(msg);
	f->cross_unit = true;
	return f;
}

void ln_add_note(struct ln_finding *f, const struct fl_loc *loc,
		 const char *msg)
{
	if (!f)
		return;
	f->notes = fl_xrealloc(f->notes, (f->nnotes + 1) * sizeof(*f->notes));
	f->notes[f->nnotes].loc = *loc;
	f->notes[f->nnotes].msg = ln_intern(msg);
	f->nnotes++;
}

int ln_all_findings(struct ln_program *prog, struct ln_finding ***out)
{
	int u, i, n = 0;

	*out = NULL;
	for (u = 0; u < prog->nunits; u++)
		for (i = 0; i < prog->units[u]->ndiags; i++) {
			*out = fl_xrealloc(*out, (n + 1) * sizeof(**out));
			(*out)[n++] = &prog->units[u]->diags[i];
		}
	for (i = 0; i < prog->nfindings; i++) {
		*out = fl_xrealloc(*out, (n + 1) * sizeof(**out));
		(*out)[n++] = &prog->findings[i];
	}
	return n;
}

/* Markers in the source suppress link findings as they do the plugin's. */
static void apply_suppressions(struct ln_program *prog)
{
	int i;

	for (i = 0; i < prog->nfindings; i++) {
		struct ln_finding *f = &prog->findings[i];
		struct fl_suppression s;

		fl_find_suppression(prog->srcroot, f->loc.file, f->loc.line,
				    f->fn_line, f->check, &s);
		if (s.found && s.reason)
			f->suppressed = ln_intern(s.reason);
		else if (s.found) {
			char msg[200];

			snprintf(msg, sizeof(msg),
				 "the 'faultline: ignore' marker on line %d "
				 "gives no reason ('-- why'), so it "
				 "suppresses nothing",
				 s.line);
			ln_add_note(f, &f->loc, msg);
		}
	}
}

/*
 * What the link prints counts columns as GCC prints them (display
 * columns); the facts count bytes.
 */
static void display_loc(const struct ln_program *prog, struct fl_loc *loc)
{
	loc->column = fl_display_column(prog->srcroot, loc->file, loc->line,
					loc->column);
}

static void display_finding(const struct ln_program *prog, struct ln_finding *f)
{
	int i;

	display_loc(prog, &f->loc);
	for (i = 0; i < f->nnotes; i++)
		display_loc(prog, &f->notes[i].loc);
}

static void display_columns(struct ln_program *prog)
{
	int u, i;

	for (i = 0; i < prog->nfindings; i++)
		display_finding(prog, &prog->findings[i]);
	for (u = 0; u < prog->nunits; u++)
		for (i = 0; i < prog->units[u]->ndiags; i++)
			display_finding(prog, &prog->units[u]->diags[i]);
}

/*
 * Whether dir is a core-dir of the rules (fs: the VFS, fs/dax.c, fs/libfs.c):
 * shared code, not one filesystem.  Paths may be absolute when the objects
 * were built outside the tree's own make.
 */
static bool is_core_dir(const struct fl_rules *rules, const char *dir)
{
	size_t n = strlen(dir);
	int i;

	for (i = 0; rules && i < rules->nrules; i++) {
		const struct fl_rule *r = &rules->rules[i];
		size_t m = strlen(r->name);

		if (r->kind == FL_RULE_CORE_DIR &&
		    (!strcmp(dir, r->name) || (n > m && dir[n - m - 1] == '/' &&
					       !strcmp(dir + n - m, r->name))))
			return true;
	}
	return false;
}

/* Each unit of a core directory is a part of its own. */
static void split_core_dirs(struct ln_program *prog)
{
	int u;

	for (u = 0; u < prog->nunits; u++)
		if (is_core_dir(prog->rules, prog->units[u]->dir))
			prog->units[u]->dir = prog->units[u]->source;
}

void ln_link(struct ln_program *prog)
{
	split_core_dirs(prog);
	build_fn_hash(prog);
	resolve_calls(prog);
	ln_fixpoint(prog, fault_step);
	ln_fixpoint(prog, breaks_step);
	ln_fixpoint(prog, removes_step);
	ln_check_fault_under_lock(prog);
	ln_check_dax_no_layout_break(prog);
	ln_check_gup(prog);
	ln_check_pin_leak(prog);
	apply_suppressions(prog);
	display_columns(prog);
}

static void print_loc(FILE *out, const struct fl_loc *loc)
{
	if (loc->column > 0)
		fprintf(out, "%s:%d:%d: ", loc->file ? loc->file : "<unknown>",
			loc->line, loc->column);
	else
		fprintf(out, "%s:%d: ", loc->file ? loc->file : "<unknown>",
			loc->line);
}

void ln_print_finding(FILE *out, const struct ln_finding *f)
{
	int i;

	fprintf(out, "%s: In function '%s':\n",
		f->loc.file ? f->loc.file : "<unknown>",
		f->function ? f->function : "?");
	print_loc(out, &f->loc);
	fprintf(out, "warning: %s\n", f->msg);
	for (i = 0; i < f->nnotes; i++) {
		print_loc(out, &f->notes[i].loc);
		fprintf(out, "note: %s\n", f->notes[i].msg);
	}
}

void ln_unit_free(struct ln_unit *u)
{
	int i, j;

	for (i = 0; i < u->nfuncs; i++) {
		struct ln_function *fn = u->funcs[i];

		for (j = 0; j < fn->ncalls; j++) {
			free(fn->calls[j].spared);
			free(fn->calls[j].arg_param);
			free(fn->calls[j].arg_fn);
			free(fn->calls[j].arg_field);
			free(fn->calls[j].arg_type);
			free(fn->calls[j].held);
		}
		for (j = 0; j < fn->npage_calls; j++)
			free(fn->page_calls[j].args);
		free(fn->calls);
		free(fn->fault_spared);
		free(fn->takes);
		free(fn->removes);
		free(fn->page_uses);
		free(fn->page_passes);
		free(fn->pin_leaks);
		free(fn->page_calls);
		free(fn->page_ends);
		free(fn);
	}
	for (i = 0; i < u->ndiags; i++)
		free(u->diags[i].notes);
	free(u->funcs);
	free(u->ops);
	free(u->diags);
	free(u->page_sources);
	free(u);
}

void ln_program_free(struct ln_program *prog)
{
	int i;

	for (i = 0; i < prog->nunits; i++)
		ln_unit_free(prog->units[i]);
	for (i = 0; i < prog->nfindings; i++)
		free(prog->findings[i].notes);
	for (i = 0; i < prog->nerrors; i++)
		free((char *)prog->error_msgs[i]);
	free(prog->units);
	free(prog->findings);
	free(prog->error_msgs);
	free(prog->fn_hash);
	memset(prog, 0, sizeof(*prog));
}
