"""Names written with a number: numbered teams and roads stay whole actors (made-up sentences)."""

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
    ("text", "team"),
    [
        ("The 21ers beat the visitors on Sunday.", "21ers"),
        ("Fans of the 83ers waited outside the arena.", "83ers"),
        ("The Bellport 21ers signed a new coach.", "Bellport 21ers"),
        ("He went on to coach the Denver 21ers after that.", "Denver 21ers"),
    ],
)
def test_number_with_plural_ending_is_a_team(nlp, text, team):
    found = rows(nlp, text)
    assert (team, "organization", "") in found, found


@pytest.mark.parametrize(
    ("text", "road"),
    [
        ("Traffic was closed on State Route 31 near Millbrook after the crash.", "State Route 31"),
        ("The crash happened on Interstate 57 late on Friday.", "Interstate 57"),
        ("Police closed Highway 12 for the parade.", "Highway 12"),
    ],
)
def test_numbered_road_keeps_its_number(nlp, text, road):
    found = rows(nlp, text)
    assert (road, "location", "") in found, found
    assert not any(name == road.rsplit(" ", 1)[0] for name, _, _ in found), found


def test_decade_is_no_team(nlp):
    found = rows(nlp, "Prices rose sharply in the 1990s, the Bellport 21ers said.")
    assert ("Bellport 21ers", "organization", "") in found, found  # the team in the same text is found
    assert not any("1990s" in name for name, _, _ in found), found
