"""Benchmark the published archive: search and facet latency at a million quotes.

    .venv/bin/python benchmarks/serve.py [--quotes 1000000] [--dir /tmp/archive-bench]

Generates an archive of fictional quotes straight through sqlite-utils (in bulk,
then the full-text index), publishes it with ``archive publish``, serves the
build with plain ``datasette``, and times requests over HTTP: the site's search
(``/archive/search``, archive.search's ranking: participants first, any word when
all words find little) and the table search over at least 100 varied queries, and
the theme pages (cards, facets, paging). Goal: search p95 under 100 ms at one
million quotes. The generated files are not for committing.

``abuse`` then sends three abusive clients at once (60 KB search strings, searches of
many common words) while two readers browse, and prints the readers' latency quiet
and under attack, with and without the hardening plugin. Goal: readers' p95 under
1 s under attack.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from archive import store  # noqa: E402
from archive.web import publish  # noqa: E402

METADATA = Path(__file__).resolve().parents[1] / "metadata.yml"  # the sample project's

THEMES = ["precarity", "unwaged_work", "downgrading", "management_culture", "performance_targets",
          "workload", "patient_care", "welfare_reform", "digitalisation", "solidarity"]
# Topic words, each more or less common; the rest of the text is generated filler.
TOPIC_WORDS = (
    "caseload burnout union contract targets waiting list sessions supervision placement unpaid "
    "manager bullying whistleblowing referral discharge therapy patients benefits jobcentre app "
    "remote video platform colleagues solidarity exhausted overtime rota sessional agency pay "
    "pension training registration commissioners questionnaire recovery rates audit risk safety "
    "suicide assessment sanction employment advisers digital algorithm monitoring team support"
).split()
COMMON_WORDS = "the and i to a of was it in that we my they but so for on just with you".split()


def make_vocabulary(rng: random.Random, size: int = 20000) -> list[str]:
    syllables = ["ka", "lo", "mi", "ren", "to", "sha", "vel", "dor", "pi", "nu", "ster", "gan", "bri", "od"]
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def vocabulary_of(seed: int = 7) -> list[str]:
    return COMMON_WORDS + TOPIC_WORDS + make_vocabulary(random.Random(seed))


def generate(db_path: Path, quotes: int, seed: int = 7) -> None:
    """Write an archive of ``quotes`` generated quotes at ``db_path``."""
    rng = random.Random(seed + 2)
    vocabulary = vocabulary_of(seed)
    # Zipf-like weights: a few very common words, a long tail of rare ones.
    weights = [1 / (rank + 1) ** 1.05 for rank in range(len(vocabulary))]
    cum_weights = []
    total = 0.0
    for w in weights:
        total += w
        cum_weights.append(total)
    if db_path.exists():
        db_path.unlink()
    db = store.open_db(db_path)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    for trigger in db.execute("select name from sqlite_master where type = 'trigger'").fetchall():
        db.execute(f"drop trigger [{trigger[0]}]")  # fill the full-text index once, at the end
    store.sync_themes(db, [{"id": t, "label": t.replace("_", " ").capitalize(), "description": f"About {t}"}
                           for t in THEMES])
    per_source = 200
    n_sources = (quotes + per_source - 1) // per_source
    collections = [f"collection-{i}" for i in range(10)]
    kinds = ["interview", "podcast", "survey", "focus_group"]
    with db.conn:
        db["collections"].insert_all(
            {"id": c, "title": f"Collection {i}", "description": "Generated", "kind": kinds[i % 4],
             "licence": "CC BY-NC 4.0", "access": "public", "citation": "Benchmark (2026)."}
            for i, c in enumerate(collections)
        )
        db["sources"].insert_all(
            {"id": f"src-{s:05d}", "collection": collections[s % 10], "title": f"Source {s}",
             "date": f"{2015 + s % 10}-0{1 + s % 9}-1{s % 10}", "year": 2015 + s % 10,
             "kind": kinds[s % 4], "access": "public" if s % 20 else "restricted",
             "audio_url": f"https://audio.example.org/{s}.mp3" if s % 4 == 1 else None,
             "format": "txt", "quotes": per_source, "words": 0}
            for s in range(n_sources)
        )
        db["speakers"].insert_all(
            {"id": store.speaker_id(f"src-{s:05d}", n), "source": f"src-{s:05d}", "number": n,
             "description": "Interviewer" if n == 1 else f"Participant {n}"}
            for s in range(n_sources) for n in (1, 2, 3)
        )

    def quote_rows():
        for i in range(quotes):
            s, position = divmod(i, per_source)
            words = rng.choices(vocabulary, cum_weights=cum_weights, k=rng.randint(12, 70))
            yield {"id": f"src-{s:05d}-q{position + 1:03d}", "source": f"src-{s:05d}",
                   "speaker": store.speaker_id(f"src-{s:05d}", 1 + position % 3), "position": position + 1,
                   "turn": position + 1, "part": 1, "text": " ".join(words).capitalize() + ".",
                   "words": len(words), "start": position * 30.0 if s % 4 == 1 else None, "end": None}

    def theme_rows():
        trng = random.Random(seed + 1)
        for i in range(quotes):
            s, position = divmod(i, per_source)
            for theme in trng.sample(THEMES, trng.choice([0, 1, 1, 2, 2, 3])):
                yield {"quote": f"src-{s:05d}-q{position + 1:03d}", "theme": theme,
                       "score": round(trng.random(), 2), "evidence": "[]", "origin": "tagger"}

    with db.conn:
        db["quotes"].insert_all(quote_rows(), batch_size=5000)
        db["quote_themes"].insert_all(theme_rows(), batch_size=5000)
        db.execute("insert into quotes_fts(quotes_fts) values ('rebuild')")
    db.close()


def queries(vocabulary: list[str], rng: random.Random, n: int) -> list[str]:
    """A mix people might type: topic words, rare words, common words, pairs, phrases."""
    topic, rare, common = TOPIC_WORDS, vocabulary[-5000:], vocabulary[20:300]
    makers = [
        lambda: rng.choice(topic),
        lambda: rng.choice(rare),
        lambda: rng.choice(common),
        lambda: f"{rng.choice(topic)} {rng.choice(topic)}",
        lambda: f"{rng.choice(common)} {rng.choice(rare)}",
        lambda: f'"{rng.choice(COMMON_WORDS)} {rng.choice(topic)}"',
        lambda: rng.choice(topic) + "s",  # stemming
    ]
    return [makers[i % len(makers)]() for i in range(n)]


_READERS = itertools.cycle([f"127.0.1.{n}" for n in range(1, 21)])


def timed_get(url: str, source: str | None = None) -> float:
    """Milliseconds to read ``url`` (an HTTPError unless 200). Each request comes from the
    next of 20 addresses: readers are many people. From one address, hundreds of searches
    back to back are a client searching without pause, which the hardening plugin slows
    (its busy lane) after 5 s of search time: the figures measured that, not the search."""
    parts = urllib.parse.urlsplit(url)
    start = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60,
                                            source_address=(source or next(_READERS), 0))
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise urllib.error.HTTPError(url, response.status, body[:200].decode(errors="replace"), response.headers, None)
    return (time.perf_counter() - start) * 1000


def percentiles(times: list[float]) -> str:
    times = sorted(times)
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]  # noqa: E731
    return f"p50 {statistics.median(times):6.1f} ms  p95 {p(0.95):6.1f} ms  max {times[-1]:6.1f} ms  (n={len(times)})"


def cpu_times(db_path: Path, qs: list[str]) -> None:
    """The site's search (its plugin's settings) run in this process: CPU time per query, which
    a machine shared with other work does not inflate as it does wall-clock latency."""
    import sqlite3

    from datasette.utils import module_from_path

    from archive import search as searching

    plugin = module_from_path(str(Path(publish.HERE) / "plugins" / "archive_reader.py"), "archive_reader_bench")
    conn = sqlite3.connect(f"file:{db_path}?immutable=1", uri=True)
    searcher = searching.Searcher(conn=conn, lexicon=searching.VocabLexicon(conn),
                                  rank_at_most=plugin.RANK_AT_MOST, count_at_most=plugin.COUNT_AT_MOST,
                                  **({"huge_rank_at_most": plugin.HUGE_RANK_AT_MOST}
                                     if hasattr(plugin, "HUGE_RANK_AT_MOST") else {}))
    filters = ["theme:workload", "kind:podcast", "year:2017..2019", "-theme:precarity", "collection:collection-3"]
    for label, made in (("site search, CPU time in-process", lambda q: q),
                        ("site search with a filter, CPU time", lambda q: f"{q} {filters[sum(map(ord, q)) % 5]}")):
        for q in qs[:10]:
            searcher.search(made(q), limit=20)  # warm: temporary tables, page cache
        times = []
        for q in qs:
            start = time.process_time()
            searcher.search(made(q), limit=20)
            searcher.matching_themes(made(q))
            times.append((time.process_time() - start) * 1000)
        print(f"{label:<44} {percentiles(times)}")
    conn.close()


# ------------------------------------------------------------------ abusive clients

def status_get(url: str, source: str | None = None) -> tuple[int, float]:
    """(HTTP status, milliseconds), whatever the status; ``source``: the client's own address."""
    parts = urllib.parse.urlsplit(url)
    start = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120,
                                            source_address=(source, 0) if source else None)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        status = 0  # refused, timed out, or an answer too big to read (a 60 KB Link header)
    finally:
        connection.close()
    return status, (time.perf_counter() - start) * 1000


def abusive_urls(base: str, vocabulary: list[str]) -> list[str]:
    """What the probes sent: 60 KB searches, and searches of many very common words
    (16, the most a search may hold, and then far more)."""
    long_text = urllib.parse.quote(" ".join(itertools.islice(itertools.cycle(vocabulary[:400]), 9000))[:60_000])
    common = COMMON_WORDS + TOPIC_WORDS
    sixteen = urllib.parse.quote(" ".join(common[:16]))
    many = urllib.parse.quote(" ".join(common * 3))
    return [
        f"{base}/archive/search.json?q={long_text}&_shape=array",
        f"{base}/archive/quotes.json?_search={long_text}&_size=20",
        f"{base}/?q={long_text}",
        f"{base}/archive/search.json?q={sixteen}&_shape=array",
        f"{base}/archive/quotes.json?_search={sixteen}&_size=20",
        f"{base}/archive/search.json?q={many}&_shape=array",
        f"{base}/archive/quotes.json?_search={many}&_facet_array=themes&_size=20",
    ]


def reader_urls(base: str, qs: list[str], quotes: int, rng: random.Random) -> list[str]:
    """A reader's round: the home page, a search (JSON and page), a quote page, a theme."""
    urls = []
    for i, q in enumerate(qs):
        s = rng.randrange(quotes // 200) // 20 * 20 + 1  # every 20th source is restricted: not public
        urls += [
            [f"{base}/", f"{base}/archive/search?q={urllib.parse.quote(q)}",
             f"{base}/archive/search.json?q={urllib.parse.quote(q)}&_shape=array",
             f"{base}/archive/quotes/src-{s:05d}-q{rng.randint(1, 200):03d}",
             f"{base}/archive/theme.json?theme={THEMES[i % len(THEMES)]}"][i % 5]
        ]
    return urls


def readers_during(urls: list[str], attackers: list[str], readers: int = 2) -> tuple[list[float], dict, dict]:
    """Readers' latencies over ``urls`` (split between ``readers`` threads) while three
    attackers, each from an address of its own, send ``attackers`` back to back; and the
    attackers' and the readers' {status: [ms]}; a reader's answer other than 200 counts as
    infinitely slow."""
    stop = threading.Event()
    reader_times: list[float] = [0.0] * len(urls)  # in the order of urls
    attack: dict[int, list[float]] = {}
    read: dict[int, list[float]] = {}
    lock = threading.Lock()

    def attacker(offset: int) -> None:
        for url in itertools.islice(itertools.cycle(attackers), offset, None):
            if stop.is_set():
                return
            status, ms = status_get(url, source=f"127.0.0.{2 + offset}")  # three clients of their own
            with lock:
                attack.setdefault(status, []).append(ms)
            if not status:
                time.sleep(0.1)  # no connection: do not spin

    def reader(first: int) -> None:
        for i in range(first, len(urls), readers):
            # other readers: many people, each reading a page now and then (20 addresses in turn)
            status, ms = status_get(urls[i], source=f"127.0.1.{1 + i % 20}")
            with lock:
                reader_times[i] = ms if status == 200 else float("inf")
                read.setdefault(status, []).append(ms)

    threads = [threading.Thread(target=attacker, args=(i,)) for i in range(3 if attackers else 0)]
    for t in threads:
        t.start()
    time.sleep(1 if attackers else 0)  # let the attack take hold first
    reading = [threading.Thread(target=reader, args=(i,)) for i in range(readers)]
    for t in reading:
        t.start()
    for t in reading:
        t.join()
    stop.set()
    for t in threads:
        t.join()
    return reader_times, attack, read


def by_status(answers: dict[int, list[float]]) -> str:
    return "; ".join(f"HTTP {status or 'failed'}: {len(times)}, p50 {statistics.median(times):.0f} ms"
                     for status, times in sorted(answers.items()))


def start_server(directory: Path, port: int) -> subprocess.Popen:
    log = open(directory.parent / f"{directory.name}.log", "w")  # noqa: SIM115 (the server's, until it stops)
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(directory), "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    for _ in range(300):
        if status_get(f"http://127.0.0.1:{port}/")[0] == 200:
            break
        time.sleep(0.2)
    return server


def without_hardening(out: Path) -> Path:
    """The same build without the hardening plugin (databases linked, not copied)."""
    bare = out.parent / (out.name + "-unhardened")
    if bare.exists():
        shutil.rmtree(bare)
    shutil.copytree(out, bare, ignore=lambda folder, names: [n for n in names if n.endswith(".db")])
    for db in out.glob("*.db"):
        os.symlink(db.resolve(), bare / db.name)
    (bare / "plugins" / "hardening.py").unlink()
    return bare


def abuse(out: Path, quotes: int, port: int, requests: int = 120) -> None:
    """Readers' p95 quiet and under three concurrent abusive clients, with and without hardening."""
    vocabulary = vocabulary_of()
    rng = random.Random(5)
    qs = queries(vocabulary, rng, requests)
    print(f"\nthree abusive clients at once, each sending back to back; other readers: 20 people, two"
          f" requests at a time, {requests} in all (home, search page and JSON, quote page, theme)")
    for label, directory in (("hardened", out), ("without the hardening plugin", without_hardening(out))):
        server = start_server(directory, port)
        base = f"http://127.0.0.1:{port}"
        try:
            urls = reader_urls(base, qs, quotes, random.Random(3))
            for url in urls[:10]:
                status_get(url)  # warm the page cache
            quiet, _, _ = readers_during(urls, [])
            attacked, attack, read = readers_during(urls, abusive_urls(base, vocabulary))
            print(f"  {label}:")
            print(f"    readers, quiet         {percentiles(quiet)}")
            print(f"    readers, under attack  {percentiles(attacked)}")
            if set(read) != {200}:
                print(f"      their answers        {by_status(read)}")
            kinds = {"/archive/search?": "search page", "/archive/search.json": "search JSON",
                     "/archive/quotes/": "quote page", "/archive/theme": "theme JSON", "/": "home"}
            slowest = {}
            for url, ms in zip(urls, attacked):
                kind = next(k for prefix, k in kinds.items() if url[len(base):].startswith(prefix))
                slowest.setdefault(kind, []).append(ms)
            print("      p95 by page          " + ", ".join(
                f"{kind} {sorted(times)[int(0.95 * len(times))]:.0f} ms" for kind, times in slowest.items()))
            print(f"    abusive requests       {by_status(attack)}")
        finally:
            server.terminate()
            server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=140)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/archive-bench"))
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--reuse", action="store_true", help="Reuse an archive and build made before.")
    parser.add_argument("--only", choices=["latency", "abuse"], help="Run one part only (default: both).")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # figures as they come, even into a file
    args.dir.mkdir(parents=True, exist_ok=True)
    db_path, out = args.dir / "archive.db", args.dir / "site"

    if not (args.reuse and (out / "archive.db").exists()):
        started = time.perf_counter()
        generate(db_path, args.quotes)
        print(f"generated {args.quotes:,} quotes in {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        if out.exists():
            shutil.rmtree(out)
        report = publish.build(db_path, out, metadata_path=METADATA, record=False)
        print(f"archive publish: {time.perf_counter() - started:.0f} s; "
              + ", ".join(f"{n}.db {c['quotes']:,} quotes" for n, c in report.counts.items())
              + f"; archive.db {(out / 'archive.db').stat().st_size / 1e6:.0f} MB")
    else:  # same databases, this checkout's metadata, templates and plugins
        publish.write_config(out, publish.load_metadata(METADATA),
                             restricted=(out / "restricted.db").exists())
    vocabulary = vocabulary_of()
    if args.only == "abuse":
        return abuse(out, args.quotes, args.port)

    cpu_times(out / "archive.db", queries(vocabulary, random.Random(11), args.queries))

    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(out), "--port", str(args.port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(300):
            try:
                timed_get(base + "/-/versions.json")
                break
            except OSError:
                time.sleep(0.2)
        rng = random.Random(11)
        qs = queries(vocabulary, rng, args.queries)
        for q in qs[:10]:  # warm the page cache, as a running instance would be
            timed_get(f"{base}/archive/search.json?q={urllib.parse.quote(q)}")

        def run(label: str, make_url) -> None:
            times, refused = [], 0
            for q in qs:
                try:
                    times.append(timed_get(make_url(urllib.parse.quote(q))))
                except urllib.error.HTTPError:  # e.g. Datasette's facet time limit: a 400
                    refused += 1
            print(f"{label:<44} {percentiles(times)}" + (f"  {refused} refused" if refused else ""))

        print(f"\n{args.quotes:,} quotes, {len(qs)} varied queries, over HTTP to `datasette {out}`")
        run("search JSON (/archive/search.json)", lambda q: f"{base}/archive/search.json?q={q}")
        run("search page HTML (/archive/search)", lambda q: f"{base}/archive/search?q={q}")
        run("search page HTML, page 3", lambda q: f"{base}/archive/search?q={q}&page=3")
        filters = ["theme:workload", "kind:podcast", "year:2017..2019", "-theme:precarity", "collection:collection-3"]
        run("search page HTML, with a filter",
            lambda q: f"{base}/archive/search?q={q}+{urllib.parse.quote(filters[sum(map(ord, q)) % len(filters)])}")
        run("table search JSON, no facets or count", lambda q: f"{base}/archive/quotes.json?_search={q}&_size=20&_nofacet=1&_nocount=1")
        run("table search JSON, with default facets", lambda q: f"{base}/archive/quotes.json?_search={q}&_size=20")

        def run_pages(label: str, urls: list[str]) -> None:
            try:
                print(f"{label:<44} {percentiles([timed_get(u) for u in urls])}")
            except urllib.error.HTTPError as e:  # e.g. a query past the time limit
                print(f"{label:<44} HTTP {e.code}: {e.msg[:120]}")

        themes = [THEMES[i % len(THEMES)] for i in range(30)]
        run_pages("theme page HTML (/archive/theme)", [f"{base}/archive/theme?theme={t}" for t in themes])
        run_pages("theme page HTML, a facet chosen",
                  [f"{base}/archive/theme?theme={t}&collection=collection-{i % 10}" for i, t in enumerate(themes)])
        run_pages("theme page HTML, two facets and page 5",
                  [f"{base}/archive/theme?theme={t}&kind=podcast&year={2015 + i % 10}&page=5"
                   for i, t in enumerate(themes)])
        run_pages("theme canned query JSON (theme.json)", [f"{base}/archive/theme.json?theme={t}" for t in themes])
        run_pages("theme facets of a search JSON (30 queries)",
                  [f"{base}/archive/quotes.json?_search={urllib.parse.quote(q)}&_facet_array=themes&_facet=collection&_size=0"
                   for q in qs[:30]])
        run_pages("theme facet page (quote_themes?theme=) JSON",
                  [f"{base}/archive/quote_themes.json?theme={t}" for t in themes])
        run_pages("theme facet page (quote_themes?theme=) HTML",
                  [f"{base}/archive/quote_themes?theme={t}" for t in themes])
        run_pages("quotes?themes__arraycontains= (JSON scan)",
                  [f"{base}/archive/quotes.json?themes__arraycontains={t}&_size=20" for t in themes[:5]])
        run_pages("theme facet over all quotes JSON", [f"{base}/archive/quotes.json?_facet_array=themes&_size=0"] * 5)
        run_pages("home page", [f"{base}/"] * 20)
        run_pages("quote page", [f"{base}/archive/quotes/src-{s:05d}-q{rng.randint(1, 200):03d}"
                                 for s in rng.sample(range(args.quotes // 200), 60) if s % 20][:50])
        run_pages("theme counts by collection", [f"{base}/archive/theme_counts_by_collection.json"] * 3)
    finally:
        server.terminate()
        server.wait(timeout=10)
    if args.only != "latency":
        abuse(out, args.quotes, args.port)


if __name__ == "__main__":
    main()
