// SPDX-License-Identifier: GPL-2.0
/*
 * Reading facts back (format: lib/FACTS.md).  A section may hold several
 * units (ld -r concatenates sections of the same name); each is checked on
 * its own, and a corrupt one is reported with its object and line and
 * dropped without losing the others.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "facts.h"
#include "link.h"

#define MAX_FIELDS 14

/* Interned strings: an open-addressing table of pointers. */
static const char **intern_tab;
static unsigned long intern_size, intern_used;

static unsigned long hash_bytes(const char *s, unsigned long n)
{
	unsigned long h = 1469598103934665603UL;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211UL;
	return h;
}

static const char *intern_n(const char *s, unsigned long n)
{
	unsigned long h, i;
	char *copy;

	if (intern_used * 2 >= intern_size) {
		const char **old = intern_tab;
		unsigned long old_size = intern_size;

		intern_size = intern_size ? intern_size * 2 : 4096;
		intern_tab = fl_xcalloc(intern_size, sizeof(*intern_tab));
		for (i = 0; i < old_size; i++) {
			unsigned long j;

			if (!old[i])
				continue;
			j = hash_bytes(old[i], strlen(old[i])) &
			    (intern_size - 1);
			while (intern_tab[j])
				j = (j + 1) & (intern_size - 1);
			intern_tab[j] = old[i];
		}
		free(old);
	}
	h = hash_bytes(s, n) & (intern_size - 1);
	for (i = h; intern_tab[i]; i = (i + 1) & (intern_size - 1))
		if (!strncmp(intern_tab[i], s, n) && !intern_tab[i][n])
			return intern_tab[i];
	copy = fl_xcalloc(1, n + 1);
	memcpy(copy, s, n);
	intern_tab[i] = copy;
	intern_used++;
	return copy;
}

const char *ln_intern(const char *s)
{
	return s ? intern_n(s, strlen(s)) : NULL;
}

void ln_intern_free(void)
{
	unsigned long i;

	for (i = 0; i < intern_size; i++)
		free((char *)intern_tab[i]);
	free(intern_tab);
	intern_tab = NULL;
	intern_size = intern_used = 0;
}

struct reader {
	struct ln_program *prog;
	const char *object;
	int line; /* line within the section */
	char errbuf[512];
	bool failed;
	struct ln_unit *unit;
	struct ln_function *fn;
	struct ln_call *call;
	struct ln_finding *diag;
};

static void fail(struct reader *r, const char *what)
{
	if (r->failed)
		return;
	r->failed = true;
	snprintf(r->errbuf, sizeof(r->errbuf),
		 "%s: corrupt faultline facts at line %d: %s; unit skipped",
		 r->object, r->line, what);
}

/* Split one line into unescaped fields (in place). */
static int split(char *line, char **fields)
{
	int n = 0;
	char *src = line, *dst = line;

	fields[n++] = dst;
	for (; *src; src++) {
		if (*src == '\t') {
			*dst++ = '\0';
			if (n == MAX_FIELDS)
				return -1;
			fields[n++] = dst;
		} else if (*src == '\\') {
			src++;
			if (*src == 't')
				*dst++ = '\t';
			else if (*src == 'n')
				*dst++ = '\n';
			else if (*src == '\\')
				*dst++ = '\\';
			else
				return -1;
		} else {
			*dst++ = *src;
		}
	}
	*dst = '\0';
	return n;
}

static bool to_int(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < -1000000 || v > 100000000)
		return false;
	*out = (int)v;
	return true;
}

static const char *opt(const char *s)
{
	return *s ? ln_intern(s) : NULL;
}

static bool get_loc(struct reader *r, char **f, struct fl_loc *loc)
{
	memset(loc, 0, sizeof(*loc));
	loc->file = opt(f[0]);
	if (!to_int(f[1], &loc->line) || !to_int(f[2], &loc->column)) {
		fail(r, "bad line or column number");
		return false;
	}
	return true;
}

static bool get_mode(struct reader *r, const char *s, enum fl_mode *mode)
{
	if (!strcmp(s, "S"))
		*mode = FL_MODE_SHARED;
	else if (!strcmp(s, "E"))
		*mode = FL_MODE_EXCL;
	else if (!strcmp(s, "N"))
		*mode = FL_MODE_NONE;
	else {
		fail(r, "bad lock mode");
		return false;
	}
	return true;
}

#define GROW(arr, n) ((arr) = fl_xrealloc((arr), ((n) + 1) * sizeof(*(arr))))

/* A comma-separated list of names, interned. */
static int split_list(const char *s, const char ***out)
{
	int n = 0;

	*out = NULL;
	while (*s) {
		const char *comma = strchr(s, ',');
		unsigned long len = comma ? (unsigned long)(comma - s) : strlen(s);

		*out = fl_xrealloc(*out, (n + 1) * sizeof(**out));
		(*out)[n++] = intern_n(s, len);
		s += len;
		if (*s)
			s++;
	}
	return n;
}

/* A name after '&' or '*' in a call's argument list, up to ',' or the
 * end; *p is left after it. */
static bool arg_name(struct reader *r, const char **p, const char **out)
{
	char name[256];
	size_t n = strcspn(++*p, ",");

	if (n == 0 || n >= sizeof(name)) {
		fail(r, "bad call argument list");
		return false;
	}
	memcpy(name, *p, n);
	name[n] = '\0';
	*out = ln_intern(name);
	*p += n;
	return true;
}

static void read_call(struct reader *r, char **f)
{
	struct ln_call *c;
	const char *p;

	GROW(r->fn->calls, r->fn->ncalls);
	c = &r->fn->calls[r->fn->ncalls++];
	memset(c, 0, sizeof(*c));
	c->callee = ln_intern(f[1]);
	for (p = f[2]; *p; p++) {
		switch (*p) {
		case 'f': c->flags |= LN_CALL_FAULTS; break;
		case 'n': c->flags |= LN_CALL_NOFAULT; break;
		case 'b': c->flags |= LN_CALL_BROKEN; break;
		case 'd': c->flags |= LN_CALL_NOT_DAX; break;
		default: fail(r, "unknown call flag"); return;
		}
	}
	if (!get_loc(r, f + 3, &c->loc))
		return;
	c->macro = opt(f[6]);
	c->nspared = split_list(f[7], &c->spared);
	/* "k:pJ" (argument k is parameter J) or "k:n" (nofault iterator) */
	for (p = f[8]; *p;) {
		const char *fnptr, *type;
		char *end;
		long k = strtol(p, &end, 10);
		int v, field = 0;

		if (end == p || *end != ':' || k < 1 || k > 64) {
			fail(r, "bad call argument list");
			return;
		}
		p = end + 1;
		fnptr = NULL;
		type = NULL;
		if (*p == 'n') {
			v = LN_ARG_NOFAULT;
			p++;
		} else if ((*p == '&' && r->unit->version >= 5) ||
			   (*p == '*' && r->unit->version >= 6)) {
			/* "k:&NAME" (argument k is function NAME's address),
			 * "k:*TYPE" (it points to a struct TYPE) */
			bool is_fn = *p == '&';

			if (!arg_name(r, &p, is_fn ? &fnptr : &type))
				return;
			v = 0;
		} else if (*p == 'p' || (*p == 'f' && r->unit->version >= 5)) {
			/* "k:fJ": the address of a field of what J points to */
			bool is_field = *p == 'f';

			v = (int)strtol(p + 1, &end, 10);
			if (end == p + 1 || v < 1 || v > 64) {
				fail(r, "bad call argument list");
				return;
			}
			p = end;
			if (is_field) {
				field = v;
				v = 0;
			}
			/* "k:fJ*TYPE": J points to a struct TYPE */
			if (is_field && *p == '*' && r->unit->version >= 6 &&
			    !arg_name(r, &p, &type))
				return;
		} else {
			fail(r, "bad call argument list");
			return;
		}
		if (k > c->nargs) {
			c->arg_param = fl_xrealloc(c->arg_param,
						   k * sizeof(*c->arg_param));
			memset(c->arg_param + c->nargs, 0,
			       (k - c->nargs) * sizeof(*c->arg_param));
			c->arg_fn =
				fl_xrealloc(c->arg_fn, k * sizeof(*c->arg_fn));
			memset(c->arg_fn + c->nargs, 0,
			       (k - c->nargs) * sizeof(*c->arg_fn));
			c->arg_field = fl_xrealloc(c->arg_field,
						   k * sizeof(*c->arg_field));
			memset(c->arg_field + c->nargs, 0,
			       (k - c->nargs) * sizeof(*c->arg_field));
			c->arg_type = fl_xrealloc(c->arg_type,
						  k * sizeof(*c->arg_type));
			memset(c->arg_type + c->nargs, 0,
			       (k - c->nargs) * sizeof(*c->arg_type));
			c->nargs = (int)k;
		}
		c->arg_param[k - 1] = v;
		c->arg_fn[k - 1] = fnptr;
		c->arg_field[k - 1] = field;
		c->arg_type[k - 1] = type;
		if (*p == ',')
			p++;
		else if (*p) {
			fail(r, "bad call argument list");
			return;
		}
	}
	r->call = c;
}

/* A parameter or argument number: 1-based, as call records bound them. */
static bool get_index(struct reader *r, const char *s, int *out,
		      const char *what)
{
	if (!to_int(s, out) || *out < 1 || *out > 64) {
		fail(r, what);
		return false;
	}
	return true;
}

static bool get_name(struct reader *r, const char *s, const char **out)
{
	if (!*s) {
		fail(r, "empty name");
		return false;
	}
	*out = ln_intern(s);
	return true;
}

/* psrc FUNCTION KIND CALLEE LOC (unit level, numbered from 1) */
static void read_page_source(struct reader *r, char **f)
{
	struct ln_page_source ps;

	memset(&ps, 0, sizeof(ps));
	if (!get_name(r, f[1], &ps.function) || !get_name(r, f[3], &ps.callee))
		return;
	if (strcmp(f[2], "g") && strcmp(f[2], "p")) {
		fail(r, "unknown page source kind");
		return;
	}
	ps.pinned = f[2][0] == 'p';
	if (!get_loc(r, f + 4, &ps.loc))
		return;
	GROW(r->unit->page_sources, r->unit->npage_sources);
	r->unit->page_sources[r->unit->npage_sources++] = ps;
}

/* psink/prel PARAM KIND CALLEE FUNCTION LOC */
static void read_page_use(struct reader *r, char **f, bool release)
{
	struct ln_page_use u;

	memset(&u, 0, sizeof(u));
	u.release = release;
	if (!get_index(r, f[1], &u.param, "bad parameter number"))
		return;
	if (release ? strcmp(f[2], "g") && strcmp(f[2], "p")
		    : strcmp(f[2], "c") && strcmp(f[2], "f") &&
			      strcmp(f[2], "w")) {
		fail(r, release ? "unknown page release kind"
				: "unknown page sink kind");
		return;
	}
	u.kind = f[2][0];
	if (!get_name(r, f[3], &u.callee) || !get_name(r, f[4], &u.function) ||
	    !get_loc(r, f + 5, &u.loc))
		return;
	GROW(r->fn->page_uses, r->fn->npage_uses);
	r->fn->page_uses[r->fn->npage_uses++] = u;
}

/* ppass PARAM ARG CALLEE LOC */
static void read_page_pass(struct reader *r, char **f)
{
	struct ln_page_pass pp;

	memset(&pp, 0, sizeof(pp));
	if (!get_index(r, f[1], &pp.param, "bad parameter number") ||
	    !get_index(r, f[2], &pp.arg, "bad argument number") ||
	    !get_name(r, f[3], &pp.callee) || !get_loc(r, f + 4, &pp.loc))
		return;
	GROW(r->fn->page_passes, r->fn->npage_passes);
	r->fn->page_passes[r->fn->npage_passes++] = pp;
}

/* pleak LOC PIN_CALLEE LOC CALLEE ARG LOC */
static void read_pin_leak(struct reader *r, char **f)
{
	struct ln_pin_leak l;

	memset(&l, 0, sizeof(l));
	if (!get_loc(r, f + 1, &l.ret) || !get_name(r, f[4], &l.pin_callee) ||
	    !get_loc(r, f + 5, &l.pin) || !get_name(r, f[8], &l.callee) ||
	    !get_index(r, f[9], &l.arg, "bad argument number") ||
	    !get_loc(r, f + 10, &l.call))
		return;
	GROW(r->fn->pin_leaks, r->fn->npin_leaks);
	r->fn->pin_leaks[r->fn->npin_leaks++] = l;
}

/* pcall CALLEE LOC ARGS; ARGS: comma-separated K:sN and K:pJ, not empty */
static void read_page_call(struct reader *r, char **f)
{
	struct ln_page_call c;
	const char *p = f[5];

	memset(&c, 0, sizeof(c));
	if (!get_name(r, f[1], &c.callee) || !get_loc(r, f + 2, &c.loc))
		return;
	if (!*p) {
		fail(r, "bad page argument list");
		return;
	}
	while (*p) {
		struct ln_page_arg a;
		char *end;
		long k = strtol(p, &end, 10), v;
		char what;

		memset(&a, 0, sizeof(a));
		if (end == p || *end != ':' || k < 1 || k > 64 ||
		    (end[1] != 's' && end[1] != 'p')) {
			fail(r, "bad page argument list");
			goto out;
		}
		what = end[1];
		p = end + 2;
		v = strtol(p, &end, 10);
		if (end == p || v < 1 || (*end && *end != ',') ||
		    (what == 'p' && v > 64)) {
			fail(r, "bad page argument list");
			goto out;
		}
		if (what == 's' && v > r->unit->npage_sources) {
			fail(r, "unknown page source");
			goto out;
		}
		a.arg = (int)k;
		if (what == 's')
			a.source = (int)v;
		else
			a.param = (int)v;
		GROW(c.args, c.nargs);
		c.args[c.nargs++] = a;
		p = *end ? end + 1 : end;
	}
	GROW(r->fn->page_calls, r->fn->npage_calls);
	r->fn->page_calls[r->fn->npage_calls++] = c;
	return;
out:
	free(c.args);
}

static const struct {
	const char *name;
	int nfields; /* including the record name */
	bool in_function;
	int since; /* the facts version that added it */
} records[] = {
	{"unit", 2, false, 2},	{"dax", 1, false, 2},  {"op", 7, false, 2},
	{"fn", 7, false, 2},	{"fault", 7, true, 2}, {"take", 8, true, 2},
	{"breaks", 1, true, 2}, {"rm", 5, true, 2},    {"call", 9, true, 2},
	{"held", 8, true, 2},	{"diag", 8, false, 2}, {"note", 5, false, 2},
	{"psrc", 7, false, 3},	{"psink", 8, true, 3}, {"prel", 8, true, 3},
	{"ppass", 7, true, 3},	{"pcall", 6, true, 3}, {"plook", 2, true, 4},
	{"pleak", 13, true, 4}, {"fnptr", 3, true, 5}, {"guard", 2, true, 5},
	{"itype", 2, true, 6},
};

/* The function's last fault record, which itype and fnptr qualify. */
static struct ln_fault_cond *last_fault(struct ln_function *fn)
{
	struct ln_fault_conds *own = fn ? &fn->unit_conds : NULL;

	return own && own->n ? &own->c[own->n - 1] : NULL;
}

static void read_record(struct reader *r, char **f, int n)
{
	unsigned i;

	for (i = 0; i < sizeof(records) / sizeof(records[0]); i++)
		if (!strcmp(f[0], records[i].name))
			break;
	if (i == sizeof(records) / sizeof(records[0])) {
		fail(r, "unknown record");
		return;
	}
	if (records[i].since > r->unit->version) {
		fail(r, "record of a later facts version");
		return;
	}
	if (n != records[i].nfields) {
		fail(r, "wrong number of fields");
		return;
	}
	if (records[i].in_function && !r->fn) {
		fail(r, "record outside a function");
		return;
	}
	if (strcmp(f[0], "unit") && !r->unit->source) {
		fail(r, "record before the unit line");
		return;
	}
	if (!strcmp(f[0], "unit")) {
		char dir[4096], *slash;

		r->unit->source = ln_intern(f[1]);
		snprintf(dir, sizeof(dir), "%s", f[1]);
		slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
		else
			strcpy(dir, ".");
		r->unit->dir = ln_intern(dir);
	} else if (!strcmp(f[0], "dax")) {
		r->unit->dax = true;
	} else if (!strcmp(f[0], "op")) {
		struct ln_op *op;

		GROW(r->unit->ops, r->unit->nops);
		op = &r->unit->ops[r->unit->nops++];
		op->table_type = ln_intern(f[1]);
		op->field = ln_intern(f[2]);
		op->function = ln_intern(f[3]);
		get_loc(r, f + 4, &op->loc);
	} else if (!strcmp(f[0], "fn")) {
		struct ln_function *fn = fl_xcalloc(1, sizeof(*fn));

		fn->name = ln_intern(f[1]);
		fn->is_static = !strcmp(f[2], "1");
		get_loc(r, f + 3, &fn->loc);
		fn->root_reason = opt(f[6]);
		fn->unit = r->unit;
		GROW(r->unit->funcs, r->unit->nfuncs);
		r->unit->funcs[r->unit->nfuncs++] = fn;
		r->fn = fn;
		r->call = NULL;
	} else if (!strcmp(f[0], "fault")) {
		struct ln_fault_conds *own = &r->fn->unit_conds;
		struct ln_fault_cond *cur;

		/* Several ways of faulting since version 7. */
		if (own->n && r->unit->version < 7) {
			fail(r, "a second fault record before version 7");
			return;
		}
		if (own->n == LN_MAX_FAULT_CONDS) {
			fail(r, "more than 4 fault records");
			return;
		}
		cur = &own->c[own->n++];
		r->fn->unit_faults = true;
		cur->way.callee = ln_intern(f[1]);
		if (get_loc(r, f + 2, &cur->way.loc) &&
		    !to_int(f[5], &cur->param))
			fail(r, "bad parameter number");
		/* The same for every record: released before every fault. */
		if (own->n > 1)
			return;
		r->fn->nfault_spared = split_list(f[6], &r->fn->fault_spared);
	} else if (!strcmp(f[0], "itype")) {
		struct ln_fault_cond *cur = last_fault(r->fn);

		if (!cur || !cur->param || cur->type) {
			fail(r,
			     "itype record without a conditional fault record");
			return;
		}
		if (!*f[1]) {
			fail(r, "bad struct name");
			return;
		}
		cur->type = ln_intern(f[1]);
	} else if (!strcmp(f[0], "fnptr")) {
		struct ln_fault_cond *cur = last_fault(r->fn);
		int k;

		if (!cur || cur->fnptr) {
			fail(r, "fnptr record without a fault record");
			return;
		}
		if (!to_int(f[1], &k) || k < 1 || k > 64 || !*f[2]) {
			fail(r, "bad parameter number");
			return;
		}
		cur->fnptr_param = k;
		cur->fnptr = ln_intern(f[2]);
	} else if (!strcmp(f[0], "take")) {
		struct ln_take *t;

		GROW(r->fn->takes, r->fn->ntakes);
		t = &r->fn->takes[r->fn->ntakes++];
		t->lock_class = ln_intern(f[1]);
		get_mode(r, f[2], &t->mode);
		t->function = ln_intern(f[3]);
		t->display = opt(f[4]);
		get_loc(r, f + 5, &t->loc);
	} else if (!strcmp(f[0], "breaks")) {
		r->fn->breaks_layouts = true;
	} else if (!strcmp(f[0], "rm")) {
		struct ln_remove *rm;

		GROW(r->fn->removes, r->fn->nremoves);
		rm = &r->fn->removes[r->fn->nremoves++];
		rm->callee = ln_intern(f[1]);
		get_loc(r, f + 2, &rm->loc);
	} else if (!strcmp(f[0], "call")) {
		read_call(r, f);
	} else if (!strcmp(f[0], "guard")) {
		int k;

		if (!r->call) {
			fail(r, "guard without a call");
			return;
		}
		if (!to_int(f[1], &k) || k < 1 || k > 64) {
			fail(r, "bad parameter number");
			return;
		}
		r->call->guard_param = k;
	} else if (!strcmp(f[0], "held")) {
		struct ln_held *h;

		if (!r->call) {
			fail(r, "held lock without a call");
			return;
		}
		GROW(r->call->held, r->call->nheld);
		h = &r->call->held[r->call->nheld++];
		h->lock_class = ln_intern(f[1]);
		get_mode(r, f[2], &h->mode);
		h->display = opt(f[3]);
		get_loc(r, f + 4, &h->loc);
		h->via = opt(f[7]);
	} else if (!strcmp(f[0], "psrc")) {
		read_page_source(r, f);
	} else if (!strcmp(f[0], "psink") || !strcmp(f[0], "prel")) {
		read_page_use(r, f, f[0][1] == 'r');
	} else if (!strcmp(f[0], "ppass")) {
		read_page_pass(r, f);
	} else if (!strcmp(f[0], "pcall")) {
		read_page_call(r, f);
	} else if (!strcmp(f[0], "plook")) {
		int p;

		if (get_index(r, f[1], &p, "bad parameter number"))
			r->fn->page_looks |= 1ULL << (p - 1);
	} else if (!strcmp(f[0], "pleak")) {
		read_pin_leak(r, f);
	} else if (!strcmp(f[0], "diag")) {
		struct ln_finding *d;

		GROW(r->unit->diags, r->unit->ndiags);
		d = &r->unit->diags[r->unit->ndiags++];
		memset(d, 0, sizeof(*d));
		d->check = ln_intern(f[1]);
		d->function = opt(f[2]);
		get_loc(r, f + 3, &d->loc);
		d->msg = ln_intern(f[6]);
		d->suppressed = opt(f[7]);
		d->object = r->object;
		r->diag = d;
	} else if (!strcmp(f[0], "note")) {
		struct fl_loc loc;

		if (!r->diag) {
			fail(r, "note without a diagnostic");
			return;
		}
		if (get_loc(r, f + 1, &loc))
			ln_add_note(r->diag, &loc, ln_intern(f[4]));
	}
}

static bool duplicate_unit(const struct ln_program *prog,
			   const struct ln_unit *unit)
{
	int i;

	for (i = 0; i < prog->nunits; i++)
		if (prog->units[i]->hash == unit->hash &&
		    prog->units[i]->source == unit->source)
			return true;
	return false;
}

/* Read one unit starting at text; returns where the next one may start. */
static const char *read_unit(struct reader *r, const char *text,
			     const char *end)
{
	const char *p = text, *start = text;
	char *line = NULL, *f[MAX_FIELDS];
	unsigned long cap = 0;
	bool ended = false;
	int version;

	r->unit = fl_xcalloc(1, sizeof(*r->unit));
	r->unit->object = r->object;
	r->fn = NULL;
	r->call = NULL;
	r->diag = NULL;
	r->failed = false;
	while (p < end && !ended && !r->failed) {
		const char *nl = memchr(p, '\n', end - p);
		unsigned long n;
		int nf;

		if (!nl) {
			r->line++; /* the partial line is one */
			fail(r, "truncated (no final newline)");
			break;
		}
		n = nl - p;
		if (n + 1 > cap) {
			cap = n + 1;
			line = fl_xrealloc(line, cap);
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p = nl + 1;
		r->line++;
		if (memchr(line, '\0', n)) {
			fail(r, "NUL byte inside a record");
			break;
		}
		nf = split(line, f);
		if (nf < 0) {
			fail(r, "bad escape or too many fields");
			break;
		}
		if (p - 1 - n == start) {
			if (nf != 2 || strcmp(f[0], FL_FACTS_MAGIC) ||
			    !to_int(f[1], &version)) {
				fail(r, "no faultline-facts header");
				break;
			}
			if (version < FL_FACTS_OLDEST ||
			    version > FL_FACTS_VERSION) {
				char msg[80];

				snprintf(msg, sizeof(msg),
					 "facts version %d, this tool reads "
					 "%d to %d",
					 version, FL_FACTS_OLDEST,
					 FL_FACTS_VERSION);
				fail(r, msg);
				break;
			}
			r->unit->version = version;
			continue;
		}
		if (nf == 1 && !strcmp(f[0], "end")) {
			ended = true;
			break;
		}
		read_record(r, f, nf);
	}
	free(line);
	if (!ended && !r->failed)
		fail(r, "truncated (no end record)");
	if (!r->failed && !r->unit->source)
		fail(r, "no unit record");
	if (r->failed) {
		ln_error(r->prog, r->errbuf);
		ln_unit_free(r->unit);
		r->unit = NULL;
		r->fn = NULL;
		r->call = NULL;
		r->diag = NULL;
		/* Resynchronise on the next header, if any. */
		while (p < end) {
			const char *h = memchr(p, 'f', end - p);

			if (!h)
				return end;
			if ((h == text || h[-1] == '\0' || h[-1] == '\n') &&
			    (unsigned long)(end - h) > strlen(FL_FACTS_MAGIC) &&
			    !strncmp(h, FL_FACTS_MAGIC "\t",
				     strlen(FL_FACTS_MAGIC) + 1) &&
			    h != start) {
				while (p < h)
					r->line += *p++ == '\n';
				return h;
			}
			p = h + 1;
		}
		return end;
	}
	r->unit->hash = hash_bytes(start, p - start);
	if (duplicate_unit(r->prog, r->unit)) {
		r->prog->nduplicate++;
		ln_unit_free(r->unit);
		r->unit = NULL;
		return p;
	}
	GROW(r->prog->units, r->prog->nunits);
	r->prog->units[r->prog->nunits++] = r->unit;
	return p;
}

void ln_read_facts(struct ln_program *prog, const char *object,
		   const char *text, unsigned long len)
{
	struct reader r;
	const char *p = text, *end = text + len;
	bool any = false;

	memset(&r, 0, sizeof(r));
	r.prog = prog;
	r.object = ln_intern(object);
	while (p < end) {
		/* ld -r may pad between sections. */
		if (*p == '\0' || *p == '\n') {
			r.line += *p == '\n';
			p++;
			continue;
		}
		p = read_unit(&r, p, end);
		any = true;
	}
	/* A section cut at its start is as corrupt as one cut anywhere. */
	if (!any) {
		snprintf(r.errbuf, sizeof(r.errbuf),
			 "%s: corrupt faultline facts: the section holds no "
			 "unit (empty); skipped",
			 r.object);
		ln_error(prog, r.errbuf);
	}
}
