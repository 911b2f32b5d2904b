// SPDX-License-Identifier: GPL-2.0
/*
 * One function's linearized IR into the model: its basic blocks, their
 * edges (conditions against zero, IS_DAX() tests), and the events the
 * checks read (calls, assignments, field stores, returns, page flow).
 */
#include <stdio.h>
#include <string.h>

#include "expression.h"

#include "lower.h"

static struct local *add_local(struct lowering *lw, struct symbol *sym)
{
	struct local *l = find_local(lw, sym);

	if (l || !is_local_sym(sym))
		return l;
	lw->locals = fl_xrealloc(lw->locals,
				 (lw->nlocals + 1) * sizeof(*lw->locals));
	l = &lw->locals[lw->nlocals++];
	memset(l, 0, sizeof(*l));
	l->sym = sym;
	return l;
}

/* A store of a whole named local: x = v (not x.f = v). */
static bool whole_var_store(struct instruction *insn)
{
	struct symbol *t;

	if (insn->opcode != OP_STORE || insn->offset ||
	    insn->src->type != PSEUDO_SYM)
		return false;
	if (insn->type == insn->src->sym)
		return true;
	/* A struct stored whole: g = class_mutex_constructor(...) (a guard). */
	if (strip_type(insn->type) && strip_type(insn->type) == strip_type(insn->src->sym))
		return true;
	/* An initializer stores with the value's type. */
	t = strip_type(insn->src->sym);
	return t && t->type != SYM_STRUCT && t->type != SYM_UNION &&
	       t->type != SYM_ARRAY;
}

/* The named locals, and what each one stored exactly once holds. */
static void find_locals(struct lowering *lw)
{
	struct basic_block *bb;
	struct symbol *arg;

	FOR_EACH_PTR(strip_type(lw->fn)->arguments, arg) {
		add_local(lw, arg);
	} END_FOR_EACH_PTR(arg);
	FOR_EACH_PTR(lw->ep->bbs, bb) {
		struct instruction *insn;

		FOR_EACH_PTR(bb->insns, insn) {
			struct local *l;

			if (!insn->bb)
				continue;
			if ((insn->opcode == OP_LOAD || insn->opcode == OP_STORE ||
			     insn->opcode == OP_SYMADDR) &&
			    insn->src->type == PSEUDO_SYM)
				add_local(lw, insn->src->sym);
			if (!whole_var_store(insn))
				continue;
			l = find_local(lw, insn->src->sym);
			if (l && !l->nstores++)
				l->value = insn->target;
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

static struct instruction *nth_arg_call(struct instruction *call, int n,
					pseudo_t *arg)
{
	if (n < 1 || n > pseudo_list_size(call->arguments))
		return NULL;
	*arg = ptr_list_nth_entry((struct ptr_list *)call->arguments, n - 1);
	return call;
}

/* addr = kmap_local_page(page): remember which pages addr maps. */
static void find_mappings(struct lowering *lw)
{
	struct basic_block *bb;

	FOR_EACH_PTR(lw->ep->bbs, bb) {
		struct instruction *insn;

		FOR_EACH_PTR(bb->insns, insn) {
			const struct fl_rule *r;
			struct mapping *m;
			const char *name;
			pseudo_t arg;

			if (!insn->bb || insn->opcode != OP_CALL ||
			    !insn->target || insn->target == VOID ||
			    !(name = call_name(insn->func)))
				continue;
			r = fl_rules_find(lw->rules, name,
					  FL_KIND_BIT(FL_RULE_PAGES_MAP));
			if (!r || !nth_arg_call(insn, r->arg, &arg))
				continue;
			lw->maps = fl_xrealloc(lw->maps,
					       (lw->nmaps + 1) * sizeof(*lw->maps));
			m = &lw->maps[lw->nmaps++];
			m->ptr = insn->target;
			m->var = NULL;
			m->object = object_of(lw, arg);
			m->via = fl_strdup(name);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}

/* The page object a pointer was mapped from (kmap), or NULL. */
static const char *mapped_object(const struct lowering *lw, pseudo_t p,
				 const char **via)
{
	int depth, i;

	for (depth = 0; depth < MAX_RESOLVE_DEPTH; depth++) {
		struct instruction *def;
		struct symbol *var;
		struct local *l;

		for (i = 0; i < lw->nmaps; i++)
			if (lw->maps[i].ptr == p && lw->maps[i].object) {
				*via = lw->maps[i].via;
				return lw->maps[i].object;
			}
		if (DEF_OPCODE(def, p) == OP_BADOP)
			return NULL;
		switch (def->opcode) {
		case OP_ADD:
		case OP_SUB:
			p = def->src1;
			continue;
		case OP_PTRCAST:
		case OP_UTPTR:
		case OP_PTRTU:
		case OP_ZEXT:
		case OP_SEXT:
		case OP_TRUNC:
		case OP_COPY:
			p = def->src;
			continue;
		case OP_LOAD:
			var = loaded_var(lw, p);
			l = var ? find_local(lw, var) : NULL;
			if (!l || l->nstores != 1 || !l->value)
				return NULL;
			p = l->value;
			continue;
		default:
			return NULL;
		}
	}
	return NULL;
}

static void add_write(struct fl_block *block, struct position pos,
		      int column, const char *object, const char *via)
{
	struct fl_event *ev = fl_block_add_event(block, FL_EV_WRITE);

	ev->loc = make_loc(pos);
	ev->loc.column = column;
	ev->src_object = object;
	ev->callee = via;
}

/*
 * The ops-table member an indirect call goes through ("TYPE::FIELD" of
 * mapping->a_ops->readpage), when the rules say what it does to locks.
 */
static bool member_callee(const struct lowering *lw, pseudo_t func,
			  char *buf, size_t len)
{
	return value_class(lw, func, buf, len) &&
	       fl_rules_find(lw->rules, buf, FL_KIND_BIT(FL_RULE_UNLOCK));
}

/* Whether the callee's parameter n (from 0) has a union type. */
static bool is_union_param(pseudo_t func, int n)
{
	struct symbol *fn, *arg;
	int i = 0;

	if (func->type != PSEUDO_SYM || !(fn = strip_type(func->sym)) ||
	    fn->type != SYM_FN)
		return false;
	FOR_EACH_PTR(fn->arguments, arg) {
		if (i++ == n) {
			arg = strip_type(arg);
			return arg && arg->type == SYM_UNION;
		}
	} END_FOR_EACH_PTR(arg);
	return false;
}

/*
 * A transparent union argument (release_pages_arg since Linux 6.6) is a
 * temporary of the union for GCC: the plugin sees no pages in it, and
 * this front end, which sees the pointer through it, records what the
 * plugin records.
 */
static void opaque_operand(struct fl_operand *op)
{
	memset(op, 0, sizeof(*op));
	op->display = "?";
}

static void lower_call(const struct lowering *lw, struct instruction *insn,
		       struct fl_block *block)
{
	const struct fl_rule *r;
	struct fl_event *ev;
	const char *name, *object, *via = NULL;
	char member[512];
	pseudo_t arg;
	int i = 0;

	name = call_name(insn->func);
	if (!name && member_callee(lw, insn->func, member, sizeof(member)))
		name = member;
	if (!name)
		return;
	ev = fl_block_add_event(block, FL_EV_CALL);
	ev->loc = make_loc(insn->pos);
	ev->loc.column = call_column(insn->pos);
	ev->callee = fl_strdup(name);
	ev->macro = written_macro(insn->pos, ev->callee);
	ev->nargs = pseudo_list_size(insn->arguments);
	ev->args = fl_xcalloc(ev->nargs, sizeof(*ev->args));
	FOR_EACH_PTR(insn->arguments, arg) {
		lower_operand(lw, arg, &ev->args[i]);
		if (is_union_param(insn->func, i))
			opaque_operand(&ev->args[i]);
		i++;
	} END_FOR_EACH_PTR(arg);
	if (insn->target && insn->target != VOID) {
		ev->result_var = pseudo_key(insn->target);
		if (is_page_type(lw->rules, insn->type))
			ev->result_object = object_of(lw, insn->target);
	}
	/* memcpy(addr, ...) into a mapped page.  Last: it moves ev. */
	r = fl_rules_find(lw->rules, ev->callee, FL_KIND_BIT(FL_RULE_WRITES_TO));
	if (r && nth_arg_call(insn, r->arg, &arg) &&
	    (object = mapped_object(lw, arg, &via)))
		add_write(block, insn->pos, call_column(insn->pos), object, via);
}

static void add_flow(struct fl_block *block, struct position pos,
		     const char *dst, const char *src)
{
	struct fl_event *ev;

	if (!dst || !src || !strcmp(dst, src))
		return;
	ev = fl_block_add_event(block, FL_EV_FLOW);
	ev->loc = make_loc(pos);
	ev->loc.column = store_column(pos);
	ev->dst_object = dst;
	ev->src_object = src;
}

static void lower_store(const struct lowering *lw, struct instruction *insn,
			struct fl_block *block)
{
	pseudo_t value = insn->target;
	bool pages = is_page_type(lw->rules, insn->type);
	const char *object, *via = NULL;
	struct fl_event *ev;
	struct access a;
	char cls[512];

	describe_access(insn->src, insn->offset, insn->type, &a);
	if (whole_var_store(insn) && find_local(lw, insn->src->sym)) {
		/* The entry stores of the parameters tell nothing. */
		if (value->type == PSEUDO_ARG)
			return;
		if (pages)
			add_flow(block, insn->pos, access_object(lw, &a, insn->type),
				 object_of(lw, value));
		ev = fl_block_add_event(block, FL_EV_ASSIGN);
		ev->loc = make_loc(insn->pos);
		ev->var = sym_key(lw, a.root->sym);
		/* ret = (ssize_t)_1: conditions on _1 now hold for ret too. */
		ev->value.var = var_key(lw, value);
		return;
	}
	if (pages)
		add_flow(block, insn->pos, access_object(lw, &a, insn->type),
			 object_of(lw, value));
	/* *addr = v, addr[i] = v, p->field = v through a mapped page. */
	if (a.root->type != PSEUDO_SYM &&
	    (object = mapped_object(lw, a.root, &via)))
		add_write(block, insn->pos, store_column(insn->pos), object, via);
	/* Only stores the rules care about (iter->nofault) enter the model. */
	if (!access_class(&a, cls, sizeof(cls)) ||
	    !fl_rules_find(lw->rules, cls, FL_KIND_BIT(FL_RULE_NOFAULT_FIELD)))
		return;
	ev = fl_block_add_event(block, FL_EV_STORE);
	ev->loc = make_loc(insn->pos);
	ev->field_class = fl_strdup(cls);
	ev->base_var = a.root->type == PSEUDO_SYM ? sym_key(lw, a.root->sym) :
						     var_key(lw, a.root);
	lower_operand(lw, value, &ev->value);
}

/* x OP 0 as a relation of x to zero; unsigned ones as GCC folds them. */
static enum fl_relation relation_to_zero(int opcode)
{
	switch (opcode) {
	case OP_SET_EQ:
	case OP_SET_BE:
		return FL_REL_EQ0;
	case OP_SET_NE:
	case OP_SET_A:
		return FL_REL_NE0;
	case OP_SET_LT:
		return FL_REL_LT0;
	case OP_SET_GE:
		return FL_REL_GE0;
	case OP_SET_GT:
		return FL_REL_GT0;
	case OP_SET_LE:
		return FL_REL_LE0;
	default:
		return FL_REL_NONE;
	}
}

static bool is_value_cast(int opcode)
{
	return opcode == OP_TRUNC || opcode == OP_ZEXT || opcode == OP_SEXT ||
	       opcode == OP_PTRTU || opcode == OP_UTPTR ||
	       opcode == OP_PTRCAST || opcode == OP_COPY;
}

/*
 * The value of an operand Sparse left unfolded: a constant, or a load of a
 * const object with a constant initializer (cleanup.h's "static const bool
 * class_NAME_is_conditional = true"), through casts and tests against zero.
 */
static bool known_value(pseudo_t p, long long *v, int depth)
{
	struct instruction *def;
	struct expression *init;
	struct symbol *sym;
	long long inner;

	if (p->type == PSEUDO_VAL) {
		*v = p->value;
		return true;
	}
	if (depth > MAX_RESOLVE_DEPTH || DEF_OPCODE(def, p) == OP_BADOP)
		return false;
	if (is_value_cast(def->opcode))
		return known_value(def->src, v, depth + 1);
	if ((def->opcode == OP_SET_EQ || def->opcode == OP_SET_NE) &&
	    is_zero(def->src2)) {
		if (!known_value(def->src1, &inner, depth + 1))
			return false;
		*v = (def->opcode == OP_SET_EQ) == (inner == 0);
		return true;
	}
	if (def->opcode != OP_LOAD || def->offset ||
	    def->src->type != PSEUDO_SYM)
		return false;
	sym = def->src->sym;
	init = sym->initializer;
	if (!(sym->ctype.modifiers & MOD_CONST) || !init)
		return false;
	/* Expands it in place, as linearizing the initializer would. */
	get_expression_value_silent(init);
	if (init->type != EXPR_VALUE)
		return false;
	*v = (long long)init->value;
	return true;
}

/*
 * "A || B" or "A && B" that Sparse computed as one value, where B is known
 * (scoped_guard()'s "lock_ptr(&scope) || !is_conditional"): the operand
 * that decides, or NULL.
 */
static pseudo_t deciding_operand(struct instruction *def)
{
	long long v;
	int k;

	if (def->opcode != OP_OR && def->opcode != OP_AND)
		return NULL;
	for (k = 0; k < 2; k++) {
		if (!known_value(k ? def->src1 : def->src2, &v, 0))
			continue;
		if ((def->opcode == OP_OR) == (v == 0))
			return k ? def->src2 : def->src1;
	}
	return NULL;
}

/*
 * What the true edge of "cbr X" (X != 0) says about a variable, seeing
 * through casts, "t = x != 0" (unlikely() is !!(x) here) and a known
 * operand of "||" or "&&".
 */
static unsigned lower_condition(const struct lowering *lw, pseudo_t cond,
				enum fl_relation *rel)
{
	struct symbol *var;
	int depth;

	*rel = FL_REL_NE0;
	for (depth = 0; depth < 2 * MAX_RESOLVE_DEPTH; depth++) {
		struct instruction *def;
		enum fl_relation inner;

		if (DEF_OPCODE(def, cond) == OP_BADOP)
			break;
		if (is_value_cast(def->opcode)) {
			cond = def->src;
			continue;
		}
		if (deciding_operand(def)) {
			cond = deciding_operand(def);
			continue;
		}
		inner = relation_to_zero(def->opcode);
		if (inner == FL_REL_NONE || !is_zero(def->src2))
			break;
		if (*rel != FL_REL_NE0 && *rel != FL_REL_EQ0)
			break;
		*rel = *rel == FL_REL_NE0 ? inner : fl_relation_negate(inner);
		cond = def->src1;
	}
	var = loaded_var(lw, cond);
	if (var)
		return sym_key(lw, var);
	if (cond->type == PSEUDO_REG)
		return pseudo_key(cond);
	*rel = FL_REL_NONE;
	return 0;
}

/*
 * Whether the true edge of "cbr X" says the inode is DAX: X is, through
 * casts and "!= 0" / "== 0", a test of a dax-test flag (inode->i_flags &
 * S_DAX, which IS_DAX() expands to).
 */
static enum fl_dax dax_condition(const struct lowering *lw, pseudo_t cond)
{
	bool yes = true;
	int depth, i;

	for (depth = 0; depth < 2 * MAX_RESOLVE_DEPTH; depth++) {
		struct instruction *def;
		char cls[512];

		if (DEF_OPCODE(def, cond) == OP_BADOP)
			return FL_DAX_UNKNOWN;
		if (is_value_cast(def->opcode)) {
			cond = def->src;
			continue;
		}
		if ((def->opcode == OP_SET_NE || def->opcode == OP_SET_EQ) &&
		    is_zero(def->src2)) {
			if (def->opcode == OP_SET_EQ)
				yes = !yes;
			cond = def->src1;
			continue;
		}
		if (def->opcode != OP_AND || def->src2->type != PSEUDO_VAL)
			return FL_DAX_UNKNOWN;
		if (!value_class(lw, def->src1, cls, sizeof(cls)))
			return FL_DAX_UNKNOWN;
		for (i = 0; i < lw->rules->nrules; i++) {
			const struct fl_rule *r = &lw->rules->rules[i];
			long long bit;

			if (r->kind != FL_RULE_DAX_TEST || strcmp(r->name, cls))
				continue;
			bit = flag_value(r->flag);
			if (bit > 0 && (def->src2->value & bit))
				return yes ? FL_DAX_YES : FL_DAX_NO;
		}
		return FL_DAX_UNKNOWN;
	}
	return FL_DAX_UNKNOWN;
}

/* "P == &F" with P a parameter: P's number, and F in *fn; else 0. */
static int fnptr_compare(const struct lowering *lw, pseudo_t a, pseudo_t b,
			 const char **fn)
{
	int k;

	for (k = 0; k < 2; k++) {
		struct symbol *f = function_sym(resolve(lw, k ? a : b, true));
		int p;

		if (!f)
			continue;
		p = param_index(lw, resolve(lw, k ? b : a, false));
		if (p) {
			*fn = sym_name(f);
			return p;
		}
	}
	return 0;
}

/*
 * "cbr X" where X is, through casts and "t != 0" / "t == 0", p == f with
 * p a function-pointer parameter and f a function, as INDIRECT_CALL_1()
 * writes it: p's number (f in *fn, *on_true whether the true edge is the
 * one where p == f), or 0.
 */
static int fnptr_condition(const struct lowering *lw, pseudo_t cond,
			   const char **fn, bool *on_true)
{
	bool yes = true;
	int depth;

	for (depth = 0; depth < 2 * MAX_RESOLVE_DEPTH; depth++) {
		struct instruction *def;

		if (DEF_OPCODE(def, cond) == OP_BADOP)
			return 0;
		if (is_value_cast(def->opcode)) {
			cond = def->src;
			continue;
		}
		if (def->opcode != OP_SET_EQ && def->opcode != OP_SET_NE)
			return 0;
		if (is_zero(def->src2)) {
			if (def->opcode == OP_SET_EQ)
				yes = !yes;
			cond = def->src1;
			continue;
		}
		*on_true = yes == (def->opcode == OP_SET_EQ);
		return fnptr_compare(lw, def->src1, def->src2, fn);
	}
	return 0;
}

static int bb_index(struct basic_block *bb)
{
	return (int)(long)bb->priv - 1;
}

static void add_cond_edges(const struct lowering *lw, struct fl_block *block,
			   struct instruction *br)
{
	enum fl_relation rel;
	enum fl_dax dax;
	unsigned var;

	const char *fn = NULL;
	bool on_true = false;
	int p;

	var = lower_condition(lw, br->cond, &rel);
	dax = dax_condition(lw, br->cond);
	p = fnptr_condition(lw, br->cond, &fn, &on_true);
	fl_block_add_edge(block, bb_index(br->bb_true), var, rel, dax);
	if (p && on_true)
		fl_block_edge_fnptr(block, p, fn);
	fl_block_add_edge(block, bb_index(br->bb_false), var, fl_relation_negate(rel),
			  dax == FL_DAX_UNKNOWN ? dax :
			  fl_dax_negate(dax));
	if (p && !on_true)
		fl_block_edge_fnptr(block, p, fn);
}

/*
 * c ? a : b that Sparse made a select (OP_SEL) is a branch in GCC's CFG:
 * when its condition says something, the block splits into a diamond with
 * the edges the branch would have.  Returns the block that goes on.
 */
static int lower_select(const struct lowering *lw, struct fl_function *fn,
			int cur, struct instruction *sel)
{
	enum fl_relation rel;
	enum fl_dax dax;
	unsigned var;
	int t, f, j;

	var = lower_condition(lw, sel->src1, &rel);
	dax = dax_condition(lw, sel->src1);
	if (dax == FL_DAX_UNKNOWN && (!var || rel == FL_REL_NONE))
		return cur;
	t = fn->nblocks;
	f = t + 1;
	j = t + 2;
	fn->nblocks += 3;
	fn->blocks = fl_xrealloc(fn->blocks, fn->nblocks * sizeof(*fn->blocks));
	memset(&fn->blocks[t], 0, 3 * sizeof(*fn->blocks));
	/* The rest of the block, with its successors, moves to the join. */
	fn->blocks[j].succs = fn->blocks[cur].succs;
	fn->blocks[j].nsuccs = fn->blocks[cur].nsuccs;
	fn->blocks[cur].succs = NULL;
	fn->blocks[cur].nsuccs = 0;
	fl_block_add_edge(&fn->blocks[cur], t, var, rel, dax);
	fl_block_add_edge(&fn->blocks[cur], f, var, fl_relation_negate(rel),
			  dax == FL_DAX_UNKNOWN ? dax :
			  fl_dax_negate(dax));
	fl_block_add_edge(&fn->blocks[t], j, 0, FL_REL_NONE, FL_DAX_UNKNOWN);
	fl_block_add_edge(&fn->blocks[f], j, 0, FL_REL_NONE, FL_DAX_UNKNOWN);
	return j;
}

/* The page object of the value a function returns (GCC's <retval>). */
static const char *return_object(const struct lowering *lw)
{
	char buf[600];

	snprintf(buf, sizeof(buf), "%s:.%u", sym_name(lw->fn), RETURN_KEY);
	return fl_strdup(buf);
}

static void lower_insn(const struct lowering *lw, struct instruction *insn,
		       struct instruction *ret_phi, struct fl_block *block)
{
	struct fl_event *ev;
	struct multijmp *jmp;

	switch (insn->opcode) {
	case OP_CALL:
		lower_call(lw, insn, block);
		break;
	case OP_STORE:
		lower_store(lw, insn, block);
		break;
	case OP_PHISOURCE:
		/* Each "return X;" assigns the value the function returns. */
		if (!ret_phi || insn->phi_node != ret_phi)
			break;
		/* Pages returned flow into the return value's object. */
		if (is_page_type(lw->rules, insn->type))
			add_flow(block, insn->pos, return_object(lw),
				 object_of(lw, insn->phi_src));
		ev = fl_block_add_event(block, FL_EV_ASSIGN);
		ev->loc = make_loc(insn->pos);
		ev->var = RETURN_KEY;
		ev->value.var = var_key(lw, insn->phi_src);
		break;
	case OP_RET:
		ev = fl_block_add_event(block, FL_EV_RETURN);
		ev->loc = make_loc(insn->pos);
		if (!insn->src || insn->src == VOID)
			break;
		if (ret_phi && insn->src == ret_phi->target) {
			ev->value.var = RETURN_KEY;
			ev->value.display = "?";
			if (is_page_type(lw->rules, ret_phi->type))
				ev->value.object = return_object(lw);
		} else {
			lower_operand(lw, insn->src, &ev->value);
		}
		break;
	case OP_BR:
		fl_block_add_edge(block, bb_index(insn->bb_true), 0,
				  FL_REL_NONE, FL_DAX_UNKNOWN);
		break;
	case OP_CBR:
		add_cond_edges(lw, block, insn);
		break;
	case OP_SWITCH:
		FOR_EACH_PTR(insn->multijmp_list, jmp) {
			fl_block_add_edge(block, bb_index(jmp->target), 0,
					  FL_REL_NONE, FL_DAX_UNKNOWN);
		} END_FOR_EACH_PTR(jmp);
		break;
	default:
		break;
	}
}

/* The phi the function's return takes its value from, or NULL. */
static struct instruction *return_phi(struct entrypoint *ep)
{
	struct basic_block *bb;

	FOR_EACH_PTR(ep->bbs, bb) {
		struct instruction *insn;

		FOR_EACH_PTR(bb->insns, insn) {
			struct instruction *def;

			if (insn->bb && insn->opcode == OP_RET && insn->src &&
			    DEF_OPCODE(def, insn->src) == OP_PHI)
				return def;
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
	return NULL;
}

void lower_function(struct fl_unit *unit, const struct fl_rules *rules,
		    struct symbol *sym, struct entrypoint *ep)
{
	struct lowering lw = { rules, sym, ep, NULL, 0, NULL, 0 };
	struct instruction *ret_phi;
	struct fl_function *fn;
	struct basic_block *bb;
	struct symbol *arg;
	int n = 0;

	find_locals(&lw);
	find_mappings(&lw);
	ret_phi = return_phi(ep);

	fn = fl_unit_add_function(unit, sym_name(sym));
	fn->loc = make_loc(sym->pos);
	fn->loc.column = decl_column(sym->pos);
	fn->is_static = (sym->ctype.modifiers & MOD_STATIC) != 0;
	fn->handle = (unsigned long)sym;
	FOR_EACH_PTR(strip_type(sym)->arguments, arg) {
		struct symbol *t = strip_type(arg);
		const char *type = NULL;

		if (t && t->type == SYM_PTR)
			type = record_name(t->ctype.base_type);
		fn->param_types = fl_xrealloc(fn->param_types,
					      (fn->nparams + 1) * sizeof(char *));
		fn->param_objects = fl_xrealloc(
			fn->param_objects, (fn->nparams + 1) * sizeof(char *));
		fn->param_pages_out = fl_xrealloc(
			fn->param_pages_out, (fn->nparams + 1) * sizeof(bool));
		fn->param_pages_out[fn->nparams] = is_page_array_out(rules, arg);
		fn->param_objects[fn->nparams] =
			sym_object(&lw, arg);
		fn->param_types[fn->nparams++] = fl_strdup(type);
	} END_FOR_EACH_PTR(arg);

	FOR_EACH_PTR(ep->bbs, bb) {
		bb->priv = (void *)(long)++n;
	} END_FOR_EACH_PTR(bb);
	fn->nblocks = n;
	fn->blocks = fl_xcalloc(n, sizeof(*fn->blocks));
	fn->entry = ep->entry && ep->entry->bb ? bb_index(ep->entry->bb) : 0;
	FOR_EACH_PTR(ep->bbs, bb) {
		struct instruction *insn;
		int cur = bb_index(bb);

		FOR_EACH_PTR(bb->insns, insn) {
			if (!insn->bb)
				continue;
			if (insn->opcode == OP_SEL) {
				cur = lower_select(&lw, fn, cur, insn);
				continue;
			}
			lower_insn(&lw, insn, ret_phi, &fn->blocks[cur]);
		} END_FOR_EACH_PTR(insn);
	} END_FOR_EACH_PTR(bb);
}
