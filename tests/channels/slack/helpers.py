"""Test helpers for Slack: a stand-in Slack Web API on loopback, Slack-signed requests, a clock.

Requests are signed with slack_sdk's own `SignatureVerifier.generate_signature`, not with a
copy of our verifier, so a mistake in ours cannot cancel out in the tests.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode

from slack_sdk.signature import SignatureVerifier

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"  # the example secret of Slack's documentation
TOKEN = "xoxb-test-token"
NOW = 1_700_000_000  # a fixed time for a FakeClock


class FakeClock:
    """A clock in `time.time`'s place that stands still until a test moves `now`."""

    def __init__(self, now: float):
        self.now = now

    def __call__(self) -> float:
        return self.now


class SlackStandIn:
    """A real HTTP server on 127.0.0.1 that answers like Slack's Web API and response URLs.

    `calls` records every request: (path, headers, body as parsed JSON or form). Set `fail`
    to a Slack error code to make chat.postMessage answer {"ok": false, "error": fail}.
    """

    def __init__(self):
        self.calls: list[tuple[str, dict, dict]] = []
        self.fail: str | None = None
        self._lock = threading.Lock()
        self._counter = 0
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw)
                else:
                    body = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
                stand_in._record(self.path, dict(self.headers), body)
                if self.path.startswith("/hooks/"):
                    self._answer(200, "text/html", b"ok")
                    return
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    payload = {"ok": False, "error": "invalid_auth"}
                elif stand_in.fail:
                    payload = {"ok": False, "error": stand_in.fail}
                else:
                    payload = {"ok": True, "channel": body.get("channel"),
                               "ts": stand_in._next_ts()}
                self._answer(200, "application/json", json.dumps(payload).encode())

            def _answer(self, status, content_type, data):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):  # keep the test output quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def _record(self, path, headers, body):
        with self._lock:
            self.calls.append((path, headers, body))

    def _next_ts(self) -> str:
        with self._lock:
            self._counter += 1
            return f"1800000000.{self._counter:06d}"

    def start(self) -> SlackStandIn:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def posts(self) -> list[dict]:
        """The bodies chat.postMessage received, in order."""
        with self._lock:
            return [body for path, _, body in self.calls if path == "/api/chat.postMessage"]

    def hooks(self, name: str | None = None) -> list[dict]:
        """The bodies the response URLs (/hooks/...) received."""
        with self._lock:
            return [body for path, _, body in self.calls
                    if path.startswith("/hooks/") and (name is None or path == f"/hooks/{name}")]

    def clear(self) -> None:
        with self._lock:
            self.calls.clear()
        self.fail = None


def signed_headers(body: str | bytes, timestamp: int | None = None,
                   secret: str = SECRET) -> dict[str, str]:
    """Slack's signature headers for `body`, made by slack_sdk's own signing code."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}


def command_body(text: str, *, channel: str = "C0COMMAND", user: str = "U0STUDENT",
                 response_url: str = "https://hooks.slack.com/commands/T0/1/x", **extra) -> str:
    """A slash command's form body, as Slack sends it for `/tutor <text>`."""
    fields = {"token": "deprecated", "team_id": "T0TEAM", "team_domain": "course",
              "channel_id": channel, "channel_name": "general", "user_id": user,
              "user_name": "student", "command": "/tutor", "text": text,
              "api_app_id": "A0APP", "response_url": response_url, "trigger_id": "1.2.abc"}
    fields.update(extra)
    return urlencode({k: v for k, v in fields.items() if v is not None})


def event_body(event: dict, *, event_id: str, bot_user: str = "U0TUTORBOT") -> str:
    """An Events API `event_callback` around `event`, as JSON text."""
    return json.dumps({
        "token": "deprecated", "team_id": "T0TEAM", "api_app_id": "A0APP",
        "event": event, "type": "event_callback", "event_id": event_id,
        "event_time": 1700000000,
        "authorizations": [{"team_id": "T0TEAM", "user_id": bot_user, "is_bot": True}],
    })


def interaction_body(payload: dict) -> str:
    """A button click's form body: the JSON payload in the `payload` field."""
    return urlencode({"payload": json.dumps(payload)})


def click_payload(button: dict, *, channel: str, message_ts: str, thread_ts: str | None = None,
                  ephemeral: bool = False, response_url: str | None = None,
                  user: str = "U0CLICKER") -> dict:
    """A `block_actions` payload for a click on `button` (one of our rendered buttons)."""
    message = {"type": "message", "ts": message_ts, "text": "..."}
    if thread_ts:
        message["thread_ts"] = thread_ts
    payload = {
        "type": "block_actions", "user": {"id": user, "username": "student"},
        "team": {"id": "T0TEAM"}, "api_app_id": "A0APP", "trigger_id": "1.2.abc",
        "container": {"type": "message", "message_ts": message_ts, "channel_id": channel,
                      "is_ephemeral": ephemeral},
        "channel": {"id": channel, "name": "general"},
        "response_url": response_url or "https://hooks.slack.com/actions/T0/1/x",
        "actions": [{"type": "button", "block_id": "b", "action_id": button["action_id"],
                     "text": button["text"], "value": button["value"],
                     "action_ts": "1700000000.1"}],
    }
    if not ephemeral:
        payload["message"] = message
    return payload


def buttons(message: dict) -> dict[str, dict]:
    """The buttons of a rendered Slack message, by their label."""
    return {element["text"]["text"]: element
            for block in message["blocks"] if block["type"] == "actions"
            for element in block["elements"]}


def strings(value) -> list[str]:
    """Every string anywhere in a JSON-like value (texts, labels, button values)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def race_for_key(path: str, key: str, start_at: float) -> bool:
    """In a separate process: wait for `start_at`, then try to claim `key` in the SQLite store."""
    from service.channels.slack.seen import SqliteSeenStore

    store = SqliteSeenStore(path)
    time.sleep(max(0.0, start_at - time.time()))
    return store.first_time(key)
