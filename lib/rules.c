// SPDX-License-Identifier: GPL-2.0
/*
 * Parser for the rules/ directory.  One rule a line:
 *
 *	KIND NAME [key=value ...]	# comment
 *
 * Errors name the file and line; a bad line is skipped, the rest is kept.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model.h"
#include "rules.h"

/* The longest line a rules file may have (the old fgets buffer, 1024). */
#define MAX_LINE 1022

static const char *const kind_names[FL_RULE_NKINDS] = {
	[FL_RULE_LOCK] = "lock",
	[FL_RULE_TRYLOCK] = "trylock",
	[FL_RULE_UNLOCK] = "unlock",
	[FL_RULE_BIND] = "bind",
	[FL_RULE_HELD_TEST] = "held-test",
	[FL_RULE_FAULT] = "fault",
	[FL_RULE_NOFAULT_BEGIN] = "nofault-begin",
	[FL_RULE_NOFAULT_END] = "nofault-end",
	[FL_RULE_NOFAULT_FIELD] = "nofault-field",
	[FL_RULE_NOFAULT_FLAG] = "nofault-flag",
	[FL_RULE_FAULT_OP] = "fault-op",
	[FL_RULE_FAULT_PATH_LOCK] = "fault-path-lock",
	[FL_RULE_REMOVE_BLOCKS] = "remove-blocks",
	[FL_RULE_LAYOUT_BREAK] = "layout-break",
	[FL_RULE_DAX_API] = "dax-api",
	[FL_RULE_DAX_TEST] = "dax-test",
	[FL_RULE_LAYOUT_ENTRY] = "layout-entry",
	[FL_RULE_LAYOUT_ENTRY_PARAM] = "layout-entry-param",
	[FL_RULE_LAYOUT_LOCK] = "layout-lock",
	[FL_RULE_PAGE_TYPE] = "page-type",
	[FL_RULE_PAGES_GET] = "pages-get",
	[FL_RULE_PAGES_PIN] = "pages-pin",
	[FL_RULE_PAGES_SINK] = "pages-sink",
	[FL_RULE_PAGES_PUT] = "pages-put",
	[FL_RULE_PAGES_UNPIN] = "pages-unpin",
	[FL_RULE_PAGES_MAP] = "pages-map",
	[FL_RULE_WRITES_TO] = "writes-to",
	[FL_RULE_INSTANCE_LOCK] = "instance-lock",
	[FL_RULE_COPY_OUT] = "copy-out",
	[FL_RULE_FAULT_IN] = "fault-in",
	[FL_RULE_PARTIAL_IO] = "partial-io",
	[FL_RULE_PAGES_DIRTY] = "pages-dirty",
	[FL_RULE_ITER_COUNT] = "iter-count",
	[FL_RULE_ITER_DIR] = "iter-dir",
	[FL_RULE_KERNEL_ITER] = "kernel-iter",
	[FL_RULE_CORE_DIR] = "core-dir",
	[FL_RULE_PRIVATE_MM] = "private-mm",
	[FL_RULE_PAGES_OWN] = "pages-own",
	[FL_RULE_PAGECACHE_MMAP] = "pagecache-mmap",
	[FL_RULE_PAGES_ALIAS] = "pages-alias",
	[FL_RULE_PAGES_SINK_FIELD] = "pages-sink-field",
	[FL_RULE_PAGES_INSERT] = "pages-insert",
	[FL_RULE_WITNESS_ENTRY] = "witness-entry",
	[FL_RULE_DIRECT_IO] = "direct-io",
	[FL_RULE_LOCK_GUARD] = "lock-guard",
	[FL_RULE_PAGES_LOOK] = "pages-look",
	[FL_RULE_ITER_KIND] = "iter-kind",
};

/* Which keys each kind accepts, and which it requires. */
enum key {
	K_ARG = 1 << 0,
	K_HOLDER = 1 << 1,
	K_BIND = 1 << 2,
	K_ITER = 1 << 3,
	K_GUP_FLAGS = 1 << 4,
	K_FIELD = 1 << 5,
	K_CLASS = 1 << 6,
	K_EXCEPT = 1 << 7,
	K_MODE = 1 << 8,
	K_SUCCESS = 1 << 9,
	K_SCOPE = 1 << 10,
	K_FLAG = 1 << 11,
	K_INSTEAD = 1 << 12,
	K_DIR = 1 << 13,
	K_FLAGS = 1 << 14,
	K_DONE = 1 << 15,
	K_COUNT = 1 << 16,
	K_DIRTY = 1 << 17,
	K_CONVERT = 1 << 18,
	K_WAIT = 1 << 19,
	K_MM = 1 << 20,
	K_VIA = 1 << 21,
	K_ADDR = 1 << 22,
	K_EXCL = 1 << 23,
	K_SYSCALL = 1 << 24,
	K_RELEASE = 1 << 25,
	K_TYPE = 1 << 26,
	K_HELD_IF = 1 << 27,
	K_ERROR = 1 << 28,
};

static const char *const key_names[] = {
	"arg",	   "holder",  "bind",  "iter",	  "gup-flags", "field",
	"class",   "except",  "mode",  "success", "scope",     "flag",
	"instead", "dir",     "flags", "done",	  "count",     "dirty",
	"convert", "wait",    "mm",    "via",	  "addr",      "excl",
	"syscall", "release", "type",  "held-if", "error",
};
/* Kinds are bits of an fl_kind_mask (FL_KIND_BIT). */
_Static_assert(FL_RULE_NKINDS <= 8 * sizeof(fl_kind_mask),
	       "too many rule kinds for fl_kind_mask");

/* One name per key bit, in bit order. */
_Static_assert(1u << (sizeof(key_names) / sizeof(key_names[0]) - 1) == K_ERROR,
	       "key_names out of step with enum key");

static const struct {
	unsigned allowed;
	unsigned required;
} kind_keys[FL_RULE_NKINDS] = {
	[FL_RULE_LOCK] = {K_ARG | K_HOLDER | K_BIND | K_FIELD | K_CLASS |
				  K_MODE | K_EXCL,
			  K_MODE},
	[FL_RULE_TRYLOCK] = {K_ARG | K_HOLDER | K_BIND | K_FIELD | K_CLASS |
				     K_MODE | K_SUCCESS | K_WAIT | K_EXCL,
			     K_SUCCESS},
	[FL_RULE_UNLOCK] = {K_ARG | K_HOLDER | K_FIELD | K_CLASS, 0},
	[FL_RULE_BIND] = {K_ARG | K_BIND | K_MODE | K_FIELD | K_EXCL,
			  K_ARG | K_BIND | K_MODE},
	[FL_RULE_HELD_TEST] = {K_ARG | K_HOLDER | K_FIELD | K_CLASS, 0},
	[FL_RULE_FAULT] = {K_ITER | K_GUP_FLAGS | K_EXCEPT, 0},
	[FL_RULE_NOFAULT_BEGIN] = {0, 0},
	[FL_RULE_NOFAULT_END] = {0, 0},
	[FL_RULE_NOFAULT_FIELD] = {K_SCOPE, K_SCOPE},
	[FL_RULE_NOFAULT_FLAG] = {0, 0},
	[FL_RULE_FAULT_OP] = {K_VIA, 0},
	[FL_RULE_FAULT_PATH_LOCK] = {K_MODE, K_MODE},
	[FL_RULE_REMOVE_BLOCKS] = {0, 0},
	[FL_RULE_LAYOUT_BREAK] = {0, 0},
	[FL_RULE_DAX_API] = {0, 0},
	[FL_RULE_DAX_TEST] = {K_FLAG, K_FLAG},
	[FL_RULE_LAYOUT_ENTRY] = {0, 0},
	[FL_RULE_LAYOUT_ENTRY_PARAM] = {0, 0},
	[FL_RULE_LAYOUT_LOCK] = {0, 0},
	[FL_RULE_PAGE_TYPE] = {0, 0},
	[FL_RULE_PAGES_GET] = {K_ARG | K_INSTEAD | K_CONVERT | K_MM | K_ADDR,
			       K_ARG | K_INSTEAD},
	[FL_RULE_PAGES_PIN] = {K_ARG | K_ITER, K_ARG},
	[FL_RULE_PAGES_SINK] = {K_ARG, K_ARG},
	[FL_RULE_PAGES_PUT] = {K_ARG | K_INSTEAD | K_COUNT, K_ARG | K_INSTEAD},
	[FL_RULE_PAGES_UNPIN] = {K_ARG | K_INSTEAD | K_COUNT | K_DIRTY,
				 K_ARG | K_INSTEAD},
	[FL_RULE_PAGES_MAP] = {K_ARG, K_ARG},
	[FL_RULE_WRITES_TO] = {K_ARG, K_ARG},
	[FL_RULE_INSTANCE_LOCK] = {0, 0},
	[FL_RULE_COPY_OUT] = {0, 0},
	[FL_RULE_FAULT_IN] = {K_ITER | K_DIR, K_ITER | K_DIR},
	[FL_RULE_PARTIAL_IO] = {K_ITER | K_FLAGS | K_FLAG | K_DONE,
				K_ITER | K_FLAGS | K_FLAG | K_DONE},
	[FL_RULE_PAGES_DIRTY] = {K_ARG, K_ARG},
	[FL_RULE_ITER_COUNT] = {0, 0},
	[FL_RULE_ITER_DIR] = {K_FLAG, K_FLAG},
	[FL_RULE_KERNEL_ITER] = {K_ARG, 0},
	[FL_RULE_CORE_DIR] = {0, 0},
	[FL_RULE_PRIVATE_MM] = {0, 0},
	[FL_RULE_PAGES_OWN] = {0, 0},
	[FL_RULE_PAGECACHE_MMAP] = {0, 0},
	[FL_RULE_PAGES_ALIAS] = {K_ARG, K_ARG},
	[FL_RULE_PAGES_SINK_FIELD] = {0, 0},
	[FL_RULE_PAGES_INSERT] = {K_ARG | K_ADDR, K_ARG | K_ADDR},
	[FL_RULE_WITNESS_ENTRY] = {K_SYSCALL, K_SYSCALL},
	[FL_RULE_DIRECT_IO] = {0, 0},
	[FL_RULE_LOCK_GUARD] = {K_ARG | K_RELEASE | K_TYPE | K_HELD_IF |
					K_ERROR,
				K_ARG | K_RELEASE},
	[FL_RULE_PAGES_LOOK] = {0, 0},
	[FL_RULE_ITER_KIND] = {K_ARG, K_ARG},
};

/* What NAME is for each kind. */
/* NAME_CALLEE: a function, or TYPE::FIELD for calls through that member. */
enum name_shape {
	NAME_IDENTIFIER,
	NAME_FIELD,
	NAME_CLASS,
	NAME_CALLEE,
	NAME_PATH,
	NAME_PATTERN /* an identifier with one "*" */
};

static const enum name_shape kind_names_shape[FL_RULE_NKINDS] = {
	[FL_RULE_NOFAULT_FIELD] = NAME_FIELD,
	[FL_RULE_FAULT_OP] = NAME_FIELD,
	[FL_RULE_FAULT_PATH_LOCK] = NAME_CLASS,
	[FL_RULE_DAX_TEST] = NAME_FIELD,
	[FL_RULE_LAYOUT_ENTRY] = NAME_FIELD,
	[FL_RULE_LAYOUT_LOCK] = NAME_CLASS,
	[FL_RULE_INSTANCE_LOCK] = NAME_CLASS,
	[FL_RULE_PAGE_TYPE] = NAME_IDENTIFIER,
	[FL_RULE_UNLOCK] = NAME_CALLEE,
	[FL_RULE_CORE_DIR] = NAME_PATH,
	[FL_RULE_PRIVATE_MM] = NAME_FIELD,
	[FL_RULE_PAGES_SINK_FIELD] = NAME_FIELD,
	[FL_RULE_WITNESS_ENTRY] = NAME_FIELD,
	[FL_RULE_LOCK_GUARD] = NAME_PATTERN,
};

struct parse {
	const char *path;
	int line;
	int errors;
	void (*error)(void *ctx, const char *msg);
	void *ctx;
};

static void parse_error(struct parse *p, const char *fmt, const char *arg)
{
	char msg[512];
	char text[400];

	snprintf(text, sizeof(text), fmt, arg);
	snprintf(msg, sizeof(msg), "%s:%d: %s", p->path, p->line, text);
	p->error(p->ctx, msg);
	p->errors++;
}

/* A 1-based argument number. */
static int parse_argno(struct parse *p, const char *key, const char *val)
{
	char *end;
	long n = strtol(val, &end, 10);

	(void)key;
	if (*val == '\0' || *end != '\0' || n < 1 || n > 16) {
		parse_error(p, "bad argument number '%s' (1 to 16)", val);
		return -1;
	}
	return (int)n;
}

/* TYPE::FIELD, with C identifiers on both sides. */
static bool is_field_name(const char *s)
{
	const char *sep = strstr(s, "::");
	const char *c;

	if (!sep || sep == s || sep[2] == '\0')
		return false;
	for (c = s; *c; c++) {
		if (c == sep || c == sep + 1)
			continue;
		if (!isalnum((unsigned char)*c) && *c != '_')
			return false;
	}
	return true;
}

static bool is_identifier(const char *s)
{
	if (!isalpha((unsigned char)*s) && *s != '_')
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return false;
	return true;
}

/*
 * An identifier with exactly one "*" standing for any non-empty part, and
 * something beside it: "*" alone would match every name.
 */
static bool is_pattern(const char *s)
{
	const char *star = strchr(s, '*');
	char buf[256];

	if (!star || !s[1] || strchr(star + 1, '*') || strlen(s) >= sizeof(buf))
		return false;
	snprintf(buf, sizeof(buf), "%.*sX%s", (int)(star - s), s, star + 1);
	return is_identifier(buf);
}

/* A directory relative to the kernel tree: fs, fs/smb/common. */
static bool is_path(const char *s)
{
	if (!*s || *s == '/' || strstr(s, ".."))
		return false;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("_-./", *s))
			return false;
	return true;
}

static int set_key(struct parse *p, struct fl_rule *r, unsigned *seen,
		   char *word)
{
	char *eq = strchr(word, '=');
	unsigned i, key;

	if (!eq) {
		parse_error(p, "expected key=value, found '%s'", word);
		return -1;
	}
	*eq = '\0';
	for (i = 0; i < sizeof(key_names) / sizeof(key_names[0]); i++)
		if (!strcmp(word, key_names[i]))
			break;
	if (i == sizeof(key_names) / sizeof(key_names[0])) {
		parse_error(p, "unknown key '%s'", word);
		return -1;
	}
	key = 1u << i;
	if (!(kind_keys[r->kind].allowed & key)) {
		char msg[128];

		snprintf(msg, sizeof(msg), "key '%s' is not allowed for '%s'",
			 word, kind_names[r->kind]);
		parse_error(p, "%s", msg);
		return -1;
	}
	if (*seen & key) {
		parse_error(p, "key '%s' given twice", word);
		return -1;
	}
	*seen |= key;

	const char *val = eq + 1;
	int n;

	switch (key) {
	case K_ARG:
	case K_HOLDER:
	case K_BIND:
	case K_ITER:
	case K_GUP_FLAGS:
	case K_FLAGS:
	case K_DONE:
	case K_COUNT:
	case K_MM:
	case K_ADDR:
	case K_DIRTY:
		n = parse_argno(p, word, val);
		if (n < 0)
			return -1;
		if (key == K_ARG)
			r->arg = n;
		else if (key == K_HOLDER)
			r->holder = n;
		else if (key == K_BIND)
			r->bind = n;
		else if (key == K_ITER)
			r->iter = n;
		else if (key == K_FLAGS)
			r->flags_arg = n;
		else if (key == K_DONE)
			r->done_arg = n;
		else if (key == K_COUNT)
			r->count_arg = n;
		else if (key == K_DIRTY)
			r->dirty_arg = n;
		else if (key == K_MM)
			r->mm_arg = n;
		else if (key == K_ADDR)
			r->addr_arg = n;
		else
			r->gup_flags = n;
		return 0;
	case K_FIELD:
		if (!is_identifier(val)) {
			parse_error(p, "bad field name '%s'", val);
			return -1;
		}
		r->field = fl_strdup(val);
		return 0;
	case K_CLASS:
	case K_EXCEPT:
		if (!is_field_name(val) && !is_identifier(val)) {
			parse_error(
				p,
				"bad lock class '%s' (TYPE::FIELD or a name)",
				val);
			return -1;
		}
		if (key == K_CLASS)
			r->lock_class = fl_strdup(val);
		else
			r->except = fl_strdup(val);
		return 0;
	case K_MODE:
		if (!strcmp(val, "excl"))
			r->mode = FL_MODE_EXCL;
		else if (!strcmp(val, "shared"))
			r->mode = FL_MODE_SHARED;
		else if (!strncmp(val, "arg", 3) && val[3] >= '1' &&
			 val[3] <= '9' && !val[4])
			r->mode_arg = val[3] - '0';
		else {
			parse_error(p, "bad mode '%s' (excl, shared or argN)",
				    val);
			return -1;
		}
		return 0;
	case K_EXCL:
		if (!is_identifier(val)) {
			parse_error(p, "bad flag name '%s'", val);
			return -1;
		}
		r->excl_flag = fl_strdup(val);
		return 0;
	case K_SUCCESS:
		if (!strcmp(val, "zero"))
			r->success = FL_SUCCESS_ZERO;
		else if (!strcmp(val, "nonzero"))
			r->success = FL_SUCCESS_NONZERO;
		else {
			parse_error(p, "bad success '%s' (zero or nonzero)",
				    val);
			return -1;
		}
		return 0;
	case K_INSTEAD:
		if (!is_identifier(val)) {
			parse_error(p, "bad function name '%s'", val);
			return -1;
		}
		r->instead = fl_strdup(val);
		return 0;
	case K_FLAG:
		if (!is_identifier(val)) {
			parse_error(p, "bad flag name '%s'", val);
			return -1;
		}
		r->flag = fl_strdup(val);
		return 0;
	case K_VIA:
		if (strcmp(val, "pagecache")) {
			parse_error(p, "bad via '%s' (pagecache)", val);
			return -1;
		}
		r->via_pagecache = true;
		return 0;
	case K_WAIT:
		if (!strcmp(val, "no"))
			r->nowait = true;
		else if (strcmp(val, "yes")) {
			parse_error(p, "bad wait '%s' (yes or no)", val);
			return -1;
		}
		return 0;
	case K_CONVERT:
		if (!strcmp(val, "rename"))
			r->renames = true;
		else if (strcmp(val, "manual")) {
			parse_error(p, "bad convert '%s' (rename or manual)",
				    val);
			return -1;
		}
		return 0;
	case K_DIR:
		if (!strcmp(val, "read"))
			r->dir = FL_DIR_READ;
		else if (!strcmp(val, "write"))
			r->dir = FL_DIR_WRITE;
		else {
			parse_error(p, "bad dir '%s' (read or write)", val);
			return -1;
		}
		return 0;
	case K_SYSCALL:
		if (!strcmp(val, "read"))
			r->syscall = FL_SYSCALL_READ;
		else if (!strcmp(val, "write"))
			r->syscall = FL_SYSCALL_WRITE;
		else if (!strcmp(val, "fiemap"))
			r->syscall = FL_SYSCALL_FIEMAP;
		else {
			parse_error(p,
				    "bad syscall '%s' (read, write or fiemap)",
				    val);
			return -1;
		}
		return 0;
	case K_RELEASE:
	case K_TYPE:
	case K_HELD_IF:
	case K_ERROR:
		if (!is_pattern(val)) {
			parse_error(
				p,
				"bad pattern '%s' (an identifier with one *)",
				val);
			return -1;
		}
		if (key == K_RELEASE)
			r->release = fl_strdup(val);
		else if (key == K_TYPE)
			r->type_pattern = fl_strdup(val);
		else if (key == K_HELD_IF)
			r->held_if = fl_strdup(val);
		else
			r->error = fl_strdup(val);
		return 0;
	case K_SCOPE:
		if (!strcmp(val, "object"))
			r->scope = FL_SCOPE_OBJECT;
		else if (!strcmp(val, "task"))
			r->scope = FL_SCOPE_TASK;
		else {
			parse_error(p, "bad scope '%s' (object or task)", val);
			return -1;
		}
		return 0;
	}
	return -1;
}

/* Checks that only make sense once the whole line is read. */
static int check_rule(struct parse *p, const struct fl_rule *r)
{
	fl_kind_mask kinds_with_lock =
		FL_KIND_BIT(FL_RULE_LOCK) | FL_KIND_BIT(FL_RULE_TRYLOCK) |
		FL_KIND_BIT(FL_RULE_HELD_TEST) | FL_KIND_BIT(FL_RULE_UNLOCK);

	if ((FL_KIND_BIT(r->kind) & kinds_with_lock) && !r->arg && !r->holder &&
	    !r->lock_class) {
		parse_error(p, "'%s' needs arg=, holder= or class=",
			    kind_names[r->kind]);
		return -1;
	}
	if (r->arg && r->holder) {
		parse_error(p, "%s", "arg= and holder= exclude each other");
		return -1;
	}
	if (r->holder && r->bind) {
		parse_error(p, "%s", "holder= and bind= exclude each other");
		return -1;
	}
	if (r->field && !r->arg) {
		parse_error(p, "%s", "field= needs arg=");
		return -1;
	}
	switch (kind_names_shape[r->kind]) {
	case NAME_FIELD:
		if (!is_field_name(r->name)) {
			parse_error(p, "expected TYPE::FIELD, found '%s'",
				    r->name);
			return -1;
		}
		break;
	case NAME_CLASS:
		if (!is_field_name(r->name) && !is_identifier(r->name)) {
			parse_error(p, "bad lock class '%s'", r->name);
			return -1;
		}
		break;
	case NAME_CALLEE:
		if (!is_field_name(r->name) && !is_identifier(r->name)) {
			parse_error(p, "bad name '%s'", r->name);
			return -1;
		}
		break;
	case NAME_IDENTIFIER:
		if (!is_identifier(r->name)) {
			parse_error(p, "bad name '%s'", r->name);
			return -1;
		}
		break;
	case NAME_PATH:
		if (!is_path(r->name)) {
			parse_error(p,
				    "bad directory '%s' (relative to the tree)",
				    r->name);
			return -1;
		}
		break;
	case NAME_PATTERN:
		if (!is_pattern(r->name)) {
			parse_error(
				p,
				"bad pattern '%s' (an identifier with one *)",
				r->name);
			return -1;
		}
		break;
	}
	return 0;
}

static void add_rule(struct fl_rules *rules, const struct fl_rule *r)
{
	if (rules->nrules == rules->cap) {
		rules->cap = rules->cap ? rules->cap * 2 : 64;
		rules->rules = fl_xrealloc(rules->rules,
					   rules->cap * sizeof(*rules->rules));
	}
	rules->rules[rules->nrules++] = *r;
}

static void parse_line(struct parse *p, struct fl_rules *rules, char *line)
{
	char *hash = strchr(line, '#');
	char *words[32];
	int nwords = 0;
	char *tok, *save = NULL;
	struct fl_rule r;
	unsigned seen = 0;
	int i, k;

	if (hash)
		*hash = '\0';
	for (tok = strtok_r(line, " \t\r\n", &save); tok;
	     tok = strtok_r(NULL, " \t\r\n", &save)) {
		if (nwords == 32) {
			parse_error(p, "%s", "too many words");
			return;
		}
		words[nwords++] = tok;
	}
	if (nwords == 0)
		return;

	memset(&r, 0, sizeof(r));
	for (k = 0; k < FL_RULE_NKINDS; k++)
		if (!strcmp(words[0], kind_names[k]))
			break;
	if (k == FL_RULE_NKINDS) {
		parse_error(p, "unknown kind '%s'", words[0]);
		return;
	}
	r.kind = k;
	if (nwords < 2) {
		parse_error(p, "'%s' needs a name", words[0]);
		return;
	}
	r.name = fl_strdup(words[1]);
	for (i = 2; i < nwords; i++)
		if (set_key(p, &r, &seen, words[i]))
			return;
	if ((kind_keys[r.kind].required & seen) != kind_keys[r.kind].required) {
		for (i = 0; i < (int)(sizeof(key_names) / sizeof(key_names[0]));
		     i++) {
			if ((kind_keys[r.kind].required & (1u << i)) &&
			    !(seen & (1u << i))) {
				char msg[128];

				snprintf(msg, sizeof(msg),
					 "'%s' needs %s=", kind_names[r.kind],
					 key_names[i]);
				parse_error(p, "%s", msg);
				return;
			}
		}
	}
	if (check_rule(p, &r))
		return;
	if (r.excl_flag && !r.mode_arg) {
		parse_error(p, "%s", "excl= needs mode=argN");
		return;
	}
	if (r.kind == FL_RULE_TRYLOCK && !r.mode && !r.mode_arg && !r.holder) {
		parse_error(p, "%s",
			    "'trylock' needs mode= unless holder= gives it");
		return;
	}
	if (r.kind == FL_RULE_LOCK && !r.mode && !r.mode_arg && !r.holder) {
		parse_error(p, "%s", "'lock' needs mode=");
		return;
	}
	r.file = fl_strdup(p->path);
	r.line = p->line;
	add_rule(rules, &r);
}

int fl_rules_parse_file(struct fl_rules *rules, const char *path,
			void (*error)(void *ctx, const char *msg), void *ctx)
{
	struct parse p = {path, 0, 0, error, ctx};
	char *buf = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *f = fopen(path, "r");

	if (!f) {
		char msg[600];

		snprintf(msg, sizeof(msg), "%s: cannot open rules file: %s",
			 path, strerror(errno));
		error(ctx, msg);
		return 1;
	}
	/* By length, not by strchr: a NUL byte must not hide the newline. */
	while ((n = getline(&buf, &cap, f)) >= 0) {
		p.line++;
		if (memchr(buf, '\0', n)) {
			parse_error(&p, "%s", "NUL byte in the line");
			continue;
		}
		if (n - (n > 0 && buf[n - 1] == '\n') > MAX_LINE) {
			parse_error(&p, "%s", "line too long");
			continue;
		}
		parse_line(&p, rules, buf);
	}
	free(buf);
	fclose(f);
	return p.errors;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fl_rules_load_dir(struct fl_rules *rules, const char *dir,
		      void (*error)(void *ctx, const char *msg), void *ctx)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	int n = 0, i, errors = 0;

	if (!d) {
		char msg[600];

		snprintf(msg, sizeof(msg),
			 "%s: cannot open rules directory: %s", dir,
			 strerror(errno));
		error(ctx, msg);
		return 1;
	}
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);

		if (len > 6 && !strcmp(de->d_name + len - 6, ".rules")) {
			names = fl_xrealloc(names, (n + 1) * sizeof(*names));
			names[n++] = strdup(de->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof(*names), compare_names);
	for (i = 0; i < n; i++) {
		char path[4096];

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		errors += fl_rules_parse_file(rules, path, error, ctx);
		free(names[i]);
	}
	free(names);
	if (n == 0) {
		char msg[600];

		snprintf(msg, sizeof(msg), "%s: no *.rules files", dir);
		error(ctx, msg);
		errors++;
	}
	return errors;
}

static const char *rule_name(const void *ctx, int i)
{
	return ((const struct fl_rules *)ctx)->rules[i].name;
}

const struct fl_rule *fl_rules_find(const struct fl_rules *rules,
				    const char *name, fl_kind_mask kinds)
{
	/* The index is a cache: callers see the rules as const. */
	struct fl_name_index *idx = (struct fl_name_index *)&rules->index;
	int i;

	if (!idx->heads || idx->nitems != rules->nrules)
		fl_name_index_build(idx, rules->nrules, rule_name, rules);
	for (i = fl_name_index_first(idx, name); i >= 0;
	     i = fl_name_index_next(idx, i))
		if ((FL_KIND_BIT(rules->rules[i].kind) & kinds) &&
		    !strcmp(rules->rules[i].name, name))
			return &rules->rules[i];
	return NULL;
}

/*
 * The part of name that pattern's "*" stands for (non-empty), written to
 * stem; false when name does not match.
 */
static bool pattern_stem(const char *pattern, const char *name, char *stem,
			 size_t len)
{
	const char *star = strchr(pattern, '*');
	size_t pre, post, n = strlen(name);

	if (!star)
		return false;
	pre = (size_t)(star - pattern);
	post = strlen(star + 1);
	if (n <= pre + post || strncmp(name, pattern, pre) ||
	    strcmp(name + n - post, star + 1) || n - pre - post >= len)
		return false;
	snprintf(stem, len, "%.*s", (int)(n - pre - post), name + pre);
	return true;
}

/* The lock-guard rule one of whose patterns (which) matches name. */
static const struct fl_rule *find_guard(const struct fl_rules *rules,
					const char *name, int which, char *stem,
					size_t len)
{
	int i;

	if (!name)
		return NULL;
	for (i = 0; i < rules->nrules; i++) {
		const struct fl_rule *r = &rules->rules[i];
		const char *pattern;

		if (r->kind != FL_RULE_LOCK_GUARD)
			continue;
		pattern = which == 0   ? r->name
			  : which == 1 ? r->release
			  : which == 2 ? r->type_pattern
			  : which == 3 ? r->held_if
				       : r->error;
		if (pattern && pattern_stem(pattern, name, stem, len))
			return r;
	}
	return NULL;
}

const struct fl_rule *fl_rules_guard_constructor(const struct fl_rules *rules,
						 const char *callee)
{
	char stem[256];

	return find_guard(rules, callee, 0, stem, sizeof(stem));
}

const struct fl_rule *fl_rules_guard_release(const struct fl_rules *rules,
					     const char *callee)
{
	char stem[256];

	return find_guard(rules, callee, 1, stem, sizeof(stem));
}

enum fl_success fl_rules_guard_test(const struct fl_rules *rules,
				    const char *callee)
{
	char stem[256];

	if (find_guard(rules, callee, 3, stem, sizeof(stem)))
		return FL_SUCCESS_NONZERO;
	if (find_guard(rules, callee, 4, stem, sizeof(stem)))
		return FL_SUCCESS_ZERO;
	return FL_SUCCESS_NONE;
}

const char *fl_rules_guard_cleanup(const struct fl_rules *rules,
				   const char *type)
{
	char stem[256], buf[600];
	const struct fl_rule *r =
		find_guard(rules, type, 2, stem, sizeof(stem));
	const char *star;

	if (!r)
		return NULL;
	star = strchr(r->release, '*');
	snprintf(buf, sizeof(buf), "%.*s%s%s", (int)(star - r->release),
		 r->release, stem, star + 1);
	return fl_strdup(buf);
}

void fl_rules_free(struct fl_rules *rules)
{
	free(rules->rules);
	free(rules->index.heads);
	free(rules->index.next);
	memset(rules, 0, sizeof(*rules));
}

const char *fl_mode_name(enum fl_mode mode)
{
	return mode == FL_MODE_EXCL	? "exclusive"
	       : mode == FL_MODE_SHARED ? "shared"
					: "none";
}

/*
 * The rules relative to a front end's own file (the plugin's .so, a
 * checker's executable): rules/ beside plugin/ or tools/ of a checkout
 * (plugin/faultline.so, plugin/CC/faultline.so, tools/faultline-sparse),
 * share/faultline/rules of an installation (lib/faultline/CC/faultline.so,
 * bin/faultline-sparse).  The first that exists.
 */
/*
 * A program's rules: PREFIX/bin/../share/faultline/rules when installed,
 * tools/../rules in a checkout (the installed place first: a "rules"
 * directory next to PREFIX is not faultline's).
 */
const char *fl_rules_beside_program(const char *argv0)
{
	static char dir[4096 + 32];
	char self[4096];
	ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	struct stat st;
	char *slash;

	if (len > 0)
		self[len] = '\0';
	else
		snprintf(self, sizeof(self), "%s", argv0);
	slash = strrchr(self, '/');
	if (!slash)
		return "../rules";
	*slash = '\0';
	snprintf(dir, sizeof(dir), "%s/../share/faultline/rules", self);
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return dir;
	snprintf(dir, sizeof(dir), "%s/../rules", self);
	return dir;
}

const char *fl_rules_default_dir(const char *file)
{
	static const char *const candidates[] = {
		"/../rules",
		"/../../rules",
		"/../share/faultline/rules",
		"/../../share/faultline/rules",
		"/../../../share/faultline/rules",
	};
	static char dir[4096];
	struct stat st;
	size_t base;
	unsigned i;
	char *slash;

	snprintf(dir, sizeof(dir), "%s", file);
	slash = strrchr(dir, '/');
	if (!slash)
		return "../rules";
	*slash = '\0';
	base = slash - dir;
	for (i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++) {
		snprintf(dir + base, sizeof(dir) - base, "%s", candidates[i]);
		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
			return dir;
	}
	snprintf(dir + base, sizeof(dir) - base, "%s", candidates[0]);
	return dir;
}
