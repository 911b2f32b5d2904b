// SPDX-License-Identifier: GPL-2.0
/*
 * Page objects: the unit-wide names of the places user pages can be in
 * (a function's variable, a field, a global, what a call returns), as the
 * plugin's object_of() names them, for the page-flow checks.
 */
#include <stdio.h>
#include <string.h>

#include "lower.h"

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

