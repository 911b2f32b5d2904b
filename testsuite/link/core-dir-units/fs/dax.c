// fs/dax.c's shape: the DAX core itself, at the top of fs/.
#include <kmodel.h>

int core_dax_break(struct inode *inode)
{
	while (dax_layout_busy_page(inode->i_mapping))
		;
	return 0;
}
