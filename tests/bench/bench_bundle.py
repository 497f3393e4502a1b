"""The built bundle beside ``python main.py``: launch to first rows, and size on disk.

Both programs are started as a clerk starts them, offscreen, on the same 100,000-petition
demo database (``bench_window``'s, generated once into ``bench-output/``) with the same fresh
settings, in turns; each is timed from starting the process until it prints that the table
shows its first rows (``CASEWORKER_QUIT_AFTER_LOAD``, see ``ui/app.py``). One untimed start
of each first, so both read their files from the disk cache. Goals: the bundle no slower than
1.2 times ``python main.py``; the bundle under 250 MB on disk.

Skipped when the bundle is not built (``make bundle``).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.bench.bench_window import PROJECT_ROOT, database_path

BUNDLE = PROJECT_ROOT / "dist" / "petitions-caseworker"
PROGRAM = BUNDLE / (
    "petitions-caseworker.exe" if sys.platform == "win32" else "petitions-caseworker"
)
RUNS = 5
GOAL_RATIO = 1.2
GOAL_SIZE_MB = 250.0
LOADED = "first rows shown"


def launch_to_first_rows_s(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(LOADED):
            elapsed = time.perf_counter() - started
            break
    else:
        raise AssertionError(f"{command[0]} quit without showing rows")
    process.stdout.read()
    assert process.wait(timeout=60) == 0, f"{command[0]} failed"
    return elapsed


def size_on_disk_mb(folder: Path) -> float:
    blocks = sum(
        p.stat().st_blocks for p in folder.rglob("*") if p.is_file() and not p.is_symlink()
    )
    return blocks * 512 / 1e6


def test_bundle_beside_source() -> None:
    if not PROGRAM.exists():
        pytest.skip(f"the bundle is not built ({PROGRAM}): run make bundle")
    database = str(database_path())
    programs = {
        "bundle": [str(PROGRAM), "--db", database],
        "python main.py": [sys.executable, str(PROJECT_ROOT / "main.py"), "--db", database],
    }
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "HOME": home,
            "XDG_CONFIG_HOME": home,
            "QT_QPA_PLATFORM": "offscreen",
            "CASEWORKER_QUIT_AFTER_LOAD": "1",
        }
        for command in programs.values():
            launch_to_first_rows_s(command, env)  # untimed: warms the disk cache
        times: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(RUNS):
            for name, command in programs.items():
                times[name].append(launch_to_first_rows_s(command, env))
    medians = {name: statistics.median(runs) for name, runs in times.items()}
    for name, runs in times.items():
        shown = ", ".join(f"{t:.2f}" for t in runs)
        print(f"{name:<15} launch to first rows: median {medians[name]:.2f} s ({shown})")
    ratio = medians["bundle"] / medians["python main.py"]
    print(f"ratio          {ratio:.2f} (goal: no more than {GOAL_RATIO})")
    print(
        f"bundle size    {size_on_disk_mb(BUNDLE):.0f} MB on disk (goal: under {GOAL_SIZE_MB:.0f})"
    )
