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
	char flags[8], args[256], spared[1024];
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
	for (i = 0; i < ev->nargs && nargs < (int)sizeof(args) - 16; i++) {
		const struct fl_operand *op = &ev->args[i];

		if (fl_state_nofault_var(before, op->var))
			nargs += snprintf(args + nargs, sizeof(args) - nargs,
					  "%s%d:n", nargs ? "," : "", i + 1);
		else if (op->param)
			nargs += snprintf(args + nargs, sizeof(args) - nargs,
					  "%s%d:p%d", nargs ? "," : "", i + 1,
					  op->param);
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

static void write_function(struct text *t, const struct fl_unit *unit,
			   const struct fl_function *fn)
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
	if (s && s->may_fault) {
		char spared[1024];

		spared_list(spared, sizeof(spared), NULL, NULL, s);
		put_str(t, "fault");
		field(t, s->fault_callee);
		field_loc(t, &s->fault_loc);
		field_int(t, s->fault_iter_param);
		field(t, spared);
		put_str(t, "\n");
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
}

char *fl_facts_write(const struct fl_unit *unit, const char *source,
		     const struct fl_diag_log *log, unsigned long *len)
{
	struct text t = {NULL, 0, 0};
	char buf[64];
	int i;

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
	for (i = 0; i < unit->nfuncs; i++)
		write_function(&t, unit, unit->funcs[i]);
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
