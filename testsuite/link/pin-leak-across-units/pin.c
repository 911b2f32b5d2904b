// Pins handed to functions of helpers.c: released there (no leak), only
// looked at there (the caller still holds them: its leak), kept there (no
// leak); handed to a function the program does not hold: nothing is said.
#include <kmodel.h>
#include "pl.h"

int pl_pin_release(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	if (got <= 0)
		return got;
	if (got != n) {
		pl_unpin_all(pages, got);
		return -EFAULT;
	}
	pl_unpin_all(pages, n);
	return 0;
}

int pl_pin_check(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages); /* expect-link-note: the pages are pinned here */

	if (got <= 0)
		return got;
	if (pl_count_anon(pages, got)) /* expect-link-note: in helpers.c, which only looks at them */
		return -EINVAL; /* expect-link: pin-leak */
	unpin_user_pages(pages, got);
	return 0;
}

int pl_pin_keep(struct pl_req *req, unsigned long uaddr, int n)
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
	pl_attach(req, pages, got);
	return 0;
}

int pl_pin_unknown(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	if (got <= 0)
		return got;
	pl_elsewhere(pages, got);
	return 0;
}
