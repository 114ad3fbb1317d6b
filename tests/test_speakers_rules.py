"""Speakers: who a claim's speaker phrase names, on made-up sentences (speaker, cue, content, kind)."""

from __future__ import annotations

import pytest

# (text, expected speaker, cue, content, kind)
CASES = [
    pytest.param(
        "Senator Mary Walsh spoke in Ohio on Monday. The Walsh campaign said the rally drew ten thousand people.",
        "The Walsh campaign",
        "said",
        "the rally drew ten thousand people",
        "indirect",
        id="campaign-of-a-named-person",
    ),
    pytest.param(
        "Governor Tom Reilly won the vote. Reilly aides insisted the count was fair.",
        "Reilly aides",
        "insisted",
        "the count was fair",
        "indirect",
        id="aides-of-a-named-person",
    ),
    pytest.param(
        "President Ann Cole met the press. The Cole administration said it would appeal the ruling.",
        "The Cole administration",
        "said",
        "it would appeal the ruling",
        "indirect",
        id="administration-of-a-named-person",
    ),
    pytest.param(
        "The plan was dropped, according to a memo released on Friday by the agency's watchdog.",
        "a memo released on Friday by the agency's watchdog",
        "according to",
        "The plan was dropped",
        "indirect",
        id="description-with-participle-and-agent",
    ),
    pytest.param(
        "Two union officials who had no permission to discuss the talks said the deal was done.",
        "Two union officials who had no permission to discuss the talks",
        "said",
        "the deal was done",
        "indirect",
        id="description-with-restrictive-relative",
    ),
    pytest.param(
        "A planner quoted in the study, which covered three towns, said rents would rise.",
        "A planner quoted in the study",
        "said",
        "rents would rise",
        "indirect",
        id="description-without-the-clause-after-a-comma",
    ),
    pytest.param(
        "A spokesman for the company, which makes widgets, said the plant would close.",
        "A spokesman for the company",
        "said",
        "the plant would close",
        "indirect",
        id="description-prep-without-the-clause-after-a-comma",
    ),
    pytest.param(
        "Officials who said the deal was done refused to give details.",
        "Officials",
        "said",
        "the deal was done",
        "indirect",
        id="relative-clause-holding-the-claim-stays-out",
    ),
    pytest.param(
        "The Reed campaign on Monday said the rally drew a crowd.",
        "The Reed campaign",
        "said",
        "the rally drew a crowd",
        "indirect",
        id="description-without-a-time-phrase",
    ),
    pytest.param(
        "“The convoy will leave at dawn,” said Navy 2nd Lt. Kara Osei. “We are ready.”",
        "Kara Osei",
        "said",
        "The convoy will leave at dawn",
        "direct",
        id="name-after-a-rank-cut-by-the-sentence-split",
    ),
    pytest.param(
        "“The convoy will leave at dawn,” said Navy 2nd Lt. Kara Osei. “We are ready.”",
        "Kara Osei",
        "",
        "We are ready.",
        "direct",
        id="floating-quote-after-a-rank-cut",
    ),
    pytest.param(
        "Protesters marched to the capital on Monday. They said the new law would cost jobs.",
        "Protesters",
        "said",
        "the new law would cost jobs",
        "indirect",
        id="they-after-a-plural-group",
    ),
    pytest.param(
        "Union members met on Monday. Small towns would lose their mills, they said.",
        "Union members",
        "said",
        "Small towns would lose their mills",
        "indirect",
        id="they-not-the-subject-of-what-they-said",
    ),
    pytest.param(
        "The Canadian Union of Truckers met on Monday. They said the new law would cost jobs.",
        "Canadian Union of Truckers",
        "said",
        "the new law would cost jobs",
        "indirect",
        id="they-after-a-named-body",
    ),
    pytest.param(
        "House Speaker Jane Doe said the bill would pass this week.",
        "Jane Doe",
        "said",
        "the bill would pass this week",
        "indirect",
        id="title-before-the-name",
    ),
    pytest.param(
        "The survey found most soldiers were unhappy. "
        "“Our orders change every week,” said Army Capt. Mira Stone, who served two tours.",
        "Mira Stone",
        "said",
        "Our orders change every week",
        "direct",
        id="a-rank-with-its-full-stop-before-the-name",
    ),
    pytest.param(
        "The report was late. “We are ready,” said Sgt. Omar Haddad. The unit left on Monday.",
        "Omar Haddad",
        "said",
        "We are ready",
        "direct",
        id="an-abbreviated-rank-alone-before-the-name",
    ),
    pytest.param(
        "In the new survey of renters, 53% say the tax is fair.",
        "53%",
        "say",
        "the tax is fair",
        "indirect",
        id="a-share-of-those-polled-keeps-its-percent-sign",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), CASES)
def test_speaker_of_claim(analyse_text, text, speaker, cue, content, kind):
    """The one claim holding the content has the expected speaker, cue, exact content span and kind."""
    claims = [c for c in analyse_text(text).claims if content in c.content]
    assert claims, f"no claim holds {content!r}"
    c = claims[0]
    assert (c.speaker, c.cue, c.content, c.kind) == (speaker, cue, content, kind)
    assert text[c.start : c.end] == c.content
