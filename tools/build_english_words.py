"""Build toolkit/lang/data/english_words.txt.gz: the lower-case words of the Unix word list.

The actor finder asks "is this capitalised sentence opener an ordinary English word?"
("Shares rose", "Fighting spread"). Shipping the list makes the answer the same on every
machine, with or without NLTK data. Source: NLTK's ``words`` corpus, file ``en``, which is the
Unix ``web2`` list (Webster's Second International Dictionary, 1934), public domain according
to NLTK's data index. Entries that are not all lower case (names) are left out.

    NLTK_DATA=../shared/nltk_data python tools/build_english_words.py
"""

from __future__ import annotations

import gzip
from pathlib import Path

from toolkit.lang import nltk_data

HEADER = """\
# Lower-case English words, one a line: every all-lower-case entry of the Unix word list
# (web2, Webster's Second International Dictionary, 1934). Built by
# tools/build_english_words.py; used by the actor finder to tell ordinary words from names.
# Source: NLTK's `words` corpus (file `en`). Licence: public domain, according to NLTK's data
# index.
"""


def main() -> None:
    listed = nltk_data.read_bytes("corpora/words/en").decode("utf-8").split()
    words = sorted({w for w in listed if w.islower()})
    target = (
        Path(__file__).resolve().parent.parent
        / "toolkit"
        / "lang"
        / "data"
        / "english_words.txt.gz"
    )
    text = HEADER + "\n".join(words) + "\n"
    # mtime=0 keeps the file byte-identical from one build to the next.
    target.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{target}: {len(words):,} words, {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
