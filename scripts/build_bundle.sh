#!/usr/bin/env bash
# Build the one-folder desktop bundle dist/petitions-caseworker/ with PyInstaller.
#
# A separate environment, .venv-bundle, holds the project installed as a user installs it (not
# editable, with PostgreSQL support) and PyInstaller: the bundle then carries the installed
# package with its data files and metadata, and none of .venv's test and build tools.
# Idempotent: the environment is reused, the project reinstalled from the checkout each time.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV=.venv-bundle
BIN="$VENV/bin"

if [ ! -x "$BIN/python" ]; then
    "$PYTHON" -m venv "$VENV"
    "$BIN/python" -m pip install --quiet --upgrade pip
fi
"$BIN/python" -m pip install --quiet "pyinstaller>=6.10,<7"
# --force-reinstall --no-deps: the checkout's current code, even at an unchanged version.
"$BIN/python" -m pip install --quiet ".[postgres]"
"$BIN/python" -m pip install --quiet --force-reinstall --no-deps .

rm -rf build/pyinstaller dist/petitions-caseworker
"$BIN/pyinstaller" --noconfirm --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/petitions-caseworker.spec

size="$(du -sh dist/petitions-caseworker | cut -f1)"
echo "built dist/petitions-caseworker/ ($size): run dist/petitions-caseworker/petitions-caseworker"
