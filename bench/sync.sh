#!/usr/bin/env bash
# Times `jejaring sync` against a local Radicale (installed by tests/support/install-servers):
# the first sync of N generated contacts, a second sync with nothing changed, and a sync
# with one change on each side (one card edited on the server, one contact edited here).
# Whole process, one run each (a first sync cannot be repeated on the same data).
# Radicale checks each new card's UID against the whole address book, so writing N new
# cards costs it O(N²): past 2,000 contacts the cards are put straight into its storage
# folder instead, and the first sync links them (fetching every card, writing none).
# Usage: bench/sync.sh [SIZES…]   (default: 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet --example gen_network --bin jejaring
tests/support/install-servers
bin=target/release/jejaring
py=target/tmp/dav-servers-venv/bin/python
tmp=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'ayu:secret\n' > "$tmp/users"
cat > "$tmp/config" <<CONF
[server]
hosts = 127.0.0.1:$port
[auth]
type = htpasswd
htpasswd_filename = $tmp/users
htpasswd_encryption = plain
delay = 0
[storage]
filesystem_folder = $tmp/collections
[rights]
type = owner_only
[logging]
level = warning
CONF
"$py" -m radicale --config "$tmp/config" 2>"$tmp/log" &
server=$!
trap 'kill $server; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
seconds() {
  local s=$EPOCHREALTIME
  "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  awk -v s="$s" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.2f\n", e - s }'
}
export JEJARING_SYNC_PASSWORD=secret JEJARING_NOW=2026-11-28
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
for size in "${sizes[@]}"; do
  book="http://127.0.0.1:$port/ayu/book$size/"
  target/release/examples/gen_network --contacts "$size" --out "$tmp/net.json" --now 2026-11-28 >/dev/null
  export JEJARING_DATA="$tmp/net.json"
  curl -s -u ayu:secret -X MKCOL --data '<?xml version="1.0"?><d:mkcol xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:set><d:prop><d:resourcetype><d:collection/><c:addressbook/></d:resourcetype></d:prop></d:set></d:mkcol>' "$book" >/dev/null
  "$bin" sync setup "$book" --user ayu >/dev/null
  kind="first (pushes every card)"
  if [ "$size" -gt 2000 ]; then
    kind="first (cards already on the server)"
    "$bin" export vcard --out "$tmp/all.vcf" 2>/dev/null
    python3 - "$tmp/all.vcf" "$tmp/collections/collection-root/ayu/book$size" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
for card in re.findall(r"BEGIN:VCARD.*?END:VCARD\r\n", text, re.S):
    uid = re.search(r"^UID:urn:uuid:(\S+)", card, re.M).group(1)
    open(f"{sys.argv[2]}/jejaring-{uid}.vcf", "w", encoding="utf-8", newline="").write(card)
PY
  fi
  first=$(seconds "$bin" sync)
  nothing=$(seconds "$bin" sync)
  # One change on each side: the first card on the server gets an organisation, and
  # the first contact here a role.
  card=$(ls "$tmp/collections/collection-root/ayu/book$size/" | grep '\.vcf$' | sed -n 1p)
  curl -s -u ayu:secret "$book$card" | sed 's/^END:VCARD/ORG:Changed on the phone\r\nEND:VCARD/' > "$tmp/card.vcf"
  curl -s -u ayu:secret -X PUT -H 'Content-Type: text/vcard' --data-binary @"$tmp/card.vcf" "$book$card" >/dev/null
  handle=$("$bin" --json list | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["handle"])')
  "$bin" edit "$handle" --role "Changed here" >/dev/null 2>&1
  one=$(seconds "$bin" sync)
  printf 'sync %6d contacts: %s %ss, nothing changed %ss, one change each side %ss\n' "$size" "$kind" "$first" "$nothing" "$one"
done
