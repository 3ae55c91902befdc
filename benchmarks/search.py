"""Search speed on generated archives: Whoosh (archive search) and SQLite FTS5 side by side.

    .venv/bin/python benchmarks/search.py                    # 100,000 and 1,000,000 quotes
    .venv/bin/python benchmarks/search.py --sizes 100000     # quicker

For each size: writes a generated archive straight into a database with the
store's schema (bulk inserts; quotes_fts filled by the store's triggers), then
prints the Whoosh index build time, the time to re-index one changed source,
and p50/p95 latency of 20 typical queries, warm (one open Searcher) and cold
(a fresh `archive search` process each). The same queries, where FTS5 can say
them, are timed on quotes_fts (warm) for comparison. Goals at 1M quotes: warm
p95 < 150 ms, one changed source re-indexed < 2 s.

The text is generated from a vocabulary (domain words plus Zipf-distributed
filler words), so it is fictional and contains no identifiers.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive import search_index, store  # noqa: E402

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

# (Whoosh query, FTS5 MATCH or None when FTS5 cannot say it, extra SQL filter on q/s or "")
QUERIES = [
    ("honorary placements", "honorary placements", ""),
    ('"unpaid placement"', '"unpaid placement"', ""),
    ("supervision", "supervision", ""),
    ("therapist AND targets", "therapist AND targets", ""),
    ("burnout OR exhaustion", "burnout OR exhaustion", ""),
    ("union NOT management", "union NOT management", ""),
    ("supervison~", None, ""),
    ("theme:precarity contract", "contract",
     "q.id in (select quote from quote_themes where theme = 'precarity')"),
    ('kind:podcast "waiting list"', '"waiting list"', "s.kind = 'podcast'"),
    ("year:2016..2018 targets", "targets", "s.year between 2016 and 2018"),
    ("speaker:therapist honorary", "honorary",
     "q.speaker in (select id from speakers where description like '%therapist%')"),
    ("collection:coll-2 caseload", "caseload", "s.collection = 'coll-2'"),
    ('"recovery rate"', '"recovery rate"', ""),
    ("sessional contracts", "sessional contracts", ""),
    ("waiting", "waiting", ""),
    ('"outcome questionnaires" theme:performance_targets', '"outcome questionnaires"',
     "q.id in (select quote from quote_themes where theme = 'performance_targets')"),
    ("anxiety panic", "anxiety panic", ""),
    ("referral discharge", "referral discharge", ""),
    ("source:src-000042 risk", "risk", "q.source = 'src-000042'"),
    ("theme:workload", None, ""),
]


def filler_words(rng: random.Random, n: int) -> list[str]:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(FILLER_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def generate(db_path: Path, quotes: int, seed: int = 7) -> None:
    """Write a generated archive of ``quotes`` quotes into a new database."""
    rng = random.Random(seed)
    vocabulary = DOMAIN + filler_words(rng, 8000)
    rng.shuffle(vocabulary)
    cum_weights, total = [], 0.0
    for rank in range(len(vocabulary)):
        total += 1 / (rank + 1) ** 1.05  # Zipf-like
        cum_weights.append(total)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    shutil.rmtree(search_index.index_dir(db_path), ignore_errors=True)
    db = store.open_db(db_path)
    db.execute("PRAGMA synchronous = OFF")
    n_sources = max(1, quotes // QUOTES_PER_SOURCE)
    db["themes"].insert_all([{"id": t, "label": t, "description": ""} for t in THEMES])
    db["collections"].insert_all([{"id": f"coll-{c}", "title": f"Collection {c}"} for c in range(10)])
    sources, speakers, states = [], [], []
    for n in range(n_sources):
        sid = f"src-{n:06d}"
        year = rng.randint(2012, 2024)
        sources.append({"id": sid, "collection": f"coll-{n % 10}", "title": f"Source {n}",
                        "date": f"{year}-06-01", "year": year, "kind": KINDS[n % len(KINDS)],
                        "access": "public", "format": "txt", "quotes": QUOTES_PER_SOURCE, "words": 0})
        speakers += [{"id": store.speaker_id(sid, k), "source": sid, "number": k,
                      "description": rng.choice(SPEAKERS)} for k in (1, 2)]
        states.append({"source": sid, "root": "/bench", "path": f"/bench/{sid}.txt",
                       "fingerprint": f"fp{n}", "ingested_at": "2025-01-01T00:00:00+00:00"})
    db["sources"].insert_all(sources, batch_size=5000)
    db["speakers"].insert_all(speakers, batch_size=5000)
    db["ingest_state"].insert_all(states, batch_size=5000)

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

    with db.conn:
        db["quotes"].insert_all(quote_rows(), batch_size=2000)
    with db.conn:
        db["quote_themes"].insert_all(theme_rows(), batch_size=5000)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def change_one_source(db_path: Path, source_id: str) -> None:
    """What an ingest of one edited transcript does to the database."""
    db = store.open_db(db_path)
    with db.conn:
        db.execute("update quotes set text = text || ' amended honorary' where source = ?", [source_id])
        db.execute("update ingest_state set fingerprint = 'changed', ingested_at = ? where source = ?",
                   [store.now(), source_id])
    db.close()


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


def time_whoosh_warm(db_path: Path, repeats: int = 3) -> tuple[list[float], dict[str, float]]:
    samples, per_query = [], {}
    with search_index.Searcher(db_path, update=False) as searcher:
        for text, _, _ in QUERIES:  # warm caches once
            searcher.search(text, limit=10)
        for text, _, _ in QUERIES:
            times = []
            for _ in range(repeats):
                began = time.perf_counter()
                searcher.search(text, limit=10)
                times.append(time.perf_counter() - began)
            samples += times
            per_query[text] = statistics.median(times)
    return samples, per_query


def time_whoosh_cold(db_path: Path) -> list[float]:
    archive = ROOT / ".venv" / "bin" / "archive"
    command = [str(archive)] if archive.exists() else [sys.executable, "-m", "archive.cli"]
    samples = []
    for text, _, _ in QUERIES:
        began = time.perf_counter()
        subprocess.run(command + ["search", text, "--db", str(db_path), "--json"],
                       check=True, capture_output=True, cwd=db_path.parent)
        samples.append(time.perf_counter() - began)
    return samples


def time_fts_warm(db_path: Path, repeats: int = 3) -> tuple[list[float], dict[str, float]]:
    db = store.open_db(db_path, create=False)
    samples, per_query = [], {}
    for text, match, where in QUERIES:
        if match is None:
            continue
        filters = f"and {where}" if where else ""
        count_sql = f"""select count(*) from quotes_fts f join quotes q on q.rowid = f.rowid
                        join sources s on s.id = q.source where quotes_fts match ? {filters}"""
        top_sql = f"""select q.id, snippet(quotes_fts, 0, '[', ']', '…', 12) from quotes_fts f
                      join quotes q on q.rowid = f.rowid join sources s on s.id = q.source
                      where quotes_fts match ? {filters} order by f.rank limit 10"""
        times = []
        for attempt in range(repeats + 1):
            began = time.perf_counter()
            db.execute(count_sql, [match]).fetchone()
            ids = [r[0] for r in db.execute(top_sql, [match]).fetchall()]
            if ids:  # fetch the rows to show, as the Whoosh path does
                list(store.iter_quotes(db, sources=sorted({i.rsplit("-q", 1)[0] for i in ids})))
            if attempt:  # the first run warms the page cache
                times.append(time.perf_counter() - began)
        samples += times
        per_query[text] = statistics.median(times)
    db.close()
    return samples, per_query


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def run(size: int, workdir: Path, cold: bool, fts_only: bool = False) -> None:
    db_path = workdir / f"bench-{size}.db"
    print(f"\n== {size:,} quotes ({size // QUOTES_PER_SOURCE:,} sources) ==", flush=True)
    began = time.perf_counter()
    generate(db_path, size)
    print(f"generate database (incl. FTS5 triggers): {time.perf_counter() - began:8.1f} s", flush=True)

    # FTS5 first: it needs no build, and its figures stand even if the Whoosh build is cut short.
    fts_samples, fts_per_query = time_fts_warm(db_path)
    p50, p95 = percentiles(fts_samples)
    print(f"FTS5 warm, {len(fts_per_query)} queries x3:    p50 {ms(p50)}   p95 {ms(p95)}", flush=True)
    if fts_only:
        for text, seconds in fts_per_query.items():
            print(f"  {text[:44]:44} {ms(seconds)}")
        return

    began = time.perf_counter()
    search_index.rebuild(db_path)
    build = time.perf_counter() - began
    size_mb = sum(f.stat().st_size for f in search_index.index_dir(db_path).iterdir()) / 1e6
    print(f"Whoosh index build:                      {build:8.1f} s  ({size / build:,.0f} quotes/s, {size_mb:,.0f} MB)",
          flush=True)

    source_id = f"src-{(size // QUOTES_PER_SOURCE) // 2:06d}"
    updates = []
    for _ in range(3):
        change_one_source(db_path, source_id)
        began = time.perf_counter()
        report = search_index.sync(db_path, [source_id], [])
        updates.append(time.perf_counter() - began)
        assert report["indexed"] == QUOTES_PER_SOURCE, report
    print(f"re-index one changed source ({QUOTES_PER_SOURCE} quotes), 3 runs: "
          + ", ".join(f"{u:.2f} s" for u in updates) + "   goal < 2 s", flush=True)
    began = time.perf_counter()
    search_index.catch_up(db_path)
    print(f"catch_up with nothing changed (every search pays this): {ms(time.perf_counter() - began)}")

    samples, whoosh_per_query = time_whoosh_warm(db_path)
    p50, p95 = percentiles(samples)
    print(f"Whoosh warm, 20 queries x3:   p50 {ms(p50)}   p95 {ms(p95)}   goal p95 < 150 ms", flush=True)
    if cold:
        cold_samples = time_whoosh_cold(db_path)
        p50, p95 = percentiles(cold_samples)
        print(f"Whoosh cold (fresh `archive search` process): p50 {ms(p50)}   p95 {ms(p95)}", flush=True)
    print("per query (median, warm):      Whoosh        FTS5")
    for text, _, _ in QUERIES:
        fts = fts_per_query.get(text)
        print(f"  {text[:44]:44} {ms(whoosh_per_query[text])} {ms(fts) if fts is not None else '         n/a'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/archive-search-bench"))
    parser.add_argument("--no-cold", action="store_true", help="Skip the fresh-process timings.")
    parser.add_argument("--fts-only", action="store_true",
                        help="Time SQLite FTS5 only (no Whoosh build: ~1 hour at 1M quotes).")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        run(size, args.workdir, cold=not args.no_cold, fts_only=args.fts_only)


if __name__ == "__main__":
    main()
