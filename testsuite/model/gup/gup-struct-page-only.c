// FOLL_GET pages used only as struct pages (pin_user_pages.rst case 4):
// their flags are read, nothing touches their data.
#include <kmodel.h>

int count_anon(unsigned long uaddr, int n)
{
	struct page *pages[8];
	int i, got, anon = 0;

	got = get_user_pages_fast(uaddr, n, 0, pages);
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++) {
		anon += PageAnon(pages[i]);
		put_page(pages[i]);
	}
	return anon;
}
