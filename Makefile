# tlsprobe: build, install and uninstall.
#   make                      release build (Swift runtime linked statically; OpenSSL from the system)
#   make install PREFIX=/usr/local [DESTDIR=/tmp/stage]
#   make uninstall PREFIX=/usr/local [DESTDIR=…]
#   make docs                 regenerate man page and completions (scripts/update-docs.sh)
#   make check-docs           fail when they are stale or the man page does not lint
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
STRIP ?= strip
# Linked by lld with packed relative relocations (DT_RELR, glibc ≥ 2.36): the 42,000 RELATIVE
# relocations of the static Swift runtime take 10 KB instead of 1 MB and the loader applies them
# in a fraction of the time (bench/PROFILE.md). Debug info is left out of the installed binary
# (strip -g at install); the symbol table stays, so crash backtraces still name functions.
SWIFT_LINK_FLAGS ?= -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs
# The C++ runtime under the Swift runtime is linked statically as well: binding libstdc++.so's
# ~1,700 symbols cost 1.8M instructions on every start (bench/PROFILE.md). The linker finds
# libstdc++.a first in a folder of its own, ahead of the compiler's folder. OpenSSL stays the
# system's on purpose (security updates, the distribution's trust paths): bench/PROFILE.md has
# what linking it statically would save.
STATIC_LIB_DIR = $(CURDIR)/.build-static-libs
STATIC_LIBS = libstdc++.a
SWIFT_STATIC_FLAGS ?= -Xswiftc -L$(STATIC_LIB_DIR)
# Generic types are instantiated through their metadata accessors, not by demangling their
# names at run time: each first use of a name (Dictionary<String, X>, Option<Int>) demangled
# it and scanned all ~4,000 protocol-conformance records for its requirements (−3.4M
# instructions a probe, −3.4M for explain; +0.1 MB of code).
SWIFT_CODEGEN_FLAGS ?= -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors
# The functions typical runs execute are laid out together (bench/symbol-order.txt, made by
# bench/symbol-order.sh from callgrind runs): a probe then has 5.0 MB of text resident instead of 8.1 MB
# spread over the whole binary, since the kernel maps 64 KB around each page fault (peak RSS and
# start-up page faults: bench/PROFILE.md, "Session 6"). Each Swift function gets a section of its
# own so the linker can move it (the static Swift runtime already has them). A name the list has
# and the build lacks is skipped: a stale list costs memory, never correctness.
SYMBOL_ORDER ?= $(CURDIR)/bench/symbol-order.txt
SWIFT_LAYOUT_FLAGS ?= -Xswiftc -Xfrontend -Xswiftc -function-sections \
	-Xlinker --symbol-ordering-file=$(SYMBOL_ORDER) -Xlinker --no-warn-symbol-ordering
SWIFT_BUILD_FLAGS ?= -c release --static-swift-stdlib $(SWIFT_LINK_FLAGS) $(SWIFT_STATIC_FLAGS) $(SWIFT_CODEGEN_FLAGS) $(SWIFT_LAYOUT_FLAGS)

BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all build static-libs bin-path install uninstall docs check-docs clean

all: build

build: static-libs
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

# The folder the linker searches first: links to the static libraries to prefer.
static-libs:
	@rm -rf $(STATIC_LIB_DIR) && mkdir -p $(STATIC_LIB_DIR)
	@for lib in $(STATIC_LIBS); do \
		path=$$($${CC:-cc} -print-file-name=$$lib); \
		[ -f "$$path" ] || { echo "make: $$lib not found (libstdc++-12-dev)" >&2; exit 1; }; \
		ln -s "$$path" $(STATIC_LIB_DIR)/$$lib; \
	done

# Where `make build` puts the binary (bench/run uses it).
bin-path:
	@$(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path

# Installed as distributions ship binaries: without DWARF (7 MB, for debuggers, who build from
# source) and without the static symbol table (9 MB of 107,000 mangled names). The dynamic
# symbol table stays (-export-dynamic: 5,700 names, every public function of the library), so
# a crash's backtrace still names those. STRIP_FLAGS=-g keeps the full table for perf or gdb.
STRIP_FLAGS ?= --strip-all
install: build
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 "$$($(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path)/tlsprobe" $(BINDIR)/tlsprobe
	$(STRIP) $(STRIP_FLAGS) $(BINDIR)/tlsprobe
	install -m 0644 man/tlsprobe.1 $(MANDIR)/tlsprobe.1
	install -m 0644 completions/tlsprobe.bash $(BASHDIR)/tlsprobe
	install -m 0644 completions/_tlsprobe $(ZSHDIR)/_tlsprobe
	install -m 0644 completions/tlsprobe.fish $(FISHDIR)/tlsprobe.fish

uninstall:
	rm -f $(BINDIR)/tlsprobe $(MANDIR)/tlsprobe.1 $(BASHDIR)/tlsprobe $(ZSHDIR)/_tlsprobe $(FISHDIR)/tlsprobe.fish

docs:
	scripts/update-docs.sh

check-docs:
	scripts/update-docs.sh --check

clean:
	$(SWIFT) package clean
