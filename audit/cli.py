"""The `mtaudit` command: parse options, call the pipeline, hand results to a reporter and the gate.

Exit codes (audit.errors): 0 nothing at or above --fail-on, 1 findings or thresholds broken
(with --diff: fixes to make; or an internal error, its details written to a file named on
stderr), 2 usage or input error (missing, empty, binary, undecodable, too large, no auditable
file, bad configuration; not French with --fail-on-skipped, else a skipped input). Every
message from an input goes through `say`, escaped to one line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace

import click

from audit.config import FAIL_ON_CHOICES, VERDICT_MODELS, split_codes
from audit.errors import EXIT_ERROR, EXIT_INTERNAL, EXIT_OK, InputError, UserError
from audit.inputs import AUDITED_SUFFIXES, input_paths
from audit.reporters import FORMATS
from audit.reporters.visible import one_line
from audit.verdict import NOT_FRENCH


def say(message: str) -> None:
    """One line on stderr, `mtaudit: …`, with whatever came from an input made visible."""
    click.echo(f"mtaudit: {one_line(message)}", err=True)


def expand_inputs(paths, exclusion) -> list[str]:
    """Files as given, directories walked for audited suffixes, quoted globs expanded; none
    at all is an error (a CI job pointed at the wrong folder must not pass), unless every path
    was named and excluded by --force-exclude."""
    found = list(input_paths(paths, exclusion))
    if not found and all(exclusion.skips_explicit(path) for path in paths):
        return []  # --force-exclude dropped every named file, as a pre-commit hook asks: nothing to do
    if not found:
        raise UserError(f"no file to audit in {', '.join(paths)} (audited: {', '.join(AUDITED_SUFFIXES)})")
    return found


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mtaudit", prog_name="mtaudit")
def cli() -> None:
    """Audit French text for the marks of machine translation and spinning."""


def audit_options(command):
    """The options `check` and `audit-site` share: what to read, which rules, which sources,
    and the gate. Their names are the `Settings` fields they set (see `_settings`)."""
    for option in reversed((
        click.option("--select", help="Comma-separated codes or prefixes to check (default: all)."),
        click.option("--ignore", help="Comma-separated codes or prefixes to skip."),
        click.option("--max-bytes", type=int, help="Refuse inputs larger than this (default 10 MB)."),
        click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Read settings from this file."),
        click.option("--exclude", help="Comma-separated gitignore patterns a walk skips (replaces the defaults)."),
        click.option("--extend-exclude", help="Patterns a walk skips in addition to the default ones."),
        click.option("--force-exclude", is_flag=True, default=None, help="Apply the patterns to named paths too."),
        click.option("--fail-on-skipped", is_flag=True, default=None, help="Exit 2 when a file is not French."),
        click.option("--sources", type=click.Path(file_okay=False), help="Corpus folder: find, align and check sources."),
        click.option("--index", type=click.Path(dir_okay=False), help="Corpus index (default: in the corpus)."),
        click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), help="Lowest severity that fails (default major)."),
        click.option("--min-score", type=float, help="Fail a document whose MQM score is below this."),
        click.option("--max-mt-likelihood", type=float, help="Fail a document whose mt_likelihood is above this."),
        click.option("--verdict-model", type=click.Choice(VERDICT_MODELS),
                     help="rules (default), or e5: add the e5 classifier ([sources] extra; seconds per article)."),
        click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail the gate (report-only CI)."),
        click.option("--baseline", type=click.Path(dir_okay=False), help="Hide the findings in this file from the gate."),
    )):
        command = option(command)
    return command


# Options whose names are Settings fields, read by `_settings`.
_SETTINGS_OPTIONS = ("select", "ignore", "max_bytes", "exclude", "extend_exclude", "force_exclude",
                     "fail_on_skipped", "sources", "index", "fail_on", "min_score", "max_mt_likelihood",
                     "baseline", "strict_spacing", "comet_model", "glossary", "inline_suppressions", "source_files",
                     "verdict_model")


def _settings(paths, options: dict):
    """Validated settings (defaults < configuration found from `paths` < options) and the
    exclusion a directory walk applies; `options` loses the options it reads."""
    from audit.config_files import load_settings, search_start
    from audit.tree import Exclusion

    config_file = options.pop("config_file")
    given = {name: options.pop(name) for name in _SETTINGS_OPTIONS if name in options}
    for name in ("select", "ignore"):
        given[name] = split_codes(given[name])
    for name in ("exclude", "extend_exclude"):
        given[name] = tuple(p.strip() for p in (given[name] or "").split(",") if p.strip())
    settings, _, found = load_settings(given, config_file, cwd=search_start(paths))
    root = str(found.path.parent) if found else "."
    exclusion = Exclusion(settings.exclude + settings.extend_exclude, root, settings.force_exclude,
                          settings.respect_gitignore)
    return settings, exclusion


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@audit_options
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report here.")
@click.option("--strict-spacing", is_flag=True, default=None, help="Require non-breaking spaces (U+00A0/U+202F).")
@click.option("--show-all", is_flag=True, help="List every nit instead of folding repeats.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when a terminal).")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record every finding in this baseline file.")
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=1, show_default=True,
              help="Processes to audit with (0: one per core).")
@click.option("--comet-model", type=click.Path(), help="Local COMET checkpoint (.ckpt or model folder).")
@click.option("--glossary", type=click.Path(dir_okay=False), help="Glossary for bilingual files (CSV or TBX).")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files in place (standard input: print the text).")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them (exit 1 if any).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply the unsafe fixes.")
@click.option("--no-inline-suppressions", "inline_suppressions", flag_value=False, default=None,
              help="Ignore `mtaudit: ignore…` markers in the text (untrusted or scraped pages).")
@click.option("--source", "source_files", multiple=True, type=click.Path(dir_okay=False),
              help="A file the article translates (repeatable): checked against it, no index.")
def check(paths, output_format, output, exit_zero, show_all, color, write_baseline, jobs, fix, diff, unsafe_fixes,
          **options) -> None:
    """Check PATHS (files, directories, globs, or - for standard input).

    Bilingual files (.xlf, .xliff, .tmx, .po, .csv, .tsv, .jsonl) are checked segment by segment."""
    from audit.batch import audit_all
    from audit.gate import exit_code
    from audit.progress import progress

    settings, exclusion = _settings(paths, options)
    if write_baseline:
        settings = replace(settings, baseline=None)  # record everything found now
    _preflight(settings)
    inputs = expand_inputs(paths, exclusion)
    code = _fix(inputs, settings, diff=diff, unsafe=unsafe_fixes) if fix or diff else None
    if code is not None:
        _exit(code, exit_zero)
    with progress(len(inputs)) as advance:
        run = audit_all(inputs, settings, jobs=jobs or os.cpu_count() or 1, on_done=advance)
    for failure in run.failures:
        say(f"{failure.path}: {failure.message}")
    for result in run.audits:
        if result.verdict.label == NOT_FRENCH:
            language = result.language
            say(f"{result.document.path}: skipped: not French (detected {language.code}, "
                f"p={language.probability:.2f})")
    _emit(_render(run, output_format, output, color, show_all), output)
    if settings.baseline:
        _say_baseline(settings.baseline, sum(a.baseline_matched or 0 for a in run.audits))
    if write_baseline:
        _write_baseline(run, write_baseline)
        sys.exit(EXIT_ERROR if run.failures else EXIT_OK)
    _exit(exit_code(run), exit_zero)


def _preflight(settings) -> None:
    """What fails before any input is read, once, as one line and exit 2: a COMET model with
    no source, a bad glossary, an unreadable source file, index, model or baseline."""
    from audit.pipeline import check_ready, similarity_note

    if settings.comet_model and not (settings.sources or settings.source_files):
        raise click.UsageError("--comet-model scores sentences against their sources: give --sources too")
    if settings.glossary:
        from audit.glossary import load_glossary

        load_glossary(settings.glossary)
    check_ready(settings)
    if note := similarity_note(settings):
        say(note)
    if settings.baseline:
        from audit.baseline import accepted

        accepted(settings.baseline)  # a bad baseline is one error up front, not one per document


def _exit(code: int, exit_zero: bool) -> None:
    """`--exit-zero` turns findings (1) into 0; input and usage errors (2) stay."""
    sys.exit(EXIT_OK if exit_zero and code != EXIT_ERROR else code)


def _fix(inputs: list[str], settings, *, diff: bool, unsafe: bool) -> int | None:
    """Fix the inputs before they are audited. --diff and standard input end the run here, with
    the exit code returned (--diff: 1 when there are fixes to make, as ruff does)."""
    from audit.errors import EXIT_FINDINGS
    from audit.fix_files import fix_paths
    from audit.gate import exit_code
    from audit.results import Run

    summary = fix_paths(inputs, settings, unsafe=unsafe, diff=diff)
    for note in summary.notes:
        say(note)
    click.echo(summary.output, nl=False)
    click.echo(summary.line(diff), err=True)
    if diff:
        return EXIT_FINDINGS if summary.fixed else EXIT_OK
    return None if summary.stdin_audit is None else exit_code(Run((summary.stdin_audit,), (), settings))


def _render(run, output_format: str, output: str | None, color: bool | None, show_all: bool) -> Iterable[str]:
    """The report, as pieces when its format streams (JSON, SARIF: see json_stream)."""
    from audit.reporters import reporter

    if output_format != "text":
        module = reporter(output_format)
        return module.render_pieces(run) if hasattr(module, "render_pieces") else [module.render(run)]
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    return reporter("text").render(run, color=use_color, show_all=show_all)


def _write_baseline(run, path: str) -> None:
    from audit import baseline

    recorded = [e for result in run.audits for e in baseline.entries(result.document, list(result.findings), path)]
    _emit(baseline.dumps(recorded), path)
    say(f"{path}: baseline of {len(recorded)} findings written")


def _say_baseline(path: str, matched: int) -> None:
    """How many findings the baseline hid; when none, say so, since it is then likely stale
    or written for other paths (its paths are relative to its own folder)."""
    from audit.baseline import recorded

    if matched:
        say(f"baseline {path}: {matched} known findings hidden from the gate")
    elif entries := recorded(path):
        say(f"baseline {path}: matched none of its {entries} findings (its paths are "
            "relative to its folder; regenerate it with --write-baseline)")


def _emit(report: str | Iterable[str], output: str | None) -> None:
    """Write a report, or its pieces, as UTF-8; a file name that was not valid UTF-8 (PEP 383
    surrogates) is written as `\\udcNN`, which JSON reads back as the same name."""
    pieces = [report] if isinstance(report, str) else report
    if output is None:
        sys.stdout.flush()
        for block in _blocks(pieces):
            sys.stdout.buffer.write(block.encode("utf-8", "backslashreplace"))
        sys.stdout.buffer.flush()
        return
    try:
        with open(output, "w", encoding="utf-8", errors="backslashreplace") as handle:
            for block in _blocks(pieces):
                handle.write(block)
    except OSError as error:
        raise UserError(f"{output}: cannot write report ({error.strerror})") from None


def _blocks(pieces: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """Pieces joined into blocks of about `size` characters: one write per block, not per piece."""
    buffer, length = [], 0
    for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(buffer)
            buffer, length = [], 0
    yield "".join(buffer)


@cli.command("audit-site")
@click.argument("paths", nargs=-1)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Results folder (shards and summary.json).")
@click.option("--files-from", help="Also audit the paths listed in this file, one a line (- for standard input).")
@click.option("--engine", type=click.Choice(("local", "dask")), default="local", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(0, 1024), default=0, show_default=True,
              help="Local processes, or LocalCluster workers (0: one per core).")
@click.option("--scheduler", help="Address of a running Dask scheduler (tcp://HOST:PORT); implies --engine dask.")
@audit_options
def audit_site_command(paths, out, files_from, engine, jobs, scheduler, exit_zero, **options) -> None:
    """Audit a site into --out: PATHS (files, directories, globs, .jsonl exports), resumably."""
    from itertools import chain

    from audit.gate import site_exit_code
    from audit.inputs import listed_paths
    from audit.progress import progress
    from audit.site.damage import Damage
    from audit.site.driver import audit_site

    if not paths and not files_from:
        raise UserError("audit-site: give PATHS or --files-from")
    settings, exclusion = _settings(paths, options)
    _preflight(settings)
    inputs = input_paths(chain(paths, listed_paths(files_from) if files_from else ()), exclusion)
    with progress(None) as advance:
        summary = audit_site(inputs, out, settings, engine="dask" if scheduler else engine,
                             workers=jobs or os.cpu_count() or 1, scheduler=scheduler, on_page=advance)
    if warning := Damage(**summary["damaged_lines"]).warning():
        say(warning)
    run, gate = summary["this_run"], summary["gate"]
    say(f"{summary['pages']} pages ({run['audited']} audited now, {run['skipped_unchanged']} "
        f"unchanged), {summary['errors']} errors, {gate['skipped_not_french']} skipped (not French), "
        f"{gate['failing_pages']} failing the gate; results in {out}")
    if settings.baseline:
        _say_baseline(settings.baseline, gate["baseline_matched"])
    _exit(site_exit_code(summary, settings), exit_zero)


@cli.command("report")
@click.argument("results", type=click.Path(file_okay=False, exists=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Where to write the page (default: RESULTS/index.html).")
@click.option("--worst", type=click.IntRange(1, 100_000), default=500, show_default=True,
              help="How many of the worst pages to list with their findings.")
def report_command(results: str, output: str | None, worst: int) -> None:
    """Build the HTML index of an audit-site RESULTS folder from its shards: every page's
    newest record, whichever run wrote it."""
    import json
    from pathlib import Path

    from audit.site.damage import Damage
    from audit.site.index_page import build_index, write_site_index
    from audit.site.shards import current_records, shard_paths

    folder = Path(results)
    if not shard_paths(folder):
        raise UserError(f"{results}: no audit-site shards there (documents-*.jsonl, errors-*.jsonl)")
    try:
        signature = json.loads((folder / "summary.json").read_text(encoding="utf-8"))["meta"]["settings"]
    except (OSError, ValueError, KeyError, TypeError):
        signature = "unknown (no summary.json)"
    target, damage = output or str(folder / "index.html"), Damage()
    try:
        write_site_index(build_index(current_records(folder, damage=damage), worst), signature, Path(target))
    except OSError as error:
        raise UserError(f"{target}: cannot write report ({error.strerror})") from None
    if warning := damage.warning():
        say(warning)
    say(f"site report written to {target}")


@cli.command()
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """Document every rule, or the one named by CODE (as `ruff rule` does)."""
    from audit.rules import REGISTRY

    if code is None:
        for _, rule_ in sorted(REGISTRY.items()):
            click.echo(f"{rule_.code}  {rule_.name:<34} {rule_.category.value:<24} {rule_.severity.value:<8} {rule_.summary}")
        return
    rule_ = REGISTRY.get(code.upper())
    if rule_ is None:
        raise UserError(f"unknown rule code {code!r} (run `mtaudit rules` for the list)")
    click.echo(f"# {rule_.name} ({rule_.code})\n")
    click.echo(f"Category: {rule_.category.value}  ·  default severity: {rule_.severity.value}"
               f"{'  ·  nit (folded)' if rule_.nit else ''}{_fix_note(rule_)}\n")
    click.echo(rule_.documentation)


def _fix_note(rule_) -> str:
    return {"safe": "  ·  safe fix (--fix)", "unsafe": "  ·  unsafe fix (--fix --unsafe-fixes)",
            "per entry": "  ·  unsafe fix for the data entries that give one"}.get(rule_.fix, "")


@cli.command("index")
@click.argument("corpus", type=click.Path(file_okay=False))
@click.option("--index", "index_path", type=click.Path(dir_okay=False), help="Where to write the index.")
@click.option("--no-embed", is_flag=True,
              help="Do not store sentence embeddings (faster to build; each check embeds its sources again).")
def index_corpus(corpus: str, index_path: str | None, no_embed: bool) -> None:
    """Build or update the index of a CORPUS folder of source reports (only changed files are read)."""
    from audit.sources.index import build_index

    stats = build_index(corpus, index_path, embed_sentences=not no_embed)
    click.echo(f"{one_line(stats.path)}: {stats.reports} reports ({stats.added} files added, {stats.updated} updated, "
               f"{stats.removed} removed, {stats.unchanged} unchanged) in {stats.seconds:.2f} s")


@cli.command("align")
@click.argument("article", type=click.Path(dir_okay=False))
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True)
def align_article(article: str, source: str, output_format: str) -> None:
    """Align ARTICLE sentence by sentence with one SOURCE report (French or English)."""
    from audit.reporters import alignment
    from audit.sources.context import align_files

    _emit(alignment.render(align_files(article, source), output_format), None)


@cli.command("config")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Read settings from this file.")
def show_config(config_file: str | None) -> None:
    """Show the effective configuration and where each value came from."""
    from audit.config_files import load_settings, settings_table

    settings, origins, found = load_settings({}, config_file)
    click.echo(f"# configuration file: {found.path if found else '(none found; defaults)'}")
    click.echo(settings_table(settings, origins))


def main() -> None:
    """Entry point: user errors become one line on stderr and exit 2; anything else, one line
    naming the file its traceback was written to, and exit 1. Never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        say("interrupted")
        sys.exit(EXIT_ERROR)
    except click.ClickException as error:
        say(error.format_message())
        sys.exit(EXIT_ERROR)
    except (UserError, InputError) as error:
        say(str(error))
        sys.exit(EXIT_ERROR)
    except SystemExit:
        raise
    except BrokenPipeError:  # `mtaudit check … | head`: the reader has gone, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_ERROR)
    except Exception as error:  # noqa: BLE001 - the last resort: a bug, told in one line
        from audit.crash import write_details

        say(f"internal error ({type(error).__name__}: {error}); details written to {write_details(error)}")
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_OK)
