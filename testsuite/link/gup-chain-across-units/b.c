// Passes each page on, touching no data itself.
#include <kmodel.h>
#include "ch.h"

int ch_queue_pages(struct bio *bio, struct page **pages, int n)
{
	int i, ret = 0;

	for (i = 0; i < n && !ret; i++)
		ret = ch_add_one(bio, pages[i]); /* expect-link-note: the pages are passed to 'ch_add_one' here, in c.c */
	return ret;
}
