// SPDX-License-Identifier: GPL-2.0
/*
 * SARIF 2.1.0 output (OASIS Static Analysis Results Interchange Format),
 * for code-scanning tools: one run, the checks as reportingDescriptors,
 * every finding (the plugin's and the link step's) as a result with its
 * notes as relatedLocations, unreadable facts as tool notifications.
 */
#include <stdio.h>
#include <string.h>

#include "link.h"

static const struct {
	const char *id;
	const char *text;
} checks[] = {
	{"fault-under-lock",
	 "A lock is held across a user-memory access that may fault, and the "
	 "filesystem's page-fault path takes that lock again."},
	{"gup-unpinned",
	 "User pages taken with FOLL_GET have their data read or written "
	 "(DMA, I/O, CPU writes); they must be pinned with FOLL_PIN."},
	{"pin-mismatch",
	 "Pages are released with the wrong API: pinned pages with put_page, "
	 "or FOLL_GET pages with unpin_user_page."},
	{"pin-leak", "Pinned pages are not released on some return path."},
	{"dax-no-layout-break",
	 "Blocks of a file that may be DAX are removed without breaking "
	 "layouts first (DMA may still target them)."},
};

#define NCHECKS (int)(sizeof(checks) / sizeof(checks[0]))

static void json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; s && *s; s++) {
		unsigned char ch = *s;

		if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", out);
		else if (ch == '\t')
			fputs("\\t", out);
		else if (ch < 0x20)
			fprintf(out, "\\u%04x", ch);
		else
			fputc(ch, out);
	}
	fputc('"', out);
}

static int check_index(const char *id)
{
	int i;

	for (i = 0; i < NCHECKS; i++)
		if (!strcmp(checks[i].id, id))
			return i;
	return -1;
}

/* One location object; id < 0 leaves the id out, msg and fn optional. */
static void location(FILE *out, const struct fl_loc *loc, int id,
		     const char *msg, const char *fn)
{
	const char *file = loc->file ? loc->file : "unknown";

	if (!strncmp(file, "./", 2))
		file += 2;
	fputc('{', out);
	if (id >= 0)
		fprintf(out, "\"id\":%d,", id);
	fputs("\"physicalLocation\":{\"artifactLocation\":{\"uri\":", out);
	json_str(out, file);
	if (file[0] != '/')
		fputs(",\"uriBaseId\":\"SRCROOT\"", out);
	fprintf(out, "},\"region\":{\"startLine\":%d",
		loc->line > 0 ? loc->line : 1);
	if (loc->column > 0)
		fprintf(out, ",\"startColumn\":%d", loc->column);
	fputs("}}", out);
	if (fn) {
		fputs(",\"logicalLocations\":[{\"name\":", out);
		json_str(out, fn);
		fputs(",\"kind\":\"function\"}]", out);
	}
	if (msg) {
		fputs(",\"message\":{\"text\":", out);
		json_str(out, msg);
		fputc('}', out);
	}
	fputc('}', out);
}

static void result(FILE *out, const struct ln_finding *f, bool *first)
{
	int idx = check_index(f->check), i;
	char fp[512];

	fputs(*first ? "\n" : ",\n", out);
	*first = false;
	fputs("{\"ruleId\":", out);
	json_str(out, f->check);
	if (idx >= 0)
		fprintf(out, ",\"ruleIndex\":%d", idx);
	fputs(",\"level\":\"warning\",\"message\":{\"text\":", out);
	json_str(out, f->msg);
	fputs("},\"locations\":[", out);
	location(out, &f->loc, -1, NULL, f->function);
	fputs("]", out);
	/* Line numbers shift; check, function and file identify a finding. */
	snprintf(fp, sizeof(fp), "%s:%s:%s", f->check,
		 f->function ? f->function : "", f->loc.file ? f->loc.file : "");
	fputs(",\"partialFingerprints\":{\"faultline/v1\":", out);
	json_str(out, fp);
	fprintf(out, "},\"properties\":{\"crossUnit\":%s}",
		f->cross_unit ? "true" : "false");
	fprintf(out, ",\"baselineState\":\"%s\"",
		f->absent ? "absent" : f->baselined ? "unchanged" : "new");
	if (f->suppressed) {
		fputs(",\"suppressions\":[{\"kind\":\"inSource\","
		      "\"justification\":",
		      out);
		json_str(out, f->suppressed);
		fputs("}]", out);
	}
	if (f->nnotes) {
		fputs(",\"relatedLocations\":[", out);
		for (i = 0; i < f->nnotes; i++) {
			if (i)
				fputc(',', out);
			location(out, &f->notes[i].loc, i, f->notes[i].msg,
				 NULL);
		}
		fputs("]", out);
	}
	fputs("}", out);
}

int ln_write_sarif(const struct ln_program *prog, const char *path,
		   const char *srcroot, const char *version)
{
	FILE *out = fopen(path, "w");
	bool first = true;
	int i, u;

	if (!out)
		return -1;
	fputs("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{"
	      "\"name\":\"faultline\",\"version\":",
	      out);
	json_str(out, version);
	fputs(",\"rules\":[", out);
	for (i = 0; i < NCHECKS; i++) {
		fprintf(out, "%s{\"id\":", i ? "," : "");
		json_str(out, checks[i].id);
		fputs(",\"shortDescription\":{\"text\":", out);
		json_str(out, checks[i].text);
		fputs("},\"defaultConfiguration\":{\"level\":\"warning\"}}",
		      out);
	}
	fputs("]}},\n\"originalUriBaseIds\":{\"SRCROOT\":{\"uri\":", out);
	{
		char uri[4200];

		snprintf(uri, sizeof(uri), "file://%s%s", srcroot,
			 srcroot[0] && srcroot[strlen(srcroot) - 1] == '/' ? "" : "/");
		json_str(out, uri);
	}
	fprintf(out, "}},\n\"invocations\":[{\"executionSuccessful\":%s",
		prog->nerrors ? "false" : "true");
	fputs(",\"toolExecutionNotifications\":[", out);
	for (i = 0; i < prog->nerrors; i++) {
		fputs(i ? ",\n{" : "\n{", out);
		fputs("\"level\":\"error\",\"message\":{\"text\":", out);
		json_str(out, prog->error_msgs[i]);
		fputs("}}", out);
	}
	fputs("]}],\n\"results\":[", out);
	for (u = 0; u < prog->nunits; u++)
		for (i = 0; i < prog->units[u]->ndiags; i++)
			result(out, &prog->units[u]->diags[i], &first);
	for (i = 0; i < prog->nfindings; i++)
		result(out, &prog->findings[i], &first);
	fputs("\n]}]}\n", out);
	return fclose(out) ? -1 : 0;
}
