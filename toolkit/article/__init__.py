"""Loading and cleaning: files and strings in, :class:`Article` out.

This is the only layer that reads files. Everything downstream works on ``Article.text``, the
cleaned text that all offsets refer to: markup removed, whitespace normalised, paragraphs kept
and separated by one blank line.

>>> article = Article.from_text("Talks resume\\n\\nThe  talks resumed on Monday.\\np>\\n")
>>> article.title
'Talks resume'
>>> article.text
'Talks resume\\n\\nThe talks resumed on Monday.'
>>> [p.text for p in article.paragraphs]
['Talks resume', 'The talks resumed on Monday.']
"""

from __future__ import annotations

import codecs
import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from toolkit.errors import (
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
    UndecodableArticleError,
)
from toolkit.spans import Span

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "Article",
    "assign_ids",
    "clean_text",
    "decode_bytes",
    "expand_paths",
    "load_article",
    "slugify",
]

#: Files larger than this are refused (a news article is a few kilobytes; 10 MB is a book).
DEFAULT_MAX_BYTES = 10_000_000

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}

# File signatures long enough that no article starts with them by chance ("MZ Wallace opens a
# store" is text). Formats with short signatures (MZ, ID3, RIFF...) hold NUL bytes near the
# start and are caught by that check instead.
_BINARY_SIGNATURE = re.compile(
    rb"%PDF-|\x89PNG\r\n\x1a\n|GIF8[79]a|\xff\xd8\xff|PK\x03\x04|\x1f\x8b\x08|BZh[1-9]1AY&SY"
    rb"|\xfd7zXZ\x00|7z\xbc\xaf\x27\x1c|\x7fELF|\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    rb"|SQLite format 3\x00|OggS\x00|fLaC|wOF[F2]"
)

# HTML elements whose content is never article text.
_NEVER_TEXT = {
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas",
    "select", "button",
}  # fmt: skip
# Page furniture around the article. Skipped while the page still has text elsewhere: a
# document whose body sits inside one of them (an unclosed <head>, a page-wide <aside>) is
# read again without skipping them.
_PAGE_CHROME = {"head", "nav", "footer", "aside"}
_SKIPPED_ELEMENTS = _NEVER_TEXT | _PAGE_CHROME
# HTML elements that end a paragraph.
_BLOCK_ELEMENTS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "main",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "hr",
    "address",
    "body",
    "html",
    "title",
}
_TAG_NAMES = "|".join(
    sorted(
        _BLOCK_ELEMENTS
        | _SKIPPED_ELEMENTS
        | {
            "a",
            "abbr",
            "b",
            "big",
            "cite",
            "code",
            "em",
            "font",
            "i",
            "img",
            "ins",
            "del",
            "mark",
            "q",
            "s",
            "small",
            "span",
            "strong",
            "sub",
            "sup",
            "time",
            "u",
            "wbr",
            "meta",
            "link",
        },
        key=len,
        reverse=True,
    )
)
# A complete tag: <p>, </p>, <br/>, <a href="...">, <!-- comment -->. A tag with attributes
# needs at least one name=value, so that "if a<b and c>d" in plain text is left alone.
_TAG = re.compile(
    rf"<!--.*?-->|</?(?:{_TAG_NAMES})(?:\s*/?>|\s+[^<>]{{0,500}}?=[^<>]{{0,500}}>)|<!DOCTYPE[^>]*>",
    re.I | re.S,
)
# What is left of a tag cut in half by a careless export: a paragraph that is only "p>", "</p",
# "<br", "/div>" and the like.
_TAG_REMNANT = re.compile(
    rf"^(?:<\s*/?\s*(?:{_TAG_NAMES})\s*/?\s*>?|/?\s*(?:{_TAG_NAMES})\s*/?\s*>)$", re.I
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# Horizontal whitespace other than a plain space, and characters that should simply vanish.
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Soft hyphens, zero-width characters and bidirectional controls (which can make displayed text
# differ from its logical order).
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MULTISPACE = re.compile(r" {2,}")
_SENTENCE_END = re.compile(r"""[.!?:;,…]["'”’»)\]]*$""")


@dataclass(frozen=True)
class Article:
    """One news article, cleaned.

    ``text`` is the cleaned text; every offset the toolkit returns points into it.
    ``paragraphs`` are spans of ``text`` (separated by one blank line in ``text``).

    >>> a = Article.from_text("Fed holds rates\\n\\nThe Fed held rates on Wednesday.", id="fed")
    >>> a.id, a.title, len(a.paragraphs)
    ('fed', 'Fed holds rates', 2)
    """

    id: str
    title: str
    text: str
    paragraphs: tuple[Span, ...]
    source_path: Path | None = None
    encoding: str | None = None
    has_headline: bool = field(default=False, repr=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        id: str | None = None,
        title: str | None = None,
        *,
        html: bool | None = None,
    ) -> Article:
        """Clean ``text`` and wrap it as an article.

        ``html=None`` sniffs whether the text is an HTML document. ``id`` defaults to a short
        hash of the text; ``title`` defaults to the headline (a short first paragraph without
        closing punctuation) or else the opening words of the text.
        """
        if not isinstance(text, str):
            raise TypeError(f"Article.from_text expects a str, got {type(text).__name__}")
        if html is None:
            html = _looks_like_html_document(text)
        paragraphs, found_title = _clean(text, is_html=html, is_markdown=False)
        if not paragraphs:
            raise EmptyArticleError(id, "no text left after cleaning")
        if id is None:
            id = "text-" + hashlib.sha1("\n\n".join(paragraphs).encode("utf-8")).hexdigest()[:12]
        return _build(paragraphs, found_title, id=id, title=title, source_path=None, encoding=None)

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the cleaned text: equal fingerprints, equal analysis."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def __repr__(self) -> str:
        words = len(self.text.split())
        return f"Article(id={self.id!r}, title={self.title!r}, words={words}, paragraphs={len(self.paragraphs)})"


def load_article(
    path: str | Path,
    *,
    id: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read a ``.txt``, ``.md`` or ``.html`` file into an :class:`Article`.

    Text is decoded as UTF-8 (a byte-order mark selects UTF-8 or UTF-16); a file that is not
    valid UTF-8 is read as cp1252, then latin-1 (the common encodings of news dumps), and
    ``Article.encoding`` says which was used. Any other suffix is read as plain text.

    Raises an :class:`~toolkit.ArticleError` subclass, with a one-line message naming the file,
    for a missing path, a directory, an empty, binary, undecodable or too-large file.

    >>> load_article("seeds/000_810c36b51088a32c.txt").id  # doctest: +SKIP
    '000_810c36b51088a32c'
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise ArticleNotFoundError(path, "is a directory, not a file")
        if not path.exists():
            raise ArticleNotFoundError(path, "file not found")
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleTooLargeError(
                path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (max_bytes)"
            )
        data = path.read_bytes()
    except ArticleError:
        raise
    except OSError as exc:
        raise ArticleNotFoundError(path, f"cannot read file ({exc.strerror or exc})") from None

    text, encoding = decode_bytes(data, path)
    suffix = path.suffix.lower()
    is_html = suffix in HTML_SUFFIXES or (
        suffix not in MARKDOWN_SUFFIXES and _looks_like_html_document(text)
    )
    paragraphs, found_title = _clean(text, is_html=is_html, is_markdown=suffix in MARKDOWN_SUFFIXES)
    if not paragraphs:
        raise EmptyArticleError(path, "no text left after removing markup and whitespace")
    return _build(
        paragraphs,
        found_title,
        id=id or slugify(path.stem),
        title=None,
        source_path=path,
        encoding=encoding,
    )


def decode_bytes(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """Decode file bytes to text; return ``(text, encoding)``.

    Order: byte-order mark (UTF-8, UTF-16), UTF-8, cp1252, latin-1. Raises
    :class:`EmptyArticleError` for no bytes, :class:`BinaryArticleError` for binary content and
    :class:`UndecodableArticleError` when no encoding gives readable text.
    """
    if not data.strip():
        raise EmptyArticleError(path, "file is empty")
    if data.startswith(codecs.BOM_UTF8):
        return _decode_checked(data[len(codecs.BOM_UTF8) :], "utf-8", path), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_checked(data, "utf-16", path), "utf-16"
    if _BINARY_SIGNATURE.match(data) or b"\x00" in data[:65536]:
        raise BinaryArticleError(path, "binary file, not text")
    try:
        return _decode_checked(data, "utf-8", path), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            return _decode_checked(data, encoding, path), encoding
        except UnicodeDecodeError:
            continue
    raise UndecodableArticleError(path, "not valid UTF-8, cp1252 or latin-1 text")


def _decode_checked(data: bytes, encoding: str, path: str | Path | None) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if encoding == "utf-16":
            raise UndecodableArticleError(
                path, "invalid UTF-16 despite its byte-order mark"
            ) from None
        raise
    if not text.strip():
        raise EmptyArticleError(path, "file holds only whitespace")
    controls = len(_CONTROL.findall(text))
    if controls > max(3, len(text) // 200):
        if encoding in ("utf-8", "utf-16"):
            raise BinaryArticleError(path, "binary file, not text (control characters)")
        raise UndecodableArticleError(
            path, f"not readable as UTF-8 and garbled as {encoding} (control characters)"
        )
    return text


def slugify(name: str, max_length: int = 80) -> str:
    """A file-name-safe id: letters, digits, ``.``, ``_`` and ``-`` only, never a path.

    >>> slugify("../../etc/passwd")
    'etc-passwd'
    >>> slugify("Élysée: Macron's speech")
    'Elysee-Macron-s-speech'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name)
    slug = re.sub(r"-{2,}", "-", slug).strip("-._")[:max_length].strip("-._")
    return slug or "article"


def clean_text(text: str, *, html: bool = False) -> str:
    """The cleaning that :func:`load_article` applies, on a string.

    >>> clean_text("<p>Oil  prices&nbsp;rose.</p><p>Stocks fell.</p>", html=True)
    'Oil prices rose.\\n\\nStocks fell.'
    """
    paragraphs, _ = _clean(text, is_html=html, is_markdown=False)
    return "\n\n".join(paragraphs)


# --- building -----------------------------------------------------------------------------


def _build(
    paragraphs: list[str],
    found_title: str | None,
    *,
    id: str,
    title: str | None,
    source_path: Path | None,
    encoding: str | None,
) -> Article:
    text = "\n\n".join(paragraphs)
    spans = []
    offset = 0
    for paragraph in paragraphs:
        spans.append(Span(offset, offset + len(paragraph), paragraph))
        offset += len(paragraph) + 2
    has_headline = found_title == paragraphs[0] or _is_headline(paragraphs)
    if title is None:
        if found_title:
            title = found_title
        elif has_headline:
            title = paragraphs[0]
        else:
            title = _opening_words(paragraphs[0])
    return Article(
        id=id,
        title=title,
        text=text,
        paragraphs=tuple(spans),
        source_path=source_path,
        encoding=encoding,
        has_headline=has_headline,
    )


def _is_headline(paragraphs: list[str]) -> bool:
    first = paragraphs[0]
    return (
        len(paragraphs) > 1
        and len(first) <= 150
        and len(first.split()) <= 20
        and not _SENTENCE_END.search(first)
    )


def _opening_words(paragraph: str, limit: int = 12) -> str:
    words = paragraph.split()
    if len(words) <= limit:
        return paragraph
    return " ".join(words[:limit]).rstrip(",;:") + "…"


# --- cleaning -----------------------------------------------------------------------------


def _clean(text: str, *, is_html: bool, is_markdown: bool) -> tuple[list[str], str | None]:
    """Return the cleaned paragraphs and a title found in markup (HTML ``<title>``, ``# h1``)."""
    title = None
    if is_html:
        lines, title = _html_to_lines(text)
        text = "\n\n".join(lines)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub(" ", text.replace("\f", "\n").replace("\v", "\n"))
    if not is_html:
        text = _TAG.sub(" ", text)
        if _ENTITY.search(text):
            text = html.unescape(text)
            text = _SPACES.sub(" ", text)
    if is_markdown:
        text, md_title = _strip_markdown(text)
        title = title or md_title
    paragraphs = [
        p
        for p in (_MULTISPACE.sub(" ", " ".join(block)).strip() for block in _blocks(text))
        if p and not _TAG_REMNANT.match(p)
    ]
    if title is not None:
        title = _MULTISPACE.sub(" ", title).strip() or None
    return paragraphs, title


def _blocks(text: str) -> list[list[str]]:
    """Group lines into paragraphs.

    Blank lines always separate paragraphs. A single line break also does, unless the block
    looks hard-wrapped (lines of similar width, under 100 characters, that stop mid-sentence);
    then its lines are joined.
    """
    raw_blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        line = line.strip()
        if line:
            raw_blocks[-1].append(line)
        elif raw_blocks[-1]:
            raw_blocks.append([])
    blocks: list[list[str]] = []
    for block in raw_blocks:
        if not block:
            continue
        if _is_hard_wrapped(block):
            blocks.append(block)
        else:
            blocks.extend([line] for line in block)
    return blocks


def _is_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    widths = [len(line) for line in lines[:-1]]
    widest = max(len(line) for line in lines)
    if widest > 100 or min(widths) < 0.6 * widest:
        return False
    return any(not _SENTENCE_END.search(line) for line in lines[:-1])


def _looks_like_html_document(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    tags = len(
        re.findall(r"</?(?:p|div|br|span|a|h[1-6]|li|body|head)\b[^<>]*>", text[:20000], re.I)
    )
    return tags >= 5


def _strip_markdown(text: str) -> tuple[str, str | None]:
    title = None
    lines = []
    for line in text.split("\n"):
        heading = re.match(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if heading:
            line = heading.group(2)
            if title is None and len(heading.group(1)) == 1:
                title = line
        line = re.sub(r"^\s{0,3}>\s?", "", line)  # block quote
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)  # list bullet
        if re.fullmatch(r"\s*(?:[-*_]\s*){3,}", line):  # horizontal rule
            line = ""
        line = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", line)  # image
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)  # link
        line = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", line)  # bold
        line = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", line)  # italic
        line = re.sub(r"`([^`]*)`", r"\1", line)
        lines.append(line)
    return "\n".join(lines), title


class _TextExtractor(HTMLParser):
    """Collect the visible text of an HTML document as lines, one per block element."""

    def __init__(self, skip: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._current: list[str] = []
        self._skip = skip
        self._open_skipped: list[str] = []  # skipped elements we are inside, innermost last
        self._in_title = False
        self._in_h1 = False
        self.title: str | None = None
        self.h1: str | None = None
        self._h1_parts: list[str] = []
        self._title_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
            return
        if "head" in self._open_skipped and (tag == "body" or tag in _BLOCK_ELEMENTS):
            # The body starts: an unclosed <head> ends here, as browsers end it.
            del self._open_skipped[self._open_skipped.index("head") :]
        if tag in self._skip:
            self._open_skipped.append(tag)
            return
        if tag in _BLOCK_ELEMENTS:
            self._flush()
        if tag == "h1" and self.h1 is None:
            self._in_h1 = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_ELEMENTS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            if self.title is None:
                self.title = "".join(self._title_parts).strip() or None
            return
        if tag in self._open_skipped:
            # Close it and anything left open inside it.
            position = len(self._open_skipped) - 1 - self._open_skipped[::-1].index(tag)
            del self._open_skipped[position:]
            return
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.h1 = " ".join("".join(self._h1_parts).split()) or None
        if tag in _BLOCK_ELEMENTS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title_parts.append(data)
            return
        if self._open_skipped:
            return
        if self._in_h1:
            self._h1_parts.append(data)
        self._current.append(data)

    def _flush(self) -> None:
        line = " ".join("".join(self._current).split())
        if line:
            self.lines.append(line)
        self._current = []

    def close(self) -> None:
        super().close()
        self._flush()


def _html_to_lines(text: str) -> tuple[list[str], str | None]:
    for skip in (_SKIPPED_ELEMENTS, _NEVER_TEXT):
        parser = _TextExtractor(skip)
        parser.feed(text)
        parser.close()
        if parser.lines:
            break
    return parser.lines, parser.h1 or parser.title


# --- batches ------------------------------------------------------------------------------

#: Suffixes picked up when a folder is given.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_NOT_ARTICLES = re.compile(r"^(?:readme|license|licence|changelog|copying|sha256sums)\b", re.I)


def expand_paths(paths: str | Path | list[str | Path]) -> list[Path]:
    """Files named by ``paths``: files as given, folders searched recursively, globs expanded.

    In folders, files with an article suffix (``.txt``, ``.md``, ``.html``...) are taken,
    except hidden files and README/LICENSE-style files. A path that matches nothing is kept,
    so that loading it reports "file not found". Order is stable and duplicates are dropped.

    >>> expand_paths(["seeds/"])  # doctest: +SKIP
    [PosixPath('seeds/000_810c36b51088a32c.txt')]
    """
    import glob

    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in ARTICLE_SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                    and not _NOT_ARTICLES.match(p.name)
                )
            )
        elif not path.exists() and glob.has_magic(str(raw)):
            found.extend(
                Path(p) for p in sorted(glob.glob(str(raw), recursive=True)) if Path(p).is_file()
            )
        else:
            found.append(path)
    seen: set[Path] = set()
    unique = []
    for path in found:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def assign_ids(paths: list[Path]) -> dict[Path, str]:
    """A unique, file-name-safe id for each path: the file name's slug, with parent folder
    names prefixed where two files share a name (``business/001.txt`` -> ``business-001``).

    >>> assign_ids([Path("bbc/business/001.txt"), Path("bbc/sport/001.txt")])
    {PosixPath('bbc/business/001.txt'): 'business-001', PosixPath('bbc/sport/001.txt'): 'sport-001'}
    """
    depth = {path: 0 for path in paths}

    def make(path: Path) -> str:
        parts = path.resolve().parts[:-1]
        prefix = parts[len(parts) - depth[path] :] if depth[path] else ()
        return slugify("-".join([*prefix, path.stem]))

    for _ in range(64):
        ids: dict[str, list[Path]] = {}
        for path in paths:
            ids.setdefault(make(path), []).append(path)
        clashes = [group for group in ids.values() if len(group) > 1]
        if not clashes:
            break
        grew = False
        for group in clashes:
            if len({path.resolve().parent for path in group}) == 1:
                continue  # folder names cannot tell files of one folder apart
            for path in group:
                if depth[path] < len(path.resolve().parts) - 1:
                    depth[path] += 1
                    grew = True
        if not grew:  # same-folder twins (a.txt, a.md): the counter below tells them apart
            break
    natural = {path: make(path) for path in paths}
    # Paths that still clash (the same file spelled twice, very deep twins) get a counter that
    # is never another path's natural id: assign_ids([a.txt, a.md, x/a-2.txt]) stays unique.
    taken = set(natural.values())
    result: dict[Path, str] = {}
    used: set[str] = set()
    for path, value in natural.items():
        candidate, counter = value, 1
        while candidate in used or (candidate != value and candidate in taken):
            counter += 1
            candidate = f"{value}-{counter}"
        used.add(candidate)
        result[path] = candidate
    return result
