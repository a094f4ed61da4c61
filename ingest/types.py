"""Records passed between readers, fetchers and the ingest pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class RawDocument:
    """An article as read from a file, a feed or a page, before cleaning and extraction."""

    text: str  # body text; for .txt files the raw file text (headers, menus and all)
    origin: str  # where it came from: a file path, "file.jsonl:12", or a URL
    external_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    raw_txt: bool = False  # True: text still has header lines/menus to parse (parse_txt_article)
    source_id: int | None = None


@dataclass(frozen=True)
class ReadFailure:
    """A file or line that could not be read; reported and skipped."""

    origin: str
    reason: str


@dataclass
class IngestReport:
    """What one ingest run did."""

    new: int = 0
    duplicate: int = 0
    failed: int = 0
    contacts_new: int = 0
    contacts_updated: int = 0
    failures: list[ReadFailure] = field(default_factory=list)
    new_contact_ids: list[int] = field(default_factory=list)
    changed_contact_ids: list[int] = field(
        default_factory=list
    )  # status changed (planned -> happened ...)

    def merge(self, other: IngestReport) -> None:
        """Add another report's counts to this one."""
        self.new += other.new
        self.duplicate += other.duplicate
        self.failed += other.failed
        self.contacts_new += other.contacts_new
        self.contacts_updated += other.contacts_updated
        self.failures.extend(other.failures)
        self.new_contact_ids.extend(other.new_contact_ids)
        self.changed_contact_ids.extend(other.changed_contact_ids)
