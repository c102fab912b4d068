"""Which files of a site's tree a directory walk audits, as ruff decides for source trees.

A content repository holds more than its pages: `.git`, virtual environments, `node_modules`,
caches, and whatever its `.gitignore` files name (build output, drafts). A walk skips hidden
folders, the `exclude` patterns (`DEFAULT_EXCLUDE` unless the configuration replaces them),
the `extend-exclude` patterns and, with `respect-gitignore` (on by default), what the
`.gitignore` files of the walked folders and of their parents up to the repository's root
ignore. Patterns are gitignore globs (pathspec): `drafts` matches a folder of that name at
any depth, `content/old/*.md` is relative to the project's root (the folder of the
configuration file, else the current directory).

Paths named on the command line are audited even when a pattern matches them, unless
`--force-exclude` asks otherwise (a pre-commit hook passes every changed file explicitly).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

# Folders that are never a site's pages: version control, environments, package caches.
DEFAULT_EXCLUDE = (
    ".bzr", ".direnv", ".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "__pycache__",
    ".mypy_cache", ".pytest_cache", ".ruff_cache", "node_modules", "site-packages", "__pypackages__",
)


@dataclass(frozen=True)
class Exclusion:
    """The exclude patterns, where relative ones start, and whether explicit paths obey them."""

    patterns: tuple[str, ...] = DEFAULT_EXCLUDE
    root: str = "."
    force: bool = False
    gitignore: bool = True

    @cached_property
    def _spec(self):
        import pathspec

        return pathspec.PathSpec.from_lines("gitwildmatch", self.patterns)

    def excludes(self, path: str, is_dir: bool = False) -> bool:
        """True when a pattern matches `path` or one of its folders (below the root)."""
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(self.root))
        if relative.startswith(".."):  # outside the project: the patterns without a slash still apply
            relative = os.path.abspath(path).lstrip(os.sep)
        relative = Path(relative).as_posix()
        return self._spec.match_file(relative + "/" if is_dir else relative)

    def skips_explicit(self, path: str) -> bool:
        """`--force-exclude`: a path given by name is dropped when a pattern matches it."""
        return self.force and path != "-" and self.excludes(path, os.path.isdir(path))


def walk(top: str, exclusion: Exclusion, suffixes: tuple[str, ...]) -> Iterator[str]:
    """Regular files under `top` ending with `suffixes` (any case), sorted, minus what is excluded."""
    ignores = {os.path.normpath(top): _parent_gitignores(top) if exclusion.gitignore else ()}
    for folder, subfolders, names in os.walk(top):
        chain = ignores.pop(os.path.normpath(folder), ())
        if exclusion.gitignore and (own := _gitignore(folder)) is not None:
            chain = (*chain, (folder, own))
        kept = sorted(
            name for name in subfolders
            if not name.startswith(".") and not _excluded(os.path.join(folder, name), True, exclusion, chain)
        )
        subfolders[:] = kept
        ignores.update((os.path.normpath(os.path.join(folder, name)), chain) for name in kept)
        yield from sorted(
            path for name in names
            if name.lower().endswith(suffixes)
            and not _excluded(path := os.path.join(folder, name), False, exclusion, chain)
            and os.path.isfile(path)  # a named pipe called x.txt would wait for a writer forever
        )


def _excluded(path: str, is_dir: bool, exclusion: Exclusion, chain) -> bool:
    if exclusion.excludes(path, is_dir):
        return True
    for base, spec in chain:
        relative = Path(os.path.relpath(path, base)).as_posix()
        if spec.match_file(relative + "/" if is_dir else relative):
            return True
    return False


def _gitignore(folder: str):
    """The folder's `.gitignore` as a pathspec, or None."""
    try:
        with open(os.path.join(folder, ".gitignore"), encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _parent_gitignores(top: str) -> tuple:
    """`.gitignore` files of the folders above `top`, up to the repository's root (the folder
    holding `.git`), outermost first; none when `top` is not inside a repository."""
    found = []
    for folder in Path(os.path.abspath(top)).parents:
        if (spec := _gitignore(str(folder))) is not None:
            found.append((str(folder), spec))
        if (folder / ".git").exists():
            return tuple(reversed(found))
    return ()
