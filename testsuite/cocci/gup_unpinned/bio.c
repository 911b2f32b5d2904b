// gup_unpinned.cocci: get_user_pages_fast() pages added to a bio are
// converted to pin_user_pages_fast() and their put_page() releases to
// unpin_user_page(); pages only looked at stay as they are.
#include <kmodel.h>

int gb_read(struct bio *bio, unsigned long addr, int nr)
{
	struct page *pages[16];
	int got, i;

	got = get_user_pages_fast(addr, nr, FOLL_WRITE, pages); /* expect-cocci: gup-unpinned */
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++)
		bio_add_page(bio, pages[i], 4096, 0);
	return 0;
}

void gb_release(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		put_page(pages[i]);
}

int gb_count_anon(unsigned long addr, int nr)
{
	struct page *pages[16];
	int got, i, anon = 0;

	got = get_user_pages_fast(addr, nr, 0, pages);
	for (i = 0; i < got; i++) {
		anon += PageAnon(pages[i]);
		put_page(pages[i]);
	}
	return anon;
}

/* DMA from one page, released in the same function: both ends convert. */
int gb_dma_once(struct scatterlist *sg, unsigned long addr)
{
	struct page *pages[1];
	int got;

	got = get_user_pages_fast(addr, 1, FOLL_WRITE, pages); /* expect-cocci: gup-unpinned */
	if (got != 1)
		return -EFAULT;
	sg_set_page(sg, pages[0], 4096, 0);
	put_page(pages[0]);
	return 0;
}
