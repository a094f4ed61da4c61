"""Raw article text to clean body: header date, outlet, title, site junk removed, passages."""

from __future__ import annotations

import logging
import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import date

from razdel import sentenize

from retrieval.dates import DATELINE_RE
from retrieval.types import ParsedText, Span

logger = logging.getLogger(__name__)

MONTHS_GENITIVE: dict[str, int] = {
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}
MONTH_ALT = "|".join(MONTHS_GENITIVE)
_TIME = r"(?:(?:,|\s[-–—])?\s*(?:в\s+)?\d{1,2}:\d{2}(?::\d{2})?)?"  # "19/01/2023 - 15:40"
_DATE_PREFIX = (
    r"(?:(?:опубликовано|обновлено|дата публикации)\s*:?\s*"
    r"|[А-ЯЁ][а-яёА-ЯЁ-]+(?:\s+[А-ЯЁ][а-яёА-ЯЁ-]+)?,\s*)?"  # or a place: "Астана, 27 ноября 2024"
)

# "Мир | Азия | США" or "| Мир": a site's section names after the stamp
_MENU_TAIL = r"(?:(?:\s+[^|•·\n]{1,40}|\s*[|•·]\s*[^|•·\n]{1,40})(?:\s[|•·]\s[^|•·\n]{1,40})*)?"
HEADER_DATE_RE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})-(\d{2})\b\s*(.*)$", re.IGNORECASE)
_TIME_FIRST = r"(?:\d{1,2}:\d{2},?\s+)?"  # "17:55 15.11.2022", "22:25 8 ноября 2021"
DATE_LINE_RES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "14.02.2025, 08:30 Мир | Азия | США": a site menu may follow the stamp on its line;
    # "19/01/2023 - 15:40" as European sites write it, "17:55 15.11.2022" time first,
    # "03.01.23 17:40" with the year in two digits
    (
        re.compile(
            rf"^{_DATE_PREFIX}{_TIME_FIRST}(\d{{1,2}})[./](\d{{1,2}})[./](\d{{4}}|\d{{2}}(?!\d))"
            rf"{_TIME}"
            rf"{_MENU_TAIL}$",
            re.I,
        ),
        "dmy",
    ),
    # "2024-10-31 09:12:40 | Источник: Синьхуа | Версия для печати"
    (
        re.compile(
            rf"^{_DATE_PREFIX}(\d{{4}})-(\d{{2}})-(\d{{2}})(?:[T ][\d:.+Z-]*)?{_MENU_TAIL}$", re.I
        ),
        "ymd",
    ),
    (
        re.compile(
            # ("22:25 8 ноября 2021": time first)
            rf"^{_DATE_PREFIX}{_TIME_FIRST}(\d{{1,2}})\s+({MONTH_ALT})\s+(\d{{4}})"
            # ("Хельсинки, 12 сентября 2025 года." as a page's first line)
            rf"(?:\s*(?:г\.|года\.?))?{_TIME}$",
            re.I,
        ),
        "d_month_y",
    ),
)

OUTLET_RES: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(r"/\s*(ТАСС|ИТАР-ТАСС|РИА Новости|Интерфакс|ПРАЙМ|БЕЛТА|РБК)\s*/"), None),
    (re.compile(r"^\s*Источник:\s*([^\n]{2,40}?)[.\s]*$", re.M), None),
    (
        re.compile(r"^[А-ЯЁ][А-ЯЁ -]+, \d{1,2} [а-я]{3,}\.?\s*[-–—]\s*РИА Новости\.", re.M),
        "РИА Новости",
    ),
    (re.compile(r"INTERFAX\.RU", re.I), "Интерфакс"),
    (re.compile(r"коллаж:\s*[«\"]Зеркало|команду Зеркала"), "Зеркало"),
    (re.compile(r"материалы (?:журнала|газеты|издания|портала) [«\"]([^»\"\n]{2,40})[»\"]"), None),
)

JUNK_PREFIXES: tuple[str, ...] = (
    *("читайте", "читать на сайте", "читать также", "подписывайтесь", "подпишитесь", "источник:"),
    *("теги:", "метки:", "форма поиска", "мнение редакции", "erid", "©", "copyright"),
)
"""Line starts that are never article text."""
MENU_PREFIXES: tuple[str, ...] = (
    *("поддержать", "поделиться", "присоединяйтесь", "больше новостей", "все новости"),
    *("скопировать ссылку", "версия для печати", "хотите первыми", "реклама", "войти"),
    "подписаться",
)
"""Line starts that are site menus unless the line reads like a paragraph."""
RELATED_MARKERS: tuple[str, ...] = (
    *("читайте также", "читать также", "читайте еще", "читать еще", "смотрите также", "по теме"),
)
RELATED_PREFIXES = tuple(marker + ":" for marker in RELATED_MARKERS)
TAIL_MARKERS: tuple[str, ...] = (
    *("в тренде", "популярные новости", "популярные новости за сутки", "самое читаемое"),
    *("самое популярное", "лента новостей", "новости партнеров", "другие новости"),
    *("похожие новости", "материалы по теме", "главное за сутки", "еще по теме", "комментарии"),
)
"""Headers of the blocks of other headlines that sites append after an article."""
CAPTION_RE = re.compile(
    r"\b(?:фото|фотография|коллаж|иллюстрация|скриншот|видео)\s*:|^(?:фото|photo)\b", re.I
)
# ("Главная / В мире / Азия": breadcrumbs)
MENU_BAR_SEPARATOR_RE = re.compile(r"\s[|•·/›>]\s")
# "Новости  Украина  Мир  Экономика": menu items a page separates by runs of spaces
SPACED_ITEMS_RE = re.compile(r"\s{2,}")
NUMBERED_RE = re.compile(r"^\d{1,3}[.)]\s+\S")
URL_ONLY_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
WORD_TOKEN_RE = re.compile(r"[\w-]+")
LOWER_WORD_RE = re.compile(r"\b\w*[а-яёa-z]\w*\b")
LETTER_OR_DIGIT_RE = re.compile(r"\w")
SENTENCE_END = '.!?…»"“”)'
MIN_TITLE_WORDS = 4
MAX_TITLE_CHARS = 250
MAX_MENU_WORDS = 4
MIN_PARAGRAPH_WORDS = 8
MIN_PASSAGE_WORDS = 3
MIN_PASSAGE_CHARS = 20


@dataclass(frozen=True)
class _Line:
    text: str
    after_gap: bool


def _words(line: str) -> int:
    return len(WORD_TOKEN_RE.findall(line))


def _key(line: str) -> str:
    """Comparison key: lower case, one kind of quotes, single spaces, no trailing punctuation."""
    folded = re.sub(r"[«»“”„\"']", '"', line.lower().replace("ё", "е"))
    return " ".join(folded.split()).rstrip(' .!?"')


def _paragraph_like(line: str) -> bool:
    return _words(line) >= MIN_PARAGRAPH_WORDS and line.endswith(tuple(SENTENCE_END))


def _quoted_headline(line: str) -> bool:
    """ "Байден отложил визит в Анголу из-за урагана «Милтон»": a headline ending in a
    quoted name, not a sentence ending in a quote."""
    core = line.rstrip('»"“”)')
    return core != line and not core.endswith(tuple(".!?…")) and len(line) <= MAX_TITLE_CHARS


def _headline_like(line: str) -> bool:
    return len(line) <= MAX_TITLE_CHARS and not line.endswith(tuple(SENTENCE_END + ":;"))


def _date_of_line(line: str) -> date | None:
    """The date a header line consists of ("15.02.2025, 23:43"), else None."""
    for pattern, layout in DATE_LINE_RES:
        match = pattern.match(line.strip())
        if not match:
            continue
        a, b, c = match.groups()
        try:
            if layout == "dmy":
                # ("03.01.23 17:40": a year of two digits is of this century)
                return date(int(c) + (2000 if len(c) == 2 else 0), int(b), int(a))
            if layout == "ymd":
                return date(int(a), int(b), int(c))
            return date(int(c), MONTHS_GENITIVE[b.lower()], int(a))
        except ValueError:
            return None
    return None


def _is_menu_bar(line: str) -> bool:
    """Three or more short items between separators ("Главная | Политика | Экономика", or
    "Главная  Политика  Экономика" in the raw line)."""
    for separator in (MENU_BAR_SEPARATOR_RE, SPACED_ITEMS_RE):
        items = separator.split(line.strip())
        if len(items) >= 3 and all(_words(item) <= 3 for item in items):
            return True
    return False


def _is_junk(line: str) -> bool:
    """True for lines that are never article text: menus, captions, share buttons, dates."""
    lower = line.lower().replace("ё", "е")
    return (
        not LETTER_OR_DIGIT_RE.search(line)
        or lower.startswith(JUNK_PREFIXES)
        or (lower.startswith(MENU_PREFIXES) and not _paragraph_like(line))
        or (len(line) < 200 and CAPTION_RE.search(line) is not None)
        or URL_ONLY_RE.match(line) is not None
        or _is_menu_bar(line)
        or _date_of_line(line) is not None
        or (_words(line) <= MAX_MENU_WORDS and not line.endswith(tuple(SENTENCE_END + ":")))
    )


# a live blog's entry stamp on a line of its own: "07.08, 11:05", "07.08.2025 | 11:05",
# "4 ноября, 12:40 (мск)", or the time alone ("16:40": an entry of the page's day)
ENTRY_STAMP = (
    r"^[ \t]*(?:(?P<d>\d{1,2})(?:\.(?P<m>\d{1,2})(?:\.(?P<y>\d{4}))?"
    rf"| (?P<month>{MONTH_ALT})(?: (?P<year>\d{{4}}))?)[ \t]*[,|·]?[ \t]*)?"
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?:[ \t]*\((?:мск|МСК)\))?"
)
ENTRY_STAMP_RE = re.compile(ENTRY_STAMP + r"[ \t]*$", re.MULTILINE)
# a stamp on a line of its own, or opening its entry's paragraph ("13:38 Начались переговоры")
ENTRY_OPENING_RE = re.compile(
    ENTRY_STAMP + r"(?:[ \t]*$|[ \t]+(?=(?-i:[А-ЯЁA-Z])|[«\"„]))", re.MULTILINE
)


def stamp_day(match: re.Match[str]) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of an ENTRY_STAMP_RE match; None for a time alone."""
    if match.group("d") is None:
        return None
    year = match.group("y") or match.group("year")
    month = int(match.group("m")) if match.group("m") else MONTHS_GENITIVE[match.group("month")]
    return (int(year) if year else None), month, int(match.group("d"))


MIN_ENTRY_STAMPS = 2  # a page with this many entry stamps is a live blog


def _live_blog(lines: list[str]) -> bool:
    """True when enough lines are entry stamps: the page is a live blog, whose stamps date
    its entries and stay in the text."""
    return sum(ENTRY_STAMP_RE.fullmatch(line) is not None for line in lines) >= MIN_ENTRY_STAMPS


def _numbered_runs(lines: list[str]) -> set[int]:
    """Indices of numbered headline lists (three or more items, mostly without a full stop)."""
    dropped: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, "end"]):
        stripped = line.strip()
        if not stripped:
            continue
        if NUMBERED_RE.match(stripped):
            run.append(i)
            continue
        headlines = sum(not lines[j].strip().endswith((".", ";", ":")) for j in run)
        if len(run) >= 3 and headlines * 2 >= len(run):
            dropped.update(run)
        run = []
    return dropped


def _clean_lines(lines: list[str], seen: set[str]) -> list[_Line]:
    kept: list[_Line] = []
    numbered = _numbered_runs(lines)
    live = _live_blog(lines)
    gap = False
    body_started = False
    skipping_related = False
    for i, raw_line in enumerate(lines):
        line = " ".join(raw_line.split())
        if not line or i in numbered:
            gap = True
            continue
        key = _key(line)
        marker = key.rstrip(":")
        if marker in TAIL_MARKERS and body_started:
            break
        if marker in TAIL_MARKERS or marker in RELATED_MARKERS or key.startswith(RELATED_PREFIXES):
            skipping_related, gap = True, True
            continue
        if skipping_related and not _paragraph_like(line):
            continue
        skipping_related = False
        if live and ENTRY_STAMP_RE.fullmatch(line):
            kept.append(_Line(line, True))  # an entry's stamp: its own paragraph
            gap = True
            continue
        if _is_junk(line) or _is_menu_bar(raw_line) or key in seen:
            gap = True
            continue
        seen.add(key)
        kept.append(_Line(line, gap))
        gap = False
        body_started = body_started or _paragraph_like(line)
    while body_started and kept and _headline_like(kept[-1].text) and kept[-1].text[-1].isalnum():
        kept.pop()
    return kept


def _join(lines: list[_Line]) -> str:
    parts: list[str] = []
    for n, line in enumerate(lines):
        if n:
            parts.append("\n\n" if line.after_gap else "\n")
        parts.append(line.text)
    return "".join(parts)


def clean_text(text: str) -> str:
    """Article body without site menus, headline lists, captions, share buttons and tails."""
    return _join(_clean_lines(_normalise(text).split("\n"), set()))


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").replace("\u200b", "")


def _find_outlet(text: str) -> str | None:
    for pattern, name in OUTLET_RES:
        match = pattern.search(text)
        if match:
            return name or match.group(1).strip()
    return None


def _find_title_and_date(lines: list[str]) -> tuple[int | None, date | None]:
    """Index of the headline line and the published date, both from the header only."""
    title_at: int | None = None
    published: date | None = None
    numbered = _numbered_runs(lines)
    for i, raw_line in enumerate(lines):
        line = " ".join(raw_line.split())
        if not line or i in numbered:
            continue
        stamp = _date_of_line(line)
        if stamp is not None:
            # "27.05.2024, 14:10 (обновлено: 15:02)": a stamp, even one ending like a sentence
            published = published or stamp
            continue
        if _paragraph_like(line) and not (title_at is None and _quoted_headline(line)):
            break
        if (
            title_at is None
            and not _is_junk(line)
            and not _is_menu_bar(raw_line)
            and len(line) <= MAX_TITLE_CHARS
            and _words(line) >= MIN_TITLE_WORDS
            and not line.endswith((".", ":", ";", "…"))
        ):
            title_at = i
    return title_at, published


def parse_txt_article(raw: str, *, name: str | None = None) -> ParsedText:
    """Split a raw .txt article into title, clean body (title excluded), header date and outlet."""
    lines = _normalise(raw).split("\n")
    published: date | None = None
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    header = HEADER_DATE_RE.match(lines[first]) if lines else None
    if header:
        year, month, day, rest = header.groups()
        with suppress(ValueError):
            published = date(int(year), int(month), int(day))
        lines[first] = rest
    title_at, header_date = _find_title_and_date(lines)
    title = " ".join(lines[title_at].split()) if title_at is not None else None
    seen: set[str] = set()
    if title_at is not None and title:
        # above the headline is site chrome, but for an agency's dateline ("КАЗАНЬ, 24 окт —
        # РИА Новости."), which dates the story
        dateline = next((line for line in lines[:title_at] if DATELINE_RE.match(line)), "")
        lines[: title_at + 1] = [""] * title_at + [dateline]
        seen.add(_key(title))
    body = _join(_clean_lines(lines, seen))
    outlet = _find_outlet(raw)
    logger.debug("parsed %s: title=%r published=%s outlet=%s", name, title, published, outlet)
    published = published or header_date or _footer_date(lines) or _title_date(title)
    return ParsedText(title=title, text=body, published=published, outlet=outlet)


FOOTER_LINES = 6  # lines from the end where a post's stamp may stand
FOOTER_STAMP_RE = re.compile(r"(\d{1,2}\.\d{1,2}\.\d{4}(?:,?\s+\d{1,2}:\d{2})?)\s*$")
CYRILLIC_RE = re.compile(r"[А-Яа-яЁё]")
# "Берлин, 6 июня 2025 года": a place and a day, as a signature or a title ends
PLACE_DAY = rf"(?:[А-ЯЁ][\w-]+,\s*)?\d{{1,2}}\s+(?:{MONTH_ALT})\s+\d{{4}}(?:\s*(?:года|г\.))?"
SIGNED_DATE_RE = re.compile(
    rf"^(?:Беседовал|Записал|Подготовил|Интервью взял)\w*\s[^.]{{2,60}}\.\s*({PLACE_DAY})\.?$",
    re.IGNORECASE,
)


# "Лавров по итогам переговоров с X, Москва, 4 июля 2025 года": a readout's title ends
# with its place and day
TITLE_DATE_RE = re.compile(rf",\s*({PLACE_DAY})\s*$", re.IGNORECASE)


def _title_date(title: str | None) -> date | None:
    match = TITLE_DATE_RE.search(title) if title else None
    return _date_of_line(match.group(1)) if match else None


def _footer_date(lines: list[str]) -> date | None:
    """A stamp line among the last lines ("28.12.2024, 16:52" under a Telegram post)."""
    tail = [" ".join(line.split()) for line in lines if line.strip()][-FOOTER_LINES:]
    for line in reversed(tail):
        # "👁 12,4K   ✏️ 08.03.2023 13:50": a stamp after the post's counters and icons
        counters = FOOTER_STAMP_RE.search(line) if not CYRILLIC_RE.search(line) else None
        stamp = _date_of_line(counters.group(1) if counters else line)
        signed = SIGNED_DATE_RE.search(line) if stamp is None else None
        if signed is not None:
            # "Беседовала Ольга Краузе. Берлин, 6 июня 2025 года.": an interview's signature
            stamp = _date_of_line(signed.group(1))
        if stamp is not None:
            return stamp
        if line.endswith((".", "!", "?", "…")):
            return None  # the stamp of a line before the text's end dates no post
    return None


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph bounds: split at line breaks unless the next line goes on in lower case."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in re.finditer(r"\n+", text):
        following = text[match.end() : match.end() + 1]
        if match.group(0) == "\n" and following.islower():
            continue
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if text[a:b].strip()]


def _is_short(fragment: str) -> bool:
    """Too short to stand alone: "Да.", "/ТАСС/.", a dateline "ВАШИНГТОН, 15 февраля."."""
    lower_words = LOWER_WORD_RE.findall(fragment)
    return len(fragment) < MIN_PASSAGE_CHARS or len(lower_words) < MIN_PASSAGE_WORDS


def split_passages(text: str) -> list[Span]:
    """Sentences (razdel) with offsets into `text`; short fragments join their neighbours."""
    pieces: list[tuple[int, int]] = []
    for para_start, para_end in _paragraph_spans(text):
        for sentence in sentenize(text[para_start:para_end]):
            pieces.append((para_start + sentence.start, para_start + sentence.stop))
    merged: list[tuple[int, int]] = []
    pending_start: int | None = None
    for start, end in pieces:
        if _is_short(text[start:end]):
            pending_start = start if pending_start is None else pending_start
            continue
        merged.append((start if pending_start is None else pending_start, end))
        pending_start = None
    if pending_start is not None:
        if merged:
            merged[-1] = (merged[-1][0], pieces[-1][1])
        else:
            merged.append((pending_start, pieces[-1][1]))
    return [Span(start, end, text[start:end]) for start, end in merged]
