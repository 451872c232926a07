"""How long the guide keeps anything about a person, from the settings that decide it.

Patient-facing text names these durations as {placeholders} (for example "{home_idle}"), filled
in from here when a page is drawn, so /about/ can never disagree with what the server does.
"""

import re

from django.conf import settings

from .ratelimit import parse_rate

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def kiosk_idle_limit_seconds() -> int:
    """The kiosk page warns after KIOSK_IDLE_SECONDS; the server allows the warning on top."""
    return settings.KIOSK_IDLE_SECONDS + settings.KIOSK_WARNING_SECONDS


def in_words(seconds: int) -> str:
    """7200 -> '2 hours'; 150 -> '2 minutes and 30 seconds'."""
    units = [("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1)]
    parts = []
    for name, size in units:
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count} {name}{'' if count == 1 else 's'}")
    if not parts:
        return "0 seconds"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def durations() -> dict[str, str]:
    return {
        "home_idle": in_words(settings.SESSION_COOKIE_AGE),
        "kiosk_idle": in_words(kiosk_idle_limit_seconds()),
        "purge_every": in_words(settings.SESSION_PURGE_SECONDS),
        "take_home_age": in_words(settings.TAKE_HOME_MAX_AGE_SECONDS),
        "rate_window": in_words(parse_rate(settings.PDF_RATE_LIMIT)[1]),
    }


def fill(text: str) -> str:
    """Text with each known {placeholder} replaced; anything else is left as written."""
    values = durations()
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)
