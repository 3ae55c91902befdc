"""A generated grid of the forms a workplace is named in by people working in UK mental
health (interviews, podcasts, survey answers): full names with every kind of organisation,
short forms, initials and possessives of a name said earlier in the source, lists, quotes and
brackets, lower case and capitals, names like a person's or a place's, local services named
with a public term, after the verbs that place someone at a workplace. The engine must leave
no distinctive word of the name; public terms and ordinary words around it stay. Then tables
of cases, each with rows that must go and rows that must stay, for the rules that take a
workplace's name whole (``engine.workplaces_whole``, ``engine.listed_with``).

What the reference coding counts: a workplace's name is redacted whole, a public term inside
it too ("Fellside Talking Therapies", "Lune and Wyre Health NHS Trust" are one workplace
each); a word such as "centre", "trust", "house" or "the" alone says nothing. Every workplace,
person and place here is invented; public bodies, national charities and towns are real.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from test_public_terms import check, engine, published  # noqa: F401 - engine is the module's fixture

# Words that identify nobody said alone (as the reference scoring reads a name).
GENERIC = set("""the a an of and at in on to for st ltd co uk nhs service services team ward centre center house
road street lane clinic practice surgery trust hospital wellbeing""".split())


def distinctive(name: str) -> list[str]:
    """The words of a name that must not be published: not generic ones, not figures, without "'s"."""
    words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’&-]+", name)]
    return [w for w in words if len(w) > 1 and w.lower() not in GENERIC and not w.isdigit()]


STEMS = ["Quillmere", "Brackenholt", "Tallowby", "Orrinford", "Fennick", "Larchfield", "Fernhallow", "Brightwick",
         "Wrenfold", "Cobbleton", "Harrowvale", "Thistlecombe"]
KINDS = ["Ltd", "CIC", "CIO", "LLP", "Group", "Partnership", "Collective", "Project", "Hub", "House", "Lodge", "Centre",
         "Practice", "Surgery", "Clinic", "Trust", "Recovery College", "Counselling", "Care", "Healthcare", "Staffing",
         "Recruitment", "Academy", "Hospice", "Foundation", "Care Group", "Medical Practice", "Wellbeing Service",
         "Psychology Ltd", "Therapy Partnership"]
# The verbs and words that place someone at a workplace.
FRAMES = ["I joined {} in 2019.", "Then I left {} for good.", "After that I moved to {} as a band 6.",
          "I was seconded to {} for a year.", "We were placed at {} in second year.",
          "As a trainee I rotated through {} and the inpatient ward.", "Then we all got TUPE'd over to {}, no choice.",
          "I did agency work for {} on weekends.", "I volunteered with {} on Tuesdays.",
          "The service is commissioned by {} now.", "Eventually I got a job with {}, part time.",
          "I've been employed by {} since the merger.", "My contract is with {} now.", "I'm on the bank at {} too."]
LOWER_FRAMES = ["worked at {} for 3 yrs", "left {} in 2021 burnt out", "band 5 at {} then promoted",
                "i'm employed by {} on a zero hours contract", "agency shifts for {} mostly", "joined {} last year",
                "seconded to {} for 6 months", "volunteer with {} on weekends"]


def framed(names, frames, shift=0):
    return [(frames[(i + shift) % len(frames)].format(name), name) for i, name in enumerate(names)]


def grid():
    """(family, quotes of one source, words that must go)."""
    for i, kind in enumerate(KINDS):
        name = f"{STEMS[i % len(STEMS)]} {kind}"
        yield "kind of organisation after a verb", [FRAMES[i % len(FRAMES)].format(name)], distinctive(name)
        yield "at a sentence's start", [f"{name} was the worst place I worked."], distinctive(name)
        yield "possessive at a sentence's start", [f"Honestly. {name}'s rota was chaos."], distinctive(name)
    for full in ["Larchfield Recovery College", "Quillmere Counselling Service", "Brightwick Wellbeing Hub",
                 "Fernhallow Community Project", "Tallowby Care Group", "Orrinford Psychological Therapies",
                 "Second Wind Counselling", "Open Gate Recovery Centre", "Clear Path Therapy Ltd", "Cobbleton House Trust"]:
        words = full.split()
        said = f"I worked at {full} for years."
        if words[0] in STEMS:  # a name's own first word, not "Second" of "Second Wind"
            yield "short: first word", [said, f"Back at {words[0]} it was different."], [words[0]]
            yield "short: possessive", [said, f"{words[0]}'s managers never listened."], [words[0]]
            yield "short: possessive, curly", [said, f"{words[0]}’s rota was chaos."], [words[0]]
            yield "short: lower case", [said, f"then at {words[0].lower()} it got worse"], [words[0].lower()]
            yield "short: as a modifier", [said, f"The {words[0]} managers were fine."], [words[0]]
            yield "short: after ex-", [said, f"I'm ex-{words[0]} now."], [words[0]]
        if len(words) >= 3:
            yield "short: without its kind", [said, f"{' '.join(words[:2])} paid late again."], distinctive(" ".join(words[:2]))
        initials = "".join(w[0] for w in words)
        yield "short: initials", [said, f"At {initials} nobody got supervision."], [initials]
        yield "short: initials in lower case", [said, f"at {initials.lower()} nobody got supervision"], [initials.lower()]
        yield "short: initials in lower case after the", [said, f"anyway the {initials.lower()} rota was bad"], [initials.lower()]
        yield "the full name later in lower case", [said, f"anyway {full.lower()} was rubbish"], [w.lower() for w in distinctive(full)]
        yield "the full name later in capitals", [said, f"{full.upper()} NEVER PAID ON TIME"], [w.upper() for w in distinctive(full)]
        yield "the full name's possessive", [f"{full}'s pay was poor."], distinctive(full)
    for full, short in [("Peace of Quillmere", "PoQ"), ("Talk It Through", "TIT"), ("Next Step Counselling", "Next Step"),
                        ("Quillmere Talking Therapies", "QTT"), ("Calmer Minds Ltd", "Calmer Minds'")]:
        yield "a short form the speaker gives", [f"I was an associate for {full}, an EAP.", f"So {short} never paid on time."], \
            distinctive(short.strip("'"))
    # a local service named with a public term: the whole name is the workplace's
    for said, name in framed(["Quillmere Talking Therapies", "Mind in Brackenholt", "Tallowby Mind", "the Orrinford CMHT",
                              "Fennick IAPT", "Age UK Larchfield", "Citizens Advice Fernhallow", "Brightwick NHS Foundation Trust",
                              "Wrenfold PCN", "Cobbleton Recovery College", "Harrowvale Community Mental Health Team",
                              "Thistlecombe Crisis Team", "Quillmere Samaritans", "Brackenholt Wellbeing Service",
                              "Tallowby Healthy Minds", "Orrinford Early Intervention Service", "Fernhallow Women's Aid"], FRAMES):
        yield "a local service named with a public term", [said], distinctive(name)
    lower = ["quillmere lodge", "brackenholt counselling", "tallowby care group", "orrinford house", "fennick hub",
             "larchfield recovery college", "fernhallow cic", "open gate project", "brightwick staffing", "wrenfold surgery",
             "cobbleton healthcare ltd", "tallowby care"]
    for said, name in framed(lower, LOWER_FRAMES):
        yield "typed in lower case", [said], distinctive(name)
    for said, name in framed(lower, LOWER_FRAMES, 3):
        if "band 5" not in said or name != "open gate project":  # LEFT
            yield "typed in capitals", [said.upper()], [w.upper() for w in distinctive(name)]
    lists = [("Quillmere Lodge", "Hollin House", "Fernhallow Care"), ("Brackenholt Hub", "Tallowby Clinic", "Orrinford Surgery"),
             ("Second Wind", "Open Gate", "Clear Path"), ("Quillmere", "Brackenholt", "Tallowby"),
             ("Wrenfold Staffing", "Cobbleton Recruitment", "Harrowvale Nursing"),
             ("Fennick Lodge", "Larchfield Court", "Thistlecombe Grange")]
    list_frames = ["I did bank shifts at {}, {} and {}.", "I've worked for {}, {}, and {} over the years.",
                   "Placements were at {}, {} or {}, depending."]
    for i, names in enumerate(lists):
        gone = [w for name in names for w in distinctive(name)]
        yield "in a list", [list_frames[i % 3].format(*names)], gone
        if names[0] != "Second Wind":  # three names of ordinary words in lower case: LEFT
            yield "in a list, lower case", [list_frames[(i + 1) % 3].format(*names).lower()], [w.lower() for w in gone]
    for said, name in [('My employer (Quillmere Lodge) never paid overtime.', "Quillmere Lodge"),
                       ('They rebranded as "Brightwick Hub" last year.', "Brightwick Hub"),
                       ("The agency – Quillory Staffing – rang every night.", "Quillory Staffing"),
                       ("We moved to 'Second Wind' as it was called.", "Second Wind"),
                       ("I'm at [Tallowby House] now.", "Tallowby House"),
                       ("(Fernhallow Counselling, if you want to know.)", "Fernhallow Counselling")]:
        yield "in quotes or brackets", [said], distinctive(name)
    for said, name in framed(["Hannah Grove Lodge", "Rosa Tennant House", "St Aldric's Hospice", "Edith Maddox Centre",
                              "Maddox & Hale LLP", "St. Wenna's Surgery", "Sister Aldith House", "Ivy Pardoe Trust"], FRAMES, 2):
        yield "a name like a person's", [said], distinctive(name)
    for said, name in framed(["Orrin Bridge Clinic", "Harrowvale Green Surgery", "Brackenholt Park Medical Centre",
                              "Fennick Moor Hospital", "Tallowby Vale Practice", "Upper Wrenfold Lodge"], FRAMES, 5):
        yield "a name like a place's", [said], distinctive(name)
    employers = {"agency": ["Quillory Staffing", "Brightwick Recruitment", "Tallowby Nursing Agency", "CareBridge Locums"],
                 "school": ["Fennick Primary School", "Ysgol Cobbleton", "Orrinford Academy", "St Aldric's High School"],
                 "university": ["the University of Quillmere", "Quillmere University", "Brackenholt Uni", "Larchfield College"],
                 "GP practice": ["Fennick Road Surgery", "the Wrenfold Practice", "Cobbleton Medical Centre",
                                 "Harrowvale Health Centre"],
                 "charity": ["the Tallowby Trust", "Brightwick Foundation", "Larchfield Carers Network", "Coleg Cobbleton"],
                 "social enterprise": ["Brew and Blether CIC", "Common Thread CIO", "Wrenfold Works",
                                       "Orrinford Community Interest Company"],
                 "private provider": ["Thistlecombe Healthcare", "Quillmere Care Homes Ltd", "MindWell Clinics",
                                      "Brackenholt Hospital Group"]}
    for kind, names in employers.items():
        for said, name in framed(names, FRAMES, len(kind)):
            yield f"employer: {kind}", [said], distinctive(name)
    for said, name in framed(["Birch & Moss Counselling", "Hale and Pardoe Associates", "Kestrel-Vale Care",
                              "Fennick-Orrin Partnership", "Route 24 Counselling", "Haven 360 Ltd", "Quill's Place",
                              "Tallowby 2 Wellbeing", "Orrin & Co", "The Wren's Nest", "Cobbleton 4 Carers"], FRAMES, 7):
        yield "with &, and, a hyphen, a figure or an apostrophe", [said], distinctive(name)
    # names of ordinary words, and words the ordinary-word list keeps, opening a name
    for said, name in framed(["Second Wind", "Open Gate", "Clear Path", "Still Water", "Common Thread", "Safe Ground",
                              "Blue Door", "Welcome House", "Black Country Mind", "Quality Care Services",
                              "Right Track Recovery", "Green Shoots Counselling", "Evening Star Lodge", "West Lodge"], FRAMES, 1):
        yield "a name of ordinary words", [said], distinctive(name)
    for said, name in framed(["Lantern", "Holdfast", "Waymark", "Kinship", "Harbour", "Tend", "Hearth", "Anchor"],
                             ["I do Saturdays for {}.", "{} pays thirty pounds a session.", "I'm an associate with {} now.",
                              "I got work through {} last winter.", "Two days at {}, three in the NHS.",
                              "I signed up to {} in the end.", "{} was the first to offer me anything.",
                              "The {} contract ends in May."]):
        yield "one ordinary word, named before", [f"I work for {name}, the counselling charity.", said], [name]
    for name in ["Mindnest", "Therapilot", "TalkBright", "Listenwell", "CareLoop", "Sessionry", "Heardly"]:
        yield "a coined name", [f"I got work through {name} last winter."], [name]
        yield "a coined name, lower case", [f"there's an app called {name.lower()} that pays per session"], [name.lower()]
    for said, name in framed(["the Limes", "the Larches", "the Beacon", "the Orchard", "the Willows", "the Hive"],
                             ["I worked nights at {} for two years.", "Then {} closed and we all moved.",
                              "I was placed at {} on my second rotation.", "Back then {} had forty beds."]):
        yield "the and one word", [said], distinctive(name)
    for said, name in framed(["Brightwick NE", "Quillmere North", "BRACKENHOLT NW"], FRAMES):
        yield "with a region after", [said], [w for w in distinctive(name) if w != "North"]
    for said, name in framed(["the Quillmere team", "the Rowan unit", "the Fennick practice", "Brackenholt ward",
                              "the Tallowby service", "the Orrinford site"], FRAMES, 1):
        yield "a named team or unit", [said], distinctive(name)
    for i, place in enumerate(["over at {}", "up at {}", "via {}", "through {}", "under {}", "alongside {}", "from {}"]):
        name = ["Quillmere Lodge", "Brightwick Staffing", "Tallowby Care", "Open Gate Counselling", "Fennick House",
                "Larchfield Partnership", "Cobbleton Hub"][i]
        yield "after other words", [f"I was working {place.format(name)} at the time."], distinctive(name)
        if name != "Open Gate Counselling":  # LEFT
            yield "after other words, lower case", [f"i was working {place.format(name.lower())} at the time"], \
                [w.lower() for w in distinctive(name)]

    # initials given in brackets at the first mention, then said alone, with "the" or "'s"
    said = "I worked at Quillmere Counselling Service (QCS) for years."
    for later in ["QCS never paid on time.", "The QCS managers were fine.", "QCS's rota was chaos."]:
        yield "initials given in brackets, then said", [said, later], ["Quillmere", "QCS"]
    yield "short: the and its first word", ["I worked at Quillmere Counselling Service.", "Back at the Quillmere it was hard."], \
        ["Quillmere"]
    # the initials of a name typed in a survey's lower case
    yield "initials of a name typed in lower case", ["worked at quillmere counselling service for 3 yrs", "QCS paid late again"], \
        ["QCS"]
    yield "initials of a name typed in lower case", ["worked at meadow view clinic for 3 yrs", "the mvc was ok"], ["mvc"]
    # a name broken by a filler, a false start, a line break or dots
    for said, gone in [("I worked at Quillmere, um, Counselling Service.", ["Quillmere"]),
                       ("I worked at Quill- Quillmere Lodge.", ["Quill", "Quillmere"]),
                       ("I worked at Quillmere\nLodge for years.", ["Quillmere"]), ("I worked at Quillmere... Lodge.", ["Quillmere"]),
                       ("I worked at Brackenholt, er, Recovery College.", ["Brackenholt"]),
                       ("I worked at the, um, Tallowby Trust.", ["Tallowby"]), ("I was at Fennick - sorry - Fennick Hub.", ["Fennick"])]:
        yield "split by a filler or a break", [said], gone
    # practices named after a person, schools and shops named after their place
    for said, gone in [("I was a receptionist at Dr Pardoe's surgery.", ["Pardoe"]),
                       ("I joined Quill and Partners as a salaried GP.", ["Quill"]), ("The Hale Practice took me on.", ["Hale"]),
                       ("Then I went to Maddox's, the opticians.", ["Maddox"]),
                       ("I worked for Tennant and Sons, a builders.", ["Tennant"]),
                       ("I taught at Fennick Primary for six years.", ["Fennick"]), ("I was head of year at Tallowby High.", ["Tallowby"]),
                       ("I teach at Larchfield Comprehensive.", ["Larchfield"]), ("I worked at Harrowvale GP surgery.", ["Harrowvale"]),
                       ("I'm SENCO at St Aldric's C of E Primary.", ["Aldric"]), ("I work at Thistlecombe Vets.", ["Thistlecombe"]),
                       ("I cleaned at Wrenfold Dental Care.", ["Wrenfold"]), ("I did HR for Tallowby Logistics.", ["Tallowby"])]:
        yield "a practice, school or shop named after a person or place", [said], gone
    for said, gone in [("I volunteer at Quillmere and District Mind.", ["Quillmere"]), ("I worked for Mind Brackenholt.", ["Brackenholt"]),
                       ("I volunteered with Relate Tallowby.", ["Tallowby"]), ("I was at Home-Start Orrinford.", ["Orrinford"]),
                       ("I'm at Brackenholt Age Concern.", ["Brackenholt"]), ("I joined Quillmere Mencap.", ["Quillmere"])]:
        yield "a national charity's local branch", [said], gone
    # a word English seldom writes after "been at", before how long (not "been at camp", an idiom)
    for said, gone in [("ive been at thimble for two years", ["thimble"]),
                       ("hi im a support worker and i have been at maplewood for 4 years", ["maplewood"]),
                       ("been at quarnleys since 2019", ["quarnleys"])]:
        yield "been at a word, for how long", [said], gone


GRID = list(grid())

# Forms the engine still leaves (lower-case names of ordinary words only, with no post before
# them): kept here so that a change that finds them shows.
LEFT = [
    (["i did bank shifts at second wind, brackenholt and clear path."], ["second", "clear"]),
    (["i was working through open gate counselling at the time"], ["open", "gate"]),
    (["i was working down at second wind at the time"], ["second", "wind"]),
    # a number before capitals read as a house number takes the name's first words as a street
    (["BAND 5 AT OPEN GATE PROJECT THEN PROMOTED"], ["PROJECT"]),
    # two words said after "at" again in lower case (English says a compound noun after "at", and
    # bare, as often as a name: "at red alert", "red alert means no leave")
    (["i do two days at second chance", "then at second chance again on fridays"], ["second", "chance"]),
    # a service of a field said of one ordinary word
    (["Canopy, the counselling service, pays £22."], ["Canopy"]),
]


def left_words(engine, quotes: list[str], gone: list[str]) -> list[str]:
    text = published(engine, quotes)
    return [w for w in gone if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]


def test_every_form_of_a_workplace_in_the_grid_is_redacted(engine):
    misses, total, examples = Counter(), Counter(), {}
    for family, quotes, gone in GRID:
        total[family] += 1
        left = left_words(engine, quotes, gone)
        if left:
            misses[family] += 1
            examples.setdefault(family, (quotes, left, published(engine, quotes)))
    report = "\n".join(f"{f}: {misses[f]}/{total[f]} missed, e.g. {examples[f]!r}" for f in sorted(misses))
    assert not misses, f"{sum(misses.values())}/{len(GRID)} workplaces left:\n{report}"


@pytest.mark.xfail(reason="forms still left: see LEFT", strict=False)
@pytest.mark.parametrize("quotes,gone", LEFT)
def test_forms_still_left(engine, quotes, gone):
    assert not left_words(engine, quotes, gone)


# What must stay around workplaces: public bodies, national charities, kinds of place, ordinary words.
KEPT = ["I ran the day centre for years.", "I left the NHS in 2020.", "I volunteered for Mind on Tuesdays.",
        "i've been at camp for 2 years", "we've been at loggerheads for 2 years", "been at uni for 3 years",
        "been at broadmoor for 4 years",
        "The crisis team never rang back.", "She went to the recovery college.", "I work in a GP surgery.",
        "The local hospice took me on.", "Our practice manager left.", "The trust never listened.",
        "I was referred to NHS Talking Therapies.", "The CMHT discharged her.", "Age UK were brilliant.",
        "Citizens Advice helped with the forms.", "I rang Samaritans that night.", "Group supervision was monthly.",
        "We set up a CIC in 2019.", "It's a limited company now.", "I joined Unison then.",
        "I left the Jobcentre in tears.", "I moved to a charity after that.", "I was seconded to the crisis house.",
        "I got a job with the council.", "We got TUPE'd over to the new provider.", "I did agency work for years.",
        "i left the nhs in 2020", "volunteer with mind on weekends", "I WORK FOR THE NHS NOW",
        "I rotated through the inpatient ward and the day hospital.", "Placed at a secure unit, then a care home.",
        "I joined the Royal College of Nursing.", "I worked at Tesco, Boots and Greggs.",
        "I left NHS England in 2020.", "I was referred to IAPT.", "The charity was tiny.", "Mind's website helped.",
        "I went to Relate with my partner.", "I did my training with Cruse.", "Home-Start does great work.",
        "I worked for the NHS Trust for years.", "I'm a GP at a health centre.", "I was in the sixth form.",
        # typed in lower case: a national company's coined name, a body's name ending in its kind
        # or of three words or more
        "i got a job with kooth last year", "i worked for ingeus then", "my contract was with the shaw trust",
        "i signed up with the joseph rowntree foundation", "i volunteered with st john ambulance",
        # a specialty before a kind of place, in lower case or capitals: which service, no name
        "i had an appointment at the urology clinic", "i worked at the haematology unit for a year",
        "she was referred to the dermatology clinic", "i moved to the midwifery unit", "i was at the rheumatology clinic",
        "I WORKED AT THE DERMATOLOGY CLINIC", "I DID NIGHTS ON THE ONCOLOGY WARD"]


@pytest.mark.parametrize("quote", KEPT)
def test_public_terms_and_ordinary_words_around_workplaces_stay(engine, quote):
    assert published(engine, [quote]) == quote


# (quotes of one source, words that must be gone, words that must stay)
# A national charity beside a local name is a local branch, a workplace of its own, whole; the
# charity said of a known town ("Mind in Leeds") or alone stays, and so does its name elsewhere.
BRANCHES = [
    (["Age UK Quarrow took me on as a befriender."], ["Age", "UK", "Quarrow"], ["took me on"]),
    (["I volunteered at Mind in Quarrow for two years."], ["Mind", "Quarrow"], ["for two years"]),
    (["I left Quarrow Women's Aid in May."], ["Quarrow", "Women's Aid"], ["I left"]),
    (["She works for Citizens Advice Quarrow now."], ["Citizens Advice", "Quarrow"], ["works for"]),
    (["I volunteered for Mind in Leeds for two years."], [], ["Mind in"]),
    (["I rang Samaritans in the night."], [], ["Samaritans in the night"]),
    (["Age UK Quarrow took me on.", "I volunteered for Age UK in Hull."], ["Quarrow"], ["Age UK in"]),
    (["I volunteer for Mind, the national one."], [], ["Mind, the national one"]),
    # typed in lower case, after a word placing someone there
    (["volunteer at mind in quarrow on weekends"], ["mind", "quarrow"], ["on weekends"]),
    (["never mind in quarrow it was fine"], ["quarrow"], ["never mind in"]),
    (["i volunteer with mind in leeds"], [], ["mind in"]),
]


@pytest.mark.parametrize("quotes,gone,kept", BRANCHES)
def test_a_national_charity_beside_a_local_name_is_a_branch_redacted_whole(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A word the ordinary-word list keeps ("Welcome", "Black", "Quality") opening a workplace's
# name, or a name of English words no given name opens ("Green Shoots"), after a word placing
# someone there is the name's; so is a job's or a title's word before a name ending in its
# kind ("at Head Space Therapies"), but not after "the" or "to" ("the Senior Leadership Team",
# "escalated to Senior Management Team"), nor before someone ("Head Nurse Bailey").
ORDINARY_FIRST = [
    (["I joined Welcome House in 2019."], ["Welcome"], ["I joined"]),
    (["We were commissioned by Black Country Mind."], ["Black", "Country", "Mind"], ["commissioned by"]),
    (["I was placed at Quality Care Services."], ["Quality"], ["placed at"]),
    (["I worked at the Green Room Project for a year."], ["Green", "Room"], ["for a year"]),
    (["I sat on the Senior Leadership Team for a year."], [], ["Senior"]),
    (["They took me on at Head Space Therapies last year."], ["Head", "Space"], ["took me on at", "last year"]),
    (["I worked at Senior Care Services for a year."], ["Senior"], ["I worked at", "for a year"]),
    (["Then I joined Nurse Plus Agency on nights."], ["Nurse", "Plus"], ["Then I joined", "on nights"]),
    (["We escalated it to Senior Management Team."], [], ["Senior"]),
    (["I spoke to Head Nurse Bailey about it."], ["Bailey"], ["Head"]),
    (["The Clinical Governance Group met monthly."], [], ["Clinical Governance"]),
    (["It was a Bank Holiday Monday."], [], ["Bank Holiday Monday"]),
    (["She went to a Welsh School."], [], ["Welsh"]),
    (["I joined the Green Party."], [], ["joined the Green"]),
    # a name of English words after one, whatever it was read as ("Shoots" as someone's)
    (["As a trainee I rotated through Green Shoots and the inpatient ward."], ["Green", "Shoots"], ["inpatient ward"]),
    (["They merged with White Ribbon last year."], ["White", "Ribbon"], ["merged with"]),
    (["I was with Mum Sarah at the time."], ["Sarah"], ["with Mum"]),
    (["I went to Black Lives Matter marches."], [], ["Black Lives Matter marches"]),
    (["I worked for British Gas."], [], ["British Gas"]),
]


@pytest.mark.parametrize("quotes,gone,kept", ORDINARY_FIRST)
def test_an_ordinary_word_opening_a_workplaces_name_goes_with_it(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A figure after a workplace's coined name is the name's ("Medistaff 24"), not what it counts, a
# time or a range.
FIGURES_AFTER = [
    (["I used to be with Quillforce 24 as well but they went bust."], ["Quillforce", "24"], ["as well but"]),
    (["mainly through medistaff 24 and sometimes the bank"], ["medistaff", "24"], ["and sometimes the bank"]),
    (["I was with Quillforce 24 hours a day.", "I was at Quillforce 2 to 4 on Fridays."], ["Quillforce"],
     ["24 hours a day", "2 to 4 on Fridays"]),
]


@pytest.mark.parametrize("quotes,gone,kept", FIGURES_AFTER)
def test_a_figure_after_a_workplaces_coined_name_goes_with_it(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A capital letter hyphened on to a word opens a workplace's name like any word ("A" too), and
# the name goes wherever it is said, its kind of one word or two; alone, such a pair may be a
# name ("N-Gage", "J-P") unless it is one of the compounds English makes ("X-Ray", "C-Section").
LETTER_HYPHENED = [
    (["Back then I was at B-Well Counselling, the student service.", "B-Well was me and a part-timer.",
      "The college cut B-Well's budget."], ["B-Well", "Counselling"], ["the student service", "a part-timer", "budget"]),
    (["I joined A-Star Recruitment as a consultant.", "A-Star's targets were brutal."], ["A-Star", "Star"],
     ["as a consultant", "targets were brutal"]),
    (["I was at F-Space Family Services until 2019.", "F-Space was where I learnt home visits."], ["F-Space"],
     ["until 2019", "was where I learnt"]),
    (["Everyone at N-Gage was in recovery themselves."], ["Gage"], ["Everyone at"]),
    (["The clinical lead, J-P Ferreira, signed it off."], ["J-P", "Ferreira"], ["The clinical lead"]),
    # a compound English makes, given to someone as a nickname, is theirs
    (["The lads called him X-Ray because he was so thin."], ["X-Ray", "Ray"], ["because he was so thin"]),
    (["I did my A-Levels, then an X-Ray course.", "She got a T-Shirt, then did a U-Turn.", "A-Levels were hard."],
     [], ["A-Levels, then an X-Ray course", "a T-Shirt, then did a U-Turn", "A-Levels were hard"]),
    (["She'd had an emergency C-Section.", "K-Pop was all he talked about.", "Our director treats the C-Suite well.",
      "WE HAD C-DIFF ON THE WARD.", "My office was in D-Block."],
     [], ["emergency C-Section", "K-Pop was", "the C-Suite well", "WE HAD C-DIFF", "in D-Block"]),
]


@pytest.mark.parametrize("quotes,gone,kept", LETTER_HYPHENED)
def test_a_letter_hyphened_on_opens_a_workplaces_name(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Capitalised words saying what kind of service it is, then its kind, describe a service and
# name none ("engine.a_service_described"); a word of the name's own before them, or a kind
# said alone after "the" (that place's name there), is a name as before.
SERVICES_DESCRIBED = [
    (["I was moved to the Day Centre."], [], ["the Day Centre"]),
    (["I work in Head Office now."], [], ["Head Office"]),
    (["Our Head Office never answers."], [], ["Our Head Office"]),
    (["We sent it to the Drop-In Centre."], [], ["the Drop-In Centre"]),
    # without "the", "our"... such words may name a company
    (["Eventually I got a job with Quality Care Services, part time."], ["Quality", "Care"], ["part time"]),
    (["We met at the Community Mental Health Team base."], [], ["Community Mental Health Team"]),
    (["I was at Tallowby Day Centre for years."], ["Tallowby"], ["for years"]),
    (["I was at Sunrise House for years."], ["Sunrise"], ["for years"]),
    (["I started at the Hub last year.", "The Hub closed in May."], ["Hub"], ["last year"]),
    # a body's kind ends a name; words saying where make a site a particular one
    (["I was with the Community Care Trust for years."], ["Community", "Care"], ["for years"]),
    (["I was at the Family Support Centre, then the Recovery Hub."], ["Recovery", "Hub"], ["then the"]),
    (["I worked at the City Hospital."], ["City"], ["I worked at the"]),
]


@pytest.mark.parametrize("quotes,gone,kept", SERVICES_DESCRIBED)
def test_capitalised_words_describing_a_service_are_no_name(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A name with "'s" and its kind is one workplace ("St Bede's Hospice"): the kind is no name
# of its own, searched for wherever the source says it ("the hospice paid").
POSSESSIVE_NAMES = [
    (["I did my hours at St Quillan's Hospice.", "The hospice paid for my supervision."],
     ["Quillan"], ["The hospice paid"]),
    (["I trained at St Orrin's Hospital.", "The hospital was fine."], ["Orrin"], ["The hospital was fine"]),
    (["I went to Fennick's House every week.", "The house was a refuge."], ["Fennick"], ["The house was a refuge"]),
    (["Tallowby's Manager rang me."], ["Tallowby"], ["Manager rang me"]),
]


@pytest.mark.parametrize("quotes,gone,kept", POSSESSIVE_NAMES)
def test_a_possessive_name_and_its_kind_are_one_workplace(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A capitalised compass word ending a workplace's name is the name's (its branch or area); a
# compass word before a place's own name, one saying which way, and "the East" stay as they were.
COMPASS_ENDS = [
    (["I joined Next Step East last spring."], ["Next", "Step", "East"], ["I joined", "last spring."]),
    (["I worked for Quiet Harbour North West for years."], ["Quiet", "Harbour", "North", "West"], ["for years."]),
    (["I worked for Leeds Mind East of the river."], [], ["East of the river."]),
    (["We moved to the East last year."], [], ["We moved to the East last year."]),
    (["I grew up in East Anglia."], [], ["I grew up in East Anglia."]),
    (["I joined the NHS North West team."], [], ["I joined the NHS North West team."]),
]


@pytest.mark.parametrize("quotes,gone,kept", COMPASS_ENDS)
def test_a_compass_word_ending_a_workplaces_name_goes_with_it(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Typed in lower case or capitals, the words of a workplace's kind after its name are the
# name's; after a known town they say what is there. After "the", a kind of place or group in
# lower case after a capitalised name is the name's ("the Quarrow hub").
KIND_AFTER = [
    (["joined quarrow recovery college last year"], ["quarrow", "recovery", "college"], ["last year"]),
    (["JOINED QUARROW CARE GROUP LAST YEAR"], ["QUARROW", "CARE", "GROUP"], ["LAST YEAR"]),
    (["i was working via tallowby care at the time"], ["tallowby", "care"], ["at the time"]),
    (["she was in leeds hospital for a week"], [], ["hospital for a week"]),
    (["moved to quarrow, care work mostly"], ["quarrow"], ["care work mostly"]),
    # after "the", a capitalised name takes its kind of place or group typed in lower case
    (["I'm based at the Quarrow hub most days."], ["Quarrow", "hub"], ["most days"]),
    (["The Quarrow project lost its funding."], ["Quarrow", "project"], ["lost its funding"]),
    (["The London health service is stretched."], [], ["health service is stretched"]),
    (["I worked at the Monday clinic and the Christmas project."], [], ["Monday clinic and the Christmas project"]),
    (["The NHS team were fine."], [], ["The NHS team were fine."]),
    # words that say what kind of service it is, then a word ending a workplace's name; a kind
    # and "of" what it teaches or does (engine.described_kind)
    (["the contract went to fernbrook psychological health, who are a company."],
     ["fernbrook", "psychological", "health"], ["the contract went to", "who are a company."]),
    (["i was with quarrow carers together for a year."], ["quarrow", "carers", "together"], ["for a year."]),
    (["WE WENT TO FERNBROOK EMPLOYEE ASSISTANCE AFTER THAT"], ["FERNBROOK", "EMPLOYEE", "ASSISTANCE"],
     ["AFTER THAT"]),
    (["i trained at orrinby college of nursing in the nineties."], ["orrinby", "nursing"], ["in the nineties."]),
    (["i went to ashcombe school of all places."], ["ashcombe"], ["of all places."]),
    (["she was in leeds mental health services for a week"], [], ["mental health services for a week"]),
]


# The kinds of workplace a name ends in, typed after it in lower case or capitals, are words
# and phrases of data/workplace_kinds.txt too ("care home", "nhs ft", "young carers"); after a
# known town, those that name a public service ("leeds cmht", "hull samaritans"); a
# capitalised name takes its kind typed in lower case after a word placing someone there, or
# when it is a workplace's already ("at Brightwick counselling"), a saint's after its "'s";
# a name read as someone's, a kind no one is called by ("Tallowby hub").
MORE_KINDS_AFTER = [
    (["band 6 @ quarrowby care home since 2020"], ["quarrowby", "care", "home"], ["since 2020"]),
    (["agency shifts via tallowby nhs ft mostly"], ["tallowby", "ft"], ["mostly"]),
    (["left fennick young carers because of bullying"], ["fennick", "young", "carers"], ["because of bullying"]),
    (["thistlecombe medical practice expect us to do unpaid overtime"], ["thistlecombe", "medical"], ["unpaid overtime"]),
    (["employer - the willow centre"], ["willow"], ["employer"]),
    (["WORKED FOR TALLOWBY NHS FT THEN WENT PRIVATE"], ["TALLOWBY", "FT"], ["THEN WENT PRIVATE"]),
    (["I WAS AT ORRINBY FOOD BANK FOR A YEAR"], ["ORRINBY", "FOOD", "BANK"], ["FOR A YEAR"]),
    # kinds of service people work for in health and care: a staff bank, outreach, a helpline, a refuge
    (["I DID NIGHTS FOR ORRINBY NURSE BANK IN 2019"], ["ORRINBY", "NURSE", "BANK"], ["IN 2019"]),
    (["WENT BACK TO QUELLBY STAFF BANK AFTER MAT LEAVE"], ["QUELLBY", "STAFF", "BANK"], ["AFTER MAT LEAVE"]),
    (["I VOLUNTEERED WITH TALLOWBY OUTREACH ON FRIDAYS"], ["TALLOWBY", "OUTREACH"], ["ON FRIDAYS"]),
    (["i did two years with fennick crisis line before uni"], ["fennick", "crisis", "line"], ["before uni"]),
    (["i worked for marrowby refuge until it closed"], ["marrowby", "refuge"], ["until it closed"]),
    (["JOINED ORRINBY DETOX AS A SUPPORT WORKER"], ["ORRINBY", "DETOX"], ["AS A SUPPORT WORKER"]),
    # not after a name read as someone's: a word of the sentence there
    (["I told Sarah outreach was ending in March."], ["Sarah"], ["outreach was ending"]),
    (["We sent Tom rehab leaflets but he never read them."], ["Tom"], ["rehab leaflets"]),
    (["worked for the leeds cmht for 4 years"], ["cmht"], ["for 4 years"]),
    (["at hull samaritans they train you well"], ["samaritans"], ["they train you well"]),
    (["I worked at Brightwick counselling for years."], ["Brightwick", "counselling"], ["for years"]),
    (["Then I joined Quarrow recovery college as a volunteer."], ["Quarrow", "recovery", "college"], ["as a volunteer"]),
    (["Tallowby hub were brilliant with me."], ["Tallowby", "hub"], ["were brilliant"]),
    (["I worked at St Aldric's hub for years."], ["Aldric", "hub"], ["for years"]),
    (["Eventually I got a job with Quarrow Co-op, part time."], ["Quarrow", "op"], ["part time"]),
    # after "the" and a capitalised name, the kinds of work before the kind of place or group
    (["I worked for the Quarrow counselling service for years."], ["Quarrow", "counselling"], ["for years"]),
    (["We refer to the Tallowby talking therapies team."], ["Tallowby", "talking", "therapies"], ["We refer to the"]),
    (["I volunteered for the Orrinby young carers project."], ["Orrinby", "young", "carers"], ["I volunteered for the"]),
    # what stays: a town's hospital, a kind with no name, public names, a kind of service
    (["she was in leeds hospital for a week"], [], ["hospital for a week"]),
    (["band 6 @ the local care home since 2020"], [], ["local care home"]),
    (["I shop at the Co-op in town."], [], ["Co-op"]),
    (["paid via paypal, zero hours via an agency"], [], ["via paypal", "via an agency"]),
    (["I moved to Leeds, care work mostly."], [], ["care work mostly"]),
]


# Typed in lower case after a word placing someone there, a name of two words or more before
# a kind of work ("counselling", "psychotherapy") is a workplace's; what the work is for or how
# it is given stays (service words: "anger management", "short term").
WORK_KIND_AFTER_A_NAME = [
    (["volunteer with quiet harbour counselling on weekends"], ["quiet", "harbour", "counselling"], ["on weekends"]),
    (["placement with bright horizons counselling was unpaid"], ["bright", "horizons"], ["was unpaid"]),
    (["agency shifts for green meadow therapies mostly"], ["green", "meadow", "therapies"], ["mostly"]),
    (["joined calm waters psychotherapy last year"], ["calm", "waters", "psychotherapy"], ["last year"]),
    (["i went for anger management counselling"], [], ["anger management counselling"]),
    (["referred for domestic abuse counselling last year"], [], ["domestic abuse counselling"]),
    (["i offer short term psychotherapy"], [], ["short term psychotherapy"]),
    (["for sexual abuse counselling the wait is long"], [], ["sexual abuse counselling"]),
    (["with person centred counselling"], [], ["person centred counselling"]),
    # a word of which one or where opens a name of two words or more ("new leaf", "north
    # star"); two everyday words before a kind of work are a name; before a kind alone, or
    # whom a service is for, they say which one or what for
    (["i work for new leaf therapies now."], ["new", "leaf", "therapies"], ["i work for", "now."]),
    (["i worked at first light hub for a year."], ["first", "light"], ["for a year."]),
    (["volunteer with second wind counselling on weekends"], ["second", "wind"], ["on weekends"]),
    (["she works at the new clinic now."], [], ["she works at the new clinic now."]),
    (["i was at the north clinic then."], [], ["i was at the north clinic then."]),
    (["we were referred to new mums counselling."], [], ["new mums counselling"]),
    (["i was referred for family counselling."], [], ["family counselling"]),
]


@pytest.mark.parametrize("quotes,gone,kept", WORK_KIND_AFTER_A_NAME)
def test_a_lower_case_name_before_a_kind_of_work_goes_what_it_is_for_stays(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


@pytest.mark.parametrize("quotes,gone,kept", MORE_KINDS_AFTER)
def test_more_kinds_of_workplace_typed_after_a_name_go_with_it(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


@pytest.mark.parametrize("quotes,gone,kept", KIND_AFTER)
def test_the_words_of_a_workplaces_kind_typed_after_it_go_with_it(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A figure inside a workplace's name, before its kind, is the name's; after a word that says
# what it counts ("Step 2", "Ward 7") it is not.
FIGURES = [
    (["I've been employed by Route 24 Counselling since the merger."], ["Route", "Counselling"], ["since the merger"]),
    (["I joined Quarrow 2 Wellbeing in 2019."], ["Quarrow", "Wellbeing"], ["in 2019"]),
    (["I work in the Step 2 Wellbeing Service."], [], ["Step 2"]),
    # a figure before a public body's name in the plural coins a name; not a count of branches,
    # nor a public name itself
    (["My contract with 24/7 Minds ended when the service was recommissioned."], ["24/7 Minds"], ["ended"]),
    (["I volunteer with 3 Minds in the county.", "I was on the phone to 24/7 Samaritans."], [], ["3 Minds", "Samaritans"]),
    (["Talk 4 Change gave me my first job."], ["Talk", "Change"], ["my first job"]),
    # a capitalised English word after a figure is what it counts or numbers; a given name after
    # a number is someone's
    (["We moved to the 2nd Floor last year.", "I had 6 Sessions with her.", "The 2 Trusts merged."], [],
     ["2nd Floor", "6 Sessions", "2 Trusts"]),
    (["We had Year 9 Grace in the group."], ["Grace"], ["Year 9"]),
    # only a word figures count or number: a surname, a nickname or a name that is a word is
    # still someone's ("Bed 6 Crane"), a day's rota of people no coined name ("Tuesday 2 Potter")
    (["Bed 6 Crane was discharged on the Friday.", "2 Fox and 3 Lamb were off sick.", "our 3rd Page started today."],
     ["Crane", "Fox", "Lamb", "Page"], ["Bed 6", "off sick"]),
    (["Monday 1 Fisher, Tuesday 2 Potter, Wednesday 3 Lamb", "I work at 5 Pathways, it's a recovery house."],
     ["Fisher", "Potter", "Lamb", "Pathways"], ["Tuesday 2", "recovery house"]),
    # a figure after "called" opens the name another rule found ("nature minds")
    (["there's one called 2nd nature minds that does walking groups for dads."], ["2nd", "nature"],
     ["walking groups for dads"]),
    # a name capitalised, said to be called so, ends before the words in lower case
    (["a service called 2nd Home supports care leavers."], ["Home"], ["supports care leavers"]),
    # an ordinal after "called" opens the name, no day
    (["the agency is called 2nd wind care, and they pay weekly"], ["2nd", "wind"], ["they pay weekly"]),
    # typed in lower case or in capitals, an ordinal opening words ending in a kind of workplace
    # after a placing word: the name whole, its ordinal no day; "24/7" and a kind, what the
    # figure counts, a compound going on after the kind stay
    (["i joined 2nd harbour care in march", "I DID NIGHTS FOR 2ND HARBOUR CARE"], ["2nd", "harbour", "2ND", "HARBOUR"],
     ["in march", "I DID NIGHTS FOR"]),
    (["we were paid for 24/7 care at home", "i did 2 years at 3 care homes", "i joined 3rd sector care work"], [],
     ["24/7 care", "3 care homes", "3rd sector care work"]),
    # after "for", "to", "from" or "the" too, where an ordinal is as often a day
    (["i did nights for 2nd harbour care", "i was seconded to 2nd harbour care", "i got shifts from 2nd harbour care",
      "i joined the 2nd harbour care"], ["2nd", "harbour"], ["did nights for", "i joined the"]),
]


@pytest.mark.parametrize("quotes,gone,kept", FIGURES)
def test_a_figure_inside_a_workplaces_name_goes_with_it(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Typed in lower case, the other items of a list holding a workplace are workplaces where each
# holds a word English rarely uses; ordinary words in the list stay.
LISTS = [
    (["i've worked for quarrow lodge, orrinby house, and fennick care over the years"],
     ["quarrow", "orrinby", "fennick"], ["over the years"]),
    (["bank shifts at quillmere lodge, brackenholt and tallowby"], ["quillmere", "brackenholt", "tallowby"], ["bank shifts"]),
    (["worked at quarrow lodge, nights mostly, and the day centre"], ["quarrow"], ["nights mostly, and the day centre"]),
    (["i did bank at quarrow lodge, and then i left"], ["quarrow"], ["and then i left"]),
    (["agency shifts at quarrow lodge and home visits"], ["quarrow"], ["and home visits"]),
    # a public body's name opening the next clause is no item of the list; one in the list is
    # passed over, and the list goes on
    (["i was employed by the quarrow lodge and hmrc paid my pip"], ["quarrow"], ["and hmrc paid my pip"]),
    (["i worked at quarrow lodge, iapt and penhallow"], ["quarrow", "penhallow"], [", iapt and"]),
    (["i worked at quarrow lodge and iapt ashcombe"], ["quarrow", "ashcombe"], ["and iapt"]),
    (["i worked at quarrow lodge, age uk and penhallow"], ["quarrow", "penhallow"], [", age uk and"]),
    (["i worked at quarrow lodge and nhs, ngl it was grim"], ["quarrow"], ["and nhs, ngl it was grim"]),
]


@pytest.mark.parametrize("quotes,gone,kept", LISTS)
def test_the_other_items_of_a_lower_case_list_of_workplaces_go(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


def found_by(recognizer: str, text: str) -> list[str]:
    """What one recognizer of the registry finds in ``text``."""
    from ingest.redact.recognizers import RECOGNIZERS

    return [text[f.start:f.end] for f in RECOGNIZERS[recognizer](text)]


# Words joined by a 2 or a 4 said as "to" or "for" are a service's coined name; a code is not.
@pytest.mark.parametrize("text,found", [
    ("I did my training with Step2Wellbeing last year", ["Step2Wellbeing"]),
    ("we refer on to Mind4Carers", ["Mind4Carers"]),
    ("i did shifts for care4u", ["care4u"]),
    ("I did shifts for Care4U.", ["Care4U"]),
    # with the capitalised words going on with the name
    ("The agency was called Care4U Recruitment.", ["Care4U Recruitment"]),
    ("I've done a bit for HomeCare4U over the years", ["HomeCare4U"]),
    ("AGENCY WORK THROUGH MEDICS4HIRE WAS HOW I STARTED", ["MEDICS4HIRE"]),
    ("text talk2us any time", ["talk2us"]),
    ("it was all B2B sales", []),
    ("we score the PHQ9 and GAD7", []),
    ("the COVID19 rules", []),
    ("meet at 4pm", []),
    ("see you in room B4U", []),
    ("it is up2u now", []),  # a small word before the digit: slang
])
def test_words_joined_by_a_digit_said_as_a_word_are_a_coined_name(text, found):
    assert found_by("digit-name", text) == found


# In a text typing names in lower case, a word English has never written is a name, wherever it
# stands, as it is in capitals; a misspelling, a word made from an English one, English words or
# the field's run together, a stretched or a dialect word stay, and so does any such word where
# the typist capitalises names.
@pytest.mark.parametrize("text,found", [
    ("ugh marrowdene changed the rota again", ["marrowdene"]),
    ("been with quillhatch since uni", ["quillhatch"]),
    ("supervision with adebuyo every fortnight", ["adebuyo"]),
    ("im in auchtermory now", ["auchtermory"]),
    ("we log it all on sessiontrak", ["sessiontrak"]),
    ("Yes. The manager at fenholt said no.", ["fenholt"]),
    ("WE ALL TRANSFERRED TO BRISKWATER IN MAY", ["BRISKWATER"]),
    # its possessive; a prefix before a place's ending is no English word's ("interbrook")
    ("ugh marrowdene's new manager is awful", ["marrowdene"]), ("ugh interbrook changed the rota", ["interbrook"]),
    # a coined name ending as a verb's form does, or opening as apps' names do
    ("i did two years at thornsted", ["thornsted"]), ("we all had to use telemindly", ["telemindly"]),
    # one slip from a town's name is a name still, not a misspelling of a word
    ("ugh wakefeild changed the rota again", ["wakefeild"]),
    ("the managemnt said apointment times were fixed", []),
    ("we got reprofiled and the honoraries were cut", []),
    ("my job got upskilled and insourced", []),
    ("im a supportworker on the waitinglist team", []),
    ("im a peersupport lead in a carehome", []),
    ("sooo tired, rotaaa out", []),
    ("it wasnae fair and i couldnae say", []),
    # a medicine two slips away, a word said without its "g", a dialect's or another language's
    ("lamotragine made her rash up", []), ("janglin on the phone all day", []),
    ("you mustnt say that", []), ("chemsex and nitazenes came up in the training", []),
    ("so dreich out and my bredrin was late", []), ("my babcia says dziekuje", []),
    ("the iapters and sencos were lovely", []),
    ("email me at quillhatch@gmail.com or see quillhatch.org", []),
    ("We moved to Calder Moor and quillhatch was shut.", []),
])
def test_a_word_english_never_wrote_is_a_name_in_lower_case(text, found):
    assert found_by("coined-word-in-lower-case", text) == found


# Typed in lower case, quotes or brackets mark a workplace's name: a word English never wrote
# after someone's work or before what only a workplace or an app is, or everyday words ending in
# a building's kind or a workplace's after someone's work (a post "at", a kind of workplace before
# "called" or "with"). Everyday words alone in quotes are what someone said as
# often, whatever is before or after them, and stay; so do words with figures, jobs, public names.
@pytest.mark.parametrize("text,found", [
    ("worked at 'larch court' for 5 yrs, then", ["larch court"]), ("employer: 'quillmoor house'", ["quillmoor house"]),
    ("sessional for 'mendwell' app. earn less", ["mendwell"]),
    ("they gave us 'stillpoint' app instead", ["stillpoint"]),
    ("joined 'brackendale lodge' in 2019", ["brackendale lodge"]), ("worked for (quillory) two years", ["quillory"]),
    # everyday words after someone's work, where the name ends; a coined word after "with", "thru"
    ("worked at 'moor view' for 3 yrs", ["moor view"]), ("i left 'bright path' in 2020", ["bright path"]),
    ("i worked at 'hope house' doing nights", ["hope house"]),
    ("based at 'elm court' with the crisis team", ["elm court"]),
    ("worked for 'safe steps'.", ["safe steps"]), ("bank shifts with 'carewell'.", ["carewell"]),
    ("employed by 'quillmend' for years", ["quillmend"]), ("i was placed via 'carewise' for six months", ["carewise"]),
    ("the manager left 'constructive feedback' in my tray", []), ("people left 'en masse' after the restructure", []),
    ("joined “the arbour collective” in 2019", ["the arbour collective"]),
    # two words or more no everyday ones before a workplace's kind; after a post "at", a kind of
    # workplace before "called" or "with"; a coined word after a word said of far more
    ("therapist at 'quillan tarn counselling' above the bookies", ["quillan tarn counselling"]),
    ("i left 'brackle tarn counselling' in 2021", ["brackle tarn counselling"]),
    ("agency shifts with 'brightstaff nursing' mainly", ["brightstaff nursing"]),
    ("sessions via 'brindlewick therapy' now", ["brindlewick therapy"]),
    # the name's article and a word no everyday one before the kind, after someone's work or a
    # bare "at", "for"; a service's word between ("care homes")
    ("my employer is 'the quarnby partnership', a gp practice", ["the quarnby partnership"]),
    ("now at 'the quillmoor practice' york, self employed", ["the quillmoor practice"]),
    ("in the process of leaving 'brackwater care homes' for a job", ["brackwater care homes"]),
    ("i was at 'the big practice' for years", []), ("we laughed at 'the community practice' nonsense", []),
    ("i work for 'step down care' now", []), ("i left 'the bridge project' in 2021", []),
    ("we're meant to be at 'the joint practice' every week", []), ("now at 'the extra care homes'", []),
    # the kind of workplace it is straight after the quotes, whatever its words; not what kind
    ("support worker @ 'the beeches' supported living, run by a charity", ["the beeches"]),
    ("i work for a 'not for profit' organisation", []), ("they're a 'proper' employer now", []),
    ("it's a 'dry' hostel so no drinking", []), ("our 'sister' care home", []), ("a 'grassroots' organisation", []),
    # a service, a team, a therapy after the article or a bare "for": what kind
    ("for 'the hoarding service'", []), ("at 'the sleepover team'", []), ("for 'equine assisted therapy'", []),
    # the name's own article after someone's work there or a workplace named so; after "my employer
    # is", "my agency is", "now at" as after "employer:"
    ("my agency is 'the quillbrook'. pays late", ["the quillbrook"]), ("my agency is 'pulse mh'", ["pulse mh"]),
    ("a unit called 'the quarnleys' on the hill", ["the quarnleys"]),
    ("a unit called 'the birches' on the hill", []),  # (English words: as often a name given in scorn, 'the pits')
    ("a ward called 'the pits' by the patients", []),
    ("my employer is 'the worst' honestly", []), ("a ward called 'the pit' by the patients", []),
    ("my employer is 'the madhouse'", []), ("i worked at 'the naughty corner'", []), ("a ward called 'the bin'", []),
    ("my agency is 'meh'", []), ("my workplace is 'the madhouse'", []),
    ("the scheme is called 'the pledge'", []), ("my agency was 'the cheapest' option", []),
    ("nurse at 'the deep end' for years lol", []), ("she works for 'the man' basically", []),
    ("private work as 'bank staff' mostly", []), ("i left 'talking therapy' in 2020", []),
    ("nurse at 'intensive care' for years", []), ("counsellor at 'foster care' now", []),
    ("i worked at 'end of life care' for years", []), ("private work as 'walk and talk therapy'", []),
    ("agency shifts with 'the highest bidder' lol", []), ("a tiny cic called 'the cheap option'", []),
    ("private work as 'the fixer' mostly", []),
    # ideas, states and phrases in quotes, after words of work or not
    ("they left 'high and dry' the whole team", []), ("i quit 'cold turkey' and went agency", []),
    ("i left 'voicemails' and got nothing back", []), ("it was called 'business needs' every time", []),
    ("they renamed it 'colleague experience'", []), ("a post with 'career progression'", []),
    ("we're working at 'breaking point'", []), ("i volunteered at 'soup kitchen'", []), ("worked for 'big pharma'", []),
    ("based at 'hospital site' now", []), ("worked at 'day centre' level", []), ("shifts via 'eroster' only", []),
    ("judged by 'gad7' numbers", []), ("i work with 'neurospicy' kids", []),
    ("the 'senior leadership' team never visit", []), ("a 'traffic light' system", []),
    ("the 'walk and talk' group", []),
    ("i left (long story) and went agency", []), ("joined (thank god) in may", []),
    ("see reviews for 'kind pines' lol", []), ("worked with 'complex cases' mostly", []),
    ("at 'full capacity' all the time", []), ("taken over by 'private equity'", []),
    ("they claim to be 'a great place to work'", []), ("downgraded to 'support assistant' when", []),
    ("called it a 'restructure'", []), ("called me 'agency' all shift", []), ("joined 'the team' in 2019", []),
    ("worked at 'band 5' level", []), ("they rebranded as 'talking therapies'", []),
    ("the 'wellbeing' app is useless", []),
    # where names are capitalised, quotes are the capitalised rules'
    ("I worked at 'larch court' for years. Then Mossgate.", []),
])
def test_a_workplace_in_quotes_typed_in_lower_case_is_found(text, found):
    assert found_by("workplace-quoted-lower", text) == found


def test_a_workplace_named_in_quotes_goes_in_every_quote_of_the_source(engine):
    check(engine, ["worked at 'quillmoor house' for 6 yrs.", "quillmoor house cut my band from 4 to 3"],
          ["quillmoor"], ["cut my band from 4 to 3", "for 6 yrs"])


# Letters and the words they stand for side by side, one in brackets, ending in a workplace's
# kind: the name twice, in any case; not a public body's nor a job's or a team's of every trust.
@pytest.mark.parametrize("text,found", [
    ("CURRENTLY AT AWS (ALBANY WELLBEING SERVICES)", ["ALBANY WELLBEING SERVICES", "AWS"]),
    ("currently at aws (albany wellbeing services)", ["albany wellbeing services", "aws"]),
    ("i was at the big place, quarnby and district counselling (qdc) for years",
     ["quarnby and district counselling", "qdc"]),
    ("LSC (Lantern Support Collective) and the NHS", ["Lantern Support Collective", "LSC"]),
    # the letters between commas, in capitals
    ("so Quarnby Care Solutions, QCS, they had the contract", ["Quarnby Care Solutions", "QCS"]),
    ("Home Treatment Team, HTT, came", []),
    ("ACAS (Advisory Conciliation and Arbitration Service) helped", []),  # (letters a public body's)
    ("the CQC (Care Quality Commission) came", []), ("i'm a PWP (psychological wellbeing practitioner)", []),
    ("we had a CMHT (community mental health team) visit", []),
    ("we went to the DWP (Department for Work and Pensions)", []),
    ("the QWS (quarnby wellbeing sessions) ran late", []),  # (no workplace's kind ends them)
    ("the youth offending service (yos) rang", []), ("he went to a pupil referral unit (pru)", []),
    ("AWS (Brindle Wellbeing Services)", []),  # (the letters are not the words')
])
def test_a_workplaces_letters_beside_its_name_spelled_out_are_both_found(text, found):
    assert found_by("workplace-letters-spelled-out", text) == found


# A name, then in brackets what only a workplace is: a workplace's, however ordinary or shouted.
@pytest.mark.parametrize("text,found", [
    ("honestly the worst was KESTREL (private IAPT provider). targets", ["KESTREL"]),
    ("The worst was Prism (a private IAPT provider). Targets.", ["Prism"]),
    ("I did two years at Still Waters (a youth counselling charity) first", ["Still Waters"]),
    ("My placement was Seedbank (the low-cost counselling service in town).", ["Seedbank"]),
    ("i temp for quillby (an agency) most weeks", ["quillby"]),
    ("we got bought by BEACON (a private provider) in 2019", ["BEACON"]),
    ("i worked at 'larch court' (care home) for 5 years", ["larch court"]),  # (its closing quote no part of it)
    ("nights at quarnby view (nursing home with a dementia unit) in the village", ["quarnby view"]),
    # set apart by dashes as by brackets, its article said
    ("currently at brackleys - the childrens home on the estate - as a carer", ["brackleys"]),
    ("i work at Acorns - a charity for young carers.", ["Acorns"]),
    # kin, a shift, a dash before a kind said of what is no name
    ("my nan (nursing home) is fine", []), ("worked nights (agency with no notice)", []),
    # (a name that ends in such a word is still one; a job or a post is none)
    ("i worked at happy mornings (care agency for older people)", ["happy mornings"]),
    ("i worked at shared love (care agency for older people)", ["shared love"]),
    ("my placement (care home with nursing) was hard", []),
    ("i worked for kind carers (care agency) for two years", ["kind carers"]),
    ("i was with loving weekends (care agency)", ["loving weekends"]),
    ("I was a support worker - the nursing home on the estate - for years", []),
    ("my mum - the care home rang her - is fine", []), ("it was hell - the agency never paid", []),
    # a day, a kind alone, a given name, a department, a role, an everyday word, a public name's
    # place (the engine keeps it), no workplace's kind at the end
    ("The worst was Monday (a bank holiday).", []), ("Then the Trust (the big mental health provider) took over", []),
    ("I rang Sarah (the agency one) and she said no", []), ("Facilities (the cleaning service) never came", []),
    ("My manager (a lovely woman) left", []), ("we had Home (a care provider) round", []),
    ("Kestrel (the charity's manager) left", []), ("I work for Kestrel (the agency pays me)", []),
    ("Facilities (the cleaning contractor) never came", []), ("Wales (the provider) and Scotland (the employer)", []),
])
def test_a_name_with_what_only_a_workplace_is_in_brackets_is_one(text, found):
    assert found_by("workplace-described-in-brackets", text) == found


# What a workplace is, or someone's role, then its name in brackets: the workplace's, the person's;
# not words of grammar, figures, a kind's or the field's words, one everyday word without "the".
@pytest.mark.parametrize("text,found", [
    ("i'm a band 5 on a mother & baby unit (the wren, if anyone knows it). we're", ["wren"]),
    ("the ward (kittiwake) had filled my shifts w/ agency", ["kittiwake"]),
    ("head office (lindenvale care group) want 'efficiencies'", ["lindenvale care group"]),
    ("on an eating disorders unit (the poplars) - 0.6 wte", ["poplars"]),
    ("the charity i work for (the tallow trust) has no union", ["tallow trust"]),
    ("ward clerk on 2 wards (alder & sorrel) at the same time", ["alder", "sorrel"]),
    ("a housing first project (quenby to home - thats what we're called)", ["quenby to home"]),
    ("mgr (r. haldane) refused flexi working", ["r. haldane"]), ("my manager (priya) was great", ["priya"]),
    ("my ward (Kestrel) closed. The charity (Second Chances) folded.", ["Kestrel", "Second Chances"]),
    # whatever comes before, a name typed in lower case with its kind, a word English hardly uses in it
    ("when the new provider took over (quendle care). lost £1.2k/yr", ["quendle care"]),
    ("i went there (the main hospital) twice", []), ("mum is in one (a care home) now", []),
    ("the ward was shut (infection control team) all week", []),
    ("i'm in a prison in-reach team (hmp not saying which). contracted", []),
    ("the board (all gps) see us as cheap", []), ("at the sanctuary café (crisis drop-in) in 2017", []),
    ("the unit (locked) was grim, the team (small) was lovely", []), ("my band (band 6) was cut", []),
    ("the office (upstairs) leaks", []), ("the team (the same one as before) got cut", []),
    ("the team (in crisis) again", []), ("the ward (for men) was full", []),
    ("the trust (the big provider) did nothing", []), ("my manager (a lovely woman) left", []),
    # after a role, each word a name's; after a kind, a rare word, a ward's name, "the" and one word
    ("my manager (long story) left", []), ("my manager (newly qualified) was kind", []),
    ("my colleague (white male) said", []), ("the ward (mixed sex) was grim", []),
    ("the team (the duty lot) said no", []), ("my manager (quennell) left", ["quennell"]),
    ("a rehab ward. mgr (mr. quillane-dow) runs it", ["mr. quillane-dow"]),
])
def test_a_name_in_brackets_after_what_it_is_is_found(text, found):
    assert found_by("named-in-brackets", text) == found


def test_a_workplace_named_in_brackets_goes_wherever_it_is_said(engine):
    check(engine, ["the ward (kittiwake) had filled my shifts", "kittiwake was short again"],
          ["kittiwake"], ["had filled my shifts", "was short again"])


# After "Head of", "Director of", department words are what a post is over; set apart as a
# workplace ("..., a tiny charity"), the same words name one.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["I'm Director of Community Care Partnership, a tiny charity in Leeds."], ["Community Care Partnership"], []),
    (["She was manager of Access Health, the private clinic on the high road."], ["Access Health"], []),
    (["He became Head of Primary Care Development, a GP federation."], ["Primary Care Development"], []),
    (["I was Head of Partnership Training, a training company I set up with her."], ["Partnership Training"], []),
    (["She's Head of People now. He's Head of Patient Experience, the worst job going.",
      "I was Head of People, the company's HR lead.", "I was Head of Partnerships for two years.",
      "Director of Strategy, a firm believer in peer support."], [],
     ["Head of People", "Head of Patient Experience", "the company's HR lead", "Head of Partnerships",
      "Director of Strategy, a firm believer"]),
])
def test_department_words_after_a_post_name_a_workplace_only_when_said_to_be_one(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


def test_a_coined_word_is_redacted_in_every_quote_of_the_source(engine):
    check(engine, ["quillhatch r hiring btw", "honestly quillhatch, never again"], ["quillhatch"],
          ["r hiring btw", "honestly", ", never again"])


# A UK university named by its initials or short word (data/recognizer_words.yml): as
# written, or in lower case after "at", "from"...; not inside other words or codes.
@pytest.mark.parametrize("text,name", [
    ("Did my MSc at UEA, then the doctorate at Salomons.", "UEA"),
    ("Did my MSc at UEA, then the doctorate at Salomons.", "Salomons"),
    ("I'm lecturing at QMUL now.", "QMUL"),
    ("did my pgdip at lsbu 2019", "lsbu"),
    ("trained at goldsmiths then moved", "goldsmiths"),
    ("The UCLan course was fine.", "UCLan"),
])
def test_a_university_by_its_short_name_is_found(text, name):
    assert name in found_by("university-name", text)


@pytest.mark.parametrize("text", ["the goldsmiths of the old town", "a ucl injury from netball", "UCLA in the summer",
                                  "my mmu account", "uea exam", "an LSEs-style thing", "email me at uel@quarrow.org"])
def test_words_and_codes_like_a_universitys_short_name_stay(text):
    assert found_by("university-name", text) == []


# A ward, unit or wing named after a tree, flower or bird (data/ward_names.txt), typed in lower
# case where a ward is said ("on", "the", a line's start): the word is its name; a word that
# says what kind of ward it is stays, and so does furniture.
@pytest.mark.parametrize("text,name", [
    ("i was a staff nurse on juniper ward for two years", "juniper ward"),
    ("then i moved to the kestrel unit as a band 6", "kestrel unit"),
    ("bluebell wing - nights, no breaks", "bluebell wing"),
    ("they put me on ward heron for the summer", "heron"),
    ("I WAS ON LARCH WARD FOR A YEAR", "LARCH WARD"),
    ("they put him in the pine unit overnight", "pine unit"),
    # a person put or left there, no thing: the ward
    ("they put my dad in the pine unit", "pine unit"), ("she was left in the beech unit for hours", "beech unit"),
    # named in a list before "wards", each of them; birds English rarely writes of
    ("bank hca across heron/kestrel wards, never know where", "heron"),
    ("bank hca across heron/kestrel wards, never know where", "kestrel"),
    ("we cover larch, rowan and elm wards now", "rowan"), ("i was on siskin ward for a year", "siskin ward"),
])
def test_a_ward_named_after_a_tree_flower_or_bird_in_lower_case_is_found(text, name):
    assert name in found_by("lower-case-ward", text)


# A ward found by a ward's kind of name: another such name joined to it is a ward too.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["they moved me from sorrel to the larch unit in a week", "sorrel was acute"], ["sorrel"], ["was acute"]),
    (["they put me on ward heron, heron or siskin most weeks"], ["heron", "siskin"], ["most weeks"]),
    (["i did nights on juniper ward, then on to bed"], ["juniper"], ["then on to bed"]),
])
def test_a_ward_joined_to_a_ward_found_is_one(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


@pytest.mark.parametrize("text", ["i was on the acute ward for years", "on the stroke unit it was chaos",
                                  "we bought a pine unit for the kitchen", "the ward round took hours",
                                  "i was ward sister then", "the birth suite was lovely", "ward 7 then ward 9",
                                  "the ward olive oil supply ran out", "on the ward lavender spray was banned",
                                  # things put in a unit: furniture
                                  "put the files in the pine unit", "i kept my mug on the oak unit",
                                  # a list of kinds before "wards", units that are furniture
                                  "we had the acute and rehab wards", "the male and female wards",
                                  "put it in the oak and pine units", "the old nightingale wards were freezing",
                                  "a swift ward round, then home"])
def test_a_kind_of_ward_and_other_units_stay(text):
    assert found_by("lower-case-ward", text) == []


def test_a_ward_named_in_lower_case_is_redacted(engine):
    check(engine, ["i was a staff nurse on juniper ward, then the cedar unit"], ["juniper", "cedar"],
          ["i was a staff nurse on"])


# A county's or region's name (public) with capitalised words of a workplace's kind after it
# names a local service, whole, as a town's does; the county alone stays.
AREA_NAMED = [
    (["I did my placement with Surrey Counselling, two evenings a week."], ["Surrey", "Counselling"], ["two evenings"]),
    (["Dorset Care never paid travel."], ["Dorset", "Care"], ["never paid travel"]),
    (["I did my placement with Somerset Psychotherapy, two evenings a week."], ["Somerset", "Psychotherapy"], ["placement"]),
    (["I did my placement with Merseyside Talking Therapies."], ["Merseyside", "Talking", "Therapies"], ["placement"]),
    (["I moved to Dorset in 2019.", "She lives in Somerset. Care is hard to find there."], [], ["Dorset", "Somerset. Care"]),
]


@pytest.mark.parametrize("quotes,gone,kept", AREA_NAMED)
def test_a_local_service_named_by_its_county_goes_whole(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# The kinds of workplace are one table (data/workplace_kinds.txt), a kind and its roles a line.
def test_the_table_of_workplace_kinds_gives_each_role_its_kinds():
    from ingest.redact import lexicon

    assert {"hub", "trust"} <= lexicon.workplace_kinds("ends-name")
    assert "care home" in lexicon.workplace_kinds("after-name") and "care home" in lexicon.workplace_kinds("place")
    assert "support" in lexicon.workplace_kinds("sentence-word") and "support" not in lexicon.workplace_kinds("no-one")


@pytest.mark.parametrize("line,said", [("hub: ends-name afterthe", "'afterthe' is no role"),
                                       ("hub ends-name", "needs its roles after a colon")])
def test_a_mistyped_line_of_the_table_of_workplace_kinds_is_an_error_naming_file_and_line(tmp_path, line, said):
    from ingest.redact import lexicon

    path = tmp_path / "kinds.txt"
    path.write_text(f"# a comment\ntrust: ends-name\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"kinds\.txt, line 3: .*{re.escape(said)}"):
        lexicon._workplace_table(path)


# (quotes of one source, words that must be gone, words that must stay)
# Typed in lower case with no word placing someone there, a workplace is told by its kind:
# a school, a practice or shop, a national charity's local branch; a rare word of what kind of
# service it is before the kind is the kind's ("fernhallow carers centre").
LOWER_KINDS = [
    (["tallowby high school was understaffed"], ["tallowby"], ["was understaffed"]),
    (["wrenfold vets was understaffed"], ["wrenfold"], ["was understaffed"]),
    (["fernhallow carers centre shut in march"], ["fernhallow"], ["shut in march"]),
    (["brightwick foodbank ran out by tuesday"], ["brightwick"], ["ran out by tuesday"]),
    (["quillmere ymca took me on as a youth worker"], ["quillmere"], ["took me on"]),
    (["tallowby home-start needed volunteers"], ["tallowby"], ["needed volunteers"]),
    (["orrinford pharmacy closed at six"], ["orrinford"], ["closed at six"]),
    (["larchfield opticians were hiring"], ["larchfield"], ["were hiring"]),
    (["cobbleton nursery paid minimum wage"], ["cobbleton"], ["paid minimum wage"]),
    (["harrowvale academy was in special measures"], ["harrowvale"], ["was in special measures"]),
    (["i really miss it since leaving quarrow house", "she quit brackwell house last year"],
     ["quarrow", "brackwell"], ["since leaving", "she quit"]),
    (["i go into fernhill primary every week", "my lad goes to ashcombe primary"], ["fernhill", "ashcombe"],
     ["every week", "my lad goes to [Workplace"]),
    # a national charity of several words, or one said in lower case, after a local name: its branch
    (["quillmere rape crisis were brilliant with me"], ["quillmere", "rape crisis"], ["were brilliant with me"]),
    (["tallowby samaritans took me on"], ["tallowby", "samaritans"], ["took me on"]),
    # a body public in any case after a local name: its branch, whole, as when capitalised
    (["i worked for quillmere shaw trust", "nights at the tallowby nightingale hospital"],
     ["quillmere", "shaw trust", "tallowby", "nightingale hospital"], ["i worked for", "nights at the"]),
    (["i rang rape crisis that night", "the local women's aid were great"], [],
     ["rang rape crisis that night", "the local women's aid were great"]),
    # a town's name "and district" before the kind
    (["current employer - tallowby & district mind"], ["tallowby"], ["current employer"]),
    (["i volunteer at fennick and district carers centre"], ["fennick"], ["i volunteer at"]),
    (["in the town and district hospital"], [], ["the town and district hospital"]),
    # a national charity, then its branch's name, after a word placing someone there
    (["i volunteer for mind brackenholt on weekends"], ["brackenholt"], ["on weekends"]),
    (["did two years with samaritans quillmere"], ["quillmere"], ["did two years with"]),
    (["i volunteer for mind as well"], [], ["mind as well"]),
    (["i was at mind today"], [], ["mind today"]),
    # a national company's name, then its branch's: the company stays, the branch goes
    (["we went to the tesco quennellgate pharmacy", "i was at boots fernhallow pharmacy for years"],
     ["quennellgate", "fernhallow"], ["we went to the tesco", "i was at boots"]),
    # the kinds alone, a national company before one, kinds of school, a charity said alone stay
    (["i work at tesco pharmacy"], [], ["tesco pharmacy"]),
    (["i took the dog to the vets"], [], ["the vets"]),
    (["high school was hard"], [], ["high school was hard"]),
    (["i was at medical school then"], [], ["medical school"]),
    (["i volunteer at the foodbank"], [], ["the foodbank"]),
    (["worked at the ymca"], [], ["the ymca"]),
    (["home-start does great work"], [], ["home-start does great work"]),
    (["i work in a pharmacy"], [], ["a pharmacy"]),
    (["worked at a nursery for 3 yrs"], [], ["a nursery"]),
    (["i got a job at an academy"], [], ["an academy"]),
    (["the kids at primary are lovely", "support in primary and secondary"], [], ["at primary", "in primary"]),
    (["the carers centre was shut"], [], ["the carers centre was shut"]),
]


@pytest.mark.parametrize("quotes,gone,kept", LOWER_KINDS)
def test_a_lower_case_school_practice_or_branch_is_told_by_its_kind(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Typed in lower case after a word placing someone there, a name, then words of what kind of
# service it is, before its kind ("quarrow vale mental health nhs trust"); "and" may join two
# words of the name. A kind of service alone before the kind stays.
LOWER_NAME_THEN_SERVICE = [
    (["i work for wrenfold valley health nhs trust"], ["wrenfold", "valley", "health"], ["i work for"]),
    (["i work for brook and vale partnership trust"], ["brook", "vale"], ["i work for"]),
    # a word of the name before "and", after a word placing someone there ("part of"); not an
    # everyday word, a public name or another workplace's kind
    (["we're part of kestle and wenlow partnership trust, which is long."], ["kestle", "wenlow"],
     ["we're part of", "which is long."]),
    (["i worked at home and wenlow care trust paid."], ["wenlow"], ["i worked at home and"]),
    (["i worked for the nhs and wenlow partnership trust."], ["wenlow"], ["i worked for the nhs and"]),
    (["i was at rowan house and wenlow partnership trust."], ["rowan", "wenlow"], [" and "]),
    (["i was employed by the local nhs trust", "i worked for the mental health trust"], [],
     ["the local nhs trust", "the mental health trust"]),
    (["i work at the hospital and the trust"], [], ["the hospital and the trust"]),
    # before a public name of several words ("health foundation") the rules find the name, a
    # model the rest: one name, whole
    (["i volunteered at the orrin vale health foundation"], ["orrin", "vale", "health foundation"], ["i volunteered at"]),
    (["i worked at the orrin vale community arts trust"], ["orrin", "vale"], ["i worked at"]),
    (["i volunteered at the tansy brook youth arts project"], ["tansy", "brook"], ["i volunteered at"]),
    (["we used the mental health foundation leaflets"], [], ["mental health foundation leaflets"]),
]


@pytest.mark.parametrize("quotes,gone,kept", LOWER_NAME_THEN_SERVICE)
def test_a_lower_case_name_before_words_of_its_service_and_its_kind_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A name before a public service's letters or a kind of several words is a workplace's, though
# its first word is a given name too ("Sheffield"): labelled so in the published text.
LABELLED = [
    ("I worked for Sheffield IAPT for two years.", "Workplace"),
    ("I joined Lincoln CMHT in May.", "Workplace"),
    ("I asked Sarah Hall about it.", "Person"),
    # a lower-case name before a national charity's name is its branch, a workplace, not a place
    ("i worked at tallowby carers trust", "Workplace"),
    ("tallowby carers trust helped me a lot", "Workplace"),
    # a given name, then a national charity's one-word name that is a surname too, placed at
    # no workplace, is someone's; after a word placing someone there, a branch
    ("Carol Mind was my key worker", "Person"),
    ("I spoke to Carol Mind yesterday", "Person"),
    ("my support worker was Ellen Mind", "Person"),
    ("I volunteer at Quarrow Mind", "Workplace"),
    ("I volunteer at Petra Mind on Fridays", "Workplace"),
]


@pytest.mark.parametrize("quote,label", LABELLED)
def test_a_name_before_a_public_services_letters_is_labelled_a_workplace(engine, quote, label):
    assert re.search(rf"\[{label} \d+\]", published(engine, [quote])), published(engine, [quote])


# Typed in lower case after a word placing someone there and "the", the plural of a word homes and
# units are named after (data/ward_names.txt) is a home's name, where English rarely says the plural.
@pytest.mark.parametrize("text,name", [("i worked nights at the beeches for two years", "beeches"),
                                       ("then i moved to the sycamores", "sycamores"),
                                       ("I LEFT THE HOLLIES IN MAY", "HOLLIES"),
                                       ("a year with the kestrels team", "kestrels"),
                                       # a plural said as often as its word, where someone works or lives
                                       ("i worked at the bluebells for years", "bluebells"),
                                       ("they moved her to the daffodils", "daffodils")])
def test_a_home_named_after_trees_in_lower_case_is_found(text, name):
    assert found_by("lower-case-house", text) == [name]


@pytest.mark.parametrize("text", ["we went to the meadows for a walk", "i spoke to the elders", "we sat under the oaks",
                                  "the beeches were lovely", "i went to the shops",
                                  # flowers seen in their masses ("the bluebells"), out for a walk
                                  "we walked to the bluebells in the woods", "a trip to the daffodils"])
def test_plurals_english_uses_and_trees_said_as_trees_stay(text):
    assert found_by("lower-case-house", text) == []


def test_a_home_named_in_lower_case_is_redacted(engine):
    check(engine, ["i worked nights at the beeches for two years"], ["beeches"], ["i worked nights at the"])


# Typed in lower case after "at", "for", "called"..., words then said to be a charity, a service,
# an agency... or the name are a workplace's name, however ordinary.
@pytest.mark.parametrize("text,name", [
    ("i got a job at ask it again, which is the iapt service for the county", "ask it again"),
    ("so i'm at still standing — yes, that's the name, it's a grief charity", "still standing"),
    ("i'm on talkwell, which is one of these online platforms", "talkwell"),
    ("i was an associate for fair winds, which is an eap", "fair winds"),
    ("technically i'm employed by brook works, which is a social enterprise", "brook works"),
    ("I DID TWO YEARS AT HOLD FAST, IT'S A COUNSELLING CHARITY", "HOLD FAST"),
    # the description straight after a comma or a dash
    ("i work for talk it through, a charity in the north", "talk it through"),
    ("two years with fair winds - an eap, mostly phone work", "fair winds"),
    # in brackets, or said with "the"
    ("i worked for talk it through (a charity) for years", "talk it through"),
    ("i worked for talk it through, the charity in town", "talk it through"),
    ("i worked for talk it through - the charity in town", "talk it through"),
    # after the words of running or founding it
    ("and now i co-run quiet lanterns, which is a network of trainees", "quiet lanterns"),
    ("we set up hollow oak, which was a charity back then", "hollow oak"),
    ("she founded brightwell, which is a small charity", "brightwell"),
    # a word of an idiom after "at" ("at rest") may open a name after "for"
    ("two years doing sessions for rest easy, which is an eap", "rest easy"),
    # a sentence of the name alone, then what it is, after a comma or a sentence's end
    ("bright shore. it's a counselling service run by a charity", "bright shore"),
    ("kind harbour, it's a charity in leeds", "kind harbour"),
    # a word "at" takes as an idiom ("at peace", "at heart") opening a name with "of" inside
    ("i was an associate for peace of heart, which is an eap", "peace of heart"),
    ("i worked for heart of gold, which is a small charity", "heart of gold"),
    # a form's answer: the kind said without an article, after a list's dash, in brackets, in capitals
    ("- oakleaf, small charity, 3 years", "oakleaf"), ("oakleaf (small charity), 3 years", "oakleaf"),
    ("ORCHARD. SMALL CHARITY, MOSTLY VOLUNTEERS.", "ORCHARD"),
    # when it is, said after the name, is no part of it
    ("i volunteer at quiet lanterns on tuesdays, it's a drop-in", "quiet lanterns"),
    ("I'M AT STILL WATERS ON NIGHTS, WHICH IS A CHARITY", "STILL WATERS"),
    ("i was at brightwell in march, it's a small charity", "brightwell"),
    # a town ending it ends a branch's name, which an idiom's word or a count may open
    ("so i was a pwp at first light bristol, which is the talking therapies service", "first light bristol"),
    ("i did my training at one step leeds, which is the iapt service", "one step leeds"),
    # how long said last, before what it is, is no part of the name
    ("so i was at quarrow lea for years, the crisis café", "quarrow lea"),
    ("i was at kind hands for two years, a small charity", "kind hands"),
    ("i worked for kind hands for ages, the charity was great", "kind hands"),
    ("i was at kind hands for the last two years, a small charity", "kind hands"),
    ("i was at kind hands for over a year, a small charity", "kind hands"),
    # a capitalised name opening a sentence, what it is set between commas after it
    ("Marrowfield, the agency I temp for, pays weekly.", "Marrowfield"),
    ("Kettle, the charity I'm at now, is much better.", "Kettle"),
    ("Quayside, the EAP we work for, caps it at six.", "Quayside"),
])
def test_a_lower_case_name_said_to_be_a_workplace_is_found(text, name):
    assert found_by("described-workplace", text) == [name]


@pytest.mark.parametrize("text", ["i work for mind, which is a charity", "i was at my practice, which is a small one",
                                  "i work with children, which is a service i love", "i was at home, which is a nice change",
                                  "i worked at the hospital, which is a trust", "i left in may, which was a company decision",
                                  "a number for the staff support line, which is some company",
                                  "a chat room on the app, which is run by the app",
                                  "i work for the council, a nightmare some days", "i was at home, a care home really",
                                  "i work with kids, a charity job", "i left in june, an agency took over",
                                  # whom a service is for; what "at" takes that is no workplace
                                  "i volunteer with refugees, a charity thing", "i work with asylum seekers, a charity",
                                  "i did bank at weekends, an agency thing",
                                  # a phrase of how long or where ends the words before it: no name holds one
                                  "then on foxglove for a month, the trust was on amber",
                                  "i was at the desk for two years, the charity paid late",
                                  "i was on nights for years, the agency paid late",
                                  "i stayed at mum's for a month, the agency paid.",
                                  # no town after "the" or a word of English villages are named ("near the church")
                                  "i was at home near the church, a charity ran it.",
                                  # nor an idiom, or a count, without a town ending the name
                                  "i get up at first light, which is a service to the dog",
                                  "i did it for one, which is a charity thing", "i was at home in leeds, which is a charity thing",
                                  "i was at work in bristol, which is a charity", "at one point in bath, which is a service",
                                  # what is run or started, not its name
                                  "we run groups, which is a service we offer", "i ran the group, which is a network",
                                  "i started nursing, which is a service", "we run it, which is a charity thing",
                                  "we started early, which was a company rule",
                                  # a sentence of words of speech, what kind, a time or everyday words alone before it
                                  "anyway, it's a charity", "zero hours. it's an agency", "mental health, it's a service",
                                  "um, the chain was ok", "er, the agency was ok", "hmm, the operator was fine",
                                  "honestly, it's a good service", "yeah. it's a charity", "not great. it's a company",
                                  "private practice, it's a business", "good question. it's a charity really",
                                  "i was at peace, which is a relief", "fair enough. it's a job",
                                  "yeah, charity work mostly", "anyway. small charity, though.", "- bank, agency work",
                                  # an idiom, with "of" and a small word after it
                                  "i did it for all of us, which is a service", "i was at peace, which is a charity thing",
                                  "i worked for most of the year, which was a charity",
                                  # a capitalised word opening a clause the charity is the subject of, or an aside
                                  "Overall, the charity was fine.", "Eventually, the agency I work for paid up.",
                                  "Honestly, the charity I work for, it's great.",
                                  "Supervision, the charity paid for that.",
                                  "Wednesdays, the charity I volunteer with is shut.",
                                  "Sarah, the manager at the agency, said no.",
                                  # nor a word said aside between its commas
                                  "Overall, the charity I volunteer for, was fine.",
                                  "Sundays, the agency I work for, is shut.", "Tbh, the agency I work for, is rubbish.",
                                  "Nowadays, the agency I work for, pays late."])
def test_public_names_kinds_and_words_before_a_description_stay(text):
    assert found_by("described-workplace", text) == []


def test_a_workplace_said_to_be_one_is_redacted(engine):
    check(engine, ["i got a job at ask it again, which is the iapt service"], ["ask it again"],
          ["i got a job at", "which is the iapt service"])


# An app's, an online platform's, a system's or a small company's name of one word, in any
# case: said beside what it is, said to be called so, said alone then said to be an app, after
# "signed up to" or "through", or taking its cut. A coined word goes with any of these cues; a
# word English uses only where it is said to be called so, or said alone and then said to be one.
@pytest.mark.parametrize("text,name", [
    ("and then the apps. orrowly. nineteen quid a session", "orrowly"),
    ("And then the apps. Orrowly. Nineteen quid a session", "Orrowly"),
    ("our notes system, quillbase - never iaptus, too dear", "quillbase"),
    ("we moved to a records system last spring, Quillbase — not RiO", "Quillbase"),
    ("a booking platform: lanternly, if you've heard of it", "lanternly"),
    ("the app, which we'll all call brindle, since that's it", "brindle"),
    ("the Platform, which I'll call Kettle because that's its name", "Kettle"),
    ("some firm they named quorrel now runs it", "quorrel"),
    ("lanternly. know it? it's one of those therapy apps.", "lanternly"),
    ("Brindle. Heard of them? One of the online ones.", "Brindle"),
    ("you'll know the adverts. quillbase.", "quillbase"),
    ("i signed up to orrowly in the spring", "orrowly"),
    ("I signed up with Orrowly, like everyone", "Orrowly"),
    ("we book everyone through quillioo now", "quillioo"),
    ("quillioo takes forty per cent of every fee", "quillioo"),
    ("Orrowly kept about 35% of it", "Orrowly"),
    # what it is said after it, between commas or in brackets; a kind said to be it
    ("Brindle, the therapy app, pays nothing", "Brindle"), ("i'm on lanternly (one of those platforms) now", "lanternly"),
    ("the app is orrowly", "orrowly"), ("The platform we use is Quillbase.", "Quillbase"),
    # a coined word said to be one, opening what is said
    ("shiftwise is an app, you get pinged shifts", "shiftwise"), ("so Quillio is one of those platforms", "Quillio"),
    # a name before the kind it is of: a coined word, or one capitalised inside a sentence
    ("i use the quillioo app for sessions", "quillioo"), ("I work on the Kettle platform.", "Kettle"),
    ("Orrowly app work, evenings", "Orrowly"),
    # listed after its kind up to "all of them"
    ("the apps pay nothing. talkwell, orrowly, all of them", "talkwell|orrowly"),
    # contrasted with, listed with or moved to from a public system or app
    ("our notes are on quillbase, not systmone", "quillbase"), ("we moved off rio onto quillbase", "quillbase"),
    ("Everything's on Quillbase rather than EMIS", "Quillbase"), ("zoom or orrowly, whichever", "orrowly"),
    # logged on or used as a system
    ("i logged it all on quillbase", "quillbase"), ("we use quillbase for the notes", "quillbase"),
    ("quillbase crashed again at nine", "quillbase"),
])
def test_an_apps_name_of_one_word_is_found(text, name):
    assert found_by("app-name", text) == name.split("|")


@pytest.mark.parametrize("text", [
    # public apps and systems, and words of grammar, when, the field or an aside beside a kind
    "the platform, zoom, was fine", "the app, teams, kept crashing", "our system, iaptus, went down",
    "the system, obviously, was down", "the app, though, is free", "the platform, mondays, is dead",
    "the app. honestly. it's one of those apps", "yeah. one of the app ones.", "the system, referrals, all of it",
    # an everyday or English word only with a strong cue
    "the platforms. kettle. then the tea", "we went through hell. then through osmosis.", "i signed up to volunteering",
    "tax takes twenty per cent", "the company called me back", "the app called it quits", "the firm, leeds, paid well",
    "signed up to zoom and whatsapp", "the platforms. great. another one.",
    # an English word beside a public system, or used, logged or crashed
    "it crashed, not zoom", "i put it on facebook", "we use teams to talk", "i logged it in writing",
    "we use paper for notes", "the car crashed again", "on zoom and then on teams", "calm, not iaptus",
    "the apps are all the same, zoom, teams, whatsapp, the lot", "the apps. i called bullshit.",
    # a comment, a time or a public app before what it is; an English word said to be the kind
    "Brilliant, the app, isn't it", "Honestly, the system, it's a joke", "Tuesday, the app went down",
    "Zoom, the app, was fine", "the platform is rubbish", "the app was free", "Sorry, the platform.",
    "Yeah, the app, whatever", "two agency contracts, one of the online platforms, and clients",
    "he came from a phone company, call centres, that sort of place",
    # before the kind: a public app, an English word in lower case, one English makes, an acronym
    "the zoom app", "the nhs app", "the headspace app", "the bloom app", "the kettle platform", "a mindfulness app",
    "the budgeting app", "the ehr system", "the Booking system", "Kettle platform pays well", "the DWP portal",
    # said to be one: a pronoun, a public app, an English word
    "it is an app, you get pinged", "this is an app for nurses", "there is an app for that", "which is an app",
    "Zoom is an app.", "Teams is a platform", "Kettle is one of those apps",
    "so telecare is a system issue", "so cyberbullying is a platform problem", "so gaslighting is a website thing"])
def test_public_apps_and_english_words_beside_an_apps_kind_stay(text):
    assert found_by("app-name", text) == []


def test_an_apps_name_said_once_beside_its_kind_goes_wherever_the_source_says_it(engine):
    check(engine, ["then the platforms. orrowly. nineteen quid a session",
                   "so i'm on orrowly messages all lunch. we use zoom and the nhs app too"],
          ["orrowly"], ["then the platforms.", "nineteen quid a session", "zoom", "nhs app", "messages all lunch"])


# Words a workplace is said to be called ("a charity called ...", "the agency was called ..."),
# or put between commas after "my agency", are its name, however ordinary and in any case, up
# to a word that ends a name; not a public name, what the workplace did ("called me back"),
# nor words of what kind or an aside.
@pytest.mark.parametrize("text,name", [
    ("the agency was called helping hands.", "helping hands"),
    ("it's a charity called second chance.", "second chance"),
    ("there's this company called bright futures that does training", "bright futures"),
    ("I was with an agency called Care Plus for a year.", "Care Plus"),
    # capitalised after a kind and "called", words of what kind too (no job title there)
    ("doing extra shifts for an agency called Prime Nurse, and honestly", "Prime Nurse"),
    ("the phone line was run by some outfit called mindright assist, and it was useless", "mindright assist"),
    ("the service is called open door and it's free", "open door"),
    ("a small practice named quiet harbour", "quiet harbour"),
    ("the charity's called 'hold fast'", "hold fast"),
    ("my agency, care plus, sends me to homes.", "care plus"),
    ("our provider — bright path — pays weekly", "bright path"),
    ("an agency called care plus sent me there", "care plus"),
    # after "the", a name in lower case; "the agency, ..."; in brackets; other ways to say it
    ("the agency called helping hands sent me", "helping hands"),
    ("the agency, care plus, sends me", "care plus"),
    ("my agency (care plus) sends me", "care plus"),
    ("a charity known as second chance", "second chance"),
    ("an agency by the name of helping hands", "helping hands"),
    ("the agency's name was helping hands", "helping hands"),
    ("a really small local charity called second chance", "second chance"),
    # who works there between the kind and "is called" (in capitals, however capitalised)
    ("the charity we work for was called second chance", "second chance"),
    ("THE AGENCY I'M WITH IS CALLED PREMIER MEDICAL STAFFING. THEY PAY ON A THURSDAY.", "PREMIER MEDICAL STAFFING"),
    # a first word in -ly or -ed is the name's when a word follows it
    ("a charity called friendly faces", "friendly faces"),
    ("a charity called family matters", "family matters"),
    # after "a", "an" too: "an agency, ..., when"
    ("sometimes an agency, tamarisk nursing, when the bank is empty", "tamarisk nursing"),
    ("i was with a charity — quiet harbour — for a year", "quiet harbour"),
    # a campaign is a group named too; words of what it is for may stand before the pause, the
    # name then ending in a kind; at the sentence's end, three words ending in a kind, or a
    # rare word; a word of which one or where opening words that say only what kind
    ("we run a campaign, fair wage listeners, which is forty of us", "fair wage listeners"),
    ("i help run a campaign about pay, fair wage therapists, which is forty of us", "fair wage therapists"),
    ("it's a charity, kind hearts trust.", "kind hearts trust"),
    ("our practice, quarrowby.", "quarrowby"),
    ("we've got a network, north east carers together, and it helps", "north east carers together"),
    ("we've got a network for carers across the region — north east carers together.", "north east carers together"),
    # set beside what it is to the speaker: "the agency i work for, ..."
    ("the agency i work for, marrowfield, pays weekly", "marrowfield"),
    ("the eap i work for, quill assist, gives six sessions", "quill assist"),
    ("THE CHARITY I VOLUNTEER WITH, KETTLE, IS TINY.", "KETTLE"),
    ("the company we temp for, marrowfield.", "marrowfield"),
    ("the agency i used to work for, marrowfield, paid late", "marrowfield"),
    ("the place i work at, marrowfield, is tiny", "marrowfield"),
    # letters, a name opening with an interjection's word, one word at the sentence's end
    ("the agency i work for, nrs, pays weekly.", "nrs"), ("THE AGENCY I WORK FOR, HCL, PAYS WEEKLY.", "HCL"),
    ("my agency, wow care, pays late.", "wow care"), ("i left the agency i worked for, bloomfen.", "bloomfen"),
    # a small word opens a name that ends in a workplace's kind
    ("the practice is called still harbour counselling, and it takes a third", "still harbour counselling"),
    ("a charity called every voice counselling", "every voice counselling"),
    # a preposition too where the words are named, not after a kind that may have called
    ("the practice is called in touch counselling, and", "in touch counselling"),
    ("a charity known as without walls counselling", "without walls counselling"),
    # a chain, a franchise, a federation are named too
    ("then the owner sold it to a chain called quiet minds group", "quiet minds group"),
    ("my boss bought a franchise called kind hands north", "kind hands north"),
    ("a gp federation called fellbrook primary care alliance", "fellbrook primary care alliance"),
    # after "a place called the", a word homes are named by
    ("i work at a place called the hollies (a care home) and the pay is bad", "hollies"),
])
def test_a_workplace_said_to_be_called_a_name_is_found(text, name):
    assert found_by("called-workplace", text) == [name]


@pytest.mark.parametrize("text", [
    "a charity called Mind helped", "a service called talking therapies", "the agency called me back",
    "some company called me back", "some agency called yesterday",
    "the practice called the police", "the agency called yesterday", "a thing called burnout",
    "a company called it quits", "my agency, honestly, was awful", "my employer, the council, was fine",
    "my employer, tesco, was fine", "the trust, in the end, sacked him", "a charity named after her mum",
    "my agency, though, was awful", "an agency called again", "the practice, like most, was short",
    "a service called the crisis team", "a charity called Age UK",
    "my agency, overall, was fine", "my practice, Wednesdays, was quiet",
    # (what "the agency called" did, now that "the agency called helping hands" is read as a name)
    "the agency called repeatedly", "the agency called twice", "the practice called the gp", "the school called Sarah",
    "it's a charity, a small one, in town", "it was a company, honestly, awful", "an agency, you know, pays weekly",
    "a charity, sometimes a company, whatever", "an agency - not the bank - pays", "a provider, the council, pays",
    "a charity for kids in town, mostly volunteers.", "my network, fellow therapists.", "our team, community mental health team.",
    "an agency for nurses, the bank.", "a campaign about pay, fair wages, for years", "the campaign, in the end, worked",
    # what the speaker says of the one they work for between commas: an aside, a public body, what kind
    "the agency i work for, honestly, pays weekly", "the charity i work for, though, is good",
    "the company i work for, like most of them, pays late", "the charity i volunteer with, Mind, is great",
    "the trust i work for, the nhs, is broke", "the charity i work for, mostly volunteers, is tiny",
    "the practice i work at, on tuesdays, is quiet",
    "the company i work for, tbh, is fine", "THE COMPANY I WORK FOR, TBH, IS FINE.",
    "the company i work for, anyways, is fine",
    # what is said after it, to the sentence's end, is no name
    "the agency i worked through, temporary contracts.", "The clinic I work at, cut hours.",
    # "the place" named only where someone works there
    "the place, honestly, was a dump", "the place i work at, on mondays, is quiet",
    # a small word after "called" opens no name unless words of a name and its kind follow
    "the agency called again with more shifts", "the agency called before every shift",
    "the agency called now and then", "the chain called me back", "a franchise called Tesco Express",
    "the surgery called in extra locums", "the trust called for qualified therapists",
    # something called so is no workplace
    "i learnt about something called burnout", "we do something called shared care",
])
def test_what_a_workplace_did_public_names_and_asides_stay(text):
    assert found_by("called-workplace", text) == []


# A lower-case workplace's name a region opens ("north east carers together") is one name, its
# initials too ("nect"), where a rule reads it as a workplace's (between commas after "a
# network", after "we call it"); the region said alone, or before a kind alone, stays.
REGION_OPENED = [
    (["we've got a network, north east carers together. on twitter we're nect."],
     ["north", "east", "carers", "nect"], ["we've got a network,", "on twitter we're"]),
    (["we call it the north west associates network now."], ["north", "associates"], ["we call it the", "now."]),
    (["i moved to the north west and worked in care."], [], ["i moved to the north west and worked in care."]),
    (["i worked at the north west crisis team."], [], ["the north west crisis team"]),
]


@pytest.mark.parametrize("quotes,gone,kept", REGION_OPENED)
def test_a_lower_case_workplace_a_region_opens_goes_whole(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Found again where the source says it (the term matcher), a name typed in lower case takes
# the words of its kind after it, read as a workplace's or a place's; not a known town's.
@pytest.mark.parametrize("text,kind,name,whole", [
    ("then holdcroft employee assistance opened a hub", "LOC", "holdcroft", "holdcroft employee assistance"),
    ("then holdcroft carers together took over", "ORG", "holdcroft", "holdcroft carers together"),
    ("then holdcroft, together with the council, ran it", "ORG", "holdcroft", "holdcroft"),
    ("then leeds mental health services got worse", "LOC", "leeds", "leeds"),
    ("then holdcroft opened a hub", "LOC", "holdcroft", "holdcroft"),
    ("moved from a specialist perinatal team", "ORG", "perinatal", "perinatal"),
])
def test_a_name_found_again_takes_its_kind_typed_after_it(text, kind, name, whole):
    from ingest.redact.engine import kind_after

    start = text.index(name)
    assert text[start:kind_after(text, kind, start, start + len(name))] == whole


# Typed in lower case, a name read as someone's before a kind and "of" what it teaches is a
# workplace's ("ashby school of psychotherapy"); before other words it stays someone's.
@pytest.mark.parametrize("text,name,whole,kind", [
    ("just gone. ashby school of psychotherapy, you might know it", "ashby", "ashby school of psychotherapy", "ORG"),
    ("she trained at ashby college of nursing", "ashby", "ashby college of nursing", "ORG"),
    ("i told sarah school of thought matters", "sarah", "sarah", "PERSON"),
    ("i told sarah school was out", "sarah", "sarah", "PERSON"),
])
def test_a_lower_case_name_read_as_someones_before_a_school_of_a_field(text, name, whole, kind):
    from ingest.redact.engine import workplaces_whole
    from ingest.redact.names import NameFinder
    from ingest.redact.recognizers import Finding

    start = text.index(name)
    out = workplaces_whole(text, [Finding(start, start + len(name), "PERSON", 0.8, "detector")], [], NameFinder(()))
    assert [(text[f.start:f.end], f.kind) for f in out] == [(whole, kind)]


def test_a_workplace_said_to_be_called_a_name_is_redacted(engine):
    check(engine, ["the agency was called helping hands.", "my agency, care plus, sends me to homes."],
          ["helping", "hands", "care plus"], ["the agency was called", "my agency,", "sends me to homes."])


# Typed in lower case after "at", "for", "with", "joined"..., two words joined by a hyphen that
# English never writes as one word are a service's coined name; compounds English uses, ones
# of a particle or a prefix, and ones that say when stay.
@pytest.mark.parametrize("text,name", [
    ("she was at talk-well for two years.", "talk-well"),
    ("i joined heart-space in 2021", "heart-space"),
    ("we were with kind-minds then", "kind-minds"),
    ("I WAS AT TALK-WELL FOR TWO YEARS", "TALK-WELL"),
    # the word placing someone just before it, not an earlier one; more such words; an en dash
    ("i was at drop-in then at talk-well", "talk-well"),
    ("i worked through talk-well", "talk-well"),
    ("i came from talk-well", "talk-well"),
    ("i was at talk–well", "talk–well"),
    ("i was at Talk-well", "Talk-well"),
    # each half capitalised, even a compound English writes as one word ("wellspring")
    ("I joined Talk-Well in May", "Talk-Well"),
    ("I did nights at Well-Spring", "Well-Spring"),
    ("i was at talk-well years ago", "talk-well"),  # (a time after it is no noun it qualifies)
    # a coined name beside a compound English writes with a hyphen still goes
    ("we sat at eye-level at talk-well", "talk-well"),
    ("i spoke with sign-language then joined heart-space", "heart-space"),
])
def test_a_coined_name_of_two_words_joined_by_a_hyphen_is_found(text, name):
    assert found_by("hyphen-name", text) == [name]


@pytest.mark.parametrize("text", [
    "i was at drop-in on monday", "i work for part-time pay", "i was at half-term with the kids", "i went for self-care",
    "i was with long-term clients", "i was at time-off", "they were at high-risk", "i was with co-workers",
    "he came for follow-up", "she was at well-being", "i left mid-shift", "i was at walk-in", "i worked at step-down",
    "i did it for one-off payments", "we stayed at mind-body", "i was at check-in", "a chat with re-referral",
    "There is no funding for Well-Being", "I was at the Drop-In", "He came for Follow-Up",
    # a participle's compound; a compound before the noun it qualifies
    "i was at well-led", "the trust was rated at well-led", "for short-notice shifts",
    # a compound English writes with a hyphen (data: english_hyphened), said alone after the word
    "we sat at eye-level with her", "i spoke with sign-language.", "it was signed off by tick-box",
    "I SAT AT EYE-LEVEL WITH HER",
])
def test_compounds_english_uses_after_a_placing_word_stay(text):
    assert found_by("hyphen-name", text) == []


def test_a_coined_name_joined_by_a_hyphen_is_redacted(engine):
    check(engine, ["she was at talk-well for two years."], ["talk-well"], ["she was at", "for two years."])
    check(engine, ["i was at Talk-well for two years."], ["Talk", "well"], ["i was at", "for two years."])


# Typed in lower case, the words after what only an employer does to someone ("employed by",
# "contracted by", "on the books of", "tupe'd over to") are its name, however ordinary; a
# determiner, a pronoun, a public body, words of what kind or one everyday word stay.
@pytest.mark.parametrize("text,name", [
    ("i was employed by clear path for a year.", "clear path"),
    ("i was contracted by bright futures since 2020", "bright futures"),
    ("we got tupe'd over to open door in may", "open door"),
    ("i was on the books of care plus", "care plus"),
    ("I WAS EMPLOYED BY CLEAR PATH FOR A YEAR", "CLEAR PATH"),
    ("employed by bright futures whose pay was bad", "bright futures"),
    ("i was employed by clear path's bank team", "clear path"),
    ("i was taken on by clear path in may", "clear path"),
])
def test_a_workplace_said_to_employ_someone_in_lower_case_is_found(text, name):
    assert found_by("workplace-employed-by", text) == [name]


@pytest.mark.parametrize("text", [
    "i was employed by the council for years", "i was employed by nhs", "i was employed by an agency",
    "employed by local authority", "i was employed by them", "i was employed by myself", "hired by word of mouth",
    "employed by age uk for two years", "employed by social services", "employed by private companies",
    "recruited by linkedin", "i was employed by my husband for a bit",
    # people, in the plural
    "employed by family members", "employed by private clients", "contracted by commissioners",
])
def test_what_kind_public_bodies_and_pronouns_after_employed_by_stay(text):
    assert found_by("workplace-employed-by", text) == []


# After "a" or "an", capitalised words that are all kinds of workplace or public acronyms
# name no workplace: "an NHS Foundation Trust" is what a workplace is, said of none.
KIND_OF_NONE = [
    (["I joined an NHS Foundation Trust in 2019."], [], ["an NHS Foundation Trust"]),
    (["It's a Foundation Trust, so no."], [], ["a Foundation Trust"]),
    (["We were bought by a Care Group."], [], ["a Care Group"]),
    (["I joined a Housing Association after that."], [], ["a Housing Association"]),
    # "the Trust", "the charity" said after the named one: its kind, not its name
    (["I joined Fennick Partnership NHS Foundation Trust in 2019.", "The Trust never listened."], ["Fennick"],
     ["The Trust never listened."]),
    (["I volunteered at the Tallowby Trust.", "The charity was tiny."], ["Tallowby"], ["The charity was tiny."]),
    # a name of kind words before a kind, or with no article, still goes
    (["I joined a Minds Together group."], ["Minds"], []),
    (["I joined Fennick Foundation Trust."], ["Fennick"], []),
    (["I joined the Tallowby Care Group."], ["Tallowby"], []),
]


@pytest.mark.parametrize("quotes,gone,kept", KIND_OF_NONE)
def test_a_kind_of_workplace_said_of_none_stays(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A survey's or a form's label for where someone works ("Employer:", "current employer -",
# "Name of organisation:"): each item of the answer is a workplace's name, however ordinary
# its words and in any case; an answer that says only what kind of place, a public body, none,
# or a sentence, stays.
@pytest.mark.parametrize("text,names", [
    ("Workplace: Compass", ["Compass"]),
    ("employer: next step", ["next step"]),
    ("Current employer - Lantern", ["Lantern"]),
    ("Name of employer - Kindred Care", ["Kindred Care"]),
    ("Role: support worker. Employer: Open Door. Years: 3", ["Open Door"]),
    ("Previous employers: Lantern, Compass and Beacon", ["Lantern", "Compass", "Beacon"]),
    ("placement: the willows", ["willows"]),
    ("EMPLOYER: BRIGHT PATH", ["BRIGHT PATH"]),
    # a label's "name" or "(optional)"; a form's question and its answer
    ("Organisation name: Pebble", ["Pebble"]), ("Employer (optional): Ripple", ["Ripple"]),
    ("Where do you work? Thistle", ["Thistle"]), ("who is your employer? pebble, small charity", ["pebble"]),
    ("where do you work: bloom counselling", ["bloom counselling"]),
    # an equals sign for the colon, as surveys are typed
    ("AGENCY = VANTAGE NURSING RECRUITMENT. THEY TAKE A CUT", ["VANTAGE NURSING RECRUITMENT"]),
    ("pay = £11.44, agency = quillcare", ["quillcare"]),
])
def test_a_workplace_named_after_a_label_is_found(text, names):
    assert found_by("labelled-workplace", text) == names


@pytest.mark.parametrize("text", [
    "Employer: NHS", "Employer: self-employed", "employer: local authority", "Workplace: a charity",
    "Workplace: GP surgery", "Organisation: Mind", "Employer: n/a", "Agency: NHS Professionals",
    "Employer: I work for the council", "my employer - they were awful", "The company: awful.",
    "my placement: hell on earth", "The organisation - honestly - was a mess", "Employer: NHS trust, then agency",
    "Organisation: optional", "Employer: private sector", "Employer: third sector charity", "Employer: unknown",
    "Where do you work? In a GP surgery.", "Where do you work? Roughly, the NHS.", "Who is your employer? The NHS",
    "Where do you work? I work for a small charity.", "employer = NHS", "the agency = money, basically",
])
def test_an_answer_naming_no_workplace_and_prose_after_a_label_stay(text):
    assert found_by("labelled-workplace", text) == []


# What someone says their employer, placement or agency is, by name, in any case: the name
# where a word of it is no ordinary one; what they say of it, a kind of place, a public body stay.
@pytest.mark.parametrize("text,names", [
    ("my employer is clearwater therapies but im off sick", ["clearwater therapies"]),
    ("My employer is Quillmere Care Ltd.", ["Quillmere Care Ltd"]), ("My employer is Brackwell.", ["Brackwell"]),
    ("our placement was at thimble for a year", ["thimble"]),
    ("my old employer was called brackwell, then the nhs", ["brackwell"]),
    ("my agency's called brightstaff lol", ["brightstaff"]),
    ("my employer is clearwater consulting tbh", ["clearwater consulting"]),
    ("my employer is called redwing", ["redwing"]),
])
def test_a_workplace_someone_says_is_theirs_is_found(text, names):
    assert found_by("my-employer-is", text) == names


@pytest.mark.parametrize("text", [
    "my employer is very supportive", "my employer is the nhs", "my employer is a local charity",
    "my employer is paying for it", "my employer is aware", "My employer is Mind.", "my employer is myself",
    "my employer is great tbh", "my employer is the council", "my placement was amazing",
    "my placement is in special measures", "my employer is private", "my agency's rota is awful",
    "my employer's hr dept is useless", "my placement was at home",
    # said of it typed short, with a figure, a day; letters in capitals
    "my employer is gr8", "my employer is wfh now",
    "my employer is sooo supportive", "my employer is shambolic", "my placement was weds", "My employer is TEWV.",
    "my employer is hella strict",
])
def test_what_someone_says_of_their_employer_stays(text):
    assert found_by("my-employer-is", text) == []


# A workplace typed in lower case or capitals holding, between its own name and its kind, public
# words that only say what service it is ("primary care"): the workplace whole; those words alone,
# or a public name of one word inside, stay.
@pytest.mark.parametrize("quote,gone,kept", [
    ("i worked at westbrook primary care alliance for 3 years.", ["westbrook primary care alliance"], ["for 3 years"]),
    ("I WORK FOR A GP FEDERATION — WESTBROOK PRIMARY CARE ALLIANCE — AS A PRACTITIONER.",
     ["WESTBROOK PRIMARY CARE ALLIANCE"], ["GP FEDERATION", "AS A PRACTITIONER"]),
    ("i work in primary care at the practice", [], ["primary care at the practice"]),
    ("we moved into secondary care services in 2019", [], ["secondary care services"]),
])
def test_a_workplace_holding_words_of_its_service_goes_whole(engine, quote, gone, kept):
    check(engine, [quote], gone, kept)


# What a workplace's people call it, typed in lower case or capitals after the text places someone
# there or says what kind of place, a part of a word said before it (its own name's): its
# nickname; not a word said of any place, a thing of work, a time, nor where nothing says where
# someone works or the typist capitalises names.
@pytest.mark.parametrize("text,names", [
    ("i've worked at knavesmoor 23 years. everyone calls it the moor. the moor was a community", ["moor"]),
    ("went back as agency to greymarsh hospital, we call it the marsh, not because of him", ["marsh"]),
    ("I WORK AT QUILLBY HOUSE. WE CALL IT THE QUILL.", ["QUILL"]),
])
def test_a_workplace_its_people_call_so_is_found(text, names):
    assert found_by("workplace-called-it", text) == names


@pytest.mark.parametrize("text", [
    "i work nights on the ward. we call it the graveyard shift.", "we call it the zoo.",
    "I work at Knavesmoor. Everyone calls it the Moor.", "i work on the ward. we call it the madhouse.",
    "i work on the ward. we call it the zoo.", "i work at the practice. we call it the rota.",
    "I WORK AT THE ORCHARD LODGE, WE CALL IT THE LODGE BECAUSE ITS SMALL",
    "i work at a day centre, staff call it the base", "we work on zoom all year, we call it the zoo",
    "i work in newcastle, we call it the castle", "i work at sainsburys, we all call it the bury",
    "i work in huddersfield, we call it the field",
])
def test_what_people_call_a_thing_or_a_time_stays(text):
    assert found_by("workplace-called-it", text) == []


# A form's label for the ward, unit, site or place someone works or lives in: its answer is
# that place's name; not what kind, a number or none, nor prose after "the", "my".
@pytest.mark.parametrize("text,names", [
    ("Ward: Foxglove", ["Foxglove"]), ("WARD: HERON", ["HERON"]), ("ward - foxglove", ["foxglove"]),
    ("UNIT: CEDARS", ["CEDARS"]),
    ("Location: Great Wrexley", ["Great Wrexley"]), ("Previous wards: Heron, Kestrel", ["Heron", "Kestrel"]),
    ("home town - brackley", ["brackley"]), ("ward = foxglove, 20 beds", ["foxglove"]),
])
def test_a_place_named_after_a_label_is_found(text, names):
    assert found_by("labelled-place", text) == names


@pytest.mark.parametrize("text", [
    "Ward: acute", "Ward: 7", "Location: home", "Site: main", "Base: n/a", "the unit: awful", "my ward: it was chaos",
    "Area: mental health", "Location: UK", "Units: 14 a week", "Hospital: yes, twice in 2019", "Ward: mixed sex",
    "Base: working from home mostly", "Location: hybrid working", "Location: Scotland", "Town: small market town",
    "Unit: mg", "unit: acute",
])
def test_an_answer_naming_no_place_and_prose_after_a_label_stay(text):
    assert found_by("labelled-place", text) == []


def test_a_place_named_after_a_label_in_capitals_is_redacted(engine):
    check(engine, ["SITE: CEDARS", "WARD: HERON", "ward - foxglove"], ["CEDARS", "HERON", "foxglove"],
          ["SITE:", "WARD:", "ward -"])


def test_a_workplace_named_after_a_label_is_redacted(engine):
    check(engine, ["Workplace: Compass", "Name of employer - Kindred", "employer: next step"],
          ["Compass", "Kindred", "next step"], ["Workplace:", "Name of employer -", "employer:"])


# A registered form ("Ltd", "CIC") closes a company's name: every capitalised word straight
# before it is the name's, however ordinary ("Green Shoots CIC", of which "Green" was left),
# but not a small word or one opening the clause.
LEGAL_FORMS = [
    (["I volunteer with Green Shoots CIC on Fridays."], ["Green", "Shoots"], ["I volunteer with", "on Fridays."]),
    (["So Blue Lantern Ltd hired me."], ["Blue", "Lantern"], ["So ", "hired me."]),
    (["The Open Gate Limited people were fine."], ["Open", "Gate"], ["The ", "people were fine."]),
]


@pytest.mark.parametrize("quotes,gone,kept", LEGAL_FORMS)
def test_a_name_ending_in_a_registered_form_goes_whole(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Typed in lower case after a word placing someone at a workplace, a region closing the clause
# closes a branch's name: the name goes with its region, as "Lifeline North East" does
# capitalised. A region after where someone goes, whom they work with or a public body stays.
REGIONAL_BRANCHES = [
    (["the crisis line run by tallowmere north east (not samaritans), unpaid"], ["tallowmere", "north", "east"],
     ["(not samaritans), unpaid"]),
    (["i was with stepping stones west for a year", "we moved up north east in 2019",
      "i work with families in yorkshire", "i'm with unison north west now"],
     ["stepping", "stones"], ["for a year", "moved up north east", "families in yorkshire", "unison north west"]),
]


@pytest.mark.parametrize("quotes,gone,kept", REGIONAL_BRANCHES)
def test_a_lower_case_branch_closed_by_its_region_goes_with_it(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Capitalised words joined by a hyphen are one word: a name goes whole ("Talk-Well" was
# published as "[Workplace 1]Well"); a prefix on an ordinary word names nothing ("Non-Executive
# Director" was published as "[Person 1]Executive Director").
HYPHENED_CAPITALS = [
    (["I was at Talk-Well for two years."], ["Talk", "Well"], ["I was at", "for two years."]),
    # a compound English writes as one word, capitalised after a placing word, as "Wellspring" would be
    (["I did nights at Well-Spring for a while."], ["Well-Spring"], ["I did nights at", "for a while."]),
    (["There is no funding for Well-Being here."], [], ["no funding for Well-Being here."]),
    (["She was a Non-Executive Director.", "He's an Ex-Staff Nurse now."], [],
     ["Non-Executive Director", "Ex-Staff Nurse"]),
]


@pytest.mark.parametrize("quotes,gone,kept", HYPHENED_CAPITALS)
def test_capitalised_words_joined_by_a_hyphen_are_one(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A name in quotes after a word placing someone at a workplace is a name, however ordinary
# its words ('worked for "Compass"' was published); quotes round a word saying what kind, or a
# public body's name in quotes, stay.
PLACED_IN_QUOTES = [
    (['I worked for "Compass" on the crisis line.'], ["Compass"], ["on the crisis line."]),
    (["I joined 'Open Door' in 2019."], ["Open Door"], ["in 2019."]),
    (["I worked AT \u201cJuniper\u201d."], ["Juniper"], ["I worked AT"]),
    (['I worked with "Difficult" clients.', 'I volunteered for "Mind" and loved it.'], [],
     ['"Difficult" clients', '"Mind" and loved it']),
    # quotes round people or a kind of service say what they are called
    (['Clients got put with "Wellbeing Coaches", who had done a short course.',
      'My number is on my profile for "Trust". That is all.'], [], ['"Wellbeing Coaches"', '"Trust"']),
]


@pytest.mark.parametrize("quotes,gone,kept", PLACED_IN_QUOTES)
def test_a_name_in_quotes_after_a_placing_word_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# An ordinary word opening the sentence straight before a name found after it is the name's
# first word ("Blue Door pays" was published as "Blue [Person 1] pays"); not a word opening a
# clause, a time, an order or a word said of someone before a given name.
OPENING_WORD_OF_A_NAME = [
    (["Blue Door pays their counsellors properly."], ["Blue", "Door"], ["pays their counsellors"]),
    # a greeting of a time of day opens a workplace's name as often ("Morning Sarah" greets her)
    (["Morning Harbour Foundation was hiring, so I went."], ["Morning", "Harbour"], ["was hiring"]),
    (["Then Priya rang.", "Honestly Beacon were great.", "Poor Tamsin was exhausted.", "Tell Orla to ring."],
     ["Priya", "Beacon", "Tamsin", "Orla"], ["Then", "Honestly", "Poor", "Tell"]),
    # a word of grammar that orders or counts opening the sentence stays the name's ("Full Measure
    # was published as "Full [Workplace 1]"); not before a day, a feast, a unit of time
    (["Full Measure was chaos.", "Many Hands paid nothing.", "Somewhere Safe shut in March.", "Whole Roots closed.",
      "Next Page was a subcontractor."],
     ["Full", "Measure", "Many", "Hands", "Somewhere", "Safe", "Whole", "Roots", "Next", "Page"],
     ["was chaos", "paid nothing", "shut in March", "closed"]),
    (["Next Monday I'm off.", "Last Christmas was awful.", "First Aid training is mandatory."], [],
     ["Next Monday I'm off", "Last Christmas was awful", "First Aid training"]),
    # ... nor before a time or a turn it says which of, capitalised as it may be
    (["Next Term was better.", "Last Weekend was awful.", "Next Question.", "First Session was free."], [],
     ["Next Term was better", "Last Weekend was awful", "Next Question", "First Session was free"]),
    # a word between the name and what it did; a word given as a name only outside Britain ("Door")
    (["Full Measure then closed.", "Somewhere Safe also paid late.", "Side Door paid sessional workers."],
     ["Full", "Measure", "Somewhere", "Safe", "Side", "Door"], ["then closed", "also paid late", "paid sessional"]),
    # a name ending in a word the ordinary list holds for its number ("Chapter 2", "Table 3"), without it
    (["The drop-in was run by Full Table, a church-based charity.", "I worked for Next Page for years.",
      "I'm Band 6 now, on Level 3."], ["Table", "Page"], ["Band 6 now, on Level 3"]),
    # not before a public name, a name of words English seldom writes, or a noun the words describe
    (["Many NHS staff left that year.", "Last Zephyrine Holt sent the rota round.", "Many Unison reps quit."],
     ["Zephyrine"], ["Many NHS staff", "Last", "Many Unison reps quit"]),
]


@pytest.mark.parametrize("quotes,gone,kept", OPENING_WORD_OF_A_NAME)
def test_an_ordinary_word_opening_a_sentence_before_a_name_is_the_names(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# One-word workplaces in a list typed in lower case after someone's work go, each; words of
# when or what kind in the list stay.
def test_one_word_workplaces_in_a_list_go_each(engine):
    check(engine, ["i was at sparrow, then orchard, then back to the nhs.",
                   "i worked for juniper, then nights, then days.",
                   "and does the bank shift work for you, rota-wise?"],
          ["sparrow", "orchard", "juniper"], ["then back to the nhs", "then nights, then days.", "you, rota-wise?"])


# From a review of this stop's rules, by invented sentences: what a rule's exclusions must not
# reach (one-word plural names said to employ, words of a pastime inside a longer name, an
# employer named with an idiom's word), and ordinary speech the rules must leave.
REVIEWED = [
    (["Pathways employed me for two years.", "bridges took me on in 2019", "Cash took me on."],
     ["Pathways", "bridges", "Cash"], ["employed me", "took me on in 2019"]),
    (["i worked at the boxing hare in hull", "i was employed by cash direct for years"],
     ["boxing hare", "cash direct"], ["i worked at the", "for years"]),
    (["i worked for priya shah for years. priya was kind"], ["priya", "shah"], ["was kind"]),
    (["i left tbh", "i left burnt out", "i was at standstill", "we were at loggerheads", "moved to itu",
      "i joined halfway through", "taken over by paperwork", "i worked for barnardos", "I left FOREVER after that"], [],
     ["left tbh", "burnt out", "at standstill", "at loggerheads", "to itu", "halfway through", "by paperwork",
      "for barnardos", "FOREVER after"]),
    (['I got judged for "Attitude", apparently.', "I did 2Days a week.",
      "Where do you work? Nowhere at the moment.", "Wow Kestrel were awful."], ["Kestrel"],
     ['"Attitude"', "2Days", "Nowhere at the moment", "Wow"]),
    # and from a second read: a name opening with an interjection's word goes whole; a figure
    # before a plural that is no unit; a stop after "was at", "i left"; quotes after "worked with"
    (["Right Path took me on as a trainee.", "Look Onward is where I trained."], ["Right", "Path", "Look", "Onward"],
     ["took me on", "is where I trained"]),
    (["I was at 7Oaks for two years.", "i left juniper.", "I worked with \"Compass\" on the crisis line.",
      "I worked at Amara Well for years."], ["7Oaks", "juniper", "Compass", "Amara", "Well"], ["for two years"]),
    (["i did shifts through winter.", "Charities don't offer any sick pay."], [],
     ["through winter", "Charities don't"]),
    # and from the next review: the words after a lower-case name that say what was said, how the
    # job came or what it was called are no part of it ("said we", "through a friend", "called")
    (["the manager at quillmere said we had to see eight a day"], ["quillmere"], ["said we had to see"]),
    (["got a job at bramblegate through a friend"], ["bramblegate"], ["through a friend"]),
    (["worked for a company called quillfern wellbeing ltd"], ["quillfern wellbeing"], ["a company called"]),
    (["a charity called brackenwood took me on"], ["brackenwood"], ["a charity called", "took me on"]),
    (["after leaving quillmere counselling i went into the nhs"], ["quillmere counselling"],
     ["after leaving", "i went into the nhs"]),
    # and a name that opens with such a word, or holds a subject, goes whole
    (["i worked for leaving care quillmere ltd", "I WORKED FOR LEAVING CARE QUILLMERE LTD.",
      "i worked at yes we can counselling ltd"], ["leaving care quillmere", "LEAVING CARE QUILLMERE", "yes we can"],
     ["i worked for", "I WORKED FOR", "i worked at"]),
    # a subject ends a name said after a post, unless the name ends in its kind; a registered
    # name in a line of capitals takes the words of it before it, not the verb
    (["hca at willow quill i think for 2 years", "loved it at willow quill though"], ["willow quill"],
     ["i think for 2 years", "loved it at", "though"]),
    (["SHE WORKED FOR FIRST QUILL HOMECARE LTD"], ["FIRST", "QUILL"], ["SHE WORKED FOR"]),
    # the trained model's workplace of one lower-case word after "the", where staff name their own
    # workplace so, in a text that capitalises its names
    (["My manager at the lantern never listened.", "The staff at the beacon were kind to me."],
     ["lantern", "beacon"], ["My manager at the", "The staff at the"]),
    # what a centre, a trust, a foundation is for, capitalised after "for", is its name's;
    # a time or a person after "for" is not
    (["I was at the Kestrel Centre for Family Therapy.", "The Harbourne Trust for Young Carers paid."],
     ["Kestrel", "Family Therapy", "Harbourne", "Young Carers"], ["I was at the", "paid."]),
    (["We all went to Quarrow House for Christmas.", "I was at Kestrel Centre for Sarah's leaving do."],
     ["Quarrow", "Kestrel", "Sarah"], ["for Christmas", "leaving do"]),
    # ... only a centre named by a word of its own, no public body's ("the Assessment Centre",
    # "NHS Trust"), and not over a public body after "for"
    (["She was sent to the Assessment Centre for Mental Health assessments.",
      "We thanked the Kestrel Trust for Mind and Samaritans volunteers."],
     ["Kestrel"], ["the Assessment Centre for Mental Health assessments", "for Mind and Samaritans volunteers"]),
]


@pytest.mark.parametrize("quotes,gone,kept", REVIEWED)
def test_what_the_review_of_the_workplace_rules_found(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


def test_a_label_and_its_answer_across_a_spaced_dash_are_not_one_name(engine):
    # a dash with a space beside it is a pause; a hyphen joins ("Kelly-Ann" is one name)
    check(engine, ["Employer - Thistle", "Kelly-Ann Brodie rang."],
          ["Thistle", "Kelly-Ann", "Brodie"], ["Employer -", "rang."])


# Capitalised words opening a sentence, said to take the speaker on, hire, make redundant or
# be where they trained, are a workplace's name, however ordinary; not a pronoun, a kind of
# place, a public body, someone's job or a given name.
@pytest.mark.parametrize("text,name", [
    ("Compass took me on as a trainee.", "Compass"),
    ("Harbour is where I did my placement.", "Harbour"),
    ("So then Bright Path hired me.", "Bright Path"),
    ("Yeah, Open Door made me redundant in 2020.", "Open Door"),
    ("The Willows offered me a job.", "Willows"),
    # or to do what a provider does with a service's contract
    ("Evolve took on the contract in 2021.", "Evolve"),
    # typed without capitals, or all in capitals: the words opening the clause
    ("next step took me on as a trainee", "next step"),
    ("then open door made me redundant", "open door"),
    ("THE WILLOWS HIRED ME IN 2019", "WILLOWS"),
    # an acronym no list knows, opening the clause of a text whose only capitals are acronyms
    ("BPXT took me on as a trainee.", "BPXT"),
    ("then KLMT made me redundant", "KLMT"),
    # a word ending "-ly" opening the name is the name's ("lovely homes", "kindly care")
    ("lovely homes hired me", "lovely homes"),
    # or said to be what only a workplace is, after a verb or set apart by commas
    ("Brambles is a perinatal charity I work for.", "Brambles"),
    ("Lanterns was my agency.", "Lanterns"),
    ("Quarry Steps was the day centre, in the end.", "Quarry Steps"),
    ("Acorns, the youth charity, closed.", "Acorns"),
    # (or what the speaker is to it, in a clause of their own; the only one of its kind around)
    ("Pathways, the charity I work for, is tiny.", "Pathways"),
    # (a name opening with a day's word is the name's: "Tomorrow Matters CIC took me on")
    ("Tomorrow Matters CIC took me on.", "Tomorrow Matters CIC"),
    ("Compass was the only provider that would take me.", "Compass"),
    ("Larkspur was the only charity round here doing trauma work.", "Larkspur"),
    # who it serves or where it is before the pause, in quotes, in brackets
    ('"Quarvel, the eating disorder service for adults in Leeds" is how they introduce us.', "Quarvel"),
    ("The team (Quenmoor, the adult psychology service in Hull) has one psychologist.", "Quenmoor"),
    ("tidewater is a young carers charity", "tidewater"),
    ("Oakleaf is where I've worked since 2015.", "Oakleaf"),
    ("Beacons employs me as a support worker.", "Beacons"),
    ("Swallows was my agency for three years.", "Swallows"),
    # a service, a project or a helpline said with a word of its field or of a service
    ("Quarrow Lights is a counselling service in a church hall.", "Quarrow Lights"),
    ("Brightwell 24 is the youth service I'm at.", "Brightwell 24"),
    ("Brightwell Phase 2 is the housing project.", "Brightwell Phase 2"),
    ("Tideway, the counselling service, pays £22 a session.", "Tideway"),
    ("Kestrel Line was the bereavement helpline I started on.", "Kestrel Line"),
    # or said to employ a number of people, or to have what only a workplace has
    ("Beacon employs about forty people.", "Beacon"),
    ("Tidewell employed 200 staff at its peak.", "Tidewell"), ("Quillby employs a few hundred staff.", "Quillby"),
    ("Bloom's waiting list was eighteen months long.", "Bloom"),
    ("Harrowgate Hub's trustees never visited.", "Harrowgate Hub"),
    ("so lantern's waiting list was a year", "lantern"),
    # or what a workplace has far more often than a person, said of one word English writes seldom
    ("Canopy's rota came out on a Friday, always late.", "Canopy"), ("Quillby's staff were kind.", "Quillby"),
    ("Lantern's rota is out of date.", "Lantern"),
    # the first place someone worked, who pays their wages, what a project is the name of
    ("Quillmere was the first place I worked.", "Quillmere"), ("Canopy pays my wages.", "Canopy"),
    ("Canopy is the name of the youth project.", "Canopy"),
    # the speaker's first or last job; what only a workplace is, then where; in a quote
    ("Bloom was my first job.", "Bloom"), ("Compass was a charity in the town.", "Compass"),
    ("so yeah quillfen employed like twelve nurses", "quillfen"), ("umm harbour employs about forty people", "harbour"),
    ('My manager said, "Bloom doesn\'t pay for training, full stop."', "Bloom"),
    # a list's item; typed in lower case, ordinary words said to be a place to work
    ("* next step took me on", "next step"), ("honestly common thread was a great place to work", "common thread"),
    # its town said between the name and what it does
    ("Quarrow Lights in Bristol took me on as a trainee.", "Quarrow Lights"),
    ("the quarnby hub in derby closed last year", "quarnby hub"),
])
def test_a_workplace_said_to_employ_the_speaker_is_found(text, name):
    assert found_by("workplace-employs", text) == [name]


@pytest.mark.parametrize("text", [
    "Home is where I work now.", "The agency hired me.", "The NHS employed me for years.", "Mind took me on.",
    "My manager hired me.", "Sarah hired me.", "They took me on.", "Nobody hired me.", "School is where I started.",
    "The Trust took me on.", "Samaritans took me on as a volunteer.",
    "the agency took me on", "my old boss hired me", "a friend's company took me on", "the nhs employed me",
    "mam paid for my training", "friday is where i worked late every week",
    "the city was a good place to work", "the charity shop was a nice place to work",
    "the open door was a lovely place to work",
    "The pub in Leeds closed.", "the shop in leeds closed last year", "a charity in leeds took me on",
    "Sarah in Leeds hired me.", "the lily pond in leeds closed last year", "the hazel point closed last year",
    "the countryside is a lonely place to work", "the temp agency is a great place to work",
    "tbh the crisis house was a safe place to work",
    "this lady hired me", "the course took me on a journey", "The Council took on the contract.",
    "We took on the contract.", "Then the new provider took on the contract.", "It took me on a journey.", "a local charity took me on",
    "NHS took me on.", "CAMHS took me on as a trainee.", "IAPT hired me in 2015.",
    # what other things are too, a kind of place, an adverb set apart, a public body
    "Mindfulness is a practice I love.", "Counselling is a service we all need.", "Therapy is a business now.",
    "Wellbeing was the project I led.", "It was a charity shop.", "My sister is a charity worker.",
    "Sadly, the charity, it went under.", "anyway, the agency, they were awful", "Mind is a national charity.",
    "Samaritans is a charity I volunteer for.", "Fundraising is a charity in itself.", "Home is where I've worked since.",
    "Supervision was a firm but fair space.", "Chess was my project in lockdown.", "Overall, the charity, was good to me.",
    "Money, the agency, the hours, all of it was a mess.", "Stress, the thing I feel most, is constant.",
    "Mind, the charity I volunteer for, was great.", "Yesterday, the charity I work for, closed.", "The NHS was the only employer that would take me.", "Upstairs is where I've been working since covid.",
    "Prison is where I've worked most of my career.", "Love was my agency, not money.", "Theirs was a small charity.",
    # a person, a town, a kind of place or a public body has a waiting list too, or employs
    "Sarah's waiting list is huge.", "Leeds's waiting list is huge.", "The trust's waiting list is huge.",
    "The NHS's waiting list is huge.", "The council employs 200 staff.", "She employs two cleaners.",
    "Mind's helpline was busy.", "Everyone's website looks the same.", "Fear employs more people than hope.",
    "Nursing was my first job.", "Retail was my first job.", "Care was my first job.", "Sarah was my first manager.",
    "Love was a charity in itself.", 'She said, "The agency hired me."',
    # a practice or a group (said of activities and fellowships as often); a bracket's adverb or
    # sentence set apart
    "Mindfulness is a meditation practice.", "reflection is a clinical practice.", "Peer support is a group thing.",
    "next door is a counselling practice", "the best bit is the peer support group", "cosplay is a youth group",
    "Cadets is a youth group.", "hygge is a wellbeing practice",
    "We meet (Sadly, the charity in Leeds closed) on Fridays.", "Lads, the agency in Leeds rang.",
    "Yesterday, the hospice in Leeds rang.", "(Oops, the agency in Leeds rang twice.)",
    # an aside in brackets said to employ: what it is about as often ("cuts", "recession")
    "It was hard (Cuts made us redundant).", "(Recession took me on, long story.)",
    # what else has a waiting list or funding, employs so many or was a first job: a time, a
    # nation, people, what is done, things of a kind, a word of the field
    "Today's funding was cut again.", "Scotland's waiting list is a scandal.", "People's waiting list is long.",
    "so last year's funding got cut again", "Hospitals employ about 500 nurses round here.",
    "Babysitting was my first job.", "Nights was my first job.", "Forensics was my last placement.",
    # a service or a project of no field said ("a small service"), or said of an activity, a
    # way of therapy or a public body; a list's item
    "Zoom is a new service.", "Tuesday, the new project, starts.", "Thursday is a drop-in for parents.",
    "Supervision is a clinical service, not a perk.", "Pilates is a wellbeing project at the surgery.",
    "Dance is a youth project I love.", "Kooth is an online counselling service.",
    "Samaritans is a listening service.", "Money, the counselling service, the hours, all of it was bad.",
    "Honestly, the counselling service, it's gone.",
    # ... or of ordinary words and figures, a part, a phase, a department, a channel, a time, a
    # process; or typed in lower case, where the words opening any clause are read
    "Phase 3 is the housing project.", "Cohort 2 is the youth project.", "Facilities is the cleaning service.",
    "Chat is a crisis service.", "Evenings is the counselling service.", "Mentoring is a youth project.",
    "Tenancy is the housing service.", "the best bit is the youth project", "next door is a counselling service",
    "Quarrow is a new service.", "Reiki is a wellbeing project.",
    "Home is the place I work.", "It was the first place I worked.", "Retail was the first place I worked.",
    "Mum pays my wages.", "Overtime pays my salary.", "Who pays my wages?", "What is the name of the project?",
    "Love is the name of the game.",
    # what a person has too ("Harvest's manager"); what a workplace has, of a person, kin, a
    # time, a kind of place, a role, a public body, a process, a word English writes often,
    # more than one word, everyone; typed in lower case
    "Harvest's manager was lovely.", "Sarah's manager was lovely though.", "Hubby's rota is a nightmare.",
    "Today's rota was a mess.", "Monday's rota was awful.", "Winter's rota is brutal.", "Agency's rota is awful.",
    "Matron's staff are upstairs.", "Unison's website has it.", "Management's directors are awful.",
    "Everyone's contracts changed.", "Nursing's staff are burnt out.", "Aunty's rota changed.",
    "Ex-wife's staff were rude.", "Bestie's rota is mad.", "Gym's staff were rude.", "Lunchtime's rota is tight.",
    "Dentist's staff were rude.", "Carer's rota is awful.", "Kid's rota is mad.", "Navy's staff were kind.",
    "Mrs Brown's staff were kind.", "canopy's rota came out late", "my lodger's contracts ended",
    "Lodger's rota is mad.", "Solicitor's staff were rude.", "Pharmacist's staff were rude.", "Patel's rota is out.",
])
def test_a_pronoun_a_kind_a_public_body_or_a_person_said_to_employ_stays(text):
    assert found_by("workplace-employs", text) == []


def test_a_workplace_said_to_employ_the_speaker_is_redacted(engine):
    check(engine, ["Compass took me on as a trainee.", "Harbour is where I did my placement."],
          ["Compass", "Harbour"], ["took me on as a trainee.", "is where I did my placement."])


# Capitalised words opening a sentence before what an employer does to its staff's pay, hours
# or jobs, or to a service's contract ("paid us late", "cut our hours", "took over the
# contract", "went bust"), are a workplace's name; not a pronoun, someone's job, a kind of
# place, a public name, a given name or a word the ordinary list keeps ("The Tories").
WHAT_AN_EMPLOYER_DOES = [
    (["Talk Well paid late."], ["Talk", "Well"], ["paid late."]),
    (["Green Light paid us late."], ["Green", "Light"], ["paid us late."]),
    (["Warm Welcome laid us off in May."], ["Warm", "Welcome"], ["laid us off in May."]),
    (["then talk well cut our hours"], ["talk", "well"], ["cut our hours"]),
    (["The Tories cut our pay."], [], ["The Tories cut our pay."]),
    (["Universal Credit paid late."], [], ["Universal Credit paid late."]),
    (["My manager cut our hours, then they took over the contract."], [],
     ["My manager cut our hours, then they took over the contract."]),
    (["Mum paid late. The agency lost the contract."], [], ["Mum paid late. The agency lost the contract."]),
    # or said to be someone's employer; an adverb opening the clause is no part of the name
    (["Orchard were my employer for nine years."], ["Orchard"], ["were my employer"]),
    (["honestly greenleaf care were my employer"], ["greenleaf"], ["were my employer"]),
    (["Orchard were my employer as well."], ["Orchard"], ["were my employer as well"]),
    # a word opening the clause is no part of the name: its later mentions are found too
    (["honestly greenleaf care hired me. i left greenleaf care in 2019."], ["greenleaf"], ["honestly", "i left"]),
    (["OK so BPXT took me on."], ["BPXT"], ["OK so"]),
    # what it offers or gives: a job, a post, a contract, however described; what band it pays
    (["Juniper offered me a permanent contract.", "HMWS gave me a fixed-term post.", "KTWS pays band 5."],
     ["Juniper", "HMWS", "KTWS"], ["offered me a permanent contract.", "gave me a fixed-term post.", "pays band 5."]),
    (["Nobody gave me a contract.", "The trust offered me a band 6 post."], [], ["Nobody gave", "The trust offered"]),
    # a one-word charity named by an abstract noun is a workplace all the same
    (["Resilience paid us late.", "Balance made me redundant."], ["Resilience", "Balance"], ["paid us late", "made me"]),
    # an adverb between the name and what it did: "never paid me on time", "finally took me on"
    (["BPXT never paid me on time.", "Juniper finally took me on."], ["BPXT", "Juniper"],
     ["never paid me on time.", "finally took me on."]),
    # a workplace's letters, given in brackets, go though they are a condition's too
    (["Marsh Nook Daycare (MND) hired me. MND were awful."], ["Marsh", "MND"], ["hired me", "were awful"]),
    (["Hollin Care has been my employer since 2010."], ["Hollin"], ["has been my employer"]),
    (["She was my employer. The NHS was my employer. Mind is a good employer.",
      "The council was my employer. My manager was my employer. It was the worst employer."], [],
     ["She was my employer", "The NHS was", "Mind is a good", "The council was", "My manager was", "It was"]),
    # what it pays its staff, or cuts of it: "never paid mileage", "paid £20 a session"
    (["Juniper never paid mileage."], ["Juniper"], ["never paid mileage."]),
    (["juniper never paid mileage"], ["juniper"], ["never paid mileage"]),
    (["Fernhollow paid £20 a session, then Fernhollow cut the sessions."], ["Fernhollow"],
     ["paid £20 a session", "cut the sessions"]),
    # how well it pays against another employer; what it gives its staff, or not
    (["Harbour pays better than the NHS, honestly."], ["Harbour"], ["pays better than the NHS"]),
    (["harbour pays better than the nhs"], ["harbour"], ["pays better than the nhs"]),
    (["Kite don't offer any sick pay.", "Kite gave us no CPD budget."], ["Kite"], ["don't offer any sick pay"]),
    (["Overtime pays better than agency work. Nights pay better.", "My manager gave us no training.",
      "Nobody offered supervision. The NHS pays better than that."], [],
     ["pays better than agency work", "Nights pay better", "My manager gave", "Nobody offered", "The NHS pays"]),
    # people by their role and processes pay and cut too
    (["Patients pay for travel. Trainees pay for supervision. Restructuring cut our hours.",
      "Everyone paid for supervision. The council never paid mileage. Mind pays for supervision."], [],
     ["Patients pay", "Trainees pay", "Restructuring cut", "Everyone paid", "The council never", "Mind pays"]),
    # what kind of employer, or whose: no name; a sector of work names none either
    (["Retail is a terrible employer. Supermarkets are the worst employers.",
      "Money was my employer's only worry.", "Retail was my employer.", "Construction took me on."], [],
     ["Retail is", "Supermarkets are", "Money was", "Retail was", "Construction took"]),
]


# More of what only an employer does or is said to be, with a word between ("pays about £22",
# "have just lost their NHS contract", "is who I work for", "were great to work for"); plurals
# and people said so stay.
WHAT_AN_EMPLOYER_DOES += [
    (["Spark pays about £22 an hour.", "Clover have just lost their NHS contract.", "Signal is who I work for.",
      "Harvest were great to work for."], ["Spark", "Clover", "Signal", "Harvest"],
     ["pays about £22 an hour", "have just lost their NHS contract", "is who I work for", "were great to work for"]),
    (["Willow sent me on the DBT training.", "Harbour had me on a zero-hours contract."], ["Willow", "Harbour"],
     ["sent me on the DBT training", "had me on a zero-hours contract"]),
    (["My manager sent me on a course.", "Mum sent me on a course.", "They had me on a fixed-term contract."], [],
     ["My manager sent", "Mum sent", "They had me"]),
    (["brindlecombe treat the agency staff like dirt"], ["brindlecombe"], ["treat the agency staff like dirt"]),
    (["Beacon treated staff badly."], ["Beacon"], ["treated staff badly"]),
    (["Agencies treat staff like dirt.", "Patients treated staff with respect."], [],
     ["Agencies treat staff", "Patients treated staff"]),
    # a name in the plural is one; a kind of workplace, a job or a shift in the plural is none
    (["Reflections pay £25 a session.", "Footprints pay about £22 a session."], ["Reflections", "Footprints"],
     ["pay £25 a session"]),
    # (a kind in the plural said to lose a contract or to pay stays a name, as "Foundations took me
    # on" is one: "Charities have just lost their NHS contract" goes, the lesser harm)
    (["Nights pay £20 more.", "Weekdays pay about £15 an hour.", "Cleaners pay nothing."], [],
     ["Nights pay", "Weekdays pay", "Cleaners pay"]),
    # ... nor an abstract noun, family or a count said so
    (["Leadership was awful to work for.", "Sis put me on nights.", "Loads are hiring right now.",
      "There were loads of vacancies.", "Residents treat staff well.", "Mornings were understaffed."], [],
     ["Leadership was awful", "Sis put me", "Loads are hiring", "loads of vacancies", "Residents treat",
      "Mornings were"]),
    (["Foundations took me on as a support worker.", "Resilience lost the contract in 2019."],
     ["Foundations", "Resilience"], ["took me on", "lost the contract"]),
    (["People treat staff badly.", "Weekdays were understaffed.", "The SMT were understaffed.",
      "service users treat staff with respect", "Redundancy paid for my training."], [],
     ["People treat", "Weekdays were", "The SMT were", "service users treat", "Redundancy paid"]),
    (["Compass are hiring again.", "Sprout pays therapists £28 a session.", "Harvest were okay as employers.",
      "Beacon put everyone on fixed-term contracts.", "Kite offered me two days a week."],
     ["Compass", "Sprout", "Harvest", "Beacon", "Kite"], ["are hiring again", "pays therapists £28 a session"]),
    (["quillmoor was a good place to work once", "zero hours contract with tarnbrook, paid late"],
     ["quillmoor", "tarnbrook"], ["was a good place to work once", "zero hours contract with"]),
    (["It was a great place to work.", "The NHS was a fine place to work.", "i had a contract with the council"],
     [], ["It was a great place", "The NHS was a fine", "a contract with the council"]),
    (["We are hiring again.", "Agencies are hiring.", "Managers put me on nights.", "The ward was understaffed.",
      "Nights were understaffed.", "The NHS is hiring."], [],
     ["We are hiring", "Agencies are hiring", "Managers put me", "The ward was", "Nights were", "The NHS is"]),
    (["Nights pay £20 more.", "Weekends pay about £25 an hour.", "We lost the contract to a bigger firm.",
      "Nights were easier to work for, somehow.", "My manager was great to work for.", "My partner is who I work for."],
     [], ["Nights pay", "Weekends pay", "We lost the contract", "Nights were easier", "My manager was",
          "My partner is"]),
]


@pytest.mark.parametrize("quotes,gone,kept", WHAT_AN_EMPLOYER_DOES)
def test_a_workplace_said_to_do_what_an_employer_does_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A workplace named again by its initials: in lower case too when English rarely writes them
# ("lcs", "sfr"; "tbh" stays), and with a letter for each part of a hyphened word
# ("Talk-Well Therapies" is "TWT").
INITIALS_AGAIN = [
    (["I worked at Lantern Counselling Service.", "lcs paid late, tbh."], ["lcs"], ["paid late, tbh."]),
    (["i worked at step forward recovery", "sfr never paid on time"], ["sfr"], ["never paid on time"]),
    (["I worked at Talk-Well Therapies.", "TWT paid late."], ["TWT"], ["paid late."]),
    # ... and of each part of a word written with a capital inside (``test_the_parts_of_a_word_...``)
    (["I was with NurseNow Direct for two years.", "NND sent round an email."], ["NND"], ["sent round an email."]),
    (["I worked at Open Door Counselling.", "etc etc, it was fine"], [], ["etc etc"]),
]


@pytest.mark.parametrize("quotes,gone,kept", INITIALS_AGAIN)
def test_a_workplaces_initials_in_lower_case_or_of_a_hyphened_word_go(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A word written with a capital inside gives a letter for each part, after four letters or more
# (three letters or more in all, which English hardly writes); a surname's prefix ("Mc", "Mac",
# "De") is no part.
@pytest.mark.parametrize("name,letters,not_letters", [
    ("NurseNow Direct", "NND", None), ("HealthCareNow", "HCN", None),
    ("McKenzie Care", None, "MKC"), ("MacLeod Care Homes", None, "MLCH"), ("DeSouza Therapy", None, "DST"),
    ("CalmLine", None, "CL"), ("CareTech Solutions", None, "CTS"), ("TeleCare Plus", None, "TCP"),
])
def test_the_parts_of_a_word_written_with_a_capital_inside_give_letters(name, letters, not_letters):
    from ingest.redact.engine import short_forms

    forms = {t.surface for t in short_forms(name)}
    assert letters is None or letters in forms, forms
    assert not_letters is None or not_letters not in forms, forms


# Typed in lower case after a word placing someone there (now "moved to", "referred to" too):
# two everyday words or more before a kind of place are a name ("quiet waters hub"); one
# everyday word, words of a service, and a place after "the" say what kind.
@pytest.mark.parametrize("text,name", [
    ("then i moved to quiet waters hub", "quiet waters hub"),
    ("i was referred to compass recovery college", "compass"),
    ("I WORKED AT OPEN DOOR CENTRE FOR YEARS", "OPEN DOOR CENTRE"),  # (typed in capitals: read as lower case)
    # a care company's kind of work; an agency's only after someone's work ("works for")
    ("i'd just started at gentle days homecare, it's a franchise", "gentle days homecare"),
    ("she works for fresh start staffing now", "fresh start staffing"),
    ("i worked for bright path recruitment for a year", "bright path recruitment"),
    # a verb of owning or running it before the name is no word of it
    ("he owns sallis care group and drives a nice car", "sallis care group"),
    ("she runs quarrowby care group, and badly", "quarrowby care group"),
])
def test_everyday_words_before_a_kind_of_place_in_lower_case_are_found(text, name):
    assert found_by("lower-case-workplace", text) == [name]


@pytest.mark.parametrize("text", ["i worked at a garden centre", "i moved to sixth form college",
                                  "i was referred to the pain clinic", "i transferred to day hospital",
                                  "then i moved to primary school", "i went to the town hall",
                                  "i worked at local community centre",
                                  # how a ward was staffed; a field's work; a care company's kind alone
                                  "we were at minimum safe staffing all winter", "i worked for private homecare",
                                  "the trust is doing international nurse recruitment", "i trained in paediatric nursing",
                                  "i work for temporary staffing", "i worked for graduate nurse recruitment",
                                  "i worked for council-run homecare"])
def test_one_everyday_word_or_a_kind_of_service_before_a_kind_of_place_stays(text):
    assert found_by("lower-case-workplace", text) == []


# A workplace of everyday words named in capitals, then typed in lower case opening a clause
# or before "'s", is the workplace; the words said as words elsewhere stay.
LOWER_AGAIN = [
    (["I worked at Safe Harbour Trust.", "later safe harbour shut down."], ["safe harbour"], ["shut down."]),
    (["I worked at Quiet Waters Counselling.", "then quiet waters shut"], ["quiet waters"], ["then", "shut"]),
    (["I worked at Quiet Waters Counselling.", "quiet waters's rota was bad"], ["quiet waters"], ["rota was bad"]),
    (["I worked at Safe Harbour Trust.", "it felt like a safe harbour."], [], ["a safe harbour."]),
]


@pytest.mark.parametrize("quotes,gone,kept", LOWER_AGAIN)
def test_a_workplace_of_everyday_words_typed_again_in_lower_case_opening_a_clause_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A short description, a role, a comma, then capitalised words: where the role is held,
# however ordinary the words; not a public body, a place, a kind of place or what someone is.
@pytest.mark.parametrize("text,name", [("Support worker, Lantern", "Lantern"), ("PWP, Compass (Hull)", "Compass"),
                                       ("Peer support worker, Harbour", "Harbour")])
def test_a_workplace_after_a_role_in_a_description_is_found(text, name):
    assert found_by("workplace-after-role", text) == [name]


@pytest.mark.parametrize("text", ["Volunteer, Samaritans", "Nurse, NHS", "Nurse, Hull", "Counsellor, Retired",
                                  "Therapist, Community Team", "Manager, Tesco",
                                  "I was a nurse, Lantern was where I trained and it was a long time ago honestly"])
def test_a_public_body_a_place_or_what_someone_is_after_a_role_stays(text):
    assert found_by("workplace-after-role", text) == []


def test_a_workplace_after_a_role_in_a_speakers_description_is_redacted(engine):
    result = engine.redact({"q": "It was fine."}, {"speaker:a": "Support worker, Lantern"}, [])
    assert "Lantern" not in result.texts["speaker:a"] and "Support worker" in result.texts["speaker:a"]


# A workplace typed in capitals inside a sentence in ordinary case, after a word placing
# someone there: its name, however ordinary; stressed words, public bodies and towns stay.
@pytest.mark.parametrize("text,name", [("I work for QUIET WATERS COUNSELLING.", "QUIET WATERS COUNSELLING"),
                                       ("I volunteer at THE WILLOWS on Sundays.", "WILLOWS"),
                                       ("I worked for COMPASS RECOVERY.", "COMPASS RECOVERY"),
                                       # an ordinal in capitals inside the name is the name's, no day
                                       ("I worked for CARE 1ST RECRUITMENT for a year.", "CARE 1ST RECRUITMENT"),
                                       # (a figure alone ends it as before)
                                       ("I worked for HELPING HANDS 24 for two years.", "HELPING HANDS 24"),
                                       # the clue opening the sentence
                                       ("At HWXT they cut the band 6 posts.", "HWXT"),
                                       ("From BPXT I went to agency work.", "BPXT"),
                                       ("With BPXT I did nights.", "BPXT")])
def test_a_workplace_typed_in_capitals_in_a_sentence_is_found(text, name):
    assert found_by("workplace-in-capitals", text) == [name]


@pytest.mark.parametrize("text", ["I was at HOME all day.", "I worked there for FOUR YEARS.", "I worked for NHS ENGLAND.",
                                  "I was referred to CAMHS.", "I worked at A&E.", "I worked for MIND.",
                                  "I moved to MANCHESTER.", "I work for a CHARITY.", "I did it for FREE.",
                                  "I WORKED FOR QUIET WATERS", "For CAMHS it was different.", "With PTSD it was hard.",
                                  "By NOW it was late.", "At A&E it was busy.", "I was there AT THE WORST TIME, honestly.",
                                  "It is due ON 1ST June.", "I was at HOME ON 1ST MAY.", "I was at HOME 3RD time lucky."])
def test_stressed_words_public_bodies_and_towns_in_capitals_stay(text):
    assert found_by("workplace-in-capitals", text) == []


def test_a_workplace_typed_in_capitals_in_a_sentence_is_redacted(engine):
    check(engine, ["I work for QUIET WATERS COUNSELLING, and I was at HOME today."], ["QUIET", "WATERS"],
          ["I work for", "HOME"])


# A day said after a workplace in capitals ends its name: both go, the day as a day.
@pytest.mark.parametrize("quote,gone", [
    ("i was at WILLOW HOUSE ON 1ST MAY when it happened", ["WILLOW", "1ST"]),
    ("resigned from ELMHURST 5TH FEB after the investigation", ["ELMHURST", "5TH"]),
    ("i got a job at CEDAR VIEW AS OF 30TH MARCH on nights", ["CEDAR", "30TH"]),
    ("well I went off sick, WARD 10TH MARCH 2019, and never went back.", ["10TH"]),
    ("I joined STANWICK MEWS 2ND OF FEBRUARY", ["STANWICK", "MEWS", "2ND"]),
    ("i was with 2nd chance support cic", ["2nd", "chance"]),
    ("I worked for CARE 1ST RECRUITMENT for a year.", ["CARE", "1ST", "RECRUITMENT"]),
])
def test_a_day_after_a_workplace_in_capitals_goes_as_a_day(engine, quote, gone):
    check(engine, [quote], gone, [])


# A workplace's name typed in lower case with "&" for "and" before its kind, a coined hyphened
# name before what a workplace has ("staff", "managers"), and one letter hyphened to a kind a
# workplace's name ends with ("Q-Health"): gone. What "&" joins as a kind of service, a
# compound qualifying a noun, and a letter's compound English uses stay.
JOINED = [
    (["i was at calm & kind hub for a year"], ["calm", "kind"], ["i was at", "for a year"]),
    (["i worked for bright & early counselling"], ["bright", "early"], ["i worked for"]),
    (["at talk-well staff were kind"], ["talk-well"], ["staff were kind"]),
    (["i worked for heart-space managers were awful"], ["heart-space"], ["managers were awful"]),
    (["I worked for Q-Health."], ["Q-Health"], ["I worked for"]),
    (["i was with e-therapy for a year"], ["e-therapy"], ["i was with", "for a year"]),
    (["i worked at the health & wellbeing hub"], [], ["the health & wellbeing hub"]),
    (["at the drug & alcohol team"], [], ["the drug & alcohol team"]),
    (["I got paid for short-notice shifts, with care-home staff and front-line staff"], [],
     ["short-notice shifts", "care-home staff", "front-line staff"]),
    (["I did it for e-learning, went for an X-ray, left for A-Level and worked for the B-team"], [],
     ["e-learning", "X-ray", "A-Level", "B-team"]),
]


@pytest.mark.parametrize("quotes,gone,kept", JOINED)
def test_a_workplace_joined_by_an_ampersand_or_a_hyphen_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Typed in lower case after a word placing someone at a workplace ("left", "joined", "worked
# for"), one word workplaces are named after (a tree, a flower, a bird, the sky's) before
# "care", "therapy" or another kind is the workplace's name; a kind of care or therapy, and
# what someone went for or had, stay.
NAMED_AFTER_A_WORD = [
    (["i left sunrise care last year"], ["sunrise"], ["i left", "last year"]),
    (["i worked for willow care for ages"], ["willow"], ["i worked for", "for ages"]),
    (["i joined bluebell therapy in 2020"], ["bluebell"], ["i joined", "in 2020"]),
    (["i've been employed by kestrel homecare since"], ["kestrel"], ["employed by", "since"]),
    # the word placing someone there is no part of a rare name ("joined quillmere hub")
    (["then i joined quillmere hub"], ["quillmere"], ["then i joined"]),
    (["i left foster care at 18 and joined social care"], [], ["foster care", "social care"]),
    (["i work in palliative care, did couples therapy, then talking therapy"], [],
     ["palliative care", "couples therapy", "talking therapy"]),
    (["i went for crystal therapy, worked for home care, left day care"], [],
     ["crystal therapy", "home care", "day care"]),
    (["the sunset care was lovely, she said"], [], ["the sunset care was lovely"]),
]


@pytest.mark.parametrize("quotes,gone,kept", NAMED_AFTER_A_WORD)
def test_a_workplace_named_after_one_word_before_its_kind_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# In a text typed in lower case, the words after "paid by" are the employer's name, however
# ordinary; how, by what unit or from what someone is paid stays.
PAID_BY = [
    (["i was paid by quiet harbour for two years"], ["quiet harbour"], ["i was paid by", "for two years"]),
    (["we got paid by steady hands, it was fine"], ["steady hands"], ["we got paid by", "it was fine"]),
    (["i was paid by bank transfer, then by direct debit"], [], ["bank transfer", "direct debit"]),
    (["paid by the hour, or paid by grant funding, or by private health insurance"], [],
     ["paid by the hour", "grant funding", "private health insurance"]),
    (["paid by piece work, by student finance, by zero hours contract"], [],
     ["piece work", "student finance", "zero hours contract"]),
    # Only after "paid" is a word of payment a means: an employer's name may end in one.
    (["i was employed by blue harbour insurance for three years", "contracted by bright path scheme until 2020"],
     ["blue harbour insurance", "bright path scheme"], ["i was employed by", "for three years", "until 2020"]),
]


@pytest.mark.parametrize("quotes,gone,kept", PAID_BY)
def test_a_workplace_paying_someone_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A compass word ending a workplace's name is the name's (its branch's or area's): after a
# name first read as someone's, and typed in lower case where the clause ends after it; said
# alone elsewhere in the source, a direction or a region stays; "east of" is a direction.
COMPASS_ENDING = [
    (["Then Quillmere Step East took over."], ["Quillmere", "Step", "East"], ["Then", "took over."]),
    (["i worked at quillmere hub east for a year"], ["quillmere", "east"], ["i worked at", "for a year"]),
    (["i worked at quillmere hub west."], ["quillmere", "west"], ["i worked at"]),
    (["Then Quillmere Step East took over.", "We drove east, the East was lovely"], ["Quillmere"],
     ["We drove east, the East was lovely"]),
    (["i worked at quillmere hub east of the river"], ["quillmere"], ["east of the river"]),
    (["i worked at quillmere hub north wing"], ["quillmere"], ["north wing"]),
]


@pytest.mark.parametrize("quotes,gone,kept", COMPASS_ENDING)
def test_a_compass_word_ending_a_workplaces_name_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# In a source that says "ward", a word wards are named after said alone where a ward is ("on",
# "moved to"), where a name may end, is another ward's name; the same word before a noun, or
# in a source with no ward, stays.
WARD_ALONE = [
    (["I worked on juniper ward", "then on foxglove for a month"], ["juniper", "foxglove"], ["then on", "for a month"]),
    (["i was a nurse on the wards", "then on kestrel nights, then moved to Heron."], ["kestrel", "Heron"],
     ["i was a nurse on the wards", "nights, then moved to"]),
    # privacy before the word: in a source naming wards, "on amber" may be a ward as well as a rating
    (["I worked on Juniper Ward.", "then on amber for a month, the trust was on amber too, we sat on the heron bench"],
     ["Juniper", "amber"], ["for a month", "heron bench"]),
    (["I was on foxglove for a month"], [], ["on foxglove for a month"]),
    (["I worked on Juniper Ward.", "then i moved from heron to juniper"], ["Juniper", "heron"], ["then i moved from"]),
]


@pytest.mark.parametrize("quotes,gone,kept", WARD_ALONE)
def test_a_ward_named_alone_in_a_source_that_says_ward_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Typed in lower case, a workplace after someone's post ends at the sentence's verb: the first
# verb a clause or its object opens after ("said there was", "told you it was"), not the last.
# What is said of a time or a thing after a start or nights stays.
CLAUSE_AND_START = [
    (["the manager at clear brook said there was no room"], ["clear", "brook"], ["said there was no room"]),
    (["the staff at hollin grange told you it was fine"], ["hollin", "grange"], ["told you it was fine"]),
    # a word said before the verb is the sentence's ("never paid")
    (["staff at bright path never paid travel"], ["bright", "path"], ["never paid travel"]),
    # typed so with capitals opening sentences only; an object after the verb, another verb
    # after it, or a word said only before a verb ends the name
    (["Not great. The manager at open door said the rota was final."], ["open door"], ["said the rota was final"]),
    (["Sorry for the rant. My manager at new leaf never answers emails."], ["new leaf"], ["never answers emails"]),
    (["Ok. The staff at hollin grange gets paid more."], ["hollin grange"], ["gets paid more"]),
    (["Still Waters paid better than most agencies."], ["Still", "Waters"], ["paid better than most"]),
    (["Yes. The nurse at triage never answers calls.", "We use apps e.g. Headspace at triage."], [],
     ["at triage never answers calls", "Headspace at triage"]),
    (["we started at nine", "the contract went to tender", "nights at home were quiet", "days at paeds broke me"], [],
     ["we started at nine", "went to tender", "nights at home", "days at paeds broke me"]),
]


@pytest.mark.parametrize("quotes,gone,kept", CLAUSE_AND_START)
def test_a_workplace_ends_at_the_clause_not_at_a_later_verb(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# In a source typed in lower case, a word said after "at" twice or more with no article is a
# workplace's name however ordinary its word ("i've been at driftwood, on and off", "nobody
# else at driftwood"); said once, as an idiom of "at" ("at audit", "at home"), as a plural, as
# what someone does or is good at ("we do taekwondo"), two words ("at board round", "at red
# alert", "at ward round"), or where a capital is typed inside a sentence, it stays; where
# capitals open sentences only, a name may be typed in lower case ("The rota at thimble is mad.").
SAID_AT_AGAIN = [
    (["i've been at driftwood, on and off", "nobody else at driftwood would join"], ["driftwood"],
     ["i've been at", "nobody else at", "would join"]),
    (["i've been at thimble, on and off", "the rota at thimble is mad"], ["thimble"], ["the rota at", "is mad"]),
    (["I'VE BEEN AT THIMBLE, ON AND OFF.", "THE ROTA AT THIMBLE IS MAD."], ["THIMBLE"], ["THE ROTA AT", "IS MAD"]),
    (["i've been at thimble, on and off"], [], ["at thimble, on and off"]),
    (["we got flagged at audit.", "and at audit it came back"], [], ["flagged at audit", "and at audit it came back"]),
    (["i work at home now", "at home it is quieter"], [], ["at home now", "at home it is"]),
    (["we do taekwondo, at taekwondo my son got his belt", "at taekwondo the parents chat"], [],
     ["we do taekwondo, at taekwondo my son", "at taekwondo the parents"]),
    (["we do kickboxing, at kickboxing my son got his belt", "at kickboxing the parents chat"], [],
     ["we do kickboxing, at kickboxing my son", "at kickboxing the parents"]),
    (["i'm useless at spreadsheets", "at spreadsheets i'm slow"], [], ["useless at spreadsheets", "at spreadsheets i'm"]),
    (["we review it at board round", "at board round the consultant decides"], [], ["at board round"]),
    (["at xmas nobody wants to work", "at xmas i worked a double"], [], ["at xmas nobody", "at xmas i worked"]),
    (["I've been at thimble, on and off.", "The rota at thimble is mad."], ["thimble"],
     ["I've been at", "The rota at"]),
    (["I've been at thimble with Sam, on and off.", "The rota at thimble is mad, Sam says."], [],
     ["at thimble with", "at thimble is"]),
    (["we were at breaking point, honestly", "by march we were at breaking point again"], [], ["at breaking point"]),
    (["we were at red alert all week", "at red alert nobody goes home", "red alert means no leave"], [],
     ["at red alert all week", "at red alert nobody", "red alert means"]),
    (["we review it at ward round", "after ward round we eat", "at ward round the consultant decides"], [],
     ["at ward round", "after ward round"]),
    (["at gold command nobody had a plan", "at gold command again"], [], ["at gold command"]),
    (["she works at full capacity", "at full capacity, we turn people away"], [], ["at full capacity"]),
]


@pytest.mark.parametrize("quotes,gone,kept", SAID_AT_AGAIN)
def test_a_workplace_said_at_again_in_lower_case_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Two words said after someone's work ("the contract at", "two years at", "the work at"), no
# article, twice or more in a source typed in lower case, and as the subject of a clause, are a
# workplace's name where the trained detector reads them as one once they are capitalised, in
# two places or more (recognizers.workplaces_of_two_words_read_so); said once, only after "at",
# after a word of a state ("we were at"), or where capitals are typed, they stay.
TWO_WORDS_READ_CAPITALISED = [
    (["the contract at meeting point is two days a week.", "tell me about the work at meeting point itself.",
      "i know meeting point had a waiting list."], ["meeting", "point"],
     ["the contract at", "is two days a week.", "i know", "had a waiting list."]),
    (["i did two years at listening ear, then left.", "the manager at listening ear was kind, to be fair.",
      "and listening ear was never well paid."],
     ["listening", "ear"], ["i did two years at", "then left.", "was kind, to be fair.", "was never well paid."]),
    # said only after "at", as a state or a level is ("working at breaking point"), it stays
    (["i did two years at listening ear, then left.", "the manager at listening ear was kind, to be fair."],
     [], ["at listening ear, then left.", "at listening ear was kind"]),
    # (a line in capitals, read in lower case: the capitals rules find it already, a guard)
    (["THE CONTRACT AT MEETING POINT IS TWO DAYS A WEEK.", "TELL ME ABOUT THE WORK AT MEETING POINT ITSELF."],
     ["MEETING", "POINT"], ["THE CONTRACT AT", "IS TWO DAYS A WEEK."]),
    (["the contract at meeting point is two days a week."], [], ["at meeting point is"]),
    (["i worked at breaking point for months.", "we were at breaking point again by march."], [],
     ["at breaking point for months", "at breaking point again"]),
    (["The contract at meeting point is two days a week.", "Tell me about the work at meeting point itself."], [],
     ["at meeting point is", "at meeting point itself"]),
    (["i worked at young minds for a year.", "young minds had a waiting list.", "the work at young minds was good."], [],
     ["young minds"]),
    # a name another recognizer found already keeps its reading, and its kind where a capitalised
    # mention elsewhere reads as someone's
    (["i worked at open arms.", "open arms was a night shelter.", "Open Arms had about twenty beds."],
     ["arms", "Arms"], ["i worked at [Workplace 1].", "[Workplace 1] had about twenty beds."]),
]


@pytest.mark.parametrize("quotes,gone,kept", TWO_WORDS_READ_CAPITALISED)
def test_two_words_said_after_work_again_read_as_a_workplace_capitalised_go(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A workplace of English words typed in lower case, said again with its "'s" where no word places
# someone at it, goes there too. (Its words are searched for one by one as well: a change that
# searched for the name whole only, to keep "an open mind" beside "open door", published
# "clear path's manager"; see the issue's note.)
def test_a_lower_case_workplace_said_again_with_its_possessive_goes(engine):
    check(engine, ["i volunteered at clear path.", "clear path's cafe was open saturdays.",
                   "clear path's manager was in recovery."], [], ["'s manager was in recovery.", "[Workplace 1]'s manager"])


# A workplace the source names with a capital, typed again in lower case after "part of",
# "member of", "staff of", "through", "via" (words that place someone at it, as "at" and "for"
# do) goes; the same words said as words, with no such word before them, stay.
PART_OF_AGAIN = [
    (["I worked at Thrive Together CIC.", "we were all part of thrive together back then"], ["thrive"],
     ["we were all part of", "back then"]),
    (["I worked at Lantern Counselling.", "we got referrals through lantern"], ["lantern"],
     ["we got referrals through"]),
    (["I worked at Thrive Together CIC.", "the idea is we thrive together, as staff of the trust"], [],
     ["we thrive together, as staff of the trust"]),
    (["I worked at Safe Harbour Trust.", "it felt like part of a safe harbour"], [], ["part of a safe harbour"]),
]


@pytest.mark.parametrize("quotes,gone,kept", PART_OF_AGAIN)
def test_a_workplace_named_again_after_part_of_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# "Well", kept as an interjection by the ordinary-word list, capitalised straight after a
# workplace's capitalised name with no pause, ends the name; after a pause, or "Well done",
# it stays.
WELL_ENDING = [
    (["I worked at Quill Well for years"], ["Quill", "Well"], ["I worked at", "for years"]),
    (["I joined Talk Well in 2019."], ["Talk", "Well"], ["I joined", "in 2019."]),
    # after a first word read as a given name ("Spring", "Deep" were found alone)
    (["I worked at Spring Well for years."], ["Spring", "Well"], ["I worked at", "for years."]),
    (["I worked at Deep Well for years."], ["Deep", "Well"], ["I worked at", "for years."]),
    (["I told Priya. Well, she knew."], ["Priya"], ["Well, she knew."]),
    (["I worked at Quillmere Hub. Well, it was fine"], ["Quillmere"], ["Well, it was fine"]),
    (["I worked at Quillmere Hub Well done to them"], ["Quillmere"], ["Well done to them"]),
]


@pytest.mark.parametrize("quotes,gone,kept", WELL_ENDING)
def test_well_ending_a_workplaces_name_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A workplace's name of several words said again in another case, or without its legal suffix
# ("Thrive Together" of "Thrive Together CIC"), where only part of it is found (its first word
# read as someone's, or searched alone as written): the rest of the name goes with it. The
# same words apart (a comma between them, another word) stay.
PART_FOUND_WHOLE = [
    (["I joined Silver Link Ltd in 2018.", "the folk at Silver link were nice"], ["link"],
     ["the folk at", "were nice"]),
    (["I worked for Little Futures CIC.", "We had Little futures managers come in"], ["futures"],
     ["We had", "managers come in"]),
    (["I worked for Open Space CIC.", "The Open space team were nice."], ["space"], ["team were nice."]),
    (["I worked at Thrive Together CIC.", "we met Thrive together staff"], ["together"], ["we met", "staff"]),
    # a kind typed after a name ("Nursery") ends it too: the name said without it
    (["I worked at Little Steps Nursery.", "little steps paid late"], ["little"], ["paid late"]),
    (["I worked at Little Steps Nursery.", "we took little steps at first"], [], ["we took little steps at first"]),
    (["I worked at Thrive Together CIC.", "Thrive, together with the council, ran it"], [],
     ["together with the council, ran it"]),
    (["I joined Silver Link Ltd.", "Silver linked up with us"], [], ["linked up with us"]),
    # found again in lower case where the source says it, it takes the words of its kind
    # after it, as where it was found first (engine.extend_joined)
    (["i did some work for holdcroft, an eap.", "then holdcroft carers together took over."],
     ["holdcroft", "carers", "together"], ["then", "took over."]),
    (["i did some work for holdcroft, an eap.", "we all hated holdcroft psychological health by then."],
     ["holdcroft", "psychological"], ["we all hated", "by then."]),
    (["i did some work for holdcroft, an eap.", "holdcroft paid us, together with the council."],
     ["holdcroft"], ["paid us, together with the council."]),
    # its name before the words of what kind of service it is, with its "'s"
    (["employed by wrenfold vale mental health nhs trust.", "we wrote to wrenfold vale's chief exec."],
     ["wrenfold", "vale"], ["we wrote to", "'s chief exec."]),
    (["employed by wrenfold vale mental health nhs trust.", "wrenfold is lovely, the vale's quiet."],
     ["wrenfold"], ["is lovely, the vale's quiet."]),
    (["I worked at Bright Steps CIC.", "Bright, steps away from home, it was"], [], ["steps away from home"]),
]


@pytest.mark.parametrize("quotes,gone,kept", PART_FOUND_WHOLE)
def test_a_workplace_found_in_part_goes_whole(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A workplace's name of everyday words said again without its kind, in lower case, where a
# workplace is said ("at", "from", "with", "left"...) and the name ends there, goes; the same
# words in a phrase of their own ("a second chance at life", "in good hands") stay.
EVERYDAY_HEAD_WHERE_SAID = [
    (["I worked at Good Hands Care.", "we moved from good hands to the nhs", "I left good hands in May"],
     ["good hands"], ["we moved from", "to the nhs", "in May"]),
    (["I worked at Second Chance Trust.", "my time at second chance was hard"], ["second chance"],
     ["my time at", "was hard"]),
    (["I worked at First Light Counselling.", "i was with first light for a year"], ["first light"],
     ["i was with", "for a year"]),
    (["I worked at Little Steps Nursery.", "i was with little steps for a year"], ["little steps"],
     ["i was with", "for a year"]),
    (["I worked at Second Chance Trust.", "everyone deserves a second chance at life"], [],
     ["everyone deserves a second chance at life"]),
    (["I worked at Good Hands Care.", "she was in good hands with them"], [], ["she was in good hands with them"]),
    # with its "'s" (a name of several words), wherever it stands; a first word alone stays a word there
    (["I worked at Second Chance Trust.", "that was second chance's fault I think"], ["second chance"],
     ["that was", "fault I think"]),
    (["I worked at Willow Tree Counselling.", "the willow's branches hung low"], [], ["the willow's branches hung low"]),
]


@pytest.mark.parametrize("quotes,gone,kept", EVERYDAY_HEAD_WHERE_SAID)
def test_a_workplace_of_everyday_words_said_in_lower_case_where_a_workplace_is_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Typed in lower case between "at", "into", "with"... and "in" before a town found: a word or
# two English uses little is the workplace there; an ordinary place, a public name, a person
# stay what they are.
@pytest.mark.parametrize("text,gone,kept", [
    ("monday evenings i'm at lodestar in leeds, paid sessional", ["lodestar"], ["paid sessional"]),
    ("then i go into tamarisk in hull and sit there", ["tamarisk"], ["sit there"]),
    ("a room at the heartwood over in york, for years", ["heartwood"], ["a room at the", "for years"]),
    ("i was at the hospital in leeds, then at home in york", [], ["the hospital", "at home"]),
    ("at uni in hull, then at work in york, then at training in leeds", [], ["at uni", "at work", "at training"]),
    ("i was at brunch in leeds, then we met for karaoke in york", [], ["at brunch in", "for karaoke in"]),
    ("i worked at tesco in leeds for years", [], ["tesco"]),
])
def test_a_workplace_placed_in_a_town_found_is_its_name(engine, text, gone, kept):
    check(engine, [text], gone, kept)


# A room of a building named by words English uses ("the Training Room", "our Quiet Room",
# "the Lavender Room") is no workplace; a room named by a given name, a surname, a town or a
# word no list knows still goes, and so does such a name where someone works at it.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["we met in the Lavender Room", "the Training Room was booked", "our Quiet Room is tiny",
      "the Board Room and the Family Room were shut"], [],
     ["the Lavender Room", "the Training Room", "our Quiet Room", "the Board Room and the Family Room"]),
    (["we met in the Okafor Room", "we met in the Wilson Room", "the Rose Room was shut",
      "we met in the Brindleford Room", "I worked at the Sunflower Room for years"],
     ["Okafor", "Wilson", "Rose", "Brindleford", "Sunflower"], ["we met in the", "for years"]),
    # nor where it is said to be a workplace
    (["The Quiet Room is a crisis café we signpost to.", "The Staff Room is a mess."], ["Quiet"],
     ["is a crisis café", "The Staff Room is a mess."]),
])
def test_a_room_named_by_words_is_no_workplace(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A team of the NHS's kinds typed in lower case after a word English uses little is that
# team's name ("the moorings crisis team"); the kind said alone, or after an ordinary word, stays.
@pytest.mark.parametrize("text,name", [
    ("i'm with the moorings community mental health team, so we", "moorings"),
    ("i was with the brackens crisis team for a year", "brackens crisis team"),
    ("she moved to the fellgarth home treatment team", "fellgarth"),
])
def test_a_team_named_in_lower_case_is_found(text, name):
    assert name in found_by("lower-case-workplace", text)


@pytest.mark.parametrize("text", [
    "i was referred to the crisis team", "the community mental health team were great",
    "i work in the local community mental health team", "i was with the adult community mental health team",
    "the north crisis team", "we rang the home treatment team",
])
def test_a_team_of_no_name_stays(text):
    assert found_by("lower-case-workplace", text) == []


# "at the" and one lower-case word English never writes: a workplace called by its own name
# (invented names); a public term's letters, an English word, the plural of one, a place, and
# typos after "work for the", "left the", "work with the" stay.
THE_UNKNOWN_WORD = [
    (["we were told at the brackmere to book eight a day"], ["brackmere"], ["to book eight a day"]),
    (["three nights at the quillhaven then two off"], ["quillhaven"], ["three nights at the", "then two off"]),
    (["honestly the rota at the ormsgarth was a joke"], ["ormsgarth"], ["was a joke"]),
    (["i was at the cmht for a year"], [], ["at the cmht for a year"]),
    (["we met at the canteen after the shift"], [], ["at the canteen after the shift"]),
    (["i trained at the university of leeds"], [], ["at the university of"]),
    (["we were at the weekend rota again"], [], ["at the weekend rota again"]),
    (["we were at the honoraries meeting again"], [], ["at the honoraries meeting again"]),
    (["i left the proffesion after covid", "i work with the paitents on the ward",
      "i work for the samaritens on a tuesday"], [],
     ["i left the proffesion after covid", "i work with the paitents on the ward", "the samaritens on a tuesday"]),
]


# "joined the" (after someone's work "at the", "with the", "for the") and a word British houses
# and care homes are named by, in a text typed in lower case or in capitals, before the clause's
# end, a small word or a verb, and the others of a list it opens: where someone works, and the
# word goes wherever the source says it; not before a noun or "of", after "left the" or "i'm at",
# nor where the typist capitalises names inside a sentence.
HOUSE_NAMES = [
    (["i did bank with the hollies since 2021, the hollies is a nice home"], ["hollies"], ["i did bank with the"]),
    (["WHEN I STARTED AT THE BURROW IN 2018 WE HAD TEN STAFF.", "BURROW MANAGEMENT SAY NO."], ["BURROW"],
     ["WHEN I STARTED AT THE", "IN 2018", "MANAGEMENT SAY NO."]),
    (["overtime is just normal for staff at the hearth"], ["hearth"], ["overtime is just normal for staff at the"]),
    (["i joined the grange, then left after a year"], ["grange"], ["then left after a year"]),
    (["three years at the oaks, then agency"], ["oaks"], ["three years at the", "then agency"]),
    (["she said it's 'how we do things on shift at the hive'"], ["hive"], ["how we do things on shift at the"]),
    # the others of a list one opens
    (["i worked at the nook and the ark for two years"], ["nook", "ark"], ["for two years"]),
    (["I WORKED AT THE ROWANS, THE ALDERS AND THE YEWS. ALL ONE OWNER."], ["ROWANS", "ALDERS", "YEWS"], ["ALL ONE OWNER."]),
    # "with the", "for the" only after someone's work; two listed with nothing placing anyone there
    (["the birds gathered twigs for the nest"], [], ["twigs for the nest"]),
    (["we sat with the lantern until the power came back"], [], ["with the lantern until"]),
    (["we planted the limes and the pines last spring"], [], ["the limes and the pines"]),
    # "at the" only after someone's work; not before "of"
    (["we had a picnic at the meadows", "the robins were pecking at the nest"], [], ["at the meadows", "at the nest"]),
    (["i worked nights at the forge of burnout, so to speak"], [], ["at the forge of burnout"]),
    (["we spent years at the meadows as kids", "team building at the grove was fun"], [], ["at the meadows", "at the grove"]),
    (["we parked at the meadows car park and walked"], [], ["meadows car park"]),
    (["i left the nest at eighteen and never looked back"], [], ["i left the nest at eighteen"]),
    (["im at the nook on fridays, it's quiet there"], [], ["im at the nook on fridays"]),
    (["I walked at the meadows with Tom on Sunday."], [], ["I walked at the meadows with"]),
]


@pytest.mark.parametrize("quotes,gone,kept", HOUSE_NAMES)
def test_a_house_name_after_at_the_in_lower_case_is_a_workplace(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)
    assert found_by("lower-case-house", quotes[0]) == [g for g in gone if g in quotes[0]]


@pytest.mark.parametrize("quotes,gone,kept", THE_UNKNOWN_WORD)
def test_a_word_english_never_writes_after_at_the_is_a_workplace(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)
    assert found_by("at-the-unknown-word", quotes[0]) == ([gone[0]] if gone else [])


# A lower-case workplace's name ends before a verb said with "not" or in the past ("wont pay",
# "said no"), and a model's name before a capitalised one ends before the sentence's word ("I
# reckon Compass"): those words stay (invented names).
WORDS_AFTER_A_NAME_STAY = [
    (["thornwick wont pay for training"], ["thornwick"], ["wont pay for training"]),
    (["my manager at ashenbury said no to the course"], ["ashenbury"], ["said no to the course"]),
    (["I reckon Compass will close by March."], ["Compass"], ["I reckon", "will close by March"]),
    # (a verb naming it is not the name's)
    (["The unit was renamed Tarnside View in 2019."], ["Tarnside", "View"], ["was renamed", "in 2019"]),
    # (a name's own first word typed in lower case stays the name's)
    (["We referred him to open Door.", "The office was on station Road in Tarrowby."],
     ["open Door", "station Road"], ["We referred him to"]),
    (["the service is called the osier bank centre now"], ["osier bank centre"], ["the service is called the"]),
    # ... a verb said with "not", its apostrophe typed or not, whatever reads the name
    (["the manager at quorvane won't pay.", "I won't go back."], ["quorvane"], ["won't pay", "I won't go back"]),
    (["the manager at halbury couldnt help."], ["halbury"], ["couldnt help"]),
    (["work at silverbirch dont get supervision", "i trained with greyfriars couldnt afford it after"],
     ["silverbirch", "greyfriars"], ["dont get supervision", "couldnt afford it after"]),
    (["the sister home quillmoor hired me when we closed"], ["quillmoor"], ["hired me when we closed"]),
    # (a given name typed in lower case before a surname is no such word: it goes with it)
    (["the team had honour Banda as a manager"], ["honour", "Banda"], ["the team had"]),
]


@pytest.mark.parametrize("quotes,gone,kept", WORDS_AFTER_A_NAME_STAY)
def test_words_said_after_or_before_a_workplace_stay(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A known town, then words of what service it is and a word ending a workplace's name, after a
# word placing someone there: the workplace's name, whole, in lower case or capitals; a town's
# hospital said as where, a kind of service alone, stay.
TOWN_THEN_SERVICE = [
    (["then the contract went to windermere psychological health, who are a company."],
     ["windermere", "psychological"], ["then the contract went to", "who are a company."]),
    (["THE CONTRACT WENT TO KENDAL PSYCHOLOGICAL HEALTH IN THE END"], ["KENDAL", "PSYCHOLOGICAL"],
     ["THE CONTRACT WENT TO", "IN THE END"]),
    (["i was in leeds hospital for a week"], ["leeds"], ["hospital for a week"]),
    (["we offer psychological health support in leeds"], ["leeds"], ["we offer psychological health support in"]),
]


@pytest.mark.parametrize("quotes,gone,kept", TOWN_THEN_SERVICE)
def test_a_town_then_words_of_its_service_and_its_kind_is_a_workplace(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A workplace named by small words only ("Still Here"), found once, goes where a word placing
# someone at a workplace stands before it and its name ends there, in any case, in quotes too;
# the same words in a sentence, and an ordinary place after "at", stay.
SMALL_WORDS_NAME = [
    (["i work at being here — yes, that's what it's called, a peer support service",
      "friends ask 'are you off to being here' every week", "at being here we never close"],
     ["being here"], ["friends ask 'are you off to ", "' every week", " we never close"]),
    (["i work at being here — yes, that's what it's called, a peer support service",
      "being here again is strange", "just being here helps", "i'm at home on mondays"], [],
     ["being here again is strange", "just being here helps", "i'm at home on mondays"]),
]


@pytest.mark.parametrize("quotes,gone,kept", SMALL_WORDS_NAME)
def test_a_workplace_named_by_small_words_goes_where_a_workplace_is_said(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A workplace's name holding a figure after a space goes with its figure ("Mind Matters 360",
# "at 360 Support"); a figure counting what follows stays, and one before a name with no placing
# word before it ("3 Support workers" says how many).
FIGURE_BESIDE = [
    (["My contract with Quillby Minds 360 ended in May."], ["Quillby", "360"], ["ended in May"]),
    (["I worked at 360 Tallowby for a year."], ["360", "Tallowby"], ["for a year"]),
    (["I was at Quillby Care 3 days a week, 2 of us on nights."], ["Quillby"], ["3 days a week", "2 of us"]),
    (["I started at Quillby Care 2019 and left."], ["Quillby"], ["2019"]),
    # the sentence ending after the figure; a small figure before what is not a verb is a count or a time
    (["I worked at Quillby Minds 360.", "Then Quillby Minds 360, then the NHS."], ["Quillby", "360"], ["the NHS"]),
    (["I WAS AT OAKVIEW 2 AND A HALF YEARS, 7 TILL 7 MOSTLY.", "I was at Oakview 7 till 7 mostly."], ["OAKVIEW", "Oakview"],
     ["2 AND A HALF YEARS", "7 TILL 7", "7 till 7"]),
    # a figure joined to a name is not taken where another finding starts inside it (an address
    # read from "50 WITH THE BANK"): the name would lose to it
    (["I WAS AT KESTREL HOUSE 50/50 WITH THE BANK."], ["KESTREL"], []),
    # a figure opening a sentence opens the name after it: in figures, in words, coined from
    # digits and letters, or with the word of the building's part it numbers; a name so opened
    # is a workplace's, whatever a model read; a year, a time, a pay band, a count of people stay
    (["Thirty Six Wellbeing is a small practice.", "I work at Thirty-Six Wellbeing."], ["Thirty", "Six", "Wellbeing"],
     ["is a small practice"]),
    (["24/7 Brackenlink sent me to a care home."], ["24/7", "Brackenlink"], ["[Workplace 1] sent me to a care home"]),
    (["4ward Quarrow Solutions, a social enterprise."], ["4ward", "Quarrow"], ["a social enterprise"]),
    (["Unit 9 Tallowby Recovery Hub is where I volunteer.", "Block 7 Quarrowby Project is a youth charity."],
     ["Unit 9", "Tallowby", "Block 7", "Quarrowby"], ["is where I volunteer", "is a youth charity"]),
    (["In 2019 Kestrel Counselling took over.", "10am Kestrel Counselling rang.", "Band 6 Kestrel Counselling posts are rare."],
     ["Kestrel"], ["In 2019", "10am", "Band 6", "posts are rare"]),
    (["Two Kestrel Counselling staff left that year.", "I worked at Kestrel Counselling.", "3 Daves work on nights."],
     ["Kestrel", "Daves"], ["Two [Workplace 1] staff left", "at [Workplace 1].", "3"]),
    # where a sentence opens, a figure before a plural or one everyday word stays with it, and so
    # does a small one before what it counts; a name ending in a workplace's kind goes whole
    (["24/7 Support is what the advert promised.", "999 Crews were the only help.", "One Team, One Vision, they said.",
      "Six Counselling sessions is all you get.", "3 Counsellors left."],
     [], ["24/7 Support is", "999", "One Team", "Six Counselling sessions", "3 Counsellors left"]),
    (["24/7 Homecare Solutions sent me out.", "10 Doors Housing was small.", "360 Recovery is an addiction service."],
     ["24/7", "Homecare", "10", "Doors", "360"], ["sent me out", "was small", "is an addiction service"]),
    # before someone's name only a coined figure opens a firm's: a time or a count stays
    (["At 7 Sarah rang me in tears.", "One Sarah on my team was lovely.", "Level 4 Tallowby College students came."],
     ["Sarah", "Tallowby"], ["At 7", "One", "Level 4"]),
]


@pytest.mark.parametrize("quotes,gone,kept", FIGURE_BESIDE)
def test_a_figure_a_workplaces_name_holds_goes_with_it(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Words around a workplace that are no part of it stay: a condition the field names, a word in
# lower case after a capitalised name, a workplace's kind alone in a post's title or after a
# count, a post's letters before "of", a verb placing someone there opening the sentence; kinds
# joined by "and" are one name with the word before.
AROUND_A_WORKPLACE = [
    (["The Heron Unit is for older adults with dementia.", "He has bipolar."], ["Heron"], ["with dementia", "has bipolar"]),
    (["Everyone knows Springboard underpays."], ["Springboard"], ["underpays"]),
    (["She was Head of Nursing at the trust.", "We had 6 Counselling sessions.", "I was Head of Services at Quarrowby."],
     ["Quarrowby"], ["Head of Nursing", "6 Counselling sessions", "Head of Services"]),
    (["CEO of Quarrowby Care, that was me."], ["Quarrowby"], ["CEO of"]),
    (["Marstow Advocacy and Therapy, or MAT, was a tiny charity."], ["Marstow", "Therapy", "MAT"], ["was a tiny charity"]),
    # a survey's answer opening with where someone went: the verb is no word of the name, and the
    # name said again alone is the same workplace
    (["Left Quellcombe Lodge in 2021 after the downgrade.", "quellcombe was a private hospital"],
     ["Quellcombe", "quellcombe"], ["Left ", "was a private hospital"]),
    (["Joined Tarrow Care in 2019.", "tarrow care were fine"], ["Tarrow", "tarrow"], ["Joined ", "were fine"]),
    # (a word alone after the verb is read with it, as before: a public name that is someone's too;
    # so is an everyday word after it, a name's own as often)
    (["Left Sky in charge of the rota.", "Quit Sky's team after a year."], ["Sky"], ["in charge of the rota"]),
    (["Left Bank Counselling was my side hustle", "left bank counselling paid well"], ["Left Bank", "left bank"],
     ["was my side hustle", "paid well"]),
]


@pytest.mark.parametrize("quotes,gone,kept", AROUND_A_WORKPLACE)
def test_words_around_a_workplace_that_are_no_part_of_it_stay(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A workplace said again in a form its full name gives: its name in a web or e-mail address run
# into its kind ("quellbrookcounselling.org.uk" ... "Quellbrook"), its initials before its kind
# ("Tarnwick Quell Valley Counselling" ... "TQV Counselling"), a new name it was given in quotes ("then we
# were 'Tarn Well'"). What only looks so stays: a mail host, a public body's address, people
# named by their job in quotes.
SAID_AGAIN_IN_ANOTHER_FORM = [
    (["Go to quellbrookcounselling.org.uk/jobs, they're hiring.", "Quellbrook have got a cheek."],
     ["Quellbrook", "quellbrookcounselling"], ["they're hiring", "have got a cheek"]),
    (["email jo at info@harrowmere-care.co.uk for shifts", "Harrowmere pay late."], ["Harrowmere"], ["pay late"]),
    (["write to me at tom.briar@gmail.com", "the nhs.uk page says so; www.mind.org.uk too", "Mind were good."],
     ["briar"], ["Mind were good", "the nhs.uk page says so"]),
    (["Quillan Lantern Collective has run for 6 years on grants.", "ql collective needs a miracle tbh"],
     ["Quillan", "Lantern", "ql collective"], ["needs a miracle tbh"]),
    (["I was at Tarnwick Quell Valley Counselling for years.", "TQV Counselling never paid on time."],
     ["Tarnwick", "TQV Counselling"], ["never paid on time"]),
    (["We used to be Quellside Wellbeing Service and then we were 'Tarn Well' and now it's all one."],
     ["Quellside", "Tarn Well"], ["and now it's all one"]),
    (["They rebranded as 'Kindle Together' last year.", "we're 'Team Leaders' now, same job."],
     ["Kindle Together"], ["'Team Leaders' now"]),
    # letters that are a word or said for something else, a word common enough to be read as
    # itself, a post or a day's slogan in quotes: no workplace's other form
    (["I was at Mill Yard Team for years, then Harbour Recovery Team.", "I love my team.",
      "The HR team were useless."], ["Mill", "Harbour"], ["I love my team", "The HR team were useless"]),
    (["see www.youngpeoplecare.org.uk and traumatherapy.co.uk", "Young people wait months. Trauma is the main issue.",
      "youngminds.org.uk has a guide; Young Minds matter."],
     [], ["Young people wait months", "Trauma is the main issue", "Young Minds matter"]),
    # a host's word English writes is its name capitalised only: in lower case it is the word
    (["see acorncounselling.org for the form", "a good acorn grows slowly"], [], ["a good acorn grows slowly"]),
    (["they were 'Team Leader' on paper", "she became 'Acting Manager' overnight",
      "it was 'Wellbeing Wednesday' again"], [], ["'Team Leader'", "'Acting Manager'", "'Wellbeing Wednesday'"]),
    # a name found with its quotes is the words inside them, said again without them; what is
    # said to name a workplace outranks the capitals' guess that it is someone
    (["My agency is called 'Quill Link' and they place me at different cmhts.",
      "quill link send the timesheet at midnight"], ["Quill", "quill link"], ["send the timesheet"]),
    # a helpline's name ends in its kind
    (["i work for a crisis line provider, Night Quill Helpline, on nights", "night quill pay us 12 an hour"],
     ["Night Quill", "night quill"], ["pay us 12 an hour"]),
]


@pytest.mark.parametrize("quotes,gone,kept", SAID_AGAIN_IN_ANOTHER_FORM)
def test_a_workplace_said_again_in_another_form_its_name_gives_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


@pytest.mark.parametrize("text,span,words", [
    ("agency called 'Quill Link' and", (14, 26), "Quill Link"),  # the quotes round it
    ("my old boss at Quellhaven (Andrea) used", (15, 27), "Quellhaven"),  # a model's span taking " ("
    ("it was Jones' fault", (7, 13), "Jones'"),  # (an apostrophe ending a name stays its own)
    ("'Quill", (0, 6), "'Quill"),  # (one quote mark alone: no pair to take off)
])
def test_a_name_found_is_the_words_without_quotes_or_brackets_round_it(text, span, words):
    from ingest.redact.engine import within_quotes
    from ingest.redact.recognizers import Finding

    f = within_quotes(text, Finding(*span, "ORG", 0.7, "test"))
    assert text[f.start:f.end] == words


# Words in capitals among words in lower case, after a word placing someone at a workplace and
# ending in a kind of place, name a workplace however everyday; capitals for emphasis stay, and
# so does a kind with a public body's letters or everyday words.
CAPITALS_AMONG_LOWER_CASE = [
    (["I left HOLLY GATE HOUSE in 2020.", "I was at the BRIGHT FIELDS CENTRE for a year."],
     ["HOLLY", "GATE", "BRIGHT", "FIELDS"], ["in 2020", "I was at the"]),
    (["I worked for the NHS TRUST for years.", "I worked at the COURT HOUSE.", "we had ZERO SUPPORT from management",
      "it was the most TOXIC TEAM i have ever been in", "it was the WORST COMPANY i ever worked for"], [],
     ["NHS TRUST", "COURT HOUSE", "ZERO SUPPORT", "TOXIC TEAM", "WORST COMPANY"]),
]


@pytest.mark.parametrize("quotes,gone,kept", CAPITALS_AMONG_LOWER_CASE)
def test_a_workplace_in_capitals_among_lower_case_words_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Typed in capitals, a name read as someone's, no given name in it, before words of its service
# and a word ending a workplace's name in capitals: a workplace's name, whole; a kind of one
# word after it, or a given name before a service, stays as it was read.
SHOUTED_NAME_THEN_SERVICE = [
    (["AND THEN IN 2018 QUERNBY EMPLOYEE ASSISTANCE OPENED A HUB IN EXETER.", "AT QUERNBY THERE WASN'T ANY UNION."],
     ["QUERNBY", "EMPLOYEE ASSISTANCE"], ["OPENED A HUB IN", "THERE WASN'T ANY UNION."]),
    (["I RANG TALLOWBY PSYCHOLOGICAL HEALTH ON MONDAY"], ["TALLOWBY", "PSYCHOLOGICAL"], ["I RANG", "ON MONDAY"]),
    (["I ASKED DAVID ABOUT CARE HOME STAFF"], ["DAVID"], ["CARE HOME STAFF"]),
]


@pytest.mark.parametrize("quotes,gone,kept", SHOUTED_NAME_THEN_SERVICE)
def test_a_name_in_capitals_before_words_of_its_service_in_capitals_goes_whole(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A word that opens names ("Royal", "Golden", "New"), written as the workplace's name after it is,
# is the name's; in another case it is a word of the sentence.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["ROYAL OAK COUNSELLING. WRITE THAT DOWN. THEY OWE ME."], ["ROYAL", "OAK"], ["WRITE THAT DOWN"]),
    (["I worked at the new Oak Counselling centre, then left."], ["Oak"], ["the new"]),
])
def test_a_word_opening_names_written_as_the_name_is_the_names(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Typed in lower case after a word placing someone at a workplace: a word few texts use, then
# words of what kind of service it is and a word ending a workplace's name, is a workplace's
# name (no kind of place follows to tell it); an everyday word, a town, or the words alone stay
# to the recognizer.
@pytest.mark.parametrize("text,found", [
    ("then the service went to quernby psychological health, who are a company", ["quernby psychological health"]),
    ("i did sessions for brackmoor employee assistance until 2020", ["brackmoor employee assistance"]),
    ("we referred him to private psychological health services", []),
    ("i was at work mental health support was poor", []),
    ("she went to psychological health services in the end", []),
])
def test_a_rare_word_before_words_of_a_service_and_its_kind_is_found(text, found):
    assert [f for f in found_by("lower-case-workplace", text) if f.endswith(("health", "assistance"))] == found


# Capitalised words ending in a plural of people that workplaces' names end with ("Partners",
# "Associates"), one of them a word no job has, name a firm; a job's words before them, an
# article or a number before, are staff of that job ("Care Partners", "three Care Associates").
@pytest.mark.parametrize("quote,gone,kept", [
    ("Our contract was with Optimum Care Partners.", ["Optimum"], ["Our contract was with"]),
    ("I work for Quarrow Health Associates now.", ["Quarrow"], ["I work for", "now"]),
    ("Kestrel Health Associates pay late.", ["Kestrel"], ["pay late"]),
    ("Care Partners do the personal care.", [], ["Care Partners do"]),
    ("We had three Care Partners on shift.", [], ["three Care Partners"]),
    ("I am one of the Health Care Associates.", [], ["the Health Care Associates"]),
    ("Our Senior Care Partners met on Monday.", [], ["Our Senior Care Partners"]),
    # a plural of people that is no firm's, after job words: staff
    ("Advanced Clinical Practitioners run the minors clinic.", [], ["Advanced Clinical Practitioners"]),
    ("Systemic Family Therapists are rare here.", [], ["Systemic Family Therapists"]),
])
def test_a_firm_named_for_its_people_goes_and_staff_of_a_job_stay(engine, quote, gone, kept):
    check(engine, [quote], gone, kept)


# A workplace typed in capitals inside a line typed with capitals where English puts them is read
# as it would be capitalised; words of what kind after a determiner, one common word, a message
# typed in capitals, a role's letters and public names stay as the line has them.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["I left because ANCHOR HOUSE wouldn't give me flexible hours."], ["ANCHOR", "HOUSE"], ["wouldn't give me"]),
    (["Everyone at PATHWAYS is burnt out."], ["PATHWAYS"], ["Everyone at", "is burnt out."]),
    # (a line typed otherwise in lower case has its own rule: CAPITALS_AMONG_LOWER_CASE)
    (["we had ZERO SUPPORT from management", "I left FOREVER after that"], [], ["ZERO SUPPORT", "FOREVER after"]),
    (["I left the CARE HOME sector.", "I was at WORK when she rang.", "I worked at a HALFWAY HOUSE.",
      "CEO of Mind spoke at the conference.", "I was at the GP SURGERY all morning."], [],
     ["the CARE HOME sector", "at WORK when", "a HALFWAY HOUSE", "CEO of Mind", "the GP SURGERY"]),
    (["She texted 'ALL STAFF MUST ATTEND SAFEGUARDING TRAINING' again.", "The charity MIND ran a course."], [],
     ["ALL STAFF MUST ATTEND SAFEGUARDING TRAINING", "MIND ran a course"]),
    # a stress where no workplace is said, or the kind of a service ("to ADULT SERVICES")
    (["We were working with NO STAFF at all.", "I HATE THIS TEAM sometimes", "I was working for PEANUTS.",
      "I worked with GREAT PEOPLE there.", "I left ADULT SERVICES in 2019."], [],
     ["NO STAFF", "HATE THIS TEAM", "PEANUTS", "GREAT PEOPLE", "ADULT SERVICES"]),
    (["I was on SICK LEAVE for months.", "I was moved to DAY SERVICES without being asked.", "I went to TRIBUNAL and won.",
      "She was in DENIAL about the workload.", "Then I went over to ADULT SERVICES."], [],
     ["SICK LEAVE", "DAY SERVICES", "TRIBUNAL", "DENIAL", "ADULT SERVICES"]),
])
def test_a_workplace_typed_in_capitals_in_a_line_of_both_cases_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# After a kind of workplace, "called" gives its name as often as it phones someone: the name read
# as a workplace's is one ("an agency called brightstaff"), and a word no workplace is named is
# still someone's ("a charity called will", "a charity rang dot").
@pytest.mark.parametrize("quote,name,placeholder", [
    ("i worked for an agency called brightstaff for a year.", "brightstaff", "[Workplace 1]"),
    ("the phone line was run by some outfit called mindright assist, and it was useless", "mindright assist",
     "[Workplace 1]"),
    ("a charity called will, which was odd.", "will", "[Person 1]"),
    ("a charity rang dot about the referral.", "dot", "[Person 1]"),
])
def test_a_name_called_after_a_kind_of_workplace_keeps_its_kind(engine, quote, name, placeholder):
    assert published(engine, [quote]) == quote.replace(name, placeholder, 1)


# Typed in lower case after a word placing someone at a workplace, words then a town straight
# after them are a branch's name; not words of what kind or where, a determiner's, a public
# body's, or one ordinary word before the town.
@pytest.mark.parametrize("text,name", [
    ("i was at kind hands sheffield. kind hands were brilliant", "kind hands sheffield"),
    ("then i left for helping hands hull in 2019", "helping hands hull"),
    ("i was at inner light exeter until covid", "inner light exeter"),
    ("i left open door west bromwich in 2020", "open door west bromwich"),
    ("i worked at quillory leeds", "quillory leeds"),
    ("I WAS AT KIND HANDS SHEFFIELD FOR A YEAR", "KIND HANDS SHEFFIELD"),
    # a word of which one opening it, before one no kind is
    ("i worked at new quill hull for a year", "new quill hull"), ("i was at north star leeds", "north star leeds"),
])
def test_a_lower_case_branch_named_by_its_town_is_found(text, name):
    assert found_by("lower-case-town-branch", text) == [name]


@pytest.mark.parametrize("text", [
    "i was at home in leeds", "i worked at adult social care leeds for years", "i was at my practice leeds",
    "i work for mind bristol which is fine", "i was at work sheffield", "i worked for the council leeds",
    "i was at crisis team hull", "i was at the hospital sheffield", "i worked at one point leeds",
    "i worked for nhs leeds", "i was at uni in bristol", "i was at ease in hope valley",
    # whom, what doing, or a verb's object after the town
    "i worked with young people reading, writing and doing art", "i was left feeling sick reading it",
    "i worked with older people derby, nottingham and leicester", "i worked with service users hull, mostly men",
    # capitals typed as English types them: the name rules read it
    "I was at Kind Hands Sheffield for a year",
    # a word of which one before a kind: no name
    "i worked at new clinic hull", "we moved to new premises leeds", "i was at old hospital york",
])
def test_words_of_what_kind_or_where_before_a_town_are_no_branch(text):
    assert found_by("lower-case-town-branch", text) == []


def test_a_branchs_short_form_after_a_determiner_stays_once_sealed(engine):
    # Sealing searches again for what redaction logged: the words after a determiner are the
    # words there too ("the kind hands of the staff").
    quotes = ["i was at kind hands sheffield. kind hands were brilliant. the kind hands of the staff helped."]
    result = engine.redact({"q": quotes[0]}, {}, [])
    engine.seal(result)
    assert result.texts["q"] == "i was at [Workplace 1]. [Workplace 1] were brilliant. the kind hands of the staff helped."
