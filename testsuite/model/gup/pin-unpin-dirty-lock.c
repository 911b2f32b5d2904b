// process_vm_access style: pin, copy through the pages, unpin dirty.
#include <kmodel.h>

int rw_remote(unsigned long uaddr, int n, struct iov_iter *iter, bool write)
{
	struct page *pages[16];
	int i, got;

	got = pin_user_pages_fast(uaddr, n, write ? FOLL_WRITE : 0, pages);
	if (got <= 0)
		return -EFAULT;
	for (i = 0; i < got; i++)
		copy_page_to_iter(pages[i], 0, 4096, iter);
	unpin_user_pages_dirty_lock(pages, got, write);
	return 0;
}
