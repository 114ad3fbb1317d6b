"""The actors step: one parametrised test per merging, title, demonym and repair rule, on made-up text."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsdossier.extract import lexicon
from newsdossier.extract.actors import extract_actors
from newsdossier.records import Actor, Mention
from newsdossier.text.nlp import sentences


def run(nlp, text: str, ents: list[tuple[int, int, str]] | None = None) -> tuple[list[Actor], list[Mention]]:
    """Extract actors from text; ents (token start, end, label) replace spaCy's to simulate NER errors."""
    doc = nlp(text)
    if ents is not None:
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return extract_actors(doc, sents=sentences(doc))


def actor(actors: list[Actor], name: str) -> Actor:
    """The one actor with this name (fails listing the names found otherwise)."""
    found = [a for a in actors if a.name == name]
    assert len(found) == 1, f"{name!r} not found once in {[a.name for a in actors]}"
    return found[0]


def aliases(a: Actor) -> set[str]:
    return set(a.aliases.split(";"))


def check(actors: list[Actor], name: str, kind: str, title: str, forms: set[str]) -> Actor:
    """Assert the merged actor, its type, title and aliases."""
    a = actor(actors, name)
    assert (a.type, a.title) == (kind, title)
    assert aliases(a) == forms
    return a


@pytest.mark.parametrize(
    "text, name, title, forms",
    [
        (
            "Prime Minister Anna Kowalczyk arrived in Oslo on Monday. Kowalczyk later met reporters at the harbour.",
            "Anna Kowalczyk",
            "prime minister",
            {"Anna Kowalczyk", "Kowalczyk"},
        ),
        (
            "Mariana Okafor won the race on Sunday. Mariana thanked her coach afterwards.",
            "Mariana Okafor",
            "",
            {"Mariana Okafor", "Mariana"},
        ),
        (
            "Helga Brandt wrote the novel in 1990. Later, Helga moved to Vienna.",  # NER reads "Helga" as an ORG
            "Helga Brandt",
            "",
            {"Helga Brandt", "Helga"},
        ),
    ],
)
def test_surname_or_first_name_merges_into_full_name(nlp, text, name, title, forms):
    actors, _ = run(nlp, text)
    a = check(actors, name, "person", title, forms)
    assert a.mentions == 2
    assert not [x for x in actors if x.type == "person" and x is not a]


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            "Finance Minister Rohan Mehta defended the budget on Tuesday. Critics said Mehta ignored the deficit.",
            "Rohan Mehta",
            "finance minister",
        ),
        (
            "Treasury Secretary Lena Moss met bankers. Moss said rates would hold.",
            "Lena Moss",
            "treasury secretary",
        ),
        (
            "Secretary of State Paul Rivers flew home. Rivers said nothing.",
            "Paul Rivers",
            "secretary of state",
        ),
    ],
)
def test_titled_form_merges_and_title_is_not_an_actor(nlp, text, name, title):
    actors, _ = run(nlp, text)
    check(actors, name, "person", title, {name, name.split()[-1]})
    assert len(actors) == 1  # neither "Treasury" nor "State" is left over as an organisation


@pytest.mark.parametrize(
    "text, name, acronym, n",
    [
        (
            "The Pacific Grid Reliability Council (PGRC) issued a heat warning. Later, PGRC said all was well.",
            "Pacific Grid Reliability Council",
            "PGRC",
            3,
        ),
        (
            "The International Monetary Fund cut its forecast. The IMF blamed weak demand.",
            "International Monetary Fund",
            "IMF",
            2,
        ),
        (
            "The Federal Aviation Administration grounded the jets, and the FAA will review them.",
            "Federal Aviation Administration",
            "FAA",
            2,
        ),
    ],
)
def test_acronym_defined_or_by_initials(nlp, text, name, acronym, n):
    actors, mentions = run(nlp, text)
    a = check(actors, name, "organization", "", {name, acronym})
    assert a.mentions == n
    assert {m.how for m in mentions if m.actor_id == a.actor_id} == {"ner", "acronym"}


@pytest.mark.parametrize(
    "text, name, forms",
    [
        (
            "The Arctic Council met on Monday. Members of the Arctic Council agreed to cut emissions.",
            "Arctic Council",
            {"Arctic Council"},
        ),
        (
            "THE ARCTIC COUNCIL met on Monday. Members of the Arctic Council agreed.",
            "Arctic Council",
            {"ARCTIC COUNCIL", "Arctic Council"},
        ),
        (
            "The United States imposed tariffs. The U.S. said talks would resume, and the US envoy agreed.",
            "United States",
            {"United States", "U.S.", "US"},
        ),
    ],
)
def test_case_and_determiner_variants_merge(nlp, text, name, forms):
    actors, mentions = run(nlp, text)
    a = actor(actors, name)
    assert aliases(a) == forms
    assert not any(m.text.lower().startswith("the ") for m in mentions)


@pytest.mark.parametrize(
    "text, name, title",
    [
        (
            "Brazilian Foreign Minister Carla Mendes will visit Lisbon next week.",
            "Carla Mendes",
            "foreign minister",
        ),
        ("Police spokesman Mark Evans said two people were arrested.", "Mark Evans", "police spokesman"),
        ("Army spokesman Colonel Ivan Petrenko said the unit had withdrawn.", "Ivan Petrenko", "spokesman"),
        ("Dr. Keith Amadi treated the patients.", "Keith Amadi", "doctor"),
        ("U.N. Secretary-General Amina Osei urged calm.", "Amina Osei", "secretary-general"),
    ],
)
def test_title_from_pre_name_modifier(nlp, text, name, title):
    actors, _ = run(nlp, text)
    check(actors, name, "person", title, {name})


@pytest.mark.parametrize(
    "text, name, title",
    [
        ("Tom Becker, a Treasury spokesman, said the talks would continue.", "Tom Becker", "spokesman"),
        (
            "Nadia Farah, principal researcher at the institute, says the study took a year.",
            "Nadia Farah",
            "principal researcher",
        ),
        ("Raj Patel, vice-president of the union, said members would vote.", "Raj Patel", "vice-president"),
        ("Eli Stone, her son, said she was tired.", "Eli Stone", ""),  # kinship is no role
        (
            "Gen. Mark Hale, a former army commander, said the base was safe.",  # a role beats a bare rank
            "Mark Hale",
            "former army commander",
        ),
    ],
)
def test_title_from_apposition(nlp, text, name, title):
    actors, _ = run(nlp, text)
    check(actors, name, "person", title, {name})


@pytest.mark.parametrize(
    "text, country, demonym",
    [
        ("Danish citizens were told to leave the area immediately.", "Denmark", "Danish"),
        ("Kenyan Trade Minister Joseph Kamotho was hurt in the blast.", "Kenya", "Kenyan"),
    ],
)
def test_demonym_attests_its_country(nlp, text, country, demonym):
    actors, mentions = run(nlp, text)
    a = check(actors, country, "location", "", {demonym})
    assert [m.how for m in mentions if m.actor_id == a.actor_id] == ["demonym"]
    assert not any(x.name == demonym for x in actors)  # the adjective itself is no actor


@pytest.mark.parametrize(
    "text, country, capital_merged",
    [
        ("Canada and Mexico signed the accord. Ottawa says it will ratify the text soon.", "Canada", True),
        ("Talks between Norway and Moscow stalled, and Russia blamed Oslo.", "Russia", True),
        ("Canada hosted the summit. The ministers met in Ottawa on Friday.", "Canada", False),
        ("Mexico signed the deal. Its minister will visit Ottawa next week, Canada said.", "Canada", False),
    ],
)
def test_capital_used_as_government_is_its_country(nlp, text, country, capital_merged):
    actors, _ = run(nlp, text)
    a = actor(actors, country)
    assert a.type == "location"
    capital = lexicon.country_named(country).name
    capitals = next(c for c in lexicon.countries() if c.name == capital).capitals
    assert bool(aliases(a) & set(capitals)) == capital_merged
    assert any(x.name in capitals for x in actors) != capital_merged  # else the city is its own actor


@pytest.mark.parametrize(
    "text, ents, name, kind, title, forms",
    [
        # a title and an affiliation swallowed into a PERSON entity
        (
            "Harbour spokesman Ivo Karlic said no.",
            [(0, 4, "PERSON")],
            "Ivo Karlic",
            "person",
            "spokesman",
            {"Ivo Karlic"},
        ),
        # an organisation split in two by NER
        (
            "The Nevada Independent Grid Operator warned of outages.",
            None,
            "Nevada Independent Grid Operator",
            "organization",
            "",
            {"Nevada Independent Grid Operator"},
        ),
        (
            "The Landsting Assembly met, said Speaker Ana Ruiz.",
            [(1, 2, "ORG"), (6, 8, "PERSON")],
            "Landsting Assembly",
            "organization",
            "",
            {"Landsting Assembly"},
        ),
        # a country read apart from its ministry, and the short form of the ministry later
        (
            "The US Commerce Department issued new rules. A Commerce Department official said more would follow.",
            [(1, 2, "GPE"), (2, 4, "ORG"), (9, 11, "ORG")],
            "US Commerce Department",
            "organization",
            "",
            {"US Commerce Department", "Commerce Department"},
        ),
        # a capital read as a PERSON; a photo credit read as one entity
        ("Aid reached Nairobi on Monday.", [(2, 3, "PERSON")], "Nairobi", "location", "", {"Nairobi"}),
        ("The mayor spoke. (Jane Doe/Canadian Press)", None, "Jane Doe", "person", "", {"Jane Doe"}),
    ],
)
def test_ner_fragments_are_repaired(nlp, text, ents, name, kind, title, forms):
    actors, mentions = run(nlp, text, ents)
    check(actors, name, kind, title, forms)
    assert all(m.text.strip() == m.text and "/" not in m.text for m in mentions)


@pytest.mark.parametrize(
    "text, group, named",
    [
        (
            "Norwegian officials criticised the plan on Sunday. Norway has long opposed drilling.",
            "Norwegian officials",
            "Norway",
        ),
        ("Many Kenyan farmers say the rains came late, Kenya's ministry said.", "Kenyan farmers", "Kenya"),
        (
            "Congressional Republicans blocked the bill, and the Senate adjourned.",
            "Congressional Republicans",
            "Senate",
        ),
    ],
)
def test_groups_are_kept_apart_from_named_actors(nlp, text, group, named):
    actors, _ = run(nlp, text)
    g = check(actors, group, "group", "", {group})
    assert g.name not in aliases(actor(actors, named))
    assert not any(a.name.lower() in {"officials", "farmers", "republicans"} for a in actors)


def test_title_mention_resolves_a_unique_titled_person(nlp):
    text = (
        "Chilean President Marta Rios opened the session. Later the Chilean president left, "
        "and Peruvian President Jorge Salas stayed."
    )
    actors, mentions = run(nlp, text)
    rios = check(actors, "Marta Rios", "person", "president", {"Marta Rios", "Chilean president"})
    assert [m.how for m in mentions if m.actor_id == rios.actor_id] == ["ner", "title"]


def test_every_actor_is_traceable_to_its_mentions(nlp):
    text = (
        "German Chancellor Ida Vogt met NATO leaders in Brussels. Vogt said the alliance "
        "was united. The North Atlantic Treaty Organization later agreed."
    )
    actors, mentions = run(nlp, text)
    doc_text = text
    for a in actors:
        own = [m for m in mentions if m.actor_id == a.actor_id]
        assert a.mentions == len(own) and a.first_start == min(m.start for m in own)
        assert set(a.aliases.split(";")) == {m.text for m in own}
        assert all(doc_text[m.start : m.end] == m.text for m in own)
    assert [a.salience for a in actors] and all(a.salience > 0 for a in actors)
