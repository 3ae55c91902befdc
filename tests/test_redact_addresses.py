"""A generated grid of the ways people say and type a UK street address and a postcode, and of
the numbers and street words around them that name no address; the ADDRESS and POSTCODE
recognizers must find each whole (house number, flat, street name and kind of street; the
postcode's letters and figures as said) and leave the rest.

What the reference coding counts: an address is a house or flat number with its street
("14 Larkin Road", "9 quillon st"); a postcode is whole ("S2 4QT", "se154rt") or its district
said alone after a clue ("in bd8"). A street alone, a number of roads or a road to anywhere is
no address. Every street and place below is invented; the postcode areas are Royal Mail's."""

from __future__ import annotations

import re
from collections import Counter
from itertools import product

import pytest

from ingest.redact.recognizers import RECOGNIZERS


def spans(kind: str, text: str) -> list[str]:
    return [text[f.start:f.end] for r in RECOGNIZERS.values() if kind in r.kinds and not r.batch for f in r(text)]


def covered(kind: str, text: str, said: str) -> bool:
    """Is every word and figure of what was said inside one found span?"""
    start = text.index(said)
    found = [(f.start, f.end) for r in RECOGNIZERS.values() if kind in r.kinds and not r.batch for f in r(text)]
    return any(s <= start and start + len(said) <= e for s, e in found)


# ---------------------------------------------------------------- addresses

# House numbers as typed and said.
NUMBERS = {"digits": "14", "letter": "14a", "two numbers": "12-14", "said": "twelve", "said two words": "forty-two"}
# Street names (invented), one word, two words, with a saint.
NAMES = {"one word": "Quillon", "two words": "Orrin Hill", "saint": "St Wren's", "saint dotted": "St. Wren's",
         "curly apostrophe": "St Wren’s"}
# A sample of the kinds of street (data/recognizer_words.yml), in any case, and with a capital only.
TYPES = ["Road", "Rd", "Street", "St", "Avenue", "Lane", "Crescent", "Terrace", "Gardens", "Mews", "Close",
         "Way", "Drive", "Court", "Grove", "Gdns"]
CAPITAL_TYPES = ["Brae", "Fields", "Circle", "House"]
FLATS = ["Flat 3b, ", "flat 2/1, ", "Unit 4, ", "Apartment 7, "]
ADDRESS_FRAMES = ["we met at {} on Tuesday", "send it to {}, Orrinby, please", "{}, that's the office"]


def address_grid():
    for (nk, number), (sk, name), kind in product(NUMBERS.items(), NAMES.items(), TYPES):
        said = f"{number} {name} {kind}"
        for case, cased in (("as written", said), ("lower", said.lower()), ("capitals", said.upper())):
            if case == "lower" and nk.startswith("said") and kind not in ("Road", "Street", "Avenue", "Lane",
                                                                          "Crescent", "Terrace", "Gardens", "Mews"):
                continue  # "two close friends": after a number said, in lower case, only the plain kinds
            if case != "as written" and sk.startswith("saint") and "." in name:
                continue
            yield f"{nk} / {sk} / {case}", cased
    for kind in CAPITAL_TYPES:
        yield "capital-only kind", f"14 Quillon {kind}"
        yield "capital-only kind / capitals", f"14 QUILLON {kind.upper()}"
    for flat in FLATS:
        yield "flat and house", f"{flat}14 Quillon Road"
        yield "flat and house / lower", f"{flat.lower()}14 quillon road"
        yield "flat in a named block", f"{flat}Quillon House"
    yield "with a direction", "112 Orrin Road North"
    for number in ("number 22", "No. 22", "no 22"):
        yield "with its word for number", f"{number} Quillon Close"
        yield "with its word for number / lower", f"{number} quillon close".lower()
    for box in ("PO Box 4471", "P.O. Box 12", "po box 907"):
        yield "post office box", box


ADDRESSES = list(address_grid())


def grid_misses(kind: str, forms, frames: list[str], family=lambda form: form) -> tuple[int, str]:
    """Each (form, said) of a grid, said in the frames in turn: how many the ``kind``
    recognizer did not find whole, and a report of them by family with one example each."""
    misses, total, examples = Counter(), Counter(), {}
    for i, (form, said) in enumerate(forms):
        text = frames[i % len(frames)].format(said)
        key = family(form)
        total[key] += 1
        if not covered(kind, text, said):
            misses[key] += 1
            examples.setdefault(key, (text, spans(kind, text)))
    return sum(misses.values()), "\n".join(f"{f}: {misses[f]}/{total[f]} missed, e.g. {examples[f]!r}"
                                            for f in sorted(misses))


def test_every_form_of_an_address_in_the_grid_is_found_whole():
    missed, report = grid_misses("ADDRESS", ADDRESSES, ADDRESS_FRAMES, lambda form: form.split(" / ")[0] + (
        " / " + form.split(" / ")[-1] if " / " in form else ""))
    assert not missed, f"{missed}/{len(ADDRESSES)} addresses missed:\n{report}"


# Numbers before street words that name no address (invented).
ADDRESS_NEGATIVES = [
    "a Road to recovery", "the road to recovery", "two main roads", "three close friends", "two very close friends",
    "one other way", "one more road to go", "seven different lanes", "a twelve mile road", "ten long avenues",
    "one long walk home", "one small step", "five green lanes", "I did 12 long days", "the one way street",
    "band 5 road", "twelve of us on the ward", "unit 4 of the course", "The Five Year Forward View says",
    "the 5 Year Forward View", "seven days a week", "3 of the road", "twenty two close friends", "Band 5 Street Team",
    "section 136", "PHQ-9", "she gave 5 Stars on Google", "I work 3 days on the ward", "no 5 stars on the road",
    "number 10 is the one", "a box of 12",
    # "one" with a street of ordinary words and no word of an address: one of them, not a house
    "only one main road into town", "down one side street", "one busy road", "one quiet lane", "one dead end road",
    "ONLY ONE MAIN ROAD INTO TOWN",
]


# "one" as a house number: where an address is said, or before a street no ordinary word names.
ONE_ADDRESSES = [("i live at one quillon road now", "one quillon road"), ("moved to one busy road in may", "one busy road"),
                 ("my address is one quiet lane", "one quiet lane"), ("she lived at one main road", "one main road"),
                 ("it's number one side street", "one side street"), ("we met at one orrin lane", "one orrin lane")]


@pytest.mark.parametrize("text,said", ONE_ADDRESSES)
def test_one_is_a_house_number_where_an_address_is_said(text, said):
    assert covered("ADDRESS", text, said), spans("ADDRESS", text)


@pytest.mark.parametrize("text", ADDRESS_NEGATIVES)
def test_numbers_and_street_words_that_name_no_address_are_left(text):
    assert spans("ADDRESS", text) == []


# ---------------------------------------------------------------- postcodes

# (written, read out letter by letter with its figures as words)
POSTCODES = [("LS6 2QT", "L S six, two Q T"), ("SW1A 1AA", "S W one A, one A A"), ("M14 5TQ", "M one four, five T Q"),
             ("BD5 7QP", "B D five seven Q P"), ("E17 4RW", "E one seven, four R W"), ("CF24 3NB", "C F two four, three N B")]
POSTCODE_FRAMES = ["the postcode is {}, I think", "send it to {} please", "we're at {}."]


def postcode_grid():
    for written, read in POSTCODES:
        yield "written", written
        yield "lower case", written.lower()
        yield "no space", written.replace(" ", "")
        yield "lower case, no space", written.replace(" ", "").lower()
        yield "read out", read
        yield "read out, no commas", read.replace(",", "")


POSTCODE_FORMS = list(postcode_grid())


def test_every_form_of_a_postcode_in_the_grid_is_found_whole():
    missed, report = grid_misses("POSTCODE", POSTCODE_FORMS, POSTCODE_FRAMES)
    assert not missed, f"{missed}/{len(POSTCODE_FORMS)} postcodes missed:\n{report}"


# A district said alone, after a clue (invented places).
DISTRICTS = [("we're in the M14 area", "M14"), ("in the m14 area", "m14"), ("I live in LS6 now", "LS6"),
             ("the food bank in bd8", "bd8"), ("my postcode's M1, the centre", "M1"), ("postcode: E10", "E10"),
             ("over in NE6 these days", "NE6"), ("round Orrinby, B21, and", "B21")]


@pytest.mark.parametrize("text,district", DISTRICTS)
def test_a_district_said_alone_after_a_clue_is_found(text, district):
    assert district in spans("POSTCODE", text)


POSTCODE_NEGATIVES = ["Band 5 in May", "section 136", "PHQ-9 and GAD-7", "the M6 was shut", "I need 2 AA batteries",
                      "a 2:1 degree", "B12 and vitamin D", "the B21 bus", "I took 20 mg of it", "step 2 work",
                      "M1 was shut", "the A1 north", "a one, two, three", "I A one A A", "Q1 figures"]


@pytest.mark.parametrize("text", POSTCODE_NEGATIVES)
def test_codes_that_are_no_postcode_are_left(text):
    assert spans("POSTCODE", text) == []
