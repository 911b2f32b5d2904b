// FOLL_GET pages released with unpin_user_pages().
#include <kmodel.h>

int get_then_unpin(unsigned long uaddr)
{
	struct page *pages[4];
	int got, anon = 0;

	got = get_user_pages_fast(uaddr, 4, 0, pages);
	if (got <= 0)
		return got;
	anon = PageAnon(pages[0]);
	unpin_user_pages(pages, got); /* expect: pin-mismatch */
	return anon;
}
