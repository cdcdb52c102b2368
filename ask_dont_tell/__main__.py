"""``python -m ask_dont_tell``: the same as the ``ask-dont-tell`` command."""

import sys

from ask_dont_tell.app import main

if __name__ == "__main__":
    sys.exit(main(prog="ask-dont-tell"))
