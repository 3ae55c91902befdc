"""Search through the real pipeline: the dev corpus, and the index following re-ingests."""

from __future__ import annotations

import contextlib
import json
import re

import pytest

from archive import search_index
from tests.conftest import run, write_tree


def search_json(db, *args) -> dict:
    return json.loads(run("search", *args, "--db", db, "--json", "--limit", "50").stdout)


def test_dev_corpus_stemming_filters_and_suggestions(dev_archive):
    db, quotes = dev_archive
    assert search_index.index_dir(db).is_dir()  # ingest built it
    honorary = search_json(db, "honorary")
    texts = [r["text"].lower() for r in honorary["results"]]
    assert any("honoraries" in t for t in texts) and any(re.search(r"\bhonorary\b", t) for t in texts)
    assert honorary["total"] == sum(
        1 for q in quotes if re.search(r"\bhonorar(y|ies)\b", q["text"], re.I)
    )
    surveys = search_json(db, "placement kind:survey")
    assert surveys["results"] and all(r["kind"] == "survey" for r in surveys["results"])
    themed = search_json(db, "theme:unwaged_work")
    assert themed["total"] == sum(1 for q in quotes if "unwaged_work" in q["themes"])
    assert search_json(db, "placemnt")["did_you_mean"] == "placement"
    exported = {q["id"]: q["citation"] for q in quotes}
    assert all(r["citation"] == exported[r["id"]] for r in honorary["results"])


@pytest.fixture(scope="module")
def tree_project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reingest")
    write_tree(folder / "transcripts", {
        "talks/collection.yml": "title: Fictional talks\nkind: interview\n",
        "talks/one.txt": """
            Interviewer: What was the placement like?
            Respondent: The honorary post ate my weekends and nobody noticed.
        """,
        "talks/two.txt": """
            Interviewer: And the team?
            Respondent: We started a union branch after the restructure.
        """,
    })
    return folder


def ingest(folder):
    with contextlib.chdir(folder):
        run("ingest", folder / "transcripts", "--db", folder / "a.db")
    return folder / "a.db"


def test_index_follows_reingest_and_removal(tree_project):
    db = ingest(tree_project)
    assert [r["source"] for r in search_json(db, "honorary")["results"]] == ["one"]
    (tree_project / "transcripts/talks/one.txt").write_text(
        "Interviewer: What was the placement like?\n"
        "Respondent: Sessional work on a rolling contract, renewed each term.\n"
    )
    ingest(tree_project)
    assert search_json(db, "honorary")["total"] == 0
    assert [r["source"] for r in search_json(db, "rolling contract")["results"]] == ["one"]
    (tree_project / "transcripts/talks/two.txt").unlink()
    ingest(tree_project)
    assert search_json(db, "union")["total"] == 0
    gone = run("search", "source:two", "--db", db, expect=1)  # not an empty answer: it is gone
    assert gone.output.strip() == "Error: No source 'two' in the archive; its sources: one."
