"""Render the README screenshots (run under Xvfb or offscreen).

    python packaging/screenshot.py docs/

Uses a temporary glossary and, for the reading view, the tiny *test* model from
tests/tiny_model.py: its English is random and meaningless, and the picture says so.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(out_dir: Path) -> None:
    sandbox = Path(tempfile.mkdtemp(prefix="tarjuman-shot-"))
    for var in ("ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(sandbox / var.lower())
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from desktop.core.glossary import store
    from desktop.core.translation import packages
    from desktop.core.workspace import Workspace
    from desktop.ui import i18n, style
    from desktop.ui.app import configure_application
    from desktop.ui.main_window import MainWindow, window_icon
    from tests.tiny_model import build_tiny_argosmodel

    app = QApplication([])
    configure_application(app)
    style.load_fonts()
    app.setWindowIcon(window_icon())
    db = sandbox / "glossary.db"
    seed = Workspace.open(db)
    with seed.factory.begin() as session:
        store.add_term(session, "عبد اللطيف حموشي", "Abdellatif Hammouchi", category="person",
                       note="Director General of National Security (DGSN) and DGST")
        store.add_term(session, "مكتب التحقيقات الفيدرالي", "Federal Bureau of Investigation",
                       category="organization", note="FBI")
        store.add_term(session, "كريستوفر راي", "Christopher Wray", category="person")
        store.add_term(session, "المديرية العامة لمراقبة التراب الوطني",
                       "General Directorate for Territorial Surveillance", category="organization",
                       note="DGST")
        store.add_term(session, "الرباط", "Rabat", category="place")
        store.add_term(session, "وزير الشؤون الخارجية", "Minister of Foreign Affairs", category="title")
    seed.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    shots: list[tuple[str, bool]] = [("no-model.png", False), ("reading-view.png", True),
                                     ("dark-theme.png", True), ("arabic-interface.png", True),
                                     ("word-panel.png", False), ("learner-mode.png", False)]
    light = QPalette(app.palette())

    def take(index: int) -> None:
        if index == len(shots):
            app.quit()
            return
        name, with_model = shots[index]
        if with_model:
            if not packages.list_installed():
                packages.install_package_file(build_tiny_argosmodel(sandbox))
        elif index:
            for model in packages.list_installed():  # the reading aids need no model
                packages.remove_installed(model.path)
        settings = QSettings(str(sandbox / f"{name}.ini"), QSettings.Format.IniFormat)
        app.setPalette(light)
        if name == "dark-theme.png":
            settings.setValue("view/theme", "dark")
        if name == "arabic-interface.png":
            settings.setValue("view/language", "ar")
            i18n.install(app, settings)
        else:
            i18n.uninstall(app)
        window = MainWindow(Workspace.open(db), settings)
        window.resize(1360, 800)
        window.show()

        grabbed: list[bool] = []

        def grab() -> None:
            if grabbed:  # highlighting may finish more than once
                return
            grabbed.append(True)
            if with_model:
                window.reader.set_current(4)
                if "Abdellatif Hammouchi" not in (window.workspace.document.translations[4] or ""):
                    window.terms.insert_glossary_english(4, "Abdellatif Hammouchi")
                window.statusBar().showMessage(
                    "Demo model with random weights: its English is meaningless. Install the real "
                    "Arabic→English model for translations.")
            app.processEvents()
            if name == "word-panel.png":
                return word_panel()
            if name == "learner-mode.png":
                return learner_mode()
            window.grab().save(str(out_dir / name))
            print("wrote", out_dir / name)
            window.close()
            window.workspace.close()
            take(index + 1)

        def word_panel() -> None:
            """No model: word glosses under the Arabic and the Word panel on المدير."""
            from desktop.ui.reader_surface import WordHit

            window.words.panel.raise_()
            doc = window.workspace.document
            row = next(s.index for s in doc.sentences if "المدير" in s.text)
            start = doc.sentences[row].text.index("المدير")
            window.words.show_word(WordHit(row, start, start + len("المدير"), "المدير"))
            window.words.show_glosses(True)

            def shoot() -> None:
                window.reader.scroll_to_row(max(row - 1, 0))
                app.processEvents()
                window.grab().save(str(out_dir / name))
                print("wrote", out_dir / name)
                window.words.show_glosses(False)
                window.close()
                window.workspace.close()
                take(index + 1)

            window.glossesShown.connect(lambda: QTimer.singleShot(300, shoot))

        def learner_mode() -> None:
            """Learner mode with a few words learning or known, the text vowelled, and the
            Vocabulary dock."""
            workspace = window.workspace
            doc = workspace.document
            for word, status in (("المدير", 2), ("الأمريكي", 1), ("الإرهاب", 3), ("الرباط", 5),
                                 ("التنسيق", 5), ("نجح", 5), ("في", 5), ("من", 5), ("على", 5)):
                sentence = next((s.text for s in doc.sentences if word in s.text), "")
                workspace.set_word_status(word, status, sentence, doc.title)
            window.learner.panel.show()
            window.learner.panel.raise_()
            window.learner.refresh_list()
            window.learner.set_learner_mode(True)
            window.words.show_vowelled(True)

            def shoot() -> None:
                window.reader.scroll_to_row(2)
                app.processEvents()
                window.grab().save(str(out_dir / name))
                print("wrote", out_dir / name)
                window.learner.set_learner_mode(False)
                window.words.show_vowelled(False)
                window.close()
                window.workspace.close()
                take(index + 1)

            window.vowelsShown.connect(lambda: QTimer.singleShot(400, shoot))

        if name in ("word-panel.png", "learner-mode.png"):
            window.lexiconReady.connect(lambda: QTimer.singleShot(300, grab))
        elif with_model:
            # Once the model is loaded and the glossary marked (either may come last).
            highlighted: list[bool] = []

            def when_ready() -> None:
                if window.workspace.engine is not None and highlighted:
                    QTimer.singleShot(300, grab)

            window.termsHighlighted.connect(lambda: (highlighted.append(True), when_ready()))
            window.engineChanged.connect(lambda _state: when_ready())
        else:
            window.documentShown.connect(lambda: QTimer.singleShot(500, grab))
        window.start(ROOT / "resources" / "sample" / "article.txt")

    QTimer.singleShot(0, lambda: take(0))
    app.exec()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
