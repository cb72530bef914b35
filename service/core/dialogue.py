"""The one entry point every channel calls: `Tutor.respond(message, session_id, channel)`.

The message is read once, at the door (`textnorm.read_message`), and that one value goes down
to the matcher, the calculation reader and practice. Order of business: fill a pending
calculation, follow up on the last reply ("why?", "show the formula", "what about stride 1?",
"related"), greet, calculate, and otherwise retrieve from the knowledge base, answering only
when the match is confident.

Conversations belong to their channel: the session store is keyed by channel and id, web
session ids are issued here (never chosen by the client), and a channel that names its
conversations from verified requests (Slack) passes its own.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

from service import calculators, config
from service.core import calc_why
from service.core.calc_chat import (
    COMPUTE_OFFERS,
    TITLES,
    has_values,
    layer_totals,
    only_values,
    partial_steps,
    render_calculation,
    run_calculation,
    settled_alone,
)
from service.core.calcparse import (
    COUNTS_AGAINST_TOTAL,
    COUNTS_BY_NAME,
    COUNTS_IN_WORDS,
    DOT_PRODUCTS_ONLY,
    PATCHES_ONLY,
    PREAMBLE,
    SLOT_QUESTIONS,
    SOME_METRICS,
    TOGETHER,
    CalcRequest,
    bias_said,
    fill,
    find_slots,
    parse_calculation,
)
from service.core.calcparse.intent import asks_for_advice
from service.core.calcparse.networks import restates_a_layer
from service.core.calcparse.notation import pair
from service.core.library_messages import asking_part, library_message
from service.core.matcher import KNOWN_IN_COURSE, Match, Matcher
from service.core.other_language import FUNCTION_WORDS, in_another_language
from service.core.parts import homework_parts
from service.core.practice import Practice
from service.core.reply import MAX_SUGGESTIONS, Reply
from service.core.sessions import SessionStore
from service.core.small_talk import (
    HELP,
    OTHER_LANGUAGE,
    OTHER_LANGUAGE_OFFER,
    asks_for_help,
    small_talk,
)
from service.core.textnorm import MAX_MESSAGE_LENGTH, Message, read_message
from service.errors import CalculationError
from service.knowledge.loading import Entry, KnowledgeBase

WEB = "web"
# a word of another language's question that may be a course term ("autoencoder", "gan")
MIN_TERM_LENGTH = 3
# ... never the words other languages share with the course's notation ("sin" is "without")
_NOT_TERMS = frozenset({"sin", "cos", "die", "was", "son", "par", "pour", "van", "come", "mit",
                        "con", "per", "non", "wat", "tan", "log", "max"})
# Channels whose session ids come from verified requests (Slack's team, channel and thread;
# the terminal's own loop): kept as given. Any other channel's ids are issued by the tutor.
SELF_NAMED_CHANNELS = frozenset({"slack", "cli"})

# A fallback offers only entries the matcher gives at least this confidence; a clear off-topic
# question gets none (on the tuning sets 10% of out-of-scope questions reach it, and 46% of
# in-scope questions that fall back have their right entry among those offered).
PLAUSIBLE_SUGGESTION = 0.3

PAUSED = ("\n\n_Practice is paused: answer the question above whenever you like, say *next* "
          "for another, or *stop*._")

# Matched against the prepared text (whitespace runs already single spaces); each run of spaces
# is read by exactly one part, so a long one cannot be split in many ways.
_END = r"\s*+(?:please\s*+)?[?!.]*+$"
_FOLLOW_UPS = [
    ("why", re.compile(r"^(?:but |and |so )?(?:why|how come|why is that|why so|how so|"
                       r"what'?s the reason)\s*+[?!.]*+$")),
    ("more", re.compile(r"^(?:please |can you |could you )?(?:explain(?: it| that| this)?(?: more| "
                        r"further| again| in more detail)?|more|tell me more|go on|elaborate|"
                        r"more details?|details|i don'?t (?:get|understand)(?: it| that)?|"
                        rf"what do you mean){_END}")),
    ("formula", re.compile(r"^(?:please |can you |could you )?(?:(?:show|give|write)\s*+)?"
                           r"(?:me )?(?:the |a )?(?:formula|formulas|equation|equations|working|"
                           r"workings|steps|math|maths|derivation)(?: please)?\s*+[?!.]*+$")),
    ("related", re.compile(r"^(?:show |any |what(?:'s| is| are) )?(?:me )?(?:related|"
                           r"related topics|related questions|what else|see also|similar|"
                           r"anything related)\s*+[?!.]*+$")),
    ("yes", re.compile(r"^(?:yes|yeah|yep|yup|sure|y|ok|okay|correct|that one|the first(?: one)?"
                       rf"|first|1|#1){_END}")),
    ("second", re.compile(r"^(?:the )?(?:second|2nd|2|#2|other)(?: one)?\s*+[?!.]*+$")),
    ("third", re.compile(r"^(?:the )?(?:third|3rd|3|#3)(?: one)?\s*+[?!.]*+$")),
]
_MODIFY = re.compile(r"^(?:and |but )?(?:what|how) about|^what if|^and (?:with|for|if)|"
                     r"^now (?:with|for)|^same (?:but|with|for)|^with |^try |^instead")
_WRITTEN_WORD = re.compile(r"[^\W\d_]++")
# a setting named with its value, and a size (which makes it more than a setting's idea)
_SETTING_VALUE = re.compile(r"\b(strides?|padding|dilation)\s*+=?\s*+\d{1,3}+\b", re.IGNORECASE)
_A_SIZE = re.compile(r"\d\s*+(?:x|by|\*)\s*+\d|\bq\s*+\d|\bquestion\s*+\d")
# A neighbour the student rules out before asking ("not the JS divergence - the asymmetric
# one in the VAE loss", "not stride and not pooling - the setting that inserts gaps"): its
# words are not what the question is about. A phrase with an article, or two "not"s joined;
# "not sure, what is a VAE" and "not getting why ... - explain" rule nothing out.
_WORDS = r"[a-z0-9'/]++(?:-[a-z0-9'/]++)*+"
_RULED_OUT = re.compile(
    rf"^\W*+not\s++(?:(?:the|a|an)\s++(?:{_WORDS}\s*+){{1,6}}?|(?:{_WORDS}\s*+){{1,3}}?"
    rf"(?:and|or|nor)\s++not\s++(?:(?:the|a|an)\s++)?(?:{_WORDS}\s*+){{1,3}}?)"
    r"(?:-\s|[–—:;,])", re.IGNORECASE)
# the hint after a calculation ("_Ask *why?*, or change a value: ..._")
_CHANGE_HINT = re.compile(r"\n\n_Ask \*why\?\*[^\n]*+$")
_WHY_OR_HOW = re.compile(r"^\W*+(?:why|how)\b")
# A question of why or whether ("is ...", "why ...", "hey so, does ..."), not a request for a value
_IDEA_WORDS = r"(?:do|does|did|is|are|was|why|should|can|could|would|where|when|which)\b"
_CONCEPTUAL = re.compile(rf"^{PREAMBLE}{_IDEA_WORDS}")
# The same at the start of any clause ("for one 3x3 filter, does its weight count ...?"); a
# clause starts after a word's punctuation, so a run of commas is tried once, not at each comma
_QUESTION_OF_IDEA = re.compile(rf"(?:^|(?<=\w)[,;:.?!]){PREAMBLE}{_IDEA_WORDS}")
# Words that ask for a value to be worked out
_ASKS_FOR_A_NUMBER = re.compile(
    r"\bhow (?:many|much|big|large|wide|long|tall)\b|\b(?:output|out|size|shape|dims?|cost|"
    r"complexity|flops|macs|count|number of|calculate|compute|params?|parameters|weights|"
    r"accuracy|precision|recall|specificity|f1)\b|\bwhat (?:is|s|are|would be|will be) "
    r"(?:the|my|its)\b|\bwork (?:it |that |this )?out\b|\bwhat do (?:i|you|we) get\b|->|=\s*+\?")
_SESSION_ID = re.compile(r"[A-Za-z0-9_.:-]{1,128}")
_DISPLAY_FORMULA = re.compile(r"\$\$[^$]++\$\$")
_INLINE_FORMULA = re.compile(r"(?<!\\)\$[^$]{6,}+(?<!\\)\$")
@dataclass
class Thresholds:
    """Confidence cut-offs: answer at or above `answer`, ask between, fall back below `suggest`."""

    answer: float = config.ANSWER_THRESHOLD
    suggest: float = config.SUGGEST_THRESHOLD
    ambiguity: float = config.AMBIGUITY_MARGIN


class Tutor:
    """Routes a student's message to an answer, a calculation, a question back, or a fallback."""

    def __init__(self, knowledge_base: KnowledgeBase, sessions: SessionStore,
                 thresholds: Thresholds | None = None,
                 human_pointer: str = "ask on the course forum or a TA",
                 practice: Practice | None = None,
                 max_message_length: int = MAX_MESSAGE_LENGTH):
        self.knowledge_base = knowledge_base
        self.max_message_length = max_message_length
        self.matcher = Matcher(knowledge_base.entries.values(), knowledge_base.outside.values())
        self.sessions = sessions
        self.thresholds = thresholds or Thresholds()
        self.human_pointer = human_pointer
        # without a configured key, practice ids are only good within this process
        self.practice = practice or Practice(knowledge_base, secrets.token_hex(32))
        # called as recorder(message, reply, session_id, channel) after every reply; it must
        # not raise (service.operations.records.Records logs its failures)
        self.recorder = None

    @classmethod
    def from_config(cls, knowledge_base: KnowledgeBase, sessions: SessionStore,
                    config: Mapping[str, Any]) -> Tutor:
        """Build a tutor with the thresholds and pointer from the app's configuration."""
        thresholds = Thresholds(answer=float(config["ANSWER_THRESHOLD"]),
                                suggest=float(config["SUGGEST_THRESHOLD"]),
                                ambiguity=float(config["AMBIGUITY_MARGIN"]))
        practice = Practice(knowledge_base, config["SECRET_KEY"],
                            float(config["PRACTICE_TTL_SECONDS"]))
        return cls(knowledge_base, sessions, thresholds, config["HUMAN_POINTER"], practice,
                   int(config["MAX_MESSAGE_LENGTH"]))

    @staticmethod
    def valid_session_id(session_id: str) -> bool:
        """Session ids are short tokens; anything else is refused by the HTTP layer."""
        return bool(_SESSION_ID.fullmatch(session_id))

    def respond(self, message: str, session_id: str | None = None,
                channel: str = WEB) -> Reply:
        """Answer one message within a conversation of `channel`.

        A web `session_id` continues a conversation only if this tutor issued it and it has
        not expired; otherwise (or when it is None) a new conversation starts under a new id,
        which the reply carries. Channels in SELF_NAMED_CHANNELS keep the id they pass. The
        message is read once here: invalid characters replaced, its length capped.
        """
        text = read_message(message, self.max_message_length)
        state = self.sessions.get(_key(channel, session_id)) if session_id else None
        if state is None:
            state = {}
            if channel not in SELF_NAMED_CHANNELS or not session_id:
                session_id = secrets.token_urlsafe(16)
        reply = self._route(text, state, session_id)
        self.sessions.put(_key(channel, session_id), state)
        if self.recorder is not None:
            self.recorder(text.raw, reply, session_id, channel)
        return reply

    # --- routing ------------------------------------------------------------------------------

    def _route(self, message: Message, state: dict, session_id: str) -> Reply:
        asked = self.matcher.entry_asked(message)
        if asked is not None:
            # an entry's own question (a suggestion clicked), even with numbers or p(x|z) in it;
            # during practice too, which waits for its answer
            state.pop("pending", None)
            others = self.matcher.search(message, limit=MAX_SUGGESTIONS + 1)
            return _paused(self._answer(asked, 1.0, others, state, session_id), state)
        # practice ("quiz me", answers, skip, stop) and pasted factorisations come next
        turn = self.practice.respond(message, state)
        if turn is not None:
            if turn.pop("unreadable", False):
                # not an answer to the practice question: a question or a calculation of its
                # own is handled as usual, and practice waits
                handled = self._confident_reply(message, state, session_id)
                if handled is not None:
                    return _paused(handled, state)
            return Reply(session_id=session_id, **turn)
        text = message.prepared
        pending = state.pop("pending", None)
        if pending and has_values(text):
            request = fill(CalcRequest(**pending), message)
            return self._calculate(request, state, session_id)
        follow_up = self._follow_up(text, state, session_id)
        if follow_up is not None:
            return follow_up
        canned = small_talk(text)
        if canned is not None:
            return Reply("fallback", canned, session_id, small_talk=True)
        in_parts = self._answer_in_parts(message, state, session_id)
        if in_parts is not None:
            return in_parts
        request = parse_calculation(message)
        if request is None and in_another_language(message):
            # numbers are read in any language; words are matched only in English
            return self._other_language(message, state, session_id)
        matches, best = self._ranked(message)
        library = library_message(message.raw)
        own_words = asking_part(message.raw) if library is not None else ""
        if request is not None and library is not None and asks_for_advice(own_words.lower()):
            # "nn.Conv2d gives 'RuntimeError: ... Kernel size: (3 x 3) ...' - how do I fix it?":
            # the sizes are the error's, and a fix is asked, not a number
            request = None
        if request is not None and not request.complete and matches and matches[0].outside:
            # "Masked autoencoders: why mask 75% of the image patches?": a topic the course does
            # not cover is nearest, so its numbers are no calculation to ask the values of
            request = None
        if request is not None and not self._prefer_entry(request, text, best):
            return self._calculate(request, state, session_id)
        if library is not None and not self._asks_about_the_course(own_words, matches):
            return self._fallback(matches, state, session_id, library=library)
        return self._retrieve(matches, state, session_id, message)

    def _asks_about_the_course(self, own_words: str, matches: list[Match]) -> bool:
        """Whether a question that quotes a library's message asks, in its `own_words` after
        the message (`asking_part`), about one of the entries the whole question is nearest to:
        "RuntimeError: mat1 and mat2 shapes cannot be multiplied ... would global average
        pooling instead of flatten fix this?" and "Keras says 'Epoch 12: early stopping' ...
        is that overfitting?" do; "... is retain_graph=True the right fix?", "... how do I fix
        it?" and the message pasted alone do not."""
        entries = [m for m in matches if not m.outside]
        if not entries or matches[0].outside:
            return False
        if library_message(own_words) is not None:
            return False   # the message alone, or the question inside it
        ask = read_message(own_words, self.max_message_length)
        asked = self.matcher.search(ask, limit=MAX_SUGGESTIONS + 1, outside=True)
        return bool(asked) and not asked[0].outside and \
            asked[0].entry_id in {m.entry_id for m in entries[:MAX_SUGGESTIONS]} and \
            asked[0].score >= self.thresholds.answer

    def _answer_in_parts(self, message: Message, state: dict, session_id: str) -> Reply | None:
        """A homework question in parts whose first part is a calculation ("(a) output size of
        ... (b) and with stride 2?"): each part answered in turn as the next message, what
        comes before the parts going with each; None for any other message."""
        found = homework_parts(message.raw)
        if found is None:
            return None
        whole = parse_calculation(message)
        if whole is not None and whole.calculator == "network" and \
                not restates_a_layer(message.raw):
            return None   # a model's code: walked once, every part's number in one reply
        before, parts = found
        messages = [read_message(f"{before}\n{part}" if before else part,
                                 self.max_message_length) for _, part in parts]
        if parse_calculation(messages[0]) is None:
            return None
        replies = [self._route(messages[0], state, session_id)]
        for number, part in enumerate(messages[1:], start=1):
            # a later part goes on from the one before: "(b) how many if no layer has a bias?"
            calc = state.get("calc")
            read = parse_calculation(part)
            more = self._more_of_the_part_before(parts, number, before) \
                if calc and not state.get("pending") and read is None else None
            output = (replies[-1].calculation or {}).get("result", {}).get("output")
            if more is not None and more.args != calc.get("args"):
                replies.append(self._calculate(more, state, session_id))
            elif read is not None and read.calculator in ("conv", "stack") and \
                    read.missing == ["input"] and output is not None:
                # "(b) Then a 2x2 max pool with stride 2": on what the part before gave
                size = f"${output[0]} \\times {output[1]}$"
                on_it = replace(read, args={**read.args, "input": pair(output)}, missing=[],
                                assumed=[*read.assumed, f"the input is the output of "
                                         f"({parts[number - 1][0]}), {size}"])
                replies.append(self._calculate(on_it, state, session_id))
            elif calc and not state.get("pending") and read is None and (
                    has_values(part.prepared) or bias_said(part.prepared) is not None):
                replies.append(self._modify(calc, part.prepared, state, session_id))
            else:
                replies.append(self._route(part, state, session_id))
        # one hint to change a value, after the last part
        replies[:-1] = [replace(reply, reply=_CHANGE_HINT.sub("", reply.reply).rstrip())
                        for reply in replies[:-1]]
        text = "\n\n".join(f"**({label})** {reply.reply}"
                            for (label, _), reply in zip(parts, replies, strict=True))
        worked = [reply.calculation for reply in replies if reply.calculation]
        calculation = {**worked[0], "parts": worked} if worked else None
        kind = "calculation" if worked else replies[0].kind
        return Reply(kind, text, session_id, confidence=min(r.confidence for r in replies),
                     calculation=calculation)

    def _more_of_the_part_before(self, parts: list[tuple[str, str]], number: int,
                                 before: str) -> CalcRequest | None:
        """What a part that names no value of its own asks of the part before's values, read
        with that part's text: "(a) nn.MaxPool2d(3) on a 27x27x96 tensor: output size? (b) how
        many values after flattening it?" is (a) flattened; None when that reads no complete
        calculation."""
        own = read_message(parts[number][1], self.max_message_length)
        if has_values(own.prepared) or bias_said(own.prepared) is not None:
            return None
        with_before = read_message(f"{before}\n{parts[number - 1][1]}\n{parts[number][1]}",
                                   self.max_message_length)
        more = parse_calculation(with_before)
        return more if more is not None and more.complete else None

    def _other_language(self, message: Message, state: dict, session_id: str) -> Reply:
        """A question in another language: said that the tutor reads English, with the entry its
        course terms name as a button when they name one with confidence ("Was ist ein
        Variational Autoencoder?" offers *What is a VAE?*)."""
        terms = [word for word in message.words if len(word) >= MIN_TERM_LENGTH and
                 word not in FUNCTION_WORDS and word not in _NOT_TERMS and
                 self.matcher.word_frequency[word] >= KNOWN_IN_COURSE]
        best = self.matcher.search(" ".join(terms), limit=1) if terms else []
        offered = [m for m in best if m.score >= self.thresholds.answer]
        state["offered"] = [m.entry_id for m in offered]
        text = OTHER_LANGUAGE_OFFER.format(question=offered[0].question) if offered else \
            OTHER_LANGUAGE
        return Reply("fallback", f"{text}\n\nFor anything else, {self.human_pointer}.",
                     session_id, None, 0.0, offered)

    def _confident_reply(self, message: Message, state: dict, session_id: str) -> Reply | None:
        """A calculation, or an answer the matcher is sure of, for this message; else None."""
        request = parse_calculation(message)
        matches, best = self._ranked(message)
        if request is not None and not self._prefer_entry(request, message.prepared, best):
            return self._calculate(request, state, session_id)
        if asks_for_help(message.prepared):
            return Reply("fallback", HELP, session_id, small_talk=True)
        reply = self._retrieve(matches, state, session_id)
        return reply if reply.kind == "answer" else None

    def _ranked(self, message: Message) -> tuple[list[Match], float]:
        """The matches for a message, topics not covered included where they rank, and the
        best entry's confidence (a calculation is weighed against entries only)."""
        if _SETTING_VALUE.search(message.lower) and not _A_SIZE.search(message.lower):
            # "stride 1 vs stride 2, what's the difference?": a setting's values say which
            # setting, not which entry (the exam's stride-2 question has a 2 too)
            message = read_message(_SETTING_VALUE.sub(r"\1", message.raw), self.max_message_length)
        ruled_out = _RULED_OUT.match(message.raw)
        if ruled_out is not None:
            message = read_message(message.raw[ruled_out.end():], self.max_message_length)
        matches = self.matcher.search(message, limit=MAX_SUGGESTIONS + 1, outside=True)
        return matches, _best_entry_score(matches)

    def _prefer_entry(self, request: CalcRequest, text: str, best: float) -> bool:
        """Whether a knowledge-base match should win over a calculation read from the message.

        "do the 32 input channels count when you count the params of one 3x3 filter" holds a
        complete calculation but asks about a concept; "q2 conv filter params, is the answer
        289?" names no setting at all. A pasted matrix always computes, and so do all four
        counts of a confusion matrix unless the question asks why or how ("is it right that
        precision is 0.5 if TP=60, FP=20, TN=100, FN=20?" is best answered with the numbers
        worked out, "why is accuracy misleading with TP=5, ..." by the entry); named settings
        with something missing ("a 5x5 kernel and stride 2") get asked about, unless the
        matcher is sure of an entry and the message asks about the idea or for no value at all.
        """
        if request.calculator == "eigen" and "matrix" in request.args:
            return False
        if request.asks == PATCHES_ONLY:
            return False  # "P for a 224x224 image with 16x16 patches" asks for a number
        if COUNTS_BY_NAME in request.missing or COUNTS_AGAINST_TOTAL in request.missing:
            return False  # a pasted confusion matrix, counts against their total: asked
        if COUNTS_IN_WORDS in request.missing:
            # counts told as a story: asked by name, unless the story illustrates a question
            # about the idea ("why does accuracy mislead when 990 of 1000 are negative ...")
            return bool(_CONCEPTUAL.match(text)) and best >= self.thresholds.answer
        if request.calculator == "metrics" and (request.complete or request.asks == SOME_METRICS) \
                and not _WHY_OR_HOW.match(text):
            return False   # the counts (or those the metrics asked need) are all there
        conceptual = bool(_CONCEPTUAL.match(text)) and best >= self.thresholds.answer
        if request.asks == DOT_PRODUCTS_ONLY:
            return conceptual  # "how many dot products for a sequence of length 196?"
        if request.args.get("layer") in calculators.RECURRENT_CELLS:
            return conceptual   # "lstm params with hidden size 64": the input size is asked
        if request.complete:
            return conceptual
        if any(not k.startswith("_") for k in find_slots(text)):
            # something named but something missing: asking back suits a request for a number,
            # the entry a question about the idea ("for one 3x3 filter, does its weight count
            # depend on the channels?") or one that asks for nothing ("16x16 patches in vit")
            asks_about_the_idea = _QUESTION_OF_IDEA.search(text) is not None
            return best >= self.thresholds.answer and (
                asks_about_the_idea or _ASKS_FOR_A_NUMBER.search(text) is None)
        return best >= self.thresholds.suggest

    # --- knowledge base -----------------------------------------------------------------------

    def _retrieve(self, matches: list[Match], state: dict, session_id: str,
                  message: Message | None = None) -> Reply:
        """Answer, ask which entry is meant, or fall back, by the matches' confidence; a topic
        the course does not cover that ranks first is named as such (its confidence is low by
        design: its words are foreign to the course, but they are closer to it than to any
        entry). With the `message`, one that names what the course does not cover is told that
        name is not known: a name in mixed case or an acronym its best entry does not mention,
        where it would be answered (Matcher.unknown_names), or any word neither the course nor
        English knows, where it would be asked "did you mean" (Matcher.foreign_terms)."""
        if matches and matches[0].outside:
            return self._not_covered(matches[0], matches[1:], state, session_id)
        matches = [m for m in matches if not m.outside]
        if not matches or matches[0].score < self.thresholds.suggest:
            return self._fallback(matches, state, session_id)
        best = matches[0]
        close = [m for m in matches[1:] if best.score - m.score <= self.thresholds.ambiguity
                 and m.score >= self.thresholds.suggest]
        if best.score >= self.thresholds.answer and not close:
            # an entry close in words can still be about another thing: "how is xLSTM's gating
            # different from the classic lstm" shares lstm's words, not its subject
            names = (self.matcher.unknown_names(message, best.entry_id)
                     if message is not None else [])
            if names:
                return self._fallback(matches, state, session_id, unknown=names[0])
            return self._answer(self.knowledge_base.get(best.entry_id), best.score,
                                matches[1:], state, session_id)
        if best.score < self.thresholds.answer and message is not None:
            # "did you mean" presumes a question asked in other words; a name the course does
            # not know ("how does YaRN scaling extend ...") is more likely a topic it lacks
            foreign = self.matcher.foreign_terms(message)
            if foreign:
                return self._fallback(matches, state, session_id,
                                      unknown=_as_written(foreign[0], message.text))
        offered = [best, *close] if close else [best]
        state["offered"] = [m.entry_id for m in offered]
        lines = [f"{n}. {m.question}" for n, m in enumerate(offered, start=1)]
        intro = ("I'm not sure which of these you mean:" if close else "Did you mean:")
        text = intro + "\n\n" + "\n".join(lines) + "\n\nSay *yes* or pick a number, or rephrase."
        # the buttons: the entries offered, then others only if they are plausible too
        suggestions = offered + _plausible(matches, leaving_out={m.entry_id for m in offered})
        return Reply("clarify", text, session_id, confidence=best.score, suggestions=suggestions)

    def _answer(self, entry: Entry, confidence: float, others: list[Match], state: dict,
                session_id: str) -> Reply:
        state.update(entry_id=entry.id, shown=["answer"], calc=None, offered=None)
        text = f"**{entry.question.strip()}**\n\n{entry.answer.strip()}"
        text += "\n\n_Ask *why?* for the explanation, *show the formula*, or *related*._"
        if entry.calculation and entry.calculation["endpoint"] in COMPUTE_OFFERS:
            example = COMPUTE_OFFERS[entry.calculation["endpoint"]]
            text += f"\n\n_Give me numbers and I'll work it out, e.g. *{example}*._"
        return Reply("answer", text, session_id, entry.id, confidence,
                     self._answer_suggestions(entry, others))

    def _answer_suggestions(self, entry: Entry, others: list[Match]) -> list[Match]:
        """What to offer under an answer: runners-up close enough that the student may have
        meant them, then the entry's own related entries, at most MAX_SUGGESTIONS. Never an
        entry that merely came next in the ranking with a score near zero (GANs under an answer
        about dropout). A related entry keeps its score for this question, 0 if it was not
        ranked."""
        close = _plausible(others, leaving_out={entry.id})
        offered = {entry.id, *(m.entry_id for m in close)}
        scores = {m.entry_id: m.score for m in others}
        related = [Match(r, self.knowledge_base.entries[r].question.strip(), scores.get(r, 0.0))
                   for r in entry.related
                   if r not in offered and r in self.knowledge_base.entries]
        return (close + related)[:MAX_SUGGESTIONS]

    def _fallback(self, matches: list[Match], state: dict, session_id: str,
                  unknown: str | None = None, library: str | None = None) -> Reply:
        """I don't know (`unknown`: the term the course does not know; `library`: the name of
        a library's message the question quotes, which the course does not debug); the nearest
        entries offered (as suggestions, not repeated in the text) only when they are
        plausibly related."""
        plausible = _plausible(matches[:MAX_SUGGESTIONS])
        state["offered"] = [m.entry_id for m in plausible]
        if library is not None:
            text = (f"That looks like a question about a library your code uses (*{library}*): "
                    "I can't debug code or look up a library's settings, only explain the "
                    "course's ideas.")
        elif unknown is None:
            text = ("I don't know that one: it doesn't match anything in the course material "
                    "I have.")
        else:
            text = f"I don't know *{unknown}*: it isn't in the course material I have."
        if plausible:
            text += (" The closest topics I know are suggested below"
                     if len(plausible) > 1 else " The closest topic I know is suggested below")
            text += "; say *help* for what I can do."
        else:
            text += " Say *help* for what I can do."
        text += f"\n\nFor anything else, {self.human_pointer}."
        confidence = matches[0].score if matches else 0.0
        return Reply("fallback", text, session_id, None, confidence, plausible)

    def _not_covered(self, topic: Match, others: list[Match], state: dict,
                     session_id: str) -> Reply:
        """Say that the question is about a topic outside the course, and suggest nothing: the
        entries that share its words are the wrong ones ("kernel" of Linux, not of a CNN)."""
        state["offered"] = []
        text = (f"That sounds like {topic.question}, which isn't part of the course material "
                "I know, so I can't help with it here. Say *help* for what I can do.\n\n"
                f"For anything else, {self.human_pointer}.")
        return Reply("fallback", text, session_id, None, _best_entry_score(others))

    # --- follow-ups ---------------------------------------------------------------------------

    def _follow_up(self, text: str, state: dict, session_id: str) -> Reply | None:
        """Handle "why?", "show the formula", "related", "yes", "what about stride 1?"."""
        kind = next((name for name, pattern in _FOLLOW_UPS if pattern.match(text)), None)
        offered = state.get("offered") or []
        if kind in ("yes", "second", "third") and offered:
            index = {"yes": 0, "second": 1, "third": 2}[kind]
            if index < len(offered):
                entry = self.knowledge_base.entries.get(offered[index])
                if entry is not None:
                    return self._answer(entry, 1.0, [], state, session_id)
        calc = state.get("calc")
        if calc and (_MODIFY.search(text) or only_values(text)) and has_values(text):
            return self._modify(calc, text, state, session_id)
        entry = self.knowledge_base.entries.get(state.get("entry_id") or "")
        if kind in ("why", "more", "formula") and calc:
            return self._explain_calculation(calc, kind, session_id)
        if entry is None or kind not in ("why", "more", "formula", "related"):
            return None
        if kind == "related":
            return self._related(entry, state, session_id)
        if kind == "formula":
            formulas = _formulas(entry.answer + "\n" + entry.explanation)
            text = ("The formulas behind this:\n\n" + "\n\n".join(formulas)) if formulas else \
                "This answer has no formula; here is the explanation instead.\n\n" + \
                entry.explanation.strip()
            return Reply("answer", text, session_id, entry.id, 1.0)
        shown = state.setdefault("shown", [])
        if "explanation" in shown:
            text = "Common mistakes with this question:\n\n" + "\n".join(
                f"- {m}" for m in entry.misconceptions)
            if entry.related:
                text += "\n\nSay *related* to see connected topics."
        else:
            shown.append("explanation")
            text = entry.explanation.strip()
            if entry.choices:
                text += "\n\n" + _choice_breakdown(entry)
        return Reply("answer", text, session_id, entry.id, 1.0)

    def _related(self, entry: Entry, state: dict, session_id: str) -> Reply:
        related = [self.knowledge_base.entries[r] for r in entry.related
                   if r in self.knowledge_base.entries]
        state["offered"] = [r.id for r in related]
        suggestions = [Match(r.id, r.question.strip(), 1.0) for r in related]
        if not related:
            return Reply("answer", "I have nothing linked to this entry yet.", session_id,
                         entry.id, 1.0)
        text = "Related topics:\n\n" + "\n".join(
            f"{n}. {r.question.strip()}" for n, r in enumerate(related, start=1))
        text += "\n\nPick a number, or ask about any of them."
        return Reply("answer", text, session_id, entry.id, 1.0, suggestions)

    # --- calculations -------------------------------------------------------------------------

    def _calculate(self, request: CalcRequest, state: dict, session_id: str) -> Reply:
        title = TITLES[request.calculator]
        if not request.complete:
            state["pending"] = {"calculator": request.calculator, "args": request.args,
                                "missing": request.missing, "assumed": request.assumed}
            asks = " and ".join(SLOT_QUESTIONS.get(m, m.replace("_", " "))
                                for m in request.missing)
            alone = settled_alone(request, asks)
            if alone is not None:
                text, calculation = alone
                return Reply("calculation", text, session_id, confidence=1.0,
                             calculation=calculation)
            partial = partial_steps(request)
            if partial:
                # what the values given already settle, then what the rest needs
                text = (f"**{title}**, so far:\n\n" + "\n".join(f"- {s}" for s in partial) +
                        f"\n\nFor the rest I still need {asks}.")
            else:
                text = f"I can work that out ({title.lower()}). I still need {asks}."
            if request.assumed:
                text += " I'll assume " + ", ".join(request.assumed) + " unless you say otherwise."
            return Reply("clarify", text, session_id, confidence=0.5)
        try:
            result = run_calculation(request)
            also = [(other, run_calculation(other)) for other in request.also]
        except CalculationError as error:
            state["pending"] = None
            text = f"I can't compute that: {error.message}. Check the numbers and ask again."
            return Reply("clarify", text, session_id, confidence=0.5)
        state.update(calc={"calculator": request.calculator, "args": request.args,
                           "assumed": request.assumed}, entry_id=None, shown=[], offered=None)
        if request.asks == TOGETHER:
            state["calc"]["together"] = [other.args for other in request.also]
        calculation = {"calculator": request.calculator, "request": request.args,
                       "result": result}
        if also:
            calculation["also"] = [{"calculator": other.calculator, "request": other.args,
                                    "result": other_result} for other, other_result in also]
        if request.asks == TOGETHER:
            # several layers written out: their parameters together
            calculation["together"] = sum(layer_totals(result, also))
        return Reply("calculation", render_calculation(title, request, result, also),
                     session_id, confidence=1.0, calculation=calculation)

    def _modify(self, calc: dict, text: str, state: dict, session_id: str) -> Reply:
        """Redo the last calculation with the values this message names ("stride 1")."""
        last = CalcRequest(calc["calculator"], calc["args"], [], calc.get("assumed", []))
        changed = fill(last, text)
        if calc.get("together") is None:
            return self._calculate(changed, state, session_id)
        # several layers added up: a bias said applies to all of them; any other value could
        # belong to any layer, so the student writes them out again rather than one changing
        unchanged = {name: value for name, value in calc["args"].items() if name != "bias"}
        if changed.complete and "bias" in changed.args and unchanged == {
                name: value for name, value in changed.args.items() if name != "bias"}:
            changed.also = [CalcRequest("params", {**args, "bias": changed.args["bias"]}, [],
                                        changed.assumed) for args in calc["together"]]
            changed.asks = TOGETHER
            return self._calculate(changed, state, session_id)
        text = (f"That was {len(calc['together']) + 1} layers added up, and a new value could "
                "belong to any of them: write the layers out again with it and I'll add them "
                "up, or say *no bias* to count them all without biases.")
        return Reply("clarify", text, session_id, confidence=0.5)

    def _explain_calculation(self, calc: dict, kind: str, session_id: str) -> Reply:
        request = CalcRequest(calc["calculator"], calc["args"], [], calc.get("assumed", []))
        result = run_calculation(request)
        if kind == "formula":
            text = "The worked steps:\n\n" + "\n".join(f"- {s}" for s in result["steps"])
        elif kind == "why":
            text = calc_why.why(request.calculator, request.args, result)
            if calc.get("together") is not None:
                text += calc_why.LAYERS_ADDED_UP
        else:
            text = result.get("explanation", "")
            if result.get("reasoning"):
                text += "\n\n" + result["reasoning"]
        return Reply("calculation", text, session_id, confidence=1.0,
                     calculation={"calculator": request.calculator, "request": request.args,
                                  "result": result})


def _as_written(word: str, text: str) -> str:
    """`word` (lower case, as the matcher reads it) as the student wrote it ("YaRN")."""
    return next((found for found in _WRITTEN_WORD.findall(text) if found.lower() == word), word)


def _best_entry_score(matches: list[Match]) -> float:
    """The confidence of the best entry among `matches` (topics not covered skipped), 0 if none."""
    return next((m.score for m in matches if not m.outside), 0.0)


def _plausible(matches: list[Match], leaving_out: Collection[str] = ()) -> list[Match]:
    """The matches worth a button: scored at least PLAUSIBLE_SUGGESTION (never GANs under an
    answer about dropout), none of the entries `leaving_out`."""
    return [m for m in matches if m.score >= PLAUSIBLE_SUGGESTION and m.entry_id not in leaving_out]


def _paused(reply: Reply, state: dict) -> Reply:
    """`reply`, telling the student that the practice question still waits (if one does)."""
    if (state.get("practice") or {}).get("id"):
        reply.reply += PAUSED
    return reply


def _choice_breakdown(entry: Entry) -> str:
    marks = []
    for number, (choice, reason) in enumerate(zip(entry.choices or (), entry.choice_reasons or (),
                                                  strict=False), start=1):
        verdict = "True" if number in (entry.correct or ()) else "False"
        marks.append(f"{number}. **{verdict}**: {choice.strip()} {reason.strip()}")
    return "Statement by statement:\n\n" + "\n".join(marks)


def _key(channel: str, session_id: str) -> str:
    """The session store's key: a conversation is found only through its own channel."""
    return f"{channel}/{session_id}"


def _formulas(text: str) -> list[str]:
    display = _DISPLAY_FORMULA.findall(text)
    if display:
        return display
    return _INLINE_FORMULA.findall(text)[:6]
