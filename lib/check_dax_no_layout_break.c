// SPDX-License-Identifier: GPL-2.0
/*
 * dax-no-layout-break: on a DAX file the page under DMA is the filesystem
 * block, so a path that removes or moves blocks (size-changing setattr,
 * fallocate, extent moves) must first wait for DMA to drain by breaking
 * layouts, with the invalidate lock held so that no new reference appears
 * before the blocks go (seed 004).
 *
 * Checked only in units that use the DAX API.  Starting from the unit's
 * block-removing entry points, a removal is reported when no path to it
 * breaks layouts and the inode is not proven non-DAX (IS_DAX() false, or
 * DAX inodes refused).  A break in a caller covers removals in callees.  A
 * break whose invalidate lock is dropped before the removal is reported on
 * its own.
 */
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "lockset.h"

/* How a function came to be checked: an entry point, or called from one. */
struct layout_context {
	const char *entry; /* the entry point it is reached from */
	const char *why;   /* why that function is an entry point */
	const struct fl_function *caller; /* NULL for the entry itself */
	struct fl_loc call_loc;
};

struct layout_check {
	const struct fl_unit *unit;
	const struct fl_diag_sink *sink;
	struct layout_context *ctx; /* indexed like unit->funcs */
	int *work;
	int nwork;
	int current;
};

static int func_index(const struct fl_unit *unit, const char *name)
{
	int i;

	for (i = 0; i < unit->nfuncs; i++)
		if (!strcmp(unit->funcs[i]->name, name))
			return i;
	return -1;
}

/*
 * A unit is DAX-capable for what its own code does: an inline from a
 * header that tests IS_DAX() (vma_is_dax) makes no filesystem DAX-capable.
 */
bool fl_unit_uses_dax(const struct fl_unit *unit)
{
	int f, b, e;

	for (f = 0; f < unit->nfuncs; f++) {
		const struct fl_function *fn = unit->funcs[f];

		if (unit->source && fn->loc.file &&
		    strcmp(fn->loc.file, unit->source))
			continue;
		for (b = 0; b < fn->nblocks; b++) {
			const struct fl_block *bl = &fn->blocks[b];

			for (e = 0; e < bl->nsuccs; e++)
				if (bl->succs[e].dax != FL_DAX_UNKNOWN)
					return true;
			for (e = 0; e < bl->nevents; e++)
				if (bl->events[e].kind == FL_EV_CALL &&
				    fl_rules_find(
					    unit->rules, bl->events[e].callee,
					    FL_KIND_BIT(FL_RULE_DAX_API) |
						    FL_KIND_BIT(
							    FL_RULE_LAYOUT_BREAK)))
					return true;
		}
	}
	return false;
}

static bool called_in_unit(const struct fl_unit *unit, const char *name)
{
	int f, b, e;

	for (f = 0; f < unit->nfuncs; f++) {
		const struct fl_function *fn = unit->funcs[f];

		for (b = 0; b < fn->nblocks; b++)
			for (e = 0; e < fn->blocks[b].nevents; e++)
				if (fn->blocks[b].events[e].kind ==
					    FL_EV_CALL &&
				    !strcmp(fn->blocks[b].events[e].callee,
					    name))
					return true;
	}
	return false;
}

static void enqueue(struct layout_check *c, int idx,
		    const struct layout_context *lc)
{
	if (idx < 0 || c->ctx[idx].entry)
		return;
	c->ctx[idx] = *lc;
	c->work[c->nwork++] = idx;
}

/*
 * Why fn roots a block-removing path although no ops table names it: it
 * takes a struct iattr * and nothing in the unit calls it.  NULL if not.
 */
const char *fl_layout_root_reason(const struct fl_unit *unit,
				  const struct fl_function *fn)
{
	char buf[512];
	int p;

	for (p = 0; p < fn->nparams; p++) {
		if (!fn->param_types[p] ||
		    !fl_rules_find(unit->rules, fn->param_types[p],
				   FL_KIND_BIT(FL_RULE_LAYOUT_ENTRY_PARAM)))
			continue;
		/* Called here: its callers decide whether it is reached. */
		if (called_in_unit(unit, fn->name))
			return NULL;
		snprintf(buf, sizeof(buf), "it takes 'struct %s *'",
			 fn->param_types[p]);
		return fl_strdup(buf);
	}
	return NULL;
}

/* Ops-table members the rules name, and root functions taking an iattr. */
static void find_entries(struct layout_check *c)
{
	const struct fl_unit *unit = c->unit;
	char buf[512];
	int i;

	for (i = 0; i < unit->nops; i++) {
		const struct fl_ops_entry *op = &unit->ops[i];
		struct layout_context lc = {0};

		snprintf(buf, sizeof(buf), "%s::%s", op->table_type, op->field);
		if (!fl_rules_find(unit->rules, buf,
				   FL_KIND_BIT(FL_RULE_LAYOUT_ENTRY)))
			continue;
		lc.entry = op->function;
		lc.why = fl_strdup(buf);
		enqueue(c, func_index(unit, op->function), &lc);
	}
	for (i = 0; i < unit->nfuncs; i++) {
		struct layout_context lc = {0};

		lc.why = fl_layout_root_reason(unit, unit->funcs[i]);
		if (!lc.why)
			continue;
		lc.entry = unit->funcs[i]->name;
		enqueue(c, i, &lc);
	}
}

/* The first rule of a kind, named in fix suggestions; or fallback. */
static const char *first_rule_name(const struct fl_rules *rules,
				   enum fl_rule_kind kind, const char *fallback)
{
	int i;

	for (i = 0; i < rules->nrules; i++)
		if (rules->rules[i].kind == kind)
			return rules->rules[i].name;
	return fallback;
}

void fl_dax_warning_text(char *msg, size_t len, const char *callee)
{
	snprintf(msg, len,
		 "'%s' removes blocks of a file that may be DAX without "
		 "breaking layouts first; DMA to its pages may still be in "
		 "flight [faultline:dax-no-layout-break]",
		 callee);
}

void fl_dax_context_text(char *msg, size_t len, const char *fn,
			 const char *entry, const char *why, bool called)
{
	if (called)
		snprintf(msg, len,
			 "'%s' is called here with no layout break before it, "
			 "on the path from '%s' (%s)",
			 fn, entry, why);
	else
		snprintf(msg, len, "'%s' removes blocks (%s)", fn, why);
}

void fl_dax_fix_text(char *msg, size_t len, const struct fl_rules *rules)
{
	snprintf(msg, len,
		 "break layouts ('%s' or the filesystem's wrapper) with '%s' "
		 "held before this",
		 first_rule_name(rules, FL_RULE_LAYOUT_BREAK,
				 "a layout break"),
		 first_rule_name(rules, FL_RULE_LAYOUT_LOCK,
				 "the lock that blocks faults"));
}

static void note_context(struct layout_check *c, const struct fl_function *fn)
{
	const struct layout_context *lc = &c->ctx[c->current];
	char msg[600];

	fl_dax_context_text(msg, sizeof(msg), fn->name, lc->entry, lc->why,
			    lc->caller != NULL);
	c->sink->note(c->sink->ctx, lc->caller ? &lc->call_loc : &fn->loc,
		      msg);
}

static void check_call(void *ctx, const struct fl_function *fn,
		       const struct fl_event *ev, const struct fl_state *before)
{
	struct layout_check *c = ctx;
	const struct fl_unit *unit = c->unit;
	char msg[1024];
	int idx;

	if (before->not_dax)
		return;
	if (fl_rules_find(unit->rules, ev->callee,
			  FL_KIND_BIT(FL_RULE_REMOVE_BLOCKS))) {
		if (!before->layout_broken) {
			fl_dax_warning_text(msg, sizeof(msg), ev->callee);
			c->sink->warning(c->sink->ctx, fn, &ev->loc, msg);
			note_context(c, fn);
			fl_dax_fix_text(msg, sizeof(msg), unit->rules);
			c->sink->note(c->sink->ctx, &ev->loc, msg);
			return;
		}
		if (before->break_lock) {
			int i;

			for (i = 0; i < before->nheld; i++)
				if (before->held[i].lock_class &&
				    !strcmp(before->held[i].lock_class,
					    before->break_lock))
					return;
			snprintf(
				msg, sizeof(msg),
				"'%s' removes blocks after '%s' was dropped "
				"since the layout break; new DMA references "
				"may "
				"have appeared [faultline:dax-no-layout-break]",
				ev->callee, before->break_lock_display);
			c->sink->warning(c->sink->ctx, fn, &ev->loc, msg);
			snprintf(msg, sizeof(msg),
				 "layouts are broken here with '%s' held",
				 before->break_lock_display);
			c->sink->note(c->sink->ctx, &before->break_loc, msg);
		}
		return;
	}
	/* An unbroken call into a function of the unit: check it there. */
	idx = func_index(unit, ev->callee);
	if (!before->layout_broken && idx >= 0 && unit->funcs[idx] != fn) {
		struct layout_context lc = c->ctx[c->current];

		lc.caller = fn;
		lc.call_loc = ev->loc;
		enqueue(c, idx, &lc);
	}
}

void fl_check_dax_no_layout_break(const struct fl_unit *unit,
				  const struct fl_diag_sink *sink)
{
	struct layout_check c = {unit, sink, NULL, NULL, 0, 0};
	struct fl_hooks hooks = {.call = check_call, .ctx = &c};

	if (!fl_unit_uses_dax(unit))
		return;
	c.ctx = fl_xcalloc(unit->nfuncs + 1, sizeof(*c.ctx));
	c.work = fl_xcalloc(unit->nfuncs + 1, sizeof(*c.work));
	find_entries(&c);
	/* Each function enters the worklist once, with its first context. */
	while (c.nwork) {
		c.current = c.work[--c.nwork];
		fl_lockset_run(unit, unit->funcs[c.current], &hooks);
	}
}
