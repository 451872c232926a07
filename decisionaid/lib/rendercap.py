"""A host-wide cap on concurrent PDF renders, so a burst of PDFs leaves a worker for pages."""

import contextlib
import errno
import fcntl
import functools
import hashlib
import logging
import os
import socket
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

from . import sharedcache

logger = logging.getLogger(__name__)

# A slot held in the shared cache is freed by its lease if the worker holding it dies; it must
# outlast the longest render gunicorn allows (GUNICORN_TIMEOUT, 30 s by default).
CACHE_LEASE_SECONDS = 60
REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"


def backend() -> str:
    """'cache' or 'file': how this host's workers agree on who holds a render slot."""
    chosen = settings.PDF_RENDER_CAP_BACKEND
    if chosen == "auto":
        return "cache" if settings.CACHES["default"]["BACKEND"] == REDIS_BACKEND else "file"
    if chosen not in ("cache", "file"):
        raise ValueError(f"PDF_RENDER_CAP_BACKEND must be auto, cache or file, not {chosen!r}")
    return chosen


def lock_dir() -> Path:
    """One folder per checkout, so two instances of the same app on a host share their slots."""
    if settings.PDF_RENDER_LOCK_DIR:
        return Path(settings.PDF_RENDER_LOCK_DIR)
    tag = hashlib.sha256(str(settings.BASE_DIR).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"decisionaid-render-{os.getuid()}-{tag}"


@contextlib.contextmanager
def _file_slot(slots: int) -> Iterator[bool]:
    # flock() locks belong to the open file, so the kernel frees a slot when its worker dies.
    folder = lock_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for number in range(slots):
        fd = os.open(folder / f"slot-{number}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                continue
            raise
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        return
    yield False


@contextlib.contextmanager
def _cache_slot(slots: int) -> Iterator[bool]:
    token = uuid.uuid4().hex
    host = socket.gethostname()
    for number in range(slots):
        key = f"render-slot:{host}:{number}"
        if cache.add(key, token, timeout=CACHE_LEASE_SECONDS):
            try:
                yield True
            finally:
                # Only free our own slot: after a lease ran out another worker may hold it.
                try:
                    if cache.get(key) == token:
                        cache.delete(key)
                except Exception:
                    logger.exception("Could not free a PDF render slot; its lease frees it.")
            return
    yield False


@contextlib.contextmanager
def render_slot() -> Iterator[bool]:
    """Hold one of the host's PDF_RENDER_SLOTS for the block; yields False when all are taken.

    If the shared cache cannot be reached, the host's lock files keep the cap. If no way of
    holding a slot works at all, it yields True and logs: a broken cap must not make every PDF
    fail.
    """
    slots = settings.PDF_RENDER_SLOTS
    with contextlib.ExitStack() as stack:
        got = None
        try:
            if backend() == "cache":
                with sharedcache.guarded():
                    got = stack.enter_context(_cache_slot(slots))
            else:
                got = stack.enter_context(_file_slot(slots))
        except sharedcache.Unreachable as error:
            if error.__cause__ is not None:
                logger.exception("The render cap's cache cannot be reached; using lock files.")
            got = _slot_or_none(stack, _file_slot(slots))
        except Exception:
            logger.exception("The PDF render cap is not working; rendering without it.")
        yield True if got is None else got


def _slot_or_none(
    stack: contextlib.ExitStack, slot: contextlib.AbstractContextManager[bool]
) -> bool | None:
    try:
        return stack.enter_context(slot)
    except Exception:
        logger.exception("The PDF render cap is not working; rendering without it.")
        return None


def render_capped(
    busy: Callable[[HttpRequest], HttpResponse],
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Run the view only while a render slot is free on this host; else answer `busy` (its page
    should say to try again in a few seconds), as a 503 with Retry-After."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            with render_slot() as got:
                if not got:
                    response = busy(request)
                    response.status_code = 503
                    response["Retry-After"] = str(settings.PDF_RENDER_RETRY_AFTER)
                    return response
                return view(request, *args, **kwargs)

        return wrapped

    return decorator
