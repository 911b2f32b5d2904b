/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The link step: the facts of many units (lib/facts.h) read back, calls
 * resolved across units, whole-program summaries, and the findings that
 * only show when units are put together.
 */
#ifndef FAULTLINE_LINK_H
#define FAULTLINE_LINK_H

#include "model.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Call flags, as letters in the facts. */
#define LN_CALL_FAULTS 0x1  /* 'f': faults, as the unit itself knows */
#define LN_CALL_NOFAULT 0x2 /* 'n': faults disabled around the call */
#define LN_CALL_BROKEN 0x4  /* 'b': DAX layouts broken on some path */
#define LN_CALL_NOT_DAX 0x8 /* 'd': the inode is proven not DAX */

#define LN_ARG_NOFAULT (-1) /* an iterator with faults disabled */

struct ln_held {
	const char *lock_class;
	enum fl_mode mode;
	const char *display;
	struct fl_loc loc;
	const char *via;
};

struct ln_function;

struct ln_call {
	const char *callee;
	unsigned flags;
	struct fl_loc loc;
	const char *macro;
	const char **spared; /* lock classes its fault leaves alone */
	int nspared;
	int *arg_param; /* per argument: caller's param, LN_ARG_NOFAULT or 0 */
	const char **arg_fn; /* per argument: the function it points to */
	int *arg_field; /* per argument: the parameter whose struct holds it */
	/* per argument: the struct it points to (K:*TYPE), or for K:fJ*TYPE
	 * the struct parameter J points to */
	const char **arg_type;
	int guard_param; /* runs only when this parameter points to callee */
	int nargs;
	struct ln_held *held;
	int nheld;
	struct ln_function *target; /* resolved definition, or NULL */
};

struct ln_take {
	const char *lock_class;
	enum fl_mode mode;
	const char *function;
	const char *display;
	struct fl_loc loc;
};

struct ln_remove {
	const char *callee;
	struct fl_loc loc;
};

/* Page flow (FACTS.md "Pages", lib/link_gup.c). */

/* psrc: a pages-get or pages-pin call of the unit. */
struct ln_page_source {
	const char *function;
	bool pinned; /* FOLL_PIN (pages-pin), else FOLL_GET */
	const char *callee;
	struct fl_loc loc;
};

/* psink kinds: the rule kind of the sink. */
#define LN_SINK_CALL 'c'  /* a pages-sink call */
#define LN_SINK_FIELD 'f' /* a store into a pages-sink-field (callee: it) */
#define LN_SINK_WRITE 'w' /* a CPU write through a pages-map call */
/* prel kinds: which pages the release is for. */
#define LN_REL_GET 'g' /* pages-put */
#define LN_REL_PIN 'p' /* pages-unpin */

/* psink or prel: where a parameter's pages end inside the unit. */
struct ln_page_use {
	int param;
	char kind;
	bool release; /* prel */
	const char *callee;
	const char *function; /* whose code makes the call */
	struct fl_loc loc;
};

/* ppass: a parameter's pages go to an argument of an external call. */
struct ln_page_pass {
	int param;
	int arg;
	const char *callee;
	struct fl_loc loc;
	struct ln_function *target;
};

/* pleak: a pin held at a return unless the callee it went to keeps it. */
struct ln_pin_leak {
	struct fl_loc ret;
	const char *pin_callee;
	struct fl_loc pin;
	const char *callee;
	int arg;
	struct fl_loc call;
};

/* One K:sN or K:pJ of a pcall: source or param is set, not both. */
struct ln_page_arg {
	int arg;
	int source; /* 1-based into the unit's psrcs, or 0 */
	int param;
};

/* pcall: a call of this function whose arguments carry pages. */
struct ln_page_call {
	const char *callee;
	struct fl_loc loc;
	struct ln_page_arg *args;
	int nargs;
	struct ln_function *target;
};

enum ln_page_end_kind { LN_END_SINK, LN_END_PUT, LN_END_UNPIN, LN_NENDS };

/* Where a parameter's pages end, whole-program (lib/link_gup.c). */
struct ln_page_end {
	const struct ln_page_use *use;	 /* NULL: nowhere known */
	const struct ln_function *owner; /* the function of use's record */
	const struct ln_page_pass *via;	 /* NULL: its own unit's record */
};

struct ln_unit;

/*
 * Where a function faults, for the notes and for what the fault spares: a
 * call of its own unit's facts (callee at loc), or via, a call into another
 * function.
 */
struct ln_fault_way {
	const char *callee;
	struct fl_loc loc;
	const struct ln_call *via;
};

/* What a conditional fault depends on (all of what is set). */
struct ln_fault_cond {
	int param;	 /* the iterator of this parameter is user memory */
	const char *type; /* ... and it points to this struct (or any) */
	int fnptr_param; /* this parameter points to function fnptr */
	const char *fnptr;
	struct ln_fault_way way; /* where; not part of the condition */
};

/* A fault through several parameters: under any of these. */
#define LN_MAX_FAULT_CONDS 4
struct ln_fault_conds {
	struct ln_fault_cond c[LN_MAX_FAULT_CONDS];
	int n;
};

enum ln_fault {
	LN_FAULT_NONE,
	LN_FAULT_PARAM, /* only under one of the conditions fault_conds */
	LN_FAULT_ALWAYS,
};

struct ln_function {
	const char *name;
	bool is_static;
	struct fl_loc loc;
	const char *root_reason; /* roots a block-removing path, or NULL */
	struct ln_unit *unit;
	/* From the unit. */
	bool unit_faults;
	/* Its fault records: PARAM, itype, fnptr (one if unconditional). */
	struct ln_fault_conds unit_conds;
	const char **fault_spared; /* released before every fault */
	int nfault_spared;
	struct ln_take *takes;
	int ntakes;
	bool breaks_layouts;
	struct ln_call *calls;
	int ncalls;
	struct ln_remove *removes;
	int nremoves;
	struct ln_page_use *page_uses;
	int npage_uses;
	struct ln_page_pass *page_passes;
	int npage_passes;
	struct ln_page_call *page_calls;
	int npage_calls;
	unsigned long long page_looks; /* plook: bit P-1, parameter P */
	struct ln_pin_leak *pin_leaks;
	int npin_leaks;
	/* Whole-program summaries (lib/link.c). */
	enum ln_fault fault;
	struct ln_fault_conds fault_conds;
	struct ln_fault_way fault_way; /* where, when it always faults */
	bool removes_unbroken;
	const struct ln_call *remove_via; /* NULL: one of its own removes */
	struct ln_page_end (*page_ends)[LN_NENDS]; /* per parameter */
	int npage_params;
	struct ln_function *hash_next;
	int mark;
};

struct ln_op {
	const char *table_type;
	const char *field;
	const char *function;
	struct fl_loc loc;
};

struct ln_note {
	struct fl_loc loc;
	const char *msg;
};

/* A finding, the plugin's (read from the facts) or the link's own. */
struct ln_finding {
	const char *check;
	const char *function;
	struct fl_loc loc;
	const char *msg;
	struct ln_note *notes;
	int nnotes;
	bool cross_unit; /* found by the link step */
	const char *object;
	int fn_line;		/* where the function's name is, for markers */
	const char *suppressed; /* a marker's reason, or NULL */
	bool baselined;		/* accepted in the baseline file */
	bool absent;		/* fixed: gone since the baseline (gate) */
};

struct ln_unit {
	const char *source;
	const char *dir; /* its directory: one filesystem or driver (its own
			  * source for a core-dir unit) */
	const char *object;
	bool dax;
	struct ln_function **funcs;
	int nfuncs;
	struct ln_op *ops;
	int nops;
	struct ln_finding *diags; /* what the plugin reported in this unit */
	int ndiags;
	struct ln_page_source *page_sources;
	int npage_sources;
	int version; /* of its facts */
	unsigned long hash;
};

struct ln_program {
	const struct fl_rules *rules;
	struct ln_unit **units;
	int nunits;
	struct ln_function **fn_hash; /* every function, chained by name */
	unsigned fn_hash_size;
	struct ln_finding *findings; /* the link's own, in report order */
	int nfindings;
	int nerrors;   /* corrupt or unreadable facts */
	const char **error_msgs;
	int nobjects;  /* objects read */
	int nbare;     /* objects without facts */
	int nduplicate; /* units seen before (ld -r composites) */
	void (*error)(void *ctx, const char *msg);
	void *error_ctx;
	const char *srcroot; /* where relative source paths start, or NULL */
};

/* Record (and pass on to prog->error) an input error. */
void ln_error(struct ln_program *prog, const char *msg);

void ln_program_init(struct ln_program *prog, const struct fl_rules *rules,
		     void (*error)(void *ctx, const char *msg), void *ctx);

/*
 * Read the facts section of one object (one or more units: ld -r joins
 * sections).  A corrupt unit is reported through prog->error with the
 * object's name and the line, and skipped; the others are kept.
 */
void ln_read_facts(struct ln_program *prog, const char *object,
		   const char *text, unsigned long len);

/*
 * Read an object, a directory searched for *.o (and checkers' side files
 * without an object), or a file listing such paths one a line.  What
 * cannot be read is reported through prog->error and skipped.
 */
void ln_read_path(struct ln_program *prog, const char *path);
void ln_read_list(struct ln_program *prog, const char *file);

/* An interned copy of s: equal strings are the same pointer. */
const char *ln_intern(const char *s);

/* Free a unit and what it owns (not the interned strings). */
void ln_unit_free(struct ln_unit *unit);
/* Free every unit, finding and error of a program; init it again to reuse. */
void ln_program_free(struct ln_program *prog);
/* Free every interned string: only once nothing read refers to them. */
void ln_intern_free(void);

/*
 * Every finding of a linked program, the plugin's (read from the facts)
 * and the link's, in *out (to free); returns how many.
 */
int ln_all_findings(struct ln_program *prog, struct ln_finding ***out);

/* Resolve calls, compute whole-program summaries, run the link checks. */
void ln_link(struct ln_program *prog);

/* The definition a call from unit means by name, or NULL. */
struct ln_function *ln_resolve(const struct ln_program *prog,
			       const struct ln_unit *unit, const char *name);

/*
 * The function an ops-table member names, if the rules give its field
 * (TABLE::FIELD, interned into *field) the kind; else NULL.
 */
struct ln_function *ln_op_function(const struct ln_program *prog,
				   const struct ln_unit *unit,
				   const struct ln_op *op, enum fl_rule_kind kind,
				   const char **field);

/* What a call contributes to its caller's fault state (*param: through
 * which of the caller's iterator parameters). */
enum ln_fault ln_call_faults(const struct ln_call *c,
			     struct ln_fault_conds *conds);

/* The way the call's target faults that its arguments allow, or NULL. */
const struct ln_fault_way *ln_call_fault_way(const struct ln_call *c);

/* Whether the plugin already reported check at loc. */
/* Apply step to every function of the program until none changes. */
void ln_fixpoint(struct ln_program *prog,
		 bool (*step)(struct ln_function *fn));

bool ln_plugin_reported(const struct ln_unit *unit, const char *check,
			const struct fl_loc *loc);

struct ln_finding *ln_add_finding(struct ln_program *prog, const char *check,
				  const struct ln_function *fn,
				  const struct fl_loc *loc, const char *msg);
void ln_add_note(struct ln_finding *f, const struct fl_loc *loc,
		 const char *msg);

/* The link checks, one file each: link_<check>.c */
void ln_check_fault_under_lock(struct ln_program *prog);
void ln_check_dax_no_layout_break(struct ln_program *prog);
void ln_check_gup(struct ln_program *prog); /* gup-unpinned, pin-mismatch */
void ln_check_pin_leak(struct ln_program *prog);

/* Writers: GCC-style text and SARIF 2.1.0. */
void ln_print_finding(FILE *out, const struct ln_finding *f);
int ln_write_sarif(const struct ln_program *prog, const char *path,
		   const char *srcroot, const char *version);

#ifdef __cplusplus
}
#endif

#endif
