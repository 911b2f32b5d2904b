// net/ipv4/ip_output.c's shape: the copy is INDIRECT_CALL_1(getfrag,
// generic_getfrag, ...), a direct call that runs only when the caller
// passed generic_getfrag.  A reset passes reply_glue_bits (kernel memory):
// the invalidate_lock held across it is not held across a user fault.  The
// caller that passes generic_getfrag, the user's message, is.
#include <kmodel.h>
#include <qux-invalidate.h>

typedef int (*getfrag_t)(void *from, char *to, int offset, int len);

static int qux_generic_getfrag(void *from, char *to, int offset, int len)
{
	struct msghdr *msg = from;

	return copy_from_iter(to + offset, len, &msg->msg_iter) == len
		       ? 0
		       : -EFAULT;
}

static int qux_reply_glue_bits(void *from, char *to, int offset, int len)
{
	memcpy(to + offset, from, len);
	return 0;
}

static int qux_append_data(getfrag_t getfrag, void *from, char *to, int len)
{
	return INDIRECT_CALL_1(getfrag, qux_generic_getfrag, from, to, 0, len);
}

int qux_append(getfrag_t getfrag, void *from, char *to, int len)
{
	return qux_append_data(getfrag, from, to, len);
}

int qux_send_reset(struct qux_inode *qi, void *payload, char *buf)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = qux_append(qux_reply_glue_bits, payload, buf, 16);
	up_write(&qi->invalidate_lock);
	return ret;
}

int qux_send_msg(struct qux_inode *qi, struct msghdr *msg, char *buf)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = qux_append(qux_generic_getfrag, msg, buf, 16); /* expect: fault-under-lock */
	up_write(&qi->invalidate_lock);
	return ret;
}
