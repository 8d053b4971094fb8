from __future__ import annotations

from desktop.core.glossary.check import english_spans, insert_term, missing_terms
from desktop.core.glossary.matcher import IndexedTerm, TermIndex


def test_missing_terms_and_insert() -> None:
    index = TermIndex([IndexedTerm(1, "حموشي", "Hammouchi", "person"),
                       IndexedTerm(2, "الرباط", "Rabat", "place")])
    matches = index.find("استقبل حموشي في الرباط وحموشي")
    translation = "Hamushi received him in rabat."
    missing = missing_terms(translation, matches)
    assert [m.term.target for m in missing] == ["Hammouchi"]  # once, although found twice
    fixed = insert_term(translation, "Hammouchi")
    assert fixed == "Hamushi received him in rabat (Hammouchi)."
    assert missing_terms(fixed, matches) == []
    assert missing_terms(None, matches) == []
    assert insert_term("", "Rabat") == "Rabat"
    assert insert_term("He said “yes.”", "Rabat") == "He said “yes (Rabat).”"
    assert english_spans("Rabatian Rabat", "rabat") == [(9, 14)]
