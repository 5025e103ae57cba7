#!/bin/sh
# bench time beside hyperfine: the median each measures for the same command, one after the
# other, with no shell (-N) and through sh, round after round (who goes first alternates).
#
#   scripts/versus-hyperfine.sh [BENCH] [ROUNDS]
#
# BENCH is the bench binary (default .build/release/bench; build it with swift build -c release),
# ROUNDS how many times each pair is measured (default 3). Needs hyperfine and python3. Prints
# one line per pair: the medians in milliseconds, the runs each took, and bench's difference.
set -eu
bench=${1:-.build/release/bench}
rounds=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

median() { # tool file: the median in ms and the run count
    python3 -c '
import json, sys
d = json.load(open(sys.argv[2]))
if sys.argv[1] == "hyperfine":
    r = d["results"][0]; print("%.3f %d" % (r["median"] * 1000, len(r["times"])))
else:
    w = d["measurements"][0]["runs"][0]["wall_s"]; print("%.3f %d" % (w["median"] * 1000, len(w["samples"])))
' "$1" "$2"
}

hyperfine --version
"$bench" --version
printf '%-10s %-5s %3s  %12s %6s  %12s %6s  %8s\n' command shell "#" "hyperfine ms" runs "bench ms" runs "bench-hf"
for round in $(seq "$rounds"); do
    for shell in none sh; do
        for cmd in 'ls /' true 'sleep 0.1'; do
            set --
            [ "$shell" = none ] && set -- -N
            h() { hyperfine "$@" --style none --export-json "$tmp/h.json" "$cmd" >/dev/null 2>&1; }
            b() { "$bench" time "$@" -q --format json --output "$tmp/b.json" "$cmd"; }
            if [ $((round % 2)) -eq 1 ]; then h "$@"; b "$@"; else b "$@"; h "$@"; fi
            set -- $(median hyperfine "$tmp/h.json") $(median bench "$tmp/b.json")
            diff=$(python3 -c 'import sys; h, b = float(sys.argv[1]), float(sys.argv[2]); print("%+.1f %%" % ((b - h) / h * 100) if h > 0 else "-")' "$1" "$3")
            printf '%-10s %-5s %3s  %12s %6s  %12s %6s  %8s\n' "$cmd" "$shell" "$round" "$1" "$2" "$3" "$4" "$diff"
        done
    done
done
