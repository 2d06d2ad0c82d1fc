"""Capture the demo's last meeting in a real terminal, paced like a person, and time it.

Runs `leverage --demo` in a detached tmux session (100x30, today fixed at 2026-11-23),
sends the keys a new user would press on the Capture screen (c on Today, who (taking the
names the field suggests), when, how, the summary, two promises, the asks, the
counteroffer, Save, the name to sign with), then copies the recap and marks it sent, and
prints how long the capture took until saved, and with the name and the recap. The screen is
checked at each step (the step's title must show before the keys go in).

The pace is a model, set in the environment (defaults: a 40 words-a-minute typist who
reads each field and each new step):

    CHAR=0.30 THINK=2.0 STEP=4.0 ACCEPT=0.8 CHOOSE=1.5 python bench/capture_in_tmux.py

CHAR seconds per character typed; THINK before typing into a field; STEP reading a new
step; ACCEPT before Enter on a default that is right; CHOOSE before a one-key choice.
Needs tmux. Nothing outside a new private temporary folder is touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SESSION = "leverage-capture-run"
CHAR = float(os.environ.get("CHAR", "0.30"))
THINK = float(os.environ.get("THINK", "2.0"))
STEP = float(os.environ.get("STEP", "4.0"))
ACCEPT = float(os.environ.get("ACCEPT", "0.8"))
CHOOSE = float(os.environ.get("CHOOSE", "1.5"))
ROOT = Path(__file__).resolve().parent.parent
LEVERAGE = ROOT / ".venv" / "bin" / "leverage"

# (what the person does, the argument): type TEXT, accept (Enter on a right default),
# next (Enter after typing), choose KEY, step WORDS (wait until WORDS show, then read),
# complete (take the name the field suggests: the right arrow), saved (the capture is
# saved: the time so far is the capture's own; the name to sign with and the recap follow)
SCRIPT: list[tuple[str, str]] = [
    ("key", "c"),
    ("step", "who was there"),
    ("type", "Ma"),
    ("complete", ""),  # the name suggested, taken with the right arrow
    ("type", ", Ro"),
    ("complete", ""),
    ("next", ""),
    ("accept", ""),  # when: today
    ("choose", "c"),  # how: a call
    ("type", "Verbal counteroffer: Lead Designer title and a raise"),
    ("next", ""),
    ("step", "Promise #1"),
    ("type", "Title change to Lead Designer, announced to the team"),
    ("next", ""),
    ("type", "Ro"),  # by: Maya is filled in; Robert is suggested
    ("complete", ""),
    ("next", ""),
    ("type", "in 2 weeks"),
    ("next", ""),
    ("accept", ""),  # form: verbal
    ("choose", "t"),  # about: title
    ("step", "Promise #2"),
    ("type", "Lead the Q1 planning, announced at the all-hands"),
    ("next", ""),
    ("accept", ""),  # by: Maya
    ("accept", ""),  # no date
    ("accept", ""),  # verbal
    ("choose", "l"),  # leadership
    ("accept", ""),  # empty words: done
    ("step", "Which of your asks"),
    ("choose", "2"),  # a1 answered by promise 2
    ("choose", "r"),  # a2 raised
    ("accept", ""),  # a3 not raised
    ("step", "Offer"),
    ("choose", "a"),  # a new counteroffer
    ("accept", ""),
    ("accept", ""),  # the company: the current job's
    ("type", "Lead Designer"),
    ("next", ""),
    ("type", "135k"),
    ("next", ""),
    ("type", "8k"),
    ("next", ""),
    ("type", "in 6 days"),
    ("next", ""),
    ("accept", ""),
    ("type", "Title change as soon as the reorg settles"),
    ("next", ""),
    ("step", "saves it all"),
    ("key", "C-s"),
    ("saved", ""),
    ("step", "sign"),
    ("type", "Alex Kim"),
    ("next", ""),
    ("step", "Recap"),
    ("key", "C-o"),  # copy
    ("key", "C-r"),  # mark sent
]


def tmux(*args: str) -> str:
    """Run one tmux command; its output."""
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def screen() -> str:
    """The terminal as text."""
    return tmux("capture-pane", "-p", "-t", SESSION)


def wait_for(words: str, limit: float = 20.0) -> float:
    """Wait until `words` show (case ignored); how long it took."""
    start = time.monotonic()
    while words.casefold() not in screen().casefold():
        if time.monotonic() - start > limit:
            raise SystemExit(f"'{words}' never showed:\n{screen()}")
        time.sleep(0.05)
    return time.monotonic() - start


def main() -> int:
    """Run the capture; print the figures."""
    if shutil.which("tmux") is None:
        print("tmux is needed", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="leverage-capture-"))
    env = f"LEVERAGE_TODAY=2026-11-23 LEVERAGE_CONFIG_DIR={folder}/config "
    env += f"LEVERAGE_DATA_DIR={folder}/data"
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    tmux("new-session", "-d", "-s", SESSION, "-x", "100", "-y", "30", f"{env} {LEVERAGE} --demo")
    try:
        wait_for("Track record")
        start = time.monotonic()
        waited = saved = 0.0
        for action, arg in SCRIPT:
            if action == "step":
                waited += wait_for(arg)
                time.sleep(STEP)
            elif action == "type":
                time.sleep(THINK)
                for ch in arg:
                    tmux("send-keys", "-t", SESSION, "-l", ch)
                    time.sleep(CHAR)
            elif action == "next":
                tmux("send-keys", "-t", SESSION, "Enter")
            elif action == "accept":
                time.sleep(ACCEPT)
                tmux("send-keys", "-t", SESSION, "Enter")
            elif action == "complete":
                time.sleep(ACCEPT)
                tmux("send-keys", "-t", SESSION, "Right")
            elif action == "saved":
                saved = time.monotonic() - start
            elif action == "choose":
                time.sleep(CHOOSE)
                tmux("send-keys", "-t", SESSION, "-l", arg)
            else:
                tmux("send-keys", "-t", SESSION, arg)
                time.sleep(0.3)
        waited += wait_for("sent")
        total = time.monotonic() - start
        print(f"capture_saved_seconds: {saved:.1f}")
        print(f"with_name_and_recap_seconds: {total:.1f}")
        print(f"waiting_on_the_app_seconds: {waited:.1f}")
        print(f"pace: CHAR={CHAR} THINK={THINK} STEP={STEP} ACCEPT={ACCEPT} CHOOSE={CHOOSE}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
