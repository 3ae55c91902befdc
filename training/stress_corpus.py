"""Make stress copies of the training corpus: its speech typed all in lower case, or all in capitals,
or with its workplaces and places renamed (in invented words, or in everyday ones).

    .venv/bin/python training/stress_corpus.py [--out /tmp/archive-stress] [--corpus ../shared/corpus]
        [--copies lower upper renamed ordinary] [--seed 7]

Survey answers and some transcripts come typed without the capital-letter cue. These copies
ask how the redaction holds there on material we may read: ``OUT/lower`` and ``OUT/upper``
each hold ``dev`` as it is and ``train`` with the speech of its txt, md, srt and vtt sources
(not speaker labels, front matter, time codes or cue tags) in one case, and a
``train.gold.jsonl`` changed to match; ``OUT/tools/score.py`` is the scorer beside them. docx
and csv sources stay as written. ``OUT/renamed`` holds ``train`` with each workplace (ORG)
and place (LOC) of the gold renamed in each document (txt, md, srt, vtt, csv and their yml
sidecars; docx stay as written) by an invented name of as many words (``train_detector.invent``),
the same name for the same surface throughout the document, in the case it was written, and
a short form that is part of a longer one (``Halwick`` of ``Halwick Care Ltd``) taking the
same words of the longer's new name, initials the new initials; words that are no name stay
("the", "ward 4 at", figures). Persons stay as written. The rules and detector know train's
own names, so this copy shows how names never seen are found (``--seed`` invents others).
``OUT/ordinary`` is the same with every workplace renamed in everyday words ("Open Door",
"Second Chance Counselling"), the hardest form held out: typed so, only the words around a
name say it is one (held out on 2026-12-06 ORG was found at 0.918 per mention, against 1.0 renamed).
Then, with fold detectors kept by ``detector_cv_ingest.py --keep DIR``:

    .venv/bin/python training/detector_cv_ingest.py --corpus OUT/lower --reuse COPY_OF_DIR --misses /tmp/x.jsonl
    (OUT/upper, OUT/renamed the same)

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


def fresh_copy(corpus: Path, out: Path, name: str) -> Path:
    """``out/name``, emptied, with the corpus's dev and train trees and dev's gold copied in
    (train's gold is written by the copy's maker)."""
    dst = out / name
    shutil.rmtree(dst, ignore_errors=True)
    dst.mkdir(parents=True)
    shutil.copytree(corpus / "dev", dst / "dev")
    shutil.copy(corpus / "dev.gold.jsonl", dst)
    shutil.copytree(corpus / "train", dst / "train")
    return dst


def make(corpus: Path, out: Path, name: str, case) -> int:
    dst = fresh_copy(corpus, out, name)
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


RENAMED_FORMATS = SPEECH_FORMATS | {".csv"}
RENAMED_KINDS = ("ORG", "LOC")


def _recase(name: str, like: str) -> str:
    if like.islower():
        return name.lower()
    if like.isupper() and len(like) > 1:
        return name.upper()
    return name


def new_names(mentions: list, rng) -> dict[str, str]:
    """Each workplace and place surface (by its lower case) -> its invented name, in title
    case. Longer surfaces first: a shorter one made of a run of a longer one's words takes the
    same words of the longer's new name, the initials of a longer one its new initials; another
    acronym stays (as ``invent`` keeps it)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "training"))
    from train_detector import invent

    names: dict[str, str] = {}
    surfaces = sorted({s for k, s, _a, _b in mentions if k in RENAMED_KINDS and s[:1].isalnum()},
                      key=lambda s: (-len(s.split()), -len(s), s))
    kinds = {s: k for k, s, _a, _b in mentions if k in RENAMED_KINDS}
    for surface in surfaces:
        key = surface.lower()
        if key in names:
            continue
        words = key.split()
        for longer, new in list(names.items()):
            long_words, new_words = longer.split(), new.split()
            if len(long_words) != len(new_words) or len(words) >= len(long_words):
                continue
            at = next((i for i in range(len(long_words) - len(words) + 1)
                       if long_words[i:i + len(words)] == words), None)
            if at is not None:
                names[key] = " ".join(new_words[at:at + len(words)])
                break
        else:
            like = surface if not (surface.islower() or surface.isupper()) else surface.title()
            if surface.isupper() and len(surface) <= 6 and " " not in surface:
                # initials of a longer name renamed ("QCS" of "Quillmere Counselling Service") take the new name's
                for longer, new in names.items():
                    if len(longer.split()) == len(surface) and "".join(w[0] for w in longer.split()) == key:
                        names[key] = "".join(w[0] for w in new.split()).upper()
                        break
                if key in names:
                    continue
                like = surface  # another acronym stays
            names[key] = _invent_keeping(invent, kinds[surface], like, rng)
    return names


# Words of a workplace's or place's mention that are no name and stay: "the north quarter",
# "ward 4 at larkmoor" keep their shape ("the upper halwick", "ward 4 at selford").
KEPT_WORDS = frozenset("the a at of and on in upon under by & ward wards unit block floor".split())


def _invent_keeping(invent, kind: str, surface: str, rng) -> str:
    """``invent`` for each run of name words of ``surface``; its other words as written."""
    out, run = [], []

    def flush():
        if run:
            out.append(invent(kind, " ".join(run), rng, str.title))
            run.clear()

    for word in surface.split(" "):
        if word.lower() in KEPT_WORDS or any(c.isdigit() for c in word) or not word[:1].isalnum():
            flush()
            out.append(word)
        else:
            run.append(word)
    flush()
    return " ".join(out)


def substitute(text: str, pattern, names: dict[str, str]) -> tuple[str, list]:
    """``text`` with each surface of ``pattern`` replaced; and the (old start, old end, new
    start, new end) of each replacement."""
    out, spans, last, shift = [], [], 0, 0
    for m in pattern.finditer(text):
        new = _recase(names[m.group(0).lower()], m.group(0))
        out += [text[last:m.start()], new]
        spans.append((m.start(), m.end(), m.start() + shift, m.start() + shift + len(new)))
        shift += len(new) - (m.end() - m.start())
        last = m.end()
    out.append(text[last:])
    return "".join(out), spans


def _moved(pos: int, spans: list, end: bool) -> int:
    """Where ``pos`` of the text lies after ``substitute``; one inside a replaced span goes
    to the span's new start (``end`` false) or new end."""
    shift = 0
    for old_start, old_end, new_start, new_end in spans:
        if old_start < pos < old_end:
            return new_end if end else new_start
        if old_end > pos:
            break
        shift = new_end - old_end
    return pos + shift


def make_renamed(corpus: Path, out: Path, name: str = "renamed", seed: int = 7, ordinary: bool = False) -> int:
    """``ordinary``: every workplace renamed in everyday words ("Open Door", "Second Chance"),
    as many small organisations are named (``train_detector.ORDINARY_WORKPLACES``)."""
    import random

    import train_detector

    train_detector.ORDINARY_WORKPLACES, train_detector.ORDINARY_SHARE = ordinary, 1.0 if ordinary else 0.5
    dst = fresh_copy(corpus, out, name)
    units: dict[str, list[dict]] = {}
    with open(corpus / "train.gold.jsonl", encoding="utf-8") as src:
        for line in src:
            unit = json.loads(line)
            units.setdefault(unit["doc"], []).append(unit)
    patterns = {}
    for doc, doc_units in units.items():
        if "." + doc_units[0]["format"] not in RENAMED_FORMATS:
            continue
        names = new_names([m for u in doc_units for m in u["mentions"]], random.Random(f"{seed}-{doc}"))
        if not names:
            continue
        # each surface as the gold writes it, as whole words ("Bright Lantern" but not "a bright lantern")
        alternatives = sorted({m[1] for u in doc_units for m in u["mentions"] if m[1].lower() in names},
                              key=len, reverse=True)
        patterns[doc] = (re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in alternatives) + r")(?!\w)"),
                         names)
    for path in (dst / "train").rglob("*"):
        doc = path.name.split(".")[0]
        if doc in patterns and path.is_file():
            pattern, names = patterns[doc]
            raw = path.read_bytes()
            try:
                encoding, text = "utf-8", raw.decode("utf-8")
            except UnicodeDecodeError:  # a spreadsheet's export in the Windows code page
                encoding, text = "cp1252", raw.decode("cp1252")
            path.write_bytes(substitute(text, pattern, names)[0].encode(encoding))
    with open(dst / "train.gold.jsonl", "w", encoding="utf-8") as gold:
        for doc, doc_units in units.items():
            for unit in doc_units:
                if doc in patterns:
                    pattern, names = patterns[doc]
                    text, spans = substitute(unit["text"], pattern, names)
                    unit["mentions"] = [[k, text[a:b], a, b] for k, s, a0, b0 in unit["mentions"]
                                        for a, b in [(_moved(a0, spans, False), _moved(b0, spans, True))]]
                    unit["text"] = text
                    for field in ("context", "speaker", "question"):
                        if isinstance(unit.get(field), str):
                            unit[field] = substitute(unit[field], pattern, names)[0]
                    unit["speaker_mentions"] = [[k, substitute(s, pattern, names)[0]]
                                                for k, s in unit["speaker_mentions"]]
                gold.write(json.dumps(unit, ensure_ascii=False) + "\n")
    return len(patterns)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=Path("/tmp/archive-stress"))
    parser.add_argument("--copies", nargs="+", choices=("lower", "upper", "renamed", "ordinary"),
                        default=["lower", "upper", "renamed", "ordinary"], help="which copies to write (default: all)")
    parser.add_argument("--seed", type=int, default=7, help="of the renamed copy's invented names")
    args = parser.parse_args(argv)
    if args.out.resolve().is_relative_to(ROOT):
        parser.error("--out must lie outside the project: the copies hold corpus text")
    (args.out / "tools").mkdir(parents=True, exist_ok=True)
    shutil.copy(args.corpus.parent / "tools" / "score.py", args.out / "tools" / "score.py")
    for name, case in (("lower", str.lower), ("upper", str.upper)):
        if name in args.copies:
            print(f"{args.out / name}: {make(args.corpus, args.out, name, case)} training documents in {name} case")
    if "renamed" in args.copies:
        print(f"{args.out / 'renamed'}: {make_renamed(args.corpus, args.out, seed=args.seed)} training documents "
              "with workplaces and places renamed")
    if "ordinary" in args.copies:
        print(f"{args.out / 'ordinary'}: {make_renamed(args.corpus, args.out, 'ordinary', args.seed, ordinary=True)} "
              "training documents with workplaces renamed in everyday words, places as in renamed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
