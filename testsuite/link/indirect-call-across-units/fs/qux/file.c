// A filesystem that holds its invalidate_lock across network requests
// (fs/smb/client's shape): a reset copies kernel memory, no user fault;
// a datagram of the user's message, or the generic getfrag passed
// directly, can fault on a mapping of this filesystem; the same through
// a unit whose devirtualized call is to another unit's function.
#include <kmodel.h>
#include <qux-invalidate.h>
#include "../../ic_net.h"

static int qux_glue(void *from, char *to, int offset, int len)
{
	memcpy(to + offset, from, len);
	return 0;
}

int qux_reset(struct qux_inode *qi, void *payload, char *buf)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = ic_send_reset(payload, buf);
	ret |= ic_append(qux_glue, payload, buf, 16);
	ret |= ic6_send_reply(payload, buf);
	up_write(&qi->invalidate_lock);
	return ret;
}

int qux_send(struct qux_inode *qi, struct msghdr *msg, char *buf)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = ic_udp_sendmsg(msg, buf); /* expect-link: fault-under-lock */
	up_write(&qi->invalidate_lock);
	return ret;
}

int qux_append_user(struct qux_inode *qi, struct msghdr *msg, char *buf)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = ic_append(ic_generic_getfrag, msg, buf, 16); /* expect-link: fault-under-lock */
	up_write(&qi->invalidate_lock);
	return ret;
}

int qux_append6_user(struct qux_inode *qi, struct msghdr *msg, char *buf)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = ic6_append(ic_generic_getfrag, msg, buf, 16); /* expect-link: fault-under-lock */
	up_write(&qi->invalidate_lock);
	return ret;
}

/* Both of ic6_append_zc's ways to fault are through the kvec set up here. */
int qux_append6_kvec(struct qux_inode *qi, struct kvec *iov, char *buf)
{
	struct msghdr msg = {};
	int ret;

	down_write(&qi->invalidate_lock);
	iov_iter_kvec(&msg.msg_iter, ITER_SOURCE, iov, 1, 16);
	ret = ic6_append_zc(ic_generic_getfrag, &msg, buf, 16);
	up_write(&qi->invalidate_lock);
	return ret;
}
