int ch_queue_pages(struct bio *bio, struct page **pages, int n);
int ch_add_one(struct bio *bio, struct page *page);
