#!/usr/bin/env bash
# Full-build benchmark of the whole portal: a synthetic site of N pages in each of sr, cnr, mk
# and en (about 600 words each with headings, a list, a table, links and a code block; a section
# paginated by 10) added to a copy of the real portal (its plans, statistics, help and pages),
# built with the release binary into an empty folder. Everything a real build does runs: minified
# HTML, search indexes, sitemap, feeds, open data, the link check and the leak scan.
#
# When `hugo` is installed, an equivalent Hugo site (the same Markdown pages, languages and
# pagination; see bench/hugo_site.py) is built in the same run, alternating with Putokaz, and the
# ratio of the medians is printed.
#
#   bench/run.sh [PAGES_PER_LANGUAGE=1000] [RUNS=3]
#
# Prints, per run and as medians: wall time, CPU time, peak memory, pages per second.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin putokaz --example synth_site --example rebuild_time
target/release/examples/synth_site "$work/site" "$n"
# Only the pages: the plans are the real portal's.
rm -rf "$work/site/content/plans/synthetic" "$work/site/content/institutions/xx.toml"
# The real portal on top: its configuration, pages, plans, statistics, help and strings.
cp putokaz.toml "$work/site/"
cp -r i18n "$work/site/"
cp -r content/. "$work/site/content/"
# A progress report for serve's timing of a report edit (benchmark data, never published): on
# the first activity of the Serbian plan, which has no reports.
activity=$(sed -n 's/^id = "\(.*\)"$/\1/p' content/plans/rs-2009-2011/plan.toml | sed -n '/^[0-9]*\.[0-9]*\.[0-9]*$/{p;q}')
mkdir -p "$work/site/content/plans/rs-2009-2011/reports"
printf '[[report]]\nactivity = "%s"\ndate = 2010-06-30\nstatus = "limited"\ntext = { en = "Benchmark report." }\nsource = { document = "Benchmark" }\n' \
  "$activity" > "$work/site/content/plans/rs-2009-2011/reports/bench.toml"
md_bytes=$(du -sb "$work/site/content/pages" | cut -f1)
echo "site: the real portal + $n synthetic pages × 4 languages ($((md_bytes / 1024 / 1024)) MiB of Markdown)"

have_hugo=false
if command -v hugo >/dev/null; then
  have_hugo=true
  python3 bench/hugo_site.py "$work/site" "$work/hugo"
  echo "hugo: $(hugo version | cut -d' ' -f1-2), the same $n pages × 4 languages"
fi

# measure NAME OUTDIR COMMAND…: one run into a folder that does not exist yet; appends
# "wall cpu MiB files" to $work/times-NAME. Earlier outputs are removed only at the end: on ext4,
# creating files right after deleting many is several times slower ("recently deleted" inodes
# are skipped), which would measure the previous run's clean-up rather than the build. What
# earlier runs (and the generated sites) wrote is written back to disk first, so that the
# kernel's write-back does not compete with the run.
measure() {
  local name=$1 outdir=$2
  shift 2
  sync
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }
  local files
  files=$(find "$outdir" -name '*.html' | wc -l)
  read -r wall user sys kib < "$work/time"
  awk -v n="$name" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kib" -v f="$files" 'BEGIN {
    printf "%-8s wall %6.2f s  cpu %6.2f s  peak %5.0f MiB  %6d HTML files  %6.0f pages/s\n", n, w, u + s, k / 1024, f, f / w
  }'
  echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $((kib / 1024)) $files" >> "$work/times-$name"
}

for i in $(seq 1 "$runs"); do
  measure putokaz "$work/out-$i" target/release/putokaz --root "$work/site" build --quiet --out "$work/out-$i"
  if $have_hugo; then
    measure hugo "$work/hugo-out-$i" hugo --source "$work/hugo" --quiet --destination "$work/hugo-out-$i"
  fi
done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
summary() {
  local name=$1
  local wall cpu mem files
  wall=$(cut -d' ' -f1 "$work/times-$name" | median)
  cpu=$(cut -d' ' -f2 "$work/times-$name" | median)
  mem=$(cut -d' ' -f3 "$work/times-$name" | median)
  files=$(cut -d' ' -f4 "$work/times-$name" | median)
  awk -v n="$name" -v w="$wall" -v c="$cpu" -v m="$mem" -v f="$files" 'BEGIN {
    printf "median %-8s wall %6.2f s  cpu %6.2f s  peak %5.0f MiB  %6d HTML files  %6.0f pages/s\n", n, w, c, m, f, f / w
  }'
  echo "$wall" > "$work/median-$name"
}
summary putokaz
if $have_hugo; then
  summary hugo
  awk -v p="$(cat "$work/median-putokaz")" -v h="$(cat "$work/median-hugo")" 'BEGIN {
    printf "Putokaz takes %.2f of Hugo'\''s wall time (Hugo takes %.2f× as long)\n", p / h, h / p
  }'
fi

# Per stage, one more Putokaz run into a fresh folder.
target/release/putokaz --root "$work/site" build --out "$work/out-stages" --timings 2>&1 | sed -n '/^  /p' | grep -v hint

# What `putokaz serve` does after a save, from the file event to the last file written (pages
# waiting on the preview reload as soon as it is done): one Markdown page, one interface string
# (the search page's note on JavaScript), the status of one progress report, the template of
# tag pages, and a comment added to a plan's data (a full rebuild with what the last build kept).
# The builds above leave hundreds of megabytes for the kernel to write back, which would compete
# with the rebuilds timed below: write them out first.
sync
echo "serve rebuilds after editing one page:"
target/release/examples/rebuild_time "$work/site" content/pages/page-1.en.md 3 | sed 's/^/  /'
echo "serve rebuilds after editing one interface string:"
target/release/examples/rebuild_time "$work/site" i18n/en.ftl 3 | grep -v '^first' | sed 's/^/  /'
echo "serve rebuilds after editing one progress report:"
target/release/examples/rebuild_time "$work/site" content/plans/rs-2009-2011/reports/bench.toml 3 | grep -v '^first' | sed 's/^/  /'
echo "serve rebuilds after editing the template of tag pages (a copy of the built-in one):"
mkdir -p "$work/site/templates"
cp themes/default/templates/tag.html "$work/site/templates/"
target/release/examples/rebuild_time "$work/site" templates/tag.html 3 | grep -v '^first' | sed 's/^/  /'
echo "serve rebuilds after editing a plan's data file:"
target/release/examples/rebuild_time "$work/site" content/plans/rs-2009-2011/plan.toml 3 | grep -v '^first' | sed 's/^/  /'
