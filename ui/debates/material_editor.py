"""A debate's parliamentary material: the list its briefing pack prints, by kind.

A table (kind, date, title, link, note) with Add, Edit, Remove and Move up/down within a
kind. Suggest… reads the stored petitions off the window's thread (the site's related
activity, earlier debates on related petitions) and lists what is not yet there, to tick
and add. A refused item (no title, a link that is not a web address, a date that cannot be
read) is shown under its field in the form, which keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.debates import MaterialKind
from caseworker.formatting import counted, long_date, short_date
from caseworker.services.casework.common import CaseworkError, RecordNotFound
from caseworker.services.debates.material import MaterialService
from caseworker.services.debates.views import MaterialItem
from ui.casework.failures import FAILURES, failure_message
from ui.casework.widgets import error_label, read_only_table, save_cancel
from ui.context import AppContext

COLUMNS = ("Kind", "Date", "Title", "Link", "Note")
SUGGESTION_COLUMNS = ("Add", "Kind", "Date", "Title", "Found in")
FIELDS = ("kind", "title", "published_on", "link", "note")
REFUSALS = (CaseworkError, RecordNotFound)
TITLE_WIDTH = 380
LINK_WIDTH = 280


class MaterialForm(QDialog):
    """Add or change one item; ``values()`` gives what ``MaterialService`` takes."""

    def __init__(self, parent: QWidget | None, item: MaterialItem | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change the item" if item else "New item of material")
        self.kind = QComboBox()
        for kind in MaterialKind:
            self.kind.addItem(kind.label, kind.value)
        if item is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
        self.title = QLineEdit(item.title if item else "")
        self.title.setPlaceholderText("e.g. Westminster Hall debate on teacher training")
        self.published_on = QLineEdit(
            long_date(item.published_on) if item and item.published_on else ""
        )
        self.published_on.setPlaceholderText("e.g. 5 April 2025 (leave empty if not known)")
        self.link = QLineEdit(item.link if item else "")
        self.link.setPlaceholderText("https://…")
        self.note = QPlainTextEdit(item.note if item else "")
        self.note.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.note.setAccessibleName("Note")
        self.error = error_label()
        self.field_errors = {
            f: error_label(f"Why the {f.replace('_', ' ')} was not accepted") for f in FIELDS
        }
        self.widgets: dict[str, QWidget] = {
            "kind": self.kind, "title": self.title, "published_on": self.published_on,
            "link": self.link, "note": self.note,
        }  # fmt: skip
        form = QFormLayout()
        for text, field in (("&Kind:", "kind"), ("&Title:", "title"),
                            ("&Date published:", "published_on"), ("&Link:", "link"),
                            ("&Note for the Member:", "note")):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(self.widgets[field])
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self.widgets[field])
            column.addWidget(self.field_errors[field])
            form.addRow(label, box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel(self, on_save=self._check_then_accept))
        self.title.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 48))

    def show_error(self, message: str, field: str | None = None) -> None:
        for label in (self.error, *self.field_errors.values()):
            label.say("")
        self.field_errors.get(field or "", self.error).say(message)
        widget = self.widgets.get(field or "")
        if widget is not None:
            widget.setFocus()

    def _check_then_accept(self) -> None:
        if not self.title.text().strip():
            self.show_error("An item of material needs a title", "title")
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "title": self.title.text().strip(),
            "published_on": self.published_on.text().strip() or None,
            "link": self.link.text().strip(),
            "note": self.note.toPlainText().strip(),
        }


class SuggestionsDialog(QDialog):
    """What the stored petitions suggest: tick the ones to add."""

    def __init__(self, parent: QWidget | None, found: Sequence[MaterialItem]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Suggested material")
        self.found = list(found)
        self.table = QTableWidget(len(self.found), len(SUGGESTION_COLUMNS))
        self.table.setHorizontalHeaderLabels(SUGGESTION_COLUMNS)
        self.table.setAccessibleName("Suggested material")
        self.table.setAccessibleDescription("Tick each item to add to the pack's list.")
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, item in enumerate(self.found):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Unchecked)
            tick.setToolTip(item.link or "No link")
            self.table.setItem(row, 0, tick)
            cells = (MaterialKind(item.kind).label, _day(item), item.title, item.suggested_from)
            for column, text in enumerate(cells, start=1):
                cell = QTableWidgetItem(text)
                cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                cell.setToolTip(item.link or item.note)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 380))
        intro = QLabel(
            "From the site's related activity on the debate's petitions and the debates on "
            "petitions like them. Tick those the Member should see; nothing is added until "
            "you choose Add ticked."
        )
        intro.setWordWrap(True)
        self.tick_all = QPushButton("Tick &all")
        self.tick_all.clicked.connect(lambda: self.set_all(Qt.CheckState.Checked))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton("A&dd ticked", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row_layout = QHBoxLayout()
        row_layout.addWidget(self.tick_all)
        row_layout.addStretch(1)
        row_layout.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_layout)
        self.resize(1100, 420)

    def set_all(self, state: Qt.CheckState) -> None:
        for row in range(self.table.rowCount()):
            tick = self.table.item(row, 0)
            if tick is not None:
                tick.setCheckState(state)

    def set_ticked(self, row: int, ticked: bool = True) -> None:
        tick = self.table.item(row, 0)
        if tick is not None:
            tick.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def ticked(self) -> list[MaterialItem]:
        return [
            item
            for row, item in enumerate(self.found)
            if (tick := self.table.item(row, 0)) is not None
            and tick.checkState() == Qt.CheckState.Checked
        ]


class MaterialEditor(QWidget):
    """The list for one debate, with Add, Edit, Remove, Move up, Move down and Suggest…."""

    def __init__(self, context: AppContext, debate_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.debate_id = debate_id
        self.service: MaterialService = context.debates.material
        self.items: list[MaterialItem] = []
        self.suggestions: SuggestionsDialog | None = None
        self.table = read_only_table(COLUMNS, "Parliamentary material")
        self.table.setAccessibleDescription(
            "In the pack's order: by kind, then as arranged. Enter edits the chosen item."
        )
        header = self.table.horizontalHeader()
        for n, width in ((2, TITLE_WIDTH), (3, LINK_WIDTH)):  # long text: elided, not wide
            header.setSectionResizeMode(n, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(n, width)
        self.table.activated.connect(lambda _index: self.edit_current())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.error = error_label("Why the change was not made")
        self.add_button = QPushButton("&Add…")
        self.edit_button = QPushButton("&Edit…")
        self.remove_button = QPushButton("&Remove")
        self.up_button = QPushButton("Move &up")
        self.down_button = QPushButton("Move do&wn")
        self.suggest_button = QPushButton("&Suggest…")
        self.suggest_button.setToolTip(
            "Look in the stored petitions for material not yet listed: the site's related "
            "activity and earlier debates on related petitions"
        )
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.suggest_button.clicked.connect(self.suggest)
        row = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button, self.up_button,
                       self.down_button):  # fmt: skip
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.suggest_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._enable)
        self.reload()

    # The list ------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None) -> None:
        try:
            items = self.service.items(self.debate_id)
        except (*REFUSALS, *FAILURES) as exc:
            self.error.say(failure_message("The material could not be read", exc,
                                           self.context.database_label))  # fmt: skip
            return
        self.show_items(items, select_id)

    def show_items(self, items: Sequence[MaterialItem], select_id: int | None = None) -> None:
        self.items = list(items)
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            cells = (MaterialKind(item.kind).label, _day(item), item.title, item.link,
                     " ".join(item.note.split()))  # fmt: skip
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                cell.setToolTip(text)
                if column == 2 and item.suggested_from:
                    cell.setToolTip(f"Suggested from: {item.suggested_from}")
                self.table.setItem(row, column, cell)
            if item.id == select_id:
                self.table.selectRow(row)
        self.message.setText(
            f"{counted(len(self.items), 'item')}, printed in the pack under Parliamentary "
            "material by kind, in this order."
            if self.items else "Nothing listed yet: add items, or Suggest… to find what the "
            "stored petitions already say."
        )  # fmt: skip
        self._enable()

    def _enable(self) -> None:
        chosen = self.current() is not None
        for button in (self.edit_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(chosen)

    def current(self) -> MaterialItem | None:
        row = self.table.currentRow()
        if not self.table.selectionModel().hasSelection():
            return None
        return self.items[row] if 0 <= row < len(self.items) else None

    # Changes -------------------------------------------------------------------------------

    def add(self) -> MaterialItem | None:
        form = MaterialForm(self)
        while form.exec():
            made = self.add_item(form.values(), form.show_error)
            if made is not None:
                return made
        return None

    def add_item(
        self, values: dict[str, Any], refused: Callable[[str, str | None], None]
    ) -> MaterialItem | None:
        """Add one item from the form's values; a refusal goes to ``refused``."""
        v = dict(values)
        made = self._change(refused, lambda: self.service.add(
            self.debate_id, v["kind"], v["title"], published_on=v["published_on"],
            link=v["link"], note=v["note"]))  # fmt: skip
        return made if isinstance(made, MaterialItem) else None

    def edit_current(self) -> MaterialItem | None:
        item = self.current()
        if item is None or item.id is None:
            return None
        form = MaterialForm(self, item)
        item_id = item.id
        while form.exec():
            changed = self.change_item(item_id, form.values(), form.show_error)
            if changed is not None:
                return changed
        return None

    def change_item(
        self, item_id: int, values: dict[str, Any], refused: Callable[[str, str | None], None]
    ) -> MaterialItem | None:
        changed = self._change(refused, lambda: self.service.update(item_id, **values))
        return changed if isinstance(changed, MaterialItem) else None

    def remove_current(self) -> None:
        item = self.current()
        if item is None or item.id is None:
            return
        item_id = item.id
        self._change(lambda message, _field: self.error.say(message),
                     lambda: self.service.delete(item_id))  # fmt: skip

    def move_current(self, steps: int) -> None:
        item = self.current()
        if item is None or item.id is None:
            return
        item_id = item.id
        self._change(lambda message, _field: self.error.say(message),
                     lambda: self.service.move(item_id, steps), select_id=item_id)  # fmt: skip

    def _change(
        self, refused: Callable[[str, str | None], None], change: Callable[[], Any],
        select_id: int | None = None,
    ) -> Any:  # fmt: skip
        """Make one change; a refusal goes to ``refused`` (the form, or the message)."""
        self.error.say("")
        try:
            result = change()
        except CaseworkError as exc:
            refused(str(exc), exc.field)
            return None
        except (RecordNotFound, *FAILURES) as exc:
            refused(failure_message("The change was not made", exc,
                                    self.context.database_label), None)  # fmt: skip
            return None
        made = result.id if isinstance(result, MaterialItem) else select_id
        self.reload(select_id=made)
        return result if result is not None else True

    # Suggestions ---------------------------------------------------------------------------

    def suggest(self) -> None:
        """Find suggestions off the window's thread, then offer them to tick."""
        self.suggest_button.setEnabled(False)
        self.message.setText("Looking in the stored petitions…")
        service, debate_id = self.service, self.debate_id

        def failed(kind: str, message: str) -> None:
            self.suggest_button.setEnabled(True)
            self.error.say(f"No suggestions: {message}")

        self.context.runner.read(
            lambda progress, cancelled: service.suggest(debate_id),
            succeeded=self.show_suggestions,
            failed=failed,
        )

    def show_suggestions(self, found: list[MaterialItem]) -> None:
        self.suggest_button.setEnabled(True)
        self.show_items(self.items)
        if not found:
            self.message.setText(
                "No suggestions: everything the stored petitions say is already listed."
            )
            return
        self.suggestions = SuggestionsDialog(self, found)
        self.suggestions.accepted.connect(self._accept_ticked)
        self.suggestions.open()

    def _accept_ticked(self) -> None:
        dialog = self.suggestions
        ticked = dialog.ticked() if dialog is not None else []
        if not ticked:
            return
        service, debate_id = self.service, self.debate_id

        def failed(kind: str, message: str) -> None:
            self.error.say(f"The suggestions were not added: {message}")

        self.context.runner.write(
            lambda progress, cancelled: service.accept(debate_id, ticked),
            succeeded=self.show_items,
            failed=failed,
        )


def _day(item: MaterialItem) -> str:
    return short_date(item.published_on) if item.published_on else "–"
