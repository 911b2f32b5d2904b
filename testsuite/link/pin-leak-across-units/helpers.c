// What pin.c's pins meet in this unit: a release, a look, a store.
#include <kmodel.h>
#include "pl.h"

void pl_unpin_all(struct page **pages, int n)
{
	unpin_user_pages(pages, n);
}

int pl_count_anon(struct page **pages, int n)
{
	int i, anon = 0;

	for (i = 0; i < n; i++)
		anon += PageAnon(pages[i]);
	return anon;
}

void pl_attach(struct pl_req *req, struct page **pages, int n)
{
	req->pages = pages;
	req->npages = n;
}
