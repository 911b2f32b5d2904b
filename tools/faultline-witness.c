// SPDX-License-Identifier: GPL-2.0
/*
 * faultline-witness: turn a fault-under-lock finding into the user program
 * that triggers it.
 *
 *	faultline-witness [OPTIONS] (--at FILE:LINE | --function NAME) PATH...
 *
 * PATHs are what faultline-link reads (the objects of the filesystem's
 * directory, with facts).  The program enters by the system call of the
 * ops-table member the finding is reached from (rules: witness-entry) and
 * passes as its user buffer a shared mapping of the same file that was
 * never touched, so the fault on the buffer runs the filesystem's fault
 * path under the lock.  witness/run-vm.sh runs it in a virtual machine.
 */
#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/link.h"
#include "../lib/witness.h"

#ifndef FAULTLINE_VERSION
#define FAULTLINE_VERSION "unknown"
#endif

static const char usage[] =
	"usage: faultline-witness [OPTIONS] (--at FILE:LINE | --function NAME) "
	"PATH...\n"
	"       faultline-witness [OPTIONS] --list PATH...\n"
	"\n"
	"Writes a C program that triggers a fault-under-lock finding: the\n"
	"system call its entry point serves, with the user buffer in a shared\n"
	"mapping of the same file that was never faulted in.  PATH: objects\n"
	"with faultline facts, or directories of them (as faultline-link).\n"
	"\n"
	"  --at FILE:LINE   the finding reported at FILE:LINE (FILE as the\n"
	"                   report prints it; a trailing part of it will do)\n"
	"  --function NAME  the finding in function NAME (the first one)\n"
	"  --list           every fault-under-lock finding, with its entry or\n"
	"                   why no program can be written\n"
	"  -o FILE          write the program to FILE (default: stdout)\n"
	"  --plan FILE      write what the VM runner needs, KEY=VALUE lines\n"
	"  --file-bytes N   the size of the file the program creates "
	"(default:\n"
	"                   65536 for read and write, 128 for fiemap: a small\n"
	"                   file is resident or inline on most filesystems)\n"
	"  --objects FILE   read more object paths from FILE, one a line\n"
	"  --rules DIR      kernel API rules (default: beside the tool)\n"
	"  -h, --help       this text\n"
	"  --version        print the version\n"
	"\n"
	"Exit status: 0 the program was written (or --list printed), 1 the\n"
	"finding has no witness (the reason is printed), 2 a usage error or\n"
	"unreadable input.\n";

static const char *const syscall_names[] = {
	[FL_SYSCALL_NONE] = "none",
	[FL_SYSCALL_READ] = "read",
	[FL_SYSCALL_WRITE] = "write",
	[FL_SYSCALL_FIEMAP] = "fiemap",
};

static void input_error(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "faultline-witness: error: %s\n", msg);
}

/* Whether path ends with tail at a '/' boundary (or is it). */
static bool path_ends_with(const char *path, const char *tail)
{
	size_t n = strlen(path), m = strlen(tail);

	return n >= m && !strcmp(path + n - m, tail) &&
	       (n == m || path[n - m - 1] == '/' || tail[0] == '/');
}

/* The filesystem of a source path: the directory after fs/ (gfs2). */
static void filesystem_of(const char *file, char *buf, size_t len)
{
	const char *p = strstr(file, "fs/");

	while (p && p != file && p[-1] != '/')
		p = strstr(p + 1, "fs/");
	if (!p) {
		snprintf(buf, len, "unknown");
		return;
	}
	p += 3;
	snprintf(buf, len, "%.*s", (int)strcspn(p, "/"), p);
}

/* text as the body of a C comment: no comment terminators. */
static void comment_line(FILE *out, const char *prefix, const char *text)
{
	const char *c;

	fprintf(out, " * %s", prefix);
	for (c = text; *c; c++) {
		if (c[0] == '*' && c[1] == '/')
			fputs("* /", out), c++;
		else
			fputc(*c, out);
	}
	fputc('\n', out);
}

static const char *syscall_text(const struct ln_witness *w)
{
	switch (w->syscall) {
	case FL_SYSCALL_READ:
		return "read(2)";
	case FL_SYSCALL_WRITE:
		return "write(2)";
	case FL_SYSCALL_FIEMAP:
		return "ioctl(FS_IOC_FIEMAP)";
	default:
		return "none";
	}
}

static void write_header(FILE *out, const struct ln_finding *f,
			 const struct ln_witness *w, long bytes)
{
	char line[1024];
	int i, n = 0;

	fprintf(out, "/*\n");
	snprintf(line, sizeof(line), "%s:%d: fault-under-lock in '%s'",
		 f->loc.file, f->loc.line, f->function);
	comment_line(out, "faultline witness for ", line);
	fprintf(out, " *\n");
	comment_line(out, "", f->msg);
	for (i = 0; i < f->nnotes; i++) {
		snprintf(line, sizeof(line), "%s:%d: %s", f->notes[i].loc.file,
			 f->notes[i].loc.line, f->notes[i].msg);
		comment_line(out, "  note: ", line);
	}
	fprintf(out, " *\n");
	for (i = 0; i < w->nchain; i++)
		n += snprintf(line + n, sizeof(line) - n, "%s%s",
			      i ? " -> " : "", w->chain[i]->name);
	fprintf(out, " * The program enters by %s%s (%s: %s).\n",
		syscall_text(w), w->direct ? " with O_DIRECT" : "",
		w->entry_field, line);
	if (w->direct)
		fprintf(out,
			" * The faulting call leads to direct I/O through "
			"'%s'.\n",
			w->direct_via);
	fprintf(out,
		" * Its user buffer is a shared mapping of the same file,\n"
		" * never touched and out of the page cache, so '%s' faults "
		"on\n"
		" * it with the lock held, and the fault path takes the lock "
		"again.\n"
		" *\n"
		" * Usage: witness DIR (on the filesystem under test; creates\n"
		" * DIR/faultline-witness, %ld bytes).  Prints \"returned\" "
		"when "
		"the\n"
		" * call comes back: no deadlock.  A hang is the witness.\n"
		" */\n",
		w->call->callee, bytes);
}

static const char body_common[] =
	"#define _GNU_SOURCE\n"
	"#include <errno.h>\n"
	"#include <fcntl.h>\n"
	"#include <stdio.h>\n"
	"#include <stdlib.h>\n"
	"#include <string.h>\n"
	"#include <sys/ioctl.h>\n"
	"#include <sys/mman.h>\n"
	"#include <sys/stat.h>\n"
	"#include <unistd.h>\n"
	"#include <linux/fiemap.h>\n"
	"#include <linux/fs.h>\n"
	"\n"
	"static void die(const char *what)\n"
	"{\n"
	"\tprintf(\"faultline-witness: %s: %s\\n\", what, strerror(errno));\n"
	"\texit(2);\n"
	"}\n"
	"\n"
	"/*\n"
	" * The file, its data on disk and out of the page cache.  One of "
	"that\n"
	" * size already there was made by the filesystem's own tools (a\n"
	" * resident NTFS file, which ntfs3 itself never makes): it is kept.\n"
	" */\n"
	"static void make_file(const char *path)\n"
	"{\n"
	"\tstatic char block[4096];\n"
	"\tlong left = FILE_BYTES;\n"
	"\tstruct stat st;\n"
	"\tint fd;\n"
	"\n"
	"\tif (stat(path, &st) == 0 && st.st_size == FILE_BYTES) {\n"
	"\t\tprintf(\"faultline-witness: using the file made with the "
	"image\\n\");\n"
	"\t\tleft = 0;\n"
	"\t}\n"
	"\tfd = open(path, O_RDWR | O_CREAT | (left ? O_TRUNC : 0), 0644);\n"
	"\tif (fd < 0)\n"
	"\t\tdie(\"create\");\n"
	"\tmemset(block, 'f', sizeof(block));\n"
	"\twhile (left > 0) {\n"
	"\t\tlong n = left < 4096 ? left : 4096;\n"
	"\n"
	"\t\tif (write(fd, block, n) != n)\n"
	"\t\t\tdie(\"write\");\n"
	"\t\tleft -= n;\n"
	"\t}\n"
	"\tif (fsync(fd) || close(fd))\n"
	"\t\tdie(\"fsync\");\n"
	"\tsync();\n"
	"\tfd = open(\"/proc/sys/vm/drop_caches\", O_WRONLY);\n"
	"\tif (fd < 0 || write(fd, \"3\\n\", 2) != 2)\n"
	"\t\tdie(\"drop_caches\");\n"
	"\tclose(fd);\n"
	"}\n"
	"\n";

static void write_main(FILE *out, const struct ln_witness *w)
{
	bool fiemap = w->syscall == FL_SYSCALL_FIEMAP;

	fputs("int main(int argc, char **argv)\n"
	      "{\n"
	      "\tchar path[4096];\n"
	      "\tchar *map;\n"
	      "\tlong n;\n"
	      "\tint fd;\n",
	      out);
	if (fiemap)
		fputs("\tstruct fiemap *fm;\n"
		      "\tchar *area;\n",
		      out);
	fputs("\n"
	      "\tsnprintf(path, sizeof(path), \"%s/faultline-witness\",\n"
	      "\t\t argc > 1 ? argv[1] : \".\");\n"
	      "\tmake_file(path);\n",
	      out);
	fprintf(out, "\tfd = open(path, O_RDWR%s);\n",
		w->direct ? " | O_DIRECT" : "");
	fputs("\tif (fd < 0)\n"
	      "\t\tdie(\"open\");\n",
	      out);
	if (!fiemap) {
		fputs("\tmap = mmap(NULL, FILE_BYTES, PROT_READ | PROT_WRITE, "
		      "MAP_SHARED, fd, 0);\n"
		      "\tif (map == MAP_FAILED)\n"
		      "\t\tdie(\"mmap\");\n",
		      out);
		/*
		 * The first half of the file, the buffer a mapping of the
		 * second: the faults are on the same file, while the I/O
		 * range never overlaps the buffer's pages (direct I/O writes
		 * back and write-protects the pages of its own range, and a
		 * fault-in-and-retry loop would chase them forever).
		 */
		fprintf(out,
			"\t/* The first half, through a mapping of the second "
			"half. */\n"
			"\tprintf(\"faultline-witness: %s(2) through a mapping "
			"of the file\\n\");\n"
			"\tfflush(stdout);\n"
			"\tn = p%s(fd, map + FILE_BYTES / 2, FILE_BYTES / 2, "
			"0);\n",
			syscall_names[w->syscall], syscall_names[w->syscall]);
	} else {
		/*
		 * The header in an anonymous page the ioctl reads first;
		 * the extents, which ->fiemap copies out under the lock, at
		 * the start of the file's mapping right after it.
		 */
		fputs("\t/* The header (read before ->fiemap) in an anonymous "
		      "page, the\n"
		      "\t * extents (copied out under the lock) in the file's "
		      "mapping. */\n"
		      "\tarea = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,\n"
		      "\t\t    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);\n"
		      "\tif (area == MAP_FAILED)\n"
		      "\t\tdie(\"mmap\");\n"
		      "\tmap = mmap(area + 4096, 4096, PROT_READ | "
		      "PROT_WRITE,\n"
		      "\t\t   MAP_SHARED | MAP_FIXED, fd, 0);\n"
		      "\tif (map == MAP_FAILED)\n"
		      "\t\tdie(\"mmap\");\n"
		      "\tfm = (struct fiemap *)(map - sizeof(*fm));\n"
		      "\tmemset(fm, 0, sizeof(*fm));\n"
		      "\tfm->fm_length = ~0ULL;\n"
		      "\tfm->fm_extent_count = 4;\n"
		      "\tprintf(\"faultline-witness: FS_IOC_FIEMAP, extents "
		      "into a mapping of the file\\n\");\n"
		      "\tfflush(stdout);\n"
		      "\tn = ioctl(fd, FS_IOC_FIEMAP, fm);\n"
		      "\tif (n == 0)\n"
		      "\t\tprintf(\"faultline-witness: %u extents, the first "
		      "with flags %#x\\n\",\n"
		      "\t\t       fm->fm_mapped_extents,\n"
		      "\t\t       fm->fm_mapped_extents ? "
		      "fm->fm_extents[0].fe_flags : 0);\n",
		      out);
	}
	fputs("\tprintf(\"faultline-witness: returned %ld (%s)\\n\", n,\n"
	      "\t       n < 0 ? strerror(errno) : \"ok\");\n"
	      "\treturn 0;\n"
	      "}\n",
	      out);
}

static void write_plan(FILE *out, const struct ln_finding *f,
		       const struct ln_witness *w, long bytes)
{
	char fs[64];

	filesystem_of(f->loc.file, fs, sizeof(fs));
	fprintf(out, "finding=%s:%d\n", f->loc.file, f->loc.line);
	fprintf(out, "function=%s\n", f->function);
	fprintf(out, "fs=%s\n", fs);
	fprintf(out, "syscall=%s\n", syscall_names[w->syscall]);
	fprintf(out, "direct=%d\n", w->direct);
	fprintf(out, "entry=%s\n", w->entry->name);
	fprintf(out, "entry_field=%s\n", w->entry_field);
	fprintf(out, "faulting_call=%s\n", w->call->callee);
	fprintf(out, "file_bytes=%ld\n", bytes);
}

static void describe(FILE *out, const struct ln_finding *f,
		     const struct ln_witness *w, int ok)
{
	fprintf(out, "%s:%d: '%s': ", f->loc.file, f->loc.line, f->function);
	if (ok)
		fprintf(out, "%s%s via %s (%s)\n", syscall_text(w),
			w->direct ? " with O_DIRECT" : "", w->entry->name,
			w->entry_field);
	else
		fprintf(out, "no witness: %s\n", w->why_not);
}

int main(int argc, char **argv)
{
	const char *rules_dir = NULL, *at = NULL, *function = NULL;
	const char *output = NULL, *plan = NULL;
	struct ln_finding **findings;
	const struct ln_finding *f = NULL;
	struct ln_program prog;
	struct fl_rules rules = {0};
	struct ln_witness w;
	bool list = false;
	long bytes = 0;
	int i, n, npaths = 0, ok;
	FILE *out;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(a, "--version")) {
			printf("faultline-witness %s\n", FAULTLINE_VERSION);
			return 0;
		} else if (!strcmp(a, "--list")) {
			list = true;
		} else if ((!strcmp(a, "--at") || !strcmp(a, "--function") ||
			    !strcmp(a, "-o") || !strcmp(a, "--plan") ||
			    !strcmp(a, "--rules") || !strcmp(a, "--objects") ||
			    !strcmp(a, "--file-bytes")) &&
			   i + 1 < argc) {
			const char *v = argv[++i];

			if (!strcmp(a, "--at"))
				at = v;
			else if (!strcmp(a, "--function"))
				function = v;
			else if (!strcmp(a, "-o"))
				output = v;
			else if (!strcmp(a, "--plan"))
				plan = v;
			else if (!strcmp(a, "--rules"))
				rules_dir = v;
			else if (!strcmp(a, "--objects"))
				npaths++;
			else {
				char *end;

				bytes = strtol(v, &end, 10);
				if (*end || bytes < 1 || bytes > (1L << 30)) {
					fprintf(stderr,
						"faultline-witness: bad "
						"--file-bytes '%s'\n",
						v);
					return 2;
				}
			}
		} else if (a[0] == '-' && a[1]) {
			fprintf(stderr,
				"faultline-witness: unknown or incomplete "
				"option '%s'\n%s",
				a, usage);
			return 2;
		} else {
			npaths++;
		}
	}
	if (!npaths || (!list && !at == !function)) {
		fprintf(stderr,
			"faultline-witness: give objects and one of --at, "
			"--function or --list\n%s",
			usage);
		return 2;
	}
	if (!rules_dir)
		rules_dir = fl_rules_beside_program(argv[0]);
	if (fl_rules_load_dir(&rules, rules_dir, input_error, NULL)) {
		fprintf(stderr,
			"faultline-witness: the rules in %s have errors\n",
			rules_dir);
		return 2;
	}
	ln_program_init(&prog, &rules, input_error, NULL);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--at") || !strcmp(a, "--function") ||
		    !strcmp(a, "-o") || !strcmp(a, "--plan") ||
		    !strcmp(a, "--rules") || !strcmp(a, "--file-bytes"))
			i++;
		else if (!strcmp(a, "--objects"))
			ln_read_list(&prog, argv[++i]);
		else if (a[0] != '-' || !a[1])
			ln_read_path(&prog, a);
	}
	ln_link(&prog);
	n = ln_all_findings(&prog, &findings);

	if (list) {
		int shown = 0;

		for (i = 0; i < n; i++) {
			if (strcmp(findings[i]->check, "fault-under-lock"))
				continue;
			ok = ln_witness_plan(&prog, findings[i], &w) == 0;
			describe(stdout, findings[i], &w, ok);
			shown++;
		}
		if (!shown)
			printf("faultline-witness: no fault-under-lock "
			       "finding in what was read\n");
		return prog.nerrors ? 2 : 0;
	}
	for (i = 0; i < n && !f; i++) {
		const struct ln_finding *c = findings[i];

		if (strcmp(c->check, "fault-under-lock"))
			continue;
		if (function && !strcmp(c->function, function))
			f = c;
		if (at) {
			const char *colon = strrchr(at, ':');
			char file[PATH_MAX];

			if (!colon)
				break;
			snprintf(file, sizeof(file), "%.*s", (int)(colon - at),
				 at);
			if (c->loc.file && atoi(colon + 1) == c->loc.line &&
			    path_ends_with(c->loc.file, file))
				f = c;
		}
	}
	if (!f) {
		fprintf(stderr,
			"faultline-witness: no fault-under-lock finding %s "
			"'%s' in what was read\n",
			at ? "at" : "in", at ? at : function);
		return 2;
	}
	if (ln_witness_plan(&prog, f, &w)) {
		describe(stdout, f, &w, 0);
		return 1;
	}
	if (!bytes)
		bytes = w.syscall == FL_SYSCALL_FIEMAP ? 128 : 65536;
	/* Two halves of whole pages (O_DIRECT wants whole blocks). */
	if (w.syscall != FL_SYSCALL_FIEMAP && bytes % 8192)
		bytes = (bytes + 8191) / 8192 * 8192;
	out = output ? fopen(output, "w") : stdout;
	if (!out) {
		perror(output);
		return 2;
	}
	write_header(out, f, &w, bytes);
	fprintf(out, "#define FILE_BYTES %ldL\n", bytes);
	fputs(body_common, out);
	write_main(out, &w);
	if (output && fclose(out)) {
		perror(output);
		return 2;
	}
	if (plan) {
		FILE *p = fopen(plan, "w");

		if (!p) {
			perror(plan);
			return 2;
		}
		write_plan(p, f, &w, bytes);
		fclose(p);
	}
	if (output)
		describe(stdout, f, &w, 1);
	return prog.nerrors ? 2 : 0;
}
