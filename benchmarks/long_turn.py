"""Long-turn benchmark: the redaction of one long turn should grow with its length, not its square.

    .venv/bin/python benchmarks/long_turn.py [--sizes 6000,12000,24000,48000] [--shapes a,b] [--ingest]

For each shape of text (invented: short capitalised sentences, a long list of names, words
without punctuation, one word repeated, public names, names in lower case, numbers and
addresses), one turn of each size is redacted by the engine as ingest does it (``redact``,
then ``seal``), models and lists loaded beforehand; ``--ingest`` times the whole ingest of a
transcript holding that one turn instead (read, segment, which cuts a long turn into parts,
redact, tag, store). Printed: the CPU seconds at each size, and the ratio from each size to
the next; twice the text should take about twice as long (a ratio near 4 is quadratic).

Before the fix (main at 248389c), engine only, CPU seconds at 6k/12k/24k/48k characters on a
loaded machine: short capitalised sentences 0.41 1.39 4.57 18.62 (x3.4 x3.3 x4.1), a list of
names 0.23 0.60 1.36 5.23; after: 0.25 0.46 1.05 2.00 and 0.15 0.27 0.48 1.44. The whole
ingest (``--ingest``, 12k/24k/48k; the segmenter cuts a turn of sentences into parts, not a list):
a list of names 0.65 1.67 5.24 before, 0.41 0.61 1.33 after; names in lower case 0.39 1.06 3.33
before, 0.29 0.50 0.76 after. CPU time is shown, not wall time: the machine is shared.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Units repeated to the size wanted; every name invented, the companies and bodies public.
SHAPES = {
    "short capitalised sentences": "Aldi. Pret ",
    "a list of names": "Quillon Brask, Tamsin Orrow, Hedley Fawcombe, ",
    "no punctuation": "and then we went over to the other place and she said it was fine ",
    "one word repeated": "Brask ",
    "public names": "the NHS and the DWP said Mind and Tesco ",
    "names in lower case": "quillon brask rang tamsin orrow ",
    "numbers and addresses": "call 07700 900123 or jo.brask@example.com ",
    # forms read since 552a1e9: words parted by spaced full stops (an e-mail typed so), the cue
    # of a date of birth, and one run of letters with no space (a word of it is looked up)
    "spaced full stops": "tam . ",
    "date of birth cues": "dob ",
    "one run of letters": "quillhatch",
}


def turn(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def engine_seconds(engine, text: str) -> float:
    began = time.process_time()
    engine.seal(engine.redact({"q": text}, {}, []))
    return time.process_time() - began


def ingest_seconds(text: str) -> float:
    from archive.pipeline import ingest_path
    from ingest.config import load_config

    with tempfile.TemporaryDirectory(prefix="long-turn-") as tmp:
        tmp = Path(tmp)
        (tmp / "tree" / "c").mkdir(parents=True)
        (tmp / "tree" / "c" / "t.txt").write_text(f"Q: Tell me about it.\nA: {text}\n")
        with contextlib.chdir(tmp):
            config = load_config(tmp)
            began = time.process_time()
            ingest_path(tmp / "tree", tmp / "a.db", config, index=False)
            return time.process_time() - began


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="6000,12000,24000,48000", help="characters, comma-separated")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="which shapes (names above), comma-separated")
    parser.add_argument("--ingest", action="store_true", help="time the whole ingest, not the engine alone")
    args = parser.parse_args(argv[1:])
    sizes = [int(s) for s in args.sizes.split(",")]
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        parser.error(f"no shape called {', '.join(unknown)}; the shapes are: {', '.join(SHAPES)}")

    if args.ingest:
        measure = ingest_seconds
        ingest_seconds(turn(SHAPES[shapes[0]], 500))  # models and lists loaded once, untimed
    else:
        from ingest.config import load_config
        from ingest.redact import Redactor

        engine = Redactor(load_config(ROOT)).engine
        engine_seconds(engine, turn(SHAPES[shapes[0]], 500))
        measure = lambda text: engine_seconds(engine, text)  # noqa: E731

    what = "whole ingest" if args.ingest else "redaction engine (redact + seal)"
    print(f"one long turn, {what}, CPU seconds by size (characters); ratio to the size before")
    print(f"{'':30}" + "".join(f"{s:>10,}" for s in sizes))
    for shape in shapes:
        seconds = [measure(turn(SHAPES[shape], size)) for size in sizes]
        print(f"{shape:<30}" + "".join(f"{s:>10.2f}" for s in seconds), flush=True)
        ratios = [f"x{b / max(a, 1e-9):.1f}" for a, b in zip(seconds, seconds[1:])]
        print(f"{'':30}{'':>10}" + "".join(f"{r:>10}" for r in ratios), flush=True)
    growth = [b / a for a, b in zip(sizes, sizes[1:])]
    print(f"(the sizes grow x{'/x'.join(f'{g:g}' for g in growth)}: a ratio near that is linear, near its square quadratic)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
