// VMCI's queue pair: FOLL_GET pages land in an array field of an anonymous
// struct inside a union (kernel_if->u.h.header_page); a second field
// points into the same array (u.h.page = &u.h.header_page[1]); the data
// pages are mapped through that one and written by copy_from_iter_full.
#include <kmodel.h>

struct q_kernel_if {
	unsigned long num_pages;
	union {
		struct {
			unsigned long *pas;
			void **vas;
		} g;
		struct {
			struct page **header_page;
			struct page **page;
		} h;
	} u;
};

struct q_queue {
	struct q_kernel_if *kernel_if;
};

void q_setup(struct q_queue *queue, struct page **array)
{
	queue->kernel_if->u.h.header_page = array;
	queue->kernel_if->u.h.page = &queue->kernel_if->u.h.header_page[1];
}

int q_get_user_memory(struct q_queue *produce_q, unsigned long uva)
{
	int got = get_user_pages_fast(uva, produce_q->kernel_if->num_pages, /* expect: gup-unpinned */
				      FOLL_WRITE,
				      produce_q->kernel_if->u.h.header_page);

	return got < 0 ? got : 0;
}

int q_memcpy_to_queue_iter(struct q_queue *queue, unsigned long index,
			   struct iov_iter *from, size_t size)
{
	struct q_kernel_if *kernel_if = queue->kernel_if;
	char *va = kmap_local_page(kernel_if->u.h.page[index]);
	bool ok = copy_from_iter_full(va, size, from);

	kunmap_local(va);
	return ok ? 0 : -EFAULT;
}
