"""Run one measured case of a benchmark script in a fresh Python process, so that each case's
peak memory and CPU time are its own: ``python SCRIPT --run-one SPEC`` with this checkout
first on ``PYTHONPATH``. The child prints its result as JSON on its last line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def in_child(script: str, spec: dict) -> list[str]:
    """The lines ``script --run-one SPEC`` printed; exits with its stderr if it failed."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(
        [sys.executable, script, "--run-one", json.dumps(spec)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"run {spec} failed:\n{done.stderr[-3000:]}")
    return done.stdout.strip().splitlines()
