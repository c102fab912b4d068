"""The table cache is an optimisation: corrupt or unwritable caches never break a run."""

from __future__ import annotations

from audit import cache


def test_builds_once_then_reads(tmp_path, monkeypatch):
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(tmp_path))
    calls = []
    build = lambda: calls.append(1) or {"mot": 1.5}
    assert cache.cached("t", "k1", build) == {"mot": 1.5}
    assert cache.cached("t", "k1", build) == {"mot": 1.5}
    assert len(calls) == 1
    cache.cached("t", "k2", build)  # a new key builds again
    assert len(calls) == 2


def test_corrupt_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(tmp_path))
    cache.cached("t", "k", lambda: [1, 2])
    for entry in tmp_path.iterdir():
        entry.write_bytes(b"\x00garbage")
    assert cache.cached("t", "k", lambda: [3]) == [3]


def test_unwritable_cache_dir_still_returns(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(blocker / "sub"))
    assert cache.cached("t", "k", lambda: (1, "a")) == (1, "a")


def test_a_change_to_the_building_code_invalidates(tmp_path, monkeypatch):
    import importlib.util
    import os

    monkeypatch.setenv("MTAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    module = tmp_path / "builder.py"

    def load_build():
        spec = importlib.util.spec_from_file_location("builder", module)
        loaded = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(loaded)
        return loaded.build

    module.write_text("def build():\n    return [1]\n")
    assert cache.cached("t", "k", load_build()) == [1]
    module.write_text("def build():\n    return [2]\n")
    os.utime(module, ns=(1, 10**18))
    assert cache.cached("t", "k", load_build()) == [2]
