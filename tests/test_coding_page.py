"""The local coding page of `archive serve`, in headless Chromium: decide themes by keyboard."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import export_jsonl, run, write_tree
from test_browser import SCREENSHOTS, Browser, chromium, free_port, serving  # noqa: F401  (fixture)
from test_themes_coding import TREE


@pytest.fixture
def served(tmp_path, monkeypatch):
    """A small fictional archive, served by `archive serve` (as a researcher runs it)."""
    monkeypatch.chdir(tmp_path)
    write_tree(tmp_path, TREE)
    run("ingest")
    db = tmp_path / "archive.db"
    elsewhere = tmp_path / "serve"  # no archive.yml there: its test-only pipeline stage is not needed
    elsewhere.mkdir()
    archive = os.path.join(os.path.dirname(sys.executable), "archive")
    with serving([archive, "serve", "--db", str(db)], timeout=60, cwd=elsewhere, start_new_session=True) as url:
        yield url, db


def key(browser, name):
    for kind in ("keyDown", "keyUp"):
        browser.send("Input.dispatchKeyEvent", session=True, type=kind, key=name)


def wait_for(browser, expression, timeout=20):
    deadline = time.monotonic() + timeout
    while not browser.js(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"never true: {expression}")
        time.sleep(0.1)


def test_a_coder_accepts_and_rejects_themes_with_the_keyboard(chromium, served, tmp_path):  # noqa: F811
    url, db = served
    browser = Browser(chromium, tmp_path / "profile")
    try:
        browser.goto(url + "/-/coding")
        wait_for(browser, "document.querySelectorAll('#themes li').length > 0")
        first = browser.js("document.querySelector('#qid').textContent")
        themes = browser.js("[...document.querySelectorAll('#themes li')].map(li => li.dataset.theme)")
        assert len(themes) >= 2
        assert "Interviewer" not in browser.js("document.querySelector('#text').textContent")
        browser.screenshot(SCREENSHOTS / "coding.png")

        key(browser, "y")  # accept the first candidate
        assert "yes" in browser.js("document.querySelector('#themes li').className")
        for _ in themes[1:]:
            key(browser, "n")  # reject the others; the last key saves and loads the next quote
        wait_for(browser, f"document.querySelector('#qid').textContent !== {first!r}")

        quote = next(q for q in export_jsonl(db) if q["id"] == first)
        assert quote["themes"] == [themes[0]]  # stored as hand codes, as `archive tag` stores them
        assert first not in [i["id"] for i in __import__("json").loads(
            run("themes", "queue", "--db", db, "--limit", 50, "--json").stdout)]
    finally:
        browser.close()


def test_the_coding_page_is_not_published(served, tmp_path):
    url, db = served
    out = tmp_path / "site"
    run("publish", out, "--db", db)
    assert (out / "plugins" / "coding.py").exists()  # shipped, but off without the local archive
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "ARCHIVE_CODING_DB"}
    server = subprocess.Popen([sys.executable, "-m", "datasette", "serve", str(out), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/-/coding", timeout=2)
                raise AssertionError("a published site serves the coding page")
            except urllib.error.HTTPError as e:
                assert e.code == 404
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=20)
