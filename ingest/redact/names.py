"""Recognizers for names of people, workplaces and places, on a spaCy Doc.

spaCy's small model alone finds about half the names in transcribed speech, so the
model's entities are one recognizer among several rules of our own:

- ``spacy-ner``: the model's PERSON, ORG, GPE, LOC and FAC entities;
- ``capitalised``: in speech transcribed by a person, a capitalised word in the middle
  of a sentence is nearly always a proper name; those that name nothing about anyone
  (public bodies, days, nations...) are kept by the public and ordinary word lists;
- ``sentence-start``: a capitalised word opening a sentence is a name when it is a known
  given name used like one ("Frank. My supervisor."), or a word no dictionary knows;
- ``title``: "Dr Amadi", "Mrs K.";
- ``role``: "my manager dave", "the ward manager (JT)" — names people write in lower case.

Each finding is classified as a person, a workplace or a place by what it is made of
("... Trust", "Counselling"), the gazetteers and the words around it ("in", "at the").
"""

from __future__ import annotations

import functools
import re
from typing import Iterator

from spacy.attrs import IDX, LENGTH
from spacy.lang.en.stop_words import STOP_WORDS

from ingest.redact import lexicon, recognizers
from ingest.redact.recognizers import Finding
from ingest.redact.terms import MONTHS

# The last word of a course's title ("Counselling Skills"), read as an idea's below, only
# after the field's words ("Harbour Diploma" may be a college).
_COURSE_ENDINGS = frozenset("skills diploma certificate qualification".split())
# The last word of a title-case phrase of English words that names an idea or a measure, not
# a person or a workplace ("Compassion Fatigue", "Recovery Model"); not words local services
# end their names with ("New Day", "Fresh Approach").
_IDEA_ENDINGS = frozenset("""model models syndrome fatigue trauma injury indicator indicators agreement agreements
resignation quitting economy theory disorder burnout illness policy""".split()) | _COURSE_ENDINGS
# Words naming a room of a building ("the Training Room"), and the words placing someone at a
# workplace before "the", where such a name may be a venue's ("at the Lavender Room";
# data/recognizer_words.yml).
_ROOM_WORDS = frozenset(recognizers.words("room_words"))
_PLACED_AT_WORDS = recognizers.placed_at("room")
# English endings (data/recognizer_words.yml) and beginnings that make a word of another
# ("token-istic", "perform-ative", "micro-management"), never a name's (general English morphology).
_MADE_FROM_A_WORD = re.compile(
    r"(?:micro|macro|over|under|self|non|multi|inter|counter|anti|hyper)(?P<after>[a-z]{3,})"
    rf"|(?P<before>[a-z]{{3,}})(?:{recognizers.english_endings('made_from_a_word')})",
    re.IGNORECASE)
# An English inflection's ending (data/recognizer_words.yml): "-ing", "-ed", "-ness"...
_INFLECTED = re.compile(rf"(?:{recognizers.english_endings('inflected')})$")
# Kinds of place, each said alone after a determiner for the place of that kind ("the Hub").
PLACE_KINDS = frozenset({*recognizers.words("everyday_place_kinds"),
                          *(k for k in lexicon.workplace_kinds("after-the") if " " not in k)})
# Qualifications, said before "in" and the subject ("a Diploma in Counselling").
_QUALIFICATIONS = frozenset("""masters master's diploma degree certificate doctorate phd msc ma ba bsc mres mphil pgdip
pgcert dclinpsy qualification""".split())
# Jobs of health, care and everyday work beyond the role words, said after "a" or "the".
_MORE_JOBS = frozenset(w + e for w in """midwife physiotherapist physio dietitian dietician optician dentist surgeon
anaesthetist radiographer sonographer podiatrist phlebotomist hygienist chaplain teacher lecturer tutor solicitor
barrister lawyer accountant engineer electrician plumber builder chef waiter waitress nanny childminder
psychoanalyst analyst clinician practitioner physician gp locum sister charge healthcare housekeeper
warden caretaker steward""".split() for e in ("", "s"))
# The plural of an acronym ("CAPs", "ANPs"): capitals, then a small "s"; no one's name.
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
SENTENCE_BREAKS = {".", "!", "?", ":", ";", '"', "“", "”", "‘", "(", "[", "]", ")", "-", "–", "—", "…", "..."}
# Said before a name, never part of it: "Hi Nadia", "Morning Jo", "Thanks Orla".
GREETINGS = recognizers.greetings()
# Words opening a clause before its subject ("Honestly Beacon were the worst", "Sadly Marguerite
# left"): the sentence's, never the name's (data/recognizer_words.yml).
CLAUSE_OPENERS = recognizers.words_set("clause_openers")
# Small words inside a name, between two capitalised words: "Coleg y Bont", "Stratford-upon-Avon",
# "Van der Berg", a Welsh patronymic's "ap" ("Gethin ap Rhys").
CONNECTORS = {"of", "y", "de", "la", "le", "upon", "van", "von", "du", "da", "del", "ap", "ab", "&", "-"}
# ... the patronymic's only between two given names (``_a_patronymic``)
_PATRONYMICS = {"ap", "ab"}
TITLES = {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "doctor", "sister", "matron", "dr.", "mr.", "mrs.",
          "ms."}
# Words ending a capitalised workplace's name ("Quarrow Hub", "Quillory Staffing"): data/workplace_kinds.txt.
ORG_WORDS = set(lexicon.workplace_kinds("ends-name"))
# Of those, kinds of place ("House", "Centre", "Project"; not "Care", "Team", "Support").
_PLACES_A_WORKPLACE_NAMES = frozenset(ORG_WORDS & lexicon.workplace_kinds("place"))
# What a workplace is said to be before its name: "a locum agency, Quillory Staffing".
WORKPLACE_KINDS = set(lexicon.workplace_kinds("said-before"))
# Phrases of a workplace's kind typed after its name ("care home", "nhs ft", "young carers").
KINDS_AFTER_A_NAME = recognizers.KINDS_AFTER_A_NAME
# Street types no one has for a surname: a name ending in one is a street ("Albert Terrace"),
# whatever a model read ("Lane", "Green", "Hill" are surnames too: those the context decides).
STREET_TYPES = frozenset({"street", "road", "avenue", "crescent", "terrace", "gardens", "mews"})
PLACE_WORDS = {"street", "road", "lane", "avenue", "estate", "park", "green", "village", "town", "city",
               "borough", "square", "hill", "way", "close", "drive", "bridge"} | STREET_TYPES
# Words of where before a place's name, and those that may open one (data/recognizer_words.yml).
DIRECTIONS = recognizers.which_or_where("in_a_place")
_OPENS_A_PLACE = recognizers.which_or_where("opens_a_place")
PLACE_PREPOSITIONS = {"in", "from", "near", "around", "outside", "to", "towards", "across", "round", "of"}
# Words placing someone at a workplace before its capitalised name (data/recognizer_words.yml).
ORG_PREPOSITIONS = recognizers.placed_at("capitalised")
# Words before an ordinary-word surname that make it one ("Father Lord", "Auntie May", a
# police rank: "PC Holt", "Sergeant Marsh").
SURNAME_TITLES = TITLES | {"father", "reverend", "rev", "nurse", "auntie", "aunt", "uncle", "sir", "dame", "lady",
                           "pc", "sgt", "sergeant", "constable"}
# Before a hyphen, not the first half of a double-barrelled name ("Non-English", "Anglo-Irish").
HYPHEN_PREFIXES = {"non", "anti", "anglo", "pro", "pre", "post", "afro", "euro", "franco", "sino", "indo", "ex",
                   "neo", "pan", "semi", "mid", "trans", "multi", "pseudo", "quasi", "all", "self", "half", "ultra",
                   "judeo", "hiberno", "scoto", "greco", "italo", "russo", "austro", "off", "quarter"}
MONTH_SURNAMES = {"May"}  # "May 3rd" is a date
# Short forms written with a full stop that go before a name ("St. Helens", "Dr. Quill",
# "Mt. Pleasant"): their full stop ends no sentence.
NAME_ABBREVIATIONS = {"st.", "mt.", "ft.", "dr.", "mr.", "mrs.", "ms.", "mx.", "prof.", "rev.", "fr.", "sr.", "revd."}
_INITIALS = re.compile(r"(?:[A-Z]\.){1,2}")  # "J.", "J.R."
# The last word of a job title ("Disability Employment Adviser", "Senior Support Worker"):
# after ordinary words only, a capitalised run ending in one says what someone is, not who.
JOB_NOUNS = {"adviser", "advisor", "assessor", "officer", "worker", "workers", "coach", "manager", "director",
             "coordinator", "co-ordinator", "lead", "practitioner", "practitioners", "therapist", "therapists",
             "counsellor", "counsellors", "psychologist", "psychologists", "nurse", "nurses", "consultant",
             "assistant", "administrator", "navigator", "mentor", "champion", "specialist", "supervisor",
             "facilitator", "secretary", "trainee", "trainees", "clerk", "receptionist", "commissioner", "inspector",
             "steward", "representative", "rep", "associate", "associates", "assessors", "advisers", "officers",
             "coaches", "managers", "leads", "mentors", "champions", "specialists", "supervisors", "facilitators",
             "volunteer", "volunteers", "partner", "partners", "analyst", "analysts", "clinician", "clinicians",
             "leader", "leaders"}
# Every word naming a job, the last of a job title or said alone after a public body's name
# ("Consultant Psychiatrist", "DWP Decision Maker", "Deliveroo Rider").
ROLE_WORDS = JOB_NOUNS | {"psychiatrist", "psychiatrists", "doctor", "doctors", "pharmacist", "pharmacists", "driver",
                          "drivers", "rider", "riders", "courier", "couriers", "maker", "makers", "barista",
                          "baristas", "postie", "posties", "porter", "porters", "cleaner", "cleaners", "carer",
                          "carers", "picker", "pickers", "packer", "packers", "agent", "agents", "listener",
                          "listeners", "registrar", "registrars", "paramedic", "paramedics", "psychotherapist",
                          "psychotherapists", "matron", "matrons", "tutor", "tutors"}
# Words before a job noun that say what kind of worker ("Senior Support Workers", "Peer
# Mentors"): a job title, not a group named as one (``NameFinder.group_named``).
JOB_MODIFIERS = {"senior", "junior", "peer", "support", "clinical", "assistant", "trainee", "principal", "specialist",
                  "psychological", "wellbeing", "employment", "disability", "mental", "health", "care", "community",
                  "social", "family", "student", "high", "low", "intensity", "recovery", "lead", "chief", "head",
                  "staff", "agency", "bank", "locum", "qualified", "registered", "practice", "charge", "ward", "team",
                  "duty", "crisis", "welfare", "work", "job", "career", "careers", "case", "liaison", "outreach",
                  "volunteer", "placement", "counselling", "therapy", "nursing", "medical", "general", "deputy"}
# Words before a noun that make it a common one ("a Psychiatrist", "our Registrar", "both Managers").
DETERMINERS = {"the", "a", "an", "our", "my", "your", "his", "her", "their", "its", "all", "some", "many", "few",
               "other", "both", "several", "two", "three", "four", "five", "as", "of", "these", "those", "more", "most"}
# Words after a name that show it is someone's ("Tom White said").
NAME_VERBS = {"'s", "’s", "who", "said", "says", "told", "is", "was", "has", "had", "did", "does", "would", "will",
              "asked", "came", "went", "rang", "called", "wrote", "thought", "felt", "knew", "left", "joined"}
# After a given name that is also a word, what shows it is someone's ("April's part-time",
# "Summer said"; "June, who runs it", "April, my youngest").
STRONG_FOLLOWERS = {"'s", "’s", "who", "said", "says", "told", "asked", "rang", "called", "wrote", "texted", "emailed",
                    "reckons", "reckoned", "thinks", "thought", "knows", "knew"}
# What someone does, said after a name (not "is", "was", "has": said of things as often).
SOMEONE_DOES = STRONG_FOLLOWERS | NAME_VERBS - {"is", "was", "has", "had", "did", "does", "would", "will"}
# Before a month or a thing, not a given name: an article, a word of when ("In May", "by June").
_BEFORE_A_MONTH_OR_A_THING = {"a", "an", "the", "this", "that", "in", "by", "since", "from", "last", "every", "until",
                              "till", "during", "before", "after", "early", "late", "mid", "next", "throughout"}
APPOSITION_STARTS = {"who", "my", "our", "his", "her", "their", "bless"}  # not "she", "he": "a Coptic Christian, he said"
# What is said to someone addressed by name where a sentence opens: a suggestion, thanks or a
# welcome straight after the comma ("Will, let's start", "Hope, thank you"), or a question or a
# request to them, "you" among its first words ("May, can you say", "Will, what did you make of
# it"); not a month or a word answering a question ("May, when the new manager started", "Will,
# which I made in 2019"), nor a word no one in Britain is given opening a sentence ("Oh, could
# you..."). "Will" before any question ("Will, what happened next?": no modal opens a sentence
# before a comma and a question; a month may, "May, when the new manager started").
_MODALS = frozenset("will may might shall can must".split())
_DONE_BY_SOMEONE = frozenset("was is has had did does were".split())  # (no modal goes before these)
ADDRESSED_WITH = frozenset("let's lets thank thanks welcome".split())
_ASKED_OF_YOU = frozenset("can could would will do did does are were have has tell what how why where who".split())
_SAID_TO_YOU = frozenset("you your you're you’re you've you’ve yourself".split())
# Words after a given name that show it is used as one.
NAME_FOLLOWERS = {",", ".", "?", "!", "and", "-", "–", "—"} | NAME_VERBS  # "Sioned - happy to talk": signed
ROLE_NOUNS = (
    r"manager|supervisor|boss|director|colleague|lead|matron|consultant|clinician|therapist|counsellor"
    r"|mentor|tutor|coordinator|co-ordinator|steward|rep|head|friend|partner|husband|wife|son|daughter"
    r"|client|patient|psychologist|psychiatrist|nurse|gp|line manager|team leader|ceo|founder|mgr|mngr"
    r"|mate|owner|sister|brother|mum|dad|cousin|neighbour|flatmate|housemate|coworker|co-worker"
)
# (an initial before the name goes with it: "my manager j. whitlow")
_ROLE_BEFORE = re.compile(
    rf"\b(?:{ROLE_NOUNS})(?:(?:\s+(?:there|then|here|now|at\s+the\s+time))?\s*(?:,\s*|\(\s*)|\s+)"
    r"(?:called\s+|named\s+)?"
    rf"(?P<name>(?:[A-Za-z]\.\s?(?=[A-Za-z][a-z'’-]+\b(?!\.)))?[A-Za-z][a-z'’-]+|[A-Z]{{2,3}})\b"
)
# A sentence opening with a capital ("The manager..."): the writer capitalises.
_CAPITALISED_SENTENCE = re.compile(r"(?:^|[.!?]\s+)[A-Z][a-z]")
_ROLE_AFTER = re.compile(rf"(?<![\w'’])(?P<name>[a-z][a-z'’-]+|[A-Z]{{2,3}})\s*\((?:my |our |the )?[\w ]{{0,12}}?(?:{ROLE_NOUNS})\)")
# After a role and a lower-case word that is also a given name, what makes it a name even
# when the word is common ("my supervisor summer, she keeps me sane", "my manager june never
# listens"; not "my manager will see").
_SAID_OF_SOMEONE = re.compile(r"\s*(?:[,.;!?)]|$|\s(?:she|he|they|who|never|always|just|said|says|told|asked|rang"
                              r"|reckons|thinks|thought|wants|wanted|doesn't|didn't|won't|can't|isn't|wasn't|is|was|has|had|will|would|could)\b|['’]s\b)")
# After a word, "was that" and a clause: the word is a noun of what someone thinks ("my
# therapist hope was that I would get better": her hope), not who ("my manager mark was awful").
_A_THOUGHT_SAID = re.compile(r"\s+(?:was|is|had\s+been|has\s+been)\s+that\s+(?:i|we|you|he|she|they|it|the|my|our"
                             r"|your|his|her|their|this|things|people|everyone|everything|nothing|someone)\b", re.IGNORECASE)
# Small words a surname opens with, in either case ("Dr van der Berg", "Mr Mac an tSaoi",
# "Mrs Ní Bhriain"): the capitalised word after them is the surname's ("tSaoi" too); not
# "Dr Jones de facto", "Mr Smith an hour later".
_PARTICLES = r"(?i:ni|ní|nic|mac|mc|ó|o|ui|uí|de|da|di|du|do|dos|das|del|della|van|von|der|den|ter|ten|le|la|al|el|bin|ibn|ap|ab|an)"
# (a ward's "Sister" and "Matron" too, capitalised as titles: "Sister Maguire", "Matron OB")
_TITLE = re.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Doctor|Sister|Matron)\.?\s+(?:" + _PARTICLES + r"\s+){1,3}[a-z]?[A-Z][\w'’-]*"
    r"|\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Doctor|Sister|Matron)\.?\s+(?:[A-Z]\.\s?)*[A-Z][\w'’-]*"
    r"(?:\s+(?:" + _PARTICLES + r"\s+){1,2}[a-z]?[A-Z][\w'’-]*|\s+[A-Z][\w'’-]+)?"
    r"|\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof)\.?\s+[A-Z]\.?"
    # typed in lower case, a title and dotted initials before the surname ("dr a.k. ramaswamy";
    # not "miss", a verb as often: "i miss u. so much")
    r"|\b(?:dr|mr|mrs|ms|mx|prof|professor|doctor)\.?\s+(?:[a-z]\.\s?){1,3}[a-z][\w'’-]+"
)


# A name given in quotes: 'we called it "Quillhouse"', "they named us 'Tea And Talk'". What is
# named is a group, a service, a project: a workplace. Only capitalised words (and small
# joining words) inside the quotes: "we called it 'a collective holiday'" names nothing.
_QUOTED_NAME = r"\s*,?\s*[\"“'‘](?P<name>[A-Z][\w’-]*(?:\s+(?:[A-Z][\w’-]*|of|and|the|y|&)){0,3})[\"”'’]"
_NAMED_IN_QUOTES = re.compile(
    r"\b(?:call(?:s|ed)?|name[sd]?|nicknamed|christened|dubbed)\s+(?:it|us|ourselves|them|the\s+(?:group|network"
    r"|service|team|project|practice|collective|campaign))" + _QUOTED_NAME)
# A service renamed, its new name in quotes: "then we were 'Connect Well'", "rebranded as
# 'Mindscape'", "it became 'Thrive Hub'".
_RENAMED_IN_QUOTES = re.compile(
    r"\b(?:(?:re-?brand(?:ed)?|re-?named)(?:\s+(?:us|it|them|ourselves))?(?:\s+(?:as|to))?"
    r"|(?:we|it|they)\s+(?:were|was|are|is|['’]re|became)(?:\s+(?:then|now|briefly|just))?)" + _QUOTED_NAME)
# A name in quotes straight after someone's work said ('worked for "Compass"', "joined 'Open
# Door' in 2019"; recognizers.WORK_SAID_BEFORE_WHERE, and "worked with", "trained at", "was
# with"), then a pause or a small word: the quotes mark a name, however ordinary its words
# ('worked with "difficult" clients' says what kind).
_PLACED_IN_QUOTES = re.compile(
    rf"(?<![\w'’-])(?i:{recognizers.WORK_SAID_BEFORE_WHERE}"
    r"|(?:work(?:s|ed|ing)?|was|were|trained|placed|started|nights|days)\s+(?:at|with|for))\s+(?:[Tt]he\s+)?[\"“'‘]"
    r"(?P<name>[A-Z][\w’-]*(?:\s+(?:[A-Z][\w’-]*|of|and|the|y|&)){0,3})[\"”'’]"
    r"(?=\s*(?:[.,;:!?)]|[—–]|$)|\s+(?:for|in|as|on|at|and|but|until|till|since|before|after|when|then|from|to)\b)")
# Someone introduced by what they are and "called": "a woman called Tamsin", "someone
# named Sky". The name is someone's even when it is also a word; capitalised only ("someone
# called the police" names no one).
_CALLED_BEFORE = r"\b" + recognizers.SOMEONE_CALLED
_CALLED = re.compile(_CALLED_BEFORE + r"(?P<name>[A-Z][a-z'’-]+)")
# Before a one-word public name ("Sky", "Boots"), what makes it someone's ("someone called Sky").
CALLED_BEFORE = re.compile(_CALLED_BEFORE + "$")
# The points of the compass, as a pattern's alternatives (data/recognizer_words.yml).
_COMPASS = recognizers.alternatives(recognizers.which_or_where("compass"))
# A town's district named by its side, in any case: "people from the west end", "in the
# Northside". Not a side of something ("the west end of the ward"), nor "on the east side".
_DISTRICT = re.compile(r"\b(?:in|from|to|around|round|near|across|live|lives|lived)\s+(?:the\s+)?"
                       rf"(?P<name>(?:{_COMPASS})[ -]?(?:end|side))\b(?!\s+of\b)(?![-\w])", re.IGNORECASE)
_CLITIC = re.compile(r"['’](?:s|d|ll|ve|re)$")


def _named_before_its_kind(span, public_tokens: set[int]) -> bool:
    """Whether a name ending in its kind ("Kestrel Centre") holds a word of its own before the
    kind, none of a public name's: not "Centre" alone, "the Day Centre", "NHS Trust",
    "Anna Freud Centre" (a public body's centre for whatever it is for stays public)."""
    return not any(t.i in public_tokens for t in span) and any(
        t.lower_ not in ORG_WORDS and t.lower_ not in recognizers.service_words() for t in span[:-1])


def _what_it_is_for(doc, k: int, is_capitalised, public_tokens: set[int]) -> int:
    """Where a capitalised run of words saying what a service is for or whom it serves, from
    ``doc[k]``, ends ("Family Therapy", "Young Carers", "Mental Health and Wellbeing"): words
    of a service's kind (service_words.txt), of the field, kinds of workplace, "and", "&"; not
    a public body's name ("for Mind and Samaritans volunteers"; a public therapy's words, "Family
    Therapy", are a service's); ``k`` where none opens there."""
    services = recognizers.service_words()

    def of_a_service(t) -> bool:
        return is_capitalised(t) and (t.i not in public_tokens or t.lower_ in services) and (
            t.lower_ in services or lexicon.is_field_word(t.lower_) or t.lower_ in ORG_WORDS)

    end = k
    while end < len(doc) and (of_a_service(doc[end]) or doc[end].lower_ in ("and", "&") and end > k):
        end += 1
    while end > k and doc[end - 1].lower_ in ("and", "&"):
        end -= 1
    return end


def _a_label_without_its_number(doc, i: int) -> bool:
    """'Next Page', 'Centre Stage': a word the ordinary list holds for its number ("Chapter 2",
    "Stage 3"; data numbered_by_a_figure) with no number after it, ending capitalised words:
    the name's last word."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    return doc[i].lower_ in _NUMBERED and not (after is not None and (after.like_num or after.text[:1].isdigit()))


def _hyphened_on(doc, k: int) -> bool:
    """Whether token ``k`` is joined to the word before it by a hyphen, no space either side
    ("Well" of "Talk-Well")."""
    return k >= 2 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_


def _letter_hyphened_on(doc, i: int) -> bool:
    """Whether token ``i`` is a capital letter hyphened on to a capitalised word ("B-Well",
    "K-Care"): one word, which may open a name like any other (a letter alone never does)."""
    return (doc[i].text.isupper() and doc[i].is_alpha and i + 2 < len(doc) and _hyphened_on(doc, i + 2)
            and doc[i + 2].text[:1].isupper())


def _surnames_hyphened(doc, i: int) -> bool:
    """Whether token ``i`` opens two surnames joined by a hyphen ("PRICE-WHITE", "Hill-Wood"):
    a double-barrelled name, though each half is an everyday word too."""
    return (i + 2 < len(doc) and _hyphened_on(doc, i + 2)
            and doc[i + 2].is_alpha and doc[i].lower_ in lexicon.surnames() and doc[i + 2].lower_ in lexicon.surnames())


def capitalised_word(word: str) -> bool:
    # Never a token with a digit: "B66" of "Smethwick B66 2LP" is a postcode's, not the town's.
    return word[:1].isupper() and any(map(str.isalpha, word)) and word != "I" and not any(map(str.isdigit, word))


def capitalised_flags(doc, text: str) -> list[bool]:
    """Whether each token of ``doc`` (the tokens of ``text``) is capitalised, read from the
    doc's offsets: a Token object made for each, most only to be passed over, took much of
    the name rules' time."""
    return [capitalised_word(text[start:start + length]) for start, length in doc.to_array([IDX, LENGTH]).tolist()]



# Words of grammar no one is called, however typed: a pronoun, a determiner, a question's word
# ("'You have now reached stage one'", "...agreement.' That was all": after a quote mark no
# sentence is taken to open, so that "'Wood'" stays a name, and these words are capitalised there).
GRAMMAR_WORDS = frozenset("""i me you he she it we they him her us them my your his its our their this that these those
what which who whom whose where when why how there here""".split())
# Words opening an answer or a request, no one's name (general English): "'Maybe step two
# isn't for you'", "'Please fill in the form'".
_OPENS_AN_ANSWER = frozenset("maybe perhaps yes yeah please sorry look".split())
# The text's start or a sentence's end (a quote mark or a bracket may open the next), before a word.
_A_SENTENCE_OPENS_BEFORE = re.compile(r"(?:^|[.!?:;]\s*|\n)[\s'‘’\"“(\[]*$")
# A single quote mark opening speech (after a space, a colon, a bracket or a double quote) or
# closing a sentence (after a word's full stop), then the word: "scores. 'Did you", ".' Every".
_A_QUOTE_OPENS_BEFORE = re.compile(r"(?:[\s:(\"“]|[^\W\d_][.!?])['‘’]\s*$|^['‘’]\s*$")
# Verbs asking something of a person, opening a sentence before their name ("Tell Orla to
# ring", "Remind Tamsin"): an order, no part of the name, even where a name list holds the
# word ("tell"). data/recognizer_words.yml.
ASKED_OF_SOMEONE = recognizers.verbs_before_a_person("orders")
# Words of which one that open a workplace's name ("Next Chapter", "First Light").
_WHICH_OPENS = recognizers.which_or_where("opens")
# Days said by a word of their own ("Yesterday Harbour rang"), and interjections ("Wow Kestrel
# were awful"): data/recognizer_words.yml.
_TIMES_SAID_ALONE = recognizers.words_set("times_said_alone")
_NUMBERED = recognizers.words_set("numbered_by_a_figure")
_A_LETTER_LABEL = re.compile(r"[A-Z]\.?")  # ("Team C." ending a sentence is one token)
# Units of time a figure counts: words first, though some are surnames too ("4 Weeks", "the 1st Day").
_TIMES_COUNTED = frozenset("minute minutes hour hours day days week weeks month months year years".split())
# What a figure before a capitalised word may count (counted_by_a_figure).
_COUNTED = (_NUMBERED | recognizers.words_set("counted_after_a_figure") | recognizers.words_set("things_of_work")
            | recognizers.WHAT_AN_ORDINAL_COUNTS | recognizers.UNITS_OF_TIME_AND_WORK)
_INTERJECTIONS = recognizers.words_set("interjections")
_NO_ONES_SOUNDS = _INTERJECTIONS | recognizers.words_set("listeners_sounds")
_TIMES_OF_DAY = frozenset("morning afternoon evening night".split())
# A post over a function ("Head of People", "Director of Operations", "Lead for Quality").
_A_POST_OVER = re.compile(r"(?i:head|heads|director|directors|lead|leads|manager|managers)[ \t]+(?:of|for)[ \t]+"
                          r"(?P<more>(?:[\w&]+[ \t]+){0,3})$")
_FUNCTIONS_OF_A_POST = recognizers.words_set("functions_of_a_post")
_PERIODS = recognizers.words_set("periods")
_VENUE_KINDS = recognizers.words_set("venue_kinds")
_STREET_WORDS = frozenset(w.lower() for w in recognizers.words("street_types"))
_NO_WORKPLACE_ALONE = recognizers.words_set("no_workplace_alone")
_SAID_ALONE_AS_A_SENTENCE_OPENS = CLAUSE_OPENERS | _NO_ONES_SOUNDS | GREETINGS | recognizers.words_set("exclaimed_alone")
_COLOURS = recognizers.words_set("colours")
_COMPASS_POINTS = recognizers.which_or_where("compass")
_PLACED_AT_A_VENUE = re.compile(r"\b(?i:at|in\s+to|into)\s+(?:(?i:the)\s+)?$")
# A workplace set apart by what it is after its name, the name after a post's "of" ("Director of
# Access Health, the private clinic on Mill Road", "..., a GP federation", "... (a tiny charity)").
_A_WORKPLACE_SET_APART_AFTER_A_POST = re.compile(
    rf"[ \t]*[,(][ \t]*(?i:a|an|the)?[ \t]*(?i:{recognizers.KIND_ONLY_A_WORKPLACE_IS}"
    rf"|(?:[\w'’-]+[ \t]+){{0,3}}?(?:{recognizers.alternatives(lexicon.workplace_kinds('building'))}"
    r"|federation|enterprise|company|firm|practice|organisation|organization|business)(?![\w'’-]))"
    # (the kind its head, ending the phrase or before where, whose or what it does: "a tiny charity
    # in Leeds", "a company I set up", "a firm employing 40"; not "the company's HR lead", "a
    # practice nurse", "a firm believer")
    r"(?=[ \t]*(?:[,.;:!?)—–]|$)|[ \t]+(?i:in|on|for|based|run|that|which|who|where|over|near|with|of|up|down"
    r"|round|called|i|we|my|our|she|he|they|her|his|their|and|behind|funded|owned|employing|providing"
    r"|founded|set|started)\b)")
_NAME_OPENERS = recognizers.words_set("name_openers")
_TURNS_AN_OPENER_SAYS = recognizers.words_set("turns_an_opener_says") | _TIMES_COUNTED
_VERBS_AFTER_A_NAME = recognizers.words_set("verbs_after_a_name")
# What a workplace did, said after its name without "-ed" (general English), and the words said
# between a name and its verb ("Full Measure then closed"; and an adverb, "sadly closed").
_PAST_OF_A_WORKPLACE = frozenset("ran runs shut shuts went goes grew lost won became began fell sold".split())
_BEFORE_A_VERB = frozenset("then also just never still always finally eventually already only even soon".split())


def said_after_a_name(word: str) -> bool:
    """A verb said of a name just before it, the name the subject ("was", "paid", "managed",
    "ran"): lower case."""
    return word in _VERBS_AFTER_A_NAME or word in _PAST_OF_A_WORKPLACE or word.endswith("ed")


# A figure as a token: digits, an ordinal ("2nd"), a week's hours ("24/7").
_A_FIGURE = re.compile(r"\d{1,3}(?P<ordinal>st|nd|rd|th)?|\d{1,2}[/-]\d{1,2}", re.IGNORECASE)


# A surname of a clan's or a family's prefix, a capital inside it ("McAllister", "MacLeod", "O'Hara").
_CLAN_PREFIXED = re.compile(r"(?:Mc|Mac|O['’])[A-Z][a-z]")


def _singular(word: str) -> str:
    """'referrals' -> 'referral', 'supervisions' -> 'supervision', 'bodies' -> 'body'."""
    return re.sub(r"(?<=[^aeiou])ies$", "y", word) if word.endswith("ies") else word.removesuffix("s")


# A year, or a span of years opening with one ("2015", "2015-2019", "2015-19").
_A_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
# A day's or a month's short form, as rotas and diaries write them before a date ("Thu 12").
_DAY_OR_MONTH_SHORT = re.compile(rf"{recognizers.WEEKDAY_SHORT}|{recognizers.MONTH_ABBREVIATIONS}", re.IGNORECASE)


class NameFinder:
    """Finds names in one Doc. ``protected`` are spans (public terms) never to be redacted."""

    def __init__(self, keep: set[str]):
        self.keep = {k.lower() for k in keep}
        self.words, self.ordinary_places = lexicon.ordinary_proper_nouns()
        self.surnames = lexicon.surname_words()
        self.openers = lexicon.opener_names()
        self.first_names = lexicon.first_names()
        self.places = lexicon.places()

    # ------------------------------------------------------------ helpers

    def ordinary(self, word: str) -> bool:
        w = re.sub(r"['’]s$", "", word)
        if w.endswith("ans") and w[:-1] in self.words:  # "Zimbabweans", "Christians"
            w = w[:-1]
        return w in self.words or w.lower() in self.ordinary_places or w.lower() in self.keep

    def counted_by_a_figure(self, doc, span, words: list[str]) -> bool:
        """A capitalised word straight after a figure that figures count or number, capitalised as
        a label is ("6 Sessions", "2 Trusts", "Week 2 Training"; after an ordinal, a word figures
        number, "the 2nd Floor", "1st Year": "1st Call" may name a firm), is no name: only listed
        words (data: things of work, units, counted_after_a_figure, numbered_by_a_figure), none a
        surname but a unit of time ("4 Weeks") nor, after a number, a given name ("Bed 6 Crane",
        "2 Fox", "Year 9 Grace", "our 3rd Page" are people), nor a kind of workplace ("at 360
        Support"), nor after a word a 2 or a 4 joins to it ("Lifeline 4 All"; "Day 2 Training"
        numbers the day). Words more than one after it may be a name the figure opens ("1st Call
        Carers", "3 Rivers Psychology")."""
        k = span.start
        figure = _A_FIGURE.fullmatch(doc[k - 1].text) if k > 0 else None
        if figure is None or not doc[k - 1].whitespace_ or len(words) != 1:
            return False
        word = words[0].lower()
        singular = _singular(word)
        return (word in _NUMBERED if figure.group("ordinal") else word in _COUNTED or singular in _COUNTED) \
            and (word not in lexicon.surnames() or word in _TIMES_COUNTED) \
            and (word not in self.first_names or figure.group("ordinal")) \
            and not (doc[k - 1].text in ("2", "4") and k > 1 and self.is_capitalised(doc[k - 2])
                     and doc[k - 2].lower_ not in _NUMBERED and doc[k - 2].lower_ not in STOP_WORDS) \
            and word not in ORG_WORDS and word not in KINDS_AFTER_A_NAME

    def subject_of_study(self, doc, span, words: list[str]) -> bool:
        """'a Masters in Counselling', 'an MSc in Social Work': English or field words after a
        qualification and "in" are what was studied, not a place (a word no list knows,
        "in Quennell Studies", may be a place's or a person's name)."""
        k = span.start
        return k >= 2 and doc[k - 1].lower_ == "in" and doc[k - 2].lower_ in _QUALIFICATIONS \
            and all((lexicon.is_ordinary(w.lower()) or lexicon.is_field_word(w.lower()))
                    and w.lower() not in self.first_names and w.lower() not in self.places
                    for w in re.findall(r"[^\W\d_]+", " ".join(words)))

    def said_before_a_name(self, span) -> bool:
        """'Ask Tamsin Hale', 'Phone Orla', 'Poor Tamsin': an everyday word no name list holds,
        before a given name, says what is done to or thought of the person; it is no part of
        the name. So is a verb asking something of someone ("Tell Orla", "Remind Tamsin"),
        even one a name list holds ("tell"), and one placing someone at a workplace ("Left
        Ashcombe Lodge", "Joined Quarrow Care")."""
        first = span[0].lower_
        if first in ASKED_OF_SOMEONE:  # before any name ("Tell Wenna Tallis"; not letters, "Ring DWP")
            return self.is_capitalised(span[1]) and not span[1].is_upper and not self.ordinary(span[1].text)
        if first in recognizers.PLACING_VERBS and not span[0].is_upper:
            return len(span) >= 3 and not lexicon.is_ordinary(span[1].lower_)
            # a survey's answer opening with where someone went: "Left Ashcombe Lodge in 2021",
            # "Joined Quarrow Care" (the workplace is what follows; a word alone after it is read
            # with it, as before, "Left Sky in charge"; so is an everyday word, the name's own
            # as often: "Left Bank Counselling", "Joined Up Minds")
        return (lexicon.is_ordinary(first) and first not in self.first_names
                and span[0].text.title() not in self.surnames and span[1].lower_ in self.first_names)

    def opens_a_name(self, span, public_tokens: set[int] = frozenset()) -> bool:
        """'Next Page', 'Full Measure': a quantity's or an order's word of grammar opening a
        sentence before a capitalised word is the name's first word (data: name_openers), where
        "The Limes", "My GP" lose theirs; not before a day, a month or a feast ("Next Monday"),
        a unit of time ("Next Year"), a public name or letters ("Many NHS staff"), nor where a
        noun follows, the words before it saying which ("Many Unison reps"): a name so opened is
        of everyday words, none given as a name in Britain ("Whole Kinsby Trust", "Last Zephyrine
        Holt" lose theirs; "Door" is a name only elsewhere), followed by what is said of it ("was",
        "paid", "closed", "then ran", "closes", "'s") or a stop."""
        doc, given = span.doc, lexicon.english_given_name_weight()
        second = span[1]
        after = span.end + (span.end < len(doc) and (doc[span.end].lower_ in _BEFORE_A_VERB
                                                     or doc[span.end].lower_.endswith("ly")))
        after = doc[after] if after < len(doc) else None
        return span[0].lower_ in _NAME_OPENERS and second.lower_ not in _TURNS_AN_OPENER_SAYS \
            and second.lower_ not in STOP_WORDS \
            and not {second.lower_, second.lower_ + "s"} & recognizers.UNITS_OF_TIME_AND_WORK \
            and not second.is_upper and second.i not in public_tokens \
            and (second.text not in lexicon.ordinary_proper_nouns()[0] or _a_label_without_its_number(doc, second.i)) \
            and all(lexicon.is_ordinary(t.lower_) and not given.get(t.lower_) for t in span[1:]) \
            and (after is None or not after.is_alpha or said_after_a_name(after.lower_) or after.tag_ == "VBZ")

    def english_words(self, words: list[str]) -> bool:
        """Words English or this field uses ("Counselling"), none a given name or a place (a
        surname alone, "Key", "Day", makes no one's name of a phrase: a name has a given name or
        a title before it)."""
        return all((lexicon.is_ordinary(w.lower()) or lexicon.is_field_word(w)) and w.lower() not in self.first_names
                   and w.lower() not in self.places for w in words)

    def is_capitalised(self, token) -> bool:
        return capitalised_word(token.text)

    @staticmethod
    def sentence_initial(doc, i: int) -> bool:
        j = i - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j < 0 or "\n" in doc[j].whitespace_ or doc[j].is_space:
            return True
        prev = doc[j].text
        # (No sentence opens after a quote mark here: a surname that is also a word, "'Wood'",
        # "...soon.' Walker never wrote", must stay a name; a word lost is the lesser harm.)
        return prev in SENTENCE_BREAKS or prev[-1] in ".!?:;\"“”[]()…"

    @staticmethod
    def a_word_opening_a_quotation(doc, i: int, text: str) -> bool:
        """'Did you do the PHQ?', ".' Every one of them": after a single quote mark a sentence is
        not taken to open ("'Wood'", "soon.' Walker never wrote" stay names), but a word of
        grammar, one opening a clause, an adverb or an everyday word no name or place is ("Did",
        "Every", "Maybe", "Obviously", "'Have I...?'", "'Great for your CV'") after a quote mark
        opening speech, or closing a sentence, is capitalised as a
        sentence's first word is: no one is
        called it (no surname, given name or name that is a word of the lists), and it is no
        word of a name ("'Second Wind'", "'See-oh-ban'") nor the whole of what is quoted ("'Money'")."""
        lower, start = doc[i].lower_, doc[i].idx
        end = start + len(doc[i].text)
        # (the word first, the text around it only for the few words it may be: every capitalised
        # word is asked. An opening quote: after the text's start, a space, a colon, a bracket or a
        # double quote; a closing one after a sentence's end; not "'I'm done,' Gold said")
        grammar = lower in STOP_WORDS or lower in CLAUSE_OPENERS or lower in _OPENS_AN_ANSWER
        # (a word of grammar, an adverb, or an everyday word no name or place is, not the subject of
        # a verb after it: "'Great for your CV'"; "'Friend never replied'" may be someone)
        following = re.match(r"\s+([a-z']+)", text[end:end + 30])
        subject = following is not None and (following.group(1) in _VERBS_AFTER_A_NAME or following.group(1)
                                             in _BEFORE_A_VERB or following.group(1).endswith("ed"))
        return (grammar and lexicon.is_everyday(lower) or lower.endswith("ly") and lexicon.is_ordinary(lower)
                or lexicon.is_everyday(lower) and lower not in lexicon.first_names() and lower not in lexicon.places()
                and not subject) \
            and lower not in lexicon.surnames() \
            and not recognizers.given_in_britain(lower) and lower not in recognizers.words_set("word_names") \
            and _A_QUOTE_OPENS_BEFORE.search(text, max(0, start - 12), start) is not None \
            and not re.match(r"-|\s+(?!I\b)[A-Z]|['’‘]", text[end:end + 2])

    @staticmethod
    def ends_sentence(doc, k: int) -> bool:
        """Whether the full stop joined to doc[k] ("M&S.", "A&E.", "Ltd.") ends a sentence, so
        that a name does not run on to the capitalised word after it ("I shop at M&S. Nobody
        cares"). Initials and short forms before a name end none ("J. R. Quill", "St. Helens",
        "Dr. Quill"), unless the next word is one no name is made of ("J.R. She said")."""
        text = doc[k].text
        if len(text) < 2 or not text.endswith("."):
            return False
        if k + 1 < len(doc) and doc[k + 1].lower_ in STOP_WORDS:
            return True
        return not (_INITIALS.fullmatch(text) or text.lower() in NAME_ABBREVIATIONS)

    def surname_after(self, doc, j: int) -> bool:
        """Whether doc[j], an ordinary word that is also a surname, is one here.

        It is after a first name or a title ("Rose Green", "Sister White"), after a word no
        list knows ("Kwame White"; "Pidgin English" is listed), after a given name that is a
        month or a faith word too, before what someone does ("June Black said"), and as the
        second half of a double-barrelled name ("Okafor-White", "Rose Smith-Green", "Smith-Green said").
        Not in "Kate May 3rd" (a date), "Good Lord", "Judeo-Christian", "Snow White", nor
        after a given name that opens sentences as an ordinary word, unless a verb follows
        ("Young Black, working-class lads"; "Young White said").
        """
        word = doc[j].text
        if word not in self.surnames or j == 0 or "\n" in doc[j - 1].whitespace_:
            return False
        before = doc[j - 1]
        after = doc[j + 1] if j + 1 < len(doc) else None
        if word in MONTH_SURNAMES and after is not None and (after.like_num or after.text[:1].isdigit()):
            return False
        verb_after = after is not None and after.lower_ in NAME_VERBS
        if _hyphened_on(doc, j):
            half = doc[j - 2]  # the first half of a double-barrelled name
            if not self.is_capitalised(half) or half.lower_ in HYPHEN_PREFIXES or self.ordinary(half.text):
                return False
            if j > 2 and self._names(doc[j - 3]):
                return True
            return verb_after or self._unknown(half)
        if not self.is_capitalised(before):
            return False
        if self.ordinary(before.text) and before.lower_ not in SURNAME_TITLES:
            # a given name that is a month or a faith too, before what someone does ("June Black
            # said", "Christian White rang"); before "was", "is", "has" only inside a sentence ("my
            # manager June Black was"; "March Green was the theme", "April White is a shade"); not
            # after an article or a word of when ("In May Black said", "A Tory Lord said"), nor a
            # named day or a public name ("May Day", "Christian Aid")
            does = after is not None and (after.lower_ in SOMEONE_DOES
                                          or verb_after and not self.sentence_initial(doc, j - 1))
            return does and before.lower_ in self.first_names \
                and not (j > 1 and doc[j - 2].lower_ in _BEFORE_A_MONTH_OR_A_THING) \
                and not recognizers.NAMED_DAYS.fullmatch(f"{before.text} {word}") \
                and f"{before.lower_} {word.lower()}" not in recognizers.public_lower()
        if self._names(before):
            opener = before.text in self.openers and self.sentence_initial(doc, j - 1)
            return verb_after if opener else True
        return self._unknown(before)

    @staticmethod
    def _unknown(token) -> bool:
        """A word no dictionary knows well: most likely a name ("Kwame", "Okafor")."""
        return token.is_alpha and lexicon.is_rare(token.lower_)

    def _names(self, token) -> bool:
        """A title, or a first name that is nothing else the lists know."""
        lower = token.lower_
        return lower in SURNAME_TITLES or (lower in self.first_names and lower not in STOP_WORDS
                                           and not self.ordinary(token.text))

    def named_alone(self, doc, i: int) -> bool:
        """A given name that is also a word ("April", "Summer") said alone as someone's: before
        "'s", "who", "said"..., or before a comma and "my", "who", "she"... ("April, my
        youngest, ..."; not "April 3rd", "In April, we..."); or opening a sentence to address
        someone, a comma, then what is asked or offered them ("Will, let's start with...", "Hope,
        can you tell us"; ``ADDRESSED_WITH``)."""
        token, n = doc[i], len(doc)
        if token.lower_ not in self.first_names or i + 1 >= n or token.is_upper:
            return False
        after = doc[i + 1]
        addressed = after.text == "," and i + 2 < n and self.sentence_initial(doc, i) and (
            doc[i + 2].lower_ in ADDRESSED_WITH and not (i + 3 < n and doc[i + 3].lower_ == "to")  # ("thanks to")
            or doc[i + 2].lower_ == "let" and i + 3 < n and doc[i + 3].lower_ in ("'s", "’s")
            and not (i + 4 < n and doc[i + 4].lower_ == "say")  # ("June, let's say.": a guess)
            or doc[i + 2].lower_ in _ASKED_OF_YOU and (
                any(t.lower_ in _SAID_TO_YOU for t in doc[i + 3:i + 6])
                and not any(t.is_punct for t in doc[i + 3:i + 6] if t.lower_ not in _SAID_TO_YOU)
                or token.lower_ == "will")) \
            and lexicon.english_given_name_weight().get(token.lower_, 0) > 0  # (a name Britain gives: not "Oh", "So")
        if token.lower_ in STOP_WORDS:
            # (a given name that is a modal verb too, "Will", "May", only so: no modal opens a
            # sentence before a comma, as "So,", "Now," do; nor is "will" said before what
            # someone did, "Will was brilliant", "Will said", "Will left in 2019" ("May was awful"
            # is the month))
            return addressed and token.lower_ in _MODALS or token.lower_ == "will" and (
                after.lower_ in SOMEONE_DOES and (after.whitespace_ or i + 2 >= n)  # (not "Will left-wing ...")
                or after.lower_ in _DONE_BY_SOMEONE
                or after.lower_ in _PAST_OF_SOMEONE and after.whitespace_ and not _a_question(doc, i))
        if after.lower_ in STRONG_FOLLOWERS and not (i + 2 < n and doc[i + 2].like_num):
            return True
        return after.text == "," and i + 2 < n and doc[i + 2].lower_ in APPOSITION_STARTS or addressed

    @staticmethod
    def a_period_named_venue(doc, i: int, text: str) -> bool:
        """'worked at the Georgian', 'the Nineties bar', 'at Nineties, the club': a period or a
        decade (an ordinary word) naming a venue, after a word placing someone there or before a
        venue's kind or a street's; "since the Nineties", "a Georgian terrace" stay."""
        if doc[i].lower_ not in _PERIODS:
            return False
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is not None and after.text[:1].isupper() and after.lower_ in _ROOM_WORDS:
            return False  # (a room of a building, "the Forties Lounge": the room rules')
        # (placed there, "at": not "left the Noughties behind"; a kind in lower case after it is its
        # style, "a Victorian pub", "the Eighties club scene")
        return _PLACED_AT_A_VENUE.search(text, max(0, doc[i].idx - 30), doc[i].idx) is not None \
            or after is not None and after.text[:1].isupper() and (after.lower_ in _VENUE_KINDS
                                                                   or after.lower_ in _STREET_WORDS)

    def a_workplace_at_the(self, doc, i: int) -> bool:
        """'The woman next door at the Orchard says hello', 'we met at the Anchor after work': an
        everyday word capitalised after "at the" inside a sentence of ordinary capitals is where
        someone is, unless it says what kind of place, thing or time ("at the Airport", "at the
        Weekend", "at the Christmas do"; the recognizers' everyday things; a kind of workplace,
        "at the Lodge", is the other rules' and the model's), describes the word after it ("at the
        Polish deli") or the sentence is a title ("Life at the Top": no word of it but grammar in
        lower case)."""
        token = doc[i]
        if i < 2 or doc[i - 1].text != "the" or doc[i - 2].text != "at" or token.is_upper or not token.is_alpha:
            return False
        word = token.lower_
        if recognizers.an_everyday_thing(word) or word in _PERIODS or word in recognizers.FESTIVALS \
                or word in ORG_WORDS or word in ROLE_WORDS or word in _ROOM_WORDS or word in _NO_WORKPLACE_ALONE \
                or word in _COMPASS_POINTS or recognizers.ordinary_weekday(token.text) or word in MONTHS \
                or word in _TIMES_OF_DAY or word in _SAID_ALONE_AS_A_SENTENCE_OPENS or word in _COLOURS:
            return False  # (nor a word said alone where sentences open, "Well,", "Lord,", "Morning!":
            # as a name found it would go wherever the source says it)
        # The word ends the name: a lower-case word after it is what it describes ("at the Polish
        # deli", "at the Morning huddle"), unless a name ends before it ("at the Well says", "at the
        # Well on Fridays"); no name of a person ("the Lord's table") or a longer one after it.
        if i + 1 < len(doc):
            after = doc[i + 1]
            if after.lower_ in ("'s", "’s") or self.is_capitalised(after) \
                    or after.is_alpha and not (after.lower_ in recognizers.NAME_ENDS or after.lower_ in _VERBS_AFTER_A_NAME):
                return False
        # (a sentence in lower case but for its names: some word of it no word of grammar)
        opens = i - 2
        while opens > 0 and not self.sentence_initial(doc, opens):
            opens -= 1
        return any(t.is_alpha and t.is_lower and t.lower_ not in STOP_WORDS
                   for t in doc[opens:min(len(doc), i + 8)] if t.i not in (i - 1, i - 2))

    def named_after_a_title(self, doc, i: int) -> bool:
        """'Nurse Jan', 'Auntie June', 'Sister Hope': a given name that is also a word, after a
        title said with it, is someone's (not "Nurse Practitioner", "Father Christmas": no given name)."""
        token = doc[i]
        return i > 0 and token.lower_ in self.first_names and not token.is_upper \
            and doc[i - 1].lower_ in SURNAME_TITLES and self.is_capitalised(doc[i - 1]) \
            and "\n" not in doc[i - 1].whitespace_ and doc[i - 1].whitespace_ != ""

    def someone_of_a_public_body(self, doc, i: int, j: int, public_tokens: set[int]) -> bool:
        """'Darren Holt of Unison', 'PC Holt of West Midlands Police', 'Jack of Kent Police': "of"
        after a person's name (a title before it, a given name, and a surname or not) and before
        a public body that closes the run says where they are from; the body is no word of their
        name ("Friends of CAMHS", "Peace of Mind": no one's name before them, name workplaces
        whole; so does "Holly of Mind Practice", the body opening a longer name)."""
        if doc[j].lower_ != "of" or self._a_public_body_closing(doc, j + 1, public_tokens) is None:
            return False
        titled = any(doc[t].text.rstrip(".").lower() in SURNAME_TITLES and self.is_capitalised(doc[t])
                     for t in (i - 1, i) if t >= 0)
        # (a given name alone is cut from the body only where it is claimed as someone's:
        # ``given_name_of_a_public_body``; else the run is read whole, as before)
        return titled or doc[i].lower_ in self.first_names and not doc[i].is_upper and (
            j - i >= 2 or self.given_name_of_a_public_body(doc, i, public_tokens))

    def given_name_of_a_public_body(self, doc, i: int, public_tokens: set[int]) -> bool:
        """'Francesca of Kent Police rang', 'Faith of the Home Office said no': a given name
        before "of" and a public body closing the run is someone from that body; one that is a
        word too, only where what follows the body is said of someone ("Faith of the NHS staff",
        "June of the NHS strike year", "Sky of the BBC, both" are words). Not a word of grammar
        ("One of the PWPs", "Will of")."""
        word = doc[i].lower_
        a_word = lexicon.is_ordinary(word) or word in recognizers.words_set("word_names") or word in MONTHS
        if word not in self.first_names or doc[i].is_upper or i + 2 >= len(doc) or doc[i + 1].lower_ != "of" \
                or word in STOP_WORDS or word in ORG_WORDS or lexicon.is_workplace_kind(word) \
                or not (lexicon.english_given_name_weight().get(word) or not a_word) \
                or i > 0 and doc[i - 1].lower_ in DETERMINERS:
            return False  # (a kind of workplace, "Charity of ...", "Ward of ...", is read whole, as
            # before; after a determiner a word: "a Summer of Mind's making")
        k = i + 3 if doc[i + 2].lower_ == "the" else i + 2
        end = self._a_public_body_closing(doc, k, public_tokens)
        if end is None:
            return False
        return not a_word or said_of_someone_after(doc.text, end)

    def _a_public_body_closing(self, doc, k: int, public_tokens: set[int]) -> int | None:
        """Where a public body's words from token ``k`` end, no capitalised word after them."""
        if k not in public_tokens:
            return None
        while k in public_tokens:
            k += 1
        if k < len(doc) and self.is_capitalised(doc[k]):
            return None
        return doc[k - 1].idx + len(doc[k - 1].text)

    def two_things_in_a_name(self, doc, j: int, public_tokens: set[int]) -> bool:
        """'Walk and Talk', 'Roots and Wings': two English words capitalised inside a sentence,
        "and" between them, are one name (its initials "WTR" of "Walk and Talk Rotherham");
        not two people, two places or two public names ("Rose and Hope", "Leeds and Bradford",
        "Baker and Cook": a surname of the list may be a colleague's), nor one said twice ("Beacon
        and Beacon said no"), nor words of a service ("Drug and Alcohol Team", "Assessment and
        Treatment Unit": a kind of service every trust has, whose letters are the field's).
        (Only a first word alone before "and": "Clearwater Clinic and New Leaf" are two.)"""
        a, b = doc[j - 1], doc[j + 1]
        return a.lower_ != b.lower_ and not self.sentence_initial(doc, j - 1) and all(
            self.is_capitalised(t) and not t.is_upper and t.is_alpha and lexicon.is_ordinary(t.lower_)
            and t.lower_ not in self.first_names and t.lower_ not in lexicon.surnames()
            and t.lower_ not in recognizers.service_words() and not lexicon.is_field_word(t.lower_)
            and t.lower_ not in self.places and t.i not in public_tokens and not self.ordinary(t.text) for t in (a, b))

    def a_trust_named_after(self, doc, j: int, public_tokens: set[int]) -> bool:
        """'Quarrowby and Fenwold Mental Health NHS Trust': a health body's name joins the places
        it serves with "and" ("... NHS FT", "... ICB", "Mawdale and Fenby University Health
        Board"), so the one word before "and" is the name's where the words after it run to the
        end such a body's name has, and that word is a town's that is no everyday word or a word
        of no English, of no list of names and not of the field; not in capitals, nor after a
        title or "in"; opening the sentence, one English hardly writes. "Police and", "Church
        and", "my OSCE and", "Amrit and", "Dr Okafor and", "grew up in Quarrowby and" are
        another's; so is a river's name that is someone's too ("Aire", "Trent": the letters rule,
        ``engine.letters_of_names_found``, still reads "AWMH" across it). No public name on
        either side ("NHS England and Leeds NHS Trust")."""
        before, lower = doc[j - 1], doc[j - 1].lower_
        if j - 1 in public_tokens or j + 1 in public_tokens or doc[j + 1].is_upper \
                or not self.is_capitalised(before) or not before.is_alpha or before.is_upper \
                or j >= 2 and (doc[j - 2].lower_.rstrip(".") in TITLES or doc[j - 2].lower_ == "in"):
            return False  # (letters, "my OSCE and ..."; a place lived in, "grew up in Quarrowby and ...")
        listed_name = lower in self.first_names or lower in lexicon.surnames()
        if self.sentence_initial(doc, j - 1):
            if not lexicon.is_rare(lower) or listed_name:
                return False
        elif lexicon.is_everyday(lower) or lower not in self.places and (
                lexicon.is_ordinary(lower) or lexicon.is_field_word(lower) or listed_name):
            return False
        k, words = j + 1, []
        while k < len(doc) and "\n" not in doc[k - 1].whitespace_ and (
                self.is_capitalised(doc[k]) or doc[k].lower_ in ("and", "of", "&")
                and k + 1 < len(doc) and self.is_capitalised(doc[k + 1])):
            words.append(doc[k].lower_)
            k += 1
            if len(words) >= 2 and (words[-1] in _A_HEALTH_BODY_ENDS and "nhs" in words
                                    or words[-1] in _A_HEALTH_BOARD_ENDS or words[-2:] in (["health", "board"],
                                                                                            ["care", "board"])):
                return True
        return False

    @staticmethod
    def shouted_name(doc, token) -> bool:
        """A word of six letters or more in capitals that no word list knows, among words in
        capitals: a name typed in a shouted line, not an acronym ("SWEMWBS" is a public term)."""
        neighbours = [t for t in doc[max(0, token.i - 3):token.i + 4] if t.i != token.i and t.is_alpha and len(t) > 1]
        return (len(token.text) >= 6 and token.is_alpha and lexicon.zipf(token.lower_) == 0
                and bool(neighbours) and all(t.is_upper for t in neighbours))

    @staticmethod
    def name_before_a_kind(doc, span, capital: list[bool]) -> bool:
        """Whether a capitalised word, or one and a figure, comes straight before a workplace's
        kind, which the rules for a name found in part may take with it ("joined Welcome
        House", "Route 24 Counselling"; not "Head of Nursing", "had 6 Counselling sessions")."""
        k = span.start - 1
        while k >= 0 and (_A_FIGURE.fullmatch(doc[k].text) or recognizers.a_number_in_words(doc[k].text)):
            k -= 1  # (a number in words is a figure: "Six Counselling sessions")
        return k >= 0 and capital[k]

    @staticmethod
    def a_workplace_in_capitals(doc, span, text: str) -> bool:
        """'I left ANCHOR HOUSE in 2020': words in capitals among words in lower case, after a
        word placing someone at a workplace and ending in a workplace's kind of place, name it
        however everyday; not said elsewhere, where capitals are for emphasis ("it was the most
        TOXIC TEAM", "we had ZERO SUPPORT"), nor the kind alone or with a public body's letters,
        words of a service or everyday words ("at the NHS TRUST", "at the COURT HOUSE")."""
        words = [t.lower_ for t in span if t.is_alpha]
        if len(words) < 2 or words[-1] not in _PLACES_A_WORKPLACE_NAMES or words[0] in STOP_WORDS \
                or not recognizers.after_a_workplace_clue(text, span.start_char):
            return False
        around = [t for t in doc[max(0, span.start - 4):span.end + 4] if t.is_alpha and len(t) > 1]
        return any(t.is_lower for t in around) and not all(
            w in ORG_WORDS or is_public_acronym(w.upper()) or lexicon.is_field_word(w)
            or w in recognizers.service_words() or lexicon.is_everyday(w) for w in words[:-1])

    def plural_of_a_word(self, lower: str) -> bool:
        """'tuesdays', 'rotas': the plural of an ordinary or listed word that is no given name
        ("williams", "evans" are surnames), rarer in print than the word itself."""
        stem = lower[:-1] if lower.endswith("s") else ""
        return len(stem) > 2 and stem not in self.first_names and (lexicon.is_ordinary(stem) or self.ordinary(stem.title()))

    def a_room_of_words(self, doc, span, words: list[str]) -> bool:
        """'in the Training Room', 'our Quiet Room', 'the Lavender Room': after a determiner, words
        English uses (at least RARE_ZIPF; no given name, surname or place) before a word of a
        room (data/recognizer_words.yml) name a room of a building, not who or where. Not
        after a word placing someone at a workplace ("worked at the Lavender Room": a bar's
        name may be so made), nor with a word no list knows ("the Okafor Room")."""
        k = span.start
        if len(words) < 2 or words[-1].lower() not in _ROOM_WORDS or k == 0 or doc[k - 1].lower_ not in DETERMINERS:
            return False
        if k >= 2 and doc[k - 2].lower_ in _PLACED_AT_WORDS:
            return False
        if _said_to_be_a_workplace().match(doc.text, span.end_char):
            return False  # "The Quiet Room is a crisis café": a workplace so named
        return all(not lexicon.is_rare(w.lower()) and w.lower() not in self.first_names
                   and w.lower() not in lexicon.surnames() and w.lower() not in self.places
                   for w in words[:-1] if w.lower() not in CONNECTORS)

    def after_a_given_name(self, doc, i: int) -> bool:
        """'KWAME THISTLE', 'MRS KESTREL': the word after a given name or a title is a surname,
        however English it is."""
        return i > 0 and doc[i - 1].is_alpha and (doc[i - 1].lower_ in self.first_names or doc[i - 1].lower_ in TITLES) \
            and doc[i - 1].lower_ not in STOP_WORDS

    def english_in_capitals(self, lower: str) -> bool:
        """'TRIAGE', 'HANDOVERS', 'VOICEMAILS': in a shouted line, a word English uses (at
        least RARE_ZIPF, a word of the field counting so) or the plural of one, or an adverb made
        from one, that no given name, surname or place list holds; a verb's past whatever lists
        hold its stem ("MOANED"); or a word of the field ("ROTA", though a given name too) or of a
        service's kind ("DERMATOLOGY"). Its capitals are the line's, not a name's."""
        if lexicon.is_field_word(lower) or lower in recognizers.service_words():
            return True
        if lower in self.first_names or lower.title() in self.surnames or lower in lexicon.surnames() \
                or lower in self.places:
            return False
        stem = lower[:-2] if lower.endswith("es") else lower[:-1] if lower.endswith("s") else ""
        # and a verb's past ("SHADOWED", "GROANED", "MESSAGED") or an adverb ("FORTNIGHTLY"): the
        # word it is made from, of four letters or more (a shorter one is as often no stem: "PANED"
        # is no "PAN" + "ED"); not "-ING", which surnames end in ("WILDING", "MOULDING")
        verb = re.fullmatch(r"(?P<stem>\w{4,}?)(?P<double>\w)?(?P=double)?ed", lower) \
            if lexicon.zipf(lower) > lexicon.SCARCELY_ENGLISH_ZIPF else None  # a word English writes ("PROMED" no)
        stems = (verb.group("stem") + (verb.group("double") or ""), verb.group("stem") + "e") if verb else ()
        if verb and len(lower) >= 7:
            stems += (lower[:-1],)  # ("MESSAGED": "message" and "-d")
        # an adverb made from a word no names list holds ("FORTNIGHTLY"; "WHITELY", "GREENLY" are surnames)
        adverb = (lower[:-2],) if lower.endswith("ly") and len(lower) >= 6 \
            and lexicon.zipf(lower) >= lexicon.HARDLY_USED_ZIPF else ()  # (one English writes: "STANLY" no)
        if any(not lexicon.is_rare(w) and w not in self.places
               # (a verb's stem that a names list holds too is still the verb's: "MENTORED", "MOANED")
               and (w not in self.first_names and w not in lexicon.surnames() or w in stems)
               for w in (lower, stem, lower[:-1] if stem else "", *stems, *adverb) if len(w) > 2):
            return True
        # Made by English from an ordinary word ("TOKENISTIC", "PERFORMATIVE", "MICROMANAGEMENT"):
        # an ending or a beginning no name has, on a word English uses every day.
        made = _MADE_FROM_A_WORD.fullmatch(lower)
        return made is not None and any(
            len(w) > 2 and lexicon.is_ordinary(w) and w not in self.first_names and w not in lexicon.surnames()
            for w in (made.group("after") or made.group("before"), (made.group("after") or made.group("before")) + "e"))

    def given_name_before_its_verb(self, first: str, following: str) -> bool:
        """A given name plainly a name (``recognizers.plainly_a_name``: "Toby", "Sal"; not "Will",
        "Grace", nor an English word the names list holds that is no name given in Britain, "Tons
        were wasted", "Peer reviewed studies") and no common word, opening a sentence before a
        verb it is the subject of (data ``verbs_after_a_name``, or a past form in "-ed") or where
        someone works ("at", "from"): someone's. Not a town's name, nor a name opening sentences
        as a word ("Young")."""
        lower, after = first.lower(), following.lower()
        return (recognizers.plainly_a_name(lower) and lexicon.zipf(lower) < lexicon.SENTENCE_WORD_ZIPF
                and lower not in self.places
                and lower not in self.openers and not self.ordinary(first)
                and (after in ("at", "from") or after in recognizers.words_set("verbs_after_a_name")
                     or after.endswith("ed") and after.isalpha() and len(after) > 4))

    def rare(self, word: str) -> bool:
        """A word few English texts use: at a sentence start, probably a name ("Listenly", "Tunde")."""
        inflected = _INFLECTED.search(word.lower())
        return lexicon.is_rare(word) and not (inflected and lexicon.zipf(word.lower()) > lexicon.SCARCELY_ENGLISH_ZIPF)

    # ------------------------------------------------------------ recognizers

    def find(self, doc, protected: list[tuple[int, int]], text: str | None = None) -> list[Finding]:
        """Rule-based findings on a tokenised Doc (no model needed). ``text``: the doc's text
        if the caller has it (``doc.text`` is joined from the tokens at every call)."""
        text = doc.text if text is None else text
        findings = [*self.capitalised(doc, protected, text), *self.titles(text), *self.roles(text), *self.named_in_quotes(text),
                    *(Finding(m.start("name"), m.end("name"), "PERSON", 0.8, "called") for m in _CALLED.finditer(text)),
                    *(Finding(m.start("name"), m.end("name"), "LOC", 0.7, "district") for m in _DISTRICT.finditer(text))]
        return self._allowed(doc, findings, protected, text)

    def entity_findings(self, doc, protected: list[tuple[int, int]]) -> list[Finding]:
        """The model's entities, on a Doc the entity recognizer has run over."""
        return self._allowed(doc, list(self.entities(doc)), protected)

    def _allowed(self, doc, findings: list[Finding], protected, text: str | None = None) -> list[Finding]:
        if not findings:
            return []
        text = doc.text if text is None else text  # joined from the tokens at every call: read once
        protected = recognizers.Spans(protected)
        allowed = []
        for f in findings:
            # A public term with a clitic is still the term: "TUPE'd", "the NHS's".
            clitic = _CLITIC.search(text, f.start, f.end)
            end = clitic.start() if clitic else f.end
            said = text[f.start:end].strip(" .,'’").lower()
            # (a greeting alone where a sentence opens or before a pause: "Diolch yn fawr", "Hiya,";
            # elsewhere it may be someone's surname: "I worked with Dear for years")
            greeting = said in GREETINGS and (
                _A_SENTENCE_OPENS_BEFORE.search(text, max(0, f.start - 40), f.start) is not None
                or text[end:end + 1] in (",", "!", "."))
            if not protected.holds(f.start, end) and said not in self.keep and said not in GRAMMAR_WORDS \
                    and said not in _NO_ONES_SOUNDS \
                    and not greeting:
                allowed.append(f)
        return allowed

    def undecided(self, doc, text: str | None = None) -> Iterator[tuple[int, int]]:
        """Character spans of sentences opening with a capitalised word that may be a name."""
        text, last_end = doc.text if text is None else text, -1
        for i, capital in enumerate(capitalised_flags(doc, text)):
            if not capital:  # most tokens: passed over without making a Token of each
                continue
            token = doc[i]
            if token.idx < last_end or not self.sentence_initial(doc, i):
                continue
            word = token.text
            if word.lower() in STOP_WORDS or self.ordinary(word) or len(word) < 2:
                continue
            if lexicon.zipf(word.lower()) >= lexicon.SENTENCE_WORD_ZIPF and word.lower() not in self.first_names:
                continue
            start = max(text.rfind(". ", 0, token.idx), text.rfind("? ", 0, token.idx),
                        text.rfind("! ", 0, token.idx), text.rfind("\n", 0, token.idx))
            start = start + 1 if start >= 0 else 0
            ends = [e for e in (text.find(". ", token.idx), text.find("? ", token.idx), text.find("\n", token.idx))
                    if e >= 0]
            end = min(ends) + 1 if ends else len(text)
            # The model needs a little context beyond one word.
            end = min(len(text), max(end, token.idx + 80))
            # Never cut a word (or a public term read whole) at the snippet's end: "the H"
            # of "the House of Lords" is no workplace.
            while end < len(text) and not text[end].isspace():
                end += 1
            last_end = end
            yield start, end

    def capitalised(self, doc, protected: list[tuple[int, int]] = (), text: str | None = None) -> Iterator[Finding]:
        """``protected``: the public terms' spans; a word beside one in title capitals may be
        said of it ("Zoom Burnout", ``said_of_a_title``). ``text``: the doc's, if the caller has it."""
        i, n = 0, len(doc)
        public_tokens = {t.i for a, b in protected for t in doc.char_span(a, b, alignment_mode="expand") or ()} \
            if protected else set()
        text = doc.text if text is None else text  # (joined from the tokens at every call: read once)
        capital = capitalised_flags(doc, text)
        while i < n:
            if not capital[i]:  # most tokens: nothing below applies to them
                i += 1
                continue
            token = doc[i]
            starts_place = (token.lower_ in _OPENS_A_PLACE and i + 1 < n
                            and self.is_capitalised(doc[i + 1]) and not self.ordinary(doc[i + 1].text))
            # A given name that is also a listed word, before a surname no list knows: "June
            # Haldane", "April Okoro" (not "May Day", "June 2019"); or before one that is a word
            # and is a surname there ("April White said", surname_after).
            starts_name = (token.lower_ in self.first_names and i + 1 < n and self.is_capitalised(doc[i + 1])
                           and not doc[i + 1].is_upper and doc[i + 1].is_alpha and "\n" not in token.whitespace_
                           and (not self.ordinary(doc[i + 1].text) and not lexicon.is_ordinary(doc[i + 1].lower_)
                                or self.ordinary(token.text) and self.surname_after(doc, i + 1)))
            alone = self.named_alone(doc, i) or self.named_after_a_title(doc, i) \
                or self.a_period_named_venue(doc, i, text) or self.a_workplace_at_the(doc, i) \
                or self.given_name_of_a_public_body(doc, i, public_tokens)
            if not self.is_capitalised(token) or len(token.text) == 1 and not _letter_hyphened_on(doc, i) \
                    or token.text.lower() in TITLES or self.a_word_opening_a_quotation(doc, i, text) \
                    or (self.ordinary(token.text) and not starts_place and not starts_name and not alone
                        and not self.surname_after(doc, i)) \
                    or (i + 1 < n and doc[i + 1].text[:1].isdigit() and not token.whitespace_ == ""
                        and not self.named_before_a_figure(token, doc[i + 1])) \
                    or self.lettered(doc, i):  # "Step 2", "Ward 7", "Plan B"
                # (a number in words after a name is what is said of it: "at Quarrowby one night")
                i += 1
                continue
            # Join "Heeley Community Counselling", "Kelly-Ann", "Coleg y Bont", "Rose Green".
            j = i + 1
            described = 0  # (where what a centre is for ends, if it is said: no word of it is trimmed below)
            things = False  # (two things joined by "and" name a workplace, not a person: "Roots and Wings")
            while j < n and not self.ends_sentence(doc, j - 1):
                if self.is_capitalised(doc[j]) and "\n" not in doc[j - 1].whitespace_ \
                        and (not self.ordinary(doc[j].text) or self.surname_after(doc, j)
                             or _a_label_without_its_number(doc, j) and j - 1 not in public_tokens):
                    j += 1
                elif (doc[j].text in CONNECTORS and j + 1 < n and self.is_capitalised(doc[j + 1])
                      and "\n" not in doc[j].whitespace_
                      and (doc[j].text != "-" or _hyphened_on(doc, j + 1))
                      and (doc[j].text not in _PATRONYMICS or _a_patronymic(self, doc, j))
                      and not self.someone_of_a_public_body(doc, i, j, public_tokens)):
                    j += 2  # (a dash with a space is a pause: "Employer - Thistle" is a label and a name)
                elif (self.is_capitalised(doc[j]) and j + 1 < n and self.is_capitalised(doc[j + 1])
                      and not self.ordinary(doc[j + 1].text) and "\n" not in doc[j].whitespace_
                      and "\n" not in doc[j - 1].whitespace_ and not doc[j].is_upper
                      and not self.ends_sentence(doc, j)):
                    j += 2  # a listed word inside a name joins it: "New Leaf Wellbeing"
                elif (doc[j].text == "and" and j == i + 1 and j + 1 < n and "\n" not in doc[j].whitespace_
                      and "\n" not in doc[j - 1].whitespace_ and self.two_things_in_a_name(doc, j, public_tokens)):
                    j, things = j + 2, True  # "Walk and Talk Rotherham", "Roots and Wings": one name of two things
                elif (doc[j].lower_ == "and" and j == i + 1 and j + 1 < n and "\n" not in doc[j].whitespace_
                      and "\n" not in doc[j - 1].whitespace_ and self.a_trust_named_after(doc, j, public_tokens)):
                    j += 2  # the places a health body serves: "Quarrowby and Fenwold Mental Health NHS Trust"
                elif (doc[j].lower_ == "and" and j + 1 < n and lexicon.is_workplace_kind(doc[j - 1].lower_)
                      and doc[j + 1].lower_ in ORG_WORDS and self.is_capitalised(doc[j + 1]) and not doc[j + 1].is_upper
                      and "\n" not in doc[j].whitespace_ and "\n" not in doc[j - 1].whitespace_):
                    j += 2  # a workplace's kinds joined by "and": "Penhallow Counselling and Therapy",
                    # "Marstow Advocacy and Therapy"
                elif (doc[j].lower_ in ("'s", "’s") and not doc[j - 1].whitespace_ and j + 1 < n
                      and "\n" not in doc[j].whitespace_ and self.is_capitalised(doc[j + 1])
                      and doc[j + 1].lower_ in ORG_WORDS):
                    j += 2  # a name and its kind across a possessive are one: "St Bede's Hospice"
                elif doc[j].lower_ == "for" and doc[j - 1].lower_ in ORG_WORDS and "\n" not in doc[j].whitespace_ \
                        and _named_before_its_kind(doc[i:j], public_tokens) \
                        and (described := _what_it_is_for(doc, j + 1, self.is_capitalised, public_tokens)) > j + 1:
                    j = described  # what a named centre or trust is for, capitalised, is its name's:
                    # "the Kestrel Centre for Family Therapy" (not "Kestrel Centre for Christmas", "the
                    # Day Centre for Older Adults", "the NHS Trust for Mental Health")
                else:
                    break
            # A place of several words the gazetteer knows is read whole, even when its last
            # words are ordinary ones or surnames ("Wood Green", "Golders Green").
            for m in (3, 2):
                if i + m <= n and j < i + m and all(self.is_capitalised(t) for t in doc[i:i + m]) \
                        and " ".join(t.lower_ for t in doc[i:i + m]) in self.places \
                        and not any("\n" in t.whitespace_ or self.ends_sentence(doc, t.i) for t in doc[i:i + m - 1]):
                    j = i + m
                    break
            span = doc[i:j]
            while len(span) > 1 and span.end > described and (
                    self.ordinary(span[-1].text) and span.text.lower() not in self.places
                    and not self.surname_after(doc, span.end - 1) and not _hyphened_on(doc, span.end - 1)
                    and not _a_label_without_its_number(doc, span.end - 1)
                    or span[-1].text in CONNECTORS):
                span = span[:-1]  # (a word hyphened on stays: "Talk-Well"; no name ends in "-" or "of")
            if span[0].lower_ in HYPHEN_PREFIXES and len(span) == 3 and _hyphened_on(doc, span.end - 1) \
                    and self.ordinary(span[-1].text):
                i = j  # a prefix on an ordinary word ("Non-Executive Director", "Ex-Staff"): no name
                continue
            initial = self.sentence_initial(doc, i)
            if initial and len(span) == 2 and span[0].lower_ in _NAME_OPENERS \
                    and span[1].lower_ in _TURNS_AN_OPENER_SAYS:
                i = j  # "Next Term", "Last Weekend", "Next Question": an order's word and the turn it says
                continue
            # "The Limes", "In IAPT", "My GP", "Hi Nadia": a common word or a greeting opening the
            # sentence is not part of the name (a greeting says what follows is one).
            # An article goes after an opening quote too ("'The DWP system'"; "Still Here" stays).
            while len(span) > 1 and not _letter_hyphened_on(doc, span.start) and (
                    (span[0].lower_ in STOP_WORDS or span[0].lower_ in GREETINGS
                     or span[0].lower_ in CLAUSE_OPENERS or self.said_before_a_name(span))
                    and not self.opens_a_name(span, public_tokens) if initial
                    else span[0].lower_ in ("the", "a", "an")):
                span = span[1:]
                initial = False
            if len(span) > 2 and span[1].lower_ == "of" and span[0].text in recognizers.role_abbreviations():
                span = span[2:]  # a post's letters before "of" are no part of the name: "CEO of Reach"
                initial = False
            if _letter_hyphened_on(doc, span.start) and len(span) <= 3:
                i = span.start + 1  # a letter hyphened on to a word opens only a longer name ("B-Well
                continue  # Counselling"); alone, the word is read as any other ("N-Gage"; engine.a_letter_and_a_word)
            shouted = len(span) > 1 and all(t.is_upper or not any(map(str.isalpha, t.text)) for t in span)
            if shouted and self.a_workplace_in_capitals(doc, span, text):
                yield Finding(span.start_char, span.end_char, "ORG", 0.7, "capitalised")
                i = j
                continue
            if shouted:
                # SHOUTED WORDS: only the runs of words English rarely uses are names ("DERVLA SAID NO");
                # a hyphen is no letter of one ("WE HAD CORE-OM", "THE IES-R SCORES"), but a word
                # hyphened to a name is the name's ("QUENNELL-HART", "KELLY-ANN").
                run = []
                for t in [*span, None]:
                    hyphened = run and t is not None and run[-1].i == t.i - 2 and _hyphened_on(doc, t.i)
                    if t is not None and t.is_alpha and (hyphened or _surnames_hyphened(doc, t.i) or (
                            not lexicon.is_ordinary(t.lower_) and not self.plural_of_a_word(t.lower_)
                            and not (self.english_in_capitals(t.lower_) and not self.after_a_given_name(doc, t.i))
                            and not recognizers.ordinary_weekday(t.text))):
                        run.append(t)
                    elif run and t is not None and t.text == "-" and not t.whitespace_ and not run[-1].whitespace_:
                        continue  # a hyphen after a name: the word after it decides
                    elif run:
                        sub = doc[run[0].i:run[-1].i + 1]
                        yield Finding(sub.start_char, sub.end_char, self.classify(doc, sub), 0.7, "capitalised")
                        run = []
                i = j
                continue
            words = [t.text for t in span if t.text not in CONNECTORS]
            if all(self.ordinary(w) for w in words) and not self.surname_after(doc, span.end - 1) and not alone:
                i = j
                continue
            if len(words) > 2 and all(w.lower() in STOP_WORDS for w in words) \
                    and not any((lexicon.english_given_name_weight().get(w.lower()) or 0) >= 2 for w in words) \
                    and not (span.start > 0 and doc[span.start - 1].lower_ in _BEFORE_A_NAME_OF_SMALL_WORDS):
                i = j  # "I Was Just So Done With It All": capitals for a stress, on words of grammar alone
                # (not with a given name Britain uses among them, "I Was With Will", "Only May Was On";
                # nor after a word placing a service there: "referred him to You Are Not Alone")
                continue
            if len(words) == 1 and words[0].lower() in ORG_WORDS and not self.name_before_a_kind(doc, span, capital) \
                    and recognizers.figure_opening_a_name(text, span.start_char, span.end_char) == span.start_char:
                i = j  # a workplace's kind alone names none: "Head of Nursing", "6 Counselling sessions"
                continue  # (a figure may open a name with it: "360 Recovery is small")
            if self.counted_by_a_figure(doc, span, words):
                i = j  # "the 2nd Floor", "1st Year students", "6 Sessions", "Day 2 Training"
                continue
            if all(w.lower() in _FUNCTIONS_OF_A_POST for w in words) and (
                    post := _A_POST_OVER.search(text, max(0, span.start_char - 50), span.start_char)) \
                    and all(w.lower() in _FUNCTIONS_OF_A_POST for w in post.group("more").split()) \
                    and not _A_WORKPLACE_SET_APART_AFTER_A_POST.match(text, span.end_char):
                i = j  # what a post is over: "Head of People", "Director of Operations", "Lead for Quality"
                continue  # (not a workplace said to be one: "Director of Access Health, a tiny charity")
            kind = [w.lower() for w in words if not is_public_acronym(w)]
            if span.start > 0 and doc[span.start - 1].lower_ in ("a", "an", "another", "any", "every") and (
                    all(w in ORG_WORDS or w in KINDS_AFTER_A_NAME for w in kind)
                    or " ".join(kind) in KINDS_AFTER_A_NAME) \
                    and not (span.end < n and doc[span.end].lower_ in ORG_WORDS):
                # "an NHS Foundation Trust", "a Care Group": a kind of workplace, said of none
                # ("a Minds Together group" names one)
                i = j
                continue
            if initial and len(span) == 2 and is_public_acronym(span[1].text) and span[0].lower_ in ASKED_OF_SOMEONE \
                    and span[0].lower_ not in lexicon.surnames():
                i = j  # "Quote NHS number", "Email HMRC": an order opening the sentence, then a public body
                continue  # ("Harbour CCG" names a local service; "Ring DWP" may be someone's surname: they go)
            if self.subject_of_study(doc, span, words):
                i = j  # "a Masters in Counselling", "an MSc in Social Work": the subject studied
                continue
            if len(words) > 1 and words[-1].lower() in _IDEA_ENDINGS and self.english_words(words) \
                    and (words[-1].lower() not in _COURSE_ENDINGS or all(map(lexicon.is_field_word, words[:-1]))):
                i = j  # "Compassion Fatigue", "The Recovery Model", "Key Performance Indicators"
                continue
            if self.a_room_of_words(doc, span, words):
                i = j  # "in the Training Room", "the Lavender Room": a room of a building, named by words
                continue
            if len(span) == 1 and (span[0].lower_ in ROLE_WORDS or span[0].lower_ in _MORE_JOBS
                                   or span[0].lower_ in _QUALIFICATIONS or span[0].lower_ in PLACE_KINDS) \
                    and span.start > 0 and doc[span.start - 1].lower_ in DETERMINERS:
                # "a Psychiatrist", "the Registrar", "my Supervisor": the job, capitalised;
                # "the Café", "the Hub", "the Canteen": the place of that kind
                i = j
                continue
            if len(words) > 1 and words[-1].lower() in JOB_NOUNS and all(lexicon.is_ordinary(w) for w in words[:-1]) \
                    and not any((lexicon.english_given_name_weight().get(w.lower()) or 0) >= 2 for w in words[:-1]) \
                    and not self.group_named(doc, span, words):
                i = j  # a job title ("Team Leader"; "Faith Leader", a name given in Britain before it, is someone)
                continue
            if self.said_of_a_title(doc, span, words, public_tokens):
                i = j
                continue
            if len(span) == 1 and len(span.text) > 1 and (span[0].is_upper or (
                    # the plural of a public acronym or a job's letters; "KTs car" is someone's
                    _ACRONYM_PLURAL.fullmatch(span.text) and (is_public_acronym(span.text[:-1])
                                                              or span.text[:-1] in recognizers.role_abbreviations()))):
                # An acronym: left to the model's entities and the role rule; but in a shouted
                # line a long word no word list knows is a name ("MY EMPLOYER (QUILLBROOK) NEVER").
                score = 0.7 if self.shouted_name(doc, span[0]) or labels_a_speakers_turn(
                    text, span.start_char, span.end_char) else 0.0
            elif not initial:
                score = 0.8
            elif len(words) > 1 and (not self.ordinary(words[0]) or starts_name):
                score = 0.7
            else:
                first = span[0].text
                following = doc[i + 1].text if i + 1 < n else "."
                common = first.lower() in STOP_WORDS or lexicon.is_everyday(first)
                if alone or first.lower() in self.first_names and following.lower() in NAME_FOLLOWERS and not common:
                    score = 0.7
                elif len(span) == 1 and (self.given_name_before_its_verb(first, following)
                                         or labels_a_speakers_turn(text, span.start_char, span.end_char)):
                    score = 0.7  # "Toby at the hostel used to ring", "Sal got me through it", "Hope: Me too."
                elif first.lower() in self.first_names and len(span) == 1 and someone_said_after(
                        text, span.end_char, from_a_body=lexicon.zipf(first.lower()) < lexicon.COMMON_WORD_ZIPF
                        and first.lower() not in recognizers.words_set("word_names")):
                    score = 0.7  # "Sterling from the night shift said", "Will, our HCA, said", "Hugo from
                    # Kent Police came" (not "Grant from the council ran out", "Price from the agency")
                elif span.text.lower() in self.places and following in (".", ",", "!", "?") and not common:
                    score = 0.7  # a town said alone: "Birmingham."
                elif self.rare(first) and span[0].is_alpha:
                    score = 0.6
                elif following in ("'s", "’s") and i + 2 < n and doc[i + 2].lower_ in _SAID_OF_A_POSSESSIVE \
                        and not common and not lexicon.is_ordinary(first.lower()) and span[0].is_alpha:
                    score = 0.6  # "Carver's was a nightmare": a possessive said alone is someone's or their firm's
                else:
                    score = 0.0
            if len(span) == 1 and (len(span.text) == 1 or _INITIALS.fullmatch(span.text)
                                   and self.ends_sentence(doc, span.end - 1)):
                score = 0.0  # a letter alone: of a name spelled out ("... O-N. One N in the middle")
            if span.end < n and not doc[span.end - 1].whitespace_ and doc[span.end].text[:1].isalpha():
                score = 0.0  # a word the tokenizer split ("Wed." as "We" "d.", "Cannot"): no name ends inside one
            if score:
                # The full stop ending the sentence is not the name's ("Calmer Minds Ltd.").
                end = span.end_char - (1 if self.ends_sentence(doc, span.end - 1) else 0)
                if not initial and self.opens_the_name(doc, span):
                    span = doc[span.start - 1:span.end]  # (its kind read with the word: "Blue Door")
                kind = "ORG" if things and any(t.lower_ == "and" for t in span) else self.classify(doc, span)
                yield Finding(span.start_char, end, kind, score, "capitalised"
                              if not initial else "sentence-start")
            i = j

    def lettered(self, doc, i: int) -> bool:
        """'Plan B', 'Option A', 'Team C': a word the ordinary list holds for its number, then a
        capital letter alone ending the words, its label as a figure would be ("Plan 2"); not
        where the name goes on ("Unit B Studios")."""
        return doc[i].lower_ in _NUMBERED and i + 1 < len(doc) and _A_LETTER_LABEL.fullmatch(doc[i + 1].text) \
            and doc[i].whitespace_ == " " \
            and not (i + 2 < len(doc) and self.is_capitalised(doc[i + 2]) and not doc[i + 2].is_sent_start)

    def named_before_a_figure(self, token, figure) -> bool:
        """A capitalised word a figure follows that is a name, not a word the figure numbers or
        counts ("Step 2", "Lates 3", "Referrals 12"): a given name or a surname of the lists, or
        of a clan's prefix, that is no common word ("I saw Zainab 2 weeks ago", "rang Okonkwo 3
        times", "McAllister 3 times"); before a year, as a CV dates a post, a word English hardly
        uses, nor in the singular ("Worked for Ashgrove 2015-2019"; before a dose or a count it is
        as often a medicine's or a pastime's short name, "Sert 50", "Bodypump 3 times"). Not a
        day's or a month's short form ("Thu 12", "Jan 2020"), nor a product's name with a capital
        inside ("HeadSpace 10 mins")."""
        lower = token.lower_
        if _DAY_OR_MONTH_SHORT.fullmatch(token.text):
            return False
        if recognizers.commonly_given(lower):
            return True  # "I rang David 3 times", "Emma 2 weeks later": common, and no word
        if self.ordinary(token.text) or lexicon.is_ordinary(lower):
            return False
        if lower in self.first_names or lower in lexicon.surnames():
            return True
        if (clan := _CLAN_PREFIXED.match(token.text)) and lexicon.is_rare(token.text[clan.end() - 2:]):
            return True  # "McAllister", "MacKinnon"; not a product so named, "McFlurry" ("flurry")
        singular = _singular(lower)
        return _A_YEAR.match(figure.text) is not None and not re.search(r"[a-z][A-Z]", token.text) \
            and lexicon.zipf(lower) < lexicon.HARDLY_USED_ZIPF and lexicon.zipf(singular) < lexicon.HARDLY_USED_ZIPF

    def opens_the_name(self, doc, span) -> bool:
        """'Blue Door pays well', 'Next Chapter took over': an ordinary word opening the
        sentence straight before a name found after it is the name's first word (the rules
        leave an ordinary word there alone, and "Blue" was published). Not a small word, a
        word opening a clause, a greeting, an order, a title, an adverb, a time ("Then Harbour
        rang", "Hi Nadia", "Tell Orla", "Yesterday Harbour rang", "Left Ashcombe Lodge"; a greeting
        of a time of day opens a workplace's, "Morning Harbour Foundation"), nor an ordinary word before
        a given name no word is ("Poor Tamsin"); a word of which one still opens it ("Next")."""
        k = span.start - 1
        if k < 0:
            return False
        before, lower = doc[k], doc[k].lower_
        if lower in STOP_WORDS and lexicon.english_given_name_weight().get(lower) and len(span) == 1 \
                and self.sentence_initial(doc, k) and before.text == lower.title() and before.whitespace_ == " " \
                and (span[0].lower_ in lexicon.surnames() or lexicon.is_rare(span[0].lower_)) \
                and not lexicon.is_everyday(span[0].lower_) \
                and span[0].lower_ not in self.places and span[0].lower_ not in recognizers.public_lower() \
                and re.match(_A_NAME_VERB, doc.text[span.end_char:]):
            # a given name that is a modal too, before a surname and what someone did: "Will Ashdown
            # was the lead" (a modal's question goes on with a verb's bare form: "Will Ashdown come?",
            # "May Jones's mother come in?"; an everyday word after it is a thing: "May Ball was fun")
            return True
        if not self.sentence_initial(doc, k) or not self.is_capitalised(before) or before.is_upper \
                or before.whitespace_ != " " or not lexicon.is_ordinary(lower) \
                or span[0].lower_ in self.first_names and not lexicon.is_ordinary(span[0].lower_):
            return False
        greets = lower in GREETINGS and not (lower in _TIMES_OF_DAY and span[-1].lower_ in ORG_WORDS)
        return not (lower in STOP_WORDS and lower not in _WHICH_OPENS or lower in CLAUSE_OPENERS or greets
                    or lower in ASKED_OF_SOMEONE or lower in TITLES or lower.endswith("ly")
                    or lower in _TIMES_SAID_ALONE or lower in _INTERJECTIONS
                    or lower in recognizers.PLACING_VERBS and len(span) >= 2
                    and not lexicon.is_ordinary(span[0].lower_))

    @staticmethod
    def of_the_job(word: str) -> bool:
        """A word of a job title or of the field: "psychiatrist", "senior", "caseload"."""
        return word in ROLE_WORDS or word in JOB_MODIFIERS or lexicon.is_field_word(word)

    def said_of_a_title(self, doc, span, words: list[str], public_tokens: set[int]) -> bool:
        """Ordinary words in title capitals beside a public name or a job title, which the
        run cut off: "Consultant Psychiatrist", "Senior Psychological Practitioner", "Zoom
        Burnout", "Placement and Volunteer Coordinator". Words of a job or of the field after a
        public name or a title ("Consultant", "Senior", "NHS"), or ordinary words before a job
        noun, say what someone is or what is said of the public body, not who. A rare word is
        still a name ("Consultant Okafor", "Quillmere Support Worker"), and so is a surname
        after a title ("Matron Ashby"); an everyday noun after a public name may be a local
        workplace's ("Mind Lantern"), and stays a name, but a room or an office after its letters
        or its figure is the public body's ("the Section 136 Suite", "the DWP Office"; not after a
        word, "the Surrey Suite", "the Spill Rooms" may be a business's; nor "Band 7 Park", someone)."""
        start, end, n = span.start, span.end, len(doc)
        before = None
        while start < end and start in public_tokens:  # a public name the run began with: "Zoom Burnout"
            start, before = start + 1, "public"
        if start == end:
            return False
        lowered = [t.lower_ for t in doc[start:end] if t.text not in CONNECTORS]
        k = start - 1
        if before is None and k >= 0 and "\n" not in doc[k].whitespace_ and not self.ends_sentence(doc, k) \
                and (self.is_capitalised(doc[k]) or k in public_tokens and doc[k].like_num):  # ("Section 136")
            if k in public_tokens:
                before = "public"
            elif doc[k].lower_ in ROLE_WORDS | JOB_MODIFIERS and self.ordinary(doc[k].text):
                before = "title"
        if before and all(self.of_the_job(w) for w in lowered):
            return True
        if before == "public" and len(lowered) == 1 and (lowered[0] in _ROOM_WORDS or lowered[0] == "office") \
                and (doc[start - 1].is_upper or doc[start - 1].like_num):
            return True  # the public body's room or office: "the Section 136 Suite", "the DWP Office"
        # The capitalised words after the span, to a job noun: "Volunteer [Coordinator]".
        m = end
        while m < n and "\n" not in doc[m - 1].whitespace_ and not self.ends_sentence(doc, m - 1) and (
                self.is_capitalised(doc[m]) and (self.ordinary(doc[m].text) or self.of_the_job(doc[m].lower_)
                                                 or lexicon.is_ordinary(doc[m].lower_))
                or doc[m].lower_ in ("and", "&") and m + 1 < n and self.is_capitalised(doc[m + 1])):
            m += 1
        after = [t.lower_ for t in doc[end:m] if t.lower_ not in ("and", "&")]
        return bool(after) and after[-1] in JOB_NOUNS | ROLE_WORDS and all(
            lexicon.is_ordinary(w) or self.of_the_job(w) for w in lowered) \
            and not any(w in self.first_names or w.title() in self.surnames for w in lowered) \
            and not self.group_named(doc, doc[start:m], [t.text for t in doc[start:m]])

    @staticmethod
    def group_named(doc, span, words: list[str]) -> bool:
        """'Fair Pay Counsellors', a campaign or a network: ordinary words before a plural
        of people, none of them saying what kind of worker ("Peer Support Workers", "Senior
        Practitioners"), and no article, possessive or number before ("our Trainee
        Counsellors", "three Senior Nurses"): a group named as one, not a job title. So is a
        firm named for its people ("Partners": a "firm" of data/workplace_kinds.txt) and a word
        no job has ("Optimum Care Partners"; "Care Partners" are staff)."""
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        last = words[-1].lower()
        of_a_job = [w.lower() in JOB_MODIFIERS or w.lower() in JOB_NOUNS for w in words[:-1]]
        named = not any(of_a_job) or (last in lexicon.workplace_kinds("firm") and not all(of_a_job))
        return last.endswith("s") and named and before not in DETERMINERS \
            and not (span.start > 0 and doc[span.start - 1].like_num)

    def entities(self, doc) -> Iterator[Finding]:
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
                continue
            span = ent
            while len(span) and (span[0].lower_ in ("the", "a", "an") or self.ordinary(span[0].text)
                                 or len(span) > 1 and span[0].lower_ in CLAUSE_OPENERS
                                 or span[0].lower_ in TITLES or not span[0].text[:1].isalpha()
                                 or len(span) > 1 and self.sentence_initial(doc, span.start)
                                 and self.said_before_a_name(span)):  # "Remind Tamsin"
                span = span[1:]
            while len(span) and (span[-1].text in ("'s", "’s", ".", ",") or self.ordinary(span[-1].text)
                                 and not (len(span) > 1 and self.surname_after(doc, span.end - 1))):
                span = span[:-1]
            if not len(span) or not any(self.is_capitalised(t) for t in span):
                continue
            # The model often calls a capitalised word at a sentence start a name: trust it
            # only for words a dictionary does not know well.
            if len(span) == 1 and self.sentence_initial(doc, span.start) and not self.rare(span.text) \
                    and span.text.lower() not in self.first_names:
                continue
            kind = {"PERSON": "PERSON", "ORG": "ORG"}.get(ent.label_, "LOC")
            if kind != "PERSON":
                kind = self.classify(doc, span, default=kind)
            yield Finding(span.start_char, span.end_char, kind, 0.75, "spacy-ner")

    def titles(self, text: str) -> Iterator[Finding]:
        for m in _TITLE.finditer(text):
            end = m.end()
            words = m.group().split()
            last = words[-1].rstrip(".")
            if words[0] in ("Sister", "Matron") and (
                    last.lower() in STOP_WORDS or is_public_acronym(last) or recognizers.letters_said_for_a_thing(last)
                    or lexicon.is_ordinary(last.lower()) and last.lower() not in lexicon.surnames()):
                continue  # a ward's post, not its holder: "Sister I spoke to", "Sister AMU", "Matron On Call"
            if m.group()[0].islower():
                # (typed in lower case: "e.g." and "i.e." are no initials; an English word
                # after the initials is the sentence's, "dr a. said no")
                if re.search(r"\b(?:e\.\s?g|i\.\s?e)\.", m.group()):
                    continue
                # (a surname that is a word too stays the name's: "mrs j. walker", "mr p. green")
                if last in STOP_WORDS or last in recognizers.words_set("verbs_after_a_name") \
                        or lexicon.is_ordinary(last) and last not in lexicon.surnames():
                    end = m.start() + m.group().rindex(words[-1]) - 1
            elif last in self.words and last not in self.surnames and len(words) > 2:
                end = m.start() + m.group().rindex(words[-1]) - 1
            yield Finding(m.start(), end, "PERSON", 0.9, "title")

    def named_in_quotes(self, text: str) -> Iterator[Finding]:
        """'We called it "Quillhouse"': a name given in quotes is a group's or a service's;
        not one everyday word ("we called him 'Boss'" is what he was called)."""
        for m in _NAMED_IN_QUOTES.finditer(text):
            words = [w for w in m.group("name").split() if w not in CONNECTORS | {"and", "the"}]
            # One everyday word is a nickname ("we called it 'Hell'"), not a name of its own.
            if len(words) > 1 or not lexicon.is_ordinary(words[0].lower()):
                yield Finding(m.start("name"), m.end("name"), "ORG", 0.7, "named-in-quotes")
        quoted = any(q in text for q in "\"'“‘")
        for m in _RENAMED_IN_QUOTES.finditer(text) if quoted else ():
            # (not a post, a day's slogan or one everyday word: "they were 'Team Leader'",
            # "it was 'Wellbeing Wednesday'", "we were 'The Bubble'")
            words = [w.lower() for w in m.group("name").split() if w not in CONNECTORS | {"and", "the", "The"}]
            if (len(words) > 1 or not lexicon.is_ordinary(words[0])) \
                    and not any(w in ROLE_WORDS or w in _MORE_JOBS or recognizers.ordinary_weekday(w.title())
                                for w in words) \
                    and words[0] not in ("head", "acting", "interim", "deputy") \
                    and m.group("name").lower() not in recognizers.public_lower():
                yield Finding(m.start("name"), m.end("name"), "ORG", 0.7, "named-in-quotes")
        for m in _PLACED_IN_QUOTES.finditer(text) if quoted else ():
            # (a name in capitals quotes what was said in a line so typed, as often as a name;
            # quotes round people or a kind of service say what they are called: 'put with
            # "Wellbeing Coaches"', 'for "Trust"')
            name = m.group("name")
            words = name.lower().split()
            people = words[-1] in JOB_NOUNS or words[-1].endswith("s") and lexicon.is_ordinary(words[-1][:-1])
            if name.lower() not in recognizers.public_lower() and not name.isupper() and not people \
                    and not all(w in recognizers.kind_words() or w in recognizers.service_words() for w in words):
                yield Finding(m.start("name"), m.end("name"), "ORG", 0.7, "named-in-quotes")

    def roles(self, text: str) -> Iterator[Finding]:
        for pattern in (_ROLE_BEFORE, _ROLE_AFTER):
            for m in pattern.finditer(text):
                name = m.group("name")
                lower = re.sub(r"['’]s$", "", name.lower())
                if lower in STOP_WORDS:
                    continue
                if name.isupper() and len(name) <= 3:
                    ok = name not in self.words and lower not in self.keep and not is_public_acronym(name)
                elif initial := re.match(r"[A-Za-z]\.\s?", name):
                    # an initial and a surname ("my manager j. whitlow"): no word English uses after it
                    word = lower[initial.end():]
                    ok = word not in STOP_WORDS and ("-" not in word or not lexicon.is_ordinary(word.split("-")[0])) \
                        and word not in _VERBS_AFTER_A_NAME \
                        and (not lexicon.is_ordinary(word) or word in lexicon.surnames())  # ("my manager s. said no")
                else:
                    # A word English uses, typed in lower case where sentences open with
                    # capitals, is a name only where what follows shows one, as an everyday
                    # word is: "The manager rang me" (the verb), "the client till then".
                    # (not a given name that is also a word, ``word_names``: "my mentor grace helped")
                    word_here = lexicon.is_everyday(lower) or (
                        name.islower() and lexicon.is_ordinary(lower) and lower not in recognizers.words_set("word_names")
                        and _CAPITALISED_SENTENCE.search(text) is not None)
                    # (not a verb the role is the subject of, nor a thing of work the role names:
                    # "the manager said, literally", "a band 7 therapist job")
                    # (nor a past tense English forms otherwise before what it was done to, the
                    # role's verb: "my manager rang me", "my boss ate my lunch"; "my colleague won
                    # lee", "my colleague sang told me" name someone)
                    ok = lower in self.first_names and not self.ordinary(name) \
                        and not (name.islower() and lower in _IRREGULAR_PAST_TENSES
                                 and _WHAT_A_VERB_TAKES.match(text, m.end("name"))) and (
                        not word_here or name.islower() and (
                            _SAID_OF_SOMEONE.match(text, m.end("name")) or _surname_after(text, m.end("name")))
                        and not _A_THOUGHT_SAID.match(text, m.end("name"))
                        and (lower not in recognizers.words_set("verbs_after_a_name")
                             or lower in recognizers.words_set("word_names"))
                        and lower not in recognizers.words_set("things_of_work"))
                if ok:
                    yield Finding(m.start("name"), m.end("name"), "PERSON", 0.7, "role")

    # ------------------------------------------------------------ classification

    def said_of_a_workplace(self, doc, span) -> bool:
        """What is said around a name that only a workplace's takes: "a locum agency,
        Quillory Staffing"; "it's called Quillory", "a firm called Quillory"; "Quillory, which pays..." (not after a
        given name: "she's called Wren, which suits her"); "another Quillory therapist"; a
        name ending in an acronym ("Harrowgate EAP")."""
        before = [t.lower_ for t in doc[max(0, span.start - 4):span.start]]
        after = [t.lower_ for t in doc[span.end:span.end + 2]]
        given = span[0].lower_ in self.first_names  # "Tom FRY", "Shona Mackintosh": someone's
        if len(span) > 1 and re.fullmatch(r"[A-Z]{2,5}", span[-1].text) and not span[0].is_upper and not given:
            return True
        kind_noun = doc[span.start - 2] if span.start > 1 else None  # "an agency, ..."; not "... Service, Ines"
        if before[-1:] == [","] and kind_noun is not None and kind_noun.text in WORKPLACE_KINDS and not given:
            return True
        if before[-1:] == ["called"] and (before[-3:-1] in (["it", "'s"], ["it", "’s"], ["it", "is"], ["it", "was"])
                                          or not given and self.a_kind_called(before[:-1])):
            return True  # "it's called Quillory", "a firm called Quillory", "the charity's called Quillory"
        if (after[:1] == ["which"] or after[:2] == [",", "which"]) and not given:
            return True
        return bool(before[-1:]) and before[-1] in ("a", "an", "another", "every", "any") and bool(after) \
            and after[0] in JOB_NOUNS

    @staticmethod
    def a_kind_called(before: list[str]) -> bool:
        """Words before "called" saying a workplace is named so, not that one rang someone:
        "a firm", "a counselling charity", "the charity's", "the agency was" (not "the agency"
        called Jo)."""
        kind = max((i for i, w in enumerate(before) if w in WORKPLACE_KINDS), default=None)
        if kind is None:
            return False
        after = before[kind + 1:]
        if after in (["'s"], ["’s"], ["is"], ["was"]):
            return True
        return not after and any(w in ("a", "an", "another") for w in before[max(0, kind - 2):kind])

    def classify(self, doc, span, default: str | None = None) -> str:
        words = [t.lower_ for t in span]
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        before2 = doc[span.start - 2].lower_ if span.start > 1 else ""
        text = span.text.lower()
        if len(words) == 2 and words[1] in _one_word_charities() and words[0] in self.first_names \
                and span[0].text.istitle() and text not in self.places and before not in ORG_PREPOSITIONS | {"the"} \
                and not self.said_of_a_workplace(doc, span):
            # A given name, then a national charity's one-word name that is a surname too ("Carol
            # Mind", "Dennis Shelter"), placed at no workplace: someone ("Quarrow Mind", "at
            # Petra Mind" are branches).
            return "PERSON"
        if any(w in ORG_WORDS for w in words[1:]) or (len(words) == 1 and words[0] in ORG_WORDS):
            return "ORG"
        if re.search(r"[a-z][A-Z]", span.text):  # "CalmLine"; but "JaneDoe" runs a name together
            return "PERSON" if joined_name(span.text) else "ORG"
        if len(words) > 1 and words[0] in DIRECTIONS and before != "the":  # "North Yorkshire", "West Lothian"
            return "LOC"
        if len(span) > 1 and span[-1].text.title() in self.surnames and text not in self.places:
            # Only a name takes a surname word ("Rose Green", "Tunde Green", "Okafor-White"):
            # someone, unless a known place, even "in Rose Green" ("confided in Rose Green").
            # Taken for a place, a person would keep their names.
            return "PERSON"
        if any(" ".join(words[k:]) in KINDS_AFTER_A_NAME and (k < len(words) - 1 or span[-1].is_upper)
               for k in range(1, len(words))):
            # a public service's letters or a kind of several words after a name: "Sheffield
            # IAPT", "Hollin Care Home" (one word may be a surname: "Sarah Hall")
            return "ORG"
        if words[-1] in PLACE_WORDS and len(words) > 1:  # "Albert Road"
            return "LOC"
        if text in self.places and (before in PLACE_PREPOSITIONS | DIRECTIONS or words[0] not in self.first_names
                                    or lexicon.is_rare(words[0])):
            return "LOC"
        if before == "the" or (before in DIRECTIONS and before2 == "the"):
            return "ORG"
        if before in PLACE_PREPOSITIONS and words[0] not in self.first_names:
            return "LOC"
        if self.said_of_a_workplace(doc, span):
            return "ORG"
        if default:
            return default
        if before in ORG_PREPOSITIONS and words[0] not in self.first_names:
            return "ORG"
        given = lexicon.english_given_name_weight()
        if len(words) > 1 and all(lexicon.is_ordinary(w) and not given.get(w) and w.title() not in self.surnames
                                  for w in words):
            return "ORG"  # "Next Page", "Side Door": words of English, no name given in Britain nor surname
        return "PERSON"


def _a_patronymic(finder, doc, j: int) -> bool:
    """Whether "ap" or "ab" at ``j`` joins two given names ("Gethin ap Rhys"; not "Dev ab NHS",
    "Priya ab Unison", "Mind ap Was", typed for "about" or "app")."""
    before, after = doc[j - 1], doc[j + 1]
    return before.lower_ in finder.first_names and after.lower_ in finder.first_names \
        and not after.is_upper and not finder.ordinary(after.text)


# How a health body's name ends: after "NHS" ("... NHS Trust", "... NHS FT"), or alone.
_A_HEALTH_BODY_ENDS = frozenset({"trust", "ft"})
_A_HEALTH_BOARD_ENDS = frozenset({"icb", "ccg", "uhb"})

# What a verb takes straight after it: a pronoun, a determiner, a particle ("rang me", "ate my
# lunch", "rang up", "ran off"), never a name's surname, its verb or where it is ("sang in the office").
_WHAT_A_VERB_TAKES = re.compile(r"[ \t]+(?:me|us|him|her|them|it|you|the|a|an|my|our|his|their|your|this|that|up|off"
                                r"|out|down|away)\b")  # (not "in", "at", "on", "back": "my colleague sang in the office said")


def _a_question(doc, i: int) -> bool:
    """Whether the sentence the token ``i`` is in ends with a question mark ("Will grew staff
    numbers?" is asked)."""
    return next((t.text == "?" for t in doc[i:] if t.text in (".", "!", "?")), False)


def a_past_tense(word: str) -> bool:
    """A verb's past tense, what someone did: one English forms otherwise (data
    irregular_past_tenses: "got", "drove"), or an English verb and "-ed" ("moved", "stopped",
    "worked"; not a verb ending so, "need", "proceed", nor "-ed" of no verb, "bed")."""
    if word in _IRREGULAR_PAST_TENSES:
        return True
    if len(word) < 5 or not word.endswith("ed") or word.endswith("eed"):
        return False
    return any(len(stem) >= 3 and lexicon.is_ordinary(stem)
               for stem in (word[:-2], word[:-1], word[:-3] if word[-3] == word[-4] else ""))


_IRREGULAR_PAST_TENSES = recognizers.words_set("irregular_past_tenses")
# ... those after "Will" that only someone's past can be: not a past said of a thing before its
# noun as often ("Will paid breaks come back", "Will lost wages be repaid"), nor "-ed" ("Will
# trained staff be kept on").
_PAST_OF_SOMEONE = _IRREGULAR_PAST_TENSES - frozenset(
    "made kept lost paid sent spent found held led bought brought left broke sat struck woke fell".split())


@functools.lru_cache(maxsize=1)
def _one_word_charities() -> frozenset[str]:
    """National charities of one word ("mind", "shelter", "scope"): the charity groups of the public terms."""
    return frozenset(t.lower() for g in ("charities", "national_charities_and_helplines", "funders_and_charities")
                     for t in lexicon.public_group(g) if " " not in t.strip())


_CAMEL_PARTS = re.compile(r"(?<=[a-z])(?=[A-Z])")


def joined_name(word: str) -> bool:
    """'JaneDoe', 'TomaszBrennan': a given name and a surname run together by a capital
    (``given_then_surname``; "CalmLine" is a workplace's)."""
    parts = [p.lower() for p in _CAMEL_PARTS.split(word)]
    return len(parts) == 2 and given_then_surname(*parts)


def given_then_surname(given: str, after: str) -> bool:
    """Two words in lower case, run together or joined in an address or a file name: a given
    name that is no everyday word, then a surname or a word few English texts use."""
    return given in lexicon.first_names() and given not in STOP_WORDS and not lexicon.is_everyday(given) \
        and (after in lexicon.surnames() or lexicon.is_rare(after))


_PUBLIC_ACRONYMS: set[str] = set()


# What is said of a possessive standing alone for what someone owns or runs ("Carver's was
# a nightmare", "Ashby's paid cash"): a verb straight after it.
_SAID_OF_A_POSSESSIVE = recognizers.words_set("said_of_a_possessive")


@functools.lru_cache(maxsize=1)
def _said_to_be_a_workplace() -> re.Pattern:
    """What a name is said to be, straight after it: "is a crisis café", "was a small charity"
    (the kinds of workplace said before a name or a place, data/workplace_kinds.txt)."""
    kinds = lexicon.workplace_kinds("said-before") | lexicon.workplace_kinds("place")
    return re.compile(r"\s+(?:is|was|['’]s)\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?"
                      rf"(?:{recognizers.alternatives(kinds)})(?![\w'’-])", re.IGNORECASE)


def is_public_acronym(word: str) -> bool:
    if not _PUBLIC_ACRONYMS:
        _PUBLIC_ACRONYMS.update(t for t in lexicon.builtin_public_terms() if t.isupper())
    return word in _PUBLIC_ACRONYMS


def letters_of_their_own(letters: str) -> bool:
    """Capitals that say something of their own wherever they are, never someone's initials: a
    public body's, a job's, a department's or a panel's ("AP", "GP", "OT"), a small word ("IT"),
    a given name ("JO") or an everyday word ("AM") (engine.initials_of_someone,
    recognizers.initials_named_beside)."""
    lower = letters.lower()
    return is_public_acronym(letters) or lower in recognizers.public_lower() \
        or recognizers.letters_said_for_a_thing(letters) or recognizers.letters_of_roles_or_panels(letters) \
        or lower in STOP_WORDS or lower in lexicon.first_names() or lexicon.is_everyday(lower)


_DIRECTION_BEFORE = re.compile(rf"\b(?:{recognizers.alternatives(recognizers.which_or_where('before_a_place'))})"
                               rf"(?:[ -](?:{_COMPASS}))?[ -]$", re.IGNORECASE)


# A word that opens names of places and workplaces ("Royal", "Golden", "New": data pub_adjectives),
# written as the name after it is, straight before a workplace found without it ("ROYAL [OAK
# COUNSELLING]", "Golden [Leaf Care]"): the name's; not in another case ("the new [Oak Counselling]"),
# a number ("Two [Quarrow] staff left"), nor a capital opening a sentence ("New [Quarrow] staff").
_OPENING_A_PLACES_NAME = recognizers.alternatives(w for w in recognizers.words("pub_adjectives")
                                                   if not recognizers.a_number_in_words(w))
_NAME_OPENER_BEFORE = re.compile(rf"(?<![\w'’-])(?i:{_OPENING_A_PLACES_NAME}) $")
_A_SENTENCES_FIRST_WORD = re.compile(r"(?:^|[.!?:][ \t]+|\n[ \t]*)$")


def extend_directions(text: str, finding: Finding) -> Finding:
    """'south London': a compass word before a place belongs to it; 'ROYAL [OAK COUNSELLING]': a
    word opening names before a workplace (_NAME_OPENER_BEFORE)."""
    if finding.kind == "PERSON":
        return finding
    m = _DIRECTION_BEFORE.search(text, max(0, finding.start - 40), finding.start)  # not all the text before
    if m:
        return Finding(m.start(), finding.end, finding.kind, finding.score, finding.recognizer)
    opener = _NAME_OPENER_BEFORE.search(text, max(0, finding.start - 12), finding.start) if finding.kind == "ORG" else None
    name = text[finding.start:finding.end]
    if opener and (name.isupper() and opener.group().isupper()
                   or not name.isupper() and name[:1].isupper() and opener.group().istitle()
                   and not _A_SENTENCES_FIRST_WORD.search(text, max(0, opener.start() - 3), opener.start())):
        return Finding(opener.start(), finding.end, finding.kind, finding.score, finding.recognizer)
    return finding


# A letter alone after a name typed in lower case: its surname's initial ("jo h", "rob t."); not
# a letter said for a word in a text ("u", "n", "r", "y", "k", "b", "c", "x", "o"; "s" for "is" or
# "'s", "v" for "very", "d" for "would") nor "a", "i".
_SURNAMES_INITIAL = re.compile(r"[ \t]+([e-hjlmpqtwz])\.?(?=[ \t]|[,;:!?)]|\.(?:\s|$)|$)")
# Words before a service's name, which may be of small words alone ("went to Here For You";
# data placed_at, small_words).
_BEFORE_A_NAME_OF_SMALL_WORDS = recognizers.placed_at("small_words")
# The word after a name, in lower case; a possessive is no part of it ("john bowlby's theory").
_NEXT_LOWER_WORD = re.compile(r"[ \t]+([a-z][a-z'’-]+?[a-z])(?:['’]s)?\b(?!['’-][a-z])")


def _surname_after(text: str, end: int) -> bool:
    """A surname follows ("my manager john hopkins"): the word before it is a given name."""
    m = _NEXT_LOWER_WORD.match(text, end)
    return bool(m) and likely_surname(m.group(1))


def extend_surname(text: str, finding: Finding) -> Finding:
    """'tobias quenby': after a name written in lower case, a word English does not know
    is the surname, not speech; it belongs to the name. After a given name in lower case
    ('marta okafor'), a rare word is enough (surnames as common in print as "okafor" are
    still rare words), unless it has the ending of a verb's past ('marta moaned'); "-ing"
    and "-ly" end surnames too ('golding', 'kipling'), and a name left is worse than a word lost."""
    if finding.kind != "PERSON":
        return finding
    initial = _SURNAMES_INITIAL.match(text, finding.end)
    if initial and text[finding.start:finding.end].islower():
        # "my line manager jo h keeps saying": the initial of a surname, typed in lower case
        return Finding(finding.start, initial.end(1), finding.kind, finding.score, finding.recognizer)
    m = _NEXT_LOWER_WORD.match(text, finding.end)
    if not m:
        return finding
    word, name = m.group(1), text[finding.start:finding.end]
    after_given = name.islower() and name.split()[-1] in lexicon.first_names()
    # (after a capitalised name, a word in lower case is the sentence's: "Springboard underpays")
    if name.islower() and lexicon.zipf(word) < lexicon.SCARCELY_ENGLISH_ZIPF \
            or (after_given and likely_surname(word)) or (
            # a surname that is an everyday word too ("white", "green"), before what is said of
            # someone ("sarah white was my mentor", "dave green came"; not "dave green paint")
            after_given and recognizers._everyday_surname(word) and word not in NAME_VERBS
            and _SAID_AFTER_A_NAME.match(text, m.end())) or (  # (not what someone did: "kev said.")
            after_given and _set_beside_a_role(text, finding.start, m.end()) and surname_in_apposition(word)):
        return Finding(finding.start, m.end(1), finding.kind, finding.score, finding.recognizer)
    return finding


# A name set between commas or in brackets after a role: "our deputy lead, megan thistle,
# put...", "my manager (megan thistle) put...".
_ROLE_THEN_APPOSITION = re.compile(rf"(?<![\w'’-])(?:{ROLE_NOUNS})(?:,[ \t]*|[ \t]*\([ \t]*)$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _someone_after() -> re.Pattern:
    """What says the word before it is someone: an aside of their role ("Sky, our HCA, was
    brilliant", "Hope, my line manager,"), or where among the staff they are ("Sterling from the
    night shift", "Hope from reception")."""
    jobs = recognizers.alternatives({w.lower() for w in ROLE_WORDS} | recognizers.role_abbreviations_lower())
    return re.compile(rf"[ \t]*,[ \t]*(?:my|our|the|his|her|their)[ \t]+(?:[\w-]+[ \t]+){{0,2}}?(?:{ROLE_NOUNS}|{jobs})s?\b"
                      r"|[ \t]+from[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+){0,2}?"
                      rf"(?:{recognizers.alternatives(recognizers.words_set('among_the_staff'))})s?\b",
                      re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _from_a_body() -> re.Pattern:
    """The body someone comes from, after "from (the)": a kind of body ("from the council", "from
    Kent Police") or a public body's letters ("from the DWP", "from CAMHS")."""
    bodies = recognizers.alternatives(recognizers.words_set("bodies_someone_is_from"))
    return re.compile(r"[ \t]+from[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+){0,2}?"
                      rf"(?:(?i:{bodies})s?|[A-Z]{{2,6}})(?![\w'’-])")


@functools.lru_cache(maxsize=1)
def _jobs_said_of_someone() -> str:
    """The jobs said of someone, as alternatives: not words a firm or a thing is said to be too
    ("the main driver", "our partner", "the lead"), nor letters of things among jobs' ("the TV",
    "the UK")."""
    # (letters of two a job's only where no thing's: "OT", "GP", "RN"; not "PC", "TA", "MH")
    letters = {a for a in recognizers.role_abbreviations_lower() if len(a) > 2 or a in ("ot", "gp", "rn")}
    return recognizers.alternatives(
        ({w.lower() for w in ROLE_WORDS} | letters) - recognizers.words_set("jobs_said_of_things_too"))


# Up to two words between "my", "our", "the"... and the job, no preposition or joining word among
# them ("the worst for MH" says no job of anyone).
_WORDS_BEFORE_A_JOB = r"(?:(?!(?:for|of|in|at|on|to|with|from|by|and|or|but|than|as)[ \t])[\w-]+[ \t]+){0,2}?"


@functools.lru_cache(maxsize=1)
def _a_job_said_of() -> re.Pattern:
    """What someone's job is said to be after their name ("Sky was the OT", "Sky's our HCA"), the
    job ending what is said (_jobs_said_of_someone)."""
    jobs = _jobs_said_of_someone()
    # (the job ends what is said: "the OT on the ward", not "the TV provider", "the nurses' channel")
    return re.compile(rf"(?:[ \t]+(?:was|is)|['’]s)[ \t]+(?:my|our|the|his|her|their)[ \t]+{_WORDS_BEFORE_A_JOB}"
                      rf"(?i:{jobs})(?=[ \t]*(?:[.,;:!?)—–-]|$)|[ \t]+(?:on|at|in|for|from"
                      r"|with|there|here|then|now|and|but|who|when|until|till|before|after)\b)")


# A given name labelling a speaker's turn: opening a line or a sentence, a colon, then what they
# say ("Tomi: Band 4, which sounds fancy.", "Hope: Me too."); not a month or a heading of a form or
# a diary ("May: I started", "Faith: Church of England"), nor a word before a price or a list ("Sky:
# £30 a month", "Sky: broadband and TV"), nor a public body's letters ("PIP: I was refused"). A
# name that is a word too, a public name or short capitals ("Sky", "Will", "Grant", "Amber", "ED")
# heads a form's line as often ("Grant: Applied but refused.", "Will: My will is up to date."):
# only typed in capitals as a transcript's labels are, before speech, a clause opened by "I", "we",
# "my", "yeah", "so"... ("SKY: I qualified", "WILL: Well, it was").
_OPENS_A_TURN = re.compile(r"(?:^|[.!?][ \t]+|\n[ \t]*)$")
_A_TURN_AFTER_ITS_LABEL = re.compile(r":[ \t]+(?P<first>I\b|[A-Z][a-z'’]*)")
_SPEECH_OPENS_WITH = frozenset({"i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "we", "we're",
                                "we’re", "we've", "we’ve", "my", "me", "our", "yes", "yep", "no", "thanks"})


def labels_a_speakers_turn(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a given name labelling a speaker's turn (_OPENS_A_TURN)."""
    word = text[start:end].lower()
    turn = _A_TURN_AFTER_ITS_LABEL.match(text, end)
    if not (turn and word in lexicon.first_names() and word not in MONTHS
            and word not in recognizers.words_set("headings_not_speakers") and not is_public_acronym(word.upper())
            and _OPENS_A_TURN.search(text, max(0, start - 3), start)):
        return False
    first = turn.group("first").lower()
    return not (lexicon.is_everyday(word) or word in recognizers.words_set("word_names")
                or word in recognizers.public_lower() or text[start:end].isupper() and len(word) <= 3) \
        or text[start:end].isupper() and (first in _SPEECH_OPENS_WITH or first in CLAUSE_OPENERS)


def a_job_said_after(text: str, end: int) -> bool:
    """Whether a job is said of the word ending at ``end`` ("Sky was the OT"; _a_job_said_of)."""
    return _a_job_said_of().match(text, end) is not None


@functools.lru_cache(maxsize=1)
def _a_job_said_to_be() -> re.Pattern:
    """The same said the other way round, ending before the name: "our OT was Sky", "my care
    coordinator is Hope"."""
    jobs = _jobs_said_of_someone()
    return re.compile(rf"(?<![\w'’-])(?i:my|our|the|his|her|their)[ \t]+{_WORDS_BEFORE_A_JOB}"
                      rf"(?i:{jobs})[ \t]+(?:was|is)[ \t]+$")


# (the job opening its clause: not "the busiest time for our nurses is Easter", "what worries the
# social worker is PIP", where the job is no subject)
_A_CLAUSE_OPENS = re.compile(r"(?:^|[.!?,;:—–(\n][ \t]*|(?<![\w'’-])(?i:and|but|so|because|cos|then|yeah|well"
                             r"|honestly|now|and\s+then)[ \t]+)$")


@functools.lru_cache(maxsize=1)
def _a_job_set_before() -> re.Pattern:
    """A job of someone's set straight before the name: "the ward clerk, Sky", "my colleague Sky";
    a job, or what someone is to the speaker (ROLE_NOUNS: not one said of a firm too, "our
    partner Sky", "our client, Meta"), or an assistant."""
    relations = {w for w in ROLE_NOUNS.split("|") if w not in recognizers.words_set("jobs_said_of_things_too")
                 and w not in ("client", "patient")}  # (a firm is a client too: "our client, Meta,")
    return re.compile(rf"(?<![\w'’-])(?i:my|our|the|a|an|his|her|their)[ \t]+{_WORDS_BEFORE_A_JOB}"
                      rf"(?i:{_jobs_said_of_someone()}|{recognizers.alternatives(relations)}|assistant)(?P<comma>,)?[ \t]*$")


# Set apart by a comma, the name closes its aside and a verb follows ("the ward clerk, Sky, said"):
# not a list going on ("my husband, Sky, BT, the council", "my husband, Sky, broadband"), a new
# clause ("I rang my friend, Meta had banned me"), nor a job's employer ("a call centre manager, Sky.").
_CLOSING_AN_ASIDE = re.compile(r",[ \t]+(?:" + "|".join(map(re.escape, sorted(NAME_VERBS, key=len, reverse=True))) + r")(?![\w'’])")


def a_job_set_before(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]``, as written a name is, has a job of someone's set
    straight before it (``_a_job_set_before``)."""
    job = _a_job_set_before().search(text, max(0, start - 80), start) if text[start:start + 2].istitle() else None
    return job is not None and (not job.group("comma") or _CLOSING_AN_ASIDE.match(text, end) is not None)


def a_job_said_before(text: str, start: int) -> bool:
    """Whether the word starting at ``start`` is said to be someone by their job ("our OT was Sky"),
    as written a name is ("Sky", not "ED", "PIP")."""
    said = _a_job_said_to_be().search(text, max(0, start - 80), start)
    return said is not None and _A_CLAUSE_OPENS.search(text, max(0, said.start() - 12), said.start()) is not None \
        and text[start:start + 2].istitle()


def someone_said_after(text: str, end: int, from_a_body: bool = False) -> bool:
    """Whether what follows ``text[:end]`` says it is someone (``_someone_after``); with
    ``from_a_body``, the body they come from says so too (for a given name no English word,
    opening a sentence: "Hugo from Kent Police came"; a public name before one is what it gave,
    "Beat from the GP", "Aldi vouchers")."""
    return _someone_after().match(text, end) is not None or from_a_body and _from_a_body().match(text, end) is not None


def said_of_someone_after(text: str, end: int) -> bool:
    """What follows a public body after someone's name ("Sky of Kent Police ...") is said of them:
    a verb of NAME_VERBS, a pause, the sentence's end; not the body's possessive ("of Mind's making")."""
    return _SAID_AFTER_A_BODY.match(text, end) is not None


def _set_beside_a_role(text: str, start: int, end: int) -> bool:
    before = _ROLE_THEN_APPOSITION.search(text, max(0, start - 40), start)
    if before is None:
        return False
    closing = ")" if before.group().rstrip().endswith("(") else ","  # what opened the aside closes it
    return text[end:end + 8].lstrip(" \t").startswith(closing)


def surname_in_apposition(word: str) -> bool:
    """The second word of a name set beside a role is its surname, though English uses it
    ("thistle", "price", "early"): not a word of grammar, an adverb no surname is ("gareth
    obviously,"), nor a word English uses everywhere that no surname is ("dave anyway,")."""
    return word not in STOP_WORDS and (
        word in lexicon.surnames() or not word.endswith("ly") and lexicon.zipf(word) < lexicon.ORDINARY_ZIPF)


# What follows a name and is said of someone: a verb of NAME_VERBS, "'s", or the sentence's end.
_A_NAME_VERB = r"\s+(?:%s)\b" % "|".join(sorted(w for w in NAME_VERBS if w.isalpha()))
_SAID_AFTER_A_BODY = re.compile(r"\s*(?:[.,;!?)]|$)|" + _A_NAME_VERB)
_SAID_AFTER_A_NAME = re.compile(r"\s*(?:[.;!?)]|$)|['’]s\b|" + _A_NAME_VERB)
_SPEECH_ENDINGS = ("ed",)


def likely_surname(word: str) -> bool:
    """After a given name, a word that is a surname before it is a word: a rare word
    ("okafor"), or a surname of the list below the everyday band ("hopkins", "cook"; not
    "will", "green", "said"), unless it ends like a verb's past ("marta moaned")."""
    return (lexicon.is_rare(word) or (word in lexicon.surnames() and not lexicon.is_everyday(word))) \
        and not word.endswith(_SPEECH_ENDINGS)
