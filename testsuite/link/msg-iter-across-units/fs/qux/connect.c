// fs/smb/client's shape: a socket read into a message whose iterator the
// filesystem set up over a kvec is kernel memory, no user fault under the
// invalidate_lock; a read into the user's message can fault.
#include <kmodel.h>
#include <qux-invalidate.h>
#include "../../mi_net.h"

int qux_recv_kvec(struct qux_inode *qi, struct kvec *iov, const char *data,
		  size_t len)
{
	struct msghdr msg = {};
	int ret;

	down_write(&qi->invalidate_lock);
	iov_iter_kvec(&msg.msg_iter, ITER_DEST, iov, 1, len);
	ret = mi_udp_recvmsg(&msg, data, len);
	up_write(&qi->invalidate_lock);
	return ret;
}

int qux_recv_user(struct qux_inode *qi, struct msghdr *msg, const char *data,
		  size_t len)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = mi_udp_recvmsg(msg, data, len); /* expect-link: fault-under-lock */
	up_write(&qi->invalidate_lock);
	return ret;
}
