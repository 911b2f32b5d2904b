/* SPDX-License-Identifier: GPL-2.0 */
/*
 * faultline's Sparse front end: lowers Sparse's linearized IR into the
 * model of lib/model.h, as plugin/gcc/faultline_plugin.c lowers GIMPLE.
 *
 * Sparse runs with its optimizer and SSA conversion off, so named local
 * variables stay symbols that are loaded and stored (as GCC's named
 * variables are declarations) and temporaries are pseudos defined once.
 * Calls to static inline functions are not inlined (lower_unit() clears
 * their inline flag before expansion): they stay calls with their names,
 * and their bodies are lowered as functions of their own, as the GCC
 * plugin sees them before inlining.
 */
#ifndef FAULTLINE_SPARSE_LOWER_H
#define FAULTLINE_SPARSE_LOWER_H

#include "lib.h"
#include "linearize.h"
#include "symbol.h"

#include "../../lib/model.h"
#include "../../lib/rules.h"

/* Operands are followed through this many copies at most. */
#define MAX_RESOLVE_DEPTH 8

/* The key of the variable a function returns through (its return phi). */
#define RETURN_KEY 0x7ffffffeu

/* A named local variable of the function being lowered. */
struct local {
	struct symbol *sym;
	int nstores;
	pseudo_t value; /* what the single store stores */
};

/* A pointer mapped from a page object by a pages-map call (kmap). */
struct mapping {
	pseudo_t ptr;	     /* the call's result */
	struct symbol *var;  /* or the local it is stored in */
	const char *object;
	const char *via;
};

struct lowering {
	const struct fl_rules *rules;
	struct symbol *fn;	/* the function's symbol */
	struct entrypoint *ep;
	struct local *locals;
	int nlocals;
	struct mapping *maps;
	int nmaps;
};

/*
 * What an address is: root (a pointer pseudo, or a PSEUDO_SYM object),
 * plus offset, naming member (NULL when not a member access).
 */
struct access {
	pseudo_t root;
	long long offset;
	struct symbol *member;
	struct symbol *record; /* struct at root */
	bool deref;	       /* root points to record ("->"), or is it (".") */
};

/* cleanup.c: the calls of __attribute__((cleanup)), or false to skip fn */
bool place_cleanups(struct symbol *fn);

/* operand.c */
const char *ident_str(const struct ident *id);
struct symbol *strip_type(struct symbol *t);
const char *record_name(struct symbol *t);
const char *sym_name(struct symbol *sym);
struct fl_loc make_loc(struct position pos);
bool is_local_sym(struct symbol *sym);
bool is_global_sym(struct symbol *sym);
struct local *find_local(const struct lowering *lw, struct symbol *sym);
unsigned sym_key(const struct lowering *lw, struct symbol *sym);
unsigned pseudo_key(pseudo_t p);
struct symbol *loaded_var(const struct lowering *lw, pseudo_t p);
pseudo_t resolve(const struct lowering *lw, pseudo_t p, bool temps_only);
unsigned var_key(const struct lowering *lw, pseudo_t p);
int param_index(const struct lowering *lw, pseudo_t p);
struct symbol *pseudo_type(pseudo_t p);
bool is_pointer(struct symbol *t);
const char *call_name(pseudo_t func);
struct symbol *function_sym(pseudo_t p);
void lower_operand(const struct lowering *lw, pseudo_t p,
		   struct fl_operand *op);

/* access.c */
bool describe_address(pseudo_t addr, struct access *a);
void describe_access(pseudo_t addr, long long offset, struct symbol *member,
		     struct access *a);
bool access_class(const struct access *a, char *buf, size_t len);
bool value_class(const struct lowering *lw, pseudo_t p, char *buf,
		 size_t len);
void render_access(const struct lowering *lw, const struct access *a,
		   char *buf, size_t len, int depth);
void render(const struct lowering *lw, pseudo_t p, char *buf, size_t len,
	    int depth);

/* pages.c */
bool is_page_type(const struct fl_rules *rules, struct symbol *type);
bool is_page_array_out(const struct fl_rules *rules, struct symbol *type);
const char *object_of(const struct lowering *lw, pseudo_t p);
const char *sym_object(const struct lowering *lw, struct symbol *sym);
const char *access_object(const struct lowering *lw, const struct access *a,
			  struct symbol *type);

/* lower.c */
void lower_function(struct fl_unit *unit, const struct fl_rules *rules,
		    struct symbol *sym, struct entrypoint *ep);

/* macro.c */
const char *written_macro(struct position pos, const char *callee);
int byte_column(struct position pos);
int call_column(struct position pos);
int decl_column(struct position pos);
int store_column(struct position pos);

/* unit.c */
long long flag_value(const char *name);
struct fl_unit *lower_unit(const struct fl_rules *rules,
			   struct symbol_list *list, const char *source);

#endif
