// SPDX-License-Identifier: GPL-2.0
/*
 * faultline-link: read the facts the plugin left in object files, link
 * them into one program and report the bugs no single unit shows.
 *
 *	faultline-link [OPTIONS] PATH...
 *
 * A PATH is an object file or a directory searched for *.o.  Findings go
 * to stdout in GCC's diagnostic format; unreadable facts are reported on
 * stderr with the object's name and skipped.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../lib/elf.h"
#include "../lib/facts.h"
#include "../lib/facts_file.h"
#include "../lib/link.h"
#include "../lib/suppress.h"

/* One version for every tool: the VERSION file, passed by make. */
#ifndef FAULTLINE_VERSION
#define FAULTLINE_VERSION "unknown"
#endif
#define VERSION FAULTLINE_VERSION

static const char usage[] =
	"usage: faultline-link [OPTIONS] PATH...\n"
	"\n"
	"Reads the facts faultline's GCC plugin records in object files (the\n"
	"section " FL_FACTS_SECTION "), links them and reports the bugs that\n"
	"cross translation units.  PATH is an object file or a directory\n"
	"searched for *.o files.\n"
	"\n"
	"  --all           also print what the plugin reported in each unit\n"
	"  --sarif FILE    write every finding (plugin and link) as SARIF 2.1.0\n"
	"  --srcroot DIR   where relative source paths start (SARIF, markers)\n"
	"  --summary       print findings per check and per directory\n"
	"  --objects FILE  read more object paths from FILE, one per line\n"
	"  --baseline FILE do not report findings listed in FILE\n"
	"  --write-baseline FILE  list every finding in FILE (a new baseline)\n"
	"  --rules DIR     kernel API rules (default: ../share/faultline/rules\n"
	"                  beside the tool when installed, else ../rules)\n"
	"  --check-rules   only load the rules: print FILE:LINE for each error,\n"
	"                  exit 2 on errors, 0 when they are valid\n"
	"  -q, --quiet     no statistics on stderr\n"
	"  -h, --help      this text\n"
	"  --version       print the version\n"
	"\n"
	"Findings under a 'faultline: ignore CHECK -- reason' comment are not\n"
	"printed (SARIF lists them as suppressed).\n"
	"\n"
	"Exit status: 0 nothing reported, 1 findings reported, 2 a usage\n"
	"error or unreadable input (the readable rest is still analysed).\n";

static struct ln_program prog;
static bool quiet;

static void input_error(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "faultline-link: error: %s\n", msg);
}


static void rules_error(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "faultline-link: error: %s\n", msg);
}

static struct fl_baseline baseline;

static void mark_baselined(struct ln_finding *f)
{
	char key[8192];

	fl_finding_key(key, sizeof(key), f->check, f->function, f->msg);
	f->baselined = fl_baseline_has(&baseline, key);
}

static bool shown(const struct ln_finding *f)
{
	return !f->suppressed && !f->baselined;
}

struct summary_row {
	char dir[256];
	const char *check;
	int n;
};

static void count(struct summary_row **rows, int *nrows,
		  const struct ln_finding *f)
{
	const char *file = f->loc.file ? f->loc.file : "?";
	const char *slash = strrchr(file, '/');
	char dir[256];
	int r;

	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - file) : 1,
		 slash ? file : ".");
	for (r = 0; r < *nrows; r++)
		if (!strcmp((*rows)[r].dir, dir) && (*rows)[r].check == f->check)
			break;
	if (r == *nrows) {
		*rows = fl_xrealloc(*rows, (*nrows + 1) * sizeof(**rows));
		snprintf((*rows)[r].dir, sizeof((*rows)[r].dir), "%s", dir);
		(*rows)[r].check = f->check;
		(*rows)[r].n = 0;
		(*nrows)++;
	}
	(*rows)[r].n++;
}

/* Findings per directory (of the reported line) and check, all of them. */
static void print_summary(FILE *out)
{
	struct summary_row *rows = NULL;
	int nrows = 0, total = 0, u, i;

	for (u = 0; u < prog.nunits; u++)
		for (i = 0; i < prog.units[u]->ndiags; i++)
			if (shown(&prog.units[u]->diags[i]))
				count(&rows, &nrows, &prog.units[u]->diags[i]);
	for (i = 0; i < prog.nfindings; i++)
		if (shown(&prog.findings[i]))
			count(&rows, &nrows, &prog.findings[i]);
	fprintf(out, "\n%-32s %-22s %s\n", "directory", "check", "findings");
	for (i = 0; i < nrows; i++) {
		fprintf(out, "%-32s %-22s %d\n", rows[i].dir, rows[i].check,
			rows[i].n);
		total += rows[i].n;
	}
	fprintf(out, "%-32s %-22s %d\n", "total", "", total);
	free(rows);
}

static int write_baseline(const char *path)
{
	FILE *out = fopen(path, "w");
	int u, i;

	if (!out)
		return -1;
	fl_baseline_write_header(out);
	for (u = 0; u < prog.nunits; u++)
		for (i = 0; i < prog.units[u]->ndiags; i++) {
			const struct ln_finding *f = &prog.units[u]->diags[i];

			if (!f->suppressed)
				fl_baseline_write(out, f->check, f->function,
						  f->loc.file, f->msg);
		}
	for (i = 0; i < prog.nfindings; i++)
		if (!prog.findings[i].suppressed)
			fl_baseline_write(out, prog.findings[i].check,
					  prog.findings[i].function,
					  prog.findings[i].loc.file,
					  prog.findings[i].msg);
	return fclose(out);
}

int main(int argc, char **argv)
{
	const char *rules_dir = NULL, *sarif = NULL, *srcroot = NULL;
	const char *baseline_in = NULL, *baseline_out = NULL;
	bool all = false, summary = false, check_rules = false;
	struct fl_rules rules = {0};
	struct timespec t0, t1;
	char cwd[PATH_MAX];
	int i, u, npaths = 0, printed = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(a, "--version")) {
			printf("faultline-link %s (facts version %d)\n",
			       VERSION, FL_FACTS_VERSION);
			return 0;
		} else if (!strcmp(a, "--all")) {
			all = true;
		} else if (!strcmp(a, "--summary")) {
			summary = true;
		} else if (!strcmp(a, "--check-rules")) {
			check_rules = true;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			quiet = true;
		} else if ((!strcmp(a, "--sarif") || !strcmp(a, "--rules") ||
			    !strcmp(a, "--srcroot") || !strcmp(a, "--objects") ||
			    !strcmp(a, "--baseline") ||
			    !strcmp(a, "--write-baseline")) &&
			   i + 1 < argc) {
			if (!strcmp(a, "--sarif"))
				sarif = argv[++i];
			else if (!strcmp(a, "--baseline"))
				baseline_in = argv[++i];
			else if (!strcmp(a, "--write-baseline"))
				baseline_out = argv[++i];
			else if (!strcmp(a, "--rules"))
				rules_dir = argv[++i];
			else if (!strcmp(a, "--srcroot"))
				srcroot = argv[++i];
			else
				i++;
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr,
				"faultline-link: unknown or incomplete option "
				"'%s'\n%s",
				a, usage);
			return 2;
		} else {
			npaths++;
		}
	}
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--objects") && i + 1 < argc)
			npaths++;
	if (!npaths && !check_rules) {
		fprintf(stderr, "faultline-link: no objects given\n%s", usage);
		return 2;
	}
	if (!rules_dir)
		rules_dir = fl_rules_beside_program(argv[0]);
	if (fl_rules_load_dir(&rules, rules_dir, rules_error, NULL)) {
		fprintf(stderr, "faultline-link: the rules in %s have errors\n",
			rules_dir);
		return 2;
	}
	if (check_rules) {
		if (!quiet)
			printf("faultline-link: the rules in %s are valid "
			       "(%d rules)\n",
			       rules_dir, rules.nrules);
		return 0;
	}
	ln_program_init(&prog, &rules, input_error, NULL);
	prog.srcroot = srcroot;
	if (baseline_in && fl_baseline_read(&baseline, baseline_in,
					    input_error, NULL))
		prog.nerrors++;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--sarif") || !strcmp(a, "--rules") ||
		    !strcmp(a, "--srcroot") || !strcmp(a, "--baseline") ||
		    !strcmp(a, "--write-baseline"))
			i++;
		else if (!strcmp(a, "--objects"))
			ln_read_list(&prog, argv[++i]);
		else if (a[0] != '-' || !a[1])
			ln_read_path(&prog, a);
	}
	ln_link(&prog);
	for (u = 0; u < prog.nunits; u++)
		for (i = 0; i < prog.units[u]->ndiags; i++)
			mark_baselined(&prog.units[u]->diags[i]);
	for (i = 0; i < prog.nfindings; i++)
		mark_baselined(&prog.findings[i]);
	for (u = 0; all && u < prog.nunits; u++)
		for (i = 0; i < prog.units[u]->ndiags; i++)
			if (shown(&prog.units[u]->diags[i])) {
				ln_print_finding(stdout,
						 &prog.units[u]->diags[i]);
				printed++;
			}
	for (i = 0; i < prog.nfindings; i++)
		if (shown(&prog.findings[i])) {
			ln_print_finding(stdout, &prog.findings[i]);
			printed++;
		}
	if (summary)
		print_summary(stdout);
	fflush(stdout);
	if (baseline_out && write_baseline(baseline_out)) {
		fprintf(stderr, "faultline-link: cannot write %s: %s\n",
			baseline_out, strerror(errno));
		return 2;
	}
	if (sarif) {
		if (!srcroot)
			srcroot = getcwd(cwd, sizeof(cwd)) ? cwd : "/";
		if (ln_write_sarif(&prog, sarif, srcroot, VERSION)) {
			fprintf(stderr, "faultline-link: cannot write %s: %s\n",
				sarif, strerror(errno));
			return 2;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (!quiet)
		fprintf(stderr,
			"faultline-link: %d objects, %d units (%d repeated in "
			"composite objects), %d without facts, %d cross-unit "
			"findings, %.2f s\n",
			prog.nobjects, prog.nunits, prog.nduplicate, prog.nbare,
			prog.nfindings,
			(t1.tv_sec - t0.tv_sec) +
				(t1.tv_nsec - t0.tv_nsec) / 1e9);
	if (prog.nerrors)
		return 2;
	return printed ? 1 : 0;
}
