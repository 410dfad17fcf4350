"""Compute something in a forked child while this process does other work.

Two uses: the map, explorer and review data (a second or two for a 1,000-note
vault) depend only on the graph, so a ``fork()``ed child computes them while this
process renders pages and runs MkDocs; and a few changed notes are parsed and analysed
(loading Kiwi takes ~1 s) while this process loads the unchanged ones from the
cache. Where ``fork`` is missing, the work simply runs when its result is asked for.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Background(Generic[T]):
    def __init__(self, work: Callable[[], T]) -> None:
        self._work: Callable[[], T] | None = work
        self._pid: int | None = None
        self._fd: int | None = None
        if not hasattr(os, "fork"):
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send the pickled result, leave at once
            os.close(read_end)
            try:
                payload = pickle.dumps(("ok", work()), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException as error:  # noqa: BLE001 - handed to the parent to raise
                payload = pickle.dumps(("error", f"{type(error).__name__}: {error}"))
            try:
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(payload)
            finally:
                os._exit(0)
        os.close(write_end)
        self._pid, self._fd, self._work = pid, read_end, None

    def result(self) -> T:
        """Wait for the child (or do the work here) and return the result (once)."""
        if self._work is not None:
            work, self._work = self._work, None
            self._value = work()
            return self._value
        if self._fd is None:
            return self._value
        assert self._pid is not None
        fd, self._fd = self._fd, None
        with os.fdopen(fd, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(self._pid, 0)
        if not payload:
            raise RuntimeError("the background worker stopped without a result")
        status, value = pickle.loads(payload)
        if status != "ok":
            raise RuntimeError(f"background work failed: {value}")
        self._value = value
        return value  # type: ignore[no-any-return]

    def result_or_none(self) -> T | None:
        """Reap the child if nobody asked for its result (a failed build); never raises."""
        if self._fd is None and self._work is None:
            return None
        try:
            return self.result()
        except Exception:  # noqa: BLE001 - the build's own error is the one to report
            return None
