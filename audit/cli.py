"""The `mtaudit` command: parse options, call the pipeline, hand results to a reporter and the gate.

Exit codes (audit.errors): 0 nothing at or above --fail-on, 1 findings or thresholds broken
(with --diff: fixes to make; or an internal error, its details written to a file named on
stderr), 2 usage or input error (missing, empty, binary, undecodable, too large, no auditable
file, bad configuration; not French with --fail-on-skipped, else a skipped input). Every
message from an input goes through `say`, escaped to one line; notes and summaries go through
`tell`, which `--quiet` silences. An input's failure is printed once on a terminal: on stderr,
which the text report does not repeat (its table marks the input `error`), nor stderr the
`E000` lines of a concise report on standard output.
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
from audit.messages import LANGUAGES, N_, _
from audit.reporters import FORMATS
from audit.reporters.visible import one_line
from audit.verdict import NOT_FRENCH


def say(message: str) -> None:
    """One line on stderr, `mtaudit: …`, with whatever came from an input made visible."""
    click.echo(f"mtaudit: {one_line(message)}", err=True)


def tell(message: str) -> None:
    """`say` for what is only information (notes, summaries): `--quiet` silences it."""
    context = click.get_current_context(silent=True)
    if not (context and context.meta.get("mtaudit.quiet")):
        say(message)


def expand_inputs(paths, exclusion, stdin_name: str | None = None) -> list[str]:
    """Files as given, directories walked for audited suffixes, quoted globs expanded; none
    at all is an error (a CI job pointed at the wrong folder must not pass), unless every path
    was named and excluded by --force-exclude (standard input by its --stdin-filename)."""
    named = [stdin_name if path == "-" and stdin_name else path for path in paths]
    kept = [path for path, name in zip(paths, named) if path != "-" or not exclusion.skips_explicit(name)]
    found = list(input_paths(kept, exclusion))
    if not found and all(exclusion.skips_explicit(name) for name in named):
        return []  # --force-exclude dropped every named file, as a pre-commit hook asks: nothing to do
    if not found:
        raise UserError(_("no file to audit in {paths} (audited: {suffixes})").format(
            paths=", ".join(paths), suffixes=", ".join(AUDITED_SUFFIXES)))
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
        click.option("--max-parse-seconds", type=float,
                     help="Refuse HTML pages that take longer to parse, in CPU seconds (default 20)."),
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
        click.option("--respect-gitignore/--no-respect-gitignore", default=None,
                     help="Skip what .gitignore files ignore in a walk (default: yes)."),
        click.option("-q", "--quiet", is_flag=True, help="Print the findings and errors only: no summary, no notes."),
        click.option("--lang", type=click.Choice(LANGUAGES), envvar="MTAUDIT_LANG",
                     help="Language of mtaudit's messages (default en; env MTAUDIT_LANG; JSON stays English)."),
    )):
        command = option(command)
    return command


# Options whose names are Settings fields, read by `_settings`.
_SETTINGS_OPTIONS = ("select", "ignore", "max_bytes", "max_parse_seconds", "exclude", "extend_exclude", "force_exclude",
                     "fail_on_skipped", "sources", "index", "fail_on", "min_score", "max_mt_likelihood",
                     "baseline", "strict_spacing", "comet_model", "glossary", "inline_suppressions", "source_files",
                     "respect_gitignore", "lang", "qe", "verdict_model")


def _settings(paths, options: dict, stdin_name: str | None = None):
    """The run's validated settings (defaults < configuration found from `paths` < options),
    the exclusion a directory walk applies, and each file's own settings (its nearest
    configuration < options, `audit.config_discovery`); `options` loses the options it reads.
    Also sets the language of messages and `--quiet` for the rest of the command."""
    from audit import messages
    from audit.config_discovery import FileSettings
    from audit.config_files import load_settings, search_start
    from audit.tree import Exclusion

    click.get_current_context().meta["mtaudit.quiet"] = options.pop("quiet")
    config_file = options.pop("config_file")
    given = {name: options.pop(name) for name in _SETTINGS_OPTIONS if name in options}
    for name in ("select", "ignore"):
        given[name] = split_codes(given[name])
    for name in ("exclude", "extend_exclude"):
        given[name] = tuple(p.strip() for p in (given[name] or "").split(",") if p.strip())
    named = [stdin_name if path == "-" and stdin_name else path for path in paths]
    settings, _origins, found = load_settings(given, config_file, cwd=search_start(named))
    messages.use(settings.lang)
    root = str(found.path.parent) if found else "."
    exclusion = Exclusion(settings.exclude + settings.extend_exclude, root, settings.force_exclude,
                          settings.respect_gitignore)
    return settings, exclusion, FileSettings(given, settings, found, explicit=config_file is not None)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@audit_options
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report here.")
@click.option("--strict-spacing", is_flag=True, default=None, help="Require non-breaking spaces (U+00A0/U+202F).")
@click.option("--show-all", is_flag=True, help="List every nit instead of folding repeats.")
@click.option("--color/--no-color", default=None,
              help="Colour the text report (default: on a terminal, unless NO_COLOR; FORCE_COLOR forces it).")
@click.option("--statistics", is_flag=True, help="Count the findings per code instead of listing them.")
@click.option("--stdin-filename", help="The name of standard input (-): in reports, for configuration and exclusion.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record every finding in this baseline file.")
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=1, show_default=True,
              help="Processes to audit with (0: one per core).")
@click.option("--comet-model", type=click.Path(), help="Local COMET checkpoint (.ckpt or model folder).")
@click.option("--glossary", type=click.Path(dir_okay=False), help="Glossary for bilingual files (CSV or TBX).")
@click.option("--qe", is_flag=True, default=None, help="Bilingual files: learned QE scores and error spans (MT712).")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files in place (standard input: print the text).")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them (exit 1 if any).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply the unsafe fixes.")
@click.option("--no-inline-suppressions", "inline_suppressions", flag_value=False, default=None,
              help="Ignore `mtaudit: ignore…` markers in the text (untrusted or scraped pages).")
@click.option("--source", "source_files", multiple=True, type=click.Path(dir_okay=False),
              help="A file the article translates (repeatable): checked against it, no index.")
def check(paths, output_format, output, exit_zero, show_all, color, write_baseline, jobs, fix, diff, unsafe_fixes,
          statistics, stdin_filename, **options) -> None:
    """Check PATHS (files, directories, globs, or - for standard input).

    Bilingual files (.xlf, .xliff, .tmx, .po, .csv, .tsv, .jsonl) are checked segment by segment."""
    from audit.batch import audit_all
    from audit.gate import exit_code
    from audit.progress import progress

    if stdin_filename is not None and "-" not in paths:
        raise click.UsageError(_("--stdin-filename names standard input: give - among the paths"))
    if statistics and output_format != "text":
        raise click.UsageError(_("--statistics prints a table of its own: leave out --format"))
    settings, exclusion, settings_for = _settings(paths, options, stdin_filename)
    if write_baseline:  # record everything found now, whatever baseline a configuration names
        settings, files = replace(settings, baseline=None), settings_for
        settings_for = lambda path: replace(files(path), baseline=None)
    _preflight(settings)
    inputs, settings_for = expand_inputs(paths, exclusion, stdin_filename), _named(settings_for, stdin_filename)
    if fix or diff:
        code = _fix(inputs, settings, diff=diff, unsafe=unsafe_fixes, stdin_name=stdin_filename,
                    settings_for=settings_for)
        if code is not None:
            _exit(code, exit_zero)
    quiet = click.get_current_context().meta["mtaudit.quiet"]
    with progress(len(inputs), enabled=False if quiet else None) as advance:
        run = audit_all(inputs, settings, jobs=jobs or os.cpu_count() or 1, on_done=advance,
                        settings_for=settings_for, stdin_name=stdin_filename)
    _say_skipped(run, settings, failures=not (output is None and output_format == "concise" and not statistics))
    if statistics:
        from audit.reporters import statistics as table

        _emit(table.render(run), output)
    else:
        _emit(_render(run, output_format, output, color, show_all, quiet), output)
    if settings.baseline:
        _say_baseline(settings.baseline, sum(a.baseline_matched or 0 for a in run.audits))
    if write_baseline:
        _write_baseline(run, write_baseline)
        sys.exit(EXIT_ERROR if run.failures else EXIT_OK)
    _exit(exit_code(run), exit_zero)


def _named(settings_for, stdin_name: str | None):
    """Each file's settings, standard input's found from its --stdin-filename."""
    if settings_for is None or stdin_name is None:
        return settings_for
    return lambda path: settings_for(stdin_name if path == "-" else path)


def _say_skipped(run, settings, *, failures: bool) -> None:
    """Failed inputs (unless the report on standard output lists them), and the inputs skipped
    as not French: an error with --fail-on-skipped, else a note."""
    for failure in run.failures if failures else ():
        say(f"{failure.path}: {failure.message}")
    for result in run.audits:
        if result.verdict.label == NOT_FRENCH:
            language = result.language
            (say if settings.fail_on_skipped else tell)(_("{path}: skipped: not French (detected {language}, p={probability:.2f})").format(
                path=result.document.path, language=language.code, probability=language.probability))


def _preflight(settings) -> None:
    """What fails before any input is read, once, as one line and exit 2: a COMET model with
    no source, a bad glossary, an unreadable source file, index, model or baseline."""
    from audit.pipeline import check_ready, qe_note, similarity_note, stale_index_note

    if settings.comet_model and not (settings.sources or settings.source_files):
        raise click.UsageError(_("--comet-model scores sentences against their sources: give --sources too"))
    if settings.glossary:
        from audit.glossary import load_glossary

        load_glossary(settings.glossary)
    check_ready(settings)
    for note in (stale_index_note(settings), similarity_note(settings), qe_note(settings)):
        if note:
            tell(note)
    if settings.baseline:
        from audit.baseline import accepted

        accepted(settings.baseline)  # a bad baseline is one error up front, not one per document


def _exit(code: int, exit_zero: bool) -> None:
    """`--exit-zero` turns findings (1) into 0; input and usage errors (2) stay."""
    sys.exit(EXIT_OK if exit_zero and code != EXIT_ERROR else code)


def _fix(inputs: list[str], settings, *, diff: bool, unsafe: bool, stdin_name: str | None = None,
         settings_for=None) -> int | None:
    """Fix the inputs before they are audited. --diff and standard input end the run here, with
    the exit code returned (--diff: 1 when there are fixes to make, as ruff does)."""
    from audit.errors import EXIT_FINDINGS
    from audit.fix_files import fix_paths
    from audit.gate import exit_code
    from audit.results import Run

    summary = fix_paths(inputs, settings, unsafe=unsafe, diff=diff, stdin_name=stdin_name, settings_for=settings_for)
    for note in summary.notes:
        tell(note)
    click.echo(summary.output, nl=False)
    if not click.get_current_context().meta.get("mtaudit.quiet"):
        click.echo(summary.line(diff), err=True)
    if diff:
        return EXIT_FINDINGS if summary.fixed else EXIT_OK
    return None if summary.stdin_audit is None else exit_code(Run((summary.stdin_audit,), (), settings))


def _render(run, output_format: str, output: str | None, color: bool | None, show_all: bool,
            quiet: bool) -> Iterable[str]:
    """The report, as pieces when its format streams (JSON, SARIF: see json_stream). The text
    report takes the terminal's colour and width on standard output (`audit.terminal`); in a
    file, colour only with --color, and never a wrapped line."""
    from audit.reporters import reporter
    from audit.terminal import report_width, stdout_is_terminal, wants_color

    if output_format != "text":
        module = reporter(output_format)
        return module.render_pieces(run) if hasattr(module, "render_pieces") else [module.render(run)]
    to_terminal = output is None and stdout_is_terminal()
    use_color = wants_color(color, to_terminal) if output is None else bool(color)
    return reporter("text").render(run, color=use_color, show_all=show_all, width=report_width(to_terminal),
                                   quiet=quiet)


def _write_baseline(run, path: str) -> None:
    from audit import baseline

    recorded = [e for result in run.audits for e in baseline.entries(result.document, list(result.findings), path)]
    _emit(baseline.dumps(recorded), path)
    tell(_("{path}: baseline of {count} findings written").format(path=path, count=len(recorded)))


def _say_baseline(path: str, matched: int) -> None:
    """How many findings the baseline hid; when none, say so, since it is then likely stale
    or written for other paths (its paths are relative to its own folder)."""
    from audit.baseline import recorded

    if matched:
        tell(_("baseline {path}: {count} known findings hidden from the gate").format(path=path, count=matched))
    elif entries := recorded(path):
        say(_("baseline {path}: matched none of its {count} findings (its paths are relative to its "
              "folder; regenerate it with --write-baseline)").format(path=path, count=entries))


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
        raise UserError(_("{path}: cannot write report ({reason})").format(path=output, reason=error.strerror)) from None


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
        raise UserError(_("audit-site: give PATHS or --files-from"))
    settings, exclusion, _files = _settings(paths, options)
    _preflight(settings)
    inputs = input_paths(chain(paths, listed_paths(files_from) if files_from else ()), exclusion)
    with progress(None, enabled=False if click.get_current_context().meta["mtaudit.quiet"] else None) as advance:
        summary = audit_site(inputs, out, settings, engine="dask" if scheduler else engine,
                             workers=jobs or os.cpu_count() or 1, scheduler=scheduler, on_page=advance)
    if warning := Damage(**summary["damaged_lines"]).warning():
        say(warning)
    run, gate = summary["this_run"], summary["gate"]
    tell(_("{pages} pages ({audited} audited now, {unchanged} unchanged), {errors} errors, {skipped} "
           "skipped (not French), {failing} failing the gate; results in {out}").format(
        pages=summary["pages"], audited=run["audited"], unchanged=run["skipped_unchanged"],
        errors=summary["errors"], skipped=gate["skipped_not_french"], failing=gate["failing_pages"], out=out))
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
        raise UserError(_("{results}: no audit-site shards there (documents-*.jsonl, errors-*.jsonl)").format(
            results=results))
    try:
        signature = json.loads((folder / "summary.json").read_text(encoding="utf-8"))["meta"]["settings"]
    except (OSError, ValueError, KeyError, TypeError):
        signature = "unknown (no summary.json)"
    target, damage = output or str(folder / "index.html"), Damage()
    try:
        write_site_index(build_index(current_records(folder, damage=damage), worst), signature, Path(target))
    except OSError as error:
        raise UserError(_("{path}: cannot write report ({reason})").format(path=target, reason=error.strerror)) from None
    if warning := damage.warning():
        say(warning)
    say(_("site report written to {path}").format(path=target))


@cli.command()
@click.argument("code", required=False)
def rules(code: str | None) -> None:
    """Document every rule, or the one named by CODE (as `ruff rule` does)."""
    from audit.rules import REGISTRY

    if code is None:
        for _code, rule_ in sorted(REGISTRY.items()):
            click.echo(f"{rule_.code}  {rule_.name:<34} {rule_.category.value:<24} {rule_.severity.value:<8} {rule_.summary}")
        return
    rule_ = REGISTRY.get(code.upper())
    if rule_ is None:
        raise UserError(_("unknown rule code {code!r} (run `mtaudit rules` for the list)").format(code=code))
    click.echo(f"# {rule_.name} ({rule_.code})\n")
    click.echo(_("Category: {category}  ·  default severity: {severity}").format(
        category=rule_.category.value, severity=rule_.severity.value)
        + ("  ·  " + _("nit (folded)") if rule_.nit else "") + _fix_note(rule_) + "\n")
    click.echo(rule_.documentation)


def _fix_note(rule_) -> str:
    notes = {"safe": N_("safe fix (--fix)"), "unsafe": N_("unsafe fix (--fix --unsafe-fixes)"),
             "per entry": N_("unsafe fix for the data entries that give one")}
    return "  ·  " + _(notes[rule_.fix]) if rule_.fix in notes else ""


@cli.command("index")
@click.argument("corpus", type=click.Path(file_okay=False))
@click.option("--index", "index_path", type=click.Path(dir_okay=False), help="Where to write the index.")
@click.option("--no-embed", is_flag=True,
              help="Do not store sentence embeddings (faster to build; each check embeds its sources again).")
def index_corpus(corpus: str, index_path: str | None, no_embed: bool) -> None:
    """Build or update the index of a CORPUS folder of source reports (only changed files are read)."""
    from audit.sources.index import build_index

    stats = build_index(corpus, index_path, embed_sentences=not no_embed)
    click.echo(_("{path}: {reports} reports ({added} files added, {updated} updated, {removed} removed, "
                 "{unchanged} unchanged) in {seconds:.2f} s").format(
        path=one_line(stats.path), reports=stats.reports, added=stats.added, updated=stats.updated,
        removed=stats.removed, unchanged=stats.unchanged, seconds=stats.seconds))


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
    click.echo("# {}: {}".format(_("configuration file"), found.path if found else _("(none found; defaults)")))
    click.echo(settings_table(settings, origins))


def main() -> None:
    """Entry point: user errors become one line on stderr and exit 2; anything else, one line
    naming the file its traceback was written to, and exit 1. Never a traceback."""
    _language_from_environment()
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        say(_("interrupted"))
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

        say(_("internal error ({error}); details written to {path}").format(
            error=f"{type(error).__name__}: {error}", path=write_details(error)))
        sys.exit(EXIT_INTERNAL)
    sys.exit(EXIT_OK)


def _language_from_environment() -> None:
    """MTAUDIT_LANG before any option is read, so that errors of the command line itself
    speak it too; `--lang` and the configuration decide later (an unknown value: English)."""
    from audit import messages

    if (language := os.environ.get("MTAUDIT_LANG")) in LANGUAGES:
        messages.use(language)
