"""The package's shape: no import cycle, and the stages never reach back to what consumes them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "audit"
MODULES = sorted(
    ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
    for path in PACKAGE.rglob("*.py")
)
# One fork per module from an interpreter that has imported nothing of audit: a module that
# only imports when another has been loaded first (a cycle's half-loaded module) fails here.
_IMPORT_EACH = """
import importlib, os, sys, traceback
failed = []
for name in sys.argv[1:]:
    pid = os.fork()
    if pid == 0:
        try:
            importlib.import_module(name)
        except BaseException:
            traceback.print_exc()
            os._exit(1)
        os._exit(0)
    if os.waitpid(pid, 0)[1] != 0:
        failed.append(name)
print(" ".join(failed))
"""
# The analysis stages in data order (audit/__init__.py): each may import earlier ones only.
STAGES = ("audit.sources", "audit.rules", "audit.scores")
LATER = {
    "audit.sources": ("audit.rules", "audit.policy", "audit.scores", "audit.verdict"),
    "audit.rules": ("audit.policy", "audit.scores", "audit.verdict"),
    "audit.scores": ("audit.policy", "audit.verdict"),
}
CONSUMERS = ("audit.pipeline", "audit.results", "audit.cli", "audit.reporters", "audit.site", "audit.batch",
             "audit.gate")


def _imports(path: Path) -> set[str]:
    """Every module named by an import anywhere in the file, function-level imports included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_every_module_imports_on_its_own():
    assert len(MODULES) > 60
    skipped = {"audit.site.engine_dask", "audit.engine_dask"} if _missing("distributed") else set()
    names = [m for m in MODULES if m not in skipped and m != "audit.__main__"]
    done = subprocess.run([sys.executable, "-c", _IMPORT_EACH, *names], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [], done.stderr


@pytest.mark.parametrize("stage", STAGES)
def test_stages_do_not_import_what_consumes_them(stage):
    folder = PACKAGE / stage.split(".")[1]
    reaching_back = {
        f"{path.relative_to(PACKAGE.parent)} imports {name}"
        for path in folder.rglob("*.py")
        for name in _imports(path)
        if name.startswith(CONSUMERS + LATER[stage])
    }
    assert not reaching_back


def test_results_do_not_import_the_pipeline():
    """Reporters, the gate and the site pages read `audit.results`, never the orchestrator."""
    readers = [PACKAGE / "results.py", PACKAGE / "gate.py", *(PACKAGE / "reporters").glob("*.py")]
    assert not [str(p) for p in readers if "audit.pipeline" in _imports(p)]


def _missing(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is None
