// NFS direct I/O: each user page goes into a request (nfs_page::wb_page)
// whose data the RPC layer reads or writes.  Taken with FOLL_GET, that is
// I/O on an unpinned page.
#include <kmodel.h>

struct nfs_page {
	struct page *wb_page;
	unsigned int wb_bytes;
};

struct nfs_page *nfs_page_alloc(void);

static void assign_page(struct nfs_page *req, struct page *page)
{
	req->wb_page = page;
}

int direct_schedule(struct iov_iter *iter, struct nfs_page **reqs, size_t len)
{
	struct page **pagevec;
	size_t pgbase;
	ssize_t n;
	int i;

	n = iov_iter_get_pages_alloc2(iter, &pagevec, len, &pgbase); /* expect: gup-unpinned */
	if (n <= 0)
		return -EFAULT;
	for (i = 0; i < (n + 4095) / 4096; i++) {
		reqs[i] = nfs_page_alloc();
		assign_page(reqs[i], pagevec[i]);
	}
	return 0;
}
