// exec's get_arg_page: the new program's mm runs no task yet, so the
// argument pages it takes with FOLL_GET and writes are no one else's:
// nothing to pin.  The same write into a live process's mm is reported.
#include <kmodel.h>

struct linux_binprm {
	struct mm_struct *mm;
	unsigned long p;
};

static struct page *get_arg_page(struct linux_binprm *bprm, unsigned long pos)
{
	struct mm_struct *mm = bprm->mm;
	struct page *page;

	if (get_user_pages_remote(mm, pos, 1, FOLL_WRITE, &page, NULL) <= 0)
		return NULL;
	return page;
}

int copy_string_kernel(struct linux_binprm *bprm, const char *arg, size_t len)
{
	struct page *page = get_arg_page(bprm, bprm->p);
	char *kaddr;

	if (!page)
		return -EFAULT;
	kaddr = kmap_local_page(page);
	memcpy(kaddr, arg, len);
	kunmap_local(kaddr);
	put_page(page);
	return 0;
}

int poke_process(struct mm_struct *mm, unsigned long addr, const char *v,
		 size_t len)
{
	struct page *page;
	char *kaddr;

	if (get_user_pages_remote(mm, addr, 1, FOLL_WRITE, &page, NULL) <= 0) /* expect: gup-unpinned */
		return -EFAULT;
	kaddr = kmap_local_page(page);
	memcpy(kaddr, v, len);
	kunmap_local(kaddr);
	put_page(page);
	return 0;
}
