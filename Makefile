# tlsprobe: build, install and uninstall.
#   make                      release build (Swift runtime linked statically; OpenSSL from the system)
#   make install PREFIX=/usr/local [DESTDIR=/tmp/stage]
#   make uninstall PREFIX=/usr/local [DESTDIR=…]
#   make docs                 regenerate man page and completions (scripts/update-docs.sh)
#   make check-docs           fail when they are stale or the man page does not lint
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?= -c release --static-swift-stdlib

BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: all build install uninstall docs check-docs clean

all: build

build:
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

# Not stripped: symbols keep crash reports readable and cost users nothing at run time.
install: build
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 "$$($(SWIFT) build $(SWIFT_BUILD_FLAGS) --show-bin-path)/tlsprobe" $(BINDIR)/tlsprobe
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
