// Pinned pages stored in a structure and released elsewhere: no leak.
#include <kmodel.h>

struct umem {
	struct page **pages;
	int npages;
};

int umem_get(struct umem *um, unsigned long addr, int n)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	int got;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(addr, n, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (got < 0) {
		kfree(pages);
		return got;
	}
	um->pages = pages;
	um->npages = got;
	return 0;
}

void umem_release(struct umem *um)
{
	unpin_user_pages_dirty_lock(um->pages, um->npages, true);
	kfree(um->pages);
}
