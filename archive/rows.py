"""A quote as every reader of the archive shows it (export, search, citations): joined
with its source, speaker, collection and themes. A light module on purpose, free of
sqlite-utils, so ``archive search`` starts fast."""

from __future__ import annotations

import json
import sqlite3
from typing import Iterator, Sequence

QUOTE_ROWS = """
    select q.rowid as _rowid, q.*, s.collection, s.kind, s.title as source_title,
           s.description as source_description, s.date as source_date, s.audio_url,
           s.access, s.embargo_until, c.licence,
           sp.description as speaker_description, c.title as collection_title,
           c.description as collection_description, c.citation as collection_citation,
           (select json_group_array(json_object('theme', qt.theme, 'score', qt.score,
                    'evidence', json(qt.evidence), 'origin', qt.origin))
              from (select * from quote_themes where quote = q.id order by score desc) qt
           ) as themes_json
    from quotes q
    join sources s on s.id = q.source
    join speakers sp on sp.id = q.speaker
    join collections c on c.id = s.collection
"""


def quote_rows(conn: sqlite3.Connection, where: str = "", params: Sequence = (), order: str = "",
               rowid: bool = False) -> Iterator[dict]:
    """Quote rows matching ``where``; ``themes`` is a list of {theme, score, evidence, origin}.
    With ``rowid``, each row keeps the quote's ``_rowid`` (what the FTS index knows it by)."""
    sql = QUOTE_ROWS + (f" where {where}" if where else "") + (f" order by {order}" if order else "")
    cursor = conn.execute(sql, list(params))
    columns = [d[0] for d in cursor.description]
    for values in cursor:
        row = dict(zip(columns, values))
        row["themes"] = json.loads(row.pop("themes_json") or "[]")
        if not rowid:
            del row["_rowid"]
        yield row
