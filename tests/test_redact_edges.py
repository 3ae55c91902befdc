"""Ordinary words and public terms beside a name are not taken into it: a name does not run
across a sentence's end, a job or an everyday noun after a public term or a title is not a
surname, a regulator's rating is no one, a helpline's number is no one's (tables of cases;
the engine alone, no ingest).

Every person and workplace here is invented; public bodies, services and their numbers are real.
"""

from __future__ import annotations

import pytest

from test_public_terms import check, engine  # noqa: F401 - engine is the module's fixture

# (quotes of one source, words that must be gone, words that must stay). A full stop joined
# to a word ("M&S.", "Ltd.", "Mo." are one token each) ends the sentence: the capitalised
# word after it opens the next one. Initials and short forms before a name do not end one.
SENTENCE_ENDS = [
    (["I shop at M&S. Nobody cares what you buy there."], [], ["M&S. Nobody cares"]),
    (["They took him to A&E. He was fine by the morning."], [], ["A&E. He was fine"]),
    (["Everybody calls me Mo. Even my mum does."], ["Mo"], ["Even my mum does"]),
    (["I worked for Quillmere Care Ltd. It was grim."], ["Quillmere", "Ltd"], ["It was grim"]),
    (["J. R. Quill rang me from B&Q. Nobody else did."], ["Quill", "R."], ["B&Q. Nobody else did"]),
    (["I moved to St. Helens after a spell in A&E. Nobody there knew me."], ["Helens"],
     ["A&E. Nobody there knew me"]),
    (["Dr. Quellan saw me at M&S. Everyone saw."], ["Quellan"], ["M&S. Everyone saw"]),
    # a short weekday the tokenizer splits ("We" "d."): the name after it is the name alone
    (["Wed. Kasia covered the shift.", "See you Wed."], ["Kasia"], ["Wed. ", "See you Wed."]),
]


@pytest.mark.parametrize("quotes,gone,kept", SENTENCE_ENDS)
def test_a_name_does_not_run_across_a_sentences_end(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A job or an everyday noun in title capitals after a public name or a job title is what
# someone is or what is said of the public body; a rare word or a surname there is a name.
TITLE_CAPITALS = [
    (["I asked the Consultant Psychiatrist, then Consultant Okafor."], ["Okafor"], ["Consultant Psychiatrist"]),
    (["The Zoom Burnout was real at Brindlemere Hub."], ["Brindlemere"], ["Zoom Burnout"]),
    (["My post is now Senior Psychological Practitioner, says Matron Ashby."], ["Ashby"],
     ["Senior Psychological Practitioner"]),
    (["I'm the Placement and Volunteer Coordinator at Quillmere Hub."], ["Quillmere"],
     ["Placement and Volunteer Coordinator"]),
    (["We rang NHS Quillmere, then the NHS Registrar."], ["Quillmere"], ["NHS Registrar"]),
]


@pytest.mark.parametrize("quotes,gone,kept", TITLE_CAPITALS)
def test_a_job_or_an_everyday_noun_after_a_public_term_or_a_title_is_no_surname(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A nickname's word before a given name is the name people know them by ("Big Dougie" was
# published as "Big [Person 7]"); before a surname or a workplace it is a word of the sentence.
NICKNAMES = [
    (["Aye. Big Dougie, Dougie, he's the Unison steward.", "Big Dougie sat in with me."], ["Big", "Dougie"],
     ["Unison steward"]),
    (["and wee jimmy from the estates team came anyway"], ["wee", "jimmy"], ["from the estates team"]),
    (["It was a big NHS site, the old Quarrow Hall.", "A young team."], ["Quarrow"],
     ["a big NHS site, the old", "A young team"]),
    # (after a determiner, or in lower case before a capitalised name, it describes: "a young Sarah")
    (["We took on a young Sarah Quennell that year, and my old Dougie stayed on."], ["Sarah", "Quennell", "Dougie"],
     ["took on a young", "and my old"]),
    (["Nobody knew how old Jack was.", "There's little Sam can do.", "Poor old Tom."], ["Jack", "Sam", "Tom"],
     ["how old", "There's little", "Poor old"]),
    # one person with or without it
    (["Morag Kerr ran reception.", "Wee Morag knew everyone."], ["Morag", "Kerr", "Wee"], ["[Person 1] knew everyone"]),
]


@pytest.mark.parametrize("quotes,gone,kept", NICKNAMES)
def test_a_nicknames_word_before_a_given_name_is_the_names(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A regulator's rating, in capitals as the regulator writes it, is no one; a surname that is
# the same word is still someone's after a given name or a title, and wherever said after.
RATINGS = [
    (["The ward was rated Good last year, and Outstanding before that."], [], ["rated Good", "Outstanding before"]),
    (["The home got Requires Improvement, then the CQC said Inadequate."], [], ["Requires Improvement", "Inadequate"]),
    (["The school came out of Special Measures as Good."], [], ["Special Measures", "as Good"]),
    (["Ivy Good ran the home.", "Good said it was rated Inadequate."], ["Ivy", "Good"], ["rated Inadequate"]),
    (["Mrs Good ran the home, rated Outstanding."], ["Mrs Good"], ["rated Outstanding"]),
]


@pytest.mark.parametrize("quotes,gone,kept", RATINGS)
def test_an_inspection_rating_is_no_one(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A transcriber's role label left in a quote's text (a survey's pasted answer, a caption's
# cue) is no one's name; a name after a role's word still goes.
ROLE_LABELS = [
    (["Interviewer: How long were you there?", "Participant: Ten years, about.", "PARTICIPANT: yes.",
      "Interviewee: Ten years, roughly.", "Respondent 4: no comment.", "Unknown Speaker: no comment.",
      "As Interviewee I said no."], [],
     ["Participant: Ten", "PARTICIPANT: yes", "Interviewee: Ten", "Respondent 4: no", "Unknown Speaker: no",
      "As Interviewee I"]),
    (["Guest: Tamsin Orrell said no.", "Participant Dervla Quennell: hello."], ["Tamsin", "Orrell", "Dervla", "Quennell"],
     ["said no", "hello"]),
]


@pytest.mark.parametrize("quotes,gone,kept", ROLE_LABELS)
def test_a_role_label_left_in_a_quote_is_no_name(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A helpline's published number is no one's identifier, however it is spaced; a personal
# number beside it still goes, even one a figure away.
HELPLINES = [
    (["If it gets bad, text Shout 85258 or ring Samaritans on 116 123."], [], ["Shout 85258", "116 123"]),
    (["Ring Samaritans free on 116123, or Childline on 0800 1111."], [], ["116123", "0800 1111"]),
    (["My staff number is 85259, not the Shout one, 85258."], ["85259"], ["85258"]),
    (["Ring me on 07700 900123, or CALM on 0800 58 58 58."], ["07700 900123"], ["0800 58 58 58"]),
]


@pytest.mark.parametrize("quotes,gone,kept", HELPLINES)
def test_a_helplines_number_is_no_ones_but_a_personal_number_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


def test_the_leak_gate_leaves_a_helplines_number():
    from ingest.redact.recognizers import gate_findings

    assert gate_findings("Text Shout 85258, or ring Mind Infoline on 0300 123 3393.") == []
    assert gate_findings("My payroll number is 85259.") != []


# A survey answer typed in capitals throughout: its capitals say nothing, so it is read in
# lower case too; what the lower-case rules find goes, and public terms stay.
SHOUTED = [
    (["I WORKED FOR SHEFFIELD IAPT FOR YEARS"], ["SHEFFIELD"], ["WORKED"]),
    (["MY MANAGER JOHN HOPKINS NEVER LISTENED TO ANY OF US"], ["JOHN", "HOPKINS"], ["MANAGER"]),
    (["THE NHS AND IAPT ARE BROKEN, ASK ANY PWP"], [], ["NHS", "IAPT", "PWP"]),
    (["I MOVED TO GATESHEAD AND JOINED UNISON"], ["GATESHEAD"], ["UNISON"]),
    # a hyphen in a shouted line is no letter of a name: the measure, the shop and the rest
    # of the line stay; a name hyphened to a word still goes whole
    (["HONESTLY WE DID THE CORE-OM EVERY SINGLE WEEK", "THE IES-R SCORES WERE HIGH AT THE CO-OP"],
     [], ["HONESTLY WE DID THE CORE-OM EVERY SINGLE WEEK", "THE IES-R SCORES WERE HIGH AT THE CO-OP"]),
    (["I ASKED QUENNELL-HART AND SHE SAID NO ON THE DAY", "MY MANAGER DERVLA QUENNELL-BRIGHT WAS OFF SICK"],
     ["QUENNELL", "HART", "DERVLA", "BRIGHT"], ["SHE SAID NO ON THE DAY", "WAS OFF SICK"]),
    # two surnames hyphened are one name, though each is an everyday word; other hyphened
    # everyday words stay
    (["THE PRICE-WHITE FAMILY CAME TO THE WARD", "I WORK PART-TIME ON THE LONG-TERM TEAM"],
     ["PRICE", "WHITE"], ["FAMILY CAME TO THE WARD", "I WORK PART-TIME ON THE LONG-TERM TEAM"]),
    # a public body's letters read in the lower-case copy are no place ("acas")
    (["WE WENT TO ACAS AND FILLED IN THE MHCT EVERY SINGLE WEEK"], [], ["WE WENT TO ACAS AND FILLED IN THE MHCT"]),
    # a word English knows after "MY", "A", "THE", which its capitals alone made a name, stays;
    # a name after a role, a surname before a word, still go
    (["MY POSTCODE IS ON THE FORM, MY PAYSLIP WAS WRONG", "I LEFT A VOICEMAIL AND MY TIMESHEET WAS LATE"], [],
     ["MY POSTCODE IS", "MY PAYSLIP WAS WRONG", "A VOICEMAIL", "MY TIMESHEET"]),
    (["MY MANAGER WAS GRUFFYDD AND HE WAS FINE", "I TOLD THE OKAFOR FAMILY ABOUT IT",
      "THE REDDING FAMILY CAME TO THE WARD"], ["GRUFFYDD", "OKAFOR", "REDDING"], []),
    # a word of the work (a field word, a word English uses, or the plural of one) in a
    # shouted line is no name for its capitals: it stays; a given name, a surname, a town
    # and a name no list knows beside it still go
    (["TOO MANY HANDOVERS AND NO TRIAGE", "THE HOTDESKING IS AWFUL AND THE VOICEMAILS PILE UP",
      "FLEXITIME AND ROSTERING ARE A MESS", "I HATE TIMESHEETS"], [],
     ["TOO MANY HANDOVERS AND NO TRIAGE", "THE HOTDESKING IS AWFUL AND THE VOICEMAILS PILE UP",
      "FLEXITIME AND ROSTERING ARE A MESS", "I HATE TIMESHEETS"]),
    # words English commonly uses, read as a person's name by their capitals alone, stay
    # unless the line read in lower case finds them someone's ("MY MANAGER DAWN...")
    (["IT'S ABOUT TWENTY-TWO GRAND, AND THAT'S BEFORE TAX", "MY MANAGER DAWN SAID NO TO IT"], ["DAWN"],
     ["ABOUT TWENTY-TWO GRAND", "SAID NO TO IT"]),
    # a stop word of a name read in capitals ("MRS SO-AND-SO") is searched for nowhere else
    (["AND THEN MRS SO-AND-SO FROM THE OFFICE RANG", "AND I SAID YES AND NO"], [], ["AND I SAID YES AND NO"]),
    # a word English makes of an everyday one ("TOKENISTIC", "MICROMANAGEMENT") is no name either
    (["MANAGEMENT IS TOKENISTIC AND PERFORMATIVE", "TOO MUCH MICROMANAGEMENT AND PRESENTEEISM"], [],
     ["MANAGEMENT IS TOKENISTIC AND PERFORMATIVE", "TOO MUCH MICROMANAGEMENT AND PRESENTEEISM"]),
    # a verb's form, of a word English uses or of the field, in a shouted line, is no name
    # either; a surname, a name no list knows beside one, still go
    (["I SHADOWED A NURSE ON MY FIRST DAY", "WE ALL GROANED WHEN THE ROTA CAME OUT",
      "WHO CHECKED THE LIGATURE POINTS?", "DERVLA QUENNELL SHADOWED ME"], ["DERVLA", "QUENNELL"],
     ["I SHADOWED A NURSE", "WE ALL GROANED WHEN THE ROTA CAME OUT", "THE LIGATURE POINTS", "SHADOWED ME"]),
    # (though a names list holds the word it is made from: "MENTOR")
    (["I MENTORED TRAINEES FOR YEARS", "SHE MENTORED ME"], [], ["I MENTORED TRAINEES FOR YEARS", "SHE MENTORED ME"]),
    # a past made by "-d" ("MESSAGED"), of a word a surnames list holds ("MOANED"); an adverb
    # made from an English word ("FORTNIGHTLY"); a short word so ending may still be a name
    (["I WENT ROUND THE WARD AND I MESSAGED EVERYONE", "WE ALL MOANED ABOUT IT", "SUPERVISION WAS FORTNIGHTLY"], [],
     ["I MESSAGED EVERYONE", "WE ALL MOANED ABOUT IT", "SUPERVISION WAS FORTNIGHTLY"]),
    (["I DID MY PLACEMENT AT PANED FOR A YEAR"], ["PANED"], ["I DID MY PLACEMENT AT"]),
    # a word English uses after a given name or a title is a surname there
    (["ASK KWAME THISTLE ABOUT THE HANDOVERS", "MY SUPERVISOR WAS MRS KESTREL, ALWAYS ON TRIAGE"],
     ["KWAME", "THISTLE", "KESTREL"], ["ABOUT THE HANDOVERS", "ALWAYS ON TRIAGE"]),
    (["MY MANAGER GOLDING WAS TOKENISTIC", "DERVLA QUENNELL AND MR HARDINGTON WERE PERFORMATIVE"],
     ["GOLDING", "DERVLA", "QUENNELL", "HARDINGTON"], ["WAS TOKENISTIC", "WERE PERFORMATIVE"]),
    (["DERVLA COVERED THE TRIAGE AND THE HANDOVERS", "HOPKINS AND WALKER DID THE ROTAS EVERY WEEK",
      "WE MOVED FROM BRINDLEFORD TO LEEDS, THE HANDOVERS WERE AWFUL",
      "I WORKED AT QUILLBROOK HOUSE WITH NO TRIAGE"],
     ["DERVLA", "HOPKINS", "WALKER", "BRINDLEFORD", "LEEDS", "QUILLBROOK"],
     ["COVERED THE TRIAGE AND THE HANDOVERS", "DID THE ROTAS", "THE HANDOVERS WERE AWFUL", "WITH NO TRIAGE"]),
]


@pytest.mark.parametrize("quotes,gone,kept", SHOUTED)
def test_text_typed_in_capitals_is_read_in_lower_case_too(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


@pytest.mark.parametrize("text,shouted", [
    ("I WORKED FOR YEARS AT THE WARD", True),
    ("I WORKED FOR YEARS AT THE WARD AND i THINK IT SHOWS", True),  # an "i" typed small
    ("I worked at the NHS for years", False),
    ("NHS IAPT", False),  # too short to say how it was typed
])
def test_text_typed_in_capitals(text, shouted):
    from ingest.redact.engine import shouted_text
    assert shouted_text(text) is shouted


# From a review of rules made from invented probes: what each rule's first form had published
# or taken, with the rows that must go and stay (the sweeps behind them are in the commit).
REVIEWED = [
    # a given name typed small in a text with capitals is still someone's
    (["I work with carl on Tuesdays and he is great.", "Thanks to pat and terry for the help."],
     ["carl", "pat", "terry"], ["on Tuesdays", "for the help"]),
    # a place's word before a public body's letters names a local service: only an order opening
    # the sentence is no part of it
    (["Harbour CCG paid for training.", "Summit PCN paid me late.", "Quote NHS number when you ring."],
     ["Harbour", "Summit"], ["paid for training", "paid me late", "Quote NHS number"]),
    # a name may open with a verb that ends a name after one of its words
    (["the charity was called works wonders", "i was a pwp at kept safe for a year"], ["wonders", "kept", "safe"], []),
    # a workplace's name may end in a verb; a surname may be a small word
    (["i worked at hope works for a year", "i volunteer at sun works on fridays", "me and dan full did the night shift"],
     ["hope", "sun", "full"], ["for a year", "did the night shift"]),
    # a surname in capitals ending "-ING" is no verb's form
    (["THEN WILDING SAID NO.", "MOULDING NEVER RANG BACK."], ["WILDING", "MOULDING"], ["SAID NO"]),
    # a public body's site, a file's name; a word "he said" follows
    (["check www.nhs.uk for info", "the file notes.final.docx is shared", "so hope's fading now, he said"], [],
     ["www.nhs.uk", "notes.final.docx", "hope's fading"]),
    # a service that closed, the clause going on with its subject
    (["when larkspur closed i moved on"], ["larkspur"], ["closed i moved on"]),
    # and from a second read: a verb in the present inside a lower-case name; a workplace's name
    # typed with one capital before a verb in lower case
    (["a counsellor at time will tell counselling", "a therapist at kids can achieve"],
     ["time", "tell", "kids", "achieve"], []),
    (["I worked at Hope works for years.", "I was at Youth works for a bit."], ["works"], ["for years", "for a bit"]),
    # two letters and three pairs of figures in lower case, said of counts; "id" for "I'd";
    # words run on at full stops; a public body's page said; "he reckons" after a word-name
    (["on tv 12 15 20 a day, we did uc 10 12 14 a week", "id say 10 15 mins tops", "the ref was in 2019 2020",
      "I downloaded it.App was rubbish", "ok.thanks.bye, she left.then.nothing happened",
      "go to nhs dot uk slash mental health", "and hope, he reckons, is what matters"], [],
     ["tv 12 15 20 a day", "uc 10 12 14 a week", "say 10 15 mins", "2019 2020", "it.App was", "ok.thanks.bye",
      "left.then.nothing", "nhs dot uk slash mental health", "hope, he reckons"]),
    # and from a fresh probe: a name in capitals ending "-ED" no English word ("PROMED" is no "PROM"
    # + "ED")
    (["THE LOCUM FROM PROMED 24-7 ONLY LASTED A WEEK."], ["PROMED"], ["ONLY LASTED A WEEK"]),
    # and from a third read: a verb inside a workplace's name typed in lower case, in the past too
    # ("at juniper was lovely" loses "was lovely" with it, the lesser harm)
    (["a nurse at hope was here cic for years", "worked at time was right counselling", "a therapist at hopes were high"],
     ["here", "right", "hopes", "high"], ["for years"]),
    # a page of a public body's own host with ordinary words only stays; below it, or naming
    # someone, goes
    (["my gp is juniperpractice.nhs.uk/contact", "see bacp.co.uk/therapists/tash-wren", "rcn.org.uk/members/rose-green",
      "see gov.uk/universal-credit"], ["juniperpractice", "tash", "rose"], ["gov.uk/universal-credit"]),
    # a product's name with a capital inside it before a figure stays ("Step 2" does too)
    (["i use HeadSpace 10 mins a day", "she does CrossFit 5 days a week, after Step 2"], [],
     ["HeadSpace 10", "CrossFit 5", "Step 2"]),
    # a lower-case full name of a given name and a word English hardly uses; not a word of who
    # they are after "my" ("buddy" is a given name too), nor a form of a commoner word
    (["harriet quist wrote my reference", "my buddy ferdie quit that week", "they played carol medleys at christmas",
      "john bowlby's attachment theory", "harriet fumed about the rota"],
     ["harriet", "quist", "ferdie", "bowlby"], ["my buddy", "carol medleys", "'s attachment theory", "fumed about"]),
    # after a word placing someone there, a word few texts use and the word ending a workplace's
    # name ("services", "health", "support"); not a word of a service ("telecare", "wraparound")
    (["i joined bridgeway services as a support worker", "i worked for hearthstone support services",
      "my contract with tidewater health ended", "i worked with telecare services and signposted to wraparound support",
      "i worked for bellwether care"],
     ["bridgeway", "hearthstone", "tidewater", "bellwether"], ["with telecare services", "to wraparound support"]),
    # but not a word of what is done or had: a discipline, a therapy, a condition, a pastime, a
    # trade; nor after words that place no one at work ("referred for", "went to")
    (["referred to podiatry services and hypnotherapy services", "she went to fibromyalgia support",
      "i joined zumba group and parkinsons group", "we paid for bookkeeping services",
      "i was referred for hypermobility support", "she went to tracheostomy care training", "i joined parkrun group"], [],
     ["podiatry services", "hypnotherapy services", "fibromyalgia support", "zumba group", "parkinsons group",
      "bookkeeping services", "hypermobility support", "tracheostomy care", "parkrun group"]),
    # nor after someone's work: a department, a discipline, a kind of care written as one word
    (["i worked for audiology services, then radiography services, then optometry services",
      "i worked for homeopathy services and for aftercare services", "i joined homecare services",
      "i worked for endometriosis support"], [],
     ["audiology services", "radiography services", "optometry services", "homeopathy services",
      "aftercare services", "homecare services", "endometriosis support"]),
    # the words after a number read in groups, the speaker's; an NI number with hyphens between its groups
    (["the number is 40917 ta 12 of us", "my ni is JT-65-43-21-D"], ["40917", "JT-65-43-21-D"], ["12 of us"]),
]


@pytest.mark.parametrize("quotes,gone,kept", REVIEWED)
def test_what_the_review_of_the_probe_rules_found(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# Words no one is called, read as names where a sentence opens after a quote mark or after a
# role, and from there searched for through the whole source: a pronoun or a question's word
# ("'You have now reached...'"), an everyday word after a role ("the manager said"), a greeting
# alone ("Diolch yn fawr"), the ordinal of a day before what it counts ("the first few weeks").
WORDS_NO_ONE_IS_CALLED = [
    (["She read it out: 'You have now reached stage one.' You could hear the script.",
      "the learning agreement, as per the handbook.' That was all. That was the meeting."], [],
     ["'You have now", "You could hear", "That was all. That was the meeting"]),
    (["'What's your trajectory?' What a question.", "the manager said, literally, 'it's about reach'",
      "which until then was a band 7 therapist job. The job went."], [],
     ["'What's your", "What a question", "the manager said, literally", "therapist job. The job went"]),
    (["Diolch yn fawr, thank you both.", "Croeso. Good to be here."], [], ["Diolch", "Croeso. Good"]),
    # an everyday word no one is called opening a quotation; a surname or a name that is a word
    # there is still someone's
    (["Chasing scores. 'Did you do the PHQ with her?' And so on.", "'Maybe step two isn't for you.' I went home.",
      "'I said no.'  Maybe it was.",
      "'Wellbeing.' Every one of them means the opposite.", "He wrote back: 'Walker never replied.'",
      "We called her 'Grace' on the ward."], ["Walker", "Grace"],
     ["'Did you do", "'Maybe step two", "Maybe it was", "Every one of them", "never replied"]),
    (["The clients hate it. 'Have I been feeling low?' Obviously. I'm here.", "'Is it safe?' Honestly, no."], [],
     ["'Have I been", "Obviously. I'm here", "Honestly, no"]),
    # an everyday word no name or place is opening a quotation; a laugh said alone; a focus
    # group's label in the text ("P2:" as "P 2:")
    (["My manager's words were, 'Great for your CV.'", "P3: Ha. Every email.", "P2: Neither do the managers."], [],
     ["'Great for your CV.'", "Ha. Every email", "P2: Neither"]),
    (["She said 'London was great' and left."], ["London"], ["was great"]),
    # (a word below the everyday band opening a quotation may be a workplace answering its
    # phone, or a nickname: reverted from 931c848, which kept these)
    (["we had to answer the phone 'Pathways.' every time", "'Evolve speaking' is how we answered",
      "we all called her 'Tiger.'"], ["Pathways", "Evolve", "Tiger"], ["every time", "is how we answered"]),
    (["I was off until the twelfth.", "for the first three weeks she only typed",
      "The first one was text.", "for the first couple of months it was hard"],
     ["the twelfth"], ["the first three weeks", "The first one", "the first couple of months"]),
    # and from the review of these rules: someone whose name is a word, after a quote mark that
    # closes speech, in a quote of its own, after a role, a greeting's word mid-sentence; a
    # surname ending "-LY" in capitals; a day from the tenth on, said again or before a word
    (["'I'm done,' Quarrow said.", "He wrote: 'Friend never replied.'", "We called the new lead 'Money' on the ward.",
      "my supervisor art said no. art never listened", "my manager young said we had to cover",
      "I worked with Dear for years."], ["Quarrow", "Friend", "Money", "art", "young", "Dear"],
     ["'I'm done,'", "never replied", "on the ward", "said no", "never listened", "said we had to cover"]),
    (["I HAD SUPERVISION WITH WHITELY EVERY WEEK", "MY MANAGER PRIESTLY SAID NO"], ["WHITELY", "PRIESTLY"],
     ["I HAD SUPERVISION WITH", "EVERY WEEK", "SAID NO"]),
    (["I was off until the twelfth basically.", "The twelfth was when I handed my notice in.",
      "On the second management announced the cuts.", "It was on the first slide.", "for the first payment"],
     ["the twelfth", "The twelfth", "the second"],
     ["basically", "was when I handed", "management announced", "the first slide", "the first payment"]),
]


@pytest.mark.parametrize("quotes,gone,kept", WORDS_NO_ONE_IS_CALLED)
def test_words_no_one_is_called_stay_through_the_source(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


def test_a_day_said_by_its_ordinal_is_searched_for_nowhere_else_once_sealed(engine):
    # The seal and the export's check search for what redaction logged: "the first" said as a
    # day is the words elsewhere ("the first few weeks").
    result = engine.redact({"a": "I went back on the first, finally.", "b": "For the first few weeks I was lost."},
                           {}, [])
    engine.seal(result)
    assert result.texts == {"a": "I went back on [date], finally.", "b": "For the first few weeks I was lost."}


def test_a_day_an_older_log_lists_as_said_alone_is_searched_for_nowhere_by_the_export(tmp_path):
    # Logs written before days by a low ordinal had a name of their own listed every day said
    # alone as "bare-day": the export's check must not search a source for "the first" again.
    import json

    from ingest.redact.gate import find_leaks, log_path, terms_from_log

    path = log_path(tmp_path, "s1")
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"log": 2, "original": "the first", "kind": "DATE", "recognizer": "bare-day",
                                "match": "any-case"}) + "\n", encoding="utf-8")
    assert find_leaks({"q": "It was on the first slide."}, terms_from_log(path)) == []


# A number read out over quotes one after the other (a pause, an interruption, a question): its parts
# go together where they make one UK number; figures that make none stay.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["so that's oh seven nine double two", "four double eight, one five six."], ["seven nine", "one five six"],
     ["so that's"]),
    (["my number is 07700", "um, 900 631, thanks"], ["07700", "900 631"], ["thanks"]),
    (["ring me on 0113", "496 0881"], ["0113", "496 0881"], ["ring me on"]),
    (["we had 0 of them", "12 more in 2020"], [], ["we had 0 of them", "12 more in 2020"]),
    # a time of four figures, then more figures; thousands
    (["we finished at 0930", "1,250,000 was the budget"], [], ["0930", "1,250,000"]),
    # a short question between its parts, with no figure of its own
    (["Her number's oh seven eight double one, five six two...", "Sorry, you cut out, what was the rest?",
      "four one six. Tell her I sent you."], ["eight double one", "four one six"], ["what was the rest?", "Tell her"]),
    (["We had 40 on the list", "How many?", "12 more in 2020"], [], ["We had 40", "12 more in 2020"]),
    # ... or a listener's nod, a sound no one is called ("Mm-hm." is no [Person 1]), the first
    # part five figures or more: not a time ("Right." between two times stays)
    (["The phones opened at 0800.", "Right.", "930 till 1030 was the rush."], [], ["at 0800", "930 till 1030"]),
    (["Earlies were 0700 1500.", "Mm-hm.", "120 beds across the site."], [], ["0700 1500", "120 beds"]),
    (["Our sort code was 04 00 75.", "Right.", "12345 was the branch reference."], [], ["04 00 75", "Right."]),
    (["It's 01904 613...", "Aye.", "The rest is 552."], ["01904 613", "552"], ["Aye."]),
    (["It's oh one nine oh four, six one...", "Mm-hm.", "three double five two. The duty line."],
     ["nine oh four", "three double five two"], ["Mm-hm.", "The duty line"]),
    (["It's 01904 613...", "Hang on, let me grab a pen.", "552 if you want her."], ["01904 613", "552"],
     ["let me grab a pen", "if you want her"]),
    (["It's 01904 613...", "Pardon? One more time?", "552, the duty line."], ["01904 613", "552"],
     ["Pardon? One more time?", "the duty line"]),
    # (a town's code is a first part too, where a number is said)
    (["The number for the office is oh one six one...", "Sorry, what was the rest?", "Four nine six, oh five five two."],
     ["one six one", "Four nine six, oh five five two"], ["what was the rest?"]),
    # (asked for an amount, not for the rest: the time stays)
    (["I called the commissioners at 0930", "Sorry, what was it worth?", "2500000 a year."], [],
     ["at 0930", "what was it worth?"]),
    # in three parts or more, each all its turn says, a nod or none between them
    (["What's the number for the branch?", "Zero seven seven zero zero", "Mm.", "nine zero zero", "Yep.",
      "one one four. Ask for the branch sec."], ["seven seven zero zero", "nine zero zero", "one one four"],
     ["Mm.", "Yep.", "Ask for the branch sec"]),
    (["What's your number?", "Oh seven eight double one", "nine double two", "five four three. That's it."],
     ["seven eight double one", "nine double two", "five four three"], ["That's it."]),
    # the listener reading back the part just said, between the parts; a first part ending on
    # "and"; a telephone asked for in the question before; a part said again after a question mark
    (["Is there a number we can reach you on?", "Mobile's best. Oh seven seven double oh—",
      "Mm-hm, seven seven double oh.", "—nine oh oh, treble five."],
     ["Oh seven seven double oh", "Mm-hm, seven seven double oh", "nine oh oh, treble five"], ["Mobile's best"]),
    (["Mobile. Oh seven nine double four, three hundred and—", "Three hundred.", "—six six two. Ask for me."],
     ["seven nine double four, three hundred", "Three hundred", "six six two"], ["Ask for me."]),
    (["Do you remember the number for the bank office?", "Oh one six one—", "Yes!",
      "—four nine six, oh eight... eight three? Oh eight eight three."],
     ["Oh one six one", "four nine six", "eight three?", "Oh eight eight three"], ["Yes!", "Do you remember"]),
    (["Ring oh one one three—", "Mm-hm.", "—four nine six oh eight eight three.", "We had 496 in the queue. 161 left."],
     ["oh one one three", "four nine six oh eight eight three"], ["We had 496 in the queue. 161 left."]),
    (["How many came?", "We had 0770", "Mm, 770.", "900 people"], [], ["0770", "770", "900 people"]),
    # (figures of the talk after a first part, ten in all or going on past the part: no number)
    (["we had 07700", "Mm.", "900", "Yep.", "12 people in the queue"], [], ["900", "12 people"]),
    (["ring 07700", "900 of them came", "123 more"], [], ["900 of them came", "123 more"]),
])
def test_a_number_read_out_over_quotes_goes_whole(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A number said again in part near where it was said: read back by the listener, gone on from,
# corrected, asked about first; not a figure of the talk that is no part of it.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["Ring the office, it's oh one nine oh four, six one three, five five two.", "Sorry, six one three...?",
      "Five five two. Ask for the duty worker."], ["six one three", "Five five two"], ["Ask for the duty worker"]),
    (["Is that oh one nine oh four?", "Yeah, oh one nine oh four, six one three, five five two."],
     ["Is that oh one nine oh four?"], ["Is that"]),
    (["It's oh seven seven zero zero, nine zero zero, one five... no, one five six.", "One five six.", "Yes."],
     ["one five six", "One five six"], ["Yes."]),
    (["It's 01904 613552, the office.", "And how many on the caseload?", "About 130, and 552 on the waiting list."],
     [], ["About 130", "552 on the waiting list"]),
    # corrected, a figure or two changed in as many figures as groups of it have; not a year
    (["Call me on 07700 900 461, no sorry, 900 471."], ["07700 900 461", "900 471"], ["no sorry"]),
    (["It's 0161 496 0552.", "No, wait, 0525. The office."], ["0525"], ["The office"]),
    (["It's 0161 496 0552.", "No, 2019. It was 2019.", "Sorry, 250 people were waiting."], [],
     ["No, 2019. It was 2019.", "250 people"]),
    (["It's 0161 496 0552.", "We had 120 staff, no sorry, 130.", "The room was 101, no, 102."], [],
     ["120 staff, no sorry, 130", "101, no, 102"]),
    (["It's 07700 900 181, no hang on, 900 188."], ["900 188"], ["no hang on"]),
    # two figures side by side swapped; not a figure of the talk corrected near a number
    (["It's 07700 900 654, I mean 900 645."], ["900 645"], ["I mean"]),
    (["It's 0161 496 0552.", "I did 370 hours, wait, 372.", "Room 372, actually, 373."], [],
     ["370 hours, wait, 372", "372, actually, 373"]),
    (["The office line is 0161 496 0552.", "It was 552.", "About 496, give or take. It cost £1,496.",
      "Her PHQ-9 went 14, 9, 6."], [], ["It was 552.", "About 496, give or take", "£1,496", "14, 9, 6"]),
])
def test_a_number_said_again_in_part_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A postcode found, its district said again elsewhere in the source in any case, spacing or words.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["we moved the clinic, its l forty seven", "l forty seven", "yeah l forty seven two h d on the high street"],
     ["l forty seven"], ["we moved the clinic", "on the high street"]),
    (["My postcode is TS4 2QT.", "I moved from TS4 to York.", "Band 4 pay, ts 4 area."], ["TS4", "ts 4"], ["Band 4 pay"]),
    (["My postcode is M6 4QT.", "I drove up the M6 to get there."], [], ["up the M6 to"]),
])
def test_a_postcodes_district_said_again_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# An NI number read over quotes, its letters closing one, the rest opening the next, a nod or
# none between, spoken of in them or just before; not letters and figures with no NI said.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["My NI number? Hang on.", "It's T-W.", "Mm-hm.", "Seven one, three three, zero eight, B."],
     ["T-W", "Seven one, three three, zero eight, B"], ["It's", "Mm-hm."]),
    (["HMRC wanted it. R P five two", "six zero one one D, that's it."], ["R P five two", "six zero one one D"],
     ["HMRC wanted it", "that's it"]),
    (["my national insurance is PX 41", "29 70 A"], ["PX 41", "29 70 A"], ["my national insurance is"]),
    (["The wards were J-K.", "Mm.", "46 21 98 C beds."], [], ["J-K", "46 21 98 C beds"]),
    # its letter after "and then"
    (["I'll need your National Insurance number.", "Right, it's R-W", "Mm-hm.", "four one, zero six, two two, and then B."],
     ["R-W", "four one, zero six, two two, and then B"], ["Mm-hm."]),
    # the listener reading back a part between the parts
    (["my ni number right its r w four one", "four one", "zero six two two b"], ["r w four one", "four one",
                                                                                  "zero six two two b"], ["my ni number"]),
    (["The payslip run was late. We were in bay A-B.", "12 14 16 C were empty."], [], ["A-B", "12 14 16 C"]),
])
def test_an_ni_number_read_over_quotes_goes(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A role's word numbered or lettered is the name a source gives someone it will not name: a
# pseudonym, never redacted again ("[Workplace 1]" was published for "Guest One"); a name after
# the role's word still goes.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["Both asked not to be named, so we'll call them Guest One and Guest Two.", "Guest One, you first."], [],
     ["Guest One and Guest Two", "Guest One, you first"]),
    (["Participant 2 said the same. Speaker B disagreed. Caller Three rang in."], [],
     ["Participant 2", "Speaker B", "Caller Three"]),
    (["Guest Onekwe joined us, then Speaker Brannagh Tull."], ["Onekwe", "Brannagh"], []),
    # a role's word that is someone's surname, then a count, is the person
    (["ESME CALLER WAS MY MANAGER. CALLER TWO YEARS LATER LEFT."], ["ESME", "CALLER"], ["TWO YEARS LATER"]),
    # a rating's word a place got, in quotes or where the clause ends or says when; before anything
    # else, someone
    (["So Quarrowfield got 'Good'. The home got Good. We dropped to Inadequate in 2018."], [],
     ["got 'Good'", "got Good.", "to Inadequate in 2018"]),
    (["I got Good to sign it off, she's the matron. Then I went to Good. She listened."], ["Good to", "to Good."], []),
    (["We got Good again, which was a relief.", "The unit got Good. Then it all went wrong."], [],
     ["got Good again", "got Good. Then"]),
    # a period naming a venue where someone is placed at it or before a venue's kind, capitalised;
    # a style or a room elsewhere
    (["I worked at the Georgian on Friday nights, a bar in town.", "I did shifts at the Nineties Bar."],
     ["Georgian", "Nineties"], ["on Friday nights"]),
    (["the Eighties Lounge is where we had the leaving do"], ["Eighties"], ["leaving do"]),
    # an everyday word capitalised after "at the" inside a sentence is where someone is; not what
    # kind of place, thing or time, nor in a title
    (["The woman next door at the Orchard says hello on the stairs.", "We all met at the Anchor after."],
     ["Orchard", "Anchor"], ["says hello on the stairs"]),
    # ... not a word said alone where sentences open ("Well,", "Morning!"), which as a name
    # found would go wherever the source says it
    (["I volunteer at the Well on Fridays.", "Well, it's fine, I suppose.", "my mate at the Morning says hello",
      "my first shift at the Green was awful", "The RAG rating was Green."],
     [], ["Well, it's fine", "at the Morning says", "rating was Green"]),
    (["I saw her at the Christmas do.", "She sits at the North end.", "I get my veg at the Polish deli.",
      "I spoke at the Morning huddle.", "We prayed at the Lord's table.", "I start at the Jan intake.",
      "We had a laugh at the Well being day."],
     [], ["Christmas do", "North end", "Polish deli", "Morning huddle", "Lord's table", "Jan intake", "Well being day"]),
    (["The old Victorian pub on the corner.", "I left the Noughties behind.", "We stayed at a Georgian hotel."], [],
     ["Victorian pub", "the Noughties behind", "Georgian hotel"]),
])
def test_a_role_numbered_is_a_pseudonym_and_stays(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)
