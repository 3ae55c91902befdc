"""The published site as readers use it: search, theme, collection and source pages,
citations, the pages for errors, and a new project's first publish (issue 12, items 1-4).

Built from the same fictional, already-redacted sample as test_web.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from datasette.app import Datasette

from archive import search as searching
from archive.web import publish
from conftest import run
from test_web import (build_sample_archive, PROJECT_METADATA, THEMES, TODAY, Client, build, client, make_source,  # noqa: F401
                      sample_db)

from archive import store


def ids_in(html: str) -> list[str]:
    """Quote ids linked from a page's cards, in order."""
    return re.findall(r'class="card-text"><p><a href="/archive/quotes/([^"]+)"', html)


def site_of(tmp_path: Path, sources, metadata=PROJECT_METADATA) -> Client:
    db = store.open_db(tmp_path / "archive.db")
    store.sync_themes(db, THEMES)
    for source in sources:
        store.replace_source(db, source, root="transcripts")
    db.close()
    publish.build(tmp_path / "archive.db", tmp_path / "site", record=False, today=TODAY, metadata_path=metadata)
    return Client(Datasette(config_dir=tmp_path / "site"))


# ------------------------------------------------------------------ 1. search that finds

def test_search_falls_back_to_any_word_when_no_quote_holds_them_all(client):
    html = client.get("/archive/search?q=honorary+contract+caseload").text
    assert "No quote holds all the words" in html and "3 quotes hold some of them" in html
    assert set(ids_in(html)) == {"int-01-q1", "int-01-q2", "int-01-q3"}
    data = client.get("/archive/search.json?q=zero+contract").json()
    assert data["total"] == 1 and data["relaxed"] == 2  # all words first, then some
    assert [r["id"] for r in data["rows"]] == ["int-01-q2", "int-01-q1"]
    assert [r["all_words"] for r in data["rows"]] == [True, False]


def test_participants_rank_above_interviewers_questions(client):
    rows = client.get("/archive/search.json?q=contract&_shape=array").json()
    assert [r["id"] for r in rows] == ["int-01-q2", "int-01-q1"]  # the question is shorter: bm25 liked it
    assert rows[1]["speaker_description"] == "Interviewer"


@pytest.mark.parametrize("query", [
    "theme:precarity", "caseload OR burnout", "contract -zero", "kind:podcast", '"zero hours"',
    "union year:2029", "burn*", "contract collection:interviews", "-theme:workload contract",
    "targets theme:workload kind:podcast", "caseloads", "caseloda~",
])
def test_the_site_and_archive_search_answer_alike(build, client, query):
    rows = client.get("/archive/search.json", params={"q": query, "_shape": "array"}).json()
    with searching.Searcher(build / "archive.db", update=False) as cli:
        cli._lexicon = searching.VocabLexicon(cli.conn)  # the build has no Whoosh index beside it
        expected = [hit.id for hit in cli.search(query, limit=20).hits]
    assert [r["id"] for r in rows] == expected and expected


def test_did_you_mean_and_the_themes_the_words_match(client):
    html = client.get("/archive/search?q=caseloda").text
    assert 'Did you mean <a href="/archive/search?q=caseload">caseload</a>' in html
    html = client.get("/archive/search?q=unions").text  # stemmed: "Unions and peers."
    assert 'href="/archive/theme?theme=solidarity"' in html.split('class="matching-themes"')[1]
    data = client.get("/archive/search.json?q=burnout").json()
    assert [t["id"] for t in data["themes"]] == ["workload"]  # "Caseloads and burnout."


def test_a_search_that_finds_nothing_helps(client):
    response = client.get("/archive/search?q=marmalade")
    assert response.status_code == 200
    html = response.text
    assert "No quotes match “marmalade”" in html and "supervis*" in html
    for theme in THEMES:  # a way on: every theme
        assert f'href="/archive/theme?theme={theme["id"]}"' in html


def test_a_filter_that_empties_the_search_says_what_the_words_alone_find(client):
    # "caseload" is said once, in a quote on workload: the filter, not the words, found nothing.
    html = client.get("/archive/search", params={"q": "caseload theme:precarity"}).text
    box = html.split('class="no-results"')[1]
    assert "Without the filter <code>theme:precarity</code>, the words match 1 quote." in box
    html = client.get("/archive/search", params={"q": "caseload kind:podcast -theme:workload"}).text
    assert "Without the filters <code>kind:podcast -theme:workload</code>, the words match 1 quote." in html
    assert client.get("/archive/search.json", params={"q": "caseload theme:precarity"}).json()["without_filters"] == 1
    # Some of the words still find a quote through the filter: said beside it.
    html = client.get("/archive/search", params={"q": "zero contract -theme:precarity"}).text
    summary = html.split('class="search-summary"')[1].split("</p>")[0]
    assert "1 quote holds some of them" in summary
    assert "Without the filter <code>-theme:precarity</code>, the words match 1 quote." in summary
    # Words that match nothing anyway, or no filter at all: no such hint.
    for query in ("marmalade theme:precarity", "marmalade"):
        html = client.get("/archive/search", params={"q": query}).text
        assert "No quotes match" in html and "Without the filter" not in html


def test_a_malformed_query_is_a_clear_400(client):
    response = client.get("/archive/search?q=union+year:soon")
    assert response.status_code == 400 and "is not a year or a range of years" in response.text
    assert client.get("/archive/search.json?q=theme:nonsense").json()["error"].startswith("No theme 'nonsense'")


def test_search_pages(tmp_path):
    turns = [(2, f"The rota changed again, week {i}.", [], None) for i in range(45)]
    site = site_of(tmp_path, [make_source("int-rota", "interviews", turns)])
    first, third = site.get("/archive/search?q=rota").text, site.get("/archive/search?q=rota&page=3").text
    assert "Page 1 of 3" in first and 'href="/archive/search?q=rota&amp;page=2" rel="next"' in first
    assert len(ids_in(first)) == 20 and len(ids_in(third)) == 5
    assert not set(ids_in(first)) & set(ids_in(third))


# ------------------------------------------------------------------ 2. pages for readers

def test_theme_page_shows_quote_cards_best_tagged_first(client):
    response = client.get("/archive/theme?theme=workload")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Workload and wellbeing</h1>" in html and "Caseloads and burnout." in html
    assert "4 quotes on this theme" in html
    assert ids_in(html) == ["pod-01-q2", "int-01-q3", "int-embargo-past-q1", "int-01-q4"]  # by confidence
    assert "confidence 0.95" in html and 'href="/archive/sources/pod-01"' in html and "Participant 2" in html
    assert "Run SQL" not in html and "<textarea" not in html  # not Datasette's query form
    facets = html.split('class="theme-facets"')[1].split("</section>")[0]
    assert re.search(r'collection=interviews">Interviews</a> <span class="count">3</span>', facets)
    assert re.search(r'kind=podcast">Podcast</a> <span class="count">1</span>', facets)
    assert re.search(r'year=2029">2029</a> <span class="count">4</span>', facets)


def test_theme_page_facets_narrow_and_pages_turn(client, tmp_path):
    html = client.get("/archive/theme?theme=workload&collection=podcasts").text
    assert ids_in(html) == ["pod-01-q2"] and "1 with the choices below" in html
    turns = [(2, f"Caseload number {i} was too much.", [("workload", round(0.5 + i / 100, 2))], None)
             for i in range(45)]
    site = site_of(tmp_path, [make_source("int-many", "interviews", turns)])
    pages = [ids_in(site.get(f"/archive/theme?theme=workload&page={n}").text) for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [20, 20, 5]
    assert pages[0][0] == "int-many-q45" and pages[2][-1] == "int-many-q1"  # best first, all of them
    assert "Page 1 of 3" in site.get("/archive/theme?theme=workload").text


def test_theme_page_of_an_unknown_theme_is_a_helpful_404(client):
    response = client.get("/archive/theme?theme=nonsense")
    assert response.status_code == 404 and 'role="search"' in response.text


def test_todays_theme_urls_keep_working(client):
    assert client.get("/archive/theme.json?theme=precarity&_shape=array").json()[0]["id"] == "int-01-q2"
    assert client.get("/archive/quote_themes?theme=workload").status_code == 200
    home = client.get("/").text
    assert 'href="/archive/theme?theme=workload"' in home
    assert 'href="/archive/collections/interviews"' in home


def test_the_random_quote_link_works(client):
    assert 'href="/archive/random_quote"' in client.get("/").text
    response = client.get("/archive/random_quote")  # answered "datatype mismatch"
    assert response.status_code == 302 and response.headers["location"].startswith("/archive/quotes/")
    assert client.get(response.headers["location"]).status_code == 200
    on_theme = client.get("/archive/random_quote?theme=precarity")
    assert on_theme.headers["location"] == "/archive/quotes/int-01-q2"
    rows = client.get("/archive/random_quote.json?_shape=array").json()
    assert len(rows) == 1 and rows[0]["id"]


def test_a_theme_no_quote_carries_offers_no_random_quote(tmp_path):
    # The home page offered one for every theme; on an empty theme the link led to a 404.
    db = build_sample_archive(tmp_path / "archive.db")
    store.sync_themes(store.open_db(db), [*THEMES, {"id": "digitalisation", "label": "Digital systems",
                                                   "description": "Apps and records."}])
    publish.build(db, tmp_path / "site", today=TODAY, metadata_path=PROJECT_METADATA)
    home = Client(Datasette(config_dir=tmp_path / "site")).get("/").text
    assert "Digital systems" in home and "random_quote?theme=digitalisation" not in home
    assert 'random_quote?theme=precarity"' in home
    # Nor does the theme's own page (its link led to the same 404); a theme with quotes still does.
    site = Client(Datasette(config_dir=tmp_path / "site"))
    page = site.get("/archive/theme?theme=digitalisation")
    assert page.status_code == 200 and "No quotes on this theme" in page.text
    assert "random_quote" not in page.text
    assert "random_quote?theme=precarity" in site.get("/archive/theme?theme=precarity").text


def test_collection_page(client):
    response = client.get("/archive/collections/interviews")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Interviews</h1>" in html and "Interviews about working in mental health." in html
    assert "<dt>Method</dt><dd>2 interviews" in html and "<dt>Dates</dt><dd>2029-03-14</dd>" in html
    assert "2 sources, 5 quotes" in html and "CC BY 4.0" in html
    assert 'href="/archive/sources/int-01"' in html and 'href="/archive/sources/int-embargo-past"' in html
    assert "int-embargo-future" not in html and "int-restricted" not in html


def test_source_page_plays_its_recording_from_each_time(client):
    html = client.get("/archive/sources/pod-01").text
    assert '<audio id="recording" controls preload="metadata" src="https://audio.example.org/pod-01.mp3">' in html
    assert 'data-start="75.5" aria-label="Play from 1:15">▶ 1:15</a>' in html
    assert "player.currentTime = parseFloat(link.dataset.start)" in html


def test_survey_answers_under_their_questions(tmp_path):
    questions = ["What would make work better?", "What do you dread?"] * 2
    survey = make_source("srv-01", "surveys", [
        (1, "Fewer forms.", [], None), (1, "The Monday meeting.", [], None),
        (2, "Proper supervision.", [], None), (2, "Being alone on shift.", [], None),
    ], kind="survey", questions=questions)
    html = site_of(tmp_path, [survey]).get("/archive/sources/srv-01").text
    better, dread = html.split("<h3>What would make work better?</h3>")[1].split("<h3>What do you dread?</h3>")
    assert "Fewer forms." in better and "Proper supervision." in better and "Monday" not in better
    assert "The Monday meeting." in dread and "Being alone on shift." in dread


def test_quote_page_explains_the_pseudonyms(client):
    html = client.get("/archive/quotes/int-01-q4").text
    assert "What the [brackets] mean" in html
    assert "<dt>[Workplace 1]</dt><dd>a workplace, employer or organisation, the same one each time" in html


def test_a_missing_quote_gets_a_page_that_helps(client):
    response = client.get("/archive/quotes/int-99-q1")
    assert response.status_code == 404
    html = response.text
    assert "This quote is not in the archive" in html and "withdrawn" in html
    assert 'role="search"' in html and 'href="/"' in html and "Record not found" not in html
    assert "Some sources are open to signed-in researchers only" in html and 'href="/-/login"' in html
    assert client.get("/archive/quotes/int-99-q1.json").status_code == 404  # JSON stays JSON


def test_a_restricted_page_offers_to_sign_in(client):
    response = client.get("/restricted/quotes/int-restricted-q1")
    assert response.status_code == 403
    assert 'href="/-/login"' in response.text and "Sign in" in response.text
    assert client.get("/restricted/search?q=sessional").status_code == 403  # the new pages check too
    assert client.get("/restricted/theme?theme=precarity").status_code == 403


def test_templates_extend_datasettes_own(build):
    assert not (build / "templates" / "base.html").exists()
    for template in (build / "templates").glob("*.html"):
        text = template.read_text()
        assert "<!DOCTYPE" not in text, template.name  # no copy of a whole page


# ------------------------------------------------------------------ 3. citations

@pytest.fixture
def cites():
    return pytest.importorskip("archive.citations")  # wt-export's, on main from about 16:45


def test_quote_page_cites_with_archive_name_url_licence_and_date(client, cites):
    html = client.get("/archive/quotes/int-01-q3").text
    today = dt.date.today()
    assert f"From Surviving Work Library, shared under <span class=\"licence\">CC BY 4.0</span>; " \
           f"accessed {today.day} {today:%B %Y}." in html  # the collection's own licence
    assert 'class="permalink" href="http://localhost/archive/quotes/int-01-q3"' in html
    apa = html.split('id="citation-apa"')[1].split("</textarea>")[0]
    chicago = html.split('id="citation-chicago"')[1].split("</textarea>")[0]
    for text in (apa, chicago):
        assert "Participant 2" in text and "Surviving Work Library" in text
        assert "http://localhost/archive/quotes/int-01-q3" in text
    assert 'href="/archive/quotes/int-01-q3.ris"' in html and 'href="/archive/quotes/int-01-q3.bib"' in html


def test_citation_files_for_reference_managers(client, cites):
    ris = client.get("/archive/quotes/int-01-q3.ris")
    assert ris.status_code == 200 and ris.headers["content-type"].startswith("application/x-research-info-systems")
    assert "TY  -" in ris.text and "UR  - http://localhost/archive/quotes/int-01-q3" in ris.text
    assert "PB  - Surviving Work Library" in ris.text and "Licence: CC BY 4.0" in ris.text
    assert f"Y2  - {dt.date.today().isoformat()}" in ris.text  # accessed
    assert 'filename="int-01-q3.ris"' in ris.headers["content-disposition"]
    bib = client.get("/archive/quotes/int-01-q3.bib")
    assert bib.status_code == 200 and bib.text.lstrip().startswith("@") and "Participant 2" in bib.text
    many = client.get("/archive/quotes.ris?collection=podcasts")
    assert many.text.count("TY  -") == 2


# ------------------------------------------------------------------ 4. a new project


def test_archive_init_writes_a_project_to_fill_in(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("init", "mine")
    for name in ("archive.yml", "metadata.yml", ".gitignore", "transcripts/example-study/collection.yml",
                 "transcripts/example-study/example-interview-01.txt"):
        assert (tmp_path / "mine" / name).exists(), name
    assert "fill in" in result.output
    metadata = (tmp_path / "mine" / "metadata.yml").read_text()
    assert "FILL IN" in metadata and "Surviving Work" not in metadata
    (tmp_path / "mine" / "archive.yml").write_text("# mine\n")
    assert "kept" in run("init", "mine").output and (tmp_path / "mine" / "archive.yml").read_text() == "# mine\n"


def test_archive_init_here_says_here_not_dot_dot(tmp_path, monkeypatch):
    # 'archive init .' ended "...and 'archive serve' in .." (the folder '.' and a full stop),
    # which reads as the folder above.
    monkeypatch.chdir(tmp_path)
    last = run("init", ".").output.strip().splitlines()[-1]
    assert " in .." not in last and last.endswith("'archive serve' here.")
    last = run("init", "other").output.strip().splitlines()[-1]
    assert last.endswith("'archive serve' in other.")


def test_publish_refuses_metadata_still_to_fill_in(tmp_path, monkeypatch, sample_db):
    monkeypatch.chdir(tmp_path)
    run("init")
    result = run("publish", "site", "--db", sample_db, expect=1)
    assert "metadata.yml: fill in title" in result.output and "before publishing" in result.output
    assert not (tmp_path / "site").exists()


def test_publish_without_metadata_uses_neutral_titles_and_says_so(tmp_path, monkeypatch, sample_db):
    monkeypatch.chdir(tmp_path)
    result = run("publish", "site", "--db", sample_db)
    # a warning, worded like every other: a sentence in lower case after "warning: "
    assert "warning: no metadata.yml in the project folder: published under a neutral title" in result.output
    metadata = json.loads((tmp_path / "site" / "metadata.json").read_text())
    assert metadata["title"] == "Quotes from Interviews and Podcasts"
    assert "license" not in metadata
    assert "Surviving Work" not in json.dumps(metadata)  # no other archive's name or licence
    assert metadata["databases"]["archive"]["tables"]["quotes"]["fts_table"] == "quotes_fts"


def test_a_build_runs_its_pages_without_the_package_installed(build):
    vendor = build / "plugins" / "vendor"
    code = ("import archive, archive.search, archive.reading, archive.timecode; print(archive.__file__); "
            "print(archive.search.Searcher(conn=__import__('sqlite3').connect(%r)).search('caseload').total)"
            % str(build / "archive.db"))
    out = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(vendor)}, cwd="/",
                         capture_output=True, text=True, check=True).stdout.split()
    assert out[0].startswith(str(vendor)) and out[1] == "1"


def test_did_you_mean_reads_a_files_vocabulary_once_and_again_when_it_changes(tmp_path):
    # The site's suggestions come from FTS5's term list, which counts each term's quotes by
    # reading its whole index: read once per file, not for every suggestion and connection.
    path = tmp_path / "words.db"
    with sqlite3.connect(path) as writer:
        writer.execute("create virtual table quotes_fts using fts5(text, tokenize='porter')")
        writer.execute("insert into quotes_fts values ('My caseload grew every month.')")
    vocabulary_reads = []
    for _ in range(2):  # two connections, as Datasette's threads have
        conn = sqlite3.connect(path)
        conn.set_trace_callback(lambda sql: vocabulary_reads.append(sql) if "quotes_terms where" in sql else None)
        lexicon = searching.VocabLexicon(conn)
        assert lexicon.suggest("caseloda") == "caseload"
        assert lexicon.suggest("caselod") == "caseload"
    assert len(vocabulary_reads) == 1
    with sqlite3.connect(path) as writer:  # the archive changes: its new words are suggested
        writer.execute("insert into quotes_fts values ('Casework piled up, then more casework.')")
    assert lexicon.suggest("caseworl") == "casework" and len(vocabulary_reads) == 2
