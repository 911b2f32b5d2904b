// Direct I/O (fs/nfs/direct.c, Linux 7.3): FOLL_GET pages from the
// iterator, each handed to pagelist.c, which does the I/O with them.
#include <kmodel.h>
#include "nf_fs.h"

ssize_t nf_direct_read(struct nf_req *req, struct iov_iter *iter)
{
	struct page **pagevec;
	size_t pgbase;
	ssize_t bytes;
	int i, n;

	bytes = iov_iter_get_pages_alloc2(iter, &pagevec, 1 << 20, &pgbase); /* expect-link: gup-unpinned */
	if (bytes <= 0)
		return bytes;
	n = (bytes + pgbase + 4095) / 4096;
	for (i = 0; i < n; i++)
		nf_page_create_from_page(req, pagevec[i], 4096); /* expect-link-note: the pages are passed to 'nf_page_create_from_page' here, in pagelist.c */
	for (i = 0; i < n; i++)
		put_page(pagevec[i]);
	kvfree(pagevec);
	return bytes;
}

ssize_t nf_direct_write(struct nf_req *req, struct iov_iter *iter)
{
	struct page *pages[16];
	size_t pgbase;
	ssize_t bytes;
	int i;

	bytes = iov_iter_get_pages2(iter, pages, 16 * 4096, 16, &pgbase); /* expect-link: gup-unpinned */
	for (i = 0; bytes > 0 && i * 4096 < bytes; i++)
		nf_pgio_add_page(req, pages[i], 4096); /* expect-link-note: the pages are passed to 'nf_pgio_add_page' here */
	return bytes;
}

/* Known and explained: the link step honours the marker too. */
ssize_t nf_direct_read_known(struct nf_req *req, struct iov_iter *iter)
{
	struct page *page;
	size_t pgbase;
	ssize_t bytes;

	/* faultline: ignore gup-unpinned -- the page is a kernel bounce page here */
	bytes = iov_iter_get_pages2(iter, &page, 4096, 1, &pgbase);
	if (bytes > 0)
		nf_page_create_from_page(req, page, bytes);
	return bytes;
}

/* The plugin reports this one in its unit: the link does not repeat it. */
int nf_direct_both(struct nf_req *req, unsigned long uaddr)
{
	struct page *pages[4];
	int i, got = get_user_pages_fast(uaddr, 4, 0, pages); /* expect: gup-unpinned */

	for (i = 0; i < got; i++) {
		bio_add_page(req->bio, pages[i], 4096, 0);
		nf_pgio_add_page(req, pages[i], 4096);
	}
	return got;
}
