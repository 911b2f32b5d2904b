// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>

#include "model.h"
#include "name_index.h"

static unsigned name_hash(const char *s)
{
	unsigned h = 2166136261u; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

void fl_name_index_build(struct fl_name_index *idx, int n,
			 const char *(*name)(const void *ctx, int i),
			 const void *ctx)
{
	int i, b;

	free(idx->heads);
	free(idx->next);
	idx->nbuckets = 64;
	while (idx->nbuckets < 2 * n)
		idx->nbuckets *= 2;
	idx->heads = fl_xcalloc(idx->nbuckets, sizeof(*idx->heads));
	idx->next = fl_xcalloc(n ? n : 1, sizeof(*idx->next));
	for (b = 0; b < idx->nbuckets; b++)
		idx->heads[b] = -1;
	/* Backwards, so that each bucket lists its items in array order. */
	for (i = n - 1; i >= 0; i--) {
		b = name_hash(name(ctx, i)) & (idx->nbuckets - 1);
		idx->next[i] = idx->heads[b];
		idx->heads[b] = i;
	}
	idx->nitems = n;
}

int fl_name_index_first(const struct fl_name_index *idx, const char *name)
{
	if (!idx->heads)
		return -1;
	return idx->heads[name_hash(name) & (idx->nbuckets - 1)];
}
