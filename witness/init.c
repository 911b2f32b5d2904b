// SPDX-License-Identifier: GPL-2.0
/*
 * The init of a witness VM: mount the filesystem under test from
 * /dev/vda, run /witness on it, and say how it ended.  A witness that
 * does not return within faultline.timeout seconds is reported with the
 * blocked tasks (sysrq w); then the machine restarts (qemu -no-reboot
 * stops).  Everything goes to the console: witness/run-vm.sh reads it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void put(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);

	if (fd >= 0) {
		if (write(fd, text, strlen(text)) < 0)
			perror(path);
		close(fd);
	}
}

static void stop(void)
{
	fflush(stdout);
	reboot(RB_AUTOBOOT);
	for (;;)
		pause();
}

/* faultline.KEY=VALUE from the kernel command line. */
static const char *param(const char *cmdline, const char *key, char *buf,
			 size_t len)
{
	char want[64];
	const char *p;

	snprintf(want, sizeof(want), "faultline.%s=", key);
	p = strstr(cmdline, want);
	if (!p)
		return NULL;
	p += strlen(want);
	snprintf(buf, len, "%.*s", (int)strcspn(p, " \n"), p);
	return buf;
}

int main(void)
{
	char cmdline[4096] = "", fstype[64], timeout_s[16];
	int fd, status, waited, timeout;
	pid_t pid;

	mkdir("/proc", 0755);
	mkdir("/sys", 0755);
	mkdir("/dev", 0755);
	mkdir("/mnt", 0755);
	mount("proc", "/proc", "proc", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	fd = open("/dev/console", O_RDWR);
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	fd = open("/proc/cmdline", O_RDONLY);
	if (fd >= 0) {
		ssize_t n = read(fd, cmdline, sizeof(cmdline) - 1);

		cmdline[n > 0 ? n : 0] = '\0';
		close(fd);
	}
	if (!param(cmdline, "fs", fstype, sizeof(fstype))) {
		printf("faultline-witness: could not run: no faultline.fs= "
		       "on the command line\n");
		stop();
	}
	timeout = param(cmdline, "timeout", timeout_s, sizeof(timeout_s))
			  ? atoi(timeout_s)
			  : 60;
	put("/proc/sys/kernel/hung_task_timeout_secs", "5\n");
	put("/proc/sys/kernel/hung_task_warnings", "-1\n");
	if (mount("/dev/vda", "/mnt", fstype, 0, NULL)) {
		printf("faultline-witness: could not run: mount -t %s "
		       "/dev/vda: %s\n",
		       fstype, strerror(errno));
		stop();
	}
	printf("faultline-witness: %s mounted, running the witness\n", fstype);
	pid = fork();
	if (pid == 0) {
		execl("/witness", "witness", "/mnt", (char *)NULL);
		printf("faultline-witness: could not run: exec /witness: %s\n",
		       strerror(errno));
		_exit(127);
	}
	for (waited = 0; waited < timeout; waited++) {
		if (waitpid(pid, &status, WNOHANG) == pid) {
			printf("faultline-witness: finished (status %d)\n",
			       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
			umount("/mnt");
			stop();
		}
		sleep(1);
	}
	printf("faultline-witness: timeout: the witness did not return in "
	       "%d s\n",
	       timeout);
	put("/proc/sysrq-trigger", "w");
	sleep(2);
	printf("faultline-witness: end\n");
	stop();
	return 0;
}
