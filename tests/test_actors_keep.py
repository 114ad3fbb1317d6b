"""The actors keep model: unmarked one-off names the model drops, plain evidence it never overrules."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsdossier.extract import lexicon
from newsdossier.extract.actors import extract_actors
from newsdossier.extract.actors.keep import _model, features, marked
from newsdossier.extract.actors.step import named_clusters
from newsdossier.text.nlp import sentences


def names(nlp, text: str, ents: list[tuple[int, int, str]]) -> set[str]:
    """The actor names found in text, with ents (token start, end, label) as NER's entities."""
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    actors, _ = extract_actors(doc, sents=sentences(doc))
    return {a.name for a in actors}


@pytest.mark.parametrize(
    "text, ents, dropped",
    [
        # capitalised common words, used once, doing nothing: a subject or a field, not an actor
        (
            "She later studied Conservation of Energy in the evenings.",
            [(3, 6, "ORG")],
            "Conservation of Energy",
        ),
        ("The essay was about Peace and Security in the region.", [(4, 7, "ORG")], "Peace and Security"),
    ],
)
def test_unmarked_common_phrase_is_dropped(nlp, text, ents, dropped):
    assert dropped not in names(nlp, text, ents)


@pytest.mark.parametrize(
    "text, ents, name",
    [
        # it acts: the subject of a verb may be a speaker and is never dropped
        ("Meteorites was reprinted twice that year.", [(0, 1, "ORG")], "Meteorites"),
        # a title makes a person
        ("Professor Ilse Varga opened the session.", [(1, 3, "PERSON")], "Ilse Varga"),
        # an organisation's head word
        ("The grant came from the Harlow Council.", [(5, 7, "ORG")], "Harlow Council"),
        # a place's head word
        ("They walked to the Brennow Cemetery at dawn.", [(4, 6, "FAC")], "Brennow Cemetery"),
        # a gazetteer place
        ("After the war she moved to Lisbon with her aunt.", [(6, 7, "GPE")], "Lisbon"),
        # a plural name after "the": a team, a band
        ("Fans of the Harlow Rovers queued for hours.", [(3, 5, "ORG")], "Harlow Rovers"),
        # named three times
        (
            "Tickets for Quellen sold out. Fans of Quellen queued. Quellen played late.",
            [(2, 3, "ORG"), (8, 9, "ORG"), (11, 12, "ORG")],
            "Quellen",
        ),
    ],
)
def test_marked_names_are_kept(nlp, text, ents, name):
    assert name in names(nlp, text, ents)


@pytest.mark.parametrize(
    "text, ents, feature, value",
    [
        ("His Tidewater was reprinted.", [(1, 2, "ORG")], "after_possessive", 1.0),
        # a non-person made thing leaves in kinds.out_of_scope; a person object is still read as made
        ("She filmed Anna Varga in a winter.", [(2, 4, "PERSON")], "made", 1.0),
        ("Tidewater reported the loss.", [(0, 1, "ORG")], "acts", 1.0),
        ("The Energy Forum met in May.", [(1, 3, "ORG")], "common_word", 1.0),
        ("Kestrel Hollis spoke.", [(0, 2, "PERSON")], "surname_last", 1.0),
        ("Fans of the Harlow Rovers queued.", [(3, 5, "ORG")], "the_plural", 1.0),
    ],
)
def test_feature_reads_the_context(nlp, text, ents, feature, value):
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    cluster = next(k for k in named_clusters(doc) if k.kind in {"person", "organization", "location"})
    assert features(doc, cluster)[feature] == value


def test_stored_model_covers_every_feature(nlp):
    doc = nlp("The grant came from the Harlow Council.")
    doc.ents = [Span(doc, 5, 7, label="ORG")]
    feats = features(doc, named_clusters(doc)[0])
    model = _model()
    assert set(model["weights"]) == set(feats) == set(model["mean"]) == set(model["scale"])
    assert 0 < model["threshold"] < 1
    assert marked(feats)


@pytest.mark.parametrize("word, surname", [("Hollis", True), ("Johnson", True), ("Xqzvt", False)])
def test_census_surnames(word, surname):
    assert lexicon.is_surname(word) is surname


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # listed with a kept organisation: a one-word name the model alone would drop stays
        (
            "Vantor's board met on Friday. Its suppliers, Vantor, Lantern and Compass, signed the deal.",
            [(0, 1, "ORG"), (10, 11, "ORG"), (12, 13, "ORG"), (14, 15, "ORG")],
            "Lantern",
            True,
        ),
        # listed only with other dropped names: nothing vouches for them
        (
            "Its suppliers, Lantern and Compass, signed the deal.",
            [(3, 4, "ORG"), (5, 6, "ORG")],
            "Lantern",
            False,
        ),
    ],
)
def test_listed_with_a_kept_organisation(nlp, text, ents, name, kept):
    assert (name in names(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # who did something, after "by": an actor, however rare or common the word
        ("The new clinic opened with support by Lantern.", [(7, 8, "ORG")], "Lantern", True),
        ("The new school was funded by Compass.", [(6, 7, "ORG")], "Compass", True),
        # a code with digits after "by" is a machine that did it
        ("The photos were taken by Compass9 over the border.", [(5, 6, "ORG")], "Compass9", False),
    ],
)
def test_agent_after_by_is_kept(nlp, text, ents, name, kept):
    assert (name in names(nlp, text, ents)) is kept


@pytest.mark.parametrize(
    "text, ents, gloss, name",
    [
        # a name written only in another script glosses the English name beside it: no actor of its own
        (
            "Jana Petrova (Яна Петрова) said the plan would work.",
            [(0, 2, "PERSON"), (3, 5, "PERSON")],
            "Яна Петрова",
            "Jana Petrova",
        ),
        (
            "Kenji Arata (荒田 健二) wrote novels.",
            [(0, 2, "PERSON"), (3, 5, "PERSON")],
            "荒田 健二",
            "Kenji Arata",
        ),
        # accented Latin letters are Latin: the name stays
        ("Jérôme Dubé (Jerome Dube) said the plan would work.", [(0, 2, "PERSON")], "", "Jérôme Dubé"),
    ],
)
def test_names_in_another_script_are_glosses(nlp, text, ents, gloss, name):
    found = names(nlp, text, ents)
    assert name in found and gloss not in found


@pytest.mark.parametrize(
    "text, ents, name, kept",
    [
        # where news names a source, a listener, an employer or a listed firm: an actor
        ("The deal is off, Ana Ruiz told Lantern on Monday.", [(8, 9, "ORG")], "Lantern", True),
        ("The deal is off, according to Lantern.", [(7, 8, "ORG")], "Lantern", True),
        ("A spokesman for Lantern declined to comment.", [(3, 4, "ORG")], "Lantern", True),
        ("Shares of Lantern fell 3 percent.", [(2, 3, "ORG")], "Lantern", True),
        # a common word where nothing marks an actor is still left to the model
        ("The deal went to Lantern.", [(4, 5, "ORG")], "Lantern", False),
    ],
)
def test_sources_listeners_and_employers_are_kept(nlp, text, ents, name, kept):
    assert (name in names(nlp, text, ents)) is kept
