// 6.12 direct-io shape: a local pointer to a struct's page array is handed
// to iov_iter_extract_pages(); the pins land in the struct's array and are
// released elsewhere: no leak.  Extracting into a fresh local array and
// dropping it on an error path is still a leak.
#include <kmodel.h>

struct xdio {
	struct page *pages[64];
	int head, tail;
};

int xdio_refill(struct xdio *dio, struct iov_iter *iter)
{
	struct page **pages = dio->pages;
	size_t from;
	ssize_t ret;

	ret = iov_iter_extract_pages(iter, &pages, 1 << 20, 64, 0, &from);
	if (ret < 0)
		return ret;
	dio->head = 0;
	dio->tail = (ret + 4095) / 4096;
	return 0;
}

int xdio_refill_leaky(struct bio *bio, struct iov_iter *iter, int fail)
{
	struct page *local[64];
	struct page **pages = local;
	size_t from;
	ssize_t ret;

	ret = iov_iter_extract_pages(iter, &pages, 1 << 20, 64, 0, &from);
	if (ret <= 0)
		return ret;
	if (fail)
		return -EFAULT; /* expect: pin-leak */
	bio_add_page(bio, pages[0], 4096, 0);
	return 0;
}
