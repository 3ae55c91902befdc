"""Redact one source: find identifiers, give them pseudonyms, log, gate.

The steps, per source:

1. seeds: speaker labels that are names, the `redact` lists (source, project, review);
2. every quote through spaCy (``nlp.pipe``, one batch per source) and the recognizers;
3. overlaps resolved (structured identifiers first, then confidence, then length);
4. every name found becomes a term matched at every occurrence in the source;
5. consistent pseudonyms per source: [Person 1], [Workplace 2], [Place 1], [email]...;
6. curated metadata (title, description, speaker descriptions, survey questions) is
   checked against the same terms and the structured patterns, not guessed at;
7. the leak gate (``gate.py``) checks everything the store will write.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from ingest.labels import ROLE_LABEL
from ingest.redact import detector, lexicon
from ingest.redact.names import SURNAME_TITLES, NameFinder, extend_directions, extend_surname
from ingest.redact.recognizers import STRUCTURED, Finding, structured_findings
from ingest.redact.terms import Term, TermMatcher, make_term

NUMBERED = {"PERSON": "Person", "ORG": "Workplace", "LOC": "Place"}
FIXED = {"ADDRESS": "[address]", "POSTCODE": "[postcode]", "EMAIL": "[email]", "PHONE": "[phone]",
         "NHSNO": "[NHS number]", "NINO": "[NI number]", "URL": "[web address]", "DATE": "[date]",
         "ID": "[ID number]", "REDACT": "[redacted]"}
KIND_NAMES = {"PERSON": "person's name", "ORG": "workplace name", "LOC": "place name", "ADDRESS": "postal address",
              "POSTCODE": "postcode", "EMAIL": "e-mail address", "PHONE": "phone number", "NHSNO": "NHS number",
              "NINO": "National Insurance number", "URL": "web address or handle", "DATE": "exact date",
              "ID": "staff or reference number", "REDACT": "word listed to redact"}
# Words before a name that say what someone is, not who ("Dr", "Sister", "Auntie"): never
# a part of the name to search for alone.
TITLE_WORDS = SURNAME_TITLES


@functools.lru_cache(maxsize=4)
def load_model(name: str):
    import spacy

    # Only the entity recognizer is needed: no parser, tagger or lemmatizer.
    return spacy.load(name, exclude=["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"])


class PublicMatcher:
    """Spans of public terms: exact case for names with capitals ("Mind"), any case otherwise."""

    def __init__(self, terms: Iterable[str], any_case: Iterable[str] = ()):
        exact, loose = set(), set(a for a in any_case if a.strip())
        for t in terms:
            t = t.strip()
            if t:
                (exact if any(c.isupper() for c in t) else loose).add(t)
                if any(c.isupper() for c in t):
                    exact.add(t.upper())
        self.patterns = [TermMatcher._compile(sorted(s), f) for s, f in ((exact, 0), (loose, re.IGNORECASE)) if s]

    def spans(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for p in self.patterns for m in p.finditer(text)]


@dataclass
class Replacement:
    start: int
    end: int
    original: str
    replacement: str
    kind: str
    recognizer: str
    score: float
    any_case: bool = True


@dataclass
class Redaction:
    """The result for one source: redacted texts by key, and what was replaced."""

    texts: dict[str, str] = field(default_factory=dict)
    replacements: dict[str, list[Replacement]] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)


def is_name_label(label: str, public: PublicMatcher) -> bool:
    label = label.strip()
    if len(label) <= 2 or not re.search(r"[^\W\d_]", label) or re.search(r"\d", label):
        return False
    if ROLE_LABEL.match(label):
        return False
    return not any(a == 0 and b == len(label) for a, b in public.spans(label))


def name_parts(surface: str) -> list[str]:
    """'Dr Sunny Adebayo-Hart' → ['Sunny', 'Adebayo-Hart', 'Adebayo', 'Hart']: each may be said alone."""
    words = [w.strip(".,'’") for w in surface.split()]
    words = [re.sub(r"['’]s$", "", w) for w in words if w and w.lower() not in TITLE_WORDS]
    lower = surface == surface.lower()  # "dave": a name written in lower case
    surnames = lexicon.surname_words()  # "May" is a stop word, and a surname
    parts = [w for w in words if len(w) > 1 and (w.lower() not in STOP_WORDS or w in surnames)
             and (lower or w[:1].isupper()) and (not w.isupper() or len(words) == 1 or surface.isupper())]
    for w in list(parts):
        if "-" in w:
            parts += [p for p in w.split("-") if len(p) > 2]
    return parts


def parts_said_alone(surface: str) -> list[str]:
    """The parts of a found name redacted wherever the source says them: not an ordinary
    word ("Head" of "Dr Head" may be "Head of Service") unless it is a common surname too
    ("White" of "Ms White"). The redaction stage and the export's check both use this."""
    ordinary, surnames = lexicon.ordinary_proper_nouns()[0], lexicon.surname_words()
    return [p for p in name_parts(surface) if p not in ordinary or p in surnames]


class Engine:
    def __init__(self, model: str, public_terms: Iterable[str], keep: Iterable[str], use_detector: bool = True):
        self.model_name = model
        self.keep = set(keep)
        ordinary_places = lexicon.ordinary_proper_nouns()[1]
        # Regions and nations of more than one word are public as a whole: "Yorkshire and
        # the Humber" must not lose "Humber" as a place after "the".
        self._public_terms = [*public_terms, *(p for p in ordinary_places if " " in p), *self.keep]
        self.public = PublicMatcher(self._public_terms, any_case=self.keep)
        self.names = NameFinder(self.keep)
        # The trained detector of persons, workplaces and places (detector.py), where shipped.
        self.detector = detector.Detector() if use_detector and detector.available() else None

    def public_with(self, extra: Iterable[str]) -> PublicMatcher:
        """The public terms plus a source's own (its public_names, its collection's title)."""
        extra = list(extra)
        return PublicMatcher([*self._public_terms, *extra], any_case=self.keep) if extra else self.public

    # ------------------------------------------------------------ finding

    def find(self, texts: list[str], public: PublicMatcher | None = None) -> list[list[Finding]]:
        """Rules on every token; the model's entities only for sentences the rules cannot decide.

        Tokenising is cheap and the entity recognizer is not: it runs on the sentences that
        open with a capitalised word which could be a name ("Frank. My supervisor."), the one
        place where capitals say nothing. Everywhere else the rules decide alone.
        """
        public = public or self.public
        nlp = load_model(self.model_name)
        docs = [nlp.make_doc(text) for text in texts]
        snippets = [(i, start, end) for i, doc in enumerate(docs) for start, end in self.names.undecided(doc)]
        entity_findings: dict[int, list[Finding]] = {}
        snippet_docs = nlp.pipe((texts[i][start:end] for i, start, end in snippets), batch_size=64)
        for (i, start, _end), sdoc in zip(snippets, snippet_docs):
            protected = public.spans(sdoc.text)
            entity_findings.setdefault(i, []).extend(
                Finding(f.start + start, f.end + start, f.kind, f.score, f.recognizer)
                for f in self.names.entity_findings(sdoc, protected))
        detected = self.detector.find(texts) if self.detector else [[] for _ in texts]
        results = []
        for i, (text, doc) in enumerate(zip(texts, docs)):
            protected = public.spans(text)
            found = structured_findings(text)
            trained = self.names._allowed(doc, detector.outside(text, detected[i], protected), protected)
            found += [extend_surname(text, extend_directions(text, f))
                      for f in [*self.names.find(doc, protected), *entity_findings.get(i, []), *trained]]
            results.append(resolve(found))
        return results

    def redact(self, quote_texts: dict[str, str], metadata_texts: dict[str, str],
               seeds: list[Term], public: PublicMatcher | None = None) -> Redaction:
        """Redact quotes and published metadata (titles, descriptions, speaker descriptions,
        questions). Metadata is searched too: a name a curator typed into a description is as
        identifying as one spoken in a quote, and is then redacted wherever it occurs."""
        public = public or self.public
        all_texts = {**quote_texts, **metadata_texts}
        keys = list(all_texts)
        findings = dict(zip(keys, self.find([all_texts[k] for k in keys], public)))
        for key in metadata_texts:
            text = all_texts[key]
            findings[key] = resolve(structured_findings(text) + [
                f for f in findings[key]
                if _named_in_metadata(text, f, self.names.first_names, listed=key.startswith("speaker:"))])
        # Terms: seeds, then every name and structured identifier found.
        terms = list(seeds)
        for key in keys:
            text = all_texts[key]
            for f in findings[key]:
                surface = text[f.start:f.end]
                if f.kind in NUMBERED:
                    terms.append(make_term(surface, f.kind))
                    if f.kind == "PERSON":
                        terms += [make_term(p, "PERSON") for p in parts_said_alone(surface)
                                  if not public.spans(p)]
                else:
                    terms.append(Term(surface, f.kind, True))
        matcher = TermMatcher(terms)
        spans: dict[str, list[Finding]] = {}
        for key, text in all_texts.items():
            found = list(findings[key])
            for start, end, term in matcher.finditer(text):
                found.append(Finding(start, end, term.kind, 0.65, "known-in-source"))
            spans[key] = resolve(found)
        return self._replace(all_texts, spans, matcher)

    # ------------------------------------------------------------ pseudonyms

    def _replace(self, texts: dict[str, str], spans: dict[str, list[Finding]], matcher: TermMatcher) -> Redaction:
        kind_votes: dict[str, dict[str, float]] = {}
        for key, found in spans.items():
            for f in found:
                if f.kind in NUMBERED:
                    norm = normalise(texts[key][f.start:f.end])
                    votes = kind_votes.setdefault(norm, {})
                    votes[f.kind] = votes.get(f.kind, 0) + f.score
        kinds = {norm: max(v, key=v.get) for norm, v in kind_votes.items()}
        for norm in kinds:  # "Kwame Asante-Boateng" is a person if "Kwame" is
            if len(norm.split()) > 1 and any(kinds.get(part) == "PERSON" for part in norm.split()):
                kinds[norm] = "PERSON"
        entities: dict[str, tuple[str, int]] = {}  # normalised surface → (kind, number)
        counters: dict[str, int] = {}
        # A part of a longer name is the same person: "Robin" of "Robin Castellano".
        parents: dict[str, str] = {}
        for norm in sorted(kinds, key=lambda s: -len(s.split())):
            for part in norm.split() + [p for w in norm.split() for p in w.split("-")]:
                if part != norm and part in kinds and part not in parents and \
                        kinds[norm] in (kinds[part], "PERSON"):
                    parents[part] = parents.get(norm, norm)
        result = Redaction(terms=list(matcher.terms.values()))
        for key, text in texts.items():
            out, last, replaced = [], 0, []
            for f in spans[key]:
                original = text[f.start:f.end]
                if f.kind in NUMBERED:
                    norm = normalise(original)
                    root = parents.get(norm, norm)
                    kind = kinds.get(root, f.kind)
                    if root not in entities:
                        counters[kind] = counters.get(kind, 0) + 1
                        entities[root] = (kind, counters[kind])
                    kind, number = entities[root]
                    replacement = f"[{NUMBERED[kind]} {number}]"
                else:
                    kind, replacement = f.kind, FIXED[f.kind]
                out += [text[last:f.start], replacement]
                last = f.end
                any_case = True
                if f.kind in NUMBERED:
                    any_case = make_term(original, f.kind).any_case
                replaced.append(Replacement(f.start, f.end, original, replacement, kind, f.recognizer,
                                            round(f.score, 2), any_case))
            out.append(text[last:])
            result.texts[key] = "".join(out)
            result.replacements[key] = replaced
        return result


# Where a list item of metadata begins: "Trainee counsellor, Third sector; Wales".
ITEM_START = re.compile(r"(?:^|[,;|/\n–—]|\s-\s)\s*$")


def _named_in_metadata(text: str, finding: Finding, first_names: frozenset[str], listed: bool) -> bool:
    """Whether a name found in metadata is one. Metadata is mostly lists of capitalised
    items ("Trainee counsellor, Third sector, London"), where a capital at the start of an
    item says nothing and the curator chose what to publish; so a lone word there is taken
    only when it is someone's ("Colm's colleague") or a first name and nothing else
    ("Declan, trainee", "Grace, trainee"), and anywhere else
    ("Talking to Declan", "a PWP at a Leeds service", "Caseloads (Declan)"). Names of two
    words or more ("Gwen Pryce", "Harrowfield Lodge") are taken anywhere."""
    word = text[finding.start:finding.end]
    before = text[:finding.start]
    # A title or description is running words from its start ("Okafor on caseloads"); a
    # speaker's description (or survey attributes) is a list from its start.
    if len(word.split()) > 1 or not ITEM_START.search(before) or (not listed and not before.strip()):
        return True
    if re.match(r"['’]s\b", text[finding.end:]):
        return True
    # Only a first name that is nothing else ("Declan"; not "London"), or one that is a whole
    # item ("Grace, trainee"), where no word but a name stands alone; not "Peer support worker".
    lower = word.lower()
    whole_item = re.match(r"\s*(?:$|[,;|/\n–—(]|\s-\s)", text[finding.end:]) is not None
    return lower in first_names and lower not in lexicon.places() and (lexicon.zipf(lower) < 3.5 or whole_item)


def normalise(surface: str) -> str:
    words = [w for w in re.sub(r"['’]s$", "", surface.strip()).split() if w.lower().strip(".") not in TITLE_WORDS]
    return " ".join(words).lower().strip(".,") or surface.lower()


def resolve(found: list[Finding]) -> list[Finding]:
    """Non-overlapping findings: structured kinds first, then confidence, then length."""
    ranked = sorted(found, key=lambda f: (f.kind in STRUCTURED, f.score, f.end - f.start), reverse=True)
    chosen: list[Finding] = []
    for f in ranked:
        if f.end > f.start and not any(f.overlaps(c) for c in chosen):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.start)
