"""The archive as a library: one ``Archive`` object, as sqlite-utils has ``Database``.

    from archive import Archive

    archive = Archive("my-project")            # a project folder (archive.yml, archive.db)
    archive.ingest()                           # read, redact, tag and store transcripts/
    for hit in archive.search("honorary theme:unwaged_work", limit=5).hits:
        print(hit.id, hit.row["text"])
    rows = list(archive.quotes(themes=["precarity"]))   # published shape: text, speaker, citation...
    archive.tag("sample-int-01-002", "+precarity")      # a hand code, as `archive tag` makes it
    archive.export("quotes.jsonl")             # through the leak gate, like `archive export`

Every command is a thin layer over one of these methods (``archive.cli`` and the modules
it names parse options and lay out the results); ``archive serve`` alone is not, being a
web server in the foreground. Heavy libraries (spaCy, Whoosh, Datasette) load only in the
method that needs them.

Methods that take long take ``progress``: a function given the number of steps, returning
a context manager that yields ``update(n)`` (``click.progressbar(length=total)`` is one,
through ``lambda total: click.progressbar(length=total)``). Methods that may warn take
``warn``: a function given a line (default: printed to standard error).
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from ingest.config import ProjectConfig, load_config


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


@contextmanager
def _steps(progress, total: int):
    """``update(n)`` of the caller's progress display, or one that shows nothing."""
    if progress is None:
        yield lambda n: None
        return
    with progress(total) as bar:
        yield bar.update if hasattr(bar, "update") else bar


@dataclass
class Training:
    out: Path  # the model written
    model: object = None  # the default tagger's model (ingest.themes.trained.TaggerModel)
    hand_coded: int = 0  # quotes coded by hand in this archive that it learnt from
    scores: object = None  # with gold: the cross-validated figures (ingest.themes.evaluate.Scores), if asked


class Archive:
    """A project's archive: its configuration (archive.yml) and its database.

    ``path`` is the project folder (default: the working folder) or the database file
    itself; ``db`` names another database than the project's."""

    def __init__(self, path: str | Path = ".", db: str | Path | None = None):
        path = Path(path)
        is_db = path.is_file() or (path.suffix == ".db" and not path.is_dir())
        self.config: ProjectConfig = load_config(path.parent if is_db else path)
        self.db_path = Path(db) if db else path if is_db else self.config.resolve(self.config.db)

    def __repr__(self) -> str:
        return f"<Archive {self.db_path}>"

    @staticmethod
    def init(folder: str | Path = ".") -> tuple[list[Path], list[Path]]:
        """Write a new project's skeleton into ``folder`` (archive.yml, metadata.yml to fill
        in, transcripts/ with one example); files already there are kept. Returns (files
        written, files kept); then ``Archive(folder)``."""
        from archive.skeleton import init_project

        return init_project(folder)

    def _db(self, check: bool = False):
        """The archive's database; with ``check`` (methods that write), refused if damaged."""
        from archive import store

        return store.open_db(self.db_path, create=False, check=check)

    @contextmanager
    def _open(self, check: bool = False):
        db = self._db(check)
        try:
            yield db
        finally:
            db.close()

    # ------------------------------------------------------------ writing

    def ingest(self, path: str | Path | None = None, progress=None, index: bool = True):
        """Read, redact, tag and store the transcripts tree (default: the project's
        ``transcripts/``). Returns an ``IngestReport`` (added, updated, failed...).
        ``progress`` here is given the files and returns a context manager yielding them."""
        from archive.pipeline import ingest_path

        root = Path(path) if path else self.config.resolve(self.config.transcripts)
        return ingest_path(root, self.db_path, self.config, progress=progress, index=index)

    def tag(self, quote_id: str, *changes: str, add: Iterable[str] = (), remove: Iterable[str] = ()) -> list[str]:
        """Hand decisions on a quote's themes, as ``archive tag`` takes them ("+precarity",
        "-workload") or as ``add``/``remove`` lists: kept across re-ingest, and winning over the
        tagger. Returns the quote's themes now. Raises ``archive.hand_codes.UnknownQuote`` or
        ``BadChange`` (an unknown theme, one given twice) before writing anything."""
        from archive import hand_codes

        wanted = [*changes, *(f"+{t}" for t in add), *(f"-{t}" for t in remove)]
        codebook = self._codebook()
        with self._open(check=True) as db:  # a damaged archive is not written to
            return hand_codes.record(db, quote_id, hand_codes.checked(db, quote_id, wanted, codebook))

    def _codebook(self):
        """The project's codebook: its themes and which speakers' turns stay uncoded."""
        from ingest.themes.codebook import codebook_path, load_codebook

        return load_codebook(codebook_path(self.config))

    def retag(self, progress=None) -> int:
        """Tag the stored quotes again with the current model (``train``), without reading the
        sources; hand decisions stay on top. Returns how many quotes were tagged."""
        from archive import coding

        with self._open() as db:
            stage = coding.default_stage(self.config)
            total = db.execute("select count(*) from quotes").fetchone()[0]
            with _steps(progress, total) as update:
                return coding.retag(db, stage, progress=update)

    def train(self, gold: str | Path | None = None, codebook: str | Path | None = None,
              out: str | Path | None = None, cross_validated: bool = True,
              log: Callable[..., None] | None = None) -> Training:
        """Retrain the default tagger on the packaged coding plus this archive's hand codes,
        into the project's ``tagger_model`` (then ``retag``). With ``gold`` (a JSONL file of
        coded texts), train the optional embeddings tagger on it instead, into
        ``themes_model``. ``log(line, file=...)`` hears what is being done."""
        log = log or (lambda line, **kwargs: None)
        codebook = Path(codebook) if codebook else None
        if gold is None:
            from archive import coding

            out = Path(out) if out else self.config.resolve(self.config.tagger_model)
            with self._open() as db:
                stage = coding.default_stage(self.config, codebook)
                log("Training on the packaged coding and this archive's hand codes...", file=sys.stderr)
                model, hand = coding.train(db, stage, out)
            return Training(out, model, hand)
        from ingest.themes import codebook_path
        from ingest.themes.train import train as run_training

        out = Path(out) if out else self.config.resolve(self.config.themes_model)
        scores = run_training(Path(gold), codebook or codebook_path(self.config), out,
                              cross_validated=cross_validated, log=log)
        return Training(out, scores=scores)

    def import_codes(self, file: str | Path, mapping: str | Path | None = None, add_themes: bool = False,
                     progress=None):
        """Read a REFI-QDA project (.qdpx) or codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA...:
        a codebook adds and updates themes (also in the project's codebook.yml); a project's
        coded selections over stored quotes' text become hand codes, as ``tag`` makes them.
        ``mapping``: a YAML file of 'code name: theme_id'. Returns an ``archive.qda.ImportReport``
        (its ``codes_read``, ``notes`` and ``codebook`` say what was read and written)."""
        from archive import qda
        from archive.leak_gate import published_checker, theme_vetter
        from ingest.themes.codebook import codebook_path

        file = Path(file)
        codebook = self._codebook()
        with self._open(check=True) as db:  # it writes: never to a damaged archive
            names: dict[str, str] = {}
            if mapping:
                known = {row[0] for row in db.execute("select id from themes")}
                names = qda.load_mapping(Path(mapping), known, add_themes)
            found = qda.read_file(file)
            is_codebook = file.suffix.lower() == ".qdc"
            vet = theme_vetter(published_checker(self.config), [row[0] for row in db.execute("select id from sources")])
            with _steps(progress, len(found.selections)) as update:
                report = qda.import_project(db, found, names, add_themes or is_codebook, progress=update, vet=vet,
                                            is_coded=lambda d: codebook.is_coded([d]))
            if report.themes_added:
                added = [dict(zip(("id", "label", "description"), db.execute(
                    "select id, label, description from themes where id = ?", [t]).fetchone()))
                    for t in report.themes_added]
                report.codebook = self.config.resolve(self.config.codebook)
                qda.add_to_codebook(report.codebook, codebook_path(self.config), added)
        report.codes_read, report.notes, report.is_codebook = len(found.codes), found.notes, is_codebook
        return report

    def index(self, rebuild: bool = False, progress=None) -> dict:
        """Bring the search index in step with the database, or build it again (``rebuild``,
        or when there is none). Returns {"directory", "rebuilt", "indexed", "sources"}."""
        from archive import search_index  # Whoosh: only here and in some queries

        directory = search_index.index_dir(self.db_path)
        if rebuild or not directory.exists():
            with self._open(check=True) as db:  # never index a damaged archive
                total = db.execute("select count(*) from quotes").fetchone()[0]
            with _steps(progress, total) as update:
                count = search_index.rebuild(self.db_path, progress=update)
            return {"directory": directory, "rebuilt": True, "indexed": count, "sources": None}
        return {"directory": directory, **search_index.sync(self.db_path)}

    def withdraw(self, source_id: str, reason: str | None = None, **options):
        """Remove a source from the archive, its index, its private redaction log and its
        published builds, and keep it out. An id never ingested needs ``force=True``
        (else ``archive.web.withdraw.UnknownSource``). ``builds``: more publish folders."""
        from archive.web.withdraw import withdraw

        options.setdefault("private_dir", self.config.resolve(self.config.private))
        if reason and reason.strip():
            # The reason is stored in the archive's database, which holds only redacted text;
            # the reason for a withdrawal often names the person who asked ("Ms X's manager").
            try:
                reason = self._redacted_reason(source_id, reason, options["private_dir"])
            except Exception:  # noqa: BLE001 - withdrawal of consent must never wait on the redactor
                _stderr("warning: the reason could not be redacted, so it was not recorded; "
                        "the source is withdrawn all the same.")
                reason = None
        return withdraw(self.db_path, source_id, reason, **options)

    def _redacted_reason(self, source_id: str, reason: str, private_dir: Path) -> str:
        """``reason`` redacted as a quote of the source is: every word the source's private
        log searched for (read before withdrawing deletes it), then the recognizers."""
        from ingest.redact import make_redactor
        from ingest.redact.gate import log_path, terms_from_log

        log = log_path(Path(private_dir), source_id)
        seeds = terms_from_log(log) if log.exists() else []
        engine = make_redactor(self.config).engine
        result = engine.redact({"reason": reason}, {}, seeds)
        engine.seal(result)
        return result.texts["reason"]

    def publish(self, out: str | Path, progress=None, warn: Callable[[str], None] | None = _stderr, **options):
        """Write a deployable Datasette directory holding only what may be public, each
        quote passed by the leak gate; ``public_only`` leaves restricted sources out
        altogether. Returns an ``archive.web.publish.BuildReport``."""
        from archive.leak_gate import published_checker
        from archive.web import publish

        with self._open(check=True) as db:  # a damaged archive is not published
            total = db.execute("select count(*) from quotes").fetchone()[0]
        line = self.behind_warning()
        if line and warn:
            warn(line)
        options.setdefault("check", published_checker(self.config))
        if options.get("metadata_path") is None:
            options["metadata_path"] = publish.find_metadata(self.config.root)
        if "public_only" in options:
            options["include_restricted"] = not options.pop("public_only")
        with _steps(progress, total) as update:
            return publish.build(self.db_path, out, progress=_Updater(update), **options)

    def decide_redaction(self, keep: Iterable[str] = (), redact: Iterable[str] = ()) -> Path:
        """Review decisions: words never to redact (public names) and words always to redact,
        in every source. Saved to archive.yml; they apply on the next ``ingest``, which
        redacts every source again. Returns the file written."""
        from ingest.config import save_review_decisions

        return save_review_decisions(self.config, list(keep), list(redact))

    # ------------------------------------------------------------ reading

    def sources(self) -> list[dict]:
        """The sources the archive holds, by collection and id."""
        with self._open() as db:
            return [dict(row) for row in db["sources"].rows_where(order_by="collection, id")]

    def themes(self) -> list[dict]:
        """The codebook's themes in order, each with how many quotes carry it
        (``quotes``) and how many of those by a hand decision (``by_hand``)."""
        with self._open() as db:
            rows = db.execute(
                """select t.id, t.label, t.description, count(qt.quote), coalesce(sum(qt.origin = 'hand'), 0)
                   from themes t left join quote_themes qt on qt.theme = t.id
                   group by t.id order by t.position, t.rowid""").fetchall()
        return [dict(zip(("id", "label", "description", "quotes", "by_hand"), row)) for row in rows]

    def orphaned_hand_codes(self) -> dict[str, int]:
        """Themes gone from the codebook that still hold hand decisions, with how many:
        they are kept, and apply again if the theme comes back."""
        from archive import hand_codes

        with self._open() as db:
            return hand_codes.orphaned(db)

    def queue(self, limit: int = 20) -> list[dict]:
        """The quotes whose themes the tagger is least sure of and no one has decided, for a
        coder (id, source, text, context, scores, suggested). A quote listed and left
        undecided goes after the others next time."""
        from archive import coding

        with self._open() as db:
            return coding.queue(db, coding.default_stage(self.config), limit)

    def evaluate(self, gold: str | Path, codebook: str | Path | None = None, tagger: str | None = None,
                 progress=None):
        """Score a tagger (``tagger``: "rules" or "embeddings"; default archive.yml's) against
        ``gold``, a JSONL file of hand-coded texts. Returns an ``archive.coding.Evaluation``
        (its ``scores`` have ``.table()`` and ``.as_dict()``)."""
        from archive import coding
        from ingest.themes.evaluate import read_gold

        stage = coding.evaluation_stage(self.config, tagger, Path(codebook) if codebook else None)
        units = read_gold(gold)
        with _steps(progress, len(units)) as update:
            return coding.evaluate(stage, units, progress=update)

    def quotes(self, themes: Iterable[str] = (), sources: Iterable[str] = (), **selection) -> Iterator[dict]:
        """Quotes in source order as the export has them (text, speaker, themes, citation...).
        ``selection``: what ``archive export`` selects by (``archive.selection.Selection``:
        query, ids, collections, kinds, years, speakers, include_restricted)."""
        from archive import export
        from archive.selection import Selection

        self._db().close()  # the archive's own checks (missing, older schema) first
        for row in Selection(themes=tuple(themes), sources=tuple(sources), **selection).rows(self.db_path):
            yield export.record(row)

    def search(self, query: str = "", **options):
        """Search with the language of ``archive search`` (``theme:``, ``OR``, ``-word``...);
        ``options``: limit, themes, like, include_restricted. Returns a ``SearchResult``."""
        from archive.search import search

        return search(self.db_path, query, **options)

    def behind_warning(self) -> str | None:
        """A warning line when sources were ingested with other settings or an older version
        of the archive than now (they keep the redaction they were made with), else None."""
        from archive.leak_gate import behind_warning

        with self._open() as db:
            return behind_warning(db, self.config)

    def export(self, out: str | Path | IO, fmt: str = "jsonl", themes: Iterable[str] = (),
               sources: Iterable[str] = (), cite: str = "plain", group: str = "theme",
               base_url: str | None = None, accessed: str | None = None,
               warn: Callable[[str], None] | None = _stderr, **selection) -> int:
        """Write quotes to a file (atomically) or a stream (binary for docx and qdpx), each
        passed by the leak gate first; a leak (``archive.leak_gate.Leak``) writes nothing.
        ``selection`` as for ``quotes``; ``base_url`` (and ``accessed``): citations link to the
        published archive. Returns the number of quotes written (codes for qdc). Raises
        ``archive.export.ExportError`` for a theme or source the archive lacks."""
        from archive import export
        from archive.leak_gate import checked_export, published_checker
        from archive.selection import Selection
        from archive.web.publish import PublishError, find_metadata, load_metadata, placeholders

        themes = tuple(t.lower() for t in themes)  # theme ids are lower case, as search reads them
        with self._open() as db:
            for table, wanted, what in (("themes", themes, "theme"), ("sources", tuple(sources), "source")):
                known = {row[0] for row in db.execute(f"select id from {table}")}
                unknown = [w for w in wanted if w not in known]
                if unknown:
                    raise export.ExportError(f"no {what} {', '.join(map(repr, unknown))} in the archive; known: "
                                             f"{', '.join(sorted(known)) or 'none'}.")
            if fmt in export.BINARY_FORMATS and not isinstance(out, (str, Path)) and _is_terminal(out):
                raise export.ExportOptionError(f"a {fmt} file is not for the terminal: give -o FILE.")
            try:
                metadata = load_metadata(find_metadata(self.config.root))
            except PublishError as e:  # the citations go without the site's title and licence: say why
                metadata = {}
                if warn:
                    warn(f"warning: {e} (exported without the site's title and licence)")
            unfilled = [key for key in placeholders(metadata) if key in ("title", "license")]
            if unfilled:  # `archive init`'s placeholder is no archive's name to cite
                metadata = {k: v for k, v in metadata.items() if k not in unfilled}
                if warn:
                    warn(f"warning: metadata.yml still says FILL IN for {', '.join(unfilled)}: "
                         "exported without them; fill them in to have them in citations.")
            chosen = Selection(themes=themes, sources=tuple(sources), **selection)
            options = export.ExportOptions(cite=cite, group=group, selection=chosen.describe(), asked=chosen.asked(),
                                           group_themes=themes,
                                           site=export.site(metadata, base_url, accessed),
                                           themes=export.codebook(db))
            options.title = f"Quotes from {options.site['title']}" if options.site.get("title") else "Quotes"
            from archive.leak_gate import behind_warning

            warn = warn or (lambda line: None)
            line = behind_warning(db, self.config)
        if line:
            warn(line)
        if fmt in export.CODEBOOK_ONLY and chosen != Selection(include_restricted=chosen.include_restricted):
            warn(f"note: a {fmt} file holds the codebook alone: the selection does not apply to it.")
        rows = checked_export(chosen.rows(self.db_path), fmt, options, published_checker(self.config),
                              warn=lambda message: warn(f"warning: {message}"))
        if isinstance(out, (str, Path)):
            return export.write_file(rows, fmt, Path(out), options)
        return export.write_stream(rows, fmt, out, options)

    def review(self, source: str | None = None) -> list[dict]:
        """SENSITIVE: the private redaction log's entries (originals and replacements)."""
        from archive.leak_gate import log_files
        from ingest.redact.gate import read_log

        return [entry for path in log_files(self.config.resolve(self.config.private), source)
                for entry in (read_log(path) or [])]

    def review_redaction(self, source: str | None = None) -> Iterator:
        """SENSITIVE: per source (of one, or of all), each replacement with the redacted text
        around it, and the words left that look like names or places: what ``archive review``
        shows. Yields ``archive.redaction_review.SourceReview``, one source at a time; raises
        ``archive.leak_gate.LogMissing`` for a source with no log, or when there is none."""
        from archive.leak_gate import LogMissing, log_files
        from archive.redaction_review import review_sources

        private = self.private_dir()
        if source and not (private / "redaction-log" / f"{source}.jsonl").exists() and self.db_path.exists():
            from archive import store

            with self._open() as db:
                if source in store.withdrawn_ids(db):
                    raise LogMissing(f"{source} was withdrawn: its private redaction log was deleted with it, "
                                     "so there is nothing to review.")
        logs = log_files(private, source)
        if not logs:
            raise LogMissing(f"No redaction logs in {private / 'redaction-log'}: run 'archive ingest' first.")
        db = self._db()

        def reviews():
            try:
                yield from review_sources(db, logs, self.config.review.get("keep") or [])
            finally:
                db.close()

        return reviews()

    def private_dir(self) -> Path:
        """SENSITIVE: where the private redaction logs are kept."""
        return self.config.resolve(self.config.private)


class _Updater:
    """``update(n)`` as an object with ``.update``, what publish's writer calls."""

    def __init__(self, update: Callable[[int], None]):
        self.update = update


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

