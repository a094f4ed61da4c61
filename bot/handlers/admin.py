"""Admin commands (sources, ingest, stats, file uploads) and refusals for everyone else."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Final

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message, User
from aiogram.utils.chat_action import ChatActionSender

from bot import keyboards, texts
from bot.filters import IsAdmin
from bot.handlers.common import NO_PREVIEW
from bot.services import SourceError

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.memory import ExpiringCache
    from bot.services import AnswerServiceProtocol, IngestorProtocol, SourceServiceProtocol

logger = logging.getLogger(__name__)

INGEST_EXTENSIONS: Final = frozenset({".txt", ".html", ".htm", ".jsonl"})
MAX_UPLOAD_MB: Final = 10
ADMIN_COMMAND_NAMES: Final = tuple(name for name, _ in texts.ADMIN_COMMANDS)


@dataclass(frozen=True)
class PendingSource:
    """A probed source waiting for «✅ Добавить»."""

    url: str
    interval_minutes: int
    admin_id: int


def parse_source_id(args: str | None) -> int:
    """The source number of /delsource, /pause, /resume."""
    value = (args or "").strip().lstrip("№#")
    if not value.isdigit():
        raise SourceError("usage_id")
    return int(value)


async def on_addsource(
    message: Message,
    command: CommandObject,
    bot: Bot,
    sources: SourceServiceProtocol,
    pending_sources: ExpiringCache[PendingSource],
    settings: Settings,
) -> None:
    """Dry-run a URL and ask to confirm."""
    parts = (command.args or "").split()
    if not parts or len(parts) > 2 or (len(parts) == 2 and not parts[1].isdigit()):
        raise SourceError("usage_add")
    url = parts[0]
    interval = int(parts[1]) if len(parts) == 2 else settings.default_poll_minutes
    interval = max(1, min(interval, 24 * 60))
    async with ChatActionSender.typing(bot=bot, chat_id=message.chat.id, initial_sleep=0.5):
        probe = await sources.probe(url)
    user_id = message.from_user.id if message.from_user else 0
    token = pending_sources.put(PendingSource(probe.url, interval, user_id))
    await message.answer(
        **texts.render_probe(probe, interval).as_kwargs(),
        reply_markup=keyboards.source_confirm_keyboard(token),
        link_preview_options=NO_PREVIEW,
    )


async def on_source_confirm(
    callback: CallbackQuery,
    callback_data: keyboards.SourceConfirmCallback,
    sources: SourceServiceProtocol,
    pending_sources: ExpiringCache[PendingSource],
) -> None:
    """«✅ Добавить» or «Отмена» under a dry run."""
    pending = pending_sources.pop(callback_data.token)
    message = callback.message if isinstance(callback.message, Message) else None
    if pending is None:
        await callback.answer(texts.SOURCE_ERRORS["expired"], show_alert=True)
        return
    if not callback_data.confirm:
        await callback.answer(texts.CANCELLED_TOAST)
        if message is not None:
            await message.edit_text(texts.CANCELLED_TOAST)
        return
    source = await sources.add(pending.url, pending.interval_minutes, callback.from_user.id)
    logger.info("Admin %s added source %s %s", callback.from_user.id, source.id, source.url)
    await callback.answer()
    if message is not None:
        await message.edit_text(
            **texts.render_source_added(source).as_kwargs(), link_preview_options=NO_PREVIEW
        )


async def on_sources(message: Message, sources: SourceServiceProtocol) -> None:
    """Sources with health."""
    for page in texts.render_sources(await sources.list_health()):
        await message.answer(**page.as_kwargs(), link_preview_options=NO_PREVIEW)


# command -> SourceServiceProtocol method (also the key of texts.render_source_changed)
SOURCE_ACTIONS: Final = {"delsource": "delete", "pause": "pause", "resume": "resume"}


async def on_source_action(
    message: Message, command: CommandObject, sources: SourceServiceProtocol
) -> None:
    """/delsource N, /pause N, /resume N."""
    action = SOURCE_ACTIONS[command.command]
    source_id = parse_source_id(command.args)
    await getattr(sources, action)(source_id)
    await message.answer(**texts.render_source_changed(action, source_id).as_kwargs())


async def on_ingest(
    message: Message, bot: Bot, sources: SourceServiceProtocol, answers: AnswerServiceProtocol
) -> None:
    """Poll every source now and report."""
    async with ChatActionSender.typing(bot=bot, chat_id=message.chat.id, initial_sleep=0.5):
        report = await sources.poll_now()
        if report.new:
            await answers.refresh()
    await message.answer(**texts.render_ingest_report(report).as_kwargs())


async def on_stats(message: Message, answers: AnswerServiceProtocol) -> None:
    """Corpus figures."""
    await message.answer(**texts.render_stats(await answers.stats()).as_kwargs())


async def on_document(
    message: Message, bot: Bot, ingestor: IngestorProtocol, answers: AnswerServiceProtocol
) -> None:
    """An uploaded .txt/.html/.jsonl file: ingest it and report."""
    document = message.document
    assert document is not None
    filename = document.file_name or "upload.txt"
    if PurePath(filename).suffix.lower() not in INGEST_EXTENSIONS:
        await message.answer(texts.UNSUPPORTED_FILE)
        return
    if (document.file_size or 0) > MAX_UPLOAD_MB * 1024 * 1024:
        await message.answer(texts.FILE_TOO_BIG.format(limit=MAX_UPLOAD_MB))
        return
    async with ChatActionSender.typing(bot=bot, chat_id=message.chat.id, initial_sleep=0.5):
        buffer = io.BytesIO()
        await bot.download(document, destination=buffer)
        report = await ingestor.ingest_bytes(buffer.getvalue(), filename)
        if report.new:
            await answers.refresh()
    logger.info("Ingested upload %s: %s new articles", filename, report.new)
    await message.answer(**texts.render_ingest_report(report, what=f"Файл {filename}").as_kwargs())


async def on_refused(message: Message, event_from_user: User | None = None) -> None:
    """An admin command or upload from someone else: refuse politely, log the attempt."""
    logger.warning(
        "Refused admin action from user %s in chat %s: %r",
        event_from_user.id if event_from_user else None,
        message.chat.id,
        texts.shorten(message.text or message.caption or "<file>", 80),
    )
    await message.answer(**texts.render_admin_refusal().as_kwargs())


async def on_refused_button(callback: CallbackQuery) -> None:
    """An admin button pressed by someone else."""
    logger.warning("Refused admin button from user %s", callback.from_user.id)
    await callback.answer(texts.ADMIN_ONLY, show_alert=True)


def make_router() -> Router:
    """A fresh router: admin handlers, then refusals for everyone else."""
    admin = Router(name=__name__)
    admin.message.filter(IsAdmin())
    admin.callback_query.filter(IsAdmin())
    admin.message.register(on_addsource, Command("addsource"))
    admin.message.register(on_sources, Command("sources"))
    admin.message.register(on_source_action, Command(*SOURCE_ACTIONS))
    admin.message.register(on_ingest, Command("ingest"))
    admin.message.register(on_stats, Command("stats"))
    admin.message.register(on_document, F.document)
    admin.callback_query.register(on_source_confirm, keyboards.SourceConfirmCallback.filter())

    refusals = Router(name=f"{__name__}.refusals")
    refusals.message.register(on_refused, Command(*ADMIN_COMMAND_NAMES))
    refusals.message.register(on_refused, F.document, F.chat.type == "private")
    refusals.callback_query.register(on_refused_button, keyboards.SourceConfirmCallback.filter())

    router = Router(name=f"{__name__}.root")
    router.include_routers(admin, refusals)
    return router
