// net/ipv4's shape (ip_cmsg_send -> ip_options_get -> copy_from_sockptr):
// a sockptr_t made by KERNEL_SOCKPTR() points to kernel memory, and the
// copy through it is a memcpy: the invalidate_lock held across it is not
// held across a user fault.  The same options from the user's
// USER_SOCKPTR() can fault.
#include <kmodel.h>
#include <qux-invalidate.h>

struct qux_opt {
	char data[40];
};

static int qux_options_get(struct qux_opt *opt, sockptr_t data, int len)
{
	return copy_from_sockptr(opt->data, data, len) ? -EFAULT : 0;
}

int qux_cmsg_send(struct qux_inode *qi, struct qux_opt *opt, void *cmsg,
		  int len)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = qux_options_get(opt, KERNEL_SOCKPTR(cmsg), len);
	up_write(&qi->invalidate_lock);
	return ret;
}

int qux_setsockopt(struct qux_inode *qi, struct qux_opt *opt,
		   void __user *optval, int len)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = qux_options_get(opt, USER_SOCKPTR(optval), len); /* expect: fault-under-lock */
	up_write(&qi->invalidate_lock);
	return ret;
}
