"""Datasette plugin: the local coding page (/-/coding), for assisted coding.

It shows, one at a time, the quotes whose themes the tagger is least sure of
(``archive themes queue``), with the themes it suggests and a few near misses; the
coder accepts or rejects each theme with the keyboard, and the decisions are stored
as hand codes, exactly as ``archive tag`` stores them.

It writes to the private archive, not to the published copy Datasette serves, so it
is on only where ``archive serve`` runs it: that command names the archive in the
environment (ARCHIVE_CODING_DB). In a published deployment the variable is unset and
the routes answer 404; they also answer only requests from this machine.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from datasette import hookimpl
from datasette.utils.asgi import Response

DB_ENV = "ARCHIVE_CODING_DB"
LOCAL = {"127.0.0.1", "::1", "localhost", "testclient"}
# Themes shown beside the suggested ones, so every quote has something to decide.
NEAR_MISSES = 2


def _archive() -> Path | None:
    value = os.environ.get(DB_ENV)
    return Path(value) if value else None


def _refused(request) -> Response | None:
    client = (request.scope.get("client") or ("",))[0]
    if _archive() is None or client not in LOCAL:
        return Response.text("Not found", status=404)
    return None


_stage = {}


def _tag_stage():
    """The default tag stage with the project's model (loaded once per server)."""
    if "stage" not in _stage:
        from archive.coding import default_stage
        from ingest.config import load_config

        _stage["stage"] = default_stage(load_config())
    return _stage["stage"]


def _open():
    from archive import store

    return store.open_db(_archive(), create=False)


async def coding_page(request):
    if refused := _refused(request):
        return refused
    return Response.html(PAGE)


async def coding_script(request):
    if refused := _refused(request):
        return refused
    return Response(SCRIPT, content_type="application/javascript; charset=utf-8")


async def next_quote(request):
    """The next quote to decide, with its candidate themes; {} when none is left."""
    if refused := _refused(request):
        return refused
    from archive import coding

    db = _open()
    stage = _tag_stage()
    items = coding.queue(db, stage, limit=1)
    left = len([q for q in coding.coded_quotes(db, stage) if q.coded]) - len(coding.hand_decided(db))
    if not items:
        return Response.json({"left": 0})
    item = items[0]
    labels = dict(db.execute("select id, label from themes").fetchall())
    ranked = sorted(item["scores"], key=lambda t: -item["scores"][t])
    candidates = item["suggested"] + [t for t in ranked if t not in item["suggested"]][:NEAR_MISSES]
    return Response.json({
        "id": item["id"], "text": item["text"], "context": item["context"], "left": left,
        "themes": [{"id": t, "label": labels.get(t, t), "score": item["scores"][t],
                    "suggested": t in item["suggested"]} for t in candidates],
    })


def _media_type(request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _cross_site(request) -> bool:
    """A request another site's page made: its Origin is not this server, or the browser
    says so (Sec-Fetch-Site). Any web page open while `archive serve` runs could post
    otherwise; only application/json (which needs a preflight, refused) is taken too."""
    site = request.headers.get("sec-fetch-site", "same-origin")
    if site not in ("same-origin", "none"):
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return False  # not a browser, or a same-origin GET-like request: the client check holds
    return origin.split("://", 1)[-1].rstrip("/") != request.headers.get("host", "")


async def decide(request):
    """Store a coder's decisions on one quote: {"id": ..., "add": [...], "remove": [...]}."""
    if refused := _refused(request):
        return refused
    if request.method != "POST" or _media_type(request) != "application/json":
        return Response.json({"error": "POST the decisions as JSON (content-type: application/json)."},
                             status=400)
    if _cross_site(request):
        return Response.json({"error": "Decisions are taken on this machine's coding page only."}, status=403)
    from archive import hand_codes

    try:
        body = json.loads((await request.post_body()).decode("utf-8"))
        quote, add, remove = str(body["id"]), list(body.get("add") or []), list(body.get("remove") or [])
    except (ValueError, KeyError, TypeError):
        return Response.json({"error": "expected {\"id\": ..., \"add\": [...], \"remove\": [...]}."}, status=400)
    db = _open()
    # The same checks and the one writer of hand codes as 'archive tag' and Archive.tag.
    try:
        changes = hand_codes.checked(db, quote, [f"+{t}" for t in add] + [f"-{t}" for t in remove],
                                     _tag_stage().codebook)
    except hand_codes.UnknownQuote as error:
        return Response.json({"error": str(error)}, status=404)
    except hand_codes.BadChange as error:
        return Response.json({"error": str(error)}, status=400)
    themes = hand_codes.record(db, quote, changes)
    return Response.json({"id": quote, "themes": themes})


@hookimpl
def register_routes():
    return [(r"^/-/coding$", coding_page), (r"^/-/coding/coding\.js$", coding_script),
            (r"^/-/coding/next\.json$", next_quote),
            (r"^/-/coding/decide$", decide)]


@hookimpl
def skip_csrf(scope):
    # A JSON POST from another origin needs a CORS preflight, which Datasette refuses,
    # and decide() takes only application/json from this server's own origin: so the JSON
    # endpoint needs no form token.
    return scope.get("path") == "/-/coding/decide"


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Coding: the archive</title>
<style>
 body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.5; }
 blockquote { font-size: 1.1rem; border-left: 4px solid #888; margin: 1rem 0; padding: .3rem 1rem; }
 .context { color: #555; font-size: .95rem; }
 ol#themes { padding-left: 1.5rem; }
 ol#themes li { margin: .4rem 0; padding: .3rem .5rem; border-radius: 4px; }
 li.current { outline: 3px solid #1a5fb4; }
 li.yes { background: #d7f5dd; } li.no { background: #f7d9d9; text-decoration: line-through; }
 .score { color: #555; font-size: .9rem; } kbd { border: 1px solid #999; border-radius: 3px; padding: 0 .3rem; }
</style></head>
<body>
<h1>Code quotes</h1>
<p class="help">For each theme: <kbd>y</kbd> or <kbd>→</kbd> accept, <kbd>n</kbd> or <kbd>←</kbd> reject,
<kbd>Enter</kbd> accept the rest as suggested and save. The tagger learns from your decisions with
<code>archive themes train</code>, then <code>archive themes retag</code>.</p>
<p id="status" role="status"></p>
<div id="quote" hidden>
 <p class="context" id="context"></p>
 <blockquote id="text"></blockquote>
 <p><small id="qid"></small></p>
 <ol id="themes"></ol>
</div>
<script src="/-/coding/coding.js"></script>
</body></html>
"""

# A file of its own, not inline: the site's Content-Security-Policy allows scripts from itself only.
SCRIPT = """let item = null, cursor = 0, decisions = {};
const $ = (id) => document.getElementById(id);
async function load() {
  const r = await fetch("/-/coding/next.json");
  item = await r.json(); cursor = 0; decisions = {};
  if (!item.id) { $("quote").hidden = true; $("status").textContent = "Nothing left to code."; return; }
  $("quote").hidden = false;
  $("status").textContent = item.left + " quotes not yet decided by hand.";
  $("context").textContent = item.context ? "Before it: " + item.context : "";
  $("text").textContent = item.text; $("qid").textContent = item.id;
  render();
}
function render() {
  const ol = $("themes"); ol.textContent = "";
  item.themes.forEach((t, i) => {
    const li = document.createElement("li");
    li.dataset.theme = t.id;
    li.className = (i === cursor ? "current " : "") + (decisions[t.id] === true ? "yes" : decisions[t.id] === false ? "no" : "");
    li.textContent = t.label + (t.suggested ? " (suggested) " : " ");
    const s = document.createElement("span"); s.className = "score";
    s.textContent = "score " + t.score.toFixed(2); li.appendChild(s); ol.appendChild(li);
  });
}
async function save() {
  item.themes.forEach((t) => { if (!(t.id in decisions)) decisions[t.id] = t.suggested; });
  const add = item.themes.filter((t) => decisions[t.id]).map((t) => t.id);
  const remove = item.themes.filter((t) => !decisions[t.id]).map((t) => t.id);
  const r = await fetch("/-/coding/decide", {method: "POST", headers: {"content-type": "application/json"},
                        body: JSON.stringify({id: item.id, add, remove})});
  if (!r.ok) { $("status").textContent = "Not saved: " + (await r.json()).error; return; }
  await load();
}
document.addEventListener("keydown", async (e) => {
  if (!item || !item.id) return;
  const k = e.key;
  if (k === "y" || k === "ArrowRight" || k === "n" || k === "ArrowLeft") {
    decisions[item.themes[cursor].id] = (k === "y" || k === "ArrowRight");
    cursor += 1; render();
    if (cursor >= item.themes.length) await save();
  } else if (k === "Enter") { await save(); }
});
load();
"""
