"""The sample in transcripts/ (what `make demo` shows): every planted identifier is
gone from the database file and the export, and the public terms are still there."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from tests.conftest import export_jsonl, run

SAMPLE = Path(__file__).resolve().parents[1] / "transcripts"

# What the sample's author planted (all fictional), and public terms that must stay.
PLANTED = [
    "Priya Lindqvist", "Priya", "Declan Farrow", "Declan", "Femi Adeyinka", "Tynebank", "Ashington",
    "Wansford Street", "14th of March", "E402187", "07700 900362",
    "Tamsin", "Glenys Probert", "Alder Counselling", "Lanternfield", "Pontypridd", "Cwmfelyn",
    "placements@aldercounselling.org.uk", "029 2018 0455",
    "Wrekin Vale", "Alistair Quayle", "Alistair", "Connor", "a.quayle@wrekinvale.nhs.uk", "Bromsgrove",
    "Lickey End", "ZZ99 7LH", "01632 960214",
    "Liam Corrigan", "Mendwell", "Stockport", "okafor", "fastpost",
    "Nadia", "Bernadette Sowerby", "Hartlepool", "Tanfield Road", "0113 496 0981",
    "Shona Mackintosh", "Ouseburn", "wellbeing.lead@ouseburn-counselling.co.uk", "Whitby", "0161 496 0552",
    "Imogen Tate", "Harbourside Wellbeing Hub", "Brindle Court", "ZZ99 2PF", "55023-K",
]
PUBLIC = ["NHS", "IAPT", "PWP", "CBT", "PHQ-9", "Unison", "Universal Credit", "DWP", "Mind", "BACP",
          "Jobcentre", "PIP", "ESA", "GAD-7", "Corinne"]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    with contextlib.chdir(folder):
        run("ingest", SAMPLE, "--db", folder / "sample.db")
        # Restricted sources too (sample-int-02): every planted identifier is checked in every one.
        return folder / "sample.db", export_jsonl(folder / "sample.db", "--include-restricted")


def test_the_sample_ingests_every_source(sample):
    _, quotes = sample
    assert len({q["source"] for q in quotes}) == 7


@pytest.mark.parametrize("identifier", PLANTED)
def test_no_planted_identifier_survives(sample, identifier):
    db, quotes = sample
    assert identifier.lower().encode() not in published_bytes(db.parent) + str(quotes).lower().encode()


def published_bytes(folder: Path) -> bytes:
    """Every file the archive wrote (database, its WAL, the search index), but private/."""
    files = [p for p in folder.rglob("*") if p.is_file() and "private" not in p.relative_to(folder).parts
             and not p.name.endswith("-shm")]  # SQLite's shared-memory index holds no text
    assert any(p.name == "sample.db" for p in files) and any("index" in str(p) for p in files)
    return b"".join(p.read_bytes() for p in files if p.exists()).lower()


def test_public_terms_stay(sample):
    _, quotes = sample
    text = " ".join(q["text"] + " " + q["speaker"] for q in quotes)
    assert [term for term in PUBLIC if term not in text] == []
