// SPDX-License-Identifier: GPL-2.0
/* The facts of a unit: in its object's section or in a side file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "facts.h"
#include "facts_file.h"

/* DIR/.NAME.oSUFFIX for DIR/NAME.o. */
static void dot_file(const char *object, const char *suffix, char *buf,
		     unsigned long len)
{
	const char *slash = strrchr(object, '/');
	int dirlen = slash ? (int)(slash - object + 1) : 0;

	snprintf(buf, len, "%.*s.%s%s", dirlen, object, object + dirlen, suffix);
}

void fl_facts_sidefile(const char *object, char *buf, unsigned long len)
{
	dot_file(object, FL_FACTS_SIDEFILE_SUFFIX, buf, len);
}

bool fl_facts_sidefile_object(const char *path, char *buf, unsigned long len)
{
	const char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;
	size_t n = strlen(name), ns = strlen(FL_FACTS_SIDEFILE_SUFFIX);
	int dirlen = (int)(name - path);

	if (name[0] != '.' || n <= ns + 3 ||
	    strcmp(name + n - ns, FL_FACTS_SIDEFILE_SUFFIX) ||
	    strncmp(name + n - ns - 2, ".o", 2))
		return false;
	snprintf(buf, len, "%.*s%.*s", dirlen, path, (int)(n - ns - 1),
		 name + 1);
	return true;
}

/* Map a whole side file as if it were the facts section. */
static int map_sidefile(const char *path, struct fl_elf_section *sec,
			char *err, int errlen)
{
	struct stat st;
	void *map;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (st.st_size == 0) {
		close(fd);
		snprintf(err, errlen, "empty facts file");
		return -1;
	}
	map = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	sec->map = map;
	sec->map_len = st.st_size;
	sec->data = map;
	sec->len = st.st_size;
	return 0;
}

static bool newer_or_same(const struct stat *a, const struct stat *b)
{
	if (a->st_mtim.tv_sec != b->st_mtim.tv_sec)
		return a->st_mtim.tv_sec > b->st_mtim.tv_sec;
	return a->st_mtim.tv_nsec >= b->st_mtim.tv_nsec;
}

int fl_facts_find(const char *object, struct fl_elf_section *sec,
		  char *from, unsigned long fromlen, char *err, int errlen)
{
	char side[4096], cmd[4096];
	struct stat side_st, obj_st, cmd_st;
	bool have_obj;

	memset(sec, 0, sizeof(*sec));
	fl_facts_sidefile(object, side, sizeof(side));
	dot_file(object, ".cmd", cmd, sizeof(cmd));
	have_obj = stat(object, &obj_st) == 0;
	/*
	 * A side file is this object's when written after it, or after
	 * kbuild's .NAME.o.cmd of its compile: kbuild before 6.1 rewrites
	 * the object after the checker (objtool, modversions), but a later
	 * compile without the checker rewrites the .cmd too.
	 */
	if (stat(side, &side_st) == 0 &&
	    (!have_obj || newer_or_same(&side_st, &obj_st) ||
	     (stat(cmd, &cmd_st) == 0 && newer_or_same(&side_st, &cmd_st)))) {
		if (from)
			snprintf(from, fromlen, "%s", side);
		return map_sidefile(side, sec, err, errlen);
	}
	if (from)
		snprintf(from, fromlen, "%s", object);
	return fl_elf_find_section(object, FL_FACTS_SECTION, sec, err, errlen);
}

int fl_facts_write_sidefile(const char *object, const char *data,
			    unsigned long len, char *err, int errlen)
{
	char side[4096], tmp[4200];
	unsigned long done = 0;
	int fd;

	fl_facts_sidefile(object, side, sizeof(side));
	snprintf(tmp, sizeof(tmp), "%s.XXXXXX", side);
	fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		return -1;
	}
	while (done < len) {
		ssize_t n = write(fd, data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			snprintf(err, errlen, "%s: %s", tmp,
				 n < 0 ? strerror(errno) : "short write");
			close(fd);
			unlink(tmp);
			return -1;
		}
		done += n;
	}
	/* mkstemp makes it 0600; a side file reads like the object beside it. */
	{
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (close(fd) < 0 || rename(tmp, side) < 0) {
		snprintf(err, errlen, "%s: %s", side, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}
