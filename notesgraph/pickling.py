"""Fast pickling for the small frozen records the caches hold by the hundred thousand.

Python pickles a slotted dataclass through ``__getstate__``/``__setstate__`` that
look up the class's fields for every object; unpickling a 1,000-note cache spent
most of its second there. :func:`compact` makes a record pickle as its class and a
tuple of its field values, so loading it is one call of the class.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T")


def compact(cls: type[T]) -> type[T]:
    """Class decorator (under ``@dataclass``): pickle as ``cls(*values)``. A subclass
    without fields of its own pickles as itself."""
    names = [f.name for f in dataclasses.fields(cls) if f.init]  # type: ignore[arg-type]
    if len(names) != len(dataclasses.fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__}: every field must be an __init__ argument")
    values = attrgetter(*names) if len(names) > 1 else (lambda self: (getattr(self, names[0]),))

    def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
        return type(self), values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls
