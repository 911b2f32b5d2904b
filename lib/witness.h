/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a user program must do to reach a fault-under-lock finding: the
 * ops-table member a system call enters by (witness-entry rules), the
 * chain of calls from it to the finding, and whether the faulting call is
 * direct I/O (direct-io rules).  faultline-witness writes the program.
 */
#ifndef FAULTLINE_WITNESS_H
#define FAULTLINE_WITNESS_H

#include "link.h"

#ifdef __cplusplus
extern "C" {
#endif

#define LN_WITNESS_MAX_CHAIN 8

struct ln_witness {
	const struct ln_function *fn;	 /* the function of the finding */
	const struct ln_call *call;	 /* the faulting call */
	const struct ln_function *entry; /* the ops-table member */
	const char *entry_field;	 /* its TABLE::FIELD */
	enum fl_syscall syscall;
	bool direct;			 /* reached with O_DIRECT */
	const char *direct_via;		 /* the direct-io call, if direct */
	/* entry first, fn last */
	const struct ln_function *chain[LN_WITNESS_MAX_CHAIN];
	int nchain;
	char why_not[256]; /* set when no program can be written */
};

/*
 * Plan a witness for finding f (a fault-under-lock of a linked program).
 * Returns 0, or -1 with w->why_not saying what cannot be mapped.
 */
int ln_witness_plan(const struct ln_program *prog, const struct ln_finding *f,
		    struct ln_witness *w);

#ifdef __cplusplus
}
#endif

#endif
