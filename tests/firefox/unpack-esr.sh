#!/usr/bin/env bash
# Unpacks Debian's firefox-esr <major>.x into .tmp/firefox-<major>/ without
# installing it (apt-get download + dpkg -x), and prints the browser's path.
# The tests run the add-on there: the oldest Firefox its manifest accepts.
# Cached: once unpacked, a run only prints the path. If apt offers no
# <major>.x, the lowest version on offer is used, and stderr says so.
# Needs Debian's apt lists; as root it refreshes them when they lack the package.
set -euo pipefail
major=${1:?usage: unpack-esr.sh <major version>}
root=$(cd "$(dirname "$0")/../.." && pwd)
dest="$root/.tmp/firefox-$major"
binary="$dest/usr/lib/firefox-esr/firefox-esr"
if [ -x "$binary" ]; then
  echo "$binary"
  exit 0
fi

on_offer() { apt-cache madison firefox-esr 2>/dev/null | awk -F'|' '{ gsub(/ /, "", $2); print $2 }'; }
# The lowest <major>.x on offer, else the lowest version of all.
choose() {
  version=$(on_offer | grep -E "^$major\." | sort -V | head -n 1 || true)
  [ -n "$version" ] || version=$(on_offer | sort -V | head -n 1)
}
refresh() { [ "$(id -u)" = 0 ] && apt-get update -qq >&2; }

choose
if ! [[ $version == "$major".* ]] && refresh; then choose; fi
[ -n "$version" ] || { echo "unpack-esr: apt offers no firefox-esr (run apt-get update)" >&2; exit 1; }
[[ $version == "$major".* ]] ||
  echo "unpack-esr: no firefox-esr $major.x on offer; using the lowest there is, $version" >&2

mkdir -p "$root/.tmp"
work=$(mktemp -d)
# Unpacked beside its final place under a name of its own, then moved there in
# one step: an interrupted or concurrent run never leaves a half-unpacked browser.
partial=$(mktemp -d "$dest.XXXXXX")
trap 'rm -rf "$work" "$partial"' EXIT
# apt's download user must be able to write here (else a warning, and root downloads unsandboxed).
chmod a+rwx "$work"
download() { (cd "$work" && apt-get download -q "firefox-esr=$version" >&2); }
# Stale lists name a version the archive has since replaced: refresh, choose again, retry.
download || { refresh && choose && download; }
dpkg -x "$work"/firefox-esr_*.deb "$partial"
echo "$version" >"$partial/VERSION"
# If another run got there first, its copy is as good as ours.
mv -T "$partial" "$dest" 2>/dev/null || [ -x "$binary" ]
echo "$binary"
