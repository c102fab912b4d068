"""Each checked file's settings, from the configuration file nearest to it, as ruff finds them.

A site's repository may hold a `pyproject.toml` at its root and an `mtaudit.toml` in one of
its sections (a `blog/` with its own `accept` list, `severity` or `per-file-ignores`): each
file is checked with the first configuration found from its own folder upward, and the
command line's options override every one of them. What belongs to the run as a whole (the
gate's thresholds, sources, the exclusion of a walk, the language) stays with the
configuration found from the checked paths' common folder (`config_files.search_start`).
With `--config FILE`, every file uses that file.
"""

from __future__ import annotations

from pathlib import Path

from audit.config import Settings
from audit.config_files import ConfigFile, find_file, settings_from


class FileSettings:
    """Called with a path: the settings that file is checked with; one lookup per folder."""

    def __init__(self, given: dict, run_settings: Settings, run_config: ConfigFile | None, *, explicit: bool):
        self._given = given
        self._explicit = explicit
        self._run = run_settings
        self._by_config: dict[Path | None, Settings] = {run_config.path if run_config else None: run_settings}
        self._by_folder: dict[Path, ConfigFile | None] = {}

    def __call__(self, path: str) -> Settings:
        if self._explicit or path == "-":
            return self._run
        folder = Path(path).resolve().parent
        if folder not in self._by_folder:
            self._by_folder[folder] = find_file(folder)
        found = self._by_folder[folder]
        key = found.path if found else None
        if key not in self._by_config:
            self._by_config[key] = settings_from(found, self._given)[0]
        return self._by_config[key]
