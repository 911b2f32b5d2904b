// Pinned pages released with put_page(): the pin count never drops.
#include <kmodel.h>

int pin_then_put(struct bio *bio, unsigned long uaddr)
{
	struct page *pages[4];
	int i, got;

	got = pin_user_pages_fast(uaddr, 4, FOLL_WRITE, pages); /* expect-note: the pages are taken here */
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++)
		bio_add_page(bio, pages[i], 4096, 0);
	for (i = 0; i < got; i++)
		put_page(pages[i]); /* expect: pin-mismatch */
	return 0;
}
