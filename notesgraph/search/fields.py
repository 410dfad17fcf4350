"""Term frequencies of one field (a title or a text) and a page's local postings.

Shared by the per-note analyser (:mod:`.noteterms`, Kiwi in the parse workers)
and the index assembly (:mod:`.index`, graph pages analysed without Kiwi): both
turn a page's docs into the same :class:`PageTerms`, so the assembly only joins
pages. A doc's weight for a term is one 3-bit code: 1 if the term is in the
title, plus the text frequency bucket × 2 (0 absent, 1 once, 2 two or three
times, 3 more), the worker's whole notion of term weight.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from ..pickling import compact
from .korean import SUFFIXES, KoreanAnalyzer, WordTerms, normalise

#: Longest alias phrase, in words (``Kinesis Data Firehose`` is three).
MAX_PHRASE = 4
#: Characters of text kept per doc for the result snippet (Material shows ~200).
SNIPPET = 200

# Text frequency (capped at 4) → posting code bits: bucket × 2.
_BUCKET = (0, 2, 4, 4, 6)
#: What may be left glued to a known stem (``프록시에``, ``확장성``). One-syllable
#: endings such as 지 or 기 are left out: 이미지 and 페이지 are not 이미 and 페이.
# fmt: off
_ENDINGS = frozenset(s for s in SUFFIXES if len(s) > 1) | {
    "에", "를", "을", "는", "은", "의", "와", "과", "로", "도", "만", "이", "가",
    "된", "될", "할", "한", "해", "하", "화", "성", "용", "형",
}
# fmt: on


@compact
@dataclass(frozen=True, slots=True)
class DocFields:
    """One doc of a page before analysis: where it is and what it says."""

    anchor: str  # "" for the page's own doc (always the first)
    title: str
    text: str
    context: str = ""  # the headings above a section: counted as text, never shown


@compact
@dataclass(frozen=True, slots=True)
class PageTerms:
    """A page's docs and postings, ready to be joined into the index.

    Everything is text so that the parse cache stores (and loads) a note's
    result as four objects, and the assembly never touches single postings:

    ``terms``     the page's distinct terms, sorted, joined by ``"\\n"``;
    ``docs``      JSON array of ``[anchor, title, snippet]``, the page's own doc first;
    ``postings``  :func:`varints` holding, per term in ``terms`` order, its number
                  of docs then its entries ``(doc - previous doc) * 8 + code``
                  (doc = index in ``docs``, previous starts at 0);
    ``size``      the number of docs.
    """

    terms: str
    docs: str
    postings: str
    size: int


class FieldCounter:
    """Counts the terms of fields (lists of normalised words) with one analyser.

    Word terms are counted in C (``map`` over a dict); the Python-level scan for
    terms spelled across words (``15 분``, ``API Gateway``) only runs on fields
    holding a word able to start one. ``phrases`` are name keys (see
    :func:`.korean.name_key`); a phrase found in a field adds its key as a term.
    """

    def __init__(self, analyzer: KoreanAnalyzer, phrases: Collection[str]) -> None:
        self.analyzer = analyzer
        self.phrases = frozenset(phrases)
        # A phrase may start at any word whose surface is a proper prefix of a key.
        self.starts = frozenset(key[:n] for key in self.phrases for n in range(1, len(key)))
        self.infos: dict[str, WordTerms] = {}
        self.terms: dict[str, tuple[str, ...]] = {}
        self.spanning: set[str] = set()  # words that may begin a number+unit or a phrase

    def prepare(self, fields: Iterable[list[str]]) -> None:
        """Analyse every new word of ``fields`` in one batch (one Kiwi call per page)."""
        words = {w for field in fields for w in field if w not in self.infos}
        if not words:
            return
        self.analyzer.prepare_words(words)
        for word in words:
            info = self.analyzer.word(word)
            self.infos[word] = info
            # A name written as one word (Lambda@Edge의, 스토리지에) is its key too.
            names = [e for e in info.ends if e in self.phrases and e not in info.terms]
            self.terms[word] = (*info.terms, *names[:1]) if names else info.terms
            if info.number_tail or info.surface in self.starts:
                self.spanning.add(word)

    def count(self, words: list[str]) -> Counter[str]:
        """Term frequencies of one field; :meth:`prepare` must have seen its words."""
        counts = Counter(chain.from_iterable(map(self.terms.__getitem__, words)))
        if not self.spanning.isdisjoint(words):
            counts.update(self._spanning(words))
        return counts

    def _spanning(self, words: list[str]) -> list[str]:
        """Terms spelled across words: ``15 분`` → ``15분``, ``API Gateway를`` → ``apigateway``."""
        infos = self.infos
        found: list[str] = []
        for i, word in enumerate(words):
            if word not in self.spanning:
                continue
            info = infos[word]
            if info.number_tail and i + 1 < len(words):
                unit = infos[words[i + 1]].unit_lead
                if unit:
                    found.append(info.number_tail + unit)
            key = info.surface
            if key not in self.starts:
                continue
            for after in words[i + 1 : i + MAX_PHRASE]:
                following = infos[after]
                found.extend(
                    k
                    for k in dict.fromkeys(key + end for end in following.ends)
                    if k in self.phrases
                )
                key += following.surface
                if key not in self.starts:
                    break
        return found


def words_of(text: str) -> list[str]:
    """The normalised words of a title or text."""
    return normalise(text).split()


def page_terms(docs: Sequence[DocFields], counter: FieldCounter) -> PageTerms:
    """Analyse one page's docs into its :class:`PageTerms`.

    Within the page, a long Hangul term Kiwi kept whole is also found by its
    parts when the page writes them on their own (``람다함수`` → ``람다``,
    ``함수``; ``프록시에`` → ``프록시``): the page's own words are its vocabulary.
    """
    titles = [words_of(d.title) for d in docs]
    texts = [words_of(f"{d.text}\n{d.context}" if d.context else d.text) for d in docs]
    counter.prepare(chain(titles, texts))
    codes: list[dict[str, int]] = []
    for title_words, text_words in zip(titles, texts, strict=True):
        title = counter.count(title_words)
        text = counter.count(text_words)
        code = {t: _BUCKET[min(n, 4)] + (t in title) for t, n in text.items()}
        for term in title.keys() - text.keys():
            code[term] = 1
        codes.append(code)
    _add_parts(codes, counter, chain.from_iterable(titles + texts))
    return encode_page(docs, codes)


def _add_parts(codes: list[dict[str, int]], counter: FieldCounter, words: Iterable[str]) -> None:
    """Give each compound's docs to its parts (the stronger code per doc wins)."""
    heads = {h for w in set(words) for h in counter.infos[w].heads if len(h) >= 2}
    if not heads:
        return
    split: dict[str, tuple[str, ...]] = {}
    for code in codes:
        for term in code.keys() - split.keys():
            split[term] = _split(term, heads) if len(term) >= 3 and _is_hangul(term) else ()
    for code in codes:
        extra: dict[str, int] = {}
        for term, value in code.items():
            for piece in split[term]:
                if value > extra.get(piece, 0):
                    extra[piece] = value
        for piece, value in extra.items():
            if value > code.get(piece, 0):
                code[piece] = value


def _is_hangul(term: str) -> bool:
    return all("가" <= ch <= "힣" for ch in term)


def _split(term: str, vocab: Collection[str]) -> tuple[str, ...]:
    """The fewest known pieces (two syllables or more) spelling ``term``, or ``()``.

    The last piece may instead be a particle or ending (``프록시`` + ``에``);
    a compound of known pieces needs four syllables (``람다`` + ``함수``).
    """
    n = len(term)
    if not any(term[:j] in vocab for j in range(2, n)):
        return ()  # the common case, decided without the table below
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        found = best[i]
        if found is None:
            continue
        for j in range(n, i + 1, -1):  # longest piece first: ties keep the longer head
            piece = term[i:j]
            if piece != term and piece in vocab:
                current = best[j]
                if current is None or len(found) + 1 < len(current):
                    best[j] = (*found, piece)
    pieces = best[n]
    if pieces and n >= 4:
        return pieces
    for i in range(n - 1, 1, -1):  # a known stem and what is glued to it
        if best[i] and term[i:] in _ENDINGS:
            return best[i] or ()
    return ()


def encode_page(docs: Sequence[DocFields], codes: Sequence[dict[str, int]]) -> PageTerms:
    """:class:`PageTerms` of analysed docs (``codes[i]``: term → 3-bit code of doc ``i``)."""
    postings: dict[str, list[int]] = {}
    for doc, code in enumerate(codes):
        for term, value in code.items():
            found = postings.get(term)
            if found is None:
                postings[term] = [doc, doc * 8 + value]
            else:
                # found[0] is the last doc so far; entries are delta-coded after it.
                found.append((doc - found[0]) * 8 + value)
                found[0] = doc
    terms = sorted(postings)
    flat: list[int] = []
    for term in terms:
        entries = postings[term]
        flat.append(len(entries) - 1)
        flat.extend(entries[1:])
    rows = [[d.anchor, d.title, snippet(d.text)] for d in docs]
    return PageTerms(
        terms="\n".join(terms),
        docs=json.dumps(rows, ensure_ascii=False, separators=(",", ":")),
        postings=varints(flat),
        size=len(docs),
    )


#: The 64 characters of :func:`varints`, none of which JSON escapes.
VARINT_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_SHORT = 1 << 15  # values below this have a ready-made code (three characters at most)
_CODES: list[str] = []


def varints(values: Iterable[int]) -> str:
    """Non-negative integers as text, five bits per character, low bits first.

    A character's sixth bit says another one follows: 0-31 take one character,
    up to 1,023 two. A page's postings are mostly small numbers, so this is a
    third of their size as a JSON array, and one string to parse instead of
    thousands of numbers. ``search-worker.js`` decodes it.
    """
    if not _CODES:
        _CODES.extend(_varint(v) for v in range(_SHORT))
    codes = _CODES
    try:
        return "".join(map(codes.__getitem__, values))
    except IndexError:  # a value beyond the table: rare, so the slow way is fine
        return "".join(codes[v] if v < _SHORT else _varint(v) for v in values)


def _varint(value: int) -> str:
    if value < 0:
        raise ValueError(f"varints are non-negative, not {value}")
    out = []
    while value >= 32:
        out.append(VARINT_DIGITS[32 | (value & 31)])
        value >>= 5
    out.append(VARINT_DIGITS[value])
    return "".join(out)


def snippet(text: str) -> str:
    """The doc's text with whitespace collapsed, cut at a word near :data:`SNIPPET`."""
    flat = " ".join(text.split())
    if len(flat) <= SNIPPET:
        return flat
    cut = flat.rfind(" ", SNIPPET - 30, SNIPPET)
    return flat[: cut if cut > 0 else SNIPPET] + " …"


def decode_varints(text: str) -> list[int]:
    """The integers of :func:`varints` text (tests and benchmarks read the index with it)."""
    out: list[int] = []
    value = shift = 0
    for char in text:
        digit = VARINT_DIGITS.index(char)
        value |= (digit & 31) << shift
        if digit & 32:
            shift += 5
        else:
            out.append(value)
            value = shift = 0
    return out
