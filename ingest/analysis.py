"""CPU side of ingestion: clean an article, split and lemmatise passages, extract contacts."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from ingest.types import RawDocument
from retrieval.concepts import CONTACT_LEMMAS
from retrieval.contacts import ContactExtractor
from retrieval.lemmas import Lemmatizer
from retrieval.people import PersonRegistry
from retrieval.textclean import clean_text, parse_txt_article, split_passages
from retrieval.types import ExtractedContact, Span

SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class AnalysedPassage:
    """A passage with its lemmas and whether it enters the global index."""

    span: Span
    lemmas: tuple[str, ...]
    indexed: bool


@dataclass(frozen=True)
class AnalysedArticle:
    """Everything the pipeline stores about one article."""

    doc: RawDocument
    title: str | None
    text: str
    published: date | None
    outlet: str | None
    content_hash: str
    passages: tuple[AnalysedPassage, ...]
    contacts: tuple[ExtractedContact, ...]

    @property
    def lemma_set(self) -> frozenset[str]:
        """Every lemma of the article (for content similarity between reports)."""
        return frozenset(lem for p in self.passages for lem in p.lemmas)


def content_hash(text: str) -> str:
    """Hash of the text with case and whitespace normalised (dedupes reprints)."""
    return hashlib.sha256(SPACES.sub(" ", text).strip().lower().encode("utf-8")).hexdigest()


def outlet_from_url(url: str | None) -> str | None:
    """The site name of a URL ("tass.ru"), or None."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


class ArticleAnalyser:
    """Turns raw documents into analysed articles; holds the heavy NLP objects."""

    def __init__(
        self, *, registry: PersonRegistry, lemmatizer: Lemmatizer, extractor: ContactExtractor
    ) -> None:
        self.registry = registry
        self.lemmatizer = lemmatizer
        self.extractor = extractor

    def analyse(self, doc: RawDocument) -> AnalysedArticle:
        """Clean, split, lemmatise and extract contacts from one document."""
        if doc.raw_txt:
            parsed = parse_txt_article(doc.text, name=doc.external_id)
            title, text = doc.title or parsed.title, parsed.text
            published = doc.published or parsed.published
            outlet = doc.outlet or parsed.outlet
        else:
            title, text, published, outlet = (
                doc.title,
                clean_text(doc.text),
                doc.published,
                doc.outlet,
            )
        outlet = outlet or outlet_from_url(doc.url)
        passages = []
        for span in split_passages(text):
            lemmas = tuple(self.lemmatizer.lemmas(span.text))
            passages.append(
                AnalysedPassage(span, lemmas, indexed=any(lem in CONTACT_LEMMAS for lem in lemmas))
            )
        contacts = tuple(self.extractor.extract(text, published=published, title=title))
        return AnalysedArticle(
            doc=doc,
            title=title,
            text=text,
            published=published,
            outlet=outlet,
            content_hash=content_hash(text),
            passages=tuple(passages),
            contacts=contacts,
        )
