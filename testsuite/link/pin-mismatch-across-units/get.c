// FOLL_GET references dropped with unpin_user_page() in release.c.
#include <kmodel.h>
#include "pm.h"

int pm_get_then_unpin(unsigned long uaddr)
{
	struct page *pages[4];
	int i, got, dirty = 0;

	got = get_user_pages_fast(uaddr, 4, 0, pages); /* expect-link-note: the pages are taken here, in 'pm_get_then_unpin' */
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++)
		dirty += PageAnon(pages[i]);
	pm_unpin_all(pages, got);
	return dirty;
}
