"""Records and errors of news sources, shared by the source service and the bot."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceProbe:
    """A dry run of a URL: what it is and what it would bring."""

    url: str
    kind: str  # rss | page | listing | sitemap | folder
    title: str | None
    articles: int
    contacts: int | None  # None: cannot be known without ingesting


@dataclass(frozen=True)
class SourceHealth:
    """A source and how well it has been doing."""

    id: int
    url: str
    kind: str
    title: str | None
    interval_minutes: int
    paused: bool
    last_success_at: dt.datetime | None
    consecutive_failures: int
    last_error: str | None
    articles_per_day: float
    contacts_found: int


class SourceError(Exception):
    """A source cannot be probed, added or changed."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason, detail)
        self.reason = reason  # a key of texts.SOURCE_ERRORS
        self.detail = detail
