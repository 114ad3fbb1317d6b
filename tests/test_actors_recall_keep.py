"""The keep model's plain evidence of a work: a named possessor or a lone bracketed year before an
unmarked name; never a person's given name or a span of years."""

from __future__ import annotations

import pytest
from helpers import found_actors
from spacy.tokens import Span

from newsdossier.extract.actors.keep import made_work
from newsdossier.extract.actors.spans import cluster_name
from newsdossier.extract.actors.step import named_clusters


@pytest.mark.parametrize(
    "text, ents, name, work",
    [
        # an author's or a director's possessive before the title
        (
            "The plan follows Anna Varn's Tidewater in its order.",
            [(3, 5, "PERSON"), (6, 7, "ORG")],
            "Tidewater",
            True,
        ),
        (
            "Critics compared it with Tom Reed's Silver Kestrel.",
            [(4, 6, "PERSON"), (7, 9, "PERSON")],
            "Silver Kestrel",
            True,
        ),
        # a lone year in brackets after the name, or closing the brackets the name stands in
        (
            "Much praise went to Silver Kestrel (1806) that spring.",
            [(4, 6, "PERSON")],
            "Silver Kestrel",
            True,
        ),
        ("Her debut (Quiet Rooms, 1959) was a success.", [(3, 5, "ORG")], "Quiet Rooms", True),
        # a given name first: a person introduced by an organisation's possessive
        ("He met the firm's Jane Dorrow at noon.", [(5, 7, "PERSON")], "Jane Dorrow", False),
        # a person's years are a span, not a lone year
        ("The painter Ilse Varga (1901-1980) lived by the sea.", [(2, 4, "PERSON")], "Ilse Varga", False),
        # a surname before a year is an author cited
        ("The study by Marlowe (2009) was cited often.", [(3, 4, "PERSON")], "Marlowe", False),
        # a place's possessive introduces its firms and officials, not a work
        (
            "The contract went to Norway's Brenvik last year.",
            [(4, 5, "GPE"), (6, 7, "ORG")],
            "Brenvik",
            False,
        ),
        ("Shares rose at Lisbon's Tarnova Group.", [(3, 4, "GPE"), (5, 7, "ORG")], "Tarnova Group", False),
        # the possessor itself is no work
        (
            "Critics compared it with Tom Reed's Silver Kestrel.",
            [(4, 6, "PERSON"), (7, 9, "PERSON")],
            "Tom Reed",
            False,
        ),
    ],
)
def test_plain_evidence_of_a_work(nlp, text, ents, name, work):
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    cluster = next(k for k in named_clusters(doc) if cluster_name(doc, k) == name)
    assert made_work(doc, cluster) is work


@pytest.mark.parametrize(
    "text, ents, name, kind",
    [
        # a lone rare proper noun that does something to a person is an organisation (or a person)
        ("Kestrix interviewed him for the weekly series.", [], "Kestrix", "organization"),
        (
            "On Monday Varnolde hired Jane Dorrow as its editor.",
            [(1, 2, "DATE"), (4, 6, "PERSON")],
            "Varnolde",
            "organization",
        ),
        # an everyday word in capitals does not: "Fortune" is no organisation here
        ("Fortune favoured him that winter.", [], "Fortune", None),
        # an object that is no person does not either
        ("Kestrix crossed the valley in the night.", [], "Kestrix", None),
    ],
)
def test_lone_name_acting_on_a_person(nlp, text, ents, name, kind):
    assert found_actors(nlp, text, ents).get(name) == kind
