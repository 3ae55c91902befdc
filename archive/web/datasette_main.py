"""``python -m archive.web.datasette_main serve DIR ...``: Datasette as ``archive serve`` runs it,
keeping searches out of its log.

Datasette 0.65 runs uvicorn with its access log on, and uvicorn logs each request with its
query string: ``GET /archive/search?q=<what a researcher typed>``, a participant's name
as often as not. Here uvicorn runs with no access log, or (``ARCHIVE_ACCESS_LOG=1``,
``archive serve --access-log``) with one that logs each path without its query string.
"""

from __future__ import annotations

import copy
import logging
import os

ACCESS_LOG_ENV = "ARCHIVE_ACCESS_LOG"


class NoQueryString(logging.Filter):
    """Cuts the query string off the path of a uvicorn access-log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], args[2].split("?", 1)[0] + "?…", *args[3:])
        return True


def _log_config() -> dict:
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["no_query_string"] = {"()": NoQueryString}
    config["handlers"]["access"]["filters"] = ["no_query_string"]
    return config


def main() -> None:
    import uvicorn

    run = uvicorn.run
    logged = os.environ.get(ACCESS_LOG_ENV) == "1"

    def quiet_run(app, **kwargs):
        kwargs["access_log"] = logged
        kwargs["log_config"] = _log_config()
        return run(app, **kwargs)

    uvicorn.run = quiet_run  # datasette.cli calls uvicorn.run(...) when it serves
    from datasette.cli import cli

    cli(prog_name="datasette")


if __name__ == "__main__":
    main()
