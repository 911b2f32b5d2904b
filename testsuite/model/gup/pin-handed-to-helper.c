// Where pinned pages go decides who holds the pins: a helper of the unit
// that only looks at them leaves them pinned (the leak is the caller's); a
// helper that stores them takes them over; a function of another unit is
// for the link to judge, so the unit says nothing about it.
#include <kmodel.h>

struct pho_req {
	struct page **pages;
	int npages;
};

void pho_release_all(struct page **pages, int n); /* in another unit */

static int pho_count_anon(struct page **pages, int n)
{
	int i, anon = 0;

	for (i = 0; i < n; i++)
		anon += PageAnon(pages[i]);
	return anon;
}

static void pho_attach(struct pho_req *req, struct page **pages, int n)
{
	req->pages = pages;
	req->npages = n;
}

int pho_check(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages); /* expect-note: the pages are pinned here */

	if (got <= 0)
		return got;
	if (pho_count_anon(pages, got))
		return -EINVAL; /* expect: pin-leak */
	unpin_user_pages(pages, got);
	return 0;
}

int pho_queue(struct pho_req *req, unsigned long uaddr, int n)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	int got;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);
	if (got <= 0) {
		kfree(pages);
		return got;
	}
	pho_attach(req, pages, got);
	return 0;
}

int pho_submit(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	if (got <= 0)
		return got;
	if (got != n) {
		pho_release_all(pages, got);
		return -EFAULT;
	}
	pho_release_all(pages, n);
	return 0;
}

/*
 * As ublk's buffer registration: the helper keeps the pins by PFN
 * (page_to_pfn() is arithmetic on the vmemmap), which the page graph cannot
 * follow.  Nothing is seen to only look at the pages: they are taken over.
 */
extern struct page *pho_vmemmap;

struct pho_tree {
	unsigned long pfn[8];
};

static void pho_record_pfns(struct pho_tree *t, struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		t->pfn[i] = (unsigned long)(pages[i] - pho_vmemmap);
}

int pho_register(struct pho_tree *t, unsigned long uaddr, int n)
{
	struct page *pages[8];
	int got = pin_user_pages_fast(uaddr, n, FOLL_WRITE | FOLL_LONGTERM, pages);

	if (got <= 0)
		return got;
	if (got != n) {
		unpin_user_pages(pages, got);
		return -EFAULT;
	}
	pho_record_pfns(t, pages, n);
	return 0;
}
