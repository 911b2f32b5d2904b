/* The network units of the case (net/core and net/ipv6's shape). */
struct ot_icmp_msg {
	struct sk_buff *skb;
	int offset;
};

int ot_zerocopy_iter_dgram(struct msghdr *msg, size_t len);
int ot_copy_iter(struct iov_iter *from, size_t len);
int ot_getfrag_msg(struct msghdr *msg, size_t len);
int ot_append_data(void *from, size_t len);
int ot_append_frag(void *from, size_t len);
int ot_icmp_send(struct sk_buff *skb, size_t len);
int ot_udp_sendmsg(struct msghdr *msg, size_t len);
