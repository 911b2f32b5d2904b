// SPDX-License-Identifier: GPL-2.0
// .read_folio is on the fault path: a mutex it takes, held across
// copy_page_to_iter, deadlocks on a fault of the same file (mapped
// through the page cache with generic_file_mmap).
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pagemap.h>
#include <linux/uio.h>

struct kt_inode {
	struct mutex map_lock;
	struct inode vfs_inode;
};

static int kt_read_folio(struct file *file, struct folio *folio)
{
	struct kt_inode *ki = container_of(folio->mapping->host,
					   struct kt_inode, vfs_inode);

	mutex_lock(&ki->map_lock);
	mutex_unlock(&ki->map_lock);
	folio_unlock(folio);
	return 0;
}

const struct address_space_operations kt_aops = {
	.read_folio = kt_read_folio,
};

/* Files are mapped through the page cache, so faults reach .read_folio. */
const struct file_operations kt_fops = {
	.mmap = generic_file_mmap,
};

size_t kt_read_page(struct kt_inode *ki, struct page *page, struct iov_iter *to)
{
	size_t n;

	mutex_lock(&ki->map_lock);
	n = copy_page_to_iter(page, 0, PAGE_SIZE, to); /* expect: fault-under-lock */
	mutex_unlock(&ki->map_lock);
	return n;
}

MODULE_LICENSE("GPL");
