"""Coreference rules: pronouns and descriptions resolved to actors."""

from __future__ import annotations

import pytest

from newsdossier.extract.actors import extract_actors
from newsdossier.extract.coref import (
    actor_gender,
    add_pronoun_mentions,
    resolve_description,
    resolve_pronouns,
)
from newsdossier.text.nlp import sentences


def _setup(nlp, text: str):
    doc = nlp(text)
    sents = sentences(doc)
    actors, mentions = extract_actors(doc, sents=sents)
    return doc, sents, actors, mentions


def _pronoun_targets(nlp, text: str) -> dict[str, str]:
    """'pronoun@offset' -> canonical actor name."""
    doc, sents, actors, mentions = _setup(nlp, text)
    names = {a.actor_id: a.name for a in actors}
    found = resolve_pronouns(doc, sents=sents, actors=actors, mentions=mentions)
    return {f"{m.text}@{m.start}": names[m.actor_id] for m in found}


@pytest.mark.parametrize(
    ("text", "pronoun", "expected"),
    [
        # gender beats recency
        ("Anna Schmidt met John Becker in Berlin. She said the talks went well.", "She", "Anna Schmidt"),
        ("Anna Schmidt met John Becker in Berlin. He said the talks went well.", "He", "John Becker"),
        # a subject stays in focus over a more recent object
        (
            "Senator Mark Hill criticised Governor Tom Reed on Friday. He called for new elections.",
            "He",
            "Mark Hill",
        ),
        # the last speaker is the likeliest referent of the next "he said"
        (
            "“Prices will rise,” said Paul Dubois. Economist Tom Reed disagreed with the forecast. "
            "Dubois added that wages would rise too. He said more.",
            "He",
            "Paul Dubois",
        ),
        # honorifics give gender
        ("Ms. Jordan Lee and Mr. Sam Ortiz spoke. She said the vote was close.", "She", "Jordan Lee"),
        # a surname ending in -in says nothing about gender
        (
            "Estonian Prime Minister Aino Varin met Peter Grant in Tallinn. Later she told reporters the talks "
            "had stalled.",
            "she",
            "Aino Varin",
        ),
    ],
)
def test_pronoun_resolution(nlp, text, pronoun, expected):
    targets = _pronoun_targets(nlp, text)
    key = f"{pronoun}@{text.index(' ' + pronoun + ' ') + 1}"
    assert targets.get(key) == expected, targets


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Dmitri Sokolov arrived.", "Dmitri Sokolov", "m"),  # no other cue: the Slavic ending decides
        ("Irina Sokolova arrived.", "Irina Sokolova", "f"),
        ("Mary Sokolov arrived.", "Mary Sokolov", "f"),  # a given name outweighs a surname ending
        ("Aino Varin arrived.", "Aino Varin", ""),  # -in is no cue
        ("Mrs. Lena Kowalski arrived.", "Lena Kowalski", "f"),  # nor is an ending next to an honorific
    ],
)
def test_actor_gender(nlp, text, name, expected):
    doc, _, actors, mentions = _setup(nlp, text)
    actor = next(a for a in actors if a.name == name)
    assert actor_gender(actor, mentions, doc) == expected


def test_object_pronoun_is_not_its_own_subject(nlp):
    text = "Mark Hill met Tom Reed. Hill praised him."
    targets = _pronoun_targets(nlp, text)
    assert targets.get(f"him@{text.index('him')}") == "Tom Reed"


def test_pronouns_inside_quotes_are_left_alone(nlp):
    text = "Mark Hill spoke. “He will never win,” Hill said of his rival."
    targets = _pronoun_targets(nlp, text)
    assert f"He@{text.index('He will')}" not in targets


def test_expletive_it_is_not_resolved(nlp):
    text = "The Ministry of Health opened a clinic. It is raining in Leeds."
    assert not any(k.startswith("It@") for k in _pronoun_targets(nlp, text))


def test_add_pronoun_mentions_updates_counts(nlp):
    doc, sents, actors, mentions = _setup(nlp, "Anna Schmidt arrived. She said she was tired.")
    new_actors, new_mentions = add_pronoun_mentions(doc, sents=sents, actors=actors, mentions=mentions)
    anna = next(a for a in new_actors if a.name == "Anna Schmidt")
    old = next(a for a in actors if a.name == "Anna Schmidt")
    assert anna.mentions == old.mentions + 2
    assert [m.how for m in new_mentions].count("pronoun") == 2
    assert new_mentions == sorted(new_mentions, key=lambda m: (m.start, m.end))


@pytest.mark.parametrize(
    ("text", "description", "expected"),
    [
        (
            "Maria Lopez, the city's fire chief, arrived. The fire chief spoke.",
            "The fire chief",
            "Maria Lopez",
        ),
        ("Finance Minister Paul Dubois arrived. The minister spoke.", "The minister", "Paul Dubois"),
        ("The Ministry of Health opened a clinic. The ministry spoke.", "The ministry", "Ministry of Health"),
    ],
)
def test_description_resolution(nlp, text, description, expected):
    doc, _, actors, mentions = _setup(nlp, text)
    start = text.index(description)
    span = doc.char_span(start, start + len(description))
    actor = resolve_description(span, actors=actors, mentions=mentions, doc=doc)
    assert actor is not None and expected in actor.name


def test_indefinite_description_is_not_resolved(nlp):
    text = "Finance Minister Paul Dubois arrived. A minister spoke."
    doc, _, actors, mentions = _setup(nlp, text)
    start = text.index("A minister")
    span = doc.char_span(start, start + len("A minister"))
    assert resolve_description(span, actors=actors, mentions=mentions, doc=doc) is None
