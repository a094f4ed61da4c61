"""A local Bot API stand-in for alerts: getMe, sendMessage (recorded), Telegram's flood limit as 429s."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Delivered:
    """One message Telegram accepted."""

    chat_id: int
    text: str
    reply_markup: dict[str, Any] | None
    at: float


@dataclass
class BotApiStandIn:
    """Serves /bot<token>/<method> on 127.0.0.1; `per_second` accepted messages at most, else 429."""

    per_second: int = 30
    retry_after: int = 1
    max_delay: float = 0.0  # random latency per request (seconds)
    blocked: set[int] = field(default_factory=set)  # chats answering 403
    delivered: list[Delivered] = field(default_factory=list)
    http_429: int = 0
    port: int = 0
    _window: deque[float] = field(default_factory=deque)
    _runner: web.AppRunner | None = None
    _message_ids: int = 0

    @property
    def base(self) -> str:
        """The TELEGRAM_API_BASE of this server."""
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> BotApiStandIn:
        """Listen on a free port of 127.0.0.1."""
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        """Stop listening."""
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        form = await request.post()
        if self.max_delay:
            await asyncio.sleep(random.uniform(0, self.max_delay))
        if method == "getMe":
            return _ok(
                {
                    "id": 42,
                    "is_bot": True,
                    "first_name": "Контакты",
                    "username": "contacts_test_bot",
                }
            )
        if method != "sendMessage":
            return _ok(True)
        chat_id = int(str(form["chat_id"]))
        if chat_id in self.blocked:
            return _error(403, "Forbidden: bot was blocked by the user")
        now = time.monotonic()
        while self._window and now - self._window[0] >= 1.0:
            self._window.popleft()
        if len(self._window) >= self.per_second:
            self.http_429 += 1
            return _error(
                429,
                f"Too Many Requests: retry after {self.retry_after}",
                retry_after=self.retry_after,
            )
        self._window.append(now)
        text = str(form.get("text", ""))
        if not text or len(text.encode("utf-16-le")) // 2 > 4096:
            return _error(400, "Bad Request: message text is empty or too long")
        markup = form.get("reply_markup")
        self.delivered.append(
            Delivered(chat_id, text, json.loads(str(markup)) if markup else None, now)
        )
        self._message_ids += 1
        return _ok(
            {
                "message_id": self._message_ids,
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
                "text": text,
            }
        )


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(code: int, description: str, *, retry_after: int | None = None) -> web.Response:
    payload: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if retry_after is not None:
        payload["parameters"] = {"retry_after": retry_after}
    return web.json_response(payload, status=code)
