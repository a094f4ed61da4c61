"""What the bot's handlers depend on: service protocols and domain errors."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Protocol

from ingest.source_types import SourceError, SourceHealth, SourceProbe

if TYPE_CHECKING:
    from ingest.types import IngestReport
    from service.views import Answer, ContactView
    from storage.models import Source


class AnswerServiceProtocol(Protocol):
    """The answer service shared with the CLI (service/answers.py)."""

    async def ask(self, question: str) -> Answer:
        """Answer a free-form question."""
        ...

    async def contacts(
        self, people: Sequence[str], *, kinds: Collection[str] | None = None
    ) -> list[ContactView]:
        """Contacts of one person or between people, newest first."""
        ...

    async def contact(self, contact_id: int) -> ContactView | None:
        """One contact by id."""
        ...

    async def resolve_people(self, text: str) -> list[str]:
        """Canonical names of the people named in the text."""
        ...

    async def stats(self) -> dict[str, int | str | None]:
        """Corpus figures."""
        ...

    async def refresh(self) -> None:
        """Rebuild the search index after new articles."""
        ...


class IngestorProtocol(Protocol):
    """The ingest pipeline (ingest/pipeline.py)."""

    async def ingest_bytes(self, data: bytes, filename: str) -> IngestReport:
        """Read, store and extract one uploaded file."""
        ...


class SourceServiceProtocol(Protocol):
    """News sources: dry run, add, list with health, delete, pause, resume, poll now."""

    async def probe(self, url: str) -> SourceProbe:
        """Fetch the URL without storing anything and say what it would bring."""
        ...

    async def add(self, url: str, interval_minutes: int, added_by: int) -> Source:
        """Store a new source."""
        ...

    async def list_health(self) -> list[SourceHealth]:
        """Every source with its health figures."""
        ...

    async def delete(self, source_id: int) -> None:
        """Remove a source."""
        ...

    async def pause(self, source_id: int) -> None:
        """Stop polling a source."""
        ...

    async def resume(self, source_id: int) -> None:
        """Poll a paused source again."""
        ...

    async def poll_now(self) -> IngestReport:
        """Poll every active source once and report."""
        ...


class BotError(Exception):
    """A failure the user should hear about in words (answered by the error router)."""


__all__ = ["BotError", "SourceError", "SourceHealth", "SourceProbe"]
