// A static helper that copies a header from one iterator and the rest
// from another faults under two conditions, one per parameter.  Under the
// page lock, a header from the page itself (kernel memory) with the rest
// from the caller's iterator still faults through the second; with both
// over kernel memory it cannot.  One condition per function would keep
// only the first in the source and miss the second.
#include <kmodel.h>

static vm_fault_t baz_page_mkwrite(struct vm_fault *vmf)
{
	lock_page(vmf->page);
	unlock_page(vmf->page);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct baz_vm_ops = {
	.page_mkwrite = baz_page_mkwrite,
};

static size_t baz_copy_two(void *buf, size_t len, struct iov_iter *head,
			   struct iov_iter *tail)
{
	size_t n = copy_from_iter(buf, len / 2, head);

	return n + copy_from_iter(buf + n, len - n, tail);
}

int baz_write_page(struct page *page, void *buf, size_t len,
		   struct iov_iter *from)
{
	struct bio_vec bv = { .bv_page = page, .bv_len = len };
	struct iov_iter head;
	size_t n;

	lock_page(page);
	iov_iter_bvec(&head, ITER_SOURCE, &bv, 1, len);
	n = baz_copy_two(buf, len, &head, from); /* expect: fault-under-lock */
	unlock_page(page);
	return n == len ? 0 : -EFAULT;
}

int baz_launder_page(struct page *page, struct page *spare, void *buf,
		     size_t len)
{
	struct bio_vec bv = { .bv_page = page, .bv_len = len };
	struct bio_vec sv = { .bv_page = spare, .bv_len = len };
	struct iov_iter head, tail;
	size_t n;

	lock_page(page);
	iov_iter_bvec(&head, ITER_SOURCE, &bv, 1, len);
	iov_iter_bvec(&tail, ITER_SOURCE, &sv, 1, len);
	n = baz_copy_two(buf, len, &head, &tail);
	unlock_page(page);
	return n == len ? 0 : -EFAULT;
}
