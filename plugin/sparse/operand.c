// SPDX-License-Identifier: GPL-2.0
/*
 * Operands of Sparse's IR as the model names them: names and types, the
 * function's variables and their keys, values followed through copies,
 * and a call's operands put together (member accesses: access.c, page
 * objects: pages.c).
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

bool is_pointer(struct symbol *t)
{
	t = strip_type(t);
	return t == &lazy_ptr_ctype || (t && t->type == SYM_PTR);
}

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

const char *call_name(pseudo_t func)
{
	if (func->type != PSEUDO_SYM || !func->sym->ident)
		return NULL;
	return ident_str(func->sym->ident);
}

/* The function whose address p is (f, &f), or NULL. */
struct symbol *function_sym(pseudo_t p)
{
	struct instruction *def;
	struct symbol *t;

	if (DEF_OPCODE(def, p) == OP_SYMADDR)
		p = def->src;
	if (p->type != PSEUDO_SYM || !p->sym->ident)
		return NULL;
	t = strip_type(p->sym);
	return t && t->type == SYM_FN ? p->sym : NULL;
}

/*
 * &msg.msg_iter, &msg->msg_iter: the address of a field of a local
 * variable, or of what a parameter points to (the struct holding an
 * iterator).
 */
static void field_base(const struct lowering *lw, const struct access *a,
		       struct fl_operand *op)
{
	if (a->root->type == PSEUDO_SYM) {
		if (is_local_sym(a->root->sym))
			op->base_var = sym_key(lw, a->root->sym);
		return;
	}
	op->base_var = var_key(lw, a->root);
	op->base_param = param_index(lw, resolve(lw, a->root, false));
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
	if (function_sym(x)) {
		op->function = fl_strdup(sym_name(function_sym(x)));
		op->display = op->function;
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
			field_base(lw, &a, op);
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
