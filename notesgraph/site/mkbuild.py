"""Run MkDocs (Material) on the generated docs/, replacing site/ atomically.

MkDocs builds into a temporary folder beside site/; only a finished build is
swapped in, so a failed build (bad config, a crash, Ctrl-C) leaves the previous
site as it was. An incremental build starts from a copy of the previous site and
lets MkDocs skip unchanged pages (``dirty``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import interrupt
from .writer import atomic_write

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class MkDocsError(Exception):
    """The MkDocs build failed; the message says why."""


@dataclass
class MkDocsResult:
    warnings: list[str] = field(default_factory=list)
    incremental: bool = False


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _captured_warnings() -> Iterator[_Collect]:
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    previous = logger.level
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def load_mkdocs_config(
    config_file: Path,
    docs: Path,
    site: Path,
    nav: list[Any] | None,
    strict: bool = False,
    site_url: str | None = None,
    exclude: tuple[str, ...] = (),
) -> Any:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    overrides: dict[str, Any] = {
        "docs_dir": str(docs.resolve()),
        "site_dir": str(site.resolve()),
        "strict": strict,
    }
    if nav is not None:
        overrides["nav"] = nav
    if site_url:
        overrides["site_url"] = site_url
    if exclude:
        overrides["exclude_docs"] = "".join(f"/{pattern}/\n" for pattern in exclude)
    with _captured_warnings() as captured:
        try:
            return load_config(str(config_file), **overrides)
        except (Abort, ConfigurationError) as error:
            detail = "; ".join(captured.messages) or str(error)
            raise MkDocsError(f"{config_file}: {detail}") from error


STAMP = ".notesgraph-build"


def _setup_digest(config_file: Path) -> Any:
    """The notesgraph version, the config and the theme overrides, hashed (read once
    per build for both the build stamp and the pages cache's key outside the nav)."""
    from .. import __version__

    digest = hashlib.blake2b(digest_size=12)
    digest.update(__version__.encode())
    digest.update(config_file.read_bytes())
    overrides = config_file.parent / "site_overrides"
    if overrides.is_dir():
        for file in sorted(overrides.rglob("*")):
            if file.is_file():
                digest.update(str(file.relative_to(overrides)).encode())
                digest.update(file.read_bytes())
    return digest


def _stamp(setup: Any, nav: list[Any] | None, files: list[str]) -> str:
    """What a previous build must share for MkDocs to reuse its unchanged pages: the
    config, the theme overrides and the notesgraph version (``setup``), the navigation
    and the set of generated files."""
    digest = setup.copy()
    digest.update(json.dumps([nav, files], ensure_ascii=False, sort_keys=True).encode())
    return str(digest.hexdigest())


def run_mkdocs(
    config_file: Path,
    docs: Path,
    site: Path,
    nav: list[Any] | None,
    incremental: bool = False,
    strict: bool = False,
    files: list[str] | None = None,
    build_epoch: int | None = None,
    workers: int | None = None,
    site_url: str | None = None,
    before_swap: Callable[[Path], None] | None = None,
    exclude: tuple[str, ...] = (),
    page_cache: Path | None = None,
) -> MkDocsResult:
    """Build ``docs`` into ``site`` with the MkDocs config at ``config_file``.

    ``build_epoch`` (the newest note's time) becomes MkDocs' build date unless
    SOURCE_DATE_EPOCH is set, so two builds of the same vault are byte-identical.
    ``before_swap(staging)`` runs on the finished build just before it goes live
    (to add files computed meanwhile); ``exclude`` names docs/ folders MkDocs skips;
    ``page_cache`` is a folder where rendered pages are kept for the next build.
    """
    from mkdocs.exceptions import Abort, MkDocsException

    from .mkparallel import build_with_workers, default_workers
    from .pagecache import PageCache

    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    setup = _setup_digest(config_file)
    stamp = _stamp(setup, nav, sorted(files or []) + [site_url or ""])
    outside = _stamp(setup, None, [site_url or ""])  # + the nav's skeleton, later
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-building-", dir=site.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must read the site
    try:
        dirty = incremental and _stamp_of(site) == stamp
        spare = _spare(site)
        if dirty and _stamp_of(spare) == stamp:
            # The site before the live one, kept by the last swap: MkDocs brings it up
            # to date (what changed since has newer sources), no tree to link first.
            staging.rmdir()
            os.replace(spare, staging)
        elif dirty:
            _link_tree(site, staging)
        config = load_mkdocs_config(config_file, docs, staging, nav, strict, site_url, exclude)
        with (
            _captured_warnings() as captured,
            _build_date(build_epoch),
            _replace_files(docs, files or ()),
        ):
            try:
                build_with_workers(
                    config,
                    dirty,
                    workers or default_workers(),
                    captured.messages,
                    PageCache(page_cache, stamp, outside) if page_cache else None,
                )
            except (Abort, MkDocsException) as error:
                raise MkDocsError(str(error) or "MkDocs aborted") from error
            except Exception as error:  # a theme template or plugin failing
                raise MkDocsError(f"{type(error).__name__}: {error}") from error
        if strict and captured.messages:
            raise MkDocsError(
                f"{len(captured.messages)} MkDocs warning(s) in strict mode: "
                + "; ".join(captured.messages[:5])
            )
        if before_swap is not None:
            before_swap(staging)
        atomic_write(staging / STAMP, stamp.encode())  # it may be a link the live site shares
        if interrupt.pressed():  # Ctrl-C whose KeyboardInterrupt Python dropped
            raise KeyboardInterrupt
        _swap(staging, site)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return MkDocsResult(warnings=list(captured.messages), incremental=dirty)


def _link_tree(source: Path, target: Path) -> None:
    """Hard-link the previous site into the staging folder (a copy where links fail)."""
    for folder, _, names in os.walk(source):
        rel = Path(folder).relative_to(source)
        (target / rel).mkdir(parents=True, exist_ok=True)
        for name in names:
            try:
                os.link(Path(folder) / name, target / rel / name)
            except OSError:
                shutil.copy2(Path(folder) / name, target / rel / name)


@contextmanager
def _replace_files(docs: Path, generated: Iterable[str] = ()) -> Iterator[None]:
    """Make MkDocs replace output files instead of writing into them, and link the files
    it copies from the ``generated`` ones in ``docs`` instead of copying them.

    The staging folder shares (hard-links) its files with the live site; writing
    into one would change the site being served before the build has finished. A
    generated file MkDocs copies (an attachment, above all: a thousand in the 1,000-note
    benchmark vault) is notesgraph's own copy, which the docs writer only ever replaces,
    so the site can share it too: a link writes no data (copying them was 0.7 s of a
    build into a fresh site). Hand-written docs/ files and the theme's are copied.
    """
    import mkdocs.utils as mkutils

    write_file, copy_file = mkutils.write_file, mkutils.copy_file
    root = str(docs.resolve())  # as MkDocs is given it (load_mkdocs_config)
    own = {os.path.normpath(os.path.join(root, rel)) for rel in generated}

    def _unlink(path: str) -> None:
        if os.path.isfile(path) and not os.path.islink(path):
            os.unlink(path)

    def write(content: bytes, output_path: str) -> None:
        _unlink(output_path)
        write_file(content, output_path)

    def copy(source_path: str, output_path: str) -> None:
        target = output_path
        if os.path.isdir(target):
            target = os.path.join(target, os.path.basename(source_path))
        _unlink(target)
        if os.path.normpath(os.path.abspath(source_path)) in own:
            with suppress(OSError):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.link(source_path, target)
                return
        copy_file(source_path, output_path)

    mkutils.write_file, mkutils.copy_file = write, copy
    try:
        yield
    finally:
        mkutils.write_file, mkutils.copy_file = write_file, copy_file


@contextmanager
def _build_date(epoch: int | None) -> Iterator[None]:
    if epoch is None or "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def _stamp_of(site: Path) -> str:
    try:
        return (site / STAMP).read_text()
    except OSError:
        return ""


def _spare(site: Path) -> Path:
    return site.with_name(f".{site.name}-spare")


def _swap(staging: Path, site: Path) -> None:
    """Put the finished build in place of the old site with renames.

    The replaced site is kept beside it as the spare the next incremental build
    starts from (its unchanged files are links shared with the live site, so it
    costs little room); the spare before it is removed in the background.
    """
    leftovers = sorted(site.parent.glob(f".{site.name}-old-*"))  # an interrupted removal
    spare = _spare(site)
    if site.exists():
        if spare.exists():
            old = site.with_name(f".{site.name}-old-{os.getpid()}-{time.time_ns()}")
            os.replace(spare, old)
            leftovers.append(old)
        os.replace(site, spare)
    os.replace(staging, site)
    if leftovers:
        _remove_later(leftovers)
    if not spare.exists():
        _spare_later(site)


def _remove_later(folders: list[Path]) -> None:
    """Delete replaced sites without making the build wait (0.6 s for a 5,000-note
    site): a detached grandchild process removes them. Where ``fork`` is missing, here."""

    def remove() -> None:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)

    _detached(remove)


def _spare_later(site: Path) -> None:
    """A first site has no spare for the next incremental build to start from, which
    then links the site's files into its staging folder itself (0.1–0.2 s at 1,000 notes,
    0.7 s at 5,000): a detached process makes that spare now, under a name the next
    swap clears (``-old-``) until it is complete. A build that starts meanwhile links
    its own; a spare that appeared meanwhile is left as it is."""

    def link() -> None:
        folder = site.with_name(f".{site.name}-old-linking-{os.getpid()}")
        try:
            _link_tree(site, folder)
            os.rename(folder, _spare(site))  # fails if a spare is there by now
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)

    if hasattr(os, "fork"):  # else the next incremental build links the site itself
        _detached(link)


def _detached(task: Callable[[], None]) -> None:
    """Run ``task`` in a detached grandchild process, so that no one waits for it
    (here where ``fork`` is missing or fails)."""
    if not hasattr(os, "fork"):
        task()
        return
    try:
        pid = os.fork()
    except OSError:
        task()
        return
    if pid == 0:  # the child: start the grandchild and leave at once, so nobody waits for it
        try:
            if os.fork() == 0:
                try:
                    os.setsid()
                    # Hold none of the caller's pipes or sockets open: whoever reads this
                    # build's output must see its end when the build ends.
                    devnull = os.open(os.devnull, os.O_RDWR)
                    for fd in (0, 1, 2):
                        os.dup2(devnull, fd)
                    os.closerange(3, 1 << 16)
                    task()
                finally:
                    os._exit(0)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
