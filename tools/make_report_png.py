"""Make docs/report.png, the README's picture of a report, from the seed article.

    python tools/make_report_png.py        # needs chromium (Debian: apt-get install chromium)

Builds the seed article's report with `toolkit report`, folds the long tables away (statistics,
actor table, quotation table, readability) so that the picture shows the header, the actor
chart and the highlighted text, and screenshots it with headless Chromium. Only the seed
article, which ships with the project, is pictured.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_810c36b51088a32c.txt"
TARGET = ROOT / "docs" / "report.png"
FOLDED = (
    "h-statistics",
    "statistics",
    "h-quotes",
    "quotes",
    "h-readability",
    "readability",
)
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)


def main() -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("chromium not found (Debian: apt-get install chromium)")
    from PIL import Image

    from toolkit.reports import build_reports

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "reports"
        result = build_reports([SEED], out, progress=False)
        if result.failures:
            raise SystemExit(result.failures[0].error)
        page = out / f"{SEED.stem}.html"
        hide = ",".join(f'[id="cell-id={cell}"]' for cell in FOLDED)
        # The actor table is the second output of the actors cell: keep the chart only.
        hide += ',[id="cell-id=actors"] .jp-OutputArea-child:nth-child(2)'
        html = page.read_text(encoding="utf-8").replace(
            "</head>", f"<style>{hide}{{display:none !important}}</style></head>", 1
        )
        page.write_text(html, encoding="utf-8")
        shot = Path(tmp) / "shot.png"
        subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}",
             "--window-size=1000,2000", f"--screenshot={shot}", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        image = Image.open(shot).convert("RGB")
        # Trim the blank page below the last paragraph.
        rows = [
            y
            for y in range(image.height)
            if image.crop((0, y, image.width, y + 1)).getextrema()
            != ((255, 255), (255, 255), (255, 255))
        ]
        bottom = min(image.height, (rows[-1] if rows else image.height) + 24)
        image = image.crop((0, 0, image.width, bottom))
        image = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT)
        image.save(TARGET, optimize=True)
    print(f"wrote {TARGET} ({TARGET.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
