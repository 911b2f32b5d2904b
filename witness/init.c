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

/* How long the witness stays blocked before it counts as hung. */
#define BLOCKED_SECONDS 15

/* The state letter of /proc/PID/stat (R, S, D, ...), or 0. */
static char task_state(pid_t pid)
{
	char path[64], buf[512], *paren;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	paren = strrchr(buf, ')');
	return paren && paren[1] == ' ' ? paren[2] : 0;
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
	int fd, status, waited, blocked, timeout;
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
	/* run-vm.sh asks whether the machine boots at all (KVM probe). */
	if (param(cmdline, "fs", fstype, sizeof(fstype)) &&
	    !strcmp(fstype, "probe")) {
		printf("faultline-witness: probe: booted\n");
		stop();
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
	for (waited = 0, blocked = 0; waited < timeout; waited++) {
		/*
		 * Blocked (state D) for BLOCKED_SECONDS: the hung-task report
		 * is out (its timeout is 5 s); no need to wait for timeout.
		 */
		blocked = task_state(pid) == 'D' ? blocked + 1 : 0;
		if (blocked >= BLOCKED_SECONDS) {
			printf("faultline-witness: timeout: the witness is "
			       "blocked (state D for %d s)\n",
			       blocked);
			break;
		}
		if (waitpid(pid, &status, WNOHANG) == pid) {
			if (WIFSIGNALED(status))
				printf("faultline-witness: finished (killed by "
				       "signal %d)\n",
				       WTERMSIG(status));
			else
				printf("faultline-witness: finished (status "
				       "%d)\n",
				       WEXITSTATUS(status));
			/* No umount: after an oops it may never return. */
			stop();
		}
		sleep(1);
	}
	if (blocked < BLOCKED_SECONDS)
		printf("faultline-witness: timeout: the witness did not return "
		       "in %d s\n",
		       timeout);
	put("/proc/sysrq-trigger", "w");
	sleep(2);
	printf("faultline-witness: end\n");
	stop();
	return 0;
}
