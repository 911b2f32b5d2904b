/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A hash index over the names of an array (rules, a unit's functions):
 * lookups by name happen at every call site of every function, and a
 * linear scan with strcmp was a visible share of the compiler's time.
 */
#ifndef FAULTLINE_NAME_INDEX_H
#define FAULTLINE_NAME_INDEX_H

struct fl_name_index {
	int *heads; /* first item of each bucket, -1 if none */
	int *next;  /* the item after this one in its bucket, -1 at the end */
	int nbuckets;
	int nitems; /* how many items the index covers */
};

/* (Re)build the index over items 0..n-1; name(ctx, i) is item i's name. */
void fl_name_index_build(struct fl_name_index *idx, int n,
			 const char *(*name)(const void *ctx, int i),
			 const void *ctx);

/* The first item of NAME's bucket, in increasing order, then -1. */
int fl_name_index_first(const struct fl_name_index *idx, const char *name);
static inline int fl_name_index_next(const struct fl_name_index *idx, int i)
{
	return idx->next[i];
}

#endif
