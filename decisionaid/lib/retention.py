"""How long the guide keeps anything about a person, from the settings that decide it.

Patient-facing text names these durations as {placeholders} (for example "{home_idle}"), filled
in from here when a page is drawn, so /about/ can never disagree with what the server does.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.utils.text import get_text_list
from django.utils.translation import get_language, gettext, ngettext

from .ratelimit import parse_rate

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def kiosk_idle_limit_seconds() -> int:
    """The kiosk page warns after KIOSK_IDLE_SECONDS; the server allows the warning on top."""
    return settings.KIOSK_IDLE_SECONDS + settings.KIOSK_WARNING_SECONDS


def _unit(size: int, count: int) -> str:
    if size == 86400:
        return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}
    if size == 3600:
        return ngettext("%(count)d hour", "%(count)d hours", count) % {"count": count}
    if size == 60:
        return ngettext("%(count)d minute", "%(count)d minutes", count) % {"count": count}
    return ngettext("%(count)d second", "%(count)d seconds", count) % {"count": count}


def in_words(seconds: int) -> str:
    """7200 -> '2 hours'; 150 -> '2 minutes and 30 seconds', in the active language."""
    parts = []
    for size in (86400, 3600, 60, 1):
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(_unit(size, count))
    if not parts:
        return _unit(1, 0)
    return str(get_text_list(parts, gettext("and")))


def durations() -> dict[str, str]:
    return dict(
        _durations(
            get_language(),
            settings.SESSION_COOKIE_AGE,
            kiosk_idle_limit_seconds(),
            settings.SESSION_PURGE_SECONDS,
            settings.TAKE_HOME_MAX_AGE_SECONDS,
            parse_rate(settings.PDF_RATE_LIMIT)[1],
        )
    )


# Keyed by the language and the settings' values, so a changed setting is never served stale;
# a page fills half a dozen passages, and writing five durations out each time added up.
@lru_cache(maxsize=64)
def _durations(
    language: str | None, home: int, kiosk: int, purge: int, take_home: int, rate: int
) -> tuple[tuple[str, str], ...]:
    return (
        ("home_idle", in_words(home)),
        ("kiosk_idle", in_words(kiosk)),
        ("purge_every", in_words(purge)),
        ("take_home_age", in_words(take_home)),
        ("rate_window", in_words(rate)),
    )


def fill(text: str) -> str:
    """Text with each known {placeholder} replaced; anything else is left as written."""
    values = durations()
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)
