"""Korean analysis for the search index: text → index terms.

Material's own search splits Korean only on spaces, so ``람다는`` never meets
``람다``. Here the indexed text is cut into *runs* (Hangul, Latin, numbers with
their unit), each Hangul run is segmented by Kiwi (kiwipiepy) into morphemes,
and only the content morphemes become index terms: ``코그니토를`` → ``코그니토``,
``사용자풀`` → ``사용자``, ``풀``, ``사용자풀``.

Kiwi is loaded lazily, once per process (~1 s with the lean options of
:data:`KIWI_OPTIONS`), and every distinct run is analysed once per process and
remembered. A run is always analysed on its own (never in sentence context), so
an analysis is the same in every process and the index stays byte-identical.
Across builds nothing is kept here: the per-note results are cached with the
parse (see :mod:`.noteterms`), which is what makes a warm build skip Kiwi.

The query side (``search-worker.js``) cannot run Kiwi; it strips the particles
and endings listed in :data:`SUFFIXES` and the units in :data:`UNITS`, which the
index carries, so both sides share one list. Pages made from the graph are
analysed the same way as queries (:func:`vocabulary_analyse`), without Kiwi.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from . import runstore

#: One morpheme: surface form, Sejong tag, start and length inside its run.
Morph = tuple[str, str, int, int]

RunKind = Literal["num", "lat", "hang", "han"]

#: Particles and endings a Korean reader glues to a word, longest first. The
#: query side strips them only when what remains is a known term, so a long
#: list costs nothing in precision (``시간`` stays ``시간``, not ``시`` + ``간``).
# fmt: off
SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        {
            # case and auxiliary particles
            "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만",
            "나", "랑", "께", "란", "야", "요", "들",
            "에서", "에게", "한테", "으로", "까지", "부터", "처럼", "보다", "마다", "이나",
            "이란", "이랑", "라는", "에는", "에도", "와는", "과는", "로는", "로도", "이며",
            "이고", "이다", "이면", "이라", "이든", "든지", "조차", "마저", "밖에", "하고",
            "에서는", "에서도", "으로는", "으로도", "에게는", "까지는", "부터는", "이라는",
            "이라고", "이라도", "에서의", "으로의", "와의", "과의", "에의", "만의",
            "으로부터", "에서부터", "로부터",
            # endings of 하다/되다 verbs and copula, stripped back to the noun
            "하다", "한다", "하는", "하며", "하여", "해서", "했다", "하기", "하면",
            "하지", "한", "할", "함", "해", "해야", "하게", "되다", "된다", "되는", "되어",
            "되고", "되며", "되면", "된", "될", "됨", "돼", "입니다", "합니다", "됩니다",
            "이에요", "예요", "이지만", "지만", "이었다", "였다", "임", "적", "적인", "적으로",
            # endings after a verb or adjective stem
            "음", "기", "고", "며", "면", "게", "지", "다", "어", "아",
        },
        key=lambda s: (-len(s), s),
    )
)

_SUFFIX_SET = frozenset(SUFFIXES)
_LONGEST_SUFFIX = max(map(len, SUFFIXES))

#: Korean units (counters) written right after a number: ``15분``, ``3개월``.
UNITS: tuple[str, ...] = tuple(
    sorted(
        {
            "초", "분", "시간", "일", "주", "개월", "월", "년", "개", "배", "건", "회", "번",
            "명", "자리", "단위", "만", "천", "억", "밀리초", "바이트", "코어", "리전", "대",
        },
        key=lambda s: (-len(s), s),
    )
)
# fmt: on

#: Units a quantity term is made for, as (dimension, factor to the base unit).
#: Bytes are binary, as AWS quotas are (1 GB = 1024 MB).
# fmt: off
UNIT_SCALES: dict[str, tuple[str, int | float]] = {
    "ms": ("s", 0.001), "밀리초": ("s", 0.001), "s": ("s", 1), "초": ("s", 1),
    "분": ("s", 60), "min": ("s", 60), "시간": ("s", 3600), "h": ("s", 3600),
    "일": ("s", 86400),
    "b": ("b", 1), "kb": ("b", 1024), "mb": ("b", 1024**2), "gb": ("b", 1024**3),
    "tb": ("b", 1024**4),
}
# fmt: on


def quantity_term(number: str, unit: str) -> str:
    """The unit-free term of a quantity, ``=900s`` for ``15분`` and ``900초``; "" if none.

    ``=`` never survives tokenizing, so no typed word collides with it. Only
    whole results are kept: JavaScript prints them the same way (the worker
    makes the same term for a query).
    """
    scale = UNIT_SCALES.get(unit)
    if scale is None:
        return ""
    value = float(number) * scale[1]
    if not value.is_integer() or value >= 2**53:
        return ""
    return f"={int(value)}{scale[0]}"


# A number keeps its thousands separators and decimals ("1,000", "0.20") and the
# Latin unit glued to it ("128MB", "66%"); Latin words may carry digits ("ec2").
_RUN_RE = re.compile(
    r"(?P<num>[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)(?P<unit>%|[a-z]+)?"
    r"|(?P<lat>[a-z][a-z0-9]*)"
    r"|(?P<hang>[가-힣]+)"
    r"|(?P<han>[\u4e00-\u9fff]+)"
)

_HANGUL_WORD = re.compile(r"[가-힣]+").fullmatch
_NOUN_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "XR", "SL", "SN", "SH"})
_JOIN_TAGS = _NOUN_TAGS | {"XSN", "XPN"}  # may sit inside a compound: 초기+화, 비+동기
_HEAD_TAGS = ("VV", "VA", "VX", "MAG")  # a run led by these keeps its (stripped) surface


def normalise(text: str) -> str:
    """NFKC and lower case: full-width letters, compatibility forms and case all fold."""
    return unicodedata.normalize("NFKC", text).lower()


@dataclass(frozen=True, slots=True)
class Run:
    """A maximal piece of one script in normalised text: the unit of analysis.

    ``gap`` is what separates it from the previous run: ``""`` (glued, as in
    ``Lambda의``), ``" "`` (whitespace) or ``"."`` (anything else).
    """

    kind: RunKind
    text: str
    gap: str
    unit: str = ""  # for numbers: "mb", "%", "분"…


def split_runs(text: str) -> list[Run]:
    """Cut normalised text into runs, gluing a Korean unit onto the number before it.

    ``(15분)`` gives the number run ``15`` with unit ``분``; ``15분이며`` also
    leaves the Hangul run ``이며`` for the analyser (it yields no term).
    """
    runs: list[Run] = []
    end = 0
    for match in _RUN_RE.finditer(text):
        between = text[end : match.start()]
        gap = "" if not between else (" " if between.isspace() else ".")
        end = match.end()
        if match.group("num") is not None:
            number = match.group("num").replace(",", "")
            runs.append(Run("num", number, gap, match.group("unit") or ""))
            continue
        kind: RunKind = match.lastgroup  # type: ignore[assignment]
        value = match.group(kind)
        previous = runs[-1] if runs else None
        if kind == "hang" and previous and previous.kind == "num" and not previous.unit:
            unit, rest = _unit_prefix(value, spaced=gap == " ")
            if unit and gap in ("", " "):
                runs[-1] = Run("num", previous.text, previous.gap, unit)
                if rest:
                    runs.append(Run("hang", rest, ""))
                continue
        runs.append(Run(kind, value, gap))
    return runs


def _unit_prefix(word: str, *, spaced: bool) -> tuple[str, str]:
    """The Korean unit that starts ``word`` and the rest; ``("", word)`` if none.

    After a space (``15 분``) the rest must be a particle, so ``100 일반`` is not
    read as ``100일``.
    """
    for unit in UNITS:
        if word.startswith(unit):
            rest = word[len(unit) :]
            if not spaced or not rest or rest in _SUFFIX_SET:
                return unit, rest
    return "", word


def strip_suffix(word: str, known: Callable[[str], bool]) -> str:
    """``word`` without the particle or ending glued to it, if what remains is ``known``.

    Up to two layers come off (``사용자들의`` → ``사용자``) and the longest
    known stem wins; ``word`` comes back unchanged when nothing fits. The worker
    does the same for queries.
    """
    if known(word):
        return word
    for cut in range(len(word) - 1, 0, -1):  # longest stem first
        rest = word[cut:]
        if known(word[:cut]) and (rest in _SUFFIX_SET or _two_suffixes(rest)):
            return word[:cut]
    return word


def _two_suffixes(rest: str) -> bool:
    return any(rest[:i] in _SUFFIX_SET and rest[i:] in _SUFFIX_SET for i in range(1, len(rest)))


@dataclass(frozen=True, slots=True)
class HangulTerms:
    """What one analysed Hangul run contributes to the index."""

    terms: tuple[str, ...]  # every content term, compounds included
    head: str | None  # the run's main word (for alias phrases), None for bare particles


def hangul_terms(run: str, morphs: Sequence[Morph]) -> HangulTerms:
    """Turn Kiwi's morphemes for ``run`` into index terms.

    Nouns and the compounds of adjacent nouns are kept (``자격증명을`` →
    ``자격``, ``증명``, ``자격증명``); particles and endings are dropped. A run
    led by a verb, adjective or adverb keeps its surface up to the last content
    morpheme (``빠른``, ``높은`` → ``높``), which is what the query side strips to.
    """
    terms: list[str] = []
    groups: list[list[Morph]] = [[]]
    for morph in morphs:
        form, tag = morph[0], morph[1]
        if tag in _JOIN_TAGS and not (tag == "XSN" and form == "들"):
            groups[-1].append(morph)
        elif groups[-1]:
            groups.append([])
    for group in groups:
        nouns = [m[0] for m in group if m[1] in _NOUN_TAGS]
        terms.extend(nouns)
        if len(group) > 1:
            terms.append("".join(m[0] for m in group))
    if len(run) >= 3 and any(
        m[1] == "VCP" and m[3] == 0 and i and morphs[i - 1][1] in ("NNG", "NNP")
        for i, m in enumerate(morphs)
    ):
        # An elided copula is Kiwi's guess for a word it does not know: 스토리지
        # is read as 스토리 + (이)지. Keep the whole word too.
        terms.append(run)
    head: str | None = None
    if morphs and morphs[0][1] in _JOIN_TAGS and groups[0]:
        head = "".join(m[0] for m in groups[0])
    elif morphs and morphs[0][1].startswith(_HEAD_TAGS):
        end = max(m[2] + m[3] for m in morphs if m[1].startswith(_HEAD_TAGS) or m[1] in _JOIN_TAGS)
        head = run[:end]
        terms.append(head)
    return HangulTerms(tuple(dict.fromkeys(t for t in terms if t)), head)


# --------------------------------------------------------------------------- Kiwi

#: Kiwi without its typo and multi-word dictionaries: runs are analysed one by one
#: and without typo correction, so neither is ever used; leaving them out halves
#: Kiwi's load and warm-up (2.4 s → 1.0 s) and gives the same morphemes.
KIWI_OPTIONS: dict[str, bool] = {"load_typo_dict": False, "load_multi_dict": False}

Analyse = Callable[[list[str]], list[tuple["Morph", ...]]]

_KIWI: Any = None  # one Kiwi per process: loading it is the expensive part
_KIWI_PID = 0  # the process that loaded it
_MEMORY: dict[str, tuple[Morph, ...]] = {}  # run -> Kiwi's morphemes, for the whole process
_WORDS: dict[str, WordTerms] = {}  # normalised word -> its terms, for the whole process


def store_identity() -> str:
    """What Kiwi's analyses kept between processes (see :mod:`.runstore`) depend on."""
    options = json.dumps(KIWI_OPTIONS, sort_keys=True)
    return f"kiwipiepy {kiwi_version()} {options} {STORE_FORMAT}"


#: Changes the store's identity when what is kept per run changes (see _kiwi_analyse).
STORE_FORMAT = "1"


def kiwi_version() -> str:
    """The installed kiwipiepy version, or ``""``; part of the analyser's fingerprint."""
    try:
        return importlib.metadata.version("kiwipiepy")
    except importlib.metadata.PackageNotFoundError:
        return ""


def _load_kiwi() -> Any:
    """This process's Kiwi. One inherited through ``fork()`` is not used: its worker
    threads stayed in the parent, and the first analysis would wait for them forever."""
    global _KIWI, _KIWI_PID
    if _KIWI is None or os.getpid() != _KIWI_PID:
        from kiwipiepy import Kiwi  # imported lazily: a warm build never needs it

        _KIWI, _KIWI_PID = Kiwi(**KIWI_OPTIONS), os.getpid()
    return _KIWI


def kiwi_loaded() -> bool:
    """Whether this process has its Kiwi (the first analysis here would not wait ~1 s)."""
    return _KIWI is not None and os.getpid() == _KIWI_PID


def _kiwi_analyse(runs: list[str]) -> list[tuple[Morph, ...]]:
    """Analyse runs in one batch; each run alone, so results do not depend on neighbours."""
    kiwi = _load_kiwi()
    # A dictionary entry may come back with a space ("로드 엔드"): drop it, the
    # term is the run's own spelling.
    return [
        tuple((t.form.replace(" ", ""), t.tag, t.start, t.len) for t in tokens if t.form.strip())
        for tokens in kiwi.tokenize(runs)
    ]


def warm_up() -> None:
    """Load Kiwi and analyse one word, so the next note's analysis does not wait
    (loading takes ~0.4 s and the first analysis sets up ~0.5 s more). For a
    long-lived process (``serve``) between its first build and the first edit."""
    if kiwi_version():
        _kiwi_analyse(["람다는"])


def _fallback_analyse(runs: list[str]) -> list[tuple[Morph, ...]]:
    """Without kiwipiepy: each run is one noun with a known particle stripped."""
    out: list[tuple[Morph, ...]] = []
    for run in runs:
        stem = run
        for suffix in SUFFIXES:
            if len(run) > len(suffix) + 1 and run.endswith(suffix):
                stem = run[: -len(suffix)]
                break
        out.append(((stem, "NNG", 0, len(stem)),))
    return out


def vocabulary_analyse(known: Collection[str]) -> Analyse:
    """Analysis as the query side does it: a run is its longest ``known`` stem.

    Used for the few pages made from the graph (service, comparison, review
    pages): their words are the notes' words, so the notes' terms are the
    vocabulary, and no Kiwi is loaded for them.
    """

    def analyse(runs: list[str]) -> list[tuple[Morph, ...]]:
        out: list[tuple[Morph, ...]] = []
        for run in runs:
            stem = strip_suffix(run, known.__contains__)
            out.append(((stem, "NNG", 0, len(stem)),))
        return out

    return analyse


@dataclass(frozen=True, slots=True)
class WordTerms:
    """What one space-separated word (eojeol) contributes, computed once per distinct word."""

    terms: tuple[str, ...]  # with repeats: ``15분`` gives ``15``, ``15분``
    heads: tuple[str, ...]  # main word of each run (``api``, ``gateway``; ``람다`` of ``람다는``)
    surface: str = ""  # runs joined, glued particle dropped: ``lambdaedge`` of ``Lambda@Edge의``
    ends: tuple[str, ...] = ()  # ``surface`` and its stems without a particle (a phrase's end)
    number_tail: str = ""  # the word ends in a bare number: ``15`` of ``15 분``
    unit_lead: str = ""  # the word is a Korean unit plus particles: ``분`` of ``분만``


def name_key(name: str) -> str:
    """The key of a service or feature name: its runs joined (``API Gateway`` → ``apigateway``).

    Made the same way by the analyser (phrases in notes), the index (synonym
    groups) and the worker (query words), without Kiwi, so all three agree.
    """
    return "".join(_run_surface(r) for r in split_runs(normalise(name)))


def _run_surface(run: Run) -> str:
    return run.text + run.unit if run.kind == "num" else run.text


class KoreanAnalyzer:
    """Terms of words, remembered per distinct word; Hangul runs go to ``analyse``.

    ``analyse`` defaults to Kiwi (loaded on first need) with one memory for the
    whole process, so a second build in the same process (``serve``) pays
    nothing; an injected ``analyse`` function gets its own memory.
    """

    def __init__(self, analyse: Analyse | None = None) -> None:
        self._analyse = analyse
        self._morphs: dict[str, tuple[Morph, ...]] = _MEMORY if analyse is None else {}
        self._words: dict[str, WordTerms] = _WORDS if analyse is None else {}
        self.analysed = 0  # runs sent to ``analyse`` by this analyser

    def prepare(self, runs: Iterable[str]) -> None:
        """Make sure every Hangul run is analysed, loading Kiwi only if one is missing."""
        missing = sorted({r for r in runs if r not in self._morphs})
        if not missing:
            return
        analyse = self._analyse
        kiwi = analyse is None and bool(kiwi_version())
        if kiwi and runstore.active():  # analysed by an earlier process?
            stored = runstore.fetch(missing)
            self._morphs.update(stored)
            missing = [r for r in missing if r not in stored]
            if not missing:
                return
        if analyse is None:
            analyse = _kiwi_analyse if kiwi else _fallback_analyse
        analysed = analyse(missing)
        for run, morphs in zip(missing, analysed, strict=True):
            self._morphs[run] = morphs
        if kiwi:
            runstore.remember(zip(missing, analysed, strict=True))
        self.analysed += len(missing)

    def prepare_words(self, words: Iterable[str]) -> None:
        """Analyse every new normalised word, all their Hangul runs in one batch."""
        fresh = [w for w in set(words) if w not in self._words]
        # Most words are Hangul only: one run, no need for the tokenizer.
        split = {w: [Run("hang", w, "")] if _HANGUL_WORD(w) else split_runs(w) for w in fresh}
        self.prepare(r.text for runs in split.values() for r in runs if r.kind == "hang")
        for word, runs in split.items():
            self._words[word] = self._word_terms(runs)

    def word(self, word: str) -> WordTerms:
        """Terms of one normalised word (analysed on demand if :meth:`prepare_words` missed it)."""
        found = self._words.get(word)
        if found is None:
            self.prepare_words([word])
            found = self._words[word]
        return found

    def morphs(self, run: str) -> tuple[Morph, ...]:
        """Morphemes of one Hangul run."""
        if run not in self._morphs:
            self.prepare([run])
        return self._morphs[run]

    def _word_terms(self, runs: list[Run]) -> WordTerms:
        terms: list[str] = []
        heads: list[str] = []
        surface: list[str] = []
        previous: Run | None = None
        for run in runs:
            if (
                run.kind == "hang"
                and run.text in _SUFFIX_SET
                and previous
                and previous.kind != "hang"
            ):
                # The particle of "Lambda의" or "S3에서": alone, Kiwi reads 의 as a noun.
                continue
            previous = run
            surface.append(_run_surface(run))
            if run.kind == "hang" and run.text in _SUFFIX_SET:
                continue  # a bare particle written apart ("람다 의")
            if run.kind == "num":
                terms.append(run.text)
                head = run.text + run.unit
                if run.unit:
                    terms.append(head)
                    if run.unit.isascii() and run.unit != "%":
                        terms.append(run.unit)  # "3GB" is also found by "GB"
                    same = quantity_term(run.text, run.unit)
                    if same:
                        terms.append(same)  # "15분" and "900초" meet at "=900s"
            elif run.kind == "hang":
                found = hangul_terms(run.text, self._morphs[run.text])
                terms.extend(found.terms)
                head = found.head or ""
            else:
                terms.append(run.text)
                head = run.text
            if head:
                heads.append(head)
        tail = runs[-1].text if runs and runs[-1].kind == "num" and not runs[-1].unit else ""
        lead = ""
        if runs and runs[0].kind == "hang":
            unit, _rest = _unit_prefix(runs[0].text, spaced=True)
            lead = unit if len(runs) == 1 else ""
        whole = "".join(surface)
        return WordTerms(tuple(terms), tuple(heads), whole, _ends(whole), tail, lead)


def _ends(surface: str) -> tuple[str, ...]:
    """``surface`` and what is left of it without a particle or ending (``풀과`` → ``풀``)."""
    ends = [surface]
    for n in range(1, min(_LONGEST_SUFFIX, len(surface) - 1) + 1):
        if surface[-n:] in _SUFFIX_SET:
            ends.append(surface[:-n])
    return tuple(ends)


def clear_memory() -> None:
    """Forget the in-process analyses (tests and benchmarks use it to measure a cold build)."""
    _MEMORY.clear()
    _WORDS.clear()
