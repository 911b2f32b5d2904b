// Releases of either kind, for callers in other units.
#include <kmodel.h>
#include "pm.h"

void pm_put_all(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		put_page(pages[i]); /* expect-link: pin-mismatch */
}

void pm_unpin_all(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		unpin_user_page(pages[i]); /* expect-link: pin-mismatch */
}

void pm_put_one(struct page *page)
{
	put_page(page); /* expect: pin-mismatch */
}

/* The plugin reports the put above from this pin: the link does not
 * repeat it for pin.c's. */
int pm_pin_one(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	pm_put_one(page);
	return 0;
}
