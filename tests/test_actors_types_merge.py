"""Actors merging: an event named after an organisation stays apart; "this State" is the State named."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsdossier.extract.actors import extract_actors
from newsdossier.text.nlp import sentences


def _rows(nlp, text: str, ents: list[tuple[int, int, str]]) -> dict[str, tuple[str, set[str]]]:
    """Actor name -> (type, aliases), with ents (token start, end, label) as NER's entities."""
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    actors, _ = extract_actors(doc, sents=sentences(doc))
    return {a.name: (a.type, set(a.aliases.split(";"))) for a in actors}


@pytest.mark.parametrize(
    "text, ents, short, absent",
    [
        # "X Trophy" is a prize of the firm, not the firm written in full
        (
            "Kestrel Chess praised him after he won the Kestrel Chess Trophy.",
            [(0, 2, "ORG"), (8, 11, "ORG")],
            "Kestrel Chess",
            "Kestrel Chess Trophy",
        ),
        (
            "Kestrel Foods sponsors the Kestrel Foods Awards every year.",
            [(0, 2, "ORG"), (4, 7, "ORG")],
            "Kestrel Foods",
            "Kestrel Foods Awards",
        ),
    ],
)
def test_an_event_named_after_an_organisation_stays_apart(nlp, text, ents, short, absent):
    rows = _rows(nlp, text, ents)
    assert short in rows
    assert absent not in rows and all(absent not in aliases for _, aliases in rows.values())


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # NER read the bare "State" as an organisation, the full name as a place: one place
        (
            "The Senator from this State, Tom Reed, spoke of the State of Ruvania and its people. This State is proud.",
            [(4, 5, "ORG"), (6, 8, "PERSON"), (12, 15, "GPE"), (20, 21, "ORG")],
            "State of Ruvania",
            "location",
        ),
        # a bare organisation head joins the one "X of Y" of its own kind
        (
            "The Council of Brennow met today. The Council said it would vote again.",
            [(1, 4, "ORG"), (7, 8, "ORG")],
            "Council of Brennow",
            "organization",
        ),
    ],
)
def test_a_bare_head_is_the_one_name_it_heads(nlp, text, ents, name, kind):
    rows = _rows(nlp, text, ents)
    head = name.split()[0]
    assert rows[name][0] == kind
    assert head not in rows and f"The {head}" not in rows
    assert any(alias.split()[-1] == head for alias in rows[name][1])  # "State", "The Council"


def test_a_short_name_joins_the_long_form_an_acronym_opened(nlp):
    # the cluster of "KFB" and "Kestrel Food Bank": "Kestrel Food" is its short form, though the acronym came first
    text = "KFB (Kestrel Food Bank) opened today. Kestrel Food said more help would come."
    rows = _rows(nlp, text, [(0, 1, "ORG"), (2, 5, "ORG"), (9, 11, "ORG")])
    assert "Kestrel Food" not in rows


def test_an_acronym_retyped_from_a_person_joins_the_longer_name(nlp):
    # NER read the bare acronym as a person; once it is an organisation it is the short form
    text = "As a young man in Navy KRTC I flew often. The KRTC chose ten men a year."
    rows = _rows(nlp, text, [(5, 7, "ORG"), (12, 13, "PERSON")])
    assert rows["Navy KRTC"][0] == "organization"
    assert "KRTC" not in rows and "KRTC" in rows["Navy KRTC"][1]


def test_one_word_spelt_and_typed_two_ways_is_one_person(nlp):
    text = "He quoted a line from Orvane in a letter. Later he read Orvene again."
    rows = _rows(nlp, text, [(5, 6, "PERSON"), (13, 14, "ORG")])
    assert len(rows) == 1 and next(iter(rows.values()))[0] == "person"


def test_a_letter_more_is_no_spelling_of_another_kind(nlp):
    # "Orvanes" (a slip for the firm, read as a person) is no spelling of "Orvane" across kinds: the
    # firm keeps its own row and its type
    text = "Orvane said sales rose. The deal pays well, since Orvanes pays a fee for the ads, he said."
    rows = _rows(nlp, text, [(0, 1, "ORG"), (11, 12, "PERSON")])
    assert rows["Orvane"][0] == "organization"
