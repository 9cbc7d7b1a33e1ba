"""Evaluation against gold data. Kept apart from the code it measures.

Each module reads a gold file, runs the toolkit on its texts and returns plain scores; the
``toolkit eval`` command prints them.
"""

from toolkit.evaluation.scoring import PRF, prf

__all__ = ["PRF", "prf"]
