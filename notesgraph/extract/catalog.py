"""The AWS service catalogue: services, their features and every name a note may use.

The data is ``notesgraph/data/aws_services.yaml`` (its header documents the schema);
a vault may add aliases and services in its config. Everything is validated on load
so the mention matcher can trust that each name belongs to exactly one owner.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

import yaml

__all__ = [
    "PREFIXES",
    "Catalog",
    "CatalogError",
    "Category",
    "Feature",
    "Name",
    "Service",
    "load_catalog",
    "name_key",
    "normalize_name",
]

#: Words a note may put in front of any service name ("AWS Lambda", "아마존 S3").
PREFIXES: tuple[str, ...] = ("AWS", "Amazon", "아마존")

PACKAGED_FILE = "aws_services.yaml"
_PACKAGED_SOURCE = f"notesgraph/data/{PACKAGED_FILE}"
_EXTRA_SOURCE = "vault config"

_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_GAP_RE = re.compile(r"[\s\-]+")
_SERVICE_KEYS = frozenset(
    {"id", "label", "category", "names", "ko", "part_of", "related", "features"}
)
_FEATURE_KEYS = frozenset({"id", "label", "names", "ko"})
_NAME_KEYS = frozenset({"name", "requires_prefix"})
_EXTRA_KEYS = frozenset({"aliases", "services", "not_services"})
_Owner = tuple[str, "str | None"]


class CatalogError(ValueError):
    """The catalogue or a vault's additions are malformed; the message names the entry."""


def normalize_name(text: str) -> str:
    """A name as stored: NFC, trimmed, inner whitespace collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def name_key(text: str) -> str:
    """A name's identity: lower-case, no spaces or hyphens ("Route 53" is "route53").

    Two spellings with the same key are the same name, which is why the matcher may
    treat spaces and hyphens inside names as optional.
    """
    return _GAP_RE.sub("", unicodedata.normalize("NFC", text).lower())


def _is_word_start(char: str) -> bool:
    return (char.isascii() and char.isalnum()) or "가" <= char <= "힣"


@dataclass(frozen=True, slots=True)
class Name:
    """One way to write a service or feature; ``requires_prefix`` names need AWS/Amazon first."""

    text: str
    requires_prefix: bool = False

    @property
    def key(self) -> str:
        return name_key(self.text)


@dataclass(frozen=True, slots=True)
class Category:
    """A catalogue category such as ``compute`` ("Compute")."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Feature:
    """A sub-concept of one service (DynamoDB Streams, Cognito user pools)."""

    id: str
    service: str
    label: str
    names: tuple[Name, ...]  # English; starts with the label unless it is listed
    ko: tuple[Name, ...]

    @property
    def all_names(self) -> tuple[Name, ...]:
        return self.names + self.ko


@dataclass(frozen=True, slots=True)
class Service:
    """An AWS service with its names, family (``part_of``) and features."""

    id: str
    label: str
    category: str
    names: tuple[Name, ...]  # English; starts with the label unless it is listed
    ko: tuple[Name, ...]
    part_of: str | None = None
    related: tuple[str, ...] = ()
    features: tuple[Feature, ...] = ()

    @property
    def all_names(self) -> tuple[Name, ...]:
        return self.names + self.ko

    def feature(self, feature_id: str) -> Feature:
        for feat in self.features:
            if feat.id == feature_id:
                return feat
        raise KeyError(f"service {self.id!r} has no feature {feature_id!r}")


@dataclass(frozen=True, slots=True, eq=False)
class Catalog:
    """All services (sorted by id), categories and not-a-service words, with lookups."""

    services: tuple[Service, ...]
    categories: tuple[Category, ...]
    not_services: tuple[str, ...]
    _by_id: Mapping[str, Service] = field(repr=False)
    _by_key: Mapping[str, _Owner] = field(repr=False)
    _not_service_keys: frozenset[str] = field(repr=False)

    def service(self, service_id: str) -> Service:
        try:
            return self._by_id[service_id]
        except KeyError:
            raise KeyError(f"no service {service_id!r} in the catalogue") from None

    def feature(self, service_id: str, feature_id: str) -> Feature:
        return self.service(service_id).feature(feature_id)

    def category(self, category_id: str) -> Category:
        for cat in self.categories:
            if cat.id == category_id:
                return cat
        raise KeyError(f"no category {category_id!r} in the catalogue")

    def lookup(self, name: str) -> Service | Feature | None:
        """The service or feature a name belongs to, ignoring case, spaces and hyphens."""
        owner = self._by_key.get(name_key(name))
        if owner is None:
            return None
        service = self._by_id[owner[0]]
        return service if owner[1] is None else service.feature(owner[1])

    def is_not_service(self, word: str) -> bool:
        """True for languages, formats, companies… that a later stage must refuse as services."""
        return name_key(word) in self._not_service_keys

    def entries(self) -> Iterator[tuple[Name, str, str | None]]:
        """Every name with its owner ``(name, service id, feature id or None)``."""
        for service in self.services:
            for name in service.all_names:
                yield name, service.id, None
            for feat in service.features:
                for name in feat.all_names:
                    yield name, service.id, feat.id


def load_catalog(extra: Mapping[str, Any] | None = None) -> Catalog:
    """The packaged catalogue, plus a vault's ``aliases``/``services``/``not_services``.

    Raises :class:`CatalogError` naming the offending entry. Without extras the same
    cached instance is returned on every call.
    """
    if not extra:
        return _packaged_catalog()
    return _build(_packaged_raw(), extra)


@functools.cache
def _packaged_raw() -> Mapping[str, Any]:
    text = resources.files("notesgraph").joinpath("data", PACKAGED_FILE).read_text("utf-8")
    # libyaml's CSafeLoader gives the same result several times faster when present.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(text, Loader=loader)
    if not isinstance(data, Mapping):
        raise CatalogError(f"{_PACKAGED_SOURCE}: expected a mapping at the top level")
    return data


@functools.cache
def _packaged_catalog() -> Catalog:
    return _build(_packaged_raw(), None)


def _build(raw: Mapping[str, Any], extra: Mapping[str, Any] | None) -> Catalog:
    categories = _parse_categories(raw.get("categories"))
    known = {c.id for c in categories}
    not_services = _parse_words(raw.get("not_services"), _PACKAGED_SOURCE, "not_services")
    services = [
        _parse_service(entry, f"{_PACKAGED_SOURCE}: services[{i}]", known)
        for i, entry in enumerate(_as_list(raw.get("services"), _PACKAGED_SOURCE, "services"))
    ]
    if extra:
        if not isinstance(extra, Mapping):
            raise CatalogError(f"{_EXTRA_SOURCE}: expected a mapping, got {extra!r}")
        unknown = set(extra) - _EXTRA_KEYS
        if unknown:
            raise CatalogError(
                f"{_EXTRA_SOURCE}: unknown key(s) {sorted(unknown)}; expected {sorted(_EXTRA_KEYS)}"
            )
        not_services += _parse_words(extra.get("not_services"), _EXTRA_SOURCE, "not_services")
        extra_services = _as_list(extra.get("services"), _EXTRA_SOURCE, "services")
        for i, entry in enumerate(extra_services):
            services.append(_parse_service(entry, f"{_EXTRA_SOURCE}: services[{i}]", known))

    by_id: dict[str, Service] = {}
    for service in services:
        if service.id in by_id:
            raise CatalogError(
                f"service {service.id!r} is defined twice; to add names to a packaged "
                "service use aliases"
            )
        by_id[service.id] = service
    if extra and extra.get("aliases"):
        _apply_aliases(by_id, extra["aliases"])
    _check_links(by_id)

    ordered = tuple(sorted(by_id.values(), key=lambda s: s.id))
    by_key = _index_names(ordered)
    word_keys: dict[str, str] = {}
    for word in not_services:
        key = name_key(word)
        if key in by_key:
            owner = _describe(by_key[key])
            raise CatalogError(f"not_services: {word!r} is also a name of {owner}")
        word_keys.setdefault(key, word)
    return Catalog(
        services=ordered,
        categories=categories,
        not_services=tuple(word_keys.values()),
        _by_id=by_id,
        _by_key=by_key,
        _not_service_keys=frozenset(word_keys),
    )


def _parse_categories(value: Any) -> tuple[Category, ...]:
    where = f"{_PACKAGED_SOURCE}: categories"
    result: list[Category] = []
    for i, entry in enumerate(_as_list(value, _PACKAGED_SOURCE, "categories")):
        if not isinstance(entry, Mapping) or set(entry) != {"id", "label"}:
            raise CatalogError(f"{where}[{i}]: expected {{id, label}}, got {entry!r}")
        result.append(Category(_slug(entry["id"], f"{where}[{i}]"), _text(entry["label"], where)))
    if len({c.id for c in result}) != len(result):
        raise CatalogError(f"{where}: duplicate category id")
    if not result:
        raise CatalogError(f"{where}: no categories defined")
    return tuple(result)


def _parse_service(entry: Any, where: str, categories: set[str]) -> Service:
    if not isinstance(entry, Mapping):
        raise CatalogError(f"{where}: expected a mapping, got {entry!r}")
    if "id" in entry:
        where = f"{where} (id {entry['id']!r})"
    _check_keys(entry, _SERVICE_KEYS, {"id", "label", "category"}, where)
    service_id = _slug(entry["id"], where)
    label = normalize_name(_text(entry["label"], f"{where}: label"))
    category = entry["category"]
    if not isinstance(category, str) or category not in categories:
        raise CatalogError(
            f"{where}: unknown category {category!r}; use one of {', '.join(sorted(categories))}"
        )
    part_of = entry.get("part_of")
    if part_of is not None:
        part_of = _slug(part_of, f"{where}: part_of")
    related = tuple(
        _slug(r, f"{where}: related") for r in _as_list(entry.get("related"), where, "related")
    )
    features: list[Feature] = []
    for i, raw_feature in enumerate(_as_list(entry.get("features"), where, "features")):
        feat = _parse_feature(raw_feature, f"{where}: features[{i}]", service_id)
        if any(f.id == feat.id for f in features):
            raise CatalogError(f"{where}: feature id {feat.id!r} is used twice")
        features.append(feat)
    ko = _parse_names(entry.get("ko"), f"{where}: ko")
    return Service(
        id=service_id,
        label=label,
        category=category,
        names=_with_label(label, _parse_names(entry.get("names"), f"{where}: names"), ko),
        ko=ko,
        part_of=part_of,
        related=related,
        features=tuple(features),
    )


def _parse_feature(entry: Any, where: str, service_id: str) -> Feature:
    if not isinstance(entry, Mapping):
        raise CatalogError(f"{where}: expected a mapping, got {entry!r}")
    if "id" in entry:
        where = f"{where} (id {entry['id']!r})"
    _check_keys(entry, _FEATURE_KEYS, {"id", "label"}, where)
    label = normalize_name(_text(entry["label"], f"{where}: label"))
    ko = _parse_names(entry.get("ko"), f"{where}: ko")
    names = _with_label(label, _parse_names(entry.get("names"), f"{where}: names"), ko)
    return Feature(_slug(entry["id"], where), service_id, label, names, ko)


def _with_label(label: str, names: tuple[Name, ...], ko: tuple[Name, ...]) -> tuple[Name, ...]:
    """Put the label first among the names unless it is listed verbatim.

    A listed spelling with the same key ("Dynamo DB" for "DynamoDB") lends the label
    its prefix rule, so "Backup" stays prefix-only.
    """
    label_name = _checked_name(label, "label")
    same_key = [n for n in names + ko if n.key == label_name.key]
    if any(n.text == label_name.text for n in same_key):
        return names
    if same_key:
        label_name = replace(label_name, requires_prefix=same_key[0].requires_prefix)
    return (label_name, *names)


def _parse_names(value: Any, where: str) -> tuple[Name, ...]:
    result: list[Name] = []
    seen: dict[str, bool] = {}
    for item in _as_list(value, where, ""):
        if isinstance(item, str):
            name = _checked_name(item, where)
        elif isinstance(item, Mapping) and "name" in item and set(item) <= _NAME_KEYS:
            flag = item.get("requires_prefix", False)
            if not isinstance(flag, bool):
                raise CatalogError(f"{where}: requires_prefix must be true or false in {item!r}")
            name = replace(_checked_name(item["name"], where), requires_prefix=flag)
        else:
            raise CatalogError(
                f"{where}: expected a string or {{name, requires_prefix}}, got {item!r}"
            )
        if name.text in seen:
            if seen[name.text] != name.requires_prefix:
                raise CatalogError(f"{where}: {name.text!r} is listed with and without prefix rule")
            continue
        seen[name.text] = name.requires_prefix
        result.append(name)
    return tuple(result)


def _checked_name(value: Any, where: str) -> Name:
    text = normalize_name(_text(value, where))
    lowered = text.lower()
    for prefix in PREFIXES:
        if lowered.startswith(prefix.lower() + " "):
            raise CatalogError(
                f"{where}: {text!r} starts with {prefix!r}; drop it, the matcher accepts it anyway"
            )
    if not _is_word_start(text[0]):
        raise CatalogError(f"{where}: {text!r} must start with a Latin letter, digit or Hangul")
    return Name(text)


def _parse_words(value: Any, source: str, key: str) -> list[str]:
    return [_checked_name(w, f"{source}: {key}").text for w in _as_list(value, source, key)]


def _apply_aliases(by_id: dict[str, Service], aliases: Any) -> None:
    if not isinstance(aliases, Mapping):
        raise CatalogError(f"{_EXTRA_SOURCE}: aliases must map ids to lists of names")
    for target, value in aliases.items():
        where = f"{_EXTRA_SOURCE}: aliases[{target!r}]"
        service_id, _, feature_id = str(target).partition("/")
        if service_id not in by_id:
            raise CatalogError(f"{where}: no service {service_id!r} in the catalogue")
        new = _parse_names(value, where)
        ko = tuple(n for n in new if _has_hangul(n.text))
        en = tuple(n for n in new if not _has_hangul(n.text))
        service = by_id[service_id]
        if not feature_id:
            by_id[service_id] = replace(service, names=service.names + en, ko=service.ko + ko)
            continue
        try:
            feat = service.feature(feature_id)
        except KeyError:
            raise CatalogError(
                f"{where}: service {service_id!r} has no feature {feature_id!r}"
            ) from None
        feat = replace(feat, names=feat.names + en, ko=feat.ko + ko)
        features = tuple(feat if f.id == feature_id else f for f in service.features)
        by_id[service_id] = replace(service, features=features)


def _check_links(by_id: Mapping[str, Service]) -> None:
    for service in by_id.values():
        for other in (service.part_of, *service.related):
            if other is not None and other not in by_id:
                raise CatalogError(f"service {service.id!r}: unknown service {other!r}")
            if other == service.id:
                raise CatalogError(f"service {service.id!r}: refers to itself")
        seen = {service.id}
        parent = service.part_of
        while parent is not None:
            if parent in seen:
                raise CatalogError(f"service {service.id!r}: part_of forms a cycle via {parent!r}")
            seen.add(parent)
            parent = by_id[parent].part_of


def _index_names(services: Iterable[Service]) -> dict[str, _Owner]:
    by_key: dict[str, _Owner] = {}
    prefix_rule: dict[str, bool] = {}
    for service in services:
        owned: list[tuple[Name, _Owner]] = [(n, (service.id, None)) for n in service.all_names]
        for feat in service.features:
            owned += [(n, (service.id, feat.id)) for n in feat.all_names]
        for name, owner in owned:
            key = name.key
            if not key:
                raise CatalogError(f"{_describe(owner)}: empty name {name.text!r}")
            if key in by_key and by_key[key] != owner:
                raise CatalogError(
                    f"{name.text!r} is a name of both {_describe(by_key[key])} and "
                    f"{_describe(owner)}; a name must belong to one service or feature"
                )
            if prefix_rule.get(key, name.requires_prefix) != name.requires_prefix:
                raise CatalogError(
                    f"{_describe(owner)}: {name.text!r} is listed with and without requires_prefix"
                )
            by_key[key] = owner
            prefix_rule[key] = name.requires_prefix
    return by_key


def _describe(owner: _Owner) -> str:
    service_id, feature_id = owner
    return f"service {service_id!r}" + (f" feature {feature_id!r}" if feature_id else "")


def _check_keys(
    entry: Mapping[str, Any], allowed: frozenset[str], required: set[str], where: str
) -> None:
    unknown = set(entry) - allowed
    if unknown:
        raise CatalogError(f"{where}: unknown key(s) {sorted(unknown)}; allowed {sorted(allowed)}")
    missing = required - set(entry)
    if missing:
        raise CatalogError(f"{where}: missing {sorted(missing)}")


def _as_list(value: Any, where: str, key: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        label = f"{where}: {key}" if key else where
        raise CatalogError(f"{label}: expected a list, got {value!r}")
    return value


def _slug(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _ID_RE.match(value):
        raise CatalogError(f"{where}: id {value!r} must be a lower-case slug like 'api-gateway'")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CatalogError(f"{where}: expected non-empty text, got {value!r}")
    return value


def _has_hangul(text: str) -> bool:
    return any("가" <= ch <= "힣" for ch in text)
