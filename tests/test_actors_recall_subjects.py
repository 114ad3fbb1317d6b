"""Actors recall: names NER missed, found from what the sentence does with them."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, name, kind",
    [
        # the doer of something done to a person: a pronoun, a person noun, "one of" the people
        ("Kestrelnet interviewed one of its builders last week.", "Kestrelnet", "organization"),
        ("Kestrelnet interviewed the mayor on Tuesday.", "Kestrelnet", "organization"),
        ("Kestrelnet hired two of them last spring.", "Kestrelnet", "organization"),
        # an acronym as the subject of a verb
        ("KSNB has broadcast the final every year.", "KSNB", "organization"),
        # a copula with a person noun or an organisation's head
        ("Aelio Varnet is a mathematician from the north.", "Aelio Varnet", "person"),
        ("Varnexa is a company that makes glass.", "Varnexa", "organization"),
    ],
)
def test_subjects_named_by_what_they_do(nlp, text, name, kind):
    assert found(nlp, text, []).get(name) == kind


@pytest.mark.parametrize(
    "text, word",
    [
        ("Kestrelnet built the bridge in a year.", "Kestrelnet"),  # a thing done to no person
        ("GDP has grown every year since then.", "GDP"),  # an everyday acronym
        ("Glory is a virtue of the old.", "Glory"),  # an everyday word before a copula
        ("Aelio Varnet is a valley in the north.", "Aelio Varnet"),  # no person noun
    ],
)
def test_no_subject_without_that_evidence(nlp, text, word):
    assert word not in found(nlp, text, [])


@pytest.mark.parametrize(
    "text, name",
    [
        # a name after "as" under a verb of playing a part is a character: a person
        ("She starred opposite Ann Varsk in Night Harbour as Wade Tolvane.", "Wade Tolvane"),
        ("They met when Lina Varga starred as Tilde in a pilot.", "Tilde"),
        ("She was cast as Dorian in the new play.", "Dorian"),
    ],
)
def test_a_character_played_is_a_person(nlp, text, name):
    assert found(nlp, text, []).get(name) == "person"


@pytest.mark.parametrize(
    "text, word",
    [
        ("She served as Chair of the board.", "Chair"),  # a title after "as"
        ("He travelled as Ruby did, by night.", "Ruby"),  # "as" under no verb of playing
    ],
)
def test_no_character_without_a_part(nlp, text, word):
    assert word not in found(nlp, text, [])


@pytest.mark.parametrize(
    "text, name",
    [
        # "in" after a lower-case place noun: what follows is a place
        ("They lived in a village in the Varonne for years.", "Varonne"),
        ("He lived alone on an island in the Kestrian for years.", "Kestrian"),
    ],
)
def test_in_after_a_place_noun(nlp, text, name):
    assert found(nlp, text, []).get(name) == "location"


def test_in_after_no_place_noun(nlp):
    assert "Varonne" not in found(nlp, "They lived in a mood in the Varonne style.", [])


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # a noun of travel before "through" / "to": a place, and the place coordinated with it too
        (
            "Their long journey through Brennia and Varonne ended.",
            [(4, 5, "ORG"), (6, 7, "ORG")],
            "Brennia",
        ),
        (
            "Their long journey through Brennia and Varonne ended.",
            [(4, 5, "ORG"), (6, 7, "ORG")],
            "Varonne",
        ),
        ("Her first trip to Kestria was in May.", [(4, 5, "ORG")], "Kestria"),
    ],
)
def test_places_after_a_noun_of_travel(nlp, text, ents, name):
    assert found(nlp, text, ents).get(name) == "location"


@pytest.mark.parametrize(
    "text, name",
    [
        # a surname with an elided particle NER misses (tagged a common noun or a pronoun): a person
        ("Critics disagree. D’Arvel argues that the plan will fail.", "D’Arvel"),
        ("The report was late. O’Brenna says the vote was close.", "O’Brenna"),
    ],
)
def test_an_elided_surname_is_a_person(nlp, text, name):
    doc = nlp(text)
    assert found(nlp, text, [(e.start, e.end, e.label_) for e in doc.ents]).get(name) == "person"


@pytest.mark.parametrize(
    "text, names",
    [
        # a capitalised point of the compass after "the" is a region
        ("The pact must guarantee energy for the West. Is this a revival in the East?", {"West", "East"}),
    ],
)
def test_the_west_is_a_place(nlp, text, names):
    actors = found(nlp, text, [])
    assert all(actors.get(n) == "location" for n in names)


@pytest.mark.parametrize(
    "text, word",
    [
        ("They drove west of the town at dawn.", "west"),  # lower case: a direction
        ("Storms battered the West Fjords at night.", "West"),  # a name follows: "West Fjords"
    ],
)
def test_no_region_from_a_plain_direction(nlp, text, word):
    assert word not in found(nlp, text, [])
