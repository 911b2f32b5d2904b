// Under the page lock, the header comes from the page itself (an iterator
// over kernel memory) and the rest from the caller's iterator: the helper
// in io.c faults through its second parameter, whatever its first is.
// With both iterators over kernel memory it cannot fault.
#include <kmodel.h>
#include "tf_fs.h"

int tf_write_page(struct page *page, void *buf, size_t len,
		  struct iov_iter *from)
{
	struct bio_vec bv = { .bv_page = page, .bv_len = len };
	struct iov_iter head;
	ssize_t n;

	lock_page(page);
	iov_iter_bvec(&head, ITER_SOURCE, &bv, 1, len);
	n = tf_copy_two(buf, len, &head, from); /* expect-link: fault-under-lock */
	unlock_page(page);
	return n == (ssize_t)len ? 0 : -EFAULT;
}

int tf_launder_page(struct page *page, struct page *spare, void *buf,
		    size_t len)
{
	struct bio_vec bv = { .bv_page = page, .bv_len = len };
	struct bio_vec sv = { .bv_page = spare, .bv_len = len };
	struct iov_iter head, tail;
	ssize_t n;

	lock_page(page);
	iov_iter_bvec(&head, ITER_SOURCE, &bv, 1, len);
	iov_iter_bvec(&tail, ITER_SOURCE, &sv, 1, len);
	n = tf_copy_two(buf, len, &head, &tail);
	unlock_page(page);
	return n == (ssize_t)len ? 0 : -EFAULT;
}
