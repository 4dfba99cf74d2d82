#!/usr/bin/env bash
# Peak RSS of tlsprobe against the hostile servers of PeakMemoryTests (floods of 1,000,000
# post-handshake messages, a million HelloRequests during the handshake, a 1,000-certificate
# chain; -v text and --json), measured with GNU time's %M, for the binary given (default: a
# release build in .build/release). With a binary given, the suite also checks the issue's
# absolute bound: every peak under 20 MB (#16). Prints one RSS-ROW line per case.
#
#   bench/peak-rss.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/release/tlsprobe}
[[ -x "$binary" ]] || { echo "peak-rss: no executable at $binary (swift build -c release, or make)" >&2; exit 64; }
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
swift build --build-tests >/dev/null
TLSPROBE_RSS_BINARY="$binary" swift test --skip-build --filter PeakMemoryTests 2>&1 | grep -E "RSS-ROW|✘|Test run" 
