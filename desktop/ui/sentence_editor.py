"""The in-place editor of one English sentence in the reading view."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.ui import style


class SentenceEditor(QPlainTextEdit):
    """The in-place editor of one English sentence."""

    committed = Signal(str)
    cancelled = Signal()

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("sentenceEditor")
        self.setPlainText(text)
        self.setTabChangesFocus(True)
        colours = style.scheme()
        self.setStyleSheet(f"QPlainTextEdit {{ border: 2px solid {colours.editor_border.name()}; "
                           f"background: {colours.base.name()}; color: {colours.text.name()}; }}")
        self._done = False

    def finish(self, commit: bool) -> None:
        if self._done:
            return
        self._done = True
        if commit:
            self.committed.emit(self.toPlainText().strip())
        else:
            self.cancelled.emit()

    def event(self, event: QEvent) -> bool:
        # Keep Esc and Ctrl+Enter from window shortcuts (Esc also cancels translation there).
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.finish(True)
        elif event.key() == Qt.Key.Key_Escape:
            self.finish(False)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finish(True)
