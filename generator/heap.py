"""Pausing Python's cyclic garbage collector for the length of a generation.

Generating allocates millions of small objects (the loaded document, its IR, the compiler's
emission state, the rendered text) and leaves almost no reference cycles behind. Each full
collection meanwhile walks the whole heap and frees next to nothing, and the bigger the schema
the more often one runs: at 10,000 definitions they took a quarter to a third of building the IR.
Reference counting still frees everything that is not a cycle; what cycles there are wait for
the first collection after the pause.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No automatic cyclic collection inside the block (nested blocks are fine)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
