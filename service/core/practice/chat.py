"""Practice in the conversation: "quiz me on GANs", then grading, *skip*, *I don't know*, *stop*.

read_practice_request and its patterns recognise a request to practise; ChatPractice runs the
turn-by-turn flow over the session state, and draws a pasted factorisation. It is about wording
and state, not questions: it drives the Practice it is handed, naming Practice and Question
only for type checking, so the service (whose `respond` hands turns here) imports this module
and never the other way round.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from service.core import graphical
from service.core.practice.choice import truth_phrase
from service.core.practice.errors import (
    AnswerShapeError,
    NoQuestions,
    QuestionExpired,
    QuestionNotFound,
)
from service.core.textnorm import Message, as_message
from service.errors import TutorError

if TYPE_CHECKING:
    from service.core.practice.service import Practice, Question

# These read the message's lower-case form, whose whitespace runs the door made single spaces:
# they match one space (" ", " ?") where spaces may stand, so a lazy `.*?` that steps over a
# word tries each place in constant time.
_POLITE = r"(?:(?:please|pls|can you|could you|would you|will you|ok|okay|now|so|and|hey) )*"
_START = re.compile(
    rf"^{_POLITE}(?:"
    r"(?P<quiz>(?:quiz|test|drill|examine) me\b(?: (?:on|about|in|with))?)(?P<a>.*)"
    r"|(?:give|ask|set|pose|send|get|throw) (?:me|us) (?:a|an|another|one|one more|some|a few"
    r"|more|a new|new)?\b(?P<b>.*?) ?\b(?:(?:practice|practise|quiz|exam|test|revision) ?)?"
    r"(?:question|questions|problem|problems|exercise|exercises|quiz)\b"
    r"(?: (?:on|about|for|in|from) (?P<c>.*?))?"
    r"|(?P<lets>let'?s|let us|i want to|i'd like to|i would like to|can i|time to) "
    r"(?:practi[cs]e|revise|drill|do (?:a quiz|some practice|some questions))\b"
    r"(?: (?:on|about|with|some))?(?P<d>.*)"
    r"|(?P<practice>(?:exam )?(?:practi[cs]e|quiz)\b)(?: (?:question|questions|time|mode|me)"
    r"\b)?(?: (?:on|about|for|with))?(?P<e>.*)"
    r") ?$")
_QUESTION_REFERENCE = re.compile(r"\b(?:q|question) ?\d+\b")
_SKIP = re.compile(r"^(?:skip|next|pass|another(?: one)?|one more|new question|next question|"
                   r"(?:a )?different (?:one|question)|skip (?:it|this|this one)|give me another"
                   r"(?: one)?)(?: please| pls)?$")
_STOP = re.compile(r"^(?:stop|quit|exit|end|done|enough|finish|i'?m done|that'?s enough|no more|"
                   r"never ?mind|nvm|cancel|forget it|"
                   r"(?:stop|end|quit|exit|finish|leave) (?:the )?(?:quiz|practice|practice "
                   r"mode|practising|practicing))(?: please| now| thanks)?$")
_REVEAL = re.compile(r"^(?:i (?:don'?t|do not) know|idk|no idea|dunno|(?:i )?give up|"
                     r"show (?:me )?the answer|tell me the answer|reveal(?: the answer)?|"
                     r"what'?s the answer|what is the answer|answer)(?: please)?$")
_SUBJECTS = [
    (re.compile(r"\bgans?\b|adversarial|generators?\b|discriminators?|mode collapse"),
     {"topics": ["gan"]}),
    (re.compile(r"\bvaes?\b|variational|auto-?encoders?|\belbo\b|reparam\w*"),
     {"topics": ["vae"]}),
    (re.compile(r"eigen\w*|spectral|explod\w*|vanish\w*|\bw_?h\b"),
     {"topics": ["rnn"]}),
    (re.compile(r"\brnns?\b|recurrent|\blstms?\b|\bgrus?\b|\bbptt\b|gradients?"),
     {"topics": ["rnn"]}),
    (re.compile(r"attention|transformers?|\bvits?\b|patch(?:es)?|position(?:al)? encodings?"),
     {"topics": ["attention"]}),
    (re.compile(r"precision|recall|accuracy|specificity|\bf1\b|\bmetrics?\b|confusion matri\w*"),
     {"topics": ["dl-basics"], "generators": ["classification-metrics"]}),
    (re.compile(r"param(?:eter)?s?\b|weights?\b|filter size"),
     {"topics": ["dl-basics"], "generators": ["conv-params"]}),
    (re.compile(r"output (?:size|shape)s?|padding|strides?"),
     {"topics": ["dl-basics"], "generators": ["conv-output"]}),
    (re.compile(r"\bconv\w*|\bcnns?\b|filters?\b|kernels?\b|pooling"),
     {"topics": ["dl-basics"], "generators": ["conv-output", "conv-params"]}),
    (re.compile(r"basics"), {"topics": ["dl-basics"]}),
]
_KINDS = [
    (re.compile(r"multiple[- ]choice|\bmcqs?\b|true or false|true/false|statements?"), "choice"),
    (re.compile(r"numeric\w*|calculat\w*|comput\w*|numbers?\b|\bmaths?\b|\bsums?\b"), "numeric"),
]
_FILLER = re.compile(
    r"\b(?:a|an|the|some|on|about|of|and|or|with|me|my|us|please|pls|question|questions|quiz|"
    r"quizzes|problem|problems|exercise|exercises|practice|practise|exam|test|another|one|more|"
    r"for|in|to|from|kind|type|hard|easy|harder|easier|quick|simple|new|random|different|"
    r"deep|learning|dl|course|topic|topics|anything|any|something|stuff|again|it|this|that|"
    r"i|you|can|could|now|some|few|little|bit|round|mode|time|thanks|thank|general|everything|"
    r"networks?|nets?|neural|models?|s|'s)\b|[^\w\s]")
TOPIC_NAMES = {"dl-basics": "convolutions", "vae": "VAEs", "gan": "GANs", "rnn": "RNNs",
               "attention": "attention"}
OFFER = ("I have practice questions on convolutions (output sizes and parameter counts), VAEs, "
         "GANs, RNNs (exploding and vanishing gradients) and attention: say *quiz me on GANs*, "
         "*give me a conv question* or just *practice question*.")
HOW = "_Say *skip* for another question, *I don't know* to see the answer, or *stop*._"
NEXT = "_Say *next* for another question, *why?* for more, or *stop* to end practice._"


def read_practice_request(text: str) -> dict | None:
    """Return the filters of a request to practise ("quiz me on GANs"), or None.

    {"topics", "kind", "generators"} (each may be None), or {"unknown": subject} when the
    student names something there are no questions on. "give me a ... question" only counts
    when every word in between is a known subject or filler, so ordinary requests pass.
    """
    match = _START.match(text)
    if match is None:
        return None
    subject = " ".join(g for g in match.group("a", "b", "c", "d", "e") if g).strip()
    if _QUESTION_REFERENCE.search(subject):
        return None  # "show me question 5" is about the seed's question, not practice
    request: dict[str, Any] = {"topics": None, "kind": None, "generators": None}
    rest = subject
    for pattern, found in _SUBJECTS:
        if pattern.search(rest):
            rest = pattern.sub(" ", rest)
            request["topics"] = sorted(set(request["topics"] or []) | set(found["topics"]))
            if "generators" in found:
                request["generators"] = sorted(set(request["generators"] or [])
                                               | set(found["generators"]))
    for pattern, kind in _KINDS:
        if pattern.search(rest):
            rest = pattern.sub(" ", rest)
            request["kind"] = kind
    leftover = _FILLER.sub(" ", rest).split()
    if leftover and match.group("b") is not None:
        return None  # "give me a hint about the elbo question" is not a request to practise
    if leftover and not request["topics"]:
        return {"unknown": subject}
    if request["generators"] and request["topics"] and set(request["topics"]) != {"dl-basics"}:
        request["generators"] = None  # "attention parameters": the topic decides
    return request


class ChatPractice:
    """One turn of practice in a conversation; the session keeps `state["practice"]`:

    {"id": the pending question's id or None, "filters": what was asked for, "asked": choice
    entries already shown, "right": answers right, "answered": answers graded}.
    """

    def __init__(self, practice: Practice, state: dict):
        self.practice, self.state = practice, state

    def respond(self, message: Message | str) -> dict | None:
        """Return the Reply fields for this message, or None to let the dialogue route it."""
        message = as_message(message)
        text = message.lower.rstrip(" !?.")
        factorisations = graphical.find_factorisations(message.text)
        if factorisations:
            return self._draw(factorisations)
        session = self.state.get("practice")
        if session and _STOP.match(text):
            self.state.pop("practice", None)
            score = (f" You got {session['right']} of {session['answered']} right."
                     if session.get("answered") else "")
            return _reply("fallback", f"Practice over.{score} Ask me anything, or say "
                                      "*quiz me* to practise again.", small_talk=True)
        if session and _SKIP.match(text):
            return self._skip(session)
        request = read_practice_request(text)
        if request is not None:
            if "unknown" in request:
                return _reply("fallback", f"I have no practice questions on "
                                          f"*{request['unknown']}*. {OFFER}", confidence=0.0)
            filters = {k: v for k, v in request.items() if v}
            if session and not filters:  # "another question": more of the same
                return self._skip(session)
            self.state.pop("pending", None)  # a pending calculation gives way to practice
            score = session or {}  # a new topic keeps the running score
            session = {"id": None, "filters": filters, "asked": [],
                       "right": score.get("right", 0), "answered": score.get("answered", 0)}
            self.state["practice"] = session
            return self._ask(session, "")
        if not session or not session.get("id"):
            return None  # not practising, or nothing pending: an ordinary message
        return self._answer(session, text)

    def _skip(self, session: dict) -> dict:
        """Ask the next question, first giving away the answer to the one being skipped."""
        intro = ""
        if session.get("id"):
            try:
                shown = self.practice.reveal(session["id"])["expected_text"]
                intro = f"Skipped (the answer was {shown}). "
            except TutorError:
                intro = "Skipped. "
        return self._ask(session, intro)

    def _ask(self, session: dict, intro: str) -> dict:
        filters = session.get("filters", {})
        topics, kind, generators = (filters.get("topics"), filters.get("kind"),
                                    filters.get("generators"))
        asked = session.setdefault("asked", [])
        pool = self.practice.pool(topics, kind, generators)
        if asked and pool and all(k == "choice" and name in asked for k, name in pool):
            intro += "I have no other questions of that kind, so here is one again. "
            asked.clear()
        try:
            question = self.practice.next_question(kind=kind, topics=topics,
                                                   generators=generators, avoid=tuple(asked))
        except NoQuestions as error:
            self.state.pop("practice", None)
            return _reply("fallback", f"{error.message} {OFFER}", confidence=0.0)
        session["id"] = question.id
        if question.kind == "choice":
            asked.append(self.practice.question(question.id)[1].key)
        self.state.update(offered=None)
        text = (intro.strip() + "\n\n" if intro else "") + render_question(question)
        return _reply("clarify", text, confidence=1.0, practice=question.to_dict())

    def _answer(self, session: dict, text: str) -> dict:
        token = session["id"]
        try:
            if _REVEAL.match(text):
                result = self.practice.reveal(token)
            else:
                result = self.practice.grade(token, text)
        except AnswerShapeError as error:
            question = self.practice.question(token)[0]
            # "unreadable": the dialogue first sees whether it is a question or calculation
            # of its own, and only asks again when it is neither
            return {**_reply("clarify", f"I couldn't read that as an answer: {error.problem} "
                                        f"Or say *skip*, *I don't know* or *stop*.",
                             confidence=0.5, practice=question.to_dict()), "unreadable": True}
        except (QuestionExpired, QuestionNotFound):
            return self._ask(session, "That question has expired; here is a new one. ")
        question = self.practice.question(token)[0]
        session["id"] = None
        if result["your_answer"] is not None:
            session["answered"] = session.get("answered", 0) + 1
            session["right"] = session.get("right", 0) + (1 if result["correct"] else 0)
        practice = {**question.to_dict(), "result": result}
        if result["kind"] == "choice":
            # "why?" and "explain more" now follow up on the entry, as after any answer
            self.state.update(entry_id=result["entry_id"], shown=["answer"], calc=None,
                              offered=None)
            score, head = result["score"], result["feedback"]
            if result["your_answer"] is not None:  # the statement list says what was wrong
                head = (f"{'**Right!**' if result['correct'] else '**Not quite.**'} You got "
                        f"{score['right']} of {score['of']} statements right: "
                        f"{truth_phrase(result['expected'])}.")
            text = head + "\n\n" + "\n".join(result["solution"])
            return _reply("answer", f"{text}\n\n{NEXT}", entry_id=result["entry_id"],
                          confidence=1.0, practice=practice)
        calc = result["calculation"]
        # "why?", "show the formula" and "what about stride 1?" work on the calculation
        self.state.update(calc={"calculator": calc["calculator"], "args": calc["request"],
                                "assumed": []}, entry_id=None, shown=[], offered=None)
        steps = "\n".join(f"- {step}" for step in result["solution"])
        text = f"{result['feedback']}\n\n**Worked solution**\n\n{steps}\n\n" \
               f"{result['explanation']}\n\n{NEXT}"
        return _reply("calculation", text, confidence=1.0, calculation=calc, practice=practice)

    def _draw(self, factorisations: list[str]) -> dict:
        try:
            graph = graphical.build_graph(factorisations)
        except graphical.FactorisationError as error:
            return _reply("clarify", f"That looks like a factorisation, but I can't draw it: "
                                     f"{error.message} Write it like "
                                     "*p(x1,x2,z1,z2) = p(z1)p(z2)p(x1|z1,z2)p(x2|z2)*.",
                          confidence=0.5)
        related = "graphical-models" if "graphical-models" in \
            self.practice.knowledge_base.entries else None
        self.state.update(calc=None, entry_id=related, shown=["answer"], offered=None)
        text = ("**Graphical model**\n\n" + graphical.describe(graph) + "\n\nEach factor "
                "$p(a \\mid b, c)$ gives the arrows $b \\to a$ and $c \\to a$. "
                + graphical.OBSERVED_RULE)
        return _reply("calculation", text, confidence=1.0, calculation={
            "calculator": "graphical-model", "request": {"factorisations": factorisations},
            "result": graph})


def render_question(question: Question) -> str:
    """Return a question as chat Markdown: the prompt, numbered statements, how to answer."""
    label = "multiple choice" if question.kind == "choice" else "numeric"
    parts = [f"**Practice question** ({label}, {TOPIC_NAMES.get(question.topic, question.topic)})",
             question.prompt]
    if question.choices:
        parts.append("\n".join(f"{n}. {c}" for n, c in enumerate(question.choices, start=1)))
    parts.append(f"Answer with {question.answer_format}.\n\n{HOW}")
    return "\n\n".join(parts)


def _reply(kind: str, text: str, entry_id: str | None = None, confidence: float = 1.0,
           calculation: dict | None = None, practice: dict | None = None,
           small_talk: bool = False) -> dict:
    return {"kind": kind, "reply": text, "entry_id": entry_id, "confidence": confidence,
            "calculation": calculation, "practice": practice, "small_talk": small_talk}
