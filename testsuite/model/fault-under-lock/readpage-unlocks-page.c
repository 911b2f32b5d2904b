// Linux 5.10's generic_file_buffered_read: a page locked with
// trylock_page() or lock_page() is handed to ->readpage, which unlocks it
// (Documentation/filesystems/locking.rst), before the copy to user memory.
// The page fault path locks pages too, so a copy with the page still
// locked would deadlock; after ->readpage it does not.
#include <kmodel.h>

static vm_fault_t foo_fault(struct vm_fault *vmf)
{
	lock_page(vmf->page);
	unlock_page(vmf->page);
	return 0;
}

const struct vm_operations_struct foo_vm_ops = {
	.fault = foo_fault,
};

ssize_t foo_read_page(struct file *filp, struct page *page,
		      struct iov_iter *iter)
{
	struct address_space *mapping = file_inode(filp)->i_mapping;
	int error;

	if (!trylock_page(page))
		lock_page(page);
	/* Start the actual read.  The read will unlock the page. */
	error = mapping->a_ops->readpage(filp, page);
	if (error)
		return error;
	return copy_page_to_iter(page, 0, 4096, iter);
}

/* ->writepage unlocks the page too. */
ssize_t foo_write_then_copy(struct address_space *mapping, struct page *page,
			    struct iov_iter *iter)
{
	lock_page(page);
	mapping->a_ops->writepage(page, NULL);
	return copy_page_to_iter(page, 0, 4096, iter);
}

ssize_t foo_read_page_locked(struct page *page, struct iov_iter *iter)
{
	ssize_t ret;

	lock_page(page);
	ret = copy_page_to_iter(page, 0, 4096, iter); /* expect: fault-under-lock */
	unlock_page(page);
	return ret;
}
