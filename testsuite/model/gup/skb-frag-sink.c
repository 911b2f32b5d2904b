// FOLL_GET pages put into an skb's page fragments are sent or received by
// the network device: zerocopy datagrams (net/core/datagram.c) fill the
// fragments with the compound head of each user page.  Pinned pages and
// the driver's own pages in fragments are fine.
#include <kmodel.h>

int zerocopy_fill_frags(struct sk_buff *skb, struct iov_iter *from,
			size_t length)
{
	int frag = skb_shinfo(skb)->nr_frags;
	struct page *pages[MAX_SKB_FRAGS];
	struct page *head;
	size_t start;
	ssize_t copied;
	int n = 0;

	copied = iov_iter_get_pages2(from, pages, length, MAX_SKB_FRAGS - frag, &start); /* expect: gup-unpinned */
	if (copied < 0)
		return -EFAULT;
	skb->data_len += copied;
	skb->len += copied;
	while (copied > 0) {
		int size = copied < PAGE_SIZE - start ? copied : PAGE_SIZE - start;

		head = compound_head(pages[n]);
		skb_fill_page_desc_noacc(skb, frag++, head, start, size); /* expect-note: the pages reach 'skb_fill_page_desc_noacc' here */
		copied -= size;
		start = 0;
		n++;
	}
	return 0;
}

int send_user_page(struct sk_buff *skb, unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1) /* expect: gup-unpinned */
		return -EFAULT;
	skb_frag_fill_page_desc(&skb_shinfo(skb)->frags[0], page, 0, PAGE_SIZE); /* expect-note: the pages reach 'skb_frag_fill_page_desc' here */
	skb_shinfo(skb)->nr_frags = 1;
	return 0;
}

int send_pinned_pages(struct sk_buff *skb, struct iov_iter *from)
{
	struct page **pages = NULL;
	size_t start;
	ssize_t got;

	got = iov_iter_extract_pages(from, &pages, PAGE_SIZE, 1, 0, &start);
	if (got <= 0)
		return got;
	skb_fill_page_desc(skb, 0, pages[0], start, got);
	return 0;
}

int receive_into_own_page(struct sk_buff *skb)
{
	struct page *page = alloc_page(0);

	if (!page)
		return -ENOMEM;
	skb_add_rx_frag(skb, 0, page, 0, PAGE_SIZE, PAGE_SIZE);
	return 0;
}
