"""Korean particles in the form the word before them asks for, to fill sentence templates."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
#: How digits are read in Korean (일, 이, 삼 …): "" no final consonant, "ㄹ", "x" other.
_DIGIT_FINALS = {
    "0": "x",
    "1": "ㄹ",
    "2": "",
    "3": "x",
    "4": "",
    "5": "",
    "6": "x",
    "7": "ㄹ",
    "8": "ㄹ",
    "9": "",
}
#: Particles that change with the final consonant: (after consonant, after vowel).
_PAIRS = {
    "은": ("은", "는"),
    "는": ("은", "는"),
    "이": ("이", "가"),
    "가": ("이", "가"),
    "을": ("을", "를"),
    "를": ("을", "를"),
    "과": ("과", "와"),
    "와": ("과", "와"),
}


class Mention(NamedTuple):
    """A word as written in a note and the final-consonant class used for particles."""

    text: str
    final: str  # "" (ends in a vowel), "ㄹ", or "x" (any other final consonant)


def final_of(word: str, hint: str | None = None) -> str:
    """Return the final-consonant class of ``word`` as a Korean reader pronounces it.

    Hangul is decided by its last syllable; English names need ``hint`` because the
    reading decides (IAM은 but SQS는), otherwise a letter/digit rule is a fair guess.
    """
    stripped = word.rstrip(" )*]=.'\"")
    if not stripped:
        return hint or ""
    code = ord(stripped[-1])
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        jong = (code - _HANGUL_FIRST) % 28
        return "" if jong == 0 else "ㄹ" if jong == 8 else "x"
    if hint is not None:
        return hint
    last = stripped[-1]
    if last in _DIGIT_FINALS:
        return _DIGIT_FINALS[last]
    return {"L": "ㄹ", "R": "ㄹ", "M": "x", "N": "x"}.get(last, "")


def attach(word: str, final: str, particle: str) -> str:
    """Attach a particle in the form the final consonant asks for (람다는, IAM은, 로/으로)."""
    if particle in _PAIRS:
        after_consonant, after_vowel = _PAIRS[particle]
        return word + (after_consonant if final else after_vowel)
    if particle.startswith(("으로", "로")):
        rest = particle[2:] if particle.startswith("으로") else particle[1:]
        return word + ("로" if final in ("", "ㄹ") else "으로") + rest
    if particle.startswith("이") and len(particle) > 1:  # copula forms: 이다/다, 이라고/라고
        return word + (particle if final else particle[1:])
    return word + particle


_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")
_Part = tuple[str, str, str]  # text before the slot, slot name ("" at the end), particle
_COMPILED: dict[str, tuple[_Part, ...]] = {}


def template_parts(template: str) -> tuple[_Part, ...]:
    """Split a template once into (literal, slot, particle) parts; cached, it is hot."""
    parts = _COMPILED.get(template)
    if parts is None:
        found, last = [], 0
        for match in _SLOT.finditer(template):
            found.append((template[last : match.start()], match.group(1), match.group(2) or ""))
            last = match.end()
        parts = _COMPILED[template] = (*found, (template[last:], "", ""))
    return parts


def fill(template: str, slots: Mapping[str, Mention | str]) -> str:
    """Fill ``{A:는}``-style slots: the value, then the particle that fits it."""
    out: list[str] = []
    for literal, key, particle in template_parts(template):
        out.append(literal)
        if key:
            value = slots[key]
            text, final = value if isinstance(value, Mention) else (value, final_of(value))
            out.append(attach(text, final, particle) if particle else text)
    return "".join(out)
