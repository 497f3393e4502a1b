"""``caseworker`` is the Qt-free core: the window depends on it, never the other way round."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import PROJECT_ROOT

CORE = PROJECT_ROOT / "caseworker"


def core_modules() -> list[str]:
    names = []
    for path in sorted(CORE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        relative = path.relative_to(PROJECT_ROOT).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = core_modules()
    assert len(modules) > 10
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_no_core_source_names_qt_or_ui() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in {"PySide6", "shiboken6", "ui", "PyQt6", "PyQt5"}:
                    offenders.append(f"{path.relative_to(PROJECT_ROOT)}: {name}")
    assert offenders == []
