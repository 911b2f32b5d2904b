// A driver that maps pages it allocated into the user's mapping itself
// (vm_insert_page) and, when another thread got there first, looks the
// installed page up again at the same address with FOLL_GET (binder's
// -EBUSY path): that page is the driver's own, not user memory, so
// writing it needs no pin.  A GUP at an address the driver never mapped
// is still user memory and still reported, as is a lookup with callers
// the unit cannot see.
#include <kmodel.h>

struct drv_alloc {
	struct mm_struct *mm;
	struct page **pages;
};

static int drv_page_insert(struct drv_alloc *alloc, unsigned long addr,
			   struct page *page)
{
	struct vm_area_struct *vma = vma_lookup(alloc->mm, addr);

	if (!vma)
		return -ESRCH;
	return vm_insert_page(vma, addr, page);
}

static struct page *drv_page_lookup(struct drv_alloc *alloc,
				    unsigned long addr)
{
	struct page *page;
	long npages;

	mmap_read_lock(alloc->mm);
	npages = get_user_pages_remote(alloc->mm, addr, 1, FOLL_NOFAULT, &page,
				       NULL);
	mmap_read_unlock(alloc->mm);
	return npages > 0 ? page : NULL;
}

int drv_install_page(struct drv_alloc *alloc, int index, unsigned long addr)
{
	struct page *page = alloc_page(0);
	char *kaddr;
	int ret;

	if (!page)
		return -ENOMEM;
	ret = drv_page_insert(alloc, addr, page);
	if (ret == -EBUSY) {
		__free_page(page);
		page = drv_page_lookup(alloc, addr);
		if (!page)
			return -ESRCH;
		ret = 0;
	}
	kaddr = kmap_local_page(page);
	memset(kaddr, 0, 4096);
	kunmap_local(kaddr);
	alloc->pages[index] = page;
	return ret;
}

/* The same lookup, at an address this unit maps nothing at. */
static struct page *drv_peek(struct drv_alloc *alloc, unsigned long addr)
{
	struct page *page;

	if (get_user_pages_remote(alloc->mm, addr, 1, 0, &page, NULL) <= 0) /* expect: gup-unpinned */
		return NULL;
	return page;
}

int drv_poke(struct drv_alloc *alloc, unsigned long uaddr)
{
	struct page *page = drv_peek(alloc, uaddr);
	char *kaddr;

	if (!page)
		return -EFAULT;
	kaddr = kmap_local_page(page);
	memset(kaddr, 0, 4096);
	kunmap_local(kaddr);
	put_page(page);
	return 0;
}

/* Exported: callers elsewhere may pass any address. */
struct page *drv_lookup_any(struct drv_alloc *alloc, unsigned long addr)
{
	struct page *page;
	char *kaddr;

	if (get_user_pages_remote(alloc->mm, addr, 1, 0, &page, NULL) <= 0) /* expect: gup-unpinned */
		return NULL;
	kaddr = kmap_local_page(page);
	memset(kaddr, 0, 4096);
	kunmap_local(kaddr);
	return page;
}
