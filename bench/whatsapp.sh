#!/usr/bin/env bash
# Benchmark `import whatsapp`: 200 chat exports of 2,000 messages each into a
# copy of the generated 10k shop (examples/genshop.rs, seed 42), exports from
# examples/genchats.rs (deterministic).
#
#   bench/whatsapp.sh                 # 200 × 2000 into shop-10k
#   CHATS=50 MESSAGES=500 bench/whatsapp.sh
#
# Times, once each (the import changes the shop, so every run is on a fresh
# copy): the import itself, then the same import again (nothing to add).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CHATS=${CHATS:-200}
MESSAGES=${MESSAGES:-2000}
NOW='2026-11-20 15:00'
BENCH_DIR=target/bench
LANGGAN=target/release/langgan
SHOP=$BENCH_DIR/shop-10k
WORK=$BENCH_DIR/wa-shop
CHATS_DIR=$BENCH_DIR/wa-chats-$CHATS-$MESSAGES

cargo build --release --bin langgan --example genshop --example genchats >&2
if [[ ! -f $SHOP/shop.toml ]]; then
    rm -rf "$SHOP.tmp"
    target/release/examples/genshop "$SHOP.tmp" --customers 10000 --seed 42 >&2
    mv "$SHOP.tmp" "$SHOP"
fi
rm -rf "$WORK"
cp -r "$SHOP" "$WORK"
rm -rf "$WORK/.langgan" "$WORK/public"
if [[ ! -d $CHATS_DIR ]]; then
    target/release/examples/genchats "$WORK" "$CHATS_DIR.tmp" --chats "$CHATS" --messages "$MESSAGES" --me Toko >&2
    mv "$CHATS_DIR.tmp" "$CHATS_DIR"
fi
# Warm the index cache, as a shop in daily use has it.
"$LANGGAN" --shop "$WORK" --now "$NOW" check >/dev/null 2>&1 || true

# Wall time, and CPU time (user + system, from GNU time) which other load
# on the machine disturbs less; peak RSS.
run() {
    local label=$1 tag=$2 t0 t1 cpu=n/a rss=n/a
    local err=$BENCH_DIR/wa-$tag.err stats=$BENCH_DIR/wa-$tag.time
    t0=$(date +%s%N)
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f '%U %S %M' -o "$stats" \
            "$LANGGAN" --shop "$WORK" --now "$NOW" import whatsapp "$CHATS_DIR"/*.txt --me Toko >/dev/null 2>"$err"
        read -r u s m <"$stats"
        cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f s", u + s }')
        rss=$(awk -v m="$m" 'BEGIN { printf "%.0f", m / 1024 }')
    else
        "$LANGGAN" --shop "$WORK" --now "$NOW" import whatsapp "$CHATS_DIR"/*.txt --me Toko >/dev/null 2>"$err"
    fi
    t1=$(date +%s%N)
    printf '| %s | %s | %.3f s | %s | %s | %s |\n' "$label" "$CHATS × $MESSAGES messages" \
        "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e9 }')" "$cpu" "$rss" "$(tail -n 1 "$err")"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "| run | exports | wall time | CPU (user + sys) | peak RSS MiB | summary |"
echo "|---|---|---|---|---|---|"
run "import (cache warm)" first
run "same files again (nothing new)" again
"$LANGGAN" --shop "$WORK" --now "$NOW" check >/dev/null 2>&1 && echo "check after the import: clean" >&2
