// fs/smb/client's shape: a socket read copies through the message's
// iterator (&msg->msg_iter).  A message whose iterator the caller (or a
// helper of the caller) set up over a kvec is kernel memory: the
// invalidate_lock held across the read is not held across a user fault.
// The same read into the user's message is.
#include <kmodel.h>
#include <qux-invalidate.h>

static int qux_proto_recvmsg(struct msghdr *msg, const char *data, size_t len)
{
	return copy_to_iter(data, len, &msg->msg_iter) == len ? 0 : -EFAULT;
}

int qux_sock_recvmsg(struct msghdr *msg, const char *data, size_t len)
{
	return qux_proto_recvmsg(msg, data, len);
}

static void qux_msg_kvec(struct msghdr *msg, struct kvec *iov, size_t len)
{
	iov_iter_kvec(&msg->msg_iter, ITER_DEST, iov, 1, len);
}

int qux_recv_kvec(struct qux_inode *qi, struct kvec *iov, const char *data,
		  size_t len)
{
	struct msghdr smb_msg = {};
	int ret;

	down_write(&qi->invalidate_lock);
	iov_iter_kvec(&smb_msg.msg_iter, ITER_DEST, iov, 1, len);
	ret = qux_sock_recvmsg(&smb_msg, data, len);
	up_write(&qi->invalidate_lock);
	return ret;
}

int qux_recv_helper_kvec(struct qux_inode *qi, struct kvec *iov,
			 const char *data, size_t len)
{
	struct msghdr smb_msg = {};
	int ret;

	down_write(&qi->invalidate_lock);
	qux_msg_kvec(&smb_msg, iov, len);
	ret = qux_sock_recvmsg(&smb_msg, data, len);
	up_write(&qi->invalidate_lock);
	return ret;
}

int qux_recv_user(struct qux_inode *qi, struct msghdr *msg, const char *data,
		  size_t len)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = qux_sock_recvmsg(msg, data, len); /* expect: fault-under-lock */
	up_write(&qi->invalidate_lock);
	return ret;
}
