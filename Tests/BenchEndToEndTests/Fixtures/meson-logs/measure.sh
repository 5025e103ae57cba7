#!/usr/bin/env bash
# The table of docs/configure-checks.md: for each project of the corpus, `meson setup`'s own
# wall time (the faster of two setups into fresh build folders, after one to warm the caches)
# and the replay of its log with every strategy, as a Markdown row. Run it after
# regenerate.sh, with the same work folder, and a release build of bench:
#
#   scripts/setup.sh release
#   Tests/BenchEndToEndTests/Fixtures/meson-logs/measure.sh [WORK_FOLDER] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
work=$(cd "${1:-/tmp/meson-corpus}" && pwd)
runs=${2:-3}
bench="$root/.build/release/bench"
meson="$work/meson/bin/meson"

echo "| project | compiles | skipped | meson setup | serial | best | speed-up |"
echo "| --- | ---: | ---: | ---: | ---: | --- | ---: |"
while IFS=$'\t' read -r name _; do
  [ -n "${ONLY:-}" ] && ! [[ "$name" =~ ^($ONLY)$ ]] && continue
  source=$(cd "$work/src/$name" && cd "$(ls -d */ | head -1)" && pwd)
  # The options regenerate.sh configured it with.
  options=$(sed -n "s/^  \"$name [^ ]*\(.*\)\"$/\1/p" "$here/regenerate.sh")
  walls=()
  for i in 0 1 2; do
    rm -rf "$work/time/$name"
    start=$(date +%s.%N)
    # shellcheck disable=SC2086 # the options are words
    "$meson" setup $options "$work/time/$name" "$source" >/dev/null 2>&1
    end=$(date +%s.%N)
    [ "$i" -gt 0 ] && walls+=("$(echo "$end - $start" | bc)")
  done
  setup=$(printf '%s\n' "${walls[@]}" | sort -n | head -1)
  out=$(mktemp -d)
  "$bench" run meson-log -D log="$here/$name.log" -r "$runs" --export-json "$out/replay.json" > "$out/replay.txt" || true
  python3 - "$name" "$setup" "$out/replay.json" "$out/replay.txt" <<'EOF'
import json, re, sys
name, setup, path, text = sys.argv[1], float(sys.argv[2]), sys.argv[3], open(sys.argv[4]).read()
runs = json.load(open(path))["measurements"][0]["runs"]
serial = next(r for r in runs if r["strategy"] == "serial")
best = min((r for r in runs if r["strategy"] != "serial"), key=lambda r: r["wall_s"]["median"])
head = re.match(r".*: (\d+) compiles .*, (\d+) skipped", text.splitlines()[0])
print(f"| {name} | {head[1]} | {head[2]} | {setup:.2f} s | {serial['wall_s']['median']:.3f} s | "
      f"{best['strategy']} -j {best['concurrency']}: {best['wall_s']['median']:.3f} s | "
      f"{serial['wall_s']['median'] / best['wall_s']['median']:.2f}× |")
EOF
  rm -rf "$out"
done < "$here/counts.tsv"
