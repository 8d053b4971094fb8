"""Files as other tools write them import right (issue: interchange that real tools accept)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core.errors import BadInputError
from desktop.core.glossary import exchange
from desktop.core.glossary.exchange.anki import html_to_text


def anki_notes_file(folder: Path, with_everything: bool = True) -> Path:
    """Notes exported by the real Anki library ("Notes in Plain Text"), HTML fields included."""
    from anki.collection import Collection, DeckIdLimit

    (folder / "anki").mkdir()
    collection = Collection(os.fspath(folder / "anki" / "collection.anki2"))
    try:
        basic = collection.models.by_name("Basic")
        deck = collection.decks.id("Arabic::Security")
        assert basic is not None and deck is not None
        for front, back, tags in (
                ('<div dir="rtl">المديرية العامة</div>', "General Directorate&nbsp;<br>(DGSN)", ["agency"]),
                ("الرباط", "<b>Rabat</b>", []),
                ("عبد اللطيف&nbsp;حموشي", "Abdellatif Hammouchi", ["person", "dgsn"])):
            note = collection.new_note(basic)
            note["Front"], note["Back"], note.tags = front, back, tags
            collection.add_note(note, deck)
        out = folder / "notes.txt"
        collection.export_note_csv(out_path=os.fspath(out), limit=DeckIdLimit(deck), with_html=True,
                                   with_tags=with_everything, with_deck=with_everything,
                                   with_notetype=with_everything, with_guid=with_everything)
    finally:
        collection.close()
    return out


@pytest.mark.parametrize("with_everything", [True, False])
def test_notes_exported_by_anki_import_with_plain_text(tmp_path: Path, with_everything: bool) -> None:
    path = anki_notes_file(tmp_path, with_everything)
    fmt, rows = exchange.parse_file(path)
    assert fmt == "anki"
    assert [(r.source, r.target, r.category) for r in rows] == [
        ("المديرية العامة", "General Directorate\n(DGSN)", None),
        ("الرباط", "Rabat", None),
        ("عبد اللطيف حموشي", "Abdellatif Hammouchi", None),  # &nbsp; is a plain space
    ]
    assert all(r.document == ("Arabic::Security" if with_everything else "") for r in rows)


def test_html_fields_become_plain_text() -> None:
    assert html_to_text('<div dir="rtl">المديرية&nbsp;العامة</div><div>للأمن</div>') == \
        "المديرية العامة\nللأمن"
    assert html_to_text("a<br/>b &amp; <i>c</i>") == "a\nb & c"


def test_other_separators_and_plain_fields(tmp_path: Path) -> None:
    path = tmp_path / "deck.txt"
    path.write_text("#separator:semicolon\n#html:false\nالرباط;Rabat <b>bold</b>\n", encoding="utf-8")
    _fmt, rows = exchange.parse_file(path)
    assert [(r.source, r.target) for r in rows] == [("الرباط", "Rabat <b>bold</b>")]


def test_a_note_without_an_arabic_field_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "deck.txt"
    path.write_text("#separator:tab\n#html:true\nhello\tworld\n", encoding="utf-8")
    with pytest.raises(BadInputError, match="line 3"):
        exchange.parse_file(path)


DECOMPOSED = "\u0627\u062f\u0627\u0621\u0648\u0654\u0646\u0627"  # أداؤنا with ؤ as و + U+0654


def test_decomposed_arabic_is_composed_in_documents_terms_and_search(glossary_db: str) -> None:
    import unicodedata

    from desktop.core.documents import document_from_text
    from desktop.core.preferences import Preferences
    from desktop.core.workspace import Workspace

    composed = unicodedata.normalize("NFC", DECOMPOSED)
    assert composed != DECOMPOSED and len(composed) == len(DECOMPOSED) - 1
    doc = document_from_text(f"تحسن {DECOMPOSED} كثيرا.")
    assert composed in doc.text  # offsets refer to this, the text shown
    ws = Workspace.open(glossary_db)
    try:
        record, _ = ws.save_term(DECOMPOSED, "our performance").value
        assert record.source == composed
        assert [t.target for t in ws.search_terms(DECOMPOSED)] == ["our performance"]
        ws.show_document(ws.prepare_document(doc))
        ws.set_preferences(Preferences(lemma_matching=False))
        assert [m.text for m in ws.find_terms()] == [composed]
    finally:
        ws.close()


def test_presentation_forms_in_a_term_are_standard_letters(glossary_db: str) -> None:
    from desktop.core.workspace import Workspace

    ws = Workspace.open(glossary_db)
    try:
        record, created = ws.save_term("ﺍﻟﺮﺑﺎﻁ", "Rabat").value  # as pasted from some PDFs
        assert created and record.source == "الرباط"
        again, created = ws.save_term("الرباط", "Rabat").value
        assert not created and again.id == record.id  # the same entry, not a duplicate
        assert ws.duplicate_groups() == []
    finally:
        ws.close()


def test_glossary_search_folds_the_article_as_matching_does(glossary_db: str) -> None:
    from desktop.core.glossary.catalog import Catalog
    from desktop.core.workspace import Workspace

    ws = Workspace.open(glossary_db)
    try:
        dgsn, _ = ws.save_term("المديرية العامة للأمن الوطني", "DGSN").value
        security, _ = ws.save_term("الأمن", "security").value
        ws.save_term("أمين", "secretary")
        assert [t.id for t in ws.search_terms("الأمن")] == [security.id, dgsn.id]  # the CLI's search
        catalog = ws.catalog()  # the window's search
        assert catalog.query("الأمن") == [security.id, dgsn.id]
        fresh = Catalog()
        for record in ws.get_terms([dgsn.id, security.id]):
            fresh.upsert(record)
        assert fresh.query("والأمن") == [security.id, dgsn.id]
        assert catalog.query("الأمن", category="person") == []
    finally:
        ws.close()


FOREIGN_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>Some CAT tool</p>
</sourceDesc></fileDesc></martifHeader><text><body>
<termEntry id="c17"><descrip type="subjectField">manufacturing</descrip>
<langSet xml:lang="ar"><tig><term>مصنع</term><termNote type="partOfSpeech">noun</termNote></tig></langSet>
<langSet xml:lang="en"><tig><term>factory</term></tig></langSet></termEntry>
<termEntry id="c18"><langSet xml:lang="ar"><tig><term>آلة</term></tig></langSet>
<langSet xml:lang="en"><tig><term> </term></tig></langSet></termEntry>
</body></text></martif>"""


def test_tbx_subject_field_and_part_of_speech_are_not_categories(tmp_path: Path) -> None:
    path = tmp_path / "tool.tbx"
    first_entry_only = FOREIGN_TBX.split('<termEntry id="c18">')[0] + "</body></text></martif>"
    path.write_text(first_entry_only, encoding="utf-8")
    _fmt, [row] = exchange.parse_file(path)
    assert (row.source, row.target, row.category) == ("مصنع", "factory", None)  # the file names none
    assert (row.subject, row.pos, row.note) == ("manufacturing", "noun", "")


def test_tbx_errors_name_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "tool.tbx"
    path.write_text(FOREIGN_TBX, encoding="utf-8")
    with pytest.raises(BadInputError, match=r"termEntry c18 \(line 7\)"):
        exchange.parse_file(path)


def test_our_own_tbx_keeps_its_categories(tmp_path: Path, glossary_db: str) -> None:
    from desktop.core.workspace import Workspace

    ws = Workspace.open(glossary_db)
    try:
        ws.add_category("agency", "#123456")
        ws.save_term("المديرية", "Directorate", category="agency")
        ws.export_glossary(tmp_path / "g.tbx")
    finally:
        ws.close()
    _fmt, [row] = exchange.parse_file(tmp_path / "g.tbx")
    assert row.category == "agency" and row.note == ""


TBX3_DCA = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>A terminology tool</p></sourceDesc></fileDesc></tbxHeader>
<text><body><conceptEntry id="c1"><descrip type="subjectField">security</descrip>
<langSec xml:lang="ar"><termSec><term>الأمن الوطني</term><termNote type="partOfSpeech">noun</termNote>
</termSec></langSec><langSec xml:lang="en"><termSec><term>national security</term></termSec></langSec>
</conceptEntry></body></text></tbx>"""

TBX3_DCT = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic">
<tbxHeader><fileDesc><sourceDesc><p>Another tool</p></sourceDesc></fileDesc></tbxHeader>
<text><body><conceptEntry id="c2"><basic:subjectField>law</basic:subjectField>
<langSec xml:lang="ar"><termSec><term>المحكمة</term>
<basic:partOfSpeech>noun</basic:partOfSpeech></termSec></langSec>
<langSec xml:lang="en"><termSec><term>the court</term></termSec></langSec>
</conceptEntry></body></text></tbx>"""


@pytest.mark.parametrize("text, expected", [
    (TBX3_DCA, ("الأمن الوطني", "national security", "security", "noun")),
    (TBX3_DCT, ("المحكمة", "the court", "law", "noun")),
])
def test_tbx_v3_in_both_styles_imports(tmp_path: Path, text: str, expected: tuple[str, ...]) -> None:
    path = tmp_path / "v3.tbx"
    path.write_text(text, encoding="utf-8")
    fmt, [row] = exchange.parse_file(path)
    assert fmt == "tbx" and (row.source, row.target, row.subject, row.pos) == expected
    assert row.category is None and row.note == ""


def test_other_tools_files_import_into_the_glossary_and_export_back(tmp_path: Path, glossary_db: str) -> None:
    """Anki's notes and both TBX 3 styles go into the glossary (an SQLite file or a team
    termbase) through the Workspace, and its CSV export reads back the same terms."""
    from desktop.core.workspace import Workspace

    files = [anki_notes_file(tmp_path)]
    for name, text in (("dca.tbx", TBX3_DCA), ("dct.tbx", TBX3_DCT)):
        files.append(tmp_path / name)
        files[-1].write_text(text, encoding="utf-8")
    ws = Workspace.open(glossary_db)
    try:
        formats = [ws.import_file(path).value.format for path in files]
        assert formats == ["anki", "tbx", "tbx"]
        stored = {(t.source, t.target, t.subject, t.pos) for t in ws.search_terms()}
        assert stored == {("المديرية العامة", "General Directorate\n(DGSN)", "", ""),
                          ("الرباط", "Rabat", "", ""), ("عبد اللطيف حموشي", "Abdellatif Hammouchi", "", ""),
                          ("الأمن الوطني", "national security", "security", "noun"),
                          ("المحكمة", "the court", "law", "noun")}
        assert ws.export_glossary(tmp_path / "out.csv").value.count == 5
    finally:
        ws.close()
    _fmt, rows = exchange.parse_file(tmp_path / "out.csv")
    assert {(r.source, r.target, r.subject, r.pos) for r in rows} == stored


def test_tbx_v3_export_round_trips(tmp_path: Path, glossary_db: str) -> None:
    from desktop.core.workspace import Workspace

    ws = Workspace.open(glossary_db)
    try:
        ws.save_term("الرباط", "Rabat", category="place", note="capital", context="في الرباط")
        assert ws.export_glossary(tmp_path / "g.tbx", "tbx3").value.count == 1
    finally:
        ws.close()
    text = (tmp_path / "g.tbx").read_text(encoding="utf-8")
    assert 'xmlns="urn:iso:std:iso:30042:ed-2"' in text and '<tbx type="TBX-Basic" style="dca"' in text
    _fmt, [row] = exchange.parse_file(tmp_path / "g.tbx")
    assert (row.source, row.target, row.category, row.note, row.context) == \
        ("الرباط", "Rabat", "place", "capital", "في الرباط")


def test_subject_field_and_part_of_speech_are_stored_and_exported_back(tmp_path: Path,
                                                                       glossary_db: str) -> None:
    """Imported from another tool's TBX, kept as fields, written back in TBX 2, TBX 3 and CSV,
    and read again the same; Anki and OmegaT say they cannot carry them."""
    from translate.storage import tbx as toolkit_tbx

    from desktop.core.workspace import Workspace

    ws = Workspace.open(glossary_db)
    try:
        (tmp_path / "tool.tbx").write_text(FOREIGN_TBX.split('<termEntry id="c18">')[0]
                                           + "</body></text></martif>", encoding="utf-8")
        ws.import_file(tmp_path / "tool.tbx")
        [term] = ws.search_terms("")
        assert (term.subject, term.pos, term.category, term.note) == ("manufacturing", "noun", "other", "")
        assert [t.id for t in ws.search_terms("manufacturing")] == [term.id]  # the search finds it
        for fmt, name in (("tbx", "out2.tbx"), ("tbx3", "out3.tbx"), ("csv", "out.csv")):
            exported = ws.export_glossary(tmp_path / name, fmt).value
            assert "subject field" not in exported.not_carried
            _fmt, [row] = exchange.parse_file(tmp_path / name)
            assert (row.source, row.target, row.subject, row.pos, row.category) == \
                ("مصنع", "factory", "manufacturing", "noun", "other"), fmt
        assert toolkit_tbx.tbxfile.parsefile(str(tmp_path / "out2.tbx")).units[0].target == "factory"
        for fmt in ("anki", "omegat"):
            exported = ws.export_glossary(tmp_path / f"x.{fmt}", fmt).value
            assert {"subject field", "part of speech"} <= set(exported.not_carried)
        ws.update_term(term.id, subject="industry", pos="properNoun")
        assert ws.get_terms([term.id])[0].subject == "industry"
    finally:
        ws.close()


def test_tbx_from_before_subject_fields_keeps_its_categories(tmp_path: Path) -> None:
    # What Tarjuman wrote before: the category as the subject field, no category note.
    path = tmp_path / "old.tbx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc>
<p>Glossary exported from Tarjuman (Arabic → English)</p></sourceDesc></fileDesc></martifHeader>
<text><body><termEntry id="t1"><descrip type="subjectField">person</descrip><note>chief</note>
<langSet xml:lang="ar"><tig><term>حموشي</term></tig></langSet>
<langSet xml:lang="en"><tig><term>Hammouchi</term></tig></langSet></termEntry></body></text></martif>
""", encoding="utf-8")
    _fmt, [row] = exchange.parse_file(path)
    assert (row.category, row.subject, row.note) == ("person", "", "chief")


def test_a_delimited_file_with_subject_and_part_of_speech_columns(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("Arabic,English,Subject field,Part of speech\nالمحكمة,the court,law,noun\n",
                    encoding="utf-8")
    _fmt, [row] = exchange.parse_file(path)
    assert (row.source, row.subject, row.pos) == ("المحكمة", "law", "noun")


def test_upgrade_moves_labelled_notes_into_the_new_fields(tmp_path: Path) -> None:
    """Glossaries that imported TBX before revision 0004 kept subject and part of speech in
    the note; the upgrade moves them into their fields and keeps the rest of the note."""
    from sqlalchemy import text

    from desktop.core.db.engine import dispose, open_database
    from desktop.core.glossary import store
    from tests.core.old_glossary import old_glossary

    path = tmp_path / "old.db"
    with old_glossary(path, "0003") as connection:
        for number, note in ((1, "from the client; subject field: law; part of speech: noun"),
                             (2, "part of speech: verb"), (3, "nothing labelled")):
            connection.execute(text(
                "INSERT INTO terms (id, source, target, source_norm, search_text, category, note, "
                "context, document, created_at, updated_at) VALUES (:i, 'كلمة', :t, 'كلمة', '', "
                "'other', :n, '', '', '2024-01-01 10:00:00', '2024-01-01 10:00:00')"),
                {"i": number, "t": f"word {number}", "n": note})
    factory = open_database(path)
    with factory.begin() as session:
        terms = {t.id: (t.note, t.subject, t.pos) for t in store.search(session)}
    dispose(factory)
    assert terms == {1: ("from the client", "law", "noun"), 2: ("", "", "verb"),
                     3: ("nothing labelled", "", "")}
