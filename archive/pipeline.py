"""Ingest a transcripts tree into the archive: discover → read → stages → store.

Each source is stored in its own transaction, so a failure or a kill at any
moment leaves every source either as it was or fully replaced. A source whose
file, metadata and pipeline settings hash to the fingerprint already stored is
skipped without being read.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import re
import sqlite3
import stat
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, ContextManager, Iterable

import ingest
from archive import store, tables
from ingest import limits, metadata, schema
from ingest.config import BASE_MODEL, ProjectConfig
from ingest.model import CollectionNameError, PipelineError, Source, SourceError, printable
from ingest.readers import known_extensions, reader_for
from ingest.stages import Stage, build_stages

READER_VERSION = "readers-1"
# Files in a collection folder that are not sources.
NOT_SOURCES = {"collection.yml", "collection.yaml"}


@dataclass
class SourceFile:
    path: Path
    collection: str
    collection_yml: Path

    @property
    def sidecar(self) -> Path:
        return self.path.with_name(self.path.name + ".yml")


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one-line messages naming file and place
    notes: list[str] = field(default_factory=list)
    quotes: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed


def discover(root: Path, own: Iterable[Path] = ()) -> tuple[list[SourceFile], list[str], list[Path]]:
    """Source files under ``root`` (a transcripts tree, or one collection folder).

    Collections are folders below the root, or the root itself when it has a
    collection.yml or no folder below holds a source (one collection folder named
    on its own). Sidecars, collection.yml, README files and hidden files are not
    sources. Returns the files, a message for each file that will not be read
    (unknown format, a name that is not text, a link out of the tree, a pipe or
    device, too big), and the files left out for lying loose in the root beside
    collections. Files and folders in ``own`` (the archive's own) are passed over.
    """
    root = root.resolve()
    own = {Path(p).resolve() for p in own}
    files: list[SourceFile] = []
    unknown: list[str] = []
    loose: list[Path] = []
    refused: set[Path] = set()  # files not to be read, sidecars and collection.yml included
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(p.startswith((".", "~$")) for p in relative.parts) or own and (
                path in own or not own.isdisjoint(path.parents)):
            continue
        problem = _unreadable(path, relative, root)
        if problem:
            if problem is not _SEEN:
                unknown.append(problem)
            refused.add(path)
            continue
        if not path.is_file():
            continue
        if path.name.lower() in NOT_SOURCES or path.stem.upper() == "README":
            continue
        folder = path.parent
        if folder == root and not (root / "collection.yml").exists():
            if reader_for(path) is not None:
                loose.append(path)  # loose files beside the collections are not sources
            continue
        if path.suffix.lower() in (".yml", ".yaml"):
            continue
        if reader_for(path) is None:
            unknown.append(f"{printable(path)}: unsupported format {path.suffix or '(no extension)'!r}; "
                           f"the archive reads {', '.join(known_extensions())}.")
            continue
        files.append(SourceFile(path, folder.name, folder / "collection.yml"))
    # A source whose sidecar or collection.yml was refused is not read (nor taken out):
    # its metadata may be what keeps a name redacted.
    files = [f for f in files if not {f.sidecar, f.collection_yml} & refused]
    if loose and not files:
        return [SourceFile(path, root.name, root / "collection.yml") for path in loose], unknown, []
    return files, unknown, loose


_SEEN = "already reported"  # a file in a folder whose name was reported


def _unreadable(path: Path, relative: Path, root: Path) -> str | None:
    """Why ``path`` must not be read, if it must not: its name is not text, it leads out
    of the tree, it is not an ordinary file or folder, or it is too big."""
    for depth, part in enumerate(relative.parts, start=1):
        if not _is_text(part):
            if depth < len(relative.parts):
                return _SEEN  # the folder's own entry said so
            kind = "folder" if path.is_dir() and not path.is_symlink() else "file"
            return (f"{printable(path)}: the {kind} name is not valid text (UTF-8), so it "
                    f"{'and everything in it were' if kind == 'folder' else 'was'} not read; rename it.")
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return f"{printable(path)}: a link to nothing (or to itself); it was not read."
        if not target.is_relative_to(root):
            what = "folder" if target.is_dir() else "file"
            return (f"{printable(path)}: a link to a {what} outside {printable(root)}; the archive reads only what is "
                    "inside the transcripts folder, so it was not read.")
    try:
        mode = path.stat().st_mode
    except OSError:
        return f"{printable(path)}: cannot be read (it vanished or is not allowed)."
    if stat.S_ISDIR(mode):
        return None
    if not stat.S_ISREG(mode):
        return f"{printable(path)}: not an ordinary file (a pipe, device or socket), so it was not read."
    # Checked here, before the file is hashed to see whether it changed.
    size = path.stat().st_size
    if path.suffix.lower() in (".yml", ".yaml"):
        if size > limits.current().max_yaml_bytes:
            return f"{printable(path)}: the YAML file{limits.over('max_yaml_bytes', size)}; it was not read."
    elif size > limits.current().max_file_bytes:
        return f"{printable(path)}: the file{limits.over('max_file_bytes', size)}; it was not read."
    return None


def _is_text(name: str) -> bool:
    # A name that is not UTF-8 reaches Python with its bad bytes as lone surrogates.
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# archive.yml's keys that say where things are, not what ingest makes of a source.
_WHERE_KEYS = {"transcripts", "db", "private"}


def _settings_made(config: ProjectConfig, trained_taggers: bool) -> str:
    """archive.yml as it bears on what ingest makes: each setting away from its default
    (a comment, the order of keys or 'max_words: 150' written out change nothing)."""
    def plain(value):  # an empty list or mapping is no setting ('review: {keep: []}')
        if isinstance(value, dict):
            value = {k: plain(v) for k, v in value.items() if plain(v) not in ({}, [], None)}
        return value

    skip = _WHERE_KEYS | (set() if trained_taggers else {"themes_model", "tagger_model"})
    made = {key.name: plain(getattr(config, key.name, key.default)) for key in schema.ARCHIVE.keys
            if key.name not in skip}
    return json.dumps({k: v for k, v in made.items() if v != plain(schema.ARCHIVE[k].default)},
                      sort_keys=True, default=str)


def settings_fingerprint(config: ProjectConfig, trained_taggers: bool = True) -> str:
    """What, besides a source's own files, decides what ingest makes of it.

    The code and word lists of every stage, the store's schema, archive.yml's settings away
    from their defaults (project lists, review decisions, pipeline choices), the codebook and learnt theme model, and the versions of the
    spaCy model and of every package the archive depends on. Hashing these rather than asking built stages keeps an unchanged
    re-ingest from loading any model; any change re-ingests every source. Without
    ``trained_taggers``, the project's theme models (which ``archive themes train`` writes
    and ``retag`` applies) are left out: what decides the redaction and the rest.
    """
    digest = hashlib.sha256(READER_VERSION.encode())
    package = Path(ingest.__file__).parent  # every stage's code, word lists and models
    code = [p for p in sorted(package.rglob("*"))
            if p.suffix in (".py", ".yml", ".yaml", ".txt", ".json", ".npz") and "__pycache__" not in p.parts]
    code.append(Path(__file__))  # this module: how sources are read and stored
    project_files = [config.resolve(config.codebook)]
    if trained_taggers:
        project_files += [config.resolve(config.themes_model), config.resolve(config.tagger_model)]
    for path in [*code, Path(store.__file__), Path(tables.__file__), *project_files]:
        if path is not None and path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(_settings_made(config, trained_taggers).encode() + b"\0")
    digest.update(_installed_versions().encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def _installed_versions() -> str:
    """The installed versions of the model and of every package the archive depends on (a
    new word-frequency list or spaCy can change what is redacted or tagged). Read once per
    process: a package installed later is not the one imported, and reading the packages'
    metadata took most of the fingerprint's time, twice in every ingest."""
    try:
        requirements = importlib.metadata.requires("quote-archive") or []
    except importlib.metadata.PackageNotFoundError:
        requirements = []
    packages = [re.match(r"[A-Za-z0-9._-]+", r)[0] for r in requirements if "extra ==" not in r]
    versions = []
    for package in sorted({BASE_MODEL, *packages}):  # BASE_MODEL: not ingest.redact's, which loads spaCy
        try:
            version = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            version = "not installed"
        versions.append(f"{package}=={version}\0")
    return "".join(versions)


def fingerprint(source_file: SourceFile, settings: str) -> str:
    digest = hashlib.sha256(settings.encode())
    for part in (source_file.collection_yml, source_file.sidecar, source_file.path):
        digest.update(part.read_bytes() if part.exists() else b"-")
        digest.update(b"\0")
    return digest.hexdigest()


def read_source(source_file: SourceFile, collections: dict[Path, dict] | None = None) -> Source:
    """Read one file with its metadata merged: collection.yml → front matter → sidecar.

    ``collections`` caches each collection.yml for the length of one ingest.
    """
    path = source_file.path
    if collections is None:
        collections = {}
    if source_file.collection_yml not in collections:
        collections[source_file.collection_yml] = metadata.collection_defaults(source_file.collection_yml)
    collection = collections[source_file.collection_yml]
    sidecar = (metadata.load_yaml(source_file.sidecar, kind=schema.SOURCE)
               if source_file.sidecar.exists() else {})
    meta = metadata.merge(collection, sidecar)
    result = reader_for(path)(path, meta)
    # Redaction and tagging hold every quote of a source at once: bound how many, how long.
    limits.check_count(path, "turns or answers", len(result.turns), "max_turns")
    cap = limits.current().max_turn_chars
    for turn in result.turns:
        if len(turn.text) > cap:  # past this, redaction and search would be slow and huge
            raise SourceError(path, f"this turn{limits.over('max_turn_chars', len(turn.text))}; "
                                    "break it into paragraphs or turns.", place=turn.place)
    limits.check_count(path, "characters of text", sum(len(t.text) for t in result.turns), "max_text_chars")
    labels = {turn.label for turn in result.turns if turn.label}
    metadata.check_speakers(result.front_matter.get("speakers"), labels, path)
    metadata.check_speakers(sidecar.get("speakers"), labels, source_file.sidecar)
    meta = metadata.validate(metadata.merge(collection, result.front_matter, sidecar), path)
    if not result.turns:
        raise SourceError(path, "found no text to quote.")
    return Source(
        id=meta.get("id") or path.stem,
        collection=source_file.collection,
        path=path,
        format=path.suffix.lower().lstrip("."),
        meta=meta,
        turns=result.turns,
        notes=list(result.notes),
    )


Progress = Callable[[list[SourceFile]], ContextManager[Iterable[SourceFile]]]


def ingest_path(
    root: Path,
    db_path: Path,
    config: ProjectConfig,
    progress: Progress | None = None,
    index: bool = True,
) -> IngestReport:
    """Ingest the tree at ``root`` into ``db_path``: plan, apply, finish. With ``index``,
    bring the search index in step."""
    began = time.perf_counter()
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"No transcripts folder at {root}.")
    report = IngestReport()
    with limits.applied(config.limits):  # archive.yml's limits, for this run only
        db = store.open_db(db_path, check=True)
        try:
            plan = plan_ingest(root, db, config, own=archive_files(db_path, config))
            report.failed += plan.unreadable
            report.notes += plan.notes()
            applied = apply_plan(plan, db, config, report, progress)
            finish_ingest(plan, applied, db, db_path, config, report, index)
        except sqlite3.Error as e:
            raise _stopped(db_path, e, report) from None
        finally:
            db.close()
    report.seconds = time.perf_counter() - began
    return report


def _stopped(db_path: Path, error: sqlite3.Error, report: IngestReport) -> store.StoreError:
    """The database's fault (read-only, full, damaged), not a source's: one message, and no
    more sources tried. What was stored before stays whole (one transaction each)."""
    stored = len(report.added) + len(report.updated)
    done = (f"the {stored} source{'s' if stored > 1 else ''} stored before it {'are' if stored > 1 else 'is'} "
            "whole and every other source keeps what it had" if stored else "every source keeps what it had")
    return store.StoreError(f"{store.database_fault(db_path, error)} Ingest stopped there: {done}; "
                            "ingest again once this is mended.")


# ---------------------------------------------------------------- plan

@dataclass
class PlannedSource:
    """One source file and what ingest means to do with it."""

    file: SourceFile
    # "add" (never stored), "replace" (changed, or its private log never written), "withdraw"
    # (its id is withdrawn), "skip" (unchanged) or "refuse" (``error`` says why). The first
    # three read the file, whose metadata may give it another id than before.
    action: str
    known_id: str | None = None  # the id its file was stored under, if it was
    fingerprint: str = ""
    error: Exception | None = None  # that file's failure, reported when the plan is applied


@dataclass
class IngestPlan:
    """What an ingest of ``root`` will do, found by hashing its files without reading them."""

    root: Path
    settings: str  # the settings fingerprint every source is made with
    sources: list[PlannedSource]  # in the order they are read
    # Sources stored from this tree whose file is gone ("gone") or is read again: each leaves
    # the archive unless this run keeps it (its file still gives its id, or fails).
    may_leave: list[str]
    gone: list[str]
    owners: dict[str, Path]  # stored id → its file here: it keeps its id against a newcomer
    states: dict[str, dict]  # store.ingest_states: every stored source, by id
    withdrawn: set[str]
    unreadable: list[str] = field(default_factory=list)  # a message for each file not read
    loose: list[Path] = field(default_factory=list)  # files beside the collections, in none

    @property
    def files(self) -> list[SourceFile]:
        return [planned.file for planned in self.sources]

    def ids(self, action: str) -> list[str]:
        """Stored ids of the files planned for ``action`` ("replace", "skip"...)."""
        return [p.known_id for p in self.sources if p.action == action and p.known_id]

    def notes(self) -> list[str]:
        root, loose, many = self.root, self.loose, len(self.loose) > 1
        if not self.sources and not self.unreadable and not loose:
            return [f"found no transcripts in {root}: a collection is a folder of source files "
                    f"({', '.join(known_extensions())})."]
        if not loose:
            return []
        return [f"{len(loose)} file{'s' if many else ''} directly in {root} (e.g. {loose[0].name}) "
                f"{'are' if many else 'is'} in no collection folder and {'were' if many else 'was'} not read: "
                f"move {'them' if many else 'it'} into one, or give {root} a collection.yml to read it as one "
                "collection."]


def archive_files(db_path: Path, config: ProjectConfig) -> list[Path]:
    """What the archive writes itself: its database (and SQLite's files beside it), the
    search index and the private redaction log. None of it is a source, wherever it lies."""
    db_path = Path(db_path)
    return [db_path, *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal", "-index")),
            config.resolve(config.private)]


def plan_ingest(root: Path, db, config: ProjectConfig, own: Iterable[Path] = ()) -> IngestPlan:
    """Discovery: what each file under ``root`` needs (add, replace, withdraw, skip, refuse)
    and which stored sources may leave. Hashes files, reads no source, writes nothing.
    ``own``: the archive's own files (``archive_files``), never sources."""
    root = Path(root)
    files, unreadable, loose = discover(root, own)
    settings = settings_fingerprint(config)
    states, withdrawn = store.ingest_states(db), store.withdrawn_ids(db)
    id_of_path = {state["path"]: source_id for source_id, state in states.items()}
    is_withheld = store.withheld_test(db)  # collections found in earlier runs to hold a name
    sources = [_plan_source(f, id_of_path.get(store.path_key(f.path)), settings, states, withdrawn, is_withheld)
               for f in files]
    present = {store.path_key(f.path): f.path for f in files}
    may_leave, gone = _leaving(root, states, present)
    owners = {source_id: present[state["path"]] for source_id, state in states.items() if state["path"] in present}
    return IngestPlan(root, settings, sources, may_leave, gone, owners, states, withdrawn, unreadable, loose)


def _plan_source(source_file: SourceFile, known_id: str | None, settings: str, states: dict,
                 withdrawn: set[str], is_withheld: Callable[[str], bool]) -> PlannedSource:
    planned = PlannedSource(source_file, "refuse", known_id)
    if is_withheld(source_file.collection):
        planned.error = CollectionNameError(source_file.path, "its collection folder's name was found to hold "
                                                              "an identifier; rename the folder.")
        return planned
    try:
        planned.fingerprint = fingerprint(source_file, settings)
    except Exception as e:  # unreadable now (vanished, not allowed): reported as that file's failure
        planned.error = e
        return planned
    state = states.get(known_id) or {}
    # Unchanged only if its private log was written after it was stored (not so if ingest
    # was killed in between: then it is made again).
    unchanged = state.get("fingerprint") == planned.fingerprint == state.get("logged")
    planned.action = ("add" if not known_id else "withdraw" if known_id in withdrawn
                      else "skip" if unchanged else "replace")
    return planned


def _leaving(root: Path, states: dict[str, dict], present: dict[str, Path]) -> tuple[list[str], list[str]]:
    """Sources stored from under ``root`` whose file is read again or gone, and those gone.
    A file left unread (loose beside collections, in a hidden folder) is not gone."""
    root_key = store.path_key(root)
    here = [source_id for source_id, state in states.items()
            if state["root"] == root_key or root_key in (state.get("folders") or "").split()]
    gone = [source_id for source_id in here if states[source_id]["path"] not in present]
    if gone:
        on_disk = {store.path_key(p) for p in root.rglob("*") if _is_text(str(p)) and p.is_file()}
        gone = [source_id for source_id in gone if states[source_id]["path"] not in on_disk]
    return [s for s in here if states[s]["path"] in present or s in gone], gone


# ---------------------------------------------------------------- apply

@dataclass
class Applied:
    """What applying a plan did, for finish to act on."""

    kept: set[str] = field(default_factory=set)  # ids whose files are still there (stored, skipped or failed)
    claimed: dict[str, Path] = field(default_factory=dict)  # id → the file that gave it in this run
    changed: list[str] = field(default_factory=list)  # ids stored or taken out: the search index follows
    withheld: set[str] = field(default_factory=set)  # collections found in this run to hold a name
    widened: bool = False  # a source now redacts what it did not: its old words are in the index


def apply_plan(plan: IngestPlan, db, config: ProjectConfig, report: IngestReport,
               progress: Progress | None = None) -> Applied:
    """Read, redact, tag and store each planned source, each in its own transaction
    (``store.replace_source``); its private redaction log is written only once that has
    committed. A source that fails is reported and keeps what the archive had."""
    return _Applying(plan, db, config, report).run(progress)


class _Applying:
    def __init__(self, plan: IngestPlan, db, config: ProjectConfig, report: IngestReport):
        self.plan, self.db, self.config, self.report = plan, db, config, report
        self.applied = Applied()
        self.root_key = store.path_key(plan.root)
        self.stages: list[Stage] = []
        self.collections: dict[Path, dict] = {}  # each collection.yml, read once per ingest
        self.failed_at: dict[str, tuple[int, int]] = {}  # a failure's message → its place in failed, sources

    def run(self, progress: Progress | None) -> Applied:
        planned_for = {planned.file.path: planned for planned in self.plan.sources}
        files = self.plan.files
        with (progress(files) if progress else nullcontext(files)) as bar:
            for source_file in bar:
                self.apply(planned_for[source_file.path])
        return self.applied

    def apply(self, planned: PlannedSource) -> None:
        known_id = planned.known_id
        try:
            if planned.error is not None:
                raise planned.error
            if planned.action == "skip":
                self.claim(known_id, planned.file.path)
                self.applied.kept.add(known_id)
                self.report.unchanged.append(known_id)
            else:
                self.read_and_store(planned)
        except (PipelineError, sqlite3.Error):
            raise  # not this source's fault: nothing can go in until it is mended
        except SourceError as e:
            self.fail(str(e))
            if isinstance(e, CollectionNameError):
                self.applied.withheld.add(planned.file.collection)  # the whole folder comes out at finish
            elif known_id:
                self.applied.kept.add(known_id)  # a broken file never costs the archive what it had
        except Exception as e:  # a bug met on one file: report it, go on with the rest
            # The exception's own message is not shown: it may quote the file's content.
            self.report.failed.append(f"{printable(planned.file.path)}: could not be processed "
                                      f"({type(e).__name__}); please report this with the file's format, "
                                      "not its content.")
            if known_id:
                self.applied.kept.add(known_id)

    def fail(self, message: str) -> None:
        """Report a source's failure; the same failure again (a broken collection.yml, which
        each of its sources meets) is said once, with how many sources it kept out."""
        if message not in self.failed_at:
            self.failed_at[message] = (len(self.report.failed), 1)
            self.report.failed.append(message)
            return
        place, sources = self.failed_at[message]
        self.failed_at[message] = (place, sources + 1)
        self.report.failed[place] = f"{message} ({sources + 1} sources not read for this)"

    def read_and_store(self, planned: PlannedSource) -> None:
        source = read_source(planned.file, self.collections)
        self.claim(source.id, planned.file.path)
        self.applied.kept.add(source.id)
        if planned.known_id and planned.known_id != source.id:
            self.applied.kept.discard(planned.known_id)  # the file now carries another id: the old one goes
        if source.id in self.plan.withdrawn or source.access == "withdrawn":
            self.withdraw(source.id)
            return
        source.fingerprint, source.settings = planned.fingerprint, self.plan.settings
        for stage in self.built_stages():
            source = stage(source)
        stored_before = source.id in self.plan.states
        # Whether its old words, now redacted, may be in the index (a new source has none).
        self.applied.widened = self.applied.widened or (source.redaction_widened and stored_before)
        store.replace_source(self.db, source, self.root_key)
        self.applied.changed.append(source.id)
        self.write_log(source, planned)
        (self.report.updated if stored_before else self.report.added).append(source.id)

    def write_log(self, source: Source, planned: PlannedSource) -> None:
        """The private redaction log, only once the source is stored: a source never stored
        keeps its old log. Then marked written, so the next ingest may skip the source."""
        try:
            _write_private_log(source)
        except OSError as e:  # stored, but not marked logged: the next ingest makes it again
            self.report.failed.append(
                f"{printable(planned.file.path)}: stored, but its private redaction log could not be written to "
                f"{self.config.resolve(self.config.private)} ({e.strerror or e}); ingest again once that "
                "folder can be written.")
            return
        store.mark_logged(self.db, source.id, planned.fingerprint)
        self.report.notes += [f"{printable(planned.file.path)}: {note}" for note in source.notes]

    def withdraw(self, source_id: str) -> None:
        if source_id in self.plan.states:
            store.remove_source(self.db, source_id)
            self.applied.changed.append(source_id)
        _delete_private_log(self.config, source_id)  # withdrawn consent covers the originals
        self.report.withdrawn.append(source_id)

    def built_stages(self) -> list[Stage]:
        # Built on the first source that needs them: models load only when there is work.
        if not self.stages:
            self.stages.extend(build_stages(self.config))
            for stage in self.stages:
                if hasattr(stage, "themes"):
                    store.sync_themes(self.db, stage.themes)
        return self.stages

    def claim(self, source_id: str, path: Path) -> None:
        """Refuse two files giving one id. A file that already holds its id in the archive
        keeps it against a newcomer, whatever the order of reading."""
        holder = self.applied.claimed.get(source_id) or self.plan.owners.get(source_id)
        if holder is not None and holder != path:
            raise SourceError(path, f"source id {source_id!r} is already used by {holder}; "
                                    "give one of them another 'id' in its metadata.")
        self.applied.claimed[source_id] = path


# ---------------------------------------------------------------- finish

def finish_ingest(plan: IngestPlan, applied: Applied, db, db_path: Path, config: ProjectConfig,
                  report: IngestReport, index: bool = True) -> IngestReport:
    """Take out the sources that left and the collections found to hold a name, note the
    sources made otherwise, compact the indexes, and count what the archive holds."""
    _remove_left(plan, applied, db, config, report)
    purged = _withhold(db, applied.withheld, report)
    _note_made_otherwise(plan, applied, db, report)
    # Text replaced or removed must not linger in the indexes' pages. FTS5 is compacted
    # whenever anything changed (about 0.4 s per 100,000 quotes); Whoosh, slower by far,
    # when sources left or a source now redacts what it did not.
    if applied.changed:
        store.remember_redaction_settings(db, plan.settings, settings_fingerprint(config, trained_taggers=False))
    if applied.changed or report.removed or purged:
        store.compact_text_index(db)
    report.quotes, report.words = db.execute("select count(*), coalesce(sum(words), 0) from quotes").fetchone()
    db.close()
    if index:
        compact = bool(report.removed or purged) or applied.widened
        problem = _sync_search_index(db_path, applied.changed, report.removed + purged, compact)
        if problem:
            report.failed.append(problem)
    return report


def _remove_left(plan: IngestPlan, applied: Applied, db, config: ProjectConfig, report: IngestReport) -> None:
    """Sources whose file is gone, or now gives another id, leave with their private logs."""
    for source_id in plan.may_leave:
        if source_id in applied.kept or source_id in applied.claimed:
            continue
        # The log first: killed in between, the source is still stored, and the next ingest
        # removes it (and would find no log to remove if it went second).
        _delete_private_log(config, source_id)
        store.remove_source(db, source_id)
        report.removed.append(source_id)


def _withhold(db, collections: set[str], report: IngestReport) -> list[str]:
    """A folder name found to be a name in one source is in every quote of the folder: the
    others, stored before it was read or in earlier runs, come out too. Returns their ids."""
    purged = []
    for collection in sorted(collections):
        for source_id in store.withhold_collection(db, collection):
            purged.append(source_id)
            report.failed.append(f"{source_id}: kept out with its whole collection folder, whose name "
                                 "holds an identifier (see the error above); rename the folder.")
    if purged:
        report.notes.append("sources were taken out of the archive: publish it again (archive publish) "
                            "if an earlier build holds them.")
    return purged


def _note_made_otherwise(plan: IngestPlan, applied: Applied, db, report: IngestReport) -> None:
    """Sources of other folders are not read here: after a change of settings (a word to
    redact in archive.yml, the codebook...) they keep what they were made with."""
    behind = store.sources_made_otherwise(db, plan.settings,
                                          exclude=applied.kept | set(applied.claimed) | set(report.removed))
    if not behind:
        return
    many = len(behind) > 1
    report.notes.append(
        f"{len(behind)} source{'s' if many else ''} outside {plan.root} ({', '.join(behind[:3])}"
        f"{', ...' if len(behind) > 3 else ''}) {'were' if many else 'was'} last ingested with other settings "
        f"(archive.yml, the codebook, word lists or versions) and {'keep their' if many else 'keeps its'} old "
        f"redaction and themes: ingest {'their folders' if many else 'its folder'} again. Until then export and "
        "publish stop on any word archive.yml redacts.")


def _delete_private_log(config: ProjectConfig, source_id: str) -> None:
    from ingest.redact.gate import log_path

    log_path(config.resolve(config.private), source_id).unlink(missing_ok=True)


def _write_private_log(source: Source) -> None:
    if source.private_log is not None:
        from ingest.redact import write_private_log  # loaded already: the stage made the log

        write_private_log(source)


def _sync_search_index(db_path: Path, changed: list[str], removed: list[str], compact: bool) -> str | None:
    """Bring the Whoosh word list in step; a problem with it is returned as a message
    (the archive itself is saved by then, and ingest's summary still prints)."""
    try:
        from archive import search_index
    except ImportError as e:
        if e.name != "archive.search_index":
            raise
        return None  # no search index in this installation
    try:
        search_index.sync(db_path, changed, removed, compact=compact)
    except search_index.SearchIndexError as e:
        return str(e)
    return None
