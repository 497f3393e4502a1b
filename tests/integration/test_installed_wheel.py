"""The application as a user installs it (``pipx install .`` does the same): a wheel built from
the checkout, installed into a fresh virtual environment, gives both commands (``caseworker`` and
the window's ``petitions-caseworker``) and writes a briefing pack from a folder outside the
checkout.

An editable install (what ``make`` does) reads files from the checkout, so it cannot show a
file the wheel forgot. Here the wheel is built without the network (``--no-build-isolation``
uses this environment's setuptools), installed without its dependencies, and the
dependencies are borrowed from this environment through a ``.pth`` file. Python adds that
folder to ``sys.path`` without processing the ``.pth`` files inside it, so the editable
install's import hook stays out and ``caseworker`` can only come from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from caseworker.pdf.fonts import FONTS_ENV
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.install

FONTS = (
    "DejaVuSerif.ttf",
    "DejaVuSerif-Bold.ttf",
    "DejaVuSerif-Italic.ttf",
    "DejaVuSerif-BoldItalic.ttf",
    "DejaVuSansCondensed.ttf",
    "DejaVuSansCondensed-Bold.ttf",
)
# What the build needs from the checkout; tests, documentation and local state stay behind.
NOT_BUILT = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".venv-bundle",
    "tests",
    "docs",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    "demo-data",
    "bench-output",
    "*.sqlite3*",
)


@dataclass(frozen=True)
class Installed:
    wheel: Path
    venv: Path

    @property
    def bin(self) -> Path:
        return self.venv / ("Scripts" if os.name == "nt" else "bin")

    @property
    def python(self) -> Path:
        return self.bin / ("python.exe" if os.name == "nt" else "python")

    @property
    def caseworker(self) -> Path:
        return self.script("caseworker")

    @property
    def window(self) -> Path:
        return self.script("petitions-caseworker")

    def script(self, name: str) -> Path:
        return self.bin / (f"{name}.exe" if os.name == "nt" else name)


def run(command: list[str | Path], cwd: Path, timeout: float = 120, **extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", FONTS_ENV}}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra)
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def build_wheel(work: Path) -> Path:
    source = work / "source"
    shutil.copytree(PROJECT_ROOT, source, ignore=NOT_BUILT)
    dist = work / "dist"
    pip = [sys.executable, "-m", "pip"]
    run(
        [*pip, "wheel", source, "--no-deps", "--no-build-isolation", "--no-index", "-w", dist], work
    )
    (wheel,) = dist.glob("*.whl")
    return wheel


def borrow_dependencies(venv_python: Path) -> None:
    """A .pth in the new environment naming this environment's site-packages."""
    site = run(
        [venv_python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        venv_python.parent,
    )
    folders = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (Path(site.strip()) / "borrowed_dependencies.pth").write_text("\n".join(folders) + "\n")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("wheel")
    wheel = build_wheel(work)
    venv = work / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], work)
    target = Installed(wheel, venv)
    pip = [sys.executable, "-m", "pip", "--python", target.python]
    run([*pip, "install", "--no-deps", "--no-index", wheel], work)
    borrow_dependencies(target.python)
    return target


def test_the_wheel_holds_the_fonts_and_the_migrations(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())

    for font in FONTS:
        assert f"caseworker/resources/fonts/{font}" in names
    assert "caseworker/resources/fonts/LICENSE-DejaVu.txt" in names
    migrations = "caseworker/storage/migrations/"
    assert {f"{migrations}env.py", f"{migrations}script.py.mako"} <= names
    in_checkout = sorted(p.name for p in (PROJECT_ROOT / migrations / "versions").glob("*.py"))
    in_wheel = sorted(n.rsplit("/", 1)[1] for n in names if n.startswith(f"{migrations}versions/"))
    assert in_wheel == in_checkout
    assert not [n for n in names if "__pycache__" in n or n.startswith(("tests/", "resources/"))]


def test_every_file_under_resources_is_in_the_wheel(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    resources = PROJECT_ROOT / "resources"
    shipped = [
        path.relative_to(resources).as_posix()
        for path in resources.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]

    assert "fonts/DejaVuSerif.ttf" in shipped
    assert [name for name in shipped if f"caseworker/resources/{name}" not in names] == []


def test_caseworker_is_imported_from_the_new_environment(installed: Installed) -> None:
    where = run(
        [
            installed.python,
            "-c",
            "import caseworker, main; print(caseworker.__file__, main.__file__)",
        ],
        installed.venv.parent,
    )
    for path in where.split():
        assert Path(path).is_relative_to(installed.venv)


def test_both_commands_are_installed_and_answer_help(installed: Installed, tmp_path: Path) -> None:
    for script in (installed.caseworker, installed.window):
        assert script.is_file(), f"{script.name} was not installed"
        usage = run([script, "--help"], tmp_path)
        assert "--db" in usage


def test_the_installed_window_opens_on_a_demo_database(
    installed: Installed, tmp_path: Path
) -> None:
    database = tmp_path / "demo.sqlite3"
    run([installed.caseworker, "--db", database, "demo", "--petitions", "30"], tmp_path)
    home = tmp_path / "home"

    shown = run(
        [installed.window, "--db", database],
        tmp_path,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_STATE_HOME=str(home / "state"),
        QT_QPA_PLATFORM="offscreen",
        CASEWORKER_QUIT_AFTER_LOAD="1",  # ui.app.QUIT_AFTER_LOAD: quit once rows show
    )

    assert shown.startswith("first rows shown: ")


def test_the_installed_copy_writes_a_briefing_pack(installed: Installed, tmp_path: Path) -> None:
    database = tmp_path / "demo.sqlite3"
    db = ["--db", database]
    run([installed.caseworker, *db, "demo", "--petitions", "30"], tmp_path)
    debated = json.loads(
        run([installed.caseworker, *db, "list", "--queue", "debated", "--format", "json"], tmp_path)
    )
    petition = debated[0]

    run([installed.caseworker, *db, "brief", str(petition["id"]), "-o", "pack.pdf"], tmp_path)

    reader = PdfReader(tmp_path / "pack.pdf")
    assert len(reader.pages) > 1
    text = " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
    assert f"e-petition {petition['id']}" in text
    assert petition["action"] in text
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].get_object().values()
    }
    assert any("DejaVuSerif" in name for name in fonts)
