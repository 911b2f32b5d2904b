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
