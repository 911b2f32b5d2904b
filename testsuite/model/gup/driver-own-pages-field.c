// binder's shape: a driver keeps the pages of its mapping in one array,
// pages it allocated and inserted itself; when another thread inserted
// first it looks the page up with GUP instead.  What leaves that array is
// the driver's own pages: the copy into it is no write to a user page
// that should have been pinned.  Pages only GUP ever fills (the second
// array) are still reported.
#include <kmodel.h>

struct page *alloc_page(unsigned int gfp);
void __free_page(struct page *page);

struct drv_alloc {
	struct mm_struct *mm;
	struct page **pages;
	struct page **user_pages;
};

static struct page *drv_page_lookup(struct drv_alloc *alloc, unsigned long addr)
{
	struct page *page;

	if (get_user_pages_remote(alloc->mm, addr, 1, FOLL_NOFAULT, &page, NULL) <= 0)
		return NULL;
	return page;
}

int drv_install_page(struct drv_alloc *alloc, unsigned long i,
		     unsigned long addr, bool raced)
{
	struct page *page = alloc_page(0);

	if (!page)
		return -ENOMEM;
	if (raced) {
		__free_page(page);
		page = drv_page_lookup(alloc, addr);
		if (!page)
			return -EFAULT;
	}
	alloc->pages[i] = page;
	return 0;
}

void drv_copy_into(struct drv_alloc *alloc, unsigned long i, const void *src,
		   size_t len)
{
	char *kaddr = kmap_local_page(alloc->pages[i]);

	memcpy(kaddr, src, len);
	kunmap_local(kaddr);
}

int drv_grab_user(struct drv_alloc *alloc, unsigned long i, unsigned long addr)
{
	struct page *page;

	if (get_user_pages_remote(alloc->mm, addr, 1, FOLL_WRITE, &page, NULL) <= 0) /* expect: gup-unpinned */
		return -EFAULT;
	alloc->user_pages[i] = page;
	return 0;
}

void drv_fill_user(struct drv_alloc *alloc, unsigned long i, const void *src,
		   size_t len)
{
	char *kaddr = kmap_local_page(alloc->user_pages[i]);

	memcpy(kaddr, src, len);
	kunmap_local(kaddr);
}
