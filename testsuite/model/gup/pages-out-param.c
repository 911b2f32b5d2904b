// 9p over virtio: a helper takes the user pages into an array it returns
// through a struct page *** parameter, and another helper puts them into
// the scatterlist the transport DMAs from.  The same with pinned pages
// (iov_iter_extract_pages) is fine.
#include <kmodel.h>

static int pack_sg_pages(struct scatterlist *sg, struct page **pdata, int n)
{
	int i;

	for (i = 0; i < n; i++)
		sg_set_page(&sg[i], pdata[i], 4096, 0);
	return n;
}

static int get_mapped_pages(struct iov_iter *data, struct page ***pages,
			    size_t count)
{
	size_t offs;
	ssize_t n;

	n = iov_iter_get_pages_alloc2(data, pages, count, &offs); /* expect: gup-unpinned */
	return n < 0 ? -EFAULT : (int)((n + 4095) / 4096);
}

int zc_request(struct scatterlist *sg, struct iov_iter *uidata, size_t count)
{
	struct page **in_pages = NULL;
	int n = get_mapped_pages(uidata, &in_pages, count);

	if (n < 0)
		return n;
	return pack_sg_pages(sg, in_pages, n);
}

static int get_pinned_pages(struct iov_iter *data, struct page ***pages,
			    size_t count)
{
	size_t offs;
	ssize_t n;

	n = iov_iter_extract_pages(data, pages, count, 16, 0, &offs);
	return n < 0 ? -EFAULT : (int)((n + 4095) / 4096);
}

int zc_request_pinned(struct scatterlist *sg, struct iov_iter *uidata,
		      size_t count)
{
	struct page **in_pages = NULL;
	int n = get_pinned_pages(uidata, &in_pages, count);

	if (n < 0)
		return n;
	return pack_sg_pages(sg, in_pages, n);
}
