// A cluster lock whose mode is an argument, taken shared (ex = 0) by the
// fault path: a path holding it shared across a user copy does not
// conflict with it; one holding it exclusively does; one whose mode the
// unit does not fix (a level variable) is not reported.
#include <kmodel.h>

struct buffer_head;
int ocfs2_inode_lock_full_nested(struct inode *inode,
				 struct buffer_head **ret_bh, int ex,
				 int arg_flags, int subclass);
void ocfs2_inode_unlock(struct inode *inode, int ex);
#define ocfs2_inode_lock(i, b, e) ocfs2_inode_lock_full_nested(i, b, e, 0, 0)

static vm_fault_t clu_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	vm_fault_t ret;

	if (ocfs2_inode_lock(inode, NULL, 0) < 0)
		return VM_FAULT_SIGBUS;
	ret = filemap_fault(vmf);
	ocfs2_inode_unlock(inode, 0);
	return ret;
}

static const struct vm_operations_struct clu_vm_ops = {
	.fault = clu_fault,
};

const void *clu_vm_ops_p = &clu_vm_ops;

long clu_read_attr(struct inode *inode, void *ubuf, const void *attr)
{
	long ret;

	if (ocfs2_inode_lock(inode, NULL, 0) < 0)
		return -EIO;
	ret = copy_to_user(ubuf, attr, 64);
	ocfs2_inode_unlock(inode, 0);
	return ret;
}

long clu_write_attr(struct inode *inode, void *attr, const void *ubuf)
{
	long ret;

	if (ocfs2_inode_lock(inode, NULL, 1) < 0)
		return -EIO;
	ret = copy_from_user(attr, ubuf, 64); /* expect: fault-under-lock */
	ocfs2_inode_unlock(inode, 1);
	return ret;
}

long clu_attr_at_level(struct inode *inode, void *ubuf, const void *attr,
		       int level)
{
	long ret;

	if (ocfs2_inode_lock(inode, NULL, level) < 0)
		return -EIO;
	ret = copy_to_user(ubuf, attr, 64);
	ocfs2_inode_unlock(inode, level);
	return ret;
}
