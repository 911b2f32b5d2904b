// orangefs's launder shape: with the page locked, the data is copied
// through an iterator the function built over the page itself
// (iov_iter_bvec): kernel memory, no user fault.  The same copy from the
// caller's iterator can fault on user memory under the page lock.
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

int baz_launder_page(struct page *page, void *buf, size_t len)
{
	struct bio_vec bv = { .bv_page = page, .bv_len = len };
	struct iov_iter iter;
	size_t n;

	lock_page(page);
	iov_iter_bvec(&iter, ITER_SOURCE, &bv, 1, len);
	n = copy_from_iter(buf, len, &iter);
	unlock_page(page);
	return n == len ? 0 : -EFAULT;
}

int baz_fill_page(struct page *page, void *buf, size_t len,
		  struct iov_iter *from)
{
	size_t n;

	lock_page(page);
	n = copy_from_iter(buf, len, from); /* expect: fault-under-lock */
	unlock_page(page);
	return n == len ? 0 : -EFAULT;
}
