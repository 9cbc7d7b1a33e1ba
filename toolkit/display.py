"""HTML and charts for one analysed article: what the report notebook and JupyterLab show.

Everything taken from the article (text, names, titles, quotations) is escaped with
:func:`html.escape`: an article containing ``<script>`` shows the characters, never runs them.

>>> from toolkit import analyze                                  # doctest: +SKIP
>>> result = analyze('"We are ready," said Anna Keller.')        # doctest: +SKIP
>>> html = analysis_html(result)     # what JupyterLab shows for `result`  # doctest: +SKIP
>>> fig = actor_chart(result)        # a matplotlib Figure                 # doctest: +SKIP

The pieces (:func:`header_html`, :func:`stats_table_html`, :func:`readability_table_html`,
:func:`diversity_table_html`, :func:`article_html`, :func:`quotes_table_html`,
:func:`actors_table_html`) each return a self-contained fragment with its own ``<style>``.
"""

from __future__ import annotations

import bisect
import io
import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any, Protocol

from toolkit.actors import count_actors

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from toolkit.actors import Actor
    from toolkit.article import Article
    from toolkit.quotes import Quote
    from toolkit.text.stats import TextStats

__all__ = [
    "KIND_COLOURS",
    "OTHER_KIND_COLOUR",
    "ROW_LIMIT",
    "SPEAKER_COLOURS",
    "TEXT_LIMIT",
    "TITLE_LIMIT",
    "Analysed",
    "PngImage",
    "SvgImage",
    "actor_chart",
    "actors_table_html",
    "analysis_html",
    "article_html",
    "as_png",
    "as_svg",
    "diversity_table_html",
    "header_html",
    "quotes_table_html",
    "readability_table_html",
    "speaker_as_written",
    "speaker_of",
    "speakers_table_html",
    "stats_table_html",
    "top_actors",
]

#: Colours for speakers (quotations and their speaker's name share one); colour-blind safe.
SPEAKER_COLOURS = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#8C6D31",
    "#7F7F7F",
)
#: Colours for actor kinds, the same in reports and in corpus charts (:mod:`toolkit.plots`):
#: underlines in the text, bars, nodes and legends. Okabe-Ito, colour-blind safe.
KIND_COLOURS = {"person": "#0072B2", "organization": "#009E73", "place": "#E69F00"}
#: For any other kind, and for unattributed quotations.
OTHER_KIND_COLOUR = "#7F7F7F"
_OTHER_KIND = OTHER_KIND_COLOUR

#: Long articles get a report of bounded size: the highlighted text shows at most this many
#: characters, and the quotation and actor tables at most ``ROW_LIMIT`` rows, each with a note
#: saying what is left out (a 10 MB article would otherwise make a 200 MB page).
TEXT_LIMIT = 500_000
ROW_LIMIT = 500
#: Titles, names and table cells are clipped to these lengths (a one-word 5 MB "title"...).
TITLE_LIMIT = 300
_CELL_LIMIT = 2_000
_LEGEND_SPEAKERS = 30
_URL_LIMIT = 2_000
_WEB_ADDRESS = re.compile(r"https?://[^\s/]", re.IGNORECASE)
#: Under the tables that show inferred gender and role.
_EVIDENCE_NOTE = (
    '<p class="tk-note">Gender is inferred from the article (pronouns, titles) and from first '
    "names: what the text suggests, not a fact about the person. Hover over, or tab to, a "
    "value with a dotted underline for its evidence.</p>"
)

_STYLE = """<style>
.tk-report{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;max-width:60em}
.tk-report h1{font-size:1.6em;margin:.2em 0 .4em}
.tk-report table.tk-table{border-collapse:collapse;margin:.4em 0 1em;font-size:.92em}
.tk-report table.tk-table th,.tk-report table.tk-table td{border-bottom:1px solid rgba(128,128,128,.35);padding:.25em .7em;text-align:left;vertical-align:top}
.tk-report table.tk-table td.tk-num{text-align:right;font-variant-numeric:tabular-nums}
.tk-report table.tk-table caption{text-align:left;font-weight:600;padding:.2em 0}
.tk-report .tk-note{color:rgba(110,110,110,1);font-size:.85em}
.tk-report .tk-text p{margin:0 0 .8em}
.tk-report mark.tk-quote{background:color-mix(in srgb,var(--tk-c) 16%,transparent);color:inherit;border-bottom:2px solid var(--tk-c);padding:0 .1em}
.tk-report mark.tk-quote.tk-indirect{border-bottom-style:dashed}
.tk-report .tk-label{font-size:.7em;font-weight:700;color:#fff;background:var(--tk-c);border-radius:.3em;padding:0 .3em;margin-right:.2em;vertical-align:.15em;white-space:nowrap}
.tk-report .tk-speaker{font-weight:700;color:var(--tk-c)}
.tk-report .tk-actor{border-bottom:1px solid var(--tk-k)}
.tk-report .tk-actor.tk-pronoun{border-bottom-style:dotted}
.tk-report .tk-legend span{margin-right:1.2em;white-space:nowrap}
.tk-report .tk-swatch{display:inline-block;width:.8em;height:.8em;border-radius:.15em;margin-right:.3em;vertical-align:-.05em}
.tk-report .tk-tip{position:relative;border-bottom:1px dotted currentColor;cursor:help}
.tk-report .tk-tip-text{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.tk-report .tk-tip:hover .tk-tip-text,.tk-report .tk-tip:focus .tk-tip-text{clip-path:none;width:max-content;max-width:28em;height:auto;white-space:normal;left:0;top:1.5em;z-index:2;background:#222;color:#fff;font-size:.85em;padding:.3em .5em;border-radius:.3em}
</style>"""


class Analysed(Protocol):
    """What the views read from an analysed article: :class:`toolkit.analysis.ArticleAnalysis`
    is one. (Named by its shape so that this module does not import the analysis, which shows
    itself in JupyterLab through :func:`analysis_html`.)"""

    @property
    def article(self) -> Article: ...
    @property
    def stats(self) -> TextStats: ...
    @property
    def actors(self) -> tuple[Actor, ...]: ...
    @property
    def quotes(self) -> tuple[Quote, ...]: ...


# --- public pieces ------------------------------------------------------------------------


def analysis_html(analysis: Analysed) -> str:
    """The compact view JupyterLab shows for an :class:`~toolkit.analysis.ArticleAnalysis`:
    title and figures, then the text with quotations and actors marked."""
    return _wrap(
        _header(analysis)
        + _table(_stats_rows(analysis.stats, _COUNT_FIELDS[:4] + _READABILITY_FIELDS[:1]))
        + _legend(analysis)
        + _text(analysis)
    )


def header_html(analysis: Analysed) -> str:
    """The title and a metadata table: id, source file, encoding, size, actors, quotations."""
    return _wrap(_header(analysis))


def stats_table_html(stats: Any) -> str:
    """Counts: characters, words, sentences, paragraphs, syllables, lengths, reading time."""
    return _wrap(_table(_stats_rows(stats, _COUNT_FIELDS), caption="Text statistics"))


def readability_table_html(stats: Any) -> str:
    """Readability scores, each with the scale it is read on."""
    return _wrap(
        _table(_stats_rows(stats, _READABILITY_FIELDS), caption="Readability", header=_HEADER_NOTE)
    )


def diversity_table_html(stats: Any) -> str:
    """Lexical diversity measures, each with what it means."""
    return _wrap(
        _table(
            _stats_rows(stats, _DIVERSITY_FIELDS), caption="Lexical diversity", header=_HEADER_NOTE
        )
    )


def article_html(analysis: Analysed, max_chars: int = TEXT_LIMIT) -> str:
    """The article text with each quotation highlighted and labelled with its speaker
    (``Q1 · Macron``), the speaker's words in the quotation's colour, and actor mentions
    underlined by kind (dotted for pronouns), with a legend. A text longer than ``max_chars``
    is cut there (at a paragraph or word end), with a note."""
    return _wrap(_legend(analysis) + _text(analysis, max_chars))


def quotes_table_html(
    analysis: Analysed, max_rows: int = ROW_LIMIT, full_table: str | None = None
) -> str:
    """One row per quotation, numbered as in :func:`article_html`; the first ``max_rows``,
    with a note pointing at ``full_table`` (a link to all of them) when there are more."""
    quotes = analysis.quotes
    if not quotes:
        return _wrap('<p class="tk-note">No quotations found.</p>')
    colours = _speaker_colours(analysis)
    rows = []
    for number, quote in enumerate(quotes[:max_rows], 1):
        speaker = speaker_of(quote)
        colour = colours.get(speaker or "")
        swatch = f'<span class="tk-swatch" style="background:{colour}"></span>' if colour else ""
        rows.append(
            "<tr>"
            f'<td class="tk-num">Q{number}</td>'
            f"<td>{swatch}{escape(_clip(speaker or 'unattributed', 80))}</td>"
            f"<td>{escape(_clip(speaker_as_written(quote), 80))}</td>"
            f"<td>{escape(_kind_label(quote))}</td>"
            f"<td>{escape(_plain(getattr(quote, 'cue', None)) or '')}</td>"
            f"<td>{escape(_clip(quote.text, _CELL_LIMIT))}</td>"
            "</tr>"
        )
    head = "<tr><th>#</th><th>speaker</th><th>as written</th><th>kind</th><th>cue</th><th>quotation</th></tr>"
    return _wrap(
        f'<table class="tk-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
        + _rows_left_out(len(quotes), max_rows, "quotations", full_table, "analysis.quote_frame()")
    )


def actors_table_html(
    analysis: Analysed, max_rows: int = ROW_LIMIT, full_table: str | None = None
) -> str:
    """One row per actor: name, kind, mentions, quotations attributed, aliases and titles;
    the ``max_rows`` most mentioned, with a note pointing at ``full_table`` (a link to all of
    them) when there are more."""
    if not analysis.actors:
        return _wrap('<p class="tk-note">No actors found.</p>')
    quoted = _quote_counts(analysis)
    rows = []
    for actor in _actors_by_mentions(analysis.actors)[:max_rows]:
        colour = KIND_COLOURS.get(actor.kind, _OTHER_KIND)
        rows.append(
            "<tr>"
            f'<td><span class="tk-swatch" style="background:{colour}"></span>{escape(actor.name)}</td>'
            f"<td>{escape(str(actor.kind))}</td>"
            f'<td class="tk-num">{len(actor.mentions)}</td>'
            f'<td class="tk-num">{quoted.get(actor.name, 0)}</td>'
            f"<td>{escape(_clip(', '.join(_other_names(actor)), _CELL_LIMIT))}</td>"
            f"<td>{escape(_clip(', '.join(getattr(actor, 'titles', ()) or ()), _CELL_LIMIT))}</td>"
            f"<td>{_gender_cell(actor)}</td><td>{_role_cell(actor)}</td>"
            "</tr>"
        )
    head = (
        "<tr><th>actor</th><th>kind</th><th>mentions</th><th>quoted</th><th>aliases</th>"
        "<th>titles</th><th>inferred gender</th><th>role</th></tr>"
    )
    total = len(analysis.actors)
    return _wrap(
        f'<table class="tk-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
        + _rows_left_out(total, max_rows, "actors", full_table, "analysis.actor_frame()")
        + _EVIDENCE_NOTE
    )


def speakers_table_html(analysis: Analysed, max_rows: int = ROW_LIMIT) -> str:
    """One row per speaker (an actor quoted at least once), most quoted first: name in its
    quotations' colour, kind, quotations (of which direct), inferred gender and role, each
    with its evidence on hover or keyboard focus; then how many quotations have no speaker.
    """
    speakers = sorted(
        (c for c in count_actors(analysis.actors, analysis.quotes) if c.quotes),
        key=lambda c: -c.quotes,
    )
    unattributed = sum(1 for quote in analysis.quotes if not speaker_of(quote))
    note = (
        f'<p class="tk-note">{unattributed:,} quotation{"" if unattributed == 1 else "s"} '
        "without a speaker.</p>"
        if unattributed
        else ""
    )
    if not speakers:
        return _wrap('<p class="tk-note">No quotations attributed to a speaker.</p>' + note)
    colours = _speaker_colours(analysis)
    rows = []
    for counts in speakers[:max_rows]:
        actor = counts.actor
        colour = colours.get(actor.name, _OTHER_KIND)
        rows.append(
            "<tr>"
            f'<td><span class="tk-swatch" style="background:{colour}"></span>'
            f"{escape(_clip(actor.name, 80))}</td>"
            f"<td>{escape(str(actor.kind))}</td>"
            f'<td class="tk-num">{counts.quotes}</td>'
            f'<td class="tk-num">{counts.direct_quotes}</td>'
            f"<td>{_gender_cell(actor)}</td><td>{_role_cell(actor)}</td>"
            "</tr>"
        )
    head = (
        "<tr><th>speaker</th><th>kind</th><th>quotations</th><th>direct</th>"
        "<th>inferred gender</th><th>role</th></tr>"
    )
    return _wrap(
        f'<table class="tk-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
        + _rows_left_out(len(speakers), max_rows, "speakers", None, "analysis.actor_frame()")
        + note
        + _EVIDENCE_NOTE
    )


def top_actors(analysis: Analysed, n: int = 5) -> list[Any]:
    """The ``n`` actors an article's report names in its header, and the batch index with
    it: the most mentioned (names, demonyms and pronouns that refer to them; ties in the
    finder's order), with the main speaker (the actor quoted most) always among them, in
    place of the last if it would not be.

    >>> from toolkit import analyze                                        # doctest: +SKIP
    >>> [a.name for a in top_actors(analyze(text), 3)]                     # doctest: +SKIP
    ['Ukraine', 'Russia', 'Emmanuel Macron']
    """
    counts = count_actors(analysis.actors, analysis.quotes)
    top = [c.actor for c in sorted(counts, key=lambda c: -c.mentions)][: max(n, 0)]
    main = max(counts, key=lambda c: c.quotes, default=None)
    if top and main is not None and main.quotes and all(a is not main.actor for a in top):
        top[-1] = main.actor
    return top


def actor_chart(analysis: Analysed, top: int = 12) -> Figure:
    """A horizontal bar chart of the ``top`` actors by mentions, coloured by kind, with the
    number of quotations attributed to each beside its bar. Uses no pyplot state.
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch

    actors = _actors_by_mentions(analysis.actors)[:top]
    quoted = _quote_counts(analysis)
    height = 1.2 + 0.36 * max(len(actors), 2)
    width = 7.5
    fig = Figure(figsize=(width, height), dpi=100)
    # Fixed margins sized to the longest name and the axis label: a layout engine would cost
    # a second drawing.
    longest = max((len(_clip(a.name, 32)) for a in actors), default=8)
    left = min(0.5, (0.5 + 0.075 * longest) / width)
    fig.subplots_adjust(left=left, right=0.97, top=1 - 0.45 / height, bottom=0.6 / height)
    ax = fig.add_subplot()
    if not actors:
        ax.text(0.5, 0.5, "No actors found", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        fig.set_label("Bar chart of actors by mentions: no actors found.")
        return fig
    described = "; ".join(
        f"{_clip(a.name, 80)} ({a.kind}) {len(a.mentions)}"
        + (f", quoted {quoted[a.name]}" if quoted.get(a.name) else "")
        for a in actors
    )
    fig.set_label(f"Bar chart of actors by mentions: {described}.")
    names = [_clip(a.name, 32) for a in actors][::-1]
    counts = [len(a.mentions) for a in actors][::-1]
    colours = [KIND_COLOURS.get(a.kind, _OTHER_KIND) for a in actors][::-1]
    bars = ax.barh(names, counts, color=colours)
    for bar, actor in zip(bars, actors[::-1], strict=True):
        n = quoted.get(actor.name, 0)
        if n:
            label = f" quoted {n}×"
            ax.annotate(
                label,
                (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                va="center",
                fontsize=8,
            )
    ax.set_xlabel("mentions")
    ax.set_ylabel("actor")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlim(0, max(counts) * 1.25 + 0.5)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("Who is mentioned, and who is quoted", loc="left", fontsize=11)
    kinds = [k for k in KIND_COLOURS if any(a.kind == k for a in actors)]
    ax.legend(
        handles=[Patch(color=KIND_COLOURS[k], label=k) for k in kinds],
        loc="lower right",
        frameon=False,
        fontsize=8,
    )
    return fig


@dataclass(frozen=True)
class PngImage:
    """PNG bytes that Jupyter displays as an image (``_repr_png_``), with alternative text."""

    data: bytes = field(repr=False)  # Jupyter's text/plain is the repr: the alt text, not bytes
    alt: str = ""

    def _repr_png_(self) -> tuple[bytes, dict[str, str]]:
        return self.data, ({"alt": self.alt} if self.alt else {})


@dataclass(frozen=True)
class SvgImage:
    """SVG markup that Jupyter displays as an image (``_repr_svg_``), with alternative text.

    HTML reports embed it as an ``<img>`` (nbconvert's default), so nothing in it can run."""

    data: str = field(repr=False)
    alt: str = ""

    def _repr_svg_(self) -> tuple[str, dict[str, str]]:
        return self.data, ({"alt": self.alt} if self.alt else {})


def as_svg(fig: Figure, alt: str | None = None) -> SvgImage:
    """Render a matplotlib figure to SVG with its text kept as text: sharp at any zoom,
    searchable, about half the size of :func:`as_png`'s image and drawn in about half the
    time (no glyph rasterising). ``alt`` defaults to the figure's label, as in :func:`as_png`.

    >>> from matplotlib.figure import Figure
    >>> fig = Figure(figsize=(2, 1)); _ = fig.add_subplot().set_title("Mentions")
    >>> image = as_svg(fig, alt="An empty chart")
    >>> image.data.startswith("<?xml") and ">Mentions</text>" in image.data
    True
    """
    import matplotlib

    buffer = io.StringIO()
    # Text as <text> elements; a fixed hash salt keeps element ids, and so the report,
    # the same from one run to the next.
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "toolkit"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return SvgImage(buffer.getvalue(), alt if alt is not None else fig.get_label())


def as_png(fig: Figure, dpi: int = 100, alt: str | None = None) -> PngImage:
    """Render a matplotlib figure to PNG, whatever the matplotlib backend (even ``Agg``).
    ``alt`` (default: the figure's label, which :func:`actor_chart` sets) describes it."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return PngImage(buffer.getvalue(), alt if alt is not None else fig.get_label())


def speaker_of(quote: Any, actors: Any = None) -> str | None:
    """The name a quotation is attributed to: ``quote.speaker``, which the quotation finder
    sets to the canonical name of the actor whose mention names the speaker (a pronoun such
    as "He" included, when the actor finder linked it). ``None`` when unattributed.

    ``actors`` is accepted for compatibility and not used: the attribution is the quote's own.

    >>> from toolkit.quotes import extract_quotes                      # doctest: +SKIP
    >>> speaker_of(extract_quotes('"No," said Anna Keller.')[0])       # doctest: +SKIP
    'Anna Keller'
    """
    return _plain(getattr(quote, "speaker", None)) or None


def speaker_as_written(quote: Any) -> str:
    """The words that name the speaker in the text ("He", "French President Emmanuel Macron")."""
    written = _plain(getattr(quote, "speaker_mention", None)) or _plain(
        getattr(quote, "speaker", None)
    )
    return written or ""


# --- building blocks ----------------------------------------------------------------------

# (field, label, format, note) for TextStats fields.
_COUNT_FIELDS = (
    ("words", "words", "{:,}", ""),
    ("sentences", "sentences", "{:,}", ""),
    ("paragraphs", "paragraphs", "{:,}", ""),
    ("reading_time_minutes", "reading time", "{:.1f} min", "at 238 words a minute"),
    ("characters", "characters", "{:,}", ""),
    ("syllables", "syllables", "{:,}", ""),
    ("mean_sentence_length", "mean sentence length", "{:.1f} words", ""),
    ("max_sentence_length", "longest sentence", "{:,} words", ""),
    ("long_words", "long words", "{:,}", "seven letters or more"),
    ("complex_words", "complex words", "{:,}", "three syllables or more"),
)
_READABILITY_FIELDS = (
    ("flesch_reading_ease", "Flesch reading ease", "{:.1f}", "0-100, higher is easier"),
    ("flesch_kincaid_grade", "Flesch-Kincaid grade", "{:.1f}", "US school grade"),
    ("gunning_fog", "Gunning fog", "{:.1f}", "years of schooling"),
    ("smog", "SMOG", "{:.1f}", "US school grade"),
    ("coleman_liau", "Coleman-Liau", "{:.1f}", "US school grade"),
    ("ari", "Automated readability index", "{:.1f}", "US school grade"),
    ("dale_chall", "Dale-Chall", "{:.2f}", "under 5: easy, 9 and over: college"),
)
_DIVERSITY_FIELDS = (
    ("ttr", "type-token ratio", "{:.3f}", "distinct words / words; falls with length"),
    ("mattr", "moving-average TTR", "{:.3f}", "TTR over a sliding window; 0-1"),
    ("mtld", "MTLD", "{:.1f}", "mean run of words keeping TTR above 0.72; higher is more varied"),
    ("hdd", "HD-D", "{:.3f}", "chance of new words in a sample; 0-1"),
    ("yules_k", "Yule's K", "{:.1f}", "repetition; lower is more varied"),
)
_HEADER_NOTE = ("measure", "value", "how to read it")

_FLESCH_BANDS = (
    (90, "very easy"),
    (80, "easy"),
    (70, "fairly easy"),
    (60, "plain English"),
    (50, "fairly difficult"),
    (30, "difficult"),
    (-math.inf, "very difficult"),
)


def flesch_band(score: float) -> str:
    """The usual verbal band of a Flesch reading-ease score.

    >>> flesch_band(45.2)
    'difficult'
    """
    return next(label for floor, label in _FLESCH_BANDS if score >= floor)


def _wrap(body: str) -> str:
    return f'<div class="tk-report">{_STYLE}{body}</div>'


def _header(analysis: Analysed) -> str:
    article = analysis.article
    stats = analysis.stats
    source = getattr(article, "source_path", None)
    rows = [
        ("id", escape(article.id)),
        ("source", escape(source.name if source is not None else "(text)")),
        *_metadata_rows(article),
    ]
    if getattr(article, "encoding", None):
        rows.append(("encoding", escape(article.encoding)))
    words = getattr(stats, "words", None)
    if words is not None:
        rows.append(("words", f"{words:,}"))
    minutes = getattr(stats, "reading_time_minutes", None)
    if minutes is not None:
        rows.append(("reading time", f"{minutes:.1f} min"))
    ease = getattr(stats, "flesch_reading_ease", None)
    if isinstance(ease, (int, float)) and math.isfinite(ease):
        rows.append(("readability", f"Flesch {ease:.1f} ({flesch_band(ease)})"))
    people = [_clip(a.name, 80) for a in top_actors(analysis)]
    listed = f"{len(analysis.actors)}" + (f": {', '.join(people)}" if people else "")
    rows.append(("actors", escape(listed)))
    rows.append(("quotations", str(len(analysis.quotes))))
    body = "".join(f"<tr><th>{escape(k)}</th><td>{v}</td></tr>" for k, v in rows)
    title = escape(_clip(article.title, TITLE_LIMIT))
    return f'<h1>{title}</h1><table class="tk-table">{body}</table>'


def _metadata_rows(article: Any) -> list[tuple[str, str]]:
    """Header rows (label, HTML) for the metadata the article has: date, outlet, authors,
    URL (a link, with ``rel="noopener noreferrer"``, only for an http(s) address)."""
    rows = []
    date = getattr(article, "date", None)
    if date is not None:
        rows.append(("date", escape(_date_text(date))))
    outlet = getattr(article, "outlet", None)
    if outlet:
        rows.append(("outlet", escape(_clip(outlet, TITLE_LIMIT))))
    authors = getattr(article, "authors", ()) or ()
    if authors:
        rows.append(("authors", escape(_clip(", ".join(authors), TITLE_LIMIT))))
    url = getattr(article, "url", None)
    if url:
        rows.append(("URL", _url_html(url)))
    return rows


def _date_text(date: Any) -> str:
    """``2024-03-05`` for a date at midnight, else ``2024-03-05 09:30 +00:00``."""
    if not hasattr(date, "hour"):
        return str(date)
    if (date.hour, date.minute, date.second) == (0, 0, 0):
        return date.date().isoformat()
    offset = date.strftime("%z")
    zone = f" {offset[:3]}:{offset[3:]}" if offset else ""
    return date.strftime("%Y-%m-%d %H:%M") + zone


def _url_html(url: str) -> str:
    """An http(s) URL as a link that opens without handing the page to the target; anything
    else (``javascript:``, a path, an over-long address) as text."""
    if _WEB_ADDRESS.match(url) and len(url) <= _URL_LIMIT and url.isprintable():
        return f'<a href="{escape(url)}" rel="noopener noreferrer">{escape(_clip(url, 120))}</a>'
    return escape(_clip(url, 120))


def _gender_cell(actor: Any) -> str:
    """An actor's inferred gender for a table cell: ``female``/``male``/``unknown`` for a
    person (its evidence on hover), empty for the others."""
    if actor.kind != "person":
        return ""
    gender = getattr(actor, "gender", None) or "unknown"
    return _with_evidence(gender, getattr(actor, "gender_evidence", ()) or ())


def _role_cell(actor: Any) -> str:
    """An actor's role (``police / military``...) with its evidence on hover; empty for an
    actor without one (places)."""
    role = getattr(actor, "role", None)
    if not role:
        return ""
    return _with_evidence(role.replace("_", " / "), getattr(actor, "role_evidence", ()) or ())


def _with_evidence(label: str, evidence: tuple[str, ...]) -> str:
    """``label``, and (if any) its evidence in a tooltip shown on hover and on keyboard focus;
    the evidence is in the text, so screen readers read it with the label."""
    if not evidence:
        return escape(label)
    said = _clip("; ".join(evidence), _CELL_LIMIT)
    return (
        f'<span class="tk-tip" tabindex="0">{escape(label)}'
        f'<span class="tk-tip-text"> (evidence: {escape(said)})</span></span>'
    )


def _stats_rows(stats: Any, fields: tuple[tuple[str, str, str, str], ...]) -> list[tuple[str, ...]]:
    rows = []
    for name, label, fmt, note in fields:
        if not hasattr(stats, name):
            continue
        value = getattr(stats, name)
        if name == "flesch_reading_ease" and _finite(value):
            note = f"{note}: {flesch_band(value)}"
        rows.append((label, _format(value, fmt), note))
    return rows


def _table(
    rows: list[tuple[str, ...]], caption: str | None = None, header: tuple[str, ...] | None = None
) -> str:
    parts = ['<table class="tk-table">']
    if caption:
        parts.append(f"<caption>{escape(caption)}</caption>")
    if header:
        parts.append(
            "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr></thead>"
        )
    for label, value, *rest in rows:
        note = rest[0] if rest else ""
        parts.append(
            f'<tr><th>{escape(label)}</th><td class="tk-num">{escape(value)}</td>'
            + (f'<td class="tk-note">{escape(note)}</td>' if header or note else "")
            + "</tr>"
        )
    parts.append("</table>")
    return "".join(parts)


def _format(value: Any, fmt: str) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float) and not math.isfinite(value):
        return "n/a"
    try:
        return fmt.format(value)
    except (ValueError, TypeError):
        return str(value)


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value)


def _plain(value: Any) -> str | None:
    """A speaker or cue field as text (teammates may hand a string or a span-like object)."""
    if value is None:
        return None
    text = getattr(value, "text", value)
    return text if isinstance(text, str) else str(text)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _other_names(actor: Any) -> list[str]:
    """The actor's aliases, once each, without its own name."""
    names = dict.fromkeys(getattr(actor, "aliases", ()) or ())
    names.pop(actor.name, None)
    return list(names)


def _actors_by_mentions(actors: Any) -> list[Any]:
    """Actors, most mentioned first (ties keep the finder's order)."""
    return [c.actor for c in sorted(count_actors(actors), key=lambda c: -c.mentions)]


def _quote_counts(analysis: Analysed) -> dict[str, int]:
    """Actor name -> quotations attributed to it."""
    return {c.actor.name: c.quotes for c in count_actors(analysis.actors, analysis.quotes)}


def _speaker_colours(analysis: Analysed) -> dict[str, str]:
    colours: dict[str, str] = {}
    for quote in analysis.quotes:
        speaker = speaker_of(quote) or ""
        if speaker not in colours:
            colours[speaker] = (
                SPEAKER_COLOURS[len(colours) % len(SPEAKER_COLOURS)] if speaker else _OTHER_KIND
            )
    return colours


def _legend(analysis: Analysed) -> str:
    parts = []
    colours = _speaker_colours(analysis)
    for speaker, colour in itertools.islice(colours.items(), _LEGEND_SPEAKERS):
        parts.append(
            f'<span><span class="tk-swatch" style="background:{colour}"></span>'
            f"quoted: {escape(_clip(speaker or 'unattributed', 80))}</span>"
        )
    if len(colours) > _LEGEND_SPEAKERS:
        parts.append(f"<span>and {len(colours) - _LEGEND_SPEAKERS:,} more speakers</span>")
    kinds = sorted(
        {a.kind for a in analysis.actors},
        key=lambda k: list(KIND_COLOURS).index(k) if k in KIND_COLOURS else 99,
    )
    for kind in kinds:
        colour = KIND_COLOURS.get(kind, _OTHER_KIND)
        parts.append(
            f'<span><span class="tk-swatch" style="background:{colour}"></span>'
            f"{escape(str(kind))} (underlined; dotted: pronoun)</span>"
        )
    if not parts:
        return '<p class="tk-note">No quotations or actors found.</p>'
    return f'<p class="tk-legend tk-note">{"".join(parts)}</p>'


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str  # "quote" | "speaker" | "actor"
    attrs: dict[str, Any]


def _marks(analysis: Analysed) -> list[_Mark]:
    text_length = len(analysis.article.text)
    colours = _speaker_colours(analysis)
    marks: list[_Mark] = []
    taken: list[tuple[int, int]] = []  # quotations kept so far, sorted, never overlapping
    for number, quote in enumerate(analysis.quotes, 1):
        start, end = max(0, quote.start), min(text_length, quote.end)
        if end <= start or _overlaps(taken, start, end):
            continue  # overlapping quotations: keep the first
        bisect.insort(taken, (start, end))
        speaker = speaker_of(quote)
        colour = colours.get(speaker or "", _OTHER_KIND)
        attrs = {"number": number, "speaker": speaker, "colour": colour, "quote": quote}
        marks.append(_Mark(start, end, "quote", attrs))
        s_start = getattr(quote, "speaker_start", None)
        s_end = getattr(quote, "speaker_end", None)
        if s_start is not None and s_end is not None and 0 <= s_start < s_end <= text_length:
            marks.append(_Mark(s_start, s_end, "speaker", attrs))
    for actor in analysis.actors:
        colour = KIND_COLOURS.get(actor.kind, _OTHER_KIND)
        for mention in actor.mentions:
            if 0 <= mention.start < mention.end <= text_length:
                attrs = {"actor": actor, "mention": mention, "colour": colour}
                marks.append(_Mark(mention.start, mention.end, "actor", attrs))
    return marks


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``[start, end)`` overlap one of the sorted, disjoint spans of ``taken``?"""
    i = bisect.bisect_left(taken, (start, end))
    return (i > 0 and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end)


def _text(analysis: Analysed, max_chars: int | None = TEXT_LIMIT) -> str:
    """Paragraphs of escaped text; quotation, speaker and actor marks nest properly because
    every piece between two mark boundaries is wrapped on its own. Text after ``max_chars``
    (see :func:`_cut`) is left out, with a note."""
    text = analysis.article.text
    cut = _cut(analysis, max_chars)
    sweep = _Sweep([m for m in _marks(analysis) if m.start < cut])
    labelled: set[int] = set()  # quotation numbers already labelled (a quotation may span
    out = ['<div class="tk-text">']  # paragraphs: only its first piece gets the label)
    for paragraph in analysis.article.paragraphs:
        if paragraph.start >= cut:
            break
        out.append(_paragraph(text, paragraph.start, min(paragraph.end, cut), sweep, labelled))
    out.append("</div>")
    if cut < len(text):
        out.append(_cut_note(analysis, cut))
    return "".join(out)


class _Sweep:
    """The marks open at each point of the text, found in one sweep over their boundaries in
    text order: the marks covering a piece are those that started at or before it and have
    not ended yet, so the work grows with the text and the number of marks, not with their
    product."""

    def __init__(self, marks: list[_Mark]) -> None:
        self.marks = marks
        self.starting: dict[int, list[int]] = defaultdict(list)
        self.ending: dict[int, list[int]] = defaultdict(list)
        for index, mark in enumerate(marks):
            self.starting[mark.start].append(index)
            self.ending[mark.end].append(index)
        self.boundaries = sorted(self.starting.keys() | self.ending.keys())
        self.applied = 0  # boundaries[:applied] have been swept
        self.quotes: dict[int, _Mark] = {}  # open quotation marks (at most one: no overlaps)
        self.inner: dict[int, _Mark] = {}  # open speaker and actor marks, by index in marks

    def points(self, start: int, end: int) -> list[int]:
        """``start``, the boundaries strictly between ``start`` and ``end``, and ``end``."""
        first = bisect.bisect_right(self.boundaries, start)
        last = bisect.bisect_left(self.boundaries, end)
        return [start, *self.boundaries[first:last], end]

    def advance(self, position: int) -> None:
        """Open and close the marks of every boundary up to ``position``."""
        boundaries = self.boundaries
        while self.applied < len(boundaries) and boundaries[self.applied] <= position:
            at = boundaries[self.applied]
            for index in self.ending.get(at, ()):
                self.quotes.pop(index, None)
                self.inner.pop(index, None)
            for index in self.starting.get(at, ()):
                mark = self.marks[index]
                (self.quotes if mark.kind == "quote" else self.inner)[index] = mark
            self.applied += 1

    def quote(self) -> _Mark | None:
        return next(iter(self.quotes.values()), None)

    def inner_marks(self) -> list[_Mark]:
        """The open speaker and actor marks, innermost first: the speaker's words, then the
        actor mention around them."""
        if len(self.inner) < 2:
            return list(self.inner.values())
        ordered = sorted(
            self.inner.items(),
            key=lambda item: (item[1].kind != "speaker", item[1].end - item[1].start, item[0]),
        )
        return [mark for _, mark in ordered]


def _paragraph(text: str, start: int, end: int, sweep: _Sweep, labelled: set[int]) -> str:
    """One paragraph, ``text[start:end]``, as ``<p>`` with its marks."""
    points = sweep.points(start, end) if end > start else []  # an empty one: nothing to mark
    out = ["<p>"]
    open_quote: _Mark | None = None
    for a, b in itertools.pairwise(points):
        sweep.advance(a)
        quote = sweep.quote()
        if quote is not open_quote:
            if open_quote is not None:
                out.append("</mark>")
            if quote is not None:
                out.append(_open_quote(quote, label=quote.attrs["number"] not in labelled))
                labelled.add(quote.attrs["number"])
            open_quote = quote
        piece = escape(text[a:b])
        for mark in sweep.inner_marks():
            piece = _wrap_inner(mark, piece)
        out.append(piece)
    if open_quote is not None:
        out.append("</mark>")
    out.append("</p>")
    return "".join(out)


def _cut_note(analysis: Analysed, cut: int) -> str:
    """The note after a text shown only up to ``cut``."""
    text, paragraphs = analysis.article.text, analysis.article.paragraphs
    shown = sum(p.start < cut for p in paragraphs)
    return (
        f'<p class="tk-note tk-cut">The article is {len(text):,} characters long: only its '
        f"first {cut:,} are shown here (paragraphs 1 to {shown:,} of "
        f"{len(paragraphs):,}). The statistics, the chart and the tables are "
        "computed on the whole article.</p>"
    )


def _cut(analysis: Analysed, max_chars: int | None) -> int:
    """Where the shown text ends: the whole text if it is at most ``max_chars`` long, else
    the end of the last paragraph within ``max_chars`` (if that leaves at least half of
    them), else the last space within them, else ``max_chars`` itself."""
    text = analysis.article.text
    if max_chars is None or len(text) <= max_chars:
        return len(text)
    ends = [p.end for p in analysis.article.paragraphs if p.end <= max_chars]
    if ends and ends[-1] >= max_chars // 2:
        return ends[-1]
    space = text.rfind(" ", max_chars // 2, max_chars)
    return space if space > 0 else max_chars


def _rows_left_out(total: int, shown: int, what: str, full_table: str | None, code: str) -> str:
    """The note under a table that shows ``shown`` of ``total`` rows ("" if it shows all)."""
    if total <= shown:
        return ""
    where = (
        f'<a href="{escape(full_table)}">{escape(full_table)}</a>'
        if full_table
        else f"<code>{escape(code)}</code> in the report notebook"
    )
    return (
        f'<p class="tk-note tk-cut">Showing the first {shown:,} of {total:,} {what}; all of '
        f"them: {where}.</p>"
    )


def _kind_label(quote: Any) -> str:
    kind = _plain(getattr(quote, "kind", None)) or ""
    return f"{kind}, unclosed" if getattr(quote, "closed", True) is False else kind


def _open_quote(mark: _Mark, label: bool) -> str:
    attrs = mark.attrs
    quote = attrs["quote"]
    speaker = attrs["speaker"] or "unattributed"
    kind = _plain(getattr(quote, "kind", None)) or "direct"
    title = f"Q{attrs['number']} · {_kind_label(quote) or kind} quotation · speaker: {speaker}"
    cue = _plain(getattr(quote, "cue", None))
    if cue:
        title += f" · cue: {cue}"
    tag = (
        f'<mark class="tk-quote tk-{escape(kind)}" style="--tk-c:{attrs["colour"]}" '
        f'title="{escape(title)}" data-quote="{attrs["number"]}">'
    )
    if label:
        tag += f'<span class="tk-label">Q{attrs["number"]} · {escape(_clip(speaker, 40))}</span>'
    return tag


def _wrap_inner(mark: _Mark, piece: str) -> str:
    attrs = mark.attrs
    if mark.kind == "speaker":
        return (
            f'<span class="tk-speaker" style="--tk-c:{attrs["colour"]}" '
            f'title="{escape("speaker of Q" + str(attrs["number"]))}">{piece}</span>'
        )
    actor = attrs["actor"]
    mention = attrs["mention"]
    form = _plain(getattr(mention, "form", None)) or "name"
    title = f"{actor.name} · {actor.kind}" + (f" · {form}" if form != "name" else "")
    return (
        f'<span class="tk-actor tk-{escape(form)}" style="--tk-k:{attrs["colour"]}" '
        f'title="{escape(title)}">{piece}</span>'
    )
