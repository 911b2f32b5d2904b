void pm_put_all(struct page **pages, int n);
void pm_unpin_all(struct page **pages, int n);
void pm_put_one(struct page *page);
