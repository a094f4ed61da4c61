"""A local stand-in for the Telegram Bot API (aiohttp), enough for aiogram 3 and our bot.

Real long polling, complete updates, Telegram's error shapes (400/403/429 with the matching
HTTP status), limits checked like Telegram (4096 characters, 64-byte callback data, entity
ranges, HTML), multipart uploads served back through getFile and /file/bot<token>/<path>.
Tests drive it as users: `send_text`, `press`, `send_document`, `inline_query`, and read what
the bot did with `wait_for_call`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "commands",
        "scope",
        "results",
        "link_preview_options",
        "allowed_updates",
        "button",
        "reply_parameters",
    }
)
HTML_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
     "blockquote", "tg-spoiler", "span", "tg-emoji"}
)  # fmt: skip
BOT_USER = {
    "id": 424242,
    "is_bot": True,
    "first_name": "Контакты",
    "username": "contacts_e2e_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": True,
}


class ApiError(Exception):
    """A Telegram error answer."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


@dataclass
class Failure:
    """Answer the next `times` calls of `method` (optionally in one chat) with an error."""

    method: str
    code: int
    description: str
    chat_id: int | None = None
    retry_after: int | None = None
    times: int = 1


@dataclass
class Call:
    """One request the bot made, with its decoded parameters and our answer."""

    method: str
    params: dict[str, Any]
    ok: bool = True
    result: Any = None
    at: float = field(default_factory=time.monotonic)


class _HtmlCheck(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            raise ApiError(
                400, f'Bad Request: can\'t parse entities: Unsupported start tag "{tag}"'
            )
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            raise ApiError(400, f'Bad Request: can\'t parse entities: Unmatched end tag "{tag}"')

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, as Telegram counts."""
    return len(text.encode("utf-16-le")) // 2


def visible_text(text: str, parse_mode: str | None) -> str:
    """The text after parsing HTML (validated), or as is."""
    if (parse_mode or "").upper() != "HTML":
        return text
    checker = _HtmlCheck()
    checker.feed(text)
    checker.close()
    if checker.stack:
        raise ApiError(400, "Bad Request: can't parse entities: unclosed tag")
    return "".join(checker.text)


class BotApiStub:
    """The stand-in server and the users' side of the conversation."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.failures: list[Failure] = []
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.files: dict[str, tuple[str, bytes]] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.polls = 0
        self.pages: dict[str, tuple[str, bytes]] = {}  # served at /pages/<name>, for sources
        self._updates: list[dict[str, Any]] = []
        self._new_update = asyncio.Event()
        self._new_call = asyncio.Event()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._file_ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Listen on a free port; returns the base URL for TELEGRAM_API_BASE."""
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        app.router.add_get("/pages/{name}", self._page)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = site._server  # aiohttp exposes the bound port only here
        assert server is not None
        bound = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        self.base_url = f"http://{host}:{bound}"
        return self.base_url

    async def stop(self) -> None:
        """Close the server (wakes pending long polls)."""
        self._new_update.set()
        if self._runner is not None:
            await self._runner.cleanup()

    # --- the users' side ------------------------------------------------------------------

    def _user(self, user_id: int) -> dict[str, Any]:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": f"User{user_id}",
            "language_code": "ru",
        }

    def _chat(self, chat_id: int, kind: str) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": kind}
        if kind != "private":
            chat["title"] = f"Группа {chat_id}"
        else:
            chat["first_name"] = f"User{chat_id}"
        self.chats[chat_id] = chat
        return chat

    def push(self, kind: str, body: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for the bot's next getUpdates."""
        update = {"update_id": next(self._update_ids), kind: body}
        self._updates.append(update)
        self._new_update.set()
        return update

    def take_update(self) -> dict[str, Any]:
        """Remove and return the newest queued update (to POST it to a webhook instead)."""
        return self._updates.pop()

    def send_text(
        self, user_id: int, text: str, *, chat_id: int | None = None, chat_type: str = "private"
    ) -> dict[str, Any]:
        """A user writes a message (commands and @mentions get their entities)."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self._chat(chat_id or user_id, chat_type),
            "from": self._user(user_id),
            "text": text,
        }
        entities = []
        if text.startswith("/"):
            entities.append(
                {"type": "bot_command", "offset": 0, "length": utf16_len(text.split()[0])}
            )
        mention = f"@{BOT_USER['username']}"
        if mention in text:
            offset = utf16_len(text[: text.index(mention)])
            entities.append({"type": "mention", "offset": offset, "length": utf16_len(mention)})
        if entities:
            message["entities"] = entities
        return self.push("message", message)

    def send_document(self, user_id: int, filename: str, data: bytes) -> dict[str, Any]:
        """A user uploads a file."""
        file_id = f"up{next(self._file_ids)}"
        self.files[file_id] = (f"documents/{file_id}_{filename}", data)
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self._chat(user_id, "private"),
            "from": self._user(user_id),
            "document": {
                "file_id": file_id,
                "file_unique_id": file_id,
                "file_name": filename,
                "file_size": len(data),
            },
        }
        return self.push("message", message)

    def press(self, user_id: int, message: dict[str, Any], data: str) -> str:
        """A user presses an inline button under a bot message; returns the query id."""
        query_id = f"cq{next(self._update_ids)}"
        self.push(
            "callback_query",
            {
                "id": query_id,
                "from": self._user(user_id),
                "chat_instance": f"ci{message['chat']['id']}",
                "message": message,
                "data": data,
            },
        )
        return query_id

    def inline_query(self, user_id: int, query: str) -> str:
        """A user types `@bot query` in some chat; returns the query id."""
        query_id = f"iq{next(self._update_ids)}"
        self.push(
            "inline_query",
            {"id": query_id, "from": self._user(user_id), "query": query, "offset": ""},
        )
        return query_id

    def fail(
        self,
        method: str,
        code: int,
        description: str,
        *,
        chat_id: int | None = None,
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next calls of `method` with a Telegram error."""
        self.failures.append(Failure(method, code, description, chat_id, retry_after, times))

    async def wait_for_call(
        self, predicate: Callable[[Call], bool], *, within: float = 20.0, after: int = 0
    ) -> Call:
        """The first call (from index `after`) that matches; TimeoutError otherwise."""
        deadline = asyncio.get_running_loop().time() + within
        while True:
            for call in self.calls[after:]:
                if predicate(call):
                    return call
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError("no matching call from the bot")
            self._new_call.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_call.wait(), timeout=min(remaining, 0.5))

    # --- the bot's side -------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            data = await request.json()
            return dict(data) if isinstance(data, dict) else {}
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            if isinstance(value, web.FileField):
                params[key] = ("file", value.filename, value.file.read())
            elif key in JSON_FIELDS and isinstance(value, str):
                params[key] = json.loads(value)
            else:
                params[key] = value
        return params

    async def _api(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await self._params(request)
        call = Call(method, params)
        try:
            self._inject_failure(method, params)
            call.result = await self._handle(method, params)
        except ApiError as error:
            call.ok = False
            call.result = {"error_code": error.code, "description": error.description}
            if method != "getUpdates":
                self._record(call)
            payload: dict[str, Any] = {
                "ok": False,
                "error_code": error.code,
                "description": error.description,
            }
            if error.retry_after is not None:
                payload["parameters"] = {"retry_after": error.retry_after}
            return web.json_response(payload, status=error.code)
        if method != "getUpdates":
            self._record(call)
        return web.json_response({"ok": True, "result": call.result})

    def _record(self, call: Call) -> None:
        self.calls.append(call)
        self._new_call.set()

    def _inject_failure(self, method: str, params: dict[str, Any]) -> None:
        for failure in self.failures:
            if failure.method != method or failure.times <= 0:
                continue
            if failure.chat_id is not None and str(params.get("chat_id")) != str(failure.chat_id):
                continue
            failure.times -= 1
            raise ApiError(failure.code, failure.description, failure.retry_after)

    async def _handle(self, method: str, params: dict[str, Any]) -> Any:
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            if method in {"setMyCommands", "sendChatAction", "deleteWebhook", "setWebhook",
                          "answerCallbackQuery", "deleteMessage", "deleteMyCommands"}:  # fmt: skip
                return True
            raise ApiError(404, "Not Found: method not found")
        return await handler(params)

    async def _m_getMe(self, params: dict[str, Any]) -> Any:  # noqa: N802  (Bot API names)
        return BOT_USER

    async def _m_getUpdates(self, params: dict[str, Any]) -> Any:  # noqa: N802
        self.polls += 1
        offset = int(params.get("offset") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        timeout = float(params.get("timeout") or 0)
        if not self._updates and timeout > 0:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout=timeout)
        limit = int(params.get("limit") or 100)
        return self._updates[:limit]

    def _check_markup(self, params: dict[str, Any]) -> None:
        markup = params.get("reply_markup") or {}
        for row in markup.get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")

    def _check_text(self, params: dict[str, Any], key: str, limit: int) -> str:
        raw = params.get(key)
        if raw is None or raw == "":
            if key == "caption":
                return ""
            raise ApiError(400, "Bad Request: message text is empty")
        text = visible_text(str(raw), params.get("parse_mode"))
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(text) > limit:
            raise ApiError(400, "Bad Request: message is too long")
        entities_key = "entities" if key == "text" else "caption_entities"
        for entity in params.get(entities_key) or []:
            if entity["offset"] + entity["length"] > utf16_len(text):
                raise ApiError(400, "Bad Request: can't parse entities: entity beyond the end")
            if entity["type"] == "text_link" and not str(entity.get("url", "")).startswith("http"):
                raise ApiError(400, "Bad Request: wrong HTTP URL")
        return text

    def _new_message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        chat = self.chats.get(chat_id) or {"id": chat_id, "type": "private"}
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": {k: BOT_USER[k] for k in ("id", "is_bot", "first_name", "username")},
            **content,
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.messages[(chat_id, message["message_id"])] = message
        return message

    async def _m_sendMessage(self, params: dict[str, Any]) -> Any:  # noqa: N802
        text = self._check_text(params, "text", 4096)
        self._check_markup(params)
        content: dict[str, Any] = {"text": text}
        if params.get("entities"):
            content["entities"] = params["entities"]
        return self._new_message(params, **content)

    async def _m_editMessageText(self, params: dict[str, Any]) -> Any:  # noqa: N802
        text = self._check_text(params, "text", 4096)
        self._check_markup(params)
        key = (int(params["chat_id"]), int(params["message_id"]))
        message = self.messages.get(key)
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        markup = params.get("reply_markup")
        if message.get("text") == text and message.get("reply_markup") == markup:
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        message["text"] = text
        message["entities"] = params.get("entities") or []
        message.pop("reply_markup", None)
        if markup:
            message["reply_markup"] = markup
        message["edit_date"] = int(time.time())
        return message

    async def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:  # noqa: N802
        key = (int(params["chat_id"]), int(params["message_id"]))
        message = self.messages.get(key)
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        message.pop("reply_markup", None)
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _store_upload(self, params: dict[str, Any], key: str, folder: str) -> tuple[str, int]:
        value = params.get(key)
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value.removeprefix("attach://"))
            params[key] = value
        if not (isinstance(value, tuple) and value[0] == "file"):
            raise ApiError(400, "Bad Request: there is no file in the request")
        _, filename, data = value
        file_id = f"bot{next(self._file_ids)}"
        self.files[file_id] = (f"{folder}/{file_id}_{filename}", data)
        return file_id, len(data)

    async def _m_sendPhoto(self, params: dict[str, Any]) -> Any:  # noqa: N802
        caption = self._check_text(params, "caption", 1024)
        file_id, size = self._store_upload(params, "photo", "photos")
        photo = [{"file_id": file_id, "file_unique_id": file_id, "width": 1200, "height": 600,
                  "file_size": size}]  # fmt: skip
        content: dict[str, Any] = {"photo": photo}
        if caption:
            content["caption"] = caption
        return self._new_message(params, **content)

    async def _m_sendDocument(self, params: dict[str, Any]) -> Any:  # noqa: N802
        file_id, size = self._store_upload(params, "document", "documents")
        document = {"file_id": file_id, "file_unique_id": file_id, "file_size": size}
        return self._new_message(params, document=document)

    async def _m_getFile(self, params: dict[str, Any]) -> Any:  # noqa: N802
        file_id = str(params.get("file_id"))
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        path, data = self.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_size": len(data),
            "file_path": path,
        }

    async def _m_answerInlineQuery(self, params: dict[str, Any]) -> Any:  # noqa: N802
        results = params.get("results") or []
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        for result in results:
            content = result.get("input_message_content") or {}
            self._check_text({**content, "text": content.get("message_text")}, "text", 4096)
        return True

    async def _file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            raise web.HTTPUnauthorized()
        path = request.match_info["path"]
        for stored_path, data in self.files.values():
            if stored_path == path:
                return web.Response(body=data, content_type="application/octet-stream")
        raise web.HTTPNotFound()

    async def _page(self, request: web.Request) -> web.StreamResponse:
        page = self.pages.get(request.match_info["name"])
        if page is None:
            raise web.HTTPNotFound()
        content_type, body = page
        return web.Response(body=body, content_type=content_type, charset="utf-8")


async def _serve(port: int, token: str) -> None:
    stub = BotApiStub(token)
    print("Bot API stand-in on", await stub.start(port=port), flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default="123456:e2e-token")
    arguments = parser.parse_args()
    asyncio.run(_serve(arguments.port, arguments.token))
