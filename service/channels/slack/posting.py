"""After the ack: `Background` runs the work that might outlast Slack's three seconds, and
`Poster` sends what it makes through Slack's Web API (`chat.postMessage`) or a `response_url`.

The only part of the channel that talks to Slack over the network (through slack_sdk); the
channel hands it finished messages.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.webhook import WebhookClient

log = logging.getLogger(__name__)


class Background:
    """A small thread pool for work done after the ack; `wait` lets tests join it."""

    def __init__(self, workers: int = 4):
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="slack")
        self._pending: set[Future] = set()
        self._lock = threading.Lock()

    def submit(self, function: Callable, *args) -> Future:
        """Run `function(*args)` soon; failures are logged, never raised into the request."""
        future = self._executor.submit(self._run, function, *args)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)
        return future

    @staticmethod
    def _run(function: Callable, *args):
        try:
            return function(*args)
        except Exception:
            log.exception("Slack background job %s failed", getattr(function, "__name__", "?"))
            return None

    def _forget(self, future: Future) -> None:
        with self._lock:
            self._pending.discard(future)

    def wait(self, timeout: float = 10) -> bool:
        """Wait until every job submitted so far (and any they submit) is done; True if all."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                pending = set(self._pending)
            if not pending:
                return True
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            wait_for(pending, timeout=remaining)

    def shutdown(self) -> None:
        """Finish queued jobs and stop the threads."""
        self._executor.shutdown(wait=True)


class Poster:
    """Sends messages to Slack: `chat.postMessage` with the bot token through slack_sdk's
    WebClient (its base URL configurable, so tests aim it at a stand-in), and response URLs."""

    def __init__(self, token: str | None, base_url: str = "https://slack.com/api/",
                 timeout: int = 10):
        self.timeout = timeout
        self.client = WebClient(token=token, base_url=base_url, timeout=timeout) if token else None

    def post_message(self, channel: str, message: dict, thread_ts: str | None = None) -> bool:
        """Post `message` to `channel` (in the thread `thread_ts`); False if it did not go."""
        if self.client is None:
            log.warning("No SLACK_BOT_TOKEN: cannot post to Slack")
            return False
        try:
            self.client.chat_postMessage(channel=channel, thread_ts=thread_ts, **message)
        except SlackApiError as error:
            log.warning("chat.postMessage failed: %s", error.response.get("error"))
            return False
        except (SlackClientError, OSError) as error:
            log.warning("chat.postMessage failed: %s", type(error).__name__)
            return False
        return True

    def respond(self, response_url: str, message: dict) -> bool:
        """Send `message` to a slash command's or click's `response_url`, visible to the user
        alone and without replacing the message clicked; False if it did not go."""
        try:
            response = WebhookClient(response_url, timeout=self.timeout).send(
                response_type="ephemeral", replace_original=False, **message)
        except (SlackClientError, OSError) as error:
            log.warning("response_url failed: %s", type(error).__name__)
            return False
        if response.status_code != 200:
            log.warning("response_url answered %s", response.status_code)
        return response.status_code == 200
