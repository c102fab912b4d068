"""Baseline files: accept the findings a site already has, so CI fails only on new ones.

An entry is keyed by path and a fingerprint of the rule code, the flagged text and the sentence
around it — never offsets — so it survives text being added or removed above it. Entries are
counted: if a flagged sentence is pasted a second time, the copy is new. Paths are relative to
the baseline file's folder, so the file works from any directory and any checkout.

A baseline hides findings from the gate and the list only: the pipeline scores and judges the
whole text first (`audit.pipeline`), and the report says how many findings it matched.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from functools import lru_cache
from pathlib import PurePath

from audit.document import Document
from audit.errors import UserError
from audit.findings import Finding

FORMAT_VERSION = 1


def fingerprint(document: Document, finding: Finding) -> str:
    """Stable across moves: code, flagged text and the whitespace-normalised sentence."""
    import hashlib  # loads OpenSSL: only runs with a baseline pay for it

    sentence = document.sentence_at(finding.start)
    context = " ".join(sentence.text.split()) if sentence else ""
    key = f"{finding.code}\x1f{finding.text}\x1f{context}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def normal_path(path: str) -> str:
    """The path as a baseline stores it: POSIX, no `./`, relative to the current directory
    when it lies inside it (so a baseline works from any checkout of the site)."""
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        path = path if relative.startswith("..") else relative
    return PurePath(path).as_posix().removeprefix("./")


def entry_path(path: str, baseline_file: str) -> str:
    """`path` as a baseline stores it: relative to the baseline file's folder (standard input
    and URLs of a site export are kept as they are)."""
    if path == "-" or "://" in path:
        return path
    folder = os.path.dirname(os.path.abspath(baseline_file))
    return PurePath(os.path.relpath(os.path.abspath(path), folder)).as_posix()


def entries(document: Document, findings: list[Finding], baseline_file: str) -> list[dict]:
    path = entry_path(document.path, baseline_file)
    return [
        {"path": path, "code": f.code, "text": f.text, "fingerprint": fingerprint(document, f)}
        for f in findings
    ]


def dumps(all_entries: list[dict]) -> str:
    ordered = sorted(all_entries, key=lambda e: (e["path"], e["code"], e["fingerprint"]))
    body = {"mtaudit_baseline": FORMAT_VERSION, "findings": ordered}
    return json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@lru_cache(maxsize=4)
def accepted(baseline_path: str) -> Counter[tuple[str, str]]:
    """(path, fingerprint) → how many findings the baseline accepts there."""
    try:
        with open(baseline_path, encoding="utf-8") as handle:
            body = json.load(handle)
    except FileNotFoundError:
        raise UserError(f"baseline: {baseline_path}: no such file (create it with --write-baseline)") from None
    except (OSError, ValueError) as error:
        raise UserError(f"baseline: {baseline_path}: not a readable baseline ({error})") from None
    if not isinstance(body, dict) or body.get("mtaudit_baseline") != FORMAT_VERSION:
        raise UserError(f"baseline: {baseline_path}: not an mtaudit baseline (version {FORMAT_VERSION})")
    findings = body.get("findings", [])
    for number, entry in enumerate(findings if isinstance(findings, list) else [None], 1):
        if not (isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in ("path", "fingerprint"))):
            raise UserError(f"baseline: {baseline_path}: finding {number} has no path or fingerprint "
                            "(rewrite it with --write-baseline)")
    return Counter((e["path"], e["fingerprint"]) for e in findings)


def recorded(baseline_path: str) -> int:
    """How many findings the baseline file records."""
    return sum(accepted(baseline_path).values())


def new_findings(document: Document, findings: list[Finding], baseline_path: str) -> list[Finding]:
    """The findings the baseline does not account for, in their original order."""
    remaining = Counter(accepted(baseline_path))
    path = entry_path(document.path, baseline_path)
    kept = []
    for finding in findings:
        key = (path, fingerprint(document, finding))
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            kept.append(finding)
    return kept
