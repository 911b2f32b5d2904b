// The sink is in a static helper that receives the page array.
#include <kmodel.h>

static void add_all(struct bio *bio, struct page **pv, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		struct page *page = pv[i];

		bio_add_page(bio, page, 4096, 0);
	}
}

int submit_user(struct bio *bio, unsigned long uaddr)
{
	struct page *pages[4];
	int got = get_user_pages_fast(uaddr, 4, 0, pages); /* expect: gup-unpinned */

	if (got > 0)
		add_all(bio, pages, got);
	return got;
}
