"""The archive as a library: the README's notebook example runs as written, on the sample
transcripts, and gives what the commands give."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## As a library", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_notebook_example_runs(tmp_path, capsys):
    shutil.copytree(ROOT / "transcripts", tmp_path / "transcripts")
    with contextlib.chdir(tmp_path):
        exec(compile(readme_example(), "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "7 sources added" in printed
    assert re.search(r"^sample-\S+ \S", printed, re.M)  # a search hit: its id and text
    exported = [json.loads(line) for line in (tmp_path / "workload.jsonl").read_text().splitlines()]
    assert exported and all("workload" in q["themes"] and q["citation"] for q in exported)
    assert (tmp_path / "archive.db").exists()  # the project's database, as the CLI would use


def test_archive_quotes_are_the_export_records(tmp_path):
    from archive import Archive
    from tests.conftest import export_jsonl, write_tree

    write_tree(tmp_path, {"t/c/one.txt": "A: My caseload doubled last year.\nB: That sounds hard.\n"})
    archive = Archive(tmp_path / "a.db")
    assert archive.ingest(tmp_path / "t").ok
    assert list(archive.quotes()) == export_jsonl(tmp_path / "a.db")
    assert [s["id"] for s in archive.sources()] == ["one"]


def test_the_leak_gate_is_library_code():
    """Export, publish and the Archive object read through archive.leak_gate, which never
    loads the command-line layer."""
    import subprocess
    import sys

    code = "import sys, archive.leak_gate; print('archive.cli' in sys.modules, 'archive.review' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_the_stages_package_imports_nothing_of_the_archive():
    """ingest/ (readers, segmenter, redaction, themes) is the stages; archive/ stores and
    orchestrates them. One direction only: no import cycle between the packages."""
    import subprocess
    import sys

    code = ("import sys, ingest.stages, ingest.readers, ingest.segment, ingest.redact, ingest.themes, "
            "ingest.config, ingest.plugins; print(sorted(m for m in sys.modules if m.split('.')[0] == 'archive'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# ---------------------------------------------------------------- every command, from a notebook

def _small_archive(tmp_path, monkeypatch):
    """A fictional project (no NER: its text holds no identifiers), ingested by the library,
    the working folder being the project, as a researcher runs the commands from it."""
    import test_themes  # noqa: F401  registers the test_themes_trust stage
    from archive import Archive
    from test_themes_coding import TREE
    from tests.conftest import write_tree

    write_tree(tmp_path, TREE)
    monkeypatch.chdir(tmp_path)
    archive = Archive(tmp_path)
    assert archive.ingest().ok
    return archive


def _quote_with(archive, words: str) -> dict:
    return next(q for q in archive.quotes() if words in q["text"])


def _json(*args) -> object:
    from tests.conftest import run

    return json.loads(run(*args).stdout)


# (what a command prints, what the library gives, how a user would see they agree)
PARITY = [
    (["sources"], lambda a: a.sources(),
     lambda out, got: all(s["id"] in out and str(s["quotes"]) in out for s in got) and got),
    (["themes"], lambda a: a.themes(),
     lambda out, got: all(re.search(rf"^{t['id']}\s+{t['quotes']} quotes?\b", out, re.M) for t in got) and got),
    (["search", "contract", "--json"], lambda a: a.search("contract"),
     lambda out, got: [h["id"] for h in json.loads(out)["results"]] == [h.id for h in got.hits] and got.hits),
    (["export", "--format", "csv"], lambda a: _exported(a, "csv"),  # click's runner reads \r\n as \n
     lambda out, got: out == got.replace("\r\n", "\n") and got),
    (["export", "--format", "markdown", "--theme", "precarity"], lambda a: _exported(a, "markdown", themes=["precarity"]),
     lambda out, got: out == got and "zero-hours" in got),
    (["themes", "queue", "--json", "--limit", "50"], lambda a: a.queue(50),
     lambda out, got: {i["id"] for i in json.loads(out)} == {i["id"] for i in got} and got),
    (["index"], lambda a: a.index(),  # said on standard error, with the progress
     lambda out, got: "up to date" in out and not got["rebuilt"]),
]


def _exported(archive, fmt, **selection) -> str:
    import io

    out = io.StringIO()
    archive.export(out, fmt, warn=None, **selection)
    return out.getvalue()


@pytest.mark.parametrize("command, call, agree", PARITY, ids=[" ".join(c[0][:2]) for c in PARITY])
def test_a_notebook_gets_what_each_command_prints(tmp_path, monkeypatch, command, call, agree):
    from tests.conftest import run

    archive = _small_archive(tmp_path, monkeypatch)
    got = call(archive)
    result = run(*command)
    assert agree(result.stdout or result.stderr, got)


def test_hand_codes_made_in_a_notebook_are_seen_by_the_commands_and_back(tmp_path, monkeypatch):
    from tests.conftest import run

    archive = _small_archive(tmp_path, monkeypatch)
    waiting = _quote_with(archive, "waiting list")["id"]
    rained = _quote_with(archive, "planted tomatoes")["id"]
    assert archive.tag(waiting, "+precarity")[0] == "precarity"  # its themes now, a hand code first
    assert waiting in [h["id"] for h in _json("search", "--theme", "precarity", "--json")["results"]]
    assert re.search(r"^precarity .*\(1 by hand\)", run("themes").stdout, re.M)

    run("tag", rained, "+workload")
    assert rained in [h.id for h in archive.search("", themes=["workload"]).hits]
    assert {t["id"]: t["by_hand"] for t in archive.themes()}["workload"] == 1
    archive.tag(rained, remove=["workload"])
    assert "workload" not in _quote_with(archive, "planted tomatoes")["themes"]

    (tmp_path / "transcripts/study/talk-01.txt").write_text(
        (tmp_path / "transcripts/study/talk-01.txt").read_text() + "Interviewer: Thank you.\n")
    archive.ingest()  # hand decisions outlive re-ingest, whoever made them
    assert "precarity" in _quote_with(archive, "waiting list")["themes"]
    assert "workload" not in _quote_with(archive, "planted tomatoes")["themes"]


def _post_decision(quote: str, add: list[str], remove: list[str], headers: dict[str, str]):
    """A POST to the coding page's decide route (plugins/coding.py), as a browser sends it."""
    import asyncio

    from datasette.utils.asgi import Request

    from archive.web.plugins import coding

    body = json.dumps({"id": quote, "add": add, "remove": remove}).encode()

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    scope = {"type": "http", "method": "POST", "path": "/-/coding/decide", "query_string": b"",
             "headers": [(k.encode(), v.encode()) for k, v in headers.items()], "client": ("127.0.0.1", 50000)}
    return asyncio.run(coding.decide(Request(scope, receive)))


# What the coding page's own script sends (fetch with a JSON body, from the page's origin).
OWN_PAGE = {"content-type": "application/json", "host": "127.0.0.1:8001", "origin": "http://127.0.0.1:8001",
            "sec-fetch-site": "same-origin"}


def _decide_on_the_coding_page(db: Path, quote: str, add: list[str], remove: list[str]):
    """What the coding page's script posts when a coder decides a quote."""
    response = _post_decision(quote, add, remove, OWN_PAGE)
    assert response.status == 200, response.body
    return json.loads(response.body)["themes"]


@pytest.mark.parametrize("headers", [
    # a page on another site posting without a preflight: a "simple" content type
    {"content-type": "text/plain; charset=json", "host": "127.0.0.1:8001", "origin": "https://evil.example"},
    {"content-type": "text/plain; charset=json", "host": "127.0.0.1:8001"},
    {"content-type": "application/x-www-form-urlencoded; x=json", "host": "127.0.0.1:8001"},
    # JSON, but from another origin or said cross-site by the browser
    {**OWN_PAGE, "origin": "https://evil.example"},
    {**OWN_PAGE, "sec-fetch-site": "cross-site"},
    {**OWN_PAGE, "origin": "http://127.0.0.1:9999"},
])
def test_another_sites_page_cannot_code_quotes_through_a_running_serve(tmp_path, monkeypatch, headers):
    import test_themes  # noqa: F401
    from archive import Archive
    from archive.web.plugins import coding
    from tests.conftest import write_tree

    write_tree(tmp_path, {"archive.yml": "pipeline:\n  redact: test_themes_trust\n",
                          "transcripts/study/collection.yml": "title: Fictional study\nkind: interview\n",
                          "transcripts/study/talk-01.txt": "Q: And then?\nKestrel: A zero-hours contract.\n"})
    monkeypatch.chdir(tmp_path)
    archive = Archive(tmp_path)
    archive.ingest()
    monkeypatch.setenv(coding.DB_ENV, str(archive.db_path))
    quote = _quote_with(archive, "zero-hours")["id"]  # the participant's turn: the question takes no code
    response = _post_decision(quote, ["workload"], [], headers)
    assert response.status in (400, 403), response.body
    assert "workload" not in {t for q in archive.quotes() if q["id"] == quote for t in q["themes"]}
    assert _post_decision(quote, ["workload"], [], OWN_PAGE).status == 200  # the page itself still can


def _archive_tag(archive, quote):
    from tests.conftest import run

    run("tag", quote, "+workload", "-precarity")


WRITERS = {  # the same decision (+workload -precarity), taken each way
    "archive tag": _archive_tag,
    "Archive.tag": lambda archive, quote: archive.tag(quote, add=["workload"], remove=["precarity"]),
    "the coding page": lambda archive, quote: _decide_on_the_coding_page(archive.db_path, quote, ["workload"],
                                                                         ["precarity"]),
}


def test_the_coding_page_archive_tag_and_the_library_write_the_same_hand_code(tmp_path, monkeypatch):
    """One writer of hand codes: the same decision, taken three ways on three like quotes,
    reads the same to a user (themes, score, evidence, 'by hand') and outlives re-ingest."""
    import test_themes  # noqa: F401
    from archive import Archive
    from tests.conftest import write_tree

    turns = "".join(f"Interviewer: And then?\nKestrel: A zero-hours contract, number {n}.\n"
                    for n in range(1, len(WRITERS) + 1))
    write_tree(tmp_path, {"archive.yml": "pipeline:\n  redact: test_themes_trust\n",
                          "transcripts/study/collection.yml": "title: Fictional study\nkind: interview\n",
                          "transcripts/study/talk-01.txt": turns})
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ARCHIVE_CODING_DB", str(tmp_path / "archive.db"))  # as `archive serve` sets it
    archive = Archive(tmp_path)
    archive.ingest()

    def seen(n):
        quote = _quote_with(archive, f"number {n}.")
        return quote["themes"], quote["theme_scores"], quote["theme_evidence"]

    assert all("precarity" in seen(n)[0] for n in range(1, len(WRITERS) + 1))
    for n, write in enumerate(WRITERS.values(), start=1):
        write(archive, _quote_with(archive, f"number {n}.")["id"])
    first, *others = [seen(n) for n in range(1, len(WRITERS) + 1)]
    assert "workload" in first[0] and "precarity" not in first[0] and first[1]["workload"] == 1.0
    assert others == [first] * len(others)
    assert {t["id"]: t["by_hand"] for t in archive.themes()}["workload"] == len(WRITERS)
    write_tree(tmp_path, {"transcripts/study/talk-01.txt": "Interviewer: Hello.\n" + turns})
    archive.ingest()  # a turn added above: each decision follows its text
    assert [seen(n) for n in range(1, len(WRITERS) + 1)] == [first] * len(WRITERS)


def test_an_interviewers_turn_takes_no_theme_by_any_writer(tmp_path, monkeypatch):
    """The tagger and `themes retag` leave interviewers' and hosts' turns uncoded, so a theme
    added to one by hand would come and go: the library, `archive tag` and the coding page
    refuse it in one sentence, and a participant's turn still takes it."""
    from archive.hand_codes import BadChange
    from tests.conftest import run

    archive = _small_archive(tmp_path, monkeypatch)
    monkeypatch.setenv("ARCHIVE_CODING_DB", str(archive.db_path))
    question = _quote_with(archive, "How is work")["id"]
    with pytest.raises(BadChange, match="interviewer or host"):
        archive.tag(question, "+workload")
    assert "stay uncoded" in run("tag", question, "+workload", expect=1).output
    response = _post_decision(question, ["workload"], [], OWN_PAGE)
    assert response.status == 400 and "stay uncoded" in response.body
    assert _quote_with(archive, "How is work")["themes"] == []
    assert archive.tag(question, "-workload") == []  # taking a theme away is always allowed
    assert "workload" in archive.tag(_quote_with(archive, "waiting list")["id"], "+workload")


# (a mistake, what the library raises, what the command says and its exit code)
MISTAKES = [
    (lambda a, q: a.tag("no-such-quote", "+work"), "UnknownQuote", ["tag", "no-such-quote", "+work"], 1,
     "no quote 'no-such-quote' in the archive."),
    (lambda a, q: a.tag(q, "+no_such_theme"), "BadChange", ["tag", "{q}", "+no_such_theme"], 2,
     "no theme 'no_such_theme' in the archive"),
    (lambda a, q: a.tag(q, "+workload", "-workload"), "BadChange", ["tag", "{q}", "+workload", "-workload"], 2,
     "'workload' is given twice"),
    (lambda a, q: _exported(a, "csv", themes=["no_such_theme"]), "ExportError",
     ["export", "--theme", "no_such_theme"], 1, "no theme 'no_such_theme' in the archive"),
    (lambda a, q: a.export(io_sink(), "csv", base_url="ftp://archive.example"), "ExportOptionError",
     ["export", "--base-url", "ftp://archive.example"], 2, "give the address with https://"),
]


def io_sink():
    import io

    return io.StringIO()


@pytest.mark.parametrize("call, error, command, code, message", MISTAKES, ids=[m[1] + " " + m[2][0] for m in MISTAKES])
def test_a_mistake_is_the_same_sentence_from_the_library_and_the_command(tmp_path, monkeypatch, call, error,
                                                                          command, code, message):
    from tests.conftest import run

    archive = _small_archive(tmp_path, monkeypatch)
    quote = _quote_with(archive, "waiting list")["id"]
    with pytest.raises(Exception) as raised:
        call(archive, quote)
    assert type(raised.value).__name__ == error and message in str(raised.value)
    result = run(*[arg.format(q=quote) for arg in command], expect=code)
    assert message in result.output and "Traceback" not in result.output
    assert not any(t["by_hand"] for t in archive.themes())  # nothing was written


METADATA = """\
title: Fictional Test Archive
description_html: <p>Invented interviews for a test.</p>
license: CC BY-NC 4.0
license_url: https://creativecommons.org/licenses/by-nc/4.0/
source: A fictional organisation
"""


def test_a_project_from_init_to_withdrawal_in_a_notebook(tmp_path, monkeypatch):
    """init, ingest, review, import, index, publish and withdraw: each command's work, by the library."""
    from archive import Archive
    from tests.conftest import run, write_tree

    written, kept = Archive.init(tmp_path)
    assert (tmp_path / "archive.yml") in written and not kept
    write_tree(tmp_path, {"metadata.yml": METADATA, "transcripts/example-study/email.txt": """\
        Interviewer: How do people reach you?
        Robin: They write to ellery.quist@example.org and I answer within the week.
    """})
    monkeypatch.chdir(tmp_path)
    archive = Archive(tmp_path)
    assert archive.ingest().ok
    assert [s["id"] for s in archive.sources()] == [s.split()[0] for s in run("sources").stdout.splitlines()[1:]]

    reviews = {r.source: r for r in archive.review_redaction()}
    email = next(r for r in reviews["email"].replacements if "ellery" in r.entry["original"])
    assert email.entry["replacement"] in email.context and "ellery" not in email.context
    path = archive.decide_redaction(keep=["Kestrelbury"])
    assert "Kestrelbury" in Archive(tmp_path).config.review["keep"] and path == tmp_path / "archive.yml"

    archive.export(tmp_path / "coded.qdpx", "qdpx", warn=None)
    report = archive.import_codes(tmp_path / "coded.qdpx")
    assert report.codes_read > 0 and report.coded == 0 and report.already > 0

    assert archive.index(rebuild=True)["rebuilt"] and not archive.index()["rebuilt"]

    build = archive.publish(tmp_path / "site", warn=None)
    assert build.counts["archive"]["sources"] == 2 and (tmp_path / "site" / "archive.db").exists()

    withdrawn = archive.withdraw("email", reason="asked to")
    assert withdrawn.was_in_archive and [s["id"] for s in archive.sources()] == ["example-interview-01"]
    assert "email" not in run("sources").stdout
