"""A name in apposition to a subject plays the subject's role for coreference: 'A spokesman, Jane Doe,
said' makes Doe the sentence's subject and speaker (made-up sentences)."""

from __future__ import annotations

import pytest

from newsdossier.extract.coref import is_speaker_token, role_token
from newsdossier.text.parse import SUBJECT_DEPS


@pytest.mark.parametrize(
    ("text", "name", "subject", "speaker"),
    [
        pytest.param(
            "A company spokesman, Ray Dunn, said on Saturday that sales had doubled.",
            "Dunn",
            True,
            True,
            id="named-apposition-of-a-speaking-subject",
        ),
        pytest.param(
            "An election official, Joel Brandt, counted the last ballots.",
            "Brandt",
            True,
            False,
            id="named-apposition-of-a-subject-that-does-not-speak",
        ),
        pytest.param(
            "Reporters met the new coach, Lena Ruiz, on Monday.",
            "Ruiz",
            False,
            False,
            id="apposition-of-an-object-is-no-subject",
        ),
    ],
)
def test_apposition_takes_its_heads_role(nlp, text, name, subject, speaker):
    """The role token of the name's head is the subject it stands beside, or an object stays an object."""
    doc = nlp(text)
    tok = next(t for t in doc if t.text == name)
    assert tok.dep_ == "appos"  # the parse the rule is about
    role = role_token(tok)
    assert (role.dep_ in SUBJECT_DEPS, is_speaker_token(role)) == (subject, speaker)
