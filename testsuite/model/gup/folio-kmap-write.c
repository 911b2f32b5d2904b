// Linux 7.x __access_remote_vm(): a FOLL_GET page becomes a folio, is
// mapped with kmap_local_folio() and written by the CPU.  The folio is the
// page's memory, so the write races with writeback like the kmap_local_page
// twin.  Reading through the mapping only, or a pinned page, is fine.
#include <kmodel.h>

int access_remote(struct mm_struct *mm, unsigned long addr, void *buf,
		  int len, unsigned int gup_flags)
{
	int write = gup_flags & FOLL_WRITE;
	struct vm_area_struct *vma = NULL;
	struct page *page = get_user_page_vma_remote(mm, addr, gup_flags, &vma);
	struct folio *folio;
	int offset = addr & (PAGE_SIZE - 1);
	void *maddr;

	if (IS_ERR(page))
		return 0;
	folio = page_folio(page);
	maddr = kmap_local_folio(folio, 0);
	if (write) {
		/* The warning is on the getter inside kmodel.h's inline. */
		copy_to_user_page(vma, page, addr, maddr + offset, buf, len); /* expect-note: the page data is written through 'kmap_local_folio' here */
		folio_mark_dirty_lock(folio);
	} else {
		copy_from_user_page(vma, page, addr, buf, maddr + offset, len);
	}
	folio_release_kmap(folio, maddr);
	return len;
}

int poke_remote(struct mm_struct *mm, unsigned long addr)
{
	struct page *page;
	int *p;

	if (get_user_pages_remote(mm, addr, 1, FOLL_WRITE, &page, NULL) != 1) /* expect: gup-unpinned */
		return -EFAULT;
	p = kmap_local_folio(page_folio(page), 0);
	p[3] = 42; /* expect-note: the page data is written through 'kmap_local_folio' here */
	kunmap_local(p);
	folio_put(page_folio(page));
	return 0;
}

int peek_remote(struct mm_struct *mm, unsigned long addr, void *buf, int len)
{
	struct page *page;
	struct folio *folio;
	void *maddr;

	if (get_user_pages_remote(mm, addr, 1, 0, &page, NULL) != 1)
		return -EFAULT;
	folio = page_folio(page);
	maddr = kmap_local_folio(folio, 0);
	memcpy(buf, maddr, len);
	folio_release_kmap(folio, maddr);
	return len;
}

int write_remote_pinned(struct mm_struct *mm, unsigned long addr,
			const void *buf, int len)
{
	struct page *page;
	struct folio *folio;
	void *maddr;

	if (pin_user_pages_remote(mm, addr, 1, FOLL_WRITE, &page, NULL) != 1)
		return -EFAULT;
	folio = page_folio(page);
	maddr = kmap_local_folio(folio, 0);
	memcpy(maddr, buf, len);
	kunmap_local(maddr);
	folio_mark_dirty_lock(folio);
	unpin_folio(folio);
	return len;
}
