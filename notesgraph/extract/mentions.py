"""Find the AWS services and features a piece of note text mentions.

Every catalogue name goes into one character trie, compiled to a single regex that
runs over the lower-cased text, so the scan happens in C and Python only sees the
few real matches. Rules (see the catalogue header for the name rules):

- the longest name wins ("DynamoDB Streams", "Lambda@Edge", "RDS 프록시"), and a
  service name directly followed by one of its features becomes one feature
  mention ("Cognito 사용자 풀", "람다 SnapStart");
- an optional "AWS "/"Amazon "/"아마존 " in front is part of the span;
- Korean names start a word but may carry particles or a compound (람다는, 람다함수);
  Latin names must not touch other Latin letters or digits (DynamoDB를 yes, xS3 no);
- words from ``not_services`` (Node.js, WebSocket, Google) are swallowed silently.

Offsets are into the NFC form of the text; NFC text (what the parser produces)
comes back with offsets unchanged.
"""

from __future__ import annotations

import functools
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from notesgraph.extract.catalog import PREFIXES, Catalog, Name, load_catalog, name_key

__all__ = ["Mention", "MentionKind", "MentionMatcher", "default_matcher", "main"]

MentionKind = Literal["service", "feature"]

_LATIN_WORD = "[a-z0-9_]"
_HANGUL_WORD = "[가-힣ㄱ-ㆎ]"
_TAILS = {
    # A plural "s" is allowed after a letter; nothing Latin may follow the name.
    "letter": f"s?(?!{_LATIN_WORD})",
    "digit": f"(?!{_LATIN_WORD})",
    # Hangul (or punctuation) endings take particles and compounds: 람다는, 람다함수.
    "free": "",
}
_GAP_CHARS = frozenset(" -")  # inside catalogue names, which are whitespace-normalised


def _prefix_pattern() -> re.Pattern[str]:
    """The AWS/Amazon/아마존 prefixes as whole words, built like the name trie (literal first)."""
    branches = []
    for prefix in PREFIXES:
        low = prefix.lower()
        word = _LATIN_WORD if low.isascii() else _HANGUL_WORD
        rest = re.escape(low[1:])
        branches.append(f"{re.escape(low[0])}(?<!{word}.){rest}[ \\t]+")
    return re.compile("|".join(branches))


_PREFIX = _prefix_pattern()


@dataclass(frozen=True, slots=True)
class Mention:
    """A service or feature named in a text: where, as written, and by which catalogue name."""

    kind: MentionKind
    service: str
    feature: str | None
    start: int
    end: int
    surface: str  # text[start:end]: prefix included, particles excluded
    name: str  # the catalogue name that matched ("람다", "Lambda", "사용자 풀")


@dataclass(frozen=True, slots=True)
class _Target:
    service: str | None  # None: a not_services word, matched only to be swallowed
    feature: str | None
    names: tuple[Name, ...]  # every spelling with this key, in catalogue order
    requires_prefix: bool


class MentionMatcher:
    """Compiled matcher for one catalogue; build it once and call :meth:`find` per text block."""

    __slots__ = ("catalog", "_pattern", "_by_key", "_exact")

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        trie = _Node()
        spellings: dict[str, list[Name]] = {}
        owners: dict[str, tuple[str | None, str | None]] = {}
        for name, service_id, feature_id in catalog.entries():
            spellings.setdefault(name.key, []).append(name)
            owners[name.key] = (service_id, feature_id)
        for word in catalog.not_services:
            spellings.setdefault(name_key(word), []).append(Name(word))
            owners[name_key(word)] = (None, None)
        self._by_key: dict[str, _Target] = {}
        # What the regex returns is nearly always a listed spelling (or its plural), so
        # a dict on the exact lower-cased text skips the key computation for those.
        self._exact: dict[str, tuple[_Target, Name]] = {}
        plurals: dict[str, tuple[_Target, Name]] = {}
        for key, names in spellings.items():
            owner_service, owner_feature = owners[key]
            target = _Target(owner_service, owner_feature, tuple(names), names[0].requires_prefix)
            self._by_key[key] = target
            for name in names:
                _insert(trie, name.text)
                lowered = name.text.lower()
                self._exact[lowered] = (target, name)
                if lowered[-1].isascii() and lowered[-1].isalpha():
                    plurals[lowered + "s"] = (target, name)
        for lowered, hit in plurals.items():
            self._exact.setdefault(lowered, hit)
        self._pattern = re.compile(_compile_trie(trie))

    def find(self, text: str) -> list[Mention]:
        """Mentions in ``text``, sorted by start and never overlapping."""
        if not text:
            return []
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        low = _lower_same_length(text)
        found: list[Mention] = []
        prefixes: dict[int, int] | None = None  # end of a prefix → its start; built on demand
        for match in self._pattern.finditer(low):
            start, end = match.span()
            hit = self._exact.get(low[start:end]) or self._lookup(low[start:end])
            if hit is None:
                continue
            target, name = hit
            service = target.service
            if service is None:  # a not_services word: matched only to be swallowed
                continue
            prefix_start = None
            if start and low[start - 1] in " \t":
                if prefixes is None:
                    prefixes = {m.end(): m.start() for m in _PREFIX.finditer(low)}
                prefix_start = prefixes.get(start)
            if prefix_start is None:
                if target.requires_prefix:
                    continue
            else:
                start = prefix_start
            feature = target.feature
            if found and feature is not None and _continues(found[-1], service, start, text):
                start = found.pop().start  # "DynamoDB 글로벌 테이블" is one feature mention
            found.append(
                Mention(
                    "service" if feature is None else "feature",
                    service,
                    feature,
                    start,
                    end,
                    text[start:end],
                    name.text,
                )
            )
        return found

    def _lookup(self, matched: str) -> tuple[_Target, Name] | None:
        """A spelling the catalogue does not list verbatim ("사용자풀", "Route53")."""
        key = name_key(matched)
        target = self._by_key.get(key)
        if target is None and key.endswith("s"):
            target = self._by_key.get(key[:-1])  # the optional plural "s"
        if target is None:
            return None
        return target, target.names[0]


@functools.cache
def default_matcher() -> MentionMatcher:
    """The matcher for the packaged catalogue, built once per process."""
    return MentionMatcher(load_catalog())


def _continues(previous: Mention, service: str, start: int, text: str) -> bool:
    """Whether a feature starting at ``start`` directly follows its own service's name."""
    return (
        previous.kind == "service"
        and previous.service == service
        and not text[previous.end : start].strip(" \t")
    )


def _lower_same_length(text: str) -> str:
    """Lower-case without moving offsets (a few characters, like 'İ', grow when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


@dataclass(slots=True)
class _Node:
    """A trie node over name keys; ``gaps`` are the children a space/hyphen may precede."""

    children: dict[str, _Node] = field(default_factory=dict)
    gaps: set[str] = field(default_factory=set)
    tail: str | None = None  # how a name ending here may be followed; None: no name ends here


def _insert(root: _Node, name: str) -> None:
    """Add a name by its key, so "Dynamo DB" and "DynamoDB" share one path.

    Sharing matters: with a separate branch per spelling the regex would stop at
    whichever branch comes first ("DynamoDB") and miss a longer name ("DynamoDB Streams").
    """
    node = root
    gap = False
    for char in name.lower():
        if char in _GAP_CHARS:
            gap = True
            continue
        if gap:
            node.gaps.add(char)
            gap = False
        node = node.children.setdefault(char, _Node())
    last = name_key(name)[-1]
    node.tail = (
        "letter"
        if last.isascii() and last.isalpha()
        else "digit"
        if last.isascii() and last.isdigit()
        else "free"
    )


def _compile_trie(root: _Node) -> str:
    """One alternative per first character, each checking the word boundary before it.

    The boundary check comes after the first literal so every top-level branch starts
    with a plain character, which lets the regex engine skip ahead using the set of
    first characters instead of trying the whole pattern at every position.
    """
    branches: list[str] = []
    for first in sorted(root.children):
        word = _LATIN_WORD if first.isascii() else _HANGUL_WORD
        lookbehind = f"(?<!{word}.)"
        branches.append(re.escape(first) + lookbehind + _compile_node(root.children[first]))
    return "|".join(branches)


def _compile_node(node: _Node) -> str:
    alternatives = []
    for char in sorted(node.children):
        gap = "[ \\t\\-]?" if char in node.gaps else ""
        alternatives.append(gap + re.escape(char) + _compile_node(node.children[char]))
    if node.tail is not None:
        alternatives.append(_TAILS[node.tail])  # last, so longer names win
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _bench(texts: Sequence[str], repeat: int) -> dict[str, float]:
    """Best-of-``repeat`` seconds for matching, against a plain word scan as the baseline."""
    t0 = time.perf_counter()
    matcher = MentionMatcher(load_catalog())
    build = time.perf_counter() - t0
    whole = "\n".join(texts)
    lines = whole.splitlines()
    word = re.compile(r"\w+")

    def best(run: Any) -> float:
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            run()
            times.append(time.perf_counter() - t)
        return min(times)

    return {
        "build": build,
        "chars": float(len(whole)),
        "bytes": float(len(whole.encode("utf-8"))),
        "mentions": float(len(matcher.find(whole))),
        "whole": best(lambda: matcher.find(whole)),
        "lines": best(lambda: [matcher.find(line) for line in lines]),
        "baseline": best(lambda: word.findall(whole)),
    }


def main(argv: Iterable[str] | None = None) -> int:
    """Print matcher speed on the given files: ``python -m notesgraph.extract.mentions F…``."""
    paths = [Path(p) for p in (sys.argv[1:] if argv is None else list(argv))]
    if not paths:
        print("usage: python -m notesgraph.extract.mentions NOTE.md [NOTE.md …]", file=sys.stderr)
        return 2
    texts = [p.read_text("utf-8") for p in paths]
    r = _bench(texts, repeat=50)
    ms = {k: r[k] * 1000 for k in ("build", "whole", "lines", "baseline")}
    print(
        f"text: {int(r['chars'])} chars ({int(r['bytes'])} bytes UTF-8) in {len(paths)} file(s),"
        f" {int(r['mentions'])} mentions"
    )
    print(f"build matcher:   {ms['build']:8.2f} ms (once per process)")
    print(f"find, one text:  {ms['whole']:8.3f} ms  ({r['whole'] / r['baseline']:.1f}× \\w+ scan)")
    print(f"find, per line:  {ms['lines']:8.3f} ms  ({r['lines'] / r['baseline']:.1f}× \\w+ scan)")
    print(f"baseline \\w+:    {ms['baseline']:8.3f} ms")
    mb_per_s = r["bytes"] / r["whole"] / 1e6
    print(f"throughput:      {mb_per_s:8.1f} MB/s → a 16 MB vault in {16 / mb_per_s:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
