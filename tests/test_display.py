"""HTML rendering of an analysed article (toolkit.display).

The analyses here are built by hand with exact offsets, so these tests pin the rendering
itself; tests/test_report.py checks the same HTML on the real analysis of the seed article.
The objects only need the fields of the analysis contract (Actor, Mention, Quote, TextStats).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import display
from toolkit.analysis import ArticleAnalysis
from toolkit.article import Article


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    form: str = "name"


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    speaker_mention: str | None = None
    closed: bool = True


@dataclass(frozen=True)
class Stats:
    words: int = 31
    sentences: int = 3
    paragraphs: int = 3
    reading_time_minutes: float = 0.13
    flesch_reading_ease: float = 61.2
    flesch_kincaid_grade: float = 8.4
    ttr: float = 0.871
    mtld: float = float("nan")
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"words": self.words, "flesch_reading_ease": self.flesch_reading_ease}


TEXT = (
    "Geneva talks resume\n\n"
    '"We are ready," said Anna Keller, the Swiss foreign minister.\n\n'
    'She added that the talks "will go on until a deal is found.'
)


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(needle), text)]
    start = starts[nth]
    return start, start + len(needle)


def keller_analysis(text: str = TEXT, name: str = "Anna Keller") -> ArticleAnalysis:
    article = Article.from_text(text, id="geneva")
    t = article.text
    keller = Actor(
        name=name,
        kind="person",
        aliases=("Keller",),
        titles=("foreign minister",),
        mentions=(
            Mention(*_span(t, "Anna Keller"), "Anna Keller"),
            Mention(*_span(t, "She"), "She", "pronoun"),
        ),
    )
    geneva = Actor("Geneva", "place", mentions=(Mention(*_span(t, "Geneva"), "Geneva"),))
    q1 = Quote(*_span(t, '"We are ready,"'), '"We are ready,"', "direct", "Anna Keller",
               *_span(t, "Anna Keller"), "said")  # fmt: skip
    unclosed = '"will go on until a deal is found.'
    q2 = Quote(*_span(t, unclosed), unclosed, "direct", "Anna Keller", *_span(t, "She"), "added",
               speaker_mention="She", closed=False)  # fmt: skip
    return ArticleAnalysis(article, Stats(), (keller, geneva), (q1, q2))


class _Balance(HTMLParser):
    """Checks that every opened element is closed in order."""

    VOID = frozenset({"br", "img", "meta", "hr", "input", "link"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def assert_balanced(markup: str) -> None:
    parser = _Balance()
    parser.feed(markup)
    parser.close()
    assert parser.errors == [] and parser.stack == []


def visible_text(markup: str) -> str:
    """The text a reader sees in article_html, minus the Q-labels and the legend/style."""
    body = markup[markup.index('<div class="tk-text">') :]
    body = re.sub(r'<span class="tk-label">.*?</span>', "", body)
    body = body.replace("</p>", "\n\n")
    return html.unescape(re.sub(r"<[^>]+>", "", body)).strip()


def test_quotes_are_highlighted_and_labelled_with_their_speaker():
    markup = display.article_html(keller_analysis())

    assert (
        '<span class="tk-label">Q1 · Anna Keller</span>&quot;We are ready,&quot;</mark>' in markup
    )
    # The unclosed quotation runs to the end of its paragraph; "She" resolves to Anna Keller.
    assert (
        '<span class="tk-label">Q2 · Anna Keller</span>&quot;will go on until a deal is found.</mark>'
        in markup
    )
    assert 'title="Q2 · direct, unclosed quotation · speaker: Anna Keller · cue: added"' in markup
    assert markup.count("<mark ") == 2
    assert_balanced(markup)


def test_speakers_and_actors_are_marked():
    markup = display.article_html(keller_analysis())

    # The speaker's words: bold in the quotation's colour, inside the actor mark.
    assert re.search(
        r'<span class="tk-actor tk-name" [^>]*title="Anna Keller · person">'
        r'<span class="tk-speaker" [^>]*>Anna Keller</span></span>',
        markup,
    )
    assert 'title="Anna Keller · person · pronoun"' in markup
    assert re.search(
        r'<span class="tk-actor tk-name" [^>]*title="Geneva · place">Geneva</span>', markup
    )
    assert "quoted: Anna Keller" in markup  # legend


def test_the_text_is_kept_whole():
    analysis = keller_analysis()
    assert visible_text(display.article_html(analysis)) == analysis.article.text


def test_untrusted_text_is_escaped_everywhere():
    payload = '<script>alert(1)</script> <img src=x onerror="alert(2)">'
    text = f'Alert &lt;b&gt;\n\nThe post read {html.escape(payload)} and "We are ready," said Anna Keller.'
    article = Article.from_text(text, id="x")
    assert payload in article.text  # entities decode to the literal markup
    t = article.text
    evil = Actor(
        name='Anna "<img src=x onerror=alert(3)>" Keller',
        kind="person",
        aliases=("<script>",),
        mentions=(Mention(*_span(t, "Anna Keller"), "Anna Keller"),),
    )
    quote = Quote(*_span(t, '"We are ready,"'), '"We are ready,"', "direct", "<svg onload=x>",
                  None, None, "<said>")  # fmt: skip
    analysis = ArticleAnalysis(article, Stats(), (evil,), (quote,))

    everything = "".join(
        [
            display.analysis_html(analysis),
            display.header_html(analysis),
            display.article_html(analysis),
            display.quotes_table_html(analysis),
            display.actors_table_html(analysis),
        ]
    )
    assert "<script>" not in everything
    assert "<img " not in everything
    assert "<svg" not in everything
    assert "<b>" not in everything
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in everything
    assert "onerror=&quot;alert(2)&quot;" in everything
    assert "&lt;img src=x onerror=alert(3)&gt;" in everything
    assert "<h1>Alert &lt;b&gt;</h1>" in everything
    assert_balanced(everything)


def test_quotation_across_paragraphs_is_closed_and_reopened():
    text = 'Talks\n\n"First part of the quote.\n\nSecond part," the minister said.'
    article = Article.from_text(text, id="x")
    t = article.text
    quote = Quote(t.index('"First'), t.index(',"') + 2, t[t.index('"First') : t.index(',"') + 2],
                  "direct", "the minister", *_span(t, "the minister"), "said")  # fmt: skip
    markup = display.article_html(ArticleAnalysis(article, Stats(), (), (quote,)))

    assert markup.count("<mark ") == 2  # one per paragraph
    assert markup.count('class="tk-label"') == 1  # labelled once
    assert "Q1 · the minister" in markup
    assert_balanced(markup)
    assert visible_text(markup) == t


def test_tables():
    analysis = keller_analysis()
    quotes = display.quotes_table_html(analysis)
    assert "<td>&quot;We are ready,&quot;</td>" in quotes
    assert re.search(
        r"<td>[^<]*<span [^>]*></span>Anna Keller</td><td>She</td><td>direct, unclosed</td>", quotes
    )
    actors = display.actors_table_html(analysis)
    # Anna Keller: 2 mentions, quoted twice; Geneva: 1 mention.
    assert re.search(
        r"Anna Keller</td><td>person</td><td class=\"tk-num\">2</td><td class=\"tk-num\">2</td>",
        actors,
    )
    assert re.search(
        r"Geneva</td><td>place</td><td class=\"tk-num\">1</td><td class=\"tk-num\">0</td>", actors
    )
    readability = display.readability_table_html(analysis.stats)
    assert (
        '<td class="tk-num">61.2</td><td class="tk-note">0-100, higher is easier: plain English</td>'
        in readability
    )
    diversity = display.diversity_table_html(analysis.stats)
    assert '<td class="tk-num">0.871</td>' in diversity
    assert '<th>MTLD</th><td class="tk-num">n/a</td>' in diversity  # NaN


def test_empty_analysis():
    article = Article.from_text("Nothing to see here.", id="calm")
    analysis = ArticleAnalysis(article, Stats(), (), ())
    assert "No quotations found." in display.quotes_table_html(analysis)
    assert "No actors found." in display.actors_table_html(analysis)
    assert "No quotations or actors found." in display.article_html(analysis)
    fig = display.actor_chart(analysis)
    assert fig.axes[0].texts[0].get_text() == "No actors found"


def test_actor_chart_and_png():
    fig = display.actor_chart(keller_analysis())
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Geneva", "Anna Keller"]
    assert [p.get_width() for p in ax.patches] == [1, 2]
    assert [t.get_text() for t in ax.texts] == [" quoted 2×"]
    png = display.as_png(fig)
    assert png.data.startswith(b"\x89PNG\r\n\x1a\n")
    assert png._repr_png_() == (
        png.data,
        {
            "alt": "Bar chart of actors by mentions: Anna Keller (person) 2, quoted 2; Geneva (place) 1."
        },
    )


def test_actor_chart_as_svg_keeps_names_as_text_and_renders_the_same_every_time():
    fig = display.actor_chart(keller_analysis())
    svg = display.as_svg(fig)
    assert ">Anna Keller</text>" in svg.data and ">Geneva</text>" in svg.data
    assert svg._repr_svg_()[1] == {
        "alt": "Bar chart of actors by mentions: Anna Keller (person) 2, quoted 2; Geneva (place) 1."
    }
    assert display.as_svg(display.actor_chart(keller_analysis())).data == svg.data


def test_speaker_of_is_the_quotes_own_attribution():
    analysis = keller_analysis()
    q1, q2 = analysis.quotes
    assert display.speaker_of(q1) == "Anna Keller"
    assert display.speaker_of(q2) == "Anna Keller"  # "She": the finder resolved the pronoun
    nobody = Quote(0, 1, '"', "direct", None, None, None, None, speaker_mention="a spokesman")
    assert display.speaker_of(nobody) is None


def test_a_quarter_megabyte_article_renders_in_one_sweep():
    """Marking the text walks the mark boundaries once: at 250 KB with 15,000 marks the old
    rescanning of every mark for every piece took minutes; one sweep takes a fraction of a
    second (no timing asserted: a quadratic version simply makes this test crawl)."""
    paragraph = (
        '"We will keep the harbour open," said Anna Keller, who chairs the Harbour Board. '
        "Officials met Iain Campbell in Port Ellen on Monday. He said the talks would go on."
    )
    text = "Harbour talks\n\n" + "\n\n".join([paragraph] * 1600)
    article = Article.from_text(text, id="long", html=False)
    t = article.text
    assert len(t) > 250_000

    def every(needle: str) -> list[Mention]:
        form = "pronoun" if needle == "He" else "name"
        return [Mention(m.start(), m.end(), needle, form) for m in re.finditer(rf"\b{needle}\b", t)]

    keller = Actor("Anna Keller", "person", mentions=tuple(every("Anna Keller")))
    campbell = Actor("Iain Campbell", "person", mentions=(*every("Iain Campbell"), *every("He")))
    board = Actor("Harbour Board", "organization", mentions=tuple(every("Harbour Board")))
    place = Actor("Port Ellen", "place", mentions=tuple(every("Port Ellen")))
    said = len(" said ")
    quotes = tuple(
        Quote(m.start(), m.end(), m.group(), "direct", "Anna Keller", m.end() + said,
              m.end() + said + len("Anna Keller"), "said")
        for m in re.finditer(r'"We will keep the harbour open,"', t)
    )  # fmt: skip
    analysis = ArticleAnalysis(article, Stats(), (keller, campbell, board, place), quotes)
    markup = display.article_html(analysis)
    assert visible_text(markup) == t
    assert markup.count("<mark ") == 1600
    assert markup.count('class="tk-label"') == 1600
    assert markup.count('class="tk-speaker"') == 1600
    assert markup.count('title="Iain Campbell · person · pronoun"') == 1600
    assert_balanced(markup)


# --- metadata, speakers, inferred gender and role ----------------------------------------


def test_the_header_shows_date_outlet_authors_and_a_safe_link():
    article = Article.from_text(
        TEXT, id="geneva", date="2024-03-05", outlet="The <b>Ledger</b>",
        authors="By Ana Ruiz and Li Wei", url='https://news.example/geneva?a=1&b="2"',
    )  # fmt: skip
    header = display.header_html(ArticleAnalysis(article, Stats(), (), ()))
    assert "<tr><th>date</th><td>2024-03-05</td></tr>" in header
    assert "<tr><th>outlet</th><td>The &lt;b&gt;Ledger&lt;/b&gt;</td></tr>" in header
    assert "<tr><th>authors</th><td>Ana Ruiz, Li Wei</td></tr>" in header
    assert (
        '<a href="https://news.example/geneva?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">'
        in header
    )
    assert_balanced(header)


def test_a_url_that_is_not_a_web_address_is_shown_as_text():
    for url in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "/local/path"):
        article = Article.from_text(TEXT, id="geneva", url=url)
        header = display.header_html(ArticleAnalysis(article, Stats(), (), ()))
        assert "<a " not in header
        assert f"<tr><th>URL</th><td>{html.escape(url)}</td></tr>" in header


def test_a_time_of_day_is_shown_with_its_offset():
    article = Article.from_text(TEXT, id="geneva", date="2024-03-05T09:30:00+01:00")
    header = display.header_html(ArticleAnalysis(article, Stats(), (), ()))
    assert "<tr><th>date</th><td>2024-03-05 09:30 +01:00</td></tr>" in header


def _gendered(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """The Keller analysis with real actors: Anna Keller inferred female, a politician."""
    from toolkit.actors import Actor as RealActor

    keller, geneva = analysis.actors
    keller = RealActor(
        keller.name, "person", keller.aliases, keller.titles, keller.mentions,
        gender="female", gender_evidence=("pronouns: 1 she/her", "first name: <Anna>"),
        role="politician", role_evidence=("title: foreign minister",),
    )  # fmt: skip
    geneva = RealActor(geneva.name, "place", mentions=geneva.mentions)
    return ArticleAnalysis(analysis.article, analysis.stats, (keller, geneva), analysis.quotes)


def test_speakers_show_inferred_gender_and_role_with_their_evidence():
    markup = display.speakers_table_html(_gendered(keller_analysis()))
    assert re.search(
        r"Anna Keller</td><td>person</td><td class=\"tk-num\">2</td><td class=\"tk-num\">2</td>"
        r'<td><span class="tk-tip" tabindex="0">female<span class="tk-tip-text"> \(evidence: '
        r"pronouns: 1 she/her; first name: &lt;Anna&gt;\)</span></span></td>"
        r'<td><span class="tk-tip" tabindex="0">politician<span class="tk-tip-text"> '
        r"\(evidence: title: foreign minister\)</span></span></td></tr>",
        markup,
    )
    assert "Geneva" not in markup  # mentioned, never quoted
    assert "not a fact about the person" in markup
    assert_balanced(markup)


def test_the_actors_table_shows_inferred_gender_and_role_of_people_only():
    markup = display.actors_table_html(_gendered(keller_analysis()))
    assert "<th>inferred gender</th><th>role</th>" in markup
    assert re.search(r"Geneva</td><td>place</td>.*?<td></td><td></td></tr>", markup)


def test_a_person_without_evidence_is_of_unknown_gender_without_a_tooltip():
    markup = display.speakers_table_html(keller_analysis())  # the test's actors have no gender
    assert "<td>unknown</td><td></td></tr>" in markup


def test_quotations_without_a_speaker_are_counted_under_the_speakers():
    analysis = keller_analysis()
    q1, q2 = analysis.quotes
    lost = Quote(q2.start, q2.end, q2.text, "direct", None, None, None, None)
    markup = display.speakers_table_html(
        ArticleAnalysis(analysis.article, Stats(), analysis.actors, (q1, lost))
    )
    assert "1 quotation without a speaker." in markup


def test_top_actors_keep_the_main_speaker():
    """Five places mentioned more than the one person quoted: the person still makes the top
    five, in place of the fifth place, in the report header as in the batch index."""
    places = ["Ardena", "Belmora", "Corvale", "Dunmere", "Estova"]
    text = (
        "Border talks\n\n"
        + " ".join(f"{p} and {p} met." for p in places)
        + '\n\n"We will sign," said Anna Keller.'
    )
    article = Article.from_text(text, id="border")
    t = article.text
    keller = Actor("Anna Keller", "person", mentions=(Mention(*_span(t, "Anna Keller"), "x"),))
    actors = (
        *(
            Actor(p, "place", mentions=(Mention(*_span(t, p), p), Mention(*_span(t, p, 1), p)))
            for p in places
        ),
        keller,
    )
    quote = Quote(*_span(t, '"We will sign,"'), '"We will sign,"', "direct", "Anna Keller",
                  *_span(t, "Anna Keller"), "said")  # fmt: skip
    analysis = ArticleAnalysis(article, Stats(), actors, (quote,))
    names = [a.name for a in display.top_actors(analysis)]
    assert names == ["Ardena", "Belmora", "Corvale", "Dunmere", "Anna Keller"]
    assert "Ardena, Belmora, Corvale, Dunmere, Anna Keller" in display.header_html(analysis)


def test_reports_and_corpus_charts_share_one_palette():
    from toolkit import plots

    assert plots.KIND_COLOURS is display.KIND_COLOURS
    assert display.KIND_COLOURS["organization"] == "#009E73"


@pytest.mark.parametrize(
    ("score", "band"), [(95, "very easy"), (61.2, "plain English"), (-3, "very difficult")]
)
def test_flesch_band(score, band):
    assert display.flesch_band(score) == band


_WORDS = st.sampled_from(["Keller", "said", "<z>", "&", "talks", '"', "x<y", "peace"])


@settings(max_examples=60, deadline=None)
@given(
    paragraphs=st.lists(
        st.lists(_WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=4
    ),
    cuts=st.lists(st.tuples(st.integers(0, 400), st.integers(1, 60)), max_size=6),
)
def test_any_marks_keep_the_text_and_balance(paragraphs, cuts):
    """Whatever quotations and mentions cover (overlapping, across paragraphs), the rendered
    text reads back as the article text and every tag is closed in order."""
    article = Article.from_text("\n\n".join(paragraphs), id="p", html=False)
    t = article.text
    spans = [(s % len(t), min(len(t), s % len(t) + n)) for s, n in cuts]
    spans = [(s, e) for s, e in spans if e > s]
    quotes = tuple(
        Quote(s, e, t[s:e], "direct", "Keller", None, None, "said") for s, e in spans[::2]
    )
    mentions = tuple(Mention(s, e, t[s:e]) for s, e in spans[1::2])
    actors = (Actor("Keller", "person", mentions=mentions),) if mentions else ()
    markup = display.article_html(ArticleAnalysis(article, Stats(), actors, quotes))
    assert visible_text(markup) == t
    assert_balanced(markup)
