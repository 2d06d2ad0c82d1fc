"""The pure core of Leverage: records, dates, flags, track record and storage.

Nothing in this package imports Textual; the command line and the TUI are two thin
faces on it (tests/unit/test_import_hygiene.py keeps it so).
"""
