"""Translating a document's sentences through the memory and the engine together.

Known sentences (post-edits, then this model's earlier translations) are delivered first, at
once; only the rest go to the engine, each distinct sentence once. Each finished engine batch
is written to the memory in its own transaction before it is delivered, so a cancelled run
keeps what it finished.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from sqlalchemy.orm import Session, sessionmaker

from desktop.core.tasks import CancelToken, ProgressFn, report
from desktop.core.translation import memory
from desktop.core.translation.engine import TranslationEngine


@dataclass(frozen=True)
class Translated:
    """One sentence's translation as delivered to the caller."""

    index: int
    target: str
    edited: bool = False
    from_memory: bool = False


ResultsFn = Callable[[list[Translated]], None]


def translate_sentences(
    sentences: Sequence[str],
    engine: TranslationEngine | None,
    factory: sessionmaker[Session] | None,
    *,
    on_results: ResultsFn | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    first: int = 0,
) -> list[Translated | None]:
    """Translate ``sentences``; with ``factory`` (a database) the memory is used and filled.

    The model translates the sentences before ``first`` (the page on screen) before the
    others (see ``ArgosEngine.translate``).

    With no engine, only what the memory knows is returned (others are ``None``). Raises
    ``Cancelled`` on cancel, after delivering and storing the finished batches. Callbacks run
    in the calling thread.
    """
    total = len(sentences)
    results: list[Translated | None] = [None] * total
    if factory is not None:
        with factory() as session:
            known = memory.lookup(session, engine.model_id if engine else None, sentences)
        hits = [Translated(i, k.target, k.edited, True) for i, k in enumerate(known) if k is not None]
        for hit in hits:
            results[hit.index] = hit
        if hits and on_results is not None:
            on_results(hits)
    done = sum(r is not None for r in results)
    report(progress, done, total)
    if engine is None:
        return results

    # Each distinct sentence (by memory key) goes to the model once.
    groups: dict[str, list[int]] = {}
    for i, sentence in enumerate(sentences):
        if results[i] is None:
            groups.setdefault(memory.source_key(sentence), []).append(i)
    firsts = [indices[0] for indices in groups.values()]
    if not firsts:
        return results
    texts = [sentences[i] for i in firsts]

    def on_batch(batch: list[int], targets: list[str]) -> None:
        nonlocal done
        if factory is not None:
            with factory.begin() as session:
                memory.remember(session, engine.model_id, [(texts[j], t) for j, t in zip(batch, targets,
                                                                                         strict=True)])
        delivered: list[Translated] = []
        for j, target in zip(batch, targets, strict=True):
            for i in groups[memory.source_key(texts[j])]:
                item = Translated(i, target)
                results[i] = item
                delivered.append(item)
        done += len(delivered)
        if on_results is not None:
            on_results(delivered)
        report(progress, done, total)

    engine.translate(texts, on_batch=on_batch, cancel=cancel,
                     first=sum(1 for i in firsts if i < first))
    return results
