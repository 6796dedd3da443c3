#!/usr/bin/env bash
# Benchmark langgan on generated shops.
#
#   bench/run.sh                      # shops of 10k and 100k customers, 5 runs each
#   BENCH_SIZES="1k 10k" BENCH_RUNS=3 bench/run.sh
#
# Builds the release binaries, generates target/bench/shop-<size> with
# examples/genshop.rs when missing, then times for each shop:
#   - the I/O floor: cat of every record file,
#   - langgan check cold (--no-cache: every file parsed) and warm (index cache),
#   - langgan due --format json (cache warm),
#   - langgan report: cold into an empty folder, unchanged, after one changed file.
# Uses hyperfine when installed, else a plain timing loop; peak RSS comes from
# GNU time (/usr/bin/time). The page cache is NOT dropped (that needs root and
# disturbs the machine): every number is a warm-cache number, and the cat row is
# the floor any implementation has to pay for reading the files.
# Results: markdown on stdout and in target/bench/results.md.

set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BENCH_DIR=target/bench
NOW='2026-11-20 15:00'
RUNS=${BENCH_RUNS:-5}
read -r -a SIZES <<<"${BENCH_SIZES:-10k 100k}"
LANGGAN=target/release/langgan
GENSHOP=target/release/examples/genshop
RESULTS=$BENCH_DIR/results.md

mkdir -p "$BENCH_DIR"

log() { printf '%s\n' "$*" >&2; }

# "10k" -> 10000, "1m" -> 1000000, "2500" -> 2500
size_to_count() {
    local s=$1
    case $s in
        *k) echo $(( ${s%k} * 1000 )) ;;
        *m) echo $(( ${s%m} * 1000000 )) ;;
        *) echo $(( s )) ;;
    esac
}

# ------------------------------------------------------------------ machine

machine_facts() {
    local cpu
    cpu=$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
    echo "## Machine"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- nproc: $(nproc)"
    echo "- CPU: ${cpu:-unknown}"
    echo "- kernel: $(uname -sr)"
    echo "- rustc: $(rustc --version 2>/dev/null || echo unknown)"
    echo "- page cache: warm (not dropped); the \`cat\` rows are the warm I/O floor"
    echo
    echo '```'
    free -g
    echo '```'
    echo
}

# ------------------------------------------------------------------ build + data

log "==> cargo build --release --examples --bins"
cargo build --release --examples --bins

for size in "${SIZES[@]}"; do
    shop=$BENCH_DIR/shop-$size
    if [[ -f $shop/shop.toml ]]; then
        log "==> $shop exists, reusing it (delete it to regenerate)"
        continue
    fi
    n=$(size_to_count "$size")
    log "==> generating $shop ($n customers)"
    # Generate next to the target and rename, so an interrupted run leaves no
    # half-written shop that would be reused next time.
    rm -rf "$shop.tmp"
    "$GENSHOP" "$shop.tmp" --customers "$n" --seed 42 >&2
    mv "$shop.tmp" "$shop"
done

# ------------------------------------------------------------------ tools

HAVE_HYPERFINE=0
if command -v hyperfine >/dev/null 2>&1; then
    HAVE_HYPERFINE=1
else
    log "note: hyperfine not found; using a plain timing loop (cargo install hyperfine, or apt-get install hyperfine)"
fi

GNU_TIME=
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null; then
    GNU_TIME=/usr/bin/time
else
    log "note: GNU time not found; peak RSS will be n/a (apt-get install time)"
fi

HAVE_REPORT=0
if "$LANGGAN" report --help >/dev/null 2>&1; then
    HAVE_REPORT=1
fi

HAVE_DUE=0
if "$LANGGAN" due --help >/dev/null 2>&1; then
    HAVE_DUE=1
else
    log "note: 'langgan due' not available yet; skipping it"
fi

# ------------------------------------------------------------------ measuring

# Peak RSS in MiB of one run of a shell command line, or n/a.
peak_rss_mib() {
    local cmd=$1 out
    if [[ -z $GNU_TIME ]]; then
        echo "n/a"
        return
    fi
    out=$(mktemp)
    # bash -c execs a lone simple command, so %M is the program's own peak;
    # for pipelines it is the largest process of the pipeline.
    if "$GNU_TIME" -f '%M' -o "$out" bash -c "$cmd" >/dev/null 2>&1; then
        awk 'END { printf "%.1f", $1 / 1024 }' "$out"
    else
        echo "failed"
    fi
    rm -f "$out"
}

# Prints "mean stddev min max" in seconds for a shell command line; an
# optional fourth argument runs untimed before each run (hyperfine --prepare).
time_with_hyperfine() {
    local name=$1 cmd=$2 tag=$3 prepare=${4:-true} csv
    csv=$BENCH_DIR/hyperfine-$tag.csv
    if ! hyperfine --warmup 1 --runs "$RUNS" --style basic --prepare "$prepare" \
        --export-markdown "$BENCH_DIR/hyperfine-$tag.md" \
        --export-csv "$csv" \
        -n "$name" "$cmd" >&2; then
        echo failed
        return
    fi
    # command,mean,stddev,median,user,system,min,max
    awk -F, 'NR == 2 { printf "%s %s %s %s\n", $(NF-6), $(NF-5), $(NF-1), $NF }' "$csv"
}

time_with_loop() {
    local cmd=$1 prepare=${2:-true} i t0 t1 times=()
    bash -c "$prepare" >/dev/null 2>&1 || true
    bash -c "$cmd" >/dev/null || log "warning: exit status $? from: $cmd" # warmup
    for ((i = 0; i < RUNS; i++)); do
        bash -c "$prepare" >/dev/null 2>&1 || true
        t0=$(date +%s%N)
        bash -c "$cmd" >/dev/null || true
        t1=$(date +%s%N)
        times+=("$(( t1 - t0 ))")
    done
    printf '%s\n' "${times[@]}" | awk '
        { x = $1 / 1e9; s += x; ss += x * x; if (NR == 1 || x < lo) lo = x; if (x > hi) hi = x }
        END {
            m = s / NR; v = NR > 1 ? (ss - NR * m * m) / (NR - 1) : 0; if (v < 0) v = 0
            printf "%.6f %.6f %.6f %.6f\n", m, sqrt(v), lo, hi
        }'
}

ROWS=()

bench_one() {
    local shop=$1 name=$2 cmd=$3 tag=$4 prepare=${5:-true} stats mean sd lo hi rss
    log "==> [$shop] $name"
    if ((HAVE_HYPERFINE)); then
        stats=$(time_with_hyperfine "$name" "$cmd" "$tag" "$prepare")
    else
        stats=$(time_with_loop "$cmd" "$prepare")
    fi
    bash -c "$prepare" >/dev/null 2>&1 || true
    rss=$(peak_rss_mib "$cmd")
    if [[ $stats == failed ]]; then
        log "warning: '$name' failed on $shop; its row says so"
        ROWS+=("| $shop | \`$name\` | failed (non-zero exit) | | $rss |")
        return
    fi
    read -r mean sd lo hi <<<"$stats"
    ROWS+=("$(awk -v shop="$shop" -v name="$name" -v m="$mean" -v sd="$sd" -v lo="$lo" -v hi="$hi" -v rss="$rss" \
        'BEGIN { printf "| %s | `%s` | %.3f s ± %.3f | %.3f … %.3f s | %s |", shop, name, m, sd, lo, hi, rss }')")
}

SHOP_FACTS=()

for size in "${SIZES[@]}"; do
    shop=$BENCH_DIR/shop-$size
    q=$(printf '%q' "$shop")
    files=$(find "$shop" -name '*.yaml' | wc -l)
    bytes=$(du -sh --apparent-size "$shop" 2>/dev/null | cut -f1)
    SHOP_FACTS+=("- shop-$size: $files record files, $bytes")

    # A shop from genshop must be valid: exit 1 means the generator (or the
    # checker) is wrong. Say so loudly, but still time it.
    rc=0
    "$LANGGAN" --shop "$shop" --now "$NOW" check >/dev/null 2>"$BENCH_DIR/check-$size.err" || rc=$?
    if ((rc == 1)); then
        log "WARNING: langgan check reports errors on $shop (see $BENCH_DIR/check-$size.err):"
        head -n 10 "$BENCH_DIR/check-$size.err" >&2
        SHOP_FACTS+=("- **shop-$size: \`langgan check\` exited 1** (first lines in $BENCH_DIR/check-$size.err)")
    elif ((rc != 0)); then
        log "error: langgan check exited $rc on $shop:"
        head -n 20 "$BENCH_DIR/check-$size.err" >&2
        exit "$rc"
    fi
    # hyperfine aborts on a non-zero exit unless told to ignore it.
    check_cmd="$LANGGAN --shop $q --now '$NOW' check 2>/dev/null"
    if ((rc == 1)); then
        check_cmd="$check_cmd || true"
    fi

    bench_one "shop-$size" "cat *.yaml (I/O floor)" \
        "find $q -name '*.yaml' -print0 | xargs -0 cat > /dev/null" "$size-cat"
    bench_one "shop-$size" "langgan --no-cache check (every file parsed)" \
        "${check_cmd/check/--no-cache check}" "$size-check-cold"
    bench_one "shop-$size" "langgan check (index cache warm)" "$check_cmd" "$size-check"
    if ((HAVE_DUE)); then
        bench_one "shop-$size" "langgan due --format json (cache warm)" \
            "$LANGGAN --shop $q --now '$NOW' due --format json > /dev/null" "$size-due"
    fi
    if ((HAVE_REPORT)); then
        site=$BENCH_DIR/site-$size
        q_site=$(printf '%q' "$site")
        # The previous site is moved aside, untimed (--prepare), and deleted at
        # the end: deleting 120k files just before a run leaves ext4 busy
        # discarding blocks, which slowed the next run's file creation 2-5x.
        trash=$BENCH_DIR/trash
        mkdir -p "$trash"
        aside="mkdir -p $trash && mv $q_site $trash/site-\$(date +%s%N) 2>/dev/null || true"
        bench_one "shop-$size" "langgan --no-cache report (cold: parse all, empty output folder)" \
            "$LANGGAN --shop $q --no-cache --now '$NOW' report --out $q_site 2>/dev/null" "$size-report-cold" "$aside"
        bench_one "shop-$size" "langgan report (empty output folder; index cache and report state warm)" \
            "$LANGGAN --shop $q --now '$NOW' report --out $q_site 2>/dev/null" "$size-report-empty" "$aside"
        bench_one "shop-$size" "langgan report (nothing changed)" \
            "$LANGGAN --shop $q --now '$NOW' report --out $q_site 2>/dev/null" "$size-report-warm"
        # One record changes between runs (a comment is appended: its page stays the same).
        one=$(find "$shop/customers" -name '*.yaml' | sort | sed -n 1p)
        q_one=$(printf '%q' "$one")
        bench_one "shop-$size" "langgan report after one changed file" \
            "printf '# bench\\n' >> $q_one && $LANGGAN --shop $q --now '$NOW' report --out $q_site 2>/dev/null" "$size-report-one"
        # The usual case: an edit, then a report a minute later (every run one
        # minute after the last, so the dashboard and the current week move).
        minute=$BENCH_DIR/minute-$size
        echo 0 > "$minute"
        q_minute=$(printf '%q' "$minute")
        bench_one "shop-$size" "langgan report a minute later, after one changed file" \
            "m=\$(( \$(cat $q_minute) + 1 )); echo \$m > $q_minute; printf '# bench\\n' >> $q_one && $LANGGAN --shop $q --now \"2026-11-20 \$(( 16 + m / 60 )):\$(printf %02d \$(( m % 60 )))\" report --out $q_site 2>/dev/null" "$size-report-later"
        # The floor for writing a site: copying the one just built (reads and
        # creates the same files).
        bench_one "shop-$size" "cp -r of the site (write floor, empty target)" \
            "cp -r $q_site $q_site.copy-\$(date +%s%N)" "$size-site-copy" \
            "mkdir -p $trash && mv $q_site.copy-* $trash/ 2>/dev/null || true"
        mv "$site".copy-* "$trash"/ 2>/dev/null || true
        log "==> removing the old sites (untimed)"
        rm -rf "$trash"
    fi
done

# ------------------------------------------------------------------ report

{
    echo "# langgan benchmark"
    echo
    machine_facts
    echo "## Shops"
    echo
    printf '%s\n' "${SHOP_FACTS[@]}"
    echo
    echo "## Results (now = $NOW, $RUNS runs after 1 warmup, $( ((HAVE_HYPERFINE)) && echo hyperfine || echo 'timing loop'))"
    echo
    echo "| shop | command | mean wall time | min … max | peak RSS MiB |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
} | tee "$RESULTS"

log "==> wrote $RESULTS"
