"""Corpus actors: each cross-article merge rule on a small made-up corpus, and the namesakes it must keep
apart. Rows are (article, name, type); every name is invented."""

from __future__ import annotations

import pandas as pd
import pytest

from newsdossier.batch.story.actors import corpus_actors, merge_actors


def _actors(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "article": a,
                "actor_id": f"A{n:03d}",
                "name": name,
                "type": kind,
                "title": "",
                "aliases": name,
                "mentions": 2,
            }
            for n, (a, name, kind) in enumerate(rows)
        ]
    )


def _same(rows: list[tuple[str, str, str]], one: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether the rows (article, name) one and other end in one corpus actor."""
    groups = merge_actors(_actors(rows))
    index = {(a, name): i for i, (a, name, _) in enumerate(rows)}
    return groups[index[one]] == groups[index[other]]


# Two namesakes in two unrelated stories: a ferry strike and a chess final.
NAMESAKES = [
    ("f1", "Dana Quorvik", "person"),
    ("f1", "Harbour Workers Union", "organization"),
    ("f1", "Kelsund", "location"),
    ("f2", "Dana Quorvik", "person"),
    ("f2", "Harbour Workers Union", "organization"),
    ("c1", "Ilse Quorvik", "person"),
    ("c1", "Tarnby Chess Club", "organization"),
    ("c1", "Vossa", "location"),
    ("f3", "Quorvik", "person"),
    ("f3", "Harbour Workers Union", "organization"),
    ("f3", "Kelsund", "location"),
    ("c2", "Quorvik", "person"),
    ("c2", "Tarnby Chess Club", "organization"),
    ("c2", "Vossa", "location"),
    ("x1", "Quorvik", "person"),  # an article with nothing else to go by
]


@pytest.mark.parametrize(
    "one, other, same",
    [
        (("f3", "Quorvik"), ("f1", "Dana Quorvik"), True),  # the strike's co-actors
        (("c2", "Quorvik"), ("c1", "Ilse Quorvik"), True),  # the chess club's
        (("f3", "Quorvik"), ("c2", "Quorvik"), False),  # one surname, two people
        (("x1", "Quorvik"), ("f1", "Dana Quorvik"), False),  # no evidence: stays on its own
        (("x1", "Quorvik"), ("c1", "Ilse Quorvik"), False),
    ],
)
def test_a_shared_surname_goes_to_the_namesake_its_article_shares_co_actors_with(one, other, same):
    assert _same(NAMESAKES, one, other) is same


def test_namesakes_in_one_story_stay_apart_when_the_co_actors_do_not_tell():
    rows = [
        ("a1", "Jon Brask", "person"),
        ("a1", "Eli Brask", "person"),
        ("a1", "Kelsund Ferry Company", "organization"),
        ("a2", "Brask", "person"),
        ("a2", "Kelsund Ferry Company", "organization"),
    ]
    assert not _same(rows, ("a2", "Brask"), ("a1", "Jon Brask"))
    assert not _same(rows, ("a2", "Brask"), ("a1", "Eli Brask"))


def test_a_surname_typed_a_place_joins_the_person_only_with_its_articles_co_actors():
    rows = [
        ("a1", "Mirek Talvo", "person"),
        ("a1", "Harbour Gulls", "organization"),
        ("a1", "Kelsund", "location"),
        ("a2", "Talvo", "location"),  # the tagger's mistake: a player's surname as a place
        ("a2", "Harbour Gulls", "organization"),
        ("a2", "Kelsund", "location"),
        ("b1", "Talvo", "location"),  # a village of that name in another story
        ("b1", "Orsk Mining Company", "organization"),
    ]
    assert _same(rows, ("a2", "Talvo"), ("a1", "Mirek Talvo"))
    assert not _same(rows, ("b1", "Talvo"), ("a1", "Mirek Talvo"))


@pytest.mark.parametrize(
    "headline, kind, joins",
    [
        ("Ona Tresk Checks Into Clinic", "organization", ("a1", "Ona Tresk")),
        ("Gulls Top Rovers To Reach Final", "person", ("a1", "Gulls")),
        ("Ona Tresk Foundation", "organization", None),  # no headline case: another actor
    ],
)
def test_a_headline_read_as_a_name_joins_the_actor_it_opens_with(headline, kind, joins):
    rows = [
        ("a1", "Ona Tresk", "person"),
        ("a1", "Gulls", "organization"),
        ("a2", headline, kind),
    ]
    if joins:
        assert _same(rows, ("a2", headline), joins)
    else:
        assert not _same(rows, ("a2", headline), ("a1", "Ona Tresk"))


@pytest.mark.parametrize(
    "short, long, same",
    [
        ("Brennow", "Brennow Recovery Center", True),  # a facility's first word
        ("Committee", "Harbour Workers Committee", False),  # a generic head alone: which committee?
        ("Malta", "Malta Recovery Center", False),  # a known country stays itself
        ("Greek", "Greek Workers Party", False),  # a demonym is no short form
    ],
)
def test_a_facility_is_named_by_its_first_word(short, long, same):
    rows = [("a1", long, "location"), ("a2", short, "location")]
    assert _same(rows, ("a2", short), ("a1", long)) is same


def test_a_facility_with_a_place_in_front_of_a_known_name_is_not_that_place():
    rows = [
        ("a1", "Brennow Treatment Center", "location"),
        ("a2", "Larkhill Brennow Treatment Center", "location"),
        ("a3", "Larkhill", "location"),
    ]
    assert not _same(rows, ("a3", "Larkhill"), ("a1", "Brennow Treatment Center"))


TEAM_STORY = [
    ("g1", "Kestrel Gulls", "organization"),
    ("g1", "Harlow Rovers", "organization"),
    ("g1", "Ona Tresk", "person"),
    ("g2", "Gulls", "organization"),
    ("g2", "Kestrel", "location"),  # "Kestrel beat Harlow": the team
    ("g2", "Ona Tresk", "person"),
    ("g2", "Harlow Rovers", "organization"),
    ("g3", "Kestrel Gulls", "organization"),
    ("g3", "Kestrel", "location"),  # named beside the team's full name: the city
    ("g3", "Ona Tresk", "person"),
    ("n1", "Kestrel", "location"),  # an unrelated article: the city
    ("n1", "Orsk Mining Company", "organization"),
]


@pytest.mark.parametrize(
    "place, same",
    [(("g2", "Kestrel"), True), (("g3", "Kestrel"), False), (("n1", "Kestrel"), False)],
)
def test_a_city_named_for_its_team_joins_the_team_only_in_the_teams_stories(place, same):
    assert _same(TEAM_STORY, place, ("g1", "Kestrel Gulls")) is same


def test_a_countrys_names_are_one_place():
    rows = [("a1", "United States", "location"), ("a2", "U.S.", "location"), ("a3", "America", "location")]
    assert _same(rows, ("a2", "U.S."), ("a1", "United States"))
    assert _same(rows, ("a3", "America"), ("a1", "United States"))


def test_a_two_word_city_is_decided_per_article_too():
    rows = [
        ("g1", "Port Kestrel Gulls", "organization"),
        ("g1", "Harlow Rovers", "organization"),
        ("g1", "Ona Tresk", "person"),
        ("g2", "Gulls", "organization"),
        ("g2", "Port Kestrel", "location"),  # the team
        ("g2", "Harlow Rovers", "organization"),
        ("g2", "Ona Tresk", "person"),
        ("g3", "Port Kestrel Gulls", "organization"),
        ("g3", "Port Kestrel", "location"),  # the city, beside the team's full name
        ("g3", "Ona Tresk", "person"),
    ]
    assert _same(rows, ("g2", "Port Kestrel"), ("g1", "Port Kestrel Gulls"))
    assert not _same(rows, ("g3", "Port Kestrel"), ("g1", "Port Kestrel Gulls"))


@pytest.mark.parametrize(
    "clip, article, same",
    [
        ("Maras", "g2", True),  # a clipped plural, in the team's story
        ("Maras", "n1", False),  # the same letters elsewhere
        ("Paris", "g2", False),  # a known place is no clipping ("Paris" of "Parisians")
    ],
)
def test_a_clipped_plural_joins_the_team_in_its_story(clip, article, same):
    rows = [
        ("g1", "Kestrel Marauders", "organization"),
        ("g1", "Kestrel Parisians", "organization"),
        ("g1", "Harlow Rovers", "organization"),
        ("g1", "Ona Tresk", "person"),
        ("g2", clip, "organization"),
        ("g2", "Harlow Rovers", "organization"),
        ("g2", "Ona Tresk", "person"),
        ("n1", clip, "organization"),
        ("n1", "Orsk Mining Company", "organization"),
    ]
    team = "Kestrel Parisians" if clip == "Paris" else "Kestrel Marauders"
    assert _same(rows, (article, clip), ("g1", team)) is same


def test_only_a_place_stands_for_a_team():
    rows = [
        ("g1", "WXB IKO", "organization"),  # one row for two bodies ("the WXB and IKO titles")
        ("g1", "IKO", "organization"),
        ("g1", "Ona Tresk", "person"),
        ("g1", "Harlow Rovers", "organization"),
        ("g2", "WXB", "organization"),
        ("g2", "Ona Tresk", "person"),
        ("g2", "Harlow Rovers", "organization"),
    ]
    assert not _same(rows, ("g2", "WXB"), ("g1", "IKO"))


@pytest.mark.parametrize(
    "others, same",
    [
        ([], True),  # one word more before the head word: the same place
        ([("a3", "Brennow Art Center", "location")], False),  # two longer names: which one?
    ],
)
def test_a_name_with_a_modifier_before_its_head_word_is_the_same_place(others, same):
    rows = [("a1", "Brennow Center", "location"), ("a2", "Brennow Treatment Center", "location"), *others]
    assert _same(rows, ("a1", "Brennow Center"), ("a2", "Brennow Treatment Center")) is same


def test_a_natural_feature_is_not_named_by_its_first_word():
    rows = [("a1", "Brennow Valley", "location"), ("a2", "Brennow", "location")]  # the town, the valley
    assert not _same(rows, ("a2", "Brennow"), ("a1", "Brennow Valley"))


@pytest.mark.parametrize(
    "names, articles, aliases, shown",
    [
        # three articles know only the nickname, one names the person and gives it as an alias
        (
            ["The Lamplighter", "The Lamplighter", "The Lamplighter", "Oren Vasko"],
            ["n1", "n2", "n3", "n4"],
            ["The Lamplighter", "The Lamplighter", "The Lamplighter", "Oren Vasko; The Lamplighter"],
            "Oren Vasko",
        ),
        # no alias cue: the form most articles report stands
        (
            ["Marra Quell", "Marra Quell", "Marra T. Quell"],
            ["m1", "m2", "m3"],
            ["Marra Quell", "Marra Quell; Quell", "Marra T. Quell"],
            "Marra Quell",
        ),
    ],
)
def test_a_corpus_actor_is_shown_under_its_name_not_an_alias(names, articles, aliases, shown):
    from newsdossier.batch.story.actors import best_name

    assert best_name(names, articles, aliases) == shown


@pytest.mark.parametrize(
    "other, same",
    [
        ("Kestrel Harbour Centre 2", True),  # a spelling variant of one numbered name
        ("Kestrel Harbour Center 3", False),  # another number: another place
        ("Kestrel Harbour Center 12", False),
    ],
)
def test_numbered_names_are_spelling_variants_only_with_the_same_number(other, same):
    rows = [("a1", "Kestrel Harbour Center 2", "location"), ("a2", other, "location")]
    assert _same(rows, ("a1", "Kestrel Harbour Center 2"), ("a2", other)) is same


def test_a_player_named_with_his_position_is_the_same_player():
    rows = [
        ("a1", "Dana Quill", "person"),
        ("a1", "Harlow Hawks", "organization"),
        ("a2", "Kicker Dana Quill", "person"),
        ("a3", "Harlow Hawks QB Ona Tresk", "person"),
        ("a4", "Ona Tresk", "person"),
        ("a5", "Harlow Hawks Defensive Tackle", "organization"),
    ]
    assert _same(rows, ("a2", "Kicker Dana Quill"), ("a1", "Dana Quill"))
    assert _same(rows, ("a3", "Harlow Hawks QB Ona Tresk"), ("a4", "Ona Tresk"))
    assert _same(rows, ("a5", "Harlow Hawks Defensive Tackle"), ("a1", "Harlow Hawks"))
    assert not _same(rows, ("a3", "Harlow Hawks QB Ona Tresk"), ("a1", "Harlow Hawks"))


def test_a_position_read_as_a_given_name_makes_no_namesake():
    # "Guard Quill" is Quill the player, not a second Quill beside Dana Quill to tell apart
    rows = [
        ("a1", "Dana Quill", "person"),
        ("a2", "Guard Quill", "person"),
        ("a3", "Quill", "person"),
    ]
    assert _same(rows, ("a3", "Quill"), ("a1", "Dana Quill"))
    assert _same(rows, ("a2", "Guard Quill"), ("a1", "Dana Quill"))


def test_a_player_is_shown_under_his_name_without_the_position():
    rows = [
        ("a1", "Kicker Dana Quill", "person"),
        ("a2", "Kicker Dana Quill", "person"),
        ("a3", "Dana Quill", "person"),
        ("a4", "Harbour Gulls Defensive Tackle", "organization"),
    ]
    _, found = corpus_actors(_actors(rows), {})
    assert sorted(a.name for a in found) == ["Dana Quill", "Harbour Gulls"]


def test_a_team_is_shown_under_its_own_name_not_its_citys():
    rows = [("t1", "Kestrel Bay Gulls", "organization"), ("t1", "Gulls", "organization")]
    for article in ("c1", "c2", "c3"):  # "Kestrel Bay beat Harlow": the team, named by its city
        rows.append((article, "Kestrel Bay", "location"))
    for article in ("t1", "c1", "c2", "c3"):  # the co-actors the reports share
        rows += [(article, "Harlow Rovers", "organization"), (article, "Ona Tresk", "person")]
    assert _same(rows, ("c1", "Kestrel Bay"), ("t1", "Kestrel Bay Gulls"))  # the premise
    frame = _actors(rows)
    frame.loc[frame["name"].str.contains("Gulls"), "mentions"] = 6  # the team, by its mentions
    _, found = corpus_actors(frame, {})
    names = {a.name for a in found}
    assert "Kestrel Bay Gulls" in names and "Kestrel Bay" not in names
