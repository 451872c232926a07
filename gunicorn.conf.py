"""gunicorn settings for `make serve`; every value can be overridden from the environment."""

import os

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
accesslog = "-"
errorlog = "-"
preload_app = True


def post_fork(server, worker):
    """Render one checklist PDF in each new worker, so no visitor waits for a cold WeasyPrint."""
    from decisionaid.checklist.pdf import warm_up

    worker.log.info("Checklist PDF renderer warmed in %.2f s", warm_up())
