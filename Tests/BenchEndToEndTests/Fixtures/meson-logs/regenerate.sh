#!/usr/bin/env bash
# Regenerates the corpus of real Meson logs that the replay tests read: each project below is
# downloaded as its pinned Debian 12 source package, its build dependencies are installed, and
# it is configured by Meson 1.12.1 (the version scripts/setup.sh installs); its log is written
# beside this script as NAME.log, with every path of the work folder rewritten to a
# placeholder (the source folder /@SOURCE@, the build folder /@BUILD@, Meson's virtual
# environment /@MESON@, anything else of the work folder /@WORK@, the home folder /@HOME@), so
# that no test depends on where it was made. Prints each project's `meson setup` wall time.
# Debian 12 has no Meson project in Fortran whose sources the archive serves (mctc-lib's and
# scipy's downloads fail), so the corpus is C and C++.
#
#   Tests/BenchEndToEndTests/Fixtures/meson-logs/regenerate.sh [WORK_FOLDER]   # as root, on Debian 12
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mkdir -p "${1:-/tmp/meson-corpus}" && cd "${1:-/tmp/meson-corpus}" && pwd)

# name, version, meson options: the project's defaults but where a default needs what Debian 12 lacks.
projects=(
  "glib2.0 2.74.6-2+deb12u9"
  "libdrm 2.4.114-1"
  "fribidi 1.0.8-2.1"
  "harfbuzz 6.0.0+dfsg-3"
  "wayland 1.21.0-1 -Ddocumentation=false"
  "gstreamer1.0 1.22.0-2+deb12u1"
  "pango1.0 1.50.12+ds-1"
  "gdk-pixbuf 2.42.10+dfsg-1+deb12u4"
  "libxkbcommon 1.5.0-1"
  "dav1d 1.0.0-2+deb12u1"
  "libpsl 0.21.2-1 -Dpsl_file=/usr/share/publicsuffix/public_suffix_list.dat -Dpsl_testfile=/usr/share/doc/publicsuffix/examples/test_psl.txt"
  "libsoup3 3.2.3-0+deb12u2"
  "systemd 252.39-1~deb12u2"
  "gtk4 4.8.3+ds-2+deb12u1"
)
[ -n "${ONLY:-}" ] && mapfile -t projects < <(printf '%s\n' "${projects[@]}" | grep -E "^($ONLY) ")

if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > /etc/apt/sources.list.d/debian-src.sources
fi
apt-get update -qq
meson="$work/meson/bin/meson"
if [ "$("$meson" --version 2>/dev/null)" != 1.12.1 ]; then
  python3 -m venv "$work/meson"
  "$work/meson/bin/pip" install --quiet --disable-pip-version-check meson==1.12.1
fi

for entry in "${projects[@]}"; do
  read -r name version options <<< "$entry"
  mkdir -p "$work/src/$name" && cd "$work/src/$name"
  if ! ls -d */ >/dev/null 2>&1; then
    apt-get source --download-only -qq "$name=$version" >/dev/null 2>&1 || { echo "$name: cannot download $version" >&2; continue; }
    dpkg-source -x --no-check ./*.dsc >/dev/null
  fi
  source=$(cd "$(ls -d */ | head -1)" && pwd)
  DEBIAN_FRONTEND=noninteractive apt-get build-dep -y -qq "$name=$version" >/dev/null 2>&1 || { echo "$name: cannot install its build dependencies" >&2; continue; }
  build="$work/build/$name"
  rm -rf "$build"
  start=$(date +%s.%N)
  # shellcheck disable=SC2086 # the options are words
  "$meson" setup $options "$build" "$source" >"$work/$name.setup.txt" 2>&1 || { echo "$name: meson setup failed, see $work/$name.setup.txt" >&2; continue; }
  end=$(date +%s.%N)
  sed -e "s#$build#/@BUILD@#g" -e "s#$source#/@SOURCE@#g" -e "s#$work/meson#/@MESON@#g" -e "s#$work#/@WORK@#g" -e "s#$HOME#/@HOME@#g" \
    "$build/meson-logs/meson-log.txt" > "$here/$name.log"
  printf '%s\t%s\t%s compiles\tmeson setup %.2f s\n' "$name" "$version" \
    "$(grep -c '^Running compile:$' "$here/$name.log")" "$(echo "$end - $start" | bc)"
done
