// SPDX-License-Identifier: GPL-2.0
/*
 * Writing a unit's facts (format: lib/FACTS.md).  Everything is taken from
 * the summaries and one more lockset run per function, so the link step
 * sees calls with exactly the lock and fault state the unit's own checks
 * saw.
 */
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "facts.h"
#include "lockset.h"
#include "pageflow.h"

struct text {
	char *buf;
	unsigned long len, cap;
};

static void put(struct text *t, const char *s, unsigned long n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->buf = fl_xrealloc(t->buf, t->cap);
	}
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

static void put_str(struct text *t, const char *s)
{
	put(t, s, strlen(s));
}

/* A field: tab first, then the value with \, tab and newline escaped. */
static void field(struct text *t, const char *s)
{
	put(t, "\t", 1);
	for (; s && *s; s++) {
		if (*s == '\\')
			put(t, "\\\\", 2);
		else if (*s == '\t')
			put(t, "\\t", 2);
		else if (*s == '\n')
			put(t, "\\n", 2);
		else
			put(t, s, 1);
	}
}

static void field_int(struct text *t, long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", v);
	field(t, buf);
}

static void field_loc(struct text *t, const struct fl_loc *loc)
{
	field(t, loc->file);
	field_int(t, loc->line);
	field_int(t, loc->column);
}

static const char *mode_letter(enum fl_mode mode)
{
	return mode == FL_MODE_SHARED ? "S" : mode == FL_MODE_EXCL ? "E" : "N";
}

void fl_diag_log_add(struct fl_diag_log *log, bool is_note,
		     const struct fl_function *fn, const struct fl_loc *loc,
		     const char *msg, const char *suppressed)
{
	struct fl_logged_diag *d;
	char check[64];

	log->items = fl_xrealloc(log->items, (log->n + 1) * sizeof(*d));
	d = &log->items[log->n++];
	memset(d, 0, sizeof(*d));
	d->is_note = is_note;
	if (!is_note) {
		d->check = fl_strdup(
			fl_check_of_message(msg, check, sizeof(check)));
		d->function = fn ? fn->name : NULL;
	}
	d->loc = *loc;
	d->loc.file = fl_strdup(loc->file);
	d->msg = fl_strdup(msg);
	d->suppressed = fl_strdup(suppressed);
}

const char *fl_check_of_message(const char *msg, char *buf, int len)
{
	const char *tag = strstr(msg, "[faultline:");
	int n = 0;

	if (!tag)
		return "faultline";
	tag += strlen("[faultline:");
	while (tag[n] && tag[n] != ']' && n < len - 1) {
		buf[n] = tag[n];
		n++;
	}
	buf[n] = '\0';
	return buf;
}

/*
 * Lock classes a fault spares, comma-separated: those released before it
 * in this function, a rule's except= and what the callee releases first.
 */
static void spared_list(char *buf, size_t len, const struct fl_state *st,
			const char *except, const struct fl_summary *s)
{
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; st && i < st->nreleased && n < len; i++)
		if (st->released[i].lock_class)
			n += snprintf(buf + n, len - n, "%s%s", n ? "," : "",
				      st->released[i].lock_class);
	if (except && n < len)
		n += snprintf(buf + n, len - n, "%s%s", n ? "," : "", except);
	for (i = 0; s && i < s->nfault_released && n < len; i++)
		n += snprintf(buf + n, len - n, "%s%s", n ? "," : "",
			      s->fault_released[i]);
}

/* A call's records, appended to its function's facts_calls. */
static void record_call(const struct fl_unit *unit,
			const struct fl_function *cfn,
			const struct fl_event *ev, const void *state)
{
	struct fl_function *fn = (struct fl_function *)cfn;
	const struct fl_state *before = state;
	struct text text = {fn->facts_calls, fn->facts_calls_len,
			    fn->facts_calls_cap};
	struct text *t = &text;
	struct fl_fault_call fc;
	char flags[8], args[512], spared[1024];
	int nflags = 0, nargs = 0, i;
	bool faults;

	if (!ev->callee || fl_call_is_locking(unit, ev))
		return;
	/* Only the rules' removals: the unit's own callees have records. */
	if (!before->layout_broken && !before->not_dax &&
	    fl_rules_find(unit->rules, ev->callee,
			  FL_KIND_BIT(FL_RULE_REMOVE_BLOCKS))) {
		put_str(t, "rm");
		field(t, ev->callee);
		field_loc(t, &ev->loc);
		put_str(t, "\n");
	}
	faults = fl_call_may_fault(unit, ev, before, &fc);
	if (faults)
		flags[nflags++] = 'f';
	if (before->nofault || before->task_nofault)
		flags[nflags++] = 'n';
	if (before->layout_broken)
		flags[nflags++] = 'b';
	if (before->not_dax)
		flags[nflags++] = 'd';
	flags[nflags] = '\0';
	args[0] = '\0';
	for (i = 0; i < ev->nargs; i++) {
		const struct fl_operand *op = &ev->args[i];
		const char *ptype = fl_param_type(fn, op->base_param);
		char one[300];

		if (fl_state_nofault_var(before, op->var) ||
		    fl_state_nofault_var(before, op->base_var))
			snprintf(one, sizeof(one), "%d:n", i + 1);
		else if (op->function)
			snprintf(one, sizeof(one), "%d:&%s", i + 1,
				 op->function);
		else if (op->param)
			snprintf(one, sizeof(one), "%d:p%d", i + 1, op->param);
		else if (op->base_param)
			snprintf(one, sizeof(one), "%d:f%d%s%s", i + 1,
				 op->base_param, ptype ? "*" : "",
				 ptype ? ptype : "");
		else if (fl_operand_object_type(op))
			snprintf(one, sizeof(one), "%d:*%s", i + 1,
				 fl_operand_object_type(op));
		else
			continue;
		/* Whole arguments only: one that does not fit is unknown. */
		if (strlen(one) < sizeof(one) - 1 &&
		    nargs + 1 + strlen(one) < sizeof(args))
			nargs += snprintf(args + nargs, sizeof(args) - nargs,
					  "%s%s", nargs ? "," : "", one);
	}
	put_str(t, "call");
	field(t, ev->callee);
	field(t, flags);
	field_loc(t, &ev->loc);
	field(t, ev->macro);
	/* Locks this function dropped (its caller's) and what the callee's
	 * fault spares. */
	spared_list(spared, sizeof(spared), before, faults ? fc.except : NULL,
		    faults && fc.via ? fc.via->summary : NULL);
	field(t, spared);
	field(t, args);
	put_str(t, "\n");
	if (ev->fnptr_param) {
		put_str(t, "guard");
		field_int(t, ev->fnptr_param);
		put_str(t, "\n");
	}
	for (i = 0; i < before->nheld; i++) {
		const struct fl_held *h = &before->held[i];

		if (h->cond_var || !h->lock_class || h->is_pin)
			continue;
		put_str(t, "held");
		field(t, h->lock_class);
		field(t, mode_letter(h->mode));
		field(t, h->display);
		field_loc(t, &h->loc);
		field(t, h->via);
		put_str(t, "\n");
	}
	fn->facts_calls = t->buf;
	fn->facts_calls_len = t->len;
	fn->facts_calls_cap = t->cap;
}

void fl_facts_observe(struct fl_unit *unit)
{
	unit->observe_call = record_call;
}


/*
 * Page flow (FACTS.md: psrc, psink, prel, ppass, pcall): where the pages
 * of each parameter and of each pages-get/pin call go inside the unit,
 * from the unit's page graph, so the link can follow pages into the unit
 * that does the I/O.
 */

/* Calls the page rules name are sites, not calls to follow. */
#define PAGE_CALL_RULES                                                        \
	(FL_KIND_BIT(FL_RULE_PAGES_GET) | FL_KIND_BIT(FL_RULE_PAGES_PIN) |     \
	 FL_KIND_BIT(FL_RULE_PAGES_SINK) | FL_KIND_BIT(FL_RULE_PAGES_PUT) |    \
	 FL_KIND_BIT(FL_RULE_PAGES_UNPIN) | FL_KIND_BIT(FL_RULE_PAGES_MAP) |   \
	 FL_KIND_BIT(FL_RULE_PAGES_DIRTY) | FL_KIND_BIT(FL_RULE_PAGES_ALIAS))

static bool is_source(const struct fl_page_site *s)
{
	return s->rule->kind == FL_RULE_PAGES_GET ||
	       s->rule->kind == FL_RULE_PAGES_PIN;
}

/* A call to a function with no body in the unit: the link follows it. */
static bool external_call(const struct fl_unit *unit, const struct fl_event *ev)
{
	return ev->kind == FL_EV_CALL && ev->callee &&
	       !fl_unit_find(unit, ev->callee) &&
	       !fl_rules_find(unit->rules, ev->callee, PAGE_CALL_RULES);
}

/* The unit's external calls with page arguments, collected once. */
struct ext_calls {
	const struct fl_event **evs;
	int n;
};

static void collect_external(const struct fl_unit *unit, struct ext_calls *ext)
{
	int f, b, e, k;

	ext->evs = NULL;
	ext->n = 0;
	for (f = 0; f < unit->nfuncs; f++) {
		const struct fl_function *fn = unit->funcs[f];

		for (b = 0; b < fn->nblocks; b++)
			for (e = 0; e < fn->blocks[b].nevents; e++) {
				const struct fl_event *ev =
					&fn->blocks[b].events[e];

				if (!external_call(unit, ev))
					continue;
				for (k = 0; k < ev->nargs; k++)
					if (ev->args[k].object)
						break;
				if (k == ev->nargs)
					continue;
				ext->evs = fl_xrealloc(ext->evs,
						       (ext->n + 1) *
							       sizeof(*ext->evs));
				ext->evs[ext->n++] = ev;
			}
	}
}

/* The nearest site of kind reached (reached: distances plus one). */
static const struct fl_page_site *nearest(const struct fl_pageflow *pf,
					  const int *reached, fl_kind_mask kinds)
{
	const struct fl_page_site *best = NULL;
	int i;

	for (i = 0; i < pf->nsites; i++) {
		const struct fl_page_site *s = &pf->sites[i];

		if ((FL_KIND_BIT(s->rule->kind) & kinds) && reached[s->node] &&
		    (!best || reached[s->node] < reached[best->node]))
			best = s;
	}
	return best;
}

static void put_use(struct text *t, const char *rec, int param,
		    const char *kind, const struct fl_page_site *s)
{
	put_str(t, rec);
	field_int(t, param);
	field(t, kind);
	field(t, s->rule->kind == FL_RULE_PAGES_SINK_FIELD ? s->rule->name :
							     s->ev->callee);
	field(t, s->fn->name);
	field_loc(t, &s->ev->loc);
	put_str(t, "\n");
}

/*
 * Whether object holds pages of from (reached: from's reach, NULL when from
 * has no node).  A parameter handed on untouched has no node at all.
 */
static bool carries(const struct fl_pageflow *pf, const int *reached,
		    const char *from, const char *object)
{
	int n;

	if (!object)
		return false;
	if (from && !strcmp(from, object))
		return true;
	n = fl_pageflow_find(pf, object);
	return reached && n >= 0 && reached[n];
}

/*
 * What a parameter's pages meet: the nearest sink, the nearest release of
 * each kind, every argument of an external call.  A release counts only if
 * no field on the way also holds pages from elsewhere (as pin-mismatch).
 */
static void write_param_pages(struct text *t, const struct ext_calls *ext,
			      const struct fl_pageflow *pf, int param,
			      const char *object)
{
	int node = fl_pageflow_find(pf, object);
	int *reached = node >= 0 ? fl_pageflow_reach(pf, node) : NULL;
	const struct fl_page_site *s;
	int e, n, i, k;

	if (reached) {
		bool *mixed = fl_xcalloc(pf->nnodes + 1, sizeof(bool));
		int *released;

		for (n = 0; n < pf->nnodes; n++)
			for (i = 0; i < pf->nsucc[n]; i++)
				if (!reached[n] &&
				    !strncmp(pf->names[pf->succ[n][i]], "f:", 2))
					mixed[pf->succ[n][i]] = true;
		released = fl_pageflow_reach_avoiding(pf, node, mixed);
		s = nearest(pf, reached,
			    FL_KIND_BIT(FL_RULE_PAGES_SINK) |
				    FL_KIND_BIT(FL_RULE_PAGES_SINK_FIELD) |
				    FL_KIND_BIT(FL_RULE_PAGES_MAP));
		if (s)
			put_use(t, "psink", param,
				s->rule->kind == FL_RULE_PAGES_MAP ? "w" :
				s->rule->kind == FL_RULE_PAGES_SINK_FIELD ?
								     "f" :
								     "c",
				s);
		s = nearest(pf, released, FL_KIND_BIT(FL_RULE_PAGES_PUT));
		if (s)
			put_use(t, "prel", param, "g", s);
		s = nearest(pf, released, FL_KIND_BIT(FL_RULE_PAGES_UNPIN));
		if (s)
			put_use(t, "prel", param, "p", s);
		free(released);
		free(mixed);
	}
	for (e = 0; e < ext->n; e++) {
		const struct fl_event *ev = ext->evs[e];

		for (k = 0; k < ev->nargs; k++) {
			if (!carries(pf, reached, object, ev->args[k].object))
				continue;
			put_str(t, "ppass");
			field_int(t, param);
			field_int(t, k + 1);
			field(t, ev->callee);
			field_loc(t, &ev->loc);
			put_str(t, "\n");
		}
	}
	free(reached);
}

/*
 * Per external call: which arguments carry pages of which source (K:sN,
 * N numbering the unit's psrc records) and of which parameter (K:pJ).
 */
static void write_page_calls(struct text *t, const struct fl_unit *unit,
			     const struct fl_pageflow *pf,
			     const struct fl_function *fn, int **src_reach,
			     int nsrc)
{
	int **param_reach = fl_xcalloc(fn->nparams + 1, sizeof(int *));
	const char **param_obj = fl_xcalloc(fn->nparams + 1, sizeof(char *));
	int b, e, k, i, p, n;

	for (p = 0; fn->param_objects && p < fn->nparams; p++) {
		param_obj[p] = fn->param_objects[p];
		n = fl_pageflow_find(pf, param_obj[p]);
		if (n >= 0)
			param_reach[p] = fl_pageflow_reach(pf, n);
	}
	for (b = 0; b < fn->nblocks; b++)
		for (e = 0; e < fn->blocks[b].nevents; e++) {
			const struct fl_event *ev = &fn->blocks[b].events[e];
			char args[1024];
			int len = 0;

			if (!external_call(unit, ev))
				continue;
			args[0] = '\0';
			for (k = 0; k < ev->nargs; k++) {
				const char *obj = ev->args[k].object;

				n = fl_pageflow_find(pf, obj);
				for (i = 0; n >= 0 && i < nsrc && len < 1000;
				     i++)
					if (src_reach[i][n])
						len += snprintf(args + len,
							sizeof(args) - len,
							"%s%d:s%d",
							len ? "," : "", k + 1,
							i + 1);
				for (p = 0; p < fn->nparams && len < 1000; p++)
					if (param_obj[p] &&
					    carries(pf, param_reach[p],
						    param_obj[p], obj))
						len += snprintf(args + len,
							sizeof(args) - len,
							"%s%d:p%d",
							len ? "," : "", k + 1,
							p + 1);
			}
			if (!len)
				continue;
			put_str(t, "pcall");
			field(t, ev->callee);
			field_loc(t, &ev->loc);
			field(t, args);
			put_str(t, "\n");
		}
	for (p = 0; p < fn->nparams; p++)
		free(param_reach[p]);
	free(param_reach);
	free(param_obj);
}

/* The unit's pages-get/pin calls, numbered from 1 in this order. */
static int **write_page_sources(struct text *t, const struct fl_pageflow *pf,
				int *nsrc)
{
	int **reach = NULL, i;
	/* What leaves a field that also holds other pages is not the source's. */
	bool *mixed = pf ? fl_pageflow_mixed_fields(pf) : NULL;

	*nsrc = 0;
	for (i = 0; pf && i < pf->nsites; i++) {
		const struct fl_page_site *s = &pf->sites[i];

		if (!is_source(s))
			continue;
		put_str(t, "psrc");
		field(t, s->fn->name);
		field(t, s->rule->kind == FL_RULE_PAGES_PIN ? "p" : "g");
		field(t, s->ev->callee);
		field_loc(t, &s->ev->loc);
		put_str(t, "\n");
		reach = fl_xrealloc(reach, (*nsrc + 1) * sizeof(*reach));
		reach[(*nsrc)++] = fl_pageflow_reach_avoiding(pf, s->node, mixed);
	}
	free(mixed);
	return reach;
}

static void write_function_pages(struct text *t, const struct fl_unit *unit,
				 const struct fl_function *fn, int **src_reach,
				 int nsrc, const struct ext_calls *ext)
{
	const struct fl_pageflow *pf = unit->pageflow;
	int p;

	if (!pf)
		return;
	/* Another unit can call it only if it is global. */
	for (p = 0; !fn->is_static && fn->param_objects && p < fn->nparams;
	     p++) {
		if (!fn->param_objects[p])
			continue;
		write_param_pages(t, ext, pf, p + 1, fn->param_objects[p]);
		if (fl_pageflow_param_only_looks(pf, fn, p)) {
			put_str(t, "plook");
			field_int(t, p + 1);
			put_str(t, "\n");
		}
	}
	write_page_calls(t, unit, pf, fn, src_reach, nsrc);
	for (p = 0; p < fn->npin_leaks; p++) {
		const struct fl_pin_leak *l = &fn->pin_leaks[p];

		put_str(t, "pleak");
		field_loc(t, &l->ret);
		field(t, l->pin_callee);
		field_loc(t, &l->pin);
		field(t, l->callee);
		field_int(t, l->arg);
		field_loc(t, &l->call);
		put_str(t, "\n");
	}
}

static void write_function(struct text *t, const struct fl_unit *unit,
			   const struct fl_function *fn, int **src_reach,
			   int nsrc, const struct ext_calls *ext)
{
	const struct fl_summary *s = fn->summary;
	const char *root = fl_layout_root_reason(unit, fn);
	int i;

	put_str(t, "fn");
	field(t, fn->name);
	field(t, fn->is_static ? "1" : "0");
	field_loc(t, &fn->loc);
	field(t, root);
	put_str(t, "\n");
	for (i = 0; s && s->may_fault && i < s->nfaults; i++) {
		const struct fl_fault_site *site = &s->faults[i];
		char spared[1024];

		spared_list(spared, sizeof(spared), NULL, NULL, s);
		put_str(t, "fault");
		field(t, site->callee);
		field_loc(t, &site->loc);
		field_int(t, site->iter_param);
		field(t, spared);
		put_str(t, "\n");
		if (site->iter_param && site->iter_type) {
			put_str(t, "itype");
			field(t, site->iter_type);
			put_str(t, "\n");
		}
		if (site->fnptr_param) {
			put_str(t, "fnptr");
			field_int(t, site->fnptr_param);
			field(t, site->fnptr);
			put_str(t, "\n");
		}
	}
	for (i = 0; s && i < s->ntakes; i++) {
		const struct fl_take *k = &s->takes[i];

		put_str(t, "take");
		field(t, k->lock_class);
		field(t, mode_letter(k->mode));
		field(t, k->function);
		field(t, k->display);
		field_loc(t, &k->loc);
		put_str(t, "\n");
	}
	if (s && s->breaks_layouts)
		put_str(t, "breaks\n");
	if (fn->facts_calls)
		put(t, fn->facts_calls, fn->facts_calls_len);
	write_function_pages(t, unit, fn, src_reach, nsrc, ext);
}

char *fl_facts_write(const struct fl_unit *unit, const char *source,
		     const struct fl_diag_log *log, unsigned long *len)
{
	struct text t = {NULL, 0, 0};
	char buf[64];
	struct ext_calls ext;
	int **src_reach, nsrc, i;

	snprintf(buf, sizeof(buf), "%s\t%d\n", FL_FACTS_MAGIC,
		 FL_FACTS_VERSION);
	put_str(&t, buf);
	put_str(&t, "unit");
	field(&t, source);
	put_str(&t, "\n");
	if (fl_unit_uses_dax(unit))
		put_str(&t, "dax\n");
	for (i = 0; i < unit->nops; i++) {
		const struct fl_ops_entry *op = &unit->ops[i];

		put_str(&t, "op");
		field(&t, op->table_type);
		field(&t, op->field);
		field(&t, op->function);
		field_loc(&t, &op->loc);
		put_str(&t, "\n");
	}
	/* Before the functions: their pcall records refer to them. */
	src_reach = write_page_sources(&t, unit->pageflow, &nsrc);
	collect_external(unit, &ext);
	for (i = 0; i < unit->nfuncs; i++)
		write_function(&t, unit, unit->funcs[i], src_reach, nsrc, &ext);
	for (i = 0; i < nsrc; i++)
		free(src_reach[i]);
	free(src_reach);
	free(ext.evs);
	for (i = 0; log && i < log->n; i++) {
		const struct fl_logged_diag *d = &log->items[i];

		put_str(&t, d->is_note ? "note" : "diag");
		if (!d->is_note) {
			field(&t, d->check);
			field(&t, d->function);
		}
		field_loc(&t, &d->loc);
		field(&t, d->msg);
		if (!d->is_note)
			field(&t, d->suppressed);
		put_str(&t, "\n");
	}
	put_str(&t, "end\n");
	*len = t.len;
	return t.buf;
}
