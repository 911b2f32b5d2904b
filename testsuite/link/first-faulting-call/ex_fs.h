/* Shared by the units of this case: an inode with an I/O rwsem. */
struct ex_inode {
	struct rw_semaphore io_sem;
	bool resident;
	unsigned long nruns;
	struct inode vfs_inode;
};

static inline struct ex_inode *EX_I(struct inode *inode)
{
	return container_of(inode, struct ex_inode, vfs_inode);
}

int ex_fill(struct ex_inode *ei, struct fiemap_extent_info *fieinfo);
int ex_fill_backwards(struct ex_inode *ei, struct fiemap_extent_info *fieinfo);
