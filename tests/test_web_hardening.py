"""The published archive against abuse: the probes of issue 12, each as a reader or an
attacker would send it over HTTP, against the build served as `datasette OUT` serves it.

Ingest refuses recordings that are not web addresses; the site refuses requests too
long or too broad to be a reader's, raw full-text syntax, writes and bad table
parameters (400, 405, never 500); sign-in is throttled per client and checks passwords
off the event loop; introspection pages that show server paths are gone; and every
response carries a Content-Security-Policy the site's own scripts and player live with.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
import shutil
import sys
import threading
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from datasette.app import Datasette
from datasette_auth_passwords.utils import hash_password

from archive.web import publish
from conftest import export_jsonl, run, write_tree
from ingest.metadata import validate
from ingest.model import SourceError
from test_browser import chromium  # noqa: F401  (the fixture)
from test_web import PASSWORD, TODAY, Client, build_sample_archive

# ------------------------------------------------------------------ audio_url at ingest

AUDIO_URLS = {  # value → accepted?
    "https://audio.example.org/ep1.mp3": True,
    "http://audio.example.org/ep1.mp3?t=1": True,
    "HTTPS://Audio.Example.org/ep1.mp3": True,
    "javascript:alert(document.cookie)": False,
    "  JavaScript:alert(1)": False,
    "java\tscript:alert(1)": False,  # browsers drop the tab; so does the check
    "data:text/html,<script>alert(1)</script>": False,
    "vbscript:msgbox(1)": False,
    "file:///etc/passwd": False,
    "ftp://files.example.org/ep1.mp3": False,
    "//audio.example.org/ep1.mp3": False,  # no scheme: not an address on its own
    "https:///ep1.mp3": False,  # no host
    "episode-one.mp3": False,
}


@pytest.mark.parametrize("url", AUDIO_URLS, ids=[repr(u) for u in AUDIO_URLS])
def test_audio_url_must_be_a_web_address(url):
    if AUDIO_URLS[url]:
        assert validate({"audio_url": url}, Path("pods/ep1.vtt"))["audio_url"] == url
    else:
        with pytest.raises(SourceError, match=r"^pods/ep1.vtt: audio_url .*give an http:// or https:// link"):
            validate({"audio_url": url}, Path("pods/ep1.vtt"))


def test_ingest_stops_a_source_whose_audio_url_would_run_script(project):
    cue = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Host>Welcome back to the show.</v>\n"
    write_tree(project / "t", {
        "pods/collection.yml": "title: Conversations\nkind: podcast\n",
        "pods/ep1.vtt": cue,
        "pods/ep1.vtt.yml": "audio_url: \"javascript:alert(document.cookie)\"\n",
        "pods/ep2.vtt": cue,
        "pods/ep2.vtt.yml": "audio_url: https://audio.example.org/ep2.mp3\n",
    })
    result = run("ingest", "t", "--db", project / "a.db", expect=1)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert str(project / "t" / "pods" / "ep1.vtt") in errors[0]
    assert "audio_url is a javascript: address" in errors[0]
    assert "document.cookie" not in result.output  # the place and the scheme, not the value
    assert {q["source"] for q in export_jsonl(project / "a.db")} == {"ep2"}


# ------------------------------------------------------------------ the site

@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hardening")
    out = folder / "site"
    publish.build(build_sample_archive(folder / "archive.db"), out, today=TODAY, record=False)
    return out


@pytest.fixture(scope="module", autouse=True)
def researcher_password():
    """The researcher's password hash in the environment, where the build reads it."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv(publish.PASSWORD_ENV, hash_password(PASSWORD, iterations=1000))
        yield


def serve(site: Path) -> Datasette:
    return Datasette(config_dir=site)


@pytest.fixture(scope="module")
def client(site):
    return Client(serve(site))


def test_long_searches_are_refused_with_a_clear_400(client):
    word_salad = " ".join(f"word{i}" for i in range(40))
    for path in (
        "/archive/search.json?q=" + "a" * 60_000,  # the probe that stalled every reader
        "/archive/quotes.json?_search=" + "b" * 60_000,
        "/archive/search.json?q=" + quote(word_salad),
        "/archive/quotes.json?_search=" + quote(word_salad),
        "/archive/quotes.json?_search_text=" + quote(word_salad),
        "/archive/theme.json?theme=" + "c" * 5_000,
        "/archive/quotes.json?" + "&".join(f"year={i}" for i in range(500)),
    ):
        response = client.get(path)
        assert response.status_code == 400, path[:80]
        assert response.json()["error"].startswith(("Search for at most", "The value of", "This address is too long"))
    page = client.get("/archive/search?q=" + quote(word_salad))
    assert page.status_code == 400 and "Search for at most 16 words at a time." in page.text
    # a reader's searches still work
    assert client.get("/archive/search.json?q=zero+hours+contract&_shape=array").json()[0]["id"] == "int-01-q2"
    assert client.get("/archive/quotes.json?_search=caseload").status_code == 200


def test_raw_search_mode_is_refused(client):
    response = client.get("/archive/quotes.json?_search=contract+OR+marmalade&_searchmode=raw")
    assert response.status_code == 400
    assert "_searchmode=raw" in response.json()["error"]
    escaped = client.get("/archive/quotes.json?_search=contract+OR+caseload&_searchmode=escaped")
    assert escaped.status_code == 200


def test_a_reader_cannot_ask_proxies_to_keep_a_page_past_a_withdrawal(client):
    for path in ("/archive/quotes/int-01-q2?_ttl=31536000", "/archive/quotes.json?_search=caseload&_ttl=0"):
        response = client.get(path)
        assert response.status_code == 400, path
        assert "_ttl is not available here" in response.text
    assert client.get("/archive/quotes/int-01-q2").status_code == 200


def test_read_only_endpoints_answer_writes_with_405(client):
    for path in ("/archive/quotes", "/archive/quotes.json", "/archive/search?q=x", "/archive/search.json",
                 "/archive/theme?theme=workload", "/archive/quotes/int-01-q2", "/archive", "/"):
        for method in ("post", "put", "delete"):
            response = asyncio.run(client.datasette.client.request(method.upper(), path))
            assert response.status_code == 405, (method, path)
            assert response.headers["allow"] == "GET, HEAD"


BAD_PARAMETERS = [
    "_sort=nope", "_sort_desc=nope", "_sort=rowid", "_sort=text&_sort_desc=year",
    "_through=nope", "_through=%7B%7D",
    "_through=" + quote('{"table": "themes", "column": "id", "value": "workload"}'),  # no key to quotes
    "_through=" + quote('{"table": "quote_themes", "column": "nope", "value": "workload"}'),
]


def test_bad_table_parameters_are_the_readers_400_not_a_500(client):
    for params in BAD_PARAMETERS:
        for path in ("/archive/quotes.json?", "/archive/quotes?"):
            response = client.get(path + params)
            assert response.status_code == 400, path + params
        assert "sort" in client.get("/archive/quotes.json?" + params).json()["error"] or "_through" in params
    # good ones still work
    rows = client.get("/archive/quotes.json?_sort_desc=position&_shape=array").json()
    assert [r["position"] for r in rows] == sorted((r["position"] for r in rows), reverse=True)
    through = quote('{"table": "quote_themes", "column": "theme", "value": "precarity"}')
    rows = client.get(f"/archive/quotes.json?_through={through}&_shape=array").json()
    assert [r["id"] for r in rows] == ["int-01-q2"]


def test_password_tool_and_server_paths_are_hidden(client, site):
    for path in ("/-/password-tool", "/-/databases.json", "/-/databases", "/-/threads.json", "/-/plugins.json"):
        assert client.get(path).status_code == 404, path
    assert client.post("/-/password-tool", data={"password": "x"}).status_code == 404
    for path in ("/-/versions.json", "/-/settings.json", "/-/metadata.json", "/-/actor.json", "/.json",
                 "/archive.json", "/archive/quotes.json", "/-/databases.json", "/-/plugins.json"):
        text = client.get(path).text
        for secret in (str(site), str(site.resolve()), sys.prefix, str(Path(publish.__file__).parents[2])):
            assert secret not in text, (path, secret)


def test_the_full_text_index_tables_are_no_pages(client, site):
    """quotes_fts and its own tables (only redacted text, but internals) are in no list and
    refused by URL, as a page, as JSON and row by row; the quotes table's search still works."""
    import sqlite3

    with sqlite3.connect(site / "archive.db") as conn:
        names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table' "
                                            "and (name like 'quotes_fts%' or name like 'sqlite_stat%')")}
    assert {"quotes_fts", "quotes_fts_data", "quotes_fts_idx", "quotes_fts_docsize", "quotes_fts_config"} <= names
    for table in sorted(names):
        for path in (f"/archive/{table}", f"/archive/{table}.json", f"/archive/{table}.csv", f"/archive/{table}/1",
                     f"/archive/{table.upper()}.json", f"/archive/{table}.json?_search=caseload"):
            assert client.get(path).status_code in (403, 404), path
    listed = client.get("/archive.json?_show_hidden=1").json()
    assert {t["name"] for t in listed["tables"]} == {"collections", "sources", "speakers", "quotes", "themes",
                                                      "quote_themes"}
    assert "quotes_fts" not in client.get("/archive?_show_hidden=1").text
    assert [r["id"] for r in client.get("/archive/quotes.json?_search=caseload&_shape=array").json()] == ["int-01-q3"]
    assert "int-01-q3" in client.get("/archive/quotes?_search=caseload").text
    assert [r["id"] for r in client.get("/archive/search.json?q=caseload&_shape=array").json()] == ["int-01-q3"]


# ------------------------------------------------------------------ sign-in

async def sign_in(app, address: str, password: str, headers: dict | None = None) -> httpx.Response:
    """Sign in as a browser at ``address`` does: fetch the form for its CSRF token, post it."""
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://localhost", headers=headers) as browser:
        form = await browser.get("/-/login")
        token = re.search(r'name="csrftoken" value="([^"]+)"', form.text)[1]
        return await browser.post("/-/login", data={"username": "researcher", "password": password,
                                                     "csrftoken": token})


def test_sign_in_is_throttled_per_client(site):
    app = serve(site).app()

    async def attempts():
        guesses = [await sign_in(app, "203.0.113.7", f"guess {i}") for i in range(6)]
        right_after = await sign_in(app, "203.0.113.7", PASSWORD)
        elsewhere = await sign_in(app, "198.51.100.2", PASSWORD)
        return guesses, right_after, elsewhere

    guesses, right_after, elsewhere = asyncio.run(attempts())
    assert [r.status_code for r in guesses] == [200] * 5 + [429]
    assert "Invalid username or password" in guesses[0].text
    assert "Too many sign-in attempts from your address" in guesses[-1].text
    assert 0 < int(guesses[-1].headers["retry-after"]) <= 60
    assert right_after.status_code == 429 and "ds_actor" not in right_after.cookies  # even the right password
    assert elsewhere.status_code == 302 and "ds_actor" in elsewhere.cookies  # another reader is not locked out


def test_a_huge_sign_in_form_is_refused_unread(client):
    response = client.post("/-/login", data={"username": "researcher", "password": "x" * 200_000})
    assert response.status_code == 413 and "at most 10,000 bytes" in response.text


def test_a_forwarded_address_counts_only_behind_a_trusted_proxy(site, tmp_path):
    async def statuses(app, forwarded_for):
        return [(await sign_in(app, "10.0.0.1", f"guess {i}", {"x-forwarded-for": address})).status_code
                for i, address in enumerate(forwarded_for)]

    # Facing the internet: a header anyone can write does not make a new client.
    spoofed = asyncio.run(statuses(serve(site).app(), [f"192.0.2.{i}" for i in range(6)]))
    assert spoofed == [200] * 5 + [429]
    # Behind one proxy (10.0.0.1), the address it saw is the client: two readers, two counts.
    metadata = (site / "metadata.json").read_text()
    proxied_site = tmp_path / "site"
    shutil.copytree(site, proxied_site)
    config = json.loads(metadata)
    config.setdefault("plugins", {})["archive-hardening"] = {"trusted_proxies": 1}
    (proxied_site / "metadata.json").write_text(json.dumps(config))
    behind_proxy = asyncio.run(statuses(Datasette(config_dir=proxied_site).app(),
                                        ["192.0.2.1"] * 5 + ["198.51.100.9, 192.0.2.2"] * 2 + ["192.0.2.1"]))
    assert behind_proxy == [200] * 7 + [429]


def test_passwords_are_checked_off_the_event_loop(site, monkeypatch):
    from datasette_auth_passwords import utils

    checks = []
    original = utils.verify_password

    def spy(password, password_hash):
        try:
            asyncio.get_running_loop()
            checks.append("on the event loop")
        except RuntimeError:
            checks.append(threading.current_thread().name)
        return original(password, password_hash)

    monkeypatch.setattr(utils, "verify_password", spy)
    response = asyncio.run(sign_in(serve(site).app(), "192.0.2.1", PASSWORD))
    assert response.status_code == 302
    assert len(checks) == 1 and checks[0] != "on the event loop" and checks[0] != threading.main_thread().name


# ------------------------------------------------------------------ headers

PAGES = ["/", "/archive/quotes/int-01-q3", "/archive/quotes/pod-01-q2", "/archive/sources/pod-01",
         "/archive/quotes", "/archive/quotes?_search=caseload", "/archive/search?q=caseload",
         "/archive/theme?theme=workload", "/archive/quote_themes?theme=workload", "/-/login", "/archive"]


def test_every_response_carries_the_security_headers(client):
    responses = [client.get(p) for p in PAGES]
    responses += [client.get("/archive/quotes.json"), client.get("/-/static/app.css"),
                  client.get("/static/archive.css"), client.get("/archive/quotes/no-such-quote"),
                  client.get("/archive/quotes?_sort=nope"), client.post("/archive/quotes"),
                  client.get("/-/password-tool")]
    for response in responses:
        headers = response.headers
        where = f"{response.request.method} {response.request.url}"
        policy = headers.get("content-security-policy", "")
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy, where
        assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        assert headers.get("x-content-type-options") == "nosniff", where
        assert headers.get("x-frame-options") == "DENY", where
        assert headers.get("referrer-policy") == "no-referrer", where


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def test_the_sites_own_scripts_and_player_are_allowed_by_the_policy(client):
    """Every inline script a page holds is allowed by hash, every other script is the
    site's own, no handler attribute or javascript: link needs 'unsafe-inline', and the
    recordings' host may play; a script the templates do not hold would be refused."""
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", response.text, re.S):
            if "src=" in attrs:
                src = re.search(r'src="([^"]+)"', attrs)[1]
                assert src.startswith("/") and not src.startswith("//"), (path, src)
            else:
                assert script_hash(body) in directives["script-src"], (path, body[:80])
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", response.text), path
        assert "javascript:" not in response.text.lower(), path
        assert script_hash("alert(1)") not in directives["script-src"]
    quote_page = client.get("/archive/quotes/int-01-q3").text
    assert 'class="copy-citation"' in quote_page and "navigator.clipboard" in quote_page
    player = client.get("/archive/quotes/pod-01-q2")
    assert '<audio controls preload="none" src="https://audio.example.org/pod-01.mp3' in player.text
    media = dict(d.strip().split(" ", 1) for d in player.headers["content-security-policy"].split(";"))["media-src"]
    assert media.split() == ["'self'", "https://audio.example.org"]


# ------------------------------------------------------------------ settings

def test_a_typo_in_the_hardening_settings_stops_the_build(site, tmp_path):
    metadata = tmp_path / "metadata.yml"
    metadata.write_text("title: Test\nplugins:\n  archive-hardening:\n    max_search_term: 8\n")
    with pytest.raises(publish.PublishError, match="max_search_term is not a setting; did you mean max_search_terms"):
        publish.build(Path(site.parent / "archive.db"), tmp_path / "out", metadata_path=metadata, record=False)
    metadata.write_text("title: Test\nplugins:\n  archive-hardening:\n    max_search_terms: 3\n")
    publish.build(Path(site.parent / "archive.db"), tmp_path / "out", metadata_path=metadata, record=False,
                  today=TODAY)
    strict = Client(Datasette(config_dir=tmp_path / "out"))
    assert strict.get("/archive/quotes.json?_search=zero+hours+contract").status_code == 200
    assert strict.get("/archive/quotes.json?_search=zero+hours+contract+rota").status_code == 400


# ------------------------------------------------------------------ in a browser

@pytest.fixture(scope="module")
def served(site):
    """The build served by plain `datasette OUT` on a free port."""
    from test_browser import serving

    with serving([sys.executable, "-m", "datasette", "serve", str(site)], probe="/") as url:
        yield url


def wait_for(browser, expression: str, timeout: float = 5):
    import time

    deadline = time.monotonic() + timeout
    while not (value := browser.js(expression)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return value


def test_in_a_browser_the_policy_refuses_injected_script_but_not_the_sites_own(chromium, served, tmp_path):
    from test_browser import Browser

    browser = Browser(chromium, tmp_path / "profile")
    try:
        browser.send("Page.addScriptToEvaluateOnNewDocument", session=True, source=(
            "window.violations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " e => window.violations.push(e.effectiveDirective));"))
        browser.goto(served + "/archive/quotes/int-01-q3")
        # the page's own script: the copy-citation button answers
        browser.js("document.querySelector('.copy-citation').click()")
        assert wait_for(browser, "document.querySelector('.copy-status').textContent")
        # a script or javascript: link that got into a page some other way does not run
        browser.js("var s = document.createElement('script'); s.textContent = 'window.injected = 1';"
                   "document.body.appendChild(s);"
                   "var a = document.createElement('a'); a.href = 'javascript:window.clicked = 1';"
                   "document.body.appendChild(a); a.click();")
        assert wait_for(browser, "window.violations.length >= 2")
        assert browser.js("window.injected === undefined && window.clicked === undefined")
        assert set(browser.js("window.violations")) <= {"script-src-elem", "script-src"}

        # the player may fetch the recording from its host (offline here: a network error, not a refusal)
        browser.goto(served + "/archive/quotes/pod-01-q2")
        browser.js("document.querySelector('audio').load()")
        assert wait_for(browser, "document.querySelector('audio').networkState === 3"
                                 " || document.querySelector('audio').error !== null", timeout=10)
        assert browser.js("window.violations") == []
    finally:
        browser.close()


def test_clients_that_search_without_pause_leave_readers_a_search_slot():
    """Two searches at once, one per client; clients with much search time of late share
    one slot between them, and a freed slot goes to the client who searched least."""
    import importlib

    SearchGate = importlib.import_module("archive.web.plugins.hardening").SearchGate

    async def settle():  # let every task that can go on do so (no clock involved)
        for _ in range(20):
            await asyncio.sleep(0)

    async def scenario():
        gate = SearchGate(slots=2, per_client=1, busy_seconds=5)
        for client in ("busy-1", "busy-2"):
            gate.search_time(client, add=60)  # a minute of searching of late
        started, done = [], {}

        async def search(name, client):
            ticket = await gate.enter(client, timeout=30)
            started.append(name)
            done[name] = asyncio.Event()
            await done[name].wait()
            gate.leave(ticket)

        tasks = [asyncio.create_task(search("b1", "busy-1"))]
        await settle()
        tasks += [asyncio.create_task(search("b2", "busy-2"))]
        await settle()
        assert started == ["b1"]  # the second slot is not for a busy client
        tasks += [asyncio.create_task(search("r1", "reader")), asyncio.create_task(search("r2", "reader"))]
        await settle()
        assert started == ["b1", "r1"]  # a reader goes straight in; its second search waits
        done["r1"].set()
        await settle()
        assert started == ["b1", "r1", "r2"]  # before busy-2, who asked first
        done["b1"].set()
        await settle()
        assert started == ["b1", "r1", "r2", "b2"]
        for name in ("r2", "b2"):
            done[name].set()
        await asyncio.gather(*tasks)
        assert not gate.running and not gate.waiting and gate.running_busy == 0

    asyncio.run(scenario())


def test_a_busy_clients_searches_get_less_time(site):
    from datasette.plugins import pm

    datasette = serve(site)
    client = Client(datasette)
    page = client.get("/archive/quotes?_search=caseload")
    assert page.status_code == 200 and "_timelimit" not in page.text
    plugin = pm.get_plugin("hardening.py")
    plugin.guard(datasette).searches.search_time("127.0.0.1", add=60)  # a minute of searching of late
    page = client.get("/archive/quotes?_search=caseload&_timelimit=5000")
    assert page.status_code == 200 and "caseload doubled" in page.text
    assert "_timelimit=500&" in page.text or "_timelimit=500\"" in page.text  # its own links carry the limit
    assert "_timelimit=5000" not in page.text  # a busy client cannot ask for more
    data = client.get("/archive/quotes.json?_search=caseload").json()
    assert data["filtered_table_rows_count"] is None and data["facet_results"] == {}  # nor count, nor facets
    assert [r[0] for r in data["rows"]] == ["int-01-q3"]


def test_a_search_given_up_while_waiting_gives_its_slot_back():
    import importlib

    SearchGate = importlib.import_module("archive.web.plugins.hardening").SearchGate

    async def scenario():
        gate = SearchGate(slots=1, per_client=1, busy_seconds=5)
        holder = await gate.enter("a", timeout=30)
        left = asyncio.create_task(gate.enter("b", timeout=30))  # waits for the one slot
        timed_out = asyncio.create_task(gate.enter("c", timeout=0))
        for _ in range(20):
            await asyncio.sleep(0)
        assert await timed_out is None  # no slot in time: the reader is told the archive is busy
        left.cancel()  # b closes the page while waiting
        with pytest.raises(asyncio.CancelledError):
            await left
        gate.leave(holder)
        assert not gate.running and not gate.waiting  # nothing held for a reader who left
        assert await gate.enter("d", timeout=0) is not None

    asyncio.run(scenario())


def test_a_search_past_its_time_budget_is_the_readers_400_with_the_reason(site, monkeypatch):
    # The site's own search had no time limit: a search of many common words held a SQL
    # thread as long as it took. It now stops at the budget (here none at all) and says why.
    from datasette.plugins import pm

    datasette = serve(site)
    client = Client(datasette)
    monkeypatch.setattr(pm.get_plugin("archive_reader.py"), "PROGRESS_STEPS", 1, raising=False)  # checked at every step
    assert client.get("/archive/search?q=contract").status_code == 200
    page = client.get("/archive/search?q=contract&_timelimit=0")
    assert page.status_code == 400 and "too broad to answer within 0 s" in page.text
    data = client.get("/archive/search.json?q=contract&_timelimit=0").json()
    assert data["ok"] is False and data["status"] == 400 and "drop some very common words" in data["error"]
    rows = client.get("/archive/search.json?q=contract&_shape=array").json()  # the connection is fine after
    assert rows and rows[0]["id"] == "int-01-q2"


def test_a_search_of_many_words_is_limited_from_the_first(site):
    # Three clients' first searches of sixteen common words held both search slots for
    # seconds before their senders counted as busy: such a search is limited at once.
    datasette = serve(site)
    client = Client(datasette)
    page = client.get("/archive/quotes?_search=caseload+doubled")  # a few words
    assert page.status_code == 200 and "_timelimit" not in page.text
    broad = "+".join(["caseload", "and", "the", "of", "a", "to", "in", "it", "was"])  # nine words
    page = client.get(f"/archive/quotes?_search={broad}")
    assert page.status_code == 200 and "_timelimit=500" in page.text


# ------------------------------------------------------------------ the site's own CSV

FORMULA_TURNS = [  # what a participant may say, as it opens a cell
    "=HYPERLINK(\"https://evil.example.org\",\"see the rota\") was what the sign said.",
    "+44 is the code they dialled from abroad, every single shift.",
    "-the agency took a cut, and then another cut, and nobody said a word.",
    "@the union branch we heard the ward was closing before the staff did.",
    "Plain words, with \"quotes\", commas, and a\nline break, stay exactly as they were.",
]


@pytest.fixture(scope="module")
def formula_site(tmp_path_factory) -> Path:
    from test_web import THEMES, make_source
    from archive import store

    folder = tmp_path_factory.mktemp("csv")
    db = store.open_db(folder / "archive.db")
    store.sync_themes(db, THEMES)
    store.replace_source(db, make_source("int-sign", "interviews", [
        (2, text, ["precarity"], 60.0 + i) for i, text in enumerate(FORMULA_TURNS)
    ]), root="transcripts")
    db.close()
    out = folder / "site"
    publish.build(folder / "archive.db", out, today=TODAY, record=False)
    return out


def _csv_rows(response) -> list[list[str]]:
    import csv
    import io

    assert response.status_code == 200, response.text[:300]
    return list(csv.reader(io.StringIO(response.text)))


@pytest.mark.parametrize("path", [
    "/archive/quotes.csv?_sort=position",
    "/archive/quotes.csv?_sort=position&_stream=on&_dl=1",
    "/archive/quotes.csv?_sort=position&_size=2",
    "/archive/theme.csv?theme=precarity",
    "/archive/quotes.csv?_sort=position&_search=agency",
])
def test_the_sites_csv_opens_a_formula_cell_as_text_like_the_export(formula_site, path):
    """A spreadsheet opening the site's CSV download runs none of the quotes as a formula
    (=HYPERLINK made a live link): each such cell starts with ', as `archive export --format
    csv` writes it; other cells, numbers and the header stay as Datasette wrote them."""
    rows = _csv_rows(Client(serve(formula_site)).get(path))
    header, body = rows[0], rows[1:]
    texts = [row[header.index("text")] for row in body]
    assert texts, rows
    for text in texts:
        assert text in FORMULA_TURNS or (text[0] == "'" and text[1:] in FORMULA_TURNS), text
        assert not text.startswith(("=", "+", "-", "@")), text
    if "start" in header:
        assert all(float(row[header.index("start")]) >= 60 for row in body)
    if path.endswith("_size=2"):
        assert texts == ["'" + FORMULA_TURNS[0], "'" + FORMULA_TURNS[1]]
    if "_search" not in path and "_size" not in path:
        assert FORMULA_TURNS[4] in texts  # commas, quotes and a line break read back whole


def test_a_negative_number_in_the_sites_csv_stays_a_number(formula_site):
    """Only text is guarded: a query's number (here -1) is no formula and stays as it is."""
    from archive.web.plugins.csv_cells import guard_csv_line

    assert guard_csv_line('-1,"=2+2",-1.5e-3,-x\r\n') == "-1,'=2+2,-1.5e-3,'-x\r\n"


def test_the_csv_guard_reads_records_cut_anywhere():
    """Datasette sends its CSV in pieces; a piece may end inside a quoted line break or
    inside a character (é is two bytes): the records come out whole and guarded."""
    from archive.web.plugins.csv_cells import RecordSplitter

    for body, expected in [
        ('id,text\r\n1,"=café, ""rota""\r\nnext"\r\n2,-2\r\n3,+x',
         'id,text\r\n1,"\'=café, ""rota""\r\nnext"\r\n2,-2\r\n3,\'+x'),
        ('id,text\r\n1,"a\nb"\r\n2,plain end', 'id,text\r\n1,"a\nb"\r\n2,plain end'),
    ]:
        data = body.encode()
        splitter = RecordSplitter()
        pieces = [splitter.feed(data[i:i + 1]) for i in range(len(data))] + [splitter.feed(b"", final=True)]
        assert "".join(pieces) == expected
        whole = RecordSplitter()
        assert whole.feed(data) + whole.feed(b"", final=True) == expected
