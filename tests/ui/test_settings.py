"""Settings: every key declared once, values checked on reading, old files upgraded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.core.preferences import LIMITS
from desktop.ui import settings as opts
from tests.ui.conftest import WindowFactory


def _ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_bad_values_read_as_defaults_or_limits(tmp_path: Path) -> None:
    settings = _ini(tmp_path)
    settings.setValue(opts.BEAM_SIZE.key, 40)
    settings.setValue(opts.THREADS.key, "many")
    settings.setValue(opts.COMPUTE_TYPE.key, "float64")
    settings.setValue(opts.RECENT_KEY, "/only/one.txt")
    prefs = opts.preferences(settings)
    assert prefs.beam_size == LIMITS["beam_size"][1] and prefs.threads == 0
    assert prefs.compute_type == "auto"
    assert opts.recent_documents(settings) == ["/only/one.txt"]


def test_settings_of_an_older_tarjuman_are_upgraded(tmp_path: Path) -> None:
    settings = _ini(tmp_path)
    settings.setValue("session/glossary", "/old/glossary.db")  # written, never read
    settings.setValue(opts.BEAM_SIZE.key, 16)  # the old limit, which the dialog could not show
    settings.sync()
    opts.upgrade(settings)
    reread = _ini(tmp_path)
    assert reread.value("session/glossary") is None
    assert int(reread.value(opts.BEAM_SIZE.key)) == 8
    assert opts.SETTINGS_VERSION.get(reread) == opts.VERSION


def test_the_dialog_uses_the_same_limits(qtbot: QtBot, make_window: WindowFactory,
                                         empty_model_dir: Path) -> None:
    window = make_window()
    dialog = window.show_preferences()
    assert (dialog.beam.minimum(), dialog.beam.maximum()) == LIMITS["beam_size"]
    assert (dialog.backups.minimum(), dialog.backups.maximum()) == LIMITS["backups_kept"]
    dialog.backups.setValue(3)
    dialog.accept()
    assert opts.BACKUPS_KEPT.get(window.settings) == 3
    assert window.workspace.preferences.backups_kept == 3
