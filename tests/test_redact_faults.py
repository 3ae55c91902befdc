"""Faults users found in the redaction stage, each as the user met it (issue 11).

Every name here is invented; public bodies and companies are real.
"""

from __future__ import annotations

import json
import re

import pytest

from conftest import export_jsonl, run, write_tree
from ingest.config import load_config
from ingest.model import Quote, Source, Speaker
from ingest.redact import Redactor
from ingest.redact.engine import Engine
from ingest.redact.gate import log_path


def test_the_gate_redacts_what_it_can_name_and_keeps_the_source(tmp_path, monkeypatch):
    """A quote still holding a known name and a phone number no longer keeps the source out."""
    speaker = Speaker(1, "Participant 1", labels={"Wenna"})
    source = Source("s1", "c", tmp_path / "s1.txt", "txt", {"title": "A talk"}, speakers=[speaker],
                    quotes=[Quote("s1-001", 1, 1, 1, speaker, "Wenna here, from Brindleford.", "line 1"),
                            Quote("s1-002", 2, 2, 2, speaker, "Call me.", "line 2")])
    redact = Engine.redact

    def misses(self, *args, **kwargs):  # a recognizer's blind spot: the name and a number left in
        result = redact(self, *args, **kwargs)
        result.texts["s1-002"] = "Call Wenna on 0161 496 0000."
        return result

    monkeypatch.setattr(Engine, "redact", misses)
    Redactor(load_config(tmp_path))(source)
    assert source.redacted
    wenna = source.quotes[0].text.split(" here")[0]  # the pseudonym the name has in the first quote
    assert source.quotes[1].text == f"Call {wenna} on [phone]."
    path, lines = source.private_log  # written once the source is stored
    assert path == log_path(tmp_path / "private", "s1")
    log = [json.loads(line) for line in lines]
    assert {(e["original"], e["recognizer"]) for e in log if e["quote"] == "s1-002"} == {
        ("Wenna", "leak-gate"), ("0161 496 0000", "leak-gate")}


PODCAST = """\
---
title: "Surviving Work podcast: Therapy by app, paid by the minute"
speakers:
  Host: Host
---
Host: Welcome. My guests are Tamsin Vale and Orrin Pask.
Tamsin Vale: Thanks. I drive for Uber some nights, and I counsel on an app by day.
Orrin Pask: Same here, more or less.
"""


def test_a_guests_pseudonym_and_the_title_are_not_redacted_again(project):
    write_tree(project / "t", {"pods/collection.yml": "title: Surviving Work podcast conversations\nkind: podcast\n",
                               "pods/ep-01.md": PODCAST})
    run("ingest", "t", "--db", project / "a.db")
    quotes = export_jsonl(project / "a.db")
    assert [q["speaker"] for q in quotes] == ["Host", "Participant 1", "Participant 2"]
    assert "“Surviving Work podcast: Therapy by app, paid by the minute”" in quotes[0]["citation"]
    assert "Uber" in quotes[1]["text"] and "Tamsin" not in json.dumps(quotes)


def test_a_source_id_holding_a_lower_case_name_that_is_a_word_is_stopped(project):
    write_tree(project / "t", {
        "study/collection.yml": "title: A study\n",
        "study/grace-2019.txt": "Q: Who are you?\nA: I'm Grace Okafor, I work on the wards.\n",
    })
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    assert "the source id (by default the file name) contains an identifier" in result.stderr
    write_tree(project / "t", {"study/grace-2019.txt.yml": "id: int-2019\n"})
    run("ingest", "t", "--db", project / "a.db")
    assert {q["source"] for q in export_jsonl(project / "a.db")} == {"int-2019"}


def test_a_name_spelled_out_is_redacted_with_the_name(project):
    write_tree(project / "t", {
        "study/collection.yml": "title: A study\n",
        "study/int-01.txt": "Q: Your name for the form?\nA: Kasia Zielonka. That's Z-I-E-L-O-N-K-A, with a K at the end.\n",
    })
    run("ingest", "t", "--db", project / "a.db")
    text = " ".join(q["text"] for q in export_jsonl(project / "a.db"))
    assert "Z-I-E-L-O-N-K-A" not in text and "Zielonka" not in text
    assert "with a K at the end" in text


# A word found as someone's name where a person stands, typed in lower case ("i asked bell",
# "rowan, do you want to start?"), and the same word elsewhere in the source ("the bell rang"):
# ingest let the source in, and then export, publish and serve refused the whole archive,
# because their gate searches for every original the private log lists. What ingest lets
# through, export must let through: the same word goes wherever the source says it.
@pytest.mark.parametrize("answer,name", [
    ("my manager was Ruth Bell. one day i asked bell about leave. the bell rang for lunch.", "bell"),
    ("i work with Amy King. later king said no. we watched the king on tv.", "king"),
])
def test_what_ingest_publishes_export_lets_out(project, answer, name):
    write_tree(project / "t", {"s/collection.yml": "title: A survey\n", "s/s-01.txt": f"Q: What happened?\nA: {answer}\n"})
    run("ingest", "t", "--db", project / "a.db")
    quotes = export_jsonl(project / "a.db")  # refused before: "a person's name is still in the redacted text"
    text = " ".join(q["text"] for q in quotes)
    assert not re.search(rf"(?i)\b{name}\b", text), text
