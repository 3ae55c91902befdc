"""The redaction stage: every quote passes it before anything is stored.

``@register_stage("redact")`` builds a ``Redactor`` from the project config. For each
source it redacts quotes, speaker descriptions and published metadata with consistent
pseudonyms, makes the private redaction log (``<private>/redaction-log/<id>.jsonl``,
SENSITIVE: it holds the originals; written by ``write_private_log`` once the source is
stored), runs the leak gate, and only then sets
``source.redacted``. See ``engine.py`` for the steps and ``recognizers.py`` /
``names.py`` for what is recognised.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ingest.config import BASE_MODEL, ProjectConfig
from ingest.labels import ROLE_DESCRIPTIONS
from ingest.model import CollectionNameError, Source, SourceError
from ingest.redact import lexicon
from ingest.redact.engine import (TITLE_WORDS, Engine, Redaction, is_name_label, joined_name_terms, joined_words,
                                  name_parts)
from ingest.redact.gate import LOG_FORMAT, SOURCE_TERM, find_leaks, log_path, read_log
from ingest.redact.recognizers import label
from ingest.redact.terms import Term, TermMatcher, make_term
from ingest.stages import register_stage

__all__ = ["Redactor", "make_redactor"]

# Metadata the store publishes for a source (besides quotes and speakers).
PUBLISHED_META = ("title", "description", "collection_title", "collection_description", "citation")
# The curators' own public attribution ("The Surviving Work Library (2024)"): checked by
# the gate like everything published, but never rewritten.
ATTRIBUTION_META = ("citation",)


def _both_splits(joined: str) -> str:
    """An id, a folder or an address as words, split at what joins them, and again where a
    capital starts a word: "EpisodeWithJaneDoe" holds "Jane", "McQuennell-interview" holds
    "McQuennell" (not "Mc Quennell"). A line between, so no name runs across the two."""
    return " ".join(joined_words(joined, at_capitals=False)) + "\n\n" + " ".join(joined_words(joined))


class Redactor:
    name = "redact"

    def __init__(self, config: ProjectConfig):
        self.config = config
        # Role nouns ("Interviewee", "Respondent") describe speakers and never identify one.
        self.public_terms = [*lexicon.builtin_public_terms(), *set(ROLE_DESCRIPTIONS.values()), *config.public_names]
        self.keep = list(config.review.get("keep") or [])
        self.always = config.always_redact
        self.engine = Engine(BASE_MODEL, self.public_terms, self.keep)

    @property
    def private_dir(self) -> Path:
        return self.config.resolve(self.config.private)

    def __call__(self, source: Source) -> Source:
        meta = source.meta
        # The collection's title names a study or series, chosen once for many sources
        # ("Surviving Work podcast conversations"): a name of two or more ordinary words in
        # it is public here, as that exact phrase. Never a single word ("the Baker family":
        # Baker may be a person's), nor a name with a first name, a rare word, a title such
        # as Mr or a word of a speaker's label ("Nell Garrow", "Lindqvist", "Mr Baker");
        # list such a series in public_names. A source's own title is not trusted at all:
        # "Interview with <name>".
        collection_title = str(meta.get("collection_title") or "")
        labels = {w.lower() for s in source.speakers for label in s.labels for w in re.findall(r"[\w'’-]+", label)}
        titled = [m.group() for m in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+", collection_title)
                  if _a_title_of_words(m.group().split(), labels)]
        public = self.engine.public_with([str(x) for x in meta.get("public_names") or []] + titled)
        seeds, name_labels = self._seeds(source, public)

        quotes = {q.id: q.text for q in source.quotes}
        metadata_texts = {f"meta:{k}": str(meta[k]) for k in PUBLISHED_META
                          if meta.get(k) and k not in ATTRIBUTION_META}
        for speaker in source.speakers:
            if any(speaker.description.strip().lower() == label.lower() for label in name_labels) \
                    or any(speaker.description.strip().lower() == t.surface.lower() for t in seeds):
                speaker.description = f"Participant {speaker.number}"
            metadata_texts[f"speaker:{speaker.number}"] = speaker.description
        for q in source.quotes:
            if q.question:
                metadata_texts[f"question:{q.id}"] = q.question

        result = self.engine.redact(quotes, metadata_texts, seeds, public=public)
        # What the gate would find it redacts now, logged as the gate's: one quote holding
        # a place or a number no longer keeps the whole source out.
        sealed = self.engine.seal(result)
        self._apply(source, result)
        source.redaction_widened = self._write_log(source, result, seeds)
        # The seal ran the recognizers over every text: only what it rewrote is read again.
        self.gate(source, result.terms, reread=sealed)
        source.redacted = True
        return source

    # ------------------------------------------------------------ steps

    def _seeds(self, source: Source, public) -> tuple[list[Term], set[str]]:
        seeds, name_labels = [], set()
        for speaker in source.speakers:
            for label in speaker.labels:
                if label and is_name_label(label, public):
                    name_labels.add(label)
                    lower = label == label.lower()
                    seeds.append(make_term(label, "PERSON", written_lower=lower))
                    seeds += [make_term(p, "PERSON", written_lower=lower) for p in name_parts(label)
                              if not public.is_whole(p)]
        always = [*self.always, *[str(x) for x in source.meta.get("redact") or []]]
        seeds += [Term(word, "REDACT", True) for word in always if word.strip()]
        # Once each: a one-word label is its own only part ("Tamsin"), and two labels of a
        # speaker share parts ("Corinne Vasey", "Corinne"); the log and 'archive review'
        # list each seed once.
        return list(dict.fromkeys(seeds)), name_labels

    def _apply(self, source: Source, result: Redaction) -> None:
        for q in source.quotes:
            q.text = result.texts[q.id]
            if q.question:
                q.question = result.texts[f"question:{q.id}"]
        for speaker in source.speakers:
            speaker.description = result.texts[f"speaker:{speaker.number}"]
        for key in PUBLISHED_META:
            if f"meta:{key}" in result.texts:
                source.meta[key] = result.texts[f"meta:{key}"]

    def _write_log(self, source: Source, result: Redaction, seeds: list[Term]) -> bool:
        """The private anonymisation log, replaced wholesale on every ingest of the source:
        put on ``source.private_log`` here and written by ``write_private_log`` only once the
        source is stored (a source the gate or the database refuses keeps its old log).
        Returns whether it redacts something the last one did not (a redaction fix), or
        there was no log, so the search index's old pages, which may hold it, are
        rewritten (the pipeline asks only of sources the archive held before)."""
        places = {q.id: q.place for q in source.quotes}
        path = log_path(self.private_dir, source.id)
        before = _redactions(path)
        entries = []
        for term in seeds:
            entries.append({"source": source.id, "quote": None, "place": "speaker label or redact list",
                            "original": term.surface, "replacement": None, "kind": term.kind,
                            "recognizer": "speaker-label" if term.kind == "PERSON" else "redact-list",
                            "score": 1.0, "match": "any-case" if term.any_case else "exact",
                            "log": LOG_FORMAT})
        logged = {term.surface for term in seeds}
        for key, replacements in result.replacements.items():
            for r in replacements:
                logged.add(r.original)
                entries.append({"source": source.id, "quote": key, "place": places.get(key, key),
                                "start": r.start, "end": r.end, "original": r.original,
                                "replacement": r.replacement, "kind": r.kind, "recognizer": r.recognizer,
                                "score": r.score, "match": "any-case" if r.any_case else "exact",
                                "log": LOG_FORMAT})
        # Every other word the source was searched for ("Green" of "Rose Green", said only
        # in full): the export's check searches for exactly these, no more, no fewer.
        for term in result.terms:
            if term.surface not in logged:
                logged.add(term.surface)
                entries.append({"source": source.id, "quote": None, "place": "searched for in the source",
                                "original": term.surface, "replacement": None, "kind": term.kind,
                                "recognizer": SOURCE_TERM, "score": 1.0,
                                "match": "any-case" if term.any_case else "exact", "log": LOG_FORMAT})
        source.private_log = (path, [json.dumps(e, ensure_ascii=False) + "\n" for e in entries])
        now = {(str(e.get("quote")), e["original"]) for e in entries if e.get("recognizer") != SOURCE_TERM}
        return before is None or bool(now - before)

    def gate(self, source: Source, terms: list[Term], reread: set[str] | None = None) -> None:
        """Stop the source if anything it would publish still holds an identifier. With
        ``reread`` (keys of texts the seal rewrote), the recognizers read only those again:
        the seal has just read every other text and found nothing."""
        texts = {q.id: q.text for q in source.quotes}
        texts.update({f"question of {q.id}": q.question for q in source.quotes if q.question})
        texts.update({f"speaker {s.number}": s.description for s in source.speakers})
        texts.update({f"metadata '{k}'": str(source.meta[k]) for k in PUBLISHED_META if source.meta.get(k)})
        # The folder's name (the collection) and the id (by default the file name) are in
        # every URL and citation and cannot be rewritten like text. The folder first: a name
        # in it keeps out the folder's other sources too, whatever else is wrong here.
        # Names in ids and folders are typed in lower case ("grace-2019"): any case counts there,
        # even for a name that is also a word.
        loose = TermMatcher([Term(t.surface, t.kind, True) for t in terms])  # (compiled once for the three)
        # Their words split where a capital starts one too ("GraceInterview", "EpisodeWithJaneDoe").
        if find_leaks({"collection": _both_splits(source.collection)}, loose):
            raise CollectionNameError(source.path, "leak gate: the collection's folder name contains an "
                                                   "identifier found in the source; rename the folder.")
        if find_leaks({"id": _both_splits(source.id)}, loose):
            raise SourceError(source.path, "leak gate: the source id (by default the file name) contains "
                                           "an identifier found in the source; give the source another "
                                           "'id:' in its sidecar or front matter.")
        # A recording's address is published as it is: a name run together in it stops the
        # source even when the source never says it ("EpisodeWithJaneDoe.mp3").
        audio_url = str(source.meta.get("audio_url") or "")
        if find_leaks({"audio_url": _both_splits(audio_url)}, loose) or joined_name_terms(audio_url, self.engine.public):
            raise SourceError(source.path, "leak gate: the audio_url contains an identifier found in the source; "
                                           "publish the recording under another address.")
        if reread is None:
            leaks = find_leaks(texts, terms)
        else:
            rewritten = {q.id for q in source.quotes if q.id in reread} | {
                f"question of {q.id}" for q in source.quotes if f"question:{q.id}" in reread} | {
                f"speaker {s.number}" for s in source.speakers if f"speaker:{s.number}" in reread} | {
                f"metadata '{k}'" for k in PUBLISHED_META if f"meta:{k}" in reread or k in ATTRIBUTION_META}
            leaks = find_leaks(texts, terms, patterns=False) + find_leaks(
                {k: v for k, v in texts.items() if k in rewritten}, [], patterns=True)
        if leaks:
            leak = leaks[0]
            place = next((q.place for q in source.quotes if q.id == leak.key), None)
            where = f"quote {leak.key}" if place else leak.key
            raise SourceError(source.path, f"leak gate: {where} still contains a {label(leak.kind)}"
                              f" after redaction; see the private redaction log and run 'archive review "
                              f"{source.id}'.", place=place)


def _a_title_of_words(words: list[str], labels: set[str]) -> bool:
    """A run of capitalised words in a collection's title that names a series, not someone:
    every word common English and none a title (Mr) or a speaker's label word;
    a given name only where it is an everyday word all but no one is given ("Night Shift
    Notes": "Night" is in the lists, given rarely anywhere); "Hope Baker", "Grace May",
    "Summer Hill" may be people."""
    lowered = [w.lower().strip("'’-.") for w in words]
    firsts = lexicon.first_names()
    return (all(not lexicon.is_rare(w) and w not in TITLE_WORDS and w not in labels
                and (w not in firsts or lexicon.is_everyday(w) and lexicon.given_name_weight().get(w, 9) <= 1)
                for w in lowered))


def _redactions(log: Path) -> set[tuple] | None:
    """What a redaction log replaced, as (quote or place, original) in the original's own
    case ("baker" redacted where only "Baker" was is new), or None when there is no log
    yet. A log that cannot be read counts as empty: all redacted now is then taken as new."""
    try:
        entries = read_log(log)
    except OSError:
        return set()
    if entries is None:
        return None
    # Words only searched for replaced nothing: a new one is no redaction fix.
    return {(str(e.get("quote")), e["original"]) for e in entries if e.get("recognizer") != SOURCE_TERM}


def write_private_log(source: Source) -> None:
    """Write the log ``Redactor`` put on the source: called once the source is stored."""
    if source.private_log is None:
        return
    path, lines = source.private_log
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".jsonl.tmp")
    with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
        f.writelines(lines)
    tmp.replace(path)


@register_stage("redact")
def make_redactor(config: ProjectConfig) -> Redactor:
    return Redactor(config)
