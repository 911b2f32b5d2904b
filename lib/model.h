/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The engine-neutral program model.
 *
 * A front end (the GCC plugin today) lowers each function of a translation
 * unit into basic blocks of events: calls, field stores, assignments and
 * returns, with conditional edges that test a variable against zero.  The
 * checks in lib/ see only this model and the rules, never compiler types.
 */
#ifndef FAULTLINE_MODEL_H
#define FAULTLINE_MODEL_H

#include <stdbool.h>
#include <stdio.h>

#include "name_index.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A source position; cookie is the front end's own handle (a location_t). */
struct fl_loc {
	const char *file;
	int line;
	int column;
	unsigned long cookie;
};

/*
 * One call argument or stored value, as far as the front end understood it.
 * Variables are named by keys (non-zero, unique within a function).
 */
struct fl_operand {
	const char
		*lock_class; /* "gfs2_inode::i_gl", "var:foo_mutex" or NULL */
	const char *display; /* the expression as written: "ip->i_gl" */
	const char *pointee; /* struct a pointer argument points to, or NULL */
	unsigned var;	     /* variable holding the value, or 0 */
	int param;	     /* 1-based parameter of this function, or 0 */
	const char *object;  /* page or page array the value points into */
	/* The address of a field of local variable base_var (&msg.msg_iter)
	 * or of what parameter base_param points to (&msg->msg_iter). */
	unsigned base_var;
	int base_param;
	const char
		*function; /* the value is this function's address, or NULL */
	bool is_const;
	long long value;
};

enum fl_event_kind {
	FL_EV_CALL,   /* callee(args...), result stored in result_var */
	FL_EV_STORE,  /* base_var->field = value, field named by class */
	FL_EV_ASSIGN, /* var = something: what we knew about var is stale */
	FL_EV_RETURN, /* return value */
	FL_EV_FLOW,   /* pages of src_object may now be in dst_object */
	FL_EV_WRITE,  /* the CPU writes page data of src_object (via callee) */
};

struct fl_event {
	enum fl_event_kind kind;
	struct fl_loc loc;
	/* FL_EV_CALL */
	const char *callee;
	const char *macro; /* the macro the call was written through, or NULL */
	/*
	 * The call runs only when parameter fnptr_param points to the callee:
	 * "if (p == f) f(...)", as INDIRECT_CALL_1(p, f, ...) devirtualizes
	 * p(...).  Set by lib (fl_mark_guarded_calls) from the edges.
	 */
	int fnptr_param;
	int nargs;
	struct fl_operand *args;
	unsigned result_var;
	const char *result_object; /* page object the result is stored in */
	/* FL_EV_STORE: field_class is "TYPE::FIELD" */
	const char *field_class;
	unsigned base_var;
	/* FL_EV_STORE and FL_EV_RETURN */
	struct fl_operand value;
	/* FL_EV_ASSIGN */
	unsigned var;
	/* FL_EV_FLOW */
	const char *dst_object;
	const char *src_object;
};

/* What a conditional edge knows about a variable when it is taken. */
enum fl_relation {
	FL_REL_NONE,
	FL_REL_EQ0,
	FL_REL_NE0,
	FL_REL_LT0,
	FL_REL_GE0,
	FL_REL_GT0,
	FL_REL_LE0,
};

/* What a conditional edge knows about the inode being DAX (IS_DAX()). */
enum fl_dax {
	FL_DAX_UNKNOWN,
	FL_DAX_YES,
	FL_DAX_NO,
};

struct fl_edge {
	int dest;
	unsigned cond_var;
	enum fl_relation rel;
	enum fl_dax dax;
	/* Taken only when parameter fnptr_param points to function fnptr. */
	int fnptr_param;
	const char *fnptr;
};

struct fl_block {
	struct fl_event *events;
	int nevents;
	struct fl_edge *succs;
	int nsuccs;
};

struct fl_summary;

/*
 * A pin still held at a return unless the function of another unit its
 * pages were handed to keeps it (lib/check_pin_leak.c, for the facts).
 */
struct fl_pin_leak {
	struct fl_loc ret;
	const char *pin_callee; /* pin_user_pages_fast */
	struct fl_loc pin;
	const char *callee; /* no body in the unit */
	int arg;
	struct fl_loc call;
};

struct fl_function {
	const char *name;
	struct fl_loc loc;
	bool is_static;
	struct fl_block *blocks;
	int nblocks;
	int entry;
	struct fl_summary *summary; /* filled in by lib/summary.c */
	const char **param_types; /* struct each parameter points to, or NULL */
	int nparams;
	const char **param_objects; /* page object of each parameter */
	/*
	 * Per parameter: it points to the caller's page-array pointer, which
	 * the function fills (struct page ***pages): its pages flow back out.
	 */
	bool *param_pages_out;
	unsigned long handle; /* the front end's own handle (a FUNCTION_DECL) */
	char *facts_calls; /* its call records (lib/facts_write.c), or NULL */
	unsigned long facts_calls_len, facts_calls_cap;
	struct fl_pin_leak *pin_leaks; /* filled in by lib/check_pin_leak.c */
	int npin_leaks;
};

/* A function pointer in a static initializer: gfs2_vm_ops.page_mkwrite. */
struct fl_ops_entry {
	const char *table_type; /* "vm_operations_struct" */
	const char *field;	/* "page_mkwrite" */
	const char *function;	/* "gfs2_page_mkwrite" */
	struct fl_loc loc;
};

struct fl_diag_sink {
	void (*warning)(void *ctx, const struct fl_function *fn,
			const struct fl_loc *loc, const char *msg);
	void (*note)(void *ctx, const struct fl_loc *loc, const char *msg);
	void *ctx;
};

struct fl_rules;
struct fl_pageflow;

struct fl_unit {
	/* The main source file, as function locations name it (or NULL). */
	const char *source;
	struct fl_function **funcs;
	int nfuncs;
	int funcs_cap;
	struct fl_name_index funcs_index; /* built by fl_unit_find */
	struct fl_ops_entry *ops;
	int nops;
	int ops_cap;
	const struct fl_rules *rules;
	const struct fl_pageflow *pageflow; /* built by lib/pageflow.c */
	/* Values of flag macros the rules name (FOLL_NOFAULT); -1 unknown. */
	long long (*flag_value)(const char *name);
	/*
	 * Called with every call and its fixpoint state while summaries are
	 * computed (lib/facts_write.c records facts this way, saving a pass).
	 */
	void (*observe_call)(const struct fl_unit *unit,
			     const struct fl_function *fn,
			     const struct fl_event *ev, const void *state);
};

/* Allocation helpers for front ends.  A unit lives as long as the process
 * that analyses it (one compiler run), so nothing is freed. */
struct fl_unit *fl_unit_new(const struct fl_rules *rules);
struct fl_function *fl_unit_add_function(struct fl_unit *unit,
					 const char *name);
void fl_unit_add_ops(struct fl_unit *unit, const char *table_type,
		     const char *field, const char *function,
		     const struct fl_loc *loc);
struct fl_function *fl_unit_find(const struct fl_unit *unit, const char *name);
struct fl_event *fl_block_add_event(struct fl_block *block,
				    enum fl_event_kind kind);
void fl_block_add_edge(struct fl_block *block, int dest, unsigned cond_var,
		       enum fl_relation rel, enum fl_dax dax);
/* The edge just added is taken only when parameter param points to fn. */
void fl_block_edge_fnptr(struct fl_block *block, int param, const char *fn);
const char *fl_strdup(const char *s);
void *fl_xcalloc(unsigned long n, unsigned long size);
void *fl_xrealloc(void *p, unsigned long size);

/* What the other edge of a two-way branch knows: x == 0 <-> x != 0, ... */
enum fl_relation fl_relation_negate(enum fl_relation rel);
enum fl_dax fl_dax_negate(enum fl_dax dax);

/*
 * The value of a flag macro's body as kernel headers write them: "0x80000",
 * "(1 << 19)", "((1U << 3))"; -1 for anything else.
 */
long long fl_parse_flag_value(const char *body);

/*
 * Mark the calls an edge says run only when a function-pointer parameter
 * points to their callee (struct fl_event::fnptr_param).
 */
void fl_mark_guarded_calls(struct fl_function *fn);

/*
 * A fault through what a parameter points to (its iterator, or the struct
 * holding one: &msg->msg_iter) reads that memory as a struct of one type.
 * The type a caller's fault then depends on: the caller's parameter's
 * struct when the caller's own call reads it (a rule's faulting call, or
 * &param->field), else what the callee's fault depends on.  Shared by the
 * unit summary and the link, which see the same calls.
 */
/* The struct parameter param (1-based) of fn points to, or NULL. */
const char *fl_param_type(const struct fl_function *fn, int param);

const char *fl_fault_object_type(bool own_call, const char *callee_type,
				 bool is_field, const char *param_type);

/*
 * A caller passing an object of another struct type (ip6_append_data's
 * void *from given an icmpv6_msg, not a msghdr) gives no such fault.
 */
bool fl_fault_object_excluded(const char *fault_type, const char *arg_type);

/* A readable dump of the model, for debugging the lowering. */
void fl_dump_unit(const struct fl_unit *unit, FILE *out);

/* Run every check of this unit, reporting through sink. */
void fl_check_unit(struct fl_unit *unit, const struct fl_diag_sink *sink);

#ifdef __cplusplus
}
#endif

#endif
