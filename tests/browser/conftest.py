"""Real-browser fixtures: Debian's headless Chromium driven by Playwright against a real server.

Each server is a `manage.py runserver` subprocess with its own SQLite file, migrated and loaded
with the real content once, so tests see exactly what a person would. Settings differ per server
(for example a short kiosk idle limit) through environment variables.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """A running app on loopback; `url` is its origin."""

    def __init__(self, env: dict[str, str]) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="decisionaid-browser-")
        self.env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{self._dir.name}/db.sqlite3",
            "PYTHONUNBUFFERED": "1",
            **env,
        }
        manage = [sys.executable, "manage.py"]
        commands = [["migrate", "--noinput", "-v0"], ["load_content", "-v0"]]
        if self.env["DEBUG"] == "0":
            # With DEBUG off, WhiteNoise serves the collected, fingerprinted files.
            self.env.setdefault("STATIC_ROOT", f"{self._dir.name}/static")
            commands.append(["collectstatic", "--noinput", "-v0"])
        for command in commands:
            subprocess.run(manage + command, cwd=ROOT, env=self.env, check=True, timeout=120)
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}"
        self._log = open(Path(self._dir.name) / "server.log", "w")  # noqa: SIM115
        self._proc = subprocess.Popen(
            manage + ["runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_up()

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the test server did not start; log:\n{self.log()}")

    def log(self) -> str:
        return (Path(self._dir.name) / "server.log").read_text()

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return result.stdout

    def stop(self) -> None:
        self._proc.terminate()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
        self._log.close()
        self._dir.cleanup()


@pytest.fixture(scope="session")
def live_app() -> Iterator[Callable[..., LiveServer]]:
    """A factory of servers, one per distinct set of settings, shared by the whole run."""
    servers: dict[tuple, LiveServer] = {}

    def get(**env: str) -> LiveServer:
        key = tuple(sorted(env.items()))
        if key not in servers:
            servers[key] = LiveServer(env)
        return servers[key]

    yield get
    for server in servers.values():
        server.stop()


@pytest.fixture(scope="session")
def app_server(live_app) -> LiveServer:
    return live_app()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = (
            f"!! Chromium is not installed at {CHROMIUM}: browser tests cannot run. "
            "Install it with: sudo apt-get install chromium (make test does this as root)."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser) -> Iterator[Callable]:
    """Open a page in a fresh browser context (its own cookies), closed after the test."""
    contexts = []

    def open_page(server: LiveServer, **context_options):
        context = browser.new_context(base_url=server.url, **context_options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page, app_server):
    return new_page(app_server)
