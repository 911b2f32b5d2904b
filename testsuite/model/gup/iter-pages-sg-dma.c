// iov_iter_get_pages2() pages turned into a scatterlist for DMA.
#include <kmodel.h>

int map_user_iter(struct device *dev, struct sg_table *sgt, struct iov_iter *iter)
{
	struct page *pages[8];
	size_t off;
	ssize_t got;
	int ret;

	got = iov_iter_get_pages2(iter, pages, 8 * 4096, 8, &off); /* expect: gup-unpinned */
	if (got <= 0)
		return got;
	ret = sg_alloc_table_from_pages(sgt, pages, 8, off, got, GFP_KERNEL);
	if (ret)
		return ret;
	return dma_map_sgtable(dev, sgt, 0, 0);
}
