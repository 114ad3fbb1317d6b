"""A one-word actor the tagger typed as a place or a body that spells one person's surname is that person
for coreference and speakers (made-up sentences, entity tags set by hand: the tagger's slips vary)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from newsdossier.extract.claims.speakers import SpeakerResolver
from newsdossier.extract.coref import surname_folds
from newsdossier.records import Actor, Mention

WORDS = "Rep. Ada Quill spoke . Quill called for a vote . Quill said no .".split()


def _doc(nlp, tags: dict[int, str]) -> Doc:
    """The made-up text with the given entity tag per token index."""
    doc = Doc(nlp.vocab, words=WORDS)
    doc.ents = [Span(doc, i, i + 1, label=label) for i, label in tags.items()]
    return doc


def _actor(aid: str, name: str, kind: str, aliases: str) -> Actor:
    return Actor(aid, name, kind, "", aliases, 1, 0, 1.0)


@pytest.mark.parametrize(
    ("tags", "others", "folded"),
    [
        pytest.param({5: "LOC", 11: "PERSON"}, [], True, id="surname-tagged-a-place-once"),
        pytest.param({5: "GPE", 11: "GPE"}, [], False, id="a-place-the-tagger-always-calls-one"),
        pytest.param(
            {5: "LOC"},
            [_actor("A3", "Cyd Quill", "person", "Cyd Quill")],
            False,
            id="two-people-share-the-surname",
        ),
    ],
)
def test_surname_folds(nlp, tags, others, folded):
    """The place-typed actor's mention becomes a mention of the one person with that surname."""
    doc = _doc(nlp, tags)
    person = _actor("A1", "Ada Quill", "person", "Ada Quill;Quill")
    place = _actor("A2", "Quill", "location", "Quill")
    at = doc[5].idx
    mentions = [Mention("A2", at, at + 5, "Quill", 1, "ner")]
    got = surname_folds(doc, actors=[person, place, *others], mentions=mentions)
    assert [(m.actor_id, m.start) for m in got] == ([("A1", at)] if folded else [])


def test_folded_mention_speaks_as_the_person(nlp):
    """Of two mentions of the same word the person's gives the speaker."""
    doc = _doc(nlp, {5: "LOC"})
    person = _actor("A1", "Ada Quill", "person", "Ada Quill;Quill")
    place = _actor("A2", "Quill", "location", "Quill")
    at = doc[5].idx
    mentions = [Mention("A2", at, at + 5, "Quill", 1, "ner"), Mention("A1", at, at + 5, "Quill", 1, "alias")]
    resolver = SpeakerResolver(doc, [person, place], mentions)
    assert resolver.mention_at(doc[5]).actor_id == "A1"
