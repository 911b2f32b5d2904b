// Shared by the units of this DAX-capable "filesystem".
long dx_fallocate(struct file *file, int mode, loff_t offset, loff_t len);
long dx_fallocate_fixed(struct file *file, int mode, loff_t offset, loff_t len);
int dx_punch_hole(struct inode *inode, loff_t offset, loff_t len);
int dx_break_layouts(struct inode *inode);
