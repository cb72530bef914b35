"""Matching latency per query on one core, for the real knowledge base and synthetic ones.

    .venv/bin/python bench/matcher_latency.py [--sizes 1000 10000 100000]

Pins itself to one CPU, builds a Matcher per knowledge base, and times `search` for every
question of eval/holdout.yaml (three rounds), printing p50 and p99 in microseconds. Synthetic
knowledge bases repeat the real entries under new ids with some words swapped for words of
other entries, so that postings grow with the size as they would with real content. Also
prints the time and memory to load and index the real knowledge base.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.core.evaluation import load_cases  # noqa: E402
from service.core.matcher import Matcher  # noqa: E402
from service.knowledge.loading import Entry, load_knowledge_base  # noqa: E402


def synthetic_entries(real: list[Entry], size: int, seed: int = 0) -> list[Entry]:
    """`size` entries made from the real ones, each phrasing with a few words swapped."""
    rng = random.Random(seed)
    vocabulary = sorted({w for e in real for w in (e.question + " " + " ".join(e.alternates))
                         .split() if w.isalpha()})
    entries = []
    for n in range(size):
        base = real[n % len(real)]

        def mutate(text: str) -> str:
            words = text.split()
            for _ in range(2):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            return " ".join(words)

        entries.append(replace(
            base, id=f"{base.id}-{n}", question=mutate(base.question),
            alternates=tuple(mutate(a) for a in base.alternates[:4]),
            answer=mutate(base.answer[:300]), explanation="", misconceptions=(), related=()))
    return entries


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def time_queries(matcher: Matcher, queries: list[str], rounds: int = 3) -> list[float]:
    timings = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter_ns()
            matcher.search(query, 3)
            timings.append((time.perf_counter_ns() - start) / 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    # built once under tracemalloc for the memory (cold; tracemalloc slows it about 5x), then
    # again, timed: the warm load and index a worker's restart pays
    tracemalloc.start()
    cold = load_knowledge_base(ROOT / "knowledge")
    Matcher(cold.entries.values(), cold.outside.values())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    start = time.perf_counter()
    knowledge_base = load_knowledge_base(ROOT / "knowledge")
    loaded = time.perf_counter()
    matcher = Matcher(knowledge_base.entries.values(), knowledge_base.outside.values())
    indexed = time.perf_counter()
    print(f"real knowledge base: {len(knowledge_base)} entries and "
          f"{len(knowledge_base.outside)} topics not covered; warm: load + validate "
          f"{(loaded - start) * 1000:.0f} ms, index {(indexed - loaded) * 1000:.0f} ms, "
          f"peak Python memory {peak / 2**20:.1f} MiB")

    queries = [c.question for c in load_cases(ROOT / "eval" / "holdout.yaml")]
    print(f"{'entries':>8} {'build s':>8} {'p50 us':>8} {'p99 us':>8} {'mean us':>8}")
    real = list(knowledge_base.entries.values())
    for size, entries in [(len(real), real)] + [(s, None) for s in args.sizes]:
        if entries is None:
            entries = synthetic_entries(real, size)
        start = time.perf_counter()
        # the real knowledge base with its topics not covered, as the service ranks it
        matcher = Matcher(entries, knowledge_base.outside.values() if entries is real else ())
        built = time.perf_counter() - start
        matcher.search("warm up the caches", 3)
        timings = time_queries(matcher, queries)
        print(f"{size:>8} {built:>8.1f} {statistics.median(timings):>8.0f} "
              f"{percentile(timings, 0.99):>8.0f} {statistics.fmean(timings):>8.0f}")


if __name__ == "__main__":
    main()
