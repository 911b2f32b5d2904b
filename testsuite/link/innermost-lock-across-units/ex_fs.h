/* Shared by the units of this case: an inode with two locks. */
struct ex_inode {
	struct rw_semaphore alloc_sem;
	struct mutex meta_mutex;
	struct inode vfs_inode;
};

static inline struct ex_inode *EX_I(struct inode *inode)
{
	return container_of(inode, struct ex_inode, vfs_inode);
}

int ex_copy_out(void __user *dst, const void *src, unsigned long len);
