"""Make stress copies of the training corpus: its speech typed all in lower case, or all in capitals.

    .venv/bin/python training/stress_corpus.py [--out /tmp/archive-stress] [--corpus ../shared/corpus]

Survey answers and some transcripts come typed without the capital-letter cue. These copies
ask how the redaction holds there on material we may read: ``OUT/lower`` and ``OUT/upper``
each hold ``dev`` as it is and ``train`` with the speech of its txt, md, srt and vtt sources
(not speaker labels, front matter, time codes or cue tags) in one case, and a
``train.gold.jsonl`` changed to match; ``OUT/tools/score.py`` is the scorer beside them. docx
and csv sources stay as written. Then, with fold detectors kept by ``detector_cv_ingest.py
--keep DIR``:

    .venv/bin/python training/detector_cv_ingest.py --corpus OUT/lower --reuse COPY_OF_DIR --misses /tmp/x.jsonl

Everything is written outside the project (it holds corpus text); only figures are reported.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEECH_FORMATS = {".txt", ".md", ".srt", ".vtt"}
# "Interviewer: ...", "P2: ...": the label stays as written, the speech after it is cased.
LABEL = re.compile(r"^([^:\n]{1,40}:\s+)(.*)$")
# A cue's own tag ("<v Lorna>") names its speaker as a sidecar does: kept as written.
CUE_TAG = re.compile(r"^(<v[^>]*>)(.*)$", re.IGNORECASE)


def cased_speech(text: str, case) -> str:
    head, body = "", text
    if text.startswith("---"):
        end = text.index("\n---", 3) + 4
        head, body = text[:end], text[end:]
    lines = []
    for line in body.split("\n"):
        if "-->" in line or line.strip().isdigit() or line.startswith(("WEBVTT", "NOTE", "\ufeff")):
            lines.append(line)
            continue
        m = CUE_TAG.match(line) or LABEL.match(line)
        lines.append(m.group(1) + case(m.group(2)) if m else case(line))
    return head + "\n".join(lines)


def make(corpus: Path, out: Path, name: str, case) -> int:
    dst = out / name
    shutil.rmtree(dst, ignore_errors=True)
    dst.mkdir(parents=True)
    shutil.copytree(corpus / "dev", dst / "dev")
    shutil.copy(corpus / "dev.gold.jsonl", dst)
    shutil.copytree(corpus / "train", dst / "train")
    changed = set()
    for path in (dst / "train").rglob("*"):
        if path.suffix in SPEECH_FORMATS:
            path.write_text(cased_speech(path.read_text(encoding="utf-8"), case), encoding="utf-8")
            changed.add(path.name.split(".")[0])
    with open(corpus / "train.gold.jsonl", encoding="utf-8") as src, \
            open(dst / "train.gold.jsonl", "w", encoding="utf-8") as gold:
        for line in src:
            unit = json.loads(line)
            if unit["doc"] in changed:
                unit["text"] = case(unit["text"])
                unit["mentions"] = [[kind, case(surface), start, end] for kind, surface, start, end in unit["mentions"]]
            gold.write(json.dumps(unit, ensure_ascii=False) + "\n")
    return len(changed)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=Path("/tmp/archive-stress"))
    args = parser.parse_args(argv)
    if args.out.resolve().is_relative_to(ROOT):
        parser.error("--out must lie outside the project: the copies hold corpus text")
    (args.out / "tools").mkdir(parents=True, exist_ok=True)
    shutil.copy(args.corpus.parent / "tools" / "score.py", args.out / "tools" / "score.py")
    for name, case in (("lower", str.lower), ("upper", str.upper)):
        print(f"{args.out / name}: {make(args.corpus, args.out, name, case)} training documents in {name} case")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
