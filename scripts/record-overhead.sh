#!/bin/sh
# What recording costs a configure step: `./configure` and `bench record -- ./configure` timed
# against each other by bench time, in rotating order, round after round, each run into a
# fresh build folder (the folder's removal is untimed).
#
#   scripts/record-overhead.sh SOURCE_DIR [RUNS] [BENCH]
#
# SOURCE_DIR is an autoconf project (apt-get source gzip && dpkg-source -x gzip_*.dsc), RUNS the
# timed runs of each (default 5, after one warm-up), BENCH the bench binary (default
# .build/release/bench: scripts/setup.sh release). Prints bench time's table; the ratio of the
# two medians is the recording's cost.
set -eu
source_dir=$(cd "$1" && pwd)
runs=${2:-5}
bench=$(cd "$(dirname "${3:-.build/release/bench}")" && pwd)/$(basename "${3:-.build/release/bench}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$bench" --version
"$bench" time -N -w 1 -r "$runs" --prepare "rm -rf $tmp/build $tmp/recording.json" \
    -n configure "sh -c 'mkdir $tmp/build && cd $tmp/build && exec $source_dir/configure'" \
    -n "bench record -- configure" "sh -c 'mkdir $tmp/build && cd $tmp/build && exec $bench record -o $tmp/recording.json -- $source_dir/configure'"
