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
SWIFT_BUILD_FLAGS ?= -c release --static-swift-stdlib $(SWIFT_LINK_FLAGS)

BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all build bin-path install uninstall docs check-docs clean

all: build

build:
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

# Where `make build` puts the binary (bench/run uses it).
bin-path:
	@$(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path

# strip -g only: the symbol table stays, so crash reports still name functions; the DWARF
# (7 MB, a third of the release binary) is for debuggers, who build from source.
install: build
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 "$$($(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path)/tlsprobe" $(BINDIR)/tlsprobe
	$(STRIP) -g $(BINDIR)/tlsprobe
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
