"""Search speed on generated archives: SQLite FTS5, the Whoosh word list, and `archive search`.

    .venv/bin/python benchmarks/search.py                    # 100,000 and 1,000,000 quotes
    .venv/bin/python benchmarks/search.py --sizes 100000     # quicker

For each size: writes a generated archive straight into a database with the
store's schema (bulk inserts with the FTS5 triggers off, then one FTS5
'rebuild', timed as the FTS5 index build), builds the Whoosh word list, then
prints for both engines the time to re-index one changed source, and p50/p95
latency of 20 typical queries, warm (one open Searcher) and cold (a fresh
`archive search` process each), per engine and for the routed search.
Goals at 1M quotes: warm p95 < 150 ms, one changed source re-indexed < 2 s.

The text is generated from a vocabulary (domain words plus Zipf-distributed
filler words), so it is fictional and contains no identifiers.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import search as searching, search_index, store  # noqa: E402

QUOTES_PER_SOURCE = 100
THEMES = ["precarity", "unwaged_work", "downgrading", "management_culture", "performance_targets",
          "workload", "patient_care", "welfare_reform", "digitalisation", "solidarity"]
KINDS = ["interview", "podcast", "survey", "focus_group"]
DOMAIN = """honorary honoraries placement placements unpaid supervision supervisor therapist therapists
counsellor counselling psychologist practitioner wellbeing targets target recovery rate waiting list
caseload caseloads burnout exhaustion anxiety panic union colleagues management manager managers
contract contracts sessional zero hours pay sick pension redundancy referral referrals discharge
discharged sessions session outcome questionnaires questionnaire data audit commissioners app online
platform remote video phone benefits jobcentre sanctions assessment employment trainee trainees
voluntary volunteer registration clinic service services patients clients complex needs risk
self-harm safety team support isolated isolation campaign network stress overtime breaks notes""".split()
FILLER_SYLLABLES = "ka lo mi ne ru sa te vo pa di ge bu ho ja ci fe".split()
SPEAKERS = ["Psychological therapist, third sector", "Counselling psychologist, NHS",
            "Psychological wellbeing practitioner, North", "Trainee counsellor", "Service manager",
            "Employment adviser", "Survey respondent, private practice", "Podcast guest, therapist"]
LIKE = "--like"

# 20 typical queries as `archive search` arguments. The last three need Whoosh's word list.
QUERIES = [
    ["honorary placements"],
    ['"unpaid placement"'],
    ["supervision"],
    ["therapist AND targets"],
    ["burnout OR exhaustion"],
    ["union NOT management"],
    ["theme:precarity contract"],
    ['kind:podcast "waiting list"'],
    ["year:2016..2018 targets"],
    ["speaker:therapist honorary"],
    ["collection:coll-2 caseload"],
    ['"recovery rate"'],
    ["sessional contracts"],
    ["waiting"],
    ['"outcome questionnaires" theme:performance_targets'],
    ["anxiety panic", "--theme", "workload"],
    ["theme:workload"],
    ["supervison~"],
    ["placemnts"],
    [LIKE, "src-000042-q7"],
]

def filler_words(rng: random.Random, n: int) -> list[str]:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(FILLER_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def make_vocabulary(rng: random.Random) -> list[str]:
    """Words from the most to the least frequent (the generated text is Zipf-distributed)."""
    vocabulary = DOMAIN + filler_words(rng, 8000)
    rng.shuffle(vocabulary)
    return vocabulary


def broad_queries(seed: int = 7) -> list[list[str]]:
    """Worst cases beside the typical queries: the archive's commonest words, alone and filtered."""
    first, second = make_vocabulary(random.Random(seed))[:2]
    return [[first], [f"{first} {second}"], [f'"{first} {second}"'], [f"{first} kind:podcast"],
            [f"{first} theme:workload"], [f"{first} NOT {second}"]]


def generate(db_path: Path, quotes: int, seed: int = 7) -> float:
    """Write a generated archive of ``quotes`` quotes into a new database.

    Returns the seconds the FTS5 index took: the quotes go in with the FTS5
    triggers dropped, then one 'rebuild' indexes them all, then the triggers
    come back (an ingest of the same quotes would index them row by row).
    """
    rng = random.Random(seed)
    vocabulary = make_vocabulary(rng)
    cum_weights, total = [], 0.0
    for rank in range(len(vocabulary)):
        total += 1 / (rank + 1) ** 1.05  # Zipf-like
        cum_weights.append(total)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    shutil.rmtree(search_index.index_dir(db_path), ignore_errors=True)
    store.open_db(db_path).close()  # the store's schema, FTS5 table and triggers
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA synchronous = OFF")
    triggers = conn.execute("select name, sql from sqlite_master where type = 'trigger' "
                            "and tbl_name = 'quotes'").fetchall()
    n_sources = max(1, quotes // QUOTES_PER_SOURCE)

    def insert(table: str, rows) -> None:
        rows = iter(rows)
        first = next(rows)
        columns = list(first)
        sql = (f"insert into {table} ({', '.join(f'[{c}]' for c in columns)}) "
               f"values ({', '.join('?' * len(columns))})")
        conn.executemany(sql, ([row[c] for c in columns] for row in itertools.chain([first], rows)))

    def sources():
        for n in range(n_sources):
            year = rng.randint(2012, 2024)
            yield {"id": f"src-{n:06d}", "collection": f"coll-{n % 10}", "title": f"Source {n}",
                   "date": f"{year}-06-01", "year": year, "kind": KINDS[n % len(KINDS)],
                   "access": "public", "format": "txt", "quotes": QUOTES_PER_SOURCE, "words": 0}

    def quote_rows():
        for n in range(quotes):
            sid = f"src-{n // QUOTES_PER_SOURCE:06d}"
            length = max(5, int(rng.lognormvariate(3.6, 0.5)))  # median ~37 words
            text = " ".join(rng.choices(vocabulary, cum_weights=cum_weights, k=length)).capitalize() + "."
            yield {"id": f"{sid}-q{n % QUOTES_PER_SOURCE + 1}", "source": sid,
                   "speaker": store.speaker_id(sid, 1 + n % 2), "position": n % QUOTES_PER_SOURCE + 1,
                   "turn": n % QUOTES_PER_SOURCE + 1, "part": 1, "text": text, "words": length,
                   "start": None, "end": None, "question": None}

    def theme_rows():
        trng = random.Random(seed + 1)
        for n in range(quotes):
            qid = f"src-{n // QUOTES_PER_SOURCE:06d}-q{n % QUOTES_PER_SOURCE + 1}"
            for theme in trng.sample(THEMES, trng.choice([0, 1, 1, 2])):
                yield {"quote": qid, "theme": theme, "score": 0.8, "evidence": "[]", "origin": "tagger"}

    with conn:
        for name, _ in triggers:
            conn.execute(f"drop trigger [{name}]")
        insert("themes", ({"id": t, "label": t, "description": ""} for t in THEMES))
        insert("collections", ({"id": f"coll-{c}", "title": f"Collection {c}"} for c in range(10)))
        insert("sources", sources())
        speaker_rng = random.Random(seed + 2)
        insert("speakers", ({"id": store.speaker_id(f"src-{n:06d}", k), "source": f"src-{n:06d}",
                             "number": k, "description": speaker_rng.choice(SPEAKERS)}
                            for n in range(n_sources) for k in (1, 2)))
        insert("ingest_state", ({"source": f"src-{n:06d}", "root": "/bench", "path": f"/bench/src-{n:06d}.txt",
                                 "fingerprint": f"fp{n}", "ingested_at": "2025-01-01T00:00:00+00:00"}
                                for n in range(n_sources)))
        insert("quotes", quote_rows())
        insert("quote_themes", theme_rows())
    began = time.perf_counter()
    with conn:
        conn.execute("insert into quotes_fts (quotes_fts) values ('rebuild')")
        for _, sql in triggers:
            conn.execute(sql)
    fts_build = time.perf_counter() - began
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("analyze")
    conn.close()
    return fts_build


def change_one_source(db_path: Path, source_id: str, edit: int) -> float:
    """Store a new version of one source as an ingest does (FTS5 follows by trigger); seconds taken."""
    db = store.open_db(db_path)
    rows = db.execute("select * from quotes where source = ?", [source_id]).fetchall()
    columns = [d[0] for d in db.execute("select * from quotes limit 0").description]
    themes = db.execute("select * from quote_themes where quote in "
                        "(select id from quotes where source = ?)", [source_id]).fetchall()
    text_at = columns.index("text")
    rows = [tuple(f"{v} amended honorary {edit}" if i == text_at else v for i, v in enumerate(r))
            for r in rows]
    began = time.perf_counter()
    with db.conn:
        db.execute("delete from quote_themes where quote in (select id from quotes where source = ?)",
                   [source_id])
        db.execute("delete from quotes where source = ?", [source_id])
        db.conn.executemany(f"insert into quotes values ({', '.join('?' * len(columns))})", rows)
        db.conn.executemany("insert into quote_themes values (?, ?, ?, ?, ?)", themes)
        db.execute("update ingest_state set fingerprint = ?, ingested_at = ? where source = ?",
                   [f"changed-{edit}", store.now(), source_id])
    seconds = time.perf_counter() - began
    db.close()
    return seconds


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


def call(args: list[str]) -> dict:
    """`archive search` arguments as Searcher.search keywords."""
    options, text, rest = {"themes": []}, "", list(args)
    while rest:
        arg = rest.pop(0)
        if arg == LIKE:
            options["like"] = rest.pop(0)
        elif arg == "--theme":
            options["themes"].append(rest.pop(0))
        else:
            text = arg
    return {"text": text, **options}


def label(args: list[str]) -> str:
    return " ".join(args)[:46]


def time_routed_warm(db_path: Path, repeats: int = 3, queries=QUERIES) -> dict[str, dict]:
    """Each query through one open Searcher: engine, matches, median seconds, all samples, count-only."""
    timings = {}
    with searching.Searcher(db_path, update=False) as searcher:
        for args in queries:  # warm the page cache and open Whoosh once
            searcher.search(**call(args), limit=10)
        for args in queries:
            samples = []
            for _ in range(repeats):
                began = time.perf_counter()
                result = searcher.search(**call(args), limit=10)
                samples.append(time.perf_counter() - began)
            node = searcher.parse(call(args)["text"]) if call(args)["text"] else None
            count = None
            if result.engine == "fts5" and node is not None:
                began = time.perf_counter()
                searcher._run(node, 0)  # the count, and no hits
                count = time.perf_counter() - began
            timings[label(args)] = {"engine": result.engine, "total": result.total, "samples": samples,
                                    "median": statistics.median(samples), "count": count}
    return timings


def time_whoosh_warm(db_path: Path, repeats: int = 5) -> dict[str, float]:
    """What the Whoosh word list does for the routed search, on its own (median seconds)."""
    began = time.perf_counter()
    lexicon = search_index.Lexicon(db_path, update=True)
    opened = time.perf_counter() - began
    text = sqlite3.connect(db_path).execute("select text from quotes where id = ?", [QUERIES[-1][1]]).fetchone()[0]
    operations = {
        "fuzzy: words within 1 edit of supervison": lambda: lexicon.similar("supervison", 1),
        "did you mean: placemnts": lambda: lexicon.suggest("placemnts"),
        "like: 10 distinctive words of a quote": lambda: lexicon.key_words(text, 10),
    }
    timings = {"open (catch-up check + open)": opened}
    for name, operation in operations.items():
        operation()
        samples = []
        for _ in range(repeats):
            began = time.perf_counter()
            operation()
            samples.append(time.perf_counter() - began)
        timings[name] = statistics.median(samples)
    lexicon.close()
    return timings


def archive_command() -> list[str]:
    archive = ROOT / ".venv" / "bin" / "archive"
    return [str(archive)] if archive.exists() else [sys.executable, "-m", "archive"]


def time_cold(db_path: Path, engines: dict[str, str]) -> dict[str, list[float]]:
    """A fresh `archive search` process per query, by the engines that answered it."""
    samples: dict[str, list[float]] = {"all": []}
    for args in QUERIES:
        began = time.perf_counter()
        subprocess.run(archive_command() + ["search", *args, "--db", str(db_path), "--json"],
                       check=True, capture_output=True, cwd=db_path.parent)
        seconds = time.perf_counter() - began
        samples["all"].append(seconds)
        samples.setdefault(engines[label(args)], []).append(seconds)
    return samples


def time_startup(repeats: int = 5) -> dict[str, float]:
    """The floor under every cold search: starting Python and importing the command."""
    python = str(ROOT / ".venv" / "bin" / "python")
    commands = {
        "python -c pass": [python, "-c", "pass"],
        "import archive.search (FTS5 path)": [python, "-c", "import archive.search"],
        "archive --help (every command imported)": archive_command() + ["--help"],
    }
    timings = {}
    for name, command in commands.items():
        samples = []
        for _ in range(repeats):
            began = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            samples.append(time.perf_counter() - began)
        timings[name] = statistics.median(samples)
    return timings


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def run(size: int, workdir: Path, cold: bool, whoosh: bool = True, reuse: bool = False) -> None:
    db_path = workdir / f"bench-{size}.db"
    print(f"\n== {size:,} quotes ({size // QUOTES_PER_SOURCE:,} sources) ==   {load()}", flush=True)
    reuse = reuse and db_path.exists()
    if reuse:
        print(f"reusing {db_path} (no generation or index builds timed)")
    else:
        began = time.perf_counter()
        fts_build = generate(db_path, size)
        print(f"generate database:                      {time.perf_counter() - began:8.1f} s", flush=True)
        print(f"FTS5 index build ('rebuild'):           {fts_build:8.1f} s  ({size / fts_build:,.0f} quotes/s)",
              flush=True)

    if whoosh and not (reuse and search_index.index_dir(db_path).exists()):
        began = time.perf_counter()
        search_index.rebuild(db_path)
        build = time.perf_counter() - began
        size_mb = sum(f.stat().st_size for f in search_index.index_dir(db_path).iterdir()) / 1e6
        print(f"Whoosh word list build (2 processes):   {build:8.1f} s  ({size / build:,.0f} quotes/s, "
              f"{size_mb:,.0f} MB)   {load()}", flush=True)

    source_id = f"src-{(size // QUOTES_PER_SOURCE) // 2:06d}"
    fts_updates, whoosh_updates = [], []
    for edit in range(3, 6) if reuse else range(3):
        fts_updates.append(change_one_source(db_path, source_id, edit))
        if whoosh:
            began = time.perf_counter()
            report = search_index.sync(db_path, [source_id], [])
            whoosh_updates.append(time.perf_counter() - began)
            assert report["indexed"] == QUOTES_PER_SOURCE, report
    print(f"one changed source ({QUOTES_PER_SOURCE} quotes) re-indexed, 3 runs (goal < 2 s):")
    print("  FTS5 (the store's transaction, triggers included): "
          + ", ".join(f"{u:.3f} s" for u in fts_updates))
    if whoosh:
        print("  Whoosh sync:                                       "
              + ", ".join(f"{u:.2f} s" for u in whoosh_updates), flush=True)
        began = time.perf_counter()
        search_index.catch_up(db_path)
        print(f"  Whoosh catch-up check, nothing changed:            {ms(time.perf_counter() - began)}")
    else:
        print("  (no Whoosh index: the last three queries build it on first use)")

    timings = time_routed_warm(db_path)
    engines = {name: t["engine"] for name, t in timings.items()}
    print(f"\nwarm (one open Searcher), 3 runs per query, {load()}:")
    groups = {"routed `archive search`, all 20": list(timings.values()),
              "FTS5 alone (the 17 it answers alone)": [t for t in timings.values() if t["engine"] == "fts5"],
              "with Whoosh's word list (last 3)": [t for t in timings.values() if t["engine"] != "fts5"]}
    for name, group in groups.items():
        p50, p95 = percentiles([s for t in group for s in t["samples"]])
        print(f"  {name:40} p50 {ms(p50)}   p95 {ms(p95)}   (goal p95 < 150 ms)")
    counts = [t["count"] for t in timings.values() if t["count"] is not None]
    print(f"  counting all matches alone (FTS5 queries): max {ms(max(counts))}")
    if whoosh:
        print("  Whoosh word list on its own (median):")
        for name, seconds in time_whoosh_warm(db_path).items():
            print(f"    {name:44} {ms(seconds)}")

    if cold:
        print(f"\ncold (a fresh `archive search --json` process per query), {load()}:")
        samples = time_cold(db_path, engines)
        for name, values in samples.items():
            p50, p95 = percentiles(values)
            print(f"  {name:40} p50 {ms(p50)}   p95 {ms(p95)}   ({len(values)} queries)")
        for name, seconds in time_startup().items():
            print(f"  start-up floor: {name:40} {ms(seconds)}")

    print("\nper query (warm median):                          engine        matches   time     count only")
    for name, t in timings.items():
        count = ms(t["count"]) if t["count"] is not None else ""
        print(f"  {name:46} {t['engine']:12} {t['total']:9,} {ms(t['median'])} {count}", flush=True)
    print("worst cases, the commonest words (warm median; not in the 20):")
    for name, t in time_routed_warm(db_path, queries=broad_queries()).items():
        count = ms(t["count"]) if t["count"] is not None else ""
        print(f"  {name:46} {t['engine']:12} {t['total']:9,} {ms(t['median'])} {count}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/archive-search-bench"))
    parser.add_argument("--no-cold", action="store_true", help="Skip the fresh-process timings.")
    parser.add_argument("--reuse", action="store_true",
                        help="Reuse a database (and Whoosh index) left in --workdir by an earlier run.")
    parser.add_argument("--no-whoosh", action="store_true",
                        help="Skip building the Whoosh word list up front (timed separately).")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"search benchmark, {time.strftime('%Y-%m-%d %H:%M')}, {load()}")
    for size in args.sizes:
        run(size, args.workdir, cold=not args.no_cold, whoosh=not args.no_whoosh, reuse=args.reuse)


if __name__ == "__main__":
    main()
