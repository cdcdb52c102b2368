"""Ask, Don't Tell from a checkout: start the desktop app, or run a command (see --help)."""

import sys

from ask_dont_tell.app import main

if __name__ == "__main__":
    sys.exit(main(prog="main.py"))
