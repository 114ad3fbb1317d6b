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


@pytest.mark.parametrize(
    ("text", "ents", "short", "home"),
    [
        # a body's short name joins the one name that qualifies it by a country
        (
            "The bill went to the Malawi Sports Council on Friday, and the Sports Council will vote soon.",
            [(5, 8, "ORG"), (13, 15, "ORG")],
            "Sports Council",
            "Malawi Sports Council",
        ),
        # ... even before it, and beside a longer name qualified by no place
        (
            "The Sports Council met on Monday. The National Sports Council and the Malawi Sports Council disagreed.",
            [(1, 3, "ORG"), (8, 11, "ORG"), (13, 16, "ORG")],
            "Sports Council",
            "Malawi Sports Council",
        ),
        # a name ending in a head word, used after the one longer name it opens
        (
            "Vera Oslund joined the Kestrel League Hockey in 2003. She left the Kestrel League in 2009.",
            [(0, 2, "PERSON"), (4, 7, "ORG"), (13, 15, "ORG")],
            "Kestrel League",
            "Kestrel League Hockey",
        ),
        # a school the text calls by its town's name alone, the town never named as a place (NER
        # read the second use as a person, which the typing makes a place)
        (
            "Lina Mors played in the Brennow v Harlow match. She was sent to Harlow in 1901. "
            "She left Harlow College in 1905.",
            [(0, 2, "PERSON"), (5, 6, "ORG"), (7, 8, "ORG"), (14, 15, "PERSON"), (20, 22, "ORG")],
            "Harlow",
            "Harlow College",
        ),
    ],
)
def test_short_name_joins_its_full_name(nlp, text, ents, short, home):
    actors, mentions = run(nlp, text, ents)
    assert owner(actors, mentions, short) == home


@pytest.mark.parametrize(
    ("text", "ents", "kept_apart"),
    [
        # the short name comes first: nothing says it is the longer one
        (
            "The Kestrel League met on Monday. Vera Oslund joined the Kestrel League Hockey in 2003.",
            [(1, 3, "ORG"), (7, 9, "PERSON"), (11, 14, "ORG")],
            ("Kestrel League", "Kestrel League Hockey"),
        ),
        # the longer name adds a head of its own: another body
        (
            "Vera Oslund works for the Harlow Union Bank, and she is a member of the Harlow Union.",
            [(0, 2, "PERSON"), (5, 8, "ORG"), (16, 18, "ORG")],
            ("Harlow Union", "Harlow Union Bank"),
        ),
        # a town named where only a place can stand is the town, not the school named after it,
        # though the text calls the school by the town's name too
        (
            "Lina Mors played in the Brennow v Harlow match. She was born in Harlow in 1890. "
            "She left Harlow College in 1905.",
            [(0, 2, "PERSON"), (5, 6, "ORG"), (7, 8, "ORG"), (14, 15, "PERSON"), (20, 22, "ORG")],
            ("Harlow", "Harlow College"),
        ),
        # a city NER read as a person beside a newspaper named after it: the city
        (
            "The Tupelo Gazette reported the storm. Residents of Tupelo were told to leave.",
            [(1, 3, "ORG"), (9, 10, "PERSON")],
            ("Tupelo", "Tupelo Gazette"),
        ),
        # a city and a longer place that starts with it
        (
            "She moved to New York in 1990 and worked for New York City for a decade.",
            [(3, 5, "GPE"), (10, 13, "GPE")],
            ("New York", "New York City"),
        ),
    ],
)
def test_place_and_longer_name_stay_apart(nlp, text, ents, kept_apart):
    actors, mentions = run(nlp, text, ents)
    names = {a.name: a for a in actors}
    assert set(kept_apart) <= set(names)
    short = names[kept_apart[0]]
    assert short.aliases == kept_apart[0]


@pytest.mark.parametrize(
    ("text", "ents", "city", "body", "city_type"),
    [
        # a city that is no census name, read as a person, is no alias of the body named after it
        (
            "The Tupelo Gazette reported the storm. Residents of Tupelo were told to leave.",
            [(1, 3, "ORG"), (9, 10, "PERSON")],
            "Tupelo",
            "Tupelo Gazette",
            "person",
        ),
    ],
)
def test_city_named_like_a_body_is_no_alias_of_it(nlp, text, ents, city, body, city_type):
    actors, _ = run(nlp, text, ents)
    names = {a.name: a for a in actors}
    assert names[city].type == city_type
    assert city not in names[body].aliases.split(";")


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        # a name behind a lower-case prefix is an adjective made of it, never the actor's name
        (
            "The pro-Varga crowd cheered when Varga spoke on Friday.",
            [(1, 4, "PERSON"), (7, 8, "PERSON")],
            "Varga",
        ),
        ("An ex-Kestrel manager said Kestrel would grow.", [(1, 4, "ORG"), (6, 7, "ORG")], "Kestrel"),
    ],
)
def test_prefixed_form_does_not_name_the_actor(nlp, text, ents, name):
    actors, _ = run(nlp, text, ents)
    assert [a.name for a in actors] == [name]


@pytest.mark.parametrize(
    ("text", "ents", "place", "body"),
    [
        # a body's bare head is no alias of a building whose name ends in it
        (
            "Protesters gathered outside the Kestrel House on Monday. Later the House passed the bill.",
            [(4, 6, "ORG"), (11, 12, "ORG")],
            "Kestrel House",
            "House",
        ),
    ],
)
def test_bare_head_of_a_body_is_no_alias_of_a_place(nlp, text, ents, place, body):
    actors, mentions = run(nlp, text, ents)
    names = {a.name: a for a in actors}
    assert names[place].type == "location" and names[place].aliases == place
    assert owner(actors, mentions, body) == body and names[body].type == "organization"


@pytest.mark.parametrize(
    ("text", "ents", "word", "home"),
    [
        # a country inside a name NER read as a person stays the country
        (
            "The photo came from Library and Archives Malawi. Porters shaped Malawi for decades.",
            [(4, 8, "PERSON"), (11, 12, "GPE")],
            "Malawi",
            "Malawi",
        ),
        # a country that is also a given name, after a person's full name, is the person
        (
            "Coach Ben Jordan spoke. Jordan said the team was ready.",
            [(1, 3, "PERSON"), (5, 6, "GPE")],
            "Jordan",
            "Ben Jordan",
        ),
        # a place that is also a census surname, after the person's full name, is the person
        (
            "Senator Ada Lincoln spoke. Lincoln said the vote was close.",
            [(1, 3, "PERSON"), (5, 6, "GPE")],
            "Lincoln",
            "Ada Lincoln",
        ),
    ],
)
def test_place_in_a_persons_name_stays_the_place_unless_a_surname(nlp, text, ents, word, home):
    actors, mentions = run(nlp, text, ents)
    names = {a.actor_id: a.name for a in actors}
    assert {names.get(m.actor_id, "") for m in mentions if m.text == word} == {home}
