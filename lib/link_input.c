// SPDX-License-Identifier: GPL-2.0
/*
 * The objects a linking tool reads (link.h: ln_read_path): object files,
 * directories searched for *.o, checkers' side files without an object.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "elf.h"
#include "facts_file.h"
#include "link.h"

/* nftw has no context argument: the program being read. */
static struct ln_program *reading;

static void object_error(struct ln_program *prog, const char *object,
			 const char *what)
{
	char msg[PATH_MAX + 300];

	snprintf(msg, sizeof(msg), "%s: %s", object, what);
	ln_error(prog, msg);
}

static void read_object(struct ln_program *prog, const char *path)
{
	struct fl_elf_section sec;
	char err[256], from[PATH_MAX];

	prog->nobjects++;
	if (fl_facts_find(path, &sec, from, sizeof(from), err, sizeof(err))) {
		object_error(prog, from, err);
		return;
	}
	if (sec.data)
		ln_read_facts(prog, from, sec.data, sec.len);
	else
		prog->nbare++;
	fl_elf_close(&sec);
}

static int visit(const char *path, const struct stat *st, int type,
		 struct FTW *ftw)
{
	size_t n = strlen(path);
	char object[PATH_MAX];
	struct stat obj_st;

	(void)st;
	(void)ftw;
	if (type != FTW_F)
		return 0;
	if (n > 2 && !strcmp(path + n - 2, ".o"))
		read_object(reading, path);
	/* A checker's side file with no object (make C=2 compiles nothing). */
	else if (fl_facts_sidefile_object(path, object, sizeof(object)) &&
		 stat(object, &obj_st) < 0)
		read_object(reading, object);
	return 0;
}

void ln_read_path(struct ln_program *prog, const char *path)
{
	char side[PATH_MAX];
	struct stat st;

	if (stat(path, &st) < 0) {
		int err = errno;

		/* An object make C=2 checked but built no object for. */
		fl_facts_sidefile(path, side, sizeof(side));
		if (stat(side, &st) == 0) {
			read_object(prog, path);
			return;
		}
		object_error(prog, path, strerror(err));
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		int objects = prog->nobjects, bare = prog->nbare;

		reading = prog;
		nftw(path, visit, 32, FTW_PHYS);
		reading = NULL;
		/* A directory that gave nothing to link is no clean result. */
		if (prog->nobjects == objects)
			object_error(prog, path,
				     "no objects here (not built?)");
		else if (prog->nbare - bare == prog->nobjects - objects)
			object_error(prog, path,
				     "no object here carries faultline "
				     "facts (built without the plugin?)");
	} else {
		read_object(prog, path);
	}
}

void ln_read_list(struct ln_program *prog, const char *file)
{
	char line[PATH_MAX + 2];
	FILE *in = fopen(file, "r");

	if (!in) {
		object_error(prog, file, strerror(errno));
		return;
	}
	while (fgets(line, sizeof(line), in)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0])
			ln_read_path(prog, line);
	}
	fclose(in);
}
