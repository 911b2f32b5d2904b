// SPDX-License-Identifier: GPL-2.0
/*
 * A whole unit into the model: the functions reachable from its external
 * definitions and initializers (GCC drops the unused static ones too),
 * static inline functions as functions of their own, the ops tables, and
 * the values of the flags the rules name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evaluate.h"
#include "expand.h"
#include "expression.h"
#include "parse.h"
#include "scope.h"
#include "token.h"

#include "lower.h"
#include "../../lib/checker.h"

static long long macro_value(struct symbol *macro)
{
	struct token *t;
	char buf[256];
	size_t n = 0;
	int count = 0;

	if (macro->arglist)
		return -1;
	for (t = macro->expansion; t && !eof_token(t) && count++ < 32;
	     t = t->next) {
		if (token_type(t) != TOKEN_NUMBER && token_type(t) != TOKEN_SPECIAL)
			break;
		n += snprintf(buf + n, sizeof(buf) - n, "%s ", show_token(t));
		if (n >= sizeof(buf))
			return -1;
	}
	buf[n] = 0;
	return n ? fl_parse_flag_value(buf) : -1;
}

/*
 * The value of a flag the rules name: an enumerator (FOLL_NOFAULT since
 * Linux 6.3) or a macro of the unit; -1 when neither is known.
 */
long long flag_value(const char *name)
{
	struct ident *id;
	struct symbol *sym;

	if (!name)
		return -1;
	id = built_in_ident(name);
	sym = lookup_symbol(id, NS_SYMBOL);
	if (sym && sym->initializer && sym->initializer->type == EXPR_VALUE &&
	    strip_type(sym) && strip_type(sym)->type == SYM_ENUM)
		return (long long)sym->initializer->value >= 0 ?
			(long long)sym->initializer->value : -1;
	sym = lookup_symbol(id, NS_MACRO);
	return sym ? macro_value(sym) : -1;
}

struct reach {
	struct symbol **syms;
	int n, cap, next;
};

static bool has_body(struct symbol *fn)
{
	struct symbol *t = fn ? fn->ctype.base_type : NULL;

	return t && t->type == SYM_FN && (t->stmt || t->inline_stmt);
}

/* Queue a function to lower, once, by its definition. */
static void reach_add(struct reach *r, struct symbol *sym)
{
	int i;

	if (!sym || sym->type != SYM_NODE)
		return;
	if (sym->definition)
		sym = sym->definition;
	if (!has_body(sym) || !sym->ident)
		return;
	for (i = 0; i < r->n; i++)
		if (r->syms[i] == sym)
			return;
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 64;
		r->syms = fl_xrealloc(r->syms, r->cap * sizeof(*r->syms));
	}
	r->syms[r->n++] = sym;
}

/* Calls and &function in a lowered body: more functions to lower. */
static void reach_from(struct reach *r, struct entrypoint *ep)
{
	struct basic_block *bb;

	FOR_EACH_PTR(ep->bbs, bb) {
		struct instruction *insn;

		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb)
				continue;
			if (insn->opcode == OP_CALL && insn->func->type == PSEUDO_SYM)
				reach_add(r, insn->func->sym);
			else if (insn->opcode == OP_SYMADDR &&
				 insn->src->type == PSEUDO_SYM)
				reach_add(r, insn->src->sym);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

static struct expression *strip_expr(struct expression *e)
{
	while (e && (e->type == EXPR_CAST || e->type == EXPR_IMPLIED_CAST ||
		     e->type == EXPR_FORCE_CAST ||
		     (e->type == EXPR_PREOP && e->op == '&')))
		e = e->type == EXPR_PREOP ? e->unop : e->cast_expression;
	return e;
}

static struct symbol *initializer_function(struct expression *e)
{
	struct symbol *t;

	e = strip_expr(e);
	if (!e || e->type != EXPR_SYMBOL || !e->symbol)
		return NULL;
	t = strip_type(e->symbol);
	return t && t->type == SYM_FN ? e->symbol : NULL;
}

/* The function-pointer member of record at offset. */
static struct symbol *member_at(struct symbol *record, unsigned offset)
{
	struct symbol *m;

	FOR_EACH_PTR(record->symbol_list, m) {
		struct symbol *t = strip_type(m);

		if (m->ident && m->offset == offset && t && t->type == SYM_PTR &&
		    strip_type(t->ctype.base_type) &&
		    strip_type(t->ctype.base_type)->type == SYM_FN)
			return m;
	} END_FOR_EACH_PTR(m);
	return NULL;
}

/* Function pointers in static initializers: gfs2_vm_ops.page_mkwrite. */
static void lower_ops_table(struct fl_unit *unit, struct reach *r,
			    struct symbol *var)
{
	struct symbol *record = strip_type(var);
	struct expression *e;

	if (!var->initializer || var->initializer->type != EXPR_INITIALIZER)
		return;
	FOR_EACH_PTR(var->initializer->expr_list, e) {
		struct symbol *fn, *field;
		struct fl_loc loc;

		if (e->type != EXPR_POS) {
			reach_add(r, initializer_function(e));
			continue;
		}
		fn = initializer_function(e->init_expr);
		reach_add(r, fn);
		if (!fn || !record || record->type != SYM_STRUCT ||
		    !record_name(record) ||
		    !(field = member_at(record, e->init_offset)))
			continue;
		loc = make_loc(var->pos);
		fl_unit_add_ops(unit, record_name(record), ident_str(field->ident),
				ident_str(fn->ident), &loc);
	} END_FOR_EACH_PTR(e);
}

/*
 * Calls to static inline functions stay calls: expansion inlines only
 * functions marked inline, so the mark goes before anything is expanded.
 */
static void keep_inline_calls(struct scope *scope)
{
	struct symbol *sym;

	FOR_EACH_PTR(scope->symbols, sym) {
		struct symbol *t = sym->ctype.base_type;

		if (sym->type == SYM_NODE && t && t->type == SYM_FN)
			sym->ctype.modifiers &= ~MOD_INLINE;
	} END_FOR_EACH_PTR(sym);
}

static const char *main_source;

/*
 * GCC's order, which the diagnostics follow: the last function defined
 * first (the unit's own, then the headers' inlines).
 */
static int definition_order(const void *a, const void *b)
{
	const struct fl_function *fa = *(const struct fl_function *const *)a;
	const struct fl_function *fb = *(const struct fl_function *const *)b;
	const struct symbol *sa = (const struct symbol *)fa->handle;
	const struct symbol *sb = (const struct symbol *)fb->handle;
	bool ma = !strcmp(fa->loc.file, main_source);
	bool mb = !strcmp(fb->loc.file, main_source);

	if (ma != mb)
		return ma ? -1 : 1;
	if (sa->pos.stream != sb->pos.stream)
		return sb->pos.stream - sa->pos.stream;
	return sb->pos.line - sa->pos.line;
}

struct lower_job {
	struct fl_unit *unit;
	const struct fl_rules *rules;
	struct symbol *sym;
	struct entrypoint *ep;
};

static void lower_job_run(void *arg)
{
	struct lower_job *j = arg;

	lower_function(j->unit, j->rules, j->sym, j->ep);
}

struct fl_unit *lower_unit(const struct fl_rules *rules,
			   struct symbol_list *list, const char *source)
{
	struct fl_unit *unit = fl_unit_new(rules);
	struct reach r = { NULL, 0, 0, 0 };
	struct symbol *sym;

	unit->flag_value = flag_value;
	keep_inline_calls(file_scope);
	keep_inline_calls(global_scope);
	FOR_EACH_PTR(list, sym) {
		struct symbol *t = sym->ctype.base_type;

		if (t && t->type == SYM_FN) {
			if (!(sym->ctype.modifiers & MOD_STATIC))
				reach_add(&r, sym);
		} else {
			lower_ops_table(unit, &r, sym);
		}
	} END_FOR_EACH_PTR(sym);
	while (r.next < r.n) {
		struct entrypoint *ep;

		sym = r.syms[r.next++];
		/* An inline body is evaluated when it is first needed. */
		if (!sym->ctype.base_type->stmt) {
			struct symbol_list *one = NULL;

			add_symbol(&one, sym);
			evaluate_symbol_list(one);
		}
		/* Cleanup calls where GCC runs them, or skipped. */
		if (!place_cleanups(sym))
			continue;
		expand_symbol(sym);
		ep = linearize_symbol(sym);
		if (!ep || !ep->entry)
			continue;
		{
			struct lower_job job = {unit, rules, sym, ep};

			fl_checker_lower("faultline-sparse", unit,
					 lower_job_run, &job);
		}
		reach_from(&r, ep);
	}
	main_source = source;
	qsort(unit->funcs, unit->nfuncs, sizeof(*unit->funcs),
	      definition_order);
	return unit;
}
