"""Redact one source: find identifiers, give them pseudonyms, log, gate.

The steps, per source (``../shared/design/redaction.md`` has the picture):

1. seeds: speaker labels that are names, the `redact` lists (source, project, review);
2. normalise: each text gets a view in which spoken and typed-around forms read as what
   they are, with a map back to the original (``normalise.py``);
3. recognise: every recognizer of the registry (``recognizers.py``: kinds, patterns,
   context words, validation, one threshold), the name rules (``names.py``) and spaCy's
   entities where the rules cannot decide; a batch recognizer (a trained detector) is one
   registry entry;
4. resolve: overlaps by kind (structured identifiers first), then length, then score;
5. spread over the source: every name found becomes terms (its parts said alone, a
   workplace's initials and short name) matched at every occurrence, spelled out too;
6. pseudonymise: one per cluster and kind, [Person 1], [Workplace 2], [Place 1], [email]...;
   curated metadata (titles, descriptions, speaker descriptions, survey questions) is
   checked against the same terms and the structured patterns, not guessed at;
7. seal: the gate's own pass redacts and logs what it can still name (``Engine.seal``);
   then the leak gate (``gate.py``) checks everything the store will write.
"""

from __future__ import annotations

import bisect
import collections
import functools
import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from ingest import labels
from ingest.redact import aliases, detector, lexicon, recognizers  # detector: registers the trained recognizer
from ingest.redact.normalise import View
from ingest.redact.normalise import normalise as normalise_view
from ingest.redact.names import (CALLED_BEFORE, CLAUSE_OPENERS, CONNECTORS, DETERMINERS, HYPHEN_PREFIXES, JOB_MODIFIERS,
                                 JOB_NOUNS, KINDS_AFTER_A_NAME, NAME_VERBS, ORG_WORDS, PLACE_KINDS, PLACE_WORDS,
                                 ROLE_WORDS, STREET_TYPES, SURNAME_TITLES, NameFinder, a_job_said_after, a_job_said_before,
                                 a_past_tense, extend_directions, extend_surname, given_then_surname, is_public_acronym,
                                 a_job_set_before, labels_a_speakers_turn, letters_of_their_own, said_after_a_name, said_of_someone_after, someone_said_after)
from ingest.redact.recognizers import (KINDS, Finding, Spans, batch_recognizers, gate_findings, paired_with_me, recognized,
                                       words_set)
from ingest.redact.terms import PLACEHOLDER, Term, TermMatcher, make_term


def numbered(kind: str) -> bool:
    """Kinds pseudonymised per cluster ("[Person 2]"): persons, workplaces, places."""
    return kind in KINDS and KINDS[kind].numbered
# Words before a name that say what someone is, not who ("Dr", "Sister", "Auntie"): never
# a part of the name to search for alone.
TITLE_WORDS = SURNAME_TITLES


@functools.lru_cache(maxsize=4)
def load_model(name: str):
    import spacy

    # Only the entity recognizer is needed: no parser, tagger or lemmatizer, and no shared
    # tok2vec unless the recognizer listens to it (the small model's has its own).
    nlp = spacy.load(name, exclude=["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"])
    if "tok2vec" in nlp.pipe_names and not nlp.get_pipe("tok2vec").listening_components:
        nlp.remove_pipe("tok2vec")
    return nlp


class PublicMatcher:
    """Spans of public terms: exact case for names with capitals ("Mind"), any case otherwise."""

    def __init__(self, terms: Iterable[str], any_case: Iterable[str] = (), base: PublicMatcher | None = None):
        """``base``: a matcher whose terms these add to (a source's own public names): its
        compiled patterns are reused, not built again for every source."""
        exact, loose, letters = set(), set(a for a in any_case if a.strip()), set()
        for t in terms:
            t = t.strip()
            if t:
                (exact if any(c.isupper() for c in t) else loose).add(t)
                if any(c.isupper() for c in t):
                    exact.add(t.upper())
                if typed_in_lower_case(t):
                    letters.add(t.lower())
                if mixed_case(t) or ordinary_words(t) or body_in_any_case(t) or _LETTERS_AND_FIGURES.fullmatch(t):
                    # "tiktok", "Whatsapp", "systmone": the brand in any case; "Agenda For
                    # Change", "universal credit": a name of ordinary words, however typed;
                    # "ir35", "p45", "s136": a code of letters and figures, no one's name
                    loose.add(t)
        # Plurals of public terms ("Jobcentres", "CCGs", "PHQ-9s", "Band 6s", "Integrated Care
        # Boards") are public too, as written or in capitals.
        exact |= {t + end for t in exact if t[-1:].isalnum() and not t.endswith(("s", "S"))
                  for end in ("s", "S") if end == "s" or t[-1].isupper()}  # "JOBCENTRES" in capitals
        exact |= {t + "es" for t in exact if t.endswith("x")}  # "Band Sixes"
        # and of those written in lower case: "band sixes", "band threes", "benzos"
        loose |= {t + ("es" if t.endswith("x") else "s") for t in loose if t[-1:].isalpha() and not t.endswith("s")}
        # An acronym of three letters or more written with full stops ("N.H.S.", "C.Q.C"):
        # no one's initials. (Two letters, "G.P.", may be someone's.)
        exact |= {".".join(t) + end for t in exact if re.fullmatch(r"[A-Z]{3,6}", t) for end in ("", ".")}
        # The any-case terms are matched in lower case against the text lowered (same offsets):
        # one case-sensitive pattern of thousands of names is about ten times faster than
        # the same pattern with re.IGNORECASE.
        self.patterns = [*(base.patterns if base else ()), *([TermMatcher._compile(sorted(exact), 0)] if exact else [])]
        self.lowered = [*(base.lowered if base else ())]
        if loose:
            self.lowered.append((TermMatcher._compile(sorted({t.lower() for t in loose}), 0), tuple(sorted(loose))))
        # (a set looked up word by word: as a pattern of alternatives it took half of spans())
        self.letters = (base.letters if base else frozenset()) | letters | {
            t + "s" for t in letters if not t.endswith("s") and not _may_be_a_name(t + "s")}
        # A company's name run into an ordinary word ("Ubertherapy", "Tescoland") names no one.
        self.singles = lexicon.brand_prefixes()
        self._spans_of: dict[str, list[tuple[int, int]]] = {}

    def is_whole(self, text: str) -> bool:
        """Whether ``text`` is, as a whole, a public term. A name that only holds one is not:
        "Next Chapter" (a workplace's short name) holds "Next", and is still searched for."""
        text = text.strip()
        return bool(text) and any(a == 0 and b == len(text) for a, b in self.spans(text))

    def spans(self, text: str) -> list[tuple[int, int]]:
        # A text is asked about several times (finding, redacting, sealing, a source's terms):
        # scanned once. The matcher's terms never change, so its answers do not.
        if (found := self._spans_of.get(text)) is None:
            if len(self._spans_of) > 4096:
                self._spans_of.clear()
            found = self._spans_of[text] = self._scan(text)
        return list(found)

    def _scan(self, text: str) -> list[tuple[int, int]]:
        found = [span for p in self.patterns for span in _overlapping(p, text)]
        lower = text.lower()
        for in_lower_case, terms in self.lowered:
            # (a few characters change length when lowered, "İ": then the slower pattern)
            found += (_overlapping(in_lower_case, lower) if len(lower) == len(text)
                      else _overlapping(_any_case(terms), text))
        for m in _CAPITALISED_WORD.finditer(text):
            if public_compound(m.group(), self.singles):
                found.append(m.span())
        if self.letters:  # "rang acas", "the dwp"; not "sheffield iapt", "dervla acas"
            found += [m.span() for m in _LOWER_LETTERS.finditer(text)
                      if m.group() in self.letters and not _named_before(text, m.start())]
        # A public term's words run together, each capitalised, as a hashtag types them
        # ("#UniversalCredit", "#AgendaForChange")
        found += [m.span() for m in _WORDS_CAPITALISED_TOGETHER.finditer(text)
                  if self.is_whole(" ".join(re.findall(r"[A-Z][a-z]+", m.group())))]
        return found


_WORDS_CAPITALISED_TOGETHER = re.compile(r"(?<![\w'’-])(?:[A-Z][a-z]+){2,6}(?![\w'’-])")


def _overlapping(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    """The pattern's matches, and a longer one opening at a later word of a match: "the
    Ministry" (a body spoken of generically) must not hide "Ministry of Justice"."""
    spans = []
    for m in pattern.finditer(text):
        spans.append(m.span())
        for space in re.finditer(r"\s+", m.group()):
            if (longer := pattern.match(text, m.start() + space.end())) and longer.end() > m.end():
                spans.append(longer.span())
    return spans


def _named_before(text: str, start: int) -> bool:
    """Whether the word before ``start`` may be a name or a place ("sheffield iapt" is a town's
    service, "dervla acas" someone): a word English rarely uses, a given name or a place."""
    before = re.search(r"([^\W\d_]+)['’]?\s+$", text[max(0, start - 30):start])
    if not before:
        return False
    word = before.group(1).lower()
    if lexicon.english_given_name_weight().get(word) or word in TITLE_WORDS:
        return True  # "so mark dwp said", "mrs dass": a name given here or a title, everyday or not
    if word in STOP_WORDS or lexicon.is_everyday(word):
        return False  # "the dwp", "told acas"
    return not lexicon.is_ordinary(word) or word in lexicon.places()


_LETTERS_AND_FIGURES = re.compile(r"(?=[^\d]*\d)(?=\d*[^\W\d_])[^\W_]{2,}")  # one word of both: "IR35", "G4S"
_CAPITALISED_WORD = re.compile(r"\b[A-Z](?:[a-z]{5,}|[A-Z]{5,})\b")  # "Ubertherapy", "UBERTHERAPY"
_LOWER_LETTERS = re.compile(r"\b[a-z]{3,15}\b")  # a public acronym or coined name typed in lower case, or its plural


@functools.lru_cache(maxsize=4)
def _public_matcher(terms: tuple[str, ...], any_case: tuple[str, ...]) -> PublicMatcher:
    """The public terms' matcher, compiled once per process for the same terms (thousands of
    names take a tenth of a second or more): every ingest, review and test builds an engine,
    and a matcher is never changed once built (``public_with`` makes a new one)."""
    return PublicMatcher(terms, any_case=any_case)


@functools.lru_cache(maxsize=None)
def _any_case(terms: tuple[str, ...]) -> re.Pattern:
    """``terms`` with re.IGNORECASE, for the rare text lowering changes in length: compiled
    when first needed, not at every start (a pattern of thousands of names takes a while)."""
    return TermMatcher._compile(list(terms), re.IGNORECASE)


def mixed_case(term: str) -> bool:
    """A one-word name with a capital inside ("TikTok", "SystmOne", "eBay", "HoNOS") is a
    brand's or a measure's coinage, no one's name, in whatever case it is typed; unless, in
    lower case, it is a given name or a place ("RiO" is "Rio"). Not the plural of letters
    ("HIs" is "his", "PAs"), which keeps its case."""
    lower = term.lower()
    return (term.isalpha() and any(c.islower() for c in term) and any(c.isupper() for c in term[1:])
            and not re.fullmatch(r"[A-Z]+s", term)
            and lower not in lexicon.first_names() and lower not in lexicon.places())


def typed_in_lower_case(term: str) -> bool:
    """'acas', 'kpmg', 'mhct', 'kooth', 'jobcentre': a public body's or a system's letters
    (three to six capitals), or a coined one-word name (a company's, an app's), typed in lower
    case as survey answers are, still the public name; unless in lower case it is a word, a
    given name, a surname or a place ("NICE" is "nice", "Costa" a surname), or the word
    before it may be a name (``_named_before``)."""
    lower = term.lower()
    return bool(re.fullmatch(r"[A-Z]{3,6}|[A-Z][a-z]{3,14}", term)) and not _may_be_a_name(lower)


def _may_be_a_name(lower: str) -> bool:
    """A word, a given name, a surname or a place in lower case ("nice", "dass", "neus")."""
    return (lexicon.is_ordinary(lower) or lower in STOP_WORDS or lower in lexicon.first_names()
            or lower in lexicon.surnames() or lower in lexicon.places())


def ordinary_words(term: str) -> bool:
    """'Agenda for Change', 'Universal Credit', 'Ministry of Justice': a name of two words or
    more, none a place nor a given name (but for ordinary words few in Britain, Ireland or
    the USA are called: "justice", "royal", "general"; not "john", "grace"), not of small
    words alone ("With You"); said in another case it is still the public name. (One word
    alone keeps its case: "crisis" is the word, "greggs" may be someone's surname.)"""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", term)]
    return (len(term.split()) > 1 and len(words) > 1 and any(c.isupper() for c in term)
            and not all(w in STOP_WORDS for w in words)
            and not any(w in lexicon.places() or (w in lexicon.first_names() and (
                w in STOP_WORDS or not lexicon.is_ordinary(w) or lexicon.english_given_name_weight().get(w, 0) > 1))
                for w in words))


def body_in_any_case(term: str) -> bool:
    """'Shaw Trust', 'Joseph Rowntree Foundation': a body's name ending in a kind of
    organisation, or of three words or more, typed in lower case, is still the public body
    or company, no local workplace ("the trust" is no name). (A coined one-word name,
    "kooth", is ``typed_in_lower_case``'s: looked up word by word, unless after a name.)"""
    words = term.split()
    return len(words) > 1 and any(c.isupper() for c in term) and (len(words) >= 3 or (
        words[-1].lower() in ORG_WORDS and words[0].lower() not in STOP_WORDS))


def public_compound(word: str, singles: frozenset[str]) -> bool:
    """'Tescoworld', 'Deliveroobike': a company's name no English word is, run into an ordinary
    word, a coinage about the company. Not a company named by an English word run into another
    ("Calmwave", "Skylark", "Ubercoaching"), nor any run into a word places' names or
    workplaces' end with ("Priorygate", "Cygnetlodge", "Bupacare"): names like any local
    workplace's. (A coinage of the field, "Ubertherapy", is a public term of its own.)"""
    lower = word.lower()
    for i in range(3, len(lower) - 3):
        rest = lower[i:]
        if lower[:i] in singles and not lexicon.is_ordinary(lower[:i]) and lexicon.is_ordinary(rest) \
                and rest not in _name_endings() and not lexicon.is_workplace_kind(rest):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _name_endings() -> frozenset[str]:
    """Words that end places' names: ``PLACE_ENDINGS``, and those two or more of the
    gazetteer's one-word places end with ("wood": Bramwood..., "water", "bridge", "gate")."""
    places = [p for p in lexicon.places() if p.isalpha()]
    ends = collections.Counter(p[i:] for p in places for i in range(3, len(p) - 2))
    return PLACE_ENDINGS | {end for end, n in ends.items() if n >= 2 and lexicon.is_ordinary(end)}


# A brand run into one of these names a place, a home or a site ("Priorygate", "Cygnetlodge"),
# not a term about the brand.
PLACE_ENDINGS = frozenset("""centre center park city town house road street estate land village field hall court
lodge manor grange green vale meadow meadows gardens mews""".split())


def _joined_word(lower: str) -> bool:
    """An ordinary word joined after a public name by a hyphen ("funded", "ing"), not one given
    as a name in Britain, Ireland or the USA ("grace") nor a place."""
    return lexicon.is_ordinary(lower) and lower not in lexicon.english_given_name_weight() \
        and lower not in lexicon.places()


def said_of_public(text: str, finding: Finding, public_spans: Spans) -> bool:
    """'Costa coffee', 'Deliveroo riders', 'Zoom fatigue': a name read across a public term
    whose other words are ordinary lower-case words (no given name, no place) says something
    of the public term and names no one. A capitalised word beside it is a name's own
    ("Brindleford Mind", "Fellside Talking Therapies"): that finding stays, whole."""
    if not numbered(finding.kind):
        return False
    whole = public_spans.overlapping(finding.start, finding.end)
    inside = sorted((max(a, finding.start), min(b, finding.end)) for a, b in whole)
    if not inside:
        return False
    rest, last = [], finding.start
    for a, b in inside:
        rest.append(text[last:a])
        last = max(last, b)
    # A prefix joined to the public name by a hyphen says something of it: "Non-NHS", "ex-DWP".
    rest = [re.sub(r"(?<![\w-])([^\W\d_]+)-$", lambda m: "" if m.group(1).lower() in HYPHEN_PREFIXES else m.group(), r)
            for r in rest]
    rest.append(text[last:finding.end])
    # So does an ordinary word joined after it, in whatever case it is typed: "UKCP-registered",
    # "NHS-funded", "Deliveroo-ing"; "BACP-ACCREDITED" in a quote typed in capitals. Not a given
    # name or a place, as below ("Tesco-Grace" is someone's double-barrelled name).
    rest = rest[:1] + [re.sub(r"^-([^\W\d_]+)(?![\w-])", lambda m: "" if _joined_word(m.group(1).lower())
                              else m.group(), r) for r in rest[1:]]
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", " ".join(rest))
    words = [w for w in words if w.lower() not in ("s", "'s")]
    if not words:  # one public name, or several side by side ("BPS DCP"), none a word someone is named
        return public_spans.holds(finding.start, finding.end) \
            or all(_distinctive(text[a:b]) for a, b in inside)
    if words and words[0].lower() in lexicon.comment_openers() and text.startswith(words[0], finding.start) \
            and detector.SENTENCE_OPENS.search(text[max(0, finding.start - 3):finding.start]) \
            and any(_distinctive(text[a:b]) for a, b in whole):  # (the public name whole: "Agenda for Change")
        # "Proper NHS", "Typical DWP", "Bloody Jobcentre": a sentence's first word is
        # capitalised for the sentence, when it is a word said to comment (data: any other
        # may be a surname, "Fisher NHS"). Not before a public name that is an ordinary word
        # ("Healthy Minds", "Open Door Crisis" are workplaces' names).
        words = [words[0].lower(), *words[1:]]
    if words[-1].lower() in _ROLES and text.endswith(words[-1], 0, finding.end) \
            and (len(words) == 1 or all(_distinctive(text[a:b]) for a, b in inside)):
        # "PIP Assessor", "Boots Pharmacist", "DWP Decision Maker": a job at a public body
        # says what someone is, not who; in capitals like a title. (Not "Healthy Minds
        # Therapist": ordinary words before a public name that is a word make a workplace's.)
        words = [w.lower() for w in words[:-1]]
        if not words:
            return True
    if 2 <= len(words) <= 3 and words[-1].lower() in ("of", "in", "to") and words[0].lower() in _TITLE_WORDS \
            and not text[finding.start:finding.end].rstrip().endswith(words[-1]) \
            and all(text[a:b].isupper() for a, b in inside):
        # "Foundations of CBT", "Introduction to DBT": a course's or a book's title, of the
        # public term's letters ("Peace of Mind", of a public name that is a word, names a
        # workplace; so does "Friends of CAMHS")
        return True
    return bool(words) and all(w.islower() and lexicon.is_ordinary(w) and w not in lexicon.first_names()
                               and w not in lexicon.places() for w in words)


_TITLE_WORDS = words_set("title_words")


# An inspector's rating of one word, and the words that say a rating is spoken of nearby.
RATINGS = {"outstanding", "good", "inadequate"}
_RATING_CUE = re.compile(r"\b(?:rated|rating|ratings|re-rated|graded|cqc|ofsted|estyn|inspect\w*|special measures"
                         r"|requires improvement)\b", re.IGNORECASE)


def a_rating(text: str, finding: Finding) -> bool:
    """'rated Good', 'the CQC said Inadequate', "got 'Good'": a regulator's rating in capitals,
    as it writes them, is no one, where a rating is spoken of within a few words or is what a
    place got, in quotes. Elsewhere the word may begin a workplace's name, or be someone's
    surname ("Ivy Good", "I got Good to sign it off")."""
    return numbered(finding.kind) and text[finding.start:finding.end].strip().lower() in RATINGS \
        and bool(_RATING_CUE.search(text, max(0, finding.start - 40), min(len(text), finding.end + 40))
                 or (given := _A_RATING_GIVEN.search(text, max(0, finding.start - 24), finding.start))
                 and (given.group("quote") or (_A_RATING_ENDS if given.group("got") else _A_RATING_WHEN).match(
                     text, finding.end)))


# What a place gets or loses, straight before a rating: in quotes ("got 'Good'"), or where the
# clause ends or says when after it ("The home got Good.", "dropped to Inadequate in 2018", "back
# to Good by the summer"); a rating said so before anything else may be someone ("I got Good to
# sign it", "went to Good. She listened": "went to" needs when).
_A_RATING_GIVEN = re.compile(r"\b(?:(?P<got>got|gets|get|received|achieved|kept|lost|earned)"
                             r"|(?:went|dropped|down|up|back|(?:went|came)\s+(?:up|back|down))\s+to)"
                             r"\s+(?P<quote>['‘\"“])?$", re.IGNORECASE)
_A_RATING_ENDS = re.compile(r"['’\"”]|\s*[.,;!?](?!\s*(?:she|he|they)\b)"
                            r"|\s+(?:in|by|last|overall|this|again)\b|\s+\d", re.IGNORECASE)
_A_RATING_WHEN = re.compile(r"\s+(?:in\s+(?:\d|the\s+(?:summer|spring|autumn|winter)\b"
                            r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|(?:by|last|this)\b)|\s+\d",
                            re.IGNORECASE)


# A transcriber's role label before its colon ("Participant:", "INTERVIEWEE 2:", "Speaker B:"),
# left in a quote's text where a reader took no label (a survey's answer, a caption's cue).
# (one or two role words, a number or a letter after them: "Speaker B", "Unknown Speaker 2";
# the role words hold single letters, "P", "I": a letter alone before a colon is a label too)
_ROLE_LABEL_SAID = re.compile(rf"(?:{labels.ROLE_WORD})(?:\s+(?:{labels.ROLE_WORD}))?(?:\s*\d+|\s+[A-Z])?",
                              re.IGNORECASE)  # ("P2:" as "P 2:")
# The role nouns of speaker labels, no one's name wherever said ("As Interviewee I said no").
_ROLE_NOUNS = frozenset(role for role in labels.ROLE_DESCRIPTIONS if len(role) > 5)
# A role's word numbered or lettered, the name a source gives someone it will not name ("we'll
# call them Guest One and Guest Two", "Speaker B disagreed", "Caller Three rang in"): a
# pseudonym, no one's name, wherever said. (Role words of two letters or more: "P2", "A 2".)
_PSEUDONYM = re.compile(rf"(?i:{'|'.join(re.escape(w) for w in labels.ROLE_WORDS if len(w) > 2)})\s+"
                        rf"(?:\d{{1,2}}|(?i:{recognizers.UNIT_WORD}|{recognizers.TEEN_WORD}|ten)|[A-Z])(?![\w'’-])"
                        # (not a count: "CALLER TWO YEARS LATER LEFT" is someone, then a time)
                        r"(?!\s+(?i:years?|months?|weeks?|days?|hours?|minutes?)\b)")


def a_role_label(text: str, finding: Finding) -> bool:
    """'Participant: ten years': a role's word labelling what follows is no one's name; a
    name after it still is ("Participant Dervla Quinn: ..."); nor is a role's word numbered
    anywhere, or its word alone before its number ("Guest One", "Speaker B")."""
    said = text[finding.start:finding.end]
    return numbered(finding.kind) and (said.lower() in _ROLE_NOUNS or _ROLE_LABEL_SAID.fullmatch(said) is not None
                                       and text[finding.end:finding.end + 1] == ":"
                                       or (m := _PSEUDONYM.match(text, finding.start)) is not None
                                       and m.end() >= finding.end)


# A capital letter hyphened on to one word, its possessive too ("X-Ray", "C-Suite's").
_LETTER_AND_A_WORD = re.compile(r"(?:(?:my|our|the|a|an)\s+)?(?P<compound>[A-Z]-(?P<word>[^\W\d_]+))(?:['’]s)?",
                                re.IGNORECASE)


def a_letter_and_a_word(text: str, finding: Finding) -> bool:
    """One of the compounds English makes of a capital letter and a word, said alone ("X-Ray",
    "C-Section", "my D-Day"; data: english_letter_compounds), or a wing or a block so named
    ("C-Wing"): no name, though the word half may be one ("Ray"), except where a word places
    someone at a workplace ("worked at X-Ray") or calls someone so ("we called him X-Ray"). Any
    other such pair may be a name ("N-Gage")."""
    m = _LETTER_AND_A_WORD.fullmatch(text, finding.start, finding.end)
    return numbered(finding.kind) and m is not None and m.group("compound")[0].isupper() \
        and (m.group("compound").lower() in words_set("english_letter_compounds")
             or m.group("word").lower() in words_set("parts_named_by_a_letter")) \
        and not _AT_WORKPLACE.search(text, max(0, finding.start - 40), finding.start) \
        and not _CALLS_SOMEONE.search(text, max(0, finding.start - 40), finding.start)


# What gives someone a name ("we called him X-Ray", "known as T-Bone"): a nickname, whatever it is.
_CALLS_SOMEONE = re.compile(rf"(?<![\w'’-])(?:{recognizers.CALLS_SOMEONE}|call(?:s|ed|ing)?\s+(?:you|it)|known\s+as"
                            r"|nicknamed)\s+$", re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _season_cues() -> tuple[frozenset[str], re.Pattern, re.Pattern, re.Pattern]:
    words, alternatives = recognizers.words, recognizers.alternatives
    seasons = frozenset(words("seasons"))
    before = re.compile(r"(?<![\w'’-])(?:%s)[\s-]+$" % alternatives(words("before_a_season")), re.IGNORECASE)
    after = re.compile(r"[\s-]+(?:(?:%s)(?![\w'’-])|(?:19|20)\d\d\b)" % alternatives(words("after_a_season")),
                       re.IGNORECASE)
    ends = re.compile(r"\s*(?:$|[.,;:!?)—–]|\s-\s|(?:%s)(?![\w'’-]))" % alternatives(words("after_a_season_of_time")),
                      re.IGNORECASE)
    return seasons, before, after, ends


def a_region(text: str, finding: Finding) -> bool:
    """'we live in wales now', 'he's from cornwall': a place found that is a region, a county or
    a nation of the UK (the public list's, not a country abroad), typed in lower case or
    capitals where the list's own capitals are not, after a word of where ("in", "from",
    "across", "moved to"), is public at that scale, as it is capitalised; not after a verb of
    telling ("reported it to cornwall": someone), nor capitalised (the public list's to say)."""
    written = text[finding.start:finding.end]
    surface = re.sub(r"^the\s+", "", " ".join(written.lower().split()))
    return finding.kind == "LOC" and (written.islower() or written.isupper()) and surface in lexicon.uk_regions() \
        and _WHERE_BEFORE_A_REGION.search(text, max(0, finding.start - 24), finding.start) is not None


_WHERE_BEFORE_A_REGION = re.compile(r"(?<![\w'’-])(?:in|from|across|around|throughout|near|of|all\s+over"
                                    r"|(?:moved|move|moving|back|up|down|over|out|relocated|went|go|going)\s+to)"
                                    r"\s+(?:the\s+)?$", re.IGNORECASE)



def a_season(text: str, finding: Finding) -> bool:
    """'last Summer', 'in the Autumn', 'Spring term', 'Winter 2019': a season, capitalised,
    where a word of time says it is one (data/recognizer_words.yml), is no one; a season
    said as someone ("Summer rang", "Autumn's desk"), or after a word of time with a noun or a
    verb straight after it ("the Winter family", "last Winter rang me"), is left to the name rules."""
    seasons, before, after, ends = _season_cues()
    word = text[finding.start:finding.end].strip()
    return numbered(finding.kind) and word.lower() in seasons and not re.match(r"['’]s\b", text[finding.end:]) \
        and bool(after.match(text, finding.end) or before.search(text, max(0, finding.start - 12), finding.start)
                 and ends.match(text, finding.end))


def a_service_described(text: str, finding: Finding) -> bool:
    """'the Day Centre', 'Head Office', 'our Community Mental Health Team': after "the", "our"...
    capitalised words saying what kind of service it is (data/service_words.txt), then a part
    or site of a service (a "site" of data/workplace_kinds.txt), describe one, name none; so does
    such a site after such words a finding left out ("Head" of "Head Office"). Not a body's
    kind ("the Community Care Trust", "the Recovery Hub": names), not words saying where
    ("the City Hospital", "the County Office": a particular one), not such words with no
    "the" ("a job with Quality Care Services"), nor a word of a name's own before them
    ("Tallowby Day Centre"); a kind said alone ("the Hub") is that place's name there."""
    surface = text[finding.start:finding.end]
    if not numbered(finding.kind) or surface.islower():
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", surface)
    if not words or words[-1].lower() not in lexicon.workplace_kinds("site") or not all(map(_describes, words[:-1])):
        return False
    before = _CAPITALISED_BEFORE.search(text, max(0, finding.start - 60), finding.start)
    said = before.group().split() if before else []
    if said and said[0].lower() in DETERMINERS:
        said = said[1:]
    if said:  # the finding's first words left out: all of them describe it, or it is a name's
        return all(map(_describes, said))
    return len(words) > 1 and bool(_A_DETERMINER_BEFORE.search(text, max(0, finding.start - 12), finding.start))


def _describes(word: str) -> bool:
    """A word saying what kind of service it is ("day", "crisis", "head"), not where ("city")."""
    return word.lower() in recognizers.service_words() and word.lower() not in words_set("service_words_of_where")


_A_DETERMINER_BEFORE = re.compile(rf"(?<![\w'’-])(?:{'|'.join(sorted(DETERMINERS))})[ \t]+$", re.IGNORECASE)
# The capitalised words straight before a finding, on its line ("Head " of "Head Office").
_CAPITALISED_BEFORE = re.compile(r"(?:(?<![\w'’-])[A-Z][\w'’-]*[ \t]+)+$")


# The public terms' groups of national companies and chains (data/public_terms/).
_COMPANY_GROUPS = ("national_companies_and_apps", "companies_and_employers", "more_companies_apps_and_platforms",
                   "everyday_names_of_national_chains")


@functools.lru_cache(maxsize=1)
def _national_companies() -> frozenset[str]:
    return frozenset(t.lower() for g in _COMPANY_GROUPS for t in lexicon.public_group(g))


def a_national_company(text: str, finding: Finding) -> bool:
    """'a line job at nissan', 'the grill at mcdonald's': a workplace typed in lower case whose
    name is, whole, a national company's or chain's (the public terms) is that company, as
    it is when capitalised ("Nissan" is kept wherever it is said; in lower case the public
    list alone cannot tell "nissan" from a given name, but a workplace's span can). Not a
    place the gazetteer knows ("vauxhall"), nor a name of several words around it."""
    if finding.kind != "ORG":
        return False
    surface = text[finding.start:finding.end]
    if not surface.islower():
        return False
    possessive = re.match(r"['’]s\b", text[finding.end:finding.end + 3])
    said = surface + ("'s" if possessive else "")
    return (surface in _national_companies() or said in _national_companies()) \
        and re.sub(r"['’]s$", "", surface) not in lexicon.places() and surface not in lexicon.places()


# The last word of a job at a public body or company ("DWP Decision Maker", "Deliveroo Rider").
_ROLES = ROLE_WORDS


def _distinctive(term: str) -> bool:
    """A public name no one mistakes for a word: in capitals ("NHS", "DWP"), not an ordinary
    English word ("Jobcentre", "Deliveroo"), or three words or more ("National Living Wage",
    "Agenda for Change"; "Healthy Minds" may open a workplace's name)."""
    words = re.findall(r"[^\W\d_]+", term)
    return bool(words) and (term.strip().isupper() or not all(lexicon.is_ordinary(w) for w in words) or len(words) >= 3)


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
    # Original text -> the recognizers' findings on it (every one's, the gate's), from the
    # finding pass: the seal reuses them for a text it finds unchanged. Never published.
    recognized: dict[str, tuple[list[Finding], list[Finding]]] = field(default_factory=dict, repr=False)


# What the archive itself writes in place of a name ("Participant 2", "[Person 4]", "[email]"):
# never read again as a name ("Participant 2" is no workplace).
_OWN_LABEL = re.compile(rf"\bParticipant \d+\b|{PLACEHOLDER.pattern}")


_PLACE_WORD_AFTER = re.compile(rf"[ \t]+(?P<word>(?i:{recognizers.alternatives(words_set('place_words_after_a_place'))}))"
                               r"(?=[ \t]*(?:[.,;:!?)—–]|$)|[ \t]+(?P<next>[a-z]+)\b)")
# The words after which a place word ends the name (not "the end of", "park and ride", "hill after hill").
_PLACE_WORD_BEFORE = frozenset("now too though then but so where which who is was has had".split())


def extend_place_word(text: str, finding: Finding) -> Finding:
    """A place found, and a word villages and districts are named by after it in its own case
    ("i live in [dunnock] green", "[TOLLERBY] HEATH"), before a pause or a small word: the place's
    (data place_words_after_a_place); not before a noun it qualifies ("top floor") nor a phrase
    ("close to", "the end of", "park and ride"). The place alone is still searched for (``_find``)."""
    if finding.kind != "LOC":
        return finding
    m = _PLACE_WORD_AFTER.match(text, finding.end)
    if not m or m.group("next") and m.group("next") not in _PLACE_WORD_BEFORE:
        return finding  # (after it a pause or a word ending the name: not "ollerby top floor", "park and ride")
    name, word = text[finding.start:finding.end], m.group("word")
    same_case = word.islower() if name.islower() else word.isupper() if name.isupper() else word.istitle()
    return Finding(finding.start, m.end("word"), finding.kind, finding.score, finding.recognizer) if same_case else finding


# A figure after a workplace's coined name, as agencies name themselves ("Medistaff 24", "CareForce
# 365"): one to three figures, then a pause, the end or a word joining clauses; not what the figure
# counts ("Medistaff 24 hours", "3 weeks", "24/7"), nor a time ("2 to 4", "9 in the morning").
_FIGURE_OF_A_NAME = re.compile(r"[ \t]+\d{1,3}(?=[ \t]*(?:[,.;:!?)]|$|[ \t]+(?:and|or|as|but|then|because)\b))")


def extend_figure_of_a_name(text: str, finding: Finding) -> Finding:
    """A workplace found and a figure after its last word, a word no English word ("[Medistaff] 24"):
    the name's."""
    if finding.kind != "ORG" or not (m := _FIGURE_OF_A_NAME.match(text, finding.end)) \
            or recognizers.counted_after(text, m.end()) or lexicon.is_ordinary(text[finding.start:finding.end].split()[-1].lower()):
        return finding
    return Finding(finding.start, m.end(), finding.kind, finding.score, finding.recognizer)


def without_its_place_word(surface: str) -> str | None:
    """A place's name without a word villages are named by ending it ("skelby" of "skelby marsh"),
    where it holds a word few texts use (not "west" of "West End", "badger" of "Badger Heath")."""
    words = surface.split()
    if len(words) > 1 and words[-1].lower() in words_set("place_words_after_a_place") \
            and any(lexicon.is_rare(w) for w in words[:-1]):
        return " ".join(words[:-1])
    return None


def outside_public(findings: Iterable[Finding], protected: list[tuple[int, int]], text: str | None = None) -> list[Finding]:
    """The registry's findings of names never inside or across a public name (``protected``
    spans); structured identifiers (e-mails, numbers...) whatever holds them; given the text, a
    workplace holding a public name as its own word (``public_inside_a_name``), a pub named
    after a region, and a name running into a public one at its edge without it
    (``beside_a_public_name``)."""
    spans = protected
    protected = Spans(protected)
    kept = []
    for f in findings:
        inside = [] if KINDS[f.kind].structured else protected.overlapping(f.start, f.end)
        if not inside or text is not None and (public_inside_a_name(text, f, spans)
                                               or named_after_a_region(text, f, spans)
                                               or a_service_said_inside(text, f, inside)):
            kept.append(f)
        elif text is not None and (rest := beside_a_public_name(text, f, inside)):
            kept.append(rest)
    return kept


_OPENING_QUOTES, _CLOSING_QUOTES = "'\"‘“", "'\"’”"


# What no name opens or ends with, that a model's span may take with it ("Fairhaven (" of
# "at Fairhaven (Andrea)").
_NO_NAME_ENDS = " \t\n([{‘“,;:–—"
_NO_NAME_OPENS = " \t\n)]}’”,;:–—"


def within_quotes(text: str, f: Finding) -> Finding:
    """A name found with the quotes round it ("'Locum Link'") is the words inside them, and no
    name ends with a bracket opening or a space ("Fairhaven (" of a model's): its short forms and
    its words said again are searched for without them."""
    start, end = f.start, f.end
    if end - start > 2 and text[start] in _OPENING_QUOTES and text[end - 1] in _CLOSING_QUOTES:
        start, end = start + 1, end - 1
    while end > start + 1 and text[end - 1] in _NO_NAME_ENDS:
        end -= 1
    while end > start + 1 and text[start] in _NO_NAME_OPENS:
        start += 1
    return f if (start, end) == (f.start, f.end) else Finding(start, end, f.kind, f.score, f.recognizer)


_A_NAMES_WORD = re.compile(r"[A-Za-z]{6,}")
# A word broken off by a hyphen and a pause, as speech is transcribed ("Kaleido- yeah").
_BROKEN_OFF = re.compile(r"(?<![\w'’-])([A-Za-z]{4,})-(?=[\s,.;:!?]|$)")
_NEXT_WORD_AFTER_A_PAUSE = re.compile(r"-[\s,.;:!?]*([A-Za-z]+)")


def names_broken_off(text: str, name_words: dict[str, Term]) -> list[tuple[Finding, Term]]:
    """A name begun and broken off, as a transcript writes a false start ("Kaleido- yeah, four
    years" of "Kaleidoscope"): the first letters of a word of a name the source holds, four or
    more, no word of English themselves ("self-", "post-" stay), nor the start of the word said
    next ("neuro- neurodevelopmental", "psych- psychiatric" begin that word again); with the
    name's term, whose pseudonym it takes."""
    if "-" not in text or not name_words:
        return []
    found = []
    for m in _BROKEN_OFF.finditer(text):
        begun = m.group(1).lower()
        if begun in STOP_WORDS or lexicon.is_ordinary(begun) or begun in name_words:
            continue
        after = _NEXT_WORD_AFTER_A_PAUSE.match(text, m.end(1))
        if after and after.group(1).lower().startswith(begun) and after.group(1).lower() not in name_words:
            continue
        term = next((t for w, t in name_words.items() if w.startswith(begun)), None)
        if term:
            found.append((Finding(m.start(1), m.end(1), term.kind, 0.65, "known-in-source"), term))
    return found


# The rules that read a workplace by what is said of it: its name after "my employer is", "an
# agency called", a post; set in quotes or brackets as one; said to employ someone.
_SAID_TO_BE_A_WORKPLACE = frozenset({"my-employer-is", "called-workplace", "named-in-quotes", "workplace-quoted-lower",
                                     "workplace-employs", "workplace-described-in-brackets", "workplace-after-post"})


def said_to_be_a_workplace(found: list[Finding]) -> list[Finding]:
    """A name the capitals read as someone's that a rule reads as a workplace by what is said of
    it, the same words ("my agency is called 'Locum Link'"), is the workplace: what is said
    outranks the capitals' guess of its kind."""
    workplaces = {(f.start, f.end) for f in found if f.kind == "ORG" and f.recognizer in _SAID_TO_BE_A_WORKPLACE}
    return [f for f in found if not (f.kind == "PERSON" and f.recognizer in _CAPITALS_ALONE
                                     and (f.start, f.end) in workplaces)]


def beside_a_public_name(text: str, f: Finding, inside: list[tuple[int, int]]) -> Finding | None:
    """A rule's name running into a public name at its start or its end, a word apart
    ("Steps2Wellbeing Dorset", "Adur Valley PCN", "ELMBRIDGE MIND", "NHS Halbury"): the name
    without the public one, where what is left holds a word English hardly uses ("the
    Jobcentre building", "ocd therapy" name none); not a word joined to the public name
    ("NHS-funded"), nor a name with one inside it ("Calm Waters Trust")."""
    start, end = f.start, f.end
    for a, b in sorted(inside):
        if a <= start or not text[start:a].strip():  # (two public names may open it: "NHS Dorset Halbury")
            start = max(start, b)
    for a, b in sorted(inside, reverse=True):
        if a >= start and (b >= end or not text[b:end].strip()):
            end = min(end, a)
    if any(start < b and a < end for a, b in inside):
        return None
    if start >= end or start > f.start and not text[start:start + 1].isspace() \
            or end < f.end and not text[end - 1:end].isspace():
        return None
    words = [m for m in _NAME_WORD.finditer(text, start, end)]
    while words and words[0].group().lower() in STOP_WORDS:
        words.pop(0)
    while words and words[-1].group().lower() in STOP_WORDS:
        words.pop()
    lowered = [w.group().lower() for w in words]
    if not any(not lexicon.is_ordinary(w) for w in lowered) \
            or all(w in lexicon.regions() or w in _public_words() for w in lowered):
        return None  # (nor a nation's or a region's name: "samaritans cymru", "age uk cymru")
    return Finding(words[0].start(), words[-1].end(), f.kind, f.score, f.recognizer)


_NAME_WORD = re.compile(r"[^\W_][\w'’&+-]*")


def named_after_a_region(text: str, f: Finding, protected: list[tuple[int, int]]) -> bool:
    """A pub named after a county or region ("the cumberland arms", "THE YORKSHIRE ARMS"): the
    pub's name whole, the region inside it a word of that name, not the public body."""
    return f.recognizer == "pub-name" and all(f.start < a and b < f.end for a, b in protected if a < f.end and f.start < b)


def a_service_said_inside(text: str, f: Finding, inside: list[tuple[int, int]]) -> bool:
    """A rule's workplace holding, between its own name and its kind, public words that only say
    what service it is ("westbrook primary care alliance", "QUARROW MENTAL HEALTH FOUNDATION"
    where "mental health" is a public term): two words or more, each a service's word
    (data/service_words.txt), none at the name's edge. A public name of one word ("Crisis",
    "Refuge") is a body of its own."""
    return f.kind == "ORG" and all(
        f.start < a and b < f.end and len(words := text[a:b].lower().split()) >= 2
        and all(w in recognizers.service_words() for w in words) for a, b in inside)


def public_inside_a_name(text: str, f: Finding, protected: list[tuple[int, int]]) -> bool:
    """A rule's workplace that holds a public name as a word of its own: a region opening a
    lower-case name or closing a branch's (recognizers.lower_case_regional_branches), a public
    body's plural beside a figure, a company's in quotes with its registered form ("IT" of "'TALK
    IT THROUGH LTD'"), a word a letter is spelled by ("Apple" of "A for Apple")."""
    return opened_by_a_region(text, f, protected) or named_with_a_figure(text, f, protected) \
        or f.recognizer in _PUBLIC_WORDS_THEIR_OWN


# Recognizers whose findings hold a public name's words as their own.
_PUBLIC_WORDS_THEIR_OWN = (recognizers.REGIONAL_BRANCH, "quoted-legal-name", "spelled-by-words")


def named_with_a_figure(text: str, f: Finding, protected: list[tuple[int, int]]) -> bool:
    """A name coined with a figure and a public body's name in the plural ("24/7 Minds"): the
    plural, no public name of its own (as "Samaritans" is), is a word of the name."""
    inside = [(a, b) for a, b in protected if a < f.end and f.start < b]
    return f.recognizer == "figure-in-a-name" and bool(inside) and all(
        f.start <= a and b <= f.end and text[a:b].endswith("s")
        and " ".join(text[a:b].lower().split()) not in recognizers.public_lower() for a, b in inside)


def opened_by_a_region(text: str, f: Finding, protected: list[tuple[int, int]]) -> bool:
    """A workplace's name typed in lower case that a region or place opens, two words or more
    after it ("north east carers together": "North East Carers Together" capitalised is one
    name whole): the only public name it holds, at its start."""
    inside = [(a, b) for a, b in protected if a < f.end and f.start < b]
    if f.kind != "ORG" or len(inside) != 1 or not text[f.start:f.end].islower():
        return False
    a, b = inside[0]
    region = re.sub(r"^the\s+", "", text[a:b].lower())
    return text[a:f.start].lower() in ("", "the ") and len(text[b:f.end].split()) >= 2 and (
        region in lexicon.regions() or region in lexicon.places())


def own_labels(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _OWN_LABEL.finditer(text)]


def is_name_label(label: str, public: PublicMatcher) -> bool:
    label = label.strip()
    if len(label) <= 2 or not re.search(r"[^\W\d_]", label) or re.search(r"\d", label):
        return False
    if labels.ROLE_LABEL.match(label):
        return False
    return not public.is_whole(label)


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


# Titles said as part of the name ("Sister Pellow", "Matron Quarrie"): the pseudonym takes
# them too, as the rank and the ward together may tell who it was. (Dr, Mr, Ms... stay.)
_SPOKEN_TITLE = re.compile(r"\b(?:Sister|Matron|Nurse|Father|Brother|Auntie|Aunty|Aunt|Uncle|Reverend|Rev|Dame|Sir"
                           r"|Lady|Lord|Pastor|Imam|Rabbi|Canon|Councillor|Cllr)\.?\s+$")


# A nickname's word before a given name, written as the name is ("Big Dougie", "wee jimmy", "Young
# Dave"): the name people know them by (general English, and Scots "wee"); not a word of the
# sentence, in lower case before a capitalised name or after a determiner ("how old Jack is",
# "there's little Sam can do", "my old Clio", "a young Sarah"). One person with or without it.
_NICKNAME_WORDS = r"(?:big|wee|little|young|old)"
_NICKNAME_WORD = re.compile(rf"(?:\b(?P<before>\w+)\s+)?\b(?P<word>{_NICKNAME_WORDS})\s+$", re.IGNORECASE)
_DESCRIBING = frozenset("my his her our your their the a an this that".split())
_NICKNAME_OPENING = re.compile(rf"{_NICKNAME_WORDS}\s+(?=\S)", re.IGNORECASE)


def _numbered_as(surface: str, kind: str) -> str:
    """The name a finding is numbered under: normalised, a person's without a nickname's word
    before the given name ("Wee Morag" is "morag", one person with "Morag Kerr")."""
    norm = normalise(surface)
    m = _NICKNAME_OPENING.match(norm) if kind == "PERSON" else None
    return norm[m.end():] if m and norm[m.end():].split()[0] in lexicon.first_names() else norm


# A given name in capitals straight before a surname found in capitals ("Line manager: BARRY
# [NOLAN]"): the person's, as written, where a common given name in Britain; not a word of the
# shouted sentence ("I RANG [TALLOWBY]", "ASK [NOLAN]").
_GIVEN_IN_CAPITALS_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][A-Z'’-]+) $")
_A_COMMON_GIVEN_NAME = 5  # (english_given_name_weight: "Barry", "Denise", "Sue"; not "Rang", "Nolan")


def extend_title(text: str, finding: Finding) -> Finding:
    if finding.kind != "PERSON":
        return finding
    before = text[max(0, finding.start - 20):finding.start]
    m = _SPOKEN_TITLE.search(before)
    if m:
        return Finding(finding.start - len(m.group()), finding.end, finding.kind, finding.score, finding.recognizer)
    given = _GIVEN_IN_CAPITALS_BEFORE.search(before) if text[finding.start:finding.end].isupper() else None
    if given and (lexicon.english_given_name_weight().get(given.group(1).lower()) or 0) >= _A_COMMON_GIVEN_NAME \
            and given.group(1).lower() not in STOP_WORDS and not lexicon.is_everyday(given.group(1).lower()):
        return Finding(finding.start - len(given.group()), finding.end, finding.kind, finding.score, finding.recognizer)
    m = _NICKNAME_WORD.search(before)
    name = text[finding.start:finding.end].split()[0]
    if m and (m.group("before") or "").lower() not in _DESCRIBING and name.lower() in lexicon.first_names() \
            and m.group("word")[:1].isupper() == name[:1].isupper():
        return Finding(finding.start - (len(before) - m.start("word")), finding.end, finding.kind, finding.score,
                       finding.recognizer)
    return finding


def short_forms_searched_for(surface: str, public: PublicMatcher) -> list[Term]:
    """A workplace's short forms (``short_forms``) but those that are public terms of their own.
    The plural in capitals of a public body's letters is none: "SLCS" of "South Lane Counselling
    Services" is no plural of the SLC (the Student Loans Company) in a source that names the
    workplace, and is searched for as written only ("the other CCGs" stays; elsewhere "IAPTS",
    "PCNS" are the plurals). A job's or a thing's letters in the plural are said every day ("the
    GPS round here"), whatever they may also shorten."""
    forms = []
    for t in short_forms(surface):
        if not public.is_whole(t.surface):
            forms.append(t)
        elif t.surface.isupper() and t.surface.endswith("S") and is_public_acronym(t.surface[:-1]) \
                and not is_public_acronym(t.surface) and not recognizers.letters_said_for_a_thing(t.surface[:-1]):
            forms.append(Term(t.surface, t.kind, False))
    return forms


# Where a word written with a capital inside parts in two: after four small letters or more, which
# no surname's prefix is ("Nurse|Now", "Thera|Locum"; not "Mc|Kenzie", "Mac|Leod", "De|Souza").
_CAPITAL_INSIDE = re.compile(r"(?<=[A-Za-z]{3}[a-z])(?=[A-Z][a-z])")


def short_forms(surface: str) -> list[Term]:
    """How a workplace named in full is named again: its initials ("Taff Vale Psychotherapy
    Institute" -> "TVPI", "tvpi") and its name without the kind of place ("Taff Vale", "Next
    Chapter"), matched as written (capitalised) when made of ordinary words."""
    words = [w for w in re.findall(r"[\w'’&-]+", surface) if w.lower() != "the"]
    capitals = [w for w in words if w[:1].isupper() and w.lower() not in CONNECTORS]
    if surface.islower():  # typed in a survey's lower case: its words as if capitalised ("quillmere counselling service")
        capitals = [w for w in words if w not in CONNECTORS and w != "and"]
    forms = []
    legal = lexicon.workplace_kinds("legal-form")
    # Its initials, and those without an acronym inside it ("Brindle Vale Partnership NHS
    # Foundation Trust" is "BVPFT"), or with its small words ("Peace of Heart" is "POH"), or
    # without its registered form ("Aspire Mental Health Ltd" is "AMH"):
    # in lower case too when English never writes it ("bvpft"; not "nett", "tio").
    # (A coined word read as two, "Brightwater Clinic" as "BWC", was tried: it took letters
    # said for other things, "GCP training" of "Goldcrest Practice", "BWC cameras".)
    for initials in {"".join(w[0] for w in capitals),
                     "".join(w[0] for w in capitals if w.lower() not in legal)
                     if len(capitals) >= 3 and capitals[-1].lower() in legal else "",
                     "".join(w[0] for w in capitals if not (len(w) > 1 and (w.isupper() or is_public_acronym(w.upper())))),
                     "".join(w[0] for w in words if w[:1].isalpha() and w.lower() != "and")
                     if len(capitals) >= 2 else "",
                     # each part of a hyphened word its own letter ("Talk-Well Therapies" is "TWT")
                     "".join(p[0] for w in capitals for p in w.split("-") if p[:1].isupper())
                     if any("-" in w for w in capitals) else "",
                     # and each part of a word written with a capital inside, three letters or
                     # more ("NurseNow Direct" is "NND"; not "McKenzie", "MacLeod": _CAPITAL_INSIDE),
                     # English hardly writes ("CareTech Solutions" is no "CTS", carpal tunnel)
                     camel if len(camel := "".join(p[0] for w in capitals for p in _CAPITAL_INSIDE.split(w))) >= 3
                     and len(camel) > len(capitals) and lexicon.zipf(camel.lower()) < lexicon.HARDLY_USED_ZIPF
                     else ""}:
        forms += _initials(initials)
    forms += _letters_of_two_things(words)
    # Its initials before the kind it ends with ("Tarnwick Quell Valley Counselling" is "TQV
    # Counselling", "tqv counselling"): the kind beside them says which, in any case, where
    # English hardly writes the letters as a word ("Mill Yard Team" is no "my team", "Harbour
    # Recovery Team" no "HR team") and they say nothing else (two letters always do: "OM").
    letters = "".join(w[0] for w in capitals[:-1]).upper()
    if len(capitals) >= 3 and words[-1] is capitals[-1] and words[-1].lower() in ORG_WORDS \
            and lexicon.is_rare(letters.lower()) and not recognizers.letters_of_something_else(letters) \
            and not recognizers.letters_said_for_a_thing(letters) and not is_public_acronym(letters):
        forms.append(Term(f"{letters} {words[-1]}", "ORG", True))
    # Cut at the kind of place, or before an acronym ending the name ("Lanternfield EAP"),
    # or before the town a branch is named after ("First Step Swindon" is "First Step" at home).
    cut = next((i for i, w in enumerate(words) if w.lower() in ORG_WORDS
                or (0 < i == len(words) - 1 and re.fullmatch(r"[A-Z]{2,5}", w))), None) or _before_its_town(words)
    if cut:
        head = " ".join(words[:cut])
        # (a head of three letters only where English writes it less than every day: "Ivy" of "Ivy
        # Counselling"; not "Key", "New", "Pay", which open sentences and other names)
        if head.lower() not in STOP_WORDS and (len(head) > 3 or len(head) == 3 and not lexicon.is_everyday(head)):
            ordinary = all(lexicon.is_ordinary(w) for w in head.split())
            forms.append(Term(head, "ORG", not ordinary))
            # and its initials ("Quarrow Vale Counselling" is "QV" too)
            forms += _initials("".join(w[0] for w in head.split() if w[:1].isupper()))
            forms += _letters_of_two_things(words[:cut])
    # A coined figure joined to its word or set apart by a space is one name either way
    # ("Minds365" and "Minds 365", "24/7 Care" and "24/7Care"); not a figure of one or two
    # digits, a step's or a grade's as often ("Step2 Wellbeing" is no "Step 2").
    if _COINED_FIGURE.search(surface):
        forms += [Term(form, "ORG", True) for form in (_SPACE_BY_A_FIGURE.sub("", surface),
                                                         _FIGURE_JOINED.sub(" ", surface)) if form != surface]
    return list(dict.fromkeys(forms))


def name_without_what_it_serves(surface: str, public: PublicMatcher) -> Term | None:
    """A workplace's name without the words before its kind that say what service it is, as
    often said without them as without its kind ("Premier Medical Staffing" is "Premier",
    "Bridges Supported Living" "Bridges"): its own words before them, none of which says so
    ("Second Step Recovery" is no "Second", "New Care Homes" no "New"), matched as the name
    without its kind is (``short_forms``)."""
    words = [w for w in re.findall(r"[\w'’&-]+", surface) if w.lower() != "the"]
    cut = next((i for i, w in enumerate(words) if w.lower() in ORG_WORDS), None)
    services = recognizers.service_words()
    own = words[:cut or 0]
    while own and own[-1].lower() in services:
        own.pop()
    if not own or len(own) == cut or any(w.lower() in services for w in own):
        return None
    name = " ".join(own)
    if name.lower() in STOP_WORDS or len(name) < 4 and lexicon.is_everyday(name.lower()) or public.is_whole(name) \
            or name.lower() in lexicon.towns() or name.lower().removesuffix("ern") in recognizers.which_or_where("compass"):
        return None  # (a town or a direction said alone is that: "Bath", "Northern" of "Northern Care Services")
    return Term(name, "ORG", not all(lexicon.is_ordinary(w) for w in own))


def initials_of_someone(surface: str, first_names: frozenset[str], public: PublicMatcher) -> list[Term]:
    """A person the source names in full, a given name and a surname, is called by their
    initials too ("CB with five years" of "Charmaine Boakye", "TS on the minutes" of "Terence
    Sallow"), where someone is said (``said_as_someones_initials``): the letters in capitals, as
    written; where the name was typed in lower case, in lower case too if English never writes
    them ("kf"; not "jt"). Not letters that say
    something of their own wherever they are: a public body's, a job's, a department's, a
    panel's ("AP", "GP", "OT"), a title ("DR", "MS"), a given name ("JO") or a word ("AM")."""
    words = surface.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isalpha() for w in words) or words[0].lower() not in first_names:
        return []
    # (a hyphened surname gives a letter for each part too: "JTA" of "Jacqueline Thorogood-Ansari")
    parts = [p for w in words for p in w.split("-") if p[:1].isalpha()]
    terms = []
    for letters in dict.fromkeys(["".join(w[0] for w in words).upper()]
                                 + (["".join(p[0] for p in parts).upper()] if len(words) < len(parts) <= 3 else [])):
        lower = letters.lower()
        if letters_of_their_own(letters) or public.is_whole(letters) or lower in TITLE_WORDS or lower in first_names:
            continue
        terms += [Term(letters, "PERSON", False)] + ([Term(lower, "PERSON", False)]
                                                      if surface.islower() and lexicon.is_rare(lower) else [])
    return terms


# Before a person's initials, no determiner nor a word of where, of what or of being ("the RC", "my
# TL", "a DM", "from MK", "over FB", "like VIP", "a load of BS", "went FT"); after them, the end of
# what is said, a possessive, an aside, a small word said after someone (_SAID_AFTER_SOMEONE) or
# what someone does ("CB said", "TS rang"): not a noun they qualify ("a CD cupboard", "AA
# meetings"), nor a comment opening a clause ("TBH the pay", "IDK if", "NB:", "BC, before covid").
_NO_INITIALS_AFTER = frozenset("the a an my our your his her their its this that these those all any some every no "
                               "from over on in into like via per of went go goes going gone be been being".split())
_NO_SOMEONE_BEFORE = frozenset("the a an this that these those my your our their his her its what which who whom "
                               "whose how why when where".split())
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
# ... but after what someone sends, "from" says who ("an email from DA"; data messages_sent).
_SENT_FROM = re.compile(rf"(?<![\w'’-])(?:{'|'.join(sorted(words_set('messages_sent'), key=len, reverse=True))})"
                        r"[ \t]+from[ \t]+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")


def said_as_someones_initials(text: str, start: int, end: int) -> bool:
    """Whether initials are said where someone is: after who sent something ("a text from MK"), with
    an aside saying whose ("FM (Faye)"), labelling a turn ("HM: Okay"), or where a name stands
    (``_NO_INITIALS_AFTER``, ``_NO_SOMEONE_BEFORE``)."""
    if _SENT_FROM.search(text, max(0, start - 30), start):
        return True  # who sent it: "an email from DA at the top"
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if before and before.group(1).lower() in _NO_INITIALS_AFTER:
        return False
    rest = text[end:end + 2]
    if rest[:2] in ("'s", "’s"):
        return True
    if recognizers.named_beside(text, start, end):
        return True  # an aside saying whose: "FM (Faye) asked"
    if rest[:1] == ":" and (text[start - 1:start] in ("", "\n") or not text[:start].strip()) \
            and text[start:end].lower() not in words_set("chat_abbreviations") \
            and not re.match(r":[ \t]*[\d£$]", text[end:end + 4]):
        return True  # a speaker's letters labelling their turn ("HM: Okay, so this is"; not "NB: I left",
        # a form's label before a figure, "FT: 37.5 hrs")
    # (the end of what is said, an aside or a small word say it only of letters English seldom
    # writes as a word: "CB with five years", "TS on the minutes"; not "it was BS.", "FT and PT staff")
    seldom = lexicon.zipf(text[start:end].lower()) < _INITIALS_WRITTEN_AS_A_WORD
    # (set off by commas too: "not a bad person, HK, she's just"; not "NB, the pay", "I cover NW, and",
    # "so, NB, the pay", a list's "Leeds, MK, and Bedford")
    set_off = rest[:1] == "," and text[max(0, start - 2):start] == ", " \
        and text[start:end].lower() not in words_set("chat_abbreviations") \
        and not re.match(r",[ \t]+(?:and|or|&)\b", text[end:end + 6])
    if not rest.strip() or rest[:1] in ".?!)" or set_off or rest in (" (", " —", " –"):
        return seldom  # (an aside after them: "PR (Pip, not public relations!)", "TS — the director —")
    after = _WORD_AFTER.match(text, end)
    if not after or after.group(1) in _NO_SOMEONE_BEFORE:
        return False
    word = after.group(1)
    return word in words_set("verbs_after_a_name") or word in NAME_VERBS or a_past_tense(word) \
        or word in words_set("past_tenses_written_as_the_verb") or seldom and word in _SAID_AFTER_SOMEONE


# How often (Zipf) letters are written as a word before they say nothing of someone but after what
# someone does ("BS", "FT", "OMG", "IDK" are written as words; "CB", "TS", "KF" seldom).
_INITIALS_WRITTEN_AS_A_WORD = 3.8


# Small words said after someone, as after a name ("CB with five years", "TS on the minutes", "JTA in
# all the emails", "kf always says", "CB and I"); not any small word ("DM me", "NB we", "TBH i'm", "IDK if").
_SAID_AFTER_SOMEONE = frozenset("with and on at in always never just still also too herself himself".split())


def initials_of_words_read_as_someone(surface: str, first_names: frozenset[str]) -> list[Term]:
    """A name of three capitalised words of English read as someone's, opening with no given
    name nor title ("Walk It Off", "Rise With Grace"): a workplace's as often, said by its
    initials ("WIO") as a workplace's is (``_initials``); one pseudonym (aliases.initials). Not
    two: two letters are said for too much else ("YP" of "Yarrow Pendle" is a young person)."""
    words = surface.split()
    if len(words) != 3 or not all(w.isalpha() and w[:1].isupper() for w in words) \
            or words[0].lower() in first_names or words[0].lower() in SURNAME_TITLES \
            or not all(lexicon.is_ordinary(w.lower()) for w in words):
        return []  # (a person's name: "Modupe Chinwe Adeyemi" is no "MCA", the Mental Capacity Act)
    letters = "".join(w[0] for w in words).upper()
    if recognizers.letters_of_something_else(letters) or recognizers.letters_of_roles_or_panels(letters):
        return []  # (a word: "HIT" of "Hold It Tight" is searched for as "Hit" too)
    return [Term(t.surface, "PERSON", t.any_case) for t in _initials(letters)]


# Letters in capitals a source may say for a name ("HWFT"); capitalised words in a row, small words
# of a name between them ("Harrowfield and Wenlow NHS Foundation Trust").
_LETTERS_SAID = re.compile(r"(?<![\w'’-])[A-Z]{3,6}(?![\w'’-])")
# What a workplace's name ends with that its short form leaves off ("... NHS Foundation Trust", "... Ltd").
_LEFT_OFF_A_NAME = frozenset("nhs trust foundation ltd limited cic cio llp plc uk".split())
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+(?:(?:and|&|of|the|for)[ \t]+)*[A-Z][\w'’-]*)+")


def letters_of_names_found(texts: dict[str, str], findings: dict[str, list[Finding]], public) -> list[Term]:
    """Letters in capitals the source says that are the initials of capitalised words in a row
    holding a person's or a workplace's name found, whatever the words were read as ("Kestondale
    and Pellacombe Mental Health Partnership", read as a person and a workplace, is "KPMHP";
    "Harrowfield and Wenlow NHS Foundation Trust" is "HWFT"), or that are a place of three words
    found whole ("North Wexley Vale" is "NWV"): the name's, searched for
    throughout. Its initials are taken without its small words and public letters, and with them;
    not letters of a public name or something else ("NHS", "ETC", "ITU").
    A workplace is said by the letters of its words before what a short form leaves off too
    ("Wessex Vale Partnership NHS Trust" is "WVP": ``_LEFT_OFF_A_NAME``)."""
    said = {m.group() for text in texts.values() for m in _LETTERS_SAID.finditer(text)}
    said = {letters for letters in said if not is_public_acronym(letters) and not public.is_whole(letters)
            and not recognizers.letters_of_something_else(letters) and not recognizers.letters_of_roles_or_panels(letters)}
    if not said:
        return []
    found = []
    for key, text in texts.items():
        for run in _CAPITALISED_RUN.finditer(text):
            pieces = list(re.finditer(r"\S+", run.group()))
            words = [m.group() for m in pieces]
            named = [w for w in words if w[:1].isupper() and w.lower() not in CONNECTORS]
            in_run = [f for f in findings.get(key, ()) if f.start < run.end() and run.start() < f.end]
            if any(f.kind in ("ORG", "PERSON") for f in in_run):
                kind = "ORG"
            elif any(f.kind == "LOC" and f.start <= run.start() and run.end() <= f.end for f in in_run) \
                    and len(named) >= 3:
                kind = "LOC"
            else:
                continue  # (a place's words inside a longer run are a public body's or a system's as
                # often, "West Midlands Police"; a place of three words found whole is its letters'
                # too, "North Wexley Vale" ... "NWV")
            # (its first words are the workplace's own, or a name's found before it, not a word
            # opening the sentence: "Then Brook House"; "Aire" of "Aire and Wharfe Mental Health
            # NHS Trust", read as someone's, is "AWMH"'s)
            workplace = [f for f in in_run if f.kind == "ORG"]
            first = min((f.start for f in in_run if numbered(f.kind)), default=None)
            initials = set()
            for start in {first, workplace[0].start} if workplace else ():
                own = [w for w in text[max(run.start(), start):min(run.end(), workplace[-1].end)].split()
                       if w[:1].isupper() and w.lower() not in CONNECTORS]
                initials |= _letters_of_a_run(named, words, own)
            initials = initials or _letters_of_a_run(named, words, named)
            # (and of the words after "and" alone, where a name is found among them and opens with a
            # word only names are: "Tendai and Fenwold Mental Health NHS Trust" is "FMH" too; "Kasia
            # Nowak and GPN colleagues" says no "GPN", "... and Older People's Mental Health" no "OPMH")
            joined = [i for i, w in enumerate(words[1:-1], 1) if w in ("and", "&")]
            after = words[joined[-1] + 1:] if joined else []
            named_after = [w for w in after if w[:1].isupper() and w.lower() not in CONNECTORS]
            if named_after and _a_name_word(named_after[0]) and not named_after[0].isupper() and any(
                    f.kind in ("ORG", "PERSON") and run.start() + pieces[joined[-1] + 1].start() < f.end for f in in_run):
                initials |= _letters_of_a_run(named_after, after, named_after)
            for letters in initials:
                if letters in said:
                    found.append(Term(letters, kind, False))
    return found


def _letters_of_a_run(named: list[str], words: list[str], own: list[str]) -> set[str]:
    """The letters a run of capitalised ``words`` may be said by: of its ``named`` words (with and
    without those in capitals, or with those but "NHS" whole: "Quarrowby and Fenwold NHS FT" is
    "QFFT", "... ICB" "QFICB"), of every word but its small ones, and of its ``own`` words (the
    workplace's) before what a short form leaves off."""
    return {"".join(w[0] for w in named),
            "".join(w[0] for w in named if not (len(w) > 1 and w.isupper())),
            *(["".join(w if len(w) > 1 and w.isupper() else w[0] for w in named if w != "NHS")]
              if sum(not w.isupper() for w in named) >= 2 else []),
            "".join(w[0] for w in words if w.lower() not in ("of", "the", "for")).upper(),
            *("".join(w[0] for w in own[:first]) for first in range(3, len(own))
              if all(w.lower() in _LEFT_OFF_A_NAME for w in own[first:]) and not _words_of_a_kind_of_service(own[:first]))}


def _a_name_word(word: str) -> bool:
    """A word only a name is made of: no English word, no title, no small word ("Bains", not "Home", "Dr");
    or a surname no everyday word ("Chen", "Khan", common enough in print to pass for ordinary)."""
    lower = word.lower()
    return (not lexicon.is_ordinary(lower) or lower in lexicon.surnames() and not lexicon.is_everyday(lower)) \
        and lower not in TITLE_WORDS and lower not in STOP_WORDS


def _words_of_a_kind_of_service(words: list[str]) -> bool:
    """Words every trust names a service by ("Assessment and Treatment Unit", "Home Treatment"):
    their letters are the field's ("ATU"), no workplace's."""
    return all(w.lower() in recognizers.service_words() or w.lower() in recognizers.kind_words() for w in words)


def _letters_of_two_things(words: list[str]) -> list[Term]:
    """A name of two things joined by "and" said by the letters of each, joined as the name joins
    them ("Oxenhithe and Wrenmoor" is "O and W", "O&W"; "Holmby and Stannerby" is "H&S") or with
    the A of "and" among them ("Fairholme and Bracken Vale" is "FABV"): not letters something
    else is said by (data said_by_initials: "A&E", "D&V", "Q&A")."""
    joins = [i for i, w in enumerate(words) if w.lower() in ("and", "&")]
    if len(joins) != 1 or all(len(w) == 1 or w.isupper() for i, w in enumerate(words) if i not in joins):
        return []  # (letters already: "O and W", "H&S")
    sides = ["".join(w[0] for w in part if w[:1].isalpha() and w.lower() not in CONNECTORS).upper()
             for part in (words[:joins[0]], words[joins[0] + 1:])]
    if not all(sides):
        return []
    left, right = sides
    joined, with_a = f"{left}&{right}", f"{left}A{right}"
    said = [] if recognizers.letters_said_for_a_thing(joined) or joined.lower() in recognizers.public_lower() \
        or is_public_acronym(joined) else \
        [joined, f"{left} & {right}"] + ([f"{left} and {right}"] if len(left) == len(right) == 1
                                         and not {left, right} & {"A", "I"} else [])  # ("Plan A and B")
    # (the A among them: of four letters or more, fewer spell a word or another's letters, "HAT", "TAC")
    return [Term(form, "ORG", False) for form in said] \
        + (_initials(with_a) if len(with_a) >= 4 and not recognizers.letters_of_something_else(with_a)
           and not recognizers.letters_of_roles_or_panels(with_a) else [])


_JOINED_BY_AND = re.compile(r" (?:and|&) ")


def _before_its_town(words: list[str]) -> int | None:
    """Where the town ending a workplace's name starts ("First Step | Swindon", "Open Door | West
    Bromwich"), the longest town there, when what is before it is a name without it: two words
    or more, not ending in a word joining a phrase to a place ("Rays of Hope" is a name), or one
    English rarely writes ("Quillory | Leeds"; not "Royal | Bristol", "North | Leeds")."""
    town = recognizers.where_a_town_ends(words)
    return town if town and (town >= 2 or not lexicon.is_ordinary(words[0])) else None


def capitalised(surface: str) -> str:
    """Each word's first letter a capital ("let's talk" → "Let's Talk"; str.title gives "Let'S")."""
    return re.sub(r"(?<![\w'’])\w", lambda m: m.group().upper(), surface)


# Letters a workplace's name is given as where it is named: in brackets after it ("Aspenvale
# Mental Health (AVMH)"), or said to be it before it ("AVMH is Aspenvale Mental Health") or
# after it ("..., or AVMH", "..., we all called it AVMH"); two to six capitals, "&" among them.
_LETTERS = r"([A-Z][A-Z&]{1,5})"
_LETTERS_AFTER = re.compile(rf"\s*\(\s*{_LETTERS}\s*\)|,?\s+(?:or|aka|a\.k\.a\.|known\s+as|(?:we|they|everyone)"
                            rf"\s+(?:all\s+)?call(?:ed|s)?\s+it)\s+{_LETTERS}(?![\w&])"
                            # or set beside it, or "for short": "Harwick Therapy Team, HTT, took me on",
                            # "..., HTT for short", "... - CALM for short", "..., the HTT, ..."
                            rf"|\s*(?:,|[-–—])\s*(?:the\s+)?{_LETTERS}(?:\s+for\s+short)?"
                            r"(?=\s*[,.;:)!?]|\s*$|\s+for\s+short)")
# Before it, the letters (of a team or a service, maybe) said to be it: "AVMH is Aspenvale
# Mental Health", "ECT, that's Elderbank Community Therapies"; or set beside it by a dash or a
# comma alone (group ``beside``: "the HTT team - Harwick Therapy Team -", "CRT, Calder Recovery
# Trust I mean"), where they are its initials exactly and say nothing else ("Past jobs: NHS,
# Northgate Surgery", "I had CBT - Cobalt Therapy were the provider", "My GP, Greenway Practice").
_LETTERS_BEFORE = re.compile(rf"(?<![\w&]){_LETTERS}(?:['’]s)?(?:\s+(?i:team|service|project|unit|hub|programme))?"
                             r"(?:\s+(?:is|was|stands\s+for|means)\s+|\s*,\s*(?i:that['’]s|that\s+is|which\s+is"
                             r"|i\.e\.)\s+|(?P<beside>\s+[-–—]\s+|\s*,\s*))$")


def letters_given_for(text: str, start: int, end: int, public: PublicMatcher) -> list[Term]:
    """The letters ``text`` gives for the workplace named at ``text[start:end]`` (``_LETTERS_AFTER``,
    ``_LETTERS_BEFORE``): its short form however its initials read ("AVMH" of "Aspenvale Mental
    Health", a coined word read as two), letters that could shorten it (``_could_abbreviate``:
    not "Quillby Care (SMT)", "IMHO was Quillby", "JW was Quillby Care's manager"); not a kind's
    letters ("(CIC)", "(EAP)"), nor a word ("THE PAY WAS ..." in a line of capitals); a public
    body's, a word's, a job's or a process's letters ("(NHS)", "(ACT)", "(CDT)") only where the
    name has a word of its own (``_a_proper_word_in``)."""
    if not re.search(r"[a-z]", text):
        return []  # a line in capitals: every word is in capitals
    found = []
    if m := _LETTERS_AFTER.match(text, end):
        found.append(next(g for g in m.groups() if g))
    name = text[start:end]
    if (m := _LETTERS_BEFORE.search(text, max(0, start - 40), start)) and (not m.group("beside") or (
            m.group(1) == "".join(w[0] for w in name.split() if w[:1].isupper())
            and not _letters_said_for_more(m.group(1), public))):
        found.append(m.group(1))
    # (a name's "The" may be among them: "The Listening Room, TLR")
    the = "The " + name if text[max(0, start - 4):start] == "The " else name
    return [Term(letters, "ORG", False) for letters in found
            if (_could_abbreviate(letters, name) or _could_abbreviate(letters, the))
            and not (_letters_said_for_more(letters, public, given=True) and not _a_proper_word_in(name)
                     or lexicon.is_workplace_kind(letters.lower()))]


def _letters_said_for_more(letters: str, public: PublicMatcher, given: bool = False) -> bool:
    """A public body's, a word's, a job's or a process's letters ("NHS", "ACT", "GP", "DNA"):
    ``recognizers.letters_of_something_else`` with the source's own public names, without
    hospital departments and small words. ``given``: set after the name as its letters ("Meadow
    Cross Alliance (MCA)"): the field's everyday letters (data said_by_initials) are the name's."""
    return (is_public_acronym(letters) or public.is_whole(letters) or lexicon.is_ordinary(letters.lower())
            or letters in recognizers.role_abbreviations() or not given and letters in words_set("said_by_initials"))


def _a_proper_word_in(name: str) -> bool:
    """Whether a name holds a word English uses less than its ordinary words that no public term
    holds ("Calder" of "Calder Recovery Trust", "Eastmere" of "Eastmere Support and Recovery";
    not "Advocate" of "Independent Mental Health Advocate"): letters given for it are its own even where a public
    body's or a therapy's are the same ("(ESR)", "(CBT)"); given for a treatment's words
    ("Cognitive Remediation Therapy (CRT)", "Dialectical Behaviour Therapy (DBT)") they are
    the public term's."""
    return any(not lexicon.is_ordinary(w) and w.lower() not in _public_words() and not lexicon.is_field_word(w.lower())
               for w in re.findall(r"[^\W\d_]+", name))


@functools.lru_cache(maxsize=1)
def _public_words() -> frozenset[str]:
    """Every word of the built-in public terms, in lower case ("dialectical", "multisystemic")."""
    return frozenset(w.lower() for t in lexicon.builtin_public_terms() for w in re.findall(r"[^\W\d_]+", t))


def _could_abbreviate(letters: str, name: str) -> bool:
    """Whether ``letters`` could shorten ``name``: they open with its first letter and each is
    found in it, in order ("AVMH" of "Aspenvale Mental Health", "BWP" of "Brackwater Psychology")."""
    letters, name = letters.replace("&", "").lower(), re.sub(r"[^a-z]", "", name.lower())
    if not letters or not name or letters[0] != name[0]:
        return False
    at = 0
    for c in letters:
        at = name.find(c, at) + 1
        if not at:
            return False
    return True


# A space between a word and a figure ("Minds 365", "24/7 Care"); where a figure is joined to a
# word ("Minds365", "24/7Care": not "1st", a figure's own ending).
_SPACE_BY_A_FIGURE = re.compile(r"(?<=[A-Za-z]) (?=\d)|(?<=\d) (?=[A-Za-z])")
_FIGURE_JOINED = re.compile(r"(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Z])")
# A figure coined for a name: three digits ("365", "247") or a week's hours ("24/7", "24-7").
_COINED_FIGURE = re.compile(r"(?<!\d)(?:\d{3}|24[/-]7)(?!\d)")


# Words opening many workplaces' names that say nothing of which one ("New", "North", "St"):
# data/recognizer_words.yml.
_NO_FIRST_WORD = recognizers.which_or_where("not_alone")


def first_word_alone(surface: str, public: PublicMatcher) -> tuple[str, bool] | None:
    """A workplace of several words before its kind is named by its first word alone too
    ("Kestrel" of "Kestrel Moor Care", "at willow" of "Willow Tree Counselling"): that word,
    and whether it may be searched for wherever the source says it (a word English rarely
    writes, no given name) or only where a workplace is said (an everyday word: "willow").
    None where the first word is the name said without its kind already (``short_forms``), a
    word many names open with ("New", "North"), a word too common to be a name said alone
    ("Hope", "Good"), a public name or a kind of place."""
    words = [w for w in re.findall(r"[\w'’&-]+", surface) if w.lower() != "the"]
    cut = next((i for i, w in enumerate(words) if w.lower() in ORG_WORDS), len(words))
    if cut >= 2 and _LETTER_AND_A_WORD.fullmatch(words[0]) and words[0][0].isupper() \
            and words[0].lower() not in words_set("english_letter_compounds"):
        return words[0], True  # a letter hyphened on to a word, coined: "F-Space" of "F-Space Family Services"
    if cut < 2 or not words[0].isalpha() or len(words[0]) < 3:
        return None
    first = words[0]
    lower = first.lower()
    if lower in STOP_WORDS or lower in _NO_FIRST_WORD or lower in PLACE_KINDS or lower in ORG_WORDS \
            or lexicon.is_everyday(lower) or public.is_whole(first) or is_public_acronym(first.upper()):
        return None
    return first, not lexicon.is_ordinary(lower) and lower not in lexicon.first_names()


def _initials(initials: str) -> list[Term]:
    """A workplace's initials as a term: three letters or more in any case when English rarely
    writes them ("bvpft", "lcs"; not "tbh", "etc"); two in capitals only, unless they say
    something else ("QV"; not "HR", "IT", "OD"). Letters the field says for a thing ("DNA")
    name no workplace."""
    if len(initials) >= 3:
        if recognizers.letters_said_for_a_thing(initials.upper()):
            return []  # "Daisy Nook Associates" is no "DNA" ("he was a DNA")
        return [Term(initials.upper(), "ORG", lexicon.is_rare(initials.lower()))]
    if len(initials) == 2 and not recognizers.letters_of_something_else(initials.upper()):
        return [Term(initials.upper(), "ORG", False)]
    return []


# Where a workplace is said: "at", "for", "with", "joined", "left"... (data/recognizer_words.yml's
# placed_at; and "the") straight before its name.
# The recognizer of a lower-case workplace of ordinary words, redacted only where a workplace
# is said ("pwp at new roots", "a year at new roots"): the log says so, and the export's check
# does not search for the words everywhere (gate.terms_from_log).
WHERE_SAID = "workplace-where-said"
# What is redacted only where a rule finds it, never searched for elsewhere in the source, nor
# by the seal or the export's check: a lower-case workplace of ordinary words (WHERE_SAID), a day
# said by a low ordinal in words alone ("on the first": "the first slide", "the first one" are words).
FOUND_ONLY_WHERE_SAID = frozenset({WHERE_SAID, recognizers.DAY_BY_A_LOW_ORDINAL,
                                   "bare-day"})  # (how logs before the split named every day said alone)
_PLACED_AT = (rf"(?:{recognizers.alternatives(recognizers.placed_at('said'))}|(?:part|members?|staff)\s+of)"
              r"\s+(?:the\s+)?")
_AT_WORKPLACE = re.compile(rf"(?<![\w'’-]){_PLACED_AT}$", re.IGNORECASE)
# Before a lower-case form of a workplace's letters, "the" too: "the qcs rota" (of "Quillmere
# Counselling Service (QCS)"), "the opt rota"; not before its ordinary word ("the foundations",
# "the anchor of my week" are the words, whatever "Anchor" named).
_THE = re.compile(r"(?<![\w'’-])the\s+$", re.IGNORECASE)
# After a workplace's kind said alone, what closes it as a name: a pause, a word of where, how or
# when, a verb ("the Collective as we called it", "the Foundation never paid"); not a noun it says
# what kind of ("The Collective agreement", "The Foundation year"), "of" ("The Centre of town"), a
# capitalised word ("the Collective Bargaining Unit").
_SAID_OF_A_WORKPLACE_ALONE = re.compile(
    r"[ \t]*(?:[.,;:!?)]|$)|[ \t]+(?:as|in|at|on|for|and|but|so|then|where|which|who|was|were|is|are|had|has|have"
    r"|did|does|never|always|still|just|only|paid|pays|closed|shut|said|says|told|took|gave|got|would|will|could|can"
    r"|cut|ran|runs|wanted|wants|let|made|sacked|hired|moved|merged|became|folded|sent|kept|lost|went"
    # (a verb's past in -ed, or its present of a thing that acts: "The Collective takes a fee")
    r"|[a-z]{2,}ed|(?:take|give|charge|owe|offer|send|keep|expect|employ|treat|use|ask|need|ring|own|rent|bill|dock"
    r"|claim|decide|insist|refuse|stop|start|change|lose|win|make|put|seem|want|close|shut|get|do|go)e?s)\b")


def _letters(terms: Iterable[Term]) -> set[str]:
    """The letters among ``terms``, in lower case: one word in capitals ("QCS", "OPT")."""
    return {t.surface.lower() for t in terms if t.surface.isupper() and t.surface.isalpha()}


# Where a lower-case form of a workplace named in capitals is the workplace too: opening a text,
# a sentence or a clause as its subject ("bright path was ok", "then bright path shut"), or
# before "'s" ("bright path's rota").
_OPENS_CLAUSE = re.compile(r"(?:^|[.!?;:]\s+|\n\s*|(?<![\w'’-])(?:then|and|but|so|later|now)\s+)$")
_POSSESSIVE = re.compile(r"['’]s\b")
_NEXT_WORD = re.compile(r",?\s+([a-z]+)\b")
# What a workplace has more than a person or a thing does, straight after its name: "second step
# staff", "new roots supervisor" (not "policy", "website": "an open door policy").
_ITS_OWN_AFTER = re.compile(rf"\s+(?:{recognizers.alternatives(words_set('workplace_belongings_more_than_peoples'))}"
                            r"|supervisors?|ceo)\b", re.IGNORECASE)
# What may follow a name said alone: the sentence's end or a stop, a possessive, a small word.
_NAME_ENDS_HERE = re.compile(r"\s*(?:$|[^\w\s]|['’]s\b|(?:" + recognizers.alternatives(STOP_WORDS) + r")\b)",
                             re.IGNORECASE)


# Recognizers that read a workplace's name of ordinary words in lower case from where it is said
# ("pwp at new roots", "coordinator at the lantern post."): such a name is searched for
# capitalised, and in lower case only where a workplace is said, never word by word.
READ_WHERE_A_WORKPLACE_IS = frozenset({"workplace-after-post", "workplace-in-everyday-words",
                                       "workplace-read-capitalised", "workplace-called-it"})


def parts_said_alone(surface: str) -> list[str]:
    """The parts of a found name redacted wherever the source says them: not an ordinary
    word ("Head" of "Dr Head" may be "Head of Service") unless it is a common surname too
    ("White" of "Ms White") or the given name opening the full name ("April" of "April
    Quennell"; the month stays, ``terms.said_as_month``). The redaction stage and the
    export's check both use this."""
    ordinary, surnames = lexicon.ordinary_proper_nouns()[0], lexicon.surname_words()
    parts = name_parts(surface)
    given = parts[0] if len(parts) > 1 and parts[0].lower() in lexicon.first_names() else None
    return [p for p in parts if p not in ordinary or p in surnames or p == given]


def names_in_address(address: str) -> list[str]:
    """'declan dot winter at ...', 'tam.orrin@...': an e-mail address made of a given name and
    another word names its owner, who may be named by them alone ("Winter, like the season")."""
    local = re.split(r"\s*(?:@|\(at\)|\[at\]|\bat\b)", address, maxsplit=1, flags=re.IGNORECASE)[0]
    parts = [p for p in re.split(r"(?:\s*\bdot\b\s*|\s*\bunderscore\b\s*|[._\s-])+", local.lower()) if p]
    if not 2 <= len(parts) <= 3 or parts[0] not in lexicon.first_names() or parts[0] in STOP_WORDS:
        return []
    return [p for p in parts if len(p) > 2 and p.isalpha() and p not in STOP_WORDS]


# The host of a web or e-mail address said or typed: "beaconcounselling.org.uk/jobs",
# "jo@halwick-care.co.uk", "www dot beaconcounselling dot org".
_HOST = re.compile(r"(?:^|@|\(at\)|\[at\]|\bat\b|//|\bwww(?:\.|\s*\bdot\b))\s*(?P<host>[a-z0-9-]{6,})"
                   r"(?=\s*(?:\.|\bdot\b))", re.IGNORECASE)


_KINDS_LONGEST_FIRST = tuple(sorted((k for k in ORG_WORDS if len(k) >= 4), key=len, reverse=True))


def workplace_in_address(address: str) -> str | None:
    """'beaconcounselling.org.uk', 'info@halwick-care.co.uk': a host made of a name and the kind
    of workplace it is names that workplace, and the name alone is said for it ("Beacon have
    got a cheek"). The name, capitalised; not a public name, a place, a word of the field or
    a short one ("mycare", "leedscouncil", "nhs"), nor a word common enough to be read as the
    word it is ("youngpeoplecare" names no "Young"; COMMON_WORD_ZIPF)."""
    hosts = [m.group("host").lower() for m in _HOST.finditer(address)]
    for host in hosts[-1:] if "@" in address or " at " in address.lower() else hosts[:1]:
        host = host.removeprefix("www").strip("-")
        if host.replace("-", "") in recognizers.public_lower() or is_public_acronym(host.upper()):
            continue  # ("youngminds.org.uk": the charity's own)
        for kind in _KINDS_LONGEST_FIRST:
            name = host[:-len(kind)].strip("-") if host.endswith(kind) else ""
            if len(name) >= 4 and name.isalpha() and name not in STOP_WORDS and not lexicon.is_field_word(name) \
                    and name not in recognizers.public_lower() and not is_public_acronym(name.upper()) \
                    and name not in lexicon.places() and name not in lexicon.regions() \
                    and lexicon.zipf(name) < lexicon.COMMON_WORD_ZIPF:
                return name.capitalize()
    return None


# What joins the words of an address, a file name or an id ("jane_doe-interview.mp3"), and
# where a word joined to the next by its capital ends ("EpisodeWithJaneDoe", "PodEP2").
_JOINERS = re.compile(r"[-_./:?=&#%+~@\s]+")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")


def joined_words(joined: str, at_capitals: bool = True) -> list[str]:
    """The words of an address, a file name or an id, split at what joins them and (unless
    not ``at_capitals``) where a capital starts one: "https://example.org/EpisodeWithJaneDoe.mp3"
    holds "Jane" and "Doe"."""
    return [w for part in _JOINERS.split(joined) for w in (_CAMEL.split(part) if at_capitals else [part]) if w]


def names_in_joined(joined: str) -> list[str]:
    """Names run together in an address or a file name ("EpisodeWithJaneDoe.mp3",
    "tomasz-brennan-interview.mp3"): a given name that is no everyday word and the word after
    it, when that is a surname or a word few English texts use, lower-cased. What the rest
    says ("episode", "with", "interview") names no one; nor does a given name alone
    ("summer-special.mp3")."""
    words = [w.lower() for w in joined_words(joined)]
    names: list[str] = []
    for given, after in zip(words, words[1:]):
        if after.isalpha() and len(after) > 1 and after not in STOP_WORDS and given_then_surname(given, after):
            names += [w for w in (given, after) if w not in names]
    return names


def joined_name_terms(joined: str, public: PublicMatcher) -> list[Term]:
    """The names run together in ``joined`` (``names_in_joined``) that are no public name,
    as terms to search the source for in any case."""
    return [make_term(p, "PERSON", written_lower=True) for p in names_in_joined(joined) if not public.is_whole(p)]


# A hashtag's words, run together ("#fernleacare", "#TeamFernlea", "#justice_for_jo_okafor").
_HASHTAG = re.compile(r"(?<![\w#&])#([^\W_][\w]{3,})")
# The fewest letters a name must have to be looked for inside a hashtag: shorter ones are
# inside too many of its words ("Jo" in "#enjoyment", "Ray" in "#wraparound").
_FEWEST_IN_A_HASHTAG = 5
IN_A_HASHTAG = "known-in-a-hashtag"  # the log's word for a name of the source found so


@functools.lru_cache(maxsize=4096)
def _letters_typed(letters: str) -> re.Pattern:
    """A name's letters as a hashtag may type them: any case, an underscore between any two."""
    return re.compile("_?".join(map(re.escape, letters)), re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def english_run(letters: str) -> bool:
    """Whether letters run together are English words only, or none ("team", "justicefor",
    "strong", ""; not "comm" of "#community", "dis" of "#disgraceful"): ``ends[i]``, whether the
    first i letters are (no recursion: a hashtag may be long)."""
    ends = [True] + [False] * len(letters)
    for i in range(1, len(letters) + 1):
        ends[i] = any(ends[k] and _a_word_run_together(letters[k:i]) for k in range(max(0, i - 30), i))
    return ends[-1]


def _a_word_run_together(letters: str) -> bool:
    """A figure, a public name or an ordinary English word ("a", "i" the only ones of one letter;
    not "awk" of "#awkwardawards")."""
    return letters.isdigit() or letters in recognizers.public_lower() \
        or lexicon.is_ordinary(letters) and (len(letters) > 1 or letters in "ai")


@functools.lru_cache(maxsize=1)
def _public_run_together() -> tuple[str, ...]:
    """Public names of four letters or more as a hashtag types them ("samaritans", "youngminds")."""
    return tuple({p for p in (re.sub(r"[\W_]", "", t) for t in recognizers.public_lower()) if len(p) >= 4})


def _at_words_edges(tag: str, start: int, end: int) -> bool:
    """Whether a name's letters at ``start:end`` of a hashtag stand as its words, not inside
    others: typed with capitals, the name's opening with one and the next word's too ("Fernlea"
    in "#TeamFernlea", not "Chris" in "#MerryChristmas"); in one case throughout, a name no
    English word ("fernlea", not "grace", "winter", "reading"), English words only around it
    ("#teamfernlea", not "#disgraceful", "#community"). Not a part of a public name run
    together ("Samar" of "#samaritans", "Trussell" of "#trusselltrust")."""
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in tag)  # ("İ" lowered is two)
    for public in _public_run_together():
        at = lowered.find(public)
        while at >= 0:
            if at < end and start < at + len(public):
                return False
            at = lowered.find(public, at + 1)
    if tag.isupper() or not any(c.isupper() for c in tag[1:]):
        letters = re.sub(r"[\W_]", "", lowered[start:end])
        return lexicon.zipf(letters) < lexicon.RARE_ZIPF and english_run(re.sub(r"[\W_]", "", lowered[:start])) \
            and english_run(re.sub(r"[\W_]", "", lowered[end:]))
    return (tag[start].isupper() or tag[start].isdigit()) and (end == len(tag) or not tag[end].islower())


def in_hashtags(text: str, names: list[tuple[str, Term]]) -> Iterator[tuple[int, int, Term, str | None]]:
    """Each name of the source written inside a hashtag as its words, run together in any case
    ("Fernlea Care" in "#fernleacare", "Fernlea" in "#TeamFernlea", ``_at_words_edges``): where,
    which, and the hashtag where its other words are English only (it is the name's too: a rule
    may have found it whole, "TeamFernlea"). ``names``: each name's letters and figures in lower
    case, longest first; the longest there first, none over another."""
    for m in _HASHTAG.finditer(text) if "#" in text else ():
        tag, taken = m.group(1), []
        # (accents folded as names' are, a letter for a letter: "#ZoëFairclough")
        folded = "".join(f if len(f := lexicon.without_accents(c)) == 1 else c for c in tag)
        for letters, term in names:
            if term.surface == tag:
                continue  # (the hashtag itself, found so)
            for hit in _letters_typed(letters).finditer(folded):
                if not any(a < hit.end() and hit.start() < b for a, b in taken) \
                        and _at_words_edges(folded, hit.start(), hit.end()):
                    taken.append(hit.span())
                    rest = re.sub(r"[\W_]", "", (tag[:hit.start()] + tag[hit.end():]).lower())
                    yield m.start(1) + hit.start(), m.start(1) + hit.end(), term, tag if english_run(rest) else None


def hashtag_names(terms: Iterable[Term], public: PublicMatcher) -> list[tuple[str, Term]]:
    """The names to look for in hashtags (``in_hashtags``): the source's people, workplaces and
    places of ``_FEWEST_IN_A_HASHTAG`` letters or more, no public name, longest first."""
    names = {}
    for term in terms:  # (accents as a hashtag most often types them: "Zoë" in "#zoefairclough")
        letters = re.sub(r"[\W_]", "", lexicon.without_accents(term.surface.lower()))
        if numbered(term.kind) and len(letters) >= _FEWEST_IN_A_HASHTAG and not public.is_whole(term.surface):
            names.setdefault(letters, term)
    return sorted(names.items(), key=lambda item: -len(item[0]))


def said_as_someone(surface: str) -> bool:
    """'Kieran Ford', 'Mr Sainsbury': a given name or a title before the rest."""
    words = surface.split()
    first = words[0].lower().strip(".") if words else ""
    return len(words) > 1 and (first in TITLE_WORDS or first in lexicon.first_names())


def stop_words_only(surface: str) -> bool:
    """A name of two words or more, each a word of grammar ("Still Here", "With You")."""
    words = re.findall(r"[^\W\d_]+", surface.lower())
    return len(words) > 1 and all(w in STOP_WORDS for w in words)


def workplace_named(norm: str) -> bool:
    """'brackenfold counselling service': a name (normalised) with a workplace's word after
    its first, as the name rules classify one."""
    words = norm.split()
    return len(words) > 1 and any(w in ORG_WORDS for w in words[1:])


def a_workplace_by_its_make(norm: str, kinds_read) -> bool:
    """A name (normalised) made like a workplace's ("brackenfold counselling service", "...
    foundation trust") is a workplace when a recognizer read it as one (``kinds_read``) or no
    given name opens it, whatever a model or its first word said alone."""
    return workplace_named(norm) and ("ORG" in kinds_read or norm.split()[0] not in lexicon.first_names())


def read_as_person(surface: str) -> bool:
    """'Rosa Tennant': two or three capitalised words, a given name first, no word of a
    workplace or a place's kind, and not a known place."""
    words = surface.split()
    return (1 < len(words) <= 3 and all(w[:1].isupper() for w in words)
            and words[0].lower() in lexicon.first_names() and surface.lower() not in lexicon.places()
            and not any(w.lower() in ORG_WORDS | PLACE_WORDS for w in words))


# Syllables joined to a name by hyphens ("Nee-av", "See-oh-ban": a name said as it sounds), and
# a workplace's region after it in capitals ("QUILLSTONE NE").
_SYLLABLES_AFTER = re.compile(r"(?:-[A-Za-z]+)+(?![\w-])")
_SYLLABLES_BEFORE = re.compile(r"(?<![\w-])(?:[A-Za-z]+-)+$")
_REGION_AFTER = re.compile(r" (?:NE|NW|SE|SW)\b(?![-'’])")


def _syllables(parts: list[str]) -> bool:
    """Short parts or words English rarely uses: sounds, not a word joined to a name ("-led" is
    short and goes too; "-based", "-style", "-funded" stay)."""
    return all(len(p) <= 3 or not lexicon.is_ordinary(p) for p in parts if p)


def extend_joined(text: str, finding: Finding) -> Finding:
    """A person's name goes whole with the syllables a hyphen joins to it: found as "Nee" of
    "Nee-av" (a model reads the parts), the rest would say it; a given name in capitals with
    the surname in capitals after it ("NIAMH CHURCH"); a name a figure opens is a workplace's
    ("24/7 Carelink"). A workplace goes with its region's initials ("QUILLSTONE NE") and its
    figures."""
    start, end = finding.start, finding.end
    if finding.kind == "PERSON":
        word = text[start:end]
        if word.isupper() and word.isalpha() and word.lower() in lexicon.first_names():
            # a given name in capitals goes with its surname in capitals ("NIAMH CHURCH")
            end = recognizers.surname_in_capitals_after(text, end)
        m = _SYLLABLES_AFTER.match(text, end)
        if m and _syllables(m.group()[1:].split("-")):
            end = m.end()
        m = _SYLLABLES_BEFORE.search(text, max(0, start - 80), start)  # not all the text before: quadratic
        if m and _syllables(m.group()[:-1].split("-")) and m.group().split("-")[0].lower() not in HYPHEN_PREFIXES:
            start = m.start()
        # (a name ending in a workplace's kind is one whatever a model read: "10 Doors Housing")
        words = text[start:end].split()
        opened = recognizers.figure_opening_a_name(text, start, end, counts=len(words) > 1
                                                   and lexicon.is_workplace_kind(words[-1]))
        if opened != start:  # no one is named with a figure before: "24/7 Carelink sent me" is a firm
            return Finding(opened, end, "ORG", finding.score, finding.recognizer)
    elif finding.kind == "ORG" or (finding.kind == "LOC" and text[start:end].isupper()
                                   and text[start:end].lower() not in lexicon.places()):
        # (a name in capitals no gazetteer knows, with a region after it, is a workplace's too)
        m = _REGION_AFTER.match(text, end)
        if m:
            end = m.end()
        start, end = recognizers.figure_beside_a_workplace(text, legal_name_start(text, start, end), end)
    if finding.recognizer == "known-in-source":
        end = kind_after(text, finding.kind, start, end)
    if (start, end) == (finding.start, finding.end):
        return finding
    return Finding(start, end, finding.kind, finding.score, finding.recognizer)


def extended_apart(text: str, found: list[Finding]) -> list[Finding]:
    """Each finding extended (``extend_joined``), unless the extension runs into another finding
    it did not overlap before: overlap resolution might keep the other and publish the name
    ("KESTREL HOUSE 50/50 WITH THE BANK": the workplace taking "50/50" lost to an address read
    from its second figure)."""
    out = []
    for f in found:
        e = extend_joined(text, f)
        if e is not f and _runs_into_another(e, f, found):
            e = f
        out.append(e)
    return out


def _runs_into_another(wide: Finding, f: Finding, others: list[Finding]) -> bool:
    """Whether ``wide``, ``f`` made wider, overlaps one of ``others`` that ``f`` did not."""
    return any(o is not f and wide.overlaps(o) and not f.overlaps(o) for o in others)


def _in_part(start: int, end: int, f: Finding) -> bool:
    """Whether ``f`` overlaps ``start``..``end`` in part: neither holds the other whole."""
    return f.start < end and start < f.end and not (start <= f.start and f.end <= end) \
        and not (f.start <= start and end <= f.end)


# Words of which one that open a workplace's name ("First Choice", "New Dawn"): data/recognizer_words.yml.
_WHICH_OPENS_A_NAME = recognizers.which_or_where("opens")


def legal_name_start(text: str, start: int, end: int) -> int:
    """Where a workplace's name ending in its registered form ("Ltd", "CIC") begins: every
    capitalised word straight before it on the line is the name's ("Green Shoots CIC", found as
    "Shoots CIC"), but not a small word or one opening the clause ("With", "The", "So")."""
    last = re.findall(r"[\w'’&-]+", text[start:end])
    if not last or last[-1].lower() not in lexicon.workplace_kinds("legal-form"):
        return start
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 80), start)
    if not before:
        return start
    words = list(re.finditer(r"\S+", before.group()))
    if text[text.rfind("\n", 0, start) + 1:start].isupper():
        # A line in capitals says nothing by them: the words straight before it back to a small
        # word, a clause's opener or a verb ("I WORKED FOR FIRST CHOICE CARE LTD": "FIRST ...")
        at = start
        for w in reversed(words):
            lower = w.group().lower()
            if lower in STOP_WORDS and lower not in _WHICH_OPENS_A_NAME or lower in CLAUSE_OPENERS \
                    or lower in words_set("verbs_after_a_name") or lower.endswith(("ed", "ing")):
                break
            at = before.start() + w.start()
        return at
    for w in words:
        if w.group().lower() not in STOP_WORDS and w.group().lower() not in CLAUSE_OPENERS:
            return before.start() + w.start()
    return start


def kind_after(text: str, kind: str, start: int, end: int) -> int:
    """Where a workplace's name found again where the source says it ends: typed without the
    capital cue, it takes the words of its kind after it, as where it was found
    (workplaces_whole): "holdcroft" of "holdcroft employee assistance opened". A name read
    as a place's is a workplace's there too, as where it is found ("quarrow care home")."""
    surface = text[start:end]
    typed = "lower" if surface.islower() else "upper" if surface.isupper() and len(surface) > 3 else None
    if kind in ("ORG", "LOC") and typed and surface.lower() not in lexicon.places() \
            and not all(w in recognizers.service_words() for w in surface.lower().split()) \
            and (run := _KIND_RUN.match(text, end)):
        # (not after words of what kind of service, however they were found: "perinatal team")
        n = kind_words(run.group().split()[:4], typed)
        if n:
            return _after_kind_words(text, end, n)
    return end


def widened_by_known(found: list[Finding]) -> list[Finding]:
    """A name found across part of a name the source already holds takes the known name's span
    too ("[Lane's practice]" of "Marsh Lane's practice", where "Marsh Lane" was found elsewhere):
    whichever of the two overlap resolution keeps, no word of the known name is left beside it;
    unless the wider span runs into a finding it did not overlap before (``extended_apart``)."""
    known = [f for f in found if f.recognizer == "known-in-source"]
    if not known:
        return found
    others = [f for f in found if f.recognizer != "known-in-source"]
    out = []
    for f in found:
        across = [k for k in known if _in_part(f.start, f.end, k)] if f.recognizer != "known-in-source" \
            and numbered(f.kind) else []
        if across:
            wide = Finding(min(f.start, *(k.start for k in across)), max(f.end, *(k.end for k in across)),
                           f.kind, f.score, f.recognizer)
            if not _runs_into_another(wide, f, others):
                f = wide
        out.append(f)
    return out


def from_a_words_start(text: str, f: Finding) -> Finding | None:
    """A model's span that opens inside a word the tokenizer split ("d. Kasia" of "Wed. Kasia")
    opens at the next word; none if no word of it is left."""
    start = f.start
    if 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        space = re.search(r"\s+", text[start:f.end])
        if space is None:
            return None
        start += space.end()
    return f if start == f.start else Finding(start, f.end, f.kind, f.score, f.recognizer)


def joined_with(model: Finding, rules: list[Finding]) -> Finding:
    """A model's finding, with the span of a rule's finding of the same kind that overlaps it
    in part ("vale health foundation" with "orrin vale": "orrin vale health foundation")."""
    start, end = model.start, model.end
    for f in rules:
        if f.kind == model.kind and numbered(f.kind) and _in_part(start, end, f):
            start, end = min(start, f.start), max(end, f.end)
    if (start, end) == (model.start, model.end):
        return model
    return Finding(start, end, model.kind, model.score, model.recognizer)


def resolve_with_listed(found: list[Finding]) -> list[Finding]:
    """``resolve``, where a word the curator listed to redact inside or across a name found
    ("Larkspur" of "Brackenfold Larkspur Counselling Service") goes with that name, under the
    name's label. Listed words otherwise win over names, as structured kinds do, and the
    rest of the name would be left."""
    listed = [f for f in found if f.kind == "REDACT"]
    if not listed:
        return resolve(found)
    result = [f for f in found if f.kind != "REDACT"]
    for i, name in enumerate(result):
        across = [w for w in listed if w.start < name.end and name.start < w.end]
        if across and numbered(name.kind):
            result[i] = Finding(min([name.start] + [w.start for w in across]),
                                max([name.end] + [w.end for w in across]), name.kind, name.score, name.recognizer)
    chosen = resolve(result)
    # A listed word no chosen finding holds whole (its name lost to another) still goes.
    held = Spans([(f.start, f.end) for f in chosen])
    left = [w for w in listed if not held.holds(w.start, w.end)]
    return resolve(chosen + left) if left else chosen


def sentence_doc(sentence, entities: list[tuple[int, int, int]]):
    """The sentence (a Span) as a Doc of its own: its tokens, and the entities of its Doc
    that lie wholly inside it (``entities``: the Doc's, as token starts, ends and labels, in
    order). What ``Span.as_doc()`` gives the rules, which read no other annotation; as_doc
    reads the whole Doc's arrays and entities at every call, which made a long turn of many
    short sentences quadratic (a turn of 48,000 characters took 17 s)."""
    from spacy.tokens import Doc, Span

    doc = Doc(sentence.doc.vocab, words=[t.text for t in sentence], spaces=[bool(t.whitespace_) for t in sentence])
    inside = []
    for start, end, label in entities[bisect.bisect_left(entities, (sentence.start,)):]:
        if end > sentence.end:
            break
        inside.append(Span(doc, start - sentence.start, end - sentence.start, label=label))
    doc.ents = inside
    return doc


# ---------------------------------------------------------------- a workplace's name whole

@functools.lru_cache(maxsize=1)
def branched_charities() -> frozenset[str]:
    """National charities whose local branches are workplaces of their own ("Leeds Mind",
    "Age UK Quarrow", "Mind in Quarrow"): the charity groups of the public terms."""
    return frozenset(t.lower() for g in ("charities", "national_charities_and_helplines", "funders_and_charities")
                     for t in lexicon.public_group(g))


@functools.lru_cache(maxsize=1)
def _bodies_in_any_case() -> frozenset[str]:
    """The public bodies of several words public in any case (``body_in_any_case``: "Shaw
    Trust", "Nightingale Hospital"), lower-cased."""
    return frozenset(t.lower() for t in lexicon.builtin_public_terms() if " " in t and body_in_any_case(t))


@functools.lru_cache(maxsize=1)
def _lower_branch() -> re.Pattern:
    """A national charity typed in lower case straight before a local name, with "in" or
    "of" between or nothing (group "of")."""
    names = sorted((re.escape(c) for c in branched_charities() if c.replace(" ", "").isalpha()), key=len, reverse=True)
    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(names)})[ \t]+(?P<of>(?:in|of)[ \t]+)?$")


# What places someone at a workplace straight before its name ("joined", "at the", "via").
_BEFORE_WORKPLACE = re.compile(r"(?<![\w'’-])(?:at|for|with|from|joined|left|by|to|into|through|via|the)\s+$",
                               re.IGNORECASE)
# Words of a workplace's kind typed after its name in a survey's lower case or capitals
# ("larchmoor recovery college", "QUILLBY CARE GROUP").
_KIND_WORD = r"[ \t]+[^\W\d_]+(?:['’-][^\W\d_]+)?"  # one word after a name, "co-op" one word
_KIND_RUN = re.compile(rf"(?:{_KIND_WORD})+")


def _after_kind_words(text: str, end: int, n: int) -> int:
    """Where the ``n`` words after ``end`` end."""
    return end + len(re.match(rf"(?:{_KIND_WORD}){{{n}}}", text[end:]).group())
# A figure inside a workplace's name, before its kind ("Route 24 Counselling", "Ashby 2 Wellbeing").
_NAME_AND_FIGURE = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*[ \t]+){1,3})\d{1,4}[ \t]+$")


def workplaces_whole(text: str, found: list[Finding], public_spans: list[tuple[int, int]],
                     names: NameFinder) -> list[Finding]:
    """A workplace's name found in part is taken whole, with what the finding left of it:
    - a national charity beside a local name, a branch ("Age UK Quarrow", "Mind in Quarrow",
      "Quarrow Women's Aid"; typed in lower case, after "at", "with"...); not after "in" a
      known place ("Mind in Leeds": the charity, there);
    - a capitalised word the ordinary-word list keeps, opening a workplace's name (or a name of
      English words no given name opens, "Green Shoots") after a word that places someone at
      one ("joined Welcome House", "at Quality Care Services"; not a job's word, "the Senior
      Leadership Team");
    - the words of its kind after a name typed in lower case or capitals ("larchmoor recovery
      college"), unless the name is a known place ("leeds hospital"); after "the", a kind of
      place or group in lower case after a capitalised name ("the Quarrow hub");
    - a name and a figure before its kind ("Route 24 Counselling").
    A county or region named with a workplace's kind is a local service's name whole
    (``named_by_an_area``: "Surrey Counselling", "Dorset Care").
    The other items of a lower-case list holding a workplace follow (``listed_with``)."""
    areas = named_by_an_area(text, found, public_spans)
    if areas:  # the kind's words read as a name of their own ("Somerset Psychotherapy") are the service's
        found = [f for f in found if not any(e.start <= f.start and f.end <= e.end for e in areas)] + areas
    if not found:
        return found
    out = []
    charities = [(a, b) for a, b in public_spans if text[a:b].lower() in branched_charities()]
    bodies = [(a, b) for a, b in public_spans if text[a:b].lower() in _bodies_in_any_case()]
    places = lexicon.places()
    for f in found:
        start, end, kind = f.start, f.end, f.kind
        if numbered(f.kind):
            surface = text[f.start:f.end]
            for a, b in charities:
                between_after = text[b:start]
                between_before = text[end:a]
                if re.fullmatch(r"[ \t]+", between_after) or (
                        re.fullmatch(r"[ \t]+(?:in|of)[ \t]+", between_after) and surface.lower() not in places):
                    start, kind = a, "ORG"
                elif re.fullmatch(r"[ \t]+", between_before) and (not surface.islower() or f.kind == "ORG"):
                    # (in lower case, a name already read as a workplace's: "brackenholt
                    # rape crisis"; "never mind" stays)
                    end, kind = b, "ORG"
                elif a < end and start < b and (a < start or b > end):  # across it: "Quarrow Women" of "Women's Aid"
                    start, end, kind = min(a, start), max(b, end), "ORG"
            for a, b in bodies:
                if f.kind == "ORG" and surface.islower() and re.fullmatch(r"[ \t]+", text[end:a]):
                    # a body public in any case after a name typed in lower case and read as a
                    # workplace's ("quillmere shaw trust"): its branch, whole, as when capitalised
                    end = b
            if (start, end) == (f.start, f.end) and surface.islower():
                # typed in lower case, where a public name is no longer told by its capitals:
                # "volunteer at mind in quarrow", "worked at age uk quarrow", after a word
                # placing someone at a workplace ("never mind in quarrow" stays a word)
                m = _lower_branch().search(text, max(0, start - 40), start)
                if m and _BEFORE_WORKPLACE.search(text, max(0, m.start() - 12), m.start()) \
                        and (not m.group("of") or surface not in places):
                    start, kind = m.start(), "ORG"
        words = text[start:end].split()
        # A name of English words, no given name first ("Shoots" of "Green Shoots"), after an
        # ordinary-list word is a coined name, whatever it was first read as.
        coined = numbered(kind) and bool(words) and words[0][:1].isupper() and not words[0].isupper() \
            and all(lexicon.is_ordinary(re.sub(r"['’]s$", "", w).lower()) for w in words) \
            and words[0].lower() not in names.first_names
        if (kind == "ORG" or coined) and (start, end) == (f.start, f.end):
            if words and (words[-1].lower() in ORG_WORDS or coined):
                # ordinary-list words before the name, after a word placing someone there; a
                # job's or a title's word before a name ending in its kind, after a word placing
                # someone, not after "the" or "to" ("at Head Space Therapies", "joined Nurse Plus
                # Agency"; "the Senior Leadership Team", "escalated to Senior Management Team")
                pos, k, titled = start, 0, False
                while k < 2:
                    m = re.search(r"(?<![\w'’-])([A-Z][a-z'’]+)[ \t]+$", text[max(0, pos - 30):pos])
                    if not m or m.group(1) not in names.words or m.group(1).lower() in STOP_WORDS:
                        break
                    titled = titled or m.group(1).lower() in JOB_MODIFIERS | ROLE_WORDS | SURNAME_TITLES
                    pos, k = pos - len(m.group()), k + 1
                placed = _BEFORE_WORKPLACE.search(text, max(0, pos - 12), pos) if k else None
                if placed and not (titled and (placed.group().split()[0].lower() in ("the", "to")
                                               or words[-1].lower() not in ORG_WORDS)):
                    start, kind = pos, "ORG"
            m = _NAME_AND_FIGURE.search(text, max(0, start - 60), start)
            if m and words and words[0].lower() in ORG_WORDS and not _BEFORE_FIGURE_NOT_NAME.match(m.group(1)):
                start = m.start(1)
        if numbered(kind) and kind == "PERSON" and (end, start) == (f.end, f.start) and text[start:end][:1].isupper():
            # A name read as someone's, before a kind of place no one is called by
            # ("Tallowby hub", "Greenbank collective"): a workplace's.
            run = _KIND_RUN.match(text, end)
            # (a name in capitals, no given name in it, with its kind in capitals: "QUARROW
            # EMPLOYEE ASSISTANCE"; "TOLD SARAH MENTAL HEALTH SERVICES WERE ..." stays someone's)
            shouted = text[start:end].isupper() and len(text[start:end]) > 3 \
                and not any(w.lower() in names.first_names for w in text[start:end].split())
            n = kind_words(run.group().split()[:4], "person-upper" if shouted else "person") if run else 0
            if n:
                end = _after_kind_words(text, end, n)
                kind = "ORG"
        elif numbered(kind) and kind == "PERSON" and (end, start) == (f.end, f.start) and text[start:end].islower() \
                and (run := _KIND_RUN.match(text, end)):
            # typed in lower case, a name read as someone's before a kind and "of" what it
            # teaches or does ("ashby school of psychotherapy"): no one is called so
            words = run.group().split()[:4]
            n = next((n for n in (4, 3) if len(words) >= n and words[1] == "of" and described_kind(words[:n])), 0)
            if n:
                end = _after_kind_words(text, end, n)
                kind = "ORG"
        if numbered(kind) and kind != "PERSON" and (end, start) == (f.end, f.start):
            # A kind written with a hyphen, its first half the name's end ("Quarrow Co-op").
            hyphen = re.match(r"[-–][^\W\d_]+", text[end:])
            last = re.search(r"[^\W\d_]+$", text[start:end])
            if hyphen and last and (last.group() + "-" + hyphen.group()[1:]).lower() in KINDS_AFTER_A_NAME:
                end, kind = end + hyphen.end(), "ORG"
            surface = text[start:end]
            typed = "lower" if surface.islower() else "upper" if surface.isupper() and len(surface) > 3 else None
            # A capitalised name after "the" with its kind in lower case: "the Quarrow hub",
            # "the Leeds team" (a town's team is a workplace too).
            named = typed is None and surface[:1].isupper() and bool(_THE_BEFORE.search(text, max(0, start - 5), start))
            # A capitalised name with its kind typed in lower case, a workplace's already or
            # after a word placing someone there ("at Brightwater counselling", "Quarrow
            # recovery college were good").
            after = typed is None and not named and surface[:1].isupper() and (
                kind == "ORG" or bool(_BEFORE_WORKPLACE.search(text, max(0, start - 12), start)))
            # A saint's name with its "'s" ("St Aldric's care home"): the kind follows the "'s".
            saint = re.match(r"['’]s(?=[ \t])", text[end:]) if re.match(r"(?:St\.?|Saint)\s", surface) else None
            if saint and after:
                end += saint.end()
            if typed and (of := _of_field(text, end)):
                # its kind ending the name found, what it teaches or does after "of"
                # ("ashby school" of "ashby school of psychotherapy")
                end, kind = of, "ORG"
            run = _KIND_RUN.match(text, end) if typed or named or after else None
            # After a known town, only a public service's or charity's name is a workplace's
            # kind, where a word places someone there ("worked for leeds iapt"): "in leeds
            # hospital" says where.
            town = surface.lower() in places
            if run and town and not named and not _BEFORE_WORKPLACE.search(text, max(0, start - 12), start):
                run = None
            if run:
                n = kind_words(run.group().split()[:4],
                               "named" if named else "town" if town else "after" if after else typed)
                if n:
                    end = _after_kind_words(text, end, n)
                    kind = "ORG"
        if numbered(kind) and kind != "LOC" and text[start:start + 1].isupper() and (m := _COMPASS_AFTER.match(text, end)):
            # A compass word ending a workplace's capitalised name is the name's, its branch or
            # area ("Next Step East", "Open Door North West"); not before a place's name of its
            # own ("Next Step East Riding", "... West Yorkshire": the place rules'), nor a direction ("east of
            # the river"). After a name read as someone's, a workplace's branch too ("Then
            # Next Step East took over"): a person's surname was found with the name.
            end, kind = m.end(), "ORG"
        elif numbered(kind) and kind != "LOC" and text[start:start + 1].isupper() \
                and (m := _INTERJECTION_ENDING.match(text, end)):
            # A word the ordinary list keeps as an interjection ("Well"), capitalised
            # straight after a workplace's capitalised name, no pause between, ends the name
            # ("at Talk Well for years", "joined Think Well in 2019"): said as a word it
            # opens a sentence or follows a pause. After a name read as someone's too ("at
            # Spring Well", "at Amara Well"; "I knew Priya Well enough" loses a word, the lesser
            # harm), a workplace's unless the name is a given name no word is.
            end = m.end()
            if not recognizers.given_not_a_word(text[start:end].split()[0]):
                kind = "ORG"
        elif kind == "ORG" and text[start:end].islower() and (m := _COMPASS_AFTER_LOWER.match(text, end)):
            # typed in lower case, where the clause or the sentence ends after it ("i worked at
            # next step east for a year"); "... east of the river", "... north wing" stay
            end = m.end()
        if kind == "ORG" and text[start:end].islower() and (m := _NAME_AND_BEFORE.search(text, max(0, start - 40), start)) \
                and joined_by_and(text, m, found, public_spans):
            # typed in lower case, a word of the name before "and" ("tees and" of "tees and
            # wenlow partnership trust"), the name said after a word placing someone there
            start = m.start("word")
        out.append(f if (start, end, kind) == (f.start, f.end, f.kind) else
                   Finding(start, end, kind, f.score, f.recognizer))
    return out + listed_with(text, out)


# A word and "and" straight before a workplace's name typed in lower case, after a word that
# places someone at a workplace ("at", "for", "part of"...).
_NAME_AND_BEFORE = re.compile(rf"(?<![\w'’-])(?:{recognizers.alternatives(recognizers.placed_at('before_and'))}"
                              r"|the|part[ \t]+of)[ \t]+(?P<word>[a-z][a-z'’-]+)[ \t]+(?:and|&)[ \t]+$")


def joined_by_and(text: str, m: re.Match, found: list[Finding], public_spans: list[tuple[int, int]]) -> bool:
    """Whether the word before "and" (``m``'s "word") is the first of a workplace's name, two
    names joined ("tees and wenlow partnership trust"): a word few texts use or one found as a
    name, not an everyday word ("at home and ..."), a word of grammar, a kind ending another
    workplace's name ("at quarrow house and ..."), a public name ("for the nhs and ..."), nor
    the end of another name found ("at [rowan house] and ...")."""
    word, a, b = m.group("word"), m.start("word"), m.end("word")
    if word in STOP_WORDS or word in recognizers._STOP or lexicon.is_everyday(word) or word in ORG_WORDS \
            or word in KINDS_AFTER_A_NAME or word in recognizers.public_lower() \
            or any(p < b and a < q for p, q in public_spans):
        return False
    return not any(f.start < a < f.end for f in found)  # (a finding over the word, from before it)


# The compass words ending a workplace's name, its branch's or area's ("Next Step East"),
# said alone elsewhere a direction or a region ("the East"), no part of the name
# (data/recognizer_words.yml: which_or_where's "branch").
_BRANCH_WORDS = recognizers.which_or_where("branch")
# Such a word, or two points of the compass ("north east", "South-West"), as a pattern in
# lower case, the two first.
_BRANCH = "(?:north|south)[ -](?:east|west)|" + recognizers.alternatives(_BRANCH_WORDS)
# The adverb the ordinary-word list holds as an interjection ("Well, ...") that ends services'
# names ("Talk Well", "Live Well", "Think Well"), capitalised straight after a name, then no
# pause ("Well done" is praise).
_INTERJECTION_ENDING = re.compile(r"[ \t]+Well(?![\w'’-]|[ \t]*[,:;]|[ \t]+done\b)")
# A compass word (or two) typed in lower case after a name in lower case, then the text's,
# the sentence's or the clause's end or a small word that is no direction's ("east of", "north to").
_COMPASS_AFTER_LOWER = re.compile(rf"[ \t]+(?:{_BRANCH})"
                                  r"(?=$|[ \t]*[.,;:!?)]|[ \t]+(?:for|in|on|at|and|but|was|were|is|are|had|has|then|when"
                                  r"|until|since|as|so|because|where|which|who|paid|took|ran|shut|closed)\b)")
# A capitalised compass word (or two) straight after a name, then no capitalised word.
_COMPASS_AFTER = re.compile(rf"[ \t]+(?:{_BRANCH.title()})(?![\w'’-]|[ \t]+(?:[A-Z0-9]|of\b))")


@functools.lru_cache(maxsize=1)
def _areas() -> frozenset[str]:
    """The UK's regions, counties and council areas of one word ("Surrey", "Lothian"):
    public names of places."""
    return frozenset(t for g in ("uk_regions", "english_counties", "welsh_scottish_and_northern_irish_areas")
                     for t in lexicon.public_group(g) if re.fullmatch(r"[A-Z][a-z]+", t))


# Kinds that after a county name a public body of it, not a local service ("Surrey County
# Council", "Powys Teaching Health Board", "Kent Police").
_AREA_BODIES = frozenset({"council", "board", "county", "health", "police", "fire", "ccg", "company", "group", "team"})
_CAPITAL_WORD = re.compile(r"[ \t]+([A-Z][a-z]+|CIC|Ltd|LLP)\b(?!['’-])")


def named_by_an_area(text: str, found: list[Finding], public_spans: list[tuple[int, int]]) -> list[Finding]:
    """'Surrey Counselling', 'Merseyside Talking Therapies', 'Dorset Care': a county's or
    region's name (a public name) with capitalised words of a workplace's kind after it
    (``ORG_WORDS``) names a local service, whole, as a town's name does; not its council,
    health board or police ("Kent County Council"), and not where a name was found there."""
    extra = []
    for a, b in public_spans:
        if text[a:b] not in _areas():
            continue
        end, pos = b, b
        while (m := _CAPITAL_WORD.match(text, pos)) and m.group(1).lower() in ORG_WORDS:
            if m.group(1).lower() in _AREA_BODIES and end == b:
                break
            end = pos = m.end()
        if end > b and not any(f.start < b and a < f.end or f.start < end < f.end for f in found):
            extra.append(Finding(a, end, "ORG", 0.6, "named-by-an-area"))
    return extra


# The items of a list typed in lower case, after a workplace found in it or before it.
_NEXT_ITEM = re.compile(r"(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)"
                        r"(?P<item>[a-z][a-z'’-]*(?:[ \t]+[a-z][a-z'’-]*){0,2})")


def listed_with(text: str, found: list[Finding]) -> list[Finding]:
    """'i've worked for quillmere lodge, orrin house, and fennick care': typed in lower
    case, the other items of a list holding a workplace are workplaces too, where each holds a
    word English rarely uses; not "the day centre", "home", "nights" (ordinary words)."""
    extra = []
    for f in found:
        if f.kind != "ORG" or not text[f.start:f.end].islower():
            continue
        end = f.end
        while True:
            m = _NEXT_ITEM.match(text, end)
            if not m:
                break
            words = m.group("item").split()
            # The item is the words before one that ends a name ("... fennick care over the years").
            cut = next((i for i, w in enumerate(words) if w in STOP_WORDS), len(words))
            words = words[:cut]
            item_end = m.start("item") + len(" ".join(words))
            if not words or text[m.start("item"):item_end] != " ".join(words):
                break
            # Public names opening the item are no part of a name, and the list goes on after
            # them ("..., iapt and penhallow"; "iapt ashcombe": "ashcombe"; "the ashdene and
            # hmrc paid my pip": no name).
            public = 0
            while opening := recognizers.public_opening(words[public:]):
                public += opening
            named = words[public:]
            # (a chat abbreviation, "ngl", "tbf", is no item)
            if any(lexicon.is_rare(w) and not lexicon.is_field_word(w) and w not in words_set("chat_abbreviations")
                   for w in named):
                extra.append(Finding(item_end - len(" ".join(named)), item_end, "ORG", 0.55, "listed-workplace"))
            elif not public:
                break
            end = item_end
    return extra


# The roles of the kinds of workplace in kind_words: data/workplace_kinds.txt says what each means.
_NAMED_KINDS = lexicon.workplace_kinds("after-the")  # "the Quarrow hub"
_WORDS_AFTER_A_NAME = lexicon.workplace_kinds("sentence-word")  # "Quarrow Lodge support was good"
_NO_ONES_KINDS = lexicon.workplace_kinds("no-one")  # "Tallowby hub"
_THE_BEFORE = re.compile(r"(?<![\w'’-])the[ \t]+$", re.IGNORECASE)


def kind_words(words: list[str], how: str | None) -> int:
    """How many of ``words`` (the words after a workplace's name) are its kind: at most two
    kinds, each a word of ``ORG_WORDS`` or a phrase of ``KINDS_AFTER_A_NAME``, the longest first,
    typed as the name is ("lower", "upper"); after "the" and a capitalised name ("named"), a
    kind of place or group in lower case ("the Quarrow hub", "the Quarrow crisis team"); after
    a capitalised name placed as a workplace ("after"), its kind in lower case, not a word that
    as often opens the sentence's next phrase ("at Brightwick counselling", not "support"); after
    a known town ("town"), a public service's or charity's name in lower case ("leeds iapt"),
    a kind of place no one lives in ("Bolton hub") or words of what service it is before a word
    ending a workplace's name (``described_kind``: "leeds psychological health"); after a name read as someone's ("person"), a
    kind of place no one is called by ("Tallowby hub"); after such a name in capitals
    ("person-upper"), a kind of several words in capitals ("TALLOWBY EMPLOYEE ASSISTANCE")."""
    from ingest.redact.recognizers import public_lower

    if how == "named":
        # the kinds of work before the kind of place or group: "the Quarrow counselling
        # service", "the Tallowby young carers project" (not "the London health service")
        for j in range(len(words), 1, -1):
            if words[j - 1] in _NAMED_KINDS and kind_words(words[:j - 1], "after") == j - 1:
                return j
    n = steps = 0
    while n < len(words) and steps < 2:
        for k in range(len(words) - n, 0, -1):
            part = words[n:n + k]
            if not all(w.isupper() if how in ("upper", "person-upper") else w.islower() for w in part):
                continue
            phrase = " ".join(part).lower().replace("’", "'")
            if how == "named":
                ok = (k == 1 and phrase in _NAMED_KINDS) or (phrase in KINDS_AFTER_A_NAME and part[-1] in _NAMED_KINDS)
            elif how == "person":
                ok = (k == 1 and phrase in _NO_ONES_KINDS) or (k > 1 and phrase in KINDS_AFTER_A_NAME)
            elif how == "person-upper":
                ok = k > 1 and (phrase in KINDS_AFTER_A_NAME or described_kind(phrase.split()))
            elif how == "after":
                ok = (k == 1 and phrase in ORG_WORDS and phrase not in _WORDS_AFTER_A_NAME) or phrase in KINDS_AFTER_A_NAME
            elif how == "town":
                ok = (phrase in public_lower() and (phrase in KINDS_AFTER_A_NAME or phrase in ORG_WORDS)) or (
                    k > 1 and phrase in KINDS_AFTER_A_NAME and part[-1] in _NAMED_KINDS) or (
                    k == 1 and phrase in _NO_ONES_KINDS - {"centre", "center", "clinic", "surgery"}) or (
                    described_kind(part))  # words of its service, then its kind: "leeds psychological health"
            else:
                ok = (k == 1 and phrase in ORG_WORDS) or phrase in KINDS_AFTER_A_NAME or (
                    how in ("lower", "upper") and described_kind(phrase.split()))
            if ok:
                n, steps = n + k, steps + 1
                break
        else:
            break
    return n


def _of_field(text: str, end: int) -> int | None:
    """Where "of" and what a workplace teaches or does end, after a name found that ends in
    its kind ("school" + " of psychotherapy"): ``described_kind``; else None."""
    last = re.search(r"[^\W\d_]+$", text[max(0, end - 30):end])
    for n in (2, 1):
        m = re.match(rf"[ \t]+of(?:{_KIND_WORD}){{{n}}}(?![\w'’-])", text[end:])
        if last and m and described_kind([last.group().lower(), *m.group().lower().split()]):
            return end + m.end()
    return None


def described_kind(words: list[str]) -> bool:
    """Words of a workplace's kind that say what kind of service it is, typed after its name
    in lower case or capitals (lower-cased here): words that describe a service, then a word
    ending a workplace's name ("psychological health", "employee assistance", "carers
    together"); or such a word then "of" and what it teaches or does ("school of
    psychotherapy", "college of nursing"). At most four words."""
    if not 1 < len(words) <= 4:
        return False
    if len(words) > 2 and words[1] == "of":
        services = recognizers.service_words()
        return words[0] in ORG_WORDS and all(w in services or w in ORG_WORDS for w in words[2:])
    return recognizers.service_then_kind(words)


# Before a figure, words that say what it counts, not a name ("Band 6", "Step 2", "Ward 7").
_BEFORE_FIGURE_NOT_NAME = re.compile(r"(?i)(?:band|step|ward|level|tier|stage|section|year|unit|room|floor|bay)\s*$")


# "of" and a public body after a one-word public name that is a given name: someone from that
# body ("Sky of Greater Manchester Police"), not the public name.
_OF_A_BODY = re.compile(r"\s+of\s+(?:the\s+)?")
# A workplace's name straight before its letters set beside it ("Nightingale Care Solutions, NCS,",
# "... Solutions (NCS)"): capitalised words, small ones between, a comma or a bracket.
_NAME_BEFORE_ITS_LETTERS = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:[ \t]+(?:(?:and|of|&)[ \t]+)?[A-Z][\w'’-]*){1,5})"
                                      r"[ \t]*(?:,|\()[ \t]*$")


def _letters_set_beside_their_name(text: str, a: int, b: int) -> bool:
    """Capitals a public body's letters too ("NCS"), set beside a workplace's name they are the
    initials of ("Nightingale Care Solutions (NCS)"): no public body's there, so the source's
    letters of the name found take them (between commas no rule takes such letters yet)."""
    letters = text[a:b]
    if not re.fullmatch(r"[A-Z]{2,5}", letters):
        return False
    m = _NAME_BEFORE_ITS_LETTERS.search(text, max(0, a - 80), a)
    if m is None:
        return False
    name = m.group("name").split()
    words = [w for w in name if w.lower() not in ("and", "of", "&")][-len(letters):]
    if len(words) != len(letters) or "".join(w[0] for w in words) != letters or words[-1].lower() not in ORG_WORDS:
        return False
    spelled = " ".join(name[name.index(words[0]):]).lower()
    # (not a public body's name spelled out, "the Nursing and Midwifery Council (NMC)", nor words of
    # a service's kind alone, "Home Treatment Team (HTT)")
    return spelled not in recognizers.public_lower() and not all(
        w.lower() in recognizers.service_words() or w.lower() in recognizers.kind_words() for w in words)


# Greeted, thanked or told sorry opening a sentence, a comma, then the name ending it: someone
# addressed ("Sorry, Sky.", "Thanks, Sky!"), not the word ("Sorry, Sky News"), nor a correction
# ("I was at Tesco, sorry, Aldi."); of the built-in public names given in Britain only: a host's
# name a source lists as public stays ("Thanks, Marnie."), and a brand ("Thanks, Aldi.").
_GREETED_BEFORE = re.compile(rf"(?:^|[.!?][ \t]+)(?i:{recognizers.alternatives(recognizers.greetings())}|thank[ \t]+you)"
                             r"[ \t]*,[ \t]*$")
_ENDS_THE_SENTENCE = re.compile(r"[ \t]*(?:[.!?]|$)")
# Or the name opens a sentence, then a job is said of them ("Sky was the OT"; names.a_job_said_after),
# or a job is said to be them, the name ending what is said ("our OT was Sky, and"; a_job_said_before),
# or the name labels a speaker's turn ("SKY: I qualified"; names.labels_a_speakers_turn).
_OPENS_A_SENTENCE = re.compile(r"(?:^|[.!?][ \t]+)$")
_ENDS_A_CLAUSE = re.compile(r"[ \t]*(?:[.,;:!?)—–]|$|(?:and|but|who|then|back)\b)")


class Engine:
    def __init__(self, model: str, public_terms: Iterable[str], keep: Iterable[str]):
        self.model_name = model
        self.keep = set(keep)
        ordinary_places = lexicon.ordinary_proper_nouns()[1]
        # Regions and nations of more than one word are public as a whole: "Yorkshire and
        # the Humber" must not lose "Humber" as a place after "the".
        self._public_terms = [*public_terms, *(p for p in ordinary_places if " " in p), *self.keep]
        self.public = _public_matcher(tuple(self._public_terms), tuple(self.keep))
        self.names = NameFinder(self.keep)

    def unless_named(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Public spans, less a one-word public name said as someone's surname: after a
        given name or a title ("Ivy Cadbury", "Dr Boots") it is a person's, and so it is after
        "someone called" ("a woman called Sky")."""
        kept = []
        # A given name paired with "me" or "I" is someone's: "me and Sky", "Sky and I".
        paired = {span for span in paired_with_me(text)
                  if text[span[0]:span[1]].lower() in lexicon.first_names()} if spans else ()
        for a, b in spans:
            if " " not in text[a:b].strip() and CALLED_BEFORE.search(text[max(0, a - 40):a]):
                continue
            if (a, b) in paired or _letters_set_beside_their_name(text, a, b):
                continue
            if " " not in text[a:b].strip() and text[a:b].lower() in lexicon.first_names() and (
                    someone_said_after(text, b)
                    or (_GREETED_BEFORE.search(text, max(0, a - 24), a) and _ENDS_THE_SENTENCE.match(text, b)
                        or _OPENS_A_SENTENCE.search(text, max(0, a - 3), a) and a_job_said_after(text, b)
                        or a_job_said_before(text, a) and _ENDS_A_CLAUSE.match(text, b)
                        or a_job_set_before(text, a, b) and said_of_someone_after(text, b)
                        or labels_a_speakers_turn(text, a, b))
                    and text[a:b].lower() in recognizers.public_lower()  # (not a name the source made public)
                    and lexicon.english_given_name_weight().get(text[a:b].lower())  # (nor a brand: "Thanks, Aldi.")
                    or (of := _OF_A_BODY.match(text, b))
                    and lexicon.english_given_name_weight().get(text[a:b].lower())
                    and any(c == of.end() and said_of_someone_after(text, d) for c, d in spans)):
                continue  # "Sky, our HCA, was brilliant", "Sterling from the night shift", "Sky of Kent
                # Police", "Sorry, Sky.", "Sky was the OT", "my colleague Sky rang", "the ward clerk, Sky, said"
            before = re.search(r"([A-Z][a-z'’-]+)(\.?)\s+$", text[max(0, a - 30):a])
            if before and " " not in text[a:b].strip() and (
                    before.group(1).lower() in TITLE_WORDS
                    # a given name runs on to the surname: "Aldi. Pret for lunch" ends a sentence
                    or (not before.group(2) and before.group(1).lower() in self.names.first_names
                        and before.group(1).lower() not in STOP_WORDS and not self.names.ordinary(before.group(1)))):
                continue
            kept.append((a, b))
        return kept

    def public_with(self, extra: Iterable[str]) -> PublicMatcher:
        """The public terms plus a source's own (its public_names, its collection's title)."""
        extra = list(extra)
        return PublicMatcher(extra, base=self.public) if extra else self.public

    # ------------------------------------------------------------ finding

    def find(self, texts: list[str], public: PublicMatcher | None = None,
             batched: list[bool] | None = None,
             recognized_by_text: dict[str, tuple[list[Finding], list[Finding]]] | None = None) -> list[list[Finding]]:
        """Rules on every token; the model's entities only for sentences the rules cannot decide.

        Tokenising is cheap and the entity recognizer is not: it runs on the sentences that
        open with a capitalised word which could be a name ("Frank. My supervisor."), the one
        place where capitals say nothing. Everywhere else the rules decide alone.

        ``batched`` says which texts the batch recognizers (the trained detector) read; by
        default all. A text given more than once (a survey's question, asked of every
        respondent) is read once. ``recognized_by_text``, if given, is filled with each
        text's per-text recognizer findings (``recognizers.recognized``).
        """
        batched = [True] * len(texts) if batched is None else batched
        unique: dict[tuple[str, bool], int] = {}
        for text, model in zip(texts, batched):
            unique.setdefault((text, model), len(unique))
        found = self._find([t for t, _ in unique], [m for _, m in unique], public or self.public,
                           {} if recognized_by_text is None else recognized_by_text)
        return [list(found[unique[text, model]]) for text, model in zip(texts, batched)]

    def _find(self, texts: list[str], batched: list[bool], public: PublicMatcher,
              recognized_by_text: dict[str, tuple[list[Finding], list[Finding]]]) -> list[list[Finding]]:
        # One entity recognizer, one pass over each text that needs it: the trained
        # detector's where it is shipped (the base model's otherwise) reads whole every text
        # the batch recognizers read and every text with a sentence the rules cannot decide;
        # the rules take its entities inside those sentences, the detector all of them.
        trained = detector.available()
        nlp = detector.load_detector() if trained else load_model(self.model_name)
        docs = [nlp.make_doc(text) for text in texts]
        snippets = [(i, start, end) for i, doc in enumerate(docs) for start, end in self.names.undecided(doc, texts[i])]
        read = [i for i, model in enumerate(batched) if model]
        for _doc in nlp.pipe([docs[i] for i in sorted({i for i, _, _ in snippets} | set(read if trained else ()))],
                             batch_size=256):
            pass  # the entities are set on the docs themselves
        entity_findings: dict[int, list[Finding]] = {}
        entities: dict[int, list[tuple[int, int, int]]] = {}
        for i, start, end in snippets:
            sentence = docs[i].char_span(start, end, alignment_mode="expand")
            if i not in entities:
                entities[i] = [(e.start, e.end, e.label) for e in docs[i].ents]
            sdoc, offset, stext = sentence_doc(sentence, entities[i]), sentence.start_char, sentence.text
            protected = public.spans(stext) + own_labels(stext)
            entity_findings.setdefault(i, []).extend(
                Finding(f.start + offset, f.end + offset, f.kind, f.score, f.recognizer)
                for f in self.names.entity_findings(sdoc, protected))
        # Recognizers that read every text at once (a trained model) are entries of the
        # registry like the others; the detector's entities are those of the pass above.
        by_model = [dict(zip(read, detector.Detector().findings([docs[i] for i in read], [texts[i] for i in read])
                             if r.name == detector.Detector.name and trained else r.find([texts[i] for i in read])))
                    for r in batch_recognizers()]
        results = []
        for i, (text, doc) in enumerate(zip(texts, docs)):
            public_spans = public.spans(text)
            # A public name said as someone's ("someone called Sky", "Ivy Greggs") is not one here.
            public_here = self.unless_named(text, public_spans)
            protected = public_here + own_labels(text) + recognizers.formula_cells(text)
            said_public = Spans(public_here)  # asked of every finding below: sorted once
            # Names from the registry's recognizers (gazetteers, spelled-out forms...): never
            # inside or across a public name.
            if text not in recognized_by_text:
                recognized_by_text[text] = recognized(text)
            # A lower-case surname goes with a given name however the given name was found
            # ("bartosz wisniewski": the gazetteer's given name, not the detector's); so does a
            # title or a nickname's word before it ("wee jimmy").
            found = [extend_figure_of_a_name(text, extend_title(text, extend_surname(text, extend_place_word(text, f))))
                     for f in outside_public(recognized_by_text[text][0], protected, text)]
            # A model's span loses every public term ("Sunderland IAPT", "Grace Zoom") and keep
            # word: whether one is someone's surname is the rules' to say ("Ivy Cadbury").
            models = self.names._allowed(doc, [f for per_text in by_model for f in
                                               detector.outside(text, [f for f in per_text.get(i, []) if not said_of_public(text, f, said_public)],
                                                               public_spans + protected)],
                                         protected, text)
            # A name the rules found in part and a model in part ("orrin vale" of the rules, "vale
            # health foundation" of the detector) is one name: the model's span takes the rules'.
            models = [joined_with(f, found) for f in map(functools.partial(from_a_words_start, text), models) if f]
            found += [extend_figure_of_a_name(text, extend_title(text, extend_surname(text, extend_directions(text, extend_place_word(text, f)))))
                      if numbered(f.kind) else f
                      for f in [*self.names.find(doc, protected, text),
                                *self.names._allowed(doc, entity_findings.get(i, []), protected, text), *models]]
            # (a rule's lower-case workplace a region opens names one: "north east carers together")
            by_rules = {(f.start, f.end, f.recognizer) for f in recognized_by_text[text][0]}
            found = [f for f in found if (not said_of_public(text, f, said_public) or (
                         (f.start, f.end, f.recognizer) in by_rules and public_inside_a_name(text, f, public_here)))
                     and not a_rating(text, f) and not a_letter_and_a_word(text, f) and not a_role_label(text, f)
                     and not a_season(text, f) and not a_national_company(text, f)
                     and not a_service_described(text, f) and not a_region(text, f)]
            found += joined_to_a_name(text, found, said_public)
            found += placed_in_a_place(text, found, said_public)
            found = said_to_be_a_workplace([within_quotes(text, f) for f in found])
            results.append(resolve(workplaces_whole(text, resolve(found, text, said_public), public_here, self.names)))
        return results

    def redact(self, quote_texts: dict[str, str], metadata_texts: dict[str, str],
               seeds: list[Term], public: PublicMatcher | None = None) -> Redaction:
        """Redact quotes and published metadata (titles, descriptions, speaker descriptions,
        questions). Metadata is searched too: a name a curator typed into a description is as
        identifying as one spoken in a quote, and is then redacted wherever it occurs."""
        public = public or self.public
        all_texts = {**quote_texts, **metadata_texts}
        keys = list(all_texts)
        # Metadata is not the trained detector's: curated titles and lists are capitalised
        # throughout, the cue it leans on ("Interviews with ..." is no one); the rules read them.
        seen: dict[str, tuple[list[Finding], list[Finding]]] = {}
        findings = dict(zip(keys, self.find([all_texts[k] for k in keys], public,
                                            batched=[k in quote_texts for k in keys], recognized_by_text=seen)))
        views: dict[str, View] = {}  # (quotes normalised once for both number rules)
        for key, found in phones_across_quotes(quote_texts, views).items():
            findings[key] = resolve(findings[key] + found)
        for key, found in phones_said_again(quote_texts, findings, views).items():
            findings[key] = resolve(findings[key] + found)
        for key, found in ni_numbers_across_quotes(quote_texts, views).items():
            findings[key] = resolve(findings[key] + found)
        for key, found in postcode_districts_said_again(quote_texts, findings, views).items():
            findings[key] = resolve(findings[key] + found)
        # A quote typed in capitals throughout ("I WORKED FOR ..."), as survey answers may be:
        # its capitals say nothing, so it is read again in lower case, where the rules for text
        # without the capital cue apply; what either reading finds goes.
        # A public name the capitals spell ("ACAS", "MHCT") is read in the lower-case copy as a
        # word or a place ("acas"): what that copy finds wholly inside one is not found.
        shouted = [k for k in quote_texts if shouted_text(quote_texts[k])]
        for key, found in zip(shouted, self.find([quote_texts[k].lower() for k in shouted], public) if shouted else []):
            text = quote_texts[key]
            # Its capitals read as a name's a word of English after "MY", "A", "HER"...
            # ("MY POSTCODE IS", "MY PAYSLIP WAS WRONG"): the capitals say nothing there; the
            # lower-case reading says whether it is someone's.
            said = Spans(self.unless_named(text, public.spans(text)))
            found = [f for f in found if KINDS[f.kind].structured or not said.holds(f.start, f.end)]
            read_small = Spans([(f.start, f.end) for f in found])
            findings[key] = [f for f in findings[key] if not _a_word_shouted_after_a_determiner(text, f, self.names)
                             and not (_words_shouted(text, f, self.names) and not read_small.overlapping(f.start, f.end))]
            findings[key] = resolve(findings[key] + found)
        # Words of English typed in capitals inside a line typed with capitals where English puts
        # them ("I left because ANCHOR HOUSE wouldn't...", "Everyone at PATHWAYS is..."): a name
        # typed so, or a stress. The line is read again with them capitalised as a name is; a
        # workplace that reading finds on them goes. (A place in capitals is the gazetteer's,
        # "moved to LEEDS"; people typed so are found as they are, "my manager JANE"; a word read
        # as someone's only once capitalised is a stress, "I mean AWFUL".)
        emphasised = {k: read for k in quote_texts if k not in shouted
                      and (read := capitals_read_as_names(quote_texts[k], public)) is not None}
        for key, found in zip(emphasised, self.find([read for read, _ in emphasised.values()], public)
                              if emphasised else []):
            runs = Spans(emphasised[key][1])
            found = [f for f in found if f.kind == "ORG" and runs.overlapping(f.start, f.end)]
            if found:
                findings[key] = resolve(findings[key] + found)
        for key in metadata_texts:
            text = all_texts[key]
            # The registry's findings, as in a quote ("NHS-funded" is no one's name said with a stress).
            protected = self.unless_named(text, public.spans(text)) + own_labels(text)
            findings[key] = resolve([f for f in outside_public(seen[text][0], protected) if not a_region(text, f)] + [
                f for f in findings[key]
                if _named_in_metadata(text, f, self.names.first_names, listed=key.startswith("speaker:"))])
        # A word said after "at" again and again in text typed in lower case ("at hearth, it's",
        # "nobody else at hearth") is a workplace's name: read across the source's quotes, a line
        # in capitals in lower case.
        as_read = {k: quote_texts[k].lower() if k in shouted and len(quote_texts[k].lower()) == len(quote_texts[k])
                   else quote_texts[k] for k in quote_texts}
        for key, more in zip(as_read, recognizers.workplaces_said_at_again(list(as_read.values()))):
            if more:
                findings[key] = resolve(findings[key] + more)
        # Two words said after someone's work again and again there, read as a workplace's by the
        # detector once capitalised ("the contract at meeting point", "i know meeting point had
        # them"); not a public name ("at young minds"), nor where another recognizer found a
        # name already: its reading stands (and its kind, where capitals elsewhere say more).
        for key, more in zip(as_read, recognizers.workplaces_of_two_words_read_so(list(as_read.values()),
                                                                                 detector.read_as_workplaces)):
            if more:
                taken = Spans(public.spans(as_read[key]) + [(f.start, f.end) for f in findings[key]])
                more = [f for f in more if not taken.overlapping(f.start, f.end)]
                findings[key] = resolve(findings[key] + more)
        # In a source that says "ward", a word wards are named after said alone where a ward is
        # ("then on foxglove for a month") is another ward's name.
        if any(_WARD_WORD.search(t) for t in all_texts.values()):
            for key in quote_texts:
                more = wards_said_alone(all_texts[key], findings[key])
                if more:
                    findings[key] = resolve(findings[key] + more)
        # Terms: seeds, then every name and structured identifier found.
        terms = list(seeds)
        # A workplace listed to redact ("Quarrow Vale Counselling") is named again by its
        # initials ("QVC", "QV") and its name without its kind, said or not in full.
        terms += [t for seed in seeds if seed.kind in ("ORG", "REDACT") and workplace_named(normalise(seed.surface))
                  for t in short_forms_searched_for(seed.surface, public)]
        # A workplace's letters its short forms make or the source gives ("OPT" of "Orrinford
        # Psychological Therapies"), though English writes them as a word.
        workplace_letters = _letters(terms[len(seeds):])
        said_at: list[Term] = []
        said_bare: list[Term] = []  # ... anywhere but after a determiner
        said_at_small: set[str] = set()
        # other forms the source writes a name in → the name: the letters it gives for a workplace's
        # ("AVMH"), a name run together in a hashtag ("fernleacare")
        letters_of: dict[str, str] = {}
        first_words: list[Term] = []  # a workplace's first word alone, an everyday word: where a workplace is said
        without_service: list[Term] = []  # a workplace's name without the words of its service
        initials_said: list[Term] = []  # a person's initials: where someone is said (said_as_someones_initials)
        for key in keys:
            text = all_texts[key]
            for f in findings[key]:
                surface = text[f.start:f.end]
                if f.kind in ("PERSON", "LOC") and a_workplace_by_its_make(normalise(surface), (f.kind,)):
                    # read as a person or a place by a model ("Marrowby Mental Health Support"), it
                    # is searched for as the workplace its kinds are settled to below: its initials,
                    # its first word; its words are no person's said alone
                    f = Finding(f.start, f.end, "ORG", f.score, f.recognizer)
                if f.kind == "ORG" and stop_words_only(surface):
                    # A workplace named by small words only ("Still Here"): no name matcher
                    # searches for those in lower case ("i'm still here" is no name); it is
                    # searched for where a workplace is said, its name ending there
                    # ("when i say 'i'm at still here'").
                    said_at_small.add(surface.lower())
                if f.recognizer in READ_WHERE_A_WORKPLACE_IS and (surface.islower() or surface.isupper()) \
                        and all(lexicon.is_ordinary(w) for w in re.findall(r"[a-z]+", surface.lower())):
                    # A workplace of ordinary words read from a post before it ("pwp at new
                    # roots") is searched for capitalised, and in lower case (or in a line of
                    # capitals) only where a workplace is said ("at new roots"): "new roots" is
                    # no name elsewhere.
                    # Logged as found where said (WHERE_SAID): the export's check does not
                    # search for it in every sentence either.
                    said_at.append(Term(surface, f.kind, True))
                    continue
                if numbered(f.kind):
                    terms.append(make_term(surface, f.kind))
                    if f.kind == "LOC" and (bare := without_its_place_word(surface)):
                        terms.append(make_term(bare, f.kind))  # "skelby" of "skelby marsh", said alone again
                    if f.kind == "PERSON" and (word := aliases.spelled(normalise(surface))) and len(word) >= 3 \
                            and not lexicon.is_field_word(word) and (not lexicon.is_ordinary(word) or word in self.names.first_names):
                        terms.append(make_term(word.title(), f.kind))  # spelled out, said whole too: "Zaborowski."
                    if f.kind == "PERSON" and re.search(r"[a-z][A-Z]", surface):  # "JaneDoe": "Jane", "Doe"
                        terms += joined_name_terms(surface, public)
                    # The letters the source gives for a workplace, or for one named after
                    # someone and read as them ("Eleanor Prynne Centre": "the EPC").
                    given = letters_given_for(text, f.start, f.end, public) if f.kind == "ORG" or (
                        f.kind == "PERSON" and workplace_named(normalise(surface))) else []
                    letters_of.update((normalise(t.surface), normalise(surface)) for t in given)
                    if f.kind == "PERSON":
                        terms += initials_of_words_read_as_someone(surface, self.names.first_names) + given
                        initials_said += initials_of_someone(surface, self.names.first_names, public)
                    if f.kind == "ORG":
                        shorts = short_forms_searched_for(surface, public)
                        if _CAPITAL_INSIDE.search(surface):  # (its letters of a word's parts are its: "NND")
                            letters_of.update((normalise(t.surface), normalise(surface)) for t in shorts if t.surface.isupper())
                        # (one of small words only, "Other Side" of "Other Side Bristol", as the
                        # name of small words is searched for: where a workplace is said)
                        said_at_small |= {t.surface.lower() for t in shorts if stop_words_only(t.surface)}
                        # Typed in lower case, one of ordinary words ("first step" of "first step
                        # swindon") is searched for capitalised, and in lower case wherever the
                        # source says it but after a determiner: "the first step", "a new start",
                        # "my next step" are the words.
                        plain = [t for t in shorts if surface.islower() and " " in t.surface
                                 and all(lexicon.is_ordinary(w) for w in t.surface.split())]
                        plain_terms = [Term(t.surface, "ORG", True) for t in plain]
                        said_at += plain_terms  # (capitalised below)
                        said_bare += plain_terms
                        shorts = [t for t in shorts if t not in plain]
                        terms += shorts + given
                        workplace_letters |= _letters(shorts + given)
                        if served := name_without_what_it_serves(surface, public):
                            without_service.append(served)
                        if first := first_word_alone(surface, public):
                            word, anywhere = first
                            (terms if anywhere else first_words).append(Term(word, "ORG", True))
                    if f.kind == "PERSON" or read_as_person(surface) or (
                            f.kind == "ORG" and not workplace_named(normalise(surface))):
                        # A full name first read as a place or workplace ("Rosa Tennant" after
                        # "in") is still searched for by its parts, under its first kind; so is
                        # a workplace named without a word of its kind ("Quillory Online").
                        # A surname that is also a public name ("Kieran Ford") is someone's
                        # here: the given name or the title before it says so.
                        parts = parts_said_alone(surface)
                        # A public name inside a branch's name ("Age UK Quarrow") is no part of
                        # it said alone: "Age" stays a word elsewhere.
                        # (One public word after a given name is a surname: "Sian Greggs".)
                        inside = {w for a, b in public.spans(surface) for w in surface[a:b].split()
                                  if " " in surface[a:b].strip() or (f.kind == "ORG" and not said_as_someone(surface))}
                        # A workplace's kind of place ("Café" of "Lantern Café") is said alone
                        # for any place of that kind ("met at the Café"), as "Hub" is, and a
                        # room ("Room" of "Quiet Room": "the Staff Room").
                        # A workplace typed in lower case is searched for by its ordinary words as
                        # if capitalised ("Step" of "first step swindon"): "step" is the word.
                        terms += [make_term(capitalised(p) if f.kind == "ORG" and p.islower() and lexicon.is_ordinary(p)
                                            and p not in STOP_WORDS else p, f.kind)
                                  for p in parts if p not in inside and (
                                  not public.is_whole(p) or (said_as_someone(surface) and p != parts[0]))
                                  and not (f.kind == "ORG" and (p.lower() in PLACE_KINDS or p.lower() in _BRANCH_WORDS
                                                                or p.lower() in words_set("room_words")))]
                elif f.recognizer not in FOUND_ONLY_WHERE_SAID:
                    terms.append(Term(surface, f.kind, True))
                    if f.kind == "URL":
                        # a name run together in the address ("EpisodeWithJaneDoe") is searched
                        # for wherever the source says it
                        terms += joined_name_terms(surface, public)
                    if f.kind in ("URL", "EMAIL") and (name := workplace_in_address(surface)) \
                            and not public.is_whole(name):
                        # "Beacon" of "beaconcounselling.org.uk": capitalised, or in any case where
                        # English hardly writes it ("halwick"; "a good acorn", "a kindred spirit" stay)
                        terms.append(Term(name, "ORG", lexicon.is_rare(name.lower())))
                    if f.kind == "EMAIL":
                        # (an address's words are typed in lower case: "unison" of "wojtek.unison@..." is
                        # the union, "UNISON", no one's name; "ford" may be someone's, "Ford" or not)
                        terms += [make_term(p, "PERSON") for p in names_in_address(surface)
                                  if not public.is_whole(p) and not is_public_acronym(p.upper())]
        # A workplace's name said without the words of its service ("Premier" of "Premier Medical
        # Staffing"), unless the source names it as something else ("grew up in North Fennick" of
        # "North Fennick Community Trust" is a place: the head of a workplace named after it).
        kinds_found = {normalise(t.surface): t.kind for t in terms}
        terms += [t for t in without_service if kinds_found.get(normalise(t.surface), "ORG") == "ORG"]
        # A workplace's name of two things joined by "and" read as two names ("at [Pellowby] and
        # [Trask]", a workplace and a person) is said by their letters as the name whole is
        # ("P&T"), the first's number; not where the second opens a clause ("at Pinehurst and
        # Rhona managed me").
        for key in keys:
            for f, g in zip(findings[key], findings[key][1:]):
                after = _NEXT_WORD.match(all_texts[key], g.end)
                if f.kind == "ORG" and g.kind in ("ORG", "PERSON", "LOC") \
                        and _JOINED_BY_AND.fullmatch(all_texts[key], f.end, g.start) \
                        and not (after and said_after_a_name(after.group(1).lower())):
                    forms = _letters_of_two_things(all_texts[key][f.start:g.end].split())
                    terms += forms
                    letters_of.update((normalise(t.surface), normalise(all_texts[key][f.start:f.end])) for t in forms)
        terms += letters_of_names_found(all_texts, findings, public)
        # A workplace named by an ordinary word ("Lantern") is matched as written, so "a
        # lantern" stays; typed in lower case where a workplace is said ("a year's wait at
        # lantern"), the source writes it in lower case: it is searched for in any case.
        lowered = TermMatcher([Term(t.surface.lower(), t.kind, True) for t in terms
                               if t.kind == "ORG" and not t.any_case and not public.is_whole(t.surface)
                               and not lexicon.is_everyday(t.surface)])
        # (and letters English does not write, however found: "QUILLORY" shouted)
        letters = workplace_letters | {s for s in _letters(t for t in terms if t.kind == "ORG")
                                       if not lexicon.is_ordinary(s)}
        for text in all_texts.values():
            for start, end, term in lowered.finditer(text) if lowered else ():
                if text[start:end].islower() and (_AT_WORKPLACE.search(text, max(0, start - 16), start)
                                                  or (_THE.search(text, max(0, start - 16), start)
                                                      and text[start:end] in letters)
                                                  or _OPENS_CLAUSE.search(text, max(0, start - 16), start)
                                                  or _POSSESSIVE.match(text, end)):
                    terms.append(make_term(text[start:end], term.kind, written_lower=True))
        terms += [Term(capitalised(t.surface), t.kind, False) for t in said_at]
        # A workplace's name of everyday words said again without its kind, in lower case ("at
        # good hands" of "Good Hands Care", "left second chance"): where a workplace is said,
        # and the name ends there, as its first word alone is.
        workplaces = [t.surface for t in terms if t.kind == "ORG"]
        heads = [Term(head, "ORG", True) for surface in workplaces for head in heads_before_kinds(surface)
                 if not public.is_whole(head)]
        first_words += heads
        # Its kind alone, capitalised after "the", is the workplace again ("the Heron Collective
        # ... or just the Collective"); not a kind the public terms hold so ("the Trust").
        kinds_alone = TermMatcher([Term(kind, "ORG", False) for kind in {
            surface.split()[-1] for surface in workplaces if len(surface.split()) >= 2}
            if kind[:1].isupper() and not kind.isupper() and kind.lower() in ORG_WORDS
            and not public.is_whole(kind) and not public.is_whole(f"the {kind}")])
        matcher = TermMatcher(terms)
        lowered_people = TermMatcher([Term(t.surface.lower(), "PERSON", True) for t in terms
                                      if t.kind == "PERSON" and not t.any_case and " " not in t.surface.strip()])
        at_only = TermMatcher(said_at)
        bare_only = TermMatcher(said_bare)
        first_at = TermMatcher(first_words)
        initials_at = TermMatcher(initials_said)
        said_surfaces = {t.surface for t in said_at}
        # A workplace's name of several words, in any case: where part of it is found (its
        # first word, read as someone's or searched alone: "Thrive together", "[Silver] link"),
        # the rest of it goes with it ("together" is the name's, not a word of the sentence); so
        # with the name cut before its kind ("little [steps]" of "Little Steps Nursery").
        whole_names = TermMatcher([Term(name, "ORG", True) for surface in workplaces for name in names_up_to_kinds(surface)
                                   if not public.is_whole(name)] + heads)
        # Listed words are matched on their own: a longer name holding one ("larkspur ward")
        # must not hide it from its own list.
        listed = TermMatcher([t for t in terms if t.kind == "REDACT"])
        # (the names to look for in hashtags, only where a text holds one)
        in_tags = hashtag_names(matcher.terms.values(), public) if any("#" in t for t in all_texts.values()) else []
        spans: dict[str, list[Finding]] = {}
        # (the words of the names the source holds, for a name broken off and begun again)
        name_words = {w.lower(): t for t in terms if numbered(t.kind) for w in _A_NAMES_WORD.findall(t.surface)
                      if not lexicon.is_ordinary(w.lower())}  # (not "therapy" of "Brindlewick Therapy")
        for key, text in all_texts.items():
            found = list(findings[key])
            for m in (matcher, listed):
                for start, end, term in m.finditer(text):
                    found.append(Finding(start, end, term.kind, 0.65, "known-in-source"))
            for start, end, term in initials_at.finditer(text) if initials_at else ():
                if said_as_someones_initials(text, start, end):
                    found.append(Finding(start, end, term.kind, 0.65, "known-in-source"))
            for start, end, term in kinds_alone.finditer(text) if kinds_alone else ():
                if _THE.search(text, max(0, start - 5), start) and _SAID_OF_A_WORKPLACE_ALONE.match(text, end):
                    found.append(Finding(start, end, "ORG", 0.65, "known-in-source"))
            # A name run together in a hashtag ("#fernleacare") is the name, one number; so is a
            # rule's finding of the hashtag whole where its other words are English ("#TeamFernlea").
            for start, end, term, tag in in_hashtags(text, in_tags):
                found.append(Finding(start, end, term.kind, 0.65, IN_A_HASHTAG))
                for written in (text[start:end], tag) if tag else (text[start:end],):
                    letters_of.setdefault(normalise(written), normalise(term.surface))
            found = [Finding(f.start, f.end, f.kind, f.score, WHERE_SAID)
                     if f.recognizer in READ_WHERE_A_WORKPLACE_IS and text[f.start:f.end] in said_surfaces else f
                     for f in found]
            # A surname of a name found that is a word too ("Ford" of "Tom Ford") is matched as
            # written; typed in lower case, it is someone's where a person stands ("and ford
            # was strict", "so marsh said no"), not where the word is ("we crossed the ford").
            for start, end, term in lowered_people.finditer(text) if lowered_people else ():
                if text[start:end].islower() and (recognizers.said_of_someone(text, start, end)
                                                  or self._after_a_given_name(text, start)):
                    found.append(Finding(start, end, "PERSON", 0.6, "known-in-source"))
            # Where a workplace is said: a name of ordinary words read after a post, in lower case;
            # an everyday first word of a workplace's name in any case, the name's own end
            # (what follows is no word of a phrase it opens: "at willow we", not "for bright kids").
            for matcher_, first in ((at_only, False), (first_at, True)):
                for start, end, term in matcher_.finditer(text) if matcher_ else ():
                    if (first or text[start:end].islower() or text[start:end].isupper()) \
                            and _AT_WORKPLACE.search(text, max(0, start - 16), start) \
                            and (not first or _NAME_ENDS_HERE.match(text, end)) \
                            or first and " " in term.surface.strip() and _POSSESSIVE.match(text, end) \
                            or not first and " " in term.surface.strip() and text[start:end].islower() \
                            and _ITS_OWN_AFTER.match(text, end) \
                            and not _AFTER_A_DETERMINER.search(text, max(0, start - 8), start) \
                            or first and text[start:end] == term.surface \
                            and _OPENS_CLAUSE.search(text, max(0, start - 16), start) \
                            and (after := _NEXT_WORD.match(text, end)) and said_after_a_name(after.group(1).lower()):
                        # (a name of several words with its "'s", or before what a workplace has:
                        # "second chance's rota", "second step supervisor"; a first word
                        # capitalised opening a clause before what it did: "Compass is better",
                        # "Compass paid late")
                        found.append(Finding(start, end, term.kind, 0.65, WHERE_SAID))
            for start, end, term in bare_only.finditer(text) if bare_only else ():
                if text[start:end].islower() and not _AFTER_A_DETERMINER.search(text, max(0, start - 8), start):
                    # (logged as found where said: sealing and the export's check do not search
                    # for it after a determiner either)
                    found.append(Finding(start, end, term.kind, 0.65, WHERE_SAID))
            for small in said_at_small:
                said = r"\s+".join(map(re.escape, small.split()))
                # (its end may close a quote: "'i'm at still here' people laugh")
                for m in re.finditer(rf"(?<![\w'’-]){said}(?![\w-]|['’]\w)", text, re.IGNORECASE):
                    # (not after "the": "on the other side" is the phrase)
                    if _AT_WORKPLACE.search(text, max(0, m.start() - 16), m.start()) \
                            and not _THE.search(text, max(0, m.start() - 16), m.start()) \
                            and _NAME_ENDS_HERE.match(text, m.end()):
                        found.append(Finding(m.start(), m.end(), "ORG", 0.65, WHERE_SAID))
            for f, term in names_broken_off(text, name_words):
                found.append(f)  # (under the pseudonym of the name it begins)
                letters_of.setdefault(normalise(text[f.start:f.end]), normalise(term.surface))
            for start, end, term in whole_names.finditer(text) if whole_names else ():
                if part_found(found, start, end):
                    found.append(Finding(start, end, "ORG", 0.65, "known-in-source"))
            view = normalise_view(text)
            if view.text != text:  # spelled out or read out: "K-O-W-A-L-S-K-A"
                for start, end, term in matcher.finditer(view.text):
                    found.append(Finding(*view.span(start, end), term.kind, 0.65, "known-in-source"))
            spans[key] = resolve_with_listed(widened_by_known(extended_apart(text, found)))
        result = self._replace(all_texts, spans, matcher, letters_of)
        result.recognized = seen
        return result

    def _after_a_given_name(self, text: str, start: int) -> bool:
        """'tom brown': a given name straight before the word says it is a surname."""
        before = re.search(r"(?<![\w'’-])([^\W\d_]+)\s+$", text[max(0, start - 30):start])
        return before is not None and before.group(1).lower() in self.names.first_names \
            and before.group(1).lower() not in STOP_WORDS

    def seal(self, result: Redaction) -> set[str]:
        """The gate's own pass over what redaction left: every term of the source, and every
        structured identifier the recognizers find, still in a text is replaced (with the
        pseudonym its original already has, if any) and logged as the gate's; the source
        is kept. Returns how many were replaced; the gate then checks again."""
        # The export's gate searches for every original the private log lists, as well as the
        # words the source was searched for (``gate.terms_from_log``): a word judged someone's
        # by where it stood ("i asked bell", "rowan, can you start us off?") is searched for too. The
        # seal searches for the same, so that what ingest lets through export lets through.
        replaced = [Term(r.original, r.kind, r.any_case) for reps in result.replacements.values() for r in reps
                    if r.recognizer not in FOUND_ONLY_WHERE_SAID]
        matcher = TermMatcher([*result.terms, *replaced])
        given = {r.original.lower(): r.replacement for reps in result.replacements.values() for r in reps}
        used: dict[str, int] = {}
        for reps in result.replacements.values():
            for r in reps:
                m = re.match(r"\[(\w+) (\d+)\]$", r.replacement)
                if m:
                    used[m.group(1)] = max(used.get(m.group(1), 0), int(m.group(2)))
        sealed = set()
        for key, text in result.texts.items():
            visible = PLACEHOLDER.sub(lambda m: " " * len(m.group()), text)
            # (a workplace's name takes the words of its kind typed after it, as in redact)
            found = [Finding(a, kind_after(visible, term.kind, a, b), term.kind, 1.0, "leak-gate")
                     for a, b, term in matcher.finditer(visible)]
            # The recognizers read only the text: on one left as it was, their findings are known.
            gate = result.recognized[visible][1] if visible in result.recognized else gate_findings(visible)
            found += [Finding(f.start, f.end, f.kind, f.score, "leak-gate") for f in gate]
            found = [f for f in resolve(found) if visible[f.start:f.end].strip()]
            if not found:
                continue
            out, last = [], 0
            for f in found:
                original = text[f.start:f.end]
                kind = KINDS[f.kind]
                replacement = given.get(original.lower())
                if replacement is None:
                    if kind.numbered:
                        used[kind.placeholder] = used.get(kind.placeholder, 0) + 1
                        replacement = kind.replacement(used[kind.placeholder])
                    else:
                        replacement = kind.replacement()
                    given[original.lower()] = replacement
                out += [text[last:f.start], replacement]
                last = f.end
                result.replacements.setdefault(key, []).append(
                    Replacement(f.start, f.end, original, replacement, f.kind, "leak-gate", round(f.score, 2)))
                if not any(t.surface.lower() == original.lower() for t in result.terms):
                    result.terms.append(Term(original, f.kind, True))
                sealed.add(key)
            out.append(text[last:])
            result.texts[key] = "".join(out)
        return sealed

    # ------------------------------------------------------------ pseudonyms

    def _replace(self, texts: dict[str, str], spans: dict[str, list[Finding]], matcher: TermMatcher,
                 letters_of: dict[str, str] | None = None) -> Redaction:
        """``letters_of``: other forms the source writes a name in, normalised → the name: the letters
        it gives for a workplace's ("AVMH" → "aspenvale mental health"), a name run together in a
        hashtag ("fernleacare" → "fernlea care"): one workplace or person, one number."""
        kind_votes: dict[str, dict[str, float]] = {}
        capitals: set[str] = set()  # forms written in capitals ("JW"): initials may be
        for key, found in spans.items():
            for f in found:
                if numbered(f.kind):
                    norm = _numbered_as(texts[key][f.start:f.end], f.kind)
                    if texts[key][f.start:f.end].isupper():
                        capitals.add(norm)
                    votes = kind_votes.setdefault(norm, {})
                    votes[f.kind] = votes.get(f.kind, 0) + f.score
        kinds = {norm: max(v, key=v.get) for norm, v in kind_votes.items()}
        # A full name the source is known by but never says whole (a speaker's label, "Dr Amara
        # Quayle") still joins its parts said alone: "Amara" and "Dr Quayle" are one person.
        for term in matcher.terms.values():
            norm = normalise(term.surface)
            if numbered(term.kind) and len(norm.split()) > 1:
                kinds.setdefault(norm, term.kind)
        # A name made like a workplace's keeps [Workplace N] throughout (a_workplace_by_its_make).
        workplaces = {norm for norm, v in kind_votes.items() if a_workplace_by_its_make(norm, v)}
        for norm in kinds:  # "Kwame Asante-Boateng" is a person if "Kwame" is
            if norm in workplaces:
                kinds[norm] = "ORG"
            elif len(norm.split()) > 1 and norm.split()[-1] in STREET_TYPES:
                kinds[norm] = "LOC"  # "Albert Terrace": a street, whoever Albert is
            elif len(norm.split()) > 1 and any(kinds.get(part) == "PERSON" for part in norm.split()):
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
        # A workplace's name said short ("Brackenfold", its initials) is that workplace,
        # unless a person's name took the word first ("Kennet" of "Orla Kennet"); so is one
        # named without a word of its kind ("QV" of "Quarrow Vale"), or cut before or after one
        # and read as a workplace ("Harbour House" of "Harbour House Recovery"). A head of two
        # names neither of which is the other's head ("Harbour House Hotel" too) is neither's.
        org_names = sorted({n for n, k in kinds.items() if k == "ORG"} | workplaces, key=lambda s: (-len(s.split()), s))
        shorts_of = {norm: {*norm.split(), *(normalise(t.surface) for t in short_forms(norm.title()))}
                     for norm in org_names}
        heads_of = {norm: {h for h in (*names_up_to_kinds(norm), *heads_before_kinds(norm), *shorts_of[norm])
                           if " " in h and h != norm and h in kinds} for norm in org_names}
        named_by = collections.defaultdict(set)
        for norm, heads in heads_of.items():
            for head in heads:
                named_by[head].add(norm)
        shared = {h for h, names in named_by.items()
                  if any(a != b and b not in heads_of[a] and a not in heads_of[b] for a in names for b in names)}
        for norm in org_names:
            heads = {h for h in heads_of[norm] if kinds[h] == "ORG"}
            for short in shorts_of[norm] | heads:
                if short != norm and short in kinds and short not in parents and short not in shared \
                        and (short not in workplaces or short in heads):
                    parents[short] = parents.get(norm, norm)
        for letters, name in (letters_of or {}).items():
            if name not in kinds:  # a short form said only in a hashtag ("Fernlea" of "#TeamFernlea"): its name's
                name = next((n for n in org_names if name in shorts_of[n]), name)
            if letters in kinds and name in kinds and letters not in parents and letters != name:
                parents[letters] = parents.get(name, name)
        # A person's other forms: spelled out, short forms and nicknames, initials (aliases).
        aliases.join({n for n, k in kinds.items() if k == "PERSON"}, parents, capitals)
        result = Redaction(terms=list(matcher.terms.values()))
        for key, text in texts.items():
            out, last, replaced = [], 0, []
            for f in spans[key]:
                original = text[f.start:f.end]
                if numbered(f.kind):
                    norm = _numbered_as(original, f.kind)
                    root = parents.get(norm, norm)
                    kind = kinds.get(root, f.kind)
                    if root not in entities:
                        counters[kind] = counters.get(kind, 0) + 1
                        entities[root] = (kind, counters[kind])
                    kind, number = entities[root]
                    replacement = KINDS[kind].replacement(number)
                else:
                    kind, replacement = f.kind, KINDS[f.kind].replacement()
                out += [text[last:f.start], replacement]
                last = f.end
                any_case = True
                if numbered(f.kind):
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
    return lower in first_names and lower not in lexicon.places() and (not lexicon.is_ordinary(lower) or whole_item)


def normalise(surface: str) -> str:
    words = [w for w in re.sub(r"['’]s$", "", surface.strip()).split() if w.lower().strip(".") not in TITLE_WORDS]
    return " ".join(words).lower().strip(".,") or surface.lower()


_SHOUTED_DETERMINER = re.compile(r"(?<![\w'’-])(?:MY|A|AN|YOUR|HIS|HER|OUR|THEIR|NO|EVERY)\s+$")


def _a_word_shouted_after_a_determiner(text: str, f: Finding, names) -> bool:
    """'MY PAYSLIP', 'A VOICEMAIL': one word read as a name by its capitals alone, after "my",
    "a" and the like, that English knows and no name or place list holds. (Not after "the",
    "that": "THE REDDING FAMILY", "THAT SANDS WOMAN" may be someone's; nor a plural or a verb's
    form alone, "WE WORKED WITH SANDS".)"""
    word = text[f.start:f.end]
    return (f.kind == "PERSON" and f.recognizer == "capitalised" and word.isalpha() and word.isupper()
            and _SHOUTED_DETERMINER.search(text, max(0, f.start - 8), f.start) is not None
            and _english_words_only(word, names))


# The rules whose one cue to a person's name is its capitals (a capitalised word, a sentence's
# first word, a syllable stressed in capitals): in a line typed in capitals they read nothing.
_CAPITALS_ALONE = frozenset({"capitalised", "sentence-start", "pronounced"})


def _words_shouted(text: str, f: Finding, names) -> bool:
    """A person read in a line of capitals by its capitals alone ("ABOUT TWENTY-TWO", "A
    WRITE-UP"): words English commonly uses, none a given name, a surname or a place. The
    lower-case reading, which knows the capitals say nothing, decides whether they are
    someone's."""
    return f.kind == "PERSON" and f.recognizer in _CAPITALS_ALONE \
        and _english_words_only(text[f.start:f.end], names, least=lexicon.ORDINARY_ZIPF)


def _english_words_only(surface: str, names, least: float = lexicon.HARDLY_USED_ZIPF) -> bool:
    """Words English knows (Zipf from ``least``), none a given name, a surname or a place on
    the lists."""
    words = re.findall(r"[^\W\d_]+", surface.lower())
    return bool(words) and all(
        lexicon.zipf(w) >= least and w not in names.first_names and w.title() not in names.surnames
        and w not in lexicon.surnames() and w not in names.places for w in words)


# A word joined to a person found ("me, tolu and deji", "tolu and deji came"): after the
# person and "and", "&", "or", or before them in a list ("deji, tolu and me").
_JOINED_AFTER = re.compile(rf"(?:\s*,)?\s+{recognizers.JOINING_WORD}\s+([^\W\d_][^\W\d_'’-]{{2,}})(?![\w'’-])")
_BY_AND = re.compile(r"(?<![\w'’-])(?:and|&)(?![\w'’-])", re.IGNORECASE)
# Two wards joined: "juniper to rowan", "hazel and juniper", "kestrel/heron", "oak, then ash".
_WARD_JOINED_AFTER = re.compile(r"\s*(?:/|,|\s(?:and|&|or|to|then)\s)\s*([^\W\d_]{3,})(?![\w'’-])", re.IGNORECASE)
_WARD_JOINED_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_]{3,})\s*(?:/|,|\s(?:and|&|or|to|then)\s)\s*$", re.IGNORECASE)
_JOINED_BEFORE = re.compile(rf"(?<![\w'’-])([^\W\d_][^\W\d_'’-]{{2,}})(?:\s*,\s*|\s+{recognizers.JOINING_WORD}\s+)$")


# A word set beside a person found between dashes or after its comma, the other name they
# go by: "tamsin okoro — tam — was", "jas — jasmine okoro — covers", "jasmine okoro, jaz we call her".
_BESIDE_AFTER = re.compile(r"\s*(?:[—–]|\s-)\s*([^\W\d_][^\W\d_'’-]{1,})(?=\s*(?:[—–]|\s-|,|\s+(?:to|we|they|she|he)\b))")
_BESIDE_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][^\W\d_'’-]{1,})\s*(?:[—–]|\s-)\s*$")


def _another_name(word: str, given: bool = True, beside_someone: bool = False) -> bool:
    """A word in lower case that may be a name: one English hardly uses (below lexicon.HARDLY_USED_ZIPF),
    no stop word nor word of the field, or with ``given`` a given name no ordinary word ("jas",
    "mei"; not "will", "summer"); joined to someone (``beside_someone``), a name Britain gives
    often, word or not ("bob and kezia", "kezia and rob"; "will", "may" are stop words)."""
    lower = word.lower()
    if not word.islower() or lower in STOP_WORDS or lexicon.is_field_word(lower):
        return False
    return lexicon.zipf(lower) < lexicon.HARDLY_USED_ZIPF \
        or given and lower in lexicon.first_names() and not lexicon.is_ordinary(lower) \
        or beside_someone and lexicon.english_given_name_weight().get(lower, 0) >= recognizers.GIVEN_HERE


# A number's first part at the end of a quote ("so that's oh seven nine double two"), and its
# rest opening the next ("four double eight, one five six"), in the normalised views; a pause or
# a filler may open the rest ("um, 900 631").
_A_FIGURE_SAID = re.compile(r"\d|\b(?:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|treble)\b",
                            re.IGNORECASE)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_CLOCK_TIMES = re.compile(r"(?:(?:[01]\d|2[0-3])(?:00|15|30|45)\s*)+")  # "0700 1500"
_UK_NUMBERS_OPEN = ("01", "02", "03", "05", "07", "08", "09", "44")  # (not 00, 04, 06: Ofcom's plan)
_A_NUMBER_OPENS_AT_THE_END = re.compile(r"(?<![\w+£$])(?P<number>(?:\+\s?44|0)\d[\d ]*\d)"
                                        r"(?:\s+(?:and|then|um+|erm?|uh+))?[\s.,…—–-]*$", re.IGNORECASE)
# Words said before a number's part or a part said again ("um", "sorry", "it's", "right").
_BEFORE_A_PART = r"um+|erm?|uh+|sorry|yeah|so|and|then|it['’]?s|right|ok|okay"
_THE_REST_OPENS = re.compile(rf"[\s.,…—–-]*(?:(?:{_BEFORE_A_PART}|the\s+rest(?:['’]s|\s+is|\s+was)?)"
                             r"[\s.,…—–-]+)*(?P<number>\d[\d ,.-]*\d)(?![\d/])", re.IGNORECASE)


# A short turn between the parts of a number, with no figure of its own: a listener's nod of a
# few words ("Yeah.", "Mm-hm.", "OK, hang on, let me get a pen"), or a question asking for the
# rest or for it again ("Sorry, you cut out, what was the rest?", "One more time?"); not one
# asking for an amount or a time ("What was the contract worth?", "How many?", "And the finish
# time?", "When was that?").
_A_NOD = re.compile(r"(?i)(?=\W*(?:[^\W\d]+\W+){0,7}[^\W\d]*\W*$)[^\d]*\b(?:yeah|yes|yep|yup|aye|ok|okay|alright"
                    r"|all\s+right|right|sure|cool|lovely|great|fine|mm+|m+-?hm+|hmm+|uh[- ]huh|got\s+(?:it|that)"
                    r"|hang\s+on|hold\s+on|one\s+sec|pen|wait|go\s+(?:on|ahead))\b[^\d]*")
_ASKED_AGAIN = re.compile(
    r"(?i)(?!.*\b(?:how\s+(?:much|many|long|often)|worth|cost|(?<!more\s)time|when(?:\s*\?|\s+(?:was|is|did|does)\b)))"
    r"(?=[^\d]{0,120}$).*\b(?:sorry|pardon|rest|again|repeat|missed|cut\s+out|broke\s+up|catch|and\s+then"
    r"|after\s+that|eh|what\s+was\s+that|one\s+more\s+time)\b[^\d]*")


# A listener reading back the part just said, a nod with it or none ("Mm-hm, seven seven double
# oh.", "Nine hundred."): a turn between the parts, and the number's too.
_READ_BACK = re.compile(rf"[\s.,…—–-]*(?:(?:{_BEFORE_A_PART}|yes|yep|mm+|m+-?hm+|got\s+it)[\s.,…—–-]+)*"
                        r"(?P<number>\d[\d ]*\d)[\s.,…—–?!-]*", re.IGNORECASE)


def _said_between(text: str) -> bool:
    """A short turn between a number's parts, no figure in it: a nod or asking for the rest."""
    return bool(_A_NOD.fullmatch(text) or _ASKED_AGAIN.fullmatch(text))


def _read_back(view: View, digits: str, least: int = 2) -> re.Match | None:
    """The listener reading back the last ``least`` figures or more of the ``digits`` said so far
    (``_READ_BACK`` in the turn's view), or None."""
    back = _READ_BACK.fullmatch(view.text)
    echo = re.sub(r"\D", "", back.group("number")) if back else ""
    return back if back and len(echo) >= least and digits.endswith(echo) else None


def _view_of(key: str, quote_texts: dict[str, str], views: dict[str, View]) -> View:
    """A quote's normalised view, made once for the rules that read numbers across quotes."""
    if key not in views:
        views[key] = normalise_view(quote_texts[key])
    return views[key]


def phones_across_quotes(quote_texts: dict[str, str], views: dict[str, View] | None = None) -> dict[str, list[Finding]]:
    """A UK number read out over quotes one after the other, a pause or an interruption between
    its parts, or a short turn with no figure in it ("Yeah.", "Sorry, what was the rest?"): every
    part, where together they are one number (0 and ten figures, 44 and ten;
    ``recognizers.a_phone_in_parts``). A part that is all its quote says ("nine zero zero") may
    be followed by more ("Mm.", "nine zero zero", "Yep.", "one one four.")."""
    keys = list(quote_texts)
    found: dict[str, list[Finding]] = {}
    views = {} if views is None else views

    for i, a in enumerate(keys[:-1]):
        # (a figure said or typed near the end of one and the start of the next: most quotes have none)
        if not _A_FIGURE_SAID.search(quote_texts[a][-60:]):
            continue
        first = _view_of(a, quote_texts, views)
        end = _A_NUMBER_OPENS_AT_THE_END.search(first.text, max(0, len(first.text) - 60))
        if not end:
            continue
        # (a telephone spoken of in the quote or in the question before it: "the number for the office?")
        said_to_be = any(recognizers.said_to_be_a_phone(quote_texts[k]) for k in keys[max(0, i - 1):i + 1])
        parts, digits = [(a, first, end)], re.sub(r"\D", "", end.group("number"))
        between, j, skipped = False, i + 1, False
        read_back = []
        while j < len(keys) and len(parts) < 5:
            b = keys[j]
            if not skipped and j + 1 < len(keys) and (back := _read_back(_view_of(b, quote_texts, views), digits, 3)):
                read_back.append((b, views[b], back))  # (the listener reading back the part just said)
                skipped, j = True, j + 1
                continue
            if not skipped and j + 1 < len(keys) and _said_between(quote_texts[b]):
                skipped, j = True, j + 1  # (one short turn between two parts)
                continue
            if not _A_FIGURE_SAID.search(quote_texts[b][:60]):
                break
            rest = _view_of(b, quote_texts, views)
            start = _THE_REST_OPENS.match(rest.text)
            if not start or _THOUSANDS.fullmatch(start.group("number")):  # ("1,250,000 was the budget")
                break
            parts.append((b, rest, start))
            digits += re.sub(r"\D", "", start.group("number"))
            between = between or skipped
            # (over a turn between, a first part of five figures or more, or a town's code: not a
            # time, "the phones opened at 0800", then "Right." and "930 till 1030"; nor times, "0700
            # 1500", nor what no UK number opens with, a sort code's "04 00 75")
            if between and (_CLOCK_TIMES.fullmatch(end.group("number")) or not digits.startswith(_UK_NUMBERS_OPEN)):
                break
            said = said_to_be and (not between or digits.startswith(("01", "02")))
            if recognizers.a_phone_in_parts(end.group("number"), digits, said):
                for key, v, part in parts + read_back:
                    found.setdefault(key, []).append(Finding(*v.span(*part.span("number")), "PHONE", 0.9,
                                                             "phone-across-quotes"))
                break
            # on to a further part only from one that is all its quote says, the number still short
            if len(digits) >= 11 or rest.text[start.end():].strip(" .,…—–-?"):
                break
            skipped, j = False, j + 1
    return found


# An NI number read over quotes: its letters closing one, perhaps a pair or two of its figures
# ("It's J-K.", "J K four six"), the rest opening the next ("Four six, two one, nine eight, C."),
# a nod or none between; spoken of in them or the quote before ("NI", a payslip, HMRC).
_NI_OPENS_AT_THE_END = re.compile(r"(?<![\w'’])(?P<number>[A-Z](?:,\s?|\s|-)?[A-Z](?:[\s,-]*\d\d){0,2})[\s.,…—–-]*$",
                                  re.IGNORECASE)
_NI_REST_OPENS = re.compile(rf"[\s.,…—–-]*(?:(?:{_BEFORE_A_PART})[\s.,…—–-]+)*"
                            r"(?P<number>\d\d(?:[\s,-]*\d\d){0,2}(?:[\s,-]*(?:and\s+then\s+|then\s+)?[A-D](?![\w'’]))?)"
                            r"(?![\w'’])",
                            re.IGNORECASE)


def ni_numbers_across_quotes(quote_texts: dict[str, str], views: dict[str, View] | None = None) -> dict[str, list[Finding]]:
    """An NI number read out over quotes one after the other (``_NI_OPENS_AT_THE_END``, then
    ``_NI_REST_OPENS``, a short turn with no figure between them or none): every part, where
    together they are one in its whole shape and the number is spoken of in them or just before."""
    keys, views = list(quote_texts), {} if views is None else views
    found: dict[str, list[Finding]] = {}
    ni_said = [recognizers.NI_SAID_AROUND.search(quote_texts[k]) is not None for k in keys]
    for i, a in enumerate(keys[:-1]):
        if not any(ni_said[max(0, i - 1):i + 8]):
            continue  # (most quotes are near no NI word: none is normalised for this)
        first = _view_of(a, quote_texts, views)
        end = _NI_OPENS_AT_THE_END.search(first.text, max(0, len(first.text) - 40))
        if not end:
            continue
        parts, said, j = [(a, first, end)], end.group("number"), i + 1
        while j < len(keys) and len(parts) < 4 and len(re.sub(r"\D", "", said)) < 6:
            b = keys[j]
            if j + 1 < len(keys) and _said_between(quote_texts[b]):
                j += 1
                continue
            rest = _view_of(b, quote_texts, views)
            if j + 1 < len(keys) and (back := _read_back(rest, re.sub(r"\D", "", said))):
                parts.append((b, rest, back))  # (the listener reading back the part just said: "three nine")
                j += 1
                continue
            start = _NI_REST_OPENS.match(rest.text)
            if not start:
                break
            parts.append((b, rest, start))
            said += " " + re.sub(r"(?:and\s+)?then\s+", "", start.group("number"))  # ("..., and then C")
            j += 1
        whole = recognizers.NI_NUMBER.fullmatch(said)
        letters = re.sub(r"[^A-Za-z]", "", end.group("number"))
        if len(parts) > 1 and whole and any(ni_said[max(0, i - 1):j]) \
                and not recognizers.letters_of_a_range(first.text, end.start("number"), letters):
            for key, v, part in parts:
                found.setdefault(key, []).append(Finding(*v.span(*part.span("number")), "NINO", 0.85,
                                                         "ni-number-across-quotes"))
    return found


# A postcode found, its district said again elsewhere in the source, in any case or spacing or
# read out ("m forty four", read "m 44", beside "m forty four nine h d" found whole).
_A_DISTRICT = re.compile(r"([A-Z]{1,2}\d[A-Z\d]?)(?:\d[A-Z]{2})?")


def postcode_districts_said_again(quote_texts: dict[str, str], findings: dict[str, list[Finding]],
                                  views: dict[str, View] | None = None) -> dict[str, list[Finding]]:
    """The district of every postcode found (its letters and figures before the unit), wherever
    else the source says it alone: the area it narrows someone's home or work to."""
    views = {} if views is None else views
    districts = set()
    for key, found in findings.items():
        for f in found:
            if f.kind == "POSTCODE" and key in quote_texts:
                said = re.sub(r"[^A-Z\d]", "", normalise_view(quote_texts[key][f.start:f.end]).text.upper())
                if (m := _A_DISTRICT.fullmatch(said)) and len(m.group(1)) >= 3:
                    districts.add(m.group(1))  # (not two characters: "the M6", "a B1" are a road, a grade)
    if not districts:
        return {}
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(
        r"[ ,-]*".join(map(re.escape, d)) for d in sorted(districts, key=len, reverse=True)) + r")(?![\w'’-])",
        re.IGNORECASE)
    more: dict[str, list[Finding]] = {}
    for key in quote_texts:
        if not _A_FIGURE_SAID.search(quote_texts[key]):
            continue
        view = _view_of(key, quote_texts, views)
        for m in pattern.finditer(view.text):
            more.setdefault(key, []).append(Finding(*view.span(*m.span()), "POSTCODE", 0.8, "postcode-said-again"))
    return more


# Words correcting what was just said ("no sorry", "I mean", "hang on").
_CORRECTING = r"no|nope|sorry|i\s+mean|actually|wait|hang\s+on"
# A number said again in part, as people read one back or go on with it: a run of groups of
# three figures or more opening the quote after a word or two ("Sorry, 496...?", "Is that
# 0161?", "0822. That's the office") or after a correction ("... no, 156."), ending at a stop,
# a pause or a short question ("496 and then?"); not a figure of the talk ("It was 552.",
# "About 496, give or take", "£1,496", "14, 9, 6").
_SAID_AGAIN = re.compile(
    rf"(?:(?:^|(?<=[.?!…]\s))[\s.,…—–-]*(?:(?:{_BEFORE_A_PART}|yes|no|is\s+that|was\s+that|that['’]?s)[\s.,…—–?-]+)*"
    rf"|\b(?:{_CORRECTING})(?:[,.]?\s+(?:no|wait|hang\s+on|sorry|actually|it['’]?s|its|that['’]?s))*[,.]?\s+)"
    r"(?P<run>(?<![\d,£$])\d{3,}(?:(?:,\s?|\s)\d{3,})*)(?![\d%]|[.,]\d)"
    r"(?=\s*(?:[.?!,;:…—–-]|$)|(?:\s+[a-z]+){1,3}\s*\?)", re.IGNORECASE)


_CORRECTED = re.compile(rf"\b(?:{_CORRECTING})\b", re.IGNORECASE)
# Figures straight before a correction ("... 900 461, no sorry, ..."): a number's group, corrected.
_A_GROUP_ENDS = re.compile(rf"\d[\s.,…—–-]*(?:(?:{_CORRECTING}|oh|it['’]?s)[\s.,…—–-]*)*$", re.IGNORECASE)


def phones_said_again(quote_texts: dict[str, str], findings: dict[str, list[Finding]],
                      views: dict[str, View] | None = None) -> dict[str, list[Finding]]:
    """A number found said again in part, two quotes either side of where it was said: read
    back by the listener ("Sorry, four nine six...?"), gone on from ("Oh eight double two."),
    asked about first ("Is that oh one six one?"), corrected ("... one five... no, one five
    six."): groups of it as it was said, one after the other (``_SAID_AGAIN``), or, of a number
    cut short, the rest going on from its last two figures."""
    keys, views = list(quote_texts), {} if views is None else views
    numbers = []  # (quote's index, the number's groups as said, whether the whole number)
    for i, key in enumerate(keys):
        for f in findings.get(key, []):
            if f.kind != "PHONE":
                continue
            said = quote_texts[key][f.start:f.end]
            # (its groups as typed, where typed in figures: the view runs figures together)
            groups = re.findall(r"\d+", said if sum(map(str.isdigit, said)) >= 10 else normalise_view(said).text)
            # (a part of one read over quotes is said again too: "... eight three? Oh eight eight three.")
            if sum(map(len, groups)) >= 10 or f.recognizer == "phone-across-quotes":
                numbers.append((i, groups, sum(map(len, groups)) >= 10))
    found: dict[str, list[Finding]] = {}
    for i, key in enumerate(keys):
        near = [(groups, whole) for j, groups, whole in numbers if abs(i - j) <= 2]
        if not near or not _A_FIGURE_SAID.search(quote_texts[key]):
            continue
        view = _view_of(key, quote_texts, views)
        for m in _SAID_AGAIN.finditer(view.text):
            digits = re.sub(r"\D", "", m.group("run"))
            corrected = _CORRECTED.search(view.text, m.start(), m.start("run")) is not None \
                and not re.fullmatch(r"(?:19|20)\d\d", digits) \
                and (not view.text[:m.start()].strip(" .,…—–-?") or _A_GROUP_ENDS.search(view.text, 0, m.start()))
            # (a year is none: "No, 2019."; what is corrected is the number's, ending straight before, or
            # the quote opens with it: not "370 hours, wait, 372")
            if any(_groups_of(digits, groups, corrected and whole, cut_short=whole) for groups, whole in near):
                found.setdefault(key, []).append(Finding(*view.span(*m.span("run")), "PHONE", 0.85, "phone-said-again"))
    return found


def _groups_of(digits: str, groups: list[str], corrected: bool = False, cut_short: bool = True) -> bool:
    """Whether ``digits`` are groups of a number said (``groups``) one after the other, or the
    rest of one ``cut_short`` (fewer than eleven figures) going on from its last two;
    ``corrected`` ("..., no sorry, 900 471"), as many figures as groups of it one after the other
    have, one of them changed (a correction changes a figure: "120 staff, no sorry, 130" corrects
    no part of "0161 496 0552")."""
    whole = "".join(groups)
    if cut_short and len(whole) < 11 and digits[:2] == whole[-2:]:
        return True
    runs = ["".join(groups[a:b]) for a in range(len(groups)) for b in range(a + 1, len(groups) + 1)]
    if corrected:
        runs += [whole[-n:] for n in (3, 4)]  # (its last figures, however it was grouped)
    return digits in runs or corrected and any(
        len(run) == len(digits) < len(whole) and (sum(x != y for x, y in zip(run, digits)) == 1 or _swapped(run, digits))
        for run in runs)


def _swapped(run: str, digits: str) -> bool:
    """'654' and '645': two figures side by side swapped, as corrections most often are."""
    apart = [i for i, (x, y) in enumerate(zip(run, digits)) if x != y]
    return len(apart) == 2 and apart[1] == apart[0] + 1 and run[apart[0]] == digits[apart[1]] \
        and run[apart[1]] == digits[apart[0]]


def joined_to_a_name(text: str, found: list[Finding], said_public: Spans) -> list[Finding]:
    """A word in lower case that English hardly uses (Zipf below lexicon.HARDLY_USED_ZIPF, no
    word of the field, no public name), joined by "and" or a list's comma to a person or a
    place found, is one too: a name no list holds ("deji", "tolu"; "in hove and moulsecoomb").
    A word English uses ("tolu and rice", "leeds and back") is not. Set beside a person
    between dashes, a given name is their other name too ("tamsin okoro — tam —")."""
    more = []
    for f in found:
        if f.kind == "ORG" and text[f.start:f.end].lower() in recognizers.ward_names():
            # a ward found by a ward's kind of name, another such name joined to it ("from
            # juniper to rowan", "hazel/juniper"): a ward too
            for m in (_WARD_JOINED_AFTER.match(text, f.end), _WARD_JOINED_BEFORE.search(text, max(0, f.start - 30), f.start)):
                if m and m.group(1).lower() in recognizers.ward_names() and not said_public.holds(m.start(1), m.end(1)):
                    more.append(Finding(m.start(1), m.end(1), "ORG", 0.55, "joined-to-a-ward"))
        if f.kind not in ("PERSON", "LOC"):
            continue
        person = f.kind == "PERSON"
        # Joined by "and", a word English hardly uses; set beside a person, a given name too.
        joined = [(_JOINED_AFTER.match(text, f.end), False),
                  (_JOINED_BEFORE.search(text, max(0, f.start - 40), f.start), False)]
        if person:
            joined += [(_BESIDE_AFTER.match(text, f.end), True),
                       (_BESIDE_BEFORE.search(text, max(0, f.start - 40), f.start), True)]
        for m, given in joined:
            # (a name that is a word only by "and": "bob and kezia"; a list's comma joins a word of
            # the sentence as often, "one summer, brightwater were late")
            joined_by_and = person and m is not None and _BY_AND.search(m.group()) is not None
            if m and _another_name(m.group(1), given, joined_by_and) and not said_public.holds(m.start(1), m.end(1)):
                more.append(Finding(m.start(1), m.end(1), f.kind, 0.55,
                                    "joined-to-a-person" if person else "joined-to-a-place"))
    return more


# A workplace placed in a town found: "i go into quillory in leeds", "at the brackwell over in
# hull", "i'm at kinsby in york, paid sessional". The words between "at", "into"... and "in".
_PLACED_IN_A_PLACE = re.compile(rf"(?<![\w'’-])(?:{recognizers.alternatives(recognizers.placed_at('in_a_town'))}"
                                r"|in\s+to)\s+(?:the\s+)?"
                                r"(?P<name>[a-z][a-z-]+(?:[ \t]+(?!(?:over|up|down|out)[ \t])[a-z][a-z-]+)?)[ \t]+(?:(?:over|up|down|out)[ \t]+)?in[ \t]+$")


def placed_in_a_place(text: str, found: list[Finding], said_public: Spans) -> list[Finding]:
    """Typed in lower case between a word placing someone at work ("at", "into", "with") and
    "in" before a place found, a word or two that English uses rarely (below lexicon.RARE_ZIPF:
    no "hospital", "office", "uni", nor "brunch", "karaoke"), no word of the field, no place nor
    public name, is the name of the workplace there ("i'm at kinsby in york"); "at the hospital
    in leeds", "we met for karaoke in york" stay."""
    more = []
    for f in found:
        if f.kind != "LOC":
            continue
        m = _PLACED_IN_A_PLACE.search(text, max(0, f.start - 60), f.start)
        if not m or m.end() != f.start:
            continue
        words = m.group("name").split()
        if any(not lexicon.is_rare(w) or lexicon.is_field_word(w) or w in STOP_WORDS or w in lexicon.places()
               for w in words) or said_public.overlapping(m.start("name"), m.end("name")):
            continue
        more.append(Finding(m.start("name"), m.end("name"), "ORG", 0.55, "placed-in-a-place"))
    return more


# Words placing someone at a workplace, straight before its name ("Everyone at PATHWAYS").
_CAPITALS_WHERE_A_WORKPLACE_IS = re.compile(rf"(?<![\w'’-]){recognizers.PLACED_STRAIGHT_BEFORE}\s+$", re.IGNORECASE)
# A line typed with capitals where English puts them: a capitalised word, or "I".
_TYPED_WITH_CAPITALS = re.compile(r"(?<![\w'’-])(?:[A-Z][a-z][\w'’-]*|I)(?![\w-])")
# From this Zipf up, one word typed in capitals is a stress ("FOREVER" 4.7, "TOXIC" 4.2; "PATHWAYS" 3.6).
_STRESSED_ZIPF = 4.0
# A determiner straight before words: what kind, not which ("the CARE HOME sector", "the first step").
_AFTER_A_DETERMINER = re.compile(r"(?<![\w'’-])(?:the|a|an|my|our|your|his|her|their|this|that)\s+$", re.IGNORECASE)
# Words typed in capitals, one after another ("ANCHOR HOUSE", "PATHWAYS").
_CAPITALS_RUN = re.compile(r"(?<![\w'’&-])[A-Z][A-Z'’&-]*[A-Z](?:[ \t]+[A-Z][A-Z'’&-]*[A-Z])*(?![\w'’&-])")


def capitals_read_as_names(text: str, public: PublicMatcher) -> tuple[str, list[tuple[int, int]]] | None:
    """``text``, typed with capitals where English puts them, with the words of English it types
    in capitals where a workplace is said or ending in a workplace's kind capitalised as a name is
    ("ANCHOR HOUSE" → "Anchor House"), and where they are; None where it types none. Letters
    ("NHS", "CEO") stay as they are, as do a stress ("on SICK LEAVE"), what kind after a
    determiner ("the CARE HOME sector"), one common word and a message of five words or more."""
    if shouted_text(text) or not _CAPITALS_RUN.search(text) or not _TYPED_WITH_CAPITALS.search(text):
        return None  # (a line typed in lower case has its own rule: names.a_workplace_in_capitals)
    read, runs = list(text), []
    for m in _CAPITALS_RUN.finditer(text):
        if m.group().count(" ") + m.group().count("\t") >= 4:
            continue  # five words or more: a message typed in capitals ("'ALL STAFF MUST ATTEND...'")
        if _AFTER_A_DETERMINER.search(text, max(0, m.start() - 8), m.start()) \
                or " " not in m.group() and lexicon.zipf(m.group()) >= _STRESSED_ZIPF:
            continue  # what kind ("the CARE HOME sector", "a HALFWAY HOUSE"); a common word ("at WORK")
        words = [w for w in re.finditer(r"[A-Z'’&-]+", m.group())
                 if not is_public_acronym(w.group()) and not public.is_whole(w.group())
                 and w.group() not in recognizers.role_abbreviations()]
        if not any(len(w.group()) >= 3 and w.group().lower() not in STOP_WORDS and lexicon.is_ordinary(w.group())
                   for w in words):
            continue
        # Said where a workplace is ("everyone at PATHWAYS"), or a name ending in its kind
        # ("ANCHOR HOUSE"); not a stress elsewhere ("on SICK LEAVE", "in DENIAL", "to ADULT
        # SERVICES": the kind of service, "moved to DAY SERVICES").
        lowered = m.group().lower().split()
        if lowered[0] in STOP_WORDS or any(w in STOP_WORDS and w not in CONNECTORS | {"and", "the"} for w in lowered) \
                or lowered[-1] in recognizers.PEOPLE_SERVED or all(
                w in ORG_WORDS or w in recognizers.service_words() or lexicon.is_field_word(w) for w in lowered):
            continue  # words of a sentence ("with NO STAFF", "I HATE THIS TEAM"), whom ("with GREAT
            # PEOPLE"), what kind of service ("joined ADULT SERVICES", "for SOCIAL CARE")
        where = _CAPITALS_WHERE_A_WORKPLACE_IS.search(text, max(0, m.start() - 12), m.start())
        if not (where and (len(lowered) > 1 or where.group().lower().startswith(("at", "joined", "left")))
                or len(lowered) > 1 and lowered[-1] in ORG_WORDS and not lowered[-1].endswith("s")):
            continue  # (one word after "for" or "with" is what or whom as often: "for PEANUTS", "with ADDICTS")
        for w in words:
            start = m.start() + w.start()
            read[start + 1:start + len(w.group())] = w.group()[1:].lower()
        runs.append(m.span())
    return ("".join(read), runs) if runs else None


def shouted_text(text: str, least: int = 12) -> bool:
    """Typed in capitals throughout: at least ``least`` letters, nearly all capitals (an
    "i" or a unit typed small does not count), and the same length in lower case (so that
    what is found in the lower-case copy is found at the same places)."""
    # Most texts have more than a tenth of their characters in a-z, which the letters in
    # capitals cannot then be nine tenths of: counted at C speed, before each letter is read.
    if 10 * sum(map(text.count, string.ascii_lowercase)) > len(text):
        return False
    cased = [c for c in text if c.isalpha() and (c.isupper() or c.islower())]
    return (len(cased) >= least and sum(c.isupper() for c in cased) >= 0.9 * len(cased)
            and len(text.lower()) == len(text))


_WARD_WORD = re.compile(r"(?<![\w'’-])wards?(?![\w'’-])", re.IGNORECASE)
# A word wards are named after, said where a ward is ("on", "onto", "off", "moved to", "came
# from"...; not "from" alone: "made from oak"), then where a name may end: "on foxglove for a
# month", "moved to Kestrel.".
_WARD_SAID_ALONE = re.compile(r"(?<![\w'’-])(?:on|onto|off|(?:moved|transferred|went|back|over|sent|seconded)\s+(?:over\s+)?to"
                              r"|(?:moved|came|transferred)\s+(?:over\s+)?from)\s+(?P<name>[A-Za-z][a-z-]+)(?=$|\s*[.,;:!?)]|\s+(?:for|in|at|and|then|when|as|with|"
                              r"until|till|since|but|so|because|where|which|on|to|nights|days|now|again|too|instead|after|before)\b)")
def wards_said_alone(text: str, found: list[Finding]) -> list[Finding]:
    """In a source that says "ward": a word wards are named after (``recognizers.ward_names``)
    said alone after "on", "moved to"..., where a name may end ("then on foxglove for a
    month", "I moved to Kestrel."), outside what was found: a ward's name."""
    taken = Spans((f.start, f.end) for f in found)
    out = []
    for m in _WARD_SAID_ALONE.finditer(text):
        name = m.group("name")
        lower = name.lower()
        if (name.islower() or name[1:].islower()) and lower in recognizers.ward_names() \
                and not taken.overlapping(m.start("name"), m.end("name")):
            out.append(Finding(m.start("name"), m.end("name"), "ORG", 0.55, "lower-case-ward"))
    return out


# The words of a kind of place or work that may end a workplace's name: those a capitalised
# name ends in, and those typed after a name (data/workplace_kinds.txt: "Nursery" of "Little
# Steps Nursery").
_KINDS_IN_A_NAME = frozenset(ORG_WORDS | {k for how in ("after-name", "lower") for k in lexicon.workplace_kinds(how)
                                          if " " not in k})


def names_up_to_kinds(surface: str) -> list[str]:
    """A workplace's name of several words in lower case, and the same cut after each word of
    a kind of place in it ("thrive together" of "Thrive Together CIC"): how the source may say
    it again without its legal suffix or its last kind."""
    words = surface.lower().split()
    if len(words) < 2:
        return []
    # its name before the words of what kind of service it is, two words or more ("quarrow
    # vale" of "quarrow vale mental health nhs trust", said again as "quarrow vale's")
    head = recognizers.name_before_service(words)
    return list(dict.fromkeys([" ".join(words)] + [" ".join(words[:i + 1]) for i in range(1, len(words) - 1)
                                                    if words[i].strip(".,") in _KINDS_IN_A_NAME]
                              + ([" ".join(head)] if 1 < len(head) < len(words) else [])))


def heads_before_kinds(surface: str) -> list[str]:
    """A workplace's name of several words in lower case, cut before and after each word of a
    kind of place in it ("good hands" of "Good Hands Care"), each of two words or more, not
    opening with an article nor ending with a small word."""
    words = surface.lower().split()
    cuts = {i for i, w in enumerate(words) if w.strip(".,") in _KINDS_IN_A_NAME} | {i + 1 for i, w in enumerate(words)
                                                                         if w.strip(".,") in _KINDS_IN_A_NAME}
    return [" ".join(words[:i]) for i in sorted(cuts) if 2 <= i < len(words)
            and words[i - 1] not in STOP_WORDS and words[0] not in ("the", "a", "an")]


def part_found(found: list[Finding], start: int, end: int) -> bool:
    """Whether a name found (someone's, a place's, a workplace's) lies inside the words
    from ``start`` to ``end`` and holds some of them, not all."""
    inside = [f for f in found if numbered(f.kind) and start <= f.start < end and f.end <= end]
    return bool(inside) and not any(f.start <= start and f.end >= end for f in found)


def resolve(found: list[Finding], text: str | None = None, public: Spans | None = None) -> list[Finding]:
    """Non-overlapping findings: structured kinds first, then the longer (an e-mail address
    holds a web address), then confidence, then a kind whose check digit the number passed
    (an NHS number, not a phone number read from its digits). Given the ``text``, a name that
    lost reaching past the one chosen widens it (below)."""
    ranked = sorted(found, key=lambda f: (KINDS[f.kind].structured, f.end - f.start, f.score, KINDS[f.kind].checked),
                    reverse=True)
    # The chosen never overlap, so in the order of their starts their ends are in order too:
    # a finding overlaps one of them if it overlaps the last starting before its end (one
    # look, not one per chosen finding: a long turn has thousands).
    chosen: list[Finding] = []
    starts: list[int] = []
    reaching: list[Finding] = []
    for f in ranked:
        if f.end <= f.start:
            continue
        at = bisect.bisect_left(starts, f.end)
        if at and chosen[at - 1].end > f.start:
            if text and numbered(f.kind) and (f.start < chosen[at - 1].start or f.end > chosen[at - 1].end):
                reaching.append(f)
            continue
        starts.insert(at, f.start)
        chosen.insert(at, f)
    # A name that lost to one it overlaps and reaches past it with a word only names are made of
    # ("Amrit - Amrit" of the model, "Amrit Bains" of the rules) is redacted too: the one chosen
    # takes its span, where no other chosen is in the way.
    for f in reaching:
        at = bisect.bisect_left(starts, f.end) - 1
        while at >= 0 and not (chosen[at].start < f.end and f.start < chosen[at].end):
            at -= 1
        c = chosen[at] if at >= 0 else None
        if c is None or not (numbered(c.kind) or c.kind == "ADDRESS"):
            continue
        start, end = min(c.start, f.start), max(c.end, f.end)
        added = [(start, c.start), (c.end, end)]
        if not any(_a_name_word(m.group()) for a, b in added for m in re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text[a:b])) \
                or public and any(public.overlapping(a, b) for a, b in added if a < b):
            continue  # (only words of English, a title or a public name past it: "[7 Market Street] Boots",
            # "Dr [Priya Shah]", "[ROWAN LODGE] NURSING HOME EASTER WEEKEND", a quote mark)
        if (at and chosen[at - 1].end > start) or (at + 1 < len(chosen) and chosen[at + 1].start < end):
            continue
        chosen[at] = Finding(start, end, c.kind, c.score, c.recognizer)
        starts[at] = start
    return chosen
