"""The Whoosh word list: never read from files the archive did not write, never keeping
words the archive no longer holds, and never stopping ingest's summary."""

from __future__ import annotations

import pickle

import pytest

from archive import search_index
from tests.conftest import run, write_tree

TREE = {
    "study/collection.yml": "title: Interviews\nkind: interview\n",
    "study/one.txt": "Q: Supervision?\nA: I pay for my own supervision, and the marmalade rota is unfair.\n",
    "study/two.txt": "Q: Caseload?\nA: Forty clients, far too many for one counsellor.\n",
}


@pytest.fixture
def archive(project):
    write_tree(project / "t", TREE)
    db = project / "a.db"
    run("ingest", "t", "--db", db)
    return db


def _index_bytes(db) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(search_index.index_dir(db).iterdir()) if p.is_file())


def test_a_changed_byte_in_the_index_is_not_read_and_ingest_still_sums_up(archive, project):
    toc = next(search_index.index_dir(archive).glob("_quotes_*.toc"))
    data = bytearray(toc.read_bytes())
    data[130] ^= 0x01  # in the pickled schema
    toc.write_bytes(bytes(data))
    path = project / "t" / "study" / "two.txt"
    path.write_text(path.read_text().replace("Forty", "Fifty"))
    result = run("ingest", "t", "--db", archive)
    assert "0 added, 1 updated, 1 unchanged, 0 removed, 0 failed" in result.output
    assert "supervision" in run("search", "supervison~", "--db", archive).output  # rebuilt, and found


def test_an_index_file_the_archive_did_not_write_is_never_unpickled(archive, project):
    from whoosh import index as whoosh_index

    marker = project / "pickle-ran"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    ix = whoosh_index.open_dir(str(search_index.index_dir(archive)), indexname="quotes")
    toc = whoosh_index.TOC.read(ix.storage, "quotes")
    for old in search_index.index_dir(archive).glob("_quotes_*.toc"):
        old.unlink()
    dumps = pickle.dumps
    with pytest.MonkeyPatch.context() as patch:  # a table of contents whose schema runs code
        patch.setattr(whoosh_index.pickle, "dumps", lambda obj, protocol=2: dumps(Payload(), protocol))
        toc.write(ix.storage, "quotes")
    ix.close()
    assert "supervision" in run("search", "supervison~", "--db", archive).output
    run("ingest", "t", "--db", archive)
    assert not marker.exists()


def test_words_taken_out_of_a_source_leave_the_index(archive, project):
    assert b"marmalade" in _index_bytes(archive)
    path = project / "t" / "study" / "one.txt"
    path.write_text(path.read_text().replace("the marmalade rota", "the rota"))
    run("ingest", "t", "--db", archive)
    lexicon = search_index.Lexicon(archive)
    try:
        assert not lexicon.knows("marmalade") and "marmalade" not in lexicon.similar("marmalad")
        assert lexicon.knows("rota")
    finally:
        lexicon.close()
    assert b"marmalade" not in _index_bytes(archive)


def test_words_of_a_big_segment_s_deleted_quotes_are_never_offered(archive, project, monkeypatch):
    monkeypatch.setattr(search_index, "REWRITE_DOCS", 0)  # every segment counts as too big to rewrite
    path = project / "t" / "study" / "one.txt"
    path.write_text(path.read_text().replace("the marmalade rota", "the rota"))
    run("ingest", "t", "--db", archive)
    lexicon = search_index.Lexicon(archive)
    try:
        assert not lexicon.knows("marmalade") and "marmalade" not in lexicon.similar("marmalad")
        assert lexicon.suggest("marmalada") != "marmalade"
    finally:
        lexicon.close()
