// The ops table names entry points defined in other units (ext4's
// file_operations in file.c, ext4_fallocate in extents.c).
#include <kmodel.h>
#include "dx_fs.h"

const struct file_operations dx_file_operations = {
	.fallocate = dx_fallocate,
};

const struct file_operations dx_dir_operations = {
	.fallocate = dx_fallocate_fixed,
};
