// SPDX-License-Identifier: GPL-2.0
/*
 * __attribute__((cleanup(fn))) variables, as the kernel's guard() and
 * scoped_guard() declare them.  Sparse records the attribute but its
 * linearizer never calls the cleanup, so a guard's unlock would be missing.
 * Before linearization, place_cleanups() writes the calls into the
 * function's evaluated statement tree, where GCC runs them: fn(&var) at
 * every exit of var's scope, innermost variable first.
 *   - the end of the block that declares var (falling through it);
 *   - a return inside the scope: { T tmp = value; fn(&var); return tmp; },
 *     so that the returned value is computed while var still holds;
 *   - a goto, break or continue whose target is outside the scope;
 *   - scoped_guard's for-scope: the loop becomes { for (...) ...; fn(&var); },
 *     and a break or continue inside it stays inside that block.
 *   - the end of a statement expression: its value is computed first.
 * A shape it cannot place faithfully (a computed goto or asm goto out of a
 * scope, a case label inside one) makes it return false: the function is
 * skipped.
 */
#include <string.h>

#include "evaluate.h"
#include "expression.h"
#include "parse.h"

#include "lower.h"

#ifdef SPARSE_HAS_CLEANUP

#define MAX_SCOPE_DEPTH 64

/* Where a jump lands: the cleanup variables live there. */
struct jump_target {
	struct symbol *label;
	int depth;
	struct symbol *top; /* the innermost variable live there, or NULL */
};

struct placer {
	struct symbol *live[MAX_SCOPE_DEPTH];
	int depth;
	struct jump_target *targets;
	int ntargets;
	bool rewrite; /* second pass: write the calls */
	bool failed;
	int seen;	  /* cleanup variables met */
	int switch_depth; /* live variables where the switch is */
};

static void walk_stmt(struct placer *p, struct statement *s, bool in_expr);
static void walk_expr(struct placer *p, struct expression *e);

static void add_target(struct placer *p, struct symbol *label, int depth)
{
	struct jump_target *t;

	if (!label || p->rewrite)
		return;
	p->targets = fl_xrealloc(p->targets,
				 (p->ntargets + 1) * sizeof(*p->targets));
	t = &p->targets[p->ntargets++];
	t->label = label;
	t->depth = depth;
	t->top = depth ? p->live[depth - 1] : NULL;
}

static const struct jump_target *find_target(const struct placer *p,
					     struct symbol *label)
{
	int i;

	for (i = 0; i < p->ntargets; i++)
		if (p->targets[i].label == label)
			return &p->targets[i];
	return NULL;
}

static bool push_live(struct placer *p, struct symbol *var)
{
	p->seen++;
	if (p->depth == MAX_SCOPE_DEPTH) {
		p->failed = true;
		return false;
	}
	p->live[p->depth++] = var;
	return true;
}

/* fn(&var), evaluated, as a statement. */
static struct statement *cleanup_call(struct symbol *var, struct position pos)
{
	struct expression *c = var->cleanup, *fn, *ref, *addr, *call;
	struct statement *s;

	fn = alloc_expression(pos, EXPR_SYMBOL);
	fn->symbol = c->symbol;
	fn->symbol_name = c->symbol_name;
	ref = alloc_expression(pos, EXPR_SYMBOL);
	ref->symbol = var;
	ref->symbol_name = var->ident;
	addr = alloc_expression(pos, EXPR_PREOP);
	addr->op = '&';
	addr->unop = ref;
	call = alloc_expression(pos, EXPR_CALL);
	call->fn = fn;
	add_expression(&call->args, addr);
	if (!evaluate_expression(call))
		return NULL;
	s = alloc_statement(pos, STMT_EXPRESSION);
	s->expression = call;
	return s;
}

/* The calls for the live variables above depth, innermost first. */
static bool add_cleanups(struct placer *p, struct statement_list **list,
			 int down_to, struct position pos)
{
	int i;

	for (i = p->depth - 1; i >= down_to; i--) {
		struct statement *call = cleanup_call(p->live[i], pos);

		if (!call)
			return false;
		add_statement(list, call);
	}
	return true;
}

/* s becomes { <cleanups>; <what s was> }, in place. */
static void prepend_cleanups(struct placer *p, struct statement *s, int down_to)
{
	struct statement *was;
	struct statement_list *list = NULL;

	if (p->depth <= down_to)
		return;
	if (!add_cleanups(p, &list, down_to, s->pos)) {
		p->failed = true;
		return;
	}
	was = alloc_statement(s->pos, s->type);
	*was = *s;
	add_statement(&list, was);
	memset(&s->stmts, 0, sizeof(*s) - offsetof(struct statement, stmts));
	s->type = STMT_COMPOUND;
	s->stmts = list;
}

/* A value's type, or NULL for none (void). */
static struct symbol *value_type(struct expression *value)
{
	struct symbol *type = value ? value->ctype : NULL;

	if (type && type->type == SYM_NODE)
		type = type->ctype.base_type;
	return type == &void_ctype ? NULL : type;
}

/*
 * T tmp = value; then the cleanups of the variables above down_to, into
 * *list: the value is computed while they still hold.  Returns tmp as an
 * evaluated expression, or NULL.
 */
static struct expression *hold_value(struct placer *p,
				     struct statement_list **list,
				     struct expression *value, int down_to,
				     struct position pos)
{
	struct symbol *tmp = alloc_symbol(pos, SYM_NODE);
	struct statement *decl = alloc_statement(pos, STMT_DECLARATION);
	struct expression *ref;

	tmp->ctype.base_type = value_type(value);
	tmp->ctype.modifiers = MOD_AUTO;
	tmp->initializer = value;
	add_symbol(&decl->declaration, tmp);
	evaluate_statement(decl);
	add_statement(list, decl);
	if (!add_cleanups(p, list, down_to, pos))
		return NULL;
	ref = alloc_expression(pos, EXPR_SYMBOL);
	ref->symbol = tmp;
	return evaluate_expression(ref) ? ref : NULL;
}

/* s becomes the compound of list, in place. */
static void become_compound(struct statement *s, struct statement_list *list)
{
	memset(&s->stmts, 0, sizeof(*s) - offsetof(struct statement, stmts));
	s->type = STMT_COMPOUND;
	s->stmts = list;
}

/* Under live variables: { T tmp = v; cleanups; return tmp; } */
static void rewrite_return(struct placer *p, struct statement *s)
{
	struct statement_list *list = NULL;
	struct statement *ret;
	struct expression *ref;

	if (!p->depth)
		return;
	if (!value_type(s->ret_value)) {
		prepend_cleanups(p, s, 0);
		return;
	}
	ref = hold_value(p, &list, s->ret_value, 0, s->pos);
	if (!ref) {
		p->failed = true;
		return;
	}
	ret = alloc_statement(s->pos, STMT_RETURN);
	ret->ret_value = ref;
	ret->ret_target = s->ret_target;
	add_statement(&list, ret);
	become_compound(s, list);
}

/*
 * The end of a block whose variables above depth go out of scope.  In a
 * statement expression ({ CLASS(...) var = ...; ...; v; }), as FD_ADD()
 * writes it, the last statement is the value: { T tmp = v; cleanups; tmp; }.
 */
static void end_scope(struct placer *p, struct statement *s, int depth,
		      bool in_expr)
{
	struct statement *last = last_ptr_list((struct ptr_list *)s->stmts);
	struct statement_list *list = NULL;
	struct expression *ref;

	if (p->depth <= depth)
		return;
	if (!in_expr || !last || last->type != STMT_EXPRESSION ||
	    !value_type(last->expression)) {
		if (!add_cleanups(p, &s->stmts, depth, s->pos))
			p->failed = true;
		return;
	}
	ref = hold_value(p, &list, last->expression, depth, last->pos);
	if (!ref) {
		p->failed = true;
		return;
	}
	last = alloc_statement(last->pos, STMT_EXPRESSION);
	last->expression = ref;
	add_statement(&list, last);
	become_compound(last_ptr_list((struct ptr_list *)s->stmts), list);
}

/* A jump to label from here: the variables it leaves are cleaned up. */
static void jump(struct placer *p, struct statement *s, struct symbol *label)
{
	const struct jump_target *t;

	if (!p->rewrite)
		return;
	t = find_target(p, label);
	if (!t) {
		if (p->depth)
			p->failed = true;
		return;
	}
	/* The target's live variables must be ours: no jump into a scope. */
	if (t->depth > p->depth ||
	    (t->depth && p->live[t->depth - 1] != t->top)) {
		p->failed = true;
		return;
	}
	prepend_cleanups(p, s, t->depth);
}

static void walk_decls(struct placer *p, struct symbol_list *syms)
{
	struct symbol *sym;

	FOR_EACH_PTR(syms, sym) {
		walk_expr(p, sym->initializer);
		if (!sym->cleanup)
			continue;
		if (!sym->cleanup->symbol) {
			p->failed = true;
			return;
		}
		push_live(p, sym);
	} END_FOR_EACH_PTR(sym);
}

static void walk_compound(struct placer *p, struct statement *s, bool in_expr)
{
	int depth = p->depth;
	struct statement *t;

	FOR_EACH_PTR(s->stmts, t) {
		walk_stmt(p, t, in_expr);
	} END_FOR_EACH_PTR(t);
	if (p->rewrite)
		end_scope(p, s, depth, in_expr);
	p->depth = depth;
}

static void walk_iterator(struct placer *p, struct statement *s, bool in_expr)
{
	int depth = p->depth;
	struct statement *loop;

	walk_decls(p, s->iterator_syms);
	walk_stmt(p, s->iterator_pre_statement, in_expr);
	walk_expr(p, s->iterator_pre_condition);
	add_target(p, s->iterator_break, p->depth);
	add_target(p, s->iterator_continue, p->depth);
	walk_stmt(p, s->iterator_statement, in_expr);
	walk_stmt(p, s->iterator_post_statement, in_expr);
	walk_expr(p, s->iterator_post_condition);
	if (p->rewrite && p->depth > depth) {
		struct statement_list *list = NULL;

		loop = alloc_statement(s->pos, STMT_ITERATOR);
		*loop = *s;
		add_statement(&list, loop);
		if (!add_cleanups(p, &list, depth, s->pos)) {
			p->failed = true;
		} else {
			memset(&s->stmts, 0,
			       sizeof(*s) - offsetof(struct statement, stmts));
			s->type = STMT_COMPOUND;
			s->stmts = list;
		}
	}
	p->depth = depth;
}

static void walk_stmt(struct placer *p, struct statement *s, bool in_expr)
{
	struct symbol *label;
	int switch_depth;

	if (!s || p->failed)
		return;
	switch (s->type) {
	case STMT_DECLARATION:
		walk_decls(p, s->declaration);
		break;
	case STMT_EXPRESSION:
		walk_expr(p, s->expression);
		break;
	case STMT_COMPOUND:
		walk_compound(p, s, in_expr);
		break;
	case STMT_IF:
		walk_expr(p, s->if_conditional);
		walk_stmt(p, s->if_true, in_expr);
		walk_stmt(p, s->if_false, in_expr);
		break;
	case STMT_RETURN:
		walk_expr(p, s->ret_value);
		if (p->rewrite)
			rewrite_return(p, s);
		break;
	case STMT_LABEL:
		add_target(p, s->label_identifier, p->depth);
		walk_stmt(p, s->label_statement, in_expr);
		break;
	case STMT_CASE:
		/* A case label is a jump from the switch: none into a scope. */
		if (p->depth > p->switch_depth)
			p->failed = true;
		walk_stmt(p, s->case_statement, in_expr);
		break;
	case STMT_SWITCH:
		walk_expr(p, s->switch_expression);
		add_target(p, s->switch_break, p->depth);
		switch_depth = p->switch_depth;
		p->switch_depth = p->depth;
		walk_stmt(p, s->switch_statement, in_expr);
		p->switch_depth = switch_depth;
		break;
	case STMT_ITERATOR:
		walk_iterator(p, s, in_expr);
		break;
	case STMT_GOTO:
		if (s->goto_expression) {
			walk_expr(p, s->goto_expression);
			if (p->depth)
				p->failed = true;
			break;
		}
		jump(p, s, s->goto_label);
		break;
	case STMT_ASM:
		FOR_EACH_PTR(s->asm_labels, label) {
			const struct jump_target *t = find_target(p, label);

			if (p->rewrite && p->depth &&
			    (!t || t->depth != p->depth))
				p->failed = true;
		} END_FOR_EACH_PTR(label);
		break;
	default:
		break;
	}
}

static void walk_expr_list(struct placer *p, struct expression_list *list)
{
	struct expression *e;

	FOR_EACH_PTR(list, e) {
		walk_expr(p, e);
	} END_FOR_EACH_PTR(e);
}

/* Statement expressions can hold returns and gotos out of a scope. */
static void walk_expr(struct placer *p, struct expression *e)
{
	if (!e || p->failed)
		return;
	switch (e->type) {
	case EXPR_STATEMENT:
		walk_stmt(p, e->statement, true);
		break;
	case EXPR_BINOP:
	case EXPR_COMMA:
	case EXPR_COMPARE:
	case EXPR_LOGICAL:
	case EXPR_ASSIGNMENT:
		walk_expr(p, e->left);
		walk_expr(p, e->right);
		break;
	case EXPR_PREOP:
	case EXPR_POSTOP:
		walk_expr(p, e->unop);
		break;
	case EXPR_DEREF:
		walk_expr(p, e->deref);
		break;
	case EXPR_SLICE:
		walk_expr(p, e->base);
		break;
	case EXPR_CAST:
	case EXPR_FORCE_CAST:
	case EXPR_IMPLIED_CAST:
		walk_expr(p, e->cast_expression);
		break;
	case EXPR_CONDITIONAL:
	case EXPR_SELECT:
		walk_expr(p, e->conditional);
		walk_expr(p, e->cond_true);
		walk_expr(p, e->cond_false);
		break;
	case EXPR_CALL:
		walk_expr(p, e->fn);
		walk_expr_list(p, e->args);
		break;
	case EXPR_INITIALIZER:
		walk_expr_list(p, e->expr_list);
		break;
	case EXPR_IDENTIFIER:
		walk_expr(p, e->ident_expression);
		break;
	case EXPR_INDEX:
		walk_expr(p, e->idx_expression);
		break;
	case EXPR_POS:
		walk_expr(p, e->init_expr);
		break;
	default:
		break;
	}
}

/*
 * How many cleanup variables fn declares anywhere.  An inline function
 * that is also called (uninline()) has its body copied with its symbols:
 * symbol_list holds the copies the body uses, inline_symbol_list the
 * originals, and only the copies count.
 */
static int count_cleanup_vars(struct symbol *fn)
{
	struct symbol_list *list = fn->symbol_list;
	struct symbol *s;
	int n = 0;

	if (ptr_list_empty((struct ptr_list *)list))
		list = fn->inline_symbol_list;
	FOR_EACH_PTR(list, s) {
		n += s->cleanup != NULL;
	} END_FOR_EACH_PTR(s);
	return n;
}

bool place_cleanups(struct symbol *fn)
{
	struct statement *body = fn->ctype.base_type->stmt;
	struct placer p;
	int want = count_cleanup_vars(fn);

	if (!want)
		return true;
	if (!body)
		return false;
	/* First the jump targets and what lives there, then the calls. */
	memset(&p, 0, sizeof(p));
	walk_stmt(&p, body, false);
	if (p.failed || p.seen != want) {
		free(p.targets);
		return false;
	}
	p.rewrite = true;
	p.depth = 0;
	walk_stmt(&p, body, false);
	free(p.targets);
	return !p.failed;
}

#else

bool place_cleanups(struct symbol *fn)
{
	(void)fn;
	return true;
}

#endif
