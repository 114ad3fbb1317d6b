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
        ("Dr. Keith Amadi treated the patients.", "Keith Amadi", "dr."),
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
        ("Kenyan Trade Minister Daniel Otieno was hurt in the blast.", "Kenya", "Kenyan"),
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
        # a capital that acts (a verb's subject) is its government
        ("Canada and Mexico signed the accord. Ottawa says it will ratify the text soon.", "Canada", True),
        ("Greece asked for aid, and Athens warned that the talks would fail.", "Greece", True),
        # anywhere else the city is its own actor: a place, a possessor, a pair after a preposition
        ("Canada hosted the summit. The ministers met in Ottawa on Friday.", "Canada", False),
        ("Mexico signed the deal. Its minister will visit Ottawa next week, Canada said.", "Canada", False),
        ("Talks between Norway and Moscow stalled, and Russia blamed Oslo.", "Russia", False),
        ("Greece asked for aid. Crowds filled Athens's old streets on Friday.", "Greece", False),
        ("Oslo, Norway - The minister said on Friday that Norway would sign the pact.", "Norway", False),
        ("PRESS NOTE\n\nOslo, Norway–The minister said on Friday that Norway would sign.", "Norway", False),
    ],
)
def test_capital_is_its_country_only_when_it_acts(nlp, text, country, capital_merged):
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


# --- word lists as data -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["alpha beta alpha", "chair\nchair"])
def test_a_word_list_refuses_a_repeated_entry(text):
    from newsdossier.extract.lexicon.load import LexiconError, _word_list

    with pytest.raises(LexiconError, match="listed twice"):
        _word_list(text, "titles.toml [heads]")


@pytest.mark.parametrize(
    "name, country",
    [
        ("Russian Federation", "Russia"),  # an ISO name from pycountry
        ("U. S.", "United States"),  # spaced initials
        ("Mongolia", "Mongolia"),  # a country only pycountry lists
    ],
)
def test_country_names_come_from_the_gazetteer(name, country):
    assert lexicon.country_named(name).name == country


# --- recall beyond NER --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        (
            "She trained at the Northfield Flight School before the war.",
            [],
            "Northfield Flight School",
            "organization",
        ),
        (
            "The body was buried in Brantley Hill Cemetery last week.",
            [],
            "Brantley Hill Cemetery",
            "location",
        ),
        ("He moved from Boston to Cincinnati in May.", [(3, 4, "GPE")], "Cincinnati", "location"),
    ],
)
def test_names_ner_missed_are_found(nlp, text, ents, name, kind):
    actors, mentions = run(nlp, text, ents)
    a = actor(actors, name)
    assert a.type == kind
    assert [m.how for m in mentions if m.actor_id == a.actor_id] == ["rule"]


# --- types from the name's head and context -----------------------------------------------------


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # a facility read as an organisation, or as a person
        (
            "Visitors queued outside the Halvorsen Museum on Sunday.",
            [(4, 6, "ORG")],
            "Halvorsen Museum",
            "location",
        ),
        ("The train left Hartwell Station at noon.", [(3, 5, "PERSON")], "Hartwell Station", "location"),
        # an organisation head read as a place or a person
        (
            "Ana Ruiz joined the Ministry of Fisheries in 2001.",
            [(0, 2, "PERSON"), (4, 7, "GPE")],
            "Ministry of Fisheries",
            "organization",
        ),
        (
            "Tom Eck left Harwood School early.",
            [(0, 2, "PERSON"), (3, 5, "PERSON")],
            "Harwood School",
            "organization",
        ),
        # a person read as an organisation: a given name, a title
        ("The jury praised Gregory Tallis for the design.", [(3, 5, "ORG")], "Gregory Tallis", "person"),
        ("The jury praised Jean-Paul Roux for the design.", [(3, 7, "ORG")], "Jean-Paul Roux", "person"),
        ("The award went to Professor Okonjo last year.", [(5, 6, "ORG")], "Okonjo", "person"),
        # a gazetteer city read as a person, when no one in the text has that name
        ("Floods reached Nagoya overnight.", [(2, 3, "PERSON")], "Nagoya", "location"),
    ],
)
def test_type_from_head_word_title_and_gazetteer(nlp, text, ents, name, kind):
    actors, _ = run(nlp, text, ents)
    assert actor(actors, name).type == kind


def test_a_surname_that_is_a_head_word_stays_a_person(nlp):
    actors, _ = run(nlp, "Maria Hall won the vote.", [(0, 2, "PERSON")])
    assert actor(actors, "Maria Hall").type == "person"


# --- scope: things that are not actors ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, ents, thing",
    [
        ("She won the Golden Quill Award in 2010.", [(3, 6, "ORG")], "Golden Quill Award"),
        ("Athletes arrived for the Northern Winter Games.", [(4, 7, "ORG")], "Northern Winter Games"),
        (
            "He starred in the film Silent Harbour with Ana Ruiz.",
            [(5, 7, "ORG"), (8, 10, "PERSON")],
            "Silent Harbour",
        ),
        ("Her debut, Glass Rivers (2004), sold well.", [(3, 5, "ORG")], "Glass Rivers"),
        ("Fans loved “Moon Tide” more than anyone expected.", [(3, 5, "ORG")], "Moon Tide"),
        ("The Spacecraft Pathway reached orbit.", [(1, 3, "ORG")], "Spacecraft Pathway"),
        (
            "Career\n\nShe studied Linguistics and later taught linguistics.",
            [(0, 1, "ORG"), (4, 5, "ORG")],
            "Linguistics",
        ),
    ],
)
def test_works_awards_events_and_common_words_are_not_actors(nlp, text, ents, thing):
    actors, _ = run(nlp, text, ents)
    assert thing not in {a.name for a in actors}
    assert "Career" not in {a.name for a in actors}


# --- boundaries ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, ents, names",
    [
        # a caption word after a name
        ("The Harbour Bridge Image was taken at dawn.", [(1, 4, "FAC")], {"Harbour Bridge"}),
        # letters after a person's name
        ("Jane Doe FRS gave the lecture.", [(0, 3, "PERSON")], {"Jane Doe"}),
        # two places joined by a comma
        ("They sailed to Brennow Bay, Kestrel Colony.", [(3, 8, "GPE")], {"Brennow Bay", "Kestrel Colony"}),
        # an organisation glued to the next person's name
        (
            "Ana Ruiz spoke. The Council on Coastal Relations Ana Ruiz agreed.",
            [(0, 2, "PERSON"), (5, 11, "ORG")],
            {"Ana Ruiz", "Council on Coastal Relations"},
        ),
    ],
)
def test_name_boundaries_are_repaired(nlp, text, ents, names):
    actors, mentions = run(nlp, text, ents)
    assert {a.name for a in actors} == names
    assert all(m.text in names for m in mentions)


# --- merging variants and generic references ----------------------------------------------------


@pytest.mark.parametrize(
    "text, ents, name, forms",
    [
        (
            "Zoë Aalto spoke first. Later Zoe Aalto left.",
            [(0, 2, "PERSON"), (6, 8, "PERSON")],
            "Zoë Aalto",
            {"Zoë Aalto", "Zoe Aalto"},
        ),
        (
            "Tanaka Hiroshi arrived. Hiroshi Tanaka spoke.",
            [(0, 2, "PERSON"), (3, 5, "PERSON")],
            "Tanaka Hiroshi",
            {"Tanaka Hiroshi", "Hiroshi Tanaka"},
        ),
        (
            "Saint Brendan sailed west. St. Brendan returned.",
            [(0, 2, "PERSON"), (5, 7, "PERSON")],
            "Brendan",
            {"Brendan"},
        ),
    ],
)
def test_spelling_variants_merge(nlp, text, ents, name, forms):
    actors, _ = run(nlp, text, ents)
    people = [a for a in actors if a.type == "person"]
    assert len(people) == 1 and people[0].name == name and aliases(people[0]) == forms


@pytest.mark.parametrize(
    "text, org, generic",
    [
        (
            "The Northern Space Agency launched a probe. The agency said it was working.",
            "Northern Space Agency",
            "agency",
        ),
        (
            "The Harlow Mining Company closed a pit. The company blamed prices.",
            "Harlow Mining Company",
            "company",
        ),
    ],
)
def test_generic_reference_joins_the_named_organisation(nlp, text, org, generic):
    actors, mentions = run(nlp, text)
    a = actor(actors, org)
    own = [m for m in mentions if m.actor_id == a.actor_id]
    assert [m.text for m in own] == [org, generic]
    assert a.name == org  # the generic word never names the actor


# --- titles and roles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, title, roles",
    [
        (
            "Senator Ana Ruiz opened the debate. Later, Ruiz, the committee chair, closed it.",
            "Ana Ruiz",
            "senator",
            "senator;committee chair",
        ),
        ("The Society thanks its Chair, Tom Becker, for his work.", "Tom Becker", "chair", "chair"),
        ("Nadia Farah is the director of the institute.", "Nadia Farah", "director", "director"),
    ],
)
def test_title_nearest_the_first_full_mention_and_every_role(nlp, text, name, title, roles):
    actors, _ = run(nlp, text)
    a = actor(actors, name)
    assert (a.title, a.roles) == (title, roles)


@pytest.mark.parametrize(
    "text, ents, gone",
    [
        ("The index closed at 16:00 UTC on Friday.", [(5, 6, "ORG")], "UTC"),
        ("The fund raised USD 40 million.", [(3, 4, "ORG")], "USD"),
        ("Fans queued for the new iPod Mini all night.", [(5, 7, "ORG")], "iPod Mini"),
    ],
)
def test_codes_and_products_are_not_actors(nlp, text, ents, gone):
    actors, _ = run(nlp, text, ents)
    assert gone not in {a.name for a in actors}


@pytest.mark.parametrize(
    "text, ents, name, forms",
    [
        # a short form that starts exactly one longer organisation name
        (
            "Harlow Eastern Airlines bought jets. Harlow Eastern said more would follow.",
            [(0, 3, "ORG"), (6, 8, "ORG")],
            "Harlow Eastern Airlines",
            {"Harlow Eastern Airlines", "Harlow Eastern"},
        ),
        # a lone word NER read as a person that starts one organisation's name
        (
            "Granger Capital Management bought the firm. Granger declined to comment.",
            [(0, 3, "ORG"), (7, 8, "PERSON")],
            "Granger Capital Management",
            {"Granger Capital Management", "Granger"},
        ),
        # an organisation completed over "and" by a capitalised run ending in a head word
        (
            "The Northern Aviation and Space Company won the bid.",
            [(1, 3, "ORG")],
            "Northern Aviation and Space Company",
            {"Northern Aviation and Space Company"},
        ),
    ],
)
def test_organisation_forms_merge(nlp, text, ents, name, forms):
    actors, _ = run(nlp, text, ents)
    assert aliases(actor(actors, name)) == forms


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        ("Delegates met at the Harlow Center.", [(4, 6, "ORG")], "Harlow Center", "location"),
        (
            "She joined the Center for Coastal Study.",
            [(3, 7, "ORG")],
            "Center for Coastal Study",
            "organization",
        ),
        ("Tickets for the Monkees sold out.", [(3, 4, "PERSON")], "Monkees", "organization"),
        (
            "St. Brendan sailed west. Brendan returned in May.",
            [(0, 2, "GPE"), (5, 6, "PERSON")],
            "Brendan",
            "person",
        ),
    ],
)
def test_type_from_how_the_name_ends(nlp, text, ents, name, kind):
    actors, _ = run(nlp, text, ents)
    assert actor(actors, name).type == kind


def test_a_place_unknown_to_the_gazetteer_joins_the_one_longer_place_it_starts(nlp):
    text = "They stayed in Brennow Terme for a week. Brennow was quiet, unlike Oakland and Oakland Harbor."
    ents = [(3, 5, "GPE"), (9, 10, "GPE"), (14, 15, "GPE"), (16, 18, "GPE")]
    actors, _ = run(nlp, text, ents)
    assert aliases(actor(actors, "Brennow Terme")) == {"Brennow Terme", "Brennow"}
    assert aliases(actor(actors, "Oakland")) == {"Oakland"}  # a known city stays apart from its harbour


@pytest.mark.parametrize(
    "text, ents, gone",
    [
        ("Readers flocked to Harbourwatch.com after the leak.", [(3, 4, "ORG")], "Harbourwatch.com"),
        ("Cases of COVID-19 rose in Lima.", [(2, 3, "PERSON")], "COVID-19"),
    ],
)
def test_websites_and_diseases_are_not_actors(nlp, text, ents, gone):
    actors, _ = run(nlp, text, ents)
    assert gone not in {a.name for a in actors}


@pytest.mark.parametrize(
    "text, ents, name, forms",
    [
        (
            "Dean Kamen spoke. Kamen said the robot works. Later Dean Kamin left.",
            [(0, 2, "PERSON"), (4, 5, "PERSON"), (11, 13, "PERSON")],
            "Dean Kamen",
            {"Dean Kamen", "Kamen", "Dean Kamin"},
        ),
        (
            "The Ardmore Institute opened. The Ardmare Institute hired staff, and the Ardmore Institute grew.",
            [(1, 3, "ORG"), (6, 8, "ORG"), (13, 15, "ORG")],
            "Ardmore Institute",
            {"Ardmore Institute", "Ardmare Institute"},
        ),
    ],
)
def test_misspellings_merge(nlp, text, ents, name, forms):
    actors, _ = run(nlp, text, ents)
    assert aliases(actor(actors, name)) == forms
