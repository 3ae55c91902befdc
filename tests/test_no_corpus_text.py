"""No sentence of the shared corpora is copied into the project.

The corpora are for learning (rules, lists, trained weights) and measuring; their text may
not travel with the product, its tests, comments or sample transcripts (a rule learnt from
one sentence is tuned to that sentence, and the sample would teach users a corpus). So no
run of RUN words of any corpus document appears in a file the project tracks. Eight words
is long enough that ordinary phrases ("could you tell me a bit about") do not collide, and
short enough to catch a copied identifier read out in words.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import SHARED, require_corpus

RUN = 8
ROOT = Path(__file__).resolve().parents[1]
CORPORA = ("dev", "train", "valid")
TEXT_SUFFIXES = {".txt", ".md", ".vtt", ".srt", ".csv", ".json", ".yml", ".yaml", ".py", ".html"}
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def runs(text: str):
    words = WORD.findall(text.lower())
    return (tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1))


def corpus_runs() -> set[tuple[str, ...]]:
    """Every run of words in the corpora's transcripts (their documents, not the gold files)."""
    seen: set[tuple[str, ...]] = set()
    for name in CORPORA:
        for path in (SHARED / "corpus" / name).rglob("*"):
            if path.is_file() and path.suffix in TEXT_SUFFIXES:
                seen.update(runs(path.read_text(encoding="utf-8", errors="replace")))
    return seen


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True)
    paths = [ROOT / name for name in listed.stdout.decode().split("\0") if name]
    return [p for p in paths if p.suffix in TEXT_SUFFIXES and p.is_file()]


def test_no_run_of_corpus_words_is_in_the_project():
    require_corpus(SHARED / "corpus" / "train")
    corpus = corpus_runs()
    assert len(corpus) > 10_000  # the corpora were read
    copied = []
    for path in tracked_text_files():
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            hit = next((run for run in runs(line) if run in corpus), None)
            if hit:
                copied.append(f"{path.relative_to(ROOT)}:{number}: {' '.join(hit)}")
    assert not copied, "corpus text in the project:\n" + "\n".join(copied)
