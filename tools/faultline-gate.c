// SPDX-License-Identifier: GPL-2.0
/*
 * faultline-gate: what does this patch introduce?
 *
 *	faultline-gate [-C KDIR] [OPTIONS] PATCHFILE
 *	faultline-gate [-C KDIR] [OPTIONS] REV1..REV2	(KDIR a git work tree)
 *
 * The units the patch touches are compiled with the plugin before and after
 * the patch, in a scratch copy of the tree made of hard links (the user's
 * tree is never written: each unit is compiled with the command kbuild
 * recorded for it, its outputs unlinked first, and patch(1) replaces the
 * files it changes).  The
 * other units of their directories come from the tree's own objects when
 * those carry facts, else from one plugin build of the directory.  Both
 * states are linked; findings are matched by check, function and message
 * without line numbers, so code that only moves is not "new".
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../lib/elf.h"
#include "../lib/facts.h"
#include "../lib/facts_file.h"
#include "../lib/link.h"
#include "../lib/patch.h"
#include "../lib/suppress.h"

/* One version for every tool: the VERSION file, passed by make. */
#ifndef FAULTLINE_VERSION
#define FAULTLINE_VERSION "unknown"
#endif

static const char usage[] =
	"usage: faultline-gate [-C KDIR] [OPTIONS] PATCHFILE\n"
	"       faultline-gate [-C KDIR] [OPTIONS] REV1..REV2\n"
	"\n"
	"Reports the faultline findings a patch introduces in a configured\n"
	"kernel tree (default: the current directory), and those it fixes.\n"
	"The tree is never modified: the work happens in a scratch copy.\n"
	"With REV1..REV2 (KDIR a git work tree) the patch is git diff REV1 REV2\n"
	"and the 'before' state is REV1's version of the files it touches.\n"
	"\n"
	"  -C KDIR          the kernel tree (configured and prepared)\n"
	"  --sarif FILE     also write SARIF 2.1.0 (new, unchanged and fixed)\n"
	"  --baseline FILE  findings accepted anyway (faultline-link's format)\n"
	"  -j N             parallel compile jobs (default: online CPUs)\n"
	"  --allow-unbuilt  a touched unit nothing in this tree shows how to\n"
	"                   compile is named and skipped (without it: exit 2)\n"
	"  --checker PATH   analyse the units with a standalone front end\n"
	"                   (tools/faultline-sparse, tools/faultline-clang) run\n"
	"                   on each unit's compile flags, as make C=2 CHECK=PATH\n"
	"                   does, instead of compiling them with the plugin;\n"
	"                   the tree's facts may then be side files\n"
	"  --keep           keep the scratch directory and say where it is\n"
	"  -q, --quiet      no progress on stderr\n"
	"  -h, --help       this text\n"
	"  --version        print the version\n"
	"\n"
	"The plugin (unless --checker) and the rules are found beside the tool:\n"
	"installed, ../lib/faultline/faultline.so and ../share/faultline/rules;\n"
	"in a checkout, ../plugin/faultline.so and ../rules.\n"
	"\n"
	"Environment: FAULTLINE_PLUGIN names the plugin (one built for the tree's\n"
	"compiler, plugin/CC/faultline.so); default: the one beside the tool.\n"
	"\n"
	"Exit status: 0 nothing new, 1 new findings, 2 a usage or environment\n"
	"error (a patch that does not apply, an unconfigured tree, a failed\n"
	"build, a touched unit that could not be analysed).  A touched .c with\n"
	"no compile command of its own (never built here) is compiled with the\n"
	"flags of a built unit of its directory.\n";

static const char *kdir = ".";
static const char *plugin_path, *rules_dir, *sarif_path, *baseline_path;
/* A standalone front end run instead of the plugin (--checker). */
static const char *checker_path;
static char scratch[PATH_MAX], tree[PATH_MAX], patch_file[PATH_MAX];
static int jobs;
static bool keep, quiet;

static void progress(const char *fmt, const char *arg)
{
	if (quiet)
		return;
	fputs("  GATE    ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
}

static void cleanup(void)
{
	char *argv[] = {"rm", "-rf", scratch, NULL};
	pid_t pid;

	if (!scratch[0] || keep)
		return;
	pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

static void __attribute__((noreturn)) die(const char *fmt, const char *arg)
{
	fputs("faultline-gate: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	cleanup();
	exit(2);
}

/* Run argv in dir with output into log (NULL: inherited).  Exit status. */
static int run(const char *dir, char *const argv[], const char *log)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		if (dir && chdir(dir))
			_exit(127);
		if (log) {
			int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);

			if (fd < 0)
				_exit(127);
			dup2(fd, 1);
			dup2(fd, 2);
			close(fd);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static void show_log(const char *log)
{
	char line[1024];
	FILE *in = fopen(log, "r");
	int n = 0;

	while (in && fgets(line, sizeof(line), in) && n++ < 30)
		fprintf(stderr, "    %s", line);
	if (in)
		fclose(in);
}

/* A list of strings. */
struct strv {
	char **v;
	int n;
};

static void strv_add(struct strv *s, const char *str)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], str))
			return;
	s->v = fl_xrealloc(s->v, (s->n + 2) * sizeof(char *));
	s->v[s->n++] = strdup(str);
	s->v[s->n] = NULL;
}

static bool strv_has(const struct strv *s, const char *str)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->v[i], str))
			return true;
	return false;
}

static void add_path(void *ctx, const char *path)
{
	strv_add(ctx, path);
}

static void bad_path(void *ctx, const char *path)
{
	(void)ctx;
	die("the patch names %s, a path outside the tree", path);
}

/* Paths the patch touches (the b/ side, and the a/ side of deletions). */
static void touched_paths(const char *patch, struct strv *paths)
{
	FILE *in = fopen(patch, "r");

	if (!in)
		die("cannot read %s", patch);
	fl_patch_paths(in, add_path, bad_path, paths);
	fclose(in);
}

static bool exists(const char *dir, const char *rel)
{
	char path[PATH_MAX];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	return stat(path, &st) == 0;
}

/* "fs/ocfs2/extent_map.c" -> "fs/ocfs2/.extent_map.o.cmd" */
static void cmd_file(const char *obj, char *buf, size_t len)
{
	const char *slash = strrchr(obj, '/');

	if (slash)
		snprintf(buf, len, "%.*s/.%s.cmd", (int)(slash - obj), obj,
			 slash + 1);
	else
		snprintf(buf, len, ".%s.cmd", obj);
}

/* Whether kbuild's dependency file of obj lists header. */
static bool depends_on(const char *obj, const char *header)
{
	char cmd[PATH_MAX], path[PATH_MAX], line[PATH_MAX + 64];
	FILE *in;
	bool found = false;

	cmd_file(obj, cmd, sizeof(cmd));
	snprintf(path, sizeof(path), "%s/%s", kdir, cmd);
	in = fopen(path, "r");
	while (in && !found && fgets(line, sizeof(line), in))
		found = strstr(line, header) != NULL;
	if (in)
		fclose(in);
	return found;
}

/*
 * Units with no compile command of their own (the file was never built in
 * this tree, or is new) borrow one from a unit of the same directory that
 * has one, its names replaced: the same flags, as kbuild would give them.
 */
static struct strv borrowed_objs, borrowed_cmds;
/* Touched units that could not be analysed, and why. */
static struct strv unanalysed;
static bool allow_unbuilt;

/* s with every "from" replaced by "to"; the caller frees it. */
static char *replace_all(const char *s, const char *from, const char *to)
{
	size_t nf = strlen(from), nt = strlen(to), n = 0;
	const char *p;
	char *out, *q;

	for (p = s; (p = strstr(p, from)); p += nf)
		n++;
	out = fl_xcalloc(strlen(s) + n * (nt > nf ? nt - nf : 0) + 1, 1);
	for (p = s, q = out; *p;) {
		if (!strncmp(p, from, nf)) {
			memcpy(q, to, nt);
			q += nt;
			p += nf;
		} else {
			*q++ = *p++;
		}
	}
	*q = '\0';
	return out;
}

/* The "cmd_OBJ := ..." line of obj's .cmd file under root, or NULL. */
static char *cmd_line_in(const char *root, const char *obj)
{
	char cmd[PATH_MAX], path[PATH_MAX], prefix[PATH_MAX + 16];
	char *line = NULL;
	size_t cap = 0;
	FILE *in;

	cmd_file(obj, cmd, sizeof(cmd));
	snprintf(path, sizeof(path), "%s/%s", root, cmd);
	in = fopen(path, "r");
	if (!in)
		return NULL;
	snprintf(prefix, sizeof(prefix), "cmd_%s := ", obj);
	while (getline(&line, &cap, in) > 0)
		if (!strncmp(line, prefix, strlen(prefix)) &&
		    strstr(line, " -c ")) {
			fclose(in);
			return line;
		}
	fclose(in);
	free(line);
	return NULL;
}

/* The user's tree first, then what kbuild built in the scratch tree. */
static char *cmd_line(const char *obj)
{
	char *line = cmd_line_in(kdir, obj);

	return line || !tree[0] ? line : cmd_line_in(tree, obj);
}


/*
 * The last resort for a unit no built unit of its directory lends flags
 * to: kbuild compiles it, without the plugin, in the scratch tree, where
 * what kbuild rewrites in place (scripts, include, arch, tools and the top
 * level's files) is first made a real copy, so nothing is written through
 * a hard link into the user's tree.  The .cmd file it leaves gives the
 * command; NULL when kbuild cannot build the unit (not configured).  The
 * whole directory is built, so its other units have commands too: the
 * context of a cross-unit finding.
 */
static char *kbuild_command(const char *obj, const char *log)
{
	static bool unshared;
	char *line;

	if (!unshared) {
		char script[4 * PATH_MAX];
		char *sh[] = {"sh", "-c", script, NULL};

		progress("%s", "making real copies of what kbuild rewrites "
			       "in the scratch tree");
		snprintf(script, sizeof(script),
			 "for d in scripts include arch tools; do "
			 "rm -rf \"$d\" && cp -a \"%s/$d\" \"$d\" || exit 1; done; "
			 "for f in \"%s\"/.[!.]* \"%s\"/*; do "
			 "[ -f \"$f\" ] || continue; b=${f##*/}; "
			 "rm -f \"$b\" && cp -a \"$f\" \"$b\" || exit 1; done; "
			 /* and every generated file elsewhere (kernel/bounds.s) */
			 "find . -type f -links +1 ! -name '*.[chS]' "
			 "! -name 'Kconfig*' ! -name 'Makefile*' ! -name 'Kbuild*' "
			 "-exec sh -c 'for f; do cp -p \"$f\" \"$f.fl\" && "
			 "mv \"$f.fl\" \"$f\" || exit 1; done' sh {} +",
			 kdir, kdir, kdir);
		if (run(tree, sh, log))
			die("cannot copy kbuild's files in the scratch tree "
			    "(log: %s)", log);
		unshared = true;
	}
	{
		char dir[PATH_MAX];
		char *mk[] = {"make", "-s", "-k", "KBUILD_MODULES=1", dir, NULL};

		snprintf(dir, sizeof(dir), "%s", obj);
		if (strrchr(dir, '/'))
			strrchr(dir, '/')[1] = '\0';
		progress("%s has no compile command: building its directory "
			 "with kbuild in the scratch tree", obj);
		run(tree, mk, log);
	}
	line = cmd_line_in(tree, obj);
	return line;
}

/* A compile command for obj (dir/name.o) from a sibling's, or NULL. */
static char *borrow_command(const char *obj)
{
	char dir[PATH_MAX], path[PATH_MAX], sib[PATH_MAX];
	const char *slash = strrchr(obj, '/');
	const char *name = slash ? slash + 1 : obj;
	struct dirent *de;
	char *line = NULL;
	DIR *d;

	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - obj) : 1,
		 slash ? obj : ".");
	snprintf(path, sizeof(path), "%s/%s", kdir, dir);
	d = opendir(path);
	while (d && !line && (de = readdir(d))) {
		size_t len = strlen(de->d_name);

		if (de->d_name[0] != '.' || len < 7 ||
		    strcmp(de->d_name + len - 6, ".o.cmd"))
			continue;
		snprintf(sib, sizeof(sib), "%s/%.*s", dir, (int)(len - 5),
			 de->d_name + 1);
		line = cmd_line(sib);
		if (line) {
			/* dir/sib.o, dir/sib.c, dir/.sib.o.d, "sib" */
			char from[PATH_MAX + 8], to[PATH_MAX + 8];
			size_t sl = strlen(sib) - 2, nl = strlen(name) - 2;
			const char *sname = sib + strlen(dir) + 1;
			char *a, *b;

			snprintf(from, sizeof(from), "%.*s.", (int)sl, sib);
			snprintf(to, sizeof(to), "%.*s.", (int)(strlen(obj) - 2),
				 obj);
			a = replace_all(line, from, to);
			snprintf(from, sizeof(from), "/.%.*s.o.d", (int)(sl - strlen(dir) - 1), sname);
			snprintf(to, sizeof(to), "/.%.*s.o.d", (int)nl, name);
			b = replace_all(a, from, to);
			free(a);
			snprintf(from, sizeof(from), "\"%.*s\"", (int)(sl - strlen(dir) - 1), sname);
			snprintf(to, sizeof(to), "\"%.*s\"", (int)nl, name);
			a = replace_all(b, from, to);
			free(b);
			free(line);
			line = a;
		}
	}
	if (d)
		closedir(d);
	return line;
}

/*
 * The objects to compile: each touched .c built in this configuration,
 * and the units of a touched header's directory that include it.
 */
static void units_of(const struct strv *paths, struct strv *objs,
		     struct strv *dirs, const char *log)
{
	int i;

	for (i = 0; i < paths->n; i++) {
		const char *p = paths->v[i];
		size_t n = strlen(p);
		char obj[PATH_MAX], dir[PATH_MAX], cmd[PATH_MAX];

		snprintf(dir, sizeof(dir), "%s", p);
		if (strrchr(dir, '/'))
			*strrchr(dir, '/') = '\0';
		else
			strcpy(dir, ".");
		if (n > 2 && !strcmp(p + n - 2, ".c")) {
			snprintf(obj, sizeof(obj), "%.*s.o", (int)(n - 2), p);
			cmd_file(obj, cmd, sizeof(cmd));
			if (!exists(kdir, cmd)) {
				char *line = borrow_command(obj);

				if (line)
					progress("%s has no compile command of "
						 "its own: compiled with its "
						 "directory's flags", p);
				else
					line = kbuild_command(obj, log);
				if (!line) {
					progress("%s is not built in this "
						 "configuration (kbuild cannot "
						 "build it): not analysed", p);
					strv_add(&unanalysed, p);
					continue;
				}
				strv_add(&borrowed_objs, obj);
				strv_add(&borrowed_cmds, line);
				free(line);
			}
			strv_add(objs, obj);
			strv_add(dirs, dir);
		} else if (n > 2 && !strcmp(p + n - 2, ".h")) {
			char path[PATH_MAX];
			struct dirent *de;
			DIR *d;

			snprintf(path, sizeof(path), "%s/%s", kdir, dir);
			d = opendir(path);
			while (d && (de = readdir(d))) {
				size_t len = strlen(de->d_name);

				if (de->d_name[0] != '.' || len < 7 ||
				    strcmp(de->d_name + len - 6, ".o.cmd"))
					continue;
				snprintf(obj, sizeof(obj), "%s/%.*s", dir,
					 (int)(len - 5), de->d_name + 1);
				if (depends_on(obj, p)) {
					strv_add(objs, obj);
					strv_add(dirs, dir);
				}
			}
			if (d)
				closedir(d);
		}
	}
}

/* Remove obj and kbuild's files about it from the scratch tree, so the
 * compiler writes new files instead of the user's (hard-linked) ones. */
static void unlink_outputs(const char *obj)
{
	char path[PATH_MAX], cmd[PATH_MAX];
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", tree, obj);
	/*
	 * A checker writes only the side file, which is read because it is
	 * newer than the object: the object (the user's) stays.
	 */
	if (checker_path) {
		fl_facts_sidefile(path, cmd, sizeof(cmd));
		unlink(cmd);
	} else {
		unlink(path);
	}
	cmd_file(obj, cmd, sizeof(cmd));
	snprintf(path, sizeof(path), "%s/%s", tree, cmd);
	unlink(path);
	n = strlen(path);
	if (n > 4) {
		strcpy(path + n - 4, ".d"); /* .X.o.d */
		unlink(path);
	}
}

/*
 * The command kbuild last used for obj (its .cmd file), with this plugin in
 * place of any other: compiled that way, nothing but obj and its .d file is
 * written, whereas make would first redo whatever a changed KCFLAGS
 * touches (asm-offsets, checksyscalls), in place.  NULL if obj has no
 * compile command (ld -r composites).
 */
static char *compile_command(const char *obj)
{
	char prefix[PATH_MAX + 16];
	char *line = cmd_line(obj), *out, *p, *q;
	size_t n;
	int i;

	for (i = 0; !line && i < borrowed_objs.n; i++)
		if (!strcmp(borrowed_objs.v[i], obj))
			line = strdup(borrowed_cmds.v[i]);
	if (!line)
		return NULL;
	snprintf(prefix, sizeof(prefix), "cmd_%s := ", obj);
	if (strncmp(line, prefix, strlen(prefix))) {
		free(line);
		return NULL;
	}
	n = strlen(line);
	out = fl_xcalloc(
		n + strlen(checker_path ? checker_path : plugin_path) + 32, 1);
	p = line + strlen(prefix);
	q = out;
	if (checker_path) {
		/* The checker on the compiler flags, as C=2 runs it. */
		q += sprintf(q, "%s", checker_path);
		while (*p && *p != ' ')
			p++;
	} else {
		/* The compiler, then the plugin. */
		while (*p && *p != ' ')
			*q++ = *p++;
		q += sprintf(q, " -fplugin=%s", plugin_path);
	}
	while (*p && *p != '\n') {
		/* What follows the compile (objtool) is not the checker's. */
		if (checker_path && !strncmp(p, " ; ", 3))
			break;
		if (!strncmp(p, " -fplugin=", 10) ||
		    !strncmp(p, " -fplugin-arg-", 14)) {
			p++;
			while (*p && *p != ' ' && *p != '\n')
				p++;
			continue;
		}
		/* Make's escapes in .cmd files: $$ and \#. */
		if (p[0] == '$' && p[1] == '$')
			p++;
		else if (p[0] == '\\' && p[1] == '#')
			p++;
		*q++ = *p++;
	}
	*q = '\0';
	free(line);
	return out;
}

/* Compile objs in the scratch tree with the plugin, jobs at a time. */
static void build(const struct strv *objs, const char *log)
{
	int i, running = 0, failed = 0, status;

	for (i = 0; i < objs->n || running; ) {
		if (i < objs->n && running < jobs) {
			char *cmd = compile_command(objs->v[i]);
			char *argv[] = {"sh", "-c", cmd, NULL};
			pid_t pid;

			if (!cmd)
				die("no compile command for %s in its .cmd file "
				    "(build it once in the tree)",
				    objs->v[i]);
			unlink_outputs(objs->v[i]);
			pid = fork();
			if (pid == 0) {
				int fd = open(log, O_WRONLY | O_CREAT | O_APPEND,
					      0644);

				if (chdir(tree) || fd < 0)
					_exit(127);
				dup2(fd, 1);
				dup2(fd, 2);
				execvp(argv[0], argv);
				_exit(127);
			}
			free(cmd);
			if (pid < 0)
				die("fork: %s", strerror(errno));
			running++;
			i++;
			continue;
		}
		if (wait(&status) > 0) {
			running--;
			if (!WIFEXITED(status) || WEXITSTATUS(status))
				failed++;
		}
	}
	if (failed) {
		show_log(log);
		die("compiling failed (log: %s); see above", log);
	}
}

/* Whether directory path holds a file whose name ends in suffix. */
static bool has_file_ending(const char *path, const char *suffix)
{
	size_t ns = strlen(suffix);
	struct dirent *de;
	bool found = false;
	DIR *d = opendir(path);

	while (d && !found && (de = readdir(d))) {
		size_t n = strlen(de->d_name);

		found = n > ns && !strcmp(de->d_name + n - ns, suffix);
	}
	if (d)
		closedir(d);
	return found;
}

static bool has_cmd_files(const char *path)
{
	return has_file_ending(path, ".o.cmd");
}

static bool has_objects(const char *path)
{
	return has_file_ending(path, ".o");
}

/* The compiled units of a directory: objects with a compile command. */
static void units_in_dir(const char *dir, struct strv *objs)
{
	char path[PATH_MAX], obj[PATH_MAX];
	struct dirent *de;
	DIR *d;

	snprintf(path, sizeof(path), "%s/%s", kdir, dir);
	d = opendir(path);
	/* Nothing built there: what kbuild built in the scratch tree. */
	if (d && !has_cmd_files(path)) {
		closedir(d);
		snprintf(path, sizeof(path), "%s/%s", tree, dir);
		d = opendir(path);
	}
	while (d && (de = readdir(d))) {
		size_t len = strlen(de->d_name);
		char *cmd;

		if (de->d_name[0] != '.' || len < 7 ||
		    strcmp(de->d_name + len - 6, ".o.cmd"))
			continue;
		snprintf(obj, sizeof(obj), "%s/%.*s", dir, (int)(len - 5),
			 de->d_name + 1);
		cmd = compile_command(obj);
		if (cmd)
			strv_add(objs, obj);
		free(cmd);
	}
	if (d)
		closedir(d);
}

/* Copy obj from the scratch tree to dest/obj. */
static void save_object(const char *obj, const char *dest)
{
	char from[PATH_MAX], to[PATH_MAX], *slash;
	char *argv[] = {"cp", from, to, NULL};

	snprintf(from, sizeof(from), "%s/%s", tree, obj);
	snprintf(to, sizeof(to), "%s/%s", dest, obj);
	if (checker_path) {
		char object[PATH_MAX];

		fl_facts_sidefile(from, object, sizeof(object));
		snprintf(from, sizeof(from), "%s", object);
		fl_facts_sidefile(to, object, sizeof(object));
		snprintf(to, sizeof(to), "%s", object);
	}
	slash = strrchr(to, '/');
	*slash = '\0';
	{
		char *mk[] = {"mkdir", "-p", to, NULL};

		run(NULL, mk, NULL);
	}
	*slash = '/';
	if (run(NULL, argv, NULL))
		die(checker_path ? "%s was not checked (no facts side file)"
				  : "%s was not built",
		    obj);
}

/* Facts of one object: how many units, and whether one is in skip. */
static int object_units(const char *path, const struct strv *skip_sources,
			bool *skip)
{
	struct fl_elf_section sec;
	char err[256], src[PATH_MAX];
	const char *p;
	int n = 0;

	*skip = false;
	if (fl_facts_find(path, &sec, NULL, 0, err, sizeof(err)))
		return 0;
	/* Facts of another version are as good as none: rebuild. */
	snprintf(src, sizeof(src), "%s\t%d\n", FL_FACTS_MAGIC, FL_FACTS_VERSION);
	if (!sec.data || sec.len < strlen(src) ||
	    strncmp(sec.data, src, strlen(src))) {
		fl_elf_close(&sec);
		return 0;
	}
	for (p = sec.data; p && p < sec.data + sec.len;) {
		const char *u = memmem(p, sec.data + sec.len - p, "\nunit\t", 6);
		size_t len;

		if (!u)
			break;
		u += 6;
		len = strcspn(u, "\n");
		snprintf(src, sizeof(src), "%.*s", (int)len, u);
		if (strv_has(skip_sources, src))
			*skip = true;
		n++;
		p = u + len;
	}
	fl_elf_close(&sec);
	return n;
}

/*
 * The other units of the directories: single-unit objects of the tree
 * with facts, not the touched ones.  Returns false if a directory has
 * objects without facts (it must be built with the plugin first).
 */
static bool context_objects(const char *root, const struct strv *dirs,
			    const struct strv *sources, struct strv *out)
{
	int i;

	for (i = 0; i < dirs->n; i++) {
		char path[PATH_MAX];
		struct dirent *de;
		bool bare = false;
		DIR *d;

		snprintf(path, sizeof(path), "%s/%s", root, dirs->v[i]);
		d = opendir(path);
		/* No object at all: the directory was never built here. */
		if (!has_objects(path)) {
			if (d)
				closedir(d);
			return false;
		}
		while (d && (de = readdir(d))) {
			size_t n = strlen(de->d_name);
			bool skip;
			int units;

			if (n < 3 || strcmp(de->d_name + n - 2, ".o") ||
			    strstr(de->d_name, ".mod.o"))
				continue;
			snprintf(path, sizeof(path), "%s/%s/%s", root,
				 dirs->v[i], de->d_name);
			units = object_units(path, sources, &skip);
			if (units == 0) {
				char rel[PATH_MAX], *line;

				/*
				 * A composite (ld -r) carries its units' facts
				 * in its section, never in a side file of its
				 * own: only a compiled unit without facts is
				 * one the tree lacks.
				 */
				snprintf(rel, sizeof(rel), "%s/%s", dirs->v[i],
					 de->d_name);
				line = cmd_line_in(root, rel);
				bare = bare || line;
				free(line);
			}
			else if (units == 1 && !skip)
				strv_add(out, path);
		}
		if (d)
			closedir(d);
		if (bare)
			return false;
	}
	return true;
}

static void link_error(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "faultline-gate: %s\n", msg);
}

static void link_state(struct ln_program *prog, const struct fl_rules *rules,
		       const struct strv *context, const char *objdir,
		       const struct strv *objs)
{
	char path[PATH_MAX];
	int i;

	ln_program_init(prog, rules, link_error, NULL);
	prog->srcroot = tree;
	for (i = 0; i < context->n + objs->n; i++) {
		struct fl_elf_section sec;
		char err[256];

		if (i < context->n)
			snprintf(path, sizeof(path), "%s", context->v[i]);
		else
			snprintf(path, sizeof(path), "%s/%s", objdir,
				 objs->v[i - context->n]);
		if (fl_facts_find(path, &sec, NULL, 0, err, sizeof(err)) ||
		    !sec.data)
			die("no faultline facts in %s", path);
		ln_read_facts(prog, path, sec.data, sec.len);
		fl_elf_close(&sec);
	}
	ln_link(prog);
}

/* Compile the units as the scratch tree is now, keep their objects in
 * SCRATCH/state/, and link them with the context. */
static void analyse_state(struct ln_program *prog, const char *state,
			  const struct fl_rules *rules,
			  const struct strv *context, const struct strv *objs,
			  const char *log)
{
	char objdir[PATH_MAX], what[PATH_MAX];
	int i;

	snprintf(objdir, sizeof(objdir), "%s/%s", scratch, state);
	if (objs->n) {
		snprintf(what, sizeof(what), "%s %s the patch", objs->v[0], state);
		progress(checker_path ? "checking %s" : "compiling %s", what);
		build(objs, log);
		for (i = 0; i < objs->n; i++)
			save_object(objs->v[i], objdir);
	}
	link_state(prog, rules, context, objdir, objs);
}

static void key_of(const struct ln_finding *f, char *buf, size_t len)
{
	fl_finding_key(buf, len, f->check, f->function, f->msg);
}

/* Match a against b by key, each b used once; mark[i] for matched a. */
static void match(struct ln_finding **a, int na, struct ln_finding **b,
		  int nb, bool *matched)
{
	bool *used = fl_xcalloc(nb + 1, sizeof(bool));
	char ka[8192], kb[8192];
	int i, j;

	for (i = 0; i < na; i++) {
		matched[i] = false;
		key_of(a[i], ka, sizeof(ka));
		for (j = 0; j < nb; j++) {
			if (used[j])
				continue;
			key_of(b[j], kb, sizeof(kb));
			if (!strcmp(ka, kb)) {
				used[j] = matched[i] = true;
				break;
			}
		}
	}
	free(used);
}

static const char *argv0;

/* The directory of this program: /proc/self/exe, or argv[0] without /proc
 * (a chroot). */
static const char *self_dir(void)
{
	static char dir[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof(dir) - 1);
	char *slash;

	if (n <= 0 && argv0 && realpath(argv0, dir))
		n = strlen(dir);
	if (n <= 0)
		return ".";
	dir[n] = '\0';
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	return dir;
}

static void rules_error(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "faultline-gate: %s\n", msg);
}

/* REV1..REV2: the diff, and REV1's version of each file it touches. */
static void prepare_range(const char *range)
{
	char revs[512], *dots, *rev2;
	char *diff[] = {"git", "diff", "--no-color", NULL, NULL, NULL};
	struct strv paths = {0};
	int fd, i, saved;

	snprintf(revs, sizeof(revs), "%s", range);
	dots = strstr(revs, "..");
	*dots = '\0';
	rev2 = dots + 2;
	if (!revs[0] || !rev2[0])
		die("'%s' is not a range REV1..REV2", range);
	diff[3] = revs;
	diff[4] = rev2;
	snprintf(patch_file, sizeof(patch_file), "%s/range.patch", scratch);
	fd = open(patch_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	saved = dup(1);
	dup2(fd, 1);
	close(fd);
	i = run(kdir, diff, NULL);
	dup2(saved, 1);
	close(saved);
	if (i)
		die("git diff %s failed: is KDIR a git work tree with both "
		    "revisions?",
		    range);
	touched_paths(patch_file, &paths);
	for (i = 0; i < paths.n; i++) {
		char spec[PATH_MAX + 520], dest[PATH_MAX];
		char *show[] = {"git", "show", spec, NULL};

		snprintf(spec, sizeof(spec), "%s:%s", revs, paths.v[i]);
		snprintf(dest, sizeof(dest), "%s/%s", tree, paths.v[i]);
		unlink(dest); /* never write through a hard link */
		fd = open(dest, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			continue; /* a new directory: the patch creates it */
		saved = dup(1);
		dup2(fd, 1);
		close(fd);
		if (run(kdir, show, NULL))
			unlink(dest); /* not in REV1: the patch adds it */
		dup2(saved, 1);
		close(saved);
	}
}

int main(int argc, char **argv)
{
	struct strv paths = {0}, objs = {0}, dirs = {0}, context = {0};
	struct strv sources = {0}, targets = {0};
	struct ln_program before, after;
	struct ln_finding **fb, **fa;
	struct fl_rules rules = {0};
	struct fl_baseline baseline = {0};
	const char *what = NULL;
	char log[PATH_MAX], path[PATH_MAX];
	bool *old, *still, range = false;
	struct timespec t0, t1;
	int i, nb, na, nnew = 0, nfixed = 0;

	argv0 = argv[0];
	clock_gettime(CLOCK_MONOTONIC, &t0);
	jobs = sysconf(_SC_NPROCESSORS_ONLN);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(a, "--version")) {
			printf("faultline-gate %s (facts version %d)\n",
			       FAULTLINE_VERSION, FL_FACTS_VERSION);
			return 0;
		} else if (!strcmp(a, "--allow-unbuilt")) {
			allow_unbuilt = true;
		} else if (!strcmp(a, "--keep")) {
			keep = true;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			quiet = true;
		} else if ((!strcmp(a, "-C") || !strcmp(a, "--sarif") ||
			    !strcmp(a, "--baseline") || !strcmp(a, "-j") ||
			    !strcmp(a, "--checker")) &&
			   i + 1 < argc) {
			if (!strcmp(a, "-C"))
				kdir = argv[++i];
			else if (!strcmp(a, "--checker"))
				checker_path = argv[++i];
			else if (!strcmp(a, "--sarif"))
				sarif_path = argv[++i];
			else if (!strcmp(a, "--baseline"))
				baseline_path = argv[++i];
			else
				jobs = atoi(argv[++i]);
		} else if (a[0] == '-' || what) {
			fprintf(stderr, "faultline-gate: unexpected '%s'\n%s",
				a, usage);
			return 2;
		} else {
			what = a;
		}
	}
	if (!what) {
		fprintf(stderr, "faultline-gate: no patch given\n%s", usage);
		return 2;
	}
	if (jobs < 1)
		jobs = 1;
	if (!realpath(kdir, path))
		die("no such tree: %s", kdir);
	kdir = strdup(path);
	if (!exists(kdir, ".config") || !exists(kdir, "Makefile"))
		die("%s is not a configured kernel tree (no .config)", kdir);
	if (access(what, R_OK) == 0) {
		if (!realpath(what, patch_file))
			die("cannot read %s", what);
	} else if (strstr(what, "..") && exists(kdir, ".git")) {
		range = true;
	} else {
		die("no such patch file: %s (a range REV1..REV2 needs a git "
		    "work tree)",
		    what);
	}
	/* Installed (PREFIX/bin/..: its rules are there) or a checkout. */
	snprintf(path, sizeof(path), "%s/../lib/faultline/faultline.so",
		 self_dir());
	plugin_path = strdup(path);
	snprintf(path, sizeof(path), "%s/../share/faultline/rules", self_dir());
	rules_dir = strdup(path);
	if (!exists(rules_dir, ".")) {
		snprintf(path, sizeof(path), "%s/plugin/faultline.so",
			 self_dir());
		plugin_path = strdup(path);
		snprintf(path, sizeof(path), "%s/../rules", self_dir());
		rules_dir = strdup(path);
		snprintf(path, sizeof(path), "%s/../plugin/faultline.so",
			 self_dir());
		if (access(plugin_path, R_OK))
			plugin_path = strdup(path);
	}
	/* The plugin for another compiler (plugin/gcc-15/faultline.so). */
	if (getenv("FAULTLINE_PLUGIN") && *getenv("FAULTLINE_PLUGIN"))
		plugin_path = getenv("FAULTLINE_PLUGIN");
	if (checker_path) {
		/* Run from the scratch tree: an absolute path. */
		if (!realpath(checker_path, path) || access(path, X_OK))
			die("no such checker: %s", checker_path);
		checker_path = strdup(path);
	} else if (access(plugin_path, R_OK)) {
		die("the plugin is not built (%s): run make", plugin_path);
	}
	if (fl_rules_load_dir(&rules, rules_dir, rules_error, NULL))
		die("the rules in %s have errors", rules_dir);
	if (baseline_path &&
	    fl_baseline_read(&baseline, baseline_path, link_error, NULL))
		die("the baseline %s has errors", baseline_path);

	/* The scratch tree: hard links, on the tree's own filesystem if
	 * TMPDIR is elsewhere (cp -l cannot cross filesystems). */
	snprintf(scratch, sizeof(scratch), "%s/faultline-gate.XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(scratch))
		die("cannot create a scratch directory: %s", strerror(errno));
	snprintf(tree, sizeof(tree), "%s/tree", scratch);
	snprintf(log, sizeof(log), "%s/gate.log", scratch);
	progress("copying %s (hard links)", kdir);
	{
		char *cp[] = {"cp", "-al", (char *)kdir, tree, NULL};

		if (run(NULL, cp, log)) {
			char *cpa[] = {"cp", "-a", (char *)kdir, tree, NULL};

			progress("%s", "hard links failed: copying");
			if (run(NULL, cpa, log))
				die("cannot copy the tree (log: %s)", log);
		}
	}
	if (range)
		prepare_range(what);

	/* Does the patch apply?  Checked before anything is built. */
	{
		char *dry[] = {"patch", "-p1", "-s", "-f", "--dry-run", "-i",
			       patch_file, NULL};

		if (run(tree, dry, log)) {
			fprintf(stderr,
				"faultline-gate: the patch does not apply to "
				"%s; nothing was changed:\n",
				kdir);
			show_log(log);
			cleanup();
			return 2;
		}
	}
	touched_paths(patch_file, &paths);
	units_of(&paths, &objs, &dirs, log);
	for (i = 0; i < objs.n; i++) {
		snprintf(path, sizeof(path), "%.*s.c",
			 (int)strlen(objs.v[i]) - 2, objs.v[i]);
		strv_add(&sources, path);
	}

	/* Context: the tree's objects with facts, else one plugin build. */
	if (objs.n && !context_objects(kdir, &dirs, &sources, &context)) {
		for (i = 0; i < dirs.n; i++)
			units_in_dir(dirs.v[i], &targets);
		progress(checker_path ? "checking the units of %s for context "
					  "(the tree's objects have no facts)"
					: "compiling the units of %s with the plugin "
					  "for context (the tree's objects have no facts)",
			 dirs.v[0]);
		build(&targets, log);
		context.n = 0;
		context_objects(tree, &dirs, &sources, &context);
	}

	/* Before and after the patch; each state is linked at once, so
	 * suppression markers are read from its own source. */
	analyse_state(&before, "before", &rules, &context, &objs, log);
	{
		char *apply[] = {"patch", "-p1", "-s", "-f", "-i", patch_file,
				 NULL};

		if (run(tree, apply, log)) {
			show_log(log);
			die("%s", "the patch failed to apply in the scratch tree");
		}
	}
	analyse_state(&after, "after", &rules, &context, &objs, log);
	nb = ln_all_findings(&before, &fb);
	na = ln_all_findings(&after, &fa);
	old = fl_xcalloc(na + 1, sizeof(bool));
	still = fl_xcalloc(nb + 1, sizeof(bool));
	match(fa, na, fb, nb, old);
	match(fb, nb, fa, na, still);

	for (i = 0; i < na; i++) {
		char key[8192];

		key_of(fa[i], key, sizeof(key));
		fa[i]->baselined = old[i] || fl_baseline_has(&baseline, key);
		if (fa[i]->baselined || fa[i]->suppressed)
			continue;
		ln_print_finding(stdout, fa[i]);
		nnew++;
	}
	for (i = 0; i < nb; i++) {
		if (still[i] || fb[i]->suppressed)
			continue;
		printf("%s:%d: fixed: %s in '%s': %s\n", fb[i]->loc.file,
		       fb[i]->loc.line, fb[i]->check, fb[i]->function,
		       fb[i]->msg);
		nfixed++;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("faultline-gate: %d new finding%s, %d fixed (%d unit%s "
	       "analysed, %d not analysed, %.1f s)\n",
	       nnew, nnew == 1 ? "" : "s", nfixed, objs.n,
	       objs.n == 1 ? "" : "s", unanalysed.n,
	       (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	if (sarif_path) {
		/* Fixed findings are "absent" in the after state's log. */
		for (i = 0; i < nb; i++) {
			struct ln_finding *f;

			if (still[i] || fb[i]->suppressed)
				continue;
			after.findings = fl_xrealloc(
				after.findings,
				(after.nfindings + 1) * sizeof(*f));
			f = &after.findings[after.nfindings++];
			*f = *fb[i];
			f->absent = true;
		}
		if (ln_write_sarif(&after, sarif_path, kdir, "0.2"))
			die("cannot write %s", sarif_path);
	}
	if (keep)
		fprintf(stderr, "faultline-gate: scratch kept in %s\n", scratch);
	cleanup();
	if (unanalysed.n && !allow_unbuilt) {
		for (i = 0; i < unanalysed.n; i++)
			fprintf(stderr,
				"faultline-gate: %s was not analysed: build its "
				"directory once in %s (or pass --allow-unbuilt)\n",
				unanalysed.v[i], kdir);
		return 2;
	}
	return nnew ? 1 : 0;
}
