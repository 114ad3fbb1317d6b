"""He or she may point back to an actor typed as a body or a place when the text itself gives it a
gender ('Orlan says she …'): the tagger took a person for one (made-up sentences)."""

from __future__ import annotations

import pytest

from newsdossier.extract.coref import actor_genders, agrees
from newsdossier.records import Actor, Mention


def _actor(name: str, kind: str) -> Actor:
    return Actor("A1", name, kind, "", name, 1, 0, 1.0)


@pytest.mark.parametrize(
    ("pronoun", "kind", "gender", "expected"),
    [
        pytest.param("she", "person", "", True, id="person-of-unknown-gender"),
        pytest.param("she", "organization", "", False, id="body-with-no-gender-is-no-she"),
        pytest.param("she", "organization", "f", True, id="body-the-text-calls-she"),
        pytest.param("he", "location", "f", False, id="place-the-text-calls-she-is-no-he"),
        pytest.param("they", "organization", "", True, id="they-for-a-body"),
    ],
)
def test_agreement(pronoun, kind, gender, expected):
    """Agreement of a pronoun with an actor of a type and a gender the text gives it."""
    assert agrees(pronoun, _actor("Orlan", kind), gender) is expected


@pytest.mark.parametrize(
    ("text", "name", "kind", "expected"),
    [
        pytest.param("Orlan says she will appeal the ruling.", "Orlan", "organization", "f", id="says-she"),
        pytest.param("Orlan said he would appeal the ruling.", "Orlan", "location", "m", id="said-he"),
        pytest.param(
            "Orlan says it will appeal the ruling.", "Orlan", "organization", None, id="it-gives-none"
        ),
        pytest.param(
            "Oslo says she will appeal the ruling.", "Oslo", "location", None, id="a-known-place-never"
        ),
    ],
)
def test_gender_of_an_actor_typed_as_no_person(nlp, text, name, kind, expected):
    """A gender is known for a body or place only when the grammar ties he or she to its name."""
    doc = nlp(text)
    actor = Actor("A1", name, kind, "", name, 1, 0, 1.0)
    mentions = [Mention("A1", 0, len(name), name, 0, "ner")]
    assert actor_genders(doc, [], [actor], mentions, []).get("A1") == expected
