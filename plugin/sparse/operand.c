// SPDX-License-Identifier: GPL-2.0
/*
 * Operands of Sparse's IR as the model names them: variables, fields
 * ("TYPE::FIELD"), the expression as written, page objects.  Sparse has
 * turned member accesses into offsets; the member's symbol survives as
 * the type of the load or of the address, and the struct it belongs to is
 * found from the type of the base pointer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lower.h"

struct symbol *strip_type(struct symbol *t)
{
	int depth = 0;

	while (t && (t->type == SYM_NODE || t->type == SYM_TYPEOF) &&
	       depth++ < 16)
		t = t->ctype.base_type;
	return t;
}

/*
 * An identifier's name that lasts (ident_str() reuses four buffers):
 * interned once per identifier.
 */
const char *ident_str(const struct ident *id)
{
	static struct { const struct ident *id; const char *s; } *tab;
	static unsigned long size, used;
	unsigned long i;

	if (!id)
		return NULL;
	if (2 * (used + 1) > size) {
		unsigned long old = size, j;
		void *otab = tab;

		size = size ? 2 * size : 1024;
		tab = fl_xcalloc(size, sizeof(*tab));
		for (j = 0; j < old; j++) {
			typeof(tab) o = (typeof(tab))otab + j;

			if (!o->id)
				continue;
			for (i = ((unsigned long)o->id >> 4) % size; tab[i].id;
			     i = (i + 1) % size)
				;
			tab[i] = *o;
		}
		free(otab);
	}
	for (i = ((unsigned long)id >> 4) % size; tab[i].id; i = (i + 1) % size)
		if (tab[i].id == id)
			return tab[i].s;
	tab[i].id = id;
	tab[i].s = fl_strdup(show_ident(id));
	used++;
	return tab[i].s;
}

/* "struct gfs2_inode" -> "gfs2_inode"; NULL for an anonymous record. */
const char *record_name(struct symbol *t)
{
	t = strip_type(t);
	if (!t || (t->type != SYM_STRUCT && t->type != SYM_UNION) || !t->ident)
		return NULL;
	return ident_str(t->ident);
}

const char *sym_name(struct symbol *sym)
{
	return sym && sym->ident ? ident_str(sym->ident) : NULL;
}

struct fl_loc make_loc(struct position pos)
{
	struct fl_loc l;

	l.file = fl_strdup(stream_name(pos.stream));
	l.line = pos.line;
	l.column = byte_column(pos);
	l.cookie = 0;
	return l;
}

/* An automatic variable or parameter (not static, not extern). */
bool is_local_sym(struct symbol *sym)
{
	return sym && sym->ident &&
	       !(sym->ctype.modifiers & (MOD_STATIC | MOD_EXTERN | MOD_TOPLEVEL)) &&
	       strip_type(sym) && strip_type(sym)->type != SYM_FN;
}

bool is_global_sym(struct symbol *sym)
{
	return sym && sym->ident &&
	       (sym->ctype.modifiers & (MOD_STATIC | MOD_EXTERN | MOD_TOPLEVEL)) &&
	       strip_type(sym) && strip_type(sym)->type != SYM_FN;
}

struct local *find_local(const struct lowering *lw, struct symbol *sym)
{
	int i;

	for (i = 0; i < lw->nlocals; i++)
		if (lw->locals[i].sym == sym)
			return &lw->locals[i];
	return NULL;
}

/* A key for a named variable, unique within the function. */
unsigned sym_key(const struct lowering *lw, struct symbol *sym)
{
	struct local *l = find_local(lw, sym);

	return l ? (unsigned)(l - lw->locals) + 1 : 0;
}

/* A temporary's key: its pseudo number. */
unsigned pseudo_key(pseudo_t p)
{
	return 0x80000000u | (unsigned)p->nr;
}

/* The local variable a load reads as a whole ("x", not "x.f"), or NULL. */
struct symbol *loaded_var(const struct lowering *lw, pseudo_t p)
{
	struct instruction *def;

	if (DEF_OPCODE(def, p) != OP_LOAD || def->offset ||
	    def->src->type != PSEUDO_SYM || def->type != def->src->sym)
		return NULL;
	return find_local(lw, def->src->sym) ? def->src->sym : NULL;
}

static bool is_pointer(struct symbol *t);

static bool is_cast(int opcode)
{
	switch (opcode) {
	case OP_TRUNC:
	case OP_ZEXT:
	case OP_SEXT:
	case OP_UTPTR:
	case OP_PTRTU:
	case OP_PTRCAST:
	case OP_COPY:
		return true;
	default:
		return false;
	}
}

/*
 * A value GCC would assign with a plain copy (a load, an address, a
 * constant), which resolve() follows; not a call's result or arithmetic.
 */
static bool is_copied_value(pseudo_t p)
{
	struct instruction *def;

	switch (p->type) {
	case PSEUDO_VAL:
	case PSEUDO_SYM:
	case PSEUDO_ARG:
		return true;
	case PSEUDO_REG:
		def = p->def;
		return def && (def->opcode == OP_LOAD || def->opcode == OP_SYMADDR ||
			       is_cast(def->opcode) ||
			       (def->opcode == OP_ADD && def->src2->type == PSEUDO_VAL &&
				is_pointer(def->type)));
	default:
		return false;
	}
}

/*
 * Follow casts back to the value a pseudo came from; unless temps_only,
 * through named variables stored once with a copy (and parameters to
 * their value).
 */
pseudo_t resolve(const struct lowering *lw, pseudo_t p, bool temps_only)
{
	int depth;

	for (depth = 0; depth < MAX_RESOLVE_DEPTH; depth++) {
		struct instruction *def;
		struct symbol *var;
		struct local *l;

		if (DEF_OPCODE(def, p) != OP_BADOP && is_cast(def->opcode)) {
			p = def->src;
			continue;
		}
		var = loaded_var(lw, p);
		if (!var || temps_only)
			return p;
		l = find_local(lw, var);
		if (l->nstores != 1 || !l->value ||
		    (var->ctype.modifiers & MOD_ADDRESSABLE) ||
		    !is_copied_value(l->value))
			return p;
		p = l->value;
	}
	return p;
}

unsigned var_key(const struct lowering *lw, pseudo_t p)
{
	struct instruction *def;
	struct symbol *var;

	p = resolve(lw, p, true);
	if (p->type == PSEUDO_SYM)
		return sym_key(lw, p->sym);
	if (DEF_OPCODE(def, p) == OP_SYMADDR && def->src->type == PSEUDO_SYM)
		return sym_key(lw, def->src->sym);
	var = loaded_var(lw, p);
	if (var)
		return sym_key(lw, var);
	if (p->type == PSEUDO_REG)
		return pseudo_key(p);
	return 0;
}

int param_index(const struct lowering *lw, pseudo_t p)
{
	struct symbol *var, *arg;
	int i = 1;

	if (p->type == PSEUDO_ARG)
		return p->nr;
	var = loaded_var(lw, p);
	if (!var)
		return 0;
	FOR_EACH_PTR(strip_type(lw->fn)->arguments, arg) {
		if (arg == var)
			return i;
		i++;
	} END_FOR_EACH_PTR(arg);
	return 0;
}

/* The type of the value a pseudo holds, as far as its definition says. */
struct symbol *pseudo_type(pseudo_t p)
{
	struct instruction *def;

	if (p->type == PSEUDO_SYM)
		return p->sym;
	if (DEF_OPCODE(def, p) == OP_BADOP)
		return NULL;
	return def->type;
}

/* The struct a pointer type points to, or NULL. */
static struct symbol *pointee_record(struct symbol *t)
{
	t = strip_type(t);
	if (!t || t->type != SYM_PTR)
		return NULL;
	t = strip_type(t->ctype.base_type);
	if (!t || (t->type != SYM_STRUCT && t->type != SYM_UNION))
		return NULL;
	return t;
}

static bool is_pointer(struct symbol *t)
{
	t = strip_type(t);
	return t == &lazy_ptr_ctype || (t && t->type == SYM_PTR);
}

static int member_path(struct symbol *record, long long offset,
		       struct ident *id, struct symbol **path, int max);
static struct symbol *member_of_type(struct symbol *record, long long offset,
				     struct symbol *type, int depth);

static struct symbol *addr_sym(pseudo_t addr)
{
	return addr->type == PSEUDO_SYM ? addr->sym : NULL;
}

void describe_access(pseudo_t addr, long long offset, struct symbol *member,
		     struct access *a)
{
	int depth;

	memset(a, 0, sizeof(*a));
	for (depth = 0; depth < 16; depth++) {
		struct instruction *def;

		if (DEF_OPCODE(def, addr) == OP_ADD &&
		    def->src2->type == PSEUDO_VAL && is_pointer(def->type)) {
			offset += def->src2->value;
			addr = def->src1;
			continue;
		}
		if (DEF_OPCODE(def, addr) == OP_SYMADDR) {
			addr = def->src;
			continue;
		}
		break;
	}
	a->root = addr;
	a->offset = offset;
	a->member = member && member->ident ? member : NULL;
	if (addr->type == PSEUDO_SYM) {
		struct symbol *t = strip_type(addr->sym);

		if (t && (t->type == SYM_STRUCT || t->type == SYM_UNION))
			a->record = t;
		a->deref = false;
	} else {
		a->record = pointee_record(pseudo_type(addr));
		a->deref = true;
	}
	/*
	 * An initializer ({ .bv_page = page }) stores with the value's type:
	 * the member is then the one of that type at the offset.
	 */
	if (member && a->record && member != addr_sym(addr)) {
		struct symbol *path[16];

		if (!a->member || !member_path(a->record, offset,
					       a->member->ident, path, 16))
			a->member = member_of_type(a->record, offset,
						   strip_type(member), 0);
	}
}

/*
 * The path of members from record to the member named id at offset
 * (through anonymous and nested structs); its length, or 0.
 */
static int member_path(struct symbol *record, long long offset,
		       struct ident *id, struct symbol **path, int max)
{
	struct symbol *m;

	if (max <= 0 || !record)
		return 0;
	FOR_EACH_PTR(record->symbol_list, m) {
		struct symbol *t = strip_type(m);
		long long size;
		int n;

		if (m->ident == id && (long long)m->offset == offset) {
			path[0] = m;
			return 1;
		}
		if (!t || (t->type != SYM_STRUCT && t->type != SYM_UNION))
			continue;
		size = t->bit_size > 0 ? bits_to_bytes(t->bit_size) : 0;
		if (offset < (long long)m->offset ||
		    offset >= (long long)m->offset + size)
			continue;
		n = member_path(t, offset - m->offset, id, path + 1, max - 1);
		if (n) {
			path[0] = m;
			return n + 1;
		}
	} END_FOR_EACH_PTR(m);
	return 0;
}

/* Sparse makes several symbols of one pointer type: compare the targets. */
static bool same_type(struct symbol *a, struct symbol *b, int depth)
{
	a = strip_type(a);
	b = strip_type(b);
	if (a == b)
		return true;
	if (!a || !b || depth > 4 || a->type != SYM_PTR || b->type != SYM_PTR)
		return false;
	return same_type(a->ctype.base_type, b->ctype.base_type, depth + 1);
}

/* A member of this type, or an array of it (d->pages decays). */
static bool member_has_type(struct symbol *m, struct symbol *type)
{
	struct symbol *t = strip_type(m);

	if (same_type(t, type, 0))
		return true;
	return t && t->type == SYM_ARRAY &&
	       same_type(t->ctype.base_type, type, 0);
}

/* The named member of record at offset whose type is type, or NULL. */
static struct symbol *member_of_type(struct symbol *record, long long offset,
				     struct symbol *type, int depth)
{
	struct symbol *m;

	if (!record || depth > 8)
		return NULL;
	FOR_EACH_PTR(record->symbol_list, m) {
		struct symbol *t = strip_type(m), *found;
		long long size;

		if (m->ident && (long long)m->offset == offset &&
		    member_has_type(m, type))
			return m;
		if (!t || (t->type != SYM_STRUCT && t->type != SYM_UNION))
			continue;
		size = t->bit_size > 0 ? bits_to_bytes(t->bit_size) : 0;
		if (offset < (long long)m->offset ||
		    offset >= (long long)m->offset + size)
			continue;
		found = member_of_type(t, offset - m->offset, type, depth + 1);
		if (found)
			return found;
	} END_FOR_EACH_PTR(m);
	return NULL;
}

/*
 * &p->member: Sparse keeps only the member's type in the address's
 * pointer type, so the member is the one of that type at the offset.
 */
bool describe_address(pseudo_t addr, struct access *a)
{
	struct instruction *def;
	struct symbol *t;

	memset(a, 0, sizeof(*a));
	if (DEF_OPCODE(def, addr) != OP_ADD || def->src2->type != PSEUDO_VAL)
		return false;
	t = strip_type(def->type);
	if (!t || t->type != SYM_PTR)
		return false;
	describe_access(addr, 0, NULL, a);
	a->member = member_of_type(a->record, a->offset,
				   strip_type(t->ctype.base_type), 0);
	return a->member != NULL;
}

/* "TYPE::FIELD" of a member access; anonymous members join with '.'. */
bool access_class(const struct access *a, char *buf, size_t len)
{
	struct symbol *path[16];
	struct symbol *container;
	int n, i, k;

	if (!a->member || !a->record)
		return false;
	n = member_path(a->record, a->offset, a->member->ident, path, 16);
	if (!n)
		return false;
	/* The nearest named struct holding it, through unnamed members. */
	k = n - 1;
	for (;;) {
		container = k ? strip_type(path[k - 1]) : a->record;
		if (record_name(container))
			break;
		if (!k)
			return false;
		if (path[k - 1]->ident)
			break;
		k--;
	}
	if (record_name(container)) {
		size_t used = snprintf(buf, len, "%s::", record_name(container));

		for (i = k; i < n && used < len; i++)
			if (path[i]->ident)
				used += snprintf(buf + used, len - used, "%s%s",
						 i > k && used && buf[used - 1] != ':' ? "." : "",
						 ident_str(path[i]->ident));
		return true;
	}
	/* A named member of an anonymous struct: "S::b.a". */
	{
		struct access outer = *a;
		char inner[256];

		outer.member = path[k - 1];
		outer.offset = a->offset;
		for (i = k; i < n; i++)
			outer.offset -= path[i]->offset;
		if (!access_class(&outer, inner, sizeof(inner)))
			return false;
		snprintf(buf, len, "%s.%s", inner, ident_str(a->member->ident));
		return true;
	}
}

/* The member a value was loaded from, as an access; false if none. */
static bool load_access(pseudo_t p, struct access *a)
{
	struct instruction *def;

	if (DEF_OPCODE(def, p) != OP_LOAD || !def->type ||
	    def->type->type != SYM_NODE)
		return false;
	if (def->src->type == PSEUDO_SYM && def->type == def->src->sym)
		return false; /* a variable, not a member */
	describe_access(def->src, def->offset, def->type, a);
	return a->member != NULL;
}

/* The class of the field a value was loaded from ("inode::i_flags"). */
bool value_class(const struct lowering *lw, pseudo_t p, char *buf, size_t len)
{
	struct access a;

	p = resolve(lw, p, true);
	return load_access(p, &a) && access_class(&a, buf, len);
}

static void render_access(const struct lowering *lw, const struct access *a,
			  char *buf, size_t len, int depth)
{
	struct symbol *path[16];
	char base[256];
	const char *sep;
	size_t used;
	int n, i;

	if (a->root->type == PSEUDO_SYM)
		snprintf(base, sizeof(base), "%s",
			 sym_name(a->root->sym) ? sym_name(a->root->sym) : "?");
	else
		render(lw, a->root, base, sizeof(base), depth + 1);
	n = a->member ? member_path(a->record, a->offset, a->member->ident,
				    path, 16) : 0;
	if (!n) {
		snprintf(buf, len, "%s%s%s", base, a->deref ? "->" : ".",
			 a->member ? ident_str(a->member->ident) : "?");
		return;
	}
	/* ip->i_inode.i_rwsem; unnamed members are left out: dio->pages. */
	used = snprintf(buf, len, "%s", base);
	sep = a->deref ? "->" : ".";
	for (i = 0; i < n && used < len; i++) {
		if (!path[i]->ident)
			continue;
		used += snprintf(buf + used, len - used, "%s%s", sep,
				 ident_str(path[i]->ident));
		sep = ".";
	}
}

/*
 * A temporary holding a call's result, as the call: OCFS2_I(inode) rather
 * than "?".
 */
static bool render_call(const struct lowering *lw, pseudo_t p, char *buf,
			size_t len, int depth)
{
	struct instruction *def;
	const char *name;
	pseudo_t arg;
	size_t n;
	int i = 0;

	if (DEF_OPCODE(def, p) != OP_CALL || !(name = call_name(def->func)) ||
	    pseudo_list_size(def->arguments) > 3)
		return false;
	n = snprintf(buf, len, "%s(", name);
	FOR_EACH_PTR(def->arguments, arg) {
		char s[128];

		if (n >= len)
			break;
		render(lw, arg, s, sizeof(s), depth + 1);
		n += snprintf(buf + n, len - n, "%s%s", i++ ? ", " : "", s);
	} END_FOR_EACH_PTR(arg);
	if (n < len)
		snprintf(buf + n, len - n, ")");
	return true;
}

/* The expression as a kernel developer wrote it: "ip->i_gl". */
void render(const struct lowering *lw, pseudo_t p, char *buf, size_t len,
	    int depth)
{
	struct instruction *def;
	struct symbol *var, *arg;
	struct access a;
	int i;

	if (depth > MAX_RESOLVE_DEPTH) {
		snprintf(buf, len, "...");
		return;
	}
	p = resolve(lw, p, true);
	switch (p->type) {
	case PSEUDO_VAL:
		snprintf(buf, len, "%lld", p->value);
		return;
	case PSEUDO_SYM:
		snprintf(buf, len, "%s", sym_name(p->sym) ? sym_name(p->sym) : "?");
		return;
	case PSEUDO_ARG:
		i = 1;
		FOR_EACH_PTR(strip_type(lw->fn)->arguments, arg) {
			if (i++ == p->nr) {
				snprintf(buf, len, "%s", sym_name(arg) ? sym_name(arg) : "?");
				return;
			}
		} END_FOR_EACH_PTR(arg);
		break;
	case PSEUDO_REG:
		var = loaded_var(lw, p);
		if (var) {
			snprintf(buf, len, "%s", sym_name(var));
			return;
		}
		if (load_access(p, &a)) {
			render_access(lw, &a, buf, len, depth);
			return;
		}
		def = p->def;
		if (def->opcode == OP_LOAD && !def->offset) {
			char base[256];

			render(lw, def->src, base, sizeof(base), depth + 1);
			snprintf(buf, len, "*%s", base);
			return;
		}
		if (describe_address(p, &a) || def->opcode == OP_SYMADDR) {
			char base[256];

			if (!a.member)
				describe_access(p, 0, NULL, &a);
			if (a.member)
				render_access(lw, &a, base, sizeof(base), depth);
			else
				render(lw, a.root, base, sizeof(base), depth + 1);
			snprintf(buf, len, "&%s", base);
			return;
		}
		if (render_call(lw, p, buf, len, depth))
			return;
		break;
	default:
		break;
	}
	snprintf(buf, len, "?");
}

/* A struct the rules call a page type (page, folio). */
static bool is_page_record(const struct fl_rules *rules, struct symbol *t)
{
	return record_name(t) &&
	       fl_rules_find(rules, record_name(t),
			     FL_KIND_BIT(FL_RULE_PAGE_TYPE)) != NULL;
}

/* A pointer (to pointer...) to a struct the rules call a page type. */
bool is_page_type(const struct fl_rules *rules, struct symbol *type)
{
	int depth = 0;

	type = strip_type(type);
	while (type && (type->type == SYM_PTR || type->type == SYM_ARRAY) &&
	       depth++ < 4)
		type = strip_type(type->ctype.base_type);
	return depth > 0 && is_page_record(rules, type);
}

/* struct page ***: a pointer to the caller's page-array pointer. */
bool is_page_array_out(const struct fl_rules *rules, struct symbol *type)
{
	int depth = 0;

	type = strip_type(type);
	while (type && type->type == SYM_PTR && depth++ < 4)
		type = strip_type(type->ctype.base_type);
	return depth == 3 && is_page_record(rules, type);
}

const char *call_name(pseudo_t func)
{
	if (func->type != PSEUDO_SYM || !func->sym->ident)
		return NULL;
	return ident_str(func->sym->ident);
}

/* The argument a pages-alias call returns the memory of, or NULL. */
static pseudo_t alias_argument(const struct lowering *lw,
			       struct instruction *call)
{
	const struct fl_rule *r;
	const char *name = call_name(call->func);

	if (!name)
		return NULL;
	r = fl_rules_find(lw->rules, name, FL_KIND_BIT(FL_RULE_PAGES_ALIAS));
	if (!r || r->arg > pseudo_list_size(call->arguments))
		return NULL;
	return ptr_list_nth_entry((struct ptr_list *)call->arguments,
				  r->arg - 1);
}

const char *sym_object(const struct lowering *lw, struct symbol *sym)
{
	char buf[600];

	if (is_global_sym(sym))
		snprintf(buf, sizeof(buf), "g:%s", sym_name(sym));
	else
		snprintf(buf, sizeof(buf), "%s:%s.%u", sym_name(lw->fn),
			 sym_name(sym) ? sym_name(sym) : "", sym_key(lw, sym));
	return fl_strdup(buf);
}

/* folio->page: a page type embedded in a page type is its container. */
static bool embedded_page(const struct lowering *lw, const struct access *a)
{
	return a->member && a->record && is_page_record(lw->rules, a->member) &&
	       is_page_record(lw->rules, a->record);
}

/* The page object of a member access or variable (the place itself). */
const char *access_object(const struct lowering *lw, const struct access *a,
			  struct symbol *type)
{
	char buf[600];

	if (a->root->type == PSEUDO_SYM && !a->offset &&
	    (!a->member || a->member == a->root->sym || type == a->root->sym))
		return sym_object(lw, a->root->sym);
	if (embedded_page(lw, a)) {
		if (a->root->type == PSEUDO_SYM)
			return sym_object(lw, a->root->sym);
		return object_of(lw, a->root);
	}
	if (a->member) {
		if (!access_class(a, buf + 2, sizeof(buf) - 2))
			return NULL;
		buf[0] = 'f';
		buf[1] = ':';
		return fl_strdup(buf);
	}
	/* *p, p[i]: the object p points into. */
	if (a->root->type == PSEUDO_SYM)
		return sym_object(lw, a->root->sym);
	return object_of(lw, a->root);
}

/*
 * The page object a value points into, as a unit-wide name: a variable of
 * a function ("fn:pages.12"), a field ("f:dio::pages") or a global
 * ("g:name").  Casts, indexing and pointer arithmetic are seen through.
 */
const char *object_of(const struct lowering *lw, pseudo_t p)
{
	char buf[600];
	int depth;

	for (depth = 0; depth < 2 * MAX_RESOLVE_DEPTH; depth++) {
		struct instruction *def;
		struct access a;
		pseudo_t alias;

		if (p->type == PSEUDO_SYM)
			return sym_object(lw, p->sym);
		if (p->type == PSEUDO_ARG) {
			struct symbol *arg;
			int i = 1;

			FOR_EACH_PTR(strip_type(lw->fn)->arguments, arg) {
				if (i++ == p->nr)
					return sym_object(lw, arg);
			} END_FOR_EACH_PTR(arg);
			return NULL;
		}
		switch (DEF_OPCODE(def, p)) {
		case OP_LOAD:
			describe_access(def->src, def->offset,
					def->type && def->type->type == SYM_NODE ?
					def->type : NULL, &a);
			return access_object(lw, &a, def->type);
		case OP_SYMADDR:
			p = def->src;
			continue;
		case OP_ADD:
			if (describe_address(p, &a))
				return access_object(lw, &a, NULL);
			p = def->src1;
			continue;
		case OP_TRUNC:
		case OP_ZEXT:
		case OP_SEXT:
		case OP_UTPTR:
		case OP_PTRTU:
		case OP_PTRCAST:
		case OP_COPY:
			p = def->src;
			continue;
		case OP_CALL:
			alias = alias_argument(lw, def);
			if (alias) {
				p = alias;
				continue;
			}
			if (!call_name(def->func))
				return NULL;
			snprintf(buf, sizeof(buf), "%s:return",
				 call_name(def->func));
			return fl_strdup(buf);
		default:
			return NULL;
		}
	}
	return NULL;
}

void lower_operand(const struct lowering *lw, pseudo_t arg,
		   struct fl_operand *op)
{
	pseudo_t x = resolve(lw, arg, false);
	struct symbol *type = pseudo_type(arg);
	struct instruction *def;
	struct access a;
	char buf[512];

	memset(op, 0, sizeof(*op));
	op->var = var_key(lw, arg);
	if (arg->type == PSEUDO_SYM && !is_local_sym(arg->sym))
		type = NULL;
	if (is_page_type(lw->rules, type))
		op->object = object_of(lw, arg);
	if (x->type == PSEUDO_VAL) {
		op->is_const = true;
		op->value = x->value;
		return;
	}
	if (strip_type(type) && strip_type(type)->type == SYM_PTR &&
	    record_name(strip_type(type)->ctype.base_type))
		op->pointee = fl_strdup(
			record_name(strip_type(type)->ctype.base_type));
	/*
	 * &x->field, &global, also through a named copy
	 * (io_tree = &BTRFS_I(inode)->io_tree), as the plugin shows them.
	 */
	if (describe_address(x, &a) || DEF_OPCODE(def, x) == OP_SYMADDR) {
		if (!a.member)
			describe_access(x, 0, NULL, &a);
		if (!op->pointee && a.root->type == PSEUDO_SYM && !a.member) {
			const char *r = record_name(a.root->sym);

			op->pointee = r ? fl_strdup(r) : NULL;
		}
		if (a.member) {
			render_access(lw, &a, buf, sizeof(buf), 0);
			op->display = fl_strdup(buf);
			if (access_class(&a, buf, sizeof(buf)))
				op->lock_class = fl_strdup(buf);
			return;
		}
		if (a.root->type == PSEUDO_SYM) {
			op->display = fl_strdup(sym_name(a.root->sym));
			if (is_global_sym(a.root->sym) && !a.offset) {
				snprintf(buf, sizeof(buf), "var:%s",
					 sym_name(a.root->sym));
				op->lock_class = fl_strdup(buf);
			}
			return;
		}
	}
	/* As the plugin: what a named copy holds (mm = bprm->mm). */
	x = resolve(lw, arg, false);
	render(lw, x, buf, sizeof(buf), 0);
	op->display = fl_strdup(buf);
	if (value_class(lw, x, buf, sizeof(buf)))
		op->lock_class = fl_strdup(buf);
	else
		op->param = param_index(lw, x);
}
