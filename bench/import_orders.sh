#!/usr/bin/env bash
# Benchmark `import orders`: a 20,000-row Shopee export (examples/genorders.rs)
# into a copy of the 10k generated shop, once, with GNU time's wall time,
# CPU time and peak RSS; then the same file again (nothing to write) and the
# dry run.
#
#   bash bench/import_orders.sh            # ROWS=20000 by default
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROWS=${ROWS:-20000}
NOW='2026-11-28 12:00'
cargo build --release --bin langgan --example genshop --example genorders >&2
L=target/release/langgan
mkdir -p target/bench
if [[ ! -f target/bench/shop-10k/shop.toml ]]; then
    rm -rf target/bench/shop-10k.tmp
    target/release/examples/genshop target/bench/shop-10k.tmp --customers 10000 --seed 42 >&2
    mv target/bench/shop-10k.tmp target/bench/shop-10k
fi
shop=target/bench/orders-shop
rm -rf "$shop" && cp -r target/bench/shop-10k "$shop" && rm -rf "$shop/.langgan"
target/release/examples/genorders "$shop" target/bench/orders.csv --rows "$ROWS"
"$L" --shop "$shop" check >/dev/null   # the index cache warm, as a shop in use has it
fmt='wall %e s, user %U s, sys %S s, peak RSS %M KiB'
/usr/bin/time -f "import:   $fmt" "$L" --shop "$shop" --now "$NOW" import orders target/bench/orders.csv >/dev/null
/usr/bin/time -f "again:    $fmt" "$L" --shop "$shop" --now "$NOW" import orders target/bench/orders.csv >/dev/null
/usr/bin/time -f "dry run:  $fmt" "$L" --shop "$shop" --now "$NOW" import orders target/bench/orders.csv --dry-run >/dev/null
"$L" --shop "$shop" --now "$NOW" check
