"""Long turns become readable quotes; ids and times survive the split."""

from __future__ import annotations

from pathlib import Path

from ingest.model import Cue, Source, Turn
from ingest.segment import Segmenter, split_spans


def sentence(n: int, words: int = 10) -> str:
    return "Sentence " + " ".join(f"w{n}x{i}" for i in range(words - 2)) + " end."


def source_with(*turns: Turn, speakers: dict | None = None) -> Source:
    return Source(id="s1", collection="c", path=Path("s1.txt"), format="txt",
                  meta={"speakers": speakers or {}}, turns=list(turns))


def test_short_turn_is_one_quote():
    text = " ".join(sentence(i) for i in range(14))  # 140 words
    assert split_spans(text) == [(0, len(text))]


def test_long_turn_splits_at_paragraphs_into_balanced_parts():
    paragraphs = [" ".join(sentence(p * 10 + i) for i in range(6)) for p in range(5)]  # 5 x 60 words
    text = "\n\n".join(paragraphs)
    parts = [text[b:e].strip() for b, e in split_spans(text)]
    assert len(parts) == 2
    assert all(len(p.split()) <= 180 for p in parts)
    # Nothing lost or reordered, and every part is whole paragraphs.
    assert "\n\n".join(parts) == text
    assert any(parts[1].startswith(p) for p in paragraphs)  # cut at a paragraph break


def test_one_long_paragraph_splits_at_sentence_ends():
    text = " ".join(sentence(i) for i in range(40))  # 400 words, no paragraph breaks
    parts = [text[b:e] for b, e in split_spans(text)]
    assert len(parts) == 3
    assert all(p.rstrip().endswith("end.") for p in parts)
    assert all(100 <= len(p.split()) <= 150 for p in parts)
    assert " ".join(p.strip() for p in parts) == text


def test_one_huge_sentence_stays_whole():
    text = "And " + " ".join(f"word{i}" for i in range(300)) + "."
    assert split_spans(text) == [(0, len(text))]


def test_quote_ids_are_stable_and_name_turn_and_part():
    long = " ".join(sentence(i) for i in range(20))
    src = source_with(Turn("Q", "Short question?", "line 1"), Turn("A", long, "line 2"),
                      Turn("Q", "Thanks.", "line 3"))
    ids = [q.id for q in Segmenter()(src).quotes]
    assert ids == ["s1-001", "s1-002-1", "s1-002-2", "s1-003"]
    again = source_with(Turn("Q", "Short question?", "line 1"), Turn("A", long, "line 2"),
                        Turn("Q", "Thanks.", "line 3"))
    assert [q.id for q in Segmenter()(again).quotes] == ids
    assert [q.position for q in Segmenter()(again).quotes] == [1, 2, 3, 4]


def test_parts_of_a_timed_turn_take_their_cues_times():
    first = " ".join(sentence(i) for i in range(10))  # 100 words in cue 1
    second = " ".join(sentence(i + 10) for i in range(10))  # 100 words in cue 2
    turn = Turn("Guest", f"{first} {second}", "cue 3", start=10.0, end=70.0,
                cues=[Cue(0, 10.0, 40.0), Cue(len(first) + 1, 40.5, 70.0)])
    quotes = Segmenter()(source_with(turn)).quotes
    assert [(q.start, q.end) for q in quotes] == [(10.0, 40.0), (40.5, 70.0)]


def test_speakers_get_their_public_description_or_a_pseudonym_never_the_label():
    src = source_with(Turn("Interviewer", "Hello?", "line 1"), Turn("Maggie Rowe", "Hi.", "line 2"),
                      Turn("interviewer", "Go on.", "line 3"), Turn("Tom", "Me too.", "line 4"),
                      speakers={"INTERVIEWER": "Interviewer, researcher"})
    quotes = Segmenter()(src).quotes
    assert [q.speaker.description for q in quotes] == [
        "Interviewer, researcher", "Participant 1", "Interviewer, researcher", "Participant 2"]
    assert quotes[0].speaker is quotes[2].speaker


def test_role_labels_describe_the_speaker_without_a_speakers_map():
    src = source_with(Turn("Q", "Why?", "line 1"), Turn("A", "Because.", "line 2"),
                      Turn("Facilitator", "Anyone else?", "line 3"), Turn("Sam", "Me.", "line 4"))
    assert [q.speaker.description for q in Segmenter()(src).quotes] == [
        "Interviewer", "Respondent", "Facilitator", "Participant 1"]


def test_survey_respondents_are_described_by_their_attributes():
    src = source_with(Turn("R17", "More pay.", "row 2, column q1", question="What would help?",
                           attributes={"role": "Counsellor", "sector": "Third sector"}))
    quote = Segmenter()(src).quotes[0]
    assert quote.speaker.description == "Counsellor, Third sector"
    assert quote.question == "What would help?"
