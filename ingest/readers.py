"""Read article files (.txt, .html, .json, .jsonl) in any encoding into raw documents."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ingest.types import RawDocument, ReadFailure
from retrieval.textclean import ENTRY_STAMP_RE

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
MAX_FILE_BYTES = 50 * 1024 * 1024


def decode(data: bytes) -> str:
    """Text of a file in any common encoding (UTF-8 first, then detected, cp1251 as last resort)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best)
    return data.decode("cp1251", errors="replace")


def parse_published(value: Any) -> date | None:
    """A publication date from a JSON value: ISO date/datetime, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value).date()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    from htmldate.validators import convert_date  # cheap, handles "15.02.2025" etc.

    try:
        converted = convert_date(text, "%d.%m.%Y", "%Y-%m-%d")
        return date.fromisoformat(converted) if converted else None
    except (ValueError, TypeError):
        return None


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | ReadFailure]:
    """Every supported file under the given files and folders, sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            yield path
        else:
            yield ReadFailure(str(path), "нет такого файла или папки")


def read_paths(paths: Iterable[str | Path]) -> Iterator[RawDocument | ReadFailure]:
    """Documents from files and folders; unreadable files and lines come out as failures."""
    for item in iter_files(paths):
        if isinstance(item, ReadFailure):
            yield item
            continue
        try:
            if item.stat().st_size > MAX_FILE_BYTES:
                yield ReadFailure(str(item), "файл больше 50 МБ")
                continue
            data = item.read_bytes()
        except OSError as exc:
            yield ReadFailure(str(item), f"не читается: {exc.strerror or exc}")
            continue
        try:
            # materialised so that one broken file never stops the files after it
            items = list(read_bytes(data, item.name, origin=str(item)))
        except Exception as exc:
            logger.exception("could not read %s", item)
            items = [ReadFailure(str(item), f"не удалось прочитать: {type(exc).__name__}: {exc}")]
        yield from items


def read_bytes(
    data: bytes, filename: str, *, origin: str | None = None
) -> Iterator[RawDocument | ReadFailure]:
    """Documents in one file's content, by its extension."""
    origin = origin or filename
    suffix = Path(filename).suffix.lower()
    stem = Path(filename).stem
    try:
        text = decode(data)
    except Exception as exc:  # noqa: BLE001  (any decoder failure is a bad file, not a crash)
        yield ReadFailure(origin, f"не удалось декодировать: {exc}")
        return
    if suffix in JSON_SUFFIXES:
        yield from _read_json(text, origin=origin, stem=stem, lines=suffix != ".json")
    elif suffix in HTML_SUFFIXES:
        yield _read_html(text, origin=origin, stem=stem)
    elif suffix in TEXT_SUFFIXES or suffix == "":
        if not text.strip():
            yield ReadFailure(origin, "пустой файл")
        else:
            yield RawDocument(text=text, origin=origin, external_id=stem, raw_txt=True)
    else:
        yield ReadFailure(origin, f"неизвестный формат {suffix}: нужен .txt, .html или .jsonl")


def document_from_object(obj: Any, *, origin: str) -> RawDocument | ReadFailure:
    """A document from one JSON object {id?, url?, title?, published?, text}."""
    if not isinstance(obj, dict):
        return ReadFailure(origin, "ожидается объект JSON")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return ReadFailure(origin, "нет поля text")
    ext_id = obj.get("id")
    url = obj.get("url")
    title = obj.get("title")
    return RawDocument(
        text=text,
        origin=origin,
        external_id=str(ext_id) if ext_id is not None else None,
        url=str(url) if url else None,
        title=str(title) if title else None,
        published=parse_published(obj.get("published")),
        outlet=str(obj["outlet"]) if obj.get("outlet") else None,
    )


def _read_json(
    text: str, *, origin: str, stem: str, lines: bool
) -> Iterator[RawDocument | ReadFailure]:
    if not lines or text.lstrip().startswith("["):
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            if not lines:
                yield ReadFailure(origin, f"неверный JSON: {exc.msg} (строка {exc.lineno})")
                return
        else:
            items = payload if isinstance(payload, list) else [payload]
            for i, obj in enumerate(items, 1):
                doc = document_from_object(obj, origin=f"{origin}#{i}")
                if isinstance(doc, RawDocument) and doc.external_id is None and len(items) == 1:
                    doc = RawDocument(**{**doc.__dict__, "external_id": stem})
                yield doc
            return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"неверный JSON: {exc.msg}")
            continue
        yield document_from_object(obj, origin=where)


def _read_html(html: str, *, origin: str, stem: str) -> RawDocument | ReadFailure:
    doc = html_to_document(html, origin=origin, url=None)
    if isinstance(doc, RawDocument):
        return RawDocument(**{**doc.__dict__, "external_id": stem})
    return doc


TIME_TAG_RE = re.compile(r"<time\b[^>]*>\s*(?P<stamp>[^<]{1,40}?)\s*</time>", re.IGNORECASE)


def html_to_document(html: str, *, origin: str, url: str | None) -> RawDocument | ReadFailure:
    """The article of an HTML page: text (trafilatura), title, publication date (htmldate)."""
    import trafilatura
    from htmldate import find_date

    # a live blog's entry stamps ("<time>23:10</time>") are no text to trafilatura: keep each
    # as a line of its own, so that it dates its entry
    html = TIME_TAG_RE.sub(
        lambda m: f"<p>{m['stamp']}</p>" if ENTRY_STAMP_RE.fullmatch(m["stamp"]) else m[0], html
    )
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, include_comments=False, include_tables=False, with_metadata=True
        )
    except Exception as exc:  # noqa: BLE001  (trafilatura raises many kinds on broken markup)
        return ReadFailure(origin, f"не удалось разобрать HTML: {exc}")
    if extracted is None:
        return ReadFailure(origin, "в HTML не найден текст статьи")
    text = getattr(extracted, "text", None) or ""
    if not text.strip():
        return ReadFailure(origin, "в HTML не найден текст статьи")
    published: date | None = None
    try:
        found = find_date(html, original_date=True, outputformat="%Y-%m-%d")
        published = date.fromisoformat(found) if found else None
    except (ValueError, TypeError):
        published = None
    if published is None:
        published = parse_published(getattr(extracted, "date", None))
    return RawDocument(
        text=text,
        origin=origin,
        url=url or getattr(extracted, "url", None) or None,
        title=getattr(extracted, "title", None) or None,
        published=published,
        outlet=getattr(extracted, "sitename", None) or None,
    )
