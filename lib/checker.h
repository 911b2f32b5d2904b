/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The part every standalone front end shares (faultline-sparse,
 * faultline-clang): they run as kbuild runs a checker,
 *	$(CHECK) $(CHECKFLAGS) $(c_flags) DIR/NAME.c
 * lower the unit into lib/model.h, and hand it here.  This runs the checks,
 * prints GCC-format diagnostics on stderr (so scripts, the gate and the
 * suppressions work as with the plugin) and writes the unit's facts to
 * the side file of the object kbuild would build (lib/facts_file.h).
 */
#ifndef FAULTLINE_CHECKER_H
#define FAULTLINE_CHECKER_H

#include <stdbool.h>
#include <stdio.h>

#include "model.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

struct fl_checker {
	const char *prog;      /* for messages: "faultline-sparse" */
	const char *rules_dir; /* --faultline-rules=DIR, or NULL: default */
	const char *object;    /* --faultline-object=PATH, or from the flags */
	const char *facts_dir; /* --faultline-facts-dir=DIR, or NULL */
	bool dump;	       /* --faultline-dump: print the model */
	bool no_facts;	       /* --faultline-no-facts */
	FILE *out;	       /* diagnostics (stderr) */
	struct fl_rules rules;
	/* Set while diagnostics are printed. */
	const struct fl_function *last_fn;
	bool last_shown;
	int nwarnings;
};

/* Consume one --faultline-* option; false if arg is not one. */
bool fl_checker_option(struct fl_checker *ck, const char *arg);

/* The --faultline-* options, for a front end's --help. */
extern const char fl_checker_options_help[];

/*
 * The object a compiler given these flags would build from source:
 * -o PATH; kbuild's -Wp,-MMD,DIR/.NAME.o.d (the checker gets no -o);
 * -MF of an object's .d; else, given -c, NAME.o for source DIR/NAME.c, as
 * cc -c.  Empty when nothing names one (-o /dev/null, or no -c: kbuild's
 * checker-valid.sh runs the checker on a bare temporary file), and then
 * no facts are written.
 */
void fl_checker_object_of(int argc, char **argv, const char *source,
			  char *buf, unsigned long len);

/*
 * The object whose side file gets the facts: --faultline-object=PATH, or
 * fl_checker_object_of(); with --faultline-facts-dir=DIR, that path under
 * DIR (so that a tree is only read).  Empty: no facts.
 */
void fl_checker_object(const struct fl_checker *ck, int argc, char **argv,
		       const char *source, char *buf, unsigned long len);

/*
 * Load the rules (from ck->rules_dir, or beside self: the executable).
 * Returns 0, or -1 after printing the errors.
 */
int fl_checker_load_rules(struct fl_checker *ck, const char *self);

/*
 * Check a lowered unit (unit->rules is ck->rules), print its diagnostics
 * and write its facts beside object (unless no_facts or object is NULL).
 * Returns 0, or -1 if the facts could not be written (said on stderr).
 */
/*
 * Lower one function, lower(arg), with fl_recover_run(): when it fails,
 * what it added to unit is dropped, the failure is said on stderr and the
 * result is false.
 */
bool fl_checker_lower(const char *prog, struct fl_unit *unit,
		      void (*lower)(void *arg), void *arg);

/*
 * "PROG: warning: faultline: internal error in 'WHAT', REST" for a front
 * end whose own work on WHAT failed (fl_recover_run).
 */
void fl_checker_internal_error(const char *prog, const char *what,
			       const char *rest);
/* Where that goes (NULL: stderr), for a front end that captures stderr. */
extern FILE *fl_checker_err;

int fl_checker_run(struct fl_checker *ck, struct fl_unit *unit,
		   const char *source, const char *object);

#ifdef __cplusplus
}
#endif

#endif
