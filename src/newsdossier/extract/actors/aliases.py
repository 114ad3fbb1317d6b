"""Aliases given in apposition: "X, known as 'Y'", "X (also known as Y)", "Y, whose real name is X".

The phrase after the cue becomes a mention of the actor named just before it (how ``alias``), and so
does every later occurrence of it, so that the article's actor lists it among its aliases and the
cross-article merge can join an article that uses only the alias.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdossier.extract.actors.spans import Cand, Cluster, absorb

# Words that may stand between a name and its cue ("X, who, better known as Y").
_BRIDGE = {",", "(", "-", "–", "—", "who", "is", "was", "also", "better", "widely", "commonly", "popularly"}
# Cues after which a nickname follows; the nickname never replaces the name.
_NICKNAME_CUES = (("known", "as"), ("nicknamed",), ("dubbed",), ("aka",), ("a.k.a.",), ("also", "called"))
# "whose real name is X": the phrase is the person's own name, so it may name the actor.
_NAME_KINDS = {"real", "stage", "birth", "given", "full", "legal", "pen", "ring", "screen"}
_QUOTES = {'"', "'", "“", "”", "‘", "’", "``", "''"}
# Entity labels that say the phrase is a quantity or a date, never an alias.
_NOT_ALIAS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_MAX_WORDS = 5


def _cue_end(doc: Doc, i: int) -> tuple[int, bool] | None:
    """The token after a cue starting at i, and whether the phrase is a real name; None if no cue."""
    words = [t.lower_ for t in doc[i : i + 4]]
    for cue in _NICKNAME_CUES:
        if tuple(words[: len(cue)]) == cue:
            return i + len(cue), False
    if len(words) == 4 and words[0] == "whose" and words[1] in _NAME_KINDS and words[2] == "name":
        return (i + 4, True) if words[3] in {"is", "was"} else None
    return None


def _phrase(doc: Doc, i: int) -> tuple[int, int] | None:
    """The quoted or capitalised phrase starting at token i, as token bounds, if it can be an alias."""
    if i < len(doc) and doc[i].text in _QUOTES:
        end = next(
            (k for k in range(i + 1, min(i + _MAX_WORDS + 3, len(doc))) if doc[k].text in _QUOTES), None
        )
        if end is None:
            return None
        start = i + 1
        while end > start and doc[end - 1].is_punct:  # "Deep Throat," with the comma inside the quotes
            end -= 1
    else:
        start = end = i
        if end < len(doc) and doc[end].lower_ == "the":
            end += 1
        while end < len(doc) and _capitalised(doc[end]):
            end += 1
        if end == start or not _capitalised(doc[end - 1]):
            return None
        if end < len(doc) and doc[end].pos_ in {"NOUN", "ADJ"}:
            # the capitals only modify a description ("known as Harbour gang leader 'Tiny'"): the
            # alias is the quoted name that ends it, if any
            quote = next((k for k in range(end, min(end + 4, len(doc))) if doc[k].text in _QUOTES), None)
            return _phrase(doc, quote) if quote is not None else None
    tokens = doc[start:end]
    words = [t for t in tokens if not t.is_punct]
    if not 1 <= len(words) <= _MAX_WORDS or not any(t.is_alpha for t in words):
        return None
    if any(t.like_num or t.ent_type_ in _NOT_ALIAS for t in words):
        return None
    if tokens[0].lower_ == "the":  # "the Chemist": the article is no part of the alias
        start += 1
    return (start, end) if end > start else None


def _capitalised(token: Token) -> bool:
    """A word written with a capital (a proper-noun-like word), not a sentence's lower-case word."""
    return token.is_alpha and token.text[0].isupper()


def _alias_after(doc: Doc, start: int, end: int) -> tuple[int, int, bool] | None:
    """The alias phrase introduced right after a mention of tokens start..end, if any.

    The cue must be set off from the name ("X, known as", "X (aka", "X, who, better known as"): run
    on ("the man known as") it describes a noun, and after a capitalised word and "of" ("University of X") the
    name is only part of a longer one.
    """
    if start > 1 and doc[start - 1].lower_ == "of" and _capitalised(doc[start - 2]):
        return None
    i = end
    while i < len(doc) and i - end < 4 and doc[i].lower_ in _BRIDGE and _cue_end(doc, i) is None:
        i += 1
    cue = _cue_end(doc, i) if i < len(doc) else None
    if cue is None or not any(t.lower_ in {",", "(", "who"} for t in doc[end:i]):
        return None
    phrase = _phrase(doc, cue[0])
    return (*phrase, cue[1]) if phrase else None


def appositive_aliases(doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
    """Make the alias given after an actor's mention ("X, known as 'Y'") and its later uses mentions of X."""
    owner = {i: k for k in clusters for c in k.cands for i in range(c.start, c.end)}
    for cluster in [k for k in clusters if k.kind != "group" and not k.country]:
        for cand in sorted(cluster.cands, key=lambda c: c.start):
            found = _alias_after(doc, cand.start, cand.end)
            if found is None:
                continue
            start, end, real = found
            words = [t.text for t in doc[start:end]]
            _attach(cluster, start, end, owner, naming=real)
            for k in range(end, len(doc) - len(words) + 1):
                if [t.text for t in doc[k : k + len(words)]] == words and _stands_alone(
                    doc, k, k + len(words)
                ):
                    _attach(cluster, k, k + len(words), owner, naming=real)
    return [k for k in clusters if k.cands]


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """A later use of the alias that is not part of a longer name ("Professor Jane Doe")."""
    before = start > 0 and _capitalised(doc[start - 1]) and not doc[start - 1].is_sent_start
    return not before and not (end < len(doc) and _capitalised(doc[end]))


def _attach(cluster: Cluster, start: int, end: int, owner: dict[int, Cluster], *, naming: bool) -> None:
    """Make tokens start..end a mention of cluster: absorb the actor they already name, or add a mention."""
    others = {id(k): k for i in range(start, end) if (k := owner.get(i)) is not None}
    if any(k is cluster for k in others.values()):
        return
    for other in others.values():
        inside = [c for c in other.cands if c.start < end and c.end > start]
        # only an actor named within the phrase is the alias; one reaching beyond it is another name,
        # and a place inside a longer phrase ("the Oracle of Lisbon") stays that place
        if other.country or any(c.start < start or c.end > end for c in inside):
            return
        if other.kind != cluster.kind and not any((c.start, c.end) == (start, end) for c in inside):
            return
    for other in others.values():
        # only the mentions that are the alias move: the other actor may hold other names too
        # (NER read "Chemist Jane Doe" as one name and merged "Chemist" into it)
        moved = [c for c in other.cands if c.start < end and c.end > start]
        absorb(cluster, Cluster(other.kind, moved), "alias", naming=naming)
        other.cands = [c for c in other.cands if all(c is not m for m in moved)]
        for cand in moved:
            for i in range(cand.start, cand.end):
                owner[i] = cluster
    if not others:
        label = cluster.cands[0].label
        cluster.cands.append(Cand(start, end, label, how="alias", naming=naming))
        for i in range(start, end):
            owner[i] = cluster
