// SPDX-License-Identifier: GPL-2.0
/*
 * Units checked outside a build (editors, CI): the compile command of a
 * kbuild .cmd file (DIR/.NAME.o.cmd) or of a compile_commands.json.
 * Each unit is checked by this program run again, in the directory its
 * command ran in, with that command's flags: one process per unit, as
 * under kbuild.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <clang-c/CXCompilationDatabase.h>

#include "clang.h"

struct words {
	char **v;
	int n;
};

static void add_word(struct words *w, const char *s)
{
	w->v = fl_xrealloc(w->v, (w->n + 2) * sizeof(*w->v));
	w->v[w->n++] = (char *)fl_strdup(s);
	w->v[w->n] = NULL;
}

/* A shell command's words: quotes and backslashes as sh reads them. */
static void split(const char *s, struct words *w)
{
	char *buf = fl_xcalloc(strlen(s) + 1, 1);

	while (*s) {
		int n = 0;
		bool any = false;

		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		while (*s && *s != ' ' && *s != '\t' && *s != '\n') {
			any = true;
			if (*s == '\'') {
				for (s++; *s && *s != '\''; s++)
					buf[n++] = *s;
				if (*s)
					s++;
			} else if (*s == '"') {
				for (s++; *s && *s != '"'; s++) {
					if (*s == '\\' && s[1])
						s++;
					buf[n++] = *s;
				}
				if (*s)
					s++;
			} else if (*s == '\\' && s[1]) {
				buf[n++] = s[1];
				s += 2;
			} else {
				buf[n++] = *s++;
			}
		}
		buf[n] = 0;
		if (any)
			add_word(w, buf);
	}
}

/* ccache gcc ..., distcc /path/faultline-gcc ...: the compiler's flags. */
static int first_flag(char **v, int n)
{
	int i = 0;

	while (i < n) {
		const char *base = strrchr(v[i], '/') ? strrchr(v[i], '/') + 1 : v[i];

		i++;
		if (strcmp(base, "ccache") && strcmp(base, "distcc") &&
		    strcmp(base, "icecc"))
			break;
	}
	return i;
}

/* Run self in dir with opts and the compiler flags v[0..n); its status. */
static int run_unit(const char *self, char **opts, int nopts, const char *dir,
		    char **v, int n)
{
	struct words argv = { NULL, 0 };
	int i, status;
	pid_t pid;

	add_word(&argv, self);
	for (i = 0; i < nopts; i++)
		add_word(&argv, opts[i]);
	for (i = first_flag(v, n); i < n; i++)
		add_word(&argv, v[i]);
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "faultline-clang: error: fork: %s\n", strerror(errno));
		return 1;
	}
	if (pid == 0) {
		if (dir && *dir && chdir(dir)) {
			fprintf(stderr, "faultline-clang: error: %s: %s\n", dir,
				strerror(errno));
			_exit(1);
		}
		execv(self, argv.v);
		fprintf(stderr, "faultline-clang: error: %s: %s\n", self,
			strerror(errno));
		_exit(1);
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
		return 1;
	return WEXITSTATUS(status);
}

/*
 * DIR/.NAME.o.cmd: "[saved]cmd_OBJ := COMMAND[ ; more commands]".  The
 * command ran at the tree's top, which is DIR less OBJ's directory.
 */
int cl_run_cmd_file(const char *self, char **opts, int nopts, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, *obj, *cmd, *semi, *top, *slash;
	size_t cap = 0, len;
	struct words w = { NULL, 0 };
	char real[4096];

	if (!f) {
		fprintf(stderr, "faultline-clang: error: %s: %s\n", path,
			strerror(errno));
		return 1;
	}
	if (getline(&line, &cap, f) < 0)
		line = NULL;
	fclose(f);
	obj = line ? strstr(line, "cmd_") : NULL;
	cmd = obj ? strstr(obj, " := ") : NULL;
	if (!cmd) {
		fprintf(stderr, "faultline-clang: error: %s: not a kbuild .cmd file\n",
			path);
		return 1;
	}
	*cmd = 0;
	obj += 4;
	cmd += 4;
	/* The compile command only: objtool and the like follow it. */
	semi = strstr(cmd, " ; ");
	if (semi)
		*semi = 0;
	split(cmd, &w);
	if (!realpath(path, real)) {
		fprintf(stderr, "faultline-clang: error: %s: %s\n", path,
			strerror(errno));
		return 1;
	}
	top = real;
	slash = strrchr(top, '/');
	*slash = 0;
	slash = strrchr(obj, '/');
	if (slash) {
		len = slash - obj;
		if (strlen(top) > len && !strncmp(top + strlen(top) - len, obj, len) &&
		    top[strlen(top) - len - 1] == '/')
			top[strlen(top) - len - 1] = 0;
	}
	return run_unit(self, opts, nopts, top, w.v, w.n);
}

/* Whether a database entry's file is one the user named (or all). */
static bool selected(const char *file, char **files, int nfiles)
{
	size_t fl = strlen(file);
	int i;

	if (!nfiles)
		return true;
	for (i = 0; i < nfiles; i++) {
		size_t n = strlen(files[i]);

		if (!strcmp(file, files[i]) ||
		    (fl > n && file[fl - n - 1] == '/' &&
		     !strcmp(file + fl - n, files[i])))
			return true;
	}
	return false;
}

/* compile_commands.json: every unit, or those named (by path or suffix). */
int cl_run_compdb(const char *self, char **opts, int nopts, const char *path,
		  char **files, int nfiles)
{
	char dir[4096], *slash;
	CXCompilationDatabase_Error err;
	CXCompilationDatabase db;
	CXCompileCommands cmds;
	unsigned i, n, found = 0;
	int worst = 0;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = 0;
	else
		snprintf(dir, sizeof(dir), ".");
	db = clang_CompilationDatabase_fromDirectory(dir, &err);
	if (err != CXCompilationDatabase_NoError || !db) {
		fprintf(stderr, "faultline-clang: error: cannot read %s\n", path);
		return 1;
	}
	cmds = clang_CompilationDatabase_getAllCompileCommands(db);
	n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
	for (i = 0; i < n; i++) {
		CXCompileCommand c = clang_CompileCommands_getCommand(cmds, i);
		CXString file = clang_CompileCommand_getFilename(c);
		CXString cwd = clang_CompileCommand_getDirectory(c);
		struct words w = { NULL, 0 };
		unsigned a, na = clang_CompileCommand_getNumArgs(c);
		int status;

		if (selected(clang_getCString(file), files, nfiles)) {
			found++;
			for (a = 0; a < na; a++) {
				CXString s = clang_CompileCommand_getArg(c, a);

				add_word(&w, clang_getCString(s));
				clang_disposeString(s);
			}
			status = run_unit(self, opts, nopts, clang_getCString(cwd),
					  w.v, w.n);
			if (status > worst)
				worst = status;
		}
		clang_disposeString(file);
		clang_disposeString(cwd);
	}
	if (cmds)
		clang_CompileCommands_dispose(cmds);
	clang_CompilationDatabase_dispose(db);
	if (nfiles && !found) {
		fprintf(stderr, "faultline-clang: error: %s has no command for the files named\n",
			path);
		return 1;
	}
	return worst;
}
