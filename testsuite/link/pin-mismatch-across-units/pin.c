// Pins released with put_page() in release.c: the pin count never drops.
#include <kmodel.h>
#include "pm.h"

int pm_pin_then_put(struct bio *bio, unsigned long uaddr)
{
	struct page *pages[4];
	int i, got;

	got = pin_user_pages_fast(uaddr, 4, FOLL_WRITE, pages); /* expect-link-note: the pages are taken here, in 'pm_pin_then_put' */
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++)
		bio_add_page(bio, pages[i], 4096, 0);
	pm_put_all(pages, got); /* expect-link-note: the pages are passed to 'pm_put_all' here, in release.c */
	return 0;
}

int pm_pin_then_put_one(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	pm_put_one(page);
	return 0;
}
