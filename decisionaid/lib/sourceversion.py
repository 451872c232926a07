"""A short hash of the files a page's HTML is made from: templates, translations and the code.

Rendered fragments (a step's intro, the list of steps, the footer, step forms) are cached under
keys that follow the content and the person's picked answers. With a cache shared by several hosts
(Redis), a deploy that changes a template, a translation or the code that fills them in would
otherwise serve the old markup until the entries expired. settings.py puts this hash in the
fragment cache's key prefix, so each release of the code has keys of its own; hosts running the
same code still share them.
"""

import hashlib
from pathlib import Path

# What rendered HTML can depend on; compiled files (.pyc, .mo) follow from these.
SOURCE_SUFFIXES = {".html", ".py", ".po", ".txt", ".svg"}
SOURCE_FOLDERS = ("templates", "decisionaid", "locale")


def source_version(base: Path) -> str:
    """12 hex digits that change whenever a template, translation or module under base does."""
    digest = hashlib.sha256()
    for folder in SOURCE_FOLDERS:
        root = base / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix not in SOURCE_SUFFIXES or "__pycache__" in path.parts:
                continue
            if path.is_file():
                digest.update(path.relative_to(base).as_posix().encode())
                digest.update(b"\0")
                digest.update(path.read_bytes())
                digest.update(b"\0")
    return digest.hexdigest()[:12]
