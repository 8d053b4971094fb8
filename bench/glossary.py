"""Benchmark: finding glossary terms in a long Arabic text, and searching a big glossary.

    .venv/bin/python bench/glossary.py

For 5,000 and 100,000 generated terms over a 250,000-character Arabic text, prints side by
side in one run: a regex-alternation baseline (one compiled pattern of all folded terms with
word boundaries; no clitic handling) and Tarjuman's Aho-Corasick matcher, plus the time to
build each. "dense" rows add every word of the article to the glossary, so that nearly every
word of the text is a match: a worst case. Then the glossary search (the search box) on a
100,000-term database.
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.db.engine import open_database  # noqa: E402
from desktop.core.glossary import store  # noqa: E402
from desktop.core.glossary.catalog import Catalog  # noqa: E402
from desktop.core.glossary.matcher import IndexedTerm, TermIndex, fold, fold_with_map  # noqa: E402

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def timed(fn, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    values = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        values.append(time.perf_counter() - start)
    return statistics.median(values)


def make_terms(n: int, vocabulary: list[str], rng: random.Random, dense: bool = False) -> list[IndexedTerm]:
    """Generated glossary: made-up names (some with the article, some two words long) and
    phrases of 2-3 words from the article. ``dense`` also makes every single article word a
    term, so that nearly every word of the text matches (a worst case)."""
    terms: list[IndexedTerm] = []
    seen: set[str] = set()
    if dense:
        for word in vocabulary:
            seen.add(word)
            terms.append(IndexedTerm(len(terms) + 1, word, f"term {len(terms)}", "other"))
    while len(terms) < n:
        if rng.random() < 0.1:
            source = " ".join(rng.sample(vocabulary, rng.choice((2, 3))))
        else:
            source = make_name(rng)
            if rng.random() < 0.2:
                source += " " + make_name(rng)
        if source not in seen:
            seen.add(source)
            terms.append(IndexedTerm(len(terms) + 1, source, f"term {len(terms)}", "other"))
    return terms


def make_name(rng: random.Random) -> str:
    name = "".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 8)))
    return "ال" + name if rng.random() < 0.3 else name


def make_text(article: str, vocabulary: list[str], terms: list[IndexedTerm], rng: random.Random) -> str:
    """250,000 characters: the article and runs of its words, with a glossary term (often
    with a proclitic) every 25 words or so."""
    chunks: list[str] = []
    while sum(map(len, chunks)) < 250_000:
        chunks.append(article)
        words = []
        for _ in range(200):
            if rng.random() < 0.04:
                words.append(rng.choice(("", "و", "ب", "ل", "وال")) + rng.choice(terms).source)
            else:
                words.append(rng.choice(vocabulary))
        chunks.append(" ".join(words))
    return "".join(chunks)[:250_000]


def regex_baseline(terms: list[IndexedTerm]) -> re.Pattern[str]:
    keys = sorted({fold(t.source) for t in terms}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")


def main() -> None:
    rng = random.Random(7)
    article = (ROOT / "resources" / "sample" / "article.txt").read_text(encoding="utf-8")
    vocabulary = sorted({w for w in re.findall(r"\w+", article) if len(w) > 2})
    print("Text: 250,000 characters of the article and its words, with glossary terms mixed in\n")
    print(f"{'terms':>16} {'regex build':>12} {'regex find':>11} {'index build':>12} "
          f"{'Tarjuman find':>14} {'ratio':>7} {'matches':>8}")
    for n, dense in ((5_000, False), (100_000, False), (5_000, True), (100_000, True)):
        terms = make_terms(n, vocabulary, rng, dense)
        text = make_text(article, vocabulary, terms, rng)
        build_regex = timed(lambda t=terms: regex_baseline(t), runs=1)
        pattern = regex_baseline(terms)
        folded, _ = fold_with_map(text)
        # The baseline gets its text already folded; Tarjuman's time includes folding.
        regex_find = timed(lambda p=pattern, f=folded: sum(1 for _ in p.finditer(f)), runs=3)
        build_index = timed(lambda t=terms: TermIndex(t), runs=3)
        index = TermIndex(terms)
        ours = timed(lambda i=index, t=text: i.find(t), runs=5)
        matches = len(index.find(text))
        label = f"{n:,}" + (" dense" if dense else "")
        print(f"{label:>16} {build_regex:>11.3f}s {regex_find:>10.3f}s {build_index:>11.3f}s "
              f"{ours:>13.3f}s {regex_find / ours:>6.1f}x {matches:>8,}")
        added = IndexedTerm(n + 1, "مصطلح جديد", "new term", "other")
        print(f"{'':>16} adding one term to the built index: "
              f"{timed(lambda i=index, a=added: i.add(a), runs=1) * 1000:.1f} ms")

    # The glossary search box over 100,000 terms.
    with tempfile.TemporaryDirectory() as tmp:
        factory = open_database(Path(tmp) / "big.db")
        terms = make_terms(100_000, vocabulary, rng)
        start = time.perf_counter()
        with factory.begin() as session:
            from desktop.core.glossary.exchange import ImportRow, import_rows

            import_rows(session, [ImportRow(i, t.source, t.target, "other", "", "", "", None)
                                  for i, t in enumerate(terms)])
        print(f"\nGlossary of 100,000 terms imported in {time.perf_counter() - start:.1f} s")
        with factory() as session:
            load_ms = timed(lambda s=session: Catalog.load(s), runs=1) * 1000
            catalog = Catalog.load(session)
        print(f"Catalogue for the table loaded in {load_ms:.0f} ms (in the background)")
        print(f"{'search':>14} {'table (ms)':>11} {'SQLite LIKE (ms)':>17} {'hits':>8}")
        for query in ("مك", "التحقيقات", "term 99", "ال", "zzz"):
            with factory() as session:
                db_ms = timed(lambda s=session, q=query: store.search_ids(s, q), runs=5) * 1000
                hits = len(store.search_ids(session, query))
            table_ms = timed(lambda q=query: catalog.query(q), runs=5) * 1000
            assert len(catalog.query(query)) == hits
            print(f"{query:>14} {table_ms:>11.1f} {db_ms:>17.1f} {hits:>8,}")
        with factory() as session:
            ms = timed(lambda s=session: store.build_index(s), runs=1) * 1000
        print(f"\nLoading and indexing the 100,000-term glossary from SQLite: {ms:.0f} ms")


if __name__ == "__main__":
    main()
