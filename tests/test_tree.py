"""Site trees: what a directory walk skips, exclude settings, --force-exclude, skipped inputs,
and the pre-commit hook's file pattern (issue 16, point 2)."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from conftest import ROOT
from test_cli import SPUN, run

from audit.inputs import input_paths
from audit.tree import Exclusion

PAGE = "<html><body><article><p>" + SPUN.replace("\n\n", "</p><p>") + "</p></article></body></html>"
ENGLISH = "This page explains how to install the project and run its tests on a laptop.\n"


def _site(tmp_path):
    """A content repository: pages, and the things a walk must not audit."""
    files = {
        "content/a.md": SPUN, "content/b.html": PAGE, "content/c.markdown": SPUN, "content/d.xhtml": PAGE,
        ".git/notes.txt": SPUN, ".venv/lib/x.txt": SPUN, "node_modules/pkg/readme.md": SPUN,
        ".hidden/page.md": SPUN, "public/built.html": PAGE, "content/drafts/wip.md": SPUN,
        "content/notes.tmp.md": SPUN,
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("public/\n*.tmp.md\n", encoding="utf-8")
    (tmp_path / "content" / ".gitignore").write_text("drafts\n", encoding="utf-8")
    return tmp_path


def _relative(paths, root) -> list[str]:
    return [str(p).removeprefix(str(root) + "/") for p in paths]


def test_walk_skips_vcs_environments_hidden_folders_and_gitignored(tmp_path):
    root = _site(tmp_path)
    found = _relative(input_paths([str(root)], Exclusion(root=str(root))), root)
    assert found == ["content/a.md", "content/b.html", "content/c.markdown", "content/d.xhtml"]


def test_walk_from_a_subfolder_reads_the_parent_gitignore(tmp_path):
    root = _site(tmp_path)
    (root / "content" / "x.tmp.md").write_text(SPUN, encoding="utf-8")
    found = _relative(input_paths([str(root / "content")], Exclusion(root=str(root))), root)
    assert "content/x.tmp.md" not in found and "content/a.md" in found


def test_exclude_and_extend_exclude_from_the_configuration(tmp_path):
    root = _site(tmp_path)
    (root / "mtaudit.toml").write_text('extend-exclude = ["*.xhtml", "content/c.*"]\n', encoding="utf-8")
    report = json.loads(run("check", "--format", "json", "--fail-on", "never", str(root)).stdout)
    assert _relative([d["path"] for d in report["documents"]], root) == ["content/a.md", "content/b.html"]
    # `exclude` replaces the defaults: node_modules is walked again, hidden folders never are
    (root / "mtaudit.toml").write_text('exclude = ["content"]\nrespect-gitignore = false\n', encoding="utf-8")
    report = json.loads(run("check", "--format", "json", "--fail-on", "never", str(root)).stdout)
    assert _relative([d["path"] for d in report["documents"]], root) == ["node_modules/pkg/readme.md",
                                                                           "public/built.html"]


def test_bad_exclude_pattern_is_a_one_line_error(tmp_path):
    (tmp_path / "mtaudit.toml").write_text("exclude = 3\n", encoding="utf-8")
    result = run("config", "--config", str(tmp_path / "mtaudit.toml"))
    assert result.returncode == 2 and "exclude" in result.stderr and result.stderr.count("\n") == 1


def test_force_exclude_drops_named_paths_that_match(tmp_path):
    root = _site(tmp_path)
    named = str(root / "node_modules" / "pkg" / "readme.md")
    assert run("check", "--format", "json", "--fail-on", "never", named).stdout.count('"path"') == 1
    forced = run("check", "--format", "json", "--force-exclude", named)
    assert forced.returncode == 0 and json.loads(forced.stdout)["documents"] == []


def test_a_file_that_is_not_french_is_a_skipped_input(tmp_path):
    (tmp_path / "page.txt").write_text(SPUN, encoding="utf-8")
    (tmp_path / "README.md").write_text(ENGLISH * 3, encoding="utf-8")
    result = run("check", "--format", "json", "--fail-on", "never", str(tmp_path))
    assert result.returncode == 0
    assert "README.md: skipped: not French (detected en" in result.stderr
    assert json.loads(result.stdout)["summary"] == {"documents": 2, "errors": 0, "skipped": 1}
    assert run("check", "--fail-on", "never", "--fail-on-skipped", str(tmp_path)).returncode == 2
    text = run("check", "--fail-on", "never", str(tmp_path)).stdout
    assert "1 skipped (not French)" in text


@pytest.mark.parametrize("name,audited", [
    ("LICENSE.txt", False), ("requirements.txt", False), ("requirements-dev.txt", False),
    ("docs/CHANGELOG.md", False), ("robots.txt", False), ("content/article.md", True),
    ("notes.txt", True), ("index.html", True), ("page.xhtml", True), ("post.markdown", True),
])
def test_pre_commit_hook_pattern(name, audited):
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    # pre-commit matches `files` and `exclude` with re.search on the repository path
    chosen = bool(re.search(hook["files"], name)) and not re.search(hook.get("exclude", "^$"), name)
    assert chosen == audited
    assert "--force-exclude" in hook["entry"]


def test_xhtml_and_markdown_suffixes_are_read_as_what_they_are(tmp_path):
    root = _site(tmp_path)
    report = json.loads(run("check", "--format", "json", "--fail-on", "never", str(root / "content")).stdout)
    media = {d["path"].rsplit(".", 1)[1]: d["media_type"] for d in report["documents"]}
    assert media == {"md": "text/markdown", "html": "text/html", "markdown": "text/markdown", "xhtml": "text/html"}
