"""The on-disk key set: set semantics, and keys that do not stay in Python's memory."""

from __future__ import annotations

import tracemalloc

from audit.site.keyset import KeySet
from audit.site.shards import page_key


def test_add_discard_and_contains_say_what_changed():
    a, b = page_key("a", "1", "s"), page_key("b", "1", "s")
    with KeySet([a, a]) as keys:
        assert len(keys) == 1 and a in keys and b not in keys
        assert keys.add(b) and not keys.add(b)
        assert keys.discard(a) and not keys.discard(a)
        assert len(keys) == 1 and a not in keys


def test_keys_are_not_held_in_python_memory():
    keys = (page_key(f"page-{n}", "x", "s") for n in range(30_000))
    tracemalloc.start()
    try:
        with KeySet() as held:
            for key in keys:
                held.add(key)
            assert len(held) == 30_000
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 512 * 1024  # a Python set of these keys takes about 3 MiB
