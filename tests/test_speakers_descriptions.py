"""Description speakers ('the army', 'the ministry', 'the lawyer'): resolved to the actor they denote, or kept."""

from __future__ import annotations

import pytest
from helpers import assert_claim, one_claim

# (text, expected speaker name, speaker basis, cue, content, kind)
CASES = [
    pytest.param(
        "Army spokesman Colonel Bram Dekker said the roads were closed. "
        "The army said it was sending troops to the valley.",
        "Army",
        "description",
        "said",
        "it was sending troops to the valley",
        "indirect",
        id="a-modifier-of-a-title-names-the-organisation-not-the-person",
    ),
    pytest.param(
        "Eli Varga, chief executive of the shipping company Northwind, said sales fell. "
        "The company said it would close two stores.",
        "The company",
        "unresolved",
        "said",
        "it would close two stores",
        "indirect",
        id="a-noun-inside-an-apposition-is-not-what-the-person-is",
    ),
    pytest.param(
        "Lena Ortiz, a lawyer for the tenants, spoke first. The lawyer said the eviction notices were unlawful.",
        "Lena Ortiz",
        "description",
        "said",
        "the eviction notices were unlawful",
        "indirect",
        id="the-head-of-an-apposition-names-the-person",
    ),
    pytest.param(
        "Finance Minister Paul Dubois arrived. The finance minister said taxes would rise.",
        "Paul Dubois",
        "description",
        "said",
        "taxes would rise",
        "indirect",
        id="a-title-before-the-name",
    ),
    pytest.param(
        "The Ministry of Health opened a clinic in Leeds on Monday. "
        "The health ministry said the clinic would treat ten thousand patients.",
        "Ministry of Health",
        "description",
        "said",
        "the clinic would treat ten thousand patients",
        "indirect",
        id="a-modifier-the-organisation-name-holds",
    ),
    pytest.param(
        "The Ministry of Health opened a clinic in Leeds on Monday. "
        "The defence ministry said the clinic would be guarded by soldiers.",
        "The defence ministry",
        "unresolved",
        "said",
        "the clinic would be guarded by soldiers",
        "indirect",
        id="a-modifier-that-names-another-organisation",
    ),
    pytest.param(
        "“We will win,” said Jane Doe. All those involved say the plan is too complex to fix quickly.",
        "All those involved",
        "description",
        "say",
        "the plan is too complex to fix quickly",
        "indirect",
        id="those-with-a-participle-is-a-description-not-the-last-speaker",
    ),
    pytest.param(
        "“We will win,” said Jane Doe. Those who knew him said he was kind.",
        "Those who knew him",
        "description",
        "said",
        "he was kind",
        "indirect",
        id="those-with-a-relative-clause",
    ),
    pytest.param(
        "“We will win,” said Jane Doe. Those in the industry say prices will rise.",
        "Those in the industry",
        "description",
        "say",
        "prices will rise",
        "indirect",
        id="those-with-a-prepositional-phrase",
    ),
    pytest.param(
        "“We will win,” said Jane Doe. “It is over,” those close to the mayor said.",
        "those close to the mayor",
        "description",
        "said",
        "It is over",
        "direct",
        id="those-close-to-someone-after-a-quote",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "basis", "cue", "content", "kind"), CASES)
def test_description_speaker(analyse_text, text, speaker, basis, cue, content, kind):
    """The claim has the speaker the description denotes (or the description itself) and says how."""
    claims = analyse_text(text).claims
    assert_claim(claims, text, speaker, cue, content, kind)
    claim = one_claim(claims, content)
    assert claim.speaker == speaker
    assert claim.speaker_basis == basis


_STORY = "Tom Reed spoke at the rally on Monday and said he would run again. He said the party was united. "
# (text, expected speaker of the last quotation): a person brought in by full name takes a following pronoun
INTRODUCED = [
    pytest.param(
        _STORY + "The plan drew praise from local teacher Paul Dubois. “It is the right move,” he said.",
        "Paul Dubois",
        id="a-person-introduced-by-full-name-takes-the-pronoun",
    ),
    pytest.param(
        _STORY + "The plan copied Paul Dubois's old proposal. “It is the right move,” he said.",
        "Tom Reed",
        id="a-possessive-is-no-introduction",
    ),
    pytest.param(
        _STORY + "The plan drew praise from Paul Dubois and Tom Reed. “It is the right move,” he said.",
        "Tom Reed",
        id="no-introduction-when-another-person-is-named-with-them",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), INTRODUCED)
def test_pronoun_after_an_introduced_person(analyse_text, text, speaker):
    """The pronoun of the last quotation resolves to the newly introduced person, unless named in passing."""
    claims = analyse_text(text).claims
    assert_claim(claims, text, speaker, "said", "It is the right move", "direct")
    claim = one_claim(claims, "It is the right move")
    assert (claim.speaker, claim.speaker_text, claim.speaker_basis) == (speaker, "he", "pronoun")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "“Sales are up,” said Jane Doe. That said, analysts say the market will cool next year.",
            [("Jane Doe", "Sales are up"), ("analysts", "the market will cool next year")],
            id="that-said-links-then-the-real-speaker-speaks",
        ),
        pytest.param(
            "Jane Doe praised the staff. That being said, she warned that costs would rise.",
            [("Jane Doe", "costs would rise")],
            id="that-being-said-reports-nothing",
        ),
        pytest.param(
            "“Taxes will fall,” Jane Doe said. That, she said, was the whole plan.",
            [("Jane Doe", "Taxes will fall"), ("Jane Doe", "That was the whole plan")],
            id="that-as-what-is-said-stays",
        ),
    ],
)
def test_linking_that_said_is_no_attribution(analyse_text, text, expected):
    """'That said, …' opening a sentence is a link, not a claim with 'that' as its speaker."""
    claims = analyse_text(text).claims
    assert [(c.speaker, c.content) for c in claims] == expected
