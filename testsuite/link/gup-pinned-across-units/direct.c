// Pinned pages (iov_iter_extract_pages, pin_user_pages_fast) handed to
// another unit's I/O: what the pins are for, silent.
#include <kmodel.h>
#include "pp_fs.h"

ssize_t pp_direct_read(struct pp_req *req, struct iov_iter *iter)
{
	struct page **pagevec = NULL;
	size_t pgbase;
	ssize_t bytes;
	int i, n;

	bytes = iov_iter_extract_pages(iter, &pagevec, 1 << 20, 256, 0, &pgbase);
	if (bytes <= 0)
		return bytes;
	n = (bytes + pgbase + 4095) / 4096;
	for (i = 0; i < n; i++)
		pp_page_create_from_page(req, pagevec[i], 4096);
	unpin_user_pages(pagevec, n);
	kvfree(pagevec);
	return bytes;
}

int pp_direct_write(struct pp_req *req, unsigned long uaddr)
{
	struct page *pages[16];
	int i, got;

	got = pin_user_pages_fast(uaddr, 16, 0, pages);
	for (i = 0; i < got; i++)
		pp_pgio_add_page(req, pages[i], 4096);
	if (got > 0)
		pp_release(pages, got);
	return got;
}
