// SPDX-License-Identifier: GPL-2.0
/*
 * The CFG builder: libclang's statements and short-circuit expressions
 * into the blocks and conditional edges of lib/model.h.  Block 0 is the
 * entry, block 1 the exit, as in the plugin's GIMPLE.  Code after a jump
 * goes to a fresh block nothing reaches.
 */
#include <string.h>

#include "clang.h"

int cl_new_block(struct cl_fn *f)
{
	struct fl_function *fn = f->fn;

	fn->blocks = fl_xrealloc(fn->blocks,
				 (fn->nblocks + 1) * sizeof(*fn->blocks));
	memset(&fn->blocks[fn->nblocks], 0, sizeof(*fn->blocks));
	return fn->nblocks++;
}

void cl_edge(struct cl_fn *f, int from, int to, unsigned var,
	     enum fl_relation rel, enum fl_dax dax)
{
	fl_block_add_edge(&f->fn->blocks[from], to, var, rel, dax);
}

static void jump(struct cl_fn *f, int to)
{
	cl_edge(f, f->cur, to, 0, FL_REL_NONE, FL_DAX_UNKNOWN);
}

/* An unconditional jump; what follows is unreachable until a label. */
void cl_goto(struct cl_fn *f, int to)
{
	jump(f, to);
	f->cur = cl_new_block(f);
}

unsigned cl_temp(struct cl_fn *f)
{
	return CL_TEMP | ++f->next_temp;
}

/* Run the cleanups of the scopes above depth (innermost first). */
static void run_cleanups(struct cl_fn *f, int depth)
{
	int i;

	for (i = f->ncleanups - 1; i >= depth; i--)
		cl_emit_cleanup(f, &f->cleanups[i]);
}

static void leave_scope(struct cl_fn *f, int depth)
{
	run_cleanups(f, depth);
	f->ncleanups = depth;
}

/* "x OP 0" as what the true edge says about x; swapped for "0 OP x". */
static enum fl_relation relation(enum cl_binop op, bool swapped)
{
	switch (op) {
	case CL_BO_EQ: return FL_REL_EQ0;
	case CL_BO_NE: return FL_REL_NE0;
	case CL_BO_LT: return swapped ? FL_REL_GT0 : FL_REL_LT0;
	case CL_BO_GT: return swapped ? FL_REL_LT0 : FL_REL_GT0;
	case CL_BO_LE: return swapped ? FL_REL_GE0 : FL_REL_LE0;
	case CL_BO_GE: return swapped ? FL_REL_LE0 : FL_REL_GE0;
	default: return FL_REL_NONE;
	}
}

static bool is_expect(CXCursor c)
{
	CXCursor callee = clang_getCursorReferenced(c);
	const char *name;

	if (clang_getCursorKind(c) != CXCursor_CallExpr ||
	    clang_Cursor_getNumArguments(c) != 2 || cl_is_null(callee))
		return false;
	name = cl_spelling(callee);
	return !strcmp(name, "__builtin_expect") ||
	       !strcmp(name, "__builtin_expect_with_probability");
}

static void cond_edges(struct cl_fn *f, unsigned var, enum fl_relation rel,
		       enum fl_dax dax, int t, int e)
{
	if (!var)
		rel = FL_REL_NONE;
	cl_edge(f, f->cur, t, var, rel, dax);
	cl_edge(f, f->cur, e, var, fl_relation_negate(rel), fl_dax_negate(dax));
}

/* Branch on c: to t when it holds, to e when not. */
void cl_cond(struct cl_fn *f, CXCursor c, int t, int e)
{
	CXCursor *ch;
	int n, mid;

	c = cl_strip_casts(c);
	n = cl_children(c, &ch);
	switch (clang_getCursorKind(c)) {
	case CXCursor_UnaryOperator:
		if (cl_unop(c) == CL_UO_LNot && n == 1) {
			cl_cond(f, ch[0], e, t);
			return;
		}
		if (n == 1 && cl_unop(c) == CL_UO_Invalid) {
			CXCursor in = cl_strip_casts(ch[0]);
			CXCursor *ich;

			/*
			 * Operators an old libclang cannot tell (spelled in a
			 * macro: unlikely()'s !!x): any two prefix ones in a
			 * row keep a truth value.
			 */
			if (clang_getCursorKind(in) == CXCursor_UnaryOperator &&
			    cl_unop(in) == CL_UO_Invalid &&
			    cl_children(in, &ich) == 1) {
				cl_cond(f, ich[0], t, e);
				return;
			}
		}
		break;
	case CXCursor_ConditionalOperator:
		if (n != 3)
			break;
		{
			int a = cl_new_block(f), b = cl_new_block(f);

			cl_cond(f, ch[0], a, b);
			f->cur = a;
			cl_cond(f, ch[1], t, e);
			f->cur = b;
			cl_cond(f, ch[2], t, e);
		}
		return;
	case CXCursor_CallExpr:
		if (is_expect(c)) {
			cl_cond(f, clang_Cursor_getArgument(c, 0), t, e);
			return;
		}
		break;
	case CXCursor_StmtExpr: {
		struct cl_val v = cl_stmt_expr(f, c);

		cond_edges(f, v.key, FL_REL_NE0, FL_DAX_UNKNOWN, t, e);
		return;
	}
	case CXCursor_BinaryOperator: {
		enum cl_binop op;
		long long k;

		if (n != 2)
			break;
		op = cl_binop(c);
		if (op == CL_BO_LAnd) {
			mid = cl_new_block(f);
			cl_cond(f, ch[0], mid, e);
			f->cur = mid;
			cl_cond(f, ch[1], t, e);
			return;
		}
		if (op == CL_BO_LOr) {
			mid = cl_new_block(f);
			cl_cond(f, ch[0], t, mid);
			f->cur = mid;
			cl_cond(f, ch[1], t, e);
			return;
		}
		if (op == CL_BO_Comma) {
			cl_expr(f, ch[0], false);
			cl_cond(f, ch[1], t, e);
			return;
		}
		if (relation(op, false) == FL_REL_NONE)
			break;
		if (cl_const_value(ch[1], &k) && k == 0) {
			enum fl_dax dax = FL_DAX_UNKNOWN;
			struct cl_val v;

			if (op == CL_BO_NE || op == CL_BO_EQ)
				dax = cl_dax_test(f, ch[0]);
			if (op == CL_BO_EQ)
				dax = fl_dax_negate(dax);
			v = cl_expr(f, ch[0], true);
			cond_edges(f, v.key, relation(op, false), dax, t, e);
			return;
		}
		if (cl_const_value(ch[0], &k) && k == 0) {
			struct cl_val v = cl_expr(f, ch[1], true);

			cond_edges(f, v.key, relation(op, true), FL_DAX_UNKNOWN,
				   t, e);
			return;
		}
		cl_expr(f, ch[0], true);
		cl_expr(f, ch[1], true);
		if (op == CL_BO_EQ || op == CL_BO_NE) {
			const char *fn;
			int p = cl_fnptr_compare(f, ch[0], ch[1], &fn);

			/* p == f: the edge where it holds knows p's value */
			if (p) {
				int when = op == CL_BO_EQ ? t : e;

				cl_edge(f, f->cur, when, 0, FL_REL_NONE,
					FL_DAX_UNKNOWN);
				fl_block_edge_fnptr(&f->fn->blocks[f->cur], p,
						    fn);
				cl_edge(f, f->cur, when == t ? e : t, 0,
					FL_REL_NONE, FL_DAX_UNKNOWN);
				return;
			}
		}
		cond_edges(f, 0, FL_REL_NONE, FL_DAX_UNKNOWN, t, e);
		return;
	}
	default:
		break;
	}
	{
		enum fl_dax dax = cl_dax_test(f, c);
		struct cl_val v = cl_expr(f, c, true);

		cond_edges(f, v.key, FL_REL_NE0, dax, t, e);
	}
}

/* a && b, a || b and c ? x : y as values: a temporary set on each path. */
struct cl_val cl_logical_value(struct cl_fn *f, CXCursor c)
{
	struct cl_val out = { cl_temp(f) };
	int a = cl_new_block(f), b = cl_new_block(f), after = cl_new_block(f);
	CXCursor *ch;
	int n = cl_children(c, &ch);
	struct fl_event *ev;
	unsigned from[2] = { 0, 0 };
	int i;

	if (clang_getCursorKind(c) == CXCursor_ConditionalOperator && n == 3) {
		cl_cond(f, ch[0], a, b);
		f->cur = a;
		from[0] = cl_expr(f, ch[1], true).key;
		a = f->cur;
		f->cur = b;
		from[1] = cl_expr(f, ch[2], true).key;
		b = f->cur;
	} else {
		cl_cond(f, c, a, b);
	}
	for (i = 0; i < 2; i++) {
		f->cur = i ? b : a;
		ev = fl_block_add_event(&f->fn->blocks[f->cur], FL_EV_ASSIGN);
		ev->loc = cl_loc(c);
		ev->var = out.key;
		ev->value.var = from[i];
		jump(f, after);
	}
	f->cur = after;
	return out;
}

/* Statements of a scope; its cleanup variables' calls run at its end. */
static void compound(struct cl_fn *f, CXCursor s, struct cl_val *last)
{
	int depth = f->ncleanups, i;
	CXCursor saved = f->scope;
	CXCursor *ch;
	int n = cl_children(s, &ch);

	f->scope = s;
	for (i = 0; i < n; i++) {
		if (last && i == n - 1 &&
		    clang_isExpression(clang_getCursorKind(ch[i])))
			*last = cl_expr(f, ch[i], true);
		else
			cl_stmt(f, ch[i]);
	}
	leave_scope(f, depth);
	f->scope = saved;
}

struct cl_val cl_stmt_expr(struct cl_fn *f, CXCursor c)
{
	struct cl_val v = { 0 };
	CXCursor *ch;
	int n = cl_children(c, &ch);

	if (n == 1 && clang_getCursorKind(ch[0]) == CXCursor_CompoundStmt)
		compound(f, ch[0], &v);
	return v;
}

static int label_block(struct cl_fn *f, const char *name)
{
	int i;

	for (i = 0; i < f->nlabels; i++)
		if (!strcmp(f->labels[i].name, name))
			return f->labels[i].block;
	if (f->nlabels == f->labels_cap) {
		f->labels_cap = f->labels_cap ? 2 * f->labels_cap : 8;
		f->labels = fl_xrealloc(f->labels,
					f->labels_cap * sizeof(*f->labels));
	}
	f->labels[f->nlabels].name = name;
	f->labels[f->nlabels].block = cl_new_block(f);
	return f->labels[f->nlabels++].block;
}

/* Whether location loc lies within the extent of cursor c. */
static bool within(CXCursor c, CXSourceLocation loc)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f0, f1, fl;
	unsigned o0, o1, ol;

	clang_getExpansionLocation(clang_getRangeStart(r), &f0, NULL, NULL, &o0);
	clang_getExpansionLocation(clang_getRangeEnd(r), &f1, NULL, NULL, &o1);
	clang_getExpansionLocation(loc, &fl, NULL, NULL, &ol);
	return f0 && fl && clang_File_isEqual(f0, fl) && o0 <= ol && ol <= o1;
}

/* goto: the cleanups of the scopes it leaves run first. */
static void lower_goto(struct cl_fn *f, CXCursor s)
{
	CXCursor *ch;
	int n = cl_children(s, &ch), i;
	CXCursor label;

	if (n < 1 || cl_is_null(label = clang_getCursorReferenced(ch[0]))) {
		f->cur = cl_new_block(f);
		return;
	}
	for (i = f->ncleanups - 1; i >= 0; i--)
		if (!within(f->cleanups[i].scope, clang_getCursorLocation(label)))
			cl_emit_cleanup(f, &f->cleanups[i]);
	cl_goto(f, label_block(f, cl_spelling(label)));
}

struct loop_ctx {
	int brk, cont, brk_depth, cont_depth;
};

static struct loop_ctx enter_loop(struct cl_fn *f, int brk, int cont)
{
	struct loop_ctx saved = { f->brk, f->cont, f->brk_depth, f->cont_depth };

	f->brk = brk;
	f->cont = cont;
	f->brk_depth = f->cont_depth = f->ncleanups;
	return saved;
}

static void leave_loop(struct cl_fn *f, struct loop_ctx saved)
{
	f->brk = saved.brk;
	f->cont = saved.cont;
	f->brk_depth = saved.brk_depth;
	f->cont_depth = saved.cont_depth;
}

/* An expression whose value a for-loop would not test: its init or step. */
static bool is_update(CXCursor c)
{
	c = cl_strip(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclStmt:
	case CXCursor_CompoundAssignOperator:
		return true;
	case CXCursor_UnaryOperator:
		switch (cl_unop(c)) {
		case CL_UO_PostInc:
		case CL_UO_PostDec:
		case CL_UO_PreInc:
		case CL_UO_PreDec:
			return true;
		default:
			return false;
		}
	case CXCursor_BinaryOperator:
		return cl_binop(c) ==
		       CL_BO_Assign;
	default:
		return false;
	}
}

/*
 * libclang visits only the parts a for-statement has, so which of
 * init, cond and inc are there is told by their shapes.
 */
static void for_parts(CXCursor *ch, int n, CXCursor *init, CXCursor *cond,
		      CXCursor *inc)
{
	*init = *cond = *inc = clang_getNullCursor();
	if (n == 4) {
		*init = ch[0];
		*cond = ch[1];
		*inc = ch[2];
	} else if (n == 3) {
		if (!is_update(ch[0])) {
			*cond = ch[0];
			*inc = ch[1];
		} else if (is_update(ch[1]) &&
			   clang_getCursorKind(ch[1]) != CXCursor_DeclStmt) {
			*init = ch[0];
			*inc = ch[1];
		} else {
			*init = ch[0];
			*cond = ch[1];
		}
	} else if (n == 2) {
		CXCursor x = cl_strip(ch[0]);

		if (!is_update(ch[0]))
			*cond = ch[0];
		else if (clang_getCursorKind(x) == CXCursor_DeclStmt ||
			 clang_getCursorKind(x) == CXCursor_BinaryOperator)
			*init = ch[0];
		else
			*inc = ch[0];
	}
}

static void lower_for(struct cl_fn *f, CXCursor s, CXCursor *ch, int n)
{
	CXCursor init, cond, inc, saved_scope = f->scope;
	int depth = f->ncleanups, head, body, step, after;
	struct loop_ctx saved;

	if (n < 1)
		return;
	for_parts(ch, n, &init, &cond, &inc);
	/* scoped_guard()'s variable lives in the for-init: its scope is the for. */
	f->scope = s;
	if (!cl_is_null(init))
		cl_stmt(f, init);
	head = cl_new_block(f);
	body = cl_new_block(f);
	step = cl_new_block(f);
	after = cl_new_block(f);
	jump(f, head);
	f->cur = head;
	if (!cl_is_null(cond))
		cl_cond(f, cond, body, after);
	else
		jump(f, body);
	saved = enter_loop(f, after, step);
	f->cur = body;
	cl_stmt(f, ch[n - 1]);
	jump(f, step);
	f->cur = step;
	if (!cl_is_null(inc))
		cl_expr(f, inc, false);
	jump(f, head);
	leave_loop(f, saved);
	f->cur = after;
	leave_scope(f, depth);
	f->scope = saved_scope;
}

static void lower_switch(struct cl_fn *f, CXCursor *ch, int n)
{
	int saved_head = f->sw_head, after;
	bool saved_default = f->sw_default;
	struct loop_ctx saved;

	if (n < 2)
		return;
	cl_expr(f, ch[0], true);
	after = cl_new_block(f);
	f->sw_head = f->cur;
	f->sw_default = false;
	saved = enter_loop(f, after, f->cont);
	f->cont_depth = saved.cont_depth;
	f->cur = cl_new_block(f);
	cl_stmt(f, ch[n - 1]);
	jump(f, after);
	if (!f->sw_default)
		cl_edge(f, f->sw_head, after, 0, FL_REL_NONE, FL_DAX_UNKNOWN);
	leave_loop(f, saved);
	f->sw_head = saved_head;
	f->sw_default = saved_default;
	f->cur = after;
}

/* case and default: reached from the dispatch and by falling through. */
static void lower_case(struct cl_fn *f, CXCursor *ch, int n, bool dflt)
{
	int b = cl_new_block(f);

	jump(f, b);
	if (f->sw_head >= 0)
		cl_edge(f, f->sw_head, b, 0, FL_REL_NONE, FL_DAX_UNKNOWN);
	if (dflt)
		f->sw_default = true;
	f->cur = b;
	if (n > 0)
		cl_stmt(f, ch[n - 1]);
}

static void lower_return(struct cl_fn *f, CXCursor *ch, int n, CXCursor s)
{
	CXCursor e = n > 0 ? ch[n - 1] : clang_getNullCursor();
	struct fl_event *ev;

	if (!cl_is_null(e) && f->retvar) {
		struct cl_val v = cl_expr(f, e, true);

		cl_return_value(f, e, v, s);
		f->ret_val = v;
		run_cleanups(f, 0);
		cl_goto(f, f->ret_block);
		return;
	}
	if (!cl_is_null(e))
		cl_expr(f, e, false);
	run_cleanups(f, 0);
	ev = fl_block_add_event(&f->fn->blocks[f->cur], FL_EV_RETURN);
	ev->loc = cl_loc(s);
	cl_goto(f, 1);
}

void cl_stmt(struct cl_fn *f, CXCursor s)
{
	CXCursor *ch;
	enum CXCursorKind kind = clang_getCursorKind(s);
	int n = cl_children(s, &ch), i;

	switch (kind) {
	case CXCursor_CompoundStmt:
		compound(f, s, NULL);
		return;
	case CXCursor_DeclStmt:
		for (i = 0; i < n; i++)
			if (clang_getCursorKind(ch[i]) == CXCursor_VarDecl)
				cl_lower_decl(f, ch[i]);
		return;
	case CXCursor_IfStmt: {
		int t = cl_new_block(f), e = -1, after;

		if (n < 2)
			return;
		if (n > 2)
			e = cl_new_block(f);
		after = cl_new_block(f);
		cl_cond(f, ch[0], t, n > 2 ? e : after);
		f->cur = t;
		cl_stmt(f, ch[1]);
		jump(f, after);
		if (n > 2) {
			f->cur = e;
			cl_stmt(f, ch[2]);
			jump(f, after);
		}
		f->cur = after;
		return;
	}
	case CXCursor_WhileStmt: {
		int head = cl_new_block(f), body = cl_new_block(f);
		int after = cl_new_block(f);
		struct loop_ctx saved;

		if (n < 2)
			return;
		jump(f, head);
		f->cur = head;
		cl_cond(f, ch[0], body, after);
		saved = enter_loop(f, after, head);
		f->cur = body;
		cl_stmt(f, ch[1]);
		jump(f, head);
		leave_loop(f, saved);
		f->cur = after;
		return;
	}
	case CXCursor_DoStmt: {
		int body = cl_new_block(f), test = cl_new_block(f);
		int after = cl_new_block(f);
		struct loop_ctx saved;

		if (n < 2)
			return;
		jump(f, body);
		saved = enter_loop(f, after, test);
		f->cur = body;
		cl_stmt(f, ch[0]);
		jump(f, test);
		leave_loop(f, saved);
		f->cur = test;
		cl_cond(f, ch[1], body, after);
		f->cur = after;
		return;
	}
	case CXCursor_ForStmt:
		lower_for(f, s, ch, n);
		return;
	case CXCursor_SwitchStmt:
		lower_switch(f, ch, n);
		return;
	case CXCursor_CaseStmt:
		lower_case(f, ch, n, false);
		return;
	case CXCursor_DefaultStmt:
		lower_case(f, ch, n, true);
		return;
	case CXCursor_LabelStmt: {
		int b = label_block(f, cl_spelling(s));

		jump(f, b);
		f->cur = b;
		if (n > 0)
			cl_stmt(f, ch[n - 1]);
		return;
	}
	case CXCursor_GotoStmt:
		lower_goto(f, s);
		return;
	case CXCursor_IndirectGotoStmt:
		if (n > 0)
			cl_expr(f, ch[0], true);
		f->cur = cl_new_block(f);
		return;
	case CXCursor_BreakStmt:
		if (f->brk >= 0) {
			run_cleanups(f, f->brk_depth);
			cl_goto(f, f->brk);
		}
		return;
	case CXCursor_ContinueStmt:
		if (f->cont >= 0) {
			run_cleanups(f, f->cont_depth);
			cl_goto(f, f->cont);
		}
		return;
	case CXCursor_ReturnStmt:
		lower_return(f, ch, n, s);
		return;
	case CXCursor_NullStmt:
	case CXCursor_GCCAsmStmt:
	case CXCursor_MSAsmStmt:
		return;
	default:
		break;
	}
	if (clang_isExpression(kind)) {
		cl_expr(f, s, false);
		return;
	}
	/* AttributedStmt (fallthrough;) and the like: their statements. */
	for (i = 0; i < n; i++) {
		enum CXCursorKind k = clang_getCursorKind(ch[i]);

		if (clang_isStatement(k) || clang_isExpression(k) ||
		    k == CXCursor_DeclStmt)
			cl_stmt(f, ch[i]);
	}
}

/* A function body: block 0 enters it, block 1 is where returns go. */
void cl_body(struct cl_fn *f, CXCursor body)
{
	int first;

	cl_new_block(f);
	cl_new_block(f);
	first = cl_new_block(f);
	f->fn->entry = 0;
	cl_edge(f, 0, first, 0, FL_REL_NONE, FL_DAX_UNKNOWN);
	if (clang_getResultType(clang_getCursorType(f->decl)).kind != CXType_Void) {
		f->retvar = cl_temp(f);
		f->ret_block = cl_new_block(f);
	}
	f->cur = first;
	f->brk = f->cont = f->sw_head = -1;
	cl_stmt(f, body);
	/* Falling off the end returns. */
	if (f->retvar) {
		struct fl_event *ev;

		jump(f, f->ret_block);
		f->cur = f->ret_block;
		ev = fl_block_add_event(&f->fn->blocks[f->cur], FL_EV_RETURN);
		cl_return_operand(f, ev);
	} else {
		fl_block_add_event(&f->fn->blocks[f->cur], FL_EV_RETURN)->loc =
			cl_loc_at(clang_getRangeEnd(clang_getCursorExtent(body)));
	}
	jump(f, 1);
}
