"""Reading an article: plain text or HTML, its metadata, and its paragraphs.

Plain text is kept byte for byte (only decoded), so every offset in every table points into the
file as it is. HTML is reduced to its paragraphs, and offsets then point into that text, which
the run folder keeps as `article.txt`.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from newsdossier.errors import InputError

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("path", "published", "title", "source")
MAX_BYTES = 2_000_000  # a news article is a few kB; anything this big is not one
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<p[ >])", re.IGNORECASE)
_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre")
# Frequent English function words: they make up 30-46% of the words of every English dev article,
# and under 10% of French, German, Spanish or Dutch news text.
_ENGLISH_WORDS = frozenset(
    """
    the of and to a in is that for on with as was by he she it said at from his her an be have has had
    are were not this but they we you i which who will would their its or been after more about than
    when there all also one can could into if our out up what so no new over people
""".split()
)
_MIN_WORDS_TO_JUDGE = 30  # a headline or a test snippet is too short to tell its language
_MIN_ENGLISH_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: a run of text between blank lines."""

    paragraph_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """An article's text and what is known about it."""

    name: str
    path: str
    text: str
    published: dt.date | None
    title: str = ""
    source: str = ""
    format: str = "text"  # text / html


def parse_date(value: str | dt.date | None, *, what: str = "published") -> dt.date | None:
    """Parse an ISO date (YYYY-MM-DD); empty means unknown; anything else is an InputError."""
    if value is None or isinstance(value, dt.date):
        return value
    value = str(value).strip()
    if not value:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise InputError(f"{what} must be a date as YYYY-MM-DD, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise InputError(f"{what} {value!r} is not a real date: {err}") from err


def decode(raw: bytes, path: Path) -> str:
    """Decode article bytes as UTF-8, naming the line of the first bad byte if that fails."""
    if not raw.strip():
        raise InputError(f"{path}: the file is empty; give an article with some text")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: this is a binary file, not an article; give a .txt or .html file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise InputError(
            f"{path}, line {line}: not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}); "
            "save the article as UTF-8 and try again"
        ) from err


def looks_like_html(path: Path, text: str) -> bool:
    """An article is HTML by its extension or by how it starts."""
    return path.suffix.lower() in {".html", ".htm"} or bool(_HTML_START.match(text[:500]))


def html_to_text(html: str) -> tuple[str, str]:
    """Return (title, text) of an HTML page: its block elements as paragraphs, scripts dropped."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "nav", "footer", "header", "aside"]):
        tag.decompose()
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    blocks = []
    for tag in soup.find_all(_HTML_BLOCKS):
        if tag.find_parent(_HTML_BLOCKS):  # nested block: its text is in the parent already
            continue
        text = re.sub(r"\s+", " ", tag.get_text(" ", strip=True)).strip()
        if text:
            blocks.append(text)
    if not blocks:  # no block markup at all: fall back to the page's text
        blocks = [line.strip() for line in soup.get_text("\n").splitlines() if line.strip()]
    return title, "\n\n".join(blocks) + "\n"


def read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """Read a manifest CSV (path, published, title, source) keyed by article file name."""
    rows: dict[str, dict[str, str]] = {}
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ("path", "published") if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: the manifest needs the columns {', '.join(missing)}")
        for row in reader:
            rows[Path(row["path"]).name] = {k: (v or "").strip() for k, v in row.items() if k}
    return rows


def find_metadata(path: Path) -> dict[str, str]:
    """The manifest row for an article, from manifest.csv in the article's folder, if any."""
    manifest = path.parent / MANIFEST_NAME
    if not manifest.exists():
        return {}
    return read_manifest(manifest).get(path.name, {})


def load_article(
    path: str | Path,
    *,
    published: str | dt.date | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Article:
    """Read an article file; explicit arguments override its manifest row."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file; give the path of a .txt or .html article")
    if not path.is_file():
        raise InputError(f"{path}: not a file; give the path of a .txt or .html article")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            f"{path}: {size / 1e6:.1f} MB is too large for one article (limit {MAX_BYTES / 1e6:.0f} MB)"
        )
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from err
    text = decode(raw, path)
    meta = find_metadata(path)
    page_title = ""
    fmt = "text"
    if looks_like_html(path, text):
        page_title, text = html_to_text(text)
        fmt = "html"
    if not text.strip():
        raise InputError(f"{path}: no article text found in the file")
    check_english(text, path)
    pub = parse_date(published if published is not None else meta.get("published"))
    return Article(
        name=path.stem,
        path=str(path),
        text=text,
        published=pub,
        title=title if title is not None else (meta.get("title") or page_title or first_line(text)),
        source=source if source is not None else meta.get("source", ""),
        format=fmt,
    )


def check_english(text: str, path: Path) -> None:
    """Refuse text that is clearly not English: the model and the rules only read English."""
    words = _WORD.findall(text.lower())
    if len(words) < _MIN_WORDS_TO_JUDGE and len(text) < 400:  # CJK text has few "words" but many characters
        return
    share = sum(w in _ENGLISH_WORDS for w in words) / max(len(words), 1)
    if share < _MIN_ENGLISH_SHARE:  # other scripts (Cyrillic, CJK ...) share no words and land here too
        raise InputError(
            f"{path}: this does not look like English ({share:.0%} common English words, "
            f"English news has over 30%); newsdossier reads English articles only"
        )


def first_line(text: str, limit: int = 120) -> str:
    """The first non-empty line, as a fallback title."""
    for line in text.splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return ""


def paragraphs(text: str) -> list[Paragraph]:
    """Split text into paragraphs at blank lines, keeping offsets into the text."""
    out: list[Paragraph] = []
    pos = 0
    for m in list(_PARAGRAPH_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            start = pos + lead
            out.append(Paragraph(len(out), start, start + len(body), body))
        if m:
            pos = m.end()
    return out
