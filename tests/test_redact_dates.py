"""A generated grid of the ways English speakers say and type one day of the calendar, and of
the numbers and month words around them that name no day; the DATE recognizer must find
every date whole (day, month, year and weekday as said) and leave the rest.

What the reference coding counts as a date: one day of the calendar (a day and a month, with
the year and weekday said with them; the same as figures; a day alone where the month is
known, "on the twelfth"; a day that has a date of its own, "Christmas Eve"). A month or a
year alone, a month and a year, a weekday alone or relative ("last Tuesday"), a time of day,
a duration and a birthday without its date are no date. Every part below is invented."""

from __future__ import annotations

import re
from collections import Counter
from itertools import product

import pytest

from ingest.redact.recognizers import RECOGNIZERS


def date_spans(text: str) -> list[tuple[int, int]]:
    return [(f.start, f.end) for r in RECOGNIZERS.values() if "DATE" in r.kinds and not r.batch for f in r(text)]


# (number, ordinal in figures, ordinal in words)
DAYS = [(3, "3rd", "third"), (14, "14th", "fourteenth"), (21, "21st", "twenty-first"), (30, "30th", "thirtieth")]
# (number, name, abbreviation)
MONTHS = [(1, "January", "Jan"), (3, "March", "Mar"), (5, "May", "May"), (9, "September", "Sept"),
          (12, "December", "Dec")]
YEARS = {"figures": "2021", "short": "'21", "said 20xx": "twenty twenty-one", "said 2000s": "two thousand and nine",
         "said 19xx": "nineteen ninety-eight", "said oh": "twenty oh nine"}
WEEKDAYS = ["Tuesday ", "Tuesday, ", "Tue ", "Weds ", "Thurs. "]
# Frames a date is said in (invented); {} is the date.
FRAMES = ["we met on {} and then left", "{}, that was the day", "it started {}.", "DOB {} on the form", "Date:{}"]


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def day_forms(number, ordinal, words):
    """The day as said or typed, with the "the" some say before it."""
    return {"digits": str(number), "ordinal": ordinal, "words": words, "the ordinal": f"the {ordinal}",
            "the words": f"the {words}"}


def month_forms(name, abbr):
    forms = {"name": name, "abbreviation": abbr}
    if abbr != name:
        forms["abbreviation."] = abbr + "."
    return forms


def grid():
    """(form, date) pairs: each a date the recognizer must find whole."""
    for (n, o, w), (mn, name, abbr) in product(DAYS, MONTHS):
        days, months = day_forms(n, o, w), month_forms(name, abbr)
        for (dk, d), (mk, m) in product(days.items(), months.items()):
            if dk.startswith("the") or dk == "words" or dk == "ordinal":
                yield f"D of M / {dk}", f"{d} of {m}"
            if not dk.startswith("the"):
                yield f"D M / {dk} / {mk}", f"{d} {m}"
            if not (dk == "digits" and name == "May"):  # "may 3" alone is "I may 3 times"
                yield f"M D / {dk} / {mk}", f"{m} {d}"
        for yk, y in YEARS.items():
            yield f"D of M Y / {yk}", f"the {o} of {name} {y}"
            yield f"D M, Y / {yk}", f"{n} {name}, {y}"
            yield f"M D, Y / {yk}", f"{name} {o}, {y}"
            yield f"M the D Y / {yk}", f"{name} the {w} {y}"
        for wd in WEEKDAYS:
            yield f"weekday D M / {wd.strip()}", f"{wd}{n} {name}"
            yield f"weekday the D of M / {wd.strip()}", f"{wd}the {w} of {name}"
            yield f"weekday M D Y / {wd.strip()}", f"{wd}{name} {o}, 2021"
            yield f"weekday figures / {wd.strip()}", f"{wd}{n}/{mn:02d}/2021"
        for sep in "/.-":
            yield f"figures D{sep}M{sep}YYYY", f"{n}{sep}{mn:02d}{sep}2021"
            yield f"figures D{sep}M{sep}YY", f"{n}{sep}{mn}{sep}21"
            yield f"figures YYYY{sep}M{sep}D", f"2021{sep}{mn:02d}{sep}{n:02d}"
            yield f"typed D{sep}Mon{sep}Y", f"{n:02d}{sep}{abbr}{sep}2021"
            # a weekday and the day alone, the month known ("Tuesday the 9th", "Weds 3rd")
            yield f"weekday the D / {wd.strip()}", f"{wd}the {w}"
            yield f"weekday Dth / {wd.strip()}", f"{wd}{o}"
            # a weekday and day/month in figures, any day ("Tues 3/5")
            yield f"weekday D/M / {wd.strip()}", f"{wd}{n}/{mn}"
        if n > 12:
            yield "figures M/D/YYYY", f"{mn}/{n}/2021"
            yield "figures D/MM", f"{n}/{mn:02d}"
        # the year in two figures without the apostrophe, as on forms ("DOB 14 Mar 85")
        yield "D Mon YY", f"{n} {abbr} 21"
        yield "Dth Month YY", f"{o} {name} 85"
        yield "typed D-Mon-YY", f"{n:02d}-{abbr}-21"
        yield "typed YYYY Mon D", f"2021 {name} {n}"
        # typed without marks ("12Jan2021", "3rdSept21") or with spaces only, as on forms ("12 03 2021")
        yield "typed DMonY", f"{n}{abbr}2021"
        yield "typed DthMonYY", f"{o}{abbr}21"
        yield "typed D MM YYYY", f"{n:02d} {mn:02d} 2021"
        # the day said as a day of the month, the year after "of"
        yield "the Dth day of M", f"the {w} day of {name}"
        yield "the last day of M", f"the last day of {name}"
        yield "D of M of Y", f"the {o} of {name} of 2021"
        a, b = n - 2, n  # the first day of a range, then the last
        yield "range D-D M", f"{a}-{b} {name}"
        yield "range Dth-Dth M", f"the {ordinal(a)}-{o} of {name}"
        yield "range between the D and the D of M", f"the {ordinal(a)} and the {o} of {name}"
        yield "range from the Dword to the Dword of M", f"the {DAYS[0][2]} to the {w} of {name}"
        yield "range M Dth-Dth", f"{name} {ordinal(a)}-{o}"
        yield "range D, D and D M", f"{ordinal(a)}, {ordinal(a + 1)} and {o} {name}"
        yield "range D & D M", f"{ordinal(a)} & {o} {name}"
        yield "range the D/D of M", f"the {ordinal(a)}/{o} of {name}"
        yield "range D–D M", f"{ordinal(a)}–{o} {name}"
        yield "range D M - D M Y", f"{ordinal(a)} {name} - {o} {MONTHS[0][1]} 2021"
        yield "pause D of, um, M", f"the {o} of, um, {name}"
        yield "pause Dword... of M", f"the {w}... of {name}"
        yield "pause M, er, the D", f"{name}, er, the {o}"
        yield "pause D of M, um, Y", f"the {o} of {name}, um, 2021"
        yield "pause D of [note] M", f"the {o} of [pause] {name}"
    for day in NAMED_DAYS:
        yield "named day", day
    for n, o, w in DAYS:  # February as it is often typed
        yield "misspelt month", f"the {o} of {MISSPELT_FEBRUARY[n % 2]}"


# Days that have a date of their own (public holidays and customs).
NAMED_DAYS = ["Christmas Eve", "Boxing Day", "New Year's Eve", "Hogmanay", "Bonfire Night", "Valentine's Day",
              "St David's Day", "St Paddy's Day", "Xmas Day", "Good Friday", "Easter Monday", "Mothering Sunday",
              "Burns Night", "Halloween", "Remembrance Sunday", "Boxing Day 2020", "Saint Andrew's Day",
              "Christmas morning", "Halloween night", "Valentine's night",
              # festivals of one day, saints' days, awareness days named "... Day", spelt as typed
              "Diwali", "Eid", "Eid al-Fitr", "Eid ul Adha", "Vaisakhi", "Yom Kippur", "Rosh Hashanah",
              "Chinese New Year", "Lunar New Year", "St Stephen's Day", "Saint Valentine's Day", "St Piran's Day",
              "Palm Sunday", "Easter Eve", "Ascension Day", "All Saints' Day", "All Souls Day", "VE Day",
              "Holocaust Memorial Day", "World Mental Health Day", "Time to Talk Day", "International Men's Day",
              "Armed Forces Day", "Black Friday", "Leap Day", "Mischief Night", "Burns' Night", "Guy Fawkes' Night",
              "Boxing Day '19", "NYE"]
MISSPELT_FEBRUARY = ["Febuary", "Feburary"]


def cases():
    """Every form spoken in lower case, as written, and typed in capitals, in each frame."""
    for form, date in grid():
        for case, cased in (("lower", date.lower()), ("as written", date), ("capitals", date.upper())):
            if case == "lower" and re.fullmatch(r"(?:may|march|mar|dec|jan) \d+", date.lower()):
                continue  # lower-case "may 3" is a verb and a number
            if case == "lower" and date.isupper():
                continue  # "NYE" is a short form in capitals; "Nye" is a name
            yield form, case, date, cased


def covered(text: str, date: str) -> bool:
    """Is every word of the date (its day, month, year, weekday) inside a found span?"""
    start = text.index(date)
    spans = date_spans(text)
    for w in re.finditer(r"[\w']+", date):
        if w.group().lower() in ("the", "of", "and", "to"):
            continue
        a, b = start + w.start(), start + w.end()
        if not any(s <= a and b <= e for s, e in spans):
            return False
    return True


CASES = list(cases())


def test_every_form_of_a_date_in_the_grid_is_found_whole():
    misses = Counter()
    total = Counter()
    examples = {}
    for i, (form, case, _, cased) in enumerate(CASES):
        frame = FRAMES[i % len(FRAMES)]
        text = frame.format(cased)
        family = form.split(" / ")[0]
        total[family] += 1
        if not covered(text, cased):
            misses[family] += 1
            examples.setdefault(family, text)
    report = "\n".join(f"{f}: {misses[f]}/{total[f]} missed, e.g. {examples[f]!r}" for f in sorted(misses))
    assert not misses, f"{sum(misses.values())}/{len(CASES)} dates missed:\n{report}"


# A day alone from the tenth on, said in words after "of", "around", "was" (the month known).
DAY_ALONE = [("the night of the twelfth, we", "the twelfth"), ("around the twentieth, I think", "the twentieth"),
             ("it was the twenty-third, a Friday", "the twenty-third"), ("THE NIGHT OF THE FOURTEENTH", "THE FOURTEENTH"),
             ("about the thirtieth, they said", "the thirtieth"),
             # any day after the part of a day or week it names
             ("on the night of the third, we", "the third"), ("the morning of the fifth", "the fifth"),
             ("the weekend of the first, I think", "the first"),
             # days joined, the month known
             ("on the twelfth or thirteenth, I think", "the twelfth or thirteenth"),
             ("back on the 3rd and the 4th", "the 3rd and the 4th"),
             ("due back on the twelfth of this month", "the twelfth")]


@pytest.mark.parametrize("text,day", DAY_ALONE)
def test_a_day_alone_in_words_after_of_or_around_is_a_date(text, day):
    assert day in [text[s:e] for s, e in date_spans(text)]


# Numbers and month words that name no day (invented).
NEGATIVES = [
    # ages
    "she was 14 in May", "he turned 21 in March", "aged 30, June said no", "my son is 3 in September",
    # money
    "it cost £14 in March", "£3.50 a session", "they paid £21.12 for it", "£14.05 each",
    # durations
    "six weeks in May", "14 days in December", "for three months in March", "2 weeks, 3 days",
    "off for 21 days", "a 14-day wait",
    # clock times
    "at 14:05 on Tuesday", "at 3.15 on a Friday", "10.30 am", "the 9-5 job", "seven p.m. on Zoom",
    "Saturday at 3pm", "from 9.30 to 4.30",
    # counts
    "fourteen of us in May", "the 14 of us", "3 of May's clients", "there were 21 of them",
    "June 14 people came", "May 3 times",
    # scores and ratings
    "scored 14/27", "rated it 7/10", "21/21 on the GAD", "we won 3-1", "a 4.8 rating", "10/12 sessions",
    # bands, steps and grades
    "band 5 in May", "moved to band 6 March 2021", "step 3 January 2021", "Band 7, 0.8 WTE", "step 2.5",
    # month words that are names or verbs
    "May I ask", "April said no", "June's caseload", "August was hot", "i may 3 times", "we march 3 abreast",
    "MAY I ASK", "the April cohort", "May 14 people",
    # a month and a year, a year alone, a month alone
    "in May 2019", "June '21", "March twenty twenty", "in september two thousand and nine", "back in December",
    "since nineteen ninety-eight", "in 2019 and 2020", "the 2019/20 budget", "2019-2020 was hard",
    "IN MARCH 2020", "the 1990s",
    # weekdays alone, relative days, birthdays
    "last Tuesday", "on a Monday", "Monday week", "every Friday", "on my birthday", "next Wednesday",
    # ordinals that count
    "the 3rd floor", "my 2nd grievance", "the first session", "the fourteenth time", "her 30th birthday",
    "second of three sessions", "the first and second of the month",
    "my first May in the job", "our second March without a rise", "every third June",
    "in June, the 14 of us", "we were 3, May said", "June, um, 14 people", "at Christmas", "Christmas 2020 was odd",
    # numbers in other shapes
    "1-1 sessions", "4-6 sessions", "0.6 WTE", "version 1.2.21", "the M62", "room 14, May",
    # ordinals that count, with "of"
    "the 1st of many", "the 2nd of three sessions", "my 3rd of four", "the 4th of us to leave",
    "mon 2nd choice", "the end of the twentieth century", "one of the third years", "that's the tenth time",
    "it was the twelfth anniversary", "around the third", "of the fifteen of us",
    "on 24/7 call", "on 2/3 of the wards", "we were on 2/3 days", "at 12:30/14:00", "at 10:14 June said",
    "my New Year's resolution",
    # ordinals that count a party or a hand; a day named before a thing that goes with it
    "on the third party's behalf", "we went to the 3rd party", "bought it 2nd hand", "on the second hand",
    "moved to the third sector", "in the 3rd sector",
    "Halloween costumes", "valentines cards", "new years resolutions", "Nye Bevan said",
    # festivals of several days, an awareness week, a mad Friday
    "over Ramadan", "at Hanukkah", "Mental Health Awareness Week", "it was a mad Friday", "an epiphany",
]


# A date and the figures after it: two figures are its year only when they count nothing and
# tell no time (invented).
DATE_THEN_FIGURES = [
    ("on 3 May, 20 of us came", "3 May"), ("on 3 May 20 people came", "3 May"),
    ("on 3 May 10:30 we met", "3 May"), ("on 3 May 10 am we met", "3 May"),
    ("the 3rd of May 12 times over", "the 3rd of May"), ("DOB 3 May 85, in", "3 May 85"),
    ("started 03-Jan-21 and", "03-Jan-21"),
    # a year said by its last two figures, after a pause or at a clause's end; a number said
    # after a date that counts something is none
    ("born the first of April, eighty-seven, in", "the first of April, eighty-seven"),
    ("born April the first, eighty seven.", "April the first, eighty seven"),
    ("the ninth of June ninety-two and then", "the ninth of June ninety-two"),
    ("the 3rd of May, oh nine, was when", "the 3rd of May, oh nine"),
    ("on the 3rd of May, forty people came", "the 3rd of May"),
    ("on the first of June twenty staff left", "the first of June"),
    ("the fifth of May, twenty-one days later", "the fifth of May"),
    ("on the 3rd of May ninety percent said yes", "the 3rd of May"),
]


@pytest.mark.parametrize("text,date", DATE_THEN_FIGURES)
def test_figures_after_a_date_are_its_year_only_when_they_count_nothing(text, date):
    assert max((text[s:e] for s, e in date_spans(text)), key=len, default=None) == date


# Forms the grid does not compose: a day and month in figures after a word that says when, a
# date straight after a label's colon, a weekday's short form before the day alone.
SHORT_FORMS = [("it happened on 3/5 and then", "3/5"), ("off sick since 12/4, stress", "12/4"),
               ("DOB:14/03/85", "14/03/85"), ("I worked New Year's and", "New Year's"), ("on Weds 3rd, I think", "Weds 3rd")]


@pytest.mark.parametrize("text,date", SHORT_FORMS)
def test_short_forms_of_a_date_are_found_whole(text, date):
    assert max((text[s:e] for s, e in date_spans(text)), key=len, default=None) == date


@pytest.mark.parametrize("text", NEGATIVES)
def test_numbers_and_month_words_that_name_no_day_are_left(text):
    assert [text[s:e] for s, e in date_spans(text)] == []


# Short weekdays that are words in lower case ("sat", "sun", "mon") are not taken into a date.
@pytest.mark.parametrize("text,word", [("i sat 3rd in the race", "sat"), ("we sat the 2nd paper", "sat"),
                                       ("the sun 1st thing", "sun"), ("Sat 3rd, I think", None)])
def test_short_weekdays_that_are_words_stay_words(text, word):
    spans = [text[s:e] for s, e in date_spans(text)]
    if word:
        assert not any(word in span for span in spans), spans
    else:
        assert "Sat 3rd" in spans, spans
