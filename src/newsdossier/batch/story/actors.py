"""Corpus actors: the article-level actors that name one person, organisation or place, merged.

Steps, each on the groups the one before left (so a decision is taken on the whole corpus):
  1. the same multi-word name (normalised: case, punctuation, initials, 'the', possessives) is one
     actor. A name that alone does not say who it is -- a one-word name, a place named like a team's
     first words -- is *deferred*: each article's row is decided on its own in steps 5-6;
  2. near-identical multi-word names of one type are one actor (spelling variants: Centre/Center);
  3. people: one surname with given names that can be one person's (Sam / Samuel / S.), or a
     longer name that ends in a known full name (a descriptor or a second given name in front);
     others: a word in front of a known three-word or numbered name ("State Route 12" / "Route 12");
  4. the names of one country are one place (the gazetteer: U.S. / United States / America);
  5. a one-word name joins the one actor it can stand for: a person's surname or given name, an
     organisation's last word or acronym, a facility's first word ("Kestrel" for "Kestrel Recovery
     Center"), a clipped plural ("Jags") -- when exactly one actor fits, or when its own article
     shares clearly more co-actors with one of the candidates than with the others (titles first);
     a surname typed a place or an organisation joins a person only with that co-actor evidence, and
     so does a place's name that only a site typed an organisation fits ("Kestrel" / "Kestrel Unit"),
     unless the site's own article calls it by that word, its last ("Wend Fumaroles" ... "Fumaroles");
  6. a place named for its team ("Kestrel beat Harlow", typed a place or an organisation) joins the
     team "Kestrel Gulls" when its article does not name the team in full and shares co-actors with
     the team's articles;
  7. the deferred rows left undecided are joined by name (all the "Brask"s nobody could place);
  8. a headline taken for a name ("Jane Doe Checks Into Clinic") joins the actor it opens with.
Every test stays within one type, except where per-article types are known to be noisy (a team
typed a person, a surname typed a place, a site typed an organisation); a deferred name takes the
corpus's majority type.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz

from newsdossier.batch.story.groups import Groups, Ids, joined
from newsdossier.batch.story.names import (
    PARTICLES,
    acronym,
    core_name,
    key,
    same_first_name,
    tokens,
    without_position_text,
)
from newsdossier.extract.lexicon import (
    GENERIC_ORG_HEADS,
    ORG_HEADS,
    PLACE_HEADS,
    country_named,
    country_of_demonym,
    is_given_name,
    place_named,
)
from newsdossier.records import CorpusActor

SUFFIXES = frozenset({"jr", "ii", "iii", "iv"})
FUZZY_MIN = 92.0  # rapidfuzz ratio for two multi-word names of one type to be spelling variants
FUZZY_LENGTH = 10  # shorter names differ by one letter too easily (two different surnames)
# A one-word name with several namesakes goes to the one whose articles share co-actors with its own:
# at least CONTEXT_MIN (co-actors weighted by 1 / their articles) and CONTEXT_RATIO times the next one.
CONTEXT_MIN = 0.5
CONTEXT_RATIO = 2.0
CONTEXT_SHARED = 2  # or this many co-actors that no other candidate's articles share
# The head words that end the name of a building, site or body ("Recovery Center", "County Jail"): its
# first word alone is a short form of it.
NAME_HEADS = ORG_HEADS | PLACE_HEADS
# English function words that a headline capitalises and a name does not hold capitalised ("Doe Checks
# Into Clinic"; "Bank of England" has "of"). Prepositions and auxiliaries only: no noun, no verb.
HEADLINE_WORDS = frozenset(
    "into to from with at in on out up over after before as by is are was were will has have had be".split()
)
CLIP_MIN = 4  # letters of a clipped plural ("Jags"); shorter ones fit too many words
TYPE_ORDER = ("person", "organization", "location", "group")
_NUMBER = re.compile(r"\d+")


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
        # The one-word names and one-word aliases ("the Gulls" an article gives for "Kestrel Gulls"): the
        # words the corpus uses as a name on their own.
        self.short_aliases = [
            {w[0] for a in str(aliases or "").split(";") if len(w := tokens(a, person=t == "person")) == 1}
            for aliases, t in zip((r.aliases for r in self.rows), self.types)
        ]
        self.alone = {words[0] for words in self.words if len(words) == 1}.union(*self.short_aliases)
        self.groups = Groups(range(len(self.rows)))
        self.deferred = self._deferred()

    def _deferred(self) -> set[int]:
        """The rows whose name alone does not say which actor they are, so that each article's row is
        resolved on its own (short_forms, teams) before the rest are joined by name (deferred_names): a
        one-word name ("Reid"), and a place named like the first words of a team ("Kestrel" beside
        "Kestrel Gulls" and "Gulls")."""
        places = {
            key(words[:-1])
            for words, kind in zip(self.words, self.types)
            if kind in ("organization", "group") and _team_name(words, self.alone)
        }
        return {
            i
            for i, (words, kind) in enumerate(zip(self.words, self.types))
            if len(words) == 1 or (kind == "location" and key(words) in places)
        }

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
        """One multi-word name (or multi-word alias) is one actor. A one-word name is not merged here: each
        article's "Reid" is resolved on its own in short_forms (by its article's co-actors), and only the
        ones left unresolved are joined by name at the end (deferred_names)."""
        by_key: dict[str, int] = {}
        for i, words in enumerate(self.words):
            forms = (set() if i in self.deferred else {words}) | (self.alias_words[i] - {words})
            for form in forms:
                self.groups.union(by_key.setdefault(key(form), i), i)

    def deferred_names(self) -> None:
        """The deferred rows still on their own: one name is one actor (as step 1 does for the others)."""
        by_key: dict[str, int] = {}
        for root, members in self.clusters().items():
            if (name := self.deferred_name(members)) is not None:
                self.groups.union(by_key.setdefault(name, root), root)

    def pending(self) -> set[int]:
        """The groups of deferred rows not resolved yet."""
        return {r for r, members in self.clusters().items() if self.deferred_name(members) is not None}

    def deferred_name(self, members: list[int]) -> str | None:
        """The name of a group of deferred rows of one name only, else None."""
        names = {self.words[i] for i in members}
        if len(names) == 1 and all(i in self.deferred for i in members) and (words := next(iter(names))):
            return key(words)
        return None

    def spelling_variants(self) -> None:
        block: dict[tuple[str, str, int], list[tuple[str, int]]] = defaultdict(list)
        pending = self.pending()
        for root, (kind, names) in self.summary().items():
            for words in names:
                if len(words) >= 2 and len(key(words)) >= FUZZY_LENGTH and root not in pending:
                    # Blocks keep the comparisons few: one type and first word, and a length band (two
                    # bands overlapping by half, so that names a few letters apart share one).
                    name = key(words)
                    for band in {len(name) // 8, (len(name) + 4) // 8}:
                        block[(kind, words[0], band)].append((name, root))
        for items in block.values():
            for n, (a, ra) in enumerate(items):
                for b, rb in items[n + 1 :]:
                    # a number is no spelling: "Highway 12" and "Highway 21" are two roads
                    if _NUMBER.findall(a) == _NUMBER.findall(b) and fuzz.ratio(a, b) >= FUZZY_MIN:
                        self.groups.union(ra, rb)

    def head_modifiers(self) -> None:
        """A place's or body's name with one more word before its head word is the same one ("Kestrel
        Center" / "Kestrel Treatment Center"), when exactly one such longer name and one shorter name
        meet (a second one, "Kestrel Art Center", makes it ambiguous)."""
        summary = self.summary()
        pending = self.pending()
        longer: dict[tuple[str, str], set[int]] = defaultdict(set)
        shorter: dict[tuple[str, str], set[int]] = defaultdict(set)
        for root, (kind, names) in summary.items():
            if kind == "person" or root in pending:
                continue
            for words in names:
                if len(words) >= 2 and words[-1] in NAME_HEADS and words[-2] not in PARTICLES:
                    shorter[(kind, key(words))].add(root)
                    if len(words) >= 3 and words[-3] not in PARTICLES:
                        longer[(kind, key(words[:-2] + words[-1:]))].add(root)
        for name, roots in longer.items():
            short = shorter.get(name, set())
            if len(roots) == 1 and len(short) == 1:
                self.groups.union(next(iter(roots)), next(iter(short)))

    def longer_names(self) -> None:
        """A name that is a known full name with words around it: a descriptor or a second given name
        in front ("American Jane Doe", "William Jane Doe"), a word in front of an organisation's or place's
        three-word or numbered name ("State Route 12" for "Route 12"), or a headline after a person's
        name ("Jane Doe Wins Top Award")."""
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
            if len(w) >= 3 or (len(w) == 2 and _NUMBER.fullmatch(w[-1]))  # "Route 12": a numbered name
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
        """A one-word name joins the one actor it can stand for (see the module docstring); each article's
        row is resolved on its own, with the co-actors of its own article as the tie-break."""
        summary = self.summary()
        surnames: dict[str, set[int]] = defaultdict(set)  # people by surname
        given: dict[str, set[int]] = defaultdict(set)  # people by given name
        endings: dict[str, set[int]] = defaultdict(set)  # the others by last word and by acronym
        starts: dict[str, set[int]] = defaultdict(set)  # bodies and facilities by first word, a head last
        pending = self.pending()  # a place that may be its team is no target until teams() has decided
        for root, (kind, names) in summary.items():
            for words in names:
                if len(words) < 2 or root in pending:
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
                    if words[-1] in ORG_HEADS and words[0] not in PARTICLES:  # not "Kestrel River"
                        starts[words[0]].add(root)
        known = {key(w) for _, names in summary.values() for w in names}
        # "Kestrel Recovery Center" for "Kestrel"; not "Harlow Kestrel Center" (a place before a known name)
        starts = {
            word: {c for c in roots if not any(w[0] == word and key(w[1:]) in known for w in summary[c][1])}
            for word, roots in starts.items()
        }
        stems: dict[str, set[str]] = defaultdict(set)  # last words by their first three letters
        for last in endings:
            stems[last[:3]].add(last)

        def clipped(word: str) -> set[int]:
            """The actors whose last word this plural is a clipping of ("Jags" of "Jaguars")."""
            if len(word) < CLIP_MIN or not word.endswith("s") or place_named(word):  # a known place
                return set()
            return set().union(
                *(
                    endings[w]
                    for w in stems.get(word[:3], set())
                    if w != word and w.endswith("s") and w.startswith(word[:-1])
                )
            )

        word_kinds = self._word_kinds()
        context = _Context(self)
        titles = self._titles()
        called: dict[int, set[str]] = defaultdict(set)  # the one-word aliases each group's articles give
        for root, members in self.clusters().items():
            called[root] = set().union(*(self.short_aliases[i] for i in members))
        for root, (_, names) in summary.items():
            if not names or any(len(w) > 1 for w in names):
                continue
            (word,) = next(iter(names))
            kind = word_kinds[word]  # the name's type over the corpus: one article's type is noisy
            # A surname stays with people; an organisation's short form is often mistyped (a team as a
            # person), so it may join any non-person actor it ends or abbreviates; a person's surname
            # typed a place or an organisation joins that person only when its article's co-actors say so.
            tiers = (
                ((surnames, False), (endings, False), (given, False))
                if kind == "person"
                else ((endings, False), (surnames, True))
            )
            fits, needs_context = set(), False
            if kind == "location" and place_named(word):  # a known place is itself, not "Southern X"
                tiers = ((surnames, True),)
            elif word in GENERIC_ORG_HEADS:  # "the Committee": which one, the article knew; the corpus cannot
                continue
            elif not (is_given_name(word) or country_of_demonym(word)):
                # "Kestrel" for "Kestrel Recovery Center" -- never a known city ("Harlow" for "Harlow
                # Hospital" could be the town), a given name ("Maria Hospital") or a demonym ("Greek
                # Workers Party").
                tiers = (*tiers, (starts, False))
            if kind != "person":  # "the Jags" for "the Jaguars", when its article's co-actors agree
                tiers = (*tiers, ({word: clipped(word)}, True))
            for tier, needs_context in tiers:
                fits = tier.get(word, set()) - {root}
                if kind == "location" and not needs_context:  # a place stays a place, not a team ...
                    places = {c for c in fits if summary[c][0] == "location"}
                    # ... unless only a body or site fits, one the tagger may type either way ("Kestrel
                    # Unit", a prison): then its article's co-actors decide, or, for the one name it
                    # ends, that name's own article calling it by the word ("Wend Fumaroles" ... "Fumaroles")
                    fits, needs_context = (places, False) if places else (fits, bool(fits))
                    if needs_context and tier is endings and len(fits) == 1:
                        needs_context = word not in called[next(iter(fits))]
                if fits:
                    break
            if len(fits) > 1 and titles.get(root):  # a title tells namesakes apart ...
                fits = {c for c in fits if titles[root] & titles.get(c, set())} or fits
            if fits and (len(fits) > 1 or needs_context):  # ... and so do the co-actors of its article
                fits = context.best(root, fits)
            if len(fits) == 1:
                self.groups.union(root, fits.pop())

    def countries(self) -> None:
        """The names of one country are one place ("U.S.", "United States", "America"), by the
        gazetteer, not by their letters."""
        by_country: dict[str, int] = {}
        for root, (kind, names) in self.summary().items():
            if kind == "location":
                for words in names:
                    if (country := country_named(key(words))) is not None:
                        self.groups.union(by_country.setdefault(country.name, root), root)

    def teams(self) -> None:
        """A place named as its team ("Kestrel beat Harlow 3-1"; typed a place or an organisation) joins
        the team "Kestrel Gulls": the one organisation named by the place and one more word that is a name
        of its own in the corpus (a name or an alias: "the Gulls") and no head word ("Kestrel Post" is a
        newspaper), when the place's article shares co-actors with the team's (a city's name in an
        unrelated article stays the city) and does not name the team in full itself (there the place is
        the city: "the Kestrel Gulls' game in Kestrel")."""
        summary = self.summary()
        teams: dict[str, set[int]] = defaultdict(set)
        for root, (kind, names) in summary.items():
            if kind in ("organization", "group"):
                for words in names:
                    if _team_name(words, self.alone):
                        teams[key(words[:-1])].add(root)
        in_full: dict[str, set[str]] = defaultdict(set)  # the place's name -> articles naming a team in full
        typed: dict[int, Counter] = defaultdict(Counter)  # how the articles type the team's full name
        for i, words in enumerate(self.words):
            if len(words) >= 2 and key(words[:-1]) in teams:
                in_full[key(words[:-1])].add(self.articles[i])
                typed[self.groups.find(i)][self.types[i]] += max(int(self.rows[i].mentions), 1)
        teams = {
            place: {c for c in roots if _majority(typed[c]) == "organization"}
            for place, roots in teams.items()
        }
        context = _Context(self)
        word_kinds = self._word_kinds()
        for root, (kind, names) in summary.items():
            if len(names) != 1:
                continue
            words = next(iter(names))
            # a place's name typed an organisation stands for the team too ("Kestrel won"), when the
            # corpus mostly types the word a place: not an acronym beside another ("WXB" of "WXB IKO")
            if not (
                kind == "location"
                or (kind == "organization" and len(words) == 1 and word_kinds.get(words[0]) == "location")
            ):
                continue
            place = key(words)
            if context.articles(root) & in_full[place]:
                continue
            fits = teams.get(place, set()) - {root}
            if fits and len(fits := context.best(root, fits)) == 1:
                self.groups.union(root, fits.pop())

    def headlines(self) -> None:
        """A headline read as a name ("Jane Doe Checks Into Clinic") joins the one actor named by its
        longest opening words: a capitalised function word inside a name shows headline case."""
        by_key: dict[str, set[int]] = defaultdict(set)
        for root, (_, names) in self.summary().items():
            for words in names:
                by_key[key(words)].add(root)
        for i, row in enumerate(self.rows):
            raw = core_name(str(row.name)).split()
            cut = next((n for n, w in enumerate(raw) if n and _headline_word(w)), 0)
            if cut == 0 or len(raw) < 3:
                continue
            words = tokens(" ".join(raw[:cut]), person=self.types[i] == "person")
            own = self.groups.find(i)
            for n in range(len(words), 0, -1):
                fits = {self.groups.find(r) for r in by_key.get(key(words[:n]), set())} - {own}
                if fits:
                    if len(fits) == 1:
                        self.groups.union(own, fits.pop())
                    break

    def _word_kinds(self) -> dict[str, str]:
        """The majority type (by mentions) of each one-word name over all its rows."""
        votes: dict[str, Counter] = defaultdict(Counter)
        for i, words in enumerate(self.words):
            if len(words) == 1:
                votes[words[0]][self.types[i]] += max(int(self.rows[i].mentions), 1)
        return {word: _majority(v) for word, v in votes.items()}

    def _titles(self) -> dict[int, set[str]]:
        out: dict[int, set[str]] = defaultdict(set)
        for root, members in self.clusters().items():
            for i in members:
                if title := str(self.rows[i].title or "").strip().lower():
                    out[root].add(title)
        return out


class _Context:
    """The co-actors of each group's articles, for telling namesakes apart.

    A co-actor is a group, or a deferred name (all its rows still on their own count as one co-actor);
    it weighs one over its number of articles, so that a rare co-actor says more than a country.
    """

    def __init__(self, merge: _Merge) -> None:
        self._articles: dict[int, set[str]] = defaultdict(set)
        self._in_article: dict[str, set[object]] = defaultdict(set)
        self._label: dict[int, object] = {}
        reach: dict[object, set[str]] = defaultdict(set)
        for root, members in merge.clusters().items():
            name = merge.deferred_name(members)
            label: object = root if name is None else f"name:{name}"
            self._label[root] = label
            for i in members:
                self._articles[root].add(merge.articles[i])
                self._in_article[merge.articles[i]].add(label)
                reach[label].add(merge.articles[i])
        self._weight = {label: 1 / len(arts) for label, arts in reach.items()}
        self._seen: dict[int, set[object]] = {}

    def articles(self, root: int) -> set[str]:
        """The articles of root's group."""
        return self._articles[root]

    def neighbours(self, root: int) -> set[object]:
        """The co-actors of the articles of root's group (kept: a candidate is asked about often)."""
        if root not in self._seen:
            found = set().union(*(self._in_article[a] for a in self._articles[root]))
            self._seen[root] = found - {self._label[root]}
        return self._seen[root]

    def best(self, root: int, fits: set[int]) -> set[int]:
        """The candidate whose articles share clearly the most co-actors with root's, else none:
        a weight of at least CONTEXT_MIN and CONTEXT_RATIO times the next candidate's, or CONTEXT_SHARED
        co-actors (every one, when its articles have fewer) that none of the others share."""
        mine = self.neighbours(root)
        scored = sorted(
            (
                (sum(self._weight[n] for n in shared), len(shared), c)
                for c in fits
                for shared in [mine & self.neighbours(c)]
            ),
            reverse=True,
        )
        best, count, winner = scored[0]
        second = scored[1][0] if len(scored) > 1 else 0.0
        if best >= CONTEXT_MIN and best >= CONTEXT_RATIO * second:
            return {winner}
        # a short article with one co-actor can share no more than that one: all of them is enough
        needed = max(1, min(CONTEXT_SHARED, len(mine)))
        return {winner} if count >= needed and second == 0 else set()


def _team_name(words: tuple[str, ...], alone: set[str]) -> bool:
    """Whether a name can be a team's: a place and a nickname that is a name of its own ("Kestrel Gulls",
    "the Gulls"), not a head word ("Kestrel Post" is a newspaper), and no country's (its team is named
    by the country only on sports pages, and the country is the more likely actor)."""
    return (
        len(words) >= 2
        and words[-1] in alone
        and words[-1] not in NAME_HEADS
        and country_named(key(words[:-1])) is None
    )


def _headline_word(word: str) -> bool:
    """A function word written capitalised, as only a headline writes it inside a name."""
    return word[:1].isupper() and word.lower() in HEADLINE_WORDS


def merge_actors(actors: pd.DataFrame) -> list[int]:
    """For each actor row (in order), the index of the first row of its corpus actor."""
    merge = _Merge(actors)
    merge.same_name()
    merge.spelling_variants()
    merge.head_modifiers()
    merge.longer_names()
    merge.people()
    merge.countries()
    merge.short_forms()
    merge.teams()
    merge.deferred_names()
    merge.headlines()
    group_of = {}
    for root, members in merge.clusters().items():
        for i in members:
            group_of[i] = root
    return [group_of[i] for i in range(len(merge.rows))]


def best_name(names: list[str], articles: list[str], aliases: list[str] | None = None) -> str:
    """The name a corpus actor is shown under: a multi-word form reported by the most articles.

    A form that an article gives as the alias of a name it shares no word with (a nickname, "Jo Bell,
    known as 'the Judge'", or an acronym) is a second name: articles that know only the nickname do not
    make it the actor's name. Aliases that share a word (a surname, a headline's garbled form) say nothing.
    """
    reach: dict[str, set[str]] = defaultdict(set)
    for name, article in zip(names, articles):
        if core := core_name(name):
            reach[core].add(article)
    if not reach:
        return names[0] if names else ""
    second = {
        core_name(a)
        for name, listed in zip(names, aliases or [""] * len(names))
        for a in str(listed).split(";")
        if core_name(a) and not set(core_name(a).lower().split()) & set(core_name(name).lower().split())
    }
    return max(sorted(reach), key=lambda n: (n not in second, len(n.split()) > 1, len(reach[n]), len(n)))


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
        kinds: Counter = Counter()
        for r in part:
            kinds[str(r.type)] += max(int(r.mentions), 1)
        kind = _majority(kinds)
        # shown under a name its own type's rows give: a team under its name, not its city's
        named = [r for r in part if str(r.type) == kind] or part
        name = best_name(
            [without_position_text(str(r.name), person=kind == "person") for r in named],
            [str(r.article) for r in named],
            [str(r.aliases) for r in named],
        )
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
