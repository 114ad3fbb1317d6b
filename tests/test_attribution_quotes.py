"""Which words around a direct quote are its attribution: the sentence after a quote that ends its own
sentence, a verb going on from one before the quote, a dash line under the quote, the verb before it, and
the first word or two of a quote its attribution splits."""

from __future__ import annotations

import pytest
from helpers import assert_claim

# (text, speaker (substring of the canonical name), cue, exact content)
ATTRIBUTIONS = [
    pytest.param(
        "Oren Vale, the harbour master, said the depot would shut. “We will close it in May.”\n"
        "Ruth Amsel, a council member, criticised the plan.",
        "Oren Vale",
        "",
        "We will close it in May.",
        id="next-line-is-not-the-attribution",
    ),
    pytest.param(
        "Oren Vale, the harbour master, said the depot would shut. “We will close it in May.” "
        "Ruth Amsel, a council member from the east ward, criticised the plan.",
        "Oren Vale",
        "",
        "We will close it in May.",
        id="next-sentence-with-its-own-clause-is-not-the-attribution",
    ),
    pytest.param(
        "Oren Vale, the harbour master, said the depot would shut. “We will close it in May.” "
        "Ruth Amsel said that the council would fight the plan.",
        "Oren Vale",
        "",
        "We will close it in May.",
        id="next-sentence-saying-something-else-is-not-the-attribution",
    ),
    pytest.param(
        "Oren Vale, the harbour master, said the depot would shut. “Will it reopen? Nobody knows.” "
        "Mayor Ruth Amsel said.",
        "Ruth Amsel",
        "said",
        "Will it reopen? Nobody knows.",
        id="short-attribution-sentence-after-a-full-stop",
    ),
    pytest.param(
        "Senator Hal Brody said on Monday, “I will run again.” The veteran politician repeated: “I am not done.”",
        "Hal Brody",
        "said",
        "I will run again.",
        id="colon-leads-into-the-next-quote",
    ),
    pytest.param(
        "Mayor Dan Okafor boasted to reporters of his team - “the best crew in the whole state” - and stressed "
        "the town's importance.",
        "Dan Okafor",
        "boasted",
        "the best crew in the whole state",
        id="verb-going-on-from-one-before-the-quote",
    ),
    pytest.param(
        "The figures were checked against the budget.\n\n“Taxes went up every single year.”\n\n- Nora Blix.\n\n"
        "The claim is not accurate.",
        "Nora Blix",
        "",
        "Taxes went up every single year.",
        id="dash-line-under-the-quote",
    ),
    pytest.param(
        "Critics of the levy argued that it was unfair. Felix Marr noted that the levy had been cut twice, "
        "then Marr's deputy Gus Ferrante shouted, “We will not pay it.”",
        "Gus Ferrante",
        "shouted",
        "We will not pay it.",
        id="verb-with-a-clause-of-its-own-has-said-something-else",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), ATTRIBUTIONS)
def test_the_attribution_of_a_quote(analyse_text, text, speaker, cue, content):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, "direct")


SPLIT = [
    pytest.param("“Frankly,” Ivo Stern said, “the plan was never funded.”", "Frankly", id="one-word"),
    pytest.param(
        "“In Portland,” Ivo Stern said, “the plan was never funded.”", "In Portland", id="two-words"
    ),
]


@pytest.mark.parametrize(("text", "lead"), SPLIT)
def test_the_first_words_of_a_split_quote_are_no_claim(analyse_text, text, lead):
    claims = analyse_text(text).claims
    assert lead not in [c.content for c in claims]
    assert_claim(claims, text, "Ivo Stern", "said", "the plan was never funded.", "direct")


def test_a_longer_first_part_of_a_split_quote_stays_a_claim(analyse_text):
    text = "“We ran out of money,” Ivo Stern said, “and the plan was never funded.”"
    assert_claim(analyse_text(text).claims, text, "Ivo Stern", "said", "We ran out of money", "direct")


# Quoted words completing a speech verb and its object are what the subject said of the object: one mixed
# claim, the object with the quoted words, as a paraphrase that quotes ('called the levy “…”').
NAMED = [
    pytest.param(
        "Council member Rita Palmer called the new levy “a slow leak in every family budget.”",
        "Rita Palmer",
        "called",
        "the new levy “a slow leak in every family budget.”",
        id="called-the-object-a-quote",
    ),
    pytest.param(
        "Governor Alan Breck is labelling the ruling “a reckless grab for power.”",
        "Alan Breck",
        "labelling",
        "the ruling “a reckless grab for power.”",
        id="labelling-the-object-a-quote",
    ),
    pytest.param(
        "Mayor Ines Varga defended the decision, calling the critic “a noisy man who wanted a fight.”",
        "Ines Varga",
        "calling",
        "the critic “a noisy man who wanted a fight.”",
        id="participle-takes-the-subject-of-the-clause",
    ),
    pytest.param(
        "Coach Petra Lind described herself as “hungry for another title next spring.”",
        "Petra Lind",
        "described",
        "herself as “hungry for another title next spring.”",
        id="described-the-object-as-a-quote",
    ),
    pytest.param(
        "Judge Omar Fell called the new rules “a trap for honest tenants,” and left the hall.",
        "Omar Fell",
        "called",
        "the new rules “a trap for honest tenants,”",
        id="called-the-object-a-quote-before-another-clause",
    ),
    pytest.param(
        "Councillor Tim Varo is labeling the new parking fee “a sneaky, greedy grab for cash.”",
        "Tim Varo",
        "labeling",
        "the new parking fee “a sneaky, greedy grab for cash.”",
        id="quoted-words-hung-on-the-object",
    ),
    pytest.param(
        "Chief Ada Moss described the landlord’s remarks as “cruel and insulting” on Friday.",
        "Ada Moss",
        "described",
        "the landlord’s remarks as “cruel and insulting”",
        id="as-phrase-hung-on-the-object",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), NAMED)
def test_quoted_words_completing_a_speech_verb_are_one_mixed_claim(analyse_text, text, speaker, cue, content):
    claims = analyse_text(text).claims
    assert_claim(claims, text, speaker, cue, content, "mixed")
    # the quoted words are not a direct claim besides: the mixed claim holds them
    assert [c.kind for c in claims] == ["mixed"], [(c.kind, c.content) for c in claims]


NOT_NAMED = [
    pytest.param(
        "A small weekly newspaper called “The River Voice” reported the fire.", "The River Voice", id="name"
    ),
    pytest.param(
        "The harbour plan was dubbed last year “a tax on the poor.”", "a tax on the poor.", id="passive"
    ),
    pytest.param(
        "Senator Odile Marchetti told the network's “Morning Radio Hour” that he would run.",
        "Morning Radio Hour",
        id="title",
    ),
    pytest.param("Mayor Ines Varga called the harbour plan “silly” on Monday.", "silly", id="one-word"),
]


@pytest.mark.parametrize(("text", "quoted"), NOT_NAMED)
def test_names_titles_and_single_words_in_quotation_marks_are_no_claim(analyse_text, text, quoted):
    claims = analyse_text(text).claims
    assert quoted not in [c.content for c in claims], [(c.speaker, c.content) for c in claims]


COORDINATED = [
    pytest.param(
        "Witnesses said the crowd chanted, “Open the gates now!” and “Let all of us in!”",
        "crowd",
        "chanted",
        "Let all of us in!",
        id="second-of-two-quotes-after-the-verb",
    ),
    pytest.param(
        "“The meeting ran long,” said Senator Ada Finch, and “a useful hour for every grain farmer in the valley.”",
        "Ada Finch",
        "said",
        "a useful hour for every grain farmer in the valley.",
        id="quote-joined-after-the-attribution",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), COORDINATED)
def test_a_quote_joined_by_and_shares_the_speaker_of_the_quote_before(
    analyse_text, text, speaker, cue, content
):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, "direct")


def test_a_quote_after_another_clause_is_not_joined_to_the_quote_before(analyse_text):
    text = "Mayor Ines Varga said, “We will build the bridge,” and the crowd cheered “very loudly indeed.”"
    assert "very loudly indeed." not in [c.content for c in analyse_text(text).claims if c.kind == "direct"]


# Quoted words inside a clause that hang on a speech verb a few steps up are the subject's words.
IN_CLAUSE = [
    pytest.param(
        "Governor Ana Lund blamed the delays on “a handful of careless contractors.”",
        "Ana Lund",
        "blamed",
        "a handful of careless contractors.",
        id="object-of-the-verbs-preposition",
    ),
    pytest.param(
        "Coach Ivo Brandt praised the team and spoke of “a season nobody here will ever forget.”",
        "Ivo Brandt",
        "spoke",
        "a season nobody here will ever forget.",
        id="object-of-a-coordinated-verbs-preposition",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), IN_CLAUSE)
def test_quoted_words_under_a_speech_verb_are_its_subjects(analyse_text, text, speaker, cue, content):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, "direct")


NOT_THE_SUBJECTS = [
    pytest.param(
        "The union denounced the mayor’s call for “a leaner and cheaper night service.”",
        "a leaner and cheaper night service.",
        id="words-of-the-nouns-owner",
    ),
    pytest.param(
        "The council rejected the budget after reading “Harbour Funds Report Three.”",
        "Harbour Funds Report Three.",
        id="title",
    ),
]


@pytest.mark.parametrize(("text", "quoted"), NOT_THE_SUBJECTS)
def test_quoted_words_of_another_or_a_title_are_no_claim_of_the_subject(analyse_text, text, quoted):
    claims = analyse_text(text).claims
    assert quoted not in [c.content for c in claims], [(c.speaker, c.content) for c in claims]


def test_quoted_words_inside_reported_speech_are_no_claim_besides_it(analyse_text):
    text = "Senator Ivo Pratt asked farmers to sell early and “keep every spare cent for the spring.”"
    claims = analyse_text(text).claims
    assert [(c.kind, c.content) for c in claims] == [
        ("mixed", "farmers to sell early and “keep every spare cent for the spring.”")
    ]
