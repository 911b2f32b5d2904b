// Shared by the units of this "filesystem".
struct qt_sb_info {
	struct inode *quota_inode;
	struct mutex quota_mutex;
};

void qt_quota_sync(struct qt_sb_info *sbi);
