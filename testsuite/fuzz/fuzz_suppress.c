// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: suppression markers in a source file (lib/suppress.c,
 * fl_find_suppression).  The first 4 bytes choose the finding's line, its
 * function's line and the check; the rest is the source.
 */
#include "../../lib/suppress.h"
#include "fuzz.h"

static const char *const checks[] = {
	"fault-under-lock", "dax-no-layout-break", "gup-unpinned",
	"pin-leak", "pin-mismatch", "", ",", "fault-under-lock,pin-leak",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int n;
	struct fl_suppression s;
	const char *path;
	int line, fn_line;

	if (size < 4)
		return 0;
	line = data[0] | (data[1] & 0x7f) << 8;
	fn_line = data[2];
	path = fuzz_file("x.c", data + 4, size - 4, n++);
	fl_find_suppression(NULL, path, line, fn_line,
			    checks[data[3] % (sizeof(checks) / sizeof(checks[0]))],
			    &s);
	if (s.found && (s.line < 1 || (s.reason && !*s.reason)))
		abort();
	return 0;
}
