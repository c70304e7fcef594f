#!/usr/bin/env bash
# Times `jejaring import vcard` on 10,000 and 100,000 generated cards (a fresh import,
# then a re-import that changes nothing), whole process, median of 5 runs; then the
# adversarial files: one card with 40,000 TEL lines and a CSV row with 100,000 email
# columns (median of 3), which must stay as fast as an ordinary file of their size.
# Usage: bench/import.sh [SIZES…]   (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet --example vcards --bin jejaring
bin=target/release/jejaring
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() {
  local s=$EPOCHREALTIME
  "$@" >/dev/null 2>&1
  awk -v s="$s" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.3f\n", e - s }'
}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
for size in "${sizes[@]}"; do
  target/release/examples/vcards "$size" > "$tmp/cards.vcf"
  fresh=$(for _ in 1 2 3 4 5; do rm -f "$tmp/data.json"; seconds "$bin" --data "$tmp/data.json" import vcard "$tmp/cards.vcf"; done | median)
  again=$(for _ in 1 2 3 4 5; do seconds "$bin" --data "$tmp/data.json" import vcard "$tmp/cards.vcf"; done | median)
  printf 'import vcard %7d cards: fresh %ss, re-import %ss\n' "$size" "$fresh" "$again"
done
target/release/examples/vcards --phones 40000 > "$tmp/phones.vcf"
target/release/examples/vcards --emails-csv 100000 > "$tmp/emails.csv"
phones=$(for _ in 1 2 3; do rm -f "$tmp/data.json"; seconds "$bin" --data "$tmp/data.json" import vcard "$tmp/phones.vcf"; done | median)
emails=$(for _ in 1 2 3; do rm -f "$tmp/data.json"; seconds "$bin" --data "$tmp/data.json" import csv "$tmp/emails.csv"; done | median)
printf 'adversarial: one card with 40,000 TEL lines %ss, one CSV row with 100,000 email columns %ss\n' "$phones" "$emails"
