#!/usr/bin/env bash
# Regenerates the files derived from the argument parser and the catalogue:
#   man/tlsprobe.1            GenerateManual plugin output + hand-written sections (tlsprobe _docs man-page)
#   completions/tlsprobe.bash, completions/_tlsprobe, completions/tlsprobe.fish
# and lints the man page. Run it after changing options, subcommands, exit codes or diagnoses.
#
#   scripts/update-docs.sh           rewrite the committed files
#   scripts/update-docs.sh --check   regenerate into a temporary directory; exit 1 if any committed
#                                    file differs or the man page has lint errors (for .ci/run)
#
# Reproducible: the page's date is TLSProbeVersion.manualDate, never today's.
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
[[ "${1:-}" == "--check" ]] && check=true

date=$(sed -n 's/.*manualDate = "\([0-9-]*\)".*/\1/p' Sources/TLSProbeCore/TLSProbeVersion.swift)
[[ -n "$date" ]] || { echo "update-docs: no manualDate in TLSProbeVersion.swift" >&2; exit 1; }

# The plugin builds the package (debug: the release build is slow and the help is the same) and
# writes the page under .build; it needs no permission to write into the package.
swift package plugin generate-manual --configuration debug --date "$date" --authors "tlsprobe developers" >/dev/null
generated=.build/plugins/GenerateManual/outputs/tlsprobe/tlsprobe.1
binary="$(swift build --show-bin-path)/tlsprobe"

out=.
if $check; then
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out/man" "$out/completions"
"$binary" _docs man-page --generated "$generated" > "$out/man/tlsprobe.1"
"$binary" --generate-completion-script bash > "$out/completions/tlsprobe.bash"
"$binary" --generate-completion-script zsh > "$out/completions/_tlsprobe"
"$binary" --generate-completion-script fish > "$out/completions/tlsprobe.fish"

status=0
# mandoc -T lint exits non-zero on warnings and worse; style notes are only printed.
if command -v mandoc >/dev/null; then
    mandoc -T lint -W warning "$out/man/tlsprobe.1" || { echo "update-docs: mandoc -T lint found problems in man/tlsprobe.1" >&2; status=1; }
else
    # groff prints warnings to stderr; any output counts as a problem.
    warnings=$(groff -ww -z -mandoc "$out/man/tlsprobe.1" 2>&1)
    [[ -z "$warnings" ]] || { echo "$warnings" >&2; echo "update-docs: groff warnings in man/tlsprobe.1" >&2; status=1; }
fi

if $check; then
    for file in man/tlsprobe.1 completions/tlsprobe.bash completions/_tlsprobe completions/tlsprobe.fish; do
        if ! diff -u "$file" "$out/$file" >/dev/null 2>&1; then
            echo "update-docs: $file is stale; run scripts/update-docs.sh and commit the result" >&2
            diff -u "$file" "$out/$file" 2>&1 | head -20 >&2 || true
            status=1
        fi
    done
fi
exit $status
