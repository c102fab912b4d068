"""What a worker does with a chunk of pages: audit each, return its shard line.

The same function runs in this process, in a local process pool and on Dask workers, so
every engine writes the same bytes. Lines are serialised on the worker: the driver only
writes strings. Tables and models load on a worker's first page (module-level caches) and
stay for the next ones; `warm_up` loads them before the first chunk arrives.
"""

from __future__ import annotations

import json

from audit.config import Settings
from audit.errors import InputError
from audit.pipeline import audit_text
from audit.site.pages import Page, raw_text

Line = tuple[str, str]  # (shard kind, JSON line)
# Chunks each engine keeps queued per worker: enough to hide a chunk's hand-over, few enough
# that the driver's memory does not follow the site's size.
CHUNKS_IN_FLIGHT_PER_WORKER = 4
_WARM_UP_TEXT = "Le ministre a parlé d’une “menace importante” vendredi devant la presse.\n"


def audit_chunk(pages: list[Page], settings: Settings) -> list[Line]:
    return [page_line(page, settings) for page in pages]


def page_line(page: Page, settings: Settings) -> Line:
    from audit.reporters.json_report import document_dict

    try:
        record = {**document_dict(audit_text(raw_text(page, settings.max_parse_seconds), settings)), "resume": _resume(page, settings)}
        return "documents", dumps(record)
    except InputError as error:
        message = str(error).removeprefix(f"{page.path}: ")
    except Exception as error:  # noqa: BLE001 - isolate the crash to its page, keep the run
        message = f"internal error: {type(error).__name__}: {error}"
    return error_line(page, message, settings)


def error_line(page: Page, message: str, settings: Settings) -> Line:
    """A page that could not be audited; one whose message starts `internal error` is retried."""
    return "errors", dumps({"path": page.path, "message": message, "resume": _resume(page, settings)})


def _resume(page: Page, settings: Settings) -> dict:
    return {"content_sha256": page.sha256, "settings": settings.signature, "page": page.identity}


def failure_line(path: str, message: str, settings: Settings, identity: str | None = None) -> Line:
    """A page the driver could not read: recorded, and tried again by the next run."""
    resume = {"content_sha256": None, "settings": settings.signature, "page": identity or path}
    return "errors", dumps({"path": path, "message": message, "resume": resume})


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def warm_up(settings: Settings) -> None:
    """Load rule tables, language models and the JSON reporter once per worker process."""
    page_line(Page("<warm-up>", _WARM_UP_TEXT.encode(), "text/plain"), settings)
