"""The published archive in a real headless Chromium, served by plain `datasette OUT`.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``),
so nothing beyond Debian's ``chromium`` package is needed. Without Chromium the
test is skipped, except in CI (``CI`` set), where it fails.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from archive.web import publish
from test_web import PROJECT_METADATA, TODAY, build_sample_archive

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=412,915",  # a phone-sized window
]
SCREENSHOTS = Path(os.environ.get("ARCHIVE_SCREENSHOTS", tempfile.gettempdir())) / "archive-screenshots"
WIDTHS = {"desktop": (1280, 900, False), "phone": (390, 844, True)}


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    return None


def _pipe_to_fds_3_and_4(read_fd: int, write_fd: int) -> None:
    """In the child: put the pipe ends where --remote-debugging-pipe expects them."""
    high_read = fcntl.fcntl(read_fd, fcntl.F_DUPFD, 10)  # out of the way of 3 and 4 first
    high_write = fcntl.fcntl(write_fd, fcntl.F_DUPFD, 10)
    os.dup2(high_read, 3)
    os.dup2(high_write, 4)


class Browser:
    """A minimal DevTools protocol client over Chromium's debugging pipe (fd 3 in, fd 4 out)."""

    def __init__(self, executable: str, profile: Path):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        self.process = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe",
             "about:blank"],
            close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=lambda: _pipe_to_fds_3_and_4(to_chrome_r, from_chrome_w),
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Page.enable", session=True)

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the debugging pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, session: bool = False, timeout: float = 20, **params) -> dict:
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for_load(self, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._read_message(deadline))
        self.events.clear()

    def goto(self, url: str) -> None:
        self.events.clear()
        self.send("Page.navigate", session=True, url=url)
        self.wait_for_load()

    def js(self, expression: str, await_promise: bool = False):
        result = self.send("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                           awaitPromise=await_promise)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def act_and_wait(self, expression: str) -> None:
        """Run a script that navigates (submits a form, clicks a link) and wait for the new page."""
        self.events.clear()
        self.js(expression)
        self.wait_for_load()

    def type_text(self, selector: str, text: str) -> None:
        self.js(f"document.querySelector({json.dumps(selector)}).focus()")
        self.send("Input.insertText", session=True, text=text)

    def set_width(self, width: int, height: int, mobile: bool) -> None:
        self.send("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=mobile)

    def screenshots(self, name: str) -> list[Path]:
        """The page at desktop and at phone width, kept as the test's artefacts."""
        shots = []
        for folder, (width, height, mobile) in WIDTHS.items():
            self.set_width(width, height, mobile)
            shots.append(self.screenshot(SCREENSHOTS / folder / f"{name}.png"))
            # At phone width nothing may stick out sideways (no horizontal scrolling).
            overflow = self.js("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{name} at {folder} width scrolls sideways by {overflow}px"
        self.set_width(*WIDTHS["desktop"])
        return shots

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", session=True, format="png", captureBeyondViewport=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data["data"]))
        return path

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serving(command: list[str], probe: str = "/-/versions.json", timeout: float = 30, **popen):
    """Run a web server (``command`` with ``--port`` added) until the block ends; yields its
    URL once ``probe`` answers. The tests of the site, its hardening and the coding page
    all start theirs this way."""
    port = free_port()
    server = subprocess.Popen([*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              **popen)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url + probe, timeout=2)
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail(f"{' '.join(command[:3])} did not start: {server.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def chromium():
    path = find_chromium()
    if path is None:
        message = "Chromium is not installed (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The sample archive published, served by plain `datasette OUT` on a free port."""
    folder = tmp_path_factory.mktemp("browser")
    out = folder / "site"
    publish.build(build_sample_archive(folder / "archive.db"), out, today=TODAY, record=False,
                  metadata_path=PROJECT_METADATA)
    with serving([sys.executable, "-m", "datasette", "serve", str(out)]) as url:
        yield url


def test_search_open_a_quote_find_themes_and_citation(chromium, site, tmp_path):
    browser = Browser(chromium, tmp_path / "profile")
    try:
        browser.goto(site + "/")
        assert browser.js("document.querySelector('h1').textContent").strip() == "Surviving Work Library"
        themes = browser.js("[...document.querySelectorAll('.archive-themes h3 a')].map(a => a.textContent)")
        assert "Workload and wellbeing" in themes
        browser.screenshot(SCREENSHOTS / "home.png")

        browser.type_text("#archive-q", "caseload")
        browser.act_and_wait("document.querySelector('.archive-search button').click()")
        assert browser.js("location.pathname") == "/archive/search"
        assert browser.js("document.querySelector('.search-results mark').textContent") == "caseload"
        browser.screenshot(SCREENSHOTS / "search.png")

        browser.act_and_wait("document.querySelector('.search-results a').click()")
        assert browser.js("location.pathname") == "/archive/quotes/int-01-q3"
        assert "My caseload doubled" in browser.js("document.querySelector('.quote-text').textContent")
        themes = browser.js("[...document.querySelectorAll('.quote-themes a')].map(a => a.textContent)")
        assert themes == ["Workload and wellbeing"]
        citation = browser.js("document.getElementById('citation').value")
        assert "Participant 2" in citation and "quote no. 3" in citation
        label = browser.js("document.querySelector('label[for=citation]').textContent")
        assert label == "Citation"
        shot = browser.screenshot(SCREENSHOTS / "quote.png")
        assert shot.stat().st_size > 10_000

        browser.act_and_wait("document.querySelector('.quote-themes a').click()")
        rows = browser.js("document.body.innerText")
        assert "caseload doubled" in rows and "Burnout is everywhere" in rows
    finally:
        browser.close()


@pytest.fixture
def browser(chromium, tmp_path):
    browser = Browser(chromium, tmp_path / "profile")
    browser.set_width(*WIDTHS["desktop"])
    yield browser
    browser.close()


def test_reader_searches_and_is_helped_when_words_are_few_or_misspelt(browser, site):
    browser.goto(site + "/")
    browser.type_text("#archive-q", "zero contract")
    browser.act_and_wait("document.querySelector('.archive-search button').click()")
    summary = browser.js("document.querySelector('.search-summary').textContent")
    assert "1 quote holds all the words" in summary and "1 more holds some of them" in summary
    cards = browser.js("[...document.querySelectorAll('.quote-card .speaker')].map(s => s.textContent)")
    assert cards == ["Participant 2", "Interviewer"]  # the participant's words above the question
    browser.screenshots("search")

    browser.goto(site + "/archive/search?q=burnuot")
    assert browser.js("document.querySelector('.did-you-mean a').textContent") == "burnout"
    browser.act_and_wait("document.querySelector('.did-you-mean a').click()")
    assert browser.js("document.querySelector('.quote-card mark').textContent") == "Burnout"
    assert browser.js("document.querySelector('.matching-themes a').textContent") == "Workload and wellbeing"
    browser.goto(site + "/archive/search?q=marmalade")
    assert "No quotes match" in browser.js("document.querySelector('.no-results h2').textContent")
    browser.screenshots("search-nothing")


def test_reader_browses_a_theme_and_narrows_it(browser, site):
    browser.goto(site + "/")
    browser.act_and_wait("[...document.querySelectorAll('.archive-themes h3 a')]"
                         ".find(a => a.textContent == 'Workload and wellbeing').click()")
    assert browser.js("document.querySelector('h1').textContent") == "Workload and wellbeing"
    assert browser.js("document.querySelectorAll('.quote-card').length") == 4
    first = browser.js("document.querySelector('.quote-card .card-text').textContent")
    assert "Burnout is everywhere" in first  # the best tagged first
    browser.screenshots("theme")
    browser.act_and_wait("document.querySelector('.facet-collection a[href*=podcasts]').click()")
    assert browser.js("document.querySelectorAll('.quote-card').length") == 1
    browser.act_and_wait("document.querySelector('.quote-card .card-text a').click()")
    assert browser.js("location.pathname") == "/archive/quotes/pod-01-q2"


def test_reader_listens_to_a_quote_and_its_source(browser, site):
    browser.goto(site + "/archive/quotes/pod-01-q2")
    src = browser.js("document.querySelector('.quote-audio audio').getAttribute('src')")
    assert src == "https://audio.example.org/pod-01.mp3#t=75.5,84.5"
    browser.screenshots("quote-audio")
    browser.act_and_wait("[...document.querySelectorAll('.quote-audio a')]"
                         ".find(a => a.textContent == 'play the whole source').click()")
    assert browser.js("location.pathname") == "/archive/sources/pod-01"
    browser.js("document.querySelector('a.seek[data-start=\"75.5\"]').click()")
    assert browser.js("document.getElementById('recording').currentTime") == 75.5
    assert browser.js("location.hash") == "#q2"
    browser.screenshots("source-audio")


def test_reader_copies_a_citation(browser, site):
    origin = site
    browser.send("Browser.grantPermissions", origin=origin,
                 permissions=["clipboardReadWrite", "clipboardSanitizedWrite"])
    browser.goto(site + "/archive/quotes/int-01-q3")
    target = "citation-apa" if browser.js("!!document.getElementById('citation-apa')") else "citation"
    browser.js(f"document.querySelector('[data-target={target}]').click()")
    status = ""
    for _ in range(50):
        status = browser.js(f"document.querySelector('[data-target={target}]').nextElementSibling.textContent")
        if status:
            break
        time.sleep(0.1)
    assert status == "Copied."
    copied = browser.js("navigator.clipboard.readText()", await_promise=True)
    assert copied == browser.js(f"document.getElementById('{target}').value")
    assert "Participant 2" in copied and "/archive/quotes/int-01-q3" in copied
    browser.screenshots("quote-citation")
