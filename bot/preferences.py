"""Parsing `/alerts` arguments: instant alerts, a daily digest, quiet hours, a time zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

HOURS_RE = re.compile(r"^(\d{1,2})(?::00)?\s*[-–—]\s*(\d{1,2})(?::00)?$")
OFF_WORDS = frozenset({"выкл", "выключить", "нет", "off", "никогда"})
# a few common names people type instead of IANA zones
ZONE_ALIASES = {
    "мск": "Europe/Moscow", "москва": "Europe/Moscow", "utc": "UTC", "гринвич": "UTC",
    "киев": "Europe/Kyiv", "минск": "Europe/Minsk", "берлин": "Europe/Berlin",
    "лондон": "Europe/London", "нью-йорк": "America/New_York", "вашингтон": "America/New_York",
    "пекин": "Asia/Shanghai", "астана": "Asia/Almaty", "ташкент": "Asia/Tashkent",
    "екатеринбург": "Asia/Yekaterinburg", "новосибирск": "Asia/Novosibirsk",
    "владивосток": "Asia/Vladivostok", "тбилиси": "Asia/Tbilisi", "ереван": "Asia/Yerevan",
}  # fmt: skip


@dataclass(frozen=True)
class PreferenceChange:
    """Fields of a chat's alert preferences to change (only those named in `fields`)."""

    fields: frozenset[str]
    digest_hour: int | None = None
    quiet_from: int | None = None
    quiet_to: int | None = None
    timezone: str | None = None


class PreferenceError(ValueError):
    """Arguments of /alerts that cannot be understood; the message says why (in Russian)."""


def _hour(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 23:
        raise PreferenceError("Час должен быть от 0 до 23.")
    return value


def parse_preferences(args: str) -> PreferenceChange:
    """«сразу», «дайджест 9», «тишина 23-8», «тишина выкл», «пояс Europe/Berlin»."""
    words = args.strip().split(maxsplit=1)
    if not words:
        raise PreferenceError("Укажите, что изменить.")
    head, rest = words[0].lower(), (words[1].strip() if len(words) > 1 else "")
    if head in {"сразу", "мгновенно", "instant"}:
        return PreferenceChange(frozenset({"digest_hour"}), digest_hour=None)
    if head in {"дайджест", "digest", "сводка"}:
        if rest.lower() in OFF_WORDS:
            return PreferenceChange(frozenset({"digest_hour"}), digest_hour=None)
        if not rest.split(":")[0].isdigit():
            raise PreferenceError("Укажите час дайджеста, например: /alerts дайджест 9")
        return PreferenceChange(frozenset({"digest_hour"}), digest_hour=_hour(rest.split(":")[0]))
    if head in {"тишина", "quiet", "ночь"}:
        if rest.lower() in OFF_WORDS:
            return PreferenceChange(frozenset({"quiet_from", "quiet_to"}))
        match = HOURS_RE.match(rest)
        if not match:
            raise PreferenceError("Укажите часы тишины, например: /alerts тишина 23-8")
        start, end = _hour(match.group(1)), _hour(match.group(2))
        if start == end:
            raise PreferenceError("Начало и конец тишины совпадают.")
        return PreferenceChange(
            frozenset({"quiet_from", "quiet_to"}), quiet_from=start, quiet_to=end
        )
    if head in {"пояс", "зона", "timezone", "tz"}:
        name = ZONE_ALIASES.get(rest.lower(), rest)
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise PreferenceError(
                "Не знаю такого часового пояса. Например: /alerts пояс Europe/Moscow"
            ) from exc
        return PreferenceChange(frozenset({"timezone"}), timezone=name)
    raise PreferenceError("Не понял. Варианты: сразу, дайджест 9, тишина 23-8, пояс Europe/Moscow.")
