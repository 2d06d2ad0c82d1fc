"""Evidence that holds: `leverage attach`, `attachment` and `verify`.

- `attach ID FILE [--note TEXT]` keeps a copy of a file with a record (core/attachments.py)
  and prints the attachment's id (`f1`); `--json` the whole record.
- `attachment ATTACHMENT_ID -o FILE` writes the file back, byte for byte, checked against
  its SHA-256, through the safe writer (never onto the journal or its files).
- `verify [--against FINGERPRINT]` recomputes the hash chain (core/chain_verify.py) and
  checks every attached file: exit 0 and the fingerprint when all is intact, exit 1
  naming the first change or record that does not match.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..core import chain
from ..core.attachments import attach, check_copies, read_back
from ..core.chain_verify import against, normal_fingerprint, summary, verify
from ..core.visible import visible
from .common import Context, UsageError, print_json
from .files import write_output
from .records import command, counted, emit, short

SHOWN = 20
"""How many problems, or changes since a fingerprint, `verify` lists."""


def _attach(args: argparse.Namespace, ctx: Context) -> int:
    journal = ctx.journal()
    record = attach(
        journal,
        args.id,
        Path(args.file),
        note=" ".join(args.note or []),
        limit_mb=ctx.config.attachment_limit_mb,
    )
    return emit(args, record)


def _attachment(args: argparse.Namespace, ctx: Context) -> int:
    record, data = read_back(ctx.journal(), args.id)
    if args.output == "-":
        out = getattr(sys.stdout, "buffer", None)
        if out is None:  # a text-only stdout (captured): the bytes as they decode
            sys.stdout.write(data.decode("utf-8", "replace"))
        else:
            sys.stdout.flush()
            out.write(data)
            out.flush()
        return 0
    written = write_output(args.output, data, ctx)
    print(
        f"wrote {record.id} ({visible(short(record.name, 60))}, {record.size:,} bytes) to {written}"
    )
    return 0


def _verify(args: argparse.Namespace, ctx: Context) -> int:
    wanted = None
    if args.against is not None:
        try:
            wanted = normal_fingerprint(args.against)
        except ValueError as err:
            raise UsageError(str(err)) from None
    journal = ctx.journal()
    tables = journal.storage.read()
    verdict = verify(tables, journal.storage.meta)
    problems = verdict.problems + check_copies(journal.path, tables, journal.storage.codec)
    found, after = against(verdict, wanted) if wanted is not None else (None, [])
    if args.json:
        print_json(
            {
                "intact": not problems,
                "changes": verdict.changes,
                "since": verdict.since or None,
                "fingerprint": verdict.fingerprint or None,
                "started_with": verdict.started_with,
                "problems": problems,
                "outside": verdict.outside,
                "against": (
                    None
                    if wanted is None
                    else {"found": found is not None, "change": found, "changes_since": len(after)}
                ),
            }
        )
        return 0 if not problems and (wanted is None or found is not None) else 1
    for line in problems[:SHOWN]:
        print(f"not intact: {visible(line)}")
    if len(problems) > SHOWN:
        print(f"and {counted(len(problems) - SHOWN, 'more problems')}")
    if not problems:
        print(summary(verdict, empty=not any(chain.all_records(tables))))
    for line in verdict.outside:
        print(f"note: a record was found changed outside Leverage and recorded as such: {line}")
    if wanted is not None:
        if found is None:
            print(
                f"{args.against.strip()[:40]} is not a fingerprint this journal's chain passed "
                "through intact: the record then cannot be proved unchanged"
            )
            return 1
        entry = verdict.entries[found][1]
        which = f"change {found} of {verdict.changes}" if found else "the chain's start"
        print(
            f"{args.against.strip()[:40]} is {which} ({entry.on[:10]}): the record as it "
            f"stood then is unchanged since; {counted(len(after), 'change')} after it"
        )
        for _key, e in after[:SHOWN]:
            print(f"  {e.on[:10]}  {visible(short(e.change, 50))}  {e.record}")
        if len(after) > SHOWN:
            print(f"  and {len(after) - SHOWN} more")
    return 1 if problems else 0


def register(sub: Any) -> None:
    """Add attach, attachment and verify."""
    p = command(
        sub,
        "attach",
        "keep a copy of a file (an offer letter, a saved email) with a record; prints its id",
        [
            'leverage attach o1 offer-letter.pdf --note "signed offer"',
            "leverage attach p3 'Re: Q3 lead.eml'",
        ],
        _attach,
    )
    p.add_argument("id", metavar="ID", help="the record: p3, o1, c2, ...")
    p.add_argument("file", metavar="FILE", help="the file to keep a copy of")
    p.add_argument("--note", nargs="+", metavar="TEXT", help="what it is, in a line")
    p.add_argument("--json", action="store_true", help="print the whole record")

    p = command(
        sub,
        "attachment",
        "write an attached file back, byte for byte (checked against its SHA-256)",
        ["leverage attachment f1 -o offer-letter.pdf", "leverage attachment f2 -o - | less"],
        _attachment,
    )
    p.add_argument("id", metavar="ATTACHMENT_ID", help="f1, f2, ... (leverage list attachments)")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="where (- for stdout)")

    p = command(
        sub,
        "verify",
        "prove the journal unchanged outside Leverage: the hash chain, every record and file",
        ["leverage verify", "leverage verify --against ABCD-EFGH-IJKL-MNOP"],
        _verify,
    )
    p.add_argument(
        "--against",
        metavar="FINGERPRINT",
        help="a fingerprint taken earlier: prove the record then unchanged since",
    )
    p.add_argument("--json", action="store_true", help="the result as JSON")
    p.epilog = (p.epilog or "") + (
        "\n\nAnchor the fingerprint: email it to yourself or to a friend you trust. The dated"
        "\nmessage proves that nothing recorded before it was altered later."
    )
