"""`python -m leverage_tui` runs the `leverage` command."""

from leverage_tui.cli import main

if __name__ == "__main__":
    main()
