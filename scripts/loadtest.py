"""`make loadtest`: serve production on loopback, drive simulated people through it, print figures.

It starts gunicorn as `make serve` does (DEBUG off, a temporary SQLite database migrated and
loaded, collected static files) on a free loopback port, then:

1. weighs every page (HTML plus the CSS and JavaScript it links; the font is left out);
2. measures /healthz throughput with LOADTEST_USERS concurrent clients;
3. measures each guide page with a typical person's answers, LOADTEST_USERS clients for
   LOADTEST_PAGE_SECONDS each, in LOADTEST_PAGE_ROUNDS rounds that each follow /healthz for as
   long, and prints its throughput as the median of the rounds' ratios to that /healthz (two
   figures taken moments apart, which a busy neighbour moves alike; the median sets aside a round
   a neighbour's burst fell in), and the workers' CPU time per request for both (from /proc,
   steadier still);
4. drives LOADTEST_USERS simulated people through the whole guide and the checklist for
   LOADTEST_SECONDS, with cookies and CSRF tokens handled as a browser does;
5. a PDF burst: LOADTEST_BURST_PDF_CLIENTS clients ask for uncached checklist PDFs nonstop for
   LOADTEST_BURST_SECONDS while LOADTEST_BURST_PAGE_CLIENTS clients read guide pages; the render
   cap answers the PDFs it cannot take with 503, after which a client waits the Retry-After
   (LOADTEST_BURST_IGNORE_RETRY_AFTER=1: asks again at once), and the pages' p95 must stay low;
6. restarts gunicorn with the cap at one render per worker and renders LOADTEST_PDF_RENDERS
   uncached PDFs, LOADTEST_PDF_CONCURRENCY at a time (PDFs per second), reading the workers' peak
   memory from /proc after 50 and after all of them;

then stops the server and exits non-zero if any request failed (a 503 from the render cap in the
burst is an answer, not a failure). Every request goes to 127.0.0.1. Other work on the machine
slows every figure: the load average is printed with them.

The client is plain asyncio streams, not httpx or aiohttp: gunicorn's sync workers close each
connection anyway, and on a 2-core machine every millisecond the client spends parsing is taken
from the server it measures, so the lightest client gives the truest figures.
"""

import asyncio
import gzip
import os
import platform
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
SECONDS = float(os.environ.get("LOADTEST_SECONDS", "30"))
USERS = int(os.environ.get("LOADTEST_USERS", "32"))
HEALTHZ_SECONDS = float(os.environ.get("LOADTEST_HEALTHZ_SECONDS", str(min(10.0, SECONDS))))
PDF_RENDERS = int(os.environ.get("LOADTEST_PDF_RENDERS", "500"))
PDF_CONCURRENCY = int(os.environ.get("LOADTEST_PDF_CONCURRENCY", "8"))
PDF_EARLY = 50
PAGE_SECONDS = float(os.environ.get("LOADTEST_PAGE_SECONDS", "3"))
PAGE_ROUNDS = max(1, int(os.environ.get("LOADTEST_PAGE_ROUNDS", "3")))
BURST_SECONDS = float(os.environ.get("LOADTEST_BURST_SECONDS", "20"))
BURST_PDF_CLIENTS = int(os.environ.get("LOADTEST_BURST_PDF_CLIENTS", "16"))
BURST_PAGE_CLIENTS = int(os.environ.get("LOADTEST_BURST_PAGE_CLIENTS", "4"))
# 1: PDF clients ask again at once after a 503, as a script would; 0 (default): they wait the
# Retry-After first, as the busy page asks a person to (a few seconds).
BURST_IGNORE_RETRY_AFTER = os.environ.get("LOADTEST_BURST_IGNORE_RETRY_AFTER", "0") == "1"
WORKERS = os.environ.get("WEB_CONCURRENCY", "2")
TIMEOUT = 30.0

# Targets from the issue, printed beside the figures; the run only fails on request errors.
TARGET_RATIO = 0.8
TARGET_PAGE_RATIO = 0.5
TARGET_RPS = 300
TARGET_PDFS = 12
TARGET_BURST_P95_MS = 100
TARGET_MEMORY_GROWTH = 0.20
TARGET_PAGE_KB = 60
TARGET_JS_KB = 5

PAGES = [
    "/",
    "/about/",
    "/sources/",
    "/glossary/",
    "/guide/situation/",
    "/guide/what-it-is/",
    "/guide/evidence/",
    "/guide/options/",
    "/guide/risks/",
    "/guide/costs/",
    "/guide/values/",
    "/guide/understanding/",
    "/guide/questions/",
    "/guide/sure/",
    "/guide/summary/",
    "/checklist/",
]

GUIDE_PAGES = [path for path in PAGES if path.startswith(("/guide/", "/checklist/"))]

PREPARE = """
import django
from django.core.management import call_command
django.setup()
call_command("collectstatic", interactive=False, verbosity=0)
call_command("migrate", interactive=False, verbosity=0)
call_command("load_content", verbosity=0)
"""


# ---------------------------------------------------------------- a small HTTP/1.1 client


@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return ""

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def dechunk(body: bytes) -> bytes:
    out, rest = bytearray(), body
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out += rest[:size]
        rest = rest[size + 2 :]
    return bytes(out)


async def request(
    port: int,
    method: str,
    path: str,
    *,
    cookies: dict[str, str] | None = None,
    form: list[tuple[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{port}", "Connection: close"]
        lines.append("User-Agent: decisionaid-loadtest")
        lines.append("Accept: text/html,*/*")
        for name, value in (headers or {}).items():
            lines.append(f"{name}: {value}")
        if cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
        body = b""
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            lines.append("Content-Type: application/x-www-form-urlencoded")
            lines.append(f"Origin: http://{HOST}:{port}")
            lines.append(f"Referer: http://{HOST}:{port}{path}")
        lines.append(f"Content-Length: {len(body)}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        await writer.drain()
        raw = await reader.read()
    finally:
        writer.close()
    head, _, payload = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    parsed = [tuple(part.strip() for part in line.split(":", 1)) for line in header_lines]
    response = Response(int(status_line.split()[1]), parsed, payload)
    if response.header("Transfer-Encoding").lower() == "chunked":
        response.body = dechunk(payload)
    if cookies is not None:
        for name, value in response.headers:
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                cookie_value = rest.split(";", 1)[0]
                if cookie_value in ("", '""') or "Max-Age=0" in value:
                    cookies.pop(key, None)
                else:
                    cookies[key] = cookie_value
    return response


# ---------------------------------------------------------------- measuring


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    started: float = 0.0
    ended: float = 0.0
    # The server's CPU time per request (both workers), where it was measured.
    cpu_ms: float = 0.0

    def rate(self) -> float:
        return len(self.latencies) / max(self.ended - self.started, 1e-9)

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000


async def timed(stats: Stats, expect: int, port: int, method: str, path: str, **kw) -> Response:
    began = time.perf_counter()
    try:
        response = await asyncio.wait_for(request(port, method, path, **kw), TIMEOUT)
    except (TimeoutError, OSError, ValueError, IndexError) as error:
        stats.errors.append(f"{method} {path}: {type(error).__name__} {error}")
        raise
    stats.latencies.append(time.perf_counter() - began)
    if response.status != expect:
        stats.errors.append(f"{method} {path}: {response.status}, expected {expect}")
    return response


# ---------------------------------------------------------------- a simulated person

INPUT = re.compile(r"<input\b[^>]*>", re.S)
ATTR = re.compile(r'([\w:-]+)(?:="([^"]*)")?')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def inputs(html: str) -> list[dict[str, str]]:
    return [dict(ATTR.findall(tag[6:-1])) for tag in INPUT.findall(html)]


def fill_form(html: str, rng: random.Random) -> list[tuple[str, str]]:
    """What a person would send: one choice per radio group, some boxes, the boxes' numbers."""
    fields: list[tuple[str, str]] = []
    radios: dict[str, list[str]] = {}
    for attrs in inputs(html):
        kind, name, value = attrs.get("type", "text"), attrs.get("name", ""), attrs.get("value", "")
        if not name or name == "csrfmiddlewaretoken":
            continue
        if kind == "radio":
            radios.setdefault(name, []).append(value)
        elif kind == "checkbox":
            if "checked" in attrs or rng.random() < 0.2:
                fields.append((name, value))
        elif kind in ("text", "number"):
            fields.append((name, value or str(rng.randint(1, 12))))
    for name, values in radios.items():
        fields.append((name, rng.choice(values)))
    if 'name="own"' in html:
        fields.append(("own", "Is this safe for me?\nHow many sessions will I need?"))
    return fields


async def post_step(
    stats: Stats, port: int, cookies: dict, path: str, html: str, rng, action: str
) -> str:
    token = TOKEN.search(html)
    form = [("csrfmiddlewaretoken", token.group(1) if token else "")]
    form += fill_form(html, rng)
    form.append(("action", action))
    response = await timed(stats, 302, port, "POST", path, cookies=cookies, form=form)
    return response.header("Location").split("#")[0]


async def one_visit(stats: Stats, port: int, rng: random.Random) -> None:
    """The whole guide, start to summary, then the checklist, as one new visitor."""
    cookies: dict[str, str] = {}

    async def get(path: str, expect: int = 200) -> Response:
        return await timed(stats, expect, port, "GET", path, cookies=cookies)

    await get("/")
    start = await get("/guide/", expect=302)
    path = start.header("Location") or "/guide/situation/"
    html = (await get(path)).text
    path = await post_step(stats, port, cookies, path, html, rng, "next")
    for _ in ("what-it-is", "evidence", "options", "risks"):
        html = (await get(path)).text
        match = re.search(r'<a class="btn" href="(/guide/[^"]+/)">Next', html)
        path = match.group(1) if match else "/guide/costs/"
    for _ in ("costs", "values", "understanding"):
        html = (await get(path)).text
        shown = await post_step(stats, port, cookies, path, html, rng, "show")
        html = (await get(shown)).text
        path = await post_step(stats, port, cookies, path, html, rng, "next")
    for _ in ("questions", "sure"):
        html = (await get(path)).text
        path = await post_step(stats, port, cookies, path, html, rng, "next")
    await get(path)  # the summary
    await get("/checklist/")


async def keep_visiting(stats: Stats, port: int, until: float, seed: int) -> None:
    rng = random.Random(seed)
    while time.monotonic() < until:
        try:
            await one_visit(stats, port, rng)
        except (TimeoutError, OSError, ValueError, IndexError):
            await asyncio.sleep(0.05)


async def hammer(stats: Stats, port: int, path: str, until: float) -> None:
    while time.monotonic() < until:
        try:
            await timed(stats, 200, port, "GET", path)
        except (TimeoutError, OSError, ValueError, IndexError):
            await asyncio.sleep(0.05)


async def run_for(seconds: float, make_task) -> Stats:
    stats = Stats(started=time.perf_counter())
    until = time.monotonic() + seconds
    await asyncio.gather(*(make_task(stats, until, n) for n in range(USERS)))
    stats.ended = time.perf_counter()
    return stats


# ---------------------------------------------------------------- PDFs and memory


def worker_pids(master: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command may hold spaces or brackets; the fields after its last ')' do not.
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == master:
                pids.append(int(entry.name))
    return pids


def workers_cpu_seconds(master: int) -> float:
    """User plus system CPU time the workers have used so far, from /proc."""
    total = 0
    for pid in worker_pids(master):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def memory_mb(pid: int, key: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def workers_memory(master: int) -> tuple[float, float]:
    """(largest current RSS, largest peak RSS) over the workers, in MB."""
    pids = worker_pids(master)
    return (
        max((memory_mb(pid, "VmRSS") for pid in pids), default=0.0),
        max((memory_mb(pid, "VmHWM") for pid in pids), default=0.0),
    )


async def typical_person(stats: Stats, port: int, seed: int) -> dict[str, str]:
    """Cookies of a person who has answered the steps the checklist shows."""
    cookies: dict[str, str] = {}
    rng = random.Random(seed)
    for path in ("/guide/values/", "/guide/questions/", "/guide/costs/", "/guide/sure/"):
        html = (await timed(stats, 200, port, "GET", path, cookies=cookies)).text
        await post_step(stats, port, cookies, path, html, rng, "next")
    return cookies


async def pdf_throughput(port: int, master: int) -> tuple[Stats, tuple, tuple]:
    stats = Stats()
    sessions = [await typical_person(stats, port, 1000 + n) for n in range(PDF_CONCURRENCY)]
    stats = Stats(started=time.perf_counter())
    done = 0
    early: tuple = ()
    lock = asyncio.Lock()

    async def render(cookies: dict) -> None:
        nonlocal done, early
        while True:
            async with lock:
                if done >= PDF_RENDERS:
                    return
                done += 1
            response = await timed(stats, 200, port, "GET", "/checklist.pdf", cookies=cookies)
            if not response.body.startswith(b"%PDF"):
                stats.errors.append("GET /checklist.pdf: not a PDF")
            async with lock:
                if len(stats.latencies) == PDF_EARLY and not early:
                    early = workers_memory(master)

    await asyncio.gather(*(render(cookies) for cookies in sessions))
    stats.ended = time.perf_counter()
    return stats, early, workers_memory(master)


def merged(parts: list[Stats]) -> Stats:
    """Several timed runs as one: their requests over their summed time and CPU."""
    whole = Stats(started=0.0, ended=sum(part.ended - part.started for part in parts))
    for part in parts:
        whole.latencies += part.latencies
        whole.errors += part.errors
        whole.cpu_ms += part.cpu_ms * len(part.latencies)
    whole.cpu_ms /= max(len(whole.latencies), 1)
    return whole


@dataclass
class PageRounds:
    """A page's rounds, each (the page, /healthz just before it)."""

    path: str
    rounds: list[tuple[Stats, Stats]]

    def ratios(self) -> list[float]:
        return [page.rate() / max(health.rate(), 1e-9) for page, health in self.rounds]

    def ratio(self) -> float:
        return statistics.median(self.ratios())

    def page(self) -> Stats:
        return merged([page for page, _ in self.rounds])

    def health(self) -> Stats:
        return merged([health for _, health in self.rounds])


async def page_rates(port: int, master: int) -> list[PageRounds]:
    """Each guide page read over and over by USERS clients with a typical person's answers, in
    rounds that each follow /healthz for as long, so a ratio compares two figures taken moments
    apart (on a shared machine the neighbours' load moves both alike) and the median of the
    rounds sets aside one a neighbour's burst fell in. Each Stats also gets the workers' CPU
    time per request (`cpu_ms`), which the neighbours move much less."""
    cookies = await typical_person(Stats(), port, 7)
    rows = []
    seconds = PAGE_SECONDS / PAGE_ROUNDS

    async def measured(make_task) -> Stats:
        before = workers_cpu_seconds(master)
        stats = await run_for(seconds, make_task)
        stats.cpu_ms = 1000 * (workers_cpu_seconds(master) - before) / max(len(stats.latencies), 1)
        return stats

    for path in GUIDE_PAGES:

        async def reader(stats: Stats, until: float, n: int, path: str = path) -> None:
            while time.monotonic() < until:
                try:
                    await timed(stats, 200, port, "GET", path, cookies=dict(cookies))
                except (TimeoutError, OSError, ValueError, IndexError):
                    await asyncio.sleep(0.05)

        rounds = []
        for _ in range(PAGE_ROUNDS):
            health = await measured(lambda stats, until, n: hammer(stats, port, "/healthz", until))
            rounds.append((await measured(reader), health))
        rows.append(PageRounds(path, rounds))
    return rows


async def pdf_burst_with_pages(port: int) -> tuple[Stats, Stats, int]:
    """PDF clients nonstop (no pause after a 503) while page clients read the guide."""
    setup = Stats()
    pdf_people = [await typical_person(setup, port, 2000 + n) for n in range(BURST_PDF_CLIENTS)]
    page_people = [await typical_person(setup, port, 3000 + n) for n in range(BURST_PAGE_CLIENTS)]
    pdfs, pages = Stats(started=time.perf_counter()), Stats(started=time.perf_counter())
    refused = 0
    until = time.monotonic() + BURST_SECONDS

    async def ask_for_pdfs(cookies: dict) -> None:
        nonlocal refused
        while time.monotonic() < until:
            try:
                response = await asyncio.wait_for(
                    request(port, "GET", "/checklist.pdf", cookies=cookies), TIMEOUT
                )
            except (TimeoutError, OSError, ValueError, IndexError) as error:
                pdfs.errors.append(f"GET /checklist.pdf: {type(error).__name__}")
                continue
            if response.status == 200 and response.body.startswith(b"%PDF"):
                pdfs.latencies.append(0.0)
            elif response.status == 503 and response.header("Retry-After"):
                refused += 1
                if not BURST_IGNORE_RETRY_AFTER:
                    await asyncio.sleep(min(float(response.header("Retry-After")), 10.0))
            else:
                pdfs.errors.append(f"GET /checklist.pdf in the burst: {response.status}")

    async def read_pages(cookies: dict, offset: int) -> None:
        step = offset
        while time.monotonic() < until:
            path = GUIDE_PAGES[step % len(GUIDE_PAGES)]
            step += 1
            try:
                await timed(pages, 200, port, "GET", path, cookies=cookies)
            except (TimeoutError, OSError, ValueError, IndexError):
                await asyncio.sleep(0.05)

    await asyncio.gather(
        *(ask_for_pdfs(cookies) for cookies in pdf_people),
        *(read_pages(cookies, n * 3) for n, cookies in enumerate(page_people)),
    )
    pdfs.ended = pages.ended = time.perf_counter()
    return pdfs, pages, refused


# ---------------------------------------------------------------- page weight


async def page_weights(port: int) -> list[tuple[str, int, int, int, int]]:
    """(page, HTML bytes, CSS bytes, JS bytes, gzip bytes of all three) for each page."""
    rows = []
    assets: dict[str, bytes] = {}
    cookies: dict[str, str] = {}
    stats = Stats()
    for path in PAGES:
        html = (await timed(stats, 200, port, "GET", path, cookies=cookies)).body
        text = html.decode()
        css_links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', text)
        js_links = re.findall(r'<script src="([^"]+)"', text)
        sizes = {"css": 0, "js": 0}
        zipped = len(gzip.compress(html))
        for kind, links in (("css", css_links), ("js", js_links)):
            for link in links:
                if link not in assets:
                    assets[link] = (await timed(stats, 200, port, "GET", link)).body
                sizes[kind] += len(assets[link])
                zipped += len(gzip.compress(assets[link]))
        rows.append((path, len(html), sizes["css"], sizes["js"], zipped))
    if stats.errors:
        raise SystemExit("Page weight: " + "; ".join(stats.errors))
    return rows


# ---------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_env(tmp: Path, port: int, render_slots: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "decisionaid.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        # Plain HTTP on loopback: no proxy in front to terminate TLS.
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "HOST": HOST,
        "PORT": str(port),
        "WEB_CONCURRENCY": WORKERS,
        # The PDFs measure rendering: the rate limit must not step in (no PDF is ever cached).
        "PDF_RATE_LIMIT": "1000000/m",
        # Workers are not recycled during the run, so a leak would show in their memory.
        "GUNICORN_MAX_REQUESTS": "0",
        "GUNICORN_LOG_LEVEL": "warning",
        # Its own lock folder, so a server of `make serve` on this checkout shares no slots.
        "PDF_RENDER_LOCK_DIR": str(tmp / "render-slots"),
    }
    env.pop("PDF_RENDER_SLOTS", None)
    if render_slots is not None:
        env["PDF_RENDER_SLOTS"] = render_slots
    return env


def start_server(
    tmp: Path, port: int, *, render_slots: str | None = None, prepare: bool = True
) -> subprocess.Popen:
    env = server_env(tmp, port, render_slots)
    if prepare:
        prepared = subprocess.run(
            [sys.executable, "-c", PREPARE], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if prepared.returncode:
            raise SystemExit(f"Preparing the database and static files failed:\n{prepared.stderr}")
    command = [sys.executable, "-m", "gunicorn", "decisionaid.wsgi:application"]
    command += ["-c", "gunicorn.conf.py", "--bind", f"{HOST}:{port}"]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=(tmp / "access.log").open("a"),
        stderr=(tmp / "errors.log").open("a"),
    )


async def wait_until_up(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited before it answered")
        try:
            if (await request(port, "GET", "/healthz")).status == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit("gunicorn did not answer within 60 s")
        await asyncio.sleep(0.2)


def stop_server(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# ---------------------------------------------------------------- report


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def machine() -> str:
    try:
        name = platform.freedesktop_os_release().get("PRETTY_NAME", platform.system())
    except OSError:
        name = platform.system()
    return f"{os.cpu_count()} cores, {name}, Python {platform.python_version()}"


def print_stats(label: str, stats: Stats) -> None:
    print(
        f"{label:28} {len(stats.latencies):7} req {stats.rate():8.1f} req/s   "
        f"p50 {stats.percentile(50):6.1f} ms  p95 {stats.percentile(95):6.1f} ms  "
        f"p99 {stats.percentile(99):6.1f} ms   errors {len(stats.errors)}"
    )


def load() -> str:
    return f"load average {os.getloadavg()[0]:.2f}"


async def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="decisionaid-loadtest-"))
    port = free_port()
    print(f"Machine: {machine()}; gunicorn with {WORKERS} sync workers on {HOST}:{port}")
    print(f"At the start: {load()} (other work on the machine slows every figure)")
    process = start_server(tmp, port)
    health = guide = pdfs = burst_pdfs = burst_pages = Stats()
    page_stats: list[PageRounds] = []
    try:
        await wait_until_up(port, process)
        weights = await page_weights(port)
        print("\nPage weight (bytes as served, uncompressed; the font is not counted)")
        print(f"{'page':24} {'HTML':>8} {'CSS':>8} {'JS':>7} {'total':>8} {'gzip':>7}")
        heaviest = max_js = 0
        for path, html, css, js, zipped in weights:
            total = html + css + js
            heaviest, max_js = max(heaviest, total), max(max_js, js)
            print(f"{path:24} {html:8} {css:8} {js:7} {total:8} {zipped:7}")
        print(
            f"Heaviest page {heaviest / 1024:.1f} KB (target <= {TARGET_PAGE_KB} KB: "
            f"{verdict(heaviest <= TARGET_PAGE_KB * 1024)}); most JS {max_js / 1024:.1f} KB "
            f"(target <= {TARGET_JS_KB} KB: {verdict(max_js <= TARGET_JS_KB * 1024)})"
        )

        print(f"\nThroughput with {USERS} concurrent clients")
        health = await run_for(
            HEALTHZ_SECONDS,
            lambda stats, until, n: hammer(stats, port, "/healthz", until),
        )
        print_stats(f"/healthz ({HEALTHZ_SECONDS:.0f} s)", health)

        print(
            f"\nEach guide page, {PAGE_SECONDS:.0f} s, {USERS} clients, a typical person's answers,"
            f" in {PAGE_ROUNDS} rounds, each right after /healthz for as long"
        )
        page_stats = await page_rates(port, process.pid)
        for row in page_stats:
            stats, paired, ratio = row.page(), row.health(), row.ratio()
            print_stats(row.path, stats)
            print(
                f"{'':28} {ratio:.2f} x /healthz just before, the median of "
                f"{', '.join(f'{r:.2f}' for r in row.ratios())} ({paired.rate():.0f} req/s; "
                f"{stats.rate() / max(health.rate(), 1e-9):.2f} x the first)"
                f"   target >= {TARGET_PAGE_RATIO} x: {verdict(ratio >= TARGET_PAGE_RATIO)}"
            )
            print(
                f"{'':28} server CPU {stats.cpu_ms:.2f} ms a request against {paired.cpu_ms:.2f} "
                f"for /healthz: {paired.cpu_ms / max(stats.cpu_ms, 1e-9):.2f} x"
            )

        guide = await run_for(
            SECONDS, lambda stats, until, n: keep_visiting(stats, port, until, seed=n)
        )
        print()
        print_stats(f"Guide + checklist ({SECONDS:.0f} s)", guide)
        ratio = guide.rate() / max(health.rate(), 1e-9)
        print(
            f"Whole visits / /healthz: {ratio:.2f} x (target >= {TARGET_RATIO} x: "
            f"{verdict(ratio >= TARGET_RATIO)}); {guide.rate():.0f} req/s "
            f"(target >= {TARGET_RPS}: {verdict(guide.rate() >= TARGET_RPS)})"
        )

        print(
            f"\nPDF burst: {BURST_PDF_CLIENTS} clients ask for uncached PDFs nonstop while "
            f"{BURST_PAGE_CLIENTS} read guide pages, {BURST_SECONDS:.0f} s, render cap as deployed"
        )
        print(
            "After a 503 a PDF client asks again at once"
            if BURST_IGNORE_RETRY_AFTER
            else "After a 503 a PDF client waits its Retry-After, as the busy page asks a person to"
        )
        burst_pdfs, burst_pages, refused = await pdf_burst_with_pages(port)
        print(
            f"PDFs rendered {len(burst_pdfs.latencies)}, answered 503 + Retry-After {refused}, "
            f"failed {len(burst_pdfs.errors)}"
        )
        print_stats("Guide pages during the burst", burst_pages)
        p95 = burst_pages.percentile(95)
        print(
            f"Page p95 under the burst: {p95:.1f} ms (target <= {TARGET_BURST_P95_MS} ms, none "
            f"failing: {verdict(p95 <= TARGET_BURST_P95_MS and not burst_pages.errors)}); "
            f"{load()}"
        )
    finally:
        stop_server(process)

    print(f"\nPDFs per second: the render cap at one per worker ({WORKERS}), every PDF uncached")
    process = start_server(tmp, port, render_slots=WORKERS, prepare=False)
    try:
        await wait_until_up(port, process)
        print(f"{PDF_RENDERS} renders, {PDF_CONCURRENCY} at a time")
        pdfs, early, late = await pdf_throughput(port, process.pid)
        print_stats("Checklist PDF", pdfs)
        print(
            f"PDFs per second: {pdfs.rate():.1f} (target >= {TARGET_PDFS}: "
            f"{verdict(pdfs.rate() >= TARGET_PDFS)}); {load()}"
        )
        growth = late[1] / early[1] - 1 if early and early[1] else float("nan")
        print(
            f"Largest worker RSS after {PDF_EARLY} renders: {early[0]:.0f} MB (peak {early[1]:.0f} "
            f"MB); after {PDF_RENDERS}: {late[0]:.0f} MB (peak {late[1]:.0f} MB)"
        )
        print(
            f"Peak memory growth from {PDF_EARLY} to {PDF_RENDERS} renders: {growth:+.1%} "
            f"(target within {TARGET_MEMORY_GROWTH:.0%}: "
            f"{verdict(abs(growth) <= TARGET_MEMORY_GROWTH)})"
        )
    finally:
        stop_server(process)
    tracebacks = (tmp / "errors.log").read_text().count("Traceback")
    errors = [*health.errors, *guide.errors, *pdfs.errors, *burst_pdfs.errors]
    errors += burst_pages.errors
    for row in page_stats:
        errors += [*row.page().errors, *row.health().errors]
    print(f"\nErrors: {len(errors)} failed requests, {tracebacks} tracebacks in the server log")
    for line in sorted(set(errors))[:20]:
        print("  " + line)
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if errors or tracebacks else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
