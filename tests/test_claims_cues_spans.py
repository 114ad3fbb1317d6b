"""Content spans of reported speech where the parser goes wrong, on made-up sentences: the misparse is
written into the parse by hand (so the test does not depend on the model's mood), then the whole
pipeline runs on it; each case checks speaker, cue, exact content span and kind."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import assert_claim

from newsdossier.extract.pipeline import analyse
from newsdossier.text.article import Article

# word -> (its head word, its dependency label, its part-of-speech tag or "" to keep the parser's)
Fixes = dict[str, tuple[str, str, str]]

_POS = {"VB": "VERB", "VBD": "VERB", "VBN": "VERB", "VBZ": "VERB", "VBP": "VERB", "NN": "NOUN", "WDT": "PRON"}


@pytest.fixture(scope="module")
def analyse_misparsed(nlp):
    """Analyse a text after rewriting the parse of some of its words (each word must occur once)."""

    def run(text: str, fixes: Fixes):
        doc = nlp(text)
        at = {t.text: t for t in doc}
        for word, (head, dep, tag) in fixes.items():
            tok = at[word]
            tok.head, tok.dep_ = at[head], dep
            if tag:
                tok.tag_, tok.pos_ = tag, _POS[tag]
        article = Article(name="t", path="t.txt", text=text, published=dt.date(2021, 3, 10))
        return analyse(article, nlp=nlp, doc=doc)

    return run


# (text, misparse, speaker (substring of the canonical name), cue, exact content, kind)
MISPARSED = [
    # a fronted phrase made a clause of the cue: the clause after the cue, with its own subject, is said
    pytest.param(
        "In the review ordered by the board — the third such audit to be released this year — Ivo Marsh said"
        " the board had ignored its engineers.",
        {
            "In": ("released", "prep", ""),
            "audit": ("released", "nsubjpass", ""),
            "released": ("said", "ccomp", "VBN"),
        },
        "Ivo Marsh",
        "said",
        "the board had ignored its engineers",
        "indirect",
        id="clause-on-both-sides",
    ),
    # "wrote that the choice … was taken": the clause's subject made the cue's object
    pytest.param(
        "The Herald wrote that the choice to hire Lund was taken in June.",
        {
            "choice": ("wrote", "dobj", ""),
            "that": ("choice", "mark", ""),
            "taken": ("hire", "advcl", ""),
        },
        "Herald",
        "wrote",
        "the choice to hire Lund was taken in June",
        "indirect",
        id="that-clause-as-object",
    ),
    # a bare verb of a list hung on a past cue goes on with the statement
    pytest.param(
        "Mayor Voss said the city is ready to fix the roads, repair the pier and widen the bridge.",
        {"repair": ("said", "advcl", "VB")},
        "Voss",
        "said",
        "the city is ready to fix the roads, repair the pier and widen the bridge",
        "indirect",
        id="list-verb-on-the-cue",
    ),
    # a speech verb after a modal is the plan going on, not the speaker's next act
    pytest.param(
        "Ms. Okafor said she hoped to win the seat back, and would continue to push her plan for the harbour.",
        {"continue": ("said", "conj", "VB")},
        "Okafor",
        "said",
        "she hoped to win the seat back, and would continue to push her plan for the harbour",
        "indirect",
        id="modal-speech-verb-goes-on",
    ),
    # a noun before the name misread as a verb: the cue is left without a subject, the name is its speaker
    pytest.param(
        "Tenants advocate Ivo Marsh told the council the rents had doubled.",
        {
            "told": ("told", "ROOT", ""),
            "advocate": ("told", "ccomp", "VBP"),
            "Tenants": ("advocate", "nsubj", ""),
            "Marsh": ("advocate", "dobj", ""),
        },
        "Ivo Marsh",
        "told",
        "the rents had doubled",
        "indirect",
        id="name-cut-off-from-its-cue",
    ),
    # a that-clause hung on the one told, as if it said what the paper was
    pytest.param(
        "Ivo Marsh told the paper that the pier was unsafe.",
        {"was": ("paper", "acl", ""), "that": ("was", "mark", "")},
        "Ivo Marsh",
        "told",
        "the pier was unsafe",
        "indirect",
        id="that-clause-on-the-one-told",
    ),
    # a that-clause read as an adverbial clause of the cue, its "that" as an adverb
    pytest.param(
        "Lena Okafor wrote late at night that the ferry would not sail.",
        {"sail": ("wrote", "advcl", ""), "that": ("sail", "advmod", "WDT")},
        "Lena Okafor",
        "wrote",
        "the ferry would not sail",
        "indirect",
        id="that-clause-as-adverbial",
    ),
    # a naming verb whose quoted name the parser read as the object's apposition
    pytest.param(
        "The mayor called the new levy “a gift to landlords.”",
        {"gift": ("levy", "appos", "NN")},
        "mayor",
        "called",
        "the new levy “a gift to landlords.”",
        "mixed",
        id="quoted-name-as-apposition",
    ),
    # one adverb before an aside attribution links the statement to what came before: the aside still holds
    pytest.param(
        "Instead, Lena Okafor told the council, the levy would fund two new ferries.",
        {"fund": ("fund", "ROOT", "VB"), "told": ("fund", "ccomp", "VBD"), ".": ("fund", "punct", "")},
        "Lena Okafor",
        "told",
        "the levy would fund two new ferries",
        "indirect",
        id="one-adverb-before-an-aside",
    ),
    # a contrast without a subject of its own goes on with the statement
    pytest.param(
        "Ivo Marsh said he was unsure the toll would pass, but intended to vote for it anyway.",
        {"intended": ("said", "conj", "VBD")},
        "Ivo Marsh",
        "said",
        "he was unsure the toll would pass, but intended to vote for it anyway",
        "indirect",
        id="contrast-without-subject",
    ),
    # a "then" left in the clause runs the reported events on to the verb the parser hung on the cue
    pytest.param(
        "Ivo Marsh told the court he locked the shed, then drove to the harbour.",
        {"then": ("locked", "advmod", ""), "drove": ("told", "conj", "VBD")},
        "Ivo Marsh",
        "told",
        "he locked the shed, then drove to the harbour",
        "indirect",
        id="then-goes-on",
    ),
    # a label before a colon that the parser made a second subject is not the speaker
    pytest.param(
        "The Briefing: Lena Okafor asks tenants to join the rent strike.",
        {"Briefing": ("asks", "nsubj", "NN")},
        "Lena Okafor",
        "asks",
        "tenants to join the rent strike",
        "indirect",
        id="label-before-a-colon",
    ),
    # the speaker's first act made a clause of the cue: its subject is the speaker
    pytest.param(
        "Lena Okafor smiled at the guests and, after a long pause, told Ivo Marsh she was glad they came.",
        {"told": ("told", "ROOT", "VBD"), "smiled": ("told", "ccomp", "VBD")},
        "Lena Okafor",
        "told",
        "she was glad they came",
        "indirect",
        id="first-act-made-a-clause-of-the-cue",
    ),
]


@pytest.mark.parametrize(("text", "fixes", "speaker", "cue", "content", "kind"), MISPARSED)
def test_misparsed_content(analyse_misparsed, text, fixes, speaker, cue, content, kind):
    assert_claim(analyse_misparsed(text, fixes).claims, text, speaker, cue, content, kind)


# The speaker's own next act after a statement is no part of it.
def test_speech_verb_without_modal_is_the_next_act(analyse_misparsed):
    text = "Ms. Okafor said she hoped to win the seat back, and repeated her plan for the harbour."
    claims = analyse_misparsed(text, {"repeated": ("said", "conj", "VBD")}).claims
    assert_claim(claims, text, "Okafor", "said", "she hoped to win the seat back", "indirect")


# (text, speaker, cue, exact content, kind): cues whose object and as-phrase make the statement
AS_PHRASES = [
    pytest.param(
        "Okafor mentioned the closures of two clinics as evidence of the cuts she opposes.",
        "Okafor",
        "mentioned",
        "the closures of two clinics as evidence of the cuts she opposes",
        "indirect",
        id="mention-x-as-y",
    ),
    pytest.param(
        "The senator cited the storm as the cause of the outage.",
        "senator",
        "cited",
        "the storm as the cause of the outage",
        "indirect",
        id="cite-x-as-y",
    ),
    # "as" with an adjective: the parser hangs the adjective on the "as"
    pytest.param(
        "Ivo Marsh described the ferry service as unreliable and slow.",
        "Ivo Marsh",
        "described",
        "the ferry service as unreliable and slow",
        "indirect",
        id="describe-x-as-adjective",
    ),
    # a quote of what the object is called leaves the object out: the whole phrase is kept beside the quote
    pytest.param(
        "Ivo Marsh denounced the plan as “a disgrace to the city.”",
        "Ivo Marsh",
        "denounced",
        "the plan as “a disgrace to the city.”",
        "mixed",
        id="denounce-x-as-quote",
    ),
    pytest.param(
        "The inspector characterized the work as “rushed, careless and unsafe.”",
        "inspector",
        "characterized",
        "the work as “rushed, careless and unsafe.”",
        "mixed",
        id="characterize-x-as-quoted-adjectives",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), AS_PHRASES)
def test_as_phrases(analyse_text, text, speaker, cue, content, kind):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)


# A verbless phrase before an aside attribution that says when or where the words were said is no part of
# the statement; one that belongs to the reported clause is its start, joined to the rest.
@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "In a radio interview, Dr. Ana Ruiz said, the clinic has doubled its staff.",
            "the clinic has doubled its staff",
            id="occasion",
        ),
        pytest.param(
            "On Tuesday, Dr. Ana Ruiz said, the clinic doubled its staff.",
            "the clinic doubled its staff",
            id="time",
        ),
        pytest.param(
            "During her four years on the board, Dr. Ana Ruiz said, the clinic has doubled its staff.",
            "During her four years on the board the clinic has doubled its staff",
            id="phrase-of-the-statement",
        ),
    ],
)
def test_fronted_phrase_before_an_aside(analyse_text, text, content):
    claims = analyse_text(text).claims
    assert [c.content for c in claims] == [content]
    assert_claim(claims, text, "Ana Ruiz", "said", content, "indirect")


# A statement split by its attribution: a side that cannot stand alone is joined to the other; a linking
# phrase before the attribution is no part of it.
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content", "kind"),
    [
        pytest.param(
            "Too often, Mara Lind says, the buses run late.",
            "Mara Lind",
            "says",
            "Too often the buses run late",
            "indirect",
            id="adverb-before-the-aside",
        ),
        pytest.param(
            "Time, the coach added, was on their side.",
            "coach",
            "added",
            "Time was on their side",
            "indirect",
            id="subject-before-the-aside",
        ),
        pytest.param(
            "Most tenants, according to the housing board, want shorter leases.",
            "housing board",
            "according to",
            "Most tenants want shorter leases",
            "indirect",
            id="subject-before-according-to",
        ),
        pytest.param(
            "Of course, Mara Lind said, the ferry will keep running in winter.",
            "Mara Lind",
            "said",
            "the ferry will keep running in winter",
            "indirect",
            id="linking-phrase-left-out",
        ),
    ],
)
def test_statement_around_its_attribution(analyse_text, text, speaker, cue, content, kind):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)


# A that-clause of the cue's object says what the object is: the object with its clause is the position.
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content", "kind"),
    [
        pytest.param(
            "The mayor rejected the idea that the pier was unsafe.",
            "mayor",
            "rejected",
            "the idea that the pier was unsafe",
            "indirect",
            id="object-with-its-clause",
        ),
    ],
)
def test_clause_of_the_object(analyse_text, text, speaker, cue, content, kind):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)


# One document speaks for its authors through a verb of saying; data, and reports as hearsay, do not.
@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "The ferries run at half speed in deep cold, the safety report said.",
            "The ferries run at half speed in deep cold",
            id="the-report-said",
        ),
        pytest.param(
            "The data suggests the ferries run at half speed in deep cold.", None, id="data-suggests"
        ),
        pytest.param("Reports say the ferries run at half speed in deep cold.", None, id="reports-say"),
    ],
)
def test_documents_as_speakers(analyse_text, text, content):
    claims = analyse_text(text).claims
    if content is None:
        assert claims == []
    else:
        assert_claim(claims, text, "report", "said", content, "indirect")


# A statement noun without a possessive: its maker comes with "from"/"by", or is the subject of the verb
# the noun comes with.
@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content", "kind"),
    [
        pytest.param(
            "Mayor Ilse Brandt opened the debate with an assertion that the pier was unsafe.",
            "Ilse Brandt",
            "assertion",
            "the pier was unsafe",
            "indirect",
            id="with-a-statement-noun",
        ),
        pytest.param(
            "The talks stalled over a claim from the union that the port was cutting wages.",
            "union",
            "claim",
            "the port was cutting wages",
            "indirect",
            id="statement-noun-from-its-maker",
        ),
    ],
)
def test_statement_noun_owners(analyse_text, text, speaker, cue, content, kind):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)


# A semicolon right after "A, X writes" ends the attribution: A is said, and so is the clause after it.
@pytest.mark.parametrize(
    ("text", "first", "second", "second_kind"),
    [
        pytest.param(
            "Ferry crews were often blamed for delays on the line, Ivo Marsh writes; such complaints “tended to"
            " grow in the winter months.”",
            "Ferry crews were often blamed for delays on the line",
            "such complaints “tended to grow in the winter months.”",
            "mixed",
            id="both-sides-of-a-semicolon",
        ),
    ],
)
def test_semicolon_after_the_attribution(analyse_text, text, first, second, second_kind):
    claims = analyse_text(text).claims
    assert_claim(claims, text, "Ivo Marsh", "writes", first, "indirect")
    assert_claim(claims, text, "Ivo Marsh", "writes", second, second_kind)


# (text, speaker, cue, exact content, kind): a statement split by an attribution set off in its middle
SPLIT_BY_AN_ASIDE = [
    # the fronted subject the parser hung on the cue is the statement's start
    pytest.param(
        "Such delays, the harbour board warned on Monday, could cost the port its biggest client.",
        "harbour board",
        "warned",
        "Such delays could cost the port its biggest client",
        "indirect",
        id="fronted-subject-on-the-cue",
    ),
    pytest.param(
        "That decision, the judge wrote in her ruling, was made without any evidence.",
        "judge",
        "wrote",
        "That decision was made without any evidence",
        "indirect",
        id="fronted-subject-on-the-aside",
    ),
    # the speaker after the verb ("say engineers"), with or without an apposition
    pytest.param(
        "The real worry about the bridge, say engineers at the port, is the rust in its cables.",
        "engineers",
        "say",
        "The real worry about the bridge is the rust in its cables",
        "indirect",
        id="inverted-aside",
    ),
    pytest.param(
        "Much of the delay, says Ivo Marsh, a retired surveyor, is the fault of the old signals.",
        "Ivo Marsh",
        "says",
        "Much of the delay is the fault of the old signals",
        "indirect",
        id="inverted-aside-with-apposition",
    ),
    # a contrast after the aside is a second statement
    pytest.param(
        "Taxes will rise next year, the minister predicted, but wages will not keep pace.",
        "minister",
        "predicted",
        "wages will not keep pace",
        "indirect",
        id="contrast-after-the-aside",
    ),
    # the one told run together with the subject of the clause told
    pytest.param(
        "Ivo Marsh told police officers on the night shift were asleep.",
        "Ivo Marsh",
        "told",
        "police officers on the night shift were asleep",
        "indirect",
        id="told-object-is-the-clause-subject",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), SPLIT_BY_AN_ASIDE)
def test_split_by_an_aside(analyse_text, text, speaker, cue, content, kind):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)


# A cue in the passive without a "by" phrase reports what someone unnamed said to the subject.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param("Lena Okafor went quiet when asked to back the strike.", [], id="when-asked-to"),
        pytest.param("Ivo Marsh was asked to review the harbour contracts.", [], id="was-asked-to"),
        pytest.param(
            "When told to leave the hall, Ivo Marsh said he would stay.",
            [("Ivo Marsh", "he would stay")],
            id="told-to-then-said",
        ),
    ],
)
def test_passive_cue_is_said_to_the_subject(analyse_text, text, kept):
    assert [(c.speaker, c.content) for c in analyse_text(text).claims] == kept


# Quoted words after a new subject that no one could be quoting go on with the speaker's words; a plain
# clause after "and" is the narrative going on.
@pytest.mark.parametrize(
    ("text", "content", "kind"),
    [
        pytest.param(
            "Lena Okafor said the toll was “a tax on the poor,” and the council’s plan “would only make it worse.”",
            "the toll was “a tax on the poor,” and the council’s plan “would only make it worse.”",
            "mixed",
            id="quoted-words-go-on",
        ),
        pytest.param(
            "Lena Okafor said the toll was unfair, and the council voted to keep it.",
            "the toll was unfair",
            "indirect",
            id="narrative-goes-on",
        ),
    ],
)
def test_and_after_the_statement(analyse_text, text, content, kind):
    assert_claim(analyse_text(text).claims, text, "Lena Okafor", "said", content, kind)


# (text, speaker, cue, exact content, kind): who speaks when the cue's subject is not its parse subject
SPEAKER_OF_THE_CUE = [
    # a causative verb makes its object speak
    pytest.param(
        "The strike shut the bus depot, prompting the council to urge commuters to walk.",
        "council",
        "urge",
        "commuters to walk",
        "indirect",
        id="prompted-x-to-urge",
    ),
    pytest.param(
        "The scandal forced Lena Okafor to admit she had misled the council.",
        "Lena Okafor",
        "admit",
        "she had misled the council",
        "indirect",
        id="forced-x-to-admit",
    ),
    # an attribution opening the sentence that the parser made a clause of the statement after the comma
    pytest.param(
        "Okafor concedes on that point, the figures were wrong.",
        "Okafor",
        "concedes",
        "the figures were wrong",
        "indirect",
        id="leading-attribution-before-a-comma",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), SPEAKER_OF_THE_CUE)
def test_speaker_of_the_cue(analyse_text, text, speaker, cue, content, kind):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, kind)


def test_encouraged_to_ask_is_not_yet_said(analyse_text):
    text = "Ivo Marsh keeps inviting his neighbours to question the new toll."
    assert not any(c.speaker == "his neighbours" for c in analyse_text(text).claims)


# A subordinate clause after the aside whose subject is the speaker again tells of the speaking.
def test_clause_about_the_speaking_after_an_aside(analyse_misparsed):
    text = (
        "Some landlords are pushing tenants out of the valley, Ivo Marsh said, although Marsh gave no names."
    )
    claims = analyse_misparsed(text, {"gave": ("pushing", "advcl", "VBD")}).claims
    assert [c.content for c in claims] == ["Some landlords are pushing tenants out of the valley"]
