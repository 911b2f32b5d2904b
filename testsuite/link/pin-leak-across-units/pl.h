struct pl_req {
	struct page **pages;
	int npages;
};

void pl_unpin_all(struct page **pages, int n);
int pl_count_anon(struct page **pages, int n);
void pl_attach(struct pl_req *req, struct page **pages, int n);
void pl_elsewhere(struct page **pages, int n); /* in no unit of the case */
