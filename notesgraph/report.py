"""What a build prints: a progress bar on a terminal, plain lines elsewhere.

``--quiet`` prints only errors (and, with ``--strict``, the warnings that fail the
build); ``--verbose`` prints every step with its time. Warnings go to standard
error as ``warning: file:line: what (what happens now)``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .pipeline import BuildReport
    from .vault import Progress


class Reporter:
    def __init__(
        self,
        quiet: bool = False,
        verbose: bool = False,
        out: TextIO | None = None,
        err: TextIO | None = None,
        strict: bool = False,
    ) -> None:
        self.quiet = quiet
        self.strict = strict  # warnings fail the build, so even --quiet shows them
        self.verbose = verbose
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.interactive = self.err.isatty() and not quiet
        self._status: Callable[[str], None] | None = None  # the live bar's step line

    def step(self, message: str) -> None:
        """A stage is done: a line with --verbose, the bar's step line on a terminal."""
        if self.verbose:
            print(f"· {message}", file=self.out, flush=True)
        if self._status is not None:
            self._status(message)

    def error(self, message: str) -> None:
        print(f"notesgraph: {message}", file=self.err, flush=True)

    @contextmanager
    def progress(self, label: str) -> Iterator[Progress | None]:
        """On an interactive terminal: a bar while notes are read, then a line per stage."""
        if not self.interactive:
            yield None
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            transient=True,
            console=_console(self.err),
        ) as bar:
            task = bar.add_task(label, total=None)

            def update(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            def status(message: str) -> None:
                bar.update(task, description=message, completed=0, total=None)

            self._status = status
            try:
                yield update
            finally:
                self._status = None

    def summary(self, report: BuildReport) -> None:
        graph = report.analysis.graph
        kinds: dict[str, int] = {}
        for _, attrs in graph.nodes(data=True):
            kinds[attrs["kind"]] = kinds.get(attrs["kind"], 0) + 1
        if not self.quiet or self.strict:
            for warning in report.warnings:
                print(f"warning: {warning.format()}", file=self.err)
            for message in report.mkdocs_warnings:
                print(f"warning: mkdocs: {message}", file=self.err)
        if self.quiet:
            return
        vault = report.analysis.vault
        private = len(vault.notes) - len(report.analysis.published)
        print(
            f"notesgraph: {len(report.analysis.published)} notes"
            + (f" ({private} private, not published)" if private else "")
            + f", {kinds.get('service', 0)} services, {kinds.get('limit', 0)} limits, "
            f"{kinds.get('comparison', 0)} comparisons, {kinds.get('highlight', 0)} key points; "
            f"{report.pages} pages ({len(report.written.written)} changed); "
            f"{len(report.warnings)} warnings",
            file=self.out,
        )
        if self.verbose:
            timings = ", ".join(f"{k} {v:.2f}s" for k, v in report.timings.items())
            print(f"  times: {timings}", file=self.out)


def _console(stream: TextIO):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(file=stream)
