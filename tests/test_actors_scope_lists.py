"""Actors scope: works listed after their noun, things given a name, subtitles and named events stay out."""

from __future__ import annotations

import pytest
from helpers import found_actors as found


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # the second item of "the films X and Y"
        (
            "She had small parts in the films Quiet Harbour and Far Meadow that year.",
            [(7, 9, "FAC"), (10, 12, "ORG")],
            "Far Meadow",
            False,
        ),
        # "his latest book, X or Y": the noun before a comma
        (
            "His latest book, Grey Orchard or Silence, sold well.",
            [(4, 6, "ORG"), (7, 8, "GPE")],
            "Silence",
            False,
        ),
        # a list that starts after "and" is no list of the noun's items
        (
            "She wrote the book, and Brennow Press and Kestrel Books published it.",
            [(6, 8, "ORG"), (9, 11, "ORG")],
            "Kestrel Books",
            True,
        ),
        # names joined by "and" after a noun that is no work
        (
            "She had worked for the firms Harlow Relief and Kestrel Trust that year.",
            [(6, 8, "ORG"), (9, 11, "ORG")],
            "Kestrel Trust",
            True,
        ),
    ],
)
def test_items_listed_after_a_work_noun(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # "I called it X": a thing, though NER read a person
        ("I called it Kestrel, and it sold well.", [(3, 4, "PERSON")], "Kestrel", False),
        # the name put first: "X I named it"
        (
            "My second collection, Driftwood I named it, came out later.",
            [(4, 5, "PERSON")],
            "Driftwood",
            False,
        ),
        # a man given a name is a person
        ("We called him Kestrel, and he smiled.", [(3, 4, "PERSON")], "Kestrel", True),
    ],
)
def test_things_given_a_name(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # a subtitle after a colon ends in a work's head word
        ("Tickets for Brennow: The Movie sold out quickly.", [(2, 3, "GPE")], "Brennow", False),
        # a place followed by a colon and a heading that names no work
        ("Meet me in Brennow: The old town is lovely.", [(3, 4, "GPE")], "Brennow", True),
    ],
)
def test_a_name_before_a_work_subtitle(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        (
            "Last spring we went to the Magic Jubilee in Dallas.",
            [(6, 8, "ORG"), (9, 10, "GPE")],
            "Magic Jubilee",
            False,
        ),
        ("He rode in the Harbour Cavalcade each March.", [(4, 6, "ORG")], "Harbour Cavalcade", False),
        ("We ran the Brennow Marathon in April.", [(3, 5, "ORG")], "Brennow Marathon", False),
        # an organisation's head word keeps it an actor
        (
            "We wrote to the Brennow Marathon Association in April.",
            [(4, 7, "ORG")],
            "Brennow Marathon Association",
            True,
        ),
    ],
)
def test_named_events(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # "the play The X": the title's own article between the noun and the name
        (
            "Critics compared it with Varga's play The Winter Ledger.",
            [(4, 5, "PERSON"), (8, 10, "ORG")],
            "Winter Ledger",
            False,
        ),
        # an award's category after "a nomination for" / "nominated for"
        (
            "The album brought her a nomination for Best Vocal Record in the spring.",
            [(7, 10, "ORG")],
            "Best Vocal Record",
            False,
        ),
        (
            "He was nominated for Best Supporting Actor in 2010.",
            [(4, 7, "ORG")],
            "Best Supporting Actor",
            False,
        ),
        # "for X" after another noun is an actor
        ("She thanked the committee for Kestrel Aid and its work.", [(5, 7, "ORG")], "Kestrel Aid", True),
    ],
)
def test_titles_after_their_article_and_award_categories(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


def test_a_thing_named_by_its_noun_once_is_that_thing_everywhere(nlp):
    # "Spacecraft Kestrel" is set aside as a thing; the bare "Kestrel" later is the same craft
    text = "An artist's view of Spacecraft Kestrel. Kestrel flew out in the spring, and Kestrel came back in the winter."
    assert "Kestrel" not in found(nlp, text, [(5, 7, "ORG"), (8, 9, "PERSON"), (16, 17, "PERSON")])


def test_a_person_sharing_a_word_with_a_thing_stays(nlp):
    text = "An artist's view of Spacecraft Kestrel. Ann Kestrel flew out in the spring."
    assert "Ann Kestrel" in found(nlp, text, [(5, 7, "ORG"), (8, 10, "PERSON")])


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # "author of X in Y": the title and the name inside it
        (
            "The most famous is Tom Reed, author of Mira in Glasland, a book for children.",
            [(4, 6, "PERSON"), (9, 10, "PERSON"), (11, 12, "GPE")],
            "Mira",
            False,
        ),
        (
            "The most famous is Tom Reed, author of Mira in Glasland, a book for children.",
            [(4, 6, "PERSON"), (9, 10, "PERSON"), (11, 12, "GPE")],
            "Glasland",
            False,
        ),
        # a city after the work is where someone was met
        (
            "She met the author of Quiet Orchard in Leeds last year.",
            [(5, 7, "ORG"), (8, 9, "GPE")],
            "Leeds",
            True,
        ),
        # "director of X" heads an organisation
        ("He is the director of Kestrel Aid, a charity.", [(5, 7, "ORG")], "Kestrel Aid", True),
    ],
)
def test_a_work_after_its_author(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # a work noun opens the name of a building: a place
        (
            "The choir sang in Opera Hall on Sunday.",
            [(4, 6, "FAC")],
            "Opera Hall",
            True,
        ),
        # a work noun opens the name of a work
        ("Early reviews of Album Kestrel Skies were warm.", [(3, 6, "ORG")], "Album Kestrel Skies", False),
    ],
)
def test_a_work_noun_opening_a_name(nlp, text, ents, name, kept):
    assert (name in found(nlp, text, ents)) is kept
