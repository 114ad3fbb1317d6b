"""Speakers named by a label with no verb: a dash after the quote, a name and colon before it, a transcript."""

from __future__ import annotations

import pytest
from helpers import assert_claim

_BRIEFING = "Mayor Tom Brandt and Senator Ellen Marsh spoke for an hour on Tuesday night.\n\n"

# (text, expected speaker, cue, content, kind)
CASES = [
    pytest.param(
        _BRIEFING + '"The city cannot afford another year of cuts to the bus routes."\n\n- Marsh.',
        "Ellen Marsh",
        "",
        "The city cannot afford another year of cuts to the bus routes.",
        "direct",
        id="dash-and-surname-in-the-next-paragraph",
    ),
    pytest.param(
        _BRIEFING
        + '"We will hire four hundred teachers before the autumn term."\n\n-Senator Ellen Marsh, after the vote.',
        "Ellen Marsh",
        "",
        "We will hire four hundred teachers before the autumn term.",
        "direct",
        id="dash-title-and-name-then-a-comment",
    ),
    pytest.param(
        _BRIEFING
        + "Worries grow - Ellen Marsh: \u201cNobody in this chamber wants higher taxes this year.\u201d",
        "Ellen Marsh",
        "",
        "Nobody in this chamber wants higher taxes this year.",
        "direct",
        id="short-heading-dash-name-colon",
    ),
    pytest.param(
        _BRIEFING + "LATE TALKS IN THE CHAMBER ON THE BUDGET FOR NEXT YEAR END WITHOUT A DEAL - Ellen Marsh: "
        "\u201cWe met until two in the morning and nothing moved.\u201d",
        "Ellen Marsh",
        "",
        "We met until two in the morning and nothing moved.",
        "direct",
        id="long-capitals-heading-dash-name-colon",
    ),
    pytest.param(
        _BRIEFING + 'A transcript follows.\n\n"MARSH: Nothing that keeps the buses running will be cut."',
        "Ellen Marsh",
        "",
        "Nothing that keeps the buses running will be cut.",
        "direct",
        id="transcript-surname-in-capitals",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), CASES)
def test_label_names_the_speaker(analyse_text, text, speaker, cue, content, kind):
    """The quote takes the person its label names, not the previous or nearest speaker."""
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)
