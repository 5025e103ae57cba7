#!/usr/bin/env bash
# Installs the system packages bench needs (Debian, apt), then builds bench.
# Idempotent: installs only what is missing, and a second run only rebuilds.
#   scripts/setup.sh            # debug build (what `swift test` uses)
#   scripts/setup.sh release    # release build, statically linked (what benchmarks should use)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(liblua5.4-dev pkg-config gfortran gcc gzip procps python3 python3-venv ninja-build make ccache distcc)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Installs NAME==VERSION from PyPI into its own .build/NAME, unless the last word of the first
# line of `.build/NAME/bin/NAME --version` is already VERSION.
pypi_tool() {
  local name=$1 version=$2
  if [ "$(".build/$name/bin/$name" --version 2>/dev/null | head -n 1 | awk '{print $NF}')" != "$version" ]; then
    echo "setup: installing $name $version into .build/$name" >&2
    rm -rf ".build/$name"
    python3 -m venv ".build/$name"
    ".build/$name/bin/pip" install --quiet --disable-pip-version-check "$name==$version"
  fi
}
# Meson for the replay tests, pinned: Debian 12's Meson 1.0 does not log the outcome of each
# check, which the replay compares with its own.
pypi_tool meson 1.12.1
# CMake for the recording tests, pinned: CMake 4 writes the configure log; Debian 12's is 3.25.
pypi_tool cmake 4.4.5

config=${1:-debug}
case "$config" in
  debug|release) ;;
  *) echo "setup: unknown configuration '$config' (valid: debug, release)" >&2; exit 2 ;;
esac
# A release build links Swift's runtime and Foundation into the binary, as a position-dependent
# executable: a `processes` worker, one bench process per slot and batch, then starts in 4 ms
# instead of 13 (no dynamic linking of a dozen libraries, none of the 75,000 relocations and
# the page faults a position-independent image of that size needs), and the binary runs on a
# machine without Swift. It links with lld, which does not repeat glibc's link-time warning
# about a mktemp call inside Foundation.
static=()
[ "$config" = release ] && static=(--static-swift-stdlib -Xswiftc -use-ld=lld -Xlinker --no-pie)
swift build -c "$config" ${static[@]+"${static[@]}"} --product bench
