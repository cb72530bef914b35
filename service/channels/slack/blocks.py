"""Block Kit: a dialogue `Reply` as a Slack message of sections, buttons and context lines,
within Slack's limits on sections, blocks and button labels.

Layout only: when and where a message goes is the channel's (channel.py), and turning
Markdown into mrkdwn is mrkdwn.py's.
"""

from __future__ import annotations

import json
from typing import Any

from service.channels.slack.mrkdwn import escape, to_mrkdwn
from service.channels.unicode_math import math_text, plain_label

SECTION_LIMIT = 3000  # characters in one section block's text
BLOCK_LIMIT = 50  # blocks in one message
BUTTON_LABEL_LIMIT = 75
MAX_SUGGESTIONS = 3

_STEPS = "\ue005"


def render_reply(reply: Any, note: str | None = None) -> dict:
    """Return a dialogue `Reply` as a Slack message: {"text": ..., "blocks": [...]}.

    The answer comes first (calculations with their worked steps as a preformatted block),
    then "Explain more" / "Related", practice choices when the reply has any, and up to three
    suggestions; every button carries the session id, so a click continues this conversation.
    `note` is a context line above the answer (who clicked what).
    """
    body = _body_mrkdwn(reply)
    blocks: list[dict] = []
    if note:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
    sections = _sections(body)
    blocks += [{"type": "section", "text": {"type": "mrkdwn", "text": s}} for s in sections]
    follow_ups = []
    if reply.kind in ("answer", "calculation"):
        follow_ups.append(_button("tutor_more", "Explain more", reply.session_id,
                                  message="explain more"))
    if reply.kind == "answer" and reply.entry_id:
        follow_ups.append(_button("tutor_related", "Related", reply.session_id,
                                  message="related"))
    if follow_ups:
        blocks.append({"type": "actions", "block_id": "tutor_follow_ups",
                       "elements": follow_ups})
    practice = getattr(reply, "practice", None) or {}
    if practice.get("choices") and "result" not in practice:  # a question not yet answered
        blocks.append({"type": "actions", "block_id": "tutor_practice", "elements": [
            _button(f"tutor_practice_{n}", f"{n}. {choice}", reply.session_id, message=str(n))
            for n, choice in enumerate(practice["choices"][:25], start=1)]})
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": (
            "A button answers with that one statement; if several are true, reply with all "
            "their numbers, e.g. “1, 3”.")}]})
    suggestions = list(reply.suggestions or [])[:MAX_SUGGESTIONS]
    if suggestions:
        if reply.kind in ("answer", "calculation"):
            blocks.append({"type": "context", "elements": [
                {"type": "mrkdwn", "text": "You could also ask:"}]})
        blocks.append({"type": "actions", "block_id": "tutor_suggestions", "elements": [
            _button(f"tutor_suggestion_{n}", s.question, reply.session_id, entry=s.entry_id)
            for n, s in enumerate(suggestions, start=1)]})
    return {"text": _fallback_text(sections), "blocks": _fit(blocks)}


def _body_mrkdwn(reply: Any) -> str:
    text = reply.reply
    steps = ((getattr(reply, "calculation", None) or {}).get("result") or {}).get("steps")
    listing = "\n".join(f"- {step}" for step in steps or ())
    if steps and listing in text:
        text = text.replace(listing, _STEPS)
        block = "```" + "\n".join(escape(math_text(step)) for step in steps) + "```"
        return to_mrkdwn(text).replace(_STEPS, block)
    return to_mrkdwn(text)


def _sections(mrkdwn: str) -> list[str]:
    """Split text into section-sized pieces at paragraph breaks (never inside a code block)."""
    sections: list[str] = []
    for paragraph in mrkdwn.split("\n\n"):
        while len(paragraph) > SECTION_LIMIT:  # one enormous paragraph: cut at a line or space
            cut = max(paragraph.rfind("\n", 0, SECTION_LIMIT), paragraph.rfind(" ", 0,
                                                                             SECTION_LIMIT))
            cut = cut if cut > 0 else SECTION_LIMIT
            sections.append(paragraph[:cut])
            paragraph = paragraph[cut:].lstrip()
        if sections and len(sections[-1]) + 2 + len(paragraph) <= SECTION_LIMIT:
            sections[-1] += "\n\n" + paragraph
        elif paragraph:
            sections.append(paragraph)
    return sections or ["…"]


def _fit(blocks: list[dict]) -> list[dict]:
    """Keep within Slack's 50 blocks by dropping the answer's last sections, never the buttons."""
    excess = len(blocks) - BLOCK_LIMIT
    if excess <= 0:
        return blocks
    sections = [i for i, block in enumerate(blocks) if block["type"] == "section"]
    drop = set(sections[-excess - 1:-1] if len(sections) > excess else sections[:excess])
    return [block for i, block in enumerate(blocks) if i not in drop]


def _fallback_text(sections: list[str]) -> str:
    """The message's `text`: what notifications and screen readers without blocks show."""
    text = sections[0]
    return text if len(text) <= SECTION_LIMIT else text[:SECTION_LIMIT - 1] + "…"


def _button(action_id: str, label: str, session_id: str, *, message: str | None = None,
            entry: str | None = None) -> dict:
    value = {"s": session_id, **({"m": message} if message else {"e": entry})}
    return {"type": "button", "action_id": action_id,
            "text": {"type": "plain_text", "text": plain_label(label, BUTTON_LABEL_LIMIT),
                     "emoji": False},
            "value": json.dumps(value, separators=(",", ":"))}
