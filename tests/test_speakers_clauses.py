"""Speakers of clauses the parser attaches wrongly (a relative clause after a place, an adverbial clause
whose conjunction is taken for a preposition, a participle under a passive verb) of documents that
speak for their named author, and of descriptions that end by naming the person (made-up sentences)."""

from __future__ import annotations

import pytest
from helpers import assert_claim, one_claim
from spacy.tokens import Doc, Span

from newsdossier.extract.claims.speakers import SpeakerResolver, relative_antecedent, subject_of

# (text, expected speaker, cue, content, kind)
CASES = [
    pytest.param(
        "“It will not pass,” said Ruth Abel, a nurse from Lyon, France, who said she has voted in "
        "every election.",
        "Ruth Abel",
        "said",
        "she has voted in every election",
        "indirect",
        id="who-after-a-hometown-is-the-person-not-the-place",
    ),
    pytest.param(
        "The list of former officials criticising the plan grew longer on Friday as Tom Baird, the city's "
        "first mayor, argued that the tunnel would never pay for itself.",
        "Tom Baird",
        "argued",
        "the tunnel would never pay for itself",
        "indirect",
        id="as-clause-parsed-as-a-preposition",
    ),
    pytest.param(
        "The singer Mara Voss was jeered and drowned out by the crowd after warning them that the show would end early.",
        "Mara Voss",
        "warning",
        "the show would end early",
        "indirect",
        id="participle-under-a-passive-verb-is-its-subject-not-the-agent",
    ),
    pytest.param(
        "Mayor Ann Dale praised the builders as true craftsmen, thanked the voters, and insisted "
        "that the bridge would open in May.",
        "Ann Dale",
        "insisted",
        "the bridge would open in May",
        "indirect",
        id="a-list-of-verbs-keeps-its-one-subject",
    ),
    pytest.param(
        "The board met on Monday. A note sent to reporters by Tom Reyes, who joined the board in "
        'May, said "The station will obey the court."',
        "Tom Reyes",
        "said",
        "The station will obey the court.",
        "direct",
        id="a-document-sent-by-a-named-person",
    ),
    pytest.param(
        "“He is a fine mayor,” the lawyer Tom Hale said of Reyes. Of Dunmore, Hale, who has given money "
        "to Reyes, said, “He is out of his depth. I think he means well.”",
        "Tom Hale",
        "said",
        "He is out of his depth. I think he means well.",
        "direct",
        id="fronted-of-topic-is-spoken-of-not-the-speaker",
    ),
    pytest.param(
        "Of the budget, Nora Price, who has run the council for years, said, “It is a mess.”",
        "Nora Price",
        "said",
        "It is a mess.",
        "direct",
        id="fronted-of-topic-without-a-name",
    ),
    pytest.param(
        "Ruth Abel runs the paper. The editor I was talking to, Tom Reyes, interrupted me to announce, "
        "“The deal is off.”",
        "Tom Reyes",
        "announce",
        "The deal is off.",
        "direct",
        id="name-after-a-relative-clause-parsed-inside-it",
    ),
    pytest.param(
        "The two leaders discussed trade, a statement issued by the Premier's Office said.",
        "Premier's Office",
        "said",
        "The two leaders discussed trade",
        "indirect",
        id="a-document-released-by-a-named-office",
    ),
    pytest.param(
        "A letter signed by Dana Kirk said the school would close.",
        "Dana Kirk",
        "said",
        "the school would close",
        "indirect",
        id="a-document-signed-by-a-named-person",
    ),
    pytest.param(
        "The plan would cut jobs, according to a memo obtained by the Ledger.",
        "a memo obtained by the Ledger",
        "according to",
        "The plan would cut jobs",
        "indirect",
        id="who-obtained-a-document-did-not-write-it",
    ),
    pytest.param(
        "Ann Bell's memo said the plant would close.",
        "Ann Bell",
        "said",
        "the plant would close",
        "indirect",
        id="a-document-owned-by-a-named-person",
    ),
    pytest.param(
        "A police official in the northern district named Ravi told reporters that the road was closed.",
        "Ravi",
        "told",
        "the road was closed",
        "indirect",
        id="a-description-ending-in-the-name-it-gives",
    ),
    pytest.param(
        "Keeper of the City Archives, Omar Haddad Ruiz, said the files were lost.",
        "Omar Haddad Ruiz",
        "said",
        "the files were lost",
        "indirect",
        id="an-office-then-its-holder-in-apposition",
    ),
    pytest.param(
        "Supporters of Lena Frost said the race was tied.",
        "Supporters of Lena Frost",
        "said",
        "the race was tied",
        "indirect",
        id="a-name-after-a-preposition-is-someone-else",
    ),
    pytest.param(
        "Another police source speaking to the station said the suspect had fled.",
        "Another police source",
        "said",
        "the suspect had fled",
        "indirect",
        id="how-a-source-spoke-is-not-who-it-is",
    ),
    pytest.param(
        "The judge ruled on Monday, according to an aide speaking on condition of anonymity.",
        "an aide",
        "according to",
        "The judge ruled on Monday",
        "indirect",
        id="speaking-on-condition-of-anonymity-is-not-the-speaker",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), CASES)
def test_speaker_of_misattached_clause(analyse_text, text, speaker, cue, content, kind):
    """The claim holding the content has exactly the expected speaker, cue, content span and kind."""
    claims = analyse_text(text).claims
    assert_claim(claims, text, speaker, cue, content, kind)
    assert one_claim(claims, content).speaker == speaker


def test_speaker_words_stop_before_a_relative_clause(analyse_text):
    """The speaker's own words keep the hometown but not the clause after it."""
    text = "“It will not pass,” said Ruth Abel, a nurse from Lyon, France, who said she is tired."
    claim = next(c for c in analyse_text(text).claims if c.content == "she is tired")
    assert claim.speaker_text == "a nurse from Lyon, France"


def test_owner_of_a_document_is_written_without_its_possessive(analyse_text):
    """'The ministry's statement said …' is spoken by 'The ministry', not by 'The ministry's'."""
    claim = next(c for c in analyse_text("The ministry's statement said the border would reopen.").claims)
    assert claim.speaker_text == "The ministry"


def _parsed(nlp, words: list[str], heads: list[int], deps: list[str], places: list[int]) -> Doc:
    """A doc with the parse given by hand (the parser's attachment varies with the words)."""
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, spaces=[True] * len(words))
    for t in doc:
        t.tag_ = "WDT" if t.lower_ == "which" else ("VBD" if t.dep_ in ("ROOT", "relcl") else "NNP")
        t.pos_ = "PRON" if t.lower_ == "which" else ("VERB" if t.dep_ in ("ROOT", "relcl") else "PROPN")
    for i in places:
        doc[i].ent_type_ = "GPE"
    return doc


@pytest.mark.parametrize(
    ("words", "heads", "deps", "places", "speaker"),
    [
        pytest.param(
            ["Unions", "joined", "the", "Guild", "of", "Maine", ",", "which", "said", "no"],
            [1, 1, 3, 1, 3, 4, 5, 8, 5, 8],
            ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "nsubj", "relcl", "dobj"],
            [5],
            "Guild",
            id="which-after-of-a-place-is-the-body",
        ),
        pytest.param(
            ["Unions", "joined", "the", "Guild", "of", "Maine", ",", "which", "said", "no"],
            [1, 1, 3, 1, 3, 4, 5, 8, 5, 8],
            ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct", "nsubj", "relcl", "dobj"],
            [],
            "Maine",
            id="no-place-no-climb",
        ),
    ],
)
def test_relative_antecedent(nlp, words, heads, deps, places, speaker):
    """A relative clause attached to a place ending 'X of <place>' describes X; otherwise its own head."""
    doc = _parsed(nlp, words, heads, deps, places)
    said = next(t for t in doc if t.dep_ == "relcl")
    assert relative_antecedent(said.head).text == speaker
    assert subject_of(said).text == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        pytest.param(
            "Tom Reyes died on Monday. Reyes's father, Joseph, says his son loved the sea. "
            "His father said the boat was old.",
            "Joseph",
            "the boat was old",
            id="a-description-named-by-an-earlier-apposition",
        ),
        pytest.param(
            "Mary Walsh spoke in Ohio. Walsh's campaign raised money. The campaign said it would return.",
            "Walsh's campaign",
            "it would return",
            id="a-possessive-antecedent-keeps-its-possessive",
        ),
        pytest.param(
            "Springfield's nurses voted on Monday. The night-shift nurses said they wanted more staff.",
            "The night-shift nurses",
            "they wanted more staff",
            id="a-description-with-a-modifier-the-earlier-phrase-lacks",
        ),
    ],
)
def test_description_resolved_to_earlier_phrase(analyse_text, text, speaker, content):
    """A bare description takes the name of the earlier phrase with its head noun, when that phrase fits."""
    claim = one_claim(analyse_text(text).claims, content)
    assert (claim.speaker, claim.cue, claim.kind) == (speaker, "said", "indirect")
    assert text[claim.start : claim.end] == content


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        pytest.param(
            "The younger man, his nephew Tomas Ekberg, argued that the plan would fail.",
            "Tomas Ekberg",
            "argued",
            "the plan would fail",
            id="a-second-subject-after-a-comma-is-an-apposition",
        ),
        pytest.param(
            "The other driver, his brother Tomas Ekberg, 35, said the road was icy.",
            "Tomas Ekberg",
            "said",
            "the road was icy",
            id="a-relative-named-beside-the-description",
        ),
    ],
)
def test_description_named_by_apposition(analyse_text, text, speaker, cue, content):
    """A description with a person's name set beside it is that person; the description is its words."""
    claim = one_claim(analyse_text(text).claims, content)
    assert (claim.speaker, claim.cue, claim.kind) == (speaker, cue, "indirect")
    assert claim.speaker_text == text.split(",")[0]
    assert text[claim.start : claim.end] == content


def test_name_beside_a_description_without_an_actor(nlp):
    """A name the tagger marks as a person but no actor holds is still the speaker, as written."""
    words = ["The", "other", "man", ",", "his", "cousin", "Tomas", "Ekberg", ",", "said", "no"]
    heads = [2, 2, 9, 2, 5, 2, 7, 5, 2, 9, 9]
    deps = ["det", "amod", "nsubj", "punct", "poss", "appos", "compound", "appos", "punct", "ROOT", "dobj"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, spaces=[True] * len(words))
    tags = ["DT", "JJ", "NN", ",", "PRP$", "NN", "NNP", "NNP", ",", "VBD", "UH"]
    pos = ["DET", "ADJ", "NOUN", "PUNCT", "PRON", "NOUN", "PROPN", "PROPN", "PUNCT", "VERB", "INTJ"]
    for t, tag, p in zip(doc, tags, pos, strict=True):
        t.tag_, t.pos_ = tag, p
    doc.ents = [Span(doc, 6, 8, label="PERSON")]
    speaker = SpeakerResolver(doc, [], []).resolve(doc[2])
    assert (speaker.name, speaker.actor_id, speaker.basis) == ("Tomas Ekberg", "", "name")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        pytest.param(
            "Attendance has fallen by a third since 2019, according to the Parks Agency's public database.",
            "Parks Agency",
            "Attendance has fallen by a third since 2019",
            id="owner-of-a-database",
        ),
        pytest.param(
            "Ruth Abel spoke on Monday. Her remarks indicated the plant would close.",
            "Ruth Abel",
            "the plant would close",
            id="owner-of-remarks",
        ),
        pytest.param(
            "The mayor's response said the audit was flawed.",
            "The mayor",
            "the audit was flawed",
            id="owner-of-a-response",
        ),
        pytest.param(
            "According to the city's latest assessment, the bridge needs repairs.",
            "the city",
            "the bridge needs repairs",
            id="owner-of-an-assessment",
        ),
    ],
)
def test_owner_of_a_written_statement_speaks(analyse_text, text, speaker, content):
    """Whose database, remarks, response or assessment it is says who speaks through it."""
    assert one_claim(analyse_text(text).claims, content).speaker == speaker
