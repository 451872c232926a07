"""Take it home: a link that carries a person's choices encrypted, with nothing stored.

The choices are compressed and then encrypted and authenticated with Fernet (AES-128-CBC and
HMAC-SHA256) under a key derived from SECRET_KEY, so the link reveals nothing to anyone who
sees it (a phone's history, a server log) without the server's key, and cannot be changed.
"""

import base64
import json
import time
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.urls import reverse
from django.utils.crypto import salted_hmac

PURPOSE = "decisionaid.kiosk.take-home"
# The choices a link may carry; free text the person typed never leaves the kiosk this way.
STEPS = ("situation", "costs", "values", "understanding", "questions", "sure")
FREE_TEXT = {"questions": ("own",)}
# A preset dictionary of the answers' keys and slugs makes the link about half as long, so its
# QR code stays easy to scan. A token names its dictionary by its first byte: never edit a
# dictionary that has been used, add the next version instead.
DICTIONARY_VERSION = 1
DICTIONARY_DIR = Path(__file__).resolve().parent


class TakeHomeError(Exception):
    """The link is not one we made, or it was changed."""


class TakeHomeExpired(TakeHomeError):
    """The link is genuine but older than TAKE_HOME_MAX_AGE_SECONDS."""


@cache
def dictionary(version: int) -> bytes:
    path = DICTIONARY_DIR / f"take_home_dictionary_v{version}.txt"
    return path.read_bytes().strip()


def fernet() -> Fernet:
    key = salted_hmac(PURPOSE, "fernet-key", algorithm="sha256").digest()
    return Fernet(base64.urlsafe_b64encode(key))


def choices_only(answers: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    kept = {}
    for step in STEPS:
        data = answers.get(step)
        if isinstance(data, dict) and data:
            kept[step] = {k: v for k, v in data.items() if k not in FREE_TEXT.get(step, ())}
    return kept


def _pack(choices: dict[str, dict[str, Any]]) -> bytes:
    compressor = zlib.compressobj(9, zdict=dictionary(DICTIONARY_VERSION))
    raw = json.dumps(choices, separators=(",", ":")).encode()
    return bytes([DICTIONARY_VERSION]) + compressor.compress(raw) + compressor.flush()


def _unpack(packed: bytes) -> Any:
    if not packed:
        raise TakeHomeError
    try:
        decompressor = zlib.decompressobj(zdict=dictionary(packed[0]))
        raw = decompressor.decompress(packed[1:], 64 * 1024)
        return json.loads(raw)
    except (OSError, zlib.error, ValueError) as error:
        raise TakeHomeError from error


def make_token(answers: dict[str, dict[str, Any]], *, now: float | None = None) -> str:
    token = fernet().encrypt_at_time(_pack(choices_only(answers)), int(now or time.time()))
    # The padding adds nothing a decoder needs and makes the QR code larger.
    return token.decode().rstrip("=")


def read_token(token: str, *, now: float | None = None) -> dict[str, dict[str, Any]]:
    padded = token + "=" * (-len(token) % 4)
    box = fernet()
    try:
        made_at = box.extract_timestamp(padded.encode())
        packed = box.decrypt(padded.encode())
    except (InvalidToken, UnicodeEncodeError, ValueError) as error:
        raise TakeHomeError from error
    if (now or time.time()) - made_at > settings.TAKE_HOME_MAX_AGE_SECONDS:
        raise TakeHomeExpired
    data = _unpack(packed)
    if not isinstance(data, dict):
        raise TakeHomeError
    return choices_only(data)


def take_home_url(answers: dict[str, dict[str, Any]]) -> str:
    path = reverse("kiosk:resume", kwargs={"token": make_token(answers)})
    return settings.PUBLIC_BASE_URL.rstrip("/") + path
