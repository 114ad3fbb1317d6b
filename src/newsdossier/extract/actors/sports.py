"""Sports positions before a name ("Harlow Hawks quarterback X", "Kicker X", "Hawks QB X").

A position (written in full, or abbreviated in capitals) is the person's title, never part of the
name, and the team named before it is an organisation of its own. This pass runs on the
candidates of the boundary and recall passes; ``titles`` reads the position as the title.

* a PERSON or ORG entity that starts with a position, or holds one before the name ("Kicker X",
  "Harlow Hawks quarterback X"), is cut: the name is the person, the words before the position
  the team; one that ends in a position before a name ("Harlow Hawks QB" + "X") loses it;
* the capitalised words right before a position before a person ("Hawks QB X") are the team, an
  organisation (a PERSON label there, or a given name opening it, never makes it a person);
* a capitalised name no entity covers right after a position ("WR Cal Doe") is a person;
* an entity that is a position alone ("the free agent QB") names no one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsdossier.extract import lexicon
from newsdossier.extract.actors.spans import Cand, Cluster
from newsdossier.extract.lexicon.load import load

_TITLES = load("titles")
# Positions written out, in lower case ("wide receiver", "centre-back").
POSITIONS = frozenset(_TITLES["positions"])
ABBREVIATIONS: dict[str, str] = dict(_TITLES["position_abbreviations"])
_WIDEST = max(len(p.replace("-", " - ").split()) for p in POSITIONS)
# Words of a name: at most this many after a position, for a name no entity found.
_NAME_WIDTH = 3
# NER labels a word of a name may carry here (none, or an actor's).
_NAME_LABELS = {"", "PERSON", "ORG", "NORP", "GPE"}


def _as_written(tokens: list[Token]) -> bool:
    """A position in lower case, or capitalised only as a sentence's first word ("Kicker X")."""
    rest = [t for t in tokens[1:] if t.is_alpha]
    return (tokens[0].is_lower or tokens[0].is_sent_start) and all(t.is_lower for t in rest)


def position_before(doc: Doc, end: int) -> tuple[int, str]:
    """The position written right before token ``end``: its first token and its written-out form.

    Returns ``(end, "")`` when no position ends there.
    """
    if end > 0 and doc[end - 1].text in ABBREVIATIONS:
        return end - 1, ABBREVIATIONS[doc[end - 1].text]
    for width in range(min(_WIDEST, end), 0, -1):
        span = doc[end - width : end]
        written = span.text.lower()
        if written in POSITIONS and _as_written(list(span)):
            return end - width, written
    return end, ""


def _name_like(token: Token) -> bool:
    """A capitalised proper noun NER gave no other label ("Sunday" is a date): part of a name."""
    return token.is_alpha and token.is_title and token.pos_ == "PROPN" and token.ent_type_ in _NAME_LABELS


def _team_label(doc: Doc, start: int, end: int) -> str:
    """The label of the words before a position: a nation's ("England striker"), else a team's."""
    text = doc[start:end].text
    if lexicon.country_of_demonym(text):
        return "NORP"
    return "GPE" if lexicon.country_named(text) else "ORG"


def _split(doc: Doc, cand: Cand) -> Cand | None:
    """Cut a position out of an entity ("Harlow Hawks quarterback X", "Harlow Hawks QB" + "X").

    Returns the team cut off the front of a person's name, if any.
    """
    for name_start in range(cand.end - 1, cand.start, -1):
        pos_start, position = position_before(doc, name_start)
        if position and pos_start >= cand.start and _name_like(doc[name_start]):
            team_start = cand.start
            cand.start, cand.label = name_start, "PERSON"
            if pos_start > team_start:
                return Cand(team_start, pos_start, _team_label(doc, team_start, pos_start))
            return None
    pos_start, position = position_before(doc, cand.end)
    if position and pos_start > cand.start and cand.end < len(doc) and _name_like(doc[cand.end]):
        cand.end = pos_start  # "Harlow Hawks QB" + "X": the position is cut off the team's name
        cand.label = _team_label(doc, cand.start, cand.end)
    return None


def _plural_noun(token: Token) -> bool:
    """A capitalised plural noun ("Falcons" opening a sentence is tagged a common noun): a team's word."""
    return token.is_alpha and token.is_title and token.tag_ == "NNS" and not token.ent_type_


def _team_before(doc: Doc, pos_start: int, by_end: dict[int, Cand], taken: set[int]) -> Cand | None:
    """The team named right before a position: an entity there becomes an organisation, or a new one."""
    team = by_end.get(pos_start)
    if team is not None:
        if team.label == "PERSON":
            team.label = "ORG"  # "Harlow Hawks quarterback X": NER read the team as a person
        return None
    start = pos_start
    while (
        start > 0 and start - 1 not in taken and (_name_like(doc[start - 1]) or _plural_noun(doc[start - 1]))
    ):
        start -= 1
    # a team no entity found is named in the plural ("Hawks QB X"); "Cup winner" and "All-Star
    # guard" name an event or an honour, not a team
    last = doc[pos_start - 1] if pos_start > 0 else None
    plural = last is not None and last.lower_.endswith("s") and not last.lower_.endswith("ss")
    return Cand(start, pos_start, "ORG", how="rule") if start < pos_start and plural else None


def split_positions(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """The candidates with sports positions read apart from names (see the module docstring)."""
    cands = [c for c in cands if position_before(doc, c.end)[0] != c.start]  # a lone "QB" names no one
    teams = [t for c in cands if c.label in {"PERSON", "ORG"} and (t := _split(doc, c)) is not None]
    cands = cands + teams
    taken = {i for c in cands for i in range(c.start, c.end)}
    found = []
    for token in doc:  # an uncovered name after a position: "WR Cal Doe"
        if token.i in taken or not _name_like(token):
            continue
        pos_start, position = position_before(doc, token.i)
        if not position or any(i in taken for i in range(pos_start, token.i)):
            continue
        end = token.i
        while end < min(len(doc), token.i + _NAME_WIDTH) and end not in taken and _name_like(doc[end]):
            end += 1
        found.append(Cand(token.i, end, "PERSON", how="rule"))
        taken.update(range(token.i, end))
    cands = cands + found
    by_end = {c.end: c for c in cands if not c.chars}
    for person in [c for c in cands if c.label == "PERSON"]:
        pos_start, position = position_before(doc, person.start)
        if position and (team := _team_before(doc, pos_start, by_end, taken)) is not None:
            cands.append(team)
            taken.update(range(team.start, team.end))
    return sorted(cands, key=lambda c: c.start)


def names_a_team(doc: Doc, cluster: Cluster) -> bool:
    """A cluster named right before a position and a name ("Hawks QB X"): a team, an actor."""
    for cand in cluster.cands:
        for end in range(cand.end + 1, min(len(doc), cand.end + _WIDEST + 1)):
            pos_start, position = position_before(doc, end)
            if position and pos_start == cand.end and _name_like(doc[end]):
                return True
    return False
