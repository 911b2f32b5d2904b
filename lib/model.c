// SPDX-License-Identifier: GPL-2.0
/*
 * Building the program model.  A unit lives as long as the compiler process
 * that lowers it, so the model is never freed piecemeal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "recover.h"

void *fl_xcalloc(unsigned long n, unsigned long size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p) {
		fputs("faultline: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *fl_xrealloc(void *p, unsigned long size)
{
	p = realloc(p, size ? size : 1);
	if (!p) {
		fputs("faultline: out of memory\n", stderr);
		abort();
	}
	return p;
}

const char *fl_strdup(const char *s)
{
	size_t len;
	char *copy;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	copy = fl_xcalloc(1, len);
	memcpy(copy, s, len);
	return copy;
}

struct fl_unit *fl_unit_new(const struct fl_rules *rules)
{
	struct fl_unit *unit = fl_xcalloc(1, sizeof(*unit));

	unit->rules = rules;
	return unit;
}

struct fl_function *fl_unit_add_function(struct fl_unit *unit, const char *name)
{
	/* Lowering this function is the front end's work from here. */
	fl_recover_function = name;
	fl_recover_point("lower", name);
	struct fl_function *fn = fl_xcalloc(1, sizeof(*fn));

	fn->name = fl_strdup(name);
	if (unit->nfuncs == unit->funcs_cap) {
		unit->funcs_cap = unit->funcs_cap ? unit->funcs_cap * 2 : 64;
		unit->funcs = fl_xrealloc(
			unit->funcs, unit->funcs_cap * sizeof(*unit->funcs));
	}
	unit->funcs[unit->nfuncs++] = fn;
	return fn;
}

void fl_unit_add_ops(struct fl_unit *unit, const char *table_type,
		     const char *field, const char *function,
		     const struct fl_loc *loc)
{
	struct fl_ops_entry *e;

	if (unit->nops == unit->ops_cap) {
		unit->ops_cap = unit->ops_cap ? unit->ops_cap * 2 : 16;
		unit->ops = fl_xrealloc(unit->ops,
					unit->ops_cap * sizeof(*unit->ops));
	}
	e = &unit->ops[unit->nops++];
	e->table_type = fl_strdup(table_type);
	e->field = fl_strdup(field);
	e->function = fl_strdup(function);
	e->loc = *loc;
}

static const char *function_name(const void *ctx, int i)
{
	return ((const struct fl_unit *)ctx)->funcs[i]->name;
}

struct fl_function *fl_unit_find(const struct fl_unit *unit, const char *name)
{
	/* The index is a cache: callers see the unit as const. */
	struct fl_name_index *idx = (struct fl_name_index *)&unit->funcs_index;
	int i;

	if (!idx->heads || idx->nitems != unit->nfuncs)
		fl_name_index_build(idx, unit->nfuncs, function_name, unit);
	for (i = fl_name_index_first(idx, name); i >= 0;
	     i = fl_name_index_next(idx, i))
		if (!strcmp(unit->funcs[i]->name, name))
			return unit->funcs[i];
	return NULL;
}

struct fl_event *fl_block_add_event(struct fl_block *block,
				    enum fl_event_kind kind)
{
	struct fl_event *ev;

	/* Grow in powers of two; nevents is the only size kept. */
	if ((block->nevents & (block->nevents - 1)) == 0)
		block->events =
			fl_xrealloc(block->events,
				    (block->nevents ? block->nevents * 2 : 1) *
					    sizeof(*block->events));
	ev = &block->events[block->nevents++];
	memset(ev, 0, sizeof(*ev));
	ev->kind = kind;
	return ev;
}

void fl_block_add_edge(struct fl_block *block, int dest, unsigned cond_var,
		       enum fl_relation rel, enum fl_dax dax)
{
	struct fl_edge *e;

	block->succs = fl_xrealloc(block->succs,
				   (block->nsuccs + 1) * sizeof(*block->succs));
	e = &block->succs[block->nsuccs++];
	memset(e, 0, sizeof(*e));
	e->dest = dest;
	e->cond_var = cond_var;
	e->rel = rel;
	e->dax = dax;
}

void fl_block_edge_fnptr(struct fl_block *block, int param, const char *fn)
{
	struct fl_edge *e = &block->succs[block->nsuccs - 1];

	e->fnptr_param = param;
	e->fnptr = fl_strdup(fn);
}

enum fl_relation fl_relation_negate(enum fl_relation rel)
{
	switch (rel) {
	case FL_REL_EQ0:
		return FL_REL_NE0;
	case FL_REL_NE0:
		return FL_REL_EQ0;
	case FL_REL_LT0:
		return FL_REL_GE0;
	case FL_REL_GE0:
		return FL_REL_LT0;
	case FL_REL_GT0:
		return FL_REL_LE0;
	case FL_REL_LE0:
		return FL_REL_GT0;
	default:
		return FL_REL_NONE;
	}
}

enum fl_dax fl_dax_negate(enum fl_dax dax)
{
	return dax == FL_DAX_YES ? FL_DAX_NO :
	       dax == FL_DAX_NO	 ? FL_DAX_YES :
				   dax;
}

static bool int_suffix(char c)
{
	return c == 'U' || c == 'L' || c == 'u' || c == 'l';
}

long long fl_parse_flag_value(const char *p)
{
	char *end;
	long long v;

	while (*p == ' ' || *p == '(')
		p++;
	v = strtoll(p, &end, 0);
	if (end == p)
		return -1;
	while (*end == ' ' || int_suffix(*end))
		end++;
	if (end[0] == '<' && end[1] == '<') {
		long long shift = strtoll(end + 2, &end, 0);

		if (shift < 0 || shift > 62)
			return -1;
		v <<= shift;
	}
	while (*end == ' ' || *end == ')' || int_suffix(*end))
		end++;
	return *end ? -1 : v;
}

/*
 * "if (p == f) f(...)": the call runs only when parameter p points to f,
 * as INDIRECT_CALL_1(p, f, ...) devirtualizes the indirect call p(...).
 * The call is in the block the edge leads to, or in a chain of blocks
 * each entered only from the one before.
 */
const char *fl_param_type(const struct fl_function *fn, int param)
{
	if (param < 1 || param > fn->nparams || !fn->param_types)
		return NULL;
	return fn->param_types[param - 1];
}

const char *fl_fault_object_type(bool own_call, const char *callee_type,
				 bool is_field, const char *param_type)
{
	return own_call || is_field ? param_type : callee_type;
}

bool fl_fault_object_excluded(const char *fault_type, const char *arg_type)
{
	return fault_type && arg_type && strcmp(fault_type, arg_type);
}

void fl_mark_guarded_calls(struct fl_function *fn)
{
	int *preds = fl_xcalloc(fn->nblocks, sizeof(int));
	int b, s, e, d, depth;

	for (b = 0; b < fn->nblocks; b++)
		for (s = 0; s < fn->blocks[b].nsuccs; s++)
			if (fn->blocks[b].succs[s].dest >= 0 &&
			    fn->blocks[b].succs[s].dest < fn->nblocks)
				preds[fn->blocks[b].succs[s].dest]++;
	for (b = 0; b < fn->nblocks; b++) {
		for (s = 0; s < fn->blocks[b].nsuccs; s++) {
			const struct fl_edge *edge = &fn->blocks[b].succs[s];

			if (!edge->fnptr_param || !edge->fnptr)
				continue;
			d = edge->dest;
			for (depth = 0; depth < 4 && d >= 0 &&
					d < fn->nblocks && preds[d] == 1;
			     depth++) {
				struct fl_block *blk = &fn->blocks[d];

				for (e = 0; e < blk->nevents; e++)
					if (blk->events[e].kind == FL_EV_CALL &&
					    blk->events[e].callee &&
					    !strcmp(blk->events[e].callee,
						    edge->fnptr))
						blk->events[e].fnptr_param =
							edge->fnptr_param;
				if (blk->nsuccs != 1)
					break;
				d = blk->succs[0].dest;
			}
		}
	}
	free(preds);
}
