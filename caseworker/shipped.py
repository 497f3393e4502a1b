"""Files the application reads at run time (fonts, reference tables), found inside the package.

In the checkout they live in the top-level ``resources/`` folder. The build maps that folder to
the package ``caseworker.resources`` (``package_dir`` in ``setup.py``), so:

- a wheel (``pip install .``, ``pipx install .``) installs them inside ``caseworker/resources``;
- an editable install (``pip install -e .``, as ``make`` does) finds them where they are in the
  checkout, through setuptools' import finder;
- a PyInstaller bundle collects them as the data files of ``caseworker.resources``.

Every reader goes through :func:`shipped_path`, never through ``__file__``, so all three work.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

RESOURCES_PACKAGE = "caseworker.resources"


class ShippedFileMissing(FileNotFoundError):
    """A file that should have been installed with the application is not there."""


def shipped_path(*parts: str) -> Path:
    """The file-system path of a shipped file or folder, e.g.
    ``shipped_path("fonts", "DejaVuSerif.ttf")``.

    A real path rather than a stream because ReportLab and SQLite open files by name.
    Raises :class:`ShippedFileMissing` if it is not there.
    """
    path = _resources_root().joinpath(*parts)
    if not path.exists():
        raise ShippedFileMissing(
            f"{path} is missing: the application's own files were not installed with it; "
            "reinstall the application"
        )
    return path


def _resources_root() -> Path:
    try:
        root = resources.files(RESOURCES_PACKAGE)
    except ModuleNotFoundError as error:
        raise ShippedFileMissing(
            f"the package {RESOURCES_PACKAGE} is not installed; install the application "
            "(pip install -e . in a checkout)"
        ) from error
    # A package installed as plain files (wheel, editable, PyInstaller) gives a real path;
    # only a zipped install would not, and nothing here installs one.
    if not isinstance(root, Path):
        raise ShippedFileMissing(f"{RESOURCES_PACKAGE} is not installed as plain files ({root})")
    return root
