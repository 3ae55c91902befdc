"""Publishing with Datasette: the build, its pages and JSON API, access rules, withdraw.

The archive here is built straight through ``archive.store`` from fictional,
already-redacted sources, so these tests do not depend on the ingest stages.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette
from datasette_auth_passwords.utils import hash_password

from archive import store
from archive.web import publish, withdraw
from conftest import run
from ingest.model import Quote, Source, Speaker, ThemeTag

THEMES = [
    {"id": "precarity", "label": "Precarity", "description": "Insecure work and pay."},
    {"id": "workload", "label": "Workload and wellbeing", "description": "Caseloads and burnout."},
    {"id": "solidarity", "label": "Organising and solidarity", "description": "Unions and peers."},
]
TODAY = dt.date(2030, 6, 1)
PROJECT_METADATA = Path(__file__).resolve().parents[1] / "metadata.yml"  # the sample project's
PASSWORD = "correct horse battery staple"


def make_source(source_id, collection, turns, *, access="public", kind="interview", questions=None,
                **meta) -> Source:
    """A redacted source: ``turns`` is [(speaker number, text, themes, start)]; a theme is an
    id, or (id, score); ``questions`` gives each turn's survey question."""
    meta = {"title": source_id.replace("-", " ").title(), "date": "2029-03-14", "kind": kind,
            "access": access, "collection_title": collection.title(),
            "collection_description": f"{collection.title()} about working in mental health.",
            "licence": "CC BY 4.0", "citation": "Surviving Work Library (2030).", **meta}
    speakers = {n: Speaker(n, f"Participant {n}" if n > 1 else "Interviewer") for n, *_ in turns}
    quotes = [
        Quote(id=f"{source_id}-q{i}", turn=i, part=1, position=i, speaker=speakers[n], text=text,
              place=f"line {i}", start=start, end=start + 9 if start is not None else None,
              question=questions[i - 1] if questions else None,
              themes=[ThemeTag(*(t if isinstance(t, tuple) else (t, 0.8)), [text.split()[0]]) for t in themes])
        for i, (n, text, themes, start) in enumerate(turns, start=1)
    ]
    return Source(id=source_id, collection=collection, path=Path(f"{collection}/{source_id}.txt"),
                  format="txt", meta=meta, speakers=list(speakers.values()), quotes=quotes,
                  redacted=True, fingerprint=source_id)


def build_sample_archive(db_path: Path) -> Path:
    db = store.open_db(db_path)
    store.sync_themes(db, THEMES)
    sources = [
        make_source("int-01", "interviews", [
            (1, "How did the contract change?", [], None),
            (2, "I was on a zero hours contract for two years and never knew my rota.", ["precarity"], None),
            (2, "My caseload doubled and I cried in the car park most days.", ["workload"], None),
            (2, "The union rep at [Workplace 1] was the only one who listened.", ["solidarity", ("workload", 0.55)],
             None),
        ]),
        make_source("pod-01", "podcasts", [
            (1, "Welcome back to the show about therapy work.", [], 0.0),
            (2, "Burnout is everywhere; my whole team is exhausted by the targets.", [("workload", 0.95)], 75.5),
        ], kind="podcast", audio_url="https://audio.example.org/pod-01.mp3"),
        make_source("int-restricted", "interviews", [
            (2, "Sessional pay meant I could not afford the supervision fees.", ["precarity"], None),
        ], access="restricted"),
        make_source("int-embargo-past", "interviews", [
            (2, "Nobody from the team talks about the waiting list anymore.", ["workload"], None),
        ], access="embargoed", embargo_until="2030-01-01"),
        make_source("int-embargo-future", "interviews", [
            (2, "The hidden ledger of unpaid weekend shifts.", ["precarity"], None),
        ], access="embargoed", embargo_until="2031-01-01"),
        make_source("int-withdrawn", "interviews", [
            (2, "The marmalade committee decided everything.", ["precarity"], None),
        ], access="withdrawn"),
    ]
    for source in sources:
        store.replace_source(db, source, root="transcripts")
    db.close()
    return db_path


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    return build_sample_archive(tmp_path_factory.mktemp("web") / "archive.db")


@pytest.fixture(scope="module")
def build(sample_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    publish.build(sample_db, out, today=TODAY, metadata_path=PROJECT_METADATA)
    return out


class Client:
    """Datasette's in-process client, called synchronously."""

    def __init__(self, datasette: Datasette):
        self.datasette = datasette

    def get(self, path, **kwargs):
        return asyncio.run(self.datasette.client.get(path, **kwargs))

    def post(self, path, **kwargs):
        return asyncio.run(self.datasette.client.post(path, **kwargs))


@pytest.fixture(scope="module")
def client(build):
    """The build served as `datasette OUT` would serve it, with a researcher's password set."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv(publish.PASSWORD_ENV, hash_password(PASSWORD, iterations=1000))
        yield Client(Datasette(config_dir=build))


def db_tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}


def all_text(path: Path) -> str:
    """Every value in every table of a database, as one string."""
    conn = sqlite3.connect(path)
    parts = []
    for (table,) in conn.execute("select name from sqlite_master where type = 'table'"):
        for row in conn.execute(f"select * from [{table}]"):
            parts.extend(str(v) for v in row)
    conn.close()
    return "\n".join(parts)


# ------------------------------------------------------------------ the build

def test_build_is_a_datasette_configuration_directory(build):
    for name in ("archive.db", "restricted.db", "metadata.json", "settings.json", "inspect-data.json",
                 "requirements.txt", "README.md", "templates/index.html", "plugins/archive_pages.py",
                 "static/archive.css"):
        assert (build / name).exists(), name
    settings = json.loads((build / "settings.json").read_text())
    assert settings["default_allow_sql"] is False
    assert settings["sql_time_limit_ms"] <= 5000
    inspect = json.loads((build / "inspect-data.json").read_text())
    assert {entry["file"] for entry in inspect.values()} == {"archive.db", "restricted.db"}
    assert "datasette==" in (build / "requirements.txt").read_text()
    readme = (build / "README.md").read_text()
    assert "datasette publish cloudrun" in readme and "load balancer" in readme


def test_public_database_holds_only_what_may_be_public(build):
    assert not db_tables(build / "archive.db") & set(store.INTERNAL_TABLES)
    text = all_text(build / "archive.db")
    assert "zero hours contract" in text and "waiting list" in text  # public, embargo over
    assert "Sessional pay" not in text  # restricted
    assert "unpaid weekend shifts" not in text  # still under embargo
    assert "marmalade" not in text  # withdrawn
    restricted = all_text(build / "restricted.db")
    assert "Sessional pay" in restricted and "zero hours" not in restricted


def test_no_secret_in_metadata(build):
    metadata = (build / "metadata.json").read_text()
    assert "pbkdf2" not in metadata
    assert json.loads(metadata)["plugins"]["datasette-auth-passwords"] == {
        "researcher_password_hash": {"$env": publish.PASSWORD_ENV}
    }


def test_quotes_carry_facets_citation_and_audio_link(build):
    conn = sqlite3.connect(build / "archive.db")
    conn.row_factory = sqlite3.Row
    row = conn.execute("select * from quotes where id = 'pod-01-q2'").fetchone()
    assert json.loads(row["themes"]) == ["workload"]
    assert row["year"] == 2029 and row["kind"] == "podcast" and row["collection"] == "podcasts"
    assert row["audio_link"] == "https://audio.example.org/pod-01.mp3#t=75.5,84.5"  # from its start to its end
    assert "Participant 2" in row["citation"] and "quote no. 2" in row["citation"]
    counts = dict(conn.execute("select id, quotes from themes").fetchall())
    assert counts == {"precarity": 1, "workload": 4, "solidarity": 1}


def test_refuses_to_overwrite_a_folder_that_is_not_a_build(sample_db, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(publish.PublishError, match="not an archive build"):
        publish.build(sample_db, tmp_path)


@pytest.mark.parametrize("text, line, message", [
    ("title: T\nlicence: CC BY 4.0\n", 2, "unknown key 'licence'; did you mean 'license'?"),
    ("title: T\nlicence_urll: foo\n", 2, "unknown key 'licence_urll'; did you mean 'license_url'?"),
    ("databases:\n  archive:\n    tables:\n      quotes:\n        facet: [kind]\n", 5,
     "unknown key 'facet' in 'databases.archive.tables.quotes:'; did you mean 'facets'?"),
    ("databases:\n  archive:\n    queries:\n      mine:\n        sql: select 1\n        hide_sq: true\n", 6,
     "did you mean 'hide_sql'?"),
])
def test_misspelt_metadata_key_stops_publish(sample_db, tmp_path, text, line, message):
    # Datasette ignores a key it does not know: a site published with no licence, silently.
    metadata = tmp_path / "metadata.yml"
    metadata.write_text(text)
    result = run("publish", tmp_path / "out", "--db", sample_db, "--metadata", metadata, expect=1)
    assert f"metadata.yml, line {line}: " in result.output and message in result.output
    assert not (tmp_path / "out").exists()


def test_plugin_settings_and_the_sample_metadata_pass_the_key_check(sample_db, tmp_path):
    metadata = tmp_path / "metadata.yml"
    metadata.write_text("site_url: https://quotes.example.org\nplugins:\n  some-plugin:\n    any_key: 1\n"
                        + PROJECT_METADATA.read_text())
    publish.build(sample_db, tmp_path / "out", today=TODAY, metadata_path=metadata, record=False)


def test_literal_secret_in_metadata_is_refused(sample_db, tmp_path):
    metadata = tmp_path / "metadata.yml"
    metadata.write_text("plugins:\n  datasette-auth-passwords:\n    researcher_password_hash: pbkdf2_sha256$x\n")
    with pytest.raises(publish.PublishError, match="holds a secret"):
        publish.build(sample_db, tmp_path / "out", metadata_path=metadata)


# ------------------------------------------------------------------ pages and JSON API

def test_home_page_browses_themes_and_collections(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert "Workload and wellbeing" in html and "Caseloads and burnout." in html
    assert "4 quotes" in html  # workload: int-01 twice, pod-01, the embargo that has passed
    assert 'href="/archive/theme?theme=workload"' in html
    assert "Interviews" in html and "Podcasts" in html
    assert 'role="search"' in html
    assert html.lstrip().startswith("<!DOCTYPE html>") and '<html lang="en">' in html


def test_search_finds_words_by_stem_with_highlights(client):
    response = client.get("/archive/search.json?q=contracts&_shape=array")
    rows = response.json()
    assert {r["id"] for r in rows} == {"int-01-q1", "int-01-q2"}  # "contract" in both
    assert all("<mark>contract</mark>" in r["snippet"] for r in rows)
    page = (client.get("/archive/search?q=contracts")).text
    assert "<mark>contract</mark>" in page and 'href="/archive/quotes/int-01-q2"' in page


def test_search_takes_any_text_without_syntax_errors(client):
    response = client.get('/archive/search.json?q=can%27t+%22union&_shape=array')
    assert response.status_code == 200


def test_table_search_and_theme_facets(client):
    data = (client.get("/archive/quotes.json?_search=caseload&_facet_array=themes&_shape=objects")).json()
    assert [r["id"] for r in data["rows"]] == ["int-01-q3"]
    data = (client.get("/archive/quotes.json?_facet_array=themes&_facet=collection")).json()
    themes = {f["value"]: f["count"] for f in data["facet_results"]["themes"]["results"]}
    assert themes == {"workload": 4, "precarity": 1, "solidarity": 1}
    collections = {f["value"]: f["count"] for f in data["facet_results"]["collection"]["results"]}
    assert collections == {"interviews": 5, "podcasts": 2}


def test_canned_queries(client):
    def rows(path):
        response = client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    theme = rows("/archive/theme.json?theme=precarity&_shape=array")
    assert [r["id"] for r in theme] == ["int-01-q2"]
    both = rows("/archive/two_themes.json?theme1=workload&theme2=solidarity&_shape=array")
    assert [r["id"] for r in both] == ["int-01-q4"]
    random = rows("/archive/random_quote.json?theme=workload&_shape=array")
    assert len(random) == 1 and "workload" in random[0]["themes"]
    by_collection = rows("/archive/theme_counts_by_collection.json?_shape=array")
    assert {"theme": "workload", "label": "Workload and wellbeing", "collection": "podcasts", "quotes": 1} in by_collection
    by_year = rows("/archive/theme_counts_by_year.json?_shape=array")
    assert {"theme": "workload", "label": "Workload and wellbeing", "year": 2029, "quotes": 4} in by_year


def test_atom_feed_of_newest_quotes_on_a_theme(client):
    response = client.get("/archive/recent_on_theme.atom?theme=precarity")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    assert "zero hours contract" in response.text and "<entry>" in response.text


def test_quote_page(client):
    html = (client.get("/archive/quotes/int-01-q3")).text
    assert "My caseload doubled" in html
    assert "Participant 2" in html
    assert 'href="/archive/theme?theme=workload"' in html and "Workload and wellbeing" in html
    assert "(tagged from “My”)" in html  # the tagger's reason, so a reader can judge the tag
    assert '<textarea id="citation"' in html and "quote no. 3" in html
    assert "zero hours contract" in html and "union rep" in html  # the quotes before and after
    assert "<audio" not in html  # not a recorded source


def test_quote_page_of_a_recording_plays_from_its_time(client):
    html = (client.get("/archive/quotes/pod-01-q2")).text
    assert '<audio controls preload="none" src="https://audio.example.org/pod-01.mp3#t=75.5,84.5"' in html
    assert "From 1:15" in html


def test_source_page_lists_its_quotes_in_order(client):
    html = (client.get("/archive/sources/int-01")).text
    positions = [html.index(t) for t in ("How did the contract", "zero hours", "caseload doubled", "union rep")]
    assert positions == sorted(positions)


def test_internal_tables_and_arbitrary_sql_are_not_reachable(client):
    for table in store.INTERNAL_TABLES:
        assert (client.get(f"/archive/{table}")).status_code == 404
    response = client.get("/archive.json?sql=select+*+from+sources")
    assert response.status_code == 403
    metadata = (client.get("/-/metadata.json")).text
    assert "pbkdf2" not in metadata and "$env" in metadata


def test_restricted_sources_need_a_sign_in(client):
    assert (client.get("/restricted/quotes.json")).status_code == 403
    assert (client.get("/restricted/quotes/int-restricted-q1")).status_code == 403
    assert (client.get("/archive/quotes/int-restricted-q1")).status_code == 404
    login = client.post(
        "/-/login", data={"username": "researcher", "password": PASSWORD},
        cookies={"ds_csrftoken": "x"}, follow_redirects=False,
    )
    # Sign in the way a browser does: fetch the form for its CSRF token first.
    form = client.get("/-/login")
    token = form.text.split('name="csrftoken" value="')[1].split('"')[0]
    login = client.post(
        "/-/login", data={"username": "researcher", "password": PASSWORD, "csrftoken": token},
        cookies=form.cookies, follow_redirects=False,
    )
    assert login.status_code == 302
    cookies = {"ds_actor": login.cookies["ds_actor"]}
    response = client.get("/restricted/quotes/int-restricted-q1", cookies=cookies)
    assert response.status_code == 200 and "Sessional pay" in response.text


def test_publish_output_serves_with_plain_datasette(build):
    # configuration-directory mode: the databases are opened immutable
    datasette = Datasette(config_dir=build)
    assert {name for name, db in datasette.databases.items() if db.is_mutable} <= {"_internal", "_memory"}


# ------------------------------------------------------------------ commands

def test_withdraw_removes_a_source_everywhere(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = build_sample_archive(tmp_path / "archive.db")
    run("publish", "site", "--db", db, "--metadata", PROJECT_METADATA)
    assert "caseload doubled" in all_text(tmp_path / "site" / "archive.db")
    result = run("withdraw", "int-01", "--db", db, "--reason", "participant asked")
    assert "Withdrew int-01: 4 quotes" in result.output and "site" in result.output
    for path in (db, tmp_path / "site" / "archive.db"):
        assert "caseload" not in all_text(path).replace("participant asked", "")
        assert b"caseload doubled" not in path.read_bytes()  # not even in free pages
    conn = sqlite3.connect(tmp_path / "site" / "archive.db")
    assert conn.execute("select count(*) from quotes_fts where quotes_fts match 'caseload'").fetchone()[0] == 0
    # published today, before the 2030 embargo ends: only the podcast is left on workload
    assert conn.execute("select quotes from themes where id = 'workload'").fetchone()[0] == 1
    assert store.withdrawn_ids(store.open_db(db)) == {"int-01"}
    # the build still serves, its inspect file refreshed
    inspect = json.loads((tmp_path / "site" / "inspect-data.json").read_text())
    assert inspect["archive"]["tables"]["quotes"]["count"] == 2


def test_withdraw_reaches_the_search_index(tmp_path):
    search_index = pytest.importorskip("archive.search_index")
    db = build_sample_archive(tmp_path / "archive.db")
    search_index.rebuild(db)
    with search_index.Searcher(db) as searcher:
        assert searcher.search("caseload").total == 1
    report = withdraw.withdraw(db, "int-01")
    assert report.search_index
    with search_index.Searcher(db) as searcher:
        assert searcher.search("caseload").total == 0


def test_withdrawing_an_id_never_ingested_asks_for_force(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = build_sample_archive(tmp_path / "archive.db")
    run("publish", "site", "--db", db, "--metadata", PROJECT_METADATA)
    site = (tmp_path / "site" / "archive.db").read_bytes()
    result = run("withdraw", "int-1", "--db", db, expect=1)  # a typo must not look done
    assert "never ingested" in result.output and "did you mean int-01" in result.output
    assert "--force" in result.output and "Traceback" not in result.output
    assert "int-1" not in store.withdrawn_ids(store.open_db(db))
    for empty in ("", "  "):
        assert "is not a source id" in run("withdraw", empty, "--db", db, "--force", expect=1).output
    assert store.withdrawn_ids(store.open_db(db)) == set()
    # A source still to come can be kept out on purpose.
    result = run("withdraw", "int-1", "--db", db, "--force")
    assert "not in the archive; recorded the withdrawal" in result.output
    assert "Removed" not in result.output  # nothing was
    assert (tmp_path / "site" / "archive.db").read_bytes() == site
    assert "int-1" in store.withdrawn_ids(store.open_db(db))
    run("withdraw", "int-01", "--db", db)
    assert run("withdraw", "int-01", "--db", db).output.strip() == "int-01 was already withdrawn."


def test_publish_reports_what_it_left_out(tmp_path, monkeypatch, sample_db):
    monkeypatch.chdir(tmp_path)
    result = run("publish", "out", "--db", sample_db, "--public-only", "--metadata", PROJECT_METADATA)
    assert "left out (withdrawn): int-withdrawn" in result.output
    assert "left out (restricted): int-restricted" in result.output
    assert not (tmp_path / "out" / "restricted.db").exists()
    # published with today's date: the embargo ending in 2031 keeps its source out
    assert "int-embargo-future" in result.output


def test_publish_does_not_advise_a_server_that_logs_every_search(tmp_path, monkeypatch, sample_db):
    # Its last line said "serve it with 'datasette out'", which logs every search typed
    # (often a participant's name) with its query string; the build's README says how not to.
    monkeypatch.chdir(tmp_path)
    result = run("publish", "out", "--db", sample_db, "--public-only", "--metadata", PROJECT_METADATA)
    last = result.output.strip().splitlines()[-1]
    assert "serve it with 'datasette" not in last
    assert "out/README.md" in last and "access_log" in (tmp_path / "out" / "README.md").read_text()
    assert "Serve it with: datasette OUT" not in run("publish", "--help").output


def test_errors_are_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("publish", "out", "--db", tmp_path / "missing.db", expect=1)
    assert "No archive at" in result.output and "Traceback" not in result.output


def test_theme_page_facets_by_collection_and_year(client):
    data = client.get("/archive/quote_themes.json?theme=workload&_facet=collection&_facet=year").json()
    facets = data["facet_results"]
    assert {f["value"]: f["count"] for f in facets["collection"]["results"]} == {"interviews": 3, "podcasts": 1}
    assert {f["value"]: f["count"] for f in facets["year"]["results"]} == {2029: 4}


def _serving(sample_db, tmp_path):
    """`archive serve` started on a free port, once it answers: (process, base address, home page)."""
    import subprocess
    import sys
    import time
    import urllib.request

    from test_browser import free_port

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from archive.cli import cli; cli()", "serve", "--db", str(sample_db), "--port", str(port),
         "--metadata", str(PROJECT_METADATA)],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            return server, base, urllib.request.urlopen(base + "/", timeout=5).read().decode()
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(server.stdout.read().decode())
            time.sleep(0.3)


def test_archive_serve_runs_datasette_on_the_archive(sample_db, tmp_path):
    import signal
    import urllib.error
    import urllib.request

    server, base, home = _serving(sample_db, tmp_path)
    try:
        assert "Browse by theme" in home and "Workload and wellbeing" in home
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + "/archive/ingest_state.json", timeout=5)
        assert refused.value.code == 404
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    # the server went with it: nothing listens on the port any more
    with pytest.raises(OSError):
        urllib.request.urlopen(base + "/", timeout=2)


@pytest.mark.parametrize("signame, code", [("SIGTERM", 0), ("SIGINT", 130)])
def test_archive_serve_stops_cleanly_on_sigterm_and_sigint(sample_db, tmp_path, signame, code):
    # SIGINT to its pid left it serving; SIGTERM stopped it with exit 241 ("make: *** Error 241").
    import signal
    import subprocess
    import urllib.request

    server, base, _home = _serving(sample_db, tmp_path)
    try:
        server.send_signal(getattr(signal, signame))
        assert server.wait(timeout=60) == code, server.stdout.read().decode()
    except subprocess.TimeoutExpired:
        pytest.fail(f"archive serve still running 60 s after {signame}")
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    with pytest.raises(OSError):  # and Datasette went with it
        urllib.request.urlopen(base + "/", timeout=2)


@pytest.mark.parametrize("access_log", [False, True], ids=["default", "access-log"])
def test_archive_serve_keeps_what_was_searched_out_of_its_log(sample_db, tmp_path, access_log):
    # A researcher searching for a participant's name must not leave it in the server's log.
    import signal
    import subprocess
    import sys
    import time
    import urllib.request

    from test_browser import free_port

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from archive.cli import cli; cli()", "serve", "--db", str(sample_db), "--port", str(port),
         "--metadata", str(PROJECT_METADATA)] + (["--access-log"] if access_log else []),
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/archive/search?q=Quennell+Brightwater", timeout=5).read()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, server.stdout.read().decode()
                time.sleep(0.3)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    log = server.stdout.read().decode()
    assert "Quennell" not in log and "q=" not in log
    assert ("GET /archive/search?" in log) is access_log  # the page asked for, not what was searched
    assert "restart it to see sources ingested later" in log


def test_very_common_words_rank_only_the_first_matches(tmp_path):
    # Ranking every match of a very common word would be slow at scale: the site counts up to
    # 10,000, and past that ranks the first 1,000 matches only (archive search ranks more), and says so.
    db = store.open_db(tmp_path / "archive.db")
    store.sync_themes(db, THEMES)
    turns = [(2, f"Another rota change, number {i}.", [], None) for i in range(10_001)]
    store.replace_source(db, make_source("int-rotas", "interviews", turns), root="transcripts")
    db.close()
    publish.build(tmp_path / "archive.db", tmp_path / "site", record=False, metadata_path=PROJECT_METADATA)
    common = Client(Datasette(config_dir=tmp_path / "site"))
    data = common.get("/archive/search.json?q=rota").json()
    assert data["total"] == 10_000 and data["counted_at_most"] == 10_000 and data["ranked_among"] == 1_000
    assert len(data["rows"]) == 20
    page = common.get("/archive/search?q=rota").text
    assert "More than 10,000 quotes match" in page and "the first 1,000 were ranked" in page
    assert "Page 1 of 50." in page  # the pages of ranked quotes, not 500 pages mostly empty
    last = common.get("/archive/search?q=rota&page=50").text
    assert 'rel="next"' not in last and 'start="981"' in last
    rows = common.get("/archive/search.json?q=number+4321&_shape=array").json()
    assert [r["id"] for r in rows][0] == "int-rotas-q4322" and rows[0]["all_words"]


def test_archive_serve_on_a_busy_port_says_so_before_building(sample_db, tmp_path, monkeypatch):
    import socket

    monkeypatch.chdir(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run("serve", "--db", sample_db, "--port", port, "--metadata", PROJECT_METADATA, expect=1)
    assert result.output.strip() == f"Error: cannot serve on 127.0.0.1:{port} (address already in use): " \
                                    "choose another port with --port."
