"""Hand codes: a coder's decisions on a quote's themes, and the one writer of them.

A decision adds a theme to a quote ('+') or removes one ('-'). It is kept in
``theme_corrections`` with a key of the quote's text, so that it outlives re-ingest and
follows its text when turns are added above it; its effect on ``quote_themes`` is a row of
origin 'hand' (score 1.0, the tagger's cues kept as its evidence, for readers) or the
theme's row gone. ``archive tag``, the coding page, ``archive import``, ``Archive.tag``,
re-ingest (``archive.store``) and re-tagging (``archive.coding``) all write through
``record`` or ``apply``: one shape of hand-code row, whoever decided.
"""

from __future__ import annotations

import json
from typing import Iterable

from ingest.schema import nearest

HAND_EVIDENCE = ["added by hand"]
# The learnt tagger's only "cue" (ingest.themes.LEARNT_EVIDENCE, not imported: that loads
# the tagger): no words of the quote to show, so a hand code does not keep it.
LEARNT_ONLY = ["learnt from coded quotes"]


class HandCodeError(ValueError):
    """A decision that cannot be recorded, said in a sentence."""


class UnknownQuote(HandCodeError, LookupError):
    """No quote of that id in the archive."""


class BadChange(HandCodeError):
    """A change that is not +THEME or -THEME of a theme the archive knows, or a theme given twice."""


class UncodedTurn(BadChange):
    """A theme added to an interviewer's or host's turn: the command was right, the quote is not coded."""


def parse(changes: Iterable[str], known: set[str]) -> list[tuple[str, str]]:
    """``+THEME`` / ``-THEME`` words as (action, theme), each theme once and known."""
    parsed: list[tuple[str, str]] = []
    for change in changes:
        action, theme = change[:1], change[1:]
        if action not in "+-" or not action or not theme:
            raise BadChange(f"{change!r}: write +THEME to add a theme or -THEME to remove one.")
        if theme not in known:
            near = nearest(theme, sorted(known))
            raise BadChange(f"no theme {theme!r} in the archive; " + (f"did you mean {near!r}? " if near else "")
                            + f"known: {', '.join(sorted(known)) or 'none'}.")
        if any(t == theme for _, t in parsed):
            raise BadChange(f"{theme!r} is given twice: give each theme once, with + or -.")
        parsed.append((action, theme))
    return parsed


def checked(db, quote_id: str, changes: Iterable[str], codebook=None) -> list[tuple[str, str]]:
    """The changes (``+THEME``/``-THEME``) to a quote, checked against the archive: the quote
    exists (else ``UnknownQuote``), each theme is in the codebook, or is one removed from it
    whose earlier decision on this quote is being undone (else ``BadChange``). With the
    ``codebook``, a theme is not added to an interviewer's or host's turn: the tagger and
    ``themes retag`` leave those turns uncoded, so the code would come and go."""
    row = db.execute("select s.description from quotes q left join speakers s on s.id = q.speaker "
                     "where q.id = ?", [quote_id]).fetchone()
    if not row:
        raise UnknownQuote(f"no quote {quote_id!r} in the archive.")
    known = {row[0] for row in db.execute("select id from themes")}
    orphans = {row[0] for row in db.execute(
        "select theme from theme_corrections where quote = ? and theme not in (select id from themes)",
        [quote_id])}
    parsed = parse(changes, known | orphans)
    removed = next((t for action, t in parsed if action == "+" and t not in known), None)
    if removed:
        raise BadChange(f"{removed!r} is no longer in the codebook: its correction can be "
                        f"removed (-{removed}), not added.")
    if codebook is not None and any(a == "+" for a, _ in parsed) and not codebook.is_coded([row[0]]):
        raise UncodedTurn(f"quote {quote_id!r} is a turn of {row[0] or 'its speaker'!r}, an interviewer "
                        "or host: those turns stay uncoded (the codebook's uncoded_speakers), "
                        "so no theme is added to them.")
    return parsed


def record(db, quote_id: str, changes: Iterable[tuple[str, str]]) -> list[str]:
    """Record decisions ((action, theme) pairs) on a quote and apply them at once, all or
    none. Returns the quote's themes after, best first."""
    from archive import store
    from ingest.model import text_key

    at = store.now()
    source, text = db.execute("select source, text from quotes where id = ?", [quote_id]).fetchone()
    with store.transaction(db):
        for action, theme in changes:
            db.execute("insert or replace into theme_corrections (quote, theme, action, at, source, text_key)"
                       " values (?, ?, ?, ?, ?, ?)", [quote_id, theme, action, at, source, text_key(text)])
            apply(db, quote_id, theme, action)
    return themes_of(db, quote_id)


def apply(db, quote_id: str, theme: str, action: str, evidence: list[str] | None = None) -> None:
    """A decision's effect on ``quote_themes``, inside the caller's transaction: for '+' the
    hand row (``evidence``: the cues that speak for the theme; by default those the tagger
    stored for it, else 'added by hand'), for '-' the theme's row gone."""
    if action == "-":
        db.execute("delete from quote_themes where quote = ? and theme = ?", [quote_id, theme])
        return
    if evidence is not None:
        cues = [c for c in evidence if c not in HAND_EVIDENCE and c not in LEARNT_ONLY]
        db.execute("insert or replace into quote_themes (quote, theme, score, evidence, origin) "
                   "values (?, ?, 1.0, ?, 'hand')", [quote_id, theme, json.dumps(cues or HAND_EVIDENCE)])
        return
    db.execute(
        "insert or replace into quote_themes (quote, theme, score, evidence, origin) "
        "values (?, ?, 1.0, coalesce((select evidence from quote_themes where quote = ? and "
        "theme = ? and evidence not in (?, ?)), ?), 'hand')",
        [quote_id, theme, quote_id, theme, json.dumps(HAND_EVIDENCE), json.dumps(LEARNT_ONLY),
         json.dumps(HAND_EVIDENCE)])


def themes_of(db, quote_id: str) -> list[str]:
    """A quote's themes, best first."""
    return [row[0] for row in db.execute(
        "select theme from quote_themes where quote = ? order by score desc, theme", [quote_id])]


def orphaned(db) -> dict[str, int]:
    """Themes gone from the codebook that still hold hand decisions, with how many: they
    are kept, and apply again if the theme comes back."""
    return dict(db.execute("select theme, count(*) from theme_corrections where theme not in "
                           "(select id from themes) group by theme order by theme").fetchall())
