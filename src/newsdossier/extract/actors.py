"""Actors: the people, organisations and places an article names, each merged into one row.

The step works in four passes over spaCy's entities:

1. repair: strip determiners and possessives, split titles off PERSON entities ("Palace spokesman
   X" read as one name), join organisation fragments ("Landsting" + "Assembly", "US" + "Commerce
   Department"), split photo credits ("Jane Doe/Canadian Press") and retype obvious mistakes (a
   capital read as a PERSON, "X, a non-profit agency" read as a PERSON);
2. read titles from pre-name modifiers ("Brazilian Foreign Minister X") and appositions ("X, a
   spokesman");
3. merge mentions: people by full name, surname or first name; organisations and places by a
   case/determiner-free key, acronyms (defined in brackets or by initials), country aliases,
   capitals used as governments (metonyms), demonyms and common descriptors ("the bloc");
4. keep groups ("Norwegian officials") as actors of type ``group``, never merged into a named one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsdossier.extract import lexicon
from newsdossier.extract.lexicon import Country, norm_key
from newsdossier.records import Actor, Mention, Sentence
from newsdossier.text.nlp import sentence_index, text_of

_LABEL_TYPES = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
}
_WANTED = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
_DETERMINERS = {"the", "a", "an"}
_FUNCTION_WORDS = {"of", "and", "the", "for", "de", "du", "des", "la", "le", "on", "in", "&"}
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_QUANTIFIERS = {
    "many",
    "some",
    "several",
    "other",
    "all",
    "few",
    "most",
    "more",
    "these",
    "those",
    "both",
    "such",
    "various",
    "numerous",
    "certain",
    "two",
    "three",
    "four",
    "dozens",
}
# How much one mention counts towards salience, by how it was found.
_HOW_WEIGHT = {"ner": 1.0, "alias": 1.0, "acronym": 1.0, "title": 1.0, "demonym": 0.5, "group": 1.0}


@dataclass
class _Cand:
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
class _Cluster:
    """Mentions merged into one actor."""

    kind: str
    cands: list[_Cand] = field(default_factory=list)
    key: str = ""
    country: Country | None = None

    @property
    def first(self) -> int:
        """The first token of the earliest mention."""
        return min(c.start for c in self.cands)


# --- 1. repairing NER spans -------------------------------------------------------------------


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading determiner and a trailing possessive or punctuation from a token range."""
    while start < end - 1 and (
        doc[start].lower_ in _DETERMINERS
        or doc[start].tag_ == "POS"
        or not any(ch.isalpha() for ch in doc[start].text)
    ):
        start += 1
    bracket = next((t.i for t in doc[start:end] if t.text in {"(", "["}), None)
    if bracket is not None and bracket > start:  # "Bureau of Investigation (FBI": the acronym is apart
        end = bracket
    while end - 1 > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].lower_ in {"'s", "’s", "'"}
        or not any(ch.isalpha() for ch in doc[end - 1].text)
    ):
        end -= 1
    return start, end


def _is_title_token(token: Token) -> bool:
    """A role noun or rank ("minister", "General")."""
    return token.lower_ in lexicon.TITLE_HEADS or token.lower_ in lexicon.RANKS


def _split_person(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Where the name proper starts inside a PERSON span that swallowed a title, and its prefix end.

    Returns (prefix_end, name_start): tokens [start, prefix_end) are an affiliation ("Harbour"),
    [prefix_end, name_start) the title, [name_start, end) the name. No title: (start, start).
    """
    last_title = -1
    for i in range(start, end - 1):  # a title word as the last token is a surname ("Martin King")
        if _is_title_token(doc[i]):
            last_title = i
    name = doc[last_title + 1 : end]
    if (
        last_title < 0
        or not name[0].is_alpha
        or not name[0].text[:1].isupper()
        or any(t.lower_ in lexicon.ORG_HEADS or t.lower_ in lexicon.PORTFOLIOS for t in name)
    ):
        return start, start  # "Justice Department", "Governor-General" hold no name
    first_title = last_title
    while first_title > start and (
        _is_title_token(doc[first_title - 1]) or doc[first_title - 1].lower_ in lexicon.TITLE_QUALIFIERS
    ):
        first_title -= 1
    return first_title, last_title + 1


def _extend_name(doc: Doc, start: int, end: int, taken: set[int], *, org: bool = True) -> int:
    """Extend a name over the capitalised proper nouns NER left out ("Landsting" + "Assembly")."""
    while end < len(doc):
        token = doc[end]
        if (
            end in taken
            or token.ent_type_ not in {"", doc[start].ent_type_}
            or not token.is_alpha
            or not token.is_title
            and not token.is_upper
            or token.pos_ != "PROPN"
            or _is_title_token(token)
            or token.is_sent_start
        ):
            break
        end += 1
    if not org:
        return end
    # "Department" + "of Defense": an org head word followed by "of" and a capitalised name
    if (
        end + 1 < len(doc)
        and doc[end - 1].lower_ in lexicon.ORG_HEADS
        and doc[end].lower_ == "of"
        and doc[end + 1].is_title
        and doc[end + 1].pos_ == "PROPN"
    ):
        stop = end + 1
        while (
            stop < len(doc)
            and doc[stop].is_title
            and doc[stop].pos_ == "PROPN"
            and not _is_title_token(doc[stop])
        ):
            stop += 1
        end = stop
    return end


def _repaired_spans(doc: Doc) -> list[_Cand]:
    """spaCy's entities of interest, with boundary errors repaired."""
    raw = [(e.start, e.end, e.label_) for e in doc.ents if e.label_ in _WANTED]
    cands: list[_Cand] = []
    for start, end, label in raw:
        start, end = _trim(doc, start, end)
        if "/" in doc[start:end].text and label in {"PERSON", "ORG"}:
            cands.extend(_split_credit(doc, start, end))
            continue
        if label == "ORG" and (_title_of_org(doc, start) or _portfolio(doc, start, end)):
            continue  # "Secretary of State X", "Trade Minister X": the word belongs to the title
        if label in {"PERSON", "ORG"}:
            prefix_end, name_start = _split_person(doc, start, end)
            if label == "ORG" and 1 <= end - name_start <= 3 and name_start > start:
                label = "PERSON"  # "Huawei CFO Jane Doe" read as one organisation
            if label == "PERSON" and name_start > start:
                if prefix_end > start:  # "Palace spokesman X": the affiliation is an entity of its own
                    cands.append(_Cand(start, prefix_end, _prefix_label(doc[start:prefix_end])))
                start = name_start
        cands.append(_Cand(start, end, label))
    cands.sort(key=lambda c: c.start)
    # an organisation split in two: a country right before an organisation ("US" + "Commerce Department")
    joined: list[_Cand] = []
    for cand in cands:
        prev = joined[-1] if joined else None
        if (
            prev
            and prev.label == "GPE"
            and cand.label == "ORG"
            and prev.end == cand.start
            and lexicon.country_named(doc[prev.start : prev.end].text)
        ):
            prev.end, prev.label = cand.end, "ORG"
            continue
        joined.append(cand)
    taken = {i for c in joined for i in range(c.start, c.end)}
    for cand in joined:
        if cand.label in {"ORG", "PERSON"} and not cand.chars:
            cand.end = _extend_name(doc, cand.start, cand.end, taken, org=cand.label == "ORG")
            taken.update(range(cand.start, cand.end))
    # a span swallowed by an extension ("Canada" in "Public Health Agency of Canada") is no mention
    inside = [
        c
        for c in joined
        if any(
            o is not c and o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start
            for o in joined
        )
    ]
    return [_retype(doc, c) for c in joined if _keep(doc, c) and not any(c is i for i in inside)]


def _split_credit(doc: Doc, start: int, end: int) -> list[_Cand]:
    """Split a photo credit read as one entity ("Jane Doe/Canadian Press") into person and source."""
    span = doc[start:end]
    cut = span.start_char + len(span.text[: span.text.index("/")].rstrip())
    left = [t for t in span if t.idx < cut]
    right = [t for t in span if t.idx > cut]
    out = []
    if left and any(t.is_alpha for t in left):
        out.append(_Cand(left[0].i, left[-1].i + 1, "PERSON", chars=(span.start_char, cut)))
    if right and any(t.is_alpha for t in right):
        r_start, r_end = _trim(doc, right[0].i, right[-1].i + 1)
        out.append(_Cand(r_start, r_end, "ORG"))
    return out


def _title_of_org(doc: Doc, start: int) -> bool:
    """An ORG that is the object of a title before a name ("Secretary of State X"): part of the title."""
    return (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in lexicon.TITLE_HEADS
        and start + 1 < len(doc)
        and doc[start + 1].ent_type_ == "PERSON"
    )


def _portfolio(doc: Doc, start: int, end: int) -> bool:
    """An ORG made of portfolio words right before a role noun ("Trade" in "Trade Minister")."""
    return (
        end < len(doc)
        and doc[end].lower_ in lexicon.TITLE_HEADS
        and all(t.lower_ in lexicon.PORTFOLIOS for t in doc[start:end])
    )


def _prefix_label(span: Span) -> str:
    """The label of an affiliation cut off a PERSON span: a demonym, a country or an organisation."""
    if lexicon.country_of_demonym(span.text):
        return "NORP"
    if lexicon.country_named(span.text) or lexicon.country_of_capital(span.text):
        return "GPE"
    return "ORG"


def _keep(doc: Doc, cand: _Cand) -> bool:
    """Drop spans that are no names at all: adjectives read as organisations, lone title words."""
    span = doc[cand.start : cand.end]
    if not any(ch.isalpha() for ch in span.text) or not any(t.text[:1].isupper() for t in span):
        return False  # a lower-case span ("rookie defenceman") is no name
    if cand.label == "ORG" and len(span) == 1 and span[0].pos_ == "ADJ" and not span[0].is_upper:
        return False
    if cand.label in {"PERSON", "ORG"} and all(_is_title_token(t) for t in span):
        return False
    # "Liberal MLA": a person's name never ends in an upper-case title
    return not (cand.label == "PERSON" and span[-1].is_upper and _is_title_token(span[-1]))


def _retype(doc: Doc, cand: _Cand) -> _Cand:
    """Fix labels NER gets wrong: a capital or country read as a PERSON, a demonym read as an ORG."""
    text = doc[cand.start : cand.end].text
    if cand.label in {"PERSON", "ORG"} and cand.end - cand.start == 1:
        if lexicon.country_named(text) or lexicon.country_of_capital(text):
            cand.label = "GPE"
        elif cand.label == "ORG" and lexicon.country_of_demonym(text):
            cand.label = "NORP"
    return cand


# --- 2. titles --------------------------------------------------------------------------------


def _words_text(tokens: list[Token]) -> str:
    """Lower-case text of tokens as written, so "vice-president" keeps its hyphen."""
    parts = []
    for k, token in enumerate(tokens):
        parts.append(token.lower_)
        glued = k + 1 < len(tokens) and tokens[k + 1].i == token.i + 1 and not token.whitespace_
        if k + 1 < len(tokens) and not glued:
            parts.append(" ")
    return "".join(parts)


def _role_from_run(tokens: list[Token]) -> str:
    """The role in a run of title words, ranks set aside ("spokeswoman Lieutenant Colonel" -> spokeswoman)."""
    role: list[Token] = []
    ranks: list[str] = []
    for i, token in enumerate(tokens):
        word = token.lower_
        # "Secretary General", "Attorney General": here "general" is part of the role
        compound = word == "general" and i > 0 and tokens[i - 1].lower_ in lexicon.TITLE_HEADS
        if word in lexicon.RANKS and not compound and not (role and role[-1].text == "-"):
            ranks.append(lexicon.RANK_WORDS.get(word, word))
        else:
            role.append(token)
    has_of = any(t.lower_ == "of" for t in role)
    while (
        role
        and not has_of
        and role[-1].lower_ not in lexicon.TITLE_HEADS
        and not (
            len(role) > 1
            and (
                role[-2].text == "-"
                or role[-1].lower_ == "general"
                and role[-2].lower_ in lexicon.TITLE_HEADS
            )
        )
    ):
        role.pop()  # qualifiers must lead up to a role noun ("Secretary-General" is one)
    if any(t.lower_ in lexicon.TITLE_HEADS for t in role):
        return _words_text(role)
    return " ".join(r for r in ranks if r not in lexicon.HONORIFICS)


def _title_word(token: Token) -> bool:
    """A word that can stand in a title before a name: role, rank or qualifier."""
    word = token.lower_
    return word in lexicon.TITLE_HEADS or word in lexicon.RANKS or word in lexicon.TITLE_QUALIFIERS


def _pre_name_title(doc: Doc, start: int, taken: set[int]) -> tuple[str, str]:
    """The role and nation read from the words right before a name ("Brazilian Foreign Minister")."""
    run: list[Token] = []
    i = start - 1
    # "Secretary of State X": a role noun, "of", and up to three capitalised words
    for width in (1, 2, 3):
        j = start - width
        if (
            j >= 2
            and doc[j - 1].lower_ == "of"
            and doc[j - 2].lower_ in lexicon.TITLE_HEADS
            and all(t.is_title for t in doc[j:start])
        ):
            run, i = list(doc[j - 2 : start]), j - 3
            break
    while i >= 0 and i not in taken:
        token = doc[i]
        glued = token.text == "-" and i > 0 and not doc[i - 1].whitespace_ and not token.whitespace_
        prefix = run and run[0].text == "-" and (_title_word(token) or token.lower_ in lexicon.TITLE_PREFIXES)
        if _title_word(token) or glued or prefix:
            run.insert(0, token)  # "vice-president": the hyphen and the word before it belong too
        elif (
            run
            and token.is_alpha
            and not token.is_stop
            and token.pos_ in {"NOUN", "ADJ"}
            and run[0].lower_ in lexicon.TITLE_HEADS
        ):
            run.insert(0, token)  # a common-noun modifier of the role: "police spokesman"
        else:
            break
        i -= 1
    title = _role_from_run(run)
    return title, _nation_at(doc, i) if title else ""


def _nation_at(doc: Doc, i: int) -> str:
    """The country a demonym or country name at token i stands for, if any."""
    if i < 0:
        return ""
    token = doc[i]
    country = lexicon.country_of_demonym(token.text) or (
        lexicon.country_named(token.text) if token.ent_type_ == "GPE" else None
    )
    return country.name if country else ""


def _is_role_noun(token: Token) -> bool:
    """A noun naming what a person does ("spokesman", "researcher"), not a kin word or an org."""
    word = token.lower_
    if word in lexicon.KINSHIP or word in lexicon.ORG_HEADS:
        return False
    return word in lexicon.TITLE_HEADS or word.endswith(lexicon.AGENT_SUFFIXES)


def _appositive_head(doc: Doc, cand: _Cand) -> Token | None:
    """The head noun of an apposition beside a name ("X, a spokesman" / "the minister, X")."""
    span = doc[cand.start : cand.end]
    heads = [child for t in span for child in t.children if child.dep_ == "appos" and child.i >= cand.end]
    if span.root.dep_ == "appos" and span.root.head.i < cand.start:
        heads.append(span.root.head)
    return next((h for h in heads if h.pos_ == "NOUN" and h.is_lower), None)


def _appositive_title(doc: Doc, cand: _Cand, taken: set[int]) -> tuple[str, str]:
    """The role an apposition gives a person ("X, a Treasury spokesman")."""
    head = _appositive_head(doc, cand)
    if head is None or head.i in taken:
        return "", ""
    # "vice-president" is parsed as three nouns: take the hyphenated word whole
    end = head.i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        end += 2
    last = doc[end - 1]
    if not (_is_role_noun(head) or _is_role_noun(last)):
        return "", ""
    # role modifiers only: nouns ("security adviser") and known qualifiers ("former"), no praise
    words = [
        t
        for t in head.lefts
        if t.is_lower
        and t.is_alpha
        and t.i not in taken
        and (
            t.dep_ in {"compound", "nmod"}
            and t.pos_ == "NOUN"
            or t.dep_ == "amod"
            and t.lower_ in lexicon.TITLE_QUALIFIERS
        )
    ]
    nation = next((n for t in head.lefts if (n := _nation_at(doc, t.i))), "")
    return _words_text([*words, *doc[head.i : end]]), nation


def _rank_only(title: str) -> bool:
    """A title made of ranks alone ("lieutenant general"), with no role in it."""
    ranks = lexicon.RANKS | set(lexicon.RANK_WORDS.values())
    return all(w in ranks for w in title.split())


def _read_titles(doc: Doc, cands: list[_Cand]) -> None:
    """Give each person mention the role and nation its context states; retype people that are orgs."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    for cand in cands:
        if cand.label == "ORG":
            head = _appositive_head(doc, cand)
            if head is not None and (head.lower_ in lexicon.KINSHIP or head.lower_ in lexicon.TITLE_HEADS):
                cand.label = "PERSON"  # "X, her son": an ORG label on a person
        if cand.label != "PERSON":
            continue
        head = _appositive_head(doc, cand)
        if head is not None and head.lower_ in lexicon.ORG_HEADS:  # "X, a non-profit agency"
            cand.label, cand.appositive_org = "ORG", True
            continue
        cand.title, cand.nation = _pre_name_title(doc, cand.start, taken)
        if not cand.title or _rank_only(cand.title):  # "Gen. X, a former Army commander": the role wins
            title, nation = _appositive_title(doc, cand, taken)
            if title:
                cand.title, cand.nation = title, nation or cand.nation


# --- 3. merging ---------------------------------------------------------------------------------


def _name_words(doc: Doc, cand: _Cand) -> list[str]:
    """The lower-case words of a name, without a trailing "Jr." or "III"."""
    words = [
        w.lower().replace("’", "'")
        for w in re.split(r"[\s-]+", _surface(doc, cand))
        if any(ch.isalpha() for ch in w)
    ]
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words


def _same_person(a: list[str], b: list[str]) -> bool:
    """Two full names of one person: same surname, first names equal or one a prefix ("Sam"/"Samuel")."""
    if a[-1] != b[-1]:
        return False
    short, long_ = sorted((a, b), key=len)
    if long_[-len(short) :] == short:  # "Bin Laden" in "Osama Bin Laden"
        return True
    return a[0].startswith(b[0]) or b[0].startswith(a[0])


def _merge_people(doc: Doc, cands: list[_Cand]) -> list[_Cluster]:
    """People: full names first, then single names to the full name with that surname or first name."""
    clusters: list[_Cluster] = []
    words_of: dict[int, list[str]] = {}
    for cand in cands:
        words = _name_words(doc, cand)
        words_of[id(cand)] = words
        if len(words) < 2:
            continue
        home = next((k for k in clusters if _same_person(words_of[id(k.cands[0])], words)), None)
        if home is None:
            home = _Cluster("person")
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
            home = _Cluster("person")
            clusters.append(home)
        elif len(home.cands[0:1]) and words_of[id(home.cands[0])] != words:
            cand.how = "alias"
        home.cands.append(cand)
    return clusters


def _nearest(fits: list[_Cluster], cand: _Cand) -> _Cluster | None:
    """Of the fitting clusters, the one mentioned last before cand (else the first one)."""
    if not fits:
        return None
    before = [(max((c.start for c in k.cands if c.start < cand.start), default=-1), k) for k in fits]
    return max(before, key=lambda pair: pair[0])[1]


def _is_metonym(doc: Doc, cand: _Cand) -> bool:
    """A capital used for its government: not the object of a locative preposition ("in Paris")."""
    span = doc[cand.start : cand.end]
    if span.text.isupper() and len(span.text) > 3:
        return False  # a dateline ("NAIROBI, Kenya --") names the city
    token = span.root
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:  # "talks between the East and Beijing"
        token = token.head
    if token.dep_ in {"nsubj", "nsubjpass", "poss", "dative", "agent"}:
        return True
    if token.dep_ == "pobj":
        return token.head.lower_ not in lexicon.LOCATIVE_PREPS
    if token.dep_ == "dobj":
        return token.head.lemma_ not in lexicon.MOTION_VERBS  # "visit Lisbon" is a trip, not a government
    return False


def _place_key(doc: Doc, cand: _Cand) -> None:
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


def _is_acronym(text: str) -> bool:
    """Two to six capital letters, dots allowed ("EU", "U.N.")."""
    bare = text.replace(".", "")
    return bare.isalpha() and bare.isupper() and 2 <= len(bare) <= 6


def _initials(name: str) -> set[str]:
    """Acronyms a name could have: initials of all words or of content words, with or without a country."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    out = set()
    for start in (0, 1):  # "U.S. Federal Bureau of Investigation" is the FBI
        if start and not lexicon.country_named(words[0]):
            continue
        rest = words[start:]
        out.add("".join(w[0] for w in rest).upper())
        out.add("".join(w[0] for w in rest if w.lower() not in _FUNCTION_WORDS).upper())
    return out


def _cluster_name(doc: Doc, cluster: _Cluster) -> str:
    """The fullest proper name among a cluster's mentions (a country table name if only demonyms)."""
    forms = [
        _surface(doc, c)
        for c in cluster.cands
        if c.how in {"ner", "alias", "acronym"}
        and c.naming
        and not (
            c.label == "GPE"
            and cluster.country
            and lexicon.country_of_capital(_surface(doc, c))
            and not lexicon.country_named(_surface(doc, c))
        )
    ]
    if cluster.kind == "group":
        forms = [_surface(doc, c) for c in cluster.cands]
    if not forms:
        return cluster.country.name if cluster.country else _surface(doc, cluster.cands[0])
    # most words first; a name written in capitals (a headline) only when nothing else is there
    return max(forms, key=lambda f: (len(f.split()), not _is_acronym(f) and not f.isupper(), len(f)))


def _bounds(doc: Doc, cand: _Cand) -> tuple[int, int]:
    """The candidate's character offsets into the text."""
    if cand.chars:
        return cand.chars
    span = doc[cand.start : cand.end]
    return span.start_char, span.end_char


def _surface(doc: Doc, cand: _Cand) -> str:
    """The candidate's text (Doc.text is rebuilt on every access, so slice the span instead)."""
    span = doc[cand.start : cand.end]
    if cand.chars:
        return span.text[cand.chars[0] - span.start_char : cand.chars[1] - span.start_char].strip()
    return span.text.strip()


def _merge_places(doc: Doc, cands: list[_Cand]) -> list[_Cluster]:
    """Organisations and places: by key, then acronyms, name suffixes and common descriptors."""
    by_key: dict[str, _Cluster] = {}
    for cand in cands:
        _place_key(doc, cand)
        if cand.label == "NORP" and cand.country is None:
            continue
        kind = "location" if cand.country else _LABEL_TYPES.get(cand.label, "organization")
        home = by_key.setdefault(cand.key, _Cluster(kind, key=cand.key, country=cand.country))
        home.cands.append(cand)
    clusters = list(by_key.values())
    for cluster in clusters:
        labels = Counter(_LABEL_TYPES.get(c.label, "") for c in cluster.cands if c.how == "ner")
        if any(c.appositive_org for c in cluster.cands):
            cluster.kind = "organization"
        elif not cluster.country and labels:
            cluster.kind = labels.most_common(1)[0][0]
    clusters = _merge_acronyms(doc, clusters)
    clusters = _merge_suffixes(doc, clusters)
    clusters = _merge_prefixes(doc, clusters)
    return _merge_descriptors(doc, clusters)


def _absorb(target: _Cluster, source: _Cluster, how: str, *, naming: bool = True) -> None:
    """Move every mention of source into target."""
    for cand in source.cands:
        if cand.how == "ner":
            cand.how = how
        cand.naming = cand.naming and naming
        target.cands.append(cand)
    source.cands = []


def _merge_acronyms(doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
    """Merge acronyms into the name they abbreviate: defined in brackets, or by initials."""
    defined = _defined_acronyms(doc, clusters)
    for cluster in clusters:
        if not cluster.cands or cluster.country:
            continue
        text = _surface(doc, cluster.cands[0])
        if not _is_acronym(text):
            continue
        bare = text.replace(".", "")
        home = defined.get(bare) or next(
            (
                k
                for k in clusters
                if k is not cluster
                and k.cands
                and k.kind == cluster.kind
                and not _is_acronym(_cluster_name(doc, k))
                and bare in _initials(_cluster_name(doc, k))
            ),
            None,
        )
        if home is not None and home is not cluster:
            _absorb(home, cluster, "acronym")
    return [k for k in clusters if k.cands]


def _defined_acronyms(doc: Doc, clusters: list[_Cluster]) -> dict[str, _Cluster]:
    """Acronyms defined in brackets right after a name: "Pacific Grid Reliability Council (PGRC)"."""
    out: dict[str, _Cluster] = {}
    for cluster in clusters:
        for cand in cluster.cands:
            end = cand.end
            if (
                end + 2 < len(doc)
                and doc[end].text == "("
                and doc[end + 2].text == ")"
                and _is_acronym(doc[end + 1].text)
            ):
                acronym = doc[end + 1].text.replace(".", "")
                if acronym[0] == _surface(doc, cand)[0].upper():
                    out.setdefault(acronym, cluster)
    return out


def _merge_suffixes(doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
    """Merge a short org name into the one longer org name ending with it ("Commerce Department")."""
    for short in clusters:
        if not short.cands or short.kind != "organization" or short.country:
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
        if len(longer) != 1:
            continue
        prefix = " ".join(longer[0].key.split()[: -len(words)])
        is_country = lexicon.country_named(prefix) or lexicon.country_of_demonym(prefix)
        if is_country or (len(words) == 1 and words[0] not in lexicon.ORG_HEADS) or len(words) > 1:
            _absorb(longer[0], short, "alias")
    return [k for k in clusters if k.cands]


def _merge_prefixes(doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
    """Merge a one-word org name into the shortest longer org name it starts ("Acme" -> "Acme Foods")."""
    for short in clusters:
        if not short.cands or short.kind != "organization" or short.country or " " in short.key:
            continue
        if short.key in lexicon.ORG_HEADS or _is_acronym(_surface(doc, short.cands[0])):
            continue
        longer = [
            k
            for k in clusters
            if k is not short
            and k.cands
            and k.kind == "organization"
            and k.key.split()[0] == short.key
            and len(k.key.split()) > 1
        ]
        if longer:
            _absorb(min(longer, key=lambda k: len(k.key)), short, "alias")
    return [k for k in clusters if k.cands]


def _merge_descriptors(doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
    """Merge a common descriptor into the well-known organisation it stands for ("the bloc")."""
    for cluster in clusters:
        if not cluster.cands:
            continue
        keys = {c.key for c in cluster.cands} | {norm_key(_surface(doc, c)) for c in cluster.cands}
        descriptors = {d for k in keys for d in lexicon.ORG_DESCRIPTORS.get(k, ())}
        if not descriptors:
            continue
        for other in clusters:
            if other is not cluster and other.cands and other.key in descriptors:
                _absorb(cluster, other, "alias", naming=False)
        taken = {i for k in clusters for c in k.cands for i in range(c.start, c.end)}
        for chunk in doc.noun_chunks:
            if (
                chunk.root.lower_ in descriptors
                and chunk[0].lower_ == "the"
                and chunk.root.i not in taken
                and len(chunk) == 2
            ):
                cluster.cands.append(_Cand(chunk.root.i, chunk.root.i + 1, "ORG", how="alias", naming=False))
    return [k for k in clusters if k.cands]


def _relabel_people(doc: Doc, cands: list[_Cand]) -> None:
    """Relabel ORG/GPE spans that are a known person's name ("Jones", "Seth Jones", "Helga") as PERSON."""
    full = [_name_words(doc, c) for c in cands if c.label == "PERSON"]
    surnames = {w[-1] for w in full if len(w) > 1}
    first_names = {w[0] for w in full if len(w) > 1}
    for cand in cands:
        if cand.label not in {"ORG", "GPE"} or cand.end - cand.start > 3 or cand.appositive_org:
            continue
        words = _name_words(doc, cand)
        text = _surface(doc, cand)
        known = words and (words[-1] in surnames or len(words) == 1 and words[0] in first_names)
        if (
            known
            and not lexicon.country_named(text)
            and not lexicon.country_of_capital(text)
            and not _is_acronym(text)
            and all(t.text[:1].isupper() for t in doc[cand.start : cand.end])
            and not any(w in lexicon.ORG_HEADS for w in words)
        ):
            cand.label = "PERSON"


def _merge_same_names(doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
    """Merge a person and a non-person cluster of the same multi-word name (NER labelled it both ways)."""
    by_name: dict[str, _Cluster] = {}
    for cluster in clusters:
        name = norm_key(_cluster_name(doc, cluster))
        if cluster.kind == "group" or len(name.split()) < 2 or cluster.country:
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
        _absorb(keep, drop, "alias")
        by_name[name] = keep
    return [k for k in clusters if k.cands]


def _unfound_names(doc: Doc, clusters: list[_Cluster]) -> None:
    """Add mentions NER missed: a known surname or a defined acronym standing alone."""
    taken = {i for k in clusters for c in k.cands for i in range(c.start, c.end)}
    lookup: dict[str, tuple[_Cluster, str, str]] = {}
    for cluster in clusters:
        for cand in cluster.cands:
            words = _surface(doc, cand).split()
            if cluster.kind == "person" and len(words) > 1:
                lookup.setdefault(words[-1], (cluster, "PERSON", "alias"))
            elif cluster.kind != "person" and len(words) == 1 and _is_acronym(words[0]):
                lookup.setdefault(words[0], (cluster, "ORG", "acronym"))
    for token in doc:
        hit = lookup.get(token.text)
        # a proper noun, or a subject ("Rivers said"): a capitalised common word ("Price rises") is no name
        if hit and token.i not in taken and (token.pos_ == "PROPN" or token.dep_ in {"nsubj", "nsubjpass"}):
            cluster, label, how = hit
            cluster.cands.append(_Cand(token.i, token.i + 1, label, how=how))


def _title_mentions(doc: Doc, people: list[_Cluster], taken: set[int]) -> None:
    """Resolve "the Chilean president" to the one person given that title (and nation) in the text."""
    for chunk in doc.noun_chunks:
        root = chunk.root
        if (
            chunk[0].lower_ != "the"
            or not root.is_lower
            or root.lower_ not in lexicon.TITLE_HEADS
            or root.i in taken
            or root.i + 1 < len(doc)
            and doc[root.i + 1].ent_type_ == "PERSON"
        ):
            continue
        nation = next((n for t in chunk[1:-1] if (n := _nation_at(doc, t.i))), "")
        role = " ".join(t.lower_ for t in chunk[1:] if not _nation_at(doc, t.i))
        if not nation:
            continue  # "the president" alone is left to coreference
        fits = [k for k in people if _cluster_title(k) == role and _cluster_nation(k) == nation]
        if len(fits) == 1:
            fits[0].cands.append(_Cand(chunk.start + 1, chunk.end, "PERSON", how="title"))


def _cluster_title(cluster: _Cluster) -> str:
    """The role given at the earliest mention that states one."""
    return next((c.title for c in sorted(cluster.cands, key=lambda c: c.start) if c.title), "")


def _cluster_nation(cluster: _Cluster) -> str:
    """The nation given at the earliest mention that states one."""
    return next((c.nation for c in sorted(cluster.cands, key=lambda c: c.start) if c.nation), "")


# --- 4. groups ------------------------------------------------------------------------------------


def _groups(doc: Doc, taken: set[int]) -> list[_Cluster]:
    """Groups of people named by origin or affiliation ("Norwegian officials"): actors of type group."""
    by_key: dict[str, _Cluster] = {}
    for chunk in doc.noun_chunks:
        root = chunk.root
        is_norp_root = root.ent_type_ == "NORP" and root.tag_ in {"NNPS", "NNS"}
        if not (root.tag_ in {"NNS", "NNPS"} and (root.lower_ in lexicon.GROUP_HEADS or is_norp_root)):
            continue
        # origin or affiliation words only ("Norwegian", "congressional"), not parse debris
        mods = [
            t
            for t in chunk
            if t.i < root.i
            and t.dep_ in {"amod", "compound", "nmod"}
            and t.lower_ not in _QUANTIFIERS
            and t.is_alpha
            and (t.ent_type_ in {"NORP", "GPE", "ORG"} or t.pos_ == "ADJ")
        ]
        if not is_norp_root and not any(t.ent_type_ in {"NORP", "GPE", "ORG"} for t in mods):
            continue
        start = mods[0].i if mods else root.i
        if any(i in taken for i in range(start, root.i + 1)) and not any(t.ent_type_ for t in mods):
            continue
        cand = _Cand(start, root.i + 1, "GROUP", how="group")
        cand.key = norm_key(doc[start : root.i + 1].text)
        by_key.setdefault(cand.key, _Cluster("group", key=cand.key)).cands.append(cand)
    return list(by_key.values())


# --- the step -------------------------------------------------------------------------------------


def salience(mentions: list[Mention], first_start: int, text_length: int, kind: str) -> float:
    """Rank score: sum of mention weights plus a bonus for appearing early; groups count half.

    salience = (Σ_m w(m.how) + 2 · (1 − first_start / len(text))) · (0.5 if group else 1),
    with w = 1 for ner / alias / acronym / title mentions and 0.5 for demonyms.
    """
    score = sum(_HOW_WEIGHT.get(m.how, 1.0) for m in mentions)
    score += 2 * (1 - first_start / max(text_length, 1))
    return round(score * (0.5 if kind == "group" else 1.0), 3)


def extract_actors(doc: Doc, *, sents: list[Sentence]) -> tuple[list[Actor], list[Mention]]:
    """Find the actors of a parsed article and every mention of each (pronouns are left to coref)."""
    cands = _repaired_spans(doc)
    _read_titles(doc, cands)
    person_words = {
        w for c in cands if c.label == "PERSON" and c.end - c.start > 1 for w in _name_words(doc, c)
    }
    for cand in cands:  # a lone capital read as a PERSON is a place, unless a person has that name
        if cand.label == "GPE" and _surface(doc, cand).lower() in person_words:
            cand.label = "PERSON"
    _relabel_people(doc, cands)
    people = _merge_people(doc, [c for c in cands if c.label == "PERSON"])
    clusters = people + _merge_places(doc, [c for c in cands if c.label != "PERSON"])
    clusters = _merge_same_names(doc, clusters)
    people = [k for k in clusters if k.kind == "person"]
    _unfound_names(doc, clusters)
    taken = {i for k in clusters for c in k.cands for i in range(c.start, c.end)}
    _title_mentions(doc, people, taken)
    clusters += _groups(doc, taken)
    return _rows(doc, sents, [k for k in clusters if k.cands])


def _rows(doc: Doc, sents: list[Sentence], clusters: list[_Cluster]) -> tuple[list[Actor], list[Mention]]:
    """Number the clusters by first appearance and turn them into Actor and Mention rows."""
    actors: list[Actor] = []
    mentions: list[Mention] = []
    length = len(text_of(doc))
    for n, cluster in enumerate(sorted(clusters, key=lambda k: k.first), start=1):
        actor_id = f"A{n:03d}"
        cands = sorted({_bounds(doc, c): c for c in cluster.cands}.values(), key=lambda c: c.start)
        rows = []
        for cand in cands:
            start, end = _bounds(doc, cand)
            rows.append(
                Mention(actor_id, start, end, _surface(doc, cand), sentence_index(sents, start), cand.how)
            )
        aliases = ";".join(dict.fromkeys(m.text for m in rows))
        title = _cluster_title(cluster) if cluster.kind == "person" else ""
        first = rows[0].start
        actors.append(
            Actor(
                actor_id,
                _cluster_name(doc, cluster),
                cluster.kind,
                title,
                aliases,
                len(rows),
                first,
                salience(rows, first, length, cluster.kind),
            )
        )
        mentions.extend(rows)
    mentions.sort(key=lambda m: (m.start, m.actor_id))
    return actors, mentions
