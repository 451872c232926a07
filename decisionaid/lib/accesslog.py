"""gunicorn's access log with take-home tokens masked, so a log never holds a way in."""

import re

from gunicorn.glogging import Logger

# /resume/<token>/ carries a person's encrypted choices; whoever has the link can open them.
TOKEN_IN_PATH = re.compile(r"(/resume/)[^/\s?\"]+")
MASK = r"\1[hidden]"


def mask(text: str) -> str:
    return TOKEN_IN_PATH.sub(MASK, text)


class MaskedLogger(Logger):
    def atoms(self, resp, req, environ, request_time) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: mask(value) if isinstance(value, str) else value for key, value in atoms.items()
        }
