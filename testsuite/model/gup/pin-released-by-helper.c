// Pinned pages released by a static helper of the unit on the error path.
#include <kmodel.h>

static void drop_pins(struct page **pv, int n)
{
	unpin_user_pages(pv, n);
}

int pin_checked(struct device *dev, struct sg_table *sgt, unsigned long uaddr,
		int n)
{
	struct page *pages[8];
	int got = pin_user_pages_fast(uaddr, n, 0, pages);

	if (got <= 0)
		return got;
	if (got != n) {
		drop_pins(pages, got);
		return -EFAULT;
	}
	if (sg_alloc_table_from_pages(sgt, pages, n, 0, n * 4096, GFP_KERNEL)) {
		drop_pins(pages, n);
		return -ENOMEM;
	}
	return dma_map_sgtable(dev, sgt, 0, 0);
}
