# faultline: a static checker for Linux kernel fault-under-lock, GUP pinning
# and DAX layout-break bugs.  `make help` lists the targets.
#
# Compilers, in the kernel's convention (scripts/gcc-plugins/Makefile):
#   CC       the compiler the plugin is built *for* (it loads the plugin):
#            gcc, gcc-15, aarch64-linux-gnu-gcc-12, ...
#   HOSTCC   builds lib/ and the tools (default gcc)
#   HOSTCXX  builds the plugin's C++ against $(CC)'s plugin headers
#            (default g++)
# `make CC=gcc-15` builds plugin/gcc-15/faultline.so beside the default
# plugin/faultline.so (CC=gcc); `make check CC=...` tests with it.  Every
# plugin is named faultline.so, so -fplugin-arg-faultline-* work with each.

# VERSION= and VERSIONS= name the kernel trees of faultline's targets.  A
# kernel's own Makefile has a VERSION too, which a command-line VERSION
# passed down would override in every kernel build below (7.3 became
# LINUX_VERSION_MAJOR, and the trees' cache keys changed): not passed down.
MAKEOVERRIDES := $(filter-out VERSION=% VERSIONS=%,$(MAKEOVERRIDES))

ifeq ($(origin CC),default)
CC := gcc
endif
HOSTCC ?= gcc
HOSTCXX ?= g++
CC_NAME := $(notdir $(firstword $(CC)))
# aarch64-linux-gnu-gcc-12 -> aarch64-linux-gnu- (its binutils' prefix)
CROSS_PREFIX := $(shell echo $(CC_NAME) | sed -n 's/^\(.*-\)gcc\(-[0-9.]*\)\{0,1\}$$/\1/p')
OBJCOPY ?= $(CROSS_PREFIX)objcopy
GCC_PLUGIN_DIR := $(shell $(CC) -print-file-name=plugin 2>/dev/null)
CC_VERSION := $(shell $(CC) -dumpversion 2>/dev/null | cut -d. -f1)
CC_TARGET := $(shell $(CC) -dumpmachine 2>/dev/null)
HOST_TARGET := $(shell $(HOSTCC) -dumpmachine 2>/dev/null)
CFLAGS ?= -O2 -g
WARN := -Wall -Wextra -Wno-unused-parameter
LIB_CFLAGS := -std=gnu11 -fPIC $(WARN) $(CFLAGS)
# GCC 10's headers are C++11, later ones C++14; -std=gnu++17 suits all.
PLUGIN_CXXFLAGS := -x c++ -std=gnu++17 -fPIC -fno-rtti -fno-exceptions \
	-Wall -Wno-missing-field-initializers $(CFLAGS) \
	-I$(GCC_PLUGIN_DIR)/include -idirafter plugin/gcc/compat-include

LIB_SRCS := $(wildcard lib/*.c)
LIB_BUILD := build/host-$(notdir $(firstword $(HOSTCC)))
LIB_OBJS := $(LIB_SRCS:lib/%.c=$(LIB_BUILD)/%.o)
LIB_HDRS := $(wildcard lib/*.h)

ifeq ($(CC_NAME),gcc)
PLUGIN := plugin/faultline.so
else
PLUGIN := plugin/$(CC_NAME)/faultline.so
endif
PLUGIN_OBJ := build/plugin-$(CC_NAME)/faultline_plugin.o
# The compiler with the plugin (tools/faultline-gcc, tools/faultline-gcc-15)
WRAPPER := tools/faultline-$(CC_NAME)
TOOLS := tools/faultline-link tools/faultline-gate tools/faultline-witness
# The Sparse front end (tools/faultline-sparse), built against libsparse.a
# from Debian's sparse source package, which `make deps` fetches into the
# cache (plugin/sparse/fetch-sparse.sh): this release's and sid's, whose
# 0.6.5~rc1 has the __typeof_unqual__ kbuild tests a checker for since
# Linux 6.14.  Built with the newest there is (SPARSE_SRC=DIR picks one).
FAULTLINE_CACHE ?= $(HOME)/.cache/faultline
SPARSE_SRC ?= $(patsubst %/linearize.h,%,$(lastword $(sort $(wildcard $(FAULTLINE_CACHE)/sparse-*/linearize.h))))
SPARSE_LIB := $(if $(SPARSE_SRC),$(SPARSE_SRC)/libsparse.a)
SPARSE_FE_SRCS := $(wildcard plugin/sparse/*.c)
# Objects per Sparse version: its headers are its ABI.
SPARSE_BUILD := build/$(notdir $(SPARSE_SRC))
SPARSE_FE_OBJS := $(SPARSE_FE_SRCS:plugin/sparse/%.c=$(SPARSE_BUILD)/%.o)
SPARSE_TOOL := $(if $(SPARSE_SRC),tools/faultline-sparse)
# The libclang front end (plugin/clang/): built against libclang-$(LIBCLANG)
# from $(LLVM_DIR); `make LIBCLANG=22` (or LLVM_DIR=...) builds it against
# another.  It needs libclang 17 or later.
LIBCLANG ?= 19
LLVM_DIR ?= /usr/lib/llvm-$(LIBCLANG)
CLANG_FE := tools/faultline-clang
CLANG_FE_SRCS := $(wildcard plugin/clang/*.c)
CLANG_FE_HDRS := $(wildcard plugin/clang/*.h)
ifneq ($(wildcard $(LLVM_DIR)/include/clang-c/Index.h),)
FRONT_ENDS := $(CLANG_FE)
else
$(info faultline: no libclang headers in $(LLVM_DIR) (`make deps`); not building $(CLANG_FE))
endif
# The semantic patches, with the absolute path of rules/ written in, so
# the kernel's own `make coccicheck COCCI=...` finds the rules.
COCCI_SRCS := $(wildcard semantic-patches/*.cocci)
COCCI_OUT := $(COCCI_SRCS:semantic-patches/%=build/semantic-patches/%)
# One version for every tool (faultline, faultline-link and faultline-gate
# --version, the plugin's, SARIF's): the VERSION file.
FAULTLINE_VERSION := $(shell cat VERSION)
VERSION_CFLAGS := -DFAULTLINE_VERSION='"$(FAULTLINE_VERSION)"'

# make install [PREFIX=/usr/local] [DESTDIR=]: the tools find each other
# from where they lie (bin/../lib/faultline, bin/../share/faultline), so
# only PREFIX and DESTDIR move them.
PREFIX ?= /usr/local
INSTALL ?= install
STRIP ?= strip
INSTALL_BIN := $(PREFIX)/bin
INSTALL_LIB := $(PREFIX)/lib/faultline
INSTALL_SHARE := $(PREFIX)/share/faultline
INSTALL_MAN := $(PREFIX)/share/man/man1
MAN_PAGES := $(wildcard man/*.1)

# The Debian packages of the plugin headers for $(CC): gcc-N-plugin-dev,
# gcc-N-plugin-dev-TRIPLET for a cross compiler.
ifeq ($(CC_TARGET),$(HOST_TARGET))
CC_PACKAGES := gcc-$(CC_VERSION) gcc-$(CC_VERSION)-plugin-dev
else
CC_PACKAGES := gcc-$(CC_VERSION)-$(CC_TARGET) gcc-$(CC_VERSION)-plugin-dev-$(CC_TARGET)
endif
ifeq ($(CC_VERSION),)
CC_PACKAGES := $(shell echo $(CC_NAME) | sed -n 's/^\(.*\)-gcc-\([0-9]*\)$$/gcc-\2-\1 gcc-\2-plugin-dev-\1/p; s/^gcc-\([0-9]*\)$$/gcc-\1 gcc-\1-plugin-dev/p')
endif
# Debian packages: the plugin headers, the kernel build's needs, and what
# later tiers use.  clang-19, lld-19 and llvm-19 build a kernel with
# LLVM=-19 (corpus/llvm-accept.sh).  Installed only when missing.
DEB_PACKAGES := $(CC_PACKAGES) g++ make libclang-$(LIBCLANG)-dev flex bison bc libelf-dev libssl-dev jq distcc coccinelle \
	dpkg-dev \
	ocaml ocaml-findlib patch git \
	xz-utils dwarves cpio kmod time mmdebstrap \
	gcc-11 g++-11 gcc-11-plugin-dev \
	gcc-12-aarch64-linux-gnu gcc-12-plugin-dev-aarch64-linux-gnu binutils-multiarch \
	dpkg-dev debhelper clang-19 libclang-rt-19-dev lld-19 llvm-19 \
	qemu-system-x86 gfs2-utils btrfs-progs ntfs-3g

.PHONY: all deps check test test-model test-kernel accept scan identity whole-kernel accept-checker bench-clang-floor \
	bench test-link test-gate test-cocci coccicheck bench-cocci test-distcc \
	test-toolchains test-rules accept-wide accept-sparse clean help format \
	test-deb fuzz fuzz-build sanitize-build test-witness witness-corpus
.PHONY: install uninstall test-install FORCE

all: $(PLUGIN) $(TOOLS) $(FRONT_ENDS) $(WRAPPER) $(COCCI_OUT) $(SPARSE_TOOL)

build/semantic-patches/%.cocci: semantic-patches/%.cocci semantic-patches/faultline_rules.ml
	@mkdir -p $(dir $@)
	@awk -v ml=semantic-patches/faultline_rules.ml -v rules=$(abspath rules) '\
		/FAULTLINE_RULES_ML/ { while ((getline l < ml) > 0) { \
			gsub(/@FAULTLINE_RULES@/, rules, l); print l }; next } \
		{ print }' $< >$@

help:
	@echo "make            build plugin/faultline.so (and tools/faultline-sparse, once"
	@echo "                make deps has fetched the Sparse source)"
	@echo "make deps       install the Debian packages faultline needs"
	@echo "make check      deps, build, every test tier (the README's test command)"
	@echo "make check SANITIZE=1  the rules, model, link and cocci tiers with lib/, the tools"
	@echo "                and the plugin under ASan+UBSan (build/san)"
	@echo "make fuzz [FUZZ_SECONDS=60]  every libFuzzer target (testsuite/fuzz/) N seconds"
	@echo "make test-model the model tier only (no kernel tree)"
	@echo "make test-kernel the kernel tier (fetches and prepares Linux 6.1)"
	@echo "make scan       scan the default tree (7.3): build with the plugin, link, report"
	@echo "make scan FRONTEND=sparse|clang  the same with kbuild running faultline-sparse or"
	@echo "                faultline-clang as its checker (make C=2 CHECK=), no plugin"
	@echo "make accept     the corpus runs on Linux 5.10, 6.1, 6.12 and 7.3 (recall, every finding)"
	@echo "make accept-sparse the corpus of 6.1 and 7.3 through faultline-sparse (the trees"
	@echo "                make accept built; only read), judged, with a CPU/RSS bench"
	@echo "make accept-wide [VERSION=7.3] all of fs/, block/, io_uring/, mm/ and every GUP user, judged"
	@echo "make accept-checker FRONTEND=sparse|clang [VERSION=7.3] the corpus built plain (clang:"
	@echo "                LLVM=-19), then make C=2 and C=1 CHECK=faultline-FRONTEND: judged, CPU/RSS"
	@echo "make bench-clang-floor [VERSION=6.1] [DIRS=fs/ext4/] compile, clang -fsyntax-only and"
	@echo "                faultline-clang, unit by unit, on the tree accept-checker built"
	@echo "make whole-kernel [VERSION=7.3] vmlinux and every module with and without the plugin:"
	@echo "                crashes, objects that differ, the link over the tree (about 1.5 h)"
	@echo "make identity   check the plugin leaves objects byte-identical"
	@echo "make bench [VERSION=6.1] [BENCH_CC=gcc|gcc-15...] CPU/RSS ratios of a corpus with"
	@echo "                and without the plugin, link time, byte identity (a compiler"
	@echo "                of a chroot: built and run there)"
	@echo "make test-link  the link tier only (faultline-link on small cases)"
	@echo "make test-gate  faultline-gate and CONFIG_GCC_PLUGIN_FAULTLINE on Linux 6.1"
	@echo "make test-witness corpus findings run in VMs (builds the 5.10 and 6.1 witness kernels"
	@echo "                once; make check runs the tier only when they are cached)"
	@echo "make witness-corpus [VERSIONS=] every fault-under-lock finding of the corpus runs in a VM"
	@echo "make test-cocci the semantic patches on their test cases"
	@echo "make coccicheck [KDIR=] [M=] [MODE=] [J=] every semantic patch through the kernel's make coccicheck"
	@echo "make bench-cocci time every semantic patch over 6.1 fs/ (J=2)"
	@echo "make test-distcc build a kernel directory through distcc and compare"
	@echo "make test-toolchains the plugin for GCC 10 to 16 and aarch64, each through the model tier"
	@echo "CC=COMPILER     build and test the plugin for that gcc (HOSTCC, HOSTCXX build it)"
	@echo "make install [PREFIX=/usr/local] [DESTDIR=]  the faultline command, faultline-link,"
	@echo "                faultline-gate, faultline-gcc, plugins, rules, semantic patches, man pages"
	@echo "make uninstall [PREFIX=] [DESTDIR=]  remove what make install put there"
	@echo "make test-install the install tier: install in a scratch DESTDIR and run from there"
	@echo "make test-deb    the Debian package: dpkg-buildpackage, installed in a clean bookworm chroot"
	@echo "tools/faultline the one command: scan, link, gate, cocci, cc, rules, help (faultline help)"

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
			grep -q '^install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "deps: installing$$missing"; \
		apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
	@sh plugin/sparse/fetch-sparse.sh >/dev/null || \
		echo "deps: no Sparse source; tools/faultline-sparse is not built" >&2
	@sh plugin/sparse/fetch-sparse.sh sid >/dev/null || \
		echo "deps: no Sparse source from sid (Linux 6.14 and later want its __typeof_unqual__)" >&2

# The installed tree refers to nothing here: the programs lose their debug
# information (it names this checkout), the semantic patches name the
# installed rules, each compiler wrapper the installed plugin.
install: all
	@set -e; d='$(DESTDIR)'; \
	$(INSTALL) -d "$$d$(INSTALL_BIN)" "$$d$(INSTALL_LIB)" \
		"$$d$(INSTALL_SHARE)/rules" "$$d$(INSTALL_SHARE)/cocci" \
		"$$d$(INSTALL_MAN)"; \
	$(INSTALL) -m 755 tools/faultline "$$d$(INSTALL_BIN)/faultline"; \
	for t in $(TOOLS) $(FRONT_ENDS) $(SPARSE_TOOL); do \
		$(INSTALL) -m 755 $$t "$$d$(INSTALL_BIN)/$${t#tools/}"; \
		$(STRIP) --strip-debug "$$d$(INSTALL_BIN)/$${t#tools/}"; \
	done; \
	for so in plugin/faultline.so plugin/*/faultline.so; do \
		[ -f $$so ] || continue; \
		cc=$${so#plugin/}; cc=$${cc%faultline.so}; cc=$${cc%/}; \
		$(INSTALL) -d "$$d$(INSTALL_LIB)/$$cc"; \
		$(INSTALL) -m 644 $$so "$$d$(INSTALL_LIB)/$$cc/faultline.so"; \
		$(STRIP) --strip-debug "$$d$(INSTALL_LIB)/$$cc/faultline.so"; \
		printf '#!/bin/sh\n# %s with faultline (installed by make)\nexec $${FAULTLINE_CC:-%s} -fplugin=%s "$$@"\n' \
			"$${cc:-gcc}" "$${cc:-gcc}" \
			"$(INSTALL_LIB)/$${cc:+$$cc/}faultline.so" \
			>"$$d$(INSTALL_BIN)/faultline-$${cc:-gcc}"; \
		chmod 755 "$$d$(INSTALL_BIN)/faultline-$${cc:-gcc}"; \
	done; \
	$(INSTALL) -m 644 rules/* "$$d$(INSTALL_SHARE)/rules/"; \
	for c in $(COCCI_SRCS); do \
		awk -v ml=semantic-patches/faultline_rules.ml \
			-v rules='$(INSTALL_SHARE)/rules' '\
			/FAULTLINE_RULES_ML/ { while ((getline l < ml) > 0) { \
				gsub(/@FAULTLINE_RULES@/, rules, l); print l }; next } \
			{ print }' $$c >"$$d$(INSTALL_SHARE)/cocci/$${c#semantic-patches/}"; \
		chmod 644 "$$d$(INSTALL_SHARE)/cocci/$${c#semantic-patches/}"; \
	done; \
	$(INSTALL) -d "$$d$(INSTALL_SHARE)/witness"; \
	$(INSTALL) -m 755 witness/run-vm.sh witness/objects.sh "$$d$(INSTALL_SHARE)/witness/"; \
	$(INSTALL) -m 644 witness/init.c witness/filesystems corpus/tree-copy.sh "$$d$(INSTALL_SHARE)/witness/"; \
	$(INSTALL) -m 644 corpus/findings.awk VERSION "$$d$(INSTALL_SHARE)/"; \
	$(INSTALL) -m 644 $(MAN_PAGES) "$$d$(INSTALL_MAN)/"; \
	echo "faultline $(FAULTLINE_VERSION) installed in $$d$(PREFIX)"

uninstall:
	@d='$(DESTDIR)'; \
	for so in "$$d$(INSTALL_LIB)"/*/faultline.so; do \
		[ -f "$$so" ] || continue; \
		rm -f "$$d$(INSTALL_BIN)/faultline-$$(basename "$$(dirname "$$so")")"; \
	done; \
	rm -f "$$d$(INSTALL_BIN)/faultline" "$$d$(INSTALL_BIN)/faultline-gcc" \
		$(TOOLS:tools/%="$$d$(INSTALL_BIN)/%") "$$d$(INSTALL_BIN)/faultline-sparse" \
		$(CLANG_FE:tools/%="$$d$(INSTALL_BIN)/%"); \
	rm -rf "$$d$(INSTALL_LIB)" "$$d$(INSTALL_SHARE)"; \
	for m in $(notdir $(MAN_PAGES)); do rm -f "$$d$(INSTALL_MAN)/$$m"; done

# The install tier alone: make install into a scratch DESTDIR, run it there.
test-install: all
	@$(TEST_ENV) sh testsuite/run.sh install

# The Debian package (debian/, corpus/deb-check.sh): built by
# dpkg-buildpackage in a copy of this checkout, installed with apt into a
# clean cached bookworm chroot and run there.  About 2.5 minutes; not part of
# make check.
test-deb: deps
	@sh testsuite/run.sh deb

tools/faultline-link tools/faultline-gate $(PLUGIN_OBJ): VERSION

$(LIB_BUILD)/%.o: lib/%.c $(LIB_HDRS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(LIB_CFLAGS) -c $< -o $@

$(PLUGIN_OBJ): plugin/gcc/faultline_plugin.c plugin/gcc/gcc-common.h $(LIB_HDRS)
	@test -f $(GCC_PLUGIN_DIR)/include/plugin-version.h || { \
		echo "faultline: no plugin headers for $(CC) ($(GCC_PLUGIN_DIR)/include);" \
			"install $(lastword $(CC_PACKAGES)) ('make deps CC=$(CC)')" >&2; exit 1; }
	@if grep -q i386-cpuinfo.h $(GCC_PLUGIN_DIR)/include/config/i386/i386.h 2>/dev/null && \
		! test -f $(GCC_PLUGIN_DIR)/include/common/config/i386/i386-cpuinfo.h; then \
		echo "faultline: $(CC)'s plugin headers lack common/config/i386/i386-cpuinfo.h" \
			"(a packaging bug); using plugin/gcc/compat-include's stand-in" >&2; fi
	@mkdir -p $(dir $@)
	$(HOSTCXX) $(PLUGIN_CXXFLAGS) -DFAULTLINE_TARGET='"$(CC_TARGET)"' $(VERSION_CFLAGS) -c $< -o $@

$(PLUGIN): $(PLUGIN_OBJ) $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -shared -o $@ $^

# The compiler with the plugin: the compiler to name on distcc or icecream
# hosts, since distccd refuses -fplugin= on the wire.
$(WRAPPER): Makefile
	@printf '#!/bin/sh\n# %s with faultline (generated by make)\nexec $${FAULTLINE_CC:-%s} -fplugin=%s "$$@"\n' \
		"$(CC)" "$(CC)" "$(abspath $(PLUGIN))" >$@
	@chmod +x $@

tools/%: tools/%.c $(LIB_OBJS) $(LIB_HDRS)
	$(HOSTCC) -std=gnu11 $(WARN) -Wno-format-truncation $(CFLAGS) $(VERSION_CFLAGS) -o $@ $< $(LIB_OBJS)

# libsparse.a in the unpacked source (kept by Debian package version).
$(SPARSE_LIB):
	$(MAKE) -C $(SPARSE_SRC) -s libsparse.a CC="$(HOSTCC)" HAVE_LLVM=no HAVE_GTK=no HAVE_SQLITE=no

$(SPARSE_BUILD)/%.o: plugin/sparse/%.c plugin/sparse/lower.h $(LIB_HDRS) | $(SPARSE_LIB)
	@mkdir -p $(dir $@)
	$(HOSTCC) -std=gnu11 $(WARN) -Wno-sign-compare -Wno-missing-field-initializers $(CFLAGS) -I$(SPARSE_SRC) \
		$(if $(shell grep -s 'struct expression \*cleanup;' $(SPARSE_SRC)/symbol.h),-DSPARSE_HAS_CLEANUP) -c $< -o $@

# Which Sparse the tool is linked with: a change relinks it.
build/sparse-src: FORCE
	@mkdir -p build
	@echo "$(SPARSE_SRC)" | cmp -s - $@ || echo "$(SPARSE_SRC)" >$@

tools/faultline-sparse: tools/faultline-sparse.c $(SPARSE_FE_OBJS) $(LIB_OBJS) $(LIB_HDRS) $(SPARSE_LIB) VERSION build/sparse-src
	$(HOSTCC) -std=gnu11 $(WARN) -Wno-sign-compare $(CFLAGS) $(VERSION_CFLAGS) -I$(SPARSE_SRC) \
		-DSPARSE_PACKAGE='"$(patsubst sparse-%,%,$(notdir $(SPARSE_SRC)))"' \
		-o $@ $< $(SPARSE_FE_OBJS) $(LIB_OBJS) $(SPARSE_LIB)

$(CLANG_FE): $(CLANG_FE_SRCS) $(CLANG_FE_HDRS) $(LIB_OBJS) $(LIB_HDRS) VERSION
	$(HOSTCC) -std=gnu11 $(WARN) -Wno-format-truncation $(CFLAGS) $(VERSION_CFLAGS) \
		-I$(LLVM_DIR)/include -o $@ $(CLANG_FE_SRCS) $(LIB_OBJS) \
		-L$(LLVM_DIR)/lib -Wl,-rpath,$(LLVM_DIR)/lib -lclang

# Fuzzing (testsuite/fuzz/, issue 18): one libFuzzer target per parser,
# lib/ built with clang's -fsanitize=fuzzer-no-link,address,undefined into
# build/fuzz (the normal build is untouched).  make fuzz FUZZ_SECONDS=N
# runs each target N seconds from seeds the test suite makes at run time;
# a crash input is kept in build/fuzz/crashes/TARGET/ and fails make.
FUZZ_CC ?= clang-19
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := rules facts elf suppress baseline patch
FUZZ_BUILD := build/fuzz
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS := -std=gnu11 -g -O1 -fno-omit-frame-pointer $(WARN) $(FUZZ_SAN)
FUZZ_LIB_OBJS := $(LIB_SRCS:lib/%.c=$(FUZZ_BUILD)/lib/%.o)
FUZZ_BINS := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/bin/fuzz_%)

$(FUZZ_BUILD)/lib/%.o: lib/%.c $(LIB_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_BUILD)/bin/fuzz_%: testsuite/fuzz/fuzz_%.c testsuite/fuzz/fuzz.h $(FUZZ_LIB_OBJS) $(LIB_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
		-DFUZZ_RULES_DIR='"$(abspath rules)"' -o $@ $< $(FUZZ_LIB_OBJS)

fuzz-build: $(FUZZ_BINS)

fuzz: deps
	@$(MAKE) -s --no-print-directory all fuzz-build
	@$(TEST_ENV) sh testsuite/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# make check SANITIZE=1: lib/, the tools and the plugin built with
# -fsanitize=address,undefined -fno-sanitize-recover=all into build/san
# (the normal build is untouched), the rules, model, link and cocci tiers
# run with them.  The plugin runs inside cc1, which is not ASan-built: the
# ASan and UBSan runtimes of $(CC) are LD_PRELOADed into the compiler
# (driver, cc1, as, ld; leak detection off, since GCC does not free what it
# allocates before exiting), which is what -fsanitize=address of a shared
# object needs (testsuite/run.sh: san_env).
SAN_BUILD := build/san
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
SAN_LIB_OBJS := $(LIB_SRCS:lib/%.c=$(SAN_BUILD)/lib/%.o)
SAN_PLUGIN_OBJ := $(SAN_BUILD)/plugin-$(CC_NAME)/faultline_plugin.o
SAN_PLUGIN := $(SAN_BUILD)/$(PLUGIN)
SAN_TOOLS := $(TOOLS:tools/%=$(SAN_BUILD)/tools/%)
SAN_TIERS ?= rules model link cocci

$(SAN_BUILD)/lib/%.o: lib/%.c $(LIB_HDRS)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(LIB_CFLAGS) $(SAN_FLAGS) -c $< -o $@

$(SAN_PLUGIN_OBJ): plugin/gcc/faultline_plugin.c plugin/gcc/gcc-common.h $(LIB_HDRS) VERSION
	@mkdir -p $(dir $@)
	$(HOSTCXX) $(PLUGIN_CXXFLAGS) $(SAN_FLAGS) -DFAULTLINE_TARGET='"$(CC_TARGET)"' $(VERSION_CFLAGS) -c $< -o $@

$(SAN_PLUGIN): $(SAN_PLUGIN_OBJ) $(SAN_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(HOSTCXX) -shared $(SAN_FLAGS) -o $@ $^

$(SAN_BUILD)/tools/%: tools/%.c $(SAN_LIB_OBJS) $(LIB_HDRS) VERSION
	@mkdir -p $(dir $@)
	$(HOSTCC) -std=gnu11 $(WARN) -Wno-format-truncation $(CFLAGS) $(SAN_FLAGS) $(VERSION_CFLAGS) -o $@ $< $(SAN_LIB_OBJS)

# The tools and the plugin find the rules at ../rules and ../../rules.
$(SAN_BUILD)/rules:
	@mkdir -p $(SAN_BUILD)
	@ln -sfn $(abspath rules) $@

sanitize-build: $(SAN_PLUGIN) $(SAN_TOOLS) $(SAN_BUILD)/rules

# Not intermediate: kept between builds.
.SECONDARY: $(FUZZ_LIB_OBJS) $(SAN_LIB_OBJS)

SAN_ENV := CC="$(CC)" OBJCOPY="$(OBJCOPY)" \
	FAULTLINE_PLUGIN="$(abspath $(SAN_PLUGIN))" \
	FAULTLINE_TOOLS="$(abspath $(SAN_BUILD)/tools)" FAULTLINE_SANITIZE=1

# The tiers run with the compiler and plugin of this make (CC=...).
TEST_ENV := CC="$(CC)" OBJCOPY="$(OBJCOPY)" FAULTLINE_PLUGIN="$(abspath $(PLUGIN))"

check: deps
ifeq ($(SANITIZE),1)
	@$(MAKE) -s --no-print-directory all sanitize-build
	@$(SAN_ENV) sh testsuite/run.sh $(SAN_TIERS)
else
	@$(MAKE) -s --no-print-directory all
	@$(TEST_ENV) sh testsuite/run.sh
endif

test: all
	@$(TEST_ENV) sh testsuite/run.sh

test-model: all
	@$(TEST_ENV) sh testsuite/run.sh model

test-kernel: all
	@$(TEST_ENV) sh testsuite/run.sh kernel

test-rules: all
	@$(TEST_ENV) sh testsuite/run.sh rules

test-link: all
	@$(TEST_ENV) sh testsuite/run.sh link

test-gate: deps
	@$(MAKE) -s --no-print-directory all
	@$(TEST_ENV) sh testsuite/run.sh gate

# The witness tier, building the kernels it needs (make check only runs
# it when they are cached).
# Every fault-under-lock finding of the corpus runs, in VMs (for the
# judgements: corpus/judged/witnesses.txt).
witness-corpus: deps
	@$(MAKE) -s --no-print-directory all
	@sh witness/corpus.sh build/witness-corpus $(or $(VERSIONS),5.10 6.1 6.12 7.3)

test-witness: deps
	@$(MAKE) -s --no-print-directory all
	@WITNESS_CACHED_ONLY= $(TEST_ENV) sh testsuite/run.sh witness

test-cocci: deps
	@$(MAKE) -s --no-print-directory all
	@$(TEST_ENV) sh testsuite/run.sh cocci

# The plugin built for every supported compiler, each running the rules,
# model and link tiers (GCC 10 and 13-16 in cached mmdebstrap chroots).
test-toolchains: deps
	@$(MAKE) -s --no-print-directory all
	@sh testsuite/run.sh toolchains

# Every semantic patch over a kernel tree through the kernel's own
# `make coccicheck`: KDIR (default: the cached 6.1 tree), M=, MODE=, J=.
MODE ?= report
coccicheck: deps
	@$(MAKE) -s --no-print-directory all
	@sh corpus/coccicheck.sh "$(KDIR)" "$(M)" "$(MODE)" "$(J)"

# Every semantic patch over all of Linux 6.1 fs/ with J=2, timed.
bench-cocci: deps
	@$(MAKE) -s --no-print-directory all
	@start=$$(date +%s); \
	sh corpus/coccicheck.sh "" fs/ report 2 >build/bench-cocci.txt; \
	echo "bench-cocci: every semantic patch over 6.1 fs/ with J=2: $$(( $$(date +%s) - start )) s, $$(grep -c 'faultline:' build/bench-cocci.txt) report lines (build/bench-cocci.txt)"

test-distcc: deps
	@$(MAKE) -s --no-print-directory all
	@sh testsuite/run.sh distcc

scan: deps
	@$(MAKE) -s --no-print-directory all
	@FRONTEND=$(FRONTEND) sh corpus/scan.sh

accept: deps
	@$(MAKE) -s --no-print-directory all
	@sh corpus/accept.sh

# The corpus through faultline-sparse as make C=2 runs it, on the trees
# make accept built (corpus/sparse-accept.sh): judged, and benched.
accept-sparse: all
	@sh corpus/sparse-accept.sh $(VERSION)

# The wide scan (corpus/accept-wide.sh): all of fs/, block/, io_uring/, mm/ and
# every GUP user of VERSION (default 7.3), each finding against
# corpus/judged/VERSION.txt.  About half an hour; not part of make check.
accept-wide: deps
	@$(MAKE) -s --no-print-directory all
	@sh corpus/accept-wide.sh $(or $(VERSION),7.3)

# The corpus through a standalone front end as make C=1/C=2 CHECK= runs it on
# a tree built plain (LLVM=-19 for clang): judged, and benched against the
# build (corpus/checker-accept.sh).  About 20 minutes a version.
accept-checker: deps
	@$(MAKE) -s --no-print-directory all
	@sh corpus/checker-accept.sh $(or $(FRONTEND),clang) $(or $(VERSION),7.3)

# What libclang's parse costs against clang's compile, unit by unit, on the
# tree make accept-checker FRONTEND=clang built (corpus/clang-floor.sh):
# DIRS (default fs/ext4/) of VERSION (default 6.1).
bench-clang-floor: all
	@sh corpus/clang-floor.sh "$$(sh corpus/prepare-kernel.sh $(or $(VERSION),6.1))-clang" \
		$(or $(DIRS),fs/ext4/)

whole-kernel: deps
	@$(MAKE) -s --no-print-directory all
	@sh corpus/whole-kernel.sh $(or $(VERSION),7.3)

identity: deps
	@$(MAKE) -s --no-print-directory all
	@sh corpus/identity.sh

bench: deps
	@$(MAKE) -s --no-print-directory all
	@BENCH_CC=$(or $(BENCH_CC),gcc) sh corpus/bench.sh $(VERSION)

format:
	clang-format -i lib/*.c lib/*.h plugin/gcc/*.c plugin/gcc/*.h tools/*.c

clean:
	rm -rf build plugin/faultline.so plugin/*/faultline.so $(TOOLS) $(CLANG_FE) tools/faultline-gcc* tools/faultline-sparse
