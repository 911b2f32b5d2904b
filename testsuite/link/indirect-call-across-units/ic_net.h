/* The network units of the case (net/ipv4's shape). */
typedef int (*getfrag_t)(void *from, char *to, int offset, int len);
int ic_generic_getfrag(void *from, char *to, int offset, int len);
int ic_append(getfrag_t getfrag, void *from, char *to, int len);
int ic_send_reply(void *payload, char *buf);
int ic_send_reset(void *payload, char *buf);
int ic_udp_sendmsg(struct msghdr *msg, char *buf);
int ic_zerocopy_iter(struct iov_iter *from, char *to, int len);
int ic6_append(getfrag_t getfrag, void *from, char *to, int len);
int ic6_append_zc(getfrag_t getfrag, void *from, char *to, int len);
int ic6_send_reply(void *payload, char *buf);
