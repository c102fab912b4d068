"""Read settings from configuration files and the command line, validated, with their origins.

Precedence, as coverage.py and ruff do it: defaults < configuration file < command line. The
file is `--config FILE` when given, else the first of `.mtaudit.toml`, `mtaudit.toml`,
`pyproject.toml` (with a `[tool.mtaudit]` table) or `setup.cfg` (with an `[mtaudit]` section)
found in a folder or its parents, as ruff does: from each checked file's folder for that file
(`audit.config_discovery`), from the checked paths' common folder for the run (`search_start`). Keys are spelled with dashes or underscores; an unknown key or a bad
value is a `UserError` naming the file and the key.
"""

from __future__ import annotations

import configparser
import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

from audit.config import FAIL_ON_CHOICES, VERDICT_MODELS, Settings
from audit.errors import UserError
from audit.findings import Severity
from audit.messages import LANGUAGES

DEFAULT = "default"
COMMAND_LINE = "command line"
_CODE = re.compile(r"^[A-Z]{2,}\d{0,3}$")
_FULL_CODE = re.compile(r"^[A-Z]{2,}\d{3}$")


class _Bad(ValueError):
    """A value that does not fit its key; the caller adds where it came from."""


@dataclass(frozen=True)
class ConfigFile:
    """The table of settings found in one file, and a label saying where it is."""

    path: Path
    label: str
    values: dict


def _strings(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = re.split(r"[,\n]", value)
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise _Bad("expected a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _codes(value) -> tuple[str, ...]:
    codes = tuple(code.upper() for code in _strings(value))
    for code in codes:
        if not _CODE.match(code):
            raise _Bad(f"{code!r} is not a rule code or prefix such as MT1 or MT203")
    return codes


def _known_codes(value) -> tuple[str, ...]:
    """`select` / `ignore`: codes or prefixes of rules that exist (`MT`, `MT2`, `MT203`), so a
    typo is an error rather than a check silently not run."""
    from audit.rules import REGISTRY

    codes = _codes(value)
    for code in codes:
        if not any(known.startswith(code) for known in REGISTRY):
            raise _Bad(f"{code!r} is no rule's code or prefix (run `mtaudit rules` for the list)")
    return codes


def _pairs(value, separator: str) -> dict:
    """A TOML table, or setup.cfg lines `key = value` / `key: value`."""
    if isinstance(value, dict):
        return value
    if not isinstance(value, str):
        raise _Bad("expected a table")
    pairs = {}
    for item in filter(None, (line.strip() for line in value.splitlines())):
        key, found, rest = item.partition(separator)
        if not found:
            raise _Bad(f"{item!r} is not `key {separator} value`")
        pairs[key.strip()] = rest.strip()
    return pairs


def _severity(value) -> dict[str, str]:
    levels = {s.value for s in Severity}
    table = {}
    for code, level in _pairs(value, "=").items():
        code = code.upper()
        if not _FULL_CODE.match(code):
            raise _Bad(f"{code!r} is not a full rule code such as MT203")
        if not isinstance(level, str) or level not in levels:
            raise _Bad(f"{code}: {level!r} is not minor, major or critical")
        table[code] = level
    return table


def _terminology(value) -> dict[str, str]:
    table = _pairs(value, "=")
    if not all(isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip() for k, v in table.items()):
        raise _Bad("expected `term to avoid = term to use` pairs of words")
    return {k.strip(): v.strip() for k, v in table.items()}


def _per_file_ignores(value) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((glob, _codes(codes)) for glob, codes in _pairs(value, ":").items())


def _boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    words = {"true": True, "yes": True, "on": True, "1": True, "false": False, "no": False, "off": False, "0": False}
    if isinstance(value, str) and value.strip().lower() in words:
        return words[value.strip().lower()]
    raise _Bad("expected true or false")


def _number(kind: type, low: float, high: float) -> Callable:
    def convert(value):
        if isinstance(value, bool):
            raise _Bad(f"expected a number from {low} to {high}")
        try:
            number = kind(value)
        except (TypeError, ValueError, OverflowError):  # OverflowError: int(inf)
            raise _Bad(f"expected a number from {low} to {high}") from None
        if not low <= number <= high:
            raise _Bad(f"{number} is outside {low}..{high}")
        return number

    return convert


def _choice(*choices: str) -> Callable:
    def convert(value):
        if value not in choices:
            raise _Bad(f"{value!r} is not one of {', '.join(choices)}")
        return value

    return convert


def _patterns(value) -> tuple[str, ...]:
    """gitignore globs (`audit.tree`), checked now so a typo is an error, not a silent walk."""
    import pathspec

    patterns = _strings(value)
    try:
        pathspec.PathSpec.from_lines("gitwildmatch", patterns)
    except (ValueError, TypeError) as error:
        raise _Bad(f"not a gitignore pattern ({error})") from None
    return patterns


def _path(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Bad("expected a file name")
    return value.strip()


CONVERTERS: dict[str, Callable] = {
    "select": _known_codes,
    "ignore": _known_codes,
    "fail_on": _choice(*FAIL_ON_CHOICES),
    "verdict_model": _choice(*VERDICT_MODELS),
    "strict_spacing": _boolean,
    "max_bytes": _number(int, 1, 2**40),
    "max_parse_seconds": _number(float, 0.001, 86_400.0),
    "boilerplate": _strings,
    "severity": _severity,
    "min_score": _number(float, 0.0, 100.0),
    "max_mt_likelihood": _number(float, 0.0, 1.0),
    "per_file_ignores": _per_file_ignores,
    "accept": _strings,
    "baseline": _path,
    "terminology": _terminology,
    "exclude": _patterns,
    "extend_exclude": _patterns,
    "lang": _choice(*LANGUAGES),
}


def _converter(name: str) -> Callable:
    """A Settings field without its own converter (added by a later stage) is read by the
    type of its default: a list of strings, a boolean, a number or a string."""
    if name in CONVERTERS:
        return CONVERTERS[name]
    default = Settings.__dataclass_fields__[name].default
    if isinstance(default, bool):
        return _boolean
    if isinstance(default, int | float):
        return _number(type(default), 0, 2**40)
    return _strings if isinstance(default, tuple) else _path


def convert(values: dict, source: str) -> dict:
    """Validated Settings values from raw ones; the error names `source` and the key."""
    known = [f.name for f in fields(Settings)]
    converted = {}
    for key, value in values.items():
        name = key.replace("-", "_")
        if name not in known:
            keys = ", ".join(k.replace("_", "-") for k in known)
            raise UserError(f"{source}: unknown key {key!r} (known keys: {keys})")
        try:
            converted[name] = _converter(name)(value)
        except _Bad as error:
            raise UserError(f"{source}: {key}: {error}") from None
        except (TypeError, ValueError, RecursionError):  # a shape no converter expected
            raise UserError(f"{source}: {key}: not a valid value of this key") from None
    return converted


def read_file(path: Path) -> ConfigFile | None:
    """The mtaudit table in `path`, or None when the file has none."""
    try:
        if path.name == "setup.cfg" or path.suffix == ".cfg":
            parser = configparser.ConfigParser(interpolation=None)
            parser.read(path, encoding="utf-8")
            if not parser.has_section("mtaudit"):
                return None
            return ConfigFile(path, f"{path.name} [mtaudit]", dict(parser.items("mtaudit")))
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except (OSError, configparser.Error, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UserError(f"{path}: cannot read configuration ({error})") from None
    except RecursionError:
        raise UserError(f"{path}: cannot read configuration (nested too deeply)") from None
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        table = tool.get("mtaudit") if isinstance(tool, dict) else None
        if table is not None and not isinstance(table, dict):
            raise UserError(f"{path}: [tool] mtaudit: expected a table, not {type(table).__name__}")
        return None if table is None else ConfigFile(path, f"{path.name} [tool.mtaudit]", table)
    return ConfigFile(path, path.name, document)


CONFIG_NAMES = (".mtaudit.toml", "mtaudit.toml", "pyproject.toml", "setup.cfg")


def find_file(start: Path) -> ConfigFile | None:
    """The first configuration found in `start` or its parents, in the order of CONFIG_NAMES
    within a folder (ruff's order: its own dotted and plain files, then pyproject.toml)."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (found := read_file(candidate)) is not None:
                return found
    return None


def search_start(paths) -> Path:
    """Where to look for the run's configuration: the folder holding the checked paths (their
    common folder when several), else the current directory (standard input without a name).
    A named file need not exist (`--stdin-filename`): its folder does."""
    folders = [Path(p).resolve() if Path(p).is_dir() else Path(p).resolve().parent
               for p in paths if p != "-" and (Path(p).exists() or Path(p).resolve().parent.is_dir())]
    if not folders:
        return Path.cwd()
    return Path(os.path.commonpath(folders))


def load_settings(
    cli_values: dict, config: str | None = None, cwd: Path | None = None
) -> tuple[Settings, dict[str, str], ConfigFile | None]:
    """Settings from defaults < file < command line, and where each value came from."""
    if config is not None:
        found = read_file(Path(config))
        if found is None:
            raise UserError(f"{config}: no [mtaudit] or [tool.mtaudit] table in this file")
    else:
        found = find_file((cwd or Path.cwd()).resolve())
    settings, origins = settings_from(found, cli_values)
    return settings, origins, found


def settings_from(found: ConfigFile | None, cli_values: dict) -> tuple[Settings, dict[str, str]]:
    """Settings from defaults < the file `found` < command line, and each value's origin."""
    from_file = convert(found.values, found.label) if found else {}
    for key in ("baseline", "glossary"):  # a path in a file is relative to that file, as in coverage.py
        if key in from_file:
            from_file[key] = str(found.path.parent / from_file[key])
    given = {k: v for k, v in cli_values.items() if v is not None and v != ()}
    from_cli = convert(given, COMMAND_LINE)
    origins = {f.name: DEFAULT for f in fields(Settings)}
    origins.update({k: found.label for k in from_file} if found else {})
    origins.update({k: COMMAND_LINE for k in from_cli})
    return Settings(**{**from_file, **from_cli}), origins


def settings_table(settings: Settings, origins: dict[str, str]) -> str:
    """`key = value  # origin`, one line per setting, in TOML syntax so it can be pasted."""
    import json

    lines = []
    for item in fields(Settings):
        value = getattr(settings, item.name)
        if isinstance(value, tuple) and value and isinstance(value[0], tuple):  # per-file-ignores
            value = {glob: list(codes) for glob, codes in value}
        shown = "(unset)" if value is None else json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)
        lines.append(f"{item.name.replace('_', '-'):<18} = {shown:<40} # {origins[item.name]}")
    return "\n".join(lines)
