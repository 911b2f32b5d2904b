// A partial pin returned as an error without unpinning what was pinned.
#include <kmodel.h>

int pin_exact(struct device *dev, struct sg_table *sgt, unsigned long uaddr,
	      int n)
{
	struct page *pages[16];
	int got, ret;

	got = pin_user_pages_fast(uaddr, n, FOLL_WRITE | FOLL_LONGTERM, pages); /* expect-note: the pages are pinned here */
	if (got < 0)
		return got;
	if (got != n)
		return -EFAULT; /* expect: pin-leak */
	ret = sg_alloc_table_from_pages(sgt, pages, n, 0, n * 4096, GFP_KERNEL);
	if (ret) {
		unpin_user_pages(pages, n);
		return ret;
	}
	return dma_map_sgtable(dev, sgt, 0, 0);
}
