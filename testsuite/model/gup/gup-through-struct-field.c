// direct-io style: pages parked in a struct, picked one at a time by a
// helper that returns them, and added to the bio far away.
#include <kmodel.h>

struct xdio {
	struct page *pages[64];
	int head, tail;
	struct page *cur_page;
	struct bio *bio;
};

static int xdio_refill(struct xdio *d, struct iov_iter *iter)
{
	size_t from;
	ssize_t ret = iov_iter_get_pages2(iter, d->pages, 1 << 20, 64, &from); /* expect: gup-unpinned */

	if (ret < 0)
		return ret;
	d->head = 0;
	d->tail = ret / 4096;
	return 0;
}

static struct page *xdio_get_page(struct xdio *d, struct iov_iter *iter)
{
	if (d->head == d->tail && xdio_refill(d, iter))
		return NULL;
	return d->pages[d->head++];
}

static void xdio_submit_section(struct xdio *d, struct page *page)
{
	d->cur_page = page;
}

static int xdio_add(struct xdio *d)
{
	return bio_add_page(d->bio, d->cur_page, 4096, 0);
}

int xdio_do_io(struct xdio *d, struct iov_iter *iter)
{
	struct page *page = xdio_get_page(d, iter);

	if (!page)
		return -EFAULT;
	xdio_submit_section(d, page);
	return xdio_add(d);
}
