from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.documents import document_from_text
from desktop.core.segment import clean_text, segment


def test_seed_article_offsets_are_exact(sample_text: str) -> None:
    doc = document_from_text(sample_text)
    assert len(doc.sentences) == 20
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
    assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))


def test_seed_article_keeps_quotes_and_numbers_inside_sentences(sample_text: str) -> None:
    doc = document_from_text(sample_text)
    texts = [s.text for s in doc.sentences]

    def containing(fragment: str) -> str:
        hits = [t for t in texts if fragment in t]
        assert len(hits) == 1, (fragment, hits)
        return hits[0]

    sabah = containing("“الصباح”")
    assert sabah.startswith("وحسب يومية") and sabah.endswith("وتفادي حمامات دم.")
    numbers = containing("7108")
    for fragment in ("12 ألفا و519", "2020 كانت", "4250", "171 مليار"):
        assert fragment in numbers
    assert numbers.startswith("وقال ناصر بوريطة")


def test_paragraphs_follow_line_breaks(sample_text: str) -> None:
    doc = document_from_text(sample_text)
    title = doc.sentences[0]
    assert title.paragraph == 0 and title.text.startswith("التهديدات الإرهابية")
    second = [s for s in doc.sentences if s.paragraph == 1]
    assert second and second[0].text.startswith("نجح التنسيق")
    paragraphs = [s.paragraph for s in doc.sentences]
    assert paragraphs == sorted(paragraphs)


def test_sentence_end_rules() -> None:
    text = "قال: “انتهى الأمر. لن نعود” ثم غادر. بلغت النسبة 2.5 في المائة! هل انتهى؟ نعم… حسنا"
    got = [s.text for s in segment(text)]
    assert got == [
        "قال: “انتهى الأمر. لن نعود” ثم غادر.",
        "بلغت النسبة 2.5 في المائة!",
        "هل انتهى؟",
        "نعم…",
        "حسنا",
    ]


def test_no_split_at_colon_abbreviation_or_inside_a_word() -> None:
    got = [s.text for s in segment("Visit example.com today: the U.S. team came. Done")]
    assert got == ["Visit example.com today: the U.S. team came.", "Done"]


def test_closing_quote_stays_with_its_sentence() -> None:
    got = [s.text for s in segment("He said “stop.” Then left.")]
    assert got == ["He said “stop.”", "Then left."]


def test_bom_and_newlines_are_cleaned() -> None:
    assert clean_text("\ufeffأ\r\nب\rج") == "أ\nب\nج"
    doc = document_from_text("\ufeffسطر أول\r\n\r\nسطر ثان")
    assert [(s.paragraph, s.text) for s in doc.sentences] == [(0, "سطر أول"), (1, "سطر ثان")]
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text


def test_empty_and_punctuation_only_documents() -> None:
    assert document_from_text("").sentences == []
    assert document_from_text("\n\n  \n").sentences == []
    doc = document_from_text("... !!! ؟؟")
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)


@given(st.text(alphabet=st.sampled_from(list("اب ت.!؟?…“”«»\"()2.5\n\r:،")), max_size=200))
def test_offsets_hold_for_any_text(raw: str) -> None:
    text = clean_text(raw)
    sentences = segment(text)
    last_end = 0
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.start >= last_end and s.text.strip() == s.text != ""
        assert "\n" not in s.text
        last_end = s.end
