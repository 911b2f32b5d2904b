// A unit that defines the page API itself (mm/gup.c) passes one page
// array down FOLL_GET and FOLL_PIN paths chosen at run time: it is the
// implementation, not a user, and is not checked.
#include <kmodel.h>

long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages, void **vmas)
{
	return pin_user_pages_fast(start, nr_pages, gup_flags, pages);
}

static int longterm(unsigned long start, int nr, unsigned int flags,
		    struct page **pages)
{
	int i, got = get_user_pages_fast(start, nr, flags, pages);

	for (i = 0; i < got; i++)
		unpin_user_page(pages[i]);
	return got;
}

int gup_entry(unsigned long start, int nr, struct page **pages)
{
	return longterm(start, nr, 0, pages);
}
