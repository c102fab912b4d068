"""The `mtaudit` command: parse options, call the pipeline, hand results to a reporter and the gate.

Exit codes (audit.errors): 0 nothing at or above --fail-on, 1 findings or thresholds broken,
2 usage or input error (missing, empty, binary, undecodable, too large, not French).
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace

import click

from audit.config import FAIL_ON_CHOICES, split_codes
from audit.errors import EXIT_ERROR, EXIT_OK, InputError, UserError
from audit.inputs import input_paths
from audit.reporters import FORMATS


def expand_inputs(paths: tuple[str, ...]) -> list[str]:
    """Files as given, directories walked for audited suffixes, quoted globs expanded."""
    return list(input_paths(paths))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mtaudit", prog_name="mtaudit")
def cli() -> None:
    """Audit French text for the marks of machine translation and spinning."""


def audit_options(command):
    """The options `check` and `audit-site` share: what to check, with which settings and sources."""
    for option in reversed((
        click.option("--select", help="Comma-separated codes or prefixes to check (default: all)."),
        click.option("--ignore", help="Comma-separated codes or prefixes to skip."),
        click.option("--max-bytes", type=int, help="Refuse inputs larger than this (default 10 MB)."),
        click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Read settings from this file."),
        click.option("--sources", type=click.Path(file_okay=False), help="Corpus folder: find, align and check sources."),
        click.option("--index", "index_path", type=click.Path(dir_okay=False),
                     help="Corpus index (default: in the corpus)."),
    )):
        command = option(command)
    return command


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@audit_options
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report here.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), help="Lowest severity that fails (default major).")
@click.option("--min-score", type=float, help="Fail a document whose MQM score is below this.")
@click.option("--max-mt-likelihood", type=float, help="Fail a document whose mt_likelihood is above this.")
@click.option("--strict-spacing", is_flag=True, default=None, help="Require non-breaking spaces (U+00A0/U+202F).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail the gate (report-only CI).")
@click.option("--show-all", is_flag=True, help="List every nit instead of folding repeats.")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: when a terminal).")
@click.option("--baseline", type=click.Path(dir_okay=False), help="Report only findings not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record every finding in this baseline file.")
@click.option("-j", "--jobs", type=click.IntRange(0, 64), default=1, show_default=True,
              help="Processes to audit with (0: one per core).")
@click.option("--comet-model", type=click.Path(), help="Local COMET checkpoint (.ckpt or model folder).")
@click.option("--source", "source_files", multiple=True, type=click.Path(dir_okay=False),
              help="A file the article translates (repeatable): checked against it, no index.")
def check(paths, output_format, output, select, ignore, fail_on, min_score, max_mt_likelihood,
          strict_spacing, max_bytes, exit_zero, show_all, color, config_file, baseline, write_baseline,
          jobs, sources, index_path, comet_model, source_files) -> None:
    """Check PATHS (files, directories, globs, or - for standard input)."""
    from audit.batch import audit_all
    from audit.config_files import load_settings
    from audit.gate import exit_code
    from audit.pipeline import check_ready, similarity_note
    from audit.progress import progress

    settings, _, _ = load_settings(
        {"select": split_codes(select), "ignore": split_codes(ignore), "fail_on": fail_on, "min_score": min_score,
         "max_mt_likelihood": max_mt_likelihood, "strict_spacing": strict_spacing, "max_bytes": max_bytes,
         "baseline": baseline, "sources": sources, "index": index_path, "comet_model": comet_model,
         "source_files": source_files},
        config_file,
    )
    check_ready(settings)
    if note := similarity_note(settings):
        click.echo(f"mtaudit: {note}", err=True)
    if write_baseline:
        settings = replace(settings, baseline=None)  # record everything found now
    inputs = expand_inputs(paths)
    with progress(len(inputs)) as advance:
        run = audit_all(inputs, settings, jobs=jobs or os.cpu_count() or 1, on_done=advance)
    for failure in run.failures:
        click.echo(f"mtaudit: {failure.path}: {failure.message}", err=True)
    for result in run.audits:
        if result.verdict.label == "not French":
            language = result.language
            click.echo(
                f"mtaudit: {result.document.path}: not French (detected {language.code}, "
                f"p={language.probability:.2f}); French rules skipped",
                err=True,
            )
    _emit(_render(run, output_format, output, color, show_all), output)
    if write_baseline:
        _write_baseline(run, write_baseline)
        sys.exit(EXIT_ERROR if run.failures else EXIT_OK)
    code = exit_code(run)
    sys.exit(EXIT_OK if exit_zero and code != EXIT_ERROR else code)


def _render(run, output_format: str, output: str | None, color: bool | None, show_all: bool) -> str:
    from audit.reporters import reporter

    if output_format != "text":
        return reporter(output_format).render(run)
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    return reporter("text").render(run, color=use_color, show_all=show_all)


def _write_baseline(run, path: str) -> None:
    from audit import baseline

    recorded = [e for result in run.audits for e in baseline.entries(result.document, list(result.findings))]
    _emit(baseline.dumps(recorded), path)
    click.echo(f"mtaudit: {path}: baseline of {len(recorded)} findings written", err=True)


def _emit(report: str, output: str | None) -> None:
    if output is None:
        click.echo(report, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(report)
    except OSError as error:
        raise UserError(f"{output}: cannot write report ({error.strerror})") from None


@cli.command("audit-site")
@click.argument("paths", nargs=-1)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Results folder (shards and summary.json).")
@click.option("--files-from", help="Also audit the paths listed in this file, one a line (- for standard input).")
@click.option("--engine", type=click.Choice(("local", "dask")), default="local", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(0, 1024), default=0, show_default=True,
              help="Local processes, or LocalCluster workers (0: one per core).")
@click.option("--scheduler", help="Address of a running Dask scheduler (tcp://HOST:PORT); implies --engine dask.")
@audit_options
def audit_site_command(paths, out, files_from, engine, jobs, scheduler, select, ignore, max_bytes, config_file,
                       sources, index_path) -> None:
    """Audit a site into --out: PATHS (files, directories, globs, .jsonl exports), resumably."""
    from itertools import chain

    from audit.config_files import load_settings
    from audit.inputs import listed_paths
    from audit.pipeline import check_ready
    from audit.site.driver import audit_site

    if not paths and not files_from:
        raise UserError("audit-site: give PATHS or --files-from")
    settings, _, _ = load_settings(
        {"select": split_codes(select), "ignore": split_codes(ignore), "max_bytes": max_bytes, "sources": sources,
         "index": index_path}, config_file)
    check_ready(settings)
    inputs = input_paths(chain(paths, listed_paths(files_from) if files_from else ()))
    summary = audit_site(inputs, out, settings, engine="dask" if scheduler else engine,
                         workers=jobs or os.cpu_count() or 1, scheduler=scheduler)
    run = summary["this_run"]
    click.echo(f"mtaudit: {summary['pages']} pages ({run['audited']} audited now, {run['skipped_unchanged']} "
               f"unchanged), {summary['errors']} errors; results in {out}", err=True)


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

    from audit.site.index_page import build_index, write_site_index
    from audit.site.shards import current_records, shard_paths

    folder = Path(results)
    if not shard_paths(folder):
        raise UserError(f"{results}: no audit-site shards there (documents-*.jsonl, errors-*.jsonl)")
    try:
        signature = json.loads((folder / "summary.json").read_text(encoding="utf-8"))["meta"]["settings"]
    except (OSError, ValueError, KeyError, TypeError):
        signature = "unknown (no summary.json)"
    target = output or str(folder / "index.html")
    try:
        write_site_index(build_index(current_records(folder), worst), signature, Path(target))
    except OSError as error:
        raise UserError(f"{target}: cannot write report ({error.strerror})") from None
    click.echo(f"mtaudit: site report written to {target}", err=True)


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
               f"{'  ·  nit (folded)' if rule_.nit else ''}\n")
    click.echo(rule_.documentation)


@cli.command("index")
@click.argument("corpus", type=click.Path(file_okay=False))
@click.option("--index", "index_path", type=click.Path(dir_okay=False), help="Where to write the index.")
@click.option("--no-embed", is_flag=True,
              help="Do not store sentence embeddings (faster to build; each check embeds its sources again).")
def index_corpus(corpus: str, index_path: str | None, no_embed: bool) -> None:
    """Build or update the index of a CORPUS folder of source reports (only changed files are read)."""
    from audit.sources.index import build_index

    stats = build_index(corpus, index_path, embed_sentences=not no_embed)
    click.echo(f"{stats.path}: {stats.reports} reports ({stats.added} files added, {stats.updated} updated, "
               f"{stats.removed} removed, {stats.unchanged} unchanged) in {stats.seconds:.2f} s")


@cli.command("align")
@click.argument("article", type=click.Path(dir_okay=False))
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True)
def align_article(article: str, source: str, output_format: str) -> None:
    """Align ARTICLE sentence by sentence with one SOURCE report (French or English)."""
    from audit.reporters import alignment
    from audit.sources.context import align_files

    click.echo(alignment.render(align_files(article, source), output_format), nl=False)


@cli.command("config")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Read settings from this file.")
def show_config(config_file: str | None) -> None:
    """Show the effective configuration and where each value came from."""
    from audit.config_files import load_settings, settings_table

    settings, origins, found = load_settings({}, config_file)
    click.echo(f"# configuration file: {found.path if found else '(none found; defaults)'}")
    click.echo(settings_table(settings, origins))


def main() -> None:
    """Entry point: user errors become one line on stderr and exit 2, never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("mtaudit: interrupted", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as error:
        click.echo(f"mtaudit: {error.format_message()}", err=True)
        sys.exit(EXIT_ERROR)
    except (UserError, InputError) as error:
        click.echo(f"mtaudit: {error}", err=True)
        sys.exit(EXIT_ERROR)
    except SystemExit:
        raise
    sys.exit(EXIT_OK)
