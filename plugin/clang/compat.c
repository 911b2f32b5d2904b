// SPDX-License-Identifier: GPL-2.0
/*
 * What libclang 17 and later tell directly (operator kinds, a variable's
 * initializer and storage), found for libclang 15 and 16 from the source:
 * operators from their tokens.  An operator spelled in a macro's body is
 * then unknown (libclang gives the tokens of the macro's use), which
 * loses the conditions the plugin sees there.
 */
#include <string.h>

#include "clang.h"

#if CINDEX_VERSION_MINOR >= 64

enum cl_binop cl_binop(CXCursor c)
{
	return (enum cl_binop)clang_getCursorBinaryOperatorKind(c);
}

enum cl_unop cl_unop(CXCursor c)
{
	return (enum cl_unop)clang_getCursorUnaryOperatorKind(c);
}

CXCursor cl_var_init(CXCursor var)
{
	return clang_Cursor_getVarDeclInitializer(var);
}

bool cl_global_storage(CXCursor var)
{
	return clang_Cursor_hasVarDeclGlobalStorage(var) == 1;
}

#else

static CXCursor first_child(CXCursor c)
{
	CXCursor *ch;

	return cl_children(c, &ch) > 0 ? ch[0] : clang_getNullCursor();
}

static unsigned offset_of(CXSourceLocation l)
{
	unsigned off;

	clang_getExpansionLocation(l, NULL, NULL, NULL, &off);
	return off;
}

/*
 * The operator token of c: the first token at or after from (a binary
 * operator's, after its left operand), or before the operand (a prefix
 * one), or after it (a postfix one).  None when c is spelled in a macro's
 * body: its tokens are then the macro's use.
 */
static const char *op_token(CXCursor c, int which, unsigned *at)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXCursor arg = first_child(c);
	unsigned arg_start, arg_end, end, nt, i, last;
	const char *op = NULL;
	CXToken *toks;

	if (cl_is_null(arg))
		return NULL;
	arg_start = offset_of(clang_getRangeStart(clang_getCursorExtent(arg)));
	arg_end = offset_of(clang_getRangeEnd(clang_getCursorExtent(arg)));
	{
		/* Tokens of the file: a range starting in a macro is spelled there. */
		CXSourceRange r = clang_getCursorExtent(c);
		CXFile f0, f1;
		unsigned o0, o1;

		clang_getExpansionLocation(clang_getRangeStart(r), &f0, NULL, NULL, &o0);
		clang_getExpansionLocation(clang_getRangeEnd(r), &f1, NULL, NULL, &o1);
		if (!f0 || !f1 || !clang_File_isEqual(f0, f1))
			return NULL;
		r = clang_getRange(clang_getLocationForOffset(tu, f0, o0),
				   clang_getLocationForOffset(tu, f1, o1));
		clang_tokenize(tu, r, &toks, &nt);
		end = o1;
	}
	/* Older libclang tokenizes one token past the end. */
	for (last = nt; last > 0; last--)
		if (offset_of(clang_getTokenLocation(tu, toks[last - 1])) < end)
			break;
	for (i = 0; i < last && !op; i++) {
		unsigned off = offset_of(clang_getTokenLocation(tu, toks[i]));
		CXString s;

		if (clang_getTokenKind(toks[i]) != CXToken_Punctuation &&
		    clang_getTokenKind(toks[i]) != CXToken_Keyword)
			continue;
		if ((which == 0 && off >= arg_end && arg_end > arg_start) ||
		    (which == 1 && i == 0 && off < arg_start) ||
		    (which == 2 && i + 1 == last && off >= arg_end &&
		     arg_end > arg_start)) {
			s = clang_getTokenSpelling(tu, toks[i]);
			op = fl_strdup(clang_getCString(s));
			clang_disposeString(s);
			*at = off;
		}
	}
	clang_disposeTokens(tu, toks, nt);
	return op;
}

static const struct {
	const char *op;
	enum cl_binop kind;
} binops[] = {
	{ "<<=", CL_BO_ShlAssign }, { ">>=", CL_BO_ShrAssign },
	{ "*=", CL_BO_MulAssign }, { "/=", CL_BO_DivAssign },
	{ "%=", CL_BO_RemAssign }, { "+=", CL_BO_AddAssign },
	{ "-=", CL_BO_SubAssign }, { "&=", CL_BO_AndAssign },
	{ "^=", CL_BO_XorAssign }, { "|=", CL_BO_OrAssign },
	{ "<<", CL_BO_Shl }, { ">>", CL_BO_Shr }, { "<=", CL_BO_LE },
	{ ">=", CL_BO_GE }, { "==", CL_BO_EQ }, { "!=", CL_BO_NE },
	{ "&&", CL_BO_LAnd }, { "||", CL_BO_LOr }, { "*", CL_BO_Mul },
	{ "/", CL_BO_Div }, { "%", CL_BO_Rem }, { "+", CL_BO_Add },
	{ "-", CL_BO_Sub }, { "<", CL_BO_LT }, { ">", CL_BO_GT },
	{ "&", CL_BO_And }, { "^", CL_BO_Xor }, { "|", CL_BO_Or },
	{ "=", CL_BO_Assign }, { ",", CL_BO_Comma },
};

enum cl_binop cl_binop(CXCursor c)
{
	unsigned at, i;
	const char *op = op_token(c, 0, &at);

	for (i = 0; op && i < sizeof(binops) / sizeof(binops[0]); i++)
		if (!strcmp(op, binops[i].op))
			return binops[i].kind;
	return CL_BO_Invalid;
}

enum cl_unop cl_unop(CXCursor c)
{
	static const struct {
		const char *op;
		enum cl_unop kind;
	} pre[] = {
		{ "++", CL_UO_PreInc }, { "--", CL_UO_PreDec },
		{ "__extension__", CL_UO_Extension }, { "__real", CL_UO_Real },
		{ "__imag", CL_UO_Imag }, { "&", CL_UO_AddrOf },
		{ "*", CL_UO_Deref }, { "+", CL_UO_Plus }, { "-", CL_UO_Minus },
		{ "~", CL_UO_Not }, { "!", CL_UO_LNot },
	};
	unsigned at, i;
	const char *op = op_token(c, 2, &at);

	if (op && !strcmp(op, "++"))
		return CL_UO_PostInc;
	if (op && !strcmp(op, "--"))
		return CL_UO_PostDec;
	op = op_token(c, 1, &at);
	for (i = 0; op && i < sizeof(pre) / sizeof(pre[0]); i++)
		if (!strcmp(op, pre[i].op))
			return pre[i].kind;
	/* In a macro's body: what the types tell (&x, *p, !p). */
	if (!cl_is_null(first_child(c))) {
		CXType r = clang_getCanonicalType(clang_getCursorType(c));
		CXType a = clang_getCanonicalType(
			clang_getCursorType(first_child(c)));

		if (r.kind == CXType_Pointer &&
		    clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(r)), a))
			return CL_UO_AddrOf;
		if (a.kind == CXType_Pointer &&
		    clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(a)), r))
			return CL_UO_Deref;
		if (a.kind == CXType_Pointer && r.kind == CXType_Int)
			return CL_UO_LNot;
	}
	return CL_UO_Invalid;
}

/*
 * The initializer: the last expression child, after the name (a typeof
 * comes before it); an array's is a brace list or a string, not its size.
 */
CXCursor cl_var_init(CXCursor var)
{
	CXCursor *ch;
	int n = cl_children(var, &ch);
	CXType t = clang_getCanonicalType(clang_getCursorType(var));
	enum CXCursorKind k;

	if (n < 1 || !clang_isExpression(k = clang_getCursorKind(ch[n - 1])))
		return clang_getNullCursor();
	if (t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
	    t.kind == CXType_VariableArray)
		return k == CXCursor_InitListExpr || k == CXCursor_StringLiteral ?
			       ch[n - 1] : clang_getNullCursor();
	if (offset_of(clang_getRangeStart(clang_getCursorExtent(ch[n - 1]))) <
	    offset_of(clang_getCursorLocation(var)))
		return clang_getNullCursor();
	return ch[n - 1];
}

bool cl_global_storage(CXCursor var)
{
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(var);

	if (clang_getCursorKind(var) != CXCursor_VarDecl)
		return false;
	if (sc == CX_SC_Static || sc == CX_SC_Extern)
		return true;
	return clang_getCursorKind(clang_getCursorSemanticParent(var)) ==
	       CXCursor_TranslationUnit;
}

#endif
