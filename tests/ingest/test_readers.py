"""Reading article files: formats, encodings, bad files and lines."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ingest.readers import decode, parse_published, read_bytes, read_paths
from ingest.types import RawDocument, ReadFailure

TEXT = "МОСКВА, 15 февраля. /ТАСС/. Сергей Лавров поговорил по телефону с Марко Рубио."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251"])
def test_any_common_encoding_is_decoded(encoding: str) -> None:
    assert decode(TEXT.encode(encoding)) == TEXT


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ["2025-02-15", date(2025, 2, 15)],
        ["2025-02-15T23:43:00+03:00", date(2025, 2, 15)],
        ["2025-02-15T20:43:00Z", date(2025, 2, 15)],
        ["15.02.2025", date(2025, 2, 15)],
        [None, None],
        ["", None],
        ["не дата", None],
    ],
)
def test_published_values(value: object, expected: date | None) -> None:
    assert parse_published(value) == expected


def test_txt_file_keeps_its_name_as_external_id() -> None:
    [doc] = read_bytes(TEXT.encode("cp1251"), "003_abc.txt")
    assert isinstance(doc, RawDocument)
    assert doc.external_id == "003_abc" and doc.raw_txt and doc.text == TEXT


def test_jsonl_bad_line_is_reported_and_the_rest_read() -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "url": "https://x.test/1",
                "title": "T",
                "published": "2025-02-15",
                "text": TEXT,
            }
        ),
        "{not json",
        json.dumps({"id": "a2"}),
        "",
        json.dumps({"text": TEXT + " Ещё."}),
    ]
    items = list(read_bytes("\n".join(lines).encode(), "batch.jsonl"))
    docs = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [d.external_id for d in docs] == ["a1", None]
    assert docs[0].published == date(2025, 2, 15) and docs[0].url == "https://x.test/1"
    assert [f.origin for f in failures] == ["batch.jsonl:2", "batch.jsonl:3"]


def test_json_array_and_single_object() -> None:
    arr = json.dumps([{"id": 1, "text": TEXT}, {"id": 2, "text": TEXT + "!"}]).encode()
    assert [d.external_id for d in read_bytes(arr, "x.json")] == ["1", "2"]  # type: ignore[union-attr]
    one = json.dumps({"text": TEXT}).encode()
    [doc] = read_bytes(one, "single.json")
    assert isinstance(doc, RawDocument) and doc.external_id == "single"


def test_html_page_gives_article_text_and_date() -> None:
    html = f"""<html><head><title>Лавров и Рубио</title>
    <meta property="article:published_time" content="2025-02-15T21:00:00+03:00"></head>
    <body><nav>Главная | Политика | Спорт</nav><article><h1>Лавров и Рубио</h1>
    <p>{TEXT}</p><p>Разговор состоялся по инициативе американской стороны и длился около часа,
    сообщили в министерстве иностранных дел России.</p></article><footer>© Сайт</footer></body></html>"""
    [doc] = read_bytes(html.encode(), "page.html")
    assert isinstance(doc, RawDocument)
    assert "Лавров поговорил по телефону" in doc.text
    assert "Главная | Политика" not in doc.text
    assert doc.published == date(2025, 2, 15)
    assert doc.external_id == "page"


def test_live_blog_page_keeps_its_entry_stamps() -> None:
    """<time>23:10</time> above each entry is what dates the entry: it stays a line."""
    html = """<html><head><meta property="article:published_time"
    content="2022-09-13T01:10:00+03:00"></head><body><article><h1>Обострение: онлайн</h1>
    <p>Трансляция обновляется. Новые записи сверху.</p>
    <section><time datetime="2022-09-13T20:45:00+03:00">20:45</time>
    <p>Правительство Армении сообщает о телефонном разговоре премьер-министра с председателем
    Европейского совета, который пообещал приложить усилия для деэскалации.</p></section>
    <section><time datetime="2022-09-13T17:30:00+03:00">17:30</time>
    <p>Премьер-министр Армении поговорил по телефону с госсекретарем США и рассказал ему о
    решении Совета безопасности республики.</p></section></article></body></html>"""
    [doc] = read_bytes(html.encode(), "blog.html")
    assert isinstance(doc, RawDocument)
    lines = [line.strip() for line in doc.text.splitlines()]
    assert lines.index("20:45") < lines.index("17:30")
    assert lines[lines.index("20:45") + 1].startswith("Правительство Армении")


@pytest.mark.parametrize(
    ("payload", "name", "reason"),
    [
        [b"", "empty.txt", "пустой"],
        [b"{broken", "bad.json", "JSON"],
        [b"\x00\x01", "img.png", "формат"],
        [b"<html><body></body></html>", "blank.html", "HTML"],
    ],
)
def test_bad_files_become_failures(payload: bytes, name: str, reason: str) -> None:
    [item] = read_bytes(payload, name)
    assert isinstance(item, ReadFailure) and reason in item.reason


def test_folders_are_walked_and_missing_paths_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_bytes(TEXT.encode("cp1251"))
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    items = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    assert [getattr(i, "external_id", None) for i in items[:2]] == ["a", "b"]
    assert isinstance(items[2], ReadFailure)


def test_a_reader_crash_on_one_file_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ingest.readers as readers

    def broken(html: str, *, origin: str, stem: str) -> RawDocument:
        raise ImportError("some optional module is missing")

    monkeypatch.setattr(readers, "_read_html", broken)
    (tmp_path / "a.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert isinstance(items[0], ReadFailure) and "ImportError" in items[0].reason
    assert isinstance(items[1], RawDocument) and items[1].external_id == "b"
