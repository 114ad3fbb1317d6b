"""Clause orders and misparsed attributions of reported speech, on made-up sentences: each construction
checked for speaker, cue, exact content span and kind, and the look-alikes that report nothing."""

from __future__ import annotations

import pytest
from helpers import assert_claim, one_claim

# (text, speaker (substring of the canonical name), cue, exact content, kind)
CONSTRUCTIONS = [
    # an as-clause attributes the clause it hangs on, before or after it
    pytest.param(
        "As the Valley Courier noted, the guild collected nearly $4.3 million from sponsors.",
        "Valley Courier",
        "noted",
        "the guild collected nearly $4.3 million from sponsors",
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
        "The bakery built the oven to cope with holiday rushes, a manager, Lena Okafor, said on Thursday,"
        " and it has fired it six times.",
        "Lena Okafor",
        "said",
        "The bakery built the oven to cope with holiday rushes",
        "indirect",
        id="aside-as-conjunct",
    ),
    # the parser tags the complementiser "that" as a pronoun: it opens no question, and stays out of the content
    pytest.param(
        "Coach Ivo Marsh said at one time that our pier has become a “playground for every passing fad.”",
        "Ivo Marsh",
        "said",
        "our pier has become a “playground for every passing fad.”",
        "mixed",
        id="that-tagged-as-pronoun",
    ),
    pytest.param(
        "Councillor Ada Voss joked that, among the gardeners, the tulip ranks fifth in a two-flower show.",
        "Ada Voss",
        "joked",
        "that, among the gardeners, the tulip ranks fifth in a two-flower show",
        "indirect",
        id="that-before-an-aside",
    ),
    pytest.param(
        "Coach Ivo Marsh firmly denied that that is his plan for the derby in April.",
        "Ivo Marsh",
        "denied",
        "that is his plan for the derby in April",
        "indirect",
        id="denied-that-that",
    ),
    pytest.param(
        "Lena Okafor emailed the coach, telling him that whatever he intended, such jokes can sting.",
        "Lena Okafor",
        "telling",
        "whatever he intended, such jokes can sting",
        "indirect",
        id="whatever-is-no-question",
    ),
    # the statement goes on after the clause the parser gave the cue
    pytest.param(
        "Professor Mira Dunn told students that the forecasts might be “badly skewed,” and have failed before.",
        "Mira Dunn",
        "told",
        "the forecasts might be “badly skewed,” and have failed before",
        "mixed",
        id="goes-on-with-auxiliary",
    ),
    pytest.param(
        "Ada Voss said her plan fixes the harbour - but she needs to show more patience.",
        "Ada Voss",
        "said",
        "her plan fixes the harbour - but she needs to show more patience",
        "indirect",
        id="goes-on-with-a-contrast-after-a-dash",
    ),
    pytest.param(
        "Ivo Marsh said his club was following the race with “calm curiosity,” and there was a broad feeling"
        " of joy among fans.",
        "Ivo Marsh",
        "said",
        "his club was following the race with “calm curiosity,” and there was a broad feeling of joy among fans",
        "mixed",
        id="goes-on-with-an-existential-clause",
    ),
    # "there" as a place: the speaker's own doing goes on, not the statement
    pytest.param(
        "Ada Voss said the pier was safe, and there she met the mayor.",
        "Ada Voss",
        "said",
        "the pier was safe",
        "indirect",
        id="there-as-a-place-ends-the-statement",
    ),
    # a cue in a relative clause: the parser gives the clause the relative pronoun before the speaker
    pytest.param(
        "Lena Okafor stayed at the clinic with a fracture that doctors said would heal by spring.",
        "doctors",
        "said",
        "would heal by spring",
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
    # the clause's subject hidden in a phrase the parser hung on the cue
    pytest.param(
        "Ivo Marsh says in the valley buses are too often missing their stops.",
        "Ivo Marsh",
        "says",
        "in the valley buses are too often missing their stops",
        "indirect",
        id="subject-inside-a-prepositional-phrase",
    ),
    pytest.param(
        "Ada Voss said just because a bridge looks old does not make it unsafe.",
        "Ada Voss",
        "said",
        "just because a bridge looks old does not make it unsafe",
        "indirect",
        id="subject-clause-read-as-reason",
    ),
    # a clause with a subject of its own: the phrase before it says when the cue was spoken
    pytest.param(
        "Ivo Marsh said on Friday the harbour plan was dead.",
        "Ivo Marsh",
        "said",
        "the harbour plan was dead",
        "indirect",
        id="time-phrase-before-a-whole-clause",
    ),
    # the reported clause taken for a relative clause of the one told
    pytest.param(
        "Ivo Marsh told officers he painted the van blue so his neighbours would not recognise it.",
        "Ivo Marsh",
        "told",
        "he painted the van blue so his neighbours would not recognise it",
        "indirect",
        id="told-x-clause-misread-as-relative",
    ),
    pytest.param(
        "Ada Voss has long claimed herself to be a fair judge of the contest, and that her rulings show"
        " only that.",
        "Ada Voss",
        "claimed",
        "herself to be a fair judge of the contest, and that her rulings show only that",
        "indirect",
        id="second-that-clause",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), CONSTRUCTIONS)
def test_constructions(analyse_text, text, speaker, cue, content, kind):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)


def test_it_speaks_for_the_organisation_it_resolves_to(analyse_text):
    text = (
        "Hydro One said the storm was the worst in twenty years.\n\n"
        "It said that crews would work through the night to restore power."
    )
    claim = one_claim(analyse_text(text).claims, "crews would work through the night to restore power")
    assert claim.speaker == "Hydro One"
    assert claim.speaker_basis == "pronoun"
    assert claim.cue == "said"
    assert claim.kind == "indirect"


# Look-alikes that report no statement: no claim at all.
NOT_STATEMENTS = [
    pytest.param(
        "As she thanked a few dozen volunteers, Coach Lena Okafor was unveiling her mural.", id="as-when"
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
        "The levy is the surest way to raise the sum the club vowed to find at its gala in June.",
        id="infinitive-of-a-relative-clause",
    ),
    pytest.param(
        "The league will defend its decision to impose a fine on clubs – as of now Ashby and Brill – that"
        " don't meet the rules.",
        id="relative-that-is-no-statement",
    ),
    pytest.param(
        "With the votes in, Okafor, Marsh and Lund, the players often described as underdogs, took 58 percent"
        " of the vote.",
        id="participle-is-no-aside",
    ),
]


@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_not_statements(analyse_text, text):
    assert analyse_text(text).claims == []
