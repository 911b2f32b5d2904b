// SPDX-License-Identifier: GPL-2.0
/* What the standalone front ends share: options, output, facts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checker.h"
#include "facts.h"
#include "facts_file.h"
#include "recover.h"
#include "report.h"
#include "suppress.h"

const char fl_checker_options_help[] =
	"  --faultline-rules=DIR    read the kernel API rules from DIR\n"
	"  --faultline-object=PATH  write the facts beside PATH (default: the\n"
	"                           object the compiler flags name)\n"
	"  --faultline-facts-dir=DIR  write the side file under DIR, at the\n"
	"                           object's path (the tree is only read)\n"
	"  --faultline-no-facts     do not write the facts side file\n"
	"  --faultline-dump         print the lowered model on stderr\n";

bool fl_checker_option(struct fl_checker *ck, const char *arg)
{
	if (!strncmp(arg, "--faultline-rules=", 18))
		ck->rules_dir = arg + 18;
	else if (!strncmp(arg, "--faultline-object=", 19))
		ck->object = arg + 19;
	else if (!strncmp(arg, "--faultline-facts-dir=", 22) && arg[22])
		ck->facts_dir = arg + 22;
	else if (!strcmp(arg, "--faultline-no-facts"))
		ck->no_facts = true;
	else if (!strcmp(arg, "--faultline-dump"))
		ck->dump = true;
	else
		return false;
	return true;
}

/* DIR/.NAME.o.d -> DIR/NAME.o; false if depfile is no object's. */
static bool object_of_depfile(const char *depfile, char *buf, unsigned long len)
{
	const char *slash = strrchr(depfile, '/');
	const char *name = slash ? slash + 1 : depfile;
	size_t n = strlen(name);
	int dirlen = (int)(name - depfile);

	if (n < 5 || strcmp(name + n - 4, ".o.d"))
		return false;
	if (name[0] == '.')
		name++, n--;
	snprintf(buf, len, "%.*s%.*s", dirlen, depfile, (int)(n - 2), name);
	return true;
}

void fl_checker_object_of(int argc, char **argv, const char *source, char *buf,
			  unsigned long len)
{
	const char *base, *dot;
	int i;

	buf[0] = '\0';
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-o") && i + 1 < argc &&
		    strcmp(argv[i + 1], "/dev/null")) {
			snprintf(buf, len, "%s", argv[i + 1]);
			return;
		}
	}
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if ((!strncmp(a, "-Wp,-MMD,", 9) ||
		     !strncmp(a, "-Wp,-MD,", 8)) &&
		    object_of_depfile(strchr(a + 4, ',') + 1, buf, len))
			return;
		if (!strcmp(a, "-MF") && i + 1 < argc &&
		    object_of_depfile(argv[i + 1], buf, len))
			return;
	}
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-o") && i + 1 < argc)
			return; /* -o /dev/null */
	for (i = 1; i < argc && strcmp(argv[i], "-c"); i++)
		;
	if (i == argc)
		return;
	base = strrchr(source, '/');
	base = base ? base + 1 : source;
	dot = strrchr(base, '.');
	snprintf(buf, len, "%.*s.o",
		 dot ? (int)(dot - base) : (int)strlen(base), base);
}

void fl_checker_object(const struct fl_checker *ck, int argc, char **argv,
		       const char *source, char *buf, unsigned long len)
{
	char path[4096];

	if (ck->object)
		snprintf(buf, len, "%s", ck->object);
	else
		fl_checker_object_of(argc, argv, source, buf, len);
	if (!buf[0] || !strcmp(buf, "/dev/null") || !ck->facts_dir)
		return;
	snprintf(path, sizeof(path), "%s", buf);
	snprintf(buf, len, "%s/%s", ck->facts_dir, path + strspn(path, "/"));
}

/* mkdir -p of the directory path names. */
static void make_parents(const char *path)
{
	char dir[4096];
	char *p;

	snprintf(dir, sizeof(dir), "%s", path);
	for (p = dir + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(dir, 0777);
		*p = '/';
	}
}

static void rules_error(void *ctx, const char *msg)
{
	struct fl_checker *ck = ctx;

	fprintf(stderr, "%s: error: %s\n", ck->prog, msg);
}

int fl_checker_load_rules(struct fl_checker *ck, const char *self)
{
	const char *dir =
		ck->rules_dir ? ck->rules_dir : fl_rules_default_dir(self);

	if (!ck->out)
		ck->out = stderr;
	return fl_rules_load_dir(&ck->rules, dir, rules_error, ck) ? -1 : 0;
}

/* GCC's form: "FILE:LINE:COL: KIND: MSG". */
static void print_diag(FILE *out, const struct fl_loc *loc, const char *kind,
		       const char *msg)
{
	if (loc->column > 0)
		fprintf(out, "%s:%d:%d: %s: %s\n", loc->file, loc->line,
			fl_display_column(NULL, loc->file, loc->line,
					  loc->column),
			kind, msg);
	else
		fprintf(out, "%s:%d: %s: %s\n", loc->file, loc->line, kind,
			msg);
}

struct run_ctx {
	struct fl_checker *ck;
	struct fl_diag_log log;
};

static void sink_warning(void *ctx, const struct fl_function *fn,
			 const struct fl_loc *loc, const char *msg)
{
	struct run_ctx *rc = ctx;
	struct fl_checker *ck = rc->ck;
	struct fl_report r;

	fl_report_classify(fn, loc, msg, &r);
	if (r.suppressed) {
		ck->last_shown = false;
		fl_diag_log_add(&rc->log, false, fn, loc, msg, r.suppressed);
		return;
	}
	if (fn != ck->last_fn)
		fprintf(ck->out, "%s: In function '%s':\n", fn->loc.file,
			fn->name);
	ck->last_fn = fn;
	print_diag(ck->out, loc, "warning", msg);
	ck->last_shown = true;
	ck->nwarnings++;
	fl_diag_log_add(&rc->log, false, fn, loc, msg, NULL);
	if (r.note[0]) {
		fl_diag_log_add(&rc->log, true, NULL, loc, r.note, NULL);
		print_diag(ck->out, loc, "note", r.note);
	}
}

static void sink_note(void *ctx, const struct fl_loc *loc, const char *msg)
{
	struct run_ctx *rc = ctx;

	fl_diag_log_add(&rc->log, true, NULL, loc, msg, NULL);
	if (rc->ck->last_shown)
		print_diag(rc->ck->out, loc, "note", msg);
}

struct check_job {
	struct fl_checker *ck;
	struct fl_unit *unit;
	const struct fl_diag_sink *sink;
	struct run_ctx *rc;
	const char *source;
	const char *object;
	char *facts;
	unsigned long len;
};

static void check_job_run(void *arg)
{
	struct check_job *j = arg;

	if (!j->ck->no_facts && j->object)
		fl_facts_observe(j->unit);
	fl_check_unit(j->unit, j->sink);
	if (!j->ck->no_facts && j->object)
		j->facts = fl_facts_write(j->unit, j->source, &j->rc->log,
					  &j->len);
}

FILE *fl_checker_err;

void fl_checker_internal_error(const char *prog, const char *what,
			       const char *rest)
{
	fprintf(fl_checker_err ? fl_checker_err : stderr,
		"%s: warning: faultline: internal error in '%s', %s\n", prog,
		what ? what : "?", rest);
}

int fl_checker_run(struct fl_checker *ck, struct fl_unit *unit,
		   const char *source, const char *object)
{
	struct run_ctx rc = {ck, {NULL, 0}};
	struct fl_diag_sink sink = {sink_warning, sink_note, &rc};
	struct check_job job = {ck, unit, &sink, &rc, source, object, NULL, 0};
	char err[4400];

	if (!ck->out)
		ck->out = stderr;
	unit->source = source;
	if (ck->dump)
		fl_dump_unit(unit, stderr);
	ck->last_fn = NULL;
	fl_recover_function = NULL;
	if (!fl_recover_run(check_job_run, &job)) {
		/* Our failure, not the build's: no facts for this unit, not
		 * even an earlier run's. */
		fl_checker_internal_error(ck->prog, fl_recover_function,
					  "skipped with the rest of this unit");
		if (object) {
			fl_facts_sidefile(object, err, sizeof(err));
			unlink(err);
		}
		return 0;
	}
	if (!job.facts)
		return 0;
	if (ck->facts_dir)
		make_parents(object);
	if (fl_facts_write_sidefile(object, job.facts, job.len, err,
				    sizeof(err))) {
		fprintf(stderr, "%s: error: cannot write the facts of %s: %s\n",
			ck->prog, source, err);
		return -1;
	}
	return 0;
}

struct lower_job {
	void (*lower)(void *arg);
	void *arg;
};

static void lower_job_run(void *arg)
{
	struct lower_job *j = arg;

	j->lower(j->arg);
}

bool fl_checker_lower(const char *prog, struct fl_unit *unit,
		      void (*lower)(void *arg), void *arg)
{
	struct lower_job job = {lower, arg};
	int nfuncs = unit->nfuncs;

	fl_recover_function = NULL;
	if (fl_recover_run(lower_job_run, &job))
		return true;
	unit->nfuncs = nfuncs; /* not half of it */
	fl_checker_internal_error(prog, fl_recover_function, "skipped");
	return false;
}
