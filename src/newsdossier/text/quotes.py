"""Quotation marks: the one place that pairs them (curly, straight, ``LDC'' and nested marks).

`find_quotes` pairs marks per paragraph, and a quote never runs on into the next paragraph: a quote
left open at a paragraph's end (the convention for a statement that goes on in the next paragraph)
ends there, and the next paragraph's quote is a claim of its own, as annotators of quotations count
them; it takes its speaker from the claim before. `quote_ranges` gives the character ranges a
quotation covers, for code that only needs to know whether an offset is quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdossier.records import Sentence

OPEN_MARKS = frozenset({"“", "``", "«", "„"})
CLOSE_MARKS = frozenset({"”", "''", "»"})
# Every token a tokenizer gives for a quotation mark, single and double, curly and straight.
MARK_TOKENS = frozenset({'"', "'", "‘", "’", "“", "”", "``", "''", "«", "»", "„"})
_MARKS = re.compile(r"``|''|[“”\"«»„]")
_SENT_END = re.compile(r"[.!?]")


@dataclass
class Quote:
    """A span of text between quotation marks; offsets of the content, without the marks."""

    open: int  # offset of the opening mark
    start: int
    end: int
    close: int  # offset just after the closing mark (== end when the quote is left open)
    depth: int
    paragraph: int


def _mark_role(text: str, i: int, mark: str, open_straight: bool, ldc: bool, opened: bool = False) -> str:
    """'open' or 'close' for a quotation mark at text[i]; straight marks are decided by context.

    `''` closes a ``LDC'' quote; in a text with no `` it is a straight mark of its own (''like this'').
    A curly mark typed the wrong way round is read by its place: an opening mark glued to the word
    before and followed by a space closes a quote that is open ('“Not now,“ she said'), and a closing
    mark after a space and before a letter opens one when none is open.
    """
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if mark == "“" and opened and not before.isspace() and before not in "([{—–-/" and after.isspace():
        return "close"
    if mark == "”" and not opened and before.isspace() and after.isalnum():
        return "open"
    if mark in OPEN_MARKS:
        return "open"
    if mark in CLOSE_MARKS and (mark != "''" or ldc):
        return "close"
    if before.isspace() or before in "([{—–-/":
        return "open" if not after.isspace() else ("close" if open_straight else "open")
    if after.isspace() or after in ".,;:!?)]}—–-" or not after:
        return "close"
    return "close" if open_straight else "open"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Content offsets without surrounding spaces and a trailing comma or colon."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;"):
        end -= 1
    return start, end


def paragraph_spans(sents: list[Sentence]) -> list[tuple[int, int, int]]:
    """(paragraph_id, start, end) of each paragraph, from its sentences."""
    spans: dict[int, list[int]] = {}
    for s in sents:
        a = spans.setdefault(s.paragraph_id, [s.start, s.end])
        a[0], a[1] = min(a[0], s.start), max(a[1], s.end)
    return [(p, a, b) for p, (a, b) in sorted(spans.items())]


def find_quotes(text: str, sents: list[Sentence]) -> list[Quote]:
    """Every quotation, paired per paragraph; a quote left open ends with its paragraph."""
    quotes: list[Quote] = []
    paras = paragraph_spans(sents)
    ldc = "``" in text
    for pid, pstart, pend in paras:
        stack: list[int] = []
        found: list[Quote] = []
        for m in _MARKS.finditer(text, pstart, pend):
            straight_open = bool(stack) and (text[stack[-1]] == '"' or text.startswith("''", stack[-1]))
            role = _mark_role(text, m.start(), m.group(0), straight_open, ldc, bool(stack))
            if role == "open":
                stack.append(m.start())
            elif stack:
                o = stack.pop()
                olen = 2 if text.startswith(("``", "''"), o) else 1
                a, b = trim(text, o + olen, m.start())
                found.append(Quote(o, a, b, m.end(), len(stack), pid))
        # marks left open: the quote runs to the next opening mark after a full stop, or the paragraph end
        for o in stack:
            olen = 2 if text.startswith(("``", "''"), o) else 1
            inner = sorted((q for q in found if q.open > o), key=lambda q: q.open)
            stop = pend
            for q in inner:
                if _SENT_END.search(text[max(o, q.open - 40) : q.open].rstrip()[-30:] or " "):
                    before = text[o : q.open].rstrip()
                    if before and before[-1] in ".!?":
                        stop = q.open
                        break
            single = _single_close(text, o + olen, stop)
            if single is not None:
                a, b = trim(text, o + olen, single)
                depth = sum(1 for x in stack if x < o)
                found.append(Quote(o, a, b, single + 1, depth, pid))
                continue
            a, b = trim(text, o + olen, stop)
            depth = sum(1 for x in stack if x < o)
            found.append(Quote(o, a, b, b, depth, pid))
            # quotes inside what turned out to be an unclosed sibling are top level after all
            for q in found:
                if q.open >= stop and q.depth > depth:
                    q.depth = depth
        quotes.extend(found)
    quotes.sort(key=lambda q: q.open)
    return quotes


_SINGLE_CLOSE = re.compile(r"(?<=[.!?])[’'](?=\s)")
_SINGLE_OPEN = re.compile(r"(?<=[\s(\[—–“\"-])[‘']")


def _single_close(text: str, start: int, stop: int) -> int | None:
    """Where a double quote left open ends with a single mark instead ('“Go home.’ She left.'), if it does.

    The mark must follow a sentence's end and come before a space, with no single quote opened
    inside the quote (‘nested’ quotes close with the same mark).
    """
    for m in _SINGLE_CLOSE.finditer(text, start, stop):
        if not _SINGLE_OPEN.search(text, start, m.start()):
            return m.start()
    return None


# The signature news sites print under an embedded social-media post: an optional link, a dash, the
# author's name, the handle in brackets and the date ('… — Jane Doe (@janedoe) May 4, 2021').
_POST_SIGNATURE = re.compile(
    r"\s*(?:(?:pic\.twitter\.com|https?://)\S*\s*)?[—–-]+\s*(?P<author>[^\s()—–@][^()\n—–@]{0,60}?)\s*"
    r"\(@\w+\)\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}"
)


def find_posts(text: str, paras: list[tuple[int, int, int]]) -> list[Quote]:
    """Embedded social-media posts: the words of a paragraph that ends in a post's signature.

    The quote's content is the post's text; its close is the end of the signature, which holds the author.
    """
    posts = []
    for pid, pstart, pend in paras:
        m = _POST_SIGNATURE.search(text, pstart, pend)
        if m is None or text[m.end() : pend].strip():
            continue
        a, b = trim(text, pstart, m.start())
        if b > a:
            posts.append(Quote(pstart, a, b, m.end(), 0, pid))
    return posts


def post_author(text: str, post: Quote) -> tuple[int, int]:
    """The offsets of the author's name in the signature of a post `find_posts` found."""
    m = _POST_SIGNATURE.match(text, post.end, post.close)
    if m is None:
        raise ValueError(f"no post signature at offset {post.end}: pass a quote that find_posts returned")
    return m.start("author"), m.end("author")


# Short words a title or a nickname may keep in lower case ('Pride and Prejudice', 'Ask the Mayor').
_TITLE_LOWER = frozenset("a an and at by for in of on or the to with".split())
# Most words of a quoted title or nickname.
MAX_NAME_WORDS = 5


def name_like(text: str, q: Quote) -> bool:
    """True when quoted words are a nickname or a title ('Jo “Ace” Reed', 'on “Morning Hour.”'), not speech.

    Every word is capitalised but for the short words titles keep in lower case, there are a few of them,
    and no sentence ends inside.
    """
    words = re.findall(r"[^\W\d_][\w’'-]*", text[q.start : q.end])
    if not words or len(words) > MAX_NAME_WORDS or _SENT_END.search(text[q.start : q.end].rstrip(".!?")):
        return False
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in _TITLE_LOWER for w in words)


def quote_ranges(quotes: list[Quote]) -> list[tuple[int, int]]:
    """Character ranges from each opening mark to just after its closing mark (or the quote's end)."""
    return [(q.open, max(q.close, q.end)) for q in quotes]


def left_open(text: str) -> bool:
    """True when a stretch of text opens a quotation it does not close (curly, LDC or straight marks)."""
    opened = text.count("“") - text.count("”") + text.count("``") - text.count("''")
    return opened > 0 or text.count('"') % 2 == 1


def inside(ranges: list[tuple[int, int]], offset: int) -> bool:
    """True when an offset falls in one of the ranges."""
    return any(a <= offset < b for a, b in ranges)
