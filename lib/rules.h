/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel API knowledge, read from the rules/ directory (format:
 * rules/README.md).
 */
#ifndef FAULTLINE_RULES_H
#define FAULTLINE_RULES_H

#include <stdbool.h>

#include "name_index.h"

#ifdef __cplusplus
extern "C" {
#endif

enum fl_rule_kind {
	FL_RULE_LOCK,	 /* acquires unconditionally */
	FL_RULE_TRYLOCK, /* acquires when the result says success */
	FL_RULE_UNLOCK,
	FL_RULE_BIND,	   /* binds a holder to a lock (gfs2_holder_init) */
	FL_RULE_HELD_TEST, /* returns whether the lock is held */
	FL_RULE_FAULT,	   /* may fault on user memory */
	FL_RULE_NOFAULT_BEGIN,
	FL_RULE_NOFAULT_END,
	FL_RULE_NOFAULT_FIELD, /* a field whose non-zero value disables faults
				*/
	FL_RULE_NOFAULT_FLAG,  /* a flag bit that makes a GUP call nofault */
	FL_RULE_FAULT_OP,      /* an ops-table field called from a page fault */
	FL_RULE_FAULT_PATH_LOCK, /* a lock generic mm code takes in a fault */
	FL_RULE_REMOVE_BLOCKS,	 /* frees or moves a file's blocks (truncate) */
	FL_RULE_LAYOUT_BREAK,	 /* waits for DMA to DAX pages to drain */
	FL_RULE_DAX_API,	 /* a call that makes a unit DAX-capable */
	FL_RULE_DAX_TEST, /* a field whose flag bit says "this inode is DAX" */
	FL_RULE_LAYOUT_ENTRY, /* an ops-table member that may remove blocks */
	FL_RULE_LAYOUT_ENTRY_PARAM, /* a parameter type that marks such a path
				     */
	FL_RULE_LAYOUT_LOCK,   /* the lock that must stay held from break to
				  removal */
	FL_RULE_PAGE_TYPE,     /* the struct a page pointer points to */
	FL_RULE_PAGES_GET,     /* takes page references (FOLL_GET) */
	FL_RULE_PAGES_PIN,     /* pins pages (FOLL_PIN) */
	FL_RULE_PAGES_SINK,    /* reads or writes the pages' data (I/O, DMA) */
	FL_RULE_PAGES_PUT,     /* drops FOLL_GET references */
	FL_RULE_PAGES_UNPIN,   /* drops FOLL_PIN pins */
	FL_RULE_PAGES_MAP,     /* maps a page for CPU access (kmap) */
	FL_RULE_WRITES_TO,     /* writes memory at an argument (memcpy) */
	FL_RULE_INSTANCE_LOCK, /* a class whose instances a type cannot tell
				  apart across units (inode::i_rwsem) */
	FL_RULE_COPY_OUT,    /* a faulting call copying kernel memory to user */
	FL_RULE_FAULT_IN,    /* faults in an iov_iter's user pages (dir=) */
	FL_RULE_PARTIAL_IO,  /* faulting I/O that can stop short (flag=) */
	FL_RULE_PAGES_DIRTY, /* marks a page dirty before its release */
	FL_RULE_ITER_COUNT,  /* the bytes left in an iov_iter argument */
	FL_RULE_ITER_DIR,    /* an iov_iter's direction; flag= names a read */
	FL_RULE_KERNEL_ITER, /* sets up an iov_iter over kernel memory (bvec) */
	FL_RULE_CORE_DIR,    /* a source directory of shared code, not one filesystem */
	FL_RULE_PRIVATE_MM,  /* an mm no task runs yet: GUP on it takes no user pages */
	FL_RULE_PAGES_OWN,   /* returns pages the kernel owns (allocated, page cache) */
	FL_RULE_PAGECACHE_MMAP, /* maps a file through the page cache (filemap_fault) */
	FL_RULE_PAGES_ALIAS, /* returns the same memory as a page argument */
	FL_RULE_PAGES_SINK_FIELD, /* a field whose pages go to I/O (bv_page) */
	FL_RULE_PAGES_INSERT, /* maps a kernel page into a user mapping */
	FL_RULE_WITNESS_ENTRY, /* an ops-table field a user program reaches (syscall=) */
	FL_RULE_DIRECT_IO,     /* direct I/O on a user iterator (O_DIRECT) */
	FL_RULE_LOCK_GUARD,    /* a cleanup.h guard constructor (class_*_constructor) */
	FL_RULE_PAGES_LOOK,    /* keeps no reference to the pages it is given (kfree) */
	FL_RULE_ITER_KIND,     /* tests the kind of memory an iov_iter is over */
	FL_RULE_NKINDS
};

/* A set of rule kinds, one bit each. */
typedef unsigned long long fl_kind_mask;
#define FL_KIND_BIT(k) ((fl_kind_mask)1 << (k))

enum fl_mode {
	FL_MODE_NONE,
	FL_MODE_SHARED,
	FL_MODE_EXCL,
};

enum fl_success {
	FL_SUCCESS_NONE,
	FL_SUCCESS_ZERO,     /* returns 0 on success (errno style) */
	FL_SUCCESS_NONZERO,  /* returns true on success (trylock style) */
	FL_SUCCESS_POSITIVE, /* returns how many it took (pins) */
};

enum fl_dir {
	FL_DIR_NONE,
	FL_DIR_READ,  /* a read into user memory: fault it in writeable */
	FL_DIR_WRITE, /* a write from user memory: fault it in readable */
};

/* witness-entry: the system call that reaches the ops-table field. */
enum fl_syscall {
	FL_SYSCALL_NONE,
	FL_SYSCALL_READ,   /* read(2): the kernel writes the user buffer */
	FL_SYSCALL_WRITE,  /* write(2): the kernel reads the user buffer */
	FL_SYSCALL_FIEMAP, /* ioctl(FS_IOC_FIEMAP): extents copied out */
};

enum fl_scope {
	FL_SCOPE_NONE,
	FL_SCOPE_OBJECT, /* applies to the object the field belongs to */
	FL_SCOPE_TASK,	 /* applies to everything the task does */
};

struct fl_rule {
	enum fl_rule_kind kind;
	const char *name;	/* function, TYPE::FIELD, macro or lock class */
	int arg;		/* lock object argument (1-based), 0 if none */
	int holder;		/* the lock is the one bound to this argument */
	int bind;		/* binds this holder argument to the lock */
	int iter;		/* iov_iter argument of a faulting call */
	int gup_flags;		/* FOLL_* flags argument of a faulting call */
	const char *field;	/* the lock is arg->field */
	const char *lock_class; /* fixed lock class */
	const char *except;	/* lock class a faulting call may hold */
	const char *flag;	/* flag macro of a dax-test */
	const char
		*instead; /* the API to use instead (pages-get, -put, -unpin) */
	enum fl_mode mode;
	enum fl_success success;
	enum fl_scope scope;
	int flags_arg;	  /* partial-io: the flags argument */
	int done_arg;	  /* partial-io: the count-already-done argument */
	enum fl_dir dir;  /* fault-in: the I/O it prepares for */
	int count_arg;	  /* array release: the number-of-pages argument */
	int dirty_arg;	  /* array unpin: the make-dirty argument */
	bool renames;	  /* pages-get: instead= takes the same arguments */
	bool nowait;	  /* trylock: never waits for the lock (wait=no) */
	int mm_arg;	  /* pages-get: the mm argument (mm=) */
	int addr_arg;	  /* pages-get, pages-insert: the user address (addr=) */
	int mode_arg;	  /* lock: the argument that chooses the mode (mode=argN) */
	const char *excl_flag; /* with mode=argN: the value meaning exclusive */
	bool via_pagecache; /* fault-op: only on files mapped through the page
			     * cache (via=pagecache) */
	enum fl_syscall syscall; /* witness-entry: which system call (syscall=) */
	/* lock-guard: NAME, release= and type= are patterns with one "*" */
	const char *release; /* the cleanup that ends the guard (release=) */
	const char *type_pattern; /* the guard variable's type (type=) */
	/* A call on &guard whose result is non-zero (held-if=), or zero
	 * (error=), exactly when a conditional guard took its lock. */
	const char *held_if;
	const char *error;
	const char *file; /* where the rule was read */
	int line;
};

struct fl_rules {
	struct fl_rule *rules;
	int nrules;
	int cap;
	/* By name; built by fl_rules_find when rules were added since. */
	struct fl_name_index index;
};

/*
 * Parse one rules file into rules.  Returns the number of errors; each is
 * reported through error(ctx, "FILE:LINE: message").  Good lines are kept.
 */
int fl_rules_parse_file(struct fl_rules *rules, const char *path,
			void (*error)(void *ctx, const char *msg), void *ctx);

/* Where the rules are, relative to a front end's .so or executable. */
const char *fl_rules_default_dir(const char *file);
/* The rules beside the running program (/proc/self/exe, else argv0). */
const char *fl_rules_beside_program(const char *argv0);

/* Parse every *.rules file of a directory, in name order. */
int fl_rules_load_dir(struct fl_rules *rules, const char *dir,
		      void (*error)(void *ctx, const char *msg), void *ctx);

/* The rule of a function or name, of any kind in kinds (a bit mask). */
const struct fl_rule *fl_rules_find(const struct fl_rules *rules,
				    const char *name, fl_kind_mask kinds);

/*
 * lock-guard rules: the rule whose constructor pattern matches callee, or
 * whose release= pattern does, and the cleanup a guard variable of a type
 * runs (for a front end that cannot see the cleanup attribute), or NULL.
 */
const struct fl_rule *fl_rules_guard_constructor(const struct fl_rules *rules,
						 const char *callee);
const struct fl_rule *fl_rules_guard_release(const struct fl_rules *rules,
					     const char *callee);
const char *fl_rules_guard_cleanup(const struct fl_rules *rules,
				   const char *type);
/*
 * A call that tests a guard (class_mutex_try_lock_ptr(&scope)): whether its
 * result says the lock is held when non-zero or when zero; NONE if callee
 * is no such test.
 */
enum fl_success fl_rules_guard_test(const struct fl_rules *rules,
				    const char *callee);

void fl_rules_free(struct fl_rules *rules);

const char *fl_mode_name(enum fl_mode mode);

#ifdef __cplusplus
}
#endif

#endif
