"""Ask, Don't Tell: start the desktop app, or run a command (see --help)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from trainer.cli import build_parser, run

    args = build_parser().parse_args(argv)
    if args.command is None:
        from ui.app import run_app

        return run_app(verbose=args.verbose)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
