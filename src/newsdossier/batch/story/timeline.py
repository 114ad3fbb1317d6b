"""The story timeline: the articles' dated events on one date about one actor, merged.

An event is keyed by its date and its lead actor: of its actors, the one the most articles of the
corpus name, people before organisations before places ("the suspect was arrested in the city on
Tuesday" is about the suspect). Keying on every shared actor instead chains a whole year of
background into one event through a country or a newspaper. Grouping by key is linear in the
number of events. Events with no actor, or a date without a year, stay on their own.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pandas as pd

from newsdossier.batch.story.groups import Groups, Ids, joined
from newsdossier.batch.story.wording import wording
from newsdossier.records import CorpusActor, StoryEvent

LEAD_TYPES = {"person": 0, "organization": 1, "group": 1, "location": 2}

_KNOWN_YEAR = re.compile(r"^\d{4}")


def event_date(value: str) -> str:
    """The date an event is merged on: its value cut to the day (a time of day is the same day);
    empty when it has no year (XXXX-02-26) or is a vague reference (PAST_REF)."""
    value = str(value or "")
    return value[:10] if _KNOWN_YEAR.match(value) else ""


def lead_actor(actors: list[str], rank: dict[str, tuple[int, int]]) -> str:
    """The actor an event is about: people first, then organisations, then the rest; the most reported."""
    return min(actors, key=lambda a: (*rank.get(a, (9, 0)), a)) if actors else ""


def story_timeline(
    timeline: pd.DataFrame,
    actor_ids: list[list[str]],
    actors: list[CorpusActor],
    outlet_of: dict[str, str],
) -> tuple[list[str], list[StoryEvent]]:
    """The story_event_id of every event row (in order; empty when undated) and the story events."""
    rows = list(timeline.itertuples(index=False))  # plain tuples: pandas per-row access is slow
    rank = {a.corpus_actor_id: (LEAD_TYPES.get(a.type, 3), -a.articles) for a in actors}
    actor_names = {a.corpus_actor_id: a.name for a in actors}
    dates = [event_date(r.date) for r in rows]
    groups = Groups(i for i, d in enumerate(dates) if d)
    first_with: dict[tuple[str, str], int] = {}
    for i, (date, ids) in enumerate(zip(dates, actor_ids)):
        if date and (lead := lead_actor(ids, rank)):
            groups.union(first_with.setdefault((date, lead), i), i)
    ids = [""] * len(rows)
    out: list[StoryEvent] = []
    new_id = Ids("ev").new
    for members in groups.groups().values():
        part = [rows[i] for i in members]  # type: ignore[index]
        articles = [str(r.article) for r in part]
        texts = [str(r.event) for r in part]
        reach: dict[str, set[str]] = defaultdict(set)
        for text, article in zip(texts, articles):
            reach[wording(text)].add(article)
        best = max(range(len(texts)), key=lambda k: (len(reach[wording(texts[k])]), -k))
        involved = Counter(a for i in members for a in actor_ids[i])  # type: ignore[index]
        precisions = Counter(str(r.precision) for r in part)
        date = dates[members[0]]  # type: ignore[index]
        lead = lead_actor(list(involved), rank)
        ident = new_id(date, lead or wording(texts[best]))
        for i in members:
            ids[i] = ident  # type: ignore[index]
        ordered = sorted(involved, key=lambda a: (a != lead, -involved[a], a))
        out.append(
            StoryEvent(
                story_event_id=ident,
                date=date,
                precision=max(sorted(precisions), key=precisions.__getitem__),
                event=texts[best],
                actors=";".join(ordered),
                actor_names=";".join(actor_names.get(a, a) for a in ordered),
                articles=len(set(articles)),
                outlets=joined(outlet_of.get(a, "") for a in articles),
                in_articles=joined(articles),
                events=len(members),
            )
        )
    out.sort(key=lambda e: (e.date, -e.articles, e.story_event_id))
    return ids, out
