"""Run Datasette on the archive, as it would be published.

``archive serve`` builds a publish directory in a temporary folder and runs
Datasette on it: the same databases, metadata, templates and plugins as a
deployment, so what you see locally is what the public would see, and the
archive's internal tables are never served.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from archive.web import publish

CODING_DB_ENV = "ARCHIVE_CODING_DB"  # read by plugins/coding.py


@contextmanager
def temporary_build(
    db_path: Path, metadata_path: Path | None = None, progress=None, check=None
) -> Iterator[publish.BuildReport]:
    """A publish build in a temporary folder, removed afterwards. While it exists it is
    recorded as a build, so ``archive withdraw`` reaches the running server too.

    While it is served, the local coding page (plugins/coding.py) may write hand codes to
    the archive itself: its path is in the environment Datasette inherits, and nowhere in
    the build (a published deployment has no coding page)."""
    previous = os.environ.get(CODING_DB_ENV)
    os.environ[CODING_DB_ENV] = str(Path(db_path).resolve())
    try:
        with tempfile.TemporaryDirectory(prefix="archive-serve-") as tmp:
            report = publish.build(
                db_path, Path(tmp) / "site", metadata_path=metadata_path, record=False, progress=progress,
                check=check, preview=True
            )
            problem = _record(db_path, report.out, True)
            if problem:
                report.warnings.append(
                    f"this preview could not be recorded in the archive ({problem}): 'archive withdraw' will "
                    "not reach it while it runs, so stop it before withdrawing a source.")
            try:
                yield report
            finally:
                _record(db_path, report.out, False)
    finally:
        if previous is None:
            os.environ.pop(CODING_DB_ENV, None)
        else:
            os.environ[CODING_DB_ENV] = previous


def _record(db_path: Path, out: Path, serving: bool) -> str | None:
    """Record (or forget) a running preview as a build; why it could not be, or None."""
    from archive import store

    try:
        db = store.open_db(db_path, create=False)
    except store.StoreError as e:
        return str(e)  # an archive we cannot write to cannot be withdrawn from either
    try:
        if serving:
            publish.remember_build(db, out)
        else:
            kept = [b for b in publish.published_builds(db) if b != str(Path(out).resolve())]
            with store.transaction(db):
                db.execute("update archive_meta set value = ? where key = ?", [json.dumps(kept), publish.PUBLISHED_KEY])
    except sqlite3.Error as e:
        return str(e)  # a read-only or locked archive
    finally:
        db.close()
    return None


def datasette_command(directory: Path, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    # Datasette with no access log (or one without query strings): searches stay out of logs.
    return [sys.executable, "-m", "archive.web.datasette_main", "serve", str(directory),
            "--host", host, "--port", str(port)]


def port_problem(host: str, port: int) -> str | None:
    """Why Datasette could not listen on host:port, asked before building anything."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as e:
            return e.strerror or str(e)
    return None


# What `archive serve` exits with when asked to stop: SIGTERM (kill, a service manager,
# `make demo` stopped) is the ordinary end of a server, so 0; Ctrl+C (SIGINT) is 130, the
# 128 + 2 shells give a command the user interrupted, so that `archive serve && next` or a
# script under `set -e` does not go on as if the command had finished of itself.
STOPPED_BY = {signal.SIGTERM: 0, signal.SIGHUP: 0, signal.SIGINT: 130}


def run_datasette(directory: Path, host: str = "127.0.0.1", port: int = 8001, access_log: bool = False) -> int:
    """Run Datasette on a build directory until it stops; returns the exit code to give.

    Datasette runs in its own session, so every stop goes through us exactly once: SIGINT
    (Ctrl+C at the terminal, or sent to our pid), SIGTERM and SIGHUP are passed on to it,
    and when it has stopped we exit as ``STOPPED_BY`` says (Datasette's server re-raises
    the signal on itself once shut down, which read as a failure: -15, exit 241). Stopping
    ``archive serve`` never leaves a server behind.
    """
    from archive.web.datasette_main import ACCESS_LOG_ENV

    env = {**os.environ, ACCESS_LOG_ENV: "1" if access_log else "0"}
    process = subprocess.Popen(datasette_command(directory, host, port), env=env, start_new_session=True)
    asked: list[int] = []

    def stop(signum, frame):
        asked.append(signum)
        if process.poll() is None:
            process.send_signal(signum if signum != signal.SIGHUP else signal.SIGTERM)

    previous = {signum: signal.signal(signum, stop) for signum in STOPPED_BY}
    try:
        code = process.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if asked:
        return STOPPED_BY[asked[0]]
    return code if code >= 0 else 128 - code  # a signal from elsewhere: as a shell would say it
