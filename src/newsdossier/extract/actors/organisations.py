"""Pass 3b, merging organisations and places: keys, countries, acronyms, short and long forms."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from newsdossier.extract import lexicon
from newsdossier.extract.actors.spans import (
    LABEL_TYPES,
    Cand,
    Cluster,
    absorb,
    cluster_name,
    is_acronym,
    surface,
)
from newsdossier.extract.lexicon import norm_key

_FUNCTION_WORDS = {"of", "and", "the", "for", "de", "du", "des", "la", "le", "on", "in", "&"}


def _is_metonym(doc: Doc, cand: Cand) -> bool:
    """A capital used for its government: not the object of a locative preposition ("in Paris")."""
    span = doc[cand.start : cand.end]
    if span.text.isupper() and len(span.text) > 3:
        return False  # a dateline ("NAIROBI, Kenya --") names the city
    token = span.root
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:  # "talks between the East and Beijing"
        token = token.head
    if token.dep_ == "poss" and token.head.pos_ == "PROPN":
        return False  # "London's Kestrel Academy": the city's, not the government's
    if token.dep_ in {"nsubj", "nsubjpass", "poss", "dative", "agent"}:
        return True
    if token.dep_ == "pobj":
        # "cities such as Lisbon", "capitals like Oslo": examples of places, not governments
        return token.head.lower_ not in lexicon.LOCATIVE_PREPS | {"as", "like"}
    if token.dep_ == "dobj":
        return token.head.lemma_ not in lexicon.MOTION_VERBS  # "visit Lisbon" is a trip, not a government
    return False


def _place_key(doc: Doc, cand: Cand) -> None:
    """Set the merge key of an organisation or place mention, mapping countries to one key."""
    text = doc[cand.start : cand.end].text
    if cand.label == "NORP":
        cand.country, cand.how = lexicon.country_of_demonym(text), "demonym"
    elif cand.label in {"GPE", "LOC"}:
        cand.country = lexicon.country_named(text)
        if cand.country is None and cand.label == "GPE" and _is_metonym(doc, cand):
            cand.country = lexicon.country_of_capital(text)
            cand.how = "alias" if cand.country else cand.how
    elif cand.label == "ORG":
        cand.country = lexicon.country_named(text)
    if cand.country and cand.how == "ner" and norm_key(text) != norm_key(cand.country.name):
        cand.how = "alias"
    cand.key = f"country:{cand.country.name}" if cand.country else norm_key(text)


def _initials(name: str) -> set[str]:
    """Acronyms a name could have: initials of all words or of content words, with or without a country."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    out = set()
    for start in (0, 1):  # "the Federal Bureau of Investigation" is the FBI
        if start and not lexicon.country_named(words[0]):
            continue
        rest = words[start:]
        out.add("".join(w[0] for w in rest).upper())
        out.add("".join(w[0] for w in rest if w.lower() not in _FUNCTION_WORDS).upper())
    return out


def merge_places(doc: Doc, cands: list[Cand]) -> list[Cluster]:
    """Organisations and places: by key, then acronyms, name suffixes and common descriptors."""
    by_key: dict[str, Cluster] = {}
    for cand in cands:
        _place_key(doc, cand)
        if cand.label == "NORP" and cand.country is None:
            continue
        kind = "location" if cand.country else LABEL_TYPES.get(cand.label, "organization")
        home = by_key.setdefault(cand.key, Cluster(kind, key=cand.key, country=cand.country))
        home.cands.append(cand)
    clusters = list(by_key.values())
    for cluster in clusters:
        labels = Counter(LABEL_TYPES.get(c.label, "") for c in cluster.cands if c.how in {"ner", "rule"})
        if any(c.appositive_org for c in cluster.cands):
            cluster.kind = "organization"
        elif not cluster.country and labels:
            cluster.kind = labels.most_common(1)[0][0]
    clusters = _merge_acronyms(doc, clusters)
    clusters = merge_short_forms(doc, clusters)
    return _merge_descriptors(doc, clusters)


def merge_short_forms(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Short names into the longer org or place names they end or start ("Otters", "Acme").

    Run when the clusters are first built and again once they are typed, when a short name NER
    labelled as something else ("ROTC" read as a person) has become comparable.
    """
    for cluster in clusters:  # a person retyped as an organisation or place (or merged into one) has no key
        if cluster.kind in {"organization", "location"} and cluster.cands:
            for cand in cluster.cands:
                cand.key = cand.key or norm_key(surface(doc, cand))
            cluster.key = cluster.key or norm_key(cluster_name(doc, cluster))
    return _merge_prefixes(doc, _merge_suffixes(doc, clusters))


def _merge_acronyms(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Merge acronyms into the name they abbreviate: defined in brackets, or by initials."""
    defined = _defined_acronyms(doc, clusters)
    for cluster in clusters:
        if not cluster.cands or cluster.country:
            continue
        text = surface(doc, cluster.cands[0])
        if not is_acronym(text):
            continue
        bare = text.replace(".", "")
        home = defined.get(bare) or next(
            (
                k
                for k in clusters
                if k is not cluster
                and k.cands
                and k.kind == cluster.kind
                and not is_acronym(cluster_name(doc, k))
                and bare in _initials(cluster_name(doc, k))
            ),
            None,
        )
        if home is not None and home is not cluster:
            absorb(home, cluster, "acronym")
    return [k for k in clusters if k.cands]


def _defined_acronyms(doc: Doc, clusters: list[Cluster]) -> dict[str, Cluster]:
    """Acronyms defined in brackets right after a name: "Pacific Grid Reliability Council (PGRC)"."""
    out: dict[str, Cluster] = {}
    for cluster in clusters:
        for cand in cluster.cands:
            end = cand.end
            if (
                end + 2 < len(doc)
                and doc[end].text == "("
                and doc[end + 2].text == ")"
                and is_acronym(doc[end + 1].text)
            ):
                acronym = doc[end + 1].text.replace(".", "")
                if acronym[0] == surface(doc, cand)[0].upper():
                    out.setdefault(acronym, cluster)
    return out


def _nearest_before(fits: list[Cluster], short: Cluster) -> Cluster | None:
    """The one fitting cluster, or of several the one mentioned last before short's first mention."""
    if len(fits) == 1:
        return fits[0]
    before = [(max((c.start for c in k.cands if c.start < short.first), default=-1), k) for k in fits]
    last, home = max(before, key=lambda pair: pair[0])
    return home if last >= 0 else None


def _unknown_place(doc: Doc, cluster: Cluster) -> bool:
    """A location by NER's label only: no gazetteer place and no place head ("the Comets")."""
    return cluster.kind == "location" and not any(
        lexicon.place_named(surface(doc, c)) or c.key.rpartition(" ")[2] in lexicon.PLACE_HEADS
        for c in cluster.cands
    )


def _merge_suffixes(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Merge a short org name into the longer org name ending with it ("Commerce Department").

    Of several longer names, the one mentioned last before it ("Otters" after "Marlow Otters"); a
    short name NER called a place but no gazetteer knows ("Comets") may be a team's name too.
    """
    for short in clusters:
        if not short.cands or short.country:
            continue
        if short.kind != "organization" and not _unknown_place(doc, short):
            continue
        words = short.key.split()
        longer = [
            k
            for k in clusters
            if k is not short
            and k.cands
            and k.kind == "organization"
            and len(k.key.split()) > len(words)
            and k.key.split()[-len(words) :] == words
        ]
        home = _nearest_before(longer, short) if longer else None
        if home is None:
            continue
        prefix = [w for w in home.key.split()[: -len(words)] if w != "the"]
        if not prefix or prefix[-1] in {"of", "for", "on", "at", "in"}:
            continue  # "Human Rights Council of the United Nations" is a body of its own, not the UN
        is_country = lexicon.country_named(" ".join(prefix)) or lexicon.country_of_demonym(" ".join(prefix))
        if is_country or (len(words) == 1 and words[0] not in lexicon.ORG_HEADS) or len(words) > 1:
            absorb(home, short, "alias")
    return [k for k in clusters if k.cands]


def _merge_prefixes(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Merge a short org or place name into the longer one it starts ("Acme" -> "Acme Foods").

    A name of two words or more merges only when one longer name starts with it and adds one word
    ("Harlow Eastern" -> "Harlow Eastern Airlines"; a body within it, "Harlow Eastern Pilots
    Union", is another), and never when its last word is a head ("Acme Group").
    """
    for short in clusters:
        if not short.cands or short.kind not in {"organization", "location"} or short.country:
            continue
        words = short.key.split()
        if is_acronym(surface(doc, short.cands[0])):
            continue
        if words[-1] in lexicon.ORG_HEADS or words == [words[0]] and words[0] in lexicon.PLACE_HEADS:
            _merge_head_phrase(short, clusters)
            continue
        if short.kind == "location" and lexicon.place_named(short.key):
            continue  # "Oakland" is its own city beside the "Oakland Harbor"
        full = {id(k): _full_key(k).split() for k in clusters if k.cands}
        longer = [
            k
            for k in clusters
            if k is not short
            and k.cands
            and k.kind == short.kind
            and not k.country
            and full[id(k)][: len(words)] == words
            and len(full[id(k)]) > len(words)
            and (len(words) == 1 or len(full[id(k)]) == len(words) + 1)
            and not _names_a_thing(full[id(k)][len(words) :])
        ]
        # a place unknown to the gazetteer merges into the one longer place it starts ("Brennow Terme")
        if longer and (len(words) == 1 and short.kind == "organization" or len(longer) == 1):
            absorb(min(longer, key=lambda k: len(full[id(k)])), short, "alias")
    return [k for k in clusters if k.cands]


def _full_key(cluster: Cluster) -> str:
    """The key of the cluster's longest name: its name in full, though an acronym came first ("MLB")."""
    return max((c.key for c in cluster.cands), key=lambda key: len(key.split()))


def _names_a_thing(added: list[str]) -> bool:
    """The words a longer name adds make it an award, event or work of the shorter one ("Acme Awards",
    "Harlow League Draft"), not the same actor written in full."""
    return bool(added) and added[-1] in lexicon.OUT_OF_SCOPE_HEADS and added[-1] not in lexicon.ORG_HEADS


def _merge_head_phrase(short: Cluster, clusters: list[Cluster]) -> None:
    """Merge a name ending in a head word into the one longer name it heads ("Standing Committee" ->
    "Standing Committee of the Harbour Trust").

    A bare head ("the Senate", "the Agency") is the text's short name for the one organisation it
    names with that head first or last ("Senate of Harlow", "Kestrel Water Agency"); beside two such
    names it stays apart, as no one can tell which it is. A bare place head ("this State", "the
    Province") is the one "State of X" named, whatever NER called either.
    """
    words = short.key.split()
    heads = [[*words, w] for w in ("of", "for", "on")]
    bare_place = len(words) == 1 and words[0] in lexicon.PLACE_HEADS
    longer = [
        k
        for k in clusters
        if k is not short
        and k.cands
        and (k.kind == short.kind or bare_place and k.key.split()[:2] == heads[0])
        and not k.country
        and (
            k.key.split()[: len(words) + 1] in heads
            or len(words) == 1
            and short.kind == "organization"
            and len(k.key.split()) > 1
            and k.key.rpartition(" ")[2] == words[0]
        )
    ]
    if len(longer) == 1:
        absorb(longer[0], short, "alias")


def _merge_descriptors(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Merge a common descriptor into the well-known organisation it stands for ("the bloc")."""
    for cluster in clusters:
        if not cluster.cands:
            continue
        keys = {c.key for c in cluster.cands} | {norm_key(surface(doc, c)) for c in cluster.cands}
        descriptors = {d for k in keys for d in lexicon.ORG_DESCRIPTORS.get(k, ())}
        if not descriptors:
            continue
        for other in clusters:
            if other is not cluster and other.cands and other.key in descriptors:
                absorb(cluster, other, "alias", naming=False)
        taken = {i for k in clusters for c in k.cands for i in range(c.start, c.end)}
        for chunk in doc.noun_chunks:
            if (
                chunk.root.lower_ in descriptors
                and chunk[0].lower_ == "the"
                and chunk.root.i not in taken
                and len(chunk) == 2
            ):
                cluster.cands.append(Cand(chunk.root.i, chunk.root.i + 1, "ORG", how="alias", naming=False))
    return [k for k in clusters if k.cands]
