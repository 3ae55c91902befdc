"""A grid of the forms a person or a place is mentioned in, in interviews, podcasts and survey
answers of health and care workers, and of the ordinary words and public terms beside them
that must stay: given names that are also words, months or stop words where only a person
stands ("me and hope", "June and I", "will said no"), names of the communities the NHS
workforce comes from, typed in lower case, with or without their accents ("ngozi",
"łukasz", "sinead"), a title in lower case before a surname ("sister adeyemi"), a name spelled
with spaces ("S I O B H A N") or said with its stress ("shiv-AWN"), initials as a name ("me and
AJ", "PK told me"), the cities' neighbourhoods typed in lower case ("in moss side"), and a
hospital said by its initials ("at the QVX").

Every person here is invented (real given names, invented people); places are real public
places, named as anyone's home would be.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from test_public_terms import check, engine, published  # noqa: F401 - engine is the module's fixture


def left(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def grid_misses(engine, rows) -> tuple[int, str]:
    """Each (family, text, said) redacted alone: how many left ``said`` whole, with one example a family."""
    misses, total, examples = Counter(), Counter(), {}
    for family, text, said in rows:
        total[family] += 1
        out = published(engine, [text])
        if left(out, said):
            misses[family] += 1
            examples.setdefault(family, (text, out))
    return sum(misses.values()), "\n".join(f"{f}: {misses[f]}/{total[f]} missed, e.g. {examples[f]!r}"
                                            for f in sorted(misses))


# Given names that are ordinary words, months, stop words or virtues, and where a person stands.
WORD_NAMES = ["Will", "Mark", "Hope", "Joy", "Dawn", "Faith", "Grace", "Frank", "Summer", "Bill", "Amber", "Rose",
              "Ivy", "Miles", "River", "June", "April", "May", "Blessing", "Favour", "Gift", "Precious", "Patience",
              "Guy", "Sandy"]
SLOT_FRAMES = {"paired after me": "me and {} cover weekends", "paired after me, spoken": "me n {} did nights",
               "paired before me": "we had a chat, {} and me.", "paired before I": "{} and I share the office.",
               "asked about": "i asked {} about it", "rang": "I rang {} after the team meeting.",
               "says, after so": "so {} said no", "says, opening": "{} told me to go home.",
               "after a role": "my manager {} never listens", "paired, in capitals": "ME AND {} DID NIGHTS",
               "from work": "{} from the crisis team rang", "is a role": "{} was my mentor for years."}


def word_name_rows():
    for i, name in enumerate(WORD_NAMES):
        for k, (family, frame) in enumerate(SLOT_FRAMES.items()):
            if (i + k) % 3 == 0 or frame.startswith("me and"):
                if name in ("Will", "May") and family == "after a role":
                    continue  # "my manager will never listen", "may never": no one
                said = name.upper() if frame.isupper() else name.lower() if frame[0].islower() else name
                yield f"word name / {family}", frame.format(said), said


# Names common among Nigerian, Ghanaian, Zimbabwean, Somali, Punjabi, Bangladeshi, Filipino,
# Polish, Romanian, Portuguese, Caribbean, Irish and Welsh colleagues, as typed in lower case,
# with and without their accents.
COMMUNITY_NAMES = ["chidi", "ngozi", "oluwaseun", "temitope", "kwabena", "akosua", "yaw", "adwoa", "tendai", "farai",
                   "nyasha", "abdirahman", "hodan", "manpreet", "jaspreet", "zubair", "shamima", "marites", "rodel",
                   "łukasz", "lukasz", "przemysław", "cătălin", "razvan", "joão", "joao", "gonçalo", "glenroy",
                   "sinéad", "sinead", "gráinne", "padraig", "mairead", "lorcan", "mererid", "ruaridh"]
COMMUNITY_FRAMES = ["i asked {} about the rota", "me and {} did the nights", "we had a chat, {} and me",
                    "my manager {} never listens", "thanks to {} we got through it"]


def community_rows():
    for i, name in enumerate(COMMUNITY_NAMES):
        for k in (i % len(COMMUNITY_FRAMES), (i + 2) % len(COMMUNITY_FRAMES)):
            yield "community / lower case", COMMUNITY_FRAMES[k].format(name), name


# A title in lower case before a surname; a surname of Mc, Mac, O' however common in print.
LOWER_TITLES = [("I saw mrs mcallister yesterday.", "mcallister"), ("sister adeyemi was on the ward", "adeyemi"),
                ("we waited for nurse kowalczyk for an hour", "kowalczyk"), ("prof lindqvist was on the panel", "lindqvist"),
                ("dr okonjo signed it off", "okonjo"), ("matron ferreira-nunes said no", "ferreira-nunes"),
                ("ask auntie folasade", "folasade"), ("mr o'driscoll runs it", "o'driscoll"),
                ("i asked dr. obi", "obi"),
                # a police rank
                ("pc mason of south wales police took the statement", "mason"),
                ("then ds okafor from the met came", "okafor"), ("sergeant lowry rang twice", "lowry"),
                ("detective inspector fairclough ran the case", "fairclough"), ("supt o'driscoll said no", "o'driscoll"),
                # (a rank before another title is no name: the title's)
                ("the dc mrs nowak took it", "nowak"),
                # with dotted initials before the surname
                ("referred by dr a.k. mehta who i never met", "mehta"),
                ("dr j. w. mensah signed it", "mensah"),
                # a surname that is a word too
                ("mrs j. walker was my mentor", "walker")]
# A title said with a given name that is a word too (a month, a virtue): someone, not the word.
TITLED_WORD_NAMES = [("Nurse Jan was lovely to me.", "Jan"), ("Auntie June minded the kids.", "June"),
                     ("ask Nurse April on the desk", "April"), ("Sister Hope ran the ward.", "Hope"),
                     # a ward's title before initials, or before a surname that is a word
                     ("Sister OB fought the downgrade.", "OB"), ("I saw Matron White on the stairs.", "White"),
                     # initials that are a public body's letters too, after a title
                     ("Dr AP fought the downgrade.", "AP"), ("Miss MA ran the ward.", "MA")]
# A given name among words of grammar capitalised for a stress.
STRESSED_WITH_A_NAME = [("I Was With Will all night", "Will"), ("Only May Was On that week", "May"),
                        # a service's name of small words, after a word placing it
                        ("we referred him to You Are Not Alone", "You Are Not Alone")]
# Spelled with spaces, said with the stress in capitals.
SPOKEN = [("that's S I O B H A N", "S I O B H A N"), ("it's spelt T E N D A I", "T E N D A I"),
          ("my name's c a o i m h e", "c a o i m h e"), ("Siobhan, said shiv-AWN", "shiv-AWN"),
          # five letters or more, or four making no word, with nothing around saying so
          ("with a q yeah s a n d q u i s t", "s a n d q u i s t"), ("j o r u n n irish she was", "j o r u n n"),
          ("she goes by r u z z for short", "r u z z"), ("well B E R I T signed it", "B E R I T"),
          # the first letter said by a word it opens
          ("Z as in zulu, A, R, E, W, S, K, A. Right.", "Z as in zulu, A, R, E, W, S, K, A"),
          # every letter so, as over a telephone, or with "for", "then", "double"
          ("that's W as in whiskey, A as in alpha, L as in lima, S as in sierra, H as in hotel.",
           "W as in whiskey, A as in alpha, L as in lima, S as in sierra, H as in hotel"),
          ("it's K for kilo, E for echo, double L, then Y for yankee", "K for kilo, E for echo, double L, then Y for yankee"),
          ("Kash, K for kilo, A, S, H and I think that's it.", "K for kilo, A, S, H"),
          # a code so: a letter by a word and figures
          ("the ref is S as in Sierra, four four oh seven.", "S as in Sierra, four four oh seven"),
          ("Ngozi, said en-GO-zee", "en-GO-zee"),
          # typed in lower case with no stress marked: short syllables not all English, where
          # someone says how a name sounds
          ("sorry, do you say shee-vaun or shivon?", "shee-vaun"), ("it's pronounced ah-deh-bo-lah", "ah-deh-bo-lah"),
          ("noted. so it's 'dar-ragh' then", "dar-ragh"), ("is it kee-va or kwee-va?", "kee-va")]
# Initials as someone's name.
INITIALS = [("Me and AJ were on nights.", "AJ"), ("we call her DB", "DB"), ("PK told me to ring the crisis team.", "PK"),
            ("I told RB about the rota.", "RB"), ("so KT said no", "KT"),
            # rung, then answering; letters said for a thing too, where only a person stands
            ("I rang DB and she said no.", "DB"), ("me and SH did the night shift together", "SH")]
# A word no list holds, typed in lower case where only a person stands: a nickname, a surname.
UNLISTED = [("me and cazza did the nights", "cazza"), ("so quennell said no", "quennell"),
            ("i asked brindley-oake about it", "brindley-oake"), ("mrs green rang the ward", "mrs green"),
            # a given name and a word English does not know: a full name however the given name was found
            ("ask for sam kettleby at reception", "sam kettleby"), ("my name's bartosz wisniewski, that's me", "bartosz wisniewski"),
            ("my mate jolene quarrick from the day shift signed up", "jolene quarrick"),
            # the surname before a possessive, or cut off in a stutter
            ("marta quennick's rota was late again", "marta quennick"), ("chidi- chidi nwosu- was off sick", "nwosu"),
            # a word of a dialect with a possessive: a nickname
            ("Bezzie's manager rang me at home", "Bezzie"),
            # a given name English seldom writes, then where they went; thanked, ending what is said;
            # after what someone is to the speaker
            ("people just vanish. hamza went to an agency in the end", "hamza"),
            ("lovely. thank you tessa. and thanks everyone for listening", "tessa"),
            ("the owner ravi was nice enough but never there", "ravi"), ("my mate priya lost her band 5", "priya")]
# Neighbourhoods of the cities, typed in lower case.
NEIGHBOURHOODS = [("i live in sparkbrook", "sparkbrook"), ("we moved to wythenshawe", "wythenshawe"),
                  ("most of my clients are in moss side", "moss side"), ("i grew up in easterhouse", "easterhouse"),
                  ("from harehills originally", "harehills"), ("our hub covers splott", "splott"),
                  ("she lives in byker now", "byker"), ("I work in Toxteth.", "Toxteth"),
                  ("our clinic's near hyson green", "hyson green"), ("i'm based in london now", "london"),
                  ("we moved to york in the spring", "york"), ("she's up in dún laoghaire", "dún laoghaire"),
                  # a word villages and districts are named by, after the place, in its case
                  ("i live in dunnock green, small village.", "dunnock green"),
                  ("I LIVE IN DUNNOCK HEATH NOW.", "DUNNOCK HEATH")]
# A hospital or a site said by its initials (invented initials).
SITES = [("I did six years at the QVX before this", "QVX"), ("they sent her down to the RKI", "RKI"),
         ("she's in the BGW again", "BGW"),
         # after someone's work and "at the", "for the": the letters after the article
         ("I work at the QVX now.", "QVX"), ("my placement at the RKI was hard", "RKI"),
         # letters ending in S are a site's unless a job's letters in the plural ("the HVS")
         ("I was a nurse at the PDS for years.", "PDS"),
         # typed small after "for the", "with the", letters with no vowel ("work with the weans" stays)
         ("i was a pwp for the tvpt, then i left", "tvpt"), ("i was recruited by the sabp in 2018", "sabp"),
         # typed small, letters no English word is written with
         ("he ended up at the qvx that night", "qvx")]
# A possessive said alone opening a sentence, for what someone owns or runs.
POSSESSIVE_ALONE = [("Carver's was a nightmare for targets.", "Carver"), ("Granger's paid cash.", "Granger")]
# A given name no common word is, opening a sentence before a verb it is the subject of or
# where someone works.
GIVEN_BEFORE_ITS_VERB = [("Tobias at the hostel used to ring the DWP.", "Tobias"), ("Sal got me through that shift.", "Sal"),
                         ("Oisin covered my nights.", "Oisin"), ("Marla from the crisis team rang.", "Marla"),
                         # or from a body, public or not
                         ("Hugo from Kent Police came round twice.", "Hugo"),
                         ("Odette from the council rang back.", "Odette"), ("Hugo from the DWP was lovely.", "Hugo")]
# A one-word public name paired with "me" or "I" is someone's there.
PAIRED_PUBLIC = [("Sky and I share the office.", "Sky"), ("me and Sky did the nights", "Sky"),
                 # or with an aside of their role, or where among the staff they are
                 ("Sky, our HCA, was brilliant.", "Sky"), ("Sterling from the night shift said the same.", "Sterling"),
                 # or addressed ending a sentence, greeted, thanked or told sorry
                 ("She'd hate me saying that. Sorry, Sky.", "Sky"), ("Thanks, Sky!", "Sky"),
                 # or opening a sentence, a job said of them
                 ("Sky was the OT on the ward.", "Sky"), ("Honestly. Sky is our HCA now.", "Sky"), ("Sky's the OT.", "Sky"),
                 ("Yeah. Sky was the one HCA who cared.", "Sky"),
                 # or a job said to be them, the name ending what is said
                 ("Our OT was Sky and she was brilliant.", "Sky"), ("My care coordinator is Hope, who never rings back.", "Hope"),
                 ("The HCA was Joy. She left.", "Joy"),
                 # a job or what someone is to the speaker set straight before the name, then a verb
                 # (after a comma's aside, the verb after it)
                 ("My colleague Sky rang me.", "Sky"), ("the ward clerk, Sky, said no", "Sky")]
# A given name labelling a speaker's turn inside a quote, a public name or a word of grammar too.
SPEAKERS_LABELS = [("SKY: I qualified in 2015.", "SKY"), ("P2: I agree. SKY: I don't.", "SKY"),
                   ("WILL: Well, it was awful.", "WILL"), ("HOPE: Me too, honestly.", "HOPE"),
                   # (a name no word is, in any case)
                   ("Tomi: Band 4, which sounds fancy.", "Tomi")]
# A given name in capitals straight before a surname found in capitals, on a form's line.
GIVEN_IN_CAPITALS = [("Line manager: BARRY NOLAN. Number: 0161 496 0123.", "BARRY"),
                     ("MY SUPERVISOR WAS DENISE OKAFOR-BRIGGS FOR YEARS", "DENISE")]
# A given name opening a sentence to address someone, then what is asked or offered them: a
# name that is a word of grammar too ("Will") only so.
ADDRESSED = [("Will, let's start with the honorary thing.", "Will"), ("Will, can you say how it began?", "Will"),
             # (and "Will" before what someone did: no modal goes before "was", "said")
             ("Will was there on the day.", "Will"), ("Will said the rota was fine.", "Will"),
             ("It was fine. Will left in 2019 and nobody cared.", "Will"),
             # (or before a past tense only someone's can be: "Will got", "Will drove")
             ("Will got a thank-you card from the family.", "Will"), ("Will drove the minibus back.", "Will"),
             # (and before a surname and what someone did: a modal's question goes on with a bare verb)
             ("Will Ashdown was the clinical lead.", "Will"), ("May Ashdown said the rota was fine.", "May"),
             ("Will, what happened next?", "Will"),
             ("Thanks for coming. May, what did you make of the panel?", "May"),
             ("Hope, tell us about the rota.", "Hope")]


def rows():
    yield from word_name_rows()
    yield from community_rows()
    for family, table in (("title in lower case", LOWER_TITLES), ("title before a word-name", TITLED_WORD_NAMES),
                          ("a name among stressed words", STRESSED_WITH_A_NAME),
                          ("spelled or stressed", SPOKEN),
                          ("initials", INITIALS), ("unlisted, lower case", UNLISTED), ("neighbourhood", NEIGHBOURHOODS), ("site by initials", SITES), ("public name paired", PAIRED_PUBLIC),
                          ("possessive alone", POSSESSIVE_ALONE), ("given name before its verb", GIVEN_BEFORE_ITS_VERB),
                          ("addressed by name", ADDRESSED), ("a speaker's label", SPEAKERS_LABELS),
                          ("given name in capitals", GIVEN_IN_CAPITALS)):
        for text, said in table:
            yield family, text, said


def test_every_form_of_a_person_or_place_in_the_grid_goes(engine):
    grid = list(rows())
    missed, report = grid_misses(engine, grid)
    assert not missed, f"{missed}/{len(grid)} mentions left:\n{report}"


# Ordinary words and public terms in the same places, which must stay.
KEPT = [
    "I will say it plainly.", "Will you come tomorrow?", "Will Unison help us?", "Will Unison said no.",
    "Will need to check the rota.", "Will staff be paid for it?", "Will bed in over the year.",
    "Will trained staff be kept on?", "Will paid breaks come back? I doubt it.", "Will trained staff be kept on",
    "Will paid breaks ever come back", "Will lost wages be repaid", "Will sat nav be provided",
    "Sorry, Sky News was on.", "We watched the news on Sky.", "I was at Tesco, sorry, Aldi.",
    "This episode is sponsored by Aldi. Thanks, Aldi.", "Will left-wing councils fund it?",
    # a public name before what a firm is said to be, a brand before a job
    "We watched Sky. Sky was the provider then.", "Sky was the main driver of it.", "Boots was the chemist we used.",
    "Sky was the TV provider on the unit.", "Sky is the HR system?", "Sky was the nurses favourite channel.",
    "Meta was the worst for MH.", "Sky was their main PC.", "Sky was the ICU.",
    # and after a job, a public name that is no one's or said of a thing
    "Our provider was Sky.", "The nurse's favourite was Sky.", "Our GP was Boots.", "Our manager is Mind.",
    "The best thing on the unit was Sky.",
    # ... after a word said of a firm too ("partner", "client"); set apart by commas with no verb
    # after, a list, a new clause or a job's employer
    "Our partner Sky sponsors it, said the head.", "Our client, Meta, set the targets.",
    "I rang my husband, Sky, BT, the council, everyone.", "I rang my friend, Meta had banned my account.",
    "I had to phone my manager, Sky, the bank and the school.", "Before this I was a call centre manager, Sky.",
    "I sorted the bills for my husband, Sky, broadband and that.",
    # a word in lower case, after what someone is to the speaker or thanked, that English writes
    "hope went to the wall that year.", "thanks mark, see you then.", "my mate said so and my mum said no.",
    "cheers mate, see you monday.",
    # a job that is no subject of its clause; letters, not a name
    "The busiest time for our nurses is Easter.", "The provider for the nurse is Sky, so no BT.",
    "Our new registrar is ED, not ITU.",
    # a public name or a month heading a line of a form, a diary or a list
    "Sky: £30 a month", "Bills. Sky: broadband and TV.", "Faith: Church of England", "May: I started the job.",
    # a word, a public name or letters heading a form's line, before no speech
    "ED: Four hour waits every night.", "PIP: Refused, now at tribunal.", "Sky: Broadband and TV",
    "Will: Not yet written.", "Price: Too high.", "Grant: Applied but refused.", "Amber: Warning issued by the ward.",
    "PIP: I was refused, now at tribunal.", "Will: My will is up to date.", "Grant: My grant was cut.",
    # letters said by a word they do not open, down the alphabet, or one alone
    "We did A for apple, B for ball, C for cat with the kids.", "I got an A for effort, B for ball.",
    "I'm all for it, and I for one agree.", "Is that S as in sugar?", "We mark the essays on Friday.", "There is hope for it yet.",
    "Will, of course, is the tricky bit.", "Still, let's start with pay.", "May, in the end, was fine by me.",
    # words of grammar opening a sentence before a comma and a question (some are given names elsewhere)
    "So, can you tell me more?", "Now, let's start.", "Well, what happened next?", "Right, can we go on?",
    # a month or a word answering a question, before a comma: no one addressed
    "When did you leave? May, when the new manager started.", "Will, which I made in 2019, is with my solicitor.",
    "May, thanks to the audit, was a write-off.", "Worst month? August, which is always the worst.",
    "June, let's say June, that's when I handed in my notice.", "Oh, and before you ring them, check the rota.",
    "Oh, could you say that again?",
    "It was a joy to work there.", "The reading list was long.", "Bath time for the kids.", "In March we went remote.",
    "me and the team cover weekends", "me and my mum did the nights", "me and you against the world",
    # "e.g." after a title typed in lower case is no initials
    "i saw the dr e.g. for my back", "i miss u. so much",
    "Between the reading and I, no time left.", "me and HR had words", "me and the OT did the visit",
    "Supervision and me do not mix.", "I asked around about it.", "I asked questions about it.",
    "I told everyone about it.", "I rang reception about it.", "I asked HR about it.", "I asked for help.",
    "I rang the GP about it.", "I told my manager about it.", "The GP said no.", "and HR said no",
    "so the OT said rest", "the Sister NHS post was cut", "Sister I spoke to was lovely.", "Sister AMU was short", "HR decided it.", "OT assessed him.",
    "I rang home and she picked up.", "i texted nmc and they said to hold", "i texted bacp and she laughed",
    "I rang HQ and she cried", "Work said no.", "Management said no.", "Everyone said no.", "The CQC said we were fine.",
    "they call him the GP", "we call it CBT", "the nurse prescribers were away", "my sister lives nearby",
    # a title before a word no one is called
    "the Nurse Practitioner was off", "Father Christmas came to the ward",
    "my pc crashed again", "the pc world near me", "we had a pc in the waiting room", "the inspector came round",
    "my pc bluescreened halfway through the notes", "detective work is hard", "pc dyspnoea and chest pain", "di polyuria from the lithium",
    # a first word before "from" that is no one, an English word or a public name
    "Apart from the council, nobody came.", "Aside from the union, nothing.", "Grant from the council ran out in March.",
    "Price from the agency was double the bank rate.", "Loan from the union paid the rent.",
    "I was signposted to Beat from the GP practice.", "Vouchers for Aldi from the charity were a lifesaver.",
    # capitals for a stress on words of grammar alone; an interjection opening a sentence
    "I Was Just So Done With It All, you know?", "Ach, it's been a hard year.", "Och, we managed.",
    "the dr appointments ran late", "a nurse said it", "the ms teams call dropped", "mr men books for the kids", "Score options were A B C D.",
    # letters spaced or listed that run down the alphabet, spell a public name or a word
    "options a b c d e", "the C A M H S team", "it went h e l p on the wall", "A I M was the acronym",
    "I did the A, B, C, D options", "rota was E E L L N N", "M T W T F all week", "got A A B B in my exams",
    "answers b d a c", "love you x x x x", "h a h a h a", "S M A R T goals", "a B R A G rating", "P R I D E values",
    "He wrote H O P E on the wall",
    "the anti-NHS lot", "it was pre-COVID", "an ex-DWP adviser", "in-house training", "my manager will never listen",
    # in lower case, hyphened words and sounds beside words that tell how something sounds
    "it's like uh-huh, you know", "she says it's a no-no", "it's a bit cbt-ish, like", "that's in the lay-bys",
    "he said the re-banded posts", "it's like ooh-la-la", "she says uh-oh",
    "it's like woo-hoo friday", "it's all wishy-washy", "it's like pak-choi", "she said it's chit-chat and ping-pong",
    "she said tom-yum", "hoity-toity, roly-poly, dilly-dally",
    # a verb and its particle, typed in capitals beside words that tell how something sounds
    "IT'S A DROP-IN CENTRE", "THAT'S THE FOLLOW-UP, LIKE A CHECK-IN", "SHE SAID IT'S A SIGN-OFF",
    "the sky was grey", "Sky News was on.", "I rang Sky about the broadband.", "she left in May", "grace period",
    "in good faith", "To be frank, it was awful.", "The gas bill doubled.", "I'm reading it now.",
    "me and hubby went out", "so supervision said no", "me and the kids", "the ms teams call dropped again",
    "she was in the ITU for a week", "down to the MRI at ten", "I was at the NHS for years", "at the GP again",
    "April was my busiest month.", "Help from the crisis team came late.", "a bit of joy from the team",
    "Support from HR was nil.", "April was the worst month for the team.", "it pays my phone bill. And the rest", "I got a call back. Then", "the text message, again",
    "i did the max dbs check", "i use the nhs app", "i went to the gym after", "at the end of it", "in the ed again",
    "at the gp again", "i left the nhs", "joined the bma",
    # a role's, a panel's or a process's letters where people are; words typed small after "with the"
    "I work with the IDVA on Tuesdays.", "we took it to the MARAC in March", "i work with the weans all day",
    "I work with the HVS on the estate.", "I work for the RNIB as an analyst.", "I'm based at the RSPB these days.",
    # a given name that is a word, or a name opening sentences as a word, before a verb
    "Amber warnings are out again.", "Young people got nothing.",
    "Tons were wasted on agency.", "Peer reviewed studies say it works.",
    # a possessive of an everyday word or a pronoun said alone
    "Yesterday's was worse.", "Everyone's was late.", "Mine's was fine.", "Tonight's was good.",
    # a word the tokenizer splits ("We" "d.", "Can" "not"): no name ends inside it
    "See you Wed.", "and then Cannot was the answer.", "The rota is out for Wed.",
    # the short forms of weekdays that are no given name, as rotas and diaries write them
    "On Tues and Weds I do nights.", "See you Thurs. for supervision.", "I work Wed to Fri, then off Sat.",
    # ... in lower case or in capitals, as a survey answer types them
    "i do nights at the unit on tues and weds", "I DO NIGHTS ON TUES AND WEDS",
    # a month or a faith word before a word that is a surname, then no verb, "was" or "is", or
    # after a word of when or an article
    "In April White flowers were everywhere.", "By June Green shoots showed.", "March Green was the theme.",
    "April White is a lovely shade of paint.", "In May Black said it all.", "A Tory Lord said no.",
    # a public name or a word with an aside of what it is, not someone's role
    "Sky, the broadband firm, was useless.", "Reading from the board, it was fine.",
    # a kind of everyday place, capitalised alone after "the": the place of that kind
    "We met at the Café.", "Lunch in the Canteen again.", "We went to the Pub after.", "I got lunch from the Deli.",
    # a spreadsheet's formula in a survey's export: its cells and functions name no one
    "=A2*3", "=SUM(B2:B9)",
]


# A word opening the sentence before a name is the sentence's, never the name's: a word
# opening a clause ("Honestly", "Sadly") or an ordinary word before a given name ("Lovely").
@pytest.mark.parametrize("text,name,word", [
    ("Honestly Beacon were the worst for it.", "Beacon", "Honestly"),
    ("Sadly Marguerite left.", "Marguerite", "Sadly"),
    ("Obviously Priya said no.", "Priya", "Obviously"),
    ("Yesterday Priya rang me.", "Priya", "Yesterday"),
    ("Lovely Priya covered for me.", "Priya", "Lovely"),
])
def test_a_word_opening_the_sentence_is_not_the_names(engine, text, name, word):
    check(engine, [text], [name], [word])


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_words_and_public_terms_in_those_places_stay(engine, text):
    check(engine, [text], [], [text])


def test_a_sentences_word_after_a_titles_initial_stays(engine):
    check(engine, ["dr a. said no and left", "mr b. and mrs c. were there"], [],
          ["said no and left", "and", "were there"])


# Dictionary names with accents read as typed: "Sinéad" was read byte for byte as "sinã©ad".
def test_accented_given_names_are_known_with_and_without_their_accents():
    from ingest.redact import lexicon

    names = lexicon.first_names()
    assert {"sinéad", "sinead", "łukasz", "lukasz", "gráinne", "grainne", "joão", "joao"} <= names
    assert not any("ã" in n for n in ("sinéad",) if n in names)
    assert lexicon.without_accents("Cătălin") == "Catalin"


# The names counted as commonly given in Britain (data/given_in_britain.txt) are found in lower
# case wherever they stand, so none may be a word English uses every day, a place, a public
# name or a name that is a word too: each would be redacted as someone's wherever it is said.
def test_names_counted_as_given_in_britain_are_no_words_places_or_public_names():
    from ingest.redact import lexicon
    from ingest.redact.recognizers import commonly_given, public_lower, words_set

    names = lexicon.data_lines(lexicon.GIVEN_IN_BRITAIN_FILE)
    assert len(names) == len(set(names)) > 200
    assert not [n for n in names if lexicon.is_everyday(n) or n in lexicon.places() or n in public_lower()
                or n in words_set("word_names") or len(n) < 4]
    assert all(commonly_given(n) for n in names)


# A word of an e-mail address that is a public name in another case ("unison") is no one's:
# the union stays where it is said.
def test_a_public_name_inside_an_email_address_is_not_taken_for_a_surname(engine):
    check(engine, ["I'm a Unison steward, and Maria is too.", "Email me at maria.unison@gmail.com."],
          ["Maria", "maria.unison@gmail.com"], ["Unison steward"])


def test_a_surname_taken_from_an_email_address_goes_even_when_a_company_is_called_so(engine):
    # "ford" of the address is someone's surname; only a public acronym ("UNISON") is no one's.
    check(engine, ["Email me on kieran.ford@hotmail.com.", "Ford never answers his phone."],
          ["kieran.ford@hotmail.com", "Ford never"], ["answers his phone"])


# A season capitalised where a word of time says it is one ("last Summer", "the Autumn",
# "Spring term", "Winter 2019") is no one's name; a season said as someone, or a season the
# source names someone by, still goes.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["Last Summer we were short.", "In the Autumn the referrals go up.",
      "The Spring term was mad, and Winter 2019 worse.", "every Winter the beds fill"], [],
     ["Last Summer we were short", "In the Autumn the", "The Spring term", "Winter 2019", "every Winter"]),
    (["Summer rang me yesterday.", "I asked Autumn about it.", "this Summer's rota was hers"],
     ["Summer", "Autumn"], ["rang me yesterday", "'s rota was hers"]),
    (["Summer Okafor came in.", "It was quiet last Summer."], ["Summer", "Okafor"], ["It was quiet last"]),
    # After a word of time, a noun or a verb straight after says it is someone's.
    (["I see the Winter family every week.", "The Winter twins were on my caseload.", "Last Winter rang me."],
     ["Winter"], ["family every week", "twins were on my caseload", "rang me"]),
])
def test_a_season_said_as_one_is_no_name(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


# A town of hyphened words, capitalised: taken whole, not its first word alone; other
# capitalised words joined by hyphens stay (real towns; the phrases are ordinary English).
@pytest.mark.parametrize("quotes,gone,kept", [
    (["I grew up in Stockton-on-Tees, then moved."], ["Stockton", "Tees"], ["I grew up in"]),
    (["There was a woman from Blaydon-on-Tyne at the meeting."], ["Blaydon", "Tyne"], ["at the meeting"]),
    (["We did a placement in Stratford-upon-Avon."], ["Stratford", "Avon"], ["We did a placement in"]),
    (["She drives in from Henley-on-Thames most days."], ["Henley", "Thames"], ["most days"]),
    (["Out-of-Hours cover was patchy."], [], ["Out-of-Hours"]),
    (["Face-to-Face sessions came back in June."], [], ["Face-to-Face"]),
])
def test_a_town_of_hyphened_words_goes_whole(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)


def test_a_name_a_source_made_public_stays_where_it_is_thanked(engine):
    # ("Sorry, Sky." is someone addressed; a host's name the source lists as public is not redacted there)
    public = engine.public_with(["Marnie Ellwood", "Marnie"])
    texts = engine.redact({"a": "I'm Marnie Ellwood.", "b": "Thanks, Marnie. Hi."}, {}, [], public=public).texts
    assert texts == {"a": "I'm Marnie Ellwood.", "b": "Thanks, Marnie. Hi."}


# A settlement named after its kind ("the village of", "a village called"), up to three words, in
# any case: the words to the first small word; not what a place holds or is like.
@pytest.mark.parametrize("text,found", [
    ("support worker in the village of south cave. £10.90/hr", ["south cave"]),
    ("i live in a village called little braxted now", ["little braxted"]),
    ("a tiny village called hutton-le-hole near whitby", ["hutton-le-hole"]),
    ("in the village of Lower Slaughter", ["Lower Slaughter"]),
    ("the town of my birth", []), ("a village of houses", []), ("a town of 5000 people", []),
    ("the town of Wigan today was heaving", ["Wigan"]), ("the town of skipton unison branch", ["skipton"]),
    ("the village of recovery", []),
    ("the village of the damned", []), ("the town of hope", []),
])
def test_a_place_named_after_its_kind_is_a_place(text, found):
    from ingest.redact.recognizers import RECOGNIZERS

    assert [text[f.start:f.end] for f in RECOGNIZERS["place-named-as-one"](text)] == found


# Someone's letters, then an aside saying whose: a given name opening with their first letter,
# in brackets or after a dash, perhaps after "sorry" or "I mean"; after a comma only so. Not a
# public body's, a post's or a thing's letters, a list, nor an aside naming no one of them.
@pytest.mark.parametrize("text,found", [
    ("FM (Faye) asked me to take on more court work", ["FM"]),
    ("Nobody fills it in. IC — sorry, Ines — she told us quietly.", ["IC"]),
    ("TS, I mean Tamsin, signed it off", ["TS"]), ("it was RK - Rohan - who rang", ["RK"]),
    ("my GP (Gillian) was lovely", []), ("the CEO (Colin) came down", []), ("OT (Olwen) did the visit", []),
    ("CB, Carol and me went", []), ("FM (the radio) was on all day", []), ("JK (Ben's mate) said so", []),
    ("HR (Helen) said no", []), ("IT — sorry, Ian — fixed it", []),
    # a sentence going on after a dash, a bracket saying more, letters after a determiner or a
    # word of where, letters of office mail
    ("I cover the NW - Nina covers the NE.", []), ("TBH - Tom was right", []), ("AGM — Alan chaired it", []),
    ("I sent a DM (Dave never replied)", []), ("I was born at the JR (John Radcliffe) in town", []),
    ("my MSP (Mhairi) wrote back", []), ("FAO (Fiona) please.", []), ("JT (Jo Turner) signed the form", ["JT"]),
    # a post's letters before whoever holds it
    ("TL (Tom) said no", []), ("WM (Wendy) did the rota", []),
])
def test_letters_with_an_aside_saying_whose_are_someones(text, found):
    from ingest.redact.recognizers import RECOGNIZERS

    assert [text[f.start:f.end] for f in RECOGNIZERS["initials-named-beside"](text)] == found


# "ap" or "ab" joins a name only between two given names (a Welsh patronymic), not typed for
# "about" or "app" before a public body or a word.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["My guest today is Gethin ap Rhys, a former HCA."], ["Gethin", "ap Rhys"], ["a former HCA"]),
    (["I emailed Dev ab NHS pay.", "I talked to HR ab Unison and nothing."], [], ["NHS pay", "HR ab Unison and nothing"]),
])
def test_a_patronymic_joins_two_given_names_only(engine, quotes, gone, kept):
    check(engine, quotes, gone, kept)
