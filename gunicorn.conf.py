"""gunicorn settings for `make serve` and the systemd unit; values come from the environment."""

import ipaddress
import os

# HOST and PORT are what `make serve` binds; the command line's --bind wins over this.
bind = [f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"]
# Sync workers: each request (a page or a PDF render) is CPU-bound, so scale with processes.
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Only the reverse proxy (by default on this host) may tell us the client's scheme and address.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# The access log goes to stdout and errors to stderr, for journald or the container runtime.
accesslog = "-"
errorlog = "-"
# Take-home links (/resume/<token>/) are masked in the request line and the Referer.
logger_class = "decisionaid.lib.accesslog.MaskedLogger"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
preload_app = True
# gunicorn's control socket defaults to one path per user, which several instances on one host
# would fight over; it is off unless a path is given.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True


def pre_fork(server, worker):
    """Freeze the preloaded app's objects in the master, so its workers share their memory."""
    from decisionaid.lib.heap import settle_heap

    settle_heap()


def post_fork(server, worker):
    """Render one checklist PDF in each new worker, so no visitor waits for a cold WeasyPrint,
    then keep the garbage collector off everything the worker now holds (decisionaid/lib/heap.py).
    """
    from django.db import connections

    from decisionaid.checklist.warmup import prepare_worker

    seconds, frozen = prepare_worker()
    worker.log.info(
        "Checklist PDF renderer warmed in %.2f s; %d long-lived objects frozen", seconds, frozen
    )
    # Requests open their own connections; the one the warm-up used is not kept.
    connections.close_all()


def trusted_networks(spec: str | list[str]) -> list | None:
    """forwarded_allow_ips as networks; None means '*', trust every peer."""
    parts = spec.split(",") if isinstance(spec, str) else spec
    items = [item.strip() for item in parts if item.strip()]
    if "*" in items:
        return None
    return [ipaddress.ip_network(item, strict=False) for item in items]


class RealClientAddress:
    """Set REMOTE_ADDR from the proxy's X-Real-IP header, only when a trusted proxy sent it.

    Behind nginx every request reaches gunicorn from the proxy's address, so the access log and
    the PDF rate limit (keyed on REMOTE_ADDR) would see one client. gunicorn does not rewrite
    REMOTE_ADDR itself; nginx sets X-Real-IP to the address it saw (see docs/deploy.md).
    """

    def __init__(self, app, networks) -> None:
        self.app = app
        self.networks = networks

    def trusts(self, peer: str) -> bool:
        if self.networks is None:
            return True
        try:
            address = ipaddress.ip_address(peer)
        except ValueError:
            return False
        return any(address in network for network in self.networks)

    def __call__(self, environ, start_response):
        real = environ.get("HTTP_X_REAL_IP", "").strip()
        if real and self.trusts(environ.get("REMOTE_ADDR", "")):
            try:
                environ["REMOTE_ADDR"] = str(ipaddress.ip_address(real))
            except ValueError:
                pass  # a malformed header keeps the proxy's own address
        return self.app(environ, start_response)


def post_worker_init(worker):
    worker.wsgi = RealClientAddress(worker.wsgi, trusted_networks(worker.cfg.forwarded_allow_ips))
