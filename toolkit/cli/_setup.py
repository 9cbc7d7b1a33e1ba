"""``toolkit setup``: fetch the optional NLTK data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``setup`` command."""
    p = sub.add_parser("setup", help="download the NLTK data the toolkit uses")
    p.add_argument("--dir", help="where to put it (default: $NLTK_DATA or ~/nltk_data)")
    p.set_defaults(func=_cmd_setup)


def _cmd_setup(args: argparse.Namespace) -> int:
    from toolkit.lang import nltk_data

    status = nltk_data.setup(args.dir)
    target = Path(args.dir) if args.dir else nltk_data.default_download_dir()
    for package, state in status.items():
        print(f"{package:34} {state}")
    failed = [p for p, s in status.items() if s == "failed"]
    print(f"NLTK data folder: {target}")
    if failed:
        print(
            f"could not download {', '.join(failed)} (no network?). The toolkit still works with "
            "its fallbacks; see 'Without NLTK data' in the docs.",
            file=sys.stderr,
        )
        return 1
    return 0
