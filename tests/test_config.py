"""archive.yml: settings take effect; a broken file is named with its line."""

from __future__ import annotations

from tests.conftest import export_jsonl, run, write_tree

LONG_TURN = "A: " + " ".join(f"Sentence number {i} is about the waiting list." for i in range(30)) + "\n"


def test_settings_in_archive_yml_take_effect(project):
    write_tree(project, {
        "archive.yml": "transcripts: material\ndb: out/quotes.db\nmax_words: 60\n",
        "material/study/int.txt": "Q: Tell me about it.\n" + LONG_TURN,
    })
    (project / "out").mkdir()
    run("ingest")
    quotes = export_jsonl(project / "out" / "quotes.db")
    assert len(quotes) > 3 and all(len(q["text"].split()) <= 80 for q in quotes)


def test_changing_archive_yml_reingests_every_source(project):
    write_tree(project, {"transcripts/study/int.txt": "Q: Tell me about it.\n" + LONG_TURN})
    run("ingest")
    (project / "archive.yml").write_text("max_words: 60\n")
    assert "0 added, 1 updated, 0 unchanged" in run("ingest").stdout


def test_broken_archive_yml_is_named_with_its_line(project):
    write_tree(project, {"archive.yml": "db: archive.db\npublic_names: [Open Door\n"})
    result = run("sources", expect=1)
    assert "archive.yml, line 2: invalid YAML" in result.output
    assert "Traceback" not in result.output


def test_changing_the_theme_model_reingests_every_source(project):
    write_tree(project, {"transcripts/study/int.txt": "Q: Tell me about it.\nA: The rota changes weekly.\n"})
    run("ingest")
    (project / "themes_model.json").write_text("{}")
    assert "0 added, 1 updated, 0 unchanged" in run("ingest").stdout
    assert "0 added, 0 updated, 1 unchanged" in run("ingest").stdout


def test_an_empty_archive_yml_is_a_project_with_every_default(project):
    # "touch archive.yml" marks a project folder: every key is optional, as for a file of comments.
    write_tree(project, {"archive.yml": "", "transcripts/study/int.txt": "Q: Tell me about it.\nA: The rota changes weekly.\n",
                         "transcripts/study/collection.yml": "\n"})
    assert "1 added" in run("ingest").stdout


def test_review_decisions_keep_the_comments_and_settings_of_archive_yml(project):
    """`archive review --keep/--redact` wrote archive.yml anew from its values: every comment
    went (archive init's "SENSITIVE" note on private:, the commented-out settings, the
    user's own notes)."""
    run("init", ".")
    before = (project / "archive.yml").read_text()
    with open(project / "archive.yml", "a") as f:
        f.write("# our note: the Quarrybank names were agreed with the steering group\n")
    run("review", "--keep", "Quarrybank Trust")
    with open(project / "archive.yml", "a") as f:
        f.write("# after the review block\nmax_words: 150\n")
    run("review", "--redact", "Lindqvist", "--keep", "Open Door")
    after = (project / "archive.yml").read_text()
    for line in before.splitlines():
        if not line.startswith("review"):
            assert line in after, line
    assert "# our note: the Quarrybank names were agreed with the steering group" in after
    assert after.endswith("# after the review block\nmax_words: 150\n")
    import yaml
    assert yaml.safe_load(after)["review"] == {"keep": ["Open Door", "Quarrybank Trust"], "redact": ["Lindqvist"]}
    assert after.count("review:") == 1


def test_a_later_review_decision_replaces_the_earlier_one_on_the_same_word(project):
    """--keep after --redact of one word kept both, and the redaction won: the later
    decision did nothing, without a word. A word archive.yml's own redact: lists wins over
    a keep: the keep says so."""
    import yaml

    (project / "archive.yml").write_text("redact: [Kestrel]\n")
    run("review", "--redact", "Fernhollow")
    run("review", "--keep", "Fernhollow")
    assert yaml.safe_load((project / "archive.yml").read_text())["review"] == {"keep": ["Fernhollow"], "redact": []}
    run("review", "--redact", "Fernhollow")
    assert yaml.safe_load((project / "archive.yml").read_text())["review"] == {"keep": [], "redact": ["Fernhollow"]}
    result = run("review", "--keep", "kestrel")
    assert "'kestrel' is also listed under redact: in" in result.stderr and "archive.yml" in result.stderr
