#!/usr/bin/env bash
# Smoke-test the BUILT bundle (not the source): on a fresh data folder, with Qt offscreen, it
# creates the database, generates demo data, writes a briefing pack and a letter, then opens
# the window and quits once the table shows its first rows. Exit code 0 when all of that works.
#
#   scripts/smoke_bundle.sh [PROGRAM]   (default dist/petitions-caseworker/petitions-caseworker)
set -euo pipefail
cd "$(dirname "$0")/.."

program="$(realpath "${1:-dist/petitions-caseworker/petitions-caseworker}")"
[ -x "$program" ] || { echo "smoke: $program is not built; run make bundle" >&2; exit 1; }

# A fresh home: settings, the default database and caches all land in the temporary folder.
work="$(mktemp -d "${TMPDIR:-/tmp}/caseworker-smoke.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
cd "$work"  # nothing may depend on being started from the checkout
db="$work/smoke.sqlite3"

step() { echo "smoke: $*"; }
run() { "$program" --db "$db" "$@"; }
is_pdf() {
    [ "$(head -c 4 "$1")" = "%PDF" ] || { echo "smoke: $1 is not a PDF" >&2; exit 1; }
}
first() {  # first(JSON_FILE, PYTHON_EXPRESSION over the list `rows`)
    python3 -c "import json, sys; rows = json.load(open(sys.argv[1])); print($2)" "$1"
}

step "demo data (creates the database)"
run demo --petitions 300

step "briefing pack"
run list --format json > petitions.json
petition="$(first petitions.json 'rows[0]["id"]')"
run brief "$petition" -o pack.pdf
is_pdf pack.pdf

step "letter"
run requests --format json > requests.json
request="$(first requests.json 'next(r["id"] for r in rows if r["due_on"])')"
run letter "$request" -o letter.pdf
is_pdf letter.pdf

step "window (offscreen, quits after the first rows)"
CASEWORKER_QUIT_AFTER_LOAD=1 timeout 120 "$program" --db "$db" | tee window.log
grep -q "first rows shown" window.log

step "passed: $(du -sh "$(dirname "$program")" | cut -f1) bundle"
