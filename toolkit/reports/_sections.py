"""The sections of the overview page above the article table: corpus figures, top actors,
who is quoted (voice share), source diversity (people quoted by inferred gender and by
role), then by outlet and over time when the articles have outlets and dates.

>>> from toolkit.reports._overview import overview
>>> figures = overview([{"words": 120, "quotes": 2}])
>>> "<h2>The corpus</h2>" in overview_sections(figures)
True

Gender is what the toolkit infers from each article (pronouns, titles, first names), never a
fact about a person: every chart of it says "inferred gender".
"""

from __future__ import annotations

from collections import Counter
from html import escape

from toolkit.display import KIND_COLOURS, OTHER_KIND_COLOUR
from toolkit.reports._charts import (
    GENDER_COLOURS,
    ROLE_COLOURS,
    UNKNOWN_COLOUR,
    Bar,
    Column,
    Segment,
    bar_chart,
    column_chart,
    legend,
    stacked_chart,
)
from toolkit.reports._overview import GENDERS, Group, Overview, women_share

__all__ = ["overview_sections"]

_TOP_ACTORS = 15
_TOP_SPEAKERS = 10
_TOP_OUTLETS = 25
_UNKNOWN = "unknown"
_GENDER_NAMES = {"female": "women", "male": "men", "unknown": "unknown"}
_INFERRED = (
    "Gender is inferred from each article (pronouns, titles) and from first names: what the "
    "text suggests, not a fact about the person. Shares of women are of the people with an "
    "inferred gender."
)


def overview_sections(figures: Overview) -> str:
    """The overview's sections, in order, as HTML (empty ones left out)."""
    parts = [
        _corpus_figures(figures),
        _top_actors(figures),
        _voice_share(figures),
        _source_diversity(figures),
        _by_outlet(figures),
        _over_time(figures),
    ]
    return "\n".join(p for p in parts if p)


def _corpus_figures(figures: Overview) -> str:
    total = figures.total
    items = [
        ("articles", f"{total.articles:,}"),
        ("words", f"{total.words:,}"),
        ("quotations", f"{total.quotes:,}"),
        ("people quoted", f"{total.sources_total:,}"),
    ]
    if figures.outlets:
        items.append(("outlets", f"{len(figures.outlets):,}"))
    if figures.periods:
        items.append(("dates", f"{figures.periods[0].label} to {figures.periods[-1].label}"))
    cells = "".join(
        f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>" for label, value in items
    )
    return f'<section><h2>The corpus</h2><dl class="ov-figures">{cells}</dl></section>'


def _top_actors(figures: Overview) -> str:
    actors = figures.actors[:_TOP_ACTORS]
    if not actors:
        return ""
    bars = [
        Bar(
            a.name,
            a.mentions,
            f"{_count(a.mentions, 'mention')} in {_articles(a.articles)}"
            + (f"; quoted in {a.quoted_articles:,}" if a.quoted_articles else ""),
            KIND_COLOURS.get(a.kind, OTHER_KIND_COLOUR),
        )
        for a in actors
    ]
    kinds = [k for k in KIND_COLOURS if any(a.kind == k for a in actors)]
    chart = bar_chart(
        f"The {len(actors)} most mentioned actors (names, demonyms and pronouns that refer "
        "to them)",
        bars,
        legend([Segment(k, 0, KIND_COLOURS[k]) for k in kinds]),
    )
    return f"<section><h2>Top actors</h2>{chart}</section>"


def _voice_share(figures: Overview) -> str:
    total = figures.total.quotes
    speakers = figures.speakers[:_TOP_SPEAKERS]
    if not total or not speakers:
        return ""
    bars = [
        Bar(
            s.name,
            s.quotes,
            f"{_count(s.quotes, 'quotation')} ({s.quotes / total:.0%}) in "
            f"{_articles(s.quoted_articles)}",
            KIND_COLOURS.get(s.kind, OTHER_KIND_COLOUR),
        )
        for s in speakers
    ]
    unattributed = figures.total.unattributed
    note = (
        f"Shares of all {total:,} quotations; {unattributed:,} ({unattributed / total:.0%}) "
        "have no speaker."
    )
    chart = bar_chart(f"Voice share: the {len(speakers)} most quoted speakers", bars, note)
    return f"<section><h2>Who is quoted</h2>{chart}</section>"


def _source_diversity(figures: Overview) -> str:
    total = figures.total
    if not sum(total.people.values()):
        return ""
    rows = [
        _gender_row("people mentioned", total.people),
        _gender_row("people quoted", total.sources),
    ]
    gender = stacked_chart(
        "People mentioned and people quoted, by inferred gender", rows, _gender_legend()
    )
    roles = _role_chart(total)
    return (
        f'<section><h2>Source diversity</h2>{gender}<p class="ov-note">{escape(_INFERRED)}</p>'
        f"{roles}</section>"
    )


def _role_chart(total: Group) -> str:
    quoted = total.sources_total
    if not quoted:
        return ""
    bars = [
        Bar(_role_name(role), n, f"{n:,} ({n / quoted:.0%})", _role_colour(role, total))
        for role, n in _ranked_roles(total.roles)
    ]
    return bar_chart(f"People quoted, by role ({quoted:,} people quoted)", bars)


def _by_outlet(figures: Overview) -> str:
    outlets = figures.outlets[:_TOP_OUTLETS]
    if not outlets:
        return ""
    rows = [_gender_row(g.label, g.sources) for g in outlets]
    gender = stacked_chart("People quoted per outlet, by inferred gender", rows, _gender_legend())
    roles = stacked_chart(
        "People quoted per outlet, by role",
        [(g.label, _role_segments(g, figures.total), _role_text(g)) for g in outlets],
        _role_legend(figures.total),
    )
    left = len(figures.outlets) - len(outlets)
    more = (
        f'<p class="ov-note">And {left:,} more outlets (see the table below).</p>' if left else ""
    )
    no_outlet = figures.total.articles - sum(g.articles for g in figures.outlets)
    if no_outlet:
        more += f'<p class="ov-note">{_articles(no_outlet)} without an outlet.</p>'
    return f"<section><h2>By outlet</h2>{gender}{roles}{more}</section>"


def _over_time(figures: Overview) -> str:
    periods = figures.periods
    if not periods:
        return ""
    per = figures.period or "period"
    tallest = max(g.articles for g in periods)
    articles = column_chart(
        f"Articles per {per} (the tallest column: {_articles(tallest)})",
        [Column(g.label, g.articles, _articles(g.articles)) for g in periods],
        f"Articles per {per}: " + "; ".join(f"{g.label} {g.articles:,}" for g in periods),
    )
    shares = [_share_column(g) for g in periods]
    women = column_chart(
        f"Share of women among people quoted (inferred gender), per {per}",
        shares,
        f"Share of women among people quoted, inferred gender, per {per}: "
        + "; ".join(f"{c.label} {c.text}" for c in shares),
        note="Column height: the share of women, from 0 to 100% (the chart's height; the "
        f"line marks 50%), among the people quoted with an inferred gender in that {per}; a "
        f"{per} without any has no column.",
        scale=1.0,
        half_line=True,
    )
    undated = (
        f'<p class="ov-note">{_articles(figures.undated)} without a date.</p>'
        if figures.undated
        else ""
    )
    return f"<section><h2>Over time</h2>{articles}{women}{undated}</section>"


# --- pieces ---------------------------------------------------------------------------------


def _share_column(group: Group) -> Column:
    share = group.women_share
    if share is None:
        return Column(group.label, None, "no one quoted with an inferred gender")
    known = group.sources["female"] + group.sources["male"]
    return Column(group.label, share, f"{share:.0%} of {known:,}")


def _gender_row(label: str, people: Counter[str]) -> tuple[str, list[Segment], str]:
    """A stacked-bar row of ``people`` by inferred gender."""
    segments = [Segment(_GENDER_NAMES[g], people[g], GENDER_COLOURS[g]) for g in GENDERS]
    share = women_share(people)
    known = people["female"] + people["male"]
    said = f"women {share:.0%} of {known:,}" if share is not None else "no inferred gender"
    return label, segments, f"{said}; {people['unknown']:,} unknown"


def _gender_legend() -> list[Segment]:
    return [
        Segment(f"{_GENDER_NAMES[g]} (inferred)" if g != "unknown" else "gender unknown", 0, c)
        for g, c in GENDER_COLOURS.items()
    ]


def _ranked_roles(roles: Counter[str]) -> list[tuple[str, int]]:
    """Roles, most people first, with ``unknown`` last whatever its count."""
    ranked = sorted(roles.items(), key=lambda item: (item[0] == _UNKNOWN, -item[1], item[0]))
    return [(role, n) for role, n in ranked if n]


def _main_roles(total: Group) -> list[str]:
    """The known roles with a colour of their own: the most common in the batch."""
    known = [role for role, _ in _ranked_roles(total.roles) if role != _UNKNOWN]
    return known[: len(ROLE_COLOURS) - 1]


def _role_colour(role: str, total: Group) -> str:
    if role == _UNKNOWN:
        return UNKNOWN_COLOUR
    main = _main_roles(total)
    return ROLE_COLOURS[main.index(role)] if role in main else ROLE_COLOURS[-1]


def _role_segments(group: Group, total: Group) -> list[Segment]:
    """A stacked bar's parts: the main roles, the other known roles, unknown."""
    main = _main_roles(total)
    segments = [Segment(_role_name(r), group.roles[r], _role_colour(r, total)) for r in main]
    other = sum(n for r, n in group.roles.items() if r not in main and r != _UNKNOWN)
    return [
        *segments,
        Segment("other roles", other, ROLE_COLOURS[-1]),
        Segment(_role_name(_UNKNOWN), group.roles[_UNKNOWN], UNKNOWN_COLOUR),
    ]


def _role_legend(total: Group) -> list[Segment]:
    main = _main_roles(total)
    items = [Segment(_role_name(r), 0, _role_colour(r, total)) for r in main]
    if any(r not in main and r != _UNKNOWN for r in total.roles):
        items.append(Segment("other roles", 0, ROLE_COLOURS[-1]))
    if total.roles[_UNKNOWN]:
        items.append(Segment(_role_name(_UNKNOWN), 0, UNKNOWN_COLOUR))
    return items


def _role_text(group: Group) -> str:
    """``"129 quoted; most: politician (27%)"``: the most common known role."""
    quoted = group.sources_total
    known = [(role, n) for role, n in _ranked_roles(group.roles) if role != _UNKNOWN]
    if not quoted or not known:
        return f"{quoted:,} quoted" + ("; roles unknown" if quoted else "")
    role, n = known[0]
    return f"{quoted:,} quoted; most: {_role_name(role)} ({n / quoted:.0%})"


def _role_name(role: str) -> str:
    return "role unknown" if role == _UNKNOWN else role.replace("_", " / ")


def _count(n: int, noun: str) -> str:
    """ "1 mention", "2 mentions"."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _articles(n: int) -> str:
    return _count(n, "article")
