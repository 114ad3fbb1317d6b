"""Reported speech beyond say/tell: each construction and cue family on made-up sentences, checked for
speaker, cue, exact content span and kind."""

from __future__ import annotations

import pytest
from helpers import assert_claim

# (text, speaker (substring of the canonical name), cue, exact content, kind)
FAMILIES = [
    # the object and the phrase after it are the statement
    pytest.param(
        "Senator Ann Wells accused the governor of hiding the budget figures.",
        "Ann Wells",
        "accused",
        "the governor of hiding the budget figures",
        "indirect",
        id="accuse-x-of-y",
    ),
    pytest.param(
        "Mayor Tom Hale blamed the council for the delays at the harbour.",
        "Tom Hale",
        "blamed",
        "the council for the delays at the harbour",
        "indirect",
        id="blame-x-for-y",
    ),
    pytest.param(
        "Councillor Rita Osei criticized the board for closing the library without a vote.",
        "Rita Osei",
        "criticized",
        "the board for closing the library without a vote",
        "indirect",
        id="criticize-x-for-y",
    ),
    pytest.param(
        "Mayor Tom Hale described the new tunnel as “a disaster waiting to happen.”",
        "Tom Hale",
        "described",
        "the new tunnel as “a disaster waiting to happen.”",
        "mixed",
        id="describe-x-as-y",
    ),
    pytest.param(
        "Governor Lena Park denounced the tariff as a tax on every family.",
        "Lena Park",
        "denounced",
        "the tariff as a tax on every family",
        "indirect",
        id="denounce-x-as-y",
    ),
    # questions and explanations reported as what was said
    pytest.param(
        "Senator Ann Wells questioned whether the bridge would be finished on time.",
        "Ann Wells",
        "questioned",
        "whether the bridge would be finished on time",
        "indirect",
        id="question-whether",
    ),
    pytest.param(
        "Councillor Rita Osei explained why the vote had failed.",
        "Rita Osei",
        "explained",
        "why the vote had failed",
        "indirect",
        id="explain-why",
    ),
    # a verb with the preposition that carries what was said
    pytest.param(
        "Ann Wells joked about the mayor's “very long” speeches.",
        "Ann Wells",
        "joked about",
        "the mayor's “very long” speeches",
        "mixed",
        id="joke-about",
    ),
    # an aside attribution inside the statement: the words before it and the statement going on after it
    pytest.param(
        "Coach Ivo Marsh spoke on Friday. The drills serve a simple goal, he says, and are "
        "largely designed to build stamina.",
        "Ivo Marsh",
        "says",
        "The drills serve a simple goal",
        "indirect",
        id="aside-first-piece",
    ),
    pytest.param(
        "Coach Ivo Marsh spoke on Friday. The drills serve a simple goal, he says, and are "
        "largely designed to build stamina.",
        "Ivo Marsh",
        "says",
        "and are largely designed to build stamina",
        "indirect",
        id="aside-second-piece",
    ),
    pytest.param(
        "The harbour will stay closed, says Tom Hale, the city's harbour director.",
        "Tom Hale",
        "says",
        "The harbour will stay closed",
        "indirect",
        id="aside-speaker-after-verb",
    ),
    # a contrast joined to the reported clause is the statement going on; a clause after "and" is not
    pytest.param(
        "Mayor Tom Hale said he would support the new harbour plan, but he does not want to chair the board.",
        "Tom Hale",
        "said",
        "he would support the new harbour plan, but he does not want to chair the board",
        "indirect",
        id="said-y-but-z",
    ),
    pytest.param(
        "Mayor Tom Hale said the pier was unsafe, and the council voted to close it.",
        "Tom Hale",
        "said",
        "the pier was unsafe",
        "indirect",
        id="said-y-and-narrative",
    ),
    # a statement noun carried by a light verb: the verb's subject owns it
    pytest.param(
        "Senator Ann Wells expressed concern that the bridge would not be finished on time.",
        "Ann Wells",
        "expressed concern",
        "the bridge would not be finished on time",
        "indirect",
        id="express-concern-that",
    ),
    pytest.param(
        "Mayor Tom Hale made the point that the pier had never been safe.",
        "Tom Hale",
        "made the point",
        "the pier had never been safe",
        "indirect",
        id="make-the-point-that",
    ),
    pytest.param(
        "Governor Lena Park delivered a forceful promise to rebuild the harbour by spring.",
        "Lena Park",
        "delivered a forceful promise",
        "to rebuild the harbour by spring",
        "indirect",
        id="deliver-a-promise-to",
    ),
    # an object carrying an infinitive is the position; the cue stays out of the content
    pytest.param(
        "Senator Ann Wells is slamming the governor's decision to close the pier.",
        "Ann Wells",
        "slamming",
        "the governor's decision to close the pier",
        "indirect",
        id="slam-decision-to",
    ),
    # a headline or a line opening with the speaker's name and a colon
    pytest.param(
        "Ann Wells: Voters Are Tired Of The Harbour Tax\n\nSenator Ann Wells spoke in Dover on Monday.",
        "Ann Wells",
        ":",
        "Voters Are Tired Of The Harbour Tax",
        "indirect",
        id="headline-name-colon",
    ),
    pytest.param(
        "Ann Wells on the Harbour: It Will Reopen By Spring\n\nSenator Ann Wells spoke on Monday.",
        "Ann Wells",
        ":",
        "It Will Reopen By Spring",
        "indirect",
        id="headline-name-on-topic-colon",
    ),
    # naming: the predicate with a pronoun folded into it
    pytest.param(
        "Mayor Tom Hale spoke first. Governor Lena Park called him reckless and out of touch.",
        "Lena Park",
        "called",
        "him reckless and out of touch",
        "indirect",
        id="call-him-y",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), FAMILIES)
def test_reported_families(analyse_text, text, speaker, cue, content, kind):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)


# Cue words that report no statement of the subject: no claim at all.
NOT_STATEMENTS = [
    pytest.param("The old mill was called a landmark by the town council.", id="passive-naming"),
    pytest.param("Mayor Tom Hale did not say why the pier was closed.", id="say-why"),
    pytest.param("Mayor Tom Hale expressed his frustration at the delays.", id="light-verb-without-clause"),
    pytest.param("READ MORE: Harbour tax to rise in June for every family", id="label-line-names-no-one"),
    pytest.param("Prosecutors charged the driver with dangerous driving.", id="charge-with-is-an-event"),
]


@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_not_statements(analyse_text, text):
    assert analyse_text(text).claims == []


def test_aside_speaker_is_not_a_piece_of_the_statement(analyse_text):
    claims = analyse_text("The harbour will stay closed, says Tom Hale, the city's harbour director.").claims
    assert [c.content for c in claims] == ["The harbour will stay closed"]


# "deny" as refusing to grant: the thing asked for, or a recipient kept from something, makes no statement.
WITHHOLDINGS = [
    pytest.param(
        "The harbour board denied a request by the Elmwood rowing club to build a new dock.", id="request"
    ),
    pytest.param("Judge Mara Voss denied Ken Albright's application for bail.", id="possessed-application"),
    pytest.param("The ministry denied the Linwood family access to the old mill site.", id="access"),
    pytest.param("The club denied the best seats to visiting fans.", id="to-recipient-of-object"),
    pytest.param("The mayor has been denying the full records to the press.", id="to-recipient-of-verb"),
]


@pytest.mark.parametrize("text", WITHHOLDINGS)
def test_withholding_deny_is_no_statement(analyse_text, text):
    assert analyse_text(text).claims == []


DENIALS = [
    pytest.param(
        "Mayor Tom Hale denied the existence of any deal with the ferry company.",
        "Tom Hale",
        "denied",
        "the existence of any deal with the ferry company",
        "indirect",
        id="deny-existence",
    ),
    pytest.param(
        "Senator Ann Wells denied the allegations of fraud.",
        "Ann Wells",
        "denied",
        "the allegations of fraud",
        "indirect",
        id="deny-allegations",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), DENIALS)
def test_denial_of_a_statement_stays(analyse_text, text, speaker, cue, content, kind):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)
