// SPDX-License-Identifier: GPL-2.0
/*
 * The macro a call was written through (put_user), as the plugin's
 * written_macro() finds it.  Sparse gives every token of a macro's body
 * the position of the macro's name where it is used, while the tokens of
 * its arguments keep their own: a call spelled in a body sits on the name
 * of a macro, one written by hand (even as an argument, unlikely(f(x)))
 * on its own '('.  So the source text at the call's position says which.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "token.h"

#include "lower.h"

struct source {
	int stream;
	char *text;   /* the file, or NULL if unreadable */
	char **lines; /* start of each line, 1-based */
	int nlines;
};

static struct source *sources;
static int nsources;

static char *read_file(const char *name, size_t *len)
{
	FILE *f = fopen(name, "r");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (!f)
		return NULL;
	do {
		if (n + 4096 + 1 > cap) {
			cap = cap ? 2 * cap : 65536;
			buf = fl_xrealloc(buf, cap);
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got);
	fclose(f);
	buf[n] = 0;
	*len = n;
	return buf;
}

static struct source *source_of(int stream)
{
	struct source *s;
	size_t len = 0, i;

	for (s = sources; s < sources + nsources; s++)
		if (s->stream == stream)
			return s;
	sources = fl_xrealloc(sources, (nsources + 1) * sizeof(*sources));
	s = &sources[nsources++];
	memset(s, 0, sizeof(*s));
	s->stream = stream;
	s->text = read_file(stream_name(stream), &len);
	if (!s->text)
		return s;
	s->lines = fl_xcalloc(2, sizeof(char *));
	s->lines[1] = s->text;
	s->nlines = 1;
	for (i = 0; i < len; i++) {
		if (s->text[i] != '\n')
			continue;
		s->text[i] = 0;
		s->lines = fl_xrealloc(s->lines, (s->nlines + 2) * sizeof(char *));
		s->lines[++s->nlines] = s->text + i + 1;
	}
	return s;
}

static bool is_ident_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* The character at Sparse's column (from 1, tabs to multiples of 8). */
static const char *at_column(const struct source *s, struct position pos)
{
	const char *p;
	int col = 1;

	if (!s->text || pos.line < 1 || pos.line > s->nlines)
		return NULL;
	for (p = s->lines[pos.line]; *p && col < (int)pos.pos; p++)
		col = *p == '\t' ? ((col - 1) / tabstop + 1) * tabstop + 1 :
				   col + 1;
	return col == (int)pos.pos ? p : NULL;
}

/* The byte column (from 1) of a character: the model's columns are GCC's. */
static int column_of(const struct source *s, int line, const char *at)
{
	return (int)(at - s->lines[line]) + 1;
}

int byte_column(struct position pos)
{
	struct source *s = source_of(pos.stream);
	const char *p = at_column(s, pos);

	return p ? column_of(s, pos.line, p) : (int)pos.pos;
}

/*
 * A call's column as GCC gives it, the start of the callee's name:
 * Sparse's is its '('.
 */
int call_column(struct position pos)
{
	struct source *s = source_of(pos.stream);
	const char *p = at_column(s, pos), *start;

	if (!p || *p != '(')
		return byte_column(pos);
	start = s->lines[pos.line];
	while (p > start && (p[-1] == ' ' || p[-1] == '\t'))
		p--;
	if (p == start || !is_ident_char(p[-1]))
		return byte_column(pos);
	while (p > start && is_ident_char(p[-1]))
		p--;
	return column_of(s, pos.line, p);
}

/*
 * A function's column as GCC gives it, its name's: Sparse's is the '*'
 * before the name of one returning a pointer.
 */
int decl_column(struct position pos)
{
	struct source *s = source_of(pos.stream);
	const char *p = at_column(s, pos);

	if (!p || *p != '*')
		return byte_column(pos);
	while (*p == '*' || *p == ' ' || *p == '\t')
		p++;
	return is_ident_char(*p) ? column_of(s, pos.line, p) : byte_column(pos);
}

/* A store's column as GCC gives it, its '=': Sparse's is the target's. */
int store_column(struct position pos)
{
	struct source *s = source_of(pos.stream);
	const char *p = at_column(s, pos);

	for (; p && *p && *p != ';' && *p != ',' && *p != '{'; p++)
		if (p[0] == '=' && p[1] != '=' &&
		    !strchr("=!<>+-*/%&|^", p[-1]))
			return column_of(s, pos.line, p);
	return byte_column(pos);
}

const char *written_macro(struct position pos, const char *callee)
{
	struct source *s = source_of(pos.stream);
	struct symbol *macro;
	const char *p = at_column(s, pos);
	char name[128];
	int n = 0;

	if (!p || !is_ident_char(*p) ||
	    (p > s->lines[pos.line] && is_ident_char(p[-1])))
		return NULL;
	while (is_ident_char(p[n]) && n < (int)sizeof(name) - 1) {
		name[n] = p[n];
		n++;
	}
	name[n] = 0;
	if (!strcmp(name, callee))
		return NULL;
	macro = lookup_symbol(built_in_ident(name), NS_MACRO);
	return macro ? fl_strdup(name) : NULL;
}
