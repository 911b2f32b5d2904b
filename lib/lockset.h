/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-function lockset dataflow: at every event, which locks are held (and
 * in which mode), and whether page faults are disabled.
 *
 * Lock identity is the lock's class: the struct type and field that hold it
 * ("gfs2_inode::i_gl"), a global's name ("var:foo_mutex"), or a class the
 * rules fix.  A lock whose class is unknown is not tracked at all: a checker
 * that guesses identities produces false reports.
 */
#ifndef FAULTLINE_LOCKSET_H
#define FAULTLINE_LOCKSET_H

#include "model.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

struct fl_held {
	const char *lock_class; /* NULL: the lock is parameter `param` itself */
	const char *display;
	enum fl_mode mode;
	int param;	   /* lock object is this parameter (summaries) */
	unsigned cond_var; /* 0: held; else held iff cond_var means success */
	enum fl_success success;
	struct fl_loc loc; /* where it was taken */
	const char *via;   /* wrapper that took it, or NULL */
	bool may_only;	   /* held on some paths here, not all */
	bool is_pin;	   /* a FOLL_PIN of object, not a lock */
	bool voided;	   /* a pin whose result said nothing was pinned */
	/* A pin whose pages went to a function with no body in the unit
	 * (handed_to, argument handed_arg): whether it still holds them is
	 * for the link to say. */
	const char *handed_to;
	int handed_arg;
	struct fl_loc handed_loc;
	const char *object;
};

struct fl_state {
	bool reached;
	struct fl_held *held;
	int nheld;
	struct fl_held
		*released; /* released here, not taken here (summaries) */
	int nreleased;
	bool nofault;		/* inside pagefault_disable() */
	bool task_nofault;	/* current->faults_disabled_mapping set */
	unsigned *nofault_objs; /* variables whose ->nofault is set */
	int nnofault_objs;
	/* DAX layouts: broken on some path here; inode proven not DAX. */
	bool layout_broken;
	struct fl_loc break_loc;
	const char *break_lock; /* layout-lock class held at the break */
	const char *break_lock_display;
	bool not_dax;
};

/* A lock effect of a function on its caller (acquired or released). */
struct fl_effect {
	const char *lock_class;
	const char *display;
	enum fl_mode mode;
	int param;
	enum fl_success success; /* conditional on the return value */
	struct fl_loc loc;
};

/* A lock a function takes somewhere inside (for fault-path lock sets). */
struct fl_take {
	const char *lock_class;
	const char *display;
	enum fl_mode mode;
	const char *function; /* function whose code takes it */
	struct fl_loc loc;
};

/*
 * One way a function faults: the first faulting call under a condition
 * (none: always) on what its caller passes.
 */
struct fl_fault_site {
	const char *callee; /* the call that faults, for notes */
	struct fl_loc loc;
	int iter_param; /* only through this iov_iter param */
	/* read as this struct (fl_fault_object_type), or NULL: any */
	const char *iter_type;
	/* and only when this function-pointer param points to fnptr */
	int fnptr_param;
	const char *fnptr;
};

#define FL_MAX_FAULT_SITES 4

struct fl_summary {
	int status; /* 0 new, 1 being computed, 2 done */
	struct fl_effect *acquires;
	int nacquires;
	struct fl_effect *releases;
	int nreleases;
	/*
	 * Locks held at a return on some paths only, or under a condition
	 * the result does not carry (a conditional guard's constructor keeps
	 * it in the struct it returns): only a guard test can tell.
	 */
	struct fl_effect *cond_acquires;
	int ncond_acquires;
	bool may_fault;
	/*
	 * The ways it faults, unconditional first, then by source order: one
	 * unconditional site, or up to FL_MAX_FAULT_SITES conditions (more are
	 * dropped: a possible miss, never a false report).
	 */
	struct fl_fault_site faults[FL_MAX_FAULT_SITES];
	int nfaults;
	/* Parameters it sets up as iterators over kernel memory (bit P-1). */
	unsigned long long kernel_iter_params;
	/*
	 * Lock classes the function releases before every faulting call
	 * (ocfs2_fiemap_inline drops its caller's ip_alloc_sem): a caller
	 * holding one of them does not hold it across the fault.
	 */
	const char **fault_released;
	int nfault_released;
	struct fl_take *takes;
	int ntakes;
	bool breaks_layouts;   /* breaks DAX layouts on some path */
	bool removes_unbroken; /* removes blocks with no break before */
	const char *remove_callee;
	struct fl_loc remove_loc;
};

/* What a faulting call is, once rules and summaries are consulted. */
struct fl_fault_call {
	const char *callee;
	int iter_arg;	    /* 1-based iov_iter argument, or 0 */
	const char *iter_type; /* the callee's fault_iter_type, if a summary */
	/* The fault happens only when argument fnptr_arg points to fnptr. */
	int fnptr_arg;
	const char *fnptr;
	const char *except; /* a lock class the call may hold */
	const struct fl_function
		*via; /* static function that faults, or NULL */
	const struct fl_fault_site *site; /* via's way of faulting */
};

/*
 * The struct type of the object an argument points to, when it is not the
 * caller's parameter or a field of one (those are the caller's caller's to
 * decide): &local, a local pointer.  NULL if unknown.  The facts write it
 * (K:*TYPE) for the link.
 */
const char *fl_operand_object_type(const struct fl_operand *op);

struct fl_hooks {
	/* Called for every call once the state has reached its fixpoint. */
	void (*call)(void *ctx, const struct fl_function *fn,
		     const struct fl_event *ev, const struct fl_state *before);
	/* Called with the state at each return. */
	void (*ret)(void *ctx, const struct fl_function *fn,
		    const struct fl_event *ev, const struct fl_state *before);
	/* Called with the state before each assignment to a variable. */
	void (*assign)(void *ctx, const struct fl_function *fn,
		       const struct fl_event *ev,
		       const struct fl_state *before);
	void *ctx;
};

/* Run the dataflow over fn, then call hooks with the fixpoint states. */
void fl_lockset_run(const struct fl_unit *unit, const struct fl_function *fn,
		    const struct fl_hooks *hooks);

/*
 * Whether ev may fault on user memory given the state before it; fills
 * *what.  Calls inside a nofault region or on a nofault iterator do not.
 */
bool fl_call_may_fault(const struct fl_unit *unit, const struct fl_event *ev,
		       const struct fl_state *st, struct fl_fault_call *what);

/*
 * Every way ev may fault (a callee with a summary may fault under several
 * conditions on its arguments), the callee's unconditional one first: how
 * many are filled in what.  fl_call_may_fault gives the first.
 */
int fl_call_faults(const struct fl_unit *unit, const struct fl_event *ev,
		   const struct fl_state *st,
		   struct fl_fault_call what[FL_MAX_FAULT_SITES]);

/* The lock a lock rule names at this call; false when it is unknown. */
bool fl_rule_lock_operand(const struct fl_unit *unit,
			  const struct fl_function *fn, const struct fl_rule *r,
			  const struct fl_event *ev, struct fl_held *out);

/*
 * The lock a cleanup.h guard constructor call (a lock-guard rule) takes:
 * its argument's, which the constructor's own summary names by the guard
 * struct's field.  False when ev is no such call or the lock is unknown.
 */
bool fl_guard_lock(const struct fl_unit *unit, const struct fl_function *fn,
		   const struct fl_event *ev, struct fl_held *out);

/*
 * What kind of memory the iov_iter var of fn is over, as far as fn says:
 * set up over kernel memory (a kernel-iter rule, or a helper of the unit
 * that does that to its parameter), or tested (an iter-kind rule).
 * Flow-insensitive: anywhere in fn.
 */
bool fl_iter_is_kernel(const struct fl_unit *unit,
		       const struct fl_function *fn, unsigned var);
bool fl_iter_kind_tested(const struct fl_unit *unit,
			 const struct fl_function *fn, unsigned var);

/* Compute summaries of every function of the unit (bottom-up). */
void fl_summarize_unit(struct fl_unit *unit);

/* Whether the call's fault happens with lock_class dropped or allowed. */
bool fl_fault_spares(const struct fl_fault_call *fc, const char *lock_class);

/* Whether variable var is an iterator with faults disabled in st. */
bool fl_state_nofault_var(const struct fl_state *st, unsigned var);

/* Whether a call only manages locks or fault state (a lock rule). */
bool fl_call_is_locking(const struct fl_unit *unit, const struct fl_event *ev);

bool fl_modes_conflict(enum fl_mode a, enum fl_mode b);

/* Whether a call removes blocks / breaks layouts (rules or a summary). */
bool fl_call_removes_blocks(const struct fl_unit *unit,
			    const struct fl_event *ev);
bool fl_call_breaks_layouts(const struct fl_unit *unit,
			    const struct fl_event *ev);

/* The layout-lock fact held in st, or NULL. */
const struct fl_held *fl_held_layout_lock(const struct fl_unit *unit,
					  const struct fl_state *st);

#ifdef __cplusplus
}
#endif

#endif
