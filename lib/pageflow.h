/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where user pages go inside a unit: a graph whose nodes are page objects
 * (a function's variable, a struct field, a global, a function's return
 * value or parameter) and whose edges say "pages of A may now be in B".
 * Flow-insensitive by design: it answers "can pages taken here ever reach
 * that call", which is what the GUP checks ask.
 */
#ifndef FAULTLINE_PAGEFLOW_H
#define FAULTLINE_PAGEFLOW_H

#include "model.h"
#include "rules.h"

struct fl_page_site {
	const struct fl_function *fn;
	const struct fl_event *ev;
	const struct fl_rule *rule;
	int node; /* the page object of the rule's argument */
};

struct fl_pageflow {
	const struct fl_unit *unit;
	const char **names; /* node names */
	int nnodes;
	int cap;
	int *table; /* open-addressing index into names */
	int table_size;
	int **succ; /* successors of each node */
	int *nsucc;
	struct fl_page_site *sites; /* every call a pages-* rule names */
	int nsites;
	int *own_nodes; /* results of pages-own calls: the kernel's own pages */
	int nown;
	int *cache_node; /* reach arrays kept for fl_pageflow_reaches() */
	int **cache_reach;
	int ncache;
	signed char *looks; /* fl_pageflow_param_only_looks: 1 yes, 2 no */
	int nlooks;
};

struct fl_pageflow *fl_pageflow_build(const struct fl_unit *unit);

/*
 * Nodes reachable from node (itself included): reached[i] is the distance
 * plus one, 0 when unreachable.  The caller frees the array.
 */
int *fl_pageflow_reach(const struct fl_pageflow *pf, int node);

/* The same, never entering a node marked in blocked. */
int *fl_pageflow_reach_avoiding(const struct fl_pageflow *pf, int node,
				const bool *blocked);

/*
 * Struct fields (one node for every instance of the type) that hold GUP
 * pages and pages of another origin: the kernel's own (pages-own rules:
 * allocated pages, page-cache folios) or a parameter nothing in the unit
 * feeds.  What leaves such a field cannot be told to be the user pages.
 * The caller frees the array.
 */
bool *fl_pageflow_mixed_fields(const struct fl_pageflow *pf);

/* Whether pages of object from may be in object to (cached per from). */
bool fl_pageflow_reaches(const struct fl_pageflow *pf, const char *from,
			 const char *to);

/* Whether pages of object from may outlive the function: stored in a
 * field or a global, or returned. */
bool fl_pageflow_escapes(const struct fl_pageflow *pf, const char *from);

/*
 * Whether the pages fn's parameter k (0-based) receives only are looked at
 * (read, tested, copied from): its pages are seen in the unit, and none
 * reaches a release, a sink, a field, a global, a return or a function the
 * unit cannot see into.  Whoever pinned them still holds the pins.
 */
bool fl_pageflow_param_only_looks(const struct fl_pageflow *pf,
				  const struct fl_function *fn, int k);

/* The node of an object, or -1 when no page flow touches it. */
int fl_pageflow_find(const struct fl_pageflow *pf, const char *name);

#endif
