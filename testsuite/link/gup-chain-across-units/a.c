// Pages taken here go through b.c's helper to c.c's bio.
#include <kmodel.h>
#include "ch.h"

int ch_submit(struct bio *bio, unsigned long uaddr)
{
	struct page *pages[8];
	int got = get_user_pages_fast(uaddr, 8, FOLL_WRITE, pages); /* expect-link: gup-unpinned */

	if (got > 0)
		ch_queue_pages(bio, pages, got); /* expect-link-note: the pages are passed to 'ch_queue_pages' here, in b.c */
	return got;
}
