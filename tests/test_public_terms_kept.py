"""Public terms and ordinary words kept where they were lost: a register's name said apart
from its number, "the Trust" alone, words opening a quote, and the national bodies, roles,
schemes and products of the broadened lists; a private name beside any of them still goes
(tables of cases; the engine alone, no ingest).

Every person, number and workplace here is invented; public bodies and products are real.
"""

from __future__ import annotations

import pytest

from tests.test_public_terms import check, engine  # noqa: F401  (the module's engine fixture)

# (quotes of one source, private words that must be gone, words that must stay)
CASES = [
    # named therapies and modalities, in any case; a practice named with one still goes
    (["she trained in somatic therapy and brainspotting.", "I offer Psychosynthesis and Theraplay.",
      "i did sandplay therapy training", "SHE DOES PLURALISTIC COUNSELLING", "I joined Quarrowby Hypnotherapy Ltd."],
     ["Quarrowby"], ["somatic therapy", "brainspotting", "Psychosynthesis", "Theraplay", "sandplay", "PLURALISTIC COUNSELLING"]),
    # national youth and first-aid charities, in any case and said to be a charity; a local
    # group's own name still goes
    (["i was with scouts, which is a charity", "i helped at brownies, which is a charity, and girlguiding.",
      "I volunteer with the Scouts and St John Ambulance.", "the 3rd Quarrowby Scouts meet on Fridays."],
     ["Quarrowby"], ["with scouts", "at brownies", "girlguiding", "the Scouts", "St John Ambulance"]),
    # a kind of NHS team said without "Team": no one; a local team's own name still goes
    (["Home Treatment came out twice.", "Crisis Resolution rang back.", "Quarrowby Home Treatment Team were kind."],
     ["Quarrowby"], ["Home Treatment came out", "Crisis Resolution rang"]),
    # "the Tavistock" is the national NHS trust, not the town; the town alone is a place
    (["I was referred to the Tavistock in the end.", "We moved to Tavistock after that."],
     ["moved to Tavistock"], ["the Tavistock in the end"]),
    # so is Rampton Hospital; the village alone is a place
    (["I did nights at Rampton Hospital.", "We lived in Rampton after that."],
     ["in Rampton after"], ["at Rampton Hospital"]),
    # a register's name said apart from the number (across a comma) is the register spoken of;
    # said with the number, it goes with it (it says where to look the number up)
    (["My HCPC number, PYL40011, is on the letter.", "My UKCP number, 2014-0099, too."],
     ["PYL40011", "2014-0099"], ["My HCPC number,", "My UKCP number,"]),
    (["I'm accredited, BACP 208871, and insured."], ["208871", "BACP"], ["accredited,", "and insured"]),
    # "the Trust" alone is the employer spoken of; a trust with its own name still goes
    (["The Trust said no. Then the Trust's HR team said yes.", "The Brindleford Trust merged with the Trusts."],
     ["Brindleford"], ["The Trust said no", "the Trust's HR team", "with the Trusts"]),
    # a public body spoken of without its name ("the Council", "the Tribunal"); a named one still goes
    (["The Council cut the contract. The Tribunal found for me, and the Union helped.",
      "The Board met. The Health Board froze posts. The Ombudsman agreed."],
     [], ["The Council cut", "The Tribunal found", "the Union helped", "The Board met", "The Health Board", "The Ombudsman"]),
    # (a source that names its own union or council: its short form may be that one, and goes)
    (["The Quarrowby Council cut it. The Union of Caldy Moor Workers wrote. The Council of Brantwick too."],
     ["Quarrowby", "Caldy Moor", "Brantwick"], ["cut it", "wrote"]),
    # qualifications and mandatory training by their national names
    (["I did the Access course, then GCSEs and A levels. Safeguarding Level 3 and Prevent training online."],
     [], ["Access course", "GCSEs", "A levels", "Safeguarding Level 3", "Prevent training"]),
    # a given name after a straight opening quote goes (an English word there is not read as
    # opening the quote: surnames that are words, "'Wood'", would stay)
    (["The email said 'Unfortunately we cannot offer you the post.'", "They said 'Congratulations' and left.",
      "She said 'Nadia will ring you' and hung up."],
     ["Nadia"], []),
    # a name after a quote that closes a sentence goes, and so does a surname that is a word there
    (["The letter said 'no.' They said nothing more. It said 'sorry.' Dervla rang."], ["Dervla"],
     []),
    (["The email ended 'see you soon.' Walker never wrote again.", "the note was signed 'Wood'.",
      "She said, Hughes, come here."], ["Walker", "Wood", "Hughes"], ["never wrote again"]),
    # initials with an "s" are someone's; the plural of a public acronym or a job's letters stays
    (["I borrowed KTs car and JJs phone.", "The CAPs started, and the ANPs left."], ["KTs", "JJs"],
     ["The CAPs started", "the ANPs left"]),
    (["I saw Dervla 'Dee' Quennell on the ward.", "Everyone says Fee but it's just 'Tobias'.",
      "New staff read it as 'Knee-av' and she lets them."], ["Dervla", "Dee", "Quennell", "Tobias", "Knee-av"],
     ["on the ward", "she lets them"]),
    # words in quotes in lower case are what someone said, unless a word places someone there
    (['The manager wanted to "democratise therapy" and it went badly.',
      'I worked at "quillbrook counselling" for two years.'],
     ["quillbrook"], ["democratise therapy"]),
    # public terms of the broadened lists: roles, schemes, pay and contract terms, products
    (["Everyone had Zoom Fatigue by the spring.", "It gets RAG-rated every week.",
      "The Clinical Associates in Psychology started in March."],
     [], ["Zoom Fatigue", "RAG-rated", "Clinical Associates in Psychology"]),
    (["I got a Blue Light Card and the NHS Bursary, then a Phased Return after the Schwartz Rounds.",
      "The Youth Offending Team rang, then the Court of Protection."],
     [], ["Blue Light Card", "NHS Bursary", "Phased Return", "Schwartz Rounds", "Youth Offending Team",
          "Court of Protection"]),
    # the plural of an acronym is no one's name; English words joined by a hyphen are no
    # name said as it sounds, syllables are
    (["The CAPs started, and the ANPs left.", "Eighty-something percent said no.",
      "It's pronounced Kee-va, she says, not 'Shiv-awn'."],
     ["Kee-va", "Shiv-awn"], ["The CAPs started", "the ANPs left", "Eighty-something percent"]),
    # a job capitalised after "a", "the", "my" is the job; a job word as a name still goes
    (["I saw a Psychiatrist, then the Registrar, then my Supervisor.", "She's a Midwife and he's a Physiotherapist.",
      "I asked Porter about it. The Matron Dervla Quennell said no."],
     ["Porter", "Dervla", "Quennell"], ["a Psychiatrist", "the Registrar", "my Supervisor", "a Midwife",
                                        "a Physiotherapist"]),
    # a title-case phrase of English words naming an idea or an event is no one's name; a
    # given name before such a word still makes one
    (["It's called Compassion Fatigue. The Recovery Model, Moral Injury, the Gig Economy.",
      "We had Key Performance Indicators and Service Level Agreements."],
     [], ["Compassion Fatigue", "The Recovery Model", "Moral Injury", "the Gig Economy"]),
    (["I met Ffion Day and Dervla Model there."], ["Ffion", "Dervla", "Model there"], ["I met"]),
    # a word of the field's work, or one English makes from another, opening a sentence is no one;
    # a word a service may be named by, set apart as one, still goes
    (["Admin was my job at first.", "Overtime was the agency's answer.", "Kindness was the day centre's whole ethos.",
      "Aftercare, the charity in Quarrowby, sacked me."],
     ["Aftercare"], ["Admin was", "Overtime was", "Kindness was"]),
    # so is a course of the field's words, and a job title ending in a leader; a name before a
    # course's word, or a given name before "Leader", is still a name
    (["Level 2 Counselling Skills was my first course.", "Then the Counselling Diploma.",
      "Team Leader of the Crisis Team, then Service Leader."],
     [], ["Level 2 Counselling Skills", "the Counselling Diploma", "Team Leader of the Crisis Team", "Service Leader"]),
    (["Harbour Diploma was the college.", "I told Faith Leader everything."], ["Harbour", "Faith", "Leader"], []),
    # a name after "said," goes
    (["I said, Look, I can't do it.", "She said, Dervla, come here."], ["Dervla"], []),
    # a run of capitalised words there may be a workplace's name, and goes
    (["She said, Step Forward were hiring.", "I worked at 'Fresh Start' for a year.",
      "They said 'Open Door' had closed."], ["Step Forward", "Fresh Start", "Open Door"], ["were hiring"]),
    (["I worked with Fresh Approach and New Day."], ["Fresh Approach", "New Day"], ["I worked with"]),
    # a qualification and the subject studied are no names; a place after "training in" still is
    (["She did a Masters in Counselling, then a Diploma in Social Work.", "I have a Certificate in Counselling Skills."],
     [], ["a Masters in Counselling", "a Diploma in Social Work", "a Certificate in Counselling Skills"]),
    (["I did my training in Brantwick, then a course in Reading.", "My placement training in New Leaf."],
     ["Brantwick", "Reading", "New Leaf"], ["I did my training in"]),
    # national chains by the names people give them
    (["I did nights at Sainsburys, then Maccies, then Spoons, then Nandos."], [],
     ["Sainsburys", "Maccies", "Spoons", "Nandos"]),
    # national bodies, unions and pay terms by their letters
    (["PHE and the MoD funded it; SCIE, ADASS and COSLA wrote guidance.", "We're an AQP, paid the NLW, in ASCL."],
     [], ["PHE", "MoD", "SCIE", "ADASS", "COSLA", "AQP", "NLW", "ASCL"]),
    # a platform by its short name, typed in lower case; what someone is called on it goes
    (["I'm on insta as tam.talks.", "Everyone's on insta now."], ["tam.talks"], ["I'm on insta as", "on insta now"]),
    # a name said whole as what someone is called on it goes whole, the surname too
    (["My facebook is tamsin quellow.", "I'm on facebook as Kieran Smith. Smith is my married name."],
     ["tamsin", "quellow", "Kieran", "Smith"], ["My facebook is", "I'm on facebook as", "is my married name"]),
    # a room or a kind of place said after a public name, a figure ending it too, is the public body's
    (["She was taken to the Section 136 Suite at the hospital.", "We sat in the DWP Office for an hour.",
      "I worked at Mind Quarrowby for years."],
     ["Quarrowby"], ["Section 136 Suite", "DWP Office"]),
    # ... not after a word ("the Surrey Suite", "the Spill Rooms" may be a business's), nor a
    # surname after a grade
    (["I worked at the Surrey Suite for years.", "Sessions were at the Spill Rooms in Leeds.",
      "My supervisor was Band 7 Park.", "Park was kind to me."], ["Surrey Suite", "Spill Rooms", "Park"], ["Band 7"]),
    # a public name beside a private one: the private one still goes
    (["Ffion Quennell from Yahoo Mail support wrote back.", "Tamsin Barclaycard rang me."],
     ["Ffion", "Quennell", "Tamsin"], ["Yahoo Mail support"]),
    # an ordinary word joined by a hyphen after a public name, and a brand run into a word,
    # stay public in capitals (a quote typed in capitals) and in title case, as in lower case
    (["ALL OUR SUPERVISORS ARE UKCP-REGISTERED OR BACP-ACCREDITED, WHICH HELPS.",
      "THE BOSS KEEPS DELIVEROO-ING THE REFERRALS AND CALLS IT TESCOWORLD.", "She's UKCP-Registered and NHS-Funded."],
     [], ["UKCP-REGISTERED", "BACP-ACCREDITED", "DELIVEROO-ING", "TESCOWORLD", "UKCP-Registered", "NHS-Funded"]),
    # (a name beside them, a name joined to a public one, a brand run into a place's ending still go)
    (["A BACP-ACCREDITED COUNSELLOR CALLED DERVLA QUENNELL RAN IT.", "I WORKED AT CALMWATER FOR YEARS, THEN AT TESCO.",
      "I WORKED AT MIND-QUARROWBY THEN."],
     ["DERVLA", "QUENNELL", "CALMWATER", "QUARROWBY"], ["BACP-ACCREDITED COUNSELLOR", "AT TESCO"]),
    # a given name joined by a hyphen after a public name is a double-barrelled name's half
    (["my supervisor, Tesco-Grace, was new.", "we asked Asda-Holly to sign it."],
     ["Grace", "Holly"], ["my supervisor,", "was new", "to sign it"]),
    # a national company typed in lower case where a workplace is said is the company, as it
    # is capitalised; a town the gazetteer knows and a local workplace still go
    (["you'd earn more on the checkout at aldi, or in the kitchen at kfc, or on the grill at mcdonald's.",
      "the money's lower than at mcdonald's.", "he found work at mcdonald's at sixteen."],
     [], ["grill at mcdonald's.", "than at mcdonald's.", "work at mcdonald's at"]),
    (["my dad was thirty years at vauxhall.", "he found work at quillbrook lodge at sixteen."],
     ["vauxhall", "quillbrook"], ["thirty years at", "at sixteen"]),
    # words English uses, capitalised as a course's or a book's title, before "of" or "in" and a
    # therapy or a public body, say something of it; a kind of workplace so joined names one
    (["I did the Foundations of CBT training last year.", "We had Principles of DBT as a module.",
      "I was at the Quarrowby Institute of CBT.", "Then I joined Stillness of Mind, a counselling company.",
      "I volunteered for Friends of CAMHS for years."],
     ["Quarrowby", "Stillness of Mind", "Friends of CAMHS"], ["Foundations of CBT", "Principles of DBT"]),
    # treatments and diagnoses by their full names, capitalised like a workplace's, are public;
    # a local unit named with one is still a workplace
    (["She had Electroconvulsive Therapy (ECT) in the end.", "Generalised Anxiety Disorder was my diagnosis.",
      "Multisystemic Therapy (MST) worked with the family.", "I ran the Quillmere Electroconvulsive Therapy Suite.",
      "She was diagnosed with Avoidant Restrictive Food Intake Disorder (ARFID).", "ARFID is hard to treat."],
     ["Quillmere"], ["Electroconvulsive Therapy (ECT)", "Generalised Anxiety Disorder was", "Multisystemic Therapy (MST)",
                     "Avoidant Restrictive Food Intake Disorder (ARFID)", "ARFID is hard"]),
    # national providers of housing and support and the housing associations are public; a
    # local service holding one of their names is still a workplace
    (["I was a support worker for Making Space, then Home Group.", "Anchor Hanover was my employer, and I moved to Voyage Care.",
      "I worked at Penumbra House Counselling for years."],
     ["House Counselling"], ["for Making Space, then Home Group", "Anchor Hanover was", "to Voyage Care"]),
    # the broadened lists: named reviews, systems, measures, therapies, charities, schemes and
    # pay terms, written as people write them; a local service named with one still goes
    (["The Cass Review came out and Liquidlogic crashed the same week.",
      "We scored the Penn State Worry Questionnaire, then offered Behavioural Family Therapy.",
      "Homeless Link and NHS Charities Together funded Housing First here.",
      "Golden Hello or not, the Immigration Health Surcharge ate it.",
      "I did my Mental Health First Aid course with Quarrowby Psychiatric Liaison."],
     ["Quarrowby"], ["The Cass Review", "Liquidlogic", "Penn State Worry Questionnaire", "Behavioural Family Therapy",
                     "Homeless Link and NHS Charities Together funded Housing First", "Golden Hello",
                     "Immigration Health Surcharge", "Mental Health First Aid"]),
    # a public term's words run together in a hashtag, each capitalised; a workplace's still goes
    (["so tired #AgendaForChange #UniversalCredit", "shift done #QuarrowbyLodge"], ["Quarrowby"],
     ["#AgendaForChange #UniversalCredit"]),
]


@pytest.mark.parametrize("quotes,gone,kept", CASES)
def test_public_terms_and_quoted_words_stay_and_private_names_go(engine, quotes, gone, kept):  # noqa: F811
    check(engine, quotes, gone, kept)


# A public code of letters and figures in one word is no one's name in whatever case it is
# typed: its span is public in lower case too ("ir35", "p45", "g4s"); a public name of letters
# alone that is a word or a given name in lower case is not ("nice", "costa"), nor a code
# inside another word.
@pytest.mark.parametrize("text,public", [
    ("we talked about ir35 for an hour", ["ir35"]), ("they gave me my p45 and a p60", ["p45", "p60"]),
    ("she was held on a s136 twice", ["s136"]), ("security was g4s then", ["g4s"]),
    ("it was nice, and costa was open", []), ("the form abcir35x came back", []),
])
def test_a_code_of_letters_and_figures_is_public_in_lower_case(engine, text, public):  # noqa: F811
    assert [text[a:b] for a, b in sorted(engine.public.spans(text))] == public
