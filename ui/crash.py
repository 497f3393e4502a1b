"""When something goes wrong: an error nobody caught is logged and shown in one dialog.

``CrashReporter.install`` takes over ``sys.excepthook`` (an exception raised in a slot ends
there) and ``threading.excepthook``; ``watch`` hears background jobs that had nobody to tell
(``JobRunner.unhandled``). The clerk sees "Something went wrong", what they last chose, the
error in one line and the traceback behind "Show details"; the window stays open. The same
error again does not open a second dialog: the open one counts it.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from caseworker import __version__
from caseworker.formatting import counted
from caseworker.logs import log_folder, redact
from ui.actions import shown_text, window_actions
from ui.workers import JobRunner

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def open_log_folder(parent: QWidget | None = None) -> bool:
    """Help ▸ Open log folder: the folder in the system's file manager (made if need be)."""
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    box = QMessageBox(
        QMessageBox.Icon.Information, "Log folder",
        f"The log folder could not be opened here. It is:\n{folder}", parent=parent,
    )  # fmt: skip
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
    return False


class ActionTracker:
    """Remembers the last action the clerk chose, to say what they were doing."""

    def __init__(self) -> None:
        self.last: str | None = None

    def track(self, actions: Iterable[QAction]) -> None:
        for action in actions:
            if not action.isSeparator() and action.menu() is None:
                action.triggered.connect(lambda *_, a=action: self._record(a))

    def _record(self, action: QAction) -> None:
        self.last = shown_text(action.text())


class CrashDialog(QDialog):
    """Something went wrong: what, after which choice, and the details to copy."""

    def __init__(self, summary: str, details: str, doing: str | None, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle("Something went wrong")
        self.details = details
        self.times = 1
        heading = QLabel("<b>Something went wrong</b>")
        if doing:
            what = f"It happened after you chose “{doing}”."
        else:
            what = "It happened while the window was working."
        self.doing = QLabel(
            f"{what} The window is still open, and nothing already saved is lost. If the "
            "window does not behave as it should, close it and open it again. The details are "
            "in the log."
        )
        self.error = QLabel(summary)
        self.again = QLabel()
        self.again.hide()
        for label in (self.doing, self.error, self.again):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.toggle = QToolButton()
        self.toggle.setText("&Show details")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.box = QPlainTextEdit(details, readOnly=True)
        self.box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.box.setMinimumHeight(220)
        self.box.hide()
        self.toggle.toggled.connect(self._show_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy = QPushButton("&Copy details")
        self.open_folder = QPushButton("Open &log folder")
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy.clicked.connect(self.copy_details)
        self.open_folder.clicked.connect(lambda: open_log_folder(self))
        layout = QVBoxLayout(self)
        for widget in (heading, self.doing, self.error, self.again, self.toggle, self.box):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.resize(self.minimumWidth(), self.sizeHint().height())

    def _show_details(self, shown: bool) -> None:
        self.box.setVisible(shown)
        self.toggle.setText("&Hide details" if shown else "&Show details")
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.resize(max(self.width(), 640 if shown else 0), self.sizeHint().height())

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy.setText("&Copied")

    def happened_again(self) -> None:
        self.times += 1
        self.again.setText(f"This has happened {counted(self.times, 'time')} now.")
        self.again.show()


class CrashReporter(QObject):
    """Logs errors nobody caught and shows them, one dialog per distinct error."""

    reported = Signal(str, str)  # summary, details: queued to the GUI thread from any thread

    def __init__(self, window: QWidget | None = None) -> None:
        super().__init__()
        self.window = window
        self.tracker = ActionTracker()
        self.dialogs: dict[str, CrashDialog] = {}
        self._previous: tuple[ExceptHook, Callable[[threading.ExceptHookArgs], object]] | None
        self._previous = None
        self.reported.connect(self.show_error)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def watch(self, runner: JobRunner) -> None:
        runner.unhandled.connect(self.show_error)  # the job has logged it already

    def _excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt) and self._previous is not None:
            self._previous[0](kind, error, tb)
            return
        self._report(kind, error, tb, "in the window")

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "a thread"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, f"in {name}")

    def _report(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None, where: str
    ) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("unexpected error %s:\n%s", where, details.rstrip())
        self.reported.emit(one_line(kind, error), details)

    def show_error(self, summary: str, details: str) -> None:
        # Shown from the event loop: the action whose slot raised is recorded by then (its
        # tracker runs after the slot), and no dialog opens inside a half-finished slot.
        QTimer.singleShot(0, self, lambda: self._open(redact(summary), redact(details)))

    def _open(self, summary: str, details: str) -> None:
        open_dialog = self.dialogs.get(summary)
        if open_dialog is not None and open_dialog.isVisible():
            open_dialog.happened_again()
            return
        doing = self.tracker.last
        if doing:
            log.info("the error above came after the clerk chose %r", doing)
        # Over a modal dialog if one is open: a window it blocks could not be clicked.
        parent = QApplication.activeModalWidget() or self.window
        dialog = CrashDialog(summary, about(doing) + details, doing, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _: self.dialogs.pop(summary, None))
        self.dialogs[summary] = dialog
        dialog.show()
        dialog.raise_()


def report_crashes(window: QWidget, runner: JobRunner) -> CrashReporter:
    """Errors nobody caught, in the window or its jobs, are logged and shown over it."""
    reporter = CrashReporter(window)
    reporter.install()
    reporter.watch(runner)
    reporter.tracker.track(window_actions(window))
    return reporter


def one_line(kind: type[BaseException], error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{kind.__name__}: {text[0]}" if text else kind.__name__


def about(doing: str | None) -> str:
    """The head of the details: versions and the last choice, for whoever reads them."""
    return (
        f"Petitions caseworker {__version__}; Python {platform.python_version()}; "
        f"PySide6 {pyside_version}; {platform.platform()}\n"
        f"Last chosen: {doing or 'nothing yet'}\n\n"
    )
