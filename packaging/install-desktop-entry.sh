#!/usr/bin/env bash
# Add the built bundle to the Linux desktop's menu for this user: the desktop entry and its icon.
# Run after `make bundle`; the entry starts dist/petitions-caseworker/petitions-caseworker where
# it is (move the folder first, then run this again, if it is to live elsewhere).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
program="$root/dist/petitions-caseworker/petitions-caseworker"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
[ -x "$program" ] || { echo "$program is not built: run make bundle first" >&2; exit 1; }
for size in 16 24 32 48 64 128 256; do
    install -D -m 644 "$root/resources/icons/petitions-caseworker-$size.png" \
        "$data/icons/hicolor/${size}x${size}/apps/petitions-caseworker.png"
done
install -D -m 644 "$root/resources/icons/petitions-caseworker.svg" \
    "$data/icons/hicolor/scalable/apps/petitions-caseworker.svg"
mkdir -p "$data/applications"
sed "s|^Exec=.*|Exec=\"$program\"|" "$root/packaging/petitions-caseworker.desktop" \
    > "$data/applications/petitions-caseworker.desktop.partial"
mv "$data/applications/petitions-caseworker.desktop.partial" \
    "$data/applications/petitions-caseworker.desktop"
echo "added Petitions caseworker to the desktop's menu ($data/applications)"
