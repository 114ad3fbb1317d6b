"""Coreference: a person the story comes back to by full name takes the next 'he' or 'she' (made-up text)."""

from __future__ import annotations

import pytest
from helpers import assert_claim

_OPENING = "Marco Silva and Peter Lund both joined the gym last spring.\n\n"
_SILVA = (
    'Silva, a retired bus driver, lost ten kilos. "I feel younger," he says. "My knees stopped hurting," '
    "he adds. He now trains four days a week. His doctor is pleased with him, and he has cut out sugar. "
    "He walks to the gym every morning. "
)


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content", "kind"),
    [
        pytest.param(
            _OPENING + _SILVA + 'Better sleep was a bonus for retired welder Peter Lund, 61. "I used to wake '
            'up at three every night," he says.',
            "Peter Lund",
            "says",
            "I used to wake up at three every night",
            "direct",
            id="named-again-in-full-after-a-long-gap",
        ),
        pytest.param(
            _OPENING
            + _SILVA
            + 'Better sleep was a bonus too. "I used to wake up at three every night," he says.',
            "Marco Silva",
            "says",
            "I used to wake up at three every night",
            "direct",
            id="not-named-again-the-chain-goes-on",
        ),
        pytest.param(
            _OPENING + _SILVA + 'Better sleep was a bonus for Lund, 61. "I used to wake up at three every '
            'night," he says.',
            "Marco Silva",
            "says",
            "I used to wake up at three every night",
            "direct",
            id="a-surname-alone-does-not-reintroduce",
        ),
    ],
)
def test_reintroduced_person_takes_the_pronoun(analyse_text, text, speaker, cue, content, kind):
    """The quote after the full naming is that person's; without it the pronoun chain keeps its referent."""
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)
