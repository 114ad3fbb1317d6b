"""Datelines and bylines are never part of a speaker, whatever the parser makes their subject."""

from __future__ import annotations

import pytest
from helpers import assert_claim

# (text, expected speaker, cue, content, kind)
CASES = [
    pytest.param(
        "DOVER FALLS, Mont. - Rallying hundreds of nurses who struggle to pay rent, Governor Alice Brandt "
        "tried here last week to calm their anger and promised to raise wages.",
        "Alice Brandt",
        "promised",
        "to raise wages",
        "indirect",
        id="capitals-place-and-state-abbreviation",
    ),
    pytest.param(
        "Springfield (Reuters) – Senator Paul Oduya on Monday joined the campaign for the first time, "
        "mocking the governor as weak and accusing her of wasting money.",
        "Paul Oduya",
        "accusing",
        "her of wasting money",
        "indirect",
        id="title-case-place-and-agency",
    ),
    pytest.param(
        "GREY HARBOUR, Wash. — Port officials said the dock would reopen in June.",
        "Port officials",
        "said",
        "the dock would reopen in June",
        "indirect",
        id="capitals-place-before-a-description",
    ),
    pytest.param(
        "OAKDALE - Oregon's largest nurses union said the strike would start in May.",
        "Oregon's largest nurses union",
        "said",
        "the strike would start in May",
        "indirect",
        id="capitals-place-before-a-possessive",
    ),
    pytest.param(
        "MILLBROOK, Vt. — The town's fire chief warned residents to stay indoors.",
        "The town's fire chief",
        "warned",
        "to stay indoors",
        "indirect",
        id="place-parsed-as-the-subject",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), CASES)
def test_dateline_is_no_speaker(analyse_text, text, speaker, cue, content, kind):
    """The speaker is the person after the dateline, and no word of the dateline is in it."""
    claims = analyse_text(text).claims
    assert_claim(claims, text, speaker, cue, content, kind)
    assert all(
        w not in c.speaker.upper()
        for c in claims
        for w in ("DOVER", "SPRINGFIELD", "GREY", "OAKDALE", "MILLBROOK")
    )
