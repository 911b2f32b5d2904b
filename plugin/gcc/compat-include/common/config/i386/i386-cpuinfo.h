/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for a header Debian bullseye's gcc-10-plugin-dev leaves out
 * (config/i386/i386.h includes it for one enum, used in a class the
 * plugin never touches).  Found only through -idirafter, so a package
 * that ships the real header keeps using it; the Makefile says when this
 * one is used.
 */
#ifndef FAULTLINE_I386_CPUINFO_STANDIN_H
#define FAULTLINE_I386_CPUINFO_STANDIN_H
enum feature_priority {
	P_NONE = 0,
};
#endif
