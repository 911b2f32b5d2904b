/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal failures stay faultline's: a fault (SIGSEGV, SIGBUS, SIGFPE,
 * SIGILL) or an abort (out of memory) inside its own code must not fail
 * the compile or the check it runs in.  The front end runs each piece of
 * its work through fl_recover_run(); when that piece fails, it reports
 * "faultline: internal error in FUNCTION, skipped" and goes on without it.
 */
#ifndef FAULTLINE_RECOVER_H
#define FAULTLINE_RECOVER_H

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Run fn(arg) with handlers that return here on a fatal signal, the
 * host's own handlers restored afterwards.  False when fn failed.  A call
 * from inside fn runs its fn directly (the outer one recovers).
 */
bool fl_recover_run(void (*fn)(void *arg), void *arg);

/*
 * The function being worked on, for the report: set by the lockset and
 * the front ends' lowering, NULL outside any function.
 */
extern const char *fl_recover_function;

/*
 * Where the test suite makes faultline fail on purpose: with
 * FAULTLINE_DEBUG_CRASH=PHASE:FUNCTION in the environment, a fault is
 * raised when PHASE ("lower" or "check") reaches FUNCTION.
 */
void fl_recover_point(const char *phase, const char *function);

#ifdef __cplusplus
}
#endif

#endif
