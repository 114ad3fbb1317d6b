"""Actors in news: people NER reads as places, sites or bodies, and places read as people."""

from __future__ import annotations

import pytest
from helpers import found_actors


def _ents(nlp, text: str, marked: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Token spans (start, end, label) of each phrase, at its n-th occurrence when written "phrase#n"."""
    doc = nlp(text)
    spans = []
    for phrase, label in marked:
        phrase, _, nth = phrase.partition("#")
        at = -1
        for _ in range(int(nth or 1)):
            at = text.index(phrase, at + 1)
        span = doc.char_span(at, at + len(phrase))
        assert span is not None, phrase
        spans.append((span.start, span.end, label))
    return spans


def _found(nlp, text: str, marked: list[tuple[str, str]]) -> dict[str, str]:
    """Actor name -> type, with the marked phrases as NER's entities."""
    return found_actors(nlp, text, _ents(nlp, text, marked))


@pytest.mark.parametrize(
    "text, marked, name, kind",
    [
        # a surname read as a site or a location is the person's, as an ORG or GPE label is
        (
            "Dana Kowalczyk won the vote. Voters turned away from Kowalczyk and his allies.",
            [("Dana Kowalczyk", "PERSON"), ("Kowalczyk#2", "FAC")],
            "Dana Kowalczyk",
            "person",
        ),
        (
            "Dana Kowalczyk won the vote. Voters turned away from Kowalczyk and his allies.",
            [("Dana Kowalczyk", "PERSON"), ("Kowalczyk#2", "LOC")],
            "Dana Kowalczyk",
            "person",
        ),
        # "Ms. X" makes X a surname: the full name NER read as an organisation is hers
        (
            "Ms. Brandvold left the country in May. Officials said Tamsin Brandvold had no record.",
            [("Brandvold", "PERSON"), ("Tamsin Brandvold", "ORG")],
            "Tamsin Brandvold",
            "person",
        ),
    ],
)
def test_surname_read_as_place_or_body(nlp, text, marked, name, kind):
    found = _found(nlp, text, marked)
    assert found.get(name) == kind
    assert set(found) == {name}


@pytest.mark.parametrize(
    "text, marked, name, kind",
    [
        # a given name that is also a town, and a surname in "s": no team when NER says a person ...
        (
            "The fund took money from investors George Pellinos and others.",
            [("George Pellinos", "PERSON")],
            "George Pellinos",
            "person",
        ),
        # ... or when the "s" makes no plural of a common noun
        (
            "The party handed power to Blaine Trevors' supporters last year.",
            [("Blaine Trevors", "ORG")],
            "Blaine Trevors",
            "person",
        ),
        # a town and the plural of a common noun stay a team
        (
            "The trophy went to the Denver Hawks last year.",
            [("Denver Hawks", "GPE")],
            "Denver Hawks",
            "organization",
        ),
    ],
)
def test_team_shape_or_person(nlp, text, marked, name, kind):
    assert _found(nlp, text, marked).get(name) == kind


@pytest.mark.parametrize(
    "text, marked, name, kind",
    [
        # a middle initial does not stop a full name from looking personal
        (
            "Voters chose Harold T. Vennicombe in the end.",
            [("Harold T. Vennicombe", "ORG")],
            "Harold T. Vennicombe",
            "person",
        ),
        # a full name coordinated with a person's full name is a person too
        (
            "The report was written by Marta Okonkwo and Ilsabet Travnicek of the paper.",
            [("Marta Okonkwo", "PERSON"), ("Ilsabet Travnicek", "ORG")],
            "Ilsabet Travnicek",
            "person",
        ),
        # ... a list whose "person" opens with no given name says nothing
        (
            "Firms including Travnicek Okonkwo, Brellin Vask and others opened offices.",
            [("Travnicek Okonkwo", "ORG"), ("Brellin Vask", "PERSON")],
            "Travnicek Okonkwo",
            "organization",
        ),
        # ... nor an organisation's name with a head word
        (
            "The report was written by Marta Okonkwo and Travnicek Partners.",
            [("Marta Okonkwo", "PERSON"), ("Travnicek Partners", "ORG")],
            "Travnicek Partners",
            "organization",
        ),
        # a name opening with a continent, where only a place can stand, is a region
        (
            "He set out on a journey through Vellaria and Asia Superior into the hills.",
            [("Vellaria", "GPE"), ("Asia Superior", "GPE")],
            "Asia Superior",
            "location",
        ),
        # a given name that is a continent, beside a person, stays a person
        (
            "The film starred Asia Varelli and Marta Okonkwo.",
            [("Asia Varelli", "PERSON"), ("Marta Okonkwo", "PERSON")],
            "Asia Varelli",
            "person",
        ),
    ],
)
def test_full_names(nlp, text, marked, name, kind):
    assert _found(nlp, text, marked).get(name) == kind


@pytest.mark.parametrize(
    "text, marked, name, kind",
    [
        # a region a gazetteer lists, read as a person, is the place
        (
            "Tasmania says its clinics are full. Doctors in Tasmania agree.",
            [("Tasmania", "PERSON"), ("Tasmania#2", "GPE")],
            "Tasmania",
            "location",
        ),
        # a site named after a titled person is a place, its title part of its name
        (
            "The line runs from King Orvan Station to the river.",
            [("Orvan Station", "PERSON")],
            "King Orvan Station",
            "location",
        ),
        (
            "Flights left Jane Pellow Airport late.",
            [("Jane Pellow Airport", "PERSON")],
            "Jane Pellow Airport",
            "location",
        ),
        # a surname that is a place head stays the person's ("Professor X Hall")
        (
            "Professor Stuart Kellings Hall spoke first.",
            [("Stuart Kellings Hall", "PERSON")],
            "Stuart Kellings Hall",
            "person",
        ),
    ],
)
def test_places_read_as_people(nlp, text, marked, name, kind):
    assert _found(nlp, text, marked).get(name) == kind


@pytest.mark.parametrize(
    "text, marked, name, kind",
    [
        # a one-word name before a role and a person's name is the body the person works for
        (
            "With Quillpost, she spoke at length. The questions came from Quillpost reporter Jane Doe.",
            [("Quillpost", "PERSON"), ("Quillpost#2", "ORG"), ("Jane Doe", "PERSON")],
            "Quillpost",
            "organization",
        ),
        (
            "Shares fell after Brellix chief executive Jo Marten resigned.",
            [("Brellix", "PERSON"), ("Jo Marten", "PERSON")],
            "Brellix",
            "organization",
        ),
        # a person the text names in full stays a person ("Doe adviser X")
        (
            "Kim Varlow won. Varlow adviser Jo Marten said so.",
            [("Kim Varlow", "PERSON"), ("Varlow#2", "PERSON"), ("Jo Marten", "PERSON")],
            "Kim Varlow",
            "person",
        ),
    ],
)
def test_affiliation_before_a_role(nlp, text, marked, name, kind):
    assert _found(nlp, text, marked).get(name) == kind


@pytest.mark.parametrize(
    "text, marked, name, kind",
    [
        # initials read as a place are a body, unless a country or a region has them
        (
            "Officials at the KPLA said the KPLA would appeal. The KPLA has not lost before.",
            [("KPLA", "GPE"), ("KPLA#2", "GPE"), ("KPLA#3", "GPE")],
            "KPLA",
            "organization",
        ),
        (
            "Divers from the F.B.K. searched the lake. The F.B.K. found nothing.",
            [("F.B.K.", "GPE"), ("F.B.K.#2", "GPE")],
            "F.B.K.",
            "organization",
        ),
        (
            "She grew up in Albany, N.Y., and moved away. She never went back to N.Y. again.",
            [("Albany", "GPE"), ("N.Y.", "GPE"), ("N.Y.#2", "GPE")],
            "N.Y.",
            "location",
        ),
        # a name said to be a body, read as a place, is the body
        (
            "Brellcom is the parent company of Quillpost. Brellcom bought it in May.",
            [("Brellcom", "GPE"), ("Quillpost", "ORG"), ("Brellcom#2", "GPE")],
            "Brellcom",
            "organization",
        ),
        (
            "The money went to Vantrell Sorvik, a firm owned by a donor, and to nobody else.",
            [("Vantrell Sorvik", "FAC")],
            "Vantrell Sorvik",
            "organization",
        ),
        # a place said to be a place stays one
        (
            "Korvia is the largest city in the region. Korvia grew fast.",
            [("Korvia", "GPE"), ("Korvia#2", "GPE")],
            "Korvia",
            "location",
        ),
    ],
)
def test_bodies_read_as_places(nlp, text, marked, name, kind):
    assert _found(nlp, text, marked).get(name) == kind


@pytest.mark.parametrize(
    "text, marked, name, kind",
    [
        # an age set off after a name makes it a person's
        (
            "A passerby found Tavrin Oskel, 17, near the river on Monday.",
            [("Tavrin Oskel", "GPE")],
            "Tavrin Oskel",
            "person",
        ),
        (
            "The driver, Korbel, 43, was not hurt.",
            [("Korbel", "ORG")],
            "Korbel",
            "person",
        ),
        # a place before a number is no age ("Korvia, 1990,")
        (
            "Born in Korvia, 1990, she left early.",
            [("Korvia", "GPE")],
            "Korvia",
            "location",
        ),
    ],
)
def test_age_after_a_name(nlp, text, marked, name, kind):
    assert _found(nlp, text, marked).get(name) == kind


@pytest.mark.parametrize(
    "text, marked, name",
    [
        # a word in capitals inside a dateline's run of capitals is no body's initials
        ("DES VORLAN — Officials met on Monday in the city hall.", [("VORLAN", "GPE")], "VORLAN"),
    ],
)
def test_dateline_capitals_are_no_initials(nlp, text, marked, name):
    assert _found(nlp, text, marked).get(name) != "organization"


def _titles(nlp, text: str, marked: list[tuple[str, str]]) -> dict[str, str]:
    """Actor name -> title, with the marked phrases as NER's entities."""
    from spacy.tokens import Span

    from newsdossier.extract.actors import extract_actors
    from newsdossier.text.nlp import sentences

    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in _ents(nlp, text, marked)]
    actors, _ = extract_actors(doc, sents=sentences(doc))
    return {a.name: a.title for a in actors}


@pytest.mark.parametrize(
    "text, marked, name, title",
    [
        # a stand towards someone is no position held
        ("Her opponent, Marta Okonkwo, said little.", [("Marta Okonkwo", "PERSON")], "Marta Okonkwo", ""),
        ("A supporter, Jo Marten, waved a flag.", [("Jo Marten", "PERSON")], "Jo Marten", ""),
        # a plain word for a person is no role, the agent ending of one is
        (
            "The woman, Tamsin Brandvold, left early.",
            [("Tamsin Brandvold", "PERSON")],
            "Tamsin Brandvold",
            "",
        ),
        (
            "The chairwoman, Tamsin Brandvold, left early.",
            [("Tamsin Brandvold", "PERSON")],
            "Tamsin Brandvold",
            "chairwoman",
        ),
    ],
)
def test_no_title_from_relations(nlp, text, marked, name, title):
    assert _titles(nlp, text, marked).get(name) == title


@pytest.mark.parametrize(
    "text, name, kind, title",
    [
        # a role read from inside a hyphenated word keeps no leading hyphen
        (
            "Two donors, Tom Varlow and hedge-fund manager Jo Marten, top the list.",
            "Jo Marten",
            "person",
            "fund manager",
        ),
        # "Services" heads a firm's name: a rank word at its start ("Private") splits off no person
        (
            "Greg Tarlow, chief executive officer of Private Kestrel Services, an aviation firm, said so.",
            "Private Kestrel Services",
            "organization",
            "",
        ),
    ],
)
def test_role_and_firm_edges(nlp, text, name, kind, title):
    from newsdossier.extract.actors import extract_actors
    from newsdossier.text.nlp import sentences

    doc = nlp(text)
    actors, _ = extract_actors(doc, sents=sentences(doc))
    found = {a.name: (a.type, a.title) for a in actors}
    assert found.get(name) == (kind, title)
