// The FOLL_PIN way: pinned pages into a bio, unpinned on the error path.
#include <kmodel.h>

int pin_map_user(struct bio *bio, unsigned long uaddr, int nr)
{
	struct page *pages[16];
	int i, got;

	got = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (got <= 0)
		return got;
	if (got < nr) {
		unpin_user_pages(pages, got);
		return -EFAULT;
	}
	for (i = 0; i < got; i++)
		bio_add_page(bio, pages[i], 4096, 0);
	return got;
}
