"""The journal as JSON bytes for saving, encoding again only what changed.

A ten-year journal holds about 30,000 documents (18 MB of JSON). Encoding all of them
on every save is what made saving slow, and a writer thread that spends tens of
milliseconds encoding keeps the interpreter's lock from the user interface.
So each big table is cut into runs of SEGMENT documents, and the bytes of each run are
kept: a run whose ids and documents are the very same objects as last time (compared
in C, by identity first) is not encoded again. After one change, one run is encoded.
"""

from __future__ import annotations

from typing import Any

import orjson

Data = dict[str, dict[str, Any]]
"""Journal data: table name -> {document id as text -> document}."""

SEGMENT = 256
"""Documents per run of a big table: small enough to encode in well under a millisecond."""


class Encoder:
    """Encodes journal data to exactly `orjson.dumps(data)`, keeping the bytes of runs.

    Tables whose names start with "_" (the header, changed in place) and tables of one
    run or less are encoded whole each time. Use an encoder from one thread at a time.
    """

    def __init__(self) -> None:
        """Nothing kept yet."""
        self._kept: dict[str, list[tuple[list[str], list[Any], bytes]]] = {}

    def parts(self, data: Data) -> list[bytes]:
        """`data` as JSON, in parts that join into exactly `orjson.dumps(data)`."""
        out = [b"{"]
        for n, (name, table) in enumerate(data.items()):
            out.append((b"," if n else b"") + orjson.dumps(name) + b":")
            if len(table) <= SEGMENT or name.startswith("_"):
                out.append(orjson.dumps(table))
                self._kept.pop(name, None)
            else:
                out.append(b"{")
                out.extend(self._runs(name, table))
                out.append(b"}")
        out.append(b"}")
        for name in [name for name in self._kept if name not in data]:
            del self._kept[name]
        return out

    def _runs(self, name: str, table: dict[str, Any]) -> list[bytes]:
        """The runs of a big table, comma-joined: kept bytes where nothing changed."""
        kept = self._kept.get(name, [])
        keys, docs = list(table), list(table.values())
        runs = []
        out: list[bytes] = []
        for n, start in enumerate(range(0, len(keys), SEGMENT)):
            run_keys, run_docs = keys[start : start + SEGMENT], docs[start : start + SEGMENT]
            old = kept[n] if n < len(kept) else None
            if old is not None and old[0] == run_keys and old[1] == run_docs:
                run = old
            else:
                encoded = orjson.dumps(dict(zip(run_keys, run_docs, strict=True)))
                run = (run_keys, run_docs, encoded[1:-1])
            runs.append(run)
            if n:
                out.append(b",")
            out.append(run[2])
        self._kept[name] = runs
        return out
