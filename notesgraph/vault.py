"""Load a vault: scan, decode, parse (cached, in parallel when many changed), resolve.

:func:`load_vault` is the first stage of every command. It returns plain data:
every readable note parsed, every link resolved, every problem as a Diagnostic.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .background import Background
from .cache import Entry, NoteCache, content_key, encode
from .config import VaultConfig, load_config
from .decode import decode_note
from .model import Diagnostic, Note, NoteOutline
from .parse import parse_note
from .resolve import LinkIndex, Resolution
from .scan import VaultFile, scan_vault

#: Below this many cache misses, worker start-up costs more than it saves.
PARALLEL_THRESHOLD = 48

#: From this many unchanged notes (a large vault after an edit), the slow per-note steps of
#: the few changed ones run in a forked child (see Pending); in a small vault, here.
OVERLAP_THRESHOLD = 200

Progress = Callable[[int, int], None]


@dataclass
class Vault:
    root: Path
    config: VaultConfig
    notes: dict[str, Note]  # every readable note, private ones included
    attachments: dict[str, VaultFile]
    index: LinkIndex
    resolutions: dict[str, tuple[Resolution, ...]]  # per note, aligned with Note.links
    diagnostics: list[Diagnostic] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    cache_hits: int = 0
    cache_misses: int = 0
    newest_epoch: int | None = None  # modification time of the newest note, in seconds
    derived: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # per-note step results
    pending: Pending | None = None  # results still being worked out (see settle)
    #: Per note, a key of the file's bytes (its path and their hash); missing for a note
    #: kept from an earlier build (``fallback``) in place of an unreadable one.
    content_keys: dict[str, str] = field(default_factory=dict)

    def settle(self) -> None:
        """Wait for per-note results a forked child is still working out; afterwards
        ``derived`` is complete and they are in the cache."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending.settle(self.derived)

    def is_private(self, path: str) -> bool:
        """``publish: false`` notes never reach the site."""
        note = self.notes.get(path)
        return note is not None and note.publish is False

    @property
    def published(self) -> list[str]:
        return [p for p in self.notes if not self.is_private(p)]


class PerNote(Protocol):
    """Work done on every parsed note in the parse workers, cached with the parse."""

    # A step may also say whether it is ``loaded`` (cheap to run here), whether it
    # is ``fork_safe`` (can run in a fork()ed child of this process), and have a
    # ``flush()`` that keeps what it worked out in a process for later ones.
    fingerprint: str

    def __call__(self, note: Note) -> Any: ...


Task = tuple[str, bytes, "Entry | None", "tuple[PerNote, ...]"]

#: In ``Vault.derived`` while a forked child works the result out (see :class:`Pending`).
PENDING: Any = None


@dataclass
class Pending:
    """Per-note results a forked child is still working out: the steps that would
    first have to load something slow here (Kiwi, ~1 s) for a few changed notes.
    Nothing reads them before the search index is made, so the graph and the pages
    do not wait for them."""

    work: Background[list[dict[str, Any]]]
    notes: list[tuple[str, str, Entry]]  # path, cache key, entry without those results
    steps: tuple[PerNote, ...]  # every step, in the order of Vault.derived's tuples
    cache: NoteCache

    def settle(self, derived: dict[str, tuple[Any, ...]]) -> None:
        for (path, key, entry), extra in zip(self.notes, self.work.result(), strict=True):
            full = Entry(entry.note, entry.problems, with_results(entry.derived, extra))
            self.cache.put(key, full)
            if path in derived:
                derived[path] = tuple(full.derived[s.fingerprint] for s in self.steps)
        self.cache.save()

    def abandon(self) -> None:
        """Reap the child when nobody will ask (a failed build): the cache keeps the parse."""
        self.work.result_or_none()
        for _, key, entry in self.notes:
            self.cache.put(key, entry)
        self.cache.save()


def _process(item: Task) -> Entry:
    """Decode and parse (unless cached), then run each per-note step (unless cached)."""
    path, data, cached, steps = item
    if cached is None:
        text, problems = decode_note(data, path)
        note = parse_note(path, text) if text is not None else None
        cached = Entry(note, tuple(problems), {})
    missing = [s for s in steps if s.fingerprint not in cached.derived]
    if cached.note is not None and missing:
        fresh = {step.fingerprint: step(cached.note) for step in missing}
        cached = Entry(cached.note, cached.problems, with_results(cached.derived, fresh))
    return cached


def _family(fingerprint: str) -> str:
    """The step a fingerprint belongs to: its name part (``search:…``), or "" for the
    unnamed one (concept extraction: its fingerprint starts with the code's hash)."""
    head = fingerprint.split(":", 1)[0]
    return head if head.strip("0123456789abcdef") else ""


def with_results(derived: Mapping[str, Any], fresh: Mapping[str, Any]) -> dict[str, Any]:
    """``derived`` with ``fresh`` results added and what they supersede dropped: results
    of the same step under an older fingerprint (the step's code or the vault's
    catalogue changed) were kept in every entry, which grew by a copy each time."""
    families = {_family(key) for key in fresh}
    kept = {key: value for key, value in derived.items() if _family(key) not in families}
    return {**kept, **fresh}


def _complete(entry: Entry, steps: Sequence[PerNote]) -> bool:
    """Whether ``entry`` needs no more work: every step's result, or no note at all."""
    return entry.note is None or all(s.fingerprint in entry.derived for s in steps)


def _cut_down(entry: Entry, steps: Sequence[PerNote]) -> Entry:
    """A complete entry as its note's outline and the results of ``steps`` alone;
    an incomplete one as it is (it goes through _process again, whole)."""
    if entry.note is None or not _complete(entry, steps):
        return entry
    derived = {s.fingerprint: entry.derived[s.fingerprint] for s in steps}
    return Entry(entry.note.outline(), entry.problems, derived)


def _outlined(item: Task, stored: bool) -> tuple[bytes, Entry]:
    """:func:`_process` for a caller that keeps outlines: the entry encoded for the
    cache (if ``stored``), here in the worker, and cut down (the whole note never
    reaches the parent)."""
    entry = _process(item)
    return encode(entry) if stored else b"", _cut_down(entry, item[3])


_Result = TypeVar("_Result")


def _process_all(
    items: list[Task], jobs: int, work: Callable[[Task], _Result]
) -> Iterator[_Result]:
    """``work`` on each item, results in order as the workers finish them."""
    if jobs > 1 and len(items) >= PARALLEL_THRESHOLD:
        # A library with worker threads (Kiwi) loaded here cannot be used, nor loaded
        # again, in a fork()ed child: the threads stayed here, and the child can wait
        # for them forever. Then workers start from a fresh interpreter instead.
        fresh = not _fork_safe(items[0][3])
        methods = multiprocessing.get_all_start_methods()
        method = "forkserver" if "forkserver" in methods else "spawn"
        context = multiprocessing.get_context(method) if fresh else None
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            yield from pool.map(work, items, chunksize=16)
    else:
        yield from map(work, items)


def _flush(steps: Sequence[PerNote]) -> None:
    """Let each step keep what it worked out in this process (``flush``, if it has one)."""
    for step in steps:
        flush = getattr(step, "flush", None)
        if flush is not None:
            flush()


def _slow_results(notes: Iterable[Note | None], slow: Sequence[PerNote]) -> list[dict[str, Any]]:
    """Each note's results of the ``slow`` steps (none for a note that could not be
    parsed), in a forked child, which keeps what the steps worked out for later ones."""
    found = [{step.fingerprint: step(note) for step in slow} if note else {} for note in notes]
    _flush(slow)
    return found


def _fork_safe(steps: Sequence[PerNote]) -> bool:
    return all(getattr(step, "fork_safe", True) for step in steps)


def _read_again(file: VaultFile) -> bytes:
    try:
        return file.real.read_bytes()
    except OSError:
        return b""


def read_notes(
    files: Iterable[VaultFile],
    cache: NoteCache,
    jobs: int | None = None,
    progress: Progress | None = None,
    fallback: Mapping[str, Note] | None = None,
    steps: Sequence[PerNote] = (),
    in_process: bool = False,
    outline: bool = False,
) -> tuple[
    dict[str, Note], list[Diagnostic], dict[str, tuple[Any, ...]], Pending | None, dict[str, str]
]:
    """Parse every note file (and run each step on it), taking unchanged work from the cache.

    ``fallback`` (used while serving) holds the last good parse of each note: a
    note that cannot be read now keeps that version instead of vanishing.
    Returns the notes, the problems and each note's step results (in ``steps`` order);
    each step's results are cached under its own fingerprint. A few changed notes in
    a large vault leave their slow steps' results to a forked child (the returned
    :class:`Pending`; ``PENDING`` in their tuples until ``Vault.settle``), and so do many
    notes (a first build): parsed by the workers, analysed by one child. Not where
    ``in_process`` (a long-lived process, which keeps Kiwi loaded between builds).
    With ``outline``, the notes are returned as :meth:`Note.outline` (what the graph
    needs), each cut down as it is read from the cache so the full ones are never
    all in memory at once. Last, each note's content key (see ``Vault.content_keys``).
    """
    notes: dict[str, Note] = {}
    diagnostics: list[Diagnostic] = []
    results: dict[str, Entry] = {}
    todo: list[Task] = []
    steps = tuple(steps)
    keys: dict[str, str] = {}
    cached: list[VaultFile] = []
    files = list(files)
    for file in files:
        try:
            data = file.real.read_bytes()
        except OSError as error:
            diagnostics.append(
                Diagnostic(file.path, 0, "unreadable", f"cannot read: {error.strerror}", "skipped")
            )
            continue
        key = keys[file.path] = content_key(file.path, data)
        if cache.has(key):
            cached.append(file)
        else:
            cache.misses += 1
            todo.append((file.path, data, None, steps))
    jobs = jobs if jobs is not None else min(os.cpu_count() or 1, 4)
    slow = tuple(step for step in steps if not getattr(step, "loaded", True))
    quick = tuple(step for step in steps if step not in slow)
    pending: Pending | None = None
    parsing: Background[list[Entry]] | None = None
    if (
        todo
        and slow
        and len(todo) < PARALLEL_THRESHOLD
        and len(cached) >= OVERLAP_THRESHOLD
        and not in_process
        and _fork_safe(steps)
    ):
        # A few changed notes among many: worked out in two forked children while this
        # process loads the unchanged ones from the cache. One parses them and runs the
        # quick steps (the graph needs their concepts; building the mention matcher
        # alone takes 0.15 s); the other parses them again for the slow steps (Kiwi),
        # and nobody waits for it until the search index is made. (Only while forking
        # is safe: see _process_all.)
        changed = todo

        def run_quick() -> list[Entry]:
            return [_process((path, data, known, quick)) for path, data, known, _ in changed]

        def run_slow() -> list[dict[str, Any]]:
            parsed = (_process((path, data, known, ())).note for path, data, known, _ in changed)
            return _slow_results(parsed, slow)

        parsing = Background(run_quick)
        analysing = Background(run_slow)
        todo = []
    late: list[Task] = []
    cache.preload(
        (keys[file.path] for file in cached),
        (lambda entry: _cut_down(entry, steps)) if outline else None,
    )
    if parsing is not None:
        try:
            parsed = parsing.result()
        except RuntimeError:  # the child died: parse here instead
            parsed = run_quick()
        notes_done = [(p, keys[p], done) for (p, *_), done in zip(changed, parsed, strict=True)]
        pending = Pending(analysing, notes_done, steps, cache)
        for path, key, done in notes_done:
            cache.put(key, done)
            results[path] = done
    for file in cached:
        entry = cache.get(keys[file.path])
        if entry is not None and _complete(entry, steps):
            results[file.path] = entry
        else:  # a damaged entry, or one without this build's per-note steps
            data = b"" if entry is not None else _read_again(file)
            late.append((file.path, data, entry, steps))
    if progress:
        progress(len(results), len(files))
    rest = todo + late
    # Many notes to work out (a first build, or new search code): the parse workers run
    # the quick steps, and one forked child runs the slow ones (Kiwi) on all of them
    # afterwards, while this process builds the graph and the pages. Each worker would
    # otherwise load and warm Kiwi itself (~1.7 s of CPU each) and analyse the words the
    # notes share once per worker. (Only while forking is safe: see _process_all.)
    defer = bool(
        slow
        and not outline
        and not in_process
        and pending is None
        and jobs > 1
        and len(rest) >= PARALLEL_THRESHOLD
        and hasattr(os, "fork")
        and _fork_safe(steps)
    )
    if defer:
        rest = [(path, data, known, quick) for path, data, known, _ in rest]
    deferred: list[tuple[str, str, Entry]] = []
    if outline:  # stored whole, kept as outlines
        for (path, *_), (data, entry) in zip(
            rest,
            _process_all(rest, jobs, partial(_outlined, stored=cache.file is not None)),
            strict=True,
        ):
            cache.write(keys[path], data)
            results[path] = entry
    else:
        for (path, *_), entry in zip(rest, _process_all(rest, jobs, _process), strict=True):
            results[path] = entry
            if defer and entry.note is not None and not _complete(entry, steps):
                deferred.append((path, keys[path], entry))  # cached once complete
            else:
                cache.put(keys[path], entry)
    if deferred:
        to_analyse = [entry.note for _, _, entry in deferred]
        pending = Pending(
            Background(lambda: _slow_results(to_analyse, slow)), deferred, steps, cache
        )
    if progress:
        progress(len(files), len(files))
    derived: dict[str, tuple[Any, ...]] = {}
    for path in sorted(results):
        entry = results[path]
        note = entry.note
        diagnostics.extend(entry.problems)
        if note is None and fallback and path in fallback:
            note = fallback[path]
            keys.pop(path)  # not this file's parse: no key says what it is made from
            diagnostics.append(
                Diagnostic(
                    path,
                    0,
                    "kept-last-good",
                    "this version cannot be read",
                    "the last good version stays on the site",
                )
            )
        if note is not None:
            if outline and not isinstance(note, NoteOutline):
                note = note.outline()
            notes[path] = note
            diagnostics.extend(note.diagnostics)
            derived[path] = tuple(
                entry.derived[s.fingerprint]
                if s.fingerprint in entry.derived
                else PENDING
                if pending is not None and s in slow
                else s(note)
                for s in steps
            )
    _flush(steps)
    return notes, diagnostics, derived, pending, {p: keys[p] for p in notes if p in keys}


def load_vault(
    root: Path,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    fallback: Mapping[str, Note] | None = None,
    per_note: Callable[[VaultConfig], Sequence[PerNote]] | None = None,
    keep_cache: bool = False,
    outline: bool = False,
) -> Vault:
    """Everything later stages need from the vault at ``root``.

    ``per_note`` makes, from the vault's config, the steps to run on every note in
    the parse workers (concept extraction, search analysis); their results land in
    ``Vault.derived`` as one tuple per note. ``keep_cache`` keeps parsed notes in
    memory between calls in this process (``serve``). ``outline`` keeps each note as
    its :meth:`Note.outline` (for the graph alone; never with ``keep_cache``).
    """
    if outline and keep_cache:
        raise ValueError("note outlines cannot be kept between builds")
    config, diagnostics = load_config(root)
    scan = scan_vault(root, config)
    diagnostics += scan.diagnostics
    cache = NoteCache.shared(cache_dir) if keep_cache else NoteCache(cache_dir)
    steps = tuple(per_note(config)) if per_note is not None else ()
    notes, problems, derived, pending, keys = read_notes(
        scan.notes, cache, jobs, progress, fallback, steps, keep_cache, outline
    )
    cache.save()
    diagnostics += problems
    attachments = {f.path: f for f in scan.attachments}
    index = LinkIndex(notes, attachments)
    resolutions = {
        path: tuple(index.resolve(link, path) for link in note.links)
        for path, note in notes.items()
    }
    return Vault(
        root=root,
        config=config,
        notes=notes,
        attachments=attachments,
        index=index,
        resolutions=resolutions,
        diagnostics=sorted(diagnostics, key=Diagnostic.sort_key),
        excluded=scan.excluded,
        cache_hits=cache.hits,
        cache_misses=cache.misses,
        newest_epoch=max((f.mtime_ns // 1_000_000_000 for f in scan.notes), default=None),
        derived=derived,
        pending=pending,
        content_keys=keys,
    )
