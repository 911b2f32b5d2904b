// SPDX-License-Identifier: GPL-2.0
/*
 * Planning a witness for a fault-under-lock finding (witness.h): from the
 * finding's function up through its callers to an ops-table member a
 * system call enters by, the nearest first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "witness.h"

struct visit {
	const struct ln_function *fn;
	int parent; /* index of the callee it was reached from, or -1 */
	int depth;
};

/* The witness-entry field fn is an ops-table member for, or NULL. */
static const char *entry_field(const struct ln_program *prog,
			       const struct ln_function *fn,
			       enum fl_syscall *syscall)
{
	int u, i;

	for (u = 0; u < prog->nunits; u++) {
		const struct ln_unit *unit = prog->units[u];

		for (i = 0; i < unit->nops; i++) {
			const char *field;
			const struct fl_rule *r;

			if (strcmp(unit->ops[i].function, fn->name) ||
			    ln_op_function(prog, unit, &unit->ops[i],
					   FL_RULE_WITNESS_ENTRY, &field) != fn)
				continue;
			r = fl_rules_find(prog->rules, field,
					  FL_KIND_BIT(FL_RULE_WITNESS_ENTRY));
			*syscall = r->syscall;
			return field;
		}
	}
	return NULL;
}

static bool seen(const struct visit *v, int n, const struct ln_function *fn)
{
	int i;

	for (i = 0; i < n; i++)
		if (v[i].fn == fn)
			return true;
	return false;
}

/* Whether the faulting call leads through a direct-io call. */
static const char *direct_via(const struct ln_program *prog,
			      const struct ln_call *call)
{
	const struct ln_fault_way *way;
	int depth;

	for (depth = 0; call && depth < 16; depth++) {
		if (fl_rules_find(prog->rules, call->callee,
				  FL_KIND_BIT(FL_RULE_DIRECT_IO)))
			return call->callee;
		way = ln_call_fault_way(call);
		call = way ? way->via : NULL;
	}
	return NULL;
}

static const struct ln_function *finding_function(const struct ln_program *prog,
						  const struct ln_finding *f)
{
	int u, i;

	for (u = 0; u < prog->nunits; u++)
		for (i = 0; i < prog->units[u]->nfuncs; i++) {
			const struct ln_function *fn = prog->units[u]->funcs[i];

			if (!strcmp(fn->name, f->function) && fn->loc.file &&
			    f->loc.file && !strcmp(fn->loc.file, f->loc.file))
				return fn;
		}
	return NULL;
}

int ln_witness_plan(const struct ln_program *prog, const struct ln_finding *f,
		    struct ln_witness *w)
{
	struct visit *v;
	int nv = 0, cap = 64, head, i, u, c, found = -1;

	memset(w, 0, sizeof(*w));
	if (strcmp(f->check, "fault-under-lock")) {
		snprintf(w->why_not, sizeof(w->why_not),
			 "a %s finding: only fault-under-lock findings have "
			 "witnesses",
			 f->check);
		return -1;
	}
	w->fn = finding_function(prog, f);
	if (!w->fn) {
		snprintf(w->why_not, sizeof(w->why_not),
			 "'%s' of %s is not in the facts read", f->function,
			 f->loc.file);
		return -1;
	}
	for (c = 0; c < w->fn->ncalls; c++)
		if (w->fn->calls[c].loc.line == f->loc.line &&
		    w->fn->calls[c].nheld) {
			w->call = &w->fn->calls[c];
			break;
		}
	if (!w->call) {
		snprintf(w->why_not, sizeof(w->why_not),
			 "no call under a lock at line %d of '%s'", f->loc.line,
			 f->function);
		return -1;
	}

	/* Breadth first over callers: the shortest chain to an entry. */
	v = fl_xcalloc(cap, sizeof(*v));
	v[nv++] = (struct visit){w->fn, -1, 0};
	for (head = 0; head < nv && found < 0; head++) {
		enum fl_syscall sc;
		const char *field = entry_field(prog, v[head].fn, &sc);

		if (field) {
			found = head;
			w->entry = v[head].fn;
			w->entry_field = field;
			w->syscall = sc;
			break;
		}
		if (v[head].depth + 1 >= LN_WITNESS_MAX_CHAIN)
			continue;
		for (u = 0; u < prog->nunits; u++)
			for (i = 0; i < prog->units[u]->nfuncs; i++) {
				const struct ln_function *g =
					prog->units[u]->funcs[i];

				for (c = 0; c < g->ncalls; c++)
					if (g->calls[c].target == v[head].fn)
						break;
				if (c == g->ncalls || seen(v, nv, g))
					continue;
				if (nv == cap) {
					cap *= 2;
					v = fl_xrealloc(v, cap * sizeof(*v));
				}
				v[nv++] = (struct visit){g, head,
							 v[head].depth + 1};
			}
	}
	if (found < 0) {
		free(v);
		snprintf(
			w->why_not, sizeof(w->why_not),
			"no caller of '%s' within %d calls is an ops-table "
			"member a system call enters by (rules: witness-entry)",
			f->function, LN_WITNESS_MAX_CHAIN - 1);
		return -1;
	}
	for (i = found; i >= 0; i = v[i].parent)
		w->chain[w->nchain++] = v[i].fn;
	free(v);
	w->direct_via = direct_via(prog, w->call);
	w->direct = w->direct_via != NULL;
	if (w->syscall == FL_SYSCALL_FIEMAP && w->direct) {
		snprintf(w->why_not, sizeof(w->why_not),
			 "direct I/O under a fiemap entry");
		return -1;
	}
	return 0;
}
