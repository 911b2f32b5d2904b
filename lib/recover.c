// SPDX-License-Identifier: GPL-2.0
/*
 * Recovering from faultline's own faults (recover.h).  The handlers jump
 * back to fl_recover_run() on an alternate stack, so a stack overflow in a
 * deep recursion is caught too.  What the failed piece allocated is
 * leaked: the process is a compiler or a checker that exits soon.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "recover.h"

const char *fl_recover_function;

static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
#define NFATAL (sizeof(fatal_signals) / sizeof(fatal_signals[0]))

static sigjmp_buf recover_point;
static volatile sig_atomic_t recovering;

static void on_fatal(int sig)
{
	(void)sig;
	siglongjmp(recover_point, 1);
}

bool fl_recover_run(void (*fn)(void *arg), void *arg)
{
	static char alt[64 * 1024];
	struct sigaction sa, old[NFATAL];
	stack_t ss, old_ss;
	bool ok = true;
	unsigned i;

	if (recovering) {
		fn(arg);
		return true;
	}
	memset(&ss, 0, sizeof(ss));
	ss.ss_sp = alt;
	ss.ss_size = sizeof(alt);
	sigaltstack(&ss, &old_ss);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal;
	sa.sa_flags = SA_ONSTACK | SA_NODEFER;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &sa, &old[i]);
	recovering = 1;
	if (sigsetjmp(recover_point, 1) == 0)
		fn(arg);
	else
		ok = false;
	recovering = 0;
	for (i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &old[i], NULL);
	sigaltstack(&old_ss, NULL);
	return ok;
}

void fl_recover_point(const char *phase, const char *function)
{
	static const char *want;
	static bool read;
	size_t n;

	if (!read) {
		want = getenv("FAULTLINE_DEBUG_CRASH");
		read = true;
	}
	if (!want || !function)
		return;
	n = strlen(phase);
	if (!strncmp(want, phase, n) && want[n] == ':' &&
	    !strcmp(want + n + 1, function))
		raise(SIGSEGV);
}
