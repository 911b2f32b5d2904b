// SPDX-License-Identifier: GPL-2.0
/*
 * Expressions into lib/model.h events, recording what the GCC plugin
 * records from GIMPLE (plugin/gcc/faultline_plugin.c is the reference):
 * calls with operands, assignments to locals, stores the rules care
 * about, page flows and writes, lock classes from the expressions' types,
 * and the macro a call was written through.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clang.h"

struct cl_unit cl;

/* ---- cursors ---- */

struct child_list {
	CXCursor *v;
	int n, cap;
};

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	struct child_list *l = data;

	(void)parent;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 4;
		l->v = fl_xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = c;
	return CXChildVisit_Continue;
}

/* The arrays cl_children handed out since the last cl_children_release. */
static void **owned;
static int nowned, owned_cap;

/* The children of c; the array lives until cl_children_release(). */
int cl_children(CXCursor c, CXCursor **out)
{
	struct child_list l = {NULL, 0, 0};

	clang_visitChildren(c, collect, &l);
	*out = l.v;
	if (l.v) {
		if (nowned == owned_cap) {
			owned_cap = owned_cap ? 2 * owned_cap : 1024;
			owned = fl_xrealloc(owned, owned_cap * sizeof(*owned));
		}
		owned[nowned++] = l.v;
	}
	return l.n;
}

/* Once a function is lowered: nothing keeps its cursors' arrays. */
void cl_children_release(void)
{
	while (nowned > 0)
		free(owned[--nowned]);
}

bool cl_is_null(CXCursor c)
{
	return clang_Cursor_isNull(c) ||
	       (clang_getCursorKind(c) >= CXCursor_FirstInvalid &&
		clang_getCursorKind(c) <= CXCursor_LastInvalid);
}

const char *cl_spelling(CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *r = fl_strdup(clang_getCString(s));

	clang_disposeString(s);
	return r ? r : "";
}

/* The one expression child of c (the operand of a cast: types come first). */
static CXCursor last_expr(CXCursor c)
{
	CXCursor *ch;
	int n = cl_children(c, &ch), i;

	for (i = n - 1; i >= 0; i--)
		if (clang_isExpression(clang_getCursorKind(ch[i])))
			return ch[i];
	return clang_getNullCursor();
}

/* Through parentheses and implicit conversions. */
CXCursor cl_strip(CXCursor c)
{
	int depth;

	for (depth = 0; depth < 64; depth++) {
		enum CXCursorKind k = clang_getCursorKind(c);
		CXCursor *ch;

		if (k == CXCursor_ParenExpr ||
		    (k == CXCursor_UnexposedExpr && cl_children(c, &ch) == 1 &&
		     clang_isExpression(clang_getCursorKind(ch[0])))) {
			CXCursor next = last_expr(c);

			if (cl_is_null(next))
				return c;
			c = next;
			continue;
		}
		return c;
	}
	return c;
}

/* Through explicit casts too. */
CXCursor cl_strip_casts(CXCursor c)
{
	int depth;

	for (depth = 0; depth < 64; depth++) {
		c = cl_strip(c);
		if (clang_getCursorKind(c) != CXCursor_CStyleCastExpr)
			return c;
		if (cl_is_null(last_expr(c)))
			return c;
		c = last_expr(c);
	}
	return c;
}

struct fl_loc cl_loc_at(CXSourceLocation l)
{
	struct fl_loc loc = {"<unknown>", 0, 0, 0};
	CXFile file;
	unsigned line, col, off;

	/* put_user() and friends are macros: report where they are used. */
	clang_getExpansionLocation(l, &file, &line, &col, &off);
	if (file) {
		CXString s = clang_getFileName(file);

		loc.file = fl_strdup(clang_getCString(s));
		clang_disposeString(s);
	}
	loc.line = line;
	/* Bytes, as GCC's locations count: printing makes display columns. */
	loc.column = (int)col;
	loc.cookie = off;
	return loc;
}

/* Whether l is written in a file, not produced by a macro expansion. */
static bool in_file(CXSourceLocation l)
{
	CXFile ef, sf;
	unsigned eoff, soff;

	clang_getExpansionLocation(l, &ef, NULL, NULL, &eoff);
	clang_getSpellingLocation(l, &sf, NULL, NULL, &soff);
	return ef && ef == sf && eoff == soff;
}

/*
 * Where a binary operator is, as GCC places the expression (a = b, a += b:
 * at the operator): the first token after the left operand.  libclang
 * places it at the left operand's start.
 */
static bool operator_location(CXCursor c, CXSourceLocation *out)
{
	CXSourceRange whole = clang_getCursorExtent(c);
	CXSourceLocation lhs_end;
	CXCursor *ch;
	CXToken *toks;
	unsigned ntoks, i, end_off;
	bool found = false;

	if (cl_children(c, &ch) != 2)
		return false;
	lhs_end = clang_getRangeEnd(clang_getCursorExtent(ch[0]));
	if (!in_file(clang_getRangeStart(whole)) || !in_file(lhs_end))
		return false;
	clang_getFileLocation(lhs_end, NULL, NULL, NULL, &end_off);
	clang_tokenize(cl.tu, whole, &toks, &ntoks);
	for (i = 0; i < ntoks && !found; i++) {
		CXSourceLocation t = clang_getTokenLocation(cl.tu, toks[i]);
		unsigned off;

		clang_getFileLocation(t, NULL, NULL, NULL, &off);
		if (off >= end_off &&
		    clang_getTokenKind(toks[i]) == CXToken_Punctuation) {
			*out = t;
			found = true;
		}
	}
	if (toks)
		clang_disposeTokens(cl.tu, toks, ntoks);
	return found;
}

struct fl_loc cl_loc(CXCursor c)
{
	enum CXCursorKind kind = clang_getCursorKind(c);
	CXSourceLocation op;

	if ((kind == CXCursor_BinaryOperator ||
	     kind == CXCursor_CompoundAssignOperator) &&
	    operator_location(c, &op))
		return cl_loc_at(op);
	return cl_loc_at(clang_getCursorLocation(c));
}

/* An integer constant expression's value (sizeof, -EFAULT, S_DAX). */
bool cl_const_value(CXCursor c, long long *v)
{
	CXEvalResult r;
	bool ok = false;

	c = cl_strip(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_UnaryOperator:
	case CXCursor_BinaryOperator:
	case CXCursor_UnaryExpr:
	case CXCursor_CStyleCastExpr:
	case CXCursor_DeclRefExpr:
	case CXCursor_ConditionalOperator:
		break;
	default:
		return false;
	}
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
	    clang_getCursorKind(clang_getCursorReferenced(c)) !=
		    CXCursor_EnumConstantDecl)
		return false;
	r = clang_Cursor_Evaluate(c);
	if (!r)
		return false;
	if (clang_EvalResult_getKind(r) == CXEval_Int) {
		*v = clang_EvalResult_getAsLongLong(r);
		ok = true;
	}
	clang_EvalResult_dispose(r);
	return ok;
}

/* ---- types ---- */

static CXType desugar(CXType t)
{
	while (t.kind == CXType_Elaborated)
		t = clang_Type_getNamedType(t);
	return t;
}

/* "struct gfs2_inode" -> "gfs2_inode"; a typedef's name for an anonymous one.
 */
const char *cl_record_name(CXType t)
{
	const char *tdef = NULL;
	CXCursor decl;

	t = desugar(t);
	if (t.kind == CXType_Typedef) {
		tdef = cl_spelling(clang_getTypeDeclaration(t));
		t = clang_getCanonicalType(t);
	}
	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Record)
		return NULL;
	decl = clang_getTypeDeclaration(t);
	if (clang_Cursor_isAnonymous(decl) || !*cl_spelling(decl))
		return tdef;
	return cl_spelling(decl);
}

static CXType pointee(CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind == CXType_Pointer)
		return clang_getPointeeType(t);
	if (t.kind == CXType_ConstantArray ||
	    t.kind == CXType_IncompleteArray || t.kind == CXType_VariableArray)
		return clang_getArrayElementType(t);
	t.kind = CXType_Invalid;
	return t;
}

static bool is_pointer(CXType t)
{
	return clang_getCanonicalType(t).kind == CXType_Pointer;
}

static bool is_page_record(CXType t)
{
	const char *name = cl_record_name(t);

	return name &&
	       fl_rules_find(cl.rules, name, FL_KIND_BIT(FL_RULE_PAGE_TYPE));
}

static bool is_page_type(CXType t)
{
	int depth = 0;

	for (;;) {
		CXType p = pointee(t);

		if (p.kind == CXType_Invalid || depth >= 4)
			break;
		t = p;
		depth++;
	}
	return depth > 0 && is_page_record(t);
}

static bool is_page_array_out(CXType t)
{
	int depth = 0;

	while (is_pointer(t) && depth < 4) {
		t = pointee(t);
		depth++;
	}
	return depth == 3 && is_page_record(t);
}

/* ---- variables ---- */

static bool is_local(CXCursor decl)
{
	enum CXCursorKind k = clang_getCursorKind(decl);

	if (k == CXCursor_ParmDecl)
		return true;
	return k == CXCursor_VarDecl && !cl_global_storage(decl);
}

static struct cl_var *find_var(struct cl_fn *f, CXCursor decl, bool add)
{
	unsigned h = clang_hashCursor(decl);
	struct cl_var *v;
	int i;

	for (i = 0; i < f->nvars; i++)
		if (f->vars[i].hash == h &&
		    clang_equalCursors(f->vars[i].decl, decl))
			return &f->vars[i];
	if (!add)
		return NULL;
	if (f->nvars == f->vars_cap) {
		f->vars_cap = f->vars_cap ? 2 * f->vars_cap : 16;
		f->vars = fl_xrealloc(f->vars, f->vars_cap * sizeof(*f->vars));
	}
	v = &f->vars[f->nvars++];
	memset(v, 0, sizeof(*v));
	v->decl = decl;
	v->hash = h;
	v->key = f->nvars;
	v->name = cl_spelling(decl);
	return v;
}

/* The local variable or parameter a DeclRefExpr names, or NULL. */
struct cl_var *cl_var_of(struct cl_fn *f, CXCursor ref)
{
	CXCursor decl;

	ref = cl_strip(ref);
	if (clang_getCursorKind(ref) != CXCursor_DeclRefExpr)
		return NULL;
	decl = clang_getCursorReferenced(ref);
	if (cl_is_null(decl) || !is_local(decl))
		return NULL;
	return find_var(f, decl, true);
}

static void note_def(struct cl_fn *f, CXCursor lhs, CXCursor rhs, bool has)
{
	struct cl_var *v = cl_var_of(f, lhs);

	if (!v)
		return;
	v->ndefs++;
	v->has_def = has && v->ndefs == 1;
	if (v->has_def)
		v->def = rhs;
}

static enum CXChildVisitResult count_visit(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct cl_fn *f = data;
	CXCursor *ch;
	int n;

	(void)parent;
	switch (clang_getCursorKind(c)) {
	case CXCursor_VarDecl: {
		CXCursor init = cl_var_init(c);

		if (is_local(c)) {
			struct cl_var *v = find_var(f, c, true);

			if (!cl_is_null(init)) {
				v->ndefs++;
				v->has_def = v->ndefs == 1;
				v->def = init;
			}
		}
		break;
	}
	case CXCursor_BinaryOperator:
		n = cl_children(c, &ch);
		if (n == 2 && cl_binop(c) == CL_BO_Assign)
			note_def(f, ch[0], ch[1], true);
		break;
	case CXCursor_CompoundAssignOperator:
		n = cl_children(c, &ch);
		if (n == 2)
			note_def(f, ch[0], ch[1], false);
		break;
	case CXCursor_ReturnStmt:
		n = cl_children(c, &ch);
		if (n > 0) {
			f->nreturns++;
			f->ret_expr = ch[n - 1];
		}
		break;
	case CXCursor_UnaryOperator:
		n = cl_children(c, &ch);
		if (n != 1)
			break;
		switch (cl_unop(c)) {
		case CL_UO_AddrOf: {
			struct cl_var *v = cl_var_of(f, ch[0]);

			if (v)
				v->addressed = true;
			break;
		}
		case CL_UO_PostInc:
		case CL_UO_PostDec:
		case CL_UO_PreInc:
		case CL_UO_PreDec:
			note_def(f, ch[0], ch[0], false);
			break;
		default:
			break;
		}
		break;
	default:
		break;
	}
	return CXChildVisit_Recurse;
}

/* How often each local is set: a single definition is followed. */
void cl_count_defs(struct cl_fn *f, CXCursor body)
{
	clang_visitChildren(body, count_visit, f);
}

/* The value a variable was set to, if it was set exactly once. */
static bool single_def(struct cl_fn *f, CXCursor ref, CXCursor *def)
{
	struct cl_var *v = cl_var_of(f, ref);

	if (!v || v->param || v->addressed || !v->has_def || v->ndefs != 1)
		return false;
	*def = v->def;
	return true;
}

/* ---- rendering and classes ---- */

static bool is_anon_member(CXCursor c)
{
	return clang_getCursorKind(c) == CXCursor_MemberRefExpr &&
	       !*cl_spelling(c);
}

static CXCursor member_base(CXCursor c)
{
	return last_expr(c);
}

static const char *callee_name(CXCursor call);

static void render(struct cl_fn *f, CXCursor c, char *buf, size_t len,
		   int depth)
{
	char base[256];
	CXCursor *ch;
	long long k;
	int n;

	if (depth > CL_MAX_DEPTH) {
		snprintf(buf, len, "...");
		return;
	}
	c = cl_strip_casts(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr:
		snprintf(buf, len, "%s",
			 cl_spelling(clang_getCursorReferenced(c)));
		return;
	case CXCursor_MemberRefExpr: {
		CXCursor outer = cl_strip(member_base(c));
		bool deref;

		if (cl_is_null(outer))
			break;
		while (is_anon_member(outer) &&
		       !cl_is_null(cl_strip(member_base(outer))))
			outer = cl_strip(member_base(outer));
		deref = is_pointer(clang_getCursorType(outer));
		render(f, outer, base, sizeof(base), depth + 1);
		snprintf(buf, len, "%s%s%s", base, deref ? "->" : ".",
			 *cl_spelling(c) ? cl_spelling(c) : "<anonymous>");
		return;
	}
	case CXCursor_UnaryOperator:
		n = cl_children(c, &ch);
		if (n != 1)
			break;
		if (cl_unop(c) == CL_UO_Deref || cl_unop(c) == CL_UO_AddrOf) {
			render(f, ch[0], base, sizeof(base), depth + 1);
			snprintf(buf, len, "%s%s",
				 cl_unop(c) == CL_UO_Deref ? "*" : "&", base);
			return;
		}
		break;
	case CXCursor_CallExpr: {
		const char *name = callee_name(c);
		int i, na = clang_Cursor_getNumArguments(c);
		size_t m;

		if (!name || na > 3)
			break;
		m = snprintf(buf, len, "%s(", name);
		for (i = 0; i < na && m < len; i++) {
			char arg[128];

			render(f, clang_Cursor_getArgument(c, i), arg,
			       sizeof(arg), depth + 1);
			m += snprintf(buf + m, len - m, "%s%s", i ? ", " : "",
				      arg);
		}
		if (m < len)
			snprintf(buf + m, len - m, ")");
		return;
	}
	case CXCursor_IntegerLiteral:
		if (cl_const_value(c, &k)) {
			snprintf(buf, len, "%lld", k);
			return;
		}
		break;
	case CXCursor_ArraySubscriptExpr:
		/* p[K] is *p in GIMPLE; p[i] a pointer sum it cannot name. */
		n = cl_children(c, &ch);
		if (n != 2 || !is_pointer(clang_getCursorType(cl_strip(ch[0]))))
			break;
		if (cl_const_value(ch[1], &k))
			render(f, ch[0], base, sizeof(base), depth + 1);
		else
			snprintf(base, sizeof(base), "?");
		snprintf(buf, len, "*%s", base);
		return;
	default:
		break;
	}
	snprintf(buf, len, "?");
}

/* "TYPE::FIELD" of a field access; anonymous members join with '.'. */
static bool field_class(CXCursor c, char *buf, size_t len)
{
	CXCursor outer;
	const char *rec, *fname;
	CXType t;

	c = cl_strip(c);
	if (clang_getCursorKind(c) != CXCursor_MemberRefExpr)
		return false;
	fname = cl_spelling(c);
	outer = cl_strip(member_base(c));
	if (!*fname || cl_is_null(outer))
		return false;
	for (;;) {
		t = clang_getCursorType(outer);
		if (is_pointer(t))
			t = pointee(t);
		rec = cl_record_name(t);
		if (rec || !is_anon_member(outer) ||
		    cl_is_null(cl_strip(member_base(outer))))
			break;
		outer = cl_strip(member_base(outer));
	}
	if (rec) {
		snprintf(buf, len, "%s::%s", rec, fname);
		return true;
	}
	if (clang_getCursorKind(outer) == CXCursor_MemberRefExpr) {
		char inner[256];

		if (!field_class(outer, inner, sizeof(inner)))
			return false;
		snprintf(buf, len, "%s.%s", inner, fname);
		return true;
	}
	return false;
}

/* ---- calls ---- */

static bool is_function_ref(CXCursor c, CXCursor *fn)
{
	c = cl_strip_casts(c);
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
	    cl_unop(c) == CL_UO_AddrOf)
		c = cl_strip_casts(last_expr(c));
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return false;
	*fn = clang_getCursorReferenced(c);
	return clang_getCursorKind(*fn) == CXCursor_FunctionDecl;
}

static CXCursor resolve(struct cl_fn *f, CXCursor c);

/* "P == &F" with P a parameter: P's number, and F in *fn; else 0. */
int cl_fnptr_compare(struct cl_fn *f, CXCursor a, CXCursor b, const char **fn)
{
	int k;

	for (k = 0; k < 2; k++) {
		CXCursor p = k ? b : a, q = k ? a : b, decl;
		struct cl_var *v;

		if (!is_function_ref(q, &decl))
			continue;
		v = cl_var_of(f, resolve(f, p));
		if (v && v->param) {
			*fn = cl_spelling(decl);
			return v->param;
		}
	}
	return 0;
}

/* The callee's name, for a direct call; NULL for an indirect one. */
static const char *callee_name(CXCursor call)
{
	CXCursor *ch, fn;
	int n = cl_children(call, &ch);

	if (n < 1 || !is_function_ref(ch[0], &fn))
		return NULL;
	return cl_spelling(fn);
}

/* Builtins that are no calls: folded, or hints. */
static bool is_pure_builtin(const char *name)
{
	static const char *const names[] = {
		"__builtin_constant_p",
		"__builtin_object_size",
		"__builtin_dynamic_object_size",
		"__builtin_types_compatible_p",
		"__builtin_choose_expr",
		"__builtin_offsetof",
		"__builtin_assume_aligned",
		"__builtin_unreachable",
		"__builtin_prefetch",
		NULL,
	};
	int i;

	for (i = 0; names[i]; i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

/*
 * The ops-table member an indirect call goes through ("TYPE::FIELD" of
 * mapping->a_ops->readpage), when the rules say it unlocks.
 */
static bool member_callee(CXCursor call, char *buf, size_t len)
{
	CXCursor *ch;
	int n = cl_children(call, &ch);
	CXCursor callee;

	if (n < 1)
		return false;
	callee = cl_strip_casts(ch[0]);
	if (clang_getCursorKind(callee) == CXCursor_UnaryOperator &&
	    cl_unop(callee) == CL_UO_Deref)
		callee = cl_strip_casts(last_expr(callee));
	return field_class(callee, buf, len) &&
	       fl_rules_find(cl.rules, buf, FL_KIND_BIT(FL_RULE_UNLOCK));
}

static int cmp_exp(const void *a, const void *b)
{
	const struct cl_expansion *x = a, *y = b;

	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/*
 * The macro a call was written through (put_user), or NULL.  Only a call
 * spelled in a macro's body is through it: the callee of
 * unlikely(copy_to_user(...)) is spelled at the use, an argument.
 * libclang's file location of a body token is the expansion point, of an
 * argument token where it was written.
 */
static const char *written_macro(CXCursor call)
{
	CXSourceLocation l = clang_getCursorLocation(call);
	CXFile ef, ff;
	unsigned eoff, foff;
	struct cl_expansion key, *hit;
	static bool sorted;

	clang_getExpansionLocation(l, &ef, NULL, NULL, &eoff);
	clang_getFileLocation(l, &ff, NULL, NULL, &foff);
	if (!ef || !ff || !clang_File_isEqual(ef, ff) || eoff != foff)
		return NULL;
	if (!sorted) {
		qsort(cl.exps, cl.nexps, sizeof(*cl.exps), cmp_exp);
		sorted = true;
	}
	key.file = ef;
	key.offset = eoff;
	hit = bsearch(&key, cl.exps, cl.nexps, sizeof(*cl.exps), cmp_exp);
	return hit ? hit->name : NULL;
}

/* ---- page objects ---- */

static CXCursor alias_argument(CXCursor call)
{
	const char *name = callee_name(call);
	const struct fl_rule *r;

	if (!name)
		return clang_getNullCursor();
	r = fl_rules_find(cl.rules, name, FL_KIND_BIT(FL_RULE_PAGES_ALIAS));
	if (!r || r->arg < 1 || r->arg > clang_Cursor_getNumArguments(call))
		return clang_getNullCursor();
	return clang_Cursor_getArgument(call, r->arg - 1);
}

/* folio->page: a page type embedded in a page type is the same memory. */
static bool embedding_page(CXCursor c, CXCursor *outer)
{
	CXCursor o;
	CXType t;

	if (!is_page_record(clang_getCursorType(c)))
		return false;
	o = cl_strip(member_base(c));
	while (is_anon_member(o) && !cl_is_null(cl_strip(member_base(o))))
		o = cl_strip(member_base(o));
	t = clang_getCursorType(o);
	if (is_pointer(t))
		t = pointee(t);
	if (cl_is_null(o) || !is_page_record(t))
		return false;
	*outer = o;
	return true;
}

/* The selected association of a _Generic: the one of its type. */
static CXCursor generic_choice(CXCursor c)
{
	CXCursor *ch;
	int n = cl_children(c, &ch), i;
	CXType t = clang_getCanonicalType(clang_getCursorType(c));

	for (i = 1; i < n; i++)
		if (clang_isExpression(clang_getCursorKind(ch[i])) &&
		    clang_equalTypes(
			    clang_getCanonicalType(clang_getCursorType(ch[i])),
			    t))
			return ch[i];
	return clang_getNullCursor();
}

/*
 * p + n, p - n.  An old libclang cannot tell an operator spelled in a
 * macro (folio_page()): a pointer-valued one is taken as such a sum.
 */
static bool pointer_sum(CXCursor c)
{
	enum cl_binop op = cl_binop(c);

	return op == CL_BO_Add || op == CL_BO_Sub ||
	       (op == CL_BO_Invalid && is_pointer(clang_getCursorType(c)));
}

/*
 * The page object a value points into, as a unit-wide name: a variable
 * ("fn:pages.3"), a field ("f:dio::pages") or a global ("g:name").
 * Indexing, dereferences, casts and pointer arithmetic are seen through.
 */
static const char *object_of(struct cl_fn *f, CXCursor c)
{
	char buf[600];
	int depth;

	for (depth = 0; depth < 2 * CL_MAX_DEPTH; depth++) {
		CXCursor *ch, decl, next;
		int n;

		c = cl_strip_casts(c);
		n = cl_children(c, &ch);
		switch (clang_getCursorKind(c)) {
		case CXCursor_UnaryOperator:
			if (n != 1)
				return NULL;
			c = ch[0];
			continue;
		case CXCursor_ArraySubscriptExpr:
			if (n != 2)
				return NULL;
			c = ch[0];
			continue;
		case CXCursor_BinaryOperator:
			if (n != 2)
				return NULL;
			if (cl_binop(c) == CL_BO_Comma) {
				c = ch[1];
				continue;
			}
			if (!pointer_sum(c))
				return NULL;
			c = is_pointer(clang_getCursorType(ch[1])) ? ch[1]
								   : ch[0];
			continue;
		case CXCursor_MemberRefExpr:
			if (embedding_page(c, &next)) {
				c = next;
				continue;
			}
			if (!field_class(c, buf + 2, sizeof(buf) - 2))
				return NULL;
			buf[0] = 'f';
			buf[1] = ':';
			return fl_strdup(buf);
		case CXCursor_GenericSelectionExpr:
			c = generic_choice(c);
			if (cl_is_null(c))
				return NULL;
			continue;
		case CXCursor_CallExpr:
			next = alias_argument(c);
			if (!cl_is_null(next)) {
				c = next;
				continue;
			}
			if (!callee_name(c))
				return NULL;
			snprintf(buf, sizeof(buf), "%s:return", callee_name(c));
			return fl_strdup(buf);
		case CXCursor_DeclRefExpr: {
			struct cl_var *v;

			decl = clang_getCursorReferenced(c);
			if (clang_getCursorKind(decl) == CXCursor_VarDecl &&
			    cl_global_storage(decl)) {
				snprintf(buf, sizeof(buf), "g:%s",
					 cl_spelling(decl));
				return fl_strdup(buf);
			}
			v = cl_var_of(f, c);
			if (!v)
				return NULL;
			snprintf(buf, sizeof(buf), "%s:%s.%u", f->name, v->name,
				 v->key);
			return fl_strdup(buf);
		}
		default:
			return NULL;
		}
	}
	return NULL;
}

static const char *param_object(struct cl_fn *f, CXCursor parm)
{
	struct cl_var *v = find_var(f, parm, true);
	char buf[600];

	snprintf(buf, sizeof(buf), "%s:%s.%u", f->name, v->name, v->key);
	return fl_strdup(buf);
}

/* What a pointer was mapped from with a pages-map call (kmap_local_page). */
static const char *mapped_object(struct cl_fn *f, CXCursor c, const char **via)
{
	int depth;

	for (depth = 0; depth < CL_MAX_DEPTH; depth++) {
		CXCursor *ch, def;
		const struct fl_rule *r;
		const char *name;
		int n;

		c = cl_strip_casts(c);
		n = cl_children(c, &ch);
		switch (clang_getCursorKind(c)) {
		case CXCursor_UnaryOperator:
			if (n != 1)
				return NULL;
			c = ch[0];
			continue;
		case CXCursor_BinaryOperator:
			if (n != 2 || !pointer_sum(c))
				return NULL;
			c = is_pointer(clang_getCursorType(ch[1])) ? ch[1]
								   : ch[0];
			continue;
		case CXCursor_CallExpr:
			name = callee_name(c);
			if (!name)
				return NULL;
			r = fl_rules_find(cl.rules, name,
					  FL_KIND_BIT(FL_RULE_PAGES_MAP));
			if (!r || r->arg < 1 ||
			    r->arg > clang_Cursor_getNumArguments(c))
				return NULL;
			*via = name;
			return object_of(
				f, clang_Cursor_getArgument(c, r->arg - 1));
		case CXCursor_DeclRefExpr:
			if (!single_def(f, c, &def))
				return NULL;
			c = def;
			continue;
		default:
			return NULL;
		}
	}
	return NULL;
}

static void add_write(struct cl_fn *f, CXCursor at, const char *object,
		      const char *via)
{
	struct fl_event *ev =
		fl_block_add_event(&f->fn->blocks[f->cur], FL_EV_WRITE);

	ev->loc = cl_loc(at);
	ev->src_object = object;
	ev->callee = via;
}

/* ---- operands ---- */

/* Through copies of named variables set once, to where a value came from. */
static CXCursor resolve(struct cl_fn *f, CXCursor c)
{
	int depth;

	for (depth = 0; depth < CL_MAX_DEPTH; depth++) {
		CXCursor def;

		c = cl_strip_casts(c);
		if (clang_getCursorKind(c) != CXCursor_DeclRefExpr ||
		    !single_def(f, c, &def))
			return c;
		def = cl_strip_casts(def);
		switch (clang_getCursorKind(def)) {
		case CXCursor_BinaryOperator:
		case CXCursor_CallExpr:
		case CXCursor_CompoundAssignOperator:
		case CXCursor_ConditionalOperator:
		case CXCursor_StmtExpr:
		case CXCursor_InitListExpr:
			return c;
		case CXCursor_UnaryOperator:
			if (cl_unop(def) != CL_UO_AddrOf &&
			    cl_unop(def) != CL_UO_Deref)
				return c;
			break;
		default:
			break;
		}
		c = def;
	}
	return c;
}

/*
 * &msg.msg_iter, &msg->msg_iter: the address of a field of a local
 * variable, or of what a parameter points to (the struct holding an
 * iterator).
 */
static void field_base(struct cl_fn *f, CXCursor obj, struct fl_operand *op)
{
	CXCursor base = obj;
	struct cl_var *v;
	int depth;

	if (clang_getCursorKind(obj) != CXCursor_MemberRefExpr)
		return;
	for (depth = 0; depth < CL_MAX_DEPTH; depth++) {
		enum CXCursorKind k = clang_getCursorKind(base);

		if (k != CXCursor_MemberRefExpr &&
		    k != CXCursor_ArraySubscriptExpr)
			break;
		if (k == CXCursor_MemberRefExpr &&
		    is_pointer(
			    clang_getCursorType(cl_strip(member_base(base))))) {
			/* p->field: what p points to */
			base = cl_strip_casts(member_base(base));
			if ((v = cl_var_of(f, base)))
				op->base_var = v->key;
			if ((v = cl_var_of(f, resolve(f, base))))
				op->base_param = v->param;
			return;
		}
		if (k == CXCursor_MemberRefExpr) {
			base = cl_strip_casts(member_base(base));
		} else {
			CXCursor *ch;

			if (cl_children(base, &ch) != 2)
				return;
			base = cl_strip_casts(ch[0]);
		}
	}
	if ((v = cl_var_of(f, base)))
		op->base_var = v->key;
}

void cl_operand(struct cl_fn *f, CXCursor arg, struct cl_val v,
		struct fl_operand *op)
{
	CXCursor x = resolve(f, arg), obj;
	CXType t = clang_getCursorType(cl_strip(arg));
	bool is_addr = false;
	char buf[512];
	long long k;

	memset(op, 0, sizeof(*op));
	op->var = v.key;
	if (is_page_type(t))
		op->object = object_of(f, arg);
	if (cl_const_value(x, &k)) {
		op->is_const = true;
		op->value = k;
		return;
	}
	if (is_pointer(t))
		op->pointee = cl_record_name(pointee(t));
	if (is_function_ref(x, &obj)) {
		op->function = fl_strdup(cl_spelling(obj));
		op->display = op->function;
		return;
	}
	obj = cl_strip_casts(x);
	if (clang_getCursorKind(obj) == CXCursor_UnaryOperator &&
	    cl_unop(obj) == CL_UO_AddrOf) {
		obj = cl_strip_casts(last_expr(obj));
		is_addr = true;
		field_base(f, obj, op);
	}
	render(f, obj, buf, sizeof(buf), 0);
	op->display = fl_strdup(buf);
	if (field_class(obj, buf, sizeof(buf))) {
		op->lock_class = fl_strdup(buf);
	} else if (clang_getCursorKind(obj) == CXCursor_DeclRefExpr) {
		CXCursor decl = clang_getCursorReferenced(obj);

		if (is_addr && clang_getCursorKind(decl) == CXCursor_VarDecl &&
		    cl_global_storage(decl)) {
			snprintf(buf, sizeof(buf), "var:%s", cl_spelling(decl));
			op->lock_class = fl_strdup(buf);
		} else if (!is_addr &&
			   clang_getCursorKind(decl) == CXCursor_ParmDecl) {
			struct cl_var *pv = cl_var_of(f, obj);

			op->param = pv ? pv->param : 0;
		}
	}
}

static struct fl_event *add_event(struct cl_fn *f, enum fl_event_kind kind,
				  CXCursor at)
{
	struct fl_event *ev = fl_block_add_event(&f->fn->blocks[f->cur], kind);

	ev->loc = cl_loc(at);
	return ev;
}

static struct cl_val lower_call(struct cl_fn *f, CXCursor c, bool used,
				struct cl_var *target)
{
	struct cl_val out = {0};
	int na = clang_Cursor_getNumArguments(c), i;
	const char *name = callee_name(c);
	struct cl_val *vals;
	struct fl_event *ev;
	const struct fl_rule *r;
	char member[512];
	CXCursor *ch;
	int n = cl_children(c, &ch);

	if (name &&
	    (!strcmp(name, "__builtin_expect") ||
	     !strcmp(name, "__builtin_expect_with_probability")) &&
	    na >= 1)
		return cl_expr(f, clang_Cursor_getArgument(c, 0), used);
	if (name && is_pure_builtin(name))
		return out;
	if (!name) {
		if (member_callee(c, member, sizeof(member)))
			name = fl_strdup(member);
		else if (n > 0)
			cl_expr(f, ch[0], true);
	}
	vals = fl_xcalloc(na ? na : 1, sizeof(*vals));
	for (i = 0; i < na; i++)
		vals[i] = cl_expr(f, clang_Cursor_getArgument(c, i), true);
	if (!name)
		return out;
	cl_reach(c);
	ev = add_event(f, FL_EV_CALL, c);
	ev->callee = name;
	ev->macro = written_macro(c);
	ev->nargs = na;
	ev->args = fl_xcalloc(na ? na : 1, sizeof(*ev->args));
	for (i = 0; i < na; i++)
		cl_operand(f, clang_Cursor_getArgument(c, i), vals[i],
			   &ev->args[i]);
	if (target) {
		/* x = f(): the plugin's GIMPLE calls straight into x. */
		out.key = target->key;
		ev->result_var = out.key;
		if (is_page_type(clang_getCursorType(target->decl)))
			ev->result_object = param_object(f, target->decl);
	} else if (used && clang_getCursorType(c).kind != CXType_Void) {
		out.key = cl_temp(f);
		ev->result_var = out.key;
		if (is_page_type(clang_getCursorType(c)))
			ev->result_object = object_of(f, c);
	}
	/* Last: adding events to the block moves ev. */
	r = fl_rules_find(cl.rules, name, FL_KIND_BIT(FL_RULE_WRITES_TO));
	if (r && r->arg >= 1 && r->arg <= na) {
		const char *via = NULL;
		const char *object = mapped_object(
			f, clang_Cursor_getArgument(c, r->arg - 1), &via);

		if (object)
			add_write(f, c, object, via);
	}
	return out;
}

/* A store through a mapped page: *addr = v, addr[i] = v, p->field = v. */
static void mapped_store(struct cl_fn *f, CXCursor lhs, CXCursor at)
{
	const char *object = NULL, *via = NULL;
	int depth;

	for (depth = 0; depth < CL_MAX_DEPTH; depth++) {
		CXCursor *ch;
		int n;

		lhs = cl_strip(lhs);
		n = cl_children(lhs, &ch);
		switch (clang_getCursorKind(lhs)) {
		case CXCursor_MemberRefExpr:
			if (n < 1)
				return;
			if (is_pointer(clang_getCursorType(ch[n - 1]))) {
				object = mapped_object(f, ch[n - 1], &via);
				goto out;
			}
			lhs = ch[n - 1];
			continue;
		case CXCursor_ArraySubscriptExpr:
			if (n != 2)
				return;
			if (is_pointer(clang_getCursorType(ch[0]))) {
				object = mapped_object(f, ch[0], &via);
				goto out;
			}
			lhs = ch[0];
			continue;
		case CXCursor_UnaryOperator:
			if (n == 1 && cl_unop(lhs) == CL_UO_Deref) {
				object = mapped_object(f, ch[0], &via);
				goto out;
			}
			return;
		default:
			return;
		}
	}
out:
	if (object)
		add_write(f, at, object, via);
}

/* dst = src of page pointers: pages of src may now be in dst. */
static void page_flow(struct cl_fn *f, CXCursor lhs, CXCursor rhs, CXCursor at)
{
	const char *dst, *src;
	struct fl_event *ev;

	if (!is_page_type(clang_getCursorType(lhs)) &&
	    !is_page_type(clang_getCursorType(rhs)))
		return;
	dst = object_of(f, lhs);
	src = object_of(f, rhs);
	if (!dst || !src || !strcmp(dst, src))
		return;
	ev = add_event(f, FL_EV_FLOW, at);
	ev->dst_object = dst;
	ev->src_object = src;
}

/* Whether rhs is a plain copy: conditions on it hold for the target too. */
static bool is_copy(CXCursor rhs)
{
	switch (clang_getCursorKind(cl_strip_casts(rhs))) {
	case CXCursor_DeclRefExpr:
	case CXCursor_CallExpr:
	case CXCursor_MemberRefExpr:
	case CXCursor_StmtExpr:
	case CXCursor_ConditionalOperator:
		return true;
	default:
		return false;
	}
}

/* lhs = rhs, with rhs already lowered to v. */
static void assign(struct cl_fn *f, CXCursor lhs, CXCursor rhs, struct cl_val v,
		   CXCursor at)
{
	struct cl_var *var = cl_var_of(f, lhs);
	struct fl_event *ev;
	char cls[512];

	if (!cl_is_null(rhs))
		page_flow(f, lhs, rhs, at);
	/* *p = v, and as well *p += v, (*p)++: each stores through p. */
	mapped_store(f, lhs, at);
	if (var) {
		ev = add_event(f, FL_EV_ASSIGN, at);
		ev->var = var->key;
		if (!cl_is_null(rhs) && is_copy(rhs))
			ev->value.var = v.key;
		return;
	}
	/* Only stores the rules care about (iter->nofault) enter the model. */
	if (cl_is_null(rhs) || !field_class(lhs, cls, sizeof(cls)) ||
	    !fl_rules_find(cl.rules, cls, FL_KIND_BIT(FL_RULE_NOFAULT_FIELD)))
		return;
	ev = add_event(f, FL_EV_STORE, at);
	ev->field_class = fl_strdup(cls);
	{
		CXCursor base = cl_strip(member_base(cl_strip(lhs)));
		struct cl_val bv = {0};
		struct cl_var *b = cl_var_of(f, base);

		if (!b && clang_getCursorKind(base) == CXCursor_UnaryOperator)
			b = cl_var_of(f, last_expr(base));
		bv.key = b ? b->key : 0;
		ev->base_var = bv.key;
	}
	cl_operand(f, rhs, v, &ev->value);
}

/* The key an lvalue or address stands for: x, &x and *x name x. */
static unsigned lvalue_key(struct cl_fn *f, CXCursor c)
{
	struct cl_var *v;

	c = cl_strip_casts(c);
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
	    (cl_unop(c) == CL_UO_AddrOf || cl_unop(c) == CL_UO_Deref))
		c = cl_strip_casts(last_expr(c));
	v = cl_var_of(f, c);
	return v ? v->key : 0;
}

/* Lower c in evaluation order; its value's variable or temporary. */
struct cl_val cl_expr(struct cl_fn *f, CXCursor c, bool used)
{
	struct cl_val out = {0};
	CXCursor *ch, x;
	struct cl_var *var;
	int n, i;

	c = cl_strip(c);
	n = cl_children(c, &ch);
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr:
		var = cl_var_of(f, c);
		if (var)
			out.key = var->key;
		else
			cl_reach(c);
		return out;
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral:
	case CXCursor_FloatingLiteral:
	case CXCursor_StringLiteral:
	case CXCursor_UnaryExpr: /* sizeof: not evaluated */
		return out;
	case CXCursor_CStyleCastExpr:
		x = last_expr(c);
		return cl_is_null(x) ? out : cl_expr(f, x, used);
	case CXCursor_CallExpr:
		return lower_call(f, c, used, NULL);
	case CXCursor_StmtExpr:
		return cl_stmt_expr(f, c);
	case CXCursor_ConditionalOperator:
		return cl_logical_value(f, c);
	case CXCursor_GenericSelectionExpr:
		x = generic_choice(c);
		return cl_is_null(x) ? out : cl_expr(f, x, used);
	case CXCursor_ArraySubscriptExpr: {
		long long k;

		if (n != 2)
			break;
		cl_expr(f, ch[0], true);
		cl_expr(f, ch[1], true);
		/* p[0] is *p: the plugin names it by p. */
		if (is_pointer(clang_getCursorType(cl_strip(ch[0]))) &&
		    cl_const_value(ch[1], &k) && k == 0 &&
		    (var = cl_var_of(f, cl_strip_casts(ch[0]))))
			out.key = var->key;
		return out;
	}
	case CXCursor_BinaryOperator: {
		enum cl_binop op = cl_binop(c);
		struct cl_val v;

		if (n != 2)
			break;
		switch (op) {
		case CL_BO_LAnd:
		case CL_BO_LOr:
			return cl_logical_value(f, c);
		case CL_BO_Comma:
			cl_expr(f, ch[0], false);
			return cl_expr(f, ch[1], used);
		case CL_BO_Assign:
			var = cl_var_of(f, ch[0]);
			if (var && !var->addressed &&
			    clang_getCursorKind(cl_strip(ch[1])) ==
				    CXCursor_CallExpr &&
			    callee_name(cl_strip(ch[1])))
				return lower_call(f, cl_strip(ch[1]), true,
						  var);
			v = cl_expr(f, ch[1], true);
			cl_expr(f, ch[0], false);
			assign(f, ch[0], ch[1], v, c);
			var = cl_var_of(f, ch[0]);
			out.key = var ? var->key : v.key;
			return out;
		default:
			cl_expr(f, ch[0], true);
			cl_expr(f, ch[1], true);
			return out;
		}
	}
	case CXCursor_CompoundAssignOperator:
		if (n != 2)
			break;
		cl_expr(f, ch[1], true);
		cl_expr(f, ch[0], true);
		assign(f, ch[0], clang_getNullCursor(), out, c);
		return out;
	case CXCursor_UnaryOperator:
		if (n != 1)
			break;
		switch (cl_unop(c)) {
		case CL_UO_PostInc:
		case CL_UO_PostDec:
		case CL_UO_PreInc:
		case CL_UO_PreDec:
			cl_expr(f, ch[0], true);
			assign(f, ch[0], clang_getNullCursor(), out, c);
			return out;
		case CL_UO_AddrOf:
		case CL_UO_Deref: {
			struct cl_val v = cl_expr(f, ch[0], true);

			out.key = lvalue_key(f, c);
			if (!out.key && cl_unop(c) == CL_UO_Deref)
				out.key = 0;
			(void)v;
			return out;
		}
		default:
			cl_expr(f, ch[0], true);
			return out;
		}
	default:
		break;
	}
	/* Anything else: its parts, in order. */
	for (i = 0; i < n; i++) {
		enum CXCursorKind k = clang_getCursorKind(ch[i]);

		if (clang_isExpression(k))
			cl_expr(f, ch[i], true);
		else if (k == CXCursor_CompoundStmt)
			cl_stmt(f, ch[i]);
	}
	return out;
}

/* ---- declarations ---- */

/* The cleanup function of a variable: __attribute__((cleanup(fn))). */
const char *cl_cleanup_of(CXCursor var)
{
	CXCursor *ch;
	int n = cl_children(var, &ch), i;

	for (i = 0; i < n; i++) {
		CXToken *toks;
		unsigned nt, j;
		const char *fn = NULL;

		if (!clang_isAttribute(clang_getCursorKind(ch[i])))
			continue;
		clang_tokenize(cl.tu, clang_getCursorExtent(ch[i]), &toks, &nt);
		for (j = 0; j + 2 < nt && !fn; j++) {
			CXString s = clang_getTokenSpelling(cl.tu, toks[j]);
			const char *w = clang_getCString(s);

			if (!strcmp(w, "cleanup") ||
			    !strcmp(w, "__cleanup__")) {
				CXString s2 = clang_getTokenSpelling(
					cl.tu, toks[j + 2]);

				fn = fl_strdup(clang_getCString(s2));
				clang_disposeString(s2);
			}
			clang_disposeString(s);
		}
		clang_disposeTokens(cl.tu, toks, nt);
		if (fn)
			return fn;
		/* Spelled in a macro (guard()): the type names the cleanup. */
		fn = fl_rules_guard_cleanup(
			cl.rules, cl_spelling(clang_getTypeDeclaration(
					  desugar(clang_getCursorType(var)))));
		if (fn)
			return fn;
	}
	return NULL;
}

void cl_emit_cleanup(struct cl_fn *f, const struct cl_cleanup *cu)
{
	struct fl_event *ev =
		fl_block_add_event(&f->fn->blocks[f->cur], FL_EV_CALL);
	struct cl_var *v = find_var(f, cu->var, true);
	CXType t = clang_getCursorType(cu->var);

	ev->loc = cu->loc;
	ev->callee = cu->fn;
	ev->nargs = 1;
	ev->args = fl_xcalloc(1, sizeof(*ev->args));
	ev->args[0].var = v->key;
	ev->args[0].display = v->name;
	ev->args[0].pointee = cl_record_name(t);
}

static void init_list_flows(struct cl_fn *f, CXCursor var, CXCursor init);

void cl_lower_decl(struct cl_fn *f, CXCursor var)
{
	CXCursor init = cl_var_init(var);
	const char *cleanup;

	if (!is_local(var)) {
		/* A static local's initializer runs before main: just reach. */
		if (!cl_is_null(init))
			cl_reach_init(init);
		return;
	}
	if (!cl_is_null(init)) {
		struct cl_var *lv = find_var(f, var, true);
		struct cl_val v;
		struct fl_event *ev;

		if (!lv->addressed &&
		    clang_getCursorKind(cl_strip(init)) == CXCursor_CallExpr &&
		    callee_name(cl_strip(init))) {
			lower_call(f, cl_strip(init), true, lv);
			goto cleanup;
		}
		v = cl_expr(f, init, true);

		{
			const char *dst, *src;

			if (is_page_type(clang_getCursorType(var)) ||
			    is_page_type(clang_getCursorType(init))) {
				char buf[600];

				snprintf(buf, sizeof(buf), "%s:%s.%u", f->name,
					 lv->name, lv->key);
				dst = fl_strdup(buf);
				src = object_of(f, init);
				if (src && strcmp(dst, src)) {
					ev = add_event(f, FL_EV_FLOW, var);
					ev->dst_object = dst;
					ev->src_object = src;
				}
			}
		}
		ev = add_event(f, FL_EV_ASSIGN, var);
		ev->var = lv->key;
		if (is_copy(init))
			ev->value.var = v.key;
		init_list_flows(f, var, init);
	}
cleanup:
	cleanup = cl_cleanup_of(var);
	if (cleanup) {
		struct cl_cleanup *cu;

		if (f->ncleanups == f->cleanups_cap) {
			f->cleanups_cap =
				f->cleanups_cap ? 2 * f->cleanups_cap : 4;
			f->cleanups = fl_xrealloc(f->cleanups,
						  f->cleanups_cap *
							  sizeof(*f->cleanups));
		}
		cu = &f->cleanups[f->ncleanups++];
		cu->fn = cleanup;
		cu->var = var;
		cu->loc = cl_loc(var);
		cu->scope = f->scope;
		cl_reach_name(cleanup);
	}
}

/* ---- DAX tests ---- */

/*
 * Whether c being true says the inode is DAX: through "!= 0", "== 0", !,
 * unlikely(), a test of a dax-test flag (inode->i_flags & S_DAX).
 */
enum fl_dax cl_dax_test(struct cl_fn *f, CXCursor c)
{
	bool yes = true;
	int depth;

	for (depth = 0; depth < CL_MAX_DEPTH; depth++) {
		CXCursor *ch;
		int n, i;
		long long k, mask;
		char cls[512];
		CXCursor field;

		c = cl_strip_casts(c);
		n = cl_children(c, &ch);
		switch (clang_getCursorKind(c)) {
		case CXCursor_CallExpr:
			if (!callee_name(c) ||
			    strncmp(callee_name(c), "__builtin_expect", 16) ||
			    clang_Cursor_getNumArguments(c) < 1)
				return FL_DAX_UNKNOWN;
			c = clang_Cursor_getArgument(c, 0);
			continue;
		case CXCursor_UnaryOperator:
			if (n != 1 || cl_unop(c) != CL_UO_LNot)
				return FL_DAX_UNKNOWN;
			yes = !yes;
			c = ch[0];
			continue;
		case CXCursor_BinaryOperator:
			if (n != 2)
				return FL_DAX_UNKNOWN;
			switch (cl_binop(c)) {
			case CL_BO_EQ:
			case CL_BO_NE:
				if (!cl_const_value(ch[1], &k) || k)
					return FL_DAX_UNKNOWN;
				if (cl_binop(c) == CL_BO_EQ)
					yes = !yes;
				c = ch[0];
				continue;
			/* An old libclang cannot tell IS_DAX()'s &, in a macro.
			 */
			case CL_BO_Invalid:
			case CL_BO_And:
				if (cl_const_value(ch[1], &mask))
					field = ch[0];
				else if (cl_const_value(ch[0], &mask))
					field = ch[1];
				else
					return FL_DAX_UNKNOWN;
				if (!field_class(cl_strip_casts(field), cls,
						 sizeof(cls)))
					return FL_DAX_UNKNOWN;
				for (i = 0; i < cl.rules->nrules; i++) {
					const struct fl_rule *r =
						&cl.rules->rules[i];
					long long bit;

					if (r->kind != FL_RULE_DAX_TEST ||
					    strcmp(r->name, cls) || !r->flag)
						continue;
					bit = cl_flag_value(r->flag);
					if (bit > 0 && (mask & bit))
						return yes ? FL_DAX_YES
							   : FL_DAX_NO;
				}
				return FL_DAX_UNKNOWN;
			default:
				return FL_DAX_UNKNOWN;
			}
		default:
			return FL_DAX_UNKNOWN;
		}
	}
	(void)f;
	return FL_DAX_UNKNOWN;
}

/* ---- functions ---- */

void cl_lower_function(CXCursor decl)
{
	struct cl_fn f;
	CXCursor *ch, body = clang_getNullCursor();
	int n = cl_children(decl, &ch), i, np;

	memset(&f, 0, sizeof(f));
	for (i = n - 1; i >= 0; i--)
		if (clang_getCursorKind(ch[i]) == CXCursor_CompoundStmt) {
			body = ch[i];
			break;
		}
	if (cl_is_null(body))
		return;
	f.decl = decl;
	f.name = cl_spelling(decl);
	f.fn = fl_unit_add_function(cl.unit, f.name);
	f.fn->loc = cl_loc(decl);
	f.fn->is_static = clang_Cursor_getStorageClass(decl) == CX_SC_Static;
	f.fn->handle = (unsigned long)cl.unit->nfuncs;
	np = clang_Cursor_getNumArguments(decl);
	f.fn->nparams = np > 0 ? np : 0;
	f.fn->param_types = fl_xcalloc(np > 0 ? np : 1, sizeof(char *));
	f.fn->param_objects = fl_xcalloc(np > 0 ? np : 1, sizeof(char *));
	f.fn->param_pages_out = fl_xcalloc(np > 0 ? np : 1, sizeof(bool));
	for (i = 0; i < np; i++) {
		CXCursor p = clang_Cursor_getArgument(decl, i);
		CXType t = clang_getCursorType(p);
		struct cl_var *v = find_var(&f, p, true);

		v->param = i + 1;
		if (is_pointer(t))
			f.fn->param_types[i] = cl_record_name(pointee(t));
		f.fn->param_pages_out[i] = is_page_array_out(t);
		f.fn->param_objects[i] = param_object(&f, p);
	}
	cl_count_defs(&f, body);
	f.scope = body;
	cl_body(&f, body);
	cl_children_release();
}

/* ---- reachability: the functions the plugin would still see ---- */

static const char *def_name(const void *ctx, int i)
{
	(void)ctx;
	return cl.defs[i].name;
}

/* The definition of that name: the index is built once all are known. */
static int find_def(const char *name)
{
	static struct fl_name_index idx;
	int i;

	if (idx.nitems != cl.ndefs)
		fl_name_index_build(&idx, cl.ndefs, def_name, NULL);
	for (i = fl_name_index_first(&idx, name); i >= 0;
	     i = fl_name_index_next(&idx, i))
		if (!strcmp(cl.defs[i].name, name))
			return i;
	return -1;
}

void cl_reach_name(const char *name)
{
	int i = find_def(name);

	if (i < 0 || cl.defs[i].queued)
		return;
	cl.defs[i].queued = true;
	if (cl.nqueue == cl.queue_cap) {
		cl.queue_cap = cl.queue_cap ? 2 * cl.queue_cap : 64;
		cl.queue = fl_xrealloc(cl.queue, cl.queue_cap * sizeof(int));
	}
	cl.queue[cl.nqueue++] = i;
}

/* A function named by c (a call or a reference) is lowered too. */
void cl_reach(CXCursor c)
{
	CXCursor fn;

	if (clang_getCursorKind(c) == CXCursor_CallExpr) {
		const char *name = callee_name(c);

		if (name)
			cl_reach_name(name);
		return;
	}
	if (is_function_ref(c, &fn))
		cl_reach_name(cl_spelling(fn));
}

static enum CXChildVisitResult reach_visit(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	CXCursor fn;

	(void)parent;
	(void)data;
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
	    is_function_ref(c, &fn))
		cl_reach_name(cl_spelling(fn));
	return CXChildVisit_Recurse;
}

void cl_reach_init(CXCursor c)
{
	CXCursor fn;

	if (is_function_ref(c, &fn))
		cl_reach_name(cl_spelling(fn));
	clang_visitChildren(c, reach_visit, NULL);
}

/*
 * The fields an initializer list sets: .field = value designators, or
 * positions in the record.  fn(ctx, field, value) for each.
 */
static void
init_fields(CXType t, CXCursor init,
	    void (*fn)(void *ctx, const char *field, CXCursor value), void *ctx)
{
	CXCursor rec = clang_getTypeDeclaration(clang_getCanonicalType(t));
	CXCursor *ch, *rc, *fields;
	int n, rn, nfields = 0, pos = 0, i, j;

	rn = cl_children(rec, &rc);
	fields = fl_xcalloc(rn ? rn : 1, sizeof(*fields));
	for (j = 0; j < rn; j++)
		if (clang_getCursorKind(rc[j]) == CXCursor_FieldDecl)
			fields[nfields++] = rc[j];
	n = cl_children(init, &ch);
	for (i = 0; i < n; i++) {
		CXCursor *dc, value = ch[i];
		const char *field = NULL;
		int dn = cl_children(ch[i], &dc);

		/* .field = value: a designator (MemberRef) and the value. */
		if (clang_getCursorKind(ch[i]) == CXCursor_UnexposedExpr &&
		    dn >= 2 &&
		    clang_getCursorKind(dc[0]) == CXCursor_MemberRef) {
			field = cl_spelling(dc[0]);
			value = dc[dn - 1];
			for (j = 0; j < nfields; j++)
				if (!strcmp(cl_spelling(fields[j]), field))
					pos = j;
			pos++;
		} else if (pos < nfields) {
			field = cl_spelling(fields[pos++]);
		}
		if (field && *field)
			fn(ctx, field, value);
	}
}

struct ops_ctx {
	const char *type;
	struct fl_loc loc;
};

static void ops_field(void *ctx, const char *field, CXCursor value)
{
	struct ops_ctx *o = ctx;
	CXCursor fn;

	if (is_function_ref(value, &fn))
		fl_unit_add_ops(cl.unit, o->type, field, cl_spelling(fn),
				&o->loc);
}

/* Function pointers in static initializers: gfs2_vm_ops.page_mkwrite. */
void cl_lower_ops(CXCursor var)
{
	CXCursor init = cl_var_init(var);
	struct ops_ctx o;

	if (cl_is_null(init))
		return;
	cl_reach_init(init);
	init = cl_strip(init);
	o.type = cl_record_name(clang_getCursorType(var));
	if (!o.type || clang_getCursorKind(init) != CXCursor_InitListExpr)
		return;
	o.loc = cl_loc(var);
	init_fields(clang_getCursorType(var), init, ops_field, &o);
}

struct flow_ctx {
	struct cl_fn *f;
	const char *type;
	CXCursor at;
};

/* struct bio_vec bv = { .bv_page = page }: the pages are in the field. */
static void flow_field(void *ctx, const char *field, CXCursor value)
{
	struct flow_ctx *c = ctx;
	const char *src;
	struct fl_event *ev;
	char buf[600];

	if (!is_page_type(clang_getCursorType(cl_strip(value))))
		return;
	src = object_of(c->f, value);
	if (!src)
		return;
	snprintf(buf, sizeof(buf), "f:%s::%s", c->type, field);
	ev = add_event(c->f, FL_EV_FLOW, value);
	ev->dst_object = fl_strdup(buf);
	ev->src_object = src;
}

static void init_list_flows(struct cl_fn *f, CXCursor var, CXCursor init)
{
	struct flow_ctx c = {f, cl_record_name(clang_getCursorType(var)), var};

	init = cl_strip(init);
	if (c.type && clang_getCursorKind(init) == CXCursor_InitListExpr)
		init_fields(clang_getCursorType(var), init, flow_field, &c);
}

/* ---- flag values: the unit's macros and enumerators ---- */

struct flag {
	const char *name;
	long long value;      /* a macro's, -1 until found */
	long long enum_value; /* an enumerator's, -1 until found */
};

static struct flag *flags;
static int nflags;

static void want(const char *name)
{
	int i;

	for (i = 0; i < nflags; i++)
		if (!strcmp(flags[i].name, name))
			return;
	flags = fl_xrealloc(flags, (nflags + 1) * sizeof(*flags));
	flags[nflags].name = name;
	flags[nflags].enum_value = -1;
	flags[nflags++].value = -1;
}

void cl_want_flags(const struct fl_rules *rules)
{
	int i;

	for (i = 0; i < rules->nrules; i++) {
		if (rules->rules[i].kind == FL_RULE_NOFAULT_FLAG)
			want(rules->rules[i].name);
		else if (rules->rules[i].kind == FL_RULE_DAX_TEST &&
			 rules->rules[i].flag)
			want(rules->rules[i].flag);
	}
}

static struct flag *wanted(const char *name)
{
	int i;

	for (i = 0; i < nflags; i++)
		if (!strcmp(flags[i].name, name))
			return &flags[i];
	return NULL;
}

/* "0x80000", "(1 << 19)", "(1UL << 13)": the value, or -1. */
static long long parse_macro(char **tok, int n)
{
	char body[256];
	size_t len = 0;
	int i;

	body[0] = '\0';
	for (i = 0; i < n; i++) {
		size_t k = strlen(tok[i]);

		if (len + k + 2 > sizeof(body))
			return -1;
		memcpy(body + len, tok[i], k);
		len += k;
		body[len++] = ' ';
		body[len] = '\0';
	}
	return fl_parse_flag_value(body);
}

void cl_note_macro_def(CXCursor c)
{
	struct flag *fl = wanted(cl_spelling(c));
	CXToken *toks;
	unsigned nt, i;
	char **words;

	if (!fl || clang_Cursor_isMacroFunctionLike(c))
		return;
	clang_tokenize(cl.tu, clang_getCursorExtent(c), &toks, &nt);
	words = fl_xcalloc(nt ? nt : 1, sizeof(char *));
	for (i = 0; i < nt; i++) {
		CXString s = clang_getTokenSpelling(cl.tu, toks[i]);

		words[i] = (char *)fl_strdup(clang_getCString(s));
		clang_disposeString(s);
	}
	clang_disposeTokens(cl.tu, toks, nt);
	/* The first token is the macro's name. */
	if (nt > 1)
		fl->value = parse_macro(words + 1, (int)nt - 1);
	else
		fl->value = -1;
}

void cl_note_enum(CXCursor c)
{
	struct flag *fl = wanted(cl_spelling(c));
	long long v;

	if (!fl)
		return;
	v = clang_getEnumConstantDeclValue(c);
	if (v >= 0)
		fl->enum_value = v;
}

long long cl_flag_value(const char *name)
{
	struct flag *fl = wanted(name);

	if (!fl)
		return -1;
	/* An enumerator first (FOLL_NOFAULT since 6.3), as the plugin. */
	return fl->enum_value >= 0 ? fl->enum_value : fl->value;
}

/* ---- returns, merged as GCC merges them ---- */

static const char *retvar_object(struct cl_fn *f)
{
	char buf[600];

	snprintf(buf, sizeof(buf), "%s:.%u", f->name, f->retvar & ~CL_TEMP);
	return fl_strdup(buf);
}

static bool returns_pages(struct cl_fn *f)
{
	return is_page_type(clang_getResultType(clang_getCursorType(f->decl)));
}

/* "return e": the return value is set, with the line of the return. */
void cl_return_value(struct cl_fn *f, CXCursor e, struct cl_val v, CXCursor at)
{
	struct fl_event *ev;

	if (f->nreturns > 1 && returns_pages(f)) {
		const char *src = object_of(f, e);

		if (src) {
			ev = add_event(f, FL_EV_FLOW, at);
			ev->dst_object = retvar_object(f);
			ev->src_object = src;
		}
	}
	/* GCC places "return X;" at X. */
	ev = add_event(f, FL_EV_ASSIGN, e);
	ev->var = f->retvar;
	if (is_copy(e) ||
	    clang_getCursorKind(cl_strip_casts(e)) == CXCursor_DeclRefExpr)
		ev->value.var = v.key;
}

/* The merged return: of the one value, or of the return variable. */
void cl_return_operand(struct cl_fn *f, struct fl_event *ev)
{
	if (f->nreturns == 1) {
		ev->loc = cl_loc(f->ret_expr);
		cl_operand(f, f->ret_expr, f->ret_val, &ev->value);
		return;
	}
	ev->loc = f->fn->loc;
	ev->loc.line = ev->loc.column = 0;
	memset(&ev->value, 0, sizeof(ev->value));
	ev->value.var = f->retvar;
	ev->value.display = "?";
	if (returns_pages(f))
		ev->value.object = retvar_object(f);
}
