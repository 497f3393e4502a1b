"""The bundle's entry script: the installed ``main`` module, as ``python main.py``.

It lives here rather than being ``main.py`` itself so that PyInstaller takes the project from
the build environment's installed copy (with ``caseworker.resources`` and the package's
metadata), never from the checkout beside it.
"""

import sys

from main import main

if __name__ == "__main__":
    sys.exit(main())
