"""REFI-QDA interchange (QDA-XML 1.0): what NVivo, ATLAS.ti, MAXQDA, QualCoder and Taguette
read and write.

``write_qdpx`` writes a project (``.qdpx``: a zip of ``project.qde`` and ``sources/``):

    Users        two coders: the archive's tagger, and the people who coded by hand
    CodeBook     each theme a Code: name = label, Description = description; the GUID is
                 made from the theme id, so the archive knows its own codes again
    Variables    Speaker description, Source (of cases); Collection, Kind, Date, Access (of sources)
    Cases        each speaker a Case, with its description (and source) as variables, and a
                 SelectionRef to each of its quotes
    Sources      each source a TextSource, its plain text in sources/<guid>.txt: the selected
                 quotes in order, each a paragraph "Speaker: text" (redacted, as stored); the
                 source's kind, date, collection and access as variables
    selections   each quote a PlainTextSelection named by its id, over the quote's text
                 (character positions, 0-based, end exclusive), with one Coding per theme;
                 its time in the recording and survey question in its Description

``write_qdc`` writes the codebook alone (``.qdc``, the QDA-XML codebook namespace).

``read_file`` reads either back (ours or another program's), and ``import_project`` turns it
into themes and hand codes (``archive import``).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterable

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET  # files from elsewhere: no entity expansion

from archive.timecode import clock

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
# GUIDs made from the archive's ids: the same theme, quote or source always gets the same one.
GUID_SPACE = uuid.UUID("6f1c3e2a-5b7d-4c1e-9a8f-2d4b6c8e0a13")
TAGGER_USER = "archive tagger"
HAND_USER = "archive hand coding"


def guid(kind: str, key: str) -> str:
    return str(uuid.uuid5(GUID_SPACE, f"{kind}:{key}"))


def theme_guid(theme_id: str) -> str:
    return guid("theme", theme_id)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _sub(parent: ET.Element, tag: str, ns: str = PROJECT_NS, **attributes) -> ET.Element:
    return ET.SubElement(parent, f"{{{ns}}}{tag}", {k: str(v) for k, v in attributes.items() if v is not None})


def _text(parent: ET.Element, tag: str, text: str, ns: str = PROJECT_NS) -> ET.Element:
    element = _sub(parent, tag, ns)
    element.text = text
    return element


def _codes(parent: ET.Element, themes: Iterable[dict], ns: str) -> int:
    codes = _sub(parent, "Codes", ns)
    n = 0
    for n, theme in enumerate(themes, start=1):
        code = _sub(codes, "Code", ns, guid=theme_guid(theme["id"]), name=theme.get("label") or theme["id"],
                    isCodable="true")
        if theme.get("description"):
            _text(code, "Description", theme["description"], ns)
    return n


def _xml(root: ET.Element, ns: str) -> bytes:
    ET.register_namespace("", ns)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def write_qdc(themes: list[dict], out: IO[str]) -> int:
    """The codebook alone (.qdc); returns the number of codes."""
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook", {"origin": "archive"})
    n = _codes(root, themes, CODEBOOK_NS)
    out.write(_xml(root, CODEBOOK_NS).decode("utf-8"))
    return n


@dataclass
class _Variable:
    name: str
    key: str

    @property
    def guid(self) -> str:
        return guid("variable", self.key)


SOURCE_VARIABLES = [_Variable("Collection", "collection"), _Variable("Kind", "kind"),
                    _Variable("Date", "source_date"), _Variable("Access", "access")]
CASE_VARIABLES = [_Variable("Speaker description", "speaker_description"), _Variable("Source", "source")]


def write_qdpx(rows: Iterable[dict], out: IO[bytes], options) -> int:
    """A REFI-QDA project of the selected quotes; returns the number of quotes."""
    now = _now()
    root = ET.Element(f"{{{PROJECT_NS}}}Project", {
        "name": options.title, "origin": "archive", "creationDateTime": now,
        "creatingUserGUID": guid("user", TAGGER_USER)})
    users = _sub(root, "Users")
    for name in (TAGGER_USER, HAND_USER):
        _sub(users, "User", guid=guid("user", name), name=name)
    codebook = _sub(root, "CodeBook")
    _codes(codebook, options.themes, PROJECT_NS)
    variables = _sub(root, "Variables")
    for variable in [*SOURCE_VARIABLES, *CASE_VARIABLES]:
        _sub(variables, "Variable", guid=variable.guid, name=variable.name, typeOfVariable="Text")
    cases = _sub(root, "Cases")
    sources = _sub(root, "Sources")

    by_source: dict[str, list[dict]] = {}
    for row in rows:
        by_source.setdefault(row["source"], []).append(row)
    speakers: dict[str, dict] = {}  # speaker id -> {"row": first row, "selections": [...]}
    files: dict[str, str] = {}
    known = {t["id"] for t in options.themes}
    for source_id, quotes in by_source.items():
        first = quotes[0]
        source_guid = guid("source", source_id)
        text, spans = _source_text(quotes)
        files[f"{source_guid}.txt"] = text
        source = _sub(sources, "TextSource", guid=source_guid, name=source_id,
                      plainTextPath=f"internal://{source_guid}.txt", creationDateTime=now)
        description = " ".join(p for p in (first.get("source_title"), first.get("source_description")) if p)
        if description:
            _text(source, "Description", description)
        for row, (start, end) in zip(quotes, spans):
            selection_guid = guid("quote", row["id"])
            selection = _sub(source, "PlainTextSelection", guid=selection_guid, name=row["id"],
                             startPosition=start, endPosition=end, creationDateTime=now)
            about = []  # what a text selection cannot hold: the moment in the recording, the question
            if row.get("start") is not None:
                end = f"–{clock(row['end'])}" if row.get("end") is not None else ""
                about.append(f"At {clock(row['start'])}{end} in the recording.")
            if row.get("question"):
                about.append(f"Survey question: {row['question']}")
            if about:
                _text(selection, "Description", " ".join(about))
            for theme in row["themes"]:
                if theme["theme"] not in known:
                    continue
                user = HAND_USER if theme.get("origin") == "hand" else TAGGER_USER
                coding = _sub(selection, "Coding", guid=guid("coding", f"{row['id']}/{theme['theme']}"),
                              creatingUser=guid("user", user))
                _sub(coding, "CodeRef", targetGUID=theme_guid(theme["theme"]))
            speaker = speakers.setdefault(row["speaker"], {"row": row, "selections": []})
            speaker["selections"].append(selection_guid)
        for variable in SOURCE_VARIABLES:
            value = first.get(variable.key) or ("public" if variable.key == "access" else None)
            if value:
                _variable_value(source, variable, str(value))
    for speaker_id, speaker in speakers.items():
        row = speaker["row"]
        # Named with the source: "Interviewer" in two sources is two people.
        case = _sub(cases, "Case", guid=guid("speaker", speaker_id),
                    name=f"{row['speaker_description']} ({row['source']})")
        for variable in CASE_VARIABLES:
            _variable_value(case, variable, str(row[variable.key]))
        _sub(case, "SourceRef", targetGUID=guid("source", row["source"]))
        for selection_guid in speaker["selections"]:
            _sub(case, "SelectionRef", targetGUID=selection_guid)
    if not len(cases):
        root.remove(cases)
    if not len(sources):
        root.remove(sources)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", _xml(root, PROJECT_NS))
        for name, text in files.items():
            archive.writestr(f"sources/{name}", text.encode("utf-8"))
    return sum(len(q) for q in by_source.values())


def _variable_value(parent: ET.Element, variable: _Variable, value: str) -> None:
    element = _sub(parent, "VariableValue")
    _sub(element, "VariableRef", targetGUID=variable.guid)
    _text(element, "TextValue", value)


def _source_text(quotes: list[dict]) -> tuple[str, list[tuple[int, int]]]:
    """The source's plain text, each quote a paragraph after its speaker, and where each
    quote's text stands in it (0-based character positions, end exclusive)."""
    parts, spans, at = [], [], 0
    for row in quotes:
        label = f"{row['speaker_description']}: "
        text = row["text"] or ""
        start = at + len(label)
        spans.append((start, start + len(text)))
        parts.append(label + text + "\n\n")
        at += len(label) + len(text) + 2
    return "".join(parts), spans


# ---------------------------------------------------------------- reading

class QdaError(ValueError):
    """A file that cannot be read as REFI-QDA; the message is one line naming it."""


@dataclass
class Code:
    guid: str
    name: str
    description: str = ""


@dataclass
class Selection:
    source: str  # the TextSource's name
    name: str  # the selection's name (the archive writes the quote id)
    text: str  # the text selected
    codes: list[str] = field(default_factory=list)  # code GUIDs


@dataclass
class QdaFile:
    codes: list[Code]
    selections: list[Selection]
    notes: list[str] = field(default_factory=list)  # what was skipped, and why


def read_file(path: Path) -> QdaFile:
    """A .qdpx project or a .qdc codebook: its codes, and (for a project) its coded text selections."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".qdc":
            return QdaFile(_read_codes(SafeET.parse(path).getroot(), CODEBOOK_NS), [])
        if suffix == ".qdpx":
            with zipfile.ZipFile(path) as archive:
                return _read_project(archive, path)
    except ET.ParseError as e:
        raise QdaError(f"{path}: not valid QDA-XML ({e}).") from None
    except DefusedXmlException:
        raise QdaError(f"{path}: refused: it declares XML entities or a DTD, which QDA-XML never needs.") from None
    except zipfile.BadZipFile:
        raise QdaError(f"{path}: not a REFI-QDA project (a .qdpx is a zip file).") from None
    except OSError as e:
        raise QdaError(f"{path}: cannot read it ({e.strerror or e}).") from None
    raise QdaError(f"{path}: give a REFI-QDA project (.qdpx) or codebook (.qdc).")


def _read_codes(root: ET.Element, ns: str) -> list[Code]:
    codes = []
    for element in root.iter(f"{{{ns}}}Code"):  # nested codes too: each is a code of its own
        description = element.find(f"{{{ns}}}Description")
        codes.append(Code(element.get("guid", ""), element.get("name", ""),
                          " ".join((description.text or "").split()) if description is not None else ""))
    return codes


def _read_project(archive: zipfile.ZipFile, path: Path) -> QdaFile:
    names = [n for n in archive.namelist() if n.lower().endswith(".qde")]
    if not names:
        raise QdaError(f"{path}: no project.qde inside: not a REFI-QDA project.")
    with archive.open(names[0]) as f:
        root = SafeET.parse(f).getroot()
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else PROJECT_NS
    codebook = root.find(f"{{{ns}}}CodeBook")
    codes = _read_codes(codebook, ns) if codebook is not None else []
    selections, notes = [], []
    for source in root.iter(f"{{{ns}}}TextSource"):
        text = _source_content(archive, source, ns, path)
        name = source.get("name", "")
        if text is None:
            notes.append(f"{path}: source {name!r}: its text ({source.get('plainTextPath')}) is not inside "
                         "the project, so its codings were skipped.")
            continue
        for selection in source.findall(f"{{{ns}}}PlainTextSelection"):
            try:
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            except (TypeError, ValueError):
                raise QdaError(f"{path}: source {name!r}, selection {selection.get('guid')}: "
                               "its startPosition and endPosition must be numbers.") from None
            refs = [ref.get("targetGUID", "") for coding in selection.findall(f"{{{ns}}}Coding")
                    for ref in coding.findall(f"{{{ns}}}CodeRef")]
            selections.append(Selection(name, selection.get("name", ""), text[start:end], refs))
    return QdaFile(codes, selections, notes)


def _source_content(archive: zipfile.ZipFile, source: ET.Element, ns: str, path: Path) -> str | None:
    """The source's plain text; None when the project points outside itself for it."""
    inline = source.find(f"{{{ns}}}PlainTextContent")
    if inline is not None:
        return inline.text or ""
    where = source.get("plainTextPath") or ""
    if not where:
        return ""
    if where.startswith("internal://"):
        member = "sources/" + where[len("internal://"):]
    else:
        member = None  # an absolute or relative path on another machine: not in the file
    if member not in archive.namelist():
        return None
    return archive.read(member).decode("utf-8-sig")


# ---------------------------------------------------------------- importing

@dataclass
class ImportReport:
    themes_added: list[str] = field(default_factory=list)
    themes_updated: list[str] = field(default_factory=list)
    coded: int = 0  # hand codes added
    already: int = 0  # codings the archive already had
    unmatched_codes: dict[str, int] = field(default_factory=dict)  # code name -> codings skipped
    unmatched_selections: int = 0  # coded selections over text no stored quote holds
    ambiguous_selections: int = 0  # ... over text several quotes hold
    uncoded_turns: int = 0  # codings on interviewers' or hosts' turns, skipped
    refused: list[str] = field(default_factory=list)  # codes whose name or description hold an identifier
    # Filled in by Archive.import_codes:
    codes_read: int = 0  # codes in the file
    notes: list[str] = field(default_factory=list)  # what the file held that was skipped, and why
    is_codebook: bool = False  # a .qdc: themes only, no coded selections
    codebook: Path | None = None  # the project's codebook file the added themes were written to


def load_mapping(path: Path, known: set[str], add_themes: bool) -> dict[str, str]:
    """A YAML file mapping a QDA file's code names to theme ids ('Job insecurity: precarity').
    Each id is checked: well formed, and a theme of the archive (``known``) unless the
    codes may add themes."""
    from ingest.metadata import load_yaml
    from ingest.model import SourceError
    from ingest.themes.codebook import THEME_ID

    try:
        names = load_yaml(path) or {}
    except SourceError as e:
        raise QdaError(str(e)) from None
    if not isinstance(names, dict):
        raise QdaError(f"{path}: expected lines 'code name: theme_id'.")
    names = {str(k): str(v) for k, v in names.items()}
    bad = next((v for v in names.values() if not THEME_ID.match(v)), None)
    if bad is not None:
        raise QdaError(f"{path}: {bad!r} is not a theme id (lower-case letters, digits and underscores).")
    wrong = [(k, v) for k, v in names.items() if v not in known]
    if wrong and not add_themes:
        raise QdaError(f"{path}: no theme {wrong[0][1]!r} in the archive (for {wrong[0][0]!r}); "
                       f"known: {', '.join(sorted(known))}.")
    return names


def slug(name: str) -> str:
    """A theme id for a code's name: lower-case letters, digits and underscores."""
    text = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return text if text and text[0].isalpha() else f"code_{text}" if text else "code"


def _normal(text: str) -> str:
    return " ".join(text.split())


def import_project(db, qda: QdaFile, mapping: dict[str, str], add_themes: bool,
                   progress=lambda n: None, vet=lambda label, description: None,
                   is_coded=lambda description: True) -> ImportReport:
    """Apply a read REFI-QDA file to the archive: codes to themes, coded selections whose
    text matches stored quotes to hand codes (``archive.hand_codes``: as ``archive tag``
    records them). ``add_themes``: codes that map to no theme become new themes.
    ``vet(label, description)`` says why a code's words may not become a theme's (an
    identifier: themes are published), else None: such a code adds and changes nothing.
    ``is_coded(speaker description)``: False for an interviewer's or host's turn, whose
    codings are skipped and counted (those turns stay uncoded, as ``archive tag`` says)."""
    report = ImportReport()
    themes = {row[0]: {"label": row[1], "description": row[2]}
              for row in db.execute("select id, label, description from themes")}
    by_guid = {theme_guid(t): t for t in themes}
    by_name = {}
    for theme_id, info in themes.items():
        by_name[theme_id.lower()] = theme_id
        if info["label"]:
            by_name[info["label"].lower()] = theme_id
    code_theme: dict[str, str] = {}
    new_rows, updates = [], []
    for code in qda.codes:
        theme = mapping.get(code.name) or by_guid.get(code.guid) or by_name.get(code.name.lower())
        if theme is None and add_themes:
            theme = slug(code.name)  # a code named like a theme's id is that theme
        refusal = None
        if add_themes and theme is not None and code.name not in mapping and (
                theme not in themes or by_name.get(code.name.lower()) != theme or code.description):
            refusal = vet(code.name, code.description)
            if refusal:
                report.refused.append(refusal)  # never the code's name: it holds the identifier
                theme = theme if theme in themes else None  # an archive theme keeps its own words
        if theme is not None and theme not in themes:
            if not add_themes:
                theme = None  # reported as unmatched
            else:
                new_rows.append({"id": theme, "label": code.name, "description": code.description})
                themes[theme] = {"label": code.name, "description": code.description}
                report.themes_added.append(theme)
        elif theme is not None and add_themes and theme not in report.themes_added and code.name not in mapping \
                and not refusal:
            # The file's label and description win (a mapped foreign code only lends its codings).
            info = themes[theme]
            label = code.name if code.name.lower() != theme else info["label"]
            description = code.description or info["description"]
            if label != info["label"] or _normal(description or "") != _normal(info["description"] or ""):
                updates.append({"id": theme, "label": label, "description": description})
                themes[theme] = {"label": label, "description": description}
                report.themes_updated.append(theme)
        if theme is not None:
            code_theme[code.guid] = theme
    names = {c.guid: c.name for c in qda.codes}
    quotes = db.execute("select id, source, text from quotes").fetchall()
    exact: dict[str, list[tuple[str, str]]] = {}
    for quote_id, source, text in quotes:
        exact.setdefault(_normal(text), []).append((quote_id, source))
    quotes = [(quote_id, source, _normal(text)) for quote_id, source, text in quotes]
    ids = {quote_id: (source, text) for quote_id, source, text in quotes}
    by_source: dict[str, list[tuple[str, str, str]]] = {}
    for quote in quotes:
        by_source.setdefault(quote[1], []).append(quote)
    current = {}
    for quote_id, theme in db.execute("select quote, theme from quote_themes"):
        current.setdefault(quote_id, set()).add(theme)
    asked = {quote_id for quote_id, description in db.execute(
        "select q.id, s.description from quotes q left join speakers s on s.id = q.speaker")
        if not is_coded(description)}
    changes: dict[str, list[tuple[str, str]]] = {}
    for selection in qda.selections:
        progress(1)
        if not selection.codes:
            continue
        targets = _quotes_for(selection, exact, ids, quotes, by_source)
        if targets is None:
            report.ambiguous_selections += 1
            continue
        if not targets:
            report.unmatched_selections += 1
            continue
        for code in selection.codes:
            theme = code_theme.get(code)
            if theme is None:
                name = names.get(code, code)
                report.unmatched_codes[name] = report.unmatched_codes.get(name, 0) + 1
                continue
            for quote_id in targets:
                if quote_id in asked:
                    report.uncoded_turns += 1
                    continue
                if theme in current.get(quote_id, set()) or ("+", theme) in changes.get(quote_id, []):
                    report.already += 1
                    continue
                changes.setdefault(quote_id, []).append(("+", theme))
    from archive import hand_codes
    from archive.store import transaction

    with transaction(db):  # the themes and every hand code, or nothing
        position = (db.execute("select max(position) from themes").fetchone()[0] or 0)
        for n, row in enumerate(new_rows, start=1):
            db.execute("insert into themes (id, label, description, position) values (?, ?, ?, ?)",
                       [row["id"], row["label"], row["description"], position + n])
        for row in updates:
            db.execute("update themes set label = ?, description = ? where id = ?",
                       [row["label"], row["description"], row["id"]])
        for quote_id, quote_changes in changes.items():
            hand_codes.record(db, quote_id, quote_changes)  # a savepoint within this transaction
            report.coded += len(quote_changes)
    return report


# A selection inside a quote, or a quote inside a selection, counts only from this many
# characters: "yes" is in many quotes.
MIN_MATCH = 20


def _quotes_for(selection: Selection, exact, ids, quotes, by_source) -> list[str] | None:
    """The stored quotes a coded selection stands for: [] when none, None when it cannot
    be told which (the same text in several sources)."""
    text = _normal(selection.text)
    if not text:
        return []
    named = ids.get(selection.name)
    if named and (named[1] == text or (len(text) >= MIN_MATCH and text in named[1])):
        return [selection.name]  # the archive's own export names each selection by its quote
    holders = exact.get(text)
    if holders:
        if len(holders) == 1:
            return [holders[0][0]]
        same_source = [q for q, source in holders if source == selection.source]
        return same_source[:1] if len(same_source) == 1 else None
    if len(text) < MIN_MATCH:
        return []
    # Part of a quote (coded on a sentence), or several whole quotes (coded over a passage):
    # looked for first among the quotes of the source the file's document is named after.
    own = by_source.get(selection.source, [])
    for candidates in ([own, quotes] if own else [quotes]):
        inside = [(q, s) for q, s, t in candidates if text in t]
        if len(inside) == 1:
            return [inside[0][0]]
        if inside:
            same_source = [q for q, s in inside if s == selection.source]
            return same_source[:1] if len(same_source) == 1 else None
        covered = [q for q, s, t in candidates if len(t) >= MIN_MATCH and t in text]
        if covered:
            return covered
    return []


def add_to_codebook(target: Path, current: Path, themes: list[dict]) -> None:
    """Append imported themes (no cues: they are coded by hand) to the project's codebook,
    ``target``, made from ``current`` (the codebook in use) if the project has none, so that
    the next ingest keeps them. The file is appended to, keeping its comments, and read back:
    if the themes are not there as written, it is left as it was and the error says so."""
    import json

    from ingest.themes.codebook import CodebookError, load_codebook

    before = target.read_text(encoding="utf-8") if target.exists() else current.read_text(encoding="utf-8")
    added = "".join(
        f"  - id: {t['id']}\n    label: {json.dumps(t['label'], ensure_ascii=False)}\n"
        f"    description: {json.dumps(t['description'] or t['label'], ensure_ascii=False)}\n"
        for t in themes)
    text = before + ("" if before.endswith("\n") else "\n") + "  # Imported from a REFI-QDA file:\n" + added
    existed = target.exists()
    target.write_text(text, encoding="utf-8")
    try:
        ids = load_codebook(target).ids
        missing = [t["id"] for t in themes if t["id"] not in ids]
    except CodebookError as e:
        missing = [str(e)]
    if missing:
        if existed:
            target.write_text(before, encoding="utf-8")
        else:
            target.unlink()
        raise QdaError(f"{target}: could not add the imported themes at its end (its 'themes:' list "
                       f"must come last); add {', '.join(t['id'] for t in themes)} by hand.")
