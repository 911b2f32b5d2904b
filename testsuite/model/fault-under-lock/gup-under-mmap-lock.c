// get_user_pages() is called with mmap_lock held by contract and handles
// its own faults; that is not this bug.
#include <kmodel.h>

long pin_range(struct mm_struct *mm, unsigned long addr, struct page **pages)
{
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages(addr, 4, FOLL_WRITE, pages, NULL);
	mmap_read_unlock(mm);
	return ret;
}

long pin_range_write_locked(struct mm_struct *mm, unsigned long addr,
			    struct page **pages)
{
	long ret;

	mmap_write_lock(mm);
	ret = get_user_pages(addr, 4, FOLL_WRITE, pages, NULL);
	mmap_write_unlock(mm);
	return ret;
}
