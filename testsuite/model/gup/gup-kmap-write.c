// FOLL_GET pages written by the CPU through kmap_local_page(): the write
// races with writeback just as DMA would.  Reading only is not reported.
#include <kmodel.h>

int fill_user_page(unsigned long uaddr, const char *src)
{
	struct page *page;
	char *addr;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1) /* expect: gup-unpinned */
		return -EFAULT;
	addr = kmap_local_page(page);
	memcpy(addr + 16, src, 32); /* expect-note: the page data is written through 'kmap_local_page' here */
	kunmap_local(addr);
	put_page(page);
	return 0;
}

int poke_user_page(unsigned long uaddr)
{
	struct page *page;
	int *p;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1) /* expect: gup-unpinned */
		return -EFAULT;
	p = kmap_local_page(page);
	p[3] = 42;
	kunmap_local(p);
	put_page(page);
	return 0;
}

int peek_user_page(unsigned long uaddr)
{
	struct page *page;
	int *p, v;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	p = kmap_local_page(page);
	v = p[3];
	kunmap_local(p);
	put_page(page);
	return v;
}

/* uprobes' reference counter: a store through a pointer into the map. */
int add_to_user_counter(struct mm_struct *mm, unsigned long vaddr, short d)
{
	struct page *page;
	void *kaddr;
	short *ptr;

	if (get_user_pages_remote(mm, vaddr, 1, FOLL_WRITE, &page, NULL) != 1) /* expect: gup-unpinned */
		return -EFAULT;
	kaddr = kmap_local_page(page);
	ptr = kaddr + (vaddr & (PAGE_SIZE - 1));
	*ptr += d; /* expect-note: the page data is written through 'kmap_local_page' here */
	kunmap_local(kaddr);
	put_page(page);
	return 0;
}
