// SPDX-License-Identifier: GPL-2.0
/* Suppression markers in the source and baseline files (suppress.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model.h"
#include "suppress.h"

#define MARKER "faultline: ignore"
/* How far above a function's name its comment block may start. */
#define FUNCTION_COMMENT_LINES 12

/*
 * The last file read, as lines: findings come grouped by file.  The file's
 * identity is kept with it: the gate reads a file, patches it and reads it
 * again in one run, and must see the markers the patch added.
 */
static char *cached_path;
static struct stat cached_stat;
static char **cached_lines;
static int cached_nlines;

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	       a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

static void load(const char *path)
{
	FILE *in;
	char *buf = NULL;
	size_t cap = 0;
	struct stat st;

	if (stat(path, &st))
		memset(&st, 0, sizeof(st));
	if (cached_path && !strcmp(cached_path, path) &&
	    same_file(&cached_stat, &st))
		return;
	cached_stat = st;
	while (cached_nlines)
		free(cached_lines[--cached_nlines]);
	free(cached_lines);
	free(cached_path);
	cached_lines = NULL;
	cached_path = strdup(path);
	in = fopen(path, "r");
	if (!in)
		return;
	/*
	 * One entry a line, whatever its length: a line is cut at a NUL byte
	 * (a marker sits near a line's start anyway), never split.
	 */
	while (getline(&buf, &cap, in) >= 0) {
		cached_lines = fl_xrealloc(
			cached_lines, (cached_nlines + 1) * sizeof(char *));
		cached_lines[cached_nlines++] = strdup(buf);
	}
	free(buf);
	fclose(in);
}

static const char *line_at(int line)
{
	return line >= 1 && line <= cached_nlines ? cached_lines[line - 1]
						  : NULL;
}

/* Whether text names check in its list ("fault-under-lock,pin-leak"). */
static bool names_check(const char *list, int len, const char *check)
{
	int n = strlen(check), i = 0;

	while (i < len) {
		int start = i;

		while (i < len && list[i] != ',')
			i++;
		if (i - start == n && !strncmp(list + start, check, n))
			return true;
		i++;
	}
	return false;
}

/* Parse a marker in text; true if it is for check. */
static bool parse_marker(const char *text, const char *check,
			 struct fl_suppression *out, int line)
{
	const char *p = strstr(text, MARKER), *list, *dash, *end;
	static char reason[512];
	int len;

	if (!p)
		return false;
	p += strlen(MARKER);
	while (*p == ' ' || *p == '\t')
		p++;
	list = p;
	while (*p && !isspace((unsigned char)*p))
		p++;
	if (!names_check(list, p - list, check))
		return false;
	out->found = true;
	out->line = line;
	out->reason = NULL;
	dash = strstr(p, "--");
	if (!dash)
		return true;
	dash += 2;
	while (*dash == ' ' || *dash == '\t')
		dash++;
	end = strstr(dash, "*/");
	if (!end)
		end = dash + strcspn(dash, "\n");
	len = end - dash;
	while (len > 0 && isspace((unsigned char)dash[len - 1]))
		len--;
	if (len == 0)
		return true;
	snprintf(reason, sizeof(reason), "%.*s", len, dash);
	out->reason = reason;
	return true;
}

static void source_path(char *path, size_t len, const char *srcroot,
			const char *file)
{
	if (file[0] == '/' || !srcroot)
		snprintf(path, len, "%s", file);
	else
		snprintf(path, len, "%s/%s", srcroot, file);
}

int fl_display_column(const char *srcroot, const char *file, int line,
		      int column)
{
	char path[4096];
	const char *text;
	int i, col = 0;

	if (!file || column <= 0)
		return column;
	source_path(path, sizeof(path), srcroot, file);
	load(path);
	text = line_at(line);
	if (!text || (int)strlen(text) < column - 1)
		return column;
	for (i = 0; i < column - 1; i++) {
		unsigned char ch = text[i];

		if (ch == '\t')
			col = (col / 8 + 1) * 8;
		else if ((ch & 0xc0) != 0x80)
			col++;
	}
	return col + 1;
}

void fl_find_suppression(const char *srcroot, const char *file, int line,
			 int fn_line, const char *check,
			 struct fl_suppression *out)
{
	char path[4096];
	int l;

	memset(out, 0, sizeof(*out));
	if (!file)
		return;
	source_path(path, sizeof(path), srcroot, file);
	load(path);
	for (l = line; l >= line - 1 && l >= 1; l--)
		if (line_at(l) && parse_marker(line_at(l), check, out, l))
			return;
	/* The comment block above the function, up to its name's line. */
	for (l = fn_line;
	     fn_line > 0 && l >= fn_line - FUNCTION_COMMENT_LINES && l >= 1;
	     l--) {
		const char *text = line_at(l);

		if (!text)
			break;
		if (parse_marker(text, check, out, l))
			return;
		/* A line ending a statement or block ends the search. */
		if (l < fn_line && (strchr(text, ';') || strchr(text, '}')))
			break;
	}
}

void fl_finding_key(char *buf, unsigned long len, const char *check,
		    const char *function, const char *msg)
{
	unsigned long n;
	const char *p;

	if (!len)
		return;
	n = snprintf(buf, len, "%s\t%s\t", check ? check : "",
		     function ? function : "");
	/* snprintf says how long it would have been: no further than buf. */
	if (n >= len)
		n = len - 1;
	for (p = msg ? msg : ""; *p && n + 2 < len; p++) {
		if (isdigit((unsigned char)*p)) {
			buf[n++] = '#';
			while (isdigit((unsigned char)p[1]))
				p++;
		} else if (*p == '/') {
			/* a path: keep its last component only */
			while (n > 0 && buf[n - 1] != ' ' &&
			       buf[n - 1] != '(' && buf[n - 1] != '\'' &&
			       buf[n - 1] != '\t')
				n--;
		} else if (*p == '\t' || *p == '\n') {
			buf[n++] = ' ';
		} else {
			buf[n++] = *p;
		}
	}
	buf[n] = '\0';
}

#define BASELINE_HEADER "# faultline baseline 1"

int fl_baseline_read(struct fl_baseline *bl, const char *path,
		     void (*error)(void *ctx, const char *msg), void *ctx)
{
	FILE *in = fopen(path, "r");
	char *line = NULL, msg[4200];
	size_t cap = 0;
	int nline = 0, errors = 0;

	if (!in) {
		snprintf(msg, sizeof(msg), "%s: cannot read the baseline",
			 path);
		error(ctx, msg);
		return 1;
	}
	/* Whole lines, however long: a long one is not read as several. */
	while (getline(&line, &cap, in) >= 0) {
		char *f[4], *p = line, key[8192];
		int n = 0;

		nline++;
		line[strcspn(line, "\n")] = '\0';
		if (nline == 1 && strcmp(line, BASELINE_HEADER)) {
			snprintf(msg, sizeof(msg),
				 "%s:1: not a faultline baseline (expected "
				 "'%s')",
				 path, BASELINE_HEADER);
			error(ctx, msg);
			errors++;
			break;
		}
		if (!line[0] || line[0] == '#')
			continue;
		while (n < 4) {
			f[n++] = p;
			p = strchr(p, '\t');
			if (!p)
				break;
			*p++ = '\0';
		}
		if (n != 4 || !f[0][0] || !f[3][0]) {
			snprintf(msg, sizeof(msg),
				 "%s:%d: expected CHECK, FUNCTION, FILE and "
				 "MESSAGE separated by tabs",
				 path, nline);
			error(ctx, msg);
			errors++;
			continue;
		}
		snprintf(key, sizeof(key), "%s\t%s\t%s", f[0], f[1], f[3]);
		bl->keys =
			fl_xrealloc(bl->keys, (bl->nkeys + 1) * sizeof(char *));
		bl->keys[bl->nkeys++] = strdup(key);
	}
	free(line);
	fclose(in);
	return errors;
}

bool fl_baseline_has(const struct fl_baseline *bl, const char *key)
{
	int i;

	for (i = 0; i < bl->nkeys; i++)
		if (!strcmp(bl->keys[i], key))
			return true;
	return false;
}

void fl_baseline_write_header(FILE *out)
{
	fprintf(out, "%s\n# CHECK\tFUNCTION\tFILE\tMESSAGE (normalized)\n",
		BASELINE_HEADER);
}

void fl_baseline_write(FILE *out, const char *check, const char *function,
		       const char *file, const char *msg)
{
	char key[8192], *tab;

	fl_finding_key(key, sizeof(key), check, function, msg);
	/* key is CHECK\tFUNCTION\tMESSAGE: put FILE in between. */
	tab = strchr(key, '\t');
	tab = tab ? strchr(tab + 1, '\t') : NULL;
	if (!tab)
		return;
	*tab = '\0';
	fprintf(out, "%s\t%s\t%s\n", key, file ? file : "", tab + 1);
}
