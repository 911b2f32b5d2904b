// SPDX-License-Identifier: GPL-2.0
/*
 * Member accesses in Sparse's IR: Sparse has turned them into offsets
 * from a base pointer.  The member's symbol survives as the type of a
 * load or store, and only its type in an address (&p->member); the
 * struct it belongs to comes from the type of the base pointer.  Here
 * they get their "TYPE::FIELD" class and the text a developer wrote.
 */
#include <stdio.h>
#include <string.h>

#include "lower.h"

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

void render_access(const struct lowering *lw, const struct access *a,
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

