// A filesystem directory under fs/ is still one filesystem: its DAX use
// here makes the truncate in inode.c need a layout break.
#include <kmodel.h>

int baz_dax_break(struct inode *inode)
{
	while (dax_layout_busy_page(inode->i_mapping))
		;
	return 0;
}
