"""Coreference: the actor a story is about stays in focus, and a place is never 'he' or 'she'."""

from __future__ import annotations

import pytest

from newsdossier.extract.actors import extract_actors
from newsdossier.extract.coref import _score, resolve_pronouns
from newsdossier.records import Actor, Mention
from newsdossier.text.nlp import sentence_index, sentences


def _targets(nlp, text: str, actors=None, mentions=None) -> dict[str, str]:
    """'pronoun@offset' -> the name of the actor it was resolved to."""
    doc = nlp(text)
    sents = sentences(doc)
    if actors is None:
        actors, mentions = extract_actors(doc, sents=sents)
    names = {a.actor_id: a.name for a in actors}
    found = resolve_pronouns(doc, sents=sents, actors=actors, mentions=mentions)
    return {f"{m.text}@{m.start}": names[m.actor_id] for m in found}


@pytest.mark.parametrize(("named", "more_salient"), [(1, 6), (0, 3), (2, 12)])
def test_an_actor_named_more_often_scores_higher(nlp, named, more_salient):
    """Two candidates alike in every feature: the one named more often before the pronoun wins."""
    doc = nlp("Tom Reed met Paul Dubois. He spoke.")
    sents = sentences(doc)
    from newsdossier.extract.coref import Candidate

    cand = Candidate(Mention("A1", 0, 8, "Tom Reed", 0, "ner"), doc[1], True, True, False)
    he = next(t for t in doc if t.text == "He")
    sid = sentence_index(sents, he.idx)
    low = _score(cand, he, sents, sid, False, False, named)
    high = _score(cand, he, sents, sid, False, False, more_salient)
    assert high > low


PLACE_TEXTS = [
    pytest.param(
        "Anna Schmidt arrived on Monday. Canada welcomed the delegation. She said the talks went well.",
        id="province",
    ),
    pytest.param(
        "Anna Schmidt arrived on Monday. Germany sent a delegation. She said the talks went well.", id="sent"
    ),
]


@pytest.mark.parametrize("text", PLACE_TEXTS)
def test_a_place_typed_as_a_person_is_not_she(nlp, text):
    """An actor wrongly typed a person whose mention the tagger calls a place is no antecedent of she."""
    doc = nlp(text)
    sents = sentences(doc)
    actors, mentions = extract_actors(doc, sents=sents)
    place = next(e for e in doc.ents if e.label_ == "GPE")
    fake = Actor("X9", place.text, "person", "", place.text, 1, place.start_char, 1.0)
    actors = [*actors, fake]
    mentions = [
        *mentions,
        Mention(
            "X9", place.start_char, place.end_char, place.text, sentence_index(sents, place.start_char), "ner"
        ),
    ]
    # the fake person is the most recent subject before the pronoun
    found = _targets(nlp, text, actors, mentions)
    she = next(k for k in found if k.startswith("She@"))
    assert found[she] == "Anna Schmidt"
