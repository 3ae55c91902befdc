"""Search: the routed searcher (FTS5, with Whoosh's word list), the Whoosh index,
and `archive search` / `archive index`.

Fixture archives are fictional and built straight through archive.store, so
these tests do not depend on the readers or the redaction model.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive import search as searching, search_index, search_query as sq, store
from archive.search_cli import index_command, search_command
from ingest.model import Quote, Source, Speaker, ThemeTag

SOURCES = {
    "int-01": dict(
        collection="care-study", kind="interview", date="2016-05-02",
        speaker="Counselling psychologist, third sector",
        quotes=[
            ("I took an honorary post for two years because there was nothing paid.", ["unwaged_work"]),
            ("The waiting list meant clients waited nine months for their first session.", ["patient_care"]),
            ("Our union rep was the only one who listened.", ["solidarity"]),
        ],
    ),
    "int-02": dict(
        collection="care-study", kind="interview", date="2018-11-20",
        speaker="Psychological wellbeing practitioner, NHS",
        quotes=[
            ("Honoraries are everywhere now, trainees work unpaid placements for a year.", ["unwaged_work"]),
            ("Every session ends with outcome questionnaires and the recovery rate targets.", ["performance_targets"]),
            ("I had panic attacks on the drive in, the caseload was relentless.", ["workload"]),
        ],
    ),
    "pod-01": dict(
        collection="talk-show", kind="podcast", date="2020-03-01",
        speaker="Podcast host",
        quotes=[
            ("Supervision is the first thing that goes when budgets are cut.", ["precarity"]),
            ("People are discharged before they are ready and come straight back.", ["patient_care"]),
        ],
    ),
}


def make_source(source_id: str, spec: dict, quotes=None) -> Source:
    speaker = Speaker(number=1, description=spec["speaker"])
    source = Source(
        id=source_id, collection=spec["collection"], path=Path(f"/nowhere/{source_id}.txt"),
        format="txt", meta={"kind": spec["kind"], "date": spec["date"], "title": source_id.upper()},
        fingerprint=f"fp-{source_id}-{len(quotes or spec['quotes'])}", redacted=True,
    )
    source.speakers = [speaker]
    for n, (text, themes) in enumerate(quotes or spec["quotes"], start=1):
        source.quotes.append(Quote(
            id=f"{source_id}-q{n}", turn=n, part=1, position=n, speaker=speaker, text=text,
            place=f"line {n}", themes=[ThemeTag(t, 0.9) for t in themes],
        ))
    return source


def build_archive(db_path: Path) -> Path:
    db = store.open_db(db_path)
    store.sync_themes(db, [{"id": t, "label": t, "description": ""} for t in [
        "unwaged_work", "patient_care", "solidarity", "performance_targets", "workload", "precarity"]])
    for source_id, spec in SOURCES.items():
        store.replace_source(db, make_source(source_id, spec), root="/nowhere")
    db.close()
    return db_path


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory) -> Path:
    db_path = build_archive(tmp_path_factory.mktemp("search") / "archive.db")
    search_index.rebuild(db_path)
    return db_path


@pytest.fixture(scope="module")
def searcher(archive_db):
    with search_index.Searcher(archive_db) as s:
        yield s


def ids(result) -> list[str]:
    return [h.id for h in result.hits]


def test_index_lives_beside_the_database(archive_db):
    assert search_index.index_dir(archive_db) == archive_db.with_name("archive.db-index")
    assert search_index.index_dir(archive_db).is_dir()


def test_stemming_finds_other_forms_and_highlights_them(searcher):
    result = searcher.search("honorary")
    assert set(ids(result)) == {"int-01-q1", "int-02-q1"}
    by_id = {h.id: h for h in result.hits}
    text = by_id["int-02-q1"].row["text"]
    assert [text[a:b] for a, b in by_id["int-02-q1"].matches] == ["Honoraries"]


def test_phrase_and_boolean(searcher):
    assert ids(searcher.search('"unpaid placements"')) == ["int-02-q1"]
    assert ids(searcher.search('"placements unpaid"')) == []
    assert set(ids(searcher.search("union OR supervision"))) == {"int-01-q3", "pod-01-q1"}
    assert ids(searcher.search("honorary AND trainees")) == ["int-02-q1"]
    assert ids(searcher.search("honorary NOT trainees")) == ["int-01-q1"]


def test_fuzzy_term(searcher):
    assert ids(searcher.search("supervison~")) == ["pod-01-q1"]


def test_field_filters(searcher):
    assert set(ids(searcher.search("theme:patient_care"))) == {"int-01-q2", "pod-01-q2"}
    assert ids(searcher.search("session kind:interview collection:care-study year:2018")) == ["int-02-q2"]
    assert ids(searcher.search("discharged kind:interview")) == []
    assert set(ids(searcher.search("source:INT-01"))) == {"int-01-q1", "int-01-q2", "int-01-q3"}
    assert set(ids(searcher.search('speaker:"third sector"'))) == {"int-01-q1", "int-01-q2", "int-01-q3"}
    assert ids(searcher.search("honorary speaker:practitioners")) == ["int-02-q1"]


def test_year_ranges(searcher):
    assert set(ids(searcher.search("year:2016..2018 theme:patient_care"))) == {"int-01-q2"}
    assert set(ids(searcher.search("year:2019.. theme:patient_care"))) == {"pod-01-q2"}
    assert set(ids(searcher.search("year:..2017", limit=50))) == {"int-01-q1", "int-01-q2", "int-01-q3"}


def test_theme_option_and_count_of_all_matches(searcher):
    everything = searcher.search("", themes=["patient_care", "precarity"], limit=10)
    assert set(ids(everything)) == {"int-01-q2", "pod-01-q1", "pod-01-q2"}
    assert everything.total == 3
    limited = searcher.search("session OR discharged OR supervision", limit=1)
    assert len(limited.hits) == 1 and limited.total == 4
    assert ids(searcher.search("session", themes=["workload"])) == []


def test_theme_filters_ignore_case(searcher):
    assert set(ids(searcher.search("theme:PATIENT_CARE"))) == {"int-01-q2", "pod-01-q2"}
    assert set(ids(searcher.search("", themes=["Patient_Care"]))) == {"int-01-q2", "pod-01-q2"}


def test_a_theme_not_in_the_archive_is_named_not_silently_empty(searcher):
    for query, themes in (("theme:patient_kare", ()), ("session", ["nonsense"])):
        with pytest.raises(search_index.SearchIndexError, match="No theme '(patient_kare|nonsense)'"):
            searcher.search(query, themes=themes)
    with pytest.raises(search_index.SearchIndexError,
                       match=re.escape("No theme 'patient_kare' in the archive; did you mean 'patient_care'? its themes: ")):
        searcher.search("theme:patient_kare")
    for query, named in (("kind:podcasts", "No kind 'podcasts' in the archive; did you mean 'podcast'? its kinds: "),
                         ("honorary collection:interveiws", "No collection 'interveiws' in the archive; its "),
                         ("source:int-1", "No source 'int-1' in the archive; did you mean 'int-01'? its sources: ")):
        with pytest.raises(search_index.SearchIndexError, match=re.escape(named)):
            searcher.search(query)
    assert searcher.search("kind:PODCAST").total == searcher.search("kind:podcast").total > 0


def test_did_you_mean(searcher):
    result = searcher.search("placemnts")
    assert result.total == 0
    assert result.did_you_mean == "placements"
    assert searcher.search("honorary").did_you_mean is None


def test_more_like_this(searcher):
    result = searcher.search(like="int-01-q1")
    assert "int-01-q1" not in ids(result)
    assert ids(result)[0] == "int-02-q1"
    filtered = searcher.search("year:2018", like="int-01-q1")  # the query filters the likes
    assert ids(filtered)[0] == "int-02-q1" and all(i.startswith("int-02") for i in ids(filtered))


def test_more_like_unknown_quote(searcher):
    with pytest.raises(search_index.SearchIndexError, match="No quote with id"):
        searcher.search(like="nope")


def run(*args):
    return CliRunner().invoke(search_command, list(args), catch_exceptions=False)


def test_cli_search_output(archive_db):
    result = run("honorary", "--db", str(archive_db))
    assert result.exit_code == 0
    out = result.output
    assert "2 quotes match" in out
    assert "Counselling psychologist, third sector" in out
    assert "unwaged_work" in out
    assert "\x1b[" not in out  # piped: no colour
    assert "I took an honorary post" in out


def test_cli_colour_on_terminal(archive_db):
    result = CliRunner().invoke(search_command, ["honorary", "--db", str(archive_db)], color=True)
    assert "\x1b[" in result.output and "honorary" in result.output


def test_cli_json(archive_db):
    result = run("honorary", "--db", str(archive_db), "--json", "--limit", "1")
    data = json.loads(result.output)
    assert data["total"] == 2 and len(data["results"]) == 1
    hit = data["results"][0]
    assert {"id", "source", "collection", "kind", "speaker", "text", "themes", "citation",
            "score", "matches", "start", "end"} <= set(hit)
    assert hit["themes"] == ["unwaged_work"]


def test_cli_did_you_mean_and_like(archive_db):
    assert "Did you mean: placements" in run("placemnts", "--db", str(archive_db)).output
    data = json.loads(run("--like", "int-01-q1", "--db", str(archive_db), "--json").output)
    assert data["results"][0]["id"] == "int-02-q1"


def test_cli_query_words_may_start_with_a_minus(archive_db):
    """"burnout -app", typed unquoted as on a search engine: a minus is NOT, not an option."""
    def found(*args):
        result = run("--db", str(archive_db), "--json", "--limit", "50", *args)
        assert result.exit_code == 0, result.output
        return {hit["id"] for hit in json.loads(result.output)["results"]}

    everything = found("NOT", "xyzzy")
    unwaged = found("theme:unwaged_work")
    assert unwaged and found("-theme:unwaged_work") == found("NOT theme:unwaged_work") == everything - unwaged
    assert found("honorary", "-theme:unwaged_work") == found("honorary NOT theme:unwaged_work")
    assert found("--", "-honorary") == everything - found("honorary")
    assert found("honorary", "-nhs") == found("honorary NOT nhs")  # not "-n hs"
    assert len(everything) > 1 and len(found("NOT", "xyzzy", "-n1")) == 1  # "-n1" is still the option
    assert "requires an argument" in run("honorary", "--db").output


def test_cli_errors_are_one_line(archive_db, tmp_path):
    bad = run('year:[2016', "--db", str(archive_db))
    missing = run("x", "--db", str(tmp_path / "none.db"))
    for result in (missing,):
        assert result.exit_code != 0
        assert "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in bad.output


@pytest.fixture
def fresh_db(tmp_path) -> Path:
    return build_archive(tmp_path / "archive.db")


def test_index_follows_a_changed_source(fresh_db):
    search_index.sync(fresh_db, ["int-01"], [])  # builds: index was missing
    assert ids(search_index.search(fresh_db, "honorary AND post")) == ["int-01-q1"]
    db = store.open_db(fresh_db)
    changed = make_source("int-01", SOURCES["int-01"], quotes=[
        ("A sessional contract with no sick pay, renewed every term.", ["precarity"]),
    ])
    changed.fingerprint = "fp-changed"
    store.replace_source(db, changed, root="/nowhere")
    db.close()
    report = search_index.sync(fresh_db, ["int-01"], [])
    assert report["indexed"] == 1 and not report["rebuilt"]
    with search_index.Searcher(fresh_db, update=False) as s:
        assert ids(s.search("honorary AND post")) == []
        assert ids(s.search('"sick pay"')) == ["int-01-q1"]
        assert s.search("source:int-01").total == 1


def test_index_drops_a_withdrawn_source(fresh_db):
    search_index.rebuild(fresh_db)
    db = store.open_db(fresh_db)
    store.remove_source(db, "int-02")
    db["withdrawals"].insert({"source": "int-02", "at": store.now(), "reason": "asked"})
    db.close()
    search_index.sync(fresh_db, [], ["int-02"])
    with search_index.Searcher(fresh_db, update=False) as s:
        assert ids(s.search("honorary")) == ["int-01-q1"]


def test_index_catches_up_with_changes_it_was_not_told_about(fresh_db):
    search_index.rebuild(fresh_db)
    db = store.open_db(fresh_db)
    store.remove_source(db, "pod-01")
    db.close()
    # A fresh search notices the removal without being told.
    assert search_index.search(fresh_db, "supervision").total == 0


def test_index_rebuilt_when_missing_or_from_an_older_version(fresh_db, monkeypatch):
    directory = search_index.index_dir(fresh_db)
    assert search_index.search(fresh_db, "union").total == 1  # built on demand
    monkeypatch.setattr(search_index, "INDEX_VERSION", search_index.INDEX_VERSION + 1)
    assert search_index.sync(fresh_db)["rebuilt"]
    shutil.rmtree(directory)
    assert search_index.sync(fresh_db)["rebuilt"]


def test_corrupt_index_is_rebuilt_not_read(fresh_db):
    search_index.rebuild(fresh_db)
    directory = search_index.index_dir(fresh_db)
    for toc in directory.glob("_quotes_*.toc"):
        toc.write_bytes(b"not an index")
    assert run("union", "--db", str(fresh_db)).exit_code == 0  # FTS5 needs no Whoosh index
    # Not the files the archive wrote (tests/test_search_index_trust.py): rebuilt from the database.
    assert "union" in run("unon~", "--db", str(fresh_db)).output
    rebuilt = CliRunner().invoke(index_command, ["--rebuild", "--db", str(fresh_db)])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "union" in run("unon~", "--db", str(fresh_db)).output


def test_locked_index_gets_a_clear_message(fresh_db, monkeypatch):
    search_index.rebuild(fresh_db)
    from whoosh import index as whoosh_index

    ix = whoosh_index.open_dir(str(search_index.index_dir(fresh_db)), indexname="quotes")
    writer = ix.writer()
    try:
        monkeypatch.setattr(search_index, "LOCK_TIMEOUT", 0.1)
        with pytest.raises(search_index.SearchIndexError, match="locked"):
            search_index.sync(fresh_db, ["int-01"], [])
    finally:
        writer.cancel()


# ---------------------------------------------------------------- routing

def engine_of(db, *args) -> str:
    return json.loads(run(*args, "--db", str(db), "--json").output)["engine"]


def test_each_kind_of_query_goes_to_its_engine(archive_db):
    assert engine_of(archive_db, "honorary placements") == "fts5"
    assert engine_of(archive_db, '"unpaid placements" theme:unwaged_work year:2016..2018') == "fts5"
    assert engine_of(archive_db, "supervison~") == "fts5+whoosh"
    assert engine_of(archive_db, "--like", "int-01-q1") == "fts5+whoosh"
    assert engine_of(archive_db, "placemnts") == "fts5+whoosh"  # the suggestion came from Whoosh


def test_plain_queries_never_open_the_whoosh_index(fresh_db):
    with searching.Searcher(fresh_db) as searcher:
        assert ids(searcher.search("union")) == ["int-01-q3"]  # few results, but spelt right
        assert searcher.search('"union rep" theme:solidarity speaker:psychologist').total == 1
        assert searcher.search("unon").did_you_mean is None  # no word list: no suggestion
        assert not search_index.index_dir(fresh_db).exists()
        assert searcher.search("supervison~").total == 1  # builds the missing index
        assert searcher.search("unon").did_you_mean == "union"
    assert search_index.index_dir(fresh_db).is_dir()


def test_boolean_queries_beyond_one_match_expression(searcher):
    # FTS5's NOT is binary and it has no column filters: these go through SQL around it.
    assert searcher.search("NOT honorary", limit=50).total == 6
    assert set(ids(searcher.search("honorary OR theme:solidarity"))) == {"int-01-q1", "int-02-q1", "int-01-q3"}
    assert set(ids(searcher.search("(union OR supervision) NOT kind:podcast"))) == {"int-01-q3"}
    assert ids(searcher.search("theme:unwaged_work NOT trainees")) == ["int-01-q1"]


def test_highlight_marks_words_of_phrases_and_fuzzy_matches(searcher):
    hit = searcher.search('"unpaid placements" OR supervison~ year:2018').hits[0]
    assert [hit.row["text"][a:b] for a, b in hit.matches] == ["unpaid placements"]
    hit = searcher.search("supervison~").hits[0]
    assert [hit.row["text"][a:b] for a, b in hit.matches] == ["Supervision"]


def test_rows_are_the_stores_rows(archive_db, searcher):
    exported = {row["id"]: row for row in store.iter_quotes(store.open_db(archive_db))}
    for hit in searcher.search("session OR union OR honorary").hits:
        assert hit.row == exported[hit.id]


@pytest.mark.parametrize("text", [
    '"', '""', "(", ")", "((", "union)", "(union", '"union rep', 'union"', "union:", "text:union",
    "NEAR(union rep)", "union*", "^union", "{text}: union", "-union", "union -", "a OR", "OR",
    "NOT", "NOT NOT union", "AND AND", "theme:", 'speaker:"', "col:x", "union~x", "~", "***",
    "'; drop table quotes; --", "union OR OR rep", "\\", "ünïon", "union AND (rep OR",
])
def test_stray_syntax_never_breaks_a_query(searcher, text):
    try:
        result = searcher.search(text)
    except searching.SearchIndexError as e:
        assert "no searchable words" in str(e)
        return
    assert result.total >= 0


def test_user_text_cannot_reach_fts5_syntax(searcher):
    assert ids(searcher.search("union)")) == ["int-01-q3"]
    assert ids(searcher.search('"union rep')) == ["int-01-q3"]  # an unclosed phrase runs to the end
    assert ids(searcher.search("text:union")) == []  # not FTS5's column filter: the words "text union"
    near = searcher.search("NEAR(union rep)")  # the word "near", not FTS5's NEAR:
    assert near.total == 0 and near.relaxed == 1  # no quote holds all three words; one holds two
    assert ids(searcher.search("rep* union")) == ["int-01-q3"]  # our prefix query, not FTS5 syntax
    assert ids(searcher.search("supervis*")) == ["pod-01-q1"] and len(ids(searcher.search("honorar*"))) == 2
    assert searching.fts_string('say "hi"') == '"say ""hi"""'


def test_bad_years_are_one_line_errors(archive_db):
    for text in ("year:201", "year:abc..2018", "year:2016...2018"):
        result = run(text, "--db", str(archive_db))
        assert result.exit_code != 0 and "not a year" in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_the_query_is_parsed_once_into_a_tree():
    node = sq.parse('honorary NOT (trainees OR "unpaid placements") theme:unwaged_work year:2016..')
    assert node == sq.And((
        sq.Word("honorary", span=(0, 8)),
        sq.Not(sq.Or((sq.Word("trainees", span=(14, 22)), sq.Phrase("unpaid placements")))),
        sq.Filter("theme", "unwaged_work"),
        sq.Years(2016, None),
    ))
    assert sq.parse("supervison~2") == sq.Word("supervison", fuzzy=2, span=(0, 10))
    assert sq.parse("year:[2016 TO 2018]") == sq.parse("year:2016..2018") == sq.Years(2016, 2018)
    assert sq.parse("year:2017") == sq.Years(2017, 2017)
    assert sq.parse('burnout -app -"unpaid work" part-time') == sq.And((
        sq.Word("burnout", span=(0, 7)), sq.Not(sq.Word("app", span=(9, 12))),
        sq.Not(sq.Phrase("unpaid work")), sq.Word("part-time", span=(28, 37))))


def test_a_plain_search_imports_neither_whoosh_nor_spacy(archive_db):
    # Start-up time is most of a one-off search: the FTS5 path must stay light.
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from archive.cli import cli\n"
        f"result = CliRunner().invoke(cli, ['search', 'honorary', '--db', {str(archive_db)!r}])\n"
        "assert '2 quotes match' in result.output, result.output\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'whoosh', 'spacy', 'datasette'})\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_very_broad_queries_rank_only_the_first_matches(archive_db, monkeypatch):
    monkeypatch.setattr(searching, "RANK_AT_MOST", 2)
    with searching.Searcher(archive_db) as searcher:
        broad = searcher.search("session OR discharged OR supervision OR union")
        assert broad.total == 5 and broad.ranked_among == 2  # still counts every match
        # the first two matches in archive order: int-01-q2 (session) and int-01-q3 (union)
        assert set(ids(broad)) == {"int-01-q2", "int-01-q3"}
        assert searcher.search("union OR supervision").ranked_among is None
    out = run("session OR discharged OR supervision OR union", "--db", str(archive_db)).output
    assert "ranked the first 2 of them" in out


@pytest.mark.parametrize("join_at_most", [searching.JOIN_AT_MOST, 0])  # read each row, or probe the table
# a host described by what she hosts is one, as the codebook reads her (the search took her for a participant)
@pytest.mark.parametrize("asker_description", ["Lead interviewer 2", "Host of the Talking Shop podcast"])
def test_participants_rank_above_interviewers_and_hosts(tmp_path, monkeypatch, join_at_most, asker_description):
    monkeypatch.setattr(searching, "JOIN_AT_MOST", join_at_most)
    db = store.open_db(tmp_path / "archive.db")
    store.sync_themes(db, [{"id": "workload", "label": "Workload", "description": ""}])
    asker, participant = Speaker(1, asker_description), Speaker(2, "Nurse, community team")
    source = Source(id="int-09", collection="care-study", path=Path("/nowhere/int-09.txt"), format="txt",
                    meta={"kind": "interview", "date": "2019", "title": "INT-09"}, fingerprint="fp", redacted=True)
    source.speakers = [asker, participant]
    for n, (speaker, text) in enumerate([(asker, "Targets?"), (participant, "The targets came every week and we "
                                         "met them by working late, every single week of the year."),
                                         (asker, "And the targets now?")], start=1):
        source.quotes.append(Quote(id=f"int-09-q{n}", turn=n, part=1, position=n, speaker=speaker, text=text,
                                   place=f"line {n}"))
    store.replace_source(db, source, root="/nowhere")
    db.close()
    with searching.Searcher(tmp_path / "archive.db") as searcher:
        assert ids(searcher.search("targets"))[0] == "int-09-q2"  # the short questions score higher by bm25
        assert ids(searcher.search("targets", offset=1)) == ["int-09-q1", "int-09-q3"]
    assert [searching.is_asker(d) for d in ("Interviewer", "Host, Talking Shop", "Guest host", "Q",
                                            "Participant 3", "Podcast host", "Hostel worker")] == \
           [True, True, True, True, False, True, False]


DESCRIPTIONS = ["Interviewer", "Lead interviewer 2", "Host, Talking Shop", "Guest host", "Podcast host",
                "Host of the Talking Shop podcast", "Rona Fenwick, host", "Co-host", "Presenter", "Chair",
                "Focus group facilitator", "Participant 3", "Hostel worker", "Nurse, community team",
                "Support worker and union member at a charity", "Respondent, counsellor"]


@pytest.mark.parametrize("description", DESCRIPTIONS)
def test_the_search_ranks_last_the_turns_the_codebook_leaves_uncoded(description):
    from ingest.themes.codebook import DEFAULT_CODEBOOK, load_codebook

    codebook = load_codebook(DEFAULT_CODEBOOK)
    assert codebook.uncoded_speakers == set(searching.ASKER_ROLES)
    assert searching.is_asker(description) is not codebook.is_coded([description])


def test_cli_follows_all_the_words_with_some_of_them(archive_db):
    out = run("honorary caseload", "--db", str(archive_db)).output
    assert out.startswith("0 quotes match\nThen 3 more holding some of the words, best first.")
    assert "I took an honorary post" in out and "the caseload was relentless" in out
    assert "0 quotes match" in run("honorary AND caseload", "--db", str(archive_db)).output  # AND asks for both
    assert "Then" not in run("honorary AND caseload", "--db", str(archive_db)).output


def test_cli_says_when_the_words_match_without_the_filters(archive_db):
    """An empty answer with filters says whether the words alone find quotes, and so that the
    filters, not the words, left nothing."""
    out = run("caseload theme:solidarity", "--db", str(archive_db)).output
    assert out.startswith("0 quotes match\nWithout the filter theme:solidarity, the words match 1 quote.\n")
    out = run("session kind:podcast year:2016..2017", "--db", str(archive_db)).output
    assert "Without the filters kind:podcast year:2016..2017, the words match 2 quotes." in out
    out = run("caseload", "--theme", "solidarity", "--theme", "precarity", "--db", str(archive_db)).output
    assert "Without the filters (theme:solidarity OR theme:precarity), the words match 1 quote." in out
    out = run("caseload", "-theme:workload", "--db", str(archive_db)).output
    assert "Without the filter -theme:workload, the words match 1 quote." in out
    assert json.loads(run("caseload theme:solidarity", "--json", "--db", str(archive_db)).output)["without_filters"] == 1
    # Words found nowhere, or found with the filters: nothing to say.
    assert "Without" not in run("trampolines theme:solidarity", "--db", str(archive_db)).output
    assert "Without" not in run("caseload theme:workload", "--db", str(archive_db)).output


def test_an_unknown_theme_is_answered_with_the_themes_that_speak_of_it(tmp_path):
    """Past twenty themes not all are listed: the ones spelt alike, else the ones whose label or
    description holds the word ("burnout" is in Workload's description)."""
    db = store.open_db(tmp_path / "archive.db")
    store.sync_themes(db, [{"id": "workload", "label": "Workload and wellbeing",
                            "description": "Caseloads, stress, exhaustion, burnout."}]
                      + [{"id": f"topic_{n}", "label": f"Topic {n}", "description": "Something else."} for n in range(24)])
    db.close()
    with search_index.Searcher(tmp_path / "archive.db") as searcher:
        with pytest.raises(search_index.SearchIndexError,
                           match=re.escape("No theme 'burnout' in the archive; close themes: workload.")):
            searcher.search("caseload", themes=["burnout"])
        with pytest.raises(search_index.SearchIndexError, match=re.escape("close themes: workload.")):
            searcher.search("caseload theme:workloads")
