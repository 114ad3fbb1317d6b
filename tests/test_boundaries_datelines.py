"""Actors: a name NER glued to the dateline that opens the story ("CITY - Jane Doe said ...")."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # a person read with the dateline as one organisation: the dateline goes, the person stays
        (
            "BRENNOW - Marta Quellan said on Tuesday that the plant would close.",
            [(0, 4, "ORG")],
            "Marta Quellan",
            "person",
        ),
        (
            "TARLOW — Henry Osvald Brame told reporters the talks had failed.",
            [(0, 5, "ORG")],
            "Henry Osvald Brame",
            "person",
        ),
        # read as a person: only the dateline goes
        (
            "VELMORE - Ines Vardaway met the bishop on Saturday.",
            [(0, 4, "PERSON")],
            "Ines Vardaway",
            "person",
        ),
        # an organisation's name after the dateline stays an organisation
        (
            "KESTRELBRAE - Northgate Holdings said on Monday it would cut jobs.",
            [(0, 4, "ORG")],
            "Northgate Holdings",
            "organization",
        ),
    ],
)
def test_dateline_is_cut_off_a_name(nlp, text, ents, name, kind):
    actors = found(nlp, text, ents)
    assert actors.get(name) == kind
    assert not any(" - " in a or " — " in a for a in actors)


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # no dateline: a name with a dash inside it is left whole
        ("The Brennow - Tarlow Line opened in the spring.", [(1, 5, "FAC")], "Brennow - Tarlow Line"),
        # a title-case place before the dash is no dateline
        ("Marta Quellan - the mayor - said no.", [(0, 2, "PERSON")], "Marta Quellan"),
    ],
)
def test_no_dateline_leaves_the_name(nlp, text, ents, name):
    assert name in found(nlp, text, ents)


@pytest.mark.parametrize(
    "text, ents, name, gone",
    [
        # a headline's bare speech verb before an object pronoun is no surname
        (
            "Don't Let The Press And Marta Quellan Tell You She Won.",
            [(6, 9, "PERSON")],
            "Marta Quellan",
            "Marta Quellan Tell",
        ),
        ("Why Henry Osvald Ask Us To Wait.", [(1, 4, "PERSON")], "Henry Osvald", "Henry Osvald Ask"),
    ],
)
def test_headline_bare_verb_before_pronoun_ends_a_name(nlp, text, ents, name, gone):
    actors = found(nlp, text, ents)
    assert actors.get(name) == "person"
    assert gone not in actors


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # a surname that is a speech verb stays when no object pronoun follows it
        ("The writer Anna Tell spoke to him on Friday.", [(2, 4, "PERSON")], "Anna Tell"),
        ("Judge Marta Ask Dunmore said the case was closed.", [(1, 4, "PERSON")], "Marta Ask Dunmore"),
    ],
)
def test_verb_like_surname_stays(nlp, text, ents, name):
    assert name in found(nlp, text, ents)


@pytest.mark.parametrize(
    "text, ents, name, gone",
    [
        # a common word before a given name and a surname is an epithet, not part of the name
        (
            "Marta Quellan won. It was harder than working Sneaky Marta Quellan.",
            [(0, 2, "PERSON"), (9, 12, "PERSON")],
            "Marta Quellan",
            "Sneaky Marta Quellan",
        ),
        (
            "Sleepy Henry Osvald said no. Henry Osvald left.",
            [(0, 3, "PERSON"), (6, 8, "PERSON")],
            "Henry Osvald",
            "Sleepy Henry Osvald",
        ),
    ],
)
def test_epithet_is_cut_off_a_name(nlp, text, ents, name, gone):
    actors = found(nlp, text, ents)
    assert actors.get(name) == "person"
    assert gone not in actors


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # two given names, or a given name that is also a common word, stay in the name
        ("Mary Ann Dorrit said no.", [(0, 3, "PERSON")], "Mary Ann Dorrit"),
        ("Will Henry Osvald said no.", [(0, 3, "PERSON")], "Will Henry Osvald"),
    ],
)
def test_given_names_are_no_epithet(nlp, text, ents, name):
    assert name in found(nlp, text, ents)


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # the rest is no name of its own in the story: the first word stays
        ("Sleepy Henry Osvald said no.", [(0, 3, "PERSON")], "Sleepy Henry Osvald"),
        # a word after a title belongs to the title ("Miss Galaxy"), not an epithet
        (
            "Marta Quellan won. The former Miss Galaxy Marta Quellan spoke.",
            [(0, 2, "PERSON"), (7, 10, "PERSON")],
            "Galaxy Marta Quellan",
        ),
    ],
)
def test_no_epithet_leaves_the_name(nlp, text, ents, name):
    assert name in found(nlp, text, ents)
