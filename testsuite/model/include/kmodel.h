/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small model of the kernel APIs the test cases use, written from the
 * documented interfaces.  Wrappers are static inlines as in the kernel, so
 * the plugin sees the same call shapes it sees on a real tree.
 */
#ifndef KMODEL_H
#define KMODEL_H

#include <stddef.h>
#include <stdbool.h>

#define __user
#define EFAULT 14
#define ESRCH 3
#define EBUSY 16
#define EAGAIN 11
#define EINTR 4
#define ENOMEM 12
#define EINVAL 22
#define EIO 5
#define unlikely(x) __builtin_expect(!!(x), 0)
#define likely(x) __builtin_expect(!!(x), 1)
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

typedef long long loff_t;
typedef unsigned int vm_fault_t;
typedef long ssize_t;

struct mutex { int owner; };
struct rw_semaphore { int count; };
struct raw_spinlock { int raw; };
typedef struct spinlock { struct raw_spinlock rlock; } spinlock_t;

void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
void down_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
int down_write_killable(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void _raw_spin_lock(struct raw_spinlock *lock);
void _raw_spin_unlock(struct raw_spinlock *lock);
static inline void spin_lock(spinlock_t *lock) { _raw_spin_lock(&lock->rlock); }
static inline void spin_unlock(spinlock_t *lock) { _raw_spin_unlock(&lock->rlock); }

struct page {
	unsigned long flags;
	unsigned long compound_info; /* a tail page: its head + 1 */
};
struct folio {
	union {
		struct {
			unsigned long flags;
			struct address_space *mapping;
		};
		struct page page;
	};
};
void lock_page(struct page *page);
int trylock_page(struct page *page);
void unlock_page(struct page *page);

struct address_space {
	struct inode *host;
	struct rw_semaphore invalidate_lock;
	const struct address_space_operations *a_ops;
};

struct inode {
	struct rw_semaphore i_rwsem;
	unsigned int i_flags;
	loff_t i_size;
	struct address_space *i_mapping;
	struct super_block *i_sb;
};

static inline void inode_lock(struct inode *inode) { down_write(&inode->i_rwsem); }
static inline void inode_unlock(struct inode *inode) { up_write(&inode->i_rwsem); }
static inline void inode_lock_shared(struct inode *inode) { down_read(&inode->i_rwsem); }
static inline void inode_unlock_shared(struct inode *inode) { up_read(&inode->i_rwsem); }
static inline int inode_trylock(struct inode *inode)
{
	return down_write_trylock(&inode->i_rwsem);
}
static inline void filemap_invalidate_lock_shared(struct address_space *mapping)
{
	down_read(&mapping->invalidate_lock);
}
static inline void filemap_invalidate_unlock_shared(struct address_space *mapping)
{
	up_read(&mapping->invalidate_lock);
}

struct file {
	struct address_space *f_mapping;
	struct inode *f_inode;
};

static inline struct inode *file_inode(const struct file *f) { return f->f_inode; }

#define IOCB_DIRECT (1 << 17)
struct kiocb {
	struct file *ki_filp;
	loff_t ki_pos;
	int ki_flags;
};

struct iov_iter {
	unsigned char iter_type;
	bool nofault;
	size_t count;
};

static inline size_t iov_iter_count(const struct iov_iter *i) { return i->count; }
size_t fault_in_iov_iter_readable(const struct iov_iter *i, size_t bytes);
size_t fault_in_iov_iter_writeable(const struct iov_iter *i, size_t bytes);
#define READ 0
#define WRITE 1
int iov_iter_rw(const struct iov_iter *i);
size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i);
size_t copy_page_from_iter_atomic(struct page *page, unsigned offset,
				  size_t bytes, struct iov_iter *i);
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t _copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
static inline bool copy_from_iter_full(void *addr, size_t bytes,
				       struct iov_iter *i)
{
	return _copy_from_iter(addr, bytes, i) == bytes;
}
struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};
struct kvec {
	void *iov_base;
	size_t iov_len;
};
#define ITER_SOURCE 1
#define ITER_DEST 0
void iov_iter_bvec(struct iov_iter *i, unsigned int direction,
		   const struct bio_vec *bvec, unsigned long nr_segs,
		   size_t count);
void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs,
		   size_t count);

/* As socket.h: the iterator is a field of the message. */
struct msghdr {
	void *msg_name;
	int msg_namelen;
	struct iov_iter msg_iter;
	unsigned int msg_flags;
};

/* As indirect_call_wrapper.h with retpolines: p(...) devirtualized. */
#define INDIRECT_CALL_1(f, f1, ...)                                            \
	({ likely(f == f1) ? f1(__VA_ARGS__) : f(__VA_ARGS__); })

struct mm_struct { struct rw_semaphore mmap_lock; };
static inline void mmap_read_lock(struct mm_struct *mm) { down_read(&mm->mmap_lock); }
static inline void mmap_read_unlock(struct mm_struct *mm) { up_read(&mm->mmap_lock); }
static inline void mmap_write_lock(struct mm_struct *mm) { down_write(&mm->mmap_lock); }
static inline void mmap_write_unlock(struct mm_struct *mm) { up_write(&mm->mmap_lock); }

struct task_struct {
	struct mm_struct *mm;
	struct address_space *faults_disabled_mapping;
};
struct task_struct *get_current(void);
#define current get_current()

void pagefault_disable(void);
void pagefault_enable(void);

/* uaccess, shaped like the kernel's inline wrappers */
void __might_fault(const char *file, int line);
static inline void might_fault(void) { }
unsigned long _copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long _copy_from_user(void *to, const void __user *from, unsigned long n);
static inline unsigned long copy_to_user(void __user *to, const void *from,
					 unsigned long n)
{
	might_fault();
	return _copy_to_user(to, from, n);
}
static inline unsigned long copy_from_user(void *to, const void __user *from,
					   unsigned long n)
{
	might_fault();
	return _copy_from_user(to, from, n);
}
long copy_to_user_nofault(void __user *dst, const void *src, size_t size);

/* As sockptr.h: a pointer to user or kernel memory. */
typedef struct {
	union {
		void *kernel;
		void __user *user;
	};
	bool is_kernel : 1;
} sockptr_t;
static inline bool sockptr_is_kernel(sockptr_t sockptr)
{
	return sockptr.is_kernel;
}
static inline sockptr_t KERNEL_SOCKPTR(void *p)
{
	return (sockptr_t){.kernel = p, .is_kernel = true};
}
static inline sockptr_t USER_SOCKPTR(void __user *p)
{
	return (sockptr_t){.user = p};
}
void *memcpy(void *dst, const void *src, size_t n);
static inline int copy_from_sockptr_offset(void *dst, sockptr_t src,
					   size_t offset, size_t size)
{
	if (!sockptr_is_kernel(src))
		return copy_from_user(dst, src.user + offset, size);
	memcpy(dst, src.kernel + offset, size);
	return 0;
}
static inline int copy_from_sockptr(void *dst, sockptr_t src, size_t size)
{
	return copy_from_sockptr_offset(dst, src, 0, size);
}
unsigned long __copy_to_user_inatomic(void __user *to, const void *from,
				      unsigned long n);

/* get_user_pages */
#define FOLL_WRITE 0x01
#define FOLL_NOFAULT 0x80000
int get_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags,
			struct page **pages);
long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages, void **vmas);

/* mm faults */
struct vm_area_struct {
	struct file *vm_file;
	struct mm_struct *vm_mm;
	const struct vm_operations_struct *vm_ops;
};
struct vm_fault {
	struct vm_area_struct *vma;
	struct page *page;
	unsigned long address;
};
struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	vm_fault_t (*fault)(struct vm_fault *vmf);
	vm_fault_t (*huge_fault)(struct vm_fault *vmf, unsigned int order);
	vm_fault_t (*map_pages)(struct vm_fault *vmf, unsigned long start,
				unsigned long end);
	vm_fault_t (*page_mkwrite)(struct vm_fault *vmf);
	vm_fault_t (*pfn_mkwrite)(struct vm_fault *vmf);
};
vm_fault_t filemap_fault(struct vm_fault *vmf);
int generic_file_mmap(struct file *file, struct vm_area_struct *vma);
vm_fault_t filemap_map_pages(struct vm_fault *vmf, unsigned long start,
			     unsigned long end);
#define VM_FAULT_SIGBUS 0x2
#define VM_FAULT_NOPAGE 0x100
#define VM_FAULT_RETRY 0x400
#define VM_FAULT_LOCKED 0x200

struct address_space_operations {
	int (*readpage)(struct file *file, struct page *page); /* before 5.19 */
	int (*read_folio)(struct file *file, struct folio *folio);
	void (*readahead)(void *rac);
	int (*writepage)(struct page *page, void *wbc);
};

/* iomap */
struct iomap_ops { int dummy; };
struct iomap_dio_ops { int dummy; };
#ifdef KMODEL_IOMAP_5_10
/* before 5.16: no partial I/O, no done_before */
ssize_t iomap_dio_rw(struct kiocb *iocb, struct iov_iter *iter,
		     const struct iomap_ops *ops, const struct iomap_dio_ops *dops,
		     bool wait_for_completion);
#else
#define IOMAP_DIO_PARTIAL (1 << 2)
ssize_t iomap_dio_rw(struct kiocb *iocb, struct iov_iter *iter,
		     const struct iomap_ops *ops, const struct iomap_dio_ops *dops,
		     unsigned int dio_flags, void *private, size_t done_before);
#endif
ssize_t iomap_file_buffered_write(struct kiocb *iocb, struct iov_iter *from,
				  const struct iomap_ops *ops);
ssize_t generic_perform_write(struct kiocb *iocb, struct iov_iter *i);
ssize_t filemap_read(struct kiocb *iocb, struct iov_iter *to, ssize_t already_read);

/* fiemap */
struct fiemap_extent_info { unsigned int fi_extents_mapped; };
int fiemap_fill_next_extent(struct fiemap_extent_info *info, unsigned long long logical,
			    unsigned long long phys, unsigned long long len,
			    unsigned int flags);

/* gfs2 glocks */
struct gfs2_glock { int gl_state; };
struct gfs2_holder {
	struct gfs2_glock *gh_gl;
	unsigned int gh_state;
};
struct gfs2_inode {
	struct inode i_inode;
	struct gfs2_glock *i_gl;
	struct rw_semaphore i_rw_mutex;
};
#define LM_ST_EXCLUSIVE 1
#define LM_ST_DEFERRED 2
#define LM_ST_SHARED 3
static inline struct gfs2_inode *GFS2_I(struct inode *inode)
{
	return container_of(inode, struct gfs2_inode, i_inode);
}
void gfs2_holder_init(struct gfs2_glock *gl, unsigned int state, unsigned short flags,
		      struct gfs2_holder *gh);
void gfs2_holder_uninit(struct gfs2_holder *gh);
int gfs2_glock_nq(struct gfs2_holder *gh);
void gfs2_glock_dq(struct gfs2_holder *gh);
void gfs2_glock_dq_uninit(struct gfs2_holder *gh);
bool gfs2_holder_queued(struct gfs2_holder *gh);
static inline int gfs2_glock_nq_init(struct gfs2_glock *gl, unsigned int state,
				     unsigned short flags, struct gfs2_holder *gh)
{
	int error;

	gfs2_holder_init(gl, state, flags, gh);
	error = gfs2_glock_nq(gh);
	if (error)
		gfs2_holder_uninit(gh);
	return error;
}

void *kmalloc(size_t size, unsigned int flags);
void kfree(const void *p);
#define GFP_KERNEL 0
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
void *kmap_local_page(struct page *page);
void kunmap_local(const void *addr);


/* DAX */
#define S_DAX (1 << 13)
#define IS_DAX(inode) ((inode)->i_flags & S_DAX)
#define FALLOC_FL_KEEP_SIZE 0x01
#define FALLOC_FL_PUNCH_HOLE 0x02
#define FALLOC_FL_COLLAPSE_RANGE 0x08
#define ATTR_SIZE (1 << 3)
#define EOPNOTSUPP 95
struct iattr {
	unsigned int ia_valid;
	loff_t ia_size;
};
struct dentry { struct inode *d_inode; };
struct inode_operations {
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
	int (*fiemap)(struct inode *inode, struct fiemap_extent_info *fieinfo,
		      unsigned long long start, unsigned long long len);
};
struct vm_area_struct;
struct file_operations {
	ssize_t (*read_iter)(struct kiocb *iocb, struct iov_iter *to);
	ssize_t (*write_iter)(struct kiocb *iocb, struct iov_iter *from);
	long (*fallocate)(struct file *file, int mode, loff_t offset, loff_t len);
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
};
void truncate_setsize(struct inode *inode, loff_t newsize);
void truncate_pagecache(struct inode *inode, loff_t new);
void truncate_pagecache_range(struct inode *inode, loff_t start, loff_t end);
struct page *dax_layout_busy_page(struct address_space *mapping);
ssize_t dax_iomap_rw(struct kiocb *iocb, struct iov_iter *iter,
		     const struct iomap_ops *ops);
int dax_truncate_page(struct inode *inode, loff_t pos, bool *did_zero,
		      const struct iomap_ops *ops);
void inode_dio_wait(struct inode *inode);
static inline void filemap_invalidate_lock(struct address_space *mapping)
{
	down_write(&mapping->invalidate_lock);
}
static inline void filemap_invalidate_unlock(struct address_space *mapping)
{
	up_write(&mapping->invalidate_lock);
}


/* user pages */
#define FOLL_LONGTERM 0x100
struct bio { int bi_vcnt; };
struct request_queue { int dummy; };
struct scatterlist { unsigned long page_link; };
struct sg_table { struct scatterlist *sgl; unsigned int nents; };
struct device { int dummy; };
int bio_add_page(struct bio *bio, struct page *page, unsigned int len,
		 unsigned int off);
int pin_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages);
ssize_t iov_iter_get_pages2(struct iov_iter *i, struct page **pages,
			    size_t maxsize, unsigned maxpages, size_t *start);
ssize_t iov_iter_get_pages_alloc2(struct iov_iter *i, struct page ***pages,
				  size_t maxsize, size_t *start);
/* As uio.h: whether the iterator is over a kvec (kernel memory). */
static inline bool iov_iter_is_kvec(const struct iov_iter *i)
{
	return i->iter_type == 1;
}
ssize_t iov_iter_extract_pages(struct iov_iter *i, struct page ***pages,
			       size_t maxsize, unsigned maxpages,
			       unsigned int extraction_flags, size_t *offset0);
void put_page(struct page *page);
void release_pages(struct page **pages, int nr);
void unpin_user_page(struct page *page);
void unpin_user_pages(struct page **pages, unsigned long npages);
void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
				 bool make_dirty);
int set_page_dirty_lock(struct page *page);
void sg_set_page(struct scatterlist *sg, struct page *page, unsigned int len,
		 unsigned int offset);
int sg_alloc_table_from_pages(struct sg_table *sgt, struct page **pages,
			      unsigned int n_pages, unsigned int offset,
			      unsigned long size, unsigned int gfp_mask);
int dma_map_sgtable(struct device *dev, struct sg_table *sgt, int dir,
		    unsigned long attrs);
void *kcalloc(size_t n, size_t size, unsigned int flags);
void kvfree(const void *addr);
long get_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, int *locked);
long pin_user_pages_remote(struct mm_struct *mm, unsigned long start,
			   unsigned long nr_pages, unsigned int gup_flags,
			   struct page **pages, int *locked);
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr,
		   struct page *page);
struct page *alloc_page(unsigned int gfp);
void __free_page(struct page *page);
static inline void *ERR_PTR(long error) { return (void *)error; }
static inline bool IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-4095;
}
static inline struct page *get_user_page_vma_remote(struct mm_struct *mm,
						    unsigned long addr,
						    int gup_flags,
						    struct vm_area_struct **vmap)
{
	struct page *page;
	struct vm_area_struct *vma;
	long got;

	got = get_user_pages_remote(mm, addr, 1, gup_flags, &page, NULL);
	if (got < 0)
		return ERR_PTR(got);
	vma = vma_lookup(mm, addr);
	if (!vma) {
		put_page(page);
		return ERR_PTR(-EINVAL);
	}
	*vmap = vma;
	return page;
}

/* folios (include/linux/page-flags.h, mm.h, highmem.h, bio.h, bvec.h) */
#define PAGE_SIZE 4096UL
static inline unsigned long _compound_head(const struct page *page)
{
	unsigned long info = page->compound_info;

	if (info & 1)
		return info - 1;
	return (unsigned long)page;
}
#define compound_head(page) ((typeof(page))_compound_head(page))
#define page_folio(p) (_Generic((p),					\
	const struct page *:	(const struct folio *)_compound_head(p), \
	struct page *:		(struct folio *)_compound_head(p)))

/* As page-flags.h: it looks at the folio of the page, and keeps nothing. */
static inline bool PageAnon(struct page *page)
{
	return ((unsigned long)page_folio(page)->mapping & 1) != 0;
}
#define folio_page(folio, n) (&(folio)->page + (n))
void *page_address(const struct page *page);
static inline void *folio_address(const struct folio *folio)
{
	return page_address(&folio->page);
}
static inline void *kmap_local_folio(const struct folio *folio, size_t offset)
{
	return folio_address(folio) + offset;
}
bool folio_put_testzero(struct folio *folio);
void __folio_put(struct folio *folio);
static inline void folio_put(struct folio *folio)
{
	if (folio_put_testzero(folio))
		__folio_put(folio);
}
static inline void folio_release_kmap(struct folio *folio, void *addr)
{
	kunmap_local(addr);
	folio_put(folio);
}
void unpin_folio(struct folio *folio);
struct address_space *folio_mapping(struct folio *folio);
bool folio_mark_dirty_lock(struct folio *folio);
void flush_icache_user_page(struct vm_area_struct *vma, struct page *page,
			    unsigned long addr, int len);
#define copy_to_user_page(vma, page, vaddr, dst, src, len)		\
	do {								\
		memcpy(dst, src, len);					\
		flush_icache_user_page(vma, page, vaddr, len);		\
	} while (0)
#define copy_from_user_page(vma, page, vaddr, dst, src, len)		\
	memcpy(dst, src, len)
bool bio_add_folio(struct bio *bio, struct folio *folio, size_t len,
		   size_t off);
void bio_add_folio_nofail(struct bio *bio, struct folio *folio, size_t len,
			  size_t off);
static inline void bvec_set_page(struct bio_vec *bv, struct page *page,
				 unsigned int len, unsigned int offset)
{
	bv->bv_page = page;
	bv->bv_len = len;
	bv->bv_offset = offset;
}
static inline void bvec_set_folio(struct bio_vec *bv, struct folio *folio,
				  size_t len, size_t offset)
{
	unsigned long nr = offset / PAGE_SIZE;

	bvec_set_page(bv, folio_page(folio, nr), len, offset % PAGE_SIZE);
}

/* skb page fragments (include/linux/skbuff.h, netmem.h as of 7.x) */
#define MAX_SKB_FRAGS 17
typedef unsigned long netmem_ref;
typedef struct skb_frag {
	netmem_ref netmem;
	unsigned int len;
	unsigned int offset;
} skb_frag_t;
struct skb_shared_info {
	unsigned char nr_frags;
	skb_frag_t frags[MAX_SKB_FRAGS];
};
struct sk_buff {
	unsigned int len, data_len, truesize;
	struct skb_shared_info *shinfo;
};
#define skb_shinfo(skb) ((skb)->shinfo)
static inline netmem_ref page_to_netmem(struct page *page)
{
	return (netmem_ref)page;
}
static inline void skb_frag_fill_netmem_desc(skb_frag_t *frag,
					     netmem_ref netmem, int off,
					     int size)
{
	frag->netmem = netmem;
	frag->offset = off;
	frag->len = size;
}
static inline void skb_frag_fill_page_desc(skb_frag_t *frag,
					   struct page *page, int off,
					   int size)
{
	skb_frag_fill_netmem_desc(frag, page_to_netmem(page), off, size);
}
static inline void __skb_fill_page_desc_noacc(struct skb_shared_info *shinfo,
					      int i, struct page *page,
					      int off, int size)
{
	skb_frag_fill_page_desc(&shinfo->frags[i], page, off, size);
}
static inline void skb_fill_page_desc_noacc(struct sk_buff *skb, int i,
					    struct page *page, int off,
					    int size)
{
	__skb_fill_page_desc_noacc(skb_shinfo(skb), i, page, off, size);
	skb_shinfo(skb)->nr_frags = i + 1;
}
static inline void skb_fill_page_desc(struct sk_buff *skb, int i,
				      struct page *page, int off, int size)
{
	skb_fill_page_desc_noacc(skb, i, page, off, size);
}
void skb_add_rx_frag(struct sk_buff *skb, int i, struct page *page, int off,
		     int size, unsigned int truesize);

#endif
