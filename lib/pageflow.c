// SPDX-License-Identifier: GPL-2.0
/* The unit-wide page-object graph (see pageflow.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pageflow.h"

#define PAGE_RULES                                                             \
	(FL_KIND_BIT(FL_RULE_PAGES_GET) | FL_KIND_BIT(FL_RULE_PAGES_PIN) |     \
	 FL_KIND_BIT(FL_RULE_PAGES_SINK) | FL_KIND_BIT(FL_RULE_PAGES_PUT) |    \
	 FL_KIND_BIT(FL_RULE_PAGES_UNPIN) | FL_KIND_BIT(FL_RULE_PAGES_ALIAS) | \
	 FL_KIND_BIT(FL_RULE_PAGES_OWN))

static unsigned hash(const char *s)
{
	unsigned h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void rehash(struct fl_pageflow *pf)
{
	int i;

	free(pf->table);
	pf->table_size = pf->table_size ? pf->table_size * 2 : 1024;
	pf->table = fl_xcalloc(pf->table_size, sizeof(int));
	for (i = 0; i < pf->nnodes; i++) {
		unsigned h = hash(pf->names[i]) & (pf->table_size - 1);

		while (pf->table[h])
			h = (h + 1) & (pf->table_size - 1);
		pf->table[h] = i + 1;
	}
}

/* The node of a name, created on first use; -1 for no name. */
static int node(struct fl_pageflow *pf, const char *name)
{
	unsigned h;

	if (!name)
		return -1;
	if (2 * (pf->nnodes + 1) > pf->table_size)
		rehash(pf);
	h = hash(name) & (pf->table_size - 1);
	while (pf->table[h]) {
		if (!strcmp(pf->names[pf->table[h] - 1], name))
			return pf->table[h] - 1;
		h = (h + 1) & (pf->table_size - 1);
	}
	if (pf->nnodes == pf->cap) {
		pf->cap = pf->cap ? pf->cap * 2 : 256;
		pf->names = fl_xrealloc(pf->names, pf->cap * sizeof(char *));
		pf->succ = fl_xrealloc(pf->succ, pf->cap * sizeof(int *));
		pf->nsucc = fl_xrealloc(pf->nsucc, pf->cap * sizeof(int));
	}
	pf->names[pf->nnodes] = name;
	pf->succ[pf->nnodes] = NULL;
	pf->nsucc[pf->nnodes] = 0;
	pf->table[h] = ++pf->nnodes;
	return pf->nnodes - 1;
}

static void edge(struct fl_pageflow *pf, const char *from, const char *to)
{
	int a = node(pf, from), b = node(pf, to);

	if (a < 0 || b < 0 || a == b)
		return;
	pf->succ[a] =
		fl_xrealloc(pf->succ[a], (pf->nsucc[a] + 1) * sizeof(int));
	pf->succ[a][pf->nsucc[a]++] = b;
}

static const char *return_node(const struct fl_function *fn)
{
	char buf[512];

	snprintf(buf, sizeof(buf), "%s:return", fn->name);
	return fl_strdup(buf);
}

/* A call (or write) a pages-* rule names, on the page object it uses. */
static void add_site(struct fl_pageflow *pf, const struct fl_function *fn,
		     const struct fl_event *ev, const struct fl_rule *r,
		     const char *object)
{
	struct fl_page_site *s;

	if (!object)
		return;
	pf->sites =
		fl_xrealloc(pf->sites, (pf->nsites + 1) * sizeof(*pf->sites));
	s = &pf->sites[pf->nsites++];
	s->fn = fn;
	s->ev = ev;
	s->rule = r;
	s->node = node(pf, object);
}

/* The same value: one parameter, or one variable, of one function. */
static bool same_value(const struct fl_operand *a, const struct fl_operand *b)
{
	return (a->param && a->param == b->param) ||
	       (a->var && a->var == b->var);
}

/*
 * Whether fn maps a page of its own at user address addr (a pages-insert
 * call such as vm_insert_page), itself or through a function of the unit.
 */
static bool inserts_at(const struct fl_unit *unit,
		       const struct fl_function *fn,
		       const struct fl_operand *addr, int depth)
{
	int b, e, k;

	for (b = 0; b < fn->nblocks; b++) {
		for (e = 0; e < fn->blocks[b].nevents; e++) {
			const struct fl_event *ev = &fn->blocks[b].events[e];
			const struct fl_function *callee;
			const struct fl_rule *r;

			if (ev->kind != FL_EV_CALL)
				continue;
			r = fl_rules_find(unit->rules, ev->callee,
					  FL_KIND_BIT(FL_RULE_PAGES_INSERT));
			if (r) {
				if (r->addr_arg <= ev->nargs &&
				    same_value(&ev->args[r->addr_arg - 1], addr))
					return true;
				continue;
			}
			callee = depth > 0 ? fl_unit_find(unit, ev->callee)
					   : NULL;
			for (k = 0; callee && k < ev->nargs; k++) {
				struct fl_operand param = { .param = k + 1 };

				if (same_value(&ev->args[k], addr) &&
				    inserts_at(unit, callee, &param, depth - 1))
					return true;
			}
		}
	}
	return false;
}

/* Whether the unit may call fn in ways it cannot see. */
static bool called_unseen(const struct fl_unit *unit,
			  const struct fl_function *fn)
{
	int i;

	if (!fn->is_static)
		return true;
	for (i = 0; i < unit->nops; i++)
		if (!strcmp(unit->ops[i].function, fn->name))
			return true;
	return false;
}

/*
 * Whether a GUP at user address addr in fn looks up a page the unit
 * itself mapped there: fn maps its own page at that address, or addr is
 * a parameter and every caller passes an address it maps its own page at
 * (binder installs a page with vm_insert_page and, when another thread
 * won, looks the installed one up again).  Such a page is the unit's own
 * kernel page, not user memory: writing it needs no pin.
 */
static bool looks_up_own_mapping(const struct fl_unit *unit,
				 const struct fl_function *fn,
				 const struct fl_operand *addr, int depth)
{
	int f, b, e, callers = 0;

	if (inserts_at(unit, fn, addr, 3))
		return true;
	if (!addr->param || depth == 0 || called_unseen(unit, fn))
		return false;
	for (f = 0; f < unit->nfuncs; f++) {
		const struct fl_function *g = unit->funcs[f];

		for (b = 0; b < g->nblocks; b++) {
			for (e = 0; e < g->blocks[b].nevents; e++) {
				const struct fl_event *ev =
					&g->blocks[b].events[e];

				if (ev->kind != FL_EV_CALL ||
				    strcmp(ev->callee, fn->name))
					continue;
				callers++;
				if (addr->param > ev->nargs ||
				    !looks_up_own_mapping(
					    unit, g, &ev->args[addr->param - 1],
					    depth - 1))
					return false;
			}
		}
	}
	return callers > 0;
}

static void add_call(struct fl_pageflow *pf, const struct fl_function *fn,
		     const struct fl_event *ev)
{
	const struct fl_unit *unit = pf->unit;
	const struct fl_rule *r;
	const struct fl_function *callee;
	int k;

	r = fl_rules_find(unit->rules, ev->callee, PAGE_RULES);
	if (r && r->kind == FL_RULE_PAGES_OWN) {
		/* Pages of another origin than GUP, for fl_pageflow_mixed_fields. */
		if (ev->result_object) {
			pf->own_nodes = fl_xrealloc(pf->own_nodes,
						    (pf->nown + 1) * sizeof(int));
			pf->own_nodes[pf->nown++] = node(pf, ev->result_object);
		}
		return;
	}
	if (r && r->kind == FL_RULE_PAGES_ALIAS) {
		/* Its result is the same memory as the argument. */
		if (r->arg <= ev->nargs)
			edge(pf, ev->args[r->arg - 1].object, ev->result_object);
		return;
	}
	/*
	 * GUP on an mm no task runs yet (exec's new mm, linux_binprm::mm)
	 * takes pages no one else can reach: not user pages to pin.
	 */
	if (r && r->mm_arg && r->mm_arg <= ev->nargs &&
	    ev->args[r->mm_arg - 1].lock_class &&
	    fl_rules_find(unit->rules, ev->args[r->mm_arg - 1].lock_class,
			  FL_KIND_BIT(FL_RULE_PRIVATE_MM)))
		return;
	if (r && r->addr_arg && r->addr_arg <= ev->nargs &&
	    looks_up_own_mapping(unit, fn, &ev->args[r->addr_arg - 1], 3))
		return;
	if (r) {
		if (r->arg <= ev->nargs)
			add_site(pf, fn, ev, r, ev->args[r->arg - 1].object);
		return;
	}
	/* Into a function of the unit: arguments become its parameters. */
	callee = fl_unit_find(unit, ev->callee);
	if (!callee)
		return;
	for (k = 0; k < ev->nargs && k < callee->nparams; k++) {
		if (!ev->args[k].object || !callee->param_objects)
			continue;
		edge(pf, ev->args[k].object, callee->param_objects[k]);
		/* An array the callee fills through the pointer comes back. */
		if (callee->param_pages_out && callee->param_pages_out[k])
			edge(pf, callee->param_objects[k], ev->args[k].object);
	}
	if (ev->result_object)
		edge(pf, return_node(callee), ev->result_object);
}

/*
 * mm/gup.c and lib/iov_iter.c define the page sources themselves, choosing
 * FOLL_GET or FOLL_PIN from runtime flags: they are not users of them.
 * (block/bio.c defines sinks such as bio_add_page and is a user.)
 */
static bool implements_page_api(const struct fl_unit *unit)
{
	int f;

	for (f = 0; f < unit->nfuncs; f++)
		if (!unit->funcs[f]->is_static &&
		    fl_rules_find(unit->rules, unit->funcs[f]->name,
				  FL_KIND_BIT(FL_RULE_PAGES_GET) |
					  FL_KIND_BIT(FL_RULE_PAGES_PIN)))
			return true;
	return false;
}

/* A CPU write through a kmap of the pages: a data access like I/O. */
static void add_write(struct fl_pageflow *pf, const struct fl_function *fn,
		      const struct fl_event *ev)
{
	const struct fl_rule *r = fl_rules_find(pf->unit->rules, ev->callee,
						FL_KIND_BIT(FL_RULE_PAGES_MAP));

	if (r)
		add_site(pf, fn, ev, r, ev->src_object);
}

/*
 * bv->bv_page = page: a store into a field whose pages go to I/O.  The
 * site is on the stored object, not the unit-wide field, so each store
 * answers for the pages it moves.
 */
static void add_flow(struct fl_pageflow *pf, const struct fl_function *fn,
		     const struct fl_event *ev)
{
	const struct fl_rule *r = NULL;

	edge(pf, ev->src_object, ev->dst_object);
	if (ev->dst_object && !strncmp(ev->dst_object, "f:", 2))
		r = fl_rules_find(pf->unit->rules, ev->dst_object + 2,
				  FL_KIND_BIT(FL_RULE_PAGES_SINK_FIELD));
	if (r)
		add_site(pf, fn, ev, r, ev->src_object);
}

struct fl_pageflow *fl_pageflow_build(const struct fl_unit *unit)
{
	struct fl_pageflow *pf = fl_xcalloc(1, sizeof(*pf));
	int f, b, e;

	pf->unit = unit;
	if (implements_page_api(unit))
		return pf;
	for (f = 0; f < unit->nfuncs; f++) {
		const struct fl_function *fn = unit->funcs[f];

		for (b = 0; b < fn->nblocks; b++) {
			for (e = 0; e < fn->blocks[b].nevents; e++) {
				const struct fl_event *ev =
					&fn->blocks[b].events[e];

				if (ev->kind == FL_EV_FLOW)
					add_flow(pf, fn, ev);
				else if (ev->kind == FL_EV_CALL)
					add_call(pf, fn, ev);
				else if (ev->kind == FL_EV_WRITE)
					add_write(pf, fn, ev);
				else if (ev->kind == FL_EV_RETURN &&
					 ev->value.object)
					edge(pf, ev->value.object,
					     return_node(fn));
			}
		}
	}
	return pf;
}

static int *reach_avoiding(const struct fl_pageflow *pf, int start,
			   const bool *blocked)
{
	int *reached = fl_xcalloc(pf->nnodes + 1, sizeof(int));
	int *queue = fl_xcalloc(pf->nnodes + 1, sizeof(int));
	int head = 0, tail = 0, i;

	if (start < 0 || start >= pf->nnodes) {
		free(queue);
		return reached;
	}
	reached[start] = 1;
	queue[tail++] = start;
	while (head < tail) {
		int n = queue[head++];

		for (i = 0; i < pf->nsucc[n]; i++) {
			int m = pf->succ[n][i];

			if (!reached[m] && !(blocked && blocked[m])) {
				reached[m] = reached[n] + 1;
				queue[tail++] = m;
			}
		}
	}
	free(queue);
	return reached;
}

int *fl_pageflow_reach(const struct fl_pageflow *pf, int start)
{
	return reach_avoiding(pf, start, NULL);
}

int *fl_pageflow_reach_avoiding(const struct fl_pageflow *pf, int start,
				const bool *blocked)
{
	return reach_avoiding(pf, start, blocked);
}

static int find_node(const struct fl_pageflow *pf, const char *name);

/* Whether node n is the page object of a GUP call's pages. */
static bool is_gup_site_node(const struct fl_pageflow *pf, int n)
{
	int s;

	for (s = 0; s < pf->nsites; s++)
		if (pf->sites[s].node == n &&
		    (pf->sites[s].rule->kind == FL_RULE_PAGES_GET ||
		     pf->sites[s].rule->kind == FL_RULE_PAGES_PIN))
			return true;
	return false;
}

/* Mark in set every node reachable from n. */
static void mark_reach(const struct fl_pageflow *pf, int n, bool *set)
{
	int *r = fl_pageflow_reach(pf, n);
	int m;

	for (m = 0; m < pf->nnodes; m++)
		if (r[m])
			set[m] = true;
	free(r);
}

bool *fl_pageflow_mixed_fields(const struct fl_pageflow *pf)
{
	bool *from_gup = fl_xcalloc(pf->nnodes + 1, sizeof(bool));
	bool *from_other = fl_xcalloc(pf->nnodes + 1, sizeof(bool));
	bool *has_pred = fl_xcalloc(pf->nnodes + 1, sizeof(bool));
	bool *mixed = fl_xcalloc(pf->nnodes + 1, sizeof(bool));
	const struct fl_unit *unit = pf->unit;
	int s, n, i, f, k;

	for (s = 0; s < pf->nsites; s++)
		if (pf->sites[s].rule->kind == FL_RULE_PAGES_GET ||
		    pf->sites[s].rule->kind == FL_RULE_PAGES_PIN)
			mark_reach(pf, pf->sites[s].node, from_gup);
	/*
	 * Other origins: pages the kernel owns (pages-own calls), and
	 * parameters nothing in the unit feeds (their callers' pages).
	 */
	for (i = 0; i < pf->nown; i++)
		mark_reach(pf, pf->own_nodes[i], from_other);
	for (n = 0; n < pf->nnodes; n++)
		for (i = 0; i < pf->nsucc[n]; i++)
			has_pred[pf->succ[n][i]] = true;
	for (f = 0; unit && f < unit->nfuncs; f++) {
		const struct fl_function *fn = unit->funcs[f];

		for (k = 0; fn->param_objects && k < fn->nparams; k++) {
			n = fn->param_objects[k] ?
				    find_node(pf, fn->param_objects[k]) :
				    -1;
			if (n >= 0 && !has_pred[n] && !is_gup_site_node(pf, n))
				mark_reach(pf, n, from_other);
		}
	}
	for (n = 0; n < pf->nnodes; n++)
		mixed[n] = from_gup[n] && from_other[n] &&
			   !strncmp(pf->names[n], "f:", 2);
	free(from_gup);
	free(from_other);
	free(has_pred);
	return mixed;
}

/* The node of a name, or -1: queries must not grow the graph. */
static int find_node(const struct fl_pageflow *pf, const char *name)
{
	unsigned h;

	if (!name || !pf->table_size)
		return -1;
	h = hash(name) & (pf->table_size - 1);
	while (pf->table[h]) {
		if (!strcmp(pf->names[pf->table[h] - 1], name))
			return pf->table[h] - 1;
		h = (h + 1) & (pf->table_size - 1);
	}
	return -1;
}

static const int *cached_reach(const struct fl_pageflow *cpf, int from)
{
	struct fl_pageflow *pf = (struct fl_pageflow *)cpf;
	int i;

	for (i = 0; i < pf->ncache; i++)
		if (pf->cache_node[i] == from)
			return pf->cache_reach[i];
	pf->cache_node =
		fl_xrealloc(pf->cache_node, (pf->ncache + 1) * sizeof(int));
	pf->cache_reach =
		fl_xrealloc(pf->cache_reach, (pf->ncache + 1) * sizeof(int *));
	pf->cache_node[pf->ncache] = from;
	pf->cache_reach[pf->ncache] = fl_pageflow_reach(pf, from);
	return pf->cache_reach[pf->ncache++];
}

bool fl_pageflow_reaches(const struct fl_pageflow *pf, const char *from,
			 const char *to)
{
	int a = find_node(pf, from), b = find_node(pf, to);

	if (!from || !to)
		return false;
	if (!strcmp(from, to))
		return true;
	if (a < 0 || b < 0)
		return false;
	return cached_reach(pf, a)[b] != 0;
}

bool fl_pageflow_escapes(const struct fl_pageflow *pf, const char *from)
{
	int a = find_node(pf, from), i;
	const int *reached;

	if (a < 0)
		return false;
	/*
	 * pages = dio->pages; extract(&pages): the local points at the field's
	 * array, so what lands in it outlives the function as well.
	 */
	for (i = 0; i < pf->nnodes; i++) {
		int k;

		if (strncmp(pf->names[i], "f:", 2) &&
		    strncmp(pf->names[i], "g:", 2))
			continue;
		for (k = 0; k < pf->nsucc[i]; k++)
			if (pf->succ[i][k] == a)
				return true;
	}
	reached = cached_reach(pf, a);
	for (i = 0; i < pf->nnodes; i++) {
		const char *n = pf->names[i];
		size_t len = strlen(n);

		if (!reached[i])
			continue;
		if (!strncmp(n, "f:", 2) || !strncmp(n, "g:", 2) ||
		    (len > 7 && !strcmp(n + len - 7, ":return")))
			return true;
	}
	return false;
}

int fl_pageflow_find(const struct fl_pageflow *pf, const char *name)
{
	return find_node(pf, name);
}

/* A call to a function with no body in the unit and no rule. */
static bool unknown_external(const struct fl_unit *unit,
			     const struct fl_event *ev)
{
	return ev->kind == FL_EV_CALL && ev->callee &&
	       !fl_unit_find(unit, ev->callee) &&
	       !fl_rules_find(unit->rules, ev->callee, ~(fl_kind_mask)0);
}

/*
 * Whether the pages of node n, reached as reached[], are only looked at:
 * something is seen to look at them (a pages-look call: PageAnon,
 * folio_mapping), and none goes where someone else answers for it (a
 * release or a sink, any page rule but a getter or an alias; a field, a
 * global or a return; a function the unit cannot see into).  What the unit
 * cannot follow (page_to_pfn() arithmetic kept in a tree) is no evidence
 * of looking, so it counts as taken over.
 */
static bool reach_only_looks(const struct fl_pageflow *pf, int n,
			     const int *reached)
{
	const struct fl_unit *unit = pf->unit;
	bool looked = false;
	int s, f, b, e, k;

	if (fl_pageflow_escapes(pf, pf->names[n]))
		return false;
	for (s = 0; s < pf->nsites; s++)
		if (reached[pf->sites[s].node] &&
		    pf->sites[s].rule->kind != FL_RULE_PAGES_GET &&
		    pf->sites[s].rule->kind != FL_RULE_PAGES_PIN &&
		    pf->sites[s].rule->kind != FL_RULE_PAGES_ALIAS)
			return false;
	for (f = 0; f < unit->nfuncs; f++) {
		const struct fl_function *fn = unit->funcs[f];

		for (b = 0; b < fn->nblocks; b++)
			for (e = 0; e < fn->blocks[b].nevents; e++) {
				const struct fl_event *ev =
					&fn->blocks[b].events[e];
				fl_kind_mask look = FL_KIND_BIT(FL_RULE_PAGES_LOOK);
				bool unknown = unknown_external(unit, ev);
				bool looks = ev->kind == FL_EV_CALL &&
					     fl_rules_find(unit->rules,
							   ev->callee, look);

				if (!unknown && !looks)
					continue;
				for (k = 0; k < ev->nargs; k++) {
					int m;

					m = find_node(pf, ev->args[k].object);
					if (m < 0 || !reached[m])
						continue;
					if (unknown)
						return false;
					looked = true;
				}
			}
	}
	return looked;
}

bool fl_pageflow_param_only_looks(const struct fl_pageflow *cpf,
				  const struct fl_function *fn, int k)
{
	struct fl_pageflow *pf = (struct fl_pageflow *)cpf;
	int n;

	if (!fn->param_objects || k < 0 || k >= fn->nparams)
		return false;
	n = find_node(pf, fn->param_objects[k]);
	if (n < 0)
		return false; /* nothing seen of it: no evidence either way */
	if (!pf->looks || pf->nlooks < pf->nnodes) {
		pf->looks = fl_xrealloc(pf->looks, pf->nnodes);
		memset(pf->looks + pf->nlooks, 0, pf->nnodes - pf->nlooks);
		pf->nlooks = pf->nnodes;
	}
	if (!pf->looks[n])
		pf->looks[n] =
			reach_only_looks(pf, n, cached_reach(pf, n)) ? 1 : 2;
	return pf->looks[n] == 1;
}
