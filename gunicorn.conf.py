"""gunicorn settings for `make serve` and the systemd unit; values come from the environment."""

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
# Only the local reverse proxy may tell gunicorn the client's scheme and address.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# The access log goes to stdout and errors to stderr, for journald or the container runtime.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
preload_app = True
# gunicorn's control socket defaults to one path per user, which several instances on one host
# would fight over; it is off unless a path is given.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True


def post_fork(server, worker):
    """Render one checklist PDF in each new worker, so no visitor waits for a cold WeasyPrint."""
    from decisionaid.checklist.pdf import warm_up

    worker.log.info("Checklist PDF renderer warmed in %.2f s", warm_up())
