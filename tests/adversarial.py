"""Adversarial inputs for regular expressions, and a check that matching time grows linearly.

A backtracking engine is slow on a pattern when one text can be matched in many ways: a
repeated group whose body can itself match the text in several ways (exponential), or several
quantifiers in a row that can share the same characters (polynomial), or a search that starts
again at every position of a long run (quadratic). The strings that expose this are built from
the pattern itself: for every repetition in it, the text that leads up to it (a *prefix*), many
copies of something its body matches (a *pump*), and an ending that makes the match fail.
Long runs of common characters (spaces, digits, letters, brackets) are added for every pattern.

`growth(pattern, make)` times `pattern` on `make(n)` and `make(8 n)`: linear work grows about
8 times, quadratic about 64 times; exponential work runs into the timeout. Times are the
minimum of a few runs, so that a busy machine only ever makes a pattern look faster.
"""

from __future__ import annotations

import itertools
import re
import re._compiler as sre_compile
import re._constants as sre
import re._parser as sre_parse
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# Characters tried against character classes, most telling first.
ALPHABET = (" ", "1", "a", "x", "_", "-", ".", ",", ";", ":", "=", "[", "]", "(", ")", "{", "}",
            "\\", "$", "*", "/", "|", "&", "^", "'", '"', "\n", "\t", "e", "s", "z", "A", "0",
            "9", "+", "<", ">", "!", "?", "#", "é", "×", "→")
# Runs tried against every pattern, whatever its classes.
RUNS = (" ", "1", "a", "_", "-", ".", "[", "(", "{", "\\", "$", "1 ", "a ", "1,", "1x", "[1]",
        "[1] ", "(a)", "{a}", "\\a", "p(", "a|", "1.", "x ", " ,", "\n", "ab", "$a$")
ENDINGS = ("", "§", "!")
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
MAX_SAMPLES = 4


class Timeout(Exception):
    """Matching took longer than the budget: far beyond linear."""


@dataclass(frozen=True)
class Attack:
    """prefix + pump * n + ending: one family of adversarial strings for a pattern."""

    prefix: str
    pump: str
    ending: str

    def make(self, length: int) -> str:
        """A string of about `length` characters from this family."""
        copies = max(1, (length - len(self.prefix)) // max(1, len(self.pump)))
        return self.prefix + self.pump * copies + self.ending

    def __str__(self) -> str:
        return f"{self.prefix!r} + {self.pump!r} * n + {self.ending!r}"


def _compiled(nodes: list, state) -> re.Pattern | None:
    """A pattern for a piece of a parsed pattern, to test characters against; None if it
    cannot stand alone (a back reference)."""
    try:
        return sre_compile.compile(sre_parse.SubPattern(state, list(nodes)), 0)
    except (re.error, IndexError, TypeError, RecursionError):
        return None


class _Sampler:
    """Short strings that parts of a parsed pattern match."""

    def __init__(self, parsed: sre_parse.SubPattern):
        self.state = parsed.state

    def node(self, op, av) -> list[str]:
        if op is sre.LITERAL:
            return [chr(av)]
        if op in (sre.NOT_LITERAL, sre.ANY, sre.IN, sre.CATEGORY):
            matcher = _compiled([(op, av)], self.state)
            if matcher is None:
                return ["a"]
            chars = [c for c in ALPHABET if matcher.fullmatch(c)]
            return chars[:MAX_SAMPLES] or ["a"]
        if op is sre.BRANCH:
            out: list[str] = []
            for branch in av[1]:
                out.extend(self.sequence(branch)[:2])
            return _distinct(out)
        if op is sre.SUBPATTERN:
            return self.sequence(av[3])
        if op is sre.ATOMIC_GROUP:
            return self.sequence(av)
        if op in REPEATS:
            low, high, body = av
            inner = self.sequence(body)
            copies = [low] if low else [0, 1]
            if high is sre.MAXREPEAT or high > max(low, 1):
                copies.append(max(low, 1) + 1)
            return _distinct([s * c for s in inner for c in copies])
        if op is sre.GROUPREF:
            return [""]
        return [""]  # anchors and lookarounds match no characters

    def sequence(self, nodes) -> list[str]:
        """A few strings the sequence matches: the first choice everywhere, then one part
        varied at a time."""
        choices = [self.node(op, av) for op, av in nodes]
        base = [c[0] if c else "" for c in choices]
        out = ["".join(base)]
        for index, options in enumerate(choices):
            for option in options[1:]:
                out.append("".join(base[:index] + [option] + base[index + 1:]))
                if len(out) >= MAX_SAMPLES * 2:
                    return _distinct(out)
        return _distinct(out)


def _distinct(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _repeats(nodes, lead: list[str], sampler: _Sampler) -> Iterator[tuple[str, list[str]]]:
    """Each repetition in `nodes` that can run long: the text leading up to it and samples
    of its body."""
    nodes = list(nodes)
    for index, (op, av) in enumerate(nodes):
        before = "".join(lead) + "".join(
            (sampler.node(o, a) or [""])[0] for o, a in nodes[:index])
        if op in REPEATS:
            low, high, body = av
            if high is sre.MAXREPEAT or high > 4:
                yield before, sampler.sequence(body)
            yield from _repeats(body, [before], sampler)
        elif op is sre.SUBPATTERN:
            yield from _repeats(av[3], [before], sampler)
        elif op is sre.ATOMIC_GROUP:
            yield from _repeats(av, [before], sampler)
        elif op is sre.BRANCH:
            for branch in av[1]:
                yield from _repeats(branch, [before], sampler)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            yield from _repeats(av[1], [before], sampler)


def attacks(pattern: re.Pattern) -> list[Attack]:
    """Adversarial string families for one compiled pattern."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags & ~re.UNICODE & ~re.ASCII
                             if isinstance(pattern.pattern, str) else pattern.flags)
    sampler = _Sampler(parsed)
    found: list[Attack] = []
    for prefix, bodies in _repeats(parsed, [], sampler):
        for body in bodies[:MAX_SAMPLES]:
            if body:
                for ending in ENDINGS:
                    found.append(Attack(prefix, body, ending))
        # a body followed by what may come next: "    [1]" for a group of spaces and rows
        for first, second in itertools.islice(itertools.permutations(bodies[:3], 2), 3):
            if first and second:
                found.append(Attack(prefix, first + second, "§"))
    leads = _distinct(["", *(s for s in sampler.sequence(parsed)[:2] if len(s) < 40)])
    for lead in leads:
        for run in RUNS:
            found.append(Attack(lead, run, "§"))
    return list(dict.fromkeys(found))


def _seconds(run: Callable[[], object], budget: float, repeats: int = 3) -> float:
    """Best of `repeats` timings of `run`; raises Timeout past `budget` seconds (the regex
    engine checks for signals, so even a catastrophic match is interrupted).

    Timed in this thread's CPU time, not wall-clock time: on a shared machine other processes
    take the CPU away for whole milliseconds, which a wall clock counts as our work."""
    def expire(*_):
        raise Timeout()

    previous = signal.signal(signal.SIGALRM, expire)
    try:
        best = float("inf")
        for _ in range(repeats):
            signal.setitimer(signal.ITIMER_REAL, budget)
            start = time.thread_time()
            try:
                run()
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            best = min(best, time.thread_time() - start)
        return best
    finally:
        signal.signal(signal.SIGALRM, previous)


def scan(pattern: re.Pattern) -> Callable[[str], object]:
    """The most work a caller can ask of a pattern: every match of a search, and a match
    anchored at the start."""
    def run(text: str) -> object:
        return list(pattern.finditer(text)), pattern.match(text), pattern.fullmatch(text)
    return run


@dataclass(frozen=True)
class Growth:
    """How the time of one function grew from n to 8 n characters."""

    attack: str
    small: float
    large: float

    @property
    def ratio(self) -> float:
        return self.large / max(self.small, 1e-9)

    def linear(self, slack: float = 3.0, floor: float = 0.002) -> bool:
        """About 8 times the work for 8 times the text; anything under `floor` seconds at the
        large size is too fast to be a problem whatever its ratio."""
        return self.large < floor or self.ratio <= 8 * slack


def growth(run: Callable[[str], object], make: Callable[[int], str], label: str,
           size: int = 256, budget: float = 1.0, floor: float = 0.002) -> Growth:
    """Time `run` on `make(size)` and `make(8 * size)`; a timeout counts as infinitely slow.

    The large text is timed first, once: when even that takes under `floor` seconds the small
    one is not timed (the growth cannot matter), which keeps a scan of many attacks quick.
    """
    small_text, large_text = make(size), make(8 * size)
    try:
        first = _seconds(lambda: run(large_text), budget, repeats=1)
        if first < floor:
            return Growth(label, first / 8, first)
        large = min(first, _seconds(lambda: run(large_text), budget))
        small = _seconds(lambda: run(small_text), budget)
    except Timeout:
        return Growth(label, 1e-9, float("inf"))
    return Growth(label, small, large)


def worst_growth(pattern: re.Pattern, size: int = 256) -> Growth:
    """The fastest-growing attack on `pattern` (re-timed once before it is reported)."""
    run = scan(pattern)
    return worst_of(run, attacks(pattern), size)


def worst_of(run: Callable[[str], object], families: list[Attack], size: int = 256,
             budget: float = 1.0) -> Growth:
    """The fastest-growing of `families` under `run`; a family that looks super-linear is timed
    up to twice more, so that moments of load on a shared machine are not reported as a slow
    pattern (a really super-linear one is slow every time)."""
    worst = Growth("(no attacks)", 0.0, 0.0)
    for attack in families:
        result = growth(run, attack.make, str(attack), size, budget)
        for _ in range(2):
            if result.linear():
                break
            result = growth(run, attack.make, str(attack), size, budget)
        if not result.linear():
            return result
        if result.ratio > worst.ratio:
            worst = result
    return worst


# --- whole messages ------------------------------------------------------------------------------

# What the service was seen to choke on (issue 16), then runs of every common character after the
# words that switch on the tutor's readers: a calculation's settings, a follow-up, practice, a
# factorisation, a matrix, LaTeX, Slack markup.
REPORTED = (
    Attack("[[1]", "    [1]", ""),            # the matrix reader: exponential before
    Attack("", "1 ", "ok?"),                  # the "values only" follow-up: exponential before
    Attack("kernel", " ", ""),                # the slot patterns: cubic before
    Attack("p(x_{", " ", "}) = p(z)"),        # the factorisation's subscripts: quadratic before
    Attack("", "1", ""),                      # size notation over a long run of digits
    Attack("what about", " ", "§"),
    Attack("explain", " ", "§"),
    Attack("give me question", " ", "§"),
    Attack("{bmatrix}", "{bmatrix}", ""),
    Attack("<", "<a", ""),
    Attack("**", "a*", ""),
    Attack("_", "_a", ""),
    Attack("$", "$a", ""),
)
LEADS = ("", "kernel ", "stride ", "what about ", "quiz me on ", "p(x|z) = p(z", "[[",
         "\\frac{", "the answer is ")
MESSAGE_RUNS = (" ", "1", "a", "1 ", "1x", "[1] ", "(", "_", "$", "\\a", "<", "*")


def message_attacks() -> list[Attack]:
    """Adversarial message families: the reported ones, then each lead with each run."""
    return list(dict.fromkeys([*REPORTED, *(Attack(lead, run, "§") for lead in LEADS
                                           for run in MESSAGE_RUNS)]))
