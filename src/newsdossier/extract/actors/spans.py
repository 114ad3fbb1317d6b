"""Shared pieces of the actors step: the mention candidate, the cluster, and how to read their names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from newsdossier.extract import lexicon
from newsdossier.extract.lexicon import Country
from newsdossier.extract.lexicon.load import load

LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
}


# Nouns for how people stand to each other ("friend", "rival"): no role, but a person all the same.
_RELATIONS = load("titles")["relations"]
# Nouns of going somewhere ("a journey through X").
_TRAVEL_NOUNS = load("places")["travel_nouns"]
# Zipf frequency (wordfreq) from which a capitalised word is an everyday word ("Quits", "Leaves").
_EVERYDAY_ZIPF = 3.0

_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Prepositions after a name's head word ("Council on X", "Center for Y", "Bank of Z").
_HEAD_JOINERS = {"of", "for", "on", "at", "in", "de"}
# How a mention was found, for those that name the actor: NER, a recall rule, an alias, an acronym.
NAMING_HOWS = {"ner", "rule", "alias", "acronym"}


@dataclass
class Cand:
    """One mention candidate while the step is running (mutable; becomes a Mention at the end)."""

    start: int  # first token
    end: int  # token after the last
    label: str  # PERSON / ORG / GPE / LOC / FAC / NORP / GROUP
    how: str = "ner"
    title: str = ""
    nation: str = ""  # country named before or beside a person ("Chilean President X")
    country: Country | None = None  # the country this mention stands for, if any
    key: str = ""
    naming: bool = True  # False for descriptors ("the bloc"), which never name the actor
    chars: tuple[int, int] | None = None  # character bounds when a token had to be cut ("Doe/")
    appositive_org: bool = False  # an apposition says this "person" is an organisation


@dataclass
class Cluster:
    """Mentions merged into one actor."""

    kind: str
    cands: list[Cand] = field(default_factory=list)
    key: str = ""
    country: Country | None = None

    @property
    def first(self) -> int:
        """The first token of the earliest mention."""
        return min(c.start for c in self.cands)


def is_title_token(token: Token) -> bool:
    """A role noun or rank ("minister", "General")."""
    return token.lower_ in lexicon.TITLE_HEADS or token.lower_ in lexicon.RANKS


def is_role_noun(token: Token) -> bool:
    """A noun naming what a person does ("spokesman", "researcher"), not a kin word or an org."""
    return _role_word(token.lower_)


def _role_word(word: str) -> bool:
    """A lower-case word naming what a person does (see ``is_role_noun``)."""
    if word in lexicon.KINSHIP or word in lexicon.ORG_HEADS or word in _RELATIONS:
        return False
    if word in lexicon.PERSON_NOUNS:
        return False  # "woman", "man": the agent endings of "chairwoman", no role on their own
    return word in lexicon.TITLE_HEADS or word.endswith(lexicon.AGENT_SUFFIXES)


def is_person_noun(token: Token) -> bool:
    """A noun for a person by role, kin or relation ("grammarian", "sister", "friend")."""
    return person_word(token.lower_)


def person_word(word: str) -> bool:
    """A lower-case word for a person by role, kin or relation (see ``is_person_noun``)."""
    return _role_word(word) or word in lexicon.KINSHIP or word in _RELATIONS


# A surname with an elided particle ("O'Brenna", "D’Arvel"): the tagger often reads it as a common noun.
_ELIDED_SURNAME = re.compile(r"[A-Z][’'][A-Z][a-z]+")


def is_elided_surname(text: str) -> bool:
    """A surname with an elided particle ("O'Brenna", "D’Arvel"), which spaCy does not count as alphabetic."""
    return _ELIDED_SURNAME.fullmatch(text) is not None


def is_acronym(text: str) -> bool:
    """Two to six capital letters, dots allowed ("EU", "U.N.")."""
    bare = text.replace(".", "")
    return bare.isalpha() and bare.isupper() and 2 <= len(bare) <= 6


def name_words(doc: Doc, cand: Cand) -> list[str]:
    """The lower-case words of a name, without a trailing "Jr." or "III"."""
    words = [
        fold(w.lower().replace("’", "'"))
        for w in re.split(r"[\s-]+", surface(doc, cand))
        if any(ch.isalpha() for ch in w)
    ]
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words


def bounds(doc: Doc, cand: Cand) -> tuple[int, int]:
    """The candidate's character offsets into the text."""
    if cand.chars:
        return cand.chars
    span = doc[cand.start : cand.end]
    return span.start_char, span.end_char


def surface(doc: Doc, cand: Cand) -> str:
    """The candidate's text (Doc.text is rebuilt on every access, so slice the span instead)."""
    span = doc[cand.start : cand.end]
    if cand.chars:
        return span.text[cand.chars[0] - span.start_char : cand.chars[1] - span.start_char].strip()
    return span.text.strip()


def cluster_name(doc: Doc, cluster: Cluster) -> str:
    """The fullest proper name among a cluster's mentions (a country table name if only demonyms)."""
    forms = [
        surface(doc, c)
        for c in cluster.cands
        if c.how in NAMING_HOWS
        and c.naming
        and not (
            c.label == "GPE"
            and cluster.country
            and lexicon.country_of_capital(surface(doc, c))
            and not lexicon.country_named(surface(doc, c))
        )
    ]
    if cluster.kind == "group":
        forms = [surface(doc, c) for c in cluster.cands]
    if not forms:
        return cluster.country.name if cluster.country else surface(doc, cluster.cands[0])
    # a name behind a lower-case prefix ("pro-Doe" supporters) is an adjective made of it: last;
    # then most words first; a name written in capitals (a headline) only when nothing else is there
    return max(
        forms,
        key=lambda f: (
            not _PREFIXED_NAME.match(f),
            len(f.split()),
            not is_acronym(f) and not f.isupper(),
            len(f),
        ),
    )


# A lower-case prefix joined to a name by a hyphen ("pro-Doe", "ex-Acme"): an adjective, not a name.
_PREFIXED_NAME = re.compile(r"[a-z]+-[A-Z]")


def fold(text: str) -> str:
    """Text without accents, so spelling variants of one name compare equal ("Farīd", "Farid")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def cluster_title(cluster: Cluster) -> str:
    """The role stated nearest to the person's first full mention (its own title first)."""
    titled = [c for c in cluster.cands if c.title]
    if not titled:
        return ""
    full = [
        c for c in cluster.cands if c.end - c.start > 1 and c.how in NAMING_HOWS - {"acronym"}
    ] or cluster.cands
    first_full = min(full, key=lambda c: c.start)
    return min(titled, key=lambda c: (abs(c.start - first_full.start), c.start)).title


def cluster_roles(cluster: Cluster) -> str:
    """Every distinct role the text gives the person, in order, ';'-separated.

    A role whose words all belong to a longer one already listed ("secretary" beside "secretary
    of state") is the same role written short and is left out.
    """
    roles = list(dict.fromkeys(c.title for c in sorted(cluster.cands, key=lambda c: c.start) if c.title))
    kept = [r for r in roles if not any(o != r and set(r.split()) < set(o.split()) for o in roles)]
    return ";".join(kept)


def cluster_nation(cluster: Cluster) -> str:
    """The nation given at the earliest mention that states one."""
    return next((c.nation for c in sorted(cluster.cands, key=lambda c: c.start) if c.nation), "")


def absorb(target: Cluster, source: Cluster, how: str, *, naming: bool = True) -> None:
    """Move every mention of source into target."""
    for cand in source.cands:
        if cand.how == "ner":
            cand.how = how
        cand.naming = cand.naming and naming
        target.cands.append(cand)
    source.cands = []


def head_word(doc: Doc, cand: Cand) -> str:
    """The head of a name: the word before "of"/"for"/... ("University of X"), else the last word."""
    tokens = [t for t in doc[cand.start : cand.end] if t.is_alpha or "-" in t.text]
    if len(tokens) > 1 and tokens[-1].lower_ == "no":  # "Kestrel Lodge No. 8": the number is no head
        tokens.pop()
    if not tokens:
        return ""
    for k, token in enumerate(tokens):
        if token.lower_ in _HEAD_JOINERS and k > 0:
            return tokens[k - 1].lower_
    return tokens[-1].lower_


def place_context(doc: Doc, cand: Cand, *, motion: bool = False) -> bool:
    """The mention stands where only a place can: "near X", "9 km southwest of X", "the city of X",
    "a town in X", "a journey through X",
    "born in X", "settled in X", "Leeds, X" (after a place and a comma); with motion, also after a
    verb of going ("moved to X", "returned from X")."""
    root = doc[cand.start : cand.end].root
    if (
        cand.start >= 2
        and doc[cand.start - 1].text == ","
        and _is_place_token(doc[cand.start - 2])
        and root.dep_ in {"appos", "conj", "npadvmod", "pobj"}  # "In Paris, X said": a subject is no place
    ):
        return True
    if _travelled(root):
        return True
    prep = root.head if root.dep_ == "pobj" else None
    if prep is None or prep.i >= cand.start:
        return False
    word, governor = prep.lower_, prep.head.lemma_.lower()
    if word == "near" or word == "of" and governor in lexicon.DIRECTIONS:
        return True
    if (
        word in {"of", "in"}
        and prep.head.text.islower()
        and prep.head.pos_ == "NOUN"
        and governor in lexicon.PLACE_HEADS
    ):
        return True  # "the desert of X", "the city of X", "a valley in X"
    if word == "in" and governor in lexicon.RESIDENCE_VERBS:
        return True
    return motion and word in {"to", "into", "from", "in"} and governor in lexicon.MOTION_VERBS


def _travelled(root: Token) -> bool:
    """The name is where a noun of travel goes ("a journey through X", "a trip to X and Y")."""
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "through X and Y": Y stands where X does
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ in {"through", "across", "to", "into"}
        and prep.head.pos_ == "NOUN"
        and prep.head.lemma_.lower() in _TRAVEL_NOUNS
    )


def everyday_word(word: str) -> bool:
    """A common English word that is no census given name or surname ("Quits" in a headline)."""
    return (
        zipf_frequency(word.lower(), "en") >= _EVERYDAY_ZIPF
        and not lexicon.is_given_name(word)
        and not lexicon.is_surname(word)
    )


def is_team(doc: Doc, start: int, end: int) -> bool:
    """A gazetteer place and a plural proper noun ("Harlow Rovers" for a city Harlow): a team's name.

    The tagger often reads a team's plural as singular ("Bluehawks"/NNP) or as a common noun
    ("Rovers"/NNS): a capitalised word ending in one "s" counts.
    """
    last = doc[end - 1]
    plural = last.tag_ in {"NNPS", "NNS"} or last.pos_ == "PROPN" and last.text.endswith("s")
    plural = plural and last.is_title and not last.text.endswith("ss")
    return (
        end - start >= 2
        and plural
        and last.lower_ not in lexicon.GROUP_HEADS
        and lexicon.place_named(doc[start : end - 1].text)
    )


def _is_place_token(token: Token) -> bool:
    """The last word of a place name: NER's place label or a gazetteer place ("Leeds" in "Leeds, X")."""
    return token.ent_type_ in {"GPE", "LOC"} or (
        not token.ent_type_ and token.pos_ == "PROPN" and lexicon.place_named(token.text)
    )


def _plural_title(token: Token) -> bool:
    """A role noun in the plural ("Senators", "ministers")."""
    return token.tag_ in {"NNS", "NNPS"} and (
        token.lemma_.lower() in lexicon.TITLE_HEADS or token.lower_[:-1] in lexicon.TITLE_HEADS
    )


def under_plural_title(doc: Doc, cand: Cand) -> bool:
    """The name is one of a list after a plural role noun ("Senators Varga and Okafor", "Senators
    VARGA, OKAFOR"): each is a person's name, whatever NER said."""
    if cand.start > 0 and _plural_title(doc[cand.start - 1]):
        return True
    token = doc[cand.start : cand.end].root
    while token.dep_ in {"conj", "appos"} and token.head.i < token.i:
        token = token.head
    return any(c.dep_ == "compound" and c.i < token.i and _plural_title(c) for c in token.children)


def inverted_names(doc: Doc) -> list[tuple[int, range]]:
    """People listed surname first at the start of a line ("Doe, Jane. Title", "Doe, Karl and Roe,
    Aurelio."): each surname's token and the tokens of the given names after its comma.

    Every part must be a capitalised word, a comma and one or two capitalised words, the line's
    parts end in a full stop, and one given name must be known (the census lists) to show the order.
    """
    found = []
    for line_start in (t.i for t in doc if t.i == 0 or "\n" in doc[t.i - 1].text_with_ws):
        stop = next((t.i for t in doc[line_start : line_start + 12] if t.text == "."), None)
        if stop is None:
            continue
        parts: list[list[Token]] = [[]]
        for token in doc[line_start:stop]:
            if token.lower_ == "and":
                parts.append([])
            else:
                parts[-1].append(token)
        if all(_inverted(part) for part in parts) and any(lexicon.is_given_name(p[2].text) for p in parts):
            found += [(p[0].i, range(p[2].i, p[-1].i + 1)) for p in parts]
    return found


def _inverted(part: list[Token]) -> bool:
    """A surname, a comma and one or two given names, all capitalised ("Doe, Jane Ann")."""
    return (
        3 <= len(part) <= 4
        and part[1].text == ","
        and all(t.is_alpha and t.is_title for t in part[:1] + part[2:])
        and not lexicon.place_named(part[2].text)  # "Brennow, Georgia": a town and its state
    )


def hyphen_prefix_start(doc: Doc, start: int) -> int:
    """Where an organisation's name starts when a capitalised hyphenated word opens it ("All-Brennow
    Regional Team", "High-A Orvel Rovers"): NER and the runs of capitals stop at the hyphen."""
    i = start
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2  # "All-" + "Brennow"
    elif i >= 3 and doc[i - 2].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 3].whitespace_:
        i -= 3  # "High-A" + " Orvel"
        if not doc[i + 2].text[:1].isupper():
            return start
    else:
        return start
    return i if doc[i].is_alpha and doc[i].text[:1].isupper() and not doc[i].is_sent_start else start
