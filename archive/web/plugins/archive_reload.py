"""Datasette plugin of the archive: reopen a database that ``archive withdraw`` replaced.

Datasette opens a build's databases immutable and keeps their connections, so a file
renamed over one would go unseen: the old file, withdrawn text and all, would be served
for as long as the server runs. Before each request this compares each database file
with the one opened (device and inode: a stat per database) and, when withdraw has
swapped in a new one, opens that instead, with the inspect file's fresh counts, and
closes the old connections, so the withdrawn text is never served again.
"""

from __future__ import annotations

import json
import os
import threading

from datasette import database as datasette_database
from datasette import hookimpl
from datasette.database import Database

_opened: dict[str, tuple[int, int]] = {}  # database name → (device, inode) of the file opened
_lock = threading.Lock()


def _identity(path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


@hookimpl
def startup(datasette):
    for name, db in datasette.databases.items():
        if db.path:
            _opened[name] = _identity(db.path)


def reopen_replaced(datasette) -> list[str]:
    """Reopen every database whose file was replaced; returns their names."""
    replaced = [name for name, db in datasette.databases.items()
                if db.path and name in _opened and _identity(db.path) not in (None, _opened[name])]
    if not replaced:
        return []
    with _lock:
        databases = dict(datasette.databases)
        if datasette.config_dir and (datasette.config_dir / "inspect-data.json").exists():
            try:
                datasette.inspect_data = json.loads((datasette.config_dir / "inspect-data.json").read_text())
            except (OSError, ValueError):
                datasette.inspect_data = None  # counts are then read from the files
        old = []
        for name in replaced:
            db = databases[name]
            identity = _identity(db.path)
            if identity is None or identity == _opened[name]:
                continue  # another request reopened it meanwhile
            fresh = Database(datasette, path=db.path, is_mutable=db.is_mutable)
            fresh.name, fresh.route = name, db.route
            databases[name] = fresh  # same place, same name: the home page's order stays
            _opened[name] = identity
            old.append(db)
        datasette.databases = databases
        # Connections are kept per thread under the database's name: start every thread afresh.
        datasette_database.connections = threading.local()
        for db in old:
            db.close()
    return replaced


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def reopening(scope, receive, send):
            if scope.get("type") == "http":
                reopen_replaced(datasette)
            await app(scope, receive, send)

        return reopening

    return wrap
