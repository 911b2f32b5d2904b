/* Shared by the units of this case: an inode with an I/O rwsem. */
struct ex_inode {
	struct rw_semaphore io_sem;
	struct inode vfs_inode;
};

static inline struct ex_inode *EX_I(struct inode *inode)
{
	return container_of(inode, struct ex_inode, vfs_inode);
}

extern const struct iomap_ops ex_iomap_ops;
