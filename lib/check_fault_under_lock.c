// SPDX-License-Identifier: GPL-2.0
/*
 * fault-under-lock: a call that may fault on user memory, made while a lock
 * is held that this filesystem's page-fault path takes again.  If the user
 * buffer is an mmap of a file of the same filesystem, the fault runs the
 * filesystem's .fault/.page_mkwrite/.read_folio, which blocks on the lock
 * its own task holds (gfs2 before 5.16, ocfs2 fiemap).
 *
 * The fault-path lock set is computed from the unit's own ops tables, so a
 * lock the fault path never takes (ext4/xfs i_rwsem) is never reported.
 */
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "lockset.h"

/* One lock a page fault can take, and who takes it. */
struct fault_path_lock {
	const struct fl_take *take; /* NULL for a rules-declared lock */
	const char *lock_class;
	enum fl_mode mode;
	const char *entry;	    /* ops function the fault enters */
	const char *entry_field;    /* vm_operations_struct::page_mkwrite */
	const struct fl_rule *rule; /* for generic mm locks */
};

struct fault_path {
	struct fault_path_lock *locks;
	int nlocks;
};

struct check_ctx {
	const struct fl_unit *unit;
	const struct fl_diag_sink *sink;
	const struct fault_path *fp;
};

/*
 * Whether the unit maps files through the page cache (names a
 * pagecache-mmap function in an ops table or calls one): only then is a
 * via=pagecache fault-op (->read_folio) reached by a page fault.  Coda's
 * symlink a_ops, say, are never: its files map the host file.
 */
bool fl_unit_maps_pagecache(const struct fl_unit *unit)
{
	fl_kind_mask k = FL_KIND_BIT(FL_RULE_PAGECACHE_MMAP);
	int i, f, b, e;

	for (i = 0; i < unit->nops; i++)
		if (fl_rules_find(unit->rules, unit->ops[i].function, k))
			return true;
	for (f = 0; f < unit->nfuncs; f++)
		for (b = 0; b < unit->funcs[f]->nblocks; b++)
			for (e = 0; e < unit->funcs[f]->blocks[b].nevents; e++) {
				const struct fl_event *ev =
					&unit->funcs[f]->blocks[b].events[e];

				if (ev->kind == FL_EV_CALL &&
				    fl_rules_find(unit->rules, ev->callee, k))
					return true;
			}
	return false;
}

static void collect_fault_path(const struct fl_unit *unit,
			       struct fault_path *fp)
{
	int i, t;
	bool pagecache = fl_unit_maps_pagecache(unit);

	for (i = 0; i < unit->nops; i++) {
		const struct fl_ops_entry *op = &unit->ops[i];
		const struct fl_function *fn;
		const struct fl_rule *r;
		char field[256];

		snprintf(field, sizeof(field), "%s::%s", op->table_type,
			 op->field);
		r = fl_rules_find(unit->rules, field,
				  FL_KIND_BIT(FL_RULE_FAULT_OP));
		if (!r || (r->via_pagecache && !pagecache))
			continue;
		fn = fl_unit_find(unit, op->function);
		if (!fn || !fn->summary)
			continue;
		for (t = 0; t < fn->summary->ntakes; t++) {
			struct fault_path_lock *l;

			fp->locks = fl_xrealloc(fp->locks,
						(fp->nlocks + 1) * sizeof(*l));
			l = &fp->locks[fp->nlocks++];
			memset(l, 0, sizeof(*l));
			l->take = &fn->summary->takes[t];
			l->lock_class = l->take->lock_class;
			l->mode = l->take->mode;
			l->entry = fn->name;
			l->entry_field = fl_strdup(field);
		}
	}
	for (i = 0; i < unit->rules->nrules; i++) {
		const struct fl_rule *r = &unit->rules->rules[i];
		struct fault_path_lock *l;

		if (r->kind != FL_RULE_FAULT_PATH_LOCK)
			continue;
		fp->locks =
			fl_xrealloc(fp->locks, (fp->nlocks + 1) * sizeof(*l));
		l = &fp->locks[fp->nlocks++];
		memset(l, 0, sizeof(*l));
		l->lock_class = r->name;
		l->mode = r->mode;
		l->rule = r;
	}
}

static const struct fault_path_lock *conflicting(const struct fault_path *fp,
						 const struct fl_held *h)
{
	int i;

	for (i = 0; i < fp->nlocks; i++)
		if (!strcmp(fp->locks[i].lock_class, h->lock_class) &&
		    fl_modes_conflict(fp->locks[i].mode, h->mode))
			return &fp->locks[i];
	return NULL;
}

void fl_ful_warning_text(char *msg, size_t len, const char *callee,
			 const char *macro, const char *held_display,
			 enum fl_mode held_mode, const char *entry,
			 const struct fl_rule *rule)
{
	char where[300], call[300];

	if (entry)
		snprintf(where, sizeof(where),
			 "a page fault on a mapping of this filesystem takes "
			 "it again in '%s'",
			 entry);
	else
		snprintf(where, sizeof(where),
			 "a page fault on any file takes it %s (%s:%d)",
			 rule->mode == FL_MODE_EXCL ? "exclusively" : "shared",
			 rule->file, rule->line);
	if (macro && strcmp(macro, callee))
		snprintf(call, sizeof(call), "%s' (through '%s')", macro,
			 callee);
	else
		snprintf(call, sizeof(call), "%s'", callee);
	snprintf(msg, len,
		 "'%s may fault on user memory while '%s' is held%s; %s "
		 "[faultline:fault-under-lock]",
		 call, held_display,
		 held_mode == FL_MODE_SHARED ? " shared" : "", where);
}

void fl_ful_taken_text(char *msg, size_t len, const char *display,
		       const char *lock_class, const char *via)
{
	if (via)
		snprintf(msg, len, "'%s' (%s) is taken here by '%s'",
			 display ? display : lock_class, lock_class, via);
	else
		snprintf(msg, len, "'%s' (%s) is taken here",
			 display ? display : lock_class, lock_class);
}

void fl_ful_path_text(char *msg, size_t len, const char *entry,
		      const char *entry_field, const char *taker,
		      const char *take_display, enum fl_mode held_mode)
{
	/* The mode explains the conflict only when ours is shared. */
	const char *how = held_mode == FL_MODE_SHARED ? " exclusively" : "";

	if (strcmp(taker, entry))
		snprintf(msg, len,
			 "the page fault path '%s' (%s) reaches '%s', "
			 "which takes '%s'%s here",
			 entry, entry_field, taker, take_display, how);
	else
		snprintf(msg, len,
			 "the page fault path '%s' (%s) takes '%s'%s here",
			 entry, entry_field, take_display, how);
}

static void report(struct check_ctx *c, const struct fl_function *fn,
		   const struct fl_event *ev, const struct fl_fault_call *fc,
		   const struct fl_held *h, const struct fault_path_lock *l)
{
	const struct fl_diag_sink *sink = c->sink;
	char msg[1024];

	fl_ful_warning_text(msg, sizeof(msg), ev->callee, ev->macro,
			    h->display ? h->display : h->lock_class, h->mode,
			    l->entry, l->rule);
	sink->warning(sink->ctx, fn, &ev->loc, msg);

	if (fc->via) {
		snprintf(msg, sizeof(msg),
			 "'%s' calls '%s' here, which may fault", fc->via->name,
			 fc->site->callee);
		sink->note(sink->ctx, &fc->site->loc, msg);
	}
	fl_ful_taken_text(msg, sizeof(msg), h->display, h->lock_class,
			  h->via);
	sink->note(sink->ctx, &h->loc, msg);
	if (l->take) {
		fl_ful_path_text(msg, sizeof(msg), l->entry, l->entry_field,
				 l->take->function, l->take->display, h->mode);
		sink->note(sink->ctx, &l->take->loc, msg);
	}
}

static void check_call(void *ctx, const struct fl_function *fn,
		       const struct fl_event *ev, const struct fl_state *before)
{
	struct check_ctx *c = ctx;
	struct fl_fault_call fc;
	int i;

	if (!fl_call_may_fault(c->unit, ev, before, &fc))
		return;
	/*
	 * One report per conflicting lock, innermost (taken nearest the call)
	 * first: each is a deadlock of its own with a fix of its own, so a
	 * patch that drops ip_alloc_sem but keeps the cluster lock around it
	 * fixes one and leaves the other.  A lock class once per call.
	 */
	for (i = before->nheld - 1; i >= 0; i--) {
		const struct fl_held *h = &before->held[i];
		const struct fault_path_lock *l;
		bool seen = false;
		int k;

		if (h->cond_var || !h->lock_class)
			continue;
		if (fl_fault_spares(&fc, h->lock_class))
			continue;
		for (k = before->nheld - 1; k > i && !seen; k--)
			seen = before->held[k].lock_class &&
			       !before->held[k].cond_var &&
			       !strcmp(before->held[k].lock_class,
				       h->lock_class);
		l = seen ? NULL : conflicting(c->fp, h);
		if (l)
			report(c, fn, ev, &fc, h, l);
	}
}

void fl_check_fault_under_lock(const struct fl_unit *unit,
			       const struct fl_diag_sink *sink)
{
	struct fault_path fp = {NULL, 0};
	struct check_ctx c = {unit, sink, &fp};
	struct fl_hooks hooks = {.call = check_call, .ctx = &c};
	int i;

	collect_fault_path(unit, &fp);
	if (fp.nlocks == 0)
		return;
	for (i = 0; i < unit->nfuncs; i++)
		fl_lockset_run(unit, unit->funcs[i], &hooks);
}
