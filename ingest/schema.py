"""Every key the archive reads from YAML: its type, its default and what it means.

One schema per kind of file: ``archive.yml`` (the project's settings),
``collection.yml`` (a collection and the defaults of its sources), a source's
metadata (front matter or a sidecar ``<file>.yml``) and the codebook. This module
is the single source of those keys: the loaders check files against it and the
table in ``docs/settings.md`` is printed from it (``python -m ingest.schema``).

A key the schema does not know is an error naming the file and line, with the
nearest known key: a misspelt ``redact:`` would otherwise silently redact nothing.
A value of the wrong type is an error too.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ingest import limits
from ingest.model import SourceError
from ingest.yamlfile import Document, KeyPath


class Invalid(ValueError):
    """A value of the wrong type; the message says what was wanted."""


def not_text(value: Any) -> str:
    """Why a YAML value is not the text wanted, and what to do (quotes keep a scalar text)."""
    if isinstance(value, dict):
        return "not a mapping"
    if isinstance(value, list):
        return "not a list"
    if isinstance(value, bool):  # what was typed is lost: yes, no, on, off, true, false
        return "but YAML reads it as true/false; put it in quotes"
    return f"not {value}; put it in quotes"  # a number or date, as YAML read it


def text(value: Any) -> str:
    # Numbers and dates are text a YAML reader read too eagerly ("2019", 2019-05-01).
    if isinstance(value, (str, int, float, datetime.date)) and not isinstance(value, bool):
        return str(value)
    raise Invalid(f"must be text, {not_text(value)}")


def words(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        value = [value]  # one word alone is a list of one
    try:
        return [text(v) for v in value]
    except Invalid:
        raise Invalid("must be a list of words or names (text)") from None


def text_map(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise Invalid(f"must map each name to a text, {not_text(value)}")
    try:
        return {text(k): text(v) for k, v in value.items()}
    except Invalid as e:
        raise Invalid(f"must map each name to a text: a value {e}") from None


_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date(value: Any) -> str:
    value = text(value)
    if not _ISO_DATE.match(value):
        raise Invalid(f"must be an ISO 8601 date: a year, year-month or full date (2017, 2017-05, "
                      f"2017-05-03), not {value!r}")
    return value


def count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise Invalid(f"must be a whole number of 1 or more, not {value!r}")
    return value


def path(value: Any) -> Path:
    return Path(text(value))


def choice(*options: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in options:
            raise Invalid(f"must be one of {', '.join(options)}, not {value!r}")
        return value

    check.__name__ = " | ".join(options)
    return check


TYPE_NAMES = {text: "text", words: "list of text", text_map: "mapping to text", date: "date",
              count: "number", path: "path", float: "number (0 to 1)", list: "list"}


@dataclass(frozen=True)
class Key:
    name: str
    type: Callable[[Any], Any] | Schema  # a checker that returns the value normalised, or a mapping
    default: Any
    meaning: str

    @property
    def type_name(self) -> str:
        if isinstance(self.type, Schema):
            return "mapping"
        return TYPE_NAMES.get(self.type, self.type.__name__)


@dataclass(frozen=True)
class Schema:
    name: str  # as the messages name it: "archive.yml", "'survey:'"
    keys: tuple[Key, ...]
    # Keys that once had a meaning and have none now, with what to do: an error, not ignored.
    retired: tuple[tuple[str, str], ...] = ()

    def __getitem__(self, name: str) -> Key:
        return next(k for k in self.keys if k.name == name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(k.name for k in self.keys)

    def without(self, *names: str) -> Schema:
        return Schema(self.name, tuple(k for k in self.keys if k.name not in names))

    def check(self, document: Document, path: Path | str, where: KeyPath = ()) -> dict[str, Any]:
        """The document's mapping at ``where``, its values normalised; unknown keys and wrong
        types are errors naming the file and line. Keys not given are left out (not defaulted),
        so that layers of metadata can be merged."""
        data = document.data
        for step in where:
            data = data[step]
        checked: dict[str, Any] = {}
        for key, value in data.items():
            at = (*where, str(key))
            reason = dict(self.retired).get(key)
            if reason:
                raise SourceError(path, f"'{'.'.join(at)}:' is no longer read: {reason}",
                                  place=f"line {document.line_of(at)}")
            if key not in self.names:
                raise SourceError(path, unknown_key(str(key), self.names, ".".join(at[:-1])),
                                  place=f"line {document.line_of(at)}")
            spec = self[key]
            if isinstance(spec.type, Schema):
                if value is None:
                    continue
                if not isinstance(value, dict):
                    raise SourceError(path, f"'{'.'.join(at)}:' must be a mapping of "
                                            f"{', '.join(spec.type.names)}.", place=f"line {document.line_of(at)}")
                checked[key] = spec.type.check(document, path, at)
                continue
            if value is None:
                continue  # written but left empty: as if not written
            try:
                checked[key] = spec.type(value)
            except Invalid as e:
                raise SourceError(path, f"'{'.'.join(at)}:' {e}.", place=f"line {document.line_of(at)}") from None
        return checked


def nearest(word: str, known) -> str | None:
    """The known word ``word`` is most likely a misspelling of, if any is near enough: what
    every "did you mean" of the archive suggests (a YAML key, a theme)."""
    near = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return near[0] if near else None


def unknown_key(key: str, known: tuple[str, ...], inside: str = "") -> str:
    where = f" in '{inside}:'" if inside else ""
    near = nearest(key, known)
    hint = f" did you mean '{near}'?" if near else f" known keys: {', '.join(known)}."
    return f"unknown key '{key}'{where};{hint}"


# A source's metadata: front matter, a sidecar, and (as defaults) collection.yml.
KINDS = ("interview", "podcast", "survey", "focus_group", "other")
ACCESS = ("public", "restricted", "embargoed", "withdrawn")

SURVEY = Schema("'survey:'", (
    Key("id_column", text, None, "the column holding each respondent's id"),
    Key("open_questions", text_map, {}, "the open questions' columns, each with the question's text"),
    Key("attributes", words, [], "columns kept to describe each respondent (role, sector, region)"),
    Key("sheet", text, None, "the sheet of an .xlsx export to read (default: the first)"),
))

SOURCE = Schema("source metadata", (
    Key("id", text, "the file's name without its extension", "stable source id, used in the export, "
                                                                  "URLs and citations"),
    Key("title", text, "the id", "the source's title, shown and cited"),
    Key("date", date, None, "ISO 8601: a year, year-month or full date"),
    Key("description", text, None, "a description shown with the source"),
    Key("kind", choice(*KINDS), "other", "what the material is"),
    Key("speakers", text_map, {}, "each label used in the file mapped to a public description"),
    Key("public_names", words, [], "names that are public in this source and never redacted"),
    Key("redact", words, [], "words or names always redacted in this source"),
    Key("access", choice(*ACCESS), "public", "who may see it; 'embargoed' needs embargo_until"),
    Key("embargo_until", date, None, "the date an embargoed source opens"),
    Key("audio_url", text, None, "a link to the recording; quotes with times link to their moment"),
    Key("licence", text, None, "the licence the material is published under"),
    Key("citation", text, None, "how the collection is cited"),
    Key("survey", SURVEY, None, "for survey exports: which columns are which"),
))

# collection.yml: the collection's own title and description, and defaults for its
# sources (an id would be every source's, so it is not one of them).
COLLECTION = Schema("collection.yml", SOURCE.without("id").keys)

PIPELINE = Schema("'pipeline:'", (
    Key("segment", text, "segment", "the stage that splits turns into quotes"),
    Key("redact", text, "redact", "the stage that redacts identifiers"),
    Key("tag", text, "tag", "the stage that tags themes (tag_embeddings: the learnt tagger)"),
))

REVIEW = Schema("'review:'", (
    Key("keep", words, [], "words a reviewer decided to keep (written by archive review --keep)"),
    Key("redact", words, [], "words a reviewer decided to redact (written by archive review --redact)"),
))

LIMITS = Schema("'limits:'", tuple(
    Key(name, count, getattr(limits.DEFAULT, name), limits.MEANINGS[name]) for name in limits.names()
))

ARCHIVE = Schema("archive.yml", (
    Key("transcripts", path, Path("transcripts"), "where `archive ingest` looks by default"),
    Key("db", path, Path("archive.db"), "the archive database"),
    Key("private", path, Path("private"), "SENSITIVE: where the private redaction log is written"),
    Key("codebook", path, Path("codebook.yml"), "the project's own codebook, if any"),
    Key("themes_model", path, Path("themes_model.json"), "weights of the optional learnt tagger"),
    Key("tagger_model", path, Path("tagger_model.npz"),
        "the default tagger as `archive themes train` retrains it on this archive's hand codes"),
    Key("max_words", count, 150, "turns longer than this are split into quotes"),
    Key("public_names", words, [], "names never redacted, in every source"),
    Key("redact", words, [], "words always redacted, in every source"),
    Key("pipeline", PIPELINE, {}, "which registered stage fills each step"),
    Key("review", REVIEW, {}, "decisions written by `archive review`"),
    Key("limits", LIMITS, {}, "how much ingest reads from any one file"),
), retired=(
    ("spacy_model", "redaction uses the detector trained on the small English model and shipped with "
                    "the archive, whatever this says; remove the line."),
))

# The codebook's keys (the codebook loader checks their values itself).
WEIGHTS = Schema("'weights:'", (
    Key("strong", float, 0.8, "what a strong cue adds to a theme's score"),
    Key("weak", float, 0.35, "what a weak cue adds to a theme's score"),
))
THEME = Schema("a theme", (
    Key("id", text, None, "stable id: lower-case letters, digits and underscores"),
    Key("label", text, "the id, capitalised", "the theme's name as shown"),
    Key("description", text, "", "what a coder codes under it"),
    Key("strong", words, [], "phrases that on their own suggest the theme"),
    Key("weak", words, [], "phrases that suggest it only together"),
))
CODEBOOK = Schema("the codebook", (
    Key("uncoded_speakers", words, [], "speaker labels whose turns are not tagged (interviewers)"),
    Key("weights", WEIGHTS, {}, "what each kind of cue adds to a score"),
    Key("threshold", float, 0.5, "the score at which a quote is tagged"),
    Key("themes", list, None, "the themes: a list of mappings of the keys below"),
))

SCHEMAS = {"archive.yml": ARCHIVE, "collection.yml": COLLECTION, "source metadata": SOURCE,
           "codebook": CODEBOOK}


def markdown() -> str:
    """The table of every key, for docs/settings.md."""
    parts = ["# Settings and metadata keys",
             "",
             "Printed by `python -m ingest.schema` from `ingest/schema.py`, the single source of these",
             "keys. Every key is optional. A key not listed here, or a value of the wrong type, is an",
             "error naming the file and line.",
             ""]
    sections = [
        ("archive.yml", ARCHIVE, "The project's settings, at the top of the project."),
        ("Source metadata", SOURCE, "Front matter of a `.txt`/`.md` file, or a sidecar `<file>.yml`. "
                                    "`collection.yml` takes the same keys except `id`: its `title` and "
                                    "`description` are the collection's, the others defaults for its sources."),
        ("The codebook", CODEBOOK, "`codebook.yml` (see `ingest/themes/codebook.yml`)."),
    ]
    for title, schema, about in sections:
        parts += [f"## {title}", "", about, "", "| key | type | default | meaning |", "| --- | --- | --- | --- |"]
        parts += _rows(schema, "")
        parts.append("")
    return "\n".join(parts)


def _rows(schema: Schema, prefix: str) -> list[str]:
    rows = []
    for key in schema.keys:
        default = "" if key.default in (None, {}, [], "") else f"`{key.default}`"
        if isinstance(key.default, str) and " " in key.default:
            default = key.default
        elif key.name.endswith("_bytes"):
            default += f" ({limits.amount(key.name, key.default)})"
        rows.append(f"| `{prefix}{key.name}` | {key.type_name} | {default} | {key.meaning} |")
        if isinstance(key.type, Schema):
            rows += _rows(key.type, f"{prefix}{key.name}.")
    if schema is CODEBOOK:
        rows += _rows(THEME, "themes[].")
    return rows


if __name__ == "__main__":
    print(markdown())
