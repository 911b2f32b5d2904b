// SPDX-License-Identifier: GPL-2.0
/*
 * faultline GCC plugin: lowers each function of the translation unit into
 * the engine-neutral model of lib/ and runs the checks there.
 *
 * It registers no pass and changes no IL: it reads the lowered CFG of every
 * function once, when all of them are lowered and none is inlined yet
 * (PLUGIN_ALL_IPA_PASSES_START), so calls to inline wrappers such as
 * copy_to_user() and inode_lock() are still calls.  What it does not
 * understand (indirect calls but those through an ops-table member the
 * rules name, unusual operands) it leaves out of the model.
 *
 * Options (-fplugin-arg-faultline-NAME[=VALUE]):
 *	rules=DIR	read the rules from DIR (default: ../rules from the .so)
 *	werror		let -Werror turn faultline warnings into errors
 *	dump		print the lowered model on stderr
 *	no-facts	do not record the unit's facts in the object
 *	help		print the options
 *
 * The unit's facts (lib/facts.h) go into the object file in a section the
 * kernel's linker scripts discard; only that section differs from a build
 * without the plugin.
 */
#include "gcc-common.h"

#include "../../lib/facts.h"
#include "../../lib/model.h"
#include "../../lib/rules.h"
#include "../../lib/recover.h"
#include "../../lib/report.h"

int plugin_is_GPL_compatible;

/* One version for every tool: the VERSION file, passed by make. */
#ifndef FAULTLINE_VERSION
#define FAULTLINE_VERSION "unknown"
#endif

static struct plugin_info faultline_plugin_info = {
	.version = FAULTLINE_VERSION,
	.help = "rules=DIR\tread kernel API rules from DIR\n"
		"werror\tlet -Werror turn faultline warnings into errors\n"
		"dump\tprint the lowered model on stderr\n"
		"no-facts\tdo not record facts for faultline-link\n",
};

static struct fl_rules rules;
static bool rules_ok;
static bool obey_werror;
static bool last_warning_shown;
static bool dump_model;
static bool write_facts = true;
/* The unit's diagnostics and facts, written out when the unit ends. */
static struct fl_diag_log diag_log;
static char *unit_facts;
static unsigned long unit_facts_len;

static long long macro_value(const char *name);
static long long cpp_macro_value(const char *name);

/* Operands are followed through this many copies at most. */
#define MAX_RESOLVE_DEPTH 8

/* What a pointer returned by a pages-map call maps. */
struct mapping {
	const char *object;
	const char *via;
};

/* Per-function lowering state: the single definition of each variable. */
struct lowering {
	tree fndecl;
	hash_map<tree, gimple *> *defs;
	hash_map<tree, struct mapping> *mapped;
};

static struct fl_loc make_loc(location_t loc)
{
	struct fl_loc l;
	expanded_location x;

	/* put_user() and friends are macros: report where they are used. */
	loc = linemap_resolve_location(line_table, loc,
				       LRK_MACRO_EXPANSION_POINT, NULL);
	x = expand_location(loc);

	l.file = x.file ? fl_strdup(x.file) : "<unknown>";
	l.line = x.line;
	l.column = x.column;
	l.cookie = (unsigned long)loc;
	return l;
}

/* "struct gfs2_inode" -> "gfs2_inode"; NULL for an anonymous record. */
static const char *record_name(tree type)
{
	tree name;

	if (!type || (TREE_CODE(type) != RECORD_TYPE &&
		      TREE_CODE(type) != UNION_TYPE))
		return NULL;
	name = TYPE_NAME(type);
	if (!name)
		name = TYPE_NAME(TYPE_MAIN_VARIANT(type));
	if (name && TREE_CODE(name) == TYPE_DECL)
		name = DECL_NAME(name);
	if (!name || TREE_CODE(name) != IDENTIFIER_NODE)
		return NULL;
	return IDENTIFIER_POINTER(name);
}

static const char *decl_name(tree decl)
{
	return DECL_NAME(decl) ? IDENTIFIER_POINTER(DECL_NAME(decl)) : NULL;
}

static bool is_local_var(tree t)
{
	return TREE_CODE(t) == SSA_NAME ||
	       (TREE_CODE(t) == VAR_DECL && !TREE_STATIC(t) &&
		!DECL_EXTERNAL(t)) ||
	       TREE_CODE(t) == PARM_DECL;
}

/* A key for a variable, unique within the function. */
static unsigned local_key(tree t)
{
	if (TREE_CODE(t) == SSA_NAME)
		return 0x80000000u | SSA_NAME_VERSION(t);
	return DECL_UID(t);
}

/* The value a variable was set to, if it was set exactly once. */
static gimple *single_def(const struct lowering *lw, tree var)
{
	gimple **def;

	if (TREE_CODE(var) == SSA_NAME) {
		gimple *stmt = SSA_NAME_DEF_STMT(var);

		return stmt && !gimple_nop_p(stmt) ? stmt : NULL;
	}
	if (TREE_CODE(var) != VAR_DECL || TREE_ADDRESSABLE(var))
		return NULL;
	def = lw->defs->get(var);
	return def ? *def : NULL;
}

/*
 * Follow copies and casts back to the expression a value came from.  With
 * temps_only, stop at the first variable the programmer named.
 */
static tree resolve(const struct lowering *lw, tree t, bool temps_only)
{
	int depth;

	for (depth = 0; depth < MAX_RESOLVE_DEPTH; depth++) {
		gimple *def;

		if (TREE_CODE(t) != SSA_NAME &&
		    (TREE_CODE(t) != VAR_DECL ||
		     (temps_only && !DECL_ARTIFICIAL(t))))
			return t;
		def = single_def(lw, t);
		if (!def || !is_gimple_assign(def))
			return t;
		if (gimple_assign_single_p(def) ||
		    CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)))
			t = gimple_assign_rhs1(def);
		else
			return t;
	}
	return t;
}

static unsigned var_key(const struct lowering *lw, tree t)
{
	t = resolve(lw, t, true);
	if (TREE_CODE(t) == ADDR_EXPR)
		t = TREE_OPERAND(t, 0);
	if (TREE_CODE(t) == MEM_REF && integer_zerop(TREE_OPERAND(t, 1)))
		t = resolve(lw, TREE_OPERAND(t, 0), true);
	if (is_local_var(t))
		return local_key(t);
	return 0;
}

static int param_index(const struct lowering *lw, tree t)
{
	tree p;
	int i = 1;

	if (TREE_CODE(t) != PARM_DECL)
		return 0;
	for (p = DECL_ARGUMENTS(lw->fndecl); p; p = DECL_CHAIN(p), i++)
		if (p == t)
			return i;
	return 0;
}

/* The expression as a kernel developer wrote it: "ip->i_gl". */
static void render(const struct lowering *lw, tree t, char *buf, size_t len,
		   int depth);

/*
 * A temporary holding a call's result, as the call: OCFS2_I(inode) rather
 * than "?" (accessors such as container_of wrappers are calls until they
 * are inlined).
 */
static bool render_call(const struct lowering *lw, tree t, char *buf,
			size_t len, int depth)
{
	gimple *def = single_def(lw, t);
	size_t n;
	unsigned i;

	if (!def || !is_gimple_call(def) || !gimple_call_fndecl(def) ||
	    !decl_name(gimple_call_fndecl(def)) ||
	    gimple_call_num_args(def) > 3)
		return false;
	n = snprintf(buf, len, "%s(", decl_name(gimple_call_fndecl(def)));
	for (i = 0; i < gimple_call_num_args(def) && n < len; i++) {
		char arg[128];

		render(lw, gimple_call_arg(def, i), arg, sizeof(arg), depth + 1);
		n += snprintf(buf + n, len - n, "%s%s", i ? ", " : "", arg);
	}
	if (n < len)
		snprintf(buf + n, len - n, ")");
	return true;
}

static void render(const struct lowering *lw, tree t, char *buf, size_t len,
		   int depth)
{
	char base[256];
	const char *name;

	if (depth > MAX_RESOLVE_DEPTH) {
		snprintf(buf, len, "...");
		return;
	}
	switch (TREE_CODE(t)) {
	case SSA_NAME:
	case VAR_DECL:
		if (TREE_CODE(t) == SSA_NAME || DECL_ARTIFICIAL(t)) {
			tree r = resolve(lw, t, true);

			if (r != t) {
				render(lw, r, buf, len, depth + 1);
				return;
			}
			if (TREE_CODE(t) == SSA_NAME) {
				name = SSA_NAME_VAR(t) ? decl_name(SSA_NAME_VAR(t)) : NULL;
				if (!name && render_call(lw, t, buf, len, depth))
					return;
				snprintf(buf, len, "%s", name ? name : "?");
				return;
			}
		}
		/* fall through */
	case PARM_DECL:
	case FUNCTION_DECL:
		name = decl_name(t);
		snprintf(buf, len, "%s", name ? name : "?");
		return;
	case COMPONENT_REF: {
		tree outer = TREE_OPERAND(t, 0);
		tree field = TREE_OPERAND(t, 1);
		bool deref;

		while (TREE_CODE(outer) == COMPONENT_REF &&
		       !decl_name(TREE_OPERAND(outer, 1)))
			outer = TREE_OPERAND(outer, 0);
		deref = TREE_CODE(outer) == MEM_REF &&
			integer_zerop(TREE_OPERAND(outer, 1));

		render(lw, deref ? TREE_OPERAND(outer, 0) : outer, base,
		       sizeof(base), depth + 1);
		name = decl_name(field);
		snprintf(buf, len, "%s%s%s", base, deref ? "->" : ".",
			 name ? name : "<anonymous>");
		return;
	}
	case MEM_REF:
		render(lw, TREE_OPERAND(t, 0), base, sizeof(base), depth + 1);
		snprintf(buf, len, "*%s", base);
		return;
	case ADDR_EXPR:
		render(lw, TREE_OPERAND(t, 0), base, sizeof(base), depth + 1);
		snprintf(buf, len, "&%s", base);
		return;
	case INTEGER_CST:
		if (tree_fits_shwi_p(t)) {
			snprintf(buf, len, "%lld", (long long)tree_to_shwi(t));
			return;
		}
		break;
	default:
		break;
	}
	snprintf(buf, len, "?");
}

/* "TYPE::FIELD" of a field access; anonymous members join with '.'. */
static bool field_class(tree ref, char *buf, size_t len)
{
	tree outer, field;
	const char *rec, *fname;

	if (TREE_CODE(ref) != COMPONENT_REF)
		return false;
	outer = TREE_OPERAND(ref, 0);
	field = TREE_OPERAND(ref, 1);
	fname = decl_name(field);
	if (!fname)
		return false;
	/* dio->pages inside an anonymous union is still dio::pages. */
	while (!record_name(TREE_TYPE(outer)) &&
	       TREE_CODE(outer) == COMPONENT_REF &&
	       !decl_name(TREE_OPERAND(outer, 1)))
		outer = TREE_OPERAND(outer, 0);
	rec = record_name(TREE_TYPE(outer));
	if (rec) {
		snprintf(buf, len, "%s::%s", rec, fname);
		return true;
	}
	if (TREE_CODE(outer) == COMPONENT_REF) {
		char inner[256];

		if (!field_class(outer, inner, sizeof(inner)))
			return false;
		snprintf(buf, len, "%s.%s", inner, fname);
		return true;
	}
	return false;
}

/* A struct the rules call a page type (page, folio). */
static bool is_page_record(tree type)
{
	return record_name(type) &&
	       fl_rules_find(&rules, record_name(type),
			     FL_KIND_BIT(FL_RULE_PAGE_TYPE)) != NULL;
}

/* A pointer (to pointer...) to a struct the rules call a page type. */
static bool is_page_type(tree type)
{
	int depth = 0;

	while (type && (POINTER_TYPE_P(type) || TREE_CODE(type) == ARRAY_TYPE) &&
	       depth++ < 4)
		type = TREE_TYPE(type);
	return depth > 0 && is_page_record(type);
}

/* struct page ***: a pointer to the caller's page-array pointer. */
static bool is_page_array_out(tree type)
{
	int depth = 0;

	while (type && POINTER_TYPE_P(type) && depth++ < 4)
		type = TREE_TYPE(type);
	return depth == 3 && is_page_record(type);
}

/*
 * folio->page: a page type embedded in a page type is the same memory as
 * its container.  Returns the container's reference, or NULL.
 */
static tree embedding_page(tree ref)
{
	tree outer = TREE_OPERAND(ref, 0);

	if (!is_page_record(TREE_TYPE(ref)))
		return NULL;
	while (!record_name(TREE_TYPE(outer)) &&
	       TREE_CODE(outer) == COMPONENT_REF &&
	       !decl_name(TREE_OPERAND(outer, 1)))
		outer = TREE_OPERAND(outer, 0);
	return is_page_record(TREE_TYPE(outer)) ? outer : NULL;
}

/* The argument a pages-alias call returns the memory of, or NULL. */
static tree alias_argument(gimple *stmt)
{
	const struct fl_rule *r;
	tree fn;

	if (!is_gimple_call(stmt) || !(fn = gimple_call_fndecl(stmt)) ||
	    !decl_name(fn))
		return NULL;
	r = fl_rules_find(&rules, decl_name(fn),
			  FL_KIND_BIT(FL_RULE_PAGES_ALIAS));
	if (!r || r->arg > (int)gimple_call_num_args(stmt))
		return NULL;
	return gimple_call_arg(stmt, r->arg - 1);
}

/*
 * The page object a value points into, as a unit-wide name: a variable of
 * a function ("fn:pages.1234"), a field ("f:dio::pages") or a global
 * ("g:name").  Temporaries, casts, indexing and pointer arithmetic are seen
 * through: pages[i], *pages, pages + n and &pages are all "pages".  Named
 * variables are not followed: assignments to them are FLOW events.
 */
static const char *object_of(const struct lowering *lw, tree t)
{
	char buf[600];
	int depth;

	for (depth = 0; depth < 2 * MAX_RESOLVE_DEPTH; depth++) {
		gimple *def;

		switch (TREE_CODE(t)) {
		case ADDR_EXPR:
		case MEM_REF:
		case ARRAY_REF:
			t = TREE_OPERAND(t, 0);
			continue;
		case COMPONENT_REF:
			if (embedding_page(t)) {
				t = embedding_page(t);
				continue;
			}
			if (!field_class(t, buf + 2, sizeof(buf) - 2))
				return NULL;
			buf[0] = 'f';
			buf[1] = ':';
			return fl_strdup(buf);
		case SSA_NAME:
		case VAR_DECL:
			if (TREE_CODE(t) == VAR_DECL &&
			    (TREE_STATIC(t) || DECL_EXTERNAL(t))) {
				snprintf(buf, sizeof(buf), "g:%s",
					 decl_name(t) ? decl_name(t) : "?");
				return fl_strdup(buf);
			}
			if (TREE_CODE(t) == VAR_DECL && !DECL_ARTIFICIAL(t))
				break;
			def = single_def(lw, t);
			/* A temporary set in several places (a return value). */
			if (!def && TREE_CODE(t) == VAR_DECL)
				break;
			/* page_folio(page): the same memory as page. */
			if (def && alias_argument(def)) {
				t = alias_argument(def);
				continue;
			}
			/* f(...)[i]: the pages f returns. */
			if (def && is_gimple_call(def) && gimple_call_fndecl(def) &&
			    decl_name(gimple_call_fndecl(def))) {
				snprintf(buf, sizeof(buf), "%s:return",
					 decl_name(gimple_call_fndecl(def)));
				return fl_strdup(buf);
			}
			if (!def || !is_gimple_assign(def))
				return NULL;
			if (gimple_assign_single_p(def) ||
			    CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)) ||
			    gimple_assign_rhs_code(def) == POINTER_PLUS_EXPR) {
				t = gimple_assign_rhs1(def);
				continue;
			}
			return NULL;
		case PARM_DECL:
			break;
		default:
			return NULL;
		}
		snprintf(buf, sizeof(buf), "%s:%s.%u",
			 decl_name(lw->fndecl), decl_name(t) ? decl_name(t) : "",
			 DECL_UID(t));
		return fl_strdup(buf);
	}
	return NULL;
}

/* dst = src of page pointers: pages of src may now be in dst. */
static void lower_page_flow(const struct lowering *lw, gimple *stmt,
			    struct fl_block *block)
{
	tree lhs = gimple_assign_lhs(stmt);
	tree rhs = gimple_assign_rhs1(stmt);
	const char *dst, *src;
	struct fl_event *ev;

	if (TREE_CODE(lhs) == SSA_NAME)
		return; /* seen through by object_of() */
	if (!is_page_type(TREE_TYPE(lhs)) && !is_page_type(TREE_TYPE(rhs)))
		return;
	if (!gimple_assign_single_p(stmt) &&
	    !CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(stmt)) &&
	    gimple_assign_rhs_code(stmt) != POINTER_PLUS_EXPR)
		return;
	dst = object_of(lw, lhs);
	src = object_of(lw, rhs);
	if (!dst || !src || !strcmp(dst, src))
		return;
	ev = fl_block_add_event(block, FL_EV_FLOW);
	ev->loc = make_loc(gimple_location(stmt));
	ev->dst_object = dst;
	ev->src_object = src;
}

/*
 * The page object a pointer was mapped from with a pages-map call
 * (addr = kmap_local_page(page); addr + off; (char *)addr), or NULL.
 */
static const char *mapped_object(const struct lowering *lw, tree ptr,
				 const char **via)
{
	int depth;

	for (depth = 0; depth < MAX_RESOLVE_DEPTH; depth++) {
		struct mapping *m;
		gimple *def;

		if (TREE_CODE(ptr) == ADDR_EXPR || TREE_CODE(ptr) == MEM_REF) {
			ptr = TREE_OPERAND(ptr, 0);
			continue;
		}
		m = lw->mapped->get(ptr);
		if (m) {
			*via = m->via;
			return m->object;
		}
		if (TREE_CODE(ptr) != SSA_NAME && TREE_CODE(ptr) != VAR_DECL)
			return NULL;
		def = single_def(lw, ptr);
		if (!def || !is_gimple_assign(def))
			return NULL;
		if (!gimple_assign_single_p(def) &&
		    !CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(def)) &&
		    gimple_assign_rhs_code(def) != POINTER_PLUS_EXPR)
			return NULL;
		ptr = gimple_assign_rhs1(def);
	}
	return NULL;
}

static void add_write(struct fl_block *block, location_t loc,
		      const char *object, const char *via)
{
	struct fl_event *ev = fl_block_add_event(block, FL_EV_WRITE);

	ev->loc = make_loc(loc);
	ev->src_object = object;
	ev->callee = via;
}

/* A store through a mapped page: *addr = v, addr[i] = v, p->field = v. */
static void lower_mapped_store(const struct lowering *lw, gimple *stmt,
			       struct fl_block *block)
{
	tree lhs = gimple_assign_lhs(stmt);
	const char *object, *via = NULL;

	while (TREE_CODE(lhs) == COMPONENT_REF || TREE_CODE(lhs) == ARRAY_REF)
		lhs = TREE_OPERAND(lhs, 0);
	if (TREE_CODE(lhs) != MEM_REF)
		return;
	object = mapped_object(lw, TREE_OPERAND(lhs, 0), &via);
	if (object)
		add_write(block, gimple_location(stmt), object, via);
}

/* memcpy(addr, ...) and other writers of a mapped page. */
static void lower_mapped_call(const struct lowering *lw, gcall *call,
			      const char *callee, struct fl_block *block)
{
	const struct fl_rule *r =
		fl_rules_find(&rules, callee, FL_KIND_BIT(FL_RULE_WRITES_TO));
	const char *object, *via = NULL;

	if (!r || r->arg > (int)gimple_call_num_args(call))
		return;
	object = mapped_object(lw, gimple_call_arg(call, r->arg - 1), &via);
	if (object)
		add_write(block, gimple_location(call), object, via);
}

/* addr = kmap_local_page(page): remember which pages addr maps. */
static void record_mapping(struct lowering *lw, gimple *stmt)
{
	tree fn, lhs;
	const struct fl_rule *r;
	struct mapping m;

	if (!is_gimple_call(stmt) || !(fn = gimple_call_fndecl(stmt)) ||
	    !decl_name(fn) || !(lhs = gimple_call_lhs(stmt)))
		return;
	r = fl_rules_find(&rules, decl_name(fn), FL_KIND_BIT(FL_RULE_PAGES_MAP));
	if (!r || r->arg > (int)gimple_call_num_args(stmt))
		return;
	m.object = object_of(lw, gimple_call_arg(stmt, r->arg - 1));
	m.via = fl_strdup(decl_name(fn));
	if (m.object)
		lw->mapped->put(lhs, m);
}

/* A parameter as the function reads it (through copies), or 0. */
static int param_of(const struct lowering *lw, tree t)
{
	t = resolve(lw, t, false);
	if (TREE_CODE(t) == SSA_NAME && SSA_NAME_IS_DEFAULT_DEF(t) &&
	    SSA_NAME_VAR(t))
		t = SSA_NAME_VAR(t);
	return param_index(lw, t);
}

/*
 * &msg.msg_iter, &msg->msg_iter: the address of a field of a local
 * variable, or of what a parameter points to (the struct holding an
 * iterator).
 */
static void field_base(const struct lowering *lw, tree obj,
		       struct fl_operand *op)
{
	if (TREE_CODE(obj) != COMPONENT_REF)
		return;
	while (TREE_CODE(obj) == COMPONENT_REF || TREE_CODE(obj) == ARRAY_REF)
		obj = TREE_OPERAND(obj, 0);
	if (TREE_CODE(obj) == MEM_REF) {
		op->base_param = param_of(lw, TREE_OPERAND(obj, 0));
		op->base_var = var_key(lw, TREE_OPERAND(obj, 0));
	} else if (TREE_CODE(obj) == VAR_DECL && is_local_var(obj)) {
		op->base_var = local_key(obj);
	}
}

static void lower_operand(const struct lowering *lw, tree arg,
			  struct fl_operand *op)
{
	tree x = resolve(lw, arg, false);
	tree obj = x;
	bool is_addr = false;
	char buf[512];

	memset(op, 0, sizeof(*op));
	op->var = var_key(lw, arg);
	if (is_page_type(TREE_TYPE(arg)))
		op->object = object_of(lw, arg);
	if (TREE_CODE(x) == INTEGER_CST && tree_fits_shwi_p(x)) {
		op->is_const = true;
		op->value = tree_to_shwi(x);
		return;
	}
	if (POINTER_TYPE_P(TREE_TYPE(arg)))
		op->pointee = record_name(TREE_TYPE(TREE_TYPE(arg)));
	if (op->pointee)
		op->pointee = fl_strdup(op->pointee);
	if (TREE_CODE(obj) == ADDR_EXPR) {
		obj = TREE_OPERAND(obj, 0);
		is_addr = true;
	}
	if (TREE_CODE(obj) == FUNCTION_DECL && decl_name(obj)) {
		op->function = fl_strdup(decl_name(obj));
		op->display = op->function;
		return;
	}
	if (is_addr)
		field_base(lw, obj, op);
	render(lw, obj, buf, sizeof(buf), 0);
	op->display = fl_strdup(buf);
	if (field_class(obj, buf, sizeof(buf))) {
		op->lock_class = fl_strdup(buf);
	} else if (is_addr && TREE_CODE(obj) == VAR_DECL &&
		   (TREE_STATIC(obj) || DECL_EXTERNAL(obj)) && decl_name(obj)) {
		snprintf(buf, sizeof(buf), "var:%s", decl_name(obj));
		op->lock_class = fl_strdup(buf);
	} else if (!is_addr) {
		op->param = param_index(lw, obj);
	}
}

/* The outermost macro a location was expanded from (put_user), or NULL. */
static const char *written_macro(location_t loc)
{
	const char *name = NULL;
	expanded_location spelled, used;
	int depth;

	/*
	 * Only a call spelled inside a macro's body is "through" it:
	 * unlikely(copy_to_user(...)) is a copy_to_user written by hand.  A
	 * body is in another file, or above the use in the same file.
	 */
	spelled = expand_location(linemap_resolve_location(
		line_table, loc, LRK_SPELLING_LOCATION, NULL));
	used = expand_location(linemap_resolve_location(
		line_table, loc, LRK_MACRO_EXPANSION_POINT, NULL));
	if (!spelled.file || !used.file ||
	    (!strcmp(spelled.file, used.file) && spelled.line >= used.line))
		return NULL;
	for (depth = 0; depth < 64 && linemap_location_from_macro_expansion_p(
					    line_table, loc);
	     depth++) {
		const line_map_macro *map =
			linemap_check_macro(linemap_lookup(line_table, loc));

		name = linemap_map_get_macro_name(map);
		loc = fl_macro_expansion_point(map);
	}
	return name;
}

/*
 * The ops-table member an indirect call goes through ("TYPE::FIELD" of
 * mapping->a_ops->readpage), when the rules say what it does to locks:
 * ->readpage unlocks the page it is given.  Other indirect calls are not
 * understood, and skipped.
 */
static bool member_callee(gcall *call, char *buf, size_t len)
{
	tree fn = gimple_call_fn(call);
	gimple *def;

	if (!fn || TREE_CODE(fn) != SSA_NAME)
		return false;
	def = SSA_NAME_DEF_STMT(fn);
	return def && gimple_assign_single_p(def) &&
	       field_class(gimple_assign_rhs1(def), buf, len) &&
	       fl_rules_find(&rules, buf, FL_KIND_BIT(FL_RULE_UNLOCK));
}

static void lower_call(const struct lowering *lw, gcall *call,
		       struct fl_block *block)
{
	tree callee = gimple_call_fndecl(call);
	tree lhs = gimple_call_lhs(call);
	struct fl_event *ev;
	char member[512];
	const char *name;
	unsigned i, n;

	if (gimple_call_internal_p(call))
		return;
	if (callee && decl_name(callee))
		name = decl_name(callee);
	else if (!callee && member_callee(call, member, sizeof(member)))
		name = member;
	else
		return;
	ev = fl_block_add_event(block, FL_EV_CALL);
	ev->loc = make_loc(gimple_location(call));
	ev->callee = fl_strdup(name);
	ev->macro = fl_strdup(written_macro(gimple_location(call)));
	n = gimple_call_num_args(call);
	ev->nargs = n;
	ev->args = (struct fl_operand *)fl_xcalloc(n, sizeof(*ev->args));
	for (i = 0; i < n; i++)
		lower_operand(lw, gimple_call_arg(call, i), &ev->args[i]);
	if (lhs && is_local_var(lhs))
		ev->result_var = local_key(lhs);
	if (lhs && is_page_type(TREE_TYPE(lhs)))
		ev->result_object = object_of(lw, lhs);
	/* Last: adding events to the block moves ev. */
	lower_mapped_call(lw, call, ev->callee, block);
}

static void lower_assign(const struct lowering *lw, gimple *stmt,
			 struct fl_block *block)
{
	tree lhs = gimple_assign_lhs(stmt);
	struct fl_event *ev;
	char cls[512];

	lower_page_flow(lw, stmt, block);
	lower_mapped_store(lw, stmt, block);
	if (is_local_var(lhs)) {
		ev = fl_block_add_event(block, FL_EV_ASSIGN);
		ev->loc = make_loc(gimple_location(stmt));
		ev->var = local_key(lhs);
		/* ret = (ssize_t)_1: conditions on _1 now hold for ret too. */
		if (gimple_assign_single_p(stmt) ||
		    CONVERT_EXPR_CODE_P(gimple_assign_rhs_code(stmt)))
			ev->value.var = var_key(lw, gimple_assign_rhs1(stmt));
		return;
	}
	/* Only stores the rules care about (iter->nofault) enter the model. */
	if (!field_class(lhs, cls, sizeof(cls)) ||
	    !fl_rules_find(&rules, cls, FL_KIND_BIT(FL_RULE_NOFAULT_FIELD)))
		return;
	ev = fl_block_add_event(block, FL_EV_STORE);
	ev->loc = make_loc(gimple_location(stmt));
	ev->field_class = fl_strdup(cls);
	ev->base_var = var_key(lw, TREE_OPERAND(lhs, 0));
	if (gimple_assign_single_p(stmt))
		lower_operand(lw, gimple_assign_rhs1(stmt), &ev->value);
}

static enum fl_relation relation_to_zero(enum tree_code code)
{
	switch (code) {
	case EQ_EXPR:
		return FL_REL_EQ0;
	case NE_EXPR:
		return FL_REL_NE0;
	case LT_EXPR:
		return FL_REL_LT0;
	case GE_EXPR:
		return FL_REL_GE0;
	case GT_EXPR:
		return FL_REL_GT0;
	case LE_EXPR:
		return FL_REL_LE0;
	default:
		return FL_REL_NONE;
	}
}

/*
 * What the true edge of "if (LHS CODE 0)" says about a variable, seeing
 * through the temporaries of unlikely(), casts and "t = x != 0".
 */
static unsigned lower_condition(const struct lowering *lw, gcond *cond,
				enum fl_relation *rel)
{
	tree lhs = gimple_cond_lhs(cond);
	int depth;

	*rel = FL_REL_NONE;
	if (!integer_zerop(gimple_cond_rhs(cond)))
		return 0;
	*rel = relation_to_zero(gimple_cond_code(cond));
	for (depth = 0; *rel != FL_REL_NONE && depth < MAX_RESOLVE_DEPTH;
	     depth++) {
		gimple *def;

		if (TREE_CODE(lhs) != SSA_NAME &&
		    (TREE_CODE(lhs) != VAR_DECL || !DECL_ARTIFICIAL(lhs)))
			break;
		def = single_def(lw, lhs);
		if (!def)
			break;
		if (is_gimple_call(def)) {
			tree fn = gimple_call_fndecl(def);

			if (!fn || !fndecl_built_in_p(fn, BUILT_IN_EXPECT))
				break;
			lhs = gimple_call_arg(def, 0);
			continue;
		}
		if (!is_gimple_assign(def))
			break;
		enum tree_code code = gimple_assign_rhs_code(def);

		if (gimple_assign_single_p(def) || CONVERT_EXPR_CODE_P(code)) {
			lhs = gimple_assign_rhs1(def);
			continue;
		}
		if (TREE_CODE_CLASS(code) != tcc_comparison ||
		    !integer_zerop(gimple_assign_rhs2(def)))
			break;
		/* t = (x CODE 0); the edge says t != 0 or t == 0. */
		enum fl_relation inner = relation_to_zero(code);

		if (inner == FL_REL_NONE ||
		    (*rel != FL_REL_NE0 && *rel != FL_REL_EQ0))
			break;
		*rel = *rel == FL_REL_NE0 ? inner : fl_relation_negate(inner);
		lhs = gimple_assign_rhs1(def);
	}
	if (*rel == FL_REL_NONE || !is_local_var(lhs))
		return 0;
	return local_key(lhs);
}

/* "P == &F" with P a parameter: P's number, and F in *fn; else 0. */
static int fnptr_compare(const struct lowering *lw, tree a, tree b,
			 const char **fn)
{
	int k;

	for (k = 0; k < 2; k++, std::swap(a, b)) {
		tree f = resolve(lw, b, false);
		int p;

		if (TREE_CODE(f) == ADDR_EXPR)
			f = TREE_OPERAND(f, 0);
		if (TREE_CODE(f) != FUNCTION_DECL || !decl_name(f))
			continue;
		p = param_of(lw, a);
		if (p) {
			*fn = decl_name(f);
			return p;
		}
	}
	return 0;
}

/*
 * "if (p == f)" with p a function-pointer parameter and f a function,
 * through the temporaries of likely(), casts and "t = p == f", as
 * INDIRECT_CALL_1() writes it: p's number (F in *fn, *on_true whether the
 * true edge is the one where p == f), or 0.
 */
static int fnptr_condition(const struct lowering *lw, gcond *cond,
			   const char **fn, bool *on_true)
{
	tree lhs = gimple_cond_lhs(cond), rhs = gimple_cond_rhs(cond);
	enum tree_code code = gimple_cond_code(cond);
	int depth;

	for (depth = 0; depth < MAX_RESOLVE_DEPTH; depth++) {
		gimple *def;

		if (code != EQ_EXPR && code != NE_EXPR)
			return 0;
		if (!integer_zerop(rhs) || POINTER_TYPE_P(TREE_TYPE(lhs))) {
			*on_true = code == EQ_EXPR;
			return fnptr_compare(lw, lhs, rhs, fn);
		}
		/* (t != 0) or (t == 0): what t is. */
		if (TREE_CODE(lhs) != SSA_NAME &&
		    (TREE_CODE(lhs) != VAR_DECL || !DECL_ARTIFICIAL(lhs)))
			return 0;
		def = single_def(lw, lhs);
		if (!def)
			return 0;
		if (is_gimple_call(def)) {
			tree f = gimple_call_fndecl(def);

			if (!f || !fndecl_built_in_p(f, BUILT_IN_EXPECT))
				return 0;
			lhs = gimple_call_arg(def, 0);
			continue;
		}
		if (!is_gimple_assign(def))
			return 0;
		enum tree_code inner = gimple_assign_rhs_code(def);

		if (gimple_assign_single_p(def) || CONVERT_EXPR_CODE_P(inner)) {
			lhs = gimple_assign_rhs1(def);
			continue;
		}
		if (inner != EQ_EXPR && inner != NE_EXPR)
			return 0;
		/* t = (a INNER b): the edge says t != 0 or t == 0. */
		if (code == EQ_EXPR)
			inner = inner == EQ_EXPR ? NE_EXPR : EQ_EXPR;
		code = inner;
		lhs = gimple_assign_rhs1(def);
		rhs = gimple_assign_rhs2(def);
	}
	return 0;
}

/*
 * Whether the true edge of "if (X)" says the inode is DAX: X is, through
 * copies, casts, unlikely() and "!= 0" / "== 0", a test of a dax-test flag
 * (inode->i_flags & S_DAX, which IS_DAX() expands to).
 */
static enum fl_dax dax_condition(const struct lowering *lw, gcond *cond)
{
	tree lhs = gimple_cond_lhs(cond);
	bool yes;
	int depth;

	if (!integer_zerop(gimple_cond_rhs(cond)))
		return FL_DAX_UNKNOWN;
	if (gimple_cond_code(cond) == NE_EXPR)
		yes = true;
	else if (gimple_cond_code(cond) == EQ_EXPR)
		yes = false;
	else
		return FL_DAX_UNKNOWN;
	for (depth = 0; depth < MAX_RESOLVE_DEPTH; depth++) {
		gimple *def = NULL;
		enum tree_code code;
		char cls[512];
		int i;

		if (TREE_CODE(lhs) == SSA_NAME ||
		    (TREE_CODE(lhs) == VAR_DECL && DECL_ARTIFICIAL(lhs)))
			def = single_def(lw, lhs);
		if (!def)
			return FL_DAX_UNKNOWN;
		if (is_gimple_call(def)) {
			tree fn = gimple_call_fndecl(def);

			if (!fn || !fndecl_built_in_p(fn, BUILT_IN_EXPECT))
				return FL_DAX_UNKNOWN;
			lhs = gimple_call_arg(def, 0);
			continue;
		}
		if (!is_gimple_assign(def))
			return FL_DAX_UNKNOWN;
		code = gimple_assign_rhs_code(def);
		if (gimple_assign_single_p(def) || CONVERT_EXPR_CODE_P(code)) {
			lhs = gimple_assign_rhs1(def);
			continue;
		}
		if ((code == NE_EXPR || code == EQ_EXPR) &&
		    integer_zerop(gimple_assign_rhs2(def))) {
			if (code == EQ_EXPR)
				yes = !yes;
			lhs = gimple_assign_rhs1(def);
			continue;
		}
		if (code != BIT_AND_EXPR ||
		    TREE_CODE(gimple_assign_rhs2(def)) != INTEGER_CST ||
		    !tree_fits_shwi_p(gimple_assign_rhs2(def)))
			return FL_DAX_UNKNOWN;
		if (!field_class(resolve(lw, gimple_assign_rhs1(def), true), cls,
				 sizeof(cls)))
			return FL_DAX_UNKNOWN;
		for (i = 0; i < rules.nrules; i++) {
			const struct fl_rule *r = &rules.rules[i];
			long long bit;

			if (r->kind != FL_RULE_DAX_TEST || strcmp(r->name, cls))
				continue;
			bit = macro_value(r->flag);
			if (bit > 0 && (tree_to_shwi(gimple_assign_rhs2(def)) & bit))
				return yes ? FL_DAX_YES : FL_DAX_NO;
		}
		return FL_DAX_UNKNOWN;
	}
	return FL_DAX_UNKNOWN;
}

static void record_def(struct lowering *lw, tree lhs, gimple *stmt)
{
	bool existed;
	gimple *&slot = lw->defs->get_or_insert(lhs, &existed);

	slot = existed ? NULL : stmt;
}

static void lower_function(struct fl_unit *unit, cgraph_node *node)
{
	tree decl = node->decl;
	function *fun = DECL_STRUCT_FUNCTION(decl);
	struct lowering lw;
	struct fl_function *fn;
	basic_block bb;

	if (!fun || !fun->cfg || !decl_name(decl))
		return;
	lw.fndecl = decl;
	lw.defs = new hash_map<tree, gimple *>;
	lw.mapped = new hash_map<tree, struct mapping>;

	FOR_EACH_BB_FN(bb, fun)
	{
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			tree lhs = gimple_get_lhs(stmt);

			/* A local's zeroing is not a value it holds. */
			if (lhs && TREE_CODE(lhs) == VAR_DECL &&
			    !fl_is_deferred_init(stmt))
				record_def(&lw, lhs, stmt);
		}
	}

	/* Then what each kmap'd pointer maps (object_of needs the defs). */
	FOR_EACH_BB_FN(bb, fun)
	{
		gimple_stmt_iterator gsi;

		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi))
			record_mapping(&lw, gsi_stmt(gsi));
	}

	fn = fl_unit_add_function(unit, decl_name(decl));
	fn->loc = make_loc(DECL_SOURCE_LOCATION(decl));
	fn->is_static = !TREE_PUBLIC(decl);
	fn->handle = (unsigned long)decl;
	for (tree p = DECL_ARGUMENTS(decl); p; p = DECL_CHAIN(p)) {
		const char *type = POINTER_TYPE_P(TREE_TYPE(p)) ?
			record_name(TREE_TYPE(TREE_TYPE(p))) : NULL;

		fn->param_types = (const char **)fl_xrealloc(
			fn->param_types, (fn->nparams + 1) * sizeof(char *));
		fn->param_objects = (const char **)fl_xrealloc(
			fn->param_objects, (fn->nparams + 1) * sizeof(char *));
		fn->param_pages_out = (bool *)fl_xrealloc(
			fn->param_pages_out, (fn->nparams + 1) * sizeof(bool));
		fn->param_pages_out[fn->nparams] = is_page_array_out(TREE_TYPE(p));
		fn->param_objects[fn->nparams] = object_of(&lw, p);
		fn->param_types[fn->nparams++] = fl_strdup(type);
	}
	fn->nblocks = last_basic_block_for_fn(fun);
	fn->blocks = (struct fl_block *)fl_xcalloc(fn->nblocks,
						   sizeof(*fn->blocks));
	fn->entry = ENTRY_BLOCK_PTR_FOR_FN(fun)->index;

	FOR_ALL_BB_FN(bb, fun)
	{
		struct fl_block *block = &fn->blocks[bb->index];
		gimple_stmt_iterator gsi;
		gimple *last = NULL;
		edge e;
		edge_iterator ei;

		if (bb->index >= fn->nblocks)
			continue;
		for (gsi = gsi_start_bb(bb); !gsi_end_p(gsi); gsi_next(&gsi)) {
			gimple *stmt = gsi_stmt(gsi);
			struct fl_event *ev;

			last = stmt;
			switch (gimple_code(stmt)) {
			case GIMPLE_CALL:
				lower_call(&lw, as_a<gcall *>(stmt), block);
				break;
			case GIMPLE_ASSIGN:
				lower_assign(&lw, stmt, block);
				break;
			case GIMPLE_RETURN:
				ev = fl_block_add_event(block, FL_EV_RETURN);
				ev->loc = make_loc(gimple_location(stmt));
				if (gimple_return_retval(as_a<greturn *>(stmt)))
					lower_operand(
						&lw,
						gimple_return_retval(
							as_a<greturn *>(stmt)),
						&ev->value);
				break;
			default:
				break;
			}
		}
		FOR_EACH_EDGE(e, ei, bb->succs)
		{
			enum fl_relation rel = FL_REL_NONE;
			enum fl_dax dax = FL_DAX_UNKNOWN;
			unsigned var = 0;

			if (last && gimple_code(last) == GIMPLE_COND &&
			    (e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE))) {
				var = lower_condition(&lw, as_a<gcond *>(last),
						      &rel);
				if (e->flags & EDGE_FALSE_VALUE)
					rel = fl_relation_negate(rel);
				dax = dax_condition(&lw, as_a<gcond *>(last));
				if ((e->flags & EDGE_FALSE_VALUE) && dax != FL_DAX_UNKNOWN)
					dax = fl_dax_negate(dax);
			}
			fl_block_add_edge(block, e->dest->index, var, rel, dax);
			if (last && gimple_code(last) == GIMPLE_COND &&
			    (e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE))) {
				const char *fn = NULL;
				bool on_true = false;
				int p = fnptr_condition(&lw,
							as_a<gcond *>(last),
							&fn, &on_true);

				if (p &&
				    on_true == !!(e->flags & EDGE_TRUE_VALUE))
					fl_block_edge_fnptr(block, p, fn);
			}
		}
	}
	delete lw.defs;
	delete lw.mapped;
}

/* Function pointers in static initializers: gfs2_vm_ops.page_mkwrite. */
static void lower_ops_tables(struct fl_unit *unit)
{
	varpool_node *vnode;

	FOR_EACH_VARIABLE(vnode)
	{
		tree decl = vnode->decl;
		tree init = DECL_INITIAL(decl);
		const char *type = record_name(TREE_TYPE(decl));
		unsigned HOST_WIDE_INT ix;
		tree field, value;

		if (!type || !init || TREE_CODE(init) != CONSTRUCTOR)
			continue;
		FOR_EACH_CONSTRUCTOR_ELT(CONSTRUCTOR_ELTS(init), ix, field, value)
		{
			struct fl_loc loc;

			if (!field || TREE_CODE(field) != FIELD_DECL ||
			    !decl_name(field) || TREE_CODE(value) != ADDR_EXPR ||
			    TREE_CODE(TREE_OPERAND(value, 0)) != FUNCTION_DECL ||
			    !decl_name(TREE_OPERAND(value, 0)))
				continue;
			loc = make_loc(DECL_SOURCE_LOCATION(decl));
			fl_unit_add_ops(unit, type, decl_name(field),
					decl_name(TREE_OPERAND(value, 0)), &loc);
		}
	}
}

/* From c-family/c-common.h, which must not follow diagnostic-core.h. */
extern tree identifier_global_value(tree);

/*
 * Enumerators the rules name as flags (FOLL_NOFAULT is one since Linux
 * 6.3).  File-scope bindings are gone once the unit is parsed, so they are
 * looked up while functions are still being parsed.
 */
struct flag_enumerator {
	const char *name;
	long long value; /* -1 until found */
};

static struct flag_enumerator *flag_enums;
static int nflag_enums;

static void want_enumerator(const char *name)
{
	int i;

	for (i = 0; i < nflag_enums; i++)
		if (!strcmp(flag_enums[i].name, name))
			return;
	flag_enums = (struct flag_enumerator *)fl_xrealloc(
		flag_enums, (nflag_enums + 1) * sizeof(*flag_enums));
	flag_enums[nflag_enums].name = name;
	flag_enums[nflag_enums++].value = -1;
}

static void find_enumerators(void *gcc_data, void *user_data)
{
	int i;

	(void)gcc_data;
	(void)user_data;
	for (i = 0; i < nflag_enums; i++) {
		tree decl, value;

		if (flag_enums[i].value >= 0)
			continue;
		decl = identifier_global_value(get_identifier(flag_enums[i].name));
		if (!decl || TREE_CODE(decl) != CONST_DECL)
			continue;
		value = DECL_INITIAL(decl);
		if (value && TREE_CODE(value) == INTEGER_CST &&
		    tree_fits_shwi_p(value) && tree_to_shwi(value) >= 0)
			flag_enums[i].value = tree_to_shwi(value);
	}
}

static long long enumerator_value(const char *name)
{
	int i;

	for (i = 0; i < nflag_enums; i++)
		if (!strcmp(flag_enums[i].name, name))
			return flag_enums[i].value;
	return -1;
}

/*
 * The value of a flag the rules name: a macro such as FOLL_NOFAULT, or an
 * enumerator of that name; -1 when neither is known (preprocessed input
 * has no macros left).
 */
static long long macro_value(const char *name)
{
	long long v = enumerator_value(name);

	return v >= 0 ? v : cpp_macro_value(name);
}

static long long cpp_macro_value(const char *name)
{
	cpp_hashnode *node;
	const unsigned char *def;
	const char *p;

	if (!parse_in)
		return -1;
	node = cpp_lookup(parse_in, (const unsigned char *)name, strlen(name));
	if (!node || !cpp_macro_p(node) || !cpp_user_macro_p(node))
		return -1;
	def = cpp_macro_definition(parse_in, node);
	/* "FOLL_NOFAULT 0x80000" or "FOLL_NOFAULT (1 << 19)" */
	p = strchr((const char *)def, ' ');
	return p ? fl_parse_flag_value(p) : -1;
}

static void sink_warning(void *ctx, const struct fl_function *fn,
			 const struct fl_loc *loc, const char *msg)
{
	bool saved = fl_werror_requested();
	struct fl_report r;

	(void)ctx;
	fl_report_classify(fn, loc, msg, &r);
	if (r.suppressed) {
		/* Kept in the facts, shown as suppressed in SARIF. */
		last_warning_shown = false;
		fl_diag_log_add(&diag_log, false, fn, loc, msg, r.suppressed);
		return;
	}
	/*
	 * Gives the usual "In function 'f':" header scripts rely on; it stays
	 * set for the notes and is restored when the unit is done.
	 */
	current_function_decl = (tree)fn->handle;
	/* A scan must not stop the build: -Werror leaves these alone. */
	if (!obey_werror)
		fl_set_werror_requested(false);
	last_warning_shown = warning_at((location_t)loc->cookie, 0, "%s", msg);
	fl_set_werror_requested(saved);
	fl_diag_log_add(&diag_log, false, fn, loc, msg, NULL);
	if (r.note[0]) {
		fl_diag_log_add(&diag_log, true, NULL, loc, r.note, NULL);
		if (last_warning_shown)
			inform((location_t)loc->cookie, "%s", r.note);
	}
}

static void sink_note(void *ctx, const struct fl_loc *loc, const char *msg)
{
	(void)ctx;
	fl_diag_log_add(&diag_log, true, NULL, loc, msg, NULL);
	if (last_warning_shown)
		inform((location_t)loc->cookie, "%s", msg);
}

/*
 * Our own failure is not the compile's: the function (or, in the checks,
 * the rest of the unit) is skipped and the object is what GCC makes.
 */
static void report_internal_error(const char *what, const char *rest)
{
	bool saved = fl_werror_requested();

	if (!obey_werror)
		fl_set_werror_requested(false);
	warning_at(UNKNOWN_LOCATION, 0, "faultline: internal error in %qs, %s",
		   what ? what : main_input_filename, rest);
	fl_set_werror_requested(saved);
}

struct lower_job {
	struct fl_unit *unit;
	cgraph_node *node;
};

static void lower_job_run(void *arg)
{
	struct lower_job *j = (struct lower_job *)arg;

	lower_function(j->unit, j->node);
}

struct check_job {
	struct fl_unit *unit;
	const struct fl_diag_sink *sink;
};

static void check_job_run(void *arg)
{
	struct check_job *j = (struct check_job *)arg;

	if (write_facts)
		fl_facts_observe(j->unit);
	fl_check_unit(j->unit, j->sink);
	if (write_facts)
		unit_facts = fl_facts_write(j->unit, main_input_filename,
					    &diag_log, &unit_facts_len);
}

static void analyse_unit(void *gcc_data, void *user_data)
{
	struct fl_diag_sink sink = { sink_warning, sink_note, NULL };
	struct check_job check;
	tree saved_fn;
	struct fl_unit *unit;
	cgraph_node *node;

	(void)gcc_data;
	(void)user_data;
	if (!rules_ok || seen_error() || in_lto_p)
		return;
	unit = fl_unit_new(&rules);
	unit->flag_value = macro_value;
	unit->source = main_input_filename;
	FOR_EACH_FUNCTION_WITH_GIMPLE_BODY(node)
	{
		struct lower_job job = { unit, node };
		int nfuncs = unit->nfuncs;

		fl_recover_function = NULL;
		if (!fl_recover_run(lower_job_run, &job)) {
			unit->nfuncs = nfuncs; /* not half of it */
			report_internal_error(fl_recover_function, "skipped");
		}
	}
	lower_ops_tables(unit);
	if (dump_model)
		fl_dump_unit(unit, stderr);
	saved_fn = current_function_decl;
	check.unit = unit;
	check.sink = &sink;
	fl_recover_function = NULL;
	if (!fl_recover_run(check_job_run, &check)) {
		report_internal_error(fl_recover_function,
				      "skipped with the rest of this unit");
		unit_facts = NULL;
	}
	current_function_decl = saved_fn;
}

/*
 * The facts go out as a non-allocated section of their own, pushed and
 * popped so the assembler's current section is what the compiler left.
 */
static void emit_facts(void *gcc_data, void *user_data)
{
	unsigned long i;

	(void)gcc_data;
	(void)user_data;
	if (!unit_facts || !asm_out_file || seen_error())
		return;
	fprintf(asm_out_file, "\t.pushsection %s,\"\",%%progbits\n",
		FL_FACTS_SECTION);
	for (i = 0; i < unit_facts_len; i += 64) {
		unsigned long j, end = i + 64;

		if (end > unit_facts_len)
			end = unit_facts_len;
		fputs("\t.ascii \"", asm_out_file);
		for (j = i; j < end; j++) {
			unsigned char ch = unit_facts[j];

			if (ch == '"' || ch == '\\')
				fprintf(asm_out_file, "\\%c", ch);
			else if (ch == '\t')
				fputs("\\t", asm_out_file);
			else if (ch == '\n')
				fputs("\\n", asm_out_file);
			else if (ch < ' ' || ch >= 0x7f)
				fprintf(asm_out_file, "\\%03o", ch);
			else
				fputc(ch, asm_out_file);
		}
		fputs("\"\n", asm_out_file);
	}
	fputs("\t.popsection\n", asm_out_file);
}

static void rules_error(void *ctx, const char *msg)
{
	(void)ctx;
	error("faultline: %s", msg);
}

int plugin_init(struct plugin_name_args *plugin_info,
		struct plugin_gcc_version *version)
{
	const char *rules_dir = NULL;
	int i;

	if (!plugin_default_version_check(version, &gcc_version)) {
		error("faultline: built for GCC %s (%s), loaded into GCC %s; "
		      "rebuild it with %<make CC=COMPILER%>",
		      gcc_version.basever, FAULTLINE_TARGET, version->basever);
		return 1;
	}
	for (i = 0; i < plugin_info->argc; i++) {
		const struct plugin_argument *arg = &plugin_info->argv[i];

		if (!strcmp(arg->key, "rules") && arg->value)
			rules_dir = arg->value;
		else if (!strcmp(arg->key, "werror"))
			obey_werror = true;
		else if (!strcmp(arg->key, "dump"))
			dump_model = true;
		else if (!strcmp(arg->key, "no-facts"))
			write_facts = false;
		else if (!strcmp(arg->key, "help"))
			fprintf(stderr, "faultline options:\n%s",
				faultline_plugin_info.help);
		else
			error("faultline: unknown option %qs (try %<help%>)", arg->key);
	}
	if (!rules_dir)
		rules_dir = fl_rules_default_dir(plugin_info->full_name);
	rules_ok = fl_rules_load_dir(&rules, rules_dir, rules_error, NULL) == 0;

	register_callback(plugin_info->base_name, PLUGIN_INFO, NULL,
			  &faultline_plugin_info);
	register_callback(plugin_info->base_name, PLUGIN_ALL_IPA_PASSES_START,
			  analyse_unit, NULL);
	register_callback(plugin_info->base_name, PLUGIN_FINISH_UNIT,
			  emit_facts, NULL);
	for (i = 0; rules_ok && i < rules.nrules; i++) {
		if (rules.rules[i].kind == FL_RULE_NOFAULT_FLAG)
			want_enumerator(rules.rules[i].name);
		else if (rules.rules[i].kind == FL_RULE_DAX_TEST &&
			 rules.rules[i].flag)
			want_enumerator(rules.rules[i].flag);
		else if (rules.rules[i].excl_flag)
			want_enumerator(rules.rules[i].excl_flag);
	}
	if (nflag_enums && lang_GNU_C())
		register_callback(plugin_info->base_name,
				  PLUGIN_PRE_GENERICIZE, find_enumerators, NULL);
	return 0;
}
