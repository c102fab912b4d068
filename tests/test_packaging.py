"""A non-editable install carries the report templates, assets, JSON Schema and QE weights."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import ROOT

SHIPPED = (
    "audit/reporters/assets/report.html.j2",
    "audit/reporters/assets/document.html.j2",
    "audit/reporters/assets/macros.html.j2",
    "audit/reporters/assets/report.css",
    "audit/reporters/assets/report.js",
    "audit/schema/report.schema.json",
    "audit/data/entities.tsv",
    "audit/py.typed",
    "mtaudit.py",
    # the learned QE model's weights (docs/qe.md)
    "audit/data/qe_model.npz",
    "audit/qe/model.py",
    # the French messages, compiled: an install needs no Babel (audit/messages.py)
    "audit/locale/fr/LC_MESSAGES/mtaudit.mo",
)


def test_wheel_ships_templates_assets_and_schema(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    assert build.returncode == 0, build.stderr
    assert "is absent from the `packages` configuration" not in build.stderr  # data folders declared
    (wheel,) = tmp_path.glob("mtaudit-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(SHIPPED) <= names
    assert not any(name.startswith("audit/reporters/assets/bench") for name in names)
