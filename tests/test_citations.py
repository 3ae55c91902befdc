"""Citations: one CSL-JSON item per quote, formatted by a CSL processor (APA, Chicago) or as
the archive's plain citation, and written for reference managers (RIS, BibTeX, CSL-JSON),
each file read back by its own reader."""

from __future__ import annotations

import json

import bibtexparser
import pytest
import rispy

from archive.citations import csl_item, format_citation, quote_url, to_bibtex, to_csl_json, to_ris

ROW = {
    "id": "ep1-002", "source": "ep1", "collection": "pods", "kind": "podcast", "position": 2,
    "start": 65.0, "end": 69.5, "speaker_description": "Guest, therapist", "source_title": "Targets",
    "source_date": "2020-06", "collection_title": "Conversations at work",
    "collection_citation": "The Example Work Library.", "audio_url": "https://example.org/ep1.mp3",
    "access": "public",
}
SITE = {"title": "Example Quote Library", "url": "https://quotes.example.org/",
        "licence": "CC BY-NC 4.0", "accessed": "2026-11-30"}


def test_plain_is_the_archives_citation_unchanged():
    assert format_citation(csl_item(ROW), "plain") == (
        "Guest, therapist, “Targets”, 2020-06, Conversations at work, quote no. 2, at 1:05. "
        "The Example Work Library. https://example.org/ep1.mp3#t=65")
    untimed = dict(ROW, start=None, end=None, source_date=None, collection_citation=None, position=7)
    assert format_citation(csl_item(untimed), "plain") == "Guest, therapist, “Targets”, Conversations at work, quote no. 7."


@pytest.mark.parametrize("position", [1, 2, 9, 17, 20, 99, 140])
def test_a_quote_number_never_runs_into_a_word_when_the_spaces_go(position):
    """Read without its spaces, as a check for a leaked postcode reads published text,
    "quote 17" would spell the district E17: no letter stands right before the number."""
    import re

    flat = re.sub(r"\s", "", format_citation(csl_item(dict(ROW, position=position, start=None)), "plain"))
    assert re.search(r"[A-Za-z]\d", flat) is None, flat


def test_the_item_carries_speaker_source_collection_quote_time_archive_url_licence_and_access_date():
    item = csl_item(ROW, SITE)
    assert item["author"] == [{"literal": "Guest, therapist"}]
    assert (item["title"], item["container-title"], item["publisher"]) == (
        "Targets", "Conversations at work", "Example Quote Library")
    assert item["issued"] == {"date-parts": [[2020, 6]]}
    assert item["archive_location"] == "quote no. 2, at 1:05"
    assert item["URL"] == "https://quotes.example.org/archive/quotes/ep1-002"
    assert item["accessed"] == {"date-parts": [[2026, 11, 30]]}
    assert item["license"] == "CC BY-NC 4.0"
    assert item["custom"]["audio"] == "https://example.org/ep1.mp3#t=65"
    # A collection's own licence wins over the site's.
    assert csl_item(dict(ROW, licence="CC BY 4.0"), SITE)["license"] == "CC BY 4.0"


def test_a_restricted_quote_links_to_the_restricted_database_and_ids_are_encoded():
    assert quote_url("https://q.example.org", dict(ROW, access="restricted")) == \
        "https://q.example.org/restricted/quotes/ep1-002"
    assert quote_url("https://q.example.org", dict(ROW, id="a.b")) == "https://q.example.org/archive/quotes/a~2Eb"


def test_apa_and_chicago_come_from_the_csl_styles():
    item = csl_item(ROW, SITE)
    apa = format_citation(item, "apa")
    assert apa.startswith("Guest, therapist. (2020, June). Targets [Podcast episode]. Conversations at Work.")
    assert "Example Quote Library" in apa and "quote no. 2, at 1:05" in apa
    assert apa.endswith("https://quotes.example.org/archive/quotes/ep1-002")
    chicago = format_citation(item, "chicago")
    assert chicago.startswith("Guest, therapist. “Targets”. Podcast episode. Conversations at Work,")
    assert "June 2020" in chicago and "Quote no. 2, at 1:05" in chicago
    # No date: APA says so.
    assert "(n.d.)" in format_citation(csl_item(dict(ROW, source_date=None)), "apa")


def test_kinds_have_their_own_genre_and_a_date_that_is_not_iso_is_kept_raw():
    survey = csl_item(dict(ROW, kind="survey", source_date="Spring 2019"))
    assert survey["type"] == "dataset" and survey["genre"] == "Survey response"
    assert survey["issued"] == {"raw": "Spring 2019"}
    assert "Spring 2019" in format_citation(survey, "plain")
    assert "[Interview]" in format_citation(csl_item(dict(ROW, kind="interview")), "apa")


def test_unknown_style_is_an_error():
    with pytest.raises(ValueError, match="unknown citation style 'mla'"):
        format_citation(csl_item(ROW), "mla")


def test_ris_reads_back_with_rispy():
    items = [csl_item(ROW, SITE), csl_item(dict(ROW, id="ep1-003", position=3, kind="interview"))]
    text = to_ris(items)
    assert text.startswith("TY  - SOUND")
    refs = rispy.loads(text)
    assert [r["id"] for r in refs] == ["ep1-002", "ep1-003"]
    assert refs[0]["authors"] == ["Guest, therapist"] and refs[0]["title"] == "Targets"
    assert refs[0]["secondary_title"] == "Conversations at work" and refs[0]["publisher"] == "Example Quote Library"
    assert refs[0]["urls"] == ["https://quotes.example.org/archive/quotes/ep1-002"]
    assert refs[0]["accession_number"] == "quote no. 2, at 1:05" and refs[0]["year"] == "2020"
    assert "Licence: CC BY-NC 4.0" in refs[0]["notes"]
    assert refs[1]["type_of_reference"] == "GEN"


def test_bibtex_reads_back_with_bibtexparser_a_description_staying_one_name():
    speaker = "Nurse & manager, 50% part_time"
    text = to_bibtex([csl_item(dict(ROW, speaker_description=speaker), SITE)])
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.key == "ep1-002" and entry.entry_type == "misc"
    assert entry["author"] == r"{Nurse \& manager, 50\% part\_time}"  # one braced name, escaped
    assert entry["url"] == "https://quotes.example.org/archive/quotes/ep1-002"
    assert entry["year"] == "2020" and entry["month"] == "6"
    assert "quote no. 2, at 1:05" in entry["note"]


def test_csl_json_reads_back_and_feeds_a_csl_processor():
    items = [csl_item(ROW, SITE)]
    loaded = json.loads(to_csl_json(items))
    assert loaded == items
    assert format_citation(loaded[0], "apa") == format_citation(items[0], "apa")


def test_each_quote_of_a_source_gets_its_own_locator_and_link():
    first = format_citation(csl_item(ROW, SITE), "chicago")
    later = format_citation(csl_item(dict(ROW, id="ep1-009", position=9, start=3725.0), SITE), "chicago")
    assert "Quote no. 2, at 1:05" in first and first.endswith("/archive/quotes/ep1-002.")
    assert "Quote no. 9, at 1:02:05" in later and later.endswith("/archive/quotes/ep1-009.")
    assert later.replace("9, at 1:02:05", "2, at 1:05").replace("ep1-009", "ep1-002") == first
    timed = format_citation(csl_item(dict(ROW, start=3725.0)), "apa")
    assert "(quote no. 2, at 1:02:05)" in timed and timed.endswith("https://example.org/ep1.mp3#t=3725")
