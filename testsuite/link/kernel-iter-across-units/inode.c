// orangefs's launder_folio shape across units: with the page locked, the
// page's own data goes through an iterator built over it (kernel memory)
// to the helper in io.c: no user fault.  The same helper given the
// caller's iterator under the page lock can fault on user memory.
#include <kmodel.h>
#include "ki_fs.h"

int ki_launder_page(struct page *page, void *buf, size_t len)
{
	struct bio_vec bv = { .bv_page = page, .bv_len = len };
	struct iov_iter iter;
	ssize_t n;

	lock_page(page);
	iov_iter_bvec(&iter, ITER_SOURCE, &bv, 1, len);
	n = ki_do_io(buf, len, &iter);
	unlock_page(page);
	return n == (ssize_t)len ? 0 : -EFAULT;
}

int ki_write_page(struct page *page, void *buf, size_t len,
		  struct iov_iter *from)
{
	ssize_t n;

	lock_page(page);
	n = ki_do_io(buf, len, from); /* expect-link: fault-under-lock */
	unlock_page(page);
	return n == (ssize_t)len ? 0 : -EFAULT;
}
