"""Ctrl-C, remembered.

Python drops a KeyboardInterrupt that is raised while a finalizer or a garbage
collector callback runs (it prints "Exception ignored" and goes on), and MkDocs
leaves plenty of those to run. A build interrupted at such a moment would go on
and replace the site the user asked it not to replace. The command line notes
the signal here, and the build asks before swapping a new site in.
"""

from __future__ import annotations

import signal
from types import FrameType

_pressed = False


def install() -> None:
    """Raise KeyboardInterrupt on Ctrl-C, as Python does, and remember it."""

    def on_interrupt(signum: int, frame: FrameType | None) -> None:
        global _pressed
        _pressed = True
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_interrupt)


def pressed() -> bool:
    """Whether Ctrl-C was pressed since :func:`install`."""
    return _pressed
