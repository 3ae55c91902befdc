"""Lower-case everyday words the trained detector reads as a person, and the surnames that
are words too: "it was warmer than" names no one, "then fisher said" names someone.

A person the detector reads in lower case whose every word is common English, none a given
name, a place or a surname of ``data/surnames.txt``, is words (so is one word capitalised
only because it opens a sentence), unless a title, a given name,
"someone called" or "me and" before it puts a person there (``detector.words_not_someone``).

Every sentence and person here is invented.
"""

from __future__ import annotations

import pytest

from ingest.redact import detector, lexicon
from test_public_terms import check, engine  # noqa: F401 - engine is the module's fixture

# Lower-case words the detector took for a person (a comparative, a job's rounds): they stay.
LOWER_WORDS_KEPT = [
    "honestly the day room was warmer than the office anyway",
    "she was kinder than most managers",
    "my neighbour lent me her hose when mine split",
]

# Lower-case surnames that are English words too, where a person stands: still go.
LOWER_SURNAMES_GONE = [
    ("then fisher said the rota was done", "fisher"),
    ("so butler told me to go home", "butler"),
    ("i emailed archer about it", "archer"),
    ("Fisher was my mentor for years.", "Fisher"),
    # an English word's form English hardly writes, after a given name ("pickler": "pickle")
    ("i had supervision with tom pickler every month", "pickler"),
    ("i had supervision with tom hartness every month", "hartness"),
]


@pytest.mark.parametrize("text", LOWER_WORDS_KEPT)
def test_lower_case_everyday_words_the_detector_read_as_someone_stay(engine, text):
    check(engine, [text], [], [text])


@pytest.mark.parametrize("text,name", LOWER_SURNAMES_GONE)
def test_lower_case_surnames_that_are_words_still_go(engine, text, name):
    check(engine, [text], [name], [])


# (text, the words the detector read as a person, whether they are words and no one)
WORDS_OR_SOMEONE = [
    ("it was warmer than the office", "warmer", True),
    ("i did matron rounds twice", "matron rounds", False),  # a title inside: "matron brown's rounds"
    ("matron brown's rounds were at six", "matron brown", False),
    ("we all liked mrs brown's cakes", "mrs brown", False),
    ("the green outside the ward", "green", True),  # a surname that is an everyday word, alone
    ("then fisher said no", "fisher", False),  # a surname
    ("then hopkins said no", "hopkins", False),
    ("then summer said no", "summer", False),  # a given name
    ("mrs green rang the ward", "green", False),  # a title before it
    ("sister day was on nights", "day", False),
    ("i asked dave green about it", "green", False),  # a given name before it
    ("a woman called frost rang", "frost", False),  # "someone called"
    ("me and warmer did nights", "warmer", False),  # paired with me
    ("Then Fisher said no", "Fisher", False),  # capitals inside a sentence are the other rules' to read
    ("Warmer was better than nothing", "Warmer", True),  # a capital opening a sentence says nothing
    ("It was over. Kinder words would have helped", "Kinder", True),
    # surnames the list lacks, as common in print as rarer English words: someone's
    ("Goldberg was my consultant for years", "Goldberg", False),
    ("then rossi said the rota was wrong", "rossi", False),
    ("Fatigue was the big thing", "Fatigue", False),  # a word no ending makes: it may be a name
    ("curly told the manager", "curly", False),  # a nickname
    ("Fisher was my mentor", "Fisher", False),
    ("Abi said it was fine", "Abi", False),  # a given name's short form, which the dictionary lacks
    ("We had Fatigue Clinic on Fridays", "Fatigue Clinic", False),
    ("we moved to leeds after", "leeds", False),  # a place
    # after an article or a possessive, one lower-case English word is a thing, even a village's name
    ("she lent me her hose when mine split", "hose", True),
    ("the butler did it", "butler", True),
    ("our lisa rang me", "lisa", False),  # a given name stays someone's ("our lisa": a sister)
    ("our john came round", "john", False),  # however common a word the name is
    ("i told her okafor was off", "okafor", False),  # a rare word may be a name
    ("then hose said no", "hose", False),  # no determiner: the other checks decide
]


@pytest.mark.parametrize("text,found,words", WORDS_OR_SOMEONE)
def test_a_lower_case_person_of_everyday_words_is_words_unless_a_name_or_the_context_says_someone(text, found,
                                                                                                   words):
    start = text.index(found)
    assert detector.words_not_someone(text, start, start + len(found)) is words


def test_the_surname_list_says_where_it_comes_from():
    lines = lexicon.SURNAMES_FILE.read_text(encoding="utf-8").splitlines()
    head = [line for line in lines if line.startswith("#")]
    names = [line for line in lines if not line.startswith("#")]
    assert any("Faker" in line for line in head) and any("Never from a transcript" in line for line in head)
    assert names == sorted(set(names)) and all(n == n.lower() and " " not in n for n in names)
    assert {"hopkins", "fisher", "adeyemi", "mensah", "popescu", "kowalski"} <= lexicon.surnames()
    assert lexicon.SURNAMES_FILE.stat().st_size < 100_000


# Set between commas after a role, the word after a given name found is its surname, though
# English uses it; an adverb or a word English uses everywhere there is the speaker's
# (``names.extend_surname``, whatever found the given name).
@pytest.mark.parametrize("text,given,name", [
    ("our deputy lead, megan thistle, put the rota up late", "megan", "megan thistle"),
    ("my supervisor, anna price, said it was fine", "anna", "anna price"),
    ("the team lead, ruth barrow, rang in sick", "ruth", "ruth barrow"),
    ("my manager (megan thistle) put in a complaint", "megan", "megan thistle"),
    ("my manager ( megan thistle ) put in a complaint", "megan", "megan thistle"),
    ("my supervisor, anna early, said no", "anna", "anna early"),
    ("my manager (dave anyway) was fair", "dave", "dave"),
    ("our manager, gareth obviously, said no", "gareth", "gareth"),
    ("my manager, dave anyway, was fair", "dave", "dave"),
    ("i saw megan thistle by the road", "megan", "megan"),
])
def test_a_surname_set_beside_a_role_goes_with_the_given_name(text, given, name):
    from ingest.redact.names import extend_surname
    from ingest.redact.recognizers import Finding

    start = text.index(given)
    found = extend_surname(text, Finding(start, start + len(given), "PERSON", 0.6, "test"))
    assert text[found.start:found.end] == name
