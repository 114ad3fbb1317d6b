"""The actors step: the passes in order, and the Actor and Mention rows they end in."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein
from spacy.tokens import Doc

from newsdossier.extract import lexicon
from newsdossier.extract.actors.aliases import appositive_aliases
from newsdossier.extract.actors.boundaries import repaired_spans
from newsdossier.extract.actors.groups import find_groups
from newsdossier.extract.actors.keep import is_kept, listed_with_kept
from newsdossier.extract.actors.kinds import retype_bodies, type_and_scope
from newsdossier.extract.actors.numbered import is_numbered_name, numbered_names
from newsdossier.extract.actors.organisations import merge_places, merge_short_forms
from newsdossier.extract.actors.people import merge_birth_names, merge_people, relabel_people
from newsdossier.extract.actors.recall import missed_names
from newsdossier.extract.actors.spans import (
    Cand,
    Cluster,
    absorb,
    bounds,
    cluster_name,
    cluster_roles,
    cluster_title,
    fold,
    is_acronym,
    name_words,
    place_context,
    surface,
)
from newsdossier.extract.actors.sports import names_a_team, split_positions
from newsdossier.extract.actors.titles import read_titles, title_mentions
from newsdossier.extract.coref import resolve_description
from newsdossier.extract.lexicon import norm_key
from newsdossier.records import Actor, Mention, Sentence
from newsdossier.text.nlp import sentence_index, text_of

# How much one mention counts towards salience, by how it was found.
_HOW_WEIGHT = {"ner": 1.0, "alias": 1.0, "acronym": 1.0, "title": 1.0, "demonym": 0.5, "group": 1.0}


def variant_key(name: str) -> str:
    """A name's key with punctuation, accents and the spelling of a leading country set aside.

    "U.S. Seed Bureau" and "United States Seed Bureau", "Friends of Lakes – Kenya" and "Friends of
    Lakes Kenya" are one name written two ways.
    """
    words = [w for w in re.split(r"[^\w']+", fold(norm_key(name))) if w]
    for width in (3, 2, 1):
        country = lexicon.country_named(" ".join(words[:width])) if len(words) > width else None
        if country is not None:
            words = [*norm_key(country.name).split(), *words[width:]]
            break
    return " ".join(words)


def _merge_same_names(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Merge clusters of one name written alike (NER labelled it two ways, or spelt it two ways)."""
    by_name: dict[str, Cluster] = {}
    for cluster in clusters:
        name = variant_key(cluster_name(doc, cluster))
        if cluster.kind == "group" or cluster.country:
            continue
        other = by_name.get(name)
        if other is None:
            by_name[name] = cluster
            continue
        # an apposition ("X, a non-profit agency") outweighs any number of NER labels
        ner_votes = [
            sum(c.how == "ner" for c in k.cands) + 100 * any(c.appositive_org for c in k.cands)
            for k in (other, cluster)
        ]
        keep, drop = (other, cluster) if ner_votes[0] >= ner_votes[1] else (cluster, other)
        absorb(keep, drop, "alias")
        by_name[name] = keep
    return [k for k in clusters if k.cands]


def _split_capitals(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Take a capital out of its country's cluster unless it acts as its government.

    The place merge joins a capital to its country wherever it may stand for the government
    ("Ottawa's budget", "talks between Oslo and Lima"); only as the one who acts, a verb's subject
    ("Ottawa says", "Lima and Oslo can offer"), is it surely the government. Elsewhere ("Lima's
    streets", "a summit set for Oslo") the city is an actor of its own and joins its other uses.
    """
    cities: dict[str, Cluster] = {k.key: k for k in clusters if k.kind == "location" and not k.country}
    for country in [k for k in clusters if k.country]:
        moved = [
            c
            for c in country.cands
            if c.label == "GPE"
            and lexicon.country_of_capital(surface(doc, c))
            and not lexicon.country_named(surface(doc, c))
            and not _acts(doc, c)
        ]
        country.cands = [c for c in country.cands if all(c is not m for m in moved)]
        for cand in moved:
            cand.country, cand.how, cand.key = None, "ner", norm_key(surface(doc, cand))
            city = cities.get(cand.key)
            if city is None:
                city = cities[cand.key] = Cluster("location", key=cand.key)
                clusters.append(city)
            city.cands.append(cand)
    return [k for k in clusters if k.cands]


def _acts(doc: Doc, cand: Cand) -> bool:
    """The mention is the subject of a verb, alone or in a pair ("Lima and Oslo can offer").

    A capital followed by its state or country ("Lima, Peru", "Oslo, N.") is the city, as in a
    dateline the parser reads as a subject.
    """
    if cand.end + 1 < len(doc) and doc[cand.end].text == ",":
        after = doc[cand.end + 1]
        word = re.split(r"[–—-]", after.text)[0]  # a dateline's dash may join the next word ("Oslo, N.–The")
        if after.ent_type_ in {"GPE", "LOC"} or lexicon.place_named(word) or is_acronym(word):
            return False
    token = doc[cand.start : cand.end].root
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
        token = token.head
    return token.dep_ in {"nsubj", "nsubjpass", "agent"}


def _without_country(words: list[str]) -> list[str] | None:
    """The words after a leading country's name ("united states senate" -> ["senate"]), else None."""
    for width in (3, 2, 1):
        if len(words) > width and lexicon.country_named(" ".join(words[:width])):
            return words[width:]
    return None


def _split_bare_heads(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Take a body's bare head ("the Assembly") out of a place whose name ends in it.

    The short-form merge joins a bare head to the one name it ends ("Kestrel Water Agency"); once
    the typing has made that name a place (a building, "the Marble Assembly" hall), the bare head
    is a body of its own, not the place's alias.
    """
    for place in [k for k in clusters if k.kind == "location" and not k.country and k.cands]:
        words = fold(norm_key(cluster_name(doc, place))).split()
        if len(words) < 2 or words[-1] not in lexicon.ORG_HEADS:
            continue
        bare = [c for c in place.cands if c.end - c.start == 1 and fold(doc[c.start].lower_) == words[-1]]
        if bare and len(bare) < len(place.cands):
            place.cands = [c for c in place.cands if all(c is not b for b in bare)]
            clusters.append(Cluster("organization", bare, key=words[-1]))
    return clusters


def _merge_country_qualified(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """A body's short name joins the one name that qualifies it by a country ("Senate" -> "U.S. Senate").

    Beside other longer names ending alike ("National Senate"), the country's body still wins, as
    news writes a nation's institution short once it has named the nation; a name qualified by
    another place ("Ohio Senate") leaves the short name in doubt, and it stays apart.
    """
    orgs = [k for k in clusters if k.kind == "organization" and not k.country and k.cands]
    words = {id(k): fold(norm_key(cluster_name(doc, k))).split() for k in orgs}
    for short in orgs:
        short_words = words[id(short)]
        if not short.cands or is_acronym(cluster_name(doc, short)):
            continue
        qualified, other_places = [], False
        for k in orgs:
            full = words[id(k)]
            if (
                k is short
                or not k.cands
                or len(full) <= len(short_words)
                or full[-len(short_words) :] != short_words
            ):
                continue
            rest = _without_country(full)
            if rest == short_words:
                qualified.append(k)
            elif any(lexicon.place_named(w) for w in full[: -len(short_words)]):
                other_places = True
        if len(qualified) == 1 and not other_places:
            absorb(qualified[0], short, "alias")
    return [k for k in clusters if k.cands]


def _merge_headed_short_forms(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """A name ending in a head word, used after the one longer name it opens, is that name cut short.

    ("Kestrel League" after "Kestrel League Hockey"): the longer name adds one word that is no
    head of an organisation, place, event or work ("Kestrel League Bank", "Kestrel League Cup" are
    other things), and every use of the short name comes after the full one.
    """
    orgs = [k for k in clusters if k.kind == "organization" and not k.country and k.cands]
    words = {id(k): fold(norm_key(cluster_name(doc, k))).split() for k in orgs}
    heads = lexicon.ORG_HEADS | lexicon.PLACE_HEADS | lexicon.OUT_OF_SCOPE_HEADS
    for short in orgs:
        short_words = words[id(short)]
        if len(short_words) < 2 or short_words[-1] not in lexicon.ORG_HEADS or not short.cands:
            continue
        longer = [
            k
            for k in orgs
            if k is not short
            and k.cands
            and len(words[id(k)]) == len(short_words) + 1
            and words[id(k)][:-1] == short_words
            and words[id(k)][-1] not in heads
        ]
        if len(longer) == 1 and longer[0].first < short.first:
            absorb(longer[0], short, "alias")
    return [k for k in clusters if k.cands]


def _close_spelling(a: str, b: str, *, same_role: bool = False) -> bool:
    """Two words one name spelt two ways: one edit apart (two in a word of nine letters or more).

    Words under five letters, and two different known given names ("Maria"/"Mario": two people
    who share a surname), are never variants; a short word is, one letter apart, when both people
    hold the same title ("Mayor Dole" and "Mayor Dale" in one text are one mayor).
    """
    if a == b or min(len(a), len(b)) < (3 if same_role else 5):
        return False
    if lexicon.is_given_name(a) and lexicon.is_given_name(b):
        return False
    return Levenshtein.distance(a, b) <= (2 if min(len(a), len(b)) >= 9 else 1)


def _one_title(a: Cluster, b: Cluster) -> bool:
    """Both people are given a title, and the same one."""
    title = cluster_title(a)
    return bool(title) and title == cluster_title(b)


def _merge_misspellings(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Merge a name written with a slip into the same name written right ("Dean Kamen"/"Kamin").

    Two names of one kind and length that differ in one word by a close spelling; or a lone person's
    name close to the surname of exactly one full name when no one in the text bears it as written.
    The cluster with fewer mentions is the misspelling; countries never merge ("Iran"/"Iraq").
    """
    named = [k for k in clusters if k.kind != "group" and not k.country and k.cands]
    words = {id(k): fold(norm_key(cluster_name(doc, k))).split() for k in named}
    for i, a in enumerate(named):
        for b in named[i + 1 :]:
            wa, wb = words[id(a)], words[id(b)]
            if not (a.cands and b.cands) or len(wa) != len(wb):
                continue
            # one word spelt two ways and typed two ways ("Orvane" a person, "Orvene" an ORG): a person;
            # a letter more or less is a plural or a possessive ("Acme"/"Acmes"), not a spelling
            lone_person = len(wa) == 1 and "person" in {a.kind, b.kind} and len(wa[0]) == len(wb[0])
            if a.kind != b.kind and not lone_person:
                continue
            diff = [(x, y) for x, y in zip(wa, wb) if x != y]
            same_role = a.kind == b.kind == "person" and _one_title(a, b)
            if len(diff) == 1 and _close_spelling(*diff[0], same_role=same_role):
                keep, drop = (a, b) if len(a.cands) >= len(b.cands) else (b, a)
                keep.kind = "person" if lone_person else keep.kind
                absorb(keep, drop, "alias")
    # a lone name still alone is no one's surname as written (the people merge would have joined it)
    people = [k for k in named if k.kind == "person" and k.cands]
    for lone in [k for k in people if len(words[id(k)]) == 1]:
        word = words[id(lone)][0]
        fits = [
            k for k in people if k.cands and len(words[id(k)]) > 1 and _close_spelling(word, words[id(k)][-1])
        ]
        if lone.cands and len(fits) == 1:
            absorb(fits[0], lone, "alias")
    return [k for k in clusters if k.cands]


def _remerge_people(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Merge people again once retyping has made more of them people ("Ann" read as an ORG at first).

    The same rules as the first merge (``people.merge_people``) over every person mention.
    """
    people = [c for k in clusters if k.kind == "person" for c in k.cands]
    others = [k for k in clusters if k.kind != "person"]
    return others + merge_people(doc, sorted(people, key=lambda c: c.start))


def _merge_founders(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """A lone one-word "person" that starts exactly one organisation's name is that organisation.

    ("Granger" after "Granger Capital Management"); a person with a full name or a title is
    left alone. A word that is a city and no census name ("Tupelo" beside the "Tupelo Gazette")
    may be the city the body is named after, or a person of that name: it stays apart.
    """
    orgs = [k for k in clusters if k.kind == "organization" and not k.country]
    for cluster in clusters:
        if cluster.kind != "person" or any(c.title or c.end - c.start > 1 for c in cluster.cands):
            continue
        name = cluster_name(doc, cluster)
        word = fold(norm_key(name))
        fits = [k for k in orgs if len(k.key.split()) > 1 and fold(k.key).split()[0] == word]
        if len(fits) != 1:
            continue
        if not lexicon.is_city(name) or lexicon.is_surname(name) or lexicon.is_given_name(name):
            absorb(fits[0], cluster, "alias")
    return [k for k in clusters if k.cands]


# Prepositions before a city that stands for its team ("played for Harlow", "a game against Harlow").
_TEAM_PREPS = {"for", "with", "against"}
# Heads of schools a bare town after "at" stands for ("studied at Harlow" beside "Harlow College").
_SCHOOL_HEADS = {"university", "college", "school", "academy"}


def _stands_for(doc: Doc, city: Cluster, org: Cluster) -> bool:
    """Every mention of a one-word city is where the organisation named after it would stand.

    A team after "for", "with" or "against" ("three games for Harlow" beside "Harlow Rovers": the
    org adds words that are no organisation or place head); a school after "at" ("a degree at
    Harlow" beside "Harlow College": the org adds one school head).
    """
    words = fold(norm_key(cluster_name(doc, org))).split()
    if len(words) < 2 or words[0] != fold(norm_key(surface(doc, city.cands[0]))):
        return False
    heads = lexicon.ORG_HEADS | lexicon.PLACE_HEADS
    if not set(words[1:]) & heads:
        preps = _TEAM_PREPS
    elif len(words) == 2 and words[1] in _SCHOOL_HEADS:
        if _school_by_its_town(doc, city, org):
            return True
        preps = {"at"}
    else:
        return False
    return all(doc[c.start].dep_ == "pobj" and doc[c.start].head.lower_ in preps for c in city.cands)


def _school_by_its_town(doc: Doc, city: Cluster, org: Cluster) -> bool:
    """The text itself calls the school by its town's name alone, and never names the town as a place.

    The school's own mentions hold the bare name ("a match against Harlow" read as an ORG beside
    "Harlow College"), and no mention of the "city" stands where only a place can ("near Harlow",
    "in Harlow", "the town of Harlow"): every one is the school's.
    """
    town = fold(norm_key(surface(doc, city.cands[0])))
    if not any(c.end - c.start == 1 and fold(norm_key(surface(doc, c))) == town for c in org.cands):
        return False
    return not any(
        place_context(doc, c) or doc[c.start].dep_ == "pobj" and doc[c.start].head.lower_ in {"in", "near"}
        for c in city.cands
    )


def _merge_city_bodies(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """A city named only where a team or school named after it stands is that one organisation.

    ("Harlow Rovers" ... "three games for Harlow"; "Harlow College" ... "at Harlow she studied
    law"); a city anywhere else ("in Harlow") is the city.
    """
    for city in [k for k in clusters if k.kind == "location" and not k.country and k.cands]:
        if any(c.end - c.start > 1 for c in city.cands):
            continue
        orgs = [k for k in clusters if k.kind == "organization" and k.cands and _stands_for(doc, city, k)]
        if len(orgs) == 1:
            absorb(orgs[0], city, "alias")
    return [k for k in clusters if k.cands]


def _unfound_names(doc: Doc, clusters: list[Cluster]) -> list[Cand]:
    """Add mentions NER missed: a known surname or a defined acronym standing alone; return them."""
    taken = {i for k in clusters for c in k.cands for i in range(c.start, c.end)}
    lookup: dict[str, tuple[Cluster, str, str]] = {}
    for cluster in clusters:
        for cand in cluster.cands:
            words = surface(doc, cand).split()
            if cluster.kind == "person" and len(words) > 1 and _may_be_a_name(words[-1]):
                lookup.setdefault(words[-1], (cluster, "PERSON", "alias"))
            elif cluster.kind != "person" and len(words) == 1 and is_acronym(words[0]):
                lookup.setdefault(words[0], (cluster, "ORG", "acronym"))
    added = []
    for token in doc:
        hit = lookup.get(token.text)
        # a proper noun, or a subject ("Rivers said"): a capitalised common word ("Price rises") is no name
        if hit and token.i not in taken and (token.pos_ == "PROPN" or token.dep_ in {"nsubj", "nsubjpass"}):
            cluster, label, how = hit
            added.append(Cand(token.i, token.i + 1, label, how=how))
            cluster.cands.append(added[-1])
    return added


def salience(mentions: list[Mention], first_start: int, text_length: int, kind: str) -> float:
    """Rank score: sum of mention weights plus a bonus for appearing early; groups count half.

    salience = (Σ_m w(m.how) + 2 · (1 − first_start / len(text))) · (0.5 if group else 1),
    with w = 1 for ner / alias / acronym / title mentions and 0.5 for demonyms.
    """
    score = sum(_HOW_WEIGHT.get(m.how, 1.0) for m in mentions)
    score += 2 * (1 - first_start / max(text_length, 1))
    return round(score * (0.5 if kind == "group" else 1.0), 3)


def _may_be_a_name(word: str) -> bool:
    """A place's name that may be a person's too: a country only if a census given name
    ("Jordan"), another larger gazetteer place only if a census surname or given name ("Lincoln").
    A country inside a name NER read as a person ("Archives Malawi") stays the country."""
    if lexicon.country_named(word):
        return lexicon.is_given_name(word)
    return not lexicon.place_named(word) or lexicon.is_surname(word) or lexicon.is_given_name(word)


def named_clusters(doc: Doc, things: list[Cluster] | None = None) -> list[Cluster]:
    """Passes 1-5: the named clusters, merged and typed, before the keep model decides on them.

    The names found to be things, not actors (works, events, products...), are added to things.
    """
    cands = repaired_spans(doc)
    cands = sorted(cands + missed_names(doc, cands), key=lambda c: c.start)
    cands = split_positions(doc, numbered_names(doc, cands))
    read_titles(doc, cands)
    person_words = {
        w for c in cands if c.label == "PERSON" and c.end - c.start > 1 for w in name_words(doc, c)
    }
    named_people = {w for c in cands if c.label == "PERSON" for w in name_words(doc, c)}
    for cand in cands:  # a lone capital read as a PERSON is a place, unless a person has that name
        if (
            cand.label == "GPE"
            and surface(doc, cand).lower() in person_words
            and _may_be_a_name(surface(doc, cand))
        ):
            cand.label = "PERSON"
        elif (  # "Saint Albin" read as a place (a town's name) when the text names the person
            cand.label in {"GPE", "LOC"}
            and cand.end - cand.start >= 2
            and doc[cand.start].lower_ in lexicon.HONORIFICS
            and all(w in named_people for w in name_words(doc, cand)[1:])
        ):
            cand.start, cand.label = cand.start + 1, "PERSON"
    relabel_people(doc, cands)
    people = merge_people(doc, [c for c in cands if c.label == "PERSON"])
    clusters = people + merge_places(doc, [c for c in cands if c.label != "PERSON"])
    clusters = _split_capitals(doc, clusters)
    clusters = _merge_same_names(doc, clusters)
    clusters = type_and_scope(doc, clusters, things)
    clusters = _merge_same_names(doc, clusters)  # retyping may have made two clusters comparable
    clusters = _split_bare_heads(doc, clusters)
    clusters = merge_short_forms(doc, clusters)  # "Castelvero" beside "Castelvero Alto", now both places
    clusters = _merge_country_qualified(doc, clusters)
    clusters = _merge_headed_short_forms(doc, clusters)
    clusters = _remerge_people(doc, clusters)
    clusters = _merge_founders(doc, clusters)
    clusters = _merge_misspellings(doc, clusters)
    clusters = _merge_city_bodies(doc, clusters)
    clusters = merge_birth_names(doc, clusters)
    return appositive_aliases(doc, clusters)


def extract_actors(doc: Doc, *, sents: list[Sentence]) -> tuple[list[Actor], list[Mention]]:
    """Find the actors of a parsed article and every mention of each (pronouns are left to coref)."""
    things: list[Cluster] = []
    clusters, dropped = [], []
    for cluster in named_clusters(doc, things):
        team = names_a_team(doc, cluster)
        if team and cluster.kind == "person":
            cluster.kind = "organization"  # "Carolina Hawks QB X": a given name opens a team's name
        # a numbered road or team, or a team before a position, is an actor by how it is written
        if team or is_kept(doc, cluster) or is_numbered_name(doc, cluster):
            clusters.append(cluster)
        else:
            dropped.append(cluster)
    clusters += listed_with_kept(doc, dropped, clusters)
    retype_bodies(doc, clusters)
    people = [k for k in clusters if k.kind == "person"]
    found = _unfound_names(doc, clusters)
    read_titles(doc, [c for c in found if c.label == "PERSON"])  # "Ruiz, the committee chair"
    for cand in found:
        cand.label = (
            "PERSON" if cand.how == "alias" else cand.label
        )  # an apposition never retypes a known name
    taken = {i for k in clusters for c in k.cands for i in range(c.start, c.end)}
    title_mentions(doc, people, taken)
    clusters = _generic_references(doc, sents, clusters, taken)
    clusters += find_groups(doc, taken)
    actors, mentions = _rows(doc, sents, clusters)
    return actors, sorted(mentions + _thing_mentions(doc, sents, things), key=lambda m: (m.start, m.actor_id))


def _thing_mentions(doc: Doc, sents: list[Sentence], things: list[Cluster]) -> list[Mention]:
    """The names of things that are no actors (works, events, products), as mentions of no actor.

    They stay in mentions.csv (how ``out_of_scope``, actor_id empty) so an analyst can see what was
    set aside and why, and they are never counted for an actor.
    """
    rows = {}
    for cand in (c for k in things for c in k.cands):
        start, end = bounds(doc, cand)
        sid = sentence_index(sents, start)
        rows[start, end] = Mention("", start, end, surface(doc, cand), sid, "out_of_scope")
    return list(rows.values())


def _generic_only(doc: Doc, cluster: Cluster) -> bool:
    """An organisation named only by "the" and a generic head word ("the Agency", "the Ministry")."""
    return cluster.kind == "organization" and all(
        c.end - c.start == 1
        and c.start > 0
        and doc[c.start - 1].lower_ == "the"
        and doc[c.start].lower_ in lexicon.GENERIC_ORG_HEADS
        for c in cluster.cands
    )


def _generic_references(
    doc: Doc, sents: list[Sentence], clusters: list[Cluster], taken: set[int]
) -> list[Cluster]:
    """Join "the agency" / "the Administration" to the organisation named before it.

    The antecedent is found as the claims step finds a described speaker's, by
    ``coref.resolve_description`` over the rows as they stand: the nearest organisation before the
    phrase whose name (or the words written before it) holds the head word. The mention is kept
    (how ``alias``) but never names the actor; NER's own cluster of such a phrase is taken apart.
    """
    generic = [k for k in clusters if k.cands and _generic_only(doc, k)]
    named = [k for k in clusters if k.cands and not any(k is g for g in generic)]
    actors, mentions = _rows(doc, sents, named)
    home = {a.actor_id: k for a, k in zip(actors, _ordered(named))}
    orgs = [a for a in actors if a.type == "organization"]
    phrases = [(doc[c.start - 1 : c.end], c, k) for k in generic for c in k.cands]
    phrases += [
        (chunk, None, None)
        for chunk in doc.noun_chunks
        if len(chunk) == 2
        and chunk[0].lower_ == "the"
        and chunk.root.lower_ in lexicon.GENERIC_ORG_HEADS
        and chunk.root.i not in taken
    ]
    for phrase, cand, cluster in phrases:
        found = resolve_description(phrase, actors=orgs, mentions=mentions, doc=doc)
        if found is None:
            continue
        root = phrase[-1]
        if cand is None:
            cand = Cand(root.i, root.i + 1, "ORG")
            taken.add(root.i)
        else:
            cluster.cands.remove(cand)
        cand.how, cand.naming = "alias", False
        home[found.actor_id].cands.append(cand)
    return [k for k in clusters if k.cands]


def _ordered(clusters: list[Cluster]) -> list[Cluster]:
    """The clusters in the order their actors are numbered: by first appearance."""
    return sorted(clusters, key=lambda k: k.first)


def _rows(doc: Doc, sents: list[Sentence], clusters: list[Cluster]) -> tuple[list[Actor], list[Mention]]:
    """Number the clusters by first appearance and turn them into Actor and Mention rows."""
    actors: list[Actor] = []
    mentions: list[Mention] = []
    length = len(text_of(doc))
    for n, cluster in enumerate(_ordered(clusters), start=1):
        actor_id = f"A{n:03d}"
        cands = sorted({bounds(doc, c): c for c in cluster.cands}.values(), key=lambda c: c.start)
        rows = []
        for cand in cands:
            start, end = bounds(doc, cand)
            rows.append(
                Mention(actor_id, start, end, surface(doc, cand), sentence_index(sents, start), cand.how)
            )
        aliases = ";".join(dict.fromkeys(m.text for m in rows))
        title = cluster_title(cluster) if cluster.kind == "person" else ""
        roles = cluster_roles(cluster) if cluster.kind == "person" else ""
        first = rows[0].start
        actors.append(
            Actor(
                actor_id,
                cluster_name(doc, cluster),
                cluster.kind,
                title,
                aliases,
                len(rows),
                first,
                salience(rows, first, length, cluster.kind),
                roles,
            )
        )
        mentions.extend(rows)
    mentions.sort(key=lambda m: (m.start, m.actor_id))
    return actors, mentions
