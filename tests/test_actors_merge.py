"""Actors merging and scope: one parametrised test per rule, on made-up sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsdossier.extract.actors import extract_actors
from newsdossier.records import Actor, Mention
from newsdossier.text.nlp import sentences


def run(nlp, text: str, ents: list[tuple[int, int, str]] | None = None) -> tuple[list[Actor], list[Mention]]:
    """Extract actors from text; ents (token start, end, label) replace spaCy's to pin the NER input."""
    doc = nlp(text)
    if ents is not None:
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return extract_actors(doc, sents=sentences(doc))


def owner(actors: list[Actor], mentions: list[Mention], text: str) -> str:
    """The name of the actor a mention with this text belongs to ('' for a mention of no actor)."""
    names = {a.actor_id: a.name for a in actors}
    found = {names.get(m.actor_id, "") for m in mentions if m.text == text}
    assert len(found) == 1, f"{text!r}: {found}"
    return found.pop()


@pytest.mark.parametrize(
    ("text", "ents", "thing"),
    [
        # a spacecraft named after its cue noun
        (
            "The spacecraft Kestrel Nine landed on Tuesday, said Jana Holm of the Orbital Research Agency.",
            [(2, 4, "ORG"), (9, 11, "PERSON"), (13, 16, "ORG")],
            "Kestrel Nine",
        ),
        # an award named by its head word
        (
            "Omar Castell won the Harbour Film Award in Lisbon.",
            [(0, 2, "PERSON"), (4, 7, "ORG"), (8, 9, "GPE")],
            "Harbour Film Award",
        ),
    ],
)
def test_out_of_scope_names_are_mentions_of_no_actor(nlp, text, ents, thing):
    actors, mentions = run(nlp, text, ents)
    assert thing not in {a.name for a in actors}
    rows = [m for m in mentions if m.text == thing]
    assert [(m.actor_id, m.how) for m in rows] == [("", "out_of_scope")]
    assert text[rows[0].start : rows[0].end] == thing


@pytest.mark.parametrize(
    ("text", "ents", "phrase", "org"),
    [
        # NER's own cluster of a capitalised generic reference joins the organisation named before
        (
            "The Coastal Survey Administration issued a warning. The Administration said it was urgent.",
            [(1, 4, "ORG"), (9, 10, "ORG")],
            "Administration",
            "Coastal Survey Administration",
        ),
        # of two agencies, the one named last before the phrase
        (
            "The Harlow Water Agency met the Brennow Transport Agency on Monday. The agency said talks went well.",
            [(1, 4, "ORG"), (6, 9, "ORG")],
            "agency",
            "Brennow Transport Agency",
        ),
        # a generic word written before the name ("the news agency X") describes it too
        (
            "Reporters at the news agency Kestrel Wire filed the story. The agency later corrected it.",
            [(5, 7, "ORG")],
            "agency",
            "Kestrel Wire",
        ),
    ],
)
def test_generic_reference_joins_the_organisation_named_before(nlp, text, ents, phrase, org):
    actors, mentions = run(nlp, text, ents)
    assert owner(actors, mentions, phrase) == org
    assert [m.how for m in mentions if m.text == phrase] == ["alias"]
    assert phrase not in {a.name for a in actors}


@pytest.mark.parametrize(
    ("text", "ents", "name", "forms"),
    [
        # a leading country spelt two ways
        (
            "The U.S. Grain Council met in May. The United States Grain Council said prices rose.",
            [(1, 4, "ORG"), (9, 13, "ORG")],
            "United States Grain Council",
            {"U.S. Grain Council", "United States Grain Council"},
        ),
        # a dash between the words of one name
        (
            "She founded the Friends of Light – Brennow group. Later the Friends of Light Brennow grew.",
            [(3, 8, "ORG"), (12, 16, "ORG")],
            "Friends of Light – Brennow",
            {"Friends of Light – Brennow", "Friends of Light Brennow"},
        ),
    ],
)
def test_spelling_variants_of_an_organisation_merge(nlp, text, ents, name, forms):
    actors, _ = run(nlp, text, ents)
    assert [(a.name, set(a.aliases.split(";"))) for a in actors] == [(name, forms)]


@pytest.mark.parametrize(
    ("text", "ents", "name", "forms"),
    [
        # the full name read as an organisation at first, then retyped: its first name joins it
        (
            "Every paper ran a Marta Velasquez story. Readers love Marta, and Marta knows it.",
            [(4, 6, "ORG"), (10, 11, "PERSON"), (13, 14, "PERSON")],
            "Marta Velasquez",
            {"Marta Velasquez", "Marta"},
        ),
    ],
)
def test_people_merge_again_after_retyping(nlp, text, ents, name, forms):
    actors, _ = run(nlp, text, ents)
    people = [a for a in actors if a.type == "person"]
    assert [(a.name, set(a.aliases.split(";"))) for a in people] == [(name, forms)]


@pytest.mark.parametrize(
    ("text", "ents", "short", "home"),
    [
        # of two longer names ending with it, the one mentioned last before it
        (
            "He joined the Harlow Blue Herons in May. The Blue Herons won. "
            "Later the Brennow Blue Herons signed him.",
            [(3, 6, "ORG"), (10, 12, "ORG"), (16, 19, "ORG")],
            "Blue Herons",
            "Harlow Blue Herons",
        ),
        # a team's short name read as a place that no gazetteer knows
        (
            "He signed with the Harlow Kestrels in 2012. The Kestrels traded him.",
            [(4, 6, "ORG"), (10, 11, "GPE")],
            "Kestrels",
            "Harlow Kestrels",
        ),
        # a name ending in a head word, then the one longer name it heads
        (
            "The Regional Assembly of the Coastal Provinces met. The Regional Assembly voted.",
            [(1, 7, "ORG"), (10, 12, "ORG")],
            "Regional Assembly",
            "Regional Assembly of the Coastal Provinces",
        ),
    ],
)
def test_short_form_joins_the_longer_organisation(nlp, text, ents, short, home):
    actors, mentions = run(nlp, text, ents)
    assert owner(actors, mentions, short) == home


@pytest.mark.parametrize(
    ("text", "ents", "names"),
    [
        # a body "of the" another keeps the other apart
        (
            "The Trade Council of the Northern League met. The Northern League said nothing.",
            [(1, 7, "ORG"), (10, 12, "ORG")],
            {"Trade Council of the Northern League", "Northern League"},
        ),
    ],
)
def test_body_of_another_stays_apart(nlp, text, ents, names):
    actors, _ = run(nlp, text, ents)
    assert {a.name for a in actors} == names


@pytest.mark.parametrize(
    ("text", "ents", "people"),
    [
        # a one-letter slip in a surname: one person
        (
            "Dana Kessler spoke first. Later Dana Kesler left the room.",
            [(0, 2, "PERSON"), (6, 8, "PERSON")],
            {"Dana Kessler": {"Dana Kessler", "Dana Kesler"}},
        ),
        # two slips in a long surname: one person
        (
            "Piotr Wisniewskiego spoke first. Later Piotr Wisnewskigo left the room.",
            [(0, 2, "PERSON"), (6, 8, "PERSON")],
            {"Piotr Wisniewskiego": {"Piotr Wisniewskiego", "Piotr Wisnewskigo"}},
        ),
        # a lone surname with a slip joins the one full name close to it
        (
            "Dana Kessler spoke first. Kesler, who chairs the panel, left later.",
            [(0, 2, "PERSON"), (5, 6, "PERSON")],
            {"Dana Kessler": {"Dana Kessler", "Kesler"}},
        ),
        # two known given names one letter apart are two people who share a surname
        (
            "Maria Lopez spoke first. Later Mario Lopez left the room.",
            [(0, 2, "PERSON"), (6, 8, "PERSON")],
            {"Maria Lopez": {"Maria Lopez"}, "Mario Lopez": {"Mario Lopez"}},
        ),
        # short words are never slips
        (
            "Ana Roth spoke first. Later Ana Rath left the room.",
            [(0, 2, "PERSON"), (6, 8, "PERSON")],
            {"Ana Roth": {"Ana Roth"}, "Ana Rath": {"Ana Rath"}},
        ),
    ],
)
def test_misspelt_names_merge_and_namesakes_stay_apart(nlp, text, ents, people):
    actors, _ = run(nlp, text, ents)
    found = {a.name: set(a.aliases.split(";")) for a in actors if a.type == "person"}
    assert found == people


@pytest.mark.parametrize(
    ("text", "ents", "names"),
    [
        # a body named within a longer name is another organisation
        (
            "The Northern Nations Relief Mission opened an office. The Northern Nations welcomed it.",
            [(1, 5, "ORG"), (10, 12, "ORG")],
            {"Northern Nations Relief Mission", "Northern Nations"},
        ),
    ],
)
def test_body_within_a_longer_name_stays_apart(nlp, text, ents, names):
    actors, _ = run(nlp, text, ents)
    assert {a.name for a in actors} == names


@pytest.mark.parametrize(
    ("text", "ents", "person", "forms", "others"),
    [
        # a surname in capitals, read as an acronym's organisation, is the person's name
        (
            "Tomas Eriksen signed the order. Eriksen left. It ends: signed, ERIKSEN.",
            [(0, 2, "PERSON"), (6, 7, "PERSON"), (14, 15, "ORG")],
            "Tomas Eriksen",
            {"Tomas Eriksen", "Eriksen", "ERIKSEN"},
            set(),
        ),
        # an acronym that spells no one's name in the text stays an organisation
        (
            "Tomas Eriksen signed the order. The NATO office agreed.",
            [(0, 2, "PERSON"), (7, 8, "ORG")],
            "Tomas Eriksen",
            {"Tomas Eriksen"},
            {"NATO"},
        ),
    ],
)
def test_name_in_capitals_joins_the_person(nlp, text, ents, person, forms, others):
    actors, _ = run(nlp, text, ents)
    people = {a.name: set(a.aliases.split(";")) for a in actors if a.type == "person"}
    assert people == {person: forms}
    assert {a.name for a in actors if a.type != "person"} == others


@pytest.mark.parametrize(
    ("text", "ents", "people"),
    [
        # a nickname and the given name it stands for, with one surname: one person
        (
            "William Okafor opened the session. Later Bill Okafor closed it.",
            [(0, 2, "PERSON"), (7, 9, "PERSON")],
            {"William Okafor": {"William Okafor", "Bill Okafor"}},
        ),
        # two unrelated given names with one surname: two people
        (
            "William Okafor opened the session. Later Grace Okafor closed it.",
            [(0, 2, "PERSON"), (7, 9, "PERSON")],
            {"William Okafor": {"William Okafor"}, "Grace Okafor": {"Grace Okafor"}},
        ),
    ],
)
def test_nickname_of_a_given_name_is_one_person(nlp, text, ents, people):
    actors, _ = run(nlp, text, ents)
    assert {a.name: set(a.aliases.split(";")) for a in actors if a.type == "person"} == people


@pytest.mark.parametrize(
    ("text", "ents", "merged"),
    [
        # a short surname written two ways, both times with the same title: one mayor
        (
            "Mayor Dole opened the fair. Later Mayor Dale thanked the volunteers.",
            [(1, 2, "PERSON"), (8, 9, "PERSON")],
            True,
        ),
        # two titles: a mayor and a judge are two people, however close their names
        (
            "Mayor Dole opened the fair. Later Judge Dale thanked the volunteers.",
            [(1, 2, "PERSON"), (8, 9, "PERSON")],
            False,
        ),
        # no title: short names one letter apart are two people
        (
            "Dole opened the fair. Later Dale thanked the volunteers.",
            [(0, 1, "PERSON"), (6, 7, "PERSON")],
            False,
        ),
    ],
)
def test_short_names_with_one_title_merge(nlp, text, ents, merged):
    actors, mentions = run(nlp, text, ents)
    assert (owner(actors, mentions, "Dole") == owner(actors, mentions, "Dale")) is merged
