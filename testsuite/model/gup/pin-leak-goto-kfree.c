// The error path frees the page array but never unpins the pages.
#include <kmodel.h>

int pin_and_check(unsigned long uaddr, int n)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	int got, ret = 0;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, n, 0, pages);
	if (got <= 0) {
		ret = got;
		goto out;
	}
	if (PageAnon(pages[0])) {
		ret = -EINVAL;
		goto out;
	}
	unpin_user_pages(pages, got);
	kfree(pages);
	return 0;
out:
	kfree(pages);
	return ret; /* expect: pin-leak */
}

/*
 * The same bug with the error label shared by the success path is not
 * reported: the unpin on the other path makes the pin "released on some
 * path" there, and loops that hand over every page look just the same.
 */
int pin_and_check_shared_label(unsigned long uaddr, int n)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	int got, ret = 0;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, n, 0, pages);
	if (got <= 0) {
		ret = got;
		goto out;
	}
	if (PageAnon(pages[0])) {
		ret = -EINVAL;
		goto out;
	}
	unpin_user_pages(pages, got);
out:
	kfree(pages);
	return ret;
}

/* The same leak with the two error paths in the other order. */
int pin_and_check_reordered(unsigned long uaddr, int n)
{
	struct page **pages = kcalloc(n, sizeof(*pages), GFP_KERNEL);
	int got, ret = 0;

	if (!pages)
		return -ENOMEM;
	got = pin_user_pages_fast(uaddr, n, 0, pages);
	if (got > 0 && PageAnon(pages[0])) {
		ret = -EINVAL;
		goto out;
	}
	if (got <= 0) {
		ret = got;
		goto out;
	}
	unpin_user_pages(pages, got);
	kfree(pages);
	return 0;
out:
	kfree(pages);
	return ret; /* expect: pin-leak */
}
