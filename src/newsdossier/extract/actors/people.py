"""Pass 3a, merging people: full names, then surnames and first names to the nearest full name."""

from __future__ import annotations

import functools

from nicknames import NickNamer
from spacy.tokens import Doc

from newsdossier.extract import lexicon
from newsdossier.extract.actors.spans import Cand, Cluster, absorb, is_acronym, name_words, surface

# Words that end a name's run without being a surname ("Mark Hill Safety [Act]").
_NOT_SURNAMES = lexicon.TITLE_HEADS | lexicon.ORG_HEADS | lexicon.PLACE_HEADS | lexicon.OUT_OF_SCOPE_HEADS


@functools.cache
def _nicknamer() -> NickNamer:
    """The `nicknames` package's table of English given names and their nicknames, read once."""
    return NickNamer()


def _nickname_pair(a: str, b: str) -> bool:
    """A given name and a nickname of it ("Lawrence" / "Larry", "William" / "Bill")."""
    namer = _nicknamer()
    return b in namer.nicknames_of(a) or a in namer.nicknames_of(b)


def _same_person(a: list[str], b: list[str]) -> bool:
    """Two full names of one person: one surname, first names alike ("Sam"/"Samuel", "Bill"/"William").

    Also the same words in another order ("Tanaka Emi" / "Emi Tanaka"), a three-word name
    and its first two words ("Anne Marie" in "Anne Marie Dubois"), and two three-word names that
    differ only in the first ("Paul Henri Dubois" / "Pablo Henri Dubois").
    """
    short, long_ = sorted((a, b), key=len)
    if sorted(a) == sorted(b):
        return True
    # "Anne Marie" in "Anne Marie Dubois"; not "Mark Hill" in "Mark Hill Safety [Act]"
    if len(short) >= 2 and len(long_) == len(short) + 1 and long_[: len(short)] == short:
        return long_[-1] not in _NOT_SURNAMES
    if a[-1] != b[-1]:
        return False
    if len(short) >= 3 and long_[-2:] == short[-2:]:
        return True
    if long_[-len(short) :] == short:  # "Abu Karim" in "Said Abu Karim"
        return True
    return a[0].startswith(b[0]) or b[0].startswith(a[0]) or _nickname_pair(a[0], b[0])


def merge_people(doc: Doc, cands: list[Cand]) -> list[Cluster]:
    """People: full names first, then single names to the full name with that surname or first name."""
    clusters: list[Cluster] = []
    words_of: dict[int, list[str]] = {}
    for cand in cands:
        words = name_words(doc, cand)
        words_of[id(cand)] = words
        if len(words) < 2:
            continue
        home = next((k for k in clusters if _same_person(words_of[id(k.cands[0])], words)), None)
        if home is None:
            home = Cluster("person")
            clusters.append(home)
        home.cands.append(cand)
    for cand in cands:
        words = words_of[id(cand)]
        if len(words) != 1:
            continue
        by_surname = [k for k in clusters if any(words_of[id(c)][-1] == words[0] for c in k.cands)]
        by_first = [k for k in clusters if any(words_of[id(c)][0] == words[0] for c in k.cands)]
        home = _nearest(by_surname, cand) or _nearest(by_first, cand)
        if home is None:
            home = Cluster("person")
            clusters.append(home)
        elif len(home.cands[0:1]) and words_of[id(home.cands[0])] != words:
            cand.how = "alias"
        home.cands.append(cand)
    return clusters


def _nearest(fits: list[Cluster], cand: Cand) -> Cluster | None:
    """Of the fitting clusters, the one mentioned last before cand (else the first one)."""
    if not fits:
        return None
    before = [(max((c.start for c in k.cands if c.start < cand.start), default=-1), k) for k in fits]
    return max(before, key=lambda pair: pair[0])[1]


def _honoured_surnames(doc: Doc, cands: list[Cand]) -> set[str]:
    """One-word PERSON names after an honorific ("Ms. Okafor"): surnames, as a full name's last word is."""
    return {
        words[0]
        for c in cands
        if c.label == "PERSON"
        and c.start > 0
        and doc[c.start - 1].lower_ in lexicon.SURNAME_HONORIFICS
        and len(words := name_words(doc, c)) == 1
    }


def relabel_people(doc: Doc, cands: list[Cand]) -> None:
    """Relabel ORG/GPE spans that are a known person's name ("Jones", "Ann Jones", "Helga") as PERSON.

    A one-word LOC or FAC span is relabelled too ("Jones" read as a site): NER gives those labels to
    surnames as often as to GPE, and one word carries no place head to say otherwise.
    """
    full = [name_words(doc, c) for c in cands if c.label == "PERSON"]
    surnames = {w[-1] for w in full if len(w) > 1} | _honoured_surnames(doc, cands)
    first_names = {w[0] for w in full if len(w) > 1}
    # a name in capitals ("DOE" in a signature) is the name when the text also writes it "Doe"
    written = {t.text for c in cands if c.label == "PERSON" for t in doc[c.start : c.end] if t.text.istitle()}
    for cand in cands:
        site = cand.label in {"LOC", "FAC"} and cand.end - cand.start == 1
        if not (site or cand.label in {"ORG", "GPE"}) or cand.end - cand.start > 3 or cand.appositive_org:
            continue
        words = name_words(doc, cand)
        text = surface(doc, cand)
        known = words and (words[-1] in surnames or len(words) == 1 and words[0] in first_names)
        if (
            known
            and not lexicon.country_named(text)
            and not lexicon.country_of_capital(text)
            and not (is_acronym(text) and text.capitalize() not in written)
            and all(t.text[:1].isupper() for t in doc[cand.start : cand.end])
            and not any(w in lexicon.ORG_HEADS for w in words)
        ):
            cand.label = "PERSON"


# Words that set off a person's birth name in brackets ("Ann (née Doe)").
_BIRTH_NAME_WORDS = {"née", "nee", "né"}


def merge_birth_names(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """A name after "(née" is the birth name of the person named right before the bracket.

    ("Ann Varga (née Doe)": "Doe" is Ann's, whatever NER read it as, never an actor of its own.)
    Every mention of the name must be so placed, after one and the same person.
    """
    ends = {c.end: k for k in clusters if k.kind == "person" for c in k.cands}
    for cluster in clusters:
        homes = {
            id(person): person
            for c in cluster.cands
            if c.start >= 2
            and doc[c.start - 1].lower_ in _BIRTH_NAME_WORDS
            and doc[c.start - 2].text == "("
            and (person := ends.get(c.start - 2)) is not None
        }
        placed = all(c.start >= 2 and doc[c.start - 1].lower_ in _BIRTH_NAME_WORDS for c in cluster.cands)
        if placed and len(homes) == 1 and cluster.cands:
            home = next(iter(homes.values()))
            if home is not cluster:
                absorb(home, cluster, "alias")
    return [k for k in clusters if k.cands]
