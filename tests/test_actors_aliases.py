"""Aliases given in apposition become mentions of the actor they follow (made-up sentences)."""

from __future__ import annotations

import pytest

from newsdossier.extract.actors import extract_actors
from newsdossier.text.nlp import sentences


def run(nlp, text: str):
    """Actors and mentions of a made-up text."""
    doc = nlp(text)
    return extract_actors(doc, sents=sentences(doc))


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "Police arrested Mark Smith, known as 'the Chemist', on Tuesday. The Chemist denied the charges."
            " Chemist Ana Ruiz testified.",
            "Mark Smith",
            "Chemist",
        ),
        (
            'The band hired Daniel Okafor, also known as "Red Kite", last spring.',
            "Daniel Okafor",
            "Red Kite",
        ),
        (
            "Prosecutors said Helen Varga, better known as Big Copper, ran the ring.",
            "Helen Varga",
            "Big Copper",
        ),
        (
            "The striker Paulo Menezes (known as Pepinho) scored twice on Sunday.",
            "Paulo Menezes",
            "Pepinho",
        ),
        (
            "The court heard that Tomas Lindqvist, nicknamed 'the Professor', planned the theft.",
            "Tomas Lindqvist",
            "Professor",
        ),
        (
            "Reports said Omar Haddad, who was known as Harbour gang leader 'Tiny', left the city.",
            "Omar Haddad",
            "Tiny",
        ),
        (
            "Fans cheered Rosa Delgado, dubbed 'the Oracle', as she arrived.",
            "Rosa Delgado",
            "Oracle",
        ),
        (
            "The label signed Victor Anand (aka DJ Monsoon) in March.",
            "Victor Anand",
            "DJ Monsoon",
        ),
        (
            "Officials said Grace Mbeki, whose stage name is Nala Storm, cancelled the tour.",
            "Grace Mbeki",
            "Nala Storm",
        ),
    ],
)
def test_alias_after_a_cue_is_a_mention_of_the_actor(nlp, text, name, alias):
    actors, mentions = run(nlp, text)
    found = [a for a in actors if a.name == name]
    assert len(found) == 1, [a.name for a in actors]
    assert set(found[0].aliases.split(";")) == {name, alias}
    assert not any(a.name == alias for a in actors), "the alias must not be an actor of its own"
    alias_rows = [m for m in mentions if m.text == alias]
    assert alias_rows and all(m.actor_id == found[0].actor_id and m.how == "alias" for m in alias_rows)


@pytest.mark.parametrize(
    "text",
    [
        "Colleagues said Mark Smith, known as a hard worker, stayed late every night.",
        "Mark Smith, known as 1990 champion, retired.",
    ],
)
def test_a_description_or_number_after_the_cue_is_no_alias(nlp, text):
    actors, _ = run(nlp, text)
    smith = [a for a in actors if a.name == "Mark Smith"]
    assert len(smith) == 1
    assert smith[0].aliases == "Mark Smith"


def test_a_real_name_after_a_stage_name_names_the_one_actor(nlp):
    text = "The rapper Kid Comet, whose real name is Samuel Adebayo Obi, sold out the arena. Kid Comet thanked fans."
    actors, mentions = run(nlp, text)
    found = [a for a in actors if "Kid Comet" in a.aliases.split(";")]
    assert len(found) == 1
    assert found[0].name == "Samuel Adebayo Obi"
    assert {m.actor_id for m in mentions if m.text in {"Kid Comet", "Samuel Adebayo Obi"}} == {
        found[0].actor_id
    }
