/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The libclang front end: what cfg.c (statements, control flow), lower.c
 * (expressions and events) and main.c (the command) share.
 *
 * libclang gives an AST, not a CFG.  cfg.c builds the blocks of lib/model.h
 * from statements and short-circuit expressions; lower.c turns the
 * expressions between them into the events the GCC plugin records from
 * GIMPLE, with call results as temporaries (keys with the top bit set, as
 * the plugin's SSA names) and named variables keyed per function.
 */
#ifndef FAULTLINE_CLANG_H
#define FAULTLINE_CLANG_H

#include <clang-c/Index.h>
#include <stdbool.h>

#include "../../lib/model.h"
#include "../../lib/rules.h"


/*
 * libclang 17 (CINDEX 0.64) tells operator kinds and initializers; for
 * older ones compat.c finds them another way.  The order is libclang's.
 */
enum cl_binop {
	CL_BO_Invalid, CL_BO_PtrMemD, CL_BO_PtrMemI, CL_BO_Mul, CL_BO_Div,
	CL_BO_Rem, CL_BO_Add, CL_BO_Sub, CL_BO_Shl, CL_BO_Shr, CL_BO_Cmp,
	CL_BO_LT, CL_BO_GT, CL_BO_LE, CL_BO_GE, CL_BO_EQ, CL_BO_NE, CL_BO_And,
	CL_BO_Xor, CL_BO_Or, CL_BO_LAnd, CL_BO_LOr, CL_BO_Assign,
	CL_BO_MulAssign, CL_BO_DivAssign, CL_BO_RemAssign, CL_BO_AddAssign,
	CL_BO_SubAssign, CL_BO_ShlAssign, CL_BO_ShrAssign, CL_BO_AndAssign,
	CL_BO_XorAssign, CL_BO_OrAssign, CL_BO_Comma,
};

enum cl_unop {
	CL_UO_Invalid, CL_UO_PostInc, CL_UO_PostDec, CL_UO_PreInc, CL_UO_PreDec,
	CL_UO_AddrOf, CL_UO_Deref, CL_UO_Plus, CL_UO_Minus, CL_UO_Not,
	CL_UO_LNot, CL_UO_Real, CL_UO_Imag, CL_UO_Extension, CL_UO_Coawait,
};

/* compat.c */
enum cl_binop cl_binop(CXCursor c);
enum cl_unop cl_unop(CXCursor c);
CXCursor cl_var_init(CXCursor var);
bool cl_global_storage(CXCursor var);

#define CL_MAX_DEPTH 8
#define CL_TEMP 0x80000000u

/* A macro expansion in a file: where it starts, and its name. */
struct cl_expansion {
	CXFile file;
	unsigned offset;
	const char *name;
};

/* A function definition of the unit, lowered when something reaches it. */
struct cl_def {
	const char *name;
	CXCursor cursor;
	bool queued;
};

struct cl_unit {
	CXTranslationUnit tu;
	struct fl_unit *unit;
	const struct fl_rules *rules;
	struct cl_expansion *exps;
	int nexps, exps_cap;
	struct cl_def *defs;
	int ndefs, defs_cap;
	int *queue;
	int nqueue, queue_cap;
};

extern struct cl_unit cl;

/* The value an expression left: the variable or temporary holding it. */
struct cl_val {
	unsigned key;
};

/* A local variable or parameter of the function being lowered. */
struct cl_var {
	CXCursor decl;
	unsigned hash;
	unsigned key;
	const char *name;
	int param;	 /* 1-based, 0 for a local */
	int ndefs;	 /* assignments seen in the body */
	bool addressed;	 /* &var taken: its single def is not trusted */
	CXCursor def;	 /* the value of its only assignment */
	bool has_def;
};

struct cl_label {
	const char *name;
	int block;
};

/* A variable with __attribute__((cleanup(fn))), live in a scope. */
struct cl_cleanup {
	const char *fn;
	CXCursor var;
	struct fl_loc loc;
	CXCursor scope; /* the statement it is local to */
};

struct cl_fn {
	struct fl_function *fn;
	CXCursor decl;
	const char *name;
	int cur;		/* the block events go to */
	int brk, cont;		/* targets of break and continue, or -1 */
	int brk_depth, cont_depth; /* cleanups live at those targets */
	int sw_head;		/* the switch's dispatch block, or -1 */
	bool sw_default;
	struct cl_var *vars;
	int nvars, vars_cap;
	struct cl_label *labels;
	int nlabels, labels_cap;
	struct cl_cleanup *cleanups;
	int ncleanups, cleanups_cap;
	unsigned next_temp;
	CXCursor scope;		/* innermost compound or for statement */
	/* GCC merges the returns: "return X" sets retvar, then goes to ret_block. */
	unsigned retvar;
	int ret_block;
	int nreturns;		/* return statements with a value */
	CXCursor ret_expr;	/* the value of the only one */
	struct cl_val ret_val;
};

/* lower.c: cursors */
int cl_children(CXCursor c, CXCursor **out);
void cl_children_release(void);
CXCursor cl_strip(CXCursor c);
CXCursor cl_strip_casts(CXCursor c);
bool cl_is_null(CXCursor c);
const char *cl_spelling(CXCursor c);
struct fl_loc cl_loc(CXCursor c);
struct fl_loc cl_loc_at(CXSourceLocation l);
bool cl_const_value(CXCursor c, long long *v);
const char *cl_record_name(CXType t);
struct cl_var *cl_var_of(struct cl_fn *f, CXCursor ref);
void cl_count_defs(struct cl_fn *f, CXCursor body);

/* lower.c: expressions and events */
struct cl_val cl_expr(struct cl_fn *f, CXCursor c, bool used);
void cl_operand(struct cl_fn *f, CXCursor arg, struct cl_val v,
		struct fl_operand *op);
void cl_return_value(struct cl_fn *f, CXCursor e, struct cl_val v, CXCursor at);
void cl_return_operand(struct cl_fn *f, struct fl_event *ev);
void cl_emit_cleanup(struct cl_fn *f, const struct cl_cleanup *cu);
void cl_lower_decl(struct cl_fn *f, CXCursor var);
int cl_fnptr_compare(struct cl_fn *f, CXCursor a, CXCursor b, const char **fn);
enum fl_dax cl_dax_test(struct cl_fn *f, CXCursor c);
void cl_reach(CXCursor ref);
void cl_reach_name(const char *name);
void cl_lower_function(CXCursor decl);
void cl_lower_ops(CXCursor var);
void cl_reach_init(CXCursor c);
long long cl_flag_value(const char *name);
void cl_note_macro_def(CXCursor c);
void cl_note_enum(CXCursor c);
void cl_want_flags(const struct fl_rules *rules);

/* commands.c: units outside a build */
int cl_run_cmd_file(const char *self, char **opts, int nopts, const char *path);
int cl_run_compdb(const char *self, char **opts, int nopts, const char *path,
		  char **files, int nfiles);

/* cfg.c */
int cl_new_block(struct cl_fn *f);
void cl_edge(struct cl_fn *f, int from, int to, unsigned var,
	     enum fl_relation rel, enum fl_dax dax);
void cl_goto(struct cl_fn *f, int to);
void cl_body(struct cl_fn *f, CXCursor body);
void cl_cond(struct cl_fn *f, CXCursor c, int t, int e);
struct cl_val cl_logical_value(struct cl_fn *f, CXCursor c);
struct cl_val cl_stmt_expr(struct cl_fn *f, CXCursor c);
void cl_stmt(struct cl_fn *f, CXCursor s);
const char *cl_cleanup_of(CXCursor var);
unsigned cl_temp(struct cl_fn *f);

#endif
