// SPDX-License-Identifier: GPL-2.0
/*
 * faultline-sparse: faultline's checks through Sparse, run as kbuild runs
 * a checker:
 *	make C=2 CHECK=/path/to/faultline-sparse DIR/
 * which calls $(CHECK) $(CHECKFLAGS) $(c_flags) DIR/NAME.c per unit.
 * Sparse parses and linearizes the unit (plugin/sparse/ lowers its IR
 * into lib/model.h); lib/checker.c runs the checks, prints GCC-format
 * diagnostics and writes the facts beside the object kbuild would build.
 *
 * Sparse's own warnings are not shown: this is faultline's check.  A unit
 * Sparse cannot parse is named once on stderr (with Sparse's first error)
 * and skipped with exit status 0, so a checker run never fails the build.
 * Exit status 2: a usage error; 1: the unit or the rules cannot be read,
 * or the facts cannot be written.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evaluate.h"

#include "../plugin/sparse/lower.h"

#include "../lib/checker.h"

#ifndef FAULTLINE_VERSION
#define FAULTLINE_VERSION "unknown"
#endif
/* The Debian source package libsparse.a was built from (make). */
#ifndef SPARSE_PACKAGE
#define SPARSE_PACKAGE "unknown"
#endif

/*
 * This program's path, for the rules beside it: kbuild runs $(CHECK) as
 * given, which may be a bare name found through PATH.
 */
static const char *self_path(const char *argv0)
{
	static char buf[4096];
	const char *path = getenv("PATH");

	if (strchr(argv0, '/') || !path)
		return argv0;
	while (*path) {
		size_t n = strcspn(path, ":");

		snprintf(buf, sizeof(buf), "%.*s/%s", (int)(n ? n : 1),
			 n ? path : ".", argv0);
		if (!access(buf, X_OK))
			return buf;
		path += n;
		if (*path == ':')
			path++;
	}
	return argv0;
}

/*
 * While Sparse parses, its messages go to a memory stream, so that a unit
 * it cannot handle is named once, with the first of them.  Sparse gives up
 * on some input with exit(1) (error_die: an include it cannot find, too
 * many errors): the exit handler still names the unit, and exits 0, as a
 * unit Sparse cannot parse must never fail the build.
 */
static struct {
	const char *file;
	FILE *saved;	/* the real stderr while Sparse parses */
	char *text;
	size_t len;
} sparse_errs;

static void report_not_checked(void)
{
	const char *errs = sparse_errs.text, *first;

	first = errs ? strstr(errs, ": error: ") : NULL;
	/* The line of Sparse's first error. */
	while (first && first > errs && first[-1] != '\n')
		first--;
	if (!first)
		first = errs ? errs : "";
	fprintf(stderr, "faultline-sparse: %s: not checked, Sparse cannot parse it: %.*s\n",
		sparse_errs.file, (int)strcspn(first, "\n"), first);
}

/*
 * Whether every error Sparse gave so far only cut a stringified macro
 * argument short (a trace event's TP_printk() longer than its buffer:
 * "too long token expansion").  Such a string is no part of the model.
 */
static bool only_string_errors(void)
{
	const char *p;

	fflush(stderr);
	p = sparse_errs.text;
	if (!p)
		return false;
	while ((p = strstr(p, ": error: "))) {
		p += strlen(": error: ");
		if (strncmp(p, "too long token expansion", 24))
			return false;
	}
	return true;
}

/* Back to the real stderr; the messages stay in sparse_errs. */
static void end_sparse_errs(void)
{
	if (sparse_errs.saved && stderr != sparse_errs.saved) {
		fclose(stderr);
		stderr = sparse_errs.saved;
	}
	sparse_errs.saved = NULL;
}

static void sparse_died(void)
{
	if (!sparse_errs.saved)
		return;
	end_sparse_errs();
	report_not_checked();
	fflush(stderr);
	_exit(0);
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: faultline-sparse [COMPILER FLAGS] [--faultline-*] FILE.c\n"
		"Check one unit with faultline through Sparse, as kbuild runs a\n"
		"checker: make C=1 CHECK=faultline-sparse (or C=2).  The flags are\n"
		"the compiler's (-I, -D, -include, -Wp,-MMD,DIR/.NAME.o.d, -o);\n"
		"the facts go beside the object they name (DIR/.NAME.o.faultline).\n"
		"\n%s"
		"  --help                   this text\n"
		"  --version                print the version\n",
		fl_checker_options_help);
}

int main(int argc, char **argv)
{
	struct fl_checker ck = { .prog = "faultline-sparse" };
	struct string_list *files = NULL;
	struct symbol_list *list;
	char **sargv;
	char object[4096];
	char *file = NULL;
	int i, n = 0, nfiles = 0;
	struct fl_unit *unit;

	sargv = fl_xcalloc(argc + 1, sizeof(*sargv));
	sargv[n++] = argv[0];
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(argv[i], "--version")) {
			printf("faultline-sparse %s (Sparse %s, Debian source package %s)\n",
			       FAULTLINE_VERSION, sparse_version, SPARSE_PACKAGE);
			return 0;
		}
		if (!strncmp(argv[i], "--faultline", 11)) {
			if (!fl_checker_option(&ck, argv[i])) {
				fprintf(stderr, "faultline-sparse: unknown option '%s' (try --help)\n",
					argv[i]);
				return 2;
			}
			continue;
		}
		sargv[n++] = argv[i];
	}
	sargv[n] = NULL;

	/* As sparse's own main: -o names the object, which is not written. */
	do_output = 0;
	list = sparse_initialize(n, sargv, &files);
	FOR_EACH_PTR(files, file) {
		nfiles++;
	} END_FOR_EACH_PTR(file);
	if (nfiles != 1) {
		fprintf(stderr, "faultline-sparse: %s (try --help)\n",
			nfiles ? "one source file at a time" : "no source file");
		return 2;
	}
	file = first_ptr_list((struct ptr_list *)files);
	if (fl_checker_load_rules(&ck, self_path(argv[0])))
		return 1;
	/* Sparse's warnings are its own checks, not faultline's. */
	fmax_warnings = 0;
	/* Every error is kept, so that only_string_errors() sees them all. */
	fmax_errors = ~0u;
	/* Named variables stay loads and stores, as the lowering expects. */
	fpasses &= ~(PASS_MEM2REG | PASS_OPTIM);
	(void)list;

	if (access(file, R_OK)) {
		fprintf(stderr, "faultline-sparse: cannot read %s: %s\n", file,
			strerror(errno));
		return 1;
	}
	/* Sparse's messages are kept aside (sparse_errs). */
	sparse_errs.file = file;
	sparse_errs.saved = stderr;
	fl_checker_err = stderr; /* our own failures are not Sparse's */
	stderr = open_memstream(&sparse_errs.text, &sparse_errs.len);
	if (!stderr)
		stderr = sparse_errs.saved;
	atexit(sparse_died);
	/* As sparse() does, but keeping the tokens: flag_value() reads macros. */
	list = sparse_keep_tokens(file);
	if (has_error && only_string_errors())
		has_error = 0;
	if (!has_error)
		evaluate_symbol_list(list);
	unit = has_error ? NULL : lower_unit(&ck.rules, list, file);
	end_sparse_errs();
	if (!unit) {
		report_not_checked();
		return 0;
	}
	fl_checker_object(&ck, argc, argv, file, object, sizeof(object));
	if (fl_checker_run(&ck, unit, file,
			   object[0] && strcmp(object, "/dev/null") ? object : NULL))
		return 1;
	return 0;
}
