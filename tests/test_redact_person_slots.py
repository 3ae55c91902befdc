"""A person typed without the capital cue, where only a person stands: a given name that is
an ordinary word too ("i asked dave about it"), a surname below the everyday band ("i rang
hopkins", "so cook said no", "Hughes told me", a sentence's capital saying nothing), a given
name and a surname ("i asked dave green about the rota"), and a title before a surname of the
surname list ("dr wood"). Beside them the words that stand in the same places and name no one.

Every sentence and person here is invented.
"""

from __future__ import annotations

import pytest

from ingest.redact import recognizers
from test_public_terms import check, engine  # noqa: F401 - engine is the module's fixture

# (text, the person the rule finds there)
FOUND = [
    # a given name commonly given in Britain, Ireland or the USA, though an ordinary word
    ("i asked dave about it", "dave"),
    ("i told pete to go home", "pete"),
    ("i asked john about the rota", "john"),
    ("me and matt did the nights", "matt"),
    # a surname of the list below the everyday band, in lower case or opening a sentence
    ("i rang hopkins about it", "hopkins"),
    ("me and hughes covered the weekend", "hughes"),
    ("so cook said no", "cook"),
    ("i emailed williams about the shifts", "williams"),
    ("Hughes told me to go home.", "Hughes"),
    ("It was late. Hopkins was my mentor then.", "Hopkins"),
    ("then hopkins and I went back", "hopkins"),  # opening a clause before "and I"
    # a given name and a surname, even an everyday word after the given name
    ("i asked dave green about the rota", "dave green"),
    ("so dave hopkins said no", "dave hopkins"),
    # a title only a name follows, before any word of the surname list
    ("i saw dr wood yesterday", "dr wood"),
    ("mrs brown rang the ward", "mrs brown"),
    # a role said as a title, before a surname of the list that is no everyday word
    ("nurse hopkins came round", "nurse hopkins"),
    ("coach smith told me off", "coach smith"),
    # a given name opening a clause, then who they are in a clause of its own
    ("it started because patience, who runs placements, put a message up", "patience"),
    ("and grace, who'd been there years, left", "grace"),
    ("matron o'neill was there", "matron o'neill"),
    # a title, typed with its full stop or not, before a particle that opens a surname: the
    # particle and the word after it are the surname, whatever that word is
    ("mrs. ni bhriain was my teacher", "mrs. ni bhriain"),
    ("ms. da silva phoned me back", "ms. da silva"),
    ("then dr. van der berg saw me", "dr. van der berg"),
    ("sister de la cruz ran the ward", "sister de la cruz"),
    ("mr ó súilleabháin came round", "mr ó súilleabháin"),
    # a surname of the list ending as an inflected word does ("-ly", "-ed", "-ing")
    ("fr. donnelly said mass", "fr. donnelly"),
    ("i saw dr. connolly again", "dr. connolly"),
    ("mrs fielding was the head", "mrs fielding"),
    # a surname that is an everyday word too, alone where only a person stands: what a colour
    # or a quality cannot do (say, be rung or asked about something)
    ("so brown said no", "brown"),
    ("ask white about it", "white"),
    ("then i rang baker", "baker"),
    ("and green told me to leave it", "green"),
    # a verb done to someone at work, whose object is a person ("sacked", "mentored",
    # "supervised by"), before what is said next
    ("they sacked bernie for whistleblowing", "bernie"),
    ("i mentored marnie when she qualified", "marnie"),
    ("i was supervised by pam because nobody else would", "pam"),
    ("i still message kev about shifts", "kev"),
    # "at" or "from" after a given name plainly one: where the person was or is from
    ("i rang dave at home", "dave"),
    ("i asked bernie from payroll", "bernie"),
    ("i supervised marnie from when she started", "marnie"),
    ("I MENTORED PAM AT THE OLD PLACE", "PAM"),
    ("i asked kev at first but he said no", "kev"), ("i phoned gaz from the station", "gaz"),
    # a nickname no list holds, though it ends as a plural does
    ("i message becs when i'm struggling", "becs"),
    # a name plainly given opening a clause typed in lower case, before what it does or "from"
    ("sal got me through my first night shift", "sal"),
    ("marnie from the crisis line referred him", "marnie"),
    ("and then bernie worked the whole weekend", "bernie"),
    # a name often given, though a word that common opening a clause is the word; a capital "I"
    # elsewhere in the text
    ("then john worked the whole weekend", "john"), ("sal got me through it, I owe her loads", "sal"),
    ("i was mentoring charity about her exams", "charity"), ("my sister was mentoring charity about her exams", "charity"),
    ("the manager asked charity to cover nights.", "charity"), ("my mum rang charity about it.", "charity"),
    # rung or texted "on" a number or a phone: who is rung
    ("ring dave on 07700 900123 if you want the rota", "dave"), ("i rang kev on his mobile", "kev"),
    ("text sue on oh seven seven double oh", "sue"),
]

# Words in the same places that name no one.
NOT_FOUND = [
    # "who knows", "who cares" after a word; no given name before "who"
    "there was hope, who knows", "the nurse, who was lovely, left", "because nursing, who would have thought",
    "i asked about it",
    # after "at" or "from", a name that is a word, a place, a public name or a word of the
    # field is the thing or the place it also is ("at least", "from next week" say when)
    "the ones they sacked may at least get a reference",
    "they hired will from next week",
    "we called time at midnight",
    "i rang chester at lunchtime",
    "i phoned asda from the car",
    "THEY HIRED VAN FROM THE DEPOT",
    "i message rota at the office",
    "ring round on monday", "ring reception on extension 42", "i rang back on 07700 900123",
    # a helpline or a post rung on its number
    "ring sane on 0300 304 7000", "ring frank on 0300 123 6600", "rang silverline on 0800 470 8090",
    "messaged amhp on her mobile",
    # "phone" is a noun as often as a verb: no verb of asking
    "i phone bill at the end of the month",
    # a word and the thing of work it says what of, after the verb
    "i supervised summer schemes for years", "we hired summer staff to cover the holidays",
    "i am mentoring summer interns for the project",
    "we hired summer staff from the uni",
    # a word after the verb that a particle follows is what was done ("fired up")
    "they fired up the old computers at last",
    # from one month to another; the plural of a job's letters or of a word English uses (a
    # group of staff); a word of the field a names list holds too
    "i supervised june to august when the lead was off", "i mentored cpns about the new paperwork",
    "i supervised newbies because nobody else would", "i message rota about swaps",
    # a word that common, opening a clause, given too rarely to be read as a name there
    "jan was cold and dark", "and grant was cut again",
    # a word opening a clause before a verb that is a given name only elsewhere, a place, a
    # name given too rarely here to be read as one, or a word the names list holds
    "ash from the fire covered the car", "so art was my favourite subject", "and ivy grows everywhere",
    "then hull flooded again", "june was hard",
    "me and the team did nights",
    "so cook the rice",
    "i rang home",
    "the dr appointments ran late",
    "so long said the manager",
    "i told lies about it",  # a name elsewhere ("Lies"), a word here
    "i rang banks about the loan",  # the plural of a word, though a surname too
    "we got cards and flowers from the ward",
    "i asked more about it",
    "i rang work about it",
    "the ms teams call dropped",
    "mr men books for the kids",
    # a surname that is a word too, where the place says less: a verb or an adjective before
    # "and I", a verb after "him and", a word before "from the course"; a country
    "we had to cook and I did the dishes",
    "it went mad and I left",
    "I'd feed him and cook his tea",
    "she helped me and cook the tea",
    "I was 22, fresh from the course, and keen",
    "and ireland wants it back",
    # those everyday words where a person does not stand, or said of when, not who: an
    # adverb after the verb, a degree after "so", a subject after "said" ("said the manager")
    "we had brown bread",
    "write it on the white board",
    "she said no",
    "there was so little said about it",
    "i rang early about the rota",
    "so good said the manager",
    # a role before a word that is what it is of: a job, a workplace, a thing
    "the nurse practitioner came",
    "she was on sister ward that week",
    "the nurse bell rang all night",
    # a role before a particle of a phrase, said of someone; an inflected word after a role
    "the nurse de facto ran the ward",
    "our sister de facto was in charge",
    "nurse training was good",
    "the sister reading the notes",
    "we went on a coach trip",
    # a service's kind after the word of its work, a determiner and a word or two before it,
    # though a given name too ("i was mentoring charity about her exams" names her, above)
    "it's a tiny mentoring charity.", "our lovely new mentoring charity.",
]


def found(text: str) -> list[str]:
    findings = list(recognizers.names_where_a_person_stands(text)) + list(recognizers.titles_in_lower_case(text))
    return [text[f.start:f.end] for f in findings]


@pytest.mark.parametrize("text,person", FOUND)
def test_a_person_without_the_capital_cue_is_found_where_only_a_person_stands(text, person):
    assert person in found(text)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_words_in_those_places_that_name_no_one_are_not_found(text):
    assert found(text) == []


def test_a_word_after_a_given_name_is_part_of_the_name_only_when_a_surname():
    assert found("i rang max again about it") == ["max"]
    assert found("i asked dave today about it") == ["dave"]
    # an adverb of when after a given name is no surname; one that is a surname too goes
    # with the name ("early", "long": a name left is worse than a word lost)
    assert found("i asked dave yesterday") == ["dave"]
    # nor an adverb of how much or how, after any name ("twice", "loads", "outright")
    assert found("i told mark twice about it") == ["mark"]
    assert found("i thanked pete loads for covering") == ["pete"]
    assert found("i asked rose outright if she was leaving") == ["rose"]
    assert found("i thanked grace heaps for covering") == ["grace"]
    assert found("i told rose thanks for covering") == ["rose"]
    assert found("i asked john early about it") == ["john early"]
    assert found("i asked john long about the rota") == ["john long"]


@pytest.mark.parametrize("text,person", FOUND[:9] + FOUND[10:13] + FOUND[15:])
def test_those_people_do_not_reach_the_published_text(engine, text, person):
    check(engine, [text], [person], [])


# A surname opening with a particle ("ni", "da", "van der", "mac an") after a title, typed
# capitalised or not, with the title's full stop or not: no word of it is published; the
# words after the name stay.
@pytest.mark.parametrize("text,gone,kept", [
    ("mrs. ni bhriain was my teacher", ["bhriain"], ["was my teacher"]),
    ("ms. da silva phoned me back", ["silva"], ["phoned me back"]),
    ("then dr. van der berg saw me", ["berg"], ["saw me"]),
    ("fr. donnelly said mass that week", ["donnelly"], ["said mass"]),
    ("Mr Mac an tSaoi ran the clinic", ["tSaoi"], ["ran the clinic"]),
    ("Dr van der Velde wrote to me", ["Velde", "der"], ["wrote to me"]),
    ("I saw Dr Quayle an hour later", ["Quayle"], ["an hour later"]),
    # a surname after its particle that English uses a little is a surname there still
    ("marked by dr de jong for a term", ["jong"], ["for a term"]),
])
def test_a_surname_opening_with_a_particle_after_a_title_goes_whole(engine, text, gone, kept):
    check(engine, [text], gone, kept)


# A name no list holds, joined by "and" or a list's comma to a person or a place found, goes
# too; a word English uses, joined so, stays.
@pytest.mark.parametrize("text,gone,kept", [
    ("it was me, priya and deji that night", ["priya", "deji"], ["that night"]),
    ("it was me, tolu and deji that night", ["tolu", "deji"], ["that night"]),
    ("we went, deji, priya and me, on the bus", ["priya", "deji"], ["on the bus"]),
    ("sarah and the cbt team were great", ["sarah"], ["the cbt team were great"]),
    ("i made sarah and kwame pasta and salad", ["sarah", "kwame"], ["pasta and salad"]),
    # a name Britain gives often, though a word, joined to someone; a modal stays ("and will")
    ("bob and kezia are why i stayed", ["bob", "kezia"], ["are why i stayed"]),
    ("kezia and will be there", ["kezia"], ["and will be there"]),
    # a surname's initial after a name typed in lower case
    ("my line manager tunde h keeps saying it", ["tunde", " h "], ["keeps saying it"]),
    # the other name someone goes by, set beside them between dashes
    ("my manager tamsin okoro — tam — she was kind", ["tamsin", "okoro", "tam"], ["she was kind"]),
    ("tamsin okoro — well — she was kind", ["tamsin"], ["well", "she was kind"]),
    ("tamsin okoro — honestly — was kind", ["tamsin"], ["honestly", "was kind"]),
    # and so is a place's: a district no list holds beside a town found
    ("enquiries from people in hove and quernsdene who can't afford it", ["hove", "quernsdene"], ["can't afford it"]),
    ("i drove between leeds and back", ["leeds"], ["and back"]),
])
def test_a_rare_word_joined_to_a_person_or_a_place_is_one_too(engine, text, gone, kept):
    check(engine, [text], gone, kept)


@pytest.mark.parametrize("text,names", [
    ("people in Place X and quernsdene", ["quernsdene"]),
    ("from quernsdene, Place X and the rest", ["quernsdene"]),
    ("between Place X and back", []),
    ("Place X — quernsdene — is near", []),  # (beside a place is no other name for it)
])
def test_a_rare_word_joined_to_a_place_found_is_a_place(text, names):
    from ingest.redact.engine import joined_to_a_name
    from ingest.redact.recognizers import Finding, Spans
    start = text.index("Place X")
    found = [Finding(start, start + len("Place X"), "LOC", 0.9, "test")]
    joined = joined_to_a_name(text, found, Spans([]))
    assert sorted(text[f.start:f.end] for f in joined) == sorted(names) and all(f.kind == "LOC" for f in joined)


# Beside a person found (here the words "Person X"), between dashes or before a dash: the
# other name they go by, a word English hardly uses or a given name no ordinary word; an
# aside English uses ("well", "bless her", "mind") is not.
@pytest.mark.parametrize("text,names", [
    ("Person X — bev — was kind", ["bev"]),
    ("so jas — Person X, she covers us — is great", ["jas"]),
    ("i met mei — Person X — in a room", ["mei"]),
    ("Person X — well — was kind", []),
    ("Person X — bless her — was kind", []),
    ("Person X — mind — was kind", []),
    ("Person X — the manager — was kind", []),
    ("we talked — Person X and me — for hours", []),
])
def test_another_name_set_beside_a_person_found(text, names):
    from ingest.redact.engine import joined_to_a_name
    from ingest.redact.recognizers import Finding, Spans
    start = text.index("Person X")
    found = [Finding(start, start + len("Person X"), "PERSON", 0.9, "test")]
    assert sorted(text[f.start:f.end] for f in joined_to_a_name(text, found, Spans([]))) == sorted(names)


# After a role, a given name that is an everyday word is someone's when a surname of the list
# or a verb follows ("my manager john hopkins never listened"), and the surname goes with it.
AFTER_A_ROLE = [
    ("my manager john hopkins never listened", ["john", "hopkins"], []),
    ("my manager sarah hopkins never listened", ["sarah", "hopkins"], []),
    ("MY MANAGER JOHN HOPKINS NEVER LISTENED.", ["JOHN", "HOPKINS"], []),
    ("my manager mark was awful to us", ["mark"], []),
    ("my manager will see about the rota", [], ["will"]),
    ("my manager may have left by then", [], ["may"]),
    # a noun of what someone thinks, before "was that" and a clause: no one
    ("my therapist hope was that I would get better", [], ["hope"]),
    ("my manager mark was that bad", ["mark"], []),
]


# After a given name in lower case, a surname that is an everyday word too goes with it before
# what is said of someone; before a noun it is the word it is.
@pytest.mark.parametrize("text,gone,kept", [
    ("sarah white was my mentor back then", ["sarah", "white"], ["my mentor"]),
    ("then dave green came in", ["dave", "green"], ["came in"]),
    ("i made dave green tea", [], ["green tea"]),
    # (not what someone did, at the end of a sentence: "said" is a surname too)
    ("my manager kev said", ["kev"], ["said"]),
    # a name in brackets after a role and where or when
    ("manager there (kev) used to say be grateful", ["kev"], ["used to say"]),
    # set between commas after a role, the word after a given name is the surname, though a word
    ("our deputy lead, megan thistle, put the rota up late", ["megan", "thistle"], ["put the rota up late"]),
    ("my supervisor, anna price, said it was fine", ["anna", "price"], ["said it was fine"]),
    ("our manager, gareth obviously, said no", ["gareth"], ["obviously, said no"]),
    ("my manager, dave anyway, was fair", ["dave"], ["anyway, was fair"]),
])
def test_an_everyday_surname_after_a_given_name(engine, text, gone, kept):
    check(engine, [text], gone, kept)


@pytest.mark.parametrize("text,gone,kept", AFTER_A_ROLE)
def test_a_given_name_after_a_role_takes_its_surname(engine, text, gone, kept):
    check(engine, [text], gone, kept)


# A name run together in a web address ("EpisodeWithJoryPellow", "jory_pellow_interview") is
# searched for wherever the source says it, as a name in an e-mail address is.
@pytest.mark.parametrize("address", ["https://example.org/EpisodeWithJoryPellow.mp3",
                                     "https://example.org/jory_pellow_interview.mp3"])
def test_a_name_run_together_in_a_web_address_is_searched_for_in_the_source(engine, address):
    check(engine, [f"It is up at {address} now.", "we got it from pellow in the end"], ["pellow"],
          ["we got it from"])


# In a line typed in capitals, the plural of an ordinary or listed word is no name, however
# rarely English prints it ("TUESDAYS"); a surname in capitals still goes.
@pytest.mark.parametrize("text,gone,kept", [
    ("I VOLUNTEERED ON TUESDAYS AND SOMETIMES ON FRIDAYS", [], ["TUESDAYS", "FRIDAYS"]),
    ("I VOLUNTEERED WITH DERVLA QUENBY ON TUESDAYS", ["DERVLA", "QUENBY"], ["TUESDAYS"]),
])
def test_plurals_in_a_shouted_line_stay(engine, text, gone, kept):
    check(engine, [text], gone, kept)


# A name run together by its capitals in a quote ("JoryPellow") is someone's, and its parts
# are searched for in the source; a coined name of words ("CalmLine") stays a workplace's.
@pytest.mark.parametrize("word,joined", [("JoryPellow", True), ("TomaszBrennan", True), ("CalmLine", False),
                                         ("HopeWorks", False), ("McDonald", False)])
def test_a_name_run_together_by_its_capitals(word, joined):
    from ingest.redact.names import joined_name

    assert joined_name(word) is joined


def test_the_parts_of_a_name_run_together_are_searched_for(engine):
    check(engine, ["I talked to JoryPellow yesterday.", "pellow was there too"], ["JoryPellow", "pellow"],
          ["was there too"])


# Those everyday words, where no person stands, are published as they are.
@pytest.mark.parametrize("text,kept", [("we had brown bread", "brown bread"),
                                       ("write it on the white board", "white board"),
                                       ("so long said the manager", "so long"),
                                       ("i asked john yesterday", "yesterday"),
                                       ("the nurse practitioner came", "nurse practitioner")])
def test_everyday_words_where_no_person_stands_stay(engine, text, kept):
    check(engine, [text], [], [kept])


# In a line of capitals a given name takes the word of a place or the land after it as its
# surname ("DERVLA COURT", "NIAMH CHURCH"), whichever rule found the given name; a verb or an
# adverb after a name stays, and so does such a word after no name.
@pytest.mark.parametrize("text,gone,kept", [
    ("My manager was DERVLA COURT at the time.", ["DERVLA", "COURT"], ["at the time"]),
    ("My supervisor was BRONAGH FIELD.", ["BRONAGH", "FIELD"], ["My supervisor was"]),
    ("the new lead was NIAMH CHURCH by then", ["NIAMH", "CHURCH"], ["by then"]),
    ("it was ORLA TOWER who rang", ["ORLA", "TOWER"], ["who rang"]),
    ("my mentor was GRAINNE LAKE", ["GRAINNE", "LAKE"], ["my mentor was"]),
    ("CALL SARAH BACK TOMORROW", ["SARAH"], ["BACK TOMORROW"]),
    ("we went to the COURT HOUSE", [], ["COURT HOUSE"]),
])
def test_a_surname_in_capitals_that_is_a_place_word_goes_with_the_given_name(engine, text, gone, kept):
    check(engine, [text], gone, kept)


# A word joined by "and" to a name that is plainly one is a person too, when someone may be
# called it; two words that may both be something else name no one.
@pytest.mark.parametrize("text,gone,kept", [
    ("with sarah and tom", ["sarah", "tom"], ["with"]),
    ("i went with Sarah and tom to the ward", ["Sarah", "tom"], ["to the ward"]),
    ("me and dave and kev went", ["dave", "kev"], ["went"]),
    ("tom and priya covered nights", ["tom", "priya"], ["covered nights"]),
    ("bread and butter pudding", [], ["bread and butter pudding"]),
    ("salt and pepper on the chips", [], ["salt and pepper"]),
    ("rock and roll music", [], ["rock and roll music"]),
    ("in june and july it rained", [], ["june and july"]),
    ("between april and may it was busy", [], ["april and may"]),
    ("black and white photos", [], ["black and white photos"]),
    # "will", "may" said as a name, not as the verb: no subject before, no verb after
    ("a card every week. and will and ross set up a walk", ["will", "ross"], ["set up a walk"]),
    ("i told siobhan and will to go home", ["siobhan", "will"], ["to go home"]),
    ("ross and will were the only two left", ["ross", "will"], ["were the only two left"]),
    ("AND WILL AND ROSS SET UP A WALK", ["WILL", "ROSS"], ["SET UP A WALK"]),
    ("i asked ross and may to stay", ["ross", "may"], ["to stay"]),
    ("yes i will and ross will too", ["ross"], ["yes i will and"]),
    ("ross and will come tomorrow", ["ross"], ["will come tomorrow"]),
    ("ross and may not come back", ["ross"], ["may not come back"]),
    ("she'll ring priya and will need the number", ["priya"], ["will need the number"]),
])
def test_a_name_joined_to_a_name_is_someones(engine, text, gone, kept):
    check(engine, [text], gone, kept)


# Which of the people of one name is meant ("the wrong chloe", "the other jo"): a name no
# word is, typed in lower case or in capitals, is someone's there; a word ("the other rose") stays.
@pytest.mark.parametrize("text,gone,kept", [
    ("it went to the other chloe.", ["chloe"], ["it went to the other"]),
    ("we have two now, so the other bethany does nights.", ["bethany"], ["does nights"]),
    ("IT WENT TO THE OTHER CHLOE.", ["CHLOE"], ["IT WENT TO THE OTHER"]),
    ("the other rose was wilting", [], ["the other rose was wilting"]),
    ("they moved me to the other ward", [], ["the other ward"]),
    ("we watched big ben chime", [], ["big ben chime"]),
])
def test_which_of_the_people_of_one_name_is_meant_names_them(engine, text, gone, kept):
    check(engine, [text], gone, kept)


# A name often given in Britain, Ireland or the USA, typed in lower case, is someone's
# wherever it stands, before an ordinary word too; a name that is a word of food or weather
# as well stays where it is one.
@pytest.mark.parametrize("text,gone,kept", [
    ("i saw sarah long ago", ["sarah"], ["long ago"]),
    ("i saw sarah yesterday", ["sarah"], ["yesterday"]),
    ("we met gareth early on", ["gareth"], ["early on"]),
    ("the rota was done by hannah most weeks", ["hannah"], ["most weeks"]),
    # ... names of the communities Britain's care workforce comes from as much, however rarely
    # the old name lists count them there
    ("thx to zainab + the team", ["zainab"], ["the team"]),
    ("nights w/ zainab were fun", ["zainab"], ["were fun"]),
    ("we all hope the new service will prosper", [], ["will prosper"]), ("asif i'd go back", [], ["asif"]),
    ("the story of prophet yusuf helped me", [], ["prophet yusuf"]),
    ("shout out to rakesh on nights", ["rakesh"], ["on nights"]),
    ("ta to siobhan for the lift", ["siobhan"], ["for the lift"]),
    ("we sat near the fen and the lute player", [], ["the fen", "the lute player"]),
    ("i used olive oil", [], ["olive oil"]),
    ("the victoria line was shut", [], ["the victoria line"]),
    ("we read about the lewis model of care", [], ["the lewis model"]),
    ("in spring we judge it", [], ["spring", "judge"]),
])
def test_a_common_given_name_in_lower_case_is_someones(engine, text, gone, kept):
    check(engine, [text], gone, kept)


# A word said to be someone's name is theirs, however ordinary ("her name is holly", "she's
# called joy", "he goes by bex"), and so is a given name a role is said to be at a clause's
# end ("my manager is holly."); a word of grammar, an ordinary word after "goes by", and a
# role said to be something else stay.
@pytest.mark.parametrize("text,gone,kept", [
    ("her name is holly and she runs the rota", ["holly"], ["she runs the rota"]),
    ("his real name's will, honestly", ["will"], ["honestly"]),
    ("my manager's name was grace", ["grace"], ["my manager's name was"]),
    ("she's called joy, the new one", ["joy"], ["the new one"]),
    ("she goes by bex at work", ["bex"], ["at work"]),
    ("my manager is holly.", ["holly"], ["my manager is"]),
    ("our supervisor was grace, she was kind", ["grace"], ["she was kind"]),
    # a role of two words; someone saying who they are after a greeting, or how to be called
    ("my team lead is anjali, 23, never worked in mh", ["anjali"], ["my team lead is"]),
    ("hey!! im kirsty. i work in the coffee shop", ["kirsty"], ["i work in the coffee shop"]),
    ("Hello, I'm Tamsin, band 5.", ["Tamsin"], ["band 5"]), ("the lead, 'call me gareth', emailed at 11pm", ["gareth"],
                                                            ["emailed at 11pm"]),
    ("i'm gay and i'm a nurse, hi im lucky to have a job, call me crazy", [],
     ["i'm gay", "lucky to have a job", "call me crazy"]),
    ("hi im grace btw. my ward manager is lovely", [], ["hi im grace btw", "my ward manager is lovely"]),
    ("hello, I'm bi. hi, it's sad. call me mate", [], ["I'm bi", "it's sad", "call me mate"]),
    # (after a role, any given name that is no everyday word goes: "my supervisor is prince")
    ("my supervisor is prince, she's been there years", ["prince"], ["she's been there years"]),
    ("MY MANAGER IS HOLLY", ["HOLLY"], ["MY MANAGER IS"]),
    ("her name is on the list", [], ["her name is on the list"]),
    ("he goes by train, she goes by the book", [], ["goes by train", "goes by the book"]),
    ("my manager is great, the manager was away", [], ["my manager is great", "the manager was away"]),
    ("if your name's going up on the board. My manager is fine.", [], ["name's going up", "My manager is fine"]),
])
def test_a_word_said_to_be_someones_name_is_theirs(engine, text, gone, kept):
    check(engine, [text], gone, kept)


# Typed in lower case, a given name that is also a word is a name where the sentence shows
# one: spoken to, set beside what the person is, or pitied. The same words as words stay,
# and a month in a list of months or after a time is a time.
@pytest.mark.parametrize("text,gone,kept", [
    ("that's everything from me. thank you, june.", ["june"], ["thank you"]),
    ("and where did you go after, autumn?", ["autumn"], ["where did you go after"]),
    ("autumn, can you go first? i'll follow", ["autumn"], ["can you go first"]),
    ("june, my eldest, is at sixth form now", ["june"], ["my eldest"]),
    ("they're band 3, all keen, and one of the new ones, autumn, she's great", ["autumn"], ["great"]),
    ("june, who's one of ours, has just passed", ["june"], ["one of ours"]),
    ("and poor fern on nights gets all the falls", ["fern"], ["on nights"]),
    # a given name English uses a little as a word is pitied as a name
    ("so poor holly did the lates alone", ["holly"], ["did the lates"]),
    ("and poor jade stayed till ten", ["jade"], ["stayed till ten"]),
    ("we went in the autumn, not the spring.", [], ["autumn", "spring"]),
    ("it opened in may, june.", [], ["may, june"]),
    ("i moved there in 2021, june.", [], ["june"]),
    ("june, she's off then, so we wait", [], ["june"]),
    ("poor grace under pressure, and poor pay", [], ["poor grace", "poor pay"]),
    ("we finish at easter, or may.", [], ["easter, or may"]),
    ("last autumn, she's moved on", [], ["last autumn"]),
])
def test_a_lower_case_given_name_the_sentence_shows(engine, text, gone, kept):
    check(engine, [text], gone, kept)
