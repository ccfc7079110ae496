#!/usr/bin/env bash
# Full-build benchmark: generates a synthetic site with N pages in each of four languages
# (plus the derived Serbian Latin copy) and builds it several times with the release binary.
# Prints wall time, CPU time, pages per second and peak memory (from GNU time) per run.
#
#   bench/run.sh [PAGES_PER_LANGUAGE=1000] [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin putokaz --example synth_site
target/release/examples/synth_site "$work/site" "$n"
md_bytes=$(du -sb "$work/site/content" | cut -f1)
echo "site: $n pages × 4 languages, $((md_bytes / 1024 / 1024)) MiB of Markdown"

/usr/bin/time -f '%e %M' -o "$work/time" target/release/putokaz --root "$work/site" check --quiet >/dev/null
read -r wall kib < "$work/time"
echo "check (loads and validates a plan of $((2 * n)) activities and $n reports, renders everything, writes nothing): wall $wall s, peak $((kib / 1024)) MiB"

for i in $(seq 1 "$runs"); do
  rm -rf "$work/out"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" \
    target/release/putokaz --root "$work/site" build --quiet --out "$work/out"
  read -r wall user sys kib < "$work/time"
  pages=$(find "$work/out" -name '*.html' | wc -l)
  awk -v w="$wall" -v u="$user" -v s="$sys" -v k="$kib" -v p="$pages" -v i="$i" 'BEGIN {
    printf "run %d: %d HTML files, wall %.2f s, cpu %.2f s, %.0f pages/s, peak %.0f MiB\n", i, p, w, u + s, p / w, k / 1024
  }'
done
