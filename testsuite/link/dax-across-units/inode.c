// The block removal itself, in a unit that is not an entry point.
#include <kmodel.h>
#include "dx_fs.h"

int dx_break_layouts(struct inode *inode)
{
	while (dax_layout_busy_page(inode->i_mapping))
		;
	return 0;
}

int dx_punch_hole(struct inode *inode, loff_t offset, loff_t len)
{
	truncate_pagecache_range(inode, offset, offset + len - 1); /* expect-link: dax-no-layout-break */
	return 0;
}
