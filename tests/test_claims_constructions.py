"""Clause orders and misparsed attributions of reported speech, on made-up sentences: each construction
checked for speaker, cue, exact content span and kind, and the look-alikes that report nothing."""

from __future__ import annotations

import pytest


def _one(claims, content: str):
    """The claim whose content is exactly `content`."""
    hits = [c for c in claims if c.content == content]
    assert hits, f"no claim is exactly {content!r}: {[(c.speaker, c.cue, c.content) for c in claims]}"
    return hits[0]


# (text, speaker (substring of the canonical name), cue, exact content, kind)
CONSTRUCTIONS = [
    # an as-clause attributes the clause it hangs on, before or after it
    pytest.param(
        "As the Daily Star noted, the council raised more than $1.1 million from developers.",
        "Daily Star",
        "noted",
        "the council raised more than $1.1 million from developers",
        "indirect",
        id="as-x-noted-y",
    ),
    pytest.param(
        "The tunnel will open in May, as the Daily Star reported on Tuesday.",
        "Daily Star",
        "reported",
        "The tunnel will open in May",
        "indirect",
        id="y-as-x-reported",
    ),
    # an attribution set off by commas that the parser made a conjunct of the statement
    pytest.param(
        "The company created the tool to help in times of crisis, a spokeswoman, Ann Bell, said on Saturday,"
        " and it has used it five times.",
        "Ann Bell",
        "said",
        "The company created the tool to help in times of crisis",
        "indirect",
        id="aside-as-conjunct",
    ),
    # the parser tags the complementiser "that" as a pronoun: it opens no question
    pytest.param(
        "Mayor Tom Hale said at the time that the town has become a “dumping ground for everyone’s problems.”",
        "Tom Hale",
        "said",
        "that the town has become a “dumping ground for everyone’s problems.”",
        "mixed",
        id="that-tagged-as-pronoun",
    ),
    pytest.param(
        "Senator Tom Scott joked that, among young voters, the mayor ranks fourth in a two-way race.",
        "Tom Scott",
        "joked",
        "that, among young voters, the mayor ranks fourth in a two-way race",
        "indirect",
        id="that-before-an-aside",
    ),
    pytest.param(
        "Mayor Tom Hale has denied that that was the case at the harbour last spring.",
        "Tom Hale",
        "denied",
        "that was the case at the harbour last spring",
        "indirect",
        id="denied-that-that",
    ),
    pytest.param(
        "Ann Bell wrote to the mayor, telling him that whatever he meant, words have the power to hurt.",
        "Ann Bell",
        "telling",
        "whatever he meant, words have the power to hurt",
        "indirect",
        id="whatever-is-no-question",
    ),
    # the statement goes on after the clause the parser gave the cue
    pytest.param(
        "Senator Ann Wells told reporters that the polls could be “way off,” and have been wrong in past races.",
        "Ann Wells",
        "told",
        "the polls could be “way off,” and have been wrong in past races",
        "mixed",
        id="goes-on-with-auxiliary",
    ),
    # a cue in a relative clause: the parser gives the clause the relative pronoun before the speaker
    pytest.param(
        "Ann Bell remained in hospital with two wounds that officials said did not appear self-inflicted.",
        "officials",
        "said",
        "did not appear self-inflicted",
        "indirect",
        id="relative-clause-cue",
    ),
    # a subordinate clause of reason or condition the parser hung on the cue belongs to the statement
    pytest.param(
        "Mayor Tom Hale said he would resign if the council voted against the harbour plan.",
        "Tom Hale",
        "said",
        "he would resign if the council voted against the harbour plan",
        "indirect",
        id="goes-on-with-if-clause",
    ),
    # the reported clause taken for a relative clause of the one told
    pytest.param(
        "Tom Gale told detectives he attached stolen plates to his car so police would not be able to track him.",
        "Tom Gale",
        "told",
        "he attached stolen plates to his car so police would not be able to track him",
        "indirect",
        id="told-x-clause-misread-as-relative",
    ),
    pytest.param(
        "The newspaper has always claimed itself to be an unbiased review of the news, and that its reporters"
        " do only that.",
        "newspaper",
        "claimed",
        "itself to be an unbiased review of the news, and that its reporters do only that",
        "indirect",
        id="second-that-clause",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), CONSTRUCTIONS)
def test_constructions(analyse_text, text, speaker, cue, content, kind):
    claim = _one(analyse_text(text).claims, content)
    assert speaker in claim.speaker
    assert claim.cue == cue
    assert text[claim.start : claim.end] == content
    assert claim.kind == kind


def test_it_speaks_for_the_organisation_it_resolves_to(analyse_text):
    text = (
        "Hydro One said the storm was the worst in twenty years.\n\n"
        "It said that crews would work through the night to restore power."
    )
    claim = _one(analyse_text(text).claims, "crews would work through the night to restore power")
    assert claim.speaker == "Hydro One"
    assert claim.speaker_basis == "pronoun"
    assert claim.cue == "said"
    assert claim.kind == "indirect"


# Look-alikes that report no statement: no claim at all.
NOT_STATEMENTS = [
    pytest.param(
        "As he welcomed several hundred guests, Mayor Tom Hale was launching his bid.", id="as-when"
    ),
    pytest.param("As the mayor spoke, protesters gathered outside the town hall.", id="as-he-spoke"),
    pytest.param("As promised, the council cut the harbour tax on Monday.", id="as-promised"),
    pytest.param(
        "The bridge opened on Friday. It is said that the bridge cost twice its budget.", id="it-is-said"
    ),
    pytest.param(
        "The council met on Monday. It announced that the pool would close in June.", id="it-unresolved"
    ),
    pytest.param("Ann Bell told the men she hired to leave the site.", id="told-x-relative-clause-with-gap"),
    pytest.param(
        "The plan is the main tool to meet the target the agency pledged to reach at the talks in May.",
        id="infinitive-of-a-relative-clause",
    ),
    pytest.param(
        "The ministry will defend its decision to tax provinces – three of them – that don’t meet the rules.",
        id="relative-that-is-no-statement",
    ),
    pytest.param(
        "With the results in, Cruz and Carson, the candidates most often described as outsiders, took the vote.",
        id="participle-is-no-aside",
    ),
]


@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_not_statements(analyse_text, text):
    assert analyse_text(text).claims == []
