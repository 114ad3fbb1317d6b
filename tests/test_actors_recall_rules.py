"""Actors: names NER missed or mislabelled, found by the parse and the words around them."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # a name in a list takes the kind of the names NER tagged beside it
        (
            "The club traded Jerry Sands, Orlim Pastrevo and Mark Hollen for two pitchers.",
            [(3, 5, "PERSON"), (9, 11, "PERSON")],
            "Orlim Pastrevo",
            "person",
        ),
        (
            "Delegates came from the Brennow Institute, the Kestria Academy and the Varnolde.",
            [(3, 6, "ORG"), (7, 10, "ORG")],
            "Varnolde",
            "organization",
        ),
    ],
)
def test_coordinated_name_takes_the_kind_of_its_list(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind


@pytest.mark.parametrize(
    "text, name",
    [
        # two or three proper nouns right after a role, kin or relation noun name a person
        ("He studied under the grammarian Aelio Varnost in his youth.", "Aelio Varnost"),
        ("She sent the letters to her friend Ilsabet Marnoq instead.", "Ilsabet Marnoq"),
    ],
)
def test_name_after_a_person_noun(nlp, text, name):
    assert found(nlp, text, []).get(name) == "person"


@pytest.mark.parametrize(
    "text, name",
    [
        # a capitalised rank or honorific before an untagged name
        ("He served as an engineer with Major General Varnost in the war.", "Varnost"),
        ("The portrait was painted for Lady Quenmarrow in 1790.", "Quenmarrow"),
    ],
)
def test_name_after_a_rank(nlp, text, name):
    assert found(nlp, text, []).get(name) == "person"


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # the place a battle, siege or treaty is named after, inside the event's name
        ("He was wounded at the Siege of Varnholt in 1779.", [], "Varnholt"),
        ("At the Battle of Kestrova he lost an arm.", [(1, 5, "EVENT")], "Kestrova"),
    ],
)
def test_place_inside_an_event_name(nlp, text, ents, name):
    assert found(nlp, text, ents).get(name) == "location"


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # NER said "product" or "work" or "date", the text says place or organisation
        (
            "The family held a small estate near Varnelle in the north.",
            [(7, 8, "PRODUCT")],
            "Varnelle",
            "location",
        ),
        (
            "Samples were scanned in the Cosmic Grain Lab overnight.",
            [(4, 8, "LAW")],
            "Cosmic Grain Lab",
            "organization",
        ),
        (
            "He was buried in the Foreign Quarter of the town.",
            [(4, 7, "DATE")],
            "Foreign Quarter",
            "location",
        ),
        # a "nationality" that is no demonym, standing where a place stands
        (
            "They spent the summer in the village of Marzolat with cousins.",
            [(8, 9, "NORP")],
            "Marzolat",
            "location",
        ),
    ],
)
def test_mislabelled_name_marked_as_place_or_org(nlp, text, ents, name, kind):
    assert found(nlp, text, ents).get(name) == kind


@pytest.mark.parametrize(
    "text, ents, wrong",
    [
        # a date read as a place after "born in" stays a date; a quoted work stays a work
        ("She was born in December in a small town.", [(4, 5, "DATE")], "December"),
        ('He sang "Near Varnelle" at the concert.', [(3, 5, "WORK_OF_ART")], "Near Varnelle"),
    ],
)
def test_mislabelled_names_that_stay_out(nlp, text, ents, wrong):
    assert wrong not in found(nlp, text, ents)


@pytest.mark.parametrize(
    "text, name, kind",
    [
        # a lower-case noun in apposition says what the untagged name is
        ("She wrote to her sister, Varnolde, every week.", "Varnolde", "person"),
        ("The contract was won by Kestrivo, a company from the coast.", "Kestrivo", "organization"),
    ],
)
def test_apposition_says_what_a_name_is(nlp, text, name, kind):
    assert found(nlp, text, []).get(name) == kind
