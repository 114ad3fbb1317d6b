"""Which cue around a direct quote is its attribution: a comma inside the closing mark ends a statement that
the sentence goes on from, the verb nearest the quote introduces it, a nickname or a title does not end the
attribution, a name after a heading's dash labels the quote, a line ending in a colon introduces the
paragraph below, a quote in brackets has its attribution inside them, a plain subject and verb after a
comma attribute the quote before them, and a byline after a quote makes it a title. Each case asserts the
speaker, the cue, the exact content and the kind."""

from __future__ import annotations

import pytest
from helpers import assert_claim
from spacy.tokens import Doc

from newsdossier.extract.claims import attribution
from newsdossier.text.nlp import sentences
from newsdossier.text.quotes import find_quotes

# (text, speaker (substring of the canonical name), cue, exact content)
ATTRIBUTED = [
    pytest.param(
        "When the lights came back on, Lia Ford was handed a cake by Senator Al Brandt and joked, "
        "“Cake for breakfast, you are all spoiling me,” earning a round of groans.",
        "Lia Ford",
        "joked",
        "Cake for breakfast, you are all spoiling me",
        id="comma-inside-the-mark-then-a-participle",
    ),
    pytest.param(
        "“Big surprise,” Ned Gray wrote last winter, “the mayor likes the plan her own office drafted,” "
        "after a spokesman praised it online.",
        "Ned Gray",
        "wrote",
        "the mayor likes the plan her own office drafted",
        id="second-part-of-a-split-quote-then-a-clause",
    ),
    pytest.param(
        "When the host Glen Rook asked about the vote, Dale Ferris replied, "
        "“If I were choosing today, the harbour plan gets my vote.”",
        "Dale Ferris",
        "replied",
        "If I were choosing today, the harbour plan gets my vote.",
        id="verb-nearest-the-quote",
    ),
    pytest.param(
        "A port engineer speaking to a local weekly said, “The cranes are older than anyone admits.”",
        "port engineer",
        "said",
        "The cranes are older than anyone admits.",
        id="verb-with-its-own-subject-over-a-participle",
    ),
    pytest.param(
        "Tom Welk said on Friday that the ferry would run, and Ida Rain replied: “Not before the spring.”",
        "Ida Rain",
        "replied",
        "Not before the spring.",
        id="coordinated-verb-nearest-the-quote",
    ),
    pytest.param(
        '“We won the vote tonight!” Councillor Jo "Ace" Reed yelled from the stage. “The town is with us.”',
        "Reed",
        "yelled",
        "We won the vote tonight!",
        id="nickname-inside-the-attribution",
    ),
    pytest.param(
        "“We won the vote tonight!” The mayor's deputy, Jo Reed, yelled from the stage.",
        "Jo Reed",
        "yelled",
        "We won the vote tonight!",
        id="apposition-in-a-short-attribution-sentence",
    ),
    pytest.param(
        "Ferry timetables slip again - Mara Quist: “Every winter the same boats break down in the same week.”",
        "Mara Quist",
        "",
        "Every winter the same boats break down in the same week.",
        id="name-after-a-heading-and-a-dash",
    ),
    pytest.param(
        "The Harbour Trust states its aim on its website:\n\n“Everywhere we work, we try to leave the "
        "water cleaner than we found it.”\n\nThe trust was founded in 1990.",
        "Harbour Trust",
        "states",
        "Everywhere we work, we try to leave the water cleaner than we found it.",
        id="colon-line-in-the-paragraph-above",
    ),
    pytest.param(
        "Here is the record of the hearing:\n\n“REED: The ferry will not run again this winter.”",
        "REED",
        "",
        "The ferry will not run again this winter.",
        id="colon-line-with-no-cue-leaves-the-label",
    ),
    pytest.param(
        "“This town keeps its promises,” a visibly angry Rena Vidal bristled. “Every one of them.”",
        "Rena Vidal",
        "bristled",
        "This town keeps its promises",
        id="subject-and-a-verb-with-no-object-after-a-comma",
    ),
    pytest.param(
        "The debate pits cautious voters (“Nobody should rush a bridge this size,” Lina Voss wrote in the "
        "Valley Post on Sunday) against impatient ones.",
        "Lina Voss",
        "wrote",
        "Nobody should rush a bridge this size",
        id="quote-and-attribution-in-brackets",
    ),
    pytest.param(
        "Outside the hall the crowd chanted “Why not now?” until midnight.",
        "crowd",
        "chanted",
        "Why not now?",
        id="short-sentence-right-after-the-verb",
    ),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content"), ATTRIBUTED)
def test_the_cue_that_introduces_a_quote(analyse_text, text, speaker, cue, content):
    assert_claim(analyse_text(text).claims, text, speaker, cue, content, "direct")


NO_STATEMENT = [
    pytest.param(
        "MUST READ—“Ferry fares to rise in the spring,” by Jane Orr of the Harbour Herald: “The port "
        "board voted on Monday to raise every fare.”",
        "Ferry fares to rise in the spring",
        id="title-with-a-byline",
    ),
    pytest.param(
        "—“Old mill to become a school,” by the Valley Gazette’s Ian Dorn: “The mill will close in May.”",
        "Old mill to become a school",
        id="title-with-a-byline-of-an-outlet",
    ),
    pytest.param(
        "She avoided the loaded phrase, “fiscal cliff,” which several columnists had used all week.",
        "fiscal cliff",
        id="term-set-off-by-commas",
    ),
    pytest.param(
        "At a hearing that Judge Ana Moss called “tedious,” the lawyers argued about parking for an hour.",
        "tedious",
        id="one-word-after-a-naming-verb",
    ),
    pytest.param(
        "“Fresh fish every single day,” the shop owner painted the sign in red.",
        "Fresh fish every single day",
        id="verb-with-an-object-after-a-comma",
    ),
    pytest.param(
        "The council bought the old mill, “a fine brick building from the last century.”",
        "a fine brick building from the last century.",
        id="apposition-to-the-object-of-no-speech-verb",
    ),
    pytest.param("The band played its hit (“Summer Rain”) twice.", "Summer Rain", id="title-in-brackets"),
]


@pytest.mark.parametrize(("text", "quoted"), NO_STATEMENT)
def test_titles_and_terms_are_no_claim(analyse_text, text, quoted):
    claims = analyse_text(text).claims
    assert quoted not in [c.content for c in claims], [(c.speaker, c.content) for c in claims]


def _parsed(nlp, words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A made-up sentence with the parse given, as the parser sometimes reads one."""
    lemmas = ["say" if w == "said" else w.lower() for w in words]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_a_verb_the_parse_joins_to_a_verb_inside_the_quote_still_attributes_it(nlp):
    # '“We won, and we stayed,” Jo Reed said.' with 'said' read as going on from 'stayed' inside the quote
    words = ["“", "We", "won", ",", "and", "we", "stayed", ",", "”", "Jo", "Reed", "said", "."]
    heads = [2, 2, 2, 2, 2, 6, 2, 2, 2, 10, 11, 6, 11]
    deps = ["punct", "nsubj", "ROOT", "punct", "cc", "nsubj", "conj", "punct", "punct", "compound", "nsubj"]
    deps += ["conj", "punct"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "CCONJ", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "PROPN"]
    pos += ["VERB", "PUNCT"]
    doc = _parsed(nlp, words, heads, deps, pos)
    quote = find_quotes(doc.text, sentences(doc))[0]
    after = [t for t in doc if t.idx >= quote.close]
    assert attribution._attributes_back(doc.text, quote, after)
    assert attribution.speaker_in_fragment(after, after=True) == (doc[10], doc[11])
