"""Corpus actors: the article-level actors that name one person, organisation or place, merged.

Steps, each on the groups the one before left (so a decision is taken on the whole corpus):
  1. the same name (normalised: case, punctuation, initials, 'the', possessives) is one actor;
  2. near-identical multi-word names of one type are one actor (spelling variants: Centre/Center);
  3. people: one surname with given names that can be one person's (Sam / Samuel / S.), or a
     longer name that ends in a known full name (a descriptor or a second given name in front);
  4. a one-word name joins the one multi-word actor of its type it can stand for: a person's
     surname, an organisation's last word or acronym (a team's nickname, an acronym) -- only when exactly one
     actor in the whole corpus fits (titles break the tie), else it stays on its own.
Every test stays within one type except step 1, where the corpus's majority type wins (per-article
types are noisy: a team is often typed as a person).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz

from newsdossier.batch.story.groups import Groups, Ids, joined
from newsdossier.batch.story.names import PARTICLES, acronym, core_name, key, same_first_name, tokens
from newsdossier.records import CorpusActor

SUFFIXES = frozenset({"jr", "ii", "iii", "iv"})
FUZZY_MIN = 92.0  # rapidfuzz ratio for two multi-word names of one type to be spelling variants
FUZZY_LENGTH = 10  # shorter names differ by one letter too easily (two different surnames)
# A one-word name with several namesakes goes to the one whose articles share co-actors with its own:
# at least CONTEXT_MIN (co-actors weighted by 1 / their articles) and CONTEXT_RATIO times the next one.
CONTEXT_MIN = 0.5
CONTEXT_RATIO = 2.0
TYPE_ORDER = ("person", "organization", "location", "group")


@dataclass(frozen=True)
class Person:
    """A multi-word person name split for comparison."""

    first: str
    last: str
    suffix: str


def person_parts(words: tuple[str, ...]) -> Person | None:
    """First name, surname and generational suffix of a multi-word person name, else None."""
    suffix = words[-1] if len(words) > 2 and words[-1] in SUFFIXES else ""
    core = words[:-1] if suffix else words
    if len(core) < 2:
        return None
    return Person(core[0], core[-1], suffix)


def _majority(counter: Counter) -> str:
    return max(sorted(counter), key=lambda t: (counter[t], -TYPE_ORDER.index(t) if t in TYPE_ORDER else -9))


class _Merge:
    """The state of the merge: rows, their name keys, and the groups formed so far."""

    def __init__(self, actors: pd.DataFrame) -> None:
        self.rows = list(actors.itertuples(index=False))  # plain tuples: pandas per-row access is slow
        self.types = [str(r.type) for r in self.rows]
        self.articles = [str(r.article) for r in self.rows]
        self.words = [tokens(r.name, person=t == "person") for r, t in zip(self.rows, self.types)]
        # The article's own merge saw these forms name this actor: the multi-word ones are names too.
        self.alias_words = [
            {w for a in str(aliases or "").split(";") if len(w := tokens(a, person=t == "person")) >= 2}
            for aliases, t in zip((r.aliases for r in self.rows), self.types)
        ]
        self.groups = Groups(range(len(self.rows)))

    def clusters(self) -> dict[int, list[int]]:
        return self.groups.groups()  # type: ignore[return-value]

    def summary(self) -> dict[int, tuple[str, set[tuple[str, ...]]]]:
        """Each group's majority type (by mentions) and its distinct name-word tuples."""
        out = {}
        for root, members in self.clusters().items():
            votes: Counter = Counter()
            for i in members:
                votes[self.types[i]] += max(int(self.rows[i].mentions), 1)
            out[root] = (_majority(votes), {self.words[i] for i in members if self.words[i]})
        return out

    def same_name(self) -> None:
        by_key: dict[str, int] = {}
        for i, words in enumerate(self.words):
            for form in ({words} if words else set()) | self.alias_words[i]:
                self.groups.union(by_key.setdefault(key(form), i), i)

    def spelling_variants(self) -> None:
        block: dict[tuple[str, str, int], list[tuple[str, int]]] = defaultdict(list)
        for root, (kind, names) in self.summary().items():
            for words in names:
                if len(words) >= 2 and len(key(words)) >= FUZZY_LENGTH:
                    # Blocks keep the comparisons few: one type and first word, and a length band (two
                    # bands overlapping by half, so that names a few letters apart share one).
                    name = key(words)
                    for band in {len(name) // 8, (len(name) + 4) // 8}:
                        block[(kind, words[0], band)].append((name, root))
        for items in block.values():
            for n, (a, ra) in enumerate(items):
                for b, rb in items[n + 1 :]:
                    if fuzz.ratio(a, b) >= FUZZY_MIN:
                        self.groups.union(ra, rb)

    def longer_names(self) -> None:
        """A name that is a known full name with words around it: a descriptor or a second given name
        in front ("American Jane Doe", "William Jane Doe"), a place in front of an organisation's
        three-word name, or a headline after a person's name ("Jane Doe Wins Top Award")."""
        summary = self.summary()
        people = {
            key(w): r
            for r, (kind, names) in summary.items()
            if kind == "person"
            for w in names
            if len(w) == 2
        }
        others = {
            key(w): r
            for r, (kind, names) in summary.items()
            if kind != "person"
            for w in names
            if len(w) >= 3
        }
        for root, (kind, names) in summary.items():
            for words in names:
                if len(words) < 3:
                    continue
                if (tail := key(words[-2:])) in people:  # any type: descriptors confuse the tagger
                    self.groups.union(root, people[tail])
                elif kind != "person" and (tail := key(words[1:])) in others:
                    self.groups.union(root, others[tail])
                elif kind == "person" and words[-1] not in SUFFIXES and (head := key(words[:2])) in people:
                    self.groups.union(root, people[head])

    def people(self) -> None:
        """One surname, given names that can be one person's; a two-word name typed otherwise may join."""
        summary = self.summary()
        firsts: dict[tuple[str, str], set[str]] = defaultdict(set)
        owners: dict[tuple[str, str, str], set[int]] = defaultdict(set)
        for root, (kind, names) in summary.items():
            if kind != "person":
                continue
            for words in names:
                if (parts := person_parts(words)) is not None:
                    firsts[(parts.last, parts.suffix)].add(parts.first)
                    owners[(parts.first, parts.last, parts.suffix)].add(root)
        for root, (kind, names) in summary.items():  # "Jane Doe" typed as a place still has a surname
            for words in names:
                if kind != "person" and len(words) == 2 and (words[1], "") in firsts:
                    firsts[(words[1], "")].add(words[0])
                    owners[(words[0], words[1], "")].add(root)
        for (last, suffix), given in firsts.items():
            for a in given:
                for b in given:
                    if a <= b and same_first_name(a, b) and not self._ambiguous(a, b, given):
                        for ra in owners[(a, last, suffix)]:
                            for rb in owners[(b, last, suffix)]:
                                self.groups.union(ra, rb)

    @staticmethod
    def _ambiguous(a: str, b: str, given: set[str]) -> bool:
        """Whether a third given name fits one of a, b but not the other (M. with Mark and Mike)."""
        return any(same_first_name(c, a) != same_first_name(c, b) for c in given - {a, b})

    def short_forms(self) -> None:
        """A one-word name joins the one actor it can stand for (see the module docstring)."""
        summary = self.summary()
        surnames: dict[str, set[int]] = defaultdict(set)  # people by surname
        given: dict[str, set[int]] = defaultdict(set)  # people by given name
        endings: dict[str, set[int]] = defaultdict(set)  # the others by last word and by acronym
        for root, (kind, names) in summary.items():
            for words in names:
                if len(words) < 2:
                    continue
                if kind == "person":
                    if (parts := person_parts(words)) is not None and not parts.suffix:
                        surnames[parts.last].add(root)
                        given[parts.first].add(root)
                else:
                    if (
                        words[-2] not in PARTICLES
                    ):  # "Harbour Gulls" -> Gulls, not "Bank of England" -> England
                        endings[words[-1]].add(root)
                    if initials := acronym(words):
                        endings[initials].add(root)
        context = self._context()
        titles = self._titles()
        for root, (kind, names) in summary.items():
            if not names or any(len(w) > 1 for w in names):
                continue
            (word,) = next(iter(names))
            # A surname stays with people; an organisation's short form is often mistyped (a team
            # as a person), so it may join any non-person actor it ends or abbreviates.
            tiers = (surnames, endings, given) if kind == "person" else (endings,)
            for tier in tiers:
                fits = tier.get(word, set()) - {root}
                if kind == "location":  # a place's name stays a place, not a team named after it
                    fits = {c for c in fits if summary[c][0] == "location"}
                if fits:
                    break
            if len(fits) > 1 and titles.get(root):  # a title tells namesakes apart ...
                fits = {c for c in fits if titles[root] & titles.get(c, set())} or fits
            if len(fits) > 1:  # ... and so do the other actors of the articles they are in
                fits = _best_context(context, root, fits)
            if len(fits) == 1:
                self.groups.union(root, fits.pop())

    def _context(self) -> tuple[dict[int, set[int]], dict[int, float]]:
        """Each group's neighbours (the other groups in its articles), and each group's weight as a
        neighbour: one over its number of articles, so that a rare co-actor says more than a country."""
        by_article: dict[str, set[int]] = defaultdict(set)
        articles_of: dict[int, set[str]] = defaultdict(set)
        for root, members in self.clusters().items():
            for i in members:
                by_article[self.articles[i]].add(root)
                articles_of[root].add(self.articles[i])
        neighbours = {
            root: set().union(*(by_article[a] for a in arts)) - {root} for root, arts in articles_of.items()
        }
        return neighbours, {root: 1 / len(arts) for root, arts in articles_of.items()}

    def _titles(self) -> dict[int, set[str]]:
        out: dict[int, set[str]] = defaultdict(set)
        for root, members in self.clusters().items():
            for i in members:
                if title := str(self.rows[i].title or "").strip().lower():
                    out[root].add(title)
        return out


def _best_context(
    context: tuple[dict[int, set[int]], dict[int, float]], root: int, fits: set[int]
) -> set[int]:
    """The candidate whose articles share clearly the most co-actors with root's, if there is one."""
    neighbours, weight = context
    shared = sorted(
        ((sum(weight[n] for n in neighbours[root] & neighbours[c]), c) for c in fits), reverse=True
    )
    (best, winner), (second, _) = shared[0], shared[1]
    return {winner} if best >= CONTEXT_MIN and best >= CONTEXT_RATIO * second else fits


def merge_actors(actors: pd.DataFrame) -> list[int]:
    """For each actor row (in order), the index of the first row of its corpus actor."""
    merge = _Merge(actors)
    merge.same_name()
    merge.spelling_variants()
    merge.longer_names()
    merge.people()
    merge.short_forms()
    group_of = {}
    for root, members in merge.clusters().items():
        for i in members:
            group_of[i] = root
    return [group_of[i] for i in range(len(merge.rows))]


def best_name(names: list[str], articles: list[str]) -> str:
    """The name a corpus actor is shown under: a multi-word form reported by the most articles."""
    reach: dict[str, set[str]] = defaultdict(set)
    for name, article in zip(names, articles):
        if core := core_name(name):
            reach[core].add(article)
    if not reach:
        return names[0] if names else ""
    return max(sorted(reach), key=lambda n: (len(n.split()) > 1, len(reach[n]), len(n)))


def corpus_actors(actors: pd.DataFrame, outlet_of: dict[str, str]) -> tuple[list[str], list[CorpusActor]]:
    """The corpus_actor_id of every actor row (in order) and one CorpusActor per merged group."""
    rows = list(actors.itertuples(index=False))
    groups: dict[int, list[int]] = defaultdict(list)
    for i, root in enumerate(merge_actors(actors)):
        groups[root].append(i)
    ids = [""] * len(rows)
    out: list[CorpusActor] = []
    new_id = Ids("ca").new
    for members in groups.values():
        part = [rows[i] for i in members]
        articles = [str(r.article) for r in part]
        name = best_name([str(r.name) for r in part], articles)
        kinds: Counter = Counter()
        for r in part:
            kinds[str(r.type)] += max(int(r.mentions), 1)
        kind = _majority(kinds)
        ident = new_id(key(tokens(name, person=kind == "person")) or name.lower())
        titles = Counter(t for t in (str(r.title).strip() for r in part) if t)
        aliases = {str(a).strip() for r in part for a in str(r.aliases).split(";")} | {
            str(r.name) for r in part
        }
        for i in members:
            ids[i] = ident
        out.append(
            CorpusActor(
                corpus_actor_id=ident,
                name=name,
                type=kind,
                title=max(sorted(titles), key=titles.__getitem__) if titles else "",
                aliases=joined(aliases),
                articles=len(set(articles)),
                outlets=joined(outlet_of.get(a, "") for a in articles),
                mentions=sum(int(r.mentions) for r in part),
                in_articles=joined(articles),
            )
        )
    return ids, sorted(out, key=lambda a: (-a.articles, -a.mentions, a.name, a.corpus_actor_id))
