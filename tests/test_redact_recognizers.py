"""Each recognizer's table of what it must find and what it must leave (fictional examples)."""

from __future__ import annotations

import pytest

from ingest.redact.recognizers import RECOGNIZERS, nhs_number_valid, spoken_digits


def found(kind: str, text: str) -> list[str]:
    return [text[f.start:f.end] for f in RECOGNIZERS[kind](text)]


CASES = {
    "EMAIL": (
        [("mail me at tam.orrin@example.org please", "tam.orrin@example.org"),
         ("it's tam dot orrin at gmail dot com, all lower case", "tam dot orrin at gmail dot com"),
         ("write to: t.orrin at outlook dot com.", "t.orrin at outlook dot com"),
         ("the inbox. feedback dot team at brindle dot nhs dot uk. I wrote", "feedback dot team at brindle dot nhs dot uk"),
         ("write to me at fen.harrow@\ngmail.com any time", "fen.harrow@\ngmail.com")],
        ["I'm at brindlecounselling.co.uk on Tuesdays", "we met at the gym, dot on six", "at home, at work"],
    ),
    "URL": (
        [("my site, www.orrincounselling.co.uk, has it", "www.orrincounselling.co.uk"),
         ("find me at orrintherapy.com.", "orrintherapy.com"),
         ("on Instagram, @tam_talks, daily", "@tam_talks")],
        ["see nhs.uk for that", "the NHS website", "email tam@example.org"],
    ),
    "PHONE": (
        [("ring me, 0161 496 0000, evenings", "0161 496 0000"),
         ("text 07700900123 (after six)", "07700900123"),
         ("the office is +44 20 7946 0000 if", "+44 20 7946 0000"),
         ("it's oh seven seven double-oh, nine double-oh, one two three. Thanks", None)],
        ["in 1991 there were nine of us", "£45,000 a year", "one or two, three at most", "band 5, 37.5 hours"],
    ),
    "NHSNO": (
        [("NHS no. 943 476 5919)", "943 476 5919"), ("number 9434765919 on file", "9434765919")],
        ["943 476 5918", "a call on 0114 496 0713"],
    ),
    "NINO": (
        [("NI QQ 12 34 56 C)", "QQ 12 34 56 C"), ("my NI number is AB123456D", "AB123456D")],
        ["band AB 12", "QQ 12 34 56 Z"],
    ),
    "POSTCODE": (
        [("the flat, S2 4QT. Or", "S2 4QT"), ("near EC1A 1BB today", "EC1A 1BB")],
        ["band 4 at step 3", "COVID-19 and PHQ-9", "s2 4qt"],
    ),
    "ADDRESS": (
        [("a hall at 14 Larkin Street with", "14 Larkin Street"), ("the flat, 27 Ember Way, S2", "27 Ember Way")],
        ["she gave 5 Stars on Google", "I saw 14 people on Street Day", "we walked 3 miles"],
    ),
    "DATE": (
        [("the 20th of December, just", "20th of December"), ("on May 14th I went", "May 14th"),
         ("on the twelfth of October.", "twelfth of October"), ("signed 03/11/2021 in", "03/11/2021")],
        ["in May 2019", "I may 3 times", "back in December", "the 1990s", "March 45 of"],
    ),
    "ID": (
        [("Payroll no. 40917 if", "40917"), ("Case reference ER/2020/0417. I", "ER/2020/0417"),
         ("associate number, mine's CV-2231, and", "CV-2231"), ("staff number 118204.", "118204")],
        ["in that case, 300 people", "PHQ-9 and GAD-7", "in 2019 the service", "CORE-10 scores"],
    ),
}

POSITIVE = [(kind, text, span) for kind, (pos, _) in CASES.items() for text, span in pos]
NEGATIVE = [(kind, text) for kind, (_, neg) in CASES.items() for text in neg]


@pytest.mark.parametrize("kind,text,span", POSITIVE)
def test_recognizer_finds(kind, text, span):
    spans = found(kind, text)
    assert spans, f"{kind} found nothing in {text!r}"
    if span:
        assert span in spans


@pytest.mark.parametrize("kind,text", NEGATIVE)
def test_recognizer_leaves(kind, text):
    assert found(kind, text) == []


def test_nhs_number_check_digit():
    assert nhs_number_valid("9434765919")
    assert not nhs_number_valid("9434765918")
    assert not nhs_number_valid("12345")


def test_spoken_digits():
    assert spoken_digits("oh seven seven double-oh, nine triple two") == "077009222"
