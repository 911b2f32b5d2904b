// SPDX-License-Identifier: GPL-2.0
/*
 * The lockset dataflow.  A forward may-analysis over the blocks of one
 * function: a lock is in the set at a point if some path takes it and does
 * not release it before that point.
 *
 * Conditional acquisitions (trylocks, gfs2_glock_nq, mutex_lock_interruptible)
 * are kept as "held if VAR means success" until an edge tests VAR; only then
 * do they become held (or disappear).  A result nobody tests never counts as
 * held: reporting on it would be a guess.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lockset.h"
#include "recover.h"
#include "pageflow.h"

#define PAGE_RULE_KINDS                                                        \
	(FL_KIND_BIT(FL_RULE_PAGES_GET) | FL_KIND_BIT(FL_RULE_PAGES_PIN) |     \
	 FL_KIND_BIT(FL_RULE_PAGES_SINK) | FL_KIND_BIT(FL_RULE_PAGES_PUT) |    \
	 FL_KIND_BIT(FL_RULE_PAGES_UNPIN) | FL_KIND_BIT(FL_RULE_PAGES_ALIAS))

#define KINDS_LOCKING                                                          \
	(FL_KIND_BIT(FL_RULE_LOCK) | FL_KIND_BIT(FL_RULE_TRYLOCK) |            \
	 FL_KIND_BIT(FL_RULE_UNLOCK) | FL_KIND_BIT(FL_RULE_NOFAULT_BEGIN) |    \
	 FL_KIND_BIT(FL_RULE_NOFAULT_END) | FL_KIND_BIT(FL_RULE_BIND) |        \
	 FL_KIND_BIT(FL_RULE_FAULT) | FL_KIND_BIT(FL_RULE_HELD_TEST) | \
	 FL_KIND_BIT(FL_RULE_KERNEL_ITER))

bool fl_fault_spares(const struct fl_fault_call *fc, const char *lock_class)
{
	const struct fl_summary *s = fc->via ? fc->via->summary : NULL;
	int i;

	if (fc->except && !strcmp(fc->except, lock_class))
		return true;
	for (i = 0; s && i < s->nfault_released; i++)
		if (!strcmp(s->fault_released[i], lock_class))
			return true;
	return false;
}

bool fl_call_is_locking(const struct fl_unit *unit, const struct fl_event *ev)
{
	const struct fl_rule *r =
		fl_rules_find(unit->rules, ev->callee, KINDS_LOCKING);

	return r && r->kind != FL_RULE_FAULT;
}

bool fl_modes_conflict(enum fl_mode a, enum fl_mode b)
{
	return a == FL_MODE_EXCL || b == FL_MODE_EXCL;
}

static bool same_lock(const struct fl_held *a, const struct fl_held *b)
{
	if (a->lock_class && b->lock_class)
		return !strcmp(a->lock_class, b->lock_class);
	return !a->lock_class && !b->lock_class && a->param == b->param;
}

static bool same_fact(const struct fl_held *a, const struct fl_held *b)
{
	return same_lock(a, b) && a->mode == b->mode &&
	       a->cond_var == b->cond_var && a->success == b->success;
}

static bool add_fact(struct fl_held **set, int *n, const struct fl_held *h)
{
	int i;

	for (i = 0; i < *n; i++)
		if (same_fact(&(*set)[i], h))
			return false;
	*set = fl_xrealloc(*set, (*n + 1) * sizeof(**set));
	(*set)[(*n)++] = *h;
	return true;
}

static bool add_obj(struct fl_state *st, unsigned var)
{
	int i;

	if (!var)
		return false;
	for (i = 0; i < st->nnofault_objs; i++)
		if (st->nofault_objs[i] == var)
			return false;
	st->nofault_objs = fl_xrealloc(
		st->nofault_objs, (st->nnofault_objs + 1) * sizeof(unsigned));
	st->nofault_objs[st->nnofault_objs++] = var;
	return true;
}

static void remove_obj(struct fl_state *st, unsigned var)
{
	int i;

	for (i = 0; i < st->nnofault_objs; i++)
		if (st->nofault_objs[i] == var)
			st->nofault_objs[i--] =
				st->nofault_objs[--st->nnofault_objs];
}

static void state_copy(struct fl_state *dst, const struct fl_state *src)
{
	dst->reached = src->reached;
	dst->nofault = src->nofault;
	dst->task_nofault = src->task_nofault;
	dst->layout_broken = src->layout_broken;
	dst->break_loc = src->break_loc;
	dst->break_lock = src->break_lock;
	dst->break_lock_display = src->break_lock_display;
	dst->not_dax = src->not_dax;
	dst->nheld = src->nheld;
	dst->held = fl_xrealloc(NULL, (src->nheld + 1) * sizeof(*src->held));
	/* memcpy from NULL is undefined even for 0 bytes (state_clear) */
	if (src->nheld)
		memcpy(dst->held, src->held, src->nheld * sizeof(*src->held));
	dst->nreleased = src->nreleased;
	dst->released = fl_xrealloc(NULL, (src->nreleased + 1) *
						  sizeof(*src->released));
	if (src->nreleased)
		memcpy(dst->released, src->released,
		       src->nreleased * sizeof(*src->released));
	dst->nnofault_objs = src->nnofault_objs;
	dst->nofault_objs =
		fl_xrealloc(NULL, (src->nnofault_objs + 1) * sizeof(unsigned));
	if (src->nnofault_objs)
		memcpy(dst->nofault_objs, src->nofault_objs,
		       src->nnofault_objs * sizeof(unsigned));
}

static void state_clear(struct fl_state *st)
{
	free(st->held);
	free(st->released);
	free(st->nofault_objs);
	memset(st, 0, sizeof(*st));
}

static struct fl_held *find_fact(struct fl_held *set, int n,
				 const struct fl_held *h)
{
	int i;

	for (i = 0; i < n; i++)
		if (same_fact(&set[i], h))
			return &set[i];
	return NULL;
}

/*
 * dst |= src; returns whether dst changed.  A lock held on one side only
 * is held on some paths only (may_only), and summaries do not export it.
 */
static bool state_join(struct fl_state *dst, const struct fl_state *src)
{
	bool changed = false;
	int i;

	if (!src->reached)
		return false;
	if (!dst->reached) {
		state_clear(dst);
		state_copy(dst, src);
		return true;
	}
	for (i = 0; i < dst->nheld; i++) {
		struct fl_held *h = &dst->held[i];

		if (!h->may_only && !find_fact(src->held, src->nheld, h)) {
			h->may_only = true;
			changed = true;
		}
	}
	for (i = 0; i < src->nheld; i++) {
		struct fl_held *d =
			find_fact(dst->held, dst->nheld, &src->held[i]);

		if (d) {
			if (src->held[i].may_only && !d->may_only) {
				d->may_only = true;
				changed = true;
			}
			/* A pin held on one side and voided on the other is
			 * held. */
			if (d->voided && !src->held[i].voided) {
				d->voided = false;
				changed = true;
			}
			/* Handed to another unit: the link decides. */
			if (!d->handed_to && src->held[i].handed_to) {
				d->handed_to = src->held[i].handed_to;
				d->handed_arg = src->held[i].handed_arg;
				d->handed_loc = src->held[i].handed_loc;
				changed = true;
			}
			continue;
		}
		add_fact(&dst->held, &dst->nheld, &src->held[i]);
		dst->held[dst->nheld - 1].may_only = true;
		changed = true;
	}
	for (i = 0; i < src->nreleased; i++)
		changed |= add_fact(&dst->released, &dst->nreleased,
				    &src->released[i]);
	for (i = 0; i < src->nnofault_objs; i++)
		changed |= add_obj(dst, src->nofault_objs[i]);
	if (src->nofault && !dst->nofault)
		dst->nofault = changed = true;
	if (src->task_nofault && !dst->task_nofault)
		dst->task_nofault = changed = true;
	if (src->layout_broken && !dst->layout_broken) {
		dst->layout_broken = changed = true;
		dst->break_loc = src->break_loc;
		dst->break_lock = src->break_lock;
		dst->break_lock_display = src->break_lock_display;
	}
	/* Not DAX only if not DAX on every incoming path. */
	if (dst->not_dax && !src->not_dax) {
		dst->not_dax = false;
		changed = true;
	}
	return changed;
}

/* The holder a gfs2_holder_init-style call bound to var, if any. */
static bool find_binding(const struct fl_unit *unit,
			 const struct fl_function *fn, unsigned var,
			 struct fl_held *out)
{
	int b, e;

	if (!var)
		return false;
	for (b = 0; b < fn->nblocks; b++) {
		for (e = 0; e < fn->blocks[b].nevents; e++) {
			const struct fl_event *ev = &fn->blocks[b].events[e];
			const struct fl_rule *r;

			if (ev->kind != FL_EV_CALL)
				continue;
			r = fl_rules_find(unit->rules, ev->callee,
					  FL_KIND_BIT(FL_RULE_BIND) |
						  FL_KIND_BIT(FL_RULE_LOCK) |
						  FL_KIND_BIT(FL_RULE_TRYLOCK));
			if (!r || !r->bind || r->bind > ev->nargs ||
			    ev->args[r->bind - 1].var != var || !r->arg ||
			    r->arg > ev->nargs)
				continue;
			/* A bind names its lock as an arg= rule does. */
			if (fl_rule_lock_operand(unit, fn, r, ev, out) &&
			    out->lock_class)
				return true;
		}
	}
	return false;
}

/*
 * The mode a lock call takes: the rule's, or with mode=argN the constant
 * argument's (non-zero exclusive, zero shared; with excl=FLAG exclusive
 * when it equals FLAG).  An argument the unit does not fix leaves the
 * mode unknown (FL_MODE_NONE), which only an exclusive lock conflicts
 * with, and messages do not name.
 */
static enum fl_mode rule_mode(const struct fl_unit *unit,
			      const struct fl_rule *r,
			      const struct fl_event *ev)
{
	const struct fl_operand *op;
	long long excl;

	if (!r->mode_arg)
		return r->mode;
	if (r->mode_arg > ev->nargs || !ev->args[r->mode_arg - 1].is_const)
		return FL_MODE_NONE;
	op = &ev->args[r->mode_arg - 1];
	if (!r->excl_flag)
		return op->value ? FL_MODE_EXCL : FL_MODE_SHARED;
	excl = unit->flag_value ? unit->flag_value(r->excl_flag) : -1;
	if (excl < 0)
		return FL_MODE_NONE;
	return op->value == excl ? FL_MODE_EXCL : FL_MODE_SHARED;
}

bool fl_rule_lock_operand(const struct fl_unit *unit,
			  const struct fl_function *fn, const struct fl_rule *r,
			  const struct fl_event *ev, struct fl_held *out)
{
	memset(out, 0, sizeof(*out));
	out->mode = rule_mode(unit, r, ev);
	out->loc = ev->loc;
	if (r->lock_class) {
		out->lock_class = r->lock_class;
		out->display = r->lock_class;
		/* A lock of the object itself: name the object (an inode). */
		if (r->arg && r->arg <= ev->nargs &&
		    ev->args[r->arg - 1].display) {
			char buf[512];

			snprintf(buf, sizeof(buf), "%s(%s)", r->lock_class,
				 ev->args[r->arg - 1].display);
			out->display = fl_strdup(buf);
		}
		return true;
	}
	if (r->holder) {
		struct fl_held bound;

		if (r->holder > ev->nargs ||
		    !find_binding(unit, fn, ev->args[r->holder - 1].var,
				  &bound))
			return false;
		out->lock_class = bound.lock_class;
		out->display = bound.display;
		if (!out->mode)
			out->mode = bound.mode;
		return true;
	}
	if (!r->arg || r->arg > ev->nargs)
		return false;

	const struct fl_operand *op = &ev->args[r->arg - 1];

	if (r->field) {
		char buf[512];

		if (!op->pointee)
			return false;
		snprintf(buf, sizeof(buf), "%s::%s", op->pointee, r->field);
		out->lock_class = fl_strdup(buf);
		snprintf(buf, sizeof(buf), "%s->%s",
			 op->display ? op->display : "?", r->field);
		out->display = fl_strdup(buf);
		return true;
	}
	out->lock_class = op->lock_class;
	out->display = op->display;
	out->param = op->lock_class ? 0 : op->param;
	return out->lock_class || out->param;
}

static bool is_nofault_obj(const struct fl_state *st, unsigned var)
{
	int i;

	for (i = 0; var && i < st->nnofault_objs; i++)
		if (st->nofault_objs[i] == var)
			return true;
	return false;
}

bool fl_state_nofault_var(const struct fl_state *st, unsigned var)
{
	return is_nofault_obj(st, var);
}

/* An iterator argument, or the struct holding it (&msg->msg_iter). */
static bool is_nofault_iter(const struct fl_state *st,
			    const struct fl_operand *op)
{
	return is_nofault_obj(st, op->var) || is_nofault_obj(st, op->base_var);
}

/* FOLL_NOFAULT (or whatever the rules name) set in a constant flags word. */
static bool has_nofault_flag(const struct fl_unit *unit,
			     const struct fl_operand *flags)
{
	int i;

	if (!flags->is_const || !unit->flag_value)
		return false;
	for (i = 0; i < unit->rules->nrules; i++) {
		const struct fl_rule *r = &unit->rules->rules[i];
		long long bit;

		if (r->kind != FL_RULE_NOFAULT_FLAG)
			continue;
		bit = unit->flag_value(r->name);
		if (bit > 0 && (flags->value & bit) == bit)
			return true;
	}
	return false;
}

const char *fl_operand_object_type(const struct fl_operand *op)
{
	if (op->param || op->base_param || op->function || op->is_const)
		return NULL;
	return op->pointee;
}

/*
 * Whether the caller's arguments at ev meet the callee's way of faulting
 * site; fills *what.
 */
static bool site_faults(const struct fl_event *ev,
			const struct fl_function *callee,
			const struct fl_fault_site *site,
			const struct fl_state *st, struct fl_fault_call *what)
{
	if (site->iter_param) {
		int k = site->iter_param;

		if (k > ev->nargs || is_nofault_iter(st, &ev->args[k - 1]))
			return false;
		/* An object of another type: not what the callee reads. */
		if (fl_operand_object_type(&ev->args[k - 1]) &&
		    fl_fault_object_excluded(
			    site->iter_type,
			    fl_operand_object_type(&ev->args[k - 1])))
			return false;
		what->iter_arg = k;
		what->iter_type = site->iter_type;
	}
	if (site->fnptr_param) {
		int k = site->fnptr_param;

		/* Another function passed: the guarded call never runs. */
		if (k <= ev->nargs && ev->args[k - 1].function &&
		    strcmp(ev->args[k - 1].function, site->fnptr))
			return false;
		/* The caller's own parameter: its caller decides. */
		if (k <= ev->nargs && !ev->args[k - 1].function &&
		    ev->args[k - 1].param) {
			what->fnptr_arg = k;
			what->fnptr = site->fnptr;
		}
	}
	what->via = callee;
	what->site = site;
	return true;
}

int fl_call_faults(const struct fl_unit *unit, const struct fl_event *ev,
		   const struct fl_state *st,
		   struct fl_fault_call what[FL_MAX_FAULT_SITES])
{
	const struct fl_rule *r;
	const struct fl_function *callee;
	int i, n = 0;

	if (st->nofault || st->task_nofault)
		return 0;
	memset(what, 0, FL_MAX_FAULT_SITES * sizeof(*what));
	what->callee = ev->callee;
	r = fl_rules_find(unit->rules, ev->callee, KINDS_LOCKING);
	if (r) {
		if (r->kind != FL_RULE_FAULT)
			return 0;
		if (r->iter && r->iter <= ev->nargs &&
		    is_nofault_iter(st, &ev->args[r->iter - 1]))
			return 0;
		if (r->gup_flags && r->gup_flags <= ev->nargs &&
		    has_nofault_flag(unit, &ev->args[r->gup_flags - 1]))
			return 0;
		what->iter_arg = r->iter;
		what->except = r->except;
		return 1;
	}
	callee = fl_unit_find(unit, ev->callee);
	if (!callee || !callee->summary || !callee->summary->may_fault)
		return 0;
	for (i = 0; i < callee->summary->nfaults; i++) {
		what[n].callee = ev->callee;
		if (site_faults(ev, callee, &callee->summary->faults[i], st,
				&what[n]))
			n++;
		else
			memset(&what[n], 0, sizeof(what[n]));
	}
	return n;
}

bool fl_call_may_fault(const struct fl_unit *unit, const struct fl_event *ev,
		       const struct fl_state *st, struct fl_fault_call *what)
{
	struct fl_fault_call all[FL_MAX_FAULT_SITES];

	if (!fl_call_faults(unit, ev, st, all))
		return false;
	*what = all[0];
	return true;
}

static bool is_nofault_obj(const struct fl_state *st, unsigned var);

/* Forget conditional facts about var: it now holds something else. */
static void kill_var(struct fl_state *st, unsigned var)
{
	int i;

	if (!var)
		return;
	for (i = 0; i < st->nheld; i++)
		if (st->held[i].cond_var == var)
			st->held[i--] = st->held[--st->nheld];
}

/* var = src: what is known of src is now known of var too. */
static void copy_var(struct fl_state *st, unsigned var, unsigned src)
{
	int i, n = st->nheld;

	if (!var || !src || var == src)
		return;
	for (i = 0; i < n; i++) {
		if (st->held[i].cond_var == src) {
			struct fl_held h = st->held[i];

			h.cond_var = var;
			add_fact(&st->held, &st->nheld, &h);
		}
	}
	if (is_nofault_obj(st, src))
		add_obj(st, var);
}

static void release(struct fl_state *st, const struct fl_held *lock)
{
	bool found = false;
	int i;

	for (i = 0; i < st->nheld; i++) {
		if (same_lock(&st->held[i], lock)) {
			st->held[i--] = st->held[--st->nheld];
			found = true;
		}
	}
	if (!found)
		add_fact(&st->released, &st->nreleased, lock);
}

static void acquire(struct fl_state *st, struct fl_held *lock)
{
	int i;

	/* Taking a lock this function released earlier cancels the release. */
	if (!lock->cond_var)
		for (i = 0; i < st->nreleased; i++)
			if (same_lock(&st->released[i], lock))
				st->released[i--] =
					st->released[--st->nreleased];
	/* Taken on this path: held here for sure, whatever came before. */
	if (!add_fact(&st->held, &st->nheld, lock))
		find_fact(st->held, st->nheld, lock)->may_only = false;
}

/*
 * gfs2_holder_queued(gh): the result says whether the lock is held, so the
 * branch on it decides rather than the may-analysis.
 */
static void make_conditional(struct fl_state *st, const struct fl_held *lock,
			     unsigned var)
{
	int i;

	for (i = 0; i < st->nheld; i++) {
		if (!st->held[i].cond_var && same_lock(&st->held[i], lock)) {
			st->held[i].cond_var = var;
			st->held[i].success = FL_SUCCESS_NONZERO;
		}
	}
}

/* Apply a callee's summary: its releases, then its acquisitions. */
static void apply_summary(const struct fl_event *ev,
			  const struct fl_function *callee, struct fl_state *st)
{
	const struct fl_summary *s = callee->summary;
	int i;

	for (i = 0; i < s->nreleases + s->nacquires; i++) {
		bool is_release = i < s->nreleases;
		const struct fl_effect *e =
			is_release ? &s->releases[i]
				   : &s->acquires[i - s->nreleases];
		struct fl_held h;

		memset(&h, 0, sizeof(h));
		h.mode = e->mode;
		h.loc = ev->loc;
		h.via = callee->name;
		if (e->param && e->param <= ev->nargs &&
		    (ev->args[e->param - 1].lock_class || !e->lock_class)) {
			/* The callee locks what it was handed: the caller's. */
			const struct fl_operand *op = &ev->args[e->param - 1];

			h.lock_class = op->lock_class;
			h.display = op->display;
			h.param = op->lock_class ? 0 : op->param;
		} else {
			h.lock_class = e->lock_class;
			h.display = e->display;
		}
		if (!h.lock_class && !h.param)
			continue;
		if (is_release) {
			release(st, &h);
			continue;
		}
		if (e->success != FL_SUCCESS_NONE) {
			if (!ev->result_var)
				continue;
			h.cond_var = ev->result_var;
			h.success = e->success;
		}
		acquire(st, &h);
	}
}

bool fl_guard_lock(const struct fl_unit *unit, const struct fl_function *fn,
		   const struct fl_event *ev, struct fl_held *out)
{
	const struct fl_rule *g =
		fl_rules_guard_constructor(unit->rules, ev->callee);

	return g && fl_rule_lock_operand(unit, fn, g, ev, out);
}

/*
 * guard(mutex)(&ci->lock): class_mutex_t g = class_mutex_constructor(
 * &ci->lock), whose body locks g.lock.  What the body takes for sure, in
 * its mode, is taken on the argument's lock.  A conditional guard's
 * constructor (mutex_try, mutex_intr) leaves the lock held on some paths
 * only, its success in the struct it returns: the lock is held on g's
 * condition, which a guard test on &g (guard_test) turns into a result the
 * branches decide.
 */
static void guard_acquire(const struct fl_unit *unit,
			  const struct fl_function *fn,
			  const struct fl_event *ev,
			  const struct fl_function *callee, struct fl_state *st)
{
	const struct fl_summary *s = callee->summary;
	struct fl_held lock;
	int i;

	if (!fl_guard_lock(unit, fn, ev, &lock)) {
		apply_summary(ev, callee, st); /* no argument: its own locks */
		return;
	}
	for (i = 0; i < s->nacquires; i++) {
		struct fl_held h = lock;

		if (s->acquires[i].success != FL_SUCCESS_NONE)
			continue;
		h.mode = s->acquires[i].mode;
		h.loc = ev->loc;
		acquire(st, &h);
	}
	for (i = 0; ev->result_var && i < s->ncond_acquires; i++) {
		struct fl_held h = lock;

		h.mode = s->cond_acquires[i].mode;
		h.loc = ev->loc;
		h.cond_var = ev->result_var;
		h.success = FL_SUCCESS_NONZERO; /* only guard tests read it */
		acquire(st, &h);
	}
}

/*
 * r = class_mutex_try_lock_ptr(&g): what is held on g's condition is held
 * where r says success (non-zero, or zero for ACQUIRE_ERR's lock_err).
 */
static void guard_test(const struct fl_event *ev, enum fl_success sense,
		       struct fl_state *st)
{
	unsigned var = ev->nargs ? ev->args[0].var : 0;
	int i, n = st->nheld;

	if (!var || !ev->result_var)
		return;
	for (i = 0; i < n; i++) {
		struct fl_held h = st->held[i];

		if (h.cond_var != var)
			continue;
		h.cond_var = ev->result_var;
		h.success = sense;
		add_fact(&st->held, &st->nheld, &h);
	}
}

/*
 * class_mutex_destructor(&g) at the end of g's scope: releases what the
 * constructor whose result g holds took (g = tmp = constructor(...) when
 * the compiler goes through a temporary).
 */
static void guard_release(const struct fl_unit *unit,
			  const struct fl_function *fn,
			  const struct fl_event *ev, struct fl_state *st)
{
	unsigned var = ev->nargs ? ev->args[0].var : 0;
	struct fl_held lock;
	int b, e, hops;

	for (hops = 0; var && hops < 4; hops++) {
		unsigned from = 0;

		for (b = 0; b < fn->nblocks; b++)
			for (e = 0; e < fn->blocks[b].nevents; e++) {
				const struct fl_event *c =
					&fn->blocks[b].events[e];

				if (c->kind == FL_EV_CALL &&
				    c->result_var == var &&
				    fl_guard_lock(unit, fn, c, &lock)) {
					release(st, &lock);
					return;
				}
				if (c->kind == FL_EV_ASSIGN && c->var == var &&
				    c->value.var)
					from = c->value.var;
			}
		var = from;
	}
}

/* Whether call ev applies a rule of kind to var (its arg= argument). */
static bool rule_on_var(const struct fl_unit *unit, const struct fl_event *ev,
			enum fl_rule_kind kind, unsigned var)
{
	const struct fl_rule *r =
		fl_rules_find(unit->rules, ev->callee, FL_KIND_BIT(kind));

	return r && r->arg && r->arg <= ev->nargs &&
	       ev->args[r->arg - 1].var == var;
}

bool fl_iter_is_kernel(const struct fl_unit *unit, const struct fl_function *fn,
		       unsigned var)
{
	int b, e, k;

	for (b = 0; var && b < fn->nblocks; b++)
		for (e = 0; e < fn->blocks[b].nevents; e++) {
			const struct fl_event *ev = &fn->blocks[b].events[e];
			const struct fl_function *callee;

			if (ev->kind != FL_EV_CALL)
				continue;
			if (rule_on_var(unit, ev, FL_RULE_KERNEL_ITER, var))
				return true;
			callee = fl_unit_find(unit, ev->callee);
			if (!callee || callee == fn || !callee->summary)
				continue;
			for (k = 0; k < ev->nargs && k < 64; k++)
				if (ev->args[k].var == var &&
				    (callee->summary->kernel_iter_params &
				     (1ULL << k)))
					return true;
		}
	return false;
}

bool fl_iter_kind_tested(const struct fl_unit *unit,
			 const struct fl_function *fn, unsigned var)
{
	int b, e;

	for (b = 0; var && b < fn->nblocks; b++)
		for (e = 0; e < fn->blocks[b].nevents; e++)
			if (fn->blocks[b].events[e].kind == FL_EV_CALL &&
			    rule_on_var(unit, &fn->blocks[b].events[e],
					FL_RULE_ITER_KIND, var))
				return true;
	return false;
}

/*
 * User-page pins (FOLL_PIN) ride the same dataflow as locks: a pin is held
 * if the call returned a positive count, and it goes away when the pages
 * are unpinned, put, or handed to I/O or to a function of the unit that
 * does more than look at them.  The kernel API the rules name otherwise
 * keeps no reference (kmap, kfree of the array); a function of another
 * unit marks the pin handed_to, and the link says whether it kept it.
 */
static void track_pins(const struct fl_unit *unit, const struct fl_function *fn,
		       const struct fl_event *ev, const struct fl_rule *r,
		       struct fl_state *st)
{
	int i, k;

	if (!unit->pageflow)
		return;
	if (r && r->kind == FL_RULE_PAGES_PIN) {
		struct fl_held h;
		char buf[600];

		if (r->arg > ev->nargs || !ev->args[r->arg - 1].object)
			return;
		/* From an iterator over kernel memory nothing is pinned. */
		if (r->iter && r->iter <= ev->nargs &&
		    fl_iter_is_kernel(unit, fn, ev->args[r->iter - 1].var))
			return;
		memset(&h, 0, sizeof(h));
		snprintf(buf, sizeof(buf), "pin:%s",
			 ev->args[r->arg - 1].object);
		h.lock_class = fl_strdup(buf);
		h.display = ev->callee;
		h.object = ev->args[r->arg - 1].object;
		h.is_pin = true;
		h.mode = FL_MODE_EXCL;
		h.loc = ev->loc;
		if (ev->result_var) {
			h.cond_var = ev->result_var;
			h.success = FL_SUCCESS_POSITIVE;
		}
		acquire(st, &h);
		return;
	}
	for (k = 0; k < ev->nargs; k++) {
		const struct fl_operand *op = &ev->args[k];
		const struct fl_function *callee;
		bool hands_over, defers = false;

		if (!op->object)
			continue;
		if (r) {
			/* page_folio() only renames the pages it is given. */
			hands_over = r->kind != FL_RULE_PAGES_GET &&
				     r->kind != FL_RULE_PAGES_ALIAS;
		} else if (fl_rules_find(unit->rules, ev->callee,
					 ~(fl_kind_mask)0)) {
			/* PageAnon, kmap, kfree of the array: the API the
			 * rules know keeps no reference, body or not. */
			hands_over = false;
		} else if ((callee = fl_unit_find(unit, ev->callee))) {
			/* A helper that only looks leaves them pinned. */
			hands_over = !fl_pageflow_param_only_looks(
				unit->pageflow, callee, k);
		} else {
			/* Another unit's: it decides there (the link). */
			hands_over = false;
			defers = true;
		}
		for (i = 0; i < st->nheld; i++) {
			struct fl_held *h = &st->held[i];

			if (!h->is_pin ||
			    !fl_pageflow_reaches(unit->pageflow, h->object,
						 op->object))
				continue;
			if (hands_over) {
				st->held[i--] = st->held[--st->nheld];
			} else if (defers && !h->handed_to) {
				h->handed_to = ev->callee;
				h->handed_arg = k + 1;
				h->handed_loc = ev->loc;
			}
		}
	}
}

static void transfer_call(const struct fl_unit *unit,
			  const struct fl_function *fn,
			  const struct fl_event *ev, struct fl_state *st)
{
	const struct fl_rule *r;
	enum fl_success sense;
	const struct fl_function *callee;
	struct fl_held h;
	int i;

	kill_var(st, ev->result_var);
	if (fl_call_breaks_layouts(unit, ev)) {
		const struct fl_held *l = fl_held_layout_lock(unit, st);

		st->layout_broken = true;
		st->break_loc = ev->loc;
		st->break_lock = l ? l->lock_class : NULL;
		st->break_lock_display = l ? l->display : NULL;
	}
	track_pins(unit, fn, ev,
		   fl_rules_find(unit->rules, ev->callee, PAGE_RULE_KINDS), st);
	r = fl_rules_find(unit->rules, ev->callee, KINDS_LOCKING);
	if (r) {
		switch (r->kind) {
		case FL_RULE_LOCK:
			if (fl_rule_lock_operand(unit, fn, r, ev, &h))
				acquire(st, &h);
			break;
		case FL_RULE_TRYLOCK:
			if (ev->result_var &&
			    fl_rule_lock_operand(unit, fn, r, ev, &h)) {
				h.cond_var = ev->result_var;
				h.success = r->success;
				acquire(st, &h);
			}
			break;
		case FL_RULE_UNLOCK:
			if (fl_rule_lock_operand(unit, fn, r, ev, &h))
				release(st, &h);
			break;
		case FL_RULE_HELD_TEST:
			if (ev->result_var &&
			    fl_rule_lock_operand(unit, fn, r, ev, &h))
				make_conditional(st, &h, ev->result_var);
			break;
		case FL_RULE_NOFAULT_BEGIN:
			st->nofault = true;
			break;
		case FL_RULE_NOFAULT_END:
			st->nofault = false;
			break;
		case FL_RULE_KERNEL_ITER:
			/* Over kernel memory: its copies cannot fault. */
			if (!r->arg) {
				add_obj(st, ev->result_var);
			} else if (r->arg <= ev->nargs) {
				add_obj(st, ev->args[r->arg - 1].var);
				add_obj(st, ev->args[r->arg - 1].base_var);
			}
			break;
		default:
			break;
		}
		return;
	}
	if (fl_rules_guard_release(unit->rules, ev->callee)) {
		guard_release(unit, fn, ev, st);
		return;
	}
	sense = fl_rules_guard_test(unit->rules, ev->callee);
	if (sense != FL_SUCCESS_NONE) {
		guard_test(ev, sense, st);
		return;
	}
	callee = fl_unit_find(unit, ev->callee);
	if (!callee || callee == fn || !callee->summary ||
	    callee->summary->status != 2)
		return;
	/* A helper that sets its argument up over kernel memory. */
	for (i = 0; i < ev->nargs && i < 64; i++) {
		if (!(callee->summary->kernel_iter_params & (1ULL << i)))
			continue;
		add_obj(st, ev->args[i].var);
		add_obj(st, ev->args[i].base_var);
	}
	if (fl_rules_guard_constructor(unit->rules, ev->callee))
		guard_acquire(unit, fn, ev, callee, st);
	else
		apply_summary(ev, callee, st);
}

static void transfer_store(const struct fl_unit *unit,
			   const struct fl_event *ev, struct fl_state *st)
{
	const struct fl_rule *r =
		fl_rules_find(unit->rules, ev->field_class,
			      FL_KIND_BIT(FL_RULE_NOFAULT_FIELD));
	bool clears = ev->value.is_const && ev->value.value == 0;

	if (!r)
		return;
	if (r->scope == FL_SCOPE_TASK) {
		st->task_nofault = !clears;
	} else if (ev->base_var) {
		if (clears)
			remove_obj(st, ev->base_var);
		else
			add_obj(st, ev->base_var);
	}
}

static void transfer(const struct fl_unit *unit, const struct fl_function *fn,
		     const struct fl_event *ev, struct fl_state *st)
{
	switch (ev->kind) {
	case FL_EV_CALL:
		transfer_call(unit, fn, ev, st);
		break;
	case FL_EV_STORE:
		transfer_store(unit, ev, st);
		break;
	case FL_EV_ASSIGN:
		kill_var(st, ev->var);
		remove_obj(st, ev->var);
		copy_var(st, ev->var, ev->value.var);
		break;
	case FL_EV_RETURN:
	case FL_EV_FLOW:
	case FL_EV_WRITE:
		break;
	}
}

/* What taking this edge says about a conditional acquisition. */
static int edge_verdict(enum fl_success success, enum fl_relation rel)
{
	if (success == FL_SUCCESS_ZERO) {
		if (rel == FL_REL_EQ0 || rel == FL_REL_GE0)
			return 1;
		if (rel == FL_REL_NE0 || rel == FL_REL_LT0)
			return 0;
	} else if (success == FL_SUCCESS_NONZERO) {
		if (rel == FL_REL_NE0)
			return 1;
		if (rel == FL_REL_EQ0)
			return 0;
	} else if (success == FL_SUCCESS_POSITIVE) {
		/* A partial count still pins pages: only <= 0 pins none. */
		if (rel == FL_REL_GT0 || rel == FL_REL_NE0 || rel == FL_REL_GE0)
			return 1;
		if (rel == FL_REL_LE0 || rel == FL_REL_LT0 || rel == FL_REL_EQ0)
			return 0;
	}
	return -1;
}

static void apply_edge(const struct fl_edge *e, struct fl_state *st)
{
	int i;

	if (e->dax == FL_DAX_YES)
		st->not_dax = false;
	else if (e->dax == FL_DAX_NO)
		st->not_dax = true;
	if (!e->cond_var || e->rel == FL_REL_NONE)
		return;
	for (i = 0; i < st->nheld; i++) {
		struct fl_held *h = &st->held[i];
		int v;

		if (h->cond_var != e->cond_var)
			continue;
		v = edge_verdict(h->success, e->rel);
		if (v == 1) {
			h->cond_var = 0;
			h->success = FL_SUCCESS_NONE;
		} else if (v == 0 && h->is_pin) {
			/* Nothing was pinned: neither a leak nor a release. */
			h->cond_var = 0;
			h->success = FL_SUCCESS_NONE;
			h->voided = true;
		} else if (v == 0) {
			st->held[i--] = st->held[--st->nheld];
		}
	}
	/* Resolving may have made two facts equal; keep one. */
	for (i = 0; i < st->nheld; i++) {
		int j;

		for (j = i + 1; j < st->nheld; j++)
			if (same_fact(&st->held[i], &st->held[j]))
				st->held[j--] = st->held[--st->nheld];
	}
}

void fl_lockset_run(const struct fl_unit *unit, const struct fl_function *fn,
		    const struct fl_hooks *hooks)
{
	struct fl_state *in;
	int *work, nwork = 0;
	char *queued;
	int b, i;

	fl_recover_function = fn->name;
	fl_recover_point("check", fn->name);
	if (fn->nblocks == 0)
		return;
	in = fl_xcalloc(fn->nblocks, sizeof(*in));
	work = fl_xcalloc(fn->nblocks, sizeof(*work));
	queued = fl_xcalloc(fn->nblocks, 1);
	in[fn->entry].reached = true;
	work[nwork++] = fn->entry;
	queued[fn->entry] = 1;

	while (nwork) {
		struct fl_state st;

		b = work[--nwork];
		queued[b] = 0;
		state_copy(&st, &in[b]);
		for (i = 0; i < fn->blocks[b].nevents; i++)
			transfer(unit, fn, &fn->blocks[b].events[i], &st);
		for (i = 0; i < fn->blocks[b].nsuccs; i++) {
			const struct fl_edge *e = &fn->blocks[b].succs[i];
			struct fl_state out;

			if (e->dest < 0 || e->dest >= fn->nblocks)
				continue;
			state_copy(&out, &st);
			apply_edge(e, &out);
			if (state_join(&in[e->dest], &out) &&
			    !queued[e->dest]) {
				queued[e->dest] = 1;
				work[nwork++] = e->dest;
			}
			state_clear(&out);
		}
		state_clear(&st);
	}

	/* The fixpoint is reached: replay each block once for the hooks. */
	for (b = 0; b < fn->nblocks; b++) {
		struct fl_state st;

		if (!in[b].reached)
			continue;
		state_copy(&st, &in[b]);
		for (i = 0; i < fn->blocks[b].nevents; i++) {
			const struct fl_event *ev = &fn->blocks[b].events[i];

			if (ev->kind == FL_EV_CALL && hooks->call)
				hooks->call(hooks->ctx, fn, ev, &st);
			if (ev->kind == FL_EV_RETURN && hooks->ret)
				hooks->ret(hooks->ctx, fn, ev, &st);
			if (ev->kind == FL_EV_ASSIGN && hooks->assign)
				hooks->assign(hooks->ctx, fn, ev, &st);
			transfer(unit, fn, ev, &st);
		}
		state_clear(&st);
	}

	for (b = 0; b < fn->nblocks; b++)
		state_clear(&in[b]);
	free(in);
	free(work);
	free(queued);
}

bool fl_call_removes_blocks(const struct fl_unit *unit,
			    const struct fl_event *ev)
{
	const struct fl_function *callee;

	if (fl_rules_find(unit->rules, ev->callee,
			  FL_KIND_BIT(FL_RULE_REMOVE_BLOCKS)))
		return true;
	callee = fl_unit_find(unit, ev->callee);
	return callee && callee->summary && callee->summary->removes_unbroken;
}

bool fl_call_breaks_layouts(const struct fl_unit *unit,
			    const struct fl_event *ev)
{
	const struct fl_function *callee;

	if (fl_rules_find(unit->rules, ev->callee,
			  FL_KIND_BIT(FL_RULE_LAYOUT_BREAK)))
		return true;
	callee = fl_unit_find(unit, ev->callee);
	return callee && callee->summary && callee->summary->breaks_layouts;
}

const struct fl_held *fl_held_layout_lock(const struct fl_unit *unit,
					  const struct fl_state *st)
{
	int i;

	for (i = 0; i < st->nheld; i++)
		if (!st->held[i].cond_var && st->held[i].lock_class &&
		    fl_rules_find(unit->rules, st->held[i].lock_class,
				  FL_KIND_BIT(FL_RULE_LAYOUT_LOCK)))
			return &st->held[i];
	return NULL;
}
