"""Titles and roles: one parametrised test per rule, on made-up sentences."""

from __future__ import annotations

import pytest

from newsdossier.extract.actors import extract_actors
from newsdossier.text.nlp import sentences


def titles(nlp, text: str) -> dict[str, tuple[str, str]]:
    """Each person's (title, roles) by name."""
    doc = nlp(text)
    actors, _ = extract_actors(doc, sents=sentences(doc))
    return {a.name: (a.title, a.roles) for a in actors if a.type == "person"}


def title_of(nlp, text: str, name: str) -> str:
    """The title of the person with this name (fails listing the people found otherwise)."""
    found = titles(nlp, text)
    assert name in found, f"{name!r} not in {found}"
    return found[name][0]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("The order went to Major-General Berg at dawn.", "Berg", "major general"),
        (
            "The patrol was led by Lieutenant-Colonel Maria Lopez on Monday.",
            "Maria Lopez",
            "lieutenant colonel",
        ),
    ],
)
def test_hyphenated_rank_is_one_rank(nlp, text, name, title):
    assert title_of(nlp, text, name) == title


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "And the head of the agency, Lena Korhonen, has said the plan must change.",
            "Lena Korhonen",
            "head",
        ),
        ("The president of the club, Piet Janssen, resigned on Friday.", "Piet Janssen", "president"),
    ],
)
def test_role_of_an_organisation_in_apposition(nlp, text, name, title):
    assert title_of(nlp, text, name) == title


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "He trails Mara Quist, the state's Attorney General, by ten points.",
            "Mara Quist",
            "attorney general",
        ),
        (
            "The report was signed by Owen Price, the Inspector General, last week.",
            "Owen Price",
            "inspector general",
        ),
    ],
)
def test_capitalised_compound_role_in_apposition(nlp, text, name, title):
    assert title_of(nlp, text, name) == title


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Rosa Lind took the oath today. Rosa Lind is now the 12th Vice President.",
            "Rosa Lind",
            "vice president",
        ),
        ("David Brandt is the Deputy Governor of the province.", "David Brandt", "deputy governor"),
    ],
)
def test_capitalised_qualifier_of_a_predicate_role(nlp, text, name, title):
    assert title_of(nlp, text, name) == title


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "Senator Lund spoke first. Her successor, Erik Lund, is the youngest member.",
            "Erik Lund",
            "senator",
        ),
        ("Senator Ada Brook arrived. Her friend, Noor Haddad, came later.", "Noor Haddad", ""),
    ],
)
def test_relation_noun_is_no_title(nlp, text, name, title):
    assert title_of(nlp, text, name) == title


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dr. Keith Amadi edited the letters.", "Keith Amadi"),
        ("The diary was edited by Dr Hanna Vogel in Vienna.", "Hanna Vogel"),
    ],
)
def test_doctor_title_is_kept_as_written(nlp, text, name):
    assert title_of(nlp, text, name) == "dr."
