from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import SAMPLE


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_segment_json_offsets(sample_text: str) -> None:
    code, out, _ = run("segment", str(SAMPLE), "--json")
    assert code == 0
    data = json.loads(out)
    text = sample_text
    assert len(data) == 20
    for item in data:
        assert set(item) == {"paragraph", "start", "end", "text"}
        assert text[item["start"] : item["end"]] == item["text"]


def test_translate_json(installed_model: Path) -> None:
    code, out, err = run("translate", str(SAMPLE), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert len(data) == 20
    assert all(set(d) == {"start", "end", "source", "target"} and d["target"] for d in data)


def test_translate_without_model_exits_3(empty_model_dir: Path) -> None:
    code, out, err = run("translate", str(SAMPLE))
    assert code == 3 and out == ""
    assert "No Arabic→English translation model is installed" in err


def test_bad_input_exits_4(tmp_path: Path) -> None:
    code, _, err = run("segment", str(tmp_path / "nope.txt"))
    assert code == 4 and "does not exist" in err
    bad = tmp_path / "x.argosmodel"
    bad.write_text("hello")
    code, _, err = run("models", "install", str(bad))
    assert code == 4 and "not a zip" in err


def test_usage_error_exits_2() -> None:
    code, _, _ = run("glossary", "frobnicate")
    assert code == 2


def test_models_install_list_remove(empty_model_dir: Path, tiny_model_file: Path) -> None:
    assert run("models", "list") == (0, "No translation models installed.\n", "")
    code, out, _ = run("models", "install", str(tiny_model_file))
    assert code == 0 and "Installed Arabic → English" in out
    code, out, _ = run("models", "list", "--json")
    listed = json.loads(out)
    assert [(m["pair"], m["active"]) for m in listed] == [("ar-en", True)]
    assert listed[0]["size"] > 0
    code, out, _ = run("models", "remove", "ar-en")
    assert code == 0 and "Removed ar-en" in out
    assert run("models", "remove", "ar-en")[0] == 4


def test_glossary_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    assert run("glossary", "add", "مكتب التحقيقات الفيدرالي", "FBI", "--category", "organization",
               "--db", db)[0] == 0
    assert run("--db", db, "glossary", "add", "الرباط", "Rabat", "--category", "place",
               "--note", "capital")[0] == 0
    code, out, _ = run("glossary", "add", "مكتبُ التحقيقاتِ الفيدرالي", "FBI", "--db", db)
    assert code == 0 and out.startswith("Updated")
    code, out, _ = run("glossary", "list", "--json", "--db", db)
    terms = json.loads(out)
    assert [(t["target"], t["category"]) for t in terms] == [("Rabat", "place"), ("FBI", "organization")]
    code, out, _ = run("glossary", "search", "التّحقيقات", "--json", "--db", db)
    assert [t["target"] for t in json.loads(out)] == ["FBI"]
    csv_path = tmp_path / "out.csv"
    assert run("glossary", "export", str(csv_path), "--excel", "--db", db)[0] == 0
    rows = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    assert {r["target"] for r in rows} == {"FBI", "Rabat"}
    other = str(tmp_path / "other.db")
    code, out, _ = run("glossary", "import", str(csv_path), "--db", other)
    assert code == 0 and "Imported 2 terms (2 new, 0 updated, 0 skipped) from CSV" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("source,target\nالمغرب,Morocco\n,oops\n", encoding="utf-8")
    code, _, err = run("glossary", "import", str(bad), "--db", other)
    assert code == 4 and "line 3" in err
    code, out, _ = run("glossary", "list", "--json", "--db", other)
    assert len(json.loads(out)) == 2  # nothing from the bad file


def test_corrupt_glossary_exits_4(tmp_path: Path) -> None:
    db = tmp_path / "g.db"
    db.write_bytes(b"garbage" * 100)
    code, _, err = run("glossary", "list", "--db", str(db))
    assert code == 4 and "not a Tarjuman glossary" in err


def test_console_entry_point_runs_the_cli() -> None:
    proc = subprocess.run([sys.executable, "-m", "desktop", "segment", str(SAMPLE), "--json"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    assert len(json.loads(proc.stdout)) == 20


def test_core_does_not_import_qt(installed_model: Path) -> None:
    code = (
        "import sys, desktop.cli, desktop.core.documents, desktop.core.glossary.exchange, "
        "desktop.core.translation.engine, desktop.core.translation.packages\n"
        "from desktop.core.translation.engine import ArgosEngine\n"
        "ArgosEngine.load().translate(['الرباط'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "assert not bad, bad\n"
        "assert 'argostranslate.translate' not in sys.modules\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_translate_uses_the_memory_unless_no_cache(installed_model: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import ctranslate2

    from desktop.core.translation import engine as engine_module

    calls: list[int] = []
    real = engine_module.ArgosEngine._translate_tokens

    def counting(self: object, batch: list[list[str]], *args: object) -> object:
        calls.append(len(batch))
        return real(self, batch, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_module.ArgosEngine, "_translate_tokens", counting)
    assert ctranslate2  # the real model runs underneath
    db = str(tmp_path / "tm.db")
    code, first, _ = run("translate", str(SAMPLE), "--json", "--db", db)
    assert code == 0 and calls
    first_run = sum(calls)  # pieces sent to the model: every sentence (long ones in pieces)
    calls.clear()
    code, second, _ = run("translate", str(SAMPLE), "--json", "--db", db)
    assert code == 0 and calls == [] and second == first
    code, third, _ = run("translate", str(SAMPLE), "--json", "--db", db, "--no-cache")
    assert code == 0 and sum(calls) == first_run


@pytest.mark.parametrize("fmt", ["txt", "html", "tsv", "csv", "tmx"])
def test_translate_writes_each_format(installed_model: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"article.{fmt}"
    code, _, err = run("translate", str(SAMPLE), "-o", str(out), "--db", str(tmp_path / "g.db"))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    if fmt == "txt":
        assert text.count("\n\n") == 16  # 17 paragraphs
    elif fmt == "tmx":
        assert text.count("<tu>") == 20
    elif fmt == "html":
        assert text.count('dir="rtl"') == 20
    else:
        assert len(text.strip().splitlines()) >= 21


def test_translate_format_to_stdout(installed_model: Path, tmp_path: Path) -> None:
    code, out, _ = run("translate", str(SAMPLE), "--format", "tmx", "--db", str(tmp_path / "g.db"))
    assert code == 0 and out.startswith('<?xml version="1.0"') and out.count("<tu>") == 20


def test_terms_json_offsets(tmp_path: Path, sample_text: str) -> None:
    db = str(tmp_path / "g.db")
    for source, target, category in (("عبد اللطيف حموشي", "Abdellatif Hammouchi", "person"),
                                     ("مكتب التحقيقات الفيدرالي", "FBI", "organization"),
                                     ("الأمن الوطني", "national security", "other"),
                                     ("الساحل", "Sahel", "place")):
        assert run("glossary", "add", source, target, "--category", category, "--db", db)[0] == 0
    code, out, err = run("terms", str(SAMPLE), "--json", "--db", db)
    assert code == 0, err
    found = json.loads(out)
    assert [f["start"] for f in found] == sorted(f["start"] for f in found)
    for f in found:
        assert set(f) == {"start", "end", "text", "source", "target", "category", "lemma"}
        assert sample_text[f["start"] : f["end"]] == f["text"]
    texts = [f["text"] for f in found]
    assert texts.count("عبد اللطيف حموشي") == 2
    assert "لأمن الوطني" in texts  # للأمن الوطني: the article merged into لل
    assert texts.count("مكتب التحقيقات الفيدرالي") >= 3
    assert "الساحل" in texts


def test_lookup_prints_every_analysis() -> None:
    code, out, _ = run("lookup", "للأمن")
    assert code == 0
    first = out.split("\n2.")[0]
    assert "لِلأَمْن" in first and "(li + al + amn)" in first and "security; safety" in first
    code, out, _ = run("lookup", "المدير", "--json")
    data = json.loads(out)
    assert code == 0 and data[0]["lemma"] == "mudiyr" and data[0]["gloss"] == "director; manager; chief"
    assert data[0]["segmentation"] == "ال + مدير"


def test_lookup_of_a_name_or_a_non_arabic_word() -> None:
    code, out, _ = run("lookup", "حموشي")
    assert code == 0 and "no analysis" in out
    code, _, err = run("lookup", "hello")
    assert code == 4 and "not one Arabic word" in err


def test_gloss_gives_each_word_its_offsets_and_first_analysis(sample_text: str) -> None:
    code, out, err = run("gloss", str(SAMPLE), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert all(sample_text[d["start"]:d["end"]] == d["word"] for d in data)
    by_word = {d["word"]: d["analysis"] for d in data}
    assert by_word["بالرباط"]["gloss"] == "Rabat"
    assert by_word["المدير"]["lemma_id"] == "mudiyr_1"
    assert by_word["حموشي"] is None
    known = sum(d["analysis"] is not None for d in data) / len(data)
    assert known > 0.8  # most words of a news article are in the lexicon
    code, out, _ = run("gloss", str(SAMPLE))
    assert code == 0 and out.splitlines()[0] == "0\t9\tالتهديدات\tالتَهْدِيدات\tthreats"


def test_translate_and_terms_change_no_glossary_when_they_fail(tmp_path: Path, empty_model_dir: Path) -> None:
    db = tmp_path / "g.db"
    code, _, err = run("translate", str(SAMPLE), "--db", str(db))
    assert code == 3 and "model" in err.lower()
    code, _, _ = run("terms", str(tmp_path / "missing.txt"), "--db", str(db))
    assert code == 4
    assert not db.exists()


def test_no_cache_translation_opens_no_glossary(tmp_path: Path, installed_model: Path) -> None:
    db = tmp_path / "damaged.db"
    db.write_bytes(b"not a glossary" * 100)
    code, out, err = run("translate", str(SAMPLE), "--no-cache", "--json", "--db", str(db))
    assert code == 0, err
    assert len(json.loads(out)) == 20 and db.read_bytes() == b"not a glossary" * 100


def test_reading_a_document_from_the_cli_keeps_the_windows_place_in_it(tmp_path: Path) -> None:
    from desktop.core.documents import read_document
    from desktop.core.workspace import Workspace

    db = tmp_path / "g.db"
    window_side = Workspace.open(db)
    window_side.show_document(window_side.prepare_document(read_document(SAMPLE)))
    window_side.set_position(12)
    window_side.close()
    code, _, err = run("terms", str(SAMPLE), "--db", str(db))
    assert code == 0, err
    again = Workspace.open(db)
    assert again.prepare_document(read_document(SAMPLE)).position == 12
    again.close()


def test_terms_finds_other_forms_unless_told_not_to(tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    assert run("glossary", "add", "الجهاز", "the apparatus", "--db", db)[0] == 0
    code, out, _ = run("terms", str(SAMPLE), "--json", "--db", db)
    found = {(m["text"], m["lemma"]) for m in json.loads(out)}
    assert code == 0 and ("الجهاز", False) in found and ("الأجهزة", True) in found
    code, out, _ = run("terms", str(SAMPLE), "--json", "--no-lemmas", "--db", db)
    assert code == 0 and not any(m["lemma"] for m in json.loads(out))


def test_vocab_set_list_stats_and_export(tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    assert run("vocab", "set", "المدير", "2", "--context", "قال المدير", "--db", db) == \
        (0, "المدير (مُدِير): learning 2\n", "")
    assert run("vocab", "set", "بالرباط", "known", "--db", db)[0] == 0
    code, out, _ = run("vocab", "list", "--status", "learning", "--json", "--db", db)
    assert code == 0 and [(w["word"], w["status"], w["gloss"]) for w in json.loads(out)] == [
        ("المدير", "learning 2", "director")]
    code, out, _ = run("vocab", "stats", str(SAMPLE), "--json", "--db", db)
    stats = json.loads(out)
    assert code == 0 and stats["known"] == 2 and stats["words"] > 400  # الرباط, twice
    code, out, _ = run("vocab", "export", str(tmp_path / "words.csv"), "--db", db)
    assert code == 0 and out.startswith("Exported 1 notes")
    code, _, err = run("vocab", "set", "المدير", "9", "--db", db)
    assert code == 4 and "not a status" in err


def test_export_names_the_terms_a_format_cannot_carry(tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    run("glossary", "add", "#الأمن", "#security", "--db", db)
    run("glossary", "add", "الرباط", "Rabat", "--db", db)
    code, out, _ = run("glossary", "export", str(tmp_path / "g.utf8"), "--db", db)
    assert code == 0 and "Exported 1 terms" in out and "left out: #الأمن" in out


def test_terms_still_match_exactly_when_the_dictionary_cannot_be_built(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.lexicon import cache

    db = str(tmp_path / "g.db")
    run("glossary", "add", "الرباط", "Rabat", "--db", db)

    def full_disk(*_args: object, **_kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache, "ensure", full_disk)
    code, out, _ = run("terms", str(SAMPLE), "--json", "--db", db)
    assert code == 0 and {m["text"] for m in json.loads(out)} == {"الرباط"}


def test_vocab_refuses_bad_input_before_touching_a_glossary(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    for args in (["set", "المدير", "9"], ["set", "المدير العام", "1"], ["list", "--status", "sometimes"],
                 ["export", str(tmp_path / "words.xlsx")], ["stats", str(tmp_path / "missing.txt")]):
        code, _, err = run("vocab", *args, "--db", str(db))
        assert code == 4, (args, err)
    assert not db.exists()
    code, _, err = run("vocab", "export", str(tmp_path / "words.apkg"), "--db", str(db))
    assert code == 4 and "nothing to export" in err
    assert not (tmp_path / "words.apkg").exists()


def test_import_maps_or_creates_categories_the_glossary_lacks(tmp_path: Path) -> None:
    rows = tmp_path / "g.csv"
    rows.write_text("source,target,category\nالقمر,Moon,planet\n", encoding="utf-8")
    def category(db: str) -> str:
        return str(json.loads(run("glossary", "list", "--json", "--db", db)[1])[0]["category"])

    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert run("glossary", "import", str(rows), "--db", a)[0] == 0 and category(a) == "other"
    assert run("glossary", "import", str(rows), "--new-categories", "create", "--db", b)[0] == 0
    assert category(b) == "planet"


def test_memory_import_and_export(tmp_path: Path) -> None:
    from translate.storage import tmx

    memory = tmx.tmxfile(sourcelanguage="ar", targetlanguage="en")
    memory.addtranslation("في الرباط.", "ar", "In Rabat.", "en")
    (tmp_path / "in.tmx").write_bytes(bytes(memory))
    db = str(tmp_path / "g.db")
    assert run("memory", "import", str(tmp_path / "in.tmx"), "--db", db) == \
        (0, f"Imported 1 translations from {tmp_path / 'in.tmx'} (1 units)\n", "")
    code, out, _ = run("memory", "export", str(tmp_path / "out.tmx"), "--db", db)
    assert code == 0 and "Exported 1 translations" in out
    code, _, err = run("memory", "import", str(tmp_path / "missing.tmx"), "--db", str(tmp_path / "n.db"))
    assert code == 4 and not (tmp_path / "n.db").exists()


@pytest.mark.parametrize("fmt, said", [
    ("csv", None), ("tbx", None), ("omegat", "omegat does not carry a term's category, context, document, "
                                              "date added, subject field, part of speech."),
    ("anki", "anki does not carry a term's document, date added, subject field, part of speech."),
    ("tbx3", "tbx3 does not carry a term's document, date added."),
])
def test_export_says_what_a_format_does_not_carry(tmp_path: Path, fmt: str, said: str | None) -> None:
    db = str(tmp_path / "g.db")
    run("glossary", "add", "الرباط", "Rabat", "--note", "capital", "--db", db)
    code, out, _ = run("glossary", "export", str(tmp_path / "out"), "--format", fmt, "--db", db)
    assert code == 0 and out.startswith("Exported 1 terms")
    assert (said in out) if said else ("does not carry" not in out)
