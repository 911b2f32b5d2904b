// A static helper returns one page of the array; the caller adds it.
#include <kmodel.h>

static struct page *nth_page_of(struct page **pv, int i)
{
	return pv[i];
}

int add_first(struct bio *bio, unsigned long uaddr)
{
	struct page *pages[2];

	if (get_user_pages_fast(uaddr, 2, 0, pages) != 2) /* expect: gup-unpinned */
		return -EFAULT;
	return bio_add_page(bio, nth_page_of(pages, 0), 4096, 0);
}
