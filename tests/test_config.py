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
