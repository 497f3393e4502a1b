"""Start the Petitions caseworker: the window, or a command (``python main.py --help``).

A thin shim for ``python main.py``: the CLI is ``caseworker.cli`` and the window ``ui.app``;
neither imports this module. Qt is loaded only when the window is wanted.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from caseworker.cli import build_parser, run_logged

    args = build_parser().parse_args(argv)
    if args.command is None:
        from ui.app import run_window

        return run_window(args.db)
    return run_logged(args)


if __name__ == "__main__":
    sys.exit(main())
