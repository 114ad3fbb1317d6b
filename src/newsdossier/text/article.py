"""Reading an article: plain text or HTML, its metadata, and its paragraphs.

Plain text is kept byte for byte (only decoded), so every offset in every table points into the
file as it is. HTML is reduced to its paragraphs, and offsets then point into that text, which
the run folder keeps as `article.txt`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from newsdossier.errors import InputError

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("path", "published", "title", "source")
MAX_BYTES = 2_000_000  # a news article is a few kB; anything this big is not one
# The text's limit (after HTML is reduced to it): about 80,000 words, ten times a long feature. The
# analysis of one article grows faster than its length, so a longer text is refused, not left to run.
MAX_CHARS = 500_000
# Publication dates outside these years are refused: wide enough for any archive, and far enough from
# datetime's limits (years 1-9999) that relative arithmetic ("next year", "in 900 years") cannot overflow.
MIN_YEAR, MAX_YEAR = 1000, 8999
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
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
class ManifestRow:
    """One row of a manifest.csv, with the line it came from (for messages that point at it)."""

    line: int
    path: str
    published: str = ""
    title: str = ""
    source: str = ""


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
    """Parse an ISO date (YYYY-MM-DD) in years MIN_YEAR-MAX_YEAR; empty means unknown; else an InputError."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        date = value
    else:
        value = str(value).strip()
        if not value:
            return None
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise InputError(f"{what} must be a date as YYYY-MM-DD, got {value!r}")
        try:
            date = dt.date.fromisoformat(value)
        except ValueError as err:
            raise InputError(f"{what} {value!r} is not a real date: {err}") from err
    if not MIN_YEAR <= date.year <= MAX_YEAR:
        raise InputError(
            f"{what} {date.isoformat()!r} is out of range: give a date between "
            f"{MIN_YEAR}-01-01 and {MAX_YEAR}-12-31"
        )
    return date


def _utf16_without_bom(raw: bytes) -> bool:
    """Mostly-ASCII UTF-16 has a zero in every other byte, all on the same side."""
    sample = raw[:4096]
    even, odd = sample[0::2], sample[1::2]
    return len(sample) >= 8 and (
        (odd.count(0) > 0.7 * len(odd) and even.count(0) == 0)
        or (even.count(0) > 0.7 * len(even) and odd.count(0) == 0)
    )


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def decode(raw: bytes, path: Path, *, what: str = "article") -> str:
    """Decode a file's bytes: UTF-8, or UTF-16/32 with a byte-order mark; name the bad byte otherwise."""
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(
                    f"{path}: a {label} file that does not decode (byte offset {err.start}: {err.reason}); "
                    f"save the {what} as UTF-8 and try again"
                ) from err
            break
    else:
        if b"\x00" in raw[:8192]:
            if _utf16_without_bom(raw):
                raise InputError(
                    f"{path}: this looks like UTF-16 without a byte-order mark; "
                    f"save the {what} as UTF-8 (or UTF-16 with a byte-order mark)"
                )
            kind = "a .txt or .html file" if what == "article" else "a text file"
            raise InputError(f"{path}: this is a binary file, not {_a(what)}; give {kind}")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = raw[: err.start].count(b"\n") + 1
            raise InputError(
                f"{path}, line {line}: not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}); "
                f"save the {what} as UTF-8 and try again"
            ) from err
    if not text.strip():
        raise InputError(f"{path}: the file is empty; give {_a(what)} with some text")
    return text


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


def _cell(value: object) -> str:
    return "" if value is None else str(value).strip()


def read_manifest_rows(
    manifest: Path, *, required: tuple[str, ...] = ("path",)
) -> tuple[list[ManifestRow], list[tuple[int, str]]]:
    """Read a CSV or JSONL manifest: its rows, and (line, reason) for each broken row.

    A file that cannot be read or decoded, or lacks a required column, is an InputError; a broken row
    (no path, more cells than the header, not a JSON object) is returned for the caller to report.
    """
    try:
        data = manifest.read_bytes()
    except OSError as err:
        raise InputError(f"{manifest}: the manifest cannot be read ({err.strerror})") from err
    text = decode(data, manifest, what="manifest")  # a spreadsheet's BOM, or UTF-16/32 with a BOM, is fine
    rows: list[ManifestRow] = []
    broken: list[tuple[int, str]] = []
    if manifest.suffix.lower() in (".jsonl", ".ndjson"):
        for line, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except json.JSONDecodeError as err:
                broken.append((line, f"not valid JSON ({err.msg} at column {err.colno})"))
                continue
            if not isinstance(row, dict) or not _cell(row.get("path")):
                broken.append((line, 'not an object with a "path"'))
                continue
            rows.append(ManifestRow(line, *(_cell(row.get(c)) for c in MANIFEST_COLUMNS)))
        return rows, broken
    if manifest.suffix.lower() != ".csv":
        raise InputError(f"{manifest}: a manifest is a .csv or .jsonl file (path, published, title, source)")
    # newline="" lets a quoted cell hold a line break (a title over two lines), as CSV allows
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(
            f"{manifest}: the manifest needs the columns {', '.join(missing)} "
            "(its columns are path, published, title, source)"
        )
    try:
        for row in reader:
            line = reader.line_num
            if None in row:  # more cells than the header has columns
                broken.append((line, "more cells than the header has columns (an unquoted comma?)"))
            elif not _cell(row.get("path")):
                broken.append((line, "no path"))
            else:
                rows.append(ManifestRow(line, *(_cell(row.get(c)) for c in MANIFEST_COLUMNS)))
    except csv.Error as err:
        raise InputError(f"{manifest}, line {reader.line_num}: not a valid CSV row ({err})") from err
    return rows, broken


def read_manifest(path: Path) -> dict[str, ManifestRow]:
    """The rows of the manifest.csv beside articles, keyed by article file name (broken rows left out)."""
    rows, _ = read_manifest_rows(path, required=("path", "published"))
    return {Path(row.path).name: row for row in rows}


def manifest_row(path: Path) -> tuple[Path, ManifestRow] | None:
    """The manifest.csv beside an article and the article's row in it, if there is one."""
    manifest = path.parent / MANIFEST_NAME
    if not manifest.is_file():
        return None
    row = read_manifest(manifest).get(path.name)
    return (manifest, row) if row else None


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
    found = manifest_row(path)
    row = found[1] if found else ManifestRow(0, path.name)
    page_title = ""
    fmt = "text"
    if looks_like_html(path, text):
        page_title, text = html_to_text(text)
        fmt = "html"
    if not text.strip():
        raise InputError(f"{path}: no article text found in the file")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"{path}: the text has {len(text):,} characters, more than one article may have "
            f"({MAX_CHARS:,} characters); split it into parts and give each as an article"
        )
    check_english(text, path)
    if published is not None:
        pub = parse_date(published)
    else:
        try:
            pub = parse_date(row.published)
        except InputError as err:  # point at the manifest row, where the date has to be fixed
            raise InputError(f"{found[0]}, line {row.line}: {err}") from err
    return Article(
        name=path.stem,
        path=str(path),
        text=text,
        published=pub,
        title=title if title is not None else (row.title or page_title or first_line(text)),
        source=source if source is not None else row.source,
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
