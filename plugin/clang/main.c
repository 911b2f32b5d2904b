// SPDX-License-Identifier: GPL-2.0
/*
 * faultline-clang: the faultline checks over libclang, run the way kbuild
 * runs a checker,
 *	make LLVM=1 C=1 CHECK=/abs/path/faultline-clang DIR/
 * that is $(CHECK) $(CHECKFLAGS) $(c_flags) DIR/NAME.c.  It parses the
 * unit with the compiler's flags (dropping, with a note, the ones clang
 * does not know), lowers every function the unit keeps into lib/model.h
 * and hands it to lib/checker.c, which prints the diagnostics and writes
 * the facts beside the object (DIR/.NAME.o.faultline).
 *
 * Exit status: 0, or 1 for a usage error or a unit that does not parse.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clang.h"
#include "../../lib/checker.h"

#ifndef FAULTLINE_VERSION
#define FAULTLINE_VERSION "unknown"
#endif

static const char prog[] = "faultline-clang";

/* "Debian clang version 19.1.7 (3~deb12u1)": the library's own. */
static const char *clang_version(void)
{
	CXString s = clang_getClangVersion();
	const char *v = fl_strdup(clang_getCString(s));

	clang_disposeString(s);
	return v;
}

static void usage(FILE *out)
{
	fprintf(out,
		"usage: %s [--faultline-OPTION...] [COMPILER FLAGS] FILE.c\n"
		"       %s [--faultline-OPTION...] DIR/.NAME.o.cmd\n"
		"       %s [--faultline-OPTION...] compile_commands.json [FILE...]\n"
		"Check one C unit with faultline's checks, parsed by libclang (%s).\n"
		"Takes the compiler's flags as kbuild passes a checker them:\n"
		"  make LLVM=1 C=1 CHECK=%s DIR/\n"
		"Flags clang does not know are dropped with a note.  Outside a build it\n"
		"checks the unit of a kbuild .cmd file, or the units of a compilation\n"
		"database (those named, or all).\n\n"
		"Options:\n%s"
		"  --help                   this text\n"
		"  --version                the version\n",
		prog, prog, prog, clang_version(), prog,
		fl_checker_options_help);
}

/* Options whose value is the next argument. */
static bool takes_value(const char *a)
{
	static const char *const opts[] = {
		"-o", "-I", "-D", "-U", "-include", "-imacros", "-isystem",
		"-idirafter", "-iquote", "-iprefix", "-MF", "-MT", "-MQ", "-x",
		"-Xclang", "-target", "--param", "-arch", "-isysroot", NULL,
	};
	int i;

	for (i = 0; opts[i]; i++)
		if (!strcmp(a, opts[i]))
			return true;
	return false;
}

/*
 * GCC's flags that clang rejects, as kbuild passes them for a GCC-built
 * tree: dropped before parsing, with a note.  Others clang rejects are
 * found by parsing (its "unknown argument" errors) and dropped the same way.
 */
static bool gcc_only(const char *a)
{
	static const char *const prefixes[] = {
		"-fconserve-stack", "-fno-var-tracking-assignments",
		"-mpreferred-stack-boundary=", "-mindirect-branch=",
		"-mindirect-branch-register", "-mrecord-mcount",
		"-fno-allow-store-data-races", "-fmin-function-alignment=",
		"-fno-ipa-", "-fno-tree-", "-fno-code-hoisting",
		"-fno-partial-inlining", "-fno-lifetime-dse", "-mabi=",
		NULL,
	};
	int i;

	for (i = 0; prefixes[i]; i++)
		if (!strncmp(a, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

struct args {
	const char **v;
	int n;
};

static void push(struct args *a, const char *s)
{
	a->v = fl_xrealloc(a->v, (a->n + 2) * sizeof(*a->v));
	a->v[a->n++] = s;
	a->v[a->n] = NULL;
}

static void drop(struct args *a, const char *s)
{
	int i, j;

	for (i = j = 0; i < a->n; i++)
		if (strcmp(a->v[i], s))
			a->v[j++] = a->v[i];
	a->n = j;
	a->v[j] = NULL;
}

/* The executable, for the rules beside it: argv[0], or found in PATH. */
static const char *self_path(const char *argv0)
{
	static char buf[PATH_MAX];
	const char *path = getenv("PATH");

	if (strchr(argv0, '/') || !path)
		return realpath(argv0, buf) ? buf : argv0;
	while (*path) {
		const char *colon = strchr(path, ':');
		int len = colon ? (int)(colon - path) : (int)strlen(path);
		char cand[PATH_MAX];

		snprintf(cand, sizeof(cand), "%.*s/%s", len, path, argv0);
		if (access(cand, X_OK) == 0 && realpath(cand, buf))
			return buf;
		path += len + (colon ? 1 : 0);
	}
	return argv0;
}

static enum CXChildVisitResult top_level(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	(void)parent;
	(void)data;
	switch (clang_getCursorKind(c)) {
	case CXCursor_MacroDefinition:
		cl_note_macro_def(c);
		break;
	case CXCursor_MacroExpansion: {
		struct cl_expansion *e;
		CXFile file;
		unsigned off;

		clang_getExpansionLocation(
			clang_getRangeStart(clang_getCursorExtent(c)), &file, NULL,
			NULL, &off);
		if (!file)
			break;
		if (cl.nexps == cl.exps_cap) {
			cl.exps_cap = cl.exps_cap ? 2 * cl.exps_cap : 1024;
			cl.exps = fl_xrealloc(cl.exps,
					      cl.exps_cap * sizeof(*cl.exps));
		}
		e = &cl.exps[cl.nexps++];
		e->file = file;
		e->offset = off;
		e->name = cl_spelling(c);
		break;
	}
	case CXCursor_EnumConstantDecl:
		cl_note_enum(c);
		break;
	case CXCursor_EnumDecl:
	case CXCursor_TypedefDecl:
		clang_visitChildren(c, top_level, NULL);
		break;
	case CXCursor_FunctionDecl:
		if (clang_isCursorDefinition(c)) {
			struct cl_def *d;

			if (cl.ndefs == cl.defs_cap) {
				cl.defs_cap = cl.defs_cap ? 2 * cl.defs_cap : 256;
				cl.defs = fl_xrealloc(cl.defs,
						      cl.defs_cap * sizeof(*cl.defs));
			}
			d = &cl.defs[cl.ndefs++];
			d->name = cl_spelling(c);
			d->cursor = c;
			d->queued = false;
		}
		break;
	default:
		break;
	}
	return CXChildVisit_Continue;
}

static enum CXChildVisitResult globals(CXCursor c, CXCursor parent,
				       CXClientData data)
{
	(void)parent;
	(void)data;
	if (clang_getCursorKind(c) == CXCursor_VarDecl &&
	    clang_isCursorDefinition(c))
		cl_lower_ops(c);
	return CXChildVisit_Continue;
}

/*
 * The flag a driver error names: "unknown argument: '-fconserve-stack'",
 * "unknown argument '--arch=x86'; did you mean ...", "unsupported option
 * '-mrecord-mcount' for target ...".  NULL for any other error.
 */
static const char *rejected_flag(const char *m)
{
	const char *q0, *q1;
	char *flag;

	if (strncmp(m, "unknown argument", 16) &&
	    strncmp(m, "unsupported option", 18))
		return NULL;
	q0 = strchr(m, '\'');
	q1 = q0 ? strchr(q0 + 1, '\'') : NULL;
	if (!q1)
		return NULL;
	flag = fl_xcalloc(q1 - q0, 1);
	memcpy(flag, q0 + 1, q1 - q0 - 1);
	return flag;
}

/*
 * Print the unit's errors but rejected flags, which go to rejected;
 * the number of errors of both kinds.
 */
static int report_errors(CXTranslationUnit tu, struct args *rejected)
{
	unsigned i, n = clang_getNumDiagnostics(tu);
	int errors = 0;

	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		CXString msg = clang_getDiagnosticSpelling(d);
		const char *flag;

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			flag = rejected_flag(clang_getCString(msg));
			if (flag) {
				push(rejected, flag);
			} else {
				CXString s = clang_formatDiagnostic(
					d, CXDiagnostic_DisplaySourceLocation |
						   CXDiagnostic_DisplayColumn);

				fprintf(stderr, "%s\n", clang_getCString(s));
				clang_disposeString(s);
			}
			errors++;
		}
		clang_disposeString(msg);
		clang_disposeDiagnostic(d);
	}
	return errors;
}

/*
 * Outside a build: "faultline-clang [OPTIONS] DIR/.NAME.o.cmd" checks the
 * unit kbuild compiled with that command, "faultline-clang [OPTIONS]
 * compile_commands.json [FILE...]" the units of a compilation database.
 * -1 when the arguments are a compiler's flags instead.
 */
static int outside_build(int argc, char **argv)
{
	char **opts = fl_xcalloc(argc, sizeof(char *));
	char **files = fl_xcalloc(argc, sizeof(char *));
	const char *cmd = NULL, *db = NULL;
	int nopts = 0, nfiles = 0, i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *base = strrchr(a, '/');
		size_t len = strlen(a);

		base = base ? base + 1 : a;
		if (!strncmp(a, "--faultline-", 12))
			opts[nopts++] = argv[i];
		else if (!strcmp(base, "compile_commands.json"))
			db = a;
		else if (len > 4 && !strcmp(a + len - 4, ".cmd") && base[0] == '.')
			cmd = a;
		else if (a[0] != '-')
			files[nfiles++] = argv[i];
		else
			return -1;
	}
	if (db)
		return cl_run_compdb(self_path(argv[0]), opts, nopts, db, files,
				     nfiles);
	if (cmd && !nfiles)
		return cl_run_cmd_file(self_path(argv[0]), opts, nopts, cmd);
	return -1;
}

static void lower_job_run(void *arg)
{
	cl_lower_function(*(CXCursor *)arg);
}

/* Whether path names a regular file. */
static bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int main(int argc, char **argv)
{
	struct fl_checker ck = { .prog = prog };
	struct args args = { NULL, 0 };
	struct args rejected = { NULL, 0 };
	const char *source = NULL, *unnamed = NULL;
	char object[PATH_MAX];
	CXIndex index;
	enum CXErrorCode err;
	int i, tries, status, nerr;
	unsigned opts = CXTranslationUnit_DetailedPreprocessingRecord |
			CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;

	/*
	 * For corpus/clang-floor.sh only: the cost of a parse that skips every
	 * function body, the one cheaper parse libclang offers (the analysis
	 * then sees no code at all).
	 */
	if (getenv("FAULTLINE_CLANG_BENCH_SKIP_BODIES"))
		opts |= CXTranslationUnit_SkipFunctionBodies;
	status = outside_build(argc, argv);
	if (status >= 0)
		return status;
	push(&args, "-w");
	push(&args, "-Wno-unknown-warning-option");
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (fl_checker_option(&ck, a))
			continue;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		}
		if (!strcmp(a, "--version")) {
			printf("%s %s (libclang: %s)\n", prog, FAULTLINE_VERSION,
			       clang_version());
			return 0;
		}
		if (!strncmp(a, "--faultline-", 12)) {
			fprintf(stderr, "%s: error: unknown option %s (try --help)\n",
				prog, a);
			return 1;
		}
		if (!strcmp(a, "-o") || !strcmp(a, "-MF") || !strcmp(a, "-MT") ||
		    !strcmp(a, "-MQ")) {
			i++;
			continue;
		}
		/* No output: no object, no dependency file, no GCC plugin. */
		if (!strcmp(a, "-c") || !strcmp(a, "-MD") || !strcmp(a, "-MMD") ||
		    !strcmp(a, "-MP") || !strcmp(a, "-S") ||
		    !strncmp(a, "-Wp,-M", 6) || !strncmp(a, "-fplugin", 8))
			continue;
		/* Sparse's --arch=, which kbuild's CHECKFLAGS always pass. */
		if (!strncmp(a, "--arch=", 7))
			continue;
		if (gcc_only(a)) {
			fprintf(stderr, "%s: note: dropped %s (not a clang flag)\n",
				prog, a);
			continue;
		}
		if (takes_value(a) && i + 1 < argc) {
			push(&args, a);
			push(&args, argv[++i]);
			continue;
		}
		if (a[0] != '-') {
			size_t len = strlen(a);

			if (len > 2 && !strcmp(a + len - 2, ".c")) {
				if (source) {
					fprintf(stderr, "%s: error: more than one unit (%s, %s)\n",
						prog, source, a);
					return 1;
				}
				source = a;
				continue;
			}
			/*
			 * A file with another name: kbuild's checker-valid.sh
			 * (6.14 and later) checks the checker on a mktemp file,
			 * which must parse as C for C=1 to be allowed at all.
			 */
			if (!unnamed && is_file(a)) {
				unnamed = a;
				continue;
			}
		}
		push(&args, a);
	}
	if (!source && unnamed) {
		source = unnamed;
		push(&args, "-x");
		push(&args, "c");
	} else if (unnamed) {
		push(&args, unnamed);
	}
	if (!source) {
		fprintf(stderr, "%s: error: no C file to check (try --help)\n", prog);
		return 1;
	}
	if (fl_checker_load_rules(&ck, self_path(argv[0])))
		return 1;
	fl_checker_object(&ck, argc, argv, source, object, sizeof(object));

	index = clang_createIndex(0, 0);
	for (tries = 0;; tries++) {
		err = clang_parseTranslationUnit2(index, source, args.v, args.n,
						  NULL, 0, opts, &cl.tu);
		if (err != CXError_Success || !cl.tu) {
			fprintf(stderr, "%s: error: cannot parse %s (libclang error %d)\n",
				prog, source, err);
			return 1;
		}
		rejected.n = 0;
		nerr = report_errors(cl.tu, &rejected);
		if (!nerr)
			break;
		if (nerr > rejected.n || tries > 8) {
			fprintf(stderr, "%s: error: %s does not parse\n", prog, source);
			return 1;
		}
		/* Flags clang does not know: drop them, with a note, and retry. */
		for (i = 0; i < rejected.n; i++) {
			fprintf(stderr, "%s: note: dropped %s (not a clang flag)\n",
				prog, rejected.v[i]);
			drop(&args, rejected.v[i]);
		}
		clang_disposeTranslationUnit(cl.tu);
	}

	cl.rules = &ck.rules;
	cl.unit = fl_unit_new(&ck.rules);
	cl.unit->flag_value = cl_flag_value;
	cl_want_flags(&ck.rules);
	clang_visitChildren(clang_getTranslationUnitCursor(cl.tu), top_level,
			    NULL);
	/* The functions the unit keeps: external ones, and what they reach. */
	for (i = 0; i < cl.ndefs; i++)
		if (clang_Cursor_getStorageClass(cl.defs[i].cursor) != CX_SC_Static &&
		    !clang_Cursor_isFunctionInlined(cl.defs[i].cursor))
			cl_reach_name(cl.defs[i].name);
	clang_visitChildren(clang_getTranslationUnitCursor(cl.tu), globals, NULL);
	for (i = 0; i < cl.nqueue; i++)
		fl_checker_lower(prog, cl.unit, lower_job_run,
				 &cl.defs[cl.queue[i]].cursor);

	status = fl_checker_run(&ck, cl.unit, source, object[0] ? object : NULL);
	return status ? 1 : 0;
}
