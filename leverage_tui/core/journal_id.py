"""A journal's own id: what keeps the calendar events of two journals apart.

A new journal gets a random id in its header (`_leverage` "journal_id") at its first
save. A journal from before this id gets one on its next save too, derived from where
the file is (so the events a calendar received from it before that save keep their
UIDs). Until then `journal_id` derives the same value.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

KEY = "journal_id"
"""The header field that holds the id."""


def new_journal_id() -> str:
    """A fresh random id: 16 hex digits."""
    return secrets.token_hex(8)


def derived_id(path: Path) -> str:
    """The id of a journal that has none yet: from its file's absolute path."""
    where = os.path.abspath(path).encode("utf-8", "surrogateescape")
    return hashlib.sha256(b"leverage journal " + where).hexdigest()[:16]


def journal_id(meta: Mapping[str, Any], path: Path) -> str:
    """The journal's id: the one in its header, else the one it will get (`derived_id`)."""
    said = meta.get(KEY)
    if isinstance(said, str) and said:
        return said
    return derived_id(path)
