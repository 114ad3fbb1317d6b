"""Corpus actors: name variants across articles -- a short article's one co-actor, a team nickname
known only as an alias, a city typed an organisation, a site typed an organisation, numbered names.
Rows are (article, name, type[, aliases]); every name is invented."""

from __future__ import annotations

import pandas as pd
import pytest

from newsdossier.batch.story.actors import merge_actors


def _actors(rows: list[tuple[str, ...]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "article": row[0],
                "actor_id": f"A{n:03d}",
                "name": row[1],
                "type": row[2],
                "title": "",
                "aliases": row[3] if len(row) > 3 else row[1],
                "mentions": 2,
            }
            for n, row in enumerate(rows)
        ]
    )


def _same(rows: list[tuple[str, ...]], one: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether the rows (article, name) one and other end in one corpus actor."""
    groups = merge_actors(_actors(rows))
    index = {(row[0], row[1]): i for i, row in enumerate(rows)}
    return groups[index[one]] == groups[index[other]]


# Two people with one given name; the first is seen with the same co-actor in three articles.
GIVEN_NAME = [
    ("v1", "Ilsa Vornholt", "person"),
    ("v1", "Bram Tollet", "person"),
    ("v2", "Ilsa Vornholt", "person"),
    ("v2", "Bram Tollet", "person"),
    ("v3", "Ilsa Vornholt", "person"),
    ("v3", "Bram Tollet", "person"),
    ("q1", "Ilsa Quadrell", "person"),
    ("q1", "Orsk Mining Company", "organization"),
    ("x1", "Ilsa", "person"),  # a short article: its only co-actor is the first one's
    ("x1", "Bram Tollet", "person"),
    ("x2", "Ilsa", "person"),  # two co-actors, one shared: not enough
    ("x2", "Bram Tollet", "person"),
    ("x2", "Kelsund Ferry Company", "organization"),
    ("x3", "Ilsa", "person"),  # its only co-actor is seen with both
    ("x3", "Tarvik Council", "organization"),
    ("v1", "Tarvik Council", "organization"),
    ("q1", "Tarvik Council", "organization"),
]


@pytest.mark.parametrize(
    "article, same",
    [("x1", True), ("x2", False), ("x3", False)],
)
def test_a_short_articles_only_co_actor_decides_between_namesakes(article, same):
    assert _same(GIVEN_NAME, (article, "Ilsa"), ("v1", "Ilsa Vornholt")) is same
    assert not _same(GIVEN_NAME, (article, "Ilsa"), ("q1", "Ilsa Quadrell"))


# A team whose nickname the articles give only as an alias of its full name ("the Gulls").
NICKNAME_STORY = [
    ("g1", "Kestrel Gulls", "organization", "Kestrel Gulls;Gulls"),
    ("g1", "Harlow Rovers", "organization"),
    ("g1", "Ona Tresk", "person"),
    ("g2", "Kestrel", "location"),  # "Kestrel won 2-0": the team, the full name nowhere in the article
    ("g2", "Harlow Rovers", "organization"),
    ("g2", "Ona Tresk", "person"),
    ("g3", "Kestrel Gulls", "organization"),
    ("g3", "Kestrel", "location"),  # beside the full name: the city
    ("g3", "Ona Tresk", "person"),
    ("g4", "Kestrel", "organization"),  # the city's name typed an organisation: the team again
    ("g4", "Harlow Rovers", "organization"),
    ("g4", "Ona Tresk", "person"),
    ("n1", "Kestrel", "location"),  # an unrelated article: the city
    ("n1", "Orsk Mining Company", "organization"),
]


@pytest.mark.parametrize(
    "article, same",
    [("g2", True), ("g3", False), ("g4", True), ("n1", False)],
)
def test_a_city_stands_for_a_team_whose_nickname_is_only_an_alias(article, same):
    assert _same(NICKNAME_STORY, (article, "Kestrel"), ("g1", "Kestrel Gulls")) is same


def test_an_organisation_named_by_a_word_the_corpus_types_no_place_is_no_team():
    rows = [
        ("g1", "Kestrel Gulls", "organization", "Kestrel Gulls;Gulls"),
        ("g1", "Ona Tresk", "person"),
        ("g1", "Harlow Rovers", "organization"),
        ("g2", "Kestrel", "organization"),  # a body of that name: no row types the word a place
        ("g2", "Ona Tresk", "person"),
        ("g2", "Harlow Rovers", "organization"),
    ]
    assert not _same(rows, ("g2", "Kestrel"), ("g1", "Kestrel Gulls"))


# A prison unit the tagger types an organisation; its first word alone typed a place.
SITE_STORY = [
    ("a1", "Varnholt Unit", "organization"),
    ("a1", "Jory Castellan", "person"),
    ("a1", "Wend County", "location"),
    ("a2", "Varnholt", "location"),  # "moved to Varnholt": the unit, by its article's co-actors
    ("a2", "Jory Castellan", "person"),
    ("a2", "Wend County", "location"),
    ("b1", "Varnholt", "location"),  # a town of that name in another story
    ("b1", "Orsk Mining Company", "organization"),
]


@pytest.mark.parametrize("article, same", [("a2", True), ("b1", False)])
def test_a_place_joins_a_site_typed_an_organisation_only_with_its_articles_co_actors(article, same):
    assert _same(SITE_STORY, (article, "Varnholt"), ("a1", "Varnholt Unit")) is same


@pytest.mark.parametrize(
    "longer, same",
    [
        ("State Route 61", True),  # one designation word more in front of a numbered name
        ("State Route 16", False),  # another number: another road
        ("Kelsund Route", False),  # no number: "Route" alone names nothing
    ],
)
def test_a_numbered_name_with_a_word_in_front_is_the_same(longer, same):
    rows = [("a1", "Route 61", "location"), ("a2", longer, "location")]
    assert _same(rows, ("a2", longer), ("a1", "Route 61")) is same


@pytest.mark.parametrize(
    "long_aliases, others, same",
    [
        ("Wend Fumaroles;Fumaroles", [], True),  # its own article calls it by the word
        ("Wend Fumaroles", [], False),  # no article says so, and no co-actor is shared
        ("Wend Fumaroles;Fumaroles", [("c1", "Harlow Fumaroles", "organization")], False),  # two names end so
    ],
)
def test_a_place_joins_the_one_name_it_ends_typed_otherwise_when_that_article_calls_it_so(
    long_aliases, others, same
):
    rows = [
        ("a1", "Wend Fumaroles", "organization", long_aliases),  # the tagger types the site a body
        ("a1", "Orsk Mining Company", "organization"),
        ("a2", "Fumaroles", "location"),
        ("a2", "Jory Castellan", "person"),
        *others,
    ]
    assert _same(rows, ("a2", "Fumaroles"), ("a1", "Wend Fumaroles")) is same
