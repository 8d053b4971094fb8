"""A team glossary under load, in one run: adds per second and the p95 latency of one add for 1,
2, 4 and 8 writer processes on PostgreSQL and for 2 on SQLite (one file), the latency of a
change notification (another client's add until the listener has read it), and a 100,000-term
termbase: opening it (connect and migrate-check), reading it for the table, and searching it
per keystroke.

    python bench/team.py [--adds 300] [--terms 100000]

Each writer process adds ``--adds`` terms through ``Workspace.save_term`` (one transaction
each, as the window does); writers overlap (every term is added by several at about the same
time), so the figures include the ON CONFLICT path and row locks. PostgreSQL is pgserver's
(tests/pgcluster.py: a local server, fsync and synchronous_commit off as in the tests: the
figures show Tarjuman's cost, not a disk's). The README's "Team glossary" section quotes a run.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import cpu_model, load_average  # noqa: E402

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def arabic_number(i: int) -> str:
    return "".join(LETTERS[int(d)] for d in str(i))


def pair(i: int) -> tuple[str, str]:
    return f"مصطلح {arabic_number(i)}", f"term {i}"


def writer(db: str, offset: int, adds: int, distinct: int, start: Any, results: Any) -> None:
    from desktop.core.workspace import Workspace

    ws = Workspace.open(db)
    latencies: list[float] = []
    start.wait(120)
    began = time.perf_counter()
    for n in range(adds):
        source, target = pair((offset * adds // 2 + n) % distinct)
        t = time.perf_counter()
        ws.save_term(source, target, note=f"writer {offset}")
        latencies.append(time.perf_counter() - t)
    ended = time.perf_counter()
    ws.close(save_position=False)
    results.put((began, ended, latencies))


def run_writers(db: str, processes: int, adds: int) -> tuple[float, float, float]:
    """(adds per second over all writers, median and p95 latency of one add in ms)."""
    context = multiprocessing.get_context("spawn")
    start, results = context.Event(), context.Queue()
    distinct = max(adds * processes // 2, adds)
    workers = [context.Process(target=writer, args=(db, k, adds, distinct, start, results))
               for k in range(processes)]
    for worker in workers:
        worker.start()
    time.sleep(2.0)  # every writer has opened its workspace
    start.set()
    done = [results.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join(60)
    began = min(d[0] for d in done)
    ended = max(d[1] for d in done)
    latencies = sorted(x for d in done for x in d[2])
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    return processes * adds / (ended - began), statistics.median(latencies) * 1000, p95 * 1000


def notification_latency(url: str, count: int = 100) -> tuple[float, float]:
    """(median, p95) ms from another client's add until this workspace's listener read it."""
    import queue

    from desktop.core.workspace import Workspace

    mine, theirs = Workspace.open(url), Workspace.open(url)
    arrived: queue.Queue[float] = queue.Queue()
    states: queue.Queue[bool] = queue.Queue()
    listener = mine.listen(lambda _c: arrived.put(time.perf_counter()), states.put)
    assert listener is not None and states.get(timeout=10)
    latencies = []
    for i in range(count):
        sent = time.perf_counter()
        theirs.save_term(*pair(10_000_000 + i))
        latencies.append(arrived.get(timeout=10) - sent)
        time.sleep(0.02)
    listener.stop()
    mine.close()
    theirs.close()
    latencies.sort()
    return statistics.median(latencies) * 1000, latencies[int(len(latencies) * 0.95) - 1] * 1000


def large_termbase(url: str, terms: int) -> dict[str, float]:
    """Open, load the table's catalogue and search a termbase of ``terms`` terms."""
    from desktop.core.glossary.store import NewTerm, add_terms
    from desktop.core.workspace import Workspace

    ws = Workspace.open(url)
    with ws.factory.begin() as session:
        add_terms(session, [NewTerm(*pair(i), note=f"note {i % 97}") for i in range(terms)])
    ws.close()
    figures: dict[str, float] = {}
    t = time.perf_counter()
    ws = Workspace.open(url)
    figures["open_s"] = time.perf_counter() - t
    t = time.perf_counter()
    catalog = ws.catalog()
    figures["catalogue_s"] = time.perf_counter() - t
    t = time.perf_counter()
    ws.build_term_index()
    figures["term_index_s"] = time.perf_counter() - t
    times = []
    typed = "مصطلح " + arabic_number(4711)
    for end in range(1, len(typed) + 1):  # one search per keystroke
        t = time.perf_counter()
        catalog.query(typed[:end])
        times.append(time.perf_counter() - t)
    for word in ("term 4", "term 47", "note 9", "ثث"):
        t = time.perf_counter()
        catalog.query(word)
        times.append(time.perf_counter() - t)
    times.sort()
    figures["search_median_ms"] = statistics.median(times) * 1000
    figures["search_max_ms"] = times[-1] * 1000
    ws.close()
    return figures


def machine() -> str:
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs "
            f"({cpu_model() or 'unknown'}), load average {load_average()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adds", type=int, default=300, help="adds per writer process")
    parser.add_argument("--terms", type=int, default=100_000, help="terms of the large termbase")
    args = parser.parse_args()
    os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp(prefix="tarjuman-bench-data-"))
    from tests.pgcluster import start_cluster

    cluster = start_cluster()
    print(f"Machine: {machine()}; PostgreSQL 16 (pgserver), Python {platform.python_version()}")
    print(f"{args.adds} adds per writer, one transaction each, overlapping terms\n")
    print("| engine | writers | adds/s | median ms | p95 ms |")
    print("| --- | ---: | ---: | ---: | ---: |")
    try:
        for processes in (1, 2, 4, 8):
            url = cluster.create_database(f"bench_{processes}")
            rate, median, p95 = run_writers(url, processes, args.adds)
            print(f"| PostgreSQL | {processes} | {rate:,.0f} | {median:.1f} | {p95:.1f} |", flush=True)
        with tempfile.TemporaryDirectory() as folder:
            db = str(Path(folder) / "glossary.db")
            from desktop.core.workspace import Workspace

            Workspace.open(db).close()
            rate, median, p95 = run_writers(db, 2, args.adds)
            print(f"| SQLite | 2 | {rate:,.0f} | {median:.1f} | {p95:.1f} |", flush=True)
        median, p95 = notification_latency(cluster.create_database("bench_notify"))
        print(f"\nNotification latency (another client's add until read here): median {median:.0f} ms, "
              f"p95 {p95:.0f} ms", flush=True)
        figures = large_termbase(cluster.create_database("bench_large"), args.terms)
        print(f"\n{args.terms:,}-term termbase: open {figures['open_s']:.2f} s, the table's catalogue "
              f"{figures['catalogue_s']:.2f} s, the term index {figures['term_index_s']:.2f} s; a search "
              f"per keystroke median {figures['search_median_ms']:.1f} ms, slowest "
              f"{figures['search_max_ms']:.1f} ms")
    finally:
        cluster.close()
    print(f"\nLoad average at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
