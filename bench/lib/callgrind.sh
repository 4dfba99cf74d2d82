# Instruction counts with valgrind's callgrind (sourced by bench/run and bench/profile). On a
# shared, noisy machine these are the repeatable figure; wall times are not.
# Valgrind 3.19 cannot read Swift 6.3's DWARF 5, so the tlsprobe measured is a copy with
# `strip -g` (it keeps the symbol table, so profiles still name functions).

CALLGRIND_DIR="$W/callgrind"

callgrind_prepare() {  # tlsprobe-binary → sets TLSPROBE_CG (the stripped copy)
    mkdir -p "$CALLGRIND_DIR"
    TLSPROBE_CG="$CALLGRIND_DIR/tlsprobe"
    cp "$1" "$TLSPROBE_CG" && strip -g "$TLSPROBE_CG"
}

# Runs one command under callgrind, records key.instructions (millions, whole process, every
# thread), keeps the profile as $CALLGRIND_DIR/key.out for callgrind_annotate.
callgrind_count() {  # key command…
    local key=$1 out
    shift
    out="$CALLGRIND_DIR/$key.out"
    valgrind --tool=callgrind --callgrind-out-file="$out" --separate-threads=no "$@" </dev/null >/dev/null 2>"$CALLGRIND_DIR/$key.log"
    record "$key.exit" $?
    record "$key.instructions_m" "$(awk '/^summary:|^totals:/ { printf "%.2f", $2 / 1e6; exit }' "$out")"
}

# The largest inclusive costs of one profile (functions at or above 2% of the total).
callgrind_top() {  # key [count]
    callgrind_annotate --inclusive=yes --threshold=98 "$CALLGRIND_DIR/$1.out" 2>/dev/null |
        awk '/Ir/ && /file:function/ { go = 1; next } go && NF { print }' | head -"${2:-25}"
}
