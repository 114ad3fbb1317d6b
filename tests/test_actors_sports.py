"""Sports positions before a name: the person's title, never part of the name (made-up sentences)."""

from __future__ import annotations

import pytest

from newsdossier.extract.actors import extract_actors
from newsdossier.text.nlp import sentences


def rows(nlp, text: str) -> set[tuple[str, str, str]]:
    """The (name, type, title) of every actor found in the text."""
    doc = nlp(text)
    actors, _ = extract_actors(doc, sents=sentences(doc))
    return {(a.name, a.type, a.title) for a in actors}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Kicker Ona Tresk missed two field goals in the second half.", ("Ona Tresk", "person", "kicker")),
        ("Striker Ivo Marek scored twice for the visitors.", ("Ivo Marek", "person", "striker")),
        ("Pitcher Dario Vell struck out nine batters.", ("Dario Vell", "person", "pitcher")),
        ("Point guard Remy Oduya scored 30 points.", ("Remy Oduya", "person", "point guard")),
        ("Wide receiver Cal Dunmore caught eight passes.", ("Cal Dunmore", "person", "wide receiver")),
    ],
)
def test_position_is_the_title_not_the_name(nlp, text, person):
    found = rows(nlp, text)
    assert person in found, found
    assert not any(person[2] in name.lower() for name, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "team", "person"),
    [
        (
            "Harlow Hawks quarterback Tom Bale threw three touchdowns on Sunday.",
            "Harlow Hawks",
            ("Tom Bale", "person", "quarterback"),
        ),
        (
            "Denby Rovers goalkeeper Lars Kettel saved a penalty.",
            "Denby Rovers",
            ("Lars Kettel", "person", "goalkeeper"),
        ),
        ("Falcons linebacker Cal Dunmore was hurt.", "Falcons", ("Cal Dunmore", "person", "linebacker")),
        (
            "Carolina Hawks QB Tom Bale held the record.",
            "Carolina Hawks",
            ("Tom Bale", "person", "quarterback"),
        ),
    ],
)
def test_team_before_a_position_is_an_organisation(nlp, text, team, person):
    found = rows(nlp, text)
    assert person in found, found
    assert (team, "organization", "") in found, found


@pytest.mark.parametrize(
    ("text", "honour", "person"),
    [
        ("Hall of Fame coach Nina Fasse retired.", "Fame", ("Nina Fasse", "person", "coach")),
        ("Pro Cup cornerback Remy Oduya signed.", "Pro Cup", ("Remy Oduya", "person", "cornerback")),
    ],
)
def test_honour_before_a_position_is_no_team(nlp, text, honour, person):
    found = rows(nlp, text)
    assert person in found, found
    assert not any(name == honour for name, _, _ in found), found


@pytest.mark.parametrize(
    ("text", "team", "person"),
    [
        ("Hawks QB Tom Bale was sacked twice.", "Hawks", ("Tom Bale", "person", "quarterback")),
        (
            "On Monday the Mill Town GK Aldo Brenn kept a clean sheet.",
            None,
            ("Aldo Brenn", "person", "goalkeeper"),
        ),
    ],
)
def test_abbreviated_position_is_written_out(nlp, text, team, person):
    found = rows(nlp, text)
    assert person in found, found
    if team:
        assert (team, "organization", "") in found, found


@pytest.mark.parametrize(
    "text",
    ["The team wants a veteran QB for the playoffs.", "Scouts said the Hawks need a new WR soon."],
)
def test_position_alone_names_no_one(nlp, text):
    found = rows(nlp, text)
    assert not any(name in {"QB", "WR"} for name, _, _ in found), found
