"""Statements: the claims of several articles that report one statement, grouped; and the quotes
that the reports give in different words.

Cost: a claim is compared only with claims of the same speaker that share a run of three words with
it (an inverted index of word trigrams), and under each trigram only with a few claims (SAMPLES) of
each group met there, up to SHINGLE_CAP groups (a trigram that many statements share says nothing).
So the work grows linearly with the number of claims, even when a hundred articles repeat a quote.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from newsdossier.batch.story.groups import Groups, Ids, joined
from newsdossier.batch.story.names import tokens
from newsdossier.batch.story.wording import differences, reworded, shared_words, wording
from newsdossier.records import QuoteVariant, Statement

SHINGLE = 3  # words per shingle
SHINGLE_CAP = 50  # groups under one key beyond which the key is too common to compare on
SAMPLES = 3  # claims of a group that a new claim is compared with
SAME_MIN = 88.0  # rapidfuzz ratio of two wordings for one statement
EXCERPT_MIN = 95.0  # partial_ratio when one report quotes part of the other's wording ...
EXCERPT_WORDS = 6  # ... and that part is at least this long
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def speaker_key(corpus_actor_id: str, speaker: str) -> str:
    """Who a claim is from across articles: the corpus actor, else the speaker's words ("police")."""
    if corpus_actor_id:
        return corpus_actor_id
    name = " ".join(tokens(speaker))
    return f"said:{name}" if name else ""


def same_statement(a: str, b: str) -> bool:
    """Whether two wordings (see wording()) report one statement: near-identical, or one an excerpt."""
    if fuzz.ratio(a, b) >= SAME_MIN:
        return True
    shorter = min(a, b, key=len)
    return len(shorter.split()) >= EXCERPT_WORDS and fuzz.partial_ratio(a, b) >= EXCERPT_MIN


def _shingles(text: str) -> set[str]:
    ws = text.split()
    if len(ws) <= SHINGLE:
        return {text} if text else set()
    return {" ".join(ws[i : i + SHINGLE]) for i in range(len(ws) - SHINGLE + 1)}


def group_claims(speakers: list[str], wordings: list[str], same: Callable[[str, str], bool]) -> list[int]:
    """For each claim, the index of the first claim of its group (same speaker, same() content)."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (who, text) in enumerate(zip(speakers, wordings)):
        if who:
            for shingle in _shingles(text):
                postings[(who, shingle)].append(i)
    groups = Groups(range(len(wordings)))
    tried: set[tuple[int, int]] = set()
    for members in postings.values():
        # A claim is compared with a few claims of each group already met under this key, not with
        # every claim: a quote that a hundred articles repeat costs a hundred comparisons, not 5,000.
        samples: dict[int, list[int]] = {}  # a group met here (by its first claim) -> a few of its claims
        for j in members:
            home = None
            for first, picks in samples.items():
                if groups.find(first) == groups.find(j):
                    home = first
                    break
                fresh = [i for i in picks if (i, j) not in tried]
                tried.update((i, j) for i in fresh)
                if any(same(wordings[i], wordings[j]) for i in fresh):
                    groups.union(first, j)
                    home = first
                    break
            if home is None:
                if len(samples) >= SHINGLE_CAP:  # a phrase this many statements share says nothing
                    break
                samples[j] = [j]
            elif len(samples[home]) < SAMPLES:
                samples[home].append(j)
    root_of = {}
    for root, items in groups.groups().items():
        for i in items:
            root_of[i] = root
    return [root_of[i] for i in range(len(wordings))]  # type: ignore[misc]


def claim_day(date: str, published: str) -> str:
    """The day a claim was made: its own date when the article gives a day, else the article's day."""
    return date[:10] if _DAY.match(date or "") else (published or "")


def _representative(texts: list[str], wordings: list[str], articles: list[str]) -> int:
    """The index of the wording most articles give (the longest of those, then the first)."""
    reach: dict[str, set[str]] = defaultdict(set)
    for text, article in zip(wordings, articles):
        reach[text].add(article)
    return max(range(len(texts)), key=lambda i: (len(reach[wordings[i]]), len(texts[i]), -i))


def statements(
    claims: pd.DataFrame,
    speaker_ids: list[str],
    speaker_names: dict[str, str],
    published: dict[str, str],
    outlet_of: dict[str, str],
) -> tuple[list[str], list[Statement], list[QuoteVariant]]:
    """The statement_id of every claim row (in order), the statements and the quote variants."""
    rows = list(claims.itertuples(index=False))  # plain tuples: pandas per-row access is slow
    keys = [speaker_key(c, str(r.speaker)) for c, r in zip(speaker_ids, rows)]
    texts = [str(r.content) for r in rows]
    wordings = [wording(t) for t in texts]
    members: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(group_claims(keys, wordings, same_statement)):
        members[root].append(i)
    ids = [""] * len(rows)
    found: list[Statement] = []
    variants: list[QuoteVariant] = []
    new_id = Ids("st").new
    for group in members.values():
        part = [rows[i] for i in group]
        articles = [str(r.article) for r in part]
        best = group[_representative([texts[i] for i in group], [wordings[i] for i in group], articles)]
        ident = new_id(keys[best] or f"{rows[best].article}:{rows[best].claim_id}", wordings[best])
        for i in group:
            ids[i] = ident
        days = sorted(
            d for d in (claim_day(str(r.date), published.get(str(r.article), "")) for r in part) if d
        )
        kinds = Counter(str(r.kind) for r in part)
        quotes = _quote_versions(rows, group, texts, wordings)
        flagged = len(quotes) > 1
        if flagged:
            variants += _variant_rows(ident, rows, texts, quotes, outlet_of)
        speaker_id = speaker_ids[best]
        found.append(
            Statement(
                statement_id=ident,
                speaker=speaker_names.get(speaker_id) or str(rows[best].speaker),
                corpus_actor_id=speaker_id,
                kind="direct" if kinds["direct"] else max(sorted(kinds), key=kinds.__getitem__),
                content=texts[best],
                first_date=days[0] if days else "",
                last_date=days[-1] if days else "",
                articles=len(set(articles)),
                outlets=joined(outlet_of.get(a, "") for a in articles),
                in_articles=joined(articles),
                claims=len(group),
                variants=len({wordings[i] for i in group}),
                quote_variant=flagged,
            )
        )
    found.sort(key=lambda s: (-s.articles, -s.claims, s.first_date, s.statement_id))
    return ids, found, variants


def _quote_versions(
    rows: list[Any], group: list[int], texts: list[str], wordings: list[str]
) -> list[list[int]]:
    """The group's direct quotes by wording when two reports word one quote differently; the first is
    the reference: the version sharing the most words with the others (then the most reported)."""
    direct = [i for i in group if str(rows[i].kind) == "direct"]
    by_wording: dict[str, list[int]] = defaultdict(list)
    for i in direct:
        by_wording[wordings[i]].append(i)
    if len({str(rows[i].article) for i in direct}) < 2 or len(by_wording) < 2:
        return []
    versions = list(by_wording.values())
    shown = [texts[v[0]] for v in versions]

    def weight(n: int) -> tuple[int, int, int]:
        covered = sum(shared_words(shown[n], shown[m]) for m in range(len(versions)) if m != n)
        return covered, len({str(rows[i].article) for i in versions[n]}), -versions[n][0]

    order = sorted(range(len(versions)), key=weight, reverse=True)
    versions = [versions[n] for n in order]
    reference = texts[versions[0][0]]
    if not any(reworded(reference, texts[v[0]]) for v in versions[1:]):
        return []  # the same words throughout: some reports only quote less of them
    return versions


def _variant_rows(
    ident: str, rows: list[Any], texts: list[str], versions: list[list[int]], outlet_of: dict[str, str]
) -> list[QuoteVariant]:
    """Side-by-side rows: each wording with the words in which it differs from the reference (version 1)
    marked; the reference's marks are its words that any other version gives differently."""
    reference = texts[versions[0][0]]
    out = []
    for number, version in enumerate(versions, start=1):
        text = texts[version[0]]
        if number == 1:
            marked = {w for v in versions[1:] for w in differences(reference, texts[v[0]]) or []}
        else:
            marked = set(differences(text, reference) or [])
        marked_words = sorted(marked, key=lambda w: w.start)
        articles = [str(rows[i].article) for i in version]
        out.append(
            QuoteVariant(
                statement_id=ident,
                version=number,
                content=text,
                differing=" ".join(text[w.start : w.end] for w in marked_words),
                marks=";".join(f"{w.start}-{w.end}" for w in marked_words),
                articles=len(set(articles)),
                outlets=joined(outlet_of.get(a, "") for a in articles),
                claims=";".join(f"{a}:{rows[i].claim_id}" for a, i in zip(articles, version)),
            )
        )
    return out
