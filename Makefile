# faultline: a static checker for Linux kernel fault-under-lock, GUP pinning
# and DAX layout-break bugs.  `make help` lists the targets.

CC ?= gcc
CXX ?= g++
GCC_PLUGIN_DIR := $(shell $(CC) -print-file-name=plugin 2>/dev/null)
CFLAGS ?= -O2 -g
WARN := -Wall -Wextra -Wno-unused-parameter
LIB_CFLAGS := -std=gnu11 -fPIC $(WARN) $(CFLAGS)
PLUGIN_CXXFLAGS := -x c++ -std=gnu++14 -fPIC -fno-rtti -fno-exceptions \
	-Wall -Wno-missing-field-initializers $(CFLAGS) \
	-I$(GCC_PLUGIN_DIR)/include

LIB_SRCS := $(wildcard lib/*.c)
LIB_OBJS := $(LIB_SRCS:lib/%.c=build/lib/%.o)
LIB_HDRS := $(wildcard lib/*.h)

PLUGIN := plugin/faultline.so
TOOLS := tools/faultline-link tools/faultline-gate

# Debian packages: the plugin headers, the kernel build's needs, and what
# later tiers use.  Installed only when missing.
DEB_PACKAGES := gcc-12-plugin-dev g++ make flex bison bc libelf-dev libssl-dev jq distcc \
	xz-utils dwarves cpio kmod time

.PHONY: all deps check test test-model test-kernel accept scan identity \
	bench test-link test-gate test-distcc clean help format

all: $(PLUGIN) $(TOOLS)

help:
	@echo "make            build plugin/faultline.so"
	@echo "make deps       install the Debian packages faultline needs"
	@echo "make check      deps, build, every test tier (the README's test command)"
	@echo "make test-model the model tier only (no kernel tree)"
	@echo "make test-kernel the kernel tier (fetches and prepares Linux 6.1)"
	@echo "make scan       build the default kernel tree's directories with the plugin"
	@echo "make accept     the acceptance runs on Linux 5.10 and 6.1"
	@echo "make identity   check the plugin leaves objects byte-identical"
	@echo "make bench      CPU/RSS ratios of the 6.1 corpus with and without the plugin,"
	@echo "                link time, byte identity"
	@echo "make test-link  the link tier only (faultline-link on small cases)"
	@echo "make test-gate  faultline-gate and CONFIG_GCC_PLUGIN_FAULTLINE on Linux 6.1"
	@echo "make test-distcc build a kernel directory through distcc and compare"

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

build/lib/%.o: lib/%.c $(LIB_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(LIB_CFLAGS) -c $< -o $@

build/plugin/faultline_plugin.o: plugin/faultline_plugin.c $(LIB_HDRS)
	@mkdir -p $(dir $@)
	$(CXX) $(PLUGIN_CXXFLAGS) -c $< -o $@

$(PLUGIN): build/plugin/faultline_plugin.o $(LIB_OBJS)
	$(CXX) -shared -o $@ $^

tools/%: tools/%.c $(LIB_OBJS) $(LIB_HDRS)
	$(CC) -std=gnu11 $(WARN) -Wno-format-truncation $(CFLAGS) -o $@ $< $(LIB_OBJS)

check: deps
	@$(MAKE) -s --no-print-directory all
	@sh testsuite/run.sh

test: all
	@sh testsuite/run.sh

test-model: all
	@sh testsuite/run.sh model

test-kernel: all
	@sh testsuite/run.sh kernel

test-link: all
	@sh testsuite/run.sh link

test-gate: deps
	@$(MAKE) -s --no-print-directory all
	@sh testsuite/run.sh gate

test-distcc: deps
	@$(MAKE) -s --no-print-directory all
	@sh testsuite/run.sh distcc

scan: deps
	@$(MAKE) -s --no-print-directory all
	@sh corpus/scan.sh

accept: deps
	@$(MAKE) -s --no-print-directory all
	@sh corpus/accept.sh

identity: deps
	@$(MAKE) -s --no-print-directory all
	@sh corpus/identity.sh

bench: deps
	@$(MAKE) -s --no-print-directory all
	@sh corpus/bench.sh

format:
	clang-format -i lib/*.c lib/*.h plugin/*.c

clean:
	rm -rf build $(PLUGIN) $(TOOLS)
