"""The production path: gunicorn with DEBUG off serves pages and fingerprinted static files."""

import gzip
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# What `make serve` runs before gunicorn, in one process to pay Django's start-up only once.
PREPARE = """
import django
from django.core.management import call_command
django.setup()
call_command("collectstatic", interactive=False, verbosity=0)
call_command("migrate", interactive=False, verbosity=0)
call_command("load_content", verbosity=0)
"""


def prepare(env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PREPARE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def fetch(url: str, **headers: str):
    # The proxy in front says the request came over TLS; otherwise production redirects to https.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn as `make serve` runs it, on its own database, static root and loopback port."""
    tmp = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")},
        "DJANGO_SETTINGS_MODULE": "decisionaid.settings",
        "DEBUG": "0",
        "SECRET_KEY": "serve-test-" + "k" * 50,
        "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp / "static"),
        "WEB_CONCURRENCY": "1",
        "HOST": "127.0.0.1",
        "PORT": str(port),
    }
    prepare(env)

    log = (tmp / "access.log").open("w+")
    errors = (tmp / "errors.log").open("w+")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "decisionaid.wsgi:application",
            "-c",
            "gunicorn.conf.py",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=errors,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert process.poll() is None, f"gunicorn exited: {(tmp / 'errors.log').read_text()}"
            try:
                fetch(base + "/healthz")
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "gunicorn did not answer in time"
                time.sleep(0.2)
        yield {
            "base": base,
            "static_root": tmp / "static",
            "log": log,
            "errors": tmp / "errors.log",
        }
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        errors.close()


def test_gunicorn_serves_the_landing_page_with_production_security_headers(server):
    status, headers, body = fetch(server["base"] + "/")
    assert status == 200
    assert b"<main" in body
    assert "max-age=" in headers["Strict-Transport-Security"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]


def test_gunicorn_serves_the_health_check_from_the_database(server):
    status, _, body = fetch(server["base"] + "/healthz")
    data = json.loads(body)
    assert status == 200
    assert (data["status"], data["database"]) == ("ok", "ok")
    assert data["content_fingerprint"]


def test_each_worker_warms_up_then_keeps_the_collector_off_its_long_lived_objects(server):
    # decisionaid/lib/heap.py: a worker holds well over 100,000 objects once Django and WeasyPrint
    # are loaded; frozen, the collector's full passes during PDF renders no longer scan them.
    lines = [
        line
        for line in server["errors"].read_text().splitlines()
        if "Checklist PDF renderer warmed" in line
    ]
    assert lines, "the worker did not log its warm-up"
    frozen = int(lines[0].split("; ")[1].split()[0])
    assert frozen > 100_000


def test_plain_http_is_redirected_to_https(server):
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as caught:
        opener.open(server["base"] + "/", timeout=10)
    assert caught.value.code == 301
    assert caught.value.headers["Location"].startswith("https://")


def test_stylesheet_is_served_fingerprinted_compressed_and_cached_for_a_year(server):
    manifest = json.loads((server["static_root"] / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css" and hashed.startswith("css/site.")
    collected = (server["static_root"] / hashed).read_bytes()

    status, headers, body = fetch(
        server["base"] + "/static/" + hashed, **{"Accept-Encoding": "gzip"}
    )

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
    assert gzip.decompress(body) == collected


def test_access_log_goes_to_standard_output(server):
    fetch(server["base"] + "/healthz?access-log-check")
    time.sleep(0.3)
    server["log"].seek(0)
    assert '"GET /healthz?access-log-check HTTP/1.1" 200' in server["log"].read()


def test_access_log_shows_the_client_address_the_proxy_passed(server):
    fetch(server["base"] + "/healthz?real-ip-check", **{"X-Real-IP": "203.0.113.7"})
    time.sleep(0.3)
    server["log"].seek(0)
    lines = [line for line in server["log"] if "real-ip-check" in line]
    assert lines and lines[0].startswith("203.0.113.7 ")


def test_access_log_never_holds_a_take_home_token(server):
    from decisionaid.kiosk.takehome import make_token

    with override_settings(SECRET_KEY="serve-test-" + "k" * 50):
        token = make_token({"sure": {"sure": "yes"}})
    status, _, _ = fetch(
        server["base"] + f"/resume/{token}/?resume-mask-check",
        Referer=server["base"] + f"/resume/{token}/",
    )
    assert status == 200
    time.sleep(0.3)
    server["log"].seek(0)
    lines = [line for line in server["log"] if "resume-mask-check" in line]
    assert lines, "the request was not logged"
    assert token not in lines[0] and token[:20] not in lines[0]
    assert "/resume/[hidden]/?resume-mask-check" in lines[0]


def load_gunicorn_conf():
    spec = importlib.util.spec_from_file_location("gunicorn_conf", ROOT / "gunicorn.conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def remote_addr_seen(networks, peer: str, real_ip: str) -> str:
    conf = load_gunicorn_conf()
    seen = {}

    def app(environ, start_response):
        seen["addr"] = environ["REMOTE_ADDR"]
        return []

    wrapped = conf.RealClientAddress(app, conf.trusted_networks(networks))
    wrapped({"REMOTE_ADDR": peer, "HTTP_X_REAL_IP": real_ip}, None)
    return seen["addr"]


def test_real_ip_header_is_ignored_unless_a_trusted_proxy_sent_it():
    assert remote_addr_seen("127.0.0.1,::1", "127.0.0.1", "203.0.113.7") == "203.0.113.7"
    assert remote_addr_seen("127.0.0.1,::1", "::1", "2001:db8::5") == "2001:db8::5"
    assert remote_addr_seen("10.0.0.0/8", "10.1.2.3", "203.0.113.7") == "203.0.113.7"
    assert remote_addr_seen("127.0.0.1,::1", "198.51.100.9", "203.0.113.7") == "198.51.100.9"
    assert remote_addr_seen("127.0.0.1", "127.0.0.1", "not-an-address") == "127.0.0.1"
    assert remote_addr_seen("*", "198.51.100.9", "203.0.113.7") == "203.0.113.7"
