"""The work per message: `Tutor.respond` on adversarial messages of the maximum length.

    .venv/bin/python bench/message_budget.py [--length 2000] [--rounds 5]

Pins itself to one CPU and times `Tutor.respond` (in memory, no records) on every family of
tests/adversarial.py's message attacks at `--length` characters, in a fresh session and after
a calculation (so the follow-up readers run too), and, for comparison, on ordinary questions
of ../shared/eval/dev.yaml. Prints the median and the worst of each set, and the five slowest
attacks, in milliseconds. A message of the maximum length should be answered in a few ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from service.core.dialogue import Tutor  # noqa: E402
from service.core.evaluation import load_cases  # noqa: E402
from service.core.sessions import MemorySessionStore  # noqa: E402
from service.knowledge.loading import load_knowledge_base  # noqa: E402
from tests import adversarial  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev.yaml"


def best_of(rounds: int, run) -> float:
    """The fastest of `rounds` runs of `run()`, in milliseconds (noise only adds time)."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    tutor = Tutor(load_knowledge_base(ROOT / "knowledge"), MemorySessionStore(),
                  max_message_length=args.length)
    calculation = tutor.respond("output size for a 28x28 input, 5x5 kernel, stride 2")

    def after_a_calculation(text: str) -> None:
        tutor.sessions.put(f"web/{calculation.session_id}", {
            "calc": {"calculator": "conv", "args": {"input": 28, "kernel": 5, "stride": 2},
                     "assumed": []}})
        tutor.respond(text, calculation.session_id)

    attacks = [(str(a), a.make(args.length)[:args.length]) for a in adversarial.message_attacks()]
    rows = []
    for label, text in attacks:
        rows.append((best_of(args.rounds, lambda t=text: tutor.respond(t)), "fresh", label))
        rows.append((best_of(args.rounds, lambda t=text: after_a_calculation(t)),
                     "after a calculation", label))
    ordinary = []
    if DEV.exists():
        for case in load_cases(DEV):
            ordinary.append(best_of(args.rounds, lambda q=case.question: tutor.respond(q)))
    times = [row[0] for row in rows]
    print(f"Tutor.respond, one core, best of {args.rounds} runs each, milliseconds")
    print(f"adversarial messages of {args.length} characters ({len(rows)} runs): "
          f"median {statistics.median(times):.2f}, worst {max(times):.2f}")
    if ordinary:
        print(f"dev-set questions ({len(ordinary)}): median {statistics.median(ordinary):.2f}, "
              f"worst {max(ordinary):.2f}")
    print("slowest attacks:")
    for ms, where, label in sorted(rows, reverse=True)[:5]:
        print(f"  {ms:7.2f}  {where:20s} {label}")


if __name__ == "__main__":
    main()
