// How a user program reaches each finding (faultline-witness): by the
// system call of the ops-table member above it (rules: witness-entry),
// with O_DIRECT when the faulting call is direct I/O (rules: direct-io).
// An entry no rule maps has no witness, and says so.
#include <kmodel.h>
#include "ex_fs.h"

static ssize_t ex_direct_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct ex_inode *ei = EX_I(file_inode(iocb->ki_filp));
	ssize_t ret;

	down_read(&ei->io_sem);
	ret = iomap_dio_rw(iocb, to, &ex_iomap_ops, NULL, 0, NULL, 0); /* expect-link: fault-under-lock */ /* expect-witness: read(2) with O_DIRECT via ex_file_read_iter (file_operations::read_iter) */
	up_read(&ei->io_sem);
	return ret;
}

static ssize_t ex_file_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	if (iocb->ki_flags & IOCB_DIRECT)
		return ex_direct_read(iocb, to);
	return filemap_read(iocb, to, 0);
}

static ssize_t ex_file_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct ex_inode *ei = EX_I(file_inode(iocb->ki_filp));
	ssize_t ret;

	down_read(&ei->io_sem);
	ret = generic_perform_write(iocb, from); /* expect-link: fault-under-lock */ /* expect-witness: write(2) via ex_file_write_iter (file_operations::write_iter) */
	up_read(&ei->io_sem);
	return ret;
}

static int ex_fiemap(struct inode *inode, struct fiemap_extent_info *fieinfo,
		     unsigned long long start, unsigned long long len)
{
	struct ex_inode *ei = EX_I(inode);
	int ret;

	down_read(&ei->io_sem);
	ret = fiemap_fill_next_extent(fieinfo, 0, 0, 4096, 0); /* expect-link: fault-under-lock */ /* expect-witness: ioctl(FS_IOC_FIEMAP) via ex_fiemap (inode_operations::fiemap) */
	up_read(&ei->io_sem);
	return ret;
}

/* An ioctl's command is not known to the rules: no witness. */
static long ex_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct ex_inode *ei = EX_I(file_inode(file));
	char flags[8] = {0};
	long ret;

	down_read(&ei->io_sem);
	ret = copy_to_user((void __user *)arg, flags, sizeof(flags)) ? -EFAULT : 0; /* expect-link: fault-under-lock */ /* expect-witness: no witness: no caller of 'ex_ioctl' within 7 calls is an ops-table member a system call enters by */
	up_read(&ei->io_sem);
	return ret;
}

const struct file_operations ex_file_ops = {
	.read_iter = ex_file_read_iter,
	.write_iter = ex_file_write_iter,
	.unlocked_ioctl = ex_ioctl,
};

const struct inode_operations ex_inode_ops = {
	.fiemap = ex_fiemap,
};
